"""Paged list operations over real HTTP: each pagination style of tests/specs/paging.yaml
(a nested next link, Azure's x-ms-pageable, the Link header, a cursor with has-more and one
ending on a short page, a nested body token, a header token, an offset), lazily fetched,
resumed from a page's continuation token, and the loops the pager refuses to enter.

The server is tests/support/echo.py's: it answers from a queue and records every request, so
a test sees exactly which pages were asked for. Each behaviour runs on `Client` and on
`AsyncClient` (the `flavour` fixture; `iterate` pulls an async pager on the client's loop).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from support.client_kit import client_of, iterate
from support.echo import EchoServer, Reply
from support.generated import generated_package

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "paging_widgets"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("paging")
    yield from generated_package(
        root, ROOT / "tests" / "specs" / "paging.yaml", PACKAGE
    )


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as running:
        yield running


def widgets(*ids: str) -> list[dict[str, str]]:
    return [{"id": i, "name": f"widget {i}"} for i in ids]


def page(value: Any, *headers: tuple[str, str]) -> Reply:
    return Reply(200, json.dumps(value).encode(), "application/json", tuple(headers))


@dataclass(frozen=True)
class Scenario:
    method: str
    arguments: dict[str, Any]
    pages: tuple[Reply, ...]
    """The server's answers, one per page."""
    requests: tuple[str, ...]
    """The request target of each page (path and query), in order."""
    headers: tuple[dict[str, str], ...] = ()
    """Headers each page request must carry (per page), when the style sends one."""


def scenarios(origin: str) -> dict[str, Scenario]:
    """Three pages a, b | c | d (or two: a, b | c) per style; `origin` is the server's."""
    return {
        "next-link": Scenario(
            "list_widgets",
            {"color": "red", "x_trace": "t-1"},
            (
                page(
                    {"value": widgets("a", "b"), "links": {"next": "/widgets?page=2"}}
                ),
                page(
                    {
                        "value": widgets("c"),
                        "links": {"next": f"{origin}/widgets?page=3"},
                    }
                ),
                page({"value": widgets("d"), "links": {}}),
            ),
            ("/widgets?color=red", "/widgets?page=2", "/widgets?page=3"),
            ({"x-trace": "t-1"},) * 3,
        ),
        "x-ms-pageable": Scenario(
            "list_azure",
            {},
            (
                page({"value": widgets("a", "b"), "nextLink": "skip/2"}),
                page({"value": widgets("c"), "nextLink": "/azure/widgets?skip=3"}),
                page({"value": widgets("d"), "nextLink": None}),
            ),
            ("/azure/widgets", "/azure/skip/2", "/azure/widgets?skip=3"),
        ),
        "link-header": Scenario(
            "list_linked_widgets",
            {},
            (
                page(
                    widgets("a", "b"),
                    ("Link", f'<{origin}/link/widgets?p=2>; rel="next"'),
                ),
                page(
                    widgets("c"),
                    (
                        "Link",
                        '</link/widgets?p=1>; rel=prev, </link/widgets?p=3>; rel="next last"',
                    ),
                ),
                page(widgets("d"), ("Link", '</link/widgets?p=1>; rel="prev first"')),
            ),
            ("/link/widgets", "/link/widgets?p=2", "/link/widgets?p=3"),
        ),
        "cursor": Scenario(
            "list_cursor_widgets",
            {"limit": 2},
            (
                page({"data": widgets("a", "b"), "has_more": True}),
                page({"data": widgets("c"), "has_more": True}),
                page({"data": widgets("d"), "has_more": False}),
            ),
            (
                "/cursor/widgets?limit=2",
                "/cursor/widgets?limit=2&starting_after=b",
                "/cursor/widgets?limit=2&starting_after=c",
            ),
        ),
        "cursor-short-page": Scenario(
            "list_short_widgets",
            {"size": 2},
            (page(widgets("a", "b")), page(widgets("c", "d")), page(widgets("e"))),
            (
                "/short/widgets?size=2",
                "/short/widgets?size=2&after=b",
                "/short/widgets?size=2&after=d",
            ),
        ),
        "token": Scenario(
            "list_token_widgets",
            {},
            (
                page({"result": {"widgets": widgets("a", "b"), "nextPageToken": "t2"}}),
                page({"result": {"widgets": widgets("c"), "nextPageToken": "t3"}}),
                page({"result": {"widgets": widgets("d"), "nextPageToken": ""}}),
            ),
            (
                "/token/widgets",
                "/token/widgets?pageToken=t2",
                "/token/widgets?pageToken=t3",
            ),
        ),
        "header-token": Scenario(
            "list_header_token_widgets",
            {},
            (
                page(widgets("a", "b"), ("x-next-page-token", "t2")),
                page(widgets("c"), ("x-next-page-token", "t3")),
                page(widgets("d")),
            ),
            ("/header-token/widgets",) * 3,
            ({}, {"x-page-token": "t2"}, {"x-page-token": "t3"}),
        ),
        "offset": Scenario(
            "list_offset_widgets",
            {"limit": 2},
            (page(widgets("a", "b")), page(widgets("c", "d")), page(widgets("e"))),
            (
                "/offset/widgets?limit=2",
                "/offset/widgets?limit=2&offset=2",
                "/offset/widgets?limit=2&offset=4",
            ),
        ),
    }


