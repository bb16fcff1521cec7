"""generator.build.config: [[tool.clientgen.clients]] in pyproject.toml, and finding that file."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.tools import fifo, fragments_match

from generator.build.config import ClientConfig, find_pyproject, load_config

ROOT = Path(__file__).resolve().parents[3]
MALFORMED = ROOT / "tests" / "errors" / "malformed" / "config"

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


_EXPECTED_HINTS = {
    "class": "keyword",
    **dict.fromkeys(("json", "httpx", "idna", "distutils"), "would hide the module"),
}


@pytest.mark.parametrize(
    ("package", "ok"),
    [
        ("good_name", True),
        ("_private2", True),
        ("class", False),
        ("my-client", False),
        ("1abc", False),
        ("", False),
        # Not valid TOML as the bare key the generated pyproject.toml used to print.
        ("caf\u00e9", False),
        # A ligature: Python NFKC-normalises it, so `import \ufb01le` looks for `file`.
        ("\ufb01le", False),
        ("Client", False),
        ("a\u0660", False),  # an Arabic-Indic digit: an identifier, but not ASCII
        # A module the generated code imports: `import json` would find the package itself.
        ("json", False),
        ("httpx", False),
        ("idna", False),  # httpx imports it
        ("distutils", False),  # gone from Python 3.12, refused on every version alike
    ],
)
def test_package_must_be_lower_case_ascii_and_not_a_keyword(
    tmp_path: Path, package: str, ok: bool
) -> None:
    clients, messages = _config(tmp_path, GOOD.replace('"a_client"\n', f'"{package}"\n', 1))
    assert bool(clients) is ok
    if not ok:
        assert len(messages) == 1
        assert fragments_match(
            messages[0],
            [
                "pyproject.toml:7:",
                "error[config.invalid-package] at tool.clientgen.clients[0].package: ",
                f"{package!r} is not a valid Python package name (hint: ",
                _EXPECTED_HINTS.get(package, "[a-z_][a-z0-9_]*"),
            ],
        ), messages[0]


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


def test_only_a_regular_file_is_read(tmp_path: Path) -> None:
    """Opening a FIFO blocked forever (and --config /dev/zero read until memory ran out: not
    tried here, as on the old code it would exhaust this machine's memory; the same check in
    generator.load.input_file refuses it, see tests/unit/load/test_load.py)."""
    with fifo(tmp_path / "pyproject.toml") as path:
        clients, diagnostics = load_config(path)
    assert clients == ()
    assert [(d.code, d.file, d.message) for d in diagnostics] == [
        ("config.not-regular", str(path), "this is a FIFO (named pipe), not a regular file")
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


OPTIONS = """\
[[tool.clientgen.clients]]
spec = "spec/a.yaml"
output = "generated/a_client"
package = "a_client"
post_render = [
  "ruff check --fix --quiet 'a dir'",
  ["python", "-c", "print('x y')"],
]

[tool.clientgen.clients.options]
package_version = "2.1.0rc1"
strict = true
distribution_name = "acme-a-client"

[[tool.clientgen.clients]]
spec = "spec/b.yaml"
output = "generated/b_client"
package = "b_client"
options = { strict = false }
"""


def _with(line: str) -> str:
    """GOOD with `line` added to its first client's table, as line 8."""
    return GOOD.replace('package = "a_client"\n', f'package = "a_client"\n{line}\n', 1)


def test_reads_options_and_post_render_hooks(tmp_path: Path) -> None:
    clients, messages = _config(tmp_path, OPTIONS)
    assert messages == []
    first, second = clients
    assert first.package_version == "2.1.0rc1"
    assert first.strict is True
    assert first.distribution_name == "acme-a-client"
    assert first.post_render == (
        ("ruff", "check", "--fix", "--quiet", "a dir"),
        ("python", "-c", "print('x y')"),
    )
    # Nothing given: the defaults, as the command line had them before options existed.
    assert second.package_version == "0.1.0"
    assert (second.strict, second.distribution_name, second.post_render) == (False, None, ())


def test_options_as_dotted_keys(tmp_path: Path) -> None:
    clients, messages = _config(tmp_path, _with('options.package_version = "1.0.0"'))
    assert messages == []
    assert clients[0].package_version == "1.0.0"


@pytest.mark.parametrize(
    ("value", "where", "expected"),
    [
        ("options.strict = 1", "options.strict", "a boolean (true or false), not an integer"),
        ('options.strict = "yes"', "options.strict", "a boolean (true or false), not a string"),
        ("options.package_version = 1.0", "options.package_version", "a string, not a float"),
        ("options.distribution_name = []", "options.distribution_name", "a string, not an array"),
        ("options = 3", "options", "a table, not an integer"),
        ('post_render = "ruff check ."', "post_render", "an array of commands, not a string"),
        ("post_render = [3]", "post_render[0]", "a string or an array of strings, not an integer"),
        (
            'post_render = [["ruff", true]]',
            "post_render[0][1]",
            "a string (one argument), not a boolean",
        ),
        (
            "post_render = [{ a = 'x' }]",
            "post_render[0]",
            "a string or an array of strings, not a table",
        ),
    ],
)
def test_wrong_types_name_the_key_path_line_and_expected_type(
    tmp_path: Path, value: str, where: str, expected: str
) -> None:
    clients, messages = _config(tmp_path, _with(value))
    assert clients == ()
    assert [message.split(" (hint: ")[0] for message in messages] == [
        (
            f"pyproject.toml:8: error[config.invalid-type] at tool.clientgen.clients[0].{where}: "
            f"must be {expected}"
        )
    ]


