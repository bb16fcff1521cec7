"""The generated `face_client.AsyncClient` against its contract (the async twin of
test_client.py).

Each test is a plain function that runs its coroutine with `asyncio.run`, so no pytest
plugin is needed. Real HTTP goes to the scripted server of tests/loopback.py; a few tests use
`httpx.MockTransport`. Backoff is tiny everywhere so that nothing waits.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import sys
import time
from collections.abc import Awaitable, Coroutine, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from loopback import (
    API_KEY,
    API_PREFIX,
    NOT_FOUND_MESSAGE,
    SCOPE,
    SECRET_MARK,
    SPEC_EXAMPLE,
    TOKEN,
    AsyncCountingTransport,
    AsyncTokenCredential,
    LogCapture,
    LoopbackServer,
    MockService,
    RecordedRequest,
    TokenCredential,
    exception_chain,
    exception_texts,
    free_port,
    loopback_servers,
)

_GENERATED = str(Path(__file__).resolve().parent.parent / "generated" / "face_client")
if _GENERATED not in sys.path:
    sys.path.insert(0, _GENERATED)

import face_client
from face_client import (
    AccessToken,
    ApiError,
    ApiKeyCredential,
    AsyncClient,
    ClientError,
    DeserializationError,
    FaceErrorResponse,
    OperationStatus,
    TrainingResult,
)

T = TypeVar("T")

FAST = {"backoff_factor": 0.001}
EXAMPLE = TrainingResult.from_dict(SPEC_EXAMPLE)
EXAMPLE_TIME = datetime(2024, 3, 5, 11, 7, 58, 371000, tzinfo=timezone.utc)
BAD_IDS = [
    "../x",
    "A/B",
    "",
    "a" * 65,
    "abc\n",
    "UPPER",
    "a b",
    "a?b",
    "a#b",
    "a%2Fb",
    "é",
    "ab\r\n",
]
GOOD_IDS = ["a", "a" * 64, "0-_z", "-", "_", "group-1_x"]
READ_LIMITED = httpx.Timeout(5.0, read=0.2)
"""Each read may take 0.2 s; the whole call (the largest limit) 5 s, room for a retry."""
RETRYABLE = [408, 429, 500, 502, 503, 504]
NOT_RETRYABLE = [400, 401, 403, 404, 409, 501]
PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    yield from loopback_servers()


@pytest.fixture
def server(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[0]


@pytest.fixture
def other(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[1]


def client_for(server: LoopbackServer, credential: Any = None, **kwargs: Any) -> AsyncClient:
    options = {**FAST, **kwargs}
    return AsyncClient(server.url, credential or ApiKeyCredential(API_KEY), **options)


def mock_client(
    service: MockService, endpoint: str, credential: Any = None, **kwargs: Any
) -> AsyncClient:
    options = {**FAST, **kwargs}
    credential = credential or ApiKeyCredential(API_KEY)
    return AsyncClient(endpoint, credential, transport=service.transport(), **options)


async def fetch(client: AsyncClient, group_id: str, times: int = 1) -> TrainingResult:
    """`times` sequential calls in the client's context; the last result."""
    async with client:
        result = None
        for _ in range(times):
            result = await client.get_person_group_training_status(group_id)
        assert result is not None
        return result


async def fetch_error(client: AsyncClient, group_id: str) -> BaseException:
    """The exception one call raises (fails the test when none is raised)."""
    async with client:
        try:
            await client.get_person_group_training_status(group_id)
        except Exception as exc:  # noqa: BLE001 (the caller checks the type)
            return exc
    pytest.fail(f"no exception for {group_id!r}")


async def timed(awaitable: Awaitable[T]) -> tuple[T, float]:
    start = time.monotonic()
    result = await awaitable
    return result, time.monotonic() - start


def is_timeout(exc: BaseException) -> bool:
    timeouts = (httpx.TimeoutException, face_client.RequestTimeoutError)
    return any(isinstance(e, timeouts) for e in exception_chain(exc))


