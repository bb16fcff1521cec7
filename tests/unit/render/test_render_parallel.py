"""A big spec's templates are rendered in two processes; the result is the one-process result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.tools import other_threads

import generator.render.engine as render_module
from generator import forked_call as background
from generator.build.pipeline import analyse

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "spec" / "face-person-group-training.yaml"


def _rendered(
    monkeypatch: pytest.MonkeyPatch, *, parallel_size: int, templates: tuple[Path, ...] = ()
) -> tuple[dict[str, str], list[str]]:
    api, diagnostics = analyse(SPEC, package="face_client")
    assert api is not None, diagnostics
    monkeypatch.setattr(render_module, "_PARALLEL_SIZE", parallel_size)
    files, problems = render_module.render(api, templates)
    return files, [f"{p.file}:{p.line}: {p.message}" for p in problems]


def test_two_processes_render_what_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    others = other_threads()
    assert background.can_fork(), (
        f"cannot fork, so the parallel path goes untested; threads still running: {others}"
    )
    forks: list[object] = []
    start = background.start

    def counted(function: Any, argument: Any) -> Any:
        forks.append(function)
        return start(function, argument)

    monkeypatch.setattr(background, "start", counted)
    together = _rendered(monkeypatch, parallel_size=10**9)
    assert render_module._render_jobs not in forks
    apart = _rendered(monkeypatch, parallel_size=0)
    assert forks.count(render_module._render_jobs) == 1
    assert apart == together
    assert list(apart[0]) == sorted(apart[0])


def test_template_errors_from_both_processes_come_in_manifest_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three broken templates, taken by whichever process comes first: the errors still come
    # in the manifest's order.
    templates = tmp_path / "templates"
    (templates / "package").mkdir(parents=True)
    for name in ("client.py.j2", "strategies.py.j2", "models.py.j2"):
        (templates / "package" / name).write_text("{{ api.no_such_field }}\n", encoding="utf-8")
    _, serial = _rendered(monkeypatch, parallel_size=10**9, templates=(templates,))
    _, parallel = _rendered(monkeypatch, parallel_size=0, templates=(templates,))
    assert len(serial) == 3
    assert parallel == serial


def test_what_a_dead_child_had_taken_is_rendered_here(monkeypatch: pytest.MonkeyPatch) -> None:
    together = _rendered(monkeypatch, parallel_size=10**9)

    start = background.start

    def died_after_taking_everything(function: Any, argument: Any) -> Any:
        if function is not render_module._render_jobs:
            return start(function, argument)
        function(argument)  # takes every template from the counter, then "dies"
        return lambda: ({}, {})

    monkeypatch.setattr(background, "start", died_after_taking_everything)
    assert _rendered(monkeypatch, parallel_size=0) == together
