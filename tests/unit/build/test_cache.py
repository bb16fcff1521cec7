"""A regeneration that could not change anything is skipped; any change means a full run."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.build import cache, pipeline

ROOT = Path(__file__).resolve().parents[3]


def _generate(spec: Path, output: Path, *extra: str) -> int:
    return cli.main([*extra, "generate", str(spec), "-o", str(output), "-p", "pkg"])


@pytest.fixture
def multifile(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests" / "specs" / "multifile", tmp_path / "spec")
    return tmp_path / "spec" / "openapi.yaml"


def _generation_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = pipeline.generate

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "generate", counted)
    return calls


def test_an_unchanged_rerun_skips_generation(
    multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*")}
    assert _generate(multifile, output) == 0
    assert len(calls) == 1
    assert "nothing it depends on changed" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*")} == before


@pytest.mark.parametrize(
    "change",
    [
        "spec",
        "referenced file",
        "output file",
        "extra output file",
        "no-cache",
        "no-cache after the command",
    ],
)
def test_any_change_means_a_full_run(
    change: str, multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    extra: tuple[str, ...] = ()
    if change == "spec":
        multifile.write_text(multifile.read_text() + "\n# edited\n")
    elif change == "referenced file":
        referenced = multifile.parent / "responses.yaml"
        referenced.write_text(referenced.read_text() + "\n# edited\n")
    elif change == "output file":
        target = next(output.rglob("models.py"))
        target.write_text(target.read_text() + "# edited\n")
    elif change == "extra output file":
        (next(output.rglob("models.py")).parent / "stray.py").write_text("")
    elif change == "no-cache":
        extra = ("--no-cache",)
    if change == "no-cache after the command":
        status = cli.main(["generate", str(multifile), "-o", str(output), "-p", "pkg", "--no-cache"])
    else:
        status = _generate(multifile, output, *extra)
    assert status == 0
    assert len(calls) == 2
    if change in ("output file", "extra output file"):
        assert not (next(output.rglob("models.py")).parent / "stray.py").exists()
        assert "# edited" not in next(output.rglob("models.py")).read_text()


def test_an_up_to_date_check_imports_nothing_heavy() -> None:
    # The no-op path must stay a fraction of a full run even on a tiny spec, where importing
    # black, jinja2 and the validator would be most of the time (and multiprocessing, tomllib,
    # importlib.metadata or ctypes a good part of what is left). Post-render hooks need
    # subprocess, but only a run that generates runs them. (tempfile is not named: this
    # interpreter's site imports it before any of ours.)
    import subprocess
    import sys

    heavy = (
        "black",
        "jinja2",
        "openapi_spec_validator",
        "multiprocessing",
        "tomllib",
        "importlib.metadata",
        "ctypes",
        "generator.output.hooks",
        "subprocess",
        "shlex",
    )
    probe = f"import sys, generator.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert run.stdout.strip() == "[]", run.stdout


def _records(root: Path) -> dict[str, bytes]:
    runs = root / "runs"
    return {p.name: p.read_bytes() for p in runs.iterdir()} if runs.is_dir() else {}


@pytest.mark.parametrize("where", ["before", "after"])
def test_no_cache_writes_no_record(
    where: str, multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--no-cache used to skip reading the record only: it still wrote one."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    args = ["generate", str(multifile), "-o", str(tmp_path / "out"), "-p", "pkg"]
    args = ["--no-cache", *args] if where == "before" else [*args, "--no-cache"]
    assert cli.main(args) == 0
    assert not (tmp_path / "cache").exists()


def test_a_forged_record_is_not_believed(
    multifile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record rewritten by someone without the cache's key (here: to vouch for an edited
    output file) is ignored: the run regenerates and restores the file."""
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    models = next(output.rglob("models.py"))
    models.write_text(models.read_text() + "# edited\n")
    (name, sealed), = _records(tmp_path / "cache").items()
    # The seal is a fixed-size MAC in front of the JSON (searching for the first "{" would
    # sometimes land inside the MAC's random bytes).
    start = cache._MAC_BYTES
    entry = json.loads(sealed[start:])
    rel = models.relative_to(output).as_posix()
    entry["outputs"][rel] = hashlib.sha256(models.read_bytes()).hexdigest()
    forged = sealed[:start] + json.dumps(entry, sort_keys=True).encode()
    (tmp_path / "cache" / "runs" / name).write_bytes(forged)
    assert _generate(multifile, output) == 0
    assert len(calls) == 2
    assert "# edited" not in models.read_text()


def test_a_record_others_could_write_is_neither_read_nor_written(
    multifile: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    calls = _generation_counter(monkeypatch)
    output = tmp_path / "out"
    assert _generate(multifile, output) == 0
    (tmp_path / "cache" / "runs").chmod(0o777)
    records = _records(tmp_path / "cache")
    capsys.readouterr()
    assert _generate(multifile, output) == 0
    assert len(calls) == 2
    assert _records(tmp_path / "cache") == records
    warnings = [line for line in capsys.readouterr().err.splitlines() if "cache directory" in line]
    expected = (
        f"warning: not using the cache directory {tmp_path / 'cache' / 'runs'}: others can write"
        " to it (mode 0777); compiled templates and run records are neither read nor written"
        " (fix it, or set CLIENTGEN_CACHE_DIR)"
    )
    assert warnings == [expected]


def test_an_input_replaced_by_a_fifo_does_not_hang_the_up_to_date_check(
    multifile: Path, tmp_path: Path
) -> None:
    """The check hashed every recorded input with read_bytes(): a FIFO blocked it forever."""
    output = tmp_path / "out"
    env = {**os.environ, "CLIENTGEN_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "generate", str(multifile), "-o", str(output)]
    command += ["-p", "pkg"]
    first = subprocess.run(command, env=env, timeout=120, capture_output=True, check=False)
    assert first.returncode == 0, first.stderr
    referenced = multifile.parent / "responses.yaml"
    referenced.unlink()
    os.mkfifo(referenced)
    try:
        run = subprocess.run(
            command, env=env, timeout=60, capture_output=True, text=True, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the run hung on the FIFO")
    assert run.returncode == 1
    assert "error[load.not-regular]" in run.stderr and "responses.yaml" in run.stderr


@pytest.mark.parametrize("package", ["black", "jinja2", "markupsafe"])
def test_installed_versions_are_read_as_importlib_metadata_reads_them(package: str) -> None:
    from importlib import metadata

    assert cache.installed_version(package) == metadata.version(package)
