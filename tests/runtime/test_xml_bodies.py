"""XML bodies over real HTTP, for both clients: the package from tests/specs/xml.yaml sends
models as the XML Spector's payload/xml scenarios expect (names, attributes, wrapped and
unwrapped arrays, renamed fields, text content, dictionaries, namespaces) and decodes the same
documents back; an XML error body becomes the ApiError's model; a hostile document (a DTD,
an entity) is a DeserializationError, never expanded; XML bodies of other shapes stay raw.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import pytest
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

XML = "application/xml"


@pytest.fixture(scope="module")
def package(generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages["xml"].module


@pytest.fixture
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


@pytest.fixture
def client(package: Any, server: EchoServer, flavour: str) -> Iterator[Any]:
    with client_of(package, flavour, base_url=server.url, backoff_factor=0.001) as made:
        yield made


def _canonical(element: ElementTree.Element) -> Any:
    children = [_canonical(child) for child in element]
    return (
        element.tag,
        sorted(element.attrib.items()),
        (element.text or "").strip(),
        children,
    )


def _same_xml(sent: bytes, expected: str) -> bool:
    return _canonical(ElementTree.fromstring(sent)) == _canonical(
        ElementTree.fromstring(expected.strip())
    )


SIMPLE = """
<SimpleModel>
  <name>foo</name>
  <age>123</age>
</SimpleModel>
"""
ARRAYS = """
<ModelWithArrays>
  <colors>
    <string>red</string>
    <string>green</string>
  </colors>
  <Count>1</Count>
  <Count>2</Count>
  <Items>
    <item><label>kettle</label><price>20.5</price><seen>2022-08-26T18:38:00.000Z</seen></item>
    <item><label>mug</label><ok>true</ok></item>
  </Items>
  <extras><name>bar</name><age>456</age></extras>
  <empty />
  <statuses><statuses>success</statuses></statuses>
</ModelWithArrays>
"""
ATTRIBUTES = '<ModelWithAttributes id1="123" id-2="foo"><enabled>true</enabled></ModelWithAttributes>'
RENAMED = """
<ModelWithRenamedFieldsSrc>
  <InputData><name>foo</name><age>123</age></InputData>
  <OutputData><name>bar</name><age>456</age></OutputData>
</ModelWithRenamedFieldsSrc>
"""
TEXT = """
<ModelWithText language="foo">
  This is some text.
</ModelWithText>
"""
DICTIONARY = """
<ModelWithDictionary>
  <metadata><Color>blue</Color><Count>123</Count><Enabled>false</Enabled></metadata>
</ModelWithDictionary>
"""
NAMESPACED = """
<p:Person xmlns:p="http://example.com/schema/person" id="7" xml:lang="en">
  <p:name>Ann</p:name>
  <address xmlns="http://example.com/schema/address"><city>Oslo</city></address>
