"""Command line: `generate`, `validate`, `inspect`, and the no-argument build step (with `--check`).

Exit status: 0 on success, 1 when the input (or a stale `generated/` under `--check`) has
problems, 2 for a usage error. Problems are printed one per line; a traceback only with --debug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from generator.build import cache
from generator.build.config import ClientConfig, find_pyproject, load_config
from generator.build.progress import StageClock
from generator.build.run import Outcome, RunResult, run_client
from generator.diagnostics import Diagnostic, Severity, terminal_safe
from generator.output.atomic_write import WriteSummary, names_list


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    if errors:
        warnings = len(diagnostics) - errors
        print(f"{errors} error(s), {warnings} warning(s); nothing was written.", file=sys.stderr)


def _package_name(value: str) -> str:
    from generator.naming import package_name_problem

    problem = package_name_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a valid package name: {problem}")
    return value


def _hook_command(value: str) -> tuple[str, ...]:
    import shlex  # only when --post-render is given

    try:
        argv = tuple(shlex.split(value))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"cannot split {value!r} into arguments: {exc}") from None
    if not argv or "\0" in value:
        raise argparse.ArgumentTypeError(f"{value!r} is not a command")
    return argv


_FORCE_HELP = (
    "replace the output directory even when clientgen did not write it (no .clientgen marker);"
    " its files are deleted"
)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate typed Python client packages from OpenAPI descriptions. "
        "With no command, regenerate every client configured in pyproject.toml.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="with no command: write nothing, exit 1 and name the files if any output is stale",
    )
    parser.add_argument("--config", type=Path, help="the pyproject.toml to read (default: nearest)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read and write no cache: regenerate, and compile every template afresh",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat every warning (and every validator finding) as an error",
    )
    parser.add_argument("--force", action="store_true", help=_FORCE_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gen = commands.add_parser("generate", help="generate one client package from a spec")
    gen.add_argument("spec", type=Path)
    gen.add_argument("--output", "-o", type=Path, required=True, help="distribution directory")
    gen.add_argument("--package", "-p", type=_package_name, required=True, help="import name")
    gen.add_argument(
        "--templates",
        type=Path,
        action="append",
        default=[],
        help="a template directory searched before the built-in one (repeatable)",
    )
    gen.add_argument(
        "--post-render",
        metavar="CMD",
        type=_hook_command,
        action="append",
        default=[],
        help="a command run on the generated tree before it is written, split like a shell"
        " would but run without one (repeatable; run in order)",
    )
    gen.add_argument("--check", dest="check_one", action="store_true",
                     help="write nothing; exit 1 and name the files if DIR is stale")
    gen.add_argument("--force", action="store_true", default=argparse.SUPPRESS, help=_FORCE_HELP)
    val = commands.add_parser("validate", help="check a spec (load, validate, parse) without generating anything")
    val.add_argument("spec", type=Path)
    ins = commands.add_parser(
        "inspect", help="print what templates see for a spec (`api`) as JSON; write nothing"
    )
    ins.add_argument("spec", type=Path)
    ins.add_argument(
        "--package", "-p", type=_package_name, help="import name (default: from the spec's name)"
    )
    for sub in (gen, val, ins):
        _add_run_flags(sub)
    return parser


def _add_run_flags(sub: argparse.ArgumentParser) -> None:
    """The global flags, accepted after the command too (`generate SPEC --no-cache`); SUPPRESS
    keeps a flag given before the command from being reset by the command's default."""
    sub.add_argument(
        "--strict",
        action="store_true",
        default=argparse.SUPPRESS,
        help="treat every warning (and every validator finding) as an error",
    )
    sub.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show tracebacks of internal errors",
    )
    sub.add_argument(
        "--no-cache",
        action="store_true",
        default=argparse.SUPPRESS,
        help="read and write no cache: regenerate, and compile every template afresh",
    )


