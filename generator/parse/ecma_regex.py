"""JSON Schema patterns (ECMA-262) → Python `re` patterns.

JSON Schema says a `pattern` is an ECMA-262 regular expression (without the `u` flag), and
the two dialects differ in ways that matter for validation:

- ECMA-262's `$` (without the multiline flag) matches only at the very end, while Python's
  also matches before a final newline: `^[a-z]+$` would accept "abc\\n". Outside character
  classes `$` becomes `\\Z`.
- `\\d`, `\\w`, `\\b` (and `\\D`, `\\W`, `\\B`) are ASCII in ECMA-262 but Unicode in Python:
  `^\\d{4}$` would accept "١٢٣٤". The translation then starts with `(?a)`, Python's ASCII flag.
- `\\s` is ECMA-262's own set of whitespace and line terminators, which is neither Python's
  Unicode `\\s` (it has \\x1c-\\x1f and \\x85, not \\ufeff) nor its ASCII one: `\\s` and `\\S`
  are spelled out as that set, inside character classes too.
- `.` matches no line terminator (\\n, \\r, \\u2028, \\u2029); Python's only stops at \\n.
- `[]` matches nothing and `[^]` any character; Python reads both as the start of a class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ECMA_SPACE = (
    "\\t\\n\\x0b\\x0c\\r\\x20\\xa0\\u1680\\u2000-\\u200a"
    "\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
)
"""ECMA-262's WhiteSpace and LineTerminator code points, as members of a Python class."""

_ASCII_ESCAPES = frozenset("dDwWbB")
_NOTHING = "(?!)"
_ANY_BUT_LINE_END = "[^\\n\\r\\u2028\\u2029]"
"""ECMA-262's `.`: Python's also matches \\r, \\u2028 and \\u2029."""
_ANYTHING = "[\\s\\S]"


@dataclass
class _Translation:
    out: list[str] = field(default_factory=list)
    ascii: bool = False
    """Whether an escape needs ECMA-262's ASCII meaning (the `(?a)` flag)."""


def ecma_to_python(pattern: str) -> str | None:
    """The Python spelling of `pattern`, or None when Python cannot compile it."""
    state = _Translation()
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            state.out.append(_escape(pattern[index + 1], state))
            index += 2
        elif char == "[":
            index = _character_class(pattern, index, state)
        elif char == "$":
            state.out.append(r"\Z")
            index += 1
        elif char == ".":
            state.out.append(_ANY_BUT_LINE_END)
            index += 1
        else:
            state.out.append(char)
            index += 1
    translated = ("(?a)" if state.ascii else "") + "".join(state.out)
    try:
        re.compile(translated)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    return translated


def _escape(letter: str, state: _Translation) -> str:
    """An escape outside character classes."""
    if letter == "s":
        return f"[{ECMA_SPACE}]"
    if letter == "S":
        return f"[^{ECMA_SPACE}]"
    if letter in _ASCII_ESCAPES:
        state.ascii = True
    return "\\" + letter


def _character_class(pattern: str, start: int, state: _Translation) -> int:
    """Translate the class starting at `pattern[start]` (a `[`); the index after it."""
    index = start + 1
    negated = pattern.startswith("^", index)
    if negated:
        index += 1
    members: list[str] = []
    not_space = False
    while index < len(pattern) and pattern[index] != "]":
        if pattern[index] == "\\" and index + 1 < len(pattern):
            letter = pattern[index + 1]
            if letter == "s":
                members.append(ECMA_SPACE)
            elif letter == "S":
                not_space = True
            else:
                state.ascii = state.ascii or letter in "dDwW"
                members.append(pattern[index : index + 2])
            index += 2
        else:
            # Python warns that `[[`, `&&`, `||` and `~~` may mean set operations one day.
            char = pattern[index]
            members.append("\\" + char if char in "[&|~" else char)
            index += 1
    if index >= len(pattern):
        state.out.append(pattern[start:])  # unterminated: Python refuses it too
        return index
    state.out.append(_class_text("".join(members), negated, not_space))
    return index + 1


def _class_text(members: str, negated: bool, not_space: bool) -> str:
    """A class of `members` (plus everything but whitespace when `not_space`) in Python."""
    if members.startswith("^"):
        members = "\\" + members  # a literal `^` that the removal of `\S` moved first
    if not not_space:
        if not members:
            return _ANYTHING if negated else _NOTHING
        return f"[{'^' if negated else ''}{members}]"
    if negated:  # neither a member nor a non-space: a space that is no member
        return f"(?:(?![{members}])[{ECMA_SPACE}])" if members else f"[{ECMA_SPACE}]"
    return f"(?:[{members}]|[^{ECMA_SPACE}])" if members else f"[^{ECMA_SPACE}]"
