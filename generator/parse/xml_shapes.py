"""XML bodies: which request and response bodies are XML models, and each such model's XML
form from the OpenAPI `xml` object.

A body is XML when its media type is (`application/xml`, `text/xml`, `...+xml`) and its
schema is a model; the operation then takes or returns the model, and every model that body
holds, at any depth, gets an `XmlModel`: its element name (the schema's `xml.name`, else its
name), and per property the element or attribute name, namespace and prefix, whether an array
is wrapped, what its items are called (OpenAPI's defaults: an unwrapped array repeats the
property's name; items named by their own `xml.name`, else their model's), and whether the
property is the element's text (Autorest's `x-ms-text`). An XML body of another shape (an
array, a string) stays raw bytes (text for `text/xml`), as before.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from generator.diagnostics import Diagnostic, join_pointer, split_pointer, warning
from generator.ir.kinds import TypeKind
from generator.ir.nodes import Enum, Model, Operation
from generator.ir.requests import BodyEncoding
from generator.ir.types import TypeRef
from generator.ir.xml import XmlModel, XmlNode
from generator.load.refs import RefError, resolve_ref

_NAME = re.compile(r"[^\W\d][\w.\-]*")
"""An XML name without a colon (an NCName), as the `xml` object's `name` and `prefix` must be."""
_SCALAR_KINDS = ("string", "integer", "number", "boolean", "date-time", "any")
_COMPONENT = "/components/schemas/"


def is_xml(media_type: str | None) -> bool:
    """`application/xml`, `text/xml` or a structured `+xml` type."""
    if media_type is None:
        return False
    base = media_type.split(";", 1)[0].strip().lower()
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def xml_candidate(media_type: str | None, schema: object) -> bool:
    """An XML media type whose schema may be a model (a `$ref`, properties, an `allOf`): only
    then is its type worth building."""
    return (
        is_xml(media_type)
        and isinstance(schema, Mapping)
        and ("$ref" in schema or "properties" in schema or "allOf" in schema)
    )


def xml_body(media_type: str | None, type_ref: TypeRef) -> bool:
    """The body is an XML model: the client writes and reads it with `to_xml`/`from_xml`."""
    return (
        is_xml(media_type) and type_ref.kind is TypeKind.MODEL and not type_ref.nullable
    )


def with_xml_shapes(
    models: tuple[Model, ...],
    enums: Iterable[Enum],
    operations: Iterable[Operation],
    root: Mapping[str, Any],
    diagnostics: list[Diagnostic],
) -> tuple[Model, ...]:
    """`models` with `xml` set on each one an XML body holds."""
    targets = []
    for operation in operations:
        body = operation.body
        if (
            body is not None
            and body.encoding is BodyEncoding.XML
            and body.type is not None
        ):
            targets.append(body.type.target)
        targets += [
            r.type.target
            for r in operation.responses
            if r.body_kind == "xml" and r.type
        ]
    if not targets:
        return models
    builder = _ShapeBuilder(models, enums, root, diagnostics)
    for target in targets:
        if target is not None:
            builder.visit(target)
    return tuple(
        (
            replace(m, xml=builder.done[m.class_name])
            if m.class_name in builder.done
            else m
        )
        for m in models
    )


