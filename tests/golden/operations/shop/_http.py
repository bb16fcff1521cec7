"""The request pipeline of shop: credentials, redirects, retries, logging,
the deadline of each call and the size limit of its response."""

from __future__ import annotations

import asyncio
import email.utils
import heapq
import ipaddress
import json
import logging
import math
import os
import random
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import httpx

from ._runtime import decode_enum, parse_date, parse_datetime, to_json
from .credentials import ApiKeyCredential, _TokenCache
from .errors import (
    ApiError,
    ClientError,
    DeserializationError,
    InvalidRequestError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
    printable,
)

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

LOGGER = logging.getLogger("shop")

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

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


def is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
    """Seconds the server asks us to wait, however many (0 or more)."""
    millis = response.headers.get("retry-after-ms")
    if millis is not None:
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


def status_location(
    response: httpx.Response,
    headers: tuple[str, ...],
    secret_params: tuple[str, ...] = (),
) -> str:
    """The status URL a long-running operation's start response gives: the first of
    `headers` it sends, resolved against the request's URL.

    It goes into continuation tokens, so it never holds a credential: the query
    parameters `secret_params` (an API key), userinfo and the fragment are dropped.
    Credentials go back on at send time, and only to the API's own origin (see Auth).
    """
    for name in headers:
        value = response.headers.get(name)
        if value and value.strip():
            return _status_url(response.request.url, name, value.strip(), secret_params)
    raise ClientError(
        f"the service started the operation but sent no status URL (none of the headers"
        f" {', '.join(headers)}); the operation cannot be followed"
    )


def _status_url(
    base: httpx.URL, header: str, value: str, secret_params: tuple[str, ...]
) -> str:
    if value.startswith("#"):
        # "#status" would poll the start URL itself (with its query), not a status.
        raise ClientError(
            f"the service's {header} header {_shown(value)} is only a fragment, not a"
            " status URL; the operation cannot be followed"
        )
    try:
        url = base.join(value)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ClientError(
            f"the service's {header} header {_shown(value)} is not an http(s) URL;"
            " the operation cannot be followed"
        )
    for param in secret_params:
        url = url.copy_remove_param(param)
    return str(url.copy_with(userinfo=b"", fragment=None))


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


@dataclass(frozen=True, slots=True, kw_only=True)
class CallOptions:
    """Settings of one call that replace the client's; None keeps the client's. Made by
    keyword, so that more can join."""

    timeout: float | httpx.Timeout | None = None
    max_response_size: int | None = None


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
        "max_response_size",
        "seconds",
        "timeout",
    )

    def __init__(
        self,
        timeout: float | httpx.Timeout,
        max_response_size: int,
        options: CallOptions | None,
    ) -> None:
        if options is not None and options.timeout is not None:
            timeout = check_timeout(options.timeout)
        if options is not None and options.max_response_size is not None:
            max_response_size = check_max_response_size(options.max_response_size)
        self.timeout = timeout
        self.max_response_size = max_response_size
        self.seconds = total_seconds(timeout)
        self._ends = None if self.seconds is None else time.monotonic() + self.seconds
        self._stream: Any = None
        self._armed = False
        self._finished = False

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
        return {
            phase: left if limit is None else min(limit, left)
            for phase, limit in limits.items()
        }

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


def outgoing(request: httpx.Request, user_agent: str, call: Call) -> httpx.Request:
    """The copy of `request` that goes on the wire: our User-Agent and the call's
    timeouts (credentials are added to it next)."""
    sent = copy_request(request)
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


