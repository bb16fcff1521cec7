"""Unit tests of the small pure helpers that decide names."""

from __future__ import annotations

import ast
import builtins
import hashlib
import keyword
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import naming
from generator.ir.nodes import Api

ROOT = Path(__file__).resolve().parents[2]
# Between them these reach every built-in template (polling.py needs a long-running operation).
RENDERED_SPECS = [
    ROOT / "spec" / "face-person-group-training.yaml",
    *sorted((ROOT / "tests" / "specs").glob("*.yaml")),
    ROOT / "tests" / "specs" / "face-reworded.json",
]


@pytest.mark.parametrize(
    ("text", "snake", "pascal"),
    [
        ("createdDateTime", "created_date_time", "CreatedDateTime"),
        ("PersonGroupOperations", "person_group_operations", "PersonGroupOperations"),
        ("HTTPResponseCode", "http_response_code", "HttpResponseCode"),
        ("x-ms-error-code", "x_ms_error_code", "XMsErrorCode"),
        ("display name", "display_name", "DisplayName"),
        ("café_au_lait", "cafe_au_lait", "CafeAuLait"),
        ("v1.1-preview.1", "v_1_1_preview_1", "V11Preview1"),
    ],
)
def test_case_conversions(text: str, snake: str, pascal: str) -> None:
    assert naming.snake_case(text) == snake
    assert naming.pascal_case(text) == pascal


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("PersonGroupOperations_GetPersonGroupTrainingStatus", "get_person_group_training_status"),
        ("getAnimal", "get_animal"),
        ("list_pets", "list_pets"),
        ("Pets_List", "list_"),
        ("Foo_2", "foo_2"),
        ("close", "close_"),
    ],
)
def test_method_names(operation_id: str, expected: str) -> None:
    assert naming.method_name(operation_id) == expected


@pytest.mark.parametrize(
    ("operation_id", "group", "attribute", "class_name", "method"),
    [
        (
            "PersonGroupOperations_GetPersonGroupTrainingStatus",
            "PersonGroupOperations",
            "person_group",
            "PersonGroupOperations",
            "get_training_status",
        ),
        ("Pets_List", "Pets", "pets", "PetsOperations", "list"),
        ("listPets", "pets", "pets", "PetsOperations", "list"),
        ("Pets_Pets", "Pets", "pets", "PetsOperations", "pets"),
        ("Pets_Close", "Pets", "pets", "PetsOperations", "close_"),
        ("Pets_Dict", "Pets", "pets", "PetsOperations", "dict_"),
        ("getThing", "Store API", "store", "StoreOperations", "get_thing"),
        ("x", "class", "class_", "ClassOperations", "x"),
    ],
)
def test_group_names(
    operation_id: str, group: str, attribute: str, class_name: str, method: str
) -> None:
    assert naming.group_attribute(group) == attribute
    assert naming.group_class_name(group) == class_name
    assert naming.group_method_name(operation_id, group) == method


def test_flat_names_use_the_whole_id_when_the_short_one_is_ambiguous_or_reserved() -> None:
    from generator.parse.api_parser import _flat_method_names

    ids = ["Photos_Upload", "Documents_Upload", "Items_List", "Items_Get", "getThing"]
    assert _flat_method_names(ids) == [
        "photos_upload",
        "documents_upload",
        "items_list",
        "get",
        "get_thing",
    ]


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("class", "class_"),
        ("None", "none"),
        ("to_dict", "to_dict_"),
        ("123abc", "field_123_abc"),
        ("", "field"),
        ("__init__", "init"),
        ("list", "list_"),
        ("match", "match_"),
        ("🙂", "field"),
    ],
)
def test_field_names_are_safe(wire: str, expected: str) -> None:
    assert naming.field_name(wire) == expected


@given(st.text())
def test_every_text_gives_a_usable_identifier(text: str) -> None:
    for make in (
        naming.field_name,
        naming.class_name,
        naming.parameter_name,
        naming.method_name,
        naming.strategy_name,
        naming.enum_member_name,
    ):
        name = make(text)
        assert name.isidentifier() and name.isascii()
        assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
        assert not name.startswith("_")


def test_scope_resolves_collisions_deterministically() -> None:
    scope = naming.NameScope({"taken"})
    assert [scope.claim(n) for n in ["a", "a", "taken", "a", "class_", "class_"]] == [
        "a",
        "a_2",
        "taken_2",
        "a_3",
        "class_",
        "class_2",
    ]


def test_enum_member_names() -> None:
    assert naming.enum_member_name("notStarted") == "NOT_STARTED"
    assert naming.enum_member_name("") == "EMPTY"
    assert naming.enum_member_name(-3) == "NEGATIVE_3"
    assert naming.enum_member_name("in review") == "IN_REVIEW"


def test_export_order_matches_isort() -> None:
    names = ["Zeta", "UNSET", "alpha", "Model10", "Model2", "API_VERSION"]
    assert sorted(names, key=naming.export_sort_key) == [
        "API_VERSION",
        "UNSET",
        "Model2",
        "Model10",
        "Zeta",
        "alpha",
    ]


def test_path_segments() -> None:
    assert naming.path_segment("createdDateTime") == ".createdDateTime"
    assert naming.path_segment("display-name") == "['display-name']"


