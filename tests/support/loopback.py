"""A scripted, real HTTP server on a loopback address, for the generated client's tests.

`LoopbackServer` listens on a free port of 127.0.0.1 (or another loopback address), in a
daemon thread, and serves two routes:

- `GET {prefix}/persongroups/{personGroupId}/training` (Get Person Group Training Status). What
  it answers is chosen by the person group id (see `LoopbackServer.BUILTIN`): `ok`,
  `not-found`, `flaky`, ... Each id has a script, a list of `Reply`; the n-th request for an
  id gets the n-th reply (the last one repeats), so `flaky` is "503, then the spec's example".
  Tests add their own scripts with `server.script(id, *replies)`.
- `POST {prefix}/persongroups/{personGroupId}/train` (Train Person Group). Every id answers
  `accepted()` by default: 202, an empty body and an `operation-Location` header with that
  group's `.../training` URL on this server (same prefix as the POST). Tests script it
  separately with `server.script_train(id, *replies)`, counted apart from the GET script
  (e.g. `server.script_train("g", accepted(retry_after="0"))` or
  `server.script_train("g", error_reply(400, ...))`). A group with no GET script of its own
  (builtin, generic or `script`) reports `succeeded` once a POST has started its training,
  so an unscripted poller ends instead of seeing the example's `notStarted` for ever;
  `training(status, message)` makes other status replies.

Another method on either route is answered 405; any other path 404. Every request is
recorded in `server.requests` as a `RecordedRequest`: method, raw path, headers, body and the
`time.monotonic()` at which it arrived; `.route` is `"training"`, `"train"` or None, and
`server.requests_for(id, route=...)` filters by group and route.

Use one server per test (`with LoopbackServer() as server:` or the fixtures in the test
modules): scripts count requests per server, so state never leaks between tests. Every wait
is short and is cut short when the server stops.

The fakes the client tests share (credentials, transports, log capture) and the `Blocking`
adapter that runs one test on both clients are in `support.client_kit`.
"""

from __future__ import annotations

import email.utils
import json
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import yaml

if TYPE_CHECKING:
    from typing import Self

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "face-person-group-training.yaml"
API_VERSION = "v1.1-preview.1"
API_PREFIX = f"/face/{API_VERSION}"
"""The path prefix the client puts before the spec's paths when only `endpoint` is given."""


def _spec_example() -> dict[str, Any]:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    operation = spec["paths"]["/persongroups/{personGroupId}/training"]["get"]
    examples = operation["responses"]["200"]["content"]["application/json"]["examples"]
    value: dict[str, Any] = next(iter(examples.values()))["value"]
    return value


SPEC_EXAMPLE: dict[str, Any] = _spec_example()
"""The 200 example of the spec, served as the success body."""

NOT_FOUND_MESSAGE = "Person group is not found."
NOT_FOUND_BODY: dict[str, Any] = {
    "error": {"code": "PersonGroupNotFound", "message": NOT_FOUND_MESSAGE}
}

_ROUTE = re.compile(
    r"^(?P<prefix>.*)/persongroups/(?P<id>[^/?]*)/(?P<route>training|train)(?:\?.*)?$"
)
_METHODS = {"training": "GET", "train": "POST"}
"""The method each route serves."""
MAX_DELAY = 1.9
_MAX_STREAM_SECONDS = 8.0
"""A streamed reply ends after this long whatever its chunks (a client may never stop it)."""


@dataclass(frozen=True)
class Reply:
    """One scripted response.

    `body`: `None` is the spec's example; `bytes` are sent as they are; anything else is
    JSON-encoded. `retry_after_in` adds a `Retry-After` HTTP-date that many seconds after
    the response is made. `delay` (capped below 2 s) is slept before answering. An empty
    `content_type` sends no Content-Type. `status_url` adds an `operation-Location` header
    with the `.../training` URL of the request's group on the answering server (see
    `accepted`).

    `stream`, when given, replaces `body`: a function returning the chunks to send, each
    written and flushed as it comes, `interval` seconds apart (chunked transfer coding
    unless `headers` has a Content-Length). It stops when the client goes away, the
    server stops, or after `_MAX_STREAM_SECONDS`; `LoopbackServer.streamed` records the
    bytes each streamed reply got out. `trickle_head` sends the status line and headers of
    a streamed reply one byte at a time, `interval` apart, too.
    """

    status: int = 200
    body: object = None
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0
    retry_after_in: float | None = None
    status_url: bool = False
    stream: Callable[[], Iterable[bytes]] | None = None
    interval: float = 0.0
    trickle_head: bool = False

    def encoded_body(self) -> bytes:
        if self.body is None:
            return json.dumps(SPEC_EXAMPLE).encode()
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


