"""The Spector driver's pure parts: URI template matching, path styles, wire -> typed
conversion and result comparison (tests/spector/run itself needs node and runs in .ci/run).
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spector_compare import difference
from spector_convert import ConversionError, parse_duration, to_typed
from spector_driver import (
    Document,
    Failure,
    _describe,
    check_result,
    file_part_class,
    header_text,
    response_union_tag,
    scenario_path,
    without_class_tag,
    xml_schema,
)
from spector_overlay import PAGING, StaleOverlay, overlaid
from spector_uri import (
    best_match,
    decode_path_value,
    match_template,
    split_delimited,
)


class Color(str, enum.Enum):
    RED = "Red"


class Level(enum.Enum):
    ONE = 1


@dataclass
class Pet:
    name: str
    born: dt.datetime | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pet:
        born = data.get("born")
        return cls(data["name"], dt.datetime.fromisoformat(born) if born else None)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"name": self.name}
        if self.born is not None:
            result["born"] = self.born.isoformat()
        return result


# --- URI templates ---------------------------------------------------------------------------


def test_a_template_matches_its_uri_and_yields_raw_variables() -> None:
    assert match_template("/items/a%20b/x", "/items/{id}/x") == {"id": "a%20b"}
    assert match_template("/items/a/y", "/items/{id}/x") is None
    assert match_template("/items", "/items/{id}") is None


def test_the_template_with_most_fixed_text_wins() -> None:
    templates = ["/p/{name}", "/p/optional", "/p/optional/{name}"]
    assert best_match("/p/optional", templates) == ("/p/optional", {})
    assert best_match("/p/optional/foo", templates) == (
        "/p/optional/{name}",
        {"name": "foo"},
    )
    assert best_match("/q", templates) is None


def test_server_variables_and_colons_in_express_uris() -> None:
    assert scenario_path("/versioning/api-version\\:v1/v3?x=1") == (
        "/versioning/api-version:v1/v3",
        "x=1",
    )
    found = match_template(
        "/versioning/api-version:v2/v3", "/versioning/api-version:{server:version}/v3"
    )
    assert found == {"server:version": "v2"}


@pytest.mark.parametrize(
    ("raw", "style", "explode", "shape", "value"),
    [
        ("a", "simple", False, "scalar", "a"),
        ("a,b", "simple", False, "array", ["a", "b"]),
        ("a,1,b,2", "simple", False, "object", {"a": "1", "b": "2"}),
        ("a=1,b=2", "simple", True, "object", {"a": "1", "b": "2"}),
        (".a", "label", False, "scalar", "a"),
        (".a,b", "label", False, "array", ["a", "b"]),
        (".a.b", "label", True, "array", ["a", "b"]),
        (".a=1.b=2", "label", True, "object", {"a": "1", "b": "2"}),
        (";param=a", "matrix", False, "scalar", "a"),
        (";param=a,b", "matrix", False, "array", ["a", "b"]),
        (";param=a;param=b", "matrix", True, "array", ["a", "b"]),
        (";a=1;b=2", "matrix", True, "object", {"a": "1", "b": "2"}),
        (";param=a,1,b,2", "matrix", False, "object", {"a": "1", "b": "2"}),
        ("a%2Cb", "simple", False, "scalar", "a,b"),
    ],
)
def test_path_styles_decode_to_values(
    raw: str, style: str, explode: bool, shape: str, value: object
) -> None:
    assert (
        decode_path_value(raw, name="param", style=style, explode=explode, shape=shape)
        == value
    )


@pytest.mark.parametrize(
    ("raw", "style"),
    [("a", "label"), ("a", "matrix"), (";other=a", "matrix"), ("a", "form")],
)
def test_a_value_without_its_style_form_is_refused(raw: str, style: str) -> None:
    with pytest.raises(ValueError, match="."):
        decode_path_value(raw, name="param", style=style, explode=False, shape="scalar")


def test_delimited_query_values_split_by_style() -> None:
    assert split_delimited("a b", "spaceDelimited") == ["a", "b"]
    assert split_delimited("a|b", "pipeDelimited") == ["a", "b"]
    assert split_delimited("a,b", "form") == ["a", "b"]
    assert split_delimited("", "form") == []


def test_a_document_prefixes_server_paths_and_finds_by_method() -> None:
    api = {
        "server": {
            "parts": [
                {"literal": "", "name": "endpoint"},
                {"literal": "/srv/", "name": ""},
                {"literal": "", "name": "version"},
            ]
        },
        "operations": [
            {"py_name": "get_thing", "method": "GET", "path": "/things/{id}"},
            {"py_name": "put_thing", "method": "PUT", "path": "/things/{id}"},
        ],
    }
    document = Document.load("x", None, api, {"/things/{id}": {"get": {}, "put": {}}})
    assert document.endpoint_variable == "endpoint"
    operation, variables = document.find("put", "/srv/v1/things/7") or (None, None)
    assert operation is not None and operation.py_name == "put_thing"
    assert variables == {"server:version": "v1", "id": "7"}
    assert document.find("delete", "/srv/v1/things/7") is None
    assert document.declares("get", "/srv/v1/things/7")


# --- wire -> typed -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "annotation", "typed"),
    [
        ("1", int, 1),
        ("true", bool, True),
        ("1.5", float, 1.5),
        (0.5, decimal.Decimal, decimal.Decimal("0.5")),
        ("Red", Color, Color.RED),
        ("1", Level, Level.ONE),
        ("a,b", list[str], ["a", "b"]),
        (["1", "2"], list[int], [1, 2]),
        ({"k": "1"}, dict[str, int], {"k": 1}),
        ("dGVzdA==", bytes, b"test"),
        ("dGVzdA", bytes, b"test"),
        ({"$bytes": "dGVzdA=="}, bytes | IO[bytes], b"test"),
        (
            "2022-08-26T18:38:00Z",
            dt.datetime,
            dt.datetime(2022, 8, 26, 18, 38, tzinfo=dt.timezone.utc),
        ),
        (
            "Fri, 26 Aug 2022 14:38:00 GMT",
            dt.datetime,
            dt.datetime(2022, 8, 26, 14, 38, tzinfo=dt.timezone.utc),
        ),
        (
            1686566864,
            dt.datetime,
            dt.datetime(2023, 6, 12, 10, 47, 44, tzinfo=dt.timezone.utc),
        ),
        ("2022-08-26", dt.date, dt.date(2022, 8, 26)),
        ("P40D", dt.timedelta, dt.timedelta(days=40)),
        (36, dt.timedelta, dt.timedelta(seconds=36)),
        (None, int | None, None),
        (3, str | int, 3),
        ("x", Literal["x", "y"], "x"),
        ({"name": "Rex"}, Pet, Pet("Rex")),
    ],
)
def test_wire_values_become_the_annotated_types(
    value: object, annotation: Any, typed: object
) -> None:
    assert to_typed(value, annotation) == typed
    assert type(to_typed(value, annotation)) is type(typed)


@pytest.mark.parametrize(
    ("value", "annotation"),
    [
        ("yes", bool),
        (1.5, int),
        ("x", Literal["a"]),
        ([1], Pet),
        ("P", dt.timedelta),
        ("not-a-date", dt.datetime),
    ],
)
def test_values_that_do_not_fit_are_refused(value: object, annotation: Any) -> None:
    with pytest.raises((ConversionError, ValueError)):
        to_typed(value, annotation)


def test_durations_with_fractions_and_signs() -> None:
    assert parse_duration("PT1.5S") == dt.timedelta(seconds=1.5)
    assert parse_duration("-PT3H") == -dt.timedelta(hours=3)
    assert parse_duration("P1DT2H3M") == dt.timedelta(days=1, hours=2, minutes=3)


# --- result comparison -------------------------------------------------------------------------


def test_models_compare_by_to_dict_and_date_times_as_instants() -> None:
    born = dt.datetime(2022, 8, 26, 18, 38, tzinfo=dt.timezone.utc)
    assert (
        difference(
            Pet("Rex", born), {"name": "Rex", "born": "2022-08-26T18:38:00.000Z"}
        )
        is None
    )
    assert difference(born, "Fri, 26 Aug 2022 18:38:00 GMT") is None
    assert difference(born, "2022-08-26T18:38:01Z") is not None


def test_differences_name_where() -> None:
    assert (
        difference(Pet("Rex"), {"name": "Max"}) == "$.name: got 'Rex', expected 'Max'"
    )
    assert difference({"a": 1}, {"a": 1, "b": 2}) == "$: missing b"
    assert difference({"a": 1, "c": 3}, {"a": 1}) == "$: unexpected c"
    assert difference([1, 2], [1]) == "$: 2 items, expected 1"
    assert (
        difference([{"a": [1, 2]}], [{"a": [1, 3]}]) == "$[0].a[1]: got 2, expected 3"
    )


def test_typed_scalars_compare_with_their_wire_forms() -> None:
    assert difference(b"test", "dGVzdA==") is None
    assert difference(b"test", {"$bytes": "dGVzdA=="}) is None
    assert difference(b"test", "dGVzdQ==") is not None
    assert difference(dt.timedelta(days=40), "P40D") is None
    assert difference(dt.timedelta(seconds=36), 36) is None
    assert difference(decimal.Decimal("0.33"), 0.33) is None
    assert difference(Color.RED, "Red") is None
    assert difference(True, 1) is not None
    assert difference(1, 1.0) is None
    assert difference(None, None) is None
    assert difference(None, {}) is not None


def test_typed_header_values_compare_as_the_text_sent() -> None:
    assert difference(header_text(1686566864, "1686566864"), "1686566864") is None
    assert difference(header_text(True, "true"), "true") is None
    assert difference(header_text(12, "13"), "13") is not None
    assert header_text(12, 12) == 12


def test_a_rejection_reads_as_one_line_with_what_the_server_said() -> None:
    class Said:
        text = '{"message": "Expected query param input=35625 but got 35625.0"}'

    class Rejected(Exception):
        response = Said()

    described = _describe(Rejected("400 Bad Request [GET http://127.0.0.1:1/x]"))
    assert described == (
        'Rejected: 400 Bad Request ({"message": "Expected query param input=35625 but got 35625.0"})'
    )
    assert _describe(ValueError("two\nlines")) == "ValueError: two lines"
    assert len(_describe(ValueError("x" * 500))) == 240


def test_structured_xml_bodies_must_be_decoded_not_handed_out_raw() -> None:
    assert (
        xml_schema({"application/xml": {"schema": {"$ref": "#/c/s/SimpleModel"}}})
        == "SimpleModel"
    )
    assert xml_schema({"application/xml": {"schema": {"type": "array"}}}) == "array"
    assert xml_schema({"application/xml": {"schema": {"type": "string"}}}) is None
    assert xml_schema({"application/json": {"schema": {"type": "object"}}}) is None
    response = {"body": {"contentType": "application/xml", "rawContent": "<a>1</a>"}}
    with pytest.raises(Failure, match="SimpleModel"):
        check_result(b"<a>1</a>", response, "SimpleModel")
    check_result(b"<a>1</a>", response, None)
    with pytest.raises(Failure, match="got .2., expected .1."):
        check_result(b"<a>2</a>", response, None)


def test_file_parts_are_used_where_the_client_offers_them() -> None:
    @dataclass
    class FilePart:
        content: bytes
        filename: str | None = None
        content_type: str | None = None

    assert file_part_class(bytes | IO[bytes] | FilePart) is FilePart
    assert file_part_class(list[bytes | FilePart]) is FilePart
    assert file_part_class(bytes | IO[bytes]) is None
    assert file_part_class(list[bytes]) is None


def test_formats_left_plain_are_noted_as_leaning_on_the_caller() -> None:
    from spector_leans import untyped

    assert untyped("value", {"format": "base64url"}, str) == "value (base64url) is str"
    assert untyped("value", {"format": "base64url"}, bytes) is None
    assert untyped(
        "v", {"format": None, "item": {"format": "duration"}}, list[str]
    ) == ("v (duration) is str")
    assert (
        untyped(
            "v", {"format": None, "item": {"format": "duration"}}, list[dt.timedelta]
        )
        is None
    )
    assert (
        untyped("when", {"format": "unixtime"}, int | None)
        == "when (unixtime) is NoneType | int"
    )
    assert untyped("x", {"format": "int32"}, int) is None
    assert untyped("x", None, int) is None


def test_xml_trees_compare_structure_and_date_times_as_instants() -> None:
    from xml.etree import ElementTree

    from spector_driver import xml_difference

    def tree(text: str) -> ElementTree.Element:
        return ElementTree.fromstring(text)

    want = tree('<m a="1"><when>2022-08-26T18:38:00.000Z</when><n> x </n></m>')
    assert (
        xml_difference(
            tree('<m a="1"><when>2022-08-26T18:38:00Z</when><n>x</n></m>'), want
        )
        is None
    )
    assert xml_difference(
        tree('<m a="2"><when>2022-08-26T18:38:00Z</when><n>x</n></m>'), want
    )
    assert xml_difference(
        tree("<m><when>2022-08-26T18:38:00Z</when><n>x</n></m>"), want
    )
    assert xml_difference(
        tree('<m a="1"><when>2022-08-26T18:39:00Z</when><n>x</n></m>'), want
    )
    assert xml_difference(tree('<m a="1"><when>2022-08-26T18:38:00Z</when></m>'), want)
    assert xml_difference(
        tree('<k a="1"><when>2022-08-26T18:38:00Z</when><n>x</n></k>'), want
    )


def test_numbers_are_milliseconds_where_the_format_says_so() -> None:
    assert to_typed("35625", dt.timedelta, fmt="milliseconds") == dt.timedelta(
        seconds=35.625
    )
    assert to_typed(36, dt.timedelta, fmt="seconds") == dt.timedelta(seconds=36)


def test_a_class_is_not_built_from_a_value_of_another_kind() -> None:
    @dataclass
    class FilePart:
        content: bytes

    with pytest.raises(ConversionError):
        to_typed({"message": "x"}, bytes | FilePart)


def test_check_fails_on_a_lost_pass_and_names_new_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from spector_report import Report, area_of
    from spector_scenarios import FAILED, PASSED, Outcome

    scenarios = [
        {"name": "A", "spec": "type/model/x"},
        {"name": "B", "spec": "encode/bytes"},
    ]
    outcomes = {"3.0.0": {"A": Outcome(PASSED), "B": Outcome(FAILED, "broken")}}
    report = Report(outcomes, scenarios, {"@typespec/http-specs": "1"}, 1.0)
    assert report.check({"3.0.0": ["A"]}) == 0
    assert report.check({"3.0.0": ["A", "B"]}) == 1
    assert "B: failed: broken" in capsys.readouterr().out
    assert report.check({"3.0.0": []}) == 0
    assert "3.0.0 A" in capsys.readouterr().out
    assert report.check({"3.0.0": ["A", "C"]}) == 1
    assert report.check({"3.0.0": ["A", "C"]}, selected_only=True) == 0
    assert area_of("type/model/inheritance/nested") == "type/model"
    assert "| type/model | 1 | 1 | 1 |" in report.markdown()


class Cat:
    def __init__(self, name: str) -> None:
        self.name = name

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name}


def test_a_union_variant_carries_its_discriminator_in_its_class() -> None:
    """TypeSpec's `envelope: "none"` unions: the variants do not declare the discriminator, so
    the decoded Cat's to_dict() has no `kind`; its class must be the one `kind` names."""
    schemas = {
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}],
            "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat"}},
        }
    }
    spec = {
        "responses": {
            "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
        }
    }
    tag = response_union_tag(spec, 200, schemas)
    assert tag == ("kind", {"cat": "Cat"})
    assert without_class_tag(Cat("Whiskers"), {"kind": "cat", "name": "Whiskers"}, tag) == {
        "name": "Whiskers"
    }
    with pytest.raises(Failure, match="names Dog"):
        without_class_tag(Cat("Rex"), {"kind": "dog", "name": "Rex"}, ("kind", {"dog": "Dog"}))
    assert response_union_tag(spec, 200, {"Pet": {"type": "object"}}) is None


