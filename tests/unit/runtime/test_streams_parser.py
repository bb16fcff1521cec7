"""The stream decoders at their source (generator/runtime/_streams.py): server-sent events by the
WHATWG HTML standard's parsing rules (its examples first), JSON Lines and JSON text sequences,
fed whole and one byte at a time. Over HTTP, for both clients: tests/runtime/test_streams.py."""

from __future__ import annotations

from typing import Any

import pytest

from generator.runtime._streams import (
    Decoder,
    ServerSentEvent,
    events,
    json_events,
    json_lines,
    json_seq,
    untyped,
)
from generator.runtime.errors import DeserializationError, ResponseTooLargeError

LIMIT = 1 << 20


def decode(decoder: Decoder[Any], body: bytes, *, bytewise: bool = False) -> list[Any]:
    """Every item of `body`, fed whole or one byte at a time."""
    pieces = [body[i : i + 1] for i in range(len(body))] if bytewise else [body]
    items: list[Any] = []
    for piece in pieces:
        items += decoder.feed(piece, LIMIT)
    return items + list(decoder.end())


@pytest.fixture(params=[False, True], ids=["whole", "bytewise"])
def bytewise(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_whatwg_multi_line_data_is_joined_by_line_feeds(bytewise: bool) -> None:
    body = b"data: YHOO\ndata: +2\ndata: 10\n\n"
    assert decode(events(), body, bytewise=bytewise) == [ServerSentEvent("YHOO\n+2\n10")]


def test_whatwg_comments_ids_and_leading_spaces(bytewise: bool) -> None:
    body = (
        b": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\n"
        b"data:  third event\n\n"
    )
    assert decode(events(), body, bytewise=bytewise) == [
        ServerSentEvent("first event", id="1"),
        ServerSentEvent("second event", id=""),
        ServerSentEvent(" third event", id=""),
    ]


def test_whatwg_empty_data_and_an_unfinished_event(bytewise: bool) -> None:
    # Two events ("" and "\n"); the last block has no blank line after it: not dispatched.
    body = b"data\n\ndata\ndata\n\ndata:"
    assert decode(events(), body, bytewise=bytewise) == [
        ServerSentEvent(""),
        ServerSentEvent("\n"),
    ]


def test_whatwg_one_space_after_the_colon_is_dropped(bytewise: bool) -> None:
    body = b"data:test\n\ndata: test\n\n"
    assert decode(events(), body, bytewise=bytewise) == [ServerSentEvent("test")] * 2


@pytest.mark.parametrize("newline", [b"\n", b"\r", b"\r\n"], ids=["LF", "CR", "CRLF"])
def test_every_line_ending(newline: bytes, bytewise: bool) -> None:
    body = newline.join([b"event: tick", b"data: a", b"data: b", b"", b"data: c", b"", b""])
    assert decode(events(), body, bytewise=bytewise) == [
        ServerSentEvent("a\nb", event="tick"),
        ServerSentEvent("c"),
    ]


def test_empty_chunks_keep_a_crlf_split_between_chunks_whole() -> None:
    decoder = events()
    items = [*decoder.feed(b"data: a\r", LIMIT), *decoder.feed(b"", LIMIT)]
    items += [*decoder.feed(b"\n", LIMIT), *decoder.feed(b"\r\n", LIMIT)]
    assert items == [ServerSentEvent("a")]


def test_a_leading_byte_order_mark_is_dropped_once(bytewise: bool) -> None:
    bom = "\ufeff".encode()
    body = bom + b"data: one\n\n" + bom + b"data: two\n\n"
    # The second mark starts a line, so the field name is not `data`: that line is ignored.
    assert decode(events(), body, bytewise=bytewise) == [ServerSentEvent("one")]


def test_id_persists_retry_is_the_events_and_unknown_fields_are_ignored() -> None:
    body = (
        b"id: 7\nretry: 1500\ndata: a\n\n"
        b"foo: bar\ndata: b\n\n"
        b"id: x\0y\nretry: soon\ndata: c\n\n"
        b"id\ndata: d\n\n"
    )
    assert decode(events(), body) == [
        ServerSentEvent("a", id="7", retry=1500),
        ServerSentEvent("b", id="7"),
        ServerSentEvent("c", id="7"),
        ServerSentEvent("d", id=""),
    ]


def test_an_event_without_data_is_not_dispatched_and_resets_its_type() -> None:
    assert decode(events(), b"event: ping\n\ndata: x\n\n") == [ServerSentEvent("x")]


def test_utf8_split_across_chunks_and_invalid_bytes() -> None:
    body = "data: h\u00e9\u20ac\n\n".encode() + b"data: \xff\n\n"
    assert decode(events(), body, bytewise=True) == [
        ServerSentEvent("h\u00e9\u20ac"),
        ServerSentEvent("\ufffd"),
    ]


def test_typed_event_data_is_json_decoded_per_event() -> None:
    decoder = json_events(lambda value: value["step"])
    assert decode(decoder, b'data: {"step":\ndata: 2}\n\n') == [ServerSentEvent(2)]
    with pytest.raises(DeserializationError, match="not JSON"):
        decode(json_events(untyped), b"data: [DONE\n\n")


def test_an_event_larger_than_the_limit() -> None:
    decoder = events()
    decoder.feed(b"data: " + b"x" * 40 + b"\n", 64)
    with pytest.raises(ResponseTooLargeError):
        decoder.feed(b"data: " + b"x" * 40 + b"\n", 64)
    # One line that never ends is refused too, before its end arrives.
    with pytest.raises(ResponseTooLargeError):
        events().feed(b"data: " + b"y" * 100, 64)


def test_json_lines(bytewise: bool) -> None:
    body = b'{"a": 1}\r\n\n  \n[2, 3]\n"four"'
    assert decode(json_lines(untyped), body, bytewise=bytewise) == [{"a": 1}, [2, 3], "four"]


def test_json_lines_item_decoding_and_errors() -> None:
    assert decode(json_lines(lambda v: v * 2), b"1\n2\n") == [2, 4]
    with pytest.raises(DeserializationError, match="item 2 .* not JSON"):
        decode(json_lines(untyped), b"1\n{oops\n3\n")
    with pytest.raises(ResponseTooLargeError):
        json_lines(untyped).feed(b"1" * 65, 64)
    with pytest.raises(ResponseTooLargeError):
        json_lines(untyped).feed(b"[" + b"1," * 40 + b"1]\n", 64)


def test_json_text_sequences(bytewise: bool) -> None:
    body = b'\x1e{"a": 1}\n\x1e2\n\x1e"three"\n'
    assert decode(json_seq(untyped), body, bytewise=bytewise) == [{"a": 1}, 2, "three"]
