"""A package generated from a spec into a temporary directory and imported for a test module."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType


def generated_package(root: Path, spec: Path, package: str) -> Iterator[ModuleType]:
    """The package generated from `spec` into `root`, imported while the caller needs it (a
    generator for a module-scoped fixture: `yield from generated_package(...)`)."""
    from generator.build.pipeline import generate
    from generator.output.atomic_write import write_tree

    result = generate(spec, package=package)
    assert result.ok, [d.format() for d in result.diagnostics]
    write_tree(result.files, root / package)
    sys.path.insert(0, str(root / package))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root / package))
        for name in [
            n for n in sys.modules if n == package or n.startswith(package + ".")
        ]:
            del sys.modules[name]
