"""The command line, run as users run it: in a subprocess."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.tools import fifo

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "spec" / "face-person-group-training.yaml"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )


def test_generate_makes_an_installable_distribution(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = run("generate", str(SPEC), "--output", str(out), "--package", "my_face")
    assert result.returncode == 0, result.stderr
    assert (out / "pyproject.toml").is_file() and (out / "README.md").is_file()
    assert (out / "my_face" / "__init__.py").is_file() and (out / "my_face" / "py.typed").is_file()
    again = tmp_path / "again"
    assert run("generate", str(SPEC), "-o", str(again), "-p", "my_face").returncode == 0
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        assert path.read_bytes() == (again / path.relative_to(out)).read_bytes(), path


def test_validate_reports_and_exits_1_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo:\n  title: x\npaths: {}\n", encoding="utf-8")
    result = run("validate", str(bad), "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "/info" in result.stderr
    assert run("validate", str(SPEC)).returncode == 0


def test_the_command_flushes_everything_it_says_before_it_exits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command ends its process without Python's shutdown (cli.console): what it printed
    # must all be out (stdout to a pipe is block-buffered), and the status kept.
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    bad = tmp_path / "bad.yaml"
    operations = "".join(f"  /p{index}:\n    get: {{}}\n" for index in range(300))
    bad.write_text(f"openapi: 3.0.3\ninfo: {{title: x, version: '1'}}\npaths:\n{operations}")
    result = run("generate", str(bad), "-o", str(tmp_path / "out"), "-p", "p", "--strict")
    assert result.returncode == 1
    assert "250 more problems not shown" in result.stderr
    assert result.stderr.endswith("51 error(s), 0 warning(s); nothing was written.\n")
    assert not (tmp_path / "out").exists()
    good = run("generate", str(SPEC), "-o", str(tmp_path / "good"), "-p", "p")
    assert (good.returncode, good.stdout) == (0, f"wrote 35 files to {tmp_path / 'good'}\n")


def test_validator_findings_are_warnings_unless_strict(tmp_path: Path) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text(
        "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get:\n"
        "      title: not allowed here\n      responses:\n        '200': {description: ok}\n",
        encoding="utf-8",
    )
    lenient = run("generate", str(odd), "--output", str(tmp_path / "out"), "--package", "odd")
    assert lenient.returncode == 0, lenient.stderr
    assert "warning[validate.schema]" in lenient.stderr and "/paths/~1a/get" in lenient.stderr
    strict = run(
        "generate", str(odd), "--output", str(tmp_path / "out2"), "--package", "odd", "--strict"
    )
    assert strict.returncode == 1 and "error[validate.schema]" in strict.stderr
    assert not (tmp_path / "out2").exists()


def test_failed_generation_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: [\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous output", encoding="utf-8")
    result = run("generate", str(bad), "--output", str(out), "--package", "x")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_check_names_stale_files(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "spec", project / "spec")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    assert run("--config", str(project / "pyproject.toml")).returncode == 0
    clean = run("--check", "--config", str(project / "pyproject.toml"))
    assert clean.returncode == 0, clean.stderr
    models = project / "generated" / "face_client" / "face_client" / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    stale = run("--check", "--config", str(project / "pyproject.toml"))
    assert stale.returncode == 1
    assert "face_client/models.py" in stale.stderr


@pytest.mark.parametrize(
    "package", ["class", "caf\u00e9", "\ufb01le", "My_client", "1abc", "json", "httpx"]
)
def test_bad_package_name_is_a_usage_error(package: str, tmp_path: Path) -> None:
    result = run("generate", str(SPEC), "--output", str(tmp_path / "o"), "--package", package)
    assert result.returncode == 2 and f"{package!r} is not a valid package name" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "o").exists()


@pytest.mark.slow
def test_wheel_ships_the_templates(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next(tmp_path.glob("clientgen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "generator/templates/manifest.toml" in names
    assert "generator/templates/package/models.py.j2" in names
    assert "generator/templates/package/_codecs.j2" in names


@pytest.mark.parametrize("stage", ["parse", "render", "format_files"])
def test_a_recursion_error_in_any_stage_is_one_located_error(
    stage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Depth that comes from $ref chains can outrun Python's stack after the loader's and the
    validator's checks; every stage turns that into a diagnostic, never a traceback."""
    from generator import cli
    from generator.build import pipeline

    def too_deep(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline, stage, too_deep)
    out = tmp_path / "out"
    status = cli.main(["generate", str(SPEC), "--output", str(out), "--package", "p"])
    stderr = capsys.readouterr().err
    assert status == 1 and not out.exists()
    assert "Traceback" not in stderr and "internal error" not in stderr
    expected = {"parse": "parse", "render": "render", "format_files": "format"}[stage]
    assert f"error[{expected}.too-deep]" in stderr, stderr


