"""What each type kind means, in one table: the Python class and annotation of its values,
the standard-library import its annotation needs, the runtime helpers that read and write it
on the wire, and where it goes in a union's decode and encode order.

The parser (generator/parse/schemas.py, schema_facts.py), the IR's type references
(generator/ir/types.py), naming (generator/naming.py) and the renderer's import lists
(generator/render/views/imports.py) read these facts here, so a new kind is one `TypeKind` member and
one `KIND_FACTS` entry, plus the templates that print it. A leaf module: it imports nothing of
the generator.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass


class TypeKind(str, enum.Enum):
    """The shape of a value on the wire and in Python."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    DATE = "date"
    ANY = "any"
    ENUM = "enum"
    MODEL = "model"
    ARRAY = "array"
    MAP = "map"
    UNION = "union"
    BYTES = "bytes"
    BYTES_URL = "bytes-url"
    DURATION = "duration"
    DURATION_SECONDS = "duration-seconds"
    DURATION_MILLISECONDS = "duration-milliseconds"
    UNIX_TIME = "unix-time"
    HTTP_DATE = "http-date"
    DECIMAL = "decimal"


@dataclass(frozen=True, slots=True, kw_only=True)
class KindFacts:
    """The facts about one `TypeKind`."""

    python_class: str | None
    """The class its values have in Python, by the name generated modules use (`str`,
    `datetime`, `list`); None when the type reference names it (a model, an enum), or for
    Any and unions."""
    annotation: str
    """Its annotation: the text itself for a scalar (`int`, `Any`); for a container, a pattern
    with `{item}` (`list[{item}]`); for a model or an enum, `{target}`; "" for a union, whose
    annotation joins its variants'."""
    runtime_class: str
    """What `isinstance` tests to recognise a value (`(int, float)` for a number, which may be
    an int); `object` for Any; for a model or an enum, the fallback when there is no target."""
    json_native: bool = False
    """The Python value is already its JSON value (a scalar or Any)."""
    stdlib_import: tuple[str, str] | None = None
    """The standard-library module and name its annotation needs (`("datetime", "date")`)."""
    formats: tuple[str, ...] = ()
    """The `format`s of a JSON string that make this kind (`date-time`)."""
    number_formats: tuple[str, ...] = ()
    """The `format`s of a JSON integer or number that make this kind (`unixtime`)."""
    content_encodings: tuple[str, ...] = ()
    """The 3.1 `contentEncoding`s of a JSON string that make this kind (`base64`)."""
    wire_form: bool = False
    """A typed format: the value's wire form depends on the schema, not only on its Python
    class (a datetime may be RFC 3339, an HTTP date or unix seconds), so parameters and whole
    bodies are written by the kind (`_wire.to_wire_as`), never by the value's class."""
    decoder: str | None = None
    """The generated `_runtime` function that reads a JSON value of this kind (`decode_int`,
    `parse_date`)."""
    decoder_at_depth: bool = False
    """The models module imports `decoder` when the kind appears at any depth (inside
    containers, unions, extra keys), not only when a field holds it directly."""
    formatter: str | None = None
    """The generated `_runtime` function that writes a value of this kind as JSON
    (`format_date`); None when the value is written as it is."""
    decode_order: int
    """Where a union decoder tries it: the most specific shapes first, so that `3` is an int
    before a float and a date-time string a datetime before a str."""
    encode_order: int
    """Where a union encoder tests it with `isinstance`: subclasses before their bases (bool
    before int, str-based enums before str, datetime before date), Any last."""


