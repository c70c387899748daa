"""What correcting one cell works with: its tokens, the changes and choices made,
and the result (``Fixed``, the public one)."""

from __future__ import annotations

from dataclasses import dataclass

from rakparse.correct.rules import HAS_DIGIT, PLACE_WORDS
from rakparse.model import Correction, CorrectionBy, Notice


@dataclass(frozen=True)
class Fixed:
    """The corrected text of one cell, what was changed, and what was left in doubt."""

    text: str
    corrections: tuple[Correction, ...]
    warnings: tuple[Notice, ...]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    folded: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded", self.text.casefold())


@dataclass(frozen=True)
class Change:
    start: int
    end: int
    to: str
    score: float
    by: CorrectionBy
    forced: bool = False  # a user's `wrong => right` entry


@dataclass(frozen=True)
class Choice:
    """A change the document decides: the near word of a token left in doubt for a
    rival as near (``rival`` set, ``doubt`` its warning), or the clear nearest of a
    token a little too far to change on its own (``rival`` empty, no warning). It is
    made when the document writes ``best`` (at least ``times`` times) and none of
    ``rivals``."""

    change: Change
    best: str
    rivals: tuple[str, ...]  # none for a word too far to change on its own, with no rival
    doubt: tuple[str, str] | None
    #: the change this one undoes when taken (a phrase pair's farther word, ``_pair_instead``)
    replaces: Change | None = None
    #: how often the document must write ``best``: more than once in a near tie, which
    #: only the document settles (word pairs of plan tables do not)
    times: int = 1


@dataclass(frozen=True)
class Result:
    text: str
    changes: tuple[tuple[str, str, float, CorrectionBy], ...]
    doubts: tuple[tuple[str, str], ...]  # (warning code, message)
    # what the document may still decide: the changes made to ``text`` as read, and the
    # choices left (none where ``applied`` is not kept)
    original: str = ""
    applied: tuple[Change, ...] = ()
    choices: tuple[Choice, ...] = ()


def place_name(text: str, before: Token, token: Token) -> bool:
    """Is ``token`` the name of the place ``before`` says (``Kecamatan Sukamaju``)?"""
    word = token.text
    return (
        before.folded in PLACE_WORDS
        and text[before.end : token.start] == " "
        and word[:1].isupper()
        and not word.isupper()
        and not HAS_DIGIT.search(word)
    )


def maybe_name(text: str, token: Token) -> bool:
    """A capitalized word inside a cell (`Sosialisasi di Anturan`) may be a name: the
    document's use of a common word near it (`aturan`) says nothing of it."""
    word = token.text
    return word[:1].isupper() and not word.isupper() and bool(text[: token.start].strip())
