"""Compiled templates are reused across runs, never at the cost of a changed template."""

from __future__ import annotations

import io
import marshal
import os
import pickle
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import cli
from generator.build import cache
from generator.build.pipeline import analyse
from generator.render import engine
from generator.render.engine import render

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "spec" / "face-person-group-training.yaml"


def _render(templates: tuple[Path, ...] = ()) -> dict[str, str]:
    api, diagnostics = analyse(SPEC, package="face_client")
    assert api is not None, diagnostics
    files, problems = render(api, templates)
    assert not problems
    return files


def test_a_second_render_reuses_the_compiled_templates_and_writes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    first = _render()
    compiled = sorted((tmp_path / "cache" / "templates").iterdir())
    assert compiled, "no compiled template was kept"
    assert _render() == first
    assert sorted((tmp_path / "cache" / "templates").iterdir()) == compiled


def test_an_edited_user_template_is_compiled_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    override = templates / "pyproject.toml.j2"
    override.write_text("# first\n", encoding="utf-8")
    assert _render((templates,))["pyproject.toml"] == "# first\n"
    override.write_text("# second\n", encoding="utf-8")
    assert _render((templates,))["pyproject.toml"] == "# second\n"


def test_an_unwritable_cache_only_means_compiling_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(blocker))
    assert _render() == _render()


def test_code_compiled_under_another_jinja2_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache holds code for the jinja2 and settings it was compiled under; user templates
    and edited built-ins rely on it."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: Any = None, *a: Any, **k: Any) -> Any:
        compiled.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(engine, "_jinja_version", lambda: "1.0")
    first = _render()
    assert "package/models.py.j2" in compiled
    compiled.clear()
    assert _render() == first
    assert compiled == []
    monkeypatch.setattr(engine, "_jinja_version", lambda: "2.0")
    assert _render() == first
    assert "package/models.py.j2" in compiled


# --- trust: compiled templates are code this process runs --------------------------------------


def _planted(entry: bytes, marker: Path) -> bytes:
    """A compiled-template entry whose header (jinja2's magic and the source checksum) is kept
    and whose code is replaced by code that creates `marker` when run."""
    start = entry.index(jinja2.bccache.bc_magic) + len(jinja2.bccache.bc_magic)
    header = io.BytesIO(entry[start:])
    pickle.load(header)  # the checksum: the file is ours, written by the render above
    code = compile(f"open({str(marker)!r}, 'w').close()", "<planted>", "exec")
    return entry[: start + header.tell()] + marshal.dumps(code)


def _refusals(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "not using the cache directory" in line]


def test_an_entry_not_sealed_with_the_caches_key_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same user, private directory, but an entry written by someone without the key (copied
    in, restored from another machine's cache): a miss, not code to run."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    first = _render()
    entries = sorted((tmp_path / "cache" / "templates").iterdir())
    assert entries
    marker = tmp_path / "planted-code-ran"
    for entry in entries:
        entry.write_bytes(_planted(entry.read_bytes(), marker))
    assert _render() == first
    assert not marker.exists()
    assert _refusals(capsys.readouterr().err) == []  # a bad entry is a miss, not a warning


def _shared_with_others(cache: Path, templates: Path, foreign: Path) -> str:
    templates.chmod(0o777)
    return str(templates)


def _owned_by_another_user(cache: Path, templates: Path, foreign: Path) -> str:
    os.chown(cache, 65534, 65534)
    cache.chmod(0o777)
    return str(cache)


def _symlink_to_another_users_directory(cache: Path, templates: Path, foreign: Path) -> str:
    templates.rename(foreign)
    if _ROOT_USER:
        os.chown(foreign, 65534, 65534)
    templates.symlink_to(foreign, target_is_directory=True)
    return str(templates)


def _under_a_directory_others_can_write(cache: Path, templates: Path, foreign: Path) -> str:
    cache.parent.chmod(0o777)  # anyone could rename the cache away and put theirs there
    return str(cache.parent)


def _key_readable_by_others(cache: Path, templates: Path, foreign: Path) -> str:
    (cache / "key").chmod(0o644)  # anyone could seal entries of their own
    return str(cache / "key")


_ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.parametrize(
    "untrusted",
    [
        _shared_with_others,
        pytest.param(
            _owned_by_another_user,
            marks=pytest.mark.skipif(not _ROOT_USER, reason="giving a file away needs root"),
        ),
        _symlink_to_another_users_directory,
        _under_a_directory_others_can_write,
        _key_readable_by_others,
    ],
    ids=lambda untrusted: untrusted.__name__.strip("_"),
)
def test_a_cache_others_could_write_is_neither_read_nor_written(
    untrusted: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Entries properly sealed with the cache's key, so only the directory check stands
    between them and execution: code planted by whoever else can write there never runs, and
    one line on stderr says which directory was ignored and why."""
    base = tmp_path / "base"
    base.mkdir(mode=0o700)
    cache_root = base / "cache"
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(cache_root))
    first = _render()
    store = cache.trusted_store("templates")
    assert store is not None
    marker = tmp_path / "planted-code-ran"
    names = sorted(p.name for p in store.directory.iterdir())
    for name in names:
        payload = store.read(name)
        assert payload is not None
        store.write(name, _planted(payload, marker))
    capsys.readouterr()
    directory = untrusted(cache_root, cache_root / "templates", tmp_path / "foreign")
    snapshot = _tree(tmp_path)
    assert _render() == first and _render() == first
    assert not marker.exists()
    refusals = _refusals(capsys.readouterr().err)
    assert len(refusals) == 1, refusals
    assert refusals[0].startswith(f"warning: not using the cache directory {directory}: ")
    assert _tree(tmp_path) == snapshot  # nothing written there either


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.lstat().st_mtime_ns, p.lstat().st_size)
        for p in root.rglob("*")
    }


def test_no_cache_reads_and_writes_no_compiled_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    _render()
    store = cache.trusted_store("templates")
    assert store is not None
    marker = tmp_path / "planted-code-ran"
    for entry in sorted(store.directory.iterdir()):
        payload = store.read(entry.name)
        assert payload is not None
        store.write(entry.name, _planted(payload, marker))
    snapshot = _tree(tmp_path / "cache")
    spec_copy = tmp_path / "spec.yaml"
    spec_copy.write_bytes(SPEC.read_bytes())
    status = cli.main(["generate", str(spec_copy), "-o", str(tmp_path / "out"), "-p", "p",
                       "--no-cache"])
    assert status == 0
    assert not marker.exists()
    assert _tree(tmp_path / "cache") == snapshot
