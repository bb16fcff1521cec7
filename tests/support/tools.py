"""What the test tiers share besides fixtures: the repository's paths, the round-trip cases,
stored-case matching, FIFOs, the external tools (mypy, ruff, and the ones CI installs), and
thread checks. Fixtures stay in tests/conftest.py; this module is imported by name."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.ir.nodes import Api
from generator.parse.api_parser import parse
from generator.swagger2.convert import convert

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "tests" / "specs"
CORPUS = ROOT / "tests" / "corpus"
"""Real-world specs (their sources and licences are in its README); part of the repository, so a
missing file there is a failure like any other."""


@dataclass(frozen=True)
class Case:
    """A spec whose generated package the round-trip tests exercise."""

    name: str
    spec: Path
    package: str
    committed: Path | None = None
    """The committed distribution directory, when the case is the project's own client."""
    module_budget: int | None = None
    """The size past which a generated module is split into parts, where not the default."""

    def load_spec(self) -> dict[str, Any]:
        return yaml.safe_load(self.spec.read_text(encoding="utf-8"))

    def api(self) -> Api:
        spec = self.load_spec()
        if str(spec.get("swagger", "")).startswith("2."):
            spec, _, _ = convert(spec)
        api, diagnostics = parse(spec, package_name=self.package)
        assert api is not None, [d.format() for d in diagnostics]
        return api


CASES = (
    Case(
        name="face",
        spec=ROOT / "spec" / "face-person-group-training.yaml",
        package="face_client",
        committed=ROOT / "generated" / "face_client",
    ),
    Case(name="face-reworded", spec=SPECS / "face-reworded.json", package="reworded_face"),
    Case(name="features", spec=SPECS / "features.yaml", package="zoo"),
    Case(name="features-3.1", spec=SPECS / "features31.yaml", package="zoo31"),
    Case(name="operations", spec=SPECS / "operations.yaml", package="shop"),
    Case(name="formats", spec=SPECS / "formats.yaml", package="formats_client"),
    Case(name="styles", spec=SPECS / "styles.yaml", package="paramstyles"),
    Case(name="styles-swagger2", spec=SPECS / "styles-swagger2.yaml", package="swaggerstyles"),
    Case(name="xml", spec=SPECS / "xml.yaml", package="xml_shapes"),
    Case(name="content", spec=SPECS / "content.yaml", package="content_client"),
    Case(name="polymorphism", spec=SPECS / "polymorphism.yaml", package="aquarium"),
    Case(name="streams", spec=SPECS / "streams.yaml", package="streams_client"),
    Case(name="paging", spec=SPECS / "paging.yaml", package="paging_client"),
    # Its models, enums and strategies split into parts, each model in one of its own.
    Case(name="features-split", spec=SPECS / "features.yaml", package="zoo_split", module_budget=1),
    # Its client split too: the operations' methods in parts, base classes of Client's.
    Case(name="operations-split", spec=SPECS / "operations.yaml", package="shop_split", module_budget=1),
)


@dataclass(frozen=True)
class GeneratedPackage:
    case: Case
    api: Api
    spec: dict[str, Any]
    root: Path
    module: ModuleType
    models: ModuleType
    strategies: ModuleType
    runtime: ModuleType


def fragments_match(line: str, fragments: list[str]) -> bool:
    """Whether every fragment appears in `line`, in order: how stored cases (`NAME.expected`
    next to a malformed spec or a broken template) state the diagnostic they expect."""
    at = 0
    for fragment in fragments:
        found = line.find(fragment, at)
        if found < 0:
            return False
        at = found + len(fragment)
    return True


@contextlib.contextmanager
def fifo(path: Path, *, after: float = 2.0, until: float = 20.0) -> Iterator[Path]:
    """A FIFO at `path`. Reading one blocks until a writer comes; code that still opens it for
    reading is let go after `after` seconds by a writer that opens and closes it (the reader
    sees an empty file), so a test of that code fails instead of hanging. Gives up at `until`."""
    os.mkfifo(path)
    stop = threading.Event()

    def release() -> None:
        deadline = time.monotonic() + until
        stop.wait(after)
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # ENXIO: nobody is reading yet
                pass
            stop.wait(0.05)

    releaser = threading.Thread(target=release, daemon=True)
    releaser.start()
    try:
        yield path
    finally:
        stop.set()
        releaser.join(timeout=5)


def in_ci() -> bool:
    """Whether this run is CI's (.ci/run exports CI=1): there, a tool the tests need must be
    installed, so its absence fails instead of skipping."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_tool(name: str, install: str, *candidates: Path) -> str:
    """The path of the external tool `name` (the first of `candidates` that exists, else `name`
    on PATH). When it is missing, the test is skipped on a developer's machine, saying how to
    install it, and fails under CI, whose .ci/run installs it. The one place that decides
    this, so every test that needs a tool outside Python behaves alike."""
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is not None:
        return found
    looked = [str(c.relative_to(ROOT)) if c.is_relative_to(ROOT) else str(c) for c in candidates]
    where = " and ".join([*looked, f"`{name}` on PATH"])
    message = f"{name} is not installed (looked for {where}); install it with `{install}`"
    if in_ci():
        pytest.fail(f"{message}. CI must install it: .ci/run does.")
    pytest.skip(message)


# -- checking generated code ------------------------------------------------------------------
# One recipe for every tier that checks generated packages, so they cannot drift apart: the
# generated code supports Python 3.10, so both tools check it as 3.10 code.
GENERATED_PYTHON = "3.10"
CHECK_TIMEOUT = 1800


def _tool(*args: str | Path, cwd: Path | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, check=False, timeout=CHECK_TIMEOUT,
    )


def mypy_strict(*targets: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` over generated packages (directories, or package names under `cwd`)."""
    return _tool("mypy", "--strict", "--no-incremental", "--python-version", GENERATED_PYTHON,
                 *targets, cwd=cwd)


def ruff_check(
    *targets: str | Path, select: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`ruff check` with no project configuration (ruff's default rules, or `select`)."""
    rules = ("--select", select) if select else ()
    return _tool("ruff", "check", "--isolated", "--no-cache", "--target-version",
                 "py" + GENERATED_PYTHON.replace(".", ""), *rules, *targets, cwd=cwd)


def tool_output(result: subprocess.CompletedProcess[str], limit: int = 4000) -> str:
    """The end of a checking tool's output, for an assertion message."""
    return result.stdout[-limit:] + result.stderr[-limit:]


def other_threads(patience: float = 10.0) -> list[str]:
    """The threads besides this one, after giving ones that are ending (an earlier test's idle
    keep-alive connection, a generated client's deadline thread) up to `patience` seconds to
    end: forking is safe only with one thread, and the tests of the forking paths must not
    depend on which tests ran before them in this process."""
    deadline = time.monotonic() + patience
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    return [t.name for t in threading.enumerate() if t is not threading.main_thread()]


# -- HTTP tests ---------------------------------------------------------------------------------
# Every request a test sends goes to loopback: a proxy from the environment must not take it
# elsewhere (httpx honours these variables).
PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)

