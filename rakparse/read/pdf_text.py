"""A PDF page's text layer as geometry: words from pdfium's character boxes, rules
from the page's path objects.

pypdfium2 gives every character with its box about 20-60x faster than pdfminer
(pdfplumber), which is what lets a 19-column landscape page go through in a few
milliseconds. Coordinates are turned top-down and into the page's displayed
orientation: the ``/Rotate`` of the page is undone, and so is text drawn sideways
on a portrait page (a landscape table printed rotated), so reading order is right.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from typing import Any

from rakparse.read.geometry import PageGeometry, Rule, Word

#: A box (x0, top, x1, bottom) in top-down page coordinates.
Box = tuple[float, float, float, float]


def _turn(box: Box, quarter: int, width: float, height: float) -> tuple[Box, float, float]:
    """Rotate a top-down box clockwise by ``quarter`` quarter turns on a page of
    ``width`` x ``height``; returns the box and the new page size."""
    x0, y0, x1, y1 = box
    for _ in range(quarter % 4):
        x0, y0, x1, y1 = height - y1, x0, height - y0, x1
        width, height = height, width
    return (x0, y0, x1, y1), width, height


def text_chars(page: Any, textpage: Any) -> list[tuple[str, Box]]:
    """Every visible character with its loose box, PDF space (y up), in content order.

    Whitespace is kept as ``" "`` with an empty box (a word break).
    """
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    rect = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    out: list[tuple[str, Box]] = []
    raw = textpage.raw
    pointer = ctypes.byref(rect)
    for index in range(count):
        code = get_unicode(raw, index)
        if code in (0, 0xFFFE, 0xFFFF) or code < 32 or chr(code).isspace():
            out.append((" ", (0.0, 0.0, 0.0, 0.0)))
            continue
        if not get_box(raw, index, pointer):
            continue
        out.append((chr(code), (rect.left, rect.bottom, rect.right, rect.top)))
    return out


def path_rules(page: Any) -> list[Box]:
    """Axis-aligned line segments of the page's vector paths, PDF space (y up).

    Rectangles (``re``) become their four edges; a filled thin rectangle (a rule
    drawn as a box) becomes two near-coincident edges, which merge later.
    """
    import pypdfium2.raw as pdfium_c

    out: list[Box] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        raw = obj.raw
        if obj.level > 0:  # inside a form XObject: its matrix is relative; use the bounds
            left, bottom, right, top = obj.get_bounds()
            out.extend(_rect_edges(left, bottom, right, top))
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(matrix)):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        count = pdfium_c.FPDFPath_CountSegments(raw)
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for index in range(count):
            seg = pdfium_c.FPDFPath_GetPathSegment(raw, index)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                out.append((prev[0], prev[1], point[0], point[1]))
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                out.append((point[0], point[1], start[0], start[1]))
                point = start
            prev = point
    return out


def _rect_edges(left: float, bottom: float, right: float, top: float) -> list[Box]:
    return [
        (left, bottom, right, bottom),
        (left, top, right, top),
        (left, bottom, left, top),
        (right, bottom, right, top),
    ]


def _words(chars: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
    """Characters joined into words (boxes top-down already): a space, a jump back or
    to another line, or a gap wider than a quarter of the character height ends a word."""
    words: list[tuple[str, Box]] = []
    text: list[str] = []
    box: list[float] = []
    for ch, (x0, y0, x1, y1) in chars:
        if ch == " ":
            if text:
                words.append(("".join(text), (box[0], box[1], box[2], box[3])))
                text = []
            continue
        if text:
            height = max(box[3] - box[1], y1 - y0, 1e-6)
            same_line = abs((y0 + y1) / 2 - (box[1] + box[3]) / 2) < height * 0.5
            close = -height * 0.5 < x0 - box[2] < height * 0.25
            if same_line and close:
                text.append(ch)
                box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
                continue
            words.append(("".join(text), (box[0], box[1], box[2], box[3])))
        text = [ch]
        box = [x0, y0, x1, y1]
    if text:
        words.append(("".join(text), (box[0], box[1], box[2], box[3])))
    return words


def _direction(chars: list[tuple[str, Box]]) -> int:
    """Quarter turns (clockwise) that make the dominant text direction left-to-right,
    judged from the step between consecutive characters (top-down boxes)."""
    votes: Counter[int] = Counter()
    prev: Box | None = None
    for ch, box in chars[:4000]:
        if ch == " ":
            prev = None
            continue
        if prev is not None:
            dx = (box[0] + box[2]) / 2 - (prev[0] + prev[2]) / 2
            dy = (box[1] + box[3]) / 2 - (prev[1] + prev[3]) / 2
            if abs(dx) > abs(dy) * 3:
                votes[0 if dx > 0 else 2] += 1
            elif abs(dy) > abs(dx) * 3:
                votes[1 if dy < 0 else 3] += 1  # going up the page: turn clockwise once
        prev = box
    if not votes:
        return 0
    return votes.most_common(1)[0][0]


def page_geometry(page: Any) -> PageGeometry:
    """Words and rules of one pdfium page, top-down, in reading orientation."""
    left, bottom, right, top = page.get_bbox()
    width, height = right - left, top - bottom

    def flip(b: Box) -> Box:  # PDF space (y up) → top-down, origin at the page box
        x0, y0, x1, y1 = b
        return (min(x0, x1) - left, top - max(y0, y1), max(x0, x1) - left, top - min(y0, y1))

    textpage = page.get_textpage()
    try:
        chars = [(ch, flip(box) if ch != " " else box) for ch, box in text_chars(page, textpage)]
    finally:
        textpage.close()
    quarter = page.get_rotation() // 90
    turned: list[tuple[str, Box]] = []
    size = (width, height)
    for ch, box in chars:
        if ch == " ":
            turned.append((ch, box))
        else:
            new, w_, h_ = _turn(box, quarter, width, height)
            turned.append((ch, new))
            size = (w_, h_)
    if quarter % 2:
        size = (height, width)
    extra = _direction(turned)
    if extra:
        turned = [(ch, box if ch == " " else _turn(box, extra, *size)[0]) for ch, box in turned]
        if extra % 2:
            size = (size[1], size[0])
    total = quarter + extra
    rules = []
    for box in path_rules(page):
        new, _, _ = _turn(flip(box), total, width, height)
        rules.append(Rule(new[0], new[1], new[2], new[3]))
    words = [Word(b[0], b[1], b[2], b[3], text) for text, b in _words(turned)]
    return PageGeometry(size[0], size[1], words, rules)
