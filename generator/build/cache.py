"""Skip a regeneration that could not change anything.

The generator runs as a build step on every commit, and almost always neither the spec nor the
generator changed. Each successful run records, per output directory, a fingerprint of
everything the output depends on (the generator's own code and templates, black's and Python's
versions, the options, user templates) together with a hash of every input file (the spec and
the files its `$ref`s reached) and of every file it wrote. The next run reads that record, hashes
the inputs and the output tree, and when all of them still match it stops there: no parse, no
render, no write.

The record is only ever a reason to skip work, never a source of output, and anything unusual
(a missing or unreadable record, a changed file, an extra file in the output) means a full run.
It lives in `$CLIENTGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/clientgen`, else `~/.cache/clientgen`;
`--no-cache` (`set_enabled(False)`) reads and writes nothing there.

The same directory keeps compiled templates, which are code the generator runs. So the cache is
used only when nobody but this user can have written it (`trusted_store`): the directory and its
subdirectories are created 0700 (as jinja2's own default bytecode cache does), and each must be a
real directory (not a symlink) owned by this user and writable by nobody else, every directory
above the cache root must be owned by this user or root and not writable by others unless
sticky (/tmp). Anything else and the cache is ignored, with one line on stderr saying why.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.util
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from generator.diagnostics import terminal_safe
from generator.load.input_file import InputFileError, read_input
from generator.output.atomic_write import files_on_disk
from generator.render.template_dirs import builtin_templates_dir

_FORMAT = 1


_enabled = True
_reported: set[str] = set()  # directories already refused on stderr (once each per process)


def set_enabled(enabled: bool) -> None:
    """False: read and write no cache at all (`--no-cache`)."""
    global _enabled
    _enabled = enabled


def cache_dir() -> Path:
    """Where the cache is configured to live (trusted or not: see `trusted_store`)."""
    explicit = os.environ.get("CLIENTGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "clientgen"


_MAC_BYTES = 32
_KEY_BYTES = 32
_MAX_ENTRY_BYTES = 64 * 1024 * 1024


class Store:
    """A trusted cache directory whose entries are authenticated: each file starts with an
    HMAC-SHA256 of its name and content under a key kept in the cache root (`key`, 0600), so
    an entry nobody wrote with that key (copied in, restored from elsewhere, edited) is a miss
    and is never parsed, let alone run."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self.directory = directory
        self._key = key

    def read(self, name: str, limit: int = _MAX_ENTRY_BYTES) -> bytes | None:
        """The content of entry `name`, or None: missing, not this user's regular file, too
        large, or not sealed with this cache's key."""
        sealed = _read_own_file(self.directory / name, limit + _MAC_BYTES)
        if sealed is None or len(sealed) < _MAC_BYTES:
            return None
        mac, payload = sealed[:_MAC_BYTES], sealed[_MAC_BYTES:]
        return payload if hmac.compare_digest(mac, self.seal(name, payload)) else None

    def write(self, name: str, payload: bytes) -> None:
        """Replace entry `name` atomically (best effort: a cache that cannot be written is no
        error)."""
        import tempfile

        try:
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(self.seal(name, payload) + payload)
                os.replace(temporary, self.directory / name)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return

    def seal(self, name: str, payload: bytes) -> bytes:
        """The MAC that entry `name` holding `payload` starts with."""
        return hmac.new(self._key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def trusted_store(*subdirectories: str) -> Store | None:
    """The cache directory (or `subdirectories` of it), created private if missing, when only
    this user can have written anything in it; None when the cache is off or not to be trusted
    (said once on stderr)."""
    if not _enabled:
        return None
    root = cache_dir()
    try:
        directory = _private_directory(root, subdirectories)
        key = _key(Path(os.path.realpath(root)) / "key")
    except _Untrusted as problem:
        _refuse(problem.directory, problem.reason)
        return None
    return Store(directory, key)


def _key(path: Path) -> bytes:
    """The cache's secret, made on first use; only this user may be able to read it."""
    if not os.path.lexists(path):
        try:
            _create_key(path)
        except OSError as exc:
            reason = f"cannot create the key ({exc.strerror or exc})"
            raise _Untrusted(str(path), reason) from None
    key = _read_own_file(path, _KEY_BYTES, private=True)
    if key is None or len(key) != _KEY_BYTES:
        raise _Untrusted(str(path), "the key is not a private 32-byte file of this user's")
    return key


def _create_key(path: Path) -> None:
    """Write the key whole before it appears (a hard link cannot replace a file), so that a
    concurrent run never reads a partial key, and two runs agree on the first one made."""
    import tempfile

    descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # 0600
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(os.urandom(_KEY_BYTES))
        os.link(temporary, path)
    except FileExistsError:
        pass  # another run made it first
    finally:
        os.unlink(temporary)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_own_file(path: Path, limit: int, *, private: bool = False) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a symlink) of this user's that nobody
    else can write (`private`: or read), at most `limit` long."""
    flags = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        others = 0o077 if private else (stat.S_IWGRP | stat.S_IWOTH)
        if not stat.S_ISREG(info.st_mode):
            return None
        if _POSIX and (info.st_uid != _user() or info.st_mode & others):
            return None
        if info.st_size > limit:
            return None
        data = b""
        while len(data) <= limit:
            chunk = os.read(descriptor, limit + 1 - len(data))
            if not chunk:
                return data
            data += chunk
        return None  # it grew past the limit after the check
    except OSError:
        return None
    finally:
        os.close(descriptor)


class _Untrusted(Exception):
    def __init__(self, directory: str, reason: str) -> None:
        super().__init__(f"{directory}: {reason}")
        self.directory = directory
        self.reason = reason


def _private_directory(root: Path, subdirectories: Sequence[str]) -> Path:
    _make_directory(root, parents=True)
    real_root = Path(os.path.realpath(root))
    for ancestor in reversed(real_root.parents):
        _check_ancestor(ancestor)
    directory = real_root
    _check_private(directory)
    for name in subdirectories:
        directory = directory / name
        _make_directory(directory, parents=False)
        _check_private(directory)
    return directory


def _make_directory(directory: Path, *, parents: bool) -> None:
    try:
        if parents:
            directory.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(directory, 0o700)
    except FileExistsError:
        pass  # checked next, whoever made it
    except OSError as exc:
        raise _Untrusted(str(directory), f"cannot create it ({exc.strerror or exc})") from None


def _check_private(directory: Path) -> None:
    """Only this user can have written in `directory`: a real directory it owns, that no group
    or other user can write to."""
    try:
        info = os.lstat(directory)
    except OSError as exc:
        raise _Untrusted(str(directory), f"cannot read it ({exc.strerror or exc})") from None
    if stat.S_ISLNK(info.st_mode):
        raise _Untrusted(str(directory), "it is a symbolic link, not a directory")
    if not stat.S_ISDIR(info.st_mode):
        raise _Untrusted(str(directory), "it is not a directory")
    if not _POSIX:
        return
    if info.st_uid != _user():
        raise _Untrusted(str(directory), f"it is owned by uid {info.st_uid}, not by this user")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        mode = stat.S_IMODE(info.st_mode)
        raise _Untrusted(str(directory), f"others can write to it (mode {mode:04o})")


def _check_ancestor(directory: Path) -> None:
    """Nobody else can rename or replace what `directory` holds: it belongs to this user or
    root, and is writable by no one else, or sticky (as /tmp is)."""
    if not _POSIX:
        return
    try:
        info = os.stat(directory)
    except OSError as exc:
        raise _Untrusted(str(directory), f"cannot read it ({exc.strerror or exc})") from None
    if info.st_uid not in (_user(), 0):
        raise _Untrusted(str(directory), f"it is owned by uid {info.st_uid}, not by this user")
    shared = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if shared and not info.st_mode & stat.S_ISVTX:
        mode = stat.S_IMODE(info.st_mode)
        raise _Untrusted(str(directory), f"others can write to it (mode {mode:04o})")


# Without POSIX owners and modes (Windows) only the symlink checks and the entries' seals
# apply; a user's profile directory is private there by its ACL.
_POSIX = hasattr(os, "geteuid")


def _user() -> int:
    return os.geteuid() if _POSIX else 0


def _refuse(directory: str, reason: str) -> None:
    if directory in _reported:
        return
    _reported.add(directory)
    line = (
        f"warning: not using the cache directory {directory}: {reason}; compiled templates and"
        " run records are neither read nor written (fix it, or set CLIENTGEN_CACHE_DIR)"
    )
    print(terminal_safe(line), file=sys.stderr)  # the path comes from the environment


def settings(
    *,
    package: str,
    package_version: str,
    strict: bool,
    template_dirs: Sequence[Path],
    distribution_name: str | None = None,
    post_render: Sequence[Sequence[str]] = (),
) -> str:
    """A digest of everything besides the input files that decides the output. The hooks are
    known by their command lines only: a new version of a hook's program is not noticed."""
    digest = hashlib.sha256()
    parts: list[str] = [
        str(_FORMAT),
        _generator_digest(),
        package,
        package_version,
        str(strict),
        json.dumps(distribution_name),
        json.dumps([list(argv) for argv in post_render]),
    ]
    for directory in template_dirs:
        parts.append(str(directory.resolve()))
        parts.append(_tree_digest(directory))
    digest.update("\0".join(parts).encode())
    return digest.hexdigest()


