"""The context-safe filters: spec text must come back as data, never run as code."""

from __future__ import annotations

import ast
import email
import re
import textwrap
import unicodedata

import black
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.render import filters
from generator.render.filters import (
    comment,
    doc_inline,
    docstring,
    markdown,
    markdown_code,
    markdown_inline,
    metadata_line,
    pyrepr,
    tomlstr,
)

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

PAYLOADS = [
    '"""',
    "'''",
    "\\",
    "end\\",
    "\r",
    "\r\n",
    "\x00",
    "\x0c",
    "\u2028",
    "\x85",
    "{{ 7*7 }}",
    "{% if x %}",
    '"; import os; os.system("touch pwned")',
    "'+str(exec('1'))+'",
    "\u200b\x1f\t",
]

hostile = st.one_of(
    st.sampled_from(PAYLOADS), st.text(), st.lists(st.sampled_from(PAYLOADS)).map("".join)
)


@given(hostile)
def test_pyrepr_is_a_literal_of_the_same_value(text: str) -> None:
    tree = ast.parse(pyrepr(text), mode="eval")
    assert isinstance(tree.body, ast.Constant) and tree.body.value == text


@given(
    st.one_of(
        hostile,
        st.lists(st.sampled_from(["'", '"', "\\", "a", "\n", "\x85"])).map("".join),
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.tuples(hostile),
        st.tuples(hostile, st.integers()),
    )
)
def test_pyrepr_is_already_what_black_writes(value: object) -> None:
    # The formatter skips lines that fit; that is only sound if black leaves literals alone.
    source = f"x = {pyrepr(value)}\n"
    # Longer lines are black's to split; black counts a wide (East Asian) character as two.
    assume(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in source) <= 89)
    assert black.format_str(source, mode=black.Mode()) == source


@given(hostile, st.integers(min_value=0, max_value=12))
def test_docstring_stays_one_string_literal(text: str, indent: int) -> None:
    source = "def f():\n    " + docstring(text, indent=4) + "\n    return 1\n"
    module = ast.parse(source)
    function = module.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 2
    first = function.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    assert isinstance(first.value.value, str)
    # Wrapping may move whitespace; everything else comes back as the spec wrote it.
    assert _visible(first.value.value) == _visible(text)


def _visible(text: str) -> str:
    return "".join(text.split())


@given(hostile)
def test_doc_inline_stays_inside_the_docstring_a_template_opened(text: str) -> None:
    source = '"""Models of ' + doc_inline(text) + '."""\nx = 1\n'
    module = ast.parse(source)
    assert [type(node) for node in module.body] == [ast.Expr, ast.Assign]
    first = module.body[0]
    assert isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    value = first.value.value
    assert isinstance(value, str) and "\n" not in value
    assert _visible(value) == _visible("Models of " + text + ".")


words = st.lists(
    st.one_of(st.from_regex(r"[A-Za-z(),.`'-]{1,14}", fullmatch=True), st.sampled_from(["\n", "\n\n"])),
    min_size=1,
    max_size=40,
).map(" ".join)


@given(words, st.sampled_from([4, 8]))
def test_docstring_is_already_what_black_writes(text: str, indent: int) -> None:
    # The formatter never sends a docstring to black, so the filter must print black's form:
    # one-line text stays on one line however long, closing quotes of longer text on their own.
    assume(text.strip())  # templates print no empty docstring
    pad = " " * indent
    source = "class A:\n    def f(self) -> None:\n" if indent == 8 else "def f() -> None:\n"
    source += pad + docstring(text, indent=indent) + "\n" + pad + "x = 1\n"
    assert black.format_str(source, mode=black.Mode()) == source


def test_docstring_keeps_ordinary_text_readable() -> None:
    assert docstring('Triggered by "Train Person Group" API.') == (
        '"""Triggered by "Train Person Group" API."""'
    )
    assert docstring("a \\ b") == '"""a \\\\ b"""'


@given(hostile)
def test_comment_cannot_escape_its_line(text: str) -> None:
    source = "x = 1  # " + comment(text) + "\ny = 2\n"
    module = ast.parse(source)
    assert [type(node) for node in module.body] == [ast.Assign, ast.Assign]
    assert all(line.lstrip().startswith(("#", "x = 1", "y = 2")) for line in source.splitlines())


@given(hostile)
def test_tomlstr_round_trips(text: str) -> None:
    assert tomllib.loads("key = " + tomlstr(text))["key"] == text


