"""Hostile spec text is data: payloads in every string-bearing field of a spec, generated,
compiled, imported in a fresh interpreter, used over a mock transport, and type-checked.

For each payload of tests/support/hostile.py (and one spec whose names collide after snake_casing):
- generation succeeds and runs nothing (no marker file appears where the generator ran);
- the package imports in a subprocess and runs nothing (no marker file there either);
- enum values, property names, parameter names and values, header names, server defaults and
  titles come back exactly as the spec wrote them (tests/support/hostile_check.py);
- all the packages together pass `mypy --strict` and ruff.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support.hostile import (
    COLLIDING,
    MARKER,
    PAYLOADS,
    api_key_name,
    build,
    is_header_name,
    sites,
)
from support.tools import mypy_strict, ruff_check, tool_output

from generator.build.pipeline import generate
from generator.ir.nodes import Api, Operation
from generator.output.atomic_write import write_tree
from generator.parse.api_parser import parse
from generator.render.filters import metadata_line

SUPPORT = Path(__file__).resolve().parents[1] / "support"
CASES: dict[str, tuple[str, tuple[str, ...]]] = {
    key: (payload, (payload,)) for key, payload in PAYLOADS.items()
}
CASES["colliding-names"] = ("a description", COLLIDING)
# Names generated modules take from builtins or import: at every name site, and as schemas.
BUILTIN_NAMES = ("ValueError", "Exception", "TypeError", "LookupError", "KeyError", "isinstance",
                 "len", "json")
CASES["builtin-names"] = ("a description", BUILTIN_NAMES)
BUILTIN_SCHEMAS = ("Any", "Enum", "dataclass", "httpx", "datetime", "BaseException",
                   "StopIteration", "RecursionError", "RuntimeError", "AttributeError",
                   "TimeoutError", "ExceptionGroup", "NotImplemented", "Ellipsis", "FieldTable",
                   "Iterable", "Generic", "TypeAlias", "Pipeline", "Callable", "Mapping")
BUILTIN_ENUMS = ("KeyError", "AttributeError", "Enum", "Ellipsis")


def _document(text: str, names: tuple[str, ...]) -> dict[str, Any]:
    """tests/support/hostile.py's spec; for the builtin names, also a schema named like each, every
    object one referring to the first (`ValueError`) and to an enum named like a builtin."""
    document = build(text, names)
    if names != BUILTIN_NAMES:
        return document
    schemas = document["components"]["schemas"]
    for name in (*names[1:], *BUILTIN_SCHEMAS):
        if name in BUILTIN_ENUMS:
            schemas[name] = {"type": "string", "enum": ["a", name]}
            continue
        schemas[name] = {
            "type": "object",
            "description": text,
            "required": ["value"],
            "properties": {
                "value": {"type": "string"},
                "first": {"$ref": f"#/components/schemas/{names[0]}"},
                "kind": {"$ref": f"#/components/schemas/{BUILTIN_ENUMS[0]}"},
                "more": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
            },
        }
    return document


@dataclass(frozen=True)
class HostilePackage:
    key: str
    text: str
    names: tuple[str, ...]
    package: str
    distribution: Path
    document: dict[str, Any]
    api: Api


@pytest.fixture(scope="module")
def hostile_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, HostilePackage]:
    root = tmp_path_factory.mktemp("hostile")
    workdir = root / "generator-cwd"
    workdir.mkdir()
    packages = {}
    # Generation runs in an empty directory, so a payload that ran would leave its marker there.
    with contextlib.chdir(workdir):
        for index, (key, (text, names)) in enumerate(CASES.items()):
            document = _document(text, names)
            spec = root / "specs" / f"{key}.json"
            spec.parent.mkdir(exist_ok=True)
            spec.write_text(json.dumps(document), encoding="utf-8")
            package = f"hostile_{index}"
            result = generate(spec, package=package)
            assert result.ok, (key, [d.format() for d in result.diagnostics])
            # The only warnings: names that can never be HTTP field names are left out.
            codes = {d.code for d in result.diagnostics}
            assert codes <= {"name-not-a-token"}, (key, [d.format() for d in result.diagnostics])
            assert ("name-not-a-token" in codes) == (not all(map(is_header_name, names)))
            distribution = root / "dist" / key
            write_tree(result.files, distribution)
            api, _ = parse(document, package_name=package)
            assert api is not None
            packages[key] = HostilePackage(
                key=key,
                text=text,
                names=names,
                package=package,
                distribution=distribution,
                document=document,
                api=api,
            )
    assert list(workdir.iterdir()) == [], "generation ran code from the spec"
    return packages


def test_every_payload_lands_in_every_field() -> None:
    """Each spec carries its payload in at least this many places (keys and values); the
    closing report of issue 5 quotes the total."""
    for key, (text, names) in CASES.items():
        document = build(text, names)
        count = sum(len(list(sites(document, name))) for name in dict.fromkeys((text, *names)))
        assert count >= 60, (key, count)


def _operation(api: Api, operation_id: str) -> Operation:
    return next(op for op in api.operations if op.operation_id == operation_id)


def _plan(pkg: HostilePackage, marker: str) -> dict[str, Any]:
    text, names, api = pkg.text, pkg.names, pkg.api
    get = _operation(api, names[0])
    post = _operation(api, names[0] + "Post")
    arguments: dict[str, Any] = {}
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    for parameter in get.parameters:
        if parameter.location == "path":
            arguments[parameter.py_name] = "t/1"
        elif parameter.location == "query":
            arguments[parameter.py_name] = text
            query.append((parameter.name, text))
        elif parameter.location == "header":
            assert is_header_name(parameter.name)
            arguments[parameter.py_name] = "hv"
            headers.append((parameter.name, "hv"))
        elif parameter.location == "cookie":
            assert is_header_name(parameter.name)
            arguments[parameter.py_name] = 7
    post_arguments: dict[str, Any] = {p.py_name: "t/1" for p in post.parameters}
    assert post.body is not None and post.body.spread
    post_arguments.update({f.py_name: text for f in post.body.fields})
    # The spec's own schemas: Thing, and for the builtin names every schema named like one.
    named = [m for m in api.models if m.pointer.count("/") == 3]
    return {
        "package": pkg.package,
        "distribution": str(pkg.distribution),
        "marker": marker,
        "text": text,
        "title": text,
        "names": list(names),
        "header_names": sorted(n for n in names if is_header_name(n)),
        "api_key_name": api_key_name(names),
        "enums": [[*names, "plain"], [*names, "other"], [*names, text + "!"]],
        "server_defaults": {v.py_name: v.default for v in api.servers[0].variables},
        "response_body": {
            **{name: text for name in names},
            "choice": names[0],
            "varnamed": names[0],
            "msEnum": names[0],
            "nested": {name: 1 for name in names},
            "mapped": {text: text},
            "patterned": "abc",
        },
        "get": {
            "method": get.py_name,
            "with_headers": get.with_headers_name,
            "arguments": arguments,
            "query": query,
            "headers": headers,
            "response_headers": [
                (h.py_name, h.name) for h in get.headers if is_header_name(h.name)
            ],
        },
        "post": {
            "method": post.py_name,
            "arguments": post_arguments,
            "body": {name: text for name in names},
            "response_headers": [
                (h.py_name, h.name) for h in post.headers if is_header_name(h.name)
            ],
        },
        "strategies": [m.strategy_name for m in named],
        "description": metadata_line("Python client for " + text),
    }


# A fresh interpreter per payload paid, each time, for importing httpx and hypothesis and for
# hypothesis building its character tables (seconds), so all payloads are checked in one
# subprocess (tests/support/hostile_check.py --batch), each in its own empty working directory, each
# with its own report. A payload the batch did not reach (the
# interpreter died or hung) is checked again alone, so its test still says what happened.
CHECK_ENV = {"PATH": "/usr/bin:/bin"}
BATCH_TIMEOUT = 120 + 30 * len(CASES)


@dataclass(frozen=True)
class Checked:
    report: str
    """`ok`, or what failed."""
    workdir: Path
    """The plan's working directory, which must stay empty."""


