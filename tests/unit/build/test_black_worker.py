"""The black worker: a forked process that imports black while the run goes on, then lays out
the long units; whatever it cannot do is done in this process, with the same result."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.tools import other_threads

from generator import forked_call as background
from generator.format import formatter

LONG = (
    "def f():\n"
    "    return some_function_with_a_long_name(first_argument_value, second_argument_value, x)\n"
)


def _pid(_: object) -> int:
    return os.getpid()


def _worker() -> background.Worker:
    assert background.can_fork(), f"cannot fork; threads still running: {other_threads()}"
    worker = background.start_worker(formatter.preload_black)
    assert worker is not None
    return worker


def test_the_worker_formats_as_this_process_does() -> None:
    worker = _worker()
    try:
        laid_out, problems = formatter.format_files({"m.py": LONG}, black_worker=worker)
    finally:
        worker.close()
    alone, _ = formatter.format_files({"m.py": LONG})
    assert problems == ()
    assert laid_out == alone
    assert laid_out["m.py"] != LONG  # the long line was split


def test_the_worker_runs_functions_in_another_process() -> None:
    worker = _worker()
    try:
        assert worker.map(_pid, [None]) != [os.getpid()]
        assert worker.map(pow, [2, 3], [3, 2]) == [8, 9]
    finally:
        worker.close()


def test_a_dead_worker_leaves_the_work_to_this_process() -> None:
    worker = _worker()
    (pid,) = worker.map(_pid, [None])
    assert pid != os.getpid()
    os.kill(pid, 9)
    assert worker.map(pow, [2], [5]) == [32]
    worker.close()


def test_a_function_that_raises_there_raises_here() -> None:
    worker = _worker()
    try:
        with pytest.raises(ZeroDivisionError):
            worker.map(divmod, [1], [0])
    finally:
        worker.close()


def test_a_generation_with_the_worker_writes_what_one_without_it_writes(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /an/extremely/long/path/with/many/segments/that/names/a/very/long/operation:\n"
        "    get:\n"
        "      operationId: getTheExtremelyLongResourceWithAVeryLongNameIndeedForTesting\n"
        "      responses: {'204': {description: ok}}\n",
        encoding="utf-8",
    )
    outputs = {}
    for name, environment in (("worker", {}), ("alone", {"CLIENTGEN_NO_FORK": "1"})):
        out = tmp_path / name
        command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out)]
        subprocess.run(
            [*command, "-p", "pkg", "--no-cache"],
            check=True,
            timeout=120,
            env={**os.environ, **environment},
            capture_output=True,
        )
        outputs[name] = {
            path.relative_to(out).as_posix(): path.read_bytes()
            for path in sorted(out.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        }
    assert outputs["worker"] == outputs["alone"]


def _slow_preload() -> None:
    import time

    time.sleep(30)


def test_closing_a_worker_still_in_its_preload_does_not_wait_for_it() -> None:
    # A small spec with no long line never sends the worker anything: the run must not wait
    # for black's import to finish before it ends.
    assert background.can_fork(), f"cannot fork; threads still running: {other_threads()}"
    worker = background.start_worker(_slow_preload)
    assert worker is not None
    import time

    started = time.monotonic()
    worker.close()
    assert time.monotonic() - started < 5


def test_the_worker_checks_half_the_code_and_finds_what_this_process_finds() -> None:
    # Binding names (the check that nothing unimportable is written) is split between this
    # process and the worker: a module that does not compile is reported either way.
    files = {
        "big.py": "def f(a, a):\n    pass\n" + "x = 1\n" * 100_000,  # past the sharing size
        "small.py": "y = 2\n",
        "other.py": "def g(b, b):\n    pass\n",
    }
    worker = _worker()
    try:
        _, with_worker = formatter.format_files(files, black_worker=worker)
        (pid,) = worker.map(_pid, [None])
    finally:
        worker.close()
    _, alone = formatter.format_files(files)
    assert pid != os.getpid()  # the worker was alive throughout
    assert with_worker == alone
    assert sorted(d.generated_file for d in alone) == ["big.py", "other.py"]
    assert all("duplicate argument" in d.message for d in alone)
