"""generator/render/views/module_parts.py: how a too-large module is cut into parts.

The partition must be deterministic (the same API gives the same parts, named after the
leading letters their names share), keep together what a class needs when it is created
(a subtype with its base), put every name in exactly one part, and import across parts only
names another part defines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import pipeline
from generator.ir.nodes import Api
from generator.render.views import module_parts
from generator.render.views.module_parts import PART_PREFIX, SUPPORT_PART, split_module

ROOT = Path(__file__).resolve().parents[3]
SPECS = ROOT / "tests" / "specs"


def _api(name: str) -> Api:
    api, diagnostics = pipeline.analyse(SPECS / name, package="demo_client")
    assert api is not None, diagnostics
    return api


@pytest.fixture(scope="module")
def polymorphism() -> Api:
    return _api("polymorphism.yaml")


@pytest.fixture(scope="module")
def features() -> Api:
    return _api("features.yaml")


def test_a_module_within_the_budget_stays_one_file(features: Api) -> None:
    for kind in module_parts.SPLIT_KINDS:
        assert split_module(kind, features, module_parts.MODULE_BUDGET) is None


MODULE_KINDS = ("models", "enums", "strategies")


@pytest.mark.parametrize("kind", MODULE_KINDS)
def test_the_partition_is_deterministic(features: Api, kind: str) -> None:
    first = split_module(kind, features, 1)
    again = split_module(kind, _api("features.yaml"), 1)
    assert first is not None and again is not None
    assert [(p.module, p.defines, p.imports_from) for p in first.parts] == [
        (p.module, p.defines, p.imports_from) for p in again.parts
    ]
    assert first.lazy == again.lazy


@pytest.mark.parametrize("kind", MODULE_KINDS)
def test_every_name_is_defined_in_exactly_one_part(features: Api, kind: str) -> None:
    split = split_module(kind, features, 1)
    assert split is not None
    defined = [name for part in split.parts for name in part.defines]
    assert len(defined) == len(set(defined))
    expected = {
        "models": {m.class_name for m in features.models}
        | {n for c in features.codecs for n in (c.decoder, c.encoder, c.counter) if n},
        "enums": {e.class_name for e in features.enums},
        "strategies": {m.strategy_name for m in features.models}
        | {m.json_strategy_name for m in features.models}
        | set(module_parts.STRATEGY_HELPERS),
    }[kind]
    assert set(defined) == expected
    assert dict(split.lazy.modules) == {
        name: "." + part.module for part in split.parts for name in part.defines
    }
    for part in split.parts:
        assert part.module.startswith((PART_PREFIX, SUPPORT_PART))
        assert part.module.isidentifier()
        for module, names in part.imports_from:  # only what that other part defines
            other = next(p for p in split.parts if p.module == module)
            assert module != part.module and set(names) <= set(other.defines)


def test_a_subtype_is_in_its_bases_part(polymorphism: Api) -> None:
    split = split_module("models", polymorphism, 1)
    assert split is not None
    part_of = {name: part.module for part in split.parts for name in part.defines}
    bases = [
        (m.class_name, m.polymorphism.base)
        for m in polymorphism.models
        if m.polymorphism is not None and m.polymorphism.base
    ]
    assert bases, "the spec has subtypes"
    for subtype, base in bases:
        assert part_of[subtype] == part_of[base]


def test_parts_are_named_by_the_leading_letters_their_names_share(
    features: Api,
) -> None:
    split = split_module("enums", features, 1)
    assert split is not None
    for part in split.parts:
        prefix = part.module.removeprefix(PART_PREFIX)
        assert all(name.lower().startswith(prefix) for name in part.defines), part


def test_a_cut_goes_past_a_prefix_every_name_shares() -> None:
    units = [
        module_parts._Unit(key=key, size=10)
        for key in ("postaccount", "postaccounts", "postbalance", "postcharge")
    ]
    groups = module_parts._partition(units, 25, 1)
    assert [prefix for prefix, _ in groups] == ["posta", "postb", "postc"]
    assert [len(members) for _, members in groups] == [2, 1, 1]


def test_a_group_within_the_budget_is_not_cut_further() -> None:
    units = [module_parts._Unit(key=key, size=10) for key in ("aa", "ab", "b")]
    groups = module_parts._partition(units, 20, 1)
    assert [(prefix, len(members)) for prefix, members in groups] == [
        ("a", 2),
        ("b", 1),
    ]


def test_a_client_split_moves_each_operation_once() -> None:
    api = _api("operations.yaml")
    split = split_module("client", api, 1)
    assert split is not None and len(split.parts) > 1
    moved = [op.py_name for part in split.parts for op in part.api.operations]
    assert len(moved) == len(set(moved)) and set(moved) == split.moved
    assert split.moved == {op.py_name for op in api.operations}
    assert split_module("client", api, module_parts.MODULE_BUDGET) is None


@pytest.mark.parametrize("spec", ["operations.yaml", "polymorphism.yaml", "streams.yaml", "xml.yaml"])
def test_a_client_part_imports_what_its_own_scan_would_find(spec: str) -> None:
    # The parts take the API's model imports, scanned once (each part scanning every model
    # again cost Stripe seconds): the result must be what scanning the part finds.
    from generator.render.views.imports import module_imports

    api = _api(spec)
    split = split_module("client", api, 1)
    assert split is not None and len(split.parts) > 1
    for part in split.parts:
        assert part.imports == module_imports(part.api), part.module


def test_long_running_operations_and_their_status_operations_stay_in_the_client() -> None:
    api = _api("azure-lro.yaml")
    assert api.long_running_operations, "the spec has long-running operations"
    # Both its operations are long-running: nothing is left to move.
    assert split_module("client", api, 1) is None
