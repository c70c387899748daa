"""Generate RAK-like PDFs for the tests and benchmarks (fpdf2, a test-only dependency).

A RAK table here has the form's 19 grid columns: NO, SASARAN, INDIKATOR, TARGET,
KEGIATAN, B1..B12, PERKIRAAN BIAYA, PELAKSANA, with a two-line header (the month
labels under ``RENCANA PELAKSANAAN``). Goals (``Goal``) span the rows of their
indicators as one merged cell; long texts wrap inside their cells; a table that
does not fit goes on on the next page with its header repeated.

``scan_pdf`` rasterises a PDF (pypdfium2) with noise and a slight rotation into an
image-only PDF: the input of the OCR path.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FIXED_DATE = datetime(2023, 1, 2, tzinfo=UTC)
MONTHS = tuple(f"B{m}" for m in range(1, 13))
HEADER = (
    "NO.",
    "SASARAN PROGRAM/KEGIATAN",
    "INDIKATOR KINERJA",
    "TARGET",
    "KEGIATAN YANG AKAN DILAKSANAKAN",
    "RENCANA PELAKSANAAN",
    "PERKIRAAN BIAYA",
    "PELAKSANA",
)
#: Column widths in mm: no, sasaran, indikator, target, kegiatan, 12 months, biaya, pelaksana.
WIDTHS = (9.0, 34.0, 30.0, 14.0, 42.0, *([11.0] * 12), 22.0, 28.0)


@dataclass(frozen=True)
class Indicator:
    """One indicator row of a goal: the cells right of SASARAN."""

    indikator: str
    target: str
    kegiatan: Sequence[str]
    schedule: dict[int, str]  # month -> cell text, e.g. {1: "minggu ke 1-4"}
    biaya: str = ""
    pelaksana: str = ""


@dataclass(frozen=True)
class Goal:
    """A numbered goal (merged cell) with its indicator rows."""

    no: str
    sasaran: str
    indicators: Sequence[Indicator]


@dataclass
class Layout:
    ruled: bool = True
    merged: bool = True  # goal cells merged over their indicator rows (ruled only)
    row_rules: bool = True  # ruled tables: rules between rows too, not only between columns
    rect_rules: bool = False  # rules drawn as thin filled rectangles
    font_size: float = 6.5
    page_format: tuple[float, float] = (215.0, 330.0)  # F4, printed landscape
    title: bool = True
    unit: str = "Komisi Pemilihan Umum Kabupaten Tabanan"
    year: int = 2023
    signature: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def sample_goals(count: int = 4, seed: int = 0) -> list[Goal]:
    """Goals in the style of the KPU Tabanan sample; deterministic for a seed."""
    rng = random.Random(seed)
    sasaran = [
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        "Terwujudnya sistem administrasi penyelenggaraan Pemilu yang tertib, efektif dan efisien",
        "Meningkatnya tertib administrasi dan pengelolaan sumber daya manusia",
        "Tersedianya data dan informasi kepegawaian",
        "Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip",
        "Terwujudnya Keamanan dan Ketertiban di lingkungan KPU Kabupaten",
    ]
    indikator = [
        "Jumlah Laporan Reformasi Birokrasi yang disusun tepat waktu",
        "Nilai Akuntabilitas Kinerja",
        "Persentase keterbukaan informasi publik",
        "Laporan Keuangan KPU Kabupaten Tabanan yang akuntabel",
        "Persentase layanan arsip yang tertib",
    ]
    targets = ["5", "B", "100%", "97,5%", "10 kali", "2 Lap", "1 Dokumen", "87,5%"]
    kegiatan = [
        ["1. Menyusun PK Tahun 2023", "2. Menyusun LKJ Tahun 2022"],
        ["Melaporkan data pegawai secara online melalui Aplikasi kepegawaian"],
        ["Penerbitan bahan informasi kepemiluan.", "Layanan informasi kepemiluan dan Pilkada"],
        ["Melakukan rekonsiliasi dengan mengupload data ke portal e-REKON"],
        ["a. Penataan Arsip statis dan dinamis", "b. Pemeliharaan sarana transportasi"],
    ]
    weeks = ["minggu ke 1-4", "minggu ke 1", "minggu ke 4", "minggu ke 2", "minggu ke 1, 3"]
    pelaksana = [
        "Semua Divisi",
        "Subbagian Keuangan, Umum dan Logistik",
        "Divisi Teknis Penyelenggaraan",
        "Subbagian Perencanaan, Data dan Informasi",
    ]
    goals = []
    for number in range(1, count + 1):
        rows = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            first = rng.randint(1, 6)
            last = rng.randint(first, 12)
            week = rng.choice(weeks)
            rows.append(
                Indicator(
                    indikator=rng.choice(indikator),
                    target=rng.choice(targets),
                    kegiatan=rng.choice(kegiatan),
                    schedule={m: week for m in range(first, last + 1)},
                    biaya=f"Rp. {rng.randint(1, 999)}.{rng.randint(100, 999)}.{rng.randint(0, 9)}00.000"
                    if rng.random() < 0.7
                    else "",
                    pelaksana=rng.choice(pelaksana),
                )
            )
        goals.append(Goal(str(number), rng.choice(sasaran), rows))
    return goals


class _Writer:
    def __init__(self, layout: Layout) -> None:
        from fpdf import FPDF

        self.layout = layout
        self.pdf = FPDF(orientation="L", unit="mm", format=layout.page_format)
        self.pdf.set_creation_date(FIXED_DATE)  # same input, same bytes
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(8, 8, 8)
        self.pdf.set_line_width(0.3)
        self.pdf.c_margin = 0
        self.line_h = layout.font_size * 0.3528 * 1.25  # mm per text line
        self.pad = 1.0
        self.xs = [8.0]
        for width in WIDTHS:
            self.xs.append(self.xs[-1] + width)
        self.bottom = self.pdf.h - 12

    # -- text in a box --------------------------------------------------------------
    def lines(self, text: str, width: float) -> list[str]:
        if not text:
            return []
        out: list[str] = self.pdf.multi_cell(
            width - 2 * self.pad, self.line_h, text, dry_run=True, output="LINES"
        )
        return out

    def paragraphs(self, items: Sequence[str], width: float) -> list[str]:
        out: list[str] = []
        for item in items:
            out.extend(self.lines(item, width))
        return out

    def put(self, lines: Sequence[str], x: float, y: float, align: str = "L", width: float = 0) -> None:
        for number, line in enumerate(lines):
            ty = y + self.pad + number * self.line_h
            if align == "C":
                self.pdf.set_xy(x + self.pad, ty)
                self.pdf.cell(width - 2 * self.pad, self.line_h, line, align="C")
            else:
                self.pdf.set_xy(x + self.pad, ty)
                self.pdf.cell(0, self.line_h, line)

    def height(self, count: int) -> float:
        return max(count, 1) * self.line_h + 2 * self.pad

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A ruling line: stroked, or (``rect_rules``, as office suites export
        borders) a thin filled rectangle."""
        if self.layout.rect_rules:
            w = 0.3
            self.pdf.rect(
                min(x0, x1) - w / 2, min(y0, y1) - w / 2, abs(x1 - x0) + w, abs(y1 - y0) + w, style="F"
            )
        else:
            self.pdf.line(x0, y0, x1, y1)

    # -- page furniture ---------------------------------------------------------------
    def new_page(self, title: bool) -> float:
        pdf, layout = self.pdf, self.layout
        pdf.add_page()
        pdf.set_font("Helvetica", "", layout.font_size)
        y = 10.0
        if title:
            pdf.set_font("Helvetica", "B", layout.font_size + 4)
            pdf.set_xy(8, y)
            pdf.cell(pdf.w - 16, 6, "RENCANA AKSI KINERJA", align="C")
            pdf.set_font("Helvetica", "", layout.font_size + 1)
            pdf.set_xy(8, y + 9)
            pdf.cell(0, 4, f"NAMA/UNIT ORGANISASI : {layout.unit}")
            pdf.set_xy(8, y + 14)
            pdf.cell(0, 4, f"TAHUN : {layout.year}")
            pdf.set_font("Helvetica", "", layout.font_size)
            y += 22
        return y

    def header(self, y: float) -> float:
        pdf, xs = self.pdf, self.xs
        pdf.set_font("Helvetica", "B", self.layout.font_size)
        labels = {0: HEADER[0], 1: HEADER[1], 2: HEADER[2], 3: HEADER[3], 4: HEADER[4], 17: HEADER[6]}
        labels[18] = HEADER[7]
        tall = max(len(self.lines(text, WIDTHS[col])) for col, text in labels.items())
        h1 = self.height(max(tall - 1, 1))
        h2 = self.height(1)
        for col, text in labels.items():
            self.put(self.lines(text, WIDTHS[col]), xs[col], y, "C", WIDTHS[col])
        self.put(self.lines(HEADER[5], xs[17] - xs[5]), xs[5], y, "C", xs[17] - xs[5])
        for month in range(12):
            self.put([MONTHS[month]], xs[5 + month], y + h1, "C", WIDTHS[5 + month])
        if self.layout.ruled:
            bottom = y + h1 + h2
            self.rule(xs[0], y, xs[-1], y)
            self.rule(xs[5], y + h1, xs[17], y + h1)
            self.rule(xs[0], bottom, xs[-1], bottom)
            for col, x in enumerate(xs):
                top = y + h1 if 5 < col < 17 else y
                self.rule(x, top, x, bottom)
        pdf.set_font("Helvetica", "", self.layout.font_size)
        return y + h1 + h2

    # -- body -------------------------------------------------------------------------
    def indicator_cells(self, row: Indicator) -> tuple[list[list[str]], float]:
        cells = [
            self.lines(row.indikator, WIDTHS[2]),
            self.lines(row.target, WIDTHS[3]),
            self.paragraphs(row.kegiatan, WIDTHS[4]),
            *(self.lines(row.schedule.get(m, ""), WIDTHS[4 + m]) for m in range(1, 13)),
            self.lines(row.biaya, WIDTHS[17]),
            self.lines(row.pelaksana, WIDTHS[18]),
        ]
        return cells, self.height(max(len(c) for c in cells))

    def goal(self, goal: Goal, y: float) -> float:
        xs, layout = self.xs, self.layout
        rows = [self.indicator_cells(row) for row in goal.indicators]
        head = [self.lines(goal.no, WIDTHS[0]), self.lines(goal.sasaran, WIDTHS[1])]
        if layout.merged:
            total = max(sum(h for _, h in rows), max(self.height(len(c)) for c in head))
            extra = total - sum(h for _, h in rows)
            rows[-1] = (rows[-1][0], rows[-1][1] + extra)
            self.put(head[0], xs[0], y)
            self.put(head[1], xs[1], y)
        top = y
        for index, (cells, h) in enumerate(rows):
            if not layout.merged:
                h = max(h, max(self.height(len(c)) for c in head)) if index == 0 else h
                if index == 0:
                    self.put(head[0], xs[0], y)
                    self.put(head[1], xs[1], y)
                rows[index] = (cells, h)
            for offset, lines in enumerate(cells):
                self.put(lines, xs[2 + offset], y)
            if layout.ruled and layout.row_rules:
                start = 2 if layout.merged else 0
                if index + 1 < len(rows) or not layout.merged:
                    self.rule(xs[start], y + h, xs[-1], y + h)
            y += h
        if layout.ruled:
            if layout.row_rules:
                self.rule(xs[0], y, xs[-1], y)
            for x in xs:
                self.rule(x, top, x, y)
        self.y = y
        return y

    def goal_height(self, goal: Goal) -> float:
        rows = sum(self.indicator_cells(row)[1] for row in goal.indicators)
        return max(rows, self.height(len(self.lines(goal.sasaran, WIDTHS[1]))))

    def close_table(self, y: float) -> None:
        """The table's bottom rule, when rows have none of their own."""
        if self.layout.ruled and not self.layout.row_rules:
            self.rule(self.xs[0], y, self.xs[-1], y)

    def signature(self, y: float) -> None:
        pdf = self.pdf
        if y + 30 > pdf.h:
            y = self.new_page(False)
        pdf.set_xy(pdf.w - 90, y + 6)
        pdf.cell(0, 4, "Tabanan, 2 Januari 2023")
        pdf.set_xy(pdf.w - 90, y + 22)
        pdf.cell(0, 4, "Sekretaris KPU Kabupaten Tabanan")


