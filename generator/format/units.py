"""Where in a module black must look: the code lines too long to leave as they are, and the
smallest unit holding each that black formats the same alone as in place.

A unit is, from the smallest: the element of a bracket black explodes one element a line
(seen inside a stand-in call), the statement inside a function or class (seen dedented, with
the line length cut by its indentation, which is all black measures), the class member (seen
inside a stand-in class), or the top-level statement. Lines black has no way to split, in the
layout it gives the statement around them, are not long in this sense.
"""

from __future__ import annotations

import bisect
import keyword
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

LINE_LENGTH = 88
WRAPPER = "class _:"
"""The stand-in class a class member is formatted in."""


# Lines black has no way to split, whatever their length: one name or plain string (escapes
# but a quote's allowed: a testing kit's patterns) as an exploded bracket's element, or as a
# keyword argument's value (`name=name,`); a union's
# operand on a line of its own; the alias of an exploded import (`Name as Name,`); a dict
# entry of two plain strings (a lazy module's export table).
_UNSPLITTABLE = re.compile(
    r' +(?:[A-Za-z_][A-Za-z0-9_]*=)?(?:[A-Za-z_][A-Za-z0-9_.]*|"(?:[^"\\\n]|\\[^\n"\'])*"),'
    r"|        *\| [A-Za-z_][A-Za-z0-9_.]*"
    r'| +[A-Za-z_][A-Za-z0-9_]* as [A-Za-z_][A-Za-z0-9_]*,| +"[^"\\]*": "[^"\\]*",'
)
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# Lines black has no way to split, in the layout it gives the statement around them: a
# comprehension's `for` clause over a name; the head of a def or class whose parameters or
# bases it put on lines of their own, or of an assignment of an exploded display; one name
# alone in the brackets of a call or subscript; a lambda that only calls, exploded at its call's
# parenthesis (black splits a lambda nowhere else); an annotated name split at its subscript's
# bracket (a testing kit's `<operation>: OperationScript[`).
_SETTLED = re.compile(
    rf" *(?:for {_NAME} in {_NAME}(?:\.{_NAME})?|(?:async )?def {_NAME}\(|class {_NAME}\("
    rf"|{_NAME}(?:\.{_NAME})? = [(\[{{]|lambda: {_NAME}(?:\.{_NAME})*\("
    rf"|{_NAME}: {_NAME}(?:\.{_NAME})*\[)"
)
_LONE_NAME = re.compile(rf" +{_NAME}(?:\.{_NAME})?")
_CALL_OR_SUBSCRIPT_OPENS = re.compile(r".*[A-Za-z0-9_\])][(\[]")


def width(line: str) -> int:
    """The columns black counts: East Asian wide characters take two, combining ones none."""
    if line.isascii():
        return len(line)
    return sum(
        (
            2
            if unicodedata.east_asian_width(char) in ("W", "F")
            else 0 if unicodedata.combining(char) else 1
        )
        for char in line
    )


def long_code_lines(lines: list[str], inside: list[bool]) -> list[int]:
    """Indexes of lines wider than the limit that are code, not the inside of a docstring.

    Black leaves docstring text alone, except that it moves closing quotes off a line that
    is too long (the `docstring` filter already puts them on their own line)."""
    found = []
    for index, (line, starts_inside) in enumerate(zip(lines, inside)):
        quotes = line.count('"""')
        if len(line) <= LINE_LENGTH or width(line) <= LINE_LENGTH:
            continue
        if starts_inside and not quotes:
            continue  # docstring text, which black leaves alone
        if _UNSPLITTABLE.fullmatch(line) or _SETTLED.fullmatch(line):
            continue  # black has no way to split it (see the patterns)
        if _LONE_NAME.fullmatch(line) and (
            _CALL_OR_SUBSCRIPT_OPENS.fullmatch(lines[index - 1])
            or lines[index - 1].endswith(" = (")  # a value black put in parentheses
            or (index + 1 < len(lines) and lines[index + 1].lstrip().startswith("| "))
        ):
            continue  # a lone name in brackets, or the first of a union's operands a line
        if not starts_inside and _settled_call_head(lines, index, inside):
            continue  # the head of a call black cannot do better than leave as it is
        stripped = line.lstrip()
        if not starts_inside and stripped.startswith("#"):
            continue  # a comment on a line of its own, which black never splits or moves
        if not starts_inside and quotes == 1 and stripped.startswith('"""'):
            continue  # the opening line of a docstring that goes on
        if not starts_inside and quotes == 2 and stripped[:3] == stripped[-3:] == '"""':
            continue  # a one-line docstring: black never splits one
        # The rest holds code, or closing quotes black would move to a line of their own.
        found.append(index)
    return found


