"""Generate ``rakparse/data/english-id.txt`` from wordfreq's English and Indonesian lists.

Run ``.venv/bin/python scripts/make_english.py`` after upgrading wordfreq and review
the diff. The file lists the words of four letters or more that English writes often
(Zipf ≥ 3.5) and clearly more often than Indonesian (by more than 0.5 on the Zipf
scale): `awareness`, `maritime`, `custody`, not `data` or `domain`, which Indonesian
writes as much. Plan tables quote English terms, mostly in parentheses
(`kesadaran situasi maritim (maritime domain awareness)`); the corrector leaves such a
word as written where another English word stands by it (``WordRules._english``).
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parent.parent / "rakparse" / "data" / "english-id.txt"
#: how often English must write a word (Zipf), and how much more than Indonesian
MIN_ZIPF = 3.5
MARGIN = 0.5
MIN_LETTERS = 4


def main() -> None:
    words = [
        word
        for word in wordfreq.top_n_list("en", 100_000)
        if len(word) >= MIN_LETTERS
        and word.isascii()
        and word.isalpha()
        and (english := wordfreq.zipf_frequency(word, "en")) >= MIN_ZIPF
        and english > wordfreq.zipf_frequency(word, "id") + MARGIN
    ]
    header = [
        "# English words for rakparse's OCR correction: words of four letters or more that",
        f"# English writes often (Zipf >= {MIN_ZIPF}) and more than Indonesian (by > {MARGIN}),",
        "# most frequent first, lower case.",
        f"# Source: wordfreq {version('wordfreq')} (https://github.com/rspeer/wordfreq),",
        "# top_n_list('en') and zipf_frequency('en' and 'id').",
        "# Licence: wordfreq's word lists are CC BY-SA 4.0 (Robyn Speer and contributors);",
        "# this derived list is distributed under the same licence.",
        "# Regenerate with: .venv/bin/python scripts/make_english.py",
    ]
    OUT.write_text("\n".join([*header, *words]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
