"""Hostile specs: one OpenAPI document per payload, with the payload in every string-bearing
field the generator reads (and a few it only carries along).

`build(payload)` returns the document and `sites(document, payload)` the JSON pointers where
the payload landed, so a test can say how many payload x field combinations it tried. Names
that the spec restricts (component keys must match `^[a-zA-Z0-9.\\-_]+$`) take the payload only
when it fits; elsewhere a payload goes in as is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Code that leaves a trace when it runs: the import check looks for the marker file in the
# working directory of the process that imported the generated package.
MARKER = "PWNED"
_RUN = f"open('{MARKER}', 'w').close()"

PAYLOADS: dict[str, str] = {
    "triple-double-quote": 'a"""b',
    "triple-single-quote": "a'''b",
    "trailing-backslash": "ends with a backslash\\",
    "backslash-escapes": "\\x41\\n\\u2028\\N{BULLET}\\",
    "carriage-return": f"one\r{_RUN}",
    "crlf": f"one\r\n{_RUN}\r\n",
    "nul": "a\x00b",
    "form-feed": f"a\x0c{_RUN}",
    "vertical-tab-and-nel": f"a\x0b\x85{_RUN}",
    "line-separator": f"a\u2028{_RUN}\u2029b",
    "jinja-expression": "{{ 7*7 }}",
    "jinja-statement": "{% for x in range(3) %}x{% endfor %}{# c #}",
    "statement-injection": f'"; import os; os.system("touch {MARKER}"); "',
    "concat-injection": f"'+str(exec(\"{_RUN}\"))+'",
    "fstring-injection": f"{{__import__('os').system('touch {MARKER}')}}",
    "docstring-close": f'"""\n{_RUN}\n"""',
    "comment-close": f"x\n{_RUN}  # ",
    "keyword": "class",
    "none": "None",
    "dunder-init": "__init__",
    "to-dict": "to_dict",
    "from-dict": "from_dict",
    "path-traversal": "../../x",
    "leading-digit": "123abc",
    "self": "self",
    "builtin-type": "str",
    "typing-name": "Any",
    "imported-name": "datetime",
    "underscore": "_",
    "dunder-class": "__class__",
    "private": "_http",
    "decorator": "classmethod",
    "class-body-name": "frozenset",
    "called-builtin": "isinstance",
    "module-name": "httpx",
    "constructor-argument": "base_url",
    "headers-classmethod": "from-headers",
    "strategy-helper": "max",
    "type-variable": "T",
    "typing-import": "ClassVar",
    "empty-after-cleaning": "-- !",
    "unicode": "caf\u00e9 \u540d\u524d \U0001f600",
}

# Names that differ in the spec and meet after snake_casing: every name site gets all of them.
COLLIDING = ("fooBar", "foo_bar", "FooBar", "foo-bar", "FOO_BAR", "foo bar")

_COMPONENT_KEY = re.compile(r"^[a-zA-Z0-9.\-_]+$")
# RFC 9110 token: what an HTTP field name may be.
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def is_header_name(name: str) -> bool:
    return bool(_TOKEN.match(name))


def api_key_name(names: tuple[str, ...]) -> str:
    """The apiKey scheme's query parameter: the first name, changed so it is not also the name
    of an operation's query parameter (the credential would replace that one)."""
    return names[0] + "_key"


def _component(name: str, fallback: str) -> str:
    return name if _COMPONENT_KEY.match(name) else fallback


