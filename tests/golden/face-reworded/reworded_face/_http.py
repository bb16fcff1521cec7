"""The request pipeline of reworded_face: credentials, redirects, retries, logging."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import re
import time
from datetime import date, datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import httpx

from ._runtime import format_datetime
from .credentials import ApiKeyCredential, _TokenCache
from .errors import ApiError, ClientError, DeserializationError

LOGGER = logging.getLogger("reworded_face")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
MAX_RETRY_AFTER = 300.0
"""A server asking to wait longer than this (seconds) is waited for this long."""

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
    """Exponential backoff with jitter: about factor·2^(attempt-1), capped, times 0.5–1."""
    return float(min(maximum, factor * 2.0 ** (attempt - 1)) * random.uniform(0.5, 1.0))


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait: Retry-After (seconds or HTTP date) or retry-after-ms."""
    millis = response.headers.get("retry-after-ms")
    if millis is not None:
        try:
            return min(max(float(millis) / 1000, 0.0), MAX_RETRY_AFTER)
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    wait = (when - datetime.now(timezone.utc)).total_seconds()
    return min(max(wait, 0.0), MAX_RETRY_AFTER)


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
                "credential must be an ApiKeyCredential or an object with get_token(*scopes)"
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
                "refusing to send a bearer token over plain http to a non-loopback host; "
                "use https"
            )

    def apply(self, request: httpx.Request) -> None:
        if not self._same_origin(request.url):
            return
        if self._api_key is not None:
            self._put_key(request)
        elif self._tokens is not None:
            self._check_transport(request.url)
            request.headers["Authorization"] = "Bearer " + self._tokens.get()

    async def apply_async(self, request: httpx.Request) -> None:
        if not self._same_origin(request.url):
            return
        if self._api_key is not None:
            self._put_key(request)
        elif self._tokens is not None:
            self._check_transport(request.url)
            request.headers["Authorization"] = (
                "Bearer " + await self._tokens.get_async()
            )

    def redirect(
        self, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        """The follow-up request for a redirect, with no credential on it (apply adds them
        back only if the new URL is still the API's origin)."""
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
        if (
            self._key_in == "query"
            and self._key_name is not None
            and self._key_name in url.params
        ):
            return str(url.copy_set_param(self._key_name, "***"))
        return str(url)


# -- requests ----------------------------------------------------------------------------------


def to_text(value: object) -> str:
    """A parameter value as text: booleans as JSON spells them, enums by value, RFC 3339 times."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_query(value: object) -> str | list[str]:
    """A query value; a list repeats the parameter (style form, explode true)."""
    if isinstance(value, (list, tuple)):
        return [to_text(item) for item in value]
    return to_text(value)


def quote_path(value: object) -> str:
    """A path parameter, percent-encoded so that `/`, `..` or `?` cannot change the path."""
    text = to_text(value)
    if text in (".", ".."):
        return text.replace(".", "%2E")
    return quote(text, safe="")


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
) -> None:
    """Refuse a string parameter that breaks its schema, before anything is sent."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if min_length is not None and len(value) < min_length:
        raise ValueError(f"{name} must be at least {min_length} characters long")
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"{name} must be at most {max_length} characters long")
    if pattern is not None and _compiled(pattern).search(value) is None:
        raise ValueError(f"{name} must match the pattern {pattern!r}")


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
    if minimum is not None and (
        value <= minimum if exclusive_minimum else value < minimum
    ):
        raise ValueError(
            f"{name} must be {'above' if exclusive_minimum else 'at least'} {minimum}"
        )
    if maximum is not None and (
        value >= maximum if exclusive_maximum else value > maximum
    ):
        raise ValueError(
            f"{name} must be {'below' if exclusive_maximum else 'at most'} {maximum}"
        )


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """A server variable: a non-empty string, one of `choices` when the spec lists them."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    if choices and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value.rstrip("/")


# -- responses ---------------------------------------------------------------------------------


def read_json(response: httpx.Response, root: str) -> Any:
    """The JSON body of a success response, or DeserializationError saying what came instead."""
    try:
        return response.json()
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        raise DeserializationError(
            f"expected a JSON body, got {len(response.content)} bytes of {kind}",
            root=root,
        ) from None


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
    """An ApiError for a non-2xx response; a body of any shape never hides the status."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    parsed = None
    if model is not None and body is not None:
        try:
            parsed = model.from_dict(body)
        except DeserializationError:
            parsed = None
    code = response.headers.get(code_header) if code_header else None
    return ApiError(
        response=response,
        error_code=code or dig(body, code_path),
        service_message=dig(body, message_path),
        model=parsed,
    )


