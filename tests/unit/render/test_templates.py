"""User template directories: overrides, new files, per-item files, reuse of the built-in
blocks and macros, and broken templates.

Broken templates are stored as cases: `tests/errors/broken_templates/NAME/` is a template directory
and `NAME.expected` lists the diagnostics it must produce, one per line, as ' | '-separated
fragments that must all appear, in order, in one reported line. `<case>` stands for the case's
directory.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from support.tools import fragments_match, mypy_strict, ruff_check, tool_output

from generator import cli
from generator.build.pipeline import analyse, generate
from generator.render import output_plan as outputs
from generator.render.engine import make_environment
from generator.render.template_filters import FILTERS

ROOT = Path(__file__).resolve().parents[3]
SPECS = ROOT / "tests" / "specs"
OPERATIONS = SPECS / "operations.yaml"
FEATURES = SPECS / "features.yaml"
BROKEN = ROOT / "tests" / "errors" / "broken_templates"


def _templates(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _generate(spec: Path, package: str, templates: Path) -> dict[str, str]:
    result = generate(spec, package=package, template_dirs=(templates,))
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.files


def test_a_file_named_like_a_builtin_replaces_it(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path,
        {"package/errors.py.j2": '"""Errors of {{ api.title }}, replaced."""\n\n\nclass ClientError(Exception):\n    pass\n'},
    )
    files = _generate(FEATURES, "zoo", templates)
    assert files["zoo/errors.py"].startswith('"""Errors of Feature Zoo, replaced."""')
    assert "DeserializationError" not in files["zoo/errors.py"]


def test_a_runtime_module_is_replaced_by_a_file_at_its_path_and_copied_as_it_is(
    tmp_path: Path,
) -> None:
    # `package/NAME` replaces generator/runtime/NAME; its text is not a template.
    errors = (
        '"""Errors, replaced: {{ api.title }} stays as written."""\n\n\n'
        "class ClientError(Exception):\n    pass\n"
    )
    builtin = (ROOT / "templates" / "manifest.toml").read_text(encoding="utf-8")
    templates = _templates(
        tmp_path,
        {
            "package/errors.py": errors,
            "manifest.toml": builtin
            + '\n[[file]]\nruntime = "extra.py"\noutput = "{package}/extra.py"\n',
            "package/extra.py": "EXTRA = 1\n",
        },
    )
    files = _generate(FEATURES, "zoo", templates)
    assert files["zoo/errors.py"] == errors
    assert files["zoo/extra.py"] == "EXTRA = 1\n"
    # The other runtime modules are the built-in ones, byte for byte.
    runtime = ROOT / "generator" / "runtime"
    assert files["zoo/_http.py"] == (runtime / "_http.py").read_text(encoding="utf-8")
    assert "package/errors.py" not in "".join(files)


def test_a_template_named_like_a_runtime_module_renders_in_its_place(tmp_path: Path) -> None:
    templates = _templates(tmp_path, {"package/polling.py.j2": "TITLE = {{ api.title | pyrepr }}\n"})
    files = _generate(FEATURES, "zoo", templates)
    assert files["zoo/polling.py"] == 'TITLE = "Feature Zoo"\n'


def test_any_other_template_renders_to_its_own_path_without_the_suffix(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path,
        {
            "API.md.j2": "# {{ api.title }}\n{% for o in api.operations %}\n- {{ o.py_name }}\n{% endfor %}",
            "package/version_info.py.j2": "TITLE = {{ api.title | pyrepr }}\n",
            "notes/plain.txt.j2": "{{ api.package_name }}\n",
        },
    )
    files = _generate(OPERATIONS, "shop", templates)
    assert files["API.md"].splitlines()[0] == "# Corner Shop"
    assert "- items_list" in files["API.md"].splitlines()
    # `package/` is the import package, so the new module is importable from it.
    assert files["shop/version_info.py"] == 'TITLE = "Corner Shop"\n'
    assert files["notes/plain.txt"] == "shop\n"
    assert "API.md.j2" not in "".join(files)


def test_a_placeholder_renders_one_file_per_item_with_the_item_in_the_context(
    tmp_path: Path,
) -> None:
    templates = _templates(
        tmp_path,
        {
            "docs/models/{model}.md.j2": "# {{ model.class_name }}\n{{ model.pointer }}\n",
            "docs/enums/{enum}.md.j2": "{{ enum.class_name }}: {{ enum.members | length }}\n",
            "docs/ops/{operation}.md.j2": "{{ operation.method }} {{ operation.path }}\n",
            "package/{group}/__init__.py.j2": "NAME = {{ group.name | pyrepr }}\n",
        },
    )
    files = _generate(OPERATIONS, "shop", templates)
    assert files["docs/models/item.md"] == "# Item\n/components/schemas/Item\n"
    api = analyse(OPERATIONS, package="shop")[0]
    assert api is not None
    models = {path for path in files if path.startswith("docs/models/")}
    assert models == {f"docs/models/{model.module_name}.md" for model in api.models}
    assert len(models) > 5
    assert files["docs/enums/colour.md"] == "Colour: 3\n"
    assert files["docs/ops/items_list.md"] == "GET /items\n"
    assert files["shop/items/__init__.py"] == 'NAME = "Items"\n'
    assert {p for p in files if p.endswith("/__init__.py") and p.count("/") == 2} == {
        "shop/items/__init__.py",
        "shop/photos/__init__.py",
        "shop/documents/__init__.py",
        "shop/notes/__init__.py",
    }


def test_the_manifest_takes_item_placeholders_too(tmp_path: Path) -> None:
    builtin = (ROOT / "templates" / "manifest.toml").read_text(encoding="utf-8")
    templates = _templates(
        tmp_path,
        {
            "manifest.toml": builtin
            + '\n[[file]]\ntemplate = "one.j2"\noutput = "{package}/m_{model}.txt"\n',
            "one.j2": "{{ model.class_name }}\n",
        },
    )
    files = _generate(FEATURES, "zoo", templates)
    assert files["zoo/m_animal.txt"] == "Animal\n"
    assert "one" not in files  # listed in the manifest, so not also rendered by its own name


def test_an_override_can_replace_one_block_of_the_builtin(tmp_path: Path) -> None:
    templates = _templates(
        tmp_path,
        {
            "package/models.py.j2": (
                '{% extends "builtin/package/models.py.j2" %}\n'
                "{% block header %}\n# Reviewed by the platform team.\n{{ super() }}{% endblock %}\n"
                "{% block model_bases %}(_Base){% endblock %}\n"
                "{% block imports %}{{ super() }}from ._base import Base as _Base\n{% endblock %}\n"
                "{% block model_members %}\n\n    KIND = {{ model.class_name | pyrepr }}\n"
                "{% endblock %}\n"
            ),
            "package/_base.py.j2": "class Base:\n    __slots__ = ()\n",
            "package/_unused.j2": "{{ api.no_such_thing }}",
        },
    )
    files = _generate(FEATURES, "zoo", templates)
    models = files["zoo/models.py"]
    assert models.startswith("# Reviewed by the platform team.\n")
    assert "class Animal(_Base):" in models
    assert "from ._base import Base as _Base" in models
    assert '    KIND = "Animal"' in models
    # Everything else is the built-in's: one block changed, the rest kept.
    builtin = generate(FEATURES, package="zoo").files["zoo/models.py"]
    assert models.count("def from_dict(") == builtin.count("def from_dict(") > 3
    # `_NAME.j2` is a partial, rendered only by what includes it; `_base.py.j2` is a module.
    assert files["zoo/_base.py"].startswith("class Base:")
    assert not any("_unused" in path for path in files)


def test_a_new_template_can_import_the_builtin_macros_and_its_own_partials(
    tmp_path: Path,
) -> None:
    templates = _templates(
        tmp_path,
        {
            "_helpers.j2": "{% macro title(model) %}{{ model.class_name | upper }}{% endmacro %}",
            "package/encoders.py.j2": (
                '{% from "package/_codecs.j2" import encode %}\n'
                '{% from "_helpers.j2" import title %}\n'
                "from typing import Any\n\n\n"
                "{% for model in api.models %}\n"
                "{% for field in model.required_fields %}\n"
                "def {{ model.module_name }}_{{ field.py_name }}(_v: Any) -> Any:\n"
                '    """{{ title(model) }}."""\n'
                "    return {{ encode(field.type, '_v') }}\n\n\n"
                "{% endfor %}\n"
                "{% endfor %}\n"
            ),
        },
    )
    files = _generate(FEATURES, "zoo", templates)
    encoders = files["zoo/encoders.py"]
    assert '"""ANIMAL."""' in encoders
    assert "def animal_" in encoders
    assert "_helpers" not in "".join(files)
    compile(encoders, "encoders.py", "exec")


def test_an_override_of_a_partial_reaches_the_builtins_that_import_it(tmp_path: Path) -> None:
    # The built-in `models.py.j2` imports `package/_codecs.j2`; a user's copy of that partial,
    # extending the built-in one, is what it gets.
    templates = _templates(
        tmp_path,
        {
            "package/_codecs.j2": (
                '{% extends "builtin/package/_codecs.j2" %}\n'
            ),
        },
    )
    files = _generate(FEATURES, "zoo", templates)
    assert files["zoo/models.py"] == generate(FEATURES, package="zoo").files["zoo/models.py"]


def _broken_cases() -> list[Path]:
    return sorted(BROKEN.glob("*.expected"))


def test_every_broken_case_has_a_directory_and_every_directory_a_case() -> None:
    folders = {p.name for p in BROKEN.iterdir() if p.is_dir()}
    expected = {p.name.removesuffix(".expected") for p in _broken_cases()}
    assert folders == expected
    assert len(expected) >= 10


@pytest.mark.parametrize("expected_file", _broken_cases(), ids=lambda p: p.stem)
def test_a_broken_template_is_a_located_error_and_nothing_is_written(
    expected_file: Path, tmp_path: Path
) -> None:
    case = expected_file.with_suffix("")
    output = tmp_path / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        status = cli.main(
            [
                "--no-cache",
                "generate",
                str(OPERATIONS),
                "--output",
                str(output),
                "--package",
                "shop",
                "--templates",
                str(case),
            ]
        )
    reported = stderr.getvalue().replace(str(case), "<case>")
    assert status == 1, reported
    assert "Traceback" not in reported
    assert not output.exists()
    lines = [line for line in reported.splitlines() if "error[" in line]
    wanted = [
        line.split(" | ")
        for line in expected_file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for fragments in wanted:
        assert any(fragments_match(line, fragments) for line in lines), (
            f"no reported line has {fragments}:\n{reported}"
        )
    assert len(lines) == len(wanted), reported


DOC = ROOT / "docs" / "templates.md"
BUILTIN_TEMPLATES = ROOT / "templates"


def _documented_blocks() -> dict[str, set[str]]:
    """The blocks column of the guide's table of built-in templates."""
    blocks: dict[str, set[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`") and cells[0].endswith(".j2`"):
            if cells[1] == "partial":
                continue
            blocks[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[2]))
    return blocks


def test_the_guide_lists_every_builtin_template_and_exactly_its_blocks() -> None:
    actual = {
        path.relative_to(BUILTIN_TEMPLATES).as_posix(): set(
            re.findall(r"{%-?\s*block\s+(\w+)", path.read_text(encoding="utf-8"))
        )
        for path in BUILTIN_TEMPLATES.rglob("*.j2")
        if not outputs.is_partial(path.relative_to(BUILTIN_TEMPLATES).as_posix())
    }
    assert _documented_blocks() == actual


def test_the_guide_names_every_placeholder_and_filter() -> None:
    text = DOC.read_text(encoding="utf-8")
    for placeholder in outputs.PLACEHOLDERS:
        assert f"`{{{placeholder}}}`" in text, placeholder
    for name in FILTERS:
        assert f"`{name}`" in text or f"`{name}(" in text, name


EXAMPLE_GOLDEN = ROOT / "tests" / "golden" / "custom-templates"


def test_the_worked_example_passes_mypy_strict_and_ruff_and_works(tmp_path: Path) -> None:
    # tests/golden/test_golden.py keeps the golden tree equal to what the example's templates
    # produce; it is checked in a copy, so that no tool leaves its cache among the goldens.
    tree = tmp_path / "example"
    shutil.copytree(EXAMPLE_GOLDEN, tree)
    package = tree / "face_client"
    # The goldens leave out the runtime modules (copies of generator/runtime/): put them in.
    templates = (ROOT / "examples" / "custom-templates" / "templates",)
    manifest, _ = outputs.read_manifest(make_environment(templates))
    for entry in outputs.planned_outputs(manifest, templates):
        source = outputs.runtime_source(entry.template, templates) if entry.runtime else None
        if source is not None:
            shutil.copyfile(source, tree / entry.output.replace("{package}", "face_client"))
    assert (package / "_http.py").is_file()
    for result in (
        mypy_strict("face_client", cwd=tree),
        ruff_check(".", select="I,F,E4,E7,E9", cwd=tree),
    ):
        assert result.returncode == 0, tool_output(result)
    script = (
        "import face_client, json\n"
        "r = face_client.TrainingResult.from_dict({'status': 'running',"
        " 'createdDateTime': '2024-01-02T03:04:05Z', 'lastActionDateTime': None,"
        " 'lastSuccessfulTrainingDateTime': '2024-01-02T03:05:00Z'})\n"
        "from face_client.model_base import ModelBase\n"
        "assert isinstance(r, ModelBase) and not hasattr(r, '__dict__')\n"
        "print(r.to_json())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "running"
    assert (package / "models.py").read_text(encoding="utf-8").startswith("# Generated for")
    api_md = (tree / "API.md").read_text(encoding="utf-8")
    assert "get_person_group_training_status" in api_md and "TrainingResult" in api_md


def _spec_with_long_names(directory: Path, schema: str, operation_id: str) -> Path:
    spec = directory / "long.yaml"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "Long", "version": "1"},
                "paths": {
                    "/a": {
                        "get": {
                            "operationId": operation_id,
                            "responses": {
                                "200": {
                                    "description": "ok",
                                    "content": {
                                        "application/json": {
                                            "schema": {"$ref": f"#/components/schemas/{schema}"}
                                        }
                                    },
                                }
                            },
                        }
                    }
                },
                "components": {
                    "schemas": {schema: {"type": "object", "properties": {"x": {"type": "string"}}}}
                },
            }
        ),
        encoding="utf-8",
    )
    return spec