def up_to_date(output: Path, spec: Path, fingerprint: str) -> bool:
    """Whether the last run for `output` had these settings, and no input or output changed."""
    record = _read(output)
    if record is None or record.get("settings") != fingerprint:
        return False
    inputs = record.get("inputs")
    outputs = record.get("outputs")
    if not isinstance(inputs, dict) or not isinstance(outputs, dict):
        return False
    if str(spec.resolve()) not in inputs:
        return False
    if any(_file_digest(Path(path)) != digest for path, digest in inputs.items()):
        return False
    try:
        on_disk = sorted(files_on_disk(output))
    except OSError:
        return False
    if on_disk != sorted(outputs):
        return False
    return all(_file_digest(output.joinpath(*rel.split("/"))) == outputs[rel] for rel in on_disk)


def record(
    output: Path, fingerprint: str, sources: Iterable[Path], files: Mapping[str, str | bytes]
) -> None:
    """Remember a successful run (best effort: a cache that cannot be written is no error)."""
    store = trusted_store(_RUNS)
    if store is None:
        return
    inputs = {str(p.resolve()): _file_digest(p) for p in sources}
    if None in inputs.values():
        return
    entry = {
        "settings": fingerprint,
        "inputs": inputs,
        "outputs": {
            rel: hashlib.sha256(
                text.encode("utf-8") if isinstance(text, str) else bytes(text)
            ).hexdigest()
            for rel, text in files.items()
        },
    }
    store.write(_record_name(output), json.dumps(entry, sort_keys=True).encode())


