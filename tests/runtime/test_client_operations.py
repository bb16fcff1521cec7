"""How a generated client puts parameters and bodies on the wire, over real HTTP.

The package comes from tests/specs/operations.yaml, which has one operation per way of sending
data: query styles (form, csv, space-delimited, deepObject), cookies and array headers; JSON
bodies of a named model and of an inline object (spread into parameters); form-urlencoded and
multipart bodies; raw bytes and text; and bytes, text and several typed 2xx responses. The
echo server records exactly what arrived on the socket.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

ITEM = {"id": "i-1", "name": "Kettle", "price": 20.5}


@pytest.fixture(scope="module")
def shop(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["operations"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(shop: Any, server: EchoServer) -> Iterator[Any]:
    with shop.Client(shop.ApiKeyCredential("k"), base_url=server.url, backoff_factor=0.001) as c:
        yield c


def test_query_styles_cookie_and_headers(shop: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply.json([ITEM]))
    since = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    items = client.items_list(
        tag=["a", "b c"],
        ids=[1, 2, 3],
        words=["x", "y"],
        filter=shop.Filter(colour=shop.Colour.RED, max_price=9.5),
        since=since,
        colour=shop.Colour.BLUE,
        session="s 1;x",
        x_request_id="r-1",
        x_flags=["f1", "f2"],
    )
    assert items == [shop.Item.from_dict(ITEM)]
    seen = server.last
    assert seen.method == "GET" and seen.path == "/items"
    assert seen.query == [
        ("tag", "a"),
        ("tag", "b c"),
        ("ids", "1,2,3"),
        ("words", "x y"),
        ("filter[colour]", "red"),
        ("filter[maxPrice]", "9.5"),
        ("since", "2024-01-02T03:04:05Z"),
        ("colour", "blue"),
    ]
    assert seen.headers["cookie"] == "session=s%201%3Bx"
    assert seen.headers["x-request-id"] == "r-1"
    assert seen.headers["x-flags"] == "f1,f2"
    assert seen.headers["accept"] == "application/json"


def test_optional_parameters_left_out_are_not_sent(client: Any, server: EchoServer) -> None:
    server.reply(Reply.json([]))
    assert client.items_list() == []
    assert server.last.query == []
    assert "cookie" not in server.last.headers and "x-flags" not in server.last.headers


def test_named_model_json_body_and_several_success_types(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json(ITEM, 201), Reply.json({"number": 7}, 200))
    made = datetime(2024, 5, 6, 7, 8, 9, 500000, tzinfo=timezone.utc)
    item = shop.Item(
        id="ignored", name="Kettle", price=20.5, made_at=made, colour=shop.Colour.GREEN
    )
    assert client.create(item) == shop.Item.from_dict(ITEM)
    assert server.last.content_type == "application/json"
    sent = server.last.json()
    assert sent["name"] == "Kettle" and sent["price"] == 20.5
    assert sent["madeAt"] == "2024-05-06T07:08:09.500Z" and sent["colour"] == "green"
    assert "id" not in sent, "readOnly properties are not sent"
    assert client.create(item) == shop.Receipt(number=7)


def test_inline_json_body_is_spread_into_parameters(client: Any, server: EchoServer) -> None:
    assert client.rename("it/1", "New", item_id_2="other") is None
    seen = server.last
    assert seen.method == "PATCH" and seen.target == "/items/it%2F1"
    assert seen.json() == {"name": "New", "itemId": "other"}
    client.rename("x", "Only")
    assert server.last.json() == {"name": "Only"}


def test_json_body_refuses_nan_before_sending(client: Any, server: EchoServer) -> None:
    with pytest.raises(ValueError):
        client.rename("x", "n", price=float("nan"))
    assert server.seen == []


@pytest.mark.parametrize(
    "make", [lambda b: b, io.BytesIO, bytearray], ids=["bytes", "file", "bytearray"]
)
def test_binary_body(client: Any, server: EchoServer, make: Any) -> None:
    data = bytes(range(256)) * 4
    assert client.photos_upload("p1", make(data)) is None
    seen = server.last
    assert seen.method == "PUT" and seen.path == "/items/p1/photo"
    assert seen.body == data
    assert seen.content_type == "application/octet-stream"


def test_binary_file_body_is_resent_whole_on_retry(client: Any, server: EchoServer) -> None:
    server.reply(Reply(503, headers=(("Retry-After", "0"),)), Reply(204))
    data = b"\x89PNG" + bytes(100)
    client.photos_upload("p1", io.BytesIO(data))
    assert [s.body for s in server.seen] == [data, data]


def test_binary_response(client: Any, server: EchoServer) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(50))
    server.reply(Reply(200, png, "image/png"))
    assert client.download("p1") == png
    assert server.last.headers["accept"] == "image/png"


def test_an_accept_header_parameter_is_the_one_accept_sent(shop: Any) -> None:
    """A spec's own `accept` header parameter replaces the default Accept; before, both went
    out as two header lines (`image/png, image/png` to a server that joins them)."""
    seen: list[list[str]] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get_list("accept"))
        return httpx.Response(200, content=b"png", headers={"content-type": "image/png"})

    transport = httpx.MockTransport(reply)
    with shop.Client(
        shop.ApiKeyCredential("k"), base_url="http://127.0.0.1:9", transport=transport
    ) as c:
        assert c.download("p1") == b"png"
        assert c.download("p1", accept="image/png") == b"png"
        assert c.download("p1", accept="image/jpeg") == b"png"
    assert seen == [["image/png"], ["image/png"], ["image/jpeg"]]


def test_form_body(shop: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply.json({"number": 1}))
    receipt = client.checkout(
        5,
        items=["a", "b"],
        metadata={"order": "42", "note": "a&b=c"},
        shipping=shop.CheckoutBodyShipping(city="Oslo", lines=["1 Main St", "Apt 2"]),
        express=True,
    )
    assert receipt == shop.Receipt(number=1)
    seen = server.last
    assert seen.content_type == "application/x-www-form-urlencoded"
    assert seen.form() == [
        ("amount", "5"),
        ("items", "a,b"),
        ("metadata[order]", "42"),
        ("metadata[note]", "a&b=c"),
        ("shipping[city]", "Oslo"),
        ("shipping[lines][0]", "1 Main St"),
        ("shipping[lines][1]", "Apt 2"),
        ("express", "true"),
    ]


def test_multipart_body(shop: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply(201, "stored as d-1 ✓".encode(), "text/plain; charset=utf-8"))
    named = io.BytesIO(b"second")
    named.name = "/tmp/dir/scan.pdf"
    result = client.documents_upload(
        b"%PDF-1.7 first",
        title="Übersicht",
        pages=3,
        labels=["x", "y"],
        meta=shop.Filter(colour=shop.Colour.RED),
        attachments=[b"one", named],
    )
    assert result == "stored as d-1 ✓"
    seen = server.last
    assert seen.content_type is not None and seen.content_type.startswith("multipart/form-data")
    parts = [(p.name, p.filename, p.data) for p in seen.parts()]
    assert parts == [
        ("file", "file", b"%PDF-1.7 first"),
        ("title", None, "Übersicht".encode()),
        ("pages", None, b"3"),
        ("labels", None, b"x"),
        ("labels", None, b"y"),
        ("meta", None, b'{"colour":"red"}'),
        ("attachments", "attachments", b"one"),
        ("attachments", "scan.pdf", b"second"),
    ]
    meta = next(p for p in seen.parts() if p.name == "meta")
    assert meta.content_type == "application/json"
    assert json.loads(meta.data) == {"colour": "red"}


def test_text_body_and_optional_body(client: Any, server: EchoServer) -> None:
    client.put(body="hello\nwörld")
    assert server.last.body == "hello\nwörld".encode()
    assert server.last.content_type == "text/plain"
    client.put()
    assert server.last.body == b""
    assert "content-type" not in server.last.headers


def test_async_client_sends_the_same_bytes(shop: Any, server: EchoServer) -> None:
    async def main() -> list[tuple[str, str]]:
        async with shop.AsyncClient(shop.ApiKeyCredential("k"), base_url=server.url) as client:
            server.reply(Reply.json({"number": 2}))
            await client.checkout(7, metadata={"k": "v"})
            return server.last.form()

    assert asyncio.run(main()) == [("amount", "7"), ("metadata[k]", "v")]


def test_sub_clients_make_the_same_calls(shop: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply.json([ITEM]))
    assert client.items.list(tag=["a"], colour=shop.Colour.RED) == [shop.Item.from_dict(ITEM)]
    by_group = server.last
    client.items_list(tag=["a"], colour=shop.Colour.RED)
    flat = server.last
    assert (by_group.method, by_group.target, by_group.body) == (
        flat.method,
        flat.target,
        flat.body,
    )
    server.reply(Reply(204))
    client.photos.upload("p2", b"abc")
    assert (server.last.path, server.last.body) == ("/items/p2/photo", b"abc")
    client.items.rename("x", "Renamed")
    assert server.last.json() == {"name": "Renamed"}


def test_async_sub_client(shop: Any, server: EchoServer) -> None:
    async def main() -> bytes:
        async with shop.AsyncClient(shop.ApiKeyCredential("k"), base_url=server.url) as client:
            server.reply(Reply(200, b"png!", "image/png"))
            result: bytes = await client.photos.download("p3")
            return result

    assert asyncio.run(main()) == b"png!"
    assert server.last.path == "/items/p3/photo"


def test_typed_headers_of_a_response_without_body(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(
        Reply(
            202,
            headers=(
                ("Operation-Location", "https://shop.example/ops/1"),
                ("Retry-After", "3"),
                ("X-Expires", "2024-06-01T10:00:00Z"),
                ("X-State", "green"),
                ("X-Tags", "a, b"),
                ("X-Held", "true"),
            ),
        )
    )
    headers = client.items.reserve("i-1")
    assert headers == shop.ReserveHeaders(
        operation_location="https://shop.example/ops/1",
        retry_after=3,
        x_expires=datetime(2024, 6, 1, 10, tzinfo=timezone.utc),
        x_state=shop.Colour.GREEN,
        x_tags=["a", "b"],
        x_held=True,
    )
    server.reply(Reply(202, headers=(("X-Expires", "Sat, 01 Jun 2024 10:00:00 GMT"),)))
    sparse = client.reserve("i-1")
    assert sparse.operation_location is None and sparse.retry_after is None
    assert sparse.x_expires == datetime(2024, 6, 1, 10, tzinfo=timezone.utc)


def test_a_malformed_typed_header_is_a_deserialization_error(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply(202, headers=(("Retry-After", "soon"),)))
    with pytest.raises(shop.DeserializationError, match="Retry-After"):
        client.reserve("i-1")


def test_read_only_properties_are_left_out_at_every_depth(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json(ITEM, 201))
    part = shop.Part(name="lid", serial="S-1")
    inner = shop.Item(id="i-2", name="Cup", price=1.0, parts=[part])
    item = shop.Item(id="i-1", name="Kettle", price=20.5, parts=[part], related={"cup": inner})
    assert item.to_dict()["id"] == "i-1", "to_dict itself stays lossless"
    client.create(item)
    assert server.last.json() == {
        "name": "Kettle",
        "price": 20.5,
        "parts": [{"name": "lid"}],
        "related": {"cup": {"name": "Cup", "price": 1.0, "parts": [{"name": "lid"}]}},
    }
    server.reply(Reply(204))
    client.rename("x", "New", part=part)
    assert server.last.json() == {"name": "New", "part": {"name": "lid"}}


def test_headers_beside_a_body_come_from_the_with_headers_variant(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(
        Reply(200, b"[]", "application/json", headers=(("X-Total-Count", "42"), ("X-Next", "p2")))
    )
    assert client.items_list(tag=["a"]) == []
    items, headers = client.items_list_with_headers(tag=["a"])
    assert items == [] and headers == shop.ItemsListHeaders(x_total_count=42, x_next="p2")
    items, headers = client.items.list_with_headers()
    assert headers.x_total_count == 42
    assert [s.target for s in server.seen] == ["/items?tag=a"] * 2 + ["/items"]


# -- parameters refused before anything is sent ----------------------------------------------


def _call(
    shop: Any, server: EchoServer, is_async: bool, method: str, *args: Any, **kwargs: Any
) -> Any:
    """`method` called on a Client, or awaited on an AsyncClient, against the echo server."""
    credential = shop.ApiKeyCredential("k")
    if not is_async:
        with shop.Client(credential, base_url=server.url) as client:
            return getattr(client, method)(*args, **kwargs)

    async def main() -> Any:
        async with shop.AsyncClient(credential, base_url=server.url) as client:
            return await getattr(client, method)(*args, **kwargs)

    return asyncio.run(main())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("r-1\r\nX-Injected: 1", r"'r-1\r\nX-Injected: 1'"),
        ("r\n1", r"'r\n1'"),
        ("r\x001", r"'r\x001'"),
        ("r-\u0100", "'r-\u0100'"),
        ("r-\u20ac", "'r-\u20ac'"),
        ("caf\xe9", "'caf\xe9'"),
    ],
    ids=["crlf", "lf", "nul", "non-latin-1", "euro", "latin-1"],
)
def test_a_header_parameter_that_cannot_be_a_header_is_refused(
    shop: Any, server: EchoServer, is_async: bool, value: str, shown: str
) -> None:
    with pytest.raises(ValueError, match="x_request_id cannot be sent as an HTTP header") as caught:
        _call(shop, server, is_async, "items_list", x_request_id=value)
    assert shown in str(caught.value)
    with pytest.raises(ValueError, match="x_flags cannot be sent"):
        _call(shop, server, is_async, "items_list", x_flags=["ok", value])
    assert server.seen == []


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_header_and_cookie_text_that_can_be_sent_is_sent(
    shop: Any, server: EchoServer, is_async: bool
) -> None:
    server.reply(Reply.json([]))
    _call(shop, server, is_async, "items_list", x_request_id="a\tb ~!", session="caf\xe9\r\n")
    assert server.last.headers["x-request-id"] == "a\tb ~!"
    assert server.last.headers["cookie"] == "session=caf%C3%A9%0D%0A"  # percent-encoded


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("method", ["delete", "reserve", "download"])
def test_an_empty_path_parameter_is_refused(
    shop: Any, server: EchoServer, is_async: bool, method: str
) -> None:
    with pytest.raises(ValueError, match="item_id must not be empty"):
        _call(shop, server, is_async, method, "")
    assert server.seen == []


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_pattern_error_shows_the_specs_pattern_and_the_value(
    generated_packages: dict[str, GeneratedPackage], is_async: bool
) -> None:
    face = generated_packages["face-reworded"].module  # person group ids: ^[a-z0-9-_]+$
    sent: list[object] = []

    def call(client: Any) -> Any:
        return client.get_person_group_training_status("Not Valid!")

    def handler(request: object) -> Any:
        sent.append(request)
        raise AssertionError("nothing may be sent")

    kwargs: dict[str, Any] = {"endpoint": "https://face.test"}
    with pytest.raises(ValueError) as caught:
        if is_async:

            async def main() -> Any:
                transport = httpx.MockTransport(handler)
                async with face.AsyncClient(
                    credential=face.ApiKeyCredential("k"), transport=transport, **kwargs
                ) as client:
                    return await call(client)

            asyncio.run(main())
        else:
            transport = httpx.MockTransport(handler)
            with face.Client(
                credential=face.ApiKeyCredential("k"), transport=transport, **kwargs
            ) as client:
                call(client)
    assert str(caught.value) == (
        "person_group_id must match the pattern /^[a-z0-9-_]+$/; got 'Not Valid!'"
    )
    assert sent == []