def test_a_per_model_file_name_stays_short_for_a_300_character_schema_name(
    tmp_path: Path,
) -> None:
    spec = _spec_with_long_names(tmp_path, "Very" + "Long" * 74, "getA")
    templates = _templates(tmp_path / "templates", {"docs/{model}.md.j2": "{{ model.name }}\n"})
    files = _generate(spec, "long", templates)
    docs = [path for path in files if path.startswith("docs/")]
    assert len(docs) == 1, docs
    stem = docs[0].removeprefix("docs/").removesuffix(".md")
    assert stem.startswith("very_long_long") and len(stem) <= 100 and stem.isidentifier()
    assert files[docs[0]] == "Very" + "Long" * 74 + "\n"  # the name itself is kept


def test_a_file_name_over_255_bytes_is_an_error_at_the_template_and_the_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec_with_long_names(tmp_path, "Short", "get" + "a" * 300)
    templates = _templates(tmp_path / "templates", {"ops/{operation}.txt.j2": "x\n"})
    result = generate(spec, package="long", template_dirs=(templates,))
    problems = [d for d in result.diagnostics if d.code == "template.path-too-long"]
    assert not result.ok and len(problems) == 1, [d.format() for d in result.diagnostics]
    assert problems[0].file == str(templates / "ops" / "{operation}.txt.j2")
    assert problems[0].pointer == "/paths/~1a/get" and "307 bytes" in problems[0].message  # 303 + .txt
    out = tmp_path / "out"
    status = cli.main(
        ["generate", str(spec), "-o", str(out), "-p", "long", "--templates", str(templates)]
    )
    stderr = capsys.readouterr().err
    assert status == 1 and not out.exists()
    assert "internal error" not in stderr and "error[template.path-too-long]" in stderr


def test_a_template_cannot_render_the_output_marker(tmp_path: Path) -> None:
    templates = _templates(tmp_path, {".clientgen.j2": "mine\n"})
    result = generate(OPERATIONS, package="shop", template_dirs=(templates,))
    assert not result.ok
    assert [d.code for d in result.diagnostics if d.severity.value == "error"] == [
        "template.reserved-path"
    ]
