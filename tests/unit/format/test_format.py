"""The selective formatter must give exactly black's output; these pin its shortcuts to black."""

from __future__ import annotations

import ast
import keyword
import tokenize
from pathlib import Path
from typing import Any

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.tools import CORPUS

import generator.format.formatter as format_module_internals
from generator.build.pipeline import analyse
from generator.format import units as format_units
from generator.format.formatter import (
    LINE_LENGTH,
    format_files,
    format_module,
    named,
    shape_of,
    wrap_annotation,
)
from generator.format.units import inside_strings, width
from generator.render.engine import render

_MODE = black.Mode(target_versions={black.TargetVersion.PY310})
names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,60}", fullmatch=True).filter(
    lambda n: n
    not in {
        "None",
        "True",
        "False",
        "class",
        "def",
        "lambda",
        "in",
        "is",
        "not",
        "and",
        "or",
        "if",
        "else",
        "for",
        "while",
        "with",
        "as",
        "import",
        "from",
        "return",
        "yield",
        "pass",
        "break",
        "continue",
        "del",
        "try",
        "except",
        "finally",
        "raise",
        "global",
        "nonlocal",
        "assert",
        "async",
        "await",
        "elif",
    }
)
atoms = st.recursive(
    names,
    lambda inner: st.tuples(
        st.sampled_from(["list", "dict[str,", "tuple[int,"]), inner
    ).map(lambda t: f"{t[0]}[{t[1]}]" if t[0] == "list" else f"{t[0]} {t[1]}]"),
    max_leaves=3,
)
annotations = st.lists(atoms, min_size=2, max_size=5).map(" | ".join)


@settings(max_examples=300, deadline=None)
@given(
    name=names,
    annotation=annotations,
    default=st.sampled_from(["", " = UNSET", " = None", " = 3"]),
    where=st.sampled_from(["class", "parameter"]),
)
def test_wrap_annotation_is_what_black_writes(
    name: str, annotation: str, default: str, where: str
) -> None:
    if where == "class":
        line = f"    {name}: {annotation}{default}"
        source = f"class A:\n{line}\n"
    else:
        line = f"    {name}: {annotation}{default},"
        source = f"def f(\n{line}\n) -> None:\n    pass\n"
    wrapped = wrap_annotation(line)
    if len(line) <= LINE_LENGTH or wrapped is None:
        return
    expected = source.replace(line, "\n".join(wrapped))
    assert black.format_str(source, mode=_MODE) == expected


@settings(max_examples=200, deadline=None)
@given(
    name=names,
    annotation=annotations,
    value=st.text(alphabet="abc \"'\\", max_size=120),
)
def test_format_module_agrees_with_black(
    name: str, annotation: str, value: str
) -> None:
    # A module whose short lines are already black's: the long ones must come out as black's.
    source = black.format_str(
        f"class A:\n    {name}: {annotation} = None\n\n    def m(self) -> None:\n"
        f"        x = {value!r}\n        y = f({value!r}, {name}, {name})\n\n\n"
        f"def g() -> None:\n    z = [{value!r}, {name}]\n",
        mode=black.Mode(
            target_versions={black.TargetVersion.PY310}, line_length=10_000
        ),
    )
    assert format_module(source) == black.format_str(source, mode=_MODE)


# Long enough that a few of them overflow a line, as generated names do on big specs.
long_names = st.from_regex(r"[a-z_][a-z0-9_]{12,40}", fullmatch=True).filter(
    lambda n: n not in {"lambda", "return"}
)


