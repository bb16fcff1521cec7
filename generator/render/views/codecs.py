"""Per type kind, how the generated code decodes, encodes and reads a value: one table or
branch per kind here, so that a new kind touches this module only.

`decode_expr(t, src)`: `src` holds a JSON value; the expression is the Python value, or raises
DeserializationError. `encode_expr(t, src, depth)`: `src` holds the Python value; the expression
is its JSON value (`depth` keeps comprehension variables of nested containers apart).
`fast_read` and `careful_decoder` are the two halves of a model's `from_dict`;
`header_reader` reads one typed response header. Templates reach them as filters (and
`package/_codecs.j2`'s `decode` and `encode` macros, which print these).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from generator.ir.kinds import KIND_FACTS, TypeKind
from generator.ir.nodes import Api, Field
from generator.ir.types import TypeRef
from generator.render.literals import pyrepr


def enum_decoder(t: TypeRef) -> str:
    """The `_runtime` function that decodes a value of the enum `t`: a member, or the plain str
    (`decode_enum`) or int (`decode_int_enum`) of a value the spec does not list."""
    return "decode_int_enum" if t.unknown_class == "int" else "decode_enum"


def _enum_call(t: TypeRef, src: str, rt: str) -> str:
    values = t.constraints.enum_values
    allowed = f", {pyrepr(values)}" if values else ""
    return f"{rt}{enum_decoder(t)}({t.target}, {src}{allowed})"


_DECODE: dict[TypeKind, Callable[[TypeRef, str, str], str]] = {
    TypeKind.STRING: lambda t, src, rt: (
        f'{src} if isinstance({src}, str) else {rt}fail("string", {src})'
    ),
    TypeKind.BOOLEAN: lambda t, src, rt: (
        f'{src} if isinstance({src}, bool) else {rt}fail("boolean", {src})'
    ),
    TypeKind.INTEGER: lambda t, src, rt: f"{rt}decode_int({src})",
    TypeKind.NUMBER: lambda t, src, rt: f"{rt}decode_float({src})",
    TypeKind.DATETIME: lambda t, src, rt: f"{rt}parse_datetime({src})",
    TypeKind.DATE: lambda t, src, rt: f"{rt}parse_date({src})",
    TypeKind.ENUM: _enum_call,
    TypeKind.MODEL: lambda t, src, rt: f"{t.target}.from_dict({src})",
    TypeKind.ARRAY: lambda t, src, rt: f"{t.decoder}({src})",
    TypeKind.MAP: lambda t, src, rt: f"{t.decoder}({src})",
    TypeKind.UNION: lambda t, src, rt: f"{t.decoder}({src})",
}
"""The decoding expression per kind; a kind not listed (Any) is the JSON value itself."""

_TYPED_FORMATS = tuple(kind for kind, facts in KIND_FACTS.items() if facts.wire_form)
"""The typed formats (bytes, durations, unix times, HTTP dates, decimals): each is read by its
kind's `decoder` and written by its `formatter` (none: the value is its own JSON)."""


def _decoder(kind: TypeKind) -> str:
    decoder = KIND_FACTS[kind].decoder
    assert decoder is not None, f"the typed format {kind.value} has no decoder"
    return decoder


_DECODE.update(
    {kind: lambda t, src, rt: f"{rt}{_decoder(t.kind)}({src})" for kind in _TYPED_FORMATS}
)


def decode_expr(t: TypeRef, src: str, rt: str = "", listed: bool = False) -> str:
    """The expression decoding the JSON value in the expression `src` to type `t` (raising
    DeserializationError); `rt` prefixes the `_runtime` helpers it calls (`"_runtime."`).
    `listed`: an open enum reads only the values it lists (`enum_member`), as a union tries it
    before its other variants; it keeps any other value only after they all refused it."""
    if not isinstance(t, TypeRef):
        raise TypeError(f"decode takes a TypeRef, not a {type(t).__name__}")
    if listed and t.kind is TypeKind.ENUM and t.unknown_class:
        values = t.constraints.enum_values
        allowed = f", {pyrepr(values)}" if values else ""
        decoded = f"{rt}enum_member({t.target}, {src}{allowed})"
    else:
        decoded = _DECODE[t.kind](t, src, rt) if t.kind in _DECODE else src
    return f"None if {src} is None else {decoded}" if t.nullable else decoded


def _encode_array(t: TypeRef, src: str, depth: int) -> str:
    assert t.item is not None
    if t.item.json_native:
        return f"list({src})"
    return f"[{encode_expr(t.item, f'_i{depth}', depth + 1)} for _i{depth} in {src}]"


