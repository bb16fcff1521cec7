"""The generated package's runtime at its source, generator/runtime/: the blocking modules are
what `python -m generator.runtime.unasync` derives from their asyncio sources, the modules are
the same for every API, and every name the templates use is where they look for it."""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import naming
from generator.render import output_plan as outputs
from generator.render.engine import make_environment
from generator.runtime import unasync

ROOT = Path(__file__).resolve().parents[3]
RUNTIME = ROOT / "generator" / "runtime"
TEMPLATES = ROOT / "templates" / "package"
NOT_COPIED = {"__init__.py", "unasync.py"}
"""Modules of generator/runtime/ that are the generator's, not the generated package's."""


def _runtime_modules() -> list[str]:
    return sorted(path.name for path in RUNTIME.glob("*.py") if path.name not in NOT_COPIED)


def _manifest_runtime() -> dict[str, str]:
    """Runtime module → its output path, from the built-in manifest."""
    manifest, problems = outputs.read_manifest(make_environment())
    assert not problems
    return {entry.template: entry.output for entry in manifest if entry.runtime}


def test_the_derived_modules_are_current() -> None:
    assert unasync.stale_modules() == [], "run `python -m generator.runtime.unasync`"
    result = subprocess.run(
        [sys.executable, "-m", "generator.runtime.unasync", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_stale_derived_module_is_found_and_rewritten(tmp_path: Path) -> None:
    shutil.copytree(RUNTIME, tmp_path, dirs_exist_ok=True)
    source = tmp_path / "_async_pipeline.py"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("await asyncio.sleep(seconds)", "await asyncio.sleep(0)"))
    assert unasync.stale_modules(tmp_path) == ["_sync_pipeline.py"]
    derived = unasync.derived_modules(tmp_path)["_sync_pipeline.py"]
    assert "time.sleep(0)" in derived and "await" not in derived


def test_the_derived_modules_say_what_they_come_from_and_are_blocking() -> None:
    for source, target in unasync.PAIRS:
        text = (RUNTIME / target).read_text(encoding="utf-8")
        assert text.splitlines()[0] == unasync.HEADER.format(source=source).rstrip("\n")
        assert text.splitlines()[0].startswith("# Derived from")
        tree = ast.parse(text)
        assert not any(isinstance(n, (ast.AsyncFunctionDef, ast.Await)) for n in ast.walk(tree))
        assert "asyncio" not in text and "Async" not in text, target
        source_tree = ast.parse((RUNTIME / source).read_text(encoding="utf-8"))
        assert any(isinstance(n, ast.AsyncFunctionDef) for n in ast.walk(source_tree))


def test_a_substitution_no_source_uses_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    table = (*unasync.SUBSTITUTIONS, (r"\bnever_used_anywhere\b", "x"))
    monkeypatch.setattr(unasync, "SUBSTITUTIONS", table)
    compiled = (*unasync._COMPILED, (re.compile(table[-1][0]), "x"))
    monkeypatch.setattr(unasync, "_COMPILED", compiled)
    with pytest.raises(ValueError, match="never_used_anywhere"):
        unasync.derived_modules()


def test_the_manifest_copies_every_runtime_module_into_the_package() -> None:
    copied = _manifest_runtime()
    assert sorted(copied) == _runtime_modules()
    assert all(output == "{package}/" + name for name, output in copied.items())


def test_no_file_a_template_names_after_an_item_can_shadow_a_runtime_module() -> None:
    """Per-item files (`package/models/{model}.py.j2`) are named off RESERVED_MODULE_NAMES."""
    stems = {name.removesuffix(".py") for name in _runtime_modules()}
    assert stems <= naming.RESERVED_MODULE_NAMES, sorted(stems - naming.RESERVED_MODULE_NAMES)
    assert naming.module_name("polling") != "polling"


@pytest.mark.parametrize("name", _runtime_modules())
def test_a_runtime_module_is_small_plain_and_the_same_for_every_api(name: str) -> None:
    text = (RUNTIME / name).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 800
    assert "{{" not in text and "{%" not in text
    assert "face_client" not in text and "Azure" not in text
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            roots = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots = {node.module.split(".")[0]}
        else:
            continue
        assert roots <= set(sys.stdlib_module_names) | {"httpx"}, (name, roots)


def test_the_logger_is_named_after_the_package() -> None:
    calls = importlib.import_module("generator.runtime._calls")
    assert calls.LOGGER.name == "generator.runtime"


# Names a template reaches as `MODULE.NAME`, or imports by name; `self._http` is httpx's, and
# `_http.header_" ~ reader` the start of a name the template completes.
_ATTRIBUTE = re.compile(
    # (not `errors.py`: a file name in a docstring)
    r"(?<![\w.])(_http|_runtime|polling|errors|credentials)\.(?!py\b)(\w*[A-Za-z0-9])\b(?!\{)"
)
_IMPORT = re.compile(
    r"from \.(_http|_runtime|polling|errors|credentials) import (?:\(([^){]*)\)|([^\n{]*))"
)

_OLD_HTTP_NAMES = [
    "AsyncPipeline",
    "Auth",
    "BodyBuffer",
    "Call",
    "CallOptions",
    "DEFAULT_TIMEOUT",
    "IDEMPOTENT_METHODS",
    "Inflater",
    "LOGGER",
    "MAX_REDIRECTS",
    "MAX_RESPONSE_SIZE",
    "MAX_RETRY_AFTER",
    "Pipeline",
    "QueryItems",
    "REDIRECT_STATUSES",
    "RETRY_STATUSES",
    "ReadOnlyRules",
    "Styles",
    "USER_AGENT_SUFFIX",
    "Watchdog",
    "add_query",
    "api_error",
    "asked_wait",
    "backoff",
    "binary_content",
    "build_request",
    "check_choice",
    "check_endpoint",
    "check_max_response_size",
    "check_number",
    "check_text",
    "check_timeout",
    "cookie_header",
    "copy_request",
    "dig",
    "failure",
    "form_content",
    "header_bool",
    "header_date",
    "header_datetime",
    "header_enum",
    "header_float",
    "header_int",
    "header_json",
    "header_list",
    "header_text",
    "is_loopback",
    "json_content",
    "multipart_content",
    "omit_read_only",
    "origin",
    "outgoing",
    "quote_path",
    "read_json",
    "retry_after",
    "status_location",
    "text_content",
    "to_text",
    "to_wire",
    "total_seconds",
]
"""Every public name of `_http` when it was one template: all still there."""

_OLD_POLLING_NAMES = [
    "AsyncPoller",
    "Poller",
    "Reader",
    "check_polling_interval",
    "read_continuation_token",
    "status_text",
    "IN_PROGRESS",
    "GROWTH",
    "TOKEN_VERSION",
    "MAX_TOKEN_INTERVAL",
]


def _used_names() -> set[tuple[str, str]]:
    used: set[tuple[str, str]] = set()
    # The templates, and the views that compute what they print (client.py's statements).
    views = sorted((ROOT / "generator" / "render").rglob("*.py"))
    for path in [*TEMPLATES.glob("*.j2"), *views]:
        text = path.read_text(encoding="utf-8")
        used |= set(_ATTRIBUTE.findall(text))
        for module, listed, inline in _IMPORT.findall(text):
            names = re.findall(r"\b([A-Za-z_]\w*)\b", listed + inline)
            used |= {(module, name) for name in names}
    return used


def test_every_name_the_templates_use_is_where_they_look_for_it() -> None:
    used = _used_names()
    assert ("_http", "CallOptions") in used and ("polling", "status_text") in used
    used |= {("_http", name) for name in _OLD_HTTP_NAMES}
    used |= {("polling", name) for name in _OLD_POLLING_NAMES}
    missing = sorted(
        f"{module}.{name}"
        for module, name in used
        if not hasattr(importlib.import_module(f"generator.runtime.{module}"), name)
    )
    assert missing == []


def test_the_runtime_modules_are_in_blacks_layout() -> None:
    # The formatter leaves them as they are only if black would: otherwise the package's
    # copies differ from their sources (tests/golden/test_golden.py).
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", "--target-version", "py310",
         *map(str, (RUNTIME / name for name in _runtime_modules()))],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
