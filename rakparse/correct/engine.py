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

The rules live in layers, each a class built on the one before (see
``rakparse.correct``): ``knowledge`` → ``case`` → ``glue`` → ``phrases`` → ``words``;
this module's ``Corrector`` runs them over a cell in order and lets the document
settle what a cell alone leaves in doubt: by the words it writes, and by the words
it writes side by side (``document``); what the document leaves, the words plan
tables in general write side by side may settle (``pairs``).

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
from collections.abc import Sequence, Set

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from rakparse.correct import snapshot
from rakparse.correct.abbreviations import cell_abbreviations, misread_abbreviations
from rakparse.correct.cell import Change, Choice, Fixed, Result, Token, place_name
from rakparse.correct.confusions import ocr_cost, similarity
from rakparse.correct.document import DocumentWords, neighbours
from rakparse.correct.lexicon import load_lexicon, roots
from rakparse.correct.longlived import long_lived
from rakparse.correct.rules import (
    COORDINATED,
    DEFAULT_MIN_SCORE,
    FUNCTION_WORDS,
    HAS_DIGIT,
    JOIN_SUFFIXES,
    PAIRS_KEEP_RANK,
    PAIRS_REAL_ALLOWED,
    PASS_THROUGH,
    PLACE_WORDS,
    REPEATED_KEEP,
    REPEATED_PLAIN,
    SHORT_WORDS,
    STOPWORDS,
    TOKEN_RE,
    UNIT_COLUMNS,
    URL_RE,
    YEARS,
    apply_case,
    same_root,
)
from rakparse.correct.vocabulary import Phrase, VocabEntry, load_vocabulary, vocabulary_entries, words_of
from rakparse.correct.words import WordRules
from rakparse.model import Correction, CorrectionBy, Notice

__all__ = ["DEFAULT_MIN_SCORE", "Corrector", "Fixed", "VocabEntry", "load_corrector", "vocabulary_entries"]


