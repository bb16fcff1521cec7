"""IR → {relative path: text}, by rendering the templates a manifest names.

The manifest (`manifest.toml` among the templates) maps each template to the output path it
renders to, so there is no hard-coded build method per file. User template directories come first
in a ChoiceLoader: a user file with a built-in's name replaces it, the manifest included.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from . import background
from .cache import cache_dir
from .diagnostics import Diagnostic, error
from .filters import FILTERS
from .ir import Api
from .precompiled import compile_settings, shipped_code
from .shipped import MANIFEST, builtin_templates_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputFile:
    """One manifest entry: which template renders to which path (placeholders: `{package}`)."""

    template: str
    output: str


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates, so that a run compiles as few as it can: one compiled by an earlier
    run and kept in the cache directory, else a built-in's code shipped with the generator
    (`generator/precompiled.py`, which checks its own key), else Jinja compiles it. Cache
    entries are keyed by name, file, source checksum, jinja2 version and the environment's
    settings, so an edited template, built-in or a user's, is compiled afresh. Compiling the
    built-in set was most of a small spec's render time. A cache directory that cannot be read
    or written only means compiling again."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        settings = json.dumps(compile_settings(environment, name), sort_keys=True)
        bucket = jinja2.bccache.Bucket(
            environment,
            self.get_cache_key(f"{name}\0{settings}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        if bucket.code is None:
            bucket.code = shipped_code(environment, name, filename, source)
            if bucket.code is not None:
                self.set_bucket(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def make_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(d)) for d in template_dirs]
    loaders.append(jinja2.FileSystemLoader(str(builtin_templates_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_CompiledTemplates(str(cache_dir() / "templates")),
    )
    env.filters.update(FILTERS)
    return env


def read_manifest(env: jinja2.Environment) -> tuple[tuple[OutputFile, ...], tuple[Diagnostic, ...]]:
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, MANIFEST)
    try:
        table = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return (), (error("bad-manifest", "", f"{filename}: {exc}"),)
    entries = []
    for index, entry in enumerate(table.get("file", [])):
        if not isinstance(entry, dict) or set(entry) != {"template", "output"}:
            return (), (
                error(
                    "bad-manifest",
                    "",
                    f"{filename}: [[file]] entry {index} needs exactly 'template' and 'output'",
                ),
            )
        entries.append(OutputFile(template=str(entry["template"]), output=str(entry["output"])))
    return tuple(entries), ()


def render(
    api: Api, template_dirs: Sequence[Path] = ()
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Render every manifest entry for `api`; return the files by relative POSIX path.

    On a big spec, a forked process renders about half of the templates (by their source's
    size) meanwhile: the other CPU is otherwise idle once the validator is done."""
    env = make_environment(template_dirs)
    manifest, diagnostics = read_manifest(env)
    if diagnostics:
        return {}, diagnostics
    entries = [(entry.output.format(package=api.package_name), entry.template) for entry in manifest]
    if len(api.models) + len(api.operations) < _PARALLEL_SIZE:
        files, problems = _render_entries((env, api, entries))
    else:
        there, here = _halves(env, entries)
        finish = background.start(_render_entries, (env, api, there))
        files, problems = _render_entries((env, api, here))
        other_files, other_problems = finish()
        files.update(other_files)
        problems.update(other_problems)
    in_order = [problems[path] for path, _ in entries if path in problems]
    return dict(sorted(files.items())), tuple(in_order)


# Models and operations past which a second process renders half of the templates (forking
# and sending the text back cost a few hundredths of a second).
_PARALLEL_SIZE = 200


def _halves(
    env: jinja2.Environment, entries: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The entries in two groups of about equal template source, the largest first."""
    assert env.loader is not None
    sizes = {template: len(env.loader.get_source(env, template)[0]) for _, template in entries}
    groups: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    totals = [0, 0]
    for entry in sorted(entries, key=lambda entry: (-sizes[entry[1]], entry[1])):
        smaller = 0 if totals[0] <= totals[1] else 1
        groups[smaller].append(entry)
        totals[smaller] += sizes[entry[1]]
    return groups


def _render_entries(
    job: tuple[jinja2.Environment, Api, list[tuple[str, str]]],
) -> tuple[dict[str, str], dict[str, Diagnostic]]:
    """The files of the (output path, template) entries, and the error of each that failed."""
    env, api, entries = job
    files: dict[str, str] = {}
    problems: dict[str, Diagnostic] = {}
    for path, template in entries:
        try:
            files[path] = env.get_template(template).render(api=api)
        except jinja2.TemplateError as exc:
            problems[path] = replace(
                error("template-error", "", f"{type(exc).__name__}: {exc}"),
                file=getattr(exc, "filename", None) or template,
                line=getattr(exc, "lineno", None),
            )
    return files, problems
