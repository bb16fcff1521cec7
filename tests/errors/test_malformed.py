"""Every input in tests/errors/malformed/ is refused with the diagnostics its NAME.expected lists.

A case is NAME.yaml / NAME.json / NAME.bin, or a folder NAME/ whose entry point is openapi.yaml,
next to NAME.expected: one expected diagnostic per line, as ' | '-separated fragments that must
all appear, in order, in a single reported line. The folder config/ holds malformed
pyproject.toml files in the same form, for tests/unit/build/test_config.py.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from support.tools import fragments_match

from generator.build.pipeline import analyse
from generator.diagnostics import Diagnostic, has_errors
from generator.load import bundle as bundle_module
from generator.load import yaml_reader
from generator.parse import schemas as schemas_module

CASES = Path(__file__).resolve().parent / "malformed"
SECONDS_PER_CASE = 5.0


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.expected"))


def _spec_of(expected: Path) -> Path:
    name = expected.name.removesuffix(".expected")
    folder = CASES / name
    if folder.is_dir():
        return folder / "openapi.yaml"
    found = [p for p in CASES.glob(f"{name}.*") if p.suffix in (".yaml", ".json", ".bin")]
    assert len(found) == 1, f"{expected.name}: expected exactly one input named {name}.*"
    return found[0]


def _check(spec: Path) -> tuple[Diagnostic, ...]:
    """What the pipeline does before rendering: load, bundle, validate, parse."""
    return analyse(spec, package="client", strict=True)[1]


def test_every_case_has_an_input_and_every_input_a_case() -> None:
    inputs = {
        p.name.split(".")[0]
        for p in CASES.iterdir()
        if not p.name.endswith(".expected") and p.name != "config"
    }
    expected = {p.name.removesuffix(".expected") for p in _cases()}
    assert inputs == expected
    assert len(expected) >= 13


@pytest.mark.parametrize("expected", _cases(), ids=lambda p: p.name.removesuffix(".expected"))
def test_malformed_input_is_reported(expected: Path) -> None:
    spec = _spec_of(expected)
    started = time.perf_counter()
    diagnostics = _check(spec)
    elapsed = time.perf_counter() - started

    lines = [d.format().replace(str(spec), spec.name) for d in diagnostics]
    assert has_errors(diagnostics), lines
    wanted = [
        line
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert wanted, f"{expected.name} lists no expected diagnostic"
    for want in wanted:
        fragments = [part.strip() for part in want.split(" | ")]
        reported = "\n".join(lines)
        assert any(fragments_match(line, fragments) for line in lines), f"{want!r} not in:\n{reported}"
    assert all(d.file is not None for d in diagnostics)
    assert elapsed < SECONDS_PER_CASE


@pytest.mark.parametrize("shape", ["[", "{a: "])
@pytest.mark.parametrize("levels", [10_000, 200_000])
def test_very_deep_yaml_is_refused_quickly(tmp_path: Path, shape: str, levels: int) -> None:
    spec = tmp_path / "deep.yaml"
    closing = "]" if shape == "[" else "}"
    spec.write_text("openapi: 3.0.3\nx: " + shape * levels + "1" + closing * levels + "\n")
    started = time.perf_counter()
    diagnostics = _check(spec)
    assert time.perf_counter() - started < SECONDS_PER_CASE
    assert [d.code for d in diagnostics] == ["load.too-deep"]
    assert diagnostics[0].line == 2


_DEEP_YAML = {
    "flow sequences": "x: " + "[" * 3000 + "1" + "]" * 3000,
    "flow mappings": "x: " + "{a: " * 3000 + "1" + "}" * 3000,
    "after non-ASCII text": "d: '" + "é" * 2000 + "'\nx: " + "[" * 3000 + "1" + "]" * 3000,
    "block sequences": "x:\n" + "".join("  " * level + "-\n" for level in range(1100)),
    "flow inside block": "x:\n  a:\n    - " + "{b: [" * 1500 + "1" + "]}" * 1500,
}


@pytest.mark.skipif(not yaml_reader._libyaml(), reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("body", _DEEP_YAML.values(), ids=list(_DEEP_YAML))
def test_deep_yaml_is_located_by_libyaml_as_the_python_parser_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    """libyaml gives up at its own depth limit (1000) while looking ahead, before the reader
    reaches MAX_DEPTH. Given the text before that point it gets there itself, in milliseconds;
    the pure-Python parser, which finds the same place, takes seconds on a long line of
    brackets."""
    spec = tmp_path / "deep.yaml"
    spec.write_text("openapi: 3.0.3\n" + body + "\n", encoding="utf-8")
    loaders: list[type] = []
    parse = yaml.parse

    def recorded(stream: str, Loader: type) -> object:
        loaders.append(Loader)
        return parse(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "parse", recorded)
    found = _check(spec)
    assert [d.code for d in found] == ["load.too-deep"]
    assert yaml.SafeLoader not in loaders
    monkeypatch.setattr(yaml_reader, "_loader", lambda: yaml.SafeLoader)
    assert _check(spec) == found
    assert loaders[-1] is yaml.SafeLoader


@pytest.mark.parametrize("levels", [600, 10_000, 200_000])
def test_very_deep_json_is_refused_quickly(tmp_path: Path, levels: int) -> None:
    spec = tmp_path / "deep.json"
    spec.write_text('{"openapi": "3.0.3", "x": ' + '{"a": ' * levels + "1" + "}" * levels + "}")
    started = time.perf_counter()
    diagnostics = _check(spec)
    assert time.perf_counter() - started < SECONDS_PER_CASE
    assert [d.code for d in diagnostics] == ["load.too-deep"]
    assert diagnostics[0].line == 1
    assert diagnostics[0].column is not None


def _amplified(levels: int) -> str:
    """A few hundred bytes of YAML whose aliases describe 4**levels inline objects."""
    lines = ["x-defs:", "  l0: &l0 {type: object, properties: {a: {type: string}}}"]
    for i in range(1, levels + 1):
        alias = f"*l{i - 1}"
        lines.append(
            f"  l{i}: &l{i} {{type: object, properties: "
            f"{{a: {alias}, b: {alias}, c: {alias}, d: {alias}}}}}"
        )
    lines += [
        "openapi: 3.0.3",
        "info: {title: t, version: '1'}",
        "paths:",
        "  /a:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        f"            application/json: {{schema: *l{levels}}}",
    ]
    return "\n".join(lines) + "\n"


def test_alias_amplified_models_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each alias copy of an inline object is a class to generate; the count is capped (20,000
    in earnest, 100 here so the test stays fast)."""
    from generator.parse import api_parser as parse_module

    monkeypatch.setattr(schemas_module, "MAX_NAMED_TYPES", 100)
    monkeypatch.setattr(parse_module, "MAX_NAMED_TYPES", 100)
    spec = tmp_path / "amplified.yaml"
    spec.write_text(_amplified(5), encoding="utf-8")
    assert len(spec.read_bytes()) < 1000
    diagnostics = _check(spec)
    assert [d.code for d in diagnostics if d.severity.value == "error"] == ["too-many-types"]
    assert "more than 100 models and enums" in diagnostics[-1].message


def test_copies_made_by_bundling_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many refs to one big object in another file copy it each time; the total is capped."""
    monkeypatch.setattr(bundle_module, "MAX_NODES", 1000)
    big = {"description": "big", "content": {"application/json": {"example": list(range(300))}}}
    (tmp_path / "shared.json").write_text(json.dumps({"Big": big}), encoding="utf-8")
    paths = {
        f"/p{i}": {"get": {"responses": {"200": {"$ref": "shared.json#/Big"}}}} for i in range(10)
    }
    spec = tmp_path / "openapi.json"
    spec.write_text(
        json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths}),
        encoding="utf-8",
    )
    codes = [d.code for d in _check(spec)]
    assert codes == ["bundle.too-large"]
