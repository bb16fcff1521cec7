"""Schema objects → IR types: models, enums, primitives, containers.

Component schemas are declared first (every model and enum gets its class name before any is
built), so references, including recursive ones, resolve to a name rather than to a half-built
node. Inline object and enum schemas are named from where they sit (`PetOwnerAddress`).
Anything not yet supported becomes `Any` with a warning at its pointer, never a silent drop.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator import naming
from generator.diagnostics import Diagnostic, error, join_pointer, warning
from generator.ir.kinds import FORMAT_KINDS, KIND_FACTS, container_annotation
from generator.ir.nodes import (
    Constraints,
    DiscriminatorCase,
    Enum,
    EnumMember,
    Field,
    Model,
    TypeKind,
    TypeRef,
)
from generator.load.refs import RefError, resolve_ref
from generator.parse import schema_facts as facts
from generator.parse.polymorphism import base_first, link_subtypes

# Formats with a meaning here: typed (date-time, date), or deliberately the base type (a uuid
# or a uri is a str; `byte` is base64 text and `binary` raw text in JSON, while a binary request
# or response body is bytes). Any other format is reported once per format name.
_KNOWN_FORMATS = {
    "string": frozenset(
        (
            "date-time", "date", "time", "duration", "uuid", "email", "idn-email", "hostname",
            "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference",
            "uri-template", "url", "json-pointer", "relative-json-pointer", "regex", "password",
            "byte", "binary",
        )
    ),
    "integer": frozenset(("int32", "int64")),
    "number": frozenset(("float", "double")),
    "boolean": frozenset(),
}

_COMPOSITION_KEYS = ("not",)

# Where a schema types the keys it does not declare, in the order they are read.
_EXTRA_KEYS = ("additionalProperties", "unevaluatedProperties")

# Deeper list/map nesting than this is typed as Any below the limit: no API needs more, and
# each level makes the generated annotations (and black's time on them) grow.
MAX_CONTAINER_DEPTH = 32

# Models and enums a spec may declare. The largest real specs have a few thousand; YAML aliases
# can make a 1 kB file describe a hundred thousand inline objects, each a class to generate.
MAX_NAMED_TYPES = 20_000


class TooManyTypes(Exception):
    """Raised when a spec declares more than MAX_NAMED_TYPES models and enums."""

    def __init__(self, pointer: str) -> None:
        super().__init__(pointer)
        self.pointer = pointer


@dataclass(slots=True)
class _Pending:
    pointer: str
    class_name: str
    schema: Mapping[str, Any]
    is_enum: bool
    module_name: str
    strategy_name: str = ""
    json_strategy_name: str = ""


@dataclass(slots=True)
class SchemaBuilder:
    """Collects models, enums and container codecs while turning schemas into TypeRefs."""

    root: Any
    class_scope: naming.NameScope = field(
        default_factory=lambda: naming.NameScope(naming.RESERVED_CLASS_NAMES)
    )
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _named: dict[str, _Pending] = field(default_factory=dict)
    _built_models: dict[str, Model] = field(default_factory=dict)
    _built_enums: dict[str, Enum] = field(default_factory=dict)
    _codecs: dict[str, TypeRef] = field(default_factory=dict)
    _alias_stack: list[str] = field(default_factory=list)
    _unknown_formats: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _enums_by_name: dict[tuple[str, tuple[str, ...]], _Pending] = field(default_factory=dict)
    _strategy_scope: naming.NameScope = field(
        default_factory=lambda: naming.NameScope(naming.RESERVED_STRATEGY_NAMES)
    )
    _module_scope: naming.NameScope = field(
        default_factory=lambda: naming.NameScope(naming.RESERVED_MODULE_NAMES)
    )

    # -- declaration -------------------------------------------------------------------------

    def declare_components(self, schemas: Mapping[str, Any], base_pointer: str) -> None:
        """Give every named model and enum its class name, in sorted key order."""
        for key in sorted(schemas):
            schema = schemas[key]
            pointer = join_pointer(base_pointer, key)
            if not isinstance(schema, Mapping) or "$ref" in schema:
                continue
            if facts.is_enum(schema) or facts.is_model(schema):
                pending = self._declare(pointer, key, schema)
                if pending.is_enum:
                    self._remember_enum(schema, pending)

    def _declare(self, pointer: str, hint: str, schema: Mapping[str, Any]) -> _Pending:
        if len(self._named) >= MAX_NAMED_TYPES:
            raise TooManyTypes(pointer)
        class_name = self.class_scope.claim(naming.class_name(hint))
        pending = _Pending(
            pointer=pointer,
            class_name=class_name,
            schema=schema,
            is_enum=facts.is_enum(schema),
            module_name=self._module_scope.claim(naming.module_name(class_name)),
        )
        if not pending.is_enum:
            pending.strategy_name = self._strategy_scope.claim(naming.strategy_name(class_name))
            pending.json_strategy_name = self._strategy_scope.claim(
                naming.strategy_name(class_name + "Json")
            )
        self._named[pointer] = pending
        return pending

    def finish(self) -> tuple[tuple[Model, ...], tuple[Enum, ...], tuple[TypeRef, ...]]:
        """Build every declared model and enum (inline ones are declared while building)."""
        done: set[str] = set()
        while len(done) < len(self._named):
            for pointer in sorted(set(self._named) - done):
                done.add(pointer)
                pending = self._named[pointer]
                if pending.is_enum:
                    self._built_enums[pointer] = self._build_enum(pending)
                else:
                    self._built_models[pointer] = self._build_model(pending)
        linked = link_subtypes(
            self._built_models,
            {pointer: pending.schema for pointer, pending in self._named.items()},
            self.root,
            self._warn,
        )
        models = base_first(
            tuple(sorted(linked.values(), key=lambda m: naming.export_sort_key(m.class_name)))
        )
        enums = tuple(
            sorted(self._built_enums.values(), key=lambda e: naming.export_sort_key(e.class_name))
        )
        codecs = tuple(self._codecs[name] for name in sorted(self._codecs))
        for (fmt, kind_name), pointers in sorted(self._unknown_formats.items()):
            where = (
                "this schema is the only one using it"
                if len(pointers) == 1
                else f"{len(pointers)} schemas use it; this is the first"
            )
            self._warn(
                "unknown-format",
                pointers[0],
                f"format {fmt!r} is not one clientgen types; its values are plain "
                f"{kind_name}s ({where})",
            )
        self._unknown_formats.clear()
        return models, enums, codecs

    # -- types -------------------------------------------------------------------------------

    def type_of(self, schema: object, pointer: str, hint: str) -> TypeRef:
        """The TypeRef for `schema` found at `pointer`; `hint` names it if it must be a class."""
        if schema is True or schema == {}:
            return facts.primitive(pointer, TypeKind.ANY)
        if not isinstance(schema, Mapping):
            self._warn("unsupported-schema", pointer, "schema is not an object; treated as Any")
            return facts.primitive(pointer, TypeKind.ANY)
        nullable = facts.is_nullable(schema)
        if "$ref" in schema:
            inner = self._ref_type(schema["$ref"], pointer)
            return self._with_nullable(self._narrowed(inner, schema), nullable)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not facts.is_model_shape(schema):
            inner = self.type_of(all_of[0], join_pointer(pointer, "allOf", 0), hint)
            return self._with_nullable(self._narrowed(inner, schema), nullable)
        for key in facts.UNION_KEYS:
            options = schema.get(key)
            if isinstance(options, list) and options and not facts.is_model_shape(schema):
                if facts.const_options(options) is not None:
                    synthetic = facts.const_enum_schema(schema, options)
                    pending = self._named.get(pointer) or self._declare(pointer, hint, synthetic)
                    return self._named_ref(pending, nullable)
                return self._union(schema, key, options, pointer, hint, nullable)
        for key in _COMPOSITION_KEYS + ("allOf",):
            if key in schema and not (key == "allOf" and facts.is_model_shape(schema)):
                self._warn(
                    "unsupported-composition",
                    join_pointer(pointer, key),
                    f"'{key}' is not supported yet; the value is typed as Any",
                )
                return facts.primitive(pointer, TypeKind.ANY, nullable=nullable)
        if facts.is_enum(schema):
            known = self._named.get(pointer) or self._shared_enum(schema)
            if known is None:
                known = self._declare(pointer, facts.ms_enum_name(schema) or hint, schema)
                self._remember_enum(schema, known)
            return self._named_ref(known, nullable)
        kind_name = facts.single_type(schema)
        const = schema.get("const", facts.NO_CONST)
        if kind_name is None and const is not facts.NO_CONST and not facts.is_model_shape(schema):
            kind_name = facts.JSON_TYPE_NAMES.get(type(const))
        if facts.is_model(schema):
            pending = self._named.get(pointer) or self._declare(pointer, hint, schema)
            return self._named_ref(pending, nullable)
        if kind_name == "object":
            return self._map_type(schema, pointer, hint, nullable)
        if kind_name == "array" and "prefixItems" in schema:
            self._warn(
                "unsupported-prefix-items",
                join_pointer(pointer, "prefixItems"),
                "tuple arrays (prefixItems) are not typed yet; the value is a list[Any]",
            )
            item = replace(facts.primitive(pointer, TypeKind.ANY), untyped=True)
            return self._container(TypeKind.ARRAY, pointer, item, nullable, facts.constraints(schema))
        if kind_name == "array":
            items = schema.get("items", True)
            item = self.type_of(items, join_pointer(pointer, "items"), hint + "Item")
            return self._container(TypeKind.ARRAY, pointer, item, nullable, facts.constraints(schema))
        if isinstance(schema.get("type"), list) and kind_name is None:
            self._warn(
                "unsupported-type-union",
                join_pointer(pointer, "type"),
                "a list of several non-null types is not supported yet; typed as Any",
            )
            return facts.primitive(pointer, TypeKind.ANY, nullable=nullable)
        return self._primitive_type(schema, pointer, kind_name, nullable)

    def _shared_enum(self, schema: Mapping[str, Any]) -> _Pending | None:
        """An inline enum that an `x-ms-enum` name says is one shared type (Azure repeats the
        same enum on every operation that takes it): the class already made for it."""
        key = facts.enum_key(schema)
        return self._enums_by_name.get(key) if key is not None else None

    def _remember_enum(self, schema: Mapping[str, Any], pending: _Pending) -> None:
        key = facts.enum_key(schema)
        if key is not None:
            self._enums_by_name.setdefault(key, pending)

    def _union(
        self,
        schema: Mapping[str, Any],
        key: str,
        options: list[Any],
        pointer: str,
        hint: str,
        nullable: bool,
    ) -> TypeRef:
        variants: list[TypeRef] = []
        for index, option in enumerate(options):
            if isinstance(option, Mapping) and (
                option.get("type") == "null" or option.get("enum") == [None]
            ):
                nullable = True
                continue
            variant = self.type_of(
                option, join_pointer(pointer, key, index), f"{hint}Option{index + 1}"
            )
            nullable = nullable or variant.nullable
            variant = replace(variant, nullable=False)
            if variant.kind is TypeKind.ANY and key != "oneOf":
                return facts.primitive(pointer, TypeKind.ANY, nullable=nullable)
            # A union of unions is one union, unless the inner one decodes by discriminator.
            flattened = (
                variant.variants
                if variant.kind is TypeKind.UNION and not variant.discriminator
                else (variant,)
            )
            for each in flattened:
                if all(_shape(v) != _shape(each) for v in variants):
                    variants.append(each)
        if not variants:
            return facts.primitive(pointer, TypeKind.ANY, nullable=True)
        if len(variants) == 1:
            return self._with_nullable(variants[0], nullable)
        cases = self._discriminator_cases(schema, variants, pointer)
        if not cases:
            # Most specific first: models that require more one-value properties before those
            # that require fewer (a deleted_customer before a customer).
            # Decoding tries a union's variants in the kinds' decode order (stable within a
            # kind, then spec order), models that check more keys first.
            variants.sort(key=lambda v: (KIND_FACTS[v.kind].decode_order, -len(v.guards)))
        codec = naming.union_codec_name(
            [_shape(v) for v in variants],
            # Unions of the same variants told apart by different properties decode apart.
            (schema["discriminator"]["propertyName"] + ":" if cases else "")
            + ";".join(f"{c.value}={c.target}" for c in cases),
            annotations=[v.target if v.kind is TypeKind.ENUM and v.target else v.annotation
                         for v in variants],
            exclusive=key == "oneOf",
        )
        ref = TypeRef(
            pointer=pointer,
            kind=TypeKind.UNION,
            # `float` already admits an int (PEP 484), and ruff wants it written once.
            annotation=_union_annotation(variants),
            nullable=nullable,
            variants=tuple(variants),
            discriminator=schema["discriminator"]["propertyName"] if cases else None,
            discriminator_mapping=cases,
            codec=codec,
            decoder=naming.decoder_name(codec),
            encoder=naming.encoder_name(codec),
            exclusive=key == "oneOf",
            counter=naming.counter_name(codec) if key == "oneOf" else "",
        )
        self._codecs.setdefault(codec, replace(ref, nullable=False))
        return ref

    def _narrowed(self, ref: TypeRef, schema: Mapping[str, Any]) -> TypeRef:
        """A named enum used with a local `enum` beside the reference: only those values."""
        values = schema.get("enum")
        if ref.kind is not TypeKind.ENUM or not isinstance(values, list):
            return ref
        kept = tuple(v for v in values if isinstance(v, str) or facts.is_int(v))
        if not kept or len(kept) < len(values) - values.count(None):
            self._warn(
                "enum-narrowing-ignored",
                join_pointer(ref.pointer, "enum"),
                "only string or integer values can narrow an enum; every value is allowed",
            )
            return ref
        return replace(
            ref,
            constraints=replace(ref.constraints, enum_values=kept),
            codec=naming.narrowed_enum_codec_name(str(ref.target), [str(v) for v in kept]),
        )

    def _discriminator_cases(
        self, schema: Mapping[str, Any], variants: list[TypeRef], pointer: str
    ) -> tuple[DiscriminatorCase, ...]:
        """Which model each discriminator value selects: the explicit mapping, else the
        component names of the variants (OpenAPI's implicit mapping)."""
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, Mapping) or not isinstance(
            discriminator.get("propertyName"), str
        ):
            return ()
        if any(v.kind is not TypeKind.MODEL for v in variants):
            self._warn(
                "discriminator-ignored",
                join_pointer(pointer, "discriminator"),
                "a discriminator needs every variant to be an object model; variants are "
                "tried in order instead",
            )
            return ()
        by_pointer = {v.pointer: v for v in variants}
        cases: list[DiscriminatorCase] = []
        explicit = discriminator.get("mapping")
        for value, ref in (explicit.items() if isinstance(explicit, Mapping) else ()):
            try:
                target = resolve_ref(self.root, ref if str(ref).startswith("#") else
                                     "#/components/schemas/" + str(ref))
            except RefError as exc:
                self.diagnostics.append(
                    error("unresolvable-ref", join_pointer(pointer, "discriminator"), exc.reason)
                )
                continue
            variant = by_pointer.get(target.pointer)
            if variant is not None:
                cases.append(facts.case(str(value), variant))
        mapped = {c.target for c in cases}
        for variant in variants:
            if variant.target not in mapped:
                cases.append(facts.case(variant.pointer.rsplit("/", 1)[-1], variant))
        return tuple(cases)

    def _primitive_type(
        self, schema: Mapping[str, Any], pointer: str, kind_name: str | None, nullable: bool
    ) -> TypeRef:
        fmt = schema.get("format") if isinstance(schema.get("format"), str) else None
        typed = facts.typed_format_kind(schema, kind_name, fmt)
        if (
            fmt is not None
            and kind_name in _KNOWN_FORMATS
            and fmt not in _KNOWN_FORMATS[kind_name]
            and typed is None
        ):
            self._unknown_formats.setdefault((fmt, kind_name), []).append(
                join_pointer(pointer, "format")
            )
        if typed is not None:
            kind = typed
        elif kind_name == "string":
            kind = FORMAT_KINDS.get(fmt or "", TypeKind.STRING)
        elif kind_name in ("integer", "number", "boolean"):
            kind = TypeKind(kind_name)
        elif kind_name == "null" or _only_null(schema):
            # Only null is valid: typed Any (None), and test data draws nothing else.
            return replace(facts.primitive(pointer, TypeKind.ANY, nullable=True), untyped=True)
        elif kind_name is None:
            kind = TypeKind.ANY
        else:
            self._warn("unsupported-type", join_pointer(pointer, "type"), "unknown type; Any")
            kind = TypeKind.ANY
        return facts.primitive(
            pointer, kind, nullable=nullable, fmt=fmt, constraints=facts.constraints(schema)
        )

    def _map_type(
        self, schema: Mapping[str, Any], pointer: str, hint: str, nullable: bool
    ) -> TypeRef:
        extra = schema.get("additionalProperties", schema.get("unevaluatedProperties", True))
        if extra is False:
            self._warn(
                "empty-object",
                pointer,
                "an object with no properties and additionalProperties: false is typed "
                "as an always-empty dict[str, Any]",
            )
            extra = True
        value = self.type_of(
            extra, join_pointer(pointer, "additionalProperties"), hint + "Value"
        )
        return self._container(TypeKind.MAP, pointer, value, nullable, facts.constraints(schema))

    def _ref_type(self, ref: object, pointer: str) -> TypeRef:
        try:
            target = resolve_ref(self.root, ref)
        except RefError as exc:
            self.diagnostics.append(error("unresolvable-ref", pointer, exc.reason))
            return facts.primitive(pointer, TypeKind.ANY)
        pending = self._named.get(target.pointer)
        if pending is not None:
            return self._named_ref(pending, False)
        if target.pointer in self._alias_stack:
            self._warn(
                "recursive-alias",
                pointer,
                "this schema refers to itself without an object in between; typed as Any",
            )
            return replace(facts.primitive(pointer, TypeKind.ANY), untyped=True)
        self._alias_stack.append(target.pointer)
        try:
            hint = target.pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            return self.type_of(target.value, target.pointer, hint)
        finally:
            self._alias_stack.pop()

    def _named_ref(self, pending: _Pending, nullable: bool) -> TypeRef:
        # Every enum is open: a value the spec does not list stays the plain str or int it
        # was, and the annotation says so, so that an exhaustive `match` must handle it.
        unknown = KIND_FACTS[_enum_base(pending.schema)].python_class if pending.is_enum else ""
        unknown = unknown or ""
        return TypeRef(
            pointer=pending.pointer,
            kind=TypeKind.ENUM if pending.is_enum else TypeKind.MODEL,
            annotation=f"{pending.class_name} | {unknown}" if unknown else pending.class_name,
            unknown_class=unknown,
            nullable=nullable,
            target=pending.class_name,
            strategy=pending.strategy_name,
            json_strategy=pending.json_strategy_name,
            closed=not pending.is_enum
            and any(pending.schema.get(key) is False for key in _EXTRA_KEYS),
            guards=() if pending.is_enum else facts.guards(pending.schema, self._resolved),
        )

    def _resolved(self, schema: Any) -> Any:
        """`schema`, or what its local `$ref` points at (None when it leads nowhere)."""
        if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
            try:
                return resolve_ref(self.root, schema["$ref"]).value
            except RefError:
                return None
        return schema

    def _with_nullable(self, ref: TypeRef, nullable: bool) -> TypeRef:
        if not nullable or ref.nullable:
            return ref
        return replace(ref, nullable=True)

    def _container(
        self,
        kind: TypeKind,
        pointer: str,
        item: TypeRef,
        nullable: bool,
        constraints: Constraints,
    ) -> TypeRef:
        if _container_depth(item) >= MAX_CONTAINER_DEPTH:
            self._warn(
                "type-too-deep",
                pointer,
                f"lists and maps nest more than {MAX_CONTAINER_DEPTH} levels deep here;"
                " the levels below are typed as Any",
            )
            item = replace(facts.primitive(pointer, TypeKind.ANY), untyped=True)
        inner = item.annotation + (" | None" if item.nullable else "")
        annotation = container_annotation(kind, inner)
        codec = naming.codec_name(kind.value, _shape(item), item.nullable)
        ref = TypeRef(
            pointer=pointer,
            kind=kind,
            annotation=annotation,
            nullable=nullable,
            item=item,
            constraints=constraints,
            codec=codec,
            decoder=naming.decoder_name(codec),
        )
        # One decoder per distinct shape; the first pointer that needed it documents it.
        self._codecs.setdefault(codec, ref)
        return ref

    # -- models and enums --------------------------------------------------------------------

    def _build_model(self, pending: _Pending) -> Model:
        schema = pending.schema
        properties, required = self._collect_properties(schema, pending.pointer)
        closed_parts = self._closed_parts(schema, pending.pointer)
        scope = naming.NameScope(naming.RESERVED_FIELD_NAMES)
        fields = []
        for wire_name, (prop_pointer, prop_schema) in properties.items():
            barred = [p for p, keys in closed_parts if wire_name not in keys]
            if barred:
                self._warn(
                    "property-never-valid",
                    prop_pointer,
                    f"the allOf part at {barred[0]} has additionalProperties: false and does "
                    "not declare this property, so no valid value has it; it is left out",
                )
                continue
            if (
                isinstance(prop_schema, Mapping)
                and prop_schema.get("enum") == []
                and wire_name not in required
            ):
                self._warn(
                    "property-never-valid",
                    join_pointer(prop_pointer, "enum"),
                    "an empty enum allows no value, so no valid object has this property; "
                    "it is left out",
                )
                continue
            type_ref = self.type_of(prop_schema, prop_pointer, pending.class_name + "_" + wire_name)
            # A body without its discriminator is the base model itself (Spector's missing
            # discriminator), so a base's own discriminator property may be absent.
            is_tag = wire_name == facts.discriminator_name(schema)
            is_required = wire_name in required and not is_tag
            annotation = type_ref.annotation
            if type_ref.nullable:
                annotation += " | None"
            if not is_required:
                annotation += " | Unset"
            prop = prop_schema if isinstance(prop_schema, Mapping) else {}
            py_name = scope.claim(naming.field_name(wire_name))
            fields.append(
                Field(
                    pointer=prop_pointer,
                    wire_name=wire_name,
                    py_name=py_name,
                    path_segment=naming.path_segment(wire_name),
                    type=type_ref,
                    required=is_required,
                    description=facts.description(prop),
                    read_only=prop.get("readOnly") is True,
                    write_only=prop.get("writeOnly") is True,
                    deprecated=prop.get("deprecated") is True,
                    schema_required=is_tag and wire_name in required,
                    annotation=annotation,
                )
            )
        extra, extra_pointer = self._extra_keys_schema(schema, pending.pointer, set())
        additional = None
        if extra is not None and extra is not False:
            value = self.type_of(extra, extra_pointer, pending.class_name + "Value")
            additional = self._container(
                TypeKind.MAP, extra_pointer, value, False, Constraints()
            )
        extra_name = scope.claim(naming.ADDITIONAL_PROPERTIES) if additional else ""
        return Model(
            pointer=pending.pointer,
            name=pending.class_name,
            class_name=pending.class_name,
            module_name=pending.module_name,
            description=facts.description(schema),
            fields=tuple(fields),
            strategy_name=pending.strategy_name,
            json_strategy_name=pending.json_strategy_name,
            deprecated=schema.get("deprecated") is True,
            additional=additional,
            additional_py_name=extra_name,
            closed=extra is False or bool(closed_parts),
        )

    def _extra_keys_schema(
        self, schema: Mapping[str, Any], pointer: str, seen: set[str]
    ) -> tuple[Any, str]:
        """The schema of the keys a model does not declare, and where it is: its own
        `additionalProperties`, else its `unevaluatedProperties` (how the 3.1 emitter writes
        records), else an allOf part's (a model derived from a record keeps the record's extra
        keys); (None, "") when nothing declares one. A form no type comes from is a warning."""
        for key in _EXTRA_KEYS:
            if key in schema:
                value, where = schema[key], join_pointer(pointer, key)
                if isinstance(value, (bool, Mapping)):
                    return value, where
                self._warn(
                    "unsupported-additional-properties",
                    where,
                    f"'{key}' must be a boolean or a schema; the keys the model does not "
                    "declare are left out",
                )
                return None, ""
        seen.add(pointer)
        for index, part in enumerate(schema.get("allOf") or ()):
            part_pointer = join_pointer(pointer, "allOf", index)
            if isinstance(part, Mapping) and "$ref" in part:
                try:
                    target = resolve_ref(self.root, part["$ref"])
                except RefError:
                    continue  # reported by _collect_properties
                part, part_pointer = target.value, target.pointer
            if isinstance(part, Mapping) and part_pointer not in seen:
                value, where = self._extra_keys_schema(part, part_pointer, seen)
                if value is not None and value is not False:
                    return value, where
        return None, ""

    def _closed_parts(self, schema: Mapping[str, Any], pointer: str) -> list[tuple[str, set[str]]]:
        """The allOf parts with `additionalProperties: false`, each with the keys it allows."""
        parts = []
        for index, part in enumerate(schema.get("allOf") or ()):
            part_pointer = join_pointer(pointer, "allOf", index)
            if isinstance(part, Mapping) and "$ref" in part:
                try:
                    target = resolve_ref(self.root, part["$ref"])
                except RefError:
                    continue  # reported by _collect_properties
                part, part_pointer = target.value, target.pointer
            if isinstance(part, Mapping):
                if part.get("additionalProperties") is False:
                    keys = set(self._collect_properties(part, part_pointer)[0])
                    parts.append((part_pointer, keys))
                parts += self._closed_parts(part, part_pointer)
        return parts

    def _collect_properties(
        self, schema: Mapping[str, Any], pointer: str
    ) -> tuple[dict[str, tuple[str, Any]], set[str]]:
        """Own properties plus those merged from allOf parts (inheritance by flattening)."""
        properties: dict[str, tuple[str, Any]] = {}
        required: set[str] = set()
        for index, part in enumerate(schema.get("allOf") or ()):
            part_pointer = join_pointer(pointer, "allOf", index)
            if isinstance(part, Mapping) and "$ref" in part:
                try:
                    target = resolve_ref(self.root, part["$ref"])
                except RefError as exc:
                    self.diagnostics.append(error("unresolvable-ref", part_pointer, exc.reason))
                    continue
                part, part_pointer = target.value, target.pointer
            if isinstance(part, Mapping):
                inner, inner_required = self._collect_properties(part, part_pointer)
                properties.update(inner)
                required |= inner_required
        own = schema.get("properties")
        if isinstance(own, Mapping):
            for name, prop in own.items():
                properties[name] = (join_pointer(pointer, "properties", name), prop)
        if isinstance(schema.get("required"), list):
            required |= {r for r in schema["required"] if isinstance(r, str)}
        return properties, required

    def _build_enum(self, pending: _Pending) -> Enum:
        schema = pending.schema
        values = [v for v in schema["enum"] if v is not None]
        base = _enum_base(schema)
        names = facts.aligned(schema, "x-enum-varnames", values)
        descriptions = facts.aligned(schema, "x-enum-descriptions", values)
        ms_values = facts.ms_enum_values(schema)
        # A member named like its class would hide the class in the class's own annotations.
        scope = naming.NameScope((pending.class_name,))
        members: list[EnumMember] = []
        seen: set[object] = set()
        for index, value in enumerate(values):
            member_pointer = join_pointer(pending.pointer, "enum", index)
            if base is TypeKind.STRING and not isinstance(value, str):
                self._warn(
                    "enum-value-type",
                    member_pointer,
                    f"enum value {json.dumps(value)} is not a string; kept as its JSON text",
                )
                value = json.dumps(value)
            if value in seen:
                self._warn("enum-duplicate", member_pointer, "duplicate enum value is ignored")
                continue
            seen.add(value)
            ms = ms_values.get(value, {})
            name = names.get(value) or ms.get("name") or value
            members.append(
                EnumMember(
                    pointer=member_pointer,
                    value=value,
                    py_name=scope.claim(naming.enum_member_name(name)),
                    description=descriptions.get(value) or facts.text(ms.get("description")),
                )
            )
        return Enum(
            pointer=pending.pointer,
            name=pending.class_name,
            class_name=pending.class_name,
            module_name=pending.module_name,
            base=base,
            members=tuple(members),
            description=facts.description(schema),
        )

    def _warn(self, code: str, pointer: str, message: str) -> None:
        self.diagnostics.append(warning(code, pointer, message))


