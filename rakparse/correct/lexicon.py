"""The general Indonesian lexicon: words that are never changed on their own.

The word list is ``rakparse/data/lexicon-id.txt``, generated from wordfreq's
Indonesian list by ``scripts/make_lexicon.py`` (CC BY-SA 4.0, see the file's
header). It is read as package data rather than through wordfreq so that a cold
load costs milliseconds. A word is *valid* when it is in the list or is a regular
derivation of a listed root (``terlaksananya`` = ter- + laksana + -nya), which
covers forms a frequency list misses.

Debian's hunspell-id is deliberately not used at run time: read with spylls it
takes about 190 ms to load (twice the cold-load budget), it does not accept
common derivations such as ``terwujudnya``/``terlaksananya``, and it does accept
OCR errors such as ``damal``. The affix rules here cover the derivations RAK texts
use.

>>> lex = load_lexicon()
>>> lex.is_word("pengelolaan"), lex.is_word("pengeloaian")
(True, False)
>>> lex.is_word("terlaksananya"), lex.is_word("tewujudnya")
(True, False)
>>> lex.is_word("pascabencana"), lex.is_word("antarkabupaten")
(True, True)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

LEXICON_FILE = "lexicon-id.txt"

#: bound forms KBBI writes joined to the next word (`pascapanen`, `antarkabupaten`,
#: `nonformal`); a word made of one and a valid word is valid
_BOUND_PREFIXES = (
    "pasca",
    "antar",
    "pra",
    "non",
    "multi",
    "lintas",
    "purna",
    "swa",
    "tuna",
    "semi",
    "sub",
    "super",
    "ultra",
    "inter",
    "trans",
    "anti",
    "kontra",
    "mikro",
    "makro",
    "ekstra",
    "intra",
    "re",
)
#: particles and possessives that attach last (``-nya``, ``-lah``)
_PARTICLES = ("nya", "lah", "kah", "pun", "ku", "mu")
#: derivational suffixes
_SUFFIXES = ("kan", "an", "i")
#: loanword suffixes of nouns and adjectives (`sektoral`, `zonasi`, `normatif`); the
#: root must be at least four letters
_LOAN_SUFFIXES = ("isasi", "asi", "si", "al", "if", "is", "itas")
#: prefixes with the sound changes they cause: (prefix, letters put back at the root's start)
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)),
    ("diper", ("",)),
    ("keter", ("",)),
    ("menge", ("",)),
    ("penge", ("",)),
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("mem", ("", "p")),
    ("pem", ("", "p")),
    ("men", ("", "t")),
    ("pen", ("", "t")),
    ("per", ("",)),
    ("ber", ("",)),
    ("ter", ("",)),
    ("me", ("",)),
    ("pe", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("be", ("",)),  # only before r: be+rencana
    ("te", ("",)),  # only before r: te+rasa
)
_ONLY_BEFORE_R = {"be", "te"}
_VOWELS = ("a", "e", "i", "o", "u")
#: what may follow a nasal prefix as written (before any restored letter):
#: mem-/pem- + b f v, men-/pen- + d c j z, meng-/peng- + g h k and vowels, me-/pe- + l m n r w y
_NASAL_NEXT = {
    "mem": "bfv",
    "pem": "bfv",
    "men": "dcjz",
    "pen": "dcjz",
    "meng": "ghk",
    "peng": "ghk",
    "me": "lmnrwy",
    "pe": "lmnrwy",
}
#: a three-letter root licenses a derivation only if it is this frequent (rank)
_SHORT_ROOT_RANK = 2000
#: shorter words are not analysed as derivations (``apan`` is not apa + -an)
_MIN_DERIVED = 6
#: a root must be at least this long to license a derivation
_MIN_ROOT = 3


@dataclass(frozen=True)
class Lexicon:
    """Case-folded words with their frequency rank (1 = most frequent)."""

    ranks: Mapping[str, int]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.casefold() in self.ranks

    def zipf(self, word: str) -> float:
        """A frequency prior on wordfreq's Zipf-like scale (about 7 for ``yang``, 0 if unknown)."""
        rank = self.ranks.get(word.casefold())
        return 0.0 if rank is None else max(0.5, 7.5 - math.log10(rank + 3))

    def is_word(self, word: str) -> bool:
        """In the list, or a regular derivation of a listed root."""
        folded = word.casefold()
        if folded in self.ranks:
            return True
        if "-" in folded:  # reduplication and compounds: every part valid
            parts = [part for part in folded.split("-") if part]
            return bool(parts) and all(self.is_word(part) for part in parts)
        for prefix in _BOUND_PREFIXES:  # `pascabencana`, `antarsekolah`, written as one word
            rest = folded[len(prefix) :]
            if folded.startswith(prefix) and len(rest) >= _MIN_DERIVED - 2 and self.is_word(rest):
                return True
        return is_derivation(folded, self.ranks)