OK = Reply()


def accepted(
    *,
    retry_after: str | None = None,
    retry_after_ms: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """A start of training: 202, an empty body, `operation-Location` with the group's status
    URL on the answering server, and `Retry-After` / `retry-after-ms` when given."""
    extra = dict(headers or {})
    if retry_after is not None:
        extra["Retry-After"] = retry_after
    if retry_after_ms is not None:
        extra["retry-after-ms"] = retry_after_ms
    return Reply(202, b"", extra, content_type="", status_url=True)


ACCEPTED = accepted()
"""What `POST .../train` answers unless scripted."""


def training(status: str, message: str | None = None, *, retry_after: str | None = None) -> Reply:
    """A 200 TrainingResult: the spec's example with `status`, and `message` when given
    (else none), plus `Retry-After` when given."""
    body: dict[str, Any] = {**SPEC_EXAMPLE, "status": status}
    body.pop("message", None)
    if message is not None:
        body["message"] = message
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return Reply(200, body, headers)


TRAINED = training("succeeded")
"""What an unscripted group's status GET answers once its training was started."""


def error_reply(
    status: int,
    code: str,
    message: str,
    *,
    header_code: str | None = None,
    retry_after: str | None = None,
) -> Reply:
    """A Face error response: the JSON error body, plus `x-ms-error-code` when given."""
    headers: dict[str, str] = {}
    if header_code is not None:
        headers["x-ms-error-code"] = header_code
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    return Reply(status, {"error": {"code": code, "message": message}}, headers)


def _unavailable(retry_after: str | None = "0") -> Reply:
    return error_reply(503, "ServiceUnavailable", "Try again.", retry_after=retry_after)


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server saw it."""

    server: str
    """`host:port` of the server that received it."""
    method: str
    path: str
    """The raw request target, exactly as sent (no percent-decoding)."""
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""
    at: float = 0.0
    """`time.monotonic()` when the server read the request line and headers."""

    def header(self, name: str) -> str | None:
        """The value of header `name` (case-insensitive), or None when it was not sent."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @property
    def group_id(self) -> str | None:
        match = _ROUTE.match(self.path)
        return unquote(match["id"]) if match else None

    @property
    def route(self) -> str | None:
        """`"training"` (the status GET's path), `"train"` (the POST's) or None."""
        match = _ROUTE.match(self.path)
        return match["route"] if match else None


class QuietHTTPServer(ThreadingHTTPServer):
    """A loopback HTTP server that does not print a traceback when a client drops its
    connection: the clients under test do that on purpose (a deadline, a size limit), and the
    tracebacks would bury the test run's output. Any other handler error is still printed."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class LoopbackServer:
    """A threaded HTTP server on `host` (a loopback address) and a free port."""

    BUILTIN: Mapping[str, tuple[Reply, ...]] = {
        "ok": (OK,),
        "unknown-enum": (Reply(body={**SPEC_EXAMPLE, "status": "paused"}),),
        "not-found": (Reply(404, NOT_FOUND_BODY, {"x-ms-error-code": "PersonGroupNotFound"}),),
        "not-found-body-code": (Reply(404, NOT_FOUND_BODY),),
        "header-code-wins": (Reply(404, NOT_FOUND_BODY, {"x-ms-error-code": "HeaderCode"}),),
        "unauthorized": (
            error_reply(401, "401", "Access denied due to invalid subscription key."),
        ),
        "flaky": (_unavailable(), OK),
        "always-503": (_unavailable(),),
        "rate-limited": (
            error_reply(429, "RateLimitExceeded", "Slow down.", retry_after="0"),
            OK,
        ),
        "retry-after-1": (_unavailable("1"), OK),
        "retry-after-date": (
            Reply(503, b"", {}, "text/plain", retry_after_in=2.0),
            OK,
        ),
        "no-retry-after": (_unavailable(None), _unavailable(None), OK),
        "bad-json": (Reply(200, b'{"status": "notStarted", "createdDate'),),
        "not-json-200": (Reply(200, b"<html>hello</html>", content_type="text/html"),),
        "schema-mismatch": (
            Reply(body={k: v for k, v in SPEC_EXAMPLE.items() if k != "createdDateTime"}),
        ),
        "slow": (Reply(delay=1.0),),
        "slow-once": (Reply(delay=1.0), OK),
        "html-error": (
            Reply(
                500,
                b"<html><body><h1>500 Internal Server Error</h1></body></html>",
                content_type="text/html",
            ),
        ),
        "text-error": (Reply(400, b"Bad Request", content_type="text/plain"),),
        "wrong-shape-error": (Reply(400, {"error": "a plain string"}),),
        "array-error": (Reply(400, [1, 2, 3]),),
        "empty-error": (Reply(404, b"", content_type="application/json"),),
        "broken-json-error": (Reply(500, b'{"error": {"code": ', {"x-ms-error-code": "Oops"}),),
    }
    """Scripts every server has. `once-NNN` (NNN then OK) and `always-NNN` also work for any
    status NNN; ids without a script answer with the spec's example."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._scripts: dict[tuple[str, str], tuple[Reply, ...]] = {
            ("training", group_id): replies for group_id, replies in self.BUILTIN.items()
        }
        self._counts: dict[tuple[str, str], int] = {}
        self._requests: list[RecordedRequest] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._streamed: list[int] = []

    # -- scripting and inspection --------------------------------------------------------

    def script(self, group_id: str, *replies: Reply) -> None:
        """Answer `GET .../{group_id}/training` with `replies`, in order (the last one
        repeats)."""
        self._set_script("training", group_id, replies)

    def script_train(self, group_id: str, *replies: Reply) -> None:
        """Answer `POST .../{group_id}/train` with `replies`, in order (the last one
        repeats); unscripted, it is `ACCEPTED`."""
        self._set_script("train", group_id, replies)

    def _set_script(self, route: str, group_id: str, replies: tuple[Reply, ...]) -> None:
        assert replies, "a script needs at least one reply"
        with self._lock:
            self._scripts[(route, group_id)] = tuple(replies)

    def redirect(self, group_id: str, location: str, status: int = 302) -> None:
        """Answer requests for `group_id` with a redirect to `location`."""
        self.script(group_id, Reply(status, b"", {"Location": location}, "text/plain"))

    @property
    def streamed(self) -> list[int]:
        """Bytes written by each finished streamed reply, in the order they ended."""
        with self._lock:
            return list(self._streamed)

    def wait_streamed(self, count: int, seconds: float = 3.0) -> list[int]:
        """`streamed` once `count` streamed replies ended, or after `seconds`."""
        ends = time.monotonic() + seconds
        while len(self.streamed) < count and time.monotonic() < ends:
            self._stopping.wait(0.01)
        return self.streamed

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_for(self, group_id: str, route: str | None = None) -> list[RecordedRequest]:
        """The requests for `group_id` on either route, or only on `route` when given."""
        return [
            r
            for r in self.requests
            if r.group_id == group_id and (route is None or r.route == route)
        ]

    @property
    def port(self) -> int:
        assert self._httpd is not None, "the server is not running"
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def url(self) -> str:
        """The endpoint to give the client (scheme, host and port)."""
        return self.origin

    def operation_url(self, group_id: str) -> str:
        return f"{self.origin}{API_PREFIX}/persongroups/{group_id}/training"

    def train_url(self, group_id: str) -> str:
        return f"{self.origin}{API_PREFIX}/persongroups/{group_id}/train"

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> LoopbackServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 5  # idle keep-alive connections end on their own
            disable_nagle_algorithm = True  # headers and body go out in separate writes

            def do_GET(self) -> None:
                server._handle(self)

            def do_POST(self) -> None:
                server._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                with server._lock:
                    server._connections.add(self.connection)

            def finish(self) -> None:
                with server._lock:
                    server._connections.discard(self.connection)
                super().finish()

        httpd = QuietHTTPServer((self.host, 0), Handler)
        httpd.daemon_threads = True
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and end every open connection, so that no handler thread outlives the
        server (a client that was never closed keeps its connection alive; tests that fork
        check that no other thread runs)."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by the other side
        if self._thread is not None:
            self._thread.join(timeout=2)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- serving -------------------------------------------------------------------------

    def _next_reply(self, route: str, group_id: str) -> Reply:
        key = (route, group_id)
        with self._lock:
            n = self._counts.get(key, 0)
            self._counts[key] = n + 1
            script = self._scripts.get(key)
            started = ("train", group_id) in self._counts
        if script is None:
            if route == "train":
                script = (ACCEPTED,)
            else:
                script = _generic_script(group_id, trained=started)
        return script[min(n, len(script) - 1)]

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        length = handler.headers.get("Content-Length", "0")
        size = min(int(length), 1 << 20) if length.isdigit() else 0
        record = RecordedRequest(
            server=f"{self.host}:{self.port}",
            method=handler.command,
            path=handler.path,
            headers=tuple(handler.headers.items()),
            body=handler.rfile.read(size) if size else b"",
            at=arrived,
        )
        with self._lock:
            self._requests.append(record)
        match = _ROUTE.match(handler.path)
        if match is None:
            reply = Reply(404, {"error": {"code": "NotFound", "message": "No such route."}})
        elif handler.command != _METHODS[match["route"]]:
            reply = Reply(
                405,
                {"error": {"code": "MethodNotAllowed", "message": "Method not allowed."}},
                {"Allow": _METHODS[match["route"]]},
            )
        else:
            reply = self._next_reply(match["route"], unquote(match["id"]))
        if reply.delay:
            self._stopping.wait(min(reply.delay, MAX_DELAY))
        if reply.stream is not None:
            self._stream(handler, reply)
            return
        body = reply.encoded_body()
        try:
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.status_url and match is not None:
                status_url = f"{self.origin}{match['prefix']}/persongroups/{match['id']}/training"
                handler.send_header("operation-Location", status_url)
            if reply.retry_after_in is not None:
                when = time.time() + reply.retry_after_in
                handler.send_header("Retry-After", email.utils.formatdate(when, usegmt=True))
            handler.end_headers()
            handler.wfile.write(body)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client gave up (e.g. its timeout)


    def _stream(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        assert reply.stream is not None
        chunked = not any(name.lower() == "content-length" for name in reply.headers)
        sent = 0
        ends = time.monotonic() + _MAX_STREAM_SECONDS
        try:
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            if chunked:
                handler.send_header("Transfer-Encoding", "chunked")
            for name, value in reply.headers.items():
                handler.send_header(name, value)
            if reply.trickle_head:
                head = b"".join(handler._headers_buffer) + b"\r\n"  # type: ignore[attr-defined]
                handler._headers_buffer = []  # type: ignore[attr-defined]
                for index in range(len(head)):
                    if self._stopping.is_set() or time.monotonic() > ends:
                        return
                    handler.wfile.write(head[index : index + 1])
                    handler.wfile.flush()
                    self._stopping.wait(reply.interval)
            else:
                handler.end_headers()
            for chunk in reply.stream():
                if self._stopping.is_set() or time.monotonic() > ends:
                    break
                framed = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
                handler.wfile.write(framed)
                handler.wfile.flush()
                sent += len(chunk)
                if reply.interval:
                    self._stopping.wait(reply.interval)
            else:
                if chunked:
                    handler.wfile.write(b"0\r\n\r\n")
                    handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client gave up, as it should past its limits
        finally:
            handler.close_connection = True
            with self._lock:
                self._streamed.append(sent)


def repeated(chunk: bytes, count: int) -> Callable[[], Iterator[bytes]]:
    """A `Reply.stream`: `chunk`, `count` times, made lazily (a GiB never sits in memory)."""
    return lambda: (chunk for _ in range(count))


def _generic_script(group_id: str, *, trained: bool = False) -> tuple[Reply, ...]:
    ok = TRAINED if trained else OK
    match = re.fullmatch(r"(once|always)-(\d{3})", group_id)
    if match is None:
        return (ok,)
    status = int(match[2])
    reply = Reply(
        status,
        {"error": {"code": f"Status{status}", "message": f"Scripted {status}."}},
        {"Retry-After": "0"} if status in (429, 503) else {},
    )
    return (reply, ok) if match[1] == "once" else (reply,)


def loopback_servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    """A main server on 127.0.0.1 and an "other origin" server, for fixtures.

    The other one is on 127.0.0.2 where the system allows binding it (Linux does), else on
    another port of 127.0.0.1; either way a different origin. The main server already has
    `redirect-same` (to its own `ok`), `redirect-relative`, `redirect-loop`,
    `redirect-other` and `redirect-other-307` (to the other server's `ok`).
    """
    try:
        other = LoopbackServer("127.0.0.2").start()
    except OSError:
        other = LoopbackServer("127.0.0.1").start()
    main = LoopbackServer("127.0.0.1").start()
    try:
        main.redirect("redirect-same", main.operation_url("ok"))
        main.redirect("redirect-relative", f"{API_PREFIX}/persongroups/ok/training")
        main.redirect("redirect-loop", main.operation_url("redirect-loop"))
        main.redirect("redirect-other", other.operation_url("ok"))
        main.redirect("redirect-other-307", other.operation_url("ok"), status=307)
        yield main, other
    finally:
        main.stop()
        other.stop()


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])
