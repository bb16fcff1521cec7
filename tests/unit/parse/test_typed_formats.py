"""Which schemas become typed formats (generator/parse/schema_facts.py `typed_format_kind`), in
OpenAPI 3.0, 3.1 and Swagger 2.0, and what a schema that cannot say stays."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir.nodes import Api, Constraints, TypeKind
from generator.parse import schema_facts
from generator.parse.api_parser import parse
from generator.render.views.codecs import header_reader, typed_format
from generator.swagger2.convert import convert

FIELDS: dict[str, tuple[dict[str, Any], TypeKind, str]] = {
    "raw": ({"type": "string", "format": "byte"}, TypeKind.BYTES, "bytes"),
    "b64": ({"type": "string", "format": "base64"}, TypeKind.BYTES, "bytes"),
    "url": ({"type": "string", "format": "base64url"}, TypeKind.BYTES_URL, "bytes"),
    "iso": ({"type": "string", "format": "duration"}, TypeKind.DURATION, "timedelta"),
    "secs": ({"type": "number", "format": "seconds"}, TypeKind.DURATION_SECONDS, "timedelta"),
    "ms": (
        {"type": "number", "format": "milliseconds"},
        TypeKind.DURATION_MILLISECONDS,
        "timedelta",
    ),
    "unix": ({"type": "integer", "format": "unixtime"}, TypeKind.UNIX_TIME, "datetime"),
    "unix2": ({"type": "integer", "format": "unix-time"}, TypeKind.UNIX_TIME, "datetime"),
    "http": ({"type": "string", "format": "http-date"}, TypeKind.HTTP_DATE, "datetime"),
    "rfc7231": ({"type": "string", "format": "date-time-rfc7231"}, TypeKind.HTTP_DATE, "datetime"),
    "rfc1123": ({"type": "string", "format": "date-time-rfc1123"}, TypeKind.HTTP_DATE, "datetime"),
    "dec": ({"type": "number", "format": "decimal"}, TypeKind.DECIMAL, "Decimal"),
    "dec128": ({"type": "number", "format": "decimal128"}, TypeKind.DECIMAL, "Decimal"),
    # What OpenAPI cannot tell apart stays as it is: TypeSpec writes an int32 or float64
    # duration in seconds as a plain `format: int32` / `double`, and a decimal as text is text.
    "int32": ({"type": "integer", "format": "int32"}, TypeKind.INTEGER, "int"),
    "double": ({"type": "number", "format": "double"}, TypeKind.NUMBER, "float"),
    "text": ({"type": "string", "format": "decimal"}, TypeKind.STRING, "str"),
    "file": ({"type": "string", "format": "binary"}, TypeKind.STRING, "str"),
}


def _api(version: str, properties: dict[str, Any], **extra: Any) -> tuple[Api, list[str]]:
    spec = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"M": {"type": "object", "properties": properties}}},
        **extra,
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    return api, [d.code for d in diagnostics]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_formats_make_their_kinds(version: str) -> None:
    api, codes = _api(version, {name: schema for name, (schema, _, _) in FIELDS.items()})
    got = {f.wire_name: (f.type.kind, f.type.annotation) for f in api.models[0].fields}
    assert got == {name: (kind, hint) for name, (_, kind, hint) in FIELDS.items()}
    assert codes == ["unknown-format"]  # the decimal as text only


def test_content_encoding_of_3_1_makes_bytes() -> None:
    api, _ = _api(
        "3.1.0",
        {
            "a": {"type": "string", "contentEncoding": "base64"},
            "b": {"type": ["string", "null"], "contentEncoding": "base64url"},
            "c": {"type": "string", "contentEncoding": "base64", "format": "date-time"},
            "d": {"type": "string", "contentEncoding": "quoted-printable"},
        },
    )
    got = {f.wire_name: (f.type.kind, f.type.nullable) for f in api.models[0].fields}
    assert got == {
        "a": (TypeKind.BYTES, False),
        "b": (TypeKind.BYTES_URL, True),
        "c": (TypeKind.DATETIME, False),  # a typed format wins
        "d": (TypeKind.STRING, False),
    }


def test_containers_of_formats_sharing_an_annotation_get_their_own_decoders() -> None:
    api, _ = _api(
        "3.0.3",
        {
            "stamps": {"type": "array", "items": {"type": "integer", "format": "unixtime"}},
            "times": {"type": "array", "items": {"type": "string", "format": "date-time"}},
            "dates": {"type": "array", "items": {"type": "string", "format": "http-date"}},
            "urls": {"type": "array", "items": {"type": "string", "format": "base64url"}},
            "raws": {"type": "array", "items": {"type": "string", "format": "byte"}},
        },
    )
    decoders = [f.type.decoder for f in api.models[0].fields]
    assert len(set(decoders)) == 5, decoders
    assert [typed_format(f.type) for f in api.models[0].fields] == [
        "unix-time",
        None,
        "http-date",
        "bytes-url",
        "bytes",
    ]


def test_swagger_2_formats_and_parameters() -> None:
    document = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "parameters": [
                        {"name": "since", "in": "query", "type": "integer", "format": "unixtime"},
                        {"name": "sig", "in": "header", "type": "string", "format": "byte"},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "headers": {"Expires": {"type": "string", "format": "http-date"}},
                            "schema": {"$ref": "#/definitions/M"},
                        }
                    },
                }
            }
        },
        "definitions": {"M": {"type": "object", "properties": {"d": FIELDS["iso"][0]}}},
    }
    converted, _, _ = convert(document)
    api, diagnostics = parse(converted, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    operation = api.operations[0]
    assert [p.type.kind for p in operation.parameters] == [TypeKind.UNIX_TIME, TypeKind.BYTES]
    assert api.models[0].fields[0].type.kind is TypeKind.DURATION
    header = api.header_operations[0].headers[0]
    assert header_reader(header.type, "'Expires'") == (
        "_http.header_as",
        ("headers", "'Expires'", '"http-date"'),
    )


@pytest.mark.parametrize(
    "keyword",
    sorted(schema_facts._CONSTRAINT_KEYWORDS),
)
def test_a_schema_without_constraint_keywords_has_none_and_each_keyword_is_read(
    keyword: str,
) -> None:
    # Most schemas have no constraint: answered without reading them (Graph asks 67,000 times).
    plain = {"type": "string", "format": "uuid", "description": "d", "x-ms-enum": {}}
    assert schema_facts.constraints(plain) == Constraints()
    values = {"enum": [True], "const": "c", "pattern": "a", "uniqueItems": True}
    with_keyword = {**plain, keyword: values.get(keyword, 3)}
    if keyword == "enum":  # a one-value enum of a type no enum class is made for
        with_keyword["type"] = "boolean"
    assert schema_facts.constraints(with_keyword) != Constraints()
