"""Pagination: which operations list items page by page, and how the next page is found.

Two declarations on the list operation, ours first:

    x-clientgen-pagination:              # our extension (docs/pagination.md)
      style: next-link                   # next-link, link-header, cursor, token or offset
      items: value                       # the items' field (a list of names when nested)
      next-link: [links, next]           # next-link: the next URL's field

    x-ms-pageable:                       # Azure: a next link in the body
      nextLinkName: nextLink             # null: one page only
      itemName: value

Paths are property names as the spec spells them, resolved through the page's schemas to
Python attribute paths. Mistakes in ours are located errors (`pagination.invalid`); Azure's
extension, written by other tools, only warns (`pagination.ignored`) and leaves the operation
an ordinary one. Either way nothing is dropped silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, error, join_pointer, warning
from generator.ir.kinds import TypeKind
from generator.ir.nodes import Model, Operation, Paging, TypeRef

EXTENSION = "x-clientgen-pagination"
AZURE = "x-ms-pageable"

STYLES = ("next-link", "link-header", "cursor", "token", "offset")
_KEYS: Mapping[str, tuple[str, ...]] = {
    "next-link": ("items", "next-link"),
    "link-header": ("items",),
    "cursor": (
        "items",
        "cursor-parameter",
        "cursor-field",
        "has-more",
        "limit-parameter",
    ),
    "token": ("items", "token", "token-header", "token-parameter"),
    "offset": ("items", "offset-parameter", "limit-parameter"),
}
_DEFAULT_ITEMS: Mapping[str, tuple[str, ...]] = {
    "next-link": ("value",),
    "cursor": ("data",),
}
_SCALARS = (TypeKind.STRING, TypeKind.INTEGER)


class _Invalid(Exception):
    """One mistake, already reported; the operation stays an ordinary one."""


def attach_paging(
    operations: tuple[Operation, ...],
    raw: Mapping[str, Mapping[str, Any]],
    models: Mapping[str, Model],
) -> tuple[tuple[Operation, ...], tuple[Diagnostic, ...]]:
    """`operations`, each that lists items page by page with its `paging` set.

    `raw` maps each operation's pointer to its object in the (OpenAPI 3) document; `models`
    are by class name."""
    diagnostics: list[Diagnostic] = []
    result = []
    for operation in operations:
        source = raw.get(operation.pointer, {})
        found: Paging | None = None
        if EXTENSION in source or AZURE in source:
            ours = EXTENSION in source
            key = EXTENSION if ours else AZURE
            reader = _Reader(
                operation, models, join_pointer(operation.pointer, key), ours
            )
            try:
                found = reader.ours(source[key]) if ours else reader.azure(source[key])
            except _Invalid:
                found = None
            diagnostics += reader.diagnostics
            if found is not None and operation.long_running is not None:
                diagnostics.append(
                    warning(
                        "pagination.ignored",
                        found.pointer,
                        "a long-running operation is not paged: its method stays as it is",
                    )
                )
                found = None
        if found is not None:
            # A pager gives each page's response: the method has no with-headers twin.
            operation = replace(operation, paging=found, with_headers_name=None)
        result.append(operation)
    return tuple(result), tuple(diagnostics)


class _Reader:
    def __init__(
        self,
        operation: Operation,
        models: Mapping[str, Model],
        pointer: str,
        strict: bool,
    ) -> None:
        self.operation = operation
        self.models = models
        self.pointer = pointer
        self.strict = strict
        self.diagnostics: list[Diagnostic] = []

    def fail(self, pointer: str, message: str, hint: str | None = None) -> _Invalid:
        if self.strict:
            self.diagnostics.append(
                error("pagination.invalid", pointer, message, hint=hint)
            )
        else:
            self.diagnostics.append(
                warning(
                    "pagination.ignored",
                    pointer,
                    message + "; the operation's method returns its first page only",
                    hint=hint,
                )
            )
        return _Invalid()

    # -- x-ms-pageable -----------------------------------------------------------------------

    def azure(self, value: object) -> Paging:
        if not isinstance(value, Mapping):
            raise self.fail(self.pointer, f"{AZURE} must be an object")
        page = self._page_type()
        items = self._name(value, "itemName", "value")
        item_type, item_path = self._items(
            page, (items,), join_pointer(self.pointer, "itemName")
        )
        next_name = value.get("nextLinkName")
        if next_name is None:
            return self._paging("single", item_type, item_path)
        if not isinstance(next_name, str) or not next_name:
            raise self.fail(
                join_pointer(self.pointer, "nextLinkName"),
                "`nextLinkName` must be a property name or null",
            )
        where = join_pointer(self.pointer, "nextLinkName")
        link = self._path(
            page, (next_name,), where, (TypeKind.STRING,), "the next link"
        )
        return self._paging("next-link", item_type, item_path, next_link=link)

    def _name(self, value: Mapping[str, Any], key: str, default: str) -> str:
        found = value.get(key, default)
        if not isinstance(found, str) or not found:
            raise self.fail(
                join_pointer(self.pointer, key), f"`{key}` must be a property name"
            )
        return found

    # -- x-clientgen-pagination --------------------------------------------------------------

    def ours(self, value: object) -> Paging:
        if not isinstance(value, Mapping):
            raise self.fail(self.pointer, f"{EXTENSION} must be an object", _example())
        style = value.get("style")
        if style not in STYLES:
            close = difflib.get_close_matches(str(style), STYLES, n=1)
            hint = (
                f"did you mean `{close[0]}`?"
                if close
                else "styles: " + ", ".join(STYLES)
            )
            raise self.fail(
                join_pointer(self.pointer, "style"),
                f"`style` must be one of {', '.join(STYLES)}",
                hint,
            )
        known = ("style", *_KEYS[style])
        unknown = [str(key) for key in value if key not in known]
        for key in unknown:
            close = difflib.get_close_matches(key, known, n=1)
            hint = (
                f"did you mean `{close[0]}`?" if close else "keys: " + ", ".join(known)
            )
            self.fail(
                join_pointer(self.pointer, key),
                f"unknown key `{key}` for style {style}",
                hint,
            )
        page = self._page_type()
        items_where = join_pointer(self.pointer, "items")
        item_names = self._names(
            value.get("items", list(_DEFAULT_ITEMS.get(style, ()))),
            items_where,
            empty=True,
        )
        item_type, item_path = self._items(page, item_names, items_where)
        if unknown:
            raise _Invalid()
        if style == "next-link":
            where = join_pointer(self.pointer, "next-link")
            names = self._names(value.get("next-link", ["nextLink"]), where)
            link = self._path(page, names, where, (TypeKind.STRING,), "the next link")
            return self._paging(style, item_type, item_path, next_link=link)
        if style == "link-header":
            return self._paging("next-link", item_type, item_path)
        if style == "cursor":
            return self._cursor(value, page, item_type, item_path)
        if style == "token":
            return self._token(value, page, item_type, item_path)
        parameter, location = self._parameter(value, "offset-parameter", "offset")
        return self._paging(
            style,
            item_type,
            item_path,
            parameter=parameter,
            parameter_in=location,
            limit=self._limit(value, location),
        )

    def _cursor(
        self,
        value: Mapping[str, Any],
        page: TypeRef,
        item_type: TypeRef,
        item_path: tuple[str, ...],
    ) -> Paging:
        parameter, location = self._parameter(
            value, "cursor-parameter", "starting_after"
        )
        where = join_pointer(self.pointer, "cursor-field")
        field_names = self._names(value.get("cursor-field", ["id"]), where)
        cursor = self._path(
            item_type, field_names, where, _SCALARS, "the cursor", "an item"
        )
        has_more: tuple[str, ...] | None = None
        where = join_pointer(self.pointer, "has-more")
        if value.get("has-more") is not None:
            names = self._names(value["has-more"], where)
            has_more = self._path(page, names, where, (TypeKind.BOOLEAN,), "has-more")
        elif "has-more" not in value and self._has_field(page, "has_more"):
            has_more = self._path(
                page, ("has_more",), where, (TypeKind.BOOLEAN,), "has-more"
            )
        return self._paging(
            "cursor",
            item_type,
            item_path,
            parameter=parameter,
            parameter_in=location,
            cursor_field=cursor,
            has_more=has_more,
            limit=self._limit(value, location),
        )

    def _token(
        self,
        value: Mapping[str, Any],
        page: TypeRef,
        item_type: TypeRef,
        item_path: tuple[str, ...],
    ) -> Paging:
        parameter, location = self._parameter(value, "token-parameter", "pageToken")
        header = value.get("token-header")
        if header is not None:
            if "token" in value:
                raise self.fail(
                    join_pointer(self.pointer, "token-header"),
                    "give `token` (a body field) or `token-header`, not both",
                )
            if not isinstance(header, str) or not header:
                raise self.fail(
                    join_pointer(self.pointer, "token-header"),
                    "`token-header` must be a header name",
                )
            return self._paging(
                "token",
                item_type,
                item_path,
                parameter=parameter,
                parameter_in=location,
                token_header=header,
            )
        where = join_pointer(self.pointer, "token")
        names = self._names(value.get("token", ["nextPageToken"]), where)
        path = self._path(page, names, where, _SCALARS, "the next page's token")
        return self._paging(
            "token",
            item_type,
            item_path,
            parameter=parameter,
            parameter_in=location,
            token_path=path,
        )

    def _parameter(
        self, value: Mapping[str, Any], key: str, default: str
    ) -> tuple[str, str]:
        name = value.get(key, default)
        where = join_pointer(self.pointer, key)
        if not isinstance(name, str) or not name:
            raise self.fail(where, f"`{key}` must be a parameter name")
        found = self._operation_parameter(name)
        if found is None:
            names = [p.name for p in self.operation.parameters]
            close = difflib.get_close_matches(name, names, n=1)
            hint = f"did you mean {close[0]!r}?" if close else None
            raise self.fail(
                where,
                f"{self.operation.operation_id} has no query or header"
                f" parameter {name!r}",
                hint,
            )
        return found.name, found.location

    def _operation_parameter(self, name: str) -> Any:
        return next(
            (
                p
                for p in self.operation.parameters
                if p.name == name and p.location in ("query", "header")
            ),
            None,
        )

    def _limit(self, value: Mapping[str, Any], location: str) -> str | None:
        name = value.get("limit-parameter")
        if name is None:
            found = self._operation_parameter("limit")
            return (
                found.name if found is not None and found.location == location else None
            )
        where = join_pointer(self.pointer, "limit-parameter")
        parameter = self._operation_parameter(name) if isinstance(name, str) else None
        if parameter is None:
            raise self.fail(
                where,
                f"{self.operation.operation_id} has no query or header"
                f" parameter {name!r}",
            )
        if parameter.location != location:
            raise self.fail(
                where, f"{name!r} must be in the {location}, as the page parameter"
            )
        return str(parameter.name)

    # -- schemas -----------------------------------------------------------------------------

    def _page_type(self) -> TypeRef:
        types = {
            r.type.annotation: r.type
            for r in self.operation.success_responses
            if r.type
        }
        if len(types) != 1:
            raise self.fail(
                self.pointer,
                f"{self.operation.operation_id} must answer with one body type to be paged"
                f" (it has {len(types) or 'no'} success body type{'s' if len(types) != 1 else ''})",
            )
        return next(iter(types.values()))

    def _names(
        self, value: object, where: str, *, empty: bool = False
    ) -> tuple[str, ...]:
        names = [value] if isinstance(value, str) else value
        if (
            not isinstance(names, list)
            or (not names and not empty)
            or not all(isinstance(name, str) and name for name in names)
        ):
            raise self.fail(
                where,
                "expected a property name, or a list of names for a nested" " property",
            )
        return tuple(names)

    def _has_field(self, type_ref: TypeRef, wire_name: str) -> bool:
        model = (
            self.models.get(type_ref.target or "")
            if type_ref.kind is TypeKind.MODEL
            else None
        )
        return model is not None and any(f.wire_name == wire_name for f in model.fields)

    def _walk(
        self, start: TypeRef, names: Sequence[str], where: str, owner: str
    ) -> tuple[TypeRef, tuple[str, ...]]:
        """The type at `names` from `start`, and the Python attribute path there."""
        current = start
        path: list[str] = []
        for name in names:
            model = (
                self.models.get(current.target or "")
                if current.kind is TypeKind.MODEL
                else None
            )
            if model is None:
                raise self.fail(
                    where,
                    f"{'.'.join(names)}: {owner} is not an object with"
                    f" property {name!r}",
                )
            fields = {f.wire_name: f for f in model.fields}
            field = fields.get(name)
            if field is None:
                close = difflib.get_close_matches(name, list(fields), n=1)
                hint = f"did you mean {close[0]!r}?" if close else None
                raise self.fail(
                    where, f"{model.class_name} has no property {name!r}", hint
                )
            path.append(field.py_name)
            current = field.type
            owner = model.class_name + "." + name
        return current, tuple(path)

    def _items(
        self, page: TypeRef, names: Sequence[str], where: str
    ) -> tuple[TypeRef, tuple[str, ...]]:
        found, path = self._walk(page, names, where, "the response")
        if found.kind is not TypeKind.ARRAY or found.item is None:
            what = ".".join(names) or "the response body"
            raise self.fail(where, f"{what} must be an array of the items")
        return found.item, path

    def _path(
        self,
        start: TypeRef,
        names: Sequence[str],
        where: str,
        kinds: Sequence[TypeKind],
        what: str,
        owner: str = "the response",
    ) -> tuple[str, ...]:
        found, path = self._walk(start, names, where, owner)
        if found.kind not in kinds:
            raise self.fail(
                where,
                f"{'.'.join(names)} must be {' or '.join(k.value for k in kinds)}"
                f" to hold {what}",
            )
        return path

    def _paging(
        self, style: str, item_type: TypeRef, items: tuple[str, ...], **more: Any
    ) -> Paging:
        return Paging(
            pointer=self.pointer, style=style, item_type=item_type, items=items, **more
        )


def _example() -> str:
    return f"{EXTENSION}: {{style: next-link, items: value, next-link: nextLink}}"
