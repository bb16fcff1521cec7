"""Streamed responses of this package: Stream and AsyncStream, and ServerSentEvent.

A method of this package's clients whose response is a stream (`text/event-stream`,
JSON Lines, JSON text sequences) returns a stream of its items, read as they arrive.
"""

from __future__ import annotations

from ._async_streams import AsyncStream
from ._streams import (
    Decoder,
    ServerSentEvent,
    events,
    json_events,
    json_lines,
    json_seq,
    untyped,
)
from ._sync_streams import Stream

__all__ = [
    "AsyncStream",
    "Decoder",
    "ServerSentEvent",
    "Stream",
    "events",
    "json_events",
    "json_lines",
    "json_seq",
    "untyped",
]
