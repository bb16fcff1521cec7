"""Import time of the generated packages: `python -X importtime -c "import PKG"` in a fresh
process, ours against openapi-python-client and openapi-generator's package for the same spec.

Two statements per package: `import PKG` (what the package's __init__ pulls in; our __init__
imports the client and every model, openapi-python-client's only the client) and
`import PKG.models` (the package with its model classes). The measure is the cumulative import
time of the package's top-level entries in the -X importtime report (its dependencies such as
httpx or pydantic included, interpreter start-up excluded), median over the runs, which
interleave the packages round by round. A first, unmeasured run compiles the .pyc files.
"""

from __future__ import annotations

import re
import sys

from _common import (
    Context,
    Section,
    child_env,
    fmt,
    fmt_ratio,
    largest_module,
    median,
    ratio,
    rotated,
    run_child,
    table,
)
from contenders import GENERATOR_BY_KEY, SPEC_BY_KEY, artifact
from first_call import rows as first_call_rows

GENERATORS = ("ours", "opc", "og")
MODULE_LIMIT_BYTES = 1_000_000  # issue 21: no generated module over 1 MB
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)\s*$", re.MULTILINE)


def import_micros(report: str, package: str) -> float | None:
    """Cumulative µs of the top-level entries of `package` in an -X importtime report."""
    total, seen = 0, False
    for _, cumulative, indent, name in _LINE.findall(report):
        if indent == " " and (name == package or name.startswith(package + ".")):
            total += int(cumulative)
            seen = True
    return float(total) if seen else None


def _time_import(ctx: Context, statement: str, path: str, package: str) -> tuple[float | None, str]:
    child = run_child(
        [sys.executable, "-X", "importtime", "-c", statement],
        cwd=ctx.work,
        timeout=ctx.timeout,
        env=child_env({"PYTHONPATH": path}),
    )
    if not child.ok:
        return None, child.failure()
    return import_micros(child.output, package), "ok"


def _spec_rows(ctx: Context, spec_key: str, runs: int) -> list[list[object]]:
    spec = SPEC_BY_KEY[spec_key]
    jobs: dict[tuple[str, str], tuple[str, str, str]] = {}  # (gen, form) -> (stmt, path, pkg)
    status: dict[str, str] = {}
    for key in GENERATORS:
        generator = GENERATOR_BY_KEY[key]
        found = None if generator.missing() else artifact(ctx, key, spec_key)
        if found is None:
            status[key] = generator.missing() or "generation failed"
            continue
        for form, statement in (
            ("import PKG", f"import {found.module}"),
            ("import PKG.models", f"import {found.module}.models"),
        ):
            jobs[(key, form)] = (statement, str(found.path), found.module)
    samples: dict[tuple[str, str], list[float]] = {job: [] for job in jobs}
    for job, (statement, path, package) in list(jobs.items()):  # warm-up: .pyc, and a check
        micros, why = _time_import(ctx, statement, path, package)
        if micros is None:
            status.setdefault(job[0], f"does not import ({why})")
            del jobs[job]
    for round_index in range(runs):
        for job in rotated(list(jobs), round_index):
            micros, _ = _time_import(ctx, *jobs[job])
            if micros is not None:
                samples[job].append(micros)
    ctx.log(f"import {spec_key}: {runs} runs of {len(jobs)} imports")
    rows = []
    for form in ("import PKG", "import PKG.models"):
        ours = median(samples.get(("ours", form), []))
        for key in GENERATORS:
            label = GENERATOR_BY_KEY[key].label
            values = samples.get((key, form), [])
            if (key, form) not in jobs:
                rows.append([spec.label, form, label, "—", "—", status.get(key, "—")])
                continue
            value = median(values)
            rows.append(
                [
                    spec.label,
                    form,
                    label,
                    fmt(value / 1000, 1),
                    fmt_ratio(ratio(value, ours)),
                    f"ok ({len(values)} runs)",
                ]
            )
    return rows


def _module_rows(ctx: Context, spec_key: str) -> list[list[object]]:
    """The largest .py module of each generator's package for the spec, the ones timed above."""
    rows: list[list[object]] = []
    for key in GENERATORS:
        generator = GENERATOR_BY_KEY[key]
        found = None if generator.missing() else artifact(ctx, key, spec_key)
        if found is None:
            rows.append([SPEC_BY_KEY[spec_key].label, generator.label, "—", "—", "—", "—"])
            continue
        name, size, lines = largest_module(found.path / found.module)
        under = "yes" if size < MODULE_LIMIT_BYTES else "no"
        rows.append(
            [SPEC_BY_KEY[spec_key].label, generator.label, name, fmt(size / 1e3, 1), lines, under]
        )
    return rows


def run(ctx: Context) -> list[Section]:
    ctx.work.mkdir(parents=True, exist_ok=True)
    plan = [("face", 3)] if ctx.smoke else [("face", 15), ("stripe", 7)]
    rows = []
    for spec_key, runs in plan:
        rows += _spec_rows(ctx, spec_key, runs)
    intro = (
        "Median cumulative import time (-X importtime, ms) of the generated package in a "
        "fresh interpreter; ratio = peer / ours (above 1 means ours imports faster)."
    )
    headers = ["spec", "statement", "package from", "ms", "peer/ours", "status"]
    module_rows = [row for spec_key, _ in plan for row in _module_rows(ctx, spec_key)]
    module_intro = (
        "The largest generated .py module of each package timed above, in kB (1 kB = 1,000 "
        "bytes); issue 21 asks for none over 1 MB."
    )
    module_headers = ["spec", "package from", "largest module", "kB", "lines", "under 1 MB"]
    sections = [
        Section("import", "Import time of the generated package", intro, table(headers, rows)),
        Section(
            "modules",
            "Largest generated module",
            module_intro,
            table(module_headers, module_rows),
        ),
    ]
    if not ctx.smoke:
        call_rows, call_notes = first_call_rows(ctx, 7)
        call_intro = (
            "Stripe's `GET /v1/charges/{charge}` called once in a fresh interpreter after "
            "`import PKG`: creating the client, the imports the call needs and the call, "
            "answered by an httpx.MockTransport with bench/fixtures/stripe_charge.json and "
            "decoded into Charge (bench/first_call.py); median ms; ratio = peer / ours."
        )
        call_headers = ["package from", "ms", "peer/ours", "status"]
        sections.append(
            Section(
                "first-call",
                "First call after import (Stripe)",
                call_intro,
                table(call_headers, call_rows),
                notes=call_notes,
            )
        )
    return sections
