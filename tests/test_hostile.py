"""Hostile spec text is data: payloads in every string-bearing field of a spec, generated,
compiled, imported in a fresh interpreter, used over a mock transport, and type-checked.

For each payload of tests/hostile.py (and one spec whose names collide after snake_casing):
- generation succeeds and runs nothing (no marker file appears where the generator ran);
- the package imports in a subprocess and runs nothing (no marker file there either);
- enum values, property names, parameter names and values, header names, server defaults and
  titles come back exactly as the spec wrote them (tests/hostile_check.py);
- all the packages together pass `mypy --strict` and ruff.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hostile import (
    COLLIDING,
    MARKER,
    PAYLOADS,
    api_key_name,
    build,
    is_header_name,
    sites,
)

from generator.filters import metadata_line
from generator.ir import Api, Operation
from generator.parse import parse
from generator.pipeline import generate
from generator.write import write_tree

HERE = Path(__file__).resolve().parent
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
    """tests/hostile.py's spec; for the builtin names, also a schema named like each, every
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


@pytest.mark.parametrize("key", list(CASES))
def test_payload_comes_back_as_data(
    key: str, hostile_packages: dict[str, HostilePackage], tmp_path: Path
) -> None:
    pkg = hostile_packages[key]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(_plan(pkg, MARKER)), encoding="utf-8")
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    result = subprocess.run(
        [sys.executable, str(HERE / "hostile_check.py"), str(plan)],
        cwd=workdir,
        env={
            "PYTHONPATH": str(pkg.distribution),
            "PATH": "/usr/bin:/bin",
            "HYPOTHESIS_STORAGE_DIRECTORY": str(tmp_path / "hypothesis"),
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stdout + result.stderr
    assert list(workdir.iterdir()) == [], "the generated package ran code from the spec"


def _package_dirs(packages: dict[str, HostilePackage]) -> list[str]:
    return [str(pkg.distribution / pkg.package) for pkg in packages.values()]


def test_hostile_packages_pass_mypy_strict(hostile_packages: dict[str, HostilePackage]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version",
         "3.10", *_package_dirs(hostile_packages)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hostile_packages_pass_ruff(hostile_packages: dict[str, HostilePackage]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--target-version",
         "py310", *_package_dirs(hostile_packages)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