def test_a_record_parameter_is_an_object_not_its_type_arguments() -> None:
    """`dict[str, int]` is one object type: its arguments (str, int) are not union members."""
    from spector_driver import _shape

    assert _shape(dict[str, int]) == "object"
    assert _shape(dict[str, int] | None) == "object"
    assert _shape(list[str]) == "array"
    assert _shape(str | None) == "scalar"


def test_a_form_object_query_value_is_read_as_pairs() -> None:
    from spector_uri import delimited_object

    assert delimited_object("a,1,b,2", "form") == {"a": "1", "b": "2"}
    assert delimited_object("a|1", "pipeDelimited") == {"a": "1"}
    with pytest.raises(ValueError, match="pairs"):
        delimited_object("a,1,b", "form")


def test_an_exploded_form_object_is_gathered_from_the_query_items_nobody_else_names() -> None:
    from spector_driver import build_arguments

    parameters = [
        {"name": "param", "py_name": "param", "location": "query", "required": True,
         "style": "form", "explode": True},
        {"name": "fixed", "py_name": "fixed", "location": "query", "required": True},
    ]
    api = {"operations": [
        {"py_name": "get_record", "method": "GET", "path": "/r", "parameters": parameters}
    ]}
    document = Document.load("x", None, api, {"/r": {"get": {}}})
    operation, variables = document.find("get", "/r") or (None, None)
    assert operation is not None and variables is not None

    def get_record(param: dict[str, int], fixed: bool) -> None:
        raise AssertionError("not called")

    request = {"query": {"fixed": "true", "a": "1", "b": "2"}}
    _, kwargs = build_arguments(document, operation, variables, request, get_record)
    assert kwargs == {"param": {"a": 1, "b": 2}, "fixed": True}


