"""Phrase rules: a window of words aligned to a vocabulary phrase (``Baring Milk
Negara``), and near words chosen because they make a phrase's word pair."""

from __future__ import annotations

import itertools

from rapidfuzz.distance import Levenshtein

from rakparse.correct.cell import Change, Token
from rakparse.correct.confusions import DIGIT_LETTERS, ocr_cost
from rakparse.correct.glue import GlueRules
from rakparse.correct.knowledge import pair_place
from rakparse.correct.rules import (
    FUNCTION_WORDS,
    HAS_DIGIT,
    JOIN_KEEP,
    MARGIN,
    NEAR_FUNCTION,
    NEVER_PAIRED,
    STOPWORDS,
    UNIT_COLUMNS,
    apply_case,
    same_root,
)
from rakparse.correct.vocabulary import Phrase


class PhraseRules(GlueRules):
    """Windows of words aligned to vocabulary phrases, and word-pair evidence."""

    def _one_word_off(self, folded: list[str]) -> bool:
        """Does a phrase of three or more words match these words but for one?"""
        pairs = self.phrase_pairs()
        phrases = self.vocab.phrases
        for number in range(len(folded) - 1):
            for gap in (1, 2):
                if number + gap >= len(folded):
                    break
                for code in pairs.get(f"{folded[number]} {folded[number + gap]}", ()):
                    which, first, their_gap = pair_place(code)
                    phrase = phrases[which]
                    start = number - first
                    size = len(phrase.key)
                    if start < 0 or start + size > len(folded) or their_gap != gap:
                        continue
                    window = tuple(folded[start : start + size])
                    if window == phrase.key:
                        continue  # the phrase itself, as it is most often met
                    differing = [(a, b) for a, b in zip(window, phrase.key, strict=True) if a != b]
                    if len(differing) == 1 and self._may_swap(*differing[0]):
                        return True
        return False

    def _phrases(
        self, text: str, tokens: list[Token], column: str, changes: list[Change], done: set[int]
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
            known.append(known[-1] + (not HAS_DIGIT.search(token.text) and common))
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
            if verdict is not None and self._longer_name(tokens, start + size, window, verdict[1]):
                continue
            if verdict is not None:
                sim, diffs = verdict
                bonus = 0.05 if column in UNIT_COLUMNS and phrase.kind == "unit" else 0.0
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
                        Change(first.start, last.end, spelled, round(100 * min(sim, 1.0), 1), "vocabulary")
                    )
                run = [offset] if offset is not None else []

    def _longer_name(self, tokens: list[Token], end: int, window: list[Token], diffs: list[int]) -> bool:
        """Would the phrase change the real word ending a window that a capitalized word
        continues? That is another name (`Unit Layanan Pengaduan Konsumen` is not the
        `Unit Layanan Pengadaan` with a word after it)."""
        last = len(window) - 1
        return (
            last in diffs
            and end < len(tokens)
            and tokens[end].text[:1].isupper()
            and window[last].text[:1].isupper()
            and self._listed(window[last].text)
            and not self._rare_word(window[last].folded)
        )

    def _phrase_match(self, window: list[Token], phrase: Phrase) -> tuple[float, list[int]] | None:
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
            if HAS_DIGIT.search(observed) and not observed.isdigit():
                observed = "".join(DIGIT_LETTERS.get(ch, ch) for ch in observed)
            if observed.isdigit() or len(target) < 3:
                return None
            if Levenshtein.distance(observed, target, score_cutoff=4) > 3:
                return None  # cheap reject before the weighted cost
            if target in observed and observed.replace(target, "", 1) in FUNCTION_WORDS:
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
                if self._paired_as_read(window, k):
                    return None  # `kabupaten dalam rangka` is no `Kabupaten Dalam Angka`
            else:
                if (
                    len(observed) <= 3
                    and target not in JOIN_KEEP
                    and any(ocr_cost(observed, word) < cost for word in NEAR_FUNCTION)
                ):
                    return None  # `Masyarakat dyn Penyuluhan` reads `dan`, not the phrase's `Desa`
                if len(target) <= 4 and exact >= 2:
                    limit = 0.75 * len(target)  # `Aaii Peraga Kampanye`
                else:
                    limit = max(1.0, (0.34 if exact >= 2 else 0.25) * len(target))
                if cost > limit:
                    return None
                if cost > 1.0:
                    own, word = self._own_word(observed, target)
                    if own + 1.0 < cost:
                        return None  # `keuanan` is plainly `keuangan`, not the phrase's `kepala`
                    if own + 0.5 < cost and (
                        Levenshtein.distance(word, target, score_cutoff=1) <= 1
                        or same_root(word, target, self.lexicon)
                    ):
                        # the phrase's word and the nearer one are forms of one word (by
                        # their affixes or a letter): the phrase cannot tell which
                        # (`Pengelolaam keuangan` is `pengelolaan`, not `Pengelola Keuangan`;
                        # `kotingensi`, `kontingensi`)
                        return None
            total += cost
        if known_changes:
            # the other words must hold: two that are not `dan` (`Baring Milk Negara` has
            # `Negara` and the rare `Baring`; `jalan dan X` has only `jalan`)
            evidence = sum(
                phrase.key[j] not in STOPWORDS
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

    def _paired_as_read(self, window: list[Token], k: int) -> bool:
        """Do plan tables write the window's ``k``-th word, as read, beside a word next
        to it? A real word so written is no misread of the phrase's."""
        pairs = self.word_pairs()
        word = window[k].folded
        return (k > 0 and pairs.has(window[k - 1].folded, word)) or (
            k + 1 < len(window) and pairs.has(word, window[k + 1].folded)
        )

    def _paired(self, text: str, token: Token, column: str) -> str | None:
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

    def _pair_instead(self, text: str, token: Token, best: str, cost: float) -> str | None:
        """``Perjanjian Kwerja``: the nearest word (`kerja`) makes no word pair of a
        vocabulary phrase with a neighbour, but one word a little farther does
        (`Perjanjian Kinerja`), the only one: that one. At most one plain edit farther,
        two in all."""
        if len(token.folded) < 5 or best in NEVER_PAIRED:
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
            and word not in NEVER_PAIRED
            and pairs_with(word)
            and ocr_cost(token.folded, word) <= min(2.0, cost + 1.0)
        ]
        return fits[0] if len(fits) == 1 and self._may_guess(fits[0]) else None
