"""Hypothesis strategies for every model of Aquarium.

For each model there are two: `<model>()` draws instances, and `<model>_json()` draws
JSON values that are valid against the model's schema (formats and constraints included).
Use them to fuzz code that consumes this API. Needs `hypothesis`, which the package does
not otherwise import.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any, TypeVar

from hypothesis import reject
from hypothesis import strategies as st

from .._runtime import UNSET, Unset, to_wire_as
from ..errors import DeserializationError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

_MAX_SIZE = 4
"""Containers stay small, so examples stay fast; raise it to fuzz harder."""


_MAX_DEPTH = 3
"""Models nested deeper than this draw only what their schema requires: optional fields
are absent and nullable ones null, so examples of large, recursive APIs stay small."""


def _optional(
    depth: int, strategy: st.SearchStrategy[T]
) -> st.SearchStrategy[T | Unset]:
    return st.just(UNSET) if depth >= _MAX_DEPTH else st.just(UNSET) | strategy


def _or_none(depth: int, strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() if depth >= _MAX_DEPTH else st.none() | strategy


def _when_shallow(
    depth: int, fields: dict[str, st.SearchStrategy[Any]]
) -> dict[str, st.SearchStrategy[Any]]:
    """Optional JSON properties, none of them once nested deeper than `_MAX_DEPTH`."""
    return {} if depth >= _MAX_DEPTH else fields


_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str),
    "byte": st.binary(max_size=24).map(lambda b: base64.b64encode(b).decode("ascii")),
    "email": st.from_regex(r"[a-z0-9]{1,10}@[a-z]{1,10}\.example", fullmatch=True),
    "ipv4": st.ip_addresses(v=4).map(str),
    "ipv6": st.ip_addresses(v=6).map(str),
    "uri": st.from_regex(
        r"https://[a-z]{1,10}\.example/[a-z0-9/]{0,12}", fullmatch=True
    ),
    "url": st.from_regex(
        r"https://[a-z]{1,10}\.example/[a-z0-9/]{0,12}", fullmatch=True
    ),
    "hostname": st.from_regex(r"[a-z]{1,10}\.example", fullmatch=True),
}
"""Strings in the formats validators check; any other format draws plain text."""


def _text(
    min_size: int = 0,
    max_size: int | None = None,
    pattern: str | None = None,
    fmt: str | None = None,
) -> st.SearchStrategy[str]:
    if fmt in _FORMATS and pattern is None:
        bound = max_size if max_size is not None else float("inf")
        return _FORMATS[fmt].filter(lambda s: min_size <= len(s) <= bound)
    if pattern is None:
        upper = max_size if max_size is not None else max(min_size, _MAX_SIZE * 4)
        return st.text(min_size=min_size, max_size=upper)
    # JSON Schema patterns are unanchored searches, as hypothesis' from_regex is by
    # default. Without a maxLength a match is as long as the pattern makes it (a UUID
    # pattern's are 36 characters).
    bound = max_size if max_size is not None else float("inf")
    return st.from_regex(pattern).filter(lambda s: min_size <= len(s) <= bound)


def _integers(
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    exclusive_maximum: bool = False,
    bits: int | None = None,
) -> st.SearchStrategy[int]:
    low = (
        None
        if minimum is None
        else int(minimum) + (1 if exclusive_minimum and minimum == int(minimum) else 0)
    )
    high = (
        None
        if maximum is None
        else int(maximum) - (1 if exclusive_maximum and maximum == int(maximum) else 0)
    )
    if bits is not None:
        limit = 2 ** (bits - 1)
        low = -limit if low is None else max(low, -limit)
        high = limit - 1 if high is None else min(high, limit - 1)
    return st.integers(min_value=low, max_value=high)


def _floats(
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    exclusive_maximum: bool = False,
) -> st.SearchStrategy[float]:
    return st.floats(
        min_value=minimum,
        max_value=maximum,
        exclude_min=exclusive_minimum and minimum is not None,
        exclude_max=exclusive_maximum and maximum is not None,
        allow_nan=False,
        allow_infinity=False,
    )


def _upper(depth: int, min_size: int, max_size: int | None) -> int:
    """Containers nested deeper than `_MAX_DEPTH` hold only what the schema requires, so
    a required list or map of the model itself still ends."""
    if depth >= _MAX_DEPTH:
        return min_size
    return max_size if max_size is not None else max(min_size, _MAX_SIZE)


def _lists(
    depth: int,
    items: st.SearchStrategy[T],
    min_size: int = 0,
    max_size: int | None = None,
    unique: bool = False,
) -> st.SearchStrategy[list[T]]:
    upper = _upper(depth, min_size, max_size)
    if upper == 0:
        # Not even built: deferred item strategies of a recursive model would recurse
        # forever.
        return st.builds(list)
    if unique:
        return st.lists(items, min_size=min_size, max_size=upper, unique_by=_json_key)
    return st.lists(items, min_size=min_size, max_size=upper)


def _json_key(value: Any) -> str:
    """Equal JSON values (as `uniqueItems` compares them) give equal keys."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, sort_keys=True)


