"""Runtime support for the generated models: the UNSET marker and the wire codecs."""

from __future__ import annotations

import base64
import binascii
import email.utils
import enum
import json
import math
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Final, NoReturn, TypeAlias, TypeVar, cast

from .errors import DeserializationError

E = TypeVar("E", bound=enum.Enum)


class Unset(enum.Enum):
    """The type of `UNSET`, which marks an optional field that is absent from the JSON."""

    UNSET = "UNSET"

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET

_JSON_TYPES: Final = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def describe(value: object) -> str:
    """The JSON type of `value` (never the value itself, which may be large or secret)."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def fail(expected: str, value: object) -> NoReturn:
    raise DeserializationError(f"expected {expected}, got {describe(value)}")


def no_variant_reads(value: object, decoder: object) -> NoReturn:
    """A union decoder's last word: the message names the union (its return annotation)."""
    annotations = getattr(decoder, "__annotations__", {})
    fail(str(annotations.get("return", "one of its variants")), value)


def best_fit(
    value: dict[str, Any], readers: tuple[tuple[bool, Callable[[Any], Any]], ...]
) -> Any:
    """What the model that best accounts for a JSON object reads of it, None when none reads
    it: an `anyOf` (or undiscriminated `oneOf`) of models decodes as the model that loses the
    fewest of its keys, then reads the most of them as declared properties, the first on a
    tie; not merely the first that reads it. `readers` are (admitted, from_dict) pairs.
    """
    best: Any = None
    best_score = (0, 0)
    for admitted, read in readers:
        if not admitted:
            continue
        try:
            model = read(value)
        except DeserializationError:
            continue
        written = model.to_dict()
        declared = {entry[1] for entry in type(model)._FIELDS}
        score = (
            -sum(1 for key in value if key not in written),
            sum(1 for key in value if key in declared),
        )
        if best is None or score > best_score:
            best, best_score = model, score
    return best


def cannot_encode(value: object, encoder: object) -> TypeError:
    """A union encoder got a value of none of its types (the `value` parameter's annotation)."""
    annotations = getattr(encoder, "__annotations__", {})
    expected = annotations.get("value", "one of its variants")
    return TypeError(f"cannot encode a {type(value).__name__} as {expected}")


def expected_object(root: str, value: object) -> DeserializationError:
    return DeserializationError(f"expected object, got {describe(value)}", root=root)


def decode_str(value: object) -> str:
    if isinstance(value, str):
        return value
    fail("string", value)


def decode_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    fail("boolean", value)


def decode_any(value: Any) -> Any:
    return value


def decode_int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    fail("integer", value)


