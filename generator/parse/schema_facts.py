"""What a schema object says: its kind, nullability, constraints and descriptions.

Small pure functions of one schema (no building, no diagnostics), shared by the schema builder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from generator.ir import kinds
from generator.ir.nodes import Constraints, DiscriminatorCase, TypeKind, TypeRef
from generator.parse.ecma_regex import ecma_to_python

UNION_KEYS = ("oneOf", "anyOf")
NO_CONST = object()
JSON_TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def ms_enum_name(schema: Mapping[str, Any]) -> str | None:
    ms_enum = schema.get("x-ms-enum")
    if isinstance(ms_enum, Mapping) and isinstance(ms_enum.get("name"), str):
        return str(ms_enum["name"])
    return None


def enum_key(schema: Mapping[str, Any]) -> tuple[str, tuple[str, ...]] | None:
    name = ms_enum_name(schema)
    if name is None:
        return None
    return name, tuple(json.dumps(v) for v in schema.get("enum", ()))


def case(value: str, variant: TypeRef) -> DiscriminatorCase:
    return DiscriminatorCase(
        value=value,
        target=variant.target or "",
        strategy=variant.strategy,
        json_strategy=variant.json_strategy,
    )


def const_options(options: list[Any]) -> list[Any] | None:
    """The values of a oneOf whose every option is a `const` (3.1's documented enums)."""
    values = []
    for option in options:
        if not isinstance(option, Mapping) or "const" not in option:
            return None
        values.append(option["const"])
    if not all(isinstance(v, str) for v in values) and not all(is_int(v) for v in values):
        return None
    return values


def const_enum_schema(schema: Mapping[str, Any], options: list[Any]) -> dict[str, Any]:
    """An equivalent `enum` schema, keeping each option's title and description."""
    return {
        **{k: v for k, v in schema.items() if k not in UNION_KEYS},
        "enum": [option["const"] for option in options],
        "x-enum-varnames": [str(option.get("title") or option["const"]) for option in options],
        "x-enum-descriptions": [str(option.get("description") or "") for option in options],
    }


def primitive(
    pointer: str,
    kind: TypeKind,
    *,
    nullable: bool = False,
    fmt: str | None = None,
    constraints: Constraints | None = None,
) -> TypeRef:
    return TypeRef(
        pointer=pointer,
        kind=kind,
        annotation=kinds.scalar_annotation(kind),
        nullable=nullable,
        format=fmt,
        constraints=constraints or Constraints(),
        # Typed formats share their annotation with another kind (a unix time and an RFC
        # 3339 date-time are both `datetime`): containers and unions of them are named by
        # the kind, so that each gets its own decoder.
        codec=kind.value.replace("-", "_") if kinds.KIND_FACTS[kind].wire_form else "",
    )


def typed_format_kind(
    schema: Mapping[str, Any], kind_name: str | None, fmt: str | None
) -> TypeKind | None:
    """The typed-format kind a string, integer or number schema makes (`format: byte`,
    `format: unixtime`, 3.1's `contentEncoding: base64`), or None for a plain one. A string
    `format` the table does not type (and none) leaves `contentEncoding` to decide."""
    if kind_name in ("integer", "number"):
        return kinds.NUMBER_FORMAT_KINDS.get(fmt or "")
    if kind_name != "string":
        return None
    by_format = kinds.FORMAT_KINDS.get(fmt or "")
    if by_format is not None and kinds.KIND_FACTS[by_format].wire_form:
        return by_format
    encoding = schema.get("contentEncoding")
    if by_format is None and isinstance(encoding, str):
        return kinds.CONTENT_ENCODING_KINDS.get(encoding)
    return None


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_enum(schema: Mapping[str, Any]) -> bool:
    values = schema.get("enum")
    if not isinstance(values, list) or not [v for v in values if v is not None]:
        return False
    kind = single_type(schema)
    return kind in (None, "string", "integer")


def is_model_shape(schema: Mapping[str, Any]) -> bool:
    return isinstance(schema.get("properties"), Mapping) or (
        isinstance(schema.get("allOf"), list) and len(schema["allOf"]) > 1
    )


def is_model(schema: Mapping[str, Any]) -> bool:
    kind = single_type(schema)
    return kind in (None, "object") and is_model_shape(schema) and not is_enum(schema)


def single_type(schema: Mapping[str, Any]) -> str | None:
    declared = schema.get("type")
    if isinstance(declared, str):
        return declared
    if isinstance(declared, list):
        non_null = [t for t in declared if t != "null"]
        return non_null[0] if len(non_null) == 1 and isinstance(non_null[0], str) else None
    return None


def is_nullable(schema: Mapping[str, Any]) -> bool:
    declared = schema.get("type")
    enum_values = schema.get("enum")
    return (
        schema.get("nullable") is True
        or schema.get("x-nullable") is True
        or (isinstance(declared, list) and "null" in declared)
        or (isinstance(enum_values, list) and None in enum_values)
    )


# The keywords `constraints` reads: a schema with none of them (most are) has none.
_CONSTRAINT_KEYWORDS = frozenset(
    {
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "const",
        "enum",
        "minLength",
        "maxLength",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
    }
)
_NONE = Constraints()


def constraints(schema: Mapping[str, Any]) -> Constraints:
    if _CONSTRAINT_KEYWORDS.isdisjoint(schema):
        return _NONE

    def number(key: str) -> int | float | None:
        value = schema.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def count(key: str) -> int | None:
        value = schema.get(key)
        return value if is_int(value) else None

    pattern = schema.get("pattern")
    minimum, maximum = number("minimum"), number("maximum")
    exclusive_min, exclusive_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    # 3.1 (JSON Schema 2020-12) writes exclusive bounds as numbers, 3.0 as booleans.
    if is_number(exclusive_min):
        minimum, exclusive_min = exclusive_min, True
    if is_number(exclusive_max):
        maximum, exclusive_max = exclusive_max, True
    pattern = pattern if isinstance(pattern, str) else None
    const = schema.get("const", NO_CONST)
    values = schema.get("enum")
    if const is NO_CONST and isinstance(values, list) and len(values) == 1 and not is_enum(schema):
        const = values[0]  # a one-value enum of a type no enum class is made for (`[true]`)
    has_const = const is None or isinstance(const, (str, int, float, bool))
    return Constraints(
        has_const=has_const,
        const=const if has_const else None,
        min_length=count("minLength"),
        max_length=count("maxLength"),
        pattern=pattern,
        python_pattern=ecma_to_python(pattern) if pattern is not None else None,
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_min is True,
        exclusive_maximum=exclusive_max is True,
        multiple_of=number("multipleOf"),
        min_items=count("minItems"),
        max_items=count("maxItems"),
        unique_items=schema.get("uniqueItems") is True,
        min_properties=count("minProperties"),
        max_properties=count("maxProperties"),
    )


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def description(schema: Mapping[str, Any]) -> str | None:
    return text(schema.get("description")) or text(schema.get("title"))


def aligned(schema: Mapping[str, Any], key: str, values: list[Any]) -> dict[Any, str]:
    """`x-enum-varnames` / `x-enum-descriptions`: a list aligned with `enum`, or a value map."""
    given = schema.get(key)
    raw_values = [v for v in schema.get("enum", []) if v is not None]
    if isinstance(given, list):
        return {
            v: text
            for v, text in zip(raw_values, given)
            if _hashable(v) and isinstance(text, str) and text.strip()
        }
    if isinstance(given, Mapping):
        return {
            v: given[str(v)] for v in values if _hashable(v) and isinstance(given.get(str(v)), str)
        }
    return {}


def ms_enum_values(schema: Mapping[str, Any]) -> dict[Any, Mapping[str, Any]]:
    ms_enum = schema.get("x-ms-enum")
    if not isinstance(ms_enum, Mapping) or not isinstance(ms_enum.get("values"), list):
        return {}
    return {
        entry.get("value"): entry
        for entry in ms_enum["values"]
        if isinstance(entry, Mapping) and _hashable(entry.get("value"))
    }


def _hashable(value: object) -> bool:
    """Enum values are JSON: scalars key the lookup tables; lists and objects cannot."""
    return value is None or isinstance(value, (str, int, float, bool))


def guards(
    schema: Mapping[str, Any], resolve: Callable[[Any], Any]
) -> tuple[tuple[str, str | int | bool], ...]:
    """Required properties whose schema allows exactly one value: `(wire name, value)`.

    `resolve` follows a `$ref` (or returns the schema unchanged), for properties that point at
    a one-value enum. Direct properties and those of `allOf` parts count.
    """
    found: dict[str, str | int | bool] = {}
    parts = [schema] + [resolve(part) for part in schema.get("allOf") or () if isinstance(part, Mapping)]
    required: set[str] = set()
    properties: dict[str, Any] = {}
    for part in parts:
        if not isinstance(part, Mapping):
            continue
        required.update(r for r in part.get("required") or () if isinstance(r, str))
        if isinstance(part.get("properties"), Mapping):
            properties.update(part["properties"])
    for name in sorted(required):
        prop = resolve(properties.get(name))
        if not isinstance(prop, Mapping):
            continue
        if "const" in prop:
            values = [prop["const"]]
        else:
            values = [v for v in prop.get("enum") or () if v is not None]
        if len(values) == 1 and isinstance(values[0], (str, int, bool)):
            found[name] = values[0]
    return tuple(found.items())


def discriminator_name(schema: Mapping[str, Any]) -> str:
    """The wire name of the property a schema's `discriminator` names; "" without one."""
    discriminator = schema.get("discriminator")
    if isinstance(discriminator, Mapping) and isinstance(discriminator.get("propertyName"), str):
        return str(discriminator["propertyName"])
    return ""