@functools.lru_cache(maxsize=65536)
def roots(word: str) -> frozenset[str]:
    """Possible roots of ``word`` after stripping one particle, suffix and prefix layer."""
    stems = {word}
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= _MIN_ROOT:
            stems.add(word[: -len(particle)])
    for stem in list(stems):
        for suffix in _SUFFIXES:
            rest = stem[: -len(suffix)]
            if stem.endswith(suffix) and len(rest) >= _MIN_ROOT and not rest.endswith(suffix[-1]):
                stems.add(rest)  # `-i` never follows a root's final i (`verifikasii`)
        for suffix in _LOAN_SUFFIXES:
            rest = stem[: -len(suffix)]
            if stem.endswith(suffix) and len(rest) >= _MIN_ROOT + 1:
                stems.add(rest)
    found = set(stems)
    for stem in stems:
        for prefix, restores in _PREFIXES:
            rest = stem[len(prefix) :]
            if not stem.startswith(prefix) or len(rest) < _MIN_ROOT - 1:
                continue
            if prefix in _ONLY_BEFORE_R and not rest.startswith("r"):
                continue
            for letter in restores:
                if letter and not rest.startswith(_VOWELS):
                    continue  # the nasal swallows a consonant only before a vowel
                if (
                    not letter
                    and prefix in _NASAL_NEXT
                    and not rest.startswith(tuple(_NASAL_NEXT[prefix]))
                    and not (prefix in ("meng", "peng") and rest.startswith(_VOWELS))
                ):
                    continue  # `penbangunan` is not pen- + bangun: that is pem-
                found.add(letter + rest)
    found.discard(word)
    return frozenset(found)


#: the affix pairs ``derived_forms`` puts around a root (`me`/`pe` take a nasal), the
#: productive ones only: `ke-an` but no bare `ke-`; `-nya` may follow any of them
_CONFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("an", "kan", "i")),
    ("di", ("", "kan", "i")),
    ("ke", ("an",)),
    ("ter", ("", "kan", "i")),
    ("ber", ("", "an", "kan")),
    ("per", ("", "an", "kan", "i")),
    ("memper", ("", "kan", "i")),
    ("diper", ("", "kan", "i")),
    ("me", ("", "kan", "i")),
    ("pe", ("", "an")),
)


def _nasal(base: str, root: str) -> str:
    """``me``/``pe`` + root with the nasal the root's first letter takes."""
    first = root[:1]
    if first in ("b", "f", "v"):
        return base + "m" + root
    if first == "p":
        return base + "m" + root[1:]
    if first in ("d", "c", "j", "z"):
        return base + "n" + root
    if first == "t":
        return base + "n" + root[1:]
    if first == "k":
        return base + "ng" + root[1:]
    if first in ("g", "h") or first in _VOWELS:
        return base + "ng" + root
    if first == "s":
        return base + "ny" + root[1:]
    return base + root  # l, m, n, r, w, y


@functools.lru_cache(maxsize=16384)
def derived_forms(root: str) -> frozenset[str]:
    """Regular affixed forms of ``root``: the words OCR errors in a derivation are
    nearest to, which a frequency list often lacks.

    >>> sorted(form for form in derived_forms("garap") if form.startswith("pe"))[:3]
    ['penggarap', 'penggarapan', 'penggarapannya']
    >>> "berkualifikasi" in derived_forms("kualifikasi")
    True
    """
    forms: set[str] = set()
    for prefix, suffixes in _CONFIXES:
        if prefix in ("me", "pe"):
            stem = _nasal(prefix, root)
        elif prefix in ("ber", "ter", "per") and root.startswith("r"):
            stem = prefix[:-1] + root
        else:
            stem = prefix + root
        for suffix in suffixes:
            forms.add(stem + suffix)
            forms.add(stem + suffix + "nya")
    forms.add(root + "nya")
    forms.discard(root)
    return frozenset(forms)


def is_derivation(word: str, known: Mapping[str, int]) -> bool:
    """Is ``word`` an affixed form of a known root (two affix layers at most)?

    ``known`` maps words to their frequency rank; a three-letter root must be common.

    >>> is_derivation("penatausahaan", {"tata": 900, "usaha": 500, "penatausaha": 9000})
    True
    >>> is_derivation("tewujudnya", {"wujud": 3000})
    False
    """

    def good(root: str, min_length: int) -> bool:
        rank = known.get(root)
        if rank is None or len(root) < min_length:
            return False
        return len(root) > _MIN_ROOT or rank <= _SHORT_ROOT_RANK

    if len(word) < _MIN_DERIVED:
        return False
    first = roots(word)
    if any(good(root, _MIN_ROOT) for root in first):
        return True
    return any(good(inner, _MIN_ROOT + 1) for root in first if len(root) >= 5 for inner in roots(root))


@functools.cache
def load_lexicon() -> Lexicon:
    """The shipped word list, read once."""
    text = (resources.files("rakparse") / "data" / LEXICON_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    header = next((number for number, line in enumerate(lines) if not line.startswith("#")), len(lines))
    words = [line for line in lines[header:] if line]
    # built in C: the first line of a word gives its rank (the list has no repeats)
    ranks = dict(zip(reversed(words), range(len(words), 0, -1), strict=True))
    return Lexicon(ranks)
