"""What `testing.py.j2` prints: the operation table the testing kit checks requests against
(generator/runtime/_testing.py holds every piece of logic; this is the spec as data), the
typed script attribute of each operation, and the imports they need.

Spec text reaches the output only through `pyrepr`; names come from the IR (naming.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from generator.ir.kinds import TypeKind
from generator.ir.nodes import Api, Enum, Model, Operation, Response
from generator.ir.requests import BodyEncoding, Parameter, RequestBody
from generator.ir.service import SecurityRequirement
from generator.ir.types import Constraints, TypeRef
from generator.naming import import_sort_key
from generator.render.literals import pyrepr

_LINE = 88

RESERVED = frozenset(
    {
        "BASE_PATHS",
        "OPERATIONS",
        "STRATEGIES",
        "aclose",
        "assert_no_violations",
        "calls",
        "close",
        "handle_async_request",
        "handle_request",
        "operation",
        "route",
        "seed",
        "violations",
    }
)
"""The fake's own attributes (`_testing.public_names()`): an operation with one of these
method names gets no typed attribute; `fake.operation(name)` finds it."""

_KINDS = {
    TypeKind.INTEGER: "integer",
    TypeKind.UNIX_TIME: "integer",
    TypeKind.NUMBER: "number",
    TypeKind.DECIMAL: "number",
    TypeKind.DURATION_SECONDS: "number",
    TypeKind.DURATION_MILLISECONDS: "number",
    TypeKind.BOOLEAN: "boolean",
    TypeKind.ARRAY: "array",
    TypeKind.MAP: "object",
    TypeKind.MODEL: "object",
    TypeKind.UNION: "any",
    TypeKind.ANY: "any",
}
"""The JSON kind of a value of each type kind; the rest are strings."""

_STDLIB = {
    "datetime": "from datetime import datetime",
    "date": "from datetime import date",
    "timedelta": "from datetime import timedelta",
    "Decimal": "from decimal import Decimal",
}
_BUILTINS = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "None"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ScriptAttribute:
    """One operation's typed script on the generated fake (`fake.get_pet`)."""

    name: str
    """The client method's name, which is the attribute's."""
    annotation: str
    """What `returns()` takes: the method's return annotation (`Pet`), or `Any`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TestingView:
    """What the built-in `testing.py` prints (`api | testing_view`)."""

    stdlib_imports: tuple[str, ...]
    """Standard-library import lines the attributes need (`from typing import Any`)."""
    package_imports: tuple[str, ...]
    """Import lines from the package itself: `_testing`, models, enums, headers classes."""
    shared: tuple[str, ...]
    """`_SHARED_n = ...`: each parameter, response or security requirement that several
    operations have, printed once before the table."""
    operations: str
    """The `OPERATIONS` tuple's text (each `_testing.OperationSpec(...)`), laid out."""
    base_paths: str
    """The `BASE_PATHS` tuple's text: each server URL's path as a regular expression."""
    scripts: tuple[ScriptAttribute, ...]
    """The typed script attributes, in the client's order."""


def testing_view(api: Api) -> TestingView:
    """The testing module's table and attributes for `api`."""
    table = _Table(api)
    built = [table.operation(op) for op in api.operations]
    shared = table.constants()
    entries = [table.resolve(entry) for entry in built]
    scripts = tuple(
        ScriptAttribute(name=op.py_name, annotation=table.script_annotation(op))
        for op in api.operations
        if op.py_name not in RESERVED
    )
    paths = tuple(dict.fromkeys(_base_path(server.url) for server in api.servers))
    return TestingView(
        stdlib_imports=table.stdlib_imports(),
        package_imports=table.package_imports(),
        shared=shared,
        operations=_tuple(
            entries, "", len("_OPERATIONS: tuple[_testing.OperationSpec, ...] = "), 0
        ),
        base_paths=pyrepr(tuple(p for p in paths if p)),
        scripts=scripts,
    )


def _base_path(url: str) -> str:
    """The path of a server URL as a regular expression, its variables matching a segment."""
    rest = url.split("?")[0]
    if "://" in rest:
        rest = rest.split("://", 1)[1]
        rest = rest[rest.find("/") :] if "/" in rest else ""
    elif rest.startswith("{") and "}" in rest:
        rest = rest[rest.find("}") + 1 :]  # the endpoint variable: scheme and host
    rest = rest.rstrip("/")
    return "".join(
        "[^/]*" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{[^{}]*\})", rest)
    )


# -- layout: black's, with magic trailing commas where a call or tuple is split ---------------


