"""generator/build/run.py: one function does a whole run for a library caller, as the CLI's."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from generator.build.config import ClientConfig
from generator.build.run import Outcome, run_client
from generator.diagnostics import Diagnostic
from generator.format.formatter import format_files

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "tests" / "specs" / "operations.yaml"


def test_run_client_writes_compares_and_reuses_the_record(tmp_path: Path) -> None:
    client = ClientConfig(spec=SPEC, output=tmp_path / "out", package="ops_client")
    told: list[Diagnostic] = []
    stages: list[str] = []

    written = run_client(client, report=told.extend, progress=stages.append)
    assert written.outcome is Outcome.WRITTEN and written.ok, written.diagnostics
    assert written.summary is not None and written.files is not None
    assert (tmp_path / "out" / "ops_client" / "client.py").is_file()
    assert list(written.diagnostics) == told  # what the callback heard is what it returns
    assert stages[0] == "load" and stages[-1] == "write"

    assert run_client(client).outcome is Outcome.CACHED
    assert run_client(client, use_cache=False).outcome is Outcome.UNCHANGED
    assert run_client(client, check=True).outcome is Outcome.CURRENT

    (tmp_path / "out" / "ops_client" / "client.py").write_text("# edited\n", encoding="utf-8")
    stale = run_client(client, check=True)
    assert stale.outcome is Outcome.STALE and not stale.ok
    assert stale.stale == ("ops_client/client.py",)


def test_the_cyclic_collector_is_off_during_a_run_and_as_it_was_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.build import pipeline

    seen: list[bool] = []
    original = pipeline.generate

    def generate(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "generate", generate)
    client = ClientConfig(spec=SPEC, output=tmp_path / "out", package="ops_client")
    assert gc.isenabled()
    assert run_client(client).outcome is Outcome.WRITTEN
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # a caller that turned it off keeps it off
        assert run_client(client, use_cache=False).outcome is Outcome.UNCHANGED
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_run_client_refuses_an_output_it_may_not_replace(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "notes.txt").write_text("not generated\n", encoding="utf-8")
    result = run_client(ClientConfig(spec=SPEC, output=output, package="ops_client"))
    assert result.outcome is Outcome.REFUSED and not result.ok
    assert result.diagnostics and (output / "notes.txt").is_file()


def test_run_client_fails_on_a_bad_spec_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  pets: {}\n")
    result = run_client(ClientConfig(spec=bad, output=tmp_path / "out", package="x"))
    assert result.outcome is Outcome.FAILED
    assert "path-not-absolute" in [d.code for d in result.diagnostics]
    assert not (tmp_path / "out").exists()


def test_code_that_does_not_parse_names_its_file_as_data() -> None:
    """The pipeline finds the user's template that rendered a bad file from this field, not by
    splitting the message text."""
    _, problems = format_files({"pkg/bad.py": "def (:\n", "pkg/good.py": "x = 1\n"})
    assert [(p.code, p.generated_file) for p in problems] == [
        ("generated-code-invalid", "pkg/bad.py")
    ]
