"""Generate ``rakparse/data/lexicon-id.txt`` and ``english-id.txt`` from wordfreq's
word lists.

Run ``.venv/bin/python scripts/make_lexicon.py`` after upgrading wordfreq and review
the diff. The files are shipped so that loading the lexicon costs a few milliseconds
instead of importing wordfreq (and its msgpack/langcodes stack) at run time.

- ``lexicon-id.txt``: wordfreq's Indonesian list, most frequent first.
- ``english-id.txt``: the words of four letters or more that English writes often
  (Zipf >= 3.5) and clearly more often than Indonesian (by more than 0.5 on the Zipf
  scale): `awareness`, `maritime`, `custody`, not `data` or `domain`, which Indonesian
  writes as much. Plan tables quote English terms, mostly in parentheses
  (`kesadaran situasi maritim (maritime domain awareness)`); the corrector leaves
  such a word as written where another English word stands by it
  (``WordRules._english``).
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import wordfreq

DATA = Path(__file__).resolve().parent.parent / "rakparse" / "data"
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: how often English must write a word (Zipf), and how much more than Indonesian
ENGLISH_ZIPF = 3.5
ENGLISH_MARGIN = 0.5
ENGLISH_LETTERS = 4
LICENCE = [
    "# Licence: wordfreq's word lists are CC BY-SA 4.0 (Robyn Speer and contributors);",
    "# this derived list is distributed under the same licence.",
    "# Regenerate with: .venv/bin/python scripts/make_lexicon.py",
]


def write(name: str, header: list[str], words: list[str]) -> None:
    out = DATA / name
    out.write_text("\n".join([*header, *LICENCE, *words]) + "\n", encoding="utf-8")
    print(f"{out}: {len(words)} words")


def english_words() -> list[str]:
    return [
        word
        for word in wordfreq.top_n_list("en", 100_000)
        if len(word) >= ENGLISH_LETTERS
        and word.isascii()
        and word.isalpha()
        and (english := wordfreq.zipf_frequency(word, "en")) >= ENGLISH_ZIPF
        and english > wordfreq.zipf_frequency(word, "id") + ENGLISH_MARGIN
    ]


def main() -> None:
    source = f"# Source: wordfreq {version('wordfreq')} (https://github.com/rspeer/wordfreq),"
    write(
        "lexicon-id.txt",
        [
            "# General Indonesian lexicon for rakparse's OCR correction: one word a line,",
            "# most frequent first (the line number is the frequency rank).",
            source,
            "# top_n_list('id'), letters and hyphens only, lower case.",
        ],
        [w for w in wordfreq.top_n_list("id", 1_000_000) if WORD.fullmatch(w)],
    )
    write(
        "english-id.txt",
        [
            "# English words for rakparse's OCR correction: words of four letters or more that",
            f"# English writes often (Zipf >= {ENGLISH_ZIPF}) and more than Indonesian"
            f" (by > {ENGLISH_MARGIN}),",
            "# most frequent first, lower case.",
            source,
            "# top_n_list('en') and zipf_frequency('en' and 'id').",
        ],
        english_words(),
    )


if __name__ == "__main__":
    main()