@dataclass(frozen=True, slots=True)
class _Call:
    head: str
    args: tuple[tuple[str, _Node], ...]
    """(keyword, value) pairs."""


@dataclass(frozen=True, slots=True)
class _Tuple:
    items: tuple[_Node, ...]


@dataclass(frozen=True, slots=True)
class _Shared:
    """A node other operations may have too: a constant's name or the node, once counted."""

    text: str


@dataclass(frozen=True, slots=True)
class _Text:
    """A string literal that may be too long for one line (an example body): then it is
    printed as adjacent literals in parentheses, one line each, as black leaves them."""

    value: str


_Node: TypeAlias = "str | _Call | _Tuple | _Shared | _Text"


def _flat(node: _Node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, _Text):
        return pyrepr(node.value)
    if isinstance(node, _Shared):
        raise TypeError("resolve shared nodes first")
    if isinstance(node, _Call):
        return f"{node.head}({', '.join(f'{k}={_flat(v)}' for k, v in node.args)})"
    inner = ", ".join(_flat(i) for i in node.items)
    return f"({inner},)" if len(node.items) == 1 else f"({inner})"


def _lay(node: _Node, indent: str, lead: int, tail: int) -> str:
    """`node` on one line if it fits, else one entry a line with a trailing comma (which
    black keeps as it is)."""
    one = _flat(node)
    if isinstance(node, str) or lead + len(one) + tail <= _LINE or not one.isascii():
        return one
    if isinstance(node, _Text):
        return _lay_text(node.value, indent)
    assert not isinstance(node, _Shared)  # _flat refused it
    inner = indent + "    "
    if isinstance(node, _Call):
        head, entries = node.head, [(f"{k}=", v) for k, v in node.args]
    else:
        head, entries = "", [("", item) for item in node.items]
    lines = "".join(
        f"{inner}{pre}{_lay(value, inner, len(inner) + len(pre), 1)},\n"
        for pre, value in entries
    )
    return f"{head}(\n{lines}{indent})"


def _lay_text(value: str, indent: str) -> str:
    """`value` as adjacent literals in parentheses, each line within the width."""
    inner = indent + "    "
    room = _LINE - len(inner)
    pieces: list[str] = []
    start = 0
    while start < len(value):
        # The longest piece whose literal fits (a literal is at least its text plus quotes).
        end = min(len(value), start + room - 2)
        while end > start + 1 and len(pyrepr(value[start:end])) > room:
            end -= 1
        pieces.append(pyrepr(value[start:end]))
        start = end
    lines = "".join(f"{inner}{piece}\n" for piece in pieces)
    return f"(\n{lines}{indent})"


def _tuple(items: Sequence[_Node], indent: str, lead: int, tail: int) -> str:
    return _lay(_Tuple(tuple(items)), indent, lead, tail)


def _import_line(head: str, names: Sequence[str]) -> str:
    """`head` and the names on one line if it fits, else in parentheses one a line, as black
    writes an import too long for its line."""
    one = head + ", ".join(names)
    if len(one) <= _LINE:
        return one
    return head + "(\n" + "".join(f"    {name},\n" for name in names) + ")"


def _call(head: str, **kwargs: _Node | None) -> _Call:
    return _Call(head, tuple((k, v) for k, v in kwargs.items() if v is not None))


# -- the table ---------------------------------------------------------------------------------


