"""The credential on requests to the API's own origin, and on nothing else: added to the
copy of a request that is sent, dropped on redirects, redacted in logs and errors."""

from __future__ import annotations

import ipaddress
from typing import Any

import httpx

from ._calls import copy_request
from .credentials import ApiKeyCredential, HttpCredential, _TokenCache
from .errors import ClientError

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


class Auth:
    """Puts the credential on requests to the API's own origin, and on nothing else."""

    __slots__ = (
        "_api_key",
        "_http",
        "_http_scheme",
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
        http_schemes: tuple[str, ...] = (),
    ) -> None:
        self._api_key: ApiKeyCredential | None = None
        self._tokens: _TokenCache | None = None
        self._http: HttpCredential | None = None
        self._http_scheme = ""
        self._key_name = key_name
        self._key_in = key_in
        if isinstance(credential, HttpCredential):
            self._http_scheme = _http_scheme(credential, http_schemes)
            self._http = credential
        elif isinstance(credential, ApiKeyCredential):
            if key_name is None:
                raise TypeError(
                    "this API declares no apiKey scheme for an ApiKeyCredential"
                )
            self._api_key = credential
        elif callable(getattr(credential, "get_token", None)):
            self._tokens = _TokenCache(credential, scopes)
        elif credential is not None:
            raise TypeError(
                "credential must be an ApiKeyCredential, an HttpCredential or an object"
                " with get_token(*scopes)"
            )
        self._origin = origin(httpx.URL(base_url))
        secret = {"authorization", "cookie", "proxy-authorization"}
        if key_name is not None and key_in == "header":
            secret.add(key_name.lower())
        self._secret_headers = frozenset(secret)

    def __repr__(self) -> str:
        return "Auth(credential='***')"

    def same_origin(self, url: httpx.URL) -> bool:
        """Whether `url` is on the API's own origin (scheme, host and port)."""
        return origin(url) == self._origin

    def _put_key(self, request: httpx.Request) -> None:
        assert self._api_key is not None and self._key_name is not None
        if self._key_in == "query":
            request.url = request.url.copy_set_param(self._key_name, self._api_key.key)
        else:
            request.headers[self._key_name] = self._api_key.key

    def _check_transport(self, url: httpx.URL, what: str = "a bearer token") -> None:
        if url.scheme != "https" and not is_loopback(url.host):
            raise ClientError(
                f"refusing to send {what} over plain http to a non-loopback "
                "host; use https"
            )

    def _put_http(self, request: httpx.Request) -> None:
        assert self._http is not None
        self._check_transport(request.url, "an Authorization credential")
        request.headers["Authorization"] = f"{self._http_scheme} {self._http.value}"

    def apply(self, request: httpx.Request) -> httpx.Request:
        """`request` (a copy made to be sent) with the credential on it."""
        if not self.same_origin(request.url):
            return request
        if self._api_key is not None:
            self._put_key(request)
        elif self._http is not None:
            self._put_http(request)
        elif self._tokens is not None:
            self._check_transport(request.url)
            request.headers["Authorization"] = "Bearer " + self._tokens.get()
        return request

    async def apply_async(self, request: httpx.Request) -> httpx.Request:
        if not self.same_origin(request.url):
            return request
        if self._api_key is not None:
            self._put_key(request)
        elif self._http is not None:
            self._put_http(request)
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


def _http_scheme(credential: HttpCredential, schemes: tuple[str, ...]) -> str:
    """The scheme an HttpCredential is sent under, as the API description names it."""
    if not schemes:
        raise TypeError(
            "this API declares no HTTP authentication scheme for an HttpCredential"
        )
    if credential.scheme is None:
        return schemes[0]
    for scheme in schemes:
        if scheme.lower() == credential.scheme.lower():
            return scheme
    raise TypeError(
        f"this API declares no HTTP authentication scheme {credential.scheme!r};"
        f" it declares {', '.join(schemes)}"
    )
