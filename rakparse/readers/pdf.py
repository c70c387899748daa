"""Read a PDF: its text layer where it has one, OCR where a page is only an image.

Each page is opened, turned into geometry (words with boxes and ruling lines),
turned into text lines by ``rakparse.readers.geometry``, and closed before the next,
so memory stays flat however long the document. Pages that need OCR are rendered
here (pdfium is not thread-safe, so only this thread touches it) and recognised
by ``--jobs`` Tesseract processes at a time.

Which library does what: pypdfium2 opens the PDF, gives each character with its
box and the vector paths (the table's rules), and renders scanned pages at 300
dpi; Tesseract reads the rendered pages; pdfplumber is not used on this path
(it is 20x slower on these pages) and serves only as the benchmark's baseline.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Literal

from rakparse.errors import DependencyError, InputError
from rakparse.model import Notice
from rakparse.readers.geometry import PageGeometry, page_lines
from rakparse.readers.source import PAGE_BREAK, SourceText

if TYPE_CHECKING:
    from rakparse.readers.ocr import OcrEngine

__all__ = ["OCR_DPI", "OcrMode", "read_pdf"]

OcrMode = Literal["auto", "always", "never"]
OCR_DPI = 300
#: A page with fewer visible words than this and an image on it is taken for a scan.
_MIN_WORDS = 3
#: ... or fewer than this and an image covering half the page or more.
_FEW_WORDS = 30


def load_input(path: str | os.PathLike[str] | bytes, kind: str, shown_path: str | None) -> tuple[str, bytes]:
    """The name messages use and the bytes of ``path`` (a path, or the file's bytes)."""
    if isinstance(path, bytes):
        name = shown_path if shown_path is not None else "-"
        if not path:
            raise InputError("the file is empty (0 bytes)", f"give a {kind} that has content", name)
        return name, path
    name = shown_path if shown_path is not None else os.fspath(path)
    return name, read_bytes(os.fspath(path), kind, name)


def read_bytes(file: str, kind: str, name: str | None = None) -> bytes:
    """The file's bytes; a missing, unreadable or empty file is an ``InputError``."""
    name = file if name is None else name
    try:
        with open(file, "rb") as handle:
            data = handle.read()
    except FileNotFoundError as error:
        raise InputError("no such file", "check the path", name) from error
    except IsADirectoryError as error:
        raise InputError("this is a folder, not a file", f"give a {kind} file", name) from error
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror})", "check its permissions", name) from error
    if not data:
        raise InputError("the file is empty (0 bytes)", f"give a {kind} that has content", name)
    return data


