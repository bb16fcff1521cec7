"""What `client.py.j2` prints at module level, statement by statement, laid out as black
would: the scopes and readOnly tables, the typed-headers dataclasses, each operation's
response parser and request builder, and the long-running status readers. The client
classes are `client_classes`'s. `client_view(api)` (a filter) gives the template all of it.

Spec text reaches these strings only through the filters' functions (`pyrepr`, and the
docstrings through `layout.doc`, which calls `docstring`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from generator.ir.nodes import (
    Api,
    BodyEncoding,
    Header,
    LongRunning,
    MethodArgument,
    Operation,
    Parameter,
    ReadOnlyRoot,
    RequestBody,
    Response,
    TypeRef,
)
from generator.render.layout import (
    LINE_LENGTH,
    Node,
    call,
    concat,
    doc,
    signature,
    tuple_of,
)
from generator.render.literals import pyrepr
from generator.render.views import client_classes, codecs, stream_view
from generator.render.views.client_classes import ClientClassView, GroupClassView, arguments, title
from generator.render.views.codecs import typed_format
from generator.render.views.imports import ModuleImports
from generator.render.views.raw_view import RawClassView, raw_classes

_STYLED = (BodyEncoding.FORM, BodyEncoding.MULTIPART)


@dataclass(frozen=True, slots=True)
class ReadOnlyRuleView:
    """One `_READ_ONLY` entry: the model's name as a literal, its two tuples laid out."""

    model: str
    """The model's class name as a Python literal."""
    omit: str
    """The tuple of wire names requests leave out, laid out 8 columns in."""
    nested: str
    """The tuple of (wire name, shape, model) of nested models, laid out 8 columns in."""


@dataclass(frozen=True, slots=True)
class HeaderFieldView:
    """One field of a typed-headers dataclass."""

    declaration: str
    """`name: annotation | None = None`."""
    doc: str
    """Its docstring, or "" when the header has no description."""
    reader: str
    """`name=<reader>(headers, "Name"),`: its keyword argument in `from_headers`."""


@dataclass(frozen=True, slots=True)
class HeadersClassView:
    """The dataclass of an operation's typed response headers."""

    class_name: str
    """The dataclass's name (`Operation.headers_class`)."""
    doc: str
    """Its docstring, 4 columns in."""
    fields: tuple[HeaderFieldView, ...]
    """One per response header, in the operation's order."""
    from_headers: str
    """The `def from_headers(...) -> Class:` line(s)."""


@dataclass(frozen=True, slots=True)
class SuccessView:
    """One 2xx branch of a response parser."""

    condition: str
    """The `if` condition on `status` (`status == 200`, `200 <= status <= 299`)."""
    statement: str
    """The `return ...` of a body that is not JSON; "" when `type` is set."""
    type: TypeRef | None
    """The JSON body's type, for the `decode` macro; None when `statement` says it all."""
    read_json: str
    """`body = _http.read_json(...)` when `type` is set."""


@dataclass(frozen=True, slots=True)
class ErrorView:
    """One error branch of a response parser: `raise _http.api_error(...)`."""

    condition: str
    """The `if` condition, or "" for `default` (raised unconditionally)."""
    pad: str
    """The indentation of the `raise` (deeper under an `if`)."""
    model: str
    """The error model's class name, or `None`."""
    code_header: str
    """The header holding the error code, as a literal."""
    code_path: str
    """The JSON path of the error code in the body, as a tuple literal."""
    message_path: str
    """The JSON path of the error message in the body, as a tuple literal."""


