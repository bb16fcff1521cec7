"""The media types that become request headers: `Accept` (what the success responses send)
and `Content-Type` (the request body's). They are spec text sent verbatim in a header, so a
media type that is not one (`application/json\r\nX-Injected: 1`, `json`) is refused at
generation, where its location is known, not when the first request fails."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from generator.diagnostics import Diagnostic, error, join_pointer, warning
from generator.ir.nodes import Operation, Response

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_QUOTED = r'"(?:[\t !#-\[\]-~]|\\[\t -~])*"'
MEDIA_TYPE = re.compile(
    rf"{_TOKEN}/{_TOKEN}(?:[ \t]*;[ \t]*{_TOKEN}=(?:{_TOKEN}|{_QUOTED}))*[ \t]*"
)
"""RFC 9110's media-type (a wildcard `*` is a token character, so `image/*` passes)."""


def accept_header(responses: tuple[Response, ...]) -> str:
    """What the client accepts: the success responses' media types, JSON when none is given."""
    types: list[str] = []
    for response in responses:
        if response.is_success and response.media_type and response.media_type not in types:
            types.append(response.media_type)
    return ", ".join(types) or "application/json"


_SENDABLE = re.compile(r"[\t\x20-\x7e]*")
"""What a header value may hold: visible ASCII, spaces and tabs; no CR, LF or NUL."""


def media_type_diagnostics(operations: Iterable[Operation]) -> list[Diagnostic]:
    """For each media type a request would send in a header: an error when it cannot be a
    header value at all, a warning when it can but is not a media type. Real specs use
    such types on purpose (openapi-python-client's own tests send `openapi/python/client`),
    and the client sends them as written."""
    found: list[Diagnostic] = []
    for operation in operations:
        for media_type, pointer, header in _header_media_types(operation):
            if MEDIA_TYPE.fullmatch(media_type):
                continue
            if _SENDABLE.fullmatch(media_type):
                found.append(_malformed(media_type, pointer, header))
            else:
                found.append(_invalid(media_type, pointer, header))
    return found


def _malformed(media_type: str, pointer: str, header: str) -> Diagnostic:
    return warning(
        "media-type-malformed",
        pointer,
        f"media type {json.dumps(media_type, ensure_ascii=False)} is not of the form"
        f" type/subtype; the request's {header} header sends it as written",
        hint="write it as type/subtype, e.g. application/json or text/plain; charset=utf-8",
    )


def _header_media_types(operation: Operation) -> Iterator[tuple[str, str, str]]:
    """(media type, its pointer, the header it goes in) for one operation."""
    if operation.body is not None:
        media_type = operation.body.media_type
        pointer = join_pointer(operation.body.pointer, "content", media_type)
        yield media_type, pointer, "Content-Type"
    for response in operation.success_responses:
        if response.media_type:
            pointer = join_pointer(response.pointer, "content", response.media_type)
            yield response.media_type, pointer, "Accept"


def _invalid(media_type: str, pointer: str, header: str) -> Diagnostic:
    return error(
        "media-type-invalid",
        pointer,
        f"media type {json.dumps(media_type, ensure_ascii=False)} is not a valid media type"
        f" and holds characters no header may carry (line breaks, NUL, other controls or"
        f" non-ASCII), so it cannot be sent as the request's {header} header",
        hint="write it as type/subtype, e.g. application/json or text/plain; charset=utf-8",
    )