# `return f(`, `x = await f(` or `x.y = a.f(`: a statement that calls a dotted name, its
# arguments on the lines below and the closing parenthesis alone on the last.
_CALL_HEAD = re.compile(
    rf"(?P<indent> *)(?:return |{_NAME}(?:\.{_NAME})? = )"
    rf"(?P<value>(?:await )?{_NAME}(?:\.{_NAME})*)\("
)


def _settled_call_head(lines: list[str], index: int, inside: list[bool]) -> bool:
    """Whether line `index` opens a call black leaves as it is however long: the only other
    layout it weighs wraps the value in parentheses, `x = (` over `f(` one level deeper, and
    takes that only when every line fits, which `f(` (or `await f(`) there does not. The
    arguments below are laid out by black apart from the head (each a unit of its own when
    long)."""
    match = _CALL_HEAD.fullmatch(lines[index])
    if match is None:
        return False
    indent = len(match.group("indent"))
    if indent + 4 + width(match.group("value")) + 1 <= LINE_LENGTH:
        # `f(` would fit one level deeper: black may take the parentheses, which it does when
        # every line of that layout fits. With one argument that is a name, those lines are
        # known: `x = (`, then `f(name)` one level deeper if it fits, else `f(` over the name.
        return _parenthesized_does_not_fit(lines, index, indent, match)
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if inside[following] or not line.strip() or _indent(line) > indent:
            continue
        return line == " " * indent + ")"
    return False


def _parenthesized_does_not_fit(
    lines: list[str], index: int, indent: int, match: re.Match[str]
) -> bool:
    """Whether black's other layout of the call opening at line `index`, the value in
    parentheses of their own, has a line too long, when the call has one argument, a name
    (alone on the next line, the closing parenthesis below it), or its arguments one a line
    with a trailing comma (Graph's `_request = _build_<seventy letters>(`), which stay so in
    the parentheses too, four columns further in."""
    if index + 2 >= len(lines):
        return False
    if lines[index + 2] != " " * indent + ")":
        return _exploded_arguments_do_not_fit(lines, index, indent, match)
    argument = lines[index + 1]
    comma = argument.endswith(",")
    if comma:
        argument = argument[:-1]
    if not _LONE_NAME.fullmatch(argument) or _indent(argument) != indent + 4:
        return False
    opening = width(lines[index]) - width(match.group("value"))  # `x = f(` less `f`: `x = (`
    value = width(match.group("value"))
    name = width(argument) - indent - 4
    if opening > LINE_LENGTH:
        return True
    if not comma and indent + 4 + value + 1 + name + 1 <= LINE_LENGTH:
        return False  # `f(name)` fits in the parentheses
    return indent + 8 + name + comma > LINE_LENGTH


# The most arguments a call's lines are read for (every loop is bounded).
_MOST_ARGUMENTS = 1000


