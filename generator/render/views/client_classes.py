"""What `client.py.j2` prints of the client classes (`Client`, `AsyncClient`) and of each
operation group's pair of classes: signatures, docstrings and statements, laid out as black
would. The fixed text of those classes stays in the template; `client_view` gathers these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.ir.nodes import (
    Api,
    GroupMethod,
    LongRunning,
    MethodArgument,
    Operation,
    OperationGroup,
)
from generator.render.layout import (
    LINE_LENGTH,
    annotated,
    call,
    concat,
    doc,
    lay_alias,
    signature,
)
from generator.render.literals import pyrepr
from generator.render.views import paging_view, stream_view
from generator.render.views.imports import ModuleImports
from generator.render.views.raw_view import raw_class_name

_API_ERROR_DOC = (
    "    ApiError: the service answered with an error status (a subclass by status: "
    "NotFoundError, RateLimitError, ServerError...).\n"
)
_ERRORS_DOC = (
    "    TransportError: the request could not be sent or its response not received.\n"
    "    RequestTimeoutError: the call did not finish within its timeout.\n"
    "    ResponseTooLargeError: the response body is larger than max_response_size.\n"
)
# One line per argument: the docstring filter wraps each under its name.
_CLIENT_ARGS_DOC = (
    ".\n    timeout: seconds each call may take in all: connecting, sending, reading the whole "
    "response, every retry and the waits between them (past it, RequestTimeoutError). "
    "An httpx.Timeout sets per-phase limits instead, its largest also bounding the "
    "whole call. Operation methods take their own `timeout=` too.\n"
    "    max_response_size: the largest response body read, in bytes, counted decompressed "
    "and as sent (past it, ResponseTooLargeError); methods take their own too.\n"
    "    max_retries: retries of idempotent requests after connection errors, 408, 429 and 5xx "
    "(502, 503, 504, 500); 0 turns retries off.\n"
    "    transport: an httpx transport to send through (tests, proxies).\n"
    "    http_client: an httpx client to use instead of creating one; it is not closed.\n"
    "    base_url: replaces the whole server URL (for proxies and mock servers).\n"
    "    backoff_factor: the first retry waits about this many seconds, then it doubles.\n"
    "    backoff_max: the longest backoff between attempts, in seconds."
)
# The per-call options every operation method takes (and forwards, and documents), in
# signature order: name, annotation, docstring line. The one place they are listed.
_CALL_OPTIONS = (
    (
        "timeout",
        "float | httpx.Timeout | None",
        (
            "seconds this call may take in all, retries and their waits included (or an "
            "httpx.Timeout); None keeps the client's."
        ),
    ),
    (
        "max_response_size",
        "int | None",
        "the largest response body to read, in bytes; None keeps the client's.",
    ),
    (
        "max_retries",
        "int | None",
        "retries of this call if idempotent; None keeps the client's.",
    ),
    (
        "extra_headers",
        "Mapping[str, str] | None",
        "more request headers, sent to the API's own origin only.",
    ),
    (
        "extra_query",
        "Mapping[str, str] | None",
        "query parameters appended to the request URL.",
    ),
)
_OPTIONS_DOC = "".join(f"    {name}: {text}\n" for name, _, text in _CALL_OPTIONS)
_OPTION_PARAMETERS = "".join(
    f"        {name}: {annotation} = None,\n" for name, annotation, _ in _CALL_OPTIONS
)
_INDENT = " " * 8
OPTIONS = call(
    "_options = _http.CallOptions",
    [f"{name}={name}" for name, _, _ in _CALL_OPTIONS],
    _INDENT,
)
"""The statement gathering an operation method's per-call options."""


def title(op: Operation) -> str:
    """What docstrings call the operation: its summary, else its id."""
    return op.summary or op.operation_id


