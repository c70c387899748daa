"""rakparse batch: inputs, output paths, shards, manifest, resume, fail-fast, jobs, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batchdata import ROOT, make_archive, manifest_without_seconds, tree

from rakparse.batch import (
    MANIFEST_KEYS,
    BatchEvent,
    BatchInput,
    BatchOptions,
    collect_inputs,
    manifest_entries,
    run_batch,
    safe_output_path,
    select_shard,
    shard_of,
)
from rakparse.errors import UsageError


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    make_archive(tmp_path / "in")
    return tmp_path / "in"


# --------------------------------------------------------------------------- inputs


def test_folder_inputs_mirror_the_tree(archive: Path) -> None:
    inputs = collect_inputs([archive])
    assert [item.relative for item in inputs] == [
        "2022/rak-badung.txt",
        "2022/rak-tabanan.txt",
        "2023/rak-badung.txt",
        "2023/rak-tabanan.txt",
        "2023/rusak.txt",
    ]


def test_files_and_globs_share_one_base(archive: Path) -> None:
    inputs = collect_inputs([archive / "2022" / "rak-badung.txt", str(archive / "2023" / "*.txt")])
    assert [item.relative for item in inputs] == [
        "2022/rak-badung.txt",
        "2023/rak-badung.txt",
        "2023/rak-tabanan.txt",
        "2023/rusak.txt",
    ]


def test_walk_skips_hidden_files_other_suffixes_and_the_output_folder(archive: Path) -> None:
    (archive / ".hidden.txt").write_text("x")
    (archive / "notes.docx").write_text("x")
    (archive / "out").mkdir()
    (archive / "out" / "old.txt").write_text("x")
    inputs = collect_inputs([archive], outdir=archive / "out")
    assert not any("hidden" in i.relative or "docx" in i.relative or "out/" in i.relative for i in inputs)


@pytest.mark.parametrize("argument", ["missing-folder", "nothing-*.pdf"])
def test_missing_inputs_are_usage_errors(tmp_path: Path, argument: str) -> None:
    with pytest.raises(UsageError):
        collect_inputs([str(tmp_path / argument)])


@pytest.mark.parametrize("relative", ["../x.json", "/etc/x.json", "a/../../x.json", "..", ""])
def test_outputs_never_leave_outdir(tmp_path: Path, relative: str) -> None:
    with pytest.raises(UsageError):
        safe_output_path(tmp_path, relative)


def test_a_symlink_in_outdir_cannot_lead_outside(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "2023").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UsageError):
        safe_output_path(tmp_path / "out", "2023/rak.txt.json")


def test_strange_file_names_stay_inside(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sample = (ROOT / "samples" / "kpu-tabanan-2023.txt").read_bytes()
    for name in ("a..txt", "a b,c:d%.txt", "new\nline.txt", "-rf.txt"):
        (folder / name).write_bytes(sample)
    report = run_batch([folder], BatchOptions(str(tmp_path / "out"), convert=_nofix()))
    assert report.failed == 0 and report.total == 4
    assert sorted(tree(tmp_path / "out")) == sorted(
        f"{n}.json" for n in ("a..txt", "a b,c:d%.txt", "new\nline.txt", "-rf.txt")
    )


# --------------------------------------------------------------------------- shards


def test_shards_partition_the_inputs() -> None:
    inputs = [BatchInput(f"in/{n}.txt", f"{n}.txt") for n in range(200)]
    shares = [select_shard(inputs, (index, 3)) for index in (1, 2, 3)]
    assert sorted(i.relative for share in shares for i in share) == sorted(i.relative for i in inputs)
    assert all(40 < len(share) < 95 for share in shares)
    assert shard_of("2023/rak.pdf", 4) == shard_of("2023/rak.pdf", 4)  # stable across runs and machines


def test_sharded_runs_together_equal_one_run(tmp_path: Path, archive: Path) -> None:
    whole, split = tmp_path / "whole", tmp_path / "split"
    run_batch([archive], BatchOptions(str(whole), convert=_nofix()))
    for index in (1, 2, 3):
        run_batch([archive], BatchOptions(str(split), convert=_nofix(), shard=(index, 3)))
    assert tree(split) == tree(whole)
    assert sorted(manifest_entries(split)) == sorted(manifest_entries(whole))
    assert len(list(split.glob("rakparse-manifest.shard-*-of-3.jsonl"))) == 3


# --------------------------------------------------------------------------- manifest and resume


def _nofix():  # type: ignore[no-untyped-def]
    from rakparse.options import ConvertOptions

    return ConvertOptions(fix=False)


def test_manifest_has_one_line_per_file_with_the_contract_keys(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out"
    events: list[BatchEvent] = []
    report = run_batch([archive], BatchOptions(str(out), convert=_nofix()), events.append)
    assert (report.total, report.failed, report.ok + report.warnings) == (5, 1, 4)
    lines = (out / "rakparse-manifest.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert all(tuple(entry) == MANIFEST_KEYS for entry in entries)
    by_input = {Path(e["input"]).name: e for e in entries}
    bad = by_input["rusak.txt"]
    assert bad["status"] == "failed" and bad["output"] is None and "no RAK table" in bad["error"]
    good = by_input["rak-badung.txt"]
    assert good["status"] in ("ok", "warnings") and good["rows"] > 0 and good["pages"] == 5
    assert (out / good["output"]).is_file() and good["options"]["format"] == "json"
    assert [e.kind for e in events] == ["start"] + ["file"] * 5
    assert events[-1].done == events[-1].total == 5


def test_resume_skips_done_files_and_retries_failed_ones(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out"
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    (archive / "2023" / "rusak.txt").write_bytes((archive / "2023" / "rak-badung.txt").read_bytes())
    (archive / "2022" / "rak-badung.txt").write_text(
        (archive / "2022" / "rak-badung.txt").read_text(encoding="utf-8").replace("Badung", "Buleleng"),
        encoding="utf-8",
    )
    events: list[BatchEvent] = []
    report = run_batch([archive], BatchOptions(str(out), convert=_nofix(), resume=True), events.append)
    converted = sorted(Path(e.outcome.input).name for e in events if e.kind == "file" and e.outcome)
    assert converted == ["rak-badung.txt", "rusak.txt"]  # the changed file and the failed one
    assert report.skipped == 3 and report.failed == 0
    assert "Buleleng" in (out / "2022" / "rak-badung.txt.json").read_text(encoding="utf-8")


def test_resume_with_other_options_redoes_everything(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out"
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    report = run_batch([archive], BatchOptions(str(out), resume=True))
    assert report.skipped == 0


def test_resume_redoes_a_deleted_output(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out"
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    (out / "2022" / "rak-tabanan.txt.json").unlink()
    report = run_batch([archive], BatchOptions(str(out), convert=_nofix(), resume=True))
    assert report.skipped == 3 and (out / "2022" / "rak-tabanan.txt.json").is_file()


def test_resume_after_a_half_written_line_and_a_temporary_file(tmp_path: Path, archive: Path) -> None:
    """What SIGKILL can leave at its worst moments, made by hand: the resumed result is the same."""
    reference, out = tmp_path / "reference", tmp_path / "out"
    run_batch([archive], BatchOptions(str(reference), convert=_nofix()))
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    manifest = out / "rakparse-manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")  # killed while writing line 3
    (out / "2023" / ".rak-tabanan.txt.json.x1y2.part").write_bytes(b'{"schema": "rakp')
    (out / "2023" / "rak-tabanan.txt.json").unlink()
    run_batch([archive], BatchOptions(str(out), convert=_nofix(), resume=True))
    assert tree(out) == tree(reference)
    assert manifest_without_seconds(manifest) == manifest_without_seconds(
        reference / "rakparse-manifest.jsonl"
    )


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path, archive: Path) -> None:
    report = run_batch([archive], BatchOptions(str(tmp_path / "out"), convert=_nofix(), fail_fast=True))
    assert report.stopped and report.failed == 1
    assert Path(report.failures[0].input).name == "rusak.txt"


def test_a_failure_removes_a_stale_output(tmp_path: Path, archive: Path) -> None:
    out = tmp_path / "out"
    (out / "2023").mkdir(parents=True)
    (out / "2023" / "rusak.txt.json").write_text("{}")
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    assert not (out / "2023" / "rusak.txt.json").exists()


def test_outputs_are_the_same_bytes_whatever_jobs_is(tmp_path: Path, archive: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch([archive], BatchOptions(str(one), format="csv"))
    run_batch([archive], BatchOptions(str(two), format="csv", jobs=2))
    assert tree(one) == tree(two) and len(tree(one)) == 4
    assert manifest_without_seconds(one / "rakparse-manifest.jsonl") == manifest_without_seconds(
        two / "rakparse-manifest.jsonl"
    )


def test_batch_outputs_validate(tmp_path: Path, archive: Path) -> None:
    from rakparse.validate import exit_code, validate_paths

    out = tmp_path / "out"
    run_batch([archive], BatchOptions(str(out), convert=_nofix()))
    run_batch([archive], BatchOptions(str(out), format="csv", convert=_nofix()))
    results = validate_paths([out])
    assert len(results) == 8 and exit_code(results) == 0


# --------------------------------------------------------------------------- convert_many


def test_convert_many_yields_documents_and_errors_in_order(archive: Path) -> None:
    import rakparse

    paths = sorted(archive.rglob("*.txt"))
    for jobs in (1, 2):
        results = list(rakparse.convert_many(paths, jobs=jobs, fix=False))
        assert [r.path for r in results] == [os.fspath(p) for p in paths]
        assert [r.ok for r in results] == [p.name != "rusak.txt" for p in paths]
        failed = next(r for r in results if not r.ok)
        assert failed.error is not None and failed.error.exit_code == 2 and failed.document is None
        years = [r.document.year for r in results if r.document]
        assert years == [2022, 2022, 2023, 2023]


# --------------------------------------------------------------------------- CLI


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rakparse", "batch", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_cli_batch_exit_codes_plain_lines_and_summary(tmp_path: Path, archive: Path) -> None:
    result = run(str(archive), "-o", str(tmp_path / "out"), "--no-fix")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"rakparse: error: 1 of 5 files failed; see {tmp_path / 'out' / 'rakparse-manifest.jsonl'}"
    ]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("[1/5] ") and sum(line.startswith("[") for line in lines) == 5
    assert "rakparse batch" in result.stdout and "manifest:" in result.stdout
    (archive / "2023" / "rusak.txt").unlink()
    again = run(str(archive), "-o", str(tmp_path / "out"), "--no-fix", "--resume", "--quiet")
    assert again.returncode == 0, again.stderr
    assert not any(line.startswith("[") for line in again.stdout.splitlines())


def test_cli_batch_usage_errors(tmp_path: Path) -> None:
    for args in (["nowhere", "-o", str(tmp_path)], [".", "-o", str(tmp_path), "--shard", "4/3"]):
        result = run(*args)
        assert result.returncode == 2 and result.stderr.startswith("rakparse: error: "), result.stderr
        assert "Traceback" not in result.stderr


def test_cli_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, rakparse.cli; "
        "heavy = {'pandas', 'pdfplumber', 'jsonschema', 'dask', 'distributed', 'openpyxl'}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m == 'rich.progress'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "[]"