def _exploded_arguments_do_not_fit(
    lines: list[str], index: int, indent: int, match: re.Match[str]
) -> bool:
    """`_parenthesized_does_not_fit` for a call whose arguments are one a line, each on a line
    of its own ending in a comma: the parentheses move each four columns further in, where one
    black has no way to split (`name=name,`) may no longer fit."""
    argument_indent = " " * (indent + 4)
    closing = " " * indent + ")"
    widest = 0
    for line in lines[index + 1 : index + 1 + _MOST_ARGUMENTS]:
        if line == closing:
            opening = width(lines[index]) - width(match.group("value"))
            return opening > LINE_LENGTH or widest + 4 > LINE_LENGTH
        if not line.startswith(argument_indent) or line[len(argument_indent) :][:1] in ("", " "):
            return False
        if not line.endswith(",") or line[-2] in "([{":
            return False
        if _UNSPLITTABLE.fullmatch(line):
            widest = max(widest, width(line))
    return False


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    """First line (a decorator, `def`, `class` or top-level statement)."""
    end: int
    """One past the last line, trailing blank lines excluded."""
    wrapper: tuple[str, ...] = ()
    """Stand-in lines black sees before the unit: `class _:` for a class member, a call `_(`
    (and a display's opening bracket) for the element of an exploded bracket."""
    body: tuple[str, ...] = ()
    """Stand-in lines black sees after the unit: `pass` after a compound statement's header
    that stands alone, the closing brackets after an element."""
    shift: int = 0
    """Columns of indentation taken off before black sees the unit (and put back after). Black
    measures a line with its indentation, so it lays out a statement at depth 0 and a limit
    `shift` columns shorter exactly as at its real depth, without stand-in blocks to parse."""


def _is_top_level_start(line: str) -> bool:
    return bool(line) and not line[0].isspace() and line[0] not in ")]}#"


def inside_strings(lines: list[str]) -> list[bool]:
    """Per line: whether it starts inside a triple-quoted string. Only a line holding three
    quotes in a row can open or close one; those lines are scanned literal by literal, since a
    string the spec supplied may hold three quotes without opening anything."""
    inside = []
    closing = ""
    for line in lines:
        inside.append(bool(closing))
        if '"""' in line or "'''" in line:
            closing = _closing_after(line, closing)
    return inside


_LITERALS = re.compile(r'"""' + r"|'''" + r'|"(?:[^"\\]|\\.)*"' + r"|'(?:[^'\\]|\\.)*'|#")


def _closing_after(line: str, closing: str) -> str:
    """The triple quote that closes the string open at the end of `line` ("" when none is),
    given the one open at its start."""
    position = 0
    while True:
        if closing:
            end = _unescaped(line, closing, position)
            if end < 0:
                return closing
            position = end + 3
            closing = ""
        match = _LITERALS.search(line, position)
        if match is None or match.group() == "#":
            return ""
        if match.group() in ('"""', "'''"):
            closing = match.group()
        position = match.end()


def _unescaped(line: str, quote: str, start: int) -> int:
    """Where the first `quote` not escaped by a backslash begins in `line`, or -1."""
    position = line.find(quote, start)
    while position >= 0:
        before = line[:position]
        if (len(before) - len(before.rstrip("\\"))) % 2 == 0:
            return position
        position = line.find(quote, position + 1)
    return -1


def _member_starts(lines: list[str], inside: list[bool], top: int, end: int) -> list[int]:
    """The lines that begin a statement of the class body from `top` to `end`: a field with
    its docstring, a decorated or plain method, the `_FIELDS` table. Black formats each one
    alone the same as in its class."""
    starts = []
    for index in range(top + 1, end):
        line = lines[index]
        if inside[index] or not line.startswith("    ") or len(line) < 5:
            continue
        if line[4] in ' )]}#"':
            continue
        if lines[index - 1].startswith("    @"):
            continue  # the def of a decorator above
        starts.append(index)
    return starts


