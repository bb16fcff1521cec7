"""The specs and the code generators under test, and how to run each one as a child process.

A generator is tried with its variants in order (the plain command first, then the options a
spec turned out to need); the first variant that succeeds is used for the remaining rounds,
and the table says which options were needed. `generate_once` also keeps an output for the
later benchmarks (serializers, import time) of the same run.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from _common import BIN, CORPUS, ROOT, ChildResult, Context, child_env, run_child


@dataclass(frozen=True)
class Spec:
    key: str  # short name, also the suffix of generated package names
    path: Path
    label: str

    @property
    def megabytes(self) -> float:
        return self.path.stat().st_size / 1e6

    @property
    def big(self) -> bool:
        return self.path.stat().st_size > 1_000_000

    def operation_count(self) -> int:
        """Operations in the document: method keys under `paths` (and Azure's `x-ms-paths`)."""
        text = self.path.read_text(encoding="utf-8")
        doc = json.loads(text) if self.path.suffix == ".json" else yaml.safe_load(text)
        methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
        return sum(
            1
            for section in ("paths", "x-ms-paths")
            for item in (doc.get(section) or {}).values()
            for method in item
            if method in methods
        )


SPECS = [
    Spec("petstore", CORPUS / "petstore-expanded-3.0.yaml", "Petstore (3.0)"),
    Spec("face", ROOT / "spec" / "face-person-group-training.yaml", "our Face spec (3.0)"),
    Spec("azure_face", CORPUS / "azure-face-v1.1-preview.1.json", "Azure Face (Swagger 2.0)"),
    Spec("discord", CORPUS / "discord-openapi-3.1.json", "Discord (3.1)"),
    Spec("stripe", CORPUS / "stripe-spec3-2022-04-12.json", "Stripe (3.0)"),
]
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Variant:
    """One way to run a generator: `needs` says what it adds to the plain command."""

    needs: str
    argv: Callable[[Path, Path], list[str]]  # (spec, fresh output directory) -> argv


@dataclass(frozen=True)
class Generator:
    key: str
    label: str
    variants: tuple[Variant, ...]
    # (output directory, spec key) -> (sys.path entry, module name) of what it generated
    target: Callable[[Path, str], tuple[Path, str]]
    requires: tuple[str, ...] = ()  # programs that must be on PATH
    # Measured as on a machine that has run it before: what its first run compiles (our
    # templates) is kept in one cache directory for the whole benchmark run, warmed by one
    # unmeasured generation; each measured generation still writes a fresh output directory,
    # so it is a full one. False: every generation starts with empty caches.
    machine_cache: bool = False

    def missing(self) -> str | None:
        """Why this generator cannot run here, or None."""
        for program in self.requires:
            search = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
            if shutil.which(program, path=search) is None:
                return f"{program} not found"
        return None

    def package(self, spec_key: str) -> str:
        return f"{self.key}_{spec_key}"


def _ours(spec: Path, out: Path) -> list[str]:
    package = out.name
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec),
        "--output",
        str(out / "dist"),
        "--package",
        package,
    ]


def _opc(config: str | None) -> Callable[[Path, Path], list[str]]:
    def argv(spec: Path, out: Path) -> list[str]:
        command = [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out / out.name),
            "--meta",
            "none",
        ]
        if config:
            path = out.parent / f"{out.name}.opc-config.yaml"
            path.write_text(config, encoding="utf-8")
            command += ["--config", str(path)]
        return command

    return argv


def _dmcg(as_directory: bool) -> Callable[[Path, Path], list[str]]:
    def argv(spec: Path, out: Path) -> list[str]:
        target = out / (out.name if as_directory else f"{out.name}.py")
        return [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--output",
            str(target),
        ]

    return argv


def _og(spec: Path, out: Path) -> list[str]:
    return [
        str(BIN / "openapi-generator-cli"),
        "generate",
        "-g",
        "python",
        "-i",
        str(spec),
        "-o",
        str(out / "dist"),
        f"--additional-properties=packageName={out.name}",
    ]


