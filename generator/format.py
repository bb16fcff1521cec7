"""Format generated Python so the output is exactly what black writes, without running black
over all of it.

Black costs about a second per four thousand lines, and a multi-megabyte spec renders hundreds of
thousands. So the built-in templates print black's layout themselves, for every line that fits
in 88 columns: black-spelled literals, exploded lists with magic trailing commas, black's blank
lines. What they cannot know is where a line grows too long with long names. The smallest
units holding such lines (`format_units` finds them: an exploded bracket's element, a
statement, a class member) go to black, in batches spread over worker processes; everything
else is left as it is. The tests run black over every golden and corpus output to hold the
templates to that promise.

Templates that make no such promise (a user's template directory) use `full` mode: black
over every module, as before. Either way, every module must compile before anything is written.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from . import background
from .diagnostics import Diagnostic, error
from .format_units import (
    LINE_LENGTH,
    Unit,
    inside_strings,
    long_code_lines,
    units_holding,
    width,
)

_BOUNDARY = "# clientgen: unit boundary"
_T = TypeVar("_T")

if TYPE_CHECKING:
    from black.mode import Mode


class _Unassembled(Exception):
    """Black moved a stand-in line or a unit boundary: the module goes to black whole."""


def _black_format(text: str, line_length: int = LINE_LENGTH) -> str:
    """Black's output for `text`. Black is imported here, on first use: a small spec often has
    no long line at all, and importing black is a tenth of a second of its run."""
    import black

    return black.format_str(text, mode=_mode(line_length))


@functools.cache
def _mode(line_length: int) -> Mode:
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion.PY310}, line_length=line_length)


def _rejections() -> tuple[type[Exception], ...]:
    """What black raises for code it cannot take, and what assembling raises (evaluated only
    when something was raised, so black is imported by then)."""
    from black.parsing import InvalidInput

    return (InvalidInput, _Unassembled)


def format_files(
    files: Mapping[str, str], *, full: bool = False
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Return `files` with every `.py` file in black's format; code black cannot parse or Python
    cannot compile is an error. `full` runs black over everything instead of the long units.
    """
    python = [path for path in files if path.endswith(".py")]
    formatted: dict[str, str] = {path: text for path, text in files.items() if path not in python}
    problems: list[Diagnostic] = []
    with _pool(sum(files[path].count("\n") for path in python)) as pool:
        if full:
            results = [_attempt(partial(_black_format, files[p])) for p in python]
        else:
            results = _format_selectively([files[path] for path in python], pool)
        for path, (text, failure) in zip(python, results):
            formatted[path] = files[path] if text is None else text
            if failure is not None:
                problems.append(
                    error(
                        "generated-code-invalid",
                        "",
                        f"{path}: the templates produced code black cannot parse: {failure}",
                    )
                )
        compiled = pool.map(_compile_problem, python, [formatted[p] for p in python])
        for path, problem in zip(python, compiled):
            if problem is not None:
                # black accepts some code Python does not compile (a repeated argument name, too
                # many nested parentheses); a package that cannot be imported is never written.
                problems.append(
                    error(
                        "generated-code-invalid",
                        "",
                        f"{path}: the generated code does not compile: {problem}",
                        hint="please report this with the spec that caused it",
                    )
                )
    return formatted, tuple(problems)


def _attempt(action: Callable[[], str]) -> tuple[str | None, Exception | None]:
    try:
        return action(), None
    except _rejections() as exc:
        return None, exc


def _compile_problem(path: str, text: str) -> str | None:
    try:
        compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


class _Serial:
    """The pool's map, run in this process."""

    def map(self, function: Callable[..., _T], *iterables: Iterable[Any]) -> list[_T]:
        return list(map(function, *iterables))

    def __enter__(self) -> _Serial:  # noqa: PYI034 - a private helper
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None


# Below this many lines, starting worker processes costs more than it saves.
_PARALLEL_LINES = 50_000


def _pool(lines: int) -> Any:
    workers = min(os.cpu_count() or 1, 4)
    if lines < _PARALLEL_LINES or workers < 2 or not background.can_fork():
        return _Serial()
    return _ProcessPool(workers)


class _ProcessPool:
    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        self.workers = workers

    def map(self, function: Callable[..., _T], *iterables: Iterable[Any]) -> list[_T]:
        return list(self._executor.map(function, *iterables))

    def __enter__(self) -> _ProcessPool:  # noqa: PYI034 - a private helper
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._executor.shutdown()


