"""Schedule cells: ``minggu ke 1-4`` → weeks ``(1, 2, 3, 4)`` of one month.

A schedule cell is written in a tiny language: an optional keyword (``minggu``,
``mg``, ``pekan``, ``week``, a ``M`` glued to the number), an optional ``ke``, and
week numbers 1..5 (Arabic or Roman ``I``..``V``) joined by ranges (``-``, ``s/d``,
``s.d``, ``sd``, ``sampai (dengan)``, ``hingga``) and lists (``,``, ``;``, ``&``,
``dan``, spaces). Because the language is that small, a cell can be read with
confidence even when OCR broke its words (``Mingg uke-4]``) or put letters for
digits (``minggu ke l-4``); every such letter is reported as a ``Repair``.

Decisions where the contract is silent:

* A cell that is only a mark (``v``, ``x``, ``✓``, ``√``, ``●``, ``■``, ``*``, a
  shaded block) means "done this month": weeks ``(1, 2, 3, 4)`` plus a
  ``schedule.mark`` issue. A bare ``V`` is a mark, not Roman 5; ``minggu ke V``
  is week 5.
* Several phrases in one cell (activities stacked in one cell) give the union of
  their weeks; ``schedule.merged`` is reported only when the phrases differ, since
  repeating the same weeks loses nothing.
* Week numbers outside 1..5 are dropped with ``schedule.bad-week``; when nothing is
  left the weeks are ``None``. Text that is not a schedule at all is ``None`` with
  ``schedule.unreadable``. Words that do not belong to the language, next to a
  keyword, are ignored with ``schedule.ignored-text`` (but words before the first
  keyword make the cell text: ``Rapat setiap minggu ke 2`` is ``None``); a range with no end
  (``1-``) keeps its start with ``schedule.incomplete``.
* A reversed range (``4-1``) is read as ``1-4``; weeks written as words count
  (``minggu kedua``, ``minggu ke dua`` → 2); ``setiap minggu`` ("every week") is
  ``(1, 2, 3, 4)`` without an issue, since it says so.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rakparse.fields.result import Issue, Repair

MAX_WEEK = 5

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
#: ``minggu kedua``, ``minggu ke dua``, ``minggu pertama``: weeks as words.
_WORDS = {
    "pertama": 1, "kesatu": 1, "satu": 1, "kedua": 2, "dua": 2, "ketiga": 3, "tiga": 3,
    "keempat": 4, "empat": 4, "kelima": 5, "lima": 5,
}  # fmt: skip
#: ``setiap minggu``: every week of the month.
_EVERY_WORDS = frozenset({"setiap", "tiap", "seluruh", "semua"})
#: Letters OCR puts for digits inside a week number.
_DIGIT_FOR = {"l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "o": "0", "O": "0", "s": "5", "S": "5"}
_MARK_WORD = re.compile(r"[vx]+", re.IGNORECASE)
_KEYWORD_WORDS = frozenset({"minggu", "mingu", "mg", "mgg", "pekan", "week", "weeks", "wk"})
_SKIP_WORDS = frozenset({"ke", "dengan", "the"})
_RANGE_WORDS = frozenset({"sd", "sampai", "sampe", "hingga", "to", "until"})
_LIST_WORDS = frozenset({"dan", "and", "serta"})

_DASHES = re.compile(r"[‐‑‒–—―−~]")
# ``s/d``, ``s.d.``, ``s / d`` and ``sd`` glued to digits are all "to"; turning them into
# `` ~ `` first keeps the ``s`` out of the digit-confusion rules below.
_SD = re.compile(r"(?<![^\W\d_])s\s*[/.]\s*d\.?(?![^\W\d_])|(?<=\d)sd(?=\d|\s|$)", re.IGNORECASE)
_TOKEN = re.compile(
    r"""
    (?P<kw>(?<![^\W\d_])(?:m|rn)\s?[i1l|!]\s?n\s?[gq]\s?[gq]?(?:\s?u)?(?=ke(?![^\W\d_])|(?![^\W\d_])))
    |(?P<prefix>(?<![^\W\d_])[mw](?=\s?[0-9]))
    |(?P<num>[lI|!oOsS]*[0-9][0-9lI|!oOsS]*)
    |(?P<one>[|!](?=\s*[-~]\s*[0-9lI])|(?<=[-~])[|!])
    |(?P<range>[-~])
    |(?P<list>[,;&+/.])
    |(?P<word>[^\W\d_]+)
    |(?P<mark>[✓√✔☑✗✘●■▪◼◾█▓▒*•])  # ticks, dots, shaded blocks
    |(?P<space>[\s\[\](){}<>:'"`_?=]+|[|!])
    |(?P<other>.)
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class WeeksResult:
    """What a schedule cell says: sorted unique ``weeks`` or ``None``, and why."""

    raw: str
    weeks: tuple[int, ...] | None
    repairs: tuple[Repair, ...] = ()
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class _Token:
    kind: str  # kw, kw-prefix, skip, num, roman, range, list, every, mark, word, other
    text: str
    value: int | None = None
    repaired: str | None = None  # the digits, when ``text`` had letters for digits


def _tokenize(cell: str) -> list[_Token]:
    text = _SD.sub(" ~ ", _DASHES.sub("-", cell))
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        piece = match.group()
        if kind == "space":
            continue
        if kind == "prefix":
            tokens.append(_Token("kw-prefix", piece))
        elif kind == "num":
            digits = "".join(_DIGIT_FOR.get(ch, ch) for ch in piece)
            value = int(digits) if len(digits) <= 6 else 10**6  # any long number is out of range
            tokens.append(_Token("num", piece, value, digits if digits != piece else None))
        elif kind == "one":
            tokens.append(_Token("num", piece, 1, "1"))
        elif kind == "word":
            tokens.append(_word_token(piece, tokens))
        else:
            tokens.append(_Token(kind, piece))
    return tokens


def _word_token(word: str, before: list[_Token]) -> _Token:
    low = word.lower()
    after_range = bool(before) and before[-1].kind == "range"
    if low in _KEYWORD_WORDS:
        return _Token("kw", word)
    if low in _SKIP_WORDS:
        return _Token("skip", word)
    if low in _RANGE_WORDS:
        return _Token("range", word)
    if low in _LIST_WORDS:
        return _Token("list", word)
    if low in _WORDS:
        return _Token("roman", word, _WORDS[low])
    if low in _EVERY_WORDS:
        return _Token("every", word)
    if low in _ROMAN:
        return _Token("roman", word, _ROMAN[low])
    if low == "uke":  # the tail of ``Mingg uke`` when OCR split the keyword
        return _Token("skip", word)
    if word == "l" or (after_range and low == "s"):
        return _Token("num", word, int(_DIGIT_FOR[word]), _DIGIT_FOR[word])
    return _Token("word", word)


def _is_mark_cell(tokens: list[_Token]) -> bool:
    return bool(tokens) and all(
        t.kind == "mark" or (t.kind in ("word", "roman") and _MARK_WORD.fullmatch(t.text) is not None)
        for t in tokens
    )


def _phrases(tokens: list[_Token]) -> list[list[_Token]]:
    """Split at each keyword: ``minggu ke 1 minggu ke 4`` is two phrases."""
    phrases: list[list[_Token]] = [[]]
    last_kind = ""
    for token in tokens:
        if token.kind == "kw" and last_kind != "range":
            phrases.append([])  # but ``minggu ke 1 s/d minggu ke 3`` is one range
        else:
            phrases[-1].append(token)
        if token.kind != "skip":
            last_kind = token.kind
    return [p for p in phrases if any(t.kind in ("num", "roman") for t in p)]


def _read_phrase(phrase: list[_Token]) -> tuple[set[int], list[str], list[Repair], bool]:
    """Weeks, out-of-range numbers, repairs and whether a range had no end."""
    has_arabic = any(t.kind == "num" and t.repaired is None for t in phrase)
    weeks: set[int] = set()
    bad: list[str] = []
    repairs: list[Repair] = []
    previous: int | None = None
    pending = False
    for token in phrase:
        if token.kind in ("num", "roman"):
            assert token.value is not None
            value = token.value
            if token.repaired is not None:
                repairs.append(Repair(token.text, token.repaired))
            elif token.kind == "roman" and has_arabic and token.text in ("I", "i"):
                repairs.append(Repair(token.text, "1"))  # ``I-4``: an OCR'd 1, not Roman
            if pending and previous is not None:
                low, high = sorted((previous, value))
                weeks.update(range(max(low, 1), min(high, MAX_WEEK) + 1))
                if low < 1 or high > MAX_WEEK:
                    bad.append(f"{low}-{high}")
                previous, pending = None, False
            else:
                if 1 <= value <= MAX_WEEK:
                    weeks.add(value)
                else:
                    bad.append(str(value))
                previous = value
        elif token.kind == "range":
            pending = previous is not None
        elif token.kind == "list":
            previous, pending = None, False
    return weeks, bad, repairs, pending


# A RAK repeats the same few cells hundreds of times ("minggu ke 1-4"): parse each once.
@functools.lru_cache(maxsize=4096)
def parse_weeks(cell: str) -> WeeksResult:
    """Read one month's schedule cell; never raises.

    The contract's notations:

    >>> parse_weeks("minggu ke 1-4").weeks
    (1, 2, 3, 4)
    >>> parse_weeks("minggu ke 2").weeks
    (2,)
    >>> parse_weeks("minggu ke 1, 3").weeks
    (1, 3)
    >>> [parse_weeks(f"minggu ke 1 {w} 3").weeks for w in ("s/d", "s.d", "sd", "sampai", "sampai dengan")]
    [(1, 2, 3), (1, 2, 3), (1, 2, 3), (1, 2, 3), (1, 2, 3)]
    >>> parse_weeks("Minggu Ke I-IV").weeks
    (1, 2, 3, 4)

    Shorter forms:

    >>> [parse_weeks(c).weeks for c in ("minggu ke-1", "mg 1-2", "minggu 1-2", "M1-M4", "pekan ke 3")]
    [(1,), (1, 2), (1, 2), (1, 2, 3, 4), (3,)]
    >>> [parse_weeks(c).weeks for c in ("minggu kedua", "minggu ke dua s/d empat", "setiap minggu")]
    [(2,), (2, 3, 4), (1, 2, 3, 4)]
    >>> [parse_weeks(c).weeks for c in ("1-4", "2", "1,3", "I", "1 dan 3", "2 & 4", "1-2, 4")]
    [(1, 2, 3, 4), (2,), (1, 3), (1,), (1, 3), (2, 4), (1, 2, 4)]
    >>> parse_weeks("minggu ke 1 s/d minggu ke 3").weeks
    (1, 2, 3)

    OCR noise: broken words, stray brackets, letters for digits (each reported):

    >>> [parse_weeks(c).weeks for c in ("Mingg uke-4]", "mingg u ke 1-4", "[minggu ke 2)", "minggu ke 1–4")]
    [(4,), (1, 2, 3, 4), (2,), (1, 2, 3, 4)]
    >>> parse_weeks("minggu ke l-4")
    WeeksResult(raw='minggu ke l-4', weeks=(1, 2, 3, 4), repairs=(Repair(from_='l', to='1'),), issues=())
    >>> parse_weeks("minggu ke I-4").repairs
    (Repair(from_='I', to='1'),)
    >>> parse_weeks("minggu ke 1-S").repairs
    (Repair(from_='S', to='5'),)

    A mark with no week means the whole month, with a warning:

    >>> r = parse_weeks("√")
    >>> r.weeks, r.issues[0].code
    ((1, 2, 3, 4), 'schedule.mark')

    Several phrases in one cell: the union, flagged when they differ:

    >>> r = parse_weeks("minggu ke 1 minggu ke 1 minggu ke 4")
    >>> r.weeks, [i.code for i in r.issues]
    ((1, 4), ['schedule.merged'])
    >>> parse_weeks("minggu ke 1-4 minggu ke 1-4").issues
    ()

    Bad weeks are dropped, non-schedules are ``None``:

    >>> r = parse_weeks("minggu ke 1, 7")
    >>> r.weeks, [i.code for i in r.issues]
    ((1,), ['schedule.bad-week'])
    >>> [parse_weeks(c).weeks for c in ("1.000", "7", "1-7")]
    [None, None, None]
    >>> r = parse_weeks("Rp. 2.953.803.000")
    >>> r.weeks, [i.code for i in r.issues]
    (None, ['schedule.unreadable'])
    >>> parse_weeks("   ")
    WeeksResult(raw='   ', weeks=None, repairs=(), issues=())
    """
    if not cell.strip():
        return WeeksResult(cell, None)
    try:
        tokens = _tokenize(cell)
    except (ValueError, OverflowError):  # pragma: no cover - defensive: never raise
        tokens = [_Token("other", cell)]
    if _is_mark_cell(tokens):
        return WeeksResult(
            cell,
            (1, 2, 3, 4),
            issues=(Issue("schedule.mark", f"{cell.strip()!r} marks the month without weeks; read as 1-4"),),
        )
    kinds = [t.kind for t in tokens if t.kind != "skip"]
    if len(kinds) == 2 and kinds[0] == "every" and kinds[1] == "kw":
        return WeeksResult(cell, (1, 2, 3, 4))  # ``setiap minggu``: the whole month, as written
    has_keyword = any(t.kind in ("kw", "kw-prefix") for t in tokens)
    unknown = [t.text for t in tokens if t.kind in ("word", "other")]
    phrases = _phrases(tokens)
    first_keyword = next((i for i, t in enumerate(tokens) if t.kind in ("kw", "kw-prefix")), len(tokens))
    # a sentence that mentions a week (``Rapat setiap minggu ke 2``) is text, not a schedule
    leading_text = any(t.kind == "word" and len(t.text) >= 3 for t in tokens[:first_keyword])
    word_numbers = any(t.kind == "roman" and t.text.lower() in _WORDS for t in tokens)
    if not phrases or ((unknown or word_numbers) and not has_keyword) or leading_text:
        return WeeksResult(cell, None, issues=(_unreadable(cell),))

    weeks: set[int] = set()
    bad: list[str] = []
    repairs: list[Repair] = []
    incomplete = False
    sets: list[frozenset[int]] = []
    for phrase in phrases:
        phrase_weeks, phrase_bad, phrase_repairs, pending = _read_phrase(phrase)
        weeks |= phrase_weeks
        bad += phrase_bad
        repairs += phrase_repairs
        incomplete = incomplete or pending
        sets.append(frozenset(phrase_weeks))
    if not has_keyword and (bad or not weeks):  # bare ``84.204.000`` or ``1-7``: not a schedule
        return WeeksResult(cell, None, tuple(repairs), (_unreadable(cell),))

    issues: list[Issue] = []
    if bad:
        issues.append(Issue("schedule.bad-week", f"weeks outside 1-{MAX_WEEK} dropped: {', '.join(bad)}"))
    if len(set(sets)) > 1:
        issues.append(Issue("schedule.merged", f"{len(sets)} schedules in {cell.strip()!r}; weeks merged"))
    if incomplete:
        issues.append(Issue("schedule.incomplete", f"a range in {cell.strip()!r} has no end"))
    if unknown:
        issues.append(Issue("schedule.ignored-text", f"ignored {' '.join(unknown)!r} in a schedule cell"))
    return WeeksResult(cell, tuple(sorted(weeks)) or None, tuple(repairs), tuple(issues))


def _unreadable(cell: str) -> Issue:
    return Issue("schedule.unreadable", f"{cell.strip()[:60]!r} is not a schedule")


@functools.lru_cache(maxsize=4096)
def is_schedule_cell(cell: str) -> bool:
    """Whether a cell is written in the schedule language (for finding the month columns).

    >>> [is_schedule_cell(c) for c in ("minggu ke 1-4", "Mingg uke-4]", "v", "√", "1-4", "2", "I", "M1-M4")]
    [True, True, True, True, True, True, True, True]

    Amounts, targets, text and the form's column numbers (``6``..``17``) are not:

    >>> [is_schedule_cell(c) for c in ("", "84.204.000", "Rp. 2.953.803.000", "100%", "24 kegiatan")]
    [False, False, False, False, False]
    >>> [is_schedule_cell(c) for c in ("6", "17", "1-7")]
    [False, False, False]
    >>> is_schedule_cell("Rapat koordinasi setiap minggu ke 2")
    False
    """
    if not cell.strip():
        return False
    try:
        tokens = _tokenize(cell)
    except (ValueError, OverflowError):  # pragma: no cover - defensive: never raise
        return False
    if _is_mark_cell(tokens):
        return True
    if any(t.kind == "other" or (t.kind == "word" and len(t.text) >= 3) for t in tokens):
        return False
    if any(t.kind in ("kw", "kw-prefix") for t in tokens):
        return True
    if any(t.kind in ("word", "every") or t.text.lower() in _WORDS for t in tokens):
        return False  # ``dua`` alone is a word, not a week
    values = [t.value for t in tokens if t.kind in ("num", "roman")]
    return bool(values) and all(v is not None and 1 <= v <= MAX_WEEK for v in values)


def format_weeks(weeks: Sequence[int]) -> str:
    """Write weeks as the CSV does: runs as ``a-b``, others with commas.

    >>> [format_weeks(w) for w in ((1, 2, 3, 4), (1,), (1, 3), (1, 2, 4), (4, 1, 2, 2), ())]
    ['1-4', '1', '1,3', '1-2,4', '1-2,4', '']
    """
    ordered = sorted(set(weeks))
    parts: list[str] = []
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index] != ordered[index - 1] + 1:
            first, last = ordered[start], ordered[index - 1]
            parts.append(str(first) if first == last else f"{first}-{last}")
            start = index
    return ",".join(parts)