OURS = Generator(
    "ours",
    "clientgen (ours)",
    (Variant("", _ours),),
    target=lambda out, key: (out / "dist", out.name),
    machine_cache=True,
)
OURS_FIRST_RUN = Generator(
    "ours_first",
    "clientgen, first run on a machine",
    (Variant("", _ours),),
    target=lambda out, key: (out / "dist", out.name),
)
"""Ours with empty caches: it compiles the templates (once per machine; nothing compiled is
shipped), which a small spec's full run otherwise does not pay."""

BASELINE_CHECKOUT = os.environ.get("BENCH_BASELINE")
"""An older checkout of this repository (e.g. `git worktree add /tmp/before REV`) to measure
side by side with the working tree, as the contender `baseline`: how a change moved our
ratios against the peers, within one run. Unset: no baseline."""

# The checkout's `generator` package first on the path (the editable install's finder comes
# after the path, so it does not win), then `python -m generator` as usual.
_FROM_CHECKOUT = (
    "import runpy, sys; sys.path.insert(0, {checkout!r}); "
    "runpy.run_module('generator', run_name='__main__', alter_sys=True)"
)


def _checkout_commit(checkout: str) -> str:
    """The baseline checkout's short commit, for its label (its folder name if git cannot say)."""
    result = subprocess.run(
        ["git", "-C", checkout, "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or Path(checkout).name


def _baseline(spec: Path, out: Path) -> list[str]:
    code = _FROM_CHECKOUT.format(checkout=str(Path(BASELINE_CHECKOUT or ".").resolve()))
    return [sys.executable, "-c", code, *_ours(spec, out)[3:]]


BASELINE = Generator(
    "baseline",
    f"clientgen at {_checkout_commit(BASELINE_CHECKOUT)} (baseline)" if BASELINE_CHECKOUT else "",
    (Variant("", _baseline),),
    target=lambda out, key: (out / "dist", out.name),
    machine_cache=True,
)
OPC = Generator(
    "opc",
    "openapi-python-client",
    (Variant("", _opc(None)), Variant("config literal_enums: true", _opc("literal_enums: true\n"))),
    target=lambda out, key: (out, out.name),
    requires=("openapi-python-client",),
)
DMCG = Generator(
    "dmcg",
    "datamodel-code-generator",
    (
        Variant("", _dmcg(False)),
        Variant("--output to a directory (modular references)", _dmcg(True)),
    ),
    target=lambda out, key: (out, out.name),
    requires=("datamodel-codegen",),
)
OG = Generator(
    "og",
    "openapi-generator-cli",
    (Variant("", _og),),
    target=lambda out, key: (out / "dist", out.name),
    requires=("openapi-generator-cli", "java"),
)
GENERATORS = [OURS, OURS_FIRST_RUN, OPC, DMCG, OG] + ([BASELINE] if BASELINE_CHECKOUT else [])
_ONLY = os.environ.get("BENCH_GENERATORS")
"""A comma-separated list of generator keys to run (ours always runs), to save time when only
some ratios matter: `BENCH_GENERATORS=opc,baseline`; keys: ours_first, opc, dmcg, og, baseline."""
if _ONLY:
    GENERATORS = [g for g in GENERATORS if g is OURS or g.key in _ONLY.split(",")]
GENERATOR_BY_KEY = {g.key: g for g in GENERATORS}


def count_operations(generator: Generator, out: Path) -> int | None:
    """Operations present in a generated client (ours and openapi-python-client only)."""
    if generator in (OURS, OURS_FIRST_RUN, BASELINE):
        client = out / "dist" / out.name / "client.py"
        if not client.exists():
            return None
        tree = ast.parse(client.read_text(encoding="utf-8"))
        return sum(
            1
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("_build_")
        )
    if generator is OPC:
        api = out / out.name / "api"
        if not api.is_dir():
            return None
        return sum(1 for p in api.rglob("*.py") if p.name != "__init__.py")
    return None


def generator_env(out: Path, cache: Path | None = None) -> dict[str, str]:
    """The environment of a generation into `out`: caches (XDG, and clientgen's own record of
    what it generated and the templates it compiled) live beside `out`, so each fresh output
    directory starts cold and a regeneration into the same directory finds what the first run
    left, as a user's would; or clientgen's in `cache`, a machine's (`machine_cache_for`)."""
    return child_env(
        {
            "XDG_CACHE_HOME": str(out.parent / "cache"),
            "CLIENTGEN_CACHE_DIR": str(cache or out.parent / "cache" / "clientgen"),
        }
    )


_WARMED: set[Path] = set()


def machine_cache_for(ctx: Context, generator: Generator) -> Path | None:
    """The cache directory `generator`'s generations share in this run, warmed by one
    unmeasured generation of our Face spec (the built-in templates are the same for every
    spec); None for a generator measured with empty caches."""
    if not generator.machine_cache:
        return None
    cache = ctx.work / f"{generator.key}-machine-cache"
    if cache not in _WARMED:
        _WARMED.add(cache)
        out = ctx.scratch(f"{generator.key}-warm-up") / generator.package("warm")
        out.mkdir()
        spec = SPEC_BY_KEY["face"].path
        run_child(
            generator.variants[0].argv(spec, out),
            cwd=out,
            timeout=ctx.timeout,
            env=generator_env(out, cache),
        )
        shutil.rmtree(out.parent, ignore_errors=True)
    return cache


@dataclass
class Outcome:
    """The result of running one generator on one spec once."""

    child: ChildResult
    out: Path
    needs: str


def run_generator(
    ctx: Context, generator: Generator, spec: Spec, variants: tuple[Variant, ...] | None = None
) -> tuple[Outcome, list[str]]:
    """Run `generator` on `spec` in a fresh directory, trying `variants` in order until one
    succeeds. Returns the outcome (the last attempt if none succeeded) and how each failed
    attempt failed ('plain command: exit 1: ...', 'OPTION: ...')."""
    candidates = variants or generator.variants
    notes: list[str] = []
    outcome: Outcome | None = None
    for index, variant in enumerate(candidates):
        out = ctx.scratch(f"{generator.key}-{spec.key}") / generator.package(spec.key)
        out.mkdir()
        env = generator_env(out, machine_cache_for(ctx, generator))
        child = run_child(variant.argv(spec.path, out), cwd=out, timeout=ctx.timeout, env=env)
        outcome = Outcome(child, out, variant.needs)
        if child.ok:
            break
        notes.append(f"{variant.needs or 'plain command'}: {child.failure()}")
        if index + 1 < len(candidates):
            discard(outcome)
    assert outcome is not None
    return outcome, notes


def discard(outcome: Outcome) -> None:
    """Delete a generation output that no later benchmark needs."""
    shutil.rmtree(outcome.out.parent, ignore_errors=True)


@dataclass
class Artifact:
    """A kept generation output: where to import it from, and how long it took."""

    path: Path  # goes on sys.path
    module: str
    out: Path
    seconds: float | None = None


def artifact(ctx: Context, generator_key: str, spec_key: str) -> Artifact | None:
    """The output of `generator_key` on `spec_key` from this run, generating it if needed.
    None when the generator cannot run or fails on the spec."""
    key = (generator_key, spec_key)
    if key not in ctx.artifacts:
        generator = GENERATOR_BY_KEY[generator_key]
        if generator.missing():
            ctx.artifacts[key] = None
        else:
            ctx.log(f"generating {spec_key} with {generator.label} (needed for this benchmark)")
            outcome, _ = run_generator(ctx, generator, SPEC_BY_KEY[spec_key])
            keep(ctx, generator, SPEC_BY_KEY[spec_key], outcome)
    return ctx.artifacts[key]


def keep(
    ctx: Context, generator: Generator, spec: Spec, outcome: Outcome, seconds: float | None = None
) -> None:
    """Remember a successful output for later benchmarks (or None for a failed one)."""
    key = (generator.key, spec.key)
    previous = ctx.artifacts.get(key)
    if previous is not None:
        shutil.rmtree(previous.out.parent, ignore_errors=True)
    if outcome.child.ok:
        path, module = generator.target(outcome.out, spec.key)
        ctx.artifacts[key] = Artifact(path, module, outcome.out, seconds)
    else:
        ctx.artifacts[key] = None
        discard(outcome)
