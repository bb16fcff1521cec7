"""SIGKILL atomicity of the output directory (issue 5).

`python -m generator` runs as a build step, and build steps get killed: a CI timeout, the OOM
killer, a developer's second Ctrl-C. SIGKILL cannot be caught, so no `except` or `finally` in
generator/output/atomic_write.py can help; only the order of the file-system operations does. These tests
kill the generator at many moments and check after every kill that the output directory holds
exactly the complete old tree or exactly the complete new tree, byte for byte (never a mix,
never empty, never a half-written file), and that the next run recovers: it leaves the
complete new tree and no `.OUT.clientgen-*` sibling. No test asserts *which* tree a kill
leaves, so none depends on timing.

Three kinds of kill:

- the real CLI in a subprocess, killed at evenly spaced and random moments of a whole run
  (interpreter start, imports, loading, validation, rendering, black, writing);
- the real CLI killed 0 to 100 ms after its staging directory appears, to land in the
  write-and-swap phase, which is a few percent of a run;
- `write_tree` in a forked child that SIGKILLs itself just before its k-th file-system call,
  for every k: every state write_tree can leave on disk, deterministically. (Killing at random
  moments instead only samples these states: the file system changes only through calls.)

On Linux `write_tree` swaps the trees with one atomic exchange (renameat2 RENAME_EXCHANGE), so
no kill leaves the output missing. Elsewhere (and when the file system refuses the exchange) it
falls back to two renames (output -> backup, staging -> output); killed between them, the
output directory does not exist and the old tree survives as `.OUT.clientgen-old-<pid>-<hex>`
until the next `write_tree` puts it back. The fallback tests force that path, accept that one
state (checking that the backup holds the complete old tree and that the next run recovers)
and nothing else.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from generator.output import atomic_write as write_module
from generator.output.atomic_write import write_tree

ROOT = Path(__file__).resolve().parents[3]
RUNTIME = ROOT / "generator" / "runtime"
OLD_SPEC = ROOT / "tests" / "specs" / "features.yaml"
NEW_SPEC = ROOT / "tests" / "specs" / "operations.yaml"
PACKAGE = "zoo"  # the same for both specs, so both trees have the same paths

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX fork and SIGKILL"),
]

Tree = dict[str, bytes]

OLD = "old"
NEW = "new"
ORPHANED = "no output; the old tree is in the backup (the known gap)"

# Calls that change the file system (or flush data to it): a kill point before each one.
_FS_CALLS = frozenset(
    ("open", "close", "write", "flush", "fsync", "rename", "replace", "mkdir", "rmdir")
    + ("unlink", "chmod", "__exit__")
)


@dataclass(frozen=True)
class Trees:
    old: Tree
    new: Tree
    seconds: float
    """How long one complete CLI run of the new spec took."""


@dataclass(frozen=True)
class Kill:
    point: str
    """The call the child was about to make, e.g. `rename#2`."""
    renames: int
    """How many renames the child had completed."""


def _command(spec: Path, output: Path, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        *options,
        "generate",
        str(spec),
        "--output",
        str(output),
        "--package",
        PACKAGE,
    ]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _generate(spec: Path, output: Path, *options: str) -> str:
    """Run the CLI to completion; its standard output."""
    result = subprocess.run(
        _command(spec, output, *options),
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _snapshot(root: Path) -> Tree:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _plant(tree: Mapping[str, bytes], directory: Path) -> None:
    """Write `tree` with plain file operations, independent of the code under test."""
    for rel, content in tree.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _fresh(output: Path, tree: Mapping[str, bytes]) -> None:
    """Empty the parent of `output`, then plant `tree` there."""
    shutil.rmtree(output.parent, ignore_errors=True)
    output.parent.mkdir(parents=True)
    _plant(tree, output)


def _leftovers(output: Path) -> list[str]:
    prefix = f".{output.name}.clientgen-"
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(prefix))


def _describe(found: Tree, trees: Trees) -> str:
    def verdict(rel: str) -> str:
        if rel not in found:
            return "missing"
        if rel not in trees.old and rel not in trees.new:
            return "unexpected"
        if found[rel] == trees.old.get(rel) == trees.new.get(rel):
            return "same in both"
        if found[rel] == trees.old.get(rel):
            return "old"
        if found[rel] == trees.new.get(rel):
            return "new"
        return f"neither ({len(found[rel])} bytes)"

    return ", ".join(f"{rel}: {verdict(rel)}" for rel in sorted({*found, *trees.old, *trees.new}))


def _outcome(output: Path, trees: Trees, context: object) -> str:
    """OLD, NEW or ORPHANED; fails the test for anything else."""
    if output.is_dir():
        found = _snapshot(output)
        if found == trees.old:
            return OLD
        if found == trees.new:
            return NEW
        pytest.fail(f"killed {context}: the output is neither tree: {_describe(found, trees)}")
    backup = f".{output.name}.clientgen-old-"
    backups = [name for name in _leftovers(output) if name.startswith(backup)]
    if len(backups) == 1 and _snapshot(output.parent / backups[0]) == trees.old:
        return ORPHANED
    pytest.fail(f"killed {context}: no output, and these siblings: {_leftovers(output)}")


def _assert_recovers(output: Path, trees: Trees) -> None:
    """The next run (here `write_tree` in this process, what the CLI calls last) cleans up."""
    write_tree(trees.new, output)
    assert _snapshot(output) == trees.new
    assert _leftovers(output) == []


def _is_fs_call(function: Any) -> bool:
    if getattr(function, "__name__", None) not in _FS_CALLS:
        return False
    owner = getattr(function, "__self__", None)
    return getattr(function, "__module__", None) in ("posix", "io") or isinstance(owner, io.IOBase)


def _kill_child_at(
    stop: Callable[[int, str, int], bool], files: Mapping[str, bytes], output: Path
) -> Kill | None:
    """Run `write_tree(files, output)` in a forked child that SIGKILLs itself just before the
    first file-system call for which `stop(ordinal, point, renames done)` is true. Returns where
    it died, or None when `write_tree` finished first."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_end)
            counts: dict[str, int] = {}
            ordinal = 0

            def profile(frame: FrameType, event: str, arg: Any) -> None:
                nonlocal ordinal
                if event != "c_call" or not _is_fs_call(arg):
                    return
                ordinal += 1
                name = arg.__name__
                counts[name] = counts.get(name, 0) + 1
                point = f"{name}#{counts[name]}"
                renames = counts.get("rename", 0) - (name == "rename")
                if stop(ordinal, point, renames):
                    os.write(write_end, f"{point} {renames}".encode())
                    os.kill(os.getpid(), signal.SIGKILL)

            sys.setprofile(profile)
            write_tree(files, output)
            sys.setprofile(None)
            os._exit(0)
        except BaseException:  # noqa: BLE001 - whatever it is, the child must not return
            traceback.print_exc()
            os._exit(70)
    os.close(write_end)
    try:
        _, status = os.waitpid(pid, 0)
        report = b""
        while chunk := os.read(read_end, 4096):
            report += chunk
    finally:
        os.close(read_end)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL, status
        point, renames = report.decode().split()
        return Kill(point, int(renames))
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child failed: {status}"
    return None


