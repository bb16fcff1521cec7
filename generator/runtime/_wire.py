"""Requests and responses on the wire: parameter checks and encoders, request bodies,
the readers of response bodies and headers, and the errors built from a response."""

from __future__ import annotations

import email.utils
import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import IO, Any, TypeVar
from urllib.parse import quote, urlencode

import httpx

from ._runtime import (
    decode_enum,
    decode_int_enum,
    parse_date,
    parse_datetime,
    read_text_as,
    to_json,
)
from .errors import ClientError, DeserializationError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

# -- requests --------------------------------------------------------------------------


# A Python value as its JSON value; bytes and file objects stay as they are, for the
# body encoders to send as files.
to_wire = to_json


def _scalar_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))  # as JSON numbers print in JavaScript: 150, not 150.0
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_text(value: object, explode: bool = False, style: str = "simple") -> str:
    """A header or cookie value (style simple): arrays comma-separated (or by the
    delimiter of a Swagger 2.0 collectionFormat's style), objects `a,1,b,2`, exploded
    `a=1,b=2`; nothing percent-encoded."""
    wire = to_wire(value)
    if isinstance(wire, list):
        return _DELIMITERS.get(style, ",").join(_scalar_text(item) for item in wire)
    if isinstance(wire, dict):
        return ",".join(_pairs(wire, str, "=" if explode else ","))
    return _scalar_text(wire)


def _pairs(
    wire: dict[Any, Any], escape: Callable[[str], str], between: str
) -> list[str]:
    """An object's entries as `key<between>value` texts, key and value escaped."""
    return [
        f"{escape(str(key))}{between}{escape(_scalar_text(item))}"
        for key, item in wire.items()
    ]


# The delimited styles; tabDelimited is Swagger 2.0's collectionFormat tsv, which
# OpenAPI 3 cannot say.
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}

QueryItems = list[tuple[str, str | int | float | bool | None]]
"""Query parameters in order, as httpx takes them."""


def add_query(
    params: QueryItems, name: str, value: object, style: str, explode: bool
) -> None:
    """Append one parameter, serialized by its OpenAPI style and explode: exploded
    arrays repeat the name (`x=a&x=b`, in every style but deepObject) and exploded
    objects give each key its own parameter (`a=1&b=2`); otherwise one parameter whose
    items are joined by the style's delimiter (`x=a,b`, `x=a|b`, objects `x=a,1,b,2`).
    """
    wire = to_wire(value)
    delimiter = _DELIMITERS.get(style, ",")
    if style == "deepObject" and isinstance(wire, (dict, list)):
        _add_deep(params, name, wire)
    elif isinstance(wire, list):
        texts = [_scalar_text(item) for item in wire]
        if explode:
            params.extend((name, text) for text in texts)
        else:
            params.append((name, delimiter.join(texts)))
    elif isinstance(wire, dict):
        if explode:
            params.extend((str(key), _scalar_text(item)) for key, item in wire.items())
        else:
            params.append((name, delimiter.join(_pairs(wire, str, delimiter))))
    else:
        params.append((name, _scalar_text(wire)))


def _add_deep(params: QueryItems, prefix: str, wire: object) -> None:
    """`name[key][0]=value`: nested objects and arrays, by key and index."""
    if isinstance(wire, dict):
        for key, item in wire.items():
            _add_deep(params, f"{prefix}[{key}]", item)
    elif isinstance(wire, list):
        for index, item in enumerate(wire):
            _add_deep(params, f"{prefix}[{index}]", item)
    else:
        params.append((prefix, _scalar_text(wire)))


ReadOnlyRules = dict[str, tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]]
"""By model: its readOnly wire names, and (wire name, one | list | map, model) for the
nested models that have some."""


def omit_read_only(wire: Any, shape: str, model: str, rules: ReadOnlyRules) -> Any:
    """`wire` (a model's JSON, or a list or map of them) without its readOnly
    properties."""
    if shape == "list" and isinstance(wire, list):
        return [_omit(item, model, rules) for item in wire]
    if shape == "map" and isinstance(wire, dict):
        return {key: _omit(item, model, rules) for key, item in wire.items()}
    return _omit(wire, model, rules)


