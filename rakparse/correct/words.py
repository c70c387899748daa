"""Single-word rules: a misread word, acronym or function word, and the near word
that replaces it (or the doubt left for the document or a person)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from rakparse.correct.abbreviations import cell_abbreviations
from rakparse.correct.cell import Change, Choice, Token, maybe_name
from rakparse.correct.confusions import ocr_cost, rank_candidates, similarity
from rakparse.correct.phrases import PhraseRules
from rakparse.correct.rules import (
    ACRONYM_GLUED,
    ANY_CUT_TOKEN,
    COMMON_PRIOR,
    COMMON_SLOT,
    CONFIRM_FROM,
    CONFIRM_SHORTER_THAN,
    CONTEXT_ALLOWED,
    FUNCTION_WORDS,
    HAS_DIGIT,
    JOIN_SUFFIXES,
    KEPT_ROOT,
    LOOKALIKE_CAPITALS,
    LOWER_RUN,
    MARGIN,
    MIN_LENGTH,
    NUMBER_WORD_NEAR,
    NUMBER_WORD_NEAR_RARE,
    NUMBER_WORDS,
    RARE_TITLE_WORD,
    SHORT_WORDS,
    SLOT_WORDS,
    STRONG_MULTI,
    SUFFIX_PIECES,
    SURE_ROOT,
    THIN_GLYPHS,
    TIE_LEAD,
    TIE_TIMES,
    TOKEN_RE,
    YEARS,
    digit_readings,
    same_root,
)

#: endings Indonesian spelling never has: an unknown word with one is English
FOREIGN_ENDINGS = ("tion", "tions", "ment", "ments", "ness", "ship")


#: a number's segments before a slash (`13/`, `11/Kemenhan/` of `Nomor 13/Permentan/OT.140/1/2010`,
#: `Nomor 11/Kemenhan/Renbang/2023`)
_CODE_BEFORE = re.compile(r"\d[\w.-]*/(?:[^\W_][\w.-]*/)*\Z")

#: the number after a word (`tahun 2024`, `Nomor 7`, `Nomor 13/Permentan/...`)
_NUMBER_AFTER = re.compile(r" {1,2}(\d+)(?![\d.,])")

#: the word before a number, past an `Anggaran` (`Tahun Anggaran 2074`)
_WORD_BEFORE_NUMBER = re.compile(r"([^\W\d_]+)(?: [Aa]nggaran)? {1,2}\Z")

#: the word joined by a hyphen right before a position, and right after one
_HALF_BEFORE = re.compile(r"(?<![\w-])([^\W_]+)-\Z")
_HALF_AFTER = re.compile(r"-([^\W_]+)(?![\w-])")


class WordRules(PhraseRules):
    """A misread word, acronym or function word, and what replaces it."""

    def _slot_suspect(self, folded: str) -> bool:
        """Might this short token be a misread function word (`dn`, `yng`, `clan`)? Not a
        KBBI word or a domain word: those stand (`dam`, `dari`, `tang`)."""
        verdict = self._suspects.get(folded)
        if verdict is None:
            verdict = (
                2 <= len(folded) <= 4
                and folded not in self.vocab.words
                and folded not in SHORT_WORDS
                and not (folded in self.lexicon.ranks and self.lexicon.kbbi(folded))
                and any(ocr_cost(folded, word) <= 1.0 for word in SLOT_WORDS)
            )
            self._suspects[folded] = verdict
        return verdict

    def _function_words(self, text: str, tokens: list[Token], changes: list[Change], done: set[int]) -> None:
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
                        Change(token.start, token.end, "dan", similarity(token.folded, "dan"), "lexicon")
                    )
                    done.add(number)
                continue
            # `ya`, `ia`, `se` stand between two words of speech, not of a plan table
            near = {word for word in self._common_near(token.folded) if word not in SHORT_WORDS}
            ranked = rank_candidates(
                token.folded,
                sorted({*SLOT_WORDS, *near}),
                self.lexicon.zipf,
                prune=MARGIN + 0.1,
            )
            combined, cost, best = ranked[0]
            rival = ranked[1][0] if len(ranked) > 1 else combined + MARGIN
            if best in SLOT_WORDS and cost <= 1.0 and rival - combined >= MARGIN:
                changes.append(
                    Change(token.start, token.end, best, similarity(token.folded, best), "lexicon")
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
            or folded in SLOT_WORDS
            or folded in self.vocab.words
            or self.lexicon.zipf(folded) >= RARE_TITLE_WORD
        ):
            return False
        cost = ocr_cost(folded, "dan")
        return cost <= 0.7 and all(
            ocr_cost(folded, word) > cost + 0.5 for word in SLOT_WORDS if word != "dan"
        )

    def _word(
        self,
        text: str,
        token: Token,
        column: str,
        changes: list[Change],
        doubts: list[tuple[str, str]],
        choices: list[Choice],
    ) -> None:
        word = token.text
        if len(token.folded) != len(word):
            return  # `ß`, ligatures: case folding changes the length; not an OCR word
        if self._glued_apart(token, changes):
            return
        if text[token.end : token.end + 1] == "/" and _CODE_BEFORE.search(text, 0, token.start):
            return  # a segment of a number (`Nomor 13/Permentan/OT.140/1/2010`), written so
        if HAS_DIGIT.search(word):
            if column == "target":
                return
            if word.isdigit():
                year = self._misread_year(text, token)
                if year is not None and similarity(word, year) >= self.min_score:
                    changes.append(Change(token.start, token.end, year, similarity(word, year), "pattern"))
                return
            if sum(ch.isalpha() for ch in word) < 2 or sum(ch.isdigit() for ch in word) > 2:
                return
            readings = digit_readings(word.casefold())
            known = sorted(
                r
                for r in readings
                if (len(r) >= MIN_LENGTH or r in SHORT_WORDS)
                and (self._listed(r) or (self._trusted_derivation(r) and self._sure_root(r)))
            )
            if len(known) == 1 and (
                len(word) > MIN_LENGTH or word.isupper() or self.prior(known[0], column) >= COMMON_PRIOR - 0.5
            ):
                # a short token's reading must be common: `ran9` is no `rang` but a `yang`
                letters = known[0]
                shape = self._shape(text, token, letters, column)
                to = self.spelled(shape.lower() if shape.islower() else shape, letters)
                changes.append(Change(token.start, token.end, to, similarity(word, letters), "pattern"))
            elif not known and sum(ch.isalpha() for ch in word) >= 5 and not word.isupper():
                # `Partti5ipasi`: a digit and another slip; the OCR costs know 5/s, 1/l, 0/o
                self._unknown_word(text, token, column, changes, doubts, choices)
            return
        if self._before_number(text, token, column, changes):
            return
        if len(word) < MIN_LENGTH or self._listed(word):
            return
        if "I" in word[1:] and word[1:].replace("I", "").islower():
            # `berkaIa`, `keciI`: a capital I inside a lower-case word is an l read so
            reading = word[0] + word[1:].replace("I", "l")
            if self._listed(reading) or self._trusted_derivation(reading.casefold()):
                changes.append(Change(token.start, token.end, reading, similarity(word, reading), "pattern"))
                return
        if "l" in word and sum(ch.isupper() for ch in word) >= 2:
            # `SAKlP`, `LKjlP`: an I read as l inside an acronym the vocabulary writes so
            reading = word.replace("l", "I")
            if self.vocab.terms.get(reading.casefold()) == reading:
                changes.append(
                    Change(token.start, token.end, reading, similarity(word, reading), "vocabulary")
                )
                return
        if token.folded in self._joined_terms:
            return  # `eKinerja` is `e-Kinerja` written as one word, not a misread `kinerja`
        if self._hyphen_compound_known(text, token):
            return
        if self.is_known(word):
            self._derived_word(text, token, column, changes, choices)
            return
        if token.folded in cell_abbreviations(text):
            return  # `Kelompok Masyarakat (Pokmas)`: the writer's own short form
        if self._reduplicated(text, token, changes):
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
        if token.folded.endswith(FOREIGN_ENDINGS):
            return  # `Sanitation`, `Management`: English, which Indonesian spells `-si`, `-men`
        if self._english_plural(token.folded) or self._english(text, token):
            return
        self._unknown_word(text, token, column, changes, doubts, choices)

    def _number_word(self, folded: str, digits: int) -> str | None:
        """The word (`tahun`, `nomor`) that ``folded``, written before a number of
        ``digits`` digits, was misread from, if any. Plan tables write `tahun` before a
        year (176 times in the corpus) and no word near it, not `tahunan`; nor the
        real words OCR makes of these (`tahan 2024`, `Tabun 2023`, `Nomer 5`)."""
        for word, lengths in NUMBER_WORDS.items():
            if digits not in lengths or folded == word or folded in self.vocab.words:
                continue
            cost = ocr_cost(folded, word)
            rare = self.lexicon.ranks.get(folded, COMMON_SLOT + 1) > COMMON_SLOT
            if cost <= NUMBER_WORD_NEAR or (cost <= NUMBER_WORD_NEAR_RARE and rare):
                return word
        return None

    def _before_number(self, text: str, token: Token, column: str, changes: list[Change]) -> bool:
        """``tahan 2024``, ``tahunn 2024``, ``Notor 28``: `tahun` or `nomor` misread
        before a number."""
        number = _NUMBER_AFTER.match(text, token.end)
        word = self._number_word(token.folded, len(number.group(1))) if number else None
        if word is None:
            return False
        score = similarity(token.folded, word)
        if score >= self.min_score:
            changes.append(self._replacement(text, token, word, score, column))
        return True

    @staticmethod
    def _misread_year(text: str, token: Token) -> str | None:
        """``tahun 2074``, ``Tahun 1025``: after `tahun` (as read: `Tahu`, `tabun`), a
        number of four digits that no plan writes is a misread year of this century:
        its first two digits are `20` (Tesseract reads the 2 as 1, 3 or 7), or a 7 read
        for its third digit 2 (`2074` is `2024`). Numbers elsewhere are not years
        (`Pasal 1126`, `ISO 9001`, `1445 H`)."""
        word = token.text
        if len(word) != 4 or int(word) in YEARS:
            return None
        before = _WORD_BEFORE_NUMBER.search(text, max(0, token.start - 30), token.start)
        if before is None or Levenshtein.distance(before.group(1).casefold(), "tahun", score_cutoff=1) > 1:
            return None
        if word[:2] != "20" and int("20" + word[2:]) in YEARS:
            return "20" + word[2:]
        if word[:3] == "207":
            return "202" + word[3]
        return None

    def _english(self, text: str, token: Token) -> bool:
        """``kesadaran situasi maritim (maritime domain awareness)``: an English word
        with another within two words of it is English quoted, not a misread word."""
        english = self.lexicon.english
        if token.folded not in english:
            return False
        before = TOKEN_RE.findall(text, 0, token.start)[-2:]
        after = TOKEN_RE.findall(text, token.end)[:2]
        return any(word.casefold() in english for word in (*before, *after))

    def _english_plural(self, folded: str) -> bool:
        """``Geoparks``, ``Rangers``: a foreign word with an English plural `-s` (in a
        name: `Asia Pacific Geoparks Network`); Indonesian marks no plural so."""
        stem = folded[:-1]
        return (
            len(stem) >= 6  # short names are as often a misread word's stem (`dinos`: `Dino`)
            and folded.endswith("s")
            and not stem.endswith("s")
            and (stem in self.lexicon.non_kbbi or (stem in self.vocab.words and not self.lexicon.kbbi(stem)))
        )

    @staticmethod
    def _code(word: str) -> bool:
        """``B2SA`` read ``BjSA``: capitals with at most two lower-case letters between,
        one of them a capital OCR does not make of a lower-case letter (see
        ``LOOKALIKE_CAPITALS``), make an abbreviation, written so; not a misread
        common word (`Bisa`)."""
        inner = [ch for ch in word[1:] if ch.isupper()]
        return (
            word[:1].isupper()
            and not word.isupper()
            and any(ch not in LOOKALIKE_CAPITALS for ch in inner)
            and max(map(len, LOWER_RUN.findall(word))) <= 2  # not glued words (`KerjaDinas`)
        )

    def _reduplicated(self, text: str, token: Token, changes: list[Change]) -> bool:
        """``Undong-Undang``, ``rata-raat``: the half of a reduplication that is no word,
        an OCR slip from the other half, a listed word, is that word. (Rhyming pairs
        such as `sayur-mayur` have a known second half, and never come here.)"""
        before = _HALF_BEFORE.search(text, 0, token.start)
        after = _HALF_AFTER.match(text, token.end)
        if (before is None) == (after is None):
            return False  # no reduplication, or a chain of three (`e-Rekon-Kinerja`)
        other = (before or after).group(1)  # type: ignore[union-attr]
        if not other.isalpha() or len(other) < MIN_LENGTH or not self._listed(other):
            return False
        folded = other.casefold()
        if abs(len(folded) - len(token.folded)) > 1 or ocr_cost(token.folded, folded) > 1.0:
            return False
        to = self.spelled(token.text, folded)
        changes.append(Change(token.start, token.end, to, similarity(token.text, to), self.source(folded)))
        return True

    def _acronym(self, token: Token, changes: list[Change]) -> bool:
        """``PPIID`` → ``PPID``: a confused letter of a known acronym, or a thin one (I, l,
        1) OCR read twice. Not a letter more or less otherwise: acronyms a letter apart
        are all in use (`PPKD` is no misread `PKD`, nor `PKPR` of `PKKPR`)."""
        word = token.text
        if len(word) < MIN_LENGTH:
            return False
        thin_extra = {word[:at] + word[at + 1 :] for at in range(len(word)) if word[at] in THIN_GLYPHS}
        near = [
            term
            for length in (len(word) - 1, len(word))
            for term in self._acronyms.get(length, ())
            if (length == len(word) or term in thin_extra)
            and Levenshtein.distance(word, term, score_cutoff=2) <= 2
            and ocr_cost(word, term) <= 0.6
        ]
        if len(near) == 1:
            changes.append(Change(token.start, token.end, near[0], similarity(word, near[0]), "vocabulary"))
            return True
        return False

    def _exclamation(self, text: str, token: Token, column: str, changes: list[Change]) -> bool:
        """``hasi!``, ``Nila!``, ``melalu!``: Tesseract reads a word's last ``l`` or ``i``
        as ``!``. The word with that letter again replaces both, if one of the two is a
        listed word and the other is not, and the word as read is unknown, or a rarer
        word than the one with the letter in the general list and in plan tables
        (``Bala!``: ``Balai``; never ``basi!``: ``basil``)."""
        after = token.end + 1
        if (
            text[token.end : after] != "!"
            or text[after : after + 1].isalnum()
            or len(token.text) < 3
            or not token.text.isalpha()
            or token.text.isupper()
        ):
            return False
        readings = [token.folded + letter for letter in "li" if self.is_known(token.folded + letter)]
        if len(readings) != 1:
            return False
        word = readings[0]
        if self.is_known(token.folded) and not (
            self._listed(word)
            and self.lexicon.zipf(word) > self.lexicon.zipf(token.folded)
            and self.plan_words().zipf(word) > self.plan_words().zipf(token.folded)
        ):
            return False
        score = similarity(token.text, word)
        if score < self.min_score:
            return False
        changes.append(Change(token.start, after, self.spelled(token.text, word), score, "pattern"))
        return True

    def _acronym_glued(self, token: Token, changes: list[Change]) -> bool:
        """``PPKdan``, ``KTPelektronik``: a known acronym with a lower-case word glued
        on (not a suffix: `SAKIPnya` is written so)."""
        match = ACRONYM_GLUED.fullmatch(token.text)
        if match is None:
            return False
        acronym, rest = match.groups()
        if len(acronym) == 2 and acronym[0] == acronym[1] and self._listed(acronym[0].lower() + rest):
            return False  # `UUsaha`: a capital read twice, not `UU` and `saha`
        if (
            not self._known_acronym(acronym)
            or rest in JOIN_SUFFIXES
            or rest in SUFFIX_PIECES
            or not (rest in FUNCTION_WORDS or (self._listed(rest) and len(rest) >= 4))
        ):
            return False
        to = f"{acronym} {rest}"
        changes.append(Change(token.start, token.end, to, similarity(token.text, to), "vocabulary"))
        return True

    def _derived_word(
        self, text: str, token: Token, column: str, changes: list[Change], choices: list[Choice]
    ) -> None:
        """A word valid only by our affix rules (``kedilan`` = ke- + dil + -an) is weaker
        evidence than a listed word: a common listed word one OCR slip away
        (``keadilan``), with no rival, replaces it, unless the word's root is a KBBI word
        in use (``penambalan``, from ``tambal``); never when that root has six letters or
        more (``pemadanan``, from ``padanan``, is no ``pemadaman``). Listed words are
        never changed. As in ``_change``, a general word under ten letters a plain edit
        away needs the document (on real OCR: `Fastasi` → `Fantasi` for `Fasilitasi`)."""
        if len(token.text) < 6 or token.text.isupper() or self._prefixed_kbbi_root(token.folded, KEPT_ROOT):
            return
        better = self._listed_instead(text, token, column, cheap_only=self._trusted_derivation(token.folded))
        if better is not None:
            to, score = better
            change = Change(token.start, token.end, to, score, self.source(to))
            word = to.casefold()
            if (
                change.by == "lexicon"
                and len(word) < CONFIRM_SHORTER_THAN
                and ocr_cost(token.folded, word) >= CONFIRM_FROM
            ):
                choices.append(Choice(change, word, (), None))  # as `_change` does (`Fastasi`)
            else:
                changes.append(change)
            return
        if maybe_name(text, token) or self._prefixed_kbbi_root(token.folded, min_root=SURE_ROOT):
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
            change = Change(token.start, token.end, to, score, self.source(best))
            choices.append(Choice(change, best, (rival,) if rival else (), None))

    def _unknown_word(
        self,
        text: str,
        token: Token,
        column: str,
        changes: list[Change],
        doubts: list[tuple[str, str]],
        choices: list[Choice],
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
                self._change(
                    text, token, paired, similarity(token.folded, paired), 0.0, column, changes, choices
                )
                if changes and changes[-1].start == token.start:
                    # the document may still prefer the nearer word: if it writes it and
                    # not the phrase's, the nearer one is taken instead
                    nearer = self._replacement(text, token, best, score, column)
                    choices.append(Choice(nearer, best, (paired,), None, changes[-1]))
                return
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
            if len(word) >= ANY_CUT_TOKEN and self._split_and_fix(
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
            if not maybe_name(text, token):
                change = Change(token.start, token.end, to, score, self.source(best))
                choices.append(Choice(change, best, (rival,), doubt))
            return
        self._change(text, token, best, score, cost, column, changes, choices)

    def _change(
        self,
        text: str,
        token: Token,
        best: str,
        score: float,
        cost: float,
        column: str,
        changes: list[Change],
        choices: list[Choice],
    ) -> None:
        """Replace ``token`` by ``best``; a general word of fewer than ten letters a plain
        edit or more away, or one not in use (``_in_use``), only if the document writes
        it too. Real OCR garbles a word
        into another's neighbour: on the development set's scans (``make eval-ocr``),
        changes to general words were wrong one time in five, to domain words one in a
        hundred, and the shorter the word the likelier a wrong one."""
        change = self._replacement(text, token, best, score, column)
        if change.by == "lexicon" and (
            (cost >= CONFIRM_FROM and len(best) < CONFIRM_SHORTER_THAN) or not self._in_use(best)
        ):
            if not maybe_name(text, token):
                choices.append(Choice(change, best, (), None))
            return
        changes.append(change)

    def _near_miss(
        self, text: str, token: Token, column: str, capitalized: bool, choices: list[Choice]
    ) -> None:
        """``jumlh``: a word a little too far from its nearest for a change on its own
        (one plain edit in a short word), with nothing else near, or with near words it
        leads by less than a clear margin (``daera``: ``daerah``, ``dara``, ``dera``). The
        document decides: it is changed if the document writes that word elsewhere, and
        none of those near words."""
        if maybe_name(text, token):
            return
        best, score, _rival = self._choose(token.folded, column, capitalized=capitalized, loose=True)
        if best is not None:
            glued = ocr_cost(token.folded, best) > CONTEXT_ALLOWED and self._two_words(token.folded)
            if not glued and not same_root(token.folded, best, self.lexicon):
                to = self.spelled(self._shape(text, token, best, column), best)
                choices.append(
                    Choice(Change(token.start, token.end, to, score, self.source(best)), best, (), None)
                )
            return
        # near words almost as likely as each other (`daera`: `daerah` leads `dara` and
        # `dera` by less than a clear margin): the leader, if the document writes it and
        # none of the others; in a near tie (`santr`: `santri`, `santer`), where a
        # document's own misread would decide too often, if it writes the leader twice
        ranked = self._ranked(token.folded, column)
        if len(ranked) < 2:
            return
        times = 1 if ranked[1][0] - ranked[0][0] >= TIE_LEAD else TIE_TIMES
        combined, cost, best = ranked[0]
        score = similarity(token.folded, best)
        if cost > CONTEXT_ALLOWED or score < self.min_score or same_root(token.folded, best, self.lexicon):
            return
        rivals = tuple(word for value, _cost, word in ranked[1:] if value - combined < MARGIN)
        to = self.spelled(self._shape(text, token, best, column), best)
        change = Change(token.start, token.end, to, score, self.source(best))
        choices.append(Choice(change, best, rivals, None, times=times))

    def _derived_reading(
        self, text: str, token: Token, column: str, changes: list[Change], choices: list[Choice]
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
            for seen, true in STRONG_MULTI
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
                change = Change(token.start, token.end, to, score, "lexicon")
                reading = valid[0]
                if self._in_use(reading) or (
                    reading in multi and (self._listed(reading) or self._sure_root(reading))
                ):
                    changes.append(change)
                else:  # a form only affix rules or the stems know: real OCR misreads into such forms
                    choices.append(Choice(change, valid[0], (), None))
                return True
        return False
