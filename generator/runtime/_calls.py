"""One call's limits and what enforces them: the deadline its timeout sets (the watchdog
cutting a blocking call's connection, or asyncio's cancellation), the size limit of its
response, retries' backoff, and the error a failed exchange becomes."""

from __future__ import annotations

import email.utils
import heapq
import logging
import math
import os
import random
import re
import socket
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

import httpx

from .errors import (
    ClientError,
    DeserializationError,
    InvalidRequestError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
    printable,
)

LOGGER = logging.getLogger(__package__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
MAX_RETRY_AFTER = 300.0
"""A server asking to wait longer than this (seconds) is waited for this long."""
DEFAULT_TIMEOUT = 30.0
"""Seconds a call may take in all, retries and their waits included."""
MAX_RESPONSE_SIZE = 100 * 1024 * 1024
"""The largest response body read by default, in bytes (decompressed and as sent)."""

USER_AGENT_SUFFIX = f" python-httpx/{httpx.__version__}"


def backoff(attempt: int, factor: float, maximum: float) -> float:
    """Exponential backoff with jitter: about factor·2^(attempt-1), capped, times
    0.5–1."""
    return float(min(maximum, factor * 2.0 ** (attempt - 1)) * random.uniform(0.5, 1.0))


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait: Retry-After (seconds or HTTP date) or
    retry-after-ms, at most MAX_RETRY_AFTER."""
    asked = asked_wait(response)
    return None if asked is None else min(asked, MAX_RETRY_AFTER)


def asked_wait(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait, however many (0 or more): retry-after-ms,
    x-ms-retry-after-ms or Retry-After, the first one readable."""
    for header in ("retry-after-ms", "x-ms-retry-after-ms"):
        millis = response.headers.get(header)
        if millis is None:
            continue
        try:
            seconds = float(millis) / 1000
        except ValueError:
            seconds = math.nan
        # "nan" and "inf" parse as floats, and sleep() refuses them.
        if math.isfinite(seconds):
            return max(seconds, 0.0)
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - datetime.now(timezone.utc)).total_seconds(), 0.0)


def check_timeout(timeout: object) -> float | httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not 0 < timeout < math.inf
    ):
        raise ValueError(
            "timeout must be a positive number of seconds or an httpx.Timeout"
        )
    return float(timeout)


def check_max_response_size(size: object) -> int:
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ValueError("max_response_size must be a positive number of bytes")
    return size


def total_seconds(timeout: float | httpx.Timeout) -> float | None:
    """The limit on a whole call: a number itself, or the largest phase limit of an
    httpx.Timeout (None when it sets none)."""
    if isinstance(timeout, httpx.Timeout):
        limits = [limit for limit in timeout.as_dict().values() if limit is not None]
        return max(limits) if limits else None
    return timeout


def check_max_retries(retries: object) -> int:
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ValueError("max_retries must be 0 or more")
    return retries


def check_extras(
    items: Mapping[str, str] | None, what: str
) -> tuple[tuple[str, str], ...]:
    """Extra headers or query items as pairs; a name or value that is not text, or holds
    CR, LF or NUL (which could forge another header or request), is refused before
    anything is sent."""
    if items is None:
        return ()
    pairs = []
    for name, value in items.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise InvalidRequestError(f"{what}: names and values must be str")
        if not name or _FORBIDDEN.search(name) or _FORBIDDEN.search(value):
            raise InvalidRequestError(
                f"{what}: {printable(name)!r} holds CR, LF or NUL (or is empty);"
                " nothing was sent"
            )
        pairs.append((name, value))
    return tuple(pairs)


_FORBIDDEN = re.compile(r"[\r\n\x00]")


def merged(
    base: Mapping[str, str] | None, more: Mapping[str, str] | None
) -> dict[str, str]:
    """Headers `base` with `more` over them: a name of `more` replaces the same name of
    `base` whatever its case."""
    names = {name.lower() for name in more or {}}
    kept = {k: v for k, v in (base or {}).items() if k.lower() not in names}
    return {**kept, **(more or {})}


