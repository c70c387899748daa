"""OCR-aware candidate generation and costs.

rapidfuzz has no per-character costs, so the cost of reading ``word`` as
``observed`` is computed here: an ordinary edit costs 1, a known OCR confusion
(``rn``/``m``, ``li``/``h``, ``cl``/``d``, ``e``/``c``, ``l``/``1``/``i``,
``o``/``0``, ``s``/``5``, ``b``/``8``, ``g``/``q``, ``u``/``v``) and a doubled or
dropped repeated letter, and two neighbours read in swapped order, cost less.
Candidates are known words within two plain edits of the token (or of its reading
with a multi-character confusion undone), found with rapidfuzz among words that
share the token's first or last letter.

>>> ocr_cost("rnenyusun", "menyusun")
0.5
>>> ocr_cost("peseediaan", "persediaan")  # r dropped, e doubled
1.6
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel, Levenshtein

from rakparse.correct.longlived import long_lived

#: one observed character read for one true character (both case-folded), cost
_SINGLE: dict[tuple[str, str], float] = {}
for _a, _b, _cost in (
    ("e", "c", 0.5),
    ("l", "1", 0.4),
    ("i", "1", 0.4),
    ("l", "i", 0.5),
    ("o", "0", 0.4),
    ("s", "5", 0.4),
    ("b", "8", 0.4),
    ("g", "q", 0.5),
    ("g", "9", 0.5),
    ("u", "v", 0.5),
    ("z", "2", 0.5),
    ("t", "f", 0.7),
    ("h", "b", 0.7),
    ("a", "o", 0.7),
    ("n", "m", 0.7),
    ("n", "u", 0.7),
    ("i", "j", 0.7),
    ("t", "l", 0.7),
    # Tesseract's commonest slips on small, blurred type (measured on the development
    # set rendered and scanned: benchmarks/ocr_eval.py)
    ("r", "n", 0.7),
    ("t", "i", 0.7),
    ("a", "e", 0.8),
    ("r", "m", 0.8),
    ("t", "n", 0.8),
    ("a", "u", 0.8),
    ("y", "g", 0.7),
    ("i", "u", 0.8),
    ("h", "i", 0.8),
    ("h", "n", 0.8),
):
    _SINGLE[(_a, _b)] = _cost
    _SINGLE[(_b, _a)] = _cost

#: several characters read for others (observed, true), cost
_MULTI: dict[tuple[str, str], float] = {}
for _a, _b, _cost in (
    ("rn", "m", 0.5),
    ("li", "h", 0.5),
    ("ii", "u", 0.6),
    ("ii", "n", 0.7),
    ("cl", "d", 0.5),
    ("vv", "w", 0.5),
    ("in", "m", 0.7),
    ("ri", "n", 0.7),
    ("lh", "th", 0.7),
    # Tesseract splitting m and n on small blurred type (measured as the singles above)
    ("ra", "m", 0.7),
    ("ni", "m", 0.8),
    ("ri", "m", 0.8),
    ("tn", "m", 0.8),
    ("nu", "mi", 0.8),
):
    _MULTI[(_a, _b)] = _cost
    _MULTI[(_b, _a)] = _cost

#: digits OCR reads for letters, and the letter each most likely was
DIGIT_LETTERS = {"0": "o", "1": "l", "5": "s", "8": "b", "2": "z", "6": "g", "9": "g", "4": "a"}

INDEL_WEIGHT = 0.25
#: no edit costs less than this (a multi-character confusion: two plain edits for 0.5)
_MIN_EDIT_COST = 0.25
#: ... and none but those costs less than this (l/1, o/0, s/5, b/8)
_MIN_PLAIN_COST = 0.4
_DOUBLE_COST = 0.6  # a letter doubled or a double letter read once
_LETTERS = string.ascii_lowercase


#: multi-character confusions by the observed text's first character
_MULTI_BY_FIRST: dict[str, list[tuple[str, str, float]]] = {}
for (_x, _y), _cost in _MULTI.items():
    _MULTI_BY_FIRST.setdefault(_x[0], []).append((_x, _y, _cost))

_SWAP_COST = 0.8


def _sub(x: str, y: str) -> float:
    return 0.0 if x == y else _SINGLE.get((x, y), 1.0)


#: costs above this are never needed exactly: the DP only looks near the diagonal
_BAND = 3


@functools.lru_cache(maxsize=65536)
def ocr_cost(observed: str, word: str) -> float:
    """Weighted edit distance of reading ``word`` as ``observed`` (case-folded).

    Only alignments within a few characters of the diagonal are explored, so a
    result above 3 means "far", not an exact cost.
    """
    a, b = observed.casefold(), word.casefold()
    if abs(len(a) - len(b)) > _BAND:
        return float(max(len(a), len(b)))
    # the shared beginning and end cost nothing: align only the middle, keeping one
    # shared letter on each side so doubled letters and confusions still see it
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    cut_head, cut_tail = max(0, head - 1), max(0, tail - 1)
    a, b = a[cut_head : len(a) - cut_tail], b[cut_head : len(b) - cut_tail]
    n, m = len(a), len(b)
    inf = float("inf")
    d = [[inf] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0.0
    for i in range(n + 1):
        row = d[i]
        multis = (
            [entry for entry in _MULTI_BY_FIRST.get(a[i], ()) if a.startswith(entry[0], i)] if i < n else []
        )
        for j in range(max(0, i - _BAND), min(m, i + _BAND) + 1):
            here = row[j]
            if here == inf:
                continue
            if i < n and j < m:
                cost = 0.0 if a[i] == b[j] else _SINGLE.get((a[i], b[j]), 1.0)
                if here + cost < d[i + 1][j + 1]:
                    d[i + 1][j + 1] = here + cost
            if i < n:  # an extra observed character
                cost = _DOUBLE_COST if i > 0 and a[i] == a[i - 1] else 1.0
                if here + cost < d[i + 1][j]:
                    d[i + 1][j] = here + cost
            if j < m:  # a true character not read
                cost = _DOUBLE_COST if j > 0 and b[j] == b[j - 1] else 1.0
                if here + cost < row[j + 1]:
                    row[j + 1] = here + cost
            if i + 1 < n and j + 1 < m and a[i] != b[j] and a[i + 1] != b[j + 1]:
                # two neighbouring characters read in swapped order (touching glyphs)
                swap = _SWAP_COST + _sub(a[i], b[j + 1]) + _sub(a[i + 1], b[j])
                if here + swap < d[i + 2][j + 2]:
                    d[i + 2][j + 2] = here + swap
            for x, y, cost in multis:
                if b.startswith(y, j) and here + cost < d[i + len(x)][j + len(y)]:
                    d[i + len(x)][j + len(y)] = here + cost
    result = d[n][m]
    return float(max(n, m)) if result == inf else round(result, 3)


def edits1(word: str) -> set[str]:
    """Every string one edit (or one multi-character confusion) away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out: set[str] = set()
    for left, right in splits:
        if right:
            out.add(left + right[1:])
            for letter in _LETTERS:
                out.add(left + letter + right[1:])
        for letter in _LETTERS:
            out.add(left + letter + right)
        for x, y in _MULTI:
            if right.startswith(x):
                out.add(left + y + right[len(x) :])
    out.discard(word)
    return out


