"""Content types beyond JSON models, on the wire (issue 19, Spector's payload/json-merge-patch,
payload/multipart, type/file and authentication/http/custom scenarios): the package comes from
tests/specs/content.yaml; the echo server records what arrived on the socket. Each behaviour
runs once for `Client` and once for `AsyncClient` (the `flavour` fixture)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

PNG = b"\x89PNG\r\n\x1a\n fake png"
JPG = b"\xff\xd8\xff fake jpg"


@pytest.fixture(scope="module")
def pkg(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["content"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(pkg: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    credential = pkg.HttpCredential("valid-key")
    c = client_of(pkg, flavour, credential, base_url=server.url, backoff_factor=0.001)
    try:
        yield c
    finally:
        c.close()


# -- JSON merge-patch ---------------------------------------------------------------------


def test_merge_patch_sends_null_to_remove_at_every_depth(
    pkg: Any, client: Any, server: EchoServer
) -> None:
    """Spector's expectedUpdateBody: nulls at the top, inside a map's model and as a map value."""
    server.reply(Reply.json({"name": "Madge", "map": {"key": {"name": "InnerMadge"}}}))
    patch = pkg.ResourcePatch(
        description=None,
        map={"key": pkg.InnerModel(description=None), "key2": None},
        array=None,
        int_value=None,
        float_value=None,
        inner_model=None,
        int_array=None,
    )
    result = client.update_resource("madge", patch)
    assert server.last.content_type == "application/merge-patch+json"
    assert server.last.json() == {
        "description": None,
        "map": {"key": {"description": None}, "key2": None},
        "array": None,
        "intValue": None,
        "floatValue": None,
        "innerModel": None,
        "intArray": None,
    }
    assert result == pkg.Resource(name="Madge", map={"key": pkg.InnerModel(name="InnerMadge")})


def test_merge_patch_leaves_out_what_is_not_set_and_reads_nulls(
    pkg: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json({"name": "Madge", "innerModel": {"description": None}}))
    result = client.update_resource("madge", pkg.ResourcePatch(int_value=3))
    assert server.last.json() == {"intValue": 3}
    assert result.inner_model == pkg.InnerModel(description=None)
    assert result.to_dict() == {"name": "Madge", "innerModel": {"description": None}}


def test_models_outside_patches_stay_not_nullable(pkg: Any) -> None:
    """Only what a merge-patch body reaches takes null: Resource's own fields do not."""
    with pytest.raises(pkg.DeserializationError):
        pkg.Resource.from_dict({"name": "Madge", "description": None})


# -- multipart parts' content types --------------------------------------------------------


def test_file_parts_take_their_encoding_content_type(client: Any, server: EchoServer) -> None:
    server.reply(Reply(204))
    client.upload_pictures(JPG, pictures=[PNG, PNG], any_file=b"x", id="123")
    parts = {(p.name, p.data): p for p in server.last.parts()}
    assert parts["profileImage", JPG].content_type == "image/jpg"
    assert parts["pictures", PNG].content_type == "image/png"  # first of the list
    assert parts["anyFile", b"x"].content_type == "application/octet-stream"  # */*
    assert parts["id", b"123"].filename is None


def test_a_file_part_s_name_and_type_can_be_given(pkg: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply(204))
    named = io.BytesIO(PNG)
    named.name = "/tmp/dir/photo.png"
    client.upload_pictures(
        pkg.FilePart(JPG, filename="hello.jpg", content_type="image/jpeg"),
        pictures=[pkg.FilePart(named), pkg.FilePart(PNG, content_type="image/webp")],
    )
    profile, first, second = server.last.parts()
    assert (profile.filename, profile.content_type, profile.data) == (
        "hello.jpg",
        "image/jpeg",
        JPG,
    )
    assert (first.filename, first.content_type, first.data) == ("photo.png", "image/png", PNG)
    assert (second.filename, second.content_type) == ("pictures", "image/webp")


@pytest.mark.parametrize("field", ["content_type", "filename"])
def test_a_part_header_that_cannot_be_sent_is_refused(
    pkg: Any, client: Any, server: EchoServer, field: str
) -> None:
    with pytest.raises(ValueError, match=field):
        client.upload_pictures(pkg.FilePart(JPG, **{field: "a\r\nX-Injected: 1"}))
    assert server.seen == []


# -- raw bodies: any or several media types, binary JSON ----------------------------------


def test_a_wildcard_body_is_octet_stream_unless_the_caller_says(
    pkg: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply(204))
    client.upload_any_file(PNG)
    assert server.last.content_type == "application/octet-stream"
    client.upload_any_file(pkg.FilePart(io.BytesIO(PNG), content_type="image/png"))
    assert (server.last.content_type, server.last.body) == ("image/png", PNG)


