"""Black's layout of everything the built-in templates print, so that formatting has
nothing to change: a statement goes on one line if it fits in 88 columns, else it is split
where black splits it (the arguments on a line of their own if they fit there, else one a line
with a trailing comma). Text holding non-ASCII, whose width black counts otherwise, stays on
one line for the formatter to hand to black. Every `indent` is the text the first line starts
after.

- Nested calls: a node is a string (printed as it is) or a call `{"head": "name", "args":
  [node, ...]}`; `lay` prints one where it goes (the strategy views build such nodes).
- One-line statements: `lay_def`, `lay_method`, `lay_class`, `lay_assignment` (strategies,
  enums, `__init__`).
- The client's statements: `call`, `concat`, `annotated`, `signature`, `tuple_of`, `doc`.

These were recursive Jinja macros; as Python they are the same layout at a fraction of the
cost (a big spec prints a hundred thousand of them), and the templates only print. The format
stage (generator/format/) is the other half: black itself, for what is not laid out here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

from generator.render.filters import black_docstring
from generator.render.literals import pyrepr

LINE_LENGTH = 88

Node: TypeAlias = "str | Mapping[str, str | Sequence[Node]]"


def flat(node: Node) -> str:
    """The node on one line."""
    if isinstance(node, str):
        return node
    return f"{node['head']}({', '.join(flat(arg) for arg in _args(node))})"


def lay(node: Node, indent: str, lead: int, tail: int) -> str:
    """`node` on a line `indent` in, starting `lead` columns in, with `tail` columns after it."""
    one = flat(node)
    if isinstance(node, str) or lead + len(one) + tail <= LINE_LENGTH or not one.isascii():
        return one
    inner = indent + "    "
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


# -- one-line statements: def, class, assignment ------------------------------------------




def lay_def(head: str, param: str, returns: str) -> str:
    """`head(param) -> returns:` at the top level (`head` is `def name`, `returns` one
    subscript such as `st.SearchStrategy[Pet]`), laid out as black does: on one line if it
    fits, else the parameter on a line of its own with a trailing comma, and a return
    annotation too long for the last line split at its brackets (left long, for the formatter
    to hand to black, when its inside does not fit there either)."""
    one = f"{head}({param}) -> {returns}:"
    if len(one) <= LINE_LENGTH or not one.isascii():
        return one
    split = f"{head}(\n    {param},\n) -> "
    if len(returns) + 6 <= LINE_LENGTH:
        return f"{split}{returns}:"
    bracket = returns.index("[")
    if 4 + len(returns) - (bracket + 2) > LINE_LENGTH:
        return f"{split}{returns}:"  # its inside does not fit either: left to black
    return f"{split}{returns[: bracket + 1]}\n    {returns[bracket + 1 : -1]}\n]:"


def lay_method(head: str, params: str, returns: str, indent: str) -> str:
    """`head(params) -> returns:` at `indent` (a method; `params` fit on a line of their own,
    `returns` is a `|` union such as `Pet | None`), laid out as black does: on one line if it
    fits, else the parameters on a line of their own, and a return annotation too long for the
    last line in parentheses, one operand a line if it does not fit inside them either."""
    one = f"{head}({params}) -> {returns}:"
    if len(indent) + len(one) <= LINE_LENGTH:
        return one
    inner = indent + "    "
    split = f"{head}(\n{inner}{params}\n{indent}) -> "
    if len(indent) + len(f") -> {returns}:") <= LINE_LENGTH:
        return f"{split}{returns}:"
    if len(inner) + len(returns) <= LINE_LENGTH:
        return f"{split}(\n{inner}{returns}\n{indent}):"
    operands = f"\n{inner}| ".join(returns.split(" | "))
    return f"{split}(\n{inner}{operands}\n{indent}):"


def lay_class(name: str, bases: str) -> str:
    """`class name(bases):` at the top level, laid out as black does: the bases on a line of
    their own when the line does not fit."""
    one = f"class {name}({bases}):"
    if len(one) <= LINE_LENGTH:
        return one
    return f"class {name}(\n    {bases}\n):"


def lay_assignment(target: str, value: str, indent: str) -> str:
    """`target = value` at `indent`, laid out as black does: a value too long for the line in
    parentheses on a line of its own, where it fits there (`value` is one literal)."""
    one = f"{target} = {value}"
    length = len(indent) + len(one)
    if length > LINE_LENGTH and len(indent) + 4 + len(value) <= LINE_LENGTH and one.isascii():
        return f"{target} = (\n{indent}    {value}\n{indent})"
    return one


# -- the client's statements ---------------------------------------------------------------


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