def credential_of(kind: str) -> Any:
    return {
        "key": lambda: ApiKeyCredential(API_KEY),
        "token": TokenCredential,
        "async-token": AsyncTokenCredential,
    }[kind]()


def has_credential(seen: RecordedRequest | httpx.Headers, kind: str) -> bool:
    """Whether a request (as the server or the mock transport saw it) carries the credential."""
    get = seen.header if isinstance(seen, RecordedRequest) else seen.get
    if kind == "key":
        return get("Ocp-Apim-Subscription-Key") == API_KEY
    return get("Authorization") == f"Bearer {TOKEN}"


# -- the public surface ------------------------------------------------------------------------


def test_close_is_a_coroutine_and_context_manager_works(server: LoopbackServer) -> None:
    assert inspect.iscoroutinefunction(AsyncClient.close)

    async def body() -> None:
        async with client_for(server) as client:
            assert isinstance(client, AsyncClient)
            await client.get_person_group_training_status("ok")
        other = client_for(server)
        await other.get_person_group_training_status("ok")
        assert await other.close() is None

    run(body())
    assert len(server.requests) == 2


def test_user_agent_names_the_package_version(server: LoopbackServer) -> None:
    run(fetch(client_for(server), "ok"))
    user_agent = server.requests[0].header("User-Agent") or ""
    assert user_agent.startswith(f"face-client/{face_client.__version__}"), user_agent


# -- the happy path and the URL ----------------------------------------------------------------


def test_returns_the_spec_example(server: LoopbackServer) -> None:
    result = run(fetch(client_for(server), "ok"))
    assert isinstance(result, TrainingResult)
    assert result == EXAMPLE
    assert result.status is OperationStatus.NOT_STARTED
    assert result.created_date_time == EXAMPLE_TIME
    assert result.last_action_date_time == EXAMPLE_TIME
    assert result.last_successful_training_date_time == EXAMPLE_TIME
    assert result.message is None
    assert result.to_dict() == SPEC_EXAMPLE
    [request] = server.requests
    assert request.method == "GET"
    assert request.path == f"{API_PREFIX}/persongroups/ok/training"


def test_explicit_api_version(server: LoopbackServer) -> None:
    run(fetch(client_for(server, api_version="v1.1-preview.1"), "ok"))
    assert server.requests[0].path == "/face/v1.1-preview.1/persongroups/ok/training"


@pytest.mark.parametrize("version", ["v1.0", "2099-01-01", "", "V1.1-PREVIEW.1"])
def test_api_version_outside_the_spec_enum_is_refused(version: str) -> None:
    service = MockService()
    with pytest.raises(ValueError):
        mock_client(service, "https://face.example", api_version=version)
    assert service.requests == []


@pytest.mark.parametrize(("suffix", "expected"), [("", ""), ("/mock/prefix", "/mock/prefix")])
def test_base_url_replaces_endpoint_and_version(
    server: LoopbackServer, suffix: str, expected: str
) -> None:
    client = AsyncClient(
        "https://unused.invalid", ApiKeyCredential(API_KEY), base_url=server.url + suffix, **FAST
    )
    assert run(fetch(client, "ok")) == EXAMPLE
    assert [r.path for r in server.requests] == [f"{expected}/persongroups/ok/training"]


@pytest.mark.parametrize("group_id", GOOD_IDS)
def test_valid_ids_are_sent_as_they_are(server: LoopbackServer, group_id: str) -> None:
    run(fetch(client_for(server), group_id))
    assert [r.path for r in server.requests] == [f"{API_PREFIX}/persongroups/{group_id}/training"]


def test_given_transport_is_used() -> None:
    service = MockService()
    result = run(fetch(mock_client(service, "https://face.example"), "ok"))
    assert result.status is OperationStatus.NOT_STARTED
    [request] = service.requests
    assert str(request.url) == "https://face.example/face/v1.1-preview.1/persongroups/ok/training"