def units_holding(
    lines: list[str], inside: list[bool], long_lines: list[int]
) -> list[Unit] | None:
    """The smallest units that hold the long lines, in order and without overlap; None when a
    long line sits where units cannot be told apart (black then formats the whole module).
    """
    units: list[Unit] = []
    statements: dict[int, dict[int, _Statement] | None] = {}
    elements: dict[int, dict[int, Unit]] = {}
    members: dict[int, list[int]] = {}
    top, statement, top_end = -1, -1, -1
    for index in long_lines:
        if units and units[-1].start <= index < units[-1].end:
            continue
        if not top <= index < top_end:  # not in the top-level statement of the line before
            top = index
            while top > 0 and not _is_top_level_start(lines[top]):
                top -= 1
            if not _is_top_level_start(lines[top]):
                return None
            while top > 0 and lines[top - 1].startswith("@"):
                top -= 1
            statement = top
            while lines[statement].startswith("@"):
                statement += 1
            top_end = _end_of(lines, statement + 1, _is_top_level_start)
        unit = Unit(start=top, end=top_end)
        if lines[statement].startswith("class "):
            if statement not in members:
                members[statement] = _member_starts(lines, inside, statement, top_end)
            starts = members[statement]
            position = bisect.bisect_right(starts, index)
            if position:
                start = starts[position - 1]
                end = _end_of_unit(lines, starts[position] if position < len(starts) else top_end)
                unit = Unit(start=start, end=end, wrapper=(WRAPPER,))
        if _is_function_or_class(lines, unit) or _is_top_level_display(lines, unit):
            if unit.start not in statements:
                last = long_lines[bisect.bisect_left(long_lines, unit.end) - 1]
                statements[unit.start] = _statements(lines, unit.start, unit.end, last)
            unit = _statement_unit(lines, statements[unit.start], index, elements) or unit
        while units and unit.start < units[-1].end:
            previous = units.pop()
            if unit.start <= previous.start and previous.end <= unit.end:
                continue  # a statement holding an element found before
            # A class whose head holds a long line swallows the members found before.
            unit = Unit(
                start=min(previous.start, unit.start),
                end=max(previous.end, unit.end),
            )
            if not _is_top_level_start(lines[unit.start]):
                return None
        units.append(unit)
    return units


@dataclass(frozen=True, slots=True)
class _Statement:
    """A logical line: black formats one inside a function the same wherever it stands,
    given only its indentation."""

    start: int
    end: int
    indent: int
    first: str
    """Its first token (a string literal stands as `"`)."""
    header: bool
    """It ends in a colon: the head of a compound statement."""
    tokens: tuple[_Token, ...]
    """Its tokens, comments left out."""


class _Token(NamedTuple):
    text: str
    """An operator's text; empty for any other token."""
    row: int
    end_row: int
    name: bool
    """A name that is not a keyword (what precedes the parenthesis of a call)."""


# Heads that cannot stand alone in a stand-in block, and docstrings, which black treats as
# such only in their own function.
_NOT_ALONE = frozenset({"elif", "else", "except", "finally", "try", "match", "case", "@", '"'})
# Python's tokens, as far as telling statements and brackets apart needs: the standard
# `tokenize` spent most of a big module's planning producing what this pattern matches in C.
_TOKEN = re.compile(
    r"(?P<space>[ \t\f]+|\\\n)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<string>[rRbBuUfF]{0,2}(?:'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*")'
    r")"
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<number>\.?[0-9](?:\w|\.|(?<=[eE])[-+])*)"
    r"|(?P<newline>\n)"
    r"|(?P<op>\*\*=|//=|>>=|<<=|\.\.\.|->|:=|[-+*/%&|^@=<>!]=|\*\*|//|<<|>>"
    r"|[-+*/%&|^~@<>()\[\]{},:;.=])",
    re.DOTALL,
)
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")


def _is_function_or_class(lines: list[str], unit: Unit) -> bool:
    head = unit.start
    while head < unit.end and lines[head].lstrip().startswith("@"):
        head += 1
    statement = lines[head].lstrip() if head < unit.end else ""
    return statement.startswith(("def ", "async def ", "class "))


# A top-level assignment of an exploded display (a table of a module's names, of a testing
# kit's operations): black formats each element alone, as in any other display.
_TOP_LEVEL_DISPLAY = re.compile(rf"{_NAME}(?:: .*)? = [(\[{{]$")


