"""Shared helpers of the benchmark suite: child processes (wall time and peak RSS), interleaved
timing, medians and ratios, markdown tables, the machine description and the run context.

Every benchmark module exposes `run(ctx: Context) -> list[Section]`; `bench/run` calls them,
prints each section and, with `--record`, writes them to bench/RESULTS.md.
"""

from __future__ import annotations

import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CORPUS = ROOT / "tests" / "corpus"
WORK = BENCH / ".work"
BIN = Path(sys.executable).parent


# --------------------------------------------------------------------------- child processes


@dataclass
class ChildResult:
    """One finished child process."""

    argv: list[str]
    returncode: int
    seconds: float
    peak_mib: float
    output: str  # stdout and stderr, interleaved as written
    timed_out: bool = False
    # With `run_child(..., group_rss=True)`: the largest sum of the resident sets of the child's
    # process group, sampled (a worker pool's processes add up; `peak_mib` is the largest one).
    group_peak_mib: float | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def failure(self) -> str:
        """How it failed: exit status (or timeout) and the last error line of its output."""
        if self.timed_out:
            return f"timeout after {self.seconds:.0f} s"
        status = f"signal {-self.returncode}" if self.returncode < 0 else f"exit {self.returncode}"
        return f"{status}: {last_error_line(self.output)}"


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every child: this venv's bin first, wide plain output, no colour."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update({"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "PYTHONUTF8": "1"})
    env.pop("PYTHONPATH", None)
    # Measured as users run: pip byte-compiles an installed package and a checkout writes
    # __pycache__ on first import. With this set (some sandboxes do), every run of a checkout
    # would compile its source again while the installed peers load bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if extra:
        env.update(extra)
    return env


def run_child(
    argv: Sequence[str],
    *,
    cwd: Path,
    timeout: float,
    env: dict[str, str] | None = None,
    group_rss: bool = False,
) -> ChildResult:
    """Run `argv` to completion and measure its wall time and peak RSS.

    The peak RSS comes from `os.wait4`: on Linux it is the largest resident set of the child
    and of every descendant it waited for (so the JVM behind openapi-generator-cli counts).
    Output goes to a temporary file (no pipe to drain, so no reader thread in the timing).
    On timeout the whole process group is killed. `group_rss` also samples the summed RSS of
    the child's process group every 0.2 s (Linux: /proc), for a child that runs workers.
    """
    with tempfile.TemporaryFile() as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=env if env is not None else child_env(),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        sampler = _GroupRss(proc.pid) if group_rss else None
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            if sampler is not None:
                sampler.stop()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace")
    peak_mib = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return ChildResult(
        list(argv),
        proc.returncode,
        seconds,
        peak_mib,
        output,
        expired.is_set(),
        sampler.peak_mib if sampler is not None else None,
    )


class _GroupRss:
    """Samples the summed RSS of the processes of one process group, in a thread, until
    stopped; `peak_mib` is the largest sum seen (None where /proc is missing)."""

    def __init__(self, group: int, interval: float = 0.2) -> None:
        self.group = group
        self.interval = interval
        self.peak_mib: float | None = 0.0 if Path("/proc/self/stat").exists() else None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.peak_mib is not None:
            self._thread.start()

    def _sum_mib(self) -> float:
        page = os.sysconf("SC_PAGE_SIZE")
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                # The command name may hold spaces or parentheses: fields follow the last ')'.
                if int(stat.rsplit(")", 1)[1].split()[2]) != self.group:
                    continue
                total += int((entry / "statm").read_text().split()[1]) * page
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            assert self.peak_mib is not None
            self.peak_mib = max(self.peak_mib, self._sum_mib())

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


_BOILERPLATE = ("If you believe this was a mistake", "For further information visit")
_ERROR = re.compile(r"(error|exception|fail|traceback|not supported|invalid)", re.IGNORECASE)
_BOX = re.compile(r"[\u2500-\u257f]+")


