"""Write a generated tree to disk atomically, and compare a tree with what is on disk.

The whole output directory is replaced: the new tree is written into a fresh sibling directory,
fsynced, and swapped in: on Linux with one atomic exchange (renameat2 RENAME_EXCHANGE), elsewhere
with two renames (old -> backup, new -> output). A reader sees the old tree or the new one, never
a mix, and a failure leaves the old tree where it was. Siblings are named
`.<output name>.clientgen-{new,old}-<pid>-<random>`; those left by a killed run (whose pid is
gone) are removed by the next run, and a backup left with no output is put back first.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath

FILE_MODE = 0o644
DIR_MODE = 0o755

# Tool caches and build products that appear inside a generated package when it is used.
_IGNORED_DIRS = frozenset(("__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build"))
_IGNORED_SUFFIXES = (".pyc", ".egg-info")


def write_tree(files: Mapping[str, str | bytes], output: Path) -> None:
    """Replace the directory `output` by exactly `files` (relative POSIX path -> content).

    Raises ValueError, before touching the disk, for a path that could land outside `output`,
    or when `output` is not a directory or looks like something other than generated code.
    Other failures raise OSError with the old tree (if any) still in place.
    """
    relative = _checked_paths(files)
    target = _checked_output(output)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(parent, target.name)

    import tempfile

    staging = Path(tempfile.mkdtemp(prefix=_prefix(target.name, "new"), dir=parent))
    backup: Path | None = None
    try:
        os.chmod(staging, DIR_MODE)
        staging_root = staging.resolve()
        previous = target if target.is_dir() and not target.is_symlink() else None
        for rel in relative:
            if previous is None or not _keep_unchanged(previous, staging, rel, files[rel]):
                _write_file(staging, staging_root, rel, files[rel])
        _fsync_tree(staging)
        if target.exists() and _exchange(staging, target):
            # One atomic step: `target` is the new tree and `staging` now holds the old one,
            # so there is no moment without an output directory.
            backup = staging
        else:
            if target.exists():
                backup = parent / f"{_prefix(target.name, 'old')}{os.urandom(4).hex()}"
                os.rename(target, backup)
            os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if backup is not None and not target.exists():
            os.rename(backup, target)
        raise
    _fsync_dir(parent)
    if backup is not None:
        # The swap has happened; a backup we fail to delete is removed by the next run.
        shutil.rmtree(backup, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically (Linux `renameat2` with RENAME_EXCHANGE). False when
    the platform, C library or file system cannot; the caller then uses two renames."""
    if sys.platform != "linux":
        return False
    import ctypes  # here: an up-to-date run, which writes nothing, need not load it

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    status = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def diff_tree(files: Mapping[str, str | bytes], output: Path) -> list[str]:
    """Sorted relative paths that differ between `files` and `output`: changed, missing on
    disk, or on disk but not in `files` (tool caches and build products are ignored)."""
    relative = _checked_paths(files)
    differing: set[str] = set()
    for rel in relative:
        on_disk = output.joinpath(*rel.split("/"))
        try:
            if not on_disk.is_file() or on_disk.read_bytes() != _encode(files[rel]):
                differing.add(rel)
        except OSError:
            differing.add(rel)
    wanted = set(relative)
    differing.update(rel for rel in files_on_disk(output) if rel not in wanted)
    return sorted(differing)


def _checked_paths(files: Mapping[str, str | bytes]) -> list[str]:
    directories: set[str] = set()
    for rel in files:
        problem = _path_problem(rel)
        if problem:
            raise ValueError(f"refusing to write {rel!r}: {problem}")
        parts = rel.split("/")
        directories.update("/".join(parts[:i]) for i in range(1, len(parts)))
    clashes = sorted(directories.intersection(files))
    if clashes:
        raise ValueError(f"refusing to write {clashes[0]!r}: it is both a file and a directory")
    return sorted(files)


def _path_problem(rel: object) -> str | None:
    if not isinstance(rel, str):
        return "paths must be strings"
    if not rel:
        return "the path is empty"
    if "\0" in rel:
        return "it contains a NUL character"
    if "\\" in rel:
        return "it contains a backslash; use '/' between path segments"
    if rel.startswith("/") or PurePosixPath(rel).is_absolute():
        return "it is absolute; paths must be relative to the output directory"
    segments = rel.split("/")
    if any(segment == "" for segment in segments):
        return "it has an empty segment ('//' or a trailing '/')"
    if any(segment in (".", "..") for segment in segments):
        return "'.' and '..' segments are not allowed"
    return None