@dataclass(frozen=True, slots=True)
class OperationView:
    """An operation's module-level functions: its response parser and request builder."""

    operation: Operation
    """The operation itself."""
    parser_signature: str
    """The `def <parser>(response: httpx.Response) -> ...:` line(s)."""
    reads_status: bool
    """The parser branches on the status code (`Operation.parser_reads_status`)."""
    success: tuple[SuccessView, ...]
    """The 2xx branches, in spec order."""
    errors: tuple[ErrorView, ...]
    """The error branches: statuses and ranges, then `default`."""
    raises_at_end: bool
    """No `default` response: anything unmatched raises a plain ApiError at the end."""
    arguments: str
    """The builder's parameters after `_base_url`, one a line, each ending in a line break."""
    checks: tuple[str, ...]
    """The statements checking parameter constraints (an optional one's under its `if`),
    4 columns in."""
    url: str
    """The statement building `_url` from `_base_url` and the quoted path parameters."""
    accept: str
    """The Accept header's value as a literal."""
    headers: tuple[str, ...]
    """The statements setting header parameters, 4 columns in."""
    cookies: tuple[str, ...]
    """The statements collecting cookie parameters, 4 columns in."""
    query: tuple[str, ...]
    """The statements adding query parameters, 4 columns in."""
    body_statements: tuple[str, ...]
    """From `_styles` to `_content`, or the whole `return` of a builder without a body."""
    method: str
    """The HTTP method as a literal."""
    params: str
    """`_params`, or `None` without query parameters."""
    media_type: str | None
    """The body's media type as a literal; None without a body."""
    item_decoder: str
    """The `def` line of the function decoding one item of a typed stream (`stream_view`);
    "" when the operation returns none."""


@dataclass(frozen=True, slots=True)
class StatusReaderView:
    """The function reading one status response of a long-running operation."""

    operation: Operation
    """The long-running operation."""
    long_running: LongRunning
    """Its `Operation.long_running`."""
    signature: str
    """The reader's `def` line(s)."""
    doc: str
    """Its docstring, 4 columns in."""


@dataclass(frozen=True, slots=True)
class ClientView:
    """Everything `client.py.j2` prints that it does not print as it is."""

    scopes: str
    """The `_SCOPES` statement."""
    read_only_rules: tuple[ReadOnlyRuleView, ...]
    """The `_READ_ONLY` entries (`Api.read_only_rules`)."""
    header_classes: tuple[HeadersClassView, ...]
    """The typed-headers dataclasses (`Api.header_operations`)."""
    operations: tuple[OperationView, ...]
    """Each operation's parser and request builder, in spec order."""
    status_readers: tuple[StatusReaderView, ...]
    """Each long-running operation's status reader."""
    options: str
    """The statement gathering an operation method's per-call options."""
    clients: tuple[ClientClassView, ...]
    """`Client`, then `AsyncClient`."""
    group_classes: tuple[GroupClassView, ...]
    """Each group's blocking class, then its asyncio one."""
    raw_classes: tuple[RawClassView, ...]
    """The `with_raw_response` classes: the clients', then each group's pair."""


def client_view(
    api: Api, imports: ModuleImports, moved: Collection[str] = frozenset()
) -> ClientView:
    """What `client.py.j2` prints for `api` (`imports` is the template variable of that name):
    each statement laid out as black would. `moved`: the operations (`py_name`) a split
    client's parts print, which its `__init__.py` leaves out (`SplitModule.moved`): their
    `operations` and client methods are not computed."""
    kept = [op for op in api.operations if op.py_name not in moved]
    signatures = {op.operation_id: op.signature for op in kept}
    # Client and AsyncClient print the same docstring per operation: wrapped once.
    operation_docs = {
        op.operation_id: client_classes.operation_doc(op, signatures[op.operation_id])
        for op in kept
    }
    return ClientView(
        scopes=_scopes(api.token_scopes),
        read_only_rules=tuple(
            ReadOnlyRuleView(
                pyrepr(rule.model), tuple_of(rule.omit, " " * 8), tuple_of(rule.nested, " " * 8)
            )
            for rule in api.read_only_rules
        ),
        header_classes=tuple(_headers_class(op) for op in api.header_operations),
        operations=tuple(_operation(op, signatures[op.operation_id]) for op in kept),
        status_readers=tuple(_status_reader(op) for op in api.long_running_operations),
        options=client_classes.OPTIONS,
        clients=tuple(
            client_classes.client_class(api, kept, is_async, signatures, operation_docs, imports)
            for is_async in (False, True)
        ),
        group_classes=tuple(
            client_classes.group_class(group, is_async)
            for group in api.groups
            for is_async in (False, True)
        ),
        raw_classes=raw_classes(api),
    )


