"""Target cells: ``97,5%`` → ``Target("97,5%", 97.5, "%", "percent")``.

Kinds, tried in this order (the contract's ``target`` row):

* ``percent``: a number then ``%``, ``persen``, ``prosen`` or ``percent``, maybe after
  a bound (``≥ 80%``, ``min. 80%``: value 80, the bound stays in ``raw``).
* ``grade``: a SAKIP grade ``AA A BB B CC C D``, alone or after ``Predikat``,
  ``Nilai`` or ``Minimal``; value and unit ``None``.
* ``count``: a number then one unit word, optionally with the number spelled out
  in brackets (``1 (satu) Dokumen``). Abbreviations become whole words (``Lap`` →
  ``laporan``, ``Dok`` → ``dokumen``, see ``UNIT_WORDS``); other units are
  lower-cased as written (``unit``, ``desa``, ``sekolah``, ``ppk``).
* ``number``: a bare number.
* ``text``: anything else, value and unit ``None``.

Numbers are Indonesian: ``,`` is the decimal point and ``.`` groups thousands
(``87,5`` → 87.5, ``1.000`` → 1000); a ``.`` not followed by exactly three digits is
read as a decimal point (``97.5%``). Values are ``int`` when whole (``100,0%`` →
100, so JSON shows ``100``), ``float`` otherwise.

Decisions where the contract is silent: ``A-``, ``B+`` are not SAKIP grades and are
``text``; a grade is recognised in any case (``bb`` → grade, ``raw`` keeps the case);
``x`` after a number means ``kali``; ``raw`` is the cell with whitespace collapsed
and letters for digits repaired (``1OO%`` → ``100%``, reported as a ``Repair``),
since the contract's ``raw`` is the cell after correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rakparse.fields.result import Issue, Repair
from rakparse.model import Target, TargetKind

#: Abbreviations and spellings of count units → the contract's whole lower-case word.
UNIT_WORDS: dict[str, str] = {
    "lap": "laporan",
    "lapor": "laporan",
    "laporan": "laporan",
    "dok": "dokumen",
    "dokumen": "dokumen",
    "keg": "kegiatan",
    "kgt": "kegiatan",
    "kegiatan": "kegiatan",
    "org": "orang",
    "orang": "orang",
    "bln": "bulan",
    "bulan": "bulan",
    "pkt": "paket",
    "paket": "paket",
    "x": "kali",
    "kali": "kali",
    "kl": "kali",
    "thn": "tahun",
    "th": "tahun",
    "hr": "hari",
    "mgg": "minggu",
    "lbr": "lembar",
    "bh": "buah",
    "eks": "eksemplar",
    "keb": "kebijakan",
    "rek": "rekomendasi",
    "sk": "sk",
}

GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")

_DIGIT_FOR = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"}
_CONFUSED = r"(?-i:[OolI|S](?![a-z]))"  # a letter for a digit, unless a lower-case word goes on
_NUM = rf"{_CONFUSED}*[0-9](?:[0-9.,]|{_CONFUSED})*"  # unambiguous: no backtracking blow-up
#: ``≥ 80%``, ``min. 80%``: the bound is kept in ``raw`` only (the contract has no field for it).
_BOUND = r"(?:(?:≥|>=|>|≤|<=|<|±|min(?:imal)?\.?|maks(?:imal)?\.?|max\.?)\s*)?"
_PERCENT = re.compile(rf"{_BOUND}(?P<num>{_NUM})\s*(?:%|persen|prosen|percent)\.?", re.IGNORECASE)
_GRADE = re.compile(
    r"(?:(?:predikat|nilai|minimal|min\.?)\s*:?\s*)?(?P<grade>aa|a|bb|b|cc|c|d)(?:\s*\([^()]*\))?",
    re.IGNORECASE,
)
_COUNT = re.compile(rf"(?P<num>{_NUM})\s*(?:\(\s*[a-z ]+\s*\)\s*)?(?P<unit>[^\W\d_]+)\.?", re.IGNORECASE)
_NUMBER = re.compile(rf"(?P<num>{_NUM})")


@dataclass(frozen=True)
class TargetResult:
    """A parsed target cell, or ``None`` for an empty one."""

    target: Target | None
    repairs: tuple[Repair, ...] = ()
    issues: tuple[Issue, ...] = ()


def _number(text: str) -> int | float | None:
    """``87,5`` → 87.5, ``1.000`` → 1000, ``100,0`` → 100; ``None`` when not a number."""
    text = text.rstrip(".,") if text[-1:] in ".," and text[:-1][-1:].isdigit() else text
    if "," in text:
        whole, _, fraction = text.partition(",")
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})*|\d+", whole) or not fraction.isdigit():
            return None
        literal = whole.replace(".", "") + "." + fraction
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        literal = text.replace(".", "")
    elif re.fullmatch(r"\d+(?:\.\d+)?", text):
        literal = text
    else:
        return None
    try:
        value = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _repair(num: str) -> tuple[str, Repair | None]:
    fixed = "".join(_DIGIT_FOR.get(ch, ch) for ch in num)
    return fixed, (Repair(num, fixed) if fixed != num else None)


def parse_target(cell: str) -> TargetResult:
    """Read a target cell; never raises.

    >>> parse_target("97,5%").target
    Target(raw='97,5%', value=97.5, unit='%', kind='percent')
    >>> [parse_target(c).target.value for c in ("100%", "100,0%", "75 %", "98 persen", "97.5%")]
    [100, 100, 75, 98, 97.5]
    >>> parse_target("2 Lap").target
    Target(raw='2 Lap', value=2, unit='laporan', kind='count')
    >>> [parse_target(c).target.unit for c in ("10 kali", "12 Lap.", "17 Laporan", "1 Dokumen", "24 keg.")]
    ['kali', 'laporan', 'laporan', 'dokumen', 'kegiatan']
    >>> [parse_target(c).target.unit for c in ("3 Dok", "4 Keg", "20 Org", "12 Bln", "1 Pkt", "10 Desa")]
    ['dokumen', 'kegiatan', 'orang', 'bulan', 'paket', 'desa']
    >>> parse_target("1 (satu) Unit").target
    Target(raw='1 (satu) Unit', value=1, unit='unit', kind='count')
    >>> parse_target("B").target
    Target(raw='B', value=None, unit=None, kind='grade')
    >>> [parse_target(c).target.kind for c in ("AA", "BB", "CC", "D", "Predikat BB", "A-")]
    ['grade', 'grade', 'grade', 'grade', 'grade', 'text']
    >>> [parse_target(c).target.value for c in ("5", "87,5", "1.000", "0,5")]
    [5, 87.5, 1000, 0.5]
    >>> parse_target("10 PPK dan 133 PPS, Pantarh sesuai jumlah TPS").target.kind
    'text'
    >>> parse_target("   ").target is None
    True

    Letters for digits inside the number are repaired and reported:

    >>> r = parse_target("1OO%")
    >>> r.target, r.repairs
    (Target(raw='100%', value=100, unit='%', kind='percent'), (Repair(from_='1OO', to='100'),))
    """
    raw = " ".join(cell.split())
    if not raw:
        return TargetResult(None)
    try:
        return _parse(raw)
    except (ValueError, ArithmeticError):  # pragma: no cover - defensive: never raise
        return TargetResult(Target(raw, None, None, "text"))


def _parse(raw: str) -> TargetResult:
    percent = _PERCENT.fullmatch(raw)
    if percent:
        return _with_number(raw, percent, "%", "percent")
    if _GRADE.fullmatch(raw):
        return TargetResult(Target(raw, None, None, "grade"))
    count = _COUNT.fullmatch(raw)
    if count:
        unit = count.group("unit").lower()
        return _with_number(raw, count, UNIT_WORDS.get(unit, unit), "count")
    number = _NUMBER.fullmatch(raw)
    if number:
        return _with_number(raw, number, None, "number")
    return TargetResult(Target(raw, None, None, "text"))


def _with_number(raw: str, match: re.Match[str], unit: str | None, kind: TargetKind) -> TargetResult:
    digits, repair = _repair(match.group("num"))
    value = _number(digits)
    if value is None:
        issue = Issue("target.malformed", f"{match.group('num')!r} in {raw!r} is not a number")
        return TargetResult(Target(raw, None, None, "text"), issues=(issue,))
    if repair is not None:
        start, end = match.span("num")
        raw = raw[:start] + digits + raw[end:]
    return TargetResult(Target(raw, value, unit, kind), (repair,) if repair else ())


def is_target_like(cell: str) -> bool:
    """Whether a cell reads as a percent, a count with a unit, a grade or a bare number.

    >>> [is_target_like(c) for c in ("97,5%", "100%", "2 Lap", "24 kegiatan", "B", "BB", "5", "87,5")]
    [True, True, True, True, True, True, True, True]
    >>> [is_target_like(c) for c in ("", "Semua Divisi", "10 PPK dan 133 PPS", "3 Jumlah Laporan Reformasi")]
    [False, False, False, False]
    """
    result = parse_target(cell)
    return result.target is not None and result.target.kind != "text"
