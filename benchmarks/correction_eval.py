"""Measure the OCR correction engine on synthetic noise; print a table.

Run: ``.venv/bin/python benchmarks/correction_eval.py [--quick] [--seeds N]``

The development set is ``tests/data/correction/*.tsv``: clean RAK-like cell texts of
several kinds of agencies, written for rakparse; the engine's rules were tuned on it.
The held-out set, ``tests/data/correction/holdout/*.tsv``, is written the same way for
other agencies and is only measured, never tuned on: its figures say how far the
tuning carries over. Its figures have steered decisions since, so new sets followed,
each written by a session that saw neither rules nor data and measured on arrival:
``fresh/`` (stop 11), ``fifth/`` (stop 12), ``sixth/`` and ``seventh/`` (stop 13),
``eighth/`` and ``ninth/`` (stop 14), ``tenth/`` and ``eleventh/`` (stop 15), six or
eight agencies each; the last one's figures on arrival are the honest estimate
(``tests/data/correction/README.md``).
Each cell gets synthetic OCR noise at 0, 1, 3 and 6 % character error rate (a
confusion model: rn/m, li/h, cl/d, e/c, l/1/I, O/0, S/5, B/8, g/q, u/v, plus dropped,
doubled, inserted characters and merged/split words), deterministically seeded. Each
agency's file is corrected as one document, with the words of its noisy cells as context (as
``convert`` does); ``--cells-alone`` corrects each cell on its own. For each level it
reports the word error rate of the text before and after correction, the error
reduction, the precision of the changes (changed words that now equal the clean word),
the number of words changed and of ``correction.uncertain`` warnings, and ``broken``:
words the noisy text had right that the correction changed. Then the timing
figures: cold load of vocabulary + lexicon (in a fresh interpreter) and the time
correction adds to the sample.

Caveat: the noise model's confusions are the ones the engine knows, so the figures
are an upper bound for real OCR, whose errors are less regular.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rakparse.correct.confusions import ocr_cost  # noqa: E402
from rakparse.correct.engine import Corrector, Fixed, load_corrector  # noqa: E402
from rakparse.correct.lexicon import load_lexicon  # noqa: E402
from rakparse.correct.vocabulary import load_vocabulary  # noqa: E402

DEV_DIR = ROOT / "tests" / "data" / "correction"
HOLDOUT_DIR = DEV_DIR / "holdout"
FRESH_DIR = DEV_DIR / "fresh"
FIFTH_DIR = DEV_DIR / "fifth"
SIXTH_DIR = DEV_DIR / "sixth"
SEVENTH_DIR = DEV_DIR / "seventh"
EIGHTH_DIR = DEV_DIR / "eighth"
NINTH_DIR = DEV_DIR / "ninth"
TENTH_DIR = DEV_DIR / "tenth"
ELEVENTH_DIR = DEV_DIR / "eleventh"
TWELFTH_DIR = DEV_DIR / "twelfth"
THIRTEENTH_DIR = DEV_DIR / "thirteenth"
FOURTEENTH_DIR = DEV_DIR / "fourteenth"
FIFTEENTH_DIR = DEV_DIR / "fifteenth"
SIXTEENTH_DIR = DEV_DIR / "sixteenth"
SEVENTEENTH_DIR = DEV_DIR / "seventeenth"
EIGHTEENTH_DIR = DEV_DIR / "eighteenth"
NINETEENTH_DIR = DEV_DIR / "nineteenth"
#: every set, in the order reported, by the title its figures go by (``ocr_eval``
#: seeds each set's scan degradation by it too, so a title is never changed)
SETS: tuple[tuple[str, Path], ...] = (
    ("development set (the engine was tuned on it)", DEV_DIR),
    ("held-out set (measured, not tuned on)", HOLDOUT_DIR),
    ("fresh held-out set (texts new at stop 11)", FRESH_DIR),
    ("fifth set (texts new at stop 12)", FIFTH_DIR),
    ("sixth set (texts new at stop 13)", SIXTH_DIR),
    ("seventh set (texts new at stop 13)", SEVENTH_DIR),
    ("eighth set (texts new at stop 14)", EIGHTH_DIR),
    ("ninth set (texts new at stop 14)", NINTH_DIR),
    ("tenth set (texts new at stop 15)", TENTH_DIR),
    ("eleventh set (texts new at stop 15)", ELEVENTH_DIR),
    ("twelfth set (texts new at stop 16)", TWELFTH_DIR),
    ("thirteenth set (texts new at stop 17)", THIRTEENTH_DIR),
    ("fourteenth set (texts new at stop 18)", FOURTEENTH_DIR),
    ("fifteenth set (texts new at stop 19)", FIFTEENTH_DIR),
    ("sixteenth set (texts new at stop 19, second)", SIXTEENTH_DIR),
    ("seventeenth set (texts new at stop 20)", SEVENTEENTH_DIR),
    ("eighteenth set (texts new at stop 20, second)", EIGHTEENTH_DIR),
    ("nineteenth set (texts new at stop 20, third)", NINETEENTH_DIR),
)
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"
LEVELS = (0.0, 0.01, 0.03, 0.06)

#: true character → what OCR reads instead (single and multi-character)
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "m": ("rn", "n"),
    "h": ("li", "b"),
    "d": ("cl",),
    "w": ("vv",),
    "u": ("v", "ii"),
    "v": ("u",),
    "e": ("c",),
    "c": ("e",),
    "l": ("1", "i", "I"),
    "i": ("l", "1"),
    "I": ("l", "1"),
    "o": ("0",),
    "O": ("0",),
    "s": ("5",),
    "S": ("5",),
    "B": ("8",),
    "g": ("q", "9"),
    "q": ("g",),
    "n": ("ri", "m"),
    "a": ("o",),
    "t": ("f",),
}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[^\W_]+")


def load_documents(directory: Path = DEV_DIR) -> list[list[tuple[str, str]]]:
    """Each agency's file as one document: ``(column, text)`` for each of its cells."""
    documents: list[list[tuple[str, str]]] = []
    for path in sorted(directory.glob("*.tsv")):
        cells: list[tuple[str, str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                column, _, text = line.partition("\t")
                cells.append((column, text))
        documents.append(cells)
    return documents


def load_dev_set(directory: Path = DEV_DIR) -> list[tuple[str, str]]:
    """``(column, text)`` for every cell of the development set."""
    return [cell for document in load_documents(directory) for cell in document]


def add_noise(text: str, cer: float, rng: random.Random) -> str:
    """Corrupt about ``cer`` of the characters of ``text`` the way OCR does."""
    out: list[str] = []
    for char in text:
        if rng.random() >= cer:
            out.append(char)
            continue
        roll = rng.random()
        if char == " ":
            out.append("" if roll < 0.6 else "  " if roll < 0.7 else " ")  # merged words
            continue
        if roll < 0.45 and char in CONFUSIONS:
            out.append(rng.choice(CONFUSIONS[char]))
        elif roll < 0.60:
            letter = rng.choice(_LETTERS)
            out.append(letter.upper() if char.isupper() else letter)
        elif roll < 0.75:
            out.append("")  # dropped
        elif roll < 0.85:
            out.append(char * 2)  # doubled
        elif roll < 0.92:
            out.append(char + rng.choice(_LETTERS))  # inserted
        else:
            out.append(char + " " if char.isalpha() else char)  # split word
    return "".join(out)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class Level:
    cer: float
    measured_cer: float = 0.0
    clean_words: int = 0
    errors_before: int = 0
    errors_after: int = 0
    changed: int = 0
    right: int = 0
    uncertain: int = 0
    corrections: int = 0
    #: words the read had right that the correction changed (the damage users fear most)
    broken: int = 0

    @property
    def wer_before(self) -> float:
        return self.errors_before / max(1, self.clean_words)

    @property
    def wer_after(self) -> float:
        return self.errors_after / max(1, self.clean_words)

    @property
    def reduction(self) -> float:
        return (self.errors_before - self.errors_after) / self.errors_before if self.errors_before else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.changed if self.changed else 1.0


def _equal_positions(source: list[str], target: list[str]) -> set[int]:
    """Indexes of ``source`` that align to an equal word of ``target``."""
    equal: set[int] = set()
    for op in Levenshtein.opcodes(source, target):
        if op.tag == "equal":
            equal.update(range(op.src_start, op.src_end))
    return equal


def correct_documents(
    documents: list[list[tuple[str, str]]],
    cer: float,
    rng: random.Random,
    corrector: Corrector,
    context: bool,
) -> list[tuple[str, str, str, Fixed]]:
    """``(column, clean, noisy, fixed)`` for every cell; as in ``convert``, each document's
    cells are corrected with its words as context (unless ``context`` is false)."""
    read = [
        [add_noise(clean, cer, rng) if cer else clean for _column, clean in document]
        for document in documents
    ]
    return correct_read(documents, read, corrector, context)


def correct_read(
    documents: list[list[tuple[str, str]]],
    read: list[list[str]],
    corrector: Corrector,
    context: bool = True,
) -> list[tuple[str, str, str, Fixed]]:
    """``(column, clean, read, fixed)`` for every cell, given each cell as read (by the
    noise model, or by a real OCR engine)."""
    out: list[tuple[str, str, str, Fixed]] = []
    for document, texts in zip(documents, read, strict=True):
        words = corrector.document_words("\n".join(texts)) if context else frozenset()
        for (column, clean), text in zip(document, texts, strict=True):
            out.append(
                (column, clean, text, corrector.fix(text, column=column, line=len(out) + 1, context=words))
            )
    return out


def evaluate(
    documents: list[list[tuple[str, str]]],
    cer: float,
    seed: int,
    corrector: Corrector,
    *,
    context: bool = True,
) -> Level:
    rng = random.Random(f"{seed}-{cer}")
    return score(Level(cer), correct_documents(documents, cer, rng, corrector, context))


def score(level: Level, cells: list[tuple[str, str, str, Fixed]]) -> Level:
    """Count words wrong before and after correction, and which changes were right."""
    chars = char_errors = 0
    for _column, clean, noisy, fixed in cells:
        chars += len(clean)
        char_errors += Levenshtein.distance(noisy, clean)
        clean_w, noisy_w, fixed_w = words(clean), words(noisy), words(fixed.text)
        level.clean_words += len(clean_w)
        level.errors_before += Levenshtein.distance(noisy_w, clean_w)
        level.errors_after += Levenshtein.distance(fixed_w, clean_w)
        level.uncertain += sum(w.code == "correction.uncertain" for w in fixed.warnings)
        level.corrections += len(fixed.corrections)
        unchanged = _equal_positions(fixed_w, noisy_w)
        right = _equal_positions(fixed_w, clean_w)
        for position in range(len(fixed_w)):
            if position not in unchanged:
                level.changed += 1
                level.right += position in right
        # counted as words, not places: an alignment of two differently cut texts may
        # pair a word that stayed with another
        right_read = Counter(noisy_w[position] for position in _equal_positions(noisy_w, clean_w))
        level.broken += sum((right_read - Counter(fixed_w)).values())
    level.measured_cer = char_errors / max(1, chars)
    return level


def merged(levels: list[Level]) -> Level:
    total = Level(levels[0].cer)
    for field in (
        "clean_words",
        "errors_before",
        "errors_after",
        "changed",
        "right",
        "uncertain",
        "corrections",
        "broken",
    ):
        setattr(total, field, sum(getattr(level, field) for level in levels))
    total.measured_cer = statistics.fmean(level.measured_cer for level in levels)
    return total


def cold_load_ms(runs: int = 5) -> float:
    # as users run it, with compiled modules cached (CI may turn that off)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    code = (
        "import time; t = time.perf_counter(); "
        "from rakparse.correct.engine import load_corrector; load_corrector(); "
        "print((time.perf_counter() - t) * 1000)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(runs + 1)
    ]
    return statistics.median(times[1:])  # the first run may compile and cache the modules


def sample_cells(path: Path = SAMPLE) -> list[tuple[str, str, int]]:
    """The sample's text cells with a rough column guess (for timing only)."""
    cells: list[tuple[str, str, int]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for cell in line.split("\t"):
            cell = cell.strip()
            if not cell or not re.search(r"[A-Za-z]{3}", cell) or cell.startswith("minggu"):
                continue
            if ":" in cell and cell.isupper() is False and cell.split(":")[0].isupper():
                cells.append(("label", cell, number))
            elif cell.startswith(("Sub", "Divisi", "Semua")):
                cells.append(("pelaksana", cell, number))
            else:
                cells.append(("kegiatan", cell, number))
    return cells


def sample_timing(repeats: int = 5) -> tuple[float, float, int]:
    """(ms to read and split the sample, ms to correct its cells, corrections made)."""
    read_times, fix_times = [], []
    count = 0
    for _ in range(repeats):
        start = time.perf_counter()
        cells = sample_cells()
        read_times.append((time.perf_counter() - start) * 1000)
        ocr_cost.cache_clear()  # no cache carried over from the previous round
        corrector = Corrector(load_vocabulary(), load_lexicon())
        start = time.perf_counter()
        count = sum(len(corrector.fix(text, column=col, line=n).corrections) for col, text, n in cells)
        fix_times.append((time.perf_counter() - start) * 1000)
    return statistics.median(read_times), statistics.median(fix_times), count


def convert_timing(repeats: int = 7) -> tuple[float, float, float]:
    """Median ms of converting the sample: without correction, with a fresh corrector
    (its candidate index built lazily inside, as for the first file of a run), and with
    a corrector reused from an earlier file (its per-text results forgotten)."""
    from rakparse.pipeline import convert_source, read_source, resolve_options

    no_fix, first, later = [], [], []
    plain = resolve_options(None, {"fix": False})
    fixing = resolve_options(None, {})
    reused = Corrector(load_vocabulary(), load_lexicon())
    convert_source(read_source(str(SAMPLE), fixing, None), fixing, corrector=reused)  # imports, warm-up
    for _ in range(repeats):
        start = time.perf_counter()
        convert_source(read_source(str(SAMPLE), plain, None), plain)
        no_fix.append((time.perf_counter() - start) * 1000)
        ocr_cost.cache_clear()
        fresh = Corrector(load_vocabulary(), load_lexicon())
        start = time.perf_counter()
        convert_source(read_source(str(SAMPLE), fixing, None), fixing, corrector=fresh)
        first.append((time.perf_counter() - start) * 1000)
        ocr_cost.cache_clear()
        reused.forget()
        start = time.perf_counter()
        convert_source(read_source(str(SAMPLE), fixing, None), fixing, corrector=reused)
        later.append((time.perf_counter() - start) * 1000)
    return statistics.median(no_fix), statistics.median(first), statistics.median(later)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5, help="noise draws per level (default 5)")
    parser.add_argument("--quick", action="store_true", help="one seed, no timing")
    parser.add_argument("--show", type=float, default=None, help="print wrong changes at this noise level")
    parser.add_argument(
        "--cells-alone", action="store_true", help="correct each cell alone, without its document's words"
    )
    args = parser.parse_args(argv)
    seeds = 1 if args.quick else args.seeds
    context = not args.cells_alone
    documents = load_documents()
    corrector = load_corrector()
    how = "with each document's words as context" if context else "each cell alone"
    for title, directory in SETS:
        if documents_of_set := load_documents(directory):
            report(f"{title}, {how}", documents_of_set, seeds, corrector, context)
    if args.show is not None:
        show_wrong(documents, args.show, corrector, seeds, context)
    if not args.quick:
        load_ms = cold_load_ms()
        read_ms, fix_ms, count = sample_timing()
        timing = convert_timing()
        print(
            f"cold load of vocabulary + lexicon + engine (fresh interpreter, median of 5): {load_ms:.1f} ms"
        )
        print(
            f"sample: {len(sample_cells())} text cells corrected in {fix_ms:.1f} ms ({count} corrections); "
            f"reading and splitting them takes {read_ms:.1f} ms"
        )
        no_fix, first, later = timing
        print(
            f"converting the sample: {no_fix:.1f} ms with --no-fix; with correction {first:.1f} ms "
            f"for a first file (+{first / no_fix - 1:.0%}), {later:.1f} ms for a later file "
            f"(+{later / no_fix - 1:.0%})"
        )
    return 0


def report(
    title: str, documents: list[list[tuple[str, str]]], seeds: int, corrector: Corrector, context: bool = True
) -> None:
    """Print one table: a row per noise level."""
    cells = [cell for document in documents for cell in document]
    print(
        f"{title}: {len(documents)} documents, {len(cells)} cells, "
        f"{sum(len(words(t)) for _, t in cells)} words; {seeds} seed(s) per level"
    )
    print(
        f"{'noise':>6} {'CER':>6} {'WER before':>11} {'WER after':>10} {'reduction':>10} "
        f"{'precision':>10} {'changed':>8} {'wrong':>6} {'uncertain':>10} {'broken':>7}"
    )
    for cer in LEVELS:
        level = merged([evaluate(documents, cer, seed, corrector, context=context) for seed in range(seeds)])
        print(
            f"{cer:>6.0%} {level.measured_cer:>6.2%} {level.wer_before:>11.2%} {level.wer_after:>10.2%} "
            f"{level.reduction:>10.1%} {level.precision:>10.2%} {level.changed:>8} "
            f"{level.changed - level.right:>6} {level.uncertain:>10} {level.broken:>7}"
        )


def show_wrong(
    documents: list[list[tuple[str, str]]],
    cer: float,
    corrector: Corrector,
    seeds: int = 1,
    context: bool = True,
) -> None:
    """Print every wrong change (for tuning)."""
    for seed in range(seeds):
        rng = random.Random(f"{seed}-{cer}")
        for _column, clean, noisy, fixed in correct_documents(documents, cer, rng, corrector, context):
            right = _equal_positions(words(fixed.text), words(clean))
            unchanged = _equal_positions(words(fixed.text), words(noisy))
            bad = [w for i, w in enumerate(words(fixed.text)) if i not in unchanged and i not in right]
            if bad:
                print(f"WRONG {bad}: {noisy!r} -> {fixed.text!r} (clean {clean!r})")


if __name__ == "__main__":
    raise SystemExit(main())