def _is_top_level_display(lines: list[str], unit: Unit) -> bool:
    return unit.wrapper == () and _TOP_LEVEL_DISPLAY.fullmatch(lines[unit.start]) is not None


def _statements(
    lines: list[str], start: int, end: int, until: int | None = None
) -> dict[int, _Statement] | None:
    """Each line of a function or class from `start` to `end` mapped to the logical line it
    is part of; None when it does not tokenize (black then takes the unit whole). With
    `until`, the lines after the statement holding line `until` are left out (not read: a
    method's long line is mostly in its signature, above its docstring and body)."""
    text = "\n".join(lines[start:end]) + "\n"
    found: dict[int, _Statement] = {}
    tokens: list[_Token] = []
    first = last = ""
    depth = 0
    row = start
    position = 0
    match_at = _TOKEN.match
    while position < len(text):
        match = match_at(text, position)
        if match is None:
            return None
        position = match.end()
        kind = match.lastgroup
        if kind == "space" or kind == "comment":
            if match.group().endswith("\n"):
                row += 1  # a backslash continuation
            continue
        if kind == "newline":
            if depth == 0 and tokens:
                top = tokens[0].row
                statement = _Statement(
                    start=top,
                    end=row + 1,
                    indent=_indent(lines[top]),
                    first=first,
                    header=last == ":",
                    tokens=tuple(tokens),
                )
                for each in range(top, row + 1):
                    found[each] = statement
                tokens = []
                if until is not None and row >= until:
                    return found
            row += 1
            continue
        value = match.group()
        is_op = kind == "op"
        if is_op:
            if value in _OPENING:
                depth += 1
            elif value in _CLOSING:
                depth -= 1
                if depth < 0:
                    return None
        if not tokens:
            first = value if is_op or kind == "name" else '"'
        last = value if is_op else ""
        end_row = row + value.count("\n") if kind == "string" else row
        tokens.append(
            _Token(value if is_op else "", row, end_row, kind == "name" and not keyword.iskeyword(value))
        )
        row = end_row
    if depth or tokens:
        return None
    return found


def _statement_unit(
    lines: list[str],
    statements: dict[int, _Statement] | None,
    index: int,
    elements: dict[int, dict[int, Unit]],
) -> Unit | None:
    """The smallest part black formats alone that holds line `index`: an element of a list
    exploded one element a line, or else the statement, inside stand-in blocks and brackets
    that give it its indentation (with a stand-in body after a compound statement's head)."""
    statement = (statements or {}).get(index)
    if statement is None or statement.first in _NOT_ALONE or statement.indent % 4:
        return None
    if statement.start not in elements:
        elements[statement.start] = _element_units(lines, statement)
    element = elements[statement.start].get(index)
    if element is not None:
        return element
    return _shifted(
        lines,
        Unit(
            start=statement.start,
            end=statement.end,
            body=("    pass",) if statement.header else (),
            shift=statement.indent,
        ),
    )


def _shifted(lines: list[str], unit: Unit) -> Unit | None:
    """`unit`, unless a line of it (inside a string) is indented less than it is shifted."""
    pad = " " * unit.shift
    if all(line.startswith(pad) or not line for line in lines[unit.start : unit.end]):
        return unit
    return None