def _scopes(scopes: Sequence[str]) -> str:
    one = "_SCOPES: tuple[str, ...] = " + pyrepr(tuple(scopes))
    if len(one) <= LINE_LENGTH or len(scopes) < 2 or not one.isascii():
        return one
    lines = "".join(f"    {pyrepr(scope)},\n" for scope in scopes)
    return f"_SCOPES: tuple[str, ...] = (\n{lines})"


def _headers_class(op: Operation) -> HeadersClassView:
    assert op.headers_class is not None
    return HeadersClassView(
        class_name=op.headers_class,
        doc=doc(
            f"The headers of a {title(op)} response.\n\n"
            "A header the response did not send is None.",
            4,
        ),
        fields=tuple(_header_field(h) for h in op.headers),
        from_headers=signature(
            "def from_headers", ["cls", "headers: httpx.Headers"], op.headers_class, "    "
        ),
    )


def _header_field(header: Header) -> HeaderFieldView:
    function, args = codecs.header_reader(header.type, pyrepr(header.name))
    return HeaderFieldView(
        declaration=f"{header.py_name}: {header.type.annotation} | None = None",
        doc=doc(header.description, 4) if header.description else "",
        reader=call(f"{header.py_name}={function}", args, " " * 12, ","),
    )


def _condition(status_range: tuple[int, int]) -> str:
    low, high = status_range
    return f"status == {low}" if low == high else f"{low} <= status <= {high}"


def _success(op: Operation, response: Response) -> SuccessView:
    assert response.status_range is not None
    condition = _condition(response.status_range)
    if op.stream is not None:  # the stream reads a success body, not the parser
        return SuccessView(condition, "return", None, "")
    if response.body_kind == "text":
        statement = "return response.text"
    elif response.body_kind == "bytes":
        statement = "return response.content"
    elif response.body_kind == "xml" and response.type is not None:
        statement = f"return {response.type.target}.from_xml(response.content)"
    elif response.headers_class:
        statement = f"return {response.headers_class}.from_headers(response.headers)"
    elif response.type is None:
        statement = "return None" if op.return_annotation != "None" else "return"
    else:
        what = pyrepr(response.type.target or "response")
        exact = ["exact=True"] if typed_format(response.type) == "decimal" else []
        read = call("body = _http.read_json", ["response", what, *exact], " " * 8)
        if response.bytes_media_types:
            # Content negotiation: the server may answer in a non-JSON type the spec lists.
            types = pyrepr(response.bytes_media_types)
            sent_as = call("if _http.sent_as", ["response", types], " " * 8)
            read = f"{sent_as}:\n{' ' * 12}return response.content\n{' ' * 8}{read}"
        return SuccessView(condition, "", response.type, read)
    return SuccessView(condition, statement, None, "")


def _error(response: Response) -> ErrorView:
    status_range = response.status_range
    t = response.type
    return ErrorView(
        condition="" if status_range is None else _condition(status_range),
        pad="    " if status_range is None else " " * 8,
        model=str(t.target) if t is not None and t.kind == "model" else "None",
        code_header=pyrepr(response.error_code_header),
        code_path=pyrepr(response.error_code_path),
        message_path=pyrepr(response.error_message_path),
    )


def _errors(responses: Sequence[Response]) -> tuple[ErrorView, ...]:
    """The error branches, one for each run of neighbouring statuses that raise alike (Graph
    declares the same error for `4XX` and `5XX`: `400 <= status <= 599`)."""
    views: list[ErrorView] = []
    covered: tuple[int, int] | None = None
    for response in responses:
        view = _error(response)
        status_range = response.status_range
        if (
            views
            and covered is not None
            and status_range is not None
            and status_range[0] == covered[1] + 1
            and replace(view, condition=views[-1].condition) == views[-1]
        ):
            covered = (covered[0], status_range[1])
            views[-1] = replace(view, condition=_condition(covered))
            continue
        views.append(view)
        covered = status_range
    return tuple(views)