STYLES = tuple(scenarios("http://x"))


def ids_of(items: Any) -> list[str]:
    return [item.id for item in items]


def all_ids(scenario: Scenario) -> list[str]:
    return [w["id"] for reply in scenario.pages for w in _items(json.loads(reply.body))]


def _items(body: Any) -> list[dict[str, str]]:
    if isinstance(body, list):
        return body
    return body.get("value") or body.get("data") or body["result"]["widgets"]


def _with_query(target: str, item: str) -> str:
    return f"{target}{'&' if '?' in target else '?'}{item}"


def pager_of(client: Any, scenario: Scenario) -> Any:
    return getattr(client, scenario.method)(**scenario.arguments)


@pytest.mark.parametrize("style", STYLES)
def test_every_item_of_every_page(
    pkg: ModuleType, server: EchoServer, flavour: str, style: str
) -> None:
    scenario = scenarios(server.url)[style]
    server.reply(*scenario.pages)
    with client_of(pkg, flavour, base_url=server.url) as client:
        # The call's options go on every page request: an extra query item shows it.
        method = getattr(client, scenario.method)
        pager = method(**scenario.arguments, extra_query={"trace": "on"})
        assert server.seen == []  # nothing is sent until the pager is iterated
        items = list(iterate(client, pager))
    assert all(isinstance(item, pkg.Widget) for item in items)
    assert ids_of(items) == all_ids(scenario)
    expected = tuple(_with_query(target, "trace=on") for target in scenario.requests)
    assert tuple(seen.target for seen in server.seen) == expected
    assert all(seen.method == "GET" for seen in server.seen)
    for seen, headers in zip(server.seen, scenario.headers, strict=False):
        assert headers.items() <= seen.headers.items()


@pytest.mark.parametrize("style", STYLES)
def test_pages_resume_from_a_continuation_token(
    pkg: ModuleType, server: EchoServer, flavour: str, style: str
) -> None:
    scenario = scenarios(server.url)[style]
    server.reply(*scenario.pages)
    with client_of(pkg, flavour, base_url=server.url) as client:
        pages = iterate(client, pager_of(client, scenario).by_page())
        first = next(pages)
        assert first.response.status_code == 200
        assert ids_of(first.items) == all_ids(scenario)[:2]
        token = first.continuation_token
        assert isinstance(token, str)
        # Later, from a new call of the same operation: the pages after the first.
        server.reply(*scenario.pages[1:])
        resumed = list(
            iterate(
                client, pager_of(client, scenario).by_page(continuation_token=token)
            )
        )
    # The first page once, then the resumed call from the second page on.
    assert tuple(seen.target for seen in server.seen) == scenario.requests
    assert [i for p in resumed for i in ids_of(p.items)] == all_ids(scenario)[2:]
    assert resumed[-1].continuation_token is None