def test_given_http_client_is_used(server: LoopbackServer) -> None:
    seen: list[str] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(str(request.url))

    async def body() -> None:
        async with httpx.AsyncClient(event_hooks={"request": [hook]}) as http:
            client = AsyncClient(server.url, ApiKeyCredential(API_KEY), http_client=http, **FAST)
            await client.get_person_group_training_status("ok")
            await client.close()

    run(body())
    assert seen == [server.operation_url("ok")]
    assert server.requests[0].header("Ocp-Apim-Subscription-Key") == API_KEY


# -- validation before sending ------------------------------------------------------------------


@pytest.mark.parametrize("group_id", BAD_IDS)
def test_invalid_person_group_id_is_refused_before_sending(
    server: LoopbackServer, group_id: str
) -> None:
    error = run(fetch_error(client_for(server), group_id))
    assert isinstance(error, ValueError), repr(error)
    assert "person_group_id" in str(error)
    assert server.requests == []


# -- credentials -------------------------------------------------------------------------------


def test_api_key_header(server: LoopbackServer) -> None:
    run(fetch(client_for(server), "ok"))
    [request] = server.requests
    assert request.header("Ocp-Apim-Subscription-Key") == API_KEY
    assert request.header("Authorization") is None


@pytest.mark.parametrize("kind", ["token", "async-token"])
def test_bearer_token(server: LoopbackServer, kind: str) -> None:
    credential = credential_of(kind)
    run(fetch(client_for(server, credential), "ok"))
    [request] = server.requests
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("Ocp-Apim-Subscription-Key") is None
    [(scopes, _)] = credential.calls
    assert scopes == (SCOPE,)


def test_access_token_from_the_package_is_accepted(server: LoopbackServer) -> None:
    class Credential:
        async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("pkg-token", int(time.time()) + 3600)

    run(fetch(client_for(server, Credential()), "ok"))
    assert server.requests[0].header("Authorization") == "Bearer pkg-token"


@pytest.mark.parametrize("kind", ["token", "async-token"])
def test_token_is_cached_across_requests(server: LoopbackServer, kind: str) -> None:
    credential = credential_of(kind)
    run(fetch(client_for(server, credential), "ok", times=4))
    assert len(credential.calls) == 1
    assert [r.header("Authorization") for r in server.requests] == [f"Bearer {TOKEN}"] * 4


@pytest.mark.parametrize("kind", ["token", "async-token"])
def test_concurrent_requests_share_one_token(server: LoopbackServer, kind: str) -> None:
    credential = AsyncTokenCredential(delay=0.2) if kind == "async-token" else TokenCredential()

    async def body() -> list[TrainingResult]:
        async with client_for(server, credential) as client:
            calls = [client.get_person_group_training_status("ok") for _ in range(5)]
            return list(await asyncio.gather(*calls))

    results = run(body())
    assert all(r == EXAMPLE for r in results)
    assert len(credential.calls) == 1
    assert len(server.requests) == 5


@pytest.mark.parametrize(("lifetime", "expected_calls"), [(60, 3), (240, 3), (600, 1), (7200, 1)])
@pytest.mark.parametrize("kind", ["token", "async-token"])
def test_token_is_refreshed_within_five_minutes_of_expiry(
    lifetime: int, expected_calls: int, kind: str
) -> None:
    service = MockService()
    credential = credential_of(kind)
    credential.lifetime = lifetime
    run(fetch(mock_client(service, "https://face.example", credential), "ok", times=3))
    assert len(credential.calls) == expected_calls
    assert len(service.requests) == 3


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://face.example",
        "http://10.0.0.1",
        "http://0.0.0.0:8080",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://[::2]",
    ],
)
@pytest.mark.parametrize("kind", ["token", "async-token"])
def test_bearer_over_plain_http_is_refused(endpoint: str, kind: str) -> None:
    service = MockService()
    error = run(fetch_error(mock_client(service, endpoint, credential_of(kind)), "ok"))
    assert isinstance(error, ClientError), repr(error)
    assert service.requests == []
    assert SECRET_MARK not in exception_texts(error)


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://[::1]:8080",
        "http://localhost:8080",
        "https://face.example",
    ],
)
def test_bearer_is_allowed_over_https_and_loopback(endpoint: str) -> None:
    service = MockService()
    run(fetch(mock_client(service, endpoint, AsyncTokenCredential()), "ok"))
    [request] = service.requests
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


