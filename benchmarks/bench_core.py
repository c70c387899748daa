"""Benchmark of the core pipeline (not a test): `make bench`.

Measures, in one run on this machine:
- converting the real sample in process (median of many runs), with OCR correction
  and with --no-fix, and the share correction adds: with every cell and word new to
  the corrector (the strict figure), in a batch of the text samples (words learnt in
  one document kept for the next), and end to end through `rakparse convert`;
- cold loading of the corrector (vocabulary and lexicon) in a fresh interpreter;
- CLI start-up: `rakparse --version`, against a bare `python -c pass` baseline.
Targets (issue 2 and 3): sample < 10 ms in process; start-up < 0.25 s; correction
adds ≤ 30 %; cold load ≤ 100 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"


def median_seconds(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


#: as users run it: Python caches compiled modules (a CI setting may turn that off,
#: which would charge every start-up with compiling rakparse's own modules)
USER_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def subprocess_seconds(args: list[str], repeat: int = 10) -> float:
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=USER_ENV)  # compile once
    return median_seconds(
        lambda: subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=USER_ENV), repeat
    )


def paired_subprocess_seconds(
    args: list[str], baseline: list[str], pairs: int = 15, env: dict[str, str] = USER_ENV
) -> tuple[float, float, float]:
    """Median seconds of ``args`` and of ``baseline``, run alternately, and the median
    of their ratio within each pair: a machine whose load changes during the run
    moves both sides of a pair alike, where two blocks of runs would drift apart."""

    def run(command: list[str]) -> None:
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)

    run(args)  # compile once
    run(baseline)
    measured, base = [], []
    for _ in range(pairs):
        for command, times in ((args, measured), (baseline, base)):
            start = time.perf_counter()
            run(command)
            times.append(time.perf_counter() - start)
    ratios = [a / b for a, b in zip(measured, base, strict=True)]
    return statistics.median(measured), statistics.median(base), statistics.median(ratios)


def seconds_in_fresh_process(
    setup: str, timed: str, repeat: int = 5, env: dict[str, str] = USER_ENV
) -> float:
    """Median seconds ``timed`` takes in a new interpreter, after ``setup`` (not timed)."""
    code = f"import time\n{setup}\nt = time.perf_counter()\n{timed}\nprint(time.perf_counter() - t)"
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT, env=env
        ).stdout
        for _ in range(repeat + 1)
    ]
    return statistics.median(float(out.strip()) for out in runs[1:])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from rakparse.correct.engine import load_corrector
    from rakparse.options import ConvertOptions
    from rakparse.pipeline import convert

    data = SAMPLE.read_bytes()
    fixed, plain = ConvertOptions(), ConvertOptions(fix=False)
    corrector = load_corrector()
    convert(data, fixed)  # load vocabulary, lexicon and candidate index once
    without = median_seconds(lambda: convert(data, plain), 200)
    repeat = median_seconds(lambda: convert(data, fixed), 200)

    def fresh() -> None:
        corrector.forget()  # as a new document finds it: no cell seen before
        convert(data, fixed)

    with_fix = median_seconds(fresh, 50)
    texts = [path.read_bytes() for path in sorted(SAMPLE.parent.glob("*.txt"))]

    def batch(options: ConvertOptions) -> None:
        corrector.forget()  # a new batch: what it learns of words is kept across its documents
        for text in texts:
            convert(text, options)

    batch_without = median_seconds(lambda: batch(plain), 20)
    batch_with = median_seconds(lambda: batch(fixed), 20)
    out = ROOT / "out" / "bench-core.json"
    out.parent.mkdir(exist_ok=True)
    cli = [str(Path(sys.executable).with_name("rakparse")), "convert", str(SAMPLE), "-o", str(out)]
    cli_with, cli_without, cli_ratio = paired_subprocess_seconds(cli, [*cli, "--no-fix"])
    # without the corrector's snapshot (rakparse.correct.snapshot): built in every process
    built_env = {**USER_ENV, "RAKPARSE_NO_CACHE": "1"}
    built_with, built_without, built_ratio = paired_subprocess_seconds(cli, [*cli, "--no-fix"], env=built_env)
    first_fix = seconds_in_fresh_process(
        "from rakparse.pipeline import convert; from rakparse.correct.engine import load_corrector; "
        f"load_corrector(); d = open({str(SAMPLE)!r}, 'rb').read()",
        "convert(d)",
    )
    cold = seconds_in_fresh_process(
        "", "from rakparse.correct.engine import load_corrector; load_corrector()"
    )
    cold_built = seconds_in_fresh_process(
        "", "from rakparse.correct.engine import load_corrector; load_corrector()", env=built_env
    )
    rakparse_bin = str(Path(sys.executable).with_name("rakparse"))
    startup = subprocess_seconds([rakparse_bin, "--version"])
    baseline = subprocess_seconds([sys.executable, "-c", "pass"])
    print(f"{'measure':44} {'value':>12}  target")
    print(f"{'convert sample in process (--no-fix)':44} {without * 1000:10.2f} ms  < 10 ms")
    print(f"{'  with correction, cells new to it':44} {with_fix * 1000:10.2f} ms")
    print(f"{'  with correction, same file again (cached)':44} {repeat * 1000:10.2f} ms")
    print(f"{'  with correction, first file of a process':44} {first_fix * 1000:10.2f} ms")
    print(f"{'time correction adds (cells new to it)':44} {(with_fix / without - 1) * 100:10.1f} %   <= 30 %")
    label = f"  a batch of the {len(texts)} text samples, --no-fix"
    print(f"{label:44} {batch_without * 1000:10.2f} ms")
    print(
        f"{'  the same batch with correction':44} {batch_with * 1000:10.2f} ms  "
        f"(+{(batch_with / batch_without - 1) * 100:.0f} %)"
    )
    print(f"{'  rakparse convert sample.txt, --no-fix':44} {cli_without * 1000:10.1f} ms")
    print(
        f"{'  rakparse convert sample.txt':44} {cli_with * 1000:10.1f} ms  "
        f"(+{(cli_ratio - 1) * 100:.0f} %, median of 15 alternating pairs)  <= 30 %"
    )
    print(
        f"{'  the same, corrector built (no snapshot)':44} {built_with * 1000:10.1f} ms  "
        f"(+{(built_ratio - 1) * 100:.0f} % of {built_without * 1000:.1f} ms, 15 alternating pairs)"
    )
    print(f"{'cold load of vocabulary and lexicon':44} {cold * 1000:10.1f} ms  <= 100 ms")
    print(f"{'  the same, built (no snapshot)':44} {cold_built * 1000:10.1f} ms  <= 100 ms")
    print(f"{'rakparse --version start-up':44} {startup * 1000:10.1f} ms  < 250 ms")
    print(
        f"{'python -c pass (baseline, same run)':44} {baseline * 1000:10.1f} ms  ({startup / baseline:.1f}x)"
    )


if __name__ == "__main__":
    main()
