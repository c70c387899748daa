"""Lines of text → cells in grid slots.

Two layouts reach us. Tab-separated text (OCR tools' table export, rakparse's PDF
reader) already puts cell ``i`` in grid slot ``i``. Space-aligned text
(``pdftotext -layout``, Tesseract's plain output) has cells separated by two or
more spaces and placed by character position: its slots come from where the
header printed its labels, and each cell goes to the slot it overlaps most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_GAP = re.compile(r"\S+(?: \S+)*")
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]")  # whitespace other than a plain space


@dataclass(frozen=True)
class Span:
    """A run of text in a space-aligned line, with its character columns."""

    start: int
    end: int
    text: str


def clean(text: str) -> str:
    """Collapse whitespace inside a cell but keep two-space item breaks as two spaces.

    >>> clean("  minggu   ke 1-4 ")
    'minggu  ke 1-4'
    >>> clean("Divisi Teknis")
    'Divisi Teknis'
    """
    stripped = text.strip()
    if "  " not in stripped and not _ODD_SPACE.search(stripped):
        return stripped
    parts = [part for part in re.split(r"\s{2,}", stripped) if part]
    return "  ".join(_SPACES.sub(" ", part) for part in parts)


def is_tabbed(line: str) -> bool:
    return "\t" in line


def tab_cells(line: str) -> list[str]:
    """Cells of a tab-separated line, each cleaned.

    >>> tab_cells("1\\tTerwujudnya  SDM \\t\\t5")
    ['1', 'Terwujudnya  SDM', '', '5']
    """
    return [clean(cell) for cell in line.split("\t")]


def spans(line: str) -> list[Span]:
    """Cells of a space-aligned line: runs of text separated by two or more spaces.

    >>> [(s.start, s.text) for s in spans("1   Terwujudnya SDM    100%")]
    [(0, '1'), (4, 'Terwujudnya SDM'), (23, '100%')]
    """
    return [Span(m.start(), m.end(), m.group()) for m in _GAP.finditer(line.expandtabs(8))]


def slot_cells(line_spans: Sequence[Span], starts: Sequence[int]) -> list[str]:
    """Put each span in the slot it overlaps most; slot ``i`` spans ``starts[i]..starts[i+1]``.

    >>> slot_cells(spans("1   Goal text     97,5%"), [0, 4, 18])
    ['1', 'Goal text', '97,5%']
    >>> slot_cells(spans("        Rp. 2.953.803.000"), [0, 10, 25])
    ['', 'Rp. 2.953.803.000', '']
    """
    cells: list[list[str]] = [[] for _ in starts]
    bounds = [*starts[1:], 10**9]
    for span in line_spans:
        best, overlap = 0, -1
        for index, (left, right) in enumerate(zip(starts, bounds, strict=True)):
            shared = min(span.end, right) - max(span.start, left)
            if shared > overlap:
                best, overlap = index, shared
        cells[best].append(span.text)
    return ["  ".join(parts) for parts in cells]
