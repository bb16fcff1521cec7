"""What `README.md.j2` prints of the generated package's own README: the quickstart's code,
the table of operations, and the call the examples of errors, per-call options and raw
responses make.

Code blocks hold only names the naming module made, values made here from them (never a
spec's text: a ``` in an example would end the block), and fixed text; table cells hold spec
text through the Markdown filters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.ir.kinds import TypeKind
from generator.ir.nodes import Api, Operation
from generator.ir.requests import Parameter
from generator.render.filters import markdown_code, markdown_inline

_LINE = 88


@dataclass(frozen=True, slots=True, kw_only=True)
class OperationRow:
    """One row of the README's table of operations."""

    method: str
    """The method as an application calls it (`client.pets.list_pets`)."""
    http: str
    """The HTTP method and path, as a Markdown code span."""
    summary: str
    """The operation's summary (else its id), escaped for a table cell."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CredentialExample:
    """Building the client with one of the credentials the API declares."""

    name: str
    """The credential class (`ApiKeyCredential`); `none` when the API declares none."""
    code: str
    """A Python block that builds `client` with it (no trailing newline)."""
    note: str
    """What the credential is, a clause printed before the block; "" for none."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadmeView:
    """What the built-in README prints (`api | readme_view`)."""

    environment: tuple[str, ...]
    """The environment variables the quickstart reads (`PET_CLIENT_ENDPOINT`), in order."""
    quickstart: str
    """Build a client with the first credential, call `call_target`, print the result."""
    quickstart_credential: str
    """The first credential class (the quickstart's); "" when the API declares none."""
    quickstart_note: str
    """What that credential is, a clause printed before the quickstart; "" for none."""
    credentials: tuple[CredentialExample, ...]
    """Building the client with each of the other credentials the API declares."""
    async_quickstart: str
    """The quickstart's call made with `AsyncClient`."""
    call_target: str
    """The method the examples call, without its arguments (`client.get_pet`)."""
    call_arguments: str
    """Its required arguments as the examples pass them (`"pet-id"`); "" for none."""
    plain_call: bool
    """Whether that method sends its request when called (not a pager): the examples of
    errors, per-call options and raw responses call it."""
    operations: tuple[OperationRow, ...]
    """Every operation, in the client's order."""
    begin_call: str
    """The call that starts the first long-running operation (`client.begin_export(...)`);
    "" when the API has none."""
    paging_call: str
    """A call of the first paged list operation (`client.list_pets()`); "" when none."""
    paged: tuple[OperationRow, ...]
    """The paged list operations."""
    stream_call: str
    """A call of the first operation that returns a stream; "" when none."""
    stream_events: bool
    """Whether that stream's items are server-sent events (else decoded JSON items)."""
    streamed: tuple[OperationRow, ...]
    """The operations that return streams."""


def readme_view(api: Api) -> ReadmeView:
    """The README's computed parts for `api`."""
    prefix = api.package_name.upper()
    server = [f"{prefix}_{v.py_name.upper()}" for v in api.server.required_variables]
    target, arguments = _example_call(api)
    kinds = api.credential_types or ("",)
    built = [_credential(api, kind, prefix) for kind in kinds]
    first_imports, first_argument, first_note, first_environment = built[0]
    paged = _is_paged(api, target)
    call = _wrapped(f"result = {target}", [arguments] if arguments else [], "")
    if paged:
        call = _wrapped(f"result = list({target}", [arguments] if arguments else [], "", ")")
    quickstart = "\n".join(
        [
            *_imports(api, first_imports, "Client", _reads_environment(server, first_argument)),
            "",
            _wrapped("client = Client", _positional(server, first_argument), ""),
            call,
            "print(result)",
        ]
    )
    others = tuple(
        CredentialExample(
            name=kind,
            code="\n".join(
                [
                    *_imports(api, imports, "Client", _reads_environment(server, argument)),
                    "",
                    _wrapped("client = Client", _positional(server, argument), ""),
                ]
            ),
            note=note,
        )
        for kind, (imports, argument, note, _) in zip(kinds[1:], built[1:])
    )
    async_imports = [line.replace("azure.identity", "azure.identity.aio") for line in first_imports]
    async_call = _wrapped(
        f"result = await {target}", [arguments] if arguments else [], " " * 8
    )
    if paged:
        async_call = _wrapped(
            f"result = [item async for item in {target}",
            [arguments] if arguments else [],
            " " * 8,
            "]",
        )
    async_quickstart = "\n".join(
        [
            *_imports(
                api,
                async_imports,
                "AsyncClient",
                _reads_environment(server, first_argument),
                ("import asyncio",),
            ),
            "",
            "",
            "async def main() -> None:",
            _wrapped(
                "async with AsyncClient",
                _positional(server, first_argument),
                " " * 4,
                " as client:",
            ),
            async_call,
            "        print(result)",
            "",
            "",
            "asyncio.run(main())",
        ]
    )
    return ReadmeView(
        environment=tuple(server + first_environment),
        quickstart=quickstart,
        quickstart_credential=api.credential_types[0] if api.credential_types else "",
        quickstart_note=first_note,
        credentials=others,
        async_quickstart=async_quickstart,
        call_target=target,
        call_arguments=arguments,
        plain_call=not paged and bool(api.operations),
        operations=tuple(_row(api, op) for op in api.operations),
        begin_call=_begin_call(api),
        paging_call=_call_of(api, api.paging_operations),
        paged=tuple(_row(api, op) for op in api.paging_operations),
        stream_call=_call_of(api, api.stream_operations),
        stream_events=bool(
            api.stream_operations
            and api.stream_operations[0].stream is not None
            and api.stream_operations[0].stream.format == "sse"
        ),
        streamed=tuple(_row(api, op) for op in api.stream_operations),
    )


