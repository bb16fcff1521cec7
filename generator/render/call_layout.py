"""Black's layout of a tree of calls, for templates that print nested calls (the `lay` filter).

A node is a string (printed as it is), a call `{"head": "name", "args": [node, ...]}`, or
`{"values_of": "Enum"}` for the list `[member.value for member in Enum]`. `lay` prints a node
where it goes the way black would, so that formatting has nothing to change: on one line if
that fits, else split at the call's parentheses (even when the head before them does not fit),
the arguments on one line of their own if they fit there, else one a line with a trailing comma
(black's order); the list inside its brackets, split before `for` if need be. What it cannot
place that way (a head holding a call of its own that does not fit, an atom too long, non-ASCII
text, whose width black counts otherwise) stays on one line, which the formatter hands to black.

This was a pair of recursive Jinja macros; as Python it is the same layout at a fraction of
the cost (a big spec prints a hundred thousand of these), and templates only print.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

LINE_LENGTH = 88

Node: TypeAlias = "str | Mapping[str, str | Sequence[Node]]"


def flat(node: Node) -> str:
    """The node on one line."""
    if isinstance(node, str):
        return node
    if "values_of" in node:
        return f"[member.value for member in {node['values_of']}]"
    return f"{node['head']}({', '.join(flat(arg) for arg in _args(node))})"


def lay(node: Node, indent: str, lead: int, tail: int) -> str:
    """`node` on a line `indent` in, starting `lead` columns in, with `tail` columns after it."""
    one = flat(node)
    if isinstance(node, str) or lead + len(one) + tail <= LINE_LENGTH or not one.isascii():
        return one
    inner = indent + "    "
    if "values_of" in node:
        if len(inner) + len(one) - 2 <= LINE_LENGTH:
            return f"[\n{inner}{one[1:-1]}\n{indent}]"
        return f"[\n{inner}member.value\n{inner}for member in {node['values_of']}\n{indent}]"
    head = str(node["head"])
    if lead + len(head) + 1 > LINE_LENGTH and "(" in head:
        return one  # black would split at an earlier call of the head instead
    args = _args(node)
    body = ", ".join(flat(arg) for arg in args)
    if len(inner) + len(body) <= LINE_LENGTH:
        return f"{head}(\n{inner}{body}\n{indent})"
    if len(args) == 1:
        return f"{head}(\n{inner}{lay(args[0], inner, len(inner), 0)}\n{indent})"
    lines = "".join(f"{inner}{lay(arg, inner, len(inner), 1)},\n" for arg in args)
    return f"{head}(\n{lines}{indent})"


def lay_entry(node: Node, indent: str, before: str = "", after: str = ",") -> str:
    """`before`, `node` and `after` as one entry of a line `indent` in (the template prints the
    indent): `lay` with the lead and tail they take, such as `name=` and `,` of an argument."""
    return before + lay(node, indent, len(indent) + len(before), len(after)) + after


def _args(node: Mapping[str, str | Sequence[Node]]) -> Sequence[Node]:
    args = node["args"]
    assert not isinstance(args, str)
    return args
