"""Client overhead: bench/client_overhead.py (one call through the generated client against a
raw httpx request to the same loopback server), run in a child process so that nothing the
other benchmarks imported weighs on it. It uses the committed package generated/face_client
(kept current by `python -m generator --check` in CI). Target (issue 6): at most 1.3x.
"""

from __future__ import annotations

import re
import sys

from _common import BENCH, Context, Section, fmt, run_child, table

TARGET = 1.3
_LINE = re.compile(r"^(raw httpx|generated)\s+median\s+([\d.]+) us/call", re.MULTILINE)
_RATIO = re.compile(r"median of rounds: ([\d.]+)")


def run(ctx: Context) -> list[Section]:
    calls, rounds = (50, 3) if ctx.smoke else (300, 15)
    child = run_child(
        [
            sys.executable,
            str(BENCH / "client_overhead.py"),
            "--calls",
            str(calls),
            "--rounds",
            str(rounds),
        ],
        cwd=BENCH,
        timeout=ctx.timeout,
    )
    intro = (
        f"{calls} calls per round, {rounds} rounds alternating the two sides; µs per call "
        "(medians) and the median of the per-round ratios."
    )
    found = dict(_LINE.findall(child.output))
    ratio_match = _RATIO.search(child.output)
    if not child.ok or ratio_match is None or len(found) != 2:
        rows = [["—", "—", "—", f"FAILS ({child.failure()})"]]
        return [
            Section(
                "client",
                "Client overhead",
                intro,
                table(["raw httpx µs", "generated µs", "generated / raw", "verdict"], rows),
            )
        ]
    ratio = float(ratio_match.group(1))
    verdict = f"target ≤ {TARGET}: {'met' if ratio <= TARGET else 'NOT met'}"
    rows = [[found["raw httpx"], found["generated"], fmt(ratio, 3), verdict]]
    return [
        Section(
            "client",
            "Client overhead",
            intro,
            table(["raw httpx µs", "generated µs", "generated / raw", "verdict"], rows),
            [],
            {"ratio": ratio},
        )
    ]
