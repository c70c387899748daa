"""Recognise what OCR made of the form's printed labels.

Header cells (``KEGIATAN YANG AMAN DILAKSANAKAN``), month headings (``B1`` read as
``81``, ``JAN``, or the form's column numbers ``6 … 17``) and title-block labels
(``MAMA/UNIT ORGANISASI``) are matched with rapidfuzz against the label variants
that RAK forms of many agencies print.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

#: Label variants per logical column, upper case. A variant matches the first words
#: of a header cell, so ``SASARAN PROGRAM/KEGIATAN`` matches ``SASARAN``.
COLUMN_LABELS: dict[str, tuple[str, ...]] = {
    "no": ("NO", "NOMOR", "NO URUT"),
    "sasaran": (
        "SASARAN",
        "SASARAN PROGRAM",
        "SASARAN PROGRAM/KEGIATAN",
        "SASARAN STRATEGIS",
        "SASARAN KEGIATAN",
        "TUJUAN",
    ),
    "indikator": ("INDIKATOR", "INDIKATOR KINERJA", "INDIKATOR SASARAN", "IKU"),
    "target": ("TARGET", "TARGET KINERJA"),
    "kegiatan": (
        "KEGIATAN",
        "KEGIATAN YANG AKAN DILAKSANAKAN",
        "KEGIATAN YANG AKAN DILAKUKAN",
        "RENCANA AKSI",
        "RENCANA KEGIATAN",
        "URAIAN KEGIATAN",
        "PROGRAM/KEGIATAN",
    ),
    "schedule": (
        "RENCANA PELAKSANAAN",
        "JADWAL PELAKSANAAN",
        "WAKTU PELAKSANAAN",
        "JADWAL KEGIATAN",
        "JADWAL",
        "TIME SCHEDULE",
        "BULAN",
        "TAHAPAN PELAKSANAAN",
    ),
    "biaya": (
        "PERKIRAAN BIAYA",
        "PERKIRAAN",
        "BIAYA",
        "ANGGARAN",
        "ANGGARAN (RP)",
        "PAGU",
        "PAGU ANGGARAN",
        "DANA",
        "ALOKASI ANGGARAN",
    ),
    "pelaksana": (
        "PELAKSANA",
        "PENANGGUNG JAWAB",
        "PENANGGUNGJAWAB",
        "UNIT PELAKSANA",
        "UNIT KERJA PELAKSANA",
        "PIC",
    ),
}

#: Title-block labels: which document field the value after ``:`` fills.
TITLE_LABELS: dict[str, tuple[str, ...]] = {
    "unit": (
        "NAMA/UNIT ORGANISASI",
        "NAMA UNIT ORGANISASI",
        "UNIT ORGANISASI",
        "UNIT KERJA",
        "NAMA UNIT KERJA",
        "SATUAN KERJA",
        "NAMA SATUAN KERJA",
        "SATKER",
        "INSTANSI",
        "NAMA INSTANSI",
        "PERANGKAT DAERAH",
        "NAMA PERANGKAT DAERAH",
        "OPD",
        "SKPD",
        "UNIT ESELON",
    ),
    "year": ("TAHUN", "TAHUN ANGGARAN", "TA", "PERIODE"),
}

MONTH_NAMES = (
    ("JAN", "JANUARI"),
    ("FEB", "PEB", "FEBRUARI", "PEBRUARI"),
    ("MAR", "MARET"),
    ("APR", "APRIL"),
    ("MEI",),
    ("JUN", "JUNI"),
    ("JUL", "JULI"),
    ("AGU", "AGS", "AGT", "AGUS", "AGUSTUS"),
    ("SEP", "SEPT", "SEPTEMBER"),
    ("OKT", "OKTOBER"),
    ("NOV", "NOP", "NOVEMBER", "NOPEMBER"),
    ("DES", "DESEMBER"),
)

_MONTH_WORDS = {name for names in MONTH_NAMES for name in names}
_PUNCT = re.compile(r"[^A-Z0-9/() ]+")
_SPACES = re.compile(r"\s+")
LABEL_MIN_SCORE = 80.0


def normalise_label(text: str) -> str:
    """Upper case, OCR digit-for-letter fixed, punctuation and spacing folded.

    >>> normalise_label("  Kegiatan yang  AKAN\\tdilaksanakan ")
    'KEGIATAN YANG AKAN DILAKSANAKAN'
    >>> normalise_label("NAMA/UNIT 0RGANISASI")
    'NAMA/UNIT ORGANISASI'
    >>> normalise_label("NO.")
    'NO'
    """
    upper = text.upper()
    # Inside a word a 0 is an O and a 1 an I ("0RGANISASI", "KEG1ATAN").
    upper = re.sub(r"(?<=[A-Z])0|0(?=[A-Z]{2})", "O", upper)
    upper = re.sub(r"(?<=[A-Z])1(?=[A-Z])", "I", upper)
    upper = _PUNCT.sub(" ", upper)
    return _SPACES.sub(" ", upper).strip()


@dataclass(frozen=True)
class LabelMatch:
    name: str
    variant: str
    score: float


def _best(text: str, table: dict[str, tuple[str, ...]]) -> LabelMatch | None:
    norm = normalise_label(text)
    if not norm:
        return None
    words = norm.split(" ")
    best: LabelMatch | None = None
    for name, variants in table.items():
        for variant in variants:
            size = variant.count(" ") + 1
            head = " ".join(words[:size])
            score = fuzz.ratio(head, variant)
            # A short label must match in full ("NO" is not "NOMINAL").
            if len(variant) <= 3 and head != variant:
                continue
            better = best is None or score > best.score
            tie_longer = best is not None and score == best.score and len(variant) > len(best.variant)
            if better or tie_longer:
                best = LabelMatch(name, variant, score)
    if best is None or best.score < LABEL_MIN_SCORE:
        return None
    return best


@cache
def column_of(text: str) -> LabelMatch | None:
    """Which logical column a header cell names, or ``None``.

    >>> column_of("KEGIATAN YANG AMAN DILAKSANAKAN").name
    'kegiatan'
    >>> column_of("SASARAN PROGRAM/KEGIATAN").name
    'sasaran'
    >>> column_of("RENCANA PELAKSANAAN").name, column_of("RENCANA AKSI").name
    ('schedule', 'kegiatan')
    >>> column_of("PENANGGUNG JAWAB").name
    'pelaksana'
    >>> column_of("Terwujudnya Sumber Daya Manusia") is None
    True
    """
    return _best(text, COLUMN_LABELS)


@cache
def title_field_of(label: str) -> LabelMatch | None:
    """Which document field a title-block label names (``unit`` or ``year``).

    >>> match = title_field_of("MAMA/UNIT ORGANISASI")
    >>> match.name, match.variant, match.score
    ('unit', 'NAMA/UNIT ORGANISASI', 95.0)
    """
    return _best(label, TITLE_LABELS)


_B_MONTH = re.compile(r"^[B8][O0]?(\d{1,2})$")


def month_of(token: str) -> int | None:
    """The month a month-column heading names, if it is one by itself.

    ``B1``..``B12``, OCR's ``81``..``812`` for them, and month names/abbreviations.

    >>> [month_of(t) for t in ("B1", "B12", "81", "JAN", "Desember", "Agt", "B13", "Rp")]
    [1, 12, 1, 1, 12, 8, None, None]
    """
    norm = normalise_label(token).replace(" ", "")
    match = _B_MONTH.match(norm)
    if match:
        month = int(match.group(1))
        return month if 1 <= month <= 12 else None
    if norm in _MONTH_WORDS:
        for number, names in enumerate(MONTH_NAMES, start=1):
            if norm in names:
                return number
    return None


def is_month_heading_run(tokens: list[str]) -> bool:
    """Whether 10 to 13 short tokens are the twelve month headings of a RAK form.

    Accepts ``B1 … B12`` however OCR read them (``81 82 … 92``, ``Bt B2``), month
    names, and the form's own column numbers printed in their place (``6 … 17``),
    which are consecutive integers.

    >>> is_month_heading_run("B1 B2 B3 B4 B5 B6 B7 B8 B9 B10 B11 B12".split())
    True
    >>> is_month_heading_run("81 82 83 84 85 86 87 88 89 90 91 92".split())
    True
    >>> is_month_heading_run([str(n) for n in range(6, 18)])
    True
    >>> is_month_heading_run("minggu ke 1-4".split())
    False
    """
    if not 10 <= len(tokens) <= 13:
        return False
    if all(token.isdigit() for token in tokens):
        numbers = [int(token) for token in tokens]
        steps = sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1)
        return steps >= len(numbers) - 2
    named = sum(1 for token in tokens if month_of(token) is not None)
    shaped = sum(1 for token in tokens if len(token) <= 4 and token[:1].upper() in "B8")
    return named >= len(tokens) // 2 or shaped >= len(tokens) - 2
