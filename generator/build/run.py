"""One whole run for one client: the up-to-date check, load → … → format, hooks, write (or
compare, under `check`) and the cache record. The command line calls `run_client` once per
client and only prints what it returns; a library caller gets the same run from it.

This module imports little: a run the cache record finds up to date ends before the pipeline
(black, jinja2, the validator) is imported or a process forked.
"""

from __future__ import annotations

import contextlib
import enum
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.build import cache
from generator.build.config import ClientConfig
from generator.build.progress import Stage, quiet
from generator.diagnostics import Diagnostic, has_errors
from generator.output.atomic_write import (
    OutputRefused,
    WriteSummary,
    clean_leftovers,
    diff_tree,
    output_problem,
    with_marker,
    write_tree,
)

if TYPE_CHECKING:
    from generator.forked_call import Worker


class Outcome(str, enum.Enum):
    """How a run ended."""

    CACHED = "cached"
    """The cache record says nothing the output depends on changed: nothing was generated."""
    UNCHANGED = "unchanged"
    """Generated, and identical to what is on disk: nothing was written."""
    WRITTEN = "written"
    """Generated and written (`summary` says what changed)."""
    CURRENT = "current"
    """`check`: what is on disk is what this run generated."""
    STALE = "stale"
    """`check`: some files differ (`stale` names them)."""
    FAILED = "failed"
    """A stage reported an error (in `diagnostics`): nothing was written."""
    REFUSED = "refused"
    """The output directory may not be written (`diagnostics` says why): nothing was written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RunResult:
    outcome: Outcome
    diagnostics: tuple[Diagnostic, ...] = ()
    """Everything every stage reported, hooks and the output check included."""
    files: Mapping[str, str | bytes] | None = None
    """The generated tree (after hooks), by relative POSIX path; None when none was made."""
    summary: WriteSummary | None = None
    """What writing changed, when the run wrote."""
    stale: tuple[str, ...] = ()
    """`check`: the files that differ from what is on disk."""

    @property
    def ok(self) -> bool:
        """The run did what was asked and found nothing stale."""
        return self.outcome in (Outcome.CACHED, Outcome.UNCHANGED, Outcome.WRITTEN, Outcome.CURRENT)


@contextlib.contextmanager
def _cyclic_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the run, as it was after it.

    Almost everything a run makes lives until it ends: the spec's dicts, the IR, the rendered
    text. The collector walks all of it again each time enough new objects pile up, and finds
    next to nothing to free (Microsoft Graph's run peaks at the same 1.3 GB of memory without
    it), yet that walking was a fifth of the run (51 s against 40 s). The forked workers
    inherit the setting, so they no longer write to the parent's pages they share either."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_cyclic_collector_paused()
def run_client(
    client: ClientConfig,
    *,
    check: bool = False,
    strict: bool = False,
    use_cache: bool = True,
    force: bool = False,
    progress: Stage = quiet,
    report: Callable[[Sequence[Diagnostic]], None] | None = None,
) -> RunResult:
    """Generate `client` and write it to its output directory (`check`: compare instead).

    `strict` makes every warning an error (as does `client.strict`); `use_cache` lets the cache
    record end a run early when nothing changed (never under `check`); `force` replaces an
    output directory clientgen did not write. `progress` is told each stage as it begins;
    `report`, when given, gets each stage's diagnostics as soon as they are known (generation,
    then hooks, then the output check), so that they can be shown before the run ends."""
    strict = strict or client.strict
    emit = report if report is not None else _ignore
    found: list[Diagnostic] = []

    def reported(diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
        found.extend(diagnostics)
        emit(diagnostics)
        return tuple(found)

    output = client.output
    problem = output_problem(output)
    if problem is not None:  # before the spec is read: no run can write there
        return RunResult(outcome=Outcome.REFUSED, diagnostics=reported([problem]))
    fingerprint = cache.settings(
        package=client.package,
        package_version=client.package_version,
        strict=strict,
        template_dirs=client.templates,
        distribution_name=client.distribution_name,
        post_render=client.post_render,
    )
    if use_cache and not check and cache.up_to_date(output, client.spec, fingerprint):
        clean_leftovers(output)
        return RunResult(outcome=Outcome.CACHED)

    # The validator first, in a forked process, while this one imports the pipeline here:
    # black, jinja2 and the validator take most of a second to import, which a run the record
    # above finds up to date never needs.
    from generator.validate import (
        early_start as early_validation,  # imported only by runs that generate
    )

    validation = early_validation.start(client.spec)
    black_worker = _start_black_worker(client)
    from generator.build.pipeline import generate

    try:
        result = generate(
            client.spec,
            package=client.package,
            template_dirs=client.templates,
            package_version=client.package_version,
            distribution_name=client.distribution_name,
            strict=strict,
            progress=progress,
            validation=validation,
            black_worker=black_worker,
        )
    finally:
        if black_worker is not None:
            black_worker.close()
    diagnostics = reported(result.diagnostics)
    if not result.ok:
        return RunResult(outcome=Outcome.FAILED, diagnostics=diagnostics)
    files: Mapping[str, str | bytes] = result.files
    if client.post_render:
        progress("hooks")
        from generator.output.hooks import run_hooks  # subprocess and the rest: only when hooks run

        # Beside the output, so that a hook such as ruff finds the project's configuration
        # as it would for the written tree.
        output.parent.mkdir(parents=True, exist_ok=True)
        files, problems = run_hooks(
            files, client.post_render, package=client.package, directory=output.parent
        )
        diagnostics = reported([replace(d, file=str(output)) for d in problems])
        if has_errors(problems):
            return RunResult(outcome=Outcome.FAILED, diagnostics=diagnostics)
    progress("compare" if check else "write")
    if check:
        stale = tuple(diff_tree(files, output))
        outcome = Outcome.STALE if stale else Outcome.CURRENT
        return RunResult(outcome=outcome, diagnostics=diagnostics, files=files, stale=stale)
    summary = None
    if output.is_dir() and not diff_tree(files, output):
        # Nothing changed: touch nothing, so build tools and editors see no change either.
        clean_leftovers(output)
    else:
        try:
            summary = write_tree(files, output, force=force)
        except OutputRefused as refused:
            diagnostics = reported([refused.diagnostic])
            return RunResult(outcome=Outcome.REFUSED, diagnostics=diagnostics, files=files)
    cache.record(output, fingerprint, result.sources, with_marker(files))
    outcome = Outcome.UNCHANGED if summary is None else Outcome.WRITTEN
    return RunResult(outcome=outcome, diagnostics=diagnostics, files=files, summary=summary)


# Below this size black's import (a tenth of a second) is a good part of the run, so a worker
# starts importing it at once, on the other CPU, while this process loads, parses and renders.
# A bigger spec renders enough code for the formatter to fork its own children (which a spec of
# some 600 kB already does), and then the worker would only be in the way.
_BLACK_WORKER_MAX_SPEC_BYTES = 300_000


def _start_black_worker(client: ClientConfig) -> Worker | None:
    if client.templates:
        return None  # user templates: black runs over whole modules here, see `format_files`
    try:
        if client.spec.stat().st_size > _BLACK_WORKER_MAX_SPEC_BYTES:
            return None
    except OSError:
        return None  # the load stage reports it
    from generator.forked_call import start_worker
    from generator.format.formatter import preload_black

    return start_worker(preload_black)


def _ignore(diagnostics: Sequence[Diagnostic]) -> None:
    """No one to tell as the run goes: the diagnostics are in the result."""