def _encode_map(t: TypeRef, src: str, depth: int) -> str:
    assert t.item is not None
    if t.item.json_native:
        return f"dict({src})"
    value = encode_expr(t.item, f"_v{depth}", depth + 1)
    return f"{{_k{depth}: {value} for _k{depth}, _v{depth} in {src}.items()}}"


_ENCODE: dict[TypeKind, Callable[[TypeRef, str, int], str]] = {
    TypeKind.DATETIME: lambda t, src, depth: f"format_datetime({src})",
    TypeKind.DATE: lambda t, src, depth: f"format_date({src})",
    # A member's value, or the plain str or int of an unknown value as it is.
    TypeKind.ENUM: lambda t, src, depth: f'getattr({src}, "_value_", {src})',
    TypeKind.MODEL: lambda t, src, depth: f"{src}.to_dict()",
    TypeKind.UNION: lambda t, src, depth: f"{t.encoder}({src})",
    TypeKind.ARRAY: _encode_array,
    TypeKind.MAP: _encode_map,
}
"""The encoding expression per kind; a kind not listed (JSON-native) is the value itself."""

_ENCODE.update(
    {
        kind: lambda t, src, depth: f"{KIND_FACTS[t.kind].formatter}({src})"
        for kind in _TYPED_FORMATS
        if KIND_FACTS[kind].formatter is not None
    }
)


def encode_expr(t: TypeRef, src: str, depth: int = 0) -> str:
    """The expression turning the value of type `t` in the expression `src` into JSON data."""
    if not isinstance(t, TypeRef):
        raise TypeError(f"encode takes a TypeRef, not a {type(t).__name__}")
    encoded = _ENCODE[t.kind](t, src, depth) if t.kind in _ENCODE else src
    if t.nullable and not t.json_native:
        return f"None if {src} is None else {encoded}"
    return encoded


_DATETIME_READ = (
    '_s = _r[RFC3339_SEPARATORS] if "\\x00" not in _r else ""',
    'if _s == "-T::Z" or (',
    '    _s == "-T::." and _r[-1] == "Z" and 22 <= len(_r) <= 27',
    "):",
    "    _r = parse_rfc3339_utc(_r)",
    "else:",
    "    _r = parse_datetime(_r)",
)


def _read_enum(t: TypeRef, integer_enums: Collection[str]) -> tuple[str, ...]:
    if t.constraints.enum_values:
        return (f"_r = {enum_decoder(t)}({t.target}, _r, {pyrepr(t.constraints.enum_values)})",)
    guard = ("if _r.__class__ is bool:", "    raise TypeError") if t.target in integer_enums else ()
    return (*guard, f"_r = _{t.target}_values[_r]")


_FAST_READ: dict[TypeKind, Callable[[TypeRef, Collection[str]], tuple[str, ...]]] = {
    TypeKind.DATETIME: lambda t, integer_enums: _DATETIME_READ,
    TypeKind.DATE: lambda t, integer_enums: ("_r = parse_date(_r)",),
    TypeKind.ENUM: _read_enum,
    TypeKind.MODEL: lambda t, integer_enums: (f"_r = {t.target}.from_dict(_r)",),
    TypeKind.ARRAY: lambda t, integer_enums: (f"_r = {t.decoder}(_r)",),
    TypeKind.MAP: lambda t, integer_enums: (f"_r = {t.decoder}(_r)",),
    TypeKind.UNION: lambda t, integer_enums: (f"_r = {t.decoder}(_r)",),
}
"""The conversion of a present, non-null `_r` per kind, for kinds that convert."""

_FAST_READ.update(
    {kind: lambda t, integer_enums: (f"_r = {_decoder(t.kind)}(_r)",) for kind in _TYPED_FORMATS}
)

_CLASS_CHECKED = {
    TypeKind.STRING: "_r.__class__ is not str",
    TypeKind.BOOLEAN: "_r.__class__ is not bool",
    TypeKind.INTEGER: "_r.__class__ is not int",
    TypeKind.NUMBER: "_r.__class__ is not float and _r.__class__ is not int",
}
"""Kinds whose JSON value is the Python value: the test that refuses any other class."""


