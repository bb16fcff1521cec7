"""Pagination of this package: Pager and AsyncPager.

A list operation's method returns a pager at once, sending nothing: iterating it fetches
the pages as they are needed. `by_page()` gives the pages (`Page`), each with a
`continuation_token` from which `by_page(continuation_token=...)` goes on later.
"""

from __future__ import annotations

from ._async_paging import AsyncPager
from ._paging import (
    CursorPaging,
    NextLinkPaging,
    OffsetPaging,
    OnePagePaging,
    Page,
    PagingError,
    PagingStyle,
    TokenPaging,
)
from ._sync_paging import Pager

__all__ = [
    "AsyncPager",
    "CursorPaging",
    "NextLinkPaging",
    "OffsetPaging",
    "OnePagePaging",
    "Page",
    "Pager",
    "PagingError",
    "PagingStyle",
    "TokenPaging",
]
