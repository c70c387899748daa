"""How plan tables write a word inside a cell gives the case of a word whose first
letter OCR lost (``plancase``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rakparse.correct.engine import Corrector
from rakparse.correct.lexicon import load_lexicon
from rakparse.correct.plancase import PLAN_CASE_FILE, PlanCase, around, case_sites, kind, load_plan_case
from rakparse.correct.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Sistem", "T"),
        ("sistem", "l"),
        ("BPS", "A"),
        ("SP2D", "A"),
        ("2020", "d"),
        ("A", "T"),
        ("dar1", None),
    ],
)
def test_a_word_is_of_one_kind_and_a_misread_one_of_none(word: str, expected: str | None) -> None:
    assert kind(word) == expected


def test_the_words_around_skip_function_words_and_misread_words() -> None:
    assert around(["data", "dan"], ["untuk", "Informasi"]) == ("l", "T")
    assert around(["Nomor", "21"], ["2020"]) == ("d", "d")
    assert around(["dar1"], []) == ("-", "-")


def test_the_sites_are_the_words_inside_a_cell_in_title_or_lower_case() -> None:
    sites = list(case_sites("Penerapan Sistem Informasi dan data BPS di 5 desa"))
    # the first word, `dan`, `di`, the capitals and the digit are not in question
    assert sites == [
        ("sistem", "-", "T", True),
        ("informasi", "T", "l", True),
        ("data", "T", "A", False),
        ("desa", "d", "-", False),
    ]


def test_counts_are_read_back_as_written() -> None:
    cells = [
        "Kegiatan data Sistem Informasi",
        "Pengadaan sistem baru",
        "Rapat sistem lama",
        "Uji sistem lain",
    ]
    counted = PlanCase.count(cells)
    text = counted.encode()
    assert "sistem 1 3" in text.splitlines()  # written 3 times or more: kept, by word
    assert "data" not in text.split()  # written once: its own case says nothing
    assert PlanCase.parse(text).encode() == text


def test_the_words_around_decide_then_the_word_itself() -> None:
    # between a lower-case word and a Title one, the context alone is Title
    contexts = {("l", "T"): (6, 4)}
    assert PlanCase(contexts, {}).title("penerapan", "l", "T") is True
    # a word plan tables write in lower case there outweighs it
    assert PlanCase(contexts, {"penerapan": (0, 9)}).title("penerapan", "l", "T") is False
    assert PlanCase(contexts, {"sistem": (9, 1)}).title("sistem", "l", "T") is True
    # no counts at all: lower case
    assert PlanCase({}, {}).title("sistem", "l", "T") is False
    # a word written only in Title case, eight times or more, is a name wherever it is
    lower_around = {("l", "l"): (1, 99), ("T", "T"): (60, 0)}
    assert PlanCase(lower_around, {"indonesia": (8, 0)}).title("indonesia", "l", "l") is True
    assert PlanCase(lower_around, {"indonesia": (7, 0)}).title("indonesia", "l", "l") is False
    assert PlanCase(lower_around, {"indonesia": (30, 1)}).title("indonesia", "l", "l") is False


def corrector_with(plan_case: PlanCase) -> Corrector:
    return Corrector(load_vocabulary(), load_lexicon(), plan_case=plan_case)


def test_the_case_of_a_word_that_lost_its_first_letter_follows_the_counts() -> None:
    cell = "Pengawasan konstruksi yang diawasi enerapan Sistem Manajemen Mutu"
    lower = PlanCase.count(["Kegiatan diawasi penerapan Sistem Mutu"] * 3)
    title = PlanCase.count(["Kegiatan diawasi Penerapan Sistem Mutu"] * 3)
    assert corrector_with(lower).fix(cell, column="kegiatan", line=1).text == (
        "Pengawasan konstruksi yang diawasi penerapan Sistem Manajemen Mutu"
    )
    assert corrector_with(title).fix(cell, column="kegiatan", line=1).text == (
        "Pengawasan konstruksi yang diawasi Penerapan Sistem Manajemen Mutu"
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # a name starts after lower-case words; a plain word before a name does not
        ("Pengembangan data 5istem Informasi Desa", "Pengembangan data Sistem Informasi Desa"),
        (
            "Pengawasan konstruksi yang diawasi enerapan Sistem Manajemen Mutu",
            "Pengawasan konstruksi yang diawasi penerapan Sistem Manajemen Mutu",
        ),
        ("Persentase program studi erakreditasi Unggul", "Persentase program studi terakreditasi Unggul"),
        # a name goes on after a Title word, though a lower-case word follows
        (
            "Sosialisasi Peraturan emerintah tentang Jenis Tarif",
            "Sosialisasi Peraturan Pemerintah tentang Jenis Tarif",
        ),
        (
            "Pembangunan Zona 1ntegritas menuju Wilayah Bebas dari Korupsi",
            "Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi",
        ),
    ],
)
def test_the_shipped_counts_give_the_case_a_plan_table_would(cell: str, expected: str) -> None:
    shipped = Corrector(load_vocabulary(), load_lexicon())
    assert shipped.fix(cell, column="kegiatan", line=1).text == expected


def test_the_shipped_counts_are_those_of_the_corpus() -> None:
    spec = importlib.util.spec_from_file_location("make_pairs", ROOT / "scripts" / "make_pairs.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = (ROOT / "rakparse" / "data" / PLAN_CASE_FILE).read_text(encoding="utf-8")
    assert text == PlanCase.count(script.corpus_cells()).encode(), (
        "run scripts/make_pairs.py after editing corpus/rak/"
    )
    assert load_plan_case().encode() == text
