"""OCR of page images: Tesseract's word boxes and the table's rules seen in the image.

Tesseract's plain text loses a RAK table's grid (field notes), so rakparse asks for
its TSV output (every word with its box) and finds the ruling lines in the image
itself: long runs of dark pixels. Both go to the same geometry code as a text
PDF's words and rules (``rakparse.readers.geometry``).

Before OCR a page is straightened (a scan is rarely square: the skew is the angle
at which the rows of dark pixels line up best) and its rules are erased, which
keeps Tesseract from reading them as ``|`` or ``l`` and from merging cells.

A page that reads as scraps (scanned on its side) is turned the way Tesseract's
orientation detection says and read again.

Tesseract reads the page as one block (``--psm 6``): with the rules erased and
the words placed by their boxes, that finds the lone row numbers and short cells
that automatic page segmentation drops.

Tesseract runs behind a small protocol, :class:`OcrEngine`, so tests can use a fake
and a crashing engine. :class:`TesseractEngine` runs the ``tesseract`` program with
``OMP_THREAD_LIMIT=1``: pages run in parallel processes (``--jobs``), and
Tesseract's own threads would oversubscribe the cores (as OCRmyPDF found).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from rakparse.errors import DependencyError
from rakparse.readers.geometry import PageGeometry, Rule, Word

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["OcrEngine", "OcrPageError", "TesseractEngine", "image_geometry"]

INSTALL_ADVICE = (
    "install Tesseract with Indonesian: sudo apt-get install tesseract-ocr tesseract-ocr-ind "
    "(or your system's tesseract package with the 'ind' language)"
)


class OcrPageError(Exception):
    """One page could not be OCR'd (the engine failed or timed out on it)."""


class OcrEngine(Protocol):
    """What rakparse needs from an OCR engine: the words of an image with pixel boxes."""

    def words(self, image: Image.Image, *, timeout: float | None) -> list[Word]: ...


