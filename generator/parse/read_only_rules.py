"""readOnly properties are the server's to set: request bodies leave them out.

`to_dict` stays lossless (responses round-trip with their readOnly fields), so the client strips
them from the JSON it is about to send, following rules computed here: for each model a request
body can contain, its readOnly wire names and the nested models (directly, in lists, in maps)
that have readOnly properties at some depth. Models with nothing to strip get no rule, and a
body whose models have none is sent as `to_dict` writes it. Union-typed values are sent whole:
which variant a JSON value is cannot be known without decoding it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from generator.ir.nodes import Model, Operation, ReadOnlyRoot, ReadOnlyRule, TypeKind, TypeRef


def root_of(type_ref: TypeRef) -> tuple[str, str] | None:
    """(shape, model) when `type_ref` is a model, or a list or map of models."""
    if type_ref.kind is TypeKind.MODEL and type_ref.target:
        return "one", type_ref.target
    item = type_ref.item
    if item is not None and item.kind is TypeKind.MODEL and item.target:
        return ("list" if type_ref.kind is TypeKind.ARRAY else "map"), item.target
    return None


def with_read_only(
    operations: tuple[Operation, ...], models: Mapping[str, Model]
) -> tuple[tuple[Operation, ...], tuple[ReadOnlyRule, ...]]:
    """Mark the bodies (and spread fields) that carry readOnly data; the rules they need."""
    strips = _models_with_read_only(models)
    used: set[str] = set()
    result = []
    for operation in operations:
        body = operation.body
        if body is None:
            result.append(operation)
            continue
        if body.spread:
            fields = tuple(
                replace(f, read_only=_root(f.type, strips, used)) for f in body.fields
            )
            body = replace(body, fields=fields)
        elif body.type is not None:
            body = replace(body, read_only=_root(body.type, strips, used))
        result.append(replace(operation, body=body))
    return tuple(result), _rules(sorted(used), models, strips)


def _root(type_ref: TypeRef, strips: set[str], used: set[str]) -> ReadOnlyRoot | None:
    found = root_of(type_ref)
    if found is None or found[1] not in strips:
        return None
    used.add(found[1])
    return ReadOnlyRoot(shape=found[0], model=found[1])


def _models_with_read_only(models: Mapping[str, Model]) -> set[str]:
    """Models with a readOnly property at any depth (a fixed point, so cycles terminate)."""
    found = {name for name, m in models.items() if any(f.read_only for f in m.fields)}
    changed = True
    while changed:
        changed = False
        for name, model in models.items():
            if name in found:
                continue
            for field in model.fields:
                nested = root_of(field.type)
                if nested is not None and nested[1] in found:
                    found.add(name)
                    changed = True
                    break
    return found


def _rules(
    roots: list[str], models: Mapping[str, Model], strips: set[str]
) -> tuple[ReadOnlyRule, ...]:
    rules: dict[str, ReadOnlyRule] = {}
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in rules or name not in models:
            continue
        nested = []
        for field in models[name].fields:
            inner = root_of(field.type)
            if not field.read_only and inner is not None and inner[1] in strips:
                nested.append((field.wire_name, inner[0], inner[1]))
                pending.append(inner[1])
        rules[name] = ReadOnlyRule(
            model=name,
            omit=tuple(f.wire_name for f in models[name].fields if f.read_only),
            nested=tuple(nested),
        )
    return tuple(rules[name] for name in sorted(rules))
