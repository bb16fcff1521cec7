"""A validated OpenAPI 3.x document → the IR (`ir.Api`) plus diagnostics.

This module reads the document-level parts (info, servers, security, paths); `schemas` turns
schema objects into types. Parsing never raises on bad input: problems become diagnostics with
the JSON pointer they came from, and the caller decides whether to stop.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator import naming
from generator.diagnostics import Diagnostic, error, join_pointer, warning
from generator.ir.nodes import (
    Api,
    Example,
    Header,
    Model,
    OAuthFlow,
    OAuthScope,
    Operation,
    Parameter,
    Response,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
    TemplatePart,
    TypeKind,
)
from generator.load.refs import RefError, resolve_ref
from generator.parse import schema_facts as facts
from generator.parse.bodies import (
    BodyParser,
    allows_reserved,
    bytes_alternatives,
    parameter_style,
    response_kind,
    spread,
)
from generator.parse.groups import group_operations
from generator.parse.long_running import attach_long_running
from generator.parse.media_types import accept_header, media_type_diagnostics
from generator.parse.merge_patch import with_patch_nulls
from generator.parse.pagination import attach_paging
from generator.parse.read_only_rules import with_read_only
from generator.parse.responses import return_annotation, success_headers, with_error_locations
from generator.parse.schemas import MAX_NAMED_TYPES, SchemaBuilder, TooManyTypes
from generator.parse.security import (
    credential_types,
    http_schemes,
    no_credential_for,
    token_scopes,
)
from generator.parse.streams import STREAM_KINDS, item_schema, stream_format, stream_return
from generator.parse.xml_shapes import with_xml_shapes, xml_body, xml_candidate

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PARAMETER_LOCATIONS = ("path", "query", "header", "cookie")
_TEMPLATE_SPLIT = re.compile(r"\{([^{}]*)\}")


def parse(
    data: Mapping[str, Any],
    *,
    package_name: str,
    package_version: str = "0.1.0",
    distribution_name: str | None = None,
) -> tuple[Api | None, tuple[Diagnostic, ...]]:
    """Build the IR for `data`; return (None, diagnostics) when it has errors.
    `distribution_name` (already validated) replaces the one made from `package_name`."""
    parser = _DocumentParser(with_patch_nulls(data))
    try:
        api = parser.parse(
            package_name,
            package_version,
            distribution_name or naming.distribution_name(package_name),
        )
    except TooManyTypes as exc:
        message = (
            f"the spec declares more than {MAX_NAMED_TYPES:,} models and enums (counting each"
            " inline object and each copy an alias makes); refusing to generate them"
        )
        hint = "name shared schemas under components and refer to them with $ref"
        return None, (*parser.diagnostics, error("too-many-types", exc.pointer, message, hint=hint))
    media = media_type_diagnostics(api.operations)
    diagnostics = (*parser.diagnostics, *parser.schemas.diagnostics, *media)
    if any(d.severity.value == "error" for d in diagnostics):
        return None, diagnostics
    return api, diagnostics


class _DocumentParser:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.root = data
        self.diagnostics: list[Diagnostic] = []
        self.schemas = SchemaBuilder(data)
        self.bodies = BodyParser(self.schemas, self.diagnostics)
        self.raw_operations: dict[str, Mapping[str, Any]] = {}
        """Each operation's object in the document, by its pointer (for its extensions)."""

    def parse(self, package_name: str, package_version: str, distribution_name: str) -> Api:
        root = self.root
        version = str(root.get("openapi") or root.get("swagger") or "")
        if not version.startswith("3."):
            self.diagnostics.append(
                error(
                    "unsupported-version",
                    "/openapi" if "openapi" in root else "/swagger",
                    f"OpenAPI version {version!r} is not supported yet; use OpenAPI 3.0 or 3.1",
                )
            )
        components = _mapping(root.get("components"))
        self.schemas.declare_components(_mapping(components.get("schemas")), "/components/schemas")
        info = _mapping(root.get("info"))
        security = self._security_requirements(root.get("security"), "/security") or ()
        if root.get("webhooks"):
            self.diagnostics.append(
                warning(
                    "webhooks-unsupported",
                    "/webhooks",
                    "webhooks are requests the service makes; no client code is generated",
                )
            )
        operations = self._operations(security)
        models, enums, codecs = self.schemas.finish()
        models = with_xml_shapes(models, enums, operations, root, self.diagnostics)
        by_class = {m.class_name: m for m in models}
        operations = with_error_locations(operations, by_class)
        operations = tuple(_with_spread_body(o, by_class) for o in operations)
        operations, read_only_rules = with_read_only(operations, by_class)
        title = _text(info.get("title")) or package_name
        schemes = self._security_schemes(_mapping(components.get("securitySchemes")))
        client_alias = self.schemas.class_scope.claim(naming.class_name(title + "Client"))
        async_client_alias = self.schemas.class_scope.claim("Async" + client_alias)
        method_scope = naming.NameScope(
            naming.RESERVED_METHOD_NAMES | {o.py_name for o in operations}
        )
        operations = tuple(
            replace(o, with_headers_name=method_scope.claim(o.with_headers_name))
            if o.with_headers_name
            else o
            for o in operations
        )
        operations, long_running = attach_long_running(
            operations,
            self.raw_operations,
            by_class,
            {e.class_name: e for e in enums},
            method_scope,
        )
        self.diagnostics.extend(long_running)
        operations, paging = attach_paging(operations, self.raw_operations, by_class)
        self.diagnostics.extend(paging)
        groups = group_operations(
            operations, root.get("tags"), method_scope, self.schemas.class_scope
        )
        return Api(
            pointer="",
            source_format="openapi-" + version,
            title=title,
            version=str(info.get("version", "")),
            description=_text(info.get("description")),
            package_name=package_name,
            package_version=package_version,
            distribution_name=distribution_name,
            client_prefix=naming.class_name(title),
            servers=self._servers(root.get("servers")),
            security_schemes=schemes,
            security=security,
            operations=operations,
            models=models,
            enums=enums,
            codecs=codecs,
            client_alias=client_alias,
            async_client_alias=async_client_alias,
            groups=groups,
            read_only_rules=read_only_rules,
            credential_types=credential_types(schemes),
            http_schemes=http_schemes(schemes),
            api_key=next((sc for sc in schemes if sc.kind == "apiKey"), None),
            token_scopes=token_scopes(schemes, security, operations),
        )

    # -- servers and security ----------------------------------------------------------------

    def _servers(self, servers: object) -> tuple[Server, ...]:
        result = []
        for index, server in enumerate(servers if isinstance(servers, list) else ()):
            pointer = join_pointer("/servers", index)
            server = self._deref(server, pointer)
            scope = naming.NameScope(naming.RESERVED_SERVER_VARIABLE_NAMES)
            variables = []
            for name, variable in _mapping(server.get("variables")).items():
                variable = _mapping(variable)
                default = str(variable.get("default", ""))
                variables.append(
                    ServerVariable(
                        pointer=join_pointer(pointer, "variables", name),
                        name=name,
                        py_name=scope.claim(naming.parameter_name(name)),
                        default=default,
                        enum=tuple(str(v) for v in _list(variable.get("enum"))),
                        description=_text(variable.get("description")),
                        required=default == "",
                    )
                )
            url = str(server.get("url", ""))
            by_name = {v.name: v.py_name for v in variables}
            result.append(
                Server(
                    pointer=pointer,
                    url=url,
                    description=_text(server.get("description")),
                    variables=tuple(variables),
                    parts=self._template_parts(url, by_name, join_pointer(pointer, "url")),
                )
            )
        return tuple(result)

    def _security_schemes(self, schemes: Mapping[str, Any]) -> tuple[SecurityScheme, ...]:
        result = []
        for key, scheme in schemes.items():
            pointer = join_pointer("/components/securitySchemes", key)
            scheme = self._deref(scheme, pointer)
            key_name = scheme.get("name")
            if (
                scheme.get("type") == "apiKey"
                and scheme.get("in") in ("header", "cookie")
                and isinstance(key_name, str)
                and not is_http_token(key_name)
            ):
                self.diagnostics.append(
                    error(
                        "name-not-a-token",
                        join_pointer(pointer, "name"),
                        f"apiKey {scheme['in']} name {_quoted(key_name)} is not a valid HTTP"
                        " field name, so the credential could never be sent",
                        hint="HTTP field and cookie names are letters, digits and"
                        " !#$%&'*+-.^_`|~",
                    )
                )
            unsendable = no_credential_for(scheme)
            if unsendable is not None:
                self.diagnostics.append(
                    warning(
                        "security-scheme-unsupported",
                        pointer,
                        f"{unsendable}: the generated client has no credential for it, so"
                        " operations that need it are sent without it",
                        hint="add the credential yourself: a custom httpx transport, or"
                        " send_request with the header set",
                    )
                )
            flows = []
            for flow_kind, flow in _mapping(scheme.get("flows")).items():
                flow = _mapping(flow)
                flows.append(
                    OAuthFlow(
                        pointer=join_pointer(pointer, "flows", flow_kind),
                        kind=flow_kind,
                        authorization_url=_text(flow.get("authorizationUrl")),
                        token_url=_text(flow.get("tokenUrl")),
                        refresh_url=_text(flow.get("refreshUrl")),
                        scopes=tuple(
                            OAuthScope(name=name, description=_text(text))
                            for name, text in _mapping(flow.get("scopes")).items()
                        ),
                    )
                )
            result.append(
                SecurityScheme(
                    pointer=pointer,
                    key=key,
                    kind=str(scheme.get("type", "")),
                    description=_text(scheme.get("description")),
                    parameter_name=_text(scheme.get("name")),
                    location=_text(scheme.get("in")),
                    scheme=_text(scheme.get("scheme")),
                    bearer_format=_text(scheme.get("bearerFormat")),
                    flows=tuple(flows),
                    open_id_connect_url=_text(scheme.get("openIdConnectUrl")),
                )
            )
        return tuple(result)

    def _security_requirements(
        self, requirements: object, pointer: str
    ) -> tuple[SecurityRequirement, ...] | None:
        if not isinstance(requirements, list):
            return None
        return tuple(
            SecurityRequirement(
                schemes=tuple(
                    (name, tuple(str(s) for s in _list(scopes)))
                    for name, scopes in _mapping(requirement).items()
                )
            )
            for requirement in requirements
        )

    # -- operations --------------------------------------------------------------------------

    def _operations(self, default_security: tuple[SecurityRequirement, ...]) -> tuple[Operation, ...]:
        found = []
        for path, path_item in _mapping(self.root.get("paths")).items():
            item_pointer = join_pointer("/paths", path)
            if not str(path).startswith("/"):
                # Appended to the server URL, `@evil.example/x` would change the host.
                self.diagnostics.append(
                    error(
                        "path-not-absolute",
                        item_pointer,
                        f"path {_quoted(str(path))} does not start with '/'",
                        hint="paths are relative to the server URL and start with '/'",
                    )
                )
                continue
            path_item = self._deref(path_item, item_pointer)
            variables = set(_TEMPLATE_SPLIT.split(str(path))[1::2])
            for method in HTTP_METHODS:
                operation = path_item.get(method)
                # An operation whose path has a variable no parameter declares is left out
                # (the validator's warning says so) rather than the whole API refused.
                if isinstance(operation, Mapping) and variables <= self._path_names(
                    path_item.get("parameters"), operation.get("parameters")
                ):
                    found.append((path, path_item, item_pointer, method))
        ids = [
            _text(item[method].get("operationId")) or f"{method} {path}"
            for path, item, _, method in found
        ]
        flat_names = _flat_method_names(ids)
        operations = []
        method_scope = naming.NameScope(naming.RESERVED_METHOD_NAMES)
        for (path, path_item, item_pointer, method), flat in zip(found, flat_names):
            pointer = join_pointer(item_pointer, method)
            self.raw_operations[pointer] = path_item[method]
            operations.append(
                self._operation(
                    path, method, path_item[method], pointer, path_item.get("parameters"),
                    item_pointer, method_scope.claim(flat), default_security,
                )
            )
        return tuple(operations)

    def _operation(
        self,
        path: str,
        method: str,
        operation: Mapping[str, Any],
        pointer: str,
        shared_parameters: object,
        item_pointer: str,
        py_name: str,
        default_security: tuple[SecurityRequirement, ...],
    ) -> Operation:
        operation_id = _text(operation.get("operationId")) or f"{method} {path}"
        hint = naming.class_name(py_name)
        security = self._security_requirements(
            operation.get("security"), join_pointer(pointer, "security")
        )
        parameters = self._parameters(
            shared_parameters, item_pointer, operation.get("parameters"), pointer, hint
        )
        responses = self._responses(_mapping(operation.get("responses")), pointer, hint)
        headers = success_headers(responses)
        headers_class = None
        if headers:
            headers_class = self.schemas.class_scope.claim(naming.class_name(hint + "Headers"))
            responses = tuple(
                replace(r, headers_class=headers_class)
                if r.is_success and r.body_kind == "none" and r.headers
                else r
                for r in responses
            )
        stream = stream_return(py_name, responses)
        path_names = {p.name: p.py_name for p in parameters if p.location == "path"}
        if operation.get("callbacks"):
            self.diagnostics.append(
                warning(
                    "callbacks-unsupported",
                    join_pointer(pointer, "callbacks"),
                    "callbacks are requests the service makes; no client code is generated",
                )
            )
        body = None
        if "requestBody" in operation:
            body_pointer = join_pointer(pointer, "requestBody")
            body = self.bodies.request_body(
                self._deref(operation["requestBody"], body_pointer),
                body_pointer,
                hint,
                _taken_names(parameters),
            )
        return Operation(
            pointer=pointer,
            operation_id=operation_id,
            py_name=py_name,
            method=method.upper(),
            path=path,
            summary=_text(operation.get("summary")),
            description=_text(operation.get("description")),
            tags=tuple(str(t) for t in operation.get("tags") or ()),
            parameters=parameters,
            responses=responses,
            security=default_security if security is None else security,
            path_parts=self._template_parts(path, path_names, item_pointer),
            parser_name=naming.response_parser_name(py_name),
            builder_name=naming.request_builder_name(py_name),
            return_annotation=stream.annotation if stream else return_annotation(responses),
            deprecated=operation.get("deprecated") is True,
            body=body,
            accept=accept_header(responses),
            headers=headers,
            headers_class=headers_class,
            stream=stream,
            with_headers_name=(
                naming.with_headers_name(py_name)
                if any(
                    r.is_success and r.body_kind not in _NO_BODY and r.headers for r in responses
                )
                else None
            ),
        )

    def _path_names(self, shared: object, own: object) -> set[str]:
        """The `in: path` names declared for an operation (a broken `$ref` is reported where
        the parameters are parsed; here it declares nothing)."""
        names = set()
        for raw in [*_list(shared), *_list(own)]:
            try:
                param = resolve_ref(self.root, raw["$ref"]).value if _is_ref(raw) else raw
            except RefError:
                continue
            if isinstance(param, Mapping) and param.get("in") == "path":
                names.add(str(param.get("name")))
        return names

    def _parameters(
        self,
        shared: object,
        shared_pointer: str,
        own: object,
        pointer: str,
        hint: str,
    ) -> tuple[Parameter, ...]:
        # Operation-level parameters override path-item ones with the same name and location.
        merged: dict[tuple[str, str], tuple[str, Mapping[str, Any]]] = {}
        for base, items in ((shared_pointer, shared), (pointer, own)):
            for index, raw in enumerate(items if isinstance(items, list) else ()):
                param_pointer = join_pointer(base, "parameters", index)
                param = self._deref(raw, param_pointer)
                name, location = param.get("name"), param.get("in")
                if not isinstance(name, str) or location not in _PARAMETER_LOCATIONS:
                    continue
                merged[(location, name)] = (param_pointer, param)
        scope = naming.NameScope(naming.RESERVED_PARAMETER_NAMES)
        result = []
        for (location, name), (param_pointer, param) in merged.items():
            if location in ("header", "cookie") and not is_http_token(name):
                self.diagnostics.append(_not_a_token(f"{location} parameter", name, param_pointer))
                continue
            if "schema" in param:
                type_ref = self.schemas.type_of(
                    param["schema"], join_pointer(param_pointer, "schema"), hint + "_" + name
                )
            else:
                self.diagnostics.append(
                    warning(
                        "parameter-without-schema",
                        param_pointer,
                        "parameters described by 'content' are not supported yet; "
                        "the value is sent as text",
                    )
                )
                type_ref = facts.primitive(param_pointer, TypeKind.STRING)
            required = param.get("required") is True or location == "path"
            annotation = type_ref.annotation + (" | None" if type_ref.nullable else "")
            if not required:
                annotation += " | Unset"
            style, explode = parameter_style(param, location, param_pointer, self.diagnostics)
            result.append(
                Parameter(
                    pointer=param_pointer,
                    name=name,
                    py_name=scope.claim(naming.parameter_name(name)),
                    location=location,
                    required=required,
                    type=type_ref,
                    description=_text(param.get("description")),
                    deprecated=param.get("deprecated") is True,
                    style=style,
                    explode=explode,
                    allow_reserved=allows_reserved(param, location),
                    annotation=annotation,
                )
            )
        return tuple(result)

    def _responses(
        self, responses: Mapping[str, Any], pointer: str, hint: str
    ) -> tuple[Response, ...]:
        result = []
        for status, raw in responses.items():
            status = str(status)
            response_pointer = join_pointer(pointer, "responses", status)
            if status != "default" and not _STATUS.fullmatch(status):
                self.diagnostics.append(
                    warning(
                        "response-status-invalid",
                        response_pointer,
                        f"{_quoted(status)} is not an HTTP status code, a range such as 4XX,"
                        " or `default`; the response is left out",
                    )
                )
                continue
            response = self._deref(raw, response_pointer)
            content = _mapping(response.get("content"))
            media_type, media = _pick_media_type(content)
            type_ref = None
            examples: tuple[Example, ...] = ()
            body_kind = response_kind(media_type, media)
            schema = media.get("schema") if media is not None else None
            streamed = stream_format(media_type)
            if streamed is not None:  # the schema is each item's
                body_kind, schema = streamed, item_schema(media)
            json_like = body_kind == "json" or streamed is not None
            if schema is not None and (json_like or xml_candidate(media_type, schema)):
                type_ref = self.schemas.type_of(
                    schema,
                    join_pointer(response_pointer, "content", media_type or "", "schema"),
                    f"{hint}Response{status.upper() if status != 'default' else 'Default'}",
                )
                if not json_like:  # an XML model, else the raw body as before
                    body_kind = "xml" if xml_body(media_type, type_ref) else body_kind
                    type_ref = type_ref if body_kind == "xml" else None
            if media is not None:
                examples = _examples(media)
            if response.get("links"):
                self.diagnostics.append(
                    warning(
                        "links-unsupported",
                        join_pointer(response_pointer, "links"),
                        "response links are documentation only here; no code follows them",
                    )
                )
            headers = []
            header_scope = naming.NameScope(naming.RESERVED_HEADER_NAMES)
            for name, raw_header in _mapping(response.get("headers")).items():
                header_pointer = join_pointer(response_pointer, "headers", name)
                if not is_http_token(name):
                    self.diagnostics.append(_not_a_token("response header", name, header_pointer))
                    continue
                header = self._deref(raw_header, header_pointer)
                header_type = self.schemas.type_of(
                    header.get("schema", {"type": "string"}),
                    join_pointer(header_pointer, "schema"),
                    f"{hint}{name}Header",
                )
                headers.append(
                    Header(
                        pointer=header_pointer,
                        name=name,
                        py_name=header_scope.claim(naming.parameter_name(name)),
                        type=header_type,
                        description=_text(header.get("description")),
                        required=header.get("required") is True,
                    )
                )
            result.append(
                Response(
                    pointer=response_pointer,
                    status=status,
                    description=_text(response.get("description")),
                    media_type=media_type,
                    type=type_ref,
                    body_kind=body_kind,
                    bytes_media_types=(
                        bytes_alternatives(content, media_type) if body_kind == "json" else ()
                    ),
                    headers=tuple(headers),
                    examples=examples,
                )
            )
        return tuple(result)

    def _template_parts(
        self, template: str, names: Mapping[str, str], pointer: str
    ) -> tuple[TemplatePart, ...]:
        """Split `/a/{b}/c` into literal text and the Python names of the `{...}` values."""
        parts = []
        for index, piece in enumerate(_TEMPLATE_SPLIT.split(template)):
            if index % 2 == 0:
                if piece:
                    parts.append(TemplatePart(literal=piece))
            elif piece in names:
                parts.append(TemplatePart(name=names[piece]))
            else:
                self.diagnostics.append(
                    error(
                        "undeclared-template-variable",
                        pointer,
                        f"'{{{piece}}}' in {template!r} has no declared parameter or variable",
                    )
                )
        return tuple(parts)

    def _deref(self, value: object, pointer: str) -> Mapping[str, Any]:
        """Follow a `$ref` on a parameter, response, header or path item; {} when it fails."""
        if isinstance(value, Mapping) and "$ref" in value:
            try:
                value = resolve_ref(self.root, value["$ref"]).value
            except RefError as exc:
                self.diagnostics.append(
                    error("unresolvable-ref", join_pointer(pointer, "$ref"), exc.reason)
                )
                return {}
        return _mapping(value)


