"""Responses that are streams of items: server-sent events (`text/event-stream`), JSON Lines
(`application/jsonl`, `application/x-ndjson`, `application/jsonlines`) and JSON text sequences
(`application/json-seq`). The media type's schema is each item's (for server-sent events,
each event's data, which is then JSON); a plain `type: string` with no format, as TypeSpec
writes for JSON Lines, says nothing of the items, which stay untyped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator import naming
from generator.diagnostics import join_pointer
from generator.ir.nodes import Response, StreamReturn

STREAM_FORMATS = {
    "text/event-stream": "sse",
    "application/jsonl": "jsonl",
    "application/x-jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/json-seq": "json-seq",
}
"""Media type (lower case, without parameters) → the stream format its body is read as."""

STREAM_KINDS = frozenset(STREAM_FORMATS.values())
"""The `Response.body_kind`s of streams."""

_UNTYPED_KEYS = frozenset({"type", "description", "title", "example", "examples"})


def stream_format(media_type: str | None) -> str | None:
    """`sse`, `jsonl` or `json-seq` when a response of `media_type` is a stream, else None."""
    if media_type is None:
        return None
    return STREAM_FORMATS.get(media_type.split(";", 1)[0].strip().lower())


def untyped_items(schema: object) -> bool:
    """Whether a stream's schema says nothing of its items: none, or a plain string (the
    stream's text as a whole) with no format, enum or other constraint."""
    if not isinstance(schema, Mapping):
        return True
    return schema.get("type") == "string" and set(schema) <= _UNTYPED_KEYS


def stream_return(py_name: str, responses: tuple[Response, ...]) -> StreamReturn | None:
    """The stream an operation's method returns: its first success response that is one."""
    for response in responses:
        if not response.is_success or stream_format(response.media_type) is None:
            continue
        item = response.type
        if item is None:
            item_annotation = "str" if response.body_kind == "sse" else "Any"
        else:
            item_annotation = item.annotation + (" | None" if item.nullable else "")
        each = (
            f"streams.ServerSentEvent[{item_annotation}]"
            if response.body_kind == "sse"
            else item_annotation
        )
        return StreamReturn(
            pointer=join_pointer(response.pointer, "content", response.media_type or ""),
            format=response.body_kind,
            item=item,
            item_annotation=item_annotation,
            annotation=f"streams.Stream[{each}]",
            decoder_name="" if item is None else naming.stream_item_decoder_name(py_name),
        )
    return None


def item_schema(media: Mapping[str, Any] | None) -> object:
    """The schema of a stream's items, or None when it declares none that types them."""
    schema = media.get("schema") if media is not None else None
    return None if untyped_items(schema) else schema
