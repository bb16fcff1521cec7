"""The generated runtime's codecs, on the committed package: date-times, enums, UNSET, errors."""

from __future__ import annotations

import importlib
import json
import string
from datetime import datetime, timedelta, timezone
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.tools import GeneratedPackage

from generator.parse.ecma_regex import ecma_to_python

REFERENCE_EXAMPLE = (
    '{"status": "notStarted", "createdDateTime": "2024-03-05T11:07:58.371Z", '
    '"lastActionDateTime": "2024-03-05T11:07:58.371Z", '
    '"lastSuccessfulTrainingDateTime": "2024-03-05T11:07:58.371Z", "message": null}'
)


@pytest.fixture()
def face(generated_packages: dict[str, GeneratedPackage]) -> GeneratedPackage:
    return generated_packages["face"]


@pytest.fixture(params=["fromisoformat", "portable"])
def runtime(
    request: pytest.FixtureRequest, face: GeneratedPackage, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """The runtime module, once on the 3.11+ fast path and once on the 3.10 regex path."""
    monkeypatch.setattr(face.runtime, "_FAST_ISOFORMAT", request.param == "fromisoformat")
    return face.runtime


def test_reference_example_round_trips_byte_for_byte(face: GeneratedPackage) -> None:
    result = face.module.TrainingResult.from_dict(json.loads(REFERENCE_EXAMPLE))
    assert result.status is face.module.OperationStatus.NOT_STARTED
    assert result.message is None
    assert result.created_date_time == datetime(2024, 3, 5, 11, 7, 58, 371000, timezone.utc)
    assert json.dumps(result.to_dict()) == REFERENCE_EXAMPLE


def test_spec_example_is_the_reference_example(face: GeneratedPackage) -> None:
    operation = next(
        o
        for o in face.api.operations
        if o.operation_id == "PersonGroupOperations_GetPersonGroupTrainingStatus"
    )
    ok = next(r for r in operation.responses if r.status == "200")
    assert [json.loads(e.json) for e in ok.examples] == [json.loads(REFERENCE_EXAMPLE)]


def test_absent_null_and_present_stay_distinct(face: GeneratedPackage) -> None:
    base = json.loads(REFERENCE_EXAMPLE)
    absent = {k: v for k, v in base.items() if k != "message"}
    decoded = face.module.TrainingResult.from_dict(absent)
    assert decoded.message is face.module.UNSET and "message" not in decoded.to_dict()
    assert face.module.TrainingResult.from_dict(base).to_dict()["message"] is None
    assert face.module.TrainingResult.from_dict({**base, "message": "x"}).message == "x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T11:07:58Z", datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone.utc)),
        ("2024-03-05t11:07:58.5z", datetime(2024, 3, 5, 11, 7, 58, 500000, timezone.utc)),
        ("2024-03-05T11:07:58z", datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone.utc)),
        (
            "2024-03-05t11:07:58+01:00",
            datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("2024-03-05T11:07:58.1234567Z", datetime(2024, 3, 5, 11, 7, 58, 123456, timezone.utc)),
        (
            "2024-03-05T11:07:58.371+05:30",
            datetime(2024, 3, 5, 11, 7, 58, 371000, timezone(timedelta(hours=5, minutes=30))),
        ),
        (
            "2024-03-05T11:07:58-08:00",
            datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone(timedelta(hours=-8))),
        ),
    ],
)
def test_parse_datetime_accepts_rfc3339(runtime: Any, text: str, expected: datetime) -> None:
    parsed = runtime.parse_datetime(text)
    assert parsed == expected and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024-03-05T11:07:58",
        "2024-03-05 11:07:58Z",
        "20240305T110758Z",
        "2024-13-05T11:07:58Z",
        "2024-03-05T11:07:60Z",
        "2024-03-05T24:00:00Z",
        "2024-02-30T11:07:58Z",
        "2024-03-05T11:07:58+24:00",
        "2024-03-05T11:07Z",
        "2024-W10-1T11:07:58Z",
        "2024-03-05T11:07:58,5Z",
        "2024-03-05T11:07:58+0500",
        "２０２４-03-05T11:07:58Z",
        "",
    ],
)
def test_parse_datetime_refuses_everything_else(runtime: Any, text: str) -> None:
    with pytest.raises(runtime.DeserializationError):
        runtime.parse_datetime(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone.utc), "2024-03-05T11:07:58Z"),
        (datetime(2024, 3, 5, 11, 7, 58, 371000, timezone.utc), "2024-03-05T11:07:58.371Z"),
        (datetime(2024, 3, 5, 11, 7, 58, 371001, timezone.utc), "2024-03-05T11:07:58.371001Z"),
        (
            datetime(2024, 3, 5, 11, 7, 58, 500000, timezone(timedelta(hours=2))),
            "2024-03-05T11:07:58.500+02:00",
        ),
        (datetime(2024, 3, 5, 11, 7, 58), "2024-03-05T11:07:58Z"),
    ],
)
def test_format_datetime_is_shortest_exact(
    face: GeneratedPackage, value: datetime, text: str
) -> None:
    assert face.runtime.format_datetime(value) == text


