"""Post-render hooks (generator/output/hooks.py): commands that rewrite the generated tree before it
is written, run directly and through the command line as users run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cli
from generator.build.progress import StageClock
from generator.output.atomic_write import MARKER
from generator.output.hooks import TAIL_LINES, run_hooks

ROOT = Path(__file__).resolve().parents[3]
SPEC = ROOT / "tests" / "specs" / "features31.yaml"
PY = sys.executable


def _py(code: str) -> tuple[str, ...]:
    """A hook running `code` with this interpreter (the tests need no other program)."""
    return (PY, "-c", code)


FILES: dict[str, str | bytes] = {
    "README.md": "# demo\n",
    "pkg/__init__.py": "X = 1\n",
    "pkg/data.bin": b"\xff\xfe\x00binary",
}


def test_no_hooks_is_the_same_tree(tmp_path: Path) -> None:
    files, diagnostics = run_hooks(FILES, (), package="pkg", directory=tmp_path)
    assert (files, diagnostics) == (FILES, ())


def test_hooks_change_add_and_delete_files(tmp_path: Path) -> None:
    append = (
        "import pathlib\n"
        "p = pathlib.Path('pkg/__init__.py')\n"
        "p.write_text(p.read_text() + 'Y = 2\\n')"
    )
    add = (
        "import pathlib\n"
        "pathlib.Path('pkg/sub').mkdir()\n"
        "pathlib.Path('pkg/sub/new.py').write_text('Z = 3\\n')"
    )
    hooks = (_py(append), _py(add), ("rm", "README.md"))
    files, diagnostics = run_hooks(FILES, hooks, package="pkg", directory=tmp_path)
    assert diagnostics == ()
    assert files == {
        "pkg/__init__.py": "X = 1\nY = 2\n",
        "pkg/sub/new.py": "Z = 3\n",
        "pkg/data.bin": b"\xff\xfe\x00binary",  # not UTF-8: read back as bytes, unchanged
    }
    assert list(tmp_path.iterdir()) == []  # the temporary tree is gone


def test_hooks_run_in_order_in_the_tree_with_its_environment(tmp_path: Path) -> None:
    record = (
        "import os, pathlib, sys; pathlib.Path('seen.txt').write_text(repr(("
        "os.environ['CLIENTGEN_PACKAGE'], os.environ['CLIENTGEN_OUTPUT'] == os.getcwd(),"
        " os.path.isfile('pkg/__init__.py'), sys.stdin.read())))"
    )
    second = "import pathlib; p = pathlib.Path('seen.txt'); p.write_text(p.read_text() + ' then 2')"
    files, diagnostics = run_hooks(FILES, (_py(record), _py(second)), package="my_pkg")
    assert diagnostics == ()
    assert files["seen.txt"] == "('my_pkg', True, True, '') then 2"  # stdin is closed: ''


def test_a_failing_hook_is_an_error_naming_it_and_its_output(tmp_path: Path) -> None:
    marker = tmp_path / "third-hook-ran"
    hooks = (
        _py("pass"),
        _py(
            "import sys\n"
            "for i in range(30): print('line', i)\n"
            "print('oops', file=sys.stderr)\n"
            "sys.exit(3)"
        ),
        ("touch", str(marker)),
    )
    work = tmp_path / "work"
    work.mkdir()
    files, diagnostics = run_hooks(FILES, hooks, package="pkg", directory=work)
    assert files == {}
    (diagnostic,) = diagnostics
    assert (diagnostic.code, diagnostic.severity.value) == ("hook.failed", "error")
    assert diagnostic.pointer == "post_render[1]"
    assert diagnostic.message.startswith(f"hook `{PY} -c ")
    assert "exited with status 3" in diagnostic.message
    assert "line 29 ⏎ oops" in diagnostic.message  # stdout and stderr, in order
    assert "line 11" in diagnostic.message and "line 10 " not in diagnostic.message
    assert diagnostic.message.count(" ⏎ ") == TAIL_LINES - 1
    assert "\n" not in diagnostic.format()
    assert not marker.exists()  # later hooks do not run
    assert list(work.iterdir()) == []


def test_a_missing_program_is_not_found(tmp_path: Path) -> None:
    hooks = (("clientgen-no-such-program", "--fix"),)
    files, diagnostics = run_hooks(FILES, hooks, package="pkg", directory=tmp_path)
    assert files == {}
    assert [(d.code, d.pointer) for d in diagnostics] == [("hook.not-found", "post_render[0]")]
    assert "`clientgen-no-such-program --fix`" in diagnostics[0].message
    assert list(tmp_path.iterdir()) == []


def test_a_hook_that_runs_too_long_is_stopped_with_what_it_started(tmp_path: Path) -> None:
    # The hook starts a child that would hold the output pipe open for a minute.
    code = (
        "import subprocess, sys, time; print('started', flush=True);"
        f" subprocess.Popen([{PY!r}, '-c', 'import time; time.sleep(60)']); time.sleep(60)"
    )
    started = time.monotonic()
    files, diagnostics = run_hooks(
        FILES, (_py(code),), package="pkg", timeout=1.0, directory=tmp_path
    )
    assert time.monotonic() - started < 20
    assert files == {}
    assert [d.code for d in diagnostics] == ["hook.timeout"]
    assert "did not finish within 1 s" in diagnostics[0].message
    assert "started" in diagnostics[0].message
    assert list(tmp_path.iterdir()) == []


def test_tool_caches_are_not_read_back(tmp_path: Path) -> None:
    code = (
        "import pathlib\nfor p in ('.ruff_cache/0.1/x', 'pkg/__pycache__/a.pyc', 'pkg/b.pyc'):\n"
        "    pathlib.Path(p).parent.mkdir(parents=True, exist_ok=True)\n"
        "    pathlib.Path(p).write_text('cache')"
    )
    files, diagnostics = run_hooks(FILES, (_py(code),), package="pkg", directory=tmp_path)
    assert (files, diagnostics) == (FILES, ())


def test_a_symlink_left_by_a_hook_is_refused(tmp_path: Path) -> None:
    code = "import os; os.symlink('/etc/passwd', 'pkg/passwd')"
    files, diagnostics = run_hooks(FILES, (_py(code),), package="pkg", directory=tmp_path)
    assert files == {}
    assert [d.code for d in diagnostics] == ["hook.unsupported-file"]
    assert "'pkg/passwd'" in diagnostics[0].message


def test_a_tree_a_hook_made_unreadable_is_still_removed(tmp_path: Path) -> None:
    code = "import os; os.chmod('pkg', 0); raise SystemExit(1)"
    # (Run as root, nothing is unreadable and this holds trivially.)
    _, diagnostics = run_hooks(FILES, (_py(code),), package="pkg", directory=tmp_path)
    assert [d.code for d in diagnostics] == ["hook.failed"]
    assert list(tmp_path.iterdir()) == []


# The command line, in a subprocess, as users run it.


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(cwd / "tmp")}
    (cwd / "tmp").mkdir(exist_ok=True)
    return subprocess.run(
        [PY, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )


def _project(tmp_path: Path, hooks: str) -> Path:
    shutil.copy(SPEC, tmp_path / "api.yaml")
    (tmp_path / "pyproject.toml").write_text(
        "[[tool.clientgen.clients]]\n"
        'spec = "api.yaml"\n'
        'output = "out"\n'
        'package = "feat"\n'
        f"post_render = {hooks}\n",
        encoding="utf-8",
    )
    return tmp_path / "out"


def _toml_argv(*argv: str) -> str:
    """An argv array in TOML (a JSON string is a TOML basic string)."""
    return "[" + ", ".join(json.dumps(arg) for arg in argv) + "]"


def test_a_failing_hook_aborts_the_run_and_writes_nothing(tmp_path: Path) -> None:
    failing = _toml_argv(PY, "-c", "import sys; print('lint: 2 problems'); sys.exit(1)")
    output = _project(tmp_path, f"[{failing}]")
    output.mkdir()
    (output / "keep.txt").write_text("previous output", encoding="utf-8")
    result = _run(cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{output}: error[hook.failed] at post_render[0]: hook `{PY} -c " in result.stderr
    assert "exited with status 1; its output ended: lint: 2 problems" in result.stderr
    assert "nothing was written" in result.stderr
    assert [p.name for p in output.iterdir()] == ["keep.txt"]
    assert list((tmp_path / "tmp").iterdir()) == []  # no temporary tree left behind


def test_a_missing_hook_program_through_the_command_line(tmp_path: Path) -> None:
    output = _project(tmp_path, '["clientgen-no-such-linter --fix ."]')
    result = _run(cwd=tmp_path)
    assert result.returncode == 1
    assert "error[hook.not-found] at post_render[0]" in result.stderr
    assert "`clientgen-no-such-linter --fix .`" in result.stderr
    assert "Traceback" not in result.stderr and not output.exists()


STAMP = "import pathlib; pathlib.Path('HOOKED.txt').write_text('{}')"


def test_check_and_the_cache_see_the_hooked_tree(tmp_path: Path) -> None:
    output = _project(tmp_path, f"[{_toml_argv(PY, '-c', STAMP.format('one'))}]")
    first = _run(cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (output / "HOOKED.txt").read_text() == "one"
    assert (output / "feat" / "models.py").is_file()

    check = _run("--check", cwd=tmp_path)  # runs the hooks too, so the tree compares equal
    assert check.returncode == 0, check.stderr
    on_disk = sum(1 for path in output.rglob("*") if path.is_file() and path.name != MARKER)
    assert f"is up to date ({on_disk} files)" in check.stdout  # HOOKED.txt counted

    again = _run(cwd=tmp_path)
    assert again.returncode == 0
    assert "nothing it depends on changed" in again.stdout

    # A changed hook changes the output: the record of the last run no longer matches.
    _project(tmp_path, f"[{_toml_argv(PY, '-c', STAMP.format('two'))}]")
    stale = _run("--check", cwd=tmp_path)
    assert stale.returncode == 1
    assert "HOOKED.txt" in stale.stderr
    changed = _run(cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert "nothing it depends on changed" not in changed.stdout
    assert (output / "HOOKED.txt").read_text() == "two"


def test_generate_takes_post_render_commands(tmp_path: Path) -> None:
    output = tmp_path / "out"
    hook = f"{PY} -c \"{STAMP.format('cli')}\""
    args = ("generate", str(SPEC), "-o", str(output), "-p", "feat")
    hooks = ("--post-render", hook, "--post-render", "rm README.md")
    result = _run(*args, *hooks, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (output / "HOOKED.txt").read_text() == "cli"
    assert not (output / "README.md").exists()
    with_hooks = _run(*args, "--check", *hooks, cwd=tmp_path)
    assert with_hooks.returncode == 0, with_hooks.stderr
    without = _run(*args, "--check", cwd=tmp_path)
    assert without.returncode == 1
    assert "HOOKED.txt" in without.stderr and "README.md" in without.stderr
    unclosed = _run(*args, "--post-render", "echo 'unclosed", cwd=tmp_path)
    assert unclosed.returncode == 2
    assert "No closing quotation" in unclosed.stderr


def test_the_stage_clock_shows_the_hooks_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stages: list[str] = []

    class Recorder(StageClock):
        def __call__(self, stage: str) -> None:
            stages.append(stage)
            super().__call__(stage)

    monkeypatch.setattr(cli, "StageClock", Recorder)
    args = ["generate", str(SPEC), "-o", str(tmp_path / "out"), "-p", "feat"]
    assert cli.main([*args, "--post-render", f"{PY} -c pass"]) == 0
    assert stages[-3:] == ["validate", "hooks", "write"]
    stages.clear()
    assert cli.main(["--no-cache", *args]) == 0  # no hooks, no hooks stage
    assert "hooks" not in stages


def test_an_up_to_date_run_with_hooks_starts_no_process_machinery(tmp_path: Path) -> None:
    output = _project(tmp_path, f"[{_toml_argv(PY, '-c', STAMP.format('one'))}]")
    assert _run(cwd=tmp_path).returncode == 0
    probe = (
        "import sys; from generator import cli; status = cli.main([]);"
        " print(status, sorted(m for m in ('subprocess', 'generator.output.hooks', 'jinja2', 'black')"
        " if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [PY, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, check=True
    )
    assert "nothing it depends on changed" in run.stdout
    assert run.stdout.strip().endswith("0 []"), run.stdout
    assert (output / "HOOKED.txt").is_file()


def test_ruff_fix_as_a_hook(tmp_path: Path) -> None:
    # ruff is a test dependency (pyproject.toml's test extra); run the installed one.
    add = (
        "import pathlib\n"
        "pathlib.Path('feat/extra.py').write_text('import os\\nimport sys\\n\\nprint(sys.argv)\\n')"
    )
    ruff = _toml_argv(PY, "-m", "ruff", "check", "--fix", "--quiet", ".")
    hooks = f"[{_toml_argv(PY, '-c', add)}, {ruff}]"
    output = _project(tmp_path, hooks)
    result = _run(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (output / "feat" / "extra.py").read_text() == "import sys\n\nprint(sys.argv)\n"
    assert not (output / ".ruff_cache").exists()
    # The generated code itself already passes ruff: the hook left it exactly as generated.
    plain = tmp_path / "plain"
    assert _run("generate", str(SPEC), "-o", str(plain), "-p", "feat", cwd=tmp_path).returncode == 0
    hooked = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert hooked == sorted(
        [p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file()]
        + ["feat/extra.py"]
    )
    for path in plain.rglob("*"):
        if path.is_file() and path.name != MARKER:  # the marker lists extra.py too
            assert path.read_bytes() == (output / path.relative_to(plain)).read_bytes(), path


@pytest.mark.parametrize("strict", [False, True])
def test_the_options_reach_the_output(tmp_path: Path, strict: bool) -> None:
    odd = tmp_path / "odd.yaml"
    odd.write_text(
        "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths:\n  /a:\n    get:\n"
        "      title: not allowed here\n      responses:\n        '200': {description: ok}\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.clientgen.clients]]\nspec = "odd.yaml"\noutput = "out"\npackage = "odd"\n'
        "[tool.clientgen.clients.options]\n"
        'package_version = "2.3.0rc1"\ndistribution_name = "acme-odd"\n'
        f"strict = {str(strict).lower()}\n",
        encoding="utf-8",
    )
    result = _run(cwd=tmp_path)
    if strict:  # the option makes the validator's finding an error, as --strict does
        assert result.returncode == 1 and "error[validate.schema]" in result.stderr
        assert not (tmp_path / "out").exists()
        return
    assert result.returncode == 0, result.stderr
    assert "warning[validate.schema]" in result.stderr
    pyproject = (tmp_path / "out" / "pyproject.toml").read_text()
    assert 'name = "acme-odd"' in pyproject and 'version = "2.3.0rc1"' in pyproject
    assert '__version__ = "2.3.0rc1"' in (tmp_path / "out" / "odd" / "__init__.py").read_text()
    assert "acme-odd/2.3.0rc1" in (tmp_path / "out" / "odd" / "client.py").read_text()
    # The flag still wins: --strict on the command line makes this client strict too.
    assert _run("--strict", "--no-cache", cwd=tmp_path).returncode == 1


def test_hooks_run_beside_the_output_so_tools_find_the_projects_configuration(
    tmp_path: Path,
) -> None:
    output = tmp_path / "generated" / "out"
    hook = f"{PY} -c \"import os; open('WHERE.txt', 'w').write(os.getcwd())\""
    result = _run("generate", str(SPEC), "-o", str(output), "-p", "feat", "--post-render", hook,
                  cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    where = Path((output / "WHERE.txt").read_text())
    assert where.parent == output.parent
    assert where.name.startswith(".clientgen-hooks-")
    assert not where.exists()  # removed after the run
    assert sorted(p.name for p in output.parent.iterdir()) == ["out"]
