"""Streamed response bodies, parsed as they arrive: server-sent events (the WHATWG HTML
standard's `text/event-stream` parsing rules), JSON Lines and JSON text sequences (RFC 7464).

Pure parsing with no I/O, shared by `Stream` and `AsyncStream`: a decoder takes the body's
chunks and hands back the items they complete. Every item, and every line on the way to
one, is bounded by the call's `max_response_size` (a stream itself may go on for ever).
"""

from __future__ import annotations

import collections.abc
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from .errors import DeserializationError, ResponseTooLargeError

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(rb"\r\n?|\n")


# Not slotted: Python 3.10 cannot subscript a frozen slotted generic (ServerSentEvent[str](...)).
@dataclass(frozen=True)
class ServerSentEvent(Generic[T]):
    """One server-sent event, as the WHATWG HTML standard dispatches it."""

    data: T
    """The event's data: its `data:` lines joined by line feeds, decoded to the
    operation's schema when it declares one (each event's data is then one JSON
    value)."""
    event: str = "message"
    """The event type: the last `event:` field of the event, `message` without one."""
    id: str = ""
    """The last event ID: the latest `id:` field of the stream so far ("" before any)."""
    retry: int | None = None
    """The reconnection time in milliseconds the event's `retry:` field asked for."""


class Decoder(Protocol[T_co]):
    """Turns a streamed body's chunks into items."""

    def feed(self, chunk: bytes, limit: int) -> collections.abc.Sequence[T_co]:
        """The items `chunk` completes; ResponseTooLargeError when one, or a line of
        one, passes `limit` bytes."""

    def end(self) -> collections.abc.Sequence[T_co]:
        """The items the end of the body completes."""


def _too_large(limit: int) -> ResponseTooLargeError:
    return ResponseTooLargeError(limit=limit, status_code=200)


class _Lines:
    """Splits bytes into lines at CR, LF or CRLF (neither byte occurs inside a UTF-8
    character, so the bytes can be split before they are decoded)."""

    __slots__ = ("_after_cr", "_partial", "_started")

    def __init__(self) -> None:
        self._partial = bytearray()
        self._after_cr = False
        self._started = False

    def feed(self, chunk: bytes, limit: int, pending: int) -> list[bytes]:
        """The lines `chunk` ends; `pending` bytes of the current item are already held."""
        if not self._started:
            # One leading byte order mark is dropped (it may arrive split).
            self._partial += chunk
            if len(self._partial) < len(_BOM) and _BOM.startswith(bytes(self._partial)):
                return []
            chunk = bytes(self._partial)
            self._partial.clear()
            self._started = True
            chunk = chunk.removeprefix(_BOM)
        if not chunk:
            return []
        lines: list[bytes] = []
        start = 0
        if self._after_cr and chunk.startswith(b"\n"):
            start = 1  # the LF of a CRLF split between chunks
        for line_break in _LINE_BREAK.finditer(chunk, start):
            self._partial += chunk[start : line_break.start()]
            lines.append(bytes(self._partial))
            self._partial.clear()
            start = line_break.end()
        # A CR that ends the chunk ended a line; an LF starting the next one is its pair.
        self._after_cr = start == len(chunk) and chunk.endswith(b"\r")
        self._partial += chunk[start:]
        if len(self._partial) + pending > limit:
            raise _too_large(limit)
        return lines

    def rest(self) -> bytes:
        """What follows the last line break (a line the body did not end)."""
        rest = bytes(self._partial)
        self._partial.clear()
        return rest


class EventDecoder(Generic[T]):
    """Server-sent events: field lines (`name: value`), comments (`:`) ignored, multi-line
    data joined by line feeds, an event dispatched at each blank line; an event without
    data is not dispatched, nor is an unfinished one at the end of the body."""

    __slots__ = (
        "_data",
        "_event",
        "_has_data",
        "_id",
        "_item",
        "_lines",
        "_retry",
        "_size",
    )

    def __init__(self, item: Callable[[Any], T] | None) -> None:
        self._item = item
        self._lines = _Lines()
        self._data: list[str] = []
        self._has_data = False
        self._event = ""
        self._id = ""
        self._retry: int | None = None
        self._size = 0

    def feed(self, chunk: bytes, limit: int) -> list[ServerSentEvent[T]]:
        events = []
        for line in self._lines.feed(chunk, limit, self._size):
            self._size += len(line) + 1
            if self._size > limit:
                raise _too_large(limit)
            event = self._line(line.decode("utf-8", "replace"))
            if event is not None:
                events.append(event)
        return events

    def end(self) -> list[ServerSentEvent[T]]:
        self._lines.rest()
        return []

    def _line(self, line: str) -> ServerSentEvent[T] | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._has_data = True
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent[T] | None:
        data, event, retry = "\n".join(self._data), self._event, self._retry
        has_data = self._has_data
        self._data, self._has_data, self._event, self._retry = [], False, "", None
        self._size = 0
        if not has_data:
            return None
        return ServerSentEvent(
            data=self._decode(data), event=event or "message", id=self._id, retry=retry
        )

    def _decode(self, data: str) -> Any:
        if self._item is None:
            return data
        try:
            value = json.loads(data)
        except ValueError as exc:
            raise DeserializationError(
                f"an event's data is not JSON: {exc}", root="event"
            ) from None
        return self._item(value)


class JsonItemDecoder(Generic[T]):
    """JSON values one after another: one a line (JSON Lines, NDJSON; blank lines skipped),
    or each after a record separator (RFC 7464's JSON text sequences, `separator=b"\\x1e"`).
    """

    __slots__ = ("_item", "_number", "_partial", "_separator")

    def __init__(self, item: Callable[[Any], T], separator: bytes = b"\n") -> None:
        self._item = item
        self._separator = separator
        self._partial = bytearray()
        self._number = 0

    def feed(self, chunk: bytes, limit: int) -> list[T]:
        if self._separator not in chunk:
            self._partial += chunk
            if len(self._partial) > limit:
                raise _too_large(limit)
            return []
        first, *middle, rest = chunk.split(self._separator)
        self._partial += first
        records = [bytes(self._partial), *middle]
        self._partial[:] = rest
        if len(rest) > limit or any(len(record) > limit for record in records):
            raise _too_large(limit)
        return [item for record in records for item in self._record(record)]

    def end(self) -> list[T]:
        rest = bytes(self._partial)
        self._partial.clear()
        return self._record(rest)

    def _record(self, record: bytes) -> list[T]:
        self._number += 1
        if not record.strip():
            return []
        try:
            value = json.loads(record)
        except ValueError as exc:
            raise DeserializationError(
                f"item {self._number} of the stream is not JSON: {exc}", root="item"
            ) from None
        return [self._item(value)]


def untyped(value: Any) -> Any:
    """An item of a stream whose schema says nothing of it: the JSON value as it is."""
    return value


def events() -> EventDecoder[str]:
    """Server-sent events whose data is text."""
    decoder: EventDecoder[str] = EventDecoder(None)
    return decoder


def json_events(item: Callable[[Any], T]) -> EventDecoder[T]:
    """Server-sent events whose data is one JSON value each, decoded by `item`."""
    return EventDecoder(item)


def json_lines(item: Callable[[Any], T]) -> JsonItemDecoder[T]:
    """JSON Lines (`application/jsonl`, `application/x-ndjson`), each decoded by `item`."""
    return JsonItemDecoder(item)


def json_seq(item: Callable[[Any], T]) -> JsonItemDecoder[T]:
    """JSON text sequences (`application/json-seq`), each decoded by `item`."""
    return JsonItemDecoder(item, b"\x1e")
