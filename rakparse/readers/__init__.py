"""Reading stage: any input → ``SourceText`` (text, PDF text layer, or OCR)."""

from __future__ import annotations

import os
from pathlib import Path

from rakparse.errors import InputError
from rakparse.options import ConvertOptions
from rakparse.readers.source import SourceText
from rakparse.readers.text import read_text_bytes

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def kind_of(data: bytes) -> str:
    """``pdf``, ``image`` or ``text``, by the first bytes (never by the file name).

    >>> kind_of(b"%PDF-1.7"), kind_of(b"\\x89PNG\\r\\n"), kind_of(b"NO.\\tSASARAN")
    ('pdf', 'image', 'text')
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if data.startswith(_IMAGE_MAGIC):
        return "image"
    return "text"


def read_path(path: str | os.PathLike[str], options: ConvertOptions) -> SourceText:
    """Read a file given by path; ``path`` is kept as the user gave it."""
    shown = os.fspath(path)
    file = Path(path)
    if file.is_dir():
        raise InputError("is a folder, not a file", "give a file, or use `rakparse batch` for folders", shown)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", "check the path", shown) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", "check its permissions", shown) from None
    return read_bytes(data, shown, options)


def read_bytes(data: bytes, path: str | None, options: ConvertOptions) -> SourceText:
    """Read an input's bytes, dispatching on what they are."""
    if not data:
        raise InputError("the file is empty (0 bytes)", "check that the scan or OCR step wrote it", path)
    kind = kind_of(data)
    if kind == "pdf":
        from rakparse.readers.pdf import read_pdf

        return read_pdf(
            data,
            ocr=options.ocr,
            jobs=options.jobs,
            password=options.password,
            max_pages=options.max_pages,
            timeout=options.timeout,
            shown_path=path,
        )
    if kind == "image":
        from rakparse.readers.image import read_image

        return read_image(data, timeout=options.timeout, shown_path=path)
    return read_text_bytes(data, path)
