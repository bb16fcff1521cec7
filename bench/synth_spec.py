"""A deterministic generator of realistic OpenAPI 3.0 descriptions, for the scaling benchmark.

`build(scale)` returns a spec with `5 * scale` resources. Each resource brings four schemas
(an object with nested inline objects, arrays, an enum reference, date-times, a map and an
optional reference to the previous resource; an item object; a string enum; a create body)
and two operations (a paginated list with query parameters, and an update with a path
parameter, a query parameter and a JSON body). So 1x is 10 operations and 20 schemas (plus a
shared error schema), 8x is 80 and 160. 1x is kept that small because our generator takes
about 3 s on it already (11 s at 25 resources per scale); pass `per_scale` for bigger units.
The same scale always gives the same document, byte for byte.

    python bench/synth_spec.py 2 > spec-2x.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

RESOURCES_PER_SCALE = 5
_NOUNS = ("widget", "invoice", "shipment", "account", "sensor", "ticket", "order", "device")
_STATUSES = ("draft", "active", "suspended", "archived", "deleted")


def _names(index: int) -> tuple[str, str]:
    """(PascalCase schema stem, path segment) of resource `index`, unique and stable."""
    noun = _NOUNS[index % len(_NOUNS)]
    return f"{noun.capitalize()}{index}", f"{noun}s{index}"


def _resource_schemas(index: int) -> dict[str, Any]:
    stem, _ = _names(index)
    ref = "#/components/schemas/"
    main: dict[str, Any] = {
        "type": "object",
        "description": f"A {stem} resource.",
        "required": ["id", "name", "status", "createdAt", "items"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "readOnly": True},
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "description": {"type": "string", "nullable": True},
            "status": {"$ref": f"{ref}{stem}Status"},
            "createdAt": {"type": "string", "format": "date-time"},
            "updatedAt": {"type": "string", "format": "date-time", "nullable": True},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 50},
            "score": {"type": "number", "format": "double", "minimum": 0},
            "priority": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 5},
            "owner": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "email": {"type": "string", "format": "email"},
                    "profile": {
                        "type": "object",
                        "properties": {
                            "displayName": {"type": "string"},
                            "locale": {"type": "string", "enum": ["en-US", "de-DE", "fr-FR"]},
                            "lastSeen": {"type": "string", "format": "date-time"},
                        },
                    },
                },
            },
            "items": {"type": "array", "items": {"$ref": f"{ref}{stem}Item"}},
            "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    if index > 0:
        main["properties"]["previous"] = {"$ref": f"{ref}{_names(index - 1)[0]}"}
    item = {
        "type": "object",
        "required": ["sku", "quantity"],
        "properties": {
            "sku": {"type": "string", "pattern": "^[A-Z0-9-]+$"},
            "quantity": {"type": "integer", "minimum": 0},
            "unitPrice": {"type": "number"},
            "addedAt": {"type": "string", "format": "date-time"},
            "attributes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["key", "value"],
                    "properties": {"key": {"type": "string"}, "value": {"type": "string"}},
                },
            },
        },
    }
    status = {"type": "string", "enum": list(_STATUSES), "description": f"State of a {stem}."}
    create = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "description": {"type": "string"},
            "status": {"$ref": f"{ref}{stem}Status"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "items": {"type": "array", "items": {"$ref": f"{ref}{stem}Item"}},
        },
    }
    return {stem: main, f"{stem}Item": item, f"{stem}Status": status, f"{stem}Create": create}


def _resource_paths(index: int) -> dict[str, Any]:
    stem, segment = _names(index)
    ref = f"#/components/schemas/{stem}"
    error = {"$ref": "#/components/responses/Error"}
    listing = {
        "get": {
            "operationId": f"list{stem}s",
            "summary": f"List {stem} resources",
            "tags": [stem],
            "parameters": [
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
                },
                {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                {"name": "status", "in": "query", "schema": {"$ref": f"{ref}Status"}},
                {
                    "name": "createdAfter",
                    "in": "query",
                    "schema": {"type": "string", "format": "date-time"},
                },
                {
                    "name": "tag",
                    "in": "query",
                    "style": "form",
                    "explode": True,
                    "schema": {"type": "array", "items": {"type": "string"}},
                },
            ],
            "responses": {
                "200": {
                    "description": "One page of results.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["data", "hasMore"],
                                "properties": {
                                    "data": {"type": "array", "items": {"$ref": ref}},
                                    "hasMore": {"type": "boolean"},
                                    "nextCursor": {"type": "string", "nullable": True},
                                },
                            }
                        }
                    },
                },
                "default": error,
            },
        }
    }
    update = {
        "put": {
            "operationId": f"update{stem}",
            "summary": f"Replace a {stem}",
            "tags": [stem],
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "format": "uuid"},
                },
                {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}},
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": f"{ref}Create"}}},
            },
            "responses": {
                "200": {
                    "description": "The updated resource.",
                    "content": {"application/json": {"schema": {"$ref": ref}}},
                },
                "404": {"description": "No such resource."},
                "default": error,
            },
        }
    }
    return {f"/{segment}": listing, f"/{segment}/{{id}}": update}


def build(scale: int, per_scale: int = RESOURCES_PER_SCALE) -> dict[str, Any]:
    """The synthetic spec at `scale` (1, 2, 4, 8...): `per_scale * scale` resources, each two
    operations and four schemas."""
    schemas: dict[str, Any] = {
        "Error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    }
    paths: dict[str, Any] = {}
    for index in range(per_scale * scale):
        schemas.update(_resource_schemas(index))
        paths.update(_resource_paths(index))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": f"Synthetic API x{scale}",
            "version": "1.0.0",
            "description": "Generated by bench/synth_spec.py for the scaling benchmark.",
        },
        "servers": [{"url": "https://api.example.com/v1"}],
        "security": [{"apiKey": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}},
            "responses": {
                "Error": {
                    "description": "An error.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
            "schemas": schemas,
        },
    }


def write(scale: int, path: Any) -> None:
    """Write the spec at `scale` to `path` as JSON (sorted keys: stable bytes)."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(build(scale), handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    json.dump(
        build(int(sys.argv[1]) if len(sys.argv) > 1 else 1), sys.stdout, indent=1, sort_keys=True
    )
