"""URI templates for the Spector driver: which operation a scenario's URI belongs to, and the
values its path variables carry on the wire (RFC 6570 styles as OpenAPI defines them).

Pure functions over strings; the driver turns the raw values into typed arguments."""

from __future__ import annotations

import re
from urllib.parse import unquote

_VARIABLE = re.compile(r"\{([^{}]+)\}")

RawValue = str | list[str] | dict[str, str]


def template_pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A regex matching the whole of a path template (`/a/{x}/b`), one group per variable.

    A variable matches any run of characters (lazily), so label (`.a`) and matrix (`;x=a`)
    forms, which carry their own prefix, match too."""
    names: list[str] = []
    pieces: list[str] = []
    position = 0
    for found in _VARIABLE.finditer(template):
        pieces.append(re.escape(template[position : found.start()]))
        pieces.append(f"(?P<v{len(names)}>.*?)")
        names.append(found.group(1))
        position = found.end()
    pieces.append(re.escape(template[position:]))
    return re.compile("".join(pieces) + r"\Z", re.DOTALL), tuple(names)


def match_template(uri: str, template: str) -> dict[str, str] | None:
    """The raw (still percent-encoded) text of each variable when `uri` fits `template`."""
    pattern, names = template_pattern(template)
    found = pattern.match(uri)
    if found is None:
        return None
    return {name: found.group(f"v{index}") for index, name in enumerate(names)}


def literal_length(template: str) -> int:
    """How much of a template is fixed text: the best of several matching templates has most."""
    return len(_VARIABLE.sub("", template))


def best_match(uri: str, templates: list[str]) -> tuple[str, dict[str, str]] | None:
    """The template (of several) that `uri` fits with the most fixed text, and its variables."""
    fits = []
    for template in templates:
        variables = match_template(uri, template)
        if variables is not None:
            fits.append((literal_length(template), template, variables))
    if not fits:
        return None
    fits.sort(key=lambda fit: -fit[0])
    return fits[0][1], fits[0][2]


def _pairs(items: list[str]) -> dict[str, str]:
    if len(items) % 2:
        raise ValueError(f"an object needs name,value pairs, got {items!r}")
    return {items[i]: items[i + 1] for i in range(0, len(items), 2)}


def _assignments(items: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals:
            raise ValueError(f"an exploded object needs name=value items, got {item!r}")
        result[unquote(name)] = unquote(value)
    return result


def _shaped(items: list[str], shape: str, explode: bool) -> RawValue:
    if shape == "array":
        return [unquote(item) for item in items]
    if shape == "object":
        return (
            _assignments(items)
            if explode
            else {unquote(k): unquote(v) for k, v in _pairs(items).items()}
        )
    return unquote(",".join(items))


def decode_path_value(
    raw: str, *, name: str, style: str, explode: bool, shape: str
) -> RawValue:
    """The value a path variable's wire text stands for.

    `shape` is "scalar", "array" or "object" (what the parameter's schema is); `style` is
    simple, label or matrix. Raises ValueError when the text does not have the style's form.
    """
    if style == "label":
        if not raw.startswith("."):
            raise ValueError(f"a label value starts with '.', got {raw!r}")
        body = raw[1:]
        separator = "." if explode and shape != "scalar" else ","
        return _shaped(body.split(separator) if body else [], shape, explode)
    if style == "matrix":
        if not raw.startswith(";"):
            raise ValueError(f"a matrix value starts with ';', got {raw!r}")
        segments = raw[1:].split(";")
        if shape == "object" and explode:
            return _assignments(segments)
        values: list[str] = []
        for segment in segments:
            key, equals, value = segment.partition("=")
            if unquote(key) != name:
                raise ValueError(f"a matrix value names {name!r}, got {segment!r}")
            if equals:
                values.extend(
                    value.split(",") if not explode or shape != "array" else [value]
                )
        return _shaped(values, shape, explode)
    if style != "simple":
        raise ValueError(f"path style {style!r} is not one OpenAPI defines")
    items = raw.split(",") if raw else []
    return _shaped(items, shape, explode)


QUERY_SEPARATORS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def split_delimited(value: str, style: str) -> list[str]:
    """The items of a non-exploded array query parameter (or a header's simple style list)."""
    separator = QUERY_SEPARATORS.get(style, ",")
    return value.split(separator) if value else []


def delimited_object(value: str, style: str) -> dict[str, str]:
    """A non-exploded object query parameter: name, value pairs joined by the style's
    separator (`a,1,b,2` in form style)."""
    return {unquote(k): unquote(v) for k, v in _pairs(split_delimited(value, style)).items()}