def _omit(wire: Any, model: str, rules: ReadOnlyRules) -> Any:
    rule = rules.get(model)
    if rule is None or not isinstance(wire, dict):
        return wire
    omit, nested = rule
    result = {key: item for key, item in wire.items() if key not in omit}
    for name, shape, inner in nested:
        if result.get(name) is not None:
            result[name] = omit_read_only(result[name], shape, inner, rules)
    return result


def cookie_header(cookies: list[tuple[str, object]]) -> str:
    return "; ".join(
        f"{name}={quote(to_text(value), safe='')}" for name, value in cookies
    )


Styles = tuple[tuple[str, str, bool], ...]
"""Per-property serialization of a form or multipart body: (wire name, style,
explode)."""


def json_content(wire: object) -> dict[str, Any]:
    return {"content": json_text(wire).encode("utf-8")}


def json_text(wire: object) -> str:
    """JSON text; a Decimal (`format: decimal`) is written digit for digit, as a number."""
    try:
        return json.dumps(
            wire, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
    except TypeError:
        pass
    # The json module cannot print a number it did not make: each Decimal goes in as a
    # string tagged with a random marker, and its digits replace that string afterwards.
    marker = "\x00decimal-" + os.urandom(8).hex() + "-"
    numbers: list[str] = []

    def number(value: object) -> str:
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"{type(value).__name__} is not JSON")
        numbers.append(str(value))
        return f"{marker}{len(numbers) - 1}"

    text = json.dumps(
        wire, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=number
    )
    tagged = re.compile('"' + re.escape(json.dumps(marker)[1:-1]) + '([0-9]+)"')
    return tagged.sub(lambda match: numbers[int(match[1])], text)


def form_content(wire: object, styles: Styles) -> dict[str, Any]:
    """An `application/x-www-form-urlencoded` body.

    Properties follow their `encoding` entry; without one, scalars and arrays of scalars
    use style form (arrays repeat the key) and objects use deepObject
    (`meta[key]=value`), which keeps the property name where style form would drop it.
    """
    if not isinstance(wire, dict):
        raise TypeError(f"a form body must be an object, not {type(wire).__name__}")
    by_name = {name: (style, explode) for name, style, explode in styles}
    items: QueryItems = []
    for name, value in wire.items():
        style, explode = by_name.get(name, ("", True))
        if style == "json":
            items.append(
                (name, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
            )
            continue
        if not style:
            style = "deepObject" if _is_nested(value) else "form"
        add_query(items, name, value, style, explode)
    return {"content": urlencode(items).encode("ascii")}


def _is_nested(value: object) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(
        isinstance(item, (dict, list)) for item in value
    )


@dataclass(frozen=True, slots=True)
class FilePart:
    """A file to send with its own file name and content type: a multipart file part
    (`filename` and `content_type` replace the file's name and the part's type from the
    API description), or a raw request body (`content_type` becomes the request's
    Content-Type, where the API accepts several or any; `filename` is not sent)."""

    content: bytes | IO[bytes]
    filename: str | None = None
    content_type: str | None = None


PartTypes = tuple[tuple[str, str], ...]
"""Per multipart property: (wire name, the Content-Type of its file parts), from the
`encoding` entries of the API description."""

_OCTET_STREAM = "application/octet-stream"


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview, FilePart)) or callable(
        getattr(value, "read", None)
    )


def _read(value: object) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if callable(getattr(value, "read", None)):
        data = value.read()  # type: ignore[attr-defined]
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    raise TypeError(f"expected bytes or a binary file, not {type(value).__name__}")


