"""Python literals for values from the spec, spelled as black spells them: the `pyrepr` filter.

A leaf of its own (`filters` re-exports it) so that the modules beside the renderer that build
code for templates, such as `views.strategies`, print spec values with it too, without importing
the filter table that lists them.
"""

from __future__ import annotations

import functools
import math


def pyrepr(value: object) -> str:
    """A Python literal for a str, int, float, bool or None (repr escapes every control char),
    or a tuple of them, spelled the way black spells it, so formatting need not touch it."""
    if isinstance(value, tuple):
        inner = ", ".join(pyrepr(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, str):
        return _string_literal(value)
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f'float("{value}")'
        return repr(value).replace("e+", "e")
    raise TypeError(f"pyrepr cannot render a {type(value).__name__}")


# A big spec prints the same few thousand strings (parameter names, media types, enum values)
# over a million times.
@functools.lru_cache(maxsize=1 << 16)
def _string_literal(text: str) -> str:
    """repr(text) in black's preferred quotes: double, unless that needs more backslashes."""
    literal = repr(text)
    if literal[0] == '"':
        return literal
    body = literal[1:-1]
    if "\\" not in body and '"' not in body:
        return f'"{body}"'  # nothing to re-escape
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            escaped = body[index + 1]
            out.append("'" if escaped == "'" else char + escaped)
            index += 2
            continue
        out.append('\\"' if char == '"' else char)
        index += 1
    double = "".join(out)
    if double.count("\\") > body.count("\\"):
        return literal
    return f'"{double}"'