def _operation(op: Operation, signature_: Sequence[MethodArgument]) -> OperationView:
    errors = op.error_responses
    query = op.parameters_in("query")
    body = op.body
    return OperationView(
        operation=op,
        parser_signature=signature(
            "def " + op.parser_name,
            ["response: httpx.Response"],
            "None" if op.stream else op.return_annotation,
            "",
        ),
        item_decoder=stream_view.item_decoder(op),
        reads_status=op.parser_reads_status,
        success=tuple(_success(op, r) for r in op.success_responses),
        errors=_errors(errors),
        raises_at_end=not errors or errors[-1].status_range is not None,
        arguments=arguments(signature_, "    "),
        checks=tuple(_checks(op)),
        url=concat("_url", _path_parts(op), "    "),
        accept=pyrepr(op.accept),
        headers=tuple(
            _when_set(
                p,
                call(
                    f"_headers[{pyrepr(_header_key(p.name))}] = _http.header_text",
                    _header_arguments(p),
                    "    " if p.required else " " * 8,
                ),
            )
            for p in op.parameters_in("header")
        ),
        cookies=tuple(
            _when_set(p, f"_cookies.append(({pyrepr(p.name)}, {_param_value(p)}))")
            for p in op.parameters_in("cookie")
        ),
        query=tuple(
            _when_set(
                p,
                call(
                    "_http.add_query",
                    ["_params", pyrepr(p.name), _param_value(p), pyrepr(p.style), str(p.explode)],
                    "    " if p.required else " " * 8,
                ),
            )
            for p in query
        ),
        body_statements=tuple(_body_statements(op, bool(query))),
        method=pyrepr(op.method),
        params="_params" if query else "None",
        media_type=None if body is None else pyrepr(body.media_type),
    )


def _param_value(p: Parameter) -> str:
    """The expression of a parameter's value as the serializers take it: a typed format
    (`format: unixtime`...) goes through `_http.to_wire_as` first, since the value's class
    alone cannot say how it is written."""
    return _typed_wire(p.py_name, p.type)


def _typed_wire(value: str, t: TypeRef) -> str:
    fmt = typed_format(t)
    return value if fmt is None else f"_http.to_wire_as({value}, {pyrepr(fmt)})"


def _header_arguments(p: Parameter) -> list[str]:
    """`header_text`'s arguments: the name and value, then explode and a Swagger 2.0
    delimited style only when they are not the default (simple, not exploded)."""
    arguments = [pyrepr(p.py_name), _param_value(p)]
    if p.explode or p.style != "simple":
        arguments.append(str(p.explode))
    if p.style != "simple":
        arguments.append(pyrepr(p.style))
    return arguments


def _when_set(p: Parameter, statement: str) -> str:
    """`statement` for a required parameter; for an optional one, under the test that it was
    passed (and, when null is allowed, is not None)."""
    if p.required:
        return statement
    not_null = f" and {p.py_name} is not None" if p.type.nullable else ""
    return f"if {p.py_name} is not UNSET{not_null}:\n        {statement}"


def _checks(op: Operation) -> list[str]:
    """The statements checking the parameters' constraints, required ones first."""
    found = []
    for p in op.required_parameters:
        checked = _check(p, "    ")
        if checked:
            found.append(checked)
    for p in op.optional_parameters:
        checked = _check(p, " " * 8)
        if checked:
            found.append(f"if {p.py_name} is not UNSET:\n        {checked}")
    return found


