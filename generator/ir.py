"""The intermediate model (IR): what templates see.

Every node is a frozen, slotted, keyword-only dataclass made of tuples and other nodes, with no
parent links and no raw dicts, and keeps the JSON pointer it came from. All Python names in it
were decided by `generator.naming` while the IR was built; templates only print them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .ir_imports import ApiImports
from .ir_types import Constraints, DiscriminatorCase, EncodeCase, TypeKind, TypeRef
from .naming import export_sort_key

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Field:
    """A property of an object model."""

    pointer: str
    wire_name: str
    py_name: str
    path_segment: str
    """How the field appears in an error path: `.name` or `['odd name']`."""
    type: TypeRef
    required: bool
    description: str | None = None
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    annotation: str
    """The full Python annotation, including `| None` and `| Unset` where they apply."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """An object schema, generated as a dataclass."""

    pointer: str
    name: str
    class_name: str
    module_name: str
    """A unique snake_case file stem for per-model output files (`{model}` in a template's
    path), shared with enums: `TrainingResult` → `training_result`."""
    description: str | None
    fields: tuple[Field, ...]
    strategy_name: str
    """Name of its hypothesis strategy for instances in `strategies.py`."""
    json_strategy_name: str
    """Name of its hypothesis strategy for valid JSON values in `strategies.py`."""
    deprecated: bool = False
    additional: TypeRef | None = None
    """An open model (`additionalProperties` true, {} or a schema beside `properties`): the
    type of the values of the keys it does not declare, which it keeps and writes back."""
    additional_py_name: str = ""
    """The dataclass field that holds those keys (a dict), when `additional` is set."""
    closed: bool = False
    """`additionalProperties: false`: any key it does not declare is invalid."""

    @property
    def optional_one_of_fields(self) -> tuple[Field, ...]:
        """Optional fields typed as a `oneOf` tried in order: when their drawn JSON is read by
        several variants (so invalid), test data leaves the field out instead."""
        return tuple(
            f
            for f in self.optional_fields
            if f.type.kind is TypeKind.UNION and f.type.counter
        )

    @property
    def wire_names(self) -> tuple[str, ...]:
        """The wire names of its declared properties, in field order."""
        return tuple(f.wire_name for f in self.fields)

    @property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.required)


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumMember:
    pointer: str
    value: str | int
    py_name: str
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Enum:
    """A string or integer enum, generated as a `(str, Enum)` / `(int, Enum)` class.

    Open enums accept and preserve values the spec does not list, so a service that adds a value
    does not break old clients.
    """

    pointer: str
    name: str
    class_name: str
    module_name: str
    """A unique snake_case file stem for per-enum output files (`{enum}` in a template's
    path), shared with models."""
    base: TypeKind
    members: tuple[EnumMember, ...]
    description: str | None = None
    open: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerVariable:
    pointer: str
    name: str
    py_name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str | None = None
    required: bool = False
    """True when the spec gives no usable default (an empty one), so the caller must pass it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplatePart:
    """A piece of a URL template: literal text, or the Python name whose value goes there."""

    literal: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Server:
    pointer: str
    url: str
    description: str | None
    variables: tuple[ServerVariable, ...]
    parts: tuple[TemplatePart, ...] = ()
    """The URL split into literal text and server variables (by their Python names)."""

    @property
    def required_variables(self) -> tuple[ServerVariable, ...]:
        return tuple(v for v in self.variables if v.required)

    @property
    def optional_variables(self) -> tuple[ServerVariable, ...]:
        return tuple(v for v in self.variables if not v.required)


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthScope:
    name: str
    description: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthFlow:
    pointer: str
    kind: str
    authorization_url: str | None
    token_url: str | None
    refresh_url: str | None
    scopes: tuple[OAuthScope, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityScheme:
    pointer: str
    key: str
    kind: str
    description: str | None = None
    parameter_name: str | None = None
    location: str | None = None
    scheme: str | None = None
    bearer_format: str | None = None
    flows: tuple[OAuthFlow, ...] = ()
    open_id_connect_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SecurityRequirement:
    """One alternative: every listed scheme (with its scopes) must be satisfied together."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Parameter:
    pointer: str
    name: str
    py_name: str
    location: str
    required: bool
    type: TypeRef
    description: str | None = None
    deprecated: bool = False
    style: str
    """How the value is serialized, with the spec's default for its location filled in:
    `form`, `spaceDelimited`, `pipeDelimited` or `deepObject` (query, cookie); `simple`,
    `label` or `matrix` (path, header)."""
    explode: bool
    """The spec's `explode`, defaulting to true for `form` and false for the other styles."""
    annotation: str


class BodyEncoding(str, enum.Enum):
    """How a request body goes on the wire."""

    JSON = "json"
    FORM = "form"
    """`application/x-www-form-urlencoded`."""
    MULTIPART = "multipart"
    """`multipart/form-data`; binary properties become file parts."""
    BINARY = "binary"
    """Raw bytes (`application/octet-stream`, `image/png`, ...): bytes or a binary file."""
    TEXT = "text"
    """A `text/*` body: a str."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PartStyle:
    """How one property of a form or multipart body is serialized (its `encoding` entry)."""

    wire_name: str
    style: str
    """`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`, or `json` (the part's
    contentType is JSON), or `file` (a binary multipart part)."""
    explode: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOnlyRule:
    """What to leave out of a model's JSON when it is sent: its readOnly properties, and the
    nested models (`one`, or every item of a `list` / value of a `map`) that have some.
    """

    model: str
    omit: tuple[str, ...]
    nested: tuple[tuple[str, str, str], ...]
    """(wire name, `one` | `list` | `map`, model class name)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOnlyRoot:
    """Where a sent value's readOnly properties start: its shape and model class name."""

    shape: str
    model: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyField:
    """A property of an inline object body that the method takes as its own parameter."""

    pointer: str
    wire_name: str
    py_name: str
    type: TypeRef
    required: bool
    description: str | None = None
    annotation: str
    is_file: bool = False
    """A binary multipart property: the parameter takes bytes or a binary file."""
    read_only: ReadOnlyRoot | None = None
    """Set when the value holds models with readOnly properties, which are not sent."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestBody:
    """What an operation sends. Inline object schemas are spread into one method parameter per
    property (`fields`); anything else is one parameter (`py_name`)."""

    pointer: str
    media_type: str
    encoding: BodyEncoding
    required: bool
    description: str | None = None
    type: TypeRef | None = None
    """The body schema's type (None for binary and text bodies)."""
    py_name: str
    """The method parameter holding the whole body, when it is not spread into `fields`."""
    annotation: str
    fields: tuple[BodyField, ...] = ()
    spread: bool = False
    part_styles: tuple[PartStyle, ...] = ()
    """Form and multipart only: the serialization of each property, by wire name."""
    other_media_types: tuple[str, ...] = ()
    """Media types the spec also accepts that this method does not send."""
    read_only: ReadOnlyRoot | None = None
    """Set when the (unspread) body holds models with readOnly properties, which are not sent."""

    @property
    def required_fields(self) -> tuple[BodyField, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[BodyField, ...]:
        return tuple(f for f in self.fields if not f.required)

    @property
    def has_files(self) -> bool:
        return any(f.is_file for f in self.fields)


@dataclass(frozen=True, slots=True, kw_only=True)
class MethodArgument:
    """One argument of a generated client method."""

    py_name: str
    annotation: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    pointer: str
    name: str
    py_name: str
    type: TypeRef
    description: str | None = None
    required: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    name: str
    summary: str | None
    json: str
    """The example value, serialized as canonical JSON (sorted keys are not applied: spec order)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    pointer: str
    status: str
    description: str | None
    media_type: str | None
    type: TypeRef | None
    """The decoded JSON body's type; None for no body and for `text`/`bytes` bodies."""
    body_kind: str = "none"
    """`json`, `text` (returned as str), `bytes`, or `none` (no content declared)."""
    headers: tuple[Header, ...] = ()
    examples: tuple[Example, ...] = ()
    error_code_header: str | None = None
    """A declared header that carries an error code (`x-ms-error-code`, `X-Error-Code`, ...)."""
    error_code_path: tuple[str, ...] = ()
    """Wire names leading to an error code string in the body (`("error", "code")`)."""
    error_message_path: tuple[str, ...] = ()
    """Wire names leading to an error message string in the body (`("error", "message")`)."""
    headers_class: str | None = None
    """For a success response without a body that declares headers (`201` with `Location`,
    `202` with `Operation-Location`): the operation's headers dataclass, which the method
    returns instead of None."""

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    @property
    def status_range(self) -> tuple[int, int] | None:
        """The status codes this response covers (`404` → (404, 404), `4XX` → (400, 499)).

        None for `default`.
        """
        if not self.status.isascii():
            return None
        if self.status.isdecimal():
            return int(self.status), int(self.status)
        if (
            len(self.status) == 3
            and self.status[0].isdecimal()
            and self.status[1:].upper() == "XX"
        ):
            return int(self.status[0]) * 100, int(self.status[0]) * 100 + 99
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Operation:
    pointer: str
    operation_id: str
    py_name: str
    method: str
    path: str
    summary: str | None
    description: str | None
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    security: tuple[SecurityRequirement, ...]
    path_parts: tuple[TemplatePart, ...]
    parser_name: str
    """The module-level function that turns an httpx.Response into the result or an ApiError."""
    builder_name: str
    """The module-level function that checks the arguments and builds the httpx.Request (the
    blocking and the asyncio client share it)."""
    return_annotation: str
    deprecated: bool = False
    body: RequestBody | None = None
    headers: tuple[Header, ...] = ()
    """Every header its success responses declare (the first declaration of each name)."""
    headers_class: str | None = None
    """The frozen dataclass of `headers`, typed; None when there are none."""
    with_headers_name: str | None = None
    """When a success response has both a body and headers: the method variant that returns
    `(result, headers)`."""
    accept: str = "application/json"
    """The Accept header: the media types of the success responses."""

    @property
    def idempotent(self) -> bool:
        return self.method in _IDEMPOTENT_METHODS

    @property
    def required_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.required)

    @property
    def optional_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if not p.required)

    @property
    def signature(self) -> tuple[MethodArgument, ...]:
        """The method's arguments in order: the required ones (parameters, then the body or
        its spread properties), then the keyword-only optional ones."""
        arguments = [
            MethodArgument(
                py_name=p.py_name,
                annotation=p.annotation,
                required=p.required,
                description=p.description or f"The {p.location} parameter {p.name}.",
            )
            for p in self.parameters
        ]
        body = self.body
        if body is not None and body.spread:
            arguments += [
                MethodArgument(
                    py_name=f.py_name,
                    annotation=f.annotation,
                    required=f.required,
                    description=f.description or f"The body property {f.wire_name}.",
                )
                for f in body.fields
            ]
        elif body is not None:
            arguments.append(
                MethodArgument(
                    py_name=body.py_name,
                    annotation=body.annotation,
                    required=body.required,
                    description=body.description
                    or f"The request body ({body.media_type}).",
                )
            )
        required = [a for a in arguments if a.required]
        optional = [a for a in arguments if not a.required]
        return tuple(required + optional)

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def success_responses(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if r.is_success)

    @property
    def parser_reads_status(self) -> bool:
        """Whether its response parser branches on the status code at all."""
        return bool(self.success_responses) or any(
            r.status_range is not None for r in self.error_responses
        )

    @property
    def error_responses(self) -> tuple[Response, ...]:
        """Non-2xx responses with a status or range, then `default` last."""
        specific = [
            r for r in self.responses if not r.is_success and r.status_range is not None
        ]
        default = [r for r in self.responses if r.status_range is None]
        return tuple(specific + default)


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupMethod:
    """An operation as a method of its sub-client."""

    py_name: str
    operation: Operation
    returns_headers: bool = False
    """The variant that returns `(result, headers)` (`Operation.with_headers_name`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OperationGroup:
    """A sub-client (`client.pet_store`): the operations of one `Group_` id prefix or tag.

    Its methods are the same operations as the client's flat methods, under shorter names.
    """

    pointer: str
    """The tag's entry in the top-level `tags`, else the first operation of the group."""
    name: str
    """The group as the spec spells it (the id prefix or the tag)."""
    attribute: str
    class_name: str
    async_class_name: str
    description: str | None = None
    methods: tuple[GroupMethod, ...]
    """In spec order, except that a method named `list` comes last (see naming)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Api(ApiImports):
    """The whole API, as templates see it (the import lists of the built-in templates come
    from `ApiImports`, in generator/ir_imports.py)."""

    pointer: str
    source_format: str
    title: str
    version: str
    description: str | None
    package_name: str
    package_version: str
    distribution_name: str
    client_prefix: str
    servers: tuple[Server, ...]
    security_schemes: tuple[SecurityScheme, ...]
    security: tuple[SecurityRequirement, ...]
    operations: tuple[Operation, ...]
    groups: tuple[OperationGroup, ...] = ()
    """Sub-clients, in the order their first operation appears."""
    read_only_rules: tuple[ReadOnlyRule, ...] = ()
    """For the models request bodies send that have readOnly properties at some depth."""
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    codecs: tuple[TypeRef, ...]
    """Container types that need generated decode/encode helpers, unique by `codec` name."""
    client_alias: str
    """An API-specific name for `Client` (`PetStoreClient`); `Async` + it for AsyncClient."""
    async_client_alias: str
    credential_types: tuple[str, ...]
    """The credential classes the client accepts, from the security schemes it can serve."""
    api_key: SecurityScheme | None
    """The apiKey scheme an ApiKeyCredential fills in (header or query), if any."""
    token_scopes: tuple[str, ...]
    """Scopes to request for bearer tokens (oauth2 / openIdConnect / http bearer), if any."""

    @property
    def server(self) -> Server:
        """The server the client talks to: the first one, or a relative root."""
        if self.servers:
            return self.servers[0]
        return Server(pointer="/servers", url="", description=None, variables=())

    @property
    def header_operations(self) -> tuple[Operation, ...]:
        """Operations whose success responses declare headers (see `Operation.headers_class`)."""
        return tuple(o for o in self.operations if o.headers_class)

    @property
    def client_names(self) -> tuple[str, ...]:
        """The client module's public names (clients, aliases, header classes), `__all__` order."""
        names = ["Client", "AsyncClient", self.client_alias, self.async_client_alias]
        names += [o.headers_class for o in self.header_operations if o.headers_class]
        return tuple(sorted(names, key=export_sort_key))

    @property
    def uses_tokens(self) -> bool:
        return "TokenCredential" in self.credential_types

    @property
    def exports(self) -> tuple[str, ...]:
        """What the package's `__init__` exports, in the order `__all__` lists them."""
        names = [
            "API_VERSION",
            "UNSET",
            "AccessToken",
            "ApiError",
            "ApiKeyCredential",
            "AsyncClient",
            "Client",
            "ClientError",
            "DeserializationError",
            "TokenCredential",
            "Unset",
            self.client_alias,
            self.async_client_alias,
        ]
        names += [o.headers_class for o in self.header_operations if o.headers_class]
        names += [e.class_name for e in self.enums] + [
            m.class_name for m in self.models
        ]
        return tuple(sorted(names, key=export_sort_key))



# The IR is one namespace to its users and templates, type references included.
__all__ = [
    "Api",
    "BodyEncoding",
    "BodyField",
    "Constraints",
    "DiscriminatorCase",
    "EncodeCase",
    "Enum",
    "EnumMember",
    "Example",
    "Field",
    "GroupMethod",
    "Header",
    "MethodArgument",
    "Model",
    "OAuthFlow",
    "OAuthScope",
    "Operation",
    "OperationGroup",
    "Parameter",
    "PartStyle",
    "ReadOnlyRoot",
    "ReadOnlyRule",
    "RequestBody",
    "Response",
    "SecurityRequirement",
    "SecurityScheme",
    "Server",
    "ServerVariable",
    "TemplatePart",
    "TypeKind",
    "TypeRef",
]
