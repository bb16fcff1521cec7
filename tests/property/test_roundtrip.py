"""Hypothesis round trips for every model of every generated package (see conftest.CASES).

1. Object side: from_dict(to_dict(x)) == x for any instance x (through real JSON text).
2. Wire side: for any JSON value j valid against the schema, to_dict(from_dict(j)) is j again
   (date-times compared as instants), and what to_dict writes validates against the schema.
3. Invalid side: a missing required field or a value of the wrong JSON type raises
   DeserializationError naming the field, and never anything else.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.roundtrip import (
    assert_model_equivalent,
    broken_values,
    schema_validator,
    subtype_family,
)
from support.tools import CASES, GeneratedPackage

MODEL_PARAMS = [
    pytest.param(case.name, model.class_name, id=f"{case.name}:{model.class_name}")
    for case in CASES
    for model in case.api().models
]


def _json_text(pkg: GeneratedPackage, wire: Any) -> str:
    """JSON text as the generated client writes it (a Decimal digit for digit)."""
    return str(importlib.import_module(pkg.case.package + "._wire").json_text(wire))


def _model(pkg: GeneratedPackage, class_name: str) -> tuple[Any, Any]:
    model = next(m for m in pkg.api.models if m.class_name == class_name)
    return model, getattr(pkg.models, class_name)


@pytest.mark.parametrize(("case", "class_name"), MODEL_PARAMS)
def test_object_side_round_trip(
    generated_packages: dict[str, GeneratedPackage], case: str, class_name: str
) -> None:
    pkg = generated_packages[case]
    model, cls = _model(pkg, class_name)
    validator = schema_validator(pkg.spec, model)

    @given(getattr(pkg.strategies, model.strategy_name)())
    def check(instance: Any) -> None:
        wire = json.loads(_json_text(pkg, instance.to_dict()))
        assert cls.from_dict(wire) == instance
        validator.validate(wire)  # an unlisted value of an open enum included

    check()


@pytest.mark.parametrize(("case", "class_name"), MODEL_PARAMS)
def test_wire_side_round_trip(
    generated_packages: dict[str, GeneratedPackage], case: str, class_name: str
) -> None:
    pkg = generated_packages[case]
    model, cls = _model(pkg, class_name)
    validator = schema_validator(pkg.spec, model)

    @given(getattr(pkg.strategies, model.json_strategy_name)())
    def check(sent: dict[str, Any]) -> None:
        validator.validate(sent)  # the strategy itself must only draw valid JSON
        back = cls.from_dict(sent).to_dict()
        validator.validate(back)
        assert_model_equivalent(pkg.api, model, sent, back, class_name)
        _json_text(pkg, back)

    check()


@pytest.mark.parametrize(("case", "class_name"), MODEL_PARAMS)
def test_invalid_side_raises_deserialization_error(
    generated_packages: dict[str, GeneratedPackage], case: str, class_name: str
) -> None:
    pkg = generated_packages[case]
    model, cls = _model(pkg, class_name)
    error_type = pkg.module.DeserializationError
    valid = getattr(pkg.strategies, model.json_strategy_name)()
    family = subtype_family(pkg.api, model)

    @given(broken_values(model, valid))
    def check(case: tuple[Any, str]) -> None:
        broken, where = case
        with pytest.raises(error_type) as caught:
            cls.from_dict(broken)
        # A base model's body may name a subtype, which reports it under its own name.
        rest = where[len(model.class_name) :]
        assert any(str(caught.value).startswith(name + rest) for name in family), caught.value

    check()


@pytest.mark.parametrize("case", [c.name for c in CASES])
@given(st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.lists(st.integers())))
def test_non_objects_are_refused(
    generated_packages: dict[str, GeneratedPackage], case: str, value: Any
) -> None:
    pkg = generated_packages[case]
    for model in pkg.api.models:
        with pytest.raises(pkg.module.DeserializationError, match="expected object"):
            getattr(pkg.models, model.class_name).from_dict(value)


def test_a_spec_is_prepared_for_validation_once(
    generated_packages: dict[str, GeneratedPackage], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rewriting a 3.0 spec for the validator copies all of it; per model that was minutes on
    # Stripe (tests/corpus_gate/test_corpus.py), so it happens once per spec.
    from support import roundtrip

    spec = dict(generated_packages["face"].spec)  # a fresh object: nothing cached for it yet
    whole: list[object] = []  # the rewrites that start at the spec's paths (not recursive ones)
    original = roundtrip._composed_nullable

    def counting(node: Any) -> Any:
        if isinstance(node, dict) and node.get("paths") is spec["paths"]:
            whole.append(node)
        return original(node)

    monkeypatch.setattr(roundtrip, "_composed_nullable", counting)
    for model in generated_packages["face"].api.models:
        schema_validator(spec, model)
    assert len(generated_packages["face"].api.models) > 1 and len(whole) == 1
