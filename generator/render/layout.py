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

import re
from collections.abc import Mapping, Sequence
from typing import TypeAlias

from generator.render.filters import black_docstring
from generator.render.literals import pyrepr
from generator.render.qualified import spelled_hint

LINE_LENGTH = 88

Node: TypeAlias = "str | Mapping[str, Node | Sequence[Node]]"
_Call: TypeAlias = "Mapping[str, Node | Sequence[Node]]"


def flat(node: Node) -> str:
    """The node on one line."""
    if isinstance(node, str):
        return node
    return (
        f"{_callee(node)}{node['head']}({', '.join(flat(arg) for arg in _args(node))})"
    )


def _callee(node: _Call) -> str:
    """The call a method call's `head` (`.map`) is made on, on one line; "" for a plain call."""
    on = node.get("on")
    return "" if on is None else flat(_node(on))


def _node(value: Node | Sequence[Node]) -> Node:
    assert isinstance(value, (str, Mapping))
    return value


def lay(node: Node, indent: str, lead: int, tail: int) -> str:
    """`node` on a line `indent` in, starting `lead` columns in, with `tail` columns after it."""
    one = flat(node)
    if (
        isinstance(node, str)
        or lead + len(one) + tail <= LINE_LENGTH
        or not one.isascii()
    ):
        return one
    head = _callee(node) + str(node["head"])
    if lead + len(head) + 1 > LINE_LENGTH and "on" in node:
        return _lay_method_call(node, indent, lead, tail)
    if lead + len(head) + 1 > LINE_LENGTH and "(" in head:
        return one  # black would split at an earlier call of the head instead
    return f"{head}({_arguments(node, indent)})"


def _arguments(node: _Call, indent: str) -> str:
    """A call's arguments split from its brackets: on a line of their own if they fit there,
    else the one argument laid out in turn, else one a line with a trailing comma."""
    inner = indent + "    "
    args = _args(node)
    body = ", ".join(flat(arg) for arg in args)
    if len(inner) + len(body) <= LINE_LENGTH:
        return f"\n{inner}{body}\n{indent}"
    if len(args) == 1:
        return f"\n{inner}{lay(args[0], inner, len(inner), 0)}\n{indent}"
    lines = "".join(f"{inner}{lay(arg, inner, len(inner), 1)},\n" for arg in args)
    return f"\n{lines}{indent}"


def _lay_method_call(node: _Call, indent: str, lead: int, tail: int) -> str:
    """`f(x).m(args)` whose `f(x).m(` does not fit its line, as black splits it: at `f(`, with
    `).m(args)` after its closing bracket when that fits there, else split at `m(` as well
    (black tries the brackets from the last, leaving out trailers that fit)."""
    one = flat(node)
    on = _node(node["on"])
    if (
        isinstance(on, str)
        or lead + len(str(on["head"])) + 1 > LINE_LENGTH
        or "on" in on
    ):
        return one  # a chain this does not know: left for the formatter
    callee = lay(on, indent, LINE_LENGTH, 0)  # split: it cannot stay on the first line
    rest = f"{node['head']}({', '.join(flat(arg) for arg in _args(node))})"
    if len(indent) + 1 + len(rest) + tail <= LINE_LENGTH:
        return callee + rest
    return f"{callee}{node['head']}({_arguments(node, indent)})"


def lay_entry(node: Node, indent: str, before: str = "", after: str = ",") -> str:
    """`before`, `node` and `after` as one entry of a line `indent` in (the template prints the
    indent): `lay` with the lead and tail they take, such as `name=` and `,` of an argument.
    """
    return before + lay(node, indent, len(indent) + len(before), len(after)) + after