# RFC 9110 `token`: what an HTTP field name (and an RFC 6265 cookie name) may consist of.
_HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


_NO_BODY = STREAM_KINDS | {"none"}
"""Body kinds without a result to pair with typed headers (a stream has its `headers`)."""
_STATUS = re.compile(r"[1-5](?:[0-9][0-9]|XX)", re.IGNORECASE)


def is_http_token(name: str) -> bool:
    return _HTTP_TOKEN.fullmatch(name) is not None


def _quoted(name: str) -> str:
    return json.dumps(name, ensure_ascii=False)


def _not_a_token(what: str, name: str, pointer: str) -> Diagnostic:
    return warning(
        "name-not-a-token",
        pointer,
        f"{what} name {_quoted(name)} is not a valid HTTP field name, so it could never be"
        " sent or received; it is left out of the generated code",
        hint="HTTP field and cookie names are letters, digits and !#$%&'*+-.^_`|~",
    )


def _is_ref(value: object) -> bool:
    return isinstance(value, Mapping) and "$ref" in value


def _list(value: object) -> list[Any]:
    """A list the spec gave, or nothing: the parser also runs on specs the validator only
    warned about, so a field of the wrong type must not stop it."""
    return value if isinstance(value, list) else []


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _pick_media_type(content: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any] | None]:
    """Prefer JSON (`application/json` or any `+json`), else the first media type listed."""
    for media_type, media in content.items():
        base = media_type.split(";", 1)[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return media_type, _mapping(media)
    for media_type, media in content.items():
        return media_type, _mapping(media)
    return None, None


def _examples(media: Mapping[str, Any]) -> tuple[Example, ...]:
    result = []
    if "example" in media:
        result.append(Example(name="example", summary=None, json=_json(media["example"])))
    for name, example in _mapping(media.get("examples")).items():
        example = _mapping(example)
        if "value" in example:
            result.append(
                Example(name=name, summary=_text(example.get("summary")), json=_json(example["value"]))
            )
    return tuple(result)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _flat_method_names(operation_ids: list[str]) -> list[str]:
    """The client's flat method names: the short one (`get_pet`, from `Pets_GetPet`) unless it
    is ambiguous or had to be changed to avoid a reserved name; then the whole id (`pets_list`).
    """
    shorts = [naming.method_name(i) for i in operation_ids]
    counts: dict[str, int] = {}
    for short in shorts:
        counts[short] = counts.get(short, 0) + 1
    return [
        short
        if counts[short] == 1 and short == naming.snake_case(naming.split_operation_id(i)[1])
        else naming.qualified_method_name(i)
        for i, short in zip(operation_ids, shorts)
    ]


def _taken_names(parameters: tuple[Parameter, ...]) -> frozenset[str]:
    return naming.RESERVED_PARAMETER_NAMES | {p.py_name for p in parameters}


def _with_spread_body(operation: Operation, models: Mapping[str, Model]) -> Operation:
    if operation.body is None or not operation.body.spread:
        return operation
    return replace(
        operation, body=spread(operation.body, models, _taken_names(operation.parameters))
    )
