"""Golden test on the real OCR sample: every correction expected, nothing else.

The cells are the tab-separated cells of ``samples/kpu-tabanan-2023.txt``; the
column is guessed as the benchmark does (header label, unit names, other text).
A correction not listed here is a failure: either a new right fix (add it, with
the reason) or a correct word changed (fix the engine).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rakparse.correct.engine import Fixed, load_corrector

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "kpu-tabanan-2023.txt"

#: (line, from, to): what the sample's OCR got wrong and the engine fixes
EXPECTED = {
    # named in issue 3
    (25, "MAMA", "NAMA"),  # header label context, although `mama` is a word
    (43, "Baring Milk", "Barang Milik"),  # phrase `Barang Milik Negara`; `milk` is a word
    (43, "Tewujudnya", "Terwujudnya"),
    (45, "Tewujudnya", "Terwujudnya"),
    (30, "pengeloaian", "pengelolaan"),
    (44, "Peseediaan", "Persediaan"),
    (58, "Damal", "Damai"),  # `Kampanye Damai`
    (58, "Aaii", "Alat"),  # phrase `Alat Peraga Kampanye`
    (13, "liping", "kliping"),
    (66, "PPIID", "PPID"),
    (67, "PPIID", "PPID"),
    # further OCR errors of the sample
    (14, "Perentase", "Persentase"),
    (44, "Penastausahan", "Penatausahaan"),
    (53, "Inter", "Intern"),  # Sistem Pengendalian Intern Pemerintah, its official name
    (55, "peyusunan", "penyusunan"),
    (42, "ditampalkan", "ditampilkan"),
    (34, "Adhok", "Adhoc"),  # `Badan Penyelenggara Adhoc`
    # the contract's one spelling of units
    *((line, "Sub Bagian", "Subbagian") for line in (32, 33, 41, 42, 43, 44, 45, 46, 52)),
}

#: OCR errors of the sample the engine leaves alone (no safe single answer), for the record
KNOWN_MISSES = ["Pantarh", "Stoket", "Teraksennya", "Kefasanaan", "serentutan", "Mentafikasi", "KPKOL"]


def sample_cells() -> list[tuple[str, str, int]]:
    cells: list[tuple[str, str, int]] = []
    for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines(), start=1):
        for cell in line.split("\t"):
            cell = cell.strip()
            if not re.search(r"[A-Za-z]{3}", cell) or cell.startswith("minggu"):
                continue
            if re.match(r"[A-Z/ ]+:", cell):
                column = "label"
            elif cell.startswith(("Sub", "Divisi", "Semua")):
                column = "pelaksana"
            else:
                column = "kegiatan"
            cells.append((column, cell, number))
    return cells


@pytest.fixture(scope="module")
def fixed_cells() -> list[tuple[str, int, Fixed]]:
    corrector = load_corrector()
    return [
        (text, line, corrector.fix(text, column=column, line=line)) for column, text, line in sample_cells()
    ]


def test_every_expected_correction_and_no_other(fixed_cells: list[tuple[str, int, Fixed]]) -> None:
    made = {(c.line, c.from_, c.to) for _, _, fixed in fixed_cells for c in fixed.corrections}
    assert made - EXPECTED == set(), "unexpected corrections (a correct word changed?)"
    assert EXPECTED - made == set(), "expected corrections missing"


def test_no_correct_word_is_changed(fixed_cells: list[tuple[str, int, Fixed]]) -> None:
    """Outside the corrected spans, the text is the same word for word."""
    for text, _line, fixed in fixed_cells:
        before, after = text, fixed.text
        for correction in fixed.corrections:
            before = before.replace(correction.from_, "\0", 1)
            after = after.replace(correction.to, "\0", 1)
        assert before == after


def test_known_misses_are_left_as_written(fixed_cells: list[tuple[str, int, Fixed]]) -> None:
    corrected = " ".join(fixed.text for _, _, fixed in fixed_cells)
    for word in KNOWN_MISSES:
        assert word in corrected


def test_corrections_record_line_and_source(fixed_cells: list[tuple[str, int, Fixed]]) -> None:
    for _text, line, fixed in fixed_cells:
        for correction in fixed.corrections:
            assert correction.line == line
            assert correction.by in ("vocabulary", "lexicon")
            assert 0 < correction.score <= 100
