"""The testing kit of a generated package (`<package>.testing.FakeService`), driven as an
application's tests would drive it: passed as `transport=` to the client, scripted per
operation, and checking every request against the spec.

The Face package (generated/face_client) for path parameters, credentials, long-running
training and errors; tests/specs/testing-kit.yaml (a JSON body, a required header, query
bounds, a paged list) for the rest. Where the client itself refuses a bad argument before
sending (ValueError), the request goes through the transport directly (`send_request`, or a
plain httpx client), since the kit must judge the wire, not the method. Each client behaviour
runs on both clients (`flavour`).
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from support.client_kit import client_of, iterate
from support.generated import generated_package

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    ApiKeyCredential,
    FaceError,
    FaceErrorResponse,
    NotFoundError,
    OperationStatus,
    TrainingResult,
    TransportError,
)
from face_client.testing import FakeService, SpecViolation

ROOT = Path(__file__).resolve().parents[2]
ENDPOINT = "https://face.example"
STATUS_URL = ENDPOINT + "/face/v1.1-preview.1/persongroups/{}/training"
WHEN = datetime(2024, 3, 5, 11, 7, 58, tzinfo=timezone.utc)


def training(status: OperationStatus) -> TrainingResult:
    return TrainingResult(
        status=status,
        created_date_time=WHEN,
        last_action_date_time=WHEN,
        last_successful_training_date_time=WHEN,
    )


@pytest.fixture
def fake() -> FakeService:
    return FakeService()


def face(fake: FakeService, flavour: str, **options: object) -> object:
    return client_of(
        face_client,
        flavour,
        ENDPOINT,
        ApiKeyCredential("key"),
        transport=fake,
        **options,
    )


# -- answers ----------------------------------------------------------------------------------


def test_a_scripted_answer_is_returned_typed_and_the_call_recorded(
    fake: FakeService, flavour: str
) -> None:
    fake.get_person_group_training_status.returns(training(OperationStatus.RUNNING))
    with face(fake, flavour) as client:
        result = client.get_person_group_training_status("my-group")
    assert result == training(OperationStatus.RUNNING)
    (call,) = fake.get_person_group_training_status.calls
    assert call.arguments == {"person_group_id": "my-group"}
    assert call.operation == "PersonGroupOperations_GetPersonGroupTrainingStatus"
    fake.assert_no_violations()


def test_a_train_and_poll_sequence_finishes_without_waiting(
    fake: FakeService, flavour: str
) -> None:
    fake.train_person_group.returns()
    fake.get_person_group_training_status.returns(
        training(OperationStatus.RUNNING),
        training(OperationStatus.RUNNING),
        training(OperationStatus.SUCCEEDED),
    )
    started = time.perf_counter()
    with face(fake, flavour) as client:
        # A polling interval of 5 s would take 10 s on a real service: Retry-After: 0 wins.
        poller = client.begin_train_person_group("my-group", polling_interval=5)
        result = poller.result(timeout=60)
    assert time.perf_counter() - started < 1.0
    assert result.status is OperationStatus.SUCCEEDED
    assert len(fake.train_person_group.calls) == 1
    assert len(fake.get_person_group_training_status.calls) == 3


def test_an_error_answer_carries_the_declared_error_code_header(
    fake: FakeService, flavour: str
) -> None:
    error = FaceErrorResponse(
        error=FaceError(code="PersonGroupNotFound", message="No group")
    )
    fake.get_person_group_training_status.fails(
        404, error, error_code="PersonGroupNotFound"
    )
    with face(fake, flavour) as client, pytest.raises(NotFoundError) as caught:
        client.get_person_group_training_status("my-group")
    assert caught.value.error_code == "PersonGroupNotFound"
    assert caught.value.model == error


def test_the_last_answer_repeats_until_something_new_is_scripted(
    fake: FakeService,
) -> None:
    script = fake.get_person_group_training_status.returns(
        training(OperationStatus.RUNNING)
    )
    with face(fake, "sync") as client:
        assert (
            client.get_person_group_training_status("g").status
            is OperationStatus.RUNNING
        )
        assert (
            client.get_person_group_training_status("g").status
            is OperationStatus.RUNNING
        )
        script.fails(404)
        with pytest.raises(NotFoundError):
            client.get_person_group_training_status("g")


def test_a_network_failure_is_a_transport_error(
    fake: FakeService, flavour: str
) -> None:
    fake.get_person_group_training_status.disconnects()
    with face(fake, flavour, max_retries=0) as client, pytest.raises(TransportError):
        client.get_person_group_training_status("my-group")


def test_only_declared_statuses_and_error_code_headers_can_be_scripted(
    kit: ModuleType,
) -> None:
    FakeService().get_person_group_training_status.fails(503)  # Face declares `default`
    with pytest.raises(ValueError, match="listItems declares no 404 response"):
        kit.FakeService().list_items.fails(404)


def test_unscripted_operations_answer_with_the_spec_example(
    fake: FakeService, flavour: str
) -> None:
    with face(fake, flavour) as client:
        result = client.get_person_group_training_status("my-group")
    assert result.status is OperationStatus.NOT_STARTED
    assert result.created_date_time == datetime(
        2024, 3, 5, 11, 7, 58, 371000, timezone.utc
    )


# -- checks on the wire -----------------------------------------------------------------------


def test_a_bad_person_group_id_on_the_wire_fails_naming_the_rule(
    fake: FakeService, flavour: str
) -> None:
    # The client refuses "Bad Group!" itself (ValueError): the wire request is sent as is.
    with face(fake, flavour) as client, pytest.raises(SpecViolation) as caught:
        client.send_request(httpx.Request("GET", STATUS_URL.format("Bad%20Group!")))
    message = str(caught.value)
    assert "PersonGroupOperations_GetPersonGroupTrainingStatus" in message
    assert "path parameter 'personGroupId'" in message
    assert "does not match pattern '^[a-z0-9-_]+$'" in message
    assert fake.violations and str(fake.violations[0]) == message


def test_a_request_without_credentials_fails(fake: FakeService) -> None:
    with httpx.Client(transport=fake) as raw, pytest.raises(SpecViolation) as caught:
        raw.get(STATUS_URL.format("my-group"))
    assert "the credentials are missing" in str(caught.value)
    assert "Ocp-Apim-Subscription-Key (the header 'Ocp-Apim-Subscription-Key')" in str(
        caught.value
    )
    assert "AADToken (Authorization: Bearer)" in str(caught.value)


def test_a_bearer_token_satisfies_the_alternative_scheme(fake: FakeService) -> None:
    with httpx.Client(transport=fake) as raw:
        response = raw.get(
            STATUS_URL.format("my-group"), headers={"Authorization": "Bearer t0ken"}
        )
    assert response.status_code == 200
    fake.assert_no_violations()


def test_a_path_no_operation_has_fails(fake: FakeService) -> None:
    with (
        httpx.Client(transport=fake) as raw,
        pytest.raises(SpecViolation, match="no operation"),
    ):
        raw.get(ENDPOINT + "/face/v1.1-preview.1/persongroups/g/untrain")
    fake.violations.clear()
    with (
        httpx.Client(transport=fake) as raw,
        pytest.raises(SpecViolation, match="only GET"),
    ):
        raw.delete(STATUS_URL.format("g"), headers={"Ocp-Apim-Subscription-Key": "k"})


def test_a_swallowed_violation_still_fails_the_test(fake: FakeService) -> None:
    def application_code() -> None:
        try:
            with httpx.Client(transport=fake) as raw:
                raw.get(STATUS_URL.format("my-group"))
        except AssertionError:
            return  # code that swallows everything

    application_code()
    with pytest.raises(SpecViolation, match="credentials"):
        fake.assert_no_violations()
    # The next request, even a good one, fails with it too.
    with httpx.Client(transport=fake) as raw, pytest.raises(SpecViolation) as caught:
        raw.get(
            STATUS_URL.format("my-group"), headers={"Ocp-Apim-Subscription-Key": "k"}
        )
    assert str(caught.value).startswith("an earlier request broke the spec")
    fake.violations.clear()
    fake.assert_no_violations()


# -- a JSON body, a required header, query bounds, a paged list (tests/specs/testing-kit.yaml) -


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("shop")
    yield from generated_package(
        root, ROOT / "tests" / "specs" / "testing-kit.yaml", "shop_kit"
    )


@pytest.fixture(scope="module")
def kit(shop: ModuleType) -> ModuleType:
    """The Shop package's testing module (its own SpecViolation and NotScripted classes)."""
    return importlib.import_module("shop_kit.testing")


