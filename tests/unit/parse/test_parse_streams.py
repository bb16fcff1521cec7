"""Streamed responses as the parser sees them (generator/parse/streams.py): which media types are
streams, when the schema types the items, what the method returns; OpenAPI 3.0, 3.1 and
Swagger 2.0 (converted) alike."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir.nodes import Operation
from generator.parse.api_parser import parse
from generator.parse.streams import stream_format, untyped_items
from generator.swagger2.convert import convert

ITEM = {"type": "object", "properties": {"n": {"type": "integer"}}}


def _operation(version: str, content: dict[str, Any], **response: Any) -> Operation:
    spec = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/s": {
                "get": {
                    "operationId": "watch",
                    "responses": {"200": {"description": "ok", "content": content, **response}},
                }
            }
        },
        "components": {"schemas": {"Item": ITEM}},
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, diagnostics
    return api.operations[0]


@pytest.mark.parametrize(
    ("media_type", "expected"),
    [
        ("text/event-stream", "sse"),
        ("Text/Event-Stream; charset=utf-8", "sse"),
        ("application/jsonl", "jsonl"),
        ("application/x-ndjson", "jsonl"),
        ("application/json-seq", "json-seq"),
        ("application/json", None),
        ("text/plain", None),
        (None, None),
    ],
)
def test_stream_media_types(media_type: str | None, expected: str | None) -> None:
    assert stream_format(media_type) == expected


def test_a_plain_string_schema_types_no_items() -> None:
    assert untyped_items(None) and untyped_items({"type": "string", "description": "x"})
    assert not untyped_items({"type": "string", "format": "date-time"})
    assert not untyped_items({"type": "string", "enum": ["a"]})
    assert not untyped_items(ITEM)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_typed_server_sent_events(version: str) -> None:
    op = _operation(
        version,
        {"text/event-stream": {"schema": {"$ref": "#/components/schemas/Item"}}},
        headers={"X-Id": {"schema": {"type": "string"}}},
    )
    assert op.stream is not None and op.stream.format == "sse"
    assert op.return_annotation == "streams.Stream[streams.ServerSentEvent[Item]]"
    assert op.stream.decoder_name == "_decode_watch_item"
    assert op.responses[0].body_kind == "sse"
    # A stream carries its headers itself: no `_with_headers` variant.
    assert op.with_headers_name is None


def test_untyped_streams() -> None:
    op = _operation("3.1.0", {"application/jsonl": {"schema": {"type": "string"}}})
    assert op.stream is not None and op.stream.item is None
    assert op.return_annotation == "streams.Stream[Any]" and op.stream.decoder_name == ""
    op = _operation("3.1.0", {"text/event-stream": {}})
    assert op.return_annotation == "streams.Stream[streams.ServerSentEvent[str]]"


def test_json_is_preferred_to_a_stream() -> None:
    op = _operation(
        "3.1.0", {"text/event-stream": {"schema": ITEM}, "application/json": {"schema": ITEM}}
    )
    assert op.stream is None


def test_swagger2_produces_a_stream() -> None:
    swagger = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/s": {
                "get": {
                    "operationId": "watch",
                    "produces": ["application/x-ndjson"],
                    "responses": {"200": {"description": "ok", "schema": ITEM}},
                }
            }
        },
    }
    converted, _, _ = convert(swagger)
    api, diagnostics = parse(converted, package_name="t")
    assert api is not None, diagnostics
    stream = api.operations[0].stream
    assert stream is not None and stream.format == "jsonl" and stream.item is not None