def _bracketed(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(inner, min_size=2, max_size=4)
    comma = st.sampled_from(["", ","])  # a trailing comma is magic: black keeps it exploded
    return st.one_of(
        st.tuples(long_names, items, comma).map(lambda t: f"{t[0]}({', '.join(t[1])}{t[2]})"),
        st.tuples(long_names, long_names, inner, comma).map(
            lambda t: f"{t[0]}({t[1]}={t[2]}{t[3]})"
        ),
        st.tuples(items, comma).map(lambda t: f"[{', '.join(t[0])}{t[1]}]"),
        st.tuples(st.lists(st.tuples(long_names, inner), min_size=1, max_size=3), comma).map(
            lambda t: "{" + ", ".join(f"{k!r}: {v}" for k, v in t[0]) + t[1] + "}"
        ),
        inner.map(lambda body: f"lambda: {body}"),
        st.tuples(long_names, inner).map(lambda t: f"{t[0]}({t[1]}, depth + 1)"),
    )


expressions = st.recursive(
    st.one_of(long_names, st.text(alphabet="ab \"'", max_size=30).map(repr)),
    _bracketed,
    max_leaves=20,
)


@settings(max_examples=600, deadline=None)
@given(
    expression=expressions,
    form=st.sampled_from(["return {}", "x = {}", "{}", "x: int = {}", "if {}:\n    pass"]),
    where=st.sampled_from(["function", "method", "nested", "top level"]),
)
def test_statements_and_elements_agree_with_black(expression: str, form: str, where: str) -> None:
    # Long lines deep inside exploded calls and displays: the formatter hands black only the
    # statement or the bracket element holding them; the result must be black's for the module.
    statement = form.format(expression)
    if where == "top level":
        body = statement.replace("return ", "x = ") + "\n"
    elif where == "function":
        body = "def g(depth: int) -> None:\n" + _indented(statement, 4)
    elif where == "method":
        body = "class A:\n    def m(self, depth: int) -> None:\n" + _indented(statement, 8)
    else:
        body = "def g(depth: int) -> None:\n    for _ in x:\n" + _indented(statement, 8)
    wide = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=10_000)
    try:
        source = black.format_str(body + "\n\nz = 1\n", mode=wide)
    except black.InvalidInput:
        return
    assert format_module(source) == black.format_str(source, mode=_MODE)


_parameters = st.lists(
    st.tuples(
        long_names,
        st.one_of(
            st.just(""),
            expressions,
            long_names.map(lambda n: f"list[{n.title()}{n.title()} | str] | None"),
        ),
        st.one_of(st.just(""), expressions),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda parameter: parameter[0],
)


@settings(max_examples=300, deadline=None)
@given(params=_parameters, where=st.sampled_from(["function", "method"]), prefix=st.booleans())
def test_parameters_of_an_exploded_def_agree_with_black(
    params: list[tuple[str, str, str]], where: str, prefix: bool
) -> None:
    # A long parameter of a def exploded one parameter a line is handed to black alone, in a
    # stand-in def: the result must be black's for the module.
    items = [
        name + (f": {annotation}" if annotation else "") + (f" = {default}" if default else "")
        for name, annotation, default in params
    ]
    head = "async def" if prefix else "def"
    if where == "method":
        body = f"class A:\n    {head} m(self, *, {', '.join(items)},) -> None:\n        pass\n"
    else:
        body = f"{head} g(*, {', '.join(items)},) -> None:\n    pass\n"
    wide = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=10_000)
    try:
        source = black.format_str(body + "\n\nz = 1\n", mode=wide)
    except black.InvalidInput:
        return
    assert format_module(source) == black.format_str(source, mode=_MODE)


_dotted_callees = st.lists(long_names, min_size=1, max_size=4).map(".".join)
_arguments = st.lists(
    st.one_of(long_names, st.tuples(long_names, expressions).map("=".join)), min_size=1, max_size=4
)


@settings(max_examples=400, deadline=None)
@given(
    callee=_dotted_callees,
    arguments=_arguments,
    comma=st.sampled_from(["", ","]),
    form=st.sampled_from(["return {}", "return await {}", "x = {}", "self.x = {}", "{}"]),
    where=st.sampled_from(["function", "method", "nested"]),
)
def test_a_call_s_long_head_agrees_with_black(
    callee: str, arguments: list[str], comma: str, form: str, where: str
) -> None:
    # `x = f(` too long even one level deeper is left as it is (black's parentheses would not
    # help); shorter ones, and everything below them, must still come out as black's.
    statement = form.format(f"{callee}({', '.join(arguments)}{comma})")
    if where == "function":
        body = "async def g(depth: int) -> None:\n" + _indented(statement, 4)
    elif where == "method":
        body = "class A:\n    async def m(self, depth: int) -> None:\n" + _indented(statement, 8)
    else:
        body = "async def g(depth: int) -> None:\n    for _ in x:\n" + _indented(statement, 8)
    try:
        source = black.format_str(body + "\n\nz = 1\n", mode=_MODE)
        # The same code with the call exploded as the templates print it (black's layout
        # apart from the long head), then formatted: black's again.
        wide = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=10_000)
        exploded = black.format_str(
            body.replace(f"{', '.join(arguments)}{comma})", f"{', '.join(arguments)},)"), mode=wide
        )
    except black.InvalidInput:
        return
    assert format_module(source) == source
    assert format_module(exploded) == black.format_str(exploded, mode=_MODE)


