"""The OCR correction engine: ``load_corrector(...).fix(text, column=..., line=...)``.

Precision comes first: a correction that turns a right word into a wrong one is
worse than none. So, in order:

1. forced replacements from ``--vocab`` files (``wrong => right``) always apply;
2. a window of words that nearly matches a multi-word domain phrase is aligned to
   it (``Baring Milk Negara`` → ``Barang Milik Negara``): this is the only way a
   token that is itself a valid word (``Milk``) gets changed, besides the header
   label context (``MAMA/UNIT ORGANISASI``);
3. any other token that is a vocabulary word or a listed Indonesian word is left
   alone; so are short tokens, numbers, URLs, and acronyms that are not an OCR slip
   of a known acronym (``PPIID`` → ``PPID``); a word valid only as a regular
   derivation is left alone unless a common listed word is one OCR slip away
   (``kedilan`` → ``keadilan``);
4. an unknown word is replaced by the best near known word, ranked by OCR cost and
   a frequency/domain prior, only when it clears ``min_score`` and beats the
   runner-up by a clear margin; otherwise it is left as written with a
   ``correction.uncertain`` warning. The affixed forms of the near words' roots
   compete too (a derivation the word list lacks), and a word is never swapped for
   another form of its own root (``penggarap``/``menggarap``);
5. words split by a stray space are joined when the joined word is far likelier
   than its pieces, and glued words are split where the pieces need least repair.

Most cells hold only listed words: a quick look returns them unchanged first.

>>> corrector = load_corrector()
>>> fixed = corrector.fix("Tewujudnya Penyelenggaraan Baring Milk Negara", column="sasaran", line=7)
>>> fixed.text
'Terwujudnya Penyelenggaraan Barang Milik Negara'
>>> [(c.from_, c.to, c.by) for c in fixed.corrections]
[('Tewujudnya', 'Terwujudnya', 'vocabulary'), ('Baring Milk', 'Barang Milik', 'vocabulary')]
>>> corrector.fix("MAMA/UNIT ORGANISASI", column="label", line=3).text
'NAMA/UNIT ORGANISASI'
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Container, Sequence, Set
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from rakparse.correct.confusions import DIGIT_LETTERS, CandidateIndex, ocr_cost, rank_candidates, similarity
from rakparse.correct.lexicon import Lexicon, derived_forms, load_lexicon, roots
from rakparse.correct.longlived import long_lived
from rakparse.correct.vocabulary import (
    Phrase,
    VocabEntry,
    Vocabulary,
    load_vocabulary,
    vocabulary_entries,
    words_of,
)
from rakparse.model import Correction, CorrectionBy, Notice

__all__ = ["DEFAULT_MIN_SCORE", "Corrector", "Fixed", "VocabEntry", "load_corrector", "vocabulary_entries"]

#: a candidate scoring below this (see ``confusions.similarity``) is not applied
DEFAULT_MIN_SCORE = 75.0
#: the runner-up must rank this much worse (OCR cost units, prior included)
MARGIN = 0.6
#: how far rivals of a short word (< 7 letters) are searched (2 is safer, 1 faster)
NEAR_DISTANCE = 2
#: the OCR cost a word of four or five letters may have: short words are easy to
#: misread into other real words (`svata` → `sata`, not `satu`)
SHORT_ALLOWED = 0.7
#: the OCR cost a word of nine letters or more may have: a plain edit and a cheap one
#: (`Peseediaan`: r lost, e doubled), not two plain edits (`maturitas` is no `mayoritas`)
LONG_ALLOWED = 1.8
#: ... or this, to a common word when no other word comes near (no warning when one does)
SHORT_CLEAR = 1.0
#: a common word (Zipf): `untuk`, `kota`, `surat`
COMMON_PRIOR = 4.5
#: extra prior (Zipf units) for words of the domain vocabulary
DOMAIN_BOOST = 1.0
#: how much likelier (Zipf units: 3.5 ≈ 3000 times) a joined word must be than its two
#: pieces read as words for a split to be undone (`Bada n` → `Badan`, not `kantor an`)
JOIN_ODDS = 3.5
#: a word rarer than this (Zipf) is weak evidence of itself: more likely a piece
RARE_PRIOR = 3.0
#: from this length, the affixed forms of near words' roots are candidates too
FAMILY_MIN = 6
#: how many of the nearest listed words lend their roots
FAMILY_ROOTS_FROM = 3
#: a derived form is this much less likely (Zipf) than its root
FAMILY_DISCOUNT = 2.5
#: tokens shorter than this are never changed alone
MIN_LENGTH = 4

_PASS_THROUGH = {"biaya", "schedule"}
_UNIT_COLUMNS = {"pelaksana", "unit"}
_STOPWORDS = {"dan", "yang", "di", "ke", "dari", "untuk", "atas", "dengan", "atau", "pada", "of", "the"}
#: the letters a digit inside a word may stand for
_DIGIT_READINGS = {"0": "o", "1": "li", "5": "s", "8": "b", "2": "z", "6": "g", "9": "g"}
#: short tokens that are whole words (others of one or two letters may be split-off pieces)
_SHORT_WORDS = {"di", "ke", "ya", "ia", "se", "rt", "rw"}
#: words OCR most often glues to a neighbour (`demokrasidari`)
_FUNCTION_WORDS = (
    "dan",
    "di",
    "ke",
    "yang",
    "dari",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "serta",
    "atau",
    "oleh",
    "bagi",
    "sebagai",
    "tentang",
    "setiap",
    "secara",
    "melalui",
    "terhadap",
    "sesuai",
    "atas",
    "tahun",
)
#: words that name a place next (`Desa Gunungsari`): the name is left as written
_PLACE_WORDS = frozenset(
    {
        "desa",
        "kelurahan",
        "kecamatan",
        "kabupaten",
        "kota",
        "provinsi",
        "kampung",
        "dusun",
        "nagari",
        "gampong",
        "banjar",
    }
)
#: the function words a garbled short token between two words may be (`dn`, `yng`)
#: prepositions beyond the function words: no phrase pair outweighs them (`pemilihan
#: keoada pemilih` is `kepada`, though `Pemilihan Kepala Daerah` is a phrase)
_PREPOSITIONS = frozenset({"kepada", "antara", "hingga", "sampai", "menuju", "sejak", "selama", "tanpa"})
_SLOT_WORDS = frozenset(
    {"dan", "yang", "di", "ke", "dari", "pada", "untuk", "dengan", "atau", "serta", "oleh", "bagi"}
)
#: capitals Tesseract reads for the lower-case letter they resemble on small type
_LOOKALIKE_CAPITALS = frozenset("CIKOSUVWXYZ")
#: glyphs so thin that OCR may read one twice (`PPIID`)
_THIN_GLYPHS = frozenset("Il1|!")
#: a word this frequent (rank) competes with them
_COMMON_SLOT = 5000
#: a lower-case word rarer than this (Zipf) between two capitalized words of a title may
#: be a misread `dan` (`Umum don Perencanaan`)
RARE_TITLE_WORD = 4.5
#: a three-letter word this frequent (rank) is a word of its own, not a split-off piece
_COMMON_SHORT = 500
#: a four-letter word this frequent (rank) may be split off a glued function word
_COMMON_FOUR = 5000
#: a listed word KBBI does not know (a name, a foreign word) is offered as a correction
#: only if it is this frequent (rank): `Jawa`, `internet`, `Desember`, not `credit`
NON_KBBI_RANK = 5000
#: a glued token this near (OCR cost) a listed word is not split: it is that word misread
ONE_WORD_NEAR = 2.0
#: a general word (not the vocabulary's) this far (OCR cost) from the token replaces it
#: only if the document writes it too
CONFIRM_FROM = 1.0
CONFIRM_SHORTER_THAN = 10
#: how far (OCR cost) a word with a clear nearest may be from it when the document
#: writes that word elsewhere
CONTEXT_ALLOWED = 1.0
#: ... or, for a token this long, two plain edits (`kulinehz` → `kuliner`)
CONTEXT_LONG_FROM = 8
CONTEXT_ALLOWED_LONG = 2.0
#: ... and, when it leads its rivals by this much (less than a clear margin), the
#: document writes none of them
TIE_LEAD = 0.3
#: verbs start so (`memperoleh`, `berbasis`, `dievaluasi`): lower case inside a cell
_VERB_PREFIXES = ("me", "ber", "di")
#: a derivation from a KBBI root this long is surely a word (`penambalan`: tambal);
#: from a shorter root (`pengebangan`: bang) it may be a misread of a listed word
_SURE_ROOT = 5
#: an affixed form of a word in use this long is in use too (`berkualifikasi`)
_LONG_ROOT = 7
#: a glued short word (3-4 letters) must be this common, its long partner this long
_COMMON_PIECE = 3000
_LONG_PIECE = 5
_NAME_PIECE = 8
#: a glued pair cut anywhere (not at a case change or function word) keeps one piece
#: of this length intact
_ANY_CUT_PIECE = 5
#: ... in a token of this length at least, when no near word fits it
_ANY_CUT_TOKEN = 10
#: words that stand apart even when their concatenation is a word (`ke luar`, `di bawah`)
_JOIN_KEEP = frozenset(_FUNCTION_WORDS) | _SHORT_WORDS | _STOPWORDS | {"per", "para", "sang", "si"}
#: words a phrase pair never replaces nor puts in place (see ``_pair_instead``)
_NEVER_PAIRED = _JOIN_KEEP | _PREPOSITIONS
#: function words a garbled token may be, instead of a phrase's word
_NEAR_FUNCTION = ("dan", "yang", "dari", "dengan", "untuk", "pada", "dalam", "serta", "atau", "oleh", "bagi")
#: pieces a word valid only by affix rules may be joined from (`ter laksana`, `kinerja nya`)
_PREFIX_PIECES = frozenset(
    {
        "ter",
        "ber",
        "per",
        "di",
        "ke",
        "se",
        "pe",
        "me",
        "men",
        "mem",
        "meng",
        "meny",
        "pen",
        "pem",
        "peng",
        "peny",
    }
)
_SUFFIX_PIECES = frozenset({"nya", "kan", "lah", "an", "i"})
#: a particle or suffix OCR splits off (`Terkendali nya`): the join pass must look
_JOIN_SUFFIXES = frozenset({"nya", "kan", "lah"})
#: suffixes that, split off a word, are no word of their own
_SPLIT_SUFFIXES = frozenset({"an", "kan", "nya"})
#: multi-character confusions sure enough to undo on their own (observed, true)
_STRONG_MULTI = (("rn", "m"), ("li", "h"), ("cl", "d"), ("vv", "w"))
_TOKEN_RE = re.compile(r"[^\W_]+")
_ACRONYM_GLUED = re.compile(r"([A-Z]{2,})([a-z]{2,})")
_URL_RE = re.compile(r"\S*(?:://|www\.|@|\.go\.id|\.co\.id|\.com\b|\.org\b|\.net\b)\S*", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_LOWER_RUN = re.compile(r"[^\W\d_A-Z]+")
#: two words coordinated (`X dan Y`); overlapping, so `A dan B dan C` yields both pairs
_COORDINATED = re.compile(r"(?=\b([^\W\d_]{4,})\s+(dan|atau|serta)\s+([^\W\d_]{4,})\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Fixed:
    """The corrected text of one cell, what was changed, and what was left in doubt."""

    text: str
    corrections: tuple[Correction, ...]
    warnings: tuple[Notice, ...]


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    folded: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", self.text.casefold())


@dataclass(frozen=True)
class _Change:
    start: int
    end: int
    to: str
    score: float
    by: CorrectionBy
    forced: bool = False  # a user's `wrong => right` entry


@dataclass(frozen=True)
class _Choice:
    """A change the document decides: the near word of a token left in doubt for a
    rival as near (``rival`` set, ``doubt`` its warning), or the clear nearest of a
    token a little too far to change on its own (``rival`` empty, no warning). It is
    made when the document writes ``best`` and none of ``rivals``."""

    change: _Change
    best: str
    rivals: tuple[str, ...]  # none for a word too far to change on its own, with no rival
    doubt: tuple[str, str] | None


@dataclass(frozen=True)
class _Result:
    text: str
    changes: tuple[tuple[str, str, float, CorrectionBy], ...]
    doubts: tuple[tuple[str, str], ...]  # (warning code, message)
    # what the document may still decide: the changes made to ``text`` as read, and the
    # choices left (none where ``applied`` is not kept)
    original: str = ""
    applied: tuple[_Change, ...] = ()
    choices: tuple[_Choice, ...] = ()


def _place_name(text: str, before: _Token, token: _Token) -> bool:
    """Is ``token`` the name of the place ``before`` says (``Kecamatan Sukamaju``)?"""
    word = token.text
    return (
        before.folded in _PLACE_WORDS
        and text[before.end : token.start] == " "
        and word[:1].isupper()
        and not word.isupper()
        and not _HAS_DIGIT.search(word)
    )


def _maybe_name(text: str, token: _Token) -> bool:
    """A capitalized word inside a cell (`Sosialisasi di Anturan`) may be a name: the
    document's use of a common word near it (`aturan`) says nothing of it."""
    word = token.text
    return word[:1].isupper() and not word.isupper() and bool(text[: token.start].strip())


