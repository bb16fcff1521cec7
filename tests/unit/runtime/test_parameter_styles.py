"""Parameter serialization at its source (generator/runtime/_wire.py): path, header and query
values by their OpenAPI style and explode, as RFC 6570 and the OpenAPI style tables write them
(the same forms Spector's `routes` and `parameters/collection-format` scenarios expect)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.runtime import _wire

PRIMITIVE = "blue"
ARRAY = ["blue", "black", "brown"]
OBJECT = {"R": 100, "G": 200, "B": 150}


@pytest.mark.parametrize(
    ("style", "explode", "expected"),
    [
        ("simple", False, ("blue", "blue,black,brown", "R,100,G,200,B,150")),
        ("simple", True, ("blue", "blue,black,brown", "R=100,G=200,B=150")),
        ("label", False, (".blue", ".blue,black,brown", ".R,100,G,200,B,150")),
        ("label", True, (".blue", ".blue.black.brown", ".R=100.G=200.B=150")),
        (
            "matrix",
            False,
            (";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
        ),
        (
            "matrix",
            True,
            (";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
        ),
    ],
)
def test_path_styles_follow_the_openapi_table(
    style: str, explode: bool, expected: tuple[str, str, str]
) -> None:
    got = tuple(
        _wire.quote_path(value, "color", style, explode, key="color")
        for value in (PRIMITIVE, ARRAY, OBJECT)
    )
    assert got == expected


def test_path_values_are_escaped_and_separators_are_not() -> None:
    # A comma, slash, dot or semicolon inside a value cannot pass for the style's separator
    # or change the path; the separators themselves go as they are.
    assert _wire.quote_path(["a,b", "c/d"], "p") == "a%2Cb,c%2Fd"
    assert _wire.quote_path(["a b", "c|d"], "p", "label", True) == ".a%20b.c%7Cd"
    assert _wire.quote_path({"k;=": "v?"}, "p", "matrix", True, key="p") == ";k%3B%3D=v%3F"
    assert _wire.quote_path("x y", "p", "matrix", key="a b") == ";a%20b=x%20y"
    assert _wire.quote_path({"é": True, "n": None}, "p", explode=True) == "%C3%A9=true,n="


def test_matrix_empty_values_name_the_parameter_alone() -> None:
    assert _wire.quote_path("", "p", "matrix", key="x") == ";x"
    assert _wire.quote_path(["", "b"], "p", "matrix", True, key="x") == ";x;x=b"


def test_an_empty_expansion_or_a_dot_segment_cannot_reach_the_path() -> None:
    for style in ("simple", "label", "matrix"):
        for empty in ([], {}):
            with pytest.raises(ValueError, match="item_id must not be empty"):
                _wire.quote_path(empty, "item_id", style, key="id")
    with pytest.raises(ValueError, match="must not be empty"):
        _wire.quote_path("", "item_id")
    assert _wire.quote_path("..", "p") == "%2E%2E"
    # label's own prefix before an empty value would be the segment `.`
    assert _wire.quote_path("", "p", "label") == "%2E"


def test_allow_reserved_keeps_reserved_characters_but_not_the_end_of_the_path() -> None:
    # Spector's reserved expansion: /routes/path/reserved-expansion/template/foo/bar%20baz
    assert _wire.quote_path("foo/bar baz", "p", allow_reserved=True) == "foo/bar%20baz"
    assert _wire.quote_path("a:b@c,d;e=f", "p", allow_reserved=True) == "a:b@c,d;e=f"
    # ? and # would start the query or the fragment; a lone % is escaped, %41 kept
    assert _wire.quote_path("a?b#c%41%zz", "p", allow_reserved=True) == "a%3Fb%23c%41%25zz"
    assert _wire.quote_path("a/../b/.", "p", allow_reserved=True) == "a/%2E%2E/b/%2E"


def test_swagger2_delimited_collection_formats_in_the_path() -> None:
    assert _wire.quote_path(["a", "b c"], "p", "pipeDelimited") == "a%7Cb%20c"
    assert _wire.quote_path(["a", "b"], "p", "tabDelimited") == "a%09b"


@pytest.mark.parametrize(
    ("explode", "style", "expected"),
    [
        (False, "simple", ("blue", "blue,black,brown", "R,100,G,200,B,150")),
        (True, "simple", ("blue", "blue,black,brown", "R=100,G=200,B=150")),
        (False, "pipeDelimited", ("blue", "blue|black|brown", "R,100,G,200,B,150")),
        (False, "tabDelimited", ("blue", "blue\tblack\tbrown", "R,100,G,200,B,150")),
    ],
)
def test_header_values_are_simple_and_never_escaped(
    explode: bool, style: str, expected: tuple[str, str, str]
) -> None:
    got = tuple(
        _wire.header_text("colors", value, explode, style) for value in (PRIMITIVE, ARRAY, OBJECT)
    )
    assert got == expected
    assert _wire.header_text("x", "a b/c,d") == "a b/c,d"


def _query(value: Any, style: str, explode: bool) -> list[tuple[str, Any]]:
    params: _wire.QueryItems = []
    _wire.add_query(params, "color", value, style, explode)
    return params


@pytest.mark.parametrize(
    ("style", "explode", "array", "obj"),
    [
        ("form", True, [("color", c) for c in ARRAY], [("R", "100"), ("G", "200"), ("B", "150")]),
        ("form", False, [("color", "blue,black,brown")], [("color", "R,100,G,200,B,150")]),
        ("spaceDelimited", False, [("color", "blue black brown")], [("color", "R 100 G 200 B 150")]),
        ("pipeDelimited", False, [("color", "blue|black|brown")], [("color", "R|100|G|200|B|150")]),
        ("tabDelimited", False, [("color", "blue\tblack\tbrown")], [("color", "R\t100\tG\t200\tB\t150")]),
        # exploded delimited styles (which the OpenAPI table leaves undefined) repeat the
        # name, one value each, as form does
        ("spaceDelimited", True, [("color", c) for c in ARRAY], [("R", "100"), ("G", "200"), ("B", "150")]),
        ("pipeDelimited", True, [("color", c) for c in ARRAY], [("R", "100"), ("G", "200"), ("B", "150")]),
        ("deepObject", True, [("color[0]", "blue"), ("color[1]", "black"), ("color[2]", "brown")],
         [("color[R]", "100"), ("color[G]", "200"), ("color[B]", "150")]),
    ],
)  # fmt: skip
def test_query_styles_follow_the_openapi_table(
    style: str, explode: bool, array: list[tuple[str, str]], obj: list[tuple[str, str]]
) -> None:
    assert _query(PRIMITIVE, style, explode) == [("color", "blue")]
    assert _query(ARRAY, style, explode) == array
    assert _query(OBJECT, style, explode) == obj
