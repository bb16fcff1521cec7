"""Fixtures every tier shares; the helpers they use live in tests/support/ (imported as
`support.NAME`: pytest's `pythonpath` setting puts tests/ on the path)."""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from support.loopback import LoopbackServer, loopback_servers
from support.tools import CASES, PROXY_VARIABLES, GeneratedPackage

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
settings.register_profile(
    "dev",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Runs record what they generated (generator/build/cache.py); keep those records out of the home
# directory, in one place per test session, which subprocesses inherit.
os.environ.setdefault("CLIENTGEN_CACHE_DIR", tempfile.mkdtemp(prefix="clientgen-cache-"))
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files of golden tests from the current generator output",
    )


@pytest.fixture(scope="session")
def generated_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedPackage]:
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    packages = {}
    for case in CASES:
        root = case.committed
        if root is None:
            root = tmp_path_factory.mktemp("generated") / case.package
            result = generate(case.spec, package=case.package, module_budget=case.module_budget)
            assert result.ok, [d.format() for d in result.diagnostics]
            write_tree(result.files, root)
        sys.path.insert(0, str(root))
        module = importlib.import_module(case.package)
        packages[case.name] = GeneratedPackage(
            case=case,
            api=case.api(),
            spec=case.load_spec(),
            root=root,
            module=module,
            models=importlib.import_module(case.package + ".models"),
            strategies=importlib.import_module(case.package + ".strategies"),
            runtime=importlib.import_module(case.package + "._runtime"),
        )
    return packages


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    """Which generated client a test drives: `sync` (`Client`) or `async` (`AsyncClient`, made
    blocking by tests/support/loopback.py's `Blocking`, see `client_of` there)."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


# Two loopback servers (the API, and another origin for redirect and credential tests); a
# module that needs another kind of `server` defines its own, which takes precedence.
@pytest.fixture
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    yield from loopback_servers()


@pytest.fixture
def server(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[0]


@pytest.fixture
def other(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    return servers[1]
