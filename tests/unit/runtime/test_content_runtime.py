"""HttpCredential, FilePart and negotiated responses at their source (generator/runtime/):
which scheme a credential goes under, what it refuses, what a raw body or file part sends, and
which responses are read as bytes. The wire behaviour, for
both clients, is tests/runtime/test_client_content.py's."""

from __future__ import annotations

import httpx
import pytest

from generator.runtime._auth import Auth
from generator.runtime._wire import (
    FilePart,
    binary_content,
    build_request,
    multipart_content,
    sent_as,
)
from generator.runtime.credentials import HttpCredential

BASE = "https://api.example.com"


def _sent(credential: HttpCredential, schemes: tuple[str, ...]) -> str:
    auth = Auth(credential, key_name=None, key_in=None, scopes=(), base_url=BASE, http_schemes=schemes)
    request = auth.apply(httpx.Request("GET", BASE + "/x"))
    return request.headers["Authorization"]


def test_the_scheme_is_the_spec_s_unless_the_credential_picks_one() -> None:
    schemes = ("SharedAccessKey", "Basic")
    assert _sent(HttpCredential("k"), schemes) == "SharedAccessKey k"
    assert _sent(HttpCredential("k", scheme="sharedaccesskey"), schemes) == "SharedAccessKey k"
    assert _sent(HttpCredential.basic("user", "pass"), schemes) == "Basic dXNlcjpwYXNz"
    with pytest.raises(TypeError, match="no HTTP authentication scheme 'Digest'"):
        _sent(HttpCredential("k", scheme="Digest"), schemes)
    with pytest.raises(TypeError, match="declares no HTTP authentication scheme"):
        _sent(HttpCredential("k"), ())


def test_the_credential_never_goes_to_another_origin() -> None:
    auth = Auth(
        HttpCredential("k"), key_name=None, key_in=None, scopes=(), base_url=BASE,
        http_schemes=("SharedAccessKey",),
    )  # fmt: skip
    other = auth.apply(httpx.Request("GET", "https://other.example.com/x"))
    assert "Authorization" not in other.headers
    redacted = auth.redacted(auth.apply(httpx.Request("GET", BASE + "/x")))
    assert "Authorization" not in redacted.headers


@pytest.mark.parametrize("value", ["", " k", "k ", "k\r\nX: 1", "clé", 5])
def test_values_that_cannot_be_a_header_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="visible ASCII"):
        HttpCredential(value)  # type: ignore[arg-type]
    credential = HttpCredential("k")
    with pytest.raises(ValueError, match="visible ASCII"):
        credential.update(value)  # type: ignore[arg-type]


def test_secrets_stay_out_of_repr_and_basic_checks_its_parts() -> None:
    credential = HttpCredential("secret-value", scheme="Custom")
    credential.update("rotated")
    assert credential.value == "rotated"
    assert "secret" not in repr(credential) and "rotated" not in str(credential)
    with pytest.raises(ValueError, match="':'"):
        HttpCredential.basic("a:b", "p")
    with pytest.raises(ValueError, match="scheme"):
        HttpCredential("k", scheme="Two words")


def test_a_raw_body_s_content_type_comes_from_its_file_part() -> None:
    client = httpx.Client()
    plain = build_request(client, "POST", BASE, {}, None, binary_content(b"x"), "*/*")
    assert plain.headers["Content-Type"] == "application/octet-stream"
    part = FilePart(b"x", content_type="image/png")
    chosen = build_request(client, "POST", BASE, {}, None, binary_content(part), "*/*")
    assert (chosen.headers["Content-Type"], chosen.content) == ("image/png", b"x")
    listed = build_request(client, "POST", BASE, {}, None, binary_content(b"x"), "image/png")
    assert listed.headers["Content-Type"] == "image/png"
    with pytest.raises(ValueError, match="content_type"):
        binary_content(FilePart(b"x", content_type="image/png\n"))


def test_file_parts_take_the_spec_s_type_then_the_caller_s() -> None:
    files = multipart_content(
        {"a": b"1", "b": FilePart(b"2", filename="b.png", content_type="image/webp"), "c": b"3"},
        (),
        (("a", "image/png"), ("b", "image/png")),
    )["files"]
    assert files == [
        ("a", ("a", b"1", "image/png")),
        ("b", ("b.png", b"2", "image/webp")),
        ("c", ("c", b"3", "application/octet-stream")),
    ]


@pytest.mark.parametrize(
    ("content_type", "listed", "read_as_bytes"),
    [
        ("image/png", ("image/png",), True),
        ("Image/PNG; q=1", ("image/png",), True),
        ("image/jpeg", ("image/png",), False),
        ("image/jpeg", ("image/*",), True),
        ("image/jpeg", ("*/*",), True),
        ("application/json", ("*/*",), False),
        ("application/problem+json", ("*/*",), False),
        ("", ("*/*",), False),
    ],
)
def test_which_responses_are_bytes(
    content_type: str, listed: tuple[str, ...], read_as_bytes: bool
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    assert sent_as(httpx.Response(200, headers=headers), listed) is read_as_bytes
