"""Real Azure AI Face response bodies through the generated Face corpus client.

The requirement: the Face corpus client parses real Face response bodies (detection, person
groups, training) and returns them unchanged through `to_dict`.

The bodies are in tests/corpus_bodies/azure-face, each copied verbatim from a public source
that its SOURCES.json names (the examples of Azure/azure-rest-api-specs at a commit, or the
sample response of a learn.microsoft.com REST reference page), with the corpus-spec operation
and status whose response schema it must match. For each body:

- the index tells the truth about it: it validates against that schema, or it fails exactly at
  the paths the index lists;
- the operation's generated response parser decodes it into the IR's response type (and the
  model's `from_dict` agrees), and `to_dict` gives back the same JSON: same keys, same values
  and same JSON types (an integer stays an integer, a date-time keeps its text);
- the generated `Client` method, served the body by an `httpx.MockTransport`, sends the request
  the spec describes and returns the same result.

Bodies the client cannot take yet are `xfail(strict=True)` on the exact error they raise (any
other error fails), so they flip to a failure when that changes. The client is generated once
per session, shared with tests/corpus_gate/test_corpus.py.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from test_corpus import SPECS, Generated, _api, _imported, _spec_data

from generator.ir.nodes import Api, Operation, Response, TypeKind, TypeRef

BODIES = Path(__file__).resolve().parents[1] / "corpus_bodies" / "azure-face"
INDEX = BODIES / "SOURCES.json"
FACE = next(s for s in SPECS if s.package == "corpus_azure_face")
ENDPOINT = "https://face.example"
BASE_PATH = "/face/v1.1-preview.1"
"""What the client puts before the spec's paths when only `endpoint` is given."""


@dataclass(frozen=True)
class BodyCase:
    file: str
    operation_id: str
    status: str
    path_parameters: dict[str, str]
    conforms: bool
    violations: tuple[str, ...]
    """JSON pointers (into the body) of the places where it breaks its schema."""
    request_body: dict[str, Any] | None = None
    """The example's request body, for operations that take one."""

    @property
    def raw(self) -> bytes:
        return (BODIES / self.file).read_bytes()

    @property
    def body(self) -> Any:
        return json.loads(self.raw)


def _cases() -> list[BodyCase]:
    index = json.loads(INDEX.read_text(encoding="utf-8"))
    return [
        BodyCase(
            file=entry["file"],
            operation_id=entry["operation_id"],
            status=entry["status"],
            path_parameters=entry["path_parameters"],
            conforms=entry["conforms"],
            violations=tuple(v["path"] for v in entry["violations"]),
            request_body=entry.get("request_body"),
        )
        for entry in index["bodies"]
    ]


CASES = _cases()


@dataclass(frozen=True)
class Known:
    error: str
    """The exact message of the DeserializationError the client raises today."""
    reason: str


KNOWN_FAILURES: dict[str, Known] = {}
"""Bodies the client cannot take yet, by file name (none today: the training bodies' `"message":
null` is accepted since Swagger 2.0 optional properties accept null)."""


class KnownFailure(Exception):
    """The client raised exactly the error KNOWN_FAILURES records for this body."""


def _params() -> list[Any]:
    params = []
    for case in CASES:
        known = KNOWN_FAILURES.get(case.file)
        marks = (
            [pytest.mark.xfail(strict=True, raises=KnownFailure, reason=known.reason)]
            if known is not None
            else []
        )
        params.append(pytest.param(case, id=case.file.removesuffix(".json"), marks=marks))
    return params


def _index_params() -> list[Any]:
    return [pytest.param(case, id=case.file.removesuffix(".json")) for case in CASES]


@cache
def _face_api() -> Api:
    return _api(FACE)


@cache
def _face_data() -> dict[str, Any]:
    return _spec_data(FACE)


