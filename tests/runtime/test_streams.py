"""Streamed responses end to end: a package generated from tests/specs/streams.yaml against the
real HTTP server of tests/support/stream_server.py (127.0.0.1), which sends its bodies in
chunks. Server-sent events with typed and multi-line data, JSON Lines, JSON text sequences,
a body cut off mid-stream, an oversize line, early close, error statuses and the timeout
between chunks.

Each behaviour is written once and runs on `Client` and on `AsyncClient` (the `flavour`
fixture; tests/support/client_kit.py's `Blocking` iterates an AsyncStream with `for`)."""

from __future__ import annotations

import importlib
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from support.client_kit import client_of
from support.stream_server import Streamed, StreamServer

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "streams_client"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    root = tmp_path_factory.mktemp("streams")
    result = generate(ROOT / "tests" / "specs" / "streams.yaml", package=PACKAGE)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root / PACKAGE)
    sys.path.insert(0, str(root / PACKAGE))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root / PACKAGE))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def server() -> Iterator[StreamServer]:
    with StreamServer() as running:
        yield running


@pytest.fixture
def client(pkg: ModuleType, flavour: str, server: StreamServer) -> Iterator[Any]:
    made = client_of(
        pkg, flavour, base_url=server.url, max_retries=1, backoff_factor=0.001, timeout=5.0
    )
    with made:
        yield made


def test_server_sent_events_with_typed_data(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    # Lines and a CRLF split across chunks; a comment, an event type, an id that persists.
    server.script(
        "/events/typed",
        Streamed(
            chunks=(
                b': keep-alive\r\nevent: progress\r\nid: 1\r\ndata: {"st',
                b'ep": 1}\r',
                b'\n\r\ndata: {"step": 2,\r\ndata: "note": "half"}\r\n\r\n',
            ),
            headers={"X-Request-Id": "abc"},
        ),
    )
    stream = client.typed_events()
    assert stream.status_code == 200
    assert stream.headers["x-request-id"] == "abc"
    events = list(stream)
    assert events == [
        pkg.ServerSentEvent(pkg.Progress(step=1), event="progress", id="1"),
        pkg.ServerSentEvent(pkg.Progress(step=2, note="half"), id="1"),
    ]
    assert stream.closed and stream.response.is_closed
    assert list(stream) == []  # iterable once


def test_server_sent_events_with_multi_line_text(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    server.script(
        "/events/text",
        Streamed(chunks=(b"\xef\xbb", b"\xbfdata: YHOO\ndata: +2\n", b"data: 10\n\ndata: x\n\n")),
    )
    with client.text_events() as stream:
        assert [event.data for event in stream] == ["YHOO\n+2\n10", "x"]
    assert stream.closed


def test_json_lines_typed_items(pkg: ModuleType, client: Any, server: StreamServer) -> None:
    server.script(
        "/lines/typed",
        Streamed(
            chunks=(b'{"step": 1}\n{"st', b'ep": 2, "note": "two"}\n', b'\n{"step": 3}'),
            content_type="application/jsonl",
        ),
    )
    items = list(client.typed_lines(count=3))
    assert items == [pkg.Progress(step=1), pkg.Progress(step=2, note="two"), pkg.Progress(step=3)]


def test_untyped_json_lines_and_json_text_sequences(client: Any, server: StreamServer) -> None:
    # TypeSpec writes a JSON Lines response as `type: string`: items are JSON values as such.
    server.script(
        "/lines/untyped",
        Streamed(chunks=(b'{"desc": "one"}\n{"desc": "two"}',), content_type="application/x-ndjson"),
    )
    assert list(client.untyped_lines()) == [{"desc": "one"}, {"desc": "two"}]
    server.script(
        "/sequence",
        Streamed(chunks=(b"\x1e1\n\x1e", b"2\n"), content_type="application/json-seq"),
    )
    assert list(client.json_sequence()) == [1, 2]


def test_a_stream_broken_mid_body_raises_a_client_error(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    server.script("/events/text", Streamed(chunks=(b"data: one\n\n",), broken=True))
    stream = client.text_events()
    received = []
    with pytest.raises(pkg.TransportError) as caught:
        for event in stream:
            received.append(event.data)
    assert received == ["one"]
    assert isinstance(caught.value.__cause__, httpx.HTTPError)
    assert stream.closed


def test_an_item_that_is_not_json(pkg: ModuleType, client: Any, server: StreamServer) -> None:
    server.script(
        "/lines/typed",
        Streamed(chunks=(b'{"step": 1}\n{"step": \n',), content_type="application/jsonl"),
    )
    stream = client.typed_lines()
    with pytest.raises(pkg.DeserializationError, match="item 2"):
        list(stream)
    assert stream.closed


def test_a_line_larger_than_max_response_size(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    server.script(
        "/lines/untyped",
        Streamed(
            chunks=(b"1\n", b'"' + b"x" * 600 + b'"\n'), content_type="application/x-ndjson"
        ),
    )
    stream = client.untyped_lines(max_response_size=512)
    with pytest.raises(pkg.ResponseTooLargeError) as caught:
        list(stream)
    assert caught.value.limit == 512 and caught.value.status_code == 200
    assert stream.closed


def test_closing_early_closes_the_response(client: Any, server: StreamServer) -> None:
    server.script("/events/text", Streamed(chunks=(b"data: tick\n\n",), endless=True))
    stream = client.text_events()
    first = next(iter(stream))
    assert first.data == "tick"
    stream.close()
    assert stream.closed and stream.response.is_closed
    assert list(stream) == []
    # The server's next writes fail: the connection is gone, not left reading.
    assert server.abandoned.wait(5)


def test_an_error_status_raises_api_error_with_its_body(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    server.script(
        "/events/typed",
        Streamed(
            chunks=(b'{"code": "NoJob", "message": "no such job"}',),
            status=404,
            content_type="application/json",
        ),
    )
    with pytest.raises(pkg.ApiError) as caught:
        client.typed_events()
    assert caught.value.status_code == 404
    assert caught.value.error_code == "NoJob"
    assert caught.value.model == pkg.Problem(code="NoJob", message="no such job")


def test_the_timeout_bounds_each_wait_not_the_whole_stream(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    # Eight chunks 0.1 s apart outlast a 0.5 s timeout in all, but no wait is that long.
    server.script("/events/text", Streamed(chunks=(b"data: a\n\n",) * 8, pause=0.1))
    assert len(list(client.text_events(timeout=0.5))) == 8
    server.script("/events/text", Streamed(chunks=(b"data: a\n\n",) * 2, pause=1.0))
    stream = client.text_events(timeout=0.3)
    with pytest.raises(pkg.RequestTimeoutError):
        list(stream)
    assert stream.closed


def test_retried_before_the_first_byte_and_gzip_inflated(
    pkg: ModuleType, client: Any, server: StreamServer
) -> None:
    # A 503 is retried as for any call; the stream then comes gzip-compressed, flushed per chunk.
    compressor = zlib.compressobj(wbits=zlib.MAX_WBITS | 16)
    chunks = tuple(
        compressor.compress(b"data: %d\n\n" % n) + compressor.flush(zlib.Z_SYNC_FLUSH)
        for n in range(3)
    ) + (compressor.flush(),)
    server.script(
        "/events/text",
        Streamed(status=503, content_type="text/plain", chunks=(b"busy",)),
        Streamed(chunks=chunks, headers={"Content-Encoding": "gzip"}),
    )
    assert [event.data for event in client.text_events()] == ["0", "1", "2"]
    assert server.counts["/events/text"] == 2
