"""The generated `face_client.Client` and `face_client.AsyncClient` against their contract.

Each behaviour is written once, with the blocking surface, and runs on both clients: the
`flavour` fixture (or a `flavour` parameter) is `sync` or `async`, and `tests/loopback.py`'s
`Blocking` presents the AsyncClient as a blocking one (each coroutine run on a loop it owns,
`async with` as `with`). What only one client has is at the end, grouped by client: threads
on `Client`, `asyncio.gather` and coroutine credentials on `AsyncClient`.

Most tests talk real HTTP to the scripted server of tests/loopback.py; a few use
`httpx.MockTransport` where a real server cannot show the point (other schemes and hosts,
token caching, nothing-sent checks). Backoff is tiny everywhere so that nothing waits.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

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
    Blocking,
    CountingTransport,
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
    UNSET,
    AccessToken,
    ApiError,
    ApiKeyCredential,
    AsyncClient,
    Client,
    ClientError,
    DeserializationError,
    FaceErrorResponse,
    OperationStatus,
    TrainingResult,
)

FLAVOURS = ["sync", "async"]
CLIENTS = {"sync": Client, "async": AsyncClient}
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


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=FLAVOURS)
def flavour(request: pytest.FixtureRequest) -> str:
    """Which client a test drives; tests that also take `kind` parametrize both (`flavoured`)."""
    return str(request.param)


@pytest.fixture
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    yield from loopback_servers()


@pytest.fixture
def server(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[0]


@pytest.fixture
def other(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[1]


def new_client(flavour: str, endpoint: str, credential: Any = None, **kwargs: Any) -> Any:
    """A Client, or an AsyncClient behind `Blocking`; tiny backoff unless `kwargs` say."""
    options = {**FAST, **kwargs}
    client = CLIENTS[flavour](endpoint, credential or ApiKeyCredential(API_KEY), **options)
    return client if flavour == "sync" else Blocking(client)


def client_for(flavour: str, server: LoopbackServer, credential: Any = None, **kwargs: Any) -> Any:
    return new_client(flavour, server.url, credential, **kwargs)


def mock_client(
    flavour: str, service: MockService, endpoint: str, credential: Any = None, **kwargs: Any
) -> Any:
    return new_client(flavour, endpoint, credential, transport=service.transport(), **kwargs)


def unwrapped(client: Any) -> Any:
    """The client object itself (a `Blocking` view presents an AsyncClient)."""
    return client.wrapped if isinstance(client, Blocking) else client


def is_timeout(exc: BaseException) -> bool:
    # RequestTimeoutError arrives with the runtime branch; until then httpx's class stands in.
    request_timeout = getattr(face_client, "RequestTimeoutError", httpx.TimeoutException)
    timeouts = (httpx.TimeoutException, request_timeout)
    return any(isinstance(e, timeouts) for e in exception_chain(exc))


def credential_of(flavour: str, kind: str) -> Any:
    """`key`: an API key; `token`: the client's own kind of token credential (a coroutine
    `get_token` for AsyncClient); `sync-token`: a blocking `get_token` given to AsyncClient."""
    if kind == "key":
        return ApiKeyCredential(API_KEY)
    if kind == "token" and flavour == "async":
        return AsyncTokenCredential()
    return TokenCredential()


def flavoured(*kinds: str) -> list[Any]:
    """(flavour, kind) parameters: each kind on both clients, `sync-token` on AsyncClient only
    (on Client it is `token`)."""
    return [
        pytest.param(flavour, kind, id=f"{flavour}-{kind}")
        for flavour in FLAVOURS
        for kind in kinds
        if flavour == "async" or kind != "sync-token"
    ]


def has_credential(seen: RecordedRequest | httpx.Headers, kind: str) -> bool:
    """Whether a request (as the server or the mock transport saw it) carries the credential."""
    get = seen.header if isinstance(seen, RecordedRequest) else seen.get
    if kind == "key":
        return get("Ocp-Apim-Subscription-Key") == API_KEY
    return get("Authorization") == f"Bearer {TOKEN}"


# -- the public surface ------------------------------------------------------------------------


def test_public_names() -> None:
    assert issubclass(ApiError, ClientError)
    assert issubclass(DeserializationError, ClientError)
    assert UNSET is face_client.UNSET
    token = AccessToken("abc", 123)
    assert isinstance(token, tuple)
    assert token._fields == ("token", "expires_on")
    assert (token.token, token.expires_on) == ("abc", 123)
    assert AsyncClient is not Client


def test_user_agent_names_the_package_version(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        client.get_person_group_training_status("ok")
    user_agent = server.requests[0].header("User-Agent")
    assert user_agent is not None
    assert user_agent.startswith(f"face-client/{face_client.__version__}"), user_agent


# -- the happy path and the URL ----------------------------------------------------------------


def test_returns_the_spec_example(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        result = client.get_person_group_training_status("ok")
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


def test_explicit_api_version(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server, api_version="v1.1-preview.1") as client:
        client.get_person_group_training_status("ok")
    assert server.requests[0].path == "/face/v1.1-preview.1/persongroups/ok/training"


@pytest.mark.parametrize("version", ["v1.0", "2099-01-01", "", "V1.1-PREVIEW.1"])
def test_api_version_outside_the_spec_enum_is_refused(flavour: str, version: str) -> None:
    service = MockService()
    with pytest.raises(ValueError):
        mock_client(flavour, service, "https://face.example", api_version=version)
    assert service.requests == []


@pytest.mark.parametrize(("suffix", "expected"), [("", ""), ("/mock/prefix", "/mock/prefix")])
def test_base_url_replaces_endpoint_and_version(
    server: LoopbackServer, flavour: str, suffix: str, expected: str
) -> None:
    base_url = server.url + suffix
    with new_client(flavour, "https://unused.invalid", base_url=base_url) as client:
        assert client.get_person_group_training_status("ok") == EXAMPLE
    assert [r.path for r in server.requests] == [f"{expected}/persongroups/ok/training"]


@pytest.mark.parametrize("group_id", GOOD_IDS)
def test_valid_ids_are_sent_as_they_are(
    server: LoopbackServer, flavour: str, group_id: str
) -> None:
    # Every character the pattern allows is unreserved, so percent-encoding leaves it alone.
    with client_for(flavour, server) as client:
        client.get_person_group_training_status(group_id)
    assert [r.path for r in server.requests] == [f"{API_PREFIX}/persongroups/{group_id}/training"]


def test_given_transport_is_used(flavour: str) -> None:
    service = MockService()
    with mock_client(flavour, service, "https://face.example") as client:
        result = client.get_person_group_training_status("ok")
    assert result.status is OperationStatus.NOT_STARTED
    [request] = service.requests
    assert str(request.url) == "https://face.example/face/v1.1-preview.1/persongroups/ok/training"
    assert request.method == "GET"


def http_client_for(flavour: str, seen: list[str]) -> Any:
    """An httpx client of the flavour that records the URL of each request in `seen`."""

    def record(request: httpx.Request) -> None:
        seen.append(str(request.url))

    if flavour == "sync":
        return httpx.Client(event_hooks={"request": [record]})

    async def record_async(request: httpx.Request) -> None:
        record(request)

    return Blocking(httpx.AsyncClient(event_hooks={"request": [record_async]}))


def test_given_http_client_is_used(server: LoopbackServer, flavour: str) -> None:
    seen: list[str] = []
    with http_client_for(flavour, seen) as http:
        made = CLIENTS[flavour](
            server.url, ApiKeyCredential(API_KEY), http_client=unwrapped(http), **FAST
        )
        # The AsyncClient must run on the loop of the httpx client it was given.
        client = http.view(made) if isinstance(http, Blocking) else made
        client.get_person_group_training_status("ok")
        client.close()
    assert seen == [server.operation_url("ok")]
    assert server.requests[0].header("Ocp-Apim-Subscription-Key") == API_KEY


def test_context_manager_and_close(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        assert isinstance(unwrapped(client), CLIENTS[flavour])
        client.get_person_group_training_status("ok")
    other = client_for(flavour, server)
    other.get_person_group_training_status("ok")
    assert other.close() is None
    assert len(server.requests) == 2


# -- validation before sending ------------------------------------------------------------------


@pytest.mark.parametrize("group_id", BAD_IDS)
def test_invalid_person_group_id_is_refused_before_sending(
    server: LoopbackServer, flavour: str, group_id: str
) -> None:
    with client_for(flavour, server) as client, pytest.raises(ValueError) as info:
        client.get_person_group_training_status(group_id)
    assert "person_group_id" in str(info.value)
    assert server.requests == []


# -- credentials -------------------------------------------------------------------------------


def test_api_key_header(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client:
        client.get_person_group_training_status("ok")
    [request] = server.requests
    assert request.header("Ocp-Apim-Subscription-Key") == API_KEY
    assert request.header("Authorization") is None


@pytest.mark.parametrize(("flavour", "kind"), flavoured("token", "sync-token"))
def test_bearer_token(server: LoopbackServer, flavour: str, kind: str) -> None:
    credential = credential_of(flavour, kind)
    with client_for(flavour, server, credential) as client:
        client.get_person_group_training_status("ok")
    [request] = server.requests
    assert request.header("Authorization") == f"Bearer {TOKEN}"
    assert request.header("Ocp-Apim-Subscription-Key") is None
    [(scopes, _)] = credential.calls
    assert scopes == (SCOPE,)


def test_access_token_from_the_package_is_accepted(server: LoopbackServer, flavour: str) -> None:
    class Credential:
        def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("pkg-token", int(time.time()) + 3600)

    with client_for(flavour, server, Credential()) as client:
        client.get_person_group_training_status("ok")
    assert server.requests[0].header("Authorization") == "Bearer pkg-token"


@pytest.mark.parametrize(("flavour", "kind"), flavoured("token", "sync-token"))
def test_token_is_cached_across_requests(server: LoopbackServer, flavour: str, kind: str) -> None:
    credential = credential_of(flavour, kind)
    with client_for(flavour, server, credential) as client:
        for _ in range(4):
            client.get_person_group_training_status("ok")
    assert len(credential.calls) == 1
    assert [r.header("Authorization") for r in server.requests] == [f"Bearer {TOKEN}"] * 4


@pytest.mark.parametrize(("lifetime", "expected_calls"), [(60, 3), (240, 3), (600, 1), (7200, 1)])
@pytest.mark.parametrize(("flavour", "kind"), flavoured("token", "sync-token"))
def test_token_is_refreshed_within_five_minutes_of_expiry(
    lifetime: int, expected_calls: int, flavour: str, kind: str
) -> None:
    service = MockService()
    credential = credential_of(flavour, kind)
    credential.lifetime = lifetime
    with mock_client(flavour, service, "https://face.example", credential) as client:
        for _ in range(3):
            client.get_person_group_training_status("ok")
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
@pytest.mark.parametrize(("flavour", "kind"), flavoured("token", "sync-token"))
def test_bearer_over_plain_http_is_refused(endpoint: str, flavour: str, kind: str) -> None:
    service = MockService()
    client = mock_client(flavour, service, endpoint, credential_of(flavour, kind))
    with client, pytest.raises(ClientError) as info:
        client.get_person_group_training_status("ok")
    assert service.requests == []
    assert SECRET_MARK not in exception_texts(info.value)


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
def test_bearer_is_allowed_over_https_and_loopback(flavour: str, endpoint: str) -> None:
    service = MockService()
    with mock_client(flavour, service, endpoint, credential_of(flavour, "token")) as client:
        client.get_person_group_training_status("ok")
    [request] = service.requests
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


# -- secrets -----------------------------------------------------------------------------------


def test_secrets_are_not_in_the_key_credential_repr_or_str() -> None:
    key = ApiKeyCredential(API_KEY)
    assert SECRET_MARK not in repr(key)
    assert SECRET_MARK not in str(key)


@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token", "sync-token"))
def test_secrets_are_not_in_repr_or_str(server: LoopbackServer, flavour: str, kind: str) -> None:
    with client_for(flavour, server, credential_of(flavour, kind)) as client:
        client.get_person_group_training_status("ok")  # a token is cached now
        assert SECRET_MARK not in repr(unwrapped(client))
        assert SECRET_MARK not in str(unwrapped(client))


@pytest.mark.parametrize("group_id", ["not-found", "unauthorized", "bad-json", "html-error"])
@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token"))
def test_secrets_are_not_in_exception_messages(
    server: LoopbackServer, group_id: str, flavour: str, kind: str
) -> None:
    client = client_for(flavour, server, credential_of(flavour, kind), max_retries=0)
    with client, pytest.raises(ClientError) as info:
        client.get_person_group_training_status(group_id)
    assert SECRET_MARK not in exception_texts(info.value)


@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token"))
def test_secrets_are_not_in_connection_errors(flavour: str, kind: str) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}"
    client = new_client(flavour, endpoint, credential_of(flavour, kind), max_retries=0)
    with client, pytest.raises((ClientError, httpx.HTTPError)) as info:
        client.get_person_group_training_status("ok")
    assert SECRET_MARK not in exception_texts(info.value)


def test_secrets_are_never_logged(server: LoopbackServer, flavour: str) -> None:
    with LogCapture() as logs:
        for kind in ("key", "token"):
            with client_for(flavour, server, credential_of(flavour, kind)) as client:
                for group_id in ("ok", "flaky", "redirect-same", "redirect-other", "rate-limited"):
                    client.get_person_group_training_status(group_id)
                with pytest.raises(ApiError):
                    client.get_person_group_training_status("not-found")
                client.send_request(httpx.Request("GET", server.operation_url("ok")))
    assert logs.client_records(), "the client logged nothing at DEBUG"
    assert logs.leaks() == []


# -- redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("group_id", ["redirect-same", "redirect-relative"])
@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token"))
def test_same_origin_redirect_keeps_credentials(
    server: LoopbackServer, group_id: str, flavour: str, kind: str
) -> None:
    with client_for(flavour, server, credential_of(flavour, kind)) as client:
        result = client.get_person_group_training_status(group_id)
    assert result == EXAMPLE
    first, second = server.requests
    assert second.path == f"{API_PREFIX}/persongroups/ok/training"
    for request in (first, second):
        assert has_credential(request, kind), request.headers


@pytest.mark.parametrize("group_id", ["redirect-other", "redirect-other-307"])
@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token"))
def test_cross_origin_redirect_drops_credentials(
    server: LoopbackServer, other: LoopbackServer, group_id: str, flavour: str, kind: str
) -> None:
    with client_for(flavour, server, credential_of(flavour, kind)) as client:
        result = client.get_person_group_training_status(group_id)
    assert result == EXAMPLE
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
@pytest.mark.parametrize(("flavour", "kind"), flavoured("key", "token"))
def test_redirect_origin_rules(location: str, kept: bool, flavour: str, kind: str) -> None:
    service = MockService(httpx.Response(302, headers={"Location": location}))
    credential = credential_of(flavour, kind)
    with mock_client(flavour, service, "http://127.0.0.1:8080", credential) as client:
        client.get_person_group_training_status("ok")
    first, second = service.requests
    assert second.url == httpx.URL("http://127.0.0.1:8080/x").join(location)
    assert has_credential(first.headers, kind)
    assert has_credential(second.headers, kind) is kept
    if not kept:
        assert "Ocp-Apim-Subscription-Key" not in second.headers
        assert "Authorization" not in second.headers


def test_redirect_loop_is_bounded(server: LoopbackServer, flavour: str) -> None:
    with client_for(flavour, server) as client, pytest.raises((ClientError, httpx.HTTPError)):
        client.get_person_group_training_status("redirect-loop")
    assert 2 <= len(server.requests) <= 25


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
    assert result.status.value == "paused"
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
    with client, pytest.raises((ClientError, httpx.HTTPError)) as info:
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
        with pytest.raises((ClientError, httpx.HTTPError)) as info:
            client.get_person_group_training_status("slow")
        elapsed = time.monotonic() - start
    assert is_timeout(info.value), exception_texts(info.value)
    assert len(server.requests) == max_retries + 1
    assert elapsed < 0.9 * (max_retries + 1), elapsed  # the server answers after 1 s


def test_timeout_as_httpx_timeout(server: LoopbackServer, flavour: str) -> None:
    client = client_for(flavour, server, timeout=httpx.Timeout(0.2), max_retries=0)
    with client, pytest.raises((ClientError, httpx.HTTPError)) as info:
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


# -- Client only: threads ----------------------------------------------------------------------


def test_sync_concurrent_requests_share_one_token(server: LoopbackServer) -> None:
    credential = TokenCredential(delay=0.2)
    client = client_for("sync", server, credential)
    with client, ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(client.get_person_group_training_status, ["ok"] * 5))
    assert all(r.status is OperationStatus.NOT_STARTED for r in results)
    assert len(credential.calls) == 1
    assert len(server.requests) == 5


# -- AsyncClient only: coroutines and asyncio.gather -------------------------------------------


def test_async_close_and_context_are_coroutines() -> None:
    # The blocking tests reach these through `Blocking`; here their async shape itself.
    assert inspect.iscoroutinefunction(AsyncClient.close)
    assert inspect.iscoroutinefunction(AsyncClient.__aenter__)
    assert inspect.iscoroutinefunction(AsyncClient.__aexit__)
    assert inspect.iscoroutinefunction(AsyncClient.get_person_group_training_status)
    assert inspect.iscoroutinefunction(AsyncClient.send_request)


@pytest.mark.parametrize("kind", ["sync-token", "token"])
def test_async_concurrent_requests_share_one_token(server: LoopbackServer, kind: str) -> None:
    # A coroutine credential is slow (0.2 s) so that the five calls overlap while it runs.
    credential = AsyncTokenCredential(delay=0.2) if kind == "token" else TokenCredential()

    async def body() -> list[TrainingResult]:
        async with AsyncClient(server.url, credential, **FAST) as client:
            calls = [client.get_person_group_training_status("ok") for _ in range(5)]
            return list(await asyncio.gather(*calls))

    results = asyncio.run(body())
    assert all(r == EXAMPLE for r in results)
    assert len(credential.calls) == 1
    assert len(server.requests) == 5