# Every character some reader of PKG-INFO / METADATA (the email parser, str.splitlines) could
# take for the end of a header line.
METADATA_BREAKS = ["\r", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", METADATA_BREAKS + ["\x00", "\t", "\x1b", "\x7f", "\x9b"])
def test_metadata_line_turns_each_break_and_control_into_one_space(char: str) -> None:
    title = f"Demo API{char}Requires-Dist: evil-pkg>=6.6"
    line = metadata_line(title)
    assert line == "Demo API Requires-Dist: evil-pkg>=6.6"
    decoded = tomllib.loads("description = " + tomlstr(line))["description"]
    headers = email.message_from_string(f"Summary: {decoded}\n\nbody")
    assert headers.items() == [("Summary", line)]


def test_metadata_line_collapses_runs_and_strips() -> None:
    assert metadata_line("  a \r\n\t\x00 b\u2028\u2029c  ") == "a b c"
    assert metadata_line(None) == ""
    assert metadata_line("caf\u00e9 \u540d\u524d") == "caf\u00e9 \u540d\u524d"


@given(hostile)
def test_metadata_line_is_one_line_after_toml_decodes_it(text: str) -> None:
    decoded = tomllib.loads("key = " + tomlstr(metadata_line(text)))["key"]
    assert decoded.splitlines() in ([decoded], [])
    assert decoded == decoded.strip() and "  " not in decoded
    assert not any(unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs") for char in decoded)


def test_markdown_makes_no_links_or_images() -> None:
    text = markdown("see ![x](https://t.example/p.gif) and [here](javascript:alert(1)) <b>")
    assert "[" not in text and "]" not in text and "<" not in text
    assert "https://t.example/p.gif" in text


@pytest.mark.parametrize(
    ("text", "closed_with"),
    [
        ("Example:\n```json\n{\"a\": 1}", "```"),
        ("~~~~\ncode\n~~~", "~~~~"),  # a shorter fence does not close a longer one
        ("intro\n   ```\nx", "```"),
        ("````\nx\n```", "````"),
        ("```\nx\n```", None),
        ("``` a`b\nnot a fence: a backtick in its info string", None),
        ("intro\n    ```\nindented four: code, not a fence", None),
        ("```\nx\n~~~\n``` trailing text does not close", "```"),
    ],
)
def test_markdown_closes_a_code_fence_the_text_left_open(
    text: str, closed_with: str | None
) -> None:
    """An unclosed fence in a description turned the rest of the README into code."""
    shown = markdown(text)
    if closed_with is None:
        assert shown == text
    else:
        assert shown == f"{text}\n{closed_with}"


_INLINE_SPECIAL = set("\\`*_[]|#<>~!")


@given(hostile)
def test_markdown_inline_is_one_line_with_every_markup_character_escaped(text: str) -> None:
    out = markdown_inline(text)
    assert not any(char in out for char in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    index = 0
    while index < len(out):
        char = out[index]
        if char == "\\":
            assert index + 1 < len(out), "a trailing backslash would escape what follows"
            assert out[index + 1] in _INLINE_SPECIAL
            index += 2
            continue
        assert char not in _INLINE_SPECIAL, (char, out)
        if char == "&":
            assert out.startswith("&amp;", index)
        index += 1


def test_markdown_inline_and_code_take_numbers_and_none() -> None:
    assert markdown_inline(3) == "3"
    assert markdown_inline(None) == ""
    assert markdown_code(2) == "` 2 `"
    assert markdown_code(None) == "`  `"
    assert markdown_code("a`b") == "`` a`b ``"


def _wrapped_by_textwrap(body: str, width: int) -> str:
    """`filters._wrapped` without its shortcut for lines that fit: textwrap for every line."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", body)]
    wrapped = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            stripped = line.lstrip(" ")
            lead = " " * min(len(line) - len(stripped), 12)
            lines.extend(
                textwrap.wrap(
                    stripped.rstrip(),
                    width=width,
                    initial_indent=lead,
                    subsequent_indent=lead + ("    " if lead else ""),
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or [""]
            )
        wrapped.append("\n".join(lines))
    return "\n\n".join(wrapped)


@settings(max_examples=500, deadline=None)
@given(
    body=st.text(alphabet=st.sampled_from(list("ab -\t\n\r\x0b\x0c\u00a0\u3000é")), max_size=120),
    width=st.integers(min_value=10, max_value=60),
)
def test_wrapping_a_line_that_fits_is_textwrap_s(body: str, width: int) -> None:
    assert filters._wrapped(body, width) == _wrapped_by_textwrap(body, width)