class _ShapeBuilder:
    def __init__(
        self,
        models: tuple[Model, ...],
        enums: Iterable[Enum],
        root: Mapping[str, Any],
        diagnostics: list[Diagnostic],
    ) -> None:
        self.models = {m.class_name: m for m in models}
        self.enum_bases = {e.class_name: e.base.value for e in enums}
        self.root = root
        self.diagnostics = diagnostics
        self.done: dict[str, XmlModel] = {}

    def visit(self, class_name: str) -> None:
        pending = [class_name]
        while pending:
            name = pending.pop()
            model = self.models.get(name)
            if model is None or name in self.done:
                continue
            self.done[name] = shape = self._model(model)
            pending += _targets(shape.properties)

    def _model(self, model: Model) -> XmlModel:
        schema = self._at(model.pointer)
        own = self._xml(schema, model.pointer)
        tokens = split_pointer(model.pointer)
        default = (
            tokens[2]
            if model.pointer.startswith(_COMPONENT) and len(tokens) == 3
            else ""
        )
        name = own.get("name") or (
            default if _NAME.fullmatch(default) else model.class_name
        )
        return XmlModel(
            pointer=model.pointer,
            name=name,
            namespace=own.get("namespace"),
            prefix=own.get("prefix"),
            properties=tuple(
                self._node(
                    f.type,
                    self._at(f.pointer),
                    f.pointer,
                    f.wire_name,
                    key=f.wire_name,
                    required=f.required,
                )
                for f in model.fields
            ),
        )

    def _node(
        self,
        type_ref: TypeRef,
        site: Mapping[str, Any],
        pointer: str,
        default_name: str,
        *,
        key: str = "",
        required: bool = False,
        is_item: bool = False,
    ) -> XmlNode:
        own = self._xml(site, pointer)
        referenced = self._referenced(site)
        inherited = self._xml(referenced, "") if referenced else {}
        kind = self._kind(type_ref)
        name = (
            own.get("name")
            or (inherited.get("name") if is_item else None)
            or default_name
        )
        namespace, prefix = own.get("namespace"), own.get("prefix")
        if namespace is None:
            namespace, prefix = inherited.get("namespace"), inherited.get("prefix")
        attribute = own.get("attribute") is True
        text = own.get("x-ms-text") is True
        if (attribute or text) and kind not in _SCALAR_KINDS:
            what = "attribute" if attribute else "x-ms-text"
            self.diagnostics.append(
                warning(
                    "xml-not-scalar",
                    join_pointer(pointer, "xml", what),
                    f"only a scalar can be an XML {'attribute' if attribute else 'text'};"
                    " this property is written as an element",
                )
            )
            attribute = text = False
        item = None
        if kind in ("array", "map") and type_ref.item is not None:
            shape = referenced or site
            word = "items" if kind == "array" else "additionalProperties"
            raw = shape.get(word)
            item = self._node(
                type_ref.item,
                raw if isinstance(raw, Mapping) else {},
                join_pointer(pointer, word),
                default_name,
                is_item=True,
            )
        elif kind in ("array", "map"):
            kind = "any"
        return XmlNode(
            pointer=pointer,
            name=name,
            key=key,
            kind=kind,
            attribute=attribute,
            text=text,
            wrapped=kind == "array" and own.get("wrapped") is True,
            required=required,
            namespace=namespace,
            prefix=prefix if namespace else None,
            target=(type_ref.target or "") if kind == "model" else "",
            item=item,
        )

    def _kind(self, type_ref: TypeRef) -> str:
        kind = type_ref.kind.value
        if kind in _SCALAR_KINDS or kind in ("model", "array", "map"):
            return kind
        if kind == "enum":
            base = self.enum_bases.get(type_ref.target or "", "string")
            return base if base in _SCALAR_KINDS else "string"
        if kind == "union":
            kinds = {self._kind(v) for v in type_ref.variants}
            return (
                kinds.pop()
                if len(kinds) == 1 and kinds <= set(_SCALAR_KINDS)
                else "string"
            )
        if kind == TypeKind.DATETIME.value:
            return "date-time"  # written with at least milliseconds, as Azure's services do
        return (
            "string"  # dates and other formats: their JSON form is a string
        )

    def _xml(self, schema: Mapping[str, Any], pointer: str) -> dict[str, Any]:
        """The schema's `xml` object, with the values that cannot be used left out (each a
        warning when `pointer` is given)."""
        raw = schema.get("xml")
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self._warn(
                pointer and join_pointer(pointer, "xml"),
                "is not an object; it is ignored",
            )
            return {}
        result = {k: raw[k] for k in ("attribute", "wrapped", "x-ms-text") if k in raw}
        for word in ("name", "prefix"):
            value = raw.get(word)
            if value is None:
                continue
            if isinstance(value, str) and _NAME.fullmatch(value):
                result[word] = value
            else:
                where = pointer and join_pointer(pointer, "xml", word)
                self._warn(
                    where,
                    f"{json.dumps(value, ensure_ascii=False)} is not an XML name; it is ignored",
                )
        namespace = raw.get("namespace")
        if isinstance(namespace, str) and namespace:
            result["namespace"] = namespace
        elif namespace is not None:
            self._warn(
                pointer and join_pointer(pointer, "xml", "namespace"),
                "is not a URI; it is ignored",
            )
        return result

    def _warn(self, pointer: str, message: str) -> None:
        if pointer:
            self.diagnostics.append(warning("xml-object-invalid", pointer, message))

    def _referenced(self, site: Mapping[str, Any]) -> Mapping[str, Any]:
        """The schema a property's `$ref` (or one-part `allOf`) names; {} without one."""
        ref = site.get("$ref")
        parts = site.get("allOf")
        if (
            ref is None
            and isinstance(parts, list)
            and len(parts) == 1
            and isinstance(parts[0], Mapping)
        ):
            ref = parts[0].get("$ref")
        if not isinstance(ref, str):
            return {}
        try:
            value = resolve_ref(self.root, ref).value
        except RefError:
            return {}
        return value if isinstance(value, Mapping) else {}

    def _at(self, pointer: str) -> Mapping[str, Any]:
        value: Any = self.root
        for token in split_pointer(pointer):
            if isinstance(value, Mapping):
                value = value.get(token)
            elif (
                isinstance(value, list) and token.isdigit() and int(token) < len(value)
            ):
                value = value[int(token)]
            else:
                return {}
        return value if isinstance(value, Mapping) else {}


def _targets(nodes: Iterable[XmlNode | None]) -> list[str]:
    found = []
    for node in nodes:
        while node is not None:
            if node.target:
                found.append(node.target)
            node = node.item
    return found