</p:Person>
"""


def _values(package: Any) -> dict[str, tuple[Any, str, str]]:
    """Scenario → (the model, its XML document, the path the client sends it to)."""
    p = package
    simple = p.SimpleModel(name="foo", age=123)
    arrays = p.ModelWithArrays(
        colors=["red", "green"],
        counts=[1, 2],
        items=[
            p.Item(label="kettle", price=20.5, seen=_instant()),
            p.Item(label="mug", ok=True),
        ],
        extras=[p.SimpleModel(name="bar", age=456)],
        empty=[],
        statuses=[p.Status.SUCCESS],
    )
    return {
        "simple": (simple, SIMPLE, "/simple"),
        "arrays": (arrays, ARRAYS, "/arrays"),
        "attributes": (
            p.ModelWithAttributes(id_1=123, id_2="foo", enabled=True),
            ATTRIBUTES,
            "/attributes",
        ),
        "renamed": (
            p.ModelWithRenamedFields(
                input_data=p.SimpleModel(name="foo", age=123),
                output_data=p.SimpleModel(name="bar", age=456),
            ),
            RENAMED,
            "/renamed",
        ),
        "text": (
            # Whitespace in an element's text is content: it goes and comes back exactly.
            p.ModelWithText(language="foo", content="\n  This is some text.\n"),
            TEXT,
            "/text",
        ),
        "dictionary": (
            p.ModelWithDictionary(
                metadata={"Color": "blue", "Count": "123", "Enabled": "false"}
            ),
            DICTIONARY,
            "/dictionary",
        ),
        "namespaced": (
            p.Namespaced(id=7, name="Ann", lang="en", address=p.Address(city="Oslo")),
            NAMESPACED,
            "/namespaced",
        ),
    }


def _instant() -> Any:
    from datetime import datetime, timezone

    return datetime(2022, 8, 26, 18, 38, tzinfo=timezone.utc)


SENDERS = {
    "simple": "put_simple",
    "arrays": "put_arrays",
    "attributes": "put_attributes",
    "renamed": "put_renamed",
    "text": "put_text",
    "dictionary": "put_dictionary",
    "namespaced": "put_namespaced",
}
STORED = ("simple", "arrays")
"""Their PUT answers 204; the others echo the model back."""
CONTENT_TYPES = {"arrays": "text/xml", "renamed": "application/atom+xml"}


@pytest.mark.parametrize("scenario", sorted(SENDERS))
def test_a_model_goes_out_as_its_xml_and_comes_back(
    package: Any, client: Any, server: EchoServer, scenario: str
) -> None:
    value, document, path = _values(package)[scenario]
    content_type = CONTENT_TYPES.get(scenario, XML)
    stored = scenario in STORED
    server.reply(Reply(204) if stored else Reply(200, document.encode(), content_type))
    back = getattr(client, SENDERS[scenario])(value)
    seen = server.last
    assert seen.method == "PUT" and seen.path == path
    assert seen.content_type == content_type
    assert _same_xml(seen.body, document), seen.body.decode()
    assert back == (None if stored else value)


def test_read_only_properties_are_not_sent_but_are_read(
    package: Any, client: Any, server: EchoServer
) -> None:
    arrays, document, _ = _values(package)["arrays"]
    arrays.items[0].id = "i-1"
    client.put_arrays(arrays)
    assert b"i-1" not in server.last.body and b"kettle" in server.last.body
    server.reply(
        Reply(200, document.replace("<item>", '<item id="i-1">', 1).encode(), XML)
    )
    assert client.get_arrays().items[0].id == "i-1"


def test_a_get_decodes_the_documents_and_asks_for_xml(
    package: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply(200, SIMPLE.encode(), XML))
    assert client.get_simple() == package.SimpleModel(name="foo", age=123)
    assert server.last.headers["accept"] == XML
    arrays, document, _ = _values(package)["arrays"]
    server.reply(Reply(200, document.encode(), "application/xml; charset=utf-8"))
    assert client.get_arrays() == arrays


def test_the_same_model_still_reads_json(
    package: Any, client: Any, server: EchoServer
) -> None:
    server.reply(Reply.json({"name": "foo", "age": 123}))
    assert client.get_simple_json() == package.SimpleModel(name="foo", age=123)


def test_a_recursive_model(package: Any, client: Any, server: EchoServer) -> None:
    document = (
        '<Tree label="a"><children label="b"><children label="c"/></children></Tree>'
    )
    server.reply(Reply(200, document.encode(), XML))
    tree = client.get_tree()
    assert tree.label == "a" and tree.children[0].children[0].label == "c"
    assert _same_xml(tree.to_xml(), document)


def test_an_xml_error_body_is_the_api_errors_model(
    package: Any, client: Any, server: EchoServer
) -> None:
    body = "<XmlErrorBody><message>Something went wrong</message><code>400</code></XmlErrorBody>"
    server.reply(Reply(400, body.encode(), XML))
    with pytest.raises(package.ApiError) as caught:
        client.get_simple()
    assert caught.value.model == package.XmlErrorBody(
        message="Something went wrong", code=400
    )
    assert caught.value.status_code == 400


DTD = (
    "<!DOCTYPE SimpleModel [{}]><SimpleModel><name>{}</name><age>1</age></SimpleModel>"
)


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (
            DTD.format('<!ENTITY a "x"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">', "&b;"),
            "document type declaration",
        ),
        (
            DTD.format('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"),
            "document type declaration",
        ),
        ("<SimpleModel><name>&x;</name><age>1</age></SimpleModel>", "undefined entity"),
    ],
    ids=["entity-expansion", "external-entity", "undeclared-entity"],
)
def test_a_hostile_document_is_refused(
    package: Any, client: Any, server: EchoServer, document: str, reason: str
) -> None:
    server.reply(Reply(200, document.encode(), XML))
    with pytest.raises(package.DeserializationError, match=reason) as caught:
        client.get_simple()
    assert "xxxxxxxx" not in str(caught.value)


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (
            "<SimpleModel><name>foo</name></SimpleModel>",
            "SimpleModel.age: required field",
        ),
        (
            "<SimpleModel><name>foo</name><age>old</age></SimpleModel>",
            "SimpleModel.age",
        ),
        ("<Other/>", "SimpleModel.name: required field missing"),
        ("not xml", "not well-formed"),
    ],
)
def test_a_document_that_does_not_match_is_a_located_error(
    package: Any, client: Any, server: EchoServer, document: str, reason: str
) -> None:
    server.reply(Reply(200, document.encode(), XML))
    with pytest.raises(package.DeserializationError, match=reason):
        client.get_simple()


def test_the_response_size_limit_holds_for_xml(
    package: Any, server: EchoServer, flavour: str
) -> None:
    document = "<SimpleModel><name>" + "x" * 5000 + "</name><age>1</age></SimpleModel>"
    server.reply(Reply(200, document.encode(), XML))
    with (
        client_of(
            package, flavour, base_url=server.url, max_response_size=1000
        ) as small,
        pytest.raises(package.ResponseTooLargeError),
    ):
        small.get_simple()


def test_xml_bodies_of_other_shapes_stay_raw(client: Any, server: EchoServer) -> None:
    server.reply(Reply(200, b"<a>1</a>", XML))
    assert client.get_raw() == b"<a>1</a>"
    server.reply(Reply(204))
    client.put_raw("<list><i>x</i></list>")
    assert server.last.body == b"<list><i>x</i></list>"
    assert server.last.content_type == "text/xml"


def test_a_text_property_keeps_its_whitespace(
    package: Any,
) -> None:
    text = package.ModelWithText.from_xml(TEXT)
    assert text.content == "\n  This is some text.\n"
    assert b">\n  This is some text.\n</ModelWithText>" in text.to_xml()
