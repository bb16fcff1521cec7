"""The Face client's own README (generated/face_client/README.md): every Python example in it
runs, unchanged, in order, against a real loopback server, with the endpoint and key it reads
from the environment pointing there; and what each prints or sends is checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from support.client_kit import fake_azure_identity
from support.loopback import OK, LoopbackServer, Reply, training

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "generated" / "face_client" / "README.md"
GROUP = "person-group-id"
"""The id the README's examples pass (made from the parameter's name)."""
REQUEST_ID = "7b4d7f0e-readme"


def _sections() -> list[tuple[str, str]]:
    """(the heading above it, the code) of each Python block, in order."""
    text = README.read_text(encoding="utf-8")
    found = []
    heading = ""
    for part in re.split(r"(^## [^\n]*$|```python\n.*?```)", text, flags=re.DOTALL | re.MULTILINE):
        if part.startswith("## "):
            heading = part[3:].strip()
        elif part.startswith("```python"):
            found.append((heading, part.removeprefix("```python\n").removesuffix("```")))
    return found


def test_the_readme_shows_each_feature_the_issue_names() -> None:
    headings = [heading for heading, _ in _sections()]
    assert headings == [
        "Quickstart",
        "Quickstart",
        "Quickstart",
        "Errors",
        "Per-call options",
        "Raw responses",
        "Long-running operations",
        "Testing your code",
    ]
    code = "\n".join(block for _, block in _sections())
    needles = ("NotFoundError", "RateLimitError", "with_options", "extra_headers")
    needles += ("max_retries", "with_raw_response", "request_id", "AsyncClient")
    for needle in needles:
        assert needle in code, needle


def test_every_example_runs_in_order_against_a_loopback_server(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    generated_packages: dict[str, Any],
) -> None:
    scopes = fake_azure_identity(monkeypatch, "readme-token")
    with_id = Reply(headers={"x-ms-request-id": REQUEST_ID})
    outputs = []
    with LoopbackServer() as server:
        monkeypatch.setenv("FACE_CLIENT_ENDPOINT", server.origin)
        monkeypatch.setenv("FACE_CLIENT_KEY", "readme-key")
        server.script(
            GROUP,
            OK,  # the quickstart
            OK,  # the same with AsyncClient
            Reply(
                404,
                {"error": {"code": "PersonGroupNotFound", "message": "no such group"}},
                {"x-ms-request-id": REQUEST_ID},
            ),
            OK,  # per-call options
            OK,  # with_options
            with_id,  # the raw response
            training("succeeded"),  # the poller's status requests
        )
        namespace: dict[str, Any] = {"__name__": "__readme__"}
        for index, (_, code) in enumerate(_sections()):
            exec(compile(code, f"README example {index + 1}", "exec"), namespace)  # noqa: S102
            outputs.append(capsys.readouterr().out)
        requests = server.requests_for(GROUP)
    quickstart, _token, run_async, errors, options, raw, long_running, testing = outputs
    assert "notStarted" in quickstart or "NOT_STARTED" in quickstart
    assert "notStarted" in run_async or "NOT_STARTED" in run_async
    assert f"not found; request id {REQUEST_ID}" in errors
    assert options == "" and "200" in raw and REQUEST_ID in raw
    assert long_running == "" and testing == ""
    # The testing example defined a test and ran it (on the fake: the server saw nothing).
    assert "test_fetch" in namespace
    assert str(namespace["result"].status) == "succeeded"
    # The API key went with the first two calls; the token client (the second block
    # replaced `client`) with every later one.
    gets = [r for r in requests if r.method == "GET"]
    assert gets[0].header("Ocp-Apim-Subscription-Key") == "readme-key"
    assert gets[1].header("Ocp-Apim-Subscription-Key") == "readme-key"
    assert all(r.header("Authorization") == "Bearer readme-token" for r in requests[2:])
    assert scopes[0] == ("https://cognitiveservices.azure.com/.default",)
    # The per-call options example sent its extra header on that call only.
    tagged = [r for r in requests if r.header("x-ms-client-request-id")]
    assert len(tagged) == 1 and tagged[0] is gets[3]
    assert requests[-2].method == "POST" and requests[-2].path.endswith(f"/{GROUP}/train")
