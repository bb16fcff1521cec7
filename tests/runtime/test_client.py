"""The generated `face_client.Client` and `face_client.AsyncClient` against their contract:
the public surface, the URL, validation before sending, credentials, secrets and redirects
(errors, retries, timeouts, logging and `send_request` are in test_client_failures.py).

Each behaviour is written once, with the blocking surface, and runs on both clients: the
`flavour` fixture of tests/conftest.py (or a `flavour` parameter, see `flavoured`) is `sync`
or `async`, and tests/support/loopback.py's `Blocking` presents the AsyncClient as a blocking one
(each coroutine run on a loop it owns, `async with` as `with`). What only one client has is
at the end, grouped by client: threads on `Client`, `asyncio.gather` and coroutine methods on
`AsyncClient`.

Most tests talk real HTTP to the scripted server of tests/support/loopback.py; a few use
`httpx.MockTransport` where a real server cannot show the point (other schemes and hosts,
token caching, nothing-sent checks). Backoff is tiny everywhere so that nothing waits.
"""

from __future__ import annotations

import asyncio
import inspect
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.client_kit import (
    API_KEY,
    SCOPE,
    SECRET_MARK,
    TOKEN,
    AsyncTokenCredential,
    Blocking,
    LogCapture,
    MockService,
    TokenCredential,
    client_of,
    exception_texts,
    flavoured,
    has_credential,
    token_credential,
    unwrapped,
)
from support.loopback import API_PREFIX, SPEC_EXAMPLE, LoopbackServer, free_port

_GENERATED = str(Path(__file__).resolve().parents[2] / "generated" / "face_client")
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
    OperationStatus,
    TrainingResult,
)

CLIENTS = {"sync": Client, "async": AsyncClient}
FAST: dict[str, Any] = {"backoff_factor": 0.001}
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


def new_client(flavour: str, endpoint: str, credential: Any = None, **kwargs: Any) -> Any:
    """A Client, or an AsyncClient behind `Blocking`; an API key and tiny backoff unless given."""
    credential = credential or ApiKeyCredential(API_KEY)
    return client_of(face_client, flavour, endpoint, credential, **{**FAST, **kwargs})


def client_for(flavour: str, server: LoopbackServer, credential: Any = None, **kwargs: Any) -> Any:
    return new_client(flavour, server.url, credential, **kwargs)


def mock_client(
    flavour: str, service: MockService, endpoint: str, credential: Any = None, **kwargs: Any
) -> Any:
    return new_client(flavour, endpoint, credential, transport=service.transport(), **kwargs)


def credential_of(flavour: str, kind: str) -> Any:
    """`key`: the API key; `token`, `sync-token`: see loopback.token_credential."""
    return ApiKeyCredential(API_KEY) if kind == "key" else token_credential(flavour, kind)


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
    with client, pytest.raises(ClientError) as info:
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
    with client_for(flavour, server) as client, pytest.raises(ClientError):
        client.get_person_group_training_status("redirect-loop")
    assert 2 <= len(server.requests) <= 25


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
