"""End to end: a generated RAK PDF (text layer or scanned) converts to the same rows
as the clean tab-separated text of the same table."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from pdfgen import MONTHS, Layout, expected_rows, rak_pdf, sample_goals, scan_pdf
from test_ocr_scan import TextLayerEngine

import rakparse
from rakparse.options import ConvertOptions
from rakparse.pipeline import convert_source
from rakparse.readers.pdf import read_pdf

UNIT = "Komisi Pemilihan Umum Kabupaten Tabanan"


def clean_text(tables: list[list[Any]]) -> str:
    """The text a perfect reader gives for these tables."""
    header = [
        "NO.", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA", "TARGET",
        "KEGIATAN YANG AKAN DILAKSANAKAN", "RENCANA PELAKSANAAN", *[""] * 11, "PERKIRAAN BIAYA", "PELAKSANA",
    ]  # fmt: skip
    lines = ["RENCANA AKSI KINERJA", f"NAMA/UNIT ORGANISASI : {UNIT}", "TAHUN : 2023"]
    for goals in tables:
        lines.append("\t".join(header))
        lines.append("\t".join(["", "", "", "", "", *MONTHS, "", ""]))
        lines.extend("\t".join(row) for row in expected_rows(goals))
    return "\n".join(lines) + "\n"


def rows(document: rakparse.Document) -> list[dict[str, Any]]:
    out = []
    for row in document.rows:
        data = row.to_dict()
        data.pop("lines")
        out.append(data)
    return out


@pytest.mark.parametrize(
    "layout",
    [Layout(), Layout(ruled=False), Layout(merged=False), Layout(row_rules=False)],
    ids=["ruled", "unruled", "unmerged", "columns-ruled-only"],
)
def test_text_pdf_converts_like_the_clean_text(layout: Layout) -> None:
    goals = sample_goals(5, seed=2)
    from_pdf = rakparse.convert(rak_pdf(None, [goals], layout), name="rak.pdf")
    from_text = rakparse.convert_text(clean_text([goals]), name="rak.txt")
    assert from_pdf.source.format == "pdf-text"
    assert (from_pdf.unit, from_pdf.year) == (UNIT, 2023)
    assert rows(from_pdf) == rows(from_text)
    assert len(rows(from_pdf)) == len(expected_rows(goals))


def test_table_across_pages_converts_like_the_clean_text() -> None:
    goals = sample_goals(24, seed=6)
    document = rakparse.convert(rak_pdf(None, [goals], rotate=90), name="rak.pdf")
    assert document.source.pages >= 2
    assert rows(document) == rows(rakparse.convert_text(clean_text([goals])))


def test_scanned_pdf_with_a_perfect_engine_converts_like_the_clean_text() -> None:
    goals = sample_goals(3, seed=1)
    pdf = rak_pdf(None, [goals])
    text = read_pdf(scan_pdf(pdf, dpi=150, angle=0.4), engine=TextLayerEngine(pdf), shown_path="scan.pdf")
    document = convert_source(text, ConvertOptions())
    assert document.source.format == "pdf-ocr"
    assert rows(document) == rows(rakparse.convert_text(clean_text([goals])))


@pytest.mark.tesseract
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_real_scan_converts_to_the_same_numbers_and_schedules() -> None:
    goals = sample_goals(3, seed=1)
    pdf = rak_pdf(None, [goals])
    document = rakparse.convert(scan_pdf(pdf, dpi=300, angle=-0.5, noise=0.001, seed=2), name="scan.pdf")
    want = rows(rakparse.convert_text(clean_text([goals])))
    got = rows(document)
    assert document.source.format == "pdf-ocr"
    assert len(got) == len(want)
    for row, expected in zip(got, want, strict=True):
        assert row["no"] == expected["no"]
        assert row["schedule"] == expected["schedule"]
        assert row["biaya"] == expected["biaya"]
        assert row["target"]["kind"] == expected["target"]["kind"] or "%" in expected["target"]["raw"]
