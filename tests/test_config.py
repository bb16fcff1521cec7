"""generator.config: [[tool.clientgen.clients]] in pyproject.toml, and finding that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ClientConfig, find_pyproject, load_config

ROOT = Path(__file__).resolve().parent.parent

GOOD = """\
[project]
name = "demo"

[[tool.clientgen.clients]]
spec = "spec/a.yaml"
output = "generated/a_client"
package = "a_client"

[[tool.clientgen.clients]]
spec = "spec/b.json"
output = "../elsewhere/b"
package = "b_client"
templates = ["templates/extra", "/abs/templates"]
"""


def _config(tmp_path: Path, text: str) -> tuple[tuple[ClientConfig, ...], list[str]]:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(text, encoding="utf-8")
    clients, diagnostics = load_config(pyproject)
    return clients, [d.format().replace(str(pyproject), "pyproject.toml") for d in diagnostics]


def test_reads_clients_with_absolute_paths(tmp_path: Path) -> None:
    clients, messages = _config(tmp_path, GOOD)
    assert messages == []
    base = tmp_path.resolve()
    assert clients == (
        ClientConfig(
            spec=base / "spec/a.yaml", output=base / "generated/a_client", package="a_client"
        ),
        ClientConfig(
            spec=base / "spec/b.json",
            output=base.parent / "elsewhere/b",
            package="b_client",
            templates=(base / "templates/extra", Path("/abs/templates")),
        ),
    )


def test_the_projects_own_configuration() -> None:
    clients, diagnostics = load_config(ROOT / "pyproject.toml")
    assert diagnostics == ()
    assert [c.package for c in clients] == ["face_client"]
    assert clients[0].spec == ROOT / "spec" / "face-person-group-training.yaml"
    assert clients[0].spec.is_file()


def test_missing_table_says_what_to_add(tmp_path: Path) -> None:
    clients, messages = _config(tmp_path, '[project]\nname = "x"\n')
    assert clients == ()
    assert len(messages) == 1
    assert "error[config.missing-table] at tool.clientgen" in messages[0]
    assert "[[tool.clientgen.clients]]" in messages[0]


def test_unknown_keys_suggest_the_right_one(tmp_path: Path) -> None:
    clients, messages = _config(
        tmp_path, GOOD.replace('package = "a_client"', 'packge = "a_client"')
    )
    assert clients == ()
    assert messages == [
        (
            "pyproject.toml:7: error[config.unknown-key] at tool.clientgen.clients[0].packge: "
            "unknown key `packge` (hint: did you mean `package`?)"
        ),
        (
            "pyproject.toml:4: error[config.missing-key] at tool.clientgen.clients[0].package: "
            "`package` is required"
        ),
    ]


def test_unknown_table_key_is_reported(tmp_path: Path) -> None:
    text = '[tool.clientgen]\nclient = 1\n\n[[tool.clientgen.clients]]\nspec = "a"\noutput = "b"\npackage = "c"\n'
    _, messages = _config(tmp_path, text)
    assert messages == [
        (
            "pyproject.toml:2: error[config.unknown-key] at tool.clientgen.client: "
            "unknown key `client` (hint: did you mean `clients`?)"
        )
    ]


@pytest.mark.parametrize(
    ("package", "ok"),
    [("good_name", True), ("class", False), ("my-client", False), ("1abc", False), ("", False)],
)
def test_package_must_be_an_identifier_and_not_a_keyword(
    tmp_path: Path, package: str, ok: bool
) -> None:
    clients, messages = _config(tmp_path, GOOD.replace('"a_client"\n', f'"{package}"\n', 1))
    assert bool(clients) is ok
    if not ok:
        assert len(messages) == 1
        assert "error[config.invalid-package] at tool.clientgen.clients[0].package" in messages[0]
        assert messages[0].startswith("pyproject.toml:7:")


@pytest.mark.parametrize(
    ("replacement", "code", "where"),
    [
        (('spec = "spec/a.yaml"\n', ""), "config.missing-key", "clients[0].spec"),
        (('spec = "spec/a.yaml"', "spec = 5"), "config.invalid-value", "clients[0].spec"),
        (
            ('output = "generated/a_client"', 'output = ""'),
            "config.invalid-value",
            "clients[0].output",
        ),
        (
            ('templates = ["templates/extra", "/abs/templates"]', 'templates = "x"'),
            "config.invalid-value",
            "clients[1].templates",
        ),
        (
            ('output = "../elsewhere/b"', 'output = "generated/a_client"'),
            "config.duplicate-output",
            "clients[1].output",
        ),
    ],
)
def test_bad_values(tmp_path: Path, replacement: tuple[str, str], code: str, where: str) -> None:
    old, new = replacement
    assert old in GOOD
    clients, messages = _config(tmp_path, GOOD.replace(old, new, 1))
    assert clients == ()
    assert len(messages) == 1, messages
    assert f"error[{code}] at tool.clientgen.{where}" in messages[0]


def test_clients_must_be_an_array_of_tables(tmp_path: Path) -> None:
    text = '[tool.clientgen.clients]\nspec = "a"\noutput = "b"\npackage = "c"\n'
    clients, messages = _config(tmp_path, text)
    assert clients == ()
    assert len(messages) == 1 and "error[config.invalid-type]" in messages[0]
    assert "double brackets" in messages[0]


def test_toml_syntax_errors_have_a_position(tmp_path: Path) -> None:
    clients, messages = _config(tmp_path, "[tool.clientgen]\nclients = [\n  { spec = }\n]\n")
    assert clients == ()
    assert len(messages) == 1
    assert messages[0].startswith("pyproject.toml:3:")
    assert "error[config.toml-syntax]" in messages[0]


def test_missing_file(tmp_path: Path) -> None:
    clients, diagnostics = load_config(tmp_path / "pyproject.toml")
    assert clients == ()
    assert [(d.code, d.file) for d in diagnostics] == [
        ("config.not-found", str(tmp_path / "pyproject.toml"))
    ]


def test_find_pyproject_walks_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "file.yaml").write_text("")
    assert find_pyproject(deep) == (tmp_path / "pyproject.toml").resolve()
    assert find_pyproject(deep / "file.yaml") == (tmp_path / "pyproject.toml").resolve()
    nested = deep / "pyproject.toml"
    nested.write_text("")
    assert find_pyproject(deep) == nested.resolve()


def test_find_pyproject_none(tmp_path: Path) -> None:
    if any((parent / "pyproject.toml").is_file() for parent in tmp_path.resolve().parents):
        pytest.skip("a pyproject.toml sits above the temporary directory")
    assert find_pyproject(tmp_path) is None
