"""Swagger 2.0 → the OpenAPI 3.0 shape the parser reads.

`convert(document)` is pure: it never mutates `document` (the loader may share subtrees between
YAML aliases) and builds every dict and list of the result anew, in the input's key order. It
returns the 3.0 document, warnings for everything it could not carry over (located at the 2.0
pointer), and a pointer map: each prefix of the new document that came from somewhere else in
the 2.0 one → that original pointer. `original_pointer(pointer, mapping)` uses the map to report
a later diagnostic against the user's file.

What moves where (see the module docs of `swagger2_params` and `swagger2_schema` for the rest):

* `definitions`, `parameters`, `responses`, `securityDefinitions` → `components/schemas`,
  `/parameters`, `/responses`, `/securitySchemes`; `$ref`s are rewritten to match, except
  inside `x-*` extensions, which are copied untouched (Azure's `x-ms-examples` refer to files).
* `host`/`basePath`/`schemes` → one server per scheme (https first); `x-ms-parameterized-host`
  → a templated server whose variables are its parameters.
* `x-ms-paths` are merged into `paths`. A key with a query part (`/detect?_overload=detect`,
  used to give one path and method several operations) stays a key of its own; each of its
  operations gets `x-path` (the path part) and `x-query-overload` (the fixed query parameters
  the key carries, which the client sends with every call).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from generator.diagnostics import Diagnostic, error, join_pointer
from generator.swagger2.parameters import (
    BODY_LOCATIONS,
    RawParameter,
    convert_entry,
    convert_header,
    convert_parameter,
    request_body,
    resolve_entries,
)
from generator.swagger2.schema import (
    Context,
    add_discriminator_mappings,
    convert_schema,
    copy_value,
    is_extension,
    mapping,
    original_pointer,
    rewrite_ref,
)

__all__ = ["convert", "original_pointer"]

OPENAPI_VERSION = "3.0.3"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_COPIED_ROOT_KEYS = ("info", "security", "tags", "externalDocs")
_SERVER_KEYS = ("host", "basePath", "schemes", "x-ms-parameterized-host")
_PATH_KEYS = ("paths", "x-ms-paths")
_COMPONENT_KEYS = {
    "definitions": "schemas",
    "parameters": "parameters",
    "responses": "responses",
    "securityDefinitions": "securitySchemes",
}
_COPIED_OPERATION_KEYS = (
    "tags", "summary", "description", "externalDocs", "operationId", "deprecated", "security",
)  # fmt: skip
_DEFAULT_MEDIA_TYPES = ["application/json"]
_OAUTH_FLOWS = {
    # 2.0 flow: (3.0 flow, needs authorizationUrl, needs tokenUrl)
    "implicit": ("implicit", True, False),
    "password": ("password", False, True),
    "application": ("clientCredentials", False, True),
    "accessCode": ("authorizationCode", True, True),
}


def convert(
    document: Mapping[str, Any],
) -> tuple[dict[str, Any], tuple[Diagnostic, ...], dict[str, str]]:
    """Convert a Swagger 2.0 document: (OpenAPI 3.0 document, diagnostics, pointer map)."""
    ctx = Context(root=document, inlined_parameters=_inlined_parameter_names(document))
    if document.get("swagger") != "2.0":
        where = "/swagger" if "swagger" in document else ""
        ctx.diagnostics.append(
            error("swagger2.version", where, 'not a Swagger 2.0 document (swagger: "2.0")')
        )
    out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
    for key, value in document.items():
        if key == "swagger":
            continue
        if key in _SERVER_KEYS:
            if "servers" not in out:
                servers = _servers(ctx)
                if servers:
                    out["servers"] = servers
        elif key in _PATH_KEYS:
            if "paths" not in out:
                out["paths"] = _paths(ctx)
        elif key in _COMPONENT_KEYS:
            if "components" not in out:
                out["components"] = _components(ctx)
        elif key in ("consumes", "produces"):
            continue  # applied to each request body and response
        elif key in _COPIED_ROOT_KEYS or is_extension(key):
            out[key] = copy_value(value)
        else:
            ctx.warn("root-field", join_pointer("", key), f"'{key}' is not a 2.0 field; dropped")
    out.setdefault("paths", {})
    _report_unused_inlined(ctx)
    return out, tuple(ctx.diagnostics), ctx.pointers


def _inlined_parameter_names(document: Mapping[str, Any]) -> frozenset[str]:
    return frozenset(
        name
        for name, param in mapping(document.get("parameters")).items()
        if mapping(param).get("in") in BODY_LOCATIONS
    )


def _report_unused_inlined(ctx: Context) -> None:
    for name in sorted(ctx.inlined_parameters):
        pointer = join_pointer("/parameters", name)
        if pointer not in ctx.used_inlined:
            ctx.warn(
                "unused-body-parameter",
                pointer,
                "a shared body/formData parameter no operation uses has no place in 3.0; dropped",
            )


def _media_types(
    ctx: Context, operation: Mapping[str, Any], key: str, at: str
) -> tuple[list[str], str | None]:
    """An operation's `consumes`/`produces`, else the document's, else application/json (and
    where the list was given; None for the default)."""
    for owner, pointer in ((operation, join_pointer(at, key)), (ctx.root, join_pointer("", key))):
        given = owner.get(key)
        if given is None:
            continue
        if isinstance(given, list) and all(isinstance(mt, str) for mt in given):
            if given:
                return list(dict.fromkeys(given)), pointer
            continue
        ctx.warn("media-types", pointer, f"{key} must be a list of media types; ignored")
    return list(_DEFAULT_MEDIA_TYPES), None


# -- servers ---------------------------------------------------------------------------------


def _servers(ctx: Context) -> list[dict[str, Any]]:
    root = ctx.root
    schemes = _schemes(ctx)
    base_path = root.get("basePath", "")
    if not isinstance(base_path, str) or (base_path and not base_path.startswith("/")):
        ctx.warn("base-path", "/basePath", "basePath must be a string starting with '/'; ignored")
        base_path = ""
    base_path = base_path.rstrip("/")
    parameterized = root.get("x-ms-parameterized-host")
    host = root.get("host")
    if parameterized is not None:
        if host is not None:
            ctx.warn("host", "/host", "x-ms-parameterized-host replaces host; host is ignored")
        return _parameterized_servers(ctx, parameterized, schemes, base_path)
    if host is not None and not isinstance(host, str):
        ctx.warn("host", "/host", "host must be a string; ignored")
        host = None
    if host:
        servers = [{"url": f"{scheme}://{host}{base_path}"} for scheme in schemes]
        for index in range(len(servers)):
            ctx.moved(join_pointer("/servers", index), "/host")
        return servers
    if "schemes" in root:
        ctx.warn("schemes", "/schemes", "without a host the server URL is relative; schemes unused")
    if base_path:
        ctx.moved("/servers/0", "/basePath")
        return [{"url": base_path}]
    return []


def _schemes(ctx: Context) -> list[str]:
    given = ctx.root.get("schemes")
    if given is None:
        return ["https"]
    if not isinstance(given, list) or not all(isinstance(s, str) for s in given) or not given:
        ctx.warn("schemes", "/schemes", "schemes must be a non-empty list of strings; https used")
        return ["https"]
    ordered = list(dict.fromkeys(given))
    return sorted(ordered, key=lambda scheme: scheme != "https")


def _parameterized_servers(
    ctx: Context, extension: object, schemes: list[str], base_path: str
) -> list[dict[str, Any]]:
    at = "/x-ms-parameterized-host"
    extension = mapping(extension)
    template = extension.get("hostTemplate")
    if not isinstance(template, str):
        ctx.warn("host-template", at, "x-ms-parameterized-host needs a hostTemplate; ignored")
        return []
    for key in extension:
        if key not in ("hostTemplate", "useSchemePrefix", "parameters"):
            ctx.warn("host-template", join_pointer(at, key), f"'{key}' has no 3.0 form; dropped")
    variables: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for raw in resolve_entries(ctx, extension.get("parameters"), join_pointer(at, "parameters")):
        name = raw.value.get("name")
        if not isinstance(name, str):
            ctx.warn("server-variable", raw.at, "a host parameter needs a name; dropped")
            continue
        variables[name] = _server_variable(ctx, raw)
        origins[name] = raw.source
    if extension.get("useSchemePrefix", True) is False:
        urls = [template + base_path]
    else:
        urls = [f"{scheme}://{template}{base_path}" for scheme in schemes]
    servers = []
    for index, url in enumerate(urls):
        server: dict[str, Any] = {"url": url}
        if variables:
            server["variables"] = copy_value(variables)
        servers.append(server)
        ctx.moved(join_pointer("/servers", index), at)
        for name, origin in origins.items():
            ctx.moved(join_pointer("/servers", index, "variables", name), origin)
    return servers


def _server_variable(ctx: Context, raw: RawParameter) -> dict[str, Any]:
    """A host parameter as a server variable: `default` is its default, the only value of a
    one-value enum (Autorest's constant), else "" (the parser's "required")."""
    param = raw.value
    enum = param.get("enum")
    if "default" in param:
        default = str(param["default"])
    elif isinstance(enum, list) and len(enum) == 1:
        default = str(enum[0])
    else:
        default = ""
    variable: dict[str, Any] = {"default": default}
    for key, value in param.items():
        pointer = join_pointer(raw.source, key)
        if key == "enum" and isinstance(value, list):
            variable["enum"] = [str(item) for item in value]
        elif key == "description" or is_extension(key):
            variable[key] = copy_value(value)
        elif key == "in" and value != "path":
            ctx.warn("server-variable", pointer, "a host parameter must be in: path")
        elif key == "type" and value != "string":
            ctx.warn("server-variable", pointer, "a server variable is a string; type ignored")
        elif key not in ("name", "in", "required", "type", "default"):
            ctx.warn(
                "server-variable",
                pointer,
                f"a server variable has no '{key}'; dropped (the value is not checked)",
            )
    return variable


# -- components ------------------------------------------------------------------------------


def _components(ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in ctx.root.items():
        target = _COMPONENT_KEYS.get(key) if isinstance(key, str) else None
        if target is None:
            continue
        at, new_at = join_pointer("", key), join_pointer("/components", target)
        if not isinstance(value, Mapping):
            ctx.warn("components", at, f"{key} must be an object; dropped")
            continue
        ctx.moved(new_at, at)
        if key == "definitions":
            schemas = {
                name: convert_schema(ctx, schema, join_pointer(at, name))
                for name, schema in value.items()
            }
            add_discriminator_mappings(ctx, value, schemas)
            out[target] = schemas
        elif key == "parameters":
            out[target] = {
                name: _component_parameter(
                    ctx, param, join_pointer(at, name), join_pointer(new_at, name)
                )
                for name, param in value.items()
                if name not in ctx.inlined_parameters
            }
        elif key == "responses":
            produces, _ = _media_types(ctx, {}, "produces", "")
            out[target] = {
                name: _response(
                    ctx, response, join_pointer(at, name), join_pointer(new_at, name), produces
                )
                for name, response in value.items()
            }
        else:
            out[target] = {
                name: _security_scheme(
                    ctx, scheme, join_pointer(at, name), join_pointer(new_at, name)
                )
                for name, scheme in value.items()
            }
    return out


def _component_parameter(ctx: Context, param: object, at: str, new_at: str) -> Any:
    if isinstance(param, Mapping) and "$ref" in param:
        raw = RawParameter(entry=param, at=at, value={}, source=at)
        return convert_entry(ctx, raw, new_at)
    if not isinstance(param, Mapping):
        ctx.warn("parameter", at, "a parameter must be an object; copied unchanged")
        return copy_value(param)
    return convert_parameter(ctx, param, at, new_at)


def _security_scheme(ctx: Context, scheme: object, at: str, new_at: str) -> Any:
    if not isinstance(scheme, Mapping):
        ctx.warn("security-scheme", at, "a security scheme must be an object; copied unchanged")
        return copy_value(scheme)
    kind = scheme.get("type")
    if kind == "basic":
        out: dict[str, Any] = {"type": "http", "scheme": "basic"}
        fields: tuple[str, ...] = ()
    elif kind == "apiKey":
        out, fields = {"type": "apiKey"}, ("name", "in")
    elif kind == "oauth2":
        out, fields = {"type": "oauth2"}, ()
    else:
        ctx.warn("security-scheme", join_pointer(at, "type"), f"unknown type {kind!r}; copied")
        return copy_value(scheme)
    for key, value in scheme.items():
        if key in fields or key == "description" or is_extension(key):
            out[key] = copy_value(value)
        elif kind == "oauth2" and key == "flow":
            out["flows"] = _oauth_flows(ctx, scheme, at, new_at)
        elif key != "type" and not (
            kind == "oauth2" and key in ("authorizationUrl", "tokenUrl", "scopes")
        ):
            ctx.warn(
                "security-scheme", join_pointer(at, key), f"'{key}' is not used by {kind}; dropped"
            )
    if kind == "oauth2" and "flows" not in out:
        ctx.warn("oauth-flow", at, "an oauth2 scheme needs a flow; it has no flows")
        out["flows"] = {}
    return out


def _oauth_flows(ctx: Context, scheme: Mapping[str, Any], at: str, new_at: str) -> dict[str, Any]:
    flow = scheme.get("flow")
    known = _OAUTH_FLOWS.get(flow) if isinstance(flow, str) else None
    if known is None:
        ctx.warn("oauth-flow", join_pointer(at, "flow"), f"unknown oauth2 flow {flow!r}; dropped")
        return {}
    kind, needs_authorization, needs_token = known
    result: dict[str, Any] = {}
    for key, needed in (("authorizationUrl", needs_authorization), ("tokenUrl", needs_token)):
        if needed and key not in scheme:
            ctx.warn("oauth-flow", at, f"the {flow} flow needs {key}")
        elif needed:
            result[key] = copy_value(scheme[key])
        elif key in scheme:
            ctx.warn("oauth-flow", join_pointer(at, key), f"the {flow} flow has no {key}; dropped")
    result["scopes"] = copy_value(scheme.get("scopes", {}))
    ctx.moved(join_pointer(new_at, "flows", kind), at)
    return {kind: result}


# -- paths and operations --------------------------------------------------------------------


def _paths(ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section in _PATH_KEYS:
        paths = ctx.root.get(section)
        if paths is None:
            continue
        if not isinstance(paths, Mapping):
            ctx.warn("paths", join_pointer("", section), f"{section} must be an object; dropped")
            continue
        for key, item in paths.items():
            at = join_pointer("", section, key)
            if is_extension(key):
                if section == "paths":
                    out[key] = copy_value(item)
                else:
                    ctx.warn(
                        "paths", at, "an extension inside x-ms-paths has no 3.0 place; dropped"
                    )
                continue
            if key in out:
                ctx.warn(
                    "paths", at, "this path is already in paths; the x-ms-paths entry is dropped"
                )
                continue
            path, _, query = str(key).partition("?")
            overload = dict(parse_qsl(query, keep_blank_values=True)) if query else None
            new_at = join_pointer("/paths", key)
            ctx.moved(new_at, at)
            out[key] = _path_item(ctx, item, at, new_at, path if query else None, overload)
    return out


def _path_item(
    ctx: Context,
    item: object,
    at: str,
    new_at: str,
    path: str | None,
    overload: dict[str, str] | None,
) -> Any:
    if not isinstance(item, Mapping):
        ctx.warn("path-item", at, "a path item must be an object; copied unchanged")
        return copy_value(item)
    shared = resolve_entries(ctx, item.get("parameters"), join_pointer(at, "parameters"))
    out: dict[str, Any] = {}
    for key, value in item.items():
        pointer = join_pointer(at, key)
        if key in _METHODS:
            operation = _operation(ctx, value, pointer, join_pointer(new_at, key), shared)
            if overload is not None and isinstance(operation, dict):
                operation["x-path"] = path
                operation["x-query-overload"] = dict(overload)
            out[key] = operation
        elif key == "parameters":
            params = _non_body(ctx, shared, join_pointer(new_at, "parameters"))
            if params:
                out[key] = params
        elif key == "$ref":
            out[key] = rewrite_ref(ctx, value, pointer)
        elif is_extension(key):
            out[key] = copy_value(value)
        else:
            ctx.warn("path-item", pointer, f"'{key}' is not a path item field; dropped")
    return out


def _non_body(ctx: Context, entries: list[RawParameter], new_at: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for raw in entries:
        if raw.location not in BODY_LOCATIONS:
            result.append(convert_entry(ctx, raw, join_pointer(new_at, len(result))))
    return result


def _operation(
    ctx: Context, operation: object, at: str, new_at: str, shared: list[RawParameter]
) -> Any:
    if not isinstance(operation, Mapping):
        ctx.warn("operation", at, "an operation must be an object; copied unchanged")
        return copy_value(operation)
    own = resolve_entries(ctx, operation.get("parameters"), join_pointer(at, "parameters"))
    # Body and formData parameters of the path item apply here unless this operation
    # overrides them (same name and location, or a body of its own).
    own_keys = {raw.key for raw in own}
    own_body = any(raw.location == "body" for raw in own)
    inputs = [
        raw
        for raw in shared
        if raw.location in BODY_LOCATIONS
        and raw.key not in own_keys
        and not (own_body and raw.location == "body")
    ] + [raw for raw in own if raw.location in BODY_LOCATIONS]
    consumes, consumes_at = _media_types(ctx, operation, "consumes", at)
    produces, _ = _media_types(ctx, operation, "produces", at)
    body = request_body(ctx, inputs, join_pointer(new_at, "requestBody"), consumes, consumes_at)
    out: dict[str, Any] = {}
    for key, value in operation.items():
        pointer = join_pointer(at, key)
        if key in _COPIED_OPERATION_KEYS or is_extension(key):
            out[key] = copy_value(value)
        elif key == "parameters":
            params = _non_body(ctx, own, join_pointer(new_at, "parameters"))
            if params:
                out[key] = params
            if body is not None:
                out["requestBody"] = body
        elif key == "responses":
            out[key] = _responses(ctx, value, pointer, join_pointer(new_at, key), produces)
        elif key == "schemes":
            ctx.warn(
                "operation-schemes", pointer, "per-operation schemes are not supported; dropped"
            )
        elif key not in ("consumes", "produces"):
            ctx.warn("operation-field", pointer, f"'{key}' is not an operation field; dropped")
    if body is not None and "requestBody" not in out:
        out["requestBody"] = body
    return out


def _responses(ctx: Context, responses: object, at: str, new_at: str, produces: list[str]) -> Any:
    if not isinstance(responses, Mapping):
        ctx.warn("responses", at, "responses must be an object; copied unchanged")
        return copy_value(responses)
    out: dict[str, Any] = {}
    for status, response in responses.items():
        if is_extension(status):
            out[status] = copy_value(response)
        else:
            out[str(status)] = _response(
                ctx, response, join_pointer(at, status), join_pointer(new_at, status), produces
            )
    return out


def _response(ctx: Context, response: object, at: str, new_at: str, produces: list[str]) -> Any:
    """`schema` → `content` (one entry per produced media type), `examples` → each media
    type's `example`, header types → header schemas. No schema and no examples, no content."""
    if not isinstance(response, Mapping):
        ctx.warn("response", at, "a response must be an object; copied unchanged")
        return copy_value(response)
    out: dict[str, Any] = {}
    content: dict[str, Any] = {}
    schema: Any = None
    if "schema" in response:
        schema = convert_schema(ctx, response["schema"], join_pointer(at, "schema"))
        for mt in produces:
            content[mt] = {"schema": copy_value(schema)}
            ctx.moved(join_pointer(new_at, "content", mt), at)
            ctx.moved(join_pointer(new_at, "content", mt, "schema"), join_pointer(at, "schema"))
    examples = response.get("examples")
    if isinstance(examples, Mapping):
        for mt, example in examples.items():
            media = content.get(mt)
            if media is None:
                media = content[mt] = {} if schema is None else {"schema": copy_value(schema)}
                ctx.moved(join_pointer(new_at, "content", mt), at)
            media["example"] = copy_value(example)
            ctx.moved(
                join_pointer(new_at, "content", mt, "example"), join_pointer(at, "examples", mt)
            )
    for key, value in response.items():
        pointer = join_pointer(at, key)
        if key in ("schema", "examples"):
            if key == "examples" and not isinstance(value, Mapping):
                ctx.warn("examples", pointer, "examples must map media types to values; dropped")
            if content and "content" not in out:
                out["content"] = content
        elif key == "$ref":
            out[key] = rewrite_ref(ctx, value, pointer)
        elif key == "headers" and not isinstance(value, Mapping):
            ctx.warn("header", pointer, "headers must map names to headers; dropped")
        elif key == "headers":
            out[key] = {
                name: convert_header(
                    ctx, header, join_pointer(pointer, name), join_pointer(new_at, key, name)
                )
                for name, header in value.items()
            }
        elif key == "description" or is_extension(key):
            out[key] = copy_value(value)
        else:
            ctx.warn("response-field", pointer, f"'{key}' is not a response field; dropped")
    return out
