"""Inheritance by discriminator and inherited extra keys, as the parser reads them, in OpenAPI
3.0, 3.1 and Swagger 2.0 (issue 19)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir.nodes import Api, Model
from generator.parse.api_parser import parse
from generator.swagger2.convert import convert


def _openapi(version: str, schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


def _parsed(spec: dict[str, Any]) -> tuple[Api, list[tuple[str, str]]]:
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    return api, [(d.code, d.pointer) for d in diagnostics if d.severity.value == "warning"]


def _models(api: Api) -> dict[str, Model]:
    return {m.class_name: m for m in api.models}


def _fish(ref: str) -> dict[str, Any]:
    """Fish (mapping for shark, implicit for Salmon), Shark with its own discriminator."""
    return {
        "Fish": {
            "type": "object",
            "required": ["age", "kind"],
            "properties": {"age": {"type": "integer"}, "kind": {"type": "string"}},
            "discriminator": {"propertyName": "kind", "mapping": {"shark": ref + "Shark"}},
        },
        "Shark": {
            "allOf": [{"$ref": ref + "Fish"}],
            "required": ["sharktype"],
            "properties": {
                "kind": {"type": "string", "enum": ["shark"]},
                "sharktype": {"type": "string"},
            },
            "discriminator": {"propertyName": "sharktype"},
        },
        "GoblinShark": {"allOf": [{"$ref": ref + "Shark"}, {"properties": {"x": {}}}]},
        "Salmon": {"allOf": [{"$ref": ref + "Fish"}, {"properties": {"y": {}}}]},
    }


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_subtypes_derive_from_their_base_and_are_listed_after_it(version: str) -> None:
    api, warnings = _parsed(_openapi(version, _fish("#/components/schemas/")))
    assert warnings == []
    models = _models(api)
    fish, shark = models["Fish"].polymorphism, models["Shark"].polymorphism
    assert fish is not None and shark is not None
    assert (fish.base, fish.discriminator) == ("", "kind")
    assert [(c.value, c.target) for c in fish.subtypes] == [
        ("shark", "Shark"),
        ("Salmon", "Salmon"),  # the implicit mapping: the schema's name
    ]
    assert (shark.base, shark.discriminator) == ("Fish", "sharktype")
    assert [(c.value, c.target) for c in shark.subtypes] == [("GoblinShark", "GoblinShark")]
    assert models["GoblinShark"].polymorphism.base == "Shark"  # type: ignore[union-attr]
    names = [m.class_name for m in api.models]
    assert names.index("Fish") < names.index("Shark") < names.index("GoblinShark")
    # A body without its discriminator is the base: the base's own may be absent.
    kind = next(f for f in models["Fish"].fields if f.wire_name == "kind")
    assert (kind.required, kind.schema_required, kind.annotation) == (False, True, "str | Unset")


def test_swagger_2_discriminator_names_a_property() -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "definitions": _fish("#/definitions/"),
    }
    swagger["definitions"]["Fish"]["discriminator"] = "kind"
    swagger["definitions"]["Shark"]["discriminator"] = "sharktype"
    swagger["definitions"]["Shark"]["x-ms-discriminator-value"] = "shark"
    api, _ = _parsed(convert(swagger)[0])
    fish = _models(api)["Fish"].polymorphism
    assert fish is not None
    assert sorted((c.value, c.target) for c in fish.subtypes) == [
        ("Salmon", "Salmon"),
        ("shark", "Shark"),
    ]
    assert _models(api)["Shark"].polymorphism.base == "Fish"  # type: ignore[union-attr]


def test_what_cannot_be_a_subclass_is_a_located_warning() -> None:
    schemas = _fish("#/components/schemas/")
    # A field the subtype retypes: the type checker would refuse the subclass.
    schemas["Salmon"]["allOf"][1]["properties"]["age"] = {"type": "string"}
    # A mapping to a schema that does not extend the base.
    schemas["Fish"]["discriminator"]["mapping"]["trout"] = "#/components/schemas/Trout"
    schemas["Trout"] = {"type": "object", "properties": {"kind": {"type": "string"}}}
    api, warnings = _parsed(_openapi("3.0.3", schemas))
    assert warnings == [
        ("subtype-not-subclass", "/components/schemas/Salmon"),
        ("discriminator-mapping-ignored", "/components/schemas/Fish/discriminator/mapping/trout"),
    ]
    models = _models(api)
    assert models["Salmon"].polymorphism is None
    assert [c.target for c in models["Fish"].polymorphism.subtypes] == ["Shark"]  # type: ignore[union-attr]


@pytest.mark.parametrize("key", ["additionalProperties", "unevaluatedProperties"])
def test_a_model_derived_from_a_record_keeps_its_extra_keys(key: str) -> None:
    schemas = {
        "Record": {"type": "object", "properties": {"name": {"type": "string"}},
                   key: {"type": "number"}},
        "Derived": {"allOf": [{"$ref": "#/components/schemas/Record"}],
                    "properties": {"index": {"type": "integer"}}},
        "Spread": {"type": "object", "properties": {"id": {"type": "string"}},
                   "allOf": [{"type": "object", key: {"type": "string"}}]},
        "Closed": {"allOf": [{"$ref": "#/components/schemas/Record"}],
                   "properties": {"z": {"type": "string"}}, key: False},
    }  # fmt: skip
    api, warnings = _parsed(_openapi("3.1.0", schemas))
    assert warnings == []
    models = _models(api)
    for name, annotation in (("Record", "float"), ("Derived", "float"), ("Spread", "str")):
        extra = models[name].additional
        assert extra is not None and extra.annotation == f"dict[str, {annotation}]", name
    assert models["Closed"].additional is None and models["Closed"].closed


def test_an_extra_keys_schema_that_is_not_one_is_a_warning() -> None:
    schemas = {"Odd": {"type": "object", "properties": {"a": {}}, "unevaluatedProperties": 3}}
    api, warnings = _parsed(_openapi("3.1.0", schemas))
    assert warnings == [
        ("unsupported-additional-properties", "/components/schemas/Odd/unevaluatedProperties")
    ]
    assert _models(api)["Odd"].additional is None


def test_unions_told_apart_by_different_properties_get_different_decoders() -> None:
    cat = {"type": "object", "properties": {"name": {"type": "string"}}}
    union = {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}
    schemas = {
        "Cat": cat,
        "Dog": cat,
        "ByKind": {**union, "discriminator": {"propertyName": "kind"}},
        "ByType": {**union, "discriminator": {"propertyName": "type"}},
        "Holder": {
            "type": "object",
            "properties": {
                "a": {"$ref": "#/components/schemas/ByKind"},
                "b": {"$ref": "#/components/schemas/ByType"},
            },
        },
    }
    api, _ = _parsed(_openapi("3.0.3", schemas))
    a, b = (f.type for f in _models(api)["Holder"].fields)
    assert (a.discriminator, b.discriminator) == ("kind", "type")
    assert a.decoder != b.decoder and a.encoder != b.encoder
    assert a.fit_variants == () and len(api.codecs) == 2


def test_swagger_2_record_extended_through_all_of_keeps_its_extra_keys() -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "definitions": {
            "Record": {"type": "object", "properties": {"name": {"type": "string"}},
                       "additionalProperties": {"type": "integer"}},
            "Derived": {"allOf": [{"$ref": "#/definitions/Record"},
                                  {"properties": {"index": {"type": "integer"}}}]},
        },
    }  # fmt: skip
    api, _ = _parsed(convert(swagger)[0])
    extra = _models(api)["Derived"].additional
    assert extra is not None and extra.annotation == "dict[str, int]"
