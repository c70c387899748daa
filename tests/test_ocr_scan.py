"""The scanned path: page images → rules found in the image + words from an OCR
engine → the same geometry as text PDFs.

Fake engines prove the page flow (order with ``jobs``, skipped pages, time limit,
missing Tesseract) without Tesseract; a few small real-Tesseract tests (marked
``tesseract``) check that a noisy, slightly rotated scan gives back the rows of
the clean PDF: numbers and schedules exactly, text up to OCR's slips.
"""

from __future__ import annotations

import difflib
import io
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pdfgen import body_rows, degrade, expected_rows, rak_pdf, sample_goals, scan_pdf

from rakparse.errors import DependencyError, InputError
from rakparse.readers.geometry import Word, find_grids, merge_rules
from rakparse.readers.image import read_image
from rakparse.readers.ocr import TesseractEngine, estimate_skew, image_rules, parse_tsv, prepare
from rakparse.readers.pdf import OCR_DPI, read_pdf
from rakparse.readers.pdf_text import page_geometry
from rakparse.readers.source import PAGE_BREAK

has_tesseract = shutil.which("tesseract") is not None
needs_tesseract = pytest.mark.skipif(not has_tesseract, reason="tesseract is not installed")


# -- engines -------------------------------------------------------------------------


class TextLayerEngine:
    """Answers with the words of the clean PDF's text layer, scaled to pixels: a
    perfect OCR, so any difference comes from rendering, rules and geometry."""

    def __init__(self, pdf: bytes) -> None:
        import pypdfium2 as pdfium

        scale = OCR_DPI / 72
        doc = pdfium.PdfDocument(pdf)
        self.pages: list[list[Word]] = []
        try:
            for index in range(len(doc)):
                page = doc[index]
                words = page_geometry(page).words
                page.close()
                self.pages.append(
                    [Word(w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale, w.text) for w in words]
                )
        finally:
            doc.close()
        self.calls = 0
        self.lock = threading.Lock()

    def words(self, image: Any, *, timeout: float | None) -> list[Word]:
        with self.lock:
            page = self.calls
            self.calls += 1
        return self.pages[page]