# -- secrets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["key", "token", "async-token"])
def test_secrets_are_not_in_repr_or_str(server: LoopbackServer, kind: str) -> None:
    async def body() -> None:
        async with client_for(server, credential_of(kind)) as client:
            await client.get_person_group_training_status("ok")  # a token is cached now
            assert SECRET_MARK not in repr(client)
            assert SECRET_MARK not in str(client)

    run(body())
    key = ApiKeyCredential(API_KEY)
    assert SECRET_MARK not in repr(key) + str(key)


@pytest.mark.parametrize("group_id", ["not-found", "unauthorized", "bad-json", "html-error"])
@pytest.mark.parametrize("kind", ["key", "async-token"])
def test_secrets_are_not_in_exception_messages(
    server: LoopbackServer, group_id: str, kind: str
) -> None:
    error = run(fetch_error(client_for(server, credential_of(kind), max_retries=0), group_id))
    assert isinstance(error, ClientError), repr(error)
    assert SECRET_MARK not in exception_texts(error)


@pytest.mark.parametrize("kind", ["key", "async-token"])
def test_secrets_are_not_in_connection_errors(kind: str) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    client = AsyncClient(endpoint, credential_of(kind), max_retries=0, **FAST)
    error = run(fetch_error(client, "ok"))
    assert isinstance(error, (ClientError, httpx.HTTPError)), repr(error)
    assert SECRET_MARK not in exception_texts(error)


def test_secrets_are_never_logged(server: LoopbackServer) -> None:
    async def body() -> None:
        for kind in ("key", "async-token"):
            async with client_for(server, credential_of(kind)) as client:
                for group_id in ("ok", "flaky", "redirect-same", "redirect-other", "rate-limited"):
                    await client.get_person_group_training_status(group_id)
                with pytest.raises(ApiError):
                    await client.get_person_group_training_status("not-found")
                await client.send_request(httpx.Request("GET", server.operation_url("ok")))

    with LogCapture() as logs:
        run(body())
    assert logs.client_records(), "the client logged nothing at DEBUG"
    assert logs.leaks() == []


# -- redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["redirect-same", "redirect-relative"])
@pytest.mark.parametrize("kind", ["key", "async-token"])
def test_same_origin_redirect_keeps_credentials(
    server: LoopbackServer, group_id: str, kind: str
) -> None:
    assert run(fetch(client_for(server, credential_of(kind)), group_id)) == EXAMPLE
    first, second = server.requests
    assert second.path == f"{API_PREFIX}/persongroups/ok/training"
    for request in (first, second):
        assert has_credential(request, kind), request.headers


@pytest.mark.parametrize("group_id", ["redirect-other", "redirect-other-307"])
@pytest.mark.parametrize("kind", ["key", "async-token"])
def test_cross_origin_redirect_drops_credentials(
    server: LoopbackServer, other: LoopbackServer, group_id: str, kind: str
) -> None:
    assert run(fetch(client_for(server, credential_of(kind)), group_id)) == EXAMPLE
    assert len(server.requests) == 1
    [followed] = other.requests
    assert followed.path == f"{API_PREFIX}/persongroups/ok/training"
    assert followed.header("Ocp-Apim-Subscription-Key") is None
    assert followed.header("Authorization") is None


