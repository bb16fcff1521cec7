"""The pipeline, stage by stage: load → validate → parse → render → format (→ write).

Each stage is a pure function in its own module; this one only chains them, stops before
writing when any stage reports an error, and gives every diagnostic its file and line:column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from generator import forked_call as background
from generator.build.progress import Stage, quiet
from generator.diagnostics import Diagnostic, Severity, error, has_errors
from generator.format.formatter import format_files
from generator.ir.nodes import Api
from generator.load.bundle import bundle
from generator.load.document import Document, load
from generator.parse.api_parser import parse
from generator.render.engine import render
from generator.swagger2 import convert as swagger2
from generator.validate.early_start import Validation


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    files: dict[str, str]
    """The generated tree, by relative POSIX path; empty when there were errors."""
    diagnostics: tuple[Diagnostic, ...]
    sources: tuple[Path, ...] = ()
    """Every file the spec was read from: the spec itself and what its `$ref`s reached."""

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def _locate(
    document: Document, diagnostics: Iterable[Diagnostic]
) -> tuple[Diagnostic, ...]:
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


def _load_and_bundle(spec: Path) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    document, diagnostics = load(spec)
    if document is None or has_errors(diagnostics):
        return None, diagnostics
    document, bundled = bundle(document)
    if has_errors(bundled):
        return None, diagnostics + bundled
    return document, diagnostics + bundled


def check_spec(
    spec: Path, *, strict: bool = False
) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Load and validate (in this process)."""
    document, diagnostics = _load_and_bundle(spec)
    if document is None:
        return None, diagnostics
    problems = _apply_strictness(_locate(document, _validate(document)), strict=strict)
    return document, diagnostics + problems


T = TypeVar("T")


def _validate(document: Document) -> tuple[Diagnostic, ...]:
    """The validate stage, importing the validator only here: it takes about 0.3 s to import,
    which in the usual run falls to the forked process on the other CPU."""
    from generator.validate.stage import validate

    return validate(document)


def _alongside_validation(
    document: Document,
    *,
    strict: bool,
    work: Callable[[], T],
    progress: Stage = quiet,
    started: Validation | None = None,
) -> tuple[tuple[Diagnostic, ...], T | None]:
    """Run `work` (parse, render, format) while the validator checks `document`.

    The validator is most of the time on a big spec and needs nothing from the later stages,
    so it runs in a forked process on another CPU. Its findings still come first: when it
    reports an error, `work`'s result (or the exception it raised on the invalid document) is
    dropped, exactly as if the later stages had never run."""
    finish = started if started is not None else background.start(_validate, document)
    try:
        result: T | None = work()
        failure: BaseException | None = None
    except Exception as exc:  # noqa: BLE001 - re-raised below unless validation failed
        result, failure = None, exc
    progress("validate")
    found = finish()
    if found is None:  # the early child could not load what this process did
        found = _validate(document)
    problems = _apply_strictness(_locate(document, found), strict=strict)
    if has_errors(problems):
        return problems, None
    if failure is not None:
        raise failure
    return problems, result


def _parse_document(
    document: Document,
    *,
    package: str,
    package_version: str,
    strict: bool,
    distribution_name: str | None = None,
) -> tuple[Api | None, tuple[Diagnostic, ...]]:
    data = document.data
    diagnostics: tuple[Diagnostic, ...] = ()
    pointer_map: dict[str, str] = {}
    if isinstance(data, dict) and str(data.get("swagger", "")).startswith("2."):
        data, converted, pointer_map = swagger2.convert(data)
        diagnostics += _apply_strictness(_locate(document, converted), strict=strict)
    try:
        api, parse_diagnostics = parse(
            data,
            package_name=package,
            package_version=package_version,
            distribution_name=distribution_name,
        )
    except RecursionError:
        return None, diagnostics + _locate(document, (_too_deep("parse"),))
    if pointer_map:
        parse_diagnostics = tuple(
            replace(d, pointer=swagger2.original_pointer(d.pointer, pointer_map))
            for d in parse_diagnostics
        )
    diagnostics += _apply_strictness(
        _locate(document, parse_diagnostics), strict=strict
    )
    if api is None or has_errors(diagnostics):
        return None, diagnostics
    return api, diagnostics


