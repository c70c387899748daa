"""What every reader produces: the text the table builder works on.

Readers (plain text, PDF text layer, OCR) all end in a ``SourceText``: lines of
text whose cells are separated by tabs (grid columns, as OCR tools and rakparse's
PDF reader emit them) or by runs of two or more spaces (``pdftotext -layout``,
Tesseract's plain text). A form feed (``\\f``) marks a page break, whether it is
a line of its own or glued to the first line of the next page. ``rakparse text
FILE`` prints exactly these lines, numbered: the ``lines`` of every output row
refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rakparse.model import Notice, SourceFormat

PAGE_BREAK = "\f"


@dataclass(frozen=True)
class SourceText:
    """The text of one input, ready for the table builder."""

    lines: tuple[str, ...]
    format: SourceFormat
    sha256: str
    path: str | None
    #: Number of pages when the reader knows it (PDF, images); ``None`` for text,
    #: where the table builder infers page breaks from page-number lines.
    pages: int | None = None
    #: Warnings from reading (a page skipped, an encoding guessed...).
    notices: tuple[Notice, ...] = ()

    def numbered(self) -> str:
        """The lines with their 1-based numbers, as ``rakparse text`` prints them."""
        width = len(str(len(self.lines)))
        return "\n".join(f"{n:>{width}}  {line}" for n, line in enumerate(self.lines, start=1))
