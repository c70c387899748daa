"""Benchmark of the core pipeline (not a test): `make bench`.

Measures, in one run on this machine:
- converting the real sample in process (median of many runs), with OCR correction
  and with --no-fix, and the share correction adds;
- cold loading of the corrector (vocabulary and lexicon) in a fresh interpreter;
- CLI start-up: `rakparse --version`, against a bare `python -c pass` baseline.
Targets (issue 2 and 3): sample < 10 ms in process; start-up < 0.25 s; correction
adds ≤ 30 %; cold load ≤ 100 ms.
"""

from __future__ import annotations

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


def subprocess_seconds(args: list[str], repeat: int = 10) -> float:
    return median_seconds(lambda: subprocess.run(args, check=True, capture_output=True, cwd=ROOT), repeat)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from rakparse.options import ConvertOptions
    from rakparse.pipeline import convert

    data = SAMPLE.read_bytes()
    fixed, plain = ConvertOptions(), ConvertOptions(fix=False)
    convert(data, fixed)  # warm caches: vocabulary, lexicon, label matcher
    with_fix = median_seconds(lambda: convert(data, fixed), 200)
    without = median_seconds(lambda: convert(data, plain), 200)
    load_line = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); from rakparse.correct.engine import load_corrector; "
            "load_corrector(); print(time.perf_counter()-t)",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    cold = float(load_line.stdout.strip())
    rakparse_bin = str(Path(sys.executable).with_name("rakparse"))
    startup = subprocess_seconds([rakparse_bin, "--version"])
    baseline = subprocess_seconds([sys.executable, "-c", "pass"])
    print(f"{'measure':44} {'value':>12}  target")
    print(f"{'convert sample in process (with correction)':44} {with_fix * 1000:10.2f} ms  < 10 ms")
    print(f"{'convert sample in process (--no-fix)':44} {without * 1000:10.2f} ms")
    print(f"{'time correction adds':44} {(with_fix / without - 1) * 100:10.1f} %   <= 30 %")
    print(f"{'cold load of vocabulary and lexicon':44} {cold * 1000:10.1f} ms  <= 100 ms")
    print(f"{'rakparse --version start-up':44} {startup * 1000:10.1f} ms  < 250 ms")
    print(
        f"{'python -c pass (baseline, same run)':44} {baseline * 1000:10.1f} ms  ({startup / baseline:.1f}x)"
    )


if __name__ == "__main__":
    main()