def _element_units(lines: list[str], statement: _Statement) -> dict[int, Unit]:
    """Each line of `statement` that sits in an element of a bracket black explodes one
    element a line whatever the elements' lengths (a magic trailing comma: every element on
    lines of its own, ending in a comma), mapped to the innermost such element. Black formats
    each element alone, so it sees one inside a stand-in call (or a display in one) at the
    same indentation."""
    tokens = statement.tokens
    found: dict[int, Unit] = {}
    # A def's parameters are seen in a stand-in def; a class's bases are no call's arguments.
    head = 3 if statement.first == "async" else 2
    is_def = lines[statement.start].lstrip().startswith(("def ", "async def "))
    # Outer brackets open first, so an inner element overrides the outer one holding it.
    for opener, closer in sorted(_matching_closers(tokens).items()):
        parameters = is_def and opener == head
        if opener == head and statement.first in ("def", "async", "class") and not parameters:
            continue
        if tokens[opener + 1].row == tokens[opener].row:
            continue
        if tokens[closer - 1].end_row == tokens[closer].row:
            continue
        outer_indent = _indent(lines[tokens[opener].row])
        for first, comma in _elements(tokens, opener, closer):
            start, end = tokens[first].row, tokens[comma].end_row + 1
            if _indent(lines[start]) != outer_indent + 4:
                break
            unit = _bracketed_unit(tokens, opener, start, end, outer_indent + 4, parameters)
            if unit is not None:
                unit = _shifted(lines, unit)
            if unit is None:
                break
            for row in range(start, end):
                found[row] = unit
    return found


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _matching_closers(tokens: tuple[_Token, ...]) -> dict[int, int]:
    closers: dict[int, int] = {}
    stack: list[int] = []
    for position, token in enumerate(tokens):
        if token.text in ("(", "[", "{"):
            stack.append(position)
        elif token.text in (")", "]", "}") and stack:
            closers[stack.pop()] = position
    return closers


def _elements(tokens: tuple[_Token, ...], opener: int, closer: int) -> list[tuple[int, int]]:
    """First token and closing comma of each element of the bracket at `opener`; none unless
    every element starts a line of its own and ends in a comma that ends its line."""
    elements = []
    depth = 0
    first = opener + 1
    for position in range(opener + 1, closer):
        text = tokens[position].text
        if text in ("(", "[", "{"):
            depth += 1
        elif text in (")", "]", "}"):
            depth -= 1
        elif text == "," and depth == 0:
            if tokens[first].row <= tokens[first - 1].end_row:
                return []
            if tokens[position + 1].row <= tokens[position].end_row:
                return []
            elements.append((first, position))
            first = position + 1
    return elements if first == closer else []


def _bracketed_unit(
    tokens: tuple[_Token, ...],
    opener: int,
    start: int,
    end: int,
    indent: int,
    parameters: bool = False,
) -> Unit | None:
    """A unit for the element from line `start` to `end`, indented `indent`, seen by black
    inside a stand-in call `_(`, or a display in such a call, like the original bracket; a
    def's parameter inside a stand-in def. Black splits a def's exploded parameters apart and
    then lays out each line alone: one parameter's layout is the same in any def (what made
    the units of a big client's methods their whole signatures, each shape distinct)."""
    if parameters:
        if indent % 4 or indent < 4:
            return None
        return Unit(
            start=start, end=end, wrapper=("def _(",), body=("):", "    pass"), shift=indent - 4
        )
    text = tokens[opener].text
    before = tokens[opener - 1] if opener else None
    call = text == "(" and before is not None and (before.name or before.text in (")", "]"))
    display = text in ("{", "[") and not (
        before is not None and (before.name or before.text in (")", "]"))
    )
    if indent == 4 and before is not None and before.text == "=" and text in _OPENING:
        # The display a top-level name is assigned (`_is_top_level_display`), seen as one.
        closer = {"(": ")", "{": "}", "[": "]"}[text]
        return Unit(start=start, end=end, wrapper=(f"_ = {text}",), body=(closer,))
    if indent % 4 or not (call or display) or indent < (4 if call else 8):
        return None
    if call:
        return Unit(start=start, end=end, wrapper=("_(",), body=(")",), shift=indent - 4)
    closer = {"{": "}", "[": "]"}[text]
    return Unit(
        start=start,
        end=end,
        wrapper=("_(", "    " + text),
        body=("    " + closer, ")"),
        shift=indent - 8,
    )


def _end_of_unit(lines: list[str], index: int) -> int:
    while index > 0 and not lines[index - 1].strip():
        index -= 1
    return index


def _end_of(lines: list[str], index: int, starts_next: Callable[[str], bool]) -> int:
    while index < len(lines) and not starts_next(lines[index]):
        index += 1
    while index > 0 and not lines[index - 1].strip():
        index -= 1
    return index