def _digit_readings(folded: str) -> set[str]:
    """Every way to read the digits of ``folded`` as letters (``pantarl1h`` → ``pantarllh``,
    ``pantarlih``)."""
    choices = (_DIGIT_READINGS.get(ch, ch) for ch in folded)
    return {"".join(letters) for letters in itertools.product(*choices)}


def apply_case(original: str, word: str) -> str:
    """Spell ``word`` in the case pattern of ``original``.

    >>> apply_case("MAMA", "nama"), apply_case("Damal", "damai"), apply_case("liping", "Kliping")
    ('NAMA', 'Damai', 'kliping')
    >>> apply_case("lkjlp", "LKjIP")
    'LKjIP'
    """
    if len(original) > 1 and original.isupper():
        return word.upper()
    if any(ch.isupper() for ch in word[1:]):  # an acronym's own spelling: LKjIP, e-Rekon
        return word
    if original[:1] and not original[:1].isalpha():  # `8arang`: the first letter's case is unknown
        return word
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def same_root(a: str, b: str, words: Container[str] | None = None) -> bool:
    """Are ``a`` and ``b`` two affixed forms of one word (only the affixes differ)?
    With ``words``, the shared root must be one of them: ``perrsentase`` and
    ``persentase`` share only the non-word ``rsentase``, a doubled letter's artefact.

    >>> same_root("penggarap", "menggarap"), same_root("penyebarluasan", "menyebarluaskan")
    (True, True)
    >>> same_root("keangan", "keuangan"), same_root("penyusuan", "penyusunan")
    (False, False)
    >>> same_root("perrsentase", "persentase"), same_root("perrsentase", "persentase", {"garap"})
    (True, False)
    """
    shared = (roots(a) | {a}) & (roots(b) | {b})
    return any(len(root) >= 4 and (words is None or root in words) for root in shared)


