"""What an operation's responses add up to: the headers its success responses declare, the
annotation its method returns, and where each error response carries the service's error code
and message. Pure functions of the parsed responses and models.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from generator import naming
from generator.ir.nodes import Header, Model, Operation, Response


def success_headers(responses: tuple[Response, ...]) -> tuple[Header, ...]:
    """Every header the success responses declare, once (the first declaration of a name)."""
    seen: dict[str, Header] = {}
    # One class holds them all, so their names are claimed again in one scope (ETag on 200
    # and E-Tag on 201 are different headers with the same Python name).
    scope = naming.NameScope(naming.RESERVED_HEADER_NAMES)
    for response in responses:
        if response.is_success:
            for header in response.headers:
                if header.name.lower() not in seen:
                    py_name = scope.claim(naming.parameter_name(header.name))
                    seen[header.name.lower()] = replace(header, py_name=py_name)
    return tuple(seen.values())


def return_annotation(responses: tuple[Response, ...]) -> str:
    """The union of what the success responses return; `None` for one without a body."""
    annotations: list[str] = []
    for response in responses:
        if not response.is_success:
            continue
        if response.body_kind == "text":
            text = "str"
        elif response.body_kind == "bytes":
            text = "bytes"
        elif response.headers_class is not None:
            text = response.headers_class
        elif response.type is None:
            text = "None"
        else:
            text = response.type.annotation + (" | None" if response.type.nullable else "")
        for part in _top_level_union(text) + (["bytes"] if response.bytes_media_types else []):
            if part not in annotations:
                annotations.append(part)
    if not annotations:
        return "None"
    if "None" in annotations:
        annotations = [a for a in annotations if a != "None"] + ["None"]
    return " | ".join(annotations)


def _top_level_union(annotation: str) -> list[str]:
    """The members of `A | list[B | C] | None` that are not inside brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(annotation[start:index].strip())
            start = index + 1
    parts.append(annotation[start:].strip())
    return parts


_ERROR_CODE_HEADER = re.compile(r"(^|[-_])error[-_]?code$", re.IGNORECASE)


def with_error_locations(
    operations: tuple[Operation, ...], models: Mapping[str, Model]
) -> tuple[Operation, ...]:
    """Find, in each error response, where the service puts its error code and message.

    The convention is read from the spec, not assumed: a declared header named like
    `x-ms-error-code`, and string properties named `code` and `message` either at the top of
    the error body or one object down (`{"error": {"code", "message"}}`).
    """
    result = []
    # A big spec shares a few error models among thousands of responses: each is read once.
    paths: dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for operation in operations:
        responses = []
        for response in operation.responses:
            if response.is_success:
                responses.append(response)
                continue
            header = next(
                (h.name for h in response.headers if _ERROR_CODE_HEADER.search(h.name)), None
            )
            target = response.type.target if response.type is not None else None
            if target not in paths:
                model = models.get(target) if target is not None else None
                paths[target] = (
                    _string_field_path(model, models, ("code", "errorcode")),
                    _string_field_path(model, models, ("message",)),
                )
            code_path, message_path = paths[target]
            responses.append(
                replace(
                    response,
                    error_code_header=header,
                    error_code_path=code_path,
                    error_message_path=message_path,
                )
            )
        result.append(replace(operation, responses=tuple(responses)))
    return tuple(result)


def _string_field_path(
    model: Model | None, models: Mapping[str, Model], names: tuple[str, ...]
) -> tuple[str, ...]:
    if model is None:
        return ()
    for field in model.fields:
        if field.wire_name.lower() in names and field.type.kind.value in ("string", "enum"):
            return (field.wire_name,)
    for field in model.fields:
        inner = models.get(field.type.target or "")
        if field.type.kind.value == "model" and inner is not None:
            for inner_field in inner.fields:
                if inner_field.wire_name.lower() in names and inner_field.type.kind.value in (
                    "string",
                    "enum",
                ):
                    return (field.wire_name, inner_field.wire_name)
    return ()