class Auth:
    """Puts the credential on requests to the API's own origin, and on nothing else."""

    __slots__ = (
        "_api_key",
        "_key_in",
        "_key_name",
        "_origin",
        "_secret_headers",
        "_tokens",
    )

    def __init__(
        self,
        credential: Any,
        *,
        key_name: str | None,
        key_in: str | None,
        scopes: tuple[str, ...],
        base_url: str,
    ) -> None:
        self._api_key: ApiKeyCredential | None = None
        self._tokens: _TokenCache | None = None
        self._key_name = key_name
        self._key_in = key_in
        if isinstance(credential, ApiKeyCredential):
            if key_name is None:
                raise TypeError(
                    "this API declares no apiKey scheme for an ApiKeyCredential"
                )
            self._api_key = credential
        elif callable(getattr(credential, "get_token", None)):
            self._tokens = _TokenCache(credential, scopes)
        elif credential is not None:
            raise TypeError(
                "credential must be an ApiKeyCredential or an object with "
                "get_token(*scopes)"
            )
        self._origin = origin(httpx.URL(base_url))
        secret = {"authorization", "cookie", "proxy-authorization"}
        if key_name is not None and key_in == "header":
            secret.add(key_name.lower())
        self._secret_headers = frozenset(secret)

    def __repr__(self) -> str:
        return "Auth(credential='***')"

    def _same_origin(self, url: httpx.URL) -> bool:
        return origin(url) == self._origin

    def _put_key(self, request: httpx.Request) -> None:
        assert self._api_key is not None and self._key_name is not None
        if self._key_in == "query":
            request.url = request.url.copy_set_param(self._key_name, self._api_key.key)
        else:
            request.headers[self._key_name] = self._api_key.key

    def _check_transport(self, url: httpx.URL) -> None:
        if url.scheme != "https" and not is_loopback(url.host):
            raise ClientError(
                "refusing to send a bearer token over plain http to a non-loopback "
                "host; use https"
            )

    def apply(self, request: httpx.Request) -> httpx.Request:
        """`request` (a copy made to be sent) with the credential on it."""
        if not self._same_origin(request.url):
            return request
        if self._api_key is not None:
            self._put_key(request)
        elif self._tokens is not None:
            self._check_transport(request.url)
            request.headers["Authorization"] = "Bearer " + self._tokens.get()
        return request

    async def apply_async(self, request: httpx.Request) -> httpx.Request:
        if not self._same_origin(request.url):
            return request
        if self._api_key is not None:
            self._put_key(request)
        elif self._tokens is not None:
            self._check_transport(request.url)
            request.headers["Authorization"] = (
                "Bearer " + await self._tokens.get_async()
            )
        return request

    def redirect(
        self, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        """The follow-up request for a redirect, with no credential on it (apply adds
        them back only if the new URL is still the API's origin)."""
        url = request.url.join(response.headers["location"])
        method = request.method
        keep_body = response.status_code in (307, 308)
        if (response.status_code == 303 and method != "HEAD") or (
            response.status_code in (301, 302) and method == "POST"
        ):
            method, keep_body = "GET", False
        drop = set(self._secret_headers) | {"host"}
        if not keep_body:
            drop |= {"content-length", "content-type", "transfer-encoding"}
        headers = [
            (k, v) for k, v in request.headers.multi_items() if k.lower() not in drop
        ]
        if self._key_in == "query" and self._key_name is not None:
            url = url.copy_remove_param(self._key_name)
        redirected = httpx.Request(
            method, url, headers=headers, content=request.content if keep_body else None
        )
        redirected.extensions = dict(request.extensions)
        return redirected

    def redact(self, url: httpx.URL) -> str:
        """The URL for logs: an API key sent in the query is shown as ***."""
        return str(self._redacted_url(url))

    def _redacted_url(self, url: httpx.URL) -> httpx.URL:
        if (
            self._key_in == "query"
            and self._key_name is not None
            and self._key_name in url.params
        ):
            return url.copy_set_param(self._key_name, "***")
        return url

    def redacted(self, request: httpx.Request) -> httpx.Request:
        """A copy of `request` fit for errors: no secret header, an API key in the query
        shown as ***."""
        headers = [
            (k, v)
            for k, v in request.headers.multi_items()
            if k.lower() not in self._secret_headers
        ]
        return copy_request(request, self._redacted_url(request.url), headers)


# -- requests --------------------------------------------------------------------------


# A Python value as its JSON value; bytes and file objects stay as they are, for the
# body encoders to send as files.
to_wire = to_json


def _scalar_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_text(value: object) -> str:
    """A path or header value (style simple): arrays and objects comma-separated."""
    wire = to_wire(value)
    if isinstance(wire, list):
        return ",".join(_scalar_text(item) for item in wire)
    if isinstance(wire, dict):
        return ",".join(f"{key},{_scalar_text(item)}" for key, item in wire.items())
    return _scalar_text(wire)


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}

