"""The generated client against Stoplight Prism mocking spec/face-person-group-training.yaml.

Prism validates every request against the spec (path parameter schema, security) and answers
with the spec's example, so a request it accepts is a request the spec allows. The negative
tests show that it really validates: a bad personGroupId gets 422, a missing key 401.

Prism comes from npm (`@stoplight/prism-cli@5`); .ci/run installs it under .ci/node/. Where it
is missing, these tests are skipped locally (with the install command) and fail under CI, which
must install it (conftest.require_tool).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from support.client_kit import API_KEY, AsyncTokenCredential
from support.loopback import SPEC_EXAMPLE, SPEC_PATH, free_port
from support.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
_GENERATED = str(ROOT / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

from face_client import (
    ApiKeyCredential,
    AsyncClient,
    Client,
    OperationStatus,
    TrainingResult,
)

LOCAL_PRISM = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "prism"
# Needs Node.js and npm; run from the project root.
INSTALL = "npm install --prefix .ci/node --no-audit --no-fund @stoplight/prism-cli@5"
STARTUP_TIMEOUT = 60.0  # a cold first start of Prism has taken 22 s here
EXAMPLE_TIME = datetime(2024, 3, 5, 11, 7, 58, 371000, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a Prism mock server for the spec (it serves the spec's paths at /)."""
    binary = require_tool("prism", INSTALL, LOCAL_PRISM)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [binary, "mock", "-h", "127.0.0.1", "-p", str(port), str(SPEC_PATH)],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_ready(process, url, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    probe = f"{url}/persongroups/ready/training"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = log_path.read_text(errors="replace")[-3000:]
            pytest.fail(f"Prism exited with status {process.returncode}:\n{log}")
        try:
            httpx.get(probe, headers={"Ocp-Apim-Subscription-Key": "probe"}, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    log = log_path.read_text(errors="replace")[-3000:]
    pytest.fail(f"Prism did not answer within {STARTUP_TIMEOUT:.0f} s:\n{log}")


class ResponseLog:
    """httpx event hooks that keep every response the client got from Prism, and the headers
    its request was sent with (the client later swaps `response.request` for a copy without
    credentials, so they are copied when the response arrives)."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []
        self.sent_headers: list[httpx.Headers] = []

    def hook(self, response: httpx.Response) -> None:
        self.responses.append(response)
        self.sent_headers.append(httpx.Headers(response.request.headers))

    async def async_hook(self, response: httpx.Response) -> None:
        self.hook(response)

    def assert_valid(self, count: int) -> None:
        assert len(self.responses) == count
        for response in self.responses:
            assert "sl-violations" not in response.headers, response.headers["sl-violations"]
            assert response.is_success, response.status_code


def check_example(result: TrainingResult) -> None:
    assert result == TrainingResult.from_dict(SPEC_EXAMPLE)
    assert result.status is OperationStatus.NOT_STARTED
    assert result.created_date_time == EXAMPLE_TIME
    assert result.last_action_date_time == EXAMPLE_TIME
    assert result.last_successful_training_date_time == EXAMPLE_TIME
    assert result.message is None


@pytest.mark.parametrize("group_id", ["your_person_group_id", "a", "0-_z", "a" * 64])
def test_sync_client_passes_validation(prism: str, group_id: str) -> None:
    responses = ResponseLog()
    with httpx.Client(event_hooks={"response": [responses.hook]}) as http:
        client = Client(prism, ApiKeyCredential(API_KEY), base_url=prism, http_client=http)
        with client:
            result = client.get_person_group_training_status(group_id)
    check_example(result)
    responses.assert_valid(1)
    assert responses.responses[0].request.url.path == f"/persongroups/{group_id}/training"


def test_async_client_passes_validation(prism: str) -> None:
    responses = ResponseLog()

    async def body() -> list[TrainingResult]:
        async with httpx.AsyncClient(event_hooks={"response": [responses.async_hook]}) as http:
            key = ApiKeyCredential(API_KEY)
            async with AsyncClient(prism, key, base_url=prism, http_client=http) as client:
                return [
                    await client.get_person_group_training_status("your_person_group_id"),
                    await client.get_person_group_training_status("group-2"),
                ]

    for result in asyncio.run(body()):
        check_example(result)
    responses.assert_valid(2)


def test_async_client_with_a_bearer_token_passes_validation(prism: str) -> None:
    responses = ResponseLog()
    credential = AsyncTokenCredential()

    async def body() -> TrainingResult:
        http = httpx.AsyncClient(event_hooks={"response": [responses.async_hook]})
        client = AsyncClient(prism, credential, base_url=prism, http_client=http)
        async with http, client:
            return await client.get_person_group_training_status("ok")

    check_example(asyncio.run(body()))
    responses.assert_valid(1)
    assert responses.sent_headers[0]["Authorization"].startswith("Bearer ")
    # What the caller can see afterwards holds no token.
    assert "Authorization" not in responses.responses[0].request.headers


@pytest.mark.parametrize("raw_id", ["UPPER", "A%2FB", "a%20b", "a" * 65])
def test_prism_rejects_a_bad_person_group_id(prism: str, raw_id: str) -> None:
    # The client would refuse these ids itself; send_request shows Prism refuses them too.
    with Client(prism, ApiKeyCredential(API_KEY), base_url=prism, max_retries=0) as client:
        response = client.send_request(
            httpx.Request("GET", f"{prism}/persongroups/{raw_id}/training")
        )
    assert response.status_code == 422, response.text
    assert "sl-violations" in response.headers


def test_prism_requires_a_credential(prism: str) -> None:
    response = httpx.get(f"{prism}/persongroups/ok/training", timeout=5)
    assert response.status_code == 401, response.text
    assert "sl-violations" in response.headers


# -- The missing-tool rule (conftest.require_tool), which this module's fixture follows ----------


def test_a_missing_tool_is_skipped_locally_with_its_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_tool("prism", INSTALL, tmp_path / "nowhere" / "prism")
    assert INSTALL in str(skipped.value) and "prism is not installed" in str(skipped.value)


def test_a_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "1")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception) as failed:
        require_tool("prism", INSTALL, tmp_path / "nowhere" / "prism")
    assert INSTALL in str(failed.value) and ".ci/run" in str(failed.value)


def test_a_tool_is_found_first_where_ci_installs_it(tmp_path: Path) -> None:
    local = tmp_path / "prism"
    local.write_text("", encoding="utf-8")
    assert require_tool("prism", INSTALL, local) == str(local)