class _ReadOnly:
    def __init__(self, read_prop: str) -> None:
        self.read_prop = read_prop

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> _ReadOnly:
        return cls(data["readProp"])


def test_a_required_body_of_read_only_properties_is_built_from_the_answer_or_placeholders() -> (
    None
):
    from spector_driver import NotRunnable, build_arguments

    field = {"wire_name": "readProp", "py_name": "read_prop", "required": True,
             "read_only": True, "type": {"kind": "string"}}
    api = {
        "operations": [{"py_name": "get_model", "method": "GET", "path": "/v",
                        "parameters": [], "body": {"py_name": "body", "required": True}}],
        "models": [{"class_name": "_ReadOnly", "fields": [field]}],
    }
    document = Document.load("x", None, api, {"/v": {"get": {}}})
    operation, variables = document.find("get", "/v") or (None, None)
    assert operation is not None and variables is not None

    def get_model(body: _ReadOnly) -> None:
        raise AssertionError("not called")

    answer = {"body": {"rawContent": {"$serialized": '{"readProp": "abc"}'}}}
    _, kwargs = build_arguments(document, operation, variables, {}, get_model, None, answer)
    assert kwargs["body"].read_prop == "abc"
    _, kwargs = build_arguments(document, operation, variables, {}, get_model)
    assert kwargs["body"].read_prop == ""
    document.models["_ReadOnly"]["fields"] = [dict(field, read_only=False)]
    with pytest.raises(NotRunnable, match="no request body"):
        build_arguments(document, operation, variables, {}, get_model)
