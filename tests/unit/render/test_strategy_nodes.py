"""The strategy nodes and the line layouts the built-in templates print through filters.

Golden tests hold their output for whole specs; these pin each kind of type's strategy, and
check each layout against black itself, line by line, on the lengths where its choice flips.
"""

from __future__ import annotations

import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.ir.types import (
    Constraints,
    DiscriminatorCase,
    Polymorphism,
    TypeKind,
    TypeRef,
)
from generator.render.filters import black_docstring
from generator.render.layout import (
    flat,
    lay,
    lay_alias,
    lay_assignment,
    lay_class,
    lay_def,
    lay_entry,
    lay_method,
)
from generator.render.views.strategies import (
    instance_strategy,
    sized_pattern,
    subtypes_strategy,
    wire_strategy,
)

MODE = black.Mode(line_length=88)


def ref(kind: TypeKind, **fields: object) -> TypeRef:
    return TypeRef(pointer="/x", kind=kind, annotation="X", **fields)  # type: ignore[arg-type]


STRING = ref(TypeKind.STRING)
PET = ref(TypeKind.MODEL, target="Pet", strategy="pets", json_strategy="pets_json")


@pytest.mark.parametrize(
    ("t", "instance", "wire"),
    [
        (STRING, "_text()", "_text()"),
        (
            ref(
                TypeKind.STRING,
                format="uuid",
                constraints=Constraints(
                    min_length=1, max_length=3, python_pattern="a'\""
                ),
            ),
            '_text(min_size=1, max_size=3, pattern="a\'\\"", fmt="uuid")',
            '_text(min_size=1, max_size=3, pattern="a\'\\"", fmt="uuid")',
        ),
        (
            ref(TypeKind.INTEGER, format="int32", constraints=Constraints(minimum=0)),
            "_integers(minimum=0, exclusive_minimum=False, bits=32)",
            "_integers(minimum=0, exclusive_minimum=False, bits=32)",
        ),
        (
            ref(TypeKind.NUMBER, format="int64", constraints=Constraints(maximum=1.5)),
            "_floats(maximum=1.5, exclusive_maximum=False)",
            "_floats(maximum=1.5, exclusive_maximum=False)",
        ),
        (
            ref(TypeKind.STRING, constraints=Constraints(has_const=True, const="a")),
            'st.just("a")',
            'st.just("a")',
        ),
        (ref(TypeKind.BOOLEAN, nullable=True), "_or_none(depth, st.booleans())", None),
        (ref(TypeKind.DATETIME), "_aware_datetimes()", "_datetime_texts()"),
        (ref(TypeKind.DATE), "st.dates()", "st.dates().map(date.isoformat)"),
        (ref(TypeKind.ANY), "_json_values()", "_json_values()"),
        (ref(TypeKind.ANY, untyped=True), "_json_values()", "st.nothing()"),
        (
            ref(TypeKind.ENUM, target="Color"),
            "_enum_members(Color)",
            "_enum_json(Color)",
        ),
        (
            ref(
                TypeKind.ENUM,
                target="Color",
                constraints=Constraints(enum_values=("red",)),
            ),
            '_enum_allowed(Color, ("red",))',
            'st.sampled_from(("red",))',
        ),
        (
            PET,
            "st.deferred(lambda: pets(depth + 1))",
            "st.deferred(lambda: pets_json(depth + 1))",
        ),
        (
            ref(
                TypeKind.ARRAY,
                item=STRING,
                constraints=Constraints(min_items=1, max_items=2, unique_items=True),
            ),
            "_lists(depth, _text(), min_size=1, max_size=2)",
            "_lists(depth, _text(), min_size=1, max_size=2, unique=True)",
        ),
        (
            ref(TypeKind.MAP, item=ref(TypeKind.ANY, untyped=True)),
            "_dicts(depth, _json_values())",
            "st.builds(dict)",
        ),
        (
            ref(TypeKind.MAP, item=STRING, constraints=Constraints(min_properties=1)),
            "_dicts(depth, _text(), min_size=1)",
            "_dicts(depth, _text(), min_size=1)",
        ),
        (
            ref(
                TypeKind.UNION,
                variants=(STRING, PET),
                decoder="_decode_u",
                encoder="_encode_u",
                counter="_count_u",
            ),
            (
                "_told_apart(st.one_of(_text(), st.deferred(lambda: pets(depth + 1))),"
                " _decode_u, _encode_u)"
            ),
            (
                "_read_once(st.one_of(_text(), st.deferred(lambda: pets_json(depth + 1))),"
                " _count_u)"
            ),
        ),
        (
            ref(
                TypeKind.UNION,
                variants=(PET,),
                discriminator="kind",
                discriminator_mapping=(
                    DiscriminatorCase(
                        value="dog",
                        target="Pet",
                        strategy="pets",
                        json_strategy="pets_json",
                    ),
                ),
            ),
            'st.one_of(st.deferred(lambda: pets(depth + 1)).map(_tag_instance("kind", "dog")))',
            'st.one_of(st.deferred(lambda: pets_json(depth + 1)).map(_tag_json("kind", "dog")))',
        ),
    ],
)
def test_each_kind_has_its_strategies(
    t: TypeRef, instance: str, wire: str | None
) -> None:
    assert flat(instance_strategy(t)) == instance
    assert flat(instance_strategy(t, optional=True)) == f"_optional(depth, {instance})"
    assert flat(wire_strategy(t)) == (wire or instance)


