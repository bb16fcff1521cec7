"""The pipeline, stage by stage: load → validate → parse → render → format (→ write).

Each stage is a pure function in its own module; this one only chains them, stops before
writing when any stage reports an error, and gives every diagnostic its file and line:column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import swagger2
from .bundle import bundle
from .diagnostics import Diagnostic, Severity, error, has_errors
from .format import format_files
from .ir import Api
from .load import Document, load
from .parse import parse
from .render import render
from .validate import validate


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    files: dict[str, str]
    """The generated tree, by relative POSIX path; empty when there were errors."""
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def _locate(document: Document, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    located = []
    for diagnostic in diagnostics:
        if diagnostic.file is None:
            diagnostic = replace(diagnostic, file=str(document.path))
        if diagnostic.line is None and diagnostic.pointer:
            position = document.locate(diagnostic.pointer)
            if position is not None:
                diagnostic = replace(diagnostic, line=position[0], column=position[1])
        located.append(diagnostic)
    return tuple(located)


# Findings of the schema validator that real specs often have and that the parser copes with
# (an operation `title`, a default of the wrong type, ...): warnings unless --strict.
LENIENT_CODES = frozenset(
    {
        "validate.schema",
        "validate.default",
        "validate.required-undefined",
        "validate.path-param-unused",
        "validate.duplicate-parameter",
    }
)


def _apply_strictness(
    diagnostics: Iterable[Diagnostic], *, strict: bool
) -> tuple[Diagnostic, ...]:
    """--strict: every warning is an error. Otherwise lenient validator findings are warnings."""
    result = []
    for diagnostic in diagnostics:
        if strict and diagnostic.severity is Severity.WARNING:
            diagnostic = replace(diagnostic, severity=Severity.ERROR)
        elif not strict and diagnostic.code in LENIENT_CODES:
            diagnostic = replace(
                diagnostic,
                severity=Severity.WARNING,
                hint=(diagnostic.hint + "; " if diagnostic.hint else "")
                + "tolerated; --strict makes it an error",
            )
        result.append(diagnostic)
    return tuple(result)


def _too_deep(stage: str) -> Diagnostic:
    # The loader and validator refuse deep documents first; this is the backstop for
    # structures whose depth comes from $ref chains rather than from the text.
    return error(
        f"{stage}.too-deep",
        "",
        f"the spec nests too deeply for the {stage} stage (Python's recursion limit)",
        hint="shorten long chains of $ref, allOf or nested schemas",
    )


def check_spec(
    spec: Path, *, strict: bool = False
) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Load and validate: the `validate` command, and the first half of `generate`."""
    document, diagnostics = load(spec)
    if document is None or has_errors(diagnostics):
        return None, diagnostics
    document, bundled = bundle(document)
    diagnostics += bundled
    if has_errors(bundled):
        return None, diagnostics
    problems = _apply_strictness(_locate(document, validate(document)), strict=strict)
    return document, diagnostics + problems


def analyse(
    spec: Path, *, package: str, package_version: str = "0.1.0", strict: bool = False
) -> tuple[Api | None, tuple[Diagnostic, ...]]:
    """Load, validate and parse: the `validate` command, and `generate` up to rendering."""
    document, diagnostics = check_spec(spec, strict=strict)
    if document is None or has_errors(diagnostics):
        return None, diagnostics
    data = document.data
    pointer_map: dict[str, str] = {}
    if isinstance(data, dict) and str(data.get("swagger", "")).startswith("2."):
        data, converted, pointer_map = swagger2.convert(data)
        diagnostics += _apply_strictness(_locate(document, converted), strict=strict)
    try:
        api, parse_diagnostics = parse(
            data, package_name=package, package_version=package_version
        )
    except RecursionError:
        return None, diagnostics + _locate(document, (_too_deep("parse"),))
    if pointer_map:
        parse_diagnostics = tuple(
            replace(d, pointer=swagger2.original_pointer(d.pointer, pointer_map))
            for d in parse_diagnostics
        )
    diagnostics += _apply_strictness(_locate(document, parse_diagnostics), strict=strict)
    if api is None or has_errors(diagnostics):
        return None, diagnostics
    return api, diagnostics


def generate(
    spec: Path,
    *,
    package: str,
    template_dirs: Sequence[Path] = (),
    package_version: str = "0.1.0",
    strict: bool = False,
) -> Result:
    """Run every stage up to (not including) writing."""
    api, diagnostics = analyse(
        spec, package=package, package_version=package_version, strict=strict
    )
    if api is None:
        return Result(files={}, diagnostics=diagnostics)
    try:
        rendered, render_diagnostics = render(api, template_dirs)
    except RecursionError:
        return Result(files={}, diagnostics=(*diagnostics, _too_deep("render")))
    diagnostics += render_diagnostics
    if has_errors(diagnostics):
        return Result(files={}, diagnostics=diagnostics)
    try:
        formatted, format_diagnostics = format_files(rendered)
    except RecursionError:
        return Result(files={}, diagnostics=(*diagnostics, _too_deep("format")))
    diagnostics += format_diagnostics
    if has_errors(diagnostics):
        return Result(files={}, diagnostics=diagnostics)
    return Result(files=formatted, diagnostics=diagnostics)