def test_a_json_lines_response_compares_the_collected_items() -> None:
    response = {
        "body": {
            "rawContent": '{"desc": "one"}\n{"desc": "two"}',
            "contentType": "application/jsonl",
        }
    }
    check_result([{"desc": "one"}, {"desc": "two"}], response)
    as_bytes = {"body": {**response["body"], "rawContent": {"$bytes": "MQoy"}}}  # b"1\n2"
    check_result([1, 2], as_bytes)
    with pytest.raises(Failure):
        check_result([{"desc": "one"}], response)
def test_the_paging_overlay_adds_the_extension_to_a_copy(tmp_path: Path) -> None:
    import yaml

    paths = {
        f"/{name}": {"get": {"operationId": name, "responses": {"200": {"description": "ok"}}}}
        for name in PAGING["payload/pageable"]
    }
    document = tmp_path / "openapi.yaml"
    document.write_text(yaml.safe_dump({"openapi": "3.0.0", "paths": paths}))
    copy = overlaid("payload/pageable", document, tmp_path / "copy.yaml")
    written = yaml.safe_load(copy.read_text())
    nested = written["paths"]["/ServerDrivenPagination_nestedLink"]["get"]
    assert nested["x-clientgen-pagination"]["next-link"] == ["nestedNext", "next"]
    assert "x-clientgen-pagination" not in yaml.safe_load(document.read_text())["paths"][
        "/ServerDrivenPagination_link"
    ]["get"]
    assert overlaid("type/array", document, tmp_path / "other.yaml") == document
    del paths["/XmlPagination_listWithNextLink"]
    document.write_text(yaml.safe_dump({"openapi": "3.0.0", "paths": paths}))
    with pytest.raises(StaleOverlay, match="XmlPagination_listWithNextLink"):
        overlaid("payload/pageable", document, tmp_path / "copy.yaml")
