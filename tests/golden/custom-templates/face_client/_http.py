"""The request pipeline of face_client: credentials, redirects, retries, logging."""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import json
import logging
import math
import os
import random
import re
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

import httpx

from ._runtime import decode_enum, parse_date, parse_datetime, to_json
from .credentials import ApiKeyCredential, _TokenCache
from .errors import ApiError, ClientError, DeserializationError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

LOGGER = logging.getLogger("face_client")

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
    """Exponential backoff with jitter: about factor·2^(attempt-1), capped, times
    0.5–1."""
    return float(min(maximum, factor * 2.0 ** (attempt - 1)) * random.uniform(0.5, 1.0))


def retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait: Retry-After (seconds or HTTP date) or
    retry-after-ms."""
    millis = response.headers.get("retry-after-ms")
    if millis is not None:
        try:
            seconds = float(millis) / 1000
        except ValueError:
            seconds = math.nan
        # "nan" and "inf" parse as floats, and sleep() refuses them.
        if math.isfinite(seconds):
            return min(max(seconds, 0.0), MAX_RETRY_AFTER)
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


def status_location(response: httpx.Response, headers: tuple[str, ...]) -> str:
    """The status URL a long-running operation's start response gives: the first of
    `headers` it sends, resolved against the request's URL. Credentials still go only to
    the API's own origin (see Auth)."""
    for name in headers:
        value = response.headers.get(name)
        if value and value.strip():
            return str(response.request.url.join(value.strip()))
    raise ClientError(
        f"the service started the operation but sent no status URL (none of the headers"
        f" {', '.join(headers)}); the operation cannot be followed"
    )


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
        if (
            self._key_in == "query"
            and self._key_name is not None
            and self._key_name in url.params
        ):
            return str(url.copy_set_param(self._key_name, "***"))
        return str(url)


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


def quote_path(value: object) -> str:
    """A path parameter, percent-encoded so that `/`, `..` or `?` cannot change the
    path."""
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
    """A server variable: a non-empty string, one of `choices` when the spec lists
    them."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    if choices and value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value.rstrip("/")


# -- responses -------------------------------------------------------------------------


def read_json(response: httpx.Response, root: str) -> Any:
    """The JSON body of a success response, or DeserializationError saying what came
    instead."""
    try:
        return response.json()
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
