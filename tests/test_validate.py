"""rakparse validate: the broken-file corpus, line numbers, reporters and exit codes.

The corpus is discovered from ``tests/data/invalid/``; every file there must be in
``EXPECTED`` with the one problem it gives (code and line), so a new broken file
without an expectation fails the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rakparse import validate as checker
from rakparse.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
INVALID = DATA / "invalid"
VALID = DATA / "valid"

#: file → (code, line) of the one problem it must give.
EXPECTED: dict[str, tuple[str, int]] = {
    # JSON, semantic rules
    "month-13.json": ("schedule.month", 75),
    "week-6.json": ("schedule.week", 42),
    "weeks-unsorted.json": ("schedule.order", 45),
    "weeks-repeated.json": ("schedule.duplicate", 45),
    "weeks-empty.json": ("schedule.empty", 48),
    "biaya-float.json": ("biaya.type", 76),
    "biaya-text.json": ("biaya.type", 76),
    "biaya-negative.json": ("biaya.negative", 76),
    "percent-out-of-range.json": ("target.percent-range", 91),
    "year-implausible.json": ("year.range", 10),
    "row-number-repeated.json": ("row.duplicate-no", 146),
    "column-not-listed.json": ("columns.missing", 200),
    "lines-reversed.json": ("row.lines", 140),
    # JSON, the schema and the syntax
    "missing-source.json": ("schema.violation", 1),
    "unknown-kind.json": ("schema.violation", 28),
    "truncated.json": ("json.syntax", 13),
    # CSV
    "header-renamed.csv": ("csv.header", 1),
    "header-reordered.csv": ("csv.header", 1),
    "csv-short-row.csv": ("csv.row-length", 3),
    "csv-week-6.csv": ("schedule.week", 3),
    "csv-weeks-unsorted.csv": ("schedule.order", 2),
    "csv-biaya-text.csv": ("biaya.type", 4),
    "csv-biaya-negative.csv": ("biaya.negative", 2),
    "csv-row-number-repeated.csv": ("row.duplicate-no", 4),
    "csv-year-implausible.csv": ("year.range", 3),
    "latin1.csv": ("file.encoding", 2),
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(path.name for path in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_its_error(name: str) -> None:
    result = checker.validate_file(INVALID / name)
    assert not result.valid and result.unreadable is None
    assert [(p.code, p.line) for p in result.problems] == [EXPECTED[name]], result.problems


@pytest.mark.parametrize("path", sorted(VALID.iterdir()), ids=lambda p: p.name)
def test_valid_files_pass(path: Path) -> None:
    result = checker.validate_file(path)
    assert result.valid, result.problems


def test_the_sample_converted_is_valid_in_both_formats(tmp_path: Path) -> None:
    import rakparse
    from rakparse.write import render

    document = rakparse.convert(ROOT / "samples" / "kpu-tabanan-2023.txt", fix=False)
    for fmt in ("json", "csv"):
        out = tmp_path / f"rak.{fmt}"
        out.write_bytes(render(document, fmt))
        assert checker.validate_file(out).valid, fmt
    (tmp_path / "excel.csv").write_bytes(render(document, "csv", excel=True))
    assert checker.validate_file(tmp_path / "excel.csv").valid


def test_json_lines_points_at_the_value() -> None:
    text = (VALID / "minimal.json").read_text(encoding="utf-8")
    lines = checker.json_lines(text)
    assert text.splitlines()[lines["/tables/0/rows/1/no"] - 1].strip() == '"no": 2,'
    assert checker.line_of(lines, "/tables/0/rows/1/missing") == lines["/tables/0/rows/1"]


def test_folder_skips_manifest_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_bytes((VALID / "minimal.json").read_bytes())
    (tmp_path / "rakparse-manifest.jsonl").write_text("{}\n")
    (tmp_path / "rakparse-manifest.json").write_text("{}\n")
    (tmp_path / ".a.json.123.part").write_text("{")
    results = checker.validate_paths([tmp_path])
    assert [Path(r.file).name for r in results] == ["a.json"]
    assert checker.exit_code(results) == ExitCode.OK


def test_exit_code_is_decided_once() -> None:
    ok = checker.FileResult("a", "json")
    bad = checker.validate_file(INVALID / "week-6.json")
    gone = checker.FileResult("b", None, unreadable="no such file")
    assert checker.exit_code([ok]) == ExitCode.OK
    assert checker.exit_code([ok, bad]) == ExitCode.INVALID
    assert checker.exit_code([ok, bad, gone]) == ExitCode.USAGE
    assert checker.exit_code([]) == ExitCode.USAGE


def test_github_escaping() -> None:
    problem = checker.Problem("out/a,b:c.json", 3, None, "x.y", "50% done\r\nnext")
    report = checker.report_github([checker.FileResult(problem.file, "json", (problem,))])
    assert (
        report.splitlines()[0]
        == "::error file=out/a%2Cb%3Ac.json,line=3,title=rakparse x.y::50%25 done%0D%0Anext"
    )


def test_step_summary_lists_every_problem() -> None:
    results = checker.validate_paths([INVALID])
    summary = checker.step_summary(results)
    assert summary.count("\n| ") == 1 + len(EXPECTED)  # the header row and one row per problem
    assert "| tests" in summary or f"| {INVALID}" in summary


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rakparse", "validate", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_cli_exit_codes_and_formats(tmp_path: Path) -> None:
    assert run("tests/data/valid").returncode == 0
    text = run("tests/data/invalid/week-6.json", "tests/data/valid/minimal.json")
    assert text.returncode == 1
    assert text.stdout.startswith("tests/data/invalid/week-6.json:42: schedule.week: ")
    report = run("tests/data/invalid", "--format", "json")
    assert report.returncode == 1
    data = json.loads(report.stdout)
    assert data["exit_code"] == 1 and len(data["files"]) == len(EXPECTED)
    missing = run("tests/data/valid/minimal.json", "no-such.json")
    assert missing.returncode == 2
    assert missing.stderr.startswith("rakparse: error: no-such.json: ") and "Traceback" not in missing.stderr
    assert run("tests/data/valid", "--format", "yaml").returncode == 2


def test_cli_github_format_writes_the_step_summary(tmp_path: Path) -> None:
    import os

    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    result = run("tests/data/invalid", "--format", "github", env=env)
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == len(EXPECTED)
    assert summary.read_text(encoding="utf-8").count("\n| ") == 1 + len(EXPECTED)


def test_pre_commit_hook_runs_validate() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: rakparse-validate" in text and "entry: rakparse validate" in text


def test_a_binary_file_is_unreadable_not_invalid(tmp_path: Path) -> None:
    binary = tmp_path / "report.docx.csv"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x00garbage")
    (result,) = checker.validate_paths([binary])
    assert result.unreadable is not None and "binary" in result.unreadable
    assert checker.exit_code([result]) == ExitCode.USAGE
