"""Compiled templates are reused across runs, never at the cost of a changed template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import precompiled
from generator.pipeline import analyse
from generator.render import render

ROOT = Path(__file__).resolve().parent.parent
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
    """The cache holds code for the jinja2 and settings it was compiled under, as shipped code
    does (tests/test_precompiled.py); user templates and edited built-ins rely on it."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(precompiled, "DIRECTORY", tmp_path / "nothing-shipped")
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: Any = None, *a: Any, **k: Any) -> Any:
        compiled.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    monkeypatch.setattr(precompiled, "_jinja_version", lambda: "1.0")
    first = _render()
    assert "package/models.py.j2" in compiled
    compiled.clear()
    assert _render() == first
    assert compiled == []
    monkeypatch.setattr(precompiled, "_jinja_version", lambda: "2.0")
    assert _render() == first
    assert "package/models.py.j2" in compiled
