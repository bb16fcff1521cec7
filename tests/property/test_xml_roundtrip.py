"""Hypothesis round trips through XML for every model an XML body holds (every case of
support.tools.CASES): from_xml(to_xml(x)) is x, up to what XML cannot tell apart (an absent
value and a null, an absent optional unwrapped array and an empty one, the whitespace around an
element's text), and reading it again changes nothing. A value XML cannot hold (a control
character, a map key that is no element name) is a ValueError when written, never a document
the reader gets wrong."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from support.tools import CASES, GeneratedPackage

XML_MODEL_PARAMS = [
    pytest.param(case.name, model.class_name, id=f"{case.name}:{model.class_name}")
    for case in CASES
    for model in case.api().models
    if model.xml is not None
]
_NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ELEMENT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")


def test_the_xml_case_has_xml_models() -> None:
    assert len(XML_MODEL_PARAMS) >= 10


@pytest.mark.parametrize(("case", "class_name"), XML_MODEL_PARAMS)
def test_xml_round_trip(
    generated_packages: dict[str, GeneratedPackage], case: str, class_name: str
) -> None:
    pkg = generated_packages[case]
    model = next(m for m in pkg.api.models if m.class_name == class_name)
    cls = getattr(pkg.models, class_name)
    shapes = pkg.models._XML_SHAPES

    @given(getattr(pkg.strategies, model.strategy_name)())
    def check(instance: Any) -> None:
        wire = instance.to_dict()
        try:
            document = instance.to_xml()
        except ValueError:
            assert _unwritable(wire), wire
            # The same value with what XML cannot hold replaced, so that every draw counts.
            wire = _writable(wire, shapes, class_name)
            document = cls.from_dict(wire).to_xml()
        back = cls.from_xml(document)
        assert _comparable(back.to_dict(), shapes, class_name) == _comparable(
            wire, shapes, class_name
        )
        assert cls.from_xml(back.to_xml()) == back

    check()


def _comparable(wire: dict[str, Any], shapes: Any, name: str) -> dict[str, Any]:
    """The JSON form with what XML does not keep apart made the same."""
    result = {}
    for node in shapes[name].properties:
        value = wire.get(node.key)
        if value is None:
            continue
        if (
            node.kind == "array"
            and not node.wrapped
            and value == []
            and not node.required
        ):
            continue
        result[node.key] = value.strip() if node.text else _value(value, node, shapes)
    return result


def _value(value: Any, node: Any, shapes: Any) -> Any:
    if node.kind == "model":
        return _comparable(value, shapes, node.target)
    if node.kind == "array":
        return [_value(item, node.item, shapes) for item in value]
    if node.kind == "map":
        return {key: _value(item, node.item, shapes) for key, item in value.items()}
    return value


def _writable(wire: dict[str, Any], shapes: Any, name: str) -> dict[str, Any]:
    """`wire` with characters XML cannot hold replaced, and map keys made element names."""
    result = dict(wire)
    for node in shapes[name].properties:
        if result.get(node.key) is not None:
            result[node.key] = _writable_value(result[node.key], node, shapes)
    return result


def _writable_value(value: Any, node: Any, shapes: Any) -> Any:
    if node.kind == "model":
        return _writable(value, shapes, node.target)
    if node.kind == "array":
        return [_writable_value(item, node.item, shapes) for item in value]
    if node.kind == "map":
        return {
            key if _ELEMENT_NAME.fullmatch(key) else f"k{index}": _writable_value(
                item, node.item, shapes
            )
            for index, (key, item) in enumerate(value.items())
        }
    return _NOT_XML_TEXT.sub("?", value) if isinstance(value, str) else value


def _unwritable(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_NOT_XML_TEXT.search(value))
    if isinstance(value, list):
        return any(_unwritable(item) for item in value)
    if isinstance(value, dict):
        return any(
            not _ELEMENT_NAME.fullmatch(key) or _unwritable(item)
            for key, item in value.items()
        )
    return False
