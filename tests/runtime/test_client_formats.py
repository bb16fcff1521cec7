"""Typed formats on the wire (tests/specs/formats.yaml), over real HTTP, once per flavour.

A caller hands over Python values (bytes, timedelta, datetime, Decimal) and gets them back;
the wire carries the forms Spector's encode scenarios expect: base64 with padding, base64url
without, ISO 8601 durations, durations as numbers of seconds or milliseconds, unix seconds,
HTTP dates, and decimals digit for digit.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

STAMP = datetime(2023, 6, 12, 10, 47, 44, tzinfo=timezone.utc)  # 1686566864
HTTP_DATE = "Fri, 26 Aug 2022 14:38:00 GMT"
AUG_26 = datetime(2022, 8, 26, 14, 38, tzinfo=timezone.utc)

WIRE = {
    "raw": "dGVzdA==",
    "token": "dGVzdA",
    "tokens": ["dGVzdA", "AQI"],
    "wait": "P40D",
    "pause": None,
    "seconds": 35.625,
    "millis": 35625,
    "laps": [150, 0.5],
    "stamp": 1686566864,
    "stamps": [1686566864, 0],
    "modified": HTTP_DATE,
    "expires": HTTP_DATE,
    "amount": 0.33333,
    "blobs": {"a": "AA=="},
}


@pytest.fixture(scope="module")
def formats(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["formats"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(formats: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    with client_of(formats, flavour, base_url=server.url) as c:
        yield c


def test_parameters_are_sent_in_their_formats(client: Any, server: EchoServer) -> None:
    server.reply(Reply.json(WIRE))
    client.get_formats(
        STAMP,
        timedelta(days=40),
        seconds=timedelta(minutes=2.5),
        ratio=35625.0,
        tokens=[b"test", b"\x01\x02"],
        price=Decimal("0.33333"),
        if_modified_since=AUG_26,
        x_signature=b"test",
        x_stamps=[STAMP, datetime(1970, 1, 1, tzinfo=timezone.utc)],
    )
    seen = server.last
    assert seen.path == "/formats/1686566864"
    assert seen.query == [
        ("wait", "P40D"),
        ("seconds", "150"),  # an integral float as JavaScript prints it
        ("ratio", "35625"),
        ("tokens", "dGVzdA,AQI"),
        ("price", "0.33333"),
    ]
    assert seen.headers["if-modified-since"] == HTTP_DATE
    assert seen.headers["x-signature"] == "dGVzdA=="
    assert seen.headers["x-stamps"] == "1686566864,0"


def test_a_model_reads_and_writes_every_format(
    formats: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json(WIRE))
    got = client.get_formats(STAMP, timedelta(0))
    assert got.raw == b"test" and got.token == b"test" and got.tokens == [b"test", b"\x01\x02"]
    assert got.wait == timedelta(days=40) and got.pause is None
    assert got.seconds == timedelta(seconds=35.625) and got.millis == timedelta(seconds=35.625)
    assert got.laps == [timedelta(seconds=150), timedelta(milliseconds=500)]
    assert got.stamp == STAMP and got.stamps[1] == datetime(1970, 1, 1, tzinfo=timezone.utc)
    assert got.modified == AUG_26 and got.expires == AUG_26
    assert got.amount == Decimal("0.33333") and got.blobs == {"a": b"\x00"}
    assert server.last.query == [("wait", "PT0S")]
    server.reply(Reply.json(WIRE))
    client.put_formats(got)
    assert server.last.json() == WIRE


def test_decimals_are_exact_both_ways(formats: Any, client: Any, server: EchoServer) -> None:
    body = b"[0.1,0.1,0.1,12345678901234567890.123456789]"
    server.reply(Reply(200, body, "application/json"))
    amounts = client.post_amount(Decimal("0.30"))
    assert server.last.body == b"0.30"
    assert sum(amounts[:3]) == Decimal("0.3")  # not 0.30000000000000004
    assert amounts[3] == Decimal("12345678901234567890.123456789")  # a body of decimals: exact
    model = formats.Formats(
        raw=b"", wait=timedelta(0), total=Decimal("12345678901234567890.123456789")
    )
    server.reply(Reply.json(WIRE))
    client.put_formats(model)
    assert b'"total":12345678901234567890.123456789' in server.last.body


def test_whole_bodies_and_spread_fields(client: Any, server: EchoServer) -> None:
    server.reply(Reply(200, b'"dGVzdA"', "application/json"))
    assert client.post_bytes(b"test") == b"test"
    assert server.last.body == b'"dGVzdA=="'
    server.reply(Reply(204))
    client.start_timer(timedelta(hours=1, seconds=1.5), at=AUG_26)
    assert server.last.json() == {"after": "PT1H1.5S", "at": HTTP_DATE}


def test_response_headers_are_read_in_their_formats(client: Any, server: EchoServer) -> None:
    server.reply(
        Reply(
            200,
            b'{"raw": "", "wait": "PT1S"}',
            "application/json",
            headers=(
                ("Last-Modified", HTTP_DATE),
                ("x-stamp", "1686566864"),
                ("x-digest", "dGVzdA=="),
                ("x-elapsed", "35625"),
                ("x-total", "0.33333"),
                ("x-keys", "dGVzdA, AQI"),
            ),
        )
    )
    got, headers = client.get_formats_with_headers(STAMP, timedelta(seconds=1))
    assert got.wait == timedelta(seconds=1)
    assert headers.last_modified == AUG_26 and headers.x_stamp == STAMP
    assert headers.x_digest == b"test" and headers.x_elapsed == timedelta(seconds=35.625)
    assert headers.x_total == Decimal("0.33333") and headers.x_keys == [b"test", b"\x01\x02"]


def test_a_malformed_value_is_a_deserialization_error(
    formats: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json({**WIRE, "wait": "P1Y"}))  # a year has no fixed length
    with pytest.raises(formats.DeserializationError, match="wait"):
        client.get_formats(STAMP, timedelta(0))
    server.reply(
        Reply(200, b'{"raw": "", "wait": "PT1S"}', "application/json", (("x-stamp", "soon"),))
    )
    with pytest.raises(formats.DeserializationError, match="x-stamp"):
        client.get_formats_with_headers(STAMP, timedelta(0))
