"""The testing kit's checks: the operation table's classes (what the generated `testing`
module prints, the spec as data) and the check of one request against its operation.

Standard library and httpx only; `_testing` builds the fake service on it.
"""

from __future__ import annotations

import json
import math
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

_JSON_KINDS = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
}
_STANDARD_HEADERS = frozenset({"accept", "content-type", "authorization"})
"""Header parameters OpenAPI says to ignore: the client sends them itself."""


class SpecViolation(AssertionError):
    """A request the spec does not allow: the message names the operation, the parameter
    (or body, or credential) and the rule. Also kept in `FakeService.violations`."""


# -- The operation table (what the generated `testing` module prints) ------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ValueRules:
    """What a parameter's (or a body field's) value must be."""

    kind: str = "string"
    """`string`, `integer`, `number`, `boolean`, `array`, `object` or `any`."""
    item_kind: str = "string"
    """For arrays: the kind of each item."""
    pattern: str | None = None
    """A Python regular expression (searched), translated from the spec's."""
    spec_pattern: str | None = None
    """The pattern as the spec writes it (for messages)."""
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    enum: tuple[str | int | float | bool, ...] = ()
    min_items: int | None = None
    max_items: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ParameterSpec:
    """One parameter of an operation, as the spec declares it."""

    name: str
    py_name: str
    location: str
    required: bool = False
    style: str = "simple"
    explode: bool = False
    allow_reserved: bool = False
    """A path parameter whose value keeps `/` and the other reserved characters."""
    rules: ValueRules = ValueRules()


@dataclass(frozen=True, slots=True, kw_only=True)
class BodySpec:
    """The request body: its media types, and how to check a JSON one."""

    media_types: tuple[str, ...]
    required: bool = False
    py_name: str = "body"
    decode: Callable[[Any], object] | None = None
    """The model's `from_dict`, which type-checks and names the JSON path; None for bodies
    that are not one model."""
    kind: str = "any"
    """The JSON kind of the body when `decode` is None; `raw` for a body that is not JSON
    (form, multipart, bytes, text, XML), checked for its media type only."""
    fields: tuple[tuple[str, ValueRules], ...] = ()
    """(wire name, rules) of the model's own fields whose constraints `from_dict` does not
    check."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResponseSpec:
    """One declared response."""

    status: str
    """`200`, `4XX` or `default`, as the spec writes it."""
    media_type: str | None = None
    model: type | None = None
    """The class a body of this response decodes to, when it is a model."""
    headers: tuple[tuple[str, str], ...] = ()
    """(wire name, Python name) of each declared header."""
    example: str | None = None
    """The spec's example body as JSON text."""
    strategy: str = ""
    """The JSON strategy of the body's model in the `strategies` module, `[]` before it for
    a list of that model; "" for none."""
    error_code_header: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SchemeSpec:
    """One security scheme, as a request carries it."""

    key: str
    carrier: str
    """`header`, `query` or `cookie` (API keys, `name` says which), `bearer` (http bearer,
    oauth2, openIdConnect), or `http` (`Authorization: <scheme> ...`); `unchecked` for what a
    request cannot show (mutual TLS)."""
    name: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class OperationSpec:
    operation_id: str
    method_name: str
    http_method: str
    path: str
    parameters: tuple[ParameterSpec, ...] = ()
    body: BodySpec | None = None
    responses: tuple[ResponseSpec, ...] = ()
    security: tuple[tuple[SchemeSpec, ...], ...] = ()
    """Alternatives; each is satisfied when all its schemes are. () asks for nothing."""

    def pattern(self, prefix: str) -> re.Pattern[str]:
        """The request path's regular expression: `prefix`, then the path template with one
        named group per variable (matched on the percent-encoded path)."""
        text = "^" + prefix
        reserved = {p.name for p in self.parameters if p.allow_reserved}
        for index, part in enumerate(re.split(r"(\{[^{}]*\})", self.path)):
            if part.startswith("{") and part.endswith("}"):
                # allowReserved (x-ms-skip-url-encoding) values may hold `/`.
                value = ".+" if part[1:-1] in reserved else "[^/]+"
                text += f"(?P<p{index}>{value})"
            else:
                text += re.escape(part)
        return re.compile(text + "/?$")


# -- What was called --------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class RecordedCall:
    """One request the fake received."""

    operation: str
    """The operation's id."""
    arguments: dict[str, Any]
    """The parameters sent, by their Python names, typed by their kind (int, float, bool,
    str; lists for arrays)."""
    body: Any
    """The request body: the model `from_dict` read, else its JSON value, else bytes; None
    without a body."""
    request: httpx.Request


def is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


# -- checking one request ---------------------------------------------------------------------


