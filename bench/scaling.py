"""Scaling: our generation time on synthetic specs at 1x, 2x, 4x and 8x the operations and
schemas (bench/synth_spec.py), each a child process in a fresh directory.

Rounds run every size once, in an order rotated round by round. The growth exponent is the
slope of a least-squares line through (log size, log median time); 1.0 is linear. Start-up
costs the same at every size and pulls the exponent below the growth of the real work, so a
baseline spec with a single resource is timed in the same rounds, and the ratio is also given
with the baseline subtracted. Target (issue 6): 8x the spec in at most 9x the time.
"""

from __future__ import annotations

import json
import math

import synth_spec
from _common import Context, Section, fmt, median, rotated, table
from contenders import OURS, Spec, discard, run_generator

SCALES = (1, 2, 4, 8)
TARGET_8X = 9.0
BASELINE = 0  # key of the one-resource spec


def growth_exponent(sizes: list[float], seconds: list[float]) -> float:
    """Slope of the least-squares fit of log(seconds) against log(sizes)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(t) for t in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def _specs(ctx: Context, scales: tuple[int, ...]) -> dict[int, Spec]:
    folder = ctx.scratch("synthetic")
    specs = {}
    for scale in (BASELINE, *scales):
        doc = synth_spec.build(
            scale or 1, per_scale=1 if scale == BASELINE else synth_spec.RESOURCES_PER_SCALE
        )
        path = folder / f"synthetic-{scale}x.json"
        path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        label = "synthetic baseline" if scale == BASELINE else f"synthetic {scale}x"
        specs[scale] = Spec(f"synthetic_{scale}x", path, label)
    return specs


def _counts(spec: Spec) -> tuple[int, int]:
    doc = json.loads(spec.path.read_text(encoding="utf-8"))
    return sum(len(item) for item in doc["paths"].values()), len(doc["components"]["schemas"])


def run(ctx: Context) -> list[Section]:
    scales = SCALES[:2] if ctx.smoke else SCALES
    rounds = 1 if ctx.smoke else 3
    specs = _specs(ctx, scales)
    times: dict[int, list[float]] = {key: [] for key in specs}
    failures: dict[int, str] = {}
    for round_index in range(rounds):
        for key in rotated(list(specs), round_index):
            if key in failures:
                continue
            outcome, _ = run_generator(ctx, OURS, specs[key])
            discard(outcome)
            ctx.log(
                f"scaling {specs[key].label} round {round_index + 1}: {outcome.child.seconds:.2f} s"
            )
            if outcome.child.ok:
                times[key].append(outcome.child.seconds)
            else:
                failures[key] = outcome.child.failure()
    medians = {key: median(times[key]) for key in specs}
    base = medians[scales[0]]
    rows = []
    for key, spec in specs.items():
        ops, schemas = _counts(spec)
        status = f"FAILS ({failures[key]})" if key in failures else "ok"
        label = "baseline (1 resource)" if key == BASELINE else f"{key}x"
        rows.append(
            [
                label,
                ops,
                schemas,
                f"{spec.megabytes * 1000:.0f}",
                fmt(medians[key]),
                "—" if key == BASELINE else fmt(medians[key] / base),
                status,
            ]
        )
    ok = [s for s in scales if s not in failures]
    exponent = (
        growth_exponent([float(s) for s in ok], [medians[s] for s in ok])
        if len(ok) >= 2
        else math.nan
    )
    last = scales[-1]
    growth = medians[last] / base if last in ok else math.nan
    verdict = ""
    if last == 8 and not math.isnan(growth):
        verdict = f" (target ≤ {TARGET_8X:.0f}: {'met' if growth <= TARGET_8X else 'NOT met'})"
    notes = [
        (
            f"growth exponent (log-log least squares over {', '.join(f'{s}x' for s in ok)}): "
            f"{fmt(exponent)}"
        ),
        f"{last}x / 1x time: {fmt(growth)}{verdict}",
    ]
    floor = medians[BASELINE]
    if BASELINE not in failures and last in ok and base > floor:
        notes.append(
            f"with the baseline's {floor:.2f} s subtracted (start-up and fixed costs): "
            f"{last}x / 1x = {fmt((medians[last] - floor) / (base - floor))}"
        )
    intro = (
        f"Our generation time on bench/synth_spec.py specs (median of {rounds} rounds, "
        "sizes interleaved); ratio = median / median at 1x."
    )
    headers = ["size", "operations", "schemas", "kB", "median s", "ratio to 1x", "status"]
    data = {
        "scales": list(scales),
        "medians": [medians[s] for s in scales],
        "exponent": exponent,
        "growth": growth,
    }
    return [Section("scaling", "Scaling with spec size", intro, table(headers, rows), notes, data)]