def _container_depth(ref: TypeRef) -> int:
    depth = 0
    while ref.item is not None:
        depth += 1
        ref = ref.item
    return depth


def _only_null(schema: Mapping[str, Any]) -> bool:
    """`enum: [null]` (or `const: null`): null is the only valid value."""
    values = schema.get("enum")
    if isinstance(values, list) and values:
        return all(v is None for v in values)
    return "const" in schema and schema["const"] is None


def _enum_base(schema: Mapping[str, Any]) -> TypeKind:
    """`TypeKind.INTEGER` when every value of the enum is an integer, else `TypeKind.STRING`."""
    values = [v for v in schema["enum"] if v is not None]
    return TypeKind.INTEGER if all(facts.is_int(v) for v in values) else TypeKind.STRING


def _shape(ref: TypeRef) -> str:
    """What names a type's codecs and tells union variants apart: its codec, else its class
    (an open enum's annotation also names the plain class of its unknown values), else its
    annotation."""
    return ref.codec or (ref.target if ref.kind is TypeKind.ENUM and ref.target else ref.annotation)


def _union_annotation(variants: list[TypeRef]) -> str:
    """A union's annotation: its variants', each class once. `float` already admits an int
    (PEP 484), and ruff wants it written once; an open enum's unknown str or int is left out
    where a variant already admits it."""
    kinds = {v.kind for v in variants}
    covered = {"str"} if TypeKind.STRING in kinds else set()
    if kinds & {TypeKind.INTEGER, TypeKind.NUMBER}:
        covered.add("int")
    parts: list[str] = []
    for variant in variants:
        if variant.kind is TypeKind.INTEGER and TypeKind.NUMBER in kinds:
            continue
        if variant.kind is TypeKind.ENUM and variant.target:
            if variant.unknown_class and variant.unknown_class not in covered:
                parts.append(variant.annotation)
                covered.add(variant.unknown_class)
            else:
                parts.append(variant.target)
        else:
            parts.append(variant.annotation)
    return " | ".join(parts)
