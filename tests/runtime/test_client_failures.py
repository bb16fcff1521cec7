"""The generated `face_client.Client` and `face_client.AsyncClient` when things go wrong:
error statuses and bodies, bodies that do not decode, retries and timeouts, the debug log,
and `send_request`. Written once for both clients, like test_client.py (whose helpers these
tests use): the `flavour` fixture picks the client.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.client_kit import (
    API_KEY,
    SECRET_MARK,
    TOKEN,
    AsyncCountingTransport,
    CountingTransport,
    LogCapture,
    MockService,
    exception_chain,
    exception_texts,
)
from support.loopback import NOT_FOUND_MESSAGE, SPEC_EXAMPLE, LoopbackServer, free_port
from test_client import (
    EXAMPLE,
    client_for,
    credential_of,
    mock_client,
    new_client,
)

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    ApiError,
    ClientError,
    DeserializationError,
    FaceErrorResponse,
    OperationStatus,
)

READ_LIMITED = httpx.Timeout(5.0, read=0.2)
"""Each read may take 0.2 s; the whole call (the largest limit) 5 s, room for a retry."""
RETRYABLE = [408, 429, 500, 502, 503, 504]
NOT_RETRYABLE = [400, 401, 403, 404, 409, 501]


def is_timeout(exc: BaseException) -> bool:
    """A timeout is the package's own RequestTimeoutError (its cause is httpx's timeout, or
    the connection the deadline cut)."""
    return isinstance(exc, face_client.RequestTimeoutError)


# -- errors ------------------------------------------------------------------------------------


def test_error_status_raises_api_error(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status("not-found")
    error = info.value
    assert isinstance(error, ClientError)
    assert error.status_code == 404
    assert error.error_code == "PersonGroupNotFound"
    assert isinstance(error.model, FaceErrorResponse)
    assert error.model.error.code == "PersonGroupNotFound"
    assert error.model.error.message == NOT_FOUND_MESSAGE
    assert isinstance(error.response, httpx.Response)
    assert error.response.status_code == 404
    text = str(error)
    assert "404" in text
    assert "PersonGroupNotFound" in text
    assert NOT_FOUND_MESSAGE in text
    assert len(server.requests) == 1  # 404 is not retried


def test_error_code_from_the_body_without_the_header(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status("not-found-body-code")
    assert info.value.error_code == "PersonGroupNotFound"
    assert isinstance(info.value.model, FaceErrorResponse)


def test_error_code_header_wins_over_the_body(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status("header-code-wins")
    assert info.value.error_code == "HeaderCode"
    assert info.value.model is not None
    assert info.value.model.error.code == "PersonGroupNotFound"


@pytest.mark.parametrize(
    ("group_id", "status", "code"),
    [
        ("html-error", 500, None),
        ("text-error", 400, None),
        ("wrong-shape-error", 400, None),
        ("array-error", 400, None),
        ("empty-error", 404, None),
        ("broken-json-error", 500, "Oops"),
    ],
)
def test_unusual_error_bodies_never_hide_the_status(
    server: LoopbackServer, flavour: str, group_id: str, status: int, code: str | None
) -> None:
    client = client_for(flavour, server, max_retries=0)
    with client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status(group_id)
    error = info.value
    assert error.status_code == status
    assert error.error_code == code
    assert error.model is None
    assert error.response.status_code == status
    assert str(status) in str(error)


def test_unauthorized_is_an_api_error(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status("unauthorized")
    assert info.value.status_code == 401
    assert info.value.error_code == "401"
    assert "Access denied" in str(info.value)


# -- deserialization ---------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["bad-json", "not-json-200"])
def test_a_2xx_body_that_is_not_json(server: LoopbackServer, flavour: str, group_id: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(DeserializationError) as info:
        client.get_person_group_training_status(group_id)
    assert isinstance(info.value, ClientError)
    assert len(server.requests) == 1


def test_a_2xx_body_that_misses_a_field_names_it(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(DeserializationError) as info:
        client.get_person_group_training_status("schema-mismatch")
    assert "TrainingResult.createdDateTime" in str(info.value)


def test_unknown_status_is_kept(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        result = client.get_person_group_training_status("unknown-enum")
    assert type(result.status) is str and result.status == "paused"
    assert result.to_dict() == {**SPEC_EXAMPLE, "status": "paused"}


# -- retries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["flaky", "rate-limited"])
def test_retried_then_succeeds(server: LoopbackServer, flavour: str, group_id: str) -> None:
    with client_for(flavour, server) as client:
        result = client.get_person_group_training_status(group_id)
    assert result == EXAMPLE
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", RETRYABLE)
def test_retryable_statuses(server: LoopbackServer, flavour: str, status: int) -> None:
    with client_for(flavour, server) as client:
        result = client.get_person_group_training_status(f"once-{status}")
    assert result == EXAMPLE
    assert result.status is OperationStatus.NOT_STARTED
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", NOT_RETRYABLE)
def test_other_statuses_are_not_retried(server: LoopbackServer, flavour: str, status: int) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status(f"once-{status}")
    assert info.value.status_code == status
    assert len(server.requests) == 1


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_retries_run_out(server: LoopbackServer, flavour: str, max_retries: int) -> None:
    client = client_for(flavour, server, max_retries=max_retries)
    with client, pytest.raises(ApiError) as info:
        client.get_person_group_training_status("always-503")
    assert info.value.status_code == 503
    assert len(server.requests) == max_retries + 1


def test_default_is_three_retries(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ApiError):
        client.get_person_group_training_status("always-503")
    assert len(server.requests) == 4


@pytest.mark.parametrize(
    ("group_id", "at_least"), [("retry-after-1", 0.9), ("retry-after-date", 0.8)]
)
def test_retry_after_is_honoured(
    server: LoopbackServer, flavour: str, group_id: str, at_least: float
) -> None:
    # retry-after-1 asks for 1 s; retry-after-date for an HTTP-date 1 to 2 seconds ahead
    # (whole seconds).
    with client_for(flavour, server) as client:
        start = time.monotonic()
        result = client.get_person_group_training_status(group_id)
        elapsed = time.monotonic() - start
    assert result == EXAMPLE
    assert len(server.requests) == 2
    assert at_least <= elapsed < 5, elapsed


def test_retry_after_zero_retries_at_once(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, backoff_factor=10.0) as client:
        start = time.monotonic()
        client.get_person_group_training_status("flaky")
        elapsed = time.monotonic() - start
    assert len(server.requests) == 2
    assert elapsed < 1.5, elapsed


def test_backoff_max_caps_the_wait(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, backoff_factor=30.0, backoff_max=0.05) as client:
        start = time.monotonic()
        client.get_person_group_training_status("no-retry-after")
        elapsed = time.monotonic() - start
    assert len(server.requests) == 3
    assert elapsed < 2, elapsed


@pytest.mark.parametrize("max_retries", [0, 2])
def test_connection_errors_are_retried(flavour: str, max_retries: int) -> None:
    transport = CountingTransport() if flavour == "sync" else AsyncCountingTransport()
    endpoint = f"http://127.0.0.1:{free_port()}"
    client = new_client(flavour, endpoint, transport=transport, max_retries=max_retries)
    with client, pytest.raises(ClientError) as info:
        client.get_person_group_training_status("ok")
    assert any(isinstance(e, httpx.TransportError) for e in exception_chain(info.value))
    assert transport.attempts == max_retries + 1


def test_a_connection_error_then_success(flavour: str) -> None:
    service = MockService(httpx.ConnectError("refused"))
    with mock_client(flavour, service, "https://face.example") as client:
        result = client.get_person_group_training_status("ok")
    assert result == EXAMPLE
    assert result.status is OperationStatus.NOT_STARTED
    assert len(service.requests) == 2


@pytest.mark.parametrize("max_retries", [0, 1])
def test_a_read_timeout_is_retried_within_the_total(
    server: LoopbackServer, flavour: str, max_retries: int
) -> None:
    with client_for(flavour, server, timeout=READ_LIMITED, max_retries=max_retries) as client:
        start = time.monotonic()
        with pytest.raises(ClientError) as info:
            client.get_person_group_training_status("slow")
        elapsed = time.monotonic() - start
    assert is_timeout(info.value), exception_texts(info.value)
    assert len(server.requests) == max_retries + 1
    assert elapsed < 0.9 * (max_retries + 1), elapsed  # the server answers after 1 s


def test_timeout_as_httpx_timeout(server: LoopbackServer, flavour: str) -> None:
    client = client_for(flavour, server, timeout=httpx.Timeout(0.2), max_retries=0)
    with client, pytest.raises(ClientError) as info:
        client.get_person_group_training_status("slow")
    assert is_timeout(info.value), exception_texts(info.value)
    assert len(server.requests) == 1


def test_a_timeout_then_success(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, timeout=READ_LIMITED, max_retries=1) as client:
        result = client.get_person_group_training_status("slow-once")
    assert result == EXAMPLE
    assert result.status is OperationStatus.NOT_STARTED
    assert len(server.requests) == 2


# -- logging -----------------------------------------------------------------------------------


def _attempt_logged(message: str, attempt: int) -> bool:
    return bool(
        re.search(rf"attempt\D{{0,4}}{attempt}\b", message, re.IGNORECASE)
        or re.search(rf"(?<![\d.]){attempt}\s*/\s*\d+\b", message)
    )


def _duration_logged(message: str) -> bool:
    return bool(re.search(r"\d+(\.\d+)?\s?(ms|s)\b", message))


def test_each_attempt_is_logged_at_debug(server: LoopbackServer, flavour: str) -> None:
    url = server.operation_url("flaky")
    with LogCapture() as logs, client_for(flavour, server) as client:
        client.get_person_group_training_status("flaky")
    records = [r for r in logs.client_records() if url in r.getMessage()]
    assert len(records) >= 2, [r.getMessage() for r in logs.client_records()]
    assert all(r.levelname == "DEBUG" for r in records)
    for attempt, status in ((1, "503"), (2, "200")):
        matching = [
            r.getMessage()
            for r in records
            if status in r.getMessage() and _attempt_logged(r.getMessage(), attempt)
        ]
        assert matching, [r.getMessage() for r in records]
        assert all("GET" in m and _duration_logged(m) for m in matching), matching


# -- send_request ------------------------------------------------------------------------------


def send(client: Any, *urls: str) -> list[httpx.Response]:
    """GET each of `urls` with `client.send_request`, in the client's context."""
    with client:
        return [client.send_request(httpx.Request("GET", url)) for url in urls]