def overridden(
    defaults: CallOptions,
    options: CallOptions,
    names: tuple[str, str] = ("headers", "query"),
) -> CallOptions:
    """`defaults` with what `options` sets, checked; its headers and query are added to
    the defaults' (a header replacing one of the same name). `names` are what errors
    call the headers and the query."""
    return CallOptions(
        timeout=(
            defaults.timeout
            if options.timeout is None
            else check_timeout(options.timeout)
        ),
        max_response_size=(
            defaults.max_response_size
            if options.max_response_size is None
            else check_max_response_size(options.max_response_size)
        ),
        max_retries=(
            defaults.max_retries
            if options.max_retries is None
            else check_max_retries(options.max_retries)
        ),
        extra_headers=merged(
            defaults.extra_headers, dict(check_extras(options.extra_headers, names[0]))
        ),
        extra_query={
            **(defaults.extra_query or {}),
            **dict(check_extras(options.extra_query, names[1])),
        },
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class CallOptions:
    """Settings of one call that replace the client's; None keeps the client's. Made by
    keyword, so that more can join.

    `extra_headers` go on the request (over the operation's own headers of the same name,
    under the credential's) only while it goes to the API's own origin; `extra_query`
    items are appended to its query, but for those it carries already (a page's next link
    that echoes them)."""

    timeout: float | httpx.Timeout | None = None
    max_response_size: int | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, str] | None = None


_CONNECTED = frozenset(
    {"connection.connect_tcp.complete", "connection.start_tls.complete"}
)
"""httpcore's trace events that hand over a new connection's network stream."""


class Call:
    """One call's limits: the deadline its total timeout sets, and the size of a body."""

    __slots__ = (
        "_armed",
        "_ends",
        "_finished",
        "_stream",
        "headers",
        "max_response_size",
        "max_retries",
        "query",
        "seconds",
        "streaming",
        "timeout",
    )

    def __init__(
        self,
        defaults: CallOptions,
        options: CallOptions | None,
        *,
        streaming: bool = False,
    ) -> None:
        """`defaults` are the client's (every field set, extras already checked);
        `options` the call's own."""
        chosen = overridden(
            defaults,
            CallOptions() if options is None else options,
            ("extra_headers", "extra_query"),
        )
        self.timeout: float | httpx.Timeout = check_timeout(chosen.timeout)
        self.max_response_size = check_max_response_size(chosen.max_response_size)
        self.max_retries = check_max_retries(chosen.max_retries)
        self.headers = tuple((chosen.extra_headers or {}).items())
        self.query = tuple((chosen.extra_query or {}).items())
        self.seconds = total_seconds(self.timeout)
        self._ends = None if self.seconds is None else time.monotonic() + self.seconds
        self._stream: Any = None
        self._armed = False
        self._finished = False
        # A stream's call leaves a success body unread, for the stream to read.
        self.streaming = streaming

    def open_ended(self) -> None:
        """The stream's head has arrived: from now on only each wait for more of its body
        is bounded (by the read timeout), not the whole call."""
        self._ends = None

    def left(self) -> float | None:
        """Seconds until the deadline (None: the call has none)."""
        if self._ends is None:
            return None
        return max(0.0, self._ends - time.monotonic())

    def expired(self) -> bool:
        return self._ends is not None and time.monotonic() >= self._ends

    def allows(self, wait: float) -> bool:
        """Whether waiting this long still leaves time to try again."""
        left = self.left()
        return left is None or wait < left

    def check(self, request: httpx.Request) -> None:
        if self.expired():
            raise self.timed_out(request, "the call's deadline passed")

    def timed_out(self, request: httpx.Request, what: str) -> RequestTimeoutError:
        limit = "no total limit" if self.seconds is None else f"{self.seconds:g} s"
        return RequestTimeoutError(
            f"{request.method} {request.url.copy_with(query=None)} timed out"
            f" ({what}; timeout: {limit})",
            timeout=self.seconds,
        )

    def phases(self) -> dict[str, float | None]:
        """httpx's per-phase timeouts for the next attempt, none past the deadline."""
        if isinstance(self.timeout, httpx.Timeout):
            limits: dict[str, float | None] = dict(self.timeout.as_dict())
        else:
            limits = dict.fromkeys(("connect", "read", "write", "pool"), self.timeout)
        left = self.left()
        if left is None:
            return limits
        # A zero timeout would make the socket non-blocking rather than fail at once.
        left = max(left, 0.001)
        phases: dict[str, float | None] = {
            phase: left if limit is None else min(limit, left)
            for phase, limit in limits.items()
        }
        if self.streaming:
            # A stream's every read waits up to the read limit, however long it has run.
            phases["read"] = limits["read"]
        return phases

    # httpx's read timeout is per read: a server sending a byte now and then never trips
    # it. A blocking call therefore has the watchdog cut the connection in use at the
    # deadline (asyncio calls are cancelled instead).

    def arm(self) -> None:
        """Have the watchdog watch this call (nothing to do without a deadline)."""
        if self._ends is not None:
            _WATCHDOG.arm(self._ends, self)
            self._armed = True

    def disarm(self) -> None:
        """The call is over: its connection is no longer the watchdog's business."""
        if self._armed:
            self._finished = True
            _WATCHDOG.disarm()

    @property
    def armed(self) -> bool:
        return self._armed

    def watch(self, stream: Any) -> None:
        """`stream` (httpcore's network stream) is the connection in use now."""
        if stream is not None:
            self._stream = stream

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's `trace` extension: a new connection becomes the one in use."""
        if event in _CONNECTED:
            self.watch(info.get("return_value"))

    def expire(self) -> None:
        """The deadline passed: cut the connection in use, unless the call is over."""
        if self._finished:
            return
        sock = None if self._stream is None else self._stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed


