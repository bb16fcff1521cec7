"""What the client tests drive generated clients with: fake secrets and token credentials,
counting transports, a log capture, exception helpers, and the `flavour` machinery.

`Blocking` presents an `AsyncClient` with the blocking surface of `Client`, so a test of a
client behaviour is written once and run on both (`client_of` makes either client for a
`flavour`; `loop_views` does the same for async objects a test builds itself, such as an
`AsyncPoller`).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from support.loopback import MAX_DELAY, SPEC_EXAMPLE, RecordedRequest

if TYPE_CHECKING:
    from typing import Self

# -- Fakes shared by the client tests ----------------------------------------------------------

SECRET_MARK = "s3cr3t"
"""Part of every fake secret below: no log record, repr or error message may contain it."""
API_KEY = f"key-{SECRET_MARK}-0123456789abcdef"
TOKEN = f"tok-{SECRET_MARK}-fedcba9876543210"
SCOPE = "https://cognitiveservices.azure.com/.default"


@dataclass(frozen=True)
class FakeToken:
    """Any object with `.token` and `.expires_on` must do (not only the package's AccessToken)."""

    token: str
    expires_on: int


class TokenCredential:
    """A credential whose `get_token` records its calls; tokens live `lifetime` seconds.

    `delay` makes each `get_token` call take that long (to let concurrent requests overlap).
    """

    def __init__(self, lifetime: int = 3600, token: str = TOKEN, delay: float = 0.0) -> None:
        self.lifetime = lifetime
        self.token = token
        self.delay = delay
        self.calls: list[tuple[tuple[str, ...], dict[str, Any]]] = []

    def _issue(self, scopes: tuple[str, ...], kwargs: dict[str, Any]) -> FakeToken:
        self.calls.append((scopes, kwargs))
        return FakeToken(self.token, int(time.time()) + self.lifetime)

    def get_token(self, *scopes: str, **kwargs: Any) -> FakeToken:
        time.sleep(min(self.delay, MAX_DELAY))
        return self._issue(scopes, kwargs)


class AsyncTokenCredential(TokenCredential):
    """The same, with a coroutine `get_token` (azure.core's AsyncTokenCredential shape)."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> FakeToken:  # type: ignore[override]
        await asyncio.sleep(min(self.delay, MAX_DELAY))
        return self._issue(scopes, kwargs)


def fake_azure_identity(monkeypatch: pytest.MonkeyPatch, token: str) -> list[tuple[str, ...]]:
    """Make `from azure.identity import DefaultAzureCredential` (as READMEs write it) give a
    credential of the same `get_token` protocol that issues `token`; returns the list the
    scopes of each `get_token` call go to."""
    scopes: list[tuple[str, ...]] = []

    class DefaultAzureCredential:
        def get_token(self, *asked: str, **kwargs: Any) -> FakeToken:
            scopes.append(asked)
            return FakeToken(token, 2**31)

    identity = ModuleType("azure.identity")
    identity.DefaultAzureCredential = DefaultAzureCredential  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "azure", ModuleType("azure"))
    monkeypatch.setitem(sys.modules, "azure.identity", identity)
    return scopes


class MockService:
    """An `httpx.MockTransport` handler: records requests, answers from a queue.

    Items of `queue` are used once each, in order: an `httpx.Response` is returned, an
    exception is raised. When the queue is empty the answer is the spec's example.
    """

    def __init__(self, *queue: httpx.Response | Exception) -> None:
        self.queue = list(queue)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.queue:
            item = self.queue.pop(0)
            if isinstance(item, Exception):
                raise item
            return item
        return httpx.Response(200, json=SPEC_EXAMPLE)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


class CountingTransport(httpx.HTTPTransport):
    """A real transport that counts the attempts that reach it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attempts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return super().handle_request(request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return await super().handle_async_request(request)


class LogCapture(logging.Handler):
    """Every record of every logger (root and `face_client`, even if it stops propagating)."""

    LOGGERS = ("", "face_client", "httpx", "httpcore")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._saved: list[tuple[logging.Logger, int]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if all(record is not seen for seen in self.records):
            self.records.append(record)

    def __enter__(self) -> Self:
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.level))
            logger.setLevel(logging.DEBUG)
            logger.addHandler(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for logger, level in self._saved:
            logger.removeHandler(self)
            logger.setLevel(level)

    def client_records(self) -> list[logging.LogRecord]:
        return [
            r for r in self.records if r.name == "face_client" or r.name.startswith("face_client.")
        ]

    def leaks(self, secret: str = SECRET_MARK) -> list[str]:
        """Records (any logger, any level) that mention `secret` anywhere."""
        found = []
        for record in self.records:
            text = record.getMessage() + repr(vars(record))
            if record.exc_info and record.exc_info[1] is not None:
                text += repr(record.exc_info[1]) + str(record.exc_info[1])
            if secret in text:
                found.append(f"{record.name}:{record.levelname}: {record.getMessage()}")
        return found


def exception_texts(exc: BaseException) -> str:
    """str and repr of an exception and of everything it was raised from (or during)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts += [str(current), repr(current), repr(current.args)]
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


def exception_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


class Blocking:
    """An object with coroutine methods (an `AsyncClient`, its pollers and operation groups)
    presented with the blocking surface of its sync twin, so one test body drives both clients.

    A call whose result is awaitable runs to completion on this view's event loop; results
    and attributes of the same package that have coroutine methods themselves (an
    `AsyncPoller`, `client.person_group`) come back as views on the same loop, so a begin_
    poller's `result()` is awaited too. `with` is `async with`; `close()` awaits the object's
    `aclose()`, else its `close()`. A view made from an object owns a new loop and closes it
    when it is closed or exited; `view(other)` makes one that shares the loop without owning
    it, for an object that must run where another lives (an AsyncClient given the
    `httpx.AsyncClient` of a view: connections belong to the loop that opened them).
    Setting an attribute sets it on the object (`poller.polling_interval = 2`). An object
    with neither `aclose()` nor `close()` (an `AsyncPoller` made by a test) gets a view on a
    loop the test owns: see `loop_views`.
    """

    _OWN = frozenset({"wrapped", "_owns_loop", "_loop"})
    """The view's own attributes; any other is the wrapped object's."""

    def __init__(self, wrapped: Any, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.wrapped = wrapped
        self._owns_loop = loop is None
        self._loop = loop if loop is not None else asyncio.new_event_loop()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self.wrapped, name, value)

    def view(self, other: Any) -> Blocking:
        """`other` presented the same way, on this view's loop (which this view keeps owning)."""
        return Blocking(other, self._loop)

    def run(self, value: Any) -> Any:
        """`value`, awaited on the loop when it is awaitable, and as a view when it needs one."""
        if inspect.isawaitable(value):
            value = self._loop.run_until_complete(value)
        return self.view(value) if self._needs_view(value) else value

    def _needs_view(self, value: Any) -> bool:
        # Only the package's own objects: an httpx.Response has coroutine methods too (aread),
        # but the sync client returns it as it is.
        package = type(self.wrapped).__module__.partition(".")[0]
        kind = type(value)
        if kind.__module__.partition(".")[0] != package or isinstance(value, type):
            return False
        if any(inspect.iscoroutinefunction(getattr(kind, name, None)) for name in dir(kind)):
            return True
        # A `with_raw_response` object holds its coroutine functions as attributes.
        own = getattr(value, "__dict__", {})
        return any(inspect.iscoroutinefunction(member) for member in own.values())

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.wrapped, name)
        if not callable(value) or isinstance(value, type):
            return self.view(value) if self._needs_view(value) else value

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.run(value(*args, **kwargs))

        return call

    def __iter__(self) -> Iterator[Any]:
        """`async for` over the object (an `AsyncStream`), one item awaited at a time."""
        items = self.wrapped.__aiter__()
        while True:
            try:
                yield self._loop.run_until_complete(anext(items))
            except StopAsyncIteration:
                return

    def close(self) -> Any:
        closer = getattr(self.wrapped, "aclose", None) or self.wrapped.close
        try:
            return self.run(closer())
        finally:
            self._release_loop()

    def __enter__(self) -> Any:
        entered = self._loop.run_until_complete(self.wrapped.__aenter__())
        return self if entered is self.wrapped else self.run(entered)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._loop.run_until_complete(self.wrapped.__aexit__(exc_type, exc, traceback))
        finally:
            self._release_loop()

    def _release_loop(self) -> None:
        if self._owns_loop and not self._loop.is_closed():
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    def __repr__(self) -> str:
        return repr(self.wrapped)

    def __str__(self) -> str:
        return str(self.wrapped)


# -- one test body for both clients --------------------------------------------------------------

FLAVOURS = ("sync", "async")
"""`sync` drives a package's `Client`, `async` its `AsyncClient` behind `Blocking`."""


def client_of(package: ModuleType, flavour: str, *arguments: Any, **options: Any) -> Any:
    """`package.Client(...)`, or `package.AsyncClient(...)` behind `Blocking` (owning its loop).

    `arguments` are the client's own: `(endpoint, credential)` for the Face client, only
    `(credential,)` for a client whose spec names its server."""
    if flavour == "sync":
        return package.Client(*arguments, **options)
    return Blocking(package.AsyncClient(*arguments, **options))


def iterate(client: Any, iterable: Any) -> Iterator[Any]:
    """The items of `iterable` one at a time, pulled as they are needed: as it is with the
    blocking client; an async iterable of an AsyncClient behind `Blocking` is advanced on
    that view's loop, where the client's connections live."""
    if not isinstance(client, Blocking):
        yield from iterable
        return
    iterator = iterable.__aiter__()
    while True:
        try:
            item = client.run(iterator.__anext__())
        except StopAsyncIteration:
            return
        yield item


@contextmanager
def loop_views(flavour: str) -> Iterator[Callable[[Any], Any]]:
    """A function that presents an object of the given flavour with the blocking surface:
    as it is for `sync`, else as a `Blocking` view on one event loop, closed when the `with`
    ends. For objects a test makes itself and that have nothing to close (an `AsyncPoller`
    built by hand); a client view owns its loop instead (`client_of`)."""
    if flavour == "sync":
        yield lambda value: value
        return
    loop = asyncio.new_event_loop()
    try:
        yield lambda value: Blocking(value, loop)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


def unwrapped(client: Any) -> Any:
    """The client object itself, when `client` is a `Blocking` view of it."""
    return client.wrapped if isinstance(client, Blocking) else client


def token_credential(flavour: str, kind: str = "token") -> TokenCredential:
    """`token`: the client's own kind (a coroutine `get_token` for the AsyncClient);
    `sync-token`: a blocking `get_token`, which the AsyncClient accepts too."""
    return AsyncTokenCredential() if flavour == "async" and kind == "token" else TokenCredential()


def flavoured(*kinds: str) -> list[Any]:
    """`(flavour, kind)` parameters: each credential kind on both clients, but `sync-token`
    on the AsyncClient only (on the Client it is `token`)."""
    return [
        pytest.param(flavour, kind, id=f"{flavour}-{kind}")
        for flavour in FLAVOURS
        for kind in kinds
        if flavour == "async" or kind != "sync-token"
    ]


def has_credential(seen: RecordedRequest | httpx.Headers, kind: str) -> bool:
    """Whether a request (as the server or the mock transport saw it) carries the credential:
    the API key for kind `key`, else the bearer token."""
    get = seen.header if isinstance(seen, RecordedRequest) else seen.get
    if kind == "key":
        return get("Ocp-Apim-Subscription-Key") == API_KEY
    return get("Authorization") == f"Bearer {TOKEN}"