def _given_type(content_type: str | None, default: str) -> str:
    """A caller's content type (a header value: refused before anything is sent when it
    cannot be one), or `default`."""
    if content_type is None:
        return default
    if not content_type or not _HEADER_TEXT.fullmatch(content_type):
        raise ValueError(
            "content_type must be a media type in ASCII text without control"
            f" characters (CR, LF, NUL); got {_shown(content_type)}"
        )
    return content_type


def _file(name: str, value: object, content_type: str) -> tuple[str, bytes, str]:
    if isinstance(value, FilePart):
        filename, data, _ = _file(name, value.content, content_type)
        if value.filename is not None:
            if not value.filename or not _HEADER_TEXT.fullmatch(value.filename):
                raise ValueError(
                    "filename must be ASCII text without control characters;"
                    f" got {_shown(value.filename)}"
                )
            filename = value.filename
        return filename, data, _given_type(value.content_type, content_type)
    given = getattr(value, "name", None)
    filename = os.path.basename(given) if isinstance(given, str) and given else name
    return filename, _read(value), content_type


def multipart_content(
    wire: object, styles: Styles, part_types: PartTypes = ()
) -> dict[str, Any]:
    """A `multipart/form-data` body: files as file parts (of the type `part_types`
    gives, else application/octet-stream), objects as JSON parts, scalars as text parts,
    arrays as one part per item."""
    if not isinstance(wire, dict):
        return {
            "files": [
                ("body", (None, json.dumps(wire).encode("utf-8"), "application/json"))
            ]
        }
    by_name = {name: style for name, style, _ in styles}
    types = dict(part_types)
    parts: list[tuple[str, tuple[str | None, bytes, str | None]]] = []
    for name, value in wire.items():
        repeated = (
            isinstance(value, list)
            and by_name.get(name) != "json"
            and not _is_nested(value)
        )
        for item in value if repeated else [value]:
            if _is_file(item):
                parts.append((name, _file(name, item, types.get(name, _OCTET_STREAM))))
            elif by_name.get(name) == "json" or isinstance(item, (dict, list)):
                data = json.dumps(item, ensure_ascii=False, separators=(",", ":"))
                parts.append((name, (None, data.encode("utf-8"), "application/json")))
            else:
                parts.append((name, (None, _scalar_text(item).encode("utf-8"), None)))
    return {"files": parts}


def binary_content(value: object) -> dict[str, Any]:
    """A raw body from bytes or a binary file (read once, so that a retry can resend
    it); a FilePart's content type becomes the request's Content-Type."""
    if isinstance(value, FilePart):
        content_type = _given_type(value.content_type, "")
        body = {"content": _read(value.content)}
        return {**body, _CONTENT_TYPE: content_type} if content_type else body
    return {"content": _read(value)}


def text_content(value: object) -> dict[str, Any]:
    if not isinstance(value, str):
        raise TypeError(f"expected a str body, not {type(value).__name__}")
    return {"content": value.encode("utf-8")}


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    params: QueryItems | None,
    content: dict[str, Any] | None,
    media_type: str,
) -> httpx.Request:
    """A request with a body; multipart bodies get their boundary from httpx."""
    if content is None:
        return http.build_request(method, url, headers=headers, params=params)
    content = dict(content)
    given = content.pop(_CONTENT_TYPE, None)
    if "files" not in content:
        headers["Content-Type"] = given or _concrete(media_type)
    return http.build_request(method, url, headers=headers, params=params, **content)


_CONTENT_TYPE = "content_type"
"""The key under which a body encoder passes the caller's content type to
`build_request` (httpx takes every other key of the body as it is)."""


def _concrete(media_type: str) -> str:
    """A wildcard media type from the spec (`image/*`) cannot be a Content-Type."""
    return _OCTET_STREAM if "*" in media_type else media_type


