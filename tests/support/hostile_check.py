"""Run in a fresh interpreter by tests/property/test_hostile.py: import one package generated from a
hostile spec and check that every payload came through as data.

Usage: python hostile_check.py PLAN.json. The plan (written by the test from the spec and the
generator's IR) names the package, the payload, the methods and their arguments. The working
directory is an empty folder: code smuggled in by the spec would leave the marker file there.
Exit status 0 and the line `ok` mean every check held; anything else is a failure report.

Or: python hostile_check.py --batch PLANS.json RESULTS.jsonl, for many packages in one
interpreter (starting one costs seconds: httpx, hypothesis). PLANS.json is a list of plans, each
with its `key` and its own empty `workdir`, which becomes the working directory while that
plan is checked. RESULTS.jsonl gets one line per plan as it finishes, `{"key": ..., "report":
"ok" or the failure}`, so a plan that kills the interpreter still leaves the earlier ones'.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import httpx
import tomllib
from hypothesis import HealthCheck, given, settings


def _visible(text: str) -> str:
    return "".join(text.split())


def _doc_holds(obj: object, text: str, where: str) -> None:
    doc = inspect.getdoc(obj) or ""
    assert _visible(text) in _visible(doc), f"{where}: docstring lost the text: {doc!r}"


def _header_value(wire: str, sent: set[str]) -> str:
    """What reading `wire` gives when the mock sent `h-<name>` for each name in `sent`: field
    names are case-insensitive, and repeated fields are joined with commas."""
    return ", ".join("h-" + name for name in sorted(sent) if name.lower() == wire.lower())


def check(plan: dict[str, Any]) -> None:
    """Every check of one plan, in the working directory; an AssertionError says which failed."""
    text: str = plan["text"]
    header_names: set[str] = {*plan["header_names"], "X-Trace", "X_Trace"}
    package = importlib.import_module(plan["package"])
    modules = {
        name: importlib.import_module(f"{plan['package']}.{name}")
        for name in ("client", "models", "enums", "errors", "credentials", "strategies")
    }
    assert not Path(plan["marker"]).exists(), "importing the package ran code from the spec"

    # Enum values are data: every enum of the spec is one generated enum, value for value.
    generated = {
        tuple(sorted(str(member.value) for member in obj))
        for obj in vars(modules["enums"]).values()
        if isinstance(obj, type) and obj.__module__ == modules["enums"].__name__
    }
    for values in plan["enums"]:
        assert tuple(sorted(values)) in generated, f"no enum holds {values!r}: {generated!r}"

    # The server variable's default is the spec's text, as a default argument value.
    signature = inspect.signature(package.Client)
    for py_name, default in plan["server_defaults"].items():
        assert signature.parameters[py_name].default == default, py_name

    seen: list[httpx.Request] = []
    wire_body = plan["response_body"]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        headers = [(name, "h-" + name) for name in sorted(header_names)]
        status = 200 if request.method == "GET" else 201
        content = json.dumps(wire_body).encode() if status == 200 else b""
        headers.append(("content-type", "application/json"))
        return httpx.Response(status, headers=headers, content=content)

    credential = package.ApiKeyCredential("the-key")
    with package.Client(
        credential, transport=httpx.MockTransport(handler), base_url="https://h.test"
    ) as client:
        get = plan["get"]
        result, headers = getattr(client, get["with_headers"])(**get["arguments"])
        request = seen[-1]
        assert result.to_dict() == wire_body, (result.to_dict(), wire_body)
        for wire, value in get["query"]:
            assert value in request.url.params.get_list(wire), (wire, request.url)
        assert "the-key" in request.url.params.get_list(plan["api_key_name"]), request.url
        for wire, value in get["headers"]:
            assert value in request.headers.get_list(wire), (wire, request.headers)
        for py_name, wire in get["response_headers"]:
            assert getattr(headers, py_name) == _header_value(wire, header_names), headers
        _doc_holds(getattr(client, get["method"]), text, "GET method")
        _doc_holds(type(result), text, "response model")

        post = plan["post"]
        posted = getattr(client, post["method"])(**post["arguments"])
        assert json.loads(seen[-1].content) == post["body"], seen[-1].content
        for py_name, wire in post["response_headers"]:
            assert getattr(posted, py_name) == _header_value(wire, header_names), posted

    _doc_holds(modules["client"], plan["title"], "client module")
    _doc_holds(modules["models"], plan["title"], "models module")
    distribution = Path(plan["distribution"])
    project = tomllib.loads((distribution / "pyproject.toml").read_text(encoding="utf-8"))
    # One line (generator/render/filters.py's metadata_line): a line break would end the Summary header.
    assert project["project"]["description"] == plan["description"]

    # The models' strategies draw values that survive the round trip.
    for name in plan["strategies"]:
        strategy = getattr(modules["strategies"], name)

        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy())
        def round_trip(instance: Any) -> None:
            assert type(instance).from_dict(instance.to_dict()) == instance

        round_trip()
    assert not Path(plan["marker"]).exists(), "using the package ran code from the spec"


def batch(plans_path: str, results_path: str) -> None:
    plans = json.loads(Path(plans_path).read_text(encoding="utf-8"))
    with open(results_path, "a", encoding="utf-8") as results:
        for plan in plans:
            try:
                os.chdir(plan["workdir"])
                check(plan)
                report = "ok"
            except Exception:  # noqa: BLE001 - this plan's report; the next plan still runs
                report = traceback.format_exc()
            results.write(json.dumps({"key": plan["key"], "report": report}) + "\n")
            results.flush()


if __name__ == "__main__":
    if sys.argv[1] == "--batch":
        batch(sys.argv[2], sys.argv[3])
    else:
        check(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
        print("ok")
