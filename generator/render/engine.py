"""IR → {relative path: text}, by rendering the jobs `outputs` plans.

The manifest (`manifest.toml` among the templates) maps each template to the output path it
renders to, so there is no hard-coded build method per file; a user's template that is not in
it renders to its own path (see `outputs`). A runtime module the manifest names is copied as
it is, from a user's `package/NAME` or else generator/runtime/NAME. User template directories
come first in a ChoiceLoader: a user file with a built-in's name replaces it, the manifest
included, and `builtin/NAME` always names the shipped one. A user's template that fails is a diagnostic at
its file and line; the built-in templates failing is a bug, raised.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2

from generator import forked_call as background
from generator.build import cache
from generator.diagnostics import Diagnostic, error
from generator.ir.nodes import Api
from generator.render import output_plan as outputs
from generator.render.output_plan import RenderJob
from generator.render.qualified import qualify, spelling
from generator.render.template_dirs import builtin_templates_dir
from generator.render.template_filters import FILTERS
from generator.render.views.imports import module_imports
from generator.render.views.module_parts import MODULE_BUDGET, qualified_names


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, so that a run compiles as few as it can: one compiled by an earlier
    run and kept in the cache directory, else Jinja compiles it (the first run on a machine
    pays that once). Cache entries are keyed by name, file, source checksum, jinja2 version
    and the environment's settings, so an edited template, built-in or a user's, is compiled
    afresh. Compiling the built-in set was most of a small spec's render time.

    A compiled template is code this process runs, so entries come only from a `cache.Store`
    (a directory nobody else can write, entries sealed with its key): anything else is
    compiled again. None as the store (`--no-cache`, a cache not to be trusted) keeps nothing
    and reads nothing."""

    def __init__(self, store: cache.Store | None) -> None:
        self.store = store

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        settings = _compile_settings(environment)
        bucket = jinja2.bccache.Bucket(
            environment,
            self.get_cache_key(f"{name}\0{settings}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        payload = self.store.read(_entry_name(bucket)) if self.store is not None else None
        if payload is None:
            return
        try:
            bucket.bytecode_from_string(payload)
        except Exception:  # noqa: BLE001 - an entry of ours that does not load: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if self.store is not None:
            self.store.write(_entry_name(bucket), bucket.bytecode_to_string())


def _compile_settings(env: jinja2.Environment) -> str:
    """Everything besides the source that a template's compiled code depends on: the jinja2
    version, the syntax settings, and the filters and tests by name (code calls them by name)."""
    facts = {
        "jinja2": _jinja_version(),
        "syntax": [
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
        ],
        "autoescape": bool(env.autoescape),
        "optimized": env.optimized,
        "extensions": sorted(env.extensions),
        "filters": sorted(env.filters),
        "tests": sorted(env.tests),
    }
    return json.dumps(facts, sort_keys=True)


def _jinja_version() -> str:
    return cache.installed_version("jinja2")


def _entry_name(bucket: jinja2.bccache.Bucket) -> str:
    return f"__jinja2_{bucket.key}.cache"


def make_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    # `builtin/NAME` is always the shipped template, so that a user's template can extend or
    # import the one it replaces; then the user's directories, in order; then the shipped set.
    prefix = outputs.BUILTIN_PREFIX.rstrip("/")
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({prefix: builtin})]
    loaders += [jinja2.FileSystemLoader(str(d)) for d in template_dirs]
    loaders.append(builtin)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_CompiledTemplates(cache.trusted_store("templates")),
    )
    env.filters.update(FILTERS)
    return env