def _format_selectively(
    texts: list[str], pool: Any
) -> list[tuple[str | None, Exception | None]]:
    """Every module's long units, formatted in batches spread over the pool; a module whose
    units black cannot take apart goes through black whole."""
    plans: list[_Plan] = pool.map(_plan, texts)
    pieces = [
        (index, piece) for index, plan in enumerate(plans) if plan.units for piece in plan.pieces
    ]
    # One black call per line length and worker; results come back in the pieces' order.
    lengths = sorted({length for _, (length, _) in pieces})
    batches = [
        (length, batch)
        for length in lengths
        for batch in _balanced(
            [text for _, (each, text) in pieces if each == length], getattr(pool, "workers", 1)
        )
    ]
    formatted_batches = pool.map(_black_batch, batches)
    by_length: dict[int, list[list[str] | None]] = {}
    for (length, _), formatted in zip(batches, formatted_batches):
        by_length.setdefault(length, []).extend(formatted)
    taken = dict.fromkeys(by_length, 0)
    by_module: dict[int, list[list[str] | None]] = {}
    for index, (length, _) in pieces:
        by_module.setdefault(index, []).append(by_length[length][taken[length]])
        taken[length] += 1
    results: list[tuple[str | None, Exception | None]] = []
    for index, plan in enumerate(plans):
        replacements = by_module.get(index, [])
        if plan.units is None or any(r is None for r in replacements):
            whole = "\n".join(plan.lines)
            results.append(_attempt(partial(_black_format, whole)))
            continue
        try:
            results.append((plan.assemble([r for r in replacements if r is not None]), None))
        except _Unassembled:
            results.append(_attempt(partial(_black_format, "\n".join(plan.lines))))
    return results


def _balanced(pieces: list[str], count: int) -> list[list[str]]:
    """Consecutive runs of `pieces` of about equal size, one per worker (order kept)."""
    total = sum(len(piece) for piece in pieces)
    batches: list[list[str]] = [[]]
    size = 0
    for piece in pieces:
        if size > total / count * len(batches) and len(batches) < count:
            batches.append([])
        batches[-1].append(piece)
        size += len(piece)
    return [batch for batch in batches if batch]


def _black_batch(batch: tuple[int, list[str]]) -> list[list[str] | None]:
    """Black the pieces in one call between boundary comments, at the given line length; if
    black rejects the batch, each piece alone (None for one it rejects)."""
    length, pieces = batch
    try:
        return list(_split(_black_format(_join(pieces), length), len(pieces)))
    except _rejections():
        results: list[list[str] | None] = []
        for piece in pieces:
            try:
                results.append(next(iter(_split(_black_format(piece + "\n", length), 1))))
            except _rejections():
                results.append(None)
        return results


def format_module(text: str) -> str:
    """`text` as black formats it, given that every unit without a long code line already is."""
    ((result, failure),) = _format_selectively([text], _Serial())
    if failure is not None:
        raise failure
    assert result is not None
    return result


@dataclass(frozen=True, slots=True)
class _Plan:
    lines: list[str]
    units: list[Unit] | None
    """The units to black (empty: nothing to do; None: black the whole module)."""

    @property
    def pieces(self) -> list[tuple[int, str]]:
        """Each unit as black sees it, with the line length to give black."""
        assert self.units is not None
        return [
            (
                LINE_LENGTH - unit.shift,
                "\n".join(
                    (
                        *unit.wrapper,
                        *(line[unit.shift :] for line in self.lines[unit.start : unit.end]),
                        *unit.body,
                    )
                ),
            )
            for unit in self.units
        ]

    def assemble(self, replacements: list[list[str]]) -> str:
        assert self.units is not None
        out: list[str] = []
        position = 0
        for unit, replacement in zip(self.units, replacements):
            if unit.wrapper:
                if replacement[: len(unit.wrapper)] != list(unit.wrapper):
                    raise _Unassembled("stand-in block changed")
                replacement = replacement[len(unit.wrapper) :]
                while replacement and not replacement[0].strip():
                    replacement = replacement[1:]
            if unit.body:
                if replacement[-len(unit.body) :] != list(unit.body):
                    raise _Unassembled("stand-in body changed")
                replacement = replacement[: -len(unit.body)]
            if unit.shift:
                pad = " " * unit.shift
                replacement = [pad + line if line else line for line in replacement]
            out.extend(self.lines[position : unit.start])
            out.extend(replacement)
            position = unit.end
        out.extend(self.lines[position:])
        return "\n".join(out)


def _plan(text: str) -> _Plan:
    lines = text.split("\n")
    inside = inside_strings(lines)
    long_lines = long_code_lines(lines, inside)
    if long_lines:
        wrapped, written = _wrap_annotations(lines, long_lines)
        if written:
            lines = wrapped
            inside = inside_strings(lines)
            long_lines = [i for i in long_code_lines(lines, inside) if i not in written]
    if not long_lines:
        return _Plan(lines, [])
    return _Plan(lines, units_holding(lines, inside, long_lines))


def _join(pieces: list[str]) -> str:
    return f"\n\n{_BOUNDARY}\n\n".join(pieces) + "\n"


def _split(result: str, count: int) -> list[list[str]]:
    chunks = result.split(f"\n{_BOUNDARY}\n")
    if len(chunks) != count:
        raise _Unassembled("unit boundaries moved")
    return [chunk.strip("\n").split("\n") for chunk in chunks]


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
        body = [inner + operands[0]] + [f"{inner}| {operand}" for operand in operands[1:]]
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


def _wrap_annotations(lines: list[str], long_lines: list[int]) -> tuple[list[str], set[int]]:
    """`lines` with each long annotated name laid out as black does, and the indexes of the
    lines that layout wrote (final: black leaves them as they are)."""
    out: list[str] = []
    written: set[int] = set()
    position = 0
    for index in long_lines:
        wrapped = wrap_annotation(lines[index])
        if wrapped is not None:
            out.extend(lines[position:index])
            written.update(range(len(out), len(out) + len(wrapped)))
            out.extend(wrapped)
            position = index + 1
    out.extend(lines[position:])
    return out, written


