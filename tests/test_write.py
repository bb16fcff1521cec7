"""generator.write: containment, exact bytes, wholesale atomic replacement, and diffs."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import write as write_module
from generator.write import diff_tree, write_tree

TREE: dict[str, str | bytes] = {
    "pyproject.toml": "[project]\nname = 'x'\n",
    "pkg/__init__.py": "",
    "pkg/sub/mod.py": "line one\r\nline two\n",
    "pkg/data.bin": b"\x00\xff\x10",
    "README.md": "caf\u00e9\n",
}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _siblings(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_writes_exact_bytes_and_modes(tmp_path: Path) -> None:
    output = tmp_path / "out"
    write_tree(TREE, output)
    assert _snapshot(output) == {
        "README.md": "caf\u00e9\n".encode(),
        "pkg/__init__.py": b"",
        "pkg/data.bin": b"\x00\xff\x10",
        "pkg/sub/mod.py": b"line one\r\nline two\n",
        "pyproject.toml": b"[project]\nname = 'x'\n",
    }
    for path in [output, *output.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path
    assert _siblings(output) == []


def test_replaces_the_tree_wholesale(tmp_path: Path) -> None:
    output = tmp_path / "out"
    write_tree({"old.py": "x", "keep/a.py": "1"}, output)
    write_tree({"keep/a.py": "2", "new.py": "y"}, output)
    assert _snapshot(output) == {"keep/a.py": b"2", "new.py": b"y"}
    assert _siblings(output) == []


def test_creates_missing_parents(tmp_path: Path) -> None:
    output = tmp_path / "a" / "b" / "out"
    write_tree({"x.py": "1"}, output)
    assert _snapshot(output) == {"x.py": b"1"}


@pytest.mark.parametrize(
    "bad",
    [
        "/etc/passwd",
        "../escape.py",
        "pkg/../../escape.py",
        "pkg//double.py",
        "pkg/trailing/",
        "./here.py",
        "",
        "pkg\\win.py",
        "nul\0.py",
    ],
)
def test_refuses_paths_that_could_escape(tmp_path: Path, bad: str) -> None:
    output = tmp_path / "out"
    write_tree({"existing.py": "old"}, output)
    with pytest.raises(ValueError, match="refusing"):
        write_tree({"ok.py": "1", bad: "x"}, output)
    assert _snapshot(output) == {"existing.py": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    with pytest.raises(ValueError, match="refusing"):
        diff_tree({bad: "x"}, output)


def test_refuses_a_path_that_is_both_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="both a file and a directory"):
        write_tree({"pkg": "x", "pkg/mod.py": "y"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_refuses_outputs_that_are_not_generated_directories(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep me")
    with pytest.raises(ValueError, match="not a directory"):
        write_tree({"x.py": "1"}, a_file)
    assert a_file.read_text() == "keep me"
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    with pytest.raises(ValueError, match=r"\.git"):
        write_tree({"x.py": "1"}, repo)
    assert (repo / ".git").is_dir()


def test_a_failed_write_keeps_the_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    write_tree({"a.py": "old a", "b.py": "old b"}, output)
    real = write_module._write_file
    calls: list[str] = []

    def failing(staging: Path, root: Path, rel: str, content: str | bytes) -> None:
        calls.append(rel)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(staging, root, rel, content)

    monkeypatch.setattr(write_module, "_write_file", failing)
    with pytest.raises(OSError, match="No space left"):
        write_tree({"a.py": "new", "b.py": "new", "c.py": "new", "d.py": "new"}, output)
    assert len(calls) == 3
    assert _snapshot(output) == {"a.py": b"old a", "b.py": b"old b"}
    assert _siblings(output) == []


def test_a_failed_swap_restores_the_old_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out"
    write_tree({"a.py": "old"}, output)
    monkeypatch.setattr(write_module, "_exchange", lambda first, second: False)
    real_rename = os.rename
    renames: list[Any] = []

    def rename(source: Any, destination: Any) -> None:
        renames.append((source, destination))
        if len(renames) == 2:  # old -> backup succeeded; new -> output fails
            raise OSError(5, "I/O error")
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match="I/O error"):
        write_tree({"a.py": "new"}, output)
    monkeypatch.undo()
    assert _snapshot(output) == {"a.py": b"old"}
    assert _siblings(output) == []


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_on_linux_the_swap_is_one_atomic_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out"
    write_tree({"a.py": "old", "gone.py": "x"}, output)

    def no_rename(*args: Any) -> None:
        raise AssertionError("two renames would leave a moment without an output directory")

    monkeypatch.setattr(os, "rename", no_rename)
    write_tree({"a.py": "new"}, output)
    assert _snapshot(output) == {"a.py": b"new"}
    assert _siblings(output) == []


def test_leftovers_of_a_killed_run_are_cleaned(tmp_path: Path) -> None:
    output = tmp_path / "out"
    write_tree({"a.py": "old"}, output)
    dead = _dead_pid()
    stale_new = tmp_path / f".out.clientgen-new-{dead}-abc123"
    stale_old = tmp_path / f".out.clientgen-old-{dead}-def456"
    for stale in (stale_new, stale_old):
        (stale / "junk").mkdir(parents=True)
    live = tmp_path / f".out.clientgen-new-{os.getppid()}-running"
    live.mkdir()
    unrelated = tmp_path / ".other.clientgen-new-1-x"
    unrelated.mkdir()
    write_tree({"a.py": "new"}, output)
    assert _snapshot(output) == {"a.py": b"new"}
    assert _siblings(output) == sorted([live.name, unrelated.name])


def test_a_backup_orphaned_between_the_renames_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out"
    orphan = tmp_path / f".out.clientgen-old-{_dead_pid()}-0000"
    orphan.mkdir()
    (orphan / "a.py").write_text("previous")

    def failing(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write_module, "_write_file", failing)
    with pytest.raises(OSError):
        write_tree({"a.py": "new"}, output)
    assert _snapshot(output) == {"a.py": b"previous"}
    assert _siblings(output) == []


def test_diff_tree(tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert diff_tree(TREE, output) == sorted(TREE)
    write_tree(TREE, output)
    assert diff_tree(TREE, output) == []
    for ignored in ("pkg/__pycache__/mod.cpython-311.pyc", "x.egg-info/PKG-INFO", "build/lib/a.py"):
        (output / ignored).parent.mkdir(parents=True, exist_ok=True)
        (output / ignored).write_text("cache")
    (output / "pkg" / "sub" / "stray.pyc").write_bytes(b"")
    (output / ".mypy_cache").mkdir()
    (output / ".mypy_cache" / "x.json").write_text("{}")
    assert diff_tree(TREE, output) == []

    changed = dict(TREE)
    changed["pkg/sub/mod.py"] = "line one\nline two\n"  # only the newline differs
    del changed["README.md"]
    changed["new.py"] = "x"
    (output / "extra.txt").write_text("surprise")
    assert diff_tree(changed, output) == ["README.md", "extra.txt", "new.py", "pkg/sub/mod.py"]


def test_unchanged_files_keep_their_modification_time(tmp_path: Path) -> None:
    output = tmp_path / "out"
    write_tree({"pkg/a.py": "A = 1\n", "pkg/b.py": "B = 1\n"}, output)
    old = {name: (output / "pkg" / name).stat() for name in ("a.py", "b.py")}
    os.utime(output / "pkg" / "a.py", ns=(old["a.py"].st_atime_ns, old["a.py"].st_mtime_ns - 10**9))
    before = (output / "pkg" / "a.py").stat().st_mtime_ns
    write_tree({"pkg/a.py": "A = 1\n", "pkg/b.py": "B = 2\n"}, output)
    assert (output / "pkg" / "a.py").stat().st_mtime_ns == before
    assert (output / "pkg" / "b.py").read_text() == "B = 2\n"
    assert (output / "pkg" / "a.py").stat().st_nlink == 1  # the old tree is gone


def test_a_symlink_in_the_old_tree_is_not_linked_into_the_new_one(tmp_path: Path) -> None:
    output = tmp_path / "out"
    write_tree({"pkg/a.py": "A = 1\n"}, output)
    secret = tmp_path / "secret.py"
    secret.write_text("A = 1\n")
    (output / "pkg" / "a.py").unlink()
    (output / "pkg" / "a.py").symlink_to(secret)
    write_tree({"pkg/a.py": "A = 1\n"}, output)
    assert not (output / "pkg" / "a.py").is_symlink()
    assert (output / "pkg" / "a.py").stat().st_ino != secret.stat().st_ino


def test_regenerating_an_unchanged_package_writes_nothing(tmp_path: Path) -> None:
    spec = Path(__file__).parent.parent / "spec" / "face-person-group-training.yaml"
    command = [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(tmp_path / "o"), "-p", "face"]
    subprocess.run(command, check=True, capture_output=True)
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "o").rglob("*")}
    again = subprocess.run(command, check=True, capture_output=True, text=True)
    assert "nothing written" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "o").rglob("*")} == before