def _open(data: bytes, password: str | None, name: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if not data.lstrip()[:1024].count(b"%PDF"):
        raise InputError("this is not a PDF (no %PDF header)", "give a PDF, an image or OCR'd text", name)
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                raise InputError(
                    "encrypted: the password is wrong", "pass the right --password", name
                ) from error
            raise InputError(
                "encrypted: pass --password", "give the PDF's password with --password PASSWORD", name
            ) from error
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError(
                "encrypted with an unsupported security scheme",
                "decrypt it first (qpdf --decrypt in.pdf out.pdf)",
                name,
            ) from error
        raise InputError(
            "the PDF is damaged or truncated and cannot be opened",
            "get a complete copy of the file or re-save it from a PDF viewer",
            name,
        ) from error


def _image_cover(page: Any) -> float:
    """The largest share of the page one image covers (0 when it has none)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    area = max(width * height, 1.0)
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # an image pdfium cannot place: count it as present
            best = max(best, 0.01)
            continue
        best = max(best, (right - left) * (top - bottom) / area, 0.01)
    return best


def _is_scan(words: int, page: Any) -> bool:
    """A page to OCR: an image and (almost) no text, or an image over most of the page
    with only a little text on it (a stamp, a page number added after scanning)."""
    if words >= _FEW_WORDS:
        return False
    cover = _image_cover(page)
    return cover > 0 and (words < _MIN_WORDS or cover >= 0.5)


def _render(page: Any, dpi: int) -> Any:
    """The page as a grey PIL image at ``dpi``, in its displayed orientation."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        image = bitmap.to_pil().convert("L")  # a copy: the bitmap's buffer is freed below
    finally:
        bitmap.close()
    image.info["dpi"] = (dpi, dpi)
    return image


class Deadline:
    def __init__(self, timeout: float | None, name: str) -> None:
        self.timeout = timeout
        self.name = name
        self.end = time.monotonic() + timeout if timeout else None

    def remaining(self) -> float | None:
        if self.end is None:
            return None
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired()
        return left

    def expired(self) -> None:
        raise InputError(
            f"reading took longer than the time limit ({self.timeout:g} s)",
            "raise --timeout, or use --jobs to OCR pages in parallel",
            self.name,
        )


def read_pdf(
    path: str | os.PathLike[str] | bytes,
    *,
    ocr: OcrMode = "auto",
    jobs: int = 1,
    password: str | None = None,
    max_pages: int = 2000,
    timeout: float | None = None,
    engine: OcrEngine | None = None,
    shown_path: str | None = None,
) -> SourceText:
    """The text of a PDF, page by page: the text layer, or OCR for image-only pages.

    ``ocr``: ``auto`` OCRs pages without a text layer, ``always`` every page,
    ``never`` none (a scanned page then gives no text and a notice). ``jobs`` pages
    are OCR'd at a time. Raises ``InputError`` for an encrypted (without the right
    ``password``), damaged or empty file, more than ``max_pages`` pages, or when
    reading takes longer than ``timeout`` seconds; ``DependencyError`` when a page
    needs OCR and Tesseract is missing.

    ``path`` may also be the file's bytes; ``shown_path`` is the name messages and
    ``SourceText.path`` use (default: ``path`` as given).
    """
    name, data = load_input(path, "PDF", shown_path)
    deadline = Deadline(timeout, name)
    sha256 = hashlib.sha256(data).hexdigest()
    doc = _open(data, password, name)
    notices: list[Notice] = []
    pages: dict[int, list[str]] = {}
    ocred: set[int] = set()
    try:
        count = len(doc)
        if count == 0:
            raise InputError("the PDF has no pages", "give a PDF that has content", name)
        if count > max_pages:
            raise InputError(
                f"the PDF has {count} pages, more than --max-pages {max_pages}",
                f"raise --max-pages to at least {count} or split the file",
                name,
            )
        pool: ThreadPoolExecutor | None = None
        pending: deque[tuple[int, Future[PageGeometry]]] = deque()
        ocr_engine: OcrEngine | None = engine

        def collect(block: bool) -> None:
            while pending and (block or pending[0][1].done() or len(pending) > 2 * max(jobs, 1)):
                number, future = pending.popleft()
                try:
                    geometry = future.result(timeout=deadline.remaining())
                except TimeoutError:
                    deadline.expired()
                    raise  # not reached
                except (DependencyError, InputError):  # Tesseract missing, time limit
                    raise
                except Exception as error:  # OcrPageError or an engine's own failure
                    notices.append(skipped_notice(number, str(error)))
                    pages[number] = []
                    continue
                pages[number] = page_lines(geometry)

        try:
            for index in range(count):
                deadline.remaining()
                try:
                    page = doc[index]
                except Exception as error:  # pdfium cannot load this page's content
                    notices.append(skipped_notice(index, f"pdfium cannot load it ({error})"))
                    pages[index] = []
                    continue
                try:
                    geometry = _text_geometry(page, index, notices)
                    words = len(geometry.words) if geometry else 0
                    looks_scanned = _is_scan(words, page)
                    scan = ocr == "always" or (ocr == "auto" and looks_scanned)
                    if not scan:
                        if ocr == "never" and looks_scanned:
                            notices.append(
                                Notice(
                                    None,
                                    "read.no-text",
                                    f"page {index + 1} is a scanned image and --ocr never was given: "
                                    "only its text layer was read",
                                )
                            )
                        pages[index] = page_lines(geometry) if geometry else []
                        continue
                    if ocr_engine is None:
                        ocr_engine = _default_engine()
                    image = _render(page, OCR_DPI)
                finally:
                    page.close()
                if pool is None:
                    pool = ThreadPoolExecutor(max_workers=max(jobs, 1), thread_name_prefix="rakparse-ocr")
                ocred.add(index)
                pending.append((index, pool.submit(_ocr_page, image, ocr_engine, deadline)))
                collect(block=False)
            collect(block=True)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
    finally:
        doc.close()
    if ocred and all(not pages.get(i) for i in range(count)):
        failed = [n for n in notices if n.code == "read.page-skipped"]
        if failed:
            raise InputError(
                f"no page could be read: {failed[0].message}",
                "check the file opens in a PDF viewer; rerun with --ocr never for the text layer",
                name,
            )
    lines: list[str] = []
    for index in range(count):
        if index:
            lines.append(PAGE_BREAK)
        lines.extend(pages.get(index, []))
    return SourceText(
        lines=tuple(lines),
        format="pdf-ocr" if ocred else "pdf-text",
        sha256=sha256,
        path=name,
        pages=count,
        notices=tuple(notices),
    )


def skipped_notice(index: int, why: str) -> Notice:
    return Notice(None, "read.page-skipped", f"page {index + 1} could not be read and was skipped: {why}")


def _text_geometry(page: Any, index: int, notices: list[Notice]) -> PageGeometry | None:
    from rakparse.readers.pdf_text import page_geometry

    try:
        return page_geometry(page)
    except Exception as error:  # a page whose text layer pdfium cannot parse
        notices.append(
            Notice(None, "read.page-text", f"page {index + 1}: the text layer cannot be read ({error})")
        )
        return None


def _default_engine() -> OcrEngine:
    from rakparse.readers.ocr import TesseractEngine

    engine = TesseractEngine()
    engine.check()
    return engine


def _ocr_page(image: Any, engine: OcrEngine, deadline: Deadline) -> PageGeometry:
    from rakparse.readers.ocr import image_geometry

    return image_geometry(image, engine, dpi=OCR_DPI, timeout=deadline.remaining())
