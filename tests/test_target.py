"""Target cells → Target(raw, value, unit, kind): case tables by origin, then properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakparse.fields.result import Repair
from rakparse.fields.target import GRADES, is_target_like, parse_target
from rakparse.model import Target

T = Target

# Every target cell of samples/kpu-tabanan-2023.txt.
FROM_SAMPLE = [
    ("5", T("5", 5, None, "number")),
    ("B", T("B", None, None, "grade")),
    ("100%", T("100%", 100, "%", "percent")),
    ("10 kali", T("10 kali", 10, "kali", "count")),
    ("75%", T("75%", 75, "%", "percent")),
    ("97,5%", T("97,5%", 97.5, "%", "percent")),
    ("90%", T("90%", 90, "%", "percent")),
    ("1 Dokumen", T("1 Dokumen", 1, "dokumen", "count")),
    ("2 Lap", T("2 Lap", 2, "laporan", "count")),
    ("12 Lap", T("12 Lap", 12, "laporan", "count")),
    ("98%", T("98%", 98, "%", "percent")),
    ("87,5%", T("87,5%", 87.5, "%", "percent")),
    ("70%", T("70%", 70, "%", "percent")),
    ("100,0%", T("100,0%", 100, "%", "percent")),
    ("17 Laporan", T("17 Laporan", 17, "laporan", "count")),
    ("24 kegiatan", T("24 kegiatan", 24, "kegiatan", "count")),
    ("87,5", T("87,5", 87.5, None, "number")),
    (
        "10 PPK dan 133 PPS, Pantarh sesuai jumlah TPS",
        T("10 PPK dan 133 PPS, Pantarh sesuai jumlah TPS", None, None, "text"),
    ),
]

# The contract's target row and "count units".
FROM_CONTRACT = [
    ("Dok", None),  # a unit without number is text
    ("3 Dok", T("3 Dok", 3, "dokumen", "count")),
    ("4 Keg", T("4 Keg", 4, "kegiatan", "count")),
    ("20 Org", T("20 Org", 20, "orang", "count")),
    ("12 Bln", T("12 Bln", 12, "bulan", "count")),
    ("1 Pkt", T("1 Pkt", 1, "paket", "count")),
    ("5 unit", T("5 unit", 5, "unit", "count")),
    ("10 desa", T("10 desa", 10, "desa", "count")),
    ("3 sekolah", T("3 sekolah", 3, "sekolah", "count")),
]

OTHER_NOTATIONS = [
    ("75 %", T("75 %", 75, "%", "percent")),
    ("98 persen", T("98 persen", 98, "%", "percent")),
    ("98 Persen", T("98 Persen", 98, "%", "percent")),
    ("97.5%", T("97.5%", 97.5, "%", "percent")),
    ("0%", T("0%", 0, "%", "percent")),
    ("≥ 80%", T("≥ 80%", 80, "%", "percent")),  # the bound stays in raw only
    (">= 80 %", T(">= 80 %", 80, "%", "percent")),
    ("Min. 80%", T("Min. 80%", 80, "%", "percent")),
    ("12 Lap.", T("12 Lap.", 12, "laporan", "count")),
    ("12 LAP", T("12 LAP", 12, "laporan", "count")),
    ("12 laporan", T("12 laporan", 12, "laporan", "count")),
    ("1 (satu) Dokumen", T("1 (satu) Dokumen", 1, "dokumen", "count")),
    ("4 x", T("4 x", 4, "kali", "count")),
    ("4x", T("4x", 4, "kali", "count")),
    ("2 Keg.", T("2 Keg.", 2, "kegiatan", "count")),
    ("10 Desa", T("10 Desa", 10, "desa", "count")),
    ("1.000 eksemplar", T("1.000 eksemplar", 1000, "eksemplar", "count")),
    ("1.000", T("1.000", 1000, None, "number")),
    ("1.000.000", T("1.000.000", 1_000_000, None, "number")),
    ("0,5", T("0,5", 0.5, None, "number")),
    ("12", T("12", 12, None, "number")),
    ("AA", T("AA", None, None, "grade")),
    ("A", T("A", None, None, "grade")),
    ("BB", T("BB", None, None, "grade")),
    ("CC", T("CC", None, None, "grade")),
    ("C", T("C", None, None, "grade")),
    ("D", T("D", None, None, "grade")),
    ("Predikat BB", T("Predikat BB", None, None, "grade")),
    ("Nilai B (Baik)", T("Nilai B (Baik)", None, None, "grade")),
    ("Minimal B", T("Minimal B", None, None, "grade")),
    ("A-", T("A-", None, None, "text")),  # not a SAKIP grade
    ("B+", T("B+", None, None, "text")),
    ("Tepat waktu", T("Tepat waktu", None, None, "text")),
    ("1 Dokumen LKj", T("1 Dokumen LKj", None, None, "text")),
    ("3 Jumlah Laporan Reformasi", T("3 Jumlah Laporan Reformasi", None, None, "text")),
    ("  97,5 %  ", T("97,5 %", 97.5, "%", "percent")),  # raw is whitespace-collapsed
    ("2\nLap", T("2 Lap", 2, "laporan", "count")),
]

REPAIRED = [
    ("1OO%", T("100%", 100, "%", "percent"), Repair("1OO", "100")),
    ("l00%", T("100%", 100, "%", "percent"), Repair("l00", "100")),
    ("9S%", T("95%", 95, "%", "percent"), Repair("9S", "95")),
    ("1O kali", T("10 kali", 10, "kali", "count"), Repair("1O", "10")),
]


def _cases() -> list[tuple[str, Target | None]]:
    return [(c, t) for c, t in FROM_SAMPLE + FROM_CONTRACT + OTHER_NOTATIONS]


@pytest.mark.parametrize(("cell", "target"), _cases())
def test_parse_target(cell: str, target: Target | None) -> None:
    result = parse_target(cell)
    if target is None:
        assert result.target is not None and result.target.kind == "text"
        return
    assert result.target == target
    assert type(result.target.value) is type(target.value)  # 100 stays int, 97.5 float
    assert result.repairs == ()
    assert result.issues == ()


@pytest.mark.parametrize(("cell", "target"), _cases())
def test_is_target_like_agrees_with_kind(cell: str, target: Target | None) -> None:
    assert is_target_like(cell) == (target is not None and target.kind != "text")


@pytest.mark.parametrize(("cell", "target", "repair"), REPAIRED)
def test_letters_for_digits_are_repaired_and_reported(cell: str, target: Target, repair: Repair) -> None:
    result = parse_target(cell)
    assert result.target == target
    assert result.repairs == (repair,)


@pytest.mark.parametrize("cell", ["", " ", "\n\t"])
def test_empty_cell_is_no_target(cell: str) -> None:
    assert parse_target(cell).target is None
    assert parse_target(cell).issues == ()
    assert not is_target_like(cell)


@pytest.mark.parametrize("grade", GRADES)
def test_every_sakip_grade(grade: str) -> None:
    assert parse_target(grade).target == Target(grade, None, None, "grade")


def test_percent_keeps_its_decimal_comma() -> None:
    """price-parser reads ``97,5%`` as 97 (field notes): we must not."""
    target = parse_target("97,5%").target
    assert target is not None and target.value == 97.5


@pytest.mark.parametrize("cell", ["1,5,5%", "1,2.3"])
def test_damaged_numbers_are_text_with_a_warning(cell: str) -> None:
    result = parse_target(cell)
    assert result.target is not None and result.target.kind == "text" and result.target.value is None
    assert [i.code for i in result.issues] == ["target.malformed"]


@pytest.mark.parametrize(
    "cell", ["Semua Divisi", "minggu ke 1-4", "Rp. 2.953.803.000", "-", "Menyusun PK Tahun 2023"]
)
def test_not_target_like(cell: str) -> None:
    assert not is_target_like(cell)


KNOWN_BAD = [
    # Two targets glued by OCR (target and the form's column number): read as one text.
    pytest.param("5 1. Laporan", T("5 1. Laporan", 1, "laporan", "count"), id="column-number-glued"),
    # A range target.
    pytest.param("90-100%", T("90-100%", 100, "%", "percent"), id="range"),
]


@pytest.mark.xfail(strict=True, reason="known limitation")
@pytest.mark.parametrize(("cell", "target"), KNOWN_BAD)
def test_known_bad(cell: str, target: Target) -> None:
    assert parse_target(cell).target == target


@settings(max_examples=200)
@given(st.integers(0, 10_000), st.sampled_from(["%", " %", " persen", ""]))
def test_integer_targets_round_trip(value: int, suffix: str) -> None:
    target = parse_target(f"{value}{suffix}").target
    assert target is not None and target.value == value
    assert target.kind == ("percent" if suffix else "number")


@settings(max_examples=200)
@given(st.integers(0, 999), st.integers(1, 9))
def test_indonesian_decimal_comma(whole: int, tenth: int) -> None:
    target = parse_target(f"{whole},{tenth}%").target
    assert target is not None and target.value == whole + tenth / 10


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    result = parse_target(text)
    if result.target is not None:
        assert result.target.raw == " ".join(result.target.raw.split())
        assert result.target.kind in ("percent", "count", "grade", "number", "text")
        assert (result.target.value is None) == (result.target.kind in ("grade", "text"))
    is_target_like(text)
