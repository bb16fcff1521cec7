"""Read one spec file into a plain JSON-like tree that remembers where each node came from.

Choices, and why:

* JSON or YAML is decided by content: a file named ``*.json``, or whose first non-blank character
  is ``{`` or ``[``, is parsed with :func:`json.loads` (C speed: the 4 MB Stripe spec loads in
  well under 0.1 s). If that fails with a syntax error the text is tried as YAML, because YAML
  flow style also starts with ``{``; a ``*.json`` file that only YAML accepts loads with a
  warning, and when both fail the JSON error is reported unless the file is named ``*.yaml``.
* JSON positions cost nothing at load time. :meth:`Document.locate` finds them on demand by
  walking the text with json's own C scanner, remembering every container it has walked, so a
  few dozen diagnostics cost at most a few parses of the file, and big files stay fast.
* YAML (``generator.load.yaml_reader``) is read from PyYAML's *event* stream (``yaml.parse``, with
  libyaml's ``CSafeLoader`` when present), not ``yaml.compose``: the composer recurses per level
  (RecursionError, or a C stack overflow with libyaml), and libyaml's scanner slows down
  quadratically with flow nesting. Building the tree from events with an explicit stack lets us
  stop at ``MAX_DEPTH`` the moment it is reached, in bounded time, and record every node's
  line:column on the way.
* Scalars follow the YAML 1.2 core schema restricted to JSON values, because OpenAPI documents
  are JSON: ``yes``/``on``/``2024-01-01``/``1_000``/``.inf`` stay strings, ``true``/``false``,
  ``null``/``~``, decimal/``0x``/``0o`` integers and decimal floats are typed. Other tags keep
  the text and get a warning. Mapping keys are always the key's text (``200:`` -> ``"200"``).
* Aliases share the anchored subtree instead of copying it (treat ``Document.data`` as
  read-only). Each alias still counts the full size and height of what it stands for, so
  "billion laughs" files are refused after O(number of aliases) work, and the tree handed to
  later stages is never deeper than ``MAX_DEPTH`` or larger than ``MAX_NODES`` when expanded.
* Diagnostic codes: load.not-found, load.unreadable, load.not-regular (a FIFO, a device: only
  regular files are read), load.too-large, load.binary, load.encoding,
  load.empty, load.json-syntax, load.yaml-syntax, load.not-json (warning), load.not-mapping,
  load.multiple-documents, load.duplicate-key, load.complex-key, load.alias, load.alias-bomb,
  load.too-deep, load.merge, load.number, load.tag (warning, or error for a bad ``!!int`` etc.).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity, error, escape_pointer_token, split_pointer
from generator.load.input_file import InputFileError, read_input
from generator.load.yaml_reader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NODES,
    TOO_DEEP,
    LineIndex,
    LoadStop,
    Position,
    Positions,
    duplicate_message,
    located,
    read_yaml,
    too_deep,
)


class _NoPositions:
    def locate(self, pointer: str) -> Position | None:
        return None


_NO_POSITIONS = _NoPositions()


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A parsed spec: the JSON-like tree plus where each node sits in the source file."""

    path: Path
    data: Any
    _positions: Positions = field(default=_NO_POSITIONS, repr=False, compare=False)
    sources: tuple[Path, ...] = ()
    """Other files the bundled document was read from (its `$ref`s), sorted."""

    def locate(self, pointer: str) -> Position | None:
        """1-based (line, column) of the node at `pointer`, or of its nearest existing ancestor.

        For a mapping member this is where its key is written, which is where a reader looks.
        None when positions are unknown or `pointer` is not a JSON pointer.
        """
        if pointer and not pointer.startswith("/"):
            return None
        return self._positions.locate(pointer)

    def resolve_pointer(self, pointer: str) -> Any:
        """The node at `pointer`; KeyError if there is none (or the pointer is malformed)."""
        try:
            tokens = split_pointer(pointer)
        except ValueError as exc:
            raise KeyError(pointer) from exc
        node = self.data
        for token in tokens:
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and _is_index(token) and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(pointer)
        return node

    def diagnostic(self, diagnostic: Diagnostic) -> Diagnostic:
        """`diagnostic` with this document's file and the position of its pointer filled in."""
        where = self.locate(diagnostic.pointer)
        return replace(
            diagnostic,
            file=str(self.path),
            line=where[0] if where else None,
            column=where[1] if where else None,
        )


def _is_index(token: str) -> bool:
    return token.isdigit() and token.isascii() and (token == "0" or not token.startswith("0"))


