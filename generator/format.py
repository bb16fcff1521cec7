"""Format generated Python so the output is exactly what black writes, without running black
over all of it.

Black costs about a second per four thousand lines, and a multi-megabyte spec renders hundreds of
thousands. So the built-in templates print black's layout themselves, for every line that fits
in 88 columns: black-spelled literals, exploded lists with magic trailing commas, black's blank
lines. What they cannot know is where a line grows too long with long names. Those units (the
method or top-level statement holding a code line wider than 88 columns) go to black, in one
batch per module; everything else is left as it is. The tests run black over every golden and
corpus output to hold the templates to that promise.

Templates that make no such promise (a user's template directory) use `full` mode: black
over every module, as before. Either way, every module must compile before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from .diagnostics import Diagnostic, error

LINE_LENGTH = 88
_MODE = Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH)
_BOUNDARY = "# clientgen: unit boundary"
_WRAPPER = "class _:"


def format_files(
    files: Mapping[str, str], *, full: bool = False
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Return `files` with every `.py` file in black's format; code black cannot parse or Python
    cannot compile is an error. `full` runs black over everything instead of the long units.
    """
    formatted: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for path, text in files.items():
        if not path.endswith(".py"):
            formatted[path] = text
            continue
        try:
            formatted[path] = (
                black.format_str(text, mode=_MODE) if full else format_module(text)
            )
        except InvalidInput as exc:
            problems.append(
                error(
                    "generated-code-invalid",
                    "",
                    f"{path}: the templates produced code black cannot parse: {exc}",
                )
            )
            formatted[path] = text
            continue
        try:
            # black accepts some code Python does not compile (a repeated argument name, too
            # many nested parentheses); a package that cannot be imported is never written.
            compile(formatted[path], path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            problems.append(
                error(
                    "generated-code-invalid",
                    "",
                    f"{path}: the generated code does not compile: {type(exc).__name__}: {exc}",
                    hint="please report this with the spec that caused it",
                )
            )
    return formatted, tuple(problems)


def format_module(text: str) -> str:
    """`text` as black formats it, given that every unit without a long code line already is."""
    lines = text.split("\n")
    long_lines = _long_code_lines(lines)
    if long_lines:
        lines = _wrap_annotations(lines, long_lines)
        long_lines = _long_code_lines(lines)
    if not long_lines:
        return "\n".join(lines)
    units = _units_holding(lines, long_lines)
    if units is None:
        return black.format_str("\n".join(lines), mode=_MODE)
    try:
        replacements = _format_units(lines, units)
    except InvalidInput:
        # A unit boundary guessed wrong (say, inside a string): black over the whole module.
        return black.format_str("\n".join(lines), mode=_MODE)
    out: list[str] = []
    position = 0
    for unit, replacement in zip(units, replacements):
        out.extend(lines[position : unit.start])
        out.extend(replacement)
        position = unit.end
    out.extend(lines[position:])
    return "\n".join(out)


_UNSPLITTABLE = re.compile(r' +(?:[A-Za-z_][A-Za-z0-9_.]*|"[^"\\]*"),|        *\| [A-Za-z_][A-Za-z0-9_.]*')
_ANNOTATED = re.compile(
    r"(?P<indent> +)(?P<name>[A-Za-z_][A-Za-z0-9_]*): (?P<annotation>[A-Za-z0-9_.\[\], |]+?)"
    r"(?P<tail>(?: = (?:UNSET|None|True|False|-?[0-9.]+))?,?)"
)


def wrap_annotation(line: str) -> list[str] | None:
    """Black's layout of a too-long `name: A | B = default` (a field, a parameter, an annotated
    local), or None when the line has another shape or needs more than this knows.

    When all but the default fits, black puts the default in parentheses on a line of its
    own; otherwise the annotation, and if that still does not fit, one `|` operand per line. Pinned to black by a property test.
    """
    match = _ANNOTATED.fullmatch(line)
    if match is None:
        return None
    indent, name, annotation, tail = match.group("indent", "name", "annotation", "tail")
    operands = _top_level_operands(annotation)
    if operands is None or len(operands) < 2:
        return None
    inner = indent + "    "
    default, comma = tail.rstrip(","), tail[len(tail.rstrip(",")) :]
    head = f"{indent}{name}: {annotation}{default[:3]}("
    if default and not comma and width(head) <= LINE_LENGTH:
        # A statement (not a parameter) keeps what fits and parenthesizes the default.
        return [head, inner + default[3:], f"{indent}){comma}"]
    if width(inner + annotation) <= LINE_LENGTH:
        body = [inner + annotation]
    else:
        body = [inner + operands[0]] + [
            f"{inner}| {operand}" for operand in operands[1:]
        ]
        if any(width(text) > LINE_LENGTH and "[" in text for text in body):
            return None  # black would split inside the brackets
    return [f"{indent}{name}: (", *body, f"{indent}){tail}"]


def _top_level_operands(annotation: str) -> list[str] | None:
    operands: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(annotation):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            if annotation[index - 1 : index + 2] != " | ":
                return None
            operands.append(annotation[start : index - 1])
            start = index + 2
    if depth:
        return None
    operands.append(annotation[start:])
    return operands if all(operands) else None


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


def _wrap_annotations(lines: list[str], long_lines: list[int]) -> list[str]:
    out: list[str] = []
    position = 0
    for index in long_lines:
        wrapped = wrap_annotation(lines[index])
        if wrapped is not None:
            out.extend(lines[position:index])
            out.extend(wrapped)
            position = index + 1
    out.extend(lines[position:])
    return out


def _long_code_lines(lines: list[str]) -> list[int]:
    """Indexes of lines wider than the limit that are code, not the inside of a docstring.

    Black leaves docstring text alone, except that it moves closing quotes off a line that
    is too long (the `docstring` filter already puts them on their own line). Triple quotes are tracked line by line: the
    templates and filters never put three quotes inside a string."""
    found = []
    in_string = False
    for index, line in enumerate(lines):
        quotes = line.count('"""')
        starts_inside = in_string
        if quotes % 2:
            in_string = not in_string
        if len(line) <= LINE_LENGTH or width(line) <= LINE_LENGTH:
            continue
        if starts_inside and not quotes:
            continue  # docstring text, which black leaves alone
        if _UNSPLITTABLE.fullmatch(line):
            continue  # one name or string in an exploded list: black cannot split it
        if not starts_inside and quotes == 1 and line.lstrip().startswith('"""'):
            continue  # the opening line of a docstring that goes on
        # The rest holds code, or closing quotes black would move to a line of their own.
        found.append(index)
    return found


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    """First line (a decorator, `def`, `class` or top-level statement)."""
    end: int
    """One past the last line, trailing blank lines excluded."""
    method: bool
    """A member of a class, indented four spaces: black sees it inside `class _:`."""


def _is_top_level_start(line: str) -> bool:
    return bool(line) and not line[0].isspace() and line[0] not in ")]}#"


def _inside_strings(lines: list[str]) -> list[bool]:
    """Per line: whether it starts inside a triple-quoted string (see `_long_code_lines`)."""
    inside = []
    state = False
    for line in lines:
        inside.append(state)
        if line.count('"""') % 2:
            state = not state
    return inside


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


def _units_holding(lines: list[str], long_lines: list[int]) -> list[_Unit] | None:
    """The smallest units that hold the long lines, in order and without overlap; None when a
    long line sits where units cannot be told apart (black then formats the whole module).
    """
    inside = _inside_strings(lines)
    units: list[_Unit] = []
    for index in long_lines:
        if units and units[-1].start <= index < units[-1].end:
            continue
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
        unit = _Unit(start=top, end=top_end, method=False)
        if lines[statement].startswith("class "):
            starts = _member_starts(lines, inside, statement, top_end)
            before = [start for start in starts if start <= index]
            if before:
                start = before[-1]
                later = [s for s in starts if s > start]
                end = _end_of_unit(lines, later[0] if later else top_end)
                unit = _Unit(start=start, end=end, method=True)
        while units and unit.start < units[-1].end:
            # A class whose head holds a long line swallows the members found before.
            previous = units.pop()
            unit = _Unit(
                start=min(previous.start, unit.start),
                end=max(previous.end, unit.end),
                method=False,
            )
            if not _is_top_level_start(lines[unit.start]):
                return None
        units.append(unit)
    return units


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


def _format_units(lines: list[str], units: list[_Unit]) -> list[list[str]]:
    """Black every unit in one call, each as a top-level statement between boundary comments;
    a member goes in as the body of a stand-in class, at its own indentation."""
    pieces = []
    for unit in units:
        body = "\n".join(lines[unit.start : unit.end])
        pieces.append(f"{_WRAPPER}\n{body}" if unit.method else body)
    source = f"\n\n{_BOUNDARY}\n\n".join(pieces) + "\n"
    result = black.format_str(source, mode=_MODE)
    chunks = result.split(f"\n{_BOUNDARY}\n")
    if len(chunks) != len(units):
        raise InvalidInput("unit boundaries moved")
    replacements = []
    for unit, chunk in zip(units, chunks):
        chunk_lines = chunk.strip("\n").split("\n")
        if unit.method:
            if chunk_lines[0] != _WRAPPER:
                raise InvalidInput("stand-in class changed")
            chunk_lines = chunk_lines[1:]
            while chunk_lines and not chunk_lines[0].strip():
                chunk_lines = chunk_lines[1:]
        replacements.append(chunk_lines)
    return replacements
