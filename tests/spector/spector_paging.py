"""Checks the pages of a paged list operation against its Spector scenario: one page per
expected call (the first, then each next-page link), each the response the mock sent."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from spector_driver import Document, Failure, Operation, check_result, scenario_path


def check_pages(
    document: Document,
    operation: Operation,
    pages: list[Any],
    chain: list[dict[str, Any]],
    structured_xml: str | None,
    union_tag: tuple[str, dict[str, str]] | None,
) -> None:
    """Raise Failure unless `pages` (from `by_page()`) are the scenario's calls, in order."""
    if len(pages) != len(chain):
        raise Failure(
            f"the pager fetched {len(pages)} pages; the scenario has {len(chain)}"
        )
    client = importlib.import_module(document.module.__name__ + ".client")
    parse = getattr(client, operation.description["parser_name"])
    items_path = operation.description["paging"]["items"]
    for number, (page, api) in enumerate(zip(pages, chain, strict=True), start=1):
        path, _ = scenario_path(api["uri"])
        if page.response.request.url.path != path:
            raise Failure(
                f"page {number} came from {page.response.request.url.path}, not {path}"
            )
        value = parse(page.response)
        try:
            check_result(value, api.get("response") or {}, structured_xml, union_tag)
        except Failure as failure:
            raise Failure(f"page {number}: {failure}") from failure
        items = functools.reduce(getattr, items_path, value)
        if list(items) != page.items:
            raise Failure(
                f"page {number}: the pager's items are not the page's {items_path}"
            )
    if pages[-1].continuation_token is not None:
        raise Failure("the last page has a continuation token")
