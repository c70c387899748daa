"""The domain vocabulary: package data plus the user's ``--vocab`` files.

Package files live in ``rakparse/data/vocabulary/``; each starts with comment lines
saying where its entries come from. The file name gives the kind of its entries:

- ``terms.txt``: single words and acronyms (``SAKIP``, ``Pantarlih``, ``subbagian``);
- ``phrases.txt``: multi-word phrases (``Barang Milik Negara``);
- ``units.txt``: organisational units, matched first in the PELAKSANA column;
- ``labels.txt``: header labels of the form (``NAMA/UNIT ORGANISASI``);
- ``variants.txt``: spelling variants forced to the canonical one
  (``Sub Bagian => Subbagian``), as the contract asks of ``pelaksana``.

A user file has one term a line (several words make a phrase) or ``wrong => right``
for a forced replacement; ``#`` starts a comment. The user's entries win over the
package's: a conflict is a ``vocab.conflict`` warning, not an error.

>>> from rakparse.correct.vocabulary import load_vocabulary
>>> vocab = load_vocabulary()
>>> vocab.canonical("sakip"), vocab.canonical("pantarlih")
('SAKIP', 'Pantarlih')
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

from rakparse.correct.packaged import data_file
from rakparse.errors import UsageError
from rakparse.model import Notice

VocabKind = Literal["term", "phrase", "unit", "label", "forced"]

PACKAGE_FILES: tuple[tuple[str, VocabKind], ...] = (
    ("terms.txt", "term"),
    ("phrases.txt", "phrase"),
    ("units.txt", "unit"),
    ("labels.txt", "label"),
    ("variants.txt", "forced"),
)

#: Letters and digits of one word; everything else separates words.
WORD_RE = re.compile(r"[^\W_]+")


class VocabEntry(NamedTuple):
    """One vocabulary entry and where it came from (``file:line``).

    For a forced replacement, ``term`` is the right spelling and ``wrong`` the
    spelling it replaces. (A named tuple, not a dataclass: the package's 4,800 entries
    are built at every start, and a tuple is built three times faster.)
    """

    term: str
    kind: VocabKind
    origin: str
    wrong: str | None = None


def words_of(text: str) -> list[str]:
    """The words of ``text``, as the engine tokenizes it.

    >>> words_of("NAMA/UNIT ORGANISASI")
    ['NAMA', 'UNIT', 'ORGANISASI']
    """
    return WORD_RE.findall(text)


class Phrase(NamedTuple):
    """A multi-word entry, tokenized: ``key`` is the case-folded words."""

    key: tuple[str, ...]
    words: tuple[str, ...]
    kind: VocabKind


@dataclass
class Vocabulary:
    """Everything the engine needs from the vocabulary, indexed."""

    entries: tuple[VocabEntry, ...]
    #: case-folded single word → canonical spelling (terms and the words of phrases)
    words: dict[str, str] = field(default_factory=dict)
    #: case-folded words of the ``terms`` files only (acronyms and domain words)
    terms: dict[str, str] = field(default_factory=dict)
    phrases: tuple[Phrase, ...] = ()
    #: case-folded wrong spelling → forced entry
    forced: dict[str, VocabEntry] = field(default_factory=dict)
    conflicts: tuple[Notice, ...] = ()
    #: origin of a forced entry → the conflict it won (reported where it applies)
    forced_conflicts: dict[str, str] = field(default_factory=dict)

    def canonical(self, word: str) -> str | None:
        """The vocabulary's spelling of ``word`` (any case), or ``None``."""
        return self.words.get(word.casefold())


def _package_lines(name: str) -> list[str]:
    resource = data_file("vocabulary", name)
    return resource.read_text(encoding="utf-8").splitlines()


@functools.cache
def package_entries() -> tuple[VocabEntry, ...]:
    """The entries shipped with rakparse, in file order."""
    entries: list[VocabEntry] = []
    for name, kind in PACKAGE_FILES:
        for number, raw in enumerate(_package_lines(name), start=1):
            text = raw.partition("#")[0].strip() if "#" in raw else raw.strip()
            if not text:
                continue
            origin = f"rakparse/data/vocabulary/{name}:{number}"
            if kind == "forced":
                wrong, _, right = text.partition("=>")
                entries.append(VocabEntry(right.strip(), kind, origin, wrong.strip()))
            else:
                entries.append(VocabEntry(text, kind, origin))
    return tuple(entries)


def read_user_file(path: str | os.PathLike[str]) -> list[VocabEntry]:
    """Parse one ``--vocab`` file; raise ``UsageError`` naming the file and line."""
    shown = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError("vocabulary file not found", "check the path given to --vocab", path=shown) from None
    except OSError as error:
        raise UsageError(
            f"cannot read vocabulary file ({error.strerror})",
            "check the path given to --vocab",
            path=shown,
        ) from None
    entries: list[VocabEntry] = []
    for number, raw_bytes in enumerate(data.split(b"\n"), start=1):
        try:
            raw = raw_bytes.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(
                f"line {number}: not UTF-8 text",
                "save the vocabulary file as UTF-8",
                path=shown,
            ) from None
        text = raw.lstrip("\ufeff").split("#", 1)[0].strip()
        if not text:
            continue
        origin = f"{shown}:{number}"
        if "=>" in text:
            parts = [part.strip() for part in text.split("=>")]
            if len(parts) != 2 or not parts[0] or not parts[1]:
                raise UsageError(
                    f"line {number}: malformed replacement {text!r}",
                    "write one replacement a line as 'wrong => right'",
                    path=shown,
                )
            entries.append(
                VocabEntry(" ".join(parts[1].split()), "forced", origin, " ".join(parts[0].split()))
            )
        else:
            term = " ".join(text.split())
            entries.append(VocabEntry(term, "phrase" if " " in term else "term", origin))
    return entries


