"""Read an input file (a spec, a file a `$ref` reaches, the configuration) safely.

An input path is whatever the user or a spec names, so it may be a FIFO (reading blocks
forever), a device such as /dev/zero (reading never ends) or a huge file. Only a regular file
of at most `MAX_INPUT_BYTES` is read. The file is opened non-blocking (opening a FIFO with no
writer would otherwise hang before any check could run) and checked on the open descriptor,
so what is read is what was checked. Imports nothing heavy: the up-to-date check uses it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_INPUT_BYTES = 128 * 1024 * 1024

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class InputFileError(Exception):
    """Why an input file was not read. `kind` is one of not-found, unreadable, not-regular,
    too-large (callers prefix their stage: `load.too-large`, `config.not-regular`)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of `path`; InputFileError unless it is a regular file of at most `limit`."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputFileError("not-found", "no such file") from None
    except IsADirectoryError:
        raise InputFileError("unreadable", "this is a directory, not a file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise InputFileError("unreadable", f"cannot read the file: {reason}") from None
    try:
        _check_regular(os.fstat(descriptor), limit)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as stream:
        try:
            raw = stream.read(limit + 1)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise InputFileError("unreadable", f"cannot read the file: {reason}") from None
    if len(raw) > limit:  # it grew after the check
        raise InputFileError("too-large", too_large_message(limit))
    return raw


def _check_regular(info: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError("unreadable", "this is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = _kind(info.st_mode)
        raise InputFileError("not-regular", f"this is {kind}, not a regular file")
    if info.st_size > limit:
        raise InputFileError("too-large", too_large_message(limit))


def too_large_message(limit: int) -> str:
    return f"the file is larger than {limit // (1024 * 1024)} MiB"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
