"""Runtime support for the generated models: the UNSET marker and the wire codecs."""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final, NoReturn, TypeAlias, TypeVar

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


def decode_enum(cls: type[E], value: object, allowed: tuple[object, ...] = ()) -> E:
    """A member of `cls`; when `allowed` is given, only one of those values (a narrowed use)."""
    if isinstance(value, bool):
        # True == 1 and False == 0 in Python, but a JSON boolean is never an enum's number.
        fail(f"one of {cls.__name__}'s values", value)
    if allowed and value not in allowed:
        fail("one of " + ", ".join(repr(v) for v in allowed), value)
    try:
        return cls(value)
    except ValueError:
        raise DeserializationError(
            f"expected one of {cls.__name__}'s values, got {describe(value)}"
        ) from None


FieldTable: TypeAlias = tuple[tuple[str, str, bool, bool, Callable[[Any], Any]], ...]
"""A model's fields for `decode_fields`: name, wire name, required, nullable, and the
decoder of a value that is not null (an enum class stands for `decode_enum` of it)."""


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
                    values[name] = decode_enum(decode, value)
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


def unknown_member(cls: type[E], base: type[Any], value: object) -> E | None:
    """A member for a value the spec does not list, so a newer service cannot break us.

    It is not cached (a hostile server could otherwise grow memory without bound), compares
    equal to its value, and `.value` gives back exactly what the server sent.
    """
    if not isinstance(value, base) or (base is int and isinstance(value, bool)):
        return None
    construct: Any = base.__new__
    member: E = construct(cls, value)
    member._name_ = "UNKNOWN"
    member._value_ = value
    return member


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
_TWO_DIGITS: Final = tuple(f"{number:02d}" for number in range(100))


def format_datetime(value: datetime) -> str:
    """RFC 3339 text: UTC as `Z`, the shortest exact fraction (none, 3 or 6 digits).

    A naive datetime is taken to be UTC.
    """
    zone = value.tzinfo
    if (zone is _UTC or zone is None) and value.year >= 1000:
        # The common case, spelled out: isoformat() and strftime() cost twice as much.
        two = _TWO_DIGITS
        text = (
            f"{value.year}-{two[value.month]}-{two[value.day]}"
            f"T{two[value.hour]}:{two[value.minute]}:{two[value.second]}"
        )
        micro = value.microsecond
        if not micro:
            return text + "Z"
        return text + (
            f".{micro // 1000:03d}Z" if not micro % 1000 else f".{micro:06d}Z"
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


def to_json(value: object) -> Any:
    """A Python value as its JSON value, by its runtime type: models by `to_dict`, enums by
    value, RFC 3339 times, containers item by item. Bytes and file objects stay as they are.
    """
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value
