"""Content types beyond JSON models (issue 19), as the parser sees them: merge-patch bodies
take null, multipart parts carry their encoding's content type, binary schemas are bytes under
any media type, and HTTP schemes other than bearer get an HttpCredential. OpenAPI 3.0, 3.1 and
Swagger 2.0 (converted) alike."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generator.ir.nodes import Api, BodyEncoding
from generator.parse.api_parser import parse
from generator.parse.bodies import is_binary_schema, response_kind
from generator.parse.merge_patch import with_patch_nulls
from generator.swagger2.convert import convert

INNER = {"type": "object", "properties": {"name": {"type": "string"}}}
PATCH = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "inner": {"$ref": "#/components/schemas/Inner"},
        "map": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Inner"}},
        "list": {"type": "array", "items": {"$ref": "#/components/schemas/Inner"}},
    },
}


def _spec(version: str, content: dict[str, Any], **extra: Any) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": "send",
        "requestBody": {"required": True, "content": content},
        "responses": {"204": {"description": "done"}},
    }
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"patch": operation}},
        "components": {"schemas": {"Inner": INNER, "Patch": PATCH}},
        **extra,
    }


def _api(spec: dict[str, Any]) -> Api:
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    return api


def _annotations(api: Api, model: str) -> dict[str, str]:
    [found] = [m for m in api.models if m.class_name == model]
    return {f.wire_name: f.annotation for f in found.fields}


MERGE_PATCH = {"application/merge-patch+json": {"schema": {"$ref": "#/components/schemas/Patch"}}}


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_merge_patch_bodies_take_null_in_every_optional_property(version: str) -> None:
    spec = _spec(version, MERGE_PATCH)
    before = copy.deepcopy(spec)
    api = _api(spec)
    assert spec == before  # the document is not changed, a copy is
    assert _annotations(api, "Patch") == {
        "id": "str",  # required: it stays as it is
        "inner": "Inner | None | Unset",
        "map": "dict[str, Inner | None] | None | Unset",
        "list": "list[Inner] | None | Unset",
    }
    assert _annotations(api, "Inner") == {"name": "str | None | Unset"}


def test_json_bodies_are_not_merge_patches() -> None:
    spec = _spec("3.0.3", {"application/json": {"schema": {"$ref": "#/components/schemas/Patch"}}})
    assert with_patch_nulls(spec) is spec
    assert _annotations(_api(spec), "Inner") == {"name": "str | Unset"}


def test_a_merge_patch_body_from_components_and_from_swagger_2() -> None:
    spec = _spec("3.0.3", {})
    spec["paths"]["/a"]["patch"]["requestBody"] = {"$ref": "#/components/requestBodies/P"}
    spec["components"]["requestBodies"] = {"P": {"content": MERGE_PATCH}}
    assert _annotations(_api(spec), "Inner") == {"name": "str | None | Unset"}
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "consumes": ["application/merge-patch+json"],
        "paths": {
            "/a": {
                "patch": {
                    "parameters": [
                        {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Patch"}}
                    ],
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
        "definitions": {"Inner": INNER, "Patch": copy.deepcopy(PATCH)},
    }
    swagger["definitions"]["Patch"]["properties"]["inner"]["$ref"] = "#/definitions/Inner"
    converted, _, _ = convert(swagger)
    assert _annotations(_api(converted), "Patch")["inner"] == "Inner | None | Unset"


@pytest.mark.parametrize(
    ("schema", "binary"),
    [
        ({"type": "string", "format": "binary"}, True),
        ({"format": "binary"}, True),
        ({"contentMediaType": "application/json"}, True),  # 3.1's bytes
        ({"type": "string", "contentMediaType": "image/png", "contentEncoding": "base64"}, False),
        ({"type": "string", "format": "byte"}, False),
        ({"type": "object", "format": "binary"}, False),
        ("binary", False),
    ],
)
def test_binary_schemas(schema: Any, binary: bool) -> None:
    assert is_binary_schema(schema) is binary
    media = {"schema": schema}
    assert response_kind("application/json", media) == ("bytes" if binary else "json")


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_raw_bodies_of_any_media_type_take_a_file_part(version: str) -> None:
    binary: dict[str, Any] = (
        {"type": "string", "format": "binary"}
        if version.startswith("3.0")
        else {"contentMediaType": "application/json"}
    )
    for content, media_type in [
        ({"application/json": {"schema": binary}}, "application/json"),
        ({"*/*": {"schema": binary}}, "*/*"),
        ({"image/png": {"schema": binary}, "image/jpeg": {"schema": binary}}, "image/png"),
    ]:
        [op] = _api(_spec(version, content)).operations
        assert op.body is not None
        assert (op.body.encoding, op.body.media_type) == (BodyEncoding.BINARY, media_type)
        assert op.body.annotation == "bytes | IO[bytes] | FilePart"


def test_multipart_parts_take_the_first_concrete_encoding_content_type() -> None:
    schema = {
        "type": "object",
        "properties": {
            name: {"type": "string", "format": "binary"}
            for name in ("jpg", "listed", "any", "json", "odd")
        },
    }
    content = {
        "multipart/form-data": {
            "schema": schema,
            "encoding": {
                "jpg": {"contentType": "image/jpg"},
                "listed": {"contentType": "image/png, image/jpeg"},
                "any": {"contentType": "*/*"},
                "json": {"contentType": "application/json"},
                "odd": {"contentType": "png"},
            },
        }
    }
    api, diagnostics = parse(_spec("3.0.3", content), package_name="t")
    assert api is not None
    [op] = api.operations
    assert op.body is not None
    assert op.body.part_content_types == (("jpg", "image/jpg"), ("listed", "image/png"))
    [odd] = [d for d in diagnostics if d.code == "media-type-malformed"]
    assert odd.pointer.endswith("/encoding/odd/contentType")
    fields = {f.wire_name: f.annotation for f in op.body.fields}
    assert fields["jpg"] == "bytes | IO[bytes] | FilePart | Unset"


def test_swagger_2_basic_auth_takes_an_http_credential() -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "securityDefinitions": {"basic": {"type": "basic"}},
        "security": [{"basic": []}],
        "paths": {"/a": {"get": {"responses": {"204": {"description": "done"}}}}},
    }
    converted, _, _ = convert(swagger)
    api, diagnostics = parse(converted, package_name="t")
    assert api is not None and not [d for d in diagnostics if d.code.startswith("security")]
    assert api.http_schemes == ("basic",)
    assert api.credential_types == ("HttpCredential",)


def test_a_json_response_that_may_come_as_bytes() -> None:
    spec = _spec("3.0.3", MERGE_PATCH)
    spec["paths"]["/a"]["patch"]["responses"] = {
        "200": {
            "description": "negotiated",
            "content": {
                "image/png": {"schema": {"type": "string", "format": "binary"}},
                "application/json": {"schema": {"$ref": "#/components/schemas/Inner"}},
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    }
    [op] = _api(spec).operations
    [response] = op.success_responses
    assert (response.media_type, response.bytes_media_types) == ("application/json", ("image/png",))
    assert op.return_annotation == "Inner | bytes"
