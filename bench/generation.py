"""Generation time on the corpus specs: ours against openapi-python-client,
datamodel-code-generator (models only) and openapi-generator-cli (`-g python`).

Every run is a child process in a fresh directory; wall time and peak RSS are the child's
(`os.wait4`). Rounds interleave the generators (the order rotates each round), and the table
gives medians and the ratio peer/ours of the medians (>1 means we are faster). A generator that
fails in the first round is not run again. For each spec the last successful output of each
generator is imported in a fresh interpreter and kept for the later benchmarks of the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from _common import Context, Section, fmt, fmt_ratio, import_check, median, ratio, rotated, table
from contenders import (
    DMCG,
    GENERATORS,
    OPC,
    OURS,
    SPEC_BY_KEY,
    SPECS,
    Generator,
    Outcome,
    Spec,
    Variant,
    count_operations,
    discard,
    keep,
    run_generator,
)

SMOKE_SPECS = ("petstore", "face")
_SKIPPED_OPC = re.compile(r"Endpoint will not be generated")


@dataclass
class _Runs:
    """Everything measured for one generator on one spec."""

    generator: Generator
    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    variant: Variant | None = None
    notes: list[str] = field(default_factory=list)
    last_ok: Outcome | None = None
    failed: Outcome | None = None
    skipped: str | None = None


def _rounds(ctx: Context, spec: Spec) -> int:
    if ctx.smoke:
        return 1
    return 3 if spec.big else 9


def _measure(ctx: Context, spec: Spec) -> list[_Runs]:
    runs = [_Runs(g, skipped=g.missing()) for g in GENERATORS]
    for round_index in range(_rounds(ctx, spec)):
        active = [r for r in runs if r.skipped is None and r.failed is None]
        for entry in rotated(active, round_index):
            variants = (entry.variant,) if entry.variant else None
            outcome, notes = run_generator(ctx, entry.generator, spec, variants)
            entry.notes += notes
            child = outcome.child
            state = "ok" if child.ok else child.failure()
            ctx.log(
                f"{spec.key} round {round_index + 1}: {entry.generator.key} "
                f"{child.seconds:.2f} s {child.peak_mib:.0f} MiB {state}"
            )
            if not child.ok:
                entry.failed = outcome
                continue
            entry.variant = next(v for v in entry.generator.variants if v.needs == outcome.needs)
            entry.seconds.append(child.seconds)
            entry.peak_mib.append(child.peak_mib)
            if entry.last_ok is not None:
                discard(entry.last_ok)
            entry.last_ok = outcome
    return runs


def _row(ctx: Context, spec: Spec, entry: _Runs, ours_median: float) -> tuple[list[object], dict]:
    generator, label = entry.generator, entry.generator.label
    if entry.skipped:
        return [spec.label, label, "—", "—", "—", "—", f"skipped: {entry.skipped}"], {}
    spec_ops = spec.operation_count()
    if entry.failed is not None and entry.last_ok is None:
        child = entry.failed.child
        keep(ctx, generator, spec, entry.failed)
        status = f"FAILS ({child.failure()})"
        point = {
            "spec": spec.key,
            "mb": spec.megabytes,
            "generator": label,
            "seconds": child.seconds,
            "imports": False,
            "failed": True,
        }
        return [
            spec.label,
            label,
            fmt(child.seconds),
            "—",
            fmt(child.peak_mib, 0),
            "—",
            status,
        ], point
    assert entry.last_ok is not None
    outcome = entry.last_ok
    seconds = median(entry.seconds)
    path, module = generator.target(outcome.out, spec.key)
    imports, why = import_check(module, path)
    ops = count_operations(generator, outcome.out)
    ops_text = "—" if ops is None else f"{ops}/{spec_ops}"
    if generator is OPC:
        skipped = len(_SKIPPED_OPC.findall(outcome.child.output))
        if skipped:
            ops_text += f" ({skipped} skipped with warnings)"
    status = "ok" if generator is DMCG else "ok, package imports"
    if not imports:
        status = f"ok, but the package does not import ({why})"
    elif generator is DMCG:
        status = "ok (models only; the module imports)"
    if entry.failed is not None:
        status += f"; a later round failed: {entry.failed.child.failure()}"
    if outcome.needs:
        status += f"; needed {outcome.needs}"
    keep(ctx, generator, spec, outcome, seconds)
    cells = [
        spec.label,
        label,
        fmt(seconds),
        fmt_ratio(ratio(seconds, ours_median)),
        fmt(median(entry.peak_mib), 0),
        ops_text,
        status,
    ]
    point = {
        "spec": spec.key,
        "mb": spec.megabytes,
        "generator": label,
        "seconds": seconds,
        "imports": imports,
        "ops": ops,
        "spec_ops": spec_ops,
    }
    return cells, point


def run(ctx: Context) -> list[Section]:
    specs = [SPEC_BY_KEY[k] for k in SMOKE_SPECS] if ctx.smoke else SPECS
    rows: list[list[object]] = []
    points: list[dict] = []
    notes: list[str] = []
    for spec in specs:
        ctx.log(f"generation: {spec.label}, {spec.megabytes:.2f} MB, {_rounds(ctx, spec)} rounds")
        runs = _measure(ctx, spec)
        ours = next(r for r in runs if r.generator is OURS)
        ours_median = median(ours.seconds)
        for entry in runs:
            cells, point = _row(ctx, spec, entry, ours_median)
            rows.append(cells)
            if point:
                points.append(point)
            if entry.notes and entry.last_ok is not None:
                notes.append(
                    f"{entry.generator.label} on {spec.label} needed "
                    f"{entry.last_ok.needs}; without it: {entry.notes[0]}"
                )
            elif len(entry.notes) > 1:
                notes.append(
                    f"{entry.generator.label} on {spec.label} failed every way it was "
                    f"tried: {'; '.join(entry.notes)}"
                )
    intro = (
        "Wall time of one generation in a child process (median of the rounds; 9 rounds, 3 "
        "for specs over 1 MB), ratio = peer / ours (above 1 means we are faster), the child's "
        "peak RSS, operations generated / operations in the spec, and whether the output "
        "imports in a fresh interpreter. A failing peer is shown with the time until it failed. "
        "Ours is measured as on a machine that has run it before (the templates it compiled "
        "are in its cache; every generation is still a full one into a fresh directory); "
        "`clientgen, first run on a machine` starts with empty caches and compiles them."
    )
    if ctx.smoke:
        intro += " Smoke run: one round, small specs only."
    headers = ["spec", "generator", "median s", "peer/ours", "peak MiB", "operations", "status"]
    return [
        Section(
            "generation",
            "Generation time on the corpus",
            intro,
            table(headers, rows),
            notes,
            {"points": points},
        )
    ]