class MarkerEngine:
    """Reads the page number from the count of black squares the test drew at the top
    left; sleeps so pages finish out of order when run in parallel."""

    def __init__(self, fail_on: set[int] | None = None, delay: float = 0.0) -> None:
        self.fail_on = fail_on or set()
        self.delay = delay

    def words(self, image: Any, *, timeout: float | None) -> list[Word]:
        import numpy as np

        row = (np.asarray(image.convert("L"))[image.height // 20] < 128).astype(np.int8)
        number = int(np.count_nonzero(np.diff(row) == 1))
        time.sleep(self.delay * (5 - number) if self.delay else 0)
        if number in self.fail_on:
            raise RuntimeError(f"engine crashed on page {number}")
        return [Word(100, 100, 400, 140, f"halaman{number}")]


class MissingEngine:
    def words(self, image: Any, *, timeout: float | None) -> list[Word]:
        raise DependencyError("this is a scan and Tesseract (OCR) is not installed", "install it")


class SlowEngine:
    def words(self, image: Any, *, timeout: float | None) -> list[Word]:
        time.sleep(1.5)
        return []


def marker_pdf(pages: int, stamp: str = "") -> bytes:
    """Image-only pages; page ``n`` has ``n`` black squares in a row at the top."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    pdf = FPDF(unit="pt", format=(400, 300))
    pdf.set_auto_page_break(False)
    for number in range(1, pages + 1):
        image = Image.new("L", (800, 600), 255)
        for square in range(number):
            ImageDraw.Draw(image).rectangle((20 + square * 40, 20, 39 + square * 40, 40), fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=400, h=300)
        if stamp:  # text added after scanning, over the image
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(300, 280)
            pdf.cell(0, 10, stamp)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def clean() -> tuple[list, bytes]:
    goals = sample_goals(3, seed=1)
    return goals, rak_pdf(None, [goals])


# -- the geometry of a scan, with a perfect engine -----------------------------------


def test_scan_path_recovers_grid_with_a_perfect_engine(clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    scan = scan_pdf(pdf, dpi=150)
    text = read_pdf(scan, engine=TextLayerEngine(pdf))
    assert text.format == "pdf-ocr"
    assert body_rows(text.lines) == expected_rows(goals)


def test_ocr_always_reads_text_pages_by_ocr_too(clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    text = read_pdf(pdf, ocr="always", engine=TextLayerEngine(pdf))
    assert text.format == "pdf-ocr"
    assert body_rows(text.lines) == expected_rows(goals)


def test_mixed_pdf_page_by_page() -> None:
    first, second = sample_goals(30, seed=3)[:12], sample_goals(2, seed=8)
    pdf = rak_pdf(None, [first, second])
    mixed = scan_pdf(pdf, dpi=150, pages=[1])  # page 2 scanned, page 1 keeps its text
    engine = TextLayerEngine(pdf)
    engine.pages = engine.pages[1:]  # it is asked about page 2 only
    text = read_pdf(mixed, engine=engine)
    assert engine.calls == 1
    assert text.format == "pdf-ocr"
    assert body_rows(text.lines) == expected_rows(first) + expected_rows(second)


def test_rules_found_in_the_image(clean: tuple[list, bytes]) -> None:
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(clean[1])
    page = doc[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    page.close()
    doc.close()
    rules, _ = image_rules(np.asarray(image) < 140, 200)
    h, v = merge_rules(rules, 4, 20)
    grids = find_grids(h, v, 4)
    assert len(grids) == 1
    assert len(grids[0].xs) == 20  # 19 columns
    assert estimate_skew(np.asarray(image) < 140) == pytest.approx(0, abs=0.06)
    tilted = degrade(image, angle=1.0)
    assert estimate_skew(np.asarray(tilted) < 140) == pytest.approx(1.0, abs=0.1)
    _, found = prepare(tilted, 200)
    h, v = merge_rules(found, 4, 20)
    assert len(find_grids(h, v, 4)[0].xs) == 20


def test_parse_tsv_skips_non_words() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t20\t30\t12\t96\tTAHUN\n"
        "5\t1\t1\t1\t1\t2\t50\t20\t3\t12\t10\t \n"
    )
    assert [w.text for w in parse_tsv(tsv)] == ["TAHUN"]


# -- page flow -------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_stay_in_order_with_jobs(jobs: int) -> None:
    text = read_pdf(marker_pdf(4), engine=MarkerEngine(delay=0.05), jobs=jobs)
    assert text.lines == ("halaman1", PAGE_BREAK, "halaman2", PAGE_BREAK, "halaman3", PAGE_BREAK, "halaman4")
    assert text.pages == 4


def test_a_scan_with_a_text_stamp_is_still_ocrd() -> None:
    text = read_pdf(marker_pdf(2, stamp="Diarsipkan 12-03-2024 hal"), engine=MarkerEngine())
    assert text.format == "pdf-ocr"
    assert text.lines == ("halaman1", PAGE_BREAK, "halaman2")


def test_a_page_the_engine_cannot_read_is_skipped_with_a_notice() -> None:
    text = read_pdf(marker_pdf(3), engine=MarkerEngine(fail_on={2}), jobs=2)
    assert text.lines == ("halaman1", PAGE_BREAK, PAGE_BREAK, "halaman3")  # nothing of page 2
    assert [n.code for n in text.notices] == ["read.page-skipped"]
    assert "page 2" in text.notices[0].message and "crashed" in text.notices[0].message


def test_no_readable_page_is_an_error() -> None:
    with pytest.raises(InputError, match="no page could be read"):
        read_pdf(marker_pdf(2), engine=MarkerEngine(fail_on={1, 2}), shown_path="scan.pdf")


def test_missing_tesseract_is_a_dependency_error(clean: tuple[list, bytes], monkeypatch: Any) -> None:
    scan = scan_pdf(clean[1], dpi=50)
    with pytest.raises(DependencyError):
        read_pdf(scan, engine=MissingEngine())
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DependencyError) as caught:
        read_pdf(scan, shown_path="scan.pdf")
    assert "apt-get install tesseract-ocr tesseract-ocr-ind" in caught.value.one_line()
    assert read_pdf(clean[1]).format == "pdf-text"  # text PDFs need no Tesseract


def test_time_limit_stops_reading() -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match="time limit"):
        read_pdf(marker_pdf(3), engine=SlowEngine(), timeout=0.5)
    assert time.monotonic() - started < 5


# -- images ----------------------------------------------------------------------------


def page_image(pdf: bytes, dpi: int = 150) -> Any:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    doc.close()
    return image


def test_read_image_png_and_multipage_tiff(tmp_path: Path, clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    image = page_image(pdf)
    png = tmp_path / "rak.png"
    image.save(png, dpi=(150, 150))
    engine = TextLayerEngine(pdf)
    scale = 150 / OCR_DPI  # the engine's words are at 300 dpi; this image is at 150
    engine.pages = [[Word(w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale, w.text) for w in p]
                    for p in engine.pages]  # fmt: skip
    text = read_image(png, engine=engine)
    assert text.format == "image" and text.pages == 1 and text.path == str(png)
    assert body_rows(text.lines) == expected_rows(goals)
    tiff = tmp_path / "rak.tif"
    image.save(tiff, save_all=True, append_images=[image], dpi=(150, 150))
    engine.calls = 0
    engine.pages = engine.pages * 2
    text = read_image(tiff, engine=engine)
    assert text.pages == 2 and text.lines.count(PAGE_BREAK) == 1


def test_bad_images(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_image(empty, engine=MarkerEngine())
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    with pytest.raises(InputError, match="damaged"):
        read_image(broken, engine=MarkerEngine())


# -- real Tesseract --------------------------------------------------------------------


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def target(cell: str) -> str:
    """A target cell compared without spaces, and with the one slip Tesseract keeps
    making on these pages: a small ``%`` read as ``46`` or ``96`` (``87,5%`` →
    ``87,546``). The correction stage is the place to repair it; here it is allowed."""
    import re

    return re.sub(r"^(\d+,\d)[49]6$", r"\1%", cell.replace(" ", ""))


def assert_rows_match(got: list[list[str]], expected: list[list[str]]) -> None:
    """Field by field: row numbers, targets, schedules and costs exactly (schedules as
    parsed weeks); texts up to OCR's slips."""
    from rakparse.fields.rupiah import parse_rupiah
    from rakparse.fields.weeks import parse_weeks

    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert len(row) == 19
        assert row[0] == want[0]
        assert target(row[3]) == target(want[3])
        for month in range(5, 17):
            assert bool(row[month]) == bool(want[month]), (row[month], want[month])
            if want[month]:
                assert parse_weeks(row[month]).weeks == parse_weeks(want[month]).weeks
        assert parse_rupiah(row[17]).value == parse_rupiah(want[17]).value if want[17] else not row[17]
        for column in (1, 2, 4, 18):
            assert similar(row[column], want[column]) > 0.85, (row[column], want[column])


@pytest.mark.tesseract
@needs_tesseract
def test_noisy_tilted_scan_gives_the_rows_of_the_clean_pdf(clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    scan = scan_pdf(pdf, dpi=300, angle=0.7, noise=0.002, seed=3)
    text = read_pdf(scan)
    assert text.format == "pdf-ocr"
    assert text.lines[0] == "RENCANA AKSI KINERJA"
    assert_rows_match(body_rows(text.lines), expected_rows(goals))


@pytest.mark.tesseract
@needs_tesseract
def test_scanned_image_file(tmp_path: Path, clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    image = degrade(page_image(pdf, 300), angle=-0.6, noise=0.001, seed=5)
    path = tmp_path / "rak.jpg"
    image.save(path, quality=85, dpi=(300, 300))
    text = read_image(path)
    assert text.format == "image"
    assert_rows_match(body_rows(text.lines), expected_rows(goals))


@pytest.mark.tesseract
@needs_tesseract
def test_page_scanned_on_its_side_is_turned_upright(clean: tuple[list, bytes]) -> None:
    goals, pdf = clean
    scan = scan_pdf(pdf, dpi=300, angle=0.4, sideways=True)
    text = read_pdf(scan)
    assert text.lines[0] == "RENCANA AKSI KINERJA"
    assert_rows_match(body_rows(text.lines), expected_rows(goals))


def test_garbled_reading_is_recognised() -> None:
    from rakparse.readers.ocr import looks_garbled

    scraps = [Word(0, 0, 5, 5, text) for text in ["c", "|", "g", "1", "Lc", ":", "x", "=", "2", "t"] * 4]
    words = [Word(0, 0, 5, 5, text) for text in ["RENCANA", "AKSI", "KINERJA", "TAHUN", "2023", "1."] * 6]
    assert looks_garbled(scraps)
    assert not looks_garbled(words)


@pytest.mark.tesseract
@needs_tesseract
def test_a_failing_page_leaves_no_tesseract_running(monkeypatch: Any) -> None:
    from PIL import Image

    import rakparse.readers.ocr as ocr

    def broken(image: Any, dpi: float) -> Any:
        raise MemoryError("page too large")

    engine = TesseractEngine()
    started: list[Any] = []
    real_start = engine.start
    monkeypatch.setattr(engine, "start", lambda dpi: started.append(real_start(dpi)) or started[-1])
    monkeypatch.setattr(ocr, "prepare", broken)
    with pytest.raises(MemoryError):
        ocr.image_geometry(Image.new("L", (200, 100), 255), engine, dpi=300, timeout=None)
    assert started and started[0].process.poll() is not None  # killed and reaped


@pytest.mark.tesseract
@needs_tesseract
def test_tesseract_engine_reports_missing_language() -> None:
    with pytest.raises(DependencyError, match="no language data for xxx"):
        TesseractEngine(languages="ind+xxx").check()