def test_a_call_head_too_long_at_any_depth_is_not_a_long_line() -> None:
    callee = "self._client." + "c" * 80
    lines = ["def f():", f"    return await {callee}(", "        a=a,", "    )", ""]
    assert format_units.long_code_lines(lines, inside_strings(lines)) == []
    # `f(` fits one level deeper: black may put the value in parentheses.
    lines[1] = f"    return await {callee[:72]}("
    assert format_units.long_code_lines(lines, inside_strings(lines)) == [1]


def test_a_long_parameter_is_a_unit_of_its_own() -> None:
    name = "p" * 90
    lines = ["def f(", "    a: int,", f"    {name}: int,", ") -> None:", "    pass"]
    inside = inside_strings(lines)
    units = format_units.units_holding(lines, inside, format_units.long_code_lines(lines, inside))
    assert units == [format_units.Unit(start=2, end=3, wrapper=("def _(",), body=("):", "    pass"))]


def test_a_long_line_deep_in_a_top_level_table_is_a_unit_of_its_own() -> None:
    # A testing kit's operation table is one top-level statement thousands of lines long: black
    # must see the element holding the long line, not the table (a second of black on a
    # 0.2 MB spec).
    entry = ["    Operation(", '        name="get",', "    ),"]
    long_entry = ["    Operation(", f'        media_types=("{"m" * 90}", "b"),', "    ),"]
    lines = ["TABLE: tuple[Operation, ...] = (", *entry * 50, *long_entry, *entry * 50, ")"]
    inside = inside_strings(lines)
    units = format_units.units_holding(lines, inside, format_units.long_code_lines(lines, inside))
    assert units == [format_units.Unit(start=152, end=153, wrapper=("_(",), body=(")",), shift=4)]
    source = "\n".join(lines) + "\n"
    assert format_module(source) == black.format_str(source, mode=_MODE)
    exports = ["EXPORTS = {", '    "A": ".models",', f'    "{"B" * 90}": ".enums",', "}"]
    inside = inside_strings(exports)
    long_lines = format_units.long_code_lines(exports, inside)
    assert format_units.units_holding(exports, inside, long_lines) in (
        [],  # a line black cannot split is no long line
        [format_units.Unit(start=2, end=3, wrapper=("_ = {",), body=("}",))],
    )


@pytest.mark.parametrize(
    "module",
    [
        # a keyword argument whose value is one name, dotted name or plain string
        ("def f():\n    return g(\n        {n}={n},\n        {n}=Model.{n},\n"
        '        {n}="{n}",\n    )\n'),
        # a plain string holding escapes (a testing kit's pattern), but no escaped quote
        'def f():\n    return g(\n        pattern="^\\\\d{{4}}-{n}\\\\Z",\n    )\n',
        # the aliases of an exploded import
        "if TYPE_CHECKING:\n    from ._part_a import (\n        {n} as {n},\n    )\n",
        # a dict entry of two plain strings
        'EXPORTS = {{\n    "{n}": "._part_a",\n}}\n',
    ],
)
def test_lines_black_cannot_split_are_not_long(module: str) -> None:
    # Black leaves them as they are, however long: handing it their units only costs time
    # (Graph's clients held thousands of `name=name,` lines).
    source = module.format(n="n" * 90)
    lines = source.split("\n")
    assert format_units.long_code_lines(lines, inside_strings(lines)) == []
    assert black.format_str(source, mode=_MODE) == source


@pytest.mark.parametrize("comma", ["", ","])
@pytest.mark.parametrize(
    ("target", "name", "settled"),
    # (the target's length, the argument's, whether black keeps the long call head): too long
    # from the target, from the argument, from both; then black's parentheses, around the call
    # on one line or around the call split.
    [(90, 10, True), (70, 70, True), (75, 10, True), (72, 55, True), (68, 20, False),
     (66, 60, False)],
)
def test_a_call_of_one_name_is_left_where_black_would_leave_it(
    target: int, name: int, settled: bool, comma: str
) -> None:
    # A raw client's `self.name = _http.raw(client.name)`, printed split at the call: black
    # keeps the long head when the value in parentheses would still have a line too long,
    # else it takes the parentheses (then the head is a long line, for black).
    head = f"        self.{'t' * target} = _http.raw("
    exploded = (
        f"class A:\n    def f(self):\n{head}\n            client.{'n' * name}{comma}\n        )\n"
    )
    lines = exploded.split("\n")
    assert len(head) > 88
    assert format_units.long_code_lines(lines, inside_strings(lines)) == ([] if settled else [2])
    assert (black.format_str(exploded, mode=_MODE) == exploded) is settled
    assert format_module(exploded) == black.format_str(exploded, mode=_MODE)


