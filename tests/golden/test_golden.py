"""Golden cases: a spec and the exact files it must generate.

Run `python -m pytest tests/golden/test_golden.py --update-golden` to rewrite the expected files after
an intended change, then review the diff like any other code change.

The runtime modules (manifest entries with `runtime = "NAME"`) are not stored again under each
case: each generated copy must equal its source (generator/runtime/NAME, or the case's
template directory's `package/NAME`) byte for byte, and `--update-golden` does not write them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build.pipeline import generate
from generator.render import output_plan as outputs
from generator.render.engine import make_environment

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SPECS = Path(__file__).resolve().parents[1] / "specs"

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_TEMPLATES = ROOT / "examples" / "custom-templates" / "templates"

CASES = [
    pytest.param(SPECS / "features.yaml", "zoo", GOLDEN / "features", (), id="features"),
    pytest.param(SPECS / "operations.yaml", "shop", GOLDEN / "operations", (), id="operations"),
    pytest.param(SPECS / "formats.yaml", "formats_client", GOLDEN / "formats", (), id="formats"),
    pytest.param(SPECS / "styles.yaml", "paramstyles", GOLDEN / "styles", (), id="styles"),
    pytest.param(SPECS / "xml.yaml", "xml_shapes", GOLDEN / "xml", (), id="xml"),
    pytest.param(
        SPECS / "content.yaml", "content_client", GOLDEN / "content", (), id="content"
    ),
    pytest.param(SPECS / "paging.yaml", "paging_client", GOLDEN / "paging", (), id="paging"),
    pytest.param(
        SPECS / "polymorphism.yaml", "aquarium", GOLDEN / "polymorphism", (), id="polymorphism"
    ),
    pytest.param(SPECS / "streams.yaml", "streams_client", GOLDEN / "streams", (), id="streams"),
    pytest.param(
        SPECS / "face-reworded.json",
        "reworded_face",
        GOLDEN / "face-reworded",
        (),
        id="face-reworded",
    ),
    # The worked example of docs/templates.md: a block override and new files.
    pytest.param(
        ROOT / "spec" / "face-person-group-training.yaml",
        "face_client",
        GOLDEN / "custom-templates",
        (EXAMPLE_TEMPLATES,),
        id="custom-templates",
    ),
    # Every module that can be split is: models, enums and strategies become packages of
    # parts (render/views/module_parts.py), under the budget below.
    pytest.param(SPECS / "polymorphism.yaml", "aquarium", GOLDEN / "split", (), id="split"),
]

BUDGETS = {GOLDEN / "split": 1}
"""The module budget of a case (bytes past which a module is split), where it is not the
default."""


def _runtime_sources(package: str, templates: tuple[Path, ...]) -> dict[str, Path]:
    """Output path → the runtime module it is a copy of, for the manifest in effect."""
    manifest, problems = outputs.read_manifest(make_environment(templates))
    assert not problems, [d.format() for d in problems]
    sources = {}
    for entry in outputs.planned_outputs(manifest, templates):
        if entry.runtime:
            source = outputs.runtime_source(entry.template, templates)
            assert source is not None, entry.template
            sources[entry.output.replace("{package}", package)] = source
    return sources


@pytest.mark.parametrize(("spec", "package", "expected_dir", "templates"), CASES)
def test_golden(
    spec: Path,
    package: str,
    expected_dir: Path,
    templates: tuple[Path, ...],
    request: pytest.FixtureRequest,
) -> None:
    budget = BUDGETS.get(expected_dir)
    result = generate(spec, package=package, template_dirs=templates, module_budget=budget)
    assert result.ok, [d.format() for d in result.diagnostics]
    runtime = _runtime_sources(package, templates)
    assert f"{package}/_http.py" in runtime and f"{package}/polling.py" in runtime
    stored = {path: text for path, text in result.files.items() if path not in runtime}
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, text in stored.items():
            target = expected_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    on_disk = sorted(
        p.relative_to(expected_dir).as_posix() for p in expected_dir.rglob("*") if p.is_file()
    )
    assert on_disk == sorted(stored), "the set of generated files changed"
    for relative, text in stored.items():
        expected = (expected_dir / relative).read_text(encoding="utf-8")
        assert text == expected, f"{relative} differs from the golden copy (--update-golden)"
    # The runtime modules are copies: generated, each exactly as its source.
    assert set(runtime) <= set(result.files), "a runtime module was not generated"
    for relative, source in runtime.items():
        copy = result.files[relative].encode("utf-8")
        assert copy == source.read_bytes(), f"{relative} is not a byte-for-byte copy of {source}"
