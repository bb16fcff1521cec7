"""Generator fuzzing: random valid OpenAPI documents (tests/support/fuzz_specs.py) either generate a
package that compiles, imports, round-trips and passes `mypy --strict` and ruff, or are refused
with located error messages. Never an exception, never a traceback.

CI runs CLIENTGEN_FUZZ_EXAMPLES documents (default 25), the same ones every run. A long
campaign, as the README says, draws new ones:
    CLIENTGEN_FUZZ_RANDOM=1 CLIENTGEN_FUZZ_EXAMPLES=2000 python -m pytest tests/property/test_fuzz.py
Every document tried is kept under the test's temporary directory (`spec_<n>.json`), and a
failure names the one to rerun with `python -m generator generate`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from support.fuzz_specs import openapi_documents
from support.tools import mypy_strict, ruff_check, tool_output

from generator.build.pipeline import generate
from generator.diagnostics import Severity
from generator.output.atomic_write import write_tree

SUPPORT = Path(__file__).resolve().parents[1] / "support"
EXAMPLES = int(os.environ.get("CLIENTGEN_FUZZ_EXAMPLES", "25"))
# The same documents every run unless a campaign asks for new ones, so CI never fails on a
# draw it has not seen before; campaigns find the new bugs.
RANDOM = bool(os.environ.get("CLIENTGEN_FUZZ_RANDOM"))


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, env=env, timeout=1800)


def test_random_documents_generate_working_packages_or_clear_errors(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    plan: dict[str, list[list[str]]] = {}
    refused: list[str] = []
    specs: list[Path] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not RANDOM,
        suppress_health_check=list(HealthCheck),
    )
    @given(openapi_documents())
    def one_document(document: dict[str, object]) -> None:
        index = len(specs)
        spec = tmp_path / f"spec_{index}.json"
        spec.write_text(json.dumps(document, indent=1), encoding="utf-8")
        specs.append(spec)
        package = f"fuzz_{index}"
        result = generate(spec, package=package)
        if not result.ok:
            errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
            assert errors and not result.files, spec
            for diagnostic in errors:
                assert diagnostic.file == str(spec) and diagnostic.message, diagnostic
                # Errors about the document point into it; only output checks point nowhere.
                assert diagnostic.pointer or diagnostic.code.startswith("generated-"), diagnostic
            refused.append(f"{spec.name}: " + "; ".join(d.format() for d in errors[:2]))
            return
        for path, text in result.files.items():
            if path.endswith(".py"):
                compile(text, f"{spec.name}:{path}", "exec")
        write_tree(result.files, dist / package)
        plan[package] = []

    one_document()
    assert plan, "every document was refused:\n" + "\n".join(refused)
    _fill_models(plan, specs)

    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    paths = os.pathsep.join(str(dist / package) for package in plan)
    env = {**os.environ, "PYTHONPATH": paths}
    env["HYPOTHESIS_STORAGE_DIRECTORY"] = str(tmp_path / ".hypothesis")
    checked = _run(sys.executable, str(SUPPORT / "fuzz_check.py"), str(plan_file), env=env)
    assert checked.returncode == 0 and checked.stdout.strip() == "ok", checked.stdout + checked.stderr

    packages = [str(dist / package / package) for package in plan]
    typed = mypy_strict(*packages)
    assert typed.returncode == 0, tool_output(typed)
    linted = ruff_check(*packages)
    assert linted.returncode == 0, tool_output(linted)


def _fill_models(plan: dict[str, list[list[str]]], specs: list[Path]) -> None:
    """Each package's models as [class, strategy, JSON strategy], from the generator's IR."""
    from generator.parse.api_parser import parse

    for package in plan:
        index = int(package.rsplit("_", 1)[1])
        document = json.loads(specs[index].read_text(encoding="utf-8"))
        api, _ = parse(document, package_name=package)
        assert api is not None
        plan[package] = [
            [model.class_name, model.strategy_name, model.json_strategy_name]
            for model in api.models
        ]