def test_send_request_does_not_raise_on_error_status(server: LoopbackServer, flavour: str) -> None:
    [response] = send(client_for(flavour, server), server.operation_url("not-found"))
    assert isinstance(response, httpx.Response)
    assert response.status_code == 404
    assert len(server.requests) == 1


def test_send_request_uses_the_credential(server: LoopbackServer, flavour: str) -> None:
    [response] = send(client_for(flavour, server), server.operation_url("ok"))
    assert response.status_code == 200
    assert response.json() == SPEC_EXAMPLE
    [request] = server.requests
    assert request.header("Ocp-Apim-Subscription-Key") == API_KEY


def test_send_request_sets_the_user_agent(server: LoopbackServer, flavour: str) -> None:
    send(client_for(flavour, server), server.operation_url("ok"))
    user_agent = server.requests[0].header("User-Agent") or ""
    assert user_agent.startswith(f"face-client/{face_client.__version__}"), user_agent


def test_send_request_with_a_token(server: LoopbackServer, flavour: str) -> None:
    credential = credential_of(flavour, "token")
    url = server.operation_url("ok")
    send(client_for(flavour, server, credential), url, url)
    assert [r.header("Authorization") for r in server.requests] == [f"Bearer {TOKEN}"] * 2
    assert len(credential.calls) == 1


