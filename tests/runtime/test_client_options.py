"""The generated client's per-call options, `with_options`, raw responses and error classes
by status, over real HTTP to the scripted loopback server of tests/support/loopback.py.

- Every operation method (flat, group, `begin_`) takes `timeout`, `max_response_size`,
  `max_retries`, `extra_headers` and `extra_query` for one call.
- `client.with_options(...)` is a client of the same class on the same httpx client and
  credential, with other defaults; closing it leaves the shared connections open.
- `client.with_raw_response.<method>(...)` returns an `ApiResponse`.
- An error status raises the ApiError subclass it names, with the service's request id.

Each behaviour is written once and runs on `Client` and `AsyncClient` (the `flavour`
fixture; `Blocking` presents the AsyncClient, its raw-response objects included, as
blocking).
"""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.client_kit import API_KEY, Blocking, client_of, unwrapped
from support.loopback import API_PREFIX, SPEC_EXAMPLE, LoopbackServer, Reply, accepted

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    ApiError,
    ApiKeyCredential,
    ApiResponse,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    TrainingResult,
    UnprocessableEntityError,
)

KEY_HEADER = "Ocp-Apim-Subscription-Key"
EXAMPLE = TrainingResult.from_dict(SPEC_EXAMPLE)
FAST: dict[str, Any] = {"backoff_factor": 0.001}


def client_for(flavour: str, server: LoopbackServer, **kwargs: Any) -> Any:
    """A Client, or an AsyncClient behind `Blocking`, with an API key and tiny backoff."""
    return client_of(
        face_client, flavour, server.url, ApiKeyCredential(API_KEY), **{**FAST, **kwargs}
    )


def training_requests(server: LoopbackServer, group_id: str) -> list[Any]:
    return server.requests_for(group_id, route="training")


# -- per-call options ------------------------------------------------------------------


def test_timeout_per_call(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, timeout=30.0, max_retries=0) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            client.get_person_group_training_status("slow", timeout=0.3)
        assert caught.value.timeout == pytest.approx(0.3)
        # The client's own timeout is untouched by the call's.
        assert client.get_person_group_training_status("slow") == EXAMPLE


@pytest.mark.parametrize(("retries", "attempts"), [(0, 1), (2, 3)])
def test_max_retries_per_call(
    server: LoopbackServer, flavour: str, retries: int, attempts: int
) -> None:
    with client_for(flavour, server, max_retries=1) as client, pytest.raises(ServerError):
        client.get_person_group_training_status("always-503", max_retries=retries)
    assert len(training_requests(server, "always-503")) == attempts


def test_max_retries_per_call_on_a_group_method(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, max_retries=0) as client:
        assert client.person_group.get_training_status("flaky", max_retries=1) == EXAMPLE
    assert len(training_requests(server, "flaky")) == 2


def test_negative_max_retries_is_refused_before_sending(
    server: LoopbackServer, flavour: str
) -> None:
    with client_for(flavour, server) as client, pytest.raises(ValueError, match="max_retries"):
        client.get_person_group_training_status("ok", max_retries=-1)
    assert server.requests == []


def test_extra_headers_are_sent_and_the_credential_wins(
    server: LoopbackServer, flavour: str
) -> None:
    with client_for(flavour, server) as client:
        client.get_person_group_training_status(
            "ok",
            extra_headers={"X-Trace": "abc", KEY_HEADER.lower(): "forged", "Accept": "*/*"},
        )
    [sent] = server.requests
    assert sent.header("X-Trace") == "abc"
    assert sent.header(KEY_HEADER) == API_KEY
    assert [k for k, _ in sent.headers if k.lower() == KEY_HEADER.lower()] == [KEY_HEADER]
    assert sent.header("Accept") == "*/*"


@pytest.mark.parametrize(
    "headers", [{"X-Evil": "a\r\nX-Forged: 1"}, {"X-Evil": "a\nb"}, {"X-Evil\r\n": "a"}]
)
def test_extra_header_with_cr_or_lf_is_refused_before_sending(
    server: LoopbackServer, flavour: str, headers: dict[str, str]
) -> None:
    with client_for(flavour, server) as client:
        with pytest.raises(InvalidRequestError):
            client.get_person_group_training_status("ok", extra_headers=headers)
        with pytest.raises(InvalidRequestError):
            client.with_options(headers=headers)
    assert server.requests == []


