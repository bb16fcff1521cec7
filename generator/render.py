"""IR → {relative path: text}, by rendering the templates a manifest names.

The manifest (`manifest.toml` among the templates) maps each template to the output path it
renders to, so there is no hard-coded build method per file. User template directories come first
in a ChoiceLoader: a user file with a built-in's name replaces it, the manifest included.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

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

    On a big spec, a forked process renders templates too, meanwhile: the other CPU is
    otherwise idle once the validator is done. The two take the next template from a shared
    counter, the ones with the most loops first, so neither waits long for the other."""
    env = make_environment(template_dirs)
    manifest, diagnostics = read_manifest(env)
    if diagnostics:
        return {}, diagnostics
    entries = [(entry.output.format(package=api.package_name), entry.template) for entry in manifest]
    if len(api.models) + len(api.operations) < _PARALLEL_SIZE or not background.can_fork():
        files, problems = _render_entries((env, api, entries, None))
    else:
        queue = _busiest_first(env, entries)
        taken = multiprocessing.get_context("fork").Value("i", 0)
        finish = background.start(_render_entries, (env, api, queue, taken))
        files, problems = _render_entries((env, api, queue, taken))
        other_files, other_problems = finish()
        files.update(other_files)
        problems.update(other_problems)
        # What a child that died had taken is rendered here.
        missing = [entry for entry in queue if entry[0] not in files and entry[0] not in problems]
        more_files, more_problems = _render_entries((env, api, missing, None))
        files.update(more_files)
        problems.update(more_problems)
    in_order = [problems[path] for path, _ in entries if path in problems]
    return dict(sorted(files.items())), tuple(in_order)


# Models and operations past which a second process renders templates too (forking and
# sending the text back cost a few hundredths of a second).
_PARALLEL_SIZE = 200
_LOOP = re.compile(r"{%-?\s*for\b")


def _busiest_first(env: jinja2.Environment, entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The entries by how many loops their template holds (what grows with the spec), most
    first, so the last ones taken are short."""
    assert env.loader is not None
    loops = {
        template: len(_LOOP.findall(env.loader.get_source(env, template)[0]))
        for _, template in entries
    }
    return sorted(entries, key=lambda entry: (-loops[entry[1]], entry))


def _render_entries(
    job: tuple[jinja2.Environment, Api, list[tuple[str, str]], Any],
) -> tuple[dict[str, str], dict[str, Diagnostic]]:
    """The files of the (output path, template) entries, and the error of each that failed;
    with a shared counter, only the entries this process takes from it."""
    env, api, entries, taken = job
    files: dict[str, str] = {}
    problems: dict[str, Diagnostic] = {}
    for index, (path, template) in enumerate(entries):
        if taken is not None:
            with taken.get_lock():
                if taken.value > index:
                    continue
                taken.value = index + 1
        try:
            files[path] = env.get_template(template).render(api=api)
        except jinja2.TemplateError as exc:
            problems[path] = replace(
                error("template-error", "", f"{type(exc).__name__}: {exc}"),
                file=getattr(exc, "filename", None) or template,
                line=getattr(exc, "lineno", None),
            )
    return files, problems