def _at_call(k: int) -> Callable[[int, str, int], bool]:
    return lambda ordinal, _point, _renames: ordinal == k


def _at_point(name: str) -> Callable[[int, str, int], bool]:
    return lambda _ordinal, point, _renames: point == name


def _sweep(
    trees: Trees, output: Path, prepare: Callable[[], None], orphan_ok_after: Collection[int]
) -> list[tuple[Kill, str]]:
    """Kill `write_tree(new)` before each of its file-system calls in turn, each time from the
    state `prepare` makes. ORPHANED is accepted only after `orphan_ok_after` renames."""
    seen: list[tuple[Kill, str]] = []
    for k in range(1, 10_000):
        prepare()
        kill = _kill_child_at(_at_call(k), trees.new, output)
        if kill is None:  # write_tree makes fewer than k calls
            assert _snapshot(output) == trees.new and _leftovers(output) == []
            return seen
        outcome = _outcome(output, trees, kill)
        assert outcome != ORPHANED or kill.renames in orphan_ok_after, (kill, outcome)
        seen.append((kill, outcome))
        _assert_recovers(output, trees)
    raise AssertionError("write_tree made 10,000 file-system calls for a 12-file tree")


def _summary(label: str, outcomes: list[str]) -> str:
    counts = {name: outcomes.count(name) for name in (OLD, NEW, ORPHANED) if name in outcomes}
    return f"{label}: {len(outcomes)} kills, {counts}"


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> Trees:
    base = tmp_path_factory.mktemp("reference")
    _generate(OLD_SPEC, base / "old")
    started = time.monotonic()
    _generate(NEW_SPEC, base / "new")
    seconds = time.monotonic() - started
    old, new = _snapshot(base / "old"), _snapshot(base / "new")
    assert old.keys() == new.keys() and len(old) > 5
    # A mix of the two trees must be visible: most files the spec shapes differ between them
    # (the runtime modules, copied verbatim, are the same in both: a third of the tree).
    runtime = {path.name for path in RUNTIME.glob("*.py")}
    shaped = [rel for rel in old if rel.rpartition("/")[2] not in runtime]
    assert sum(old[rel] != new[rel] for rel in shaped) >= len(shaped) // 2
    return Trees(old=old, new=new, seconds=seconds)


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A directory on a tmpfs when there is one. A sweep runs write_tree some 250 times, and on
    ext4 its fsyncs and the unlinks after them cost 100 ms a run; a tmpfs makes them free. fsync
    matters only when the machine loses power: SIGKILL leaves the page cache intact, so these
    tests see the same states on either file system."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(prefix="clientgen-kill-", dir=shm) as directory:
        yield Path(directory)


