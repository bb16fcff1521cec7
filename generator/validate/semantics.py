"""Checks of an OpenAPI document that its JSON Schema cannot express: unique operationIds, path
templates against their `in: path` parameters, and local `$ref`s that lead somewhere.

Kept apart from spec_validator (which imports openapi-spec-validator, a quarter of a second) so
that the quick validation of a valid document (`quick`) needs none of that library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from generator.diagnostics import Diagnostic, error, join_pointer, split_pointer, warning

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_TEMPLATE = re.compile(r"\{([^{}/]+)\}")
# Values under these keys are literal JSON, not OpenAPI objects, so `$ref` there is just data.
_LITERAL_KEYS = frozenset(("example", "examples", "default", "enum", "const", "value"))


def semantic_problems(data: Any) -> list[Diagnostic]:
    """Unique operationIds, path templates vs `in: path` parameters, and dangling local $refs.

    Positions are not filled in; `validate` does that.
    """
    if not isinstance(data, dict):
        return []
    return [*_operation_problems(data), *_dangling_refs(data)]


def _operation_problems(data: dict[str, Any]) -> Iterator[Diagnostic]:
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    first_use: dict[str, str] = {}
    for template, raw_item in paths.items():
        item_pointer = join_pointer("/paths", template)
        item = follow(data, raw_item)
        if not isinstance(item, dict):
            continue
        in_template = _TEMPLATE.findall(str(template))
        shared = _path_parameters(data, item.get("parameters"), f"{item_pointer}/parameters")
        if shared is not None:
            for name, pointer in shared.items():
                if name not in in_template:
                    yield _unused(name, template, pointer)
        operations = [
            (method, op)
            for method, op in item.items()
            if method in _METHODS and isinstance(op, dict)
        ]
        missing: dict[str, list[tuple[str, str]]] = {}
        for method, operation in operations:
            op_pointer = join_pointer(item_pointer, method)
            operation_id = operation.get("operationId")
            if isinstance(operation_id, str):
                if operation_id in first_use:
                    yield error(
                        "validate.duplicate-operation-id",
                        f"{op_pointer}/operationId",
                        f"operationId {operation_id!r} is already used by {first_use[operation_id]};"
                        " operationIds must be unique",
                    )
                else:
                    first_use[operation_id] = f"{method.upper()} {template}"
            own = _path_parameters(data, operation.get("parameters"), f"{op_pointer}/parameters")
            if own is None or shared is None:
                continue  # a parameter we cannot see may be the one
            for name, pointer in own.items():
                if name not in in_template:
                    yield _unused(name, template, pointer)
            for name in in_template:
                if name not in own and name not in shared:
                    missing.setdefault(name, []).append((method, op_pointer))
        for name, where in missing.items():
            if len(where) == len(operations) > 1:
                yield _undeclared(name, template, item_pointer, None)
            else:
                for method, op_pointer in where:
                    yield _undeclared(name, template, op_pointer, method)


def _undeclared(name: str, template: str, pointer: str, method: str | None) -> Diagnostic:
    # A warning, not an error: one wrong operation should not cost the whole API its client
    # (the parser leaves such operations out); --strict makes it an error again.
    if method:
        message = (
            f"{method.upper()} {template} does not declare the path parameter {{{name}}};"
            " the operation is left out of the client"
        )
    else:
        message = (
            f"{template}: no operation declares the path parameter {{{name}}};"
            " its operations are left out of the client"
        )
    return warning(
        "validate.path-param-undeclared",
        pointer,
        message,
        hint=f"add a parameter with `name: {name}`, `in: path`, `required: true`",
    )


def _unused(name: str, template: str, pointer: str) -> Diagnostic:
    return error(
        "validate.path-param-unused",
        pointer,
        f"path parameter {name!r} is declared, but the path {template} has no {{{name}}}",
    )


def _path_parameters(data: Any, raw: Any, pointer: str) -> dict[str, str] | None:
    """`in: path` parameter names -> their pointers; None if some parameter cannot be seen."""
    found: dict[str, str] = {}
    if raw is None:
        return found
    if not isinstance(raw, list):
        return None  # the schema check reports it
    for index, entry in enumerate(raw):
        parameter = follow(data, entry)
        if not isinstance(parameter, dict):
            return None
        name = parameter.get("name")
        if parameter.get("in") == "path" and isinstance(name, str):
            found.setdefault(name, f"{pointer}/{index}")
    return found


def follow(data: Any, node: Any) -> Any:
    """`node`, or what its local `$ref` chain leads to; None for external or broken refs."""
    for _ in range(32):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#"):
            return None
        target = resolve_local(data, ref)
        if target is None:
            return None
        node = target[1]
    return None


def iter_refs(data: Any, *, everywhere: bool = False) -> Iterator[tuple[str, str]]:
    """(pointer, ref) of each `$ref`, in document order; `everywhere` includes those inside
    literal values and extensions, which the library still follows in some places."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield f"{pointer}/$ref", ref
            stack.extend(
                (value, join_pointer(pointer, key))
                for key, value in reversed(node.items())
                if everywhere or (key not in _LITERAL_KEYS and not str(key).startswith("x-"))
            )
        elif isinstance(node, list):
            stack.extend((v, join_pointer(pointer, i)) for i, v in reversed(list(enumerate(node))))


def _dangling_refs(data: Any) -> Iterator[Diagnostic]:
    for pointer, ref in iter_refs(data):
        if ref.startswith("#") and resolve_local(data, ref) is None:
            yield error(
                "validate.unresolved-ref",
                pointer,
                f"$ref {ref!r} points to nothing in this document",
            )


def resolve_local(data: Any, ref: str) -> tuple[list[str], Any] | None:
    try:
        tokens = split_pointer(unquote(ref[1:]))
    except ValueError:
        return None
    node = data
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdecimal() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return tokens, node


__all__ = ["follow", "iter_refs", "resolve_local", "semantic_problems"]