def quote_path(
    value: object,
    name: str = "a path parameter",
    style: str = "simple",
    explode: bool = False,
    *,
    key: str = "",
    allow_reserved: bool = False,
) -> str:
    """A path parameter expanded by its OpenAPI style (RFC 6570): simple `a,b`, label
    `.a,b` (exploded `.a.b`), matrix `;key=a,b` (exploded `;key=a;key=b`); objects
    `a,1,b,2`, exploded `a=1,b=2` (`.a=1.b=2`, `;a=1;b=2`).

    The style's separators go as they are; the values are percent-encoded, so that `/`,
    `..` or `?` cannot change the path (with `allow_reserved`, RFC 6570's `{+name}`,
    reserved characters stay but for `?` and `#`, and a `.` or `..` segment is still
    escaped). An empty expansion is refused, since `/items/` is another resource than
    an item."""
    escape = _reserved_escape if allow_reserved else _escape
    text = _expand(to_wire(value), style, explode, escape(key), escape)
    if not text:
        raise ValueError(
            f"{name} must not be empty: it is a segment of the request's path"
        )
    return "/".join(
        segment.replace(".", "%2E") if segment in (".", "..") else segment
        for segment in text.split("/")
    )


def _escape(text: str) -> str:
    return quote(text, safe="")


# Reserved characters that keep their meaning in a path: `?` and `#` would end it.
_PATH_RESERVED = ":/[]@!$&'()*+,;="
_ESCAPED = re.compile(r"(%[0-9A-Fa-f]{2})")


def _reserved_escape(text: str) -> str:
    """RFC 6570's reserved expansion: reserved characters and %XX triplets kept."""
    pieces = _ESCAPED.split(text)
    return "".join(
        piece if index % 2 else quote(piece, safe=_PATH_RESERVED)
        for index, piece in enumerate(pieces)
    )


# style -> (prefix, separator of exploded items)
_PATH_STYLES = {"simple": ("", ","), "label": (".", "."), "matrix": (";", ";")}


def _expand(
    wire: object, style: str, explode: bool, key: str, escape: Callable[[str], str]
) -> str:
    """One path expansion; `key` (the parameter's name, escaped) names matrix values."""
    if style in _DELIMITERS:  # a Swagger 2.0 collectionFormat in the path
        items = wire if isinstance(wire, list) else [wire]
        return escape(_DELIMITERS[style].join(_scalar_text(item) for item in items))
    prefix, separator = _PATH_STYLES.get(style, _PATH_STYLES["simple"])
    named = style == "matrix"
    if isinstance(wire, list):
        texts = [escape(_scalar_text(item)) for item in wire]
        if not texts:
            return ""
        if named and explode:
            return "".join(_matrix(key, text) for text in texts)
        joined = (separator if explode else ",").join(texts)
    elif isinstance(wire, dict):
        if not wire:
            return ""
        if explode:
            if named:
                return "".join(
                    _matrix(escape(str(name)), escape(_scalar_text(item)))
                    for name, item in wire.items()
                )
            return prefix + separator.join(_pairs(wire, escape, "="))
        joined = ",".join(_pairs(wire, escape, ","))
    else:
        joined = escape(_scalar_text(wire))
    return _matrix(key, joined) if named else prefix + joined


def _matrix(key: str, text: str) -> str:
    """`;key=text`, or `;key` for an empty value (RFC 6570)."""
    return f";{key}={text}" if text else f";{key}"


# Control characters end a header line (CR, LF) or are refused by HTTP; httpx sends
# header text as ASCII, so anything else cannot be sent either.
_HEADER_TEXT = re.compile(r"[\t\x20-\x7e]*")


def header_text(
    name: str, value: object, explode: bool = False, style: str = "simple"
) -> str:
    """A header parameter's value (style simple), refused before anything is sent
    when it cannot be a header: control characters (CR, LF, NUL, ...) or non-ASCII."""
    text = to_text(value, explode, style)
    if not _HEADER_TEXT.fullmatch(text):
        raise ValueError(
            f"{name} cannot be sent as an HTTP header: it must be ASCII text without"
            f" control characters (CR, LF, NUL); got {_shown(text)}"
        )
    return text


_SHOWN_LENGTH = 40


