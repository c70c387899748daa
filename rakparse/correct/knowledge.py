"""What the lists say about a word: known or not, how likely, its near words and
their ranking. The base of the correction rules (``engine.Corrector``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from rakparse.correct.cell import Result, Token
from rakparse.correct.confusions import CandidateIndex, ocr_cost, rank_candidates, similarity
from rakparse.correct.lexicon import Lexicon, derived_forms, roots
from rakparse.correct.longlived import long_lived
from rakparse.correct.pairs import WordPairs, load_pairs
from rakparse.correct.plancase import PlanCase, load_plan_case
from rakparse.correct.planwords import PlanWords, load_plan_words
from rakparse.correct.rules import (
    COMMON_PRIOR,
    COMMON_SHORT,
    COMMON_SLOT,
    CONTEXT_ALLOWED,
    CONTEXT_ALLOWED_LONG,
    CONTEXT_LONG_FROM,
    DEFAULT_MIN_SCORE,
    DOMAIN_BOOST,
    FAMILY_DISCOUNT,
    FAMILY_MIN,
    FAMILY_ROOTS_FROM,
    FUNCTION_WORDS,
    JOIN_KEEP,
    JOIN_SUFFIXES,
    LONG_ALLOWED,
    LONG_ROOT,
    MARGIN,
    MIN_LENGTH,
    NEAR_DISTANCE,
    NON_KBBI_RANK,
    ONE_WORD_NEAR,
    RARE_PRIOR,
    SHORT_ALLOWED,
    SHORT_CLEAR,
    SHORT_WORDS,
    SLOT_WORDS,
    STOPWORDS,
    SURE_ROOT,
    TOKEN_RE,
    UNIT_COLUMNS,
    VERB_PREFIXES,
    apply_case,
)
from rakparse.correct.vocabulary import VocabEntry, Vocabulary, words_of
from rakparse.model import CorrectionBy


def pair_code(number: int, first: int, gap: int) -> int:
    """A phrase's number in the vocabulary, its word ``first`` and the one ``gap``
    words after (1 or 2), in one int (``Knowledge.phrase_pairs``)."""
    return number << 8 | first << 1 | (gap - 1)


def pair_place(code: int) -> tuple[int, int, int]:
    """``pair_code``'s phrase number, first word and gap."""
    return code >> 8, (code & 0xFF) >> 1, (code & 1) + 1


