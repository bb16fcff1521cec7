"""Swagger 2.0 → OpenAPI 3.0: parameters, request bodies and response headers.

2.0 describes a parameter's type on the parameter itself; 3.0 moves it into `schema`. Body and
formData parameters are not parameters in 3.0 at all: they become the operation's
`requestBody`, even when they are shared through the 2.0 `parameters` section (3.0 has no place
for them under `components/parameters`, so they are inlined into every operation using them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import join_pointer
from generator.load.refs import RefError, resolve_ref
from generator.swagger2.schema import Context, convert_schema, copy_value, is_extension, rewrite_ref

# Keywords of a 2.0 non-body parameter, header or items object that describe the value's type.
_SCHEMA_KEYS = frozenset(
    {
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum",
        "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "enum", "multipleOf",
    }
)  # fmt: skip
# Extensions that describe the value; copied into the schema as well as kept on the parameter.
_SCHEMA_EXTENSIONS = frozenset(
    {"x-ms-enum", "x-nullable", "x-enum-varnames", "x-enum-descriptions"}
)
_PARAMETER_FIELDS = ("name", "in", "description", "required", "allowEmptyValue")
_LOCATIONS = ("query", "header", "path")
BODY_LOCATIONS = ("body", "formData")
MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"


@dataclass(frozen=True, slots=True)
class RawParameter:
    """One entry of a 2.0 parameter list, with its `$ref` (if any) followed."""

    entry: Any  # the entry as written
    at: str  # where the entry sits in the 2.0 document
    value: Mapping[str, Any]  # the parameter itself: the entry, or what its $ref leads to
    source: str  # where `value` sits in the 2.0 document

    @property
    def location(self) -> object:
        return self.value.get("in")

    @property
    def key(self) -> tuple[object, object]:
        return self.value.get("in"), self.value.get("name")

    @property
    def is_ref(self) -> bool:
        return isinstance(self.entry, Mapping) and "$ref" in self.entry


def resolve_entries(ctx: Context, entries: object, pointer: str) -> list[RawParameter]:
    """The entries of the parameter list at `pointer`, each with its `$ref` followed."""
    if entries is None:
        return []
    if not isinstance(entries, list):
        ctx.warn("parameters", pointer, "parameters must be a list; dropped")
        return []
    result = []
    for index, entry in enumerate(entries):
        at = join_pointer(pointer, index)
        value: Mapping[str, Any] = {}
        source = at
        if isinstance(entry, Mapping) and "$ref" in entry:
            try:
                target = resolve_ref(ctx.root, entry["$ref"])
            except RefError as exc:
                ctx.warn("ref", join_pointer(at, "$ref"), exc.reason + "; kept as a reference")
            else:
                if isinstance(target.value, Mapping):
                    value, source = target.value, target.pointer
        elif isinstance(entry, Mapping):
            value = entry
        else:
            ctx.warn("parameter", at, "a parameter must be an object; dropped")
            continue
        result.append(RawParameter(entry=entry, at=at, value=value, source=source))
    return result


def convert_entry(ctx: Context, raw: RawParameter, new_at: str) -> dict[str, Any]:
    """A non-body entry of a parameter list: a rewritten `$ref`, or the converted parameter."""
    if raw.is_ref:
        ctx.moved(new_at, raw.at)
        return {
            key: (
                rewrite_ref(ctx, value, join_pointer(raw.at, key))
                if key == "$ref"
                else copy_value(value)
            )
            for key, value in raw.entry.items()
        }
    return convert_parameter(ctx, raw.value, raw.at, new_at)


def convert_parameter(
    ctx: Context, param: Mapping[str, Any], at: str, new_at: str
) -> dict[str, Any]:
    """A 2.0 query/header/path parameter as a 3.0 parameter with `schema` (and `style`)."""
    ctx.moved(new_at, at)
    location = param.get("in")
    out: dict[str, Any] = {}
    source: dict[str, Any] = {}
    for key, value in param.items():
        if key in _PARAMETER_FIELDS:
            out[key] = copy_value(value)
        elif key == "collectionFormat":
            continue
        elif key in _SCHEMA_KEYS:
            source[key] = value
        elif is_extension(key):
            out[key] = copy_value(value)
            if key in _SCHEMA_EXTENSIONS:
                source[key] = value
        else:
            ctx.warn(
                "parameter-field",
                join_pointer(at, key),
                f"'{key}' is not a field of a {location} parameter; dropped",
            )
    if location not in _LOCATIONS:
        ctx.warn("parameter-in", join_pointer(at, "in"), f"unknown parameter location {location!r}")
    if location == "path" and param.get("required") is not True:
        ctx.warn("path-required", at, "a path parameter is always required; set required: true")
        out["required"] = True
    if source.get("type") == "file":
        ctx.warn("file-parameter", join_pointer(at, "type"), "type: file is only for formData")
    out.update(collection_style(ctx, param, str(location), at))
    if "items" in source:
        source["items"] = _items(ctx, source["items"], join_pointer(at, "items"))
    out["schema"] = convert_schema(ctx, source, at)
    ctx.moved(join_pointer(new_at, "schema"), at)
    return out


def collection_style(
    ctx: Context, param: Mapping[str, Any], location: str, at: str
) -> dict[str, Any]:
    """`style`/`explode` for an array's 2.0 `collectionFormat` (csv when absent).

    Query (and form field) arrays: csv → form/explode false, multi → form/explode true,
    ssv → spaceDelimited, pipes → pipeDelimited. Path and header arrays: csv → simple. What
    3.0 cannot say (tsv anywhere, ssv or pipes in a path or header) is kept as
    `x-collection-format`, which the parser reads as a delimited style; multi outside a query
    (or an unknown format) is kept too, with a warning, and the client sends csv.
    """
    given = param.get("collectionFormat")
    pointer = join_pointer(at, "collectionFormat")
    if param.get("type") != "array":
        if given is not None:
            ctx.warn("collection-format", pointer, "only arrays have a collectionFormat; dropped")
        return {}
    fmt = "csv" if given is None else given
    query = location in ("query", "formData")
    if fmt == "csv":
        return {"style": "form", "explode": False} if query else {"style": "simple"}
    if query and fmt == "multi":
        return {"style": "form", "explode": True}
    if query and fmt in ("ssv", "pipes"):
        style = "spaceDelimited" if fmt == "ssv" else "pipeDelimited"
        return {"style": style, "explode": False}
    if fmt in ("tsv", "ssv", "pipes"):
        return {"x-collection-format": fmt}
    where = "" if not isinstance(fmt, str) else f" in a {location} parameter"
    ctx.warn(
        "collection-format",
        pointer,
        f"OpenAPI 3.0 has no style for collectionFormat {fmt!r}{where}; kept as "
        "x-collection-format, which the client does not use (it sends csv)",
    )
    return {"x-collection-format": copy_value(fmt)}


def _items(ctx: Context, items: object, pointer: str) -> object:
    """A 2.0 items object without its (nested) collectionFormat, which 3.0 cannot express."""
    if not isinstance(items, Mapping):
        return items
    result: dict[str, Any] = {}
    for key, value in items.items():
        if key == "collectionFormat":
            ctx.warn(
                "collection-format",
                join_pointer(pointer, key),
                "a nested array's collectionFormat has no 3.0 form; dropped",
            )
        elif key == "items":
            result[key] = _items(ctx, value, join_pointer(pointer, key))
        else:
            result[key] = value
    return result


def convert_header(ctx: Context, header: object, at: str, new_at: str) -> Any:
    """A 2.0 response header (type on the header) as a 3.0 header with `schema`."""
    if not isinstance(header, Mapping):
        ctx.warn("header", at, "a header must be an object; copied unchanged")
        return copy_value(header)
    out: dict[str, Any] = {}
    source: dict[str, Any] = {}
    for key, value in header.items():
        if key == "description":
            out[key] = copy_value(value)
        elif key == "collectionFormat":
            if value != "csv":
                ctx.warn(
                    "collection-format",
                    join_pointer(at, key),
                    f"a 3.0 header array is always comma-separated; {value!r} is kept as "
                    "x-collection-format, which the client does not use",
                )
                out["x-collection-format"] = copy_value(value)
        elif key in _SCHEMA_KEYS:
            source[key] = value
        elif is_extension(key):
            out[key] = copy_value(value)
            if key in _SCHEMA_EXTENSIONS:
                source[key] = value
        else:
            ctx.warn(
                "header-field", join_pointer(at, key), f"'{key}' is not a header field; dropped"
            )
    if "items" in source:
        source["items"] = _items(ctx, source["items"], join_pointer(at, "items"))
    out["schema"] = convert_schema(ctx, source, at)
    ctx.moved(join_pointer(new_at, "schema"), at)
    return out


# -- request bodies --------------------------------------------------------------------------


def request_body(
    ctx: Context,
    inputs: list[RawParameter],
    new_at: str,
    consumes: list[str],
    consumes_at: str | None,
) -> dict[str, Any] | None:
    """The 3.0 `requestBody` from an operation's body or formData parameters (None if none)."""
    bodies = [raw for raw in inputs if raw.location == "body"]
    forms = [raw for raw in inputs if raw.location == "formData"]
    for raw in inputs:
        ctx.used_inlined.add(raw.source)
    if bodies:
        for extra in bodies[1:] + forms:
            ctx.warn(
                "extra-body",
                extra.at,
                "an operation has one body: only its first body parameter is used",
            )
        return _body(ctx, bodies[0], new_at, consumes)
    if forms:
        return _form(ctx, forms, new_at, consumes, consumes_at)
    return None


