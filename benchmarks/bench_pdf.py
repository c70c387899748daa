"""PDF and scan reading: speed against its baselines, and memory.

    python benchmarks/bench_pdf.py            # text layer vs pdfplumber, memory at 30/300 pages
    python benchmarks/bench_pdf.py --ocr      # also: a scanned page vs Tesseract alone,
                                              # a 10-page scan with --jobs 1 and --jobs 2

Every figure is measured in the same run as its baseline, on the same generated
file: a landscape RAK with the form's ruled 19-column grid (``tests/pdfgen.py``).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from pdfgen import rak_pdf, sample_goals, scan_pdf  # noqa: E402


def repeat_pages(pdf: bytes, pages: int) -> bytes:
    """A PDF of ``pages`` pages made by repeating ``pdf``'s pages."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    try:
        count = len(src)
        while len(out) < pages:
            take = min(count, pages - len(out))
            out.import_pages(src, list(range(take)))
        buffer = io.BytesIO()
        out.save(buffer)
    finally:
        out.close()
        src.close()
    return buffer.getvalue()


def base_pdf() -> bytes:
    return rak_pdf(None, [sample_goals(40, seed=11)])


def bench_text(path: Path, pages: int, rounds: int) -> None:
    import pdfplumber

    from rakparse.readers.pdf import read_pdf

    read_pdf(path)  # warm up imports
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        text = read_pdf(path)
        best = min(best, time.perf_counter() - start)
    ours = pages / best
    rows = sum(1 for line in text.lines if "\t" in line)

    start = time.perf_counter()
    tables = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables += len(page.extract_tables())
            page.close()  # pdfplumber caches page objects: release them
    plumber = pages / (time.perf_counter() - start)
    print(f"text layer, {pages} landscape pages, ruled 19-column grid ({rows} tab lines):")
    print(f"  rakparse read_pdf (pypdfium2 + geometry): {ours:7.1f} pages/s  (best of {rounds})")
    print(f"  pdfplumber extract_tables (baseline):     {plumber:7.1f} pages/s  ({tables} tables)")
    print(f"  ratio: {ours / plumber:.1f}x")


_MEMORY_CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from rakparse.readers.pdf import read_pdf
import pypdfium2, PIL, numpy  # what the reader loads, so the baseline includes them
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
text = read_pdf({path!r})
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(base, peak, len(text.lines), took)
"""


def bench_memory(pdf: bytes, tmp: Path) -> None:
    print("memory (peak RSS of a fresh process reading the PDF; baseline = after imports):")
    for pages in (30, 300):
        path = tmp / f"rak-{pages}.pdf"
        path.write_bytes(repeat_pages(pdf, pages))
        code = _MEMORY_CHILD.format(root=str(ROOT), path=str(path))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        base, peak, lines, took = out.stdout.split()
        print(
            f"  {pages:4d} pages ({path.stat().st_size / 1e6:5.1f} MB file, {lines} lines): "
            f"peak {int(peak) / 1024:6.1f} MB, baseline {int(base) / 1024:6.1f} MB, "
            f"reading added {(int(peak) - int(base)) / 1024:5.1f} MB, {float(took):.2f} s"
        )


def bench_ocr(pdf: bytes, tmp: Path, pages: int) -> None:
    import pypdfium2 as pdfium

    from rakparse.readers.ocr import TesseractEngine
    from rakparse.readers.pdf import OCR_DPI, read_pdf

    one = repeat_pages(pdf, 1)
    scan = scan_pdf(one, dpi=300, angle=0.6, noise=0.001)
    scan_path = tmp / "scan-1.pdf"
    scan_path.write_bytes(scan)
    # Tesseract alone on the same rendered page (same language, dpi, one thread)
    doc = pdfium.PdfDocument(scan)
    page = doc[0]
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().convert("L")
    page.close()
    doc.close()
    png = tmp / "page.png"
    image.save(png)
    engine = TesseractEngine()
    engine.check()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = engine.command(OCR_DPI)  # the same program and options rakparse uses
    command[1] = str(png)
    subprocess.run(command, capture_output=True, check=True, env=env)  # warm the cache
    before = _cpu()
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env)
    alone = time.perf_counter() - start
    alone_cpu = _cpu() - before
    load = os.getloadavg()[0]
    before = _cpu()
    start = time.perf_counter()
    read_pdf(scan_path)
    ours = time.perf_counter() - start
    ours_cpu = _cpu() - before
    print(f"scanned page (300 dpi render; load average {load:.1f}):")
    print(f"  tesseract alone on the rendered page ({' '.join(command[2:])}): {alone:5.2f} s")
    print(f"  rakparse read_pdf (render, deskew, rules, OCR, geometry): {ours:5.2f} s  "
          f"ratio {ours / alone:.2f}")  # fmt: skip
    cpu_ratio = ours_cpu / alone_cpu
    print(f"  CPU time: tesseract {alone_cpu:5.2f} s, rakparse {ours_cpu:5.2f} s, ratio {cpu_ratio:.2f}")

    # what the machine allows: two Tesseracts at once against one after the other
    start = time.perf_counter()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    both = [subprocess.Popen(command, **quiet) for _ in "ab"]  # type: ignore[call-overload]
    for process in both:
        process.wait()
    pair = time.perf_counter() - start
    ceiling = pair / (2 * alone)
    print(f"  two of them at once: {pair:5.2f} s = {ceiling:.2f} of one after the other (the ceiling)")

    many = tmp / f"scan-{pages}.pdf"
    many.write_bytes(repeat_pages(scan, pages))
    times, cpu, load = {}, {}, {}
    for jobs in (1, 2):
        load[jobs] = os.getloadavg()[0]
        before = _cpu()
        start = time.perf_counter()
        read_pdf(many, jobs=jobs)
        times[jobs] = time.perf_counter() - start
        cpu[jobs] = _cpu() - before
    print(f"{pages}-page scan on {os.cpu_count()} cores (CPU = this process + its Tesseracts;")
    print("  load = the machine's 1-minute load average before the run: other work competes):")
    for jobs in (1, 2):
        note = f"= {times[2] / times[1]:.2f} of --jobs 1" if jobs == 2 else f"({times[1] / pages:.2f} s/page)"
        figures = f"{times[jobs]:6.1f} s wall, {cpu[jobs]:6.1f} s CPU, load {load[jobs]:.1f}"
        print(f"  --jobs {jobs}: {figures}  {note}")


def _cpu() -> float:
    import resource

    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=30, help="pages for the speed comparison")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ocr", action="store_true", help="also time the OCR path (slow)")
    parser.add_argument("--scan-pages", type=int, default=10)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    pdf = base_pdf()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        path = tmp / "rak.pdf"
        path.write_bytes(repeat_pages(pdf, args.pages))
        bench_text(path, args.pages, args.rounds)
        if not args.no_memory:
            bench_memory(pdf, tmp)
        if args.ocr:
            bench_ocr(pdf, tmp, args.scan_pages)


if __name__ == "__main__":
    main()