def decode_float(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    fail("number", value)


def _member(cls: type[E], value: object, allowed: tuple[object, ...]) -> E | None:
    """The member of `cls` with the JSON value `value`, None for a value it does not list;
    when `allowed` is given, only one of those values (a narrowed use) may pass."""
    if isinstance(value, bool):
        # True == 1 and False == 0 in Python, but a JSON boolean is never an enum's number.
        fail(f"one of {cls.__name__}'s values", value)
    if allowed and value not in allowed:
        fail("one of " + ", ".join(repr(v) for v in allowed), value)
    members: dict[object, Any] = cls._value2member_map_
    try:
        found: E | None = members.get(value)
    except TypeError:  # unhashable: a JSON array or object
        fail(f"one of {cls.__name__}'s values", value)
    return found


def enum_member(cls: type[E], value: object, allowed: tuple[object, ...] = ()) -> E:
    """The member of `cls` with the JSON value `value`; a value it does not list is refused
    (a union tries its other variants before it keeps one as an open enum's plain value).
    """
    member = _member(cls, value, allowed)
    if member is None:
        fail(f"one of {cls.__name__}'s values", value)
    return member


def decode_enum(
    cls: type[E], value: object, allowed: tuple[object, ...] = ()
) -> E | str:
    """A member of the open string enum `cls`, or a string it does not list, kept exactly as
    sent (a newer service may send values this client does not know); when `allowed` is
    given, only one of those values (a narrowed use)."""
    member = _member(cls, value, allowed)
    if member is not None:
        return member
    if isinstance(value, str):
        return value
    fail(f"one of {cls.__name__}'s values", value)


def decode_int_enum(
    cls: type[E], value: object, allowed: tuple[object, ...] = ()
) -> E | int:
    """The same for an open integer enum: a member, or an integer it does not list."""
    member = _member(cls, value, allowed)
    if member is not None:
        return member
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    fail(f"one of {cls.__name__}'s values", value)


FieldTable: TypeAlias = tuple[tuple[str, str, bool, bool, Callable[[Any], Any]], ...]
"""A model's fields for `decode_fields`: name, wire name, required, nullable, and the
decoder of a value that is not null (an enum class stands for `decode_enum` of it, or
`decode_int_enum` for an integer enum)."""


class _LazyFieldTables:
    """Every model's `_FIELDS` in a part of a split models package until the part's tables
    are built: they name other parts' models and decoders, so building them when the part
    is imported would import those parts, and theirs in turn."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], None]) -> None:
        self._build = build

    def __get__(self, instance: object, owner: type) -> FieldTable:
        self._build()  # replaces this stand-in in every model of the part
        for cls in owner.__mro__:
            table = cls.__dict__.get("_FIELDS")
            if table is not None and table is not self:
                return cast(FieldTable, table)
        raise AttributeError(f"{owner.__name__} has no field table")


def lazy_field_tables(build: Callable[[], None]) -> FieldTable:
    """What a split part's models hold as `_FIELDS` until `build` (which sets each model's
    real table) runs, on the first read of any of them."""
    return cast(FieldTable, _LazyFieldTables(build))


def decode_fields(model: str, data: object, fields: FieldTable) -> dict[str, Any]:
    """Decode a model's fields one at a time: the careful path of every `from_dict`.

    Returns the constructor's keyword arguments (absent optional fields are UNSET); raises
    DeserializationError naming the model and the JSON path of the first bad field.
    """
    # `from None` throughout: from_dict calls this while handling its fast path's error.
    if not isinstance(data, dict):
        raise expected_object(model, data) from None
    values: dict[str, Any] = {}
    decode: Any  # a function, or an enum class
    for name, wire_name, required, nullable, decode in fields:
        if wire_name in data:
            value = data[wire_name]
            try:
                if value is None and nullable:
                    values[name] = None
                elif issubclass(type(decode), enum.EnumMeta):
                    values[name] = (
                        decode_int_enum(decode, value)
                        if issubclass(decode, int)
                        else decode_enum(decode, value)
                    )
                else:
                    values[name] = decode(value)
            except DeserializationError as exc:
                raise exc.at(model, _path_segment(wire_name)) from None
        elif required:
            raise DeserializationError.missing(
                model, _path_segment(wire_name)
            ) from None
        else:
            values[name] = UNSET
    return values


def _path_segment(wire_name: str) -> str:
    if wire_name.isascii() and wire_name.isidentifier():
        return "." + wire_name
    return "[" + repr(wire_name) + "]"


_DATETIME: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]+))?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)
_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_FAST_ISOFORMAT: Final = (3, 11) <= sys.version_info < (3, 14)
"""Whether `datetime.fromisoformat` is one that `rfc3339_utc_shape` was proved against. From
3.11 it reads far more than RFC 3339 (week dates, any separator, `+0100`, a fraction after the
minutes, text after a long fraction), though nothing more in the shape that test admits; 3.10
reads no `Z`, and 3.14 reads `T24:00:00` as the next midnight."""


def _bad_text(expected: str, value: str) -> DeserializationError:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return DeserializationError(f"expected {expected}, got {shown!r}")


def parse_datetime(value: object) -> datetime:
    """Parse an RFC 3339 date-time: `Z` or an offset, any fraction length, `t`/`z` in any case.

    Fractions beyond microseconds (.NET writes 7 digits) are truncated to microseconds. Other
    ISO 8601 forms (a space for `T`, `+0500`, week dates) are refused.
    """
    if not isinstance(value, str):
        fail("an RFC 3339 date-time string", value)
    if _FAST_ISOFORMAT and rfc3339_utc_shape(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise _bad_text("a valid date-time", value) from None
    match = _DATETIME.fullmatch(value)
    if match is None:
        raise _bad_text("an RFC 3339 date-time", value)
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = (
        match.groups()
    )
    try:
        if zulu:
            tz = timezone.utc
        else:
            if int(off_m) > 59:
                raise ValueError("offset minute must be in 0..59")
            offset = timedelta(hours=int(off_h), minutes=int(off_m))
            tz = timezone(-offset if sign == "-" else offset)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            micro,
            tz,
        )
    except ValueError:
        raise _bad_text("a valid date-time", value) from None


RFC3339_SEPARATORS: Final = slice(7, 20, 3)
"""Where `YYYY-MM-DDTHH:MM:SS` has its separators, and what follows the seconds: they read
`-T::Z` in `...:SSZ`, and `-T::.` before a fraction."""


def rfc3339_utc_shape(value: str) -> bool:
    """Whether `value` is laid out as `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with an ASCII fraction,
    so that what `datetime.fromisoformat` reads of it is exactly RFC 3339 (it checks the other
    digits and every range). It reads a `Z` followed by a NUL as the end of the text, so
    neither a NUL nor anything after the `Z` may pass.

    `from_dict`'s fast path makes the same test inline, for fractions of up to 6 digits (which
    `fromisoformat` checks itself), and leaves longer ones to `parse_datetime`."""
    if "\x00" in value:
        return False
    separators = value[RFC3339_SEPARATORS]
    if separators == "-T::Z":
        return len(value) == 20
    return (
        separators == "-T::."
        and value[-1] == "Z"
        and len(value) > 21
        and (len(value) < 28 or (value.isascii() and value[20:-1].isdigit()))
    )


parse_rfc3339_utc: Final[Callable[[str], datetime]] = (
    datetime.fromisoformat if _FAST_ISOFORMAT else parse_datetime
)
"""Parse a date-time that `from_dict`'s fast path found laid out as `rfc3339_utc_shape` says:
the C parser where it was proved exact there, the strict one elsewhere."""


_UTC: Final = timezone.utc
# The digit groups of `format_datetime`, by number. Made by joining digits: formatting a
# thousand numbers would cost half a millisecond of every import.
_DIGITS: Final = "0123456789"
_TWO_DIGITS: Final = tuple([tens + units for tens in _DIGITS for units in _DIGITS])
_THREE_DIGITS: Final = tuple([digit + two for digit in _DIGITS for two in _TWO_DIGITS])


def format_datetime(value: datetime) -> str:
    """RFC 3339 text: UTC as `Z`, the shortest exact fraction (none, 3 or 6 digits).

    A naive datetime is taken to be UTC.
    """
    zone = value.tzinfo
    if zone is _UTC or zone is None:
        # The common case, spelled out with digit tables: isoformat() and strftime() cost
        # twice as much, and so does a format spec such as `:03d` (it is parsed every call).
        micro = value.microsecond
        if not micro:
            fraction = "Z"
        elif micro % 1000:
            fraction = f".{_THREE_DIGITS[micro // 1000]}{_THREE_DIGITS[micro % 1000]}Z"
        else:
            fraction = f".{_THREE_DIGITS[micro // 1000]}Z"
        two = _TWO_DIGITS
        year = value.year
        return (
            f"{two[year // 100]}{two[year % 100]}-{two[value.month]}-{two[value.day]}"
            f"T{two[value.hour]}:{two[value.minute]}:{two[value.second]}{fraction}"
        )
    micro = value.microsecond
    spec = (
        "seconds"
        if not micro
        else "milliseconds" if not micro % 1000 else "microseconds"
    )
    offset = value.utcoffset()
    if offset is None:
        return value.isoformat(timespec=spec) + "Z"
    if not offset:
        return value.replace(tzinfo=None).isoformat(timespec=spec) + "Z"
    return value.isoformat(timespec=spec)


def parse_date(value: object) -> date:
    """Parse an RFC 3339 full-date (`2024-03-05`)."""
    if not isinstance(value, str):
        fail("an RFC 3339 date string", value)
    match = _DATE.fullmatch(value)
    if match is None:
        raise _bad_text("an RFC 3339 date", value)
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _bad_text("a valid date", value) from None


def format_date(value: date) -> str:
    return value.isoformat()


# -- typed formats ---------------------------------------------------------------------
# Each reads a JSON value (raising DeserializationError) or writes one; the writers give the
# one canonical form, so a value read from it writes the same text again.


def decode_base64(value: object) -> bytes:
    """`format: byte` (or `contentEncoding: base64`): RFC 4648 base64, padding optional."""
    if not isinstance(value, str):
        fail("a base64 string", value)
    try:
        return base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _bad_text("base64", value) from None


def format_base64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def decode_base64url(value: object) -> bytes:
    """`format: base64url`: the URL-safe alphabet (or the standard one), padding optional."""
    if not isinstance(value, str):
        fail("a base64url string", value)
    padded = value + "=" * (-len(value) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise _bad_text("base64url", value) from None


def format_base64url(value: bytes) -> str:
    """Without padding, as RFC 7515 (and Spector) write it."""
    return base64.urlsafe_b64encode(value).rstrip(b"=").decode("ascii")


_DURATION: Final = re.compile(
    r"(-)?P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?",
    re.ASCII,
)
_DURATION_UNITS: Final = (7 * 86400, 86400, 3600, 60, 1)
"""Seconds per unit of the groups of `_DURATION`: weeks, days, hours, minutes, seconds."""


def parse_duration(value: object) -> timedelta:
    """An ISO 8601 duration (`P40D`, `PT1.5S`, `-P1DT2H`, `P2W`) of exact units: years and
    months have no fixed length, so `P1Y` and `P1M` are refused. Fractions beyond
    microseconds are truncated."""
    if not isinstance(value, str):
        fail("an ISO 8601 duration string", value)
    match = _DURATION.fullmatch(value)
    if match is None or value.endswith(("P", "T")):
        raise _bad_text(
            "an ISO 8601 duration in weeks, days, hours, minutes, seconds", value
        )
    micro = sum(
        int(Decimal(part.replace(",", ".")) * unit * 1_000_000)
        for part, unit in zip(match.groups()[1:], _DURATION_UNITS)
        if part is not None
    )
    try:
        return timedelta(microseconds=-micro if match[1] else micro)
    except OverflowError:
        raise _bad_text("a duration timedelta can hold", value) from None


def format_duration(value: timedelta) -> str:
    """ISO 8601: `P40D`, `PT1.5S`, `-P1DT2H`; `PT0S` for zero."""
    micro = abs(value) // timedelta(microseconds=1)
    seconds, micro = divmod(micro, 1_000_000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    text = "-P" if value < timedelta(0) else "P"
    if days:
        text += f"{days}D"
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n)
    if micro:
        time += f"{seconds}.{micro:06d}".rstrip("0") + "S"
    elif seconds or not (days or time):
        time += f"{seconds}S"
    return text + ("T" + time if time else "")


def _json_number(expected: str, value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail(expected, value)
    if isinstance(value, float) and not math.isfinite(value):
        fail(expected, value)
    return value


def _timedelta(expected: str, **amount: float) -> timedelta:
    try:
        return timedelta(**amount)
    except OverflowError:
        raise DeserializationError(f"expected {expected}, got one too large") from None


def decode_duration_seconds(value: object) -> timedelta:
    """A duration as a JSON number of seconds (`format: seconds`)."""
    seconds = _json_number("a number of seconds", value)
    return _timedelta("a number of seconds", seconds=seconds)


def _whole_or_float(micro: int, per_unit: int) -> int | float:
    whole, rest = divmod(micro, per_unit)
    return whole if not rest else micro / per_unit


def format_duration_seconds(value: timedelta) -> int | float:
    """Whole seconds as an integer, else the nearest float (exact to the microsecond)."""
    return _whole_or_float(value // timedelta(microseconds=1), 1_000_000)


def decode_duration_milliseconds(value: object) -> timedelta:
    """A duration as a JSON number of milliseconds (`format: milliseconds`)."""
    millis = _json_number("a number of milliseconds", value)
    return _timedelta("a number of milliseconds", milliseconds=millis)


def format_duration_milliseconds(value: timedelta) -> int | float:
    return _whole_or_float(value // timedelta(microseconds=1), 1_000)


_EPOCH: Final = datetime(1970, 1, 1, tzinfo=timezone.utc)
_from_timestamp: Final = datetime.fromtimestamp


def decode_unix_time(value: object) -> datetime:
    """`format: unixtime` (or `unix-time`): whole seconds since 1970 UTC, as a UTC datetime."""
    if type(value) is int:
        # The C constructor makes the same datetime as the sum below in about half the time
        # (the fast path of every from_dict with such a field calls this). Out of its range,
        # which is the platform gmtime's and narrower on some, it raises and the sum decides.
        try:
            return _from_timestamp(value, _UTC)
        except (ValueError, OverflowError, OSError):
            pass
    elif isinstance(value, bool) or not isinstance(value, int):
        fail("an integer unix time", value)
    try:
        return _EPOCH + timedelta(seconds=value)
    except OverflowError:
        raise DeserializationError(
            "expected a unix time, got one out of range"
        ) from None


def format_unix_time(value: datetime) -> int:
    """Whole seconds since 1970 UTC (a fraction of a second is dropped, toward the past); a
    naive datetime is taken to be UTC."""
    tzinfo = value.tzinfo
    if tzinfo is not _UTC and (tzinfo is None or value.utcoffset() is None):
        value = value.replace(tzinfo=_UTC)
    # A timedelta's days and seconds are the floor of its length in seconds (its microseconds
    # are never negative), without building a timedelta and dividing microseconds.
    delta = value - _EPOCH
    return delta.days * 86400 + delta.seconds


def parse_http_date(value: object) -> datetime:
    """An HTTP date (RFC 7231's IMF-fixdate, `Fri, 26 Aug 2022 14:38:00 GMT`, or the RFC 850
    and asctime forms it allows) as an aware datetime."""
    if not isinstance(value, str):
        fail("an HTTP date string", value)
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        raise _bad_text("an HTTP date", value) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def format_http_date(value: datetime) -> str:
    """IMF-fixdate in GMT (a fraction of a second is dropped); naive is taken to be UTC."""
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=_UTC)
    return email.utils.format_datetime(
        value.astimezone(_UTC).replace(microsecond=0), usegmt=True
    )


def decode_decimal(value: object) -> Decimal:
    """`format: decimal`: a JSON number, exactly. A float is read by its shortest text (what
    `json.loads` read it from, for up to 15 significant digits); a Decimal (JSON parsed with
    `parse_float=Decimal`) is taken as it is."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            fail("a finite number", value)
        return value
    number = _json_number("a number", value)
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


_WRITERS: Final[dict[str, Callable[[Any], Any]]] = {
    "bytes": format_base64,
    "bytes-url": format_base64url,
    "duration": format_duration,
    "duration-seconds": format_duration_seconds,
    "duration-milliseconds": format_duration_milliseconds,
    "unix-time": format_unix_time,
    "http-date": format_http_date,
    "decimal": lambda value: value,
}
"""The writer of each typed format, by its TypeKind value (generator/ir/kinds.py)."""


def to_wire_as(value: Any, kind: str) -> Any:
    """The JSON value of a parameter or body of a typed format (`kind`, a TypeKind value),
    item by item in lists and dicts: a datetime is an HTTP date or unix seconds as the
    schema says, which its class alone cannot tell."""
    if isinstance(value, (list, tuple)):
        return [to_wire_as(item, kind) for item in value]
    if isinstance(value, dict):
        return {key: to_wire_as(item, kind) for key, item in value.items()}
    if value is None:
        return None
    return _WRITERS[kind](value)


def _number_text(text: str) -> int | float:
    number = json.loads(text)
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        raise _bad_text("a number", text)
    return number


def _decimal_text(text: str) -> Decimal:
    number = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    if not isinstance(number, Decimal):
        raise _bad_text("a number", text)
    return decode_decimal(number)


_TEXT_READERS: Final[dict[str, Callable[[str], Any]]] = {
    "bytes": decode_base64,
    "bytes-url": decode_base64url,
    "duration": parse_duration,
    "duration-seconds": lambda text: decode_duration_seconds(_number_text(text)),
    "duration-milliseconds": lambda text: decode_duration_milliseconds(
        _number_text(text)
    ),
    "unix-time": lambda text: decode_unix_time(_number_text(text)),
    "http-date": parse_http_date,
    "decimal": _decimal_text,
}


def read_text_as(text: str, kind: str) -> Any:
    """A header's text as a value of a typed format (`kind`, a TypeKind value): numbers as
    JSON number text, the rest as the text itself. Raises ValueError or
    DeserializationError."""
    return _TEXT_READERS[kind](text)


def to_json(value: object) -> Any:
    """A Python value as its JSON value, by its runtime type: models by `to_dict`, enums by
    value, RFC 3339 times, ISO 8601 durations, containers item by item. Bytes, file objects
    and Decimals stay as they are.
    """
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value
