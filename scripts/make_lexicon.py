"""Generate ``rakparse/data/lexicon-id.txt`` from wordfreq's Indonesian word list.

Run ``.venv/bin/python scripts/make_lexicon.py`` after upgrading wordfreq and review
the diff. The file is shipped so that loading the lexicon costs a few milliseconds
instead of importing wordfreq (and its msgpack/langcodes stack) at run time.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parent.parent / "rakparse" / "data" / "lexicon-id.txt"
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def main() -> None:
    words = [w for w in wordfreq.top_n_list("id", 1_000_000) if WORD.fullmatch(w)]
    header = [
        "# General Indonesian lexicon for rakparse's OCR correction: one word a line,",
        "# most frequent first (the line number is the frequency rank).",
        f"# Source: wordfreq {version('wordfreq')} (https://github.com/rspeer/wordfreq),",
        "# top_n_list('id'), letters and hyphens only, lower case.",
        "# Licence: wordfreq's word lists are CC BY-SA 4.0 (Robyn Speer and contributors);",
        "# this derived list is distributed under the same licence.",
        "# Regenerate with: .venv/bin/python scripts/make_lexicon.py",
    ]
    OUT.write_text("\n".join([*header, *words]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
