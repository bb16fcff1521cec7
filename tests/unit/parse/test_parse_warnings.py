"""What the parser cannot generate is a warning at its JSON pointer, never a silent drop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.parse.api_parser import parse


def _spec(**operation: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"responses": {"204": {"description": "done"}}}
    base.update(operation)
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a/{id}": {"post": base}},
    }


def _warnings(spec: dict[str, Any]) -> list[tuple[str, str]]:
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    return [(d.code, d.pointer) for d in diagnostics if d.severity.value == "warning"]


def test_callbacks_links_and_webhooks() -> None:
    spec = _spec(
        parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        callbacks={"done": {"{$request.body#/url}": {"post": {"responses": {}}}}},
        responses={"204": {"description": "done", "links": {"self": {"operationId": "x"}}}},
    )
    spec["webhooks"] = {"ping": {"post": {"responses": {"200": {"description": "ok"}}}}}
    assert _warnings(spec) == [
        ("webhooks-unsupported", "/webhooks"),
        ("links-unsupported", "/paths/~1a~1{id}/post/responses/204/links"),
        ("callbacks-unsupported", "/paths/~1a~1{id}/post/callbacks"),
    ]


def test_a_security_scheme_no_credential_can_send_is_a_warning() -> None:
    """Spector's `SharedAccessKey` scheme gave the client no credential parameter and no word
    about it. Bearer tokens, header or query API keys and HTTP schemes an HttpCredential sends
    (`SharedAccessKey`, `basic`) say nothing; challenge schemes (`Digest`), scheme names that
    are not tokens, cookie API keys and mutual TLS are warned about."""
    spec = _spec(
        parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    )
    spec["components"] = {
        "securitySchemes": {
            "sas": {"type": "http", "scheme": "SharedAccessKey"},
            "basic": {"type": "http", "scheme": "basic"},
            "digest": {"type": "http", "scheme": "Digest"},
            "spaced": {"type": "http", "scheme": "Shared Key"},
            "bearer": {"type": "http", "scheme": "Bearer"},
            "header_key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "query_key": {"type": "apiKey", "in": "query", "name": "key"},
            "cookie_key": {"type": "apiKey", "in": "cookie", "name": "session"},
            "mtls": {"type": "mutualTLS"},
        }
    }
    assert _warnings(spec) == [
        ("security-scheme-unsupported", "/components/securitySchemes/digest"),
        ("security-scheme-unsupported", "/components/securitySchemes/spaced"),
        ("security-scheme-unsupported", "/components/securitySchemes/cookie_key"),
        ("security-scheme-unsupported", "/components/securitySchemes/mtls"),
    ]
    api, diagnostics = parse(spec, package_name="t")
    assert '"Digest"' in diagnostics[0].message
    assert api is not None
    assert api.http_schemes == ("SharedAccessKey", "basic")
    assert "HttpCredential" in api.credential_types


def test_parameter_styles_that_are_not_supported() -> None:
    spec = _spec(
        parameters=[
            {"name": "id", "in": "path", "required": True, "style": "form",
             "schema": {"type": "string"}},
            {"name": "q", "in": "query", "style": "simple", "schema": {"type": "string"}},
            {"name": "c", "in": "query", "content": {"application/json": {}}},
        ]
    )  # fmt: skip
    base = "/paths/~1a~1{id}/post/parameters"
    assert _warnings(spec) == [
        ("parameter-style", base + "/0/style"),
        ("parameter-style", base + "/1/style"),
        ("parameter-without-schema", base + "/2"),
    ]


def test_request_bodies_that_cannot_be_sent_as_described() -> None:
    path = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    empty = _spec(parameters=[path], requestBody={"content": {}})
    assert _warnings(empty) == [("request-body-empty", "/paths/~1a~1{id}/post/requestBody")]
    multipart = _spec(
        parameters=[path],
        requestBody={"content": {"multipart/form-data": {"schema": {"type": "string"}}}},
    )
    assert _warnings(multipart) == [
        (
            "multipart-body-shape",
            "/paths/~1a~1{id}/post/requestBody/content/multipart~1form-data/schema",
        )
    ]


def test_an_unknown_format_is_reported_once_with_its_first_place() -> None:
    spec = _spec(
        parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    )
    spec["components"] = {
        "schemas": {
            "A": {
                "type": "object",
                "properties": {
                    "at": {"type": "integer", "format": "unix-nanos"},
                    "again": {"type": "integer", "format": "unix-nanos"},
                    "price": {"type": "string", "format": "decimal"},
                    "id": {"type": "string", "format": "uuid"},
                    "size": {"type": "integer", "format": "int64"},
                },
            }
        }
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None
    found = [(d.code, d.pointer, d.message) for d in diagnostics]
    assert [(code, pointer) for code, pointer, _ in found] == [
        ("unknown-format", "/components/schemas/A/properties/price/format"),
        ("unknown-format", "/components/schemas/A/properties/at/format"),
    ]
    assert found[0][2].endswith("plain strings (this schema is the only one using it)")
    assert found[1][2].endswith("plain integers (2 schemas use it; this is the first)")
    assert {f.wire_name: f.type.annotation for f in api.models[0].fields} == {
        "at": "int", "again": "int", "price": "str", "id": "str", "size": "int"
    }


def test_a_property_with_an_empty_enum_is_left_out() -> None:
    spec = _spec(
        parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    )
    spec["components"] = {
        "schemas": {
            "A": {
                "type": "object",
                "properties": {"never": {"type": "string", "enum": []}, "ok": {"type": "string"}},
            }
        }
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None
    assert [(d.code, d.pointer) for d in diagnostics] == [
        ("property-never-valid", "/components/schemas/A/properties/never/enum")
    ]
    assert [f.wire_name for f in api.models[0].fields] == ["ok"]


def test_fields_of_the_wrong_type_are_tolerated_not_crashed_on() -> None:
    """The parser also runs on specs the validator only warned about: a scope list that is a
    number, a server enum that is a number, a list among enum values (also in x-enum-varnames
    and x-ms-enum) must give warnings and a package, not an internal error."""
    from generator.build.pipeline import generate

    spec = Path(__file__).resolve().parents[2] / "specs" / "odd-types.yaml"
    result = generate(spec, package="odd")
    assert result.ok, [d.format() for d in result.diagnostics]
    codes = sorted(d.code for d in result.diagnostics)
    assert codes == ["enum-value-type", "validate.schema", "validate.schema"]


def test_return_annotation_merges_only_top_level_members() -> None:
    """`str` (a text response) and `dict[str, list[Pet | str]]` (a JSON one) share `str` only
    inside brackets; merging must not take it out of the inner union."""
    from generator.parse.responses import _top_level_union

    assert _top_level_union("str | dict[str, list[Pet | str | None]] | None") == [
        "str",
        "dict[str, list[Pet | str | None]]",
        "None",
    ]


def test_an_operation_with_an_undeclared_path_variable_is_left_out(tmp_path: Path) -> None:
    """One wrong operation in a real spec costs that operation, not the whole API (as
    openapi-python-client does); the validator's warning names it, and --strict refuses."""
    from generator.build.pipeline import analyse

    ok = {"204": {"description": "done"}}
    path_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things/{thingId}": {"get": {"operationId": "getThing", "responses": ok}},
            "/others/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "get": {"operationId": "getOther", "responses": ok},
            },
        },
        "components": {"parameters": {"Id": path_id}},
    }
    file = tmp_path / "spec.json"
    file.write_text(json.dumps(spec))
    api, diagnostics = analyse(file, package="t")
    assert api is not None
    assert [o.operation_id for o in api.operations] == ["getOther"]
    assert [(d.code, d.severity.value, d.pointer) for d in diagnostics] == [
        ("validate.path-param-undeclared", "warning", "/paths/~1things~1{thingId}/get")
    ]
    assert "left out of the client" in diagnostics[0].message
    api, diagnostics = analyse(file, package="t", strict=True)
    assert api is None
    assert [(d.code, d.severity.value) for d in diagnostics] == [
        ("validate.path-param-undeclared", "error")
    ]
