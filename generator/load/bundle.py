"""One document from several files: external `$ref`s become local ones.

A spec may refer to other files (`schemas.yaml#/Pet`, `./common/error.json`). Every later stage
works on a single tree, so this stage reads those files and rewrites the references:

* a schema (a `$ref` where a schema goes) is hoisted into the root's schema components
  (`components/schemas`, or `definitions` for Swagger 2.0) under its own name (the last token of
  the fragment, else the file's stem), and the reference points there. The same target is
  hoisted once, and recursive schemas across files work because the name is claimed first;
* anything else (a parameter, a response, a path item) is copied in place.

Only files inside the root spec's own directory are read: absolute paths, `..` escapes, URLs and
`file:` URIs are refused with the pointer that asked for them. `$ref`s under extension keys
(`x-ms-examples`) and inside literal values (examples, defaults) are data and are left alone.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.diagnostics import Diagnostic, error, has_errors, join_pointer, split_pointer
from generator.load.document import MAX_NODES, Document, load
from generator.load.yaml_reader import located

_LITERAL_KEYS = frozenset(("example", "examples", "default", "enum", "const", "value"))
# A `$ref` directly under one of these keys is where a schema goes.
_SCHEMA_KEYS = frozenset(
    ("schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then",
     "else", "unevaluatedItems", "unevaluatedProperties")
)
# ... and one level further down under one of these (a name or an index in between).
_SCHEMA_PARENTS = frozenset(
    ("properties", "allOf", "oneOf", "anyOf", "schemas", "definitions", "patternProperties",
     "prefixItems", "$defs", "dependentSchemas")
)
# Keys of these maps are names, not keywords: a property may be called `example` or `x-id`.
_NAME_MAPS = frozenset(
    ("properties", "patternProperties", "definitions", "schemas", "parameters", "responses",
     "headers", "paths", "$defs", "dependentSchemas", "callbacks", "links", "requestBodies",
     "securitySchemes", "content", "encoding", "variables")
)
MAX_FILES = 200


def has_external_refs(data: Any) -> bool:
    return any(not ref.startswith("#") for _, ref in _refs(data, ""))


def bundle(document: Document) -> tuple[Document, tuple[Diagnostic, ...]]:
    """`document` with every external `$ref` made local (the document itself when it has none)."""
    if not has_external_refs(document.data):
        return document, ()
    bundler = _Bundler(document)
    try:
        data = bundler.run()
    except _TooLarge as exc:
        message = (
            f"copying the objects these references point at would make more than {MAX_NODES:,}"
            " nodes; refusing to build it"
        )
        hint = "refer to large shared objects from fewer places, or put schemas under components"
        bundler._error(exc.pointer, message, hint, code="bundle.too-large")
        return document, tuple(bundler.diagnostics)
    sources = sorted(path for path, tree in bundler._files.items() if tree is not None)
    sources = [path for path in sources if path != bundler.root_file]
    return replace(document, data=data, sources=tuple(sources)), tuple(bundler.diagnostics)


@dataclass
class _Bundler:
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _files: dict[Path, Any] = field(default_factory=dict)
    _hoisted: dict[tuple[Path, str], str] = field(default_factory=dict)
    _inlining: set[tuple[Path, str]] = field(default_factory=set)
    _copied: int = 0

    def __post_init__(self) -> None:
        self.root_file = self.document.path.resolve()
        self.base = self.root_file.parent
        self.data = copy.deepcopy(self.document.data)
        self._files[self.root_file] = self.data
        swagger = str(self.data.get("swagger", "")).startswith("2.")
        self.schema_base = "/definitions" if swagger else "/components/schemas"
        container: Any = self.data
        for token in split_pointer(self.schema_base):
            container = container.setdefault(token, {})
        self.schemas: dict[str, Any] = container

    def run(self) -> Any:
        self._rewrite(self.data, "", self.root_file, root_refs=True)
        return self.data

    def _rewrite(self, node: Any, pointer: str, file: Path, *, root_refs: bool) -> Any:
        """Make every `$ref` in `node` (which came from `file`) local to the root; in place.

        `root_refs`: local `#/...` refs in `node` already mean the root document.
        """
        for where, ref in list(_refs(node, pointer)):
            if ref.startswith("#") and root_refs:
                continue
            holder = _at(node, where[len(pointer):])
            if holder is None:
                continue
            replacement = self._resolve(ref, where, file)
            if replacement is None:
                continue
            kind, value = replacement
            if kind == "ref":
                holder["$ref"] = value
            else:
                holder.pop("$ref", None)
                holder.update(value)
        return node

    def _resolve(self, ref: str, pointer: str, file: Path) -> tuple[str, Any] | None:
        target = self._target_file(ref, pointer, file)
        if target is None:
            return None
        fragment = unquote(ref.partition("#")[2])
        data = self._file_data(target, pointer)
        if data is None:
            return None
        try:
            value = _resolve_fragment(data, fragment)
        except KeyError:
            self._error(pointer, f"{ref!r}: {target.name} has nothing at #{fragment}")
            return None
        key = (target, fragment)
        if _is_schema_position(pointer):
            if key not in self._hoisted:
                name = self._claim(_name_for(target, fragment))
                local = join_pointer(self.schema_base, name)
                self._hoisted[key] = "#" + local
                self.schemas[name] = {}
                self._count_copy(value, pointer)
                hoisted = copy.deepcopy(value)
                self._rewrite(hoisted, local, target, root_refs=target == self.root_file)
                self.schemas[name] = hoisted
            return "ref", self._hoisted[key]
        if key in self._inlining:
            self._error(pointer, f"{ref!r} refers back to itself through other files")
            return None
        if not isinstance(value, dict):
            self._error(pointer, f"{ref!r} must lead to an object, not {type(value).__name__}")
            return None
        self._inlining.add(key)
        try:
            self._count_copy(value, pointer)
            inlined = copy.deepcopy(value)
            self._rewrite(inlined, pointer, target, root_refs=target == self.root_file)
        finally:
            self._inlining.discard(key)
        return "inline", inlined

    def _count_copy(self, value: Any, pointer: str) -> None:
        """Refs to one big object from many places copy it each time: keep the total bounded."""
        self._copied += _node_count(value)
        if self._copied > MAX_NODES:
            raise _TooLarge(pointer)

    def _target_file(self, ref: str, pointer: str, file: Path) -> Path | None:
        address = ref.partition("#")[0]
        if not address:
            return file
        parts = urlsplit(address)
        if parts.scheme or parts.netloc:
            self._error(
                pointer,
                f"{ref!r} was not followed: clientgen reads no URLs and no file: URIs",
                hint="save the referenced file next to the spec and refer to it by relative path",
                code="bundle.remote-ref",
            )
            return None
        relative = unquote(parts.path)
        if "\0" in relative:  # no file name holds one; the OS would refuse the path
            self._error(pointer, f"{ref!r} contains a NUL character, which no file name can")
            return None
        if relative.startswith(("/", "\\")) or Path(relative).is_absolute():
            self._error(
                pointer,
                f"{ref!r} is an absolute path; only paths relative to the spec are read",
                code="bundle.outside",
            )
            return None
        target = (file.parent / relative).resolve()
        if not target.is_relative_to(self.base):
            self._error(
                pointer,
                f"{ref!r} leads outside the spec's directory; only files under it are read",
                code="bundle.outside",
            )
            return None
        return target

    def _file_data(self, target: Path, pointer: str) -> Any:
        if target in self._files:
            return self._files[target]
        if len(self._files) >= MAX_FILES:
            self._error(pointer, f"more than {MAX_FILES} files are referenced; refusing to read more")
            return None
        if not target.exists():
            self._error(pointer, f"{target.name} does not exist")
            self._files[target] = None
            return None
        document, diagnostics = load(target)  # which refuses a directory, a FIFO, a device
        if document is None or has_errors(diagnostics):
            self.diagnostics.extend(diagnostics)
            self._error(pointer, f"cannot read referenced file {target.name}")
            self._files[target] = None
            return None
        self._files[target] = document.data
        return document.data

    def _claim(self, name: str) -> str:
        candidate, suffix = name, 2
        while candidate in self.schemas:
            candidate = f"{name}_{suffix}"
            suffix += 1
        return candidate

    def _error(
        self, pointer: str, message: str, hint: str | None = None, code: str = "bundle.ref"
    ) -> None:
        diagnostic = error(code, join_pointer(pointer, "$ref"), message, hint=hint)
        self.diagnostics.append(
            located(diagnostic, str(self.document.path), self.document.locate(diagnostic.pointer))
        )


def _name_for(file: Path, fragment: str) -> str:
    tokens = [t for t in split_pointer(fragment) if t] if fragment.startswith("/") else []
    return tokens[-1] if tokens else file.stem


class _TooLarge(Exception):
    def __init__(self, pointer: str) -> None:
        super().__init__(pointer)
        self.pointer = pointer


def _node_count(value: Any) -> int:
    count = 0
    stack = [value]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def _resolve_fragment(data: Any, fragment: str) -> Any:
    if fragment in ("", "/"):
        return data
    if not fragment.startswith("/"):
        raise KeyError(fragment)
    node = data
    for token in split_pointer(fragment):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdecimal() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(fragment)
    return node


def _is_schema_position(pointer: str) -> bool:
    tokens = split_pointer(pointer)
    if tokens and tokens[-1] in _SCHEMA_KEYS:
        return True
    return len(tokens) >= 2 and tokens[-2] in _SCHEMA_PARENTS


def _at(node: Any, relative: str) -> dict[str, Any] | None:
    for token in split_pointer(relative) if relative else []:
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdecimal():
            node = node[int(token)]
    return node if isinstance(node, dict) else None


def _refs(node: Any, pointer: str) -> list[tuple[str, str]]:
    """(pointer of the object holding it, ref) for every `$ref` outside literal values."""
    found = []
    stack = [(node, pointer)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                found.append((where, ref))
            names = where.rpartition("/")[2] in _NAME_MAPS
            for key, value in current.items():
                if not names and (key in _LITERAL_KEYS or key.startswith("x-")):
                    continue
                stack.append((value, join_pointer(where, key)))
        elif isinstance(current, list):
            stack.extend((item, join_pointer(where, i)) for i, item in enumerate(current))
    found.sort()
    return found
