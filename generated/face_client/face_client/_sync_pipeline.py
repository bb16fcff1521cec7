# Derived from _async_pipeline.py by `python -m generator.runtime.unasync`: edit that.
"""Pipeline: sends one request of an httpx.Client with credentials, redirects,
retries with backoff and logging, within the call's deadline and response size limit."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Mapping
from typing import Protocol

import httpx

from ._auth import Auth
from ._calls import (
    DEFAULT_TIMEOUT,
    IDEMPOTENT_METHODS,
    LOGGER,
    MAX_REDIRECTS,
    MAX_RESPONSE_SIZE,
    REDIRECT_STATUSES,
    RETRY_STATUSES,
    BodyBuffer,
    Call,
    CallOptions,
    asked_wait,
    backoff,
    check_extras,
    check_max_response_size,
    check_max_retries,
    check_timeout,
    failure,
    outgoing,
    overridden,
    watch_body,
    with_query,
    within_deadline,
)
from ._raw_response import record
from .errors import ClientError, RequestTimeoutError, TransportError


class Sender(Protocol):
    """What an operation method uses of the object it is called on: the client
    (`Client`) or one of its operation groups, which holds the client's three (a group's
    method is the client's own function, under a shorter name)."""

    @property
    def _pipeline(self) -> Pipeline: ...

    @property
    def _base_url(self) -> str: ...

    @property
    def _http(self) -> httpx.Client: ...


class Pipeline:
    """Sends one request: credentials, redirects, retries with backoff, and logging,
    within the call's deadline and response size limit."""

    __slots__ = (
        "_auth",
        "_backoff_factor",
        "_backoff_max",
        "_defaults",
        "_http",
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
        headers: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
    ) -> None:
        self._http = http
        self._auth = auth
        self._backoff_factor = backoff_factor
        self._backoff_max = backoff_max
        self._user_agent = user_agent
        self._defaults = CallOptions(
            timeout=check_timeout(timeout),
            max_response_size=check_max_response_size(max_response_size),
            max_retries=check_max_retries(max_retries),
            extra_headers=dict(check_extras(headers, "headers")),
            extra_query=dict(check_extras(query, "query")),
        )

    def derive(self, options: CallOptions) -> Pipeline:
        """A pipeline over the same httpx client and credential whose defaults are
        `options` (None keeps this one's; headers and query add to this one's)."""
        derived = copy.copy(self)
        derived._defaults = overridden(self._defaults, options)
        return derived

    def send(
        self, request: httpx.Request, options: CallOptions | None = None
    ) -> httpx.Response:
        """The response to `request`, body read; the request itself is not changed."""
        started = time.perf_counter()
        call = Call(self._defaults, options)
        request = with_query(request, call)
        response = within_deadline(self._send, request, call)
        record(response, time.perf_counter() - started)
        return response

    def open_stream(
        self, request: httpx.Request, options: CallOptions | None = None
    ) -> tuple[httpx.Response, Call]:
        """The response to `request` and its call: a success response's body is left
        unread (for a stream to read, its call no longer bounding it as a whole), any other
        is read."""
        started = time.perf_counter()
        call = Call(self._defaults, options, streaming=True)
        request = with_query(request, call)
        response = within_deadline(self._send, request, call)
        record(response, time.perf_counter() - started)
        if response.is_success:
            call.open_ended()
        return response, call

    def _send(self, request: httpx.Request, call: Call) -> httpx.Response:
        retryable = request.method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send_following_redirects(request, attempt, call)
            except (TransportError, RequestTimeoutError) as exc:
                if not retryable or attempt > call.max_retries:
                    raise
                delay = backoff(attempt, self._backoff_factor, self._backoff_max)
                if not call.allows(delay):
                    raise
                LOGGER.debug("%s: retrying in %.3f s", type(exc).__name__, delay)
                _sleep(delay)
                continue
            if (
                retryable
                and response.status_code in RETRY_STATUSES
                and attempt <= call.max_retries
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
                _sleep(delay)
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
                if not (call.streaming and response.is_success):
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
                self._auth.apply(
                    outgoing(
                        request,
                        self._user_agent,
                        call,
                        self._auth.same_origin(request.url),
                    )
                ),
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
        watch_body(response, call)
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


def _sleep(seconds: float) -> None:
    # Imported at the first wait, not with the module: the blocking client imports this module
    # too, and a program making blocking calls only need not load the event loop's package.

    time.sleep(seconds)
