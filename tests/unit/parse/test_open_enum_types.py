"""Every use of an open enum is typed with the plain class of its unlisted values beside it
(`Colour | str`, `Size | int`), at any depth, and a union names each class once."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir.kinds import TypeKind
from generator.parse.api_parser import parse

_REF = {"$ref": "#/components/schemas/Colour"}
_SIZE = {"$ref": "#/components/schemas/Size"}


def _annotations(properties: dict[str, Any], version: str = "3.1.0") -> dict[str, str]:
    spec = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Colour": {"type": "string", "enum": ["red", "green"]},
                "Size": {"type": "integer", "enum": [1, 2]},
                "Thing": {"type": "object", "properties": properties},
            }
        },
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    thing = next(m for m in api.models if m.class_name == "Thing")
    return {f.wire_name: f.type.annotation for f in thing.fields}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_an_enum_anywhere_admits_its_unlisted_values(version: str) -> None:
    assert _annotations(
        {
            "colour": _REF,
            "size": _SIZE,
            "colours": {"type": "array", "items": _REF},
            "byName": {"type": "object", "additionalProperties": _SIZE},
            "inline": {"type": "string", "enum": ["a", "b"]},
        },
        version,
    ) == {
        "colour": "Colour | str",
        "size": "Size | int",
        "colours": "list[Colour | str]",
        "byName": "dict[str, Size | int]",
        "inline": "ThingInline | str",
    }


def test_a_union_names_each_class_once() -> None:
    assert _annotations(
        {
            "two": {"anyOf": [_REF, _SIZE]},
            "withText": {"anyOf": [_REF, {"type": "string"}]},
            "withNumber": {"anyOf": [_SIZE, {"type": "number"}]},
            "twoOfText": {"anyOf": [_REF, {"type": "string", "enum": ["x", "y"]}]},
        }
    ) == {
        "two": "Colour | str | Size | int",
        "withText": "Colour | str",
        "withNumber": "Size | float",
        "twoOfText": "Colour | str | ThingTwoOfTextOption2",
    }


def test_an_enum_reference_knows_the_class_of_its_unlisted_values() -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Size": {"type": "integer", "enum": [1, 2]},
                                   "T": {"type": "object", "properties": {"s": _SIZE}}}},
    }
    api, _ = parse(spec, package_name="t")
    assert api is not None
    (field,) = api.models[0].fields
    assert (field.type.kind, field.type.unknown_class, field.type.runtime_class) == (
        TypeKind.ENUM,
        "int",
        "int",
    )
    assert field.type.target == "Size"
