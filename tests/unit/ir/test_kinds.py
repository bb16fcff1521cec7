"""generator/ir/kinds.py: one table says what each type kind means; the others read it."""

from __future__ import annotations

import pytest

from generator import naming
from generator.ir.kinds import (
    FORMAT_KINDS,
    KIND_FACTS,
    PYTHON_CLASS_NAMES,
    TypeKind,
    container_annotation,
    scalar_annotation,
)
from generator.ir.types import TypeRef


def test_every_kind_has_its_facts() -> None:
    assert set(KIND_FACTS) == set(TypeKind)


def test_decode_and_encode_orders_put_the_specific_shapes_first() -> None:
    decode = sorted(TypeKind, key=lambda k: KIND_FACTS[k].decode_order)
    assert decode.index(TypeKind.INTEGER) < decode.index(TypeKind.NUMBER)  # 3 is an int
    assert decode.index(TypeKind.DATETIME) < decode.index(TypeKind.STRING)
    assert decode[-1] is TypeKind.ANY
    encode = sorted(TypeKind, key=lambda k: KIND_FACTS[k].encode_order)
    assert encode.index(TypeKind.BOOLEAN) < encode.index(TypeKind.INTEGER)  # bool is an int
    assert encode.index(TypeKind.DATETIME) < encode.index(TypeKind.DATE)  # and a date
    assert encode.index(TypeKind.ENUM) < encode.index(TypeKind.STRING)  # str-based enums
    assert encode[-1] is TypeKind.ANY


def test_annotations_come_from_the_table() -> None:
    assert scalar_annotation(TypeKind.DATETIME) == "datetime"
    assert scalar_annotation(TypeKind.ANY) == "Any"
    assert container_annotation(TypeKind.MAP, "int | None") == "dict[str, int | None]"
    with pytest.raises(ValueError, match="array"):
        scalar_annotation(TypeKind.ARRAY)
    assert FORMAT_KINDS["date-time"] is TypeKind.DATETIME and FORMAT_KINDS["date"] is TypeKind.DATE
    assert FORMAT_KINDS["byte"] is TypeKind.BYTES and FORMAT_KINDS["http-date"] is TypeKind.HTTP_DATE
    assert "uuid" not in FORMAT_KINDS  # a plain str


def test_type_refs_and_naming_read_the_table() -> None:
    number = TypeRef(pointer="", kind=TypeKind.NUMBER, annotation="float")
    assert number.runtime_class == "(int, float)" and number.json_native
    date = TypeRef(pointer="", kind=TypeKind.DATE, annotation="date")
    assert date.runtime_class == "date" and not date.json_native
    # A field may not shadow a class the annotations use.
    assert PYTHON_CLASS_NAMES <= naming.RESERVED_FIELD_NAMES
    assert naming.codec_name("array", "str", False) == "list_str"
    assert naming.codec_name("map", "Pet", True) == "dict_nullable_Pet"