def load(path: Path) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """Read `path`. The Document is None when no tree could be built; it can come with errors
    (duplicate keys, say) so that later stages can report more problems in the same run —
    callers must check `has_errors` on the diagnostics, not only the Document."""
    file = str(path)
    raw_or_problem = _read_bytes(path, file)
    if isinstance(raw_or_problem, Diagnostic):
        return None, (raw_or_problem,)
    text_or_problem = _decode(raw_or_problem, file)
    if isinstance(text_or_problem, Diagnostic):
        return None, (text_or_problem,)
    text = text_or_problem
    if not text.strip():
        return None, (located(error("load.empty", "", "the file is empty"), file, None),)

    suffix = path.suffix.lower()
    looks_like_json = suffix == ".json" or text.lstrip()[:1] in ("{", "[")
    try:
        if not looks_like_json:
            return _finish(path, *read_yaml(text, file))
        try:
            return _finish(path, *_read_json(text, file))
        except _JsonSyntax as json_problem:
            try:
                data, positions, diagnostics = read_yaml(text, file)
            except LoadStop as yaml_problem:
                if suffix in (".yaml", ".yml"):
                    raise yaml_problem from None
                raise json_problem.stop from None
            if suffix == ".json":
                note = json_problem.stop.diagnostic
                diagnostics.insert(
                    0,
                    replace(
                        note,
                        code="load.not-json",
                        severity=Severity.WARNING,
                        message=f"{note.message}; read as YAML instead",
                    ),
                )
            return _finish(path, data, positions, diagnostics)
    except LoadStop as stop:
        return None, (stop.diagnostic,)


def _finish(
    path: Path, data: Any, positions: Positions, diagnostics: list[Diagnostic]
) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    file = str(path)
    if not isinstance(data, dict):
        kind = "empty (null)" if data is None else f"a {_kind(data)}"
        diagnostics.append(
            located(
                error(
                    "load.not-mapping",
                    "",
                    f"the top level must be a mapping of OpenAPI fields, but it is {kind}",
                    hint="the document should start with `openapi: 3.x.y` or `swagger: '2.0'`",
                ),
                file,
                positions.locate(""),
            )
        )
        return None, tuple(diagnostics)
    document = Document(path=path, data=data, _positions=positions)
    return document, tuple(diagnostics)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


# --- bytes and text --------------------------------------------------------------------------


def _read_bytes(path: Path, file: str) -> bytes | Diagnostic:
    try:
        return read_input(path, MAX_FILE_BYTES)
    except InputFileError as problem:
        return located(error(f"load.{problem.kind}", "", problem.message), file, None)