def _check(p: Parameter, indent: str) -> str:
    """The call checking a parameter's constraints, or "" when it has none."""
    c = p.type.constraints
    kind = p.type.kind
    if kind == "string" and (
        c.min_length is not None or c.max_length is not None or c.python_pattern is not None
    ):
        args = [pyrepr(p.py_name), p.py_name]
        if c.min_length is not None:
            args.append(f"min_length={c.min_length}")
        if c.max_length is not None:
            args.append(f"max_length={c.max_length}")
        if c.python_pattern is not None:
            args.append(f"pattern={pyrepr(c.python_pattern)}")
            if c.pattern != c.python_pattern:
                args.append(f"spec_pattern={pyrepr(c.pattern)}")
        return call("_http.check_text", args, indent)
    if kind in ("integer", "number") and (c.minimum is not None or c.maximum is not None):
        args = [pyrepr(p.py_name), p.py_name]
        if c.minimum is not None:
            args.append(f"minimum={pyrepr(c.minimum)}")
            args.append(f"exclusive_minimum={pyrepr(c.exclusive_minimum)}")
        if c.maximum is not None:
            args.append(f"maximum={pyrepr(c.maximum)}")
            args.append(f"exclusive_maximum={pyrepr(c.exclusive_maximum)}")
        return call("_http.check_number", args, indent)
    return ""


def _path_parts(op: Operation) -> list[Node]:
    by_name = {p.py_name: p for p in op.parameters_in("path")}
    parts: list[Node] = ["_base_url"]
    for part in op.path_parts:
        if part.name:
            parts.append(
                {"head": "_http.quote_path", "args": _path_arguments(part.name, by_name)}
            )
        else:
            parts.append(pyrepr(part.literal))
    return parts


def _path_arguments(py_name: str, by_name: dict[str, Parameter]) -> list[str]:
    """`quote_path`'s arguments: the value and its name, then only what is not the default
    (style simple, not exploded, reserved characters escaped)."""
    p = by_name.get(py_name)
    if p is None:
        return [py_name, pyrepr(py_name)]
    arguments = [_param_value(p), pyrepr(py_name)]
    if p.style != "simple" or p.explode:
        arguments.append(pyrepr(p.style))
    if p.explode:
        arguments.append("True")
    if p.style == "matrix":
        arguments.append(f"key={pyrepr(p.name)}")
    if p.allow_reserved:
        arguments.append("allow_reserved=True")
    return arguments


def _to_wire(value: str, read_only: ReadOnlyRoot | None, indent: str) -> str:
    if read_only is None:
        return f"_http.to_wire({value})"
    return (
        f"_http.omit_read_only(\n{indent}    _http.to_wire({value}),\n"
        f"{indent}    {pyrepr(read_only.shape)},\n{indent}    {pyrepr(read_only.model)},\n"
        f"{indent}    _READ_ONLY,\n{indent})"
    )


def _content(body: RequestBody, value: str, indent: str) -> str:
    """Statements setting `_content`, the first one unindented; `_wire` keeps calls flat."""
    if body.encoding is BodyEncoding.XML and body.read_only and body.type is not None:
        wire = _to_wire(value, body.read_only, indent)
        xml = f"{body.type.target}.wire_to_xml(_wire)"
        return f'_wire = {wire}\n{indent}_content = {{"content": {xml}}}'
    if body.encoding is BodyEncoding.XML:
        return f'_content = {{"content": {value}.to_xml()}}'
    encoding = body.encoding.value
    styles = ", _styles" if body.encoding in _STYLED else ""
    if body.part_content_types:
        styles += ", _part_types"
    if body.spread or body.encoding in (BodyEncoding.BINARY, BodyEncoding.TEXT):
        return f"_content = _http.{encoding}_content({value}{styles})"
    if body.read_only:
        wire = _to_wire(value, body.read_only, indent)
        return f"_wire = {wire}\n{indent}_content = _http.{encoding}_content(_wire{styles})"
    if _tags_union(body):
        # The discriminator goes out even for variants that do not declare it.
        assert body.type is not None
        return f"_content = _http.{encoding}_content({body.type.encoder}({value}){styles})"
    fmt = None if body.type is None else typed_format(body.type)
    if fmt is not None:
        wire = f"_http.to_wire_as({value}, {pyrepr(fmt)})"
        return f"_content = _http.{encoding}_content({wire}{styles})"
    return f"_content = _http.{encoding}_content(_http.to_wire({value}){styles})"


