"""The generated packages pass black, ruff and mypy --strict, and import only what they may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from support.tools import GeneratedPackage, mypy_strict, ruff_check, tool_output


def _package_dirs(packages: dict[str, GeneratedPackage]) -> list[Path]:
    return [pkg.root / pkg.case.package for pkg in packages.values()]


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)


def test_mypy_strict(generated_packages: dict[str, GeneratedPackage]) -> None:
    for pkg in generated_packages.values():
        result = mypy_strict(pkg.case.package, cwd=pkg.root)
        assert result.returncode == 0, tool_output(result)


def test_ruff_with_default_rules(generated_packages: dict[str, GeneratedPackage]) -> None:
    for directory in _package_dirs(generated_packages):
        result = ruff_check(directory)
        assert result.returncode == 0, tool_output(result)


def test_black_is_stable(generated_packages: dict[str, GeneratedPackage]) -> None:
    for directory in _package_dirs(generated_packages):
        result = _run(sys.executable, "-m", "black", "--check", "--quiet", str(directory))
        assert result.returncode == 0, result.stdout + result.stderr


def test_imports_only_stdlib_and_httpx(generated_packages: dict[str, GeneratedPackage]) -> None:
    for pkg in generated_packages.values():
        package = pkg.root / pkg.case.package
        for path in sorted(package.rglob("*.py")):
            allowed = set(sys.stdlib_module_names) | {"httpx"}
            if path.name == "strategies.py" or path.parent.name == "strategies":
                allowed.add("hypothesis")
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    roots = [alias.name.split(".")[0] for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    roots = [node.module.split(".")[0]]
                else:
                    continue
                assert set(roots) <= allowed, f"{path.name} imports {roots}"


def test_importing_the_package_does_not_import_hypothesis() -> None:
    code = (
        "import sys, face_client; "
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'; print('ok')"
    )
    root = Path(__file__).resolve().parents[2] / "generated" / "face_client"
    result = _run(sys.executable, "-c", code, cwd=root)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_every_model_and_enum_is_exported(generated_packages: dict[str, GeneratedPackage]) -> None:
    for pkg in generated_packages.values():
        exported = set(pkg.module.__all__)
        expected = {m.class_name for m in pkg.api.models} | {e.class_name for e in pkg.api.enums}
        assert expected | {"DeserializationError", "ClientError", "UNSET"} <= exported
        for name in exported:
            assert hasattr(pkg.module, name), name


def test_docstrings_come_from_the_spec(generated_packages: dict[str, GeneratedPackage]) -> None:
    for pkg in generated_packages.values():
        for model in pkg.api.models:
            cls = getattr(pkg.models, model.class_name)
            if model.description:
                first_words = " ".join(model.description.split()[:3])
                assert first_words in " ".join((cls.__doc__ or "").split()), model.class_name
            # models.py, or the part of a split models package that defines it
            source = Path(sys.modules[cls.__module__].__file__ or "").read_text(encoding="utf-8")
            for field in model.fields:
                if field.description:
                    assert " ".join(field.description.split()[:3]) in " ".join(source.split())
