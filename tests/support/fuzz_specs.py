"""Hypothesis strategies for random OpenAPI 3.0 documents built from what the IR supports.

`openapi_documents()` draws a whole document: named schemas (objects, arrays, maps, enums,
unions, allOf, formats, nullable, readOnly, recursion through $ref), operations with path,
query, header and cookie parameters, JSON / form / multipart / binary / text bodies, typed
responses and response headers, security schemes and servers. Names and descriptions are drawn
from all of Unicode, so the documents also probe naming and escaping.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Any text a spec may hold: every code point except surrogates (which UTF-8 cannot carry).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=16)
# Names a person might write, with the odd hostile one mixed in.
ordinary_name = st.from_regex(r"[A-Za-z][A-Za-z0-9_\- .]{0,11}", fullmatch=True)
names = st.one_of(ordinary_name, ordinary_name, any_text.filter(bool))
component_names = st.from_regex(r"[A-Za-z0-9._\-]{1,12}", fullmatch=True)
identifier = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,9}", fullmatch=True)
segment = st.from_regex(r"[a-z0-9][a-z0-9\-]{0,7}", fullmatch=True)
descriptions = st.one_of(st.none(), any_text, st.sampled_from(['"""', "\\", "\r\n", "{{ x }}"]))

FORMATS = ("date-time", "date", "byte", "binary", "uuid", "email", "uri", "int64", "float")


def _described(schema: dict[str, Any], description: str | None) -> dict[str, Any]:
    return {**schema, "description": description} if description is not None else schema


@st.composite
def _leaf(draw: st.DrawFn, refs: tuple[str, ...]) -> dict[str, Any]:
    options = ["string", "format", "integer", "number", "boolean", "enum", "int-enum", "any"]
    if refs:
        options += ["ref", "ref"]
    kind = draw(st.sampled_from(options))
    schema: dict[str, Any]
    if kind == "string":
        schema = {"type": "string"}
        if draw(st.booleans()):
            schema["maxLength"] = draw(st.integers(1, 50))
        if draw(st.booleans()):
            schema["pattern"] = draw(st.sampled_from(["^[a-z]+$", "\\d{3}", "^.*$", "[A-Z]"]))
    elif kind == "format":
        fmt = draw(st.sampled_from(FORMATS))
        base = {"int64": "integer", "float": "number"}.get(fmt, "string")
        schema = {"type": base, "format": fmt}
    elif kind == "integer":
        schema = {"type": "integer"}
        if draw(st.booleans()):
            schema["minimum"] = draw(st.integers(-5, 5))
    elif kind == "number":
        schema = {"type": "number"}
    elif kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "enum":
        values = draw(st.lists(names, min_size=1, max_size=4, unique=True))
        schema = {"type": "string", "enum": values}
    elif kind == "int-enum":
        values = draw(st.lists(st.integers(-3, 300), min_size=1, max_size=4, unique=True))
        schema = {"type": "integer", "enum": values}
    elif kind == "ref":
        return {"$ref": "#/components/schemas/" + draw(st.sampled_from(refs))}
    else:
        schema = {}
    if kind != "any" and draw(st.integers(0, 4)) == 0:
        schema["nullable"] = True
    return _described(schema, draw(descriptions))


