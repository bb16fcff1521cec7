"""Spec-driven checks shared by the round-trip tests: they work for any model of any spec.

Everything here is derived from the IR (field types, nullability, requiredness) and from the
spec's own schemas (validated with openapi-schema-validator), never from hand-written knowledge
of one API.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from jsonschema import validators
from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)

from generator.ir.nodes import Api, Model, TypeKind, TypeRef
from generator.parse.merge_patch import with_patch_nulls
from generator.parse.schema_facts import const_options

_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def schema_validator(spec: Mapping[str, Any], model: Model) -> Any:
    """A validator for the model's own schema, resolving refs inside the spec. Enums are open
    (docs/enums.md): an `enum` of strings also admits a string it does not list, one of
    integers an integer, as the generated client keeps them (but a one-value enum, a tag)."""
    schema = {"$ref": "#" + model.pointer, **_referable(spec)}
    if str(spec.get("openapi", "")).startswith("3.1"):
        return _OPEN_ENUM_VALIDATORS[OAS31Validator](
            schema, format_checker=oas31_format_checker
        )
    return _OPEN_ENUM_VALIDATORS[OAS30Validator](schema, format_checker=oas30_format_checker)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _unlisted(listed: list[Any], instance: Any) -> bool:
    """`instance` is a value an open enum of the `listed` values keeps: of their JSON type.
    A one-value enum is a tag (a union's variants are told apart by it), and test data never
    draws another value for it, so it stays strict: a oneOf of tagged variants stays
    exclusive."""
    if len(listed) < 2:
        return False
    if all(_is_int(v) for v in listed):
        return _is_int(instance)
    return isinstance(instance, str)


_STRICT_ENUMS = [0]
"""Above 0 while an ambiguous oneOf is judged again with every enum closed (`open_one_of`)."""


def _open_enum_validator(base: Any) -> Any:
    strict = base.VALIDATORS

    def open_enum(validator: Any, values: Any, instance: Any, schema: Any) -> Any:
        listed = [v for v in values if v is not None]
        if _STRICT_ENUMS[0] or not _unlisted(listed, instance):
            yield from strict["enum"](validator, values, instance, schema)

    def open_one_of(validator: Any, options: Any, instance: Any, schema: Any) -> Any:
        # 3.1's documented enum: a oneOf whose every option is a `const`.
        consts = const_options([o for o in options if not _is_null_option(o)])
        if consts is not None and _unlisted(consts, instance) and not _STRICT_ENUMS[0]:
            return
        errors = list(strict["oneOf"](validator, options, instance, schema))
        if errors and not _STRICT_ENUMS[0] and "is valid under each of" in errors[0].message:
            # Variants told apart by their enums (a `type` tag of several values): an open
            # enum made a listed tag of one variant valid for another too; judged with the
            # enums closed, only the variant the tag names is left.
            _STRICT_ENUMS[0] += 1
            try:
                errors = list(strict["oneOf"](validator, options, instance, schema))
            finally:
                _STRICT_ENUMS[0] -= 1
        yield from errors

    return validators.extend(base, {"enum": open_enum, "oneOf": open_one_of})


def _is_null_option(option: Any) -> bool:
    return isinstance(option, Mapping) and (
        option.get("type") == "null" or option.get("enum") == [None]
    )


_OPEN_ENUM_VALIDATORS = {base: _open_enum_validator(base) for base in (OAS30Validator, OAS31Validator)}


# The parts of each spec a model's `$ref` can reach, prepared once per spec object: rewriting a
# 3.0 spec (`_composed_nullable`) copies all of it, 0.08 s a model on Stripe, which has 2,161.
# Keyed by id(), with the spec kept alive beside it so that the id cannot be reused.
_REFERABLE: dict[int, tuple[Mapping[str, Any], dict[str, Any]]] = {}


def _referable(spec: Mapping[str, Any]) -> dict[str, Any]:
    cached = _REFERABLE.get(id(spec))
    if cached is None or cached[0] is not spec:
        # The models follow the spec as the parser reads it: merge-patch bodies take null.
        read = with_patch_nulls(spec)
        parts = {"components": read.get("components", {}), "paths": read.get("paths", {})}
        if not str(spec.get("openapi", "")).startswith("3.1"):
            parts = _composed_nullable(parts)
        parts = _without_base_discriminators(parts)
        cached = _REFERABLE[id(spec)] = (spec, parts)
    return cached[1]


_COMPOSED = ("$ref", "allOf", "oneOf", "anyOf")


def _without_base_discriminators(node: Any) -> Any:
    """A base schema's discriminator maps to subtypes that extend the base through allOf,
    which openapi-schema-validator follows back to the base without end (RecursionError); the
    subtypes' own schemas still say what is valid, so the validator is given the schemas
    without it (a union's discriminator stays: it says which variant must match)."""
    if isinstance(node, list):
        return [_without_base_discriminators(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _without_base_discriminators(value) for key, value in node.items()}
    tag = out.get("discriminator")
    if isinstance(tag, Mapping) and "propertyName" in tag and not ("oneOf" in out or "anyOf" in out):
        del out["discriminator"]
    return out


def _composed_nullable(node: Any) -> Any:
    """OpenAPI 3.0 `nullable: true` beside `$ref`/`allOf`/`oneOf`/`anyOf` (and no `type`) also
    allows null, as the generator reads it: that is how 3.0 documents write a nullable reference.
    openapi-schema-validator applies `nullable` only beside `type` (the letter of 3.0.3;
    python-openapi/openapi-schema-validator#220), so such schemas are given to it as
    `anyOf: [{enum: [null]}, <the schema without nullable>]`, which says the same; a nullable
    `enum` gets null among its values."""
    if isinstance(node, list):
        return [_composed_nullable(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _composed_nullable(value) for key, value in node.items()}
    if out.get("nullable") is True and "type" not in out and any(k in out for k in _COMPOSED):
        del out["nullable"]
        return {"anyOf": [{"enum": [None]}, out]}
    if out.get("nullable") is True and isinstance(out.get("enum"), list):
        # The same reading for an enum that does not list null (3.0.3 wants it listed).
        out["enum"] = [*out["enum"], None] if None not in out["enum"] else out["enum"]
    return out


def instant(text: str) -> timedelta:
    """An independent RFC 3339 reader (not the generated one), to compare texts as instants."""
    assert _RFC3339.fullmatch(text), f"not RFC 3339: {text!r}"
    text = text.upper().replace("Z", "+00:00")
    head, _, rest = text.partition(".")
    if rest:
        digits = re.match(r"[0-9]+", rest)
        assert digits is not None
        text = head + "." + digits.group()[:6].ljust(6, "0") + rest[digits.end() :]
    parsed = datetime.fromisoformat(text)
    # As time since datetime.min, so that year 1 or 9999 with an offset cannot overflow.
    offset = parsed.utcoffset() or timedelta(0)
    return parsed.replace(tzinfo=None) - datetime.min - offset


def canonical_datetime(text: str) -> bool:
    """What `to_dict` must write: UTC as `Z`, and a fraction of 0, 3 or 6 digits."""
    match = _RFC3339.fullmatch(text)
    return (
        bool(match)
        and len(match.group(1) or ".000") in (4, 7)
        and text[10] == "T"
        and ("+00:00" not in text and not text.endswith("z"))
    )


def models_by_name(api: Api) -> dict[str, Model]:
    return {m.class_name: m for m in api.models}


def assert_wire_equivalent(
    api: Api, type_ref: TypeRef, sent: Any, back: Any, path: str = "$"
) -> None:
    """`back` (from to_dict) equals `sent` (from the wire); date-times compare as instants."""
    if sent is None:
        assert back is None, f"{path}: null became {back!r}"
        return
    kind = type_ref.kind
    tag = type_ref.discriminator
    if tag and isinstance(sent, dict) and isinstance(back, dict):
        # The union's encoder writes its discriminator, declared by the variant or not.
        assert back.get(tag) == sent.get(tag), f"{path}: {tag} {sent.get(tag)!r} changed"
        sent = {key: value for key, value in sent.items() if key != tag}
        back = {key: value for key, value in back.items() if key != tag}
    if kind is TypeKind.UNION:
        failures = []
        for variant in type_ref.variants:
            try:
                assert_wire_equivalent(api, variant, sent, back, path)
            except AssertionError as exc:
                failures.append(str(exc))
            else:
                return
        raise AssertionError(f"{path}: no variant explains {sent!r} -> {back!r}: {failures}")
    if kind is TypeKind.DATETIME:
        assert isinstance(back, str) and canonical_datetime(back), f"{path}: {back!r}"
        assert instant(sent) == instant(back), f"{path}: {sent!r} != {back!r}"
    elif kind is TypeKind.MODEL:
        assert type_ref.target is not None
        assert_model_equivalent(api, models_by_name(api)[type_ref.target], sent, back, path)
    elif kind is TypeKind.ARRAY:
        assert type_ref.item is not None and isinstance(back, list)
        assert len(sent) == len(back), f"{path}: length changed"
        for index, (a, b) in enumerate(zip(sent, back)):
            assert_wire_equivalent(api, type_ref.item, a, b, f"{path}[{index}]")
    elif kind is TypeKind.MAP:
        assert type_ref.item is not None and isinstance(back, dict)
        assert set(sent) == set(back), f"{path}: keys changed"
        for key in sent:
            assert_wire_equivalent(api, type_ref.item, sent[key], back[key], f"{path}[{key!r}]")
    else:
        assert (
            back == sent and type(back) is type(sent) or (kind is TypeKind.INTEGER and back == sent)
        ), f"{path}: {sent!r} became {back!r}"


def assert_model_equivalent(api: Api, model: Model, sent: Any, back: Any, path: str) -> None:
    """Declared keys come back; an open model (`additionalProperties`) also gives back every
    other key unchanged, while other models leave undeclared keys out."""
    assert isinstance(back, dict), f"{path}: not an object"
    model = _named_subtype(api, model, sent)
    known = {f.wire_name for f in model.fields}
    kept = set(sent) if model.additional is not None else set(sent) & known
    assert set(back) == kept, f"{path}: keys {sorted(back)} != {sorted(sent)}"
    if model.additional is not None and model.additional.item is not None:
        for key in kept - known:
            assert_wire_equivalent(
                api, model.additional.item, sent[key], back[key], f"{path}[{key!r}]"
            )
    for field in model.fields:
        if field.wire_name in sent:
            assert_wire_equivalent(
                api,
                field.type,
                sent[field.wire_name],
                back[field.wire_name],
                f"{path}.{field.wire_name}",
            )


def subtype_family(api: Api, model: Model) -> set[str]:
    """The class names `model.from_dict` may return: its own and its subclasses'."""
    bases = {m.class_name: m.polymorphism.base for m in api.models if m.polymorphism}
    family = {model.class_name}
    for name in bases:
        ancestor: str | None = name
        while ancestor and ancestor not in family:
            ancestor = bases.get(ancestor) or None
        if ancestor:
            family.add(name)
    return family


def _named_subtype(api: Api, model: Model, sent: Any) -> Model:
    """The subtype a base model's discriminator value names in `sent` (at any depth), which
    `from_dict` returns; the model itself otherwise."""
    seen = set()
    while model.polymorphism and model.polymorphism.subtypes and isinstance(sent, dict):
        value = sent.get(model.polymorphism.discriminator)
        target = next((c.target for c in model.polymorphism.subtypes if c.value == value), None)
        if target is None or target in seen:
            break
        seen.add(target)
        model = models_by_name(api)[target]
    return model


_JSON_KINDS: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(),
    "number": st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: not f.is_integer()),
    "string": st.text(max_size=10),
    "array": st.lists(st.integers(), max_size=2),
    "object": st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
}

_ALLOWED: dict[TypeKind, set[str]] = {
    TypeKind.STRING: {"string"},
    TypeKind.INTEGER: {"integer"},
    TypeKind.NUMBER: {"integer", "number"},
    TypeKind.BOOLEAN: {"boolean"},
    TypeKind.DATETIME: {"string"},
    TypeKind.DATE: {"string"},
    TypeKind.ENUM: {"string", "integer"},
    TypeKind.MODEL: {"object"},
    TypeKind.ARRAY: {"array"},
    TypeKind.MAP: {"object"},
    TypeKind.BYTES: {"string"},
    TypeKind.BYTES_URL: {"string"},
    TypeKind.DURATION: {"string"},
    TypeKind.DURATION_SECONDS: {"integer", "number"},
    TypeKind.DURATION_MILLISECONDS: {"integer", "number"},
    TypeKind.UNIX_TIME: {"integer"},
    TypeKind.HTTP_DATE: {"string"},
    TypeKind.DECIMAL: {"integer", "number"},
}


def wrong_values(type_ref: TypeRef) -> st.SearchStrategy[Any] | None:
    """JSON values whose *type* the schema forbids for `type_ref` (None: every type is fine)."""
    if type_ref.kind is TypeKind.ANY or any(v.kind is TypeKind.ANY for v in type_ref.variants):
        return None
    if type_ref.kind is TypeKind.UNION:
        # Only values of a JSON type no variant takes: strings may be valid for some variant.
        allowed = set().union(*(_ALLOWED[v.kind] for v in type_ref.variants))
        if type_ref.nullable:
            allowed.add("null")
        choices = [strategy for name, strategy in _JSON_KINDS.items() if name not in allowed]
        return st.one_of(choices) if choices else None
    allowed = set(_ALLOWED[type_ref.kind])
    if type_ref.nullable:
        allowed.add("null")
    choices = [strategy for name, strategy in _JSON_KINDS.items() if name not in allowed]
    if type_ref.kind is TypeKind.DATETIME:
        choices.append(st.text(max_size=30).filter(lambda s: not _RFC3339.fullmatch(s)))
    if type_ref.kind is TypeKind.DATE:
        choices.append(
            st.text(max_size=12).filter(
                lambda s: not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s)
            )
        )
    if type_ref.kind is TypeKind.ARRAY and type_ref.item is not None:
        inner = wrong_values(type_ref.item)
        if inner is not None:
            choices.append(st.lists(inner, min_size=1, max_size=2))
    if type_ref.kind is TypeKind.MAP and type_ref.item is not None:
        inner = wrong_values(type_ref.item)
        if inner is not None:
            choices.append(st.dictionaries(st.text(max_size=3), inner, min_size=1, max_size=2))
    return st.one_of(choices)


def broken_values(
    model: Model, valid: st.SearchStrategy[dict[str, Any]]
) -> st.SearchStrategy[tuple[Any, str]]:
    """Values that break `model`'s schema, each with the error path it must be reported at:
    not an object at all, a required field dropped, or a field of the wrong JSON type."""
    wrong = {f.wire_name: s for f in model.fields if (s := wrong_values(f.type)) is not None}
    mutations: list[tuple[str, Any]] = [("replace", None)]
    mutations += [("drop", f) for f in model.fields if f.required]
    mutations += [("retype", f) for f in model.fields if f.wire_name in wrong]

    @st.composite
    def draw(data: st.DrawFn) -> tuple[Any, str]:
        action, field = data(st.sampled_from(mutations))
        if action == "replace":
            broken = data(st.one_of(st.none(), st.integers(), st.text(), st.lists(st.none())))
            return broken, model.class_name
        body = dict(data(valid))
        if action == "drop":
            body.pop(field.wire_name, None)
        else:
            body[field.wire_name] = data(wrong[field.wire_name])
        return body, model.class_name + field.path_segment

    return draw()