def _args(node: _Call) -> Sequence[Node]:
    args = node["args"]
    assert isinstance(args, Sequence) and not isinstance(args, str)
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
    last line in parentheses, one operand a line if it does not fit inside them either.
    """
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
    if (
        length > LINE_LENGTH
        and len(indent) + 4 + len(value) <= LINE_LENGTH
        and one.isascii()
    ):
        return f"{target} = (\n{indent}    {value}\n{indent})"
    return one


def lay_alias(target: str, value: str, indent: str) -> str:
    """`target = value` at `indent` for a dotted name `value`, laid out as black does: when
    the line is too long, the value goes in parentheses on a line of its own, however long that
    line still is (a dotted name is more than one token, so black always tries the split).
    """
    one = f"{target} = {value}"
    if len(indent) + len(one) <= LINE_LENGTH:
        return one
    return f"{target} = (\n{indent}    {value}\n{indent})"


def lay_value(target: str, value: str, indent: str) -> str:
    """`target = value` at `indent` for an encoder's or decoder's expression (`codecs`): a
    conditional `None if x is None else f(x)`, a comprehension in brackets, or a call, laid out
    as black does where that is known: a conditional in parentheses of its own, on one line or
    split before `if` and `else`; a comprehension inside its brackets, on one line or split
    before `for` (a conditional element then in parentheses, split). A call, and a line that
    would still be too long (a very long name), stay as they are, for the formatter to hand to
    black."""
    one = f"{target} = {value}"
    if len(indent) + len(one) <= LINE_LENGTH or not one.isascii():
        return one
    inner = indent + "    "
    if value.startswith("None if "):
        lines = [value]
        if len(inner) + len(value) > LINE_LENGTH:
            lines = _conditional_lines(value)
        laid = (
            f"{target} = (\n"
            + "".join(f"{inner}{line}\n" for line in lines)
            + f"{indent})"
        )
    elif value[:1] in "[{" and _COMPREHENSION.search(value):
        body = value[1:-1]
        lines = [body]
        if len(inner) + len(body) > LINE_LENGTH:
            element, clause = body.rsplit(" for ", 1)
            lines = [element, f"for {clause}"]
            if len(inner) + len(element) > LINE_LENGTH and element.startswith("None if "):
                # A conditional too long for its line goes in parentheses of its own.
                split = [f"    {line}" for line in _conditional_lines(element)]
                lines = ["(", *split, ")", f"for {clause}"]
        laid = f"{target} = {value[0]}\n" + "".join(
            f"{inner}{line}\n" for line in lines
        )
        laid += f"{indent}{value[-1]}"
    else:
        return one
    first, *rest = laid.split("\n")
    if len(indent) + len(first) > LINE_LENGTH or any(
        len(line) > LINE_LENGTH for line in rest
    ):
        return one
    return laid


# The end of a comprehension the codecs print: `for _i0 in _v]` (or `.items()}` for a dict).
_COMPREHENSION = re.compile(
    r" for _[a-z]\d+(?:, _v\d+)? in [A-Za-z_][A-Za-z0-9_.]*(?:\(\))?[\]}]$"
)


def _conditional_lines(value: str) -> list[str]:
    """`None if x is None else f(x)` split before `if` and `else`, as black splits one that
    does not fit on a line."""
    condition, _, otherwise = value[len("None ") :].partition(" else ")
    return ["None", condition, f"else {otherwise}"]


# -- the client's statements ---------------------------------------------------------------


__all__ = [
    "LINE_LENGTH",
    "Node",
    "annotated",
    "call",
    "concat",
    "doc",
    "signature",
    "tuple_of",
]


def call(head: str, args: Sequence[str], indent: str, tail: str = "") -> str:
    """`head(args)tail` on a line `indent` in."""
    body = ", ".join(args)
    one = f"{head}({body}){tail}"
    if len(indent) + len(one) <= LINE_LENGTH or not one.isascii():
        return one
    if len(indent) + 4 + len(body) <= LINE_LENGTH:
        split = f"{head}(\n{indent}    {body}\n{indent}){tail}"
    else:
        lines = "".join(f"{indent}    {arg},\n" for arg in args)
        split = f"{head}(\n{lines}{indent}){tail}"
    assigned = _ASSIGNED_CALL.fullmatch(head)
    if tail or assigned is None or len(indent) + len(head) + 1 <= LINE_LENGTH:
        return split
    # `x = f(` itself too long: black's other layout puts the value in parentheses of its own
    # (the call laid out one level deeper) and takes it when every line of it fits.
    inner = indent + "    "
    value = call(assigned.group("value"), args, inner)
    opening = f"{assigned.group('target')}("
    first, *rest = value.split("\n")  # the lines after the first are indented already
    if all(
        len(line) <= LINE_LENGTH for line in (indent + opening, inner + first, *rest)
    ):
        return f"{opening}\n{inner}{value}\n{indent})"
    return split


# `return f`, `x = f` or `x.y = await f`: a call's head whose value black may parenthesize.
_ASSIGNED_CALL = re.compile(
    r"(?P<target>return |[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)? = )"
    r"(?P<value>(?:await )?[A-Za-z_][A-Za-z0-9_.]*)"
)


def concat(target: str, parts: Sequence[Node], indent: str) -> str:
    """`target = part + part ...`: on one line if it fits, else in parentheses, on a line of
    their own or one part a line, a part that is a call and still too long split as `lay`
    splits it (black splits each line of the sum apart). With a single `+` before a call black
    may split the call instead, so that stays on one line for the formatter."""
    body = " + ".join(flat(part) for part in parts)
    one = f"{target} = {body}"
    if (
        len(indent) + len(one) <= LINE_LENGTH
        or not one.isascii()
        or len(parts) < 2
        or (len(parts) == 2 and flat(parts[1]).endswith(")"))
    ):
        return one
    inner = indent + "    "
    if len(inner) + len(body) <= LINE_LENGTH:
        return f"{target} = (\n{inner}{body}\n{indent})"
    first = lay(parts[0], inner, len(inner), 0)
    rest = "".join(
        f"{inner}+ {lay(part, inner, len(inner) + 2, 0)}\n" for part in parts[1:]
    )
    return f"{target} = (\n{inner}{first}\n{rest}{indent})"


def annotated(
    prefix: str, annotation: str, suffix: str, indent: str, assignment: bool = False
) -> str:
    """`prefix annotation suffix` (a parameter, a field, or the `) -> ...:` ending a signature)
    as black lays out a type hint too long for its line: a union in parentheses, on one line
    or one member a line; else a subscript split at its brackets. A member or subscript still
    too long is split the same way one level deeper (`_type_lines`). `assignment`: a field
    whose `suffix` assigns a value, which black may put in parentheses instead (left to the
    formatter)."""
    annotation = spelled_hint(annotation)
    one = prefix + annotation + suffix
    if (
        len(indent) + len(one) <= LINE_LENGTH
        or not one.isascii()
        or '"' in annotation
        or "'" in annotation
        or (
            assignment
            and len(indent) + len(prefix) + len(annotation) + 4 <= LINE_LENGTH
        )
    ):
        return one
    inner = indent + "    "
    union = len(_union_members(annotation)) > 1
    opening = len(prefix) + 1 if union else len(prefix) + annotation.find("[") + 1
    if len(indent) + opening > LINE_LENGTH and (
        union or suffix or not prefix.endswith(": ")
    ):
        # Even `name: (` or `name: list[` is too long: black weighs other layouts.
        return one
    if (
        len(indent) + opening > LINE_LENGTH
        and len(indent) + len(prefix) + 1 <= LINE_LENGTH
        and len(inner) + len(annotation) <= LINE_LENGTH
    ):
        # A field with no value whose `name: Script[` is too long but `name: (` is not (a
        # testing kit's script): black puts the whole hint in parentheses on a line of its own.
        return f"{prefix}(\n{inner}{annotation}\n{indent}){suffix}"
    try:
        if union:
            middle = "".join(line + "\n" for line in _type_lines(annotation, inner))
            return f"{prefix}(\n{middle}{indent}){suffix}"
        if annotation.endswith("]") and "[" in annotation:
            bracket = annotation.index("[")
            content = annotation[bracket + 1 : -1]
            middle = "".join(line + "\n" for line in _type_lines(content, inner))
            return f"{prefix}{annotation[: bracket + 1]}\n{middle}{indent}]{suffix}"
    except _CommaSplit:
        pass
    return one


class _CommaSplit(Exception):
    """A subscript with several arguments (`dict[str, X]`) too long for its line: black puts
    them one a line with a trailing comma, which is left for the formatter."""


def _type_lines(content: str, indent: str) -> list[str]:
    """The lines of `content` inside brackets at `indent`, as black splits it: on one line if it
    fits, else one union member a line (the first bare, the others after `| `), each member
    still too long split at its own brackets."""
    if len(indent) + len(content) <= LINE_LENGTH:
        return [indent + content]
    if _has_top_level_comma(content):
        raise _CommaSplit(content)
    members = _union_members(content)
    lines: list[str] = []
    for number, member in enumerate(members):
        lines += _operand_lines("| " + member if number else member, indent)
    return lines


def _operand_lines(operand: str, indent: str) -> list[str]:
    """One operand (`list[...]`, `| dict[...]`) at `indent`: on one line if it fits or has no
    brackets to split at, else split at its outermost subscript."""
    if (
        len(indent) + len(operand) <= LINE_LENGTH
        or not operand.endswith("]")
        or "[" not in operand
    ):
        return [indent + operand]
    bracket = operand.index("[")
    return [
        indent + operand[: bracket + 1],
        *_type_lines(operand[bracket + 1 : -1], indent + "    "),
        indent + "]",
    ]


def _has_top_level_comma(content: str) -> bool:
    depth = 0
    for char in content:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            return True
    return False


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
    params = [spelled_hint(param) for param in params]
    returns = spelled_hint(returns)
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
