"""Inheritance by discriminator: which model derives from which, and what `from_dict` returns.

A schema with a `discriminator` that other schemas extend through `allOf` (`Shark: allOf:
[Fish]`) is a base: its subtypes become subclasses of its class (so a `GoblinShark` is a
`Fish` for the type checker), and its `from_dict` returns the subtype the body's discriminator
value names. Models are flattened already (a subtype declares every inherited field again);
this only links them, after every model is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from generator.diagnostics import join_pointer
from generator.ir.kinds import TypeKind
from generator.ir.nodes import DiscriminatorCase, Field, Model, Polymorphism
from generator.load.refs import RefError, resolve_ref
from generator.parse import schema_facts as facts

Warn = Callable[[str, str, str], None]


def link_subtypes(
    models: Mapping[str, Model],
    schemas: Mapping[str, Mapping[str, Any]],
    root: Any,
    warn: Warn,
) -> dict[str, Model]:
    """`models` (by pointer) with `polymorphism` set where a model has a base or subtypes."""
    bases = {p: b for p in models if (b := _base_of(p, models, schemas, root, warn))}
    result = dict(models)
    for pointer in _parents_first(bases):
        result[pointer] = _with_base_tags(result[pointer], result[bases[pointer]])
    cases = {
        pointer: _subtypes(pointer, tag, models, schemas, bases, root, warn)
        for pointer in models
        if (tag := _discriminator(schemas.get(pointer, {})))
    }
    for pointer, model in result.items():
        discriminator = _discriminator(schemas.get(pointer, {}))
        subtypes = cases.get(pointer, ())
        base = bases.get(pointer)
        if base or subtypes:
            result[pointer] = replace(
                model,
                polymorphism=Polymorphism(
                    pointer=pointer,
                    base=models[base].class_name if base else "",
                    discriminator=discriminator,
                    subtypes=subtypes,
                    defaults=_defaults(pointer, model, result, schemas, bases, cases),
                ),
            )
    return result


def _defaults(
    pointer: str,
    model: Model,
    models: Mapping[str, Model],
    schemas: Mapping[str, Mapping[str, Any]],
    bases: Mapping[str, str],
    cases: Mapping[str, tuple[DiscriminatorCase, ...]],
) -> tuple[tuple[str, str], ...]:
    """Each base's discriminator value that names this model or a base of it on the way."""
    chain = [pointer]
    while chain[-1] in bases and bases[chain[-1]] not in chain:
        chain.append(bases[chain[-1]])
    fields = {f.wire_name: f for f in model.fields}
    found: list[tuple[str, str]] = []
    for index, ancestor in enumerate(chain[1:], start=1):
        below = {models[p].class_name for p in chain[:index]}
        value = next((c.value for c in cases.get(ancestor, ()) if c.target in below), None)
        field = fields.get(_discriminator(schemas.get(ancestor, {})))
        if (
            value is not None
            and field is not None
            and field.required
            and field.type.kind in (TypeKind.STRING, TypeKind.ENUM)
            and not field.type.constraints.enum_values
        ):
            found.append((field.py_name, value))
    return tuple(found)


def base_first(models: tuple[Model, ...]) -> tuple[Model, ...]:
    """The models in the same order, except that each subtype comes after its base (a class
    statement needs its base defined)."""
    by_name = {m.class_name: m for m in models}
    ordered: dict[str, Model] = {}

    def place(model: Model) -> None:
        if model.class_name in ordered:
            return
        base = model.polymorphism.base if model.polymorphism else ""
        if base in by_name:
            place(by_name[base])
        ordered[model.class_name] = model

    for model in models:
        place(model)
    return tuple(ordered.values())


_discriminator = facts.discriminator_name


def _parents(pointer: str, schema: Mapping[str, Any], root: Any) -> list[str]:
    """The pointers of the schemas its `allOf` parts refer to."""
    found = []
    for part in schema.get("allOf") or ():
        if isinstance(part, Mapping) and isinstance(part.get("$ref"), str):
            try:
                found.append(resolve_ref(root, part["$ref"]).pointer)
            except RefError:
                continue  # reported where the properties are collected
    return found


def _base_of(
    pointer: str,
    models: Mapping[str, Model],
    schemas: Mapping[str, Mapping[str, Any]],
    root: Any,
    warn: Warn,
) -> str:
    """The first `allOf` parent that declares a discriminator, when the model can derive from
    it: not itself through a cycle, and every field of the base overridable by its own."""
    for parent in _parents(pointer, schemas.get(pointer, {}), root):
        if parent not in models or not _discriminator(schemas.get(parent, {})):
            continue
        if _derives(parent, pointer, schemas, root, set()):
            return ""
        tags = _chain_tags(parent, schemas, root, set())
        clash = _clash(models[parent], models[pointer], tags)
        if clash:
            warn(
                "subtype-not-subclass",
                pointer,
                f"{clash}, so {models[pointer].class_name} cannot be a subclass of "
                f"{models[parent].class_name}; {models[parent].class_name}.from_dict does not "
                "return it",
            )
            return ""
        return parent
    return ""


def _derives(pointer: str, ancestor: str, schemas: Mapping[str, Mapping[str, Any]],
             root: Any, seen: set[str]) -> bool:  # fmt: skip
    """`pointer` reaches `ancestor` through `allOf` references (a cycle, when reversed)."""
    if pointer == ancestor:
        return True
    seen.add(pointer)
    return any(
        _derives(parent, ancestor, schemas, root, seen)
        for parent in _parents(pointer, schemas.get(pointer, {}), root)
        if parent not in seen
    )