def test_extra_query_a_next_link_echoes_is_not_sent_twice(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    """Services echo the first request's query in their next links (OData's nextLink does):
    an item the link carries already is not appended again."""
    server.reply(
        page({"value": widgets("a"), "links": {"next": "/widgets?page=2&trace=on"}}),
        page({"value": widgets("b"), "links": {"next": "/widgets?trace=off&page=3"}}),
        page({"value": widgets("c"), "links": {}}),
    )
    with client_of(pkg, flavour, base_url=server.url) as client:
        items = client.list_widgets(color="red", extra_query={"trace": "on"})
        assert ids_of(iterate(client, items)) == ["a", "b", "c"]
    assert [seen.target for seen in server.seen] == [
        "/widgets?color=red&trace=on",
        "/widgets?page=2&trace=on",
        # Another value of the same name is the link's own: the call's item still goes on.
        "/widgets?trace=off&page=3&trace=on",
    ]


def test_pages_are_fetched_only_as_they_are_needed(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    scenario = scenarios(server.url)["next-link"]
    server.reply(*scenario.pages)
    with client_of(pkg, flavour, base_url=server.url) as client:
        items = iterate(client, pager_of(client, scenario))
        assert [next(items).id, next(items).id] == ["a", "b"]
        assert len(server.seen) == 1
        assert next(items).id == "c"
        assert len(server.seen) == 2


def test_one_page_only(pkg: ModuleType, server: EchoServer, flavour: str) -> None:
    server.reply(page({"value": widgets("a"), "nextLink": "/ignored"}))
    with client_of(pkg, flavour, base_url=server.url) as client:
        pages = list(iterate(client, client.list_single().by_page()))
    assert [ids_of(p.items) for p in pages] == [["a"]]
    assert pages[0].continuation_token is None
    assert len(server.seen) == 1


def test_parameters_are_checked_when_the_method_is_called(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    client = client_of(pkg, flavour, base_url=server.url)
    with client, pytest.raises(ValueError, match="limit"):
        client.list_offset_widgets(limit=0)
    assert server.seen == []


@pytest.mark.parametrize(
    "link",
    [
        "http://attacker.example/widgets?page=2",
        "https://127.0.0.1/widgets",
        "{other}/widgets",
    ],
)
def test_a_next_link_to_another_origin_is_refused(
    pkg: ModuleType, server: EchoServer, flavour: str, link: str
) -> None:
    other = server.url.rsplit(":", 1)[0] + ":1"  # the same host on another port
    server.reply(
        page({"value": widgets("a"), "links": {"next": link.format(other=other)}})
    )
    with client_of(pkg, flavour, base_url=server.url) as client:
        items = iterate(client, client.list_widgets())
        assert next(items).id == "a"
        with pytest.raises(pkg.PagingError, match="not on the API's origin") as caught:
            next(items)
    assert isinstance(caught.value, pkg.ClientError)
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    ("method", "replies"),
    [
        (
            "list_token_widgets",
            [
                page({"result": {"widgets": widgets("a"), "nextPageToken": "t2"}}),
                page({"result": {"widgets": widgets("b"), "nextPageToken": "t2"}}),
            ],
        ),
        (
            "list_widgets",
            [page({"value": widgets("a"), "links": {"next": "/widgets"}})],
        ),
        (
            "list_cursor_widgets",
            [
                page({"data": widgets("a", "b"), "has_more": True}),
                page({"data": widgets("c", "b"), "has_more": True}),
            ],
        ),
    ],
)
def test_a_repeating_token_is_refused(
    pkg: ModuleType, server: EchoServer, flavour: str, method: str, replies: list[Reply]
) -> None:
    server.reply(*replies)
    client = client_of(pkg, flavour, base_url=server.url)
    with client, pytest.raises(pkg.PagingError, match="already fetched"):
        list(iterate(client, getattr(client, method)()))
    assert len(server.seen) == len(replies)


def test_a_token_of_another_operation_is_refused_before_sending(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    scenario = scenarios(server.url)["token"]
    server.reply(*scenario.pages)
    with client_of(pkg, flavour, base_url=server.url) as client:
        token = next(
            iterate(client, client.list_token_widgets().by_page())
        ).continuation_token
        for wrong in (token[:-3], "not a token", ""):
            with pytest.raises(pkg.ContinuationTokenError):
                client.list_token_widgets().by_page(continuation_token=wrong)
        with pytest.raises(pkg.ContinuationTokenError, match="listTokenWidgets"):
            client.list_offset_widgets(limit=1).by_page(continuation_token=token)
    assert len(server.seen) == 1


def test_an_error_page_raises_api_error(
    pkg: ModuleType, server: EchoServer, flavour: str
) -> None:
    server.reply(
        page({"value": widgets("a"), "links": {"next": "/widgets?page=2"}}),
        Reply(400, b'{"message": "bad page"}', "application/json"),
    )
    with client_of(pkg, flavour, base_url=server.url) as client:
        items = iterate(client, client.list_widgets())
        assert next(items).id == "a"
        with pytest.raises(pkg.ApiError) as caught:
            next(items)
    assert caught.value.status_code == 400
    assert caught.value.model.message == "bad page"


def test_the_pager_is_typed_and_exported(pkg: ModuleType) -> None:
    assert {"Pager", "AsyncPager", "Page", "PagingError"} <= set(pkg.__all__)
    assert pkg.Client.list_widgets.__annotations__["return"] == "paging.Pager[Widget]"
    assert (
        pkg.AsyncClient.list_widgets.__annotations__["return"]
        == "paging.AsyncPager[Widget]"
    )