@pytest.mark.parametrize(
    ("location", "kept"),
    [
        ("http://127.0.0.1:8080/elsewhere/training", True),
        ("/relative/training", True),
        ("https://127.0.0.1:8080/elsewhere/training", False),  # scheme
        ("http://127.0.0.1:8081/elsewhere/training", False),  # port
        ("http://127.0.0.2:8080/elsewhere/training", False),  # host
        ("http://localhost:8080/elsewhere/training", False),  # host, though the same machine
    ],
)
@pytest.mark.parametrize("kind", ["key", "async-token"])
def test_redirect_origin_rules(location: str, kept: bool, kind: str) -> None:
    service = MockService(httpx.Response(302, headers={"Location": location}))
    run(fetch(mock_client(service, "http://127.0.0.1:8080", credential_of(kind)), "ok"))
    first, second = service.requests
    assert second.url == httpx.URL("http://127.0.0.1:8080/x").join(location)
    assert has_credential(first.headers, kind)
    assert has_credential(second.headers, kind) is kept
    if not kept:
        assert "Ocp-Apim-Subscription-Key" not in second.headers
        assert "Authorization" not in second.headers


def test_redirect_loop_is_bounded(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "redirect-loop"))
    assert isinstance(error, (ClientError, httpx.HTTPError)), repr(error)
    assert 2 <= len(server.requests) <= 25


# -- errors ------------------------------------------------------------------------------------


def test_error_status_raises_api_error(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "not-found"))
    assert isinstance(error, ApiError), repr(error)
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
    assert len(server.requests) == 1


def test_error_code_from_the_body_without_the_header(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "not-found-body-code"))
    assert isinstance(error, ApiError), repr(error)
    assert error.error_code == "PersonGroupNotFound"
    assert isinstance(error.model, FaceErrorResponse)


def test_error_code_header_wins_over_the_body(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "header-code-wins"))
    assert isinstance(error, ApiError), repr(error)
    assert error.error_code == "HeaderCode"
    assert error.model is not None
    assert error.model.error.code == "PersonGroupNotFound"


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
    server: LoopbackServer, group_id: str, status: int, code: str | None
) -> None:
    error = run(fetch_error(client_for(server, max_retries=0), group_id))
    assert isinstance(error, ApiError), repr(error)
    assert error.status_code == status
    assert error.error_code == code
    assert error.model is None
    assert error.response.status_code == status
    assert str(status) in str(error)


def test_unauthorized_is_an_api_error(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "unauthorized"))
    assert isinstance(error, ApiError), repr(error)
    assert error.status_code == 401
    assert error.error_code == "401"
    assert "Access denied" in str(error)


# -- deserialization ---------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["bad-json", "not-json-200"])
def test_a_2xx_body_that_is_not_json(server: LoopbackServer, group_id: str) -> None:
    error = run(fetch_error(client_for(server), group_id))
    assert isinstance(error, DeserializationError), repr(error)
    assert isinstance(error, ClientError)
    assert len(server.requests) == 1


def test_a_2xx_body_that_misses_a_field_names_it(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "schema-mismatch"))
    assert isinstance(error, DeserializationError), repr(error)
    assert "TrainingResult.createdDateTime" in str(error)


def test_unknown_status_is_kept(server: LoopbackServer) -> None:
    result = run(fetch(client_for(server), "unknown-enum"))
    assert result.status.value == "paused"
    assert result.to_dict() == {**SPEC_EXAMPLE, "status": "paused"}


# -- retries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["flaky", "rate-limited"])
def test_retried_then_succeeds(server: LoopbackServer, group_id: str) -> None:
    assert run(fetch(client_for(server), group_id)) == EXAMPLE
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", RETRYABLE)
def test_retryable_statuses(server: LoopbackServer, status: int) -> None:
    assert run(fetch(client_for(server), f"once-{status}")) == EXAMPLE
    assert len(server.requests) == 2


