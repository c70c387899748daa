"""Generate ``rakparse/data/pairs-id.bin``, ``plan-words-id.txt`` and ``plan-case-id.txt``:
the word pairs, the word counts and the case counts of RAK text, from ``corpus/rak/``.

Run ``.venv/bin/python scripts/make_pairs.py`` (or ``make pairs``) after adding or
editing a text there, and commit the new files with the texts. Every pair of words
the texts write side by side in a cell is kept, once (see ``rakparse.correct.pairs``);
every word is counted (see ``rakparse.correct.planwords``), and the case it is written
in inside a cell (see ``rakparse.correct.plancase``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rakparse.correct import plancase, planwords  # noqa: E402
from rakparse.correct.pairs import PAIRS_FILE, encode, pairs_of  # noqa: E402

CORPUS = ROOT / "corpus" / "rak"


def corpus_cells(directory: Path = CORPUS) -> list[str]:
    """The cell texts of every ``column<TAB>text`` file of the corpus."""
    cells: list[str] = []
    for path in sorted(directory.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cells.append(line.partition("\t")[2])
    return cells


def main() -> None:
    cells = corpus_cells()
    pairs = pairs_of(cells)
    files = len(list(CORPUS.glob("*.tsv")))
    out = ROOT / "rakparse" / "data" / PAIRS_FILE
    out.write_bytes(encode(pairs))
    print(f"wrote {len(pairs)} pairs from {files} texts to {out.relative_to(ROOT)}")
    counts = planwords.count_words(cells)
    out = ROOT / "rakparse" / "data" / planwords.PLAN_WORDS_FILE
    out.write_text(planwords.encode(counts), encoding="utf-8")
    print(f"wrote the counts of {len(counts)} words to {out.relative_to(ROOT)}")
    out = ROOT / "rakparse" / "data" / plancase.PLAN_CASE_FILE
    out.write_text(plancase.PlanCase.count(cells).encode(), encoding="utf-8")
    print(f"wrote the case counts to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
