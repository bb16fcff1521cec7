"""The paging runtime's pure parts (generator/runtime/_paging.py): the Link header, the
origin rule's normalisation, continuation tokens and the requests of later pages."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest

from generator.runtime._paging import (
    CursorPaging,
    NextLinkPaging,
    OffsetPaging,
    decode_token,
    encode_token,
    next_link_header,
    origin,
)
from generator.runtime.errors import ContinuationTokenError


def _response(
    url: str = "https://api.example/v1/items?page=1", **headers: str
) -> httpx.Response:
    return httpx.Response(200, headers=headers, request=httpx.Request("GET", url))


@pytest.mark.parametrize(
    ("header", "target"),
    [
        (
            '<https://api.example/items?page=2>; rel="next"',
            "https://api.example/items?page=2",
        ),
        ("</items?page=2>; rel=next", "/items?page=2"),
        ('<a>; rel="prev", <b>; title="x"; rel="next last"', "b"),
        ('<a>; rel="nextpage"', None),
        ("", None),
    ],
)
def test_the_link_header_gives_the_rel_next_target(
    header: str, target: str | None
) -> None:
    assert next_link_header(_response(link=header)) == target


def test_a_relative_next_link_is_resolved_against_the_response_url() -> None:
    style = NextLinkPaging(None)
    response = _response(link="<page2>; rel=next")
    assert (
        style.next_token(None, [], response.request, response)
        == "https://api.example/v1/page2"
    )


def test_origins_make_default_ports_explicit() -> None:
    assert origin(httpx.URL("https://a.example/x")) == origin(
        httpx.URL("https://a.example:443/y")
    )
    assert origin(httpx.URL("http://a.example")) != origin(
        httpx.URL("https://a.example")
    )


def test_continuation_tokens_name_their_operation() -> None:
    token = encode_token("listItems", "https://api.example/items?page=2")
    assert decode_token("listItems", token) == "https://api.example/items?page=2"
    with pytest.raises(ContinuationTokenError, match="listItems"):
        decode_token("listOther", token)
    for damaged in (
        "",
        "x" * 20000,
        token[:-5],
        "!!!",
        encode_token("listItems", "x")[:-1] + "A",
    ):
        with pytest.raises(ContinuationTokenError):
            decode_token("listItems", damaged)


def test_later_pages_keep_the_first_request_but_the_page_parameter() -> None:
    first = httpx.Request(
        "GET", "https://api.example/items?limit=2&q=a", headers={"x-trace": "1"}
    )
    cursor = CursorPaging("after", "query", ("id",), limit="limit").request(first, "b")
    assert str(cursor.url) == "https://api.example/items?limit=2&q=a&after=b"
    assert cursor.headers["x-trace"] == "1"
    header = OffsetPaging("x-offset", "header").request(first, "4")
    assert header.headers["x-offset"] == "4" and header.url == first.url
    link = NextLinkPaging(("next",)).request(first, "https://api.example/items?page=2")
    assert (link.method, link.headers["x-trace"]) == ("GET", "1")


@pytest.mark.parametrize(
    "forged", ["https://elsewhere.example/items", "http://[::1", "ftp://api.example/items", "x"]
)
def test_a_forged_token_naming_another_origin_sends_nothing(forged: str) -> None:
    from generator.runtime._paging import PagingError
    from generator.runtime._sync_paging import Pager

    sent: list[httpx.Request] = []

    def send(request: httpx.Request, options: object) -> httpx.Response:
        sent.append(request)
        raise AssertionError("nothing may be sent")

    pager: Pager[object] = Pager(
        operation="listItems",
        send=send,
        request=httpx.Request("GET", "https://api.example/items"),
        options=None,
        read=lambda response: None,
        items=(),
        style=NextLinkPaging(("next",)),
        base_url="https://api.example",
    )
    pages = pager.by_page(continuation_token=encode_token("listItems", forged))
    with pytest.raises(PagingError):
        next(pages)
    assert sent == []


def test_tokens_never_keep_an_api_key_the_service_echoed_in_its_next_link() -> None:
    from generator.runtime._sync_paging import Pager

    echoed = "https://user:pw@api.example/items?api-key=SECRET&page=2#top"
    sent: list[httpx.Request] = []

    def send(request: httpx.Request, options: object) -> httpx.Response:
        sent.append(request)
        body = {"items": [len(sent)], "next": echoed if len(sent) == 1 else None}
        return httpx.Response(200, json=body, request=request)

    pager: Pager[object] = Pager(
        operation="listItems",
        send=send,
        request=httpx.Request("GET", "https://api.example/items"),
        options=None,
        read=lambda response: SimpleNamespace(**response.json()),
        items=("items",),
        style=NextLinkPaging(("next",)),
        base_url="https://api.example",
        secret_query=("api-key",),
    )
    first, last = list(pager.by_page())
    assert (first.items, last.items) == ([1], [2])
    assert first.continuation_token is not None and last.continuation_token is None
    kept = decode_token("listItems", first.continuation_token)
    assert kept == "https://api.example/items?page=2"
    assert str(sent[1].url) == kept
