"""Extensions the Spector run adds to compiled documents before generating their clients.

`@typespec/openapi3` writes nothing for TypeSpec's `@list`, `@pageItems` and `@nextLink`, so
a compiled list operation looks like any other and its scenario's next-page request has no
operation. The run adds `x-clientgen-pagination` (docs/pagination.md) to those operations, as
the TypeSpec source declares them, in a copy of the document that the client is generated
from; the driver then iterates the pager and checks every page (docs/conformance.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PAGING: dict[str, dict[str, dict[str, Any]]] = {
    "payload/pageable": {
        "ServerDrivenPagination_link": {
            "style": "next-link",
            "items": "pets",
            "next-link": "next",
        },
        "ServerDrivenPagination_linkString": {
            "style": "next-link",
            "items": "pets",
            "next-link": "next",
        },
        "ServerDrivenPagination_nestedLink": {
            "style": "next-link",
            "items": ["nestedItems", "pets"],
            "next-link": ["nestedNext", "next"],
        },
        "XmlPagination_listWithNextLink": {
            "style": "next-link",
            "items": "pets",
            "next-link": "nextLink",
        },
    },
}
"""{project: {operationId: the x-clientgen-pagination value}}, from the projects' main.tsp."""

EXTENSION = "x-clientgen-pagination"


class StaleOverlay(Exception):
    """An overlay names an operation the document does not have (the specs changed)."""


def overlaid(project: str, document: Path, destination: Path) -> Path:
    """`document`, or a copy at `destination` with the project's extensions added."""
    wanted = PAGING.get(project)
    if not wanted:
        return document
    spec = yaml.safe_load(document.read_text(encoding="utf-8"))
    found: set[str] = set()
    for item in (spec.get("paths") or {}).values():
        for operation in item.values() if isinstance(item, dict) else ():
            if isinstance(operation, dict) and operation.get("operationId") in wanted:
                operation[EXTENSION] = wanted[operation["operationId"]]
                found.add(operation["operationId"])
    missing = sorted(set(wanted) - found)
    if missing:
        raise StaleOverlay(
            f"{project}: {document.name} has no operation {', '.join(missing)}"
        )
    destination.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return destination