@pytest.mark.parametrize(
    ("value", "where", "message"),
    [
        ('"1.0-beta"', "options.package_version", "'1.0-beta' is not a PEP 440 version"),
        ('"v1.0"', "options.package_version", "'v1.0' is not a PEP 440 version"),
        ('"01.0"', "options.package_version", "'01.0' is not a PEP 440 version"),
        ('""', "options.package_version", "'' is not a PEP 440 version"),
        ('"-acme"', "options.distribution_name", "'-acme' is not a valid distribution"),
        ('"acme client"', "options.distribution_name", "'acme client' is not a valid"),
        ('"a\\nb"', "options.distribution_name", "'a\\nb' is not a valid distribution"),
    ],
)
def test_bad_version_and_distribution_name(
    tmp_path: Path, value: str, where: str, message: str
) -> None:
    clients, messages = _config(tmp_path, _with(f"{where} = {value}"))
    assert clients == ()
    assert len(messages) == 1, messages
    assert messages[0].startswith(
        f"pyproject.toml:8: error[config.invalid-value] at tool.clientgen.clients[0].{where}: "
        f"{message}"
    ), messages


@pytest.mark.parametrize(
    "version",
    ["0.1.0", "1", "2024.11.24", "1.0.0a1", "1.0.0rc2", "1.0.post1", "1.0.dev0", "1!2", "1.0+l.7"],
)
def test_good_versions(tmp_path: Path, version: str) -> None:
    clients, messages = _config(tmp_path, _with(f'options.package_version = "{version}"'))
    assert messages == []
    assert clients[0].package_version == version


@pytest.mark.parametrize(
    ("hooks", "where", "message"),
    [
        ("[\"echo 'unclosed\"]", "[0]", "cannot be split into arguments: No closing quotation"),
        ('["ok", ""]', "[1]", "names no program to run"),
        ('["ok", []]', "[1]", "names no program to run"),
        ('[["", "x"]]', "[0]", "names no program to run"),
        ('["a\\u0000b"]', "[0]", "contains a NUL character"),
    ],
)
def test_bad_post_render_commands(tmp_path: Path, hooks: str, where: str, message: str) -> None:
    clients, messages = _config(tmp_path, _with(f"post_render = {hooks}"))
    assert clients == ()
    assert messages == [
        (
            "pyproject.toml:8: error[config.invalid-value] at "
            f"tool.clientgen.clients[0].post_render{where}: {message}"
        )
    ]


def test_unknown_option_suggests_the_right_one_in_every_layout(tmp_path: Path) -> None:
    _, messages = _config(tmp_path, OPTIONS.replace("strict = true", "stirct = true"))
    assert messages == [
        (
            "pyproject.toml:12: error[config.unknown-key] at "
            "tool.clientgen.clients[0].options.stirct: "
            "unknown key `stirct` (hint: did you mean `strict`?)"
        )
    ]
    inline = OPTIONS.replace("{ strict = false }", "{ package_versoin = '1' }")
    _, messages = _config(tmp_path, inline)
    assert messages == [
        (
            "pyproject.toml:19: error[config.unknown-key] at "
            "tool.clientgen.clients[1].options.package_versoin: "
            "unknown key `package_versoin` (hint: did you mean `package_version`?)"
        )
    ]
    _, messages = _config(tmp_path, OPTIONS.replace("post_render = [", "postrender = ["))
    assert messages == [
        (
            "pyproject.toml:5: error[config.unknown-key] at tool.clientgen.clients[0].postrender: "
            "unknown key `postrender` (hint: did you mean `post_render`?)"
        )
    ]


def test_a_multi_line_array_does_not_hide_the_keys_after_it(tmp_path: Path) -> None:
    # The array's lines that start with "[" are not table headers.
    text = OPTIONS.replace("]\n\n[tool", "]\ntemplates = 5\n\n[tool")
    _, messages = _config(tmp_path, text)
    assert messages == [
        (
            "pyproject.toml:9: error[config.invalid-value] at tool.clientgen.clients[0].templates: "
            "must be a list of directory paths"
        )
    ]


def _malformed_cases() -> list[Path]:
    return sorted(MALFORMED.glob("*.expected"))


def test_every_malformed_configuration_has_its_expected_messages() -> None:
    inputs = {p.name.removesuffix(".toml") for p in MALFORMED.glob("*.toml")}
    expected = {p.name.removesuffix(".expected") for p in _malformed_cases()}
    assert inputs == expected and len(expected) >= 5
    assert {p.suffix for p in MALFORMED.iterdir()} == {".toml", ".expected"}


@pytest.mark.parametrize(
    "expected", _malformed_cases(), ids=lambda p: p.name.removesuffix(".expected")
)
def test_malformed_configuration_is_reported(expected: Path) -> None:
    """tests/errors/malformed/config/NAME.toml is a pyproject.toml, NAME.expected its diagnostics in
    tests/errors/malformed/'s format: one per line, ' | '-separated fragments that must all appear,
    in order, in one reported line. Every diagnostic reported must be expected."""
    pyproject = expected.with_suffix(".toml")
    clients, diagnostics = load_config(pyproject)
    assert clients == ()
    lines = [d.format().replace(str(pyproject), pyproject.name) for d in diagnostics]
    wanted = [
        [part.strip() for part in line.split(" | ")]
        for line in expected.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == len(wanted), "\n".join(lines)
    for line, fragments in zip(lines, wanted):
        assert fragments_match(line, fragments), f"{fragments!r} not in {line!r}"


def test_the_readme_configuration_examples_are_read_without_problems(tmp_path: Path) -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        clients, messages = _config(tmp_path, block)
        assert messages == [] and clients, block
    assert clients[-1].post_render and clients[-1].distribution_name
