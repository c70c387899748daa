"""Schedule cells → weeks: case tables by origin, then properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakparse.fields.result import Repair
from rakparse.fields.weeks import MAX_WEEK, format_weeks, is_schedule_cell, parse_weeks

ALL = (1, 2, 3, 4)

# Every distinct schedule cell of samples/kpu-tabanan-2023.txt.
FROM_SAMPLE = [
    ("minggu ke 1", (1,)),
    ("minggu ke 1-4", ALL),
    ("minggu ke 4", (4,)),
    ("minggu ke 2", (2,)),
    ("minggu ke 1-4 minggu ke 1-4", ALL),  # two activities stacked in one cell, same weeks
]

FROM_CONTRACT = [
    ("minggu ke 1-4", ALL),
    ("minggu ke 2", (2,)),
    ("minggu ke 1, 3", (1, 3)),
    ("minggu ke 1 s/d 3", (1, 2, 3)),
    ("Minggu ke I-IV", ALL),
    ("minggu ke-1 s/d 4", ALL),  # field notes: the cell that wraps over three lines
]

# The notations other agencies' forms use.
OTHER_NOTATIONS = [
    ("minggu ke 1 s.d 3", (1, 2, 3)),
    ("minggu ke 1 s.d. 3", (1, 2, 3)),
    ("minggu ke 1 sd 3", (1, 2, 3)),
    ("minggu ke 1sd3", (1, 2, 3)),
    ("minggu ke 1 s / d 3", (1, 2, 3)),
    ("minggu ke 1 sampai 3", (1, 2, 3)),
    ("minggu ke 1 sampai dengan 3", (1, 2, 3)),
    ("minggu ke 2 hingga 4", (2, 3, 4)),
    ("MINGGU KE 1-4", ALL),
    ("Minggu Ke 1 - 4", ALL),
    ("minggu ke 1 – 4", ALL),
    ("minggu ke 1—4", ALL),
    ("minggu ke-1", (1,)),
    ("minggu ke - 2", (2,)),
    ("minggu ke1", (1,)),
    ("mingguke 3", (3,)),
    ("minggu 1-2", (1, 2)),
    ("mg 1-2", (1, 2)),
    ("Mg. 3", (3,)),
    ("mgg ke 2", (2,)),
    ("pekan ke 2", (2,)),
    ("week 1-2", (1, 2)),
    ("M1-M4", ALL),
    ("M2", (2,)),
    ("minggu ke 1,2,3,4", ALL),
    ("minggu ke 1 2 3", (1, 2, 3)),
    ("minggu ke 1; 3", (1, 3)),
    ("minggu ke 1 dan 3", (1, 3)),
    ("minggu ke 2 & 4", (2, 4)),
    ("minggu ke 1-2, 4", (1, 2, 4)),
    ("minggu ke 1 s/d minggu ke 3", (1, 2, 3)),
    ("minggu ke 5", (5,)),
    ("minggu ke 4-1", ALL),
    ("minggu ke 01", (1,)),
    ("Minggu ke IV", (4,)),
    ("minggu ke III dan IV", (3, 4)),
    ("minggu ke ii - iii", (2, 3)),
    ("Minggu ke V", (5,)),
    ("1-4", ALL),
    ("2", (2,)),
    ("1,3", (1, 3)),
    ("1 - 3", (1, 2, 3)),
    ("I", (1,)),
    ("II-III", (2, 3)),
    ("minggu pertama", (1,)),
    ("minggu kedua dan keempat", (2, 4)),
    ("minggu ke dua s/d empat", (2, 3, 4)),
    ("setiap minggu", ALL),
    ("Tiap Minggu", ALL),
]

# Words OCR broke, stray brackets and punctuation.
OCR_NOISE = [
    ("Mingg uke-4]", (4,)),
    ("mingg u ke 1-4", ALL),
    ("Mingg u ke 1-4", ALL),
    ("[minggu ke 2)", (2,)),
    ("minggu ke 1-4.", ALL),
    ("minggu ke 1-4,", ALL),
    ("'minggu ke 3'", (3,)),
    ("minggu  ke   1-4", ALL),
    ("minggu\nke 1-4", ALL),
    ("rninggu ke 2", (2,)),
    ("mlnggu ke 2", (2,)),
    ("minggu ke: 2", (2,)),
]

# Letters for digits: (cell, weeks, repairs).
REPAIRED = [
    ("minggu ke l-4", ALL, (Repair("l", "1"),)),
    ("minggu ke I-4", ALL, (Repair("I", "1"),)),
    ("minggu ke 1-S", (1, 2, 3, 4, 5), (Repair("S", "5"),)),
    ("minggu ke |-4", ALL, (Repair("|", "1"),)),
    ("minggu ke l", (1,), (Repair("l", "1"),)),
    ("minggu ke 1-4l", (1, 2, 3, 4, 5), (Repair("4l", "41"),)),
]

MARKS = ["v", "V", "x", "X", "✓", "√", "✔", "●", "■", "*", "█", "vv", " v ", "[v]"]

NOT_SCHEDULES = [
    "84.204.000",
    "Rp. 2.953.803.000",
    "2.619.569.000",
    "100%",
    "97,5%",
    "24 kegiatan",
    "2 Lap",
    "B",
    "AA",
    "Semua Divisi",
    "Rapat koordinasi setiap minggu ke 2",
    "Menyusun laporan mingguan",
    "6",
    "17",
    "0",
    "18",
    "2023",
    "1-7",
    "1.000",
    "-",
    "dua",
    "Rapat setiap minggu",
]


@pytest.mark.parametrize(("cell", "weeks"), FROM_SAMPLE + FROM_CONTRACT + OTHER_NOTATIONS + OCR_NOISE)
def test_parse_weeks(cell: str, weeks: tuple[int, ...]) -> None:
    result = parse_weeks(cell)
    assert result.weeks == weeks
    assert result.raw == cell
    assert result.repairs == ()
    assert [i.code for i in result.issues] == []


@pytest.mark.parametrize(("cell", "weeks"), FROM_SAMPLE + FROM_CONTRACT + OTHER_NOTATIONS + OCR_NOISE)
def test_is_schedule_cell_accepts(cell: str, weeks: tuple[int, ...]) -> None:
    assert is_schedule_cell(cell)


@pytest.mark.parametrize(("cell", "weeks", "repairs"), REPAIRED)
def test_letters_for_digits_are_repaired_and_reported(
    cell: str, weeks: tuple[int, ...], repairs: tuple[Repair, ...]
) -> None:
    result = parse_weeks(cell)
    assert result.weeks == weeks
    assert result.repairs == repairs
    assert is_schedule_cell(cell)


def test_roman_numerals_are_not_repairs() -> None:
    assert parse_weeks("Minggu Ke I-IV").repairs == ()


@pytest.mark.parametrize("cell", MARKS)
def test_mark_means_whole_month_with_a_warning(cell: str) -> None:
    result = parse_weeks(cell)
    assert result.weeks == ALL  # the contract: never []
    assert [i.code for i in result.issues] == ["schedule.mark"]
    assert is_schedule_cell(cell)


@pytest.mark.parametrize(
    ("cell", "weeks"),
    [
        ("minggu ke 1 minggu ke 1 minggu ke 4", (1, 4)),  # the sample, B1 of row 1b
        ("minggu ke 1-2 minggu ke 4", (1, 2, 4)),
        ("mg 1 mg 3", (1, 3)),
    ],
)
def test_different_stacked_schedules_are_merged_and_flagged(cell: str, weeks: tuple[int, ...]) -> None:
    result = parse_weeks(cell)
    assert result.weeks == weeks
    assert [i.code for i in result.issues] == ["schedule.merged"]


@pytest.mark.parametrize(
    ("cell", "weeks"),
    [
        ("minggu ke 7", None),
        ("minggu ke 0", None),
        ("minggu ke 1, 7", (1,)),
        ("minggu ke 3-9", (3, 4, 5)),
        ("minggu ke 12", None),  # not guessed as 1-2
        ("minggu ke 1O", None),  # 10 after the repair
    ],
)
def test_weeks_outside_one_to_five_are_dropped(cell: str, weeks: tuple[int, ...] | None) -> None:
    result = parse_weeks(cell)
    assert result.weeks == weeks
    assert "schedule.bad-week" in [i.code for i in result.issues]


@pytest.mark.parametrize("cell", NOT_SCHEDULES)
def test_not_a_schedule(cell: str) -> None:
    assert not is_schedule_cell(cell)
    result = parse_weeks(cell)
    assert result.weeks is None
    assert [i.code for i in result.issues] == ["schedule.unreadable"]


@pytest.mark.parametrize("cell", ["", " ", "\t\n"])
def test_empty_cell_is_no_schedule_and_no_warning(cell: str) -> None:
    assert parse_weeks(cell) == parse_weeks(cell).__class__(cell, None)
    assert not is_schedule_cell(cell)


@pytest.mark.parametrize(
    ("cell", "weeks", "code"),
    [
        ("minggu ke 1-", (1,), "schedule.incomplete"),
        ("minggu ke 1-4 (rutin)", ALL, "schedule.ignored-text"),
        ("minggu ke", None, "schedule.unreadable"),
        ("Mingg | Mingg | mingg |", None, "schedule.unreadable"),
    ],
)
def test_doubtful_cells_say_why(cell: str, weeks: tuple[int, ...] | None, code: str) -> None:
    result = parse_weeks(cell)
    assert result.weeks == weeks
    assert code in [i.code for i in result.issues]


def test_keyword_fragments_count_as_schedule_cells() -> None:
    # a wrapped cell whose number went to another line is still a schedule column
    assert is_schedule_cell("minggu ke")
    assert is_schedule_cell("Mingg")


KNOWN_BAD = [
    # Tesseract's interleaved neighbours (field notes): not readable without geometry.
    pytest.param("ull | ul Juke-4] uv |uv", (4,), id="interleaved-cells"),
    # ``12`` could be ``1-2`` with the dash lost, or ``1, 2``; we do not guess.
    pytest.param("minggu ke 12", (1, 2), id="lost-dash"),
]


@pytest.mark.xfail(strict=True, reason="known limitation")
@pytest.mark.parametrize(("cell", "weeks"), KNOWN_BAD)
def test_known_bad(cell: str, weeks: tuple[int, ...]) -> None:
    assert parse_weeks(cell).weeks == weeks


@pytest.mark.parametrize(
    ("weeks", "text"),
    [((1, 2, 3, 4), "1-4"), ((1,), "1"), ((1, 3), "1,3"), ((1, 2, 4), "1-2,4"), ((5, 1, 1), "1,5"), ((), "")],
)
def test_format_weeks(weeks: tuple[int, ...], text: str) -> None:
    assert format_weeks(weeks) == text


week_sets = st.lists(st.integers(1, MAX_WEEK), min_size=1, max_size=8)


@settings(max_examples=200)
@given(week_sets, st.sampled_from(["", "minggu ke ", "Minggu Ke ", "mg "]))
def test_format_then_parse_is_identity(weeks: list[int], prefix: str) -> None:
    result = parse_weeks(prefix + format_weeks(weeks))
    assert result.weeks == tuple(sorted(set(weeks)))
    assert result.issues == ()
    assert is_schedule_cell(prefix + format_weeks(weeks))


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_never_raises_on_any_text(text: str) -> None:
    result = parse_weeks(text)
    assert result.weeks is None or (result.weeks and all(1 <= w <= MAX_WEEK for w in result.weeks))
    assert result.weeks is None or list(result.weeks) == sorted(set(result.weeks))
    is_schedule_cell(text)


schedule_alphabet = st.sampled_from(
    ["minggu", "ke", "mingg", "u", "uke", " ", "-", "s/d", ",", "1", "4", "l", "I", "V", "]", "7", "x", "√"]
)


@settings(max_examples=300)
@given(st.lists(schedule_alphabet, max_size=12).map("".join))
def test_never_raises_on_schedule_like_text(text: str) -> None:
    result = parse_weeks(text)
    assert result.weeks != ()
    if result.weeks is not None:
        assert all(1 <= w <= MAX_WEEK for w in result.weeks)
