"""Spell the names a module of a split package reads through a sibling package the way it
reads them: `Pet` as `_models.Pet` (see `views/module_parts.py`, `ModulePart.through`).

The templates print every type, decoder and annotation with its bare name, whichever module
it lands in; this pass, run on a rendered module before it is formatted, rewrites the uses of
the names given, in code and annotations alike, and nothing inside a string or a comment (a
docstring may say "Pet", a discriminator value may be "Pet"), nor an attribute (`x.Pet`).
Names inside an f-string's braces are not code to it: the built-in templates print none.

The layout functions that decide where black breaks a line (`layout.annotated`) spell a type
hint first, through `spelled_hint`, while the engine renders such a module (`spelling`): they
lay out the line as it will read, so the formatter need not send it to black again.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

# A string literal (from its opening quote: a prefix such as `b` or `f` stays with the code,
# where no name is spelled so) or a comment, kept whole: splitting on it leaves the code
# between them at the even indexes.
_STRING_OR_COMMENT = re.compile(
    r"("
    # Each unrolled (a run of plain characters, then one special and another run), which
    # is four times quicker than a choice per character on megabytes of docstrings.
    r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'"
    r"|#[^\n]*)"
)


@functools.lru_cache(maxsize=8)
def _names_starting_with(initials: str) -> re.Pattern[str]:
    """A name that does not follow a dot and starts with one of `initials`: only those can be
    spelled, and matching no other name keeps the pass quick (Graph's code is 40 MB)."""
    return re.compile(rf"(?<![\w.])[{re.escape(initials)}]\w*")


def qualify(source: str, spelled: Mapping[str, str]) -> str:
    """`source` with each name of `spelled` in its code replaced by its spelling there."""
    if not spelled:
        return source
    names = _names_starting_with("".join(sorted({name[0] for name in spelled})))

    def replacement(match: re.Match[str]) -> str:
        name = match.group(0)
        return spelled.get(name, name)

    pieces = _STRING_OR_COMMENT.split(source)
    for index in range(0, len(pieces), 2):
        pieces[index] = names.sub(replacement, pieces[index])
    return "".join(pieces)


_SPELLED: ContextVar[Mapping[str, str]] = ContextVar("spelled", default=MappingProxyType({}))


@contextmanager
def spelling(spelled: Mapping[str, str]) -> Iterator[None]:
    """While the engine renders a module that spells names through packages (`spelled`)."""
    token = _SPELLED.set(spelled)
    try:
        yield
    finally:
        _SPELLED.reset(token)


def spelled_hint(hint: str) -> str:
    """A type hint as the module being rendered spells it (see `spelling`)."""
    return qualify(hint, _SPELLED.get())