QueryItems = list[tuple[str, str | int | float | bool | None]]
"""Query parameters in order, as httpx takes them."""


def add_query(
    params: QueryItems, name: str, value: object, style: str, explode: bool
) -> None:
    """Append one parameter, serialized by its OpenAPI style and explode."""
    wire = to_wire(value)
    if style == "deepObject" and isinstance(wire, (dict, list)):
        _add_deep(params, name, wire)
    elif isinstance(wire, list):
        texts = [_scalar_text(item) for item in wire]
        if explode and style == "form":
            params.extend((name, text) for text in texts)
        else:
            params.append((name, _DELIMITERS.get(style, ",").join(texts)))
    elif isinstance(wire, dict):
        if explode:
            params.extend((str(key), _scalar_text(item)) for key, item in wire.items())
        else:
            params.append(
                (
                    name,
                    ",".join(
                        f"{key},{_scalar_text(item)}" for key, item in wire.items()
                    ),
                )
            )
    else:
        params.append((name, _scalar_text(wire)))


def _add_deep(params: QueryItems, prefix: str, wire: object) -> None:
    """`name[key][0]=value`: nested objects and arrays, by key and index."""
    if isinstance(wire, dict):
        for key, item in wire.items():
            _add_deep(params, f"{prefix}[{key}]", item)
    elif isinstance(wire, list):
        for index, item in enumerate(wire):
            _add_deep(params, f"{prefix}[{index}]", item)
    else:
        params.append((prefix, _scalar_text(wire)))


ReadOnlyRules = dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]]
"""By model: its readOnly wire names, and (wire name, one | list | map, model) for the
nested models that have some."""


def omit_read_only(wire: Any, shape: str, model: str, rules: ReadOnlyRules) -> Any:
    """`wire` (a model's JSON, or a list or map of them) without its readOnly
    properties."""
    if shape == "list" and isinstance(wire, list):
        return [_omit(item, model, rules) for item in wire]
    if shape == "map" and isinstance(wire, dict):
        return {key: _omit(item, model, rules) for key, item in wire.items()}
    return _omit(wire, model, rules)


def _omit(wire: Any, model: str, rules: ReadOnlyRules) -> Any:
    rule = rules.get(model)
    if rule is None or not isinstance(wire, dict):
        return wire
    omit, nested = rule
    result = {key: item for key, item in wire.items() if key not in omit}
    for name, shape, inner in nested:
        if result.get(name) is not None:
            result[name] = omit_read_only(result[name], shape, inner, rules)
    return result


def cookie_header(cookies: list[tuple[str, object]]) -> str:
    return "; ".join(
        f"{name}={quote(to_text(value), safe='')}" for name, value in cookies
    )


Styles = tuple[tuple[str, str, bool], ...]
"""Per-property serialization of a form or multipart body: (wire name, style,
explode)."""


