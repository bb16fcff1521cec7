"""Format generated Python so the output is exactly what black writes, without running black
over all of it.

Black costs about a second per four thousand lines, and a multi-megabyte spec renders hundreds of
thousands. So the built-in templates print black's layout themselves, for every line that fits
in 88 columns: black-spelled literals, exploded lists with magic trailing commas, black's blank
lines. What they cannot know is where a line grows too long with long names. The smallest
units holding such lines (`format_units` finds them: an exploded bracket's element, a
statement, a class member) go to black, in batches shared out among forked children; everything
else is left as it is. The tests run black over every golden and corpus output to hold the
templates to that promise.

Templates that make no such promise (a user's template directory) use `full` mode: black
over every module, as before. Either way, nothing is written unless every module parses and
binds its names (the built-in templates' output; see `_compile_problems`) or compiles (a
user's).
"""

from __future__ import annotations

import functools
import keyword
import os
import re
import symtable
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator import forked_call as background
from generator.diagnostics import Diagnostic, error
from generator.format.units import (
    LINE_LENGTH,
    Unit,
    inside_strings,
    long_code_lines,
    units_holding,
    width,
)

_BOUNDARY = "# clientgen: unit boundary"
_T = TypeVar("_T")
_R = TypeVar("_R")

if TYPE_CHECKING:
    from black.mode import Mode


class _Unassembled(Exception):
    """Black moved a stand-in line or a unit boundary: the module goes to black whole."""


def _black_format(text: str, line_length: int = LINE_LENGTH) -> str:
    """Black's output for `text`. Black is imported here, on first use: a small spec often has
    no long line at all, and importing black is a tenth of a second of its run."""
    import black

    return black.format_str(text, mode=_mode(line_length))


def preload_black() -> None:
    """What a black worker does first (see `format_files`)."""
    import black  # noqa: F401 - imported for its cost, ahead of use

    _mode(LINE_LENGTH)


def _black_once(text: str, line_length: int) -> str:
    """Black's first pass alone (its `format_str` makes a second when the first changed
    anything; see `_black_batch`)."""
    import black

    once = getattr(black, "_format_str_once", None)
    if once is None:  # a black without it: both passes
        return _black_format(text, line_length)
    result: str = once(text, mode=_mode(line_length))
    return result


