"""The README's usage examples run, unchanged but for the endpoint, against a real server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from support.client_kit import fake_azure_identity
from support.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parents[2]
ENDPOINT = "https://my-resource.cognitiveservices.azure.com"


def _client_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    return [block for block in blocks if ENDPOINT in block]


def test_readme_has_sync_training_and_async_examples() -> None:
    examples = _client_examples()
    assert len(examples) == 3
    assert "ApiKeyCredential" in examples[0] and "AsyncClient" in examples[2]
    # The promise: train and wait in three lines (the import aside).
    training = [line for line in examples[1].splitlines() if line and not line.startswith("from")]
    assert len(training) == 3 and "begin_train_person_group" in examples[1]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_readme_example_runs(
    index: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    generated_packages: dict[str, Any],
) -> None:
    scopes = fake_azure_identity(monkeypatch, "readme-token")
    with LoopbackServer() as server:
        code = _client_examples()[index].replace(ENDPOINT, server.origin)
        exec(compile(code, f"README.md example {index + 1}", "exec"), {"__name__": "__readme__"})  # noqa: S102
        requests = server.requests_for("my-group")
    output = capsys.readouterr().out
    if index == 1:
        # An unscripted group's training succeeds once a POST started it (see loopback).
        assert [r.method for r in requests] == ["POST", "GET"]
        assert requests[0].path.endswith("/persongroups/my-group/train")
        assert all(r.header("Ocp-Apim-Subscription-Key") == "my-key" for r in requests)
        assert "succeeded" in output or "SUCCEEDED" in output
        return
    assert len(requests) == 1
    assert "notStarted" in output or "NOT_STARTED" in output
    if index == 0:
        assert requests[0].header("Ocp-Apim-Subscription-Key") == "my-key"
    else:
        assert requests[0].header("Authorization") == "Bearer readme-token"
        assert scopes == [("https://cognitiveservices.azure.com/.default",)]