def test_send_request_retries(server: LoopbackServer, flavour: str) -> None:
    urls = server.operation_url("flaky"), server.operation_url("always-503")
    flaky, failing = send(client_for(flavour, server, max_retries=1), *urls)
    assert flaky.status_code == 200
    assert failing.status_code == 503
    assert len(server.requests_for("flaky")) == 2
    assert len(server.requests_for("always-503")) == 2


def test_send_request_follows_redirects_safely(
    server: LoopbackServer, other: LoopbackServer, flavour: str
) -> None:
    urls = server.operation_url("redirect-same"), server.operation_url("redirect-other")
    same, cross = send(client_for(flavour, server), *urls)
    assert same.status_code == cross.status_code == 200
    assert server.requests_for("ok")[0].header("Ocp-Apim-Subscription-Key") == API_KEY
    assert other.requests[0].header("Ocp-Apim-Subscription-Key") is None


def test_send_request_is_logged(server: LoopbackServer, flavour: str) -> None:
    url = server.operation_url("ok")
    with LogCapture() as logs:
        send(client_for(flavour, server), url)
    messages = [r.getMessage() for r in logs.client_records()]
    assert any(url in m and "200" in m and "GET" in m for m in messages), messages
    assert logs.leaks() == []


def test_send_request_bearer_over_http_is_refused(flavour: str) -> None:
    service = MockService()
    client = mock_client(flavour, service, "http://face.example", credential_of(flavour, "token"))
    url = "http://face.example/face/v1.1-preview.1/persongroups/ok/training"
    with client, pytest.raises(ClientError) as info:
        client.send_request(httpx.Request("GET", url))
    assert service.requests == []
    assert SECRET_MARK not in exception_texts(info.value)