def render(
    api: Api, template_dirs: Sequence[Path] = (), module_budget: int = MODULE_BUDGET
) -> tuple[dict[str, str], tuple[Diagnostic, ...]]:
    """Render every planned output file for `api`; return the files by relative POSIX path.
    `module_budget`: past it (estimated), a module is split (`OutputFile.split`).

    On a big spec, a forked process renders templates too, meanwhile: the other CPU is
    otherwise idle once the validator is done. The two take the next job from a shared
    counter, the templates with the most loops first, so neither waits long for the other."""
    missing_dirs = outputs.missing_directories(template_dirs)
    if missing_dirs:
        return {}, missing_dirs
    env = make_environment(template_dirs)
    manifest, diagnostics = outputs.read_manifest(env)
    if diagnostics:
        return {}, diagnostics
    planned = outputs.planned_outputs(manifest, template_dirs)
    jobs, diagnostics = outputs.expand(planned, api, module_budget)
    if diagnostics:
        return {}, tuple(_at_template_file(env, d) for d in diagnostics)
    missing_runtime = outputs.missing_runtime(jobs, template_dirs)
    if missing_runtime:
        return {}, tuple(_at_template_file(env, d) for d in missing_runtime)
    user_dirs = tuple(str(directory) for directory in template_dirs)
    base: dict[str, Any] = {"api": api, "imports": module_imports(api), "part": None, "split": None}
    if len(api.models) + len(api.operations) < _PARALLEL_SIZE or not background.can_fork():
        files, problems = _render_jobs((env, base, list(jobs), None, user_dirs))
    else:
        import multiprocessing  # the shared counter: only a big spec's run needs it

        queue = _busiest_first(env, list(jobs))
        taken = multiprocessing.get_context("fork").Value("i", 0)
        finish = background.start(_render_jobs, (env, base, queue, taken, user_dirs))
        files, problems = _render_jobs((env, base, queue, taken, user_dirs))
        other_files, other_problems = finish()
        files.update(other_files)
        problems.update(other_problems)
        # What a child that died had taken is rendered here.
        missing = [job for job in queue if job.path not in files and job.path not in problems]
        more_files, more_problems = _render_jobs((env, base, missing, None, user_dirs))
        files.update(more_files)
        problems.update(more_problems)
    in_order = [problems[job.path] for job in jobs if job.path in problems]
    return dict(sorted(files.items())), tuple(in_order)


def user_template_files(api: Api, template_dirs: Sequence[Path]) -> dict[str, str]:
    """Output path → the file of the user's template that renders it (built-ins left out)."""
    env = make_environment(template_dirs)
    manifest, problems = outputs.read_manifest(env)
    if problems:
        return {}
    jobs, _ = outputs.expand(outputs.planned_outputs(manifest, template_dirs), api)
    user_dirs = tuple(str(directory) for directory in template_dirs)
    assert env.loader is not None
    found = {}
    for job in jobs:
        if job.runtime:
            source = outputs.runtime_source(job.template, template_dirs)
            if source is not None and _inside(str(source), user_dirs):
                found[job.path] = str(source)
            continue
        filename = env.loader.get_source(env, job.template)[1]
        if filename is not None and _inside(filename, user_dirs):
            found[job.path] = filename
    return found


# Models and operations past which a second process renders templates too (forking and
# sending the text back cost a few hundredths of a second).
_PARALLEL_SIZE = 200
_LOOP = re.compile(r"{%-?\s*for\b")


def _busiest_first(env: jinja2.Environment, jobs: list[RenderJob]) -> list[RenderJob]:
    """The jobs by how many loops their template holds (what grows with the spec), most
    first, so the last ones taken are short."""
    assert env.loader is not None
    loops = {
        template: len(_LOOP.findall(env.loader.get_source(env, template)[0]))
        for template in {job.template for job in jobs if not job.runtime}
    }
    return sorted(jobs, key=lambda job: (-loops.get(job.template, 0), job.path))