def test_an_optional_one_of_property_may_be_left_out() -> None:
    union = ref(TypeKind.UNION, variants=(STRING,), counter="_count_u", nullable=True)
    assert flat(wire_strategy(union, optional=True)) == (
        "_or_absent(_or_none(depth, st.one_of(_text())), _count_u)"
    )
    assert flat(wire_strategy(union)) == (
        "_or_none(depth, _read_once(st.one_of(_text()), _count_u))"
    )
    assert flat(wire_strategy(STRING, optional=True)) == "_text()"


def test_lay_entry_lays_the_node_out_after_what_comes_before_it() -> None:
    node = {"head": "_lists", "args": ["depth", "x" * 50, "min_size=1"]}
    short = lay_entry(node, "    ", "a=")
    assert short == f"a=_lists(depth, {'x' * 50}, min_size=1),"
    long = lay_entry(node, "    ", "a" * 10 + "=")
    assert long == f"{'a' * 10}=_lists(\n        depth, {'x' * 50}, min_size=1\n    ),"


def assert_black_keeps(code: str) -> None:
    assert black.format_str(code, mode=MODE) == code


@pytest.mark.parametrize("size", [10, 50, 56, 57, 62, 63, 80, 83, 84, 85, 90])
def test_lay_def_is_what_black_writes(size: int) -> None:
    name = "s" * size
    head = lay_def(f"def {name}", "depth: int = 0", f"st.SearchStrategy[{'M' * size}]")
    if size > 84:
        # Not even the inside of the brackets fits: left long, for the formatter's black.
        assert max(len(line) for line in head.split("\n")) > 88
    else:
        assert_black_keeps(f"{head}\n    pass\n")


@pytest.mark.parametrize("size", [10, 40, 44, 45, 60, 70, 71, 72, 73, 74, 80, 90])
def test_lay_method_is_what_black_writes(size: int) -> None:
    name = "C" * size
    head = lay_method("def _missing_", "cls, value: object", f"{name} | None", "    ")
    assert_black_keeps(f"class A:\n    {head}\n        pass\n")


@pytest.mark.parametrize("size", [10, 70, 71, 72, 90])
def test_lay_class_is_what_black_writes(size: int) -> None:
    assert_black_keeps(f"{lay_class('C' * size, 'str, Enum')}\n    pass\n")


@pytest.mark.parametrize("size", [10, 70, 77, 78, 79, 84, 85, 90])
def test_lay_assignment_is_what_black_writes(size: int) -> None:
    value = '"' + "v" * size + '"'
    assert_black_keeps(f"class A:\n    {lay_assignment('NAME', value, '    ')}\n")


@pytest.mark.parametrize(
    ("target", "size"), [(8, 10), (8, 70), (8, 71), (8, 72), (8, 90), (80, 3)]
)
def test_lay_alias_is_what_black_writes(target: int, size: int) -> None:
    # An operation group's method: `train = Client.train_person_group`.
    alias = lay_alias("t" * target, "Client." + "m" * size, "    ")
    assert_black_keeps(f"class A:\n    {alias}\n")


def test_lay_assignment_leaves_non_ascii_to_black() -> None:
    value = '"' + "é" * 90 + '"'
    assert lay_assignment("NAME", value, "    ") == f"NAME = {value}"


@pytest.mark.parametrize(
    "text",
    [
        "Short.",
        "w " * 40,
        "w " * 41,
        "w " * 42,
        'ends with a "quote"',
        '"starts" with a quote',
        "two\n\nparagraphs " + "w " * 40,
    ],
)
@pytest.mark.parametrize("indent", [0, 4])
def test_black_docstring_is_what_black_writes(text: str, indent: int) -> None:
    written = black_docstring(text, indent)
    assert_black_keeps(f"def f():\n    {written}\n" if indent else f"{written}\n")