@pytest.mark.parametrize("argument", [10, 30, 34, 36, 60])
@pytest.mark.parametrize("builder", [66, 67, 72])
def test_a_call_of_arguments_one_a_line_is_left_where_black_would_leave_it(
    builder: int, argument: int
) -> None:
    # Graph's `_request = _build_<seventy letters>(` over `name=name,` lines: black keeps the
    # long head when an argument four columns further in would not fit, else it puts the call
    # in parentheses (then the head is a long line, for black).
    head = f"        _request = _build_{'b' * builder}("
    name = "a" * argument
    exploded = (
        f"class A:\n    def f(self):\n{head}\n            self._http,\n"
        f"            {name}={name},\n        )\n"
    )
    lines = exploded.split("\n")
    settled = black.format_str(exploded, mode=_MODE) == exploded
    assert len(head) > 88
    assert format_units.long_code_lines(lines, inside_strings(lines)) == ([] if settled else [2])
    assert format_module(exploded) == black.format_str(exploded, mode=_MODE)


def test_a_value_black_put_in_parentheses_is_no_long_line() -> None:
    source = f"class A:\n    short = (\n        Client.{'m' * 90}\n    )\n"
    lines = source.split("\n")
    assert format_units.long_code_lines(lines, inside_strings(lines)) == []
    assert black.format_str(source, mode=_MODE) == source


def _indented(statement: str, indent: int) -> str:
    return "".join(" " * indent + line + "\n" for line in statement.split("\n"))


_ROOT = Path(__file__).resolve().parents[3]
_SPECS = [
    _ROOT / "spec" / "face-person-group-training.yaml",
    *sorted((_ROOT / "tests" / "specs").glob("*.yaml")),
    CORPUS / "opc-baseline_openapi_3.0.json",
    CORPUS / "opc-openapi_3.1_enums.yaml",
    CORPUS / "azure-face-v1.1-preview.1.json",
    # Big enough (148k lines) for long names in every kind of statement; its biggest modules
    # are checked as a slice (`_slice`). Stripe (480k) is checked by hand.
    CORPUS / "discord-openapi-3.1.json",
]


@pytest.mark.parametrize("spec", _SPECS, ids=lambda p: p.name)
def test_selective_formatting_is_byte_identical_to_black(spec: Path) -> None:
    if not spec.is_file():
        pytest.fail(f"{spec} is missing (tests/corpus is part of the repository)")
    api, diagnostics = analyse(spec, package="pkg")
    assert api is not None, diagnostics
    rendered, _ = render(api)
    sliced = {path: _slice(code) if path.endswith(".py") else code for path, code in rendered.items()}
    for path, code in rendered.items():
        kept = set(sliced[path].split("\n"))
        assert [line for line in _wide_code(code) if line not in kept] == [], path
    fast, fast_problems = format_files(sliced)
    full, full_problems = format_files(sliced, full=True)
    assert not fast_problems and not full_problems
    assert [p for p in sliced if fast[p] != full[p]] == []


# Black takes about a second per four thousand lines. A module longer than this is checked as
# a slice: every top-level statement, or member of a class, that holds a long code line (where
# the formatter decides what black must lay out, and what black has no way to split), and every
# tenth of the others, for the templates' own layout. Black lays each statement out on its own.
_SLICED_FROM = 15_000
_SAMPLE_EVERY = 10