def arguments(signature_: Sequence[MethodArgument], indent: str) -> str:
    """A method's own parameters, one a line: the required ones, then `*,` and the optional
    ones (defaulting to UNSET)."""
    lines = [
        f"{indent}{annotated(a.py_name + ': ', a.annotation, ',', indent)}\n"
        for a in signature_
        if a.required
    ]
    optional = [a for a in signature_ if not a.required]
    if optional:
        lines.append(f"{indent}*,\n")
        lines += [
            f"{indent}{annotated(a.py_name + ': ', a.annotation, ' = UNSET,', indent)}\n"
            for a in optional
        ]
    return "".join(lines)


@dataclass(frozen=True, slots=True)
class MethodView:
    """A client method calling an operation (or its with-headers twin)."""

    operation: Operation
    """The operation it calls."""
    signature: str
    """From `def` (or `async def`) to the colon ending the signature."""
    doc: str
    """Its docstring, 8 columns in."""
    forward: str
    """`name=name,` a line, 12 columns in, for each of the operation's own arguments."""
    request: str
    """The statement building the request (`_request = _build_...(`), laid out."""
    send: str
    """The method's last statement(s): send and parse."""
    with_headers: MethodView | None = None
    """The operation's method also returning typed headers, when it has one."""


@dataclass(frozen=True, slots=True)
class LongRunningView:
    """The three client methods of a long-running operation: begin, resume, and the poller."""

    operation: Operation
    """The long-running operation."""
    long_running: LongRunning
    """Its `Operation.long_running`."""
    begin_signature: str
    """The `begin_` method's signature, from `def` to its colon."""
    begin_doc: str
    """The `begin_` method's docstring, 8 columns in."""
    forward: str
    """`name=name,` a line, 12 columns in, for each of the operation's arguments."""
    request: str
    """The statement building the start request (`_request = _build_...(`), laid out."""
    state_entries: tuple[str, ...]
    """The entries of the poller's `_state` dict, 12 columns in, each ending in a comma."""
    start_poller: str
    """The `begin_` method's last statement, returning the poller."""
    resume_signature: str
    """The `resume_` method's signature."""
    resume_doc: str
    """The `resume_` method's docstring, 8 columns in."""
    read_token: str
    """The statement reading the continuation token."""
    resume_poller: str
    """The `resume_` method's last statement, returning the poller."""
    poller_signature: str
    """The signature of the method making the poller."""


@dataclass(frozen=True, slots=True)
class ClientClassView:
    """`Client` or `AsyncClient`."""

    name: str
    """`Client` or `AsyncClient`."""
    async_: str
    """`async ` or ""."""
    await_: str
    """`await ` or ""."""
    http_class: str
    """The httpx client class it creates (`Client` or `AsyncClient`)."""
    transport_class: str
    """The httpx transport class its `transport` takes."""
    pipeline_class: str
    """The `_http` pipeline class it sends through."""
    poller_class: str
    """The poller class its long-running methods return."""
    doc: str
    """The class docstring, 4 columns in."""
    credential: str
    """The `credential` parameter's line, 8 columns in."""
    variable_checks: tuple[str, ...]
    """The statements checking server variables against their enums, 8 columns in."""
    endpoint_check: str
    """The statement checking the first server variable as an endpoint, or ""."""
    base_url: str
    """The statement building `base_url` from the server URL's parts."""
    key_name: str
    """The API key's parameter name as a literal (`None` without one)."""
    key_in: str
    """Where the API key goes (`header`, `query`, `cookie`) as a literal, or `None`."""
    groups: tuple[tuple[str, str, str], ...]
    """Per group: attribute, class name, docstring."""
    operations: tuple[MethodView, ...]
    """Its operation methods, in spec order."""
    long_running: tuple[LongRunningView, ...]
    """Its methods of long-running operations."""
    raw_class: str
    """The class its `with_raw_response` returns."""


@dataclass(frozen=True, slots=True)
class GroupMethodView:
    """A group method: a client method's own function under the group's name for it, so its
    signature and docstring are the client method's, printed once."""

    name: str
    """Its name in the group (`GroupMethod.py_name`)."""
    target: str
    """The client method it is (`Client.<target>`, or `AsyncClient.<target>`)."""
    assignment: str
    """`name = Client.target`, 4 columns in, laid out as black does."""