def _is_paged(api: Api, target: str) -> bool:
    return any(method_path(api, op) == target for op in api.paging_operations)


def _call_of(api: Api, operations: tuple[Operation, ...]) -> str:
    """A call of the first of `operations` whose arguments can be made, else of the first
    with `...`; "" when there are none."""
    for op in operations:
        values = _values(op)
        if values is not None:
            return f"{method_path(api, op)}({', '.join(values)})"
    if not operations:
        return ""
    required = ["..." for a in operations[0].signature if a.required]
    return f"{method_path(api, operations[0])}({', '.join(required)})"


def _begin_call(api: Api) -> str:
    if not api.long_running_operations:
        return ""
    op = api.long_running_operations[0]
    assert op.long_running is not None
    target = f"client.{op.long_running.begin_name}"
    for group in api.groups:
        for method in group.methods:
            if method.operation is op and method.long_running == "begin":
                target = f"client.{group.attribute}.{method.py_name}"
    values = _values(op)
    if values is None:
        values = ["..." for a in op.signature if a.required]
    return f"{target}({', '.join(values)})"



def _credential(api: Api, kind: str, prefix: str) -> tuple[list[str], str, str, list[str]]:
    """(import lines beside the package's, the constructor argument, a note, the environment
    variables it reads) for credential class `kind` ("" for none)."""
    if kind == "ApiKeyCredential":
        return [kind], f'ApiKeyCredential(os.environ["{prefix}_KEY"])', "", [f"{prefix}_KEY"]
    if kind == "HttpCredential":
        schemes = ", ".join(f"`{s}`" for s in api.http_schemes if re.fullmatch(r"[\w.-]+", s))
        note = "requests carry `Authorization: <scheme> <value>`"
        note += f", the scheme one of {schemes}" if schemes else ""
        note += "; `HttpCredential.basic(user, password)` makes a Basic one"
        argument = f'HttpCredential(os.environ["{prefix}_CREDENTIAL"])'
        return [kind], argument, note, [f"{prefix}_CREDENTIAL"]
    if kind == "TokenCredential":
        note = (
            "any object with `get_token(*scopes)`, azure-core's protocol, such as"
            " azure-identity's credentials"
        )
        imports = ["from azure.identity import DefaultAzureCredential"]
        return imports, "DefaultAzureCredential()", note, []
    return [], "", "", []


def _imports(
    api: Api, extra: list[str], client_class: str, uses_os: bool, stdlib: tuple[str, ...] = ()
) -> list[str]:
    """The import lines of an example, grouped and sorted as isort would: the standard
    library's (`os` when the environment is read), third-party lines, then the package's
    names."""
    names = sorted({client_class, *(e for e in extra if not e.startswith("from "))})
    groups = [sorted({*stdlib, *(["import os"] if uses_os else [])})]
    groups.append(sorted(e for e in extra if e.startswith("from ")))
    groups.append([f"from {api.package_name} import {', '.join(names)}"])
    lines: list[str] = []
    for group in filter(None, groups):
        lines += ([""] if lines else []) + group
    return lines