def build(payload: str, names: tuple[str, ...] | None = None) -> dict[str, Any]:
    """An OpenAPI 3.0 document with `payload` in every text field and `names` (default: the
    payload alone) at every name site: properties, parameters, operationIds, tags, schema
    names, enum values, header names."""
    names = names if names is not None else (payload,)
    text = payload
    first = names[0]
    thing = _component(first, "Thing")
    choice = _component(first + "Choice", "Choice") if names == (payload,) else "Choice"
    if choice == thing:
        choice = "Choice"
    scheme = _component(first, "apiKey")
    thing_properties: dict[str, Any] = {
        name: {"type": "string", "description": text, "example": text} for name in names
    }
    thing_properties["choice"] = {"$ref": f"#/components/schemas/{choice}"}
    thing_properties["varnamed"] = {
        "type": "string",
        "enum": [*names, "plain"],
        "x-enum-varnames": [*names, "plain"],
        "x-enum-descriptions": [text] * (len(names) + 1),
    }
    thing_properties["msEnum"] = {
        "type": "string",
        "enum": [*names, "other"],
        "x-ms-enum": {
            "name": first,
            "modelAsString": True,
            "values": [
                *({"value": name, "name": name, "description": text} for name in names),
                {"value": "other", "name": "other", "description": text},
            ],
        },
    }
    thing_properties["nested"] = {
        "type": "object",
        "title": text,
        "description": text,
        "properties": {name: {"type": "integer"} for name in names},
    }
    thing_properties["mapped"] = {
        "type": "object",
        "description": text,
        "additionalProperties": {"type": "string", "description": text},
    }
    thing_properties["patterned"] = {"type": "string", "pattern": "^[a-z]+$", "description": text}
    # XML: the payload as namespaces (any text), and as names where it is an XML name.
    xml_name = first if re.fullmatch(r"[A-Za-z_][\w.\-]*", first) else "marked"
    thing_properties["marked"] = {
        "type": "string",
        "xml": {"name": xml_name, "namespace": text, "prefix": "p", "attribute": True},
    }
    thing_properties["nested"]["xml"] = {"namespace": text}
    path_parameter = {
        "name": "thingId",
        "in": "path",
        "required": True,
        "description": text,
        "schema": {"type": "string"},
    }
    parameters: list[dict[str, Any]] = []
    for name in names:
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": True,
                "description": text,
                "example": text,
                "schema": {"type": "string", "default": text},
            }
        )
    for name in names:
        parameters.append(
            {"name": name, "in": "header", "description": text, "schema": {"type": "string"}}
        )
    for name in names:
        parameters.append(
            {"name": name, "in": "cookie", "description": text, "schema": {"type": "integer"}}
        )
    # X-Trace keeps a header every client can read when no payload name is a valid one.
    response_headers = {
        header: {"description": text, "schema": {"type": "string"}}
        for header in (*names, "X-Trace")
    }
    operations: dict[str, Any] = {}
    # A second server variable named like the payload, where a URL template can hold it.
    variables: dict[str, Any] = {
        "region": {"default": text, "description": text, "enum": [text, "eu"]}
    }
    variable_path = ""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", first):
        variables[first] = {"default": "v1", "description": text}
        variable_path = "/{" + first + "}"
    for index, name in enumerate(names):
        operations[f"/things{index}/{{thingId}}"] = {
            "parameters": [path_parameter],
            "get": {
                "operationId": name,
                "tags": [name],
                "summary": text,
                "description": text,
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": text,
                        "headers": response_headers,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{thing}"},
                                "example": {first: text},
                            }
                        },
                    },
                    "default": {"description": text},
                    # Merged with 200's headers into one class: X_Trace meets X-Trace there.
                    "203": {
                        "description": text,
                        "headers": {"X_Trace": {"schema": {"type": "string"}}},
                    },
                },
            },
            "put": {
                "operationId": name + "Put",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/xml": {"schema": {"$ref": f"#/components/schemas/{thing}"}}
                    },
                },
                "responses": {
                    "200": {
                        "description": text,
                        "content": {
                            "text/xml": {"schema": {"$ref": f"#/components/schemas/{thing}"}}
                        },
                    }
                },
            },
            "post": {
                "operationId": name + "Post",
                "tags": [name],
                "summary": text,
                "requestBody": {
                    "description": text,
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": list(names),
                                "properties": {
                                    n: {"type": "string", "description": text} for n in names
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "201": {
                        "description": text,
                        "headers": response_headers,
                    },
                },
            },
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": text,
            "description": text,
            "version": text,
            "x-note": text,
            "contact": {"name": text},
            "license": {"name": text},
        },
        "servers": [
            {
                "url": "https://{region}.example.test/base" + variable_path,
                "description": text,
                "variables": variables,
            }
        ],
        "tags": [{"name": name, "description": text} for name in names],
        "security": [{scheme: []}],
        "paths": operations,
        "components": {
            "securitySchemes": {
                scheme: {
                    "type": "apiKey",
                    "in": "query",
                    "name": api_key_name(names),
                    "description": text,
                }
            },
            "schemas": {
                thing: {
                    "title": text,
                    "description": text,
                    "type": "object",
                    "required": list(names),
                    "additionalProperties": False,
                    "xml": {"namespace": text, "prefix": "t"},
                    "properties": thing_properties,
                    "example": {first: text},
                },
                choice: {"type": "string", "description": text, "enum": [*names, text + "!"]},
            },
        },
    }


def sites(document: Any, needle: str, pointer: str = "") -> Iterator[str]:
    """JSON pointers of every key and string value that contains `needle`."""
    if isinstance(document, dict):
        for key, value in document.items():
            child = pointer + "/" + str(key).replace("~", "~0").replace("/", "~1")
            if needle in str(key):
                yield child + "#key"
            yield from sites(value, needle, child)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from sites(value, needle, f"{pointer}/{index}")
    elif isinstance(document, str) and needle in document:
        yield pointer
