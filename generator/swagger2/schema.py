"""Swagger 2.0 → OpenAPI 3.0, shared part: the conversion context, copying, `$ref`s, schemas.

`generator.swagger2.convert` is the entry point; this module holds what every part of the conversion
needs. Nothing here mutates its input: every value in the output is a new dict or list, so the
result shares nothing with the (possibly alias-sharing) loaded document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

from generator.diagnostics import Diagnostic, join_pointer, warning

# 2.0 reference prefixes and where the same things live in 3.0.
REF_PREFIXES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)

# Keywords a 3.0 Schema Object accepts besides `$ref` and `x-*`; anything else is reported.
_SCHEMA_KEYWORDS = frozenset(
    {
        "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
        "maxProperties", "minProperties", "required", "enum", "type", "not", "allOf", "oneOf",
        "anyOf", "items", "properties", "additionalProperties", "description", "format",
        "default", "nullable", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs",
        "example", "deprecated",
    }
)  # fmt: skip
_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object"})
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


@dataclass(slots=True)
class Context:
    """The input document, the diagnostics and pointer map being collected, and shared lookups."""

    root: Mapping[str, Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pointers: dict[str, str] = field(default_factory=dict)
    # Names in the 2.0 `parameters` section that are body/formData: inlined, never components.
    inlined_parameters: frozenset[str] = frozenset()
    used_inlined: set[str] = field(default_factory=set)

    def warn(self, code: str, pointer: str, message: str) -> None:
        """Report once (a shared part, such as the global `consumes`, is read many times)."""
        diagnostic = warning("swagger2." + code, pointer, message)
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    def moved(self, new: str, old: str) -> None:
        """Record that the converted subtree at `new` came from `old` in the 2.0 document."""
        if original_pointer(new, self.pointers) != old:
            self.pointers[new] = old


def original_pointer(pointer: str, mapping: Mapping[str, str]) -> str:
    """Map `pointer` in the converted document back to the 2.0 one, by its longest mapped prefix.

    Prefixes match whole reference tokens: `/a/bc` is not under `/a/b`. A pointer under no
    mapped prefix kept its place and is returned as it is.
    """
    prefix = pointer
    while True:
        if prefix in mapping:
            return mapping[prefix] + pointer[len(prefix) :]
        if not prefix:
            return pointer
        prefix = prefix[: prefix.rfind("/")]


def copy_value(value: Any) -> Any:
    """A fresh copy of a JSON-like value (new dicts and lists, key order kept, no sharing)."""
    if isinstance(value, Mapping):
        return {key: copy_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [copy_value(item) for item in value]
    return value


def mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def is_extension(key: object) -> bool:
    return isinstance(key, str) and key.startswith("x-")


def ref_to(base: str, name: str) -> str:
    """`#/components/schemas/Name`, the name escaped as a pointer token in a URI fragment."""
    return "#" + quote(join_pointer(base, name), safe="/~!$&'()*+,;=:@-._")


def rewrite_ref(ctx: Context, ref: object, pointer: str) -> Any:
    """A 2.0 `$ref` value as 3.0 spells it; `pointer` locates the `$ref` key for warnings."""
    if not isinstance(ref, str):
        ctx.warn("ref", pointer, "$ref is not a string; copied unchanged")
        return copy_value(ref)
    for old, new in REF_PREFIXES:
        if ref.startswith(old):
            if old == "#/parameters/" and ref_name(ref, old) in ctx.inlined_parameters:
                ctx.warn(
                    "ref",
                    pointer,
                    "this $ref names a body/formData parameter, which becomes a request body "
                    "in 3.0 and cannot be referenced from here; left pointing at "
                    "#/components/parameters",
                )
            return new + ref[len(old) :]
    if ref.startswith("#"):
        ctx.warn(
            "ref",
            pointer,
            f"$ref {ref!r} points outside definitions/parameters/responses; the converted "
            "document may not have the same thing there",
        )
    return ref


def ref_name(ref: str, prefix: str) -> str:
    """The (unescaped) name a `#/definitions/...`-style `$ref` names."""
    return unquote(ref[len(prefix) :]).replace("~1", "/").replace("~0", "~")


# -- schemas ---------------------------------------------------------------------------------


def convert_schema(ctx: Context, schema: object, pointer: str) -> Any:
    """A 2.0 Schema Object (or the schema-like part of a parameter) as a 3.0 Schema Object.

    `pointer` is the schema's place in the 2.0 document; the converted schema keeps the same
    shape, so its children sit at the same relative pointers.
    """
    if not isinstance(schema, Mapping):
        ctx.warn("schema", pointer, "a schema must be an object; copied unchanged")
        return copy_value(schema)
    is_file = schema.get("type") == "file"
    out: dict[str, Any] = {}
    for key, value in schema.items():
        at = join_pointer(pointer, key)
        if is_extension(key):
            _schema_extension(ctx, schema, out, key, value, at)
        elif key == "$ref":
            out[key] = rewrite_ref(ctx, value, at)
        elif key == "type":
            _schema_type(ctx, out, value, at)
        elif key == "format" and is_file:
            if value != "binary":
                ctx.warn(
                    "file-format", at, "a file is string/binary in 3.0; this format is dropped"
                )
        elif key == "discriminator":
            if isinstance(value, str):
                out[key] = {"propertyName": value}
            elif isinstance(value, Mapping) and isinstance(value.get("propertyName"), str):
                out[key] = copy_value(value)
            else:
                ctx.warn("discriminator", at, "discriminator must name a property; dropped")
        elif key == "properties":
            if isinstance(value, Mapping):
                required = schema.get("required")
                out[key] = {
                    name: _optional_nulls(
                        convert_schema(ctx, prop, join_pointer(at, name)),
                        isinstance(required, list) and name in required,
                    )
                    for name, prop in value.items()
                }
            else:
                ctx.warn("schema", at, "properties must be an object; dropped")
        elif key in _SCHEMA_LISTS:
            if isinstance(value, list):
                out[key] = [
                    convert_schema(ctx, part, join_pointer(at, index))
                    for index, part in enumerate(value)
                ]
            else:
                ctx.warn("schema", at, f"{key} must be a list of schemas; dropped")
        elif key == "items":
            if isinstance(value, list):
                ctx.warn(
                    "tuple-items",
                    at,
                    (
                        "a list of item schemas (tuple validation) has no 3.0 form; only the first "
                        "is kept"
                        if value
                        else "an empty items list is dropped"
                    ),
                )
                if value:
                    out[key] = convert_schema(ctx, value[0], join_pointer(at, 0))
            else:
                out[key] = convert_schema(ctx, value, at)
        elif key == "additionalProperties":
            out[key] = value if isinstance(value, bool) else convert_schema(ctx, value, at)
        elif key == "not":
            out[key] = convert_schema(ctx, value, at)
        elif key == "required" and not isinstance(value, list):
            ctx.warn(
                "schema-required",
                at,
                "'required' on a schema must list property names (mark a property required "
                "in its parent's list); dropped",
            )
        elif key in _SCHEMA_KEYWORDS:
            out[key] = copy_value(value)
        else:
            ctx.warn("schema-keyword", at, f"'{key}' is not an OpenAPI 3.0 schema keyword; dropped")
    return out


def _optional_nulls(prop: Any, required: bool) -> Any:
    """Swagger 2.0 cannot say null, yet services built on it (.NET ones, Azure's among them)
    send `null` for unset optional properties, so an optional inline property accepts null
    unless it says `x-nullable: false`. A `$ref`, composed or enum property needs
    `x-nullable: true` (3.0 ignores `nullable` beside `$ref`, and an enum must list null)."""
    if (
        required
        or not isinstance(prop, dict)
        or "type" not in prop
        or "nullable" in prop
        or any(key in prop for key in ("$ref", "allOf", "oneOf", "anyOf", "enum"))
    ):
        return prop
    return {**prop, "nullable": True}


def _schema_type(ctx: Context, out: dict[str, Any], value: object, pointer: str) -> None:
    if value == "file":
        out["type"] = "string"
        out["format"] = "binary"
    elif isinstance(value, str) and value in _TYPES:
        out["type"] = value
    elif isinstance(value, list):
        kinds = [k for k in value if k != "null"]
        if len(kinds) == 1 and kinds[0] in _TYPES:
            out["type"] = kinds[0]
            if len(kinds) < len(value):
                out["nullable"] = True
        else:
            ctx.warn("type", pointer, "a list of types has no 3.0 form; the type is dropped")
    else:
        ctx.warn("type", pointer, f"unknown type {value!r}; dropped")


def _schema_extension(
    ctx: Context,
    schema: Mapping[str, Any],
    out: dict[str, Any],
    key: str,
    value: object,
    pointer: str,
) -> None:
    if key == "x-nullable":
        if isinstance(value, bool):
            out["nullable"] = value
        else:
            ctx.warn("x-nullable", pointer, "x-nullable must be true or false; kept as it is")
            out[key] = copy_value(value)
        return
    out[key] = copy_value(value)
    if key == "x-ms-enum":
        out.update({k: v for k, v in enum_extensions(schema, value).items() if k not in schema})


def enum_extensions(schema: Mapping[str, Any], ms_enum: object) -> dict[str, list[str]]:
    """`x-enum-varnames` / `x-enum-descriptions` aligned with `enum` (nulls skipped), from
    `x-ms-enum.values`; each list only when some entry supplies it."""
    values = schema.get("enum")
    entries = mapping(ms_enum).get("values")
    if not isinstance(values, list) or not isinstance(entries, list):
        return {}
    names: list[str] = []
    descriptions: list[str] = []
    for value in values:
        if value is None:
            continue
        entry = _entry_for(entries, value)
        name, text = entry.get("name"), entry.get("description")
        names.append(name if isinstance(name, str) and name else str(value))
        descriptions.append(text if isinstance(text, str) else "")
    result: dict[str, list[str]] = {}
    if any(isinstance(mapping(e).get("name"), str) for e in entries):
        result["x-enum-varnames"] = names
    if any(descriptions):
        result["x-enum-descriptions"] = descriptions
    return result


def _entry_for(entries: list[Any], value: object) -> Mapping[str, Any]:
    for entry in entries:
        entry = mapping(entry)
        if "value" in entry and type(entry["value"]) is type(value) and entry["value"] == value:
            return entry
    for entry in entries:
        entry = mapping(entry)
        if "value" in entry and str(entry["value"]) == str(value):
            return entry
    return {}


# -- discriminator mappings ------------------------------------------------------------------


def add_discriminator_mappings(
    ctx: Context, definitions: Mapping[str, Any], schemas: dict[str, Any]
) -> None:
    """`x-ms-discriminator-value: v` on a subtype → `mapping: {v: ...}` on the nearest ancestor
    (through `allOf` references) that has a discriminator."""
    for name, definition in definitions.items():
        definition = mapping(definition)
        if "x-ms-discriminator-value" not in definition:
            continue
        pointer = join_pointer("/definitions", name, "x-ms-discriminator-value")
        value = definition["x-ms-discriminator-value"]
        base = _discriminating_ancestor(definitions, name)
        converted = mapping(schemas.get(base)) if base is not None else {}
        discriminator = converted.get("discriminator")
        if not isinstance(discriminator, dict) or isinstance(value, (dict, list)):
            ctx.warn(
                "discriminator-value",
                pointer,
                "no schema this one extends has a discriminator; the value is kept only as "
                "the extension",
            )
            continue
        discriminator.setdefault("mapping", {})[str(value)] = ref_to("/components/schemas", name)


def _discriminating_ancestor(definitions: Mapping[str, Any], name: str) -> str | None:
    queue, seen = [name], {name}
    while queue:
        current = queue.pop(0)
        schema = mapping(definitions.get(current))
        # A subtype's own (nested) discriminator comes last: its value is for the one it
        # extends; a root's value is for its own.
        if "discriminator" in schema and current != name:
            return current
        for part in schema.get("allOf") or ():
            ref = mapping(part).get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                parent = ref_name(ref, "#/definitions/")
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
    return name if "discriminator" in mapping(definitions.get(name)) else None
