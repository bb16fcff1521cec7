"""Credentials: an API key, the value of an HTTP authentication scheme, or any azure-core
style token credential.

Secrets are kept out of `repr`, `str`, logs and exception messages.
"""

from __future__ import annotations

import base64
import re
import threading
import time
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

if TYPE_CHECKING:
    import asyncio

_REFRESH_MARGIN = 300
"""Seconds before expiry at which a cached token is replaced (as azure-core does)."""


class ApiKeyCredential:
    """An API key, sent in the header or query parameter the API's apiKey scheme
    names."""

    __slots__ = ("_key",)

    def __init__(self, key: str) -> None:
        if not isinstance(key, str) or not key:
            raise ValueError("the API key must be a non-empty string")
        self._key = key

    @property
    def key(self) -> str:
        return self._key

    def update(self, key: str) -> None:
        """Rotate the key; requests made afterwards use the new one."""
        if not isinstance(key, str) or not key:
            raise ValueError("the API key must be a non-empty string")
        self._key = key

    def __repr__(self) -> str:
        return "ApiKeyCredential(key='***')"

    __str__ = __repr__


_SCHEME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_VALUE = re.compile(r"[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?")


def _checked_value(value: object) -> str:
    if not isinstance(value, str) or not _VALUE.fullmatch(value):
        raise ValueError(
            "the credential must be a non-empty string of visible ASCII (it is sent in"
            " the Authorization header)"
        )
    return value


class HttpCredential:
    """A credential of an HTTP authentication scheme the API declares other than bearer
    tokens (`Basic`, `SharedAccessKey`, ...): requests carry `Authorization: <scheme>
    <value>`, the scheme named as the API description names it.

    `scheme` picks one where the API declares several; `HttpCredential.basic(user,
    password)` makes the value of the Basic scheme."""

    __slots__ = ("_scheme", "_value")

    def __init__(self, value: str, *, scheme: str | None = None) -> None:
        if scheme is not None and (
            not isinstance(scheme, str) or not _SCHEME.fullmatch(scheme)
        ):
            raise ValueError("scheme must be an HTTP authentication scheme name")
        self._value = _checked_value(value)
        self._scheme = scheme

    @classmethod
    def basic(cls, username: str, password: str) -> HttpCredential:
        """The Basic scheme's credential (RFC 7617): `username:password` in base64."""
        if not isinstance(username, str) or not isinstance(password, str):
            raise TypeError("a Basic username and password are strings")
        if ":" in username:
            raise ValueError("a Basic username has no ':'")
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        return cls(token, scheme="Basic")

    @property
    def value(self) -> str:
        return self._value

    @property
    def scheme(self) -> str | None:
        """The scheme it is for; None: the API's (the first, when it declares several)."""
        return self._scheme

    def update(self, value: str) -> None:
        """Rotate the value; requests made afterwards use the new one."""
        self._value = _checked_value(value)

    def __repr__(self) -> str:
        return f"HttpCredential(value='***', scheme={self._scheme!r})"

    __str__ = __repr__


class AccessToken(NamedTuple):
    """A bearer token and when it expires (seconds since the epoch)."""

    token: str
    expires_on: int

    def __repr__(self) -> str:
        return f"AccessToken(token='***', expires_on={self.expires_on})"


@runtime_checkable
class TokenCredential(Protocol):
    """azure-core's TokenCredential protocol: azure-identity credentials fit it
    unchanged."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


class _TokenCache:
    """One `get_token` call for many requests, until shortly before the token
    expires."""

    __slots__ = ("_async_lock", "_credential", "_lock", "_scopes", "_token")

    def __init__(self, credential: TokenCredential, scopes: tuple[str, ...]) -> None:
        self._credential = credential
        self._scopes = scopes
        self._token: Any = None
        self._lock = threading.Lock()
        # Made by the first asyncio call: a program that makes blocking calls only never
        # imports asyncio.
        self._async_lock: asyncio.Lock | None = None

    def _fresh(self) -> str | None:
        token = self._token
        if token is not None and token.expires_on - time.time() > _REFRESH_MARGIN:
            return str(token.token)
        return None

    def get(self) -> str:
        cached = self._fresh()
        if cached is not None:
            return cached
        with self._lock:
            cached = self._fresh()
            if cached is None:
                self._token = self._credential.get_token(*self._scopes)
                cached = str(self._token.token)
            return cached

    async def get_async(self) -> str:
        cached = self._fresh()
        if cached is not None:
            return cached
        if self._async_lock is None:
            import asyncio

            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            cached = self._fresh()
            if cached is None:
                token = self._credential.get_token(*self._scopes)
                if isinstance(token, Awaitable):
                    token = await token
                self._token = token
                cached = str(token.token)
            return cached

    def __repr__(self) -> str:
        return "_TokenCache(token='***')"
