"""What `client.py.j2` prints for raw responses: per client class and per operation-group
class, a small class whose attributes are the same methods wrapped by `_http.raw` (or
`_http.raw_async`), each returning an `ApiResponse` of what the method returns. The
clients' and groups' `with_raw_response` properties return one.

Its class names start with an underscore: no schema's class name can (naming.class_name),
so they never meet a model's.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.nodes import Api, OperationGroup
from generator.render.layout import call, doc


@dataclass(frozen=True, slots=True)
class RawClassView:
    """The raw-response class of a client or group class."""

    class_name: str
    """Its name: `_Raw` and the name of the class it wraps."""
    wraps: str
    """The client or group class whose methods it wraps."""
    doc: str
    """Its docstring, 4 columns in."""
    parameter: str
    """Its `__init__`'s parameter: `client` or `group`."""
    statements: tuple[str, ...]
    """Its `__init__`'s statements, 8 columns in (`pass` when it wraps nothing)."""


def raw_class_name(class_name: str) -> str:
    """The raw-response class of the client or group class `class_name`."""
    return "_Raw" + class_name


def raw_classes(api: Api) -> tuple[RawClassView, ...]:
    """`_RawClient`, `_RawAsyncClient`, then each group's pair."""
    views = [_client(api, is_async) for is_async in (False, True)]
    views += [_group(group, is_async) for group in api.groups for is_async in (False, True)]
    return tuple(views)


def _wrap(attribute: str, target: str, is_async: bool) -> str:
    wrapper = "_http.raw_async" if is_async else "_http.raw"
    return call(f"self.{attribute} = {wrapper}", [target], " " * 8)


def _doc(wraps: str, reached: str) -> str:
    return doc(
        f"The methods of `{wraps}`, each returning an `ApiResponse`: the value the method "
        f"returns, the HTTP response, its status, headers and request id (`{reached}`).",
        4,
    )


def _client(api: Api, is_async: bool) -> RawClassView:
    name = "AsyncClient" if is_async else "Client"
    statements = []
    for op in api.operations:
        if op.paging is not None:
            # A pager sends nothing until iterated; its pages carry their responses.
            continue
        statements.append(_wrap(op.py_name, f"client.{op.py_name}", is_async))
        if op.with_headers_name:
            target = f"client.{op.with_headers_name}"
            statements.append(_wrap(op.with_headers_name, target, is_async))
        if op.long_running is not None:
            begin = op.long_running.begin_name
            statements.append(_wrap(begin, f"client.{begin}", is_async))
    for group in api.groups:
        group_class = group.async_class_name if is_async else group.class_name
        statements.append(
            call(
                f"self.{group.attribute} = {raw_class_name(group_class)}",
                [f"client.{group.attribute}"],
                " " * 8,
            )
        )
    return RawClassView(
        class_name=raw_class_name(name),
        wraps=name,
        doc=_doc(name, "client.with_raw_response"),
        parameter="client",
        statements=tuple(statements) or ("pass",),
    )


def _group(group: OperationGroup, is_async: bool) -> RawClassView:
    name = group.async_class_name if is_async else group.class_name
    statements = tuple(
        _wrap(method.py_name, f"group.{method.py_name}", is_async)
        for method in group.methods
        if method.long_running != "resume" and method.operation.paging is None
    )
    return RawClassView(
        class_name=raw_class_name(name),
        wraps=name,
        doc=_doc(name, f"client.{group.attribute}.with_raw_response"),
        parameter="group",
        statements=statements or ("pass",),
    )
