"""Words with boxes + ruling lines → the tab-separated lines of ``SourceText``.

Both PDF paths end here: the text layer gives words from pdfium's character boxes
and rules from the page's path objects; the OCR path gives Tesseract's word boxes
and rules found in the image. One function, :func:`page_lines`, turns a page's
geometry into text lines, so everything after reading is shared.

The stages, each a small function whose result can be printed when debugging:

``merge_rules`` (axis-aligned segments, collinear pieces joined) →
``find_grids`` (rules that cross each other form a ruled table) →
``grid_lines`` (one line per band between horizontal rules; a cell's words go to
the grid column where the cell starts, so merged cells keep their place) →
``text_lines`` (words outside the grids, grouped into visual lines) →
``unruled_lines`` (a block under a header line: columns from the whitespace gaps).

Coordinates are "top-down": x grows to the right, y grows downwards, in any unit
(PDF points or pixels); tolerances scale with the median word height.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "Grid",
    "PageGeometry",
    "Rule",
    "Word",
    "cell_text",
    "find_grids",
    "merge_rules",
    "page_lines",
]


@dataclass(frozen=True, slots=True)
class Word:
    """A word and its box, top-down coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class Rule:
    """An axis-aligned ruling segment: horizontal when ``y0 == y1``, else vertical."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.y1 - self.y0)


@dataclass(frozen=True)
class PageGeometry:
    """What a reader knows about one page."""

    width: float
    height: float
    words: Sequence[Word]
    rules: Sequence[Rule] = ()


@dataclass(frozen=True)
class Grid:
    """A ruled table: column edges ``xs``, band edges ``ys``, and which edges are drawn."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    #: ``h_edges[b][c]``: the horizontal rule at ``ys[b]`` closes column ``c``.
    h_edges: tuple[tuple[bool, ...], ...]
    #: ``v_edges[c][r]``: the vertical rule at ``xs[c]`` closes band ``r``.
    v_edges: tuple[tuple[bool, ...], ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, word: Word) -> bool:
        return self.xs[0] <= word.cx <= self.xs[-1] and self.ys[0] <= word.cy <= self.ys[-1]


# -- tolerances ---------------------------------------------------------------------


def typical_height(words: Sequence[Word], default: float = 8.0) -> float:
    """Median word height: the scale of every tolerance on the page."""
    heights = [w.height for w in words if w.height > 0]
    return statistics.median(heights) if heights else default


