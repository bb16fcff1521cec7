"""bench/apisguru.py without npm or generators: the seeded sample, the ratio and summary
arithmetic, how a failure is told, and the safe extraction of the npm tarball."""

from __future__ import annotations

import io
import math
import sys
import tarfile
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
# bench/ is not a package: its modules import each other by name, as bench/run runs them.
sys.path.insert(0, str(BENCH))
import apisguru
from _common import ChildResult, run_child
from apisguru import Candidate, SpecResult, draw, summarise


def _pool(count: int, size: int = 1000) -> list[Candidate]:
    return [Candidate(f"api/s{i:02d}.json", Path(f"s{i:02d}.json"), size) for i in range(count)]


def _names(candidates: list[Candidate]) -> list[str]:
    return [c.name for c in candidates]


# --------------------------------------------------------------------------- the sample


def test_the_sample_is_fixed_by_the_seed() -> None:
    # Pinned: a change to the draw changes every number of the benchmark, so it must be seen.
    sample, _ = draw(_pool(20), 4, seed=21)
    assert _names(sample) == ["api/s01.json", "api/s04.json", "api/s11.json", "api/s16.json"]
    assert apisguru.SEED == 21


def test_the_sample_does_not_depend_on_the_order_of_the_listing() -> None:
    pool = _pool(50)
    sample, _ = draw(pool, 10)
    assert draw(list(reversed(pool)), 10)[0] == sample
    assert _names(sample) == sorted(_names(sample))
    assert len(set(_names(sample))) == 10


def test_another_seed_draws_another_sample() -> None:
    assert draw(_pool(50), 10, seed=1)[0] != draw(_pool(50), 10, seed=2)[0]


def test_a_smaller_sample_is_part_of_a_larger_one() -> None:
    small, _ = draw(_pool(80), 5)
    large, _ = draw(_pool(80), 30)
    assert set(_names(small)) <= set(_names(large))


def test_documents_over_the_size_limit_are_left_out_and_named() -> None:
    pool = _pool(10)
    big = Candidate("api/big.json", Path("big.json"), 6_000_000)
    sample, too_big = draw([*pool, big], 11, max_bytes=5_000_000)
    assert too_big == [big]
    assert _names(sample) == _names(pool)  # all the others: the sample asked for more


