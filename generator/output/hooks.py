"""Post-render hooks: commands that rewrite the generated tree after format, before write.

The tree is written into a fresh temporary directory, each hook runs there in order (that
directory is its working directory; no shell is involved, stdin is closed, stdout and stderr
are captured together, and the environment is this process's plus `CLIENTGEN_PACKAGE` (the
import name) and `CLIENTGEN_OUTPUT` (the temporary tree)), and then the whole tree is read
back: files a hook changed or added are kept, files it deleted are gone. The temporary
directory is always removed. Tool caches (`.ruff_cache`, `__pycache__`, ...) are left behind,
as `write.diff_tree` ignores them.

A hook that cannot be started, exits non-zero or runs out of time is an error diagnostic
naming the command and the end of its output, and no tree is returned: the caller writes
nothing. Codes: hook.not-found, hook.failed, hook.timeout, hook.bad-path (a file name the
writer would refuse), hook.unsupported-file (a symlink or another non-regular file).

Imported only by a run that generates: an up-to-date run needs neither this module nor
subprocess.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.diagnostics import Diagnostic, error
from generator.output.atomic_write import _checked_paths, _ignored, _path_problem

DEFAULT_TIMEOUT = 300.0
"""Seconds each hook may run."""
TAIL_LINES = 20
"""How many of a failed hook's last output lines its diagnostic quotes."""
_LINE_WIDTH = 240
_KILLED_GRACE = 5.0


def run_hooks(
    files: Mapping[str, str | bytes],
    hooks: Sequence[tuple[str, ...]],
    *,
    package: str,
    timeout: float = DEFAULT_TIMEOUT,
    directory: Path | None = None,
) -> tuple[dict[str, str | bytes], tuple[Diagnostic, ...]]:
    """`files` after running every hook (each an argv) on it, or {} and the error.

    Paths are relative POSIX paths as `write.write_tree` takes them (a path it would refuse
    raises ValueError here too, before anything is run). A file read back is `str` when it is
    UTF-8, else `bytes`. `directory` is where the temporary tree is made (default: the
    system's temporary directory). The diagnostics' pointer is `post_render[N]`, the hook's
    index; they carry no file, which the caller knows."""
    if not hooks:
        return dict(files), ()
    relative = _checked_paths(files)
    root = Path(tempfile.mkdtemp(prefix=".clientgen-hooks-", dir=directory))
    try:
        for rel in relative:
            content = files[rel]
            destination = root.joinpath(*rel.split("/"))
            destination.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
            destination.write_bytes(data)
        env = {**os.environ, "CLIENTGEN_PACKAGE": package, "CLIENTGEN_OUTPUT": str(root)}
        for index, argv in enumerate(hooks):
            problem = _run(argv, root, env, timeout)
            if problem is not None:
                code, message, hint = problem
                return {}, (error(code, f"post_render[{index}]", message, hint=hint),)
        return _read_tree(root, relative)
    finally:
        _remove(root)


def _run(
    argv: Sequence[str], cwd: Path, env: Mapping[str, str], timeout: float
) -> tuple[str, str, str | None] | None:
    """None when the hook succeeded, else (code, message, hint)."""
    command = shlex.join(argv)
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            list(argv),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Its own process group, so that a timeout stops what it started as well.
            start_new_session=posix,
        )
    except FileNotFoundError:
        return (
            "hook.not-found",
            f"hook `{command}` could not be started: `{argv[0]}` was not found",
            (
                "install it or give its full path; hooks run without a shell, in a temporary"
                " copy of the generated tree"
            ),
        )
    except OSError as exc:
        message = f"hook `{command}` could not be started: {exc.strerror or exc}"
        return "hook.failed", message, None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process, posix=posix)
        try:
            output, _ = process.communicate(timeout=_KILLED_GRACE)
        except subprocess.TimeoutExpired:  # something it started still holds the pipe
            output = b""
            process.kill()
            process.wait()
        message = f"hook `{command}` did not finish within {timeout:g} s and was stopped"
        return "hook.timeout", message + _tail(output), None
    if process.returncode == 0:
        return None
    if process.returncode < 0:
        try:
            status = f"was killed by {signal.Signals(-process.returncode).name}"
        except ValueError:
            status = f"was killed by signal {-process.returncode}"
    else:
        status = f"exited with status {process.returncode}"
    return "hook.failed", f"hook `{command}` {status}" + _tail(output), None


def _kill(process: subprocess.Popen[bytes], *, posix: bool) -> None:
    if posix:
        try:
            os.killpg(process.pid, signal.SIGKILL)
            return
        except OSError:
            pass
    process.kill()


def _tail(output: bytes) -> str:
    """The last lines of a hook's output, on one line (diagnostics are one line each)."""
    lines = [line.rstrip() for line in output.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line.strip()][-TAIL_LINES:]
    if not lines:
        return "; it printed nothing"
    shown = [
        line if len(line) <= _LINE_WIDTH else line[: _LINE_WIDTH - 1] + "…"
        for line in lines
    ]
    return "; its output ended: " + " ⏎ ".join(shown)


def _read_tree(
    root: Path, generated: Sequence[str]
) -> tuple[dict[str, str | bytes], tuple[Diagnostic, ...]]:
    """Every file under `root`. Tool caches and build products are skipped (as write.py's
    diff skips them) unless the generator itself wrote a file there."""
    wanted = set(generated)
    for rel in generated:
        parts = rel.split("/")
        wanted.update("/".join(parts[:i]) for i in range(1, len(parts)))
    files: dict[str, str | bytes] = {}
    problems: list[Diagnostic] = []
    for directory, subdirs, names in os.walk(root):
        base = Path(directory).relative_to(root)
        entries = sorted(subdirs + names)
        subdirs[:] = []
        for name in entries:
            rel = (base / name).as_posix()
            if _ignored(name) and rel not in wanted:
                continue
            path = Path(directory, name)
            problem = _path_problem(rel) or _not_utf8(rel)
            if problem:
                message = f"a hook left a file the writer refuses, {rel!r}: {problem}"
                problems.append(error("hook.bad-path", "post_render", message))
                continue
            if path.is_symlink() or not (path.is_dir() or path.is_file()):
                message = f"a hook left {rel!r}, which is not a regular file or directory"
                hint = "hooks may change, add and delete files; symlinks and the like are refused"
                problems.append(error("hook.unsupported-file", "post_render", message, hint=hint))
            elif path.is_dir():
                subdirs.append(name)
            else:
                data = path.read_bytes()
                try:
                    files[rel] = data.decode("utf-8")
                except UnicodeDecodeError:
                    files[rel] = data
    if problems:
        return {}, tuple(problems)
    return files, ()


def _not_utf8(rel: str) -> str | None:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not UTF-8"
    return None


def _remove(root: Path) -> None:
    """Remove the temporary tree, even when a hook took the permissions away."""
    for directory, _, _ in os.walk(root):
        try:
            os.chmod(directory, 0o700)
        except OSError:
            pass
    shutil.rmtree(root, ignore_errors=True)


__all__ = ["DEFAULT_TIMEOUT", "run_hooks"]