def _checked_output(output: Path) -> Path:
    target = output.resolve()
    if target.exists() and not target.is_dir():
        raise ValueError(f"refusing to write to {output}: it exists and is not a directory")
    if target == target.parent or target == _home():
        raise ValueError(f"refusing to replace {output}: it is a filesystem root or home")
    if (target / ".git").exists():
        # The whole directory is replaced; a repository there is almost surely a wrong --output.
        raise ValueError(f"refusing to replace {output}: it contains a .git repository")
    return target


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def _write_file(staging: Path, staging_root: Path, rel: str, content: str | bytes) -> None:
    destination = staging.joinpath(*rel.split("/"))
    for directory in reversed(destination.parents):
        if directory == staging or staging not in directory.parents:
            continue
        if not directory.is_dir():
            directory.mkdir()
            os.chmod(directory, DIR_MODE)
    if not destination.parent.resolve().is_relative_to(staging_root):
        raise ValueError(f"refusing to write {rel!r}: it resolves outside the output directory")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(destination, flags, FILE_MODE)
    with os.fdopen(descriptor, "wb") as stream:
        # Bytes on purpose: newlines are written exactly as given, on every platform.
        stream.write(_encode(content))
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(destination, FILE_MODE)


def _keep_unchanged(previous: Path, staging: Path, rel: str, content: str | bytes) -> bool:
    """Hard-link a file whose bytes did not change into the new tree, so its modification
    time stays and build tools see it untouched. Only a plain file qualifies; on any doubt
    (a symlink, another file system, no hard links) it is written anew."""
    parts = rel.split("/")
    old = previous.joinpath(*parts)
    try:
        status = old.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(_encode(content)):
            return False
        if old.read_bytes() != _encode(content):
            return False
        if old.parent.resolve() != previous.resolve().joinpath(*parts[:-1]):
            return False  # a directory on the way is a symlink
        destination = staging.joinpath(*parts)
        for directory in reversed(destination.parents):
            if staging in directory.parents and not directory.is_dir():
                directory.mkdir()
                os.chmod(directory, DIR_MODE)
        os.link(old, destination, follow_symlinks=False)
    except OSError:
        return False
    return True


def _encode(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else bytes(content)


def _fsync_tree(root: Path) -> None:
    for directory, _, _ in os.walk(root):
        _fsync_dir(Path(directory))


def _fsync_dir(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform lets a directory be opened; its files are synced already
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _prefix(name: str, kind: str) -> str:
    return f".{name}.clientgen-{kind}-{os.getpid()}-"


def _leftovers(parent: Path, name: str, kind: str) -> Iterator[Path]:
    start = f".{name}.clientgen-{kind}-"
    for entry in parent.iterdir():
        if not entry.name.startswith(start) or entry.is_symlink() or not entry.is_dir():
            continue
        pid = entry.name[len(start) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            yield entry


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier call in this process, which has finished
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _clean_leftovers(parent: Path, name: str) -> None:
    for entry in _leftovers(parent, name, "new"):
        shutil.rmtree(entry, ignore_errors=True)
    backups = sorted(_leftovers(parent, name, "old"), key=lambda p: p.stat().st_mtime)
    if backups and not (parent / name).exists():
        # A run killed between its two renames left no output, only the backup: put it back,
        # so that if this run fails too the previous tree is still there.
        os.rename(backups.pop(), parent / name)
    for stale in backups:
        shutil.rmtree(stale, ignore_errors=True)


def files_on_disk(output: Path) -> Iterator[str]:
    """Relative POSIX paths of the files under `output`, tool caches and build products aside."""
    if not output.is_dir():
        return
    for directory, subdirs, names in os.walk(output):
        subdirs[:] = [d for d in subdirs if not _ignored(d)]
        base = Path(directory).relative_to(output)
        for name in names:
            if _ignored(name):
                continue
            yield (base / name).as_posix()


def _ignored(name: str) -> bool:
    return name in _IGNORED_DIRS or name.endswith(_IGNORED_SUFFIXES)


__all__ = ["diff_tree", "write_tree"]
