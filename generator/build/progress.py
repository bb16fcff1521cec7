"""Per-stage timings for a person watching a terminal.

A run on a big spec takes seconds, and a build log that sits still that long looks hung. On a
terminal the CLI shows the stage under way on one status line, and once the run is over, if it
took more than about a second, one summary line of where the time went. When the output is not
a terminal (CI logs, pipes) it prints nothing extra, so logs stay byte-stable.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

Stage = Callable[[str], None]
"""Called with a stage's name as the stage begins."""

SUMMARY_AFTER_SECONDS = 1.0


def quiet(stage: str) -> None:
    """The reporter for library use: stages go unreported."""


class StageClock:
    """A `Stage` reporter that times each stage and keeps the terminal informed."""

    def __init__(self, stream: TextIO, *, clock: Callable[[], float] = time.perf_counter):
        self._stream = stream
        self._clock = clock
        self._live = stream.isatty()
        self._started = clock()
        self._current: tuple[str, float] | None = None
        self.timings: list[tuple[str, float]] = []

    def __call__(self, stage: str) -> None:
        self._close_current()
        self._current = (stage, self._clock())
        if self._live:
            self._stream.write(f"\r\x1b[K{stage}…")
            self._stream.flush()

    def clear_line(self) -> None:
        """Take the status line away, so other output starts on a clean line."""
        if self._live:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def finish(self) -> None:
        """End the last stage; on a terminal, clear the status line and, for a run that took
        long enough to notice, print the summary."""
        self._close_current()
        if not self._live:
            return
        self.clear_line()
        total = self._clock() - self._started
        if total >= SUMMARY_AFTER_SECONDS:
            self._stream.write(summary(self.timings, total) + "\n")
        self._stream.flush()

    def _close_current(self) -> None:
        if self._current is not None:
            stage, began = self._current
            self.timings.append((stage, self._clock() - began))
            self._current = None


def summary(timings: list[tuple[str, float]], total: float) -> str:
    """`4.2 s: load 0.1 s · parse 1.0 s · …`, stages in the order they ran."""
    parts = " · ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings)
    return f"{total:.1f} s: {parts}"
