"""Which of a spec's `pattern`s could make a backtracking regex matcher run for hours.

The schema validator checks defaults and examples against the spec's patterns with Python's
`re`. Exponential backtracking needs a repeated group whose body can match the same text in
more than one way: a quantifier inside it (`(a+)+`, `(\\w+\\s?)*`) or an alternation
(`(a|ab)*`). This check looks for exactly that shape, conservatively: it may name a harmless
pattern (`(ab|cd)+`), never miss such a group. It does not compile anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import join_pointer

_BOUNDS = re.compile(r"\{(\d+)(?:(,)(\d*))?\}")
_QUANTIFIERS = frozenset("*+?{")


def first_backtracking_pattern(data: Any) -> tuple[str, str] | None:
    """(JSON pointer, pattern) of the first pattern in `data` that `can_backtrack`."""
    for pointer, pattern in _patterns(data):
        if can_backtrack(pattern):
            return pointer, pattern
    return None


def can_backtrack(pattern: str) -> bool:
    """Whether `pattern` repeats a group holding a quantifier or an alternation."""
    # One flag per open group: whether its body so far holds a quantifier or a `|`.
    ambiguous = [False]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        index += 1
        if char == "(":
            ambiguous.append(False)
        elif char == ")" and len(ambiguous) > 1:
            inner = ambiguous.pop()
            repeats, index = _quantifier_after(pattern, index)
            if repeats and inner:
                return True
            ambiguous[-1] = ambiguous[-1] or inner or repeats
        elif char == "|" or (char in _QUANTIFIERS and _is_quantifier(pattern, index - 1)):
            ambiguous[-1] = True
    return False


def _is_quantifier(pattern: str, at: int) -> bool:
    if pattern[at] == "{":
        return _BOUNDS.match(pattern, at) is not None
    return at > 0 and pattern[at - 1] != "("  # `(?:`, `(?=`: not a quantifier


def _quantifier_after(pattern: str, at: int) -> tuple[bool, int]:
    """Whether what follows a group at `at` repeats it (more than once), and where it ends."""
    if pattern.startswith(("*", "+"), at):
        return True, at + 1
    if pattern.startswith("?", at):
        return False, at + 1
    bounds = _BOUNDS.match(pattern, at)
    if bounds is None:
        return False, at
    low, comma, high = bounds.groups()
    most = int(low) if not comma else (int(high) if high else 2)
    return most > 1, bounds.end()


def _class_end(pattern: str, at: int) -> int:
    """The index just past the character class opening at `at`."""
    index = at + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):  # a literal `]` first
        index += 1
    while index < len(pattern):
        if pattern[index] == "\\":
            index += 2
            continue
        if pattern[index] == "]":
            return index + 1
        index += 1
    return index


def _patterns(data: Any) -> Iterator[tuple[str, str]]:
    """Every `pattern` string and `patternProperties` key, in document order."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                yield join_pointer(pointer, "pattern"), node["pattern"]
            keyed = node.get("patternProperties")
            if isinstance(keyed, dict):
                for key in keyed:
                    yield join_pointer(pointer, "patternProperties", key), key
            children = [(value, join_pointer(pointer, key)) for key, value in node.items()]
        elif isinstance(node, list):
            children = [(value, join_pointer(pointer, i)) for i, value in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))