# -- rules → grids ------------------------------------------------------------------


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Sorted values with near-equal ones (within ``tol`` of the previous) averaged."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= tol:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def merge_rules(rules: Iterable[Rule], tol: float, min_length: float) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules, collinear pieces joined, short ones dropped.

    >>> h, v = merge_rules([Rule(0, 10, 50, 10), Rule(51, 10.5, 100, 10.5), Rule(5, 0, 5, 3)], 2, 5)
    >>> [(r.x0, r.x1) for r in h], v
    ([(0, 100)], [])
    """
    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = []  # (x, y0, y1)
    for rule in rules:
        if rule.horizontal:
            horizontal.append(((rule.y0 + rule.y1) / 2, min(rule.x0, rule.x1), max(rule.x0, rule.x1)))
        else:
            vertical.append(((rule.x0 + rule.x1) / 2, min(rule.y0, rule.y1), max(rule.y0, rule.y1)))

    def join(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
        out: list[tuple[float, float, float]] = []
        segments.sort()
        # group by position, then join overlapping spans within a group
        groups: list[list[tuple[float, float, float]]] = []
        for seg in segments:
            if groups and seg[0] - groups[-1][-1][0] <= tol:
                groups[-1].append(seg)
            else:
                groups.append([seg])
        for group in groups:
            pos = sum(s[0] for s in group) / len(group)
            spans = sorted((s[1], s[2]) for s in group)
            start, end = spans[0]
            for a, b in spans[1:]:
                if a <= end + tol:
                    end = max(end, b)
                else:
                    out.append((pos, start, end))
                    start, end = a, b
            out.append((pos, start, end))
        return [s for s in out if s[2] - s[1] >= min_length]

    h = [Rule(x0, y, x1, y) for y, x0, x1 in join(horizontal)]
    v = [Rule(x, y0, x, y1) for x, y0, y1 in join(vertical)]
    return h, v


def find_grids(h: Sequence[Rule], v: Sequence[Rule], tol: float) -> list[Grid]:
    """Ruled tables: groups of crossing rules with at least 2 horizontal and 2 vertical."""
    parent = list(range(len(h) + len(v)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_x = sorted(range(len(v)), key=lambda j: v[j].x0)
    v_x = [v[j].x0 for j in by_x]
    for i, hr in enumerate(h):
        lo = bisect.bisect_left(v_x, hr.x0 - tol)
        hi = bisect.bisect_right(v_x, hr.x1 + tol)
        for k in range(lo, hi):
            j = by_x[k]
            vr = v[j]
            if vr.y0 - tol <= hr.y0 <= vr.y1 + tol:
                parent[root(i)] = root(len(h) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, hr in enumerate(h):
        groups.setdefault(root(i), ([], []))[0].append(hr)
    for j, vr in enumerate(v):
        groups.setdefault(root(len(h) + j), ([], []))[1].append(vr)
    grids = []
    for hs, vs in groups.values():
        if len(hs) < 2 or len(vs) < 2:
            continue
        grid = _grid(hs, vs, tol)
        if grid is not None:
            grids.append(grid)
    grids.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return grids


def _grid(hs: Sequence[Rule], vs: Sequence[Rule], tol: float) -> Grid | None:
    xs = _cluster([r.x0 for r in vs], tol)
    ys = _cluster([r.y0 for r in hs], tol)
    if len(xs) < 2 or len(ys) < 2:
        return None
    # the outer frame may be drawn by rules that stop short of the last column edge
    left = min(r.x0 for r in hs)
    right = max(r.x1 for r in hs)
    if xs[0] - left > tol * 3:
        xs.insert(0, left)
    if right - xs[-1] > tol * 3:
        xs.append(right)
    h_edges = []
    for y in ys:
        row = []
        near = [r for r in hs if abs(r.y0 - y) <= tol]
        for c in range(len(xs) - 1):
            a, b = xs[c], xs[c + 1]
            mid = (a + b) / 2
            row.append(any(r.x0 - tol <= mid <= r.x1 + tol for r in near))
        h_edges.append(tuple(row))
    v_edges = []
    for x in xs:
        col = []
        near = [r for r in vs if abs(r.x0 - x) <= tol]
        for r_ in range(len(ys) - 1):
            mid = (ys[r_] + ys[r_ + 1]) / 2
            col.append(any(r.y0 - tol <= mid <= r.y1 + tol for r in near))
        v_edges.append(tuple(col))
    return Grid(tuple(xs), tuple(ys), tuple(h_edges), tuple(v_edges))


# -- cells ----------------------------------------------------------------------------

_ABBREVIATION = re.compile(r"(?:^|\s)(?:Rp|No|Nomor|cq|Jl|Kab|Kec|Prov|dll|dsb|Tbk|a\.n)\.$", re.IGNORECASE)
_ITEM_START = re.compile(r"^(?:\d{1,2}[.)](?!\d)|\(\d{1,2}\)|[a-zA-Z][.)]\s|[-•●▪◦*–·]\s?)")


def _visual_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into visual lines (top to bottom), each sorted left to right."""
    lines: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        cy = word.cy
        for index in range(len(lines) - 1, max(len(lines) - 3, -1), -1):
            top, bottom = bounds[index]
            if top <= cy <= bottom:
                lines[index].append(word)
                bounds[index] = (min(top, word.top), max(bottom, word.bottom))
                break
        else:
            lines.append([word])
            bounds.append((word.top, word.bottom))
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def _item_break(before: str, line: str) -> bool:
    """Does ``line`` start a new item of a stacked cell (after ``before``)?"""
    if before.endswith(";") or (before.endswith(".") and not _ABBREVIATION.search(before)):
        return True
    return bool(_ITEM_START.match(line))