def _tags_union(body: RequestBody) -> bool:
    """The body is a discriminated union, which its own encoder writes."""
    t = body.type
    return (
        t is not None
        and bool(t.discriminator)
        and bool(t.encoder)
        and not t.nullable
        and not body.spread
    )


def _styles(body: RequestBody) -> str:
    entries = [
        f"({pyrepr(ps.wire_name)}, {pyrepr(ps.style)}, {ps.explode})" for ps in body.part_styles
    ]
    if len(entries) == 1:
        return f"_styles: _http.Styles = ({entries[0]},)"
    if entries:
        lines = "".join(f"        {entry},\n" for entry in entries)
        return f"_styles: _http.Styles = (\n{lines}    )"
    return "_styles: _http.Styles = ()"


def _part_types(body: RequestBody) -> str:
    """The `_part_types` statement: each file part's Content-Type from the spec."""
    entries = [f"({pyrepr(name)}, {pyrepr(media)})" for name, media in body.part_content_types]
    one = f"_part_types: _http.PartTypes = ({entries[0]},)" if len(entries) == 1 else ""
    if one and len(one) + 4 <= LINE_LENGTH:
        return one
    lines = "".join(f"        {entry},\n" for entry in entries)
    return f"_part_types: _http.PartTypes = (\n{lines}    )"


def _body_statements(op: Operation, has_query: bool) -> list[str]:
    body = op.body
    if body is None:
        params = ", params=_params" if has_query else ""
        return [
            f"return _client.build_request({pyrepr(op.method)}, _url, headers=_headers{params})"
        ]
    statements = [_styles(body)] if body.encoding in _STYLED else []
    if body.part_content_types:
        statements.append(_part_types(body))
    if body.spread:
        statements.append("_body: dict[str, Any] = {}")
        for f in body.fields:
            indent = "    " if f.required else " " * 8
            target = f"_body[{pyrepr(f.wire_name)}]"
            if f.is_file:
                statement = f"{target} = {f.py_name}"
            elif f.read_only:
                statement = f"{target} = {_to_wire(f.py_name, f.read_only, indent)}"
            elif typed_format(f.type) is not None:
                fmt = pyrepr(typed_format(f.type))
                statement = call(f"{target} = _http.to_wire_as", [f.py_name, fmt], indent)
            else:
                statement = call(f"{target} = _http.to_wire", [f.py_name], indent)
            statements.append(
                statement if f.required else f"if {f.py_name} is not UNSET:\n        {statement}"
            )
        statements.append(_content(body, "_body", "    "))
    elif body.required:
        statements.append(_content(body, body.py_name, "    "))
    else:
        statements.append("_content = None")
        statements.append(
            f"if not isinstance({body.py_name}, Unset):\n"
            f"        {_content(body, body.py_name, ' ' * 8)}"
        )
    return statements


def _status_reader(op: Operation) -> StatusReaderView:
    lr = op.long_running
    assert lr is not None
    return StatusReaderView(
        operation=op,
        long_running=lr,
        signature=signature(
            "def " + lr.reader_name,
            ["response: httpx.Response"],
            f"tuple[str, {lr.result_annotation}, str | None]",
            "",
        ),
        doc=doc(
            f"One status response of {title(op)}: its status, the value, and the service's "
            "message.",
            4,
        ),
    )


def _header_key(name: str) -> str:
    """The key a header parameter is set under in the builder's `_headers`: the spec's name,
    except that an `Accept` parameter, in any case, replaces the default `Accept` the builder
    starts with (as a second key it was sent beside it: `image/png, image/png`)."""
    return "Accept" if name.lower() == "accept" else name
