"""The built-in templates ship compiled: a cold run compiles none of them, and shipped code is
never served for anything it was not compiled from (an edited built-in, a user's override,
another jinja2, other environment settings)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import precompile, precompiled
from generator.pipeline import analyse
from generator.render import make_environment, render
from generator.shipped import builtin_templates_dir

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "face-person-group-training.yaml"
FIX = f"run `{precompile.COMMAND}` and commit generator/precompiled_templates/"


def _render(templates: tuple[Path, ...] = ()) -> dict[str, str]:
    api, diagnostics = analyse(SPEC, package="face_client")
    assert api is not None, diagnostics
    files, problems = render(api, templates)
    assert not problems, problems
    return files


def _recorded_key(name: str) -> dict[str, object]:
    path = precompiled.artifact_path(name)
    assert path is not None and path.is_file(), f"no compiled code for {name}: {FIX}"
    last = path.read_text(encoding="utf-8").splitlines()[-1]
    prefix = f"{precompiled.KEY_NAME} = "
    assert last.startswith(prefix), f"{path} does not end in its key: {FIX}"
    key: dict[str, object] = json.loads(ast.literal_eval(last[len(prefix) :]))
    return key


def _builtin_names() -> list[str]:
    return precompile.builtin_template_names()


@pytest.fixture
def same_jinja() -> None:
    """The shipped code is for the jinja2 it was written with; under another it is (rightly)
    unused, which tests of using it cannot tell from a bug."""
    recorded = _recorded_key("package/models.py.j2")["jinja2"]
    installed = precompiled._jinja_version()
    if recorded != installed:
        pytest.skip(f"compiled with jinja2 {recorded}, {installed} installed: {FIX}")


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """The names of the templates Jinja compiles, in a run with an empty cache directory."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "empty-cache"))
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: Any = None, *a: Any, **k: Any) -> Any:
        names.append(str(name))
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    yield names


def test_every_builtin_template_has_compiled_code_for_its_current_source() -> None:
    """Fails as soon as a template is added, removed or edited without rewriting the files
    (whatever jinja2 is installed)."""
    expected = {}
    env = make_environment()
    assert env.loader is not None
    for name in _builtin_names():
        source, _, _ = env.loader.get_source(env, name)
        expected[name] = json.loads(precompiled.key(env, name, source) or "{}")["source_sha256"]
    recorded = {}
    for path in precompile.on_disk():
        name = path.relative_to(precompiled.DIRECTORY).as_posix().removesuffix(".py")
        recorded[name] = _recorded_key(name)["source_sha256"]
    assert recorded == expected, f"the compiled templates are stale: {FIX}"


def test_the_compiled_templates_are_exactly_what_the_command_writes(same_jinja: None) -> None:
    problems = precompile.stale()
    assert not problems, f"the compiled templates are stale ({', '.join(problems)}): {FIX}"


@pytest.mark.parametrize("seed", ["1", "2"])
def test_writing_them_again_gives_the_same_bytes_in_any_process(
    same_jinja: None, seed: str
) -> None:
    """Jinja's compiler keeps some names in sets; other hash seeds must not change a byte."""
    result = subprocess.run(
        [sys.executable, "-m", "generator.precompile", "--check"],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_cold_render_compiles_no_builtin_template(
    same_jinja: None, compiled: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = _render()
    assert compiled == []
    # ... and renders what Jinja's compiler would have: compare with a render without them.
    monkeypatch.setattr(precompiled, "DIRECTORY", tmp_path / "nothing-shipped")
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "another-empty-cache"))
    assert _render() == files
    assert "package/models.py.j2" in compiled


def test_shipped_code_names_the_template_file_not_the_shipped_one(same_jinja: None) -> None:
    template = make_environment().get_template("package/models.py.j2")
    assert template.filename == str(builtin_templates_dir() / "package" / "models.py.j2")


