"""Importing a generated package is quick however large its API (issue 21): the package's
`__init__` imports each name on first use, and a module too large for one file (models, enums,
strategies) is a package of parts that import each other.

The case `features-split` (tests/support/tools.py) is generated with a budget of one byte, so
every module that can be split is; the others stay whole.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

from generator.ir.kinds import TypeKind

SPLIT_CASE = "features-split"


def _python(code: str, root: Path) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter, the generated distribution `root` on its path."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=False
    )


@pytest.fixture(scope="module")
def split(generated_packages: dict[str, GeneratedPackage]) -> GeneratedPackage:
    return generated_packages[SPLIT_CASE]


def test_importing_the_package_imports_no_submodule_and_not_httpx(
    generated_packages: dict[str, GeneratedPackage],
) -> None:
    for name in ("face", SPLIT_CASE):
        pkg = generated_packages[name]
        package = pkg.case.package
        code = (
            f"import sys, {package}\n"
            f"loaded = sorted(m for m in sys.modules if m.startswith('{package}.'))\n"
            "assert not loaded, loaded\n"
            "assert 'httpx' not in sys.modules, 'httpx imported'\n"
            f"from {package} import Client, DeserializationError\n"
            f"assert {package}.Client is Client and 'httpx' in sys.modules\n"
            "print('ok')"
        )
        result = _python(code, pkg.root)
        assert result.stdout.strip() == "ok", result.stderr


def test_a_name_the_package_does_not_have_raises_attribute_error(
    generated_packages: dict[str, GeneratedPackage],
) -> None:
    for pkg in generated_packages.values():
        with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
            getattr(pkg.module, "NoSuchName")  # noqa: B009 - the module's __getattr__
        assert set(pkg.module.__all__) <= set(dir(pkg.module))


def test_a_submodule_is_an_attribute_of_the_package_as_before(
    generated_packages: dict[str, GeneratedPackage],
) -> None:
    # An eager __init__ imported every submodule, so `PKG.client.Client` worked after
    # `import PKG`; the lazy one imports a submodule when it is read.
    for name in ("face", SPLIT_CASE):
        pkg = generated_packages[name]
        package = pkg.case.package
        code = (
            f"import {package}\n"
            f"assert {package}.client.Client is {package}.Client\n"
            f"assert {package}.models.__name__ == '{package}.models'\n"
            f"assert not hasattr({package}, 'no_such_module')\n"
            f"assert not hasattr({package}, '_testing_private')\n"
            "print('ok')"
        )
        result = _python(code, pkg.root)
        assert result.stdout.strip() == "ok", result.stderr


def test_a_split_module_is_a_package_of_parts(
    generated_packages: dict[str, GeneratedPackage], split: GeneratedPackage
) -> None:
    package = split.root / split.case.package
    for module in ("models", "enums", "strategies"):
        assert not (package / f"{module}.py").exists()
        parts = sorted(p.name for p in (package / module).glob("_*.py"))
        assert len(parts) > 1, parts
    assert (package / "client.py").is_file(), "a client of one operation stays whole"
    shop = generated_packages["operations-split"]
    parts = sorted((shop.root / shop.case.package / "client").glob("_part_*.py"))
    assert len(parts) > 1, parts


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_split_client_calls_an_operation_from_a_part(
    generated_packages: dict[str, GeneratedPackage], flavour: str
) -> None:
    shop = generated_packages["operations-split"].module
    method = shop.Client.items_list
    assert method.__module__.startswith(shop.__name__ + ".client._part_")
    item = {"id": "i-1", "name": "Kettle", "price": 20.5}
    with EchoServer() as server:
        server.reply(Reply.json([item]))
        credential = shop.ApiKeyCredential("k")
        with client_of(shop, flavour, credential, base_url=server.url) as client:
            assert client.items_list(tag=["a"]) == [shop.Item.from_dict(item)]
            assert client.with_raw_response.items_list(tag=["a"]).status_code == 200
    assert server.last.path == "/items" and server.last.query == [("tag", "a")]


def test_the_split_modules_export_what_the_whole_ones_do(
    generated_packages: dict[str, GeneratedPackage], split: GeneratedPackage
) -> None:
    whole = generated_packages["features"]
    assert split.models.__all__ == whole.models.__all__
    for name in whole.models.__all__:
        model = getattr(split.models, name)
        assert model.__name__ == name and model.__module__.startswith(
            split.case.package + ".models._part_"
        )
    for model in split.api.models:
        assert callable(getattr(split.strategies, model.strategy_name))
        assert callable(getattr(split.strategies, model.json_strategy_name))
    enums = __import__(split.case.package + ".enums", fromlist=["__all__"])
    assert set(enums.__all__) == {e.class_name for e in split.api.enums}


@pytest.mark.parametrize("case", [SPLIT_CASE, "operations-split"])
def test_every_part_imports_alone(
    generated_packages: dict[str, GeneratedPackage], case: str
) -> None:
    """Whichever part a program imports first, the parts it imports in turn find the names
    they need defined (parts import each other at their end)."""
    split = generated_packages[case]
    package = split.root / split.case.package
    modules = sorted(
        ".".join(path.relative_to(split.root).with_suffix("").parts)
        for path in package.glob("*/_*.py")
    )
    assert modules
    code = "\n".join(
        [
            "import importlib, subprocess, sys",
            f"for name in {modules!r}:",
            "    code = f'import {name}'",
            "    done = subprocess.run([sys.executable, '-c', code], capture_output=True,",
            "                          text=True)",
            "    assert done.returncode == 0, (name, done.stderr[-2000:])",
            "print('ok')",
        ]
    )
    result = _python(code, split.root)
    assert result.stdout.strip() == "ok", result.stderr[-4000:]


def test_a_model_from_a_part_round_trips(split: GeneratedPackage) -> None:
    def round_trip(value: Any) -> None:
        assert type(value).from_dict(value.to_dict()).to_dict() == value.to_dict()

    for model in split.api.models[:5]:
        strategy = getattr(split.strategies, model.strategy_name)
        check = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
        check(given(strategy())(round_trip))()


def _cross_part_fields(split: GeneratedPackage) -> list[tuple[str, str, str]]:
    """(model, field's wire name, the field's model) where the field's model is defined in
    another part than the model."""
    found = []
    for model in split.api.models:
        home = getattr(split.models, model.class_name).__module__
        for field in model.fields:
            target = field.type.target
            if (
                field.type.kind is TypeKind.MODEL
                and target
                and target != model.class_name
                and getattr(split.models, target).__module__ != home
            ):
                found.append((model.class_name, field.wire_name, target))
    return found


def test_a_part_loads_another_only_when_a_value_meets_its_names(split: GeneratedPackage) -> None:
    """A models part binds the other parts' names lazily: loading it loads none of them, and
    decoding a value that holds another part's model loads that part, and binds the real class
    in place of the stand-in."""
    package = split.case.package
    crossing = _cross_part_fields(split)
    assert crossing, "the split case has no field whose model is in another part"
    model, wire_name, target = crossing[0]
    ir_model = next(m for m in split.api.models if m.class_name == model)
    strategy = getattr(split.strategies, ir_model.json_strategy_name)()
    data = find(strategy, lambda value: value.get(wire_name) is not None)
    code = "\n".join(
        [
            "import importlib, json, sys",
            f"from {package} import models",
            f"home = models.__dict__['_LAZY_NAMES'][{model!r}]",
            "home = importlib.import_module(home, models.__name__)",
            f"other = models.__dict__['_LAZY_NAMES'][{target!r}]",
            "other = models.__name__ + other",
            "assert other not in sys.modules, ('loaded with its neighbour', other)",
            f"assert type(home.__dict__[{target!r}]).__name__ == 'LazyName'",
            f"value = getattr(home, {model!r}).from_dict(json.loads({json.dumps(data)!r}))",
            "assert other in sys.modules, 'decoding did not load the part'",
            f"assert home.__dict__[{target!r}] is getattr(models, {target!r})",
            f"assert value.to_dict() == json.loads({json.dumps(data)!r})",
            "print('ok')",
        ]
    )
    result = _python(code, split.root)
    assert result.stdout.strip() == "ok", result.stderr[-4000:]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_split_client_loads_only_the_models_its_call_meets(
    generated_packages: dict[str, GeneratedPackage], flavour: str
) -> None:
    """Loading a split client loads no model part; a call loads the parts of what its answer
    holds, and the call's result is the real model."""
    shop = generated_packages["operations-split"]
    package = shop.case.package
    item = {"id": "i-1", "name": "Kettle", "price": 20.5}
    call = "client.items_list(tag=['a'])"
    if flavour == "async":
        call = "asyncio.run(_call())"
    with EchoServer() as server:
        server.reply(Reply.json([item]))
        code = "\n".join(
            [
                "import asyncio, sys",
                f"import {package}.client",
                f"loaded = [m for m in sys.modules if m.startswith('{package}.models.')]",
                "assert not loaded, ('loaded with the client', loaded)",
                f"from {package} import ApiKeyCredential, Client, AsyncClient",
                "client_class = AsyncClient if " + repr(flavour == "async") + " else Client",
                f"client = client_class(ApiKeyCredential('k'), base_url={server.url!r})",
                "async def _call():",
                "    async with client:",
                "        return await client.items_list(tag=['a'])",
                f"items = {call}",
                f"from {package}.models import Item",
                "assert type(items[0]) is Item and items[0].name == 'Kettle', items",
                f"loaded = [m for m in sys.modules if m.startswith('{package}.models._part')]",
                "assert loaded and len(loaded) < " + str(_model_parts(shop)) + ", loaded",
                "print('ok')",
            ]
        )
        result = _python(code, shop.root)
    assert result.stdout.strip() == "ok", result.stderr[-4000:]


def _model_parts(pkg: GeneratedPackage) -> int:
    return len(list((pkg.root / pkg.case.package / "models").glob("_part_*.py")))