@pytest.mark.parametrize("status", NOT_RETRYABLE)
def test_other_statuses_are_not_retried(server: LoopbackServer, status: int) -> None:
    error = run(fetch_error(client_for(server), f"once-{status}"))
    assert isinstance(error, ApiError), repr(error)
    assert error.status_code == status
    assert len(server.requests) == 1


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_retries_run_out(server: LoopbackServer, max_retries: int) -> None:
    error = run(fetch_error(client_for(server, max_retries=max_retries), "always-503"))
    assert isinstance(error, ApiError), repr(error)
    assert error.status_code == 503
    assert len(server.requests) == max_retries + 1


def test_default_is_three_retries(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server), "always-503"))
    assert isinstance(error, ApiError), repr(error)
    assert len(server.requests) == 4


@pytest.mark.parametrize(
    ("group_id", "at_least"), [("retry-after-1", 0.9), ("retry-after-date", 0.8)]
)
def test_retry_after_is_honoured(server: LoopbackServer, group_id: str, at_least: float) -> None:
    # retry-after-date asks for an HTTP-date 1 to 2 seconds ahead (whole seconds).
    result, elapsed = run(timed(fetch(client_for(server), group_id)))
    assert result == EXAMPLE
    assert len(server.requests) == 2
    assert at_least <= elapsed < 5, elapsed


def test_retry_after_zero_retries_at_once(server: LoopbackServer) -> None:
    _, elapsed = run(timed(fetch(client_for(server, backoff_factor=10.0), "flaky")))
    assert len(server.requests) == 2
    assert elapsed < 1.5, elapsed


def test_backoff_max_caps_the_wait(server: LoopbackServer) -> None:
    client = client_for(server, backoff_factor=30.0, backoff_max=0.05)
    _, elapsed = run(timed(fetch(client, "no-retry-after")))
    assert len(server.requests) == 3
    assert elapsed < 2, elapsed


@pytest.mark.parametrize("max_retries", [0, 2])
def test_connection_errors_are_retried(max_retries: int) -> None:
    transport = AsyncCountingTransport()
    endpoint = f"http://127.0.0.1:{free_port()}"
    client = AsyncClient(
        endpoint, ApiKeyCredential(API_KEY), transport=transport, max_retries=max_retries, **FAST
    )
    error = run(fetch_error(client, "ok"))
    assert isinstance(error, (ClientError, httpx.HTTPError)), repr(error)
    assert any(isinstance(e, httpx.TransportError) for e in exception_chain(error))
    assert transport.attempts == max_retries + 1


def test_a_connection_error_then_success() -> None:
    service = MockService(httpx.ConnectError("refused"))
    assert run(fetch(mock_client(service, "https://face.example"), "ok")) == EXAMPLE
    assert len(service.requests) == 2


@pytest.mark.parametrize("max_retries", [0, 1])
def test_a_read_timeout_is_retried_within_the_total(
    server: LoopbackServer, max_retries: int
) -> None:
    client = client_for(server, timeout=READ_LIMITED, max_retries=max_retries)
    error, elapsed = run(timed(fetch_error(client, "slow")))
    assert isinstance(error, (ClientError, httpx.HTTPError)), repr(error)
    assert is_timeout(error), exception_texts(error)
    assert len(server.requests) == max_retries + 1
    assert elapsed < 0.9 * (max_retries + 1), elapsed  # the server answers after 1 s


def test_timeout_as_httpx_timeout(server: LoopbackServer) -> None:
    error = run(fetch_error(client_for(server, timeout=httpx.Timeout(0.2), max_retries=0), "slow"))
    assert is_timeout(error), exception_texts(error)
    assert len(server.requests) == 1


def test_a_timeout_then_success(server: LoopbackServer) -> None:
    assert run(fetch(client_for(server, timeout=READ_LIMITED, max_retries=1), "slow-once")) == EXAMPLE
    assert len(server.requests) == 2