class Watchdog:
    """One thread that expires blocking calls at their deadlines (a timer thread per call
    would cost more than the call itself on a fast network). The thread ends after
    `IDLE` seconds with no call to watch, and starts again with the next."""

    IDLE = 1.0

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """A fresh state (also in a forked child, where the thread does not exist)."""
        self._condition = threading.Condition()
        self._deadlines: list[tuple[float, int, Call]] = []
        self._live = 0
        self._order = 0
        self._thread: threading.Thread | None = None

    def arm(self, ends: float, call: Call) -> None:
        with self._condition:
            self._order += 1
            heapq.heappush(self._deadlines, (ends, self._order, call))
            self._live += 1
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name=f"{LOGGER.name} deadlines", daemon=True
                )
                self._thread.start()
            self._condition.notify()

    def disarm(self) -> None:
        with self._condition:
            self._live -= 1
            if self._live == 0:
                self._condition.notify()

    def _run(self) -> None:
        with self._condition:
            while True:
                now = time.monotonic()
                while self._deadlines and self._deadlines[0][0] <= now:
                    heapq.heappop(self._deadlines)[2].expire()
                if self._live > 0:
                    # Calls past their deadline may still be finishing: no entry left.
                    soonest = self._deadlines[0][0] if self._deadlines else None
                    self._condition.wait(None if soonest is None else soonest - now)
                    continue
                self._deadlines.clear()  # every call in it is over
                self._condition.wait(self.IDLE)
                if self._live == 0:
                    self._thread = None
                    return


_WATCHDOG = Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WATCHDOG.reset)


_PIECE = 65536
"""The most an inflater makes of a compressed chunk at a time, in bytes."""


class Inflater:
    """gzip and deflate decoding in bounded pieces: httpx inflates each chunk from the
    network whole, and 64 KiB of a gzip bomb is 64 MiB."""

    __slots__ = ("_encoding", "_started", "_zlib")

    ENCODINGS = frozenset({"gzip", "x-gzip", "deflate"})

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._started = False
        wbits = zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._pieces(data)
        except zlib.error as exc:
            raise DeserializationError(
                f"cannot decode the {self._encoding} body: {exc}", root="response"
            ) from exc

    def _pieces(self, data: bytes) -> Iterator[bytes]:
        if not self._started and self._encoding == "deflate":
            self._started = True
            try:
                zlib.decompressobj().decompress(data[:2])
            except zlib.error:
                # Many servers send raw deflate without the zlib header; so does httpx.
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        while data and not self._zlib.eof:
            piece = self._zlib.decompress(data, _PIECE)
            data = self._zlib.unconsumed_tail
            if piece:
                yield piece