def test_candidates_are_the_json_documents_under_api_sorted(tmp_path: Path) -> None:
    for name in ("api/b.com.json", "api/a.com/v2.json", "api/a.com/v1.json", "api/_index.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "package.json").write_text("{}", encoding="utf-8")
    found = apisguru.candidates(tmp_path)
    assert _names(found) == ["api/a.com/v1.json", "api/a.com/v2.json", "api/b.com.json"]
    assert all(c.size == 2 for c in found)


def test_the_sample_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(apisguru.SAMPLE_ENV, raising=False)
    monkeypatch.delenv(apisguru.ROUNDS_ENV, raising=False)
    sizes = (apisguru.sample_size(smoke=False), apisguru.sample_size(smoke=True))
    assert (*sizes, apisguru.rounds()) == (300, 5, 1)
    monkeypatch.setenv(apisguru.SAMPLE_ENV, "40")
    monkeypatch.setenv(apisguru.ROUNDS_ENV, "3")
    sizes = (apisguru.sample_size(smoke=False), apisguru.sample_size(smoke=True))
    assert (*sizes, apisguru.rounds()) == (40, 40, 3)


# --------------------------------------------------------------------------- the arithmetic


def test_the_ratio_of_a_spec_is_opc_median_over_ours() -> None:
    result = SpecResult("api/x.json", 10, ours=[1.0, 4.0, 2.0], opc=[6.0, 5.0, 9.0])
    assert result.ratio == pytest.approx(6.0 / 2.0)
    assert math.isnan(SpecResult("api/y.json", 10, ours=[1.0], opc_failure="exit 1: x").ratio)
    assert math.isnan(SpecResult("api/z.json", 10, opc=[1.0], ours_failure="exit 1: x").ratio)


def test_the_summary_counts_only_specs_both_handle() -> None:
    results = [
        SpecResult("api/a.json", 1, ours=[1.0], opc=[3.0]),  # 3.0
        SpecResult("api/b.json", 1, ours=[2.0], opc=[1.0]),  # 0.5: slower
        SpecResult("api/c.json", 1, ours=[1.0], opc=[2.5]),  # 2.5
        SpecResult("api/d.json", 1, ours=[4.0], opc=[4.0]),  # 1.0: a tie is not faster
        SpecResult("api/e.json", 1, ours=[1.0], opc=[1.5]),  # 1.5
        SpecResult("api/f.json", 1, ours=[0.1], opc_failure="exit 1: opc failed"),
        SpecResult("api/g.json", 1, opc=[9.0], ours_failure="timeout after 120 s"),
    ]
    summary = summarise(results, worst=2)
    assert (summary.specs, summary.ours_ok, summary.opc_ok, summary.both_ok) == (7, 6, 6, 5)
    assert summary.median_ratio == pytest.approx(1.5)
    assert summary.faster == 3
    assert summary.faster_share == pytest.approx(0.6)
    assert summary.median_ours == pytest.approx(1.0)
    assert summary.median_opc == pytest.approx(2.5)
    assert summary.total_ratio == pytest.approx(12.0 / 9.0)
    assert [r.name for r in summary.worst] == ["api/b.json", "api/d.json"]
    assert not summary.meets_target


def test_like_for_like_leaves_out_the_specs_opc_generated_only_in_part() -> None:
    results = [
        SpecResult("api/a.json", 1, ours=[1.0], opc=[3.0]),
        SpecResult("api/b.json", 1, ours=[4.0], opc=[1.0], opc_skipped=76),
        SpecResult("api/c.json", 1, ours=[1.0], opc=[0.8]),
    ]
    summary = summarise(results)
    assert (summary.both_ok, summary.complete, summary.faster_complete) == (3, 2, 1)
    assert summary.median_ratio == pytest.approx(0.8)
    assert summary.median_ratio_complete == pytest.approx((3.0 + 0.8) / 2)


def test_the_target_needs_both_the_median_and_the_share() -> None:
    fast = [SpecResult(f"api/{i}.json", 1, ours=[1.0], opc=[3.0]) for i in range(9)]
    slow = SpecResult("api/slow.json", 1, ours=[1.0], opc=[0.5])
    assert summarise([*fast, slow]).meets_target  # 90% faster, median 3.0
    assert not summarise([*fast, slow, slow]).meets_target  # 9 of 11: under 90%
    tight = [SpecResult(f"api/{i}.json", 1, ours=[1.0], opc=[1.9]) for i in range(10)]
    assert not summarise(tight).meets_target  # all faster, median 1.9


def test_an_empty_summary_is_nan_not_an_error() -> None:
    summary = summarise([SpecResult("api/a.json", 1, ours_failure="exit 1: x")])
    assert summary.both_ok == 0
    assert math.isnan(summary.median_ratio) and math.isnan(summary.faster_share)
    assert not summary.meets_target


def test_the_report_shows_the_counts_the_worst_and_our_failures() -> None:
    results = [
        SpecResult("api/a.json", 2_000_000, "3.0.0", ours=[1.0], opc=[3.0], opc_skipped=4),
        SpecResult("api/b.json", 1000, "3.1.0", ours_failure="exit 1: error[E1] bad spec"),
    ]
    big = Candidate("api/huge.json", Path("huge.json"), 20_000_000)
    text = apisguru._report(results, [big], 2639, 1, None, False).markdown()
    assert "| median ratio opc / ours (specs both handle) | 3.00×" in " ".join(text.split())
    assert "api/huge.json (20.0 MB)" in text
    assert "error[E1] bad spec" in text
    assert "3.0.0 × 1, 3.1.0 × 1" in text
    assert "left endpoints out (with a warning, exit 0) on 1 of the specs both handle, 4" in text
    assert "| api/a.json | 2.00 | 1.00 | 3.00 | 3.00× | 4 |" in " ".join(text.split())


# --------------------------------------------------------------------------- failures


def _child(output: str, returncode: int = 1, timed_out: bool = False) -> ChildResult:
    return ChildResult(["x"], returncode, 120.4, 50.0, output, timed_out)


def test_a_failure_is_told_by_its_first_error_line() -> None:
    output = "loading spec\nerror[PARSE] /paths/~1a: bad\nerror[PARSE] /paths/~1b: worse\n"
    assert apisguru.first_error_line(_child(output)) == "exit 1: error[PARSE] /paths/~1a: bad"
    assert apisguru.first_error_line(_child("just this\n", 2)) == "exit 2: just this"
    assert apisguru.first_error_line(_child("", -9)) == "signal 9: (no output)"
    assert apisguru.first_error_line(_child("x", -9, True)) == "timeout after 120 s"


def test_a_failure_names_the_spec_by_its_name_in_the_directory() -> None:
    spec = Candidate("api/a.com.json", Path("/cache/package/api/a.com.json"), 10)
    output = "/cache/package/api/a.com.json:1:5: error[name-not-a-token] at /x: bad\n"
    assert apisguru.first_error_line(_child(output), spec) == (
        "exit 1: api/a.com.json:1:5: error[name-not-a-token] at /x: bad"
    )


# --------------------------------------------------------------------------- the tarball


def _tarball(path: Path, members: list[tuple[str, bytes | None, bytes]]) -> Path:
    """(name, link target or None, content) -> a .tgz at `path`."""
    with tarfile.open(path, "w:gz") as archive:
        for name, link, content in members:
            info = tarfile.TarInfo(name)
            if link is not None:
                info.type = tarfile.SYMTYPE
                info.linkname = link.decode()
                archive.addfile(info)
            else:
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
    return path


def test_a_tarball_is_extracted_under_package(tmp_path: Path) -> None:
    tarball = _tarball(
        tmp_path / "ok.tgz",
        [("package/package.json", None, b"{}"), ("package/api/a.json", None, b'{"x": 1}')],
    )
    apisguru.extract(tarball, tmp_path / "out")
    assert (tmp_path / "out/package/api/a.json").read_bytes() == b'{"x": 1}'


@pytest.mark.parametrize(
    ("name", "link"),
    [
        ("package/api/link.json", b"/etc/passwd"),
        ("package/../../escape.json", None),
        ("/abs/package/a.json", None),
        ("other/a.json", None),
    ],
)
def test_an_unsafe_tarball_is_refused_whole(tmp_path: Path, name: str, link: bytes | None) -> None:
    tarball = _tarball(tmp_path / "bad.tgz", [("package/a.json", None, b"{}"), (name, link, b"{}")])
    with pytest.raises(apisguru.UnsafeArchive):
        apisguru.extract(tarball, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # checked before anything is written
    assert not (tmp_path.parent / "escape.json").exists()


def test_a_filled_cache_needs_no_npm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(apisguru.shutil, "which", lambda name: None)  # no npm on this machine
    with pytest.raises(apisguru.Unavailable, match="npm not found"):
        apisguru.directory(tmp_path)
    root = tmp_path / f"{apisguru.NPM_PACKAGE}-{apisguru.NPM_VERSION}"
    (root / "package").mkdir(parents=True)
    (root / ".complete").write_text("done\n", encoding="utf-8")
    assert apisguru.directory(tmp_path) == root / "package"


def test_a_tarball_with_another_checksum_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apisguru.shutil, "which", lambda name: None)
    name = f"{apisguru.NPM_PACKAGE}-{apisguru.NPM_VERSION}.tgz"
    _tarball(tmp_path / name, [("package/api/a.json", None, b"{}")])
    with pytest.raises(apisguru.Unavailable, match="not the pinned"):
        apisguru.directory(tmp_path)
    assert not (tmp_path / name).exists()  # removed, so the next run fetches it again


# --------------------------------------------------------------------------- memory of workers


_WORKERS = """
import subprocess, sys, time
held = b"x" * 80_000_000
child = subprocess.Popen([sys.executable, "-c", "b = b'x' * 80_000_000; import time; time.sleep(1.5)"])
time.sleep(1.5)
child.wait()
"""


def test_the_group_rss_adds_up_the_workers(tmp_path: Path) -> None:
    result = run_child([sys.executable, "-c", _WORKERS], cwd=tmp_path, timeout=60, group_rss=True)
    assert result.ok, result.output
    if not Path("/proc/self/stat").exists():  # not Linux: no sampling, and it says so
        assert result.group_peak_mib is None
        return
    assert result.group_peak_mib is not None
    assert result.peak_mib > 75  # the largest process alone
    # Both processes at once. (The largest process alone is not compared: wait4 counts what a
    # child shared with this process between fork and exec, so under a big test runner it is
    # larger than the child ever was.)
    assert result.group_peak_mib > 150
    assert (
        run_child([sys.executable, "-c", "pass"], cwd=tmp_path, timeout=60).group_peak_mib is None
    )