def test_several_media_types_default_to_the_first(pkg: Any, client: Any, server: EchoServer) -> None:
    server.reply(Reply(204))
    client.upload_image(PNG)
    assert server.last.content_type == "image/png"
    client.upload_image(pkg.FilePart(JPG, content_type="image/jpeg"))
    assert (server.last.content_type, server.last.body) == ("image/jpeg", JPG)


def test_binary_json_goes_and_comes_as_bytes(client: Any, server: EchoServer) -> None:
    raw = b'{"message":"test file content"}'
    server.reply(Reply(204))
    client.upload_json_file(raw)
    assert (server.last.content_type, server.last.body) == ("application/json", raw)
    server.reply(Reply(200, raw, "application/json"))
    assert client.download_json_file() == raw


# -- an HTTP authentication scheme named by the spec ---------------------------------------


def test_http_credential_sends_the_spec_s_scheme(client: Any, server: EchoServer) -> None:
    server.reply(Reply(204))
    client.upload_any_file(b"x")
    assert server.last.headers["authorization"] == "SharedAccessKey valid-key"


def test_an_api_that_allows_anonymous_calls_takes_no_credential(
    pkg: Any, server: EchoServer, flavour: str
) -> None:
    """`security: [{}, {sharedKey: []}]`: the credential may be left out, and then nothing
    is sent in its place (Spector's authentication/noauth/union)."""
    server.reply(Reply(204))
    anonymous = client_of(pkg, flavour, base_url=server.url)
    try:
        anonymous.upload_any_file(b"x")
    finally:
        anonymous.close()
    assert "authorization" not in server.last.headers
    assert pkg.Client.__init__.__annotations__["credential"].endswith("| None")


def test_http_credential_for_another_scheme_is_refused(pkg: Any, flavour: str) -> None:
    with pytest.raises(TypeError, match="SharedAccessKey"):
        client_of(pkg, flavour, pkg.HttpCredential.basic("u", "p"), base_url="http://127.0.0.1:1")
    with pytest.raises(ValueError, match="visible ASCII"):
        pkg.HttpCredential("key\r\nX-Injected: 1")
    assert "valid-key" not in repr(pkg.HttpCredential("valid-key"))


@pytest.mark.parametrize(
    ("location", "kept"),
    [("/elsewhere", True), ("http://127.0.0.1:8081/elsewhere", False)],
)
def test_http_credential_stays_on_the_api_s_origin(
    pkg: Any, flavour: str, location: str, kept: bool
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) == 1:
            return httpx.Response(302, headers={"Location": location})
        return httpx.Response(204)

    credential = pkg.HttpCredential.basic("user", "pass")
    with client_of(
        pkg,
        flavour,
        pkg.HttpCredential("valid-key"),
        base_url="http://127.0.0.1:8080",
        transport=httpx.MockTransport(answer),
    ) as client:
        client.upload_any_file(b"x")
    first, second = seen
    assert first.headers["Authorization"] == "SharedAccessKey valid-key"
    assert ("Authorization" in second.headers) is kept
    assert credential.value == "dXNlcjpwYXNz" and credential.scheme == "Basic"


def test_http_credential_needs_https_beyond_loopback(pkg: Any, flavour: str) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(204))
    with client_of(
        pkg,
        flavour,
        pkg.HttpCredential("valid-key"),
        base_url="http://content.example.com",
        transport=transport,
    ) as client, pytest.raises(pkg.ClientError, match="plain http"):
        client.upload_any_file(b"x")


# -- content negotiation: a JSON response that may come as bytes ---------------------------


def test_a_negotiated_response_is_read_by_the_type_it_came_in(
    pkg: Any, client: Any, server: EchoServer
) -> None:
    """Spector's payload/content-negotiation different-body: image/png or JSON, as asked."""
    server.reply(Reply(200, PNG, "image/png"))
    assert client.get_avatar(pkg.GetAvatarAccept.IMAGE_PNG) == PNG
    assert server.last.headers["accept"] == "image/png"
    server.reply(Reply.json({"content": "aGk="}))
    assert client.get_avatar(pkg.GetAvatarAccept.APPLICATION_JSON) == pkg.ImageAsJson(content="aGk=")
    server.reply(Reply(200, b"{}", "text/html"))  # neither listed type: read as JSON, refused
    with pytest.raises(pkg.DeserializationError):
        client.get_avatar(pkg.GetAvatarAccept.APPLICATION_JSON)
