"""Read OCR'd text files: decode whatever encoding users have, normalise line ends.

Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and the single-byte
Windows/ISO encodings old OCR tools write (cp1252, latin-1). Binary input (NUL
bytes, or mostly control characters) and empty input are refused with an
``InputError`` that says what to do.
"""

from __future__ import annotations

import hashlib

from rakparse.errors import InputError
from rakparse.model import Notice
from rakparse.readers.source import SourceText

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


def decode(data: bytes, path: str | None = None) -> tuple[str, Notice | None]:
    """Decode text bytes; returns the text and a notice when the encoding was a guess.

    >>> decode("TAHUN : 2023".encode("utf-8"))[0]
    'TAHUN : 2023'
    >>> decode(b"\\xef\\xbb\\xbfNAMA")[0]
    'NAMA'
    >>> text, notice = decode("Perkiraan Biaya \\u2013 Rp".encode("cp1252"))
    >>> text, notice.code
    ('Perkiraan Biaya – Rp', 'read.encoding')
    """
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), None
    if b"\x00" in data:
        raise InputError(
            "this is a binary file, not text",
            "give a PDF, an image, or the OCR'd text of a RAK",
            path,
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 has them all
        text = data.decode("latin-1")
        encoding = "latin-1"
    return text, Notice(None, "read.encoding", f"the text is not UTF-8; read it as {encoding}")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.05


def split_lines(text: str) -> tuple[str, ...]:
    r"""Lines with CRLF/CR normalised, numbered as in the file.

    A form feed stays in its line (pdftotext glues it to the first line of the next
    page): the table builder treats it as a page break, and line numbers keep
    matching the input's.

    >>> split_lines("a\r\nb\fc\rd\n")
    ('a', 'b\x0cc', 'd')
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def read_text_bytes(data: bytes, path: str | None) -> SourceText:
    """Turn the bytes of a text file into a ``SourceText``."""
    if not data.strip():
        raise InputError("the file is empty", "check that the OCR step wrote its output", path)
    text, notice = decode(data, path)
    if _looks_binary(text):
        raise InputError(
            "this is a binary file, not text",
            "give a PDF, an image, or the OCR'd text of a RAK",
            path,
        )
    return SourceText(
        lines=split_lines(text),
        format="text",
        sha256=hashlib.sha256(data).hexdigest(),
        path=path,
        notices=(notice,) if notice else (),
    )