def _slice(code: str) -> str:
    lines = code.split("\n")
    if len(lines) <= _SLICED_FROM:
        return code
    wide = [_is_wide_code(line, inside) for line, inside in zip(lines, inside_strings(lines))]
    module = ast.parse(code)
    kept: list[int] = []
    members: list[tuple[int, int]] = []
    # The blank lines black wants before a statement depend on the one before it, so each
    # statement keeps a neighbour of the same kind: the first of a run of plain statements
    # (after imports or a definition) is always kept.
    first_of_run = True
    for node, (start, end) in zip(module.body, _spans(module.body, 0)):
        definition = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.If)) or (
            first_of_run and not definition
        ):
            kept.extend(range(start, end))  # imports, `if TYPE_CHECKING:`, a run's first
        elif isinstance(node, ast.ClassDef) and len(node.body) > 2:
            inner = _spans(node.body, start)
            kept.extend(range(start, inner[0][1]))  # the head and docstring (or first member)
            members.extend(inner[1:])
        else:
            members.append((start, end))
        first_of_run = definition or isinstance(node, (ast.Import, ast.ImportFrom, ast.If))
    for index, (start, end) in enumerate(members):
        if index % _SAMPLE_EVERY == 0 or any(wide[start:end]):
            kept.extend(range(start, end))
    return "\n".join(lines[index] for index in sorted(kept)).rstrip("\n") + "\n"


def _spans(statements: list[ast.stmt], start: int) -> list[tuple[int, int]]:
    """Each statement's lines from the end of the one before (`start` for the first): the blank
    lines and comments before it, its decorators, and itself; a string after a statement (an
    attribute's docstring) goes with that statement."""
    spans: list[tuple[int, int]] = []
    for index, statement in enumerate(statements):
        end = statement.end_lineno or statement.lineno
        if index and _is_string(statement):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((spans[-1][1] if spans else start, end))
    return spans


