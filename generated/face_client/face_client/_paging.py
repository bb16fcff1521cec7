"""Pagination shared by Pager and AsyncPager: pages, continuation tokens, and the styles that
find the next page (a next link in the body, a Link header, a cursor, a token, an offset).

A style answers two questions: which page comes after this response (its token: a URL, a
cursor, a page token or an offset, as text; None on the last page), and which request fetches
the page of a token (the list operation's first request, with the next link as its URL or the
token as its parameter). The pager refuses a next link to another origin than the API's and a
token it has already used, so no loop runs forever and credentials stay with the API.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar
from urllib.parse import urljoin

import httpx

from ._calls import CallOptions
from ._runtime import Unset
from .errors import ClientError, ContinuationTokenError

T = TypeVar("T")

PageSender = Callable[[httpx.Request, "CallOptions | None"], httpx.Response]
"""How Pager sends a page request: the client's pipeline."""
AsyncPageSender = Callable[
    [httpx.Request, "CallOptions | None"], Awaitable[httpx.Response]
]
"""How AsyncPager sends a page request: the client's pipeline."""
PageReader = Callable[[httpx.Response], Any]
"""The list operation's response parser: the decoded page, or ApiError."""

TOKEN_VERSION = 1
"""The continuation token format; a token of another version is refused."""
MAX_TOKEN_LENGTH = 16384
"""The longest continuation token read, in characters."""

_DROPPED_HEADERS = ("host", "content-length")
"""Headers of the first request a later page's request does not copy (httpx sets them)."""
_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")
_REL = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)


class PagingError(ClientError):
    """The pager will not fetch the next page: its next link leads to another origin than the
    API's (scheme, host and port), or its next link, token or cursor is one already used
    (following it would never end). Nothing was sent for that page."""


class Page(Generic[T]):
    """One page of a list operation: its items, the raw response and the token of the next
    page (None on the last page)."""

    __slots__ = ("continuation_token", "items", "response")

    def __init__(
        self, items: list[T], response: httpx.Response, continuation_token: str | None
    ) -> None:
        self.items = items
        """The page's items, decoded."""
        self.response = response
        """The HTTP response (status, headers) the page was read from."""
        self.continuation_token = continuation_token
        """Pass it to `by_page(continuation_token=...)` of the same list call to go on from
        the next page, in this process or another; None when this page is the last."""

    def __repr__(self) -> str:
        return (
            f"Page(items={len(self.items)}, status={self.response.status_code}, "
            f"continuation_token={self.continuation_token!r})"
        )


def value_at(value: Any, path: Sequence[str]) -> Any:
    """The attribute at `path` (Python names, outermost first) of a decoded value; None where
    a step is missing, None or UNSET."""
    for name in path:
        if value is None or isinstance(value, Unset):
            return None
        value = getattr(value, name, None)
    return None if isinstance(value, Unset) else value


def _text(value: Any) -> str | None:
    """A token read from a response as text; None for nothing, an empty string or a bool."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def next_link_header(response: httpx.Response) -> str | None:
    """The target of the `Link` header's `rel="next"` link (RFC 8288), as written."""
    for header in response.headers.get_list("link"):
        for match in _LINK.finditer(header):
            for rel in _REL.finditer(match.group(2)):
                if "next" in (rel.group(1) or rel.group(2) or "").lower().split():
                    return match.group(1).strip()
    return None


class PagingStyle:
    """How a list operation pages. Subclasses say how the next page is found and asked for."""

    __slots__ = ()

    follows_links = False
    """The tokens are URLs (next links), which must stay on the API's origin."""

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        """The token of the page after `response` (the answer to `request`); None at the end."""
        raise NotImplementedError

    def used(self, request: httpx.Request) -> str | None:
        """The token `request` asks for (its URL, or its cursor, token or offset)."""
        raise NotImplementedError

    def request(self, first: httpx.Request, token: str) -> httpx.Request:
        """The request for the page of `token`, made from the list call's first request."""
        raise NotImplementedError