_RUNS = "runs"


def _record_name(output: Path) -> str:
    return hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:32] + ".json"


def _read(output: Path) -> dict[str, object] | None:
    store = trusted_store(_RUNS)
    payload = store.read(_record_name(output)) if store is not None else None
    if payload is None:
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _file_digest(path: Path) -> str | None:
    """None for anything but a readable regular file (an input replaced by a FIFO must not
    hang the check)."""
    try:
        return hashlib.sha256(read_input(path)).hexdigest()
    except InputFileError:
        return None


def _tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _generator_digest() -> str:
    """The generator's code and built-in templates, and the versions that shape its output."""
    # Every module of the package, in every stage's folder (not just the top level: an edit
    # in a subfolder must make the last output stale), by its path inside the package.
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(_tree_digest(builtin_templates_dir()).encode())
    versions = f"black {_black_version()}; python {sys.version_info[:2]}"
    digest.update(versions.encode())
    return digest.hexdigest()


def _black_version() -> str:
    return installed_version("black")


@functools.cache
def installed_version(package: str) -> str:
    """The installed version of the distribution that provides the import package `package`
    (named alike, as black and jinja2 are), read from the name of its `.dist-info` directory
    beside it: asking importlib.metadata costs a fifth of an up-to-date run (it imports the
    email parser), which is asked only when the directory does not tell."""
    spec = importlib.util.find_spec(package)
    pattern = re.compile(rf"{re.escape(package)}-(?P<version>[^-]+)\.dist-info", re.IGNORECASE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        try:
            names = os.listdir(Path(location).parent)
        except OSError:
            continue
        versions = [m["version"] for m in map(pattern.fullmatch, names) if m is not None]
        if len(versions) == 1:
            return versions[0]
    from importlib import metadata

    return metadata.version(package)
