"""The template context as a contract: what templates can read, described and dumped.

Every template gets `api` (an `ir.Api`) and `imports` (a `render.imports.ModuleImports`,
what the generated modules import); a per-item template also gets the one item it renders
(`model`, `enum`, `operation` or `group`); all of them get the filters in
`template_filters.FILTERS`.
Some filters return a view (`client_view`: what `client.py.j2` prints, computed in
generator/render/views/); the view classes are described too, under `views`.
`context_schema()` describes that by introspection: every class reachable from `Api` with its
fields, public properties and public methods (types and docstrings; field docstrings are read
from the IR's source), every enum's members, every filter, and the built-in files a template
directory can replace (the manifest's templates with their blocks, and its runtime modules). `to_jsonable()` dumps an IR value
with everything a template can read (`python -m generator inspect SPEC`).

`CONTEXT_VERSION` numbers the shape of the context: bump it whenever the schema changes other
than in its descriptions (a class, field, property, method, enum member, filter, variable,
built-in template or block added, removed, renamed or retyped), then run `python -m generator.render.contract --write-docs
--write-snapshot`. The snapshot (tests/golden/template-context.json) and the record of each
version's shape (tests/golden/template-context-history.json) make tests/unit/render/test_context.py fail
until that is done; a new shape is recorded only under a new version. A changed description
needs no new version, only the same command.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import enum
import functools
import hashlib
import inspect
import json
import re
import sys
import textwrap
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes

from generator.ir import kinds as ir_kinds
from generator.ir import nodes as ir
from generator.ir import requests as ir_requests
from generator.ir import service as ir_service
from generator.ir import types as ir_types
from generator.ir import xml as ir_xml
from generator.render import output_plan
from generator.render.template_dirs import builtin_templates_dir
from generator.render.template_filters import FILTERS
from generator.render.views import client_classes as view_client_classes
from generator.render.views import client_view as view_client
from generator.render.views import imports as render_imports
from generator.render.views import lazy_modules as view_lazy_modules
from generator.render.views import module_parts as view_module_parts
from generator.render.views import readme_view as view_readme
from generator.render.views import testing_readme as view_testing_readme
from generator.render.views import testing_view as view_testing

CONTEXT_VERSION = 10
"""The version of the template context's shape; see the module docstring for when to bump it."""

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "templates.md"
SNAPSHOT = ROOT / "tests" / "golden" / "template-context.json"
HISTORY = ROOT / "tests" / "golden" / "template-context-history.json"
BEGIN = "<!-- context-reference:begin -->"
END = "<!-- context-reference:end -->"

VARIABLES: tuple[tuple[str, type, str], ...] = (
    ("api", ir.Api, "every template"),
    (
        "imports",
        render_imports.ModuleImports,
        "every template: what the built-in templates' modules import (computed from `api`)",
    ),
    ("model", ir.Model, "per-model templates (`{model}` in the output path), one render each"),
    ("enum", ir.Enum, "per-enum templates (`{enum}` in the output path), one render each"),
    (
        "operation",
        ir.Operation,
        "per-operation templates (`{operation}` in the output path), one render each",
    ),
    (
        "group",
        ir.OperationGroup,
        "per-group templates (`{group}` in the output path), one render each",
    ),
    (
        "part",
        view_module_parts.ModulePart,
        (
            "every template: None, but in a part of a split module (`split` in the manifest), "
            "where `api` and `imports` are the part's"
        ),
    ),
    (
        "split",
        view_module_parts.SplitModule,
        (
            "`package/lazy_init.py.j2`, and `client.py.j2` for a split client's `__init__.py`: "
            "the split module whose package's `__init__.py` it renders; None elsewhere"
        ),
    ),
)
"""The variables templates get: name, class, which templates get it."""

# The modules whose classes make up the context (their docstrings are read from the source).
_CONTEXT_MODULES = (
    ir,
    ir_kinds,
    ir_types,
    ir_requests,
    ir_service,
    ir_xml,
    render_imports,
    view_module_parts,
    view_lazy_modules,
)
_VIEW_MODULES = (view_client, view_client_classes, view_readme, view_testing, view_testing_readme)
"""The modules of the view classes some filters return (`client_view`, `readme_view`,
`testing_view`, `testing_readme`)."""