def json_content(wire: object) -> dict[str, Any]:
    return {
        "content": json.dumps(
            wire, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    }


def form_content(wire: object, styles: Styles) -> dict[str, Any]:
    """An `application/x-www-form-urlencoded` body.

    Properties follow their `encoding` entry; without one, scalars and arrays of scalars
    use style form (arrays repeat the key) and objects use deepObject
    (`meta[key]=value`), which keeps the property name where style form would drop it.
    """
    if not isinstance(wire, dict):
        raise TypeError(f"a form body must be an object, not {type(wire).__name__}")
    by_name = {name: (style, explode) for name, style, explode in styles}
    items: QueryItems = []
    for name, value in wire.items():
        style, explode = by_name.get(name, ("", True))
        if style == "json":
            items.append(
                (name, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
            )
            continue
        if not style:
            style = "deepObject" if _is_nested(value) else "form"
        add_query(items, name, value, style, explode)
    return {"content": urlencode(items).encode("ascii")}


def _is_nested(value: object) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(
        isinstance(item, (dict, list)) for item in value
    )


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview)) or callable(
        getattr(value, "read", None)
    )


def _file(name: str, value: object) -> tuple[str, bytes, str]:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return name, bytes(value), "application/octet-stream"
    data = value.read()  # type: ignore[attr-defined]
    if isinstance(data, str):
        data = data.encode("utf-8")
    filename = getattr(value, "name", None)
    filename = (
        os.path.basename(filename) if isinstance(filename, str) and filename else name
    )
    return filename, data, "application/octet-stream"


def multipart_content(wire: object, styles: Styles) -> dict[str, Any]:
    """A `multipart/form-data` body: files as file parts, objects as JSON parts, scalars
    as text parts, arrays as one part per item."""
    if not isinstance(wire, dict):
        return {
            "files": [
                ("body", (None, json.dumps(wire).encode("utf-8"), "application/json"))
            ]
        }
    by_name = {name: style for name, style, _ in styles}
    parts: list[tuple[str, tuple[str | None, bytes, str | None]]] = []
    for name, value in wire.items():
        repeated = (
            isinstance(value, list)
            and by_name.get(name) != "json"
            and not _is_nested(value)
        )
        for item in value if repeated else [value]:
            if _is_file(item):
                parts.append((name, _file(name, item)))
            elif by_name.get(name) == "json" or isinstance(item, (dict, list)):
                data = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                parts.append((name, (None, data.encode("utf-8"), "application/json")))
            else:
                parts.append((name, (None, _scalar_text(item).encode("utf-8"), None)))
    return {"files": parts}


