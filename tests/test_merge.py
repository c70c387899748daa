"""rakparse merge: every converted document of a batch folder in one table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from batchdata import ROOT, make_archive

from rakparse.batch import BatchOptions, run_batch
from rakparse.errors import InputError, UsageError
from rakparse.merge import merged_frame, write_merged
from rakparse.model import CSV_COLUMNS
from rakparse.options import ConvertOptions


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merge")
    make_archive(folder / "in")
    run_batch([folder / "in"], BatchOptions(str(folder / "out"), convert=ConvertOptions(fix=False)))
    return folder / "out"


def test_every_row_keeps_unit_year_and_source(outdir: Path) -> None:
    from rakparse import read as read_document

    frame = merged_frame(outdir)
    assert list(frame.columns) == list(CSV_COLUMNS)
    documents = [read_document(path) for path in sorted(outdir.rglob("*.json"))]
    assert len(frame) == sum(len(list(d.rows)) for d in documents)
    assert frame[["unit", "year", "source"]].notna().all().all()
    assert sorted(frame["year"].unique()) == [2022, 2023]
    assert frame["source"].nunique() == 4  # the failed file has no rows
    assert str(frame["biaya"].dtype) == "Int64"


def test_csv_and_xlsx_read_back(outdir: Path, tmp_path: Path) -> None:
    import pandas as pd

    rows = write_merged(outdir, tmp_path / "all.csv")
    csv = pd.read_csv(tmp_path / "all.csv")
    assert len(csv) == rows and list(csv.columns) == list(CSV_COLUMNS)
    assert write_merged(outdir, tmp_path / "all.xlsx") == rows
    excel = pd.read_excel(tmp_path / "all.xlsx", sheet_name="rak")
    assert (
        len(excel) == rows
        and excel["biaya"].dropna().astype("int64").tolist() == csv["biaya"].dropna().astype("int64").tolist()
    )


def test_without_a_manifest_every_output_is_merged(outdir: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(outdir, copy)
    (copy / "rakparse-manifest.jsonl").unlink()
    assert len(merged_frame(copy)) == len(merged_frame(outdir))


def test_errors(tmp_path: Path, outdir: Path) -> None:
    with pytest.raises(InputError):
        merged_frame(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        merged_frame(tmp_path / "empty")
    with pytest.raises(UsageError):
        write_merged(outdir, tmp_path / "all.parquet")


def test_cli_merge(outdir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rakparse", "merge", str(outdir), "-o", str(tmp_path / "all.csv")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(" rows")
