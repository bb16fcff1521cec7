"""Black's layout of the def, class and assignment lines the built-in templates print.

Each filter here prints one statement the way black would, so that formatting has nothing to
change: on one line if it fits in 88 columns, else split where black splits it. The text they
get is code already (names, and literals `pyrepr` printed); a line holding non-ASCII text, whose
width black counts otherwise, stays as it is for black. Continuation lines are indented by
`indent`, the indentation the template prints the first line at.
"""

from __future__ import annotations

LINE_LENGTH = 88


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
