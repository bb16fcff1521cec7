"""What `client.py.j2` prints for an operation whose response is a stream (`Operation.stream`):
the module-level function decoding one item, the method's return annotation (`Stream` or
`AsyncStream`) and its last statement, which opens the stream through the pipeline."""

from __future__ import annotations

from generator.ir.nodes import Operation, StreamReturn
from generator.render.layout import call, signature

_INDENT = " " * 8

_DECODERS = {"sse": "streams.json_events", "jsonl": "streams.json_lines", "json-seq": "streams.json_seq"}
"""Each format's runtime decoder of typed items (`_streams.py`)."""


def returns(op: Operation, is_async: bool) -> str:
    """What the operation's method returns: `op.return_annotation`, whose stream is an
    `AsyncStream` in the asyncio client."""
    if op.stream is None or not is_async:
        return op.return_annotation
    return "streams.Async" + op.return_annotation.removeprefix("streams.")


def item_decoder(op: Operation) -> str:
    """The `def _decode_<method>_item(body: Any) -> Item:` line of an operation whose
    stream's items are typed; "" for any other."""
    stream = op.stream
    if stream is None or stream.item is None:
        return ""
    return signature("def " + stream.decoder_name, ["body: Any"], stream.item_annotation, "")


def doc_note(op: Operation) -> str:
    """What an operation's docstring says of its stream, before `Returns:`; "" for others."""
    stream = op.stream
    if stream is None:
        return ""
    what = {"sse": "server-sent events", "jsonl": "JSON Lines", "json-seq": "JSON text sequences"}
    return (
        f"\nThe response streams {what[stream.format]}: iterate the returned stream once, as the "
        "items arrive; it closes the response at the end, on an error, on close() or when its "
        "`with` block ends. The timeout bounds the call until the response's head arrives, "
        "then each wait for more of the body; max_response_size bounds each item.\n"
    )


def _decoder(stream: StreamReturn) -> str:
    """The runtime decoder the method hands the stream."""
    if stream.item is not None:
        return f"{_DECODERS[stream.format]}({stream.decoder_name})"
    if stream.format == "sse":
        return "streams.events()"
    return f"{_DECODERS[stream.format]}(streams.untyped)"


def send(op: Operation, is_async: bool) -> str:
    """The method's last statement: open the stream (the parser raises on an error status)."""
    assert op.stream is not None
    opener = "await streams.AsyncStream.open" if is_async else "streams.Stream.open"
    return call(
        "return " + opener,
        ["self._pipeline.open_stream", "_request", "_options", op.parser_name, _decoder(op.stream)],
        _INDENT,
    )
