"""`bench/run --record`: write bench/RESULTS.md (every section of the run, the date, the
machine, the versions) and bench/generation.png (generation time against spec size, log-log).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata

from _common import BENCH, ROOT, Section

RESULTS = BENCH / "RESULTS.md"
PLOT = BENCH / "generation.png"
VERSIONED = (
    "clientgen",
    "openapi-python-client",
    "datamodel-code-generator",
    "openapi-generator-cli",
    "pydantic",
    "pydantic-core",
    "msgspec",
    "httpx",
    "black",
)


def _versions() -> str:
    found = []
    for name in VERSIONED:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _commit() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "generator", "templates")
    return head + (" (with uncommitted changes in generator/ or templates/)" if dirty else "")


def plot(points: Sequence[dict], path=PLOT) -> bool:
    """Generation time against spec size, one line per generator. False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, axes = plt.subplots(figsize=(10, 5), dpi=110)
    generators = list(dict.fromkeys(p["generator"] for p in points))
    markers = "osD^v"
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for index, generator in enumerate(generators):
        mine = sorted((p for p in points if p["generator"] == generator), key=lambda p: p["mb"])
        good = [p for p in mine if not p.get("failed")]
        bad = [p for p in mine if p.get("failed")]
        colour = colours[index % len(colours)]
        # Lines only where a generator succeeded on every spec: elsewhere they would bridge
        # the specs it failed on.
        style = "-" if not bad else "none"
        axes.plot(
            [p["mb"] for p in good],
            [p["seconds"] for p in good],
            color=colour,
            marker=markers[index % len(markers)],
            linestyle=style,
            label=generator,
            linewidth=2.2 if index == 0 else 1.3,
            markersize=7 if index == 0 else 6,
        )
        if bad:
            axes.plot(
                [p["mb"] for p in bad],
                [p["seconds"] for p in bad],
                color=colour,
                marker="x",
                linestyle="none",
                markersize=8,
            )
        for p in good:
            if not p["imports"]:
                axes.annotate(
                    "does not import",
                    (p["mb"], p["seconds"]),
                    fontsize=7,
                    textcoords="offset points",
                    xytext=(5, -3),
                    color=colour,
                )
    for mb, spec in sorted({(p["mb"], p["spec"]) for p in points}):
        axes.axvline(mb, color="grey", linewidth=0.6, linestyle=":")
        axes.annotate(
            spec,
            (mb, 1.0),
            xycoords=("data", "axes fraction"),
            fontsize=7,
            rotation=90,
            va="top",
            ha="right",
            textcoords="offset points",
            xytext=(-2, -3),
            color="grey",
        )
    axes.plot([], [], color="black", marker="x", linestyle="none", label="failed (time to fail)")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("spec size (MB)")
    axes.set_ylabel("generation time (s, median)")
    axes.set_title("Generation time against spec size (medians; × = the generator failed)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return True


def write_results(
    sections: Sequence[Section], info: dict[str, str], names: Sequence[str], seconds: float
) -> None:
    """Rewrite RESULTS.md (and the plot, when the generation benchmark ran)."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Recorded {now} by `bench/run --record` ({', '.join(names)}; {seconds / 60:.0f} min).",
        "",
        (
            f"- Machine: {info['cpu']}, {info['cpus']} CPUs, Python {info['python']}, "
            f"{info['os']}, java {info['java']}."
        ),
        f"- Repository at {_commit()}.",
        f"- Versions: {_versions()}.",
        (
            "- Ratios were measured side by side in this one run; absolute times depend on the "
            "machine and its load (it is shared and noisy) and must not be compared across runs. "
            "See bench/README.md for what each benchmark does."
        ),
        "",
    ]
    for section in sections:
        lines.append(section.markdown())
        if section.key == "generation" and plot(section.data.get("points", [])):
            lines += [f"![generation time against spec size]({PLOT.name})", ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