class BodyBuffer:
    """A response body read in chunks, refused once it passes `limit` bytes, counted
    both decompressed and as sent (a small gzip body can inflate a thousandfold)."""

    __slots__ = ("_chunks", "_inflater", "_limit", "_response", "_size")

    def __init__(self, limit: int, response: httpx.Response) -> None:
        self._chunks: list[bytes] = []
        self._limit = limit
        self._response = response
        self._size = 0
        encoding = response.headers.get("content-encoding", "").strip().lower()
        self._inflater = Inflater(encoding) if encoding in Inflater.ENCODINGS else None
        # A HEAD answer's Content-Length is that of a body it does not send.
        declared = response.headers.get("content-length", "")
        if response.request.method == "HEAD" or response.status_code in (204, 304):
            declared = ""
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            self._refuse()

    def _refuse(self) -> None:
        raise ResponseTooLargeError(
            limit=self._limit, status_code=self._response.status_code
        )

    @property
    def raw(self) -> bool:
        """Whether it takes the body as sent (it decompresses it itself)."""
        return self._inflater is not None

    def add(self, chunk: bytes) -> None:
        """Take a chunk: decoded, or as sent when `raw`."""
        if self._inflater is None:
            self._take(chunk)
        else:
            for piece in self._inflater.feed(chunk):
                self._take(piece)

    def _take(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._limit or (
            self._response.num_bytes_downloaded > self._limit
        ):
            self._refuse()
        self._chunks.append(chunk)

    def store(self) -> None:
        # What Response.read() does; a new Response would decompress the body again.
        self._response._content = b"".join(self._chunks)


def copy_request(
    request: httpx.Request,
    url: httpx.URL | None = None,
    headers: list[tuple[str, str]] | None = None,
) -> httpx.Request:
    """A copy of `request` (same body), with another URL or headers when given."""
    copy = httpx.Request(
        request.method,
        request.url if url is None else url,
        headers=request.headers if headers is None else headers,
        stream=request.stream,
        extensions=dict(request.extensions),
    )
    if isinstance(request.stream, httpx.ByteStream):
        copy.read()
    return copy


def with_query(request: httpx.Request, call: Call) -> httpx.Request:
    """`request` with the call's extra query items appended, but for those its URL carries
    already: a page's next link often echoes the first request's query (OData's nextLink
    does), and a repeated item is one some services refuse. The same request when nothing
    is to be added."""
    if not call.query:
        return request
    present = request.url.params.multi_items()
    missing = [item for item in call.query if item not in present]
    if not missing:
        return request
    query = request.url.query
    added = urlencode(missing).encode("ascii")
    return copy_request(
        request, request.url.copy_with(query=query + b"&" + added if query else added)
    )


def outgoing(
    request: httpx.Request, user_agent: str, call: Call, own_origin: bool
) -> httpx.Request:
    """The copy of `request` that goes on the wire: our User-Agent, the call's timeouts,
    and its extra headers when it goes to the API's `own_origin` (credentials are added
    to it next, and win over an extra header of the same name)."""
    sent = copy_request(request)
    if own_origin:
        for name, value in call.headers:
            sent.headers[name] = value
    agent = sent.headers.get("user-agent")
    if agent is None or agent.startswith("python-httpx/"):
        sent.headers["User-Agent"] = user_agent
    sent.extensions["timeout"] = call.phases()
    if call.armed:
        sent.extensions.setdefault("trace", call.trace)
    return sent


def _drop_frames(exc: BaseException) -> None:
    """Forget where httpx failed: the locals of its frames hold the request as sent,
    credentials included, and tracebacks may print locals."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


def failure(exc: httpx.RequestError, request: httpx.Request, call: Call) -> ClientError:
    """The error a call raises for an httpx one, which becomes its `__cause__` and names
    `request` (the redacted one) instead of the request as sent."""
    exc.request = request
    _drop_frames(exc)
    if call.expired():
        return call.timed_out(request, "the call's deadline passed")
    if isinstance(exc, httpx.TimeoutException):
        return call.timed_out(request, f"{type(exc).__name__}: a per-phase limit")
    where = f"{request.method} {request.url.copy_with(query=None)}"
    detail = f"{type(exc).__name__}: {printable(str(exc))}"
    if isinstance(exc, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)):
        return InvalidRequestError(f"cannot send {where}: {detail}")
    if isinstance(exc, httpx.DecodingError):
        return DeserializationError(
            f"cannot decode the body: {detail}", root="response"
        )
    return TransportError(f"{where} failed: {detail}", request=request)


# -- the deadline, blocking and asyncio ------------------------------------------------
# The one place where the two pipelines differ beyond async and await: the blocking one
# calls the plain hooks, the asyncio one (the source the blocking one is derived from)
# the `_async` ones.


def within_deadline(
    send: Callable[[httpx.Request, Call], httpx.Response],
    request: httpx.Request,
    call: Call,
) -> httpx.Response:
    """`send(request, call)`, with the watchdog cutting its connection at the deadline."""
    call.arm()
    try:
        return send(request, call)
    finally:
        call.disarm()


async def within_deadline_async(
    send: Callable[[httpx.Request, Call], Awaitable[httpx.Response]],
    request: httpx.Request,
    call: Call,
) -> httpx.Response:
    """`send(request, call)`, cancelled at the deadline."""
    # Imported here, not with the module: a program that makes blocking calls only never
    # loads asyncio (a hundredth of a second of importing the client).
    import asyncio

    # One deadline over everything, including a server that trickles its headers.
    try:
        return await asyncio.wait_for(send(request, call), call.left())
    except RequestTimeoutError:
        raise
    except asyncio.TimeoutError:
        raise call.timed_out(request, "the call's deadline passed") from None


def watch_body(response: httpx.Response, call: Call) -> None:
    """The connection a body comes over is the one the watchdog cuts at the deadline."""
    call.watch(response.extensions.get("network_stream"))


def watch_body_async(response: httpx.Response, call: Call) -> None:
    """Nothing to watch: `within_deadline_async` cancels a read past the deadline."""