KIND_FACTS: Mapping[TypeKind, KindFacts] = {
    TypeKind.STRING: KindFacts(
        python_class="str",
        annotation="str",
        runtime_class="str",
        json_native=True,
        decoder="decode_str",
        decode_order=7,
        encode_order=6,
    ),
    TypeKind.INTEGER: KindFacts(
        python_class="int",
        annotation="int",
        runtime_class="int",
        json_native=True,
        decoder="decode_int",
        decoder_at_depth=True,
        decode_order=5,
        encode_order=4,
    ),
    TypeKind.NUMBER: KindFacts(
        python_class="float",
        annotation="float",
        runtime_class="(int, float)",
        json_native=True,
        decoder="decode_float",
        decoder_at_depth=True,
        decode_order=6,
        encode_order=5,
    ),
    TypeKind.BOOLEAN: KindFacts(
        python_class="bool",
        annotation="bool",
        runtime_class="bool",
        json_native=True,
        decoder="decode_bool",
        decode_order=4,
        encode_order=0,
    ),
    TypeKind.DATETIME: KindFacts(
        python_class="datetime",
        annotation="datetime",
        runtime_class="datetime",
        stdlib_import=("datetime", "datetime"),
        formats=("date-time",),
        decoder="parse_datetime",
        decoder_at_depth=True,
        formatter="format_datetime",
        decode_order=2,
        encode_order=2,
    ),
    TypeKind.DATE: KindFacts(
        python_class="date",
        annotation="date",
        runtime_class="date",
        stdlib_import=("datetime", "date"),
        formats=("date",),
        decoder="parse_date",
        decoder_at_depth=True,
        formatter="format_date",
        decode_order=3,
        encode_order=3,
    ),
    TypeKind.ANY: KindFacts(
        python_class=None,
        annotation="Any",
        runtime_class="object",
        json_native=True,
        stdlib_import=("typing", "Any"),
        decoder="decode_any",
        decode_order=11,
        encode_order=10,
    ),
    TypeKind.ENUM: KindFacts(
        python_class=None,
        annotation="{target}",
        runtime_class="object",
        decode_order=1,
        encode_order=1,
    ),
    TypeKind.MODEL: KindFacts(
        python_class=None,
        annotation="{target}",
        runtime_class="object",
        decode_order=0,
        encode_order=1,
    ),
    TypeKind.ARRAY: KindFacts(
        python_class="list",
        annotation="list[{item}]",
        runtime_class="list",
        decode_order=8,
        encode_order=7,
    ),
    TypeKind.MAP: KindFacts(
        python_class="dict",
        annotation="dict[str, {item}]",
        runtime_class="dict",
        decode_order=9,
        encode_order=8,
    ),
    TypeKind.UNION: KindFacts(
        python_class=None,
        annotation="",
        runtime_class="object",
        decode_order=10,
        encode_order=9,
    ),
    # The typed formats: their wire forms are JSON strings or numbers, their Python values
    # richer classes; decode orders put them just before the plain kind they are read from.
    TypeKind.BYTES: KindFacts(
        python_class="bytes",
        annotation="bytes",
        runtime_class="bytes",
        formats=("byte", "base64"),
        content_encodings=("base64",),
        wire_form=True,
        decoder="decode_base64",
        decoder_at_depth=True,
        formatter="format_base64",
        decode_order=3,
        encode_order=6,
    ),
    TypeKind.BYTES_URL: KindFacts(
        python_class="bytes",
        annotation="bytes",
        runtime_class="bytes",
        formats=("base64url",),
        content_encodings=("base64url",),
        wire_form=True,
        decoder="decode_base64url",
        decoder_at_depth=True,
        formatter="format_base64url",
        decode_order=3,
        encode_order=6,
    ),
    TypeKind.DURATION: KindFacts(
        python_class="timedelta",
        annotation="timedelta",
        runtime_class="timedelta",
        stdlib_import=("datetime", "timedelta"),
        formats=("duration",),
        wire_form=True,
        decoder="parse_duration",
        decoder_at_depth=True,
        formatter="format_duration",
        decode_order=3,
        encode_order=3,
    ),
    TypeKind.DURATION_SECONDS: KindFacts(
        python_class="timedelta",
        annotation="timedelta",
        runtime_class="timedelta",
        stdlib_import=("datetime", "timedelta"),
        number_formats=("seconds",),
        wire_form=True,
        decoder="decode_duration_seconds",
        decoder_at_depth=True,
        formatter="format_duration_seconds",
        decode_order=5,
        encode_order=3,
    ),
    TypeKind.DURATION_MILLISECONDS: KindFacts(
        python_class="timedelta",
        annotation="timedelta",
        runtime_class="timedelta",
        stdlib_import=("datetime", "timedelta"),
        number_formats=("milliseconds",),
        wire_form=True,
        decoder="decode_duration_milliseconds",
        decoder_at_depth=True,
        formatter="format_duration_milliseconds",
        decode_order=5,
        encode_order=3,
    ),
    TypeKind.UNIX_TIME: KindFacts(
        python_class="datetime",
        annotation="datetime",
        runtime_class="datetime",
        stdlib_import=("datetime", "datetime"),
        number_formats=("unixtime", "unix-time"),
        wire_form=True,
        decoder="decode_unix_time",
        decoder_at_depth=True,
        formatter="format_unix_time",
        decode_order=5,
        encode_order=2,
    ),
    TypeKind.HTTP_DATE: KindFacts(
        python_class="datetime",
        annotation="datetime",
        runtime_class="datetime",
        stdlib_import=("datetime", "datetime"),
        formats=("http-date", "date-time-rfc7231", "date-time-rfc1123"),
        wire_form=True,
        decoder="parse_http_date",
        decoder_at_depth=True,
        formatter="format_http_date",
        decode_order=3,
        encode_order=2,
    ),
    TypeKind.DECIMAL: KindFacts(
        python_class="Decimal",
        annotation="Decimal",
        runtime_class="Decimal",
        # Its JSON value is the Decimal itself: the client writes it digit for digit.
        json_native=True,
        stdlib_import=("decimal", "Decimal"),
        number_formats=("decimal", "decimal128"),
        wire_form=True,
        decoder="decode_decimal",
        decoder_at_depth=True,
        decode_order=5,
        encode_order=5,
    ),
}
"""Every kind's facts; tests/unit/ir/test_kinds.py checks that every `TypeKind` has an entry."""