@pytest.fixture
def shop_fake(kit: ModuleType) -> object:
    return kit.FakeService()


SHOP_ITEMS = "https://shop.example/api/stores/main/items"
GOOD_HEADERS = {
    "X-Api-Key": "k",
    "X-Request-Id": "req-12345",
    "Content-Type": "application/json",
}


def test_the_body_is_decoded_into_the_model(
    shop: ModuleType, shop_fake: object, flavour: str
) -> None:
    fake = shop_fake
    fake.create_item.returns(shop.Item(name="Pen", price=2.5))  # type: ignore[attr-defined]
    client = client_of(shop, flavour, shop.ApiKeyCredential("k"), transport=fake)
    with client:
        made = client.create_item(
            "main", "req-12345", shop.Item(name="Pen", price=2.5), copies=2
        )
    assert made == shop.Item(name="Pen", price=2.5)
    call = fake.create_item.call  # type: ignore[attr-defined]
    assert call.body == shop.Item(name="Pen", price=2.5)
    assert call.arguments == {
        "store_id": "main",
        "x_request_id": "req-12345",
        "copies": 2,
    }


def test_a_body_with_a_wrong_type_fails_naming_the_field(
    kit: ModuleType, shop_fake: object
) -> None:
    with httpx.Client(transport=shop_fake) as raw, pytest.raises(kit.SpecViolation) as caught:  # type: ignore[arg-type]
        raw.post(
            SHOP_ITEMS,
            headers=GOOD_HEADERS,
            content=b'{"name": "Pen", "price": "cheap"}',
        )
    message = str(caught.value)
    assert message.startswith(
        "createItem (POST /stores/{storeId}/items): the request body"
    )
    assert "price" in message


