"""The IR of XML bodies: where each value of a model sits in its XML form, from the OpenAPI
`xml` object (names, attributes, wrapped arrays, namespaces and prefixes, and Autorest's
`x-ms-text` for an element's text). The generated `models.py` prints one table of these for
the runtime's reader and writer (generator/runtime/_xml.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class XmlNode:
    """One property of an XML model, or the items of an array, the values of a map."""

    pointer: str
    """The schema it comes from (a property's, or its `items`)."""
    name: str
    """Its element or attribute name: the `xml` object's `name`, else the property's name
    (for items: the referenced model's `xml.name`, else the array property's name)."""
    key: str = ""
    """The property's wire name (its key in the JSON form); "" for items and values."""
    kind: str = "string"
    """How its text is read: string, integer, number, boolean, date-time (an RFC 3339 string,
    written with at least milliseconds) or any; or model, array, map."""
    attribute: bool = False
    """`xml.attribute: true`: an attribute of the model's element."""
    text: bool = False
    """`xml.x-ms-text: true`: the text of the model's own element."""
    wrapped: bool = False
    """`xml.wrapped: true` on an array: its items inside one element named `name`."""
    required: bool = False
    """The property is required (a required unwrapped array with no item is empty)."""
    namespace: str | None = None
    """`xml.namespace`: the namespace URI of its name."""
    prefix: str | None = None
    """`xml.prefix`: the prefix its name is written with."""
    target: str = ""
    """For kind model: the model's class name (its key in the table)."""
    item: XmlNode | None = None
    """For an array its items, for a map its values."""


@dataclass(frozen=True, slots=True, kw_only=True)
class XmlModel:
    """The XML form of a model that an XML body holds (at any depth)."""

    pointer: str
    """The model's schema."""
    name: str
    """The element's name when the model is the document: its `xml.name`, else the schema's
    name."""
    namespace: str | None = None
    """`xml.namespace` of the schema."""
    prefix: str | None = None
    """`xml.prefix` of the schema."""
    properties: tuple[XmlNode, ...]
    """One per field, in field order."""