def cell_text(words: Sequence[Word]) -> str:
    """A cell's words in reading order: wrapped lines joined with a space, stacked
    items (a line starting with an enumerator or bullet, or after one ending in ``.``
    or ``;``) with two spaces; a line broken after a hyphen is joined without one.

    >>> w = lambda x, y, t: Word(x, y, x + 5 * len(t), y + 8, t)
    >>> cell_text([w(0, 0, "minggu"), w(0, 10, "ke"), w(15, 10, "1-4")])
    'minggu ke 1-4'
    >>> cell_text([w(0, 0, "1."), w(12, 0, "Menyusun"), w(0, 10, "PK"), w(0, 20, "2."), w(12, 20, "LKJ")])
    '1. Menyusun PK  2. LKJ'
    >>> cell_text([w(0, 0, "Rp."), w(0, 10, "2.953.803.000")])
    'Rp. 2.953.803.000'
    >>> cell_text([w(0, 0, "perundang-"), w(0, 10, "undangan.")])
    'perundang-undangan.'
    """
    out = ""
    for line in _visual_lines(words):
        text = " ".join(w.text for w in line)
        if not out:
            out = text
        elif out.endswith(("-", "/")) and len(out) > 1 and out[-2].isalnum():
            out += text
        elif _item_break(out, text):
            out += "  " + text
        else:
            out += " " + text
    return out


def grid_lines(grid: Grid, words: Sequence[Word]) -> list[str]:
    """One tab-separated line per band of a ruled table; a merged cell's text sits in
    its first band and first column, the cells it covers stay empty."""
    ncols = len(grid.xs) - 1
    nrows = len(grid.ys) - 1
    anchor: dict[tuple[int, int], tuple[int, int]] = {}
    for r in range(nrows):
        for c in range(ncols):
            # joined to the left when no rule separates the two, else to the cell above
            if c > 0 and not grid.v_edges[c][r]:
                anchor[r, c] = anchor[r, c - 1]
            elif r > 0 and not grid.h_edges[r][c]:
                anchor[r, c] = anchor[r - 1, c]
            else:
                anchor[r, c] = (r, c)
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        c = bisect.bisect_right(grid.xs, word.cx) - 1
        r = bisect.bisect_right(grid.ys, word.cy) - 1
        c = min(max(c, 0), ncols - 1)
        r = min(max(r, 0), nrows - 1)
        cells.setdefault(anchor[r, c], []).append(word)
    lines = []
    h = typical_height(words)
    for r in range(nrows):
        only_body_band = r == nrows - 1 and 1 <= r <= 2  # under a one- or two-band header
        if only_body_band or _several_rows(cells.get((r, 0), [])):
            # a table ruled only between columns: the band holds several rows
            band = [w for c in range(ncols) for w in cells.get((r, c), [])]
            line_cells = []
            for visual in _visual_lines(band):
                columns: dict[int, list[Word]] = {}
                for word in visual:
                    c = min(max(bisect.bisect_right(grid.xs, word.cx) - 1, 0), ncols - 1)
                    columns.setdefault(anchor[r, c][1], []).append(word)
                line_cells.append(columns)
            for group in _group_rows(line_cells, h):
                lines.append("\t".join(cell_text(group.get(c, [])) for c in range(ncols)))
            continue
        row = [cell_text(cells[r, c]) if (r, c) in cells else "" for c in range(ncols)]
        if any(row):
            lines.append("\t".join(row))
    return lines


_ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")


def _several_rows(first_column: Sequence[Word]) -> bool:
    """Does a band's first cell hold two or more row numbers, one under the other?"""
    numbers = [
        line for line in _visual_lines(first_column) if _ROW_NUMBER.match(" ".join(w.text for w in line))
    ]
    return len(numbers) >= 2


def _group_rows(lines: Sequence[dict[int, list[Word]]], h: float) -> list[dict[int, list[Word]]]:
    """Visual lines (their words by column) grouped into table rows.

    A line starts a new row when one of its cells starts there: text in a column
    that was empty so far in the row, or that resumes after an empty gap (cells are
    top-aligned; a wrapped cell's next line follows its previous one closely). A
    cell whose text goes on without a gap keeps its words even when other columns
    start a new row on the same line (a merged goal beside its indicators).
    """
    rows: list[dict[int, list[Word]]] = []
    last_bottom: dict[int, float] = {}
    owner: dict[int, int] = {}  # column -> the row its running cell belongs to
    for columns in lines:
        going_on = {
            col
            for col, cell in columns.items()
            if col in last_bottom and min(w.top for w in cell) - last_bottom[col] <= 0.6 * h
        }
        if not rows or len(going_on) < len(columns):
            rows.append({})
            last_bottom = {col: last_bottom[col] for col in going_on}
        for col, cell in columns.items():
            if col not in going_on:
                owner[col] = len(rows) - 1
            rows[owner[col]].setdefault(col, []).extend(cell)
            last_bottom[col] = max(w.bottom for w in cell)
    return rows