def rak_pdf(
    path: str | Path | None,
    tables: Sequence[Sequence[Goal]],
    layout: Layout | None = None,
    *,
    rotate: int = 0,
) -> bytes:
    """Write a RAK PDF with one or more tables; returns its bytes (and writes ``path``).

    ``rotate`` sets every page's ``/Rotate`` (the content stays landscape, a viewer
    turns it), which readers must undo.
    """
    layout = layout or Layout()
    writer = _Writer(layout)
    y = writer.new_page(layout.title)
    for number, goals in enumerate(tables):
        if number:
            y += 8
            if y + 40 > writer.bottom:
                y = writer.new_page(False)
        y = writer.header(y)
        for goal in goals:
            if y + writer.goal_height(goal) > writer.bottom:
                writer.close_table(y)
                y = writer.header(writer.new_page(False))
            y = writer.goal(goal, y)
        writer.close_table(y)
    if layout.signature:
        writer.signature(y)
    data = bytes(writer.pdf.output())
    if rotate:
        data = _set_rotation(data, rotate)
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _set_rotation(data: bytes, rotate: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            page.set_rotation(rotate)
            page.close()
        out = io.BytesIO()
        pdf.save(out)
    finally:
        pdf.close()
    return out.getvalue()


def encrypted_pdf(password: str) -> bytes:
    """A small text PDF that needs ``password`` to open."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "RENCANA AKSI KINERJA")
    pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    return bytes(pdf.output())


def blank_pdf(pages: int = 1) -> bytes:
    """Pages with no text and no image: nothing to read."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def scan_pdf(
    source: bytes,
    *,
    dpi: int = 200,
    angle: float = 0.0,
    noise: float = 0.0,
    seed: int = 0,
    pages: Sequence[int] | None = None,
    keep_text_pages: bool = True,
    jpeg_quality: int | None = None,
    sideways: bool = False,
) -> bytes:
    """Rasterise ``source`` into an image-only PDF: each page an image, slightly rotated
    (``angle`` degrees) with salt-and-pepper ``noise`` (fraction of pixels flipped).

    ``pages`` (0-based) chooses which pages become images; the others keep their text
    layer (a mixed document), or are left out with ``keep_text_pages=False``.
    ``jpeg_quality`` stores the images as JPEG (smaller, with JPEG's artefacts).
    ``sideways`` puts each page on its side (a landscape page scanned as portrait).
    """
    import pypdfium2 as pdfium
    from fpdf import FPDF

    rng = random.Random(seed)
    src = pdfium.PdfDocument(source)
    out = FPDF(unit="pt")
    out.set_creation_date(FIXED_DATE)
    out.set_auto_page_break(False)
    try:
        for index in range(len(src)):
            page = src[index]
            width, height = page.get_size()
            if pages is not None and index not in pages:
                page.close()
                continue
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            page.close()
            image = degrade(image, angle=angle, noise=noise, seed=rng.randrange(1 << 30))
            if sideways:
                image = image.rotate(90, expand=True)
                width, height = height, width
            out.add_page(format=(width, height))
            buffer = io.BytesIO()
            if jpeg_quality:
                image.save(buffer, format="JPEG", quality=jpeg_quality)
            else:
                image.save(buffer, format="PNG")
            out.image(buffer, x=0, y=0, w=width, h=height)
    finally:
        src.close()
    if pages is None or not keep_text_pages:
        return bytes(out.output())
    return _mix(source, bytes(out.output()), pages)


