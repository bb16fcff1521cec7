"""Open enums (docs/enums.md): a value the spec does not list is the plain str or int the
server sent, in a model field, a list, a response header and a return value; parameters take a
member or a raw value; what goes back on the wire is exactly what came in.

The package comes from tests/specs/operations.yaml (`Colour`, a string enum, in a model, a
query parameter and a response header) and tests/specs/features.yaml (`Size`, an integer
enum); the client tests run on both clients (`flavour`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

ITEM = {"id": "i-1", "name": "Kettle", "price": 20.5}


@pytest.fixture(scope="module")
def shop(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["operations"].module


@pytest.fixture(scope="module")
def zoo(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["features"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(shop: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    client = client_of(shop, flavour, shop.ApiKeyCredential("k"), base_url=server.url)
    with client:
        yield client


def test_an_unlisted_value_in_a_body_is_the_plain_str_and_goes_back_as_it_came(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json([{**ITEM, "colour": "mauve"}, {**ITEM, "colour": "red"}]))
    unlisted, listed = client.items_list()
    assert type(unlisted.colour) is str and unlisted.colour == "mauve"
    assert listed.colour is shop.Colour.RED
    assert unlisted.to_dict()["colour"] == "mauve"


def test_a_parameter_takes_a_member_or_a_raw_value(
    shop: Any, client: Any, server: EchoServer
) -> None:
    for colour, sent in ((shop.Colour.BLUE, "blue"), ("mauve", "mauve"), ("red", "red")):
        server.reply(Reply.json([]))
        client.items_list(colour=colour, filter=shop.Filter(colour=colour))
        assert ("colour", sent) in server.last.query
        assert ("filter[colour]", sent) in server.last.query


def test_an_unlisted_value_in_a_response_header_is_the_plain_str(
    shop: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply(202, headers=(("X-State", "mauve"),)))
    headers = client.items.reserve("i-1")
    assert type(headers.x_state) is str and headers.x_state == "mauve"
    server.reply(Reply(202, headers=(("X-State", "green"),)))
    assert client.items.reserve("i-1").x_state is shop.Colour.GREEN


@given(st.text())
def test_any_string_round_trips_exactly(shop: Any, value: str) -> None:
    item = shop.Item.from_dict({**ITEM, "colour": value})
    if value in {member.value for member in shop.Colour}:
        assert item.colour is shop.Colour(value)
    else:
        assert type(item.colour) is str and item.colour == value
    assert item.to_dict()["colour"] == value


@given(st.integers())
def test_any_integer_of_an_integer_enum_round_trips_exactly(zoo: Any, value: int) -> None:
    animal = zoo.Animal.from_dict(
        {"id": 1, "name": "Rex", "kind": "dog", "born": "2020-01-02", "tags": [], "size": value}
    )
    if value in {member.value for member in zoo.Size}:
        assert animal.size is zoo.Size(value)
    else:
        assert type(animal.size) is int and animal.size == value
    assert animal.to_dict()["size"] == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "expected one of Size's values, got boolean"),
        ("3", "expected one of Size's values, got string"),
        (2.5, "expected one of Size's values, got number"),
        ([1], "expected one of Size's values, got array"),
    ],
)
def test_an_integer_enum_refuses_other_json_types(zoo: Any, value: object, message: str) -> None:
    body = {"id": 1, "name": "Rex", "kind": "dog", "born": "2020-01-02", "tags": [], "size": value}
    with pytest.raises(zoo.DeserializationError, match=f"^Animal.size: {message}$"):
        zoo.Animal.from_dict(body)


@pytest.mark.parametrize("value", [7, None, {"a": 1}, ["red"]])
def test_a_string_enum_refuses_other_json_types(shop: Any, value: object) -> None:
    with pytest.raises(shop.DeserializationError, match="^Item.colour: expected one of Colour"):
        shop.Item.from_dict({**ITEM, "colour": value})


def test_an_integer_enum_header_keeps_unlisted_values(
    generated_packages: dict[str, GeneratedPackage], zoo: Any
) -> None:
    wire = importlib.import_module(generated_packages["features"].case.package + "._wire")
    headers = httpx.Headers({"x-size": "9", "x-known": "2", "x-bad": "big"})
    unlisted = wire.header_int_enum(headers, "x-size", zoo.Size)
    assert type(unlisted) is int and unlisted == 9
    assert wire.header_int_enum(headers, "x-known", zoo.Size) is zoo.Size.MEDIUM
    assert wire.header_int_enum(headers, "absent", zoo.Size) is None
    with pytest.raises(zoo.DeserializationError, match="header x-bad"):
        wire.header_int_enum(headers, "x-bad", zoo.Size)


@pytest.mark.parametrize(
    ("field", "value", "member"),
    [
        ("pick", "dog", ("Kind", "DOG")),
        ("pick", 2, ("Size", "MEDIUM")),
        ("pick", "blue", ("ChoicePickOption3", "BLUE")),
        ("pick", "mauve", None),
        ("pick", 7, None),
        ("when", "cat", ("Kind", "CAT")),
        ("when", "purr", None),
    ],
)
def test_a_union_of_open_enums_reads_each_value_by_the_variant_that_lists_it(
    zoo: Any, field: str, value: object, member: tuple[str, str] | None
) -> None:
    choice = zoo.Choice.from_dict({field: value})
    got = getattr(choice, field)
    if member is None:
        assert type(got) is type(value) and got == value
    else:
        assert got is getattr(getattr(zoo, member[0]), member[1])
    assert choice.to_dict() == {field: value}


def test_a_union_reads_a_date_time_before_an_open_enum_keeps_the_text(zoo: Any) -> None:
    choice = zoo.Choice.from_dict({"when": "2024-05-06T07:08:09Z"})
    assert choice.when == datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    with pytest.raises(zoo.DeserializationError, match="^Choice.pick: expected"):
        zoo.Choice.from_dict({"pick": True})
