"""Abbreviations a text defines: ``Kelompok Masyarakat (Pokmas)``, ``hewan penular
rabies (HPR)``.

Plans define their own short forms in parentheses right after the words they stand
for, and many are in no list (``Pokmas`` is one plain slip from the police's
``Polmas``). Such a word is the writer's, not OCR's: the correction leaves it as
written, in its cell and wherever the document writes it again.

A word of 3 to 15 letters defines itself so when it can be cut into two pieces or
more, in order, each from one word of a run of the words right before the
parenthesis, in their order: an initial (``H``-ewan), the start of a word
(``Bim``-bingan), or three letters or more from anywhere in it (kelom-``pok``,
keba-``kar``-an), five letters at most. Function words of the run may give none
(`Wilayah Bebas dari Korupsi (WBK)`), no other word may be skipped, and the run
ends at the parenthesis, unless more words follow inside it (`(Pokmas Lipas)`). A
misread acronym seldom fits so (`Indikator Kinerja Pelaksanaan Anggaran (IKA)`).

The other way round, an acronym alone in its parenthesis that does not fit but is
one slip from the initials of the words before it may be a misread of those initials
(``misread_abbreviations``; ``engine`` decides, by the vocabulary and the document).

>>> sorted(defined_abbreviations("Kelompok Masyarakat Peduli Pemasyarakatan (Pokmas Lipas)"))
['pokmas']
>>> sorted(defined_abbreviations("Cakupan vaksinasi pada hewan penular rabies (HPR)"))
['hpr']
>>> abbreviates("ppiid", ["pejabat", "pengelola", "informasi", "dan", "dokumentasi"])
False
>>> abbreviates("ika", ["indikator", "kinerja", "pelaksanaan", "anggaran"])
False
>>> abbreviates("wbk", ["wilayah", "bebas", "dari", "korupsi"])
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rakparse.correct.confusions import ocr_cost
from rakparse.correct.rules import FUNCTION_WORDS, TOKEN_RE

#: an opening parenthesis, the first word inside it (letters only), and whether
#: another word follows it inside
_OPENING = re.compile(r"\(\s*([^\W\d_]+)(\s+[^\W\d_])?")
#: how many words before the parenthesis an abbreviation may draw on
_REACH = 8
#: the shortest abbreviation considered (shorter ones are too easily made), and the
#: longest (a longer word in parentheses is a word, maybe a misread one)
MIN_LETTERS, MAX_LETTERS = 3, 15
#: the longest piece taken from one word (`Musrenbang`: mus-ren-bang)
MAX_PIECE = 5


def abbreviates(short: str, words: Sequence[str], *, open_end: bool = False) -> bool:
    """Can ``short`` (folded) be cut into two pieces or more, each from one word of a
    run of ``words`` (folded) that ends with them (see the module's doc)? Function
    words in the run may give none; ``open_end``: more words follow inside the
    parenthesis, which may stand for the run's last words (`Pokmas Lipas`)."""

    def skippable(number: int) -> bool:
        return words[number] in FUNCTION_WORDS

    @functools.cache
    def fits(start: int, word: int, pieces: int) -> bool:
        if start == len(short):
            return pieces >= 2 and (open_end or all(skippable(k) for k in range(word, len(words))))
        for number in range(word, len(words)):
            candidate = words[number]
            for end in range(min(len(short), start + MAX_PIECE), start, -1):
                piece = short[start:end]
                if (candidate.startswith(piece) or (len(piece) >= 3 and piece in candidate)) and fits(
                    end, number + 1, pieces + 1
                ):
                    return True
            if pieces and not skippable(number):
                return False  # the run's words are consecutive: a word skipped ends it
        return False

    return len(words) >= 2 and fits(0, 0, 0)


def defined_abbreviations(text: str) -> frozenset[str]:
    """The folded words ``text`` defines as abbreviations of the words before them
    (a document's text; ``cell_abbreviations`` caches a cell's)."""
    if "(" not in text:
        return frozenset()
    found: set[str] = set()
    for line in text.splitlines():
        if "(" not in line:
            continue
        for match in _OPENING.finditer(line):
            short = match.group(1).casefold()
            if not MIN_LETTERS <= len(short) <= MAX_LETTERS:
                continue
            # the words since the last parenthesis, opening or closing
            start = max(line.rfind("(", 0, match.start()), line.rfind(")", 0, match.start())) + 1
            before = [word.casefold() for word in TOKEN_RE.findall(line, start, match.start())][-_REACH:]
            if abbreviates(short, before, open_end=match.group(2) is not None):
                found.add(short)
    return frozenset(found)


@functools.lru_cache(maxsize=1024)
def cell_abbreviations(text: str) -> frozenset[str]:
    """``defined_abbreviations`` of one cell, cached (a cell's tokens ask in turn)."""
    return defined_abbreviations(text)


#: a word of letters or digits alone in its parenthesis (`(CHMI)`, or `(CHMI` at a line's end)
_ALONE = re.compile(r"\(\s*([^\W_]+)(?=\s*(?:\)|$))", re.MULTILINE)
#: how far a misread acronym may be from the initials it stands for: one slip; where it
#: holds a digit, one look-alike (`1PTM`), since `SP2D` and `P4GN` write digits on purpose
MISREAD_ALLOWED, MISREAD_ALLOWED_DIGIT = 1.0, 0.5


def initials(words: Sequence[str]) -> set[str]:
    """The initials, in capitals, of every run of two ``words`` or more that ends with
    the last, with its function words and without them.

    >>> sorted(initials(["Wilayah", "Bebas", "dari", "Korupsi"]))
    ['BDK', 'BK', 'DK', 'K', 'WBDK', 'WBK']
    """
    found: set[str] = set()
    for start in range(len(words) - 1):
        run = words[start:]
        found.add("".join(word[0] for word in run).upper())
        found.add("".join(word[0] for word in run if word.casefold() not in FUNCTION_WORDS).upper())
    return found


def misread_abbreviations(text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, readings)`` of each acronym alone in a parenthesis that the words
    before it do not define (``abbreviates``) but whose initials it is one slip from:
    ``readings`` are those initials, for the caller to judge.

    Only an acronym in capitals (and digits): a small letter in one is more often the
    writer's (`LKjIP`, `RPHJPd`). Only initials as long as it or one letter longer: an
    acronym longer than the run's initials more likely stands beside misread or glued
    words (`Sjgat Izin PengusahaanAirTanah (SIPA)`).

    >>> misread_abbreviations("Verifikasi dokumen Calon Pekerja Migran Indonesia (CHMI)")
    [(51, 55, ['CPMI'])]
    >>> misread_abbreviations("Realisasi Penerimaan Negara Bukan Pajak (PNB) layanan")
    [(41, 44, ['PNBP'])]
    >>> misread_abbreviations("Surat Perintah Pencairan Dana (SP2D)")
    []
    >>> misread_abbreviations("Wilayah Bebas dari Korupsi (WBK)")
    []
    """
    if "(" not in text:
        return []
    found = []
    for match in _ALONE.finditer(text):
        written = match.group(1)
        folded = written.casefold()
        if not (
            2 <= len(written) <= MAX_LETTERS
            and all(char.isupper() or char.isdigit() for char in written)
            and sum(char.isalpha() for char in written) >= 2
        ):
            continue
        start = max(text.rfind(mark, 0, match.start()) for mark in "()\n") + 1
        words = [word for word in TOKEN_RE.findall(text, start, match.start()) if not word.isdigit()][
            -_REACH:
        ]
        if len(words) < 2 or abbreviates(folded, [word.casefold() for word in words]):
            continue
        allowed = MISREAD_ALLOWED_DIGIT if any(char.isdigit() for char in written) else MISREAD_ALLOWED
        readings = sorted(
            letters
            for letters in initials(words)
            if len(written) <= len(letters) <= len(written) + 1
            and letters.isalpha()
            and letters != written
            and ocr_cost(folded, letters.casefold()) <= allowed
        )
        if readings:
            found.append((match.start(1), match.end(1), readings))
    return found
