"""Read an image file (``.png .jpg .jpeg .tif .tiff``) by OCR; a multi-page TIFF
gives one page per frame. The image's own resolution is used when it has one,
300 dpi is assumed otherwise (scanners' usual setting)."""

from __future__ import annotations

import hashlib
import io
import os
from typing import TYPE_CHECKING

from rakparse.errors import DependencyError, InputError
from rakparse.model import Notice
from rakparse.readers.source import PAGE_BREAK, SourceText

if TYPE_CHECKING:
    from rakparse.readers.ocr import OcrEngine

__all__ = ["read_image"]

_DEFAULT_DPI = 300.0


def read_image(
    path: str | os.PathLike[str] | bytes,
    *,
    engine: OcrEngine | None = None,
    timeout: float | None = None,
    shown_path: str | None = None,
    max_pages: int = 2000,
) -> SourceText:
    """OCR an image file into ``SourceText`` (``format="image"``).

    Raises ``InputError`` for an empty or undecodable image (or one whose every
    page fails), ``DependencyError`` when Tesseract is missing. A frame that
    cannot be read is skipped with a ``read.page-skipped`` notice.
    """
    import warnings

    from PIL import Image, ImageSequence, UnidentifiedImageError

    from rakparse.readers.geometry import page_lines
    from rakparse.readers.ocr import OcrPageError, TesseractEngine, image_geometry
    from rakparse.readers.pdf import Deadline, load_input, skipped_notice

    name, data = load_input(path, "image", shown_path)
    deadline = Deadline(timeout, name)
    if engine is None:
        tesseract = TesseractEngine()
        tesseract.check()
        engine = tesseract
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise InputError(
            "the image is damaged or in a format that cannot be read",
            "give a PNG, JPEG or TIFF file (or re-save it from an image viewer)",
            name,
        ) from error
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise InputError("the image is too large to read safely", "scale it down to 300 dpi", name) from error
    pages: list[list[str]] = []
    notices: list[Notice] = []
    try:
        frames = getattr(image, "n_frames", 1)
        if frames > max_pages:
            raise InputError(
                f"the image has {frames} pages, more than --max-pages {max_pages}",
                f"raise --max-pages to at least {frames}",
                name,
            )
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            dpi = _dpi(frame.info.get("dpi"))
            page = frame.convert("L")
            try:
                geometry = image_geometry(page, engine, dpi=dpi, timeout=deadline.remaining())
            except DependencyError:
                raise
            except OcrPageError as error:
                notices.append(skipped_notice(index, str(error)))
                pages.append([])
                continue
            pages.append(page_lines(geometry))
    finally:
        image.close()
    if notices and not any(pages):
        raise InputError(
            f"no page could be read: {notices[0].message}", "check the image opens in a viewer", name
        )
    lines: list[str] = []
    for index, page_text in enumerate(pages):
        if index:
            lines.append(PAGE_BREAK)
        lines.extend(page_text)
    return SourceText(
        lines=tuple(lines),
        format="image",
        sha256=hashlib.sha256(data).hexdigest(),
        path=name,
        pages=len(pages),
        notices=tuple(notices),
    )


def _dpi(value: object) -> float:
    """The horizontal resolution an image declares, or 300 when it declares none."""
    if isinstance(value, tuple) and value:
        try:
            dpi = float(value[0])
        except (TypeError, ValueError):
            return _DEFAULT_DPI
        if 50 <= dpi <= 1200:
            return dpi
    return _DEFAULT_DPI
