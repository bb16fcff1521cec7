"""The generated client's long-running "Train Person Group" over real HTTP.

`begin_train_person_group` (and `person_group.begin_train`) against the scripted server of
tests/support/loopback.py: the POST that starts training, then the status GETs of "Get Person
Group Training Status" through the client's own pipeline (credentials, retries, errors), until
the poller sees succeeded or failed. The poller's timing is covered with a fake clock in
tests/runtime/test_polling_runtime.py; here every wait is `polling_interval=0` and
`Retry-After: 0`, except where a test is about the wait itself.

Each behaviour is written once, with the blocking surface, and runs on both clients: the
`flavour` fixture of tests/conftest.py picks `Client` or `AsyncClient`, which
tests/support/loopback.py's `Blocking` presents as blocking (its `begin_` pollers too, so
`poller.result()` is awaited on the client's loop).
"""

from __future__ import annotations

import base64
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.client_kit import API_KEY, SECRET_MARK, TOKEN, client_of, token_credential
from support.loopback import (
    API_PREFIX,
    NOT_FOUND_BODY,
    NOT_FOUND_MESSAGE,
    LoopbackServer,
    RecordedRequest,
    Reply,
    accepted,
    error_reply,
    training,
)

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    ApiError,
    ApiKeyCredential,
    ClientError,
    FaceErrorResponse,
    OperationFailedError,
    OperationStatus,
    PollingTimeoutError,
    TrainingResult,
)

OPERATION = "PersonGroupOperations_TrainPersonGroup"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
FAST = {"backoff_factor": 0.001}
START = accepted(retry_after="0")
"""The 202 that starts training and asks for no wait before the first status request."""
WALK = (training("notStarted"), training("running"), training("succeeded"))
FAILURE_MESSAGE = "There is no face in the person group."


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


def client_for(flavour: str, server: LoopbackServer, credential: Any = None, **kwargs: Any) -> Any:
    """A Client, or an AsyncClient behind `Blocking`; an API key and tiny backoff unless given."""
    credential = credential or ApiKeyCredential(API_KEY)
    return client_of(face_client, flavour, server.url, credential, **{**FAST, **kwargs})


def script_walk(server: LoopbackServer, group_id: str, *status_replies: Reply) -> None:
    """The start is accepted (Retry-After 0); the status GETs answer `status_replies`
    (notStarted, running, succeeded unless given)."""
    server.script_train(group_id, START)
    server.script(group_id, *(status_replies or WALK))


def train_path(group_id: str) -> str:
    return f"{API_PREFIX}/persongroups/{group_id}/train"


def status_path(group_id: str) -> str:
    return f"{API_PREFIX}/persongroups/{group_id}/training"


def shape(requests: list[RecordedRequest]) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in requests]


def walked(group_id: str, gets: int) -> list[tuple[str, str]]:
    """One POST to start `group_id`'s training, then `gets` status GETs."""
    return [("POST", train_path(group_id))] + [("GET", status_path(group_id))] * gets


def assert_succeeded(result: object) -> None:
    assert isinstance(result, TrainingResult)
    assert result.status is OperationStatus.SUCCEEDED


def token_with(token: str, **changes: Any) -> str:
    """`token` decoded, with some of its fields changed, encoded again."""
    text = token + "=" * (-len(token) % 4)
    payload = json.loads(base64.urlsafe_b64decode(text))
    payload.update(changes)
    raw = json.dumps(payload).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# -- the loopback server's train route ---------------------------------------------------------


