"""Calls a generated client as an application would, for one Spector scenario.

Per API call of a scenario: find the operation by HTTP method and path template (the server
URL's path included), build typed arguments from the expected request (path variables from the
URI, query, header parameters, the body), call the method on `Client` (and `AsyncClient`), then
check the server's verdict (no error, the expected status) and the decoded result against the
expected response body."""

from __future__ import annotations

import asyncio
import inspect
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import httpx
from spector_compare import difference
from spector_convert import ConversionError, decode_bytes, to_typed
from spector_leans import model_notes, untyped
from spector_uri import best_match, decode_path_value, delimited_object, split_delimited

TIMEOUT = 20.0


class NotRunnable(Exception):
    """The scenario cannot run against this document (the reason is the message)."""


class Failure(Exception):
    """The generated client did not do what the scenario expects (one-line message)."""


@dataclass(slots=True)
class Operation:
    """One operation of a generated client, as `generator inspect` describes it."""

    py_name: str
    method: str
    template: str
    description: dict[str, Any]


@dataclass(slots=True)
class Document:
    """A generated client and what the driver needs of its `inspect` context."""

    name: str
    label: str
    module: Any
    api: dict[str, Any]
    spec_paths: dict[str, dict[str, Any]]
    spec_schemas: dict[str, Any] = field(default_factory=dict)
    """The document's components.schemas, to tell a union's discriminator from its mapping."""
    operations: list[Operation] = field(default_factory=list)
    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    endpoint_variable: str | None = None
    server_prefix: str = ""

    @classmethod
    def load(
        cls,
        name: str,
        module: Any,
        api: dict[str, Any],
        spec_paths: dict[str, dict[str, Any]],
        label: str = "",
    ) -> Document:
        """`label` is the API version a versioned project's document is for (`v2`), else ""."""
        document = cls(name, label, module, api, spec_paths)
        document.models = {m["class_name"]: m for m in api.get("models") or []}
        server = api.get("server") or {"parts": [], "url": ""}
        parts = list(server.get("parts") or [])
        if parts and not parts[0]["literal"] and parts[0]["name"]:
            document.endpoint_variable = parts.pop(0)["name"]
        prefix = "".join(
            p["literal"] + ("{" + "server:" + p["name"] + "}" if p["name"] else "")
            for p in parts
        )
        if urlsplit(prefix).scheme:
            prefix = urlsplit(prefix).path
        document.server_prefix = prefix.rstrip("/")
        for description in api["operations"]:
            template = (document.server_prefix + description["path"]).rstrip("/") or "/"
            document.operations.append(
                Operation(
                    description["py_name"], description["method"], template, description
                )
            )
        return document

    def find(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        candidates = [op for op in self.operations if op.method == method.upper()]
        found = best_match(path.rstrip("/") or "/", [op.template for op in candidates])
        if found is None:
            return None
        template, variables = found
        return next(op for op in candidates if op.template == template), variables

    def declares(self, method: str, path: str) -> bool:
        """Whether the OpenAPI document itself has an operation for this call."""
        templates = [
            (self.server_prefix + p).rstrip("/") or "/"
            for p, methods in self.spec_paths.items()
            if method.lower() in methods
        ]
        return best_match(path.rstrip("/") or "/", templates) is not None


def xml_schema(content: dict[str, Any] | None) -> str | None:
    """The name of a structured (object or array) schema a body has under an XML media type:
    a typed client decodes such a body into a model rather than handing out bytes."""
    for media_type, media in (content or {}).items():
        if "xml" not in media_type or not isinstance(media, dict):
            continue
        schema = media.get("schema") or {}
        if "$ref" in schema:
            return str(schema["$ref"]).rsplit("/", 1)[-1]
        if schema.get("type") in ("object", "array") or "properties" in schema:
            return str(schema.get("type") or "object")
    return None


def spec_operation(document: Document, operation: Operation) -> dict[str, Any]:
    """The operation object of the OpenAPI document the client was generated from."""
    item = document.spec_paths.get(operation.description["path"]) or {}
    found = item.get(operation.method.lower())
    return found if isinstance(found, dict) else {}


def response_xml_schema(spec: dict[str, Any], status: int) -> str | None:
    responses = spec.get("responses") or {}
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or {}
    return xml_schema(response.get("content")) if isinstance(response, dict) else None


def response_union_tag(
    spec: dict[str, Any], status: int, schemas: dict[str, Any]
) -> tuple[str, dict[str, str]] | None:
    """(discriminator property, value -> schema name) when the response is a discriminated
    oneOf/anyOf. Its variants need not declare the property (TypeSpec's `envelope: "none"`):
    the decoded value's class is then what carries it, not its `to_dict()`."""
    responses = spec.get("responses") or {}
    response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or {}
    for media in ((response.get("content") or {}) if isinstance(response, dict) else {}).values():
        schema = media.get("schema") or {} if isinstance(media, dict) else {}
        for _ in range(8):  # a chain of $refs, bounded
            if not isinstance(schema, dict) or "$ref" not in schema:
                break
            schema = schemas.get(str(schema["$ref"]).rsplit("/", 1)[-1]) or {}
        tag = schema.get("discriminator") if isinstance(schema, dict) else None
        if isinstance(tag, dict) and (schema.get("oneOf") or schema.get("anyOf")):
            mapping = tag.get("mapping") or {}
            return str(tag.get("propertyName")), {
                str(value): str(target).rsplit("/", 1)[-1] for value, target in mapping.items()
            }
    return None


def scenario_path(uri: str) -> tuple[str, str]:
    """A mockapi `uri` (express syntax: `\\:` is a literal colon) as path and query string."""
    path, _, query = uri.replace("\\:", ":").partition("?")
    return path, query


def _hints(function: Any) -> dict[str, Any]:
    return typing.get_type_hints(function)


def union_members(annotation: Any) -> tuple[Any, ...]:
    """The members of `A | B` (or Optional); `annotation` itself otherwise (`dict[str, int]` is
    one type, not its arguments)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def _shape(annotation: Any) -> str:
    for member in union_members(annotation):
        origin = typing.get_origin(member) or member
        if origin in (list, tuple):
            return "array"
        if origin is dict or callable(getattr(member, "from_dict", None)):
            return "object"
    return "scalar"


def _lookup(mapping: dict[str, Any] | None, name: str) -> tuple[bool, Any]:
    for key, value in (mapping or {}).items():
        if key.lower() == name.lower():
            return True, value
    return False, None


def body_text(body: dict[str, Any]) -> str | bytes | None:
    """The raw request/response body a mockapi definition gives (text, or bytes)."""
    raw = body.get("rawContent")
    if isinstance(raw, dict) and "$serialized" in raw:
        return str(raw["$serialized"])
    if isinstance(raw, dict) and "$bytes" in raw:
        return decode_bytes(raw)
    return raw if isinstance(raw, str) else None


def _is_json(content_type: str) -> bool:
    return content_type.split(";")[0].strip().endswith(("json", "+json"))


JSON_LINES = frozenset({"application/jsonl", "application/x-ndjson", "application/jsonlines"})


def is_stream(result: Any) -> bool:
    """A generated package's `Stream` or `AsyncStream` (a streamed response's items)."""
    return type(result).__name__ in ("Stream", "AsyncStream") and hasattr(result, "close")


def json_lines(text: str) -> list[Any]:
    """The JSON values of a JSON Lines body, blank lines skipped."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def build_arguments(
    document: Document,
    operation: Operation,
    variables: dict[str, str],
    request: dict[str, Any],
    method: Any,
    notes: list[str] | None = None,
    response: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(constructor keyword arguments, method keyword arguments) for one call; `notes`
    collects the parameters whose format the client leaves to the caller's wire form;
    `response` is the answer the scenario expects."""
    hints = _hints(method)
    notes = [] if notes is None else notes
    client_kwargs = {
        name.removeprefix("server:"): unquote(raw)
        for name, raw in variables.items()
        if name.startswith("server:")
    }
    kwargs: dict[str, Any] = {}
    description = operation.description
    for parameter in description["parameters"]:
        py_name, location, wire_name = (
            parameter["py_name"],
            parameter["location"],
            parameter["name"],
        )
        annotation = hints.get(py_name, Any)
        type_description = parameter.get("type") or {}
        fmt = type_description.get("format") or (
            type_description.get("item") or {}
        ).get("format")
        if location == "path":
            raw = variables.get(wire_name)
            if raw is None:
                raise Failure(f"path template has no {wire_name!r}")
            if raw == "":
                if parameter["required"]:
                    raise NotRunnable(
                        f"the URI leaves path parameter {wire_name!r} empty: OpenAPI cannot express an optional path segment"
                    )
                continue
            value = decode_path_value(
                raw,
                name=wire_name,
                style=parameter.get("style") or "simple",
                explode=bool(parameter.get("explode")),
                shape=_shape(annotation),
            )
            kwargs[py_name] = to_typed(value, annotation, fmt=fmt)
            notes.extend(
                filter(None, [untyped(wire_name, parameter.get("type"), annotation)])
            )
            continue
        source = (
            request.get("query")
            if location == "query"
            else request.get("headers") if location == "header" else None
        )
        present, value = _lookup(source, wire_name)
        if (
            not present
            and location == "query"
            and _shape(annotation) == "object"
            and parameter.get("explode")
            and (parameter.get("style") or "form") == "form"
        ):
            # An exploded form object spreads its entries as query items of their own
            # (`?a=1&b=2`): those the operation's other query parameters do not name.
            named = {
                p["name"].lower()
                for p in description["parameters"]
                if p["location"] == "query"
            }
            spread = {k: v for k, v in (source or {}).items() if k.lower() not in named}
            present, value = bool(spread), spread
        if not present:
            if parameter["required"]:
                raise NotRunnable(
                    f"the scenario gives no value for required {location} parameter {wire_name!r}"
                )
            continue
        separator = ","
        if (
            location == "query"
            and isinstance(value, str)
            and _shape(annotation) == "array"
        ):
            value = split_delimited(value, parameter.get("style") or "form")
        elif location == "query" and isinstance(value, str) and _shape(annotation) == "object":
            # A form-style object that is not exploded: `a,1,b,2`.
            value = delimited_object(value, parameter.get("style") or "form")
        kwargs[py_name] = to_typed(value, annotation, separator=separator, fmt=fmt)
        notes.extend(
            filter(None, [untyped(wire_name, parameter.get("type"), annotation)])
        )
    body = description.get("body")
    expected_body = request.get("body")
    if body is not None and expected_body:
        annotation = hints.get(body["py_name"], Any)
        notes.extend(filter(None, [untyped("body", body.get("type"), annotation)]))
        for member in union_members(annotation):
            notes.extend(model_notes(member, document.models))
        for field_description in body.get("fields") or []:
            field_annotation = hints.get(field_description["py_name"], Any)
            name = field_description.get("wire_name") or field_description["py_name"]
            notes.extend(
                filter(
                    None,
                    [untyped(name, field_description.get("type"), field_annotation)],
                )
            )
    if body is not None and body.get("required") and not expected_body:
        model = _read_only_model(hints.get(body["py_name"], Any), document.models)
        if model is None:
            raise NotRunnable(
                "the scenario gives no request body for the operation's required one"
            )
        # Every property of the body is read-only: the client sends `{}` whatever the model
        # holds, so the model is built from the answer the scenario expects, else from
        # placeholders (the server never sees them).
        text = body_text((response or {}).get("body") or {})
        answer = json.loads(text) if isinstance(text, str) and text.strip() else None
        if not isinstance(answer, dict):
            answer = {
                f["wire_name"]: _PLACEHOLDERS.get((f.get("type") or {}).get("kind"), "")
                for f in document.models[model.__name__]["fields"]
                if f.get("required")
            }
        kwargs[body["py_name"]] = model.from_dict(answer)
        return client_kwargs, kwargs
    if body is not None and expected_body:
        request_body = spec_operation(document, operation).get("requestBody") or {}
        kwargs.update(
            _body_arguments(
                body,
                expected_body,
                hints,
                xml_schema(request_body.get("content")),
                getattr(document.module, "FilePart", None),
            )
        )
        content_type = expected_body.get("contentType")
        if "content_type" in inspect.signature(method).parameters and content_type:
            kwargs["content_type"] = content_type
    return client_kwargs, kwargs


_PLACEHOLDERS: dict[str | None, Any] = {
    "integer": 0,
    "number": 0,
    "boolean": False,
    "array": [],
    "map": {},
}
"""Wire values of a read-only property the client never sends, by kind (else a string)."""


def _read_only_model(annotation: Any, models: dict[str, Any]) -> Any:
    """The model class of a request body all of whose properties are read-only, else None."""
    described = models.get(getattr(annotation, "__name__", ""))
    fields = (described or {}).get("fields") or []
    if not fields or not all(f.get("read_only") for f in fields):
        return None
    return annotation


def _body_arguments(
    body: dict[str, Any],
    expected: dict[str, Any],
    hints: dict[str, Any],
    structured_xml: str | None = None,
    package_file_part: Any = None,
) -> dict[str, Any]:
    """`package_file_part`: the package's FilePart, which an application hands over for a
    file part whose schema says nothing (3.1's `{}`), to name the file and its type."""
    encoding = body.get("encoding")
    if expected.get("kind") == "multipart" or encoding == "multipart":
        values: dict[str, Any] = dict(expected.get("parts") or {})
        annotations = {
            f.get("wire_name") or f["py_name"]: hints.get(f["py_name"], Any)
            for f in body.get("fields") or []
        }
        for file in expected.get("files") or []:
            name = file["fieldname"]
            content: Any = decode_bytes(file["buffer"])
            annotation = annotations.get(name, Any)
            part_class = file_part_class(annotation)
            if part_class is None and annotation is Any:
                part_class = package_file_part
            if part_class is not None:
                # The application names the file and its type where the client lets it.
                content = part_class(
                    content,
                    filename=file.get("originalname"),
                    content_type=file.get("mimetype"),
                )
            if name in values:
                previous = values[name]
                values[name] = (
                    previous if isinstance(previous, list) else [previous]
                ) + [content]
            else:
                values[name] = content
        return _fields(body, values, hints, multipart=True)
    text = body_text(expected)
    content_type = str(expected.get("contentType") or body.get("media_type") or "")
    annotation = hints.get(body["py_name"], Any)
    if _is_json(content_type) and text is not None:
        value = json.loads(text)
        if body.get("spread") and isinstance(value, dict):
            return _fields(body, value, hints, multipart=False)
        try:
            return {body["py_name"]: to_typed(value, annotation)}
        except ConversionError:
            if not _accepts_bytes(annotation) and str not in (
                union_members(annotation)
            ):
                raise
            # A file typed as raw content under a JSON media type: the application hands over the bytes.
            raw = text.encode() if isinstance(text, str) else text
            return {
                body["py_name"]: raw if _accepts_bytes(annotation) else raw.decode()
            }
    if "xml" in content_type and text is not None:
        return {body["py_name"]: _from_xml(text, annotation, structured_xml)}
    if isinstance(text, str):
        text = text.encode() if _accepts_bytes(annotation) else text
    part_class = file_part_class(annotation)
    if part_class is not None and content_type != body.get("media_type"):
        # A body the API takes in several or any types: the caller says which this is.
        return {body["py_name"]: part_class(text, content_type=content_type)}
    return {body["py_name"]: text}


def file_part_class(annotation: Any) -> Any:
    """The client's FilePart class (content with a file name and content type) where the
    annotation, or its list's items, accept one; else None."""

    def members(of: Any) -> list[Any]:
        if isinstance(of, types.UnionType) or typing.get_origin(of) is typing.Union:
            return [m for arg in typing.get_args(of) for m in members(arg)]
        if typing.get_origin(of) in (list, tuple):
            return [m for arg in typing.get_args(of)[:1] for m in members(arg)]
        return [of]

    return next(
        (
            m
            for m in members(annotation)
            if isinstance(m, type) and m.__name__ == "FilePart"
        ),
        None,
    )


def _fields(
    body: dict[str, Any],
    values: dict[str, Any],
    hints: dict[str, Any],
    *,
    multipart: bool,
) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if not body.get("fields"):
        return {body["py_name"]: to_typed(values, hints.get(body["py_name"], Any))}
    for field_description in body["fields"]:
        wire_name = field_description.get("wire_name") or field_description["py_name"]
        if wire_name not in values:
            continue
        annotation = hints.get(field_description["py_name"], Any)
        value = values[wire_name]
        if multipart and isinstance(value, str) and _shape(annotation) == "object":
            value = json.loads(value)
        kwargs[field_description["py_name"]] = to_typed(value, annotation)
    unknown = set(values) - {f.get("wire_name") or f["py_name"] for f in body["fields"]}
    if unknown:
        raise Failure(f"the body's {', '.join(sorted(unknown))} has no parameter")
    return kwargs


def _accepts_bytes(annotation: Any) -> bool:
    members = union_members(annotation)
    return any(m is bytes or typing.get_origin(m) is typing.IO for m in members)


def _from_xml(text: str, annotation: Any, structured: str | None = None) -> Any:
    members = union_members(annotation)
    for member in members:
        reader = getattr(member, "from_xml", None)
        if callable(reader):
            return reader(text)
    if structured:
        raise Failure(
            f"the XML request body ({structured}) is untyped: the method takes raw content"
        )
    if _accepts_bytes(annotation):
        return text.encode()
    if str in members:
        return text
    raise Failure(
        f"an XML body for {getattr(annotation, '__name__', annotation)}, which has no from_xml"
    )


def result_notes(document: Document, operation: Operation, method: Any) -> list[str]:
    """Notes for a success response whose format the client leaves as a plain value."""
    returned = _hints(method).get("return", Any)
    notes = []
    for response in operation.description.get("success_responses") or []:
        notes.extend(
            filter(None, [untyped("response", response.get("type"), returned)])
        )
    for member in _leaves_of(returned):
        notes.extend(model_notes(member, document.models))
    return sorted(set(notes))


def _leaves_of(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    return (
        [annotation] if not args else [leaf for arg in args for leaf in _leaves_of(arg)]
    )


def check_result(
    result: Any,
    response: dict[str, Any],
    structured_xml: str | None = None,
    union_tag: tuple[str, dict[str, str]] | None = None,
) -> None:
    """Raise Failure when the returned value is not the response the server sent.

    `structured_xml` names the response's XML schema when it is an object or array: raw bytes
    or text are then not a decoded result."""
    expected_body = response.get("body")
    if expected_body:
        if structured_xml and isinstance(result, bytes | str):
            raise Failure(
                f"the XML response ({structured_xml}) is returned as raw content"
            )
        _check_body(result, expected_body, union_tag)
    expected_headers = response.get("headers") or {}
    holder = (
        result
        if type(result).__name__.endswith("Headers")
        else getattr(result, "headers", None)
    )
    if expected_headers and holder is not None and not isinstance(holder, dict):
        for name, value in expected_headers.items():
            attribute = name.lower().replace("-", "_")
            if not hasattr(holder, attribute):
                raise Failure(f"response header {name!r} is not returned")
            found = difference(
                header_text(getattr(holder, attribute), value), value, f"header {name}"
            )
            if found:
                raise Failure(found)


def without_class_tag(
    value: Any, expected: Any, union_tag: tuple[str, dict[str, str]] | None
) -> Any:
    """`expected` without the union's discriminator when the decoded model does not write it
    but its class is the one the discriminator names; Failure when it is another class."""
    if union_tag is None or not isinstance(expected, dict) or not hasattr(value, "to_dict"):
        return expected
    tag, mapping = union_tag
    if tag not in expected or tag in value.to_dict():
        return expected
    named = mapping.get(str(expected[tag]), str(expected[tag]))
    if type(value).__name__ != named:
        raise Failure(f"$: {tag}={expected[tag]!r} names {named}, got a {type(value).__name__}")
    return {key: item for key, item in expected.items() if key != tag}


def header_text(actual: Any, expected: Any) -> Any:
    """A returned header value as the text the server sent, where the expected side is text and
    the client typed it as a number or boolean (headers are text on the wire)."""
    if isinstance(expected, str) and isinstance(actual, bool):
        return "true" if actual else "false"
    if isinstance(expected, str) and isinstance(actual, int | float):
        return str(actual)
    return actual


def _check_body(
    result: Any,
    expected_body: dict[str, Any],
    union_tag: tuple[str, dict[str, str]] | None = None,
) -> None:
    text = body_text(expected_body)
    content_type = str(expected_body.get("contentType") or "")
    value = (
        getattr(result, "body", result)
        if type(result).__name__.endswith("Response")
        else result
    )
    if content_type.split(";")[0].strip() in JSON_LINES and text is not None:
        # A streamed response, its items collected by `call`.
        found = difference(
            value, json_lines(text.decode() if isinstance(text, bytes) else text)
        )
    elif _is_json(content_type) and isinstance(text, str):
        expected = without_class_tag(value, json.loads(text), union_tag)
        found = difference(value, expected)
        if found and isinstance(value, bytes):
            # A file the client returns as it came (format: binary under a JSON media type).
            try:
                found = difference(json.loads(value), expected)
            except ValueError:
                pass
    elif "xml" in content_type and isinstance(text, str):
        found = _xml_difference(value, text)
    else:
        found = difference(value.read() if hasattr(value, "read") else value, text)
    if found:
        raise Failure(found)


def _xml_root(text: str | bytes) -> ElementTree.Element:
    return ElementTree.fromstring(text.encode() if isinstance(text, str) else text)


def _xml_text_difference(actual: str, expected: str, where: str) -> str | None:
    if actual == expected:
        return None
    return difference(actual, expected, where)


def xml_difference(
    actual: ElementTree.Element, expected: ElementTree.Element, where: str = ""
) -> str | None:
    """None when two XML trees hold the same: tags, attributes and text (whitespace around
    text ignored, date-times compared as instants), children in order."""
    where = f"{where}/{expected.tag}"
    if actual.tag != expected.tag:
        return f"{where}: element {actual.tag!r}, expected {expected.tag!r}"
    if set(actual.attrib) != set(expected.attrib):
        return f"{where}: attributes {sorted(actual.attrib)}, expected {sorted(expected.attrib)}"
    for name, value in expected.attrib.items():
        found = _xml_text_difference(actual.attrib[name], value, f"{where}/@{name}")
        if found:
            return found
    found = _xml_text_difference(
        (actual.text or "").strip(), (expected.text or "").strip(), where
    )
    if found:
        return found
    if len(actual) != len(expected):
        return f"{where}: {len(actual)} child elements, expected {len(expected)}"
    for got, want in zip(actual, expected, strict=True):
        found = xml_difference(got, want, where)
        if found:
            return found
    return None


def _xml_difference(value: Any, text: str) -> str | None:
    writer = getattr(value, "to_xml", None)
    if callable(writer):
        value = writer()
    if not isinstance(value, str | bytes):
        return f"an XML body decoded as {type(value).__name__}, which has no to_xml"
    try:
        return xml_difference(_xml_root(value), _xml_root(text))
    except ElementTree.ParseError as error:
        return f"not XML: {error}"


def status_of(error: BaseException) -> int | None:
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def _describe(error: BaseException) -> str:
    """One line: the error, and for a server's rejection what it said (Spector's 400 bodies
    name the expected and the actual value)."""
    text = f"{type(error).__name__}: {error}"
    response = getattr(error, "response", None)
    said = getattr(response, "text", "") if response is not None else ""
    if isinstance(said, str) and said.strip():
        text = text.split(" [", 1)[0] + f" ({said.strip()})"
    text = " ".join(text.split())
    return text if len(text) <= 240 else text[:237] + "..."


class Connections:
    """One httpx client per flavour for the whole run (each generated client takes it as
    `http_client=`), and one event loop for the async calls: building a connection pool per
    call would cost more than the calls."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.sync = httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        self.async_ = self.loop.run_until_complete(self._async_client())

    @staticmethod
    async def _async_client() -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False)

    def close(self) -> None:
        self.sync.close()
        self.loop.run_until_complete(self.async_.aclose())
        self.loop.close()


def call(
    connections: Connections,
    client_class: Any,
    client_kwargs: dict[str, Any],
    method_name: str,
    kwargs: dict[str, Any],
    expected_status: int,
) -> Any:
    """Call a method of `Client` or `AsyncClient`; Failure unless the status is as expected.

    A list method's pager is iterated by page while the client is open: the result is then
    the list of its pages."""
    is_async = hasattr(client_class, "__aenter__")

    async def run_async() -> Any:
        async with client_class(
            **client_kwargs, http_client=connections.async_
        ) as client:
            result = getattr(client, method_name)(**kwargs)
            if hasattr(result, "by_page"):
                return [page async for page in result.by_page()]
            result = await result
            if is_stream(result):
                async with result:
                    return [item async for item in result]
            return result

    def run_sync() -> Any:
        with client_class(**client_kwargs, http_client=connections.sync) as client:
            result = getattr(client, method_name)(**kwargs)
            if hasattr(result, "by_page"):
                return list(result.by_page())
            if is_stream(result):
                with result:
                    return list(result)
            return result

    try:
        result = (
            connections.loop.run_until_complete(run_async()) if is_async else run_sync()
        )
    except Exception as error:  # the client's own errors and any crash are the verdict
        if expected_status >= 400 and status_of(error) == expected_status:
            return None
        raise Failure(_describe(error)) from error
    if expected_status >= 400:
        raise Failure(f"no error raised; expected status {expected_status}")
    return result


__all__ = [
    "Connections",
    "ConversionError",
    "Document",
    "Failure",
    "NotRunnable",
    "build_arguments",
    "call",
    "check_result",
    "response_union_tag",
    "scenario_path",
    "union_members",
]
