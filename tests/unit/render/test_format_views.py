"""What the views print for the typed formats (generator/render/views/codecs.py, strategies.py):
every typed format is read by its kind's decoder and written by its formatter, drawn as
values its wire form holds exactly, and its JSON drawn as the client writes it."""

from __future__ import annotations

import pytest

from generator.ir.kinds import KIND_FACTS, TypeKind
from generator.ir.types import TypeRef
from generator.render.layout import flat
from generator.render.views import codecs
from generator.render.views.strategies import instance_strategy, wire_strategy

TYPED = [kind for kind, facts in KIND_FACTS.items() if facts.wire_form]


def ref(kind: TypeKind, **fields: object) -> TypeRef:
    annotation = KIND_FACTS[kind].annotation
    return TypeRef(pointer="/x", kind=kind, annotation=annotation, **fields)  # type: ignore[arg-type]


def test_the_typed_formats() -> None:
    assert {kind.value for kind in TYPED} == {
        "bytes", "bytes-url", "duration", "duration-seconds", "duration-milliseconds",
        "unix-time", "http-date", "decimal",
    }  # fmt: skip


@pytest.mark.parametrize("kind", TYPED, ids=lambda kind: kind.value)
def test_decoding_and_encoding_use_the_kinds_runtime_functions(kind: TypeKind) -> None:
    facts = KIND_FACTS[kind]
    t = ref(kind)
    assert codecs.decode_expr(t, "v", "_runtime.") == f"_runtime.{facts.decoder}(v)"
    assert codecs.careful_decoder(t) == facts.decoder
    assert codecs.fast_read(t, False, "", ()) == f"_r = {facts.decoder}(_r)\n"
    expected = "v" if facts.formatter is None else f"{facts.formatter}(v)"  # a Decimal is JSON
    assert codecs.encode_expr(t, "v") == expected
    nullable = codecs.encode_expr(ref(kind, nullable=True), "v")
    assert nullable == ("v" if facts.json_native else f"None if v is None else {expected}")
    assert codecs.typed_format(t) == kind.value
    array = ref(TypeKind.ARRAY, item=t)
    assert codecs.typed_format(ref(TypeKind.MAP, item=array)) == kind.value
    assert codecs.header_reader(array, "'h'") == (
        "_http.header_list_as",
        ("headers", "'h'", f'"{kind.value}"'),
    )


def test_other_kinds_are_written_by_their_values_classes() -> None:
    assert codecs.typed_format(ref(TypeKind.DATETIME)) is None
    assert codecs.typed_format(ref(TypeKind.ARRAY, item=ref(TypeKind.STRING))) is None


@pytest.mark.parametrize(
    ("kind", "instance"),
    [
        (TypeKind.BYTES, "st.binary(max_size=24)"),
        (TypeKind.BYTES_URL, "st.binary(max_size=24)"),
        (TypeKind.DURATION, "st.timedeltas()"),
        (TypeKind.DURATION_SECONDS, "_float_durations()"),
        (TypeKind.DURATION_MILLISECONDS, "_float_durations()"),
        (TypeKind.UNIX_TIME, "_whole_second_datetimes()"),
        (TypeKind.HTTP_DATE, "_whole_second_datetimes()"),
        (TypeKind.DECIMAL, "_decimals()"),
    ],
)
def test_strategies_draw_what_the_wire_form_holds(kind: TypeKind, instance: str) -> None:
    t = ref(kind)
    assert flat(instance_strategy(t)) == instance
    # A Decimal is its own JSON; the others are drawn as instances the client writes.
    wire = instance if kind is TypeKind.DECIMAL else f'_as_json({instance}, "{kind.value}")'
    assert flat(wire_strategy(t)) == wire