class Corrector:
    """Fixes OCR errors in the cells of a RAK table; build it with ``load_corrector``."""

    def __init__(
        self,
        vocabulary: Vocabulary | None,
        lexicon: Lexicon | None,
        *,
        min_score: float = DEFAULT_MIN_SCORE,
        enabled: bool = True,
    ) -> None:
        self.enabled = enabled and vocabulary is not None and lexicon is not None
        self.min_score = min_score
        self._vocab = vocabulary
        self._lexicon = lexicon
        self._cache: dict[tuple[str, str], _Result] = {}
        self._index: CandidateIndex | None = None
        self._near: dict[str, list[str]] = {}
        self._families: dict[str, dict[str, float]] = {}
        self._root_forms: dict[str, dict[int, list[str]]] = {}  # of listed roots: kept
        self._known: dict[str, bool] = {}
        self._phrase_index: dict[str, list[tuple[int, int, int, int]]] | None = None
        self._unit_words: frozenset[str] = frozenset()
        self._acronyms: dict[int, list[str]] = {}
        self._forced_patterns: list[tuple[re.Pattern[str], VocabEntry]] | None = None
        self._plain: dict[str, bool] = {}
        self._suspects: dict[str, bool] = {}
        self._bigrams: frozenset[tuple[str, str]] | None = None
        self._pairs: dict[tuple[str, str], list[tuple[Phrase, int, int]]] | None = None
        self._forced_words: frozenset[str] = frozenset()
        self._joined_terms: frozenset[str] = frozenset()
        if vocabulary is not None:
            self._unit_words = frozenset(
                word for phrase in vocabulary.phrases if phrase.kind == "unit" for word in phrase.key
            )
            for term in vocabulary.terms.values():
                if term.isupper() and len(term) >= 3:
                    self._acronyms.setdefault(len(term), []).append(term)
            self._forced_words = frozenset(
                word.casefold()
                for entry in vocabulary.forced.values()
                for word in _TOKEN_RE.findall(entry.wrong or "")
            )
            # `eKinerja`: a hyphenated term written as one word
            self._joined_terms = frozenset(
                "".join(words_of(entry.term)).casefold()
                for entry in vocabulary.entries
                if "-" in entry.term and entry.kind != "forced"
            )

    @property
    def load_warnings(self) -> tuple[Notice, ...]:
        """Warnings about the vocabulary itself (``vocab.conflict``), once per document."""
        return self._vocab.conflicts if self._vocab is not None else ()

    # -- public ---------------------------------------------------------------

    def forget(self) -> None:
        """Drop the results kept between calls, of cells and of words (for benchmarks)."""
        self._cache.clear()
        self._near.clear()
        self._families.clear()
        self._known.clear()
        self._plain.clear()
        ocr_cost.cache_clear()
        similarity.cache_clear()
        roots.cache_clear()

    def fix(self, text: str, *, column: str, line: int, context: Set[str] = frozenset()) -> Fixed:
        """Correct one cell's text; ``line`` is recorded in every correction.

        ``context``: the words of the whole document (``document_words``). Of two
        near words equally likely, the better one is taken if the document writes it and
        not the other; a short word a little too far from its nearest is changed if the
        document writes that word and none of the words nearly as near. Never for a
        capitalized word inside a cell."""
        if not self.enabled or column in _PASS_THROUGH or not text.strip():
            return Fixed(text, (), ())
        key = (text, column)
        result = self._cache.get(key)
        if result is None:
            result = self._fix(text, column)
            if len(self._cache) < 50_000:
                self._cache[key] = result
        if context and result.choices:
            result = self._decide(result, context)
        return Fixed(
            result.text,
            tuple(Correction(line, old, new, score, by) for old, new, score, by in result.changes),
            tuple(Notice(line, code, message) for code, message in result.doubts),
        )

    def document_words(self, text: str) -> frozenset[str]:
        """The words of a document's text, folded: the ``context`` of ``fix``. Every
        word counts, listed or not: a rival may be a derivation the lists lack."""
        if not self.enabled:
            return frozenset()
        return frozenset(
            word.casefold() for word in _TOKEN_RE.findall(text) if len(word) >= 3 and word.isalpha()
        )

    def _decide(self, result: _Result, context: Set[str]) -> _Result:
        """Take each doubtful near word the document uses and its rival does not."""
        taken = [c for c in result.choices if c.best in context and not any(r in context for r in c.rivals)]
        if not taken:
            return result
        settled = {choice.doubt for choice in taken}
        return self._apply(
            result.original,
            [*result.applied, *(choice.change for choice in taken)],
            [doubt for doubt in result.doubts if doubt not in settled],
            [choice for choice in result.choices if choice not in taken],
        )

    # -- helpers ----------------------------------------------------------------

    @property
    def vocab(self) -> Vocabulary:
        assert self._vocab is not None
        return self._vocab

    @property
    def lexicon(self) -> Lexicon:
        assert self._lexicon is not None
        return self._lexicon

    def index(self) -> CandidateIndex:
        if self._index is None:
            with long_lived():
                words = set(self.lexicon.ranks)
                words.update(key for key in self.vocab.words if key.isalpha())
                self._index = CandidateIndex(words)
        return self._index

    def phrase_index(self) -> dict[str, list[tuple[int, int, int, int]]]:
        """The phrases (not labels) by each anchor word (not a stopword, three letters or
        more): ``(number, position, size, anchors)`` for each, where ``number`` indexes
        ``vocab.phrases``, ``position`` is the word's place in the phrase, ``size`` its
        words and ``anchors`` its anchor words."""
        if self._phrase_index is None:
            with long_lived():
                index: dict[str, list[tuple[int, int, int, int]]] = {}
                for number, phrase in enumerate(self.vocab.phrases):
                    if phrase.kind == "label" or len(phrase.key) < 2:
                        continue
                    places = [
                        (position, word)
                        for position, word in enumerate(phrase.key)
                        if word not in _STOPWORDS and len(word) >= 3
                    ]
                    for position, word in places:
                        index.setdefault(word, []).append((number, position, len(phrase.key), len(places)))
                self._phrase_index = index
        return self._phrase_index

    def is_known(self, word: str) -> bool:
        folded = word.casefold()
        known = self._known.get(folded)
        if known is None:
            known = folded in self.vocab.words or self.lexicon.is_word(folded)
            self._known[folded] = known
        return known

    def prior(self, word: str, column: str) -> float:
        folded = word.casefold()
        value = self.lexicon.zipf(folded)
        if folded in self.vocab.words:
            # a domain word: as likely as a common word, and more likely than its
            # general-language neighbours (`daerah` before `darah`)
            value = max(value, 4.5) + DOMAIN_BOOST
            if column in _UNIT_COLUMNS and folded in self._unit_words:
                value = max(value, 6.5)
        return value

    def spelled(self, original: str, folded: str) -> str:
        return apply_case(original, self.vocab.canonical(folded) or folded)

    def source(self, folded: str) -> CorrectionBy:
        return "vocabulary" if folded.casefold() in self.vocab.words else "lexicon"

    # -- the passes ---------------------------------------------------------

    def _fix(self, text: str, column: str) -> _Result:
        if column == "label":
            return self._fix_label(text)
        if self._nothing_to_fix(text):
            return _Result(text, (), ())
        return self._passes(text, column)

    def _passes(self, text: str, column: str) -> _Result:
        """Every pass over one cell, in order (``_nothing_to_fix`` is their shortcut)."""
        changes: list[_Change] = []
        doubts: list[tuple[str, str]] = []
        choices: list[_Choice] = []
        protected = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]
        tokens = [
            _Token(m.group(), m.start(), m.end())
            for m in _TOKEN_RE.finditer(text)
            if not any(s <= m.start() < e for s, e in protected)
        ]
        done: set[int] = set()  # token indexes already decided
        self._forced(text, tokens, changes, done, doubts)
        self._joins(text, tokens, column, changes, done)
        self._phrases(text, tokens, column, changes, done)
        self._function_words(text, tokens, changes, done)
        if column not in _UNIT_COLUMNS:  # a unit's name is Title case (`Seksi Sarana dan Prasarana`)
            self._case_slips(text, tokens, changes, done)
        for number, token in enumerate(tokens):
            if number in done or self._beside_fragment(text, tokens, number, done):
                continue
            if number and _place_name(text, tokens[number - 1], token):
                continue  # `Desa Gunungsari` is a name, not `Gunungan` or `Gunung sari`
            self._word(text, token, column, changes, doubts, choices)
        return self._apply(text, changes, doubts, choices)

    def _nothing_to_fix(self, text: str) -> bool:
        """A quick look that most cells pass: every token is a number or a listed word
        that is not rare (or a short piece without digits), no forced entry applies,
        nothing calls for a join, and no phrase placement differs by exactly one word.
        Such a cell is left as written by every pass below, so they need not run."""
        folded = [word.casefold() for word in _TOKEN_RE.findall(text)]
        plain = self._plain
        for word in folded:
            verdict = plain.get(word)
            if verdict is None:
                verdict = word.isdigit() or (
                    not _HAS_DIGIT.search(word)
                    and word not in self._forced_words
                    and word not in _JOIN_SUFFIXES
                    and (
                        (self._listed(word) and not self._rare_word(word))  # a phrase may take `Milk`
                        or (len(word) <= 2 and word not in _SHORT_WORDS)
                    )
                    and not self._slot_suspect(word)
                )
                plain[word] = verdict
            if not verdict:
                return False
        for a, b in itertools.pairwise(folded):
            if self._listed(a + b):
                return False  # maybe a split word (`Bada n`)
        words = _TOKEN_RE.findall(text)
        if any(self._case_slip(words, number) for number in range(1, len(words) - 1)):
            return False
        if any(
            len(words[number]) == 3
            and words[number].islower()
            and self._titled_dan(words[number - 1], words[number], words[number + 1], number)
            for number in range(2, len(words) - 1)
        ):
            return False
        return not self._one_word_off(folded)

    def _one_word_off(self, folded: list[str]) -> bool:
        """Does a phrase of three or more words match these words but for one?"""
        pairs = self.phrase_pairs()
        for number in range(len(folded) - 1):
            for gap in (1, 2):
                if number + gap >= len(folded):
                    break
                for phrase, first, second in pairs.get((folded[number], folded[number + gap]), ()):
                    start = number - first
                    size = len(phrase.key)
                    if start < 0 or start + size > len(folded) or second - first != gap:
                        continue
                    window = tuple(folded[start : start + size])
                    if window == phrase.key:
                        continue  # the phrase itself, as it is most often met
                    differing = [(a, b) for a, b in zip(window, phrase.key, strict=True) if a != b]
                    if len(differing) == 1 and self._may_swap(*differing[0]):
                        return True
        return False

    @staticmethod
    def _may_swap(observed: str, target: str) -> bool:
        """May a phrase change this listed word into ``target`` (see ``_phrase_match``)?"""
        return (
            len(target) >= 4
            and not observed.isdigit()
            and Levenshtein.distance(observed, target, score_cutoff=4) <= 4  # cost >= 0.25 an edit
            and ocr_cost(observed, target) <= 1.0
        )

    def phrase_pairs(self) -> dict[tuple[str, str], list[tuple[Phrase, int, int]]]:
        """Word pairs (next to each other or one apart) of phrases of three or more words:
        a window that differs from such a phrase in one word holds one of its pairs."""
        if self._pairs is None:
            with long_lived():
                pairs: dict[tuple[str, str], list[tuple[Phrase, int, int]]] = {}
                for phrase in self.vocab.phrases:
                    if phrase.kind == "label" or len(phrase.key) < 3:
                        continue
                    for first in range(len(phrase.key) - 1):
                        for second in (first + 1, first + 2)[: len(phrase.key) - 1 - first]:
                            key = (phrase.key[first], phrase.key[second])
                            pairs.setdefault(key, []).append((phrase, first, second))
                self._pairs = pairs
        return self._pairs

    def _slot_suspect(self, folded: str) -> bool:
        """Might this short token be a misread function word (`dn`, `yng`, `clan`)? Not a
        KBBI word or a domain word: those stand (`dam`, `dari`, `tang`)."""
        verdict = self._suspects.get(folded)
        if verdict is None:
            verdict = (
                2 <= len(folded) <= 4
                and folded not in self.vocab.words
                and folded not in _SHORT_WORDS
                and not (folded in self.lexicon.ranks and self.lexicon.kbbi(folded))
                and any(ocr_cost(folded, word) <= 1.0 for word in _SLOT_WORDS)
            )
            self._suspects[folded] = verdict
        return verdict

    def _function_words(
        self, text: str, tokens: list[_Token], changes: list[_Change], done: set[int]
    ) -> None:
        """``data dn informasi``, ``desa yng memiliki``: a short token that is no word,
        one slip from a function word and from no other common word, between two words
        of its cell, is that function word. Function words are the commonest words of a
        plan table and the ones OCR garbles most (short, and set between long words)."""
        for number in range(1, len(tokens) - 1):
            token, before, after = tokens[number], tokens[number - 1], tokens[number + 1]
            if (
                number in done
                or not token.text.islower()
                or text[before.end : token.start] != " "
                or text[token.end : after.start] != " "
                or not self._content_word(before)
                or not self._content_word(after)
            ):
                continue
            if not self._slot_suspect(token.folded):
                if self._titled_dan(before.text, token.text, after.text, number):
                    changes.append(
                        _Change(token.start, token.end, "dan", similarity(token.folded, "dan"), "lexicon")
                    )
                    done.add(number)
                continue
            # `ya`, `ia`, `se` stand between two words of speech, not of a plan table
            near = {word for word in self._common_near(token.folded) if word not in _SHORT_WORDS}
            ranked = rank_candidates(
                token.folded,
                sorted({*_SLOT_WORDS, *near}),
                self.lexicon.zipf,
                prune=MARGIN + 0.1,
            )
            combined, cost, best = ranked[0]
            rival = ranked[1][0] if len(ranked) > 1 else combined + MARGIN
            if best in _SLOT_WORDS and cost <= 1.0 and rival - combined >= MARGIN:
                changes.append(
                    _Change(token.start, token.end, best, similarity(token.folded, best), "lexicon")
                )
                done.add(number)

    def _titled_dan(self, before: str, word: str, after: str, number: int) -> bool:
        """``Subbagian Umum don Perencanaan``: in a title (a unit's name), a lower-case
        word between two capitalized ones is a function word, and `dan` is by far the
        commonest there: a rare short word one cheap slip from `dan`, and from no other
        function word as near, is it."""
        folded = word.casefold()
        if (
            number < 2
            or not (before[:1].isupper() and after[:1].isupper())
            or len(folded) != 3
            or folded in _SLOT_WORDS
            or folded in self.vocab.words
            or self.lexicon.zipf(folded) >= RARE_TITLE_WORD
        ):
            return False
        cost = ocr_cost(folded, "dan")
        return cost <= 0.7 and all(
            ocr_cost(folded, word) > cost + 0.5 for word in _SLOT_WORDS if word != "dan"
        )

    def _case_slips(self, text: str, tokens: list[_Token], changes: list[_Change], done: set[int]) -> None:
        """``tepat Waktu``, ``anak Yang tidak``: Tesseract reads a lower-case letter whose
        capital looks alike (w, y, k, s, i...) as that capital. A common KBBI word so
        read inside a sentence in lower case takes lower case again."""
        changed = {change.start for change in changes}  # a phrase matched as written leaves it
        words = [token.text for token in tokens]
        for number, token in enumerate(tokens):
            if token.start not in changed and self._case_slip(words, number):
                lower = token.text.lower()
                changes.append(
                    _Change(token.start, token.end, lower, similarity(token.text, lower), "lexicon")
                )
                done.add(number)

    def _case_slip(self, words: list[str], number: int) -> bool:
        """Is ``words[number]`` a common word whose first letter OCR read as a capital?
        The word before must be a lower-case KBBI word that is no function word (title
        case keeps those lower: `Bagian Umum dan Keuangan`), the word after a lower-case
        KBBI word (at a cell's end, a name is as likely: `warga negara Indonesia`)."""
        word = words[number]
        if not 0 < number < len(words) - 1 or len(word) < 3 or word[:1] not in _LOOKALIKE_CAPITALS:
            return False
        before, after = words[number - 1], words[number + 1]
        if not (word[1:].islower() and before.islower() and after.islower()) or before in _JOIN_KEEP:
            return False
        folded = word.casefold()
        rank = self.lexicon.ranks.get(folded)
        return (
            rank is not None
            and rank <= _COMMON_SLOT
            and self.lexicon.kbbi(folded)
            and folded not in self.lexicon.non_kbbi
            and not self.vocab.terms.get(folded, "")[:1].isupper()  # a domain name (`Bawaslu`)
            and before.casefold() not in _PLACE_WORDS
            and self._plain_word(before)
            and self._plain_word(after)
        )

    def _plain_word(self, word: str) -> bool:
        """A KBBI word as written (not a misread one, which may hide a capital: `kianttas`)."""
        folded = word.casefold()
        return word.isalpha() and (
            folded in _SHORT_WORDS or (self._listed(folded) and self.lexicon.kbbi(folded))
        )

    def _content_word(self, token: _Token) -> bool:
        return (
            len(token.folded) >= 3
            and token.folded.isalpha()
            and token.folded not in _SLOT_WORDS
            and (len(token.folded) >= 6 or self.is_known(token.folded))
        )

    def _common_near(self, folded: str) -> list[str]:
        """Common KBBI words and domain words two plain edits or less from ``folded``
        (not names or slang: `alan`, `gan`)."""
        lexicon = self.lexicon
        return [
            word
            for word in self.index().near(folded, max_distance=2)
            if (len(word) >= 3 or word in _SHORT_WORDS)
            and (
                word in self.vocab.words
                or (
                    lexicon.ranks.get(word, _COMMON_SLOT + 1) <= _COMMON_SLOT and word not in lexicon.non_kbbi
                )
            )
        ]

    def _fragment(self, token: _Token) -> bool:
        """A piece of a split word (``ter``, ``men``, ``u``) rather than a word of its own."""
        folded = token.folded
        if len(folded) > 3 or folded.isdigit() or (len(folded) > 1 and token.text.isupper()):
            return False
        if len(folded) == 3 and self.lexicon.ranks.get(folded, _COMMON_SHORT + 1) <= _COMMON_SHORT:
            return folded in _JOIN_SUFFIXES  # `jam`, `ibu`, `dua` are words; `kan`, `nya` pieces
        return folded not in _SHORT_WORDS and folded not in _FUNCTION_WORDS and folded not in self.vocab.words

    def _beside_fragment(self, text: str, tokens: list[_Token], number: int, done: set[int]) -> bool:
        """Is this token glued by one space to a fragment (not one a join took)? Then it
        is half a word: changing it alone would make a wrong word out of it (`ter padii`)."""
        token = tokens[number]
        before, after = number - 1, number + 1
        if (
            before >= 0
            and before not in done
            and text[tokens[before].end : token.start] == " "
            and self._fragment(tokens[before])
        ):
            return True
        return (
            after < len(tokens)
            and after not in done
            and text[token.end : tokens[after].start] == " "
            and self._fragment(tokens[after])
        )

    def _apply(
        self,
        text: str,
        changes: list[_Change],
        doubts: list[tuple[str, str]],
        choices: Sequence[_Choice] = (),
    ) -> _Result:
        changes.sort(key=lambda change: change.start)
        changes, doubts = self._without_echoes(text, changes, doubts)
        parts: list[str] = []
        records: list[tuple[str, str, float, CorrectionBy]] = []
        position = 0
        for change in changes:
            if change.start < position:
                continue  # overlaps an earlier change
            parts.append(text[position : change.start])
            parts.append(change.to)
            records.append((text[change.start : change.end], change.to, change.score, change.by))
            position = change.end
        parts.append(text[position:])
        return _Result("".join(parts), tuple(records), tuple(doubts), text, tuple(changes), tuple(choices))

    def _without_echoes(
        self, text: str, changes: list[_Change], doubts: list[tuple[str, str]]
    ) -> tuple[list[_Change], list[tuple[str, str]]]:
        """Drop a change that makes a word the same as its partner across `dan`, `atau`
        or `serta` (`Penyldikan dan Penyidikan`; `Pendrtaan dan pendatran`, both read
        `pendataan`): a plan does not coordinate a word with itself, so the change took
        the near word of another. Of two changes making the same word, the lower scored
        goes (both on a tie). What goes is reported as a doubt; forced entries stay."""
        if not changes or not _COORDINATED.search(text):
            return changes, doubts
        spans = {(change.start, change.end): change for change in changes}
        echoes: dict[int, str] = {}  # id of a dropped change → the word between
        for match in _COORDINATED.finditer(text):
            left, right = spans.get(match.span(1)), spans.get(match.span(3))
            pair = [change for change in (left, right) if change is not None]
            if not pair or any(change.forced for change in pair):
                continue
            first = left.to if left is not None else match.group(1)
            second = right.to if right is not None else match.group(3)
            if first.casefold() != second.casefold():
                continue
            if len(pair) == 2 and pair[0].score != pair[1].score:
                pair = [min(pair, key=lambda change: change.score)]
            echoes.update((id(change), match.group(2)) for change in pair)
        if not echoes:
            return changes, doubts
        notes = [
            (
                "correction.uncertain",
                f"'{text[change.start : change.end]}' may be '{change.to}', but then the words either "
                f"side of '{echoes[id(change)]}' would be the same; left as written",
            )
            for change in changes
            if id(change) in echoes
        ]
        return [change for change in changes if id(change) not in echoes], [*doubts, *notes]

    def _forced(
        self,
        text: str,
        tokens: list[_Token],
        changes: list[_Change],
        done: set[int],
        doubts: list[tuple[str, str]],
    ) -> None:
        """``wrong => right`` entries apply wherever they occur; one that overrode
        another vocabulary entry says so on the line where it applies."""
        forced = self.vocab.forced
        if not forced:
            return
        if self._forced_patterns is None:
            self._forced_patterns = [
                (
                    re.compile(
                        r"(?<!\w)" + r"\s+".join(map(re.escape, entry.wrong.split())) + r"(?!\w)", re.I
                    ),
                    entry,
                )
                for entry in forced.values()
                if entry.wrong is not None and len(words_of(entry.wrong)) > 1
            ]
        for pattern, entry in self._forced_patterns:
            for match in pattern.finditer(text):
                changes.append(
                    _Change(match.start(), match.end(), entry.term, 100.0, "vocabulary", forced=True)
                )
                self._note_conflict(entry, doubts)
                for number, token in enumerate(tokens):
                    if match.start() <= token.start < match.end():
                        done.add(number)
        for number, token in enumerate(tokens):
            single = forced.get(token.folded)
            if single is not None and number not in done:
                entry = single
                to = apply_case(token.text, entry.term) if entry.term.islower() else entry.term
                changes.append(_Change(token.start, token.end, to, 100.0, "vocabulary", forced=True))
                done.add(number)
                self._note_conflict(entry, doubts)

    def _note_conflict(self, entry: VocabEntry, doubts: list[tuple[str, str]]) -> None:
        message = self.vocab.forced_conflicts.get(entry.origin)
        if message is not None and ("vocab.conflict", message) not in doubts:
            doubts.append(("vocab.conflict", message))

    def _in_use(self, word: str) -> bool:
        """In the frequency list or the vocabulary, or a form of such a word of seven
        letters or more (`berkualifikasi`), or any of these with `-nya`: a word writers
        are seen to use, not only a stem or a short root's derivation by affix rules. A
        general word not in use is taken only when the document writes it: on the
        real-OCR scans of the three evaluation sets, that left out 7 changes, all wrong
        (`apiikan` → `apikan` for `aplikasi`, `perlitatan` → `perlihatan` for
        `perlintasan`), and changed no figure of the synthetic noise by more than 0.1."""
        folded = word.casefold()
        if folded.endswith("nya") and len(folded) > 6:
            folded = folded[:-3]  # the clitic `-nya` goes with any word (`terpeliharanya`)
        return (
            folded in self.lexicon.ranks
            or folded in self.vocab.words
            or self._kbbi_root(folded, min_root=_LONG_ROOT, prefixed=False)
        )

    def _listed(self, word: str) -> bool:
        """In the word list or the vocabulary itself (not only a derivation)."""
        folded = word.casefold()
        return self.lexicon.listed(folded) or folded in self.vocab.words

    def _whole(self, token: _Token) -> bool:
        if len(token.text) < 3:
            return token.folded in _SHORT_WORDS
        return self.is_known(token.text)

    def _joins(
        self, text: str, tokens: list[_Token], column: str, changes: list[_Change], done: set[int]
    ) -> None:
        """``Pe ngembangan`` → ``Pengembangan``: a word split by a stray space."""
        for number in range(len(tokens) - 1):
            a, b = tokens[number], tokens[number + 1]
            if number in done or number + 1 in done:
                continue
            gap = text[a.end : b.start]
            if gap.strip() or len(gap) > 2 or _HAS_DIGIT.search(a.text + b.text):
                continue
            if b.text[:1].isupper() or (len(a.text) > 1 and a.text.isupper()):
                continue
            joined = a.text + b.text
            whole_a, whole_b = self._whole(a), self._whole(b)
            listed = self._listed(joined)
            if listed and b.folded in _JOIN_SUFFIXES:
                whole_b = False  # `Terkendali nya`
            if listed and whole_a and whole_b and not (self._listed(a.text) and self._listed(b.text)):
                whole_a = whole_b = False  # `Koor dinasi`: a derivation guess loses to a listed word
            if (whole_a and whole_b) or (whole_a and len(b.text) < 3) or (whole_b and len(a.text) < 3):
                # two words, or a word and a lost letter of the next (`kantor an` for
                # `kantor dan`), unless the joined word is far likelier (`Bada n`, `wak tu`)
                if listed and gap == " " and self._join_beats_split(a.folded, b.folded, joined):
                    score = similarity(a.text + " " + b.text, joined)
                    changes.append(_Change(a.start, b.end, joined, score, self.source(joined)))
                    done.update((number, number + 1))
                continue
            before = tokens[number - 1] if number > 0 else None
            after = tokens[number + 2] if number + 2 < len(tokens) else None
            beside_fragment = any(t is not None and self._fragment(t) for t in (before, after))
            if len(joined) < 6 and not (
                listed and self.prior(joined, column) >= COMMON_PRIOR and not beside_fragment
            ):
                continue  # short pieces join only into a common word (`R apat` → `Rapat`), not
                # from a word in three pieces (`Penddata an da n` is no `anda`)
            if self.is_known(joined):
                rare = self._rare_word(joined.casefold())
                if (whole_a or whole_b) and rare:
                    continue  # `anak usis` is no `anakusis` (a medical stem): a word and a misread one
                to = joined
                if not listed or rare:
                    # `Diria s`: `dirias` is valid only by affix rules, `dinas` is listed;
                    # `prasar an`: `prasaran` is a stem no text uses, `prasarana` common
                    whole = _Token(joined, a.start, b.end)
                    better = self._listed_instead(text, whole, column)
                    if better is not None:
                        to = better[0]
                    elif not listed and not (a.folded in _PREFIX_PIECES or b.folded in _SUFFIX_PIECES):
                        continue  # `negara kukan` is no `negarakukan`: split at no affix

                score = similarity(a.text + " " + b.text, to)
                changes.append(_Change(a.start, b.end, to, score, self.source(to)))
                done.update((number, number + 1))
                continue
            pieces_unknown = not (whole_a or whole_b)
            fragment_and_unknown = (self._fragment(a) and not whole_b) or (self._fragment(b) and not whole_a)
            if beside_fragment:
                continue  # a word in three or more pieces (`in f orrnasi`): too uncertain
            if len(joined) < 7 or not (pieces_unknown or fragment_and_unknown):
                continue
            # both pieces unknown: the joined word may still hold an OCR error
            best, _score, rival = self._choose(joined.casefold(), column, capitalized=False)
            if best is not None and best.startswith(a.folded) and a.folded in _JOIN_KEEP:
                tail = best[len(a.folded) :]
                if self._listed(tail) and self.prior(tail, column) > self.prior(best, column) + 1.0:
                    continue  # `per tahuri` is `per tahun`, far likelier than `pertahun`
            if best is not None and rival is None and ocr_cost(joined, best) <= 1.0:
                whole = _Token(joined, a.start, b.end)
                to = self.spelled(self._shape(text, whole, best, column), best)
                changes.append(
                    _Change(a.start, b.end, to, similarity(a.text + " " + b.text, best), self.source(best))
                )
                done.update((number, number + 1))

    def _join_beats_split(self, a: str, b: str, joined: str) -> bool:
        """Is ``a b`` far more likely one word split by OCR than two words? Function
        words and prefixes stay apart (`ke luar`, `di bawah`, `se lama`), and so do two
        long words of some frequency (`juru sita`); otherwise one piece is short or rare
        and the joined word's frequency prior must beat the pieces' by ``JOIN_ODDS``."""
        if a in _JOIN_KEEP or b in _JOIN_KEEP or len(joined) < 4:
            return False
        if b in _SPLIT_SUFFIXES and self.prior(joined, "") >= self.prior(a, ""):
            return True  # `pengelola an`: a suffix on its own is no word
        if min(len(a), len(b)) > 3 and min(self.prior(a, ""), self.prior(b, "")) >= RARE_PRIOR:
            return False  # two real words: a compound written apart (`juru sita`) stays so
        return self.prior(joined, "") + JOIN_ODDS > self.prior(a, "") + self.prior(b, "")

    def _common(self, word: str) -> bool:
        rank = self.lexicon.ranks.get(word)
        return len(word) >= 5 and rank is not None and rank <= 10000

    def _split_part(
        self, word: str, *, camel: bool = False, function_next: bool = False, long_token: bool = False
    ) -> bool:
        """Can ``word`` stand alone after splitting a glued token? Only clear cases."""
        if word in _FUNCTION_WORDS:
            return True
        rank = self.lexicon.ranks.get(word)
        common_four = len(word) == 4 and rank is not None and rank <= _COMMON_FOUR
        if common_four and (function_next or long_token):
            return True  # `Umumdan`, `kalirapat`: a common four-letter word glued to another
        canonical = self.vocab.terms.get(word)
        if canonical is not None and (len(word) >= 5 or (camel and canonical.isupper())):
            return True  # not `kep` (an abbreviation) out of `keputuhan`
        if len(word) < (4 if camel else 5):
            return False  # `kari`, `stem`, `nata`: too often the piece of an OCR error
        if rank is not None:
            return rank <= 20000
        return len(word) >= 6 and word in self.vocab.words  # a listed word, not a derivation guess

    def _long_and_short(self, left: str, right: str, *, capitalized: bool) -> bool:
        """``lulusuji``, ``Pengelolaandata``: a long listed word glued to a short common
        one. A short piece alone is too often the tail of an OCR error, so the long
        piece must be a real word of its own; in a capitalized token (maybe a name:
        `Sukamaju`), a long one."""
        long, short = (left, right) if len(left) >= len(right) else (right, left)
        ranks = self.lexicon.ranks
        if len(short) >= (_NAME_PIECE - 2 if capitalized else 5):
            # `komoditashortikultura`, `Terwujudnyaproses`: two long listed words (a
            # derivation by our rules is too loose a piece: `kependudu kanan`)
            return all(piece in ranks or piece in self.vocab.words for piece in (short, long))
        if len(long) < (_NAME_PIECE if capitalized else _LONG_PIECE) or not 3 <= len(short) <= 4:
            return False
        short_rank, long_rank = ranks.get(short), ranks.get(long)
        # in a capitalized token, a word in use, not one only the vocabulary lists (its
        # abbreviations are glued into longer ones: `Kasubbagbin` is not `Kasubbag bin`)
        listed = long in self.vocab.words and not capitalized
        return (
            short_rank is not None
            and short_rank <= _COMMON_PIECE
            and (listed or (long_rank is not None and long_rank <= 20000))
        )

    def _split(
        self, token: _Token, changes: list[_Change], *, camel_only: bool = False, function_only: bool = False
    ) -> bool:
        """``demokrasidari`` → ``demokrasi dari``, ``MilikNegara`` → ``Milik Negara``:
        two words glued together. A capitalized token (maybe a name) is split only
        at a case change or before a function word."""
        text, folded = token.text, token.folded
        capitalized = text[:1].isupper()
        acronyms = text.isupper()
        options: list[tuple[float, int, bool]] = []
        for cut in range(2, len(folded) - 1):
            left, right = folded[:cut], folded[cut:]
            camel = text[cut - 1].islower() and text[cut].isupper() and text[cut] != "I"
            if camel_only and not camel:
                continue
            if function_only and not (
                (left in _FUNCTION_WORDS and right in self.lexicon.ranks)
                or (right in _FUNCTION_WORDS and left in self.lexicon.ranks)
            ):
                continue
            glued = not acronyms and self._long_and_short(left, right, capitalized=capitalized and not camel)
            if acronyms:
                if not (left in self.vocab.terms and right in self.vocab.terms):
                    continue
            elif (
                capitalized
                and not camel
                and not glued
                and (right not in _FUNCTION_WORDS or len(right) < 3)
                and not (self._common(left) and self._common(right))
            ):
                continue  # `Kediri` is a name, not `Ke diri`; two long common words may be glued
            before_function = right in _FUNCTION_WORDS and len(right) >= 3
            long_token = len(folded) >= 9
            if not glued and not (
                (
                    self._split_part(left, camel=camel, function_next=before_function, long_token=long_token)
                    or (camel and " " in self._camel_cuts(text[:cut]))
                )
                and (
                    self._split_part(right, camel=camel, long_token=long_token)
                    or (camel and " " in self._camel_cuts(text[cut:]))
                )
            ):
                continue
            weight = min(self.prior(left, ""), self.prior(right, "")) + (3.0 if camel else 0.0)
            options.append((weight, cut, camel))
        if not options:
            return False
        options.sort(reverse=True)
        if len(options) > 1 and options[0][0] - options[1][0] < 0.5:
            if not (options[0][2] and options[1][2]):
                return False
            # two case changes as good (`BarangMilikNegara`): the first, then the rest
            options = [min((option for option in options if option[2]), key=lambda option: option[1])]
        _weight, cut, camel = options[0]
        pieces = (folded[:cut], folded[cut:])
        if (
            not camel
            and not any(piece in _FUNCTION_WORDS for piece in pieces)
            and self._one_word_near(folded, pieces)
        ):
            return False  # `Penyukanan` is a misread `Penyusunan`, not `Penyu kanan`
        left, right = text[:cut], text[cut:]
        if camel:  # `SumberDayaPariwisata`: every case change of the pieces is a cut
            left, right = self._camel_cuts(left), self._camel_cuts(right)
        to = f"{left} {right}"
        changes.append(_Change(token.start, token.end, to, similarity(text, to), self.source(to.split()[-1])))
        return True

    def _camel_cuts(self, piece: str) -> str:
        """``SumberDaya`` → ``Sumber Daya``: a piece of a camel-case split, cut again at
        each case change whose two sides are words."""
        for cut in range(2, len(piece) - 1):
            if piece[cut - 1].islower() and piece[cut].isupper():
                left, right = piece[:cut].casefold(), piece[cut:].casefold()
                if self.is_known(left) and self.is_known(right) and len(left) >= 3 and len(right) >= 3:
                    return f"{piece[:cut]} {self._camel_cuts(piece[cut:])}"
        return piece

    def _one_word_near(self, folded: str, pieces: tuple[str, str]) -> bool:
        """Is a listed word of six letters or more within two slips of ``folded``? Then a
        token that splits into two words is likelier that word misread: real OCR garbles
        a word (`Penyukanan`, `tahunari`) far more often than it loses a space."""
        near = self._near.get(folded)
        if near is None:
            near = self.index().near(folded, max_distance=2)
        return any(
            len(word) >= 6 and word not in pieces and ocr_cost(folded, word) <= ONE_WORD_NEAR for word in near
        )

    def _phrases(
        self, text: str, tokens: list[_Token], column: str, changes: list[_Change], done: set[int]
    ) -> None:
        index = self.phrase_index()
        found: list[tuple[int, float, int, Phrase, list[int]]] = []
        # count the phrase's anchor words seen at each placement that fits in the cell
        # first (cheap); only a placement missing at most two anchors is worth aligning
        # word by word
        hits: dict[tuple[int, int], int] = {}
        anchor_count: dict[int, int] = {}
        for place, token in enumerate(tokens):
            for number, position, size, anchors in index.get(token.folded, ()):
                start = place - position
                if start < 0 or start + size > len(tokens):
                    continue
                key = (start, number)
                hits[key] = hits.get(key, 0) + 1
                anchor_count[number] = anchors
        # a placement may change at most one listed word (none in a two-word phrase), so
        # the listed words of the window that no anchor hit accounts for must be few
        known = [0]
        for token in tokens:
            common = self.is_known(token.text) and not self._rare_word(token.folded)
            known.append(known[-1] + (not _HAS_DIGIT.search(token.text) and common))
        phrases = self.vocab.phrases
        for (start, number), count in hits.items():
            anchors = anchor_count[number]
            if count < anchors - 2:
                continue
            phrase = phrases[number]
            size = len(phrase.key)
            unexplained = known[start + size] - known[start] - count - (size - anchors)
            if unexplained > (1 if size >= 3 else 0):
                continue
            window = tokens[start : start + size]
            differing = [k for k in range(size) if window[k].folded != phrase.key[k]]
            if len(differing) == size or (
                size < 3 and differing and all(self._listed(window[k].text) for k in differing)
            ):
                continue  # no anchor word, or real words a short phrase may not change
            if any(
                "\n" in text[a.end : b.start] or b.start - a.end > 3 for a, b in itertools.pairwise(window)
            ):
                continue
            verdict = self._phrase_match(window, phrase)
            if verdict is not None:
                sim, diffs = verdict
                bonus = 0.05 if column in _UNIT_COLUMNS and phrase.kind == "unit" else 0.0
                # the unit bonus ranks phrases; the recorded score stays within 0..100
                found.append((size, sim + bonus, start, phrase, diffs))
        found.sort(key=lambda item: (-item[0], -item[1], item[2]))
        for size, sim, start, phrase, diffs in found:
            span = range(start, start + size)
            if any(number in done and number - start in diffs for number in span):
                continue
            if any(number in done for number in span) and diffs:
                continue
            for number in span:
                done.add(number)
            run: list[int] = []
            for offset in [*diffs, None]:
                if offset is not None and (not run or offset == run[-1] + 1):
                    run.append(offset)
                    continue
                if run:
                    first, last = tokens[start + run[0]], tokens[start + run[-1]]
                    spelled = text[first.start : last.end]
                    for k in reversed(run):
                        token = tokens[start + k]
                        a, b = token.start - first.start, token.end - first.start
                        shape = self._shape(text, token, phrase.words[k], column)
                        spelled = spelled[:a] + apply_case(shape, phrase.words[k]) + spelled[b:]
                    changes.append(
                        _Change(first.start, last.end, spelled, round(100 * min(sim, 1.0), 1), "vocabulary")
                    )
                run = [offset] if offset is not None else []

    def _rare_word(self, folded: str) -> bool:
        """A listed word too rare to be expected in a plan table: a stem with no
        frequency, or a rare entry of the frequency list (`milk`), not a domain word."""
        return (
            self.lexicon.listed(folded)
            and folded not in self.vocab.words
            and self.lexicon.zipf(folded) < RARE_PRIOR
        )

    def _own_cost(self, observed: str, target: str) -> float:
        """The OCR cost of the nearest listed word other than ``target`` (one edit away)."""
        limit = SHORT_ALLOWED if len(observed) < 6 else 1.0
        costs = [
            ocr_cost(observed, word)
            for word in self.index().near(observed, max_distance=1)
            if word != target and len(word) >= MIN_LENGTH
        ]
        return min((cost for cost in costs if cost <= limit), default=9.0)

    def _phrase_match(self, window: list[_Token], phrase: Phrase) -> tuple[float, list[int]] | None:
        diffs = [k for k, token in enumerate(window) if token.folded != phrase.key[k]]
        if not diffs:
            return 1.0, []
        exact = len(window) - len(diffs)
        if exact < 1:
            return None
        total = 0.0
        known_changes = rare_changes = 0
        for k in diffs:
            observed, target = window[k].folded, phrase.key[k]
            if _HAS_DIGIT.search(observed) and not observed.isdigit():
                observed = "".join(DIGIT_LETTERS.get(ch, ch) for ch in observed)
            if observed.isdigit() or len(target) < 3:
                return None
            if Levenshtein.distance(observed, target, score_cutoff=4) > 3:
                return None  # cheap reject before the weighted cost
            if target in observed and observed.replace(target, "", 1) in _FUNCTION_WORDS:
                return None  # `danPengembangan`: a function word glued on, to split, not drop
            if observed in self._joined_terms:
                return None  # `eKinerja` is a term itself
            written = window[k].text
            if (
                len(written) > 1
                and written.isupper()
                and not phrase.words[k].isupper()
                and not all(token.text.isupper() for token in window)
            ):
                return None  # an acronym in a sentence (`kelompok kerja PUG`) is written so
            cost = ocr_cost(observed, target)
            if self._rare_word(observed):
                # a real word, but a rare one (`Baring`, `Milk`): two may give way to a
                # phrase of three words or more, one OCR slip each
                rare_changes += 1
                if len(window) < 3 or cost > 1.0 or len(target) < 4 or rare_changes > 2:
                    return None
            elif self.is_known(observed):
                known_changes += 1
                if len(window) < 3 or cost > 1.0 or len(target) < 4 or known_changes > 1:
                    return None
            else:
                if (
                    len(observed) <= 3
                    and target not in _JOIN_KEEP
                    and any(ocr_cost(observed, word) < cost for word in _NEAR_FUNCTION)
                ):
                    return None  # `Masyarakat dyn Penyuluhan` reads `dan`, not the phrase's `Desa`
                if len(target) <= 4 and exact >= 2:
                    limit = 0.75 * len(target)  # `Aaii Peraga Kampanye`
                else:
                    limit = max(1.0, (0.34 if exact >= 2 else 0.25) * len(target))
                if cost > limit:
                    return None
                if cost > 1.0:
                    own = self._own_cost(observed, target)
                    if own + 1.0 < cost:
                        return None  # `keuanan` is plainly `keuangan`, not the phrase's `kepala`
            total += cost
        if known_changes:
            # the other words must hold: two that are not `dan` (`Baring Milk Negara` has
            # `Negara` and the rare `Baring`; `jalan dan X` has only `jalan`)
            evidence = sum(
                phrase.key[j] not in _STOPWORDS
                and (
                    window[j].folded == phrase.key[j]
                    or not self.is_known(window[j].folded)
                    or self._rare_word(window[j].folded)
                )
                for j in range(len(window))
            )
            if evidence < 2:
                return None
        length = sum(len(word) for word in phrase.key)
        sim = 1.0 - total / length
        needed = 0.85 if known_changes or rare_changes else 0.8
        return (sim, diffs) if sim >= needed else None

    def _word(
        self,
        text: str,
        token: _Token,
        column: str,
        changes: list[_Change],
        doubts: list[tuple[str, str]],
        choices: list[_Choice],
    ) -> None:
        word = token.text
        if len(token.folded) != len(word):
            return  # `ß`, ligatures: case folding changes the length; not an OCR word
        if _HAS_DIGIT.search(word):
            if column == "target" or word.isdigit():
                return
            if sum(ch.isalpha() for ch in word) < 2 or sum(ch.isdigit() for ch in word) > 2:
                return
            readings = _digit_readings(word.casefold())
            known = sorted(
                r
                for r in readings
                if (len(r) >= MIN_LENGTH or r in _SHORT_WORDS)
                and (self._listed(r) or (self._trusted_derivation(r) and self._sure_root(r)))
            )
            if len(known) == 1 and (
                len(word) > MIN_LENGTH or word.isupper() or self.prior(known[0], column) >= COMMON_PRIOR - 0.5
            ):
                # a short token's reading must be common: `ran9` is no `rang` but a `yang`
                letters = known[0]
                shape = self._shape(text, token, letters, column)
                to = self.spelled(shape.lower() if shape.islower() else shape, letters)
                changes.append(_Change(token.start, token.end, to, similarity(word, letters), "pattern"))
            elif not known and sum(ch.isalpha() for ch in word) >= 5 and not word.isupper():
                # `Partti5ipasi`: a digit and another slip; the OCR costs know 5/s, 1/l, 0/o
                self._unknown_word(text, token, column, changes, doubts, choices)
            return
        if len(word) < MIN_LENGTH or self._listed(word):
            return
        if "I" in word[1:] and word[1:].replace("I", "").islower():
            # `berkaIa`, `keciI`: a capital I inside a lower-case word is an l read so
            reading = word[0] + word[1:].replace("I", "l")
            if self._listed(reading) or self._trusted_derivation(reading.casefold()):
                changes.append(_Change(token.start, token.end, reading, similarity(word, reading), "pattern"))
                return
        if "l" in word and sum(ch.isupper() for ch in word) >= 2:
            # `SAKlP`, `LKjlP`: an I read as l inside an acronym the vocabulary writes so
            reading = word.replace("l", "I")
            if self.vocab.terms.get(reading.casefold()) == reading:
                changes.append(
                    _Change(token.start, token.end, reading, similarity(word, reading), "vocabulary")
                )
                return
        if token.folded in self._joined_terms:
            return  # `eKinerja` is `e-Kinerja` written as one word, not a misread `kinerja`
        if self._hyphen_compound_known(text, token):
            return
        if self.is_known(word):
            self._derived_word(text, token, column, changes, choices)
            return
        if word.isupper() and (self._acronym(token, changes) or self._split(token, changes) or len(word) < 6):
            return
        if self._acronym_glued(token, changes):
            return
        if len(word) >= 6 and self._split(token, changes, camel_only=True):
            return
        if self._code(word):
            return
        if len(word) >= 8 and self._split_and_fix(text, token, column, changes):
            return
        self._unknown_word(text, token, column, changes, doubts, choices)

    @staticmethod
    def _code(word: str) -> bool:
        """``B2SA`` read ``BjSA``: capitals with at most two lower-case letters between,
        one of them a capital OCR does not make of a lower-case letter (see
        ``_LOOKALIKE_CAPITALS``), make an abbreviation, written so; not a misread
        common word (`Bisa`)."""
        inner = [ch for ch in word[1:] if ch.isupper()]
        return (
            word[:1].isupper()
            and not word.isupper()
            and any(ch not in _LOOKALIKE_CAPITALS for ch in inner)
            and max(map(len, _LOWER_RUN.findall(word))) <= 2  # not glued words (`KerjaDinas`)
        )

    def _hyphen_compound_known(self, text: str, token: _Token) -> bool:
        start, end = token.start, token.end
        while start > 0 and text[start - 1] == "-" and start > 1 and text[start - 2].isalnum():
            start -= 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        while end < len(text) - 1 and text[end] == "-" and text[end + 1].isalnum():
            end += 1
            while end < len(text) and text[end].isalnum():
                end += 1
        if (start, end) == (token.start, token.end):
            return False
        compound = text[start:end].casefold()
        return compound in self.vocab.words or compound in self.lexicon

    def _acronym(self, token: _Token, changes: list[_Change]) -> bool:
        """``PPIID`` → ``PPID``: a confused letter of a known acronym, or a thin one (I, l,
        1) OCR read twice. Not a letter more or less otherwise: acronyms a letter apart
        are all in use (`PPKD` is no misread `PKD`, nor `PKPR` of `PKKPR`)."""
        word = token.text
        if len(word) < MIN_LENGTH:
            return False
        thin_extra = {word[:at] + word[at + 1 :] for at in range(len(word)) if word[at] in _THIN_GLYPHS}
        near = [
            term
            for length in (len(word) - 1, len(word))
            for term in self._acronyms.get(length, ())
            if (length == len(word) or term in thin_extra)
            and Levenshtein.distance(word, term, score_cutoff=2) <= 2
            and ocr_cost(word, term) <= 0.6
        ]
        if len(near) == 1:
            changes.append(_Change(token.start, token.end, near[0], similarity(word, near[0]), "vocabulary"))
            return True
        return False

    def _acronym_glued(self, token: _Token, changes: list[_Change]) -> bool:
        """``PPKdan``, ``KTPelektronik``: a known acronym with a lower-case word glued
        on (not a suffix: `SAKIPnya` is written so)."""
        match = _ACRONYM_GLUED.fullmatch(token.text)
        if match is None:
            return False
        acronym, rest = match.groups()
        if (
            self.vocab.words.get(acronym.casefold()) != acronym
            or rest in _JOIN_SUFFIXES
            or rest in _SUFFIX_PIECES
            or not (rest in _FUNCTION_WORDS or (self._listed(rest) and len(rest) >= 4))
        ):
            return False
        to = f"{acronym} {rest}"
        changes.append(_Change(token.start, token.end, to, similarity(token.text, to), "vocabulary"))
        return True

    def _choose(
        self, folded: str, column: str, *, capitalized: bool, loose: bool = False
    ) -> tuple[str | None, float, str | None]:
        """``(best, score, rival)`` for an unknown word: ``best`` is None when nothing is
        close enough, ``rival`` is set when the best does not beat it by a clear margin.
        ``loose``: up to ``CONTEXT_ALLOWED`` (``CONTEXT_ALLOWED_LONG`` for a long token)
        is close enough, but only with a clear margin (for a word the document must
        confirm)."""
        size = len(folded)
        ranked = self._ranked(folded, column)
        if not ranked:
            return None, 0.0, None
        _combined, cost, best = ranked[0]
        allowed = SHORT_ALLOWED if size < 6 else 1.5 if size < 9 else LONG_ALLOWED
        if capitalized:
            allowed = min(allowed, 1.0 if size < 9 else LONG_ALLOWED)  # maybe a name: ask for more evidence
        score = similarity(folded, best)
        clear = len(ranked) < 2 or ranked[1][0] - ranked[0][0] >= MARGIN
        if (
            size < 6
            and allowed < cost <= SHORT_CLEAR
            and clear
            and not capitalized
            and self.prior(best, column) >= COMMON_PRIOR
        ):
            allowed = SHORT_CLEAR  # `unthk` → `untuk`: one plain edit to a common word, none else near
        if loose:
            far = CONTEXT_ALLOWED if size < CONTEXT_LONG_FROM else CONTEXT_ALLOWED_LONG
            if not clear or cost > max(allowed, far) or score < self.min_score:
                return None, 0.0, None
            return best, score, None
        if cost > allowed or score < self.min_score:
            return None, 0.0, None
        if not clear:
            return best, score, ranked[1][2]
        return best, score, None

    def _ranked(self, folded: str, column: str) -> list[tuple[float, float, str]]:
        """The near words of an unknown word, best first (see ``rank_candidates``): the
        first may be offered as a correction; the ones after it within a clear margin
        are its rivals. Empty when none may be offered."""
        size = len(folded)
        candidates = self._near.get(folded)
        if candidates is None:
            # acronyms are reached only from capitals (`Kpts` is no `KPPS`)
            candidates = [
                c
                for c in self.index().near(folded, max_distance=NEAR_DISTANCE if size < 7 else 2)
                if (len(c) >= MIN_LENGTH or self._common_short(c))
                and not self.vocab.words.get(c, "").isupper()
            ]
            self._near[folded] = candidates
        family: dict[str, float] = {}
        if size >= FAMILY_MIN:
            family = self._family(folded, candidates)
        if not candidates and not family:
            return []
        ranked = rank_candidates(
            folded,
            [*candidates, *family],
            lambda c: family[c] if c in family else self.prior(c, column),
            prune=MARGIN + 0.1,
        )
        # a rare name or foreign word (`credit`, `farhan`) is never the correction; near
        # the top, it is a rival
        guess = next((k for k, (_c, _cost, word) in enumerate(ranked) if self._may_guess(word)), None)
        if guess is None:
            return []
        if guess:
            return [ranked[guess], ranked[guess - 1]]  # the blocking one as runner-up, within any margin
        if size >= 6:
            # nor, below a word of six letters or more, a rival (`penasehat` is no doubt
            # about `penashat` → `penasihat`); short words keep them, as names are short
            return [ranked[0], *(r for r in ranked[1:] if self._may_guess(r[2]))]
        return ranked

    def _trusted_derivation(self, folded: str) -> bool:
        """``penambalan``: a regular form of a KBBI word in use (``tambal``) is a word. A
        form of a stem no text uses (``ditampalkan``, from ``tampal``) may be a misread one."""
        return self.is_known(folded) and self._prefixed_kbbi_root(folded)

    def _sure_root(self, folded: str) -> bool:
        """Is ``folded`` an affixed form of a KBBI word in use of ``_SURE_ROOT`` letters
        or more (``semesteran``, ``terpeliharanya``), by prefix or suffix alone?"""
        return self._kbbi_root(folded, min_root=_SURE_ROOT, prefixed=False)

    def _prefixed_kbbi_root(self, folded: str, min_root: int = 4) -> bool:
        """Does ``folded`` carry a prefix on a KBBI word in use (``penambalan``: tambal;
        ``memperoleh``: peroleh)? Not a word that merely starts so (``digital``: digit)."""
        return self._kbbi_root(folded, min_root=min_root, prefixed=True)

    def _kbbi_root(self, folded: str, *, min_root: int, prefixed: bool) -> bool:
        lexicon = self.lexicon
        return any(
            len(root) >= min_root
            and not (prefixed and folded.startswith(root))
            and root in lexicon.ranks
            and lexicon.kbbi(root)
            for root in roots(folded)
        )

    def _may_guess(self, word: str) -> bool:
        """Can ``word`` be offered as a correction? Not a rare listed word KBBI does not know."""
        rank = self.lexicon.ranks.get(word)
        return (
            rank is None
            or rank <= NON_KBBI_RANK
            or word not in self.lexicon.non_kbbi
            or word in self.vocab.words
        )

    def _common_short(self, word: str) -> bool:
        """A three-letter word common enough to be a candidate (`dann` → `dan`)."""
        rank = self.lexicon.ranks.get(word)
        return len(word) == 3 and rank is not None and rank <= _COMMON_SHORT

    def _family(self, folded: str, candidates: list[str]) -> dict[str, float]:
        """Affixed forms of the near words' roots, one edit from ``folded``, with
        their prior: a derivation the word list lacks (`pelimpahan`, `berkualifikasi`)
        competes with the listed words, so `peelimpahan` does not become `kelimpahan`."""
        family = self._families.get(folded)
        if family is not None:
            return family
        family = {}
        ranks = self.lexicon.ranks
        nearest = sorted(
            (c for c in candidates if len(c) >= FAMILY_MIN),
            key=lambda c: Levenshtein.distance(folded, c),
        )[:FAMILY_ROOTS_FROM]
        bases: set[str] = set()
        for near in nearest:
            listed_roots = {root for root in roots(near) if len(root) >= 4 and root in ranks}
            bases |= listed_roots or {near}  # a near word with no listed root is a root itself
        for root in bases:
            prior = max(0.5, self.lexicon.zipf(root) - FAMILY_DISCOUNT)
            for length in (len(folded) - 1, len(folded), len(folded) + 1):
                for form in self._unlisted_forms(root).get(length, ()):
                    if form.endswith("i") and not root.endswith("i"):
                        continue  # `sidangi`, `satgasi`: -i is one stray stroke away; a rare guess
                    if form != folded and Levenshtein.distance(folded, form, score_cutoff=1) <= 1:
                        family[form] = max(prior, family.get(form, 0.0))
        self._families[folded] = family
        return family

    def _unlisted_forms(self, root: str) -> dict[int, list[str]]:
        """The derived forms of a listed root that neither list has, by length."""
        forms = self._root_forms.get(root)
        if forms is None:
            forms = {}
            for form in derived_forms(root):
                if form not in self.lexicon.ranks and form not in self.vocab.words:
                    forms.setdefault(len(form), []).append(form)
            self._root_forms[root] = forms
        return forms

    def _shape(self, text: str, token: _Token, candidate: str, column: str) -> str:
        """The case pattern to give ``candidate``: the token's own, unless OCR lost the
        first letter or its case (``erwujudnya``, ``ckonsiliasi``, ``5uara``, ``lnstansi``,
        ``Iogistik``); then the cell start and the words around decide between Title
        and lower case."""
        word = token.text
        if len(word) > 1 and word.isupper():
            return word
        if not self._first_letter_lost(word, candidate):
            if self._capital_slip(text, token, candidate, column):
                return "xx"
            if (
                column in _UNIT_COLUMNS
                and word[:1].islower()
                and word[:1] != candidate[:1].casefold()
                and candidate.casefold() not in _JOIN_KEEP
                and self._in_title_run(text, token)
            ):
                return "Xx"  # a unit's capital read as another, lower letter (`Bidang tnforiasi Adinustrasi`)
            return word
        before = text[: token.start].rstrip()
        if not before or before[-1] in ".:;(":
            return "Xx"
        # function words say nothing of the case around them; nor do words with digits,
        # misreads (`dar1`) whose case is as unsure as the token's
        earlier = [w for w in _TOKEN_RE.findall(before)[1:] if w.casefold() not in _STOPWORDS]
        later = [
            w for w in _TOKEN_RE.findall(text[token.end :]) if w.casefold() not in _STOPWORDS and w.isalpha()
        ]
        if column in _UNIT_COLUMNS and candidate.casefold() not in _STOPWORDS:
            return "Xx"  # the words of a unit's name are capitalized (`Subbagian ... dan 3valuasi`)
        if word[:1].isupper() and word[:1] != "I":
            # a capital read for another letter: OCR's guess of the case holds unless
            # the words on both sides are lower case (`promosi dan Lonten wisata`)
            # (at the cell's end, the word before decides; after the cell's first word,
            # whose capital says nothing, the word after), unless the vocabulary
            # writes the word with a capital (`oleh Pantarlih`)
            lower = (
                (earlier[-1][:1].islower() if earlier else bool(later))
                and (later or self._listed(earlier[-1].casefold()))  # not a piece (`Pemba ngunan`)
                and (not later or later[0][:1].islower())
                and not self.vocab.terms.get(candidate.casefold(), "")[:1].isupper()
            )
            return "xx" if lower else "Xx"
        if candidate.casefold() in _STOPWORDS:
            return "xx"  # title case keeps `dan`, `di`, `untuk` lower (`Pencegahan aon Kesiapsiagaan`)
        if candidate.casefold() in _FUNCTION_WORDS or self._verb(candidate.casefold()):
            # a function word or a verb (`melalui`, `memperoleh`) rarely starts a name:
            # lower case, unless inside a run of Title words
            title = bool(earlier) and earlier[-1][:1].isupper() and not earlier[-1].isupper()
            return "Xx" if title and (not later or later[0][:1].isupper()) else "xx"
        # the next words first (a name starts after lower-case words: `data 5istem
        # Informasi`), then the whole cell; the cell's first word is capitalized anyway,
        # and acronyms say nothing of the case around them (`melalui 1elang di KPKNL`)
        for words in (earlier[-1:] + later[:1], later[:1], earlier + later):
            titles = sum(w[:1].isupper() and not w.isupper() for w in words)
            lowers = sum(w[:1].islower() for w in words)
            if titles != lowers:
                return "Xx" if titles > lowers else "xx"
        # names of units are proper nouns (`Satuan 5amapta`)
        return "Xx" if column in _UNIT_COLUMNS and not (earlier or later) else "xx"

    def _in_title_run(self, text: str, token: _Token) -> bool:
        """Are the two words after ``token`` (function words aside) Title case, as in a
        unit's name (`Bidang tmfrastruktur Teknologi Informasi`)?"""
        later = [w for w in _TOKEN_RE.findall(text[token.end :]) if w.casefold() not in _STOPWORDS][:2]
        return len(later) == 2 and all(w[:1].isupper() and not w.isupper() for w in later)

    def _capital_slip(self, text: str, token: _Token, candidate: str, column: str) -> bool:
        """``pengelolaan Kevangan daerah``: a capital whose lower case looks alike (see
        ``_case_slip``) on a misread word inside a sentence, between lower-case words
        (function words aside), is that lower-case letter."""
        word = token.text
        if word[:1] not in _LOOKALIKE_CAPITALS or candidate[:1].casefold() != word[:1].casefold():
            return False
        if column in _UNIT_COLUMNS or self.vocab.terms.get(candidate.casefold(), "")[:1].isupper():
            return False
        earlier = [w for w in _TOKEN_RE.findall(text[: token.start]) if w.casefold() not in _STOPWORDS]
        later = [w for w in _TOKEN_RE.findall(text[token.end :]) if w.casefold() not in _STOPWORDS]
        # the word after must be a listed word as written: a misread one may have lost its
        # capital
        if len(earlier) < 2 or not earlier[-1].islower():
            return False
        if not later:  # at the cell's end, two lower-case words before it, listed ones
            return bool(earlier[-2].islower() and self._listed(earlier[-1].casefold()))
        return bool(later[0].islower() and later[0].isalpha() and self._listed(later[0].casefold()))

    def _verb(self, folded: str) -> bool:
        """``memperoleh``, ``berbasis``, ``dievaluasi``: a verb prefix on a listed KBBI
        root (not ``berita``, ``dinas``, ``digital``, which only start so)."""
        return folded.startswith(_VERB_PREFIXES) and self._prefixed_kbbi_root(folded)

    @staticmethod
    def _first_letter_lost(word: str, candidate: str) -> bool:
        """Did OCR drop, garble or blur the case of the first letter of ``candidate``?"""
        first, target = word[:1].casefold(), candidate[:1].casefold()
        if not first.isalpha():
            return True
        if (word[:1] == "l" and target == "i") or (word[:1] == "I" and target == "l"):
            return True  # I and l look alike, so the first letter's case is unknown
        if first == target:
            return False
        if word[:1].isupper():
            return True  # a capital misread says little of the case: `konten` read `Lonten`
        if first == candidate[1:2].casefold():
            return True  # `erwujudnya`, `nndeks`
        if len(candidate) <= len(word):
            return False
        # `ckonsiliasi`: the word starts one letter into the candidate
        folded = word.casefold()
        return Levenshtein.distance(folded, candidate[1:]) < Levenshtein.distance(folded, candidate)

    def _split_and_fix(
        self, cell: str, token: _Token, column: str, changes: list[_Change], *, anywhere: bool = False
    ) -> bool:
        """Two glued words of which one is also misread: split at a case change
        (``PerencamaanPembangiinan``) or beside a glued function word (``danpengawa5an``,
        ``pcmungutandan``), then correct each piece that needs it. Every piece must end
        up a listed word; of several cuts, the one whose pieces need least repair wins.
        ``anywhere``: also beside a long listed word (``Penyusunanlaporari``)."""
        text, folded = token.text, token.folded
        # `peradiIan` is a misread l, not two words; `Teknolo9iInformasi` is two
        camel_cuts = [
            i
            for i in range(3, len(text) - 2)
            if text[i - 1].islower()
            and text[i].isupper()
            and (text[i] != "I" or (len(text) - i >= 5 and self._listed(text[i:])))
        ]
        cuts = list(camel_cuts)
        if not cuts:
            if not text[:1].isupper():
                cuts = [len(w) for w in _FUNCTION_WORDS if len(w) >= 3 and folded.startswith(w)]
            # `pcmungutandan`: a function word glued after a misread word
            cuts += [
                len(folded) - len(w)
                for w in _FUNCTION_WORDS
                if len(w) >= 3 and folded.endswith(w) and len(folded) - len(w) >= 5
            ]
            if anywhere and not text[:1].isupper():
                cuts += [
                    i
                    for i in range(_ANY_CUT_PIECE, len(folded) - 5)
                    if self._listed(folded[:i])
                    or (len(folded) - i >= _ANY_CUT_PIECE and self._listed(folded[i:]))
                ]
        elif len(cuts) > 1:
            return False
        options = [
            option
            for cut in sorted(set(cuts))  # `sebagaipe1aksana`: a function word may be a long word too
            if (option := self._repaired_pieces(text, cut, column)) is not None
            and not ((anywhere or cut not in camel_cuts) and self._seam_moved(folded, cut, option[1]))
        ]
        options.sort(key=lambda option: option[0])
        if not options or (len(options) > 1 and options[1][0] - options[0][0] < MARGIN):
            return False
        _cost, to, score, last = options[0]
        first, space, rest = to.partition(" ")
        pieces = (first.casefold(), rest.casefold())
        if not camel_cuts and self._one_word_near(folded, pieces):
            return False  # `tahunari` is a misread `tahunan`, not `tahun ari`
        # the first piece lost its first letter at the cell start (`eningkatnyaefektivitas`)
        to = apply_case(self._shape(cell, token, first, column), first) + space + rest
        changes.append(_Change(token.start, token.end, to, score, self.source(last)))
        return True

    def _seam_moved(self, folded: str, cut: int, to: str) -> bool:
        """Did repairing the pieces change the letters at the cut (``pelayannpenerbitan``
        → ``pelayan penerbitan``), or do they make one valid word again? Then the
        token was one misread word (``pelayanan``), not two."""
        left, _, right = to.casefold().partition(" ")
        return (
            left[-1:] != folded[cut - 1 : cut]
            or right[:1] != folded[cut : cut + 1]
            or self.is_known(left + right)
        )

    def _repaired_pieces(self, text: str, cut: int, column: str) -> tuple[float, str, float, str] | None:
        """``(repair cost, "left right", score, right)`` for a glued token cut here, or
        None when a piece cannot be made a listed word."""
        fixed: list[str] = []
        scores: list[float] = []
        cost = 0.0
        for piece in (text[:cut], text[cut:]):
            folded = piece.casefold()
            if len(piece) < 3 and folded not in _SHORT_WORDS:
                return None  # `melaluii` is a doubled letter, not `melalui i`
            if folded in self.lexicon.stems and folded not in self.vocab.words:
                return None  # `emper oleh`: a stem no text uses is no piece to cut off (`memperoleh`)
            if self._listed(piece) or folded in _FUNCTION_WORDS:
                fixed.append(piece)
                continue
            if self._trusted_derivation(folded):
                return None  # `danpenambalan`: a regular form is not repaired into another word
            if len(piece) < 5 or _HAS_DIGIT.search(piece):
                listed = [reading for reading in _digit_readings(folded) if self._listed(reading)]
                if len(listed) != 1:
                    return None
                digits = listed[0]
                fixed.append(apply_case(piece if piece[:1].isalpha() else "x" + piece[1:], digits))
                cost += ocr_cost(folded, digits)
                continue
            best, score, rival = self._choose(folded, column, capitalized=False)
            if best is None or rival is not None or ocr_cost(folded, best) > 1.0:
                return None
            fixed.append(self.spelled(piece, best))
            scores.append(score)
            cost += ocr_cost(folded, best)
        to = " ".join(fixed)
        return cost, to, (min(scores) if scores else similarity(text, to)), fixed[-1]

    def _derived_word(
        self, text: str, token: _Token, column: str, changes: list[_Change], choices: list[_Choice]
    ) -> None:
        """A word valid only by our affix rules (``kedilan`` = ke- + dil + -an) is weaker
        evidence than a listed word: a common listed word one OCR slip away
        (``keadilan``), with no rival, replaces it, unless the word's root is a KBBI word
        in use (``penambalan``, from ``tambal``). Listed words are never changed. As in
        ``_change``, a general word under ten letters a plain edit away needs the
        document (on real OCR: `Fastasi` → `Fantasi` for `Fasilitasi`)."""
        if len(token.text) < 6 or token.text.isupper():
            return
        better = self._listed_instead(text, token, column, cheap_only=self._trusted_derivation(token.folded))
        if better is not None:
            to, score = better
            change = _Change(token.start, token.end, to, score, self.source(to))
            word = to.casefold()
            if (
                change.by == "lexicon"
                and len(word) < CONFIRM_SHORTER_THAN
                and ocr_cost(token.folded, word) >= CONFIRM_FROM
            ):
                choices.append(_Choice(change, word, (), None))  # as `_change` does (`Fastasi`)
            else:
                changes.append(change)
            return
        if _maybe_name(text, token) or self._prefixed_kbbi_root(token.folded, min_root=_SURE_ROOT):
            return
        # a form of a short root (`pengebangan`: bang) may be a misread: the document decides
        best, score, rival = self._choose(token.folded, column, capitalized=False)
        if (
            best is not None
            and ocr_cost(token.folded, best) <= 1.0
            and self.prior(best, column) >= 3.5
            and not same_root(token.folded, best, self.lexicon)
        ):
            to = self.spelled(self._shape(text, token, best, column), best)
            change = _Change(token.start, token.end, to, score, self.source(best))
            choices.append(_Choice(change, best, (rival,) if rival else (), None))

    def _listed_instead(
        self, text: str, token: _Token, column: str, *, cheap_only: bool = False
    ) -> tuple[str, float] | None:
        """``(spelling, score)`` of a common listed word one OCR slip from this word
        that is valid only by affix rules, with no rival and not another form of it."""
        best, score, rival = self._choose(token.folded, column, capitalized=False)
        if best is None or rival is not None or ocr_cost(token.folded, best) > (0.7 if cheap_only else 1.0):
            return None
        if self.prior(best, column) < 3.5 or same_root(token.folded, best, self.lexicon):
            return None
        return self.spelled(self._shape(text, token, best, column), best), score

    def _unknown_word(
        self,
        text: str,
        token: _Token,
        column: str,
        changes: list[_Change],
        doubts: list[tuple[str, str]],
        choices: list[_Choice],
    ) -> None:
        """One near word if there is a clear one; else two glued words; else a doubt."""
        word = token.text
        capitalized = word[:1].isupper() and not word.isupper()
        best, score, rival = self._choose(token.folded, column, capitalized=capitalized)
        cost = ocr_cost(token.folded, best) if best is not None else 9.0
        if cost >= 1.0 and len(word) >= 6 and self._split(token, changes, function_only=True):
            return  # `Umumdan`: a glued `dan` beats a letter changed
        if best is not None and same_root(token.folded, best, self.lexicon):
            return  # `penggarap` → `menggarap` changes an affix: grammar, not an OCR slip
        if best is not None and rival is None and cost <= 1.0:
            paired = self._pair_instead(text, token, best, cost)
            if paired is not None:
                best, score, cost = paired, similarity(token.folded, paired), 0.0
            self._change(text, token, best, score, cost, column, changes, choices)
            return
        if len(word) >= 6 and self._split(token, changes):
            return
        if best is None or rival is not None:
            paired = self._paired(text, token, column)
            if paired is not None:
                self._change(
                    text, token, paired, similarity(token.folded, paired), 0.0, column, changes, choices
                )
                return
        if best is None:
            if len(word) >= _ANY_CUT_TOKEN and self._split_and_fix(
                text, token, column, changes, anywhere=True
            ):
                return
            if not self._derived_reading(text, token, column, changes, choices):
                self._near_miss(text, token, column, capitalized, choices)
            return
        if rival is not None:
            to = self.spelled(self._shape(text, token, best, column), best)
            message = (
                f"'{word}' may be '{to}' or "
                f"'{self.spelled(self._shape(text, token, rival, column), rival)}'; left as written"
            )
            doubt = ("correction.uncertain", message)
            doubts.append(doubt)
            if not _maybe_name(text, token):
                change = _Change(token.start, token.end, to, score, self.source(best))
                choices.append(_Choice(change, best, (rival,), doubt))
            return
        self._change(text, token, best, score, cost, column, changes, choices)

    def _paired(self, text: str, token: _Token, column: str) -> str | None:
        """``tepat Waktu`` read ``tapat Waktu``: of the near words in doubt (``tepat``,
        ``dapat``, ``rapat``), the only one that makes a word pair of a domain phrase with
        the word beside it (a listed word, not a function word)."""
        ranked = self._ranked(token.folded, column)
        if not ranked:
            return None
        limit = 1.0 if len(token.folded) < 6 else 1.5
        near = [word for combined, cost, word in ranked if combined - ranked[0][0] < MARGIN and cost <= limit]
        pairs = self.phrase_bigrams()
        left, right = self._neighbours(text, token)
        fits = [
            word
            for word in near
            if (left and self._anchor(left) and (left, word) in pairs)
            or (right and self._anchor(right) and (word, right) in pairs)
        ]
        return fits[0] if len(fits) == 1 and self._may_guess(fits[0]) else None

    def _neighbours(self, text: str, token: _Token) -> tuple[str | None, str | None]:
        """The words right before and after ``token`` (one space apart), folded."""
        before = _TOKEN_RE.search(text[: token.start][::-1])
        after = _TOKEN_RE.match(text, token.end + 1) if text[token.end : token.end + 1] == " " else None
        left = before.group()[::-1].casefold() if before and before.start() == 1 else None
        right = after.group().casefold() if after else None
        return left, right

    def _pair_instead(self, text: str, token: _Token, best: str, cost: float) -> str | None:
        """``Perjanjian Kwerja``: the nearest word (`kerja`) makes no word pair of a
        vocabulary phrase with a neighbour, but one word a little farther does
        (`Perjanjian Kinerja`), the only one: that one. At most one plain edit farther,
        two in all."""
        if len(token.folded) < 5 or best in _NEVER_PAIRED:
            return None  # a short token has too many near words; a function word stands
        left, right = self._neighbours(text, token)
        left = left if left and self._anchor(left) else None
        right = right if right and self._anchor(right) else None
        if left is None and right is None:
            return None
        pairs = self.phrase_bigrams()

        def pairs_with(word: str) -> bool:
            return (left is not None and (left, word) in pairs) or (
                right is not None and (word, right) in pairs
            )

        if pairs_with(best) or self._written_elsewhere(text, token, best):
            return None  # `retribusi jasah umum dan jasa usaha`: the cell writes `jasa`
        near = self._near.get(token.folded) or []
        fits = [
            word
            for word in near
            if word != best
            and word not in _NEVER_PAIRED
            and pairs_with(word)
            and ocr_cost(token.folded, word) <= min(2.0, cost + 1.0)
        ]
        return fits[0] if len(fits) == 1 and self._may_guess(fits[0]) else None

    @staticmethod
    def _written_elsewhere(text: str, token: _Token, word: str) -> bool:
        """Does the cell write ``word`` (folded) as a word other than ``token``?"""
        return any(
            match.group().casefold() == word and match.start() != token.start
            for match in _TOKEN_RE.finditer(text)
        )

    def _anchor(self, word: str) -> bool:
        return word not in _JOIN_KEEP and self._listed(word)

    def phrase_bigrams(self) -> frozenset[tuple[str, str]]:
        """Neighbouring word pairs of the vocabulary's phrases (`tepat waktu`)."""
        if self._bigrams is None:
            with long_lived():
                self._bigrams = frozenset(
                    pair for phrase in self.vocab.phrases for pair in itertools.pairwise(phrase.key)
                )
        return self._bigrams

    def _change(
        self,
        text: str,
        token: _Token,
        best: str,
        score: float,
        cost: float,
        column: str,
        changes: list[_Change],
        choices: list[_Choice],
    ) -> None:
        """Replace ``token`` by ``best``; a general word of fewer than ten letters a plain
        edit or more away, or one not in use (``_in_use``), only if the document writes
        it too. Real OCR garbles a word
        into another's neighbour: on the development set's scans (``make eval-ocr``),
        changes to general words were wrong one time in five, to domain words one in a
        hundred, and the shorter the word the likelier a wrong one."""
        change = _Change(
            token.start,
            token.end,
            self.spelled(self._shape(text, token, best, column), best),
            score,
            self.source(best),
        )
        if change.by == "lexicon" and (
            (cost >= CONFIRM_FROM and len(best) < CONFIRM_SHORTER_THAN) or not self._in_use(best)
        ):
            if not _maybe_name(text, token):
                choices.append(_Choice(change, best, (), None))
            return
        changes.append(change)

    def _near_miss(
        self, text: str, token: _Token, column: str, capitalized: bool, choices: list[_Choice]
    ) -> None:
        """``jumlh``: a word a little too far from its nearest for a change on its own
        (one plain edit in a short word), with nothing else near, or with near words it
        leads by less than a clear margin (``daera``: ``daerah``, ``dara``, ``dera``). The
        document decides: it is changed if the document writes that word elsewhere, and
        none of those near words."""
        if _maybe_name(text, token):
            return
        best, score, _rival = self._choose(token.folded, column, capitalized=capitalized, loose=True)
        if best is not None:
            glued = ocr_cost(token.folded, best) > CONTEXT_ALLOWED and self._two_words(token.folded)
            if not glued and not same_root(token.folded, best, self.lexicon):
                to = self.spelled(self._shape(text, token, best, column), best)
                choices.append(
                    _Choice(_Change(token.start, token.end, to, score, self.source(best)), best, (), None)
                )
            return
        # near words almost as likely as each other (`daera`: `daerah` leads `dara` and
        # `dera` by less than a clear margin): the leader, if the document writes it and
        # none of the others; not in a near tie, where the document's own misreads decide
        ranked = self._ranked(token.folded, column)
        if len(ranked) < 2 or ranked[1][0] - ranked[0][0] < TIE_LEAD:
            return
        combined, cost, best = ranked[0]
        score = similarity(token.folded, best)
        if cost > CONTEXT_ALLOWED or score < self.min_score or same_root(token.folded, best, self.lexicon):
            return
        rivals = tuple(word for value, _cost, word in ranked[1:] if value - combined < MARGIN)
        to = self.spelled(self._shape(text, token, best, column), best)
        choices.append(
            _Choice(_Change(token.start, token.end, to, score, self.source(best)), best, rivals, None)
        )

    def _two_words(self, folded: str) -> bool:
        """Does ``folded`` read as two listed words glued (`tarikwisata`)? Then a word
        two edits away (`pariwisata`) is no likelier."""
        ranks = self.lexicon.ranks
        return any(folded[:cut] in ranks and folded[cut:] in ranks for cut in range(3, len(folded) - 2))

    def _derived_reading(
        self, text: str, token: _Token, column: str, changes: list[_Change], choices: list[_Choice]
    ) -> bool:
        """``sernesteran`` → ``semesteran``: undoing one cheap OCR slip (a strong
        multi-character confusion, a doubled letter) gives a valid
        derivation, which the word list (and so the search) lacks; only when exactly one
        such reading is valid. A reading the document must write elsewhere: a doubled
        letter's not in use (see ``_in_use``), or a reading the lists lack unless it is
        a form of a KBBI root of five letters or more. On real OCR, such readings
        (`melahii` → `melahi`, `Penjadiaan` → `Penjadian` for `Penyediaan`) were mostly
        wrong; Tesseract does not double letters as the noise model does.
        True if a change or a choice was made."""
        if len(token.folded) < 6:
            return False
        folded = token.folded
        multi = {
            folded[:at] + true + folded[at + len(seen) :]
            for seen, true in _STRONG_MULTI
            for at in range(len(folded))
            if folded.startswith(seen, at)
        }
        # or a doubled letter read once too often (`kelaiikan`)
        doubled = {
            folded[:at] + folded[at + 1 :] for at in range(1, len(folded)) if folded[at] == folded[at - 1]
        }
        readings = (multi | doubled) - {folded}
        valid = [reading for reading in readings if self.is_known(reading)]
        if len(valid) == 1 and self._may_guess(valid[0]):
            to = self.spelled(self._shape(text, token, valid[0], column), valid[0])
            score = similarity(token.folded, valid[0])
            if score >= self.min_score:
                change = _Change(token.start, token.end, to, score, "lexicon")
                reading = valid[0]
                if self._in_use(reading) or (
                    reading in multi and (self._listed(reading) or self._sure_root(reading))
                ):
                    changes.append(change)
                else:  # a form only affix rules or the stems know: real OCR misreads into such forms
                    choices.append(_Choice(change, valid[0], (), None))
                return True
        return False

    def _fix_label(self, text: str) -> _Result:
        head, colon, rest = text.partition(":")
        changes: list[_Change] = []
        doubts: list[tuple[str, str]] = []
        words = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(head)]
        folded = " ".join(token.folded for token in words)
        labels = [phrase for phrase in self.vocab.phrases if phrase.kind == "label"]
        best: Phrase | None = None
        best_ratio = 0.0
        for phrase in labels:
            if len(phrase.key) != len(words):
                continue
            ratio = fuzz.ratio(folded, " ".join(phrase.key))
            if ratio > best_ratio:
                best, best_ratio = phrase, ratio
        if best is not None and best_ratio >= 75 and best_ratio < 100:
            for k, token in enumerate(words):
                target = best.key[k]
                if token.folded == target:
                    continue
                if ocr_cost(token.folded, target) > max(1.0, 0.4 * len(target)):
                    changes.clear()
                    break
                changes.append(
                    _Change(
                        token.start,
                        token.end,
                        apply_case(token.text, best.words[k]),
                        similarity(token.folded, target),
                        "vocabulary",
                    )
                )
        result = self._apply(head, changes, doubts)
        if not colon:
            return result
        tail = self._fix(rest, "unit")
        return _Result(
            result.text + colon + tail.text, result.changes + tail.changes, result.doubts + tail.doubts
        )


class _Identity(Corrector):
    def __init__(self) -> None:
        super().__init__(None, None, enabled=False)


@functools.cache
def _default_corrector() -> Corrector:
    with long_lived():
        return Corrector(load_vocabulary(), load_lexicon())


def load_corrector(
    vocab_files: Sequence[str | os.PathLike[str]] = (),
    *,
    min_score: float | None = None,
    enabled: bool = True,
) -> Corrector:
    """The corrector for these options; cached for the default arguments.

    ``enabled=False`` gives an identity corrector (``--no-fix``). A bad ``--vocab``
    file raises ``rakparse.errors.UsageError`` naming the file and the line.
    """
    if not enabled:
        return _Identity()
    if not vocab_files and min_score is None:
        return _default_corrector()
    with long_lived():
        return Corrector(
            load_vocabulary(vocab_files),
            load_lexicon(),
            min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
        )