def _shown(value: object) -> str:
    """`value` for an error message: its repr, cut short."""
    text = repr(value)
    if len(text) <= _SHOWN_LENGTH:
        return text
    return text[: _SHOWN_LENGTH - 3] + "..."


def _characters(count: int) -> str:
    return f"{count} character" if count == 1 else f"{count} characters"


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_text(
    name: str,
    value: object,
    *,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    spec_pattern: str | None = None,
) -> None:
    """Refuse a string parameter that breaks its schema, before anything is sent.

    `pattern` is the spec's pattern in Python's syntax; messages show `spec_pattern`,
    the spec's own spelling (ECMA-262), when it differs.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if min_length is not None and len(value) < min_length:
        raise ValueError(
            f"{name} must be at least {_characters(min_length)} long;"
            f" got {_shown(value)}"
        )
    if max_length is not None and len(value) > max_length:
        raise ValueError(
            f"{name} must be at most {_characters(max_length)} long;"
            f" got {_shown(value)}"
        )
    if pattern is not None and _compiled(pattern).search(value) is None:
        raise ValueError(
            f"{name} must match the pattern {_pattern_text(spec_pattern or pattern)};"
            f" got {_shown(value)}"
        )


def _pattern_text(pattern: str) -> str:
    """A pattern as the spec writes it, /between slashes/ (a repr would double every
    backslash); one with control characters as its repr."""
    return f"/{pattern}/" if pattern.isprintable() else repr(pattern)


def check_number(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    exclusive_maximum: bool = False,
) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {_shown(value)}")
    if minimum is not None and (
        value <= minimum if exclusive_minimum else value < minimum
    ):
        bound = "above" if exclusive_minimum else "at least"
        raise ValueError(f"{name} must be {bound} {minimum}; got {_shown(value)}")
    if maximum is not None and (
        value >= maximum if exclusive_maximum else value > maximum
    ):
        bound = "below" if exclusive_maximum else "at most"
        raise ValueError(f"{name} must be {bound} {maximum}; got {_shown(value)}")


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """A server variable: a non-empty string, one of `choices` when the spec lists
    them."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string; got {_shown(value)}")
    if choices and value not in choices:
        raise ValueError(
            f"{name} must be one of {', '.join(choices)}; got {_shown(value)}"
        )
    return value.rstrip("/")


def check_endpoint(name: str, value: str, added_path: str) -> None:
    """Refuse a base URL that is not http(s)://host, or that already holds the path the
    client adds after it (`added_path`, from the server URL in the spec)."""
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        url = httpx.URL()
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"{name} must be an http:// or https:// URL such as"
            f" 'https://my-resource.example.com'; got {value!r}"
        )
    segment = added_path.strip("/").split("/")[0]
    if segment and "{" not in segment and segment in url.path.split("/"):
        raise ValueError(
            f"{name} must not include the path the client adds after it"
            f" ({added_path!r}...); give only the scheme and host, got {value!r}"
        )


# -- responses -------------------------------------------------------------------------


def status_location(
    response: httpx.Response,
    headers: tuple[str, ...],
    secret_params: tuple[str, ...] = (),
) -> str:
    """The status URL a long-running operation's start response gives: the first of
    `headers` it sends, resolved against the request's URL.

    It goes into continuation tokens, so it never holds a credential: the query
    parameters `secret_params` (an API key), userinfo and the fragment are dropped.
    Credentials go back on at send time, and only to the API's own origin (see Auth).
    """
    for name in headers:
        value = response.headers.get(name)
        if value and value.strip():
            return _status_url(response.request.url, name, value.strip(), secret_params)
    raise ClientError(
        f"the service started the operation but sent no status URL (none of the headers"
        f" {', '.join(headers)}); the operation cannot be followed"
    )


