"""What `client.py.j2` prints for a paged list operation (`Operation.paging`): the pager
annotation, the statement returning the pager, and the method's docstring. The method builds
(and so checks) its first request at once and sends nothing until the pager is iterated.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.ir.nodes import MethodArgument, Operation, Paging
from generator.render.layout import call
from generator.render.literals import pyrepr

_INDENT = " " * 8


def pager_annotation(paging: Paging, is_async: bool) -> str:
    """`paging.Pager[Widget]`, or `paging.AsyncPager[Widget]` on the asyncio client."""
    return f"paging.{'AsyncPager' if is_async else 'Pager'}[{paging.item_annotation}]"


def _path(names: Sequence[str] | None) -> str:
    return "None" if names is None else pyrepr(tuple(names))


def style_expression(paging: Paging) -> str:
    """The runtime style object (`paging.NextLinkPaging(("next_link",))`), on one line."""
    if paging.style == "single":
        return "paging.OnePagePaging()"
    if paging.style == "next-link":
        return f"paging.NextLinkPaging({_path(paging.next_link)})"
    where = f"{pyrepr(paging.parameter)}, {pyrepr(paging.parameter_in)}"
    if paging.style == "cursor":
        return (
            f"paging.CursorPaging({where}, {_path(paging.cursor_field)}, "
            f"has_more={_path(paging.has_more)}, limit={pyrepr(paging.limit)})"
        )
    if paging.style == "token":
        return (
            f"paging.TokenPaging({where}, path={_path(paging.token_path)}, "
            f"header={pyrepr(paging.token_header)})"
        )
    return f"paging.OffsetPaging({where}, limit={pyrepr(paging.limit)})"


def return_pager(op: Operation, is_async: bool, query_key: str | None = None) -> str:
    """The list method's last statement: the pager over the first request `_request`.
    `query_key`: the API key's parameter when it goes in the query (next links that echo it
    do not keep it in continuation tokens)."""
    paging = op.paging
    assert paging is not None
    pager = "AsyncPager" if is_async else "Pager"
    secret = [f"secret_query={pyrepr((query_key,))}"] if query_key else []
    return call(
        f"return paging.{pager}",
        [
            f"operation={pyrepr(op.operation_id)}",
            "send=self._pipeline.send",
            "request=_request",
            "options=_options",
            f"read={op.parser_name}",
            f"items={pyrepr(paging.items)}",
            f"style={style_expression(paging)}",
            "base_url=self._base_url",
            *secret,
        ],
        _INDENT,
    )


def paging_doc(
    op: Operation,
    signature_: Sequence[MethodArgument],
    title: str,
    options: str,
    errors_doc: str,
    is_async: bool,
) -> str:
    """The list method's docstring text (before `doc()` lays it out)."""
    paging = op.paging
    assert paging is not None
    text = f"{title}\n"
    if op.description and op.description != op.summary:
        text += f"\n{op.description}\n"
    loop = "async for item in" if is_async else "for item in"
    text += (
        f"\nReturns a pager at once and sends nothing: `{loop} pager` fetches the pages as "
        "they are needed; `pager.by_page()` gives the pages (items, response, "
        "continuation_token). The per-call options apply to each page request.\n\nArgs:\n"
    )
    text += "".join(f"    {a.py_name}: {a.description}\n" for a in signature_)
    text += options
    return (
        f"{text}\nReturns:\n    {pager_annotation(paging, is_async)}: the items, page by page."
        "\n\nRaises:\n    ValueError: a parameter breaks the spec's constraints; nothing was "
        "sent.\n\nIterating raises ApiError, DeserializationError, PagingError and:\n"
        f"{errors_doc.rstrip()}"
    )