def _dicts(
    depth: int,
    values: st.SearchStrategy[T],
    min_size: int = 0,
    max_size: int | None = None,
) -> st.SearchStrategy[dict[str, T]]:
    upper = _upper(depth, min_size, max_size)
    if upper == 0:
        return st.builds(dict)
    return st.dictionaries(
        st.text(max_size=8), values, min_size=min_size, max_size=upper
    )


def _extras(
    depth: int, values: st.SearchStrategy[T], declared: tuple[str, ...]
) -> st.SearchStrategy[dict[str, T]]:
    """The undeclared keys of an open model: any key but its properties' wire names."""
    keys = st.text(max_size=8).filter(lambda key: key not in declared)
    return st.dictionaries(
        keys, values, max_size=0 if depth >= _MAX_DEPTH else _MAX_SIZE
    )


def _with_extras(
    declared: st.SearchStrategy[dict[str, Any]],
    extras: st.SearchStrategy[dict[str, Any]],
) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(lambda known, extra: {**extra, **known}, declared, extras)


def _same_shape(left: Any, right: Any) -> bool:
    """The same Python types all the way down through lists and dicts (models and enums
    are compared by class only: their contents are the round trip's business)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, list):
        return len(left) == len(right) and all(map(_same_shape, left, right))
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(
            _same_shape(left[k], right[k]) for k in left
        )
    return True


def _kept(
    values: st.SearchStrategy[T], keep: Callable[[T], bool]
) -> st.SearchStrategy[T]:
    """Like `values.filter(keep)`, but tries harder before giving up on an example
    (unions whose variants overlap may reject most draws)."""

    @st.composite
    def draw(data: st.DrawFn) -> T:
        for _ in range(_UNION_TRIES):
            value = data(values)
            if keep(value):
                return value
        reject()

    return draw()


_UNION_TRIES = 20


def _told_apart(
    values: st.SearchStrategy[T],
    decode: Callable[[object], Any],
    encode: Callable[[Any], Any],
) -> st.SearchStrategy[T]:
    """Values of a union that its JSON tells apart: decoding tries the variants in
    order, so a value whose JSON an earlier variant also reads would come back as that
    variant instead (the JSON does not say which was meant) and is not drawn.

    `encode` takes Any: mypy may solve `T` from the surrounding call (adding `None` from
    an enclosing `_or_none`), which the union's own encoder does not take."""

    def told_apart(value: T) -> bool:
        try:
            return _same_shape(decode(encode(value)), value)
        except DeserializationError:
            # No variant reads it back (a one-value property drawn as another value).
            return False

    return _kept(values, told_apart)


def _read_once(
    values: st.SearchStrategy[Any], count: Callable[[object], int]
) -> st.SearchStrategy[Any]:
    """For `oneOf`: JSON values that exactly one variant reads (others are invalid)."""
    return _kept(values, lambda value: count(value) == 1)


def _or_absent(
    values: st.SearchStrategy[Any], count: Callable[[object], int]
) -> st.SearchStrategy[Any]:
    """An optional `oneOf` field: a JSON value exactly one variant reads, else UNSET
    (the field is left out), for schemas whose variants overlap so much that few values
    qualify."""
    return values.map(
        lambda value: value if value is None or count(value) == 1 else UNSET
    )


def _present(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if value is not UNSET}


def _json_values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text()
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=_MAX_SIZE)
        | st.dictionaries(st.text(max_size=8), inner, max_size=_MAX_SIZE),
        max_leaves=8,
    )


_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