def binary_content(value: object) -> dict[str, Any]:
    """A raw body from bytes or a binary file (read once, so that a retry can resend
    it)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"content": bytes(value)}
    if callable(getattr(value, "read", None)):
        data = value.read()  # type: ignore[attr-defined]
        return {
            "content": data.encode("utf-8") if isinstance(data, str) else bytes(data)
        }
    raise TypeError(f"expected bytes or a binary file, not {type(value).__name__}")


def text_content(value: object) -> dict[str, Any]:
    if not isinstance(value, str):
        raise TypeError(f"expected a str body, not {type(value).__name__}")
    return {"content": value.encode("utf-8")}


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    params: QueryItems | None,
    content: dict[str, Any] | None,
    media_type: str,
) -> httpx.Request:
    """A request with a body; multipart bodies get their boundary from httpx."""
    if content is None:
        return http.build_request(method, url, headers=headers, params=params)
    if "files" not in content:
        headers["Content-Type"] = _concrete(media_type)
    return http.build_request(method, url, headers=headers, params=params, **content)


def _concrete(media_type: str) -> str:
    """A wildcard media type from the spec (`image/*`) cannot be a Content-Type."""
    return "application/octet-stream" if "*" in media_type else media_type


def quote_path(value: object, name: str = "a path parameter") -> str:
    """A path parameter, percent-encoded so that `/`, `..` or `?` cannot change the
    path; an empty one is refused, since `/items/` is another resource than an item."""
    text = to_text(value)
    if not text:
        raise ValueError(
            f"{name} must not be empty: it is a segment of the request's path"
        )
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe="")


# Control characters end a header line (CR, LF) or are refused by HTTP; httpx sends
# header text as ASCII, so anything else cannot be sent either.
_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*")


def header_text(name: str, value: object) -> str:
    """A header parameter's value (style simple), refused before anything is sent
    when it cannot be a header: control characters (CR, LF, NUL, ...) or non-ASCII."""
    text = to_text(value)
    if not _HEADER_TEXT.fullmatch(text):
        raise ValueError(
            f"{name} cannot be sent as an HTTP header: it must be ASCII text without"
            f" control characters (CR, LF, NUL); got {_shown(text)}"
        )
    return text


_SHOWN_LENGTH = 40


def _shown(value: object) -> str:
    """`value` for an error message: its repr, cut short."""
    text = repr(value)
    if len(text) <= _SHOWN_LENGTH:
        return text
    return text[: _SHOWN_LENGTH - 3] + "..."


def _characters(count: int) -> str:
    return f"{count} character" if count == 1 else f"{count} characters"


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_text(
    name: str,
    value: object,
    *,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    spec_pattern: str | None = None,
) -> None:
    """Refuse a string parameter that breaks its schema, before anything is sent.

    `pattern` is the spec's pattern in Python's syntax; messages show `spec_pattern`,
    the spec's own spelling (ECMA-262), when it differs.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if min_length is not None and len(value) < min_length:
        raise ValueError(
            f"{name} must be at least {_characters(min_length)} long;"
            f" got {_shown(value)}"
        )
    if max_length is not None and len(value) > max_length:
        raise ValueError(
            f"{name} must be at most {_characters(max_length)} long;"
            f" got {_shown(value)}"
        )
    if pattern is not None and _compiled(pattern).search(value) is None:
        raise ValueError(
            f"{name} must match the pattern {_pattern_text(spec_pattern or pattern)};"
            f" got {_shown(value)}"
        )


def _pattern_text(pattern: str) -> str:
    """A pattern as the spec writes it, /between slashes/ (a repr would double every
    backslash); one with control characters as its repr."""
    return f"/{pattern}/" if pattern.isprintable() else repr(pattern)