@dataclass(frozen=True, slots=True)
class GroupClassView:
    """One class of an operation group, blocking or asyncio."""

    class_name: str
    """The class's name (`OperationGroup.class_name` or `async_class_name`)."""
    client_name: str
    """The client class it is reached from, whose methods it holds."""
    doc: str
    """The class docstring, 4 columns in."""
    methods: tuple[GroupMethodView, ...]
    """Its methods, in the group's order."""
    raw_class: str
    """The class its `with_raw_response` returns."""


def operation_doc(op: Operation, signature_: Sequence[MethodArgument]) -> str:
    """The docstring of an operation's client method, 8 columns in."""
    return doc(_operation_doc(op, signature_), 8)


def _operation_doc(op: Operation, signature_: Sequence[MethodArgument]) -> str:
    text = f"{title(op)}\n"
    if op.description and op.description != op.summary:
        text += f"\n{op.description}\n"
    text += "\n\nArgs:\n" + "".join(f"    {a.py_name}: {a.description}\n" for a in signature_)
    text += _OPTIONS_DOC
    body = op.body
    if body is not None and body.other_media_types:
        text += (
            f"\nThe request body is sent as {body.media_type}; the API also accepts "
            f"{', '.join(body.other_media_types)} (use send_request for those).\n"
        )
    text += stream_view.doc_note(op)
    described = " ".join(r.description for r in op.success_responses if r.description)
    return (
        f"{text}\nReturns:\n    {op.return_annotation}: {described or 'The result.'}\n\n"
        f"Raises:\n{_API_ERROR_DOC}"
        "    DeserializationError: a success body does not match its schema.\n"
        f"{_ERRORS_DOC}    ValueError: a parameter breaks the spec's constraints; nothing was sent."
    )


def _begin_doc(
    op: Operation, lr: LongRunning, signature_: Sequence[MethodArgument], is_async: bool
) -> str:
    text = f"Start {title(op)} and return a poller that waits for it to finish.\n"
    if op.description and op.description != op.summary:
        text += f"\n{op.description}\n"
    until = " or ".join(lr.succeeded + lr.failed)
    if lr.style == "status-operation":
        text += f"\nThe poller calls {lr.status_operation_id} until the status is {until} "
    else:
        text += (
            f"\nThe poller follows the URL of the response's {' or '.join(lr.location_headers)} "
            f"header until the status is {until} "
        )
    wait = "await poller.result()" if is_async else "poller.result()"
    text += (
        f"(Retry-After honoured); `{wait}` then returns the final {lr.result_annotation}, or "
        f"raises OperationFailedError when it ended {' or '.join(lr.failed)}.\n\nArgs:\n"
    )
    text += "".join(f"    {a.py_name}: {a.description}\n" for a in signature_)
    text += (
        "    polling_interval: seconds between status requests when the service sends no "
        "Retry-After; it grows by half after each, up to 30.\n"
    )
    poller = "AsyncPoller" if is_async else "Poller"
    return (
        f"{text}{_OPTIONS_DOC}\nReturns:\n    {poller}[{lr.result_annotation}]: "
        "`result(timeout)`, `wait(timeout)`, `poll()`, `done()`, `status()` and "
        "`continuation_token()`.\n\nRaises:\n    ApiError: the service refused to start it.\n"
        f"{_ERRORS_DOC}    ValueError: a parameter (or polling_interval) is out of bounds; "
        "nothing was sent."
    )


def _has_optional(signature_: Sequence[MethodArgument]) -> bool:
    return any(not a.required for a in signature_)


def _self(is_async: bool) -> str:
    """An operation method's first parameter. Typed as what it uses of its object (the
    pipeline, base URL and httpx client), so that an operation group, holding the same three,
    can have the client's function as its own method instead of a forwarding copy."""
    return "self: _http.AsyncSender" if is_async else "self: _http.Sender"