def _mix(text_pdf: bytes, image_pdf: bytes, pages: Sequence[int]) -> bytes:
    """Replace ``pages`` of ``text_pdf`` by the pages of ``image_pdf``, in order."""
    import pypdfium2 as pdfium

    base = pdfium.PdfDocument(text_pdf)
    images = pdfium.PdfDocument(image_pdf)
    out = pdfium.PdfDocument.new()
    try:
        image_index = 0
        for index in range(len(base)):
            if index in pages:
                out.import_pages(images, [image_index])
                image_index += 1
            else:
                out.import_pages(base, [index])
        buffer = io.BytesIO()
        out.save(buffer)
    finally:
        out.close()
        images.close()
        base.close()
    return buffer.getvalue()


def degrade(image: Any, *, angle: float = 0.0, noise: float = 0.0, seed: int = 0) -> Any:
    """Rotate a grey PIL image slightly and sprinkle salt-and-pepper noise."""
    import numpy as np
    from PIL import Image

    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if noise:
        array = np.array(image)
        generator = np.random.default_rng(seed)
        mask = generator.random(array.shape) < noise
        array[mask] = generator.choice(np.array([0, 255], dtype=np.uint8), size=int(mask.sum()))
        image = Image.fromarray(array)
    return image


def expected_rows(goals: Sequence[Goal]) -> list[list[str]]:
    """The 19 cells each body row of ``goals`` should have in the reader's lines."""
    rows = []
    for goal in goals:
        for index, row in enumerate(goal.indicators):
            rows.append(
                [
                    goal.no if index == 0 else "",
                    goal.sasaran if index == 0 else "",
                    row.indikator,
                    row.target,
                    "  ".join(row.kegiatan),
                    *(row.schedule.get(m, "") for m in range(1, 13)),
                    row.biaya,
                    row.pelaksana,
                ]
            )
    return rows


def body_rows(lines: Sequence[str]) -> list[list[str]]:
    """The body rows among a reader's lines: tab lines that are not the header."""
    out = []
    for line in lines:
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if cells[0].startswith("NO") or (len(cells) > 5 and cells[5] == "B1"):
            continue
        out.append(cells)
    return out
