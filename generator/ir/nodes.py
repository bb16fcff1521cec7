"""The intermediate model (IR): what templates see.

Every node is a frozen, slotted, keyword-only dataclass made of tuples and other nodes, with no
parent links and no raw dicts, and keeps the JSON pointer it came from. All Python names in it
were decided by `generator.naming` while the IR was built; templates only print them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.ir.kinds import TypeKind
from generator.ir.requests import (
    BodyEncoding,
    BodyField,
    MethodArgument,
    Parameter,
    PartStyle,
    ReadOnlyRoot,
    ReadOnlyRule,
    RequestBody,
)
from generator.ir.service import (
    OAuthFlow,
    OAuthScope,
    SecurityRequirement,
    SecurityScheme,
    Server,
    ServerVariable,
    TemplatePart,
)
from generator.ir.types import Constraints, DiscriminatorCase, EncodeCase, Polymorphism, TypeRef
from generator.ir.xml import XmlModel
from generator.naming import export_sort_key

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Field:
    """A property of an object model."""

    pointer: str
    """The JSON pointer of the property's schema (`/components/schemas/Pet/properties/name`); a
    property an `allOf` part declares keeps the part's pointer."""
    wire_name: str
    """The property's name in JSON, exactly as the spec spells it
    (`lastVisitDateTime`)."""
    py_name: str
    """The dataclass attribute: snake_case, never a keyword or a reserved name, unique within
    the model (`last_visit_date_time`)."""
    path_segment: str
    """How the field appears in an error path: `.name` or `['odd name']`."""
    type: TypeRef
    """The property's type. Nullability is `type.nullable`; `annotation` has the whole hint."""
    required: bool
    """The property is in the schema's `required` (or an `allOf` part's): `from_dict` fails
    without it. An optional one is `UNSET` when absent."""
    description: str | None = None
    """The property's `description`, else its `title`; None when it has neither. Spec text:
    print it through a filter (`docstring`, `doc_inline`, `comment`)."""
    read_only: bool = False
    """`readOnly: true`: the server sets it; request bodies leave it out."""
    write_only: bool = False
    """`writeOnly: true`: sent, never returned. Informational: the built-in templates treat it
    like any other field."""
    deprecated: bool = False
    """`deprecated: true` in the property's schema."""
    schema_required: bool = False
    """Required by the schema though not by `from_dict`: a base model's own discriminator
    (a body without it is the base model itself). Test data always draws it."""
    annotation: str
    """The full Python annotation, including `| None` and `| Unset` where they apply."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """An object schema, generated as a dataclass."""

    pointer: str
    """Where the schema is: `/components/schemas/PetStatus`, or, for an inline object, the
    place it sits (`.../properties/owner`)."""
    name: str
    """The same as `class_name`."""
    class_name: str
    """The Python class: PascalCase, unique among the models, enums and other generated classes
    (`PetStatus`); an inline object is named from where it sits (`PetOwner`)."""
    module_name: str
    """A unique snake_case file stem for per-model output files (`{model}` in a template's
    path), shared with enums: `PetStatus` → `pet_status`."""
    description: str | None
    """The schema's `description`, else its `title`; None without either."""
    fields: tuple[Field, ...]
    """Its properties: those of its `allOf` parts first, then its own, in spec order. Properties
    no valid value can have are left out."""
    strategy_name: str
    """Name of its hypothesis strategy for instances in `strategies.py`."""
    json_strategy_name: str
    """Name of its hypothesis strategy for valid JSON values in `strategies.py`."""
    deprecated: bool = False
    """`deprecated: true` on the schema."""
    additional: TypeRef | None = None
    """An open model (`additionalProperties` true, {} or a schema beside `properties`): the
    type of the values of the keys it does not declare, which it keeps and writes back."""
    additional_py_name: str = ""
    """The dataclass field that holds those keys (a dict), when `additional` is set."""
    closed: bool = False
    """`additionalProperties: false`: any key it does not declare is invalid."""
    xml: XmlModel | None = None
    """Its XML form, when an XML request or response body holds it (at any depth): the
    model then has `to_xml` and `from_xml` beside `to_dict` and `from_dict`."""
    polymorphism: Polymorphism | None = None
    """Its base class and discriminated subtypes; None when it has neither."""

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
        """The required fields, in field order."""
        return tuple(f for f in self.fields if f.required)

    @property
    def optional_fields(self) -> tuple[Field, ...]:
        """The optional fields, in field order."""
        return tuple(f for f in self.fields if not f.required)


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumMember:
    """One value of an enum."""

    pointer: str
    """The value's place in the schema's `enum` (`/components/schemas/OperationStatus/enum/0`)."""
    value: str | int
    """The value on the wire: a str (`notstarted`), or an int in an integer enum. A non-string
    value in a string enum becomes its JSON text."""
    py_name: str
    """The member's name: UPPER_SNAKE_CASE from `x-enum-varnames`, an `x-ms-enum` name, else the
    value (`NOT_STARTED`); unique within the enum."""
    description: str | None = None
    """From `x-enum-descriptions` or the `x-ms-enum` value's description; None without one."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Enum:
    """A string or integer enum, generated as a `(str, Enum)` / `(int, Enum)` class.

    Open enums accept and preserve values the spec does not list, so a service that adds a value
    does not break old clients.
    """

    pointer: str
    """Where the schema is (`/components/schemas/OperationStatus`, or an inline enum's place).
    Inline enums with the same `x-ms-enum` name share one Enum."""
    name: str
    """The same as `class_name`."""
    class_name: str
    """The Python class: PascalCase, unique among the models, enums and other generated classes
    (`OperationStatus`)."""
    module_name: str
    """A unique snake_case file stem for per-enum output files (`{enum}` in a template's
    path), shared with models."""
    base: TypeKind
    """`TypeKind.INTEGER` when every value is an integer, else `TypeKind.STRING`: the class
    derives from `int` or `str`."""
    members: tuple[EnumMember, ...]
    """Its values in spec order; null and repeated values are left out."""
    description: str | None = None
    """The schema's `description`, else its `title`; None without either."""
    open: bool = True
    """Whether values the spec does not list are kept: every use of an open enum is typed
    `Color | str` (`Color | int` for integer enums), a listed value decodes to its member and
    any other to the plain str or int exactly as sent. The parser always makes open enums at
    present, so this is always true."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """A header a response declares (its entry in the response's `headers`)."""

    pointer: str
    """`/paths/~1items/post/responses/202/headers/Operation-Location`."""
    name: str
    """The header's name, as the spec spells it (`Operation-Location`)."""
    py_name: str
    """Its attribute in the headers dataclass (`operation_location`); in `Operation.headers`,
    unique across all its success responses."""
    type: TypeRef
    """Its schema's type (`str` when it has no schema)."""
    description: str | None = None
    """The header's `description`; None without one."""
    required: bool = False
    """`required: true` on the header."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """An example value of a response body, from the `example` or `examples` of its media type."""

    name: str
    """`example` for the media type's single `example`, else its key under `examples`."""
    summary: str | None
    """The example's `summary`; None without one."""
    json: str
    """The example value, serialized as canonical JSON (sorted keys are not applied: spec order)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """One response of an operation: for a status code, a range (`4XX`) or `default`."""

    pointer: str
    """`/paths/~1pets~1{petId}~1status/get/responses/200`."""
    status: str
    """The key as the spec writes it: `200`, `4XX` or `default`."""
    description: str | None
    """The response's `description`; None when blank."""
    media_type: str | None
    """The media type read: a JSON one (`application/json`, `*+json`) when it offers one, else
    the first listed; None without content."""
    type: TypeRef | None
    """The decoded JSON (or XML) body's type; None for no body and for `text`/`bytes` bodies."""
    body_kind: str = "none"
    """`json`, `xml` (a model, read by `from_xml`), `text` (returned as str), `bytes`, a
    stream (`sse`, `jsonl`, `json-seq`: `type` is each item's, see `StreamReturn`), or `none`
    (no content declared)."""
    bytes_media_types: tuple[str, ...] = ()
    """A `json` response's other media types whose bodies are bytes (`image/png`): a response
    sent as one of them is returned as bytes."""
    headers: tuple[Header, ...] = ()
    """The headers it declares, in spec order (names that are not valid HTTP field names are
    left out)."""
    examples: tuple[Example, ...] = ()
    """Examples of the body for `media_type`, in spec order."""
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
        """A 2xx status or range."""
        return self.status.startswith("2")

    @property
    def status_range(self) -> tuple[int, int] | None:
        """The status codes this response covers (`404` → (404, 404), `4XX` → (400, 499)).

        None for `default`.
        """
        return _status_range(self.status)


@dataclass(frozen=True, slots=True, kw_only=True)
class StreamReturn:
    """A success response whose body is a stream of items, returned as they arrive:
    server-sent events (`text/event-stream`), JSON Lines (`application/jsonl`,
    `application/x-ndjson`) or JSON text sequences (`application/json-seq`)."""

    pointer: str
    """The response's media type (`.../responses/200/content/text~1event-stream`)."""
    format: str
    """`sse`, `jsonl` or `json-seq` (the response's `body_kind`)."""
    item: TypeRef | None
    """The type of each item (JSON) or of each event's data (SSE), from the media type's
    schema; None when the schema says nothing of it (none, or a plain `type: string`): an
    event's data is then text, a JSON item the JSON value as it is."""
    item_annotation: str
    """What each item is: `Info`, `Any`; an event's data for SSE (`str` when untyped)."""
    annotation: str
    """What the blocking method returns: `streams.Stream[Info]`,
    `streams.Stream[streams.ServerSentEvent[Info]]` (the asyncio one says `AsyncStream`)."""
    decoder_name: str
    """The module-level function decoding one item's JSON value to `item`; "" when `item`
    is None."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PassedArgument:
    """A value the poller passes from the starting call to each status request."""

    pointer: str
    """Where the pairing is declared (`.../x-clientgen-long-running/parameters/petId`),
    or the status operation's parameter when paired by name."""
    status_argument: str
    """The status operation's argument it fills (`pet_id`): a keyword of its request
    builder, and the key in the poller's state (and so in continuation tokens)."""
    start_argument: str
    """The starting method's argument it comes from (`pet_id`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LongRunning:
    """How the client waits for a long-running operation: the `begin_` method returns a
    `polling.Poller` that asks for the status until it is one of `succeeded` or `failed`.

    Declared by `x-clientgen-long-running` on the starting operation (the `status-operation`
    style), or by Azure's `x-ms-long-running-operation: true` (the `operation-location` style,
    used only without ours). See docs/long-running.md."""

    pointer: str
    """The extension that declared it (`/paths/~1pets~1{petId}~1export/post/
    x-clientgen-long-running`)."""
    style: str
    """`status-operation` (each poll calls another operation of the spec with arguments passed
    along) or `operation-location` (each poll GETs the URL the start response's
    `Operation-Location`, `Azure-AsyncOperation` or `Location` header gave)."""
    begin_name: str
    """The client method that starts it and returns a poller (`begin_export_pet`)."""
    resume_name: str
    """The client method that makes a poller from a continuation token
    (`resume_export_pet`)."""
    poller_name: str
    """The client's private method both use to make the poller (`_export_pet_poller`)."""
    reader_name: str
    """The module-level function that reads one status response into (status text, value,
    failure message) (`_read_export_pet_status`)."""
    result_annotation: str
    """What `Poller.result()` returns: a model class (`ExportStatus`), or `Any` for the JSON
    of an `operation-location` status without `final-state-schema`."""
    result_model: str | None
    """That model's class name; None for `Any`."""
    status_operation_id: str | None
    """`status-operation` style: the operationId polled
    (`PetOperations_GetExportStatus`)."""
    status_builder_name: str | None
    """`status-operation` style: that operation's request builder."""
    status_parser_name: str | None
    """`status-operation` style: that operation's response parser (it raises ApiError on an
    error status)."""
    passed: tuple[PassedArgument, ...] = ()
    """`status-operation` style: the arguments each status request takes from the start."""
    status_field: str
    """Where the status is: the result model's field (`status`, a Python attribute) in the
    `status-operation` style; the JSON key `status` of the body in the other."""
    message_field: str | None = None
    """The result model's field holding the service's message on failure (`message`); in the
    `operation-location` style the body's `error.message` is read instead, and this is None."""
    succeeded: tuple[str, ...]
    """Status values that end it successfully, lower-case (`("succeeded",)`)."""
    failed: tuple[str, ...]
    """Status values that end it with an error, lower-case (`("failed",)`)."""
    polling_interval: float
    """Seconds between status requests when the service sends no Retry-After; it grows by
    half after each poll, up to 30 s (`polling-interval` of the extension; default 1)."""
    location_headers: tuple[str, ...] = ()
    """`operation-location` style: the response headers tried in order for the status URL."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Paging:
    """How a list operation pages: its method returns a `paging.Pager` of the items, which
    fetches the next page as the caller iterates. Declared by `x-clientgen-pagination` or
    Azure's `x-ms-pageable`; see docs/pagination.md."""

    pointer: str
    """The extension that declared it (`.../get/x-clientgen-pagination`)."""
    style: str
    """`next-link` (a URL in the body, or the `Link` header's `rel="next"` when `next_link`
    is None), `cursor`, `token`, `offset`, or `single` (one page only: Azure's
    `nextLinkName: null`); `link-header` is `next-link` without a path."""
    item_type: TypeRef
    """The type of one item (the array's items at `items`)."""
    items: tuple[str, ...]
    """Where the items are in the decoded page: Python attribute names, outermost first; ()
    when the body is the array."""
    next_link: tuple[str, ...] | None = None
    """`next-link` style: the attribute path of the next URL; None for the Link header."""
    parameter: str = ""
    """`cursor`, `token`, `offset`: the request parameter carrying the cursor, token or
    offset, as the spec spells it (`starting_after`)."""
    parameter_in: str = "query"
    """Where that parameter goes: `query` or `header`."""
    cursor_field: tuple[str, ...] = ()
    """`cursor`: the attribute path, in the last item, of the next cursor (`id`)."""
    has_more: tuple[str, ...] | None = None
    """`cursor`: the attribute path of the page's has-more boolean; None to stop on a short
    page."""
    limit: str | None = None
    """`cursor`, `offset`: the page size parameter (`limit`), by which a short page is told."""
    token_path: tuple[str, ...] | None = None
    """`token`: the attribute path of the next token in the body, when it is there."""
    token_header: str | None = None
    """`token`: the response header holding the next token, when it is there."""

    @property
    def item_annotation(self) -> str:
        """The items' annotation (`Widget`)."""
        return self.item_type.annotation


@dataclass(frozen=True, slots=True, kw_only=True)
class Operation:
    """One operation (an HTTP method under a path): one method of the client."""

    pointer: str
    """`/paths/~1pets~1{petId}~1status/get`."""
    operation_id: str
    """The spec's `operationId` (`PetOperations_GetPetStatus`), else
    the method and path (`get /pets/{id}`)."""
    py_name: str
    """The client's flat method, snake_case: the operation part of an Azure-style
    `Group_Operation` id (`get_pet_status`), else the whole id; the whole id
    also when the short name would be ambiguous."""
    method: str
    """The HTTP method in capitals (`GET`)."""
    path: str
    """The path as the spec writes it, parameters in braces
    (`/pets/{petId}/status`)."""
    summary: str | None
    """The operation's `summary`; None without one."""
    description: str | None
    """The operation's `description`; None without one."""
    tags: tuple[str, ...]
    """Its `tags`, in spec order (the first names its group when the id has no `Group_` prefix)."""
    parameters: tuple[Parameter, ...]
    """Its parameters: the path item's, then the operation's own, each name and location once."""
    responses: tuple[Response, ...]
    """Its responses in spec order; keys that are not a status, a range or `default` are left
    out."""
    security: tuple[SecurityRequirement, ...]
    """Its `security`, else the spec's top-level one: alternatives, any one of which is enough;
    () when none is asked for."""
    path_parts: tuple[TemplatePart, ...]
    """`path` split into literal text and the Python names of its path parameters."""
    parser_name: str
    """The module-level function that turns an httpx.Response into the result or an ApiError."""
    builder_name: str
    """The module-level function that checks the arguments and builds the httpx.Request (the
    blocking and the asyncio client share it)."""
    return_annotation: str
    """What the method returns: the success responses' types joined (`PetStatus`,
    `Item | Receipt`, `str`, `bytes`, a headers class, `None`)."""
    deprecated: bool = False
    """`deprecated: true` on the operation."""
    body: RequestBody | None = None
    """The request body; None when the operation takes none."""
    headers: tuple[Header, ...] = ()
    """Every header its success responses declare (the first declaration of each name)."""
    headers_class: str | None = None
    """The frozen dataclass of `headers`, typed; None when there are none."""
    with_headers_name: str | None = None
    """When a success response has both a body and headers: the method variant that returns
    `(result, headers)`."""
    accept: str = "application/json"
    """The Accept header: the media types of the success responses."""
    long_running: LongRunning | None = None
    """Set when the operation starts a long-running operation: the client also has a `begin_`
    method that returns a poller. None for an ordinary operation."""
    stream: StreamReturn | None = None
    """Set when a success response is a stream: the method returns a `Stream` of its items
    (`return_annotation`); None otherwise."""
    paging: Paging | None = None
    """Set when the operation lists items page by page: its method returns a pager of the
    items instead of one page. None for an ordinary operation."""

    @property
    def idempotent(self) -> bool:
        """GET, HEAD, PUT, DELETE, OPTIONS or TRACE: the client retries it on connection errors,
        408, 429 and 5xx."""
        return self.method in _IDEMPOTENT_METHODS

    @property
    def required_parameters(self) -> tuple[Parameter, ...]:
        """Its required parameters, in order."""
        return tuple(p for p in self.parameters if p.required)

    @property
    def optional_parameters(self) -> tuple[Parameter, ...]:
        """Its optional parameters, in order."""
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
                    or body.stand_in_description,
                )
            )
        required = [a for a in arguments if a.required]
        optional = [a for a in arguments if not a.required]
        return tuple(required + optional)

    def parameters_in(self, location: str) -> tuple[Parameter, ...]:
        """Its parameters whose `location` is `location` (`path`, `query`, `header` or
        `cookie`), in order."""
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def success_responses(self) -> tuple[Response, ...]:
        """Its 2xx responses, in spec order."""
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
    """The method's name on the sub-client, shorter than the flat one (`get_status`);
    unique within the group."""
    operation: Operation
    """The operation it calls (the same node as in `Api.operations`)."""
    returns_headers: bool = False
    """The variant that returns `(result, headers)` (`Operation.with_headers_name`)."""
    long_running: str = ""
    """`begin` for the group's `begin_` method of a long-running operation (the same call as
    `LongRunning.begin_name`), `resume` for its `resume_` method, "" otherwise."""


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
    """The client attribute that holds the sub-client (`pet`)."""
    class_name: str
    """The sub-client's class (`PetOperations`)."""
    async_class_name: str
    """Its asyncio class (`AsyncPetOperations`)."""
    description: str | None = None
    """The tag's `description` in the top-level `tags`; None without one (and for `Group_`
    prefixes)."""
    methods: tuple[GroupMethod, ...]
    """In spec order, except that a method named `list` comes last (see naming)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Api:
    """The whole API, as templates see it (what each generated module imports is the renderer's
    business: the context variable `imports`, generator/render/views/imports.py)."""

    pointer: str
    """Always "": the document itself."""
    source_format: str
    """`openapi-` and the document's version (`openapi-3.0.3`). A Swagger 2.0 spec reads
    `openapi-3.0.3`, the version it was converted to."""
    title: str
    """`info.title`, else the package name."""
    version: str
    """`info.version`, as a string (`v1.1-preview.1`); "" when absent."""
    description: str | None
    """`info.description`; None without one."""
    package_name: str
    """The import name of the generated package (`pet_client`)."""
    package_version: str
    """The generated distribution's version (`0.1.0`)."""
    distribution_name: str
    """The distribution's name: the package name with hyphens (`pet-client`)."""
    client_prefix: str
    """The title as a class name (`PetStore`), not claimed in the class namespace
    (`client_alias` is)."""
    servers: tuple[Server, ...]
    """The spec's `servers`, in order; () when it has none (see `server`)."""
    security_schemes: tuple[SecurityScheme, ...]
    """`components.securitySchemes`, in spec order."""
    security: tuple[SecurityRequirement, ...]
    """The top-level `security`: alternatives, any one of which is enough; () when absent."""
    operations: tuple[Operation, ...]
    """Every operation, in path order and, within a path, in the order get, put, post, delete,
    options, head, patch, trace."""
    groups: tuple[OperationGroup, ...] = ()
    """Sub-clients, in the order their first operation appears."""
    read_only_rules: tuple[ReadOnlyRule, ...] = ()
    """For the models request bodies send that have readOnly properties at some depth."""
    models: tuple[Model, ...]
    """Every model, named and inline (request bodies' included), sorted by class name, each
    subtype moved after its base (`Polymorphism.base`)."""
    enums: tuple[Enum, ...]
    """Every enum, named and inline, sorted by class name."""
    codecs: tuple[TypeRef, ...]
    """Container types that need generated decode/encode helpers, unique by `codec` name."""
    client_alias: str
    """An API-specific name for `Client` (`PetStoreClient`); `Async` + it for AsyncClient."""
    async_client_alias: str
    """`Async` + `client_alias` (`AsyncPetStoreClient`)."""
    credential_types: tuple[str, ...]
    """The credential classes the client accepts, from the security schemes it can serve."""
    http_schemes: tuple[str, ...] = ()
    """The `http` schemes an HttpCredential sends (`Basic`, `SharedAccessKey`), as named."""
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
    def long_running_operations(self) -> tuple[Operation, ...]:
        """Operations that start a long-running operation (`Operation.long_running` set), in
        operation order: each has `begin_` and `resume_` methods returning a poller."""
        return tuple(o for o in self.operations if o.long_running is not None)

    @property
    def stream_operations(self) -> tuple[Operation, ...]:
        """Operations whose method returns a stream (`Operation.stream` set), in order."""
        return tuple(o for o in self.operations if o.stream is not None)

    @property
    def paging_operations(self) -> tuple[Operation, ...]:
        """Operations whose method returns a pager (`Operation.paging` set), in spec order."""
        return tuple(o for o in self.operations if o.paging is not None)

    @property
    def client_names(self) -> tuple[str, ...]:
        """The client module's public names (clients, aliases, header classes), `__all__` order."""
        names = ["Client", "AsyncClient", self.client_alias, self.async_client_alias]
        names += [o.headers_class for o in self.header_operations if o.headers_class]
        return tuple(sorted(names, key=export_sort_key))

    @property
    def uses_tokens(self) -> bool:
        """The client accepts a TokenCredential (see `credential_types`)."""
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
            "ApiResponse",
            "AsyncClient",
            "AsyncPager",
            "AsyncPoller",
            "AsyncStream",
            "AuthenticationError",
            "BadRequestError",
            "Client",
            "ClientError",
            "ConflictError",
            "ContinuationTokenError",
            "DeserializationError",
            "FilePart",
            "HttpCredential",
            "InvalidRequestError",
            "NotFoundError",
            "OperationFailedError",
            "PermissionDeniedError",
            "Page",
            "Pager",
            "PagingError",
            "Poller",
            "PollingTimeoutError",
            "RateLimitError",
            "RequestTimeoutError",
            "ResponseTooLargeError",
            "ServerError",
            "ServerSentEvent",
            "Stream",
            "TokenCredential",
            "TransportError",
            "UnprocessableEntityError",
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
    "Polymorphism",
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


@functools.lru_cache(maxsize=1024)
def _status_range(status: str) -> tuple[int, int] | None:
    """`Response.status_range` of a status: read once per distinct status (a big spec asks it
    of hundreds of thousands of responses, and has a few dozen statuses)."""
    if not status.isascii():
        return None
    if status.isdecimal():
        return int(status), int(status)
    if len(status) == 3 and status[0].isdecimal() and status[1:].upper() == "XX":
        return int(status[0]) * 100, int(status[0]) * 100 + 99
    return None
