"""generator/render/views/readme_view.py: the generated README's code is valid Python laid
out as black would, its example values pass the parameters' checks, and no spec text reaches
a code block."""

from __future__ import annotations

import re
from pathlib import Path

import black
import pytest

from generator.build import pipeline
from generator.ir.nodes import Api
from generator.render.views.readme_view import ReadmeView, readme_view

ROOT = Path(__file__).resolve().parents[3]
_MODE = black.Mode(target_versions={black.TargetVersion.PY310})


def _api(spec: Path, package: str = "demo_client") -> Api:
    api, diagnostics = pipeline.analyse(spec, package=package)
    assert api is not None, diagnostics
    return api


def _blocks(view: ReadmeView) -> list[str]:
    return [view.quickstart, view.async_quickstart, *(c.code for c in view.credentials)]


def test_a_pager_is_iterated_in_the_quickstart_and_never_called_raw() -> None:
    view = readme_view(_api(ROOT / "tests" / "specs" / "paging.yaml"))
    assert "result = list(client.list_widgets())" in view.quickstart
    assert "[item async for item in client.list_widgets()]" in view.async_quickstart
    assert not view.plain_call and view.paging_call == "client.list_widgets()"


@pytest.mark.parametrize(
    "spec",
    [
        ROOT / "spec" / "face-person-group-training.yaml",
        ROOT / "tests" / "specs" / "features.yaml",
        ROOT / "tests" / "specs" / "operations.yaml",
        ROOT / "tests" / "specs" / "content.yaml",
        ROOT / "tests" / "specs" / "paging.yaml",
        ROOT / "tests" / "specs" / "streams.yaml",
    ],
    ids=lambda p: p.stem,
)
def test_the_examples_are_python_as_black_lays_it_out(spec: Path) -> None:
    view = readme_view(_api(spec))
    for block in _blocks(view):
        compile(block, "README", "exec")
        assert black.format_str(block + "\n", mode=_MODE) == block + "\n", block


def test_the_face_quickstart_reads_the_endpoint_and_key_and_calls_a_valid_id() -> None:
    view = readme_view(_api(ROOT / "spec" / "face-person-group-training.yaml", "face_client"))
    assert view.environment == ("FACE_CLIENT_ENDPOINT", "FACE_CLIENT_KEY")
    assert view.call_target == "client.person_group.get_training_status"
    # The id's pattern is ^[a-z0-9-_]+$ with at most 64 characters.
    assert re.fullmatch(r'"[a-z0-9-_]{1,64}"', view.call_arguments)
    assert [c.name for c in view.credentials] == ["TokenCredential"]
    assert "DefaultAzureCredential()" in view.credentials[0].code
    assert view.begin_call == 'client.person_group.begin_train("person-group-id")'


def test_spec_text_never_reaches_a_code_block(tmp_path: Path) -> None:
    hostile = '```\n<script>x</script> """; import os; os.system("x") #'
    spec = tmp_path / "hostile.yaml"
    spec.write_text(
        f"""
openapi: 3.0.3
info: {{title: {hostile!r}, version: '1'}}
paths:
  /things/{{id}}:
    get:
      operationId: getThing
      summary: {hostile!r}
      parameters:
        - {{name: id, in: path, required: true, schema: {{type: string, pattern: '^x$'}}}}
      responses:
        '200': {{description: ok}}
""".replace("'", "'"),
        encoding="utf-8",
    )
    view = readme_view(_api(spec))
    for block in _blocks(view):
        assert "```" not in block and "script" not in block and "system" not in block
    # No valid value can be made from the name for that pattern: the example says `...`.
    assert view.call_arguments == "..."
    assert "```" not in view.operations[0].summary.replace("\\`", "")