def test_extra_query_is_appended(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        client.person_group.get_training_status("ok", extra_query={"a": "1", "b": "x y&z"})
    [sent] = server.requests
    assert sent.path == f"{API_PREFIX}/persongroups/ok/training?a=1&b=x+y%26z"


def test_extra_headers_stay_on_the_api_origin_across_redirects(
    server: LoopbackServer, other: LoopbackServer, flavour: str
) -> None:
    with client_for(flavour, server) as client:
        derived = client.with_options(headers={"X-Default": "d"})
        for group_id in ("redirect-same", "redirect-other"):
            derived.get_person_group_training_status(group_id, extra_headers={"X-Call": "c"})
    first, same, redirect_other = server.requests
    for sent in (first, same, redirect_other):
        assert (sent.header("X-Call"), sent.header("X-Default")) == ("c", "d")
    [followed] = other.requests
    assert followed.header("X-Call") is None
    assert followed.header("X-Default") is None
    assert followed.header(KEY_HEADER) is None


def test_begin_takes_the_options_for_its_first_request(
    server: LoopbackServer, flavour: str
) -> None:
    server.script_train("g", accepted(retry_after="0"))
    with client_for(flavour, server) as client:
        poller = client.person_group.begin_train(
            "g", polling_interval=0, extra_headers={"X-Start": "1"}, extra_query={"q": "v"}
        )
        assert poller.result() is not None
    [start] = server.requests_for("g", route="train")
    assert start.header("X-Start") == "1"
    assert start.path.endswith("/train?q=v")


# -- with_options ------------------------------------------------------------------------


def test_with_options_shares_the_connections_and_the_credential(
    server: LoopbackServer, flavour: str
) -> None:
    client = client_for(flavour, server)
    derived = client.with_options(timeout=5.0)
    assert type(unwrapped(derived)) is type(unwrapped(client))
    assert unwrapped(derived)._http is unwrapped(client)._http
    assert unwrapped(derived)._pipeline._auth is unwrapped(client)._pipeline._auth
    # The derived client's group sends through the derived pipeline (its defaults), not the first's.
    assert unwrapped(derived.person_group)._pipeline is unwrapped(derived)._pipeline
    assert unwrapped(client.person_group)._pipeline is unwrapped(client)._pipeline
    assert derived.get_person_group_training_status("ok") == EXAMPLE
    derived.close()
    assert not unwrapped(client)._http.is_closed
    assert client.get_person_group_training_status("ok") == EXAMPLE
    client.close()
    assert unwrapped(client)._http.is_closed
    assert all(r.header(KEY_HEADER) == API_KEY for r in server.requests)


def test_with_options_headers_and_query_go_on_every_call(
    server: LoopbackServer, flavour: str
) -> None:
    with client_for(flavour, server) as client:
        derived = client.with_options(headers={"X-Tenant": "t1"}, query={"trace": "1"})
        derived.get_person_group_training_status("ok")
        derived.person_group.get_training_status("ok", extra_headers={"x-tenant": "t2"})
        derived.with_options(headers={"X-More": "m"}).get_person_group_training_status("ok")
        client.get_person_group_training_status("ok")
    flat, group, twice, plain = server.requests
    assert flat.header("X-Tenant") == "t1"
    assert flat.path.endswith("/training?trace=1")
    assert [v for k, v in group.headers if k.lower() == "x-tenant"] == ["t2"]
    assert (twice.header("X-Tenant"), twice.header("X-More")) == ("t1", "m")
    assert plain.header("X-Tenant") is None
    assert plain.path.endswith("/training")


def test_with_options_sets_retries_and_timeout(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, max_retries=3) as client:
        with pytest.raises(ServerError):
            client.with_options(max_retries=0).get_person_group_training_status("always-503")
        assert len(training_requests(server, "always-503")) == 1
        with pytest.raises(RequestTimeoutError):
            client.with_options(timeout=0.3).get_person_group_training_status("slow")
        with pytest.raises(ValueError, match="max_retries"):
            client.with_options(max_retries=-1)


# -- raw responses ---------------------------------------------------------------------


def test_raw_response(server: LoopbackServer, flavour: str) -> None:
    server.script("g", Reply(body=SPEC_EXAMPLE, headers={"apim-request-id": "apim-1"}))
    with client_for(flavour, server) as client:
        raw = client.with_raw_response.get_person_group_training_status("g")
    assert isinstance(raw, ApiResponse)
    assert raw.parsed == EXAMPLE
    assert raw.status_code == 200
    assert raw.headers["content-type"] == "application/json"
    assert raw.request_id == "apim-1"
    assert isinstance(raw.elapsed, float) and raw.elapsed >= 0
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.http_response.json() == SPEC_EXAMPLE
    assert KEY_HEADER.lower() not in raw.http_response.request.headers


def test_raw_response_of_a_group_method_takes_its_options(
    server: LoopbackServer, flavour: str
) -> None:
    server.script(
        "g",
        Reply(503, b"", {"Retry-After": "0"}, "text/plain"),
        Reply(body=SPEC_EXAMPLE, headers={"x-request-id": "later", "x-ms-request-id": "ms-2"}),
    )
    with client_for(flavour, server, max_retries=0) as client:
        raw = client.with_raw_response.person_group.get_training_status(
            "g", max_retries=1, extra_headers={"X-Raw": "1"}
        )
    assert raw.parsed == EXAMPLE
    assert raw.request_id == "ms-2"  # x-ms-request-id comes first
    assert all(r.header("X-Raw") == "1" for r in server.requests)
    assert len(server.requests) == 2


def test_raw_response_of_begin_is_the_first_response(
    server: LoopbackServer, flavour: str
) -> None:
    server.script_train("g", accepted(retry_after="0", headers={"request-id": "start-1"}))
    with client_for(flavour, server) as client:
        raw = client.with_raw_response.begin_train_person_group("g", polling_interval=0)
        assert raw.status_code == 202
        assert raw.request_id == "start-1"
        poller = client.view(raw.parsed) if isinstance(client, Blocking) else raw.parsed
        assert poller.result() is not None


def test_raw_response_raises_as_the_method_does(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        with pytest.raises(NotFoundError):
            client.with_raw_response.get_person_group_training_status("not-found")
        # A later plain call is not recorded anywhere: nothing is left over.
        assert client.get_person_group_training_status("ok") == EXAMPLE


# -- error classes by status -------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (418, ApiError),
        (412, ApiError),
    ],
)
def test_error_class_by_status(
    server: LoopbackServer, flavour: str, status: int, error: type[ApiError]
) -> None:
    server.script(
        "g",
        Reply(status, {"error": {"code": "C", "message": "m"}}, {"x-ms-request-id": "rid-9"}),
    )
    with client_for(flavour, server, max_retries=0) as client, pytest.raises(ApiError) as caught:
        client.get_person_group_training_status("g")
    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.request_id == "rid-9"
    assert caught.value.error_code == "C"


