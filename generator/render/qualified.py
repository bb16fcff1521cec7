"""Spell the names a module of a split package reads through a sibling package the way it
reads them: `Pet` as `_models.Pet` (see `views/module_parts.py`, `ModulePart.through`).

The templates print every type, decoder and annotation with its bare name, whichever module
it lands in; this pass, run on a rendered module before it is formatted, rewrites the uses of
the names given, in code and annotations alike, and nothing inside a string or a comment (a
docstring may say "Pet", a discriminator value may be "Pet"), nor an attribute (`x.Pet`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# A string literal (any prefix, triple-quoted or not), a comment, or a name that does not
# follow a dot. Strings and comments are matched only to be skipped over whole.
_TOKEN = re.compile(
    r"""(?P<skip>[rRbBuUfF]{0,2}(?:"""
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r")|#[^\n]*)"
    r"|(?<![\w.])(?P<name>[A-Za-z_]\w*)"
)


def qualify(source: str, spelled: Mapping[str, str]) -> str:
    """`source` with each name of `spelled` in its code replaced by its spelling there."""
    if not spelled:
        return source

    def replacement(match: re.Match[str]) -> str:
        name = match.group("name")
        if name is None:
            return match.group(0)
        return spelled.get(name, name)

    return _TOKEN.sub(replacement, source)