@pytest.mark.skipif(sys.platform != "linux", reason="the atomic exchange is Linux's renameat2")
def test_killing_write_tree_before_each_file_system_call(trees: Trees, scratch: Path) -> None:
    output = scratch / "build" / "out"
    seen = _sweep(trees, output, lambda: _fresh(output, trees.old), orphan_ok_after=())
    outcomes = [outcome for _, outcome in seen]
    print(_summary("write_tree from a clean state", outcomes))
    # At least a kill per file written, and kills on both sides of the swap.
    assert len(seen) >= len(trees.new) and OLD in outcomes and NEW in outcomes


def test_the_two_rename_fallback_loses_nothing(
    trees: Trees, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the exchange, the one state with no output is after the first rename."""
    monkeypatch.setattr(write_module, "_exchange", lambda first, second: False)
    output = scratch / "build" / "out"
    seen = _sweep(trees, output, lambda: _fresh(output, trees.old), orphan_ok_after={1})
    outcomes = [outcome for _, outcome in seen]
    assert ORPHANED in outcomes and OLD in outcomes and NEW in outcomes


def test_killing_the_run_after_a_kill_between_the_renames(
    trees: Trees, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two-rename fallback: the next run must put the orphaned backup back without ever
    losing it, however it dies."""
    monkeypatch.setattr(write_module, "_exchange", lambda first, second: False)
    output = scratch / "build" / "out"

    def orphan() -> None:
        _fresh(output, trees.old)
        kill = _kill_child_at(_at_point("rename#2"), trees.new, output)
        assert kill is not None and _outcome(output, trees, kill) == ORPHANED, kill

    # Put back (rename 1), then its own swap (renames 2 and 3): orphaned before and between.
    seen = _sweep(trees, output, orphan, orphan_ok_after={0, 2})
    outcomes = [outcome for _, outcome in seen]
    print(_summary("write_tree after an orphaning kill", outcomes))
    assert ORPHANED in outcomes and OLD in outcomes and NEW in outcomes


def _kill_cli(output: Path, wait: Callable[[subprocess.Popen[bytes]], None]) -> bool:
    """Start the CLI on the new spec over the old tree, let `wait` decide when, SIGKILL it.
    True when it had already completed."""
    process = subprocess.Popen(
        _command(NEW_SPEC, output),
        cwd=ROOT,
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait(process)
    finally:
        process.kill()  # a no-op when it has already exited
        returncode = process.wait()
    assert returncode in (0, -signal.SIGKILL), returncode
    return returncode == 0


def _sleep(moment: float) -> Callable[[subprocess.Popen[bytes]], None]:
    return lambda _process: time.sleep(moment)


def _after_staging(
    output: Path, delay: float, landed: list[str]
) -> Callable[[subprocess.Popen[bytes]], None]:
    """Wait until the run's staging directory appears (its write phase), then `delay` more."""

    def wait(process: subprocess.Popen[bytes]) -> None:
        staging = f".{output.name}.clientgen-new-{process.pid}-"
        while process.poll() is None:
            if any(name.startswith(staging) for name in os.listdir(output.parent)):
                time.sleep(delay)
                landed.append(f"{delay * 1000:g} ms after its staging appeared")
                return
            time.sleep(0.0005)
        landed.append("missed: the run finished first")

    return wait


def _finish_with_the_cli(output: Path, trees: Trees) -> None:
    _generate(NEW_SPEC, output)
    assert _snapshot(output) == trees.new
    assert _leftovers(output) == []


def test_killing_the_cli_at_any_moment(trees: Trees, tmp_path: Path) -> None:
    """Kills spread over whole runs, then kills in the write phase; the last run completes."""
    output = tmp_path / "build" / "out"
    landed: list[str] = []
    moments = [trees.seconds * i / 6 for i in range(6)] + [random.uniform(0, trees.seconds)]
    waits = [_sleep(moment) for moment in moments]
    # On ext4 the staging directory lives some 40 ms (a few on a tmpfs), and deleting the
    # backup after the swap takes a few hundred: these land before, around and after the swap.
    delays = (0.0, 0.02, 0.045, 0.1)
    waits += [_after_staging(output, delay, landed) for delay in delays]
    outcomes: list[str] = []
    completed = 0
    for number, wait in enumerate(waits):
        _fresh(output, trees.old)
        completed += _kill_cli(output, wait)
        context = f"{moments[number]:.2f} s after the start" if number < len(moments) else ""
        outcomes.append(_outcome(output, trees, context or landed[-1]))
        if number < len(waits) - 1:  # the last kill's leftovers are the CLI's to clean
            _assert_recovers(output, trees)
    _finish_with_the_cli(output, trees)
    moments_shown = [round(moment, 2) for moment in moments]
    print(_summary(f"CLI at {moments_shown} s and {landed}", outcomes), f"{completed} completed")


@pytest.mark.skipif(sys.platform != "linux", reason="the atomic exchange is Linux's renameat2")
@pytest.mark.parametrize("shortcut", ["cache record", "same bytes"])
def test_a_run_that_writes_nothing_cleans_what_a_kill_after_the_swap_left(
    trees: Trees, scratch: Path, shortcut: str
) -> None:
    """Killed just after the swap, a run leaves the old tree in its staging sibling. The next
    run finds the output up to date (by its cache record, or by comparing the bytes) and
    writes nothing: it still removes that sibling."""
    output = scratch / "build" / "out"
    if shortcut == "cache record":
        output.parent.mkdir(parents=True)
        _generate(NEW_SPEC, output)  # records this output, as the new tree
    _fresh(output, trees.old)

    def swapped(_ordinal: int, _point: str, _renames: int) -> bool:
        return output.is_dir() and _snapshot(output) == trees.new

    kill = _kill_child_at(swapped, trees.new, output)
    assert kill is not None and _leftovers(output), kill
    options = ("--no-cache",) if shortcut == "same bytes" else ()
    stdout = _generate(NEW_SPEC, output, *options)
    assert "nothing written" in stdout, stdout
    assert _snapshot(output) == trees.new and _leftovers(output) == []
