"""The client generated from the reworded spec behaves like the committed one.

`tests/specs/face-reworded.json` describes the same operation with other words, other scheme
names and shared components; its generated client must make the same requests and raise the
same errors against the same real server, through `Client` and through `AsyncClient` (driven by
tests/support/loopback.py's `Blocking`); `flavour` is the fixture of tests/conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from support.client_kit import client_of, token_credential
from support.loopback import LoopbackServer
from support.tools import GeneratedPackage


@pytest.fixture(params=["face", "face-reworded"])
def package(request: pytest.FixtureRequest, generated_packages: dict[str, GeneratedPackage]) -> Any:
    return generated_packages[request.param].module


def test_success_key_header_and_decoding(package: Any, flavour: str) -> None:
    with (
        LoopbackServer() as server,
        client_of(
            package, flavour, server.origin, package.ApiKeyCredential("k-123"), backoff_factor=0.001
        ) as client,
    ):
        result = client.get_person_group_training_status("ok")
        assert result.status is package.OperationStatus.NOT_STARTED
        assert result.to_dict()["createdDateTime"] == "2024-03-05T11:07:58.371Z"
        (sent,) = server.requests_for("ok")
        assert sent.header("Ocp-Apim-Subscription-Key") == "k-123"
        assert sent.path == "/face/v1.1-preview.1/persongroups/ok/training"


def test_bearer_token_with_the_spec_scope(package: Any, flavour: str) -> None:
    credential = token_credential(flavour)
    with (
        LoopbackServer() as server,
        client_of(package, flavour, server.origin, credential) as client,
    ):
        client.get_person_group_training_status("ok")
        client.get_person_group_training_status("ok")
        assert [r.header("Authorization") for r in server.requests_for("ok")] == [
            f"Bearer {credential.token}"
        ] * 2
    assert [scopes for scopes, _ in credential.calls] == [
        ("https://cognitiveservices.azure.com/.default",)
    ]


def test_error_status_code_and_model(package: Any, flavour: str) -> None:
    with (
        LoopbackServer() as server,
        client_of(
            package, flavour, server.origin, package.ApiKeyCredential("k"), max_retries=0
        ) as client,
        pytest.raises(package.ApiError) as caught,
    ):
        client.get_person_group_training_status("not-found")
    assert caught.value.status_code == 404
    assert caught.value.error_code == "PersonGroupNotFound"
    assert caught.value.model.error.message == "Person group is not found."
    assert "Person group is not found." in str(caught.value)


@pytest.mark.parametrize("bad", ["../x", "A/B", "", "a" * 65, "abc\n"])
def test_invalid_ids_never_reach_the_server(package: Any, flavour: str, bad: str) -> None:
    with (
        LoopbackServer() as server,
        client_of(package, flavour, server.origin, package.ApiKeyCredential("k")) as client,
    ):
        with pytest.raises(ValueError, match="person_group_id"):
            client.get_person_group_training_status(bad)
        assert server.requests == []


def test_retry_then_success(package: Any, flavour: str) -> None:
    with (
        LoopbackServer() as server,
        client_of(
            package, flavour, server.origin, package.ApiKeyCredential("k"), backoff_factor=0.001
        ) as client,
    ):
        assert client.get_person_group_training_status("flaky").status.value == "notStarted"
        assert len(server.requests_for("flaky")) == 2