def test_import_and_export_order_is_ruffs_natural_order(tmp_path: Path) -> None:
    """Digit runs with a leading zero (digests in helper names) compare digit by digit."""
    names = [f"_encode_union_X_{hashlib.sha256(str(i).encode()).hexdigest()[:12]}" for i in range(400)]
    names += ["Model007", "Model7", "Model10", "Model010", "Model0", "Model00", "A0b", "A00b", "A1"]
    names += ["API_VERSION", "UNSET", "Unset", "client_2", "client_10", "X", "Y_2", "_", "B"]
    imported = sorted(set(names), key=naming.import_sort_key)
    exported = sorted(set(names), key=naming.export_sort_key)
    source = tmp_path / "order.py"
    source.write_text(
        "from m import (\n" + "".join(f"    {n},\n" for n in imported) + ")\n\n"
        "__all__ = [\n" + "".join(f"    {n!r},\n" for n in exported) + "]\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "I001,RUF022",
         str(source)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout


def _spec_class_names(api: Api) -> set[str]:
    """The classes the spec itself gave names to (claimed in the class scope)."""
    names = {m.class_name for m in api.models} | {e.class_name for e in api.enums}
    names |= {api.client_alias, api.async_client_alias}
    names |= {g.class_name for g in api.groups} | {g.async_class_name for g in api.groups}
    return names | {o.headers_class for o in api.operations if o.headers_class}


def _outside_names(source: str) -> set[str]:
    """What a module takes from builtins or imports, or defines at module level."""
    tree = ast.parse(source)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and hasattr(builtins, node.id):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {alias.asname or alias.name.partition(".")[0] for alias in node.names}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_no_model_or_enum_class_can_shadow_what_generated_code_refers_to() -> None:
    """A schema named `ValueError` made `except ValueError` catch a dataclass (a TypeError at
    run time, 107 mypy errors). Every builtin, import and module-level name the built-in
    templates' output uses must be a name no spec can give a class."""
    from generator.build.pipeline import analyse
    from generator.render.engine import render

    exposed: dict[str, str] = {}
    modules: set[str] = set()
    for spec in RENDERED_SPECS:
        api, diagnostics = analyse(spec, package="pkg")
        assert api is not None, [d.format() for d in diagnostics]
        files, problems = render(api)
        assert not problems, [d.format() for d in problems]
        from_spec = _spec_class_names(api)
        for path, source in files.items():
            if path.endswith(".py"):
                modules.add(path.rpartition("/")[2])
                for name in _outside_names(source) - from_spec:
                    exposed.setdefault(name, path)
    # The walk sees every module (polling.py only comes with long-running operations).
    assert {"client.py", "models.py", "polling.py", "_runtime.py", "_http.py"} <= modules
    assert "ValueError" in exposed and "isinstance" in exposed
    # A class name is letters and digits starting with a capital (`API_VERSION` can never be
    # one; `GROWTH` can: `g r o w t h`).
    shadowable = {
        name: path
        for name, path in sorted(exposed.items())
        if name not in naming.RESERVED_CLASS_NAMES and re.fullmatch("[A-Z][A-Za-z0-9]*", name)
    }
    assert shadowable == {}
    assert [name for name in exposed if naming.class_name(name) == name] == []


@pytest.mark.parametrize(
    "schema",
    ["ValueError", "Exception", "TypeError", "LookupError", "KeyError", "BaseException",
     "StopIteration", "NotImplemented", "Ellipsis", "ExceptionGroup", "FieldTable", "Iterable"],
)
def test_a_schema_named_like_a_builtin_or_import_is_renamed(schema: str) -> None:
    assert naming.class_name(schema) == schema + "_"


@pytest.mark.parametrize(
    "schema",
    ["ApiResponse", "NotFoundError", "RateLimitError", "ServerError", "BadRequestError"],
)
def test_a_schema_named_like_an_exported_error_or_response_is_renamed(schema: str) -> None:
    assert naming.class_name(schema) == schema + "_"


def test_parameters_named_like_the_per_call_options_are_renamed() -> None:
    """Every operation method takes `timeout`, `max_response_size`, `max_retries`,
    `extra_headers` and `extra_query`: a spec parameter of such a name gets another one,
    and an operation named like `with_options` or `with_raw_response` too."""
    from generator.parse.api_parser import parse

    names = ["maxRetries", "extra_headers", "extra-query", "timeout", "max_response_size"]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {
                "get": {
                    "operationId": "withOptions",
                    "parameters": [
                        {"name": name, "in": "query", "schema": {"type": "string"}}
                        for name in names
                    ],
                    "responses": {"204": {"description": "done"}},
                },
                "post": {
                    "operationId": "with_raw_response",
                    "responses": {"204": {"description": "done"}},
                },
            }
        },
    }
    api, diagnostics = parse(spec, package_name="t")
    assert api is not None, [d.format() for d in diagnostics]
    get, post = api.operations
    assert [a.py_name for a in get.signature] == [
        "max_retries_",
        "extra_headers_",
        "extra_query_",
        "timeout_",
        "max_response_size_",
    ]
    assert (get.py_name, post.py_name) == ("with_options_", "with_raw_response_")
