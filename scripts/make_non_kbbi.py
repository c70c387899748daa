"""Generate ``rakparse/data/non-kbbi-id.txt``: the words of ``lexicon-id.txt`` that
Debian's hunspell-id dictionary (KBBI) neither knows nor derives.

Run ``.venv/bin/python scripts/make_non_kbbi.py`` (with ``hunspell-id`` installed and
``pip install spylls``) after regenerating the word list, and review the diff. A word
counts as known when hunspell accepts it or one of its roots by rakparse's affix
rules (``roots``), so regular derivations stay off the list.

What is left is mostly names (`farhan`, `sinjai`), foreign words (`credit`,
`silver`), abbreviations and slang: valid tokens, which the corrector never changes,
but poor guesses for a misread word, and poor evidence that a derivation built on them
is a real word. spylls (a pure-Python hunspell) is needed only here, not at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rakparse.correct.lexicon import LEXICON_FILE, NON_KBBI_FILE, data_words, roots  # noqa: E402

DIC = Path("/usr/share/hunspell/id_ID")


def main() -> int:
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        print("make_non_kbbi.py needs spylls: .venv/bin/pip install spylls", file=sys.stderr)
        return 2
    if not DIC.with_suffix(".dic").exists():
        print(f"make_non_kbbi.py needs {DIC}.dic: apt-get install hunspell-id", file=sys.stderr)
        return 2
    dictionary = Dictionary.from_files(str(DIC))
    known: dict[str, bool] = {}

    def kbbi(word: str) -> bool:
        if word not in known:
            known[word] = bool(dictionary.lookup(word))
        return known[word]

    words = data_words(LEXICON_FILE)
    outside = [
        word
        for word in words
        if not kbbi(word) and not any(len(root) >= 3 and kbbi(root) for root in roots(word))
    ]
    header = [
        "# Words of lexicon-id.txt that hunspell-id (KBBI) neither knows nor derives, in",
        "# lexicon order: names, foreign words, abbreviations, slang. rakparse never changes",
        "# them but does not offer the rarer ones as corrections.",
        "# Licence: a subset of lexicon-id.txt (CC BY-SA 4.0), selected with Debian's",
        "# hunspell-id dictionary (LGPL-3.0).",
        "# Regenerate with: .venv/bin/python scripts/make_non_kbbi.py",
    ]
    out = ROOT / "rakparse" / "data" / NON_KBBI_FILE
    out.write_text("\n".join([*header, *outside]) + "\n", encoding="utf-8")
    print(f"{out}: {len(outside)} of {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