class TesseractEngine:
    """The ``tesseract`` program, TSV output, ``-l ind+eng``, one thread per process."""

    def __init__(self, languages: str = "ind+eng", program: str = "tesseract", psm: int = 6) -> None:
        self.languages = languages
        self.program = program
        self.psm = psm
        self._checked = False

    def check(self) -> None:
        """Raise ``DependencyError`` when the program or a language is missing."""
        if self._checked:
            return
        exe = shutil.which(self.program)
        if exe is None:
            raise DependencyError("this is a scan and Tesseract (OCR) is not installed", INSTALL_ADVICE)
        try:
            result = subprocess.run(
                [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise DependencyError(f"cannot run Tesseract: {error}", INSTALL_ADVICE) from error
        have = set(result.stdout.split())
        missing = [lang for lang in self.languages.split("+") if lang not in have]
        if missing:
            raise DependencyError(f"Tesseract has no language data for {', '.join(missing)}", INSTALL_ADVICE)
        self.program = exe
        self._checked = True

    def command(self, dpi: int) -> list[str]:
        return [
            self.program, "stdin", "stdout", "-l", self.languages,
            "--psm", str(self.psm), "--dpi", str(dpi), "tsv",
        ]  # fmt: skip

    def words(self, image: Image.Image, *, timeout: float | None) -> list[Word]:
        dpi = int(image.info.get("dpi", (300, 300))[0] or 300)
        return self.start(dpi).words(image, timeout=timeout)

    def start(self, dpi: int) -> TesseractRun:
        """Start Tesseract before the page is ready: it loads its language models
        (a quarter of a second) while rakparse straightens the page."""
        self.check()
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        try:
            process = subprocess.Popen(
                self.command(dpi),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        except OSError as error:
            raise DependencyError(f"cannot run Tesseract: {error}", INSTALL_ADVICE) from error
        return TesseractRun(process)

    def orientation(self, image: Image.Image, *, timeout: float | None) -> int:
        """The clockwise turn that sets the page upright (0, 90, 180, 270), from
        Tesseract's orientation detection (full size: small print needs it); 0 when
        unsure or when the ``osd`` data is not installed."""
        self.check()
        buffer = io.BytesIO()
        image.convert("L").save(buffer, format="BMP")
        dpi = int(image.info.get("dpi", (300, 300))[0] or 300)
        command = [self.program, "stdin", "stdout", "--psm", "0", "--dpi", str(max(dpi, 70))]
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        try:
            result = subprocess.run(
                command, input=buffer.getvalue(), capture_output=True, timeout=timeout, env=env, check=False
            )
        except (subprocess.TimeoutExpired, OSError):
            return 0
        if result.returncode != 0:
            return 0
        return parse_osd(result.stdout.decode("utf-8", "replace"))


class TesseractRun:
    """One running ``tesseract`` waiting for its page on standard input."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def words(self, image: Image.Image, *, timeout: float | None) -> list[Word]:
        buffer = io.BytesIO()
        image.save(buffer, format="BMP")  # uncompressed: no time spent encoding
        try:
            out, err = self.process.communicate(buffer.getvalue(), timeout=timeout)
        except subprocess.TimeoutExpired as error:
            self.cancel()
            raise OcrPageError(f"Tesseract took longer than {timeout:.0f} s") from error
        except BaseException:
            self.cancel()
            raise
        if self.process.returncode != 0:
            message = err.decode("utf-8", "replace").strip().splitlines()
            raise OcrPageError(f"Tesseract failed ({message[-1] if message else self.process.returncode})")
        return parse_tsv(out.decode("utf-8", "replace"))

    def cancel(self) -> None:
        """Stop the process (the page will not come) and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


def parse_osd(text: str) -> int:
    """The clockwise turn (degrees) Tesseract's orientation detection asks for, or 0
    when it is unsure.

    >>> parse_osd("Orientation in degrees: 270\\nRotate: 90\\nOrientation confidence: 4.44\\n")
    90
    >>> parse_osd("Rotate: 180\\nOrientation confidence: 1.21\\n")
    0
    """
    turn = re.search(r"Rotate:\s*(\d+)", text)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", text)
    if not turn or not confidence or float(confidence.group(1)) < 2.0:
        return 0
    return int(turn.group(1)) % 360


def parse_tsv(tsv: str) -> list[Word]:
    """Words (level 5) of Tesseract's TSV output with their pixel boxes.

    >>> parse_tsv("level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\t"
    ...           "height\\tconf\\ttext\\n5\\t1\\t1\\t1\\t1\\t1\\t10\\t20\\t30\\t12\\t96.5\\tTAHUN")
    [Word(x0=10.0, top=20.0, x1=40.0, bottom=32.0, text='TAHUN')]
    """
    words = []
    for line in tsv.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        left, top, width, height = (float(v) for v in parts[6:10])
        words.append(Word(left, top, left + width, top + height, text))
    return words


# -- image processing (numpy) --------------------------------------------------------


def estimate_skew(dark: Any, max_angle: float = 3.0) -> float:
    """The angle (degrees, counter-clockwise) by which the page's content is turned:
    the one at which rows of dark pixels line up most sharply."""
    import numpy as np

    step = max(1, dark.shape[1] // 1000)
    small = dark[::step, ::step]
    ys, xs = np.nonzero(small)
    if len(ys) < 100:
        return 0.0
    if len(ys) > 200_000:  # a sample is enough
        pick = np.random.default_rng(0).choice(len(ys), 200_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs.astype(np.float64)

    def score(angle: float) -> float:
        proj = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        proj -= proj.min()
        counts = np.bincount(proj).astype(np.float64)
        return float((counts * counts).sum())

    best = max(np.arange(-max_angle, max_angle + 1e-9, 0.25), key=score)
    fine = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=score)
    return float(fine)


def _runs(mask: Any, min_length: int) -> Any:
    """Runs of True along each row of ``mask``: an array of (row, start, end)."""
    import numpy as np

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    rows, starts = np.nonzero(diff == 1)
    _, ends = np.nonzero(diff == -1)
    keep = (ends - starts) >= min_length
    return np.stack([rows[keep], starts[keep], ends[keep]], axis=1)


def image_rules(dark: Any, dpi: float) -> tuple[list[Rule], Any]:
    """Horizontal and vertical ruling lines in a binary image (long runs of dark
    pixels), and a mask of their pixels. Full resolution: at half resolution the
    letters of a word run together into something as long as a rule."""
    import numpy as np

    # bridge one-pixel holes (noise, thin scans) before measuring runs
    bridged_h = dark.copy()
    bridged_h[:, 1:-1] |= dark[:, :-2] & dark[:, 2:]
    bridged_v = dark.copy()
    bridged_v[1:-1, :] |= dark[:-2, :] & dark[2:, :]
    h_min = int(dpi * 0.22)
    v_min = int(dpi * 0.16)
    rules: list[Rule] = []
    mask = np.zeros_like(dark)
    for row, start, end in _runs(bridged_h, h_min):
        rules.append(Rule(float(start), float(row), float(end), float(row)))
        mask[row, start:end] = True
    for col, start, end in _runs(np.ascontiguousarray(bridged_v.T), v_min):
        rules.append(Rule(float(col), float(start), float(col), float(end)))
        mask[start:end, col] = True
    return rules, mask


def prepare(image: Image.Image, dpi: float) -> tuple[Image.Image, list[Rule]]:
    """Straighten a page image and find its rules; returns the image with its rules
    erased (what Tesseract reads) and the rules (in that image's pixels)."""
    import numpy as np
    from PIL import Image as PILImage
    from PIL import ImageFilter

    gray = image.convert("L")
    dark = np.asarray(gray) < 140
    angle = estimate_skew(dark)
    if abs(angle) >= 0.05:
        gray = gray.rotate(-angle, resample=PILImage.Resampling.BILINEAR, expand=False, fillcolor=255)
        dark = np.asarray(gray) < 140
    # Salt-and-pepper noise: when a 3x3 median filter would remove more than 3 % of
    # the dark pixels of a 300 dpi page (clean text loses under 2 %), Tesseract reads
    # the filtered page better. Rules are found before: the filter thins them.
    # Judged on a band across the middle of the page, filtered whole only if noisy.
    if dpi >= 250:
        h16 = gray.height // 16
        middle = gray.crop((0, 7 * h16, gray.width, 9 * h16))
        before = np.asarray(middle) < 140
        after = np.asarray(middle.filter(ImageFilter.MedianFilter(3))) < 140
        if int(np.count_nonzero(before & ~after)) > 0.03 * max(int(np.count_nonzero(before)), 1):
            gray = gray.filter(ImageFilter.MedianFilter(3))
    rules, mask = image_rules(dark, dpi)
    if rules:
        # grow the mask so the anti-aliased edges of the rules go too, then paint it white
        grown = mask.copy()
        for _ in range(2):
            step = grown.copy()
            grown[1:, :] |= step[:-1, :]
            grown[:-1, :] |= step[1:, :]
            grown[:, 1:] |= step[:, :-1]
            grown[:, :-1] |= step[:, 1:]
        stencil = PILImage.fromarray(grown.astype(np.uint8) * 255)
        gray = gray.copy()
        gray.paste(255, (0, 0, gray.width, gray.height), stencil)
    gray.info["dpi"] = (dpi, dpi)
    return gray, rules


def image_geometry(
    image: Image.Image, engine: OcrEngine, *, dpi: float, timeout: float | None
) -> PageGeometry:
    """A page image as geometry: straightened, rules found, words from the engine.

    A page scanned sideways (a landscape table on a portrait scanner) reads as
    scraps; then, when the engine can tell a page's orientation (Tesseract's OSD),
    the page is turned and read again, and the better reading kept.
    """
    started = time.monotonic()
    start = getattr(engine, "start", None)  # Tesseract loads its models meanwhile
    reader: OcrEngine = start(int(dpi)) if start is not None else engine
    try:
        clean, rules = prepare(image, dpi)
    except BaseException:
        cancel = getattr(reader, "cancel", None)
        if cancel is not None:
            cancel()
        raise
    words = _words_of(reader, clean, timeout)
    orientation = getattr(engine, "orientation", None)
    if orientation is not None and looks_garbled(words):
        left = None if timeout is None else timeout - (time.monotonic() - started)
        turn = int(orientation(image, timeout=left))
        if turn in (90, 180, 270):
            turned = image.rotate(-turn, expand=True, fillcolor=255)
            clean_2, rules_2 = prepare(turned, dpi)
            left = None if timeout is None else timeout - (time.monotonic() - started)
            words_2 = _words_of(engine, clean_2, left)
            if readable_share(words_2) > readable_share(words):
                clean, rules, words = clean_2, rules_2, words_2
    return PageGeometry(float(clean.width), float(clean.height), _clean_words(words), rules)


def _words_of(engine: OcrEngine, image: Image.Image, timeout: float | None) -> list[Word]:
    if timeout is not None and timeout <= 0:
        cancel = getattr(engine, "cancel", None)
        if cancel is not None:  # a started Tesseract waiting for the page
            cancel()
        raise OcrPageError("no time left for this page")
    try:
        return engine.words(image, timeout=timeout)
    except (DependencyError, OcrPageError):
        raise
    except Exception as error:  # an engine is foreign code: any failure is this page's
        raise OcrPageError(f"OCR failed: {error}") from error


_READABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%/-]{2,}")


def readable_share(words: Sequence[Word]) -> float:
    """The share of words that look like words (3+ letters or digits), not scraps.

    >>> readable_share([Word(0, 0, 1, 1, "RENCANA"), Word(0, 0, 1, 1, "|"), Word(0, 0, 1, 1, "c")])
    0.3333333333333333
    """
    if not words:
        return 0.0
    return sum(1 for w in words if _READABLE.fullmatch(w.text)) / len(words)


def looks_garbled(words: Sequence[Word]) -> bool:
    """Many words, few of them readable: what Tesseract makes of a page on its side
    (an upright RAK page reads about 75 % readable, a sideways one about 10 %)."""
    return len(words) >= 30 and readable_share(words) < 0.3


def _clean_words(words: Sequence[Word]) -> list[Word]:
    """Drop what Tesseract makes of leftover rule fragments and specks: ``|``, ``_``,
    ``—``, and punctuation-only "words" much smaller than the text around them."""
    import statistics

    junk = set("|_—=[]{}!")
    punctuation = set(".,:;'\"“”‘’`·*~^°")
    heights: list[float] = [w.height for w in words if w.text.strip()]
    small = float(statistics.median(heights)) * 0.6 if heights else 0.0
    out = []
    for word in words:
        text = word.text.strip()
        if not text or set(text) <= junk:
            continue
        if set(text) <= punctuation and word.height < small:
            continue
        out.append(word)
    return out
