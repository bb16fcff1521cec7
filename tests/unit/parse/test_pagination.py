"""Which operations are paged and how (generator/parse/pagination.py): the IR's `Paging`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.build.pipeline import analyse
from generator.ir.nodes import Api, Operation
from generator.parse.api_parser import parse

WIDGET = {"type": "object", "properties": {"id": {"type": "string"}}}


def _spec(
    operation: dict[str, Any], page: dict[str, Any], version: str = "3.1.0"
) -> dict[str, Any]:
    operation = {
        "operationId": "listWidgets",
        "responses": {
            "200": {
                "description": "a page",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/Page"}
                    }
                },
            }
        },
        **operation,
    }
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {"/widgets": {"get": operation}},
        "components": {"schemas": {"Widget": WIDGET, "Page": page}},
    }


def _page(**properties: Any) -> dict[str, Any]:
    items = {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}}
    return {"type": "object", "properties": {"value": items, **properties}}


def _operation(spec: dict[str, Any]) -> tuple[Operation, list[tuple[str, str]]]:
    api, diagnostics = parse(spec, package_name="t")
    assert isinstance(api, Api), [d.format() for d in diagnostics]
    return api.operations[0], [(d.code, d.pointer) for d in diagnostics]


def test_azure_pageable_is_a_next_link_in_the_body() -> None:
    spec = _spec(
        {"x-ms-pageable": {"nextLinkName": "nextLink"}},
        _page(nextLink={"type": "string"}),
    )
    operation, diagnostics = _operation(spec)
    paging = operation.paging
    assert diagnostics == []
    assert paging is not None
    assert (paging.style, paging.items, paging.next_link) == (
        "next-link",
        ("value",),
        ("next_link",),
    )
    assert paging.item_annotation == "Widget"
    assert paging.pointer == "/paths/~1widgets/get/x-ms-pageable"


def test_azure_pageable_without_a_next_link_is_one_page() -> None:
    spec = _spec(
        {"x-ms-pageable": {"nextLinkName": None, "itemName": "value"}}, _page()
    )
    operation, _ = _operation(spec)
    assert operation.paging is not None and operation.paging.style == "single"


def test_a_mistaken_azure_pageable_warns_and_leaves_the_operation_ordinary() -> None:
    spec = _spec({"x-ms-pageable": {"nextLinkName": "next"}}, _page())
    operation, diagnostics = _operation(spec)
    assert operation.paging is None
    assert diagnostics == [
        ("pagination.ignored", "/paths/~1widgets/get/x-ms-pageable/nextLinkName")
    ]


def test_cursor_defaults_find_has_more_and_limit() -> None:
    parameters = [
        {"name": "starting_after", "in": "query", "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
    ]
    page = {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
            "has_more": {"type": "boolean"},
        },
    }
    spec = _spec(
        {"parameters": parameters, "x-clientgen-pagination": {"style": "cursor"}}, page
    )
    paging = _operation(spec)[0].paging
    assert paging is not None
    assert (paging.parameter, paging.parameter_in, paging.cursor_field) == (
        "starting_after",
        "query",
        ("id",),
    )
    assert (paging.has_more, paging.limit, paging.items) == (
        ("has_more",),
        "limit",
        ("data",),
    )


def test_a_long_running_operation_is_not_paged() -> None:
    spec = _spec(
        {
            "x-ms-pageable": {"nextLinkName": "nextLink"},
            "x-ms-long-running-operation": True,
        },
        _page(nextLink={"type": "string"}),
    )
    operation, diagnostics = _operation(spec)
    assert operation.paging is None and operation.long_running is not None
    assert ("pagination.ignored", "/paths/~1widgets/get/x-ms-pageable") in diagnostics


def test_swagger2_pageable(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "host": "widgets.example",
        "paths": {
            "/widgets": {
                "get": {
                    "operationId": "Widgets_List",
                    "produces": ["application/json"],
                    "x-ms-pageable": {"nextLinkName": "nextLink"},
                    "responses": {
                        "200": {
                            "description": "a page",
                            "schema": {"$ref": "#/definitions/Page"},
                        }
                    },
                }
            }
        },
        "definitions": {
            "Widget": WIDGET,
            "Page": {
                "type": "object",
                "properties": {
                    "value": {
                        "type": "array",
                        "items": {"$ref": "#/definitions/Widget"},
                    },
                    "nextLink": {"type": "string"},
                },
            },
        },
    }
    path = tmp_path / "swagger.yaml"
    path.write_text(yaml.safe_dump(spec))
    api, diagnostics = analyse(path, package="t")
    assert api is not None, [d.format() for d in diagnostics]
    paging = api.operations[0].paging
    assert paging is not None
    assert (paging.style, paging.next_link, paging.item_annotation) == (
        "next-link",
        ("next_link",),
        "Widget",
    )
