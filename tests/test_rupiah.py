"""Cost cells → integer rupiah: case tables by origin, damaged amounts, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakparse.fields.result import Repair
from rakparse.fields.rupiah import STYLES, format_rupiah, is_amount, parse_rupiah

# Every cost cell of samples/kpu-tabanan-2023.txt.
FROM_SAMPLE = [
    ("Rp. 2.953.803.000", 2_953_803_000),
    ("Rp. 13.718.210.000", 13_718_210_000),
    ("2.619.569.000", 2_619_569_000),
    ("12.613.260.000", 12_613_260_000),
    ("22.451.000", 22_451_000),
    ("303.853.000", 303_853_000),
    ("15.800.000", 15_800_000),
    ("350.342.000", 350_342_000),
    ("272.783.000", 272_783_000),
    ("63.904.000", 63_904_000),
    ("84.204.000", 84_204_000),
]

FROM_CONTRACT = [
    ("Rp. 2.953.803.000", 2_953_803_000),
    ("Rp 2.953.803.000,00", 2_953_803_000),
    ("2,953,803,000", 2_953_803_000),
    ("Rp 2,9 M", 2_900_000_000),
    ("350 juta", 350_000_000),
    ("Rp. 22.451.000,-", 22_451_000),
]

OTHER_NOTATIONS = [
    ("Rp2.953.803.000,-", 2_953_803_000),
    ("Rp.2.953.803.000", 2_953_803_000),
    ("RP. 2.953.803.000", 2_953_803_000),
    ("rp 2.953.803.000", 2_953_803_000),
    ("Rp, 2.953.803.000", 2_953_803_000),
    ("Rp: 2.953.803.000", 2_953_803_000),
    ("IDR 2,953,803,000", 2_953_803_000),
    ("IDR 2,953,803,000.00", 2_953_803_000),
    ("Rupiah 5.000", 5_000),
    ("2953803000", 2_953_803_000),
    ("Rp 2953803000", 2_953_803_000),
    ("Rp 2953803000,00", 2_953_803_000),
    ("2.953.803.000,0", 2_953_803_000),
    ("2.953.803.000.-", 2_953_803_000),
    ("2.953.803.000,--", 2_953_803_000),
    ("2.953.803.000=", 2_953_803_000),
    ("2.953.803.000.", 2_953_803_000),  # a sentence's full stop
    ("Rp. 2. 953.803.000", 2_953_803_000),
    ("Rp 2 953 803 000", 2_953_803_000),
    ("2 953 803 000", 2_953_803_000),
    ("1.000", 1_000),
    ("2,953", 2_953),
    ("Rp. 0", 0),
    ("0", 0),
    ("  Rp.  22.451.000,-  ", 22_451_000),
    ("Rp.\n2.953.803.000", 2_953_803_000),
    ("(Rp. 2.953.803.000)", 2_953_803_000),
    ("2.953.803.000 rupiah", 2_953_803_000),
    ("Rp 2.953.803.000 ,-", 2_953_803_000),
    ("Rp. 5.000.000,- (lima juta rupiah)", 5_000_000),
    ("Rp 15.800.000 (APBD)", 15_800_000),
]

MAGNITUDES = [
    ("2,9 miliar", 2_900_000_000),
    ("2,9 milyar", 2_900_000_000),
    ("2,9M", 2_900_000_000),
    ("Rp2,9M", 2_900_000_000),
    ("Rp 2.9 M", 2_900_000_000),
    ("1 M", 1_000_000_000),
    ("1,5 juta", 1_500_000),
    ("1,5 jt", 1_500_000),
    ("Rp 350 jt.", 350_000_000),
    ("350juta", 350_000_000),
    ("500 ribu", 500_000),
    ("500 rb", 500_000),
    ("1 T", 1_000_000_000_000),
    ("1 triliun", 1_000_000_000_000),
    ("1,25 trilyun", 1_250_000_000_000),
    ("1.500 juta", 1_500_000_000),
    ("1,500 juta", 1_500_000),  # before a magnitude the comma is the decimal point
    ("Rp 12,613 M", 12_613_000_000),
    ("2,953803 M", 2_953_803_000),
]

# Letters for digits: (cell, value, the token repaired).
REPAIRED = [
    ("2.9S3.8O3.000", 2_953_803_000, Repair("2.9S3.8O3.000", "2.953.803.000")),
    ("2.953.8O3.000", 2_953_803_000, Repair("2.953.8O3.000", "2.953.803.000")),
    ("l3.718.210.000", 13_718_210_000, Repair("l3.718.210.000", "13.718.210.000")),
    ("Rp. 84.2O4.000", 84_204_000, Repair("84.2O4.000", "84.204.000")),
    ("Rp. 2.9S3.803.0OO", 2_953_803_000, Repair("2.9S3.803.0OO", "2.953.803.000")),
    ("Rp. 1.B00.000", 1_800_000, Repair("1.B00.000", "1.800.000")),
    ("Rp. I5.800.000", 15_800_000, Repair("I5.800.000", "15.800.000")),
    ("Rp. 2Z.451.000", 22_451_000, Repair("2Z.451.000", "22.451.000")),
    ("3S0 juta", 350_000_000, Repair("3S0", "350")),
    ("Rp. 6D.904.000", 60_904_000, Repair("6D.904.000", "60.904.000")),
]

# Damaged: a group of the wrong length, sen, not whole rupiah. Never a guess.
MALFORMED = [
    "Rp. 2.953.803.00",
    "2.953.803.00",
    "2.95.803.000",
    "2953.803.000",
    "2.953.8030.000",
    "2,953,803,00",
    "2.953,803",
    "Rp. 1.2.3",
    "803.00",  # a dot before two final digits: damaged, not English sen
    "Rp 1.000,50",  # non-zero sen
    "1,5",
    "1,2345 rb",
    "2.9.1 M",
    "Rp. 2.953.8O3.00",  # repaired letters do not make a damaged amount whole
]

NIL = ["-", "Rp. -", "Rp -", "Rp. -,-", "–", "Rp.", "Rp"]

NOT_AMOUNTS = [
    "2 Lap",
    "12 Lap",
    "10 kali",
    "100%",
    "97,5%",
    "minggu ke 1-4",
    "Semua Divisi",
    "I M",
    "SOO.OOO",
    "1-4",
]


@pytest.mark.parametrize(("cell", "value"), FROM_SAMPLE + FROM_CONTRACT + OTHER_NOTATIONS + MAGNITUDES)
def test_parse_rupiah(cell: str, value: int) -> None:
    result = parse_rupiah(cell)
    assert result.value == value
    assert type(result.value) is int
    assert result.raw == cell
    assert result.repairs == ()
    assert result.issues == ()


@pytest.mark.parametrize(("cell", "value"), FROM_SAMPLE + FROM_CONTRACT + OTHER_NOTATIONS[:-3] + MAGNITUDES)
def test_is_amount_accepts(cell: str, value: int) -> None:
    assert is_amount(cell) == (value >= 1000 or "rp" in cell.lower())


@pytest.mark.parametrize(("cell", "value", "repair"), REPAIRED)
def test_letters_for_digits_are_repaired_and_reported(cell: str, value: int, repair: Repair) -> None:
    result = parse_rupiah(cell)
    assert result.value == value
    assert result.repairs == (repair,)
    assert result.issues == ()
    assert is_amount(cell)


@pytest.mark.parametrize("cell", MALFORMED)
def test_damaged_amounts_are_none_with_a_warning(cell: str) -> None:
    result = parse_rupiah(cell)
    assert result.value is None
    assert [i.code for i in result.issues] == ["biaya.malformed"]


def test_field_notes_traps_are_not_silently_coerced() -> None:
    """What Babel and price-parser get wrong (field notes, "Numbers")."""
    assert parse_rupiah("2.953.803.00").value is None  # Babel: 295380300
    assert parse_rupiah("2.953.803.00").issues[0].code == "biaya.malformed"
    assert parse_rupiah("2.953.8O3.000").value == 2_953_803_000  # price-parser: 29538
    assert parse_rupiah("2.953.8O3.000").repairs == (Repair("2.953.8O3.000", "2.953.803.000"),)
    assert parse_rupiah("350 juta").value == 350_000_000  # price-parser ignores juta
    assert parse_rupiah("Rp 2,9 M").value == 2_900_000_000  # ... and M
    assert parse_rupiah("97,5%").value is None  # price-parser: 97
    assert parse_rupiah("2.953.803.000").value == 2_953_803_000  # thousands, not a decimal point


@pytest.mark.parametrize("cell", NIL)
def test_nil_cost_is_none_without_warning(cell: str) -> None:
    assert parse_rupiah(cell).value is None
    assert parse_rupiah(cell).issues == ()


@pytest.mark.parametrize("cell", ["", " ", "\n"])
def test_empty(cell: str) -> None:
    assert parse_rupiah(cell) == parse_rupiah(cell).__class__(cell, None)
    assert not is_amount(cell)


@pytest.mark.parametrize("cell", NOT_AMOUNTS)
def test_not_amounts(cell: str) -> None:
    result = parse_rupiah(cell)
    assert result.value is None
    assert [i.code for i in result.issues] == ["biaya.unreadable"]
    assert not is_amount(cell)


@pytest.mark.parametrize("cell", ["18", "19", "2023", "2024", "5", "87,5", "-", "98", "Rupiah Murni"])
def test_is_amount_rejects_what_is_not_a_cost(cell: str) -> None:
    assert not is_amount(cell)


# ``Rp.`` alone is the first line of a wrapped amount (``Rp.`` / ``45.000.000``).
@pytest.mark.parametrize("cell", ["Rp. 2.953.803.00", "2.95.803.000", "Rp. -", "2.9S3.8O3.000", "Rp."])
def test_is_amount_finds_damaged_and_nil_costs(cell: str) -> None:
    assert is_amount(cell)


def test_an_amount_with_trailing_words_is_a_cost_cell_but_not_read() -> None:
    assert is_amount("Rp. 15.800.000 DIPA")
    assert parse_rupiah("Rp. 15.800.000 DIPA").issues[0].code == "biaya.unreadable"


KNOWN_BAD = [
    # An amount followed by words (a funding source): read as unreadable for now.
    pytest.param("Rp. 15.800.000 DIPA", 15_800_000, id="trailing-words"),
    # Spelled-out amounts.
    pytest.param("dua juta rupiah", 2_000_000, id="spelled-out"),
]


@pytest.mark.xfail(strict=True, reason="known limitation")
@pytest.mark.parametrize(("cell", "value"), KNOWN_BAD)
def test_known_bad(cell: str, value: int) -> None:
    assert parse_rupiah(cell).value == value


@pytest.mark.parametrize("style", STYLES)
def test_format_styles(style: str) -> None:
    expected = {
        "id": "Rp. 2.953.803.000",
        "id-cents": "Rp 2.953.803.000,00",
        "id-dash": "Rp. 22.451.000,-",
        "plain": "2.953.803.000",
        "en": "2,953,803,000",
        "digits": "2953803000",
    }[style]
    value = 22_451_000 if style == "id-dash" else 2_953_803_000
    assert format_rupiah(value, style) == expected


def test_format_refuses_what_it_cannot_write() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_rupiah(-1, "id")
    with pytest.raises(ValueError, match="unknown style"):
        format_rupiah(1, "xx")


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(STYLES))
def test_format_then_parse_is_identity(value: int, style: str) -> None:
    result = parse_rupiah(format_rupiah(value, style))
    assert result.value == value
    assert result.issues == ()


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    result = parse_rupiah(text)
    assert result.value is None or (isinstance(result.value, int) and result.value >= 0)
    is_amount(text)


amount_alphabet = st.sampled_from(
    ["Rp", ". ", "1", "2", "9", "000", ".", ",", "-", " ", "O", "S", "l", "juta", "M", ",00", ",-", "%"]
)


@settings(max_examples=300)
@given(st.lists(amount_alphabet, max_size=12).map("".join))
def test_never_raises_on_amount_like_text(text: str) -> None:
    result = parse_rupiah(text)
    if result.value is None:
        assert all(i.code in ("biaya.malformed", "biaya.unreadable") for i in result.issues)
    else:
        assert result.issues == ()
    is_amount(text)