def _call_signature(
    name: str, signature_: Sequence[MethodArgument], returns: str, async_: str, is_async: bool
) -> str:
    """An operation method's signature: its own arguments, then the per-call options."""
    star = "" if _has_optional(signature_) else f"{_INDENT}*,\n"
    return (
        f"{async_}def {name}(\n{_INDENT}{_self(is_async)},\n{arguments(signature_, _INDENT)}"
        f"{star}{_OPTION_PARAMETERS}    {annotated(') -> ', returns, ':', '    ')}"
    )


def _begin_signature(
    name: str, signature_: Sequence[MethodArgument], lr: LongRunning, poller: str, is_async: bool
) -> str:
    star = "" if _has_optional(signature_) else f"{_INDENT}*,\n"
    async_ = "async " if is_async else ""
    return (
        f"{async_}def {name}(\n{_INDENT}{_self(is_async)},\n{arguments(signature_, _INDENT)}"
        f"{star}{_INDENT}polling_interval: float = {pyrepr(lr.polling_interval)},\n"
        f"{_OPTION_PARAMETERS}    {annotated(') -> ', poller, ':', '    ')}"
    )


def _resume_signature(name: str, poller: str, is_async: bool) -> str:
    return signature(
        "def " + name, [_self(is_async), "continuation_token: str"], poller, "    "
    )


def _forward(signature_: Sequence[MethodArgument]) -> str:
    return "".join(f"            {a.py_name}={a.py_name},\n" for a in signature_)


def request_statement(builder: str, forward: str) -> str:
    """`_request = builder(` over `self._http`, `self._base_url` and the operation's arguments,
    a line each (their trailing comma keeps them so), 8 columns in. When that first line is too
    long, black puts the call in parentheses of its own, one level deeper, if every line then
    fits."""
    arguments = "            self._http,\n            self._base_url,\n" + forward
    head = f"_request = {builder}("
    if len(_INDENT) + len(head) <= LINE_LENGTH:
        return f"{head}\n{arguments}        )"
    deeper = "".join("    " + line + "\n" for line in arguments.splitlines())
    lines = [f"{_INDENT}_request = (", f"{_INDENT}    {builder}(", *deeper.splitlines()]
    if all(len(line) <= LINE_LENGTH for line in lines):
        return f"_request = (\n{_INDENT}    {builder}(\n{deeper}{_INDENT}    )\n{_INDENT})"
    return f"{head}\n{arguments}        )"


def _with_headers_type(op: Operation) -> str:
    return f"tuple[{op.return_annotation}, {op.headers_class}]"


