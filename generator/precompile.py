"""`python -m generator.precompile [--check]`: write (or check) the built-in templates' compiled
code that `generator.precompiled` serves, from `templates/`, the only source of truth.

Each file is Jinja's own compiler output (`Environment.compile(..., raw=True)`) for the
renderer's environment, followed by a notice and the key it was compiled under. The generator's
filters and tests stand in as opaque functions while compiling, so Jinja's optimizer cannot fold
a filter's result into the code: shipped code calls them when rendering, and stays right when
a filter's implementation changes. The output depends on nothing but the templates, jinja2 and
those settings, so writing it again gives the same bytes; `tests/test_precompiled.py` fails
when the files are stale.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.filters
import jinja2.tests

from .precompiled import DIRECTORY, KEY_NAME, artifact_path, key
from .render import make_environment
from .shipped import MANIFEST, builtin_templates_dir

COMMAND = "python -m generator.precompile"

_NOTICE = f"# Written by `{COMMAND}` from the built-in template in the key below; do not edit."


def artifacts() -> dict[Path, str]:
    """Every file `DIRECTORY` should hold, by path, for the templates and jinja2 in use."""
    env = make_environment()
    compiler = make_environment()
    _make_opaque(compiler.filters, jinja2.filters.FILTERS)
    _make_opaque(compiler.tests, jinja2.tests.TESTS)
    assert env.loader is not None
    files: dict[Path, str] = {}
    for name in builtin_template_names():
        source, filename, _ = env.loader.get_source(env, name)
        compiled_under = key(env, name, source)
        path = artifact_path(name)
        if compiled_under is None or path is None:
            raise SystemExit(f"{name}: its compiled code cannot be keyed, so it cannot be shipped")
        code = compiler.compile(source, name, filename, raw=True)
        files[path] = f"{code.rstrip(chr(10))}\n\n{_NOTICE}\n{KEY_NAME} = {compiled_under!r}\n"
    return files


def on_disk() -> dict[Path, str]:
    """The compiled templates as they are now."""
    if not DIRECTORY.is_dir():
        return {}
    return {
        path: path.read_text(encoding="utf-8")
        for path in sorted(DIRECTORY.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def stale() -> list[str]:
    """What differs between the files and what the templates compile to, one line each."""
    expected, actual = artifacts(), on_disk()
    return [
        f"{path.relative_to(DIRECTORY).as_posix()}: "
        + ("missing" if path not in actual else "extra" if path not in expected else "differs")
        for path in sorted(expected.keys() | actual.keys())
        if expected.get(path) != actual.get(path)
    ]


def write() -> int:
    """Bring `DIRECTORY` up to date; return how many files changed."""
    expected, actual = artifacts(), on_disk()
    for path in actual.keys() - expected.keys():
        path.unlink()
    changed = 0
    for path, text in sorted(expected.items()):
        if actual.get(path) != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            changed += 1
    return changed + len(actual.keys() - expected.keys())


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--check"]):
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    if args:
        problems = stale()
        for problem in problems:
            print(f"{DIRECTORY.name}/{problem}", file=sys.stderr)
        if problems:
            print(f"the compiled templates are stale: run `{COMMAND}`", file=sys.stderr)
        return 1 if problems else 0
    print(f"{write()} file(s) changed in {DIRECTORY}")
    return 0


def builtin_template_names() -> list[str]:
    """Every built-in template but the manifest (which is data, never compiled)."""
    return [
        name
        for name in jinja2.FileSystemLoader(str(builtin_templates_dir())).list_templates()
        if name != MANIFEST and name.endswith(".j2")
    ]


def _make_opaque(functions: dict[str, Any], jinja_own: Mapping[str, object]) -> None:
    """Keep Jinja's own filters or tests (jinja2's version is in the key); replace every other
    one with a stand-in that is passed the same arguments but never returns, so the optimizer
    leaves its calls in the code."""
    for name, function in list(functions.items()):
        if jinja_own.get(name) is not function:
            functions[name] = _stand_in(function)


def _stand_in(function: object) -> Callable[..., object]:
    def stand_in(*args: object, **kwargs: object) -> object:
        raise RuntimeError("not called while compiling")

    if hasattr(function, "jinja_pass_arg"):
        stand_in.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return stand_in


if __name__ == "__main__":
    sys.exit(main())
