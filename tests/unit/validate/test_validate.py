"""generator.validate.spec_validator: version detection, located schema errors, semantic checks, no network."""

from __future__ import annotations

import copy
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.tools import CORPUS

from generator.build.pipeline import check_spec
from generator.diagnostics import Severity
from generator.load.document import Document, load
from generator.validate import spec_validator as validate_module
from generator.validate.backtracking import can_backtrack
from generator.validate.spec_validator import MAX_REPORTED, semantic_problems, validate

ROOT = Path(__file__).resolve().parents[3]
FACE = ROOT / "spec" / "face-person-group-training.yaml"

BASE: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}


def _operation(operation_id: str, parameters: list[Any] | None = None) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": operation_id}
    if parameters is not None:
        operation["parameters"] = parameters
    operation["responses"] = {"200": {"description": "ok"}}
    return operation


def _path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def _spec(**changes: Any) -> dict[str, Any]:
    spec = copy.deepcopy(BASE)
    spec.update(changes)
    return spec


def _validate(tmp_path: Path, data: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, pointer) of each problem, via a real YAML file so positions are filled in."""
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    document, diagnostics = load(path)
    assert document is not None and diagnostics == ()
    problems = validate(document)
    assert all(p.file == str(path) and p.line is not None for p in problems), problems
    return [(p.code, p.pointer) for p in problems]


def test_the_project_spec_is_valid() -> None:
    document, _ = load(FACE)
    assert document is not None
    assert validate(document) == ()


# --- versions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "pointer", "words"),
    [
        ({"openapi": None}, "", "no `openapi` field"),
        ({"openapi": 3.0}, "/openapi", "must be a string"),
        ({"openapi": "4.0.0"}, "/openapi", "unsupported openapi version '4.0.0'"),
        ({"openapi": "three"}, "/openapi", "unsupported"),
        ({"openapi": None, "swagger": "1.2"}, "/swagger", "unsupported swagger version"),
    ],
)
def test_undetectable_versions_give_one_clear_error(
    changes: dict[str, Any], pointer: str, words: str
) -> None:
    data = _spec(**changes)
    if changes.get("openapi", "") is None:
        del data["openapi"]
    problems = validate(Document(path=Path("spec.yaml"), data=data))
    assert [(p.code, p.pointer) for p in problems] == [("validate.version", pointer)]
    assert words in problems[0].message


def test_every_supported_version_is_validated() -> None:
    for version in ("3.0.0", "3.1.0", "3.2.0"):
        document = Document(path=Path("s.yaml"), data=_spec(openapi=version))
        assert validate(document) == (), version
    swagger = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    assert validate(Document(path=Path("s.yaml"), data=swagger)) == ()
    broken = {"swagger": "2.0", "info": "x", "paths": {}}
    assert [p.pointer for p in validate(Document(path=Path("s.yaml"), data=broken))] == ["/info"]


# --- schema errors ----------------------------------------------------------------------------------


def test_wrong_type_is_located(tmp_path: Path) -> None:
    assert _validate(tmp_path, _spec(info="hello")) == [("validate.schema", "/info")]


def test_errors_are_collected_not_stopped_at_the_first(tmp_path: Path) -> None:
    data = _spec(info={"title": 5})
    data["paths"] = {"/a": {"get": {"responses": 5}}}
    assert set(_validate(tmp_path, data)) == {
        ("validate.schema", "/info"),
        ("validate.schema", "/info/title"),
        ("validate.schema", "/paths/~1a/get/responses"),
    }


def test_unexpected_fields_point_at_the_field(tmp_path: Path) -> None:
    data = _spec(paths={"/a": {"get": {**_operation("a"), "title": "x"}}})
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    document, _ = load(path)
    assert document is not None
    (problem,) = validate(document)
    assert problem.pointer == "/paths/~1a/get/title"
    assert (
        problem.message == "unexpected field 'title' (only `x-` extension fields may be added here)"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[(problem.line or 0) - 1].strip().startswith("title:")


def test_errors_in_shared_schemas_point_into_components(tmp_path: Path) -> None:
    schema_ref = {"$ref": "#/components/schemas/Pet"}
    response = {"description": "ok", "content": {"application/json": {"schema": schema_ref}}}
    data = _spec(
        paths={"/a": {"get": {"operationId": "a", "responses": {"200": response}}}},
        components={"schemas": {"Pet": {"type": "object", "properties": {"n": {"type": "strin"}}}}},
    )
    assert _validate(tmp_path, data) == [
        ("validate.schema", "/components/schemas/Pet/properties/n/type")
    ]


def test_bad_default_is_located_at_the_default(tmp_path: Path) -> None:
    parameter = {"name": "q", "in": "query", "schema": {"type": "string", "default": 1}}
    data = _spec(paths={"/a": {"get": _operation("a", [parameter])}})
    assert _validate(tmp_path, data) == [
        ("validate.default", "/paths/~1a/get/parameters/0/schema/default")
    ]


def test_huge_instances_are_summarised_not_printed() -> None:
    data = _spec(info=list(range(5000)))
    (problem,) = validate(Document(path=Path("s.yaml"), data=data))
    assert problem.pointer == "/info"
    assert "a list of 5000 items" in problem.message
    assert len(problem.message) <= validate_module.MAX_MESSAGE


def test_many_errors_are_capped_with_a_note() -> None:
    data = _spec(paths={f"/p{i}": {"get": {"responses": i}} for i in range(MAX_REPORTED + 20)})
    problems = validate(Document(path=Path("s.yaml"), data=data))
    assert len(problems) == MAX_REPORTED + 1
    note = problems[-1]
    assert note.code == "validate.truncated" and note.severity is Severity.WARNING
    assert note.message.startswith("20 more problems")


def test_corpus_baselines_fail_as_documented() -> None:
    expected = {
        "opc-baseline_openapi_3.0.json": [
            "/paths/~1defaults/post/parameters/1/schema/default",
            (
                "/paths/~1models~1oneof-with-required-const/get/responses/200/content/"
                "application~1json/schema/oneOf/0/properties/type/const"
            ),
            "/paths/~1types~1unions~1duplicate-types/post/title",
        ],
        "opc-baseline_openapi_3.1.yaml": [
            "/paths/~1defaults/post/parameters/1/schema/default",
            "/paths/~1types~1unions~1duplicate-types/post/title",
        ],
        "petstore-expanded-3.0.yaml": [],
        "opc-3.1_specific.openapi.yaml": [],
        "azure-face-v1.1-preview.1.json": [],
    }
    for name, pointers in expected.items():
        document, diagnostics = load(CORPUS / name)
        assert document is not None and diagnostics == ()
        problems = validate(document)
        assert [p.pointer for p in problems] == pointers, name
        assert all(p.line is not None for p in problems)


# --- robustness -------------------------------------------------------------------------------------


def test_deep_schemas_give_a_diagnostic_not_a_recursion_error() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(200):
        schema = {"type": "object", "properties": {"p": schema}}
    data = _spec(openapi="3.1.0", components={"schemas": {"S": schema}})
    problems = validate(Document(path=Path("s.yaml"), data=data))
    assert [p.code for p in problems] == ["validate.too-deep"]
    assert problems[0].pointer.startswith("/components/schemas/S/properties/p")


def test_validator_crashes_become_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")
        yield  # pragma: no cover - makes this a generator

    monkeypatch.setattr(validate_module, "_raw_errors", explode)
    problems = validate(Document(path=Path("s.yaml"), data=_spec()))
    assert [(p.code, p.message) for p in problems] == [
        ("validate.internal", "the validator stopped early: RuntimeError: boom")
    ]


def test_remote_refs_are_refused_without_touching_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("validation tried to open a URL")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr("jsonschema_path.retrievers.urlopen", no_network)
    schema = {"$ref": "http://example.invalid/pet.json#/Pet"}
    response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    data = _spec(paths={"/a": {"get": {"operationId": "a", "responses": {"200": response}}}})
    assert _validate(tmp_path, data) == [
        (
            "validate.remote-ref",
            "/paths/~1a/get/responses/200/content/application~1json/schema/$ref",
        )
    ]


def test_local_file_refs_are_followed(tmp_path: Path) -> None:
    (tmp_path / "pet.yaml").write_text(
        "Pet:\n  type: object\n  properties:\n    n: {type: strin}\n"
    )
    schema = {"$ref": "pet.yaml#/Pet"}
    response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    data = _spec(paths={"/a": {"get": {"operationId": "a", "responses": {"200": response}}}})
    problems = _validate(tmp_path, data)
    assert [code for code, _ in problems] == ["validate.schema"]
    (tmp_path / "pet.yaml").write_text("Pet:\n  type: object\n")
    assert _validate(tmp_path, data) == []


# --- semantic checks -----------------------------------------------------------------------------


def test_duplicate_operation_ids_point_at_the_second(tmp_path: Path) -> None:
    data = _spec(
        paths={
            "/a": {"get": _operation("same"), "post": _operation("other")},
            "/b": {"get": _operation("same")},
        }
    )
    assert _validate(tmp_path, data) == [
        ("validate.duplicate-operation-id", "/paths/~1b/get/operationId")
    ]


def test_path_template_parameters(tmp_path: Path) -> None:
    data = _spec(
        paths={
            "/a/{id}": {"get": _operation("a"), "post": _operation("b", [_path_param("id")])},
            "/b/{x}": {"get": _operation("c"), "put": _operation("d")},
            "/c": {"parameters": [_path_param("z")], "get": _operation("e", [_path_param("w")])},
            "/d/{id}": {"parameters": [_path_param("id")], "get": _operation("f")},
        }
    )
    assert _validate(tmp_path, data) == [
        ("validate.path-param-undeclared", "/paths/~1a~1{id}/get"),
        ("validate.path-param-undeclared", "/paths/~1b~1{x}"),
        ("validate.path-param-unused", "/paths/~1c/parameters/0"),
        ("validate.path-param-unused", "/paths/~1c/get/parameters/0"),
    ]


def test_referenced_parameters_count_and_unknowable_ones_silence_the_check() -> None:
    local = _spec(
        paths={"/a/{id}": {"get": _operation("a", [{"$ref": "#/components/parameters/Id"}])}},
        components={"parameters": {"Id": _path_param("id")}},
    )
    assert semantic_problems(local) == []
    external = _spec(paths={"/a/{id}": {"get": _operation("a", [{"$ref": "other.yaml#/Id"}])}})
    assert semantic_problems(external) == []


def test_semantics_apply_to_swagger_2() -> None:
    data = {
        "swagger": "2.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a/{id}": {"get": {"operationId": "x", "responses": {"200": {"description": "ok"}}}}
        },
    }
    assert [(p.code, p.pointer) for p in semantic_problems(data)] == [
        ("validate.path-param-undeclared", "/paths/~1a~1{id}/get")
    ]


def test_dangling_local_refs(tmp_path: Path) -> None:
    schema = {"$ref": "#/components/schemas/Missing"}
    response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    data = _spec(
        paths={"/a": {"get": {"operationId": "a", "responses": {"200": response}}}},
        components={"schemas": {"Fine": {"type": "object", "example": {"$ref": "#/not/a/ref"}}}},
    )
    assert _validate(tmp_path, data) == [
        (
            "validate.unresolved-ref",
            "/paths/~1a/get/responses/200/content/application~1json/schema/$ref",
        )
    ]


@pytest.mark.parametrize(
    "paths",
    [[], {"/a": None}, {"/a": {"get": None}}, {"/a": {"parameters": "x", "get": {}}}],
)
def test_semantic_checks_tolerate_garbage(paths: Any) -> None:
    assert isinstance(semantic_problems(_spec(paths=paths)), list)
    problems = validate(Document(path=Path("s.yaml"), data=_spec(paths=paths)))
    assert problems and all(p.severity is Severity.ERROR for p in problems)
    assert "validate.internal" not in {p.code for p in problems}


def test_a_catastrophic_pattern_stops_the_validator_in_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library checks a default against the schema's pattern with backtracking `re`:
    `^(\\w+\\s?)*$` on 48 letters and a `!` would run for hours."""
    spec = tmp_path / "redos.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A:\n      type: string\n      pattern: '^(\\w+\\s?)*$'\n"
        "      default: '" + "a" * 48 + "!'\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(validate_module, "VALIDATOR_SECONDS", 1.0)
    started = time.perf_counter()
    _, diagnostics = check_spec(spec)
    assert time.perf_counter() - started < 10
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert [(d.code, d.pointer, d.line) for d in errors] == [
        ("validate.timeout", "/components/schemas/A/pattern", 8)
    ]
    assert "CPU time" in errors[0].message and "`^(\\w+\\s?)*$`" in errors[0].message