def test_plain_train_gets_202_with_the_status_url(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        headers = client.train_person_group("lro-plain")
    assert headers.operation_location == server.operation_url("lro-plain")
    [post] = server.requests
    assert (post.method, post.path, post.route, post.body) == (
        "POST",
        train_path("lro-plain"),
        "train",
        b"",
    )


def test_status_url_follows_the_prefix_the_client_used(
    server: LoopbackServer, flavour: str
) -> None:
    base_url = f"{server.origin}/proxy/face"
    with client_for(flavour, server, base_url=base_url) as client:
        headers = client.train_person_group("lro-prefix")
    assert headers.operation_location == f"{base_url}/persongroups/lro-prefix/training"


def test_unscripted_training_succeeds(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        before = client.get_person_group_training_status("lro-default")
        result = client.begin_train_person_group("lro-default", polling_interval=0).result()
    assert before.status is OperationStatus.NOT_STARTED  # the spec's example until trained
    assert_succeeded(result)
    assert shape(server.requests) == [
        ("GET", status_path("lro-default")),
        *walked("lro-default", 1),
    ]


def test_wrong_method_on_a_route_is_405(server: LoopbackServer) -> None:
    with httpx.Client() as http:
        assert http.post(server.operation_url("ok")).status_code == 405
        assert http.get(server.train_url("ok")).status_code == 405
    assert [(r.method, r.route) for r in server.requests] == [
        ("POST", "training"),
        ("GET", "train"),
    ]


# -- the operation, on both clients ---------------------------------------------------------


def test_training_walks_to_succeeded(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-walk")
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-walk", polling_interval=0)
        assert shape(server.requests) == walked("lro-walk", 0)
        assert not poller.done()
        result = poller.result()
    assert_succeeded(result)
    assert poller.done()
    assert poller.status() == "succeeded"
    requests = server.requests
    assert shape(requests) == walked("lro-walk", 3)
    assert [r.route for r in requests] == ["train", "training", "training", "training"]
    assert all(r.header(KEY_HEADER) == API_KEY for r in requests)
    assert requests[0].body == b""


def test_bearer_token_is_on_the_start_and_every_status_request(
    server: LoopbackServer, flavour: str
) -> None:
    script_walk(server, "lro-bearer")
    credential = token_credential(flavour)  # a coroutine get_token for the AsyncClient
    with client_for(flavour, server, credential) as client:
        assert_succeeded(client.begin_train_person_group("lro-bearer", polling_interval=0).result())
    requests = server.requests
    assert shape(requests) == walked("lro-bearer", 3)
    assert all(r.header("Authorization") == f"Bearer {TOKEN}" for r in requests)
    assert all(r.header(KEY_HEADER) is None for r in requests)
    assert len(credential.calls) == 1  # cached across the start and the polls


def test_failed_training_raises_operation_failed(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-fail", training("running"), training("failed", FAILURE_MESSAGE))
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-fail", polling_interval=0)
        with pytest.raises(OperationFailedError) as caught:
            poller.result()
        assert poller.wait() is True  # ended, and wait() never raises for a failure
    error = caught.value
    assert isinstance(error, ClientError)
    assert FAILURE_MESSAGE in str(error)
    assert error.status == "failed"
    assert error.message == FAILURE_MESSAGE
    assert error.operation == OPERATION
    assert isinstance(error.result, TrainingResult)
    assert error.result.status is OperationStatus.FAILED
    assert error.result.message == FAILURE_MESSAGE
    assert poller.done()
    assert poller.status() == "failed"
    assert shape(server.requests) == walked("lro-fail", 2)


def test_429_while_polling_is_retried_by_the_pipeline(server: LoopbackServer, flavour: str) -> None:
    script_walk(
        server,
        "lro-429",
        training("running"),
        error_reply(429, "RateLimitExceeded", "Slow down.", retry_after="0"),
        training("succeeded"),
    )
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-429", polling_interval=0)
        assert poller.poll() == "running"
        assert poller.poll() == "succeeded"  # one poll: the 429 never reached the poller
        assert_succeeded(poller.result())
    requests = server.requests
    assert shape(requests) == walked("lro-429", 3)
    assert all(r.header(KEY_HEADER) == API_KEY for r in requests)


def test_429_while_polling_without_retries_is_an_api_error(
    server: LoopbackServer, flavour: str
) -> None:
    script_walk(
        server,
        "lro-429-once",
        error_reply(429, "RateLimitExceeded", "Slow down.", retry_after="0"),
        training("succeeded"),
    )
    with client_for(flavour, server, max_retries=0) as client:
        poller = client.begin_train_person_group("lro-429-once", polling_interval=0)
        with pytest.raises(ApiError) as caught:
            poller.result()
        assert caught.value.status_code == 429
        assert not poller.done()
        assert_succeeded(poller.result())  # the poller goes on after an error
    assert shape(server.requests) == walked("lro-429-once", 2)


def test_404_while_polling_raises_api_error(server: LoopbackServer, flavour: str) -> None:
    script_walk(
        server,
        "lro-gone",
        training("running"),
        Reply(404, NOT_FOUND_BODY, {"x-ms-error-code": "PersonGroupNotFound"}),
    )
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-gone", polling_interval=0)
        with pytest.raises(ApiError) as caught:
            poller.result()
    error = caught.value
    assert error.status_code == 404
    assert error.error_code == "PersonGroupNotFound"
    assert error.service_message == NOT_FOUND_MESSAGE
    assert NOT_FOUND_MESSAGE in str(error)
    assert not poller.done()
    assert poller.status() == "running"
    assert shape(server.requests) == walked("lro-gone", 2)  # a 404 is not retried


def test_refused_start_raises_api_error_and_never_polls(
    server: LoopbackServer, flavour: str
) -> None:
    message = "Person group has no persons."
    server.script_train("lro-refused", error_reply(400, "BadArgument", message))
    with client_for(flavour, server) as client, pytest.raises(ApiError) as caught:
        client.begin_train_person_group("lro-refused", polling_interval=0)
    error = caught.value
    assert error.status_code == 400
    assert error.error_code == "BadArgument"
    assert error.service_message == message
    assert isinstance(error.model, FaceErrorResponse)
    assert shape(server.requests) == [("POST", train_path("lro-refused"))]


def test_refused_start_is_not_retried(server: LoopbackServer, flavour: str) -> None:
    server.script_train(
        "lro-busy", error_reply(503, "ServiceUnavailable", "Try again.", retry_after="0"), START
    )
    with client_for(flavour, server) as client, pytest.raises(ApiError) as caught:
        client.begin_train_person_group("lro-busy", polling_interval=0)
    assert caught.value.status_code == 503
    assert shape(server.requests) == [("POST", train_path("lro-busy"))]


def test_timeout_raises_then_the_poller_goes_on(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-slow", training("running", retry_after="5"), training("succeeded"))
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-slow", polling_interval=0)
        started = time.monotonic()
        with pytest.raises(PollingTimeoutError) as caught:
            poller.result(timeout=0.2)
        elapsed = time.monotonic() - started
        error = caught.value
        assert isinstance(error, TimeoutError)
        assert isinstance(error, ClientError)
        assert (error.operation, error.status, error.timeout) == (OPERATION, "running", 0.2)
        assert 0.1 <= elapsed < 2.5  # waited for the timeout, not for the Retry-After of 5 s
        assert not poller.done()
        assert poller.status() == "running"
        assert shape(server.requests) == walked("lro-slow", 1)
        with pytest.raises(PollingTimeoutError):  # still within the asked 5 s: no request
            poller.result(timeout=0.05)
        assert shape(server.requests) == walked("lro-slow", 1)
        assert poller.poll() == "succeeded"
        assert_succeeded(poller.result(timeout=0.2))
    assert shape(server.requests) == walked("lro-slow", 2)


def test_timeout_before_the_first_poll(server: LoopbackServer, flavour: str) -> None:
    server.script_train("lro-later", accepted(retry_after="5"))
    server.script("lro-later", training("succeeded"))
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-later", polling_interval=0)
        started = time.monotonic()
        with pytest.raises(PollingTimeoutError) as caught:
            poller.result(timeout=0.2)
        assert time.monotonic() - started < 2.5
        assert caught.value.status == "InProgress"
        assert shape(server.requests) == walked("lro-later", 0)
        assert poller.poll() == "succeeded"
        assert_succeeded(poller.result())
    assert shape(server.requests) == walked("lro-later", 1)


def test_resume_in_a_new_client_polls_without_starting_again(
    server: LoopbackServer, flavour: str
) -> None:
    script_walk(server, "lro-resume")
    with client_for(flavour, server) as first:
        poller = first.begin_train_person_group("lro-resume", polling_interval=0)
        assert poller.poll() == "notStarted"
        token = poller.continuation_token()
    assert API_KEY not in token
    assert SECRET_MARK not in base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    seen = len(server.requests)
    with client_for(flavour, server) as second:  # has started nothing itself
        for bad in ("garbage!", token_with(token, operation="Other")):
            with pytest.raises(ValueError, match="continuation token"):
                second.resume_train_person_group(bad)
        resumed = second.resume_train_person_group(token)
        assert not resumed.done()
        assert resumed.polling_interval == 0
        assert_succeeded(resumed.result())
    new = server.requests[seen:]
    assert shape(new) == [("GET", status_path("lro-resume"))] * 2
    assert all(r.header(KEY_HEADER) == API_KEY for r in new)
    assert shape(server.requests) == walked("lro-resume", 3)


def test_resume_refuses_other_tokens(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-token")
    with client_for(flavour, server) as client:
        token = client.begin_train_person_group(
            "lro-token", polling_interval=0
        ).continuation_token()
        seen = len(server.requests)
        bad = [
            token_with(token, operation="PersonGroupOperations_GetPersonGroupTrainingStatus"),
            token_with(token, operation="Other"),
            token_with(token, v=99),
            "garbage!",
            "Z2FyYmFnZQ",  # base64 of "garbage"
            "",
            token[: len(token) // 2],
        ]
        for text in bad:
            with pytest.raises(ValueError, match="continuation token"):
                client.resume_train_person_group(text)
            with pytest.raises(ValueError, match="continuation token"):
                client.person_group.resume_train(text)
        assert_succeeded(client.resume_train_person_group(token).result())  # the real one works
    assert len(server.requests) == seen + 3


def test_done_status_and_wait_step_by_step(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-steps", training("notStarted", retry_after="5"), training("succeeded"))
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-steps", polling_interval=0)
        assert not poller.done()
        assert poller.status() == "InProgress"
        assert poller.wait(timeout=0) is False  # looks, sends nothing
        assert shape(server.requests) == walked("lro-steps", 0)
        assert poller.poll() == "notStarted"
        assert (poller.done(), poller.status()) == (False, "notStarted")
        assert poller.wait(timeout=0.05) is False  # the service asked for 5 s
        assert shape(server.requests) == walked("lro-steps", 1)
        assert poller.poll() == "succeeded"
        assert (poller.done(), poller.status()) == (True, "succeeded")
        assert poller.wait() is True
        assert poller.wait(timeout=0) is True
        assert poller.poll() == "succeeded"  # ended: no more requests
        assert_succeeded(poller.result())
    assert shape(server.requests) == walked("lro-steps", 2)


@pytest.mark.parametrize(
    ("header", "value", "seconds"),
    [("retry-after-ms", "300", 0.3), ("Retry-After", "1", 1.0)],
)
def test_retry_after_of_the_start_delays_the_first_poll(
    server: LoopbackServer, flavour: str, header: str, value: str, seconds: float
) -> None:
    server.script_train("lro-wait", accepted(headers={header: value}))
    server.script("lro-wait", training("succeeded"))
    with client_for(flavour, server) as client:
        poller = client.begin_train_person_group("lro-wait", polling_interval=0)
        assert_succeeded(poller.result())
    post, get = server.requests
    assert (post.method, get.method) == ("POST", "GET")
    assert seconds <= get.at - post.at < seconds + 2.0


def test_retry_after_of_a_status_response_delays_the_next_poll(
    server: LoopbackServer, flavour: str
) -> None:
    script_walk(
        server,
        "lro-wait-status",
        Reply(200, training("running").body, {"retry-after-ms": "300"}),
        training("succeeded"),
    )
    with client_for(flavour, server) as client:
        assert_succeeded(
            client.begin_train_person_group("lro-wait-status", polling_interval=0).result()
        )
    _, first, second = server.requests
    assert 0.3 <= second.at - first.at < 2.3


def test_sub_client_begin_and_resume(server: LoopbackServer, flavour: str) -> None:
    script_walk(server, "lro-sub")
    script_walk(server, "lro-sub-result")
    with client_for(flavour, server) as client:
        poller = client.person_group.begin_train("lro-sub", polling_interval=0)
        assert poller.poll() == "notStarted"
        resumed = client.person_group.resume_train(poller.continuation_token())
        assert_succeeded(resumed.result())
        direct = client.person_group.begin_train("lro-sub-result", polling_interval=0)
        assert_succeeded(direct.result())
    requests = server.requests_for("lro-sub")
    assert shape(requests) == walked("lro-sub", 3)
    assert all(r.header(KEY_HEADER) == API_KEY for r in requests)
    assert shape(server.requests_for("lro-sub-result")) == walked("lro-sub-result", 3)


def test_invalid_group_id_sends_nothing(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(ValueError):
        client.begin_train_person_group("Not/Valid", polling_interval=0)
    assert server.requests == []


def test_a_bad_polling_interval_is_refused_before_anything_is_sent(
    server: LoopbackServer, flavour: str
) -> None:
    with client_for(flavour, server) as client:
        for bad in (-1.0, float("nan"), float("inf")):
            with pytest.raises(ValueError, match="polling_interval"):
                client.begin_train_person_group("group-1", polling_interval=bad)
    assert server.requests == []
