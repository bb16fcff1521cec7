"""JSON Schema patterns (ECMA-262) → Python `re` patterns.

The two dialects agree on the patterns APIs use, except that ECMA-262's `$` (without the
multiline flag) matches only at the very end, while Python's also matches before a final
newline: `^[a-z]+$` would accept "abc\\n" in Python. Outside character classes `$` becomes `\\Z`.
"""

from __future__ import annotations

import re


def ecma_to_python(pattern: str) -> str | None:
    """The Python spelling of `pattern`, or None when Python cannot compile it."""
    out = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A `]` right after `[` or `[^` is a literal member in both dialects.
            lookahead = pattern[index + 1 : index + 3]
            if lookahead.startswith("]") or lookahead == "^]":
                skip = 2 if lookahead.startswith("]") else 3
                out.append(pattern[index : index + skip])
                index += skip
                continue
        elif char == "$":
            out.append(r"\Z")
            index += 1
            continue
        out.append(char)
        index += 1
    translated = "".join(out)
    try:
        re.compile(translated)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    return translated
