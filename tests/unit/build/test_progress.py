"""Stage timings: a status line and a summary on a terminal, nothing at all elsewhere."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from generator.build.progress import StageClock, summary


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _ticking(*times: float):  # type: ignore[no-untyped-def]
    moments = iter(times)
    return lambda: next(moments)


def test_a_terminal_sees_each_stage_and_a_summary_of_a_slow_run() -> None:
    stream = _Terminal()
    clock = StageClock(stream, clock=_ticking(0.0, 0.0, 0.5, 0.5, 3.0, 3.0))
    clock("parse")
    clock("format")
    clock.finish()
    shown = stream.getvalue()
    assert "parse…" in shown and "format…" in shown
    assert clock.timings == [("parse", 0.5), ("format", 2.5)]
    assert shown.endswith("\r\x1b[K3.0 s: parse 0.5 s · format 2.5 s\n")


def test_a_quick_run_leaves_the_terminal_clean() -> None:
    stream = _Terminal()
    clock = StageClock(stream, clock=_ticking(0.0, 0.0, 0.2, 0.3, 0.3))
    clock("parse")
    clock.finish()
    assert stream.getvalue().endswith("\r\x1b[K")
    assert "s:" not in stream.getvalue()


def test_output_that_is_not_a_terminal_gets_nothing_extra() -> None:
    stream = io.StringIO()
    clock = StageClock(stream, clock=_ticking(0.0, 0.0, 5.0, 5.0))
    clock("format")
    clock.finish()
    assert stream.getvalue() == ""
    assert clock.timings == [("format", 5.0)]


def test_summary_lists_stages_in_the_order_they_ran() -> None:
    assert summary([("load", 0.04), ("render", 1.25)], 1.3) == "1.3 s: load 0.0 s · render 1.2 s"


def test_the_cli_prints_no_timings_into_a_pipe(tmp_path: Path) -> None:
    spec = Path(__file__).resolve().parents[3] / "spec" / "face-person-group-training.yaml"
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--no-cache", "generate", str(spec),
         "--package", "face_client", "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "\x1b" not in run.stdout and "…" not in run.stdout