def _operation(api: Api, case: BodyCase) -> tuple[Operation, Response, TypeRef]:
    matches = [o for o in api.operations if o.operation_id == case.operation_id]
    assert len(matches) == 1, f"{case.operation_id}: {len(matches)} operations"
    [operation] = matches
    response = next(r for r in operation.responses if r.status == case.status)
    assert response.is_success and response.type is not None, response.pointer
    return operation, response, response.type


@pytest.fixture(scope="session")
def face(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return _imported(FACE, tmp_path_factory.mktemp("corpus"))


# -- comparing JSON -----------------------------------------------------------------------------

_JSON_TYPES = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def assert_same_json(sent: Any, back: Any, path: str = "$") -> None:
    """`back` is `sent`: the same keys, items and values, each of the same JSON type.

    Stricter than `==`, which takes 20 for 20.0, True for 1 and a str-enum member for its text.
    Only key order is free (JSON objects have none).
    """
    sent_type, back_type = _JSON_TYPES.get(type(sent)), _JSON_TYPES.get(type(back))
    assert back_type is not None, f"{path}: not a JSON value: {type(back).__name__} {back!r}"
    assert back_type == sent_type, f"{path}: {sent_type} {sent!r} came back as {back_type} {back!r}"
    if isinstance(sent, dict):
        assert set(back) == set(sent), (
            f"{path}: keys lost {sorted(set(sent) - set(back))}, "
            f"keys added {sorted(set(back) - set(sent))}"
        )
        for key, value in sent.items():
            assert_same_json(value, back[key], f"{path}.{key}")
    elif isinstance(sent, list):
        assert len(back) == len(sent), f"{path}: {len(sent)} items came back as {len(back)}"
        for i, (item, item_back) in enumerate(zip(sent, back, strict=True)):
            assert_same_json(item, item_back, f"{path}[{i}]")
    else:
        assert back == sent, f"{path}: {sent!r} came back as {back!r}"


def test_assert_same_json_is_strict() -> None:
    assert_same_json(
        {"a": [1, 2.5, None, "x"], "b": {"c": True}}, {"b": {"c": True}, "a": [1, 2.5, None, "x"]}
    )
    for sent, back in (
        ({"x": 20}, {"x": 20.0}),
        ({"x": 1}, {"x": True}),
        ({"x": None}, {}),
        ({}, {"x": None}),
        ([1, 2], [2, 1]),
        ({"t": "2024-03-05T11:07:58.371Z"}, {"t": "2024-03-05T11:07:58.371000Z"}),
    ):
        with pytest.raises(AssertionError):
            assert_same_json(sent, back)


# -- the index ----------------------------------------------------------------------------------


def test_the_index_lists_every_body_once() -> None:
    listed = [case.file for case in CASES]
    stored = sorted(p.name for p in BODIES.glob("*.json") if p != INDEX)
    assert sorted(listed) == stored
    assert len(set(listed)) == len(listed)
    assert set(KNOWN_FAILURES) <= set(listed)


@pytest.mark.parametrize("case", _index_params())
def test_the_index_tells_whether_the_body_matches_its_schema(case: BodyCase) -> None:
    data = _face_data()
    _, _, type_ref = _operation(_face_api(), case)
    validator = OAS30Validator(
        {"$ref": "#" + type_ref.pointer, "components": data["components"], "paths": data["paths"]},
        format_checker=oas30_format_checker,
    )
    found = sorted(
        {"/" + "/".join(str(p) for p in e.absolute_path) for e in validator.iter_errors(case.body)}
    )
    assert case.conforms == (not found), found
    assert found == sorted(case.violations)


# -- the generated client -----------------------------------------------------------------------


def _decode(face: Generated, case: BodyCase, call: Callable[[], Any]) -> Any:
    known = KNOWN_FAILURES.get(case.file)
    try:
        return call()
    except face.module.DeserializationError as exc:
        if known is not None and str(exc) == known.error:
            raise KnownFailure(str(exc)) from exc
        raise


def _check_type(face: Generated, type_ref: TypeRef, result: Any) -> None:
    models = face.module.models
    if type_ref.kind is TypeKind.MODEL:
        assert isinstance(result, getattr(models, str(type_ref.target)))
    else:
        assert type_ref.kind is TypeKind.ARRAY and type_ref.item is not None
        assert type_ref.item.kind is TypeKind.MODEL, type_ref.pointer
        item_class = getattr(models, str(type_ref.item.target))
        assert isinstance(result, list) and all(isinstance(i, item_class) for i in result)


def _to_json(type_ref: TypeRef, result: Any) -> Any:
    if type_ref.kind is TypeKind.ARRAY:
        return [item.to_dict() for item in result]
    return result.to_dict()


def _from_dict(face: Generated, type_ref: TypeRef, body: Any) -> Any:
    models = face.module.models
    if type_ref.kind is TypeKind.ARRAY:
        assert type_ref.item is not None
        return [getattr(models, str(type_ref.item.target)).from_dict(item) for item in body]
    return getattr(models, str(type_ref.target)).from_dict(body)


def _json_response(case: BodyCase) -> httpx.Response:
    return httpx.Response(
        int(case.status), content=case.raw, headers={"Content-Type": "application/json"}
    )


def _parser(client: ModuleType, name: str) -> Callable[[httpx.Response], object]:
    """The operation's response parser: in the client module, or in one of its parts when
    the client is split into a package (docs/templates.md, split modules)."""
    modules = [client]
    if hasattr(client, "__path__"):
        modules += [
            importlib.import_module(f"{client.__name__}.{info.name}")
            for info in sorted(pkgutil.iter_modules(client.__path__), key=lambda i: i.name)
        ]
    for module in modules:
        if hasattr(module, name):
            found: Callable[[httpx.Response], object] = getattr(module, name)
            return found
    raise AssertionError(f"no parser {name} in {client.__name__}")


@pytest.mark.parametrize("case", _params())
def test_the_response_parser_returns_the_body_unchanged(face: Generated, case: BodyCase) -> None:
    operation, _, type_ref = _operation(face.api, case)
    parser = _parser(face.module.client, operation.parser_name)
    result = _decode(face, case, lambda: parser(_json_response(case)))
    _check_type(face, type_ref, result)
    assert _from_dict(face, type_ref, case.body) == result
    back = _to_json(type_ref, result)
    assert_same_json(case.body, back)
    assert json.loads(json.dumps(back)) == back


@pytest.mark.parametrize("case", _params())
def test_the_client_method_returns_the_body_unchanged(face: Generated, case: BodyCase) -> None:
    operation, _, type_ref = _operation(face.api, case)
    requests: list[httpx.Request] = []

    def serve(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return _json_response(case)

    path_parameters = operation.parameters_in("path")
    assert {p.name for p in path_parameters} == set(case.path_parameters)
    arguments: dict[str, Any] = {
        p.py_name: case.path_parameters[p.name] for p in path_parameters
    }
    body = operation.body
    if body is not None:
        # Inline object bodies are spread into one argument per property.
        assert body.spread and case.request_body is not None
        by_wire = {f.wire_name: f.py_name for f in body.fields}
        arguments.update({by_wire[k]: v for k, v in case.request_body.items()})
    expected_path = BASE_PATH + operation.path
    for name, value in case.path_parameters.items():
        expected_path = expected_path.replace("{" + name + "}", quote(value, safe=""))

    client = face.module.Client(
        ENDPOINT,
        face.module.ApiKeyCredential("not-a-secret"),
        transport=httpx.MockTransport(serve),
        max_retries=0,
    )
    with client:
        method = getattr(client, operation.py_name)
        result = _decode(face, case, lambda: method(**arguments))

    assert [(r.method, r.url.path) for r in requests] == [(operation.method.upper(), expected_path)]
    if case.request_body is not None:
        assert json.loads(requests[0].content) == case.request_body
        assert requests[0].headers["content-type"] == "application/json"
    _check_type(face, type_ref, result)
    assert_same_json(case.body, _to_json(type_ref, result))