def _inspect(spec: Path, package: str | None, *, strict: bool) -> int:
    """Load, validate and parse; print the template context version, `api` and `imports` as
    JSON."""
    from generator import naming
    from generator.build.pipeline import analyse
    from generator.render.contract import CONTEXT_VERSION, dumps, to_jsonable
    from generator.render.views.imports import module_imports

    if package is None:
        package = naming.snake_case(spec.stem)
        try:
            _package_name(package)
        except argparse.ArgumentTypeError:
            package = "client"
    api, diagnostics = analyse(spec, package=package, strict=strict)
    _report(diagnostics)
    if api is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return 1
    context = {
        "context_version": CONTEXT_VERSION,
        "api": to_jsonable(api),
        "imports": to_jsonable(module_imports(api)),
    }
    try:
        sys.stdout.write(dumps(context) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so exit's flush does not fail
    return 0


def _run_one(
    spec: Path,
    output: Path,
    package: str,
    templates: Sequence[Path],
    *,
    check: bool,
    strict: bool,
    use_cache: bool = True,
    package_version: str = "0.1.0",
    distribution_name: str | None = None,
    post_render: Sequence[tuple[str, ...]] = (),
    force: bool = False,
) -> int:
    client = ClientConfig(
        spec=spec,
        output=output,
        package=package,
        templates=tuple(templates),
        package_version=package_version,
        strict=strict,
        distribution_name=distribution_name,
        post_render=tuple(post_render),
    )
    return _run_client(client, check=check, strict=strict, use_cache=use_cache, force=force)


def _run_client(
    client: ClientConfig, *, check: bool, strict: bool, use_cache: bool, force: bool = False
) -> int:
    """One client's run (generator/build/run.py), printed; the exit status."""
    clock = StageClock(sys.stderr)

    def report(diagnostics: Sequence[Diagnostic]) -> None:
        clock.clear_line()
        _report(diagnostics)

    try:
        result = run_client(
            client,
            check=check,
            strict=strict,
            use_cache=use_cache,
            force=force,
            progress=clock,
            report=report,
        )
        _print_outcome(result, client.output)
    finally:
        clock.finish()
    return _EXIT_STATUS[result.outcome]


def _print_outcome(result: RunResult, output: Path) -> None:
    """What the run did, on stdout (a stale tree's list on stderr); the diagnostics are
    printed as the run reports them."""
    count = len(result.files) if result.files is not None else 0
    if result.outcome is Outcome.CACHED:
        print(f"{output} is up to date (nothing it depends on changed); nothing written")
    elif result.outcome is Outcome.STALE:
        print(f"{output} is stale; these files differ:", file=sys.stderr)
        for path in result.stale:
            print(f"  {path}", file=sys.stderr)
        print("Run `python -m generator` to regenerate.", file=sys.stderr)
    elif result.outcome is Outcome.CURRENT:
        print(f"{output} is up to date ({count} files).")
    elif result.outcome is Outcome.UNCHANGED:
        print(f"{output} is up to date ({count} files); nothing written")
    elif result.outcome is Outcome.WRITTEN:
        assert result.summary is not None
        _print_summary(result.summary, output)


_EXIT_STATUS = {
    Outcome.CACHED: 0,
    Outcome.UNCHANGED: 0,
    Outcome.WRITTEN: 0,
    Outcome.CURRENT: 0,
    Outcome.STALE: 1,
    Outcome.FAILED: 1,
    Outcome.REFUSED: 2,
}


def _print_summary(summary: WriteSummary, output: Path) -> None:
    if not summary.replaced:
        print(f"wrote {summary.total} files to {output}")
        return
    marked = "" if summary.marked else " (and marked it as clientgen's output: .clientgen)"
    print(f"updated {len(summary.changed)} of {summary.total} files in {output}{marked}")
    for paths, what in (
        (summary.no_longer_generated, "that are no longer generated"),
        (summary.not_generated, "that are not generated"),
    ):
        if paths:
            names = terminal_safe(names_list(paths, shown=20))
            print(f"removed {len(paths)} file{'s' if len(paths) > 1 else ''} {what}: {names}")


def _run_configured(
    config_path: Path | None, *, check: bool, strict: bool, use_cache: bool, force: bool = False
) -> int:
    pyproject = config_path or find_pyproject(Path.cwd())
    if pyproject is None:
        print("error: no pyproject.toml found here or above; pass --config", file=sys.stderr)
        return 1
    clients, diagnostics = load_config(pyproject)
    _report(diagnostics)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return 1
    status = 0
    for client in clients:
        status = max(
            status,
            _run_client(client, check=check, strict=strict, use_cache=use_cache, force=force),
        )
    return status


# Import name -> distribution name of clientgen's dependencies (pyproject.toml).
_DISTRIBUTIONS = {
    "black": "black",
    "jinja2": "jinja2",
    "jsonschema_rs": "jsonschema-rs",
    "markupsafe": "jinja2",
    "openapi_spec_validator": "openapi-spec-validator",
    "tomli": "tomli",
    "yaml": "pyyaml",
}


def _missing_dependency(exc: BaseException) -> str | None:
    """One line naming the dependency that is not installed, and how to install it; None when
    `exc` is not about one (a bug stays an internal error)."""
    distribution = None
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        distribution = _DISTRIBUTIONS.get(exc.name.partition(".")[0])
    metadata = sys.modules.get("importlib.metadata")  # only loaded if something asked it
    if metadata is not None and isinstance(exc, metadata.PackageNotFoundError) and exc.args:
        distribution = str(exc.args[0])
    if distribution is None:
        return None
    return (
        f"error: clientgen needs the package {distribution!r}, which is not installed for"
        f" {sys.executable}; install it with `{sys.executable} -m pip install {distribution}`"
        " (or reinstall clientgen with its dependencies)"
    )


def console() -> NoReturn:
    """The `clientgen` command and `python -m generator`: `main()`, then the process ends at once.

    Python's own shutdown (tearing down every module and object of the run) costs a small spec's
    run almost a tenth of its time, and nothing is left for it to do: every file is written and
    closed, every child process reaped. So the standard streams are flushed and the process
    exits without it."""
    code = main()
    from generator import forked_call

    forked_call.end_children()  # a child a failure left behind is not orphaned
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: nothing more to say
            code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    cache.set_enabled(not args.no_cache)
    try:
        if args.command == "generate":
            return _run_one(
                args.spec,
                args.output,
                args.package,
                args.templates,
                check=args.check_one,
                strict=args.strict,
                use_cache=not args.no_cache,
                post_render=args.post_render,
                force=args.force,
            )
        if args.command == "validate":
            from generator.build.pipeline import analyse

            api, diagnostics = analyse(args.spec, package="client", strict=args.strict)
            _report(diagnostics)
            if api is None or any(d.severity is Severity.ERROR for d in diagnostics):
                return 1
            print(f"{args.spec}: valid")
            return 0
        if args.command == "inspect":
            return _inspect(args.spec, args.package, strict=args.strict)
        return _run_configured(
            args.config,
            check=args.check,
            strict=args.strict,
            use_cache=not args.no_cache,
            force=args.force,
        )
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the boundary that turns bugs into one clear line
        missing = _missing_dependency(exc)
        if missing is not None:
            print(missing, file=sys.stderr)
            return 1
        if args.debug:
            import traceback  # only here: it costs an up-to-date run a twentieth of its time

            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
            file=sys.stderr,
        )
        return 1
    finally:
        cache.set_enabled(True)  # main() called again in this process starts afresh
