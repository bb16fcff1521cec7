"""YAML text -> plain JSON-like tree with positions, from PyYAML's event stream.

The lower layer of `generator.load.document`, which documents the choices (events rather than
`yaml.compose`, YAML 1.2 core scalars, shared aliases with counted expansion). The limits and the
error plumbing that the JSON reader in `load` shares live here too, so that `load` can import
them without a cycle.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from generator.diagnostics import Diagnostic, Severity, error, escape_pointer_token
from generator.load.input_file import MAX_INPUT_BYTES

MAX_FILE_BYTES = MAX_INPUT_BYTES
# Real specs nest a few dozen levels; the validator itself gives up far earlier than this.
MAX_DEPTH = 500
# Counted with every alias expanded; the largest public specs have well under a million nodes.
MAX_NODES = 5_000_000
MAX_ALIASES = 100_000
# Beyond this many, more tag warnings would only bury the errors.
MAX_TAG_WARNINGS = 20



def _imported_on_first_use(name: str) -> ModuleType:
    """The module `name`, whose code runs when one of its attributes is first read: PyYAML
    costs a tenth of a small JSON spec's run to import (it compiles its resolver's regexes),
    and a JSON spec never reads YAML."""
    already = sys.modules.get(name)
    if already is not None:
        return already
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import yaml
else:
    yaml = _imported_on_first_use("yaml")


@functools.cache
def _loader() -> type[yaml.SafeLoader | yaml.CSafeLoader]:
    """libyaml's loader when PyYAML was built with it, else the pure-Python one."""
    loader: type[yaml.SafeLoader | yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def _libyaml() -> bool:
    return _loader() is not yaml.SafeLoader


Position = tuple[int, int]


class Positions(Protocol):
    def locate(self, pointer: str) -> Position | None: ...


class LoadStop(Exception):
    """Ends reading at the first problem after which no sensible tree can be built."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def located(diagnostic: Diagnostic, file: str, where: Position | None) -> Diagnostic:
    return replace(
        diagnostic,
        file=file,
        line=where[0] if where else None,
        column=where[1] if where else None,
    )


class LineIndex:
    """Character offset -> (line, column), built once per text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


TOO_DEEP = f"the document nests more than {MAX_DEPTH} levels deep"


def too_deep(file: str, pointer: str, where: Position | None) -> Diagnostic:
    # The full pointer would be hundreds of segments long; an ancestor and line:column say enough.
    short = "".join("/" + token for token in pointer.split("/")[1:9])
    return located(error("load.too-deep", short, TOO_DEEP), file, where)


def duplicate_message(key: str) -> str:
    return f"duplicate key {key!r}: this mapping already has it"


# --- YAML ------------------------------------------------------------------------------------

_CORE = "tag:yaml.org,2002:"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_NUMBER_START = frozenset("0123456789+-.")


def _plain_scalar(text: str) -> Any:
    """YAML 1.2 core schema, minus what JSON cannot hold (.inf, .nan stay strings)."""
    if not text or text[0] not in _NUMBER_START:
        if text in _NULLS:
            return None
        flag = _BOOLS.get(text)
        return text if flag is None else flag
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if _OCT.match(text) or _HEX.match(text):
        return int(text, 0)
    return text


@dataclass(frozen=True, slots=True)
class _Anchor:
    value: Any
    size: int
    height: int
    key_text: str | None  # set for scalars, which may also be used as mapping keys


@dataclass(slots=True)
class _Frame:
    """A collection being built; mutable builder state, never leaves this module."""

    value: dict[str, Any] | list[Any]
    pointer: str
    anchor: str | None
    size: int = 1
    height: int = 1
    key: str | None = None  # the key awaiting its value, in a mapping
    merging: bool = False  # that key is YAML's `<<` merge key
    merges: list[dict[str, Any]] = field(default_factory=list)


_UNDEFINED = object()


class _YamlReader:
    """Builds the tree from parser events with an explicit stack; see the module docstring."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self._reset()

    def _reset(self) -> None:
        self.marks: dict[str, Position] = {}
        self.anchors: dict[str, _Anchor | None] = {}  # None: still being built
        self.stack: list[_Frame] = []
        self.root: Any = _UNDEFINED
        self.nodes = 0
        self.aliases = 0
        self.documents = 0
        self.tag_warnings = 0
        self.diagnostics: list[Diagnostic] = []

    def read(self) -> tuple[Any, Positions, list[Diagnostic]]:
        handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.AliasEvent: self.alias,
            yaml.MappingStartEvent: self.start,
            yaml.SequenceStartEvent: self.start,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.DocumentStartEvent: self.document,
        }
        try:
            try:
                self._feed(handlers, _loader())
            except yaml.MarkedYAMLError as exc:
                if not (_libyaml() and "nesting depth" in str(exc.problem)):
                    raise
                # libyaml 0.2.6+ stops at its own depth limit (1000) while looking ahead, before
                # this reader's events reach MAX_DEPTH; the pure-Python parser looks ahead at
                # most one simple key (1024 characters), so it lets the reader say where.
                mark = exc.problem_mark
                self._reread_in_python(handlers, None if mark is None else mark.index)
        except yaml.MarkedYAMLError as exc:
            raise LoadStop(self._syntax_error(exc)) from None
        except yaml.reader.ReaderError as exc:
            raise LoadStop(self._reader_error(exc)) from None
        except yaml.YAMLError as exc:
            raise LoadStop(self._error("load.yaml-syntax", f"invalid YAML: {exc}", None)) from None
        if self.root is _UNDEFINED:
            raise LoadStop(self._error("load.empty", "the file has no YAML document", None))
        return self.root, _MarkPositions(self.marks), self.diagnostics

    def _reread_in_python(
        self,
        handlers: dict[type[yaml.Event], Callable[[Any], None]],
        given_up_at: int | None,
    ) -> None:
        """Find where the document passes MAX_DEPTH after libyaml gave up at `given_up_at`.
        The pure-Python parser finds it in any text, but its look-ahead costs time in
        proportion to the nesting for every token: seconds for a few thousand brackets on one
        line. libyaml, given only the text before where it gave up, reaches MAX_DEPTH first
        (its own limit is twice as deep) in a few milliseconds. Only the depth limit ends that
        read: anything else (the end of text the cut made) sends it to the pure-Python one."""
        if given_up_at is not None:
            self._reset()
            try:
                self._feed(handlers, _loader(), given_up_at)
            except LoadStop as stop:
                if stop.diagnostic.code == "load.too-deep":
                    raise
            except yaml.YAMLError:
                pass
        self._reset()
        self._feed(handlers, yaml.SafeLoader)

    def _feed(
        self,
        handlers: dict[type[yaml.Event], Callable[[Any], None]],
        loader: type[yaml.SafeLoader | yaml.CSafeLoader],
        end: int | None = None,
    ) -> None:
        text = self.text if end is None else self.text[:end]
        for event in yaml.parse(text, Loader=loader):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    # events

    def document(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            message = "the file holds more than one YAML document (a second `---`)"
            raise LoadStop(self._error("load.multiple-documents", message, event.start_mark))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        self._count(1, event.start_mark)
        if self._takes_key():
            self._set_key(event.value, event)
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(event.value, 1, 0, event.value)
            return
        value = self._scalar_value(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, 1, 0, event.value)
        self._place(value, 1, 0, event.start_mark)

    def alias(self, event: yaml.AliasEvent) -> None:
        name = event.anchor or ""
        anchor = self.anchors.get(name, _UNDEFINED)
        if anchor is _UNDEFINED:
            raise LoadStop(
                self._error(
                    "load.alias", f"alias *{name} has no anchor &{name} before it", event.start_mark
                )
            )
        if anchor is None:
            message = f"alias *{name} refers to a node that contains it (a recursive alias)"
            raise LoadStop(self._error("load.alias", message, event.start_mark))
        assert isinstance(anchor, _Anchor)
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            message = f"more than {MAX_ALIASES} aliases; refusing to expand them"
            raise LoadStop(self._error("load.alias-bomb", message, event.start_mark))
        self._count(anchor.size, event.start_mark)
        if len(self.stack) + anchor.height > MAX_DEPTH:
            raise LoadStop(
                too_deep(self.file, self._current_pointer(), _position(event.start_mark))
            )
        if self._takes_key():
            if anchor.key_text is None:
                raise LoadStop(self._complex_key(event.start_mark))
            self._set_key(anchor.key_text, event)
            return
        self._place(anchor.value, anchor.size, anchor.height, event.start_mark)

    def start(self, event: yaml.CollectionStartEvent) -> None:
        if self._takes_key():
            raise LoadStop(self._complex_key(event.start_mark))
        if len(self.stack) >= MAX_DEPTH:
            raise LoadStop(
                too_deep(self.file, self._current_pointer(), _position(event.start_mark))
            )
        self._count(1, event.start_mark)
        self._check_tag(event, ("map", "seq", "omap", "set", "pairs"))
        pointer = self._child_pointer(event.start_mark)
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        if event.anchor is not None:
            self.anchors[event.anchor] = None
        self.stack.append(_Frame(value=value, pointer=pointer, anchor=event.anchor))

    def end(self, event: yaml.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if frame.merges:
            assert isinstance(frame.value, dict)
            merged: dict[str, Any] = {}
            # Earlier sources win over later ones and explicit keys over all, as in PyYAML.
            for source in reversed(frame.merges):
                merged.update(source)
            merged.update(frame.value)
            frame.value = merged
        if frame.anchor is not None:
            self.anchors[frame.anchor] = _Anchor(frame.value, frame.size, frame.height, None)
        self._attach(frame.value, frame.size, frame.height, event.start_mark)

    # helpers

    def _takes_key(self) -> bool:
        return (
            bool(self.stack)
            and isinstance(self.stack[-1].value, dict)
            and (self.stack[-1].key is None)
        )

    def _set_key(self, key: str, event: yaml.ScalarEvent | yaml.AliasEvent) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.value, dict)
        frame.merging = (
            isinstance(event, yaml.ScalarEvent)
            and key == "<<"
            and event.tag is None
            and event.implicit[0]
        )
        if not frame.merging:
            pointer = f"{frame.pointer}/{escape_pointer_token(key)}"
            if key in frame.value:
                # Reported, not fatal: later stages can still find more problems; last one wins.
                self.diagnostics.append(
                    self._error(
                        "load.duplicate-key", duplicate_message(key), event.start_mark, pointer
                    )
                )
            self.marks[pointer] = _position(event.start_mark)
        frame.key = key

    def _child_pointer(self, mark: Any) -> str:
        if not self.stack:
            self.marks[""] = _position(mark)
            return ""
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            pointer = f"{frame.pointer}/{len(frame.value)}"
            self.marks[pointer] = _position(mark)
            return pointer
        assert frame.key is not None
        # A mapping value is located at its key, recorded by _set_key.
        return f"{frame.pointer}/{escape_pointer_token(frame.key)}"

    def _place(self, value: Any, size: int, height: int, mark: Any) -> None:
        self._child_pointer(mark)
        self._attach(value, size, height, mark)

    def _attach(self, value: Any, size: int, height: int, mark: Any) -> None:
        if not self.stack:
            self.root = value
            self.marks.setdefault("", _position(mark))
            return
        frame = self.stack[-1]
        frame.size += size
        frame.height = max(frame.height, height + 1)
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        assert frame.key is not None
        if frame.merging:
            self._merge(frame, value, mark)
        else:
            frame.value[frame.key] = value
        frame.key = None
        frame.merging = False

    def _merge(self, frame: _Frame, value: Any, mark: Any) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            message = "the merge key `<<` needs a mapping or a list of mappings"
            raise LoadStop(self._error("load.merge", message, mark, frame.pointer))
        frame.merges.extend(sources)

    def _count(self, nodes: int, mark: Any) -> None:
        self.nodes += nodes
        if self.nodes > MAX_NODES:
            message = (
                f"the document expands to more than {MAX_NODES:,} nodes once its aliases are"
                " followed (an alias bomb?); refusing to build it"
            )
            raise LoadStop(self._error("load.alias-bomb", message, mark))

    def _scalar_value(self, event: yaml.ScalarEvent) -> Any:
        try:
            return self._typed_scalar(event)
        except ValueError:
            # int() refuses more than 4,300 digits; JSON input has the same rule.
            message = "this integer has more than 4000 digits"
            raise LoadStop(self._error("load.number", message, event.start_mark)) from None

    def _typed_scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None:
            return _plain_scalar(event.value) if event.implicit[0] else event.value
        if tag in ("!", _CORE + "str"):
            return event.value
        kind = tag[len(_CORE) :] if tag.startswith(_CORE) else None
        if kind in ("null", "bool", "int", "float"):
            value = _plain_scalar(event.value)
            if kind == "null" and value is None:
                return None
            if kind == "bool" and isinstance(value, bool):
                return value
            if kind == "int" and type(value) is int:
                return value
            if kind == "float" and type(value) in (int, float):
                return float(value)
            message = f"{event.value!r} cannot be read as !!{kind}"
            self.diagnostics.append(self._error("load.tag", message, event.start_mark))
            return event.value
        self._check_tag(event, ())
        return event.value

    def _check_tag(self, event: yaml.NodeEvent, allowed: tuple[str, ...]) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!" or (tag.startswith(_CORE) and tag[len(_CORE) :] in allowed):
            return
        self.tag_warnings += 1
        if self.tag_warnings > MAX_TAG_WARNINGS:
            return
        shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
        message = f"tag {shown} has no meaning in an OpenAPI (JSON) document; it is ignored"
        self.diagnostics.append(
            replace(self._error("load.tag", message, event.start_mark), severity=Severity.WARNING)
        )

    def _complex_key(self, mark: Any) -> Diagnostic:
        message = "mapping keys must be plain strings or numbers, not lists or mappings"
        return self._error("load.complex-key", message, mark)

    def _error(self, code: str, message: str, mark: Any, pointer: str | None = None) -> Diagnostic:
        if pointer is None:
            pointer = self._current_pointer()
        return located(error(code, pointer, message), self.file, _position(mark) if mark else None)

    def _current_pointer(self) -> str:
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if isinstance(frame.value, dict) and frame.key is not None and not frame.merging:
            return f"{frame.pointer}/{escape_pointer_token(frame.key)}"
        return frame.pointer

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> Diagnostic:
        message = f"invalid YAML: {exc.problem or 'syntax error'}"
        if exc.context:
            message += f" ({exc.context}"
            if exc.context_mark is not None:
                message += f" started at line {exc.context_mark.line + 1}"
            message += ")"
        mark = exc.problem_mark or exc.context_mark
        hint = None
        if mark is not None and self._charlocated(mark) == "\t":
            hint = "YAML indentation must use spaces, not tabs"
        return replace(self._error("load.yaml-syntax", message, mark), hint=hint)

    def _charlocated(self, mark: Any) -> str:
        line_no, column = int(mark.line), int(mark.column)
        lines = self.text.split("\n", line_no + 1)
        line = lines[line_no] if line_no < len(lines) else ""
        return line[column] if column < len(line) else ""

    def _reader_error(self, exc: yaml.reader.ReaderError) -> Diagnostic:
        offset = int(exc.position)
        if _libyaml():
            # libyaml reports a byte offset into the UTF-8 encoding of the text.
            offset = len(self.text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
        char = exc.character
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        message = f"the file contains a character YAML does not allow: {shown} ({exc.reason})"
        where = LineIndex(self.text).position(offset)
        return located(error("load.yaml-syntax", "", message), self.file, where)


def _position(mark: Any) -> Position:
    return int(mark.line) + 1, int(mark.column) + 1


class _MarkPositions:
    def __init__(self, marks: dict[str, Position]) -> None:
        self._marks = marks

    def locate(self, pointer: str) -> Position | None:
        while True:
            found = self._marks.get(pointer)
            if found is not None:
                return found
            if not pointer:
                return None
            cut = pointer.rfind("/")
            pointer = pointer[:cut] if cut > 0 else ""


def read_yaml(text: str, file: str) -> tuple[Any, Positions, list[Diagnostic]]:
    return _YamlReader(text, file).read()


__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "TOO_DEEP",
    "LineIndex",
    "LoadStop",
    "Position",
    "Positions",
    "duplicate_message",
    "located",
    "read_yaml",
    "too_deep",
]
