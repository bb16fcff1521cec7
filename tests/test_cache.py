"""A regeneration that could not change anything is skipped; any change means a full run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import cli, pipeline

ROOT = Path(__file__).resolve().parent.parent


def _generate(spec: Path, output: Path, *extra: str) -> int:
    return cli.main([*extra, "generate", str(spec), "-o", str(output), "-p", "pkg"])


@pytest.fixture
def multifile(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests" / "specs" / "multifile", tmp_path / "spec")
    return tmp_path / "spec" / "openapi.yaml"


def _generation_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = pipeline.generate

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "generate", counted)
    return calls


def test_an_unchanged_rerun_skips_generation(
    multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*")}
    assert _generate(multifile, output) == 0
    assert len(calls) == 1
    assert "nothing it depends on changed" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*")} == before


@pytest.mark.parametrize("change", ["spec", "referenced file", "output file", "extra output file", "no-cache"])
def test_any_change_means_a_full_run(
    change: str, multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    extra: tuple[str, ...] = ()
    if change == "spec":
        multifile.write_text(multifile.read_text() + "\n# edited\n")
    elif change == "referenced file":
        referenced = multifile.parent / "responses.yaml"
        referenced.write_text(referenced.read_text() + "\n# edited\n")
    elif change == "output file":
        target = next(output.rglob("models.py"))
        target.write_text(target.read_text() + "# edited\n")
    elif change == "extra output file":
        (next(output.rglob("models.py")).parent / "stray.py").write_text("")
    else:
        extra = ("--no-cache",)
    assert _generate(multifile, output, *extra) == 0
    assert len(calls) == 2
    if change in ("output file", "extra output file"):
        assert not (next(output.rglob("models.py")).parent / "stray.py").exists()
        assert "# edited" not in next(output.rglob("models.py")).read_text()


def test_an_up_to_date_check_imports_nothing_heavy() -> None:
    # The no-op path must stay a fraction of a full run even on a tiny spec, where importing
    # black, jinja2 and the validator would be most of the time (and multiprocessing, tomllib,
    # importlib.metadata or ctypes a good part of what is left). Post-render hooks need
    # subprocess, but only a run that generates runs them. (tempfile is not named: this
    # interpreter's site imports it before any of ours.)
    import subprocess
    import sys

    heavy = (
        "black",
        "jinja2",
        "openapi_spec_validator",
        "multiprocessing",
        "tomllib",
        "importlib.metadata",
        "ctypes",
        "generator.hooks",
        "subprocess",
        "shlex",
    )
    probe = f"import sys, generator.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert run.stdout.strip() == "[]", run.stdout
