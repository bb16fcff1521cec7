"""How the parser reads a parameter's serialization: style, explode and reserved expansion."""

from __future__ import annotations

from typing import Any

from generator.parse.api_parser import parse

STRING = {"type": "string"}


def _parameters(parameters: list[dict[str, Any]], path: str) -> list[tuple[Any, ...]]:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {path: {"get": {"parameters": parameters,
                                 "responses": {"204": {"description": "done"}}}}},
    }  # fmt: skip
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None and not diagnostics, [d.format() for d in diagnostics]
    return [(p.name, p.style, p.explode, p.allow_reserved) for p in api.operations[0].parameters]


def test_path_styles_and_their_explode_defaults() -> None:
    params = [
        {"name": "a", "in": "path", "required": True, "style": "label", "schema": STRING},
        {"name": "b", "in": "path", "required": True, "style": "matrix", "explode": True,
         "schema": STRING},
        {"name": "c", "in": "path", "required": True, "schema": STRING},
        {"name": "h", "in": "header", "explode": True, "schema": STRING},
    ]  # fmt: skip
    assert _parameters(params, "/x{a}/y{b}/{c}") == [
        ("a", "label", False, False),
        ("b", "matrix", True, False),
        ("c", "simple", False, False),
        ("h", "simple", True, False),
    ]


def test_reserved_expansion_is_for_path_parameters_that_ask_for_it() -> None:
    params = [
        {"name": "a", "in": "path", "required": True, "allowReserved": True, "schema": STRING},
        {"name": "b", "in": "path", "required": True, "x-ms-skip-url-encoding": True,
         "schema": STRING},
        # in a query the value is form data, escaped by httpx whatever the spec says
        {"name": "q", "in": "query", "allowReserved": True, "schema": STRING},
    ]  # fmt: skip
    assert _parameters(params, "/{a}/{b}") == [
        ("a", "simple", False, True),
        ("b", "simple", False, True),
        ("q", "form", True, False),
    ]
