"""The CLI starts the validator before importing the pipeline; its findings are used as if the
pipeline had validated the document it loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.tools import other_threads

from generator import forked_call as background
from generator.build.pipeline import generate
from generator.validate import early_start as early_validation

ROOT = Path(__file__).resolve().parents[3]
INVALID = ROOT / "tests" / "errors" / "malformed" / "info-wrong-type.yaml"


def _codes(spec: Path, validation: early_validation.Validation | None) -> list[str]:
    result = generate(spec, package="pkg", validation=validation)
    return [d.code for d in result.diagnostics]


def test_the_early_child_finds_what_the_pipeline_would() -> None:
    others = other_threads()
    assert background.can_fork(), (
        f"cannot fork, so the early path goes untested; threads still running: {others}"
    )
    started = early_validation.start(INVALID)
    assert started is not None
    assert _codes(INVALID, started) == _codes(INVALID, None) == ["validate.schema"]


def test_a_child_that_could_not_load_the_spec_leaves_validation_to_the_pipeline() -> None:
    # The spec changed between the two loads, say: the pipeline validates what it loaded.
    assert _codes(INVALID, lambda: None) == ["validate.schema"]


def test_without_fork_nothing_starts_early(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTGEN_NO_FORK", "1")
    assert early_validation.start(INVALID) is None
