"""The first call of one operation after `import PKG`, in a fresh interpreter: what a program
that uses one endpoint of a large API pays before its first answer.

The operation is Stripe's `GET /v1/charges/{charge}`, answered by an httpx.MockTransport with
bench/fixtures/stripe_charge.json (nothing goes over a network, not even loopback), and
decoded into the package's Charge model. The clock starts after `import PKG` (measured by the
`import` benchmark) and stops when the call has returned: it covers creating the client, the
imports the call needs (client code, models, enums) and the call itself. openapi-python-client
is timed the same way, its operation module imported inside the clock as a user would.
Median of the runs, which alternate between the two; one unmeasured run first writes the .pyc
files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from _common import Context, child_env, fmt, fmt_ratio, median, ratio, rotated, run_child
from contenders import GENERATOR_BY_KEY, artifact

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "stripe_charge.json"
TARGET_MS = 100.0  # issue 21: under 100 ms after `import`
OPERATION = "get_charges_charge"

# The child: import the package (untimed), then time client + first call. {setup} and {call}
# are the generator's own statements; `mock` answers every request with the fixture.
_CHILD = """
import json, sys, time
import {package}
import httpx
body = open({fixture!r}, "rb").read()
def answer(request):
    return httpx.Response(200, content=body, headers={{"Content-Type": "application/json"}})
mock = httpx.MockTransport(answer)
start = time.perf_counter()
{setup}
value = {call}
elapsed = time.perf_counter() - start
assert type(value).__name__ == "Charge", type(value)
print(json.dumps({{"ms": elapsed * 1000, "id": value.id}}))
"""

_OURS_SETUP = (
    "client = {package}.Client({package}.credentials.HttpCredential('sk_test'), transport=mock)"
)
_OPC_SETUP = (
    "from {package} import AuthenticatedClient\n"
    "from {operation_module} import sync\n"
    "client = AuthenticatedClient(base_url='https://api.stripe.com', token='sk_test',"
    " httpx_args={{'transport': mock}})"
)


def _opc_operation_module(path: Path, package: str) -> str | None:
    """The dotted module of openapi-python-client's module for the operation."""
    found = sorted((path / package / "api").rglob(f"{OPERATION}.py"))
    if not found:
        return None
    return ".".join(found[0].relative_to(path).with_suffix("").parts)


def _script(key: str, path: Path, package: str) -> str | None:
    if key == "ours":
        setup = _OURS_SETUP.format(package=package)
        call = f"client.{OPERATION}('ch_1')"
    else:
        module = _opc_operation_module(path, package)
        if module is None:
            return None
        setup = _OPC_SETUP.format(package=package, operation_module=module)
        call = "sync('ch_1', client=client)"
    return _CHILD.format(package=package, fixture=str(FIXTURE), setup=setup, call=call)


def _run(ctx: Context, script: str, path: Path) -> tuple[float | None, str]:
    child = run_child(
        [sys.executable, "-c", script],
        cwd=ctx.work,
        timeout=ctx.timeout,
        env=child_env({"PYTHONPATH": str(path)}),
    )
    if not child.ok:
        return None, child.failure()
    return float(json.loads(child.output.strip().splitlines()[-1])["ms"]), "ok"


def rows(ctx: Context, runs: int) -> tuple[list[list[object]], list[str]]:
    """The table rows (generator, ms, peer/ours, status) and the target's note."""
    scripts: dict[str, tuple[str, Path]] = {}
    status: dict[str, str] = {}
    for key in ("ours", "opc"):
        generator = GENERATOR_BY_KEY[key]
        found = None if generator.missing() else artifact(ctx, key, "stripe")
        script = None if found is None else _script(key, found.path, found.module)
        if found is None or script is None:
            status[key] = generator.missing() or "no package or no such operation"
            continue
        _, why = _run(ctx, script, found.path)  # warm-up: .pyc files, and a check
        if why != "ok":
            status[key] = f"failed ({why})"
            continue
        scripts[key] = (script, found.path)
    samples: dict[str, list[float]] = {key: [] for key in scripts}
    for round_index in range(runs):
        for key in rotated(list(scripts), round_index):
            ms, _ = _run(ctx, *scripts[key])
            if ms is not None:
                samples[key].append(ms)
    ctx.log(f"first call: {runs} runs of {len(scripts)} packages")
    ours = median(samples.get("ours", []))
    table_rows: list[list[object]] = []
    for key in ("ours", "opc"):
        label = GENERATOR_BY_KEY[key].label
        if key not in scripts or not samples[key]:
            table_rows.append([label, "—", "—", status.get(key, "no run succeeded")])
            continue
        value = median(samples[key])
        ratio_text = fmt_ratio(ratio(value, ours))
        ok = f"ok ({len(samples[key])} runs)"
        table_rows.append([label, fmt(value, 1), ratio_text, ok])
    notes = []
    if samples.get("ours"):
        verdict = "met" if ours < TARGET_MS else "NOT met"
        notes.append(
            f"target: first call after import under {TARGET_MS:.0f} ms: {ours:.1f} ms ({verdict})"
        )
    return table_rows, notes
