"""The template context is a versioned, documented contract (generator/render/contract.py)."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
import pytest

from generator.build.pipeline import analyse
from generator.render import contract as context
from generator.render.template_filters import FILTERS
from generator.render.views.imports import module_imports
from generator.render.views.module_parts import SPLIT_KINDS, split_module

ROOT = Path(__file__).resolve().parents[3]
FACE = ROOT / "spec" / "face-person-group-training.yaml"
# Between them, these specs hold an instance of every class of the context.
SPECS = [
    FACE,
    ROOT / "tests" / "specs" / "face-reworded.json",
    ROOT / "tests" / "specs" / "features.yaml",
    ROOT / "tests" / "specs" / "operations.yaml",
    ROOT / "tests" / "specs" / "xml.yaml",
    ROOT / "tests" / "specs" / "polymorphism.yaml",
    ROOT / "tests" / "specs" / "streams.yaml",
    ROOT / "tests" / "specs" / "paging.yaml",
]
CHANGED = (
    "the template context changed: bump CONTEXT_VERSION in generator/render/contract.py, run "
    "`python -m generator.render.contract --write-docs --write-snapshot`, and describe the change in "
    "docs/templates.md"
)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return context.context_schema()


def _snapshot() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(context.SNAPSHOT.read_text(encoding="utf-8"))
    return data


def _attributes(schema: dict[str, Any]) -> dict[str, str]:
    """`Class.attribute` → its type (members: their value; filters: their signature)."""
    found: dict[str, str] = {}
    for name, cls in schema["classes"].items():
        for member in cls.get("members", ()):
            found[f"{name}.{member['name']}"] = repr(member["value"])
        for key in ("fields", "properties"):
            for attribute in cls.get(key, ()):
                found[f"{name}.{attribute['name']}"] = attribute["type"]
        for method in cls.get("methods", ()):
            found[f"{name}.{method['name']}()"] = method["signature"]
    for name, function in schema["filters"].items():
        found[f"filter {name}"] = function["signature"]
    for variable in schema["variables"]:
        found[f"variable {variable['name']}"] = variable["type"]
    return found


def _difference(old: dict[str, Any], new: dict[str, Any]) -> str:
    before, after = _attributes(old), _attributes(new)
    lines = [f"  added {k}: {after[k]}" for k in sorted(after.keys() - before.keys())]
    lines += [f"  removed {k}: {before[k]}" for k in sorted(before.keys() - after.keys())]
    lines += [
        f"  retyped {k}: {before[k]} -> {after[k]}"
        for k in sorted(before.keys() & after.keys())
        if before[k] != after[k]
    ]
    return "\n".join(lines[:40]) or "  (no attribute added, removed or retyped: another change)"


def test_the_schema_matches_the_snapshot(schema: dict[str, Any]) -> None:
    snapshot = _snapshot()["schema"]
    if schema == snapshot:
        return
    if context.shape_hash(schema) == context.shape_hash(snapshot):
        pytest.fail(
            "descriptions in the template context changed (its shape did not, so the version "
            "stays): run `python -m generator.render.contract --write-docs --write-snapshot`"
        )
    pytest.fail(f"{CHANGED}\n{_difference(snapshot, schema)}")


def test_the_snapshot_is_of_this_version_and_its_shape_is_recorded_under_it(
    schema: dict[str, Any],
) -> None:
    snapshot = _snapshot()
    assert snapshot["version"] == context.CONTEXT_VERSION, (
        f"tests/golden/template-context.json is of version {snapshot['version']}, "
        f"generator/render/contract.py says {context.CONTEXT_VERSION}: run "
        "`python -m generator.render.contract --write-docs --write-snapshot`"
    )
    history = context.read_history()
    assert context.history_problem(schema, history) is None, context.history_problem(
        schema, history
    )
    assert history[str(context.CONTEXT_VERSION)] == context.shape_hash(snapshot["schema"])


def test_a_new_shape_is_accepted_only_under_a_new_version(
    schema: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = context.read_history()
    changed = copy.deepcopy(schema)
    changed["classes"]["Model"]["fields"].append(
        {"name": "table_name", "type": "str", "has_default": False, "doc": "New."}
    )
    problem = context.history_problem(changed, history)
    assert problem is not None and "bump CONTEXT_VERSION" in problem
    # --write-snapshot refuses it too, and writes nothing.
    monkeypatch.setattr(context, "HISTORY", tmp_path / "history.json")
    monkeypatch.setattr(context, "SNAPSHOT", tmp_path / "snapshot.json")
    context.HISTORY.write_text(json.dumps(history), encoding="utf-8")
    assert context.write_snapshot(changed) is not None
    assert not context.SNAPSHOT.exists()
    assert json.loads(context.HISTORY.read_text(encoding="utf-8")) == history
    # A description is not the shape: no new version for it.
    reworded = copy.deepcopy(schema)
    reworded["classes"]["Model"]["fields"][0]["doc"] = "Reworded."
    assert context.history_problem(reworded, history) is None
    # Under the next version the new shape is recorded, and the old versions stay.
    monkeypatch.setattr(context, "CONTEXT_VERSION", context.CONTEXT_VERSION + 1)
    assert context.write_snapshot(changed) is None
    recorded = json.loads(context.HISTORY.read_text(encoding="utf-8"))
    assert recorded == {**history, str(context.CONTEXT_VERSION): context.shape_hash(changed)}
    # A version bumped with nothing changed is refused.
    monkeypatch.setattr(context, "CONTEXT_VERSION", context.CONTEXT_VERSION + 1)
    assert "did not change" in (context.write_snapshot(changed) or "")
    assert json.loads(context.HISTORY.read_text(encoding="utf-8")) == recorded
    # So is a history that lost a version.
    monkeypatch.setattr(context, "CONTEXT_VERSION", context.CONTEXT_VERSION - 1)
    del recorded["1"]
    assert "every version" in (context.history_problem(changed, recorded) or "")


def test_the_docs_reference_section_is_current(
    schema: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert context.check_docs(schema) is None
    stale = context.DOCS.read_text(encoding="utf-8").replace("`pointer`", "`where`", 1)
    monkeypatch.setattr(context, "DOCS", tmp_path / "templates.md")
    context.DOCS.write_text(stale, encoding="utf-8")
    assert context.main(["--check-docs"]) == 1
    assert context.main(["--write-docs"]) == 0
    assert context.main(["--check-docs"]) == 0
    text = context.DOCS.read_text(encoding="utf-8")
    assert text.startswith("# Writing templates\n") and text.endswith(context.END + "\n")


def test_every_class_field_property_and_method_is_described(schema: dict[str, Any]) -> None:
    missing = [name for name, cls in schema["classes"].items() if not cls["doc"]]
    for name, cls in schema["classes"].items():
        for key in ("fields", "properties", "methods"):
            missing += [f"{name}.{a['name']}" for a in cls.get(key, ()) if not a["doc"].strip()]
    assert not missing, f"add a docstring to each of: {', '.join(missing)}"


def test_every_filter_has_a_docstring(schema: dict[str, Any]) -> None:
    assert set(schema["filters"]) == set(FILTERS)
    assert [name for name, f in FILTERS.items() if not (f.__doc__ or "").strip()] == []


def test_the_schema_names_no_private_attribute_and_templates_read_none(
    schema: dict[str, Any],
) -> None:
    for cls in schema["classes"].values():
        for key in ("fields", "properties", "methods"):
            assert not [a for a in cls.get(key, ()) if a["name"].startswith("_")]
    env = jinja2.Environment()
    private = []
    for path in sorted((ROOT / "templates").rglob("*.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        private += [
            f"{path.name}:{node.lineno}: .{node.attr}"
            for node in tree.find_all(jinja2.nodes.Getattr)
            if node.attr.startswith("_")
        ]
    assert private == []


def test_types_read_as_annotations(schema: dict[str, Any]) -> None:
    fields = {f["name"]: f for f in schema["classes"]["Model"]["fields"]}
    assert fields["fields"]["type"] == "tuple[Field, ...]"
    assert fields["description"]["type"] == "str | None"
    assert fields["additional"] == {
        "name": "additional",
        "type": "TypeRef | None",
        "has_default": True,
        "doc": fields["additional"]["doc"],
    }
    response = {p["name"]: p for p in schema["classes"]["Response"]["properties"]}
    assert response["status_range"]["type"] == "tuple[int, int] | None"
    assert [m["value"] for m in schema["classes"]["TypeKind"]["members"]][:2] == [
        "string",
        "integer",
    ]
    assert schema["classes"]["Operation"]["methods"][0]["signature"] == (
        "parameters_in(location: str) -> tuple[Parameter, ...]"
    )


def _instances(value: object) -> Iterator[object]:
    """Every IR node reachable from `value` through what templates can read."""
    stack = [value]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if isinstance(item, (tuple, list, frozenset)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item) and id(item) not in seen:
            seen.add(id(item))
            yield item
            stack.extend(getattr(item, name) for name in context._attribute_names(type(item)))


def test_the_dump_of_every_class_has_its_fields_and_properties(schema: dict[str, Any]) -> None:
    expected = {
        name: [a["name"] for a in cls["fields"] + cls["properties"]]
        for name, cls in schema["classes"].items()
        if cls["kind"] == "dataclass"
    }
    dumped: set[str] = set()
    for spec in SPECS:
        api, _ = analyse(spec, package="pkg")
        assert api is not None, spec
        splits = [split_module(kind, api, 1) for kind in SPLIT_KINDS]
        for node in _instances((api, module_imports(api), *(s for s in splits if s))):
            name = type(node).__name__
            data = context.to_jsonable(node)
            assert list(data) == expected[name], name
            assert "pointer" in data or "pointer" not in expected[name]
            dumped.add(name)
        text = context.dumps({"api": context.to_jsonable(api)})
        assert text == json.dumps({"api": context.to_jsonable(api)}, indent=2, ensure_ascii=False)
    assert dumped == set(expected)


def test_to_jsonable_values() -> None:
    api, _ = analyse(FACE, package="face_client")
    assert api is not None
    data = context.to_jsonable(api)
    model = next(m for m in data["models"] if m["class_name"] == "TrainingResult")
    status = next(f for f in model["fields"] if f["wire_name"] == "status")
    assert status["type"]["kind"] == "enum"  # an enum is its value
    imports = context.to_jsonable(module_imports(api))
    assert isinstance(imports["model_kinds"], list) and imports["model_kinds"] == sorted(
        imports["model_kinds"]
    )
    assert "enum" in imports["model_kinds"] and "model_kinds" not in data  # not the IR's
    assert data["server"]["pointer"] == "/servers/0"
    assert json.loads(json.dumps(data)) == data


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
        timeout=300,
    )


def test_inspect_prints_the_context_as_json() -> None:
    result = run("inspect", str(FACE))
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert list(printed) == ["context_version", "api", "imports"]
    assert "model_runtime" in printed["imports"]
    assert printed["context_version"] == context.CONTEXT_VERSION
    api = printed["api"]
    assert api["package_name"] == "face_person_group_training"  # from the file's name
    model = next(m for m in api["models"] if m["class_name"] == "TrainingResult")
    assert model["module_name"] == "training_result"
    assert model["pointer"] == "/components/schemas/TrainingResult"
    assert [f["py_name"] for f in model["fields"]][:1] == ["status"]
    assert "required_fields" in model and "exports" in api  # properties too
    assert list(api)[:2] == ["pointer", "source_format"]  # field order, not sorted
    named = run("inspect", str(FACE), "--package", "my_face")
    assert json.loads(named.stdout)["api"]["package_name"] == "my_face"


def test_inspect_of_a_bad_spec_exits_1_with_a_located_message(tmp_path: Path) -> None:
    bad = tmp_path / "3d bad.yaml"
    bad.write_text(
        "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  pets: {}\n",
        encoding="utf-8",
    )
    result = run("inspect", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"{bad}:6:3: error[path-not-absolute] at /paths/pets" in result.stderr
    assert run("inspect", str(FACE), "--package", "Not-A-Name").returncode == 2
