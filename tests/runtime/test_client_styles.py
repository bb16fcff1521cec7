"""Parameter styles on the wire, through the generated clients of tests/specs/styles.yaml (and
styles-swagger2.yaml: Swagger 2.0's collectionFormats), over real HTTP on loopback, blocking and
asyncio alike: the raw request target the server read, so a separator sent percent-encoded
(`a%2Cb` for `a,b`) fails as it would fail Spector's `routes` scenarios, whose forms these are."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from support.client_kit import client_of
from support.echo import EchoServer
from support.tools import GeneratedPackage

DIMS = {"a": 1, "b": 2}


@pytest.fixture(scope="module")
def package(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["styles"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(package: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    with client_of(package, flavour, base_url=server.url, max_retries=0) as c:
        yield c


def test_simple_paths_and_headers(client: Any, server: EchoServer) -> None:
    client.simple(["a", "b"], DIMS, DIMS, x_dims=DIMS, x_tags=["x", "y z"])
    seen = server.last
    assert seen.target == "/simple/a,b/a,1,b,2/a=1,b=2"
    assert seen.headers["x-dims"] == "a=1,b=2"
    assert seen.headers["x-tags"] == "x,y z"


def test_label_paths(client: Any, server: EchoServer) -> None:
    client.label("a", ["a", "b"], DIMS)
    assert server.last.target == "/label/item.a/list.a.b/map.a,1,b,2"


def test_matrix_paths(client: Any, server: EchoServer) -> None:
    client.matrix(7, ["a", "b"], DIMS, ["a", "b"])
    assert server.last.target == "/matrix/item;id=7/list;tags=a;tags=b/map;a=1;b=2/flat;flat=a,b"


def test_values_are_escaped_where_separators_are_not(client: Any, server: EchoServer) -> None:
    client.label("a.b c", ["x/y", "z;w"], {"k,": 1})
    assert server.last.target == "/label/item.a.b%20c/list.x%2Fy.z%3Bw/map.k%2C,1"
    client.file("docs/read me.txt")
    assert server.last.target == "/files/docs/read%20me.txt"


def test_delimited_query_styles(client: Any, server: EchoServer) -> None:
    client.search(pipes=["a", "b"], spaced=DIMS, form=DIMS)
    assert server.last.query == [
        ("pipes", "a"),
        ("pipes", "b"),
        ("spaced", "a 1 b 2"),
        ("form", "a,1,b,2"),
    ]


def test_swagger2_collection_formats(
    generated_packages: dict[str, GeneratedPackage], server: EchoServer, flavour: str
) -> None:
    package = generated_packages["styles-swagger2"].module
    with client_of(package, flavour, base_url=server.url, max_retries=0) as client:
        client.collections(
            ["a", "b"], ["c", "d e"], x_spaced=["x", "y"], tabbed=["t", "u"], multi=[1, 2],
            piped=[3, 4],
        )
    seen = server.last
    assert seen.target.startswith("/collections/a,b/c%7Cd%20e?")
    assert seen.headers["x-spaced"] == "x y"
    assert seen.query == [("tabbed", "t\tu"), ("multi", "1"), ("multi", "2"), ("piped", "3|4")]