def check_number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    exclusive_maximum: bool = False,
) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {_shown(value)}")
    if minimum is not None and (
        value <= minimum if exclusive_minimum else value < minimum
    ):
        bound = "above" if exclusive_minimum else "at least"
        raise ValueError(f"{name} must be {bound} {minimum}; got {_shown(value)}")
    if maximum is not None and (
        value >= maximum if exclusive_maximum else value > maximum
    ):
        bound = "below" if exclusive_maximum else "at most"
        raise ValueError(f"{name} must be {bound} {maximum}; got {_shown(value)}")


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """A server variable: a non-empty string, one of `choices` when the spec lists
    them."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string; got {_shown(value)}")
    if choices and value not in choices:
        raise ValueError(
            f"{name} must be one of {', '.join(choices)}; got {_shown(value)}"
        )
    return value.rstrip("/")


def check_endpoint(name: str, value: str, added_path: str) -> None:
    """Refuse a base URL that is not http(s)://host, or that already holds the path the
    client adds after it (`added_path`, from the server URL in the spec)."""
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        url = httpx.URL()
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"{name} must be an http:// or https:// URL such as"
            f" 'https://my-resource.example.com'; got {value!r}"
        )
    segment = added_path.strip("/").split("/")[0]
    if segment and "{" not in segment and segment in url.path.split("/"):
        raise ValueError(
            f"{name} must not include the path the client adds after it"
            f" ({added_path!r}...); give only the scheme and host, got {value!r}"
        )


# -- responses -------------------------------------------------------------------------


def read_json(response: httpx.Response, root: str) -> Any:
    """The JSON body of a success response, or DeserializationError saying what came
    instead."""
    try:
        return response.json()
    except RecursionError:
        raise DeserializationError("the JSON body is too deep", root=root) from None
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        raise DeserializationError(
            f"expected a JSON body, got {len(response.content)} bytes of {kind}",
            root=root,
        ) from None


def _header(headers: httpx.Headers, name: str, parse: Callable[[str], T]) -> T | None:
    text = headers.get(name)
    if text is None:
        return None
    try:
        return parse(text.strip())
    except (ValueError, DeserializationError):
        raise DeserializationError(f"header {name}: cannot read {text!r}") from None


def header_int(headers: httpx.Headers, name: str) -> int | None:
    return _header(headers, name, int)


def header_float(headers: httpx.Headers, name: str) -> float | None:
    return _header(headers, name, float)


def _boolean(text: str) -> bool:
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise ValueError(text)


def header_bool(headers: httpx.Headers, name: str) -> bool | None:
    return _header(headers, name, _boolean)


def _datetime(text: str) -> datetime:
    try:
        return parse_datetime(text)
    except DeserializationError:
        # HTTP headers (Date, Last-Modified, Retry-After) use the IMF-fixdate form
        # instead.
        return email.utils.parsedate_to_datetime(text)


def header_datetime(headers: httpx.Headers, name: str) -> datetime | None:
    return _header(headers, name, _datetime)


def header_date(headers: httpx.Headers, name: str) -> date | None:
    return _header(headers, name, parse_date)


def header_enum(headers: httpx.Headers, name: str, cls: type[E]) -> E | None:
    return _header(headers, name, lambda text: decode_enum(cls, text))


def header_list(headers: httpx.Headers, name: str) -> list[str] | None:
    return _header(
        headers, name, lambda text: [item.strip() for item in text.split(",")]
    )


def header_json(headers: httpx.Headers, name: str) -> Any:
    return _header(headers, name, json.loads)


def dig(body: object, path: tuple[str, ...]) -> str | None:
    for key in path:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body if isinstance(body, str) and path else None


def api_error(
    response: httpx.Response,
    model: Any,
    *,
    code_header: str | None = None,
    code_path: tuple[str, ...] = (),
    message_path: tuple[str, ...] = (),
) -> ApiError:
    """An ApiError for a non-2xx response; a body of any shape never hides the
    status."""
    try:
        body: Any = response.json()
    except (ValueError, RecursionError):
        body = None
    parsed = None
    if model is not None and body is not None:
        try:
            parsed = model.from_dict(body)
        except (DeserializationError, RecursionError):
            parsed = None
    code = response.headers.get(code_header) if code_header else None
    return ApiError(
        response=response,
        error_code=code or dig(body, code_path),
        service_message=dig(body, message_path),
        model=parsed,
    )


class Pipeline:
    """Sends one request: credentials, redirects, retries with backoff, and logging,
    within the call's deadline and response size limit."""

    __slots__ = (
        "_auth",
        "_backoff_factor",
        "_backoff_max",
        "_http",
        "_max_response_size",
        "_max_retries",
        "_timeout",
        "_user_agent",
    )

    def __init__(
        self,
        http: httpx.Client,
        auth: Auth,
        *,
        max_retries: int,
        backoff_factor: float,
        backoff_max: float,
        user_agent: str,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_response_size: int = MAX_RESPONSE_SIZE,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._http = http
        self._auth = auth
        self._max_retries = max_retries
        self._backoff_factor = backoff_factor
        self._backoff_max = backoff_max
        self._user_agent = user_agent
        self._timeout = check_timeout(timeout)
        self._max_response_size = check_max_response_size(max_response_size)

    def send(
        self, request: httpx.Request, options: CallOptions | None = None
    ) -> httpx.Response:
        """The response to `request`, body read; the request itself is not changed."""
        call = Call(self._timeout, self._max_response_size, options)
        call.arm()
        try:
            return self._send(request, call)
        finally:
            call.disarm()

    def _send(self, request: httpx.Request, call: Call) -> httpx.Response:
        retryable = request.method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send_following_redirects(request, attempt, call)
            except (TransportError, RequestTimeoutError) as exc:
                if not retryable or attempt > self._max_retries:
                    raise
                delay = backoff(attempt, self._backoff_factor, self._backoff_max)
                if not call.allows(delay):
                    raise
                LOGGER.debug("%s: retrying in %.3f s", type(exc).__name__, delay)
                time.sleep(delay)
                continue
            if (
                retryable
                and response.status_code in RETRY_STATUSES
                and attempt <= self._max_retries
            ):
                asked = asked_wait(response)
                if asked is None:
                    asked = backoff(attempt, self._backoff_factor, self._backoff_max)
                if not call.allows(asked):
                    # Waiting would outlast the call: the caller gets the answer now.
                    return response
                delay = min(asked, self._backoff_max)
                LOGGER.debug(
                    "status %d: retrying in %.3f s", response.status_code, delay
                )
                time.sleep(delay)
                continue
            return response

    def _send_following_redirects(
        self, request: httpx.Request, attempt: int, call: Call
    ) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self._exchange(request, attempt, call)
            if (
                response.status_code not in REDIRECT_STATUSES
                or "location" not in response.headers
            ):
                self._read_body(response, request, call)
                return response
            response.close()
            request = self._auth.redirect(request, response)
        raise ClientError(f"gave up after {MAX_REDIRECTS} redirects")

    def _exchange(
        self, request: httpx.Request, attempt: int, call: Call
    ) -> httpx.Response:
        """The response's head; credentials go on a copy of `request` that no frame of
        this package keeps (tracebacks with locals must not show them)."""
        call.check(request)
        started = time.perf_counter()
        try:
            response = self._http.send(
                self._auth.apply(outgoing(request, self._user_agent, call)),
                follow_redirects=False,
                stream=True,
            )
        except httpx.RequestError as exc:
            if LOGGER.isEnabledFor(logging.DEBUG):
                LOGGER.debug(
                    "%s %s failed: %s (attempt %d, %.1f ms)",
                    request.method,
                    self._auth.redact(request.url),
                    type(exc).__name__,
                    attempt,
                    (time.perf_counter() - started) * 1000,
                )
            raise failure(exc, self._auth.redacted(request), call) from exc
        response.request = self._auth.redacted(response.request)
        if LOGGER.isEnabledFor(logging.DEBUG):
            LOGGER.debug(
                "%s %s -> %d (attempt %d, %.1f ms)",
                request.method,
                self._auth.redact(request.url),
                response.status_code,
                attempt,
                (time.perf_counter() - started) * 1000,
            )
        return response

    def _read_body(
        self, response: httpx.Response, request: httpx.Request, call: Call
    ) -> None:
        """Read the body in chunks, up to the size limit and within the deadline."""
        call.watch(response.extensions.get("network_stream"))
        try:
            body = BodyBuffer(call.max_response_size, response)
            if body.raw:
                chunks = response.iter_raw()
            else:
                chunks = response.iter_bytes()
            for chunk in chunks:
                body.add(chunk)
                call.check(request)
        except httpx.RequestError as exc:
            raise failure(exc, response.request, call) from exc
        finally:
            response.close()
        body.store()


class AsyncPipeline:
    """Sends one request: credentials, redirects, retries with backoff, and logging,
    within the call's deadline and response size limit."""

    __slots__ = (
        "_auth",
        "_backoff_factor",
        "_backoff_max",
        "_http",
        "_max_response_size",
        "_max_retries",
        "_timeout",
        "_user_agent",
    )

    def __init__(
        self,
        http: httpx.AsyncClient,
        auth: Auth,
        *,
        max_retries: int,
        backoff_factor: float,
        backoff_max: float,
        user_agent: str,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_response_size: int = MAX_RESPONSE_SIZE,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._http = http
        self._auth = auth
        self._max_retries = max_retries
        self._backoff_factor = backoff_factor
        self._backoff_max = backoff_max
        self._user_agent = user_agent
        self._timeout = check_timeout(timeout)
        self._max_response_size = check_max_response_size(max_response_size)

    async def send(
        self, request: httpx.Request, options: CallOptions | None = None
    ) -> httpx.Response:
        """The response to `request`, body read; the request itself is not changed."""
        call = Call(self._timeout, self._max_response_size, options)
        # One deadline over everything, including a server that trickles its headers.
        try:
            return await asyncio.wait_for(self._send(request, call), call.left())
        except RequestTimeoutError:
            raise
        except asyncio.TimeoutError:
            raise call.timed_out(request, "the call's deadline passed") from None

    async def _send(self, request: httpx.Request, call: Call) -> httpx.Response:
        retryable = request.method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._send_following_redirects(request, attempt, call)
            except (TransportError, RequestTimeoutError) as exc:
                if not retryable or attempt > self._max_retries:
                    raise
                delay = backoff(attempt, self._backoff_factor, self._backoff_max)
                if not call.allows(delay):
                    raise
                LOGGER.debug("%s: retrying in %.3f s", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                continue
            if (
                retryable
                and response.status_code in RETRY_STATUSES
                and attempt <= self._max_retries
            ):
                asked = asked_wait(response)
                if asked is None:
                    asked = backoff(attempt, self._backoff_factor, self._backoff_max)
                if not call.allows(asked):
                    # Waiting would outlast the call: the caller gets the answer now.
                    return response
                delay = min(asked, self._backoff_max)
                LOGGER.debug(
                    "status %d: retrying in %.3f s", response.status_code, delay
                )
                await asyncio.sleep(delay)
                continue
            return response

    async def _send_following_redirects(
        self, request: httpx.Request, attempt: int, call: Call
    ) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = await self._exchange(request, attempt, call)
            if (
                response.status_code not in REDIRECT_STATUSES
                or "location" not in response.headers
            ):
                await self._read_body(response, request, call)
                return response
            await response.aclose()
            request = self._auth.redirect(request, response)
        raise ClientError(f"gave up after {MAX_REDIRECTS} redirects")

    async def _exchange(
        self, request: httpx.Request, attempt: int, call: Call
    ) -> httpx.Response:
        """The response's head; credentials go on a copy of `request` that no frame of
        this package keeps (tracebacks with locals must not show them)."""
        call.check(request)
        started = time.perf_counter()
        try:
            response = await self._http.send(
                await self._auth.apply_async(outgoing(request, self._user_agent, call)),
                follow_redirects=False,
                stream=True,
            )
        except httpx.RequestError as exc:
            if LOGGER.isEnabledFor(logging.DEBUG):
                LOGGER.debug(
                    "%s %s failed: %s (attempt %d, %.1f ms)",
                    request.method,
                    self._auth.redact(request.url),
                    type(exc).__name__,
                    attempt,
                    (time.perf_counter() - started) * 1000,
                )
            raise failure(exc, self._auth.redacted(request), call) from exc
        response.request = self._auth.redacted(response.request)
        if LOGGER.isEnabledFor(logging.DEBUG):
            LOGGER.debug(
                "%s %s -> %d (attempt %d, %.1f ms)",
                request.method,
                self._auth.redact(request.url),
                response.status_code,
                attempt,
                (time.perf_counter() - started) * 1000,
            )
        return response

    async def _read_body(
        self, response: httpx.Response, request: httpx.Request, call: Call
    ) -> None:
        """Read the body in chunks, up to the size limit and within the deadline."""
        try:
            body = BodyBuffer(call.max_response_size, response)
            if body.raw:
                chunks = response.aiter_raw()
            else:
                chunks = response.aiter_bytes()
            async for chunk in chunks:
                body.add(chunk)
                call.check(request)
        except httpx.RequestError as exc:
            raise failure(exc, response.request, call) from exc
        finally:
            await response.aclose()
        body.store()