def _run_check(
    args: list[str], pythonpath: list[Path], cwd: Path, storage: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SUPPORT / "hostile_check.py"), *args],
        cwd=cwd,
        env={
            **CHECK_ENV,
            "PYTHONPATH": os.pathsep.join(str(path) for path in pythonpath),
            "HYPOTHESIS_STORAGE_DIRECTORY": str(storage),
        },
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def batch_checked(
    hostile_packages: dict[str, HostilePackage], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Checked]:
    """Each payload's report from one batch run (missing where the batch did not get to it)."""
    root = tmp_path_factory.mktemp("hostile-check")
    plans = []
    for index, pkg in enumerate(hostile_packages.values()):
        workdir = root / f"cwd-{index}"
        workdir.mkdir()
        plans.append({**_plan(pkg, MARKER), "key": pkg.key, "workdir": str(workdir)})
    (root / "plans.json").write_text(json.dumps(plans), encoding="utf-8")
    results = root / "results.jsonl"
    distributions = [pkg.distribution for pkg in hostile_packages.values()]
    with contextlib.suppress(subprocess.TimeoutExpired):
        _run_check(
            ["--batch", str(root / "plans.json"), str(results)],
            distributions,
            root,
            root / "hypothesis",
            BATCH_TIMEOUT,
        )
    workdirs = {plan["key"]: Path(plan["workdir"]) for plan in plans}
    lines = results.read_text(encoding="utf-8").splitlines() if results.exists() else []
    reported = [json.loads(line) for line in lines]
    return {r["key"]: Checked(r["report"], workdirs[r["key"]]) for r in reported}