class RequestChecker:
    """Checks one request against its operation; `problems` collects what the spec forbids."""

    def __init__(self, spec: OperationSpec, request: httpx.Request) -> None:
        self.spec = spec
        self.request = request
        self.problems: list[str] = []
        self._where = f"{spec.operation_id} ({spec.http_method} {spec.path})"

    def fail(self, subject: str, rule: str) -> None:
        self.problems.append(f"{self._where}: {subject} {rule}")

    def call(self, path_values: Mapping[str, str]) -> RecordedCall:
        arguments: dict[str, Any] = {}
        query = urllib.parse.parse_qsl(self.request.url.query.decode("ascii"), True)
        cookies = _cookies(self.request.headers.get("cookie", ""))
        for param in self.spec.parameters:
            if param.location == "header" and param.name.lower() in _STANDARD_HEADERS:
                continue  # OpenAPI ignores these: the client sets them itself
            subject = f"{param.location} parameter {param.name!r}"
            texts = self._texts(param, path_values, query, cookies)
            if texts is None:
                if param.required:
                    self.fail(subject, "is required but missing")
                continue
            arguments[param.py_name] = self._value(subject, param, texts)
        body = self._body()
        self._credentials(query, cookies)
        return RecordedCall(
            operation=self.spec.operation_id,
            arguments=arguments,
            body=body,
            request=self.request,
        )

    def _texts(
        self,
        param: ParameterSpec,
        path_values: Mapping[str, str],
        query: Sequence[tuple[str, str]],
        cookies: Mapping[str, str],
    ) -> list[str] | None:
        """The parameter's value as texts (one per array item), None when absent."""
        location, name = param.location, param.name
        if location == "path":
            raw = path_values.get(name)
            if raw is None:
                return None
            text = urllib.parse.unquote(raw)
            if param.style == "label":
                # `.a,b`, exploded `.a.b`
                delimiter = "." if param.explode else ","
                return self._split(param, text.removeprefix("."), delimiter)
            if param.style == "matrix":
                # `;x=a,b`, exploded `;x=a;x=b`
                values = [item.partition("=")[2] for item in text.split(";") if item]
                if param.explode and param.rules.kind == "array":
                    return values
                return self._split(param, values[0] if values else "", ",")
            return self._split(param, text, ",")
        if location == "query":
            if param.style == "deepObject":
                found = [v for k, v in query if k.startswith(name + "[")]
                return found or None  # `name[key]=value`: checked for presence only
            found = [v for k, v in query if k == name]
            if not found:
                return None
            delimiter = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(
                param.style, ","
            )
            if param.rules.kind == "array" and not param.explode:
                return found[0].split(delimiter) if found[0] else []
            return found
        if location == "header":
            value = self.request.headers.get(name)
            return None if value is None else self._split(param, value, ",")
        if location == "cookie":
            value = cookies.get(name)
            return None if value is None else self._split(param, value, ",")
        return None

    @staticmethod
    def _split(param: ParameterSpec, text: str, delimiter: str) -> list[str]:
        if param.rules.kind != "array":
            return [text]
        return text.split(delimiter) if text else []

    def _value(self, subject: str, param: ParameterSpec, texts: list[str]) -> Any:
        rules = param.rules
        if rules.kind == "array":
            if rules.min_items is not None and len(texts) < rules.min_items:
                self.fail(
                    subject,
                    f"has {len(texts)} items, fewer than minItems {rules.min_items}",
                )
            if rules.max_items is not None and len(texts) > rules.max_items:
                self.fail(
                    subject,
                    f"has {len(texts)} items, more than maxItems {rules.max_items}",
                )
            item_rules = ValueRules(kind=rules.item_kind, enum=rules.enum)
            return [self._scalar(subject, item_rules, text) for text in texts]
        if rules.kind == "object":
            return texts
        if len(texts) > 1:
            self.fail(subject, f"is sent {len(texts)} times but is not an array")
        return self._scalar(subject, rules, texts[0])

    def _scalar(self, subject: str, rules: ValueRules, text: str) -> Any:
        value = _typed(rules.kind, text)
        if value is None:
            self.fail(
                subject, f"is {text!r}, not {_A_KIND.get(rules.kind, rules.kind)}"
            )
            return text
        for problem in check_value(rules, value):
            self.fail(subject, problem)
        return value

    def _body(self) -> Any:
        spec = self.spec.body
        content = self.request.content
        if spec is None:
            return content or None
        if not content:
            if spec.required:
                self.fail("the request body", "is required but missing")
            return None
        content_type = self.request.headers.get("content-type", "")
        base = content_type.split(";")[0].strip().lower()
        if not any(_media_matches(allowed, base) for allowed in spec.media_types):
            allowed = ", ".join(spec.media_types)
            self.fail(
                "the request body",
                f"has Content-Type {content_type!r}, not one of {allowed}",
            )
            return content
        if spec.kind == "raw" or not is_json(base):
            return content
        try:
            data = json.loads(content)
        except ValueError as exc:
            self.fail("the request body", f"is not JSON ({exc})")
            return content
        return self._json_body(spec, data)

    def _json_body(self, spec: BodySpec, data: Any) -> Any:
        value = data
        if spec.decode is None:
            expected = _JSON_KINDS.get(spec.kind)
            if expected is not None and not isinstance(data, expected):
                self.fail(
                    "the request body", f"is not {_A_KIND.get(spec.kind, spec.kind)}"
                )
        else:
            try:
                value = spec.decode(data)
            except (ValueError, TypeError, KeyError) as exc:
                # DeserializationError is a ValueError; its message names the JSON path.
                self.fail("the request body", f"does not match its schema: {exc}")
                return data
        if isinstance(data, dict):
            for wire, rules in spec.fields:
                if wire in data and data[wire] is not None:
                    for problem in check_value(rules, data[wire]):
                        self.fail(f"the request body's field {wire!r}", problem)
        return value

    def _credentials(
        self, query: Sequence[tuple[str, str]], cookies: Mapping[str, str]
    ) -> None:
        alternatives = self.spec.security
        if not alternatives or any(not alternative for alternative in alternatives):
            return
        names = {k for k, _ in query}
        authorization = self.request.headers.get("authorization", "")
        for alternative in alternatives:
            if all(
                _carries(s, self.request, names, cookies, authorization)
                for s in alternative
            ):
                return
        wanted = " or ".join(
            " and ".join(_describe_scheme(s) for s in alternative)
            for alternative in alternatives
        )
        self.fail("the credentials", f"are missing: the spec requires {wanted}")


