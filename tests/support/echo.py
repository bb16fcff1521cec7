"""A real HTTP server on 127.0.0.1 that records every request in full and answers from a queue.

For wire-format tests of generated clients: what the server records is exactly what went over
the socket (method, raw path and query, headers, body bytes). Replies are taken in order; the
last one repeats.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

from support.loopback import QuietHTTPServer

if TYPE_CHECKING:
    from typing import Self


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    @staticmethod
    def json(value: Any, status: int = 200) -> Reply:
        return Reply(status, json.dumps(value).encode(), "application/json")


@dataclass(frozen=True)
class Seen:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.target).path)

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.target).query, keep_blank_values=True)

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    def form(self) -> list[tuple[str, str]]:
        return parse_qsl(self.body.decode("ascii"), keep_blank_values=True)

    def json(self) -> Any:
        return json.loads(self.body)

    def parts(self) -> list[Part]:
        """The parts of a multipart/form-data body, in order."""
        head = f"Content-Type: {self.content_type}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + self.body)
        assert message.is_multipart(), self.content_type
        result = []
        for part in message.iter_parts():
            result.append(
                Part(
                    name=part.get_param("name", header="content-disposition"),
                    filename=part.get_filename(),
                    content_type=part.get("content-type"),
                    data=part.get_payload(decode=True),
                )
            )
        return result


@dataclass(frozen=True)
class Part:
    name: Any
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class EchoServer:
    replies: list[Reply] = field(default_factory=lambda: [Reply(204)])
    seen: list[Seen] = field(default_factory=list)
    _server: QuietHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reply(self, *replies: Reply) -> None:
        with self._lock:
            self.replies = list(replies)

    @property
    def last(self) -> Seen:
        return self.seen[-1]

    def __enter__(self) -> Self:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _handle(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                with owner._lock:
                    owner.seen.append(
                        Seen(
                            method=self.command,
                            target=self.path,
                            headers={k.lower(): v for k, v in self.headers.items()},
                            body=body,
                        )
                    )
                    reply = owner.replies.pop(0) if len(owner.replies) > 1 else owner.replies[0]
                self.send_response(reply.status)
                for name, value in reply.headers:
                    self.send_header(name, value)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = QuietHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        ).start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
