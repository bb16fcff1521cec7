"""Is what a generated method returned the body the Spector server sent?

The expected side is JSON (or bytes, or text); the actual side is what an application gets:
models (compared through `to_dict()`), enums, datetimes, bytes, durations, decimals. Date-times
are compared as instants, so `2022-08-26T18:38:00.000Z` equals `2022-08-26T18:38:00Z`.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
from typing import Any

from spector_convert import (
    ConversionError,
    decode_bytes,
    parse_datetime,
    parse_duration,
)


def plain(actual: object) -> object:
    """An actual result in JSON terms where it has them (models by `to_dict()`)."""
    to_dict = getattr(actual, "to_dict", None)
    if callable(to_dict) and not isinstance(actual, type):
        return plain(to_dict())
    if isinstance(actual, enum.Enum):
        return plain(actual.value)
    if isinstance(actual, list | tuple):
        return [plain(item) for item in actual]
    if isinstance(actual, dict):
        return {key: plain(value) for key, value in actual.items()}
    return actual


def _same_instant(actual: object, expected: object) -> bool:
    try:
        return parse_datetime(actual) == parse_datetime(expected)
    except (ConversionError, ValueError, OverflowError):
        return False


def difference(actual: object, expected: Any, where: str = "$") -> str | None:
    """None when `actual` stands for `expected`, else where and how they differ (one line)."""
    actual = plain(actual)
    if isinstance(expected, dict) and set(expected) == {"$bytes"}:
        expected = base64.b64decode(expected["$bytes"])
    if isinstance(actual, dt.datetime):
        return (
            None if _same_instant(actual, expected) else _says(where, actual, expected)
        )
    if isinstance(actual, dt.date | dt.time):
        return (
            None if actual.isoformat() == expected else _says(where, actual, expected)
        )
    if isinstance(actual, dt.timedelta):
        return (
            None if _same_duration(actual, expected) else _says(where, actual, expected)
        )
    if isinstance(actual, decimal.Decimal):
        try:
            same = not isinstance(expected, bool) and actual == decimal.Decimal(
                str(expected)
            )
        except decimal.InvalidOperation:
            same = False
        return None if same else _says(where, actual, expected)
    if isinstance(actual, bytes | bytearray):
        return (
            None
            if _same_bytes(bytes(actual), expected)
            else _says(where, _short(actual), _short(expected))
        )
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return _says(where, actual, expected)
        missing = sorted(set(expected) - set(actual))
        extra = sorted(set(actual) - set(expected))
        if missing:
            return f"{where}: missing {', '.join(missing)}"
        if extra:
            return f"{where}: unexpected {', '.join(extra)}"
        for key in expected:
            found = difference(actual[key], expected[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return _says(where, actual, expected)
        if len(actual) != len(expected):
            return f"{where}: {len(actual)} items, expected {len(expected)}"
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            found = difference(got, want, f"{where}[{index}]")
            if found:
                return found
        return None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return None if actual is expected else _says(where, actual, expected)
    if actual == expected:
        return None
    if (
        isinstance(actual, str)
        and isinstance(expected, str)
        and _looks_like_datetime(expected)
    ):
        return (
            None if _same_instant(actual, expected) else _says(where, actual, expected)
        )
    return _says(where, actual, expected)


def _looks_like_datetime(text: str) -> bool:
    return len(text) >= 16 and (text[4:5] == "-" and "T" in text or text[3:5] == ", ")


def _same_duration(actual: dt.timedelta, expected: object) -> bool:
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return actual.total_seconds() == expected
    if isinstance(expected, str):
        try:
            return actual == parse_duration(expected)
        except ConversionError:
            return False
    return False


def _same_bytes(actual: bytes, expected: object) -> bool:
    if isinstance(expected, bytes):
        return actual == expected
    if isinstance(expected, str):
        if actual == expected.encode():
            return True
        try:
            return actual == decode_bytes(expected)
        except ConversionError:
            return False
    return False


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _says(where: str, actual: object, expected: object) -> str:
    return f"{where}: got {_short(actual)}, expected {_short(expected)}"