def analyse(
    spec: Path, *, package: str, package_version: str = "0.1.0", strict: bool = False
) -> tuple[Api | None, tuple[Diagnostic, ...]]:
    """Load, validate and parse: the `validate` command."""
    document, diagnostics = _load_and_bundle(spec)
    if document is None:
        return None, diagnostics
    problems, parsed = _alongside_validation(
        document,
        strict=strict,
        work=lambda: _parse_document(
            document, package=package, package_version=package_version, strict=strict
        ),
    )
    if parsed is None:
        return None, diagnostics + problems
    api, parse_diagnostics = parsed
    return api, diagnostics + problems + parse_diagnostics


def _render_and_format(
    api: Api,
    template_dirs: Sequence[Path],
    *,
    full_format: bool,
    progress: Stage = quiet,
    black_worker: background.Worker | None = None,
    module_budget: int | None = None,
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    progress("render")
    try:
        if module_budget is None:
            rendered, diagnostics = render(api, template_dirs)
        else:
            rendered, diagnostics = render(api, template_dirs, module_budget)
    except RecursionError:
        return {}, (_too_deep("render"),)
    if has_errors(diagnostics):
        return {}, diagnostics
    progress("format")
    try:
        formatted, format_diagnostics = format_files(
            rendered, full=full_format, black_worker=black_worker
        )
    except RecursionError:
        return {}, (*diagnostics, _too_deep("format"))
    if template_dirs and has_errors(format_diagnostics):
        format_diagnostics = _blame_user_templates(api, template_dirs, format_diagnostics)
    return formatted, diagnostics + format_diagnostics


def _blame_user_templates(
    api: Api, template_dirs: Sequence[Path], diagnostics: tuple[Diagnostic, ...]
) -> tuple[Diagnostic, ...]:
    """Code that does not parse, from a file a user's template rendered: located at that
    template, since the generator did not write it."""
    from generator.render.engine import user_template_files

    by_output = user_template_files(api, template_dirs)
    blamed = []
    for diagnostic in diagnostics:
        output = diagnostic.generated_file
        template = by_output.get(output) if output is not None else None
        if template is not None:
            diagnostic = replace(
                diagnostic,
                file=template,
                hint=f"the line:column above are of {output}, as this template rendered it",
            )
        blamed.append(diagnostic)
    return tuple(blamed)


def generate(
    spec: Path,
    *,
    package: str,
    template_dirs: Sequence[Path] = (),
    package_version: str = "0.1.0",
    distribution_name: str | None = None,
    strict: bool = False,
    progress: Stage = quiet,
    validation: Validation | None = None,
    black_worker: background.Worker | None = None,
    module_budget: int | None = None,
) -> Result:
    """Run every stage up to (not including) writing, telling `progress` as each begins.
    `validation`, when given, is the validate stage already under way (`early_validation`).
    `module_budget`, when given, replaces the size past which a module is split into parts
    (`render.views.module_parts.MODULE_BUDGET`; tests force a split with a small one).
    `distribution_name`, when given, is the pip project name instead of the package's.
    `black_worker`, when given, is a process importing black since the run began (see
    `format_files`).

    User templates make no promise to print black's layout, so their output goes through
    black whole; the built-in ones do (see `format`)."""
    progress("load")
    document, diagnostics = _load_and_bundle(spec)
    if document is None:
        if validation is not None:
            validation()  # the child failed to load it too; wait for it to end
        return Result(files={}, diagnostics=diagnostics)

    def downstream() -> tuple[tuple[Diagnostic, ...], dict[str, str]]:
        progress("parse")
        api, parse_diagnostics = _parse_document(
            document,
            package=package,
            package_version=package_version,
            strict=strict,
            distribution_name=distribution_name,
        )
        if api is None:
            return parse_diagnostics, {}
        files, later = _render_and_format(
            api,
            template_dirs,
            full_format=bool(template_dirs),
            progress=progress,
            black_worker=black_worker,
            module_budget=module_budget,
        )
        return parse_diagnostics + later, files

    problems, outcome = _alongside_validation(
        document, strict=strict, work=downstream, progress=progress, started=validation
    )
    if outcome is None:
        return Result(files={}, diagnostics=diagnostics + problems)
    later, files = outcome
    diagnostics += problems + later
    if has_errors(diagnostics):
        return Result(files={}, diagnostics=diagnostics)
    sources = (document.path, *document.sources)
    return Result(files=files, diagnostics=diagnostics, sources=sources)