@given(st.datetimes(timezones=st.just(timezone.utc)))
def test_datetime_text_round_trip(
    generated_packages: dict[str, GeneratedPackage], value: datetime
) -> None:
    runtime = generated_packages["face"].runtime
    assert runtime.parse_datetime(runtime.format_datetime(value)) == value


_OFFSETS = st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
)


# Fractions with as many trailing zeros as not: which of the three forms is written turns on them.
_FRACTIONS = st.builds(
    lambda unit, count: unit * count % 1_000_000,
    st.sampled_from([1, 10, 100, 1000, 10_000, 100_000]),
    st.integers(0, 999_999),
)


@given(
    st.datetimes(timezones=st.none() | st.just(timezone.utc) | _OFFSETS),
    _FRACTIONS,
)
def test_format_datetime_writes_what_isoformat_writes(
    generated_packages: dict[str, GeneratedPackage], value: datetime, fraction: int
) -> None:
    """The digit tables of the common case (UTC or naive, years from 1000) against the
    standard library, for every fraction: none, whole milliseconds, microseconds."""
    value = value.replace(microsecond=fraction)
    micro = value.microsecond
    spec = "seconds" if not micro else "milliseconds" if not micro % 1000 else "microseconds"
    offset = value.utcoffset()
    expected = (
        value.replace(tzinfo=None).isoformat(timespec=spec) + "Z"
        if not offset
        else value.isoformat(timespec=spec)
    )
    assert generated_packages["face"].runtime.format_datetime(value) == expected


def test_error_messages_name_the_json_path(face: GeneratedPackage) -> None:
    body = json.loads(REFERENCE_EXAMPLE)
    del body["createdDateTime"]
    with pytest.raises(face.module.DeserializationError) as missing:
        face.module.TrainingResult.from_dict(body)
    assert str(missing.value) == "TrainingResult.createdDateTime: required field missing"
    with pytest.raises(face.module.DeserializationError) as nested:
        face.module.FaceErrorResponse.from_dict({"error": {"code": 7, "message": "m"}})
    assert str(nested.value) == "FaceErrorResponse.error.code: expected string, got integer"
    assert isinstance(nested.value, face.module.ClientError)


def test_a_union_reads_the_model_whose_one_value_properties_match(
    generated_packages: dict[str, GeneratedPackage],
) -> None:
    zoo = generated_packages["features"].module
    parcel = {"object": "parcel", "id": "p1", "weight": 2.5}
    tracked = zoo.Tracked.from_dict({"item": parcel})
    assert isinstance(tracked.item, zoo.Parcel) and tracked.to_dict() == {"item": parcel}
    shipment = zoo.Tracked.from_dict({"item": {"object": "shipment", "id": "s1"}})
    assert isinstance(shipment.item, zoo.Shipment)
    assert zoo.Tracked.from_dict({"item": "id-only"}).item == "id-only"


# -- parameter checks (_http.check_*), on a package generated from the current templates --------


@pytest.fixture()
def http(generated_packages: dict[str, GeneratedPackage]) -> ModuleType:
    return importlib.import_module(generated_packages["operations"].case.package + "._http")