def client_class(
    api: Api,
    operations: Sequence[Operation],
    is_async: bool,
    signatures: Mapping[str, Sequence[MethodArgument]],
    operation_docs: Mapping[str, str],
    imports: ModuleImports,
) -> ClientClassView:
    """`AsyncClient` if `is_async`, else `Client`, with methods for `operations` (those of
    `api` its module prints)."""
    server = api.server
    name = "AsyncClient" if is_async else "Client"
    async_ = "async " if is_async else ""
    await_ = "await " if is_async else ""
    variables = "".join(
        f"    {v.py_name}: {v.description or ('The server variable ' + v.name + '.')}"
        + (f" One of: {', '.join(v.enum)}." if v.enum else "")
        + "\n"
        for v in server.variables
    )
    credentials = " | ".join(api.credential_types)
    if not api.credential_types:
        credential = "credential: None = None,"
    elif not api.security or any(not r.schemes for r in api.security):
        # No requirement, or `{}` among them: the API may be called anonymously.
        credential = f"credential: {credentials} | None = None,"
    else:
        credential = f"credential: {credentials},"
    endpoint_check = ""
    parts = server.parts
    if parts and parts[0].name:
        after = parts[1].literal if len(parts) > 1 and not parts[1].name else ""
        endpoint_check = call(
            "_http.check_endpoint",
            [pyrepr(parts[0].name), parts[0].name, pyrepr(after)],
            " " * 12,
        )
    url_parts = [part.name or pyrepr(part.literal) for part in parts]
    key = api.api_key
    methods = []
    for op in operations:
        signature_ = signatures[op.operation_id]
        forward = _forward(signature_)
        if op.paging is not None:
            query_key = key.parameter_name if key and key.location == "query" else None
            methods.append(_paged(op, signature_, is_async, query_key))
            continue
        with_headers = None
        if op.with_headers_name:
            headers = call(
                f"_headers = {op.headers_class}.from_headers", ["_response.headers"], _INDENT
            )
            with_headers = MethodView(
                operation=op,
                signature=_call_signature(
                    op.with_headers_name, signature_, _with_headers_type(op), async_, is_async
                ),
                doc=doc(
                    f"The same call as `{op.py_name}`, also returning the response's typed "
                    "headers.",
                    8,
                ),
                forward=forward,
                request=request_statement(op.builder_name, forward),
                send=(
                    f"_response = {await_}self._pipeline.send(_request, _options)\n"
                    f"{_INDENT}_result = {op.parser_name}(_response)\n"
                    f"{_INDENT}{headers}\n{_INDENT}return _result, _headers"
                ),
            )
        methods.append(
            MethodView(
                operation=op,
                signature=_call_signature(
                    op.py_name, signature_, stream_view.returns(op, is_async), async_, is_async
                ),
                doc=operation_docs[op.operation_id],
                forward=forward,
                request=request_statement(op.builder_name, forward),
                send=stream_view.send(op, is_async)
                if op.stream
                else call(
                    "return " + op.parser_name,
                    [await_ + "self._pipeline.send(_request, _options)"],
                    _INDENT,
                ),
                with_headers=with_headers,
            )
        )
    return ClientClassView(
        name=name,
        async_=async_,
        await_=await_,
        http_class=name,
        transport_class="AsyncBaseTransport" if is_async else "BaseTransport",
        pipeline_class="AsyncPipeline" if is_async else "Pipeline",
        poller_class="polling.AsyncPoller" if is_async else "polling.Poller",
        doc=doc(
            f"{api.title} client{', for asyncio' if is_async else ''}.\n\nArgs:\n{variables}"
            f"    credential: how to authenticate: {' or '.join(api.credential_types) or 'none'}"
            + _CLIENT_ARGS_DOC,
            4,
        ),
        credential=credential,
        variable_checks=tuple(
            call(
                v.py_name + " = _http.check_choice",
                [pyrepr(v.py_name), v.py_name, pyrepr(v.enum)],
                _INDENT,
            )
            for v in server.variables
        ),
        endpoint_check=endpoint_check,
        base_url=concat("base_url", url_parts or ['""'], " " * 12),
        key_name=pyrepr(key.parameter_name if key else None),
        key_in=pyrepr(key.location if key else None),
        groups=tuple(
            (
                g.attribute,
                g.async_class_name if is_async else g.class_name,
                doc(f"Operations of the group {g.name}.", 8),
            )
            for g in api.groups
        ),
        operations=tuple(methods),
        long_running=tuple(
            _long_running(api, op, signatures[op.operation_id], is_async, imports)
            for op in api.long_running_operations
        ),
        raw_class=raw_class_name(name),
    )


def _paged(
    op: Operation, signature_: Sequence[MethodArgument], is_async: bool, query_key: str | None
) -> MethodView:
    """A list operation's method: a plain `def` on both clients, returning the pager."""
    assert op.paging is not None
    returns = paging_view.pager_annotation(op.paging, is_async)
    text = paging_view.paging_doc(
        op, signature_, title(op), _OPTIONS_DOC, _ERRORS_DOC, is_async
    )
    return MethodView(
        operation=op,
        signature=_call_signature(op.py_name, signature_, returns, "", is_async),
        doc=doc(text, 8),
        forward=_forward(signature_),
        request=request_statement(op.builder_name, _forward(signature_)),
        send=paging_view.return_pager(op, is_async, query_key),
    )