def test_a_path_that_could_change_the_host_is_an_error_even_without_strict() -> None:
    spec = ROOT / "tests" / "errors" / "malformed" / "path-not-absolute.yaml"
    result = run("validate", str(spec))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error[path-not-absolute]" in result.stderr


def _configured_project(tmp_path: Path, output: Path) -> Path:
    """A pyproject.toml whose one client writes the Face client to `output`."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[[tool.clientgen.clients]]\n"
        f"spec = {str(SPEC)!r}\noutput = {str(output)!r}\npackage = \"face_client\"\n",
        encoding="utf-8",
    )
    return pyproject


def _generate_into(form: str, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """One run writing the Face client to `output`: `generate`, or the configured build step."""
    if form == "generate":
        return run("generate", str(SPEC), "-o", str(output), "-p", "face_client", *extra)
    pyproject = _configured_project(output.parent, output)
    return run("--config", str(pyproject), *extra)


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("form", ["generate", "build-step"])
def test_a_folder_clientgen_did_not_write_is_kept_unless_forced(form: str, tmp_path: Path) -> None:
    project = tmp_path / "work" / "project"
    for rel, text in {"src/app.py": "print()\n", "TODO.txt": "todo\n", ".hg/requires": "x\n"}.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    before = _files(project)
    refused = _generate_into(form, project)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr and "internal error" not in refused.stderr
    assert f"{project}: error[output.not-generated]" in refused.stderr
    assert ".hg/requires, TODO.txt, src/app.py" in refused.stderr and "--force" in refused.stderr
    assert "wrote" not in refused.stdout and _files(project) == before
    forced = _generate_into(form, project, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "removed 3 files that are not generated: .hg/requires, TODO.txt, src/app.py" in (
        forced.stdout
    )
    assert (project / ".clientgen").is_file() and not (project / "TODO.txt").exists()


def test_a_regeneration_names_what_it_deletes_and_counts_what_changed(tmp_path: Path) -> None:
    output = tmp_path / "client"
    first = run("generate", str(SPEC), "-o", str(output), "-p", "face_client")
    assert first.returncode == 0, first.stderr
    total = len(_files(output)) - 1  # the marker is not counted
    assert first.stdout.strip() == f"wrote {total} files to {output}"
    (output / "NOTES.md").write_text("mine\n", encoding="utf-8")
    (output / "tests").mkdir()
    (output / "tests" / "test_x.py").write_text("mine\n", encoding="utf-8")
    models = output / "face_client" / "models.py"
    models.write_text(models.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    again = run("generate", str(SPEC), "-o", str(output), "-p", "face_client")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        f"updated 1 of {total} files in {output}",
        "removed 2 files that are not generated: NOTES.md, tests/test_x.py",
    ]


def test_the_committed_client_is_a_regeneration_target(tmp_path: Path) -> None:
    """generated/face_client was written before the marker existed (or carries it)."""
    output = tmp_path / "face_client"
    shutil.copytree(ROOT / "generated" / "face_client", output)
    result = run("generate", str(SPEC), "-o", str(output), "-p", "face_client")
    assert result.returncode == 0, result.stderr
    assert (output / ".clientgen").is_file()


@pytest.mark.parametrize(
    ("where", "code"),
    [("a-file", "output.not-a-directory"), ("a-file/out", "output.parent-not-a-directory")],
)
@pytest.mark.parametrize("form", ["generate", "build-step"])
def test_an_output_path_problem_is_a_usage_error_found_before_the_spec_is_read(
    form: str, where: str, code: str, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("keep me\n", encoding="utf-8")
    output = tmp_path / where
    missing_spec = tmp_path / "no-such-spec.yaml"
    if form == "generate":
        result = run("generate", str(missing_spec), "-o", str(output), "-p", "x")
    else:
        pyproject = tmp_path / "pyproject.toml"
        pyproject.write_text(
            f'[[tool.clientgen.clients]]\nspec = "no-such-spec.yaml"\noutput = {where!r}\n'
            'package = "x"\n',
            encoding="utf-8",
        )
        result = run("--config", str(pyproject), cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"error[{code}]" in result.stderr and "no-such-spec" not in result.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep me\n"
@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_spec_that_is_not_a_regular_file_is_one_located_error(kind: str, tmp_path: Path) -> None:
    """/dev/zero was read up to the size limit (twice: the validator's process too) and a
    FIFO hung the run."""
    out = tmp_path / "out"
    with contextlib.ExitStack() as stack:
        spec = Path("/dev/zero") if kind == "device" else stack.enter_context(
            fifo(tmp_path / "spec.yaml")
        )
        result = run("generate", str(spec), "-o", str(out), "-p", "p")
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.splitlines()[0].startswith(f"{spec}: error[load.not-regular] at /: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_works_before_or_after_the_command(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import cli
    from generator.build import pipeline

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "render", broken)
    args = ["generate", str(SPEC), "-o", str(tmp_path / "out"), "-p", "p"]
    status = cli.main(["--debug", *args] if where == "before" else [*args, "--debug"])
    stderr = capsys.readouterr().err
    assert status == 1
    assert "Traceback" in stderr and "internal error: RuntimeError: a bug" in stderr


@pytest.fixture
def fresh_generator_digest() -> Iterator[None]:
    """The generator's digest (which asks black's version) is computed once per process."""
    from generator.build import cache

    cache._generator_digest.cache_clear()
    cache.installed_version.cache_clear()  # what it asks of black, remembered
    yield
    cache._generator_digest.cache_clear()
    cache.installed_version.cache_clear()


@pytest.mark.usefixtures("fresh_generator_digest")
@pytest.mark.parametrize("missing", ["black distribution", "jinja2 module"])
def test_a_missing_dependency_is_named_with_how_to_install_it(
    missing: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--check` without black said `internal error: PackageNotFoundError: No package metadata
    was found for black`."""
    from importlib import metadata

    from generator import cli
    from generator.build import pipeline

    if missing == "black distribution":
        real_version = metadata.version

        def version(name: str) -> str:
            if name == "black":
                raise metadata.PackageNotFoundError(name)
            return real_version(name)

        monkeypatch.setitem(sys.modules, "black", None)  # find_spec("black") is None
        monkeypatch.setattr(metadata, "version", version)
        package = "black"
    else:

        def no_jinja2(*args: object, **kwargs: object) -> object:
            raise ModuleNotFoundError("No module named 'jinja2'", name="jinja2")

        monkeypatch.setattr(pipeline, "generate", no_jinja2)
        package = "jinja2"
    status = cli.main(["--check", "--config", str(ROOT / "pyproject.toml")])
    stderr = capsys.readouterr().err
    assert status == 1
    expected = (
        f"error: clientgen needs the package '{package}', which is not installed for"
        f" {sys.executable}; install it with `{sys.executable} -m pip install {package}`"
        " (or reinstall clientgen with its dependencies)"
    )
    assert stderr.splitlines() == [expected]
