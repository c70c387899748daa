"""The Excel writer: the workbook opens, reads back, is styled for people, and is reproducible."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"


@pytest.fixture(scope="module")
def document():  # type: ignore[no-untyped-def]
    import rakparse

    return rakparse.convert(SAMPLE)


@pytest.fixture(scope="module")
def workbook_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    from rakparse.write import render

    return render(document, "xlsx")


def test_reads_back_with_pandas(document, workbook_bytes: bytes) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd

    sheets = pd.read_excel(io.BytesIO(workbook_bytes), sheet_name=None)
    tables = [name for name in sheets if name.startswith("table ")]
    assert tables == [f"table {n} (page {t.page})" for n, t in enumerate(document.tables, start=1)]
    assert list(sheets)[-2:] == ["corrections", "warnings"]
    for name, table in zip(tables, document.tables, strict=True):
        frame = sheets[name]
        assert len(frame) == len(table.rows)
        biaya = [None if pd.isna(v) else int(v) for v in frame["biaya"]]
        assert biaya == [row.biaya for row in table.rows]
        assert list(frame["sasaran"]) == [row.sasaran for row in table.rows]
    assert len(sheets["corrections"]) == len(document.corrections)
    assert len(sheets["warnings"]) == len(document.warnings)
    assert list(sheets["warnings"]["code"]) == [w.code for w in document.warnings]


def test_header_is_styled_and_frozen_and_rupiah_are_numbers(workbook_bytes: bytes) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index("biaya") + 1
    amounts = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
    filled = [cell for cell in amounts if cell.value is not None]
    assert filled and all(isinstance(cell.value, int) and cell.number_format == "#,##0" for cell in filled)
    assert filled[0].value == 2953803000


def test_same_bytes_at_another_time(document, workbook_bytes: bytes) -> None:  # type: ignore[no-untyped-def]
    from rakparse.write import render

    time.sleep(1.1)  # zip and document timestamps have a resolution of seconds
    assert render(document, "xlsx") == workbook_bytes
    names = zipfile.ZipFile(io.BytesIO(workbook_bytes)).namelist()
    assert "xl/workbook.xml" in names and "docProps/core.xml" in names


def test_document_without_corrections_or_warnings() -> None:
    import dataclasses

    import pandas as pd

    import rakparse
    from rakparse.write.xlsx import render_xlsx

    document = dataclasses.replace(rakparse.convert(SAMPLE, fix=False), corrections=(), warnings=())
    sheets = pd.read_excel(io.BytesIO(render_xlsx(document)), sheet_name=None)
    assert sheets["corrections"].empty and list(sheets["corrections"].columns) == [
        "line",
        "from",
        "to",
        "score",
        "by",
    ]
    assert sheets["warnings"].empty


def test_batch_writes_xlsx(tmp_path: Path) -> None:
    import pandas as pd

    from rakparse.batch import BatchOptions, run_batch

    report = run_batch([SAMPLE], BatchOptions(str(tmp_path / "out"), format="xlsx"))
    assert report.failed == 0
    frame = pd.read_excel(tmp_path / "out" / "kpu-tabanan-2023.txt.xlsx", sheet_name="table 1 (page 1)")
    assert frame["unit"].iloc[0] == "Komisi Pemilihan Umum Kabupaten Tabanan"
