"""Which files a run renders: the manifest's entries, the user's new templates, and one job per
model, enum, operation or group for a path with an item placeholder. A manifest entry names
either a template or a runtime module (`runtime = "NAME"`: generator/runtime/NAME, or a
user's `package/NAME`), which is copied as it is.

Output paths are decided here, from the template set and the IR's names, before anything is
rendered; the renderer only renders the jobs. Problems (an unknown placeholder, two templates
writing one file, a file name too long for a file system, a template directory that is not
there) are diagnostics, all collected.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostic, error
from generator.ir.nodes import Api
from generator.output.atomic_write import MARKER
from generator.render.template_dirs import (
    MANIFEST,
    RUNTIME_OVERRIDE_DIR,
    builtin_runtime_dir,
    builtin_templates_dir,
)
from generator.render.views.module_parts import (
    MODULE_BUDGET,
    SPLIT_KINDS,
    ModulePart,
    SplitModule,
    split_module,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib

BUILTIN_PREFIX = "builtin/"
"""Names under it always load the shipped template, even where a user's file of the same name
replaces it: `{% extends "builtin/package/models.py.j2" %}`."""

TEMPLATE_SUFFIX = ".j2"
PACKAGE_DIR = "package/"
"""A template under it renders into the import package (`{package}/`), like the built-ins."""

ITEM_PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "model": ("models", "module_name"),
    "enum": ("enums", "module_name"),
    "operation": ("operations", "py_name"),
    "group": ("groups", "attribute"),
}
"""Placeholder → (the Api tuple it iterates, the attribute its file name comes from). The
template rendered for each item gets the item under the placeholder's name."""

PLACEHOLDERS = ("package", *ITEM_PLACEHOLDERS)
LAZY_INIT_TEMPLATE = "package/lazy_init.py.j2"
"""Renders the `__init__.py` of a split module's package (see `OutputFile.split`)."""
NAME_MAX = 255
"""The longest file or directory name, in bytes, that common file systems (ext4, APFS, NTFS
in UTF-16 units) accept; a longer one fails only when written."""
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputFile:
    """A template and the output path pattern it renders to (placeholders: see PLACEHOLDERS);
    with `runtime`, `template` is the name of a runtime module, copied instead."""

    template: str
    output: str
    runtime: bool = False
    split: str = ""
    """`models`, `enums` or `strategies`: the module this renders (`{package}/models.py`) becomes
    a package of parts when it would be too large (render/views/module_parts.py)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderJob:
    """One file to render: `template` with `api`, and with the `item_index`-th element of the
    Api tuple that `item` names (`model` → `api.models`) when `item` is set."""

    path: str
    template: str
    item: str | None = None
    item_index: int = 0
    runtime: bool = False
    """`template` names a runtime module, whose text is the file's (see `runtime_source`)."""
    part: ModulePart | SplitModule | None = None
    """For a split module: the part this job renders (its context replaces `api` and
    `imports`), or the split module whose `__init__.py` it renders (`LAZY_INIT_TEMPLATE`)."""


def is_partial(name: str) -> bool:
    """A template named `_NAME.j2` (an underscore, and no output suffix such as `.py` before
    `.j2`) holds macros or blocks for others and is never rendered alone; `_private.py.j2` and
    `__init__.py.j2` render like any other."""
    stem = name.rsplit("/", 1)[-1].removesuffix(TEMPLATE_SUFFIX)
    return stem.startswith("_") and "." not in stem


def read_manifest(env: jinja2.Environment) -> tuple[tuple[OutputFile, ...], tuple[Diagnostic, ...]]:
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, MANIFEST)
    try:
        table = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return (), (replace(error("bad-manifest", "", str(exc)), file=filename),)
    entries = []
    for index, entry in enumerate(table.get("file", [])):
        keys = set(entry) if isinstance(entry, dict) else set()
        split = str(entry.get("split", "")) if isinstance(entry, dict) else ""
        if keys - {"split"} not in ({"template", "output"}, {"runtime", "output"}):
            message = (
                f"[[file]] entry {index} needs 'output' and exactly one of 'template' and "
                "'runtime' (and may say 'split')"
            )
            return (), (replace(error("bad-manifest", "", message), file=filename),)
        if "split" in keys and (split not in SPLIT_KINDS or "runtime" in keys):
            kinds = ", ".join(repr(kind) for kind in SPLIT_KINDS)
            message = f"[[file]] entry {index}: 'split' is one of {kinds}, for a template"
            return (), (replace(error("bad-manifest", "", message), file=filename),)
        runtime = "runtime" in keys
        name = str(entry["runtime" if runtime else "template"])
        if runtime and not _is_runtime_name(name):
            message = (
                f"[[file]] entry {index}: runtime {name!r} is not the file name of a module "
                "(a runtime module is generator/runtime/NAME, or package/NAME in a template "
                "directory)"
            )
            return (), (replace(error("bad-manifest", "", message), file=filename),)
        output = str(entry["output"])
        entries.append(OutputFile(template=name, output=output, runtime=runtime, split=split))
    return tuple(entries), ()