# -- logging -----------------------------------------------------------------------------------


def _attempt_logged(message: str, attempt: int) -> bool:
    return bool(
        re.search(rf"attempt\D{{0,4}}{attempt}\b", message, re.IGNORECASE)
        or re.search(rf"(?<![\d.]){attempt}\s*/\s*\d+\b", message)
    )


def _duration_logged(message: str) -> bool:
    return bool(re.search(r"\d+(\.\d+)?\s?(ms|s)\b", message))


def test_each_attempt_is_logged_at_debug(server: LoopbackServer) -> None:
    url = server.operation_url("flaky")
    with LogCapture() as logs:
        run(fetch(client_for(server), "flaky"))
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


async def send(client: AsyncClient, *urls: str) -> list[httpx.Response]:
    async with client:
        return [await client.send_request(httpx.Request("GET", url)) for url in urls]


def test_send_request_does_not_raise_on_error_status(server: LoopbackServer) -> None:
    [response] = run(send(client_for(server), server.operation_url("not-found")))
    assert isinstance(response, httpx.Response)
    assert response.status_code == 404
    assert len(server.requests) == 1


def test_send_request_uses_the_credential(server: LoopbackServer) -> None:
    [response] = run(send(client_for(server), server.operation_url("ok")))
    assert response.status_code == 200
    assert response.json() == SPEC_EXAMPLE
    assert server.requests[0].header("Ocp-Apim-Subscription-Key") == API_KEY


def test_send_request_sets_the_user_agent(server: LoopbackServer) -> None:
    run(send(client_for(server), server.operation_url("ok")))
    user_agent = server.requests[0].header("User-Agent") or ""
    assert user_agent.startswith(f"face-client/{face_client.__version__}"), user_agent


def test_send_request_with_a_token(server: LoopbackServer) -> None:
    credential = AsyncTokenCredential()
    url = server.operation_url("ok")
    run(send(client_for(server, credential), url, url))
    assert [r.header("Authorization") for r in server.requests] == [f"Bearer {TOKEN}"] * 2
    assert len(credential.calls) == 1


def test_send_request_retries(server: LoopbackServer) -> None:
    urls = server.operation_url("flaky"), server.operation_url("always-503")
    flaky, failing = run(send(client_for(server, max_retries=1), *urls))
    assert flaky.status_code == 200
    assert failing.status_code == 503
    assert len(server.requests_for("flaky")) == 2
    assert len(server.requests_for("always-503")) == 2


def test_send_request_follows_redirects_safely(
    server: LoopbackServer, other: LoopbackServer
) -> None:
    urls = server.operation_url("redirect-same"), server.operation_url("redirect-other")
    same, cross = run(send(client_for(server), *urls))
    assert same.status_code == cross.status_code == 200
    assert server.requests_for("ok")[0].header("Ocp-Apim-Subscription-Key") == API_KEY
    assert other.requests[0].header("Ocp-Apim-Subscription-Key") is None


def test_send_request_is_logged(server: LoopbackServer) -> None:
    url = server.operation_url("ok")
    with LogCapture() as logs:
        run(send(client_for(server), url))
    messages = [r.getMessage() for r in logs.client_records()]
    assert any(url in m and "200" in m and "GET" in m for m in messages), messages
    assert logs.leaks() == []


def test_send_request_bearer_over_http_is_refused() -> None:
    service = MockService()
    client = mock_client(service, "http://face.example", AsyncTokenCredential())
    url = "http://face.example/face/v1.1-preview.1/persongroups/ok/training"

    async def body() -> BaseException:
        async with client:
            with pytest.raises(ClientError) as info:
                await client.send_request(httpx.Request("GET", url))
            return info.value

    error = run(body())
    assert service.requests == []
    assert SECRET_MARK not in exception_texts(error)
