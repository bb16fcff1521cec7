"""generator.swagger2.convert: Swagger 2.0 → OpenAPI 3.0, rule by rule, and the Azure Face corpus file."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openapi_spec_validator import validate
from support.tools import CORPUS

from generator.diagnostics import Diagnostic, Severity
from generator.load.refs import resolve_pointer
from generator.parse.api_parser import parse
from generator.swagger2.convert import convert, original_pointer
from generator.validate.spec_validator import semantic_problems

ROOT = Path(__file__).resolve().parents[3]
FACE_CORPUS = CORPUS / "azure-face-v1.1-preview.1.json"

OK = {"200": {"description": "ok"}}


def _doc(**fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {"swagger": "2.0", "info": {"title": "t", "version": "1"}}
    document.update(fields)
    document.setdefault("paths", {})
    return document


def _op(**fields: Any) -> dict[str, Any]:
    operation: dict[str, Any] = dict(fields)
    operation.setdefault("responses", copy.deepcopy(OK))
    return operation


def _convert(
    document: dict[str, Any], *, valid: bool = True
) -> tuple[dict[str, Any], list[tuple[str, str]], dict[str, str]]:
    """Convert, check the input is untouched and (by default) that the output is valid 3.0."""
    before = copy.deepcopy(document)
    out, diagnostics, pointers = convert(document)
    assert document == before
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    if valid:
        validate(out)
    return out, [(d.code, d.pointer) for d in diagnostics], pointers


# --- document shape -------------------------------------------------------------------------------


def test_root_fields_are_carried_and_swagger_becomes_openapi() -> None:
    document = _doc(
        tags=[{"name": "a", "description": "A"}],
        externalDocs={"url": "https://example.com/docs"},
        security=[{"key": []}],
        securityDefinitions={"key": {"type": "apiKey", "name": "k", "in": "header"}},
        consumes=["application/json"],
        produces=["application/json"],
        **{"x-top": {"$ref": "#/definitions/Untouched"}},
    )
    out, codes, _ = _convert(document)
    assert codes == []
    assert list(out) == [
        "openapi", "info", "tags", "externalDocs", "security", "components", "x-top", "paths",
    ]  # fmt: skip
    assert out["openapi"] == "3.0.3"
    assert out["info"] == {"title": "t", "version": "1"}
    assert out["tags"] == [{"name": "a", "description": "A"}]
    assert out["x-top"] == {"$ref": "#/definitions/Untouched"}


def test_components_move_and_refs_are_rewritten() -> None:
    document = _doc(
        paths={
            "/pets": {
                "get": _op(
                    parameters=[{"$ref": "#/parameters/limit"}],
                    responses={"200": {"$ref": "#/responses/Pets"}},
                )
            }
        },
        definitions={
            "Pet": {"type": "object", "properties": {"owner": {"$ref": "#/definitions/Owner"}}},
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
        parameters={"limit": {"name": "limit", "in": "query", "type": "integer"}},
        responses={
            "Pets": {
                "description": "pets",
                "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
            }
        },
    )
    out, codes, pointers = _convert(document)
    assert codes == []
    assert out["components"] == {
        "schemas": {
            "Pet": {
                "type": "object",
                "properties": {"owner": {"$ref": "#/components/schemas/Owner"}},
            },
            # An optional inline property accepts null (see test_optional_properties_accept_null).
            "Owner": {
                "type": "object",
                "properties": {"name": {"type": "string", "nullable": True}},
            },
        },
        "parameters": {"limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}},
        "responses": {
            "Pets": {
                "description": "pets",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Pet"},
                        }
                    }
                },
            }
        },
    }
    assert out["paths"]["/pets"]["get"] == {
        "parameters": [{"$ref": "#/components/parameters/limit"}],
        "responses": {"200": {"$ref": "#/components/responses/Pets"}},
    }
    assert pointers["/components/schemas"] == "/definitions"
    assert pointers["/components/parameters"] == "/parameters"
    assert pointers["/components/responses"] == "/responses"
    assert pointers["/components/parameters/limit/schema"] == "/parameters/limit"
    assert (
        original_pointer("/components/responses/Pets/content/application~1json/schema", pointers)
        == "/responses/Pets/schema"
    )


def test_extensions_are_copied_untouched_and_never_followed() -> None:
    examples = {"Get": {"$ref": "./examples/Get.json"}, "Local": {"$ref": "#/definitions/X"}}
    schema_extension = {"$ref": "#/definitions/X", "x-nullable": True, "type": "file"}
    document = _doc(
        paths={"/a": {"get": _op(**{"x-ms-examples": examples})}},
        definitions={"X": {"type": "string", "x-meta": schema_extension}},
    )
    out, codes, _ = _convert(document)
    assert codes == []
    assert out["paths"]["/a"]["get"]["x-ms-examples"] == examples
    assert out["components"]["schemas"]["X"] == {"type": "string", "x-meta": schema_extension}


def test_output_shares_nothing_with_the_input() -> None:
    shared = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    document = _doc(definitions={"A": shared, "B": shared}, **{"x-alias": shared})
    out, _, _ = _convert(document)
    schemas = out["components"]["schemas"]
    assert schemas["A"] == schemas["B"] == out["x-alias"] == shared
    assert schemas["A"] is not schemas["B"] and out["x-alias"] is not shared
    schemas["A"]["properties"]["a"]["type"] = "integer"
    assert shared["properties"]["a"] == {"type": "string"}


def test_a_document_that_is_not_swagger_2_is_an_error() -> None:
    _, diagnostics, _ = convert({"openapi": "3.0.0", "info": {}, "paths": {}})
    assert [(d.code, d.severity, d.pointer) for d in diagnostics] == [
        ("swagger2.version", Severity.ERROR, ""),
        ("swagger2.root-field", Severity.WARNING, "/openapi"),
    ]


# --- servers --------------------------------------------------------------------------------------


def test_host_base_path_and_schemes_become_servers_https_first() -> None:
    out, codes, pointers = _convert(
        _doc(host="api.example.com", basePath="/v1/", schemes=["http", "https"])
    )
    assert codes == []
    assert out["servers"] == [
        {"url": "https://api.example.com/v1"},
        {"url": "http://api.example.com/v1"},
    ]
    assert pointers["/servers/0"] == "/host"
    out, _, _ = _convert(_doc(host="api.example.com"))
    assert out["servers"] == [{"url": "https://api.example.com"}]


def test_base_path_without_host_is_a_relative_server() -> None:
    out, codes, _ = _convert(_doc(basePath="/v2"))
    assert (out["servers"], codes) == ([{"url": "/v2"}], [])
    out, codes, _ = _convert(_doc())
    assert ("servers" in out, codes) == (False, [])


def test_parameterized_host_becomes_a_templated_server() -> None:
    document = _doc(
        schemes=["https"],
        basePath="/v1",
        parameters={
            "Endpoint": {
                "name": "endpoint",
                "in": "path",
                "required": True,
                "type": "string",
                "description": "The endpoint.",
                "x-ms-skip-url-encoding": True,
            }
        },
        **{
            "x-ms-parameterized-host": {
                "hostTemplate": "{endpoint}.example.com/{region}/{version}",
                "parameters": [
                    {"$ref": "#/parameters/Endpoint"},
                    {"name": "region", "in": "path", "type": "string", "default": "west",
                     "enum": ["west", "east"]},
                    {"name": "version", "in": "path", "required": True, "type": "string",
                     "enum": ["2024-01-01"]},
                ],
            }
        },
    )  # fmt: skip
    out, codes, pointers = _convert(document)
    assert codes == []
    assert out["servers"] == [
        {
            "url": "https://{endpoint}.example.com/{region}/{version}/v1",
            "variables": {
                "endpoint": {
                    "default": "",
                    "description": "The endpoint.",
                    "x-ms-skip-url-encoding": True,
                },
                "region": {"default": "west", "enum": ["west", "east"]},
                "version": {"default": "2024-01-01", "enum": ["2024-01-01"]},
            },
        }
    ]
    assert pointers["/servers/0"] == "/x-ms-parameterized-host"
    assert pointers["/servers/0/variables/endpoint"] == "/parameters/Endpoint"
    assert pointers["/servers/0/variables/region"] == "/x-ms-parameterized-host/parameters/1"
    # The host parameter stays a (client-level) component parameter too.
    assert out["components"]["parameters"]["Endpoint"]["schema"] == {"type": "string"}


def test_parameterized_host_without_scheme_prefix_is_used_as_written() -> None:
    extension = {
        "hostTemplate": "{endpoint}/face",
        "useSchemePrefix": False,
        "parameters": [{"name": "endpoint", "in": "path", "required": True, "type": "string",
                        "format": "uri"}],
    }  # fmt: skip
    out, codes, _ = _convert(
        _doc(host="ignored.example.com", **{"x-ms-parameterized-host": extension})
    )
    assert out["servers"] == [
        {"url": "{endpoint}/face", "variables": {"endpoint": {"default": ""}}}
    ]
    assert codes == [
        ("swagger2.host", "/host"),
        ("swagger2.server-variable", "/x-ms-parameterized-host/parameters/0/format"),
    ]


# --- security -------------------------------------------------------------------------------------


def test_security_definitions_become_security_schemes() -> None:
    definitions = {
        "basic": {"type": "basic", "description": "user and password"},
        "key": {"type": "apiKey", "name": "X-Key", "in": "header", "x-extra": 1},
        "implicit": {"type": "oauth2", "flow": "implicit", "authorizationUrl": "https://a/auth",
                     "scopes": {"read": "Read"}},
        "password": {"type": "oauth2", "flow": "password", "tokenUrl": "https://a/token",
                     "scopes": {}},
        "application": {"type": "oauth2", "flow": "application", "tokenUrl": "https://a/token",
                        "scopes": {"s": ""}},
        "accessCode": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/auth",
                       "tokenUrl": "https://a/token", "scopes": {"s": "S"}},
    }  # fmt: skip
    out, codes, pointers = _convert(_doc(securityDefinitions=definitions))
    assert codes == []
    assert out["components"]["securitySchemes"] == {
        "basic": {"type": "http", "scheme": "basic", "description": "user and password"},
        "key": {"type": "apiKey", "name": "X-Key", "in": "header", "x-extra": 1},
        "implicit": {
            "type": "oauth2",
            "flows": {
                "implicit": {"authorizationUrl": "https://a/auth", "scopes": {"read": "Read"}}
            },
        },
        "password": {
            "type": "oauth2",
            "flows": {"password": {"tokenUrl": "https://a/token", "scopes": {}}},
        },
        "application": {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": "https://a/token", "scopes": {"s": ""}}},
        },
        "accessCode": {
            "type": "oauth2",
            "flows": {
                "authorizationCode": {
                    "authorizationUrl": "https://a/auth",
                    "tokenUrl": "https://a/token",
                    "scopes": {"s": "S"},
                }
            },
        },
    }
    assert pointers["/components/securitySchemes"] == "/securityDefinitions"
    assert (
        original_pointer("/components/securitySchemes/application/flows/clientCredentials/tokenUrl",
                         pointers)
        == "/securityDefinitions/application/tokenUrl"
    )  # fmt: skip


def test_security_scheme_problems_are_warnings() -> None:
    definitions = {
        "odd": {"type": "oauth2", "flow": "implicit", "tokenUrl": "https://a/t", "scopes": {}},
        "weird": {"type": "magic"},
    }
    _, codes, _ = _convert(_doc(securityDefinitions=definitions), valid=False)
    assert codes == [
        ("swagger2.oauth-flow", "/securityDefinitions/odd"),
        ("swagger2.oauth-flow", "/securityDefinitions/odd/tokenUrl"),
        ("swagger2.security-scheme", "/securityDefinitions/weird/type"),
    ]


# --- parameters -----------------------------------------------------------------------------------


def test_non_body_parameter_type_moves_into_schema() -> None:
    param = {
        "name": "size",
        "in": "query",
        "description": "Page size.",
        "required": False,
        "type": "integer",
        "format": "int32",
        "minimum": 1,
        "maximum": 100,
        "default": 10,
        "allowEmptyValue": True,
        "x-ms-parameter-location": "method",
    }
    header = {"name": "X-Id", "in": "header", "type": "string", "pattern": "^[a-z]+$",
              "maxLength": 8, "enum": ["ab", "cd"]}  # fmt: skip
    out, codes, pointers = _convert(_doc(paths={"/a": {"get": _op(parameters=[param, header])}}))
    assert codes == []
    assert out["paths"]["/a"]["get"]["parameters"] == [
        {
            "name": "size",
            "in": "query",
            "description": "Page size.",
            "required": False,
            "allowEmptyValue": True,
            "x-ms-parameter-location": "method",
            "schema": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 100,
                "default": 10,
            },
        },
        {
            "name": "X-Id",
            "in": "header",
            "schema": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 8,
                       "enum": ["ab", "cd"]},
        },
    ]  # fmt: skip
    assert (
        original_pointer("/paths/~1a/get/parameters/0/schema/maximum", pointers)
        == "/paths/~1a/get/parameters/0/maximum"
    )


def test_parameter_enum_extensions_are_kept_and_copied_into_the_schema() -> None:
    ms_enum = {
        "name": "Color",
        "modelAsString": True,
        "values": [{"value": "r", "name": "Red", "description": "red"}, {"value": "g"}],
    }
    param = {"name": "c", "in": "query", "type": "string", "enum": ["r", "g"],
             "x-ms-enum": ms_enum, "x-nullable": True}  # fmt: skip
    out, _, _ = _convert(_doc(paths={"/a": {"get": _op(parameters=[param])}}))
    assert out["paths"]["/a"]["get"]["parameters"][0] == {
        "name": "c",
        "in": "query",
        "x-ms-enum": ms_enum,
        "x-nullable": True,
        "schema": {
            "type": "string",
            "enum": ["r", "g"],
            "x-ms-enum": ms_enum,
            "x-enum-varnames": ["Red", "g"],
            "x-enum-descriptions": ["red", ""],
            "nullable": True,
        },
    }


def test_a_path_parameter_is_always_required() -> None:
    param = {"name": "id", "in": "path", "type": "string"}
    out, codes, _ = _convert(_doc(paths={"/a/{id}": {"get": _op(parameters=[param])}}))
    assert out["paths"]["/a/{id}"]["get"]["parameters"][0]["required"] is True
    assert codes == [("swagger2.path-required", "/paths/~1a~1{id}/get/parameters/0")]


ARRAY = {"type": "array", "items": {"type": "string"}}


@pytest.mark.parametrize(
    ("location", "collection_format", "expected", "warned"),
    [
        ("query", None, {"style": "form", "explode": False}, False),
        ("query", "csv", {"style": "form", "explode": False}, False),
        ("path", "csv", {"style": "simple"}, False),
        ("header", "csv", {"style": "simple"}, False),
        ("header", None, {"style": "simple"}, False),
        ("query", "multi", {"style": "form", "explode": True}, False),
        ("query", "ssv", {"style": "spaceDelimited", "explode": False}, False),
        ("query", "pipes", {"style": "pipeDelimited", "explode": False}, False),
        ("query", "tsv", {"x-collection-format": "tsv"}, False),
        ("header", "pipes", {"x-collection-format": "pipes"}, False),
        ("path", "ssv", {"x-collection-format": "ssv"}, False),
        ("header", "multi", {"x-collection-format": "multi"}, True),
    ],
)
def test_collection_formats_become_styles(
    location: str, collection_format: str | None, expected: dict[str, Any], warned: bool
) -> None:
    param: dict[str, Any] = {"name": "v", "in": location, "required": True, **ARRAY}
    if collection_format is not None:
        param["collectionFormat"] = collection_format
    path = "/a/{v}" if location == "path" else "/a"
    out, codes, _ = _convert(_doc(paths={path: {"get": _op(parameters=[param])}}))
    converted = out["paths"][path]["get"]["parameters"][0]
    assert converted == {"name": "v", "in": location, "required": True, **expected,
                         "schema": ARRAY}  # fmt: skip
    pointer = f"/paths/{path.replace('/', '~1')}/get/parameters/0/collectionFormat"
    assert codes == ([("swagger2.collection-format", pointer)] if warned else [])


def test_collection_formats_reach_the_client_as_styles() -> None:
    # What 3.0 cannot say is kept as x-collection-format and read back as a delimited style;
    # the runtime joins arrays by its delimiter (tests/unit/runtime/test_parameter_styles.py).
    params = [
        {"name": "p", "in": "path", "required": True, **ARRAY, "collectionFormat": "pipes"},
        {"name": "h", "in": "header", **ARRAY, "collectionFormat": "ssv"},
        {"name": "t", "in": "query", **ARRAY, "collectionFormat": "tsv"},
        {"name": "m", "in": "query", **ARRAY, "collectionFormat": "multi"},
        {"name": "c", "in": "header", **ARRAY},
    ]
    out, codes, _ = _convert(_doc(paths={"/a/{p}": {"get": _op(parameters=params)}}))
    assert codes == []
    api, diagnostics = parse(out, package_name="t")
    assert api is not None and not diagnostics, [d.format() for d in diagnostics]
    assert [(p.name, p.style, p.explode) for p in api.operations[0].parameters] == [
        ("p", "pipeDelimited", False),
        ("h", "spaceDelimited", False),
        ("t", "tabDelimited", False),
        ("m", "form", True),
        ("c", "simple", False),
    ]


def test_collection_format_on_a_scalar_or_nested_array_is_reported() -> None:
    scalar = {"name": "s", "in": "query", "type": "string", "collectionFormat": "csv"}
    nested = {
        "name": "n",
        "in": "query",
        "type": "array",
        "collectionFormat": "pipes",
        "items": {"type": "array", "collectionFormat": "csv", "items": {"type": "integer"}},
    }
    out, codes, _ = _convert(_doc(paths={"/a": {"get": _op(parameters=[scalar, nested])}}))
    assert out["paths"]["/a"]["get"]["parameters"] == [
        {"name": "s", "in": "query", "schema": {"type": "string"}},
        {"name": "n", "in": "query", "style": "pipeDelimited", "explode": False,
         "schema": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}}},
    ]  # fmt: skip
    assert codes == [
        ("swagger2.collection-format", "/paths/~1a/get/parameters/0/collectionFormat"),
        ("swagger2.collection-format", "/paths/~1a/get/parameters/1/items/collectionFormat"),
    ]


# --- request bodies -------------------------------------------------------------------------------


def test_body_parameter_becomes_request_body_per_consumed_media_type() -> None:
    body = {
        "name": "pet",
        "in": "body",
        "description": "The pet.",
        "required": True,
        "schema": {"$ref": "#/definitions/Pet"},
        "x-ms-client-flatten": True,
    }
    query = {"name": "dry", "in": "query", "type": "boolean"}
    document = _doc(
        consumes=["application/json"],
        paths={"/pets": {"post": _op(consumes=["application/json", "text/json"],
                                     parameters=[body, query])}},
        definitions={"Pet": {"type": "object"}},
    )  # fmt: skip
    out, codes, pointers = _convert(document)
    assert codes == []
    schema = {"$ref": "#/components/schemas/Pet"}
    assert out["paths"]["/pets"]["post"] == {
        "parameters": [{"name": "dry", "in": "query", "schema": {"type": "boolean"}}],
        "requestBody": {
            "description": "The pet.",
            "required": True,
            "content": {"application/json": {"schema": schema}, "text/json": {"schema": schema}},
            "x-ms-client-flatten": True,
            "x-ms-requestBody-name": "pet",
        },
        "responses": OK,
    }
    # The query parameter moved from index 1 to 0; the body's schema maps to the parameter's.
    assert pointers["/paths/~1pets/post/parameters/0"] == "/paths/~1pets/post/parameters/1"
    assert original_pointer("/paths/~1pets/post/parameters/0/schema/type", pointers) == (
        "/paths/~1pets/post/parameters/1/type"
    )
    assert original_pointer(
        "/paths/~1pets/post/requestBody/content/text~1json/schema/$ref", pointers
    ) == ("/paths/~1pets/post/parameters/0/schema/$ref")


def test_body_media_types_default_to_global_consumes_then_json() -> None:
    body = {"name": "b", "in": "body", "schema": {"type": "string"}}
    out, _, _ = _convert(
        _doc(consumes=["text/plain"], paths={"/a": {"put": _op(parameters=[body])}})
    )
    assert list(out["paths"]["/a"]["put"]["requestBody"]["content"]) == ["text/plain"]
    out, _, _ = _convert(_doc(paths={"/a": {"put": _op(parameters=[body])}}))
    assert list(out["paths"]["/a"]["put"]["requestBody"]["content"]) == ["application/json"]


def test_form_data_becomes_an_urlencoded_object_body() -> None:
    params = [
        {"name": "name", "in": "formData", "type": "string", "required": True,
         "description": "Name."},
        {"name": "tags", "in": "formData", "type": "array", "items": {"type": "string"},
         "collectionFormat": "multi"},
    ]  # fmt: skip
    out, codes, pointers = _convert(_doc(paths={"/a": {"post": _op(parameters=params)}}))
    assert codes == []
    assert out["paths"]["/a"]["post"]["requestBody"] == {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string", "description": "Name."},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["name"],
                },
                "encoding": {"tags": {"style": "form", "explode": True}},
            }
        },
        "required": True,
    }
    assert "parameters" not in out["paths"]["/a"]["post"]
    prop = "/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    assert original_pointer(prop + "/properties/tags/items", pointers) == (
        "/paths/~1a/post/parameters/1/items"
    )


def test_form_data_with_a_file_or_multipart_consumes_is_multipart() -> None:
    params = [
        {"name": "meta", "in": "formData", "type": "string"},
        {"name": "image", "in": "formData", "type": "file", "required": True},
    ]
    out, codes, _ = _convert(_doc(paths={"/a": {"post": _op(parameters=params)}}))
    assert codes == []
    assert out["paths"]["/a"]["post"]["requestBody"] == {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "meta": {"type": "string"},
                        "image": {"type": "string", "format": "binary"},
                    },
                    "required": ["image"],
                }
            }
        },
        "required": True,
    }
    only_text = [{"name": "meta", "in": "formData", "type": "string"}]
    operation = _op(consumes=["multipart/form-data"], parameters=only_text)
    out, _, _ = _convert(_doc(paths={"/a": {"post": operation}}))
    assert list(out["paths"]["/a"]["post"]["requestBody"]["content"]) == ["multipart/form-data"]


def test_shared_body_parameters_are_inlined_into_each_operation() -> None:
    document = _doc(
        paths={
            "/a": {
                "post": _op(consumes=["application/octet-stream"],
                            parameters=[{"$ref": "#/parameters/Image"},
                                        {"$ref": "#/parameters/Mode"}]),
            },
            "/b": {"put": _op(parameters=[{"$ref": "#/parameters/Image"}])},
        },
        parameters={
            "Image": {"name": "image", "in": "body", "required": True,
                      "schema": {"type": "string", "format": "binary"}},
            "Mode": {"name": "mode", "in": "query", "type": "string"},
            "Unused": {"name": "u", "in": "formData", "type": "string"},
        },
    )  # fmt: skip
    out, codes, pointers = _convert(document)
    assert out["components"]["parameters"] == {
        "Mode": {"name": "mode", "in": "query", "schema": {"type": "string"}}
    }
    schema = {"type": "string", "format": "binary"}
    assert out["paths"]["/a"]["post"] == {
        "parameters": [{"$ref": "#/components/parameters/Mode"}],
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": schema}},
            "x-ms-requestBody-name": "image",
        },
        "responses": OK,
    }
    assert out["paths"]["/b"]["put"]["requestBody"]["content"] == {
        "application/json": {"schema": schema}
    }
    assert pointers["/paths/~1a/post/parameters/0"] == "/paths/~1a/post/parameters/1"
    assert pointers["/paths/~1a/post/requestBody"] == "/parameters/Image"
    assert (
        original_pointer("/paths/~1b/put/requestBody/content/application~1json/schema", pointers)
        == "/parameters/Image/schema"
    )
    assert codes == [("swagger2.unused-body-parameter", "/parameters/Unused")]


def test_path_level_body_applies_to_every_operation_unless_overridden() -> None:
    document = _doc(
        paths={
            "/a/{id}": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "type": "string"},
                    {"name": "shared", "in": "body", "schema": {"type": "string"}},
                ],
                "put": _op(),
                "post": _op(parameters=[{"name": "own", "in": "body",
                                         "schema": {"type": "integer"}}]),
            }
        }
    )  # fmt: skip
    out, codes, _ = _convert(document)
    assert codes == []
    item = out["paths"]["/a/{id}"]
    assert item["parameters"] == [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    assert item["put"]["requestBody"] == {
        "content": {"application/json": {"schema": {"type": "string"}}},
        "x-ms-requestBody-name": "shared",
    }
    assert item["post"]["requestBody"] == {
        "content": {"application/json": {"schema": {"type": "integer"}}},
        "x-ms-requestBody-name": "own",
    }


def test_body_conflicts_and_unusable_media_types_are_reported() -> None:
    both = [
        {"name": "a", "in": "body", "schema": {"type": "string"}},
        {"name": "b", "in": "body", "schema": {"type": "integer"}},
        {"name": "f", "in": "formData", "type": "string"},
    ]
    form = [{"name": "f", "in": "formData", "type": "string"}]
    document = _doc(
        paths={
            "/a": {"post": _op(parameters=both)},
            "/b": {"post": _op(consumes=["application/json"], parameters=form)},
        }
    )
    out, codes, _ = _convert(document)
    assert out["paths"]["/a"]["post"]["requestBody"] == {
        "content": {"application/json": {"schema": {"type": "string"}}},
        "x-ms-requestBody-name": "a",
    }
    assert list(out["paths"]["/b"]["post"]["requestBody"]["content"]) == [
        "application/x-www-form-urlencoded"
    ]
    assert codes == [
        ("swagger2.extra-body", "/paths/~1a/post/parameters/1"),
        ("swagger2.extra-body", "/paths/~1a/post/parameters/2"),
        ("swagger2.form-consumes", "/paths/~1b/post/consumes"),
    ]


def test_a_broken_shared_part_is_reported_once() -> None:
    responses = {"200": {"description": "ok", "schema": {"type": "string"}}}
    document = _doc(
        produces="application/json",
        paths={"/a": {"get": _op(responses=responses), "put": _op(responses=responses)}},
    )
    out, codes, _ = _convert(document, valid=False)
    assert codes == [("swagger2.media-types", "/produces")]
    assert list(out["paths"]["/a"]["put"]["responses"]["200"]["content"]) == ["application/json"]


def test_header_collection_formats() -> None:
    headers = {
        "X-A": {"type": "array", "items": {"type": "string"}, "collectionFormat": "csv"},
        "X-B": {"type": "array", "items": {"type": "string"}, "collectionFormat": "pipes"},
    }
    responses = {"200": {"description": "ok", "headers": headers}}
    out, codes, _ = _convert(_doc(paths={"/a": {"get": _op(responses=responses)}}))
    array = {"type": "array", "items": {"type": "string"}}
    assert out["paths"]["/a"]["get"]["responses"]["200"]["headers"] == {
        "X-A": {"schema": array},
        "X-B": {"x-collection-format": "pipes", "schema": array},
    }
    assert codes == [
        ("swagger2.collection-format", "/paths/~1a/get/responses/200/headers/X-B/collectionFormat")
    ]


# --- responses ------------------------------------------------------------------------------------


def test_responses_get_content_headers_and_examples() -> None:
    responses = {
        "200": {
            "description": "ok",
            "schema": {"type": "object", "properties": {"id": {"type": "integer"}}},
            "headers": {
                "X-Rate": {"type": "integer", "format": "int32", "description": "Left."},
                "X-List": {"type": "array", "items": {"type": "string"}},
            },
            "examples": {"application/json": {"id": 1}, "text/csv": "id\n1"},
            "x-ms-meta": 1,
        },
        "204": {"description": "empty"},
    }
    document = _doc(
        produces=["application/xml"],
        paths={"/a": {"get": _op(produces=["application/json"], responses=responses)}},
    )
    out, codes, pointers = _convert(document)
    assert codes == []
    schema = {"type": "object", "properties": {"id": {"type": "integer", "nullable": True}}}
    assert out["paths"]["/a"]["get"]["responses"] == {
        "200": {
            "description": "ok",
            "content": {
                "application/json": {"schema": schema, "example": {"id": 1}},
                "text/csv": {"schema": schema, "example": "id\n1"},
            },
            "headers": {
                "X-Rate": {"description": "Left.",
                           "schema": {"type": "integer", "format": "int32"}},
                "X-List": {"schema": {"type": "array", "items": {"type": "string"}}},
            },
            "x-ms-meta": 1,
        },
        "204": {"description": "empty"},
    }  # fmt: skip
    base = "/paths/~1a/get/responses/200"
    assert pointers[base + "/content/application~1json"] == base
    assert original_pointer(base + "/content/text~1csv/schema/type", pointers) == (
        base + "/schema/type"
    )
    assert pointers[base + "/content/text~1csv/example"] == base + "/examples/text~1csv"
    assert pointers[base + "/headers/X-Rate/schema"] == base + "/headers/X-Rate"


def test_global_produces_apply_when_the_operation_has_none() -> None:
    responses = {"200": {"description": "ok", "schema": {"type": "string"}}}
    document = _doc(produces=["text/plain", "application/json"],
                    paths={"/a": {"get": _op(responses=responses)}})  # fmt: skip
    out, _, _ = _convert(document)
    assert out["paths"]["/a"]["get"]["responses"]["200"]["content"] == {
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "string"}},
    }


# --- schemas --------------------------------------------------------------------------------------


def test_schema_rules_apply_at_every_depth() -> None:
    definitions = {
        "Pet": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {
                "kind": {"type": "string"},
                "photo": {"type": "file"},
                "nick": {"type": "string", "x-nullable": True, "readOnly": True,
                         "example": "Rex"},
                "tags": {"type": "array", "items": {"type": "string", "x-nullable": True}},
                "extra": {"type": "object",
                          "additionalProperties": {"$ref": "#/definitions/Pet",
                                                   "x-nullable": False}},
            },
            "x-ms-discriminator-value": "pet",
        },
        "Cat": {
            "allOf": [{"$ref": "#/definitions/Pet"},
                      {"type": "object", "properties": {"lives": {"type": "integer"}}}],
            "x-ms-discriminator-value": "cat",
        },
        "Kitten": {"allOf": [{"$ref": "#/definitions/Cat"}], "x-ms-discriminator-value": "kit"},
    }  # fmt: skip
    out, codes, _ = _convert(_doc(definitions=definitions))
    assert codes == []
    assert out["components"]["schemas"] == {
        "Pet": {
            "type": "object",
            "discriminator": {
                "propertyName": "kind",
                "mapping": {
                    "pet": "#/components/schemas/Pet",
                    "cat": "#/components/schemas/Cat",
                    "kit": "#/components/schemas/Kitten",
                },
            },
            "required": ["kind"],
            "properties": {
                "kind": {"type": "string"},
                "photo": {"type": "string", "format": "binary", "nullable": True},
                "nick": {"type": "string", "nullable": True, "readOnly": True, "example": "Rex"},
                "tags": {"type": "array", "items": {"type": "string", "nullable": True},
                         "nullable": True},
                "extra": {"type": "object",
                          "additionalProperties": {"$ref": "#/components/schemas/Pet",
                                                   "nullable": False},
                          "nullable": True},
            },
            "x-ms-discriminator-value": "pet",
        },
        "Cat": {
            "allOf": [{"$ref": "#/components/schemas/Pet"},
                      {"type": "object",
                       "properties": {"lives": {"type": "integer", "nullable": True}}}],
            "x-ms-discriminator-value": "cat",
        },
        "Kitten": {"allOf": [{"$ref": "#/components/schemas/Cat"}],
                   "x-ms-discriminator-value": "kit"},
    }  # fmt: skip


def test_x_ms_enum_values_become_aligned_varnames_and_descriptions() -> None:
    ms_enum = {
        "name": "Status",
        "modelAsString": True,
        "values": [
            {"value": "b", "name": "Bee", "description": "second"},
            {"value": "a", "name": "Ay"},
        ],
    }
    definitions = {
        "Status": {"type": "string", "enum": ["a", "b", "c"], "x-ms-enum": ms_enum},
        "NoValues": {"type": "string", "enum": ["x"], "x-ms-enum": {"name": "N"}},
        "Given": {"type": "integer", "enum": [1], "x-ms-enum": {"values": [{"value": 1,
                  "name": "One"}]}, "x-enum-varnames": ["Uno"]},
    }  # fmt: skip
    out, codes, _ = _convert(_doc(definitions=definitions))
    assert codes == []
    schemas = out["components"]["schemas"]
    assert schemas["Status"] == {
        "type": "string",
        "enum": ["a", "b", "c"],
        "x-ms-enum": ms_enum,
        "x-enum-varnames": ["Ay", "Bee", "c"],
        "x-enum-descriptions": ["", "second", ""],
    }
    assert schemas["NoValues"] == definitions["NoValues"]
    assert schemas["Given"] == definitions["Given"]


def test_unknown_schema_keywords_are_dropped_with_a_warning() -> None:
    definitions = {
        "A": {"type": "object", "patternProperties": {"^x": {}}, "required": True,
              "properties": {"b": {"type": "int", "$schema": "x"}},
              "items": [{"type": "string"}]},
    }  # fmt: skip
    out, codes, _ = _convert(_doc(definitions=definitions))
    assert out["components"]["schemas"]["A"] == {
        "type": "object",
        "properties": {"b": {}},
        "items": {"type": "string"},
    }
    assert codes == [
        ("swagger2.schema-keyword", "/definitions/A/patternProperties"),
        ("swagger2.schema-required", "/definitions/A/required"),
        ("swagger2.type", "/definitions/A/properties/b/type"),
        ("swagger2.schema-keyword", "/definitions/A/properties/b/$schema"),
        ("swagger2.tuple-items", "/definitions/A/items"),
    ]


# --- x-ms-paths -----------------------------------------------------------------------------------


def test_x_ms_paths_merge_and_overloads_keep_their_own_key() -> None:
    document = _doc(
        paths={"/detect": {"post": _op(operationId="detectFromUrl")}},
        **{
            "x-ms-paths": {
                "/detect?_overload=detect&mode=a%20b": {"post": _op(operationId="detect")},
                "/other": {"get": _op(operationId="other")},
                "/detect": {"put": _op(operationId="clash")},
            }
        },
    )
    out, codes, pointers = _convert(document)
    assert list(out["paths"]) == ["/detect", "/detect?_overload=detect&mode=a%20b", "/other"]
    assert out["paths"]["/detect?_overload=detect&mode=a%20b"] == {
        "post": {
            "operationId": "detect",
            "responses": OK,
            "x-path": "/detect",
            "x-query-overload": {"_overload": "detect", "mode": "a b"},
        }
    }
    assert out["paths"]["/other"] == {"get": {"operationId": "other", "responses": OK}}
    assert pointers["/paths/~1other"] == "/x-ms-paths/~1other"
    assert original_pointer(
        "/paths/~1detect?_overload=detect&mode=a%20b/post/responses", pointers
    ) == ("/x-ms-paths/~1detect?_overload=detect&mode=a%20b/post/responses")
    assert codes == [("swagger2.paths", "/x-ms-paths/~1detect")]


# --- whatever is not understood -------------------------------------------------------------------


def test_everything_not_carried_over_is_a_warning_at_its_2_0_pointer() -> None:
    document = _doc(
        paths={
            "/a": {
                "get": _op(schemes=["http"], callbacks={}, parameters=[
                    {"name": "q", "in": "query", "type": "string", "schema": {}},
                    {"$ref": "#/parameters/Missing"},
                ]),
                "trace": {},
            }
        },
        webhooks={},
    )  # fmt: skip
    out, codes, _ = _convert(document, valid=False)
    assert codes == [
        ("swagger2.ref", "/paths/~1a/get/parameters/1/$ref"),
        ("swagger2.operation-schemes", "/paths/~1a/get/schemes"),
        ("swagger2.operation-field", "/paths/~1a/get/callbacks"),
        ("swagger2.parameter-field", "/paths/~1a/get/parameters/0/schema"),
        ("swagger2.path-item", "/paths/~1a/trace"),
        ("swagger2.root-field", "/webhooks"),
    ]
    assert out["paths"]["/a"]["get"]["parameters"][1] == {"$ref": "#/components/parameters/Missing"}
    assert all(d.severity is Severity.WARNING for d in convert(document)[1])


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4)
    | st.sampled_from(["2.0", "body", "formData", "query", "path", "array", "file", "csv",
                       "tsv", "multi", "oauth2", "#/definitions/A", "#/parameters/P"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(
        st.sampled_from(["type", "in", "name", "schema", "items", "$ref", "flow", "parameters",
                         "collectionFormat", "properties", "allOf", "x-nullable", "x-ms-enum",
                         "enum", "values", "value", "discriminator", "headers", "examples",
                         "hostTemplate", "200", "get", "post", "/a", "A", "P"]),
        inner,
        max_size=4,
    ),
    max_leaves=12,
)  # fmt: skip
_SECTIONS = st.fixed_dictionaries(
    {"swagger": st.just("2.0")},
    optional={
        key: _JSON
        for key in ("host", "basePath", "schemes", "consumes", "produces", "paths", "x-ms-paths",
                    "definitions", "parameters", "responses", "securityDefinitions",
                    "x-ms-parameterized-host", "security", "tags")
    },
)  # fmt: skip


@given(_SECTIONS)
def test_arbitrary_input_never_raises_and_is_never_mutated(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    out, diagnostics, pointers = convert(document)
    assert document == before
    assert out["openapi"] == "3.0.3" and isinstance(out["paths"], dict)
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in pointers.items())


# --- the pointer map ------------------------------------------------------------------------------


def test_original_pointer_maps_the_longest_whole_token_prefix() -> None:
    mapping = {
        "/components/schemas": "/definitions",
        "/components/schemas/A/x": "/elsewhere",
        "/paths/~1a/get/parameters/0": "/paths/~1a/get/parameters/2",
    }
    assert original_pointer("/components/schemas/A/properties/b", mapping) == (
        "/definitions/A/properties/b"
    )
    assert original_pointer("/components/schemas/A/x/y", mapping) == "/elsewhere/y"
    assert original_pointer("/components/schemas/A/xy", mapping) == "/definitions/A/xy"
    assert original_pointer("/components/schemas", mapping) == "/definitions"
    assert original_pointer("/paths/~1a/get/parameters/01", mapping) == (
        "/paths/~1a/get/parameters/01"
    )
    assert original_pointer("/info/title", mapping) == "/info/title"
    assert original_pointer("", mapping) == ""


# --- the Azure Face corpus file ------------------------------------------------------------------


@pytest.fixture(scope="module")
def face() -> tuple[dict[str, Any], dict[str, Any], tuple[Diagnostic, ...], dict[str, str], float]:
    original = json.loads(FACE_CORPUS.read_text(encoding="utf-8"))
    before = copy.deepcopy(original)
    started = time.perf_counter()
    out, diagnostics, pointers = convert(original)
    elapsed = time.perf_counter() - started
    assert original == before
    return original, out, diagnostics, pointers, elapsed


def test_face_corpus_converts_to_valid_openapi_3(face: Any) -> None:
    original, out, diagnostics, _, elapsed = face
    validate(out)
    assert semantic_problems(out) == []  # unique operationIds, path templates, no dangling $ref
    assert out["openapi"] == "3.0.3" and "swagger" not in out
    assert elapsed < 1.0
    # The one thing 3.0 cannot say: a server variable has no format.
    assert [(d.code, d.pointer) for d in diagnostics] == [
        ("swagger2.server-variable", "/x-ms-parameterized-host/parameters/0/format")
    ]
    operations = [
        operation
        for item in out["paths"].values()
        for method, operation in item.items()
        if method in ("get", "put", "post", "delete", "patch")
    ]
    overloads = [o for o in operations if "x-query-overload" in o]
    assert (len(operations), len(overloads)) == (84 + 17, 17)
    assert {o["operationId"] for o in operations} == {
        operation["operationId"]
        for section in ("paths", "x-ms-paths")
        for item in original[section].values()
        for operation in item.values()
    }
    detect = out["paths"]["/detect?_overload=detect"]["post"]
    assert (detect["x-path"], detect["x-query-overload"]) == ("/detect", {"_overload": "detect"})
    assert list(detect["requestBody"]["content"]) == ["application/octet-stream"]


def test_face_corpus_schemas(face: Any) -> None:
    original, out, _, pointers, _ = face
    schemas = out["components"]["schemas"]
    assert len(schemas) == len(original["definitions"]) == 80
    training = copy.deepcopy(original["definitions"]["TrainingResult"])
    training["properties"]["status"]["$ref"] = "#/components/schemas/OperationStatus"
    training["properties"]["message"]["nullable"] = True
    assert schemas["TrainingResult"] == training
    status = schemas["OperationStatus"]
    assert status["enum"] == ["notStarted", "running", "succeeded", "failed"]
    assert status["x-ms-enum"] == original["definitions"]["OperationStatus"]["x-ms-enum"]
    assert status["x-enum-varnames"] == ["notStarted", "running", "succeeded", "failed"]
    assert status["x-enum-descriptions"] == [
        "The operation is not started.",
        "The operation is still running.",
        "The operation is succeeded.",
        "The operation is failed.",
    ]
    assert schemas["FaceErrorResponse"] == {
        "type": "object",
        "description": "A response containing error details.",
        "properties": {
            "error": {"$ref": "#/components/schemas/FaceError", "description": "The error object."}
        },
        "required": ["error"],
    }
    assert original_pointer("/components/schemas/TrainingResult/required/0", pointers) == (
        "/definitions/TrainingResult/required/0"
    )


def test_face_corpus_server_template(face: Any) -> None:
    _, out, _, pointers, _ = face
    assert out["servers"] == [
        {
            "url": "{endpoint}/face/{apiVersion}",
            "variables": {
                "endpoint": {
                    "default": "",
                    "description": "Supported Cognitive Services endpoints (protocol and "
                    "hostname, for example:\nhttps://{resource-name}.cognitiveservices.azure.com).",
                    "x-ms-skip-url-encoding": True,
                },
                "apiVersion": {
                    "default": "v1.1-preview.1",
                    "description": "API Version",
                    "enum": ["v1.1-preview.1"],
                    "x-ms-enum": {
                        "name": "Versions",
                        "modelAsString": True,
                        "values": [
                            {
                                "name": "v1_1_preview_1",
                                "value": "v1.1-preview.1",
                                "description": "v1.1-preview.1",
                            }
                        ],
                    },
                },
            },
        }
    ]
    assert pointers["/servers/0/variables/apiVersion"] == "/x-ms-parameterized-host/parameters/1"


def test_face_corpus_extensions_untouched(face: Any) -> None:
    original, out, _, _, _ = face
    count = 0
    for section in ("paths", "x-ms-paths"):
        for key, item in original[section].items():
            for method, operation in item.items():
                assert out["paths"][key][method]["x-ms-examples"] == operation["x-ms-examples"]
                count += 1
    assert count == 101
    assert "/parameters/AddFaceRequest.imageContent" not in json.dumps(out)
    assert "AddFaceRequest.imageContent" not in out["components"]["parameters"]


def test_face_corpus_pointer_map_leads_into_the_original(face: Any) -> None:
    original, out, _, pointers, _ = face
    for old in pointers.values():
        resolve_pointer(original, old)  # raises KeyError when the map points nowhere

    def schema_pointers(node: Any, pointer: str) -> list[str]:
        found = []
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith("x-"):
                    continue
                child = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
                if key == "schema":
                    found.append(child)
                found.extend(schema_pointers(value, child))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                found.extend(schema_pointers(value, f"{pointer}/{index}"))
        return found

    every_schema = schema_pointers(out, "")
    assert len(every_schema) > 300
    for pointer in every_schema:
        resolve_pointer(original, original_pointer(pointer, pointers))


def test_optional_properties_accept_null_unless_they_say_otherwise() -> None:
    definitions = {
        "A": {
            "type": "object",
            "required": ["must"],
            "properties": {
                "must": {"type": "string"},
                "may": {"type": "string"},
                "never": {"type": "string", "x-nullable": False},
                "ref": {"$ref": "#/definitions/B"},
                "choice": {"type": "string", "enum": ["x"]},
                "untyped": {"description": "anything"},
            },
        },
        "B": {"type": "object"},
    }
    out, codes, _ = _convert(_doc(definitions=definitions))
    assert codes == []
    assert out["components"]["schemas"]["A"]["properties"] == {
        "must": {"type": "string"},
        "may": {"type": "string", "nullable": True},
        "never": {"type": "string", "nullable": False},
        "ref": {"$ref": "#/components/schemas/B"},
        "choice": {"type": "string", "enum": ["x"]},
        "untyped": {"description": "anything"},
    }
