"""Case rules: the case a correction takes from the word and the words around, and
capitals Tesseract reads for lower-case letters (``tepat Waktu``)."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from rakparse.correct.cell import Change, Token
from rakparse.correct.confusions import similarity
from rakparse.correct.knowledge import Knowledge
from rakparse.correct.plancase import around
from rakparse.correct.rules import (
    COMMON_SLOT,
    GRADE_WORDS,
    JOIN_KEEP,
    LOOKALIKE_CAPITALS,
    PLACE_WORDS,
    STOPWORDS,
    TOKEN_RE,
    UNIT_COLUMNS,
)


class CaseRules(Knowledge):
    """The case a correction takes, and capitals read for lower-case letters."""

    def _case_slips(self, text: str, tokens: list[Token], changes: list[Change], done: set[int]) -> None:
        """``tepat Waktu``, ``anak Yang tidak``: Tesseract reads a lower-case letter whose
        capital looks alike (w, y, k, s, i...) as that capital. A common KBBI word so
        read inside a sentence in lower case takes lower case again."""
        changed = {change.start for change in changes}  # a phrase matched as written leaves it
        words = [token.text for token in tokens]

        def mended(number: int) -> bool:
            token = tokens[number]
            return any(change.start < token.end and token.start < change.end for change in changes)

        for number, token in enumerate(tokens):
            if token.start in changed or not self._case_slip(words, number):
                continue
            if mended(number - 1) or mended(number + 1):
                continue  # the words around, as read, are no context (`Badan P usat Statistik`)
            lower = token.text.lower()
            changes.append(Change(token.start, token.end, lower, similarity(token.text, lower), "lexicon"))
            done.add(number)

    def _case_slip(self, words: list[str], number: int) -> bool:
        """Is ``words[number]`` a common word whose first letter OCR read as a capital?
        The word before must be a lower-case KBBI word that is no function word (title
        case keeps those lower: `Bagian Umum dan Keuangan`), the word after a lower-case
        KBBI word (at a cell's end, a name is as likely: `warga negara Indonesia`), and
        not a function word before a capital (`pengawasan Obat dan Makanan` is a name).
        Never the first word of a unit's name: a plan names its own unit so (`realisasi
        anggaran Kantor`, `kinerja Sekretariat`)."""
        word = words[number]
        if not 0 < number < len(words) - 1 or len(word) < 3 or word[:1] not in LOOKALIKE_CAPITALS:
            return False
        before, after = words[number - 1], words[number + 1]
        if not (word[1:].islower() and before.islower() and after.islower()) or before in JOIN_KEEP:
            return False
        if (
            (after in JOIN_KEEP or len(after) <= 3)
            and number + 2 < len(words)
            and words[number + 2][:1].isupper()
        ):
            return False  # a name in title case: `pengawasan Obat dan Makanan` (or `don`, misread)
        if (
            number >= 3
            and words[number - 2][:1].isupper()
            and not words[number - 2].isupper()
            and self._plain_word(words[number - 2])
        ):
            return False  # a name in title case, one word of it misread: `Gempur kok Ilegal`
        folded = word.casefold()
        if folded in self._unit_heads:
            return False
        rank = self.lexicon.ranks.get(folded)
        return (
            rank is not None
            and rank <= COMMON_SLOT
            and self.lexicon.kbbi(folded)
            and folded not in self.lexicon.non_kbbi
            and not self.vocab.terms.get(folded, "")[:1].isupper()  # a domain name (`Bawaslu`)
            and before.casefold() not in PLACE_WORDS
            and before.casefold() not in GRADE_WORDS
            and self._plain_word(before)
            and self._plain_word(after)
        )

    def _replacement(self, text: str, token: Token, word: str, score: float, column: str) -> Change:
        """``token`` replaced by ``word`` (folded), spelled as the vocabulary spells it in
        the case ``_shape`` gives it."""
        to = self.spelled(self._shape(text, token, word, column), word)
        return Change(token.start, token.end, to, score, self.source(word))

    def _shape(self, text: str, token: Token, candidate: str, column: str) -> str:
        """The case pattern to give ``candidate``: the token's own, unless OCR lost the
        first letter or its case (``erwujudnya``, ``ckonsiliasi``, ``5uara``, ``lnstansi``,
        ``Iogistik``); then the cell start, the words around, and how plan tables write
        the word between words of their kinds (``plancase``) decide between Title and
        lower case."""
        word = token.text
        if len(word) > 1 and (word.isupper() or (word[0] == "l" and word[1:].isupper())):
            return word.upper()  # capitals; `lNSPEKTORAT`: an I read as l starts them
        if not self._first_letter_lost(word, candidate):
            if self._capital_slip(text, token, candidate, column):
                return "xx"
            if (
                column in UNIT_COLUMNS
                and word[:1].islower()
                and candidate.casefold() not in JOIN_KEEP
                and text[token.start - 1 : token.start] != "-"  # `Perundang-undangan` as written
                and (self._in_title_run(text, token) or self._ends_title_run(text, token))
            ):
                # a misread word of a unit's name, inside or ending a run of Title words:
                # its capital was lost too (`Bidang tnforiasi Adinustrasi`, `Hubungan
                # Industrial dan jamikan Sosial`, `Seksi Penegakan Hukum lahgkungan`)
                return "Xx"
            return word
        before = text[: token.start].rstrip()
        if not before or before[-1] in ".:;(":
            return "Xx"
        # function words say nothing of the case around them; nor do words with digits,
        # misreads (`dar1`) whose case is as unsure as the token's
        words_before, words_after = TOKEN_RE.findall(before)[1:], TOKEN_RE.findall(text[token.end :])
        earlier = [w for w in words_before if w.casefold() not in STOPWORDS]
        later = [w for w in words_after if w.casefold() not in STOPWORDS and w.isalpha()]
        if column in UNIT_COLUMNS and candidate.casefold() not in STOPWORDS:
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
        if candidate.casefold() in STOPWORDS:
            return "xx"  # title case keeps `dan`, `di`, `untuk` lower (`Pencegahan aon Kesiapsiagaan`)
        if self._verb(candidate.casefold()):
            # a verb (`memperoleh`, `ditempatkan`) rarely starts a name: lower case,
            # unless inside a run of Title words
            title = bool(earlier) and earlier[-1][:1].isupper() and not earlier[-1].isupper()
            return "Xx" if title and (not later or later[0][:1].isupper()) else "xx"
        # how plan tables write this word between words of these kinds (``plancase``):
        # `data 5istem Informasi`, `diawasi enerapan Sistem`, `Nomor 21 ahun 2020`
        return (
            "Xx" if self.plan_case().title(candidate.casefold(), *around(words_before, words_after)) else "xx"
        )

    def _in_title_run(self, text: str, token: Token) -> bool:
        """Are the two words after ``token`` (function words aside) Title case, as in a
        unit's name (`Bidang tmfrastruktur Teknologi Informasi`)?"""
        later = [w for w in TOKEN_RE.findall(text[token.end :]) if w.casefold() not in STOPWORDS][:2]
        return len(later) == 2 and all(w[:1].isupper() and not w.isupper() for w in later)

    def _ends_title_run(self, text: str, token: Token) -> bool:
        """Does ``token`` end its cell after two Title words (function words aside)?"""
        earlier = [w for w in TOKEN_RE.findall(text[: token.start]) if w.casefold() not in STOPWORDS][-2:]
        later = [w for w in TOKEN_RE.findall(text[token.end :]) if w.casefold() not in STOPWORDS]
        return not later and len(earlier) == 2 and all(w[:1].isupper() and not w.isupper() for w in earlier)

    def _capital_slip(self, text: str, token: Token, candidate: str, column: str) -> bool:
        """``pengelolaan Kevangan daerah``: a capital whose lower case looks alike (see
        ``_case_slip``) on a misread word inside a sentence, between lower-case words
        (function words aside), is that lower-case letter."""
        word = token.text
        if word[:1] not in LOOKALIKE_CAPITALS or candidate[:1].casefold() != word[:1].casefold():
            return False
        if not word[1:].islower():
            return False  # camel case (`WhatsApp`) is a name's own spelling
        if text[token.start - 1 : token.start] == "-":
            return False  # the part after a hyphen keeps the case written (`e-Court`)
        if column in UNIT_COLUMNS or self.vocab.terms.get(candidate.casefold(), "")[:1].isupper():
            return False
        if candidate.casefold() in self._unit_heads:
            return False  # `kearsipan Kantwr`: a plan names its own unit so (see `_case_slip`)
        earlier = [w for w in TOKEN_RE.findall(text[: token.start]) if w.casefold() not in STOPWORDS]
        later = [w for w in TOKEN_RE.findall(text[token.end :]) if w.casefold() not in STOPWORDS]
        # the word after must be a listed word as written: a misread one may have lost its
        # capital
        if len(earlier) < 2 or not earlier[-1].islower():
            return False
        if not later:  # at the cell's end, two lower-case words before it, listed ones
            return bool(earlier[-2].islower() and self._listed(earlier[-1].casefold()))
        return bool(later[0].islower() and later[0].isalpha() and self._listed(later[0].casefold()))

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
