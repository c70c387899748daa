"""Cost cells: ``Rp. 2.953.803.000`` → ``2953803000`` integer rupiah, never a float.

Accepted notations (prefix ``Rp``/``Rp.``/``IDR``, optional, any case):

* Indonesian grouping ``2.953.803.000``, with a zero ``,00``/``,0`` sen part or a
  ``,-``/``.-``/``,--`` ending; English grouping ``2,953,803,000`` (``.00`` sen);
  bare digits ``2953803000``; spaces after a separator (``2. 953.803.000``) and,
  with a prefix or at least two groups, spaces as the separator (``2 953 803 000``).
* A magnitude word: ``ribu``/``rb`` 10³, ``juta``/``jt`` 10⁶, ``miliar``/``milyar``/
  ``M`` 10⁹, ``triliun``/``trilyun``/``T`` 10¹². Before a magnitude ``,`` is the
  decimal point (``2,9 M``); a single ``.`` is a decimal point too unless exactly
  three digits follow it (``2.9 M`` = ``2,9 M``, but ``1.500 juta`` = 1 500 juta).
* Brackets around the amount, ``rupiah``/``IDR`` after it and a bracketed note without
  digits after it (the amount spelled out, ``(APBD)``) are ignored.
* ``-`` or ``Rp. -`` is the form's way to write "no cost": ``None`` without an issue.

Never guessed (``None`` with ``biaya.malformed``): a digit group of the wrong length
(``2.953.803.00``, ``2.95.803.000``), a dot before two final digits, a non-zero sen
part, a magnitude amount that is not a whole number of rupiah. Text that is not an
amount is ``None`` with ``biaya.unreadable``.

Letters for digits inside an amount are repaired only when the token also holds real
digits and reads as a well-formed amount afterwards; each repaired token is reported
as a ``Repair``. The confusion table (what Tesseract confuses on printed forms):
``O o D Q`` → 0, ``l I i | !`` → 1, ``Z z`` → 2, ``S s`` → 5, ``G b`` → 6, ``B`` → 8,
``g q`` → 9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rakparse.fields.result import Issue, Repair

#: Letters OCR puts for digits; only applied inside an amount token.
DIGIT_FOR: dict[str, str] = {
    **dict.fromkeys("OoDQ", "0"),
    **dict.fromkeys("lIi|!", "1"),
    **dict.fromkeys("Zz", "2"),
    **dict.fromkeys("Ss", "5"),
    **dict.fromkeys("Gb", "6"),
    "B": "8",
    **dict.fromkeys("gq", "9"),
}
_CONFUSABLE = "".join(DIGIT_FOR)

#: Magnitude words and their powers of ten (lower-case, without a final dot).
MAGNITUDES: dict[str, int] = {
    "rb": 3,
    "ribu": 3,
    "jt": 6,
    "juta": 6,
    "m": 9,
    "miliar": 9,
    "milyar": 9,
    "milliar": 9,
    "t": 12,
    "triliun": 12,
    "trilyun": 12,
}

STYLES = ("id", "id-cents", "id-dash", "plain", "en", "digits")

_PREFIX = re.compile(r"^\s*(?:rupiah|rp|idr)\s*[.,:]?\s*", re.IGNORECASE)
_SPELLED = re.compile(r"(?<=\S)\s*\([^()\d]*\)\s*$")  # ``(lima juta rupiah)``, ``(APBD)``
_SUFFIX = re.compile(r"\s*(?:rupiah|idr)\.?\s*$", re.IGNORECASE)
_NIL = re.compile(r"[-–—\s.,]*[-–—][-–—\s.,]*")
_AMOUNT_CHARS = re.compile(rf"[0-9{re.escape(_CONFUSABLE)}., ]+")
_MAGNITUDE_WORDS = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_MAGNITUDE = re.compile(
    rf"^(?P<num>[0-9{re.escape(_CONFUSABLE)}.,]+?)\s*(?P<word>{_MAGNITUDE_WORDS})\.?$",
    re.IGNORECASE,
)
_ENDING = re.compile(r"(?:,-+|\.-+|,=|=|,-?00?|,0,-|(?<=\d)\.)$")
_ID = re.compile(r"\d{1,3}(?:\.\d{3})+")
_EN = re.compile(r"\d{1,3}(?:,\d{3})+")


@dataclass(frozen=True)
class RupiahResult:
    """An amount cell: integer ``value`` in rupiah or ``None``, and why."""

    raw: str
    value: int | None
    repairs: tuple[Repair, ...] = ()
    issues: tuple[Issue, ...] = ()


class _Malformed(Exception):
    """The text is an amount, but a damaged one."""


def _body(text: str) -> tuple[str, bool]:
    """The amount without brackets, ``Rp``/``IDR`` before it or ``rupiah`` after it."""
    text = _SPELLED.sub("", text).strip("()[]\"' ")
    body = _SUFFIX.sub("", _PREFIX.sub("", text, count=1))
    return body, body != text


def _repair(token: str) -> tuple[str, Repair | None]:
    """Put digits for confusable letters when the token also has real digits."""
    if not any(ch.isdigit() for ch in token) or not any(ch in DIGIT_FOR for ch in token):
        return token, None
    fixed = "".join(DIGIT_FOR.get(ch, ch) for ch in token)
    return fixed, Repair(token, fixed)


def _plain_value(text: str) -> int:
    """An amount without magnitude word; raises ``_Malformed`` or ``ValueError``."""
    text = re.sub(r"(?<=\d[.,])\s+(?=\d)|(?<=\d)\s+(?=[.,]\d)", "", text)
    ending = _ENDING.search(text)
    if ending and ending.start() > 0:
        rest = text[: ending.start()].rstrip()
        if "0" in ending.group() and "," in rest:  # ``2,953,803,00``: a damaged group, not sen
            raise _Malformed(f"{text!r} has a digit group of the wrong length")
        text = rest
    if not re.fullmatch(r"[0-9][0-9., ]*", text):
        raise ValueError(text)
    if " " in text:
        groups = text.split()
        if all(g.isdigit() for g in groups) and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            text = "".join(groups)
        else:
            raise ValueError(text)
    if text.isdigit():
        return int(text)
    if _ID.fullmatch(text):
        return int(text.replace(".", ""))
    if _EN.fullmatch(text):
        return int(text.replace(",", ""))
    cents = re.fullmatch(r"(?P<int>[0-9.,]+?)(?P<sep>[.,])(?P<sen>\d{1,2})", text)
    if cents:
        whole, sep, sen = cents.group("int"), cents.group("sep"), cents.group("sen")
        grouped = _ID if sep == "," else _EN
        if (whole.isdigit() and sep == ",") or grouped.fullmatch(whole):
            if int(sen):
                raise _Malformed(f"{text!r} has a sen part; rupiah are whole numbers")
            return int(re.sub(r"[.,]", "", whole))
    raise _Malformed(f"{text!r} has a digit group of the wrong length")


def _magnitude_value(number: str, word: str) -> int:
    """``2,9`` and ``M`` → 2 900 000 000, in integer arithmetic (no float, no rounding)."""
    power = MAGNITUDES[word.lower().rstrip(".")]
    if "," in number:
        whole, _, fraction = number.partition(",")
        if "," in fraction or "." in fraction or not (whole.isdigit() or _ID.fullmatch(whole)):
            raise _Malformed(f"{number!r} is not a number")
        whole = whole.replace(".", "")
    elif number.count(".") == 1 and not re.search(r"\.\d{3}$", number):
        whole, _, fraction = number.partition(".")  # ``2.9 M``: an English decimal point
    elif number.isdigit() or _ID.fullmatch(number):
        whole, fraction = number.replace(".", ""), ""
    else:
        raise _Malformed(f"{number!r} is not a number")
    if not whole.isdigit() or not (fraction.isdigit() or fraction == ""):
        raise _Malformed(f"{number!r} is not a number")
    if fraction[power:].strip("0"):
        raise _Malformed(f"{number} {word} is not a whole number of rupiah")
    return int(whole + fraction[:power].ljust(power, "0"))


def parse_rupiah(cell: str) -> RupiahResult:
    """Read a cost cell as integer rupiah; never raises.

    >>> [parse_rupiah(c).value for c in ("Rp. 2.953.803.000", "Rp 2.953.803.000,00", "Rp2.953.803.000,-")]
    [2953803000, 2953803000, 2953803000]
    >>> [parse_rupiah(c).value for c in ("Rp. 22.451.000,-", "2.619.569.000", "2,953,803,000", "2953803000")]
    [22451000, 2619569000, 2953803000, 2953803000]
    >>> [parse_rupiah(c).value for c in ("IDR 2,953,803,000.00", "Rp. 2. 953.803.000", "Rp 2 953 803 000")]
    [2953803000, 2953803000, 2953803000]

    Magnitude words:

    >>> [parse_rupiah(c).value for c in ("Rp 2,9 M", "2,9 miliar", "2,9 milyar", "350 juta", "1,5 jt")]
    [2900000000, 2900000000, 2900000000, 350000000, 1500000]
    >>> [parse_rupiah(c).value for c in ("500 ribu", "1 T", "1 triliun", "1.500 juta", "Rp 2.9 M")]
    [500000, 1000000000000, 1000000000000, 1500000000, 2900000000]

    No cost and empty cells:

    >>> [parse_rupiah(c) for c in ("Rp. -", "-", "")]  # doctest: +NORMALIZE_WHITESPACE
    [RupiahResult(raw='Rp. -', value=None, repairs=(), issues=()),
     RupiahResult(raw='-', value=None, repairs=(), issues=()),
     RupiahResult(raw='', value=None, repairs=(), issues=())]

    Damaged amounts are never guessed:

    >>> r = parse_rupiah("Rp. 2.953.803.00")
    >>> r.value, r.issues[0].code
    (None, 'biaya.malformed')
    >>> parse_rupiah("2.95.803.000").value is None
    True

    Letters for digits are repaired and reported:

    >>> r = parse_rupiah("2.9S3.8O3.000")
    >>> r.value, r.repairs, r.issues
    (2953803000, (Repair(from_='2.9S3.8O3.000', to='2.953.803.000'),), ())
    >>> [parse_rupiah(c).value for c in ("l3.718.210.000", "Rp. 84.2O4.000")]
    [13718210000, 84204000]

    Not an amount:

    >>> r = parse_rupiah("2 Lap")
    >>> r.value, r.issues[0].code
    (None, 'biaya.unreadable')
    """
    text = " ".join(cell.split())
    if not text:
        return RupiahResult(cell, None)
    body, _ = _body(text)
    if not body or _NIL.fullmatch(body):
        return RupiahResult(cell, None)
    try:
        magnitude = _MAGNITUDE.match(body)
        if magnitude and any(ch.isdigit() for ch in magnitude.group("num")):
            number, repair = _repair(magnitude.group("num"))
            value = _magnitude_value(number, magnitude.group("word"))
        else:
            if not _AMOUNT_CHARS.fullmatch(body.rstrip("-=")):
                raise ValueError(body)
            pieces = body.split(" ")
            fixed_pieces: list[str] = []
            repairs: list[Repair] = []
            for piece in pieces:
                fixed, piece_repair = _repair(piece)
                fixed_pieces.append(fixed)
                if piece_repair:
                    repairs.append(piece_repair)
            value = _plain_value(" ".join(fixed_pieces))
            return RupiahResult(cell, value, tuple(repairs))
    except _Malformed as error:
        return RupiahResult(cell, None, issues=(Issue("biaya.malformed", f"damaged amount: {error}"),))
    except (ValueError, ArithmeticError):
        return RupiahResult(
            cell, None, issues=(Issue("biaya.unreadable", f"{text[:60]!r} is not an amount"),)
        )
    return RupiahResult(cell, value, (repair,) if repair else ())


def is_amount(cell: str) -> bool:
    """Whether a cell holds a cost (for finding the ``biaya`` column), damaged or not.

    >>> [is_amount(c) for c in ("Rp. 2.953.803.000", "84.204.000", "2,953,803,000", "350 juta", "Rp. -")]
    [True, True, True, True, True]
    >>> [is_amount(c) for c in ("Rp. 2.953.803.00", "2.9S3.8O3.000", "2953803000", "1.000")]
    [True, True, True, True]
    >>> is_amount("Rp. 15.800.000 DIPA")  # unreadable as an amount, but a cost cell
    True

    Column numbers, years, percents, schedules and text are not:

    >>> [is_amount(c) for c in ("18", "19", "2023", "100%", "minggu ke 1-4", "2 Lap", "Semua Divisi")]
    [False, False, False, False, False, False, False]
    >>> [is_amount(c) for c in ("-", "", "87,5", "97,5%")]
    [False, False, False, False]
    """
    text = " ".join(cell.split())
    if not text:
        return False
    body, prefixed = _body(text)
    if prefixed and (not body or _NIL.fullmatch(body)):
        return True
    if prefixed and body[:1].isdigit():
        return True  # ``Rp. 15.800.000 DIPA``: a cost column even when the cell is not readable
    result = parse_rupiah(text)
    if result.value is None and not result.issues:
        return False
    if result.issues and result.issues[0].code != "biaya.malformed":
        return False
    if prefixed or _MAGNITUDE.match(body):
        return True
    digits = sum(ch.isdigit() for ch in body)
    if not any(ch.isdigit() for ch in body):
        return False
    has_separator = any(sep in body.strip(" ,.-=") for sep in ".,")
    return digits + sum(ch in DIGIT_FOR for ch in body) >= (4 if has_separator else 5)


def format_rupiah(value: int, style: str = "id") -> str:
    """Write an amount in one of ``STYLES``; ``parse_rupiah`` reads every one back.

    >>> [format_rupiah(2953803000, s) for s in STYLES]  # doctest: +NORMALIZE_WHITESPACE
    ['Rp. 2.953.803.000', 'Rp 2.953.803.000,00', 'Rp. 2.953.803.000,-', '2.953.803.000',
     '2,953,803,000', '2953803000']
    """
    if value < 0:
        raise ValueError(f"a cost cannot be negative: {value}")
    grouped = f"{value:,}"
    if style == "id":
        return "Rp. " + grouped.replace(",", ".")
    if style == "id-cents":
        return "Rp " + grouped.replace(",", ".") + ",00"
    if style == "id-dash":
        return "Rp. " + grouped.replace(",", ".") + ",-"
    if style == "plain":
        return grouped.replace(",", ".")
    if style == "en":
        return grouped
    if style == "digits":
        return str(value)
    raise ValueError(f"unknown style {style!r}; use one of {', '.join(STYLES)}")