def _checked_alone(pkg: HostilePackage, tmp_path: Path) -> Checked:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan(pkg, MARKER)), encoding="utf-8")
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    result = _run_check([str(plan)], [pkg.distribution], workdir, tmp_path / "hypothesis", 300)
    ok = result.returncode == 0 and result.stdout.strip() == "ok"
    return Checked("ok" if ok else result.stdout + result.stderr, workdir)


@pytest.mark.parametrize("key", list(CASES))
def test_payload_comes_back_as_data(
    key: str,
    hostile_packages: dict[str, HostilePackage],
    batch_checked: dict[str, Checked],
    tmp_path: Path,
) -> None:
    checked = batch_checked.get(key) or _checked_alone(hostile_packages[key], tmp_path)
    assert checked.report == "ok", checked.report
    assert list(checked.workdir.iterdir()) == [], "the generated package ran code from the spec"


def test_the_batch_reports_each_payload_on_its_own(
    hostile_packages: dict[str, HostilePackage], tmp_path: Path
) -> None:
    # One payload's failure is its own report; the next payload is still checked.
    pkg = next(iter(hostile_packages.values()))
    plans = []
    for key, package in (("broken", "no_such_package"), ("good", pkg.package)):
        (tmp_path / key).mkdir()
        plans.append(
            {**_plan(pkg, MARKER), "package": package, "key": key, "workdir": str(tmp_path / key)}
        )
    (tmp_path / "plans.json").write_text(json.dumps(plans), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    _run_check(
        ["--batch", str(tmp_path / "plans.json"), str(results)],
        [pkg.distribution],
        tmp_path,
        tmp_path / "hypothesis",
        300,
    )
    reports = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [r["key"] for r in reports] == ["broken", "good"]
    assert "No module named 'no_such_package'" in reports[0]["report"]
    assert reports[1]["report"] == "ok"
    # What the batch did not reach is checked alone, in a fresh interpreter, the same way.
    (tmp_path / "alone").mkdir()
    assert _checked_alone(pkg, tmp_path / "alone").report == "ok"


def _package_dirs(packages: dict[str, HostilePackage]) -> list[str]:
    return [str(pkg.distribution / pkg.package) for pkg in packages.values()]


def test_hostile_packages_pass_mypy_strict(hostile_packages: dict[str, HostilePackage]) -> None:
    result = mypy_strict(*_package_dirs(hostile_packages))
    assert result.returncode == 0, tool_output(result)


def test_hostile_packages_pass_ruff(hostile_packages: dict[str, HostilePackage]) -> None:
    result = ruff_check(*_package_dirs(hostile_packages))
    assert result.returncode == 0, tool_output(result)
