# Derived from _async_paging.py by `python -m generator.runtime.unasync`: edit that.
"""Pager: the items of a list operation, page by page on demand (blocking)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from . import _paging
from ._calls import CallOptions
from ._paging import Page, PageReader, PagingStyle, T, _PagerBase


class Pager(_PagerBase[T]):
    """The items of a list operation (blocking): `for item in pager` fetches the pages
    one by one, as they are needed, through the client's pipeline (credentials, retries,
    the call's timeout per page request).

    `by_page()` gives the pages instead (`Page`: `items`, `response`, `continuation_token`);
    `by_page(continuation_token=token)` goes on from the page a token names. Each iteration
    starts again from the first page. Raises PagingError rather than follow a next link to
    another origin or a token already used, and ApiError when a page request is refused.
    `secret_query` names an API key sent in the query, which tokens never keep.
    """

    __slots__ = ("_send",)

    def __init__(
        self,
        *,
        operation: str,
        send: _paging.PageSender,
        request: httpx.Request,
        options: CallOptions | None,
        read: PageReader,
        items: tuple[str, ...],
        style: PagingStyle,
        base_url: str,
        secret_query: tuple[str, ...] = (),
    ) -> None:
        super().__init__(
            operation=operation,
            request=request,
            options=options,
            read=read,
            items=items,
            style=style,
            base_url=base_url,
            secret_query=secret_query,
        )
        self._send = send

    def __iter__(self) -> Iterator[T]:
        return self._each_item()

    def _each_item(self) -> Iterator[T]:
        for page in self.by_page():
            # The blocking twin could `yield from`; an async generator cannot.
            for item in page.items:  # noqa: UP028, RUF100
                yield item

    def by_page(self, continuation_token: str | None = None) -> Iterator[Page[T]]:
        """The pages, from the first or from the one `continuation_token` (a page's
        `continuation_token`) names; ContinuationTokenError for a token of another
        operation or a damaged one, before anything is sent."""
        return self._pages(self._start(continuation_token))

    def _pages(self, token: str | None) -> Iterator[Page[T]]:
        used: set[str] = set()
        while True:
            request = self._request(token)
            response = self._send(request, self._options)
            page, token = self._page(request, response, used)
            yield page
            if token is None:
                return
