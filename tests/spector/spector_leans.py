"""Passes that lean on the caller: a parameter or property whose OpenAPI format names a type
(bytes, a duration, a date-time, a decimal) that the generated code leaves as a plain string or
number, so the application had to hand over the wire form itself. Such a scenario passes, and
the report lists it with these notes."""

from __future__ import annotations

import datetime as dt
import decimal
import typing
from typing import Any

TYPED_FORMATS: dict[str, type] = {
    "byte": bytes,
    "base64": bytes,
    "base64url": bytes,
    "duration": dt.timedelta,
    "seconds": dt.timedelta,
    "milliseconds": dt.timedelta,
    "http-date": dt.datetime,
    "date-time-rfc7231": dt.datetime,
    "date-time-rfc1123": dt.datetime,
    "unixtime": dt.datetime,
    "unix-time": dt.datetime,
    "decimal": decimal.Decimal,
    "decimal128": decimal.Decimal,
}


def _formats(type_description: dict[str, Any] | None) -> list[str]:
    """The formats a described type carries: its own, or its items'."""
    found = []
    while type_description:
        if type_description.get("format"):
            found.append(str(type_description["format"]))
        type_description = type_description.get("item")
    return found


def _leaves(annotation: Any) -> set[Any]:
    args = typing.get_args(annotation)
    if not args:
        return {annotation}
    return {leaf for arg in args for leaf in _leaves(arg)}


def untyped(
    name: str, type_description: dict[str, Any] | None, annotation: Any
) -> str | None:
    """A note when the format names a type the annotation does not offer, else None."""
    leaves = _leaves(annotation)
    for fmt in _formats(type_description):
        wanted = TYPED_FORMATS.get(fmt)
        if wanted is not None and wanted not in leaves and typing.Any not in leaves:
            shown = " | ".join(sorted(getattr(t, "__name__", str(t)) for t in leaves))
            return f"{name} ({fmt}) is {shown}"
    return None


def model_notes(model_class: Any, models: dict[str, dict[str, Any]]) -> list[str]:
    """Notes for the properties of a model (one level) the `inspect` context describes."""
    description = models.get(getattr(model_class, "__name__", ""))
    if description is None:
        return []
    try:
        hints = typing.get_type_hints(model_class)
    except (NameError, TypeError):
        return []
    notes = []
    for field in description.get("fields") or []:
        note = untyped(
            f"{description['class_name']}.{field.get('wire_name') or field['py_name']}",
            field.get("type"),
            hints.get(field["py_name"], typing.Any),
        )
        if note:
            notes.append(note)
    return notes
