"""Specs split over several files: external `$ref`s become local ones before validation.

tests/specs/multifile/ has a whole-file schema, mutual recursion between two files, a local ref
inside an external file, a shared parameter and response, and an external ref under an
extension key (which is data, and stays as it is). Refusals (URLs, `file:`, absolute paths, `..`
escapes, missing files) are malformed cases in tests/errors/malformed/.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from support.tools import mypy_strict, tool_output

from generator.build.pipeline import generate
from generator.load.bundle import bundle, has_external_refs
from generator.load.document import load
from generator.output.atomic_write import write_tree

SPEC = Path(__file__).resolve().parents[2] / "specs" / "multifile" / "openapi.yaml"


def _bundled() -> dict[str, object]:
    document, diagnostics = load(SPEC)
    assert document is not None and diagnostics == ()
    bundled, problems = bundle(document)
    assert problems == ()
    data: dict[str, object] = bundled.data
    return data


def test_external_schemas_are_hoisted_under_their_names_and_refs_made_local() -> None:
    data = _bundled()
    schemas = data["components"]["schemas"]  # type: ignore[index]
    assert sorted(schemas) == ["Address", "Count", "Error", "Local", "Owner", "pet"]
    assert schemas["pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert schemas["Owner"]["properties"]["pets"]["items"] == {"$ref": "#/components/schemas/pet"}
    assert schemas["Owner"]["properties"]["address"] == {"$ref": "#/components/schemas/Address"}
    assert schemas["Local"]["properties"]["pet"] == {"$ref": "#/components/schemas/pet"}


def test_non_schema_targets_are_copied_in_place_and_extensions_left_alone() -> None:
    operation = _bundled()["paths"]["/pets"]["get"]  # type: ignore[index]
    assert operation["parameters"] == [
        {
            "name": "limit",
            "in": "query",
            "description": "How many to return.",
            "schema": {"$ref": "#/components/schemas/Count"},
        }
    ]
    not_found = operation["responses"]["404"]
    assert not_found["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert operation["x-ms-examples"] == {"List": {"$ref": "./examples/not-there.json"}}


def test_only_extension_refs_remain_external() -> None:
    data = _bundled()
    paths = dict(data["paths"])  # type: ignore[call-overload]
    paths["/pets"] = {
        "get": {k: v for k, v in paths["/pets"]["get"].items() if k != "x-ms-examples"}
    }
    assert not has_external_refs({**data, "paths": paths})


def test_a_document_without_external_refs_is_returned_as_it_is() -> None:
    document, _ = load(Path(__file__).resolve().parents[2] / "specs" / "operations.yaml")
    assert document is not None
    assert bundle(document) == (document, ())


def test_bundling_is_deterministic_and_leaves_the_loaded_document_alone() -> None:
    document, _ = load(SPEC)
    assert document is not None
    before = repr(document.data)
    assert bundle(document)[0].data == bundle(document)[0].data
    assert repr(document.data) == before


def test_a_split_spec_generates_a_working_client(tmp_path: Path) -> None:
    result = generate(SPEC, package="split_pets")
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, tmp_path)
    typed = mypy_strict("split_pets", cwd=tmp_path)
    assert typed.returncode == 0, tool_output(typed)
    sys.path.insert(0, str(tmp_path))
    try:
        models = importlib.import_module("split_pets.models")
        wire = {"name": "Rex", "owner": {"name": "Ann", "pets": [{"name": "Tom"}],
                                         "address": {"city": "Oslo"}}}  # fmt: skip
        pet = models.Pet.from_dict(wire)
        assert pet.owner.pets[0].name == "Tom" and pet.owner.address.city == "Oslo"
        assert pet.to_dict() == wire
        assert models.Error.from_dict({"message": "gone"}).message == "gone"
    finally:
        sys.path.remove(str(tmp_path))