def test_body_constraints_from_dict_does_not_check_are_checked(
    kit: ModuleType, shop_fake: object
) -> None:
    with httpx.Client(transport=shop_fake) as raw, pytest.raises(kit.SpecViolation) as caught:  # type: ignore[arg-type]
        raw.post(
            SHOP_ITEMS, headers=GOOD_HEADERS, content=b'{"name": "Pen", "price": -1}'
        )
    assert "the request body's field 'price' is -1, below minimum 0" in str(
        caught.value
    )


def test_a_missing_required_header_fails(kit: ModuleType, shop_fake: object) -> None:
    headers = {k: v for k, v in GOOD_HEADERS.items() if k != "X-Request-Id"}
    with httpx.Client(transport=shop_fake) as raw, pytest.raises(kit.SpecViolation) as caught:  # type: ignore[arg-type]
        raw.post(SHOP_ITEMS, headers=headers, content=b'{"name": "Pen", "price": 1}')
    assert "header parameter 'X-Request-Id' is required but missing" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("query", "rule"),
    [
        (
            "mode=slow",
            "query parameter 'mode' is 'slow', not one of the spec's enum ('fast', 'safe')",
        ),
        ("copies=11", "query parameter 'copies' is 11, above maximum 10"),
        ("copies=two", "query parameter 'copies' is 'two', not an integer"),
    ],
)
def test_query_enums_bounds_and_types_are_checked(
    kit: ModuleType, shop_fake: object, query: str, rule: str
) -> None:
    with httpx.Client(transport=shop_fake) as raw, pytest.raises(kit.SpecViolation) as caught:  # type: ignore[arg-type]
        raw.post(
            f"{SHOP_ITEMS}?{query}",
            headers=GOOD_HEADERS,
            content=b'{"name": "P", "price": 1}',
        )
    assert rule in str(caught.value)


def test_a_paged_list_iterates_across_scripted_pages(
    shop: ModuleType, shop_fake: object, flavour: str
) -> None:
    fake = shop_fake
    fake.list_items.returns(  # type: ignore[attr-defined]
        shop.ItemPage(
            value=[shop.Item(name="A", price=1)],
            next="https://shop.example/api/items?page=2",
        ),
        shop.ItemPage(
            value=[shop.Item(name="B", price=2), shop.Item(name="C", price=3)]
        ),
    )
    client = client_of(shop, flavour, shop.ApiKeyCredential("k"), transport=fake)
    with client:
        names = [item.name for item in iterate(client, client.list_items())]
    assert names == ["A", "B", "C"]
    calls = fake.list_items.calls  # type: ignore[attr-defined]
    assert [c.arguments for c in calls] == [{}, {"page": 2}]