@functools.cache
def _at_least(times: int) -> bytes:
    """A ``bytes.translate`` table: a byte of ``times`` or more becomes 1, any other 0."""
    below = min(max(times, 0), 256)
    return bytes(below) + b"\x01" * (256 - below)


@functools.cache
def _only(letter: str) -> bytes:
    """A ``bytes.translate`` table: the ASCII ``letter`` becomes 1, any other byte 0."""
    table = bytearray(256)
    if letter.isascii():
        table[ord(letter)] = 1
    return bytes(table)


class _SameLength:
    """The known words of one length, with one byte per word for the vectorized filter:
    the words are laid end to end, so the i-th byte of a per-word table is word i.
    A word's letter counts are summed into such a table with big-integer additions
    (``int.from_bytes`` reads a table as a number; the sums never carry over from one
    byte to the next, since no count reaches 256), so every word of a length is tested
    at once, in C, rather than one by one in Python."""

    def __init__(self, length: int, words: list[str]) -> None:
        self.length = length
        # only ASCII words of fewer than 256 letters fit a byte per letter and per count;
        # any other word (none in the shipped lists) is always passed on to the exact check
        self.words, self.others = words, []
        if length >= 256 or not "".join(words).isascii():  # checked at once: the usual case
            self.words = [word for word in words if word.isascii() and length < 256]
            self.others = [word for word in words if not (word.isascii() and length < 256)]
        self._letters = "".join(self.words).encode("ascii")
        self._firsts: dict[str, int] = {}
        self._lasts: dict[str, int] = {}
        self._counts: dict[str, bytes] = {}
        self._at_least: dict[tuple[str, int], int] = {}

    def _flags(self, letters: bytes, letter: str) -> int:
        """1 in the byte of each word whose letter here (``letters``, one per word) is ``letter``."""
        return int.from_bytes(letters.translate(_only(letter)), "little")

    def starting(self, letter: str) -> int:
        flags = self._firsts.get(letter)
        if flags is None:
            flags = self._firsts[letter] = self._flags(self._letters[:: self.length], letter)
        return flags

    def ending(self, letter: str) -> int:
        flags = self._lasts.get(letter)
        if flags is None:
            flags = self._flags(self._letters[self.length - 1 :: self.length], letter)
            self._lasts[letter] = flags
        return flags

    def at_least(self, letter: str, times: int) -> int:
        """1 in the byte of each word that holds ``letter`` ``times`` times or more."""
        key = (letter, times)
        flags = self._at_least.get(key)
        if flags is None:
            counts = self._counts.get(letter)
            if counts is None:
                counts = self._count(letter)
            flags = self._at_least[key] = int.from_bytes(counts.translate(_at_least(times)), "little")
        return flags

    def _count(self, letter: str) -> bytes:
        """How often each word holds ``letter``, one byte per word."""
        size = self.length
        marked = self._letters.translate(_only(letter))  # 1 where the letter is
        total = sum(int.from_bytes(marked[place::size], "little") for place in range(size))
        counts = self._counts[letter] = total.to_bytes(len(self.words), "little")
        return counts

    def count_all(self) -> None:
        """Count every small letter now, not when first searched (for ``snapshot``): 26
        bytes a word, under a megabyte in all, and summing them was a tenth of the
        sample's first conversion."""
        for letter in string.ascii_lowercase:
            if letter not in self._counts:
                self._count(letter)


