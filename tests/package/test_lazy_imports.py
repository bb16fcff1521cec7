"""Importing a generated package is quick however large its API (issue 21): the package's
`__init__` imports each name on first use, and a module too large for one file (models, enums,
strategies, the client) is a package of parts. A part of the models reads the other parts'
names through the models package, so importing a model loads its own part only, and the
client loads no model until a call decodes one.

The case `features-split` (tests/support/tools.py) is generated with a budget of one byte, so
every module that can be split is; the others stay whole.
"""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from support.client_kit import client_of
from support.echo import EchoServer, Reply
from support.tools import GeneratedPackage

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
    """Whichever part a program imports first, it imports (a part of the strategies imports
    other parts at its end, and finds the names it needs defined)."""
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


def test_a_model_loads_its_own_part_only(split: GeneratedPackage) -> None:
    """What makes the first call of one operation of a large API quick: the parts of the
    models its answer names load when decoding reaches them, not with the model."""
    package = split.case.package
    models = split.models
    prefix = f"{package}.models._"
    chosen = []
    for name in models.__all__:
        own = getattr(models, name).__module__
        hints = typing.get_type_hints(getattr(models, name)).values()
        others = {
            leaf.__module__
            for hint in hints
            for leaf in _leaves(hint)
            if isinstance(leaf, type) and leaf.__module__.startswith(prefix)
        } - {own}
        if others:
            chosen.append((name, own))
    assert chosen, "no model of the split case names a model of another part"
    for name, own in chosen[:3]:
        code = (
            "import sys\n"
            f"from {package}.models import {name}\n"
            f"print(sorted(m for m in sys.modules if m.startswith('{prefix}')))"
        )
        result = _python(code, split.root)
        assert result.stdout.strip() == repr([own]), result.stderr[-2000:]


def test_the_field_tables_of_a_part_are_built_on_first_use(split: GeneratedPackage) -> None:
    """A part that names other parts' models builds its models' field tables (the careful
    path of from_dict) when one is first read: then each is the model's own table."""
    package = split.case.package
    code = (
        "import sys\n"
        f"from {package} import models\n"
        f"from {package}.errors import DeserializationError\n"
        "names = [n for n in models.__all__ if isinstance(getattr(models, n), type)]\n"
        "lazy = [n for n in names if type(vars(getattr(models, n)).get('_FIELDS')) is not tuple]\n"
        "assert lazy, 'no part builds its tables lazily'\n"
        "for name in names:\n"
        "    cls = getattr(models, name)\n"
        "    if not hasattr(cls, 'from_dict'):\n"
        "        continue\n"
        "    table = cls._FIELDS\n"
        "    assert type(table) is tuple and vars(cls)['_FIELDS'] is table, name\n"
        "    try:\n"
        "        cls.from_dict(['not', 'an', 'object'])\n"
        "    except DeserializationError as error:\n"
        "        assert name in str(error) or 'object' in str(error), (name, str(error))\n"
        "    else:\n"
        "        raise AssertionError(name + ' read a list')\n"
        "print(len(lazy))"
    )
    result = _python(code, split.root)
    assert result.returncode == 0 and int(result.stdout) > 0, result.stderr[-2000:]


@pytest.mark.parametrize("flavour", ["Client", "AsyncClient"])
def test_a_split_client_loads_no_model_until_a_call_decodes_one(
    generated_packages: dict[str, GeneratedPackage], flavour: str
) -> None:
    pkg = generated_packages["operations-split"]
    package = pkg.case.package
    assert (pkg.root / package / "client" / "__init__.py").is_file()
    code = (
        "import sys\n"
        f"from {package}.client import {flavour}\n"
        f"print(sorted(m for m in sys.modules if m.startswith(('{package}.models.',"
        f" '{package}.enums.'))))"
    )
    result = _python(code, pkg.root)
    assert result.stdout.strip() == "[]", result.stderr[-2000:]


def test_a_model_from_a_part_round_trips(split: GeneratedPackage) -> None:
    def round_trip(value: Any) -> None:
        assert type(value).from_dict(value.to_dict()).to_dict() == value.to_dict()

    for model in split.api.models[:5]:
        strategy = getattr(split.strategies, model.strategy_name)
        check = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
        check(given(strategy())(round_trip))()


def _leaves(hint: Any) -> list[Any]:
    """The classes a type hint names, at any depth (a Literal's values are not classes)."""
    if typing.get_origin(hint) is typing.Literal or hint is Ellipsis:
        return []
    if isinstance(hint, list):  # a Callable's parameters
        return [leaf for item in hint for leaf in _leaves(item)]
    arguments = typing.get_args(hint)
    if not arguments:
        return [hint]
    origin = typing.get_origin(hint)
    own = [origin] if isinstance(origin, type) else []
    return own + [leaf for argument in arguments for leaf in _leaves(argument)]


@pytest.mark.parametrize("case", [SPLIT_CASE, "operations-split"])
def test_the_type_hints_of_a_split_package_name_real_classes(
    generated_packages: dict[str, GeneratedPackage], case: str
) -> None:
    """Tools that read annotations at run time (pydantic, cattrs, the Spector harness) call
    typing.get_type_hints on the models and the client's methods: in a split package every
    name they meet must be the class itself. (A try at binding other parts' names lazily,
    with stand-ins in the parts' globals, failed 36 Spector scenarios this way.)"""
    pkg = generated_packages[case]
    hinted: list[Any] = [getattr(pkg.models, name) for name in pkg.models.__all__]
    for client in (pkg.module.Client, pkg.module.AsyncClient):
        hinted += [
            member
            for name, member in vars(client).items()
            if callable(member) and not name.startswith("__")
        ]
        hinted += [
            member
            for base in client.__mro__[1:]
            if base.__module__.startswith(pkg.case.package)
            for name, member in vars(base).items()
            if callable(member) and not name.startswith("__")
        ]
    assert len(hinted) > len(pkg.models.__all__)
    for thing in hinted:
        for hint in typing.get_type_hints(thing).values():
            for leaf in _leaves(hint):
                assert leaf is None or leaf is Any or isinstance(leaf, type), (thing, hint, leaf)
