"""The intermediate model (IR): what templates see.

Every node is a frozen, slotted, keyword-only dataclass made of tuples and other nodes, with no
parent links and no raw dicts, and keeps the JSON pointer it came from. All Python names in it
were decided by `generator.naming` while the IR was built; templates only print them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from .ir_types import Constraints, DiscriminatorCase, EncodeCase, TypeKind, TypeRef
from .naming import export_sort_key, import_sort_key

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
class Api:
    """The whole API, as templates see it."""

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

    def _field_types(self) -> list[TypeRef]:
        types = [f.type for m in self.models for f in m.fields]
        return types + [m.additional for m in self.models if m.additional is not None]

    def _client_types(self) -> list[TypeRef]:
        types = [p.type for o in self.operations for p in o.parameters]
        types += [
            r.type for o in self.operations for r in o.success_responses if r.type
        ]
        # An error response is decoded only when its body is a model (the ApiError's `model`).
        types += [
            r.type
            for o in self.operations
            for r in o.error_responses
            if r.type is not None and r.type.kind is TypeKind.MODEL
        ]
        types += [h.type for o in self.header_operations for h in o.headers]
        for operation in self.operations:
            body = operation.body
            if body is not None and body.spread:
                types += [f.type for f in body.fields]
            elif body is not None and body.type is not None:
                types.append(body.type)
        return types

    @property
    def client_stdlib_imports(self) -> tuple[str, ...]:
        """The client module's standard-library import lines, in isort's order."""
        kinds = self.client_annotation_kinds
        lines = []
        if self.header_operations:
            lines.append("from dataclasses import dataclass")
        times = [name for name in ("date", "datetime") if name in kinds]
        if times:
            lines.append("from datetime import " + ", ".join(times))
        if self.client_typing_imports:
            lines.append("from typing import " + ", ".join(self.client_typing_imports))
        return tuple(lines)

    @property
    def client_typing_imports(self) -> tuple[str, ...]:
        """Names the client module imports from `typing`."""
        names = set()
        if TypeKind.ANY.value in self.client_annotation_kinds or any(
            o.body is not None and o.body.spread for o in self.operations
        ):
            names.add("Any")
        if any(
            o.body is not None
            and (o.body.encoding is BodyEncoding.BINARY or o.body.has_files)
            for o in self.operations
        ):
            names.add("IO")
        return tuple(sorted(names, key=import_sort_key))

    @property
    def client_uses_unset(self) -> bool:
        return any(not a.required for o in self.operations for a in o.signature)

    @property
    def model_kinds(self) -> frozenset[str]:
        """Every TypeKind value used by a model field or decoder, at any depth (imports)."""
        kinds = {t.kind.value for t in _nested(self._field_types() + list(self.codecs))}
        if any(not f.required for m in self.models for f in m.fields):
            kinds.add("unset")
        return frozenset(kinds)

    @property
    def field_kinds(self) -> frozenset[str]:
        """Every TypeKind value of a model field, at any depth (the strategies' imports)."""
        return frozenset(t.kind.value for t in _nested(self._field_types()))

    @property
    def encoder_kinds(self) -> frozenset[str]:
        """Every TypeKind value that `to_dict` or a union encoder writes, at any depth (which
        `format_*` helpers the models module imports; container decoders format nothing).
        """
        roots = self._field_types() + [
            c for c in self.codecs if c.kind is TypeKind.UNION
        ]
        return frozenset(t.kind.value for t in _nested(roots))

    @property
    def model_stdlib_imports(self) -> tuple[str, ...]:
        """The models module's standard-library import lines, in isort's order."""
        kinds = self.model_kinds
        lines = []
        if self.models:
            lines.append("from dataclasses import dataclass")
            if any(m.additional for m in self.models):
                lines.append("from dataclasses import field as _field")
        times = [name for name in ("date", "datetime") if name in kinds]
        if times:
            lines.append("from datetime import " + ", ".join(times))
        # Models' to_dict and union encoders return Any.
        encoders = any(c.kind is TypeKind.UNION for c in self.codecs)
        if self.models or encoders or TypeKind.ANY.value in kinds:
            lines.append(
                "from typing import Any" + (", ClassVar" if self.models else "")
            )
        return tuple(lines)

    @property
    def models_catch_deserialization_errors(self) -> bool:
        """Whether the models module names DeserializationError outside docstrings."""
        return bool(self.codecs) or any(m.additional for m in self.models)

    @property
    def model_runtime_imports(self) -> tuple[str, ...]:
        """What the models module imports from `_runtime` (exactly what it uses)."""
        kinds = self.model_kinds
        direct = {f.type.kind for m in self.models for f in m.fields}
        names = {
            name
            for name, used in (
                ("UNSET", "unset" in kinds),
                ("Unset", "unset" in kinds),
                ("FieldTable", bool(self.models)),
                ("decode_fields", bool(self.models)),
                ("decode_str", TypeKind.STRING in direct),
                ("decode_bool", TypeKind.BOOLEAN in direct),
                ("decode_any", TypeKind.ANY in direct),
                ("decode_enum", self._models_call_decode_enum()),
                ("decode_float", "number" in kinds),
                ("decode_int", "integer" in kinds),
                ("fail", self._models_call_fail()),
                ("format_date", "date" in self.encoder_kinds),
                ("format_datetime", "datetime" in self.encoder_kinds),
                ("parse_date", "date" in kinds),
                ("parse_datetime", "datetime" in kinds),
                ("parse_rfc3339_utc", self.models_read_datetimes),
                ("RFC3339_SEPARATORS", self.models_read_datetimes),
                ("to_json", self.models_encode_by_runtime_type),
                (
                    "no_variant_reads",
                    any(
                        c.kind is TypeKind.UNION and not c.discriminator
                        for c in self.codecs
                    ),
                ),
                (
                    "cannot_encode",
                    any(
                        c.kind is TypeKind.UNION
                        and c.encode_order[-1].kind is not TypeKind.ANY
                        for c in self.codecs
                    ),
                ),
            )
            if used
        }
        return tuple(sorted(names))

    def _models_call_decode_enum(self) -> bool:
        # A field table names a plain enum's class; decode_enum is called for a narrowed one
        # and by the `decode` macro inside containers, unions and an open model's extra keys.
        roots = list(self.codecs) + [m.additional for m in self.models if m.additional]
        return any(t.kind is TypeKind.ENUM for t in _nested(roots)) or any(
            f.type.kind is TypeKind.ENUM and f.type.constraints.enum_values
            for m in self.models
            for f in m.fields
        )

    def _models_call_fail(self) -> bool:
        # Container decoders call it, and so does the `decode` macro for a string or boolean
        # inside a container, a union or an open model's extra keys.
        roots = list(self.codecs) + [m.additional for m in self.models if m.additional]
        return any(c.kind is not TypeKind.UNION for c in self.codecs) or any(
            t.kind in (TypeKind.STRING, TypeKind.BOOLEAN) for t in _nested(roots)
        )

    @property
    def models_read_datetimes(self) -> bool:
        """Some field holds a date-time directly (the fast path parses it inline)."""
        return any(
            f.type.kind is TypeKind.DATETIME for m in self.models for f in m.fields
        )

    @property
    def fast_path_enums(self) -> tuple[str, ...]:
        """Enums that a field holds directly, not narrowed: the fast path of from_dict looks
        their values up in a module-level copy of each one's value-to-member map."""
        return _targets(
            [
                f.type
                for m in self.models
                for f in m.fields
                if f.type.kind is TypeKind.ENUM and not f.type.constraints.enum_values
            ],
            TypeKind.ENUM,
        )

    @property
    def integer_enums(self) -> frozenset[str]:
        """Enums of integers, whose value map a JSON boolean would match (True == 1)."""
        return frozenset(e.class_name for e in self.enums if e.base is not TypeKind.STRING)

    @property
    def models_encode_by_runtime_type(self) -> bool:
        """Some union encoder needs `to_json` (variants isinstance cannot tell apart)."""
        return any(
            c.kind is TypeKind.UNION and c.encodes_by_runtime_type for c in self.codecs
        )

    @property
    def model_enum_names(self) -> tuple[str, ...]:
        """Enums that model fields or container/union decoders use (the models module's imports)."""
        return _targets(self._field_types() + list(self.codecs), TypeKind.ENUM)

    @property
    def field_enum_names(self) -> tuple[str, ...]:
        """Enums that model fields use, at any depth (the strategies module's imports)."""
        return _targets(self._field_types(), TypeKind.ENUM)

    @property
    def strategy_codec_imports(self) -> tuple[str, ...]:
        """Union codecs (from the models module) that the strategies module calls: to draw
        only values their JSON tells apart, and `oneOf` JSON that one variant reads."""
        names: set[str] = set()
        for type_ref in _nested(self._field_types()):
            if type_ref.kind is TypeKind.UNION and not type_ref.discriminator:
                names |= {type_ref.decoder, type_ref.encoder}
            if type_ref.kind is TypeKind.UNION and type_ref.counter:
                names.add(type_ref.counter)
        return tuple(sorted(names))

    @property
    def client_annotation_kinds(self) -> frozenset[str]:
        """Every TypeKind in the client's annotations, at any depth (decides its imports)."""
        return frozenset(t.kind.value for t in _nested(self._client_types()))

    @property
    def client_model_imports(self) -> tuple[str, ...]:
        """Models the client module names (annotations, decoding, error models)."""
        return _targets(self._client_types(), TypeKind.MODEL)

    @property
    def client_enum_imports(self) -> tuple[str, ...]:
        """Enums the client module names (parameter and result annotations, decoding)."""
        return _targets(self._client_types(), TypeKind.ENUM)

    @property
    def client_decoder_imports(self) -> tuple[str, ...]:
        """Container decoders (from the models module) that response parsing calls."""
        return tuple(
            sorted(
                {
                    r.type.decoder
                    for o in self.operations
                    for r in o.success_responses
                    if r.type is not None and r.type.decoder
                }
            )
        )

    @property
    def client_kinds(self) -> frozenset[str]:
        """TypeKinds of success-response bodies (decides which runtime decoders to import)."""
        return frozenset(
            r.type.kind.value
            for o in self.operations
            for r in o.success_responses
            if r.type is not None
        )


def _nested(roots: list[TypeRef]) -> Iterator[TypeRef]:
    """Every TypeRef in `roots`, with their items and union variants, at any depth."""
    stack = list(roots)
    while stack:
        type_ref = stack.pop()
        yield type_ref
        if type_ref.item is not None:
            stack.append(type_ref.item)
        stack.extend(type_ref.variants)


def _targets(roots: list[TypeRef], kind: TypeKind) -> tuple[str, ...]:
    """The sorted names of the models (or enums) that `roots` refer to, at any depth."""
    names = {t.target for t in _nested(roots) if t.kind is kind and t.target}
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