_A_KIND = {
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean (true or false)",
    "string": "a string",
    "object": "a JSON object",
    "array": "a JSON array",
}


def _typed(kind: str, text: str) -> Any:
    """`text` as a value of `kind`; None when it is not one."""
    if kind == "integer":
        return int(text) if re.fullmatch(r"-?[0-9]+", text) else None
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    if kind == "boolean":
        return {"true": True, "false": False}.get(text)
    return text


def check_value(rules: ValueRules, value: Any) -> list[str]:
    """What `value` (a Python scalar, or a JSON value) breaks of `rules`, as rule texts."""
    problems: list[str] = []
    if (
        rules.enum
        and value not in rules.enum
        and str(value) not in map(str, rules.enum)
    ):
        shown = ", ".join(repr(v) for v in rules.enum)
        problems.append(f"is {value!r}, not one of the spec's enum ({shown})")
    if isinstance(value, str):
        if rules.min_length is not None and len(value) < rules.min_length:
            problems.append(f"is {value!r}, shorter than minLength {rules.min_length}")
        if rules.max_length is not None and len(value) > rules.max_length:
            problems.append(
                f"is {len(value)} characters long, over maxLength {rules.max_length}"
            )
        if rules.pattern is not None and re.search(rules.pattern, value) is None:
            problems.append(
                f"is {value!r}, which does not match pattern {rules.spec_pattern!r}"
            )
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = rules.minimum, rules.maximum
        if low is not None and (
            value <= low if rules.exclusive_minimum else value < low
        ):
            word = "exclusiveMinimum" if rules.exclusive_minimum else "minimum"
            problems.append(f"is {value!r}, below {word} {low!r}")
        if high is not None and (
            value >= high if rules.exclusive_maximum else value > high
        ):
            word = "exclusiveMaximum" if rules.exclusive_maximum else "maximum"
            problems.append(f"is {value!r}, above {word} {high!r}")
    elif isinstance(value, list):
        if rules.min_items is not None and len(value) < rules.min_items:
            problems.append(
                f"has {len(value)} items, fewer than minItems {rules.min_items}"
            )
        if rules.max_items is not None and len(value) > rules.max_items:
            problems.append(
                f"has {len(value)} items, more than maxItems {rules.max_items}"
            )
    return problems


def _media_matches(allowed: str, sent: str) -> bool:
    allowed = allowed.split(";")[0].strip().lower()
    if allowed in ("*/*", sent):
        return True
    return allowed.endswith("/*") and sent.startswith(allowed[:-1])


def _cookies(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in header.split(";"):
        name, sep, value = item.strip().partition("=")
        if sep:
            found[name] = urllib.parse.unquote(value)
    return found


def _carries(
    scheme: SchemeSpec,
    request: httpx.Request,
    query: set[str],
    cookies: Mapping[str, str],
    authorization: str,
) -> bool:
    if scheme.carrier == "header":
        return bool(request.headers.get(scheme.name))
    if scheme.carrier == "query":
        return scheme.name in query
    if scheme.carrier == "cookie":
        return scheme.name in cookies
    if scheme.carrier in ("bearer", "http"):
        word, _, value = authorization.partition(" ")
        expected = "bearer" if scheme.carrier == "bearer" else scheme.name.lower()
        return word.lower() == expected and bool(value.strip())
    return True


def _describe_scheme(scheme: SchemeSpec) -> str:
    if scheme.carrier in ("header", "query", "cookie"):
        return f"{scheme.key} (the {scheme.carrier} {scheme.name!r})"
    if scheme.carrier == "bearer":
        return f"{scheme.key} (Authorization: Bearer)"
    return f"{scheme.key} (Authorization: {scheme.name})"
