"""No-op regeneration: run our generator again with identical inputs into the directory it
has just written, and see what it touches and how long it takes.

Each round generates into a fresh directory (a full generation), records every output file's
st_mtime_ns and content, regenerates into the same directory with the same command line, and
compares. On Stripe the full generation is the one kept by the generation benchmark of the same
run when there is one (its median is the full time), with a single no-op round, because one
generation takes minutes there. Both runs share a cache directory beside the output (clientgen
keeps a record of what it generated there), as a user's runs would. Targets (issue 6): no file
rewritten (mtimes unchanged), and no-op time at most 20% of a full generation.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from _common import Context, Section, fmt, median, run_child, table
from contenders import (
    BASELINE,
    BASELINE_CHECKOUT,
    OURS,
    SPEC_BY_KEY,
    Generator,
    Spec,
    discard,
    generator_env,
    machine_cache_for,
    run_generator,
)

TARGET_RATIO = 0.20


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """Relative path -> (st_mtime_ns, sha256) of every file under `root`."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if "__pycache__" in path.parts:
                continue
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            files[str(path.relative_to(root))] = (path.stat().st_mtime_ns, digest)
    return files


def _rounds(ctx: Context, spec: Spec) -> int:
    return 1 if ctx.smoke or spec.big else 9


def _measure(ctx: Context, spec: Spec, generator: Generator) -> dict:
    full: list[float] = []
    noop: list[float] = []
    result = {"files": 0, "mtime": 0, "content": 0, "added": 0, "removed": 0, "error": None}
    for round_index in range(_rounds(ctx, spec)):
        kept = ctx.artifacts.get((generator.key, spec.key))
        if round_index == 0 and kept is not None and kept.seconds is not None:
            out, full_seconds = kept.out, kept.seconds
            ctx.log(
                f"noop {spec.key}: reusing the generation benchmark's output "
                f"(median {full_seconds:.2f} s)"
            )
        else:
            outcome, _ = run_generator(ctx, generator, spec)
            if not outcome.child.ok:
                result["error"] = outcome.child.failure()
                discard(outcome)
                break
            out, full_seconds = outcome.out, outcome.child.seconds
        before = snapshot(out / "dist")
        again = run_child(
            generator.variants[0].argv(spec.path, out),
            cwd=out,
            timeout=ctx.timeout,
            env=generator_env(out, machine_cache_for(ctx, generator)),
        )
        after = snapshot(out / "dist")
        ctx.log(
            f"noop {spec.key} {generator.key} round {round_index + 1}: full {full_seconds:.2f} s, "
            f"no-op {again.seconds:.2f} s"
        )
        if not again.ok:
            result["error"] = again.failure()
            break
        full.append(full_seconds)
        noop.append(again.seconds)
        common = before.keys() & after.keys()
        # Counts from the last round (they are the same in every round of a deterministic tool).
        result.update(
            files=len(after),
            mtime=sum(1 for k in common if before[k][0] != after[k][0]),
            content=sum(1 for k in common if before[k][1] != after[k][1]),
            added=len(after.keys() - before.keys()),
            removed=len(before.keys() - after.keys()),
        )
        if kept is None or round_index > 0 or kept.out != out:
            shutil.rmtree(out.parent, ignore_errors=True)
    result["full"] = median(full)
    result["noop"] = median(noop)
    return result


def run(ctx: Context) -> list[Section]:
    specs = [SPEC_BY_KEY["face"]] if ctx.smoke else [SPEC_BY_KEY["face"], SPEC_BY_KEY["stripe"]]
    rows = []
    data = {}
    generators = [OURS, BASELINE] if BASELINE_CHECKOUT else [OURS]
    for spec, generator in ((s, g) for s in specs for g in generators):
        r = _measure(ctx, spec, generator)
        data[spec.key if generator is OURS else f"{spec.key} {generator.key}"] = r
        label = spec.label if generator is OURS else f"{spec.label}, {generator.label}"
        if r["error"]:
            rows.append([label, "—", "—", "—", "—", "—", f"FAILS ({r['error']})"])
            continue
        share = r["noop"] / r["full"]
        verdict = [
            "mtimes kept" if r["mtime"] == 0 else "files REWRITTEN (target 0)",
            f"ratio {'≤' if share <= TARGET_RATIO else '>'} {TARGET_RATIO:.2f}",
        ]
        rows.append(
            [
                label,
                fmt(r["full"]),
                fmt(r["noop"]),
                fmt(share),
                f"{r['mtime']}/{r['files']}",
                f"{r['content']} changed, {r['added']} added, {r['removed']} removed",
                "; ".join(verdict),
            ]
        )
    intro = (
        "Full generation into a fresh directory, then the same command again into the same "
        "directory (medians; 9 rounds on small specs, 1 on Stripe)."
    )
    headers = ["spec", "full s", "no-op s", "no-op / full", "mtimes changed", "contents", "verdict"]
    return [Section("noop", "No-op regeneration", intro, table(headers, rows), [], data)]