def test_the_strategies_partial_prints_the_filters_nodes() -> None:
    from generator.render.engine import make_environment

    template = make_environment().from_string(
        '{% from "package/_strategies.j2" import instance, optional_instance, wire,'
        " optional_wire %}"
        '{{ instance(t, "", 0, 0) }}|{{ optional_instance(t, "", 0, 0) }}|'
        '{{ wire(t, "", 0, 0) }}|{{ optional_wire(t, "", 80, 0) }}'
    )
    union = ref(
        TypeKind.UNION, variants=(PET,), counter="_count_u", decoder="_d", encoder="_e"
    )
    assert template.render(t=union).split("|") == [
        "_told_apart(st.one_of(st.deferred(lambda: pets(depth + 1))), _d, _e)",
        "_optional(depth, _told_apart(st.one_of(st.deferred(lambda: pets(depth + 1))), _d, _e))",
        "_read_once(st.one_of(st.deferred(lambda: pets_json(depth + 1))), _count_u)",
        "_or_absent(\n    st.one_of(st.deferred(lambda: pets_json(depth + 1))), _count_u\n)",
    ]


@pytest.mark.parametrize(
    ("pattern", "min_length", "max_length", "expected"),
    [
        (r"^[a-z]+\Z", 20, None, r"^[a-z]{20,}\Z"),
        (r"^[a-z]+\Z", None, 8, r"^[a-z]{1,8}\Z"),
        (r"^\d*$", 2, 5, r"^\d{2,5}$"),
        (r"^x{3,}\Z", None, 10, r"^x{3,10}\Z"),
        (r"^[^\]]{2,9}\Z", 4, 6, r"^[^\]]{4,6}\Z"),
        # Left as written: no length given, more than one atom, or no string can satisfy both.
        (r"^[a-z]+\Z", None, None, r"^[a-z]+\Z"),
        (r"^[0-9a-f]{8}-[0-9a-f]{4}\Z", 1, None, r"^[0-9a-f]{8}-[0-9a-f]{4}\Z"),
        (r"^x{5}\Z", None, 3, r"^x{5}\Z"),
        (r"[a-z]+", 3, None, r"[a-z]+"),
    ],
)
def test_a_one_atom_pattern_takes_the_length_bounds(
    pattern: str, min_length: int | None, max_length: int | None, expected: str
) -> None:
    assert sized_pattern(pattern, min_length, max_length) == expected


@settings(max_examples=200, deadline=None)
@given(
    cases=st.lists(
        st.tuples(
            st.from_regex(r"#[a-zA-Z.]{1,60}", fullmatch=True),
            # A strategy's name is an identifier (naming never gives a keyword).
            st.from_regex(r"[a-z][a-z_]{0,70}", fullmatch=True).filter(
                lambda name: not keyword.iskeyword(name)
            ),
        ),
        min_size=1,
        max_size=12,
    ),
    kind=st.sampled_from(["instance", "json"]),
)
def test_a_base_s_subtypes_strategy_is_laid_out_as_black_does(
    cases: list[tuple[str, str]], kind: str
) -> None:
    # Graph's entity base has hundreds of subtypes: one call far too long for any line.
    poly = Polymorphism(
        pointer="/x",
        discriminator="@odata.type",
        subtypes=tuple(
            DiscriminatorCase(
                value=value, target="X", strategy=name, json_strategy=name + "_json"
            )
            for value, name in cases
        ),
    )
    laid = lay(subtypes_strategy(poly, kind), "    ", 11, 0)
    code = f"def f(depth: int = 0) -> Any:\n    return {laid}\n"
    assert black.format_str(code, mode=MODE) == code


@pytest.mark.parametrize("value", range(30, 75))
def test_a_subtype_s_map_stays_on_the_closing_line_exactly_while_it_fits(
    value: int,
) -> None:
    # `).map(_tag_json(...)),` after `st.deferred(` over its lambda: black keeps it on that
    # line up to the last column, and splits at `.map(` one column later.
    case = DiscriminatorCase(
        value="#" + "v" * value, target="X", strategy="s" * 50, json_strategy="j" * 50
    )
    poly = Polymorphism(pointer="/x", discriminator="@odata.type", subtypes=(case,))
    laid = lay(subtypes_strategy(poly, "json"), "    ", 11, 0)
    code = f"def f(depth: int = 0) -> Any:\n    return {laid}\n"
    assert black.format_str(code, mode=MODE) == code
