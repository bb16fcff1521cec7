"""The generated runtime's codecs, on the committed package: date-times, enums, UNSET, errors."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from conftest import GeneratedPackage
from hypothesis import given
from hypothesis import strategies as st

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
        ("2024-03-05t11:07:58+01:00", datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone(timedelta(hours=1)))),
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


@given(st.text())
def test_unknown_enum_values_are_kept(
    generated_packages: dict[str, GeneratedPackage], value: str
) -> None:
    module = generated_packages["face"].module
    body: dict[str, Any] = json.loads(REFERENCE_EXAMPLE)
    body["status"] = value
    decoded = module.TrainingResult.from_dict(body)
    assert decoded.to_dict()["status"] == value
    assert decoded.status == value and isinstance(decoded.status, module.OperationStatus)


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