def _decode(raw: bytes, file: str) -> str | Diagnostic:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            return located(
                error("load.encoding", "", f"the file is {name}-encoded; save it as UTF-8"),
                file,
                (1, 1),
            )
    nul = raw.find(b"\0")
    if nul >= 0:
        return located(
            error("load.binary", "", "this looks like a binary file (it contains a NUL byte)"),
            file,
            _byte_position(raw, nul),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return located(
            error(
                "load.encoding",
                "",
                f"not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot start or continue a character",
            ),
            file,
            _byte_position(raw, exc.start),
        )
    return text.removeprefix("\ufeff")


def _byte_position(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


# --- JSON ------------------------------------------------------------------------------------


class _JsonSyntax(Exception):
    """A JSON syntax error: the one failure after which reading the text as YAML may help."""

    def __init__(self, stop: LoadStop) -> None:
        super().__init__(stop.diagnostic.message)
        self.stop = stop


@dataclass(frozen=True, slots=True)
class _Bad:
    """Stands in the tree for a value JSON's parser accepted but OpenAPI cannot use."""

    code: str
    message: str


_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, at: int) -> int:
    match = _WS.match(text, at)
    return match.end() if match else at


_JSON_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class _JsonPositions:
    """Finds positions in JSON text on demand; see the module docstring."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: LineIndex | None = None
        self._decoder = json.JSONDecoder()
        # container offset -> its members: key or index -> (offset to report, offset of value)
        self._members: dict[int, dict[str, tuple[int, int]] | list[tuple[int, int]] | None] = {}

    def locate(self, pointer: str) -> Position | None:
        try:
            tokens = split_pointer(pointer)
        except ValueError:
            return None
        value_at = report_at = _skip_ws(self._text, 0)
        for token in tokens:
            members = self._scan(value_at)
            if isinstance(members, dict) and token in members:
                report_at, value_at = members[token]
            elif isinstance(members, list) and _is_index(token) and int(token) < len(members):
                report_at, value_at = members[int(token)]
            else:
                break
        if self._lines is None:
            self._lines = LineIndex(self._text)
        return self._lines.position(report_at)

    def _scan(self, offset: int) -> dict[str, tuple[int, int]] | list[tuple[int, int]] | None:
        if offset in self._members:
            return self._members[offset]
        text = self._text
        members: dict[str, tuple[int, int]] | list[tuple[int, int]] | None = None
        try:
            if text.startswith("{", offset):
                members = self._scan_object(offset)
            elif text.startswith("[", offset):
                members = self._scan_array(offset)
        except (ValueError, IndexError, RecursionError):
            members = None
        self._members[offset] = members
        return members

    def _skip_value(self, offset: int) -> int:
        return int(self._decoder.raw_decode(self._text, offset)[1])

    def _scan_object(self, offset: int) -> dict[str, tuple[int, int]]:
        text = self._text
        members: dict[str, tuple[int, int]] = {}
        at = _skip_ws(text, offset + 1)
        while text[at] == '"':
            key_at = at
            key, at = self._decoder.raw_decode(text, at)
            value_at = _skip_ws(text, _skip_ws(text, at) + 1)  # past the ':'
            # Later duplicates overwrite earlier ones, like the parsed tree does.
            members[key] = (key_at, value_at)
            at = _skip_ws(text, self._skip_value(value_at))
            if text[at] != ",":
                break
            at = _skip_ws(text, at + 1)
        return members

    def _scan_array(self, offset: int) -> list[tuple[int, int]]:
        text = self._text
        members: list[tuple[int, int]] = []
        at = _skip_ws(text, offset + 1)
        if text[at] == "]":
            return members
        while True:
            members.append((at, at))
            at = _skip_ws(text, self._skip_value(at))
            if text[at] != ",":
                return members
            at = _skip_ws(text, at + 1)


def _read_json(text: str, file: str) -> tuple[Any, Positions, list[Diagnostic]]:
    duplicates: dict[int, list[str]] = {}

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            repeated = []
            for key, _ in pairs:
                if key in seen:
                    repeated.append(key)
                seen.add(key)
            duplicates[id(obj)] = repeated
        return obj

    def bad_constant(name: str) -> _Bad:
        return _Bad("load.json-syntax", f"{name} is not valid JSON (JSON has no NaN or infinity)")

    def parse_int(digits: str) -> int | _Bad:
        # int() refuses more than 4300 digits with a ValueError that carries no position.
        if len(digits) > 4000:
            return _Bad("load.number", "this integer has more than 4000 digits")
        return int(digits)

    positions = _JsonPositions(text)
    try:
        data = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=bad_constant, parse_int=parse_int
        )
    except json.JSONDecodeError as exc:
        diagnostic = error("load.json-syntax", "", f"not valid JSON: {exc.msg}")
        raise _JsonSyntax(LoadStop(located(diagnostic, file, (exc.lineno, exc.colno)))) from None
    except RecursionError:
        raise LoadStop(too_deep(file, "", _json_too_deep_at(text))) from None
    except ValueError as exc:
        raise LoadStop(
            located(error("load.json-syntax", "", f"not valid JSON: {exc}"), file, None)
        ) from None

    diagnostics: list[Diagnostic] = []
    if duplicates or not _json_tree_is_clean(data):
        for pointer, code, message in _json_problems(data, duplicates):
            where = positions.locate(pointer)
            if code == "load.too-deep":
                diagnostics.append(too_deep(file, pointer, where))
            else:
                diagnostics.append(located(error(code, pointer, message), file, where))
        stopping = [d for d in diagnostics if d.code != "load.duplicate-key"]
        if stopping:
            raise LoadStop(stopping[0])
    return data, positions, diagnostics


def _json_too_deep_at(text: str) -> Position | None:
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return LineIndex(text).position(match.start())
        elif token in ("]", "}"):
            depth -= 1
    return None


def _json_tree_is_clean(data: Any) -> bool:
    """Cheap first pass (no pointers built): no _Bad values and nothing deeper than MAX_DEPTH."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
            if any(_has_surrogate(key) for key in value):
                return False
        elif isinstance(value, list):
            children = value
        elif isinstance(value, _Bad) or (isinstance(value, str) and _has_surrogate(value)):
            return False
        else:
            continue
        if depth >= MAX_DEPTH:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SURROGATE = (
    "a \\u escape here is half of a UTF-16 surrogate pair, which is not a character;"
    " write the character itself or both halves of the pair"
)


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE_RE.search(text) is not None


def _json_problems(data: Any, duplicates: dict[int, list[str]]) -> list[tuple[str, str, str]]:
    problems: list[tuple[str, str, str]] = []
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, pointer = stack.pop()
        if isinstance(value, _Bad):
            problems.append((pointer, value.code, value.message))
            continue
        if isinstance(value, str) and _has_surrogate(value):
            problems.append((pointer, "load.surrogate", _SURROGATE))
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth >= MAX_DEPTH:
            problems.append((pointer, "load.too-deep", TOO_DEEP))
            continue
        if isinstance(value, dict):
            problems.extend(
                (f"{pointer}/{escape_pointer_token(key)}", "load.surrogate", _SURROGATE)
                for key in value
                if _has_surrogate(key)
            )
            for key in duplicates.get(id(value), ()):
                problems.append(
                    (
                        f"{pointer}/{escape_pointer_token(key)}",
                        "load.duplicate-key",
                        duplicate_message(key),
                    )
                )
            items: Any = value.items()
        else:
            items = enumerate(value)
        stack.extend(
            (child, depth + 1, f"{pointer}/{escape_pointer_token(key)}")
            for key, child in reversed(list(items))
        )
    return problems


__all__ = ["MAX_DEPTH", "MAX_NODES", "Document", "load"]
