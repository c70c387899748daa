"""The shipped vocabulary and the user's ``--vocab`` files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rakparse.correct.engine import load_corrector
from rakparse.correct.lexicon import load_lexicon
from rakparse.correct.vocabulary import (
    PACKAGE_FILES,
    load_vocabulary,
    package_entries,
    read_user_file,
    vocabulary_entries,
)
from rakparse.errors import ExitCode, UsageError

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "rakparse" / "data" / "vocabulary"


def test_package_vocabulary_loads_with_every_kind() -> None:
    kinds = {entry.kind for entry in package_entries()}
    assert kinds == {"term", "phrase", "unit", "label", "forced"}
    assert len(package_entries()) > 700


@pytest.mark.parametrize("name", [name for name, _ in PACKAGE_FILES])
def test_each_file_says_where_its_entries_come_from(name: str) -> None:
    lines = (PACKAGE_DIR / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert any("Source:" in line for line in lines[:8] if line.startswith("#"))


def test_no_duplicates_in_any_file_or_across_files() -> None:
    """Labels are the exception: a header label may also be a phrase of the text."""
    seen: dict[tuple[bool, str], str] = {}
    for entry in package_entries():
        key = (entry.kind == "label", (entry.wrong or entry.term).casefold())
        assert key not in seen, f"{entry.origin} repeats {seen[key]}"
        seen[key] = entry.origin


def test_a_label_and_a_phrase_of_the_same_words_are_both_kept() -> None:
    """The label corrects header cells, the phrase the text: a label read last had
    replaced the phrase, so `Bencana Aksi Kinerja` was left in the text."""
    kinds = [
        phrase.kind for phrase in load_vocabulary().phrases if phrase.key == ("rencana", "aksi", "kinerja")
    ]
    assert sorted(kinds) == ["label", "phrase"]
    corrector = load_corrector()
    fixed = corrector.fix("Penyusunan Bencana Aksi Kinerja UPTD tahun 2024", column="kegiatan", line=4)
    assert fixed.text == "Penyusunan Rencana Aksi Kinerja UPTD tahun 2024"
    assert corrector.fix("RENCANA AKSl KINERJA", column="label", line=1).text == "RENCANA AKSI KINERJA"


def test_entries_are_in_canonical_spelling() -> None:
    lexicon = load_lexicon()
    vocab = load_vocabulary()
    for entry in package_entries():
        term = entry.term
        assert term == term.strip() and "  " not in term, entry.origin
        assert not re.search(r"[A-Za-z][0158][A-Za-z]", term), f"{entry.origin}: digit inside a word"
        if entry.kind == "label":
            assert term == term.upper(), entry.origin
        if entry.kind == "forced":
            continue
        # no entry spells a unit the way the contract calls non-canonical
        assert not re.search(r"\bSub[\s-][Bb](agian|idang)\b", term), entry.origin
        for word in re.findall(r"[^\W_]+", term):
            # every word is a known word, or itself a vocabulary term (acronyms, domain words)
            assert lexicon.is_word(word) or vocab.canonical(word) is not None, f"{entry.origin}: {word}"


def test_vocabulary_protects_domain_words_the_lexicon_misses() -> None:
    vocab = load_vocabulary()
    for word in ("subbagian", "persuratan", "bmn", "sakip", "pantarlih", "kepemiluan"):
        assert vocab.canonical(word) is not None, word
    assert vocab.canonical("SAKIP") == "SAKIP"
    assert vocab.canonical("lkjip") == "LKjIP"


def test_user_file_terms_phrases_and_forced(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("# my office\nSIPEDAS\nSeksi Data Statistik\nPantarh => Pantarlih\n", encoding="utf-8")
    entries = read_user_file(path)
    assert [(e.term, e.kind, e.wrong) for e in entries] == [
        ("SIPEDAS", "term", None),
        ("Seksi Data Statistik", "phrase", None),
        ("Pantarlih", "forced", "Pantarh"),
    ]
    assert entries[0].origin == f"{path}:2"
    fixed = load_corrector([path]).fix(
        "10 PPK dan 133 PPS, Pantarh sesuai jumlah TPS", column="target", line=9
    )
    assert fixed.text == "10 PPK dan 133 PPS, Pantarlih sesuai jumlah TPS"
    assert [(c.from_, c.to, c.by, c.line) for c in fixed.corrections] == [
        ("Pantarh", "Pantarlih", "vocabulary", 9)
    ]
    origins = {e.term: e.origin for e in vocabulary_entries([path])}
    assert origins["SIPEDAS"] == f"{path}:2"
    assert origins["Barang Milik Negara"].startswith("rakparse/data/vocabulary/phrases.txt:")


def test_a_terms_own_spelling_beats_the_spelling_of_a_part_of_a_longer_entry(tmp_path: Path) -> None:
    # `e-Kinerja` is a term whose part `Kinerja` is capitalized; the term `kinerja` is not
    assert load_vocabulary().canonical("kinerja") == "kinerja"
    assert load_vocabulary().canonical("monev") == "monev"
    path = tmp_path / "ours.txt"
    path.write_text("e-Raport\nraport\n", encoding="utf-8")
    assert load_vocabulary([path]).canonical("raport") == "raport"


def test_user_entry_conflicting_with_the_package_warns_and_wins(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("kliping => klipping\nLKJIP\n", encoding="utf-8")
    corrector = load_corrector([path])
    codes = [(n.code, n.line) for n in corrector.load_warnings]
    assert codes == [("vocab.conflict", None), ("vocab.conflict", None)]
    assert "kliping" in corrector.load_warnings[0].message
    fixed = corrector.fix("Kliping media", column="kegiatan", line=4)
    assert fixed.text == "Klipping media"
    assert [(n.code, n.line) for n in fixed.warnings] == [("vocab.conflict", 4)]
    assert load_vocabulary([path]).canonical("lkjip") == "LKJIP"


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"SAKIP\n=> PPID\n", "line 2: malformed"),
        (b"SAKIP\nPPIID => \n", "line 2: malformed"),
        (b"a => b => c\n", "line 1: malformed"),
        (b"SAKIP\nPengelola\xe9n\n", "line 2: not UTF-8"),
    ],
)
def test_bad_user_file_is_a_usage_error_naming_file_and_line(
    tmp_path: Path, content: bytes, what: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(UsageError) as caught:
        load_corrector([path])
    assert caught.value.path == str(path)
    assert what in caught.value.what
    assert caught.value.exit_code == ExitCode.USAGE
    assert str(path) in caught.value.one_line()


def test_missing_user_file_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(UsageError) as caught:
        load_corrector([missing])
    assert caught.value.path == str(missing)
    assert "not found" in caught.value.what


def test_lexicon_ranks_follow_the_file_order() -> None:
    ranks = load_lexicon().ranks
    assert (ranks["yang"], ranks["dan"], ranks["di"]) == (1, 2, 3)
    assert sorted(ranks.values()) == list(range(1, len(ranks) + 1))
    assert not any(word.startswith("#") for word in ranks)


def test_non_kbbi_words_are_listed_names_and_foreign_words() -> None:
    """`non-kbbi-id.txt` marks the listed words hunspell-id neither knows nor derives."""
    lexicon = load_lexicon()
    assert {"farhan", "credit", "silver", "jakarta"} <= lexicon.non_kbbi
    assert lexicon.non_kbbi <= lexicon.ranks.keys()
    for word in ("anggaran", "tambal", "pemilihan", "bekerja", "sebagai"):
        assert word not in lexicon.non_kbbi, word
        assert lexicon.kbbi(word)
    assert lexicon.kbbi("wicara")  # a stem the frequency list lacks
    assert not lexicon.kbbi("farhan") and not lexicon.kbbi("xqzt")
