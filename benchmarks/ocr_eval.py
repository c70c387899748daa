"""Measure the OCR correction engine on real OCR errors: Tesseract reading degraded scans.

Run: ``.venv/bin/python benchmarks/ocr_eval.py`` (``make eval-ocr``); needs Tesseract
with the Indonesian model (``tesseract-ocr-ind``), which ``make`` installs.

``correction_eval.py`` draws errors from a noise model. Real OCR errors differ: an OCR
engine with a language model reads a blurred ``daerah`` as the real word ``darah``,
drops or merges whole syllables, and rarely invents a `q`. Here each clean cell of
the development and held-out sets is rendered as one printed line, degraded as a poor
scan is (small type, blur, grain, JPEG artefacts; three levels, deterministic), and
read by Tesseract (``-l ind --psm 7``). The cells as read are then corrected as
``convert`` corrects them (each agency's file one document, its words as context) and
scored with the same measures as ``correction_eval.py``: words wrong before and after,
the share of errors removed, and the share of changes that were right.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parent))

import correction_eval as ce

FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)


@dataclass(frozen=True)
class Scan:
    """How a printed line is degraded: type size in pixels, blur radius, grain (the
    standard deviation of Gaussian noise on 0..255) and JPEG quality."""

    name: str
    size: int
    blur: float
    grain: float
    quality: int


SCANS = (
    Scan("fair scan", 13, 0.7, 30, 30),
    Scan("poor scan", 12, 0.75, 32, 28),
    Scan("bad scan", 12, 0.8, 35, 25),
)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONTS:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def render(text: str, scan: Scan, rng: random.Random) -> Image.Image:
    """``text`` printed on one line and scanned badly."""
    face = font(scan.size)
    width = int(face.getlength(text)) + 2 * scan.size
    image = Image.new("L", (width, 2 * scan.size), 255)
    ImageDraw.Draw(image).text((scan.size, scan.size * 0.4), text, font=face, fill=0)
    image = image.filter(ImageFilter.GaussianBlur(scan.blur))
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + np.random.default_rng(rng.randrange(1 << 30)).normal(0, scan.grain, pixels.shape)
    image = Image.fromarray(pixels.clip(0, 255).astype("uint8"))
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=scan.quality)
    return Image.open(jpeg).convert("L")


def read_with_tesseract(texts: list[str], scan: Scan, seed: str) -> list[str]:
    """Each text rendered and degraded by ``scan``, as Tesseract reads it back."""
    rng = random.Random(f"{seed}-{scan.name}")
    with tempfile.TemporaryDirectory(prefix="rakparse-ocr-eval-") as folder:
        paths = []
        for number, text in enumerate(texts):
            path = Path(folder) / f"{number:05}.png"
            render(text, scan, rng).save(path)
            paths.append(str(path))
        listing = Path(folder) / "pages.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        # one process for all lines (the model loads once); one thread, as OpenMP
        # threads only slow Tesseract down on small images
        result = subprocess.run(
            ["tesseract", str(listing), "stdout", "-l", "ind", "--psm", "7"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    pages = result.stdout.split("\f")
    if len(pages) < len(texts):
        raise SystemExit(f"tesseract returned {len(pages)} pages for {len(texts)} images")
    return [" ".join(page.split()) for page in pages[: len(texts)]]


def report(title: str, documents: list[list[tuple[str, str]]], corrector: ce.Corrector) -> None:
    cells = [text for document in documents for _column, text in document]
    count = sum(len(ce.words(text)) for text in cells)
    print(f"{title}: {len(documents)} documents, {len(cells)} cells, {count} words")
    print(
        f"{'scan':>10} {'CER':>6} {'WER before':>11} {'WER after':>10} {'reduction':>10} "
        f"{'precision':>10} {'changed':>8} {'wrong':>6} {'uncertain':>10} {'broken':>7}"
    )
    for scan in SCANS:
        flat = read_with_tesseract(cells, scan, title)
        read: list[list[str]] = []
        for document in documents:
            read.append(flat[: len(document)])
            flat = flat[len(document) :]
        level = ce.score(ce.Level(0.0), ce.correct_read(documents, read, corrector))
        print(
            f"{scan.name:>10} {level.measured_cer:>6.2%} {level.wer_before:>11.2%} {level.wer_after:>10.2%} "
            f"{level.reduction:>10.1%} {level.precision:>10.2%} {level.changed:>8} "
            f"{level.changed - level.right:>6} {level.uncertain:>10} {level.broken:>7}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if shutil.which("tesseract") is None:
        print("ocr_eval.py needs Tesseract: apt-get install tesseract-ocr tesseract-ocr-ind", file=sys.stderr)
        return 2
    corrector = ce.load_corrector()
    for title, directory in ce.SETS:
        if documents := ce.load_documents(directory):
            report(title, documents, corrector)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