def test_request_id_is_none_without_one(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises(NotFoundError) as caught:
        client.get_person_group_training_status("not-found")
    assert caught.value.request_id is None


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"x-ms-retry-after-ms": "250"}, 0.25),
        ({}, None),
    ],
)
def test_rate_limit_error_says_how_long_to_wait(
    server: LoopbackServer, flavour: str, headers: dict[str, str], seconds: float | None
) -> None:
    server.script("g", Reply(429, {"error": {"code": "TooMany", "message": "m"}}, headers))
    with client_for(flavour, server) as client, pytest.raises(RateLimitError) as caught:
        client.get_person_group_training_status("g", max_retries=0)
    assert caught.value.retry_after == seconds


# -- what only one client has ---------------------------------------------------------------


def test_concurrent_raw_calls_each_get_their_own_response(server: LoopbackServer) -> None:
    """Each task of `asyncio.gather` runs in its own copy of the context: no raw call sees
    another's response."""
    for index in range(4):
        server.script(f"g{index}", Reply(body=SPEC_EXAMPLE, headers={"request-id": f"r{index}"}))

    async def main() -> list[str | None]:
        async with face_client.AsyncClient(server.url, ApiKeyCredential(API_KEY)) as client:
            raws = await asyncio.gather(
                *(
                    client.with_raw_response.get_person_group_training_status(f"g{index}")
                    for index in range(4)
                )
            )
        return [raw.request_id for raw in raws]

    assert asyncio.run(main()) == ["r0", "r1", "r2", "r3"]


def test_raw_calls_on_threads_each_get_their_own_response(server: LoopbackServer) -> None:
    for index in range(4):
        server.script(f"t{index}", Reply(body=SPEC_EXAMPLE, headers={"request-id": f"r{index}"}))
    with face_client.Client(server.url, ApiKeyCredential(API_KEY)) as client:
        raw = client.with_raw_response.get_person_group_training_status
        with ThreadPoolExecutor(4) as pool:
            ids = list(pool.map(lambda index: raw(f"t{index}").request_id, range(4)))
    assert ids == ["r0", "r1", "r2", "r3"]