FORMAT_KINDS: Mapping[str, TypeKind] = {
    fmt: kind for kind, facts in KIND_FACTS.items() for fmt in facts.formats
}
"""A JSON string's `format` → the kind it makes (`date-time` → DATETIME); STRING otherwise."""

NUMBER_FORMAT_KINDS: Mapping[str, TypeKind] = {
    fmt: kind for kind, facts in KIND_FACTS.items() for fmt in facts.number_formats
}
"""A JSON integer's or number's `format` → the kind it makes (`unixtime` → UNIX_TIME)."""

CONTENT_ENCODING_KINDS: Mapping[str, TypeKind] = {
    encoding: kind for kind, facts in KIND_FACTS.items() for encoding in facts.content_encodings
}
"""A JSON string's `contentEncoding` (OpenAPI 3.1) → the kind it makes (`base64` → BYTES)."""

PYTHON_CLASS_NAMES: frozenset[str] = frozenset(
    facts.python_class for facts in KIND_FACTS.values() if facts.python_class
)
"""The class names generated annotations use for the kinds' values (`str`, `date`, `list`):
a generated name must not shadow one."""


def scalar_annotation(kind: TypeKind) -> str:
    """The annotation of a value of a scalar kind (`int`, `datetime`, `Any`)."""
    annotation = KIND_FACTS[kind].annotation
    if not annotation or "{" in annotation:
        raise ValueError(f"{kind.value} values are annotated from their parts")
    return annotation


def container_annotation(kind: TypeKind, item: str) -> str:
    """The annotation of an array or map whose items are annotated `item`."""
    return KIND_FACTS[kind].annotation.format(item=item)