class Corrector(WordRules):
    """Fixes OCR errors in the cells of a RAK table; build it with ``load_corrector``."""

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
        self._slips.clear()
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
        capitalized word inside a cell. Given as ``document_words`` returns it, the
        document's word pairs also settle a word the cell writes once
        (``_by_neighbours``)."""
        if not self.enabled or column in PASS_THROUGH or not text.strip():
            return Fixed(text, (), ())
        key = (text, column)
        result = self._cache.get(key)
        if result is None:
            result = self._fix(text, column)
            if len(self._cache) < 50_000:
                self._cache[key] = result
        if context and result.choices:
            result = self._decide(result, context)
        if result.choices:
            result = self._by_pairs(result)
        if isinstance(context, DocumentWords) and column != "label":
            if result.original:
                result = self._real_words_by_pairs(result, context, column)
            result = self._by_neighbours(result, context, column)
            result = self._function_words_by_pairs(result, context)
            if context.defined and result.applied:
                result = self._keep_defined(result, context.defined)
            if result.applied:
                result = self._keep_repeated(result, context)
        if result.original and "(" in result.original:
            result = self._abbreviations_by_initials(
                result, context if isinstance(context, DocumentWords) else None
            )
        return Fixed(
            result.text,
            tuple(Correction(line, old, new, score, by) for old, new, score, by in result.changes),
            tuple(Notice(line, code, message) for code, message in result.doubts),
        )

    def document_words(self, text: str) -> frozenset[str]:
        """The words of a document's text, folded, with how often and beside which
        others each is written: the ``context`` of ``fix``. Every word counts, listed
        or not: a rival may be a derivation the lists lack."""
        if not self.enabled:
            return frozenset()
        return DocumentWords.of(text)

    def _decide(self, result: Result, context: Set[str]) -> Result:
        """Take each doubtful near word the document uses (as often as the choice asks)
        and its rivals do not."""
        counts = context.counts if isinstance(context, DocumentWords) else None

        def written(choice: Choice) -> bool:
            if choice.best not in context:
                return False
            return choice.times <= 1 or (counts is not None and counts[choice.best] >= choice.times)

        taken = [c for c in result.choices if written(c) and not any(r in context for r in c.rivals)]
        return self._take(result, taken)

    def _by_pairs(self, result: Result) -> Result:
        """Take each doubtful near word that RAK text writes beside this one's neighbours,
        where none of its rivals is so written (``rapat koordinasl``: ``koordinasi``)."""
        pairs = self.word_pairs()
        text = result.original

        def beside(word: str, before: str | None, after: str | None) -> bool:
            return pairs.has(before, word) or pairs.has(word, after)

        taken = []
        for choice in result.choices:
            if choice.times > 1:
                continue  # a near tie: the document's own words settle it, or nothing does
            before, after = neighbours(text, choice.change.start, choice.change.end)
            if beside(choice.best, before, after) and not any(
                beside(rival, before, after) for rival in choice.rivals
            ):
                taken.append(choice)
        return self._take(result, taken)

    def _real_words_by_pairs(self, result: Result, document: DocumentWords, column: str) -> Result:
        """A real word is changed for the one word it may be misread from that plan
        tables write beside both its neighbours, when they write it beside neither
        (`laporan fisik dam keuangan` → `dan`, `realisasi kenangan` → `keuangan`). Only in
        a cell that holds an unknown word (OCR damaged it), for a commoner word that the
        document writes elsewhere, a slip away; never a word the document writes twice, a
        common one, a form of the same root, a word in capitals, or a place's name."""
        text = result.original
        pairs = self.word_pairs()
        ranks = self.lexicon.ranks
        unranked = len(ranks) + 1
        vocabulary, counts = self.vocab.words, document.counts
        suspects = {
            word
            for word in set(TOKEN_RE.findall(text.casefold()))
            if counts[word] == 1 and ranks.get(word, unranked) > PAIRS_KEEP_RANK
        }
        if not suspects:
            return result
        taken: list[Change] = []
        for match in TOKEN_RE.finditer(text):
            word = match.group()
            folded = word.casefold()
            if (
                folded not in suspects
                or len(folded) < 3
                or not folded.isalpha()
                or word.isupper()
                or folded in vocabulary
                or not self.is_known(folded)
                or _overlaps(result.applied, match.start(), match.end())
            ):
                continue
            rank = ranks.get(folded, unranked)
            before, after = neighbours(text, match.start(), match.end())
            if (
                before is None
                or after is None
                or before in PLACE_WORDS
                or pairs.has(before, folded)
                or pairs.has(folded, after)
            ):
                continue
            found = [
                other
                for other in document.near(folded)
                if ranks.get(other, unranked) < rank
                and pairs.has(before, other)
                and pairs.has(other, after)
                and ocr_cost(folded, other) <= PAIRS_REAL_ALLOWED
                and not same_root(folded, other, self.lexicon)
            ]
            if len(found) == 1:
                best = found[0]
                score = similarity(folded, best)
                if score < self.min_score:
                    continue
                if best in STOPWORDS and text[: match.start()].strip():
                    # a function word inside a cell is lower case, in a title too (`Kerja Dam Edukasi`)
                    taken.append(Change(match.start(), match.end(), best, score, self.source(best)))
                else:
                    token = Token(word, match.start(), match.end())
                    taken.append(self._replacement(text, token, best, score, column))
        if not taken:
            return result
        return self._apply(text, [*result.applied, *taken], list(result.doubts), result.choices)

    def _abbreviations_by_initials(self, result: Result, document: DocumentWords | None) -> Result:
        """An acronym alone in a parenthesis one slip from the initials of the words before
        it, as corrected, is those initials (`Calon Pekerja Migran Indonesia (CHMI)` →
        `CPMI`) when they are a vocabulary acronym or one the document writes elsewhere,
        and the document writes the acronym as read nowhere else (see
        ``misread_abbreviations``). The last pass: it works on the corrected text."""
        text = result.text
        made = {new for _old, new, _score, _by in result.changes}
        parts: list[str] = []
        records = list(result.changes)
        position = 0
        for start, end, readings in misread_abbreviations(text):
            written = text[start:end]
            folded = written.casefold()
            if folded in self.vocab.words or written in made:
                continue
            if document is not None and document.counts[folded] > 1:
                continue
            sure = [
                letters
                for letters in readings
                if self.vocab.words.get(letters.casefold(), "").isupper()
                or (document is not None and document.counts[letters.casefold()] > 0)
            ]
            if len(sure) != 1:
                continue
            best = sure[0]
            score = similarity(folded, best.casefold())
            if score < self.min_score:
                continue
            by: CorrectionBy = "vocabulary" if best.casefold() in self.vocab.words else "pattern"
            parts += [text[position:start], best]
            records.append((written, best, score, by))
            position = end
        if not parts:
            return result
        return Result("".join([*parts, text[position:]]), tuple(records), result.doubts)

    def _function_words_by_pairs(self, result: Result, document: DocumentWords) -> Result:
        """A rare real word one slip from a function word, in any cell, is that function
        word when plan tables write the function word beside one of its neighbours and
        the written word beside neither (`taman don jalur hijau` → `dan`; on real scans
        `melalu`, `dangan`, `dalami` → `melalui`, `dengan`, `dalam`). Never a word the
        document writes twice or with another word it writes as near (`dani` may be
        `dana`), nor one of those ``_function_slips`` leaves out; and the change clears
        `--min-score`."""
        text = result.original or result.text
        slips = self._function_slips
        if not any(slips(word) for word in TOKEN_RE.findall(text)):
            return result  # most cells
        taken: list[Change] = []
        for match in TOKEN_RE.finditer(text):
            word = match.group()
            found = slips(word)
            if (
                not found
                or document.counts[word] > 1
                or _overlaps(result.applied, match.start(), match.end())
            ):
                continue
            before, after = neighbours(text, match.start(), match.end())
            pairs = self.word_pairs()
            if before is None or after is None or pairs.has(before, word) or pairs.has(word, after):
                continue
            attested = [
                function for function in found if pairs.has(before, function) or pairs.has(function, after)
            ]
            if len(attested) != 1:
                continue
            best = attested[0]
            score = similarity(word, best)
            if score < self.min_score or any(
                other != best and ocr_cost(word, other) <= PAIRS_REAL_ALLOWED for other in document.near(word)
            ):
                continue
            taken.append(Change(match.start(), match.end(), best, score, "lexicon"))
        if not taken:
            return result
        return self._apply(text, [*result.applied, *taken], list(result.doubts), result.choices)

    def _function_slips(self, word: str) -> tuple[str, ...]:
        """The function words a rare word as written (lower case) is one slip from, for
        ``_function_words_by_pairs``; none for any other word: an unknown word, one of
        the thousand commonest, a vocabulary word, or one plan tables write (`dana`, and
        `dam` of `dam penahan`). Cached per word."""
        found = self._slips.get(word)
        if found is None:
            found = ()
            rank = self.lexicon.ranks.get(word)
            if (
                len(word) >= 3
                and word.isalpha()
                and word.islower()
                and word not in FUNCTION_WORDS
                and rank is not None  # an unknown word is the other passes' (a doubt stays theirs)
                and rank > PAIRS_KEEP_RANK
                and word not in self.vocab.words
                and self.plan_words().zipf(word) == 0  # plan tables write it (`dana`)
            ):
                found = tuple(
                    function
                    for function in FUNCTION_WORDS
                    if Levenshtein.distance(word, function, score_cutoff=2) <= 2
                    and ocr_cost(word, function) <= PAIRS_REAL_ALLOWED
                )
            self._slips[word] = found
        return found

    def _take(self, result: Result, taken: list[Choice]) -> Result:
        """``result`` with the changes of the choices ``taken`` made, and their doubts settled."""
        if not taken:
            return result
        settled = {choice.doubt for choice in taken}
        undone = [choice.replaces for choice in taken if choice.replaces is not None]
        return self._apply(
            result.original,
            [
                *(change for change in result.applied if change not in undone),
                *(choice.change for choice in taken),
            ],
            [doubt for doubt in result.doubts if doubt not in settled],
            [choice for choice in result.choices if choice not in taken],
        )

    def _by_neighbours(self, result: Result, document: DocumentWords, column: str) -> Result:
        """Change a word the document writes only here for the one word it writes at
        least twice a slip away *beside the same neighbours* (``Kencana Aksi`` where it
        writes ``Rencana Aksi`` twice). A real word is changed so only for a commoner
        one, one plain edit away (``dalan``, ``dalam``); a word neither list knows, for
        a real one up to two edits away. Never a word's other form, nor a place's name."""
        text = result.original or result.text
        if result.changes and not result.original:
            return result  # a label's result: its changes are not kept apart
        taken: list[Change] = []
        for match in TOKEN_RE.finditer(text):
            word = match.group()
            folded = word.casefold()
            if (
                len(folded) < 4
                or not folded.isalpha()
                or document.counts[folded] > 1
                or folded in self.vocab.words
                or _overlaps(result.applied, match.start(), match.end())
            ):
                continue
            before, after = neighbours(text, match.start(), match.end())
            if before in PLACE_WORDS:
                continue
            best = self._neighbours_word(folded, before, after, document)
            if best is None:
                continue
            score = similarity(folded, best)
            if score < self.min_score:
                continue
            taken.append(
                self._replacement(text, Token(word, match.start(), match.end()), best, score, column)
            )
        if not taken:
            return result
        spans = {(change.start, change.end) for change in taken}
        settled = tuple(f"'{text[start:end]}' " for start, end in spans)
        return self._apply(
            text,
            [*result.applied, *taken],
            [doubt for doubt in result.doubts if not doubt[1].startswith(settled)],
            [choice for choice in result.choices if (choice.change.start, choice.change.end) not in spans],
        )

    def _keep_defined(self, result: Result, defined: frozenset[str]) -> Result:
        """Undo a change of an abbreviation the document defines elsewhere
        (`Kelompok Masyarakat (Pokmas)`, then `pembinaan Pokmas`): the writer's word."""
        text = result.original
        return self._undo(
            result,
            [
                change
                for change in result.applied
                if not change.forced and text[change.start : change.end].casefold() in defined
            ],
        )

    def _keep_repeated(self, result: Result, document: DocumentWords) -> Result:
        """Undo the change of a word neither list knows that the document writes three
        times or more, exactly so, and never as changed: the writer's word, a name or a
        term (`Paniradya Kaistimewan`, `kalurahan`), not a misread, which seldom repeats.
        Not where the change undoes a known OCR confusion (`ganun` for `qanun`,
        `perbutanan`): Tesseract repeats those through a whole scan. Likewise a capital
        taken for a case slip, written so three times and never in lower case
        (`kawasan Istana`)."""
        text = result.original
        undone = []
        for change in result.applied:
            written = text[change.start : change.end]
            folded = written.casefold()
            if change.forced or not folded.isalpha():
                continue
            if change.to.casefold() == folded:
                # only the case changed (a case slip): a capital written so three times,
                # and never in lower case, is the writer's too (`kawasan Istana`, a plan
                # naming its own palace); Tesseract's slips come with right readings
                if document.as_written[written] >= REPEATED_KEEP and not document.as_written[change.to]:
                    undone.append(change)
                continue
            if document.counts[folded] < REPEATED_KEEP or self.is_known(folded):
                continue
            made = change.to.casefold()
            if ocr_cost(folded, made) < REPEATED_PLAIN or any(
                document.counts[word] for word in TOKEN_RE.findall(made)
            ):
                continue
            undone.append(change)
        return self._undo(result, undone)

    def _undo(self, result: Result, undone: list[Change]) -> Result:
        """``result`` without the applied changes ``undone``, and their doubts."""
        if not undone:
            return result
        text = result.original
        settled = tuple(f"'{text[change.start : change.end]}' " for change in undone)
        return self._apply(
            text,
            [change for change in result.applied if change not in undone],
            [doubt for doubt in result.doubts if not doubt[1].startswith(settled)],
            result.choices,
        )

    def _neighbours_word(
        self, folded: str, before: str | None, after: str | None, document: DocumentWords
    ) -> str | None:
        """The one word the document's pairs say ``folded`` was misread from, if any."""
        known = self.is_known(folded)
        ranks = self.lexicon.ranks
        rank = ranks.get(folded, len(ranks) + 1)
        found = [
            word
            for word in document.beside_words(before, after)
            if len(word) >= 4
            and word != folded
            and document.counts[word] >= 2
            and Levenshtein.distance(folded, word, score_cutoff=2) <= (1 if known else 2)
            and document.beside(word, before, after) >= 2
            and (word in self.vocab.words or self.is_known(word))
            and ocr_cost(folded, word) <= (1.0 if known else 2.0)
            and (not known or ranks.get(word, len(ranks) + 1) < rank)
            and not same_root(folded, word, self.lexicon)
        ]
        return found[0] if len(found) == 1 else None

    # -- the passes ---------------------------------------------------------

    def _fix(self, text: str, column: str) -> Result:
        if column == "label":
            return self._fix_label(text)
        if self._nothing_to_fix(text):
            return Result(text, (), ())
        return self._passes(text, column)

    def _passes(self, text: str, column: str) -> Result:
        """Every pass over one cell, in order (``_nothing_to_fix`` is their shortcut)."""
        changes: list[Change] = []
        doubts: list[tuple[str, str]] = []
        choices: list[Choice] = []
        protected = [(m.start(), m.end()) for m in URL_RE.finditer(text)]
        tokens = [
            Token(m.group(), m.start(), m.end())
            for m in TOKEN_RE.finditer(text)
            if not any(s <= m.start() < e for s, e in protected)
        ]
        done: set[int] = set()  # token indexes already decided
        self._forced(text, tokens, changes, done, doubts)
        self._joins(text, tokens, column, changes, done)
        self._phrases(text, tokens, column, changes, done)
        self._function_words(text, tokens, changes, done)
        if column not in UNIT_COLUMNS:  # a unit's name is Title case (`Seksi Sarana dan Prasarana`)
            self._case_slips(text, tokens, changes, done)
        for number, token in enumerate(tokens):
            if number in done or self._beside_fragment(text, tokens, number, done):
                continue
            if number and place_name(text, tokens[number - 1], token):
                continue  # `Desa Gunungsari` is a name, not `Gunungan` or `Gunung sari`
            if not self._exclamation(text, token, column, changes):
                self._word(text, token, column, changes, doubts, choices)
        return self._defined_as_written(self._apply(text, changes, doubts, choices))

    def _defined_as_written(self, result: Result) -> Result:
        """Undo a change of the word a parenthesis opens with when the corrected words
        before it define it (`Kelompook Masyarakot (Pokmas)`: read as written, the
        misread words hid the definition that `_word` looks for)."""
        text = result.original
        opened = [
            change
            for change in result.applied
            if not change.forced and text[: change.start].rstrip().endswith("(")
        ]
        if not opened:
            return result
        others = [change for change in result.applied if change not in opened]
        defined = cell_abbreviations(self._apply(text, others, []).text)
        return self._undo(
            result, [change for change in opened if text[change.start : change.end].casefold() in defined]
        )

    def _nothing_to_fix(self, text: str) -> bool:
        """A quick look that most cells pass: every token is a number or a listed word
        that is not rare (or a short piece without digits), no forced entry applies,
        nothing calls for a join, and no phrase placement differs by exactly one word.
        Such a cell is left as written by every pass below, so they need not run."""
        if _BANG.search(text):
            return False  # `Nila!`: see ``_exclamation``
        folded = [word.casefold() for word in TOKEN_RE.findall(text)]
        plain = self._plain
        for word in folded:
            verdict = plain.get(word)
            if verdict is None:
                verdict = (word.isdigit() and (len(word) != 4 or int(word) in YEARS)) or (
                    not HAS_DIGIT.search(word)
                    and word not in self._forced_words
                    and word not in JOIN_SUFFIXES
                    and (
                        (self._listed(word) and not self._rare_word(word))  # a phrase may take `Milk`
                        or (len(word) <= 2 and word not in SHORT_WORDS)
                    )
                    and not self._slot_suspect(word)
                )
                plain[word] = verdict
            if not verdict:
                return False
        for a, b in itertools.pairwise(folded):
            if self._listed(a + b):
                return False  # maybe a split word (`Bada n`)
            if b.isdigit() and self._number_word(a, len(b)):
                return False  # `tahan 2024`: see ``_before_number``
        words = TOKEN_RE.findall(text)
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

    def _beside_fragment(self, text: str, tokens: list[Token], number: int, done: set[int]) -> bool:
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
        changes: list[Change],
        doubts: list[tuple[str, str]],
        choices: Sequence[Choice] = (),
    ) -> Result:
        changes.sort(key=lambda change: change.start)
        changes, doubts = self._without_echoes(text, changes, doubts)
        parts: list[str] = []
        records: list[tuple[str, str, float, CorrectionBy]] = []
        position = 0
        for change in changes:
            if change.start < position:
                continue  # overlaps an earlier change
            if change.to == text[change.start : change.end]:
                continue  # a reading that is the word as written (`P4GN` in the vocabulary): no change
            parts.append(text[position : change.start])
            parts.append(change.to)
            records.append((text[change.start : change.end], change.to, change.score, change.by))
            position = change.end
        parts.append(text[position:])
        return Result("".join(parts), tuple(records), tuple(doubts), text, tuple(changes), tuple(choices))

    def _without_echoes(
        self, text: str, changes: list[Change], doubts: list[tuple[str, str]]
    ) -> tuple[list[Change], list[tuple[str, str]]]:
        """Drop a change that makes a word the same as its partner across `dan`, `atau`
        or `serta` (`Penyldikan dan Penyidikan`; `Pendrtaan dan pendatran`, both read
        `pendataan`): a plan does not coordinate a word with itself, so the change took
        the near word of another. Of two changes making the same word, the lower scored
        goes (both on a tie). What goes is reported as a doubt; forced entries stay."""
        if not changes or not COORDINATED.search(text):
            return changes, doubts
        spans = {(change.start, change.end): change for change in changes}
        echoes: dict[int, str] = {}  # id of a dropped change → the word between
        for match in COORDINATED.finditer(text):
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
        tokens: list[Token],
        changes: list[Change],
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
                    Change(match.start(), match.end(), entry.term, 100.0, "vocabulary", forced=True)
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
                changes.append(Change(token.start, token.end, to, 100.0, "vocabulary", forced=True))
                done.add(number)
                self._note_conflict(entry, doubts)

    def _note_conflict(self, entry: VocabEntry, doubts: list[tuple[str, str]]) -> None:
        message = self.vocab.forced_conflicts.get(entry.origin)
        if message is not None and ("vocab.conflict", message) not in doubts:
            doubts.append(("vocab.conflict", message))

    def _fix_label(self, text: str) -> Result:
        head, colon, rest = text.partition(":")
        changes: list[Change] = []
        doubts: list[tuple[str, str]] = []
        words = [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(head)]
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
                    Change(
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
        return Result(
            result.text + colon + tail.text, result.changes + tail.changes, result.doubts + tail.doubts
        )


#: a `!` right after a small letter, ending the word (``WordRules._exclamation``)
_BANG = re.compile(r"[a-z]!(?!\w)")


def _overlaps(changes: Sequence[Change], start: int, end: int) -> bool:
    """Does one of ``changes`` touch ``text[start:end]``?"""
    return any(change.start < end and start < change.end for change in changes)


class _Identity(Corrector):
    def __init__(self) -> None:
        super().__init__(None, None, enabled=False)


@functools.cache
def _default_corrector() -> Corrector:
    """Read back from the snapshot of an earlier process, or built (and then kept in
    one for the next, where the cache folder is writable)."""
    with long_lived():
        corrector = snapshot.load(Corrector)
        if corrector is None:
            corrector = Corrector(load_vocabulary(), load_lexicon())
            folder = snapshot.writable()
            if folder is not None:
                corrector.build_all()
                snapshot.save(corrector, folder)
        return corrector


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