def _body(ctx: Context, raw: RawParameter, new_at: str, consumes: list[str]) -> dict[str, Any]:
    ctx.moved(new_at, raw.source)
    out: dict[str, Any] = {}
    for key, value in raw.value.items():
        if key == "schema":
            schema = convert_schema(ctx, value, join_pointer(raw.source, "schema"))
            out["content"] = {mt: {"schema": copy_value(schema)} for mt in consumes}
            for mt in consumes:
                ctx.moved(join_pointer(new_at, "content", mt), raw.source)
                ctx.moved(
                    join_pointer(new_at, "content", mt, "schema"), join_pointer(raw.source, key)
                )
        elif key in ("description", "required") or is_extension(key):
            out[key] = copy_value(value)
        elif key not in ("name", "in"):
            ctx.warn(
                "parameter-field",
                join_pointer(raw.source, key),
                f"'{key}' is not a field of a body parameter; dropped",
            )
    if "content" not in out:
        ctx.warn("body-schema", raw.source, "a body parameter needs a schema; any body is allowed")
        out["content"] = {mt: {} for mt in consumes}
    name = raw.value.get("name")
    if isinstance(name, str) and "x-ms-requestBody-name" not in out:
        out["x-ms-requestBody-name"] = name
    return out


def _form(
    ctx: Context,
    forms: list[RawParameter],
    new_at: str,
    consumes: list[str],
    consumes_at: str | None,
) -> dict[str, Any]:
    bases = [mt.split(";", 1)[0].strip().lower() for mt in consumes]
    has_file = any(raw.value.get("type") == "file" for raw in forms)
    media = MULTIPART if has_file or MULTIPART in bases else URLENCODED
    others = [
        mt for mt, base in zip(consumes, bases, strict=True) if base not in (MULTIPART, URLENCODED)
    ]
    if others and consumes_at is not None:
        ctx.warn(
            "form-consumes",
            consumes_at,
            f"formData parameters are sent as {media}; {', '.join(others)} is not used for them",
        )
    # The body as a whole, and its object schema, stand for the list of parameters.
    list_at = forms[0].at.rsplit("/", 1)[0]
    schema_at = join_pointer(new_at, "content", media, "schema")
    for pointer in (new_at, join_pointer(new_at, "content", media), schema_at):
        ctx.moved(pointer, list_at)
    properties: dict[str, Any] = {}
    required: list[str] = []
    encoding: dict[str, Any] = {}
    for raw in forms:
        name = raw.value.get("name")
        if not isinstance(name, str):
            ctx.warn("parameter", raw.source, "a formData parameter needs a name; dropped")
            continue
        ctx.moved(join_pointer(schema_at, "properties", name), raw.source)
        properties[name] = _form_field(ctx, raw.value, raw.source)
        if raw.value.get("required") is True:
            required.append(name)
        style = collection_style(ctx, raw.value, "formData", raw.source)
        if style:
            encoding[name] = style
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    media_object: dict[str, Any] = {"schema": schema}
    if encoding:
        media_object["encoding"] = encoding
    out: dict[str, Any] = {"content": {media: media_object}}
    if required:
        out["required"] = True
    return out


def _form_field(ctx: Context, param: Mapping[str, Any], at: str) -> Any:
    source: dict[str, Any] = {}
    for key, value in param.items():
        if key in ("name", "in", "required", "collectionFormat"):
            continue
        if key == "allowEmptyValue":
            ctx.warn(
                "allow-empty-value",
                join_pointer(at, key),
                "a 3.0 form field has no allowEmptyValue; dropped",
            )
        elif key == "description" or key in _SCHEMA_KEYS or is_extension(key):
            source[key] = value
        else:
            ctx.warn(
                "parameter-field",
                join_pointer(at, key),
                f"'{key}' is not a field of a formData parameter; dropped",
            )
    if "items" in source:
        source["items"] = _items(ctx, source["items"], join_pointer(at, "items"))
    return convert_schema(ctx, source, at)
