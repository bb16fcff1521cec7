"""Wire values to the Python types a generated method's parameters are annotated with.

A Spector scenario gives the request as it appears on the wire (query strings, header text,
JSON). An application holds typed values instead: `datetime`, `bytes`, enums, models. These
functions turn the former into the latter, reading the annotation (from typing.get_type_hints)
and, where the annotation alone cannot tell, the OpenAPI format."""

from __future__ import annotations

import base64
import binascii
import collections.abc
import datetime as dt
import decimal
import enum
import re
import types
import typing
from email.utils import parsedate_to_datetime
from typing import Any


class ConversionError(ValueError):
    """A wire value that does not fit the annotation."""


_DURATION = re.compile(
    r"(?P<sign>-)?P(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?\Z"
)


def parse_duration(text: str) -> dt.timedelta:
    """An ISO 8601 duration without years or months (`P40D`, `PT1.5S`, `-PT3H`)."""
    found = _DURATION.match(text)
    if found is None or text in ("P", "PT", "-P"):
        raise ConversionError(f"not an ISO 8601 duration: {text!r}")
    parts = {
        k: float(v)
        for k, v in found.groupdict().items()
        if v is not None and k != "sign"
    }
    value = dt.timedelta(**parts)
    return -value if found.group("sign") else value


def parse_datetime(value: object) -> dt.datetime:
    """RFC 3339, RFC 7231 (HTTP date) text, or Unix seconds, as an aware datetime."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, bool):
        raise ConversionError(f"not a date-time: {value!r}")
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc)
    if not isinstance(value, str):
        raise ConversionError(f"not a date-time: {value!r}")
    if re.fullmatch(r"-?\d+", value):
        return dt.datetime.fromtimestamp(int(value), tz=dt.timezone.utc)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError) as error:
            raise ConversionError(f"not a date-time: {value!r}") from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def decode_bytes(value: object) -> bytes:
    """Bytes from the dumper's {"$bytes": base64} form, or base64 / base64url text."""
    if isinstance(value, dict) and "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    if isinstance(value, bytes):
        return value
    if not isinstance(value, str):
        raise ConversionError(f"not bytes: {value!r}")
    padded = value + "=" * (-len(value) % 4)
    try:
        if "-" in value or "_" in value:
            return base64.urlsafe_b64decode(padded)
        return base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise ConversionError(f"not base64: {value!r}") from error


def _is_model(cls: object) -> bool:
    return isinstance(cls, type) and callable(getattr(cls, "from_dict", None))


