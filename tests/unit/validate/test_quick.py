"""generator.validate.quick: it answers "nothing to report" only where openapi-spec-validator
would report nothing, and answers it for the plain valid documents that are most of a build's
runs (without importing the library)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.document import Document
from generator.validate import quick
from generator.validate.quick import quick_validate
from generator.validate.spec_validator import validate

ROOT = Path(__file__).resolve().parents[3]
MALFORMED = ROOT / "tests" / "errors" / "malformed"
CORPUS = ROOT / "tests" / "corpus"


def _document(data: Any, path: Path | None = None) -> Document:
    return Document(path=path or ROOT / "spec.yaml", data=data)


def _spec(schemas: dict[str, Any], parameters: list[Any] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": "getThing",
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}},
            }
        },
    }
    if parameters is not None:
        operation["parameters"] = parameters
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/things": {"get": operation}},
        "components": {"schemas": schemas},
    }


def _agrees(data: Any) -> tuple[tuple[()] | None, tuple[Any, ...]]:
    document = _document(data)
    answer = quick_validate(document)
    full = validate(document)
    if answer is not None:
        assert full == (), f"quick said nothing to report; the library found {full}"
    return answer, full


PLAIN = {
    "A": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "integer", "format": "int64", "minimum": 0, "default": 1},
            "name": {"type": "string", "maxLength": 5, "pattern": "^[a-z]+$"},
            "kind": {"type": "string", "enum": ["x", "y"], "default": "y"},
            "ratio": {"type": "number", "format": "float", "default": 0},
            "tags": {"type": "array", "items": {"type": "string"}, "default": ["a"]},
            "flag": {"type": "boolean", "nullable": True, "default": None},
            "blob": {"type": "string", "format": "byte", "default": "YWJj"},
        },
    }
}


def test_a_plain_valid_document_is_answered_quickly() -> None:
    answer, _ = _agrees(_spec(PLAIN))
    assert answer == ()


@pytest.mark.parametrize(
    ("schema", "what"),
    [
        ({"type": "integer", "default": "1"}, "a default of the wrong type"),
        ({"type": "integer", "format": "int32", "default": 2**31}, "an int32 out of range"),
        ({"type": "string", "enum": ["a"], "default": "b"}, "a default outside the enum"),
        ({"type": "string", "maxLength": 1, "default": "ab"}, "a default too long"),
        ({"type": "string", "pattern": "^a$", "default": "b"}, "a default against its pattern"),
        ({"type": "number", "minimum": 1, "exclusiveMinimum": True, "default": 1}, "a bound"),
        ({"type": "string", "format": "byte", "default": "***"}, "a default that is not base64"),
        ({"type": "string", "enum": ["a", "a"]}, "an enum with a repeated value"),
        ({"type": "number", "exclusiveMinimum": True}, "exclusiveMinimum without minimum"),
        ({"type": "string", "nullable": False, "default": None}, "a null default"),
    ],
)
def test_what_the_library_reports_is_left_to_it(schema: dict[str, Any], what: str) -> None:
    answer, full = _agrees(_spec({"A": {"type": "object", "properties": {"p": schema}}}))
    assert answer is None, what
    assert full, f"{what}: the library was expected to report it"


def test_a_default_with_a_pattern_is_left_to_the_library_and_its_time_limit() -> None:
    # The library matches the pattern against the default under a CPU-time limit; matching it
    # here could backtrack for hours.
    schema = {"type": "string", "pattern": "^(a+)+$", "default": "a" * 40 + "!"}
    assert quick_validate(_document(_spec({"A": schema}))) is None


def test_required_names_an_all_of_never_defines_are_left_to_the_library() -> None:
    schemas = {
        "A": {
            "allOf": [{"$ref": "#/components/schemas/B"}],
            "required": ["missing"],
        },
        "B": {"type": "object", "properties": {"b": {"type": "string"}}},
    }
    answer, full = _agrees(_spec(schemas))
    assert answer is None
    assert [d.code for d in full] == ["validate.required-undefined"]


def test_a_duplicate_parameter_is_left_to_the_library() -> None:
    parameter = {"name": "q", "in": "query", "schema": {"type": "string"}}
    answer, full = _agrees(_spec(PLAIN, parameters=[parameter, dict(parameter)]))
    assert answer is None
    assert full


@pytest.mark.parametrize(
    "data",
    [
        {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}},
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}},
        {"openapi": "3.0.3", "info": {"title": 1, "version": "1"}, "paths": {}},
    ],
)
def test_other_versions_and_invalid_documents_take_the_full_path(data: dict[str, Any]) -> None:
    assert quick_validate(_document(data)) is None


def _stored_specs() -> list[Path]:
    specs = sorted(MALFORMED.glob("*.yaml")) + sorted(MALFORMED.glob("*.json"))
    return specs + [CORPUS / "petstore-expanded-3.0.yaml", CORPUS / "opc-baseline_openapi_3.0.json"]


@pytest.mark.parametrize("spec", _stored_specs(), ids=lambda path: path.name)
def test_stored_specs_never_get_a_quick_answer_the_library_contradicts(spec: Path) -> None:
    from generator.load.bundle import bundle
    from generator.load.document import load

    document, _ = load(spec)
    if document is None:
        return  # the load stage refused it: nothing for either validator to judge
    document, _ = bundle(document)
    if quick_validate(document) is not None:
        assert validate(document) == ()


def test_the_petstore_takes_the_quick_path() -> None:
    from generator.load.document import load

    document, _ = load(CORPUS / "petstore-expanded-3.0.yaml")
    assert document is not None
    assert quick_validate(document) == ()


def test_the_schema_file_is_the_one_the_library_validates_with() -> None:
    from openapi_spec_validator import OpenAPIV30SpecValidator

    shipped = quick._shipped_schema("3.0")
    assert shipped is not None
    assert json.loads(shipped.read_text(encoding="utf-8")) == dict(
        OpenAPIV30SpecValidator.schema_validator.schema
    )


def test_the_quick_path_does_not_import_the_library(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(_spec(PLAIN)), encoding="utf-8")
    program = (
        "import sys; from pathlib import Path\n"
        "from generator.load.document import load\n"
        "from generator.validate.stage import validate\n"
        f"document, _ = load(Path({str(spec)!r}))\n"
        "assert validate(document) == ()\n"
        "print(sorted(m for m in sys.modules if m.startswith('openapi_spec_validator')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


# --- a property: whatever the schema and its default, a quick answer is never wrong ----------

_PRIMITIVE_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet="ab0=*Y", max_size=6),
)
_CONSTRAINTS: dict[str, st.SearchStrategy[Any]] = {
    "format": st.sampled_from(["int32", "int64", "float", "double", "byte", "password", "date"]),
    "enum": st.lists(_PRIMITIVE_VALUES.filter(lambda v: v is not None), min_size=1, max_size=3),
    "minimum": st.integers(min_value=-3, max_value=3),
    "maximum": st.integers(min_value=-3, max_value=3),
    "exclusiveMinimum": st.booleans(),
    "maxLength": st.integers(min_value=0, max_value=3),
    "minLength": st.integers(min_value=0, max_value=3),
    "pattern": st.sampled_from(["^a", "b$", "[0-9]"]),
    "nullable": st.booleans(),
    "items": st.just({"type": "string"}),
    "maxItems": st.integers(min_value=0, max_value=2),
}


@st.composite
def _schemas(draw: st.DrawFn) -> dict[str, Any]:
    """A schema with a default, a type (or none) and at most two other keywords, so that each
    keyword's own judgement is what decides the example."""
    schema: dict[str, Any] = {
        "default": draw(st.one_of(_PRIMITIVE_VALUES, st.lists(_PRIMITIVE_VALUES, max_size=2)))
    }
    kind = draw(st.sampled_from([None, "string", "integer", "number", "boolean", "array"]))
    if kind is not None:
        schema["type"] = kind
    for key in draw(st.lists(st.sampled_from(sorted(_CONSTRAINTS)), max_size=2, unique=True)):
        schema[key] = draw(_CONSTRAINTS[key])
    return schema


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=_schemas())
def test_a_quick_answer_never_hides_a_finding(schema: dict[str, Any]) -> None:
    _agrees(_spec({"A": {"type": "object", "properties": {"p": schema}}}))
