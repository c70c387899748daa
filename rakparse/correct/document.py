"""What a whole document says of its own words: which it writes, how often, and
beside which others.

A RAK repeats itself: the same goals, units and phrases come back row after row,
and OCR misreads each occurrence on its own. So where a cell writes, once, a word a
slip away from one the document writes elsewhere *beside the same neighbours*
(`Kencana Aksi` in a document that writes `Rencana Aksi` twice), the document
settles it, even when the misread word is itself a real one.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from rakparse.correct.abbreviations import defined_abbreviations
from rakparse.correct.rules import TOKEN_RE

#: the shortest word counted (shorter ones are function words and fragments)
MIN_LETTERS = 3
#: two words side by side, both whole and of letters only, one or two spaces between
#: (not a tab, a line break or a comma)
PAIR_RE = re.compile(r"(?<![^\W_])([^\W\d_]+) {1,2}(?=([^\W\d_]+)(?![^\W_]))")
#: the word before a position and the word after one, as ``PAIR_RE`` pairs them
_BEFORE = re.compile(r"(?<![^\W_])([^\W\d_]+) {1,2}\Z")
_AFTER = re.compile(r" {1,2}([^\W\d_]+)(?![^\W_])")
#: the longest word and spaces ``neighbours`` looks back over (no word is longer)
_WORD_REACH = 80


def neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The folded words written right before and after ``text[start:end]``, as pairs
    count them (``None`` where a tab, a line break, punctuation or a digit is between).

    >>> neighbours("Rencana Aksi, 2024", 8, 12), neighbours("Rencana Aksi, 2024", 0, 7)
    (('rencana', None), (None, 'aksi'))
    """
    # searched from a little before: the pattern is tried at every place it starts from
    before = _BEFORE.search(text, max(0, start - _WORD_REACH), start)
    after = _AFTER.match(text, end)
    return (before.group(1).casefold() if before else None, after.group(1).casefold() if after else None)


class DocumentWords(frozenset[str]):
    """The folded words (three letters or more) a document writes: the ``context`` of
    ``Corrector.fix``. Besides the set, ``counts`` says how often each word is
    written and ``pairs`` how often each two are written side by side, ``defined`` the
    abbreviations it defines.

    >>> words = DocumentWords.of("Rencana Aksi\\nRencana Aksi\\nKencana Aksi")
    >>> sorted(words), words.counts["rencana"], words.pairs[("rencana", "aksi")]
    (['aksi', 'kencana', 'rencana'], 2, 2)
    >>> sorted(words.beside_words("penyusunan", "aksi"))
    ['kencana', 'rencana']
    """

    counts: Counter[str]
    #: how often each word is written exactly so, case and all (words of letters only)
    as_written: Counter[str]
    pairs: Counter[tuple[str, str]]
    #: the abbreviations the document defines (`Kelompok Masyarakat (Pokmas)`)
    defined: frozenset[str]
    _followers: dict[str, list[str]]  # a word → the words written right after it
    _leaders: dict[str, list[str]]  # a word → the words written right before it
    _by_length: dict[int, list[str]] | None  # its words by length, made when first asked

    @classmethod
    def of(cls, text: str) -> DocumentWords:
        folded = text.casefold()
        # a token with a digit (`pengung1`, `B3`) is no word of the document's and no neighbour
        as_written = Counter(word for word in TOKEN_RE.findall(text) if word.isalpha())
        counts: Counter[str] = Counter()
        for word, times in as_written.items():
            counts[word.casefold()] += times
        pairs = Counter(PAIR_RE.findall(folded))
        words = cls(word for word in counts if len(word) >= MIN_LETTERS)
        words.counts = counts
        words.as_written = as_written
        words.pairs = pairs
        words.defined = defined_abbreviations(text)
        words._followers, words._leaders, words._by_length = {}, {}, None
        for first, second in pairs:
            words._followers.setdefault(first, []).append(second)
            words._leaders.setdefault(second, []).append(first)
        return words

    def near(self, word: str) -> list[str]:
        """The other words the document writes within two plain edits of ``word``."""
        by_length = self._by_length
        if by_length is None:
            by_length = self._by_length = {}
            for known in self.counts:
                by_length.setdefault(len(known), []).append(known)
        size = len(word)
        nearby = [other for length in range(size - 2, size + 3) for other in by_length.get(length, ())]
        found = process.extract(word, nearby, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
        return [other for other, _distance, _index in found if other != word]

    def beside_words(self, before: str | None, after: str | None) -> set[str]:
        """The words the document writes right after ``before`` or right before ``after``."""
        found = set(self._followers.get(before, ())) if before else set()
        if after:
            found.update(self._leaders.get(after, ()))
        return found

    def beside(self, word: str, before: str | None, after: str | None) -> int:
        """How often the document writes ``word`` after ``before`` or before ``after``."""
        return (self.pairs[before, word] if before else 0) + (self.pairs[word, after] if after else 0)