class _Table:
    """Builds the OperationSpec nodes of one API and remembers the names they import."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.models: dict[str, Model] = {m.class_name: m for m in api.models}
        self.enums: dict[str, Enum] = {e.class_name: e for e in api.enums}
        self.headers_classes = {
            name
            for op in api.operations
            for name in (op.headers_class, *(r.headers_class for r in op.responses))
            if name
        }
        self.schemes = {s.key: s for s in api.security_schemes}
        # The names a script's annotation may use: built once, not per operation (Graph has
        # some ten thousand models and enums, and as many operations).
        self.known = (
            _BUILTINS | set(_STDLIB) | set(self.models) | set(self.enums) | self.headers_classes
        )
        self.used: set[str] = set()
        self.seen: dict[str, tuple[_Node, list[int]]] = {}
        """Flat text of each parameter, response and security node → (node, its uses)."""
        self.shared_names: dict[str, str] = {}
        """Flat text of each node that operations share → its constant's name."""

    def stdlib_imports(self) -> tuple[str, ...]:
        lines = [_STDLIB[n] for n in sorted(self.used) if n in _STDLIB]
        if "Any" in self.used:
            lines.append("from typing import Any")
        return tuple(sorted(lines))

    def package_imports(self) -> tuple[str, ...]:
        lines = [
            "from . import _testing",
            "from ._testing import NotScripted, OperationScript, RecordedCall, SpecViolation",
        ]
        for module, names in (
            ("client", self.headers_classes),
            ("enums", self.enums),
            ("models", self.models),
        ):
            chosen = sorted((n for n in self.used if n in names), key=import_sort_key)
            if chosen:
                lines.append(_import_line(f"from .{module} import ", chosen))
        return tuple(lines)

    def script_annotation(self, op: Operation) -> str:
        annotation = op.return_annotation
        names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", annotation))
        if op.stream is not None or not names <= self.known:
            self.used.add("Any")
            return "Any"
        self.used.update(names - _BUILTINS)
        return annotation

    def operation(self, op: Operation) -> _Call:
        return _call(
            "_testing.OperationSpec",
            operation_id=pyrepr(op.operation_id),
            method_name=pyrepr(op.py_name),
            http_method=pyrepr(op.method.upper()),
            path=pyrepr(op.path),
            parameters=self.shared(tuple(self.parameter(p) for p in op.parameters)),
            body=self.body(op.body) if op.body is not None else None,
            responses=self.shared(tuple(self.response(op, r) for r in op.responses)),
            security=self.shared(
                (_Tuple(tuple(self.requirement(s) for s in op.security)),)
            ).items[0],
        )

    def shared(self, nodes: tuple[_Node, ...]) -> _Tuple:
        """`nodes`, each one that another operation has too named by a module constant
        (`_SHARED_3`), printed once: Stripe's 417 operations share their error response,
        their security and many parameters."""
        named: list[_Node] = []
        for node in nodes:
            text = _flat(node)
            if len(text) < 40:
                named.append(node)
                continue
            self.seen.setdefault(text, (node, []))[1].append(1)
            named.append(_Shared(text))
        return _Tuple(tuple(named))

    def resolve(self, node: _Node) -> _Node:
        """`node` with each shared node replaced by its constant's name, or by itself when
        only one operation has it."""
        if isinstance(node, _Shared):
            name = self.shared_names.get(node.text)
            return name if name is not None else self.resolve(self.seen[node.text][0])
        if isinstance(node, _Call):
            return _Call(node.head, tuple((k, self.resolve(v)) for k, v in node.args))
        if isinstance(node, _Tuple):
            return _Tuple(tuple(self.resolve(item) for item in node.items))
        return node

    def constants(self) -> tuple[str, ...]:
        """`_SHARED_n = ...` for each node more than one operation has."""
        self.shared_names = {
            text: f"_SHARED_{number}"
            for number, text in enumerate(
                t for t, (_, uses) in self.seen.items() if len(uses) > 1
            )
        }
        return tuple(
            f"{name} = " + _lay(self.resolve(self.seen[text][0]), "", len(name) + 3, 0)
            for text, name in self.shared_names.items()
        )

    def parameter(self, param: Parameter) -> _Call:
        return _call(
            "_testing.ParameterSpec",
            name=pyrepr(param.name),
            py_name=pyrepr(param.py_name),
            location=pyrepr(param.location),
            # The runtime's defaults (not required, simple, not exploded) are left out.
            required="True" if param.required else None,
            style=pyrepr(param.style) if param.style != "simple" else None,
            explode="True" if param.explode else None,
            allow_reserved="True" if param.allow_reserved else None,
            rules=self.rules(param.type),
        )

    def kind(self, ref: TypeRef) -> str:
        if ref.kind is TypeKind.ENUM and ref.target in self.enums:
            return (
                "integer"
                if self.enums[ref.target].base is TypeKind.INTEGER
                else "string"
            )
        return _KINDS.get(ref.kind, "string")

    def rules(self, ref: TypeRef) -> _Call | None:
        kind = self.kind(ref)
        item = ref.item if ref.kind is TypeKind.ARRAY else None
        values: tuple[str | int, ...] = ref.constraints.enum_values
        enum_ref = item if item is not None else ref
        if enum_ref.kind is TypeKind.ENUM and enum_ref.target in self.enums:
            values = tuple(m.value for m in self.enums[enum_ref.target].members)
        facts: dict[str, _Node] = dict(_constraint_args(ref.constraints))
        if item is not None:
            facts["item_kind"] = pyrepr(self.kind(item))
            facts.update(
                (k, v)
                for k, v in _constraint_args(item.constraints).items()
                if k not in ("min_items", "max_items")
            )
        if values:
            # A node, not one literal: a long list goes one value a line, as black lays it out.
            facts["enum"] = _Tuple(tuple(pyrepr(value) for value in values))
        if kind == "string" and not facts:
            return None
        return _call("_testing.ValueRules", kind=pyrepr(kind), **facts)

    def body(self, body: RequestBody) -> _Call:
        ref = body.type
        decode = None
        fields: list[_Tuple] = []
        model = self.models.get(ref.target or "") if ref is not None else None
        raw = body.encoding is not BodyEncoding.JSON
        if raw:
            model = (
                None  # form, multipart, bytes, text, XML: checked for media type only
            )
        if (
            ref is not None
            and ref.kind is TypeKind.MODEL
            and model
            and body.read_only is None
        ):
            # A body with readOnly properties is sent without them: from_dict would refuse it.
            self.used.add(model.class_name)
            decode = f"{model.class_name}.from_dict"
            for item in model.fields:
                rules = (
                    self.rules(item.type)
                    if not item.type.constraints.is_empty
                    else None
                )
                if rules is not None:
                    fields.append(_Tuple((pyrepr(item.wire_name), rules)))
        return _call(
            "_testing.BodySpec",
            media_types=pyrepr((body.media_type, *body.other_media_types)),
            required=pyrepr(body.required),
            py_name=pyrepr(body.py_name),
            decode=decode,
            kind=_body_kind(raw, self.kind(ref) if ref is not None else None),
            fields=_Tuple(tuple(fields)) if fields else None,
        )

    def response(self, op: Operation, response: Response) -> _Call:
        ref = response.type
        json_body = response.media_type is not None and _is_json(response.media_type)
        model = None
        strategy = None
        if ref is not None and ref.kind is TypeKind.MODEL and ref.target in self.models:
            model = ref.target
            self.used.add(model)
            if json_body and op.stream is None:
                strategy = pyrepr(self.models[model].json_strategy_name)
        item = ref.item if ref is not None and ref.kind is TypeKind.ARRAY else None
        listed = (
            item is not None
            and item.kind is TypeKind.MODEL
            and item.target in self.models
        )
        if item is not None and listed and json_body and op.stream is None:
            # A list of models: a short list drawn from the item's strategy.
            strategy = pyrepr("[]" + self.models[item.target or ""].json_strategy_name)
        example = None
        if response.examples and json_body and op.stream is None:
            # Compact: the example is data for the fake to send, not text to read.
            example = _Text(json.dumps(json.loads(response.examples[0].json)))
        return _call(
            "_testing.ResponseSpec",
            status=pyrepr(response.status),
            media_type=pyrepr(response.media_type) if response.media_type else None,
            model=model,
            headers=(
                pyrepr(tuple((h.name, h.py_name) for h in response.headers))
                if response.headers
                else None
            ),
            example=example,
            strategy=strategy,
            error_code_header=(
                pyrepr(response.error_code_header)
                if response.error_code_header
                else None
            ),
        )

    def requirement(self, requirement: SecurityRequirement) -> _Tuple:
        return _Tuple(tuple(self.scheme(key) for key, _scopes in requirement.schemes))

    def scheme(self, key: str) -> _Call:
        scheme = self.schemes.get(key)
        carrier, name = "unchecked", ""
        if scheme is None:
            pass
        elif scheme.kind == "apiKey" and scheme.location and scheme.parameter_name:
            carrier, name = scheme.location, scheme.parameter_name
        elif scheme.kind in ("oauth2", "openIdConnect"):
            carrier = "bearer"
        elif scheme.kind == "http" and scheme.scheme:
            bearer = scheme.scheme.lower() == "bearer"
            carrier, name = ("bearer", "") if bearer else ("http", scheme.scheme)
        return _call(
            "_testing.SchemeSpec",
            key=pyrepr(key),
            carrier=pyrepr(carrier),
            name=pyrepr(name) if name else None,
        )


def _body_kind(raw: bool, kind: str | None) -> str | None:
    """The BodySpec's `kind`: `raw` for a body that is not JSON; None for any JSON."""
    if raw:
        return pyrepr("raw")
    return None if kind is None else pyrepr(kind)


def _constraint_args(constraints: Constraints) -> dict[str, str]:
    facts: dict[str, str] = {}
    if constraints.python_pattern is not None:
        facts["pattern"] = pyrepr(constraints.python_pattern)
        facts["spec_pattern"] = pyrepr(constraints.pattern)
    for name in (
        "min_length",
        "max_length",
        "minimum",
        "maximum",
        "min_items",
        "max_items",
    ):
        value = getattr(constraints, name)
        if value is not None:
            facts[name] = pyrepr(value)
    if constraints.exclusive_minimum:
        facts["exclusive_minimum"] = "True"
    if constraints.exclusive_maximum:
        facts["exclusive_maximum"] = "True"
    return facts


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")
