"""Azure's `x-ms-long-running-operation` style, end to end through a generated client: the start
response's Operation-Location is polled through the client's pipeline until the body's status
is terminal. The package is generated from tests/specs/azure-lro.yaml into a temporary
directory; the service is an `httpx.MockTransport`, so nothing waits (interval 0,
Retry-After 0).

Each behaviour is written once and runs on `Client` and on `AsyncClient` (the `flavour` fixture
of tests/conftest.py; tests/support/loopback.py's `Blocking` presents the AsyncClient and its
pollers as blocking)."""

from __future__ import annotations

import base64
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from support.client_kit import client_of

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "azure_lro_jobs"
ORIGIN = "https://jobs.example"
KEY = "secret-key"


def _generated(root: Path, spec: Path, package: str) -> Iterator[ModuleType]:
    """The package generated from `spec` into `root`, imported while the caller needs it."""
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    result = generate(spec, package=package)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root / package)
    sys.path.insert(0, str(root / package))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root / package))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("azure-lro")
    yield from _generated(root, ROOT / "tests" / "specs" / "azure-lro.yaml", PACKAGE)


QUERY_PACKAGE = "azure_lro_query_key"
KEY_PARAM = "subscription-key"


@pytest.fixture(scope="module")
def query_pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The same API with its key sent in the query (`?subscription-key=...`)."""
    root = tmp_path_factory.mktemp("azure-lro-query")
    spec = yaml.safe_load((ROOT / "tests" / "specs" / "azure-lro.yaml").read_text())
    spec["components"]["securitySchemes"]["key"] = {
        "type": "apiKey",
        "in": "query",
        "name": KEY_PARAM,
    }
    path = root / "azure-lro-query.yaml"
    path.write_text(yaml.safe_dump(spec))
    yield from _generated(root, path, QUERY_PACKAGE)


class Service:
    """Answers the start POST with 202 and `location`, then each GET of the status URL with the
    next scripted (status code, JSON body); records every request."""

    def __init__(self, location: str | None, *statuses: tuple[int, Any]) -> None:
        self.location = location
        self.statuses = list(statuses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.method == "POST":
            headers = {"Retry-After": "0"}
            if self.location is not None:
                headers["Operation-Location"] = self.location
            return httpx.Response(202, headers=headers)
        code, body = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        return httpx.Response(code, json=body, headers={"Retry-After": "0"})


def _job(status: str, **extra: Any) -> dict[str, Any]:
    return {"id": "job-1", "status": status, **extra}


def _client(
    pkg: ModuleType, flavour: str, service: Callable[[httpx.Request], httpx.Response]
) -> Any:
    """A Client, or an AsyncClient behind `Blocking`, answered by `service`."""
    transport = httpx.MockTransport(service)  # serves both clients
    credential = pkg.ApiKeyCredential(KEY)
    return client_of(pkg, flavour, credential, transport=transport, backoff_factor=0.001)


def test_polls_the_operation_location_until_succeeded(pkg: ModuleType, flavour: str) -> None:
    status_url = ORIGIN + "/operations/op-1?api-version=2024-01-01"
    service = Service(
        status_url, (200, _job("NotStarted")), (200, _job("Running")), (200, _job("Succeeded"))
    )
    with _client(pkg, flavour, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        assert poller.status() == "InProgress" and not poller.done()
        result = poller.result()
    assert isinstance(result, pkg.JobStatus)
    assert str(result.status) == "Succeeded" and result.id == "job-1"
    assert poller.done() and poller.status() == "Succeeded"
    assert [r.method for r in service.requests] == ["POST", "GET", "GET", "GET"]
    assert service.requests[0].url.path == "/jobs/job-1:run"
    assert all(str(r.url) == status_url for r in service.requests[1:])
    assert all(r.headers.get("api-key") == KEY for r in service.requests)


def test_a_relative_location_is_resolved_against_the_request(pkg: ModuleType, flavour: str) -> None:
    service = Service("/operations/op-2", (200, _job("Succeeded")))
    with _client(pkg, flavour, service) as client:
        client.begin_run("job-1", polling_interval=0).result()
    assert str(service.requests[1].url) == ORIGIN + "/operations/op-2"


def test_a_failed_status_raises_with_the_services_error_message(
    pkg: ModuleType, flavour: str
) -> None:
    failed = _job("Failed", error={"code": "Quota", "message": "The quota is used up."})
    service = Service(ORIGIN + "/operations/op-3", (200, _job("Running")), (200, failed))
    with _client(pkg, flavour, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        with pytest.raises(pkg.OperationFailedError) as caught:
            poller.result()
    assert isinstance(caught.value, pkg.ClientError)
    assert "The quota is used up." in str(caught.value)
    assert caught.value.status == "Failed" and caught.value.message == "The quota is used up."
    assert isinstance(caught.value.result, pkg.JobStatus)


def test_canceled_is_a_failure_too(pkg: ModuleType, flavour: str) -> None:
    service = Service(ORIGIN + "/operations/op-4", (200, _job("Canceled")))
    with _client(pkg, flavour, service) as client, pytest.raises(pkg.OperationFailedError):
        client.begin_run("job-1", polling_interval=0).result()


def test_an_error_status_while_polling_raises_api_error(pkg: ModuleType, flavour: str) -> None:
    gone = {"error": {"code": "NotFound", "message": "No such operation."}}
    service = Service(ORIGIN + "/operations/op-5", (404, gone))
    with _client(pkg, flavour, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        with pytest.raises(pkg.ApiError) as caught:
            poller.result()
    assert caught.value.status_code == 404
    assert "No such operation." in str(caught.value)


def test_a_start_response_without_a_status_url_is_a_client_error(
    pkg: ModuleType, flavour: str
) -> None:
    service = Service(None, (200, _job("Succeeded")))
    with _client(pkg, flavour, service) as client, pytest.raises(pkg.ClientError) as caught:
        client.begin_run("job-1")
    assert "Operation-Location" in str(caught.value) or "operation-location" in str(caught.value)
    assert [r.method for r in service.requests] == ["POST"]


def test_credentials_do_not_follow_a_status_url_on_another_origin(
    pkg: ModuleType, flavour: str
) -> None:
    service = Service("https://elsewhere.example/operations/op-6", (200, _job("Succeeded")))
    with _client(pkg, flavour, service) as client:
        client.begin_run("job-1", polling_interval=0).result()
    assert service.requests[0].headers.get("api-key") == KEY
    assert "api-key" not in service.requests[1].headers


def test_without_final_state_schema_the_result_is_the_json(pkg: ModuleType, flavour: str) -> None:
    body = {"status": "succeeded", "result": {"url": "https://files.example/export.zip"}}
    service = Service(ORIGIN + "/operations/op-7", (200, body))
    with _client(pkg, flavour, service) as client:
        result = client.begin_export("job-1", polling_interval=0).result()
    assert result == body


def test_a_continuation_token_resumes_with_the_status_url(pkg: ModuleType, flavour: str) -> None:
    status_url = ORIGIN + "/operations/op-8"
    first = Service(status_url, (200, _job("Running")))
    with _client(pkg, flavour, first) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        assert poller.poll() == "Running"
        token = poller.continuation_token()
    assert KEY not in token and "job-1" not in json.dumps(token)
    second = Service(None, (200, _job("Succeeded")))
    with _client(pkg, flavour, second) as client:
        result = client.resume_run(token).result()
        with pytest.raises(ValueError, match="Jobs_Export|another|operation"):
            client.resume_export(token)
    assert str(result.status) == "Succeeded"
    assert [(r.method, str(r.url)) for r in second.requests] == [("GET", status_url)]


# -- continuation tokens hold no credentials, and tampered ones are refused ------------------


def _run_begin(pkg: ModuleType, service: Service, flavour: str) -> Any:
    """`begin_run("job-1")` on a Client or an AsyncClient: (its token, its result)."""
    with _client(pkg, flavour, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        return poller.continuation_token(), poller.result()


def _decoded(token: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    return payload


def _encoded(payload: dict[str, Any]) -> str:
    text = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(text).decode().rstrip("=")


@pytest.mark.parametrize(
    "location",
    [
        f"{ORIGIN}/operations/op-1?api-version=1&{KEY_PARAM}={KEY}",
        f"https://user:{KEY}@jobs.example/operations/op-1?api-version=1#{KEY}",
        f"/operations/op-1?api-version=1&{KEY_PARAM}={KEY}#frag",
    ],
    ids=["key-in-query", "userinfo-and-fragment", "relative"],
)
def test_a_token_never_holds_the_api_key(
    query_pkg: ModuleType, flavour: str, location: str
) -> None:
    service = Service(location, (200, _job("Succeeded")))
    token, result = _run_begin(query_pkg, service, flavour)
    assert str(result.status) == "Succeeded"
    assert KEY not in _decoded(token)["state"]["url"] and KEY not in json.dumps(_decoded(token))
    assert _decoded(token)["state"] == {"url": ORIGIN + "/operations/op-1?api-version=1"}
    post, get = service.requests
    assert post.url.params[KEY_PARAM] == KEY  # the key still goes on every request ...
    assert get.url.params[KEY_PARAM] == KEY and get.url.params["api-version"] == "1"
    assert get.url.path == "/operations/op-1" and not get.url.userinfo  # ... put back at send


@pytest.mark.parametrize("location", ["#status", " #status", "ftp://jobs.example/op"])
def test_a_status_url_that_is_no_url_is_a_client_error(
    query_pkg: ModuleType, flavour: str, location: str
) -> None:
    service = Service(location, (200, _job("Succeeded")))
    with pytest.raises(query_pkg.ClientError, match="(?i)operation-location") as caught:
        _run_begin(query_pkg, service, flavour)
    assert "cannot be followed" in str(caught.value) and KEY not in str(caught.value)
    assert [r.method for r in service.requests] == ["POST"]


@pytest.mark.parametrize(
    "changes",
    [
        {"interval": 1e9},
        {"interval": 1e300},
        {"state": {"url": 1}},
        {"state": {"url": "/operations/op-1"}},
        {"state": {"url": "https://user:pw@jobs.example/operations/op-1"}},
        {"state": {"url": ORIGIN + "/operations/op-1", "jobId": "x"}},
        {"state": {}},
    ],
)
def test_resume_refuses_a_tampered_token(
    query_pkg: ModuleType, flavour: str, changes: dict[str, Any]
) -> None:
    service = Service(ORIGIN + "/operations/op-1", (200, _job("Running")))
    with _client(query_pkg, flavour, service) as client:
        good = client.begin_run("job-1", polling_interval=0).continuation_token()
        tampered = _encoded({**_decoded(good), **changes})
        for resume in (client.resume_run, client.jobs.resume_run):
            with pytest.raises(query_pkg.ContinuationTokenError) as caught:
                resume(tampered)
            assert isinstance(caught.value, query_pkg.ClientError)
            assert isinstance(caught.value, ValueError)
        assert client.resume_run(good).status() == "InProgress"
    assert [r.method for r in service.requests] == ["POST"]
