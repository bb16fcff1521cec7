"""Golden cases: a spec and the exact files it must generate.

Run `python -m pytest tests/golden/test_golden.py --update-golden` to rewrite the expected files after
an intended change, then review the diff like any other code change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build.pipeline import generate

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SPECS = Path(__file__).resolve().parents[1] / "specs"

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_TEMPLATES = ROOT / "examples" / "custom-templates" / "templates"

CASES = [
    pytest.param(SPECS / "features.yaml", "zoo", GOLDEN / "features", (), id="features"),
    pytest.param(SPECS / "operations.yaml", "shop", GOLDEN / "operations", (), id="operations"),
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
]


@pytest.mark.parametrize(("spec", "package", "expected_dir", "templates"), CASES)
def test_golden(
    spec: Path,
    package: str,
    expected_dir: Path,
    templates: tuple[Path, ...],
    request: pytest.FixtureRequest,
) -> None:
    result = generate(spec, package=package, template_dirs=templates)
    assert result.ok, [d.format() for d in result.diagnostics]
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, text in result.files.items():
            target = expected_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    on_disk = sorted(
        str(p.relative_to(expected_dir)) for p in expected_dir.rglob("*") if p.is_file()
    )
    assert on_disk == sorted(result.files), "the set of generated files changed"
    for relative, text in result.files.items():
        expected = (expected_dir / relative).read_text(encoding="utf-8")
        assert text == expected, f"{relative} differs from the golden copy (--update-golden)"
