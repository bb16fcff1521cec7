"""`$ref` resolution inside one document.

Only same-document references (`#/...`) resolve. Anything else (another file, a URL, `file://`)
is refused with a diagnostic naming the pointer that asked for it, so nothing outside the spec is
ever read and nothing is fetched over the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote


class RefError(Exception):
    """A `$ref` that cannot be followed; `reason` says why."""

    def __init__(self, ref: str, reason: str) -> None:
        self.ref = ref
        self.reason = reason
        super().__init__(f"cannot resolve $ref {ref!r}: {reason}")


def unescape_token(token: str) -> str:
    if "~" not in token:  # the usual token, some hundred thousand of them in a big spec
        return token
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True, slots=True)
class Resolved:
    pointer: str
    value: Any


def resolve_pointer(root: Any, pointer: str) -> Any:
    """Follow an RFC 6901 pointer (`/a/b/0`) from `root`; raise KeyError when it leads nowhere."""
    node = root
    if pointer == "":
        return node
    for raw in pointer.split("/")[1:]:
        token = unescape_token(raw)
        if isinstance(node, Mapping):
            if token not in node:
                raise KeyError(pointer)
            node = node[token]
        elif isinstance(node, list):
            if not token.isdecimal() or int(token) >= len(node):
                raise KeyError(pointer)
            node = node[int(token)]
        else:
            raise KeyError(pointer)
    return node


def resolve_ref(root: Any, ref: object) -> Resolved:
    """Resolve a `$ref` value against the document `root`, following chains of refs."""
    seen: list[str] = []
    current: object = ref
    while True:
        if not isinstance(current, str):
            raise RefError(repr(current), "$ref must be a string")
        if not current.startswith("#"):
            raise RefError(
                current,
                "only references inside this document (starting with '#/') are supported",
            )
        pointer = unquote(current[1:]) if "%" in current else current[1:]
        if pointer and not pointer.startswith("/"):
            raise RefError(current, "the fragment must be a JSON pointer starting with '/'")
        if pointer in seen:
            raise RefError(current, "the reference chain loops: " + " -> ".join(seen + [pointer]))
        seen.append(pointer)
        try:
            value = resolve_pointer(root, pointer)
        except KeyError:
            raise RefError(current, "nothing exists at that location") from None
        if isinstance(value, Mapping) and "$ref" in value:
            current = value["$ref"]
            continue
        return Resolved(pointer, value)