_MAGIC_COMMA = re.compile(r",\n *[)\]}]")


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
    files: Mapping[str, str],
    *,
    full: bool = False,
    black_worker: background.Worker | None = None,
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Return `files` with every `.py` file in black's format; code black cannot parse or Python
    cannot compile is an error. `full` runs black over everything instead of the long units.
    `black_worker`, when given, is a process that began importing black when the run began
    (`preload_black`): the long units of a small spec go there instead of this process paying
    for the import.
    """
    # A shipped runtime module copied as it is needs neither: its tests hold it to black's
    # layout and to compiling (tests/unit/runtime/). A user's replacement is checked as usual.
    shipped = _shipped_runtime()
    python = [path for path in files if path.endswith(".py") and files[path] not in shipped]
    formatted: dict[str, str] = {path: text for path, text in files.items() if path not in python}
    problems: list[Diagnostic] = []
    processes = _processes(sum(files[path].count("\n") for path in python))
    if full:
        results = [_attempt(partial(_black_format, files[p])) for p in python]
    else:
        results = _format_selectively(
            [files[path] for path in python], processes, black_worker=black_worker
        )
    for path, (text, failure) in zip(python, results):
        formatted[path] = files[path] if text is None else text
        if failure is not None:
            problems.append(
                replace(
                    error(
                        "generated-code-invalid",
                        "",
                        f"{path}: the templates produced code black cannot parse: {failure}",
                    ),
                    generated_file=path,
                )
            )
    # What black could not parse is reported once, above, not again by the compiler.
    parsed = [path for path, (_, failure) in zip(python, results) if failure is None]
    checked = _compile_problems(parsed, formatted, thorough=full, black_worker=black_worker)
    for path, problem in zip(parsed, checked):
        if problem is not None:
            # black accepts some code Python does not compile (a repeated argument name, too
            # many nested parentheses); a package that cannot be imported is never written.
            problems.append(
                replace(
                    error(
                        "generated-code-invalid",
                        "",
                        f"{path}: the generated code does not compile: {problem}",
                        hint="please report this with the spec that caused it",
                    ),
                    generated_file=path,
                )
            )
    return formatted, tuple(problems)


def _attempt(action: Callable[[], str]) -> tuple[str | None, Exception | None]:
    try:
        return action(), None
    except _rejections() as exc:
        return None, exc


@functools.cache
def _shipped_runtime() -> frozenset[str]:
    """The text of every module in generator/runtime/, as the renderer copies them."""
    runtime = Path(__file__).resolve().parents[1] / "runtime"
    return frozenset(
        path.read_bytes().decode("utf-8") for path in sorted(runtime.glob("*.py"))
    )


def _compile_problems(
    paths: list[str],
    files: Mapping[str, str],
    *,
    thorough: bool,
    black_worker: background.Worker | None = None,
) -> list[str | None]:
    """Per module, why it does not compile (None when it does). A module with a failing chunk
    is checked whole again, for the message's line number (and in case the cut, not the code,
    was the trouble).

    The built-in templates are held by the tests to code that compiles for every shape of
    spec; what a spec can still break is found by parsing and binding names (too deep a
    nesting, a repeated parameter), so their output gets that, a third cheaper than compiling
    to bytecode. `thorough` (user templates) compiles.

    Past `_SHARED_CHECK_CHARS`, the text is shared out by size: with the black worker (see
    `format_files`), half goes there; else among forked children (`_spread`), which have the
    text already and send back only the verdicts."""
    check = partial(_compile_problem, thorough=thorough)
    chunked = [(path, chunk) for path in paths for chunk in _chunks(files[path])]
    sizes = [len(chunk) for _, chunk in chunked]
    if sum(sizes) < _SHARED_CHECK_CHARS:
        # A small package is checked here: a worker still importing black would be waited for.
        verdicts = [check(path, chunk) for path, chunk in chunked]
    elif black_worker is not None:
        here, *elsewhere = _shares(sizes, 2)
        sent = [number for share in elsewhere for number in share]
        pending = black_worker.submit(
            _compile_problem,
            [chunked[n][0] for n in sent],
            [chunked[n][1] for n in sent],
            [thorough] * len(sent),
        )
        found = {number: check(*chunked[number]) for number in here}
        found.update(zip(sent, pending()))
        verdicts = [found[number] for number in range(len(chunked))]
    else:
        processes = max(2, min(os.cpu_count() or 1, _MOST_PROCESSES))
        verdicts = _spread(partial(_check_chunk, thorough), chunked, sizes, processes)
    failing = {path for (path, _), problem in zip(chunked, verdicts) if problem is not None}
    return [check(path, files[path]) if path in failing else None for path in paths]


# Below this much text (some 50 ms of checking), handing part of it to another process costs
# more than it saves.
_SHARED_CHECK_CHARS = 500_000


def _check_chunk(thorough: bool, chunk: tuple[str, str]) -> str | None:
    return _compile_problem(*chunk, thorough)


# A big module is planned and compiled in parts of about this many characters (some 15k lines),
# cut before top-level statements, so the workers share it evenly.
_CHUNK_CHARS = 600_000
# Where a top-level statement starts: after two blank lines, or an assignment to a name.
_TOP_LEVEL_START = re.compile(r"\n\n\n(?=[A-Za-z_@])|\n(?=[A-Za-z_][A-Za-z0-9_.]* = )")


def _chunks(text: str) -> list[str]:
    """`text` cut before top-level statements into about equal parts of some `_CHUNK_CHARS`;
    joined with newlines they are `text`. A cut may fall inside a
    string that holds such a gap: each user checks for that (`_Plan.open_string`, a compile
    failure)."""
    count = round(len(text) / _CHUNK_CHARS)
    chunks = []
    start = 0
    for part in range(1, count):
        cut = _TOP_LEVEL_START.search(text, max(start, len(text) * part // count))
        if cut is None:
            break
        chunks.append(text[start : cut.end() - 1])
        start = cut.end()
    chunks.append(text[start:])
    return chunks


def _compile_problem(path: str, text: str, thorough: bool = True) -> str | None:
    try:
        if thorough:
            compile(text, path, "exec", dont_inherit=True)
        else:
            symtable.symtable(text, path, "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


# Below this many lines, forking processes costs more than it saves.
_PARALLEL_LINES = 50_000
# The most processes planning and black are spread over (this one and forked children).
_MOST_PROCESSES = 4


def _processes(lines: int) -> int:
    """How many processes to spread the planning and black of `lines` lines over."""
    if lines < _PARALLEL_LINES or not background.can_fork():
        return 1
    return min(os.cpu_count() or 1, _MOST_PROCESSES)


def _spread(
    function: Callable[[_T], _R],
    items: Sequence[_T],
    sizes: Sequence[int],
    processes: int,
    *,
    remote: Callable[[_T], _R] | None = None,
) -> list[_R]:
    """`[function(item) for item in items]`, the items shared out by size among `processes`:
    forked children compute every share but one (with `remote` when given: what is cheaper to
    send back), which this process computes meanwhile. A child has the items already (it is a
    copy of this process); only its results come back."""
    if processes < 2 or len(items) < 2:
        return [function(item) for item in items]
    shares = _shares(sizes, processes)
    sent = remote or function
    pending = [
        (share, background.start(_each, (sent, [items[i] for i in share])))
        for share in shares[1:]
    ]
    results: dict[int, _R] = {i: function(items[i]) for i in shares[0]}
    for share, finish in pending:
        results.update(zip(share, finish()))
    return [results[i] for i in range(len(items))]


def _each(work: tuple[Callable[[_T], _R], list[_T]]) -> list[_R]:
    function, items = work
    return [function(item) for item in items]


def _shares(sizes: Sequence[int], count: int) -> list[list[int]]:
    """The indexes of `sizes` in `count` sets of about equal total (each next biggest into
    the set holding least so far), each in order; empty sets left out."""
    totals = [0] * count
    shares: list[list[int]] = [[] for _ in range(count)]
    for number in sorted(range(len(sizes)), key=lambda n: (-sizes[n], n)):
        least = totals.index(min(totals))
        shares[least].append(number)
        totals[least] += sizes[number]
    return [sorted(share) for share in shares if share]


def _format_selectively(
    texts: list[str], processes: int = 1, *, black_worker: background.Worker | None = None
) -> list[tuple[str | None, Exception | None]]:
    """Every module's long units, formatted in batches spread over `processes` processes; a
    module whose units black cannot take apart goes through black whole."""
    chunked = [_chunks(text) for text in texts]
    every_chunk = [chunk for chunks in chunked for chunk in chunks]
    sizes = [len(chunk) for chunk in every_chunk]
    found = _spread(_plan, every_chunk, sizes, processes, remote=_plan_to_send)
    planned = iter(
        plan if plan.lines else replace(plan, lines=chunk.split("\n"))
        for plan, chunk in zip(found, every_chunk)
    )
    plans: list[list[_Plan]] = []
    for text, chunks in zip(texts, chunked):
        parts = [next(planned) for _ in chunks]
        if any(part.open_string for part in parts[:-1]):
            parts = [_plan(text)]  # cut inside a string: planned whole after all
        plans.append(parts)
    flat = [plan for parts in plans for plan in parts]
    pieces = [(index, piece) for index, plan in enumerate(flat) if plan.units for piece in plan.pieces]
    shaped = [(length, shape_of(text)) for _, (length, text) in pieces]
    # One black call per line length and worker, each distinct shape once.
    unique = sorted({(length, shape) for length, (shape, _) in shaped})
    batches = [
        (length, batch)
        for length in sorted({length for length, _ in unique})
        for batch in _balanced([shape for each, shape in unique if each == length], processes)
    ]
    if black_worker is not None and processes < 2:
        formatted_batches = black_worker.map(_black_batch, batches)
    else:
        sizes = [sum(len(shape) for shape in batch) for _, batch in batches]
        formatted_batches = _spread(_black_batch, batches, sizes, processes)
    laid_out: dict[tuple[int, str], list[str] | None] = {}
    for (length, batch), formatted in zip(batches, formatted_batches):
        laid_out.update(zip(((length, shape) for shape in batch), formatted))
    by_plan: dict[int, list[list[str] | None]] = {}
    for (index, (_, text)), (length, (shape, names)) in zip(pieces, shaped):
        layout = laid_out[length, shape]
        if layout is not None and names:
            layout = named(layout, names)
            if layout is None:  # black moved a name after all: take the unit as it is
                layout = _black_batch((length, [text]))[0]
        by_plan.setdefault(index, []).append(layout)
    results: list[tuple[str | None, Exception | None]] = []
    position = 0
    for text, parts in zip(texts, plans):
        replacements = [by_plan.get(index, []) for index in range(position, position + len(parts))]
        position += len(parts)
        try:
            results.append(("\n".join(_assembled(parts, replacements)), None))
        except _Unassembled:
            results.append(_attempt(partial(_black_format, text)))
    return results


def _assembled(parts: list[_Plan], replacements: list[list[list[str] | None]]) -> list[str]:
    """Each part with its units replaced; `_Unassembled` when black could not take a unit apart
    (or the part's long lines from their surroundings): then the module goes to black whole."""
    assembled = []
    for plan, found in zip(parts, replacements):
        if plan.units is None:
            raise _Unassembled("no units")
        if any(layout is None for layout in found):
            raise _Unassembled("black rejected a unit")
        assembled.append(plan.assemble([layout for layout in found if layout is not None]))
    return assembled


# Black lays code out by its tokens' kinds and widths, never by what a name spells: units that
# differ only in their names' letters get the same layout. So black sees each unit with every
# name written as `x`s of the same width (its shape), each shape once, and the names go back in
# order afterwards (black adds, drops and reorders no name).
_TOKENS = re.compile(
    r"(?P<string>(?:[rRbBuU]{1,2})?(?:\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'))"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<number>[0-9][0-9A-Za-z_]*(?:\.[0-9A-Za-z_]*)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
)
_KEPT_NAMES = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
# Units left as they are: strings black may re-indent, line continuations, and anything whose
# meaning a name could change (a __future__ import); f-strings too (see `shape_of`).
_UNSHAPED = re.compile(r'"""|\'\'\'|\\\n|__future__|[^\x00-\x7f]')


def shape_of(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` with every name but a keyword written as `x`s of its width, and the names in
    order; `text` itself and no names when it holds something a shape could change."""
    if _UNSHAPED.search(text):
        return text, ()
    names: list[str] = []
    prefixed = False

    def hide(match: re.Match[str]) -> str:
        nonlocal prefixed
        name = match.group("name")
        if name is None or name in _KEPT_NAMES:
            return match.group()
        if text[match.end() : match.end() + 1] in ("'", '"'):
            prefixed = True  # an f-string's prefix: it holds code
        names.append(name)
        return "x" * len(name)

    shape = _TOKENS.sub(hide, text)
    return (text, ()) if prefixed else (shape, tuple(names))


def named(lines: list[str], names: tuple[str, ...]) -> list[str] | None:
    """The layout of a shape with its names put back in order; None unless black kept exactly
    as many names as the shape had."""
    remaining = iter(names)
    missing = False

    def restore(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group("name")
        if name is None or name in _KEPT_NAMES:
            return match.group()
        original = next(remaining, None)
        if original is None or name != "x" * len(original):
            missing = True
            return name
        return original

    restored = _TOKENS.sub(restore, "\n".join(lines)).split("\n")
    if missing or next(remaining, None) is not None:
        return None
    return restored


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
        once = _split(_black_once(_join(pieces), length), len(pieces))
        # black.format_str formats a second time whenever the first changed anything, for the
        # trailing commas the first pass adds, which the second reads as magic; a unit that
        # gained none is already what the second pass would give back.
        again = [
            index
            for index, (piece, first) in enumerate(zip(pieces, once))
            if len(_MAGIC_COMMA.findall("\n".join(first))) > len(_MAGIC_COMMA.findall(piece))
        ]
        if again:
            twice = _join(["\n".join(once[index]) for index in again])
            for index, second in zip(again, _split(_black_once(twice, length), len(again))):
                once[index] = second
        return list(once)
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
    ((result, failure),) = _format_selectively([text])
    if failure is not None:
        raise failure
    assert result is not None
    return result


@dataclass(frozen=True, slots=True)
class _Plan:
    lines: list[str]
    units: list[Unit] | None
    """The units to black (empty: nothing to do; None: black the whole module)."""
    open_string: bool = False
    """It ends inside a triple-quoted string (a chunk cut in the wrong place)."""
    rewritten: bool = False
    """`lines` are not the text's as it is: long annotations were laid out (`wrap_annotation`)."""

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


def _plan_to_send(text: str) -> _Plan:
    """`_plan`, without the lines when they are `text`'s as it is: the process that asked has
    the text, and splitting it again costs a fraction of sending them."""
    plan = _plan(text)
    return plan if plan.rewritten else replace(plan, lines=[])


def _plan(text: str) -> _Plan:
    lines = original = text.split("\n")
    inside = inside_strings([*lines, ""])
    open_string = inside.pop()
    long_lines = long_code_lines(lines, inside)
    if long_lines:
        wrapped, written = _wrap_annotations(lines, long_lines)
        if written:
            lines = wrapped
            inside = inside_strings(lines)
            long_lines = [i for i in long_code_lines(lines, inside) if i not in written]
    rewritten = lines is not original
    if not long_lines:
        return _Plan(lines, [], open_string, rewritten)
    return _Plan(lines, units_holding(lines, inside, long_lines), open_string, rewritten)


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