class Knowledge:
    """What the vocabulary and the lexicon say of a word (known, listed, in use, how
    likely), its near words ranked, and the caches of all that. The base of the rule
    layers; ``engine.Corrector`` is the top."""

    def __init__(
        self,
        vocabulary: Vocabulary | None,
        lexicon: Lexicon | None,
        *,
        min_score: float = DEFAULT_MIN_SCORE,
        enabled: bool = True,
        pairs: WordPairs | None = None,
        plan_words: PlanWords | None = None,
        plan_case: PlanCase | None = None,
    ) -> None:
        self.enabled = enabled and vocabulary is not None and lexicon is not None
        self.min_score = min_score
        self._vocab = vocabulary
        self._lexicon = lexicon
        self._cache: dict[tuple[str, str], Result] = {}
        self._index: CandidateIndex | None = None
        self._near: dict[str, list[str]] = {}
        self._families: dict[str, dict[str, float]] = {}
        self._root_forms: dict[str, dict[int, list[str]]] = {}  # of listed roots: kept
        self._known: dict[str, bool] = {}
        self._phrase_index: dict[str, list[tuple[int, int, int, int]]] | None = None
        self._unit_words: frozenset[str] = frozenset()
        #: the first words of units' names (`kantor`, `seksi`, `sekretariat`)
        self._unit_heads: frozenset[str] = frozenset()
        self._acronyms: dict[int, list[str]] = {}
        self._forced_patterns: list[tuple[re.Pattern[str], VocabEntry]] | None = None
        self._plain: dict[str, bool] = {}
        self._slips: dict[str, tuple[str, ...]] = {}  # of ``engine._function_slips``
        self._suspects: dict[str, bool] = {}
        self._bigrams: frozenset[tuple[str, str]] | None = None
        self._pairs: dict[str, tuple[int, ...]] | None = None  # see ``phrase_pairs``
        self._forced_words: frozenset[str] = frozenset()
        self._joined_terms: frozenset[str] = frozenset()
        self._word_pairs: WordPairs | None = pairs  # None: the shipped ones, read when first needed
        self._plan_words: PlanWords | None = plan_words  # None: the shipped ones, likewise
        self._plan_case: PlanCase | None = plan_case  # likewise
        if vocabulary is not None:
            self._unit_words = frozenset(
                word for phrase in vocabulary.phrases if phrase.kind == "unit" for word in phrase.key
            )
            self._unit_heads = frozenset(
                phrase.key[0] for phrase in vocabulary.phrases if phrase.kind == "unit"
            )
            for term in vocabulary.terms.values():
                if term.isupper() and len(term) >= 3:
                    self._acronyms.setdefault(len(term), []).append(term)
            self._forced_words = frozenset(
                word.casefold()
                for entry in vocabulary.forced.values()
                for word in TOKEN_RE.findall(entry.wrong or "")
            )
            # `eKinerja`: a hyphenated term written as one word
            self._joined_terms = frozenset(
                "".join(words_of(entry.term)).casefold()
                for entry in vocabulary.entries
                if "-" in entry.term and entry.kind != "forced"
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
            self._index_phrases()
        assert self._phrase_index is not None
        return self._phrase_index

    def _index_phrases(self) -> None:
        """The anchor index, the word pairs and the bigrams of the phrases, in one pass
        (the first file of a process pays for it)."""
        index: dict[str, list[tuple[int, int, int, int]]] = {}
        pairs: dict[str, list[int]] = {}
        bigrams: set[tuple[str, str]] = set()
        with long_lived():
            for number, phrase in enumerate(self.vocab.phrases):
                key = phrase.key
                size = len(key)
                bigrams.update(itertools.pairwise(key))
                if phrase.kind == "label" or size < 2:
                    continue
                places = [
                    (position, word)
                    for position, word in enumerate(key)
                    if word not in STOPWORDS and len(word) >= 3
                ]
                anchors = len(places)
                for position, word in places:
                    index.setdefault(word, []).append((number, position, size, anchors))
                if size >= 3:
                    for first in range(size - 1):
                        for gap in (1, 2)[: size - first - 1]:
                            pairs.setdefault(f"{key[first]} {key[first + gap]}", []).append(
                                pair_code(number, first, gap)
                            )
            self._phrase_index, self._bigrams = index, frozenset(bigrams)
            self._pairs = {words: tuple(codes) for words, codes in pairs.items()}

    def build_all(self) -> None:
        """Build now every table otherwise built when first needed (for ``snapshot``)."""
        self.index().build_all()
        self.phrase_index()
        self.word_pairs()
        self.plan_words()
        self.plan_case()

    def word_pairs(self) -> WordPairs:
        """The word pairs of RAK text (``pairs``), read when a doubt first needs them."""
        if self._word_pairs is None:
            self._word_pairs = load_pairs()
        return self._word_pairs

    def plan_words(self) -> PlanWords:
        """How often plan tables write each word (``planwords``), read when first needed."""
        if self._plan_words is None:
            self._plan_words = load_plan_words()
        return self._plan_words

    def plan_case(self) -> PlanCase:
        """How plan tables write words in Title or lower case (``plancase``), likewise."""
        if self._plan_case is None:
            self._plan_case = load_plan_case()
        return self._plan_case

    def is_known(self, word: str) -> bool:
        folded = word.casefold()
        known = self._known.get(folded)
        if known is None:
            known = folded in self.vocab.words or self.lexicon.is_word(folded)
            if not known:
                known = self._vocabulary_derivation(folded)
            self._known[folded] = known
        return known

    def _vocabulary_derivation(self, folded: str) -> bool:
        """``diminutasi``: an affixed form of a domain word (``minutasi``) of six letters
        or more that the vocabulary writes in lower case (a word, not an acronym or a
        name)."""
        words = self.vocab.words
        return any(
            len(root) >= 6 and words.get(root, "").islower() for root in roots(folded) if root != folded
        )

    def prior(self, word: str, column: str) -> float:
        folded = word.casefold()
        value = self.lexicon.zipf(folded)
        if folded in self.vocab.words:
            # a domain word: as likely as a common word, and more likely than its
            # general-language neighbours (`daerah` before `darah`)
            value = max(value, 4.5) + DOMAIN_BOOST
            if column in UNIT_COLUMNS and folded in self._unit_words:
                value = max(value, 6.5)
        return value

    def spelled(self, original: str, folded: str) -> str:
        canonical = self.vocab.canonical(folded)
        # KBBI words are not written in camel case: an inner capital of OCR's is noise
        # (`PerLentase`); brands and foreign names may be (`WhatsApp`)
        camel = canonical is None and folded in self.lexicon.non_kbbi
        return apply_case(original, canonical or folded, camel=camel)

    def source(self, folded: str) -> CorrectionBy:
        return "vocabulary" if folded.casefold() in self.vocab.words else "lexicon"

    @staticmethod
    def _may_swap(observed: str, target: str) -> bool:
        """May a phrase change this listed word into ``target`` (see ``_phrase_match``)?"""
        return (
            len(target) >= 4
            and not observed.isdigit()
            and Levenshtein.distance(observed, target, score_cutoff=4) <= 4  # cost >= 0.25 an edit
            and ocr_cost(observed, target) <= 1.0
        )

    def phrase_pairs(self) -> dict[str, tuple[int, ...]]:
        """Word pairs (next to each other or one apart) of phrases of three or more words:
        a window that differs from such a phrase in one word holds one of its pairs. Keyed
        by the two words with a space between; each phrase holding the pair is a number
        (``pair_code``): plain ints and strings are what a snapshot reads fastest (this
        table was a sixth of its reading time as tuples of phrases and positions)."""
        if self._pairs is None:
            self._index_phrases()
        assert self._pairs is not None
        return self._pairs

    def _plain_word(self, word: str) -> bool:
        """A KBBI word as written (not a misread one, which may hide a capital: `kianttas`)."""
        folded = word.casefold()
        return word.isalpha() and (
            folded in SHORT_WORDS or (self._listed(folded) and self.lexicon.kbbi(folded))
        )

    def _content_word(self, token: Token) -> bool:
        return (
            len(token.folded) >= 3
            and token.folded.isalpha()
            and token.folded not in SLOT_WORDS
            and (len(token.folded) >= 6 or self.is_known(token.folded))
        )

    def _common_near(self, folded: str) -> list[str]:
        """Common KBBI words and domain words two plain edits or less from ``folded``
        (not names or slang: `alan`, `gan`)."""
        lexicon = self.lexicon
        return [
            word
            for word in self.index().near(folded, max_distance=2)
            if (len(word) >= 3 or word in SHORT_WORDS)
            and (
                word in self.vocab.words
                or (lexicon.ranks.get(word, COMMON_SLOT + 1) <= COMMON_SLOT and word not in lexicon.non_kbbi)
            )
        ]

    def _fragment(self, token: Token) -> bool:
        """A piece of a split word (``ter``, ``men``, ``u``) rather than a word of its own."""
        folded = token.folded
        if len(folded) > 3 or folded.isdigit() or (len(folded) > 1 and token.text.isupper()):
            return False
        if len(folded) == 3 and self.lexicon.ranks.get(folded, COMMON_SHORT + 1) <= COMMON_SHORT:
            return folded in JOIN_SUFFIXES  # `jam`, `ibu`, `dua` are words; `kan`, `nya` pieces
        return folded not in SHORT_WORDS and folded not in FUNCTION_WORDS and folded not in self.vocab.words

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
            or self._kbbi_root(folded, min_root=LONG_ROOT, prefixed=False)
        )

    def _listed(self, word: str) -> bool:
        """In the word list or the vocabulary itself (not only a derivation)."""
        folded = word.casefold()
        return self.lexicon.listed(folded) or folded in self.vocab.words

    def _whole(self, token: Token) -> bool:
        if len(token.text) < 3:
            return token.folded in SHORT_WORDS
        return self.is_known(token.text)

    def _common(self, word: str) -> bool:
        rank = self.lexicon.ranks.get(word)
        return len(word) >= 5 and rank is not None and rank <= 10000

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

    def _rare_word(self, folded: str) -> bool:
        """A listed word too rare to be expected in a plan table: a stem with no
        frequency, or a rare entry of the frequency list (`milk`), not a domain word."""
        return (
            self.lexicon.listed(folded)
            and folded not in self.vocab.words
            and self.lexicon.zipf(folded) < RARE_PRIOR
        )

    def _own_word(self, observed: str, target: str) -> tuple[float, str]:
        """The nearest listed word other than ``target`` (one edit away) and its OCR
        cost; ``(9.0, "")`` if there is none."""
        limit = SHORT_ALLOWED if len(observed) < 6 else 1.0
        costs = [
            (ocr_cost(observed, word), word)
            for word in self.index().near(observed, max_distance=1)
            if word != target and len(word) >= MIN_LENGTH
        ]
        return min((pair for pair in costs if pair[0] <= limit), default=(9.0, ""))

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
        # a word's prior, or its frequency in plan tables where that is higher: in
        # ranking only (see ``planwords``)
        plan = self.plan_words().zipf
        ranked = rank_candidates(
            folded,
            [*candidates, *family],
            lambda c: max(family[c] if c in family else self.prior(c, column), plan(c)),
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
        """Is ``folded`` an affixed form of a KBBI word in use of ``SURE_ROOT`` letters
        or more (``semesteran``, ``terpeliharanya``), by prefix or suffix alone?"""
        return self._kbbi_root(folded, min_root=SURE_ROOT, prefixed=False)

    def _prefixed_kbbi_root(self, folded: str, min_root: int = 4) -> bool:
        """Does ``folded`` carry a prefix on a KBBI word in use (``penambalan``: tambal;
        ``memperoleh``: peroleh)? Not a word that merely starts so (``digital``: digit)."""
        return self._kbbi_root(folded, min_root=min_root, prefixed=True)

    def _kbbi_root(self, folded: str, *, min_root: int, prefixed: bool) -> bool:
        return any(self._kbbi_roots(folded, min_root=min_root, prefixed=prefixed))

    def _kbbi_roots(self, folded: str, *, min_root: int, prefixed: bool) -> Iterator[str]:
        """The KBBI words in use of ``min_root`` letters or more that ``folded`` is a form
        of (``prefixed``: by a prefix, not a word that merely starts so)."""
        lexicon = self.lexicon
        return (
            root
            for root in roots(folded)
            if len(root) >= min_root
            and not (prefixed and folded.startswith(root))
            and root in lexicon.ranks
            and lexicon.kbbi(root)
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
        return len(word) == 3 and rank is not None and rank <= COMMON_SHORT

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

    def _verb(self, folded: str) -> bool:
        """``memperoleh``, ``berbasis``, ``dievaluasi``: a verb prefix on a listed KBBI
        root (not ``berita``, ``dinas``, ``digital``, which only start so)."""
        return folded.startswith(VERB_PREFIXES) and self._prefixed_kbbi_root(folded)

    def _neighbours(self, text: str, token: Token) -> tuple[str | None, str | None]:
        """The words right before and after ``token`` (one space apart), folded."""
        before = TOKEN_RE.search(text[: token.start][::-1])
        after = TOKEN_RE.match(text, token.end + 1) if text[token.end : token.end + 1] == " " else None
        left = before.group()[::-1].casefold() if before and before.start() == 1 else None
        right = after.group().casefold() if after else None
        return left, right

    @staticmethod
    def _written_elsewhere(text: str, token: Token, word: str) -> bool:
        """Does the cell write ``word`` (folded) as a word other than ``token``?"""
        return any(
            match.group().casefold() == word and match.start() != token.start
            for match in TOKEN_RE.finditer(text)
        )

    def _anchor(self, word: str) -> bool:
        return word not in JOIN_KEEP and self._listed(word)

    def phrase_bigrams(self) -> frozenset[tuple[str, str]]:
        """Neighbouring word pairs of the vocabulary's phrases (`tepat waktu`)."""
        if self._bigrams is None:
            self._index_phrases()
        assert self._bigrams is not None
        return self._bigrams

    def _two_words(self, folded: str) -> bool:
        """Does ``folded`` read as two listed words glued (`tarikwisata`)? Then a word
        two edits away (`pariwisata`) is no likelier."""
        ranks = self.lexicon.ranks
        return any(folded[:cut] in ranks and folded[cut:] in ranks for cut in range(3, len(folded) - 2))
