"""Raw responses: `client.with_raw_response.<method>(...)` returns an ApiResponse, the
parsed value together with the HTTP response it came from.

A wrapper made by `raw` (or `raw_async`) puts a slot into a context variable for the
length of the call; the pipeline records the call's final response there (`record`).
The slot is an object, not a value: asyncio copies the context into the tasks a call
runs in, and a copy still holds the same slot.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, ParamSpec, TypeVar

import httpx

from .errors import request_id

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiResponse(Generic[R]):
    """What a `with_raw_response` method returns: the value the plain method returns,
    and the HTTP response it was read from.

    Attributes:
        parsed: the value the plain method returns.
        http_response: the httpx.Response, body read; its `request` carries no credential.
        elapsed: seconds the whole call took (float), retries and redirects included.
    """

    parsed: R
    http_response: httpx.Response
    elapsed: float

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The service's id of the request: x-ms-request-id, apim-request-id,
        x-request-id or request-id, the first present; None without one."""
        return request_id(self.http_response.headers)


class _Slot:
    __slots__ = ("elapsed", "response")

    def __init__(self) -> None:
        self.response: httpx.Response | None = None
        self.elapsed = 0.0


_SLOT: ContextVar[_Slot | None] = ContextVar("raw_response", default=None)


def record(response: httpx.Response, elapsed: float) -> None:
    """The pipeline's final response of a call, for a raw wrapper waiting for it."""
    slot = _SLOT.get()
    if slot is not None:
        slot.response = response
        slot.elapsed = elapsed


def _answer(slot: _Slot, parsed: R) -> ApiResponse[R]:
    if slot.response is None:  # pragma: no cover - every method sends a request
        raise RuntimeError("the call sent no request")
    return ApiResponse(parsed=parsed, http_response=slot.response, elapsed=slot.elapsed)


def raw(method: Callable[P, R]) -> Callable[P, ApiResponse[R]]:
    """`method` returning an ApiResponse of its value (same parameters)."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> ApiResponse[R]:
        slot = _Slot()
        token = _SLOT.set(slot)
        try:
            parsed = method(*args, **kwargs)
        finally:
            _SLOT.reset(token)
        return _answer(slot, parsed)

    return call


def raw_async(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[ApiResponse[R]]]:
    """The coroutine method `method` returning an ApiResponse of its value."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> ApiResponse[R]:
        slot = _Slot()
        token = _SLOT.set(slot)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            _SLOT.reset(token)
        return _answer(slot, parsed)

    return call