# -- the schema ------------------------------------------------------------------------------


def context_schema() -> dict[str, Any]:
    """The template context described: variables, every class reachable from them, filters."""
    return {
        "variables": [
            {"name": name, "type": cls.__name__, "given_to": given_to}
            for name, cls, given_to in VARIABLES
        ],
        "classes": {cls.__name__: _describe_class(cls) for cls in _reachable_classes()},
        "filters": {name: _describe_filter(f) for name, f in sorted(FILTERS.items())},
        "builtins": _describe_builtins(),
        "views": {cls.__name__: _describe_class(cls) for cls in _reachable_views()},
    }


def _describe_builtins() -> list[dict[str, Any]]:
    """The built-in manifest's entries: each template with the blocks a template directory
    can replace, each runtime module (copied as it is: no blocks)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(builtin_templates_dir())))
    manifest, problems = output_plan.read_manifest(env)
    assert not problems, problems
    described = []
    for entry in manifest:
        blocks: list[str] = []
        if not entry.runtime:
            assert env.loader is not None
            source = env.loader.get_source(env, entry.template)[0]
            found = env.parse(source).find_all(jinja2.nodes.Block)
            blocks = sorted({block.name for block in found})
        kind = "runtime" if entry.runtime else "template"
        described.append(
            {"name": entry.template, "kind": kind, "output": entry.output, "blocks": blocks}
        )
    return described


def context_shape(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` without its descriptions: what CONTEXT_VERSION numbers."""

    def bare(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in entry.items() if k != "doc"} for entry in entries]

    classes = {
        name: {
            key: bare(value) if isinstance(value, list) else value
            for key, value in cls.items()
            if key != "doc"
        }
        for name, cls in schema["classes"].items()
    }
    return {
        "variables": [(v["name"], v["type"]) for v in schema["variables"]],
        "classes": classes,
        "filters": {name: f["signature"] for name, f in schema["filters"].items()},
        "builtins": schema["builtins"],
        "views": {
            name: {
                key: bare(value) if isinstance(value, list) else value
                for key, value in cls.items()
                if key != "doc"
            }
            for name, cls in schema["views"].items()
        },
    }