def _build(entries: Iterable[VocabEntry]) -> Vocabulary:
    """Index entries in order; a later (user) entry wins over an earlier one."""
    kept = tuple(entries)
    vocab = Vocabulary(kept)
    words: dict[str, tuple[str, VocabEntry]] = {}
    terms: dict[str, str] = {}
    # a label and a phrase of the same words are both kept: the label for header cells,
    # the phrase for the text (`RENCANA AKSI KINERJA`, `Rencana Aksi Kinerja`)
    phrases: dict[tuple[tuple[str, ...], bool], Phrase] = {}
    forced: dict[str, VocabEntry] = {}
    conflicts: list[Notice] = []
    forced_conflicts: dict[str, str] = {}

    def conflict(message: str, winner: VocabEntry | None = None) -> None:
        conflicts.append(Notice(None, "vocab.conflict", message))
        if winner is not None and winner.kind == "forced":
            forced_conflicts[winner.origin] = message

    for entry in kept:
        user = not entry.origin.startswith("rakparse/")
        if entry.kind == "forced":
            assert entry.wrong is not None
            key = entry.wrong.casefold()
            old = forced.get(key)
            if old is not None and old.term != entry.term:
                conflict(
                    f"{entry.origin}: '{entry.wrong} => {entry.term}' replaces "
                    f"'{old.wrong} => {old.term}' ({old.origin})",
                    entry,
                )
            if key in words and user:
                conflict(
                    f"{entry.origin}: '{entry.wrong}' is a vocabulary word ({words[key][1].origin}); "
                    f"it will be replaced by '{entry.term}' as you asked",
                    entry,
                )
                del words[key]
                terms.pop(key, None)
            forced[key] = entry
            for word in words_of(entry.term):
                words.setdefault(word.casefold(), (word, entry))
            continue
        tokens = tuple(words_of(entry.term))
        if not tokens:
            continue
        for word in tokens:
            key = word.casefold()
            if key in forced:
                if not (user and len(tokens) == 1):
                    continue  # a forced replacement's wrong side is not protected
                conflict(
                    f"{entry.origin}: '{word}' is the wrong side of a replacement "
                    f"({forced[key].origin}); your entry wins and the replacement is dropped"
                )
                del forced[key]
            if entry.kind == "label":
                word = word.lower()  # labels are printed in capitals; that is not the word's spelling
            old_word = words.get(key)
            if old_word is None:
                words[key] = (word, entry)
            elif len(tokens) == 1 and old_word[0] != word and len(words_of(old_word[1].term)) > 1:
                words[key] = (word, entry)  # a term's own spelling, not a part's (`e-Kinerja`)
            elif user and len(tokens) == 1 and old_word[0] != word:
                conflict(
                    f"{entry.origin}: '{word}' is spelled '{old_word[0]}' in {old_word[1].origin}; "
                    "your spelling wins"
                )
                words[key] = (word, entry)
        if len(tokens) == 1 and entry.kind in ("term", "phrase") and tokens[0].casefold() in words:
            terms[tokens[0].casefold()] = words[tokens[0].casefold()][0]
        if len(tokens) > 1 or entry.kind in ("label", "unit"):
            phrase_key = tuple(token.casefold() for token in tokens)
            phrases[phrase_key, entry.kind == "label"] = Phrase(phrase_key, tokens, entry.kind)
    vocab.words = {key: value[0] for key, value in words.items()}
    vocab.terms = terms
    vocab.phrases = tuple(phrases.values())
    vocab.forced = forced
    vocab.conflicts = tuple(conflicts)
    vocab.forced_conflicts = forced_conflicts
    return vocab


@functools.cache
def _load_cached(files: tuple[str, ...]) -> Vocabulary:
    entries = list(package_entries())
    for path in files:
        entries.extend(read_user_file(path))
    return _build(entries)


def load_vocabulary(vocab_files: Sequence[str | os.PathLike[str]] = ()) -> Vocabulary:
    """The package vocabulary plus the user's files, in order (cached)."""
    return _load_cached(tuple(os.fspath(path) for path in vocab_files))


def vocabulary_entries(vocab_files: Sequence[str | os.PathLike[str]] = ()) -> list[VocabEntry]:
    """Every active entry with its origin, for ``rakparse vocab``.

    >>> entries = vocabulary_entries()
    >>> any(e.term == "Barang Milik Negara" and e.kind == "phrase" for e in entries)
    True
    """
    return list(load_vocabulary(vocab_files).entries)
