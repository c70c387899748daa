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
