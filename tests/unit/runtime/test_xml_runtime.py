"""generator/runtime/_xml.py at its source: the XML form of a model's JSON form, read and
written by a shape table, and the reader's refusals (DTDs, entities, malformed documents).
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest

from generator.runtime._xml import (
    XmlModel,
    XmlNode,
    parse_document,
    xml_decode,
    xml_encode,
)
from generator.runtime.errors import DeserializationError

XML_NS = "http://www.w3.org/XML/1998/namespace"
SIMPLE = XmlModel(
    "SimpleModel",
    properties=(
        XmlNode("name", key="name", required=True),
        XmlNode("age", key="age", kind="integer", required=True),
    ),
)
SHAPES: dict[str, XmlModel] = {
    "SimpleModel": SIMPLE,
    "Arrays": XmlModel(
        "Arrays",
        properties=(
            XmlNode(
                "colors",
                key="colors",
                kind="array",
                wrapped=True,
                item=XmlNode("string"),
            ),
            XmlNode(
                "counts",
                key="counts",
                kind="array",
                item=XmlNode("Count", kind="integer"),
            ),
            XmlNode(
                "needed", key="needed", kind="array", required=True, item=XmlNode("n")
            ),
            XmlNode(
                "models",
                key="models",
                kind="array",
                wrapped=True,
                item=XmlNode("SimpleModel", kind="model", target="SimpleModel"),
            ),
            XmlNode("meta", key="meta", kind="map", item=XmlNode("", kind="boolean")),
            XmlNode("ratio", key="ratio", kind="number"),
            XmlNode("anything", key="anything", kind="any"),
        ),
    ),
    "Text": XmlModel(
        "Text",
        properties=(
            XmlNode("lang", key="lang", attribute=True),
            XmlNode("content", key="content", text=True),
        ),
    ),
    "Person": XmlModel(
        "Person",
        namespace="urn:person",
        prefix="p",
        properties=(
            XmlNode("id", key="id", kind="integer", attribute=True),
            XmlNode("name", key="name", namespace="urn:person", prefix="p"),
            XmlNode("lang", key="lang", attribute=True, namespace=XML_NS, prefix="xml"),
            XmlNode("tag", key="tag", attribute=True, namespace="urn:tags"),
            XmlNode(
                "address",
                key="address",
                kind="model",
                namespace="urn:a",
                target="Address",
            ),
        ),
    ),
    "Address": XmlModel("Address", properties=(XmlNode("city", key="city"),)),
}


def _canonical(element: ElementTree.Element) -> Any:
    """An element as comparable data: names, attributes, trimmed text, children in order."""
    children = [_canonical(child) for child in element]
    return (
        element.tag,
        sorted(element.attrib.items()),
        (element.text or "").strip(),
        children,
    )


def _same_xml(left: bytes | str, right: bytes | str) -> bool:
    return _canonical(ElementTree.fromstring(left)) == _canonical(
        ElementTree.fromstring(right)
    )


def test_a_simple_model_both_ways() -> None:
    text = "<SimpleModel>\n  <name>foo</name>\n  <age>123</age>\n</SimpleModel>"
    assert xml_decode(text, SHAPES, "SimpleModel") == {"name": "foo", "age": 123}
    written = xml_encode({"name": "foo", "age": 123}, SHAPES, "SimpleModel")
    assert written.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert _same_xml(written, text)


def test_wrapped_and_unwrapped_arrays_maps_and_scalars() -> None:
    wire = {
        "colors": ["red", "green"],
        "counts": [1, 2],
        "needed": [],
        "models": [{"name": "a", "age": 1}],
        "meta": {"Enabled": False, "Seen": True},
        "ratio": 0.5,
        "anything": "x",
    }
    written = xml_encode(wire, SHAPES, "Arrays")
    assert _same_xml(
        written,
        "<Arrays><colors><string>red</string><string>green</string></colors>"
        "<Count>1</Count><Count>2</Count>"
        "<models><SimpleModel><name>a</name><age>1</age></SimpleModel></models>"
        "<meta><Enabled>false</Enabled><Seen>true</Seen></meta>"
        "<ratio>0.5</ratio><anything>x</anything></Arrays>",
    )
    assert xml_decode(written, SHAPES, "Arrays") == wire


def test_absent_values_stay_absent_and_a_required_unwrapped_array_is_empty() -> None:
    assert xml_decode("<Arrays/>", SHAPES, "Arrays") == {"needed": []}
    assert xml_decode("<Arrays><colors/></Arrays>", SHAPES, "Arrays") == {
        "colors": [],
        "needed": [],
    }
    assert xml_encode({"colors": [], "ratio": None}, SHAPES, "Arrays").endswith(
        b"<Arrays><colors/></Arrays>"
    )


def test_attributes_and_text_content() -> None:
    text = '<Text lang="en &amp; fr">\n  Some &lt;text&gt;.\n</Text>'
    assert xml_decode(text, SHAPES, "Text") == {
        "lang": "en & fr",
        # An element's text is content, whitespace and all (x-ms-text).
        "content": "\n  Some <text>.\n",
    }
    written = xml_encode({"lang": 'a"b\nc', "content": "x < y & z"}, SHAPES, "Text")
    assert b'lang="a&quot;b&#10;c"' in written and b">x &lt; y &amp; z<" in written
    assert xml_decode(written, SHAPES, "Text") == {
        "lang": 'a"b\nc',
        "content": "x < y & z",
    }


def test_namespaces_and_prefixes() -> None:
    wire = {
        "id": 7,
        "name": "Ann",
        "lang": "en",
        "tag": "t",
        "address": {"city": "Oslo"},
    }
    written = xml_encode(wire, SHAPES, "Person")
    root = ElementTree.fromstring(written)
    assert root.tag == "{urn:person}Person"
    assert root.get("id") == "7" and root.get(f"{{{XML_NS}}}lang") == "en"
    assert root.get("{urn:tags}tag") == "t"
    assert root.find("{urn:person}name") is not None
    address = root.find("{urn:a}address")
    assert (
        address is not None and address.find("{urn:a}city") is not None
    )  # default namespace
    assert b"xmlns:xml" not in written and b"<p:Person" in written
    assert xml_decode(written, SHAPES, "Person") == wire


def test_a_name_in_another_namespace_is_not_the_property() -> None:
    text = '<p:Person xmlns:p="urn:person" xmlns:q="urn:other"><q:name>x</q:name></p:Person>'
    assert xml_decode(text, SHAPES, "Person") == {}


def test_values_that_are_not_their_kind_are_left_for_the_model_to_reject() -> None:
    decoded = xml_decode(
        "<SimpleModel><age>old</age></SimpleModel>", SHAPES, "SimpleModel"
    )
    assert decoded == {"age": "old"}
    meta = xml_decode("<Arrays><meta><a>maybe</a></meta></Arrays>", SHAPES, "Arrays")[
        "meta"
    ]
    assert meta == {"a": "maybe"}


@pytest.mark.parametrize(
    "wire",
    [
        {"name": "bell \x07", "age": 1},
        {"name": "\ud800", "age": 1},
    ],
    ids=["control", "surrogate"],
)
def test_text_xml_cannot_hold_is_refused(wire: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="XML 1.0"):
        xml_encode(wire, SHAPES, "SimpleModel")


@pytest.mark.parametrize("key", ["two words", "A\u00b9", "x\u0663", "1a"])
def test_a_map_key_that_is_no_element_name_is_refused(key: str) -> None:
    # `A¹` and `x٣` pass a Unicode `\w` but are no XML names: written, they made a document
    # no XML reader accepts (found by the round-trip property test).
    with pytest.raises(ValueError, match="element name"):
        xml_encode({"meta": {key: True}}, SHAPES, "Arrays")


def test_the_document_elements_name_is_not_checked_its_content_is() -> None:
    text = "<simple-model><name>foo</name><age>1</age></simple-model>"
    assert xml_decode(text, SHAPES, "SimpleModel") == {"name": "foo", "age": 1}
    assert xml_decode("<Other/>", SHAPES, "SimpleModel") == {}


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "document type declaration"),
        (
            '<!DOCTYPE a [<!ENTITY a0 "lol"><!ENTITY a1 "&a0;&a0;&a0;&a0;">]><a>&a1;</a>',
            "document type declaration",
        ),
        (
            '<!DOCTYPE a SYSTEM "http://127.0.0.1:9/evil.dtd"><a/>',
            "document type declaration",
        ),
        (
            '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
            "document type",
        ),
        ("<a>&x;</a>", "undefined entity"),
        ("<a><b></a>", "mismatched tag"),
        ("", "no element found"),
        (b"\xff\xfe<", "not well-formed"),
    ],
    ids=[
        "entity",
        "billion-laughs",
        "external-dtd",
        "external-entity",
        "undefined",
        "tags",
        "empty",
        "bytes",
    ],
)
def test_the_reader_refuses_dtds_entities_and_malformed_documents(
    document: str | bytes, reason: str
) -> None:
    with pytest.raises(DeserializationError, match=reason) as caught:
        parse_document(document, "Thing")
    assert caught.value.path == "Thing"


def test_the_five_predefined_entities_and_character_references_are_read() -> None:
    element = parse_document("<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</a>")
    assert element.text == "<>&\"'AB"


def test_a_document_nested_deeper_than_the_stack_is_an_error() -> None:
    child = XmlNode("node", kind="model", target="Node")
    shapes = {
        "Node": XmlModel(
            "node", properties=(XmlNode("node", key="kids", kind="array", item=child),)
        )
    }
    depth = 20000
    document = "<node>" * depth + "</node>" * depth
    with pytest.raises(DeserializationError, match="too deep"):
        xml_decode(document, shapes, "Node")
    assert xml_decode("<node><node/><node/></node>", shapes, "Node") == {
        "kids": [{}, {}]
    }