def _reads_environment(server: list[str], credential: str) -> bool:
    return bool(server) or "os.environ" in credential


def _positional(server: list[str], credential: str) -> list[str]:
    return [f'os.environ["{name}"]' for name in server] + ([credential] if credential else [])


def _wrapped(head: str, arguments: list[str], indent: str, tail: str = "") -> str:
    """`head(arguments)tail` as black lays it out: on one line when it fits, else the
    arguments on one line of their own, else one argument a line."""
    joined = ", ".join(arguments)
    one = f"{indent}{head}({joined}){tail}"
    if len(one) <= _LINE:
        return one
    if len(indent) + 4 + len(joined) <= _LINE:
        return f"{indent}{head}(\n{indent}    {joined}\n{indent}){tail}"
    inner = "".join(f"{indent}    {a},\n" for a in arguments)
    return f"{indent}{head}(\n{inner}{indent}){tail}"


def method_path(api: Api, op: Operation) -> str:
    """How an application reaches the operation's method: through its group when it has
    one."""
    return _group_paths(api).get(id(op)) or f"client.{op.py_name}"


# The last API's table (the API, then operation id → path): the README asks for every
# operation's path, and scanning all groups for each one is quadratic (a quarter of a huge
# spec's render). Holding the API keeps the ids valid.
_LAST_PATHS: list[Any] = []


def _group_paths(api: Api) -> dict[int, str]:
    if _LAST_PATHS and _LAST_PATHS[0] is api:
        cached: dict[int, str] = _LAST_PATHS[1]
        return cached
    table: dict[int, str] = {}
    for group in api.groups:
        for method in group.methods:
            if not method.long_running and not method.returns_headers:
                table.setdefault(id(method.operation), f"client.{group.attribute}.{method.py_name}")
    _LAST_PATHS[:] = [api, table]
    return table


def _row(api: Api, op: Operation) -> OperationRow:
    return OperationRow(
        method=method_path(api, op),
        http=markdown_code(f"{op.method} {op.path}"),
        summary=markdown_inline(op.summary or op.operation_id),
    )


def _example_call(api: Api) -> tuple[str, str]:
    """The method the examples call and its arguments: the first GET (then any other method;
    paged and streaming ones last) whose required arguments are all parameters this module
    can make a valid value for; else the first operation, with `...` for each required
    argument."""
    # A pager or a stream sends nothing (or raises nothing) until iterated: the examples of
    # errors and raw responses need a plain call.
    candidates = sorted(
        api.operations,
        key=lambda op: (op.paging is not None or op.stream is not None, op.method != "GET"),
    )
    for op in candidates:
        values = _values(op)
        if values is not None:
            return method_path(api, op), ", ".join(values)
    if not api.operations:
        return "print", '"this API has no operations"'
    op = api.operations[0]
    return method_path(api, op), ", ".join("..." for a in op.signature if a.required)


def _values(op: Operation) -> list[str] | None:
    by_name = {p.py_name: p for p in op.parameters}
    values = []
    for argument in op.signature:
        if not argument.required:
            continue
        parameter = by_name.get(argument.py_name)
        value = _value(parameter) if parameter is not None else None
        if value is None:
            return None
        values.append(value)
    return values


def _value(parameter: Parameter) -> str | None:
    """A Python literal that passes the parameter's checks, made from its name; None when
    this module cannot make one."""
    kind = parameter.type.kind
    facts = parameter.type.constraints
    if kind is TypeKind.STRING:
        text = parameter.py_name.replace("_", "-")
        too_long = facts.max_length is not None and len(text) > facts.max_length
        too_short = facts.min_length is not None and len(text) < facts.min_length
        if too_long or too_short or facts.enum_values:
            return None
        if facts.python_pattern and not re.search(facts.python_pattern, text):
            return None
        return f'"{text}"'
    if kind is TypeKind.INTEGER:
        value = int(facts.minimum) if facts.minimum is not None else 1
        value += 1 if facts.exclusive_minimum else 0
        if facts.maximum is not None and value > facts.maximum:
            return None
        return str(value)
    if kind is TypeKind.BOOLEAN:
        return "True"
    return None