def last_error_line(output: str, limit: int = 130) -> str:
    """The last line of `output` that looks like an error (else the last non-empty line),
    without box-drawing characters and shortened to `limit` characters."""
    lines = [_BOX.sub(" ", line).strip() for line in output.splitlines()]
    lines = [line for line in lines if line and not line.startswith(_BOILERPLATE)]
    if not lines:
        return "(no output)"
    chosen = next((line for line in reversed(lines) if _ERROR.search(line)), lines[-1])
    chosen = " ".join(chosen.split())
    return chosen if len(chosen) <= limit else chosen[: limit - 1] + "…"


def import_check(module: str, path: Path, *, timeout: float = 300) -> tuple[bool, str]:
    """Import `module` in a fresh interpreter with `path` first on sys.path."""
    code = f"import sys; sys.path.insert(0, {str(path)!r}); import {module}"
    result = run_child([sys.executable, "-c", code], cwd=path, timeout=timeout)
    return (True, "imports") if result.ok else (False, result.failure())


# --------------------------------------------------------------------------- statistics


def largest_module(package_dir: Path) -> tuple[str, int, int]:
    """(path under the package, bytes, lines) of the largest generated .py file."""
    modules = [p for p in package_dir.rglob("*.py") if p.is_file()]
    if not modules:
        return ("—", 0, 0)
    largest = max(modules, key=lambda p: (p.stat().st_size, p.as_posix()))
    lines = largest.read_bytes().count(b"\n")
    return (largest.relative_to(package_dir).as_posix(), largest.stat().st_size, lines)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def ratio(numerator: float, denominator: float) -> float:
    if not denominator or math.isnan(numerator) or math.isnan(denominator):
        return math.nan
    return numerator / denominator


def rotated(items: Sequence[Any], round_index: int) -> list[Any]:
    """`items` rotated by the round number, so no contender always runs first (or last)."""
    if not items:
        return []
    shift = round_index % len(items)
    return list(items[shift:]) + list(items[:shift])


def interleaved_timeit(
    contenders: dict[str, Callable[[], object]], *, repeats: int, target: float = 0.2
) -> dict[str, list[float]]:
    """Seconds per call of each callable, one list entry per repeat.

    The loop count of each callable is calibrated once (about `target` seconds per repeat);
    then every repeat times each callable once, in an order rotated round by round, so that
    machine noise reaches all of them alike.
    """
    import timeit

    timers = {name: timeit.Timer(fn) for name, fn in contenders.items()}
    loops = {name: max(1, timer.autorange()[0] * target // 0.2) for name, timer in timers.items()}
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for round_index in range(repeats):
        for name in rotated(names, round_index):
            number = int(loops[name])
            samples[name].append(timers[name].timeit(number) / number)
    return samples


# --------------------------------------------------------------------------- formatting


def fmt(value: float | None, digits: int = 2) -> str:
    """A number for a table: '—' for missing or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def fmt_ratio(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.2f}×"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table, padded so that it also reads well on a terminal."""
    cells = [[str(c).replace("|", "\\|").replace("\n", " ") for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(list(headers)), rule, *(line(r) for r in cells)])


@dataclass
class Section:
    """One benchmark's result: a title, a table, notes, and raw data for plots."""

    key: str
    title: str
    intro: str
    table: str
    notes: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def markdown(self) -> str:
        parts = [f"## {self.title}", "", self.intro, "", self.table]
        if self.notes:
            parts += ["", *(f"- {note}" for note in self.notes)]
        return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- machine and context


def machine() -> dict[str, str]:
    """CPU model, CPU count, Python version and OS of this machine."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = shutil.which("java")
    return {
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "java": "yes" if java else "no",
    }


@dataclass
class Context:
    """What every benchmark gets: the mode, the work directory and shared artifacts.

    `artifacts` maps (contender, spec key) to generation outputs kept by the generation
    benchmark, so that later benchmarks in the same run reuse them instead of generating again.
    """

    smoke: bool
    work: Path
    artifacts: dict[tuple[str, str], Any] = field(default_factory=dict)
    timeout: float = 1200.0

    def log(self, message: str) -> None:
        print(f"  · {message}", file=sys.stderr, flush=True)

    def scratch(self, name: str) -> Path:
        """A fresh empty directory under the work directory."""
        self.work.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.work))
