"""generator.load.document: trees, positions, scalar typing, and refusal of bad or hostile files."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from support.tools import CORPUS, fifo

from generator.diagnostics import Severity, has_errors, join_pointer
from generator.load.document import MAX_NODES, Document, load

ROOT = Path(__file__).resolve().parents[3]
FACE = ROOT / "spec" / "face-person-group-training.yaml"


def _load_text(tmp_path: Path, name: str, text: str | bytes) -> tuple[Document | None, list[str]]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    document, diagnostics = load(path)
    return document, [d.format().replace(str(path), name) for d in diagnostics]


def _codes(tmp_path: Path, name: str, text: str | bytes) -> list[str]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return [d.code for d in load(path)[1]]


# --- the project's own spec ---------------------------------------------------------------------


def test_face_spec_loads_like_pyyaml() -> None:
    document, diagnostics = load(FACE)
    assert diagnostics == ()
    assert document is not None
    assert document.path == FACE
    assert document.data == yaml.safe_load(FACE.read_text(encoding="utf-8"))


def test_face_spec_positions_point_at_keys() -> None:
    document, _ = load(FACE)
    assert document is not None
    lines = FACE.read_text(encoding="utf-8").splitlines()
    assert document.locate("") == (1, 1)
    assert document.locate("/info/title") == (3, 3)
    operation = "/paths/~1persongroups~1{personGroupId}~1training/get"
    line, column = document.locate(operation) or (0, 0)
    assert lines[line - 1][column - 1 :].startswith("get:")
    line, column = document.locate(f"{operation}/parameters/0") or (0, 0)
    assert lines[line - 1][column - 1 :].startswith("name: personGroupId")
    # Missing nodes fall back to their nearest existing ancestor.
    assert document.locate("/info/title/nope/deeper") == (3, 3)
    assert document.locate("/no-such-key") == (1, 1)
    assert document.locate("not a pointer") is None


def test_resolve_pointer() -> None:
    document, _ = load(FACE)
    assert document is not None
    assert document.resolve_pointer("") is document.data
    assert document.resolve_pointer("/info/title") == "Azure AI Face"
    assert document.resolve_pointer("/servers/0/variables/apiVersion/enum/0") == "v1.1-preview.1"
    for missing in ("/nope", "/servers/9", "/servers/01", "/info/title/x", "info"):
        with pytest.raises(KeyError):
            document.resolve_pointer(missing)


def test_document_value_semantics_ignore_positions(tmp_path: Path) -> None:
    document, _ = load(FACE)
    assert document is not None
    plain = Document(path=FACE, data=document.data)
    assert plain == document
    assert plain.locate("/info") is None
    assert "_positions" not in repr(document)


def test_diagnostic_helper_fills_file_and_position() -> None:
    from generator.diagnostics import error

    document, _ = load(FACE)
    assert document is not None
    located = document.diagnostic(error("x.y", "/info/title", "m"))
    assert (located.file, located.line, located.column) == (str(FACE), 3, 3)


# --- JSON -------------------------------------------------------------------------------------


def test_json_positions_are_found_lazily_and_exactly(tmp_path: Path) -> None:
    data = {"openapi": "3.0.3", "a/b": {"x~y": [10, {"k": None}, "s"]}, "z": []}
    text = json.dumps(data, indent=2)
    document, messages = _load_text(tmp_path, "spec.json", text)
    assert messages == []
    assert document is not None and document.data == data
    lines = text.splitlines()

    def at(pointer: str) -> str:
        line, column = document.locate(pointer) or (0, 0)
        return lines[line - 1][column - 1 :]

    assert at("/openapi").startswith('"openapi"')
    assert at("/a~1b").startswith('"a/b"')
    assert at("/a~1b/x~0y").startswith('"x~y"')
    assert at("/a~1b/x~0y/0").startswith("10")
    assert at("/a~1b/x~0y/1/k").startswith('"k"')
    assert at("/a~1b/x~0y/2").startswith('"s"')
    assert at("/a~1b/x~0y/7").startswith('"x~y"')  # nearest ancestor
    assert at("/z/0").startswith('"z"')


def test_json_duplicate_keys_are_errors_but_the_tree_is_kept(tmp_path: Path) -> None:
    text = '{"openapi": "3.0.3",\n "info": {"title": "a",\n   "title": "b"}}'
    document, messages = _load_text(tmp_path, "spec.json", text)
    assert document is not None
    assert document.data["info"] == {"title": "b"}
    assert messages == [
        (
            "spec.json:3:4: error[load.duplicate-key] at /info/title: "
            "duplicate key 'title': this mapping already has it"
        )
    ]


def test_json_that_is_really_yaml_loads_with_a_warning(tmp_path: Path) -> None:
    document, messages = _load_text(tmp_path, "spec.json", '{"openapi": "3.0.3", "paths": {},}')
    assert document is not None and document.data == {"openapi": "3.0.3", "paths": {}}
    assert len(messages) == 1 and "warning[load.not-json]" in messages[0]
    # Flow-style YAML with another name is simply YAML.
    document, messages = _load_text(tmp_path, "spec.yaml", "{openapi: 3.0.3, paths: {}}")
    assert messages == [] and document is not None


def test_json_numbers(tmp_path: Path) -> None:
    document, _ = _load_text(tmp_path, "n.json", '{"i": 12, "f": 1.5, "e": 1e3, "b": true}')
    assert document is not None
    assert document.data == {"i": 12, "f": 1.5, "e": 1000.0, "b": True}
    assert _codes(tmp_path, "big.json", '{"n": ' + "9" * 5000 + "}") == ["load.number"]
    assert _codes(tmp_path, "inf.json", '{"n": [1, -Infinity]}') == ["load.json-syntax"]


def test_big_json_loads_fast() -> None:
    corpus = CORPUS / "stripe-spec3-2022-04-12.json"
    started = time.perf_counter()
    document, diagnostics = load(corpus)
    assert document is not None and diagnostics == ()
    assert document.locate("/info/title") is not None
    assert time.perf_counter() - started < 2.0


# --- YAML scalars and structure -----------------------------------------------------------------


def test_yaml_scalars_follow_json_compatible_yaml_1_2(tmp_path: Path) -> None:
    text = (
        "date: 2024-01-01\nstamp: 2024-01-01T10:00:00Z\nyes_word: yes\non_word: on\n"
        "t: true\nf: False\nn: ~\nempty:\nint: 42\nneg: -7\nhex: 0x1F\noct: 0o17\n"
        "float: 2.5\nexp: 1e3\ninf: .inf\nunderscored: 1_000\nsexagesimal: 1:30\n"
        "quoted: '123'\nstr_tag: !!str 12\nint_tag: !!int '7'\nfloat_tag: !!float 3\n"
        "200: ok\n1.5: f\ntrue: b\n"
    )
    document, messages = _load_text(tmp_path, "s.yaml", text)
    assert messages == []
    assert document is not None
    assert document.data == {
        "date": "2024-01-01",
        "stamp": "2024-01-01T10:00:00Z",
        "yes_word": "yes",
        "on_word": "on",
        "t": True,
        "f": False,
        "n": None,
        "empty": None,
        "int": 42,
        "neg": -7,
        "hex": 31,
        "oct": 15,
        "float": 2.5,
        "exp": 1000.0,
        "inf": ".inf",
        "underscored": "1_000",
        "sexagesimal": "1:30",
        "quoted": "123",
        "str_tag": "12",
        "int_tag": 7,
        "float_tag": 3.0,
        "200": "ok",
        "1.5": "f",
        "true": "b",
    }
    assert all(isinstance(key, str) for key in document.data)


def test_yaml_unknown_tags_warn_and_bad_core_tags_fail(tmp_path: Path) -> None:
    document, messages = _load_text(tmp_path, "t.yaml", "a: !!binary aGk=\nb: !custom 1\n")
    assert document is not None and document.data == {"a": "aGk=", "b": "1"}
    assert [m.split(" at ")[0] for m in messages] == [
        "t.yaml:1:4: warning[load.tag]",
        "t.yaml:2:4: warning[load.tag]",
    ]
    assert _codes(tmp_path, "bad.yaml", "a: !!int nope\n") == ["load.tag"]


def test_yaml_aliases_and_merge_keys(tmp_path: Path) -> None:
    text = "base: &b {x: 1, y: 2}\ncopy: *b\nmerged:\n  <<: *b\n  y: 3\nkeyed: {&k name: 1}\n"
    document, messages = _load_text(tmp_path, "a.yaml", text)
    assert messages == []
    assert document is not None
    assert document.data == {
        "base": {"x": 1, "y": 2},
        "copy": {"x": 1, "y": 2},
        "merged": {"x": 1, "y": 3},
        "keyed": {"name": 1},
    }
    # Inside an alias, positions fall back to the alias itself.
    assert document.locate("/copy/x") == document.locate("/copy") == (2, 1)


def test_yaml_duplicate_keys_report_the_second(tmp_path: Path) -> None:
    document, messages = _load_text(tmp_path, "d.yaml", "a: 1\nb:\n  c: 1\n  c: 2\n")
    assert document is not None and document.data == {"a": 1, "b": {"c": 2}}
    assert messages == [
        "d.yaml:4:3: error[load.duplicate-key] at /b/c: duplicate key 'c': this mapping already has it"
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: *nope\n", "load.alias"),
        ("a: &x [1, *x]\n", "load.alias"),
        ("? [a, b]\n: 1\n", "load.complex-key"),
        ("a: 1\n---\nb: 2\n", "load.multiple-documents"),
        ("# only a comment\n", "load.empty"),
        ("   \n\n", "load.empty"),
        ("just a string\n", "load.not-mapping"),
        ("~\n", "load.not-mapping"),
        ("a: [1, 2\n", "load.yaml-syntax"),
        ("m:\n  <<: 5\n", "load.merge"),
    ],
)
def test_yaml_problems(tmp_path: Path, text: str, code: str) -> None:
    document, diagnostics = load(_write(tmp_path / "p.yaml", text))
    assert document is None
    assert [d.code for d in diagnostics] == [code]
    assert diagnostics[0].severity is Severity.ERROR
    assert diagnostics[0].file == str(tmp_path / "p.yaml")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_bomb_is_refused_in_bounded_time(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    names = "abcdefghijklmnop"
    for prev, cur in itertools.pairwise(names):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    started = time.perf_counter()
    document, diagnostics = load(_write(tmp_path / "bomb.yaml", "\n".join(lines)))
    assert time.perf_counter() - started < 1.0
    assert document is None
    assert [d.code for d in diagnostics] == ["load.alias-bomb"]
    assert f"{MAX_NODES:,}" in diagnostics[0].message
    assert diagnostics[0].line is not None


def test_aliases_below_the_limit_are_fine(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for prev, cur in zip("abcd", "bcde", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    document, diagnostics = load(_write(tmp_path / "ok.yaml", "\n".join(lines)))
    assert diagnostics == () and document is not None
    assert len(document.data["e"]) == 10


# --- bytes, encodings, files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "where"),
    [
        (b"a: 1\n\x00\x01", "load.binary", (2, 1)),
        (b"a: 1\nb: caf\xe9\n", "load.encoding", (2, 7)),
        ("a: 1\n".encode("utf-16"), "load.encoding", (1, 1)),
        (b"", "load.empty", None),
        (b"a: 1\nb: \x07\n", "load.yaml-syntax", (2, 4)),
    ],
)
def test_byte_level_problems(
    tmp_path: Path, content: bytes, code: str, where: tuple[int, int] | None
) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    document, diagnostics = load(path)
    assert document is None
    assert [(d.code, (d.line, d.column) if d.line else None) for d in diagnostics] == [
        (code, where)
    ]


def test_utf8_bom_and_non_ascii_columns(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\nné: [1, 2\n".encode())
    document, diagnostics = load(path)
    assert document is None and [d.code for d in diagnostics] == ["load.yaml-syntax"]
    path.write_bytes("\ufeffopenapi: 3.0.3\ncafé: {x: 1}\n".encode())
    document, diagnostics = load(path)
    assert diagnostics == () and document is not None
    assert document.locate("/café/x") == (2, 8)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    document, diagnostics = load(tmp_path / "absent.yaml")
    assert document is None
    assert [(d.code, d.file) for d in diagnostics] == [
        ("load.not-found", str(tmp_path / "absent.yaml"))
    ]
    document, diagnostics = load(tmp_path)
    assert document is None and [d.code for d in diagnostics] == ["load.unreadable"]


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_only_a_regular_file_is_read(kind: str, tmp_path: Path) -> None:
    """/dev/zero never ends (it was read up to the size limit, twice, before being refused)
    and opening a FIFO blocked until something wrote to it: both are refused at once."""
    started = time.monotonic()
    if kind == "device":
        document, diagnostics = load(Path("/dev/zero"))
    else:
        with fifo(tmp_path / "spec.yaml") as path:
            document, diagnostics = load(path)
    assert document is None
    path_text = "/dev/zero" if kind == "device" else tmp_path / "spec.yaml"
    what = "a character device" if kind == "device" else "a FIFO (named pipe)"
    assert [d.format() for d in diagnostics] == [
        f"{path_text}: error[load.not-regular] at /: this is {what}, not a regular file"
    ]
    assert time.monotonic() - started < 1.0


# --- properties -------------------------------------------------------------------------------------

_names = st.text(alphabet="abcXYZ _-/~.", min_size=1, max_size=8)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.text(alphabet="abc xyz", max_size=10)
)
_trees = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_names, children, max_size=4),
    max_leaves=25,
)
_documents = st.dictionaries(_names, _trees, min_size=1, max_size=5)


def _pointers(value: Any, pointer: str = "") -> list[str]:
    found = [pointer]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _pointers(child, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _pointers(child, join_pointer(pointer, index))
    return found


@given(tree=_documents)
def test_round_trip_and_every_node_is_located(tmp_path_factory: Any, tree: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("prop")
    for name, text in (
        ("t.json", json.dumps(tree, indent=1)),
        ("t.yaml", yaml.safe_dump(tree, default_flow_style=False)),
        ("flow.yaml", yaml.safe_dump(tree, default_flow_style=True)),
    ):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        document, diagnostics = load(path)
        assert not has_errors(diagnostics), [d.format() for d in diagnostics]
        assert document is not None
        assert document.data == tree
        lines = text.splitlines()
        for pointer in _pointers(tree):
            where = document.locate(pointer)
            assert where is not None
            line, column = where
            assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1
