"""Joins and splits: words split by a stray space (``Pe ngembangan``) are joined,
words glued together (``demokrasidari``) are split."""

from __future__ import annotations

import re

from rakparse.correct.case import CaseRules
from rakparse.correct.cell import Change, Token
from rakparse.correct.confusions import ocr_cost, similarity
from rakparse.correct.lexicon import roots
from rakparse.correct.rules import (
    ANY_CUT_PIECE,
    BOUND_PREFIXES,
    COMMON_FOUR,
    COMMON_PIECE,
    COMMON_PRIOR,
    COMMON_SLOT,
    FUNCTION_WORDS,
    HAS_DIGIT,
    JOIN_KEEP,
    JOIN_ODDS,
    JOIN_SUFFIXES,
    LONG_PIECE,
    MARGIN,
    NAME_PIECE,
    PREFIX_PIECES,
    PREPOSITION_PREFIXES,
    RARE_PRIOR,
    SHORT_WORDS,
    SPLIT_SUFFIXES,
    SUFFIX_PIECES,
    apply_case,
    digit_readings,
    same_root,
)

#: a word glued to what is plainly another token: capitals (`danBMN`, `SPTTahunan`), a
#: Title word (`danKeuangan`), a Roman numeral (`KomisiIII`) or a number (`Tahun2026`)
_LOWER_CAPS = re.compile(r"([a-z]{2,})([A-HJ-Z][A-Z]+|[A-HJ-Z][a-z]{3,})")
_CAPS_TITLE = re.compile(r"([A-Z]{2,})([A-Z][a-z]{3,})")
_WORD_NUMERAL = re.compile(r"([A-Z][a-z]{3,})(III|II|IV|VIII|VII|VI|IX|I|V|X)")
_WORD_NUMBER = re.compile(r"([A-Za-z][a-z]{2,})(\d{2,})")


