"""XML bodies, read and written with the standard library as the OpenAPI `xml` object
describes them.

A model's XML form is converted to and from its JSON form (the dict `to_dict` writes and
`from_dict` reads), so the models' own codecs check every type and name the path of a bad
value. What the conversion needs is a table of shapes that `models.py` declares: per model its
element, per property its element or attribute name, namespace and prefix, whether it is the
element's text, and for arrays whether they are wrapped and what their items are called.

The reader refuses a document type declaration (so no entity can be declared: no billion
laughs, no external entities; nothing is ever fetched) and every entity reference but XML's
five; the body's size is bounded by the client's `max_response_size` before it gets here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from .errors import DeserializationError

__all__ = ["XmlModel", "XmlNode", "xml_decode", "xml_encode"]


class XmlNode(NamedTuple):
    """One property (or an array's items): where its value sits in the XML."""

    name: str
    """The element or attribute name (of the wrapper, for a wrapped array)."""
    key: str = ""
    """The property's key in the JSON form; "" for items."""
    kind: str = "string"
    """string, integer, number, boolean, date-time, any, model, array or map."""
    attribute: bool = False
    text: bool = False
    """The value is the text of the model's own element (`x-ms-text`)."""
    wrapped: bool = False
    """An array inside one element named `name`, rather than one element per item."""
    required: bool = False
    """A required unwrapped array reads as empty when no item is there."""
    namespace: str | None = None
    prefix: str | None = None
    target: str = ""
    """The model's key in the shape table, for kind model."""
    item: XmlNode | None = None
    """The items of an array, the values of a map."""


class XmlModel(NamedTuple):
    """A model's element: its name when it is the document, and its properties."""

    name: str
    properties: tuple[XmlNode, ...]
    namespace: str | None = None
    prefix: str | None = None


Shapes = Mapping[str, XmlModel]

_SEPARATOR = " "
"""Between a namespace and a local name in expat's output (no XML name holds a space)."""

_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
"""The namespace of the `xml` prefix, which every document has without declaring it."""
_INVALID_CHARACTERS = re.compile(
    "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# A map key written as an element name: ASCII only (a Unicode `\w` also takes `¹` and `٣`,
# which no XML name may hold).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


# -- reading -------------------------------------------------------------------------------


class _Refused(Exception):
    pass


def _refuse_doctype(*_args: object) -> None:
    raise _Refused("a document type declaration (DTD)")


def _refuse_entity(*_args: object) -> None:
    raise _Refused("an entity declaration")


def _refuse_external(*_args: object) -> int:
    raise _Refused("an external entity")


def parse_document(data: bytes | str, root: str = "value") -> Element:
    """The document's root element; DeserializationError for anything but well-formed XML
    without a DTD."""
    parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = TreeBuilder()

    def start(tag: str, attributes: dict[str, str]) -> None:
        builder.start(_clark(tag), {_clark(k): v for k, v in attributes.items()})

    def end(tag: str) -> None:
        builder.end(_clark(tag))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        raise DeserializationError(
            f"the XML body holds {refused}, which the client refuses", root=root
        ) from None
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code) if exc.code else str(exc)
        raise DeserializationError(
            f"the XML body is not well-formed ({reason}, line {exc.lineno},"
            f" column {exc.offset})",
            root=root,
        ) from None
    except RecursionError:
        raise DeserializationError("the XML body is too deep", root=root) from None
    return builder.close()


def _clark(name: str) -> str:
    namespace, separator, local = name.rpartition(_SEPARATOR)
    return _expanded(namespace, local) if separator else name


def _expanded(namespace: str, local: str) -> str:
    """ElementTree's name of `local` in `namespace`: `{namespace}local`."""
    return "{" + namespace + "}" + local


def xml_decode(data: bytes | str, shapes: Shapes, root: str) -> dict[str, Any]:
    """The JSON form of the model `root` from an XML document.

    The document element's name is not checked: services name it after their own types,
    which an inline schema (or one without `xml.name`) cannot say; its content is.
    """
    element = parse_document(data, root)
    try:
        return _read_model(element, shapes[root], shapes)
    except RecursionError:
        raise DeserializationError("the XML body is too deep", root=root) from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _matches(tag: str, node: XmlNode) -> bool:
    """A name without a namespace matches in any (a default namespace the document
    declares); one with a namespace only in it."""
    if node.namespace:
        return tag == _expanded(node.namespace, node.name)
    return _local(tag) == node.name


def _read_model(element: Element, shape: XmlModel, shapes: Shapes) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for node in shape.properties:
        if node.attribute:
            value = _attribute(element, node)
            if value is not None:
                result[node.key] = _scalar(value, node.kind)
        elif node.text:
            # The text exactly as sent (whitespace in mixed content is content), but for a
            # model with child elements, whose own text is the layout between them.
            text = _text_of(element)
            result[node.key] = _scalar(
                text.strip() if len(element) else text, node.kind
            )
        elif node.kind == "array" and not node.wrapped:
            assert node.item is not None
            items = [
                _read_value(child, node.item, shapes)
                for child in element
                if _matches(child.tag, node.item)
            ]
            if items or node.required:
                result[node.key] = items
        else:
            child = next((c for c in element if _matches(c.tag, node)), None)
            if child is not None:
                result[node.key] = _read_value(child, node, shapes)
    return result


def _attribute(element: Element, node: XmlNode) -> str | None:
    if node.namespace:
        return element.get(_expanded(node.namespace, node.name))
    return element.get(node.name)


def _read_value(element: Element, node: XmlNode, shapes: Shapes) -> Any:
    if node.kind == "model":
        return _read_model(element, shapes[node.target], shapes)
    if node.kind == "array":
        assert node.item is not None
        item = node.item
        return [_read_value(c, item, shapes) for c in element if _matches(c.tag, item)]
    if node.kind == "map":
        assert node.item is not None
        return {_local(c.tag): _read_value(c, node.item, shapes) for c in element}
    return _scalar(_text_of(element), node.kind)


def _text_of(element: Element) -> str:
    """The element's own text: its text and that after each child element."""
    return (element.text or "") + "".join(child.tail or "" for child in element)


def _scalar(text: str, kind: str) -> Any:
    """The JSON value of an element's text; a text that is none is left to the model's
    decoder to reject, with the path of the value."""
    try:
        if kind == "integer":
            return int(text.strip())
        if kind == "number":
            return float(text.strip())
    except ValueError:
        return text
    if kind == "boolean":
        return {"true": True, "false": False, "1": True, "0": False}.get(
            text.strip(), text
        )
    return text


# -- writing -------------------------------------------------------------------------------


def xml_encode(wire: Mapping[str, Any], shapes: Shapes, root: str) -> bytes:
    """An XML document (UTF-8, with its declaration) from the JSON form of model `root`."""
    shape = shapes[root]
    node = XmlNode(
        shape.name,
        kind="model",
        namespace=shape.namespace,
        prefix=shape.prefix,
        target=root,
    )
    parts = ['<?xml version="1.0" encoding="UTF-8"?>']
    parts.extend(_element(node, wire, shapes, {"xml": _XML_NAMESPACE}))
    return "".join(parts).encode("utf-8")


def _element(
    node: XmlNode, value: Any, shapes: Shapes, scope: dict[str, str]
) -> Iterator[str]:
    """The element `node` with `value`; `scope` maps each prefix in scope ("" the default)
    to its namespace."""
    inner = dict(scope)
    declarations: list[str] = []
    tag = _qualified(node, inner, declarations, attribute=False)
    attributes: list[str] = []
    content: list[str] = []
    if node.kind == "model" and isinstance(value, Mapping):
        shape = shapes[node.target]
        for prop in shape.properties:
            if prop.key not in value or value[prop.key] is None:
                continue
            item = value[prop.key]
            if prop.attribute:
                name = _qualified(prop, inner, declarations, attribute=True)
                attributes.append(
                    f' {name}="{_escape(_text(item, prop.kind), attribute=True)}"'
                )
            elif prop.text:
                content.append(_escape(_text(item, prop.kind)))
            elif prop.kind == "array" and not prop.wrapped:
                assert prop.item is not None
                for entry in _list(item):
                    content.extend(_element(prop.item, entry, shapes, inner))
            else:
                content.extend(_element(prop, item, shapes, inner))
    elif node.kind == "array":
        assert node.item is not None
        for entry in _list(value):
            content.extend(_element(node.item, entry, shapes, inner))
    elif node.kind == "map":
        assert node.item is not None
        if not isinstance(value, Mapping):
            raise TypeError(
                f"expected a dict for {node.name}, not {type(value).__name__}"
            )
        for key, entry in value.items():
            if not isinstance(key, str) or not _NAME.fullmatch(key):
                raise ValueError(f"{key!r} cannot be an XML element name")
            content.extend(_element(node.item._replace(name=key), entry, shapes, inner))
    elif value is not None:
        content.append(_escape(_text(value, node.kind)))
    opening = tag + "".join(declarations) + "".join(attributes)
    if content:
        yield f"<{opening}>"
        yield from content
        yield f"</{tag}>"
    else:
        yield f"<{opening}/>"


def _qualified(
    node: XmlNode, scope: dict[str, str], declarations: list[str], *, attribute: bool
) -> str:
    """The name as written, declaring its namespace where it is not in scope yet."""
    if not node.namespace:
        return node.name
    prefix = node.prefix or ""
    if attribute and not prefix:
        # An attribute without a prefix is in no namespace: it gets one of its own.
        bound = [p for p, ns in scope.items() if p and ns == node.namespace]
        prefix = bound[0] if bound else "ns0"
    if scope.get(prefix) != node.namespace:
        scope[prefix] = node.namespace
        name = f"xmlns:{prefix}" if prefix else "xmlns"
        declarations.append(f' {name}="{_escape(node.namespace, attribute=True)}"')
    return f"{prefix}:{node.name}" if prefix else node.name


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return value


_WHOLE_SECONDS = re.compile(r"(.*T[0-9]{2}:[0-9]{2}:[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})")


def _text(value: Any, kind: str = "string") -> str:
    if kind == "date-time" and isinstance(value, str):
        # Many XML services and SDKs write date-times with milliseconds (`...:00.000Z`),
        # and some compare the text; the same instant either way.
        whole = _WHOLE_SECONDS.fullmatch(value)
        return f"{whole[1]}.000{whole[2]}" if whole else value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
        return repr(value)
    if isinstance(value, (str, int)):
        return str(value)
    raise TypeError(f"an XML text cannot hold {type(value).__name__}")


def _escape(text: str, *, attribute: bool = False) -> str:
    if _INVALID_CHARACTERS.search(text):
        raise ValueError("XML 1.0 cannot hold this text's control characters")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
    return text.replace("\r", "&#13;")