class Pipeline:
    """Sends one request: credentials, redirects, retries with backoff, and logging."""

    __slots__ = (
        "_auth",
        "_backoff_factor",
        "_backoff_max",
        "_http",
        "_max_retries",
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
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._http = http
        self._auth = auth
        self._max_retries = max_retries
        self._backoff_factor = backoff_factor
        self._backoff_max = backoff_max
        self._user_agent = user_agent

    def send(self, request: httpx.Request) -> httpx.Response:
        request.extensions.setdefault("timeout", self._http.timeout.as_dict())
        agent = request.headers.get("user-agent")
        if agent is None or agent.startswith("python-httpx/"):
            request.headers["User-Agent"] = self._user_agent
        retryable = request.method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send_following_redirects(request, attempt)
            except httpx.TransportError as exc:
                if not retryable or attempt > self._max_retries:
                    raise
                delay = backoff(attempt, self._backoff_factor, self._backoff_max)
                LOGGER.debug("%s: retrying in %.3f s", type(exc).__name__, delay)
                time.sleep(delay)
                continue
            if (
                retryable
                and response.status_code in RETRY_STATUSES
                and attempt <= self._max_retries
            ):
                asked = retry_after(response)
                if asked is None:
                    asked = backoff(attempt, self._backoff_factor, self._backoff_max)
                response.close()
                LOGGER.debug(
                    "status %d: retrying in %.3f s", response.status_code, asked
                )
                time.sleep(asked)
                continue
            return response

    def _send_following_redirects(
        self, request: httpx.Request, attempt: int
    ) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            self._auth.apply(request)
            started = time.perf_counter()
            try:
                response = self._http.send(request, follow_redirects=False)
            except httpx.TransportError as exc:
                if LOGGER.isEnabledFor(logging.DEBUG):
                    LOGGER.debug(
                        "%s %s failed: %s (attempt %d, %.1f ms)",
                        request.method,
                        self._auth.redact(request.url),
                        type(exc).__name__,
                        attempt,
                        (time.perf_counter() - started) * 1000,
                    )
                raise
            if LOGGER.isEnabledFor(logging.DEBUG):
                LOGGER.debug(
                    "%s %s -> %d (attempt %d, %.1f ms)",
                    request.method,
                    self._auth.redact(request.url),
                    response.status_code,
                    attempt,
                    (time.perf_counter() - started) * 1000,
                )
            if (
                response.status_code not in REDIRECT_STATUSES
                or "location" not in response.headers
            ):
                return response
            request = self._auth.redirect(request, response)
            response.close()
        raise ClientError(f"gave up after {MAX_REDIRECTS} redirects")


class AsyncPipeline:
    """Sends one request: credentials, redirects, retries with backoff, and logging."""

    __slots__ = (
        "_auth",
        "_backoff_factor",
        "_backoff_max",
        "_http",
        "_max_retries",
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
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self._http = http
        self._auth = auth
        self._max_retries = max_retries
        self._backoff_factor = backoff_factor
        self._backoff_max = backoff_max
        self._user_agent = user_agent

    async def send(self, request: httpx.Request) -> httpx.Response:
        request.extensions.setdefault("timeout", self._http.timeout.as_dict())
        agent = request.headers.get("user-agent")
        if agent is None or agent.startswith("python-httpx/"):
            request.headers["User-Agent"] = self._user_agent
        retryable = request.method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._send_following_redirects(request, attempt)
            except httpx.TransportError as exc:
                if not retryable or attempt > self._max_retries:
                    raise
                delay = backoff(attempt, self._backoff_factor, self._backoff_max)
                LOGGER.debug("%s: retrying in %.3f s", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                continue
            if (
                retryable
                and response.status_code in RETRY_STATUSES
                and attempt <= self._max_retries
            ):
                asked = retry_after(response)
                if asked is None:
                    asked = backoff(attempt, self._backoff_factor, self._backoff_max)
                await response.aclose()
                LOGGER.debug(
                    "status %d: retrying in %.3f s", response.status_code, asked
                )
                await asyncio.sleep(asked)
                continue
            return response

    async def _send_following_redirects(
        self, request: httpx.Request, attempt: int
    ) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            await self._auth.apply_async(request)
            started = time.perf_counter()
            try:
                response = await self._http.send(request, follow_redirects=False)
            except httpx.TransportError as exc:
                if LOGGER.isEnabledFor(logging.DEBUG):
                    LOGGER.debug(
                        "%s %s failed: %s (attempt %d, %.1f ms)",
                        request.method,
                        self._auth.redact(request.url),
                        type(exc).__name__,
                        attempt,
                        (time.perf_counter() - started) * 1000,
                    )
                raise
            if LOGGER.isEnabledFor(logging.DEBUG):
                LOGGER.debug(
                    "%s %s -> %d (attempt %d, %.1f ms)",
                    request.method,
                    self._auth.redact(request.url),
                    response.status_code,
                    attempt,
                    (time.perf_counter() - started) * 1000,
                )
            if (
                response.status_code not in REDIRECT_STATUSES
                or "location" not in response.headers
            ):
                return response
            request = self._auth.redirect(request, response)
            await response.aclose()
        raise ClientError(f"gave up after {MAX_REDIRECTS} redirects")
