"""AsyncStream: the items of a streamed response body (server-sent events, JSON Lines), read
as they arrive over an httpx response whose body is still unread."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import httpx

from ._calls import Call, CallOptions, Inflater, failure
from ._streams import Decoder
from .errors import ClientError, ResponseTooLargeError

T = TypeVar("T")

_Opened = tuple[httpx.Response, Call]
"""A response whose success body is unread, and the call it belongs to."""


class AsyncStream(Generic[T]):
    """The items of a streamed response, in the order they arrive: iterate it once (`async
    for item in stream`). The response is closed when the items run out, when an error
    ends them, by `close()`, or at the end of an `async with` block.

    Each wait for more of the body is bounded by the call's timeout (its read limit, for an
    httpx.Timeout), and each item by its max_response_size; the stream as a whole is not.
    A broken stream raises TransportError (or RequestTimeoutError), an item that is not
    what the API declares DeserializationError, one too large ResponseTooLargeError.
    """

    __slots__ = (
        "_call",
        "_chunks",
        "_closed",
        "_decoder",
        "_inflater",
        "_items",
        "_response",
    )

    def __init__(
        self, response: httpx.Response, call: Call, decoder: Decoder[T]
    ) -> None:
        self._response = response
        self._call = call
        self._decoder = decoder
        self._items: deque[T] = deque()
        self._closed = False
        encoding = response.headers.get("content-encoding", "").strip().lower()
        self._inflater = Inflater(encoding) if encoding in Inflater.ENCODINGS else None
        # gzip and deflate are inflated here, in bounded pieces; other codings by httpx.
        if self._inflater is not None:
            self._chunks = response.aiter_raw()
        else:
            self._chunks = response.aiter_bytes()

    @classmethod
    async def open(
        cls,
        send: Callable[[httpx.Request, CallOptions | None], Awaitable[_Opened]],
        request: httpx.Request,
        options: CallOptions | None,
        check: Callable[[httpx.Response], object],
        decoder: Decoder[T],
    ) -> AsyncStream[T]:
        """Send `request` (`send` is the pipeline's `open_stream`): a success response
        becomes a stream; any other, its body read, goes to `check`, which raises its
        ApiError."""
        response, call = await send(request, options)
        if not response.is_success:
            check(response)
            raise ClientError(f"unexpected status {response.status_code}")
        return cls(response, call, decoder)

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (its body is what this stream reads)."""
        return self._response

    @property
    def status_code(self) -> int:
        """The response's status."""
        return self._response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response's headers."""
        return self._response.headers

    @property
    def closed(self) -> bool:
        """Whether the response is closed: no more items will come."""
        return self._closed

    async def close(self) -> None:
        """Close the response without reading the rest (no effect once closed)."""
        if not self._closed:
            self._closed = True
            self._items.clear()
            await self._response.aclose()

    def __aiter__(self) -> AsyncStream[T]:
        return self

    async def __anext__(self) -> T:
        while not self._items:
            if self._closed:
                raise StopAsyncIteration
            try:
                await self._read()
            except BaseException:
                await self.close()
                raise
        return self._items.popleft()

    async def _read(self) -> None:
        """Read one chunk; at the end of the body, take the last items and close."""
        try:
            chunk = await anext(self._chunks)
        except StopAsyncIteration:
            self._items.extend(self._decoder.end())
            last = list(self._items)
            await self.close()
            self._items.extend(last)
            return
        except httpx.RequestError as exc:
            raise failure(exc, self._response.request, self._call) from exc
        pieces = [chunk] if self._inflater is None else self._inflater.feed(chunk)
        limit = self._call.max_response_size
        try:
            for piece in pieces:
                self._items.extend(self._decoder.feed(piece, limit))
        except ResponseTooLargeError:
            raise ResponseTooLargeError(
                limit=limit, status_code=self._response.status_code
            ) from None

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