def _is_runtime_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")


def runtime_source(name: str, template_dirs: Sequence[Path]) -> Path | None:
    """The file of the runtime module `name`: `package/NAME` in the first of the user's
    directories that holds one, else the built-in generator/runtime/NAME; None when neither
    exists."""
    for directory in template_dirs:
        candidate = directory / (RUNTIME_OVERRIDE_DIR + name)
        if candidate.is_file():
            return candidate
    builtin = builtin_runtime_dir() / name
    return builtin if builtin.is_file() else None


def missing_runtime(
    jobs: Sequence[RenderJob], template_dirs: Sequence[Path]
) -> tuple[Diagnostic, ...]:
    """A diagnostic for each runtime module the manifest names that no directory holds."""
    problems = []
    for name in sorted({job.template for job in jobs if job.runtime}):
        if runtime_source(name, template_dirs) is None:
            message = f"the manifest names the runtime module {name!r}, which does not exist"
            hint = (
                f"a runtime module is generator/runtime/NAME, or {RUNTIME_OVERRIDE_DIR}NAME in a "
                "template directory"
            )
            problem = error("template.not-found", "", message, hint=hint)
            problems.append(replace(problem, file=MANIFEST))
    return tuple(problems)


def user_template_names(template_dirs: Sequence[Path]) -> list[str]:
    """Every `*.j2` file in the user's directories, as a template name (a relative POSIX
    path), sorted; a name in two directories counts once (the first directory wins)."""
    names: set[str] = set()
    for directory in template_dirs:
        for path in directory.rglob("*" + TEMPLATE_SUFFIX):
            if path.is_file():
                names.add(path.relative_to(directory).as_posix())
    return sorted(names)


def builtin_template_names() -> frozenset[str]:
    root = builtin_templates_dir()
    return frozenset(
        path.relative_to(root).as_posix() for path in root.rglob("*" + TEMPLATE_SUFFIX)
    )


def missing_directories(template_dirs: Sequence[Path]) -> tuple[Diagnostic, ...]:
    return tuple(
        error(
            "templates.not-found",
            "",
            f"template directory {str(directory)!r} does not exist or is not a directory",
        )
        for directory in template_dirs
        if not directory.is_dir()
    )


def planned_outputs(
    manifest: Sequence[OutputFile], template_dirs: Sequence[Path]
) -> tuple[OutputFile, ...]:
    """The manifest's entries, then one for each of the user's templates that is neither a
    partial, nor a built-in's replacement, nor in the manifest: it renders to its own path
    without `.j2`, `package/` standing for the import package. Such a template replaces a
    runtime module that the manifest writes to the same path (`package/errors.py.j2`
    renders `{package}/errors.py` instead of copying the runtime's)."""
    listed = {entry.template for entry in manifest if not entry.runtime}
    builtin = builtin_template_names()
    added = []
    for name in user_template_names(template_dirs):
        if name in listed or name in builtin or is_partial(name):
            continue
        if name.startswith(BUILTIN_PREFIX):
            continue  # cannot be loaded under that name: `builtin/` is the shipped set
        output = name[: -len(TEMPLATE_SUFFIX)]
        if output.startswith(PACKAGE_DIR):
            output = "{package}/" + output[len(PACKAGE_DIR) :]
        added.append(OutputFile(template=name, output=output))
    replaced = {entry.output for entry in added}
    kept = [entry for entry in manifest if not (entry.runtime and entry.output in replaced)]
    return (*kept, *added)


def expand(
    entries: Sequence[OutputFile], api: Api, budget: int = MODULE_BUDGET
) -> tuple[tuple[RenderJob, ...], tuple[Diagnostic, ...]]:
    """One job per entry, or per item for a path with an item placeholder, or per part of a
    split module (see `OutputFile.split`; `budget`: `module_parts.MODULE_BUDGET`); every
    problem."""
    jobs: list[RenderJob] = []
    diagnostics: list[Diagnostic] = []
    for entry in entries:
        found, problem = _placeholders(entry)
        if problem is not None:
            diagnostics.append(problem)
            continue
        split = (
            _split_jobs(entry, api, budget)
            if entry.split and not set(found) & set(ITEM_PLACEHOLDERS)
            else None
        )
        if split is not None:
            jobs += split
            continue
        items = [placeholder for placeholder in found if placeholder in ITEM_PLACEHOLDERS]
        item = items[0] if items else None
        values = getattr(api, ITEM_PLACEHOLDERS[item][0]) if item else (None,)
        for index, value in enumerate(values):
            job = _job(entry, api, item, index, value)
            problem = _path_problem(entry, job, value)
            if problem is None:
                jobs.append(job)
            else:
                diagnostics.append(problem)
    diagnostics.extend(_collisions(jobs))
    return tuple(jobs), tuple(diagnostics)