def _status_url(
    base: httpx.URL, header: str, value: str, secret_params: tuple[str, ...]
) -> str:
    if value.startswith("#"):
        # "#status" would poll the start URL itself (with its query), not a status.
        raise ClientError(
            f"the service's {header} header {_shown(value)} is only a fragment, not a"
            " status URL; the operation cannot be followed"
        )
    try:
        url = base.join(value)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise ClientError(
            f"the service's {header} header {_shown(value)} is not an http(s) URL;"
            " the operation cannot be followed"
        )
    for param in secret_params:
        url = url.copy_remove_param(param)
    return str(url.copy_with(userinfo=b"", fragment=None))


def read_json(response: httpx.Response, root: str, exact: bool = False) -> Any:
    """The JSON body of a success response, or DeserializationError saying what came
    instead; `exact`: its fractions read as Decimals (a body of `format: decimal`)."""
    try:
        return response.json(parse_float=Decimal) if exact else response.json()
    except RecursionError:
        raise DeserializationError("the JSON body is too deep", root=root) from None
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        raise DeserializationError(
            f"expected a JSON body, got {len(response.content)} bytes of {kind}",
            root=root,
        ) from None


def sent_as(response: httpx.Response, media_types: tuple[str, ...]) -> bool:
    """Whether the response's Content-Type is one of `media_types` (parameters and case
    aside): a server negotiating content may answer in any type the API lists."""
    sent = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return bool(sent) and any(_matches(sent, media) for media in media_types)


def _matches(sent: str, media_type: str) -> bool:
    listed = media_type.split(";", 1)[0].strip().lower()
    if listed == "*/*":  # anything but the JSON the response is otherwise read as
        return not (sent == "application/json" or sent.endswith("+json"))
    if listed.endswith("/*"):
        return sent.startswith(listed[:-1])
    return sent == listed


def _header(headers: httpx.Headers, name: str, parse: Callable[[str], T]) -> T | None:
    text = headers.get(name)
    if text is None:
        return None
    try:
        return parse(text.strip())
    except (ValueError, DeserializationError):
        raise DeserializationError(f"header {name}: cannot read {text!r}") from None


def header_int(headers: httpx.Headers, name: str) -> int | None:
    return _header(headers, name, int)


def header_float(headers: httpx.Headers, name: str) -> float | None:
    return _header(headers, name, float)


def _boolean(text: str) -> bool:
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise ValueError(text)


def header_bool(headers: httpx.Headers, name: str) -> bool | None:
    return _header(headers, name, _boolean)


def _datetime(text: str) -> datetime:
    try:
        return parse_datetime(text)
    except DeserializationError:
        # HTTP headers (Date, Last-Modified, Retry-After) use the IMF-fixdate form
        # instead.
        return email.utils.parsedate_to_datetime(text)


def header_datetime(headers: httpx.Headers, name: str) -> datetime | None:
    return _header(headers, name, _datetime)


def header_date(headers: httpx.Headers, name: str) -> date | None:
    return _header(headers, name, parse_date)


def header_as(headers: httpx.Headers, name: str, kind: str) -> Any:
    """A header of a typed format (`kind`, a TypeKind value: `unix-time`, `bytes`...)."""
    return _header(headers, name, lambda text: read_text_as(text, kind))


def header_list_as(headers: httpx.Headers, name: str, kind: str) -> Any:
    """A comma-separated header of a typed format's items."""
    return _header(
        headers,
        name,
        lambda text: [read_text_as(item.strip(), kind) for item in text.split(",")],
    )


def header_enum(headers: httpx.Headers, name: str, cls: type[E]) -> E | str | None:
    return _header(headers, name, lambda text: decode_enum(cls, text))


def header_int_enum(headers: httpx.Headers, name: str, cls: type[E]) -> E | int | None:
    return _header(headers, name, lambda text: decode_int_enum(cls, int(text)))


def header_list(headers: httpx.Headers, name: str) -> list[str] | None:
    return _header(
        headers, name, lambda text: [item.strip() for item in text.split(",")]
    )


def header_json(headers: httpx.Headers, name: str) -> Any:
    return _header(headers, name, json.loads)


def dig(body: object, path: tuple[str, ...]) -> str | None:
    for key in path:
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body if isinstance(body, str) and path else None
