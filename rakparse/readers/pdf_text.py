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

from rakparse.readers.geometry import PageGeometry, Rule, Word

#: A box (x0, top, x1, bottom) in top-down page coordinates.
Box = tuple[float, float, float, float]


def text_chars(page: Any, textpage: Any) -> list[tuple[str, Box]]:
    """Every visible character with its loose box, PDF space (y up), in content order.

    Whitespace is kept as ``" "`` with an empty box (a word break). The text comes
    in one call; only the boxes are asked for character by character.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[: count * 2]
    codes = [units[i] | units[i + 1] << 8 for i in range(0, count * 2, 2)]
    rect = pdfium_c.FS_RECTF()
    pointer = ctypes.byref(rect)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    blank = (0.0, 0.0, 0.0, 0.0)
    out: list[tuple[str, Box]] = []
    for index, code in enumerate(codes):
        if code <= 32 or code in (0xA0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF or chr(code).isspace():
            out.append((" ", blank))
        elif get_box(raw, index, pointer):
            out.append((chr(code), (rect.left, rect.bottom, rect.right, rect.top)))
    return out


def path_rules(page: Any) -> list[Box]:
    """Axis-aligned line segments of the page's vector paths, PDF space (y up).

    Rectangles (``re``) become their four edges; a filled thin rectangle (a rule
    drawn as a box) becomes two near-coincident edges, which merge later. Paths
    inside form XObjects contribute the edges of their bounds. Slanted segments
    are not rules and are left out.
    """
    import pypdfium2.raw as pdfium_c

    out: list[Box] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(x), ctypes.byref(y)
    matrix = pdfium_c.FS_MATRIX()
    l_, b_, r_, t_ = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    path_type = pdfium_c.FPDF_PAGEOBJ_PATH
    form_type = pdfium_c.FPDF_PAGEOBJ_FORM
    moveto, lineto = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    get_segment, get_point = pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPathSegment_GetPoint
    get_kind, get_close = pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if min(abs(x1 - x0), abs(y1 - y0)) <= 1.0:
            out.append((x0, y0, x1, y1))

    def form_paths(form: Any, depth: int) -> None:
        for index in range(pdfium_c.FPDFFormObj_CountObjects(form)):
            obj = pdfium_c.FPDFFormObj_GetObject(form, index)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == path_type and pdfium_c.FPDFPageObj_GetBounds(
                obj, ctypes.byref(l_), ctypes.byref(b_), ctypes.byref(r_), ctypes.byref(t_)
            ):
                for edge in _rect_edges(l_.value, b_.value, r_.value, t_.value):
                    add(*edge)
            elif kind == form_type and depth < 8:
                form_paths(obj, depth + 1)

    raw_page = page.raw
    for index in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == form_type:
            form_paths(obj, 1)
            continue
        if kind != path_type or not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        for number in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = get_segment(obj, number)
            if not get_point(seg, px, py):
                continue
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = get_kind(seg)
            if kind == moveto:
                start = point
            elif kind == lineto and prev is not None:
                add(prev[0], prev[1], point[0], point[1])
            if get_close(seg) and start is not None:
                add(point[0], point[1], start[0], start[1])
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
    """Characters joined into words: a space, a jump back or to another line, or a
    gap wider than a quarter of the character height ends a word. Boxes are
    (x0, y0, x1, y1) with text running along x; y may point up or down."""
    words: list[tuple[str, Box]] = []
    text: list[str] = []
    bx0 = by0 = bx1 = by1 = 0.0
    for ch, (x0, y0, x1, y1) in chars:
        if ch == " ":
            if text:
                words.append(("".join(text), (bx0, by0, bx1, by1)))
                text = []
            continue
        if text:
            height = by1 - by0
            if y1 - y0 > height:
                height = y1 - y0
            gap = x0 - bx1
            if abs(y0 + y1 - by0 - by1) < height and -height * 0.5 < gap < height * 0.25:
                text.append(ch)
                if x0 < bx0:
                    bx0 = x0
                if y0 < by0:
                    by0 = y0
                if x1 > bx1:
                    bx1 = x1
                if y1 > by1:
                    by1 = y1
                continue
            words.append(("".join(text), (bx0, by0, bx1, by1)))
        text = [ch]
        bx0, by0, bx1, by1 = x0, y0, x1, y1
    if text:
        words.append(("".join(text), (bx0, by0, bx1, by1)))
    return words


def _direction(chars: list[tuple[str, Box]]) -> int | None:
    """Quarter turns (clockwise, in top-down coordinates) that make the dominant
    text direction left-to-right, judged from the step between consecutive
    characters in PDF space (y up); ``None`` when there is no text to judge by."""
    votes: Counter[int] = Counter()
    prev: Box | None = None
    for ch, box in chars[:3000]:
        if ch == " ":
            prev = None
            continue
        if prev is not None:
            dx = (box[0] + box[2]) - (prev[0] + prev[2])
            dy = (box[1] + box[3]) - (prev[1] + prev[3])
            if abs(dx) > abs(dy) * 3:
                votes[0 if dx > 0 else 2] += 1
            elif abs(dy) > abs(dx) * 3:
                votes[1 if dy > 0 else 3] += 1  # going up the page: turn clockwise once
        prev = box
    if not votes:
        return None
    return votes.most_common(1)[0][0]


Affine = tuple[float, float, float, float, float, float]


def _transform(
    left: float, bottom: float, right: float, top: float, quarters: int
) -> tuple[Affine, float, float]:
    """The map from PDF space (y up) to top-down coordinates turned clockwise by
    ``quarters``: ``x' = a*x + b*y + c``, ``y' = d*x + e*y + f``; and the new size."""
    a, b, c, d, e, f = 1.0, 0.0, -left, 0.0, -1.0, top  # flip: y grows downwards
    width, height = right - left, top - bottom
    for _ in range(quarters % 4):  # (x, y) -> (height - y, x)
        a, b, c, d, e, f = -d, -e, height - f, a, b, c
        width, height = height, width
    return (a, b, c, d, e, f), width, height


def _apply(m: Affine, box: Box) -> Box:
    a, b, c, d, e, f = m
    x0, y0, x1, y1 = box
    px0, py0 = a * x0 + b * y0 + c, d * x0 + e * y0 + f
    px1, py1 = a * x1 + b * y1 + c, d * x1 + e * y1 + f
    return (min(px0, px1), min(py0, py1), max(px0, px1), max(py0, py1))


def page_geometry(page: Any) -> PageGeometry:
    """Words and rules of one pdfium page, top-down, in reading orientation: the
    dominant direction of the text decides (so text drawn sideways on a portrait
    page is turned upright too); the page's ``/Rotate`` when it has no text."""
    left, bottom, right, top = page.get_bbox()
    textpage = page.get_textpage()
    try:
        chars = text_chars(page, textpage)
    finally:
        textpage.close()
    direction = _direction(chars)
    quarters = page.get_rotation() // 90 if direction is None else direction
    m, width, height = _transform(left, bottom, right, top, quarters)
    if quarters == 0 and direction == 0:
        # text runs along x in PDF space too: build words first, transform only them
        words_raw = [(text, _apply(m, box)) for text, box in _words(chars)]
    else:
        words_raw = _words([(ch, box if ch == " " else _apply(m, box)) for ch, box in chars])
    rules = []
    for box in path_rules(page):
        x0, y0, x1, y1 = _apply(m, box)
        rules.append(Rule(x0, y0, x1, y1))
    words = [Word(b[0], b[1], b[2], b[3], text) for text, b in words_raw]
    return PageGeometry(width, height, words, rules)