def _split_jobs(entry: OutputFile, api: Api, budget: int) -> list[RenderJob] | None:
    """The jobs of a split module: its package's `__init__.py` and each part; None when the
    module stays one file (or its path is not `NAME.py`)."""
    if not entry.output.endswith(".py"):
        return None
    split = split_module(entry.split, api, budget)
    if split is None:
        return None
    directory = entry.output.replace("{package}", api.package_name).removesuffix(".py")
    # The client's `__init__.py` is the client module less what its parts hold.
    init = entry.template if split.kind == "client" else LAZY_INIT_TEMPLATE
    jobs = [RenderJob(path=f"{directory}/__init__.py", template=init, part=split)]
    jobs += [
        RenderJob(path=f"{directory}/{part.module}.py", template=entry.template, part=part)
        for part in split.parts
    ]
    return jobs


def _path_problem(entry: OutputFile, job: RenderJob, value: object) -> Diagnostic | None:
    """A path no run could write, found before rendering: a name past NAME_MAX bytes (at the
    item the name came from), or the marker that `write` keeps for itself."""
    if job.path == MARKER:
        message = f"renders to {MARKER!r}, the file clientgen writes into every output directory"
        return _template_error("template.reserved-path", entry, message, "rename the template")
    for segment in job.path.split("/"):
        size = len(segment.encode("utf-8", "surrogatepass"))
        if size <= NAME_MAX:
            continue
        message = (
            f"renders to a file name of {size} bytes ({segment[:40]!r}...), longer than the "
            f"{NAME_MAX} bytes file systems allow"
        )
        source = f"the {job.item}'s name, from the spec at this pointer" if job.item else "it"
        hint = f"shorten {source}, or the template's output path"
        problem = _template_error("template.path-too-long", entry, message, hint)
        return replace(problem, pointer=str(getattr(value, "pointer", "")))
    return None


def _job(entry: OutputFile, api: Api, item: str | None, index: int, value: object) -> RenderJob:
    names = {"package": api.package_name}
    if item is not None:
        names[item] = getattr(value, ITEM_PLACEHOLDERS[item][1])
    path = _PLACEHOLDER.sub(lambda match: names[match[1]], entry.output)
    return RenderJob(
        path=path, template=entry.template, item=item, item_index=index, runtime=entry.runtime
    )


def _placeholders(entry: OutputFile) -> tuple[list[str], Diagnostic | None]:
    found = _PLACEHOLDER.findall(entry.output)
    for name in found:
        if name not in PLACEHOLDERS:
            close = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
            known = ", ".join("{" + known + "}" for known in PLACEHOLDERS)
            hint = f"did you mean {{{close[0]}}}?" if close else f"known placeholders: {known}"
            message = f"unknown placeholder {{{name}}} in the output path {entry.output!r}"
            return found, _template_error("template.unknown-placeholder", entry, message, hint)
    items = sorted({name for name in found if name in ITEM_PLACEHOLDERS})
    if len(items) > 1:
        listed = " and ".join("{" + name + "}" for name in items)
        message = f"the output path {entry.output!r} names {listed}: a path takes one item"
        hint = "render one file per model, enum, operation or group, not per pair"
        return found, _template_error("template.placeholders", entry, message, hint)
    stray = _PLACEHOLDER.sub("", entry.output)
    if "{" in stray or "}" in stray:
        message = f"unbalanced brace in the output path {entry.output!r}"
        return found, _template_error("template.placeholders", entry, message, None)
    return found, None


def _template_error(code: str, entry: OutputFile, message: str, hint: str | None) -> Diagnostic:
    return replace(error(code, "", message, hint=hint), file=entry.template)


def _collisions(jobs: Sequence[RenderJob]) -> list[Diagnostic]:
    first: dict[str, RenderJob] = {}
    problems = []
    for job in jobs:
        earlier = first.setdefault(job.path, job)
        if earlier is job:
            continue
        message = f"renders to {job.path!r}, which {earlier.template!r} renders to already"
        hint = (
            "rename one template or give one a placeholder"
            if earlier.template != job.template
            else "two items share a file name: use a placeholder that names each item"
        )
        diagnostic = error("template.output-collision", "", message, hint=hint)
        problems.append(replace(diagnostic, file=job.template))
    return problems
