"""The validate stage's entry: the quick answer for a valid document when there is one
(`quick`), else openapi-spec-validator's full check (`spec_validator`, imported only then)."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.load.document import Document
from generator.validate.quick import quick_validate


def validate(document: Document) -> tuple[Diagnostic, ...]:
    """Every problem the validate stage finds in `document` (see spec_validator.validate)."""
    quick = quick_validate(document)
    if quick is not None:
        return quick
    from generator.validate.spec_validator import validate as full_validate

    return full_validate(document)


__all__ = ["validate"]