# -- text outside ruled tables ------------------------------------------------------

_HEADER_WORDS = ("NO", "SASARAN", "INDIKATOR", "TARGET", "KEGIATAN", "RENCANA", "BIAYA", "PELAKSANA")


def _is_header(line: Sequence[Word]) -> bool:
    text = " ".join(w.text for w in line).upper()
    return sum(1 for key in _HEADER_WORDS if re.search(rf"\b{key}\b", text)) >= 3


def _segments(line: Sequence[Word], gap: float) -> list[list[Word]]:
    """A visual line cut where the space between two words is wider than ``gap``."""
    out: list[list[Word]] = []
    for word in line:
        if out and word.x0 - out[-1][-1].x1 <= gap:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _plain(line: Sequence[Word], h: float) -> str:
    return "  ".join(" ".join(w.text for w in seg) for seg in _segments(line, 3 * h))


def unruled_lines(lines: Sequence[Sequence[Word]], h: float) -> list[str]:
    """A table without rules: ``lines[0]`` is its header line. Columns are the
    whitespace gaps that no text crosses below the header's first line; visual lines
    are grouped into rows (see below), one tab-separated line per row."""
    gap = 0.6 * h
    spans: list[tuple[float, float]] = []
    for line in lines[1:]:
        for seg in _segments(line, gap):
            spans.append((seg[0].x0, seg[-1].x1))
    if not spans:
        return [_plain(line, h) for line in lines]
    spans.sort()
    edges: list[float] = []
    end = spans[0][1]
    for a, b in spans[1:]:
        if a > end + gap * 0.5:
            edges.append((end + a) / 2)
        end = max(end, b)
    ncols = len(edges) + 1
    # A line starts a new row when one of its cells starts there: text in a column
    # that was empty so far in the row, or that resumes after an empty gap (cells are
    # top-aligned; a wrapped cell's next line follows its previous one closely).
    line_cells = []
    for line in lines:
        columns: dict[int, list[Word]] = {}
        for seg in _segments(line, gap):
            columns.setdefault(bisect.bisect_right(edges, seg[0].x0 + h * 0.2), []).extend(seg)
        line_cells.append(columns)
    rows = _group_rows(line_cells, h)
    return ["\t".join(cell_text(row.get(col, [])) for col in range(ncols)) for row in rows]


def text_lines(words: Sequence[Word], h: float) -> list[tuple[float, str]]:
    """Words outside ruled tables as (top, line) pairs: plain lines, and tables
    without rules (a header line and the lines under it) as tab-separated rows."""
    visual = _visual_lines(words)
    out: list[tuple[float, str]] = []
    index = 0
    while index < len(visual):
        line = visual[index]
        if _is_header(line):
            block = [line]
            last_bottom = max(w.bottom for w in line)
            index += 1
            while index < len(visual):
                nxt = visual[index]
                top = min(w.top for w in nxt)
                if top - last_bottom > 2 * h or _is_header(nxt):
                    break
                block.append(nxt)
                last_bottom = max(w.bottom for w in nxt)
                index += 1
            top = min(w.top for w in line)
            out.extend((top + k * 1e-6, text) for k, text in enumerate(unruled_lines(block, h)))
            continue
        out.append((min(w.top for w in line), _plain(line, h)))
        index += 1
    return out


def page_lines(page: PageGeometry) -> list[str]:
    """The text of one page: ruled tables as tab-separated rows, the rest in reading order."""
    words = [w for w in page.words if w.text.strip()]
    h = typical_height(words)
    tol = max(h * 0.3, 1.0)
    hs, vs = merge_rules(page.rules, tol, min_length=max(h * 1.2, 4.0))
    grids = find_grids(hs, vs, tol)
    items: list[tuple[float, int, list[str]]] = []
    rest = []
    inside: list[list[Word]] = [[] for _ in grids]
    for word in words:
        for number, grid in enumerate(grids):
            if grid.contains(word):
                inside[number].append(word)
                break
        else:
            rest.append(word)
    for number, grid in enumerate(grids):
        items.append((grid.ys[0], 1, grid_lines(grid, inside[number])))
    for top, text in text_lines(rest, h):
        items.append((top, 0, [text]))
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, lines in items for line in lines]