@pytest.mark.parametrize(
    ("bounds", "value", "message"),
    [
        ({"min_length": 1}, "", "name must be at least 1 character long; got ''"),
        ({"min_length": 2}, "a", "name must be at least 2 characters long; got 'a'"),
        ({"max_length": 1}, "ab", "name must be at most 1 character long; got 'ab'"),
        ({"max_length": 0}, "a", "name must be at most 0 characters long; got 'a'"),
    ],
)
def test_length_messages_count_characters_and_show_the_value(
    http: ModuleType, bounds: dict[str, int], value: str, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        http.check_text("name", value, **bounds)
    assert str(caught.value) == message


def test_a_pattern_message_shows_the_specs_pattern_and_a_shortened_value(http: ModuleType) -> None:
    spec = r"^[A-Z]{3}-\d{4}$"
    python = ecma_to_python(spec)
    assert python is not None and python != spec
    with pytest.raises(ValueError) as caught:
        http.check_text("code", "x" * 100, pattern=python, spec_pattern=spec)
    message = str(caught.value)
    assert message.startswith(f"code must match the pattern /{spec}/; got 'xxx")
    assert r"\Z" not in message and "(?a)" not in message
    shown = message.split("; got ", 1)[1]
    assert shown.endswith("...") and len(shown) <= 40
    with pytest.raises(ValueError, match=r"must match the pattern /\^a\\Z/; got 'b'$"):
        http.check_text("code", "b", pattern=r"^a\Z")  # no spec spelling given: Python's
    with pytest.raises(ValueError, match=r"must match the pattern '\^a\\n'"):
        http.check_text("code", "b", pattern="^a\n")  # a control character: the repr


def test_number_and_choice_messages_show_the_value(http: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"^n must be at least 1; got 0$"):
        http.check_number("n", 0, minimum=1)
    with pytest.raises(ValueError, match=r"^n must be below 1; got 1\.5$"):
        http.check_number("n", 1.5, maximum=1, exclusive_maximum=True)
    with pytest.raises(ValueError, match=r"^n must be a finite number; got nan$"):
        http.check_number("n", float("nan"), minimum=1)
    with pytest.raises(ValueError, match=r"^region must be one of eu, us; got 'mars'$"):
        http.check_choice("region", "mars", ("eu", "us"))


@pytest.mark.parametrize(
    ("value", "shown"),
    [("a\r\nb", r"'a\r\nb'"), ("a\x00", r"'a\x00'"), ("\u0100", "'\u0100'"), ("\xe9", "'\xe9'")],
)
def test_header_text_refuses_what_cannot_be_a_header(
    http: ModuleType, value: str, shown: str
) -> None:
    with pytest.raises(ValueError) as caught:
        http.header_text("x_trace", value)
    assert str(caught.value).startswith("x_trace cannot be sent as an HTTP header")
    assert str(caught.value).endswith(f"got {shown}")
    assert http.header_text("x_trace", ["a b", 1, True]) == "a b,1,true"


def test_quote_path_refuses_an_empty_segment(http: ModuleType) -> None:
    for empty in ("", []):
        with pytest.raises(ValueError, match="^item_id must not be empty"):
            http.quote_path(empty, "item_id")
    assert http.quote_path("..", "item_id") == "%2E%2E"
    assert http.quote_path("a/b", "item_id") == "a%2Fb"


# -- patterns: ECMA-262 semantics (generator/parse/ecma_regex.py), as check_text applies them ------------

ECMA_WHITESPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        (r"^[A-Z]{3}-\d{4}$", "ABC-1234", True),
        (r"^[A-Z]{3}-\d{4}$", "ABC-\u0661\u0662\u0663\u0664", False),  # Arabic-Indic digits
        (r"^\d+$", "\uff11", False),  # fullwidth 1
        (r"^[\d-]+$", "1-\u0661", False),
        (r"^\D$", "\u0661", True),
        (r"^[^\d]$", "\u0661", True),
        (r"^\w+$", "a_Z9", True),
        (r"^\w+$", "caf\xe9", False),
        (r"^[\w.]+$", "\xe9", False),
        (r"^\W$", "\xe9", True),
        (r"\bfoo", "\xe9foo", True),  # é is no word character: a boundary before f
        (r"\Bfoo", "\xe9foo", False),
        (r"^\s$", "\ufeff", True),
        (r"^\s$", "\x1c", False),  # Python's str.isspace() says yes; ECMA-262 says no
        (r"^\s$", "\x85", False),
        (r"^[\s]$", "\xa0", True),
        (r"^\S$", "\x1c", True),
        (r"^\S$", "\u3000", False),
        (r"^[a\S]$", "b", True),
        (r"^[a\S]$", " ", False),
        (r"^[^a\S]$", " ", True),
        (r"^[^ \S]$", " ", False),
        (r"^[^ \S]$", "x", False),
        (r"^[\S^]$", "^", True),
        (r"^[]a$", "a", False),  # [] matches nothing
        (r"^[^]$", "\n", True),  # [^] matches anything
        (r"^[a-z]+$", "abc\n", False),
        (r"^[a[b]+$", "[ab", True),
        (r"^a.b$", "a\u2028b", False),  # `.` matches no line terminator
        (r"^a.b$", "a\rb", False),
        (r"^a.b$", "a\xe9b", True),
        (r"^a[.]b$", "axb", False),
    ],
)
def test_patterns_follow_ecma_262(
    http: ModuleType, pattern: str, value: str, matches: bool
) -> None:
    python = ecma_to_python(pattern)
    assert python is not None
    if matches:
        http.check_text("code", value, pattern=python)
    else:
        with pytest.raises(ValueError, match="must match the pattern"):
            http.check_text("code", value, pattern=python)


@given(st.data())
def test_strategies_draw_what_the_translated_pattern_accepts(data: st.DataObject) -> None:
    """The models' strategies draw from the same translation (st.from_regex): ASCII digits
    and word characters, and ECMA-262's whitespace."""
    python = ecma_to_python(r"^\d\w\s[\S]$")
    assert python is not None
    drawn = data.draw(st.from_regex(python))
    assert len(drawn) == 4
    assert drawn[0] in string.digits
    assert drawn[1] in string.ascii_letters + string.digits + "_"
    assert drawn[2] in ECMA_WHITESPACE or "\u2000" <= drawn[2] <= "\u200a"
    assert drawn[3] not in ECMA_WHITESPACE and not "\u2000" <= drawn[3] <= "\u200a"