class GlueRules(CaseRules):
    """Words split by a stray space joined, and glued words split."""

    def _known_acronym(self, capitals: str) -> bool:
        """Capitals the vocabulary writes so: others may be a misread one, which cut off
        would stay wrong (`danMOOP`), or part of one name (`PDDikti`)."""
        return self.vocab.words.get(capitals.casefold()) == capitals

    def _glued_apart(self, token: Token, changes: list[Change]) -> bool:
        """``danBMN``, ``danKeuangan``, ``SPTTahunan``, ``KomisiIII``, ``Tahun2026``: a
        word glued to a token of another kind (a known acronym, a Title word, a Roman
        numeral, a number of two digits or more), cut where the kind changes. The word's
        side must be a function word or a listed word; a Title word before a lone ``I``
        not one an l ends (`AsaI` is `Asal`). (A known acronym before a lower-case word,
        ``PPKdan``, is ``_acronym_glued``'s.)"""
        text = token.text
        for pattern in (_LOWER_CAPS, _CAPS_TITLE, _WORD_NUMERAL, _WORD_NUMBER):
            match = pattern.fullmatch(text)
            if match is None:
                continue
            first, second = match.groups()
            word = (first if pattern in (_WORD_NUMERAL, _WORD_NUMBER) else second).casefold()
            if pattern is _LOWER_CAPS:
                fits = first in FUNCTION_WORDS and (
                    self._known_acronym(second) if second.isupper() else self._listed(word)
                )
            elif pattern is _CAPS_TITLE:
                fits = self._known_acronym(first) and self._listed(word)
            else:
                fits = self._listed(word) or word in FUNCTION_WORDS
                if pattern is _WORD_NUMERAL and second == "I" and self.is_known(word + "l"):
                    fits = False  # `AsaI`: an l read as I
            if fits:
                to = f"{first} {second}"
                changes.append(Change(token.start, token.end, to, similarity(text, to), self.source(word)))
                return True
        return False

    def _joins(
        self, text: str, tokens: list[Token], column: str, changes: list[Change], done: set[int]
    ) -> None:
        """``Pe ngembangan`` → ``Pengembangan``: a word split by a stray space."""
        for number in range(len(tokens) - 1):
            a, b = tokens[number], tokens[number + 1]
            if number in done or number + 1 in done:
                continue
            gap = text[a.end : b.start]
            if gap.strip() or len(gap) > 2 or HAS_DIGIT.search(a.text + b.text):
                continue
            if b.text[:1].isupper() or (len(a.text) > 1 and a.text.isupper()):
                continue
            if self._hyphen_compound_known(text, b) or self._hyphen_compound_known(text, a):
                continue  # `melaha e-Kinerja`: the `e` is a listed compound's, not a lost letter
            joined = a.text + b.text
            # a bound prefix is no word of a plan's (`ber agama`, `peng olahan`), though
            # informal text gives it a frequency
            whole_a = self._whole(a) and a.folded not in BOUND_PREFIXES
            whole_b = self._whole(b)
            listed = self._listed(joined)
            if listed and b.folded in JOIN_SUFFIXES:
                whole_b = False  # `Terkendali nya`
            if listed and whole_a and whole_b and not (self._listed(a.text) and self._listed(b.text)):
                whole_a = whole_b = False  # `Koor dinasi`: a derivation guess loses to a listed word
            if (whole_a and whole_b) or (whole_a and len(b.text) < 3) or (whole_b and len(a.text) < 3):
                # two words, or a word and a lost letter of the next (`kantor an` for
                # `kantor dan`), unless the joined word is far likelier (`Bada n`, `wak tu`)
                # (a two-letter tail that is no word of its own joins into a common word
                # even after a function word: `ya ng`, `instan si`)
                short_tail = (
                    len(b.text) == 2
                    and not whole_b
                    and b.folded not in SUFFIX_PIECES  # `jalan an` may be `jalan dan`
                    and self.prior(joined, column) >= COMMON_PRIOR
                )
                if (
                    listed
                    and gap == " "
                    and (short_tail or self._join_beats_split(a.folded, b.folded, joined))
                ):
                    score = similarity(a.text + " " + b.text, joined)
                    changes.append(Change(a.start, b.end, joined, score, self.source(joined)))
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
            if self.is_known(joined) and (listed or a.folded not in BOUND_PREFIXES):
                # (a bound prefix joins into a listed word only: `ber terhadap` is no
                # `berterhadap`)
                if not listed and a.folded in PREPOSITION_PREFIXES and self._prefix_in_root(a.folded, joined):
                    continue  # `di skolah` is no `diskolah` (`disko` + `-lah`): `di` is no prefix there
                rare = self._rare_word(joined.casefold())
                if (whole_a or whole_b) and rare:
                    continue  # `anak usis` is no `anakusis` (a medical stem): a word and a misread one
                to = joined
                if not listed or rare:
                    # `Diria s`: `dirias` is valid only by affix rules, `dinas` is listed;
                    # `prasar an`: `prasaran` is a stem no text uses, `prasarana` common
                    whole = Token(joined, a.start, b.end)
                    better = self._listed_instead(text, whole, column)
                    if better is not None:
                        to = better[0]
                    elif not listed and not (a.folded in PREFIX_PIECES or b.folded in SUFFIX_PIECES):
                        continue  # `negara kukan` is no `negarakukan`: split at no affix

                score = similarity(a.text + " " + b.text, to)
                changes.append(Change(a.start, b.end, to, score, self.source(to)))
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
            if best is not None and best.startswith(a.folded) and a.folded in JOIN_KEEP:
                tail = best[len(a.folded) :]
                if self._listed(tail) and self.prior(tail, column) > self.prior(best, column) + 1.0:
                    continue  # `per tahuri` is `per tahun`, far likelier than `pertahun`
            if best is not None and rival is None and ocr_cost(joined, best) <= 1.0:
                whole = Token(joined, a.start, b.end)
                to = self.spelled(self._shape(text, whole, best, column), best)
                changes.append(
                    Change(a.start, b.end, to, similarity(a.text + " " + b.text, best), self.source(best))
                )
                done.update((number, number + 1))

    def _hyphen_compound_known(self, text: str, token: Token) -> bool:
        """Is ``token`` part of a hyphenated word the lists know (`e-Kinerja`)?"""
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
        return (
            compound in self.vocab.words
            or compound in self.lexicon
            or compound.replace("-", "") in self._joined_terms
        )

    def _prefix_in_root(self, prefix: str, joined: str) -> bool:
        """Is ``joined`` a known word only by a rare root that starts with ``prefix``
        (``diskolah``: `disko` + `-lah`; ``dimeralasi``: the stem `dimer`)? Then the
        prefix is none of its, and the join makes a word no plan writes. A common root
        is a word split inside (`se mesteran`)."""
        folded = joined.casefold()
        if self.is_known(folded[len(prefix) :]):
            return False
        found = set(roots(folded))
        found.update(inner for root in tuple(found) for inner in roots(root))
        ranks = self.lexicon.ranks
        inside = [root for root in found if root.startswith(prefix) and self.lexicon.listed(root)]
        return bool(inside) and all(ranks.get(root, COMMON_SLOT + 1) > COMMON_SLOT for root in inside)

    def _join_beats_split(self, a: str, b: str, joined: str) -> bool:
        """Is ``a b`` far more likely one word split by OCR than two words? Function
        words and prefixes stay apart (`ke luar`, `di bawah`, `se lama`), and so do two
        long words of some frequency (`juru sita`); otherwise one piece is short or rare
        and the joined word's frequency prior must beat the pieces' by ``JOIN_ODDS``."""
        if a in JOIN_KEEP or b in JOIN_KEEP or len(joined) < 4:
            return False
        if b in SPLIT_SUFFIXES and self.prior(joined, "") >= self.prior(a, ""):
            return True  # `pengelola an`: a suffix on its own is no word
        if min(len(a), len(b)) > 3 and min(self.prior(a, ""), self.prior(b, "")) >= RARE_PRIOR:
            return False  # two real words: a compound written apart (`juru sita`) stays so
        return self.prior(joined, "") + JOIN_ODDS > self.prior(a, "") + self.prior(b, "")

    def _split_part(
        self, word: str, *, camel: bool = False, function_next: bool = False, long_token: bool = False
    ) -> bool:
        """Can ``word`` stand alone after splitting a glued token? Only clear cases."""
        if word in FUNCTION_WORDS:
            return True
        rank = self.lexicon.ranks.get(word)
        common_four = len(word) == 4 and rank is not None and rank <= COMMON_FOUR
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
        if len(short) >= (NAME_PIECE - 2 if capitalized else 5):
            # `komoditashortikultura`, `Terwujudnyaproses`: two long listed words (a
            # derivation by our rules is too loose a piece: `kependudu kanan`)
            return all(piece in ranks or piece in self.vocab.words for piece in (short, long))
        if len(long) < (NAME_PIECE if capitalized else LONG_PIECE) or not 3 <= len(short) <= 4:
            return False
        short_rank, long_rank = ranks.get(short), ranks.get(long)
        # in a capitalized token, a word in use, not one only the vocabulary lists (its
        # abbreviations are glued into longer ones: `Kasubbagbin` is not `Kasubbag bin`)
        listed = long in self.vocab.words and not capitalized
        return (
            short_rank is not None
            and short_rank <= COMMON_PIECE
            and (listed or (long_rank is not None and long_rank <= 20000))
        )

    def _split(
        self, token: Token, changes: list[Change], *, camel_only: bool = False, function_only: bool = False
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
                (left in FUNCTION_WORDS and right in self.lexicon.ranks)
                or (right in FUNCTION_WORDS and left in self.lexicon.ranks)
            ):
                continue
            if self._foreign(left) and self._foreign(right):
                continue  # `groundcheck`: a foreign compound, written as one word on purpose
            glued = not acronyms and self._long_and_short(left, right, capitalized=capitalized and not camel)
            if acronyms:
                if not (left in self.vocab.terms and right in self.vocab.terms):
                    continue
            elif (
                capitalized
                and not camel
                and not glued
                and (right not in FUNCTION_WORDS or len(right) < 3)
                and not (self._common(left) and self._common(right))
            ):
                continue  # `Kediri` is a name, not `Ke diri`; two long common words may be glued
            before_function = right in FUNCTION_WORDS and len(right) >= 3
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
            and not any(piece in FUNCTION_WORDS for piece in pieces)
            and self._one_word_near(folded, pieces)
        ):
            return False  # `Penyukanan` is a misread `Penyusunan`, not `Penyu kanan`
        left, right = text[:cut], text[cut:]
        if camel:  # `SumberDayaPariwisata`: every case change of the pieces is a cut
            left, right = self._camel_cuts(left), self._camel_cuts(right)
        to = f"{left} {right}"
        changes.append(Change(token.start, token.end, to, similarity(text, to), self.source(to.split()[-1])))
        return True

    def _foreign(self, word: str) -> bool:
        """A listed word KBBI does not know (a foreign word, a name), not a domain one."""
        return word in self.lexicon.non_kbbi and word not in self.vocab.words

    def _camel_cuts(self, piece: str) -> str:
        """``SumberDaya`` → ``Sumber Daya``: a piece of a camel-case split, cut again at
        each case change whose two sides are words."""
        for cut in range(2, len(piece) - 1):
            if piece[cut - 1].islower() and piece[cut].isupper():
                left, right = piece[:cut].casefold(), piece[cut:].casefold()
                if self.is_known(left) and self.is_known(right) and len(left) >= 3 and len(right) >= 3:
                    return f"{piece[:cut]} {self._camel_cuts(piece[cut:])}"
        return piece

    def _split_and_fix(
        self, cell: str, token: Token, column: str, changes: list[Change], *, anywhere: bool = False
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
                cuts = [len(w) for w in FUNCTION_WORDS if len(w) >= 3 and folded.startswith(w)]
            # `pcmungutandan`: a function word glued after a misread word
            cuts += [
                len(folded) - len(w)
                for w in FUNCTION_WORDS
                if len(w) >= 3 and folded.endswith(w) and len(folded) - len(w) >= 5
            ]
            if anywhere and not text[:1].isupper():
                cuts += [
                    i
                    for i in range(ANY_CUT_PIECE, len(folded) - 5)
                    if self._listed(folded[:i])
                    or (len(folded) - i >= ANY_CUT_PIECE and self._listed(folded[i:]))
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
        changes.append(Change(token.start, token.end, to, score, self.source(last)))
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
            if len(piece) < 3 and folded not in SHORT_WORDS:
                return None  # `melaluii` is a doubled letter, not `melalui i`
            if folded in self.lexicon.stems and folded not in self.vocab.words:
                return None  # `emper oleh`: a stem no text uses is no piece to cut off (`memperoleh`)
            if self._listed(piece) or folded in FUNCTION_WORDS:
                fixed.append(piece)
                continue
            if self._trusted_derivation(folded):
                return None  # `danpenambalan`: a regular form is not repaired into another word
            if len(piece) < 5 or HAS_DIGIT.search(piece):
                listed = [reading for reading in digit_readings(folded) if self._listed(reading)]
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

    def _listed_instead(
        self, text: str, token: Token, column: str, *, cheap_only: bool = False
    ) -> tuple[str, float] | None:
        """``(spelling, score)`` of a common listed word one OCR slip from this word
        that is valid only by affix rules, with no rival and not another form of it."""
        best, score, rival = self._choose(token.folded, column, capitalized=False)
        if best is None or rival is not None or ocr_cost(token.folded, best) > (0.7 if cheap_only else 1.0):
            return None
        if self.prior(best, column) < 3.5 or same_root(token.folded, best, self.lexicon):
            return None
        if cheap_only and self.prior(best, column) <= max(
            (self.lexicon.zipf(root) for root in self._kbbi_roots(token.folded, min_root=4, prefixed=False)),
            default=0.0,
        ):
            return None  # `berhulu` (from `hulu`) is no misread of the rarer `berbulu`
        return self.spelled(self._shape(text, token, best, column), best), score
