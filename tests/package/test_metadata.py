"""Package metadata: spec text cannot add a header to the generated distribution's metadata.

`info.title` becomes pyproject.toml's `description`; setuptools copies it into the `Summary:`
header of PKG-INFO / METADATA. A line break there, even one TOML had to escape (`\\r` decodes
back to a real carriage return), would start a header of its own: `Requires-Dist: evil-pkg`
makes `pip install` of the client install (and run) another package. The wheel is built here
the way pip builds it, offline, and its METADATA read back.
"""

from __future__ import annotations

import email
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build.pipeline import generate
from generator.output.atomic_write import write_tree
from generator.parse.api_parser import parse
from generator.render.engine import render

try:
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

HOSTILE_TITLE = "Demo API{}Requires-Dist: evil-pkg>=6.6"
EXPECTED_SUMMARY = "Summary: Python client for Demo API Requires-Dist: evil-pkg>=6.6"
REQUIREMENTS = ["httpx>=0.27", 'hypothesis>=6.100; extra == "strategies"']


def _document(title: str) -> dict[str, object]:
    return {"openapi": "3.0.3", "info": {"title": title, "version": "1.0"}, "paths": {}}


def _wheel_metadata(distribution: Path, wheel_dir: Path) -> str:
    """The METADATA of the wheel pip builds from `distribution` (offline: no index, no
    isolated build environment, no dependencies)."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(wheel_dir), str(distribution)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = wheel_dir.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("line_break", ["\r", "\n", "\u2028"], ids=["cr", "lf", "u2028"])
def test_a_title_cannot_add_a_requirement_to_the_wheel(line_break: str, tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_document(HOSTILE_TITLE.format(line_break))), encoding="utf-8")
    result = generate(spec, package="demo")
    assert result.ok, [d.format() for d in result.diagnostics]
    distribution = tmp_path / "dist"
    write_tree(result.files, distribution)
    metadata = _wheel_metadata(distribution, tmp_path / "wheels")
    head = metadata.split("\n\n", 1)[0]
    # As pip and importlib.metadata read it (the email parser ends a line at \r too).
    headers = email.message_from_string(metadata)
    assert headers.get_all("Requires-Dist") == REQUIREMENTS
    assert [line for line in head.splitlines() if line.startswith("Summary:")] == [
        EXPECTED_SUMMARY
    ]
    assert "\r" not in head and "evil-pkg" not in "".join(headers.get_all("Requires-Dist"))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_metadata_field_the_template_prints_is_one_line() -> None:
    """Whatever reaches the IR (validated today or not), no single-line field of the built-in
    pyproject.toml keeps a line break or a control character."""
    api, diagnostics = parse(_document("Demo"), package_name="demo")
    assert api is not None, [d.format() for d in diagnostics]
    breaks = "\r\n\x0b\x0c\x85\u2028\u2029\x00"
    api = replace(
        api,
        title=f"T{breaks}itle",
        distribution_name=f"de{breaks}mo",
        package_version=f"1{breaks}.0",
    )
    files, problems = render(api)
    assert not problems, [d.format() for d in problems]
    project = tomllib.loads(files["pyproject.toml"])["project"]
    assert project["name"] == "de mo" and project["version"] == "1 .0"
    assert project["description"] == "Python client for T itle"
    for text in _strings(project):
        assert text.splitlines() == [text], text
        assert text.isprintable(), text


@pytest.mark.parametrize("package", ["demo", "_private", "pkg_2", "a"])
def test_the_package_data_key_is_a_quoted_toml_key(package: str) -> None:
    api, diagnostics = parse(_document("Demo"), package_name=package)
    assert api is not None, [d.format() for d in diagnostics]
    files, _ = render(api)
    assert f'"{package}" = ["py.typed"]' in files["pyproject.toml"].splitlines()
    data = tomllib.loads(files["pyproject.toml"])["tool"]["setuptools"]["package-data"]
    assert data == {package: ["py.typed"]}


INJECTION = "Demo\n\n# Injected heading\n```\n<img src=x onerror=alert(1)>\n| a | b |\n"


def _readme(text: str) -> str:
    document = _document(text)
    document["components"] = {
        "schemas": {
            "Thing": {"type": "object", "description": text, "properties": {}},
            "Kind": {"type": "string", "description": text, "enum": ["a"]},
        }
    }
    api, diagnostics = parse(document, package_name="demo")
    assert api is not None, [d.format() for d in diagnostics]
    files, problems = render(api)
    assert not problems, [d.format() for d in problems]
    return files["README.md"]


def _structure(readme: str) -> list[str]:
    """The lines that make the README's block structure: headings, code fences, table rows
    (as their cell separators: pipes not escaped by a backslash)."""
    return [
        line.split(" ", 1)[0]
        if not line.startswith("|")
        else "|" * re.sub(r"\\.", "", line).count("|")
        for line in readme.splitlines()
        if line.startswith(("#", "```", "~~~", "|", "<"))
    ]


def test_one_line_readme_text_cannot_change_the_readme_structure() -> None:
    """The title (in the intro sentence) and model descriptions (in a table cell) are one-line
    spots: a heading, a code fence that never closes, HTML or a new table row stay text."""
    benign, hostile = _readme("Demo"), _readme(INJECTION)
    assert _structure(hostile) == _structure(benign)
    assert "\\# Injected heading \\`\\`\\` \\<img" in hostile