def fast_read(t: TypeRef, optional: bool, pad: str, integer_enums: Collection[str]) -> str:
    """The lines (each ending in a line break, `pad` in) of `from_dict`'s fast path that check
    and convert the JSON value in `_r` into the field's Python value, left in `_r`. They raise
    any exception on a value they do not take; `from_dict` then decodes again field by field,
    which either names the offending JSON path or reads a form the fast path leaves to it.

    A date-time goes to the C parser only when laid out as `rfc3339_utc_shape` admits, with a
    fraction of at most 6 digits; that parser then reads exactly RFC 3339 (tests/
    test_datetime_strict.py). With no NUL in the text, `...:SSZ` needs no length test: the
    parser refuses anything after a `Z` but a NUL. `integer_enums` names the enums whose value
    map a boolean could match (True == 1)."""
    checked = _CLASS_CHECKED.get(t.kind)
    if checked is not None:
        absent = (" and _r is not None" if t.nullable else "") + (
            " and _r is not UNSET" if optional else ""
        )
        return f"{pad}if {checked}{absent}:\n{pad}    raise TypeError\n"
    convert = _FAST_READ.get(t.kind)
    if convert is None:  # Any: taken as it is
        return ""
    present = " and ".join(
        (["_r is not None"] if t.nullable else []) + (["_r is not UNSET"] if optional else [])
    )
    inner = pad + "    " if present else pad
    head = f"{pad}if {present}:\n" if present else ""
    return head + "".join(f"{inner}{line}\n" for line in convert(t, integer_enums))


_CAREFUL: dict[TypeKind, Callable[[TypeRef], str]] = {
    TypeKind.STRING: lambda t: "decode_str",
    TypeKind.BOOLEAN: lambda t: "decode_bool",
    TypeKind.INTEGER: lambda t: "decode_int",
    TypeKind.NUMBER: lambda t: "decode_float",
    TypeKind.DATETIME: lambda t: "parse_datetime",
    TypeKind.DATE: lambda t: "parse_date",
    TypeKind.ENUM: lambda t: (
        f"lambda _r: {enum_decoder(t)}({t.target}, _r, {pyrepr(t.constraints.enum_values)})"
        if t.constraints.enum_values
        else str(t.target)
    ),
    TypeKind.MODEL: lambda t: f"{t.target}.from_dict",
    TypeKind.ARRAY: lambda t: t.decoder,
    TypeKind.MAP: lambda t: t.decoder,
    TypeKind.UNION: lambda t: t.decoder,
}
"""The careful decoder per kind; a kind not listed (Any) is `decode_any`."""

_CAREFUL.update({kind: lambda t: _decoder(t.kind) for kind in _TYPED_FORMATS})


def careful_decoder(t: TypeRef) -> str:
    """The decoder of a non-null value of `t`, for a model's `_FIELDS` table."""
    careful = _CAREFUL.get(t.kind)
    return "decode_any" if careful is None else careful(t)


_HEADER_READERS = {
    TypeKind.INTEGER: "int",
    TypeKind.NUMBER: "float",
    TypeKind.BOOLEAN: "bool",
    TypeKind.DATETIME: "datetime",
    TypeKind.DATE: "date",
}
"""The `_http.header_<reader>` per kind; a string array is `list`, anything else `json`."""


def typed_format(t: TypeRef) -> str | None:
    """The typed format (a TypeKind value) of `t` or of its items at any depth (`bytes` for
    `list[bytes]`), which parameters and whole bodies are written by (`_http.to_wire_as`);
    None for any other type, which is written by its values' classes (`_http.to_wire`)."""
    while t.kind in (TypeKind.ARRAY, TypeKind.MAP) and t.item is not None:
        t = t.item
    return t.kind.value if t.kind in _TYPED_FORMATS else None


def header_reader(t: TypeRef, name: str) -> tuple[str, tuple[str, ...]]:
    """The function reading a response header of type `t`, and its arguments; `name` is the
    header's name as a Python literal."""
    if t.kind == TypeKind.STRING:
        return "headers.get", (name,)
    if t.kind == TypeKind.ENUM:
        reader = "_http.header_int_enum" if t.unknown_class == "int" else "_http.header_enum"
        return reader, ("headers", name, str(t.target))
    if t.kind in _TYPED_FORMATS:
        return "_http.header_as", ("headers", name, pyrepr(t.kind.value))
    if t.kind is TypeKind.ARRAY and t.item is not None and t.item.kind in _TYPED_FORMATS:
        return "_http.header_list_as", ("headers", name, pyrepr(t.item.kind.value))
    known = _HEADER_READERS.get(t.kind)
    if known is not None:
        return f"_http.header_{known}", ("headers", name)
    is_text_list = t.kind == TypeKind.ARRAY and t.item is not None and t.item.kind == "string"
    return f"_http.header_{'list' if is_text_list else 'json'}", ("headers", name)


def discriminator_default(field: Field, value: str, api: Api) -> str:
    """A subtype's default for the discriminator `field` of a base: the string `value`, or the
    member of the field's enum with that value (`SalmonKind.SALMON`; not a call, which a
    dataclass default should not be)."""
    if field.type.kind is TypeKind.ENUM:
        enum = next((e for e in api.enums if e.class_name == field.type.target), None)
        member = next((m for m in enum.members if m.value == value), None) if enum else None
        if member is not None:
            return f"{field.type.target}.{member.py_name}"
        return f"{field.type.target}({pyrepr(value)})"
    return pyrepr(value)
