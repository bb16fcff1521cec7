"""The typed formats' codecs at their source (generator/runtime/_runtime.py, _wire.py): each
reads what servers send, refuses what it cannot hold exactly, and writes one canonical form
that it reads back to the same value."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.runtime import _runtime as rt
from generator.runtime import _wire as wire
from generator.runtime.errors import DeserializationError

UTC = timezone.utc


def test_base64_and_base64url() -> None:
    assert rt.decode_base64("dGVzdA==") == b"test" == rt.decode_base64("dGVzdA")
    assert rt.format_base64(b"test") == "dGVzdA=="
    assert rt.decode_base64url("dGVzdA") == b"test" == rt.decode_base64url("dGVzdA==")
    assert rt.format_base64url(b"\xfb\xff") == "-_8"  # URL-safe alphabet, no padding
    for bad in ("dGV*dA", "-_8", 3):
        with pytest.raises(DeserializationError):
            rt.decode_base64(bad)
    assert rt.decode_base64url("+/8") == b"\xfb\xff"  # the standard alphabet is read too
    with pytest.raises(DeserializationError):
        rt.decode_base64url("dGV*dA")


@pytest.mark.parametrize(
    ("text", "value", "canonical"),
    [
        ("P40D", timedelta(days=40), "P40D"),
        ("PT1.5S", timedelta(seconds=1.5), "PT1.5S"),
        ("-P1DT2H", -timedelta(days=1, hours=2), "-P1DT2H"),
        ("P2W", timedelta(days=14), "P14D"),
        ("PT36H", timedelta(hours=36), "P1DT12H"),
        ("PT0,5M", timedelta(seconds=30), "PT30S"),
        ("PT0S", timedelta(0), "PT0S"),
        ("P1DT0.000001S", timedelta(days=1, microseconds=1), "P1DT0.000001S"),
    ],
)
def test_iso_8601_durations(text: str, value: timedelta, canonical: str) -> None:
    assert rt.parse_duration(text) == value
    assert rt.format_duration(value) == canonical


@pytest.mark.parametrize("text", ["P", "PT", "P1DT", "P1Y", "P1M", "1D", "PT1S ", "P-1D"])
def test_durations_without_an_exact_length_or_malformed_are_refused(text: str) -> None:
    with pytest.raises(DeserializationError):
        rt.parse_duration(text)


@given(st.timedeltas())
def test_a_duration_reads_back_what_it_writes(value: timedelta) -> None:
    assert rt.parse_duration(rt.format_duration(value)) == value


@given(st.timedeltas(min_value=timedelta(seconds=-(10**8)), max_value=timedelta(seconds=10**8)))
def test_durations_as_numbers_read_back_exactly(value: timedelta) -> None:
    seconds = json.loads(json.dumps(rt.format_duration_seconds(value)))
    assert rt.decode_duration_seconds(seconds) == value
    millis = json.loads(json.dumps(rt.format_duration_milliseconds(value)))
    assert rt.decode_duration_milliseconds(millis) == value


def test_durations_as_numbers() -> None:
    assert rt.format_duration_seconds(timedelta(minutes=2.5)) == 150  # whole: an int
    assert rt.format_duration_seconds(timedelta(seconds=35.625)) == 35.625
    assert rt.format_duration_milliseconds(timedelta(seconds=35.625)) == 35625
    assert rt.decode_duration_milliseconds(36000) == timedelta(seconds=36)
    for bad in (True, "36", float("nan"), 1e300):
        with pytest.raises(DeserializationError):
            rt.decode_duration_seconds(bad)


def test_unix_time() -> None:
    stamp = datetime(2023, 6, 12, 10, 47, 44, tzinfo=UTC)
    assert rt.decode_unix_time(1686566864) == stamp
    assert rt.format_unix_time(stamp) == 1686566864
    assert rt.format_unix_time(stamp.replace(tzinfo=None)) == 1686566864  # naive is UTC
    offset = stamp.astimezone(timezone(timedelta(hours=-5)))
    assert rt.format_unix_time(offset) == 1686566864
    assert rt.format_unix_time(datetime(1969, 12, 31, 23, 59, 59, 500000, UTC)) == -1
    for bad in (1.5, True, "1686566864", 10**20):
        with pytest.raises(DeserializationError):
            rt.decode_unix_time(bad)


def test_http_dates() -> None:
    when = datetime(2022, 8, 26, 14, 38, tzinfo=UTC)
    assert rt.parse_http_date("Fri, 26 Aug 2022 14:38:00 GMT") == when
    assert rt.parse_http_date("Friday, 26-Aug-22 14:38:00 GMT") == when  # RFC 850
    assert rt.format_http_date(when) == "Fri, 26 Aug 2022 14:38:00 GMT"
    east = when.astimezone(timezone(timedelta(hours=2))).replace(microsecond=7)
    assert rt.format_http_date(east) == "Fri, 26 Aug 2022 14:38:00 GMT"
    for bad in ("yesterday", "", 5):
        with pytest.raises(DeserializationError):
            rt.parse_http_date(bad)


def test_decimals() -> None:
    assert rt.decode_decimal(0.1) == Decimal("0.1")  # the float's shortest text
    assert rt.decode_decimal(3) == Decimal(3)
    assert rt.decode_decimal(Decimal("0.30")) == Decimal("0.30")
    for bad in (True, "0.1", float("inf"), Decimal("NaN")):
        with pytest.raises(DeserializationError):
            rt.decode_decimal(bad)


def test_json_text_writes_decimals_digit_for_digit() -> None:
    body = {"a": [Decimal("0.3"), Decimal("-1E+3"), 1.5], "b": "\x00decimal-0"}
    text = wire.json_text(body)
    assert text == '{"a":[0.3,-1E+3,1.5],"b":"\\u0000decimal-0"}'
    assert json.loads(text, parse_float=Decimal)["a"][0] == Decimal("0.3")
    big = Decimal("12345678901234567890.123456789")
    assert wire.json_text(big) == "12345678901234567890.123456789"
    with pytest.raises(TypeError):
        wire.json_text({"x": object()})
    with pytest.raises(TypeError):
        wire.json_text(Decimal("NaN"))


def test_parameters_are_written_by_their_format() -> None:
    stamp = datetime(2023, 6, 12, 10, 47, 44, tzinfo=UTC)
    assert rt.to_wire_as([stamp, None], "unix-time") == [1686566864, None]
    assert rt.to_wire_as({"k": b"test"}, "bytes-url") == {"k": "dGVzdA"}
    assert rt.to_wire_as(stamp, "http-date") == "Mon, 12 Jun 2023 10:47:44 GMT"
    assert wire.to_text(rt.to_wire_as([timedelta(days=40)], "duration")) == "P40D"
    params: wire.QueryItems = []
    wire.add_query(
        params, "v", rt.to_wire_as(timedelta(minutes=2.5), "duration-seconds"), "form", True
    )
    wire.add_query(params, "f", 35625.0, "form", True)
    wire.add_query(params, "g", 0.5, "form", True)
    wire.add_query(params, "d", Decimal("0.33333"), "form", True)
    assert params == [("v", "150"), ("f", "35625"), ("g", "0.5"), ("d", "0.33333")]


def test_header_text_is_read_by_its_format() -> None:
    assert rt.read_text_as("1686566864", "unix-time") == datetime(
        2023, 6, 12, 10, 47, 44, tzinfo=UTC
    )
    assert rt.read_text_as("35625", "duration-milliseconds") == timedelta(seconds=35.625)
    assert rt.read_text_as("0.33333", "decimal") == Decimal("0.33333")
    assert rt.read_text_as("dGVzdA", "bytes-url") == b"test"
    for text, kind in (
        ("1_0", "decimal"),
        ("NaN", "decimal"),
        ('"1"', "unix-time"),
        ("1.5", "unix-time"),
    ):
        with pytest.raises((ValueError, DeserializationError)):
            rt.read_text_as(text, kind)
