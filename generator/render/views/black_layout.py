"""Black's layout of the statements the built-in templates print, so formatting has nothing
to change: one line if it fits in 88 columns, else the arguments on a line of their own if they
fit there, else one a line with a trailing comma. Non-ASCII text stays on one line (black
counts wide characters twice); if that is too long, the formatter hands it to black.

These were Jinja macros of `client.py.j2`; as Python they are the same layout, cheaper, and
the template only prints. Every `indent` is the text (spaces) the first line starts after.
`generator/render/call_layout.py` lays out nested calls (the `lay` filter) by the same rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.render.call_layout import LINE_LENGTH
from generator.render.filters import black_docstring
from generator.render.literals import pyrepr

__all__ = ["LINE_LENGTH", "annotated", "call", "concat", "doc", "signature", "tuple_of"]


def call(head: str, args: Sequence[str], indent: str, tail: str = "") -> str:
    """`head(args)tail` on a line `indent` in."""
    body = ", ".join(args)
    one = f"{head}({body}){tail}"
    if len(indent) + len(one) <= LINE_LENGTH or not one.isascii():
        return one
    if len(indent) + 4 + len(body) <= LINE_LENGTH:
        return f"{head}(\n{indent}    {body}\n{indent}){tail}"
    lines = "".join(f"{indent}    {arg},\n" for arg in args)
    return f"{head}(\n{lines}{indent}){tail}"


def concat(target: str, parts: Sequence[str], indent: str) -> str:
    """`target = part + part ...`: on one line if it fits, else in parentheses, on a line of
    their own or one part a line. With a single `+` before a call black may split the call
    instead, so that stays on one line for the formatter."""
    body = " + ".join(parts)
    one = f"{target} = {body}"
    if (
        len(indent) + len(one) <= LINE_LENGTH
        or not one.isascii()
        or len(parts) < 2
        or (len(parts) == 2 and parts[1].endswith(")"))
    ):
        return one
    if len(indent) + 4 + len(body) <= LINE_LENGTH:
        return f"{target} = (\n{indent}    {body}\n{indent})"
    rest = "".join(f"{indent}    + {part}\n" for part in parts[1:])
    return f"{target} = (\n{indent}    {parts[0]}\n{rest}{indent})"


def annotated(prefix: str, annotation: str, suffix: str, indent: str) -> str:
    """`prefix annotation suffix` (a parameter, or the `) -> ...:` ending a signature) as black
    lays out a type hint too long for its line: a union in parentheses, on one line or one
    member a line; else a subscript split at its brackets; else left for the formatter."""
    one = prefix + annotation + suffix
    if (
        len(indent) + len(one) <= LINE_LENGTH
        or not one.isascii()
        or '"' in annotation
        or "'" in annotation
    ):
        return one
    inner = indent + "    "
    members = _union_members(annotation)
    if len(members) > 1:
        if len(inner) + len(annotation) <= LINE_LENGTH:
            middle = f"{inner}{annotation}\n"
        else:
            middle = f"{inner}{members[0]}\n" + "".join(f"{inner}| {m}\n" for m in members[1:])
        return f"{prefix}(\n{middle}{indent}){suffix}"
    if annotation.endswith("]") and "[" in annotation:
        bracket = annotation.index("[")
        if len(inner) + len(annotation) - bracket - 2 <= LINE_LENGTH:
            return (
                f"{prefix}{annotation[: bracket + 1]}\n{inner}{annotation[bracket + 1 : -1]}\n"
                f"{indent}]{suffix}"
            )
    return one


def _union_members(annotation: str) -> list[str]:
    """The top-level members of `A | B[C | D] | E` (a `|` inside brackets does not split)."""
    members: list[str] = []
    part = ""
    for piece in annotation.split(" | "):
        part = f"{part} | {piece}" if part else piece
        if part.count("[") == part.count("]"):
            members.append(part)
            part = ""
    return members


def signature(head: str, params: Sequence[str], returns: str, indent: str) -> str:
    """`def name(params) -> returns:`: on one line if it fits, else the parameters on a line
    of their own (a single one with a trailing comma), else one a line. A return annotation
    too long for the last line stays on one line, for the formatter."""
    body = ", ".join(params)
    one = f"{head}({body}) -> {returns}:"
    if len(indent) + len(one) <= LINE_LENGTH or not one.isascii():
        return one
    ending = indent + annotated(") -> ", returns, ":", indent)
    if len(params) > 1 and len(indent) + 4 + len(body) <= LINE_LENGTH:
        return f"{head}(\n{indent}    {body}\n{ending}"
    lines = "".join(f"{indent}    {param},\n" for param in params)
    return f"{head}(\n{lines}{ending}"


def doc(text: str, indent: int) -> str:
    """`text` as a docstring `indent` columns in, as black writes it (the `black_docstring`
    filter, which makes spec text inert)."""
    return black_docstring(text, indent)


def tuple_of(items: Sequence[object], indent: str) -> str:
    """A tuple of literals exploded one item a line (black's magic trailing comma keeps it
    so), but a 1-tuple stays `(x,)`, which black never explodes for its comma."""
    if len(items) < 2:
        return pyrepr(tuple(items))
    lines = "".join(f"{indent}    {pyrepr(item)},\n" for item in items)
    return f"(\n{lines}{indent})"