def _valid_spec(tmp_path: Path) -> Path:
    spec = tmp_path / "plain.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: {type: string, pattern: '^[a-z]+-[0-9]{3}$', default: 'abc-123'}\n",
        encoding="utf-8",
    )
    return spec


def test_the_time_limit_counts_cpu_time_not_time_spent_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a loaded machine a valid spec was refused because the wall clock ran out while the
    validator waited for a CPU: waiting (here: sleeping) must not count."""
    real_collect = validate_module._collect

    def slow_to_get_a_cpu(*args: Any) -> None:
        time.sleep(1.5)
        real_collect(*args)

    monkeypatch.setattr(validate_module, "_collect", slow_to_get_a_cpu)
    monkeypatch.setattr(validate_module, "VALIDATOR_SECONDS", 0.5)
    _, diagnostics = check_spec(_valid_spec(tmp_path))
    assert [d.code for d in diagnostics if d.severity is Severity.ERROR] == []


def test_running_out_of_cpu_without_a_backtracking_pattern_does_not_blame_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: Any) -> None:
        deadline = time.monotonic() + 20  # far past the limit; bounded all the same
        while time.monotonic() < deadline:
            pass

    monkeypatch.setattr(validate_module, "_collect", busy)
    monkeypatch.setattr(validate_module, "VALIDATOR_SECONDS", 0.3)
    started = time.monotonic()
    _, diagnostics = check_spec(_valid_spec(tmp_path))
    assert time.monotonic() - started < 10
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert [(d.code, d.pointer) for d in errors] == [("validate.timeout", "")]
    assert "CPU time" in errors[0].message and "backtrack" not in errors[0].message


@pytest.mark.parametrize(
    ("pattern", "dangerous"),
    [
        ("(a+)+", True),
        ("^(\\w+\\s?)*$", True),
        ("(a|ab)*c", True),
        ("((a+)b){2,}", True),
        ("(?:x*y?){1,9}", True),
        ("^[a-z]+$", False),
        ("^\\d{3}-\\d{4}$", False),
        ("^(ab)+$", False),
        ("([a-z]+)?", False),
        ("(a+){1}", False),
        ("[(a+)+]", False),
        ("\\(a+\\)+", False),
        ("^[]a+(]*$", False),
    ],
)
def test_can_backtrack(pattern: str, dangerous: bool) -> None:
    assert can_backtrack(pattern) is dangerous


def _documents_to_agree_on() -> list[Path]:
    found = [FACE, *sorted((ROOT / "tests" / "specs").glob("*.yaml"))]
    found += sorted(p for p in (ROOT / "tests" / "errors" / "malformed").iterdir() if p.suffix != ".expected")
    return found + sorted(p for p in CORPUS.iterdir() if p.suffix in (".json", ".yaml"))


def test_the_quick_schema_check_agrees_with_jsonschema() -> None:
    # jsonschema-rs answers "valid?" for the whole document; a wrong "yes" would hide every
    # problem jsonschema names, so the two must agree on every document we have.
    checked = valid = 0
    for path in _documents_to_agree_on():
        document, _ = load(path)
        if document is None:
            continue
        chosen = validate_module._pick_validator(document.data)
        if not isinstance(chosen, type):
            continue
        quick = validate_module._is_valid_quickly(chosen, document.data)
        thorough = validate_module._python_validator(chosen).iter_errors(document.data)
        assert quick == (next(iter(thorough), None) is None), path.name
        checked += 1
        valid += quick
    assert checked > 20 and valid > 10  # the corpus is there, and jsonschema-rs is installed