def _long_running(
    api: Api,
    op: Operation,
    signature_: Sequence[MethodArgument],
    is_async: bool,
    imports: ModuleImports,
) -> LongRunningView:
    lr = op.long_running
    assert lr is not None
    poller = imports.poller_annotation(lr, is_async)
    client = "AsyncClient" if is_async else "Client"
    if lr.style == "status-operation":
        entries = tuple(f"{pyrepr(p.status_argument)}: {p.start_argument}," for p in lr.passed)
        fields = [p.status_argument for p in lr.passed]
    else:
        # An API key sent in the query must not stay in the status URL (continuation tokens).
        key = api.api_key
        secret = [f"({pyrepr(key.parameter_name)},)"] if key and key.location == "query" else []
        entries = (
            call(
                '"url": _http.status_location',
                ["_response", pyrepr(lr.location_headers), *secret],
                " " * 12,
                ",",
            ),
        )
        fields = ["url"]
    field_tuple = (
        "(" + ", ".join(pyrepr(f) for f in fields) + ("," if len(fields) == 1 else "") + ")"
    )
    return LongRunningView(
        operation=op,
        long_running=lr,
        begin_signature=_begin_signature(lr.begin_name, signature_, lr, poller, is_async),
        begin_doc=doc(_begin_doc(op, lr, signature_, is_async), 8),
        forward=_forward(signature_),
        request=request_statement(op.builder_name, _forward(signature_)),
        state_entries=entries,
        # Named through the class: `self` may be an operation group, which has no pollers.
        start_poller=call(
            f"return {client}.{lr.poller_name}",
            ["self", "_state", "polling_interval", "_http.retry_after(_response)"],
            _INDENT,
        ),
        resume_signature=_resume_signature(lr.resume_name, poller, is_async),
        resume_doc=doc(
            f"Wait for {title(op)} started elsewhere: a poller from the `continuation_token()` "
            f"of another one (any process).\n\nRaises:\n    ValueError: the token is not one "
            f"for {op.operation_id}.",
            8,
        ),
        read_token=call(
            "_state, _interval = polling.read_continuation_token",
            ["continuation_token", pyrepr(op.operation_id), field_tuple],
            _INDENT,
        ),
        resume_poller=call(
            f"return {client}.{lr.poller_name}", ["self", "_state", "_interval", "None"], _INDENT
        ),
        poller_signature=signature(
            "def " + lr.poller_name,
            [
                _self(is_async),
                "state: dict[str, Any]",
                "interval: float",
                "retry_after: float | None",
            ],
            poller,
            "    ",
        ),
    )


def group_class(group: OperationGroup, is_async: bool) -> GroupClassView:
    """One of an operation group's classes: asyncio if `is_async`, else blocking."""
    client_name = "AsyncClient" if is_async else "Client"
    class_name = group.async_class_name if is_async else group.class_name
    return GroupClassView(
        class_name=class_name,
        client_name=client_name,
        doc=doc(
            f"{group.description or group.name}\n\nReached as `{client_name}.{group.attribute}`;"
            f" each method is one of `{client_name}`'s, under a shorter name (`help()` shows"
            " which).",
            4,
        ),
        methods=tuple(_group_method(m, client_name) for m in group.methods),
        raw_class=raw_class_name(class_name),
    )


def _group_method(method: GroupMethod, client_name: str) -> GroupMethodView:
    target = _group_target(method)
    return GroupMethodView(
        name=method.py_name,
        target=target,
        assignment=lay_alias(method.py_name, f"{client_name}.{target}", "    "),
    )


def _group_target(method: GroupMethod) -> str:
    """The client method a group method is."""
    op = method.operation
    if method.long_running:
        assert op.long_running is not None
        if method.long_running == "begin":
            return op.long_running.begin_name
        return op.long_running.resume_name
    if method.returns_headers:
        assert op.with_headers_name is not None
        return op.with_headers_name
    return op.py_name
