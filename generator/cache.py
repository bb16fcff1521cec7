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
`--no-cache` ignores it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from .shipped import builtin_templates_dir
from .write import files_on_disk

_FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("CLIENTGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "clientgen"


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
    path = _record_path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(entry, stream, sort_keys=True)
        os.replace(temporary, path)
    except OSError:
        return


def _record_path(output: Path) -> Path:
    name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:32]
    return cache_dir() / "runs" / f"{name}.json"


def _read(output: Path) -> dict[str, object] | None:
    try:
        with open(_record_path(output), encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
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
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(here.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(_tree_digest(builtin_templates_dir()).encode())
    versions = f"black {_black_version()}; python {sys.version_info[:2]}"
    digest.update(versions.encode())
    return digest.hexdigest()


_DIST_INFO = re.compile(r"black-(?P<version>[^-]+)\.dist-info")


def _black_version() -> str:
    """Black's version, read from the name of its installed `.dist-info` directory: asking
    importlib.metadata costs a fifth of an up-to-date run (it imports the email parser)."""
    spec = importlib.util.find_spec("black")
    for location in (spec.submodule_search_locations or []) if spec else []:
        try:
            names = os.listdir(Path(location).parent)
        except OSError:
            continue
        versions = [m["version"] for m in map(_DIST_INFO.fullmatch, names) if m is not None]
        if len(versions) == 1:
            return versions[0]
    from importlib import metadata

    return metadata.version("black")