def test_without_an_example_or_hypothesis_an_unscripted_call_fails_clearly(
    kit: ModuleType, shop_fake: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    with httpx.Client(transport=shop_fake) as raw, pytest.raises(kit.NotScripted) as caught:  # type: ignore[arg-type]
        raw.get("https://shop.example/api/items", headers={"X-Api-Key": "k"})
    assert "list_items (listItems) was called but not scripted" in str(caught.value)
    assert "fake.list_items.returns(...)" in str(caught.value)


def test_unscripted_answers_are_drawn_from_the_strategy_reproducibly(
    shop: ModuleType,
) -> None:
    testing = importlib.import_module("shop_kit.testing")
    drawn = []
    for _ in range(2):
        with httpx.Client(transport=testing.FakeService(seed=3)) as raw:
            response = raw.get(
                "https://shop.example/api/items", headers={"X-Api-Key": "k"}
            )
        drawn.append(response.json())
    assert drawn[0] == drawn[1]
    assert shop.ItemPage.from_dict(drawn[0]).value is not None


def test_an_unscripted_list_of_models_is_drawn_as_a_list(shop: ModuleType) -> None:
    fake = importlib.import_module("shop_kit.testing").FakeService(seed=1)
    with shop.Client(shop.ApiKeyCredential("k"), transport=fake) as client:
        stock = client.list_stock("main")
    assert isinstance(stock, list) and 1 <= len(stock) <= 3
    assert all(isinstance(item, shop.Item) for item in stock)
    fake.assert_no_violations()


# -- Azure-style polling of an Operation-Location outside the spec (tests/specs/azure-lro.yaml) -


@pytest.fixture(scope="module")
def jobs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("jobs")
    yield from generated_package(
        root, ROOT / "tests" / "specs" / "azure-lro.yaml", "jobs_kit"
    )


def test_a_status_monitor_outside_the_spec_is_scripted_as_a_route(
    jobs: ModuleType, flavour: str
) -> None:
    fake = importlib.import_module("jobs_kit.testing").FakeService()
    status_url = "https://jobs.example/operations/op-1?api-version=2024-01-01"
    fake.run.returns(jobs.RunHeaders(operation_location=status_url))
    monitor = fake.route("GET", "/operations/{operationId}").returns(
        {"id": "job-1", "status": "Running"},
        jobs.JobStatus(id="job-1", status="Succeeded"),
    )
    started = time.perf_counter()
    client = client_of(jobs, flavour, jobs.ApiKeyCredential("k"), transport=fake)
    with client:
        result = client.begin_run("job-1", polling_interval=5).result(timeout=60)
    assert time.perf_counter() - started < 1.0
    assert str(result.status) == "Succeeded"
    assert fake.run.call.arguments == {"job_id": "job-1"}
    assert len(monitor.calls) == 2
    fake.assert_no_violations()


# -- every parameter style the client writes is read back (tests/specs/styles.yaml) ----------


@pytest.fixture(scope="module")
def styles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("styles")
    yield from generated_package(
        root, ROOT / "tests" / "specs" / "styles.yaml", "styles_kit"
    )


def test_the_clients_own_requests_in_every_style_pass_the_checks(
    styles: ModuleType, flavour: str
) -> None:
    fake = importlib.import_module("styles_kit.testing").FakeService()
    dims = {"w": 1, "h": 2}
    with client_of(styles, flavour, transport=fake) as client:
        client.simple(["a", "b"], dims, dims, x_dims=dims, x_tags=["x", "y z"])
        client.label("a", ["a", "b"], dims)
        client.matrix(7, ["a", "b"], dims, ["c", "d"])
        client.file("docs/read me.txt")
        client.search(pipes=["a", "b"], spaced=dims, form=dims)
    fake.assert_no_violations()
    assert fake.label.call.arguments["tags"] == ["a", "b"]
    assert fake.matrix.call.arguments["id"] == 7
    assert fake.matrix.call.arguments["tags"] == ["a", "b"]
    assert fake.matrix.call.arguments["flat"] == ["c", "d"]
    assert fake.file.call.arguments == {"file_path": "docs/read me.txt"}
    assert fake.search.call.arguments["pipes"] == ["a", "b"]
