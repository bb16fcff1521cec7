"""The validate stage started before the rest of the pipeline is even imported.

Importing openapi-spec-validator takes about a quarter of a second, most of a small spec's
run. The validator needs nothing from the later stages, so the CLI forks it first thing: the
child loads the spec itself (loading is deterministic, so it reads the document the parent
reads) and validates it while the parent imports the pipeline, loads, parses, renders and
formats. This module imports nothing heavy, so the parent pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator import forked_call as background
from generator.diagnostics import Diagnostic, has_errors

Validation = Callable[[], "tuple[Diagnostic, ...] | None"]
"""Waits for the validator's findings; None when the child could not load the spec."""


def start(spec: Path) -> Validation | None:
    """Begin validating `spec` in a forked process; None where forking is not possible (the
    pipeline then validates the document it loaded, as usual)."""
    if not background.can_fork():
        return None
    return background.start(_load_and_validate, spec)


def _load_and_validate(spec: Path) -> tuple[Diagnostic, ...] | None:
    from generator.load.bundle import bundle
    from generator.load.document import load
    from generator.validate.stage import validate

    document, diagnostics = load(spec)
    if document is None or has_errors(diagnostics):
        return None
    document, bundled = bundle(document)
    if has_errors(bundled):
        return None
    return validate(document)