def _aware_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes with whole-minute offsets (RFC 3339 cannot write seconds of
    offset)."""
    return st.datetimes(timezones=st.just(timezone.utc) | _OFFSETS)


def _whole_second_datetimes() -> st.SearchStrategy[datetime]:
    """UTC datetimes in whole seconds, years 1900 to 9000: what unix times and HTTP dates
    (whose two-digit years readers take for 19xx or 20xx) write exactly."""
    return st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(9000, 1, 1),
        timezones=st.just(timezone.utc),
    ).map(lambda value: value.replace(microsecond=0))


def _float_durations() -> st.SearchStrategy[timedelta]:
    """Durations whose seconds (or milliseconds) a float holds to the microsecond."""
    return st.timedeltas(
        min_value=timedelta(seconds=-(10**8)), max_value=timedelta(seconds=10**8)
    )


def _decimals() -> st.SearchStrategy[Any]:
    """Decimals of at most 15 significant digits, which a JSON float reads back exactly."""
    return st.decimals(min_value=-(10**10), max_value=10**10, places=4, allow_nan=False)


def _as_json(strategy: st.SearchStrategy[Any], kind: str) -> st.SearchStrategy[Any]:
    """A typed format's JSON values: instances written as the client writes them."""
    return strategy.map(lambda value: to_wire_as(value, kind))


def _datetime_texts() -> st.SearchStrategy[str]:
    """RFC 3339 text in the spellings servers use: Z or offsets, 0/3/6/7 fraction
    digits."""
    return st.builds(
        _spell_datetime,
        _aware_datetimes(),
        st.sampled_from(["auto", "none", "milli", "micro", "seven"]),
        st.booleans(),
        st.booleans(),
    )


def _spell_datetime(
    value: datetime, fraction: str, lower: bool, zulu_as_offset: bool
) -> str:
    micro = value.microsecond
    if fraction == "none" and micro:
        fraction = "micro"
    if fraction == "milli" and micro % 1000:
        fraction = "micro"
    base = (
        value.strftime("%Y-%m-%dT%H:%M:%S")
        if value.year >= 1000
        else (f"{value.year:04d}" + value.strftime("-%m-%dT%H:%M:%S"))
    )
    digits = {
        "auto": "" if not micro else f".{micro:06d}".rstrip("0"),
        "none": "",
        "milli": f".{micro // 1000:03d}",
        "micro": f".{micro:06d}",
        "seven": f".{micro:06d}0",
    }[fraction]
    offset = value.utcoffset() or timedelta(0)
    if not offset and not zulu_as_offset:
        zone = "Z"
    else:
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        zone = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    text = base + digits + zone
    return text.lower() if lower else text


def _tag_json(name: str, value: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Set a union member's discriminator property, so the JSON selects that member."""
    return lambda body: {**body, name: value}


def _tag_instance(name: str, value: str) -> Callable[[Any], Any]:
    """The same for an instance: re-decode it with the discriminator set."""
    return lambda model: type(model).from_dict({**model.to_dict(), name: value})


def _untagged_json(name: str, *values: str) -> Callable[[dict[str, Any]], bool]:
    """A base model's own JSON: its discriminator names none of its subtypes."""
    return lambda body: body.get(name) not in values


def _untagged(name: str, *values: str) -> Callable[[Any], bool]:
    """The same for an instance of the base model."""
    return lambda model: model.to_dict().get(name) not in values


def _enum_members(cls: type[E]) -> st.SearchStrategy[Any]:
    """Known members, and also values the spec does not list, which an open enum keeps as
    the plain str or int."""
    return st.sampled_from(list(cls)) | _unlisted(cls)


def _enum_json(cls: type[E]) -> st.SearchStrategy[Any]:
    """An enum's JSON values: the listed ones, and also ones a newer service may send."""
    return st.sampled_from([member.value for member in cls]) | _unlisted(cls)


def _enum_allowed(cls: type[E], allowed: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """A narrowed use: only the allowed values, each as its member where the enum lists it."""
    listed = cls._value2member_map_
    return st.sampled_from(allowed).map(lambda value: listed.get(value, value))


def _unlisted(cls: type[E]) -> st.SearchStrategy[Any]:
    """Values `cls` does not list; none for a one-value enum, which tags a model that a union
    tells apart by it (`object: enum [charge]`), so a valid value always carries it."""
    listed = cls._value2member_map_
    if len(listed) < 2:
        return st.nothing()
    # Within int32, which an integer enum's format allows whatever it says.
    unlisted: st.SearchStrategy[Any] = (
        st.integers(min_value=-(2**31), max_value=2**31 - 1)
        if issubclass(cls, int)
        else st.text()
    )
    return unlisted.filter(lambda value: value not in listed)
