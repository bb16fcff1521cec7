"""JSON merge-patch bodies (RFC 7386, `application/merge-patch+json`): in a patch, `null` means
"remove this property", so every optional property of the body, and of every object inside it,
must take `null` even where the schema does not allow it (TypeSpec's `ResourcePatch` models do
not say so; Spector sends `{"description": null, "map": {"key2": null}}`).

The parser learns it from the document itself: `with_patch_nulls` returns a copy in which the
optional properties (and the `additionalProperties` / `unevaluatedProperties` values) of every
schema a merge-patch body reaches are `nullable: true`, so the models get `T | None | Unset`
fields and `None` is written as `null`. A schema shared with other bodies or responses (an
`InnerModel` both a resource and its patch hold) becomes nullable there too: reading a `null`
the schema did not allow is harmless, refusing one a patch must send is not. Required
properties stay as they are. Pointers do not change: only `nullable` keys are added.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from generator.load.refs import RefError, resolve_ref

MERGE_PATCH = "application/merge-patch+json"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_EXTRA_KEYS = ("additionalProperties", "unevaluatedProperties")
_MAX_SCHEMAS = 100_000
"""A bound on the walk (each schema is visited once; aliases cannot make it loop)."""


def is_merge_patch(media_type: str) -> bool:
    return media_type.split(";", 1)[0].strip().lower() == MERGE_PATCH


def with_patch_nulls(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """`data`, or a copy whose merge-patch body schemas take `null` in every optional
    property (see the module's docstring); `data` itself when no body is a merge patch."""
    if not any(True for _ in _patch_schemas(data)):
        return data
    patched: dict[str, Any] = copy.deepcopy(dict(data))
    seen: set[int] = set()
    for schema in list(_patch_schemas(patched)):
        _mark(patched, schema, seen)
    return patched


def _patch_schemas(root: Mapping[str, Any]) -> Iterator[Any]:
    paths = root.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path_item in paths.values():
        if not isinstance(path_item, Mapping):
            continue
        for method in _METHODS:
            operation = path_item.get(method)
            body = operation.get("requestBody") if isinstance(operation, Mapping) else None
            body = _resolved(root, body)
            content = body.get("content") if isinstance(body, Mapping) else None
            if not isinstance(content, Mapping):
                continue
            for media_type, media in content.items():
                patch = isinstance(media_type, str) and is_merge_patch(media_type)
                if patch and isinstance(media, Mapping) and isinstance(media.get("schema"), Mapping):
                    yield media["schema"]


def _resolved(root: Mapping[str, Any], node: Any) -> Any:
    if isinstance(node, Mapping) and "$ref" in node:
        try:
            return resolve_ref(root, node["$ref"]).value
        except RefError:
            return None
    return node


def _mark(root: Mapping[str, Any], schema: Any, seen: set[int]) -> None:
    pending = [schema]
    while pending and len(seen) < _MAX_SCHEMAS:
        node = pending.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        if "$ref" in node:
            pending.append(_resolved(root, node))
        required = node.get("required")
        required_names = set(required) if isinstance(required, list) else set()
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, prop in properties.items():
                if isinstance(prop, dict):
                    if name not in required_names:
                        prop["nullable"] = True
                    pending.append(prop)
        for key in _EXTRA_KEYS:
            extra = node.get(key)
            if isinstance(extra, dict) and extra:
                extra["nullable"] = True
                pending.append(extra)
        items = node.get("items")
        if isinstance(items, dict):
            pending.append(items)
        for key in ("allOf", "anyOf", "oneOf"):
            parts = node.get(key)
            if isinstance(parts, list):
                pending.extend(parts)