def _is_string(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _is_wide_code(line: str, inside_string: bool) -> bool:
    """A line past black's limit that is code: not docstring text, not a comment of its own,
    not a docstring's opening line (black leaves all three to themselves)."""
    stripped = line.lstrip()
    quotes = line.count('"""')
    if width(line) <= LINE_LENGTH or (inside_string and not quotes) or stripped.startswith("#"):
        return False
    return inside_string or quotes != 1 or not stripped.startswith('"""')


def _wide_code(code: str) -> list[str]:
    lines = code.split("\n")
    return [line for line, inside in zip(lines, inside_strings(lines)) if _is_wide_code(line, inside)]


shaped_code = st.lists(
    st.one_of(
        long_names,
        names,
        st.sampled_from(["(", ")", "[", "]", ", ", " = ", ".", " if ", " else ", "\n    "]),
        st.sampled_from(["1e5", "0x1F", "1_000.5", "2j", "'a b'", '"c\\"d"', "rb'x'", "# note"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(code=shaped_code)
def test_a_shape_gives_its_names_back_in_order(code: str) -> None:
    shape, names_in_order = shape_of(code)
    assert len(shape) == len(code)
    if not names_in_order:
        assert shape == code  # nothing to hide, or a prefixed string: left as it is
        return
    assert named(shape.split("\n"), names_in_order) == code.split("\n")
    # Two texts that differ only in their names' letters share a shape.
    other = named(shape.split("\n"), tuple("q" * len(name) for name in names_in_order))
    assert other is not None
    assert shape_of("\n".join(other))[0] == shape


def test_f_strings_and_future_imports_keep_their_names() -> None:
    assert shape_of('x = f"{value}"') == ('x = f"{value}"', ())
    assert shape_of("from __future__ import annotations") == (
        "from __future__ import annotations",
        (),
    )


def test_units_of_one_shape_are_each_laid_out_with_their_own_names() -> None:
    # Same widths, different letters: black runs once for the shape; each keeps its names.
    calls = [f"    result_{c} = decode_{c * 60}(value_{c}, path_{c})" for c in "abcdef"]
    source = "def g() -> None:\n" + "\n".join(calls) + "\n"
    formatted = format_module(source)
    assert formatted == black.format_str(source, mode=_MODE)
    assert all(f"decode_{c * 60}(" in formatted for c in "abcdef")


def _long_module(functions: int) -> str:
    body = "".join(
        f"def function_{n}(value: int) -> list[int]:\n"
        f"    return [value, {n}, some_rather_long_helper_name_{n}(value, value, value, value, value)]\n"
        "\n\n"
        for n in range(functions)
    )
    return '"""A module."""\n\nfrom __future__ import annotations\n\n\n' + body.rstrip("\n") + "\n"


def test_a_big_module_is_cut_only_before_top_level_statements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(format_module_internals, "_CHUNK_CHARS", 500)
    text = _long_module(40)
    chunks = format_module_internals._chunks(text)
    assert len(chunks) > 5
    assert "\n".join(chunks) == text
    assert all(chunk.startswith("def function_") for chunk in chunks[1:])
    formatted, problems = format_files({"m.py": text})
    assert problems == ()
    assert formatted["m.py"] == black.format_str(text, mode=_MODE)


def test_a_cut_inside_a_string_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    # A docstring that holds a gap like the one before a top-level statement.
    monkeypatch.setattr(format_module_internals, "_CHUNK_CHARS", 300)
    text = _long_module(12).replace(
        '"""A module."""', '"""A module.\n' + "\n\n\nclass NotCode:\n" * 30 + '"""'
    )
    assert any(
        chunk.startswith("class NotCode") for chunk in format_module_internals._chunks(text)
    )
    formatted, problems = format_files({"m.py": text})
    assert problems == ()
    assert formatted["m.py"] == black.format_str(text, mode=_MODE)


@pytest.mark.parametrize("shared", [False, True])
def test_code_that_does_not_compile_is_refused_with_its_line(
    monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    # `shared`: the chunks are checked in forked children too (as Graph's 160 MB are).
    if shared:
        monkeypatch.setattr(format_module_internals, "_SHARED_CHECK_CHARS", 0)
        monkeypatch.setattr(format_module_internals.background, "can_fork", lambda: True)
    monkeypatch.setattr(format_module_internals, "_CHUNK_CHARS", 500)
    text = _long_module(40).replace(
        "def function_33(value: int)", "def function_33(value: int, value: int)"
    )
    lines = black.format_str(text, mode=_MODE).split("\n")
    line = lines.index("def function_33(value: int, value: int) -> list[int]:") + 1
    _, problems = format_files({"m.py": text})
    assert [p.code for p in problems] == ["generated-code-invalid"]
    assert "duplicate argument 'value'" in problems[0].message
    assert f"line {line}" in problems[0].message


def _statements_by_tokenize(lines: list[str], start: int, end: int) -> dict[int, Any] | None:
    """The oracle: logical lines as Python's own tokenizer finds them."""
    source = iter([line + "\n" for line in lines[start:end]])
    found: dict[int, Any] = {}
    tokens: list[tuple[str, int, int, bool]] = []
    skipped = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
    first = last = ""
    try:
        for token in tokenize.generate_tokens(lambda: next(source, "")):
            if token.type in skipped:
                continue
            if token.type == tokenize.NEWLINE:
                top = tokens[0][1]
                statement = (top, start + token.start[0], first, last == ":", tuple(tokens))
                for row in range(top, start + token.start[0]):
                    found[row] = statement
                tokens = []
                continue
            is_op = token.type == tokenize.OP
            if not tokens:
                first = token.string if is_op or token.type == tokenize.NAME else '"'
            last = token.string if is_op else ""
            name = token.type == tokenize.NAME and not keyword.iskeyword(token.string)
            tokens.append(
                (
                    token.string if is_op else "",
                    start + token.start[0] - 1,
                    start + token.end[0] - 1,
                    name,
                )
            )
    except (tokenize.TokenError, SyntaxError):
        return None
    return found


def _as_tuples(found: dict[int, Any] | None) -> dict[int, Any] | None:
    if found is None:
        return None
    return {
        row: (s.start, s.end, s.first, s.header, tuple(tuple(t) for t in s.tokens))
        for row, s in found.items()
    }


def _top_level_blocks(text: str) -> list[tuple[list[str], int, int]]:
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(("def ", "class ", "async "))]
    return [(lines, a, b) for a, b in zip(starts, [*starts[1:], len(lines)])]


def _generated_modules() -> list[Path]:
    found = [*(_ROOT / "generated").rglob("*.py"), *(_ROOT / "tests" / "golden").rglob("*.py")]
    found += (_ROOT / "generator" / "runtime").glob("*.py")  # the runtime the goldens copy
    return sorted(path for path in found if _top_level_blocks(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("module", _generated_modules(), ids=lambda p: p.name)
def test_statements_are_the_logical_lines_python_finds(module: Path) -> None:
    blocks = _top_level_blocks(module.read_text(encoding="utf-8"))
    for lines, start, end in blocks:
        ours = _as_tuples(format_units._statements(lines, start, end))
        assert ours == _statements_by_tokenize(lines, start, end), lines[start]


@settings(max_examples=300, deadline=None)
@given(expression=expressions, form=st.sampled_from(["return {}", "x = {}  # note", "if {}:\n    pass"]))
def test_statements_of_random_code_are_python_s(expression: str, form: str) -> None:
    body = "def g(depth: int) -> None:\n" + _indented(form.format(expression), 4)
    body += '    """a\n    (docstring[ with brackets\n    """\n    y = 1 + \\\n        2\n'
    lines = body.split("\n")
    ours = _as_tuples(format_units._statements(lines, 0, len(lines)))
    assert ours == _statements_by_tokenize(lines, 0, len(lines))


def test_user_templates_output_is_compiled_to_bytecode() -> None:
    # Only the compiler finds a `return` outside a function; parsing and binding names
    # (enough for what a spec can break in the built-in templates' output) does not.
    text = "x = 1\nreturn x\n"
    _, problems = format_files({"m.py": text}, full=True)
    assert [p.code for p in problems] == ["generated-code-invalid"]
    assert "'return' outside function" in problems[0].message
    _, problems = format_files({"m.py": "def f(a, a):\n    return a\n"})
    assert "duplicate argument 'a'" in problems[0].message


def test_a_long_comment_on_its_own_line_is_left_to_itself() -> None:
    comment = "# " + ("a comment that is longer than any line black would write " * 2).strip()
    source = (
        "def g(value: int) -> list[int]:\n"
        f"    {comment}\n"
        "    return [\n"
        f"        {comment}\n"
        "        value,\n"
        "    ]\n"
    )
    assert format_module(source) == black.format_str(source, mode=_MODE) == source


@pytest.mark.parametrize(
    "spec",
    [
        _ROOT / "spec" / "face-person-group-training.yaml",
        _ROOT / "tests" / "specs" / "azure-lro.yaml",
        CORPUS / "petstore-expanded-3.0.yaml",
    ],
    ids=lambda p: p.name,
)
def test_small_specs_need_no_black_at_all(spec: Path) -> None:
    # The built-in templates print black's layout; a small spec's output has no unit that only
    # black could lay out, so a run never imports black (a tenth of a second of start-up).
    api, diagnostics = analyse(spec, package="pkg")
    assert api is not None, diagnostics
    rendered, _ = render(api)
    needing = {
        path: [text for _, text in format_module_internals._plan(code).pieces]
        for path, code in rendered.items()
        if path.endswith(".py") and format_module_internals._plan(code).units
    }
    assert needing == {}


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(0, 1000), max_size=30), count=st.integers(1, 4))
def test_shares_hold_every_index_once_and_about_evenly(sizes: list[int], count: int) -> None:
    shares = format_module_internals._shares(sizes, count)
    assert sorted(i for share in shares for i in share) == list(range(len(sizes)))
    assert all(share == sorted(share) and share for share in shares)
    totals = [sum(sizes[i] for i in share) for share in shares]
    if len(shares) > 1:  # no share could give its smallest item to another and even them out
        assert max(totals) - min(totals) <= max(sizes)


def test_formatting_spread_over_processes_is_byte_identical(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Graph's modules are planned and blacked in forked children that send back plans without
    # their lines: the result must be what one process writes.
    long_call = "    return g(" + ", ".join(f"argument_{n}" for n in range(12)) + ")\n"
    modules = {
        f"m{k}.py": "".join(f"\n\ndef f{n}():\n{long_call}" for n in range(40 + k)).lstrip()
        for k in range(6)
    }
    background = format_module_internals.background
    started: list[object] = []
    real_start = background.start

    def start(function: Any, argument: Any) -> Any:
        started.append(function)
        return real_start(function, argument)

    # A test worker may run threads of its own; the children here touch none of them.
    monkeypatch.setattr(background, "can_fork", lambda: True)
    monkeypatch.setattr(background, "start", start)
    monkeypatch.setattr(format_module_internals, "_PARALLEL_LINES", 10)
    monkeypatch.setattr(format_module_internals.os, "cpu_count", lambda: 2)
    spread, spread_problems = format_module_internals.format_files(modules)
    assert started  # a share of the plans went to a child
    monkeypatch.setattr(format_module_internals, "_PARALLEL_LINES", 10**9)
    alone, alone_problems = format_module_internals.format_files(modules)
    assert format_module_internals._processes(100) == 1
    assert spread == alone and not spread_problems and not alone_problems
    assert spread["m0.py"] == black.format_str(modules["m0.py"], mode=_MODE)