def _members(annotation: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(annotation)
    return (annotation,)


def _fits_json(value: object, annotation: Any) -> bool:
    """Whether a JSON value has the shape of an annotation, to pick a union member."""
    origin = typing.get_origin(annotation) or annotation
    if value is None:
        return annotation is type(None)
    if origin in (list, tuple, collections.abc.Sequence):
        return isinstance(value, list)
    if origin in (dict, collections.abc.Mapping) or _is_model(annotation):
        return isinstance(value, dict)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation in (int, float, decimal.Decimal):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    return True


def to_typed(
    value: object, annotation: Any, *, separator: str = ",", fmt: str | None = None
) -> Any:
    """`value` (JSON, or wire text) as an instance of `annotation`.

    `separator` splits text given for a list (a query's `form` style uses ","); `fmt` is the
    OpenAPI format where the annotation cannot tell (`unixtime` for an int on the wire).
    """
    members = _members(annotation)
    if len(members) > 1:
        concrete = [m for m in members if m is not type(None)]
        if value is None and len(concrete) < len(members):
            return None
        ordered = sorted(concrete, key=lambda member: not _fits_json(value, member))
        errors = []
        for member in ordered:
            try:
                return to_typed(value, member, separator=separator, fmt=fmt)
            except (ConversionError, ValueError, TypeError, KeyError) as error:
                errors.append(f"{getattr(member, '__name__', member)}: {error}")
        raise ConversionError(
            "; ".join(errors) or f"no member of {annotation} fits {value!r}"
        )
    origin = typing.get_origin(annotation)
    if annotation is typing.Any or annotation is object:
        return value
    if origin is typing.Literal:
        if value in typing.get_args(annotation):
            return value
        raise ConversionError(f"{value!r} is not one of {typing.get_args(annotation)}")
    if origin in (list, collections.abc.Sequence, tuple):
        (item,) = typing.get_args(annotation)[:1] or (typing.Any,)
        if isinstance(value, str):
            value = value.split(separator) if value else []
        if not isinstance(value, list):
            raise ConversionError(f"not a list: {value!r}")
        return [to_typed(v, item, fmt=fmt) for v in value]
    if origin in (dict, collections.abc.Mapping):
        _, item = typing.get_args(annotation) or (str, typing.Any)
        if not isinstance(value, dict):
            raise ConversionError(f"not an object: {value!r}")
        return {k: to_typed(v, item, fmt=fmt) for k, v in value.items()}
    if _is_binary_io(annotation):
        return decode_bytes(value)
    return _scalar(value, annotation, fmt)


def _is_binary_io(annotation: Any) -> bool:
    return (
        annotation is typing.IO
        or typing.get_origin(annotation) is typing.IO
        or annotation is typing.BinaryIO
    )


def _scalar(value: object, annotation: Any, fmt: str | None) -> Any:
    if annotation is type(None):
        if value is None:
            return None
        raise ConversionError(f"not null: {value!r}")
    if _is_model(annotation):
        if not isinstance(value, dict):
            raise ConversionError(f"not an object for {annotation.__name__}: {value!r}")
        return annotation.from_dict(value)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(_enum_value(value, annotation))
    if annotation is bool:
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return value == "true"
        raise ConversionError(f"not a boolean: {value!r}")
    if annotation is int:
        if (
            isinstance(value, bool)
            or isinstance(value, float)
            and not value.is_integer()
        ):
            raise ConversionError(f"not an integer: {value!r}")
        return int(value)  # type: ignore[call-overload]
    if annotation is float:
        if isinstance(value, bool):
            raise ConversionError(f"not a number: {value!r}")
        return float(value)  # type: ignore[arg-type]
    if annotation is decimal.Decimal:
        try:
            return decimal.Decimal(str(value))
        except decimal.InvalidOperation as error:
            raise ConversionError(f"not a decimal: {value!r}") from error
    if annotation is str:
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        raise ConversionError(f"not a string: {value!r}")
    if annotation is bytes:
        return decode_bytes(value)
    if annotation is dt.datetime:
        return parse_datetime(value)
    if annotation is dt.date:
        return dt.date.fromisoformat(str(value))
    if annotation is dt.time:
        return dt.time.fromisoformat(str(value))
    if annotation is dt.timedelta:
        # A number is seconds, or milliseconds where the format says so.
        unit = "milliseconds" if fmt == "milliseconds" else "seconds"
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dt.timedelta(**{unit: value})
        if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
            return dt.timedelta(**{unit: float(value)})
        return parse_duration(str(value))
    if isinstance(annotation, type):
        if isinstance(value, annotation):
            return value
        if isinstance(value, str) and not callable(
            getattr(annotation, "from_dict", None)
        ):
            return annotation(value)  # a str-like type (UUID, a str subclass)
        raise ConversionError(f"cannot build {annotation.__name__} from {value!r}")
    raise ConversionError(f"cannot build {annotation!r} from {value!r}")


def _enum_value(value: object, cls: type[enum.Enum]) -> object:
    """The enum's own value type: query and header text "1" for an int enum."""
    kinds = {type(member.value) for member in cls}
    if isinstance(value, str) and kinds and str not in kinds:
        for kind in (int, float):
            if kind in kinds:
                try:
                    return kind(value)
                except ValueError:
                    pass
    return value