def _parents_first(bases: Mapping[str, str]) -> list[str]:
    """The subtypes, each after its own base when that is a subtype too."""
    ordered: dict[str, None] = {}

    def place(pointer: str) -> None:
        if pointer in bases and pointer not in ordered:
            place(bases[pointer])
            ordered[pointer] = None

    for pointer in sorted(bases):
        place(pointer)
    return list(ordered)


def _chain_tags(pointer: str, schemas: Mapping[str, Mapping[str, Any]], root: Any,
                seen: set[str]) -> set[str]:  # fmt: skip
    """The discriminator properties of a schema and of every schema it extends."""
    seen.add(pointer)
    tags = {_discriminator(schemas.get(pointer, {}))} - {""}
    for parent in _parents(pointer, schemas.get(pointer, {}), root):
        if parent not in seen:
            tags |= _chain_tags(parent, schemas, root, seen)
    return tags


def _with_base_tags(model: Model, base: Model) -> Model:
    """A subtype whose discriminator fields have the base's types where its own cannot
    override them (`kind: CobraKind` beside the base's `kind: SnakeKind`): its value is fixed
    by the dispatch anyway."""
    theirs = {f.wire_name: f for f in base.fields}
    fields = tuple(
        f
        if f.wire_name not in theirs
        or f.annotation == theirs[f.wire_name].annotation
        or _narrows(theirs[f.wire_name], f)
        else _as_base_field(theirs[f.wire_name], f.required)
        for f in model.fields
    )
    return model if fields == model.fields else replace(model, fields=fields)


def _as_base_field(field: Field, required: bool) -> Field:
    """The base's field, required when the subtype's was (a narrower type still)."""
    if not required or field.required:
        return field
    return replace(field, required=True, annotation=field.annotation.removesuffix(" | Unset"))


def _clash(base: Model, model: Model, tags: set[str]) -> str:
    """Why `model`'s fields cannot override `base`'s for the type checker; "" when they can:
    each base field is there under the same name, with the same annotation, a narrower one, or
    (a discriminator property, `tags`) any type, which then becomes the base's."""
    own = {f.wire_name: f for f in model.fields}
    for field in base.fields:
        mine = own.get(field.wire_name)
        if mine is None or mine.py_name != field.py_name:
            return f"it has no field {field.py_name!r}"
        if field.wire_name in tags:
            continue
        if mine.annotation != field.annotation and not _narrows(field, mine):
            return f"its field {field.py_name!r} is {mine.annotation}, not {field.annotation}"
    if (base.additional_py_name, base.additional and base.additional.annotation) != (
        model.additional_py_name,
        model.additional and model.additional.annotation,
    ):
        return "its undeclared keys are typed differently"
    return ""


def _narrows(base: Field, mine: Field) -> bool:
    """The subtype's field admits fewer values: required where the base's is optional (the
    base's discriminator), a string enum where the base has a string."""
    if (mine.required and not base.required) and base.annotation == mine.annotation + " | Unset":
        return True
    return (
        base.type.kind is TypeKind.STRING
        and mine.type.kind is TypeKind.ENUM
        and (base.type.nullable or not mine.type.nullable)
        and (mine.required or not base.required)
    )


def _subtypes(
    pointer: str,
    discriminator: str,
    models: Mapping[str, Model],
    schemas: Mapping[str, Mapping[str, Any]],
    bases: Mapping[str, str],
    root: Any,
    warn: Warn,
) -> tuple[DiscriminatorCase, ...]:
    """The explicit mapping's subclasses, then every direct subtype by its schema name."""
    cases: list[DiscriminatorCase] = []
    mapping = schemas[pointer]["discriminator"].get("mapping")
    for value, ref in mapping.items() if isinstance(mapping, Mapping) else ():
        where = join_pointer(pointer, "discriminator", "mapping", str(value))
        text = str(ref)
        try:
            target = resolve_ref(root, text if text.startswith("#") else
                                 "#/components/schemas/" + text).pointer  # fmt: skip
        except RefError:
            continue  # reported by the union or property that uses it
        if target == pointer:
            continue  # the base itself: decoded as the base
        if not _descends(target, pointer, bases):
            warn(
                "discriminator-mapping-ignored",
                where,
                f"{text} does not extend this schema through allOf, so it cannot be what "
                f"{models[pointer].class_name}.from_dict returns; the value decodes as the base",
            )
            continue
        cases.append(_case(str(value), models[target]))
    mapped = {c.target for c in cases}
    for child, base in bases.items():
        if base == pointer and models[child].class_name not in mapped and _is_component(child):
            name = child.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            if name not in {c.value for c in cases}:
                cases.append(_case(name, models[child]))
    return tuple(cases)


def _descends(pointer: str, ancestor: str, bases: Mapping[str, str]) -> bool:
    seen: set[str] = set()
    while pointer in bases and pointer not in seen:
        seen.add(pointer)
        pointer = bases[pointer]
        if pointer == ancestor:
            return True
    return False


def _is_component(pointer: str) -> bool:
    return pointer.startswith("/components/schemas/") and pointer.count("/") == 3


def _case(value: str, model: Model) -> DiscriminatorCase:
    return DiscriminatorCase(
        value=value,
        target=model.class_name,
        strategy=model.strategy_name,
        json_strategy=model.json_strategy_name,
    )