class CandidateIndex:
    """Known words indexed for fast lookup of near spellings."""

    def __init__(self, words: Iterable[str]) -> None:
        self.known: frozenset[str] = frozenset(words)
        self._by_length: dict[int, list[str]] = {}
        for word in self.known:
            self._by_length.setdefault(len(word), []).append(word)
        # per length, the words' letters laid out for the filter: built when a length is
        # first searched, since a document needs only some lengths
        self._lengths: dict[int, _SameLength] = {}

    def build_all(self) -> None:
        """Lay out every length and count its letters now, not when first searched (for
        ``snapshot``)."""
        for length in self._by_length:
            group = self._same_length(length)
            if group is not None:
                group.count_all()

    def _same_length(self, length: int) -> _SameLength | None:
        group = self._lengths.get(length)
        if group is None:
            words = self._by_length.get(length)
            if not words or length < 1:
                return None
            with long_lived():
                group = self._lengths[length] = _SameLength(length, words)
        return group

    def _window(self, variant: str, spread: int) -> list[str]:
        """Known words of ``len(variant)`` ± ``spread`` letters that start with its first
        letter or end with its last, less those that cannot be within ``spread`` edits
        of it by their letters alone (an exact bound, so nothing within reach is lost):
        an alignment matches no more letters than the two words share, and each letter
        it does not match costs an edit, so the distance is at least the longer length
        less the shared letters (counted with repeats)."""
        size = len(variant)
        if not size:
            return []
        counts: dict[str, int] = {}
        for letter in variant:
            counts[letter] = counts.get(letter, 0) + 1
        first, last = variant[0], variant[-1]
        found: list[str] = []
        for length in range(size - spread, size + spread + 1):
            group = self._same_length(length)
            if group is None:
                continue
            found += [word for word in group.others if word[0] == first or word[-1] == last]
            passing = group.starting(first) | group.ending(last)
            needed = max(length, size) - spread  # letters the word must share with the variant
            if passing and needed > 0:
                shared = sum(
                    group.at_least(letter, times)
                    for letter, count in counts.items()
                    for times in range(1, min(count, length) + 1)
                )
                per_word = shared.to_bytes(len(group.words), "little")
                passing &= int.from_bytes(per_word.translate(_at_least(needed)), "little")
            flags = passing.to_bytes(len(group.words), "little")
            at = flags.find(1)
            while at >= 0:
                found.append(group.words[at])
                at = flags.find(1, at + 1)
        return found

    def near(self, observed: str, *, max_distance: int) -> list[str]:
        """Known words within ``max_distance`` plain edits (or one confusion) of ``observed``."""
        folded = observed.casefold()
        found: set[str] = set()
        if max_distance < 2:
            found.update(word for word in edits1(folded) if word in self.known)
        else:
            # two edits rarely change both ends, so words sharing the first or the last
            # letter are searched; a multi-character confusion is two plain edits, so
            # its reading is searched too (`plclana` → `pldana` is one edit from `pidana`)
            variants = {folded}
            for x, y in _MULTI:
                if len(x) > len(y) and x in folded:
                    variants.add(folded.replace(x, y, 1))
            for variant in variants:
                for word, _distance, _index in process.extract(
                    variant,
                    self._window(variant, max_distance),
                    scorer=Levenshtein.distance,
                    score_cutoff=max_distance,
                    limit=None,
                ):
                    found.add(word)
        found.discard(folded)
        return sorted(found)