def _render_jobs(
    work: tuple[jinja2.Environment, dict[str, Any], list[RenderJob], Any, tuple[str, ...]],
) -> tuple[dict[str, str], dict[str, Diagnostic]]:
    """The files of the jobs, and the error of each that failed; with a shared counter, only
    the jobs this process takes from it. `base` is what every template gets: `api` and
    `imports`."""
    env, base, jobs, taken, user_dirs = work
    api: Api = base["api"]
    files: dict[str, str] = {}
    problems: dict[str, Diagnostic] = {}
    for index, job in enumerate(jobs):
        if taken is not None:
            with taken.get_lock():
                if taken.value > index:
                    continue
                taken.value = index + 1
        if job.runtime:
            text, problem = _runtime_text(job, user_dirs)
            if problem is None:
                files[job.path] = text
            else:
                problems[job.path] = problem
            continue
        context: dict[str, Any] = dict(base)
        if job.part is not None:  # a split module's part, or its package's __init__
            context.update(job.part.template_context())
        if job.item is not None:
            collection = outputs.ITEM_PLACEHOLDERS[job.item][0]
            context[job.item] = getattr(api, collection)[job.item_index]
        try:
            through = getattr(job.part, "through", ())
            spelled = qualified_names(through) if through else {}
            with spelling(spelled):
                text = env.get_template(job.template).render(context)
            files[job.path] = qualify(text, spelled)
        except Exception as exc:  # a user's template: reported; a built-in's: raised
            problem = template_problem(exc, job.template, user_dirs)
            if problem is None:
                raise  # the built-in templates failed: a bug, with its traceback under --debug
            problems[job.path] = problem
    return files, problems


def _runtime_text(job: RenderJob, user_dirs: tuple[str, ...]) -> tuple[str, Diagnostic | None]:
    """The runtime module's text, byte for byte (no newline translation); a user's file that
    cannot be read as UTF-8 is a diagnostic at that file, a built-in one a bug, raised."""
    source = outputs.runtime_source(job.template, tuple(Path(d) for d in user_dirs))
    if source is None:  # checked before rendering; gone since
        raise FileNotFoundError(f"the runtime module {job.template!r} disappeared")
    try:
        return source.read_bytes().decode("utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        if not _inside(str(source), user_dirs):
            raise
        message = f"cannot read the runtime module: {type(exc).__name__}: {exc}"
        return "", replace(error("template.error", "", message), file=str(source))


def template_problem(
    exc: BaseException, template: str, user_dirs: tuple[str, ...]
) -> Diagnostic | None:
    """A failed render as a diagnostic at the template line that failed: the innermost
    template frame (Jinja maps its frames to template lines), or the line a syntax error
    names. None for an error that is not a template's doing: not a TemplateError and not
    raised while a user's template ran."""
    filename: str | None = getattr(exc, "filename", None)
    line: int | None = getattr(exc, "lineno", None)
    caller: tuple[str, int] | None = None  # the innermost frame of a user's template
    frame = exc.__traceback__
    while frame is not None:
        code_file = frame.tb_frame.f_code.co_filename
        if _is_template_file(code_file):
            if not isinstance(exc, jinja2.TemplateSyntaxError):
                filename, line = code_file, frame.tb_lineno
            if _inside(code_file, user_dirs):
                caller = (code_file, frame.tb_lineno)
        frame = frame.tb_next
    in_user_template = caller is not None or (
        filename is not None and _inside(filename, user_dirs)
    )
    hint = None
    if caller is not None and (filename, line) != caller and filename is not None:
        hint = f"called from {caller[0]}:{caller[1]}"
    if not isinstance(exc, jinja2.TemplateError) and not in_user_template:
        return None
    message = str(exc) or type(exc).__name__
    if not isinstance(exc, jinja2.TemplateError):
        message = f"{type(exc).__name__}: {message}"
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"undefined: {message}"
    kind = "template.error"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        kind = "template.syntax"
    elif isinstance(exc, jinja2.TemplateNotFound):
        kind = "template.not-found"
    elif isinstance(exc, jinja2.UndefinedError):
        kind = "template.undefined"
    return replace(error(kind, "", message, hint=hint), file=filename or template, line=line)


def _at_template_file(env: jinja2.Environment, diagnostic: Diagnostic) -> Diagnostic:
    """A diagnostic that names a template by name, naming its file instead."""
    assert env.loader is not None
    try:
        filename = env.loader.get_source(env, diagnostic.file or "")[1]
    except jinja2.TemplateNotFound:
        return diagnostic
    return replace(diagnostic, file=filename or diagnostic.file)


def _inside(path: str, directories: tuple[str, ...]) -> bool:
    absolute = os.path.abspath(path)
    return any(absolute.startswith(os.path.join(os.path.abspath(d), "")) for d in directories)


def _is_template_file(code_file: str) -> bool:
    return code_file.endswith(outputs.TEMPLATE_SUFFIX) or code_file == "<template>"
