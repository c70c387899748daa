"""How often plan tables write each word ranks a misread word's near words (``planwords``)."""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from pathlib import Path

import pytest

from rakparse.correct.engine import Corrector
from rakparse.correct.lexicon import load_lexicon
from rakparse.correct.pairs import WordPairs
from rakparse.correct.planwords import PLAN_WORDS_FILE, PlanWords, count_words, encode, load_plan_words
from rakparse.correct.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def corrector_counting(**counts: int) -> Corrector:
    """A corrector whose plan tables write these words so often, and no word pairs."""
    return Corrector(
        load_vocabulary(), load_lexicon(), pairs=WordPairs(b""), plan_words=PlanWords(Counter(counts))
    )


def test_words_are_counted_folded_letters_only_and_read_back_on_the_zipf_scale() -> None:
    counts = count_words(["Rapat koordinasi 2024", "rapat, Rapat-staf\nKOORDINASI"])
    assert counts == Counter({"rapat": 3, "koordinasi": 2, "staf": 1})
    text = encode(counts)
    assert text.splitlines()[1:] == ["rapat 3", "koordinasi 2", "staf 1"]  # commonest first
    words = PlanWords.parse(text)
    assert len(words) == 3
    assert words.zipf("rapat") == pytest.approx(math.log10(3 / 6 * 1e9))
    assert words.zipf("staf") == pytest.approx(math.log10(1 / 6 * 1e9))
    assert words.zipf("tidak") == 0.0
    assert len(PlanWords(Counter())) == 0 and PlanWords(Counter()).zipf("rapat") == 0.0


@pytest.mark.parametrize(
    ("counts", "expected", "warned"),
    [
        ({}, "Perluasan laham TPU", True),  # `lahan` or `paham`: a plain edit from both
        ({"lahan": 5, "rapat": 995}, "Perluasan lahan TPU", False),
        ({"paham": 5, "rapat": 995}, "Perluasan laham TPU", True),  # a lift, never a correction alone
        ({"lahan": 5, "paham": 5, "rapat": 990}, "Perluasan laham TPU", True),
    ],
)
def test_a_doubt_is_settled_by_the_near_word_plan_tables_write_often(
    counts: dict[str, int], expected: str, warned: bool
) -> None:
    fixed = corrector_counting(**counts).fix("Perluasan laham TPU", column="kegiatan", line=2)
    assert fixed.text == expected
    assert bool(fixed.warnings) is warned
    if not warned:
        assert [(c.from_, c.to, c.line) for c in fixed.corrections] == [("laham", "lahan", 2)]


def test_the_shipped_counts_settle_it_and_are_those_of_the_corpus() -> None:
    shipped = Corrector(load_vocabulary(), load_lexicon(), pairs=WordPairs(b""))
    assert shipped.fix("Perluasan laham TPU", column="kegiatan", line=2).text == "Perluasan lahan TPU"

    spec = importlib.util.spec_from_file_location("make_pairs", ROOT / "scripts" / "make_pairs.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = (ROOT / "rakparse" / "data" / PLAN_WORDS_FILE).read_text(encoding="utf-8")
    assert text == encode(count_words(script.corpus_cells())), (
        "run scripts/make_pairs.py after editing corpus/rak/"
    )
    words = load_plan_words()
    assert len(words) > 4000
    assert words.zipf("teknis") > words.zipf("teks") > 0  # the module's own example
