"""Azure's `x-ms-long-running-operation` style, end to end through a generated client: the start
response's Operation-Location is polled through the client's pipeline until the body's status
is terminal. The package is generated from tests/specs/azure-lro.yaml into a temporary
directory; the service is an `httpx.MockTransport`, so nothing waits (interval 0,
Retry-After 0)."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "azure_lro_jobs"
ORIGIN = "https://jobs.example"
KEY = "secret-key"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    from generator.pipeline import generate
    from generator.write import write_tree

    root = tmp_path_factory.mktemp("azure-lro") / PACKAGE
    result = generate(ROOT / "tests" / "specs" / "azure-lro.yaml", package=PACKAGE)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


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


def _client(pkg: ModuleType, service: Callable[[httpx.Request], httpx.Response]) -> Any:
    return pkg.Client(
        pkg.ApiKeyCredential(KEY),
        transport=httpx.MockTransport(service),
        backoff_factor=0.001,
    )


def test_polls_the_operation_location_until_succeeded(pkg: ModuleType) -> None:
    status_url = ORIGIN + "/operations/op-1?api-version=2024-01-01"
    service = Service(status_url, (200, _job("NotStarted")), (200, _job("Running")),
                      (200, _job("Succeeded")))
    with _client(pkg, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        assert poller.status() == "InProgress" and not poller.done()
        result = poller.result()
    assert isinstance(result, pkg.JobStatus)
    assert result.status.value == "Succeeded" and result.id == "job-1"
    assert poller.done() and poller.status() == "Succeeded"
    assert [r.method for r in service.requests] == ["POST", "GET", "GET", "GET"]
    assert service.requests[0].url.path == "/jobs/job-1:run"
    assert all(str(r.url) == status_url for r in service.requests[1:])
    assert all(r.headers.get("api-key") == KEY for r in service.requests)


def test_a_relative_location_is_resolved_against_the_request(pkg: ModuleType) -> None:
    service = Service("/operations/op-2", (200, _job("Succeeded")))
    with _client(pkg, service) as client:
        client.begin_run("job-1", polling_interval=0).result()
    assert str(service.requests[1].url) == ORIGIN + "/operations/op-2"


def test_a_failed_status_raises_with_the_services_error_message(pkg: ModuleType) -> None:
    failed = _job("Failed", error={"code": "Quota", "message": "The quota is used up."})
    service = Service(ORIGIN + "/operations/op-3", (200, _job("Running")), (200, failed))
    with _client(pkg, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        with pytest.raises(pkg.OperationFailedError) as caught:
            poller.result()
    assert isinstance(caught.value, pkg.ClientError)
    assert "The quota is used up." in str(caught.value)
    assert caught.value.status == "Failed" and caught.value.message == "The quota is used up."
    assert isinstance(caught.value.result, pkg.JobStatus)


def test_canceled_is_a_failure_too(pkg: ModuleType) -> None:
    service = Service(ORIGIN + "/operations/op-4", (200, _job("Canceled")))
    with _client(pkg, service) as client, pytest.raises(pkg.OperationFailedError):
        client.begin_run("job-1", polling_interval=0).result()


def test_an_error_status_while_polling_raises_api_error(pkg: ModuleType) -> None:
    gone = {"error": {"code": "NotFound", "message": "No such operation."}}
    service = Service(ORIGIN + "/operations/op-5", (404, gone))
    with _client(pkg, service) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        with pytest.raises(pkg.ApiError) as caught:
            poller.result()
    assert caught.value.status_code == 404
    assert "No such operation." in str(caught.value)


def test_a_start_response_without_a_status_url_is_a_client_error(pkg: ModuleType) -> None:
    service = Service(None, (200, _job("Succeeded")))
    with _client(pkg, service) as client, pytest.raises(pkg.ClientError) as caught:
        client.begin_run("job-1")
    assert "Operation-Location" in str(caught.value) or "operation-location" in str(caught.value)
    assert [r.method for r in service.requests] == ["POST"]


def test_credentials_do_not_follow_a_status_url_on_another_origin(pkg: ModuleType) -> None:
    service = Service("https://elsewhere.example/operations/op-6", (200, _job("Succeeded")))
    with _client(pkg, service) as client:
        client.begin_run("job-1", polling_interval=0).result()
    assert service.requests[0].headers.get("api-key") == KEY
    assert "api-key" not in service.requests[1].headers


def test_without_final_state_schema_the_result_is_the_json(pkg: ModuleType) -> None:
    body = {"status": "succeeded", "result": {"url": "https://files.example/export.zip"}}
    service = Service(ORIGIN + "/operations/op-7", (200, body))
    with _client(pkg, service) as client:
        result = client.begin_export("job-1", polling_interval=0).result()
    assert result == body


def test_a_continuation_token_resumes_with_the_status_url(pkg: ModuleType) -> None:
    status_url = ORIGIN + "/operations/op-8"
    first = Service(status_url, (200, _job("Running")))
    with _client(pkg, first) as client:
        poller = client.begin_run("job-1", polling_interval=0)
        assert poller.poll() == "Running"
        token = poller.continuation_token()
    assert KEY not in token and "job-1" not in json.dumps(token)
    second = Service(None, (200, _job("Succeeded")))
    with _client(pkg, second) as client:
        result = client.resume_run(token).result()
        with pytest.raises(ValueError, match="Jobs_Export|another|operation"):
            client.resume_export(token)
    assert result.status.value == "Succeeded"
    assert [(r.method, str(r.url)) for r in second.requests] == [("GET", status_url)]


def test_the_async_client_polls_the_same_way(pkg: ModuleType) -> None:
    status_url = ORIGIN + "/operations/op-9"
    service = Service(status_url, (200, _job("Running")), (200, _job("Succeeded")))

    async def run() -> Any:
        async with pkg.AsyncClient(
            pkg.ApiKeyCredential(KEY),
            transport=httpx.MockTransport(service),
            backoff_factor=0.001,
        ) as client:
            poller = await client.begin_run("job-1", polling_interval=0)
            return await poller.result()

    result = asyncio.run(run())
    assert result.status.value == "Succeeded"
    assert [r.method for r in service.requests] == ["POST", "GET", "GET"]
