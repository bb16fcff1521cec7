"""The Spector run's report: RESULTS.md (versions, per-area table, not-run and failing lists)
and expected.json (the scenarios that pass, per OpenAPI version), and the --check verdict.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

from spector_scenarios import FAILED, NOT_RUN, PASSED, Outcome

ROOT = Path(__file__).resolve().parent.parent.parent


def area_of(spec: str) -> str:
    """The top two levels of a scenario's spec path: `type/model`, `encode/bytes`."""
    return "/".join(spec.split("/")[:2])


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
            timeout=10,
        )
        return done.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


class Report:
    def __init__(
        self,
        outcomes: dict[str, dict[str, Outcome]],
        scenarios: list[dict[str, Any]],
        tool_versions: dict[str, str],
        seconds: float,
        note: str = "",
    ) -> None:
        """`note` qualifies the run's time (e.g. that it reused an earlier run's clients)."""
        self.note = note
        self.outcomes = outcomes
        self.scenarios = scenarios
        self.tool_versions = tool_versions
        self.seconds = seconds
        self.versions = list(outcomes)

    def passing(self, version: str) -> list[str]:
        return sorted(
            name
            for name, outcome in self.outcomes[version].items()
            if outcome.status == PASSED
        )

    def expected_json(self) -> str:
        return (
            json.dumps(
                {version: self.passing(version) for version in self.versions}, indent=1
            )
            + "\n"
        )

    def _counts(self, names: list[str], version: str) -> tuple[int, int]:
        results = [
            self.outcomes[version][n] for n in names if n in self.outcomes[version]
        ]
        run = sum(1 for o in results if o.status != NOT_RUN)
        return run, sum(1 for o in results if o.status == PASSED)

    def summary(self) -> str:
        lines = []
        names = [s["name"] for s in self.scenarios]
        for version in self.versions:
            run, passed = self._counts(names, version)
            share = f" ({100 * passed / run:.1f}% of those run)" if run else ""
            lines.append(
                f"OpenAPI {version}: {len(names)} scenarios, {run} run, {passed} passed{share}"
            )
        return "\n".join(lines)

    def markdown(self) -> str:
        by_area: dict[str, list[str]] = defaultdict(list)
        for scenario in self.scenarios:
            by_area[area_of(scenario["spec"])].append(scenario["name"])
        short = [v.rsplit(".", 1)[0] for v in self.versions]
        out = [
            "# Spector conformance results",
            "",
            "Microsoft's Spector scenarios (`@typespec/http-specs`) compiled to OpenAPI with",
            "`@typespec/openapi3`, generated with this checkout and called through `Client` and",
            "`AsyncClient` against the `@typespec/spector` mock server (`tests/spector/run`;",
            "`docs/conformance.md` explains the method). A scenario passes when every call it makes",
            "gets the expected status and the decoded result equals the expected body.",
            "",
            (
                f"- run: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, "
                f"clientgen commit {_commit()}, Python {platform.python_version()}, "
                f"{self.seconds:.0f} s in all{self.note}"
            ),
        ]
        out += [f"- {name} {version}" for name, version in self.tool_versions.items()]
        out += ["", "## Totals", ""] + [
            f"- {line}" for line in self.summary().splitlines()
        ]
        header = (
            "| area | scenarios | "
            + " | ".join(f"run {v} | passed {v}" for v in short)
            + " |"
        )
        out += ["", "## Per area", "", header, "|---|---:|" + "---:|---:|" * len(short)]
        totals = [0] * (1 + 2 * len(short))
        for area in sorted(by_area):
            names = by_area[area]
            row = [len(names)]
            for version in self.versions:
                row.extend(self._counts(names, version))
            totals = [a + b for a, b in zip(totals, row, strict=True)]
            out.append(f"| {area} | " + " | ".join(str(n) for n in row) + " |")
        out.append("| **total** | " + " | ".join(f"**{n}**" for n in totals) + " |")
        for status, title in ((NOT_RUN, "Not run"), (FAILED, "Failing")):
            out += ["", f"## {title}", ""]
            out += self._listing(status)
        out += [
            "",
            "## Passes that lean on the caller",
            "",
            "These pass because the application handed over the wire form of a value whose",
            "format names a type (bytes, duration, date-time, decimal) the client leaves plain.",
            "",
        ]
        out += self._leaning()
        return "\n".join(out) + "\n"

    def _leaning(self) -> list[str]:
        rows = []
        for scenario in self.scenarios:
            by_notes: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for version in self.versions:
                outcome = self.outcomes[version].get(scenario["name"])
                if outcome is not None and outcome.status == PASSED and outcome.notes:
                    by_notes[outcome.notes].append(version.rsplit(".", 1)[0])
            for notes, versions in by_notes.items():
                rows.append(
                    f"- `{scenario['name']}` ({', '.join(versions)}): {'; '.join(notes)}"
                )
        return rows or ["(none)"]

    def _listing(self, status: str) -> list[str]:
        """One line per scenario with this status, versions merged when the reason is the same."""
        rows = []
        for scenario in self.scenarios:
            name = scenario["name"]
            reasons: dict[str, list[str]] = defaultdict(list)
            for version in self.versions:
                outcome = self.outcomes[version].get(name)
                if outcome is not None and outcome.status == status:
                    reasons[outcome.reason].append(version.rsplit(".", 1)[0])
            for reason, versions in reasons.items():
                text = reason.replace("|", "\\|").replace("`", "'")
                rows.append(f"- `{name}` ({', '.join(versions)}): {text}")
        return rows or ["(none)"]

    def check(
        self, expected: dict[str, list[str]], *, selected_only: bool = False
    ) -> int:
        """1 when a scenario recorded as passing no longer passes; newly passing ones are named.

        `selected_only` (a run of some scenarios, `--only`) holds only the scenarios run.
        """
        lost = []
        gained = []
        for version in self.versions:
            now = set(self.passing(version))
            before = set(expected.get(version, []))
            if selected_only:
                before &= set(self.outcomes[version])
            for name in sorted(before - now):
                outcome = self.outcomes[version].get(
                    name, Outcome(NOT_RUN, "no longer a scenario")
                )
                lost.append(f"  {version} {name}: {outcome.status}: {outcome.reason}")
            gained.extend(f"  {version} {name}" for name in sorted(now - before))
        if gained:
            print(
                f"{len(gained)} scenario runs pass that expected.json does not list (record them with --update):"
            )
            print("\n".join(gained))
        if lost:
            print(f"{len(lost)} scenario runs that passed before no longer pass:")
            print("\n".join(lost))
            return 1
        print("every scenario recorded in tests/spector/expected.json still passes")
        return 0