@st.composite
def _object(draw: st.DrawFn, inner: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    properties = draw(st.dictionaries(names, inner, max_size=5))
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if properties:
        required = draw(st.lists(st.sampled_from(sorted(properties)), unique=True, max_size=3))
        if required:
            schema["required"] = required
        read_only = draw(st.lists(st.sampled_from(sorted(properties)), unique=True, max_size=1))
        for name in read_only:
            if "$ref" not in properties[name]:
                properties[name] = {**properties[name], "readOnly": True}
    extra = draw(st.sampled_from(["absent", "false", "typed"]))
    if extra == "false":
        schema["additionalProperties"] = False
    elif extra == "typed":
        schema["additionalProperties"] = draw(inner)
    if draw(st.booleans()):
        schema["title"] = draw(any_text)
    return _described(schema, draw(descriptions))


def schemas(refs: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    def extend(inner: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
        return st.one_of(
            inner.map(lambda items: {"type": "array", "items": items}),
            inner.map(lambda value: {"type": "object", "additionalProperties": value}),
            _object(inner),
            _object(inner),
            st.lists(inner, min_size=2, max_size=3).map(lambda options: {"oneOf": options}),
            st.lists(inner, min_size=2, max_size=3).map(lambda options: {"anyOf": options}),
            st.tuples(_object(inner), _object(inner)).map(lambda parts: {"allOf": list(parts)}),
        )

    return st.recursive(_leaf(refs), extend, max_leaves=6)


@st.composite
def _path_parameter(draw: st.DrawFn, name: str) -> dict[str, Any]:
    parameter = {"name": name, "in": "path", "required": True, "schema": draw(_leaf(()))}
    if draw(st.integers(0, 3)) == 0:
        parameter["style"] = draw(st.sampled_from(["simple", "label", "matrix"]))
        parameter["explode"] = draw(st.booleans())
    return parameter


@st.composite
def _parameter(draw: st.DrawFn, location: str, refs: tuple[str, ...]) -> dict[str, Any]:
    schema = draw(
        st.one_of(
            _leaf(()),
            _leaf(()).map(lambda items: {"type": "array", "items": items}),
        )
    )
    parameter: dict[str, Any] = {"name": draw(names), "in": location, "schema": schema}
    if draw(st.booleans()):
        parameter["required"] = True
    if location == "query" and draw(st.integers(0, 3)) == 0:
        parameter["style"] = draw(st.sampled_from(["form", "spaceDelimited", "pipeDelimited"]))
        parameter["explode"] = draw(st.booleans())
    description = draw(descriptions)
    if description is not None:
        parameter["description"] = description
    return parameter


@st.composite
def _request_body(draw: st.DrawFn, refs: tuple[str, ...]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["json", "json-inline", "form", "multipart", "binary", "text"]))
    if kind == "json":
        content = {"application/json": {"schema": draw(schemas(refs))}}
    elif kind == "json-inline":
        content = {"application/json": {"schema": draw(_object(_leaf(refs)))}}
    elif kind == "form":
        content = {"application/x-www-form-urlencoded": {"schema": draw(_object(_leaf(())))}}
    elif kind == "multipart":
        schema = draw(_object(_leaf(())))
        schema["properties"][draw(names)] = {"type": "string", "format": "binary"}
        content = {"multipart/form-data": {"schema": schema}}
    elif kind == "binary":
        content = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    else:
        content = {"text/plain": {"schema": {"type": "string"}}}
    body: dict[str, Any] = {"content": content, "required": draw(st.booleans())}
    description = draw(descriptions)
    if description is not None:
        body["description"] = description
    return body


@st.composite
def _responses(draw: st.DrawFn, refs: tuple[str, ...]) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status in draw(
        st.lists(st.sampled_from(["200", "201", "202", "204", "404", "4XX", "default"]),
                 min_size=1, max_size=3, unique=True)
    ):
        response: dict[str, Any] = {"description": draw(any_text)}
        kind = draw(st.sampled_from(["json", "json", "none", "text", "bytes"]))
        if kind == "json" and status != "204":
            response["content"] = {"application/json": {"schema": draw(schemas(refs))}}
        elif kind == "text" and status != "204":
            response["content"] = {"text/plain": {"schema": {"type": "string"}}}
        elif kind == "bytes" and status != "204":
            response["content"] = {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            }
        if draw(st.booleans()):
            response["headers"] = draw(
                st.dictionaries(names, _leaf(()).map(lambda s: {"schema": s}), max_size=2)
            )
        responses[status] = response
    return responses


@st.composite
def _security(draw: st.DrawFn) -> tuple[dict[str, Any], list[dict[str, list[str]]]]:
    schemes: dict[str, Any] = {}
    for key in draw(st.lists(component_names, unique=True, max_size=2)):
        kind = draw(st.sampled_from(["apiKey", "bearer", "oauth2"]))
        if kind == "apiKey":
            schemes[key] = {
                "type": "apiKey",
                "in": draw(st.sampled_from(["header", "query", "cookie"])),
                "name": draw(st.one_of(st.from_regex(r"[A-Za-z][A-Za-z0-9-]{0,10}", fullmatch=True), names)),
            }
        elif kind == "bearer":
            schemes[key] = {"type": "http", "scheme": "bearer"}
        else:
            scopes = draw(st.dictionaries(names, any_text, max_size=2))
            schemes[key] = {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {"tokenUrl": "https://auth.example.test/token", "scopes": scopes}
                },
            }
    requirements = [{key: []} for key in schemes]
    return schemes, requirements


@st.composite
def _operation(
    draw: st.DrawFn, method: str, path_params: list[str], refs: tuple[str, ...], ids: Any
) -> dict[str, Any]:
    operation: dict[str, Any] = {"responses": draw(_responses(refs))}
    operation_id = next(ids)
    if operation_id is not None:
        operation["operationId"] = operation_id
    parameters = [draw(_path_parameter(name)) for name in path_params]
    for location in draw(st.lists(st.sampled_from(["query", "header", "cookie"]), max_size=3)):
        parameters.append(draw(_parameter(location, refs)))
    # A name may appear once per location.
    unique = {(p["in"], p["name"]): p for p in parameters}
    if unique:
        operation["parameters"] = list(unique.values())
    if method in ("post", "put", "patch") and draw(st.booleans()):
        operation["requestBody"] = draw(_request_body(refs))
    if draw(st.booleans()):
        operation["tags"] = draw(st.lists(names, min_size=1, max_size=2, unique=True))
    for key in ("summary", "description"):
        text = draw(descriptions)
        if text is not None:
            operation[key] = text
    return operation


@st.composite
def openapi_documents(draw: st.DrawFn) -> dict[str, Any]:
    component_keys = tuple(draw(st.lists(component_names, unique=True, max_size=5)))
    components: dict[str, Any] = {
        "schemas": {key: draw(schemas(component_keys)) for key in component_keys}
    }
    schemes, requirements = draw(_security())
    if schemes:
        components["securitySchemes"] = schemes
    operation_ids = iter(draw(st.lists(st.one_of(st.none(), names), min_size=12, max_size=12,
                                       unique_by=lambda x: x if x is not None else object())))
    paths: dict[str, Any] = {}
    for _ in range(draw(st.integers(1, 3))):
        parts = draw(st.lists(st.one_of(segment, identifier.map(lambda n: "{" + n + "}")),
                              min_size=1, max_size=3, unique=True))
        path = "/" + "/".join(parts)
        if path in paths:
            continue
        path_params = [p[1:-1] for p in parts if p.startswith("{")]
        methods = draw(st.lists(st.sampled_from(["get", "post", "put", "patch", "delete"]),
                                min_size=1, max_size=2, unique=True))
        paths[path] = {
            method: draw(_operation(method, path_params, component_keys, operation_ids))
            for method in methods
        }
    document: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": draw(any_text), "version": draw(any_text)},
        "paths": paths,
        "components": components,
    }
    description = draw(descriptions)
    if description is not None:
        document["info"]["description"] = description
    if requirements:
        document["security"] = draw(st.sampled_from([requirements, requirements[:1]]))
    if draw(st.booleans()):
        document["servers"] = [{"url": "https://{host}.example.test/v1",
                                "variables": {"host": {"default": draw(segment)}}}]
    return document