def shape_hash(schema: dict[str, Any]) -> str:
    """SHA-256 of the schema's shape, as recorded per version in the history file."""
    text = json.dumps(context_shape(schema), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _reachable_classes() -> list[type]:
    """The IR classes the variables' types lead to, through fields, properties and methods."""
    seen: dict[str, type] = {}
    stack: list[type] = [cls for _, cls, _ in VARIABLES]
    while stack:
        cls = stack.pop()
        if cls.__name__ in seen:
            continue
        seen[cls.__name__] = cls
        if not dataclasses.is_dataclass(cls):
            continue
        hints = [_field_hints(cls)[f.name] for f in dataclasses.fields(cls)]
        hints += [_return_hint(member) for _, member in _public_members(cls)]
        for hint in hints:
            stack.extend(c for c in _classes_in(hint) if c.__name__ not in seen)
    return [seen[name] for name in sorted(seen)]


def _classes_in(hint: Any, modules: Sequence[types.ModuleType] = _CONTEXT_MODULES) -> Iterator[type]:
    """The classes (dataclasses and enums) of `modules` named anywhere in `hint`."""
    if (
        isinstance(hint, type)
        and hint.__module__ in {m.__name__ for m in modules}
        and (dataclasses.is_dataclass(hint) or issubclass(hint, enum.Enum))
    ):
        yield hint
    for arg in typing.get_args(hint):
        yield from _classes_in(arg, modules)


def _reachable_views() -> list[type]:
    """The view classes the filters return, and those their fields lead to."""
    seen: dict[str, type] = {}
    stack: list[type] = []
    view_modules = {m.__name__ for m in _VIEW_MODULES}
    for function in FILTERS.values():
        if function.__module__ in view_modules:
            stack.extend(_classes_in(_return_hint(function), _VIEW_MODULES))
    while stack:
        cls = stack.pop()
        if cls.__name__ in seen:
            continue
        seen[cls.__name__] = cls
        for field in dataclasses.fields(cls):
            hint = _field_hints(cls)[field.name]
            stack.extend(c for c in _classes_in(hint, _VIEW_MODULES) if c.__name__ not in seen)
    return [seen[name] for name in sorted(seen)]


def _describe_class(cls: type) -> dict[str, Any]:
    docs = _source_docs()
    doc = docs.get((cls.__name__, ""), "")
    if issubclass(cls, enum.Enum):
        return {
            "kind": "enum",
            "doc": doc,
            "members": [
                {
                    "name": member.name,
                    "value": member.value,
                    "doc": docs.get((cls.__name__, member.name), ""),
                }
                for member in cls
            ],
        }
    hints = _field_hints(cls)
    described: dict[str, Any] = {"kind": "dataclass", "doc": doc, "fields": []}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        has_default = (
            field.default is not dataclasses.MISSING
            or field.default_factory is not dataclasses.MISSING
        )
        described["fields"].append(
            {
                "name": field.name,
                "type": _type_name(hints[field.name]),
                "has_default": has_default,
                "doc": docs.get((cls.__name__, field.name), ""),
            }
        )
    properties, methods = [], []
    for name, member in _public_members(cls):
        if isinstance(member, property):
            properties.append(
                {"name": name, "type": _type_name(_return_hint(member)), "doc": _doc(member)}
            )
        else:
            methods.append({"name": name, "signature": _signature(member), "doc": _doc(member)})
    described["properties"] = properties
    described["methods"] = methods
    return described


def _public_members(cls: type) -> list[tuple[str, Any]]:
    """Public properties and plain methods, the class's own first, in declaration order."""
    members: dict[str, Any] = {}
    for klass in cls.__mro__:
        if klass is object:
            continue
        for name, member in vars(klass).items():
            if name.startswith("_") or name in members:
                continue
            if isinstance(member, property) or inspect.isfunction(member):
                members[name] = member
    return list(members.items())


def _field_hints(cls: type) -> dict[str, Any]:
    hints = _FIELD_HINTS.get(cls)
    if hints is None:
        module = vars(sys.modules[cls.__module__])
        hints = _FIELD_HINTS[cls] = typing.get_type_hints(cls, globalns=module)
    return hints


_FIELD_HINTS: dict[type, dict[str, Any]] = {}


def _return_hint(member: Any) -> Any:
    function: Any = member.fget if isinstance(member, property) else member
    return typing.get_type_hints(function, globalns=function.__globals__)["return"]


def _signature(function: Callable[..., Any]) -> str:
    hints = typing.get_type_hints(function, globalns=function.__globals__)
    parameters = [
        f"{p.name}: {_type_name(hints[p.name])}"
        for p in inspect.signature(function).parameters.values()
        if p.name != "self"
    ]
    return f"{function.__name__}({', '.join(parameters)}) -> {_type_name(hints['return'])}"


def _type_name(hint: Any) -> str:
    """A type as its annotation reads: `tuple[Field, ...]`, `str | None`."""
    if hint is type(None) or hint is None:
        return "None"
    if hint is Ellipsis:
        return "..."
    origin = typing.get_origin(hint)
    if origin is typing.Union or isinstance(hint, types.UnionType):
        return " | ".join(_type_name(arg) for arg in typing.get_args(hint))
    if origin is not None:
        args = ", ".join(_type_name(arg) for arg in typing.get_args(hint))
        return f"{getattr(origin, '__name__', str(origin))}[{args}]"
    if isinstance(hint, type):
        return hint.__name__
    return str(hint)


def _doc(member: Any) -> str:
    return inspect.cleandoc(member.__doc__ or "")


@functools.cache
def _source_docs() -> dict[tuple[str, str], str]:
    """Docstrings from the IR's source, by (class, attribute); `(class, "")` for the class.

    Python keeps no docstring of a class attribute: it is the string statement after the
    attribute's assignment in the class body, read here with `ast`.
    """
    docs: dict[tuple[str, str], str] = {}
    for module in _CONTEXT_MODULES + _VIEW_MODULES:
        tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            docs[(node.name, "")] = ast.get_docstring(node) or ""
            for statement, following in zip(node.body, node.body[1:]):
                name = _assigned_name(statement)
                if name and isinstance(following, ast.Expr):
                    value = following.value
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        docs[(node.name, name)] = inspect.cleandoc(value.value)
    return docs


def _assigned_name(statement: ast.stmt) -> str | None:
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id
    if (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
    ):
        return statement.targets[0].id
    return None


def _describe_filter(function: Any) -> dict[str, Any]:
    """A filter's parameters as its source spells them (the first is the filtered value)."""
    signature = inspect.signature(function)
    parameters = []
    for parameter in signature.parameters.values():
        text = parameter.name
        if parameter.annotation is not inspect.Parameter.empty:
            text += f": {parameter.annotation}"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {parameter.default!r}"
        parameters.append(text)
    returns = signature.return_annotation
    arrow = "" if returns is inspect.Signature.empty else f" -> {returns}"
    text = f"({', '.join(parameters)}){arrow}"
    return {"signature": text, "doc": _first_paragraph(_doc(function))}


def _first_paragraph(text: str) -> str:
    return text.split("\n\n", 1)[0].strip()


# -- the dump --------------------------------------------------------------------------------


def to_jsonable(value: object) -> Any:
    """`value` (an IR node, or anything in one) as JSON-ready data: a node is an object of
    every field and public property, in that order; enums are their values; tuples and
    frozensets are lists (frozensets sorted)."""
    return _Dumper().dump(value)


class _Dumper:
    """One dump: a node that several places hold (a TypeRef, a Field of `required_fields`)
    is converted once and its result shared."""

    def __init__(self) -> None:
        # id → (node, its data); the node is kept so that its id cannot be reused.
        self._done: dict[int, tuple[object, dict[str, Any]]] = {}

    def dump(self, value: object) -> Any:
        kind = type(value)
        if kind in _SCALARS:  # exact types: an IR enum is a str subclass
            return value
        if kind is tuple or kind is list:
            return [self.dump(item) for item in value]  # type: ignore[attr-defined]
        if isinstance(value, enum.Enum):
            return value.value
        if isinstance(value, frozenset):
            return sorted(self.dump(item) for item in value)
        done = self._done.get(id(value))
        if done is not None:
            return done[1]
        if not dataclasses.is_dataclass(value):
            raise TypeError(f"cannot dump a {type(value).__name__}")
        data = {name: self.dump(getattr(value, name)) for name in _attribute_names(type(value))}
        self._done[id(value)] = (value, data)
        return data


def dumps(data: Any) -> str:
    """Exactly `json.dumps(data, indent=2, ensure_ascii=False)` for `to_jsonable` data, in a
    quarter of the time on a big spec: no generator per nesting level, and an object that
    several places share is encoded once (re-indented where it sits deeper or shallower)."""
    writer = _JsonWriter()
    writer.write(data, "")
    return "".join(writer.out)


class _JsonWriter:
    def __init__(self) -> None:
        self.out: list[str] = []
        # id → (the object, the indentation it was written at, its slice of `out`).
        self._done: dict[int, tuple[object, str, int, int]] = {}
        self._keys: dict[str, str] = {}

    def write(self, value: Any, indent: str) -> None:
        out = self.out
        kind = type(value)
        if kind is str:
            out.append(_json_string(value))
        elif value is None or kind is bool or kind is int or kind is float:
            out.append(json.dumps(value))
        elif id(value) in self._done:
            _, at, start, end = self._done[id(value)]
            if at == indent:
                out.extend(out[start:end])
            else:  # every line break inside is structural: strings escape theirs
                out.append("".join(out[start:end]).replace("\n" + at, "\n" + indent))
        elif not value:
            out.append("{}" if kind is dict else "[]")
        else:
            start = len(out)
            inner = indent + "  "
            separator = ",\n" + inner
            out.append(("{\n" if kind is dict else "[\n") + inner)
            if kind is dict:
                for index, (key, item) in enumerate(value.items()):
                    if index:
                        out.append(separator)
                    out.append(self._key(key))
                    self.write(item, inner)
            else:
                for index, item in enumerate(value):
                    if index:
                        out.append(separator)
                    self.write(item, inner)
            out.append("\n" + indent + ("}" if kind is dict else "]"))
            self._done[id(value)] = (value, indent, start, len(out))

    def _key(self, key: str) -> str:
        text = self._keys.get(key)
        if text is None:
            text = self._keys[key] = _json_string(key) + ": "
        return text


_json_string: Callable[[str], str] = json.encoder.encode_basestring


_SCALARS = frozenset({type(None), bool, int, float, str})


def _attribute_names(cls: type) -> tuple[str, ...]:
    """What a template can read of a node: its fields, then its public properties."""
    names = _ATTRIBUTE_NAMES.get(cls)
    if names is None:
        fields = [f.name for f in dataclasses.fields(cls)]
        properties = [n for n, m in _public_members(cls) if isinstance(m, property)]
        names = _ATTRIBUTE_NAMES[cls] = tuple(fields + properties)
    return names


_ATTRIBUTE_NAMES: dict[type, tuple[str, ...]] = {}


# -- the reference section of docs/templates.md ------------------------------------------------


def reference_markdown(schema: dict[str, Any]) -> str:
    """The generated reference: what goes between the markers in docs/templates.md."""
    out = [
        "<!-- Generated by `python -m generator.render.contract --write-docs` from the IR's docstrings,",
        "generator/render/filters.py and the built-in manifest; edit those, not this section. -->",
        "",
        f"## Reference: the template context, version {CONTEXT_VERSION}",
        "",
        "### Variables",
        "",
    ]
    for variable in schema["variables"]:
        link = f"[`{variable['type']}`](#{variable['type'].lower()})"
        out += _item(f"`{variable['name']}` ({link})", f"given to {variable['given_to']}.")
    out += [
        "",
        "Every template also gets the filters below. Names starting with `_` are not part of",
        "the context. `python -m generator inspect SPEC` prints a spec's `api` as JSON, with",
        "every attribute listed here.",
        "",
        "### Classes",
    ]
    for name, cls in schema["classes"].items():
        out += ["", f"#### {name}", ""]
        if cls["doc"]:
            out += [cls["doc"], ""]
        if cls["kind"] == "enum":
            out.append("Values (a `str` enum: a member equals its value, `kind == \"model\"`):")
            out.append("")
            for member in cls["members"]:
                out += _item(f"`{member['value']}` (`{name}.{member['name']}`)", member["doc"])
            continue
        for field in cls["fields"]:
            out += _item(f"`{field['name']}` (`{field['type']}`)", field["doc"])
        for prop in cls["properties"]:
            out += _item(f"`{prop['name']}` (`{prop['type']}`, computed)", prop["doc"])
        for method in cls["methods"]:
            out += _item(f"`{method['signature']}` (a method)", method["doc"])
    out += ["", "### Filters", ""]
    for name, function in schema["filters"].items():
        out += _item(f"`{name}{function['signature']}`", function["doc"])
    out += ["", "### Built-in files", ""]
    for entry in schema["builtins"]:
        if entry["kind"] == "runtime":
            text = "a runtime module, copied as it is"
        else:
            blocks = ", ".join(f"`{name}`" for name in entry["blocks"]) or "none"
            text = f"blocks: {blocks}"
        out += _item(f"`{entry['name']}` → `{entry['output']}`", text)
    out += [
        "",
        "### Views",
        "",
        "What `client_view` returns: the built-in `client.py.j2`'s statements, signatures and",
        "docstrings, already laid out as black would (generator/render/views/).",
    ]
    for name, cls in schema["views"].items():
        out += ["", f"#### {name}", ""]
        if cls["doc"]:
            out += [cls["doc"], ""]
        for field in cls["fields"]:
            out += _item(f"`{field['name']}` (`{field['type']}`)", field["doc"])
    return "\n".join(out) + "\n"


def _item(head: str, text: str) -> list[str]:
    """A list item `- head: text`, the text's lines joined, wrapped at 100 columns."""
    line = f"- {head}" + (f": {' '.join(text.split())}" if text.strip() else "")
    # Code spans stay on one line: a space inside one is not a place to break.
    line = _CODE_SPAN.sub(lambda m: m.group().replace(" ", "\0"), line)
    wrapped = textwrap.wrap(
        line, width=100, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )
    return [each.replace("\0", " ") for each in wrapped]


_CODE_SPAN = re.compile(r"`[^`]*`")


def _with_reference(text: str, reference: str) -> str | None:
    """`text` with the section between the markers replaced, or None without the markers."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return None
    return text[: start + len(BEGIN)] + "\n" + reference + text[end:]


def check_docs(schema: dict[str, Any]) -> str | None:
    """A message when docs/templates.md's reference section is stale, else None."""
    text = DOCS.read_text(encoding="utf-8")
    updated = _with_reference(text, reference_markdown(schema))
    if updated is None:
        return f"{DOCS}: the markers {BEGIN} and {END} are missing"
    if updated != text:
        return (
            f"{DOCS}: the template context reference is stale; run "
            "`python -m generator.render.contract --write-docs`"
        )
    return None


# -- the snapshot and its history ------------------------------------------------------------


def snapshot_text(schema: dict[str, Any]) -> str:
    snapshot = {"version": CONTEXT_VERSION, "schema": schema}
    return json.dumps(snapshot, sort_keys=True, indent=2) + "\n"


def read_history() -> dict[str, str]:
    if not HISTORY.exists():
        return {}
    history: dict[str, str] = json.loads(HISTORY.read_text(encoding="utf-8"))
    return history


def history_problem(schema: dict[str, Any], history: dict[str, str]) -> str | None:
    """Why `history` does not record `schema`'s shape as CONTEXT_VERSION's, or None."""
    digest = shape_hash(schema)
    recorded = history.get(str(CONTEXT_VERSION))
    if recorded is None:
        return (
            f"version {CONTEXT_VERSION} is not recorded in {HISTORY.name}: run "
            "`python -m generator.render.contract --write-docs --write-snapshot`"
        )
    if recorded != digest:
        return (
            f"the template context changed, but CONTEXT_VERSION is still {CONTEXT_VERSION}, "
            "whose shape was recorded with another context: bump CONTEXT_VERSION in "
            "generator/render/contract.py, run `python -m generator.render.contract --write-docs "
            "--write-snapshot`, and describe the change in docs/templates.md"
        )
    if history.get(str(CONTEXT_VERSION - 1)) == digest:
        return (
            f"CONTEXT_VERSION was bumped to {CONTEXT_VERSION}, but the context's shape did not "
            "change: a new description needs no new version"
        )
    if sorted(history, key=int) != [str(v) for v in range(1, CONTEXT_VERSION + 1)]:
        return f"{HISTORY.name} must record every version from 1 to {CONTEXT_VERSION}, no more"
    return None


def write_snapshot(schema: dict[str, Any]) -> str | None:
    """Write the snapshot and record the version's shape; a message instead when the shape
    changed under the same version."""
    history = read_history()
    history.setdefault(str(CONTEXT_VERSION), shape_hash(schema))
    problem = history_problem(schema, history)
    if problem is not None:
        return problem
    HISTORY.write_text(json.dumps(history, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    SNAPSHOT.write_text(snapshot_text(schema), encoding="utf-8")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.render.contract",
        description="Write or check the template context's reference (docs/templates.md) "
        "and snapshot (tests/golden/template-context.json).",
    )
    parser.add_argument("--write-docs", action="store_true", help="rewrite the reference section")
    parser.add_argument("--check-docs", action="store_true", help="exit 1 if it is stale")
    parser.add_argument(
        "--write-snapshot", action="store_true", help="rewrite the snapshot, record the version"
    )
    args = parser.parse_args(argv)
    if not (args.write_docs or args.check_docs or args.write_snapshot):
        parser.error("nothing to do: pass --write-docs, --check-docs or --write-snapshot")
    schema = context_schema()
    status = 0
    if args.write_snapshot:
        problem = write_snapshot(schema)
        if problem is not None:
            print(f"error: {problem}; nothing was written", file=sys.stderr)
            return 1
    if args.write_docs:
        text = DOCS.read_text(encoding="utf-8")
        updated = _with_reference(text, reference_markdown(schema))
        if updated is None:
            print(f"error: {DOCS}: the markers {BEGIN} and {END} are missing", file=sys.stderr)
            return 1
        if updated != text:
            DOCS.write_text(updated, encoding="utf-8")
    if args.check_docs:
        problem = check_docs(schema)
        if problem is not None:
            print(f"error: {problem}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
