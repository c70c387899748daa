"""Word pairs of RAK text settle a doubt the cell and the document leave (``pairs``)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from rakparse.correct.engine import Corrector
from rakparse.correct.lexicon import load_lexicon
from rakparse.correct.pairs import PAIRS_FILE, WordPairs, encode, load_pairs, pairs_of
from rakparse.correct.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import correction_eval  # noqa: E402


def corrector_with(*pairs: tuple[str, str]) -> Corrector:
    return Corrector(load_vocabulary(), load_lexicon(), pairs=WordPairs(encode(pairs)))


def make_pairs_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_pairs", ROOT / "scripts" / "make_pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pairs_are_found_by_their_keys_and_nothing_else() -> None:
    pairs = WordPairs(encode(pairs_of(["Rapat koordinasi  tahunan", "Laporan, keuangan\nrapat staf"])))
    assert len(pairs) == 3  # a comma or a line break parts two words
    assert pairs.has("rapat", "koordinasi") and pairs.has("koordinasi", "tahunan")
    assert pairs.has("rapat", "staf") and pairs.has("laporan", "keuangan") is False
    assert (
        not pairs.has("koordinasi", "rapat") and not pairs.has(None, "rapat") and not pairs.has("rapat", None)
    )
    assert len(WordPairs(b"")) == 0 and not WordPairs(b"").has("rapat", "staf")


def test_a_doubt_is_settled_by_a_neighbour_that_rak_text_writes_beside_the_near_word() -> None:
    text = "Persentase umit usaha produk hewan yang memiliki NKV"
    alone = corrector_with().fix(text, column="indikator", line=4)
    assert alone.text == text
    assert [w.code for w in alone.warnings] == ["correction.uncertain"]  # `unit` or `umat`

    settled = corrector_with(("unit", "usaha")).fix(text, column="indikator", line=4)
    assert settled.text == "Persentase unit usaha produk hewan yang memiliki NKV"
    assert [(c.from_, c.to, c.line) for c in settled.corrections] == [("umit", "unit", 4)]
    assert settled.warnings == ()
    before = corrector_with(("persentase", "unit")).fix(text, column="indikator", line=4)
    assert before.text == settled.text  # the word before counts as the word after does


def test_a_rival_written_beside_the_same_neighbours_keeps_the_doubt() -> None:
    text = "Persentase umit usaha produk hewan yang memiliki NKV"
    fixed = corrector_with(("unit", "usaha"), ("persentase", "umat")).fix(text, column="indikator", line=4)
    assert fixed.text == text
    assert [w.code for w in fixed.warnings] == ["correction.uncertain"]


def test_a_word_a_little_too_far_to_change_alone_is_changed_beside_its_pair() -> None:
    text = "Persentase realisasi anggaran terhadap pagu DIPA tahun berjaln"
    assert corrector_with().fix(text, column="indikator", line=2).text == text
    fixed = corrector_with(("tahun", "berjalan")).fix(text, column="indikator", line=2)
    assert fixed.text == "Persentase realisasi anggaran terhadap pagu DIPA tahun berjalan"
    # a pair of other words says nothing of this one
    assert corrector_with(("anggaran", "berjalan")).fix(text, column="indikator", line=2).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `creclit` reads as the English `credit`, never offered (a rare name or foreign
        # word); `kredit` is a little farther
        ("Penyaluran creclit usaha mikro", "Penyaluran kredit usaha mikro"),
        # `pengebangan` may be a form of the short root `kebang` the lists lack
        ("Pengebangan kapasitas aparatur", "Pengembangan kapasitas aparatur"),
    ],
)
def test_the_shipped_pairs_settle_what_a_cell_alone_leaves(text: str, expected: str) -> None:
    assert corrector_with().fix(text, column="kegiatan", line=1).text == text
    shipped = Corrector(load_vocabulary(), load_lexicon())
    assert shipped.fix(text, column="kegiatan", line=1).text == expected


def test_the_shipped_pairs_are_those_of_the_corpus() -> None:
    script = make_pairs_script()
    cells = script.corpus_cells()
    assert len(cells) > 2000
    shipped = (ROOT / "rakparse" / "data" / PAIRS_FILE).read_bytes()
    assert shipped == encode(pairs_of(cells)), "run scripts/make_pairs.py after editing corpus/rak/"
    assert len(load_pairs()) == len(shipped) // 8 > 10_000


def test_the_corpus_shares_only_stock_formulas_with_the_evaluation_sets() -> None:
    """The pairs are measured on texts they were not drawn from. Writers of different
    agencies do write the same stock cells (`Subbagian Umum dan Kepegawaian`, `Nilai
    Indikator Kinerja Pelaksanaan Anggaran (IKPA)`), and so did the corpus's and the
    sets' writers, each on their own: 3.3 % of the sets' cells of four words or more.
    An evaluation text copied into the corpus would share far more."""
    corpus = {" ".join(cell.casefold().split()) for cell in make_pairs_script().corpus_cells()}
    shares = []
    for _title, directory in correction_eval.SETS:
        for document in correction_eval.load_documents(directory):
            cells = [" ".join(text.casefold().split()) for _column, text in document]
            long = [cell for cell in cells if len(cell.split()) > 3]
            shares.append(sum(cell in corpus for cell in long) / len(long))
    assert max(shares) < 0.25
    assert sum(shares) / len(shares) < 0.05


@pytest.mark.parametrize("cell", ["Rapat koordinasi", "Penyusunan laporan keuangan"])
def test_the_shipped_pairs_hold_everyday_plan_wording(cell: str) -> None:
    pairs = load_pairs()
    words = cell.casefold().split()
    assert all(pairs.has(a, b) for a, b in itertools.pairwise(words))


def document_fix(corrector: Corrector, cells: list[str], number: int) -> str:
    """Cell ``number`` of a document of ``cells``, corrected as ``convert`` does."""
    context = corrector.document_words("\n".join(cells))
    return corrector.fix(cells[number], column="kegiatan", line=1, context=context).text


REAL = ["Penyusunan laporqn realisasi fisik dam keuangan", "Subbagian Umum dan Kepegawaian"]
PAIRS = (("fisik", "dan"), ("dan", "keuangan"))


def test_a_real_word_is_taken_for_the_word_plan_tables_write_beside_both_neighbours() -> None:
    fixed = document_fix(corrector_with(*PAIRS), REAL, 0)
    assert fixed == "Penyusunan laporan realisasi fisik dan keuangan"
    # one side is not enough, nor a pair the written word makes itself
    assert (
        document_fix(corrector_with(PAIRS[0]), REAL, 0) == "Penyusunan laporan realisasi fisik dam keuangan"
    )
    assert (
        document_fix(corrector_with(*PAIRS, ("dam", "keuangan")), REAL, 0)
        == "Penyusunan laporan realisasi fisik dam keuangan"
    )


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        # the document writes the word twice: it is meant
        ([*REAL, "Pembangunan dam parit"], "twice"),
        # the near word is not one the document writes
        ([REAL[0], "Subbagian Umum"], "not written"),
        # a cell OCR did not damage (no unknown word) is left as it is
        (["Penyusunan laporan realisasi fisik dam keuangan", "Subbagian Umum dan Kepegawaian"], "clean cell"),
    ],
)
def test_a_real_word_stays_without_all_the_evidence(cells: list[str], why: str) -> None:
    fixed = document_fix(corrector_with(*PAIRS), cells, 0)
    assert " dam " in fixed, why


def test_a_common_word_is_never_taken_for_a_misread_one() -> None:
    """`naik` (rank under 1,000) stays though plan tables write `kondisi baik sesuai`
    and the document writes the commoner `baik`."""
    cells = ["Persentase jembatan dalam kondisi naik sesuai laporqn", "Kondisi baik"]
    corrector = corrector_with(("kondisi", "baik"), ("baik", "sesuai"))
    assert document_fix(corrector, cells, 0) == "Persentase jembatan dalam kondisi naik sesuai laporan"


def test_a_function_word_read_as_a_capitalized_word_is_lower_case_inside_a_cell() -> None:
    cells = ["Kelompok Kerja Pemanfaatan Dam Edukasi Pengunjunq", "Pemanfaatan dan Edukasi"]
    corrector = corrector_with(("pemanfaatan", "dan"), ("dan", "edukasi"))
    assert document_fix(corrector, cells, 0) == "Kelompok Kerja Pemanfaatan dan Edukasi Pengunjung"


def test_a_real_word_changed_by_the_pairs_clears_min_score() -> None:
    strict = Corrector(load_vocabulary(), load_lexicon(), min_score=90, pairs=WordPairs(encode(PAIRS)))
    assert " dam " in document_fix(strict, REAL, 0)  # `dam` → `dan` scores 76.7


def _document(corrector: Corrector, cells: list[str]) -> str:
    """The first cell as ``convert`` corrects it, the whole document as its context."""
    context = corrector.document_words("\n".join(cells))
    return corrector.fix(cells[0], column="kegiatan", line=1, context=context).text


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # rare real words one slip from `dan`, which plan tables write before `jalur`
        (
            ["Pemeliharaan taman don jalur hijau kota", "Rapat koordinasi"],
            "Pemeliharaan taman dan jalur hijau kota",
        ),
        (
            ["Pemeliharaan taman dani jalur hijau kota", "Rapat koordinasi"],
            "Pemeliharaan taman dan jalur hijau kota",
        ),
        # the document writes another word as near (`dana`): no change
        (["Pemeliharaan taman dani jalur hijau kota", "Penyaluran dana desa"], None),
        # ... or the word itself again: the writer's
        (["Pemeliharaan taman don jalur hijau kota", "Kunjungan don"], None),
        # a word plan tables write (`dam penahan`, `dana`), a capital, a common word: never
        (["Pembangunan dam jalur hijau kota", "Rapat koordinasi"], None),
        (["Pemeliharaan taman Don jalur hijau kota", "Rapat koordinasi"], None),
        (["Penyaluran dana desa", "Rapat koordinasi"], None),
    ],
)
def test_a_rare_word_one_slip_from_a_function_word_is_it_where_rak_text_writes_it(
    cells: list[str], expected: str | None
) -> None:
    shipped = Corrector(load_vocabulary(), load_lexicon())
    assert _document(shipped, cells) == (expected or cells[0])
    assert _document(corrector_with(), cells) == cells[0]  # without the pairs, no evidence
