"""A real HTTP/1.1 server on 127.0.0.1 that streams scripted bodies, for the tests of streamed
responses (server-sent events, JSON Lines).

`server.script(path, Streamed(...), ...)` sets what `GET path` answers, the n-th request the
n-th answer (the last one repeats): a status, headers and the body's chunks, sent with chunked transfer coding one write at a time (a pause between them
when asked). `broken=True` ends the body mid-chunk, announcing more bytes than it sends and
then closing the connection; `endless=True` repeats the last chunk every 10 ms until the client
goes away (bounded to a few seconds), and `server.abandoned` is set once a write fails: the
client closed the connection. Every wait is bounded; a path with no script answers 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Self

ENDLESS_SECONDS = 5.0
"""The longest an endless body goes on when its client never leaves."""


@dataclass(frozen=True)
class Streamed:
    """One scripted answer."""

    chunks: tuple[bytes, ...] = ()
    status: int = 200
    content_type: str = "text/event-stream"
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0
    """Seconds between chunks."""
    broken: bool = False
    """End mid-chunk and close the connection (a truncated chunked body)."""
    endless: bool = False
    """Repeat the last chunk until the client goes away."""


class StreamServer:
    """The server; `with StreamServer() as server:` runs it in a daemon thread."""

    def __init__(self) -> None:
        self.scripts: dict[str, tuple[Streamed, ...]] = {}
        self.counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self.abandoned = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                owner._answer(self)

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def script(self, path: str, *answers: Streamed) -> None:
        self.scripts[path] = answers
        self.counts[path] = 0

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.partition("?")[0]
        answers = self.scripts.get(path)
        if not answers:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        with self._lock:
            answer = answers[min(self.counts[path], len(answers) - 1)]
            self.counts[path] += 1
        handler.send_response(answer.status)
        handler.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        handler.send_header("Transfer-Encoding", "chunked")
        if answer.broken:
            handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for chunk in self._chunks(answer):
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                handler.wfile.flush()
                if answer.pause:
                    time.sleep(answer.pause)
            if answer.broken:
                handler.wfile.write(b"400\r\n" + b"x" * 10)
                handler.wfile.flush()
                handler.close_connection = True
                return
            handler.wfile.write(b"0\r\n\r\n")
            handler.wfile.flush()
        except OSError:
            self.abandoned.set()
            handler.close_connection = True

    @staticmethod
    def _chunks(answer: Streamed) -> Iterator[bytes]:
        yield from answer.chunks
        if answer.endless and answer.chunks:
            ends = time.monotonic() + ENDLESS_SECONDS
            while time.monotonic() < ends:
                time.sleep(0.01)
                yield answer.chunks[-1]

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)