class NextLinkPaging(PagingStyle):
    """The next page is a GET of a URL in the body (`path`, Python names), or in the
    `Link: <...>; rel="next"` header when `path` is None; relative links are resolved against
    the response's URL."""

    __slots__ = ("path",)
    follows_links = True

    def __init__(self, path: Sequence[str] | None) -> None:
        self.path = tuple(path) if path is not None else None

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        if self.path is None:
            link = _text(next_link_header(response))
        else:
            link = _text(value_at(page, self.path))
        return urljoin(str(response.url), link) if link is not None else None

    def used(self, request: httpx.Request) -> str | None:
        return str(request.url)

    def request(self, first: httpx.Request, token: str) -> httpx.Request:
        headers = [
            (k, v)
            for k, v in first.headers.multi_items()
            if k.lower() not in _DROPPED_HEADERS and k.lower() != "content-type"
        ]
        return httpx.Request(
            "GET", token, headers=headers, extensions=dict(first.extensions)
        )


class OnePagePaging(PagingStyle):
    """One page only: nothing follows it."""

    __slots__ = ()

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        return None

    def used(self, request: httpx.Request) -> str | None:
        return None

    def request(self, first: httpx.Request, token: str) -> httpx.Request:
        raise PagingError(
            "this list has one page only: no continuation token goes on from it"
        )


class _Parameter(PagingStyle):
    """A style whose token is the value of one request parameter (query or header)."""

    __slots__ = ("location", "parameter")

    def __init__(self, parameter: str, location: str) -> None:
        self.parameter = parameter
        self.location = location

    def _read(self, request: httpx.Request, name: str) -> str | None:
        found = (
            request.headers.get(name)
            if self.location == "header"
            else request.url.params.get(name)
        )
        return found if isinstance(found, str) else None

    def used(self, request: httpx.Request) -> str | None:
        return self._read(request, self.parameter)

    def request(self, first: httpx.Request, token: str) -> httpx.Request:
        url = first.url
        headers = [
            (k, v)
            for k, v in first.headers.multi_items()
            if k.lower() not in _DROPPED_HEADERS
        ]
        if self.location == "header":
            headers = [
                (k, v) for k, v in headers if k.lower() != self.parameter.lower()
            ]
            headers.append((self.parameter, token))
        else:
            url = url.copy_set_param(self.parameter, token)
        content = first.content if first.method not in ("GET", "HEAD") else None
        return httpx.Request(
            first.method,
            url,
            headers=headers,
            content=content,
            extensions=dict(first.extensions),
        )

    def _short(
        self, request: httpx.Request, items: Sequence[Any], limit: str | None
    ) -> bool:
        """Whether the page holds fewer items than the request's `limit` parameter asked."""
        size = _int(self._read(request, limit)) if limit is not None else None
        return size is not None and len(items) < size


class CursorPaging(_Parameter):
    """Stripe's style: the next page's `parameter` (`starting_after`) is the `field` (Python
    names) of the page's last item; it ends when `has_more` (Python names) is false, else (without
    one) on an empty page or one shorter than the `limit` parameter asked."""

    __slots__ = ("field", "has_more", "limit")

    def __init__(
        self,
        parameter: str,
        location: str,
        field: Sequence[str],
        has_more: Sequence[str] | None = None,
        limit: str | None = None,
    ) -> None:
        super().__init__(parameter, location)
        self.field = tuple(field)
        self.has_more = tuple(has_more) if has_more is not None else None
        self.limit = limit

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        if not items:
            return None
        if self.has_more is not None:
            if value_at(page, self.has_more) is not True:
                return None
        elif self._short(request, items, self.limit):
            return None
        return _text(value_at(items[-1], self.field))


class TokenPaging(_Parameter):
    """The response gives the next page's token, in the body (`path`, Python names) or in a
    `header`; the next request sends it as `parameter`. It ends when there is none."""

    __slots__ = ("header", "path")

    def __init__(
        self,
        parameter: str,
        location: str,
        path: Sequence[str] | None = None,
        header: str | None = None,
    ) -> None:
        super().__init__(parameter, location)
        self.path = tuple(path) if path is not None else None
        self.header = header

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        if self.header is not None:
            return _text(response.headers.get(self.header))
        return _text(value_at(page, self.path or ()))