def test_an_edited_builtin_is_compiled_afresh(
    same_jinja: None, compiled: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    edited = tmp_path / "templates"
    shutil.copytree(builtin_templates_dir(), edited)
    with open(edited / "pyproject.toml.j2", "a", encoding="utf-8") as stream:
        stream.write("# edited\n")
    monkeypatch.setattr("generator.render.builtin_templates_dir", lambda: edited)
    files = _render()
    assert compiled == ["pyproject.toml.j2"]
    assert files["pyproject.toml"].endswith("# edited\n")


def test_a_users_partial_replaces_the_builtin_the_shipped_code_imports(
    same_jinja: None, compiled: list[str], tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    (user / "package").mkdir(parents=True)
    codecs = (builtin_templates_dir() / "package" / "_codecs.j2").read_text(encoding="utf-8")
    marker = "{% macro careful(t) -%}\n"  # prints the decoder a field's tuple names
    assert marker in codecs
    (user / "package" / "_codecs.j2").write_text(
        codecs.replace(marker, marker + "user_"), encoding="utf-8"
    )
    models = _render((user,))["face_client/models.py"]
    assert "user_decode_str," in models
    assert compiled == ["package/_codecs.j2"]  # models.py.j2 itself still shipped


def test_a_users_template_with_a_builtins_name_wins(
    same_jinja: None, compiled: list[str], tmp_path: Path
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "README.md.j2").write_text("# {{ api.package_name }} by the user\n", encoding="utf-8")
    assert _render((user,))["README.md"] == "# face_client by the user\n"
    assert compiled == ["README.md.j2"]


def test_another_jinja2_compiles_everything(
    compiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(precompiled, "_jinja_version", lambda: "0.0-not-installed")
    _render()
    assert "package/models.py.j2" in compiled
    assert "package/_codecs.j2" in compiled


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda env: setattr(env, "trim_blocks", False), id="trim_blocks"),
        pytest.param(lambda env: setattr(env, "optimized", False), id="optimized"),
        pytest.param(lambda env: env.filters.pop("pyrepr"), id="a filter removed"),
        pytest.param(
            lambda env: env.filters.update(pyrepr=jinja2.pass_context(lambda c, v: v)),
            id="a filter passed the context",
        ),
        pytest.param(lambda env: setattr(env, "autoescape", True), id="autoescape"),
    ],
)
def test_other_environment_settings_get_no_shipped_code(same_jinja: None, change: object) -> None:
    env = make_environment()
    assert env.loader is not None
    name = "package/models.py.j2"
    source, filename, _ = env.loader.get_source(env, name)
    assert precompiled.shipped_code(env, name, filename, source) is not None
    change(env)  # type: ignore[operator]
    assert precompiled.shipped_code(env, name, filename, source) is None


def test_a_file_whose_key_is_not_in_its_code_is_not_served(
    same_jinja: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The key is checked against the loaded code, so a comment or a stale `.pyc` can't pass."""
    name = "package/models.py.j2"
    path = precompiled.artifact_path(name)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    head, _, key_line = text.rstrip("\n").rpartition("\n")
    monkeypatch.setattr(precompiled, "DIRECTORY", tmp_path)
    copy = precompiled.artifact_path(name)
    assert copy is not None
    copy.parent.mkdir(parents=True)
    copy.write_text(f"{head}\n# {key_line}\n", encoding="utf-8")
    env = make_environment()
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, name)
    assert precompiled.shipped_code(env, name, filename, source) is None
    copy.write_text(f"{head}\n{key_line}\n", encoding="utf-8")
    assert precompiled.shipped_code(env, name, filename, source) is not None


def test_names_that_would_leave_the_directory_have_no_file() -> None:
    for name in ("", "../x.j2", "a/../../x.j2", "a//b.j2", "./x.j2", "a\\..\\x.j2"):
        assert precompiled.artifact_path(name) is None


def test_filters_are_never_folded_into_shipped_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter applied to a constant would be evaluated while compiling; the shipped code
    calls it when rendering instead, so it cannot go stale when the filter changes."""
    env = make_environment()
    template = "{{ 'Some Name' | snake }}"
    assert "some_name" in env.compile(template, raw=True)  # what Jinja alone would ship
    monkeypatch.setattr(precompile, "make_environment", lambda: _only(template, "x.j2"))
    monkeypatch.setattr(precompile, "builtin_template_names", lambda: ["x.j2"])
    (text,) = precompile.artifacts().values()
    assert "some_name" not in text and "'snake'" in text


def _only(source: str, name: str) -> jinja2.Environment:
    """The renderer's environment, with one template to load."""
    env = make_environment()
    env.loader = jinja2.DictLoader({name: source})
    return env
