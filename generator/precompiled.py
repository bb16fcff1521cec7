"""The built-in templates' compiled code, shipped with the generator so a cold run (a fresh CI
machine, an empty cache directory) does not spend most of a small spec's time in Jinja's
compiler.

`python -m generator.precompile` writes, for each built-in template `NAME`, the Python source
Jinja's own compiler makes of it to `precompiled_templates/NAME.py`, ending in a line that
records the key it was compiled under: the template's name, the SHA-256 of its source, the
jinja2 version, and every environment setting the compiled code depends on. A template is only
ever served from here when the key computed now is that same key, so an edited built-in, a
user's template (unless byte-identical to a built-in of the same name, whose compiled code is
the same), another jinja2 or other environment settings all mean compiling as usual. Nothing
is decided by file name or location alone.

The files are Python source so that Python's own bytecode cache applies: a wheel install
byte-compiles them, a checkout does so on first use (unless PYTHONDONTWRITEBYTECODE is set),
and loading one is then a read of its `.pyc` instead of a compile. Either way the renderer keeps
the code in its cache directory too (see `render._CompiledTemplates`).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType

import jinja2

DIRECTORY = Path(__file__).resolve().parent / "precompiled_templates"
"""Where the compiled built-ins are: inside the package, so a wheel carries them."""

KEY_NAME = "__clientgen_key__"
"""The name the last line of each file assigns its key to; the key is then a constant of the
compiled module, so it is checked against the code actually loaded, `.pyc` or not."""

_LOADER_NAME = "generator.precompiled_templates"


def key(env: jinja2.Environment, name: str, source: str) -> str | None:
    """What compiled code for template `name` with `source` in `env` depends on, as one string
    (None when it also depends on something no key can hold, so nothing is shipped for it)."""
    if env.finalize is not None:
        return None  # a finalize function's results on constants are baked into the code
    source_sha256 = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return json.dumps(
        {"template": name, "source_sha256": source_sha256, **compile_settings(env, name)},
        sort_keys=True,
    )


def compile_settings(env: jinja2.Environment, name: str) -> dict[str, object]:
    """Everything besides the source that template `name`'s compiled code depends on."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return {
        "jinja2": _jinja_version(),
        "autoescape": bool(autoescape),
        "environment": environment_digest(env),
    }


def environment_digest(env: jinja2.Environment) -> str:
    """The settings Jinja's lexer, parser and compiler read. Filters and tests count by name and
    by what they are passed, not by what they do: `generator.precompile` compiles with opaque
    stand-ins for the generator's own, so no filter's result is ever folded into shipped code."""
    facts = {
        "class": _qualified(type(env)),
        "code_generator": _qualified(env.code_generator_class),
        "syntax": [
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
        ],
        "finalize": None if env.finalize is None else _passed(env.finalize),
        "optimized": env.optimized,
        "is_async": env.is_async,
        "sandboxed": env.sandboxed,
        "intercepted_binops": sorted(getattr(env, "intercepted_binops", ())),
        "intercepted_unops": sorted(getattr(env, "intercepted_unops", ())),
        "extensions": sorted(env.extensions),
        "filters": {name: _passed(f) for name, f in sorted(env.filters.items())},
        "tests": {name: _passed(f) for name, f in sorted(env.tests.items())},
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


def artifact_path(name: str) -> Path | None:
    """The file holding template `name`'s compiled code (None for a name that would leave the
    directory; Jinja's file loaders refuse those anyway)."""
    parts = name.split("/")
    if not name or any(part in ("", ".", "..") or "\\" in part for part in parts):
        return None
    return DIRECTORY.joinpath(*parts[:-1], parts[-1] + ".py")


def shipped_code(
    env: jinja2.Environment, name: str, filename: str | None, source: str
) -> CodeType | None:
    """The shipped compiled code for this template, if it was compiled under exactly the key
    that applies now; else None, and the template is compiled as usual."""
    expected = key(env, name, source)
    path = artifact_path(name)
    if expected is None or path is None or not path.is_file():
        return None
    try:
        code = SourceFileLoader(_LOADER_NAME, str(path)).get_code(_LOADER_NAME)
    except (OSError, SyntaxError, ValueError, ImportError):
        return None
    if code is None or expected not in code.co_consts:
        return None
    return _relocated(code, filename or "<template>")  # what Jinja's compile() calls it


def _relocated(code: CodeType, filename: str) -> CodeType:
    """`code` as if compiled from `filename`, as Jinja would have: a template's tracebacks and
    `Template.filename` name the template, not the shipped file."""
    consts = tuple(
        _relocated(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=consts)


@cache
def _jinja_version() -> str:
    try:
        return metadata.version("jinja2")
    except metadata.PackageNotFoundError:  # pragma: no cover - a jinja2 without metadata
        return f"unknown {jinja2.__file__}"


def _passed(function: object) -> str | None:
    """How Jinja calls a filter or test (`@pass_context` and the like): the compiled call
    depends on it."""
    passed = getattr(function, "jinja_pass_arg", None)
    return None if passed is None else str(getattr(passed, "name", passed))


def _qualified(thing: type) -> str:
    return f"{thing.__module__}.{thing.__qualname__}"