class OffsetPaging(_Parameter):
    """The next page's `parameter` is this page's offset plus its number of items; it ends on
    an empty page or one shorter than the `limit` parameter asked."""

    __slots__ = ("limit",)

    def __init__(self, parameter: str, location: str, limit: str | None = None) -> None:
        super().__init__(parameter, location)
        self.limit = limit

    def next_token(
        self,
        page: Any,
        items: Sequence[Any],
        request: httpx.Request,
        response: httpx.Response,
    ) -> str | None:
        if not items or self._short(request, items, self.limit):
            return None
        return str((_int(self.used(request)) or 0) + len(items))


def encode_token(operation: str, token: str) -> str:
    """The continuation token of the page of `token` in `operation`: URL-safe text."""
    data = json.dumps({"v": TOKEN_VERSION, "operation": operation, "next": token})
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def decode_token(operation: str, text: object) -> str:
    """What `encode_token` made for `operation`; ContinuationTokenError for anything else."""
    if not isinstance(text, str) or not text or len(text) > MAX_TOKEN_LENGTH:
        raise ContinuationTokenError("not a continuation token of a page")
    try:
        data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise ContinuationTokenError("not a continuation token of a page") from exc
    if (
        not isinstance(data, dict)
        or data.get("v") != TOKEN_VERSION
        or set(data) != {"v", "operation", "next"}
        or not isinstance(data["next"], str)
        or not data["next"]
    ):
        raise ContinuationTokenError("not a continuation token of a page")
    if data["operation"] != operation:
        made_for = data["operation"]
        raise ContinuationTokenError(
            f"the continuation token is one of {made_for!r}, not of {operation!r}"
        )
    return data["next"]


def without_secrets(link: str, secret_query: tuple[str, ...]) -> str:
    """A next link as continuation tokens keep it: without the query parameters
    `secret_query` (an API key the service echoed), userinfo and fragment. The pipeline puts
    the credential back when it sends the request, on the API's own origin only."""
    try:
        url = httpx.URL(link)
    except httpx.InvalidURL:
        return link  # refused before sending (see _PagerBase._request)
    for name in secret_query:
        url = url.copy_remove_param(name)
    return str(url.copy_with(userinfo=b"", fragment=None))


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port made explicit."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port if url.port is not None else default


class _PagerBase(Generic[T]):
    """What Pager and AsyncPager share: the first request, the style, reading a page."""

    __slots__ = (
        "_first",
        "_items",
        "_operation",
        "_options",
        "_origin",
        "_read",
        "_secret_query",
        "_style",
    )

    def __init__(
        self,
        *,
        operation: str,
        request: httpx.Request,
        options: CallOptions | None,
        read: PageReader,
        items: tuple[str, ...],
        style: PagingStyle,
        base_url: str,
        secret_query: tuple[str, ...] = (),
    ) -> None:
        self._operation = operation
        self._secret_query = secret_query
        self._first = request
        self._options = options
        self._read = read
        self._items = tuple(items)
        self._style = style
        self._origin = origin(httpx.URL(base_url))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(operation={self._operation!r})"

    def _start(self, continuation_token: str | None) -> str | None:
        if continuation_token is None:
            return None
        return decode_token(self._operation, continuation_token)

    def _request(self, token: str | None) -> httpx.Request:
        if token is None:
            return self._first
        if self._style.follows_links:
            try:
                url = httpx.URL(token)
            except httpx.InvalidURL as exc:
                raise PagingError(
                    f"{self._operation}: the next link is not a URL"
                ) from exc
            if url.scheme not in ("http", "https") or origin(url) != self._origin:
                shown = url.copy_with(query=None)
                raise PagingError(
                    f"{self._operation}: the next link {shown} is not on the API's"
                    " origin; it was not followed"
                )
        return self._style.request(self._first, token)

    def _page(
        self, request: httpx.Request, response: httpx.Response, used: set[str]
    ) -> tuple[Page[T], str | None]:
        value = self._read(response)
        found = value_at(value, self._items) if self._items else value
        items: list[T] = list(found) if found is not None else []
        token = self._style.next_token(value, items, request, response)
        if token is not None and self._style.follows_links:
            token = without_secrets(token, self._secret_query)
        current = self._style.used(request)
        if current is not None:
            used.add(current)
        if token is not None and token in used:
            raise PagingError(
                f"{self._operation}: the response points to a page already fetched"
                f" ({token[:200]!r}); stopping instead of looping"
            )
        encoded = encode_token(self._operation, token) if token is not None else None
        return Page(items, response, encoded), token