def rank_candidates(
    observed: str,
    candidates: Sequence[str],
    prior: Callable[[str], float],
    *,
    prior_weight: float = 0.25,
    shift_weight: float = INDEL_WEIGHT,
    prune: float = 1.0,
) -> list[tuple[float, float, str]]:
    """``(combined, cost, candidate)`` sorted best first: OCR cost less a frequency prior,
    plus a little of the insert/delete distance, which prefers a letter dropped and one
    added nearby (``pengeloaian`` → ``pengelolaan``) over two letters replaced."""
    # exact costs are dear (a Python DP): rank by a cheap lower bound first and stop
    # once no candidate left can come within ``prune`` of the best
    # every edit costs at least 0.4 unless a multi-character confusion can apply,
    # which needs its observed side in ``observed`` and its true side in the candidate
    folded = observed.casefold()
    multis = [true for (seen, true) in _MULTI if seen in folded]
    bounds = []
    for candidate in candidates:
        edits = Levenshtein.distance(observed, candidate)
        shift = Indel.distance(observed, candidate)
        extra = shift_weight * shift - prior_weight * prior(candidate)
        per_edit = _MIN_EDIT_COST if any(true in candidate for true in multis) else _MIN_PLAIN_COST
        bounds.append((per_edit * edits + extra, extra, candidate))
    bounds.sort()
    ranked: list[tuple[float, float, str]] = []
    best = float("inf")
    for bound, extra, candidate in bounds:
        if bound > best + prune:
            break
        cost = ocr_cost(observed, candidate)
        ranked.append((cost + extra, cost, candidate))
        best = min(best, cost + extra)
    ranked.sort()
    return ranked


@functools.lru_cache(maxsize=4096)
def similarity(observed: str, word: str) -> float:
    """0..100: 100 × (1 − OCR cost / length of the longer), as recorded in ``score``.

    >>> similarity("MAMA", "NAMA")
    82.5
    """
    longest = max(len(observed), len(word)) or 1
    return round(max(0.0, 100.0 * (1.0 - ocr_cost(observed, word) / longest)), 1)
