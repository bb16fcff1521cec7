"""The parser's reading of XML bodies and the `xml` object (generator/parse/xml_shapes.py):
which bodies are XML models, each model's `XmlModel` (names, attributes, wrapped arrays and
their items, namespaces, prefixes, `x-ms-text`), located warnings for `xml` values it cannot
use, and the same on OpenAPI 3.0, 3.1 and Swagger 2.0."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from generator.ir.nodes import Api, Model
from generator.ir.requests import BodyEncoding
from generator.ir.xml import XmlNode
from generator.parse.api_parser import parse
from generator.swagger2.convert import convert

PET = {
    "type": "object",
    "xml": {"name": "pet", "namespace": "urn:pets", "prefix": "p"},
    "required": ["id", "tags"],
    "properties": {
        "id": {"type": "integer", "xml": {"attribute": True}},
        "name": {"type": "string", "xml": {"name": "Name"}},
        "tags": {
            "type": "array",
            "xml": {"wrapped": True, "name": "Tags"},
            "items": {"type": "string", "xml": {"name": "tag"}},
        },
        "photos": {"type": "array", "items": {"type": "string"}},
        "owner": {"$ref": "#/components/schemas/Owner"},
        "friends": {"type": "array", "items": {"$ref": "#/components/schemas/Owner"}},
        "status": {"$ref": "#/components/schemas/Status"},
        "note": {"type": "string", "xml": {"x-ms-text": True}},
        "labels": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}
OWNER = {
    "type": "object",
    "xml": {"name": "person", "namespace": "urn:people"},
    "properties": {"name": {"type": "string"}},
}


def _spec(
    version: str = "3.0.3", media_type: str = "application/xml"
) -> dict[str, Any]:
    content = {media_type: {"schema": {"$ref": "#/components/schemas/Pet"}}}
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/pets": {
                "put": {
                    "operationId": "putPet",
                    "requestBody": {"required": True, "content": content},
                    "responses": {"200": {"description": "ok", "content": content}},
                }
            }
        },
        "components": {
            "schemas": {
                "Pet": copy.deepcopy(PET),
                "Owner": copy.deepcopy(OWNER),
                "Status": {"type": "integer", "enum": [1, 2]},
                "Unused": {"type": "object", "properties": {"a": {"type": "string"}}},
            }
        },
    }


def _parse(spec: dict[str, Any]) -> tuple[Api, list[tuple[str, str]]]:
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    return api, [
        (d.code, d.pointer) for d in diagnostics if d.severity.value == "warning"
    ]


def _model(api: Api, name: str) -> Model:
    return next(m for m in api.models if m.class_name == name)


def _nodes(model: Model) -> dict[str, XmlNode]:
    assert model.xml is not None
    return {n.key: n for n in model.xml.properties}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize(
    "media_type", ["application/xml", "text/xml", "application/atom+xml"]
)
def test_an_xml_model_body_is_the_model_both_ways(
    version: str, media_type: str
) -> None:
    api, warnings = _parse(_spec(version, media_type))
    assert warnings == []
    (operation,) = api.operations
    assert operation.body is not None and operation.body.encoding is BodyEncoding.XML
    assert (
        operation.body.annotation == "Pet" and operation.body.media_type == media_type
    )
    (response,) = operation.responses
    assert response.body_kind == "xml" and response.type is not None
    assert operation.return_annotation == "Pet"


def test_every_model_the_body_holds_gets_its_xml_form_and_no_other() -> None:
    api, _ = _parse(_spec())
    pet, owner = _model(api, "Pet"), _model(api, "Owner")
    assert pet.xml is not None and owner.xml is not None
    assert _model(api, "Unused").xml is None
    assert (pet.xml.name, pet.xml.namespace, pet.xml.prefix) == ("pet", "urn:pets", "p")
    assert pet.xml.pointer == "/components/schemas/Pet"
    assert (owner.xml.name, owner.xml.namespace, owner.xml.prefix) == (
        "person",
        "urn:people",
        None,
    )


def test_property_names_attributes_arrays_and_text() -> None:
    api, _ = _parse(_spec())
    nodes = _nodes(_model(api, "Pet"))
    assert (
        nodes["id"].attribute and nodes["id"].kind == "integer" and nodes["id"].required
    )
    assert nodes["name"].name == "Name" and nodes["name"].kind == "string"
    tags = nodes["tags"]
    assert (tags.name, tags.wrapped, tags.kind, tags.required) == (
        "Tags",
        True,
        "array",
        True,
    )
    assert tags.item is not None and tags.item.name == "tag"
    assert tags.pointer == "/components/schemas/Pet/properties/tags"
    assert tags.item.pointer == "/components/schemas/Pet/properties/tags/items"
    photos = nodes["photos"]
    assert (
        not photos.wrapped and photos.item is not None and photos.item.name == "photos"
    )
    assert nodes["note"].text
    assert (
        nodes["status"].kind == "integer"
    )  # an integer enum's text is read as a number
    labels = nodes["labels"]
    assert (
        labels.kind == "map"
        and labels.item is not None
        and labels.item.kind == "integer"
    )


def test_a_referenced_model_lends_items_its_name_and_properties_its_namespace() -> None:
    api, _ = _parse(_spec())
    nodes = _nodes(_model(api, "Pet"))
    owner = nodes["owner"]
    assert (owner.name, owner.kind, owner.target) == ("owner", "model", "Owner")
    assert owner.namespace == "urn:people"
    friends = nodes["friends"]
    assert friends.item is not None and friends.item.name == "person"
    assert friends.item.target == "Owner"


def test_a_model_used_as_json_and_as_xml_is_one_model() -> None:
    spec = _spec()
    spec["paths"]["/pets"]["get"] = {
        "responses": {
            "200": {
                "description": "ok",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                },
            }
        }
    }
    api, _ = _parse(spec)
    assert [m.class_name for m in api.models].count("Pet") == 1
    assert _model(api, "Pet").xml is not None
    assert {r.body_kind for o in api.operations for r in o.responses} == {"json", "xml"}


def test_json_is_still_preferred_when_a_body_offers_both() -> None:
    spec = _spec()
    ref = {"schema": {"$ref": "#/components/schemas/Pet"}}
    spec["paths"]["/pets"]["put"]["requestBody"]["content"] = {
        "application/xml": ref,
        "application/json": ref,
    }
    spec["paths"]["/pets"]["put"]["responses"]["200"]["content"] = {
        "application/xml": ref,
        "application/json": ref,
    }
    api, _ = _parse(spec)
    (operation,) = api.operations
    assert operation.body is not None and operation.body.encoding is BodyEncoding.JSON
    assert operation.responses[0].body_kind == "json"
    assert _model(api, "Pet").xml is None


@pytest.mark.parametrize(
    ("media_type", "annotation", "kind"),
    [("application/xml", "bytes | IO[bytes] | FilePart", "bytes"), ("text/xml", "str", "text")],
)
def test_an_xml_body_that_is_no_model_stays_raw(
    media_type: str, annotation: str, kind: str
) -> None:
    spec = _spec(media_type=media_type)
    array = {"type": "array", "items": {"type": "string"}}
    operation = spec["paths"]["/pets"]["put"]
    operation["requestBody"]["content"] = {media_type: {"schema": array}}
    operation["responses"]["200"]["content"] = {
        media_type: {"schema": {"type": "string"}}
    }
    api, _ = _parse(spec)
    (parsed,) = api.operations
    assert parsed.body is not None and parsed.body.annotation == annotation
    assert parsed.body.encoding is not BodyEncoding.XML
    assert parsed.responses[0].body_kind == kind and parsed.responses[0].type is None
    assert all(m.xml is None for m in api.models)


def test_xml_values_it_cannot_use_are_located_warnings() -> None:
    spec = _spec()
    properties = spec["components"]["schemas"]["Pet"]["properties"]
    properties["name"]["xml"] = {"name": "two words"}
    properties["photos"]["xml"] = {"attribute": True}
    properties["owner"] = {
        "allOf": [{"$ref": "#/components/schemas/Owner"}],
        "xml": "owner",
    }
    properties["labels"]["xml"] = {"namespace": 3, "prefix": "a:b"}
    api, warnings = _parse(spec)
    base = "/components/schemas/Pet/properties"
    assert sorted(warnings) == [
        ("xml-not-scalar", f"{base}/photos/xml/attribute"),
        ("xml-object-invalid", f"{base}/labels/xml/namespace"),
        ("xml-object-invalid", f"{base}/labels/xml/prefix"),
        ("xml-object-invalid", f"{base}/name/xml/name"),
        ("xml-object-invalid", f"{base}/owner/xml"),
    ]
    nodes = _nodes(_model(api, "Pet"))
    assert nodes["name"].name == "name" and not nodes["photos"].attribute
    assert nodes["owner"].name == "owner" and nodes["labels"].namespace is None


def test_swagger_2_xml_bodies_and_xml_objects() -> None:
    schemas = {
        "Pet": PET,
        "Owner": OWNER,
        "Status": {"type": "integer", "enum": [1, 2]},
    }
    definitions = json.loads(
        json.dumps(schemas).replace("#/components/schemas/", "#/definitions/")
    )
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "consumes": ["application/xml"],
        "produces": ["application/xml"],
        "paths": {
            "/pets": {
                "put": {
                    "operationId": "putPet",
                    "parameters": [
                        {
                            "in": "body",
                            "name": "pet",
                            "required": True,
                            "schema": {"$ref": "#/definitions/Pet"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"$ref": "#/definitions/Pet"},
                        }
                    },
                }
            }
        },
        "definitions": definitions,
    }
    converted, problems, _ = convert(swagger)
    assert not [p for p in problems if p.severity.value == "error"]
    api, _ = _parse(converted)
    (operation,) = api.operations
    assert operation.body is not None and operation.body.encoding is BodyEncoding.XML
    assert operation.responses[0].body_kind == "xml"
    nodes = _nodes(_model(api, "Pet"))
    assert nodes["tags"].wrapped and nodes["friends"].item is not None
    assert nodes["friends"].item.name == "person"
