"""The text-layer PDF reader: generated RAK PDFs → ``SourceText`` lines with every
cell in its grid column, for ruled and unruled tables, wrapped and merged cells,
rotated pages, tables across pages and several tables in one file."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from pdfgen import Layout, blank_pdf, body_rows, encrypted_pdf, expected_rows, rak_pdf, sample_goals, scan_pdf

from rakparse.errors import InputError
from rakparse.readers.pdf import read_pdf
from rakparse.readers.source import PAGE_BREAK

HEADER_LABELS = ["NO.", "SASARAN PROGRAM/KEGIATAN", "INDIKATOR KINERJA", "TARGET"]
MONTH_ROW = ["", "", "", "", "", *(f"B{m}" for m in range(1, 13)), "", ""]


@pytest.fixture(scope="module")
def goals() -> list:
    return sample_goals(6, seed=1)


def write(tmp_path: Path, data: bytes, name: str = "rak.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- ruled tables --------------------------------------------------------------------


def test_ruled_table_cells_land_in_their_grid_columns(tmp_path: Path, goals: list) -> None:
    path = write(tmp_path, rak_pdf(None, [goals]))
    text = read_pdf(path)
    assert body_rows(text.lines) == expected_rows(goals)
    assert all(len(row) == 19 for row in body_rows(text.lines))


def test_header_and_month_subheader_in_grid_columns(tmp_path: Path, goals: list) -> None:
    text = read_pdf(write(tmp_path, rak_pdf(None, [goals])))
    header = next(line.split("\t") for line in text.lines if line.startswith("NO."))
    assert header[:4] == HEADER_LABELS
    assert header[4] == "KEGIATAN YANG AKAN DILAKSANAKAN"
    assert header[5] == "RENCANA PELAKSANAAN"  # a label spanning 12 columns sits in the first
    assert header[6:17] == [""] * 11
    assert header[17:] == ["PERKIRAAN BIAYA", "PELAKSANA"]
    index = text.lines.index("\t".join(header))
    assert text.lines[index + 1].split("\t") == MONTH_ROW


def test_text_outside_the_table_as_plain_lines_in_reading_order(tmp_path: Path, goals: list) -> None:
    text = read_pdf(write(tmp_path, rak_pdf(None, [goals])))
    assert text.lines[:3] == (
        "RENCANA AKSI KINERJA",
        "NAMA/UNIT ORGANISASI : Komisi Pemilihan Umum Kabupaten Tabanan",
        "TAHUN : 2023",
    )
    assert text.lines[-2:] == ("Tabanan, 2 Januari 2023", "Sekretaris KPU Kabupaten Tabanan")


def test_merged_goal_text_in_first_row_and_empty_below(tmp_path: Path) -> None:
    goals = [goal for goal in sample_goals(12, seed=2) if len(goal.indicators) > 1][:3]
    rows = body_rows(read_pdf(write(tmp_path, rak_pdf(None, [goals]))).lines)
    assert rows == expected_rows(goals)
    first = rows[0]
    assert first[0] == goals[0].no and first[1] == goals[0].sasaran
    assert rows[1][:2] == ["", ""]


def test_unmerged_cells_ruled_between_every_row(tmp_path: Path, goals: list) -> None:
    path = write(tmp_path, rak_pdf(None, [goals], Layout(merged=False)))
    assert body_rows(read_pdf(path).lines) == expected_rows(goals)


def test_wrapped_cells_joined_with_spaces_items_with_two(tmp_path: Path) -> None:
    goals = sample_goals(8, seed=4)
    rows = body_rows(read_pdf(write(tmp_path, rak_pdf(None, [goals]))).lines)
    assert rows == expected_rows(goals)
    joined = "\n".join("\t".join(row) for row in rows)
    assert "minggu ke 1-4" in joined  # "minggu" / "ke 1-4" wrap in the narrow month cells
    assert "1. Menyusun PK Tahun 2023  2. Menyusun LKJ Tahun 2022" in joined
    assert "Rp. " in joined and "Rp.  " not in joined  # "Rp." is not an item's end
    assert all("\n" not in cell for row in rows for cell in row)


def test_rules_drawn_as_thin_rectangles(tmp_path: Path, goals: list) -> None:
    path = write(tmp_path, rak_pdf(None, [goals], Layout(rect_rules=True)))
    assert body_rows(read_pdf(path).lines) == expected_rows(goals)


def test_rules_between_columns_only(tmp_path: Path) -> None:
    goals = sample_goals(8, seed=5)
    path = write(tmp_path, rak_pdf(None, [goals], Layout(row_rules=False)))
    assert body_rows(read_pdf(path).lines) == expected_rows(goals)


# -- unruled tables ------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 5])
def test_unruled_table_columns_from_whitespace(tmp_path: Path, seed: int) -> None:
    goals = sample_goals(8, seed=seed)
    path = write(tmp_path, rak_pdf(None, [goals], Layout(ruled=False)))
    text = read_pdf(path)
    assert body_rows(text.lines) == expected_rows(goals)
    months = next(line for line in text.lines if "\tB1\t" in line)
    assert months.split("\t") == MONTH_ROW


# -- pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_rotated_pages_read_in_reading_order(tmp_path: Path, goals: list, rotate: int) -> None:
    text = read_pdf(write(tmp_path, rak_pdf(None, [goals], rotate=rotate)))
    assert text.lines[0] == "RENCANA AKSI KINERJA"
    assert body_rows(text.lines) == expected_rows(goals)


def test_table_across_pages_repeats_its_header(tmp_path: Path) -> None:
    goals = sample_goals(30, seed=3)
    text = read_pdf(write(tmp_path, rak_pdf(None, [goals])))
    assert text.pages is not None and text.pages >= 3
    assert text.lines.count(PAGE_BREAK) == text.pages - 1
    headers = [line for line in text.lines if line.startswith("NO.\t")]
    assert len(headers) == text.pages  # repeated on every page
    assert body_rows(text.lines) == expected_rows(goals)


def test_several_tables_in_one_file(tmp_path: Path) -> None:
    first, second = sample_goals(3, seed=1), sample_goals(2, seed=7)
    text = read_pdf(write(tmp_path, rak_pdf(None, [first, second])))
    assert sum(line.startswith("NO.\t") for line in text.lines) == 2
    assert body_rows(text.lines) == expected_rows(first) + expected_rows(second)


# -- the SourceText ------------------------------------------------------------------


def test_source_fields(tmp_path: Path, goals: list) -> None:
    data = rak_pdf(None, [goals])
    path = write(tmp_path, data)
    text = read_pdf(path)
    assert text.format == "pdf-text"
    assert text.sha256 == hashlib.sha256(data).hexdigest()
    assert text.path == str(path)
    assert text.pages == 1 + text.lines.count(PAGE_BREAK)
    assert text.notices == ()
    assert all("\n" not in line for line in text.lines)


def test_bytes_input_with_shown_path(goals: list) -> None:
    data = rak_pdf(None, [goals])
    text = read_pdf(data, shown_path="scans/rak.pdf")
    assert text.path == "scans/rak.pdf"
    assert body_rows(text.lines) == expected_rows(goals)


def test_ocr_never_on_a_scan_gives_a_notice_not_text(tmp_path: Path) -> None:
    scan = scan_pdf(rak_pdf(None, [sample_goals(1)]), dpi=50)
    text = read_pdf(write(tmp_path, scan), ocr="never")
    assert text.format == "pdf-text"
    assert text.lines == ()
    assert [n.code for n in text.notices] == ["read.no-text"]


def test_blank_pages_give_no_lines(tmp_path: Path) -> None:
    text = read_pdf(write(tmp_path, blank_pdf(2)))
    assert text.lines == (PAGE_BREAK,)
    assert text.pages == 2


# -- bad input -------------------------------------------------------------------------


def one_line(error: InputError) -> str:
    return error.one_line()


def test_encrypted_pdf_asks_for_the_password(tmp_path: Path) -> None:
    path = write(tmp_path, encrypted_pdf("rahasia"))
    with pytest.raises(InputError) as caught:
        read_pdf(path)
    assert "encrypted: pass --password" in one_line(caught.value)
    assert caught.value.path == str(path)
    with pytest.raises(InputError, match="password is wrong"):
        read_pdf(path, password="salah")
    assert read_pdf(path, password="rahasia").lines == ("RENCANA AKSI KINERJA",)


def test_truncated_pdf(tmp_path: Path, goals: list) -> None:
    data = rak_pdf(None, [goals])
    path = write(tmp_path, data[: len(data) // 3])
    with pytest.raises(InputError, match="damaged or truncated"):
        read_pdf(path)


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(InputError, match="damaged"):
        read_pdf(path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        read_pdf(write(tmp_path, b""))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_pdf(tmp_path / "nope.pdf")


def test_not_a_pdf(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(write(tmp_path, b"NO.\tSASARAN\n"))


def test_too_many_pages(tmp_path: Path) -> None:
    path = write(tmp_path, blank_pdf(5))
    with pytest.raises(InputError) as caught:
        read_pdf(path, max_pages=4)
    assert "5 pages" in caught.value.what and "--max-pages" in caught.value.fix


def test_error_messages_are_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, encrypted_pdf("x"))
    with pytest.raises(InputError) as caught:
        read_pdf(path)
    assert "\n" not in caught.value.one_line()


def test_importing_the_reader_loads_no_pdf_library() -> None:
    code = (
        "import sys, rakparse.readers.pdf, rakparse.readers.image, rakparse.readers.ocr, rakparse.readers.geometry;"
        "heavy = [m for m in ('pypdfium2', 'pdfplumber', 'PIL', 'numpy') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
