"""Rebuild the tables: lines of cells → headers, tables, raw rows.

The stages, each a small function over the lines of a ``SourceText``:

1. ``find_header`` recognises a header line (fuzzy labels) and the month line under it;
2. ``blank_column_numbers`` removes the form's printed column numbers that OCR
   glued into data lines (``1 2 … 18 19``);
3. ``split_regions`` cuts a data line into the cells before the schedule, the
   twelve month cells and the cells after, resolving cells shifted by OCR;
4. ``align_pre`` maps the cells before the schedule onto the header's columns;
5. ``TableBuilder`` applies the contract's "Which lines make a row" rules.

Nothing here parses values: rows keep their cells as ``Fragment`` (line, text), so
corrections and warnings can name the line they came from.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rakparse.fields.rupiah import is_amount
from rakparse.fields.target import is_target_like
from rakparse.fields.weeks import is_schedule_cell, parse_weeks
from rakparse.layout import grid
from rakparse.layout.labels import column_of, is_month_heading_run, month_of, title_field_of
from rakparse.model import COLUMN_ORDER, Correction, Notice
from rakparse.readers.source import PAGE_BREAK, SourceText

PRE_COLUMNS = ("no", "sasaran", "indikator", "target", "kegiatan")
TEXT_COLUMNS = ("sasaran", "indikator", "kegiatan")

_INT = re.compile(r"^\d{1,4}$")
_ROW_NO = re.compile(r"^(\d{1,3})\s*[.)]?$")
_PAGE_NUMBER = re.compile(
    r"^(?:-\s*)?(?:hal(?:aman)?\.?\s*)?\d{1,4}(?:\s*-)?(?:\s*(?:dari|/)\s*\d{1,4})?$", re.I
)
_GLUED_NUMBER = re.compile(r"^(?P<number>\d{1,2}|\d{1,3}(?:[.,]\d+)?\s?%)\s+(?=[A-Za-z])")
_LEADING_TARGET = re.compile(
    r"^(?P<target>\d{1,3}(?:[.,]\d+)?\s?%|\d{1,6}(?:[.,]\d+)?)\s+(?P<rest>(?:\d{1,2}[.)]|[a-z][.)]|[-•*])\s+\S.*)$"
)
_CURRENCY_ONLY = re.compile(r"^(?:Rp\.?|IDR)$", re.I)
#: A schedule cell whose text stops where it wrapped: "minggu", "ke-1 s/d", "1-".
_OPEN_SCHEDULE = re.compile(r"(?:\bminggu|\bmgg?|\bke|s\s*/\s*d|s\.d\.?|\bsampai|\bhingga|[-,/])\s*$", re.I)
_TITLE = re.compile(r"^\s*(?P<label>[^:]{2,60}?)\s*:\s*(?P<value>.*\S)\s*$")
_YEAR_ONLY = re.compile(r"\bTAHUN\b(?:\s+ANGGARAN)?\s*:?\s*(?P<value>[12][0-9OoIlS]{3})\b", re.I)
_RAK_TITLE = re.compile(r"RENCANA\s+AKSI|RENCANA\s+KINERJA|\bRAK\b", re.I)
_MONTH_WORD = (
    r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus"
    r"|September|Oktober|November|Nopember|Desember)"
)
#: The first line of a signature block: "Tabanan, 2 Januari 2023", "Mengetahui," ...
_SIGNATURE = re.compile(
    rf"^(?:[A-Z][\w .'-]{{1,40}},\s*(?:\d{{1,2}}\s+)?{_MONTH_WORD}\s+\d{{4}}"
    r"|Mengetahui|Menyetujui|Ditetapkan\s+di)\b",
    re.I,
)
#: Words that make a leading number a count (``10 Desa``), not a glued column number.
_COUNT_WORDS = frozenset(
    (
        "kali orang org desa dokumen dok laporan lap kegiatan keg unit paket pkt bulan bln sekolah"
        " kelurahan kecamatan lokasi titik buah set jam hari minggu tahun persen"
    ).split()
)


@dataclass(frozen=True)
class Fragment:
    """Text of one cell on one line: the unit corrections and warnings point at."""

    line: int
    text: str
    #: The text goes on from the fragment above (a line wrapped inside its cell), as
    #: opposed to starting a new item.
    wraps: bool = False


@dataclass(frozen=True)
class Header:
    """Where a table's logical columns sit in the grid of its lines."""

    line: int
    slots: tuple[tuple[str, int], ...]
    months: tuple[int, ...]
    #: For space-aligned text: the character column where each grid slot starts.
    starts: tuple[int, ...] | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        names = {name for name, _ in self.slots} | ({"schedule"} if self.months else set())
        return tuple(name for name in COLUMN_ORDER if name in names)

    def pre_columns(self) -> tuple[str, ...]:
        first = self.months[0] if self.months else 10**6
        ordered = sorted((slot, name) for name, slot in self.slots if slot < first)
        return tuple(name for _, name in ordered if name in PRE_COLUMNS)


@dataclass
class Goal:
    """A goal (``sasaran``) shared by its row and its continuation rows."""

    parts: list[Fragment] = field(default_factory=list)


@dataclass
class RawRow:
    no: Fragment | None
    goal: Goal
    indikator: list[Fragment] = field(default_factory=list)
    target: Fragment | None = None
    kegiatan: list[Fragment] = field(default_factory=list)
    months: dict[int, list[Fragment]] = field(default_factory=dict)
    biaya: list[Fragment] = field(default_factory=list)
    pelaksana: list[Fragment] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0

    def touch(self, line: int) -> None:
        self.first_line = self.first_line or line
        self.last_line = max(self.last_line, line)


@dataclass
class RawTable:
    page: int
    header: Header
    rows: list[RawRow] = field(default_factory=list)
    has_biaya: bool = False
    warned_biaya: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        columns = set(self.header.columns) | ({"biaya"} if self.has_biaya else set())
        return tuple(name for name in COLUMN_ORDER if name in columns)


@dataclass
class RawLayout:
    """What the table builder found in a ``SourceText``, before any value is parsed."""

    tables: list[RawTable]
    unit: Fragment | None
    year: Fragment | None
    pages: int
    corrections: list[Correction]
    notices: list[Notice]


# --- 1. headers ----------------------------------------------------------------------


def label_slots(cells: Sequence[str]) -> dict[str, int]:
    """Logical column → slot for the cells of a line that are header labels."""
    found: dict[str, int] = {}
    for slot, cell in enumerate(cells):
        if not cell or len(cell) > 60:
            continue
        match = column_of(cell)
        if match and match.name not in found:
            found[match.name] = slot
    return found


def is_header(cells: Sequence[str]) -> bool:
    """A header names at least three columns, one of them a goal, activity or target.

    >>> is_header(["NO.", "SASARAN PROGRAM/KEGIATAN", "TARGET", "KEGIATAN YANG AKAN DILAKSANAKAN"])
    True
    >>> is_header(["1", "Terwujudnya tata kelola", "100%", "Menyusun laporan"])
    False
    """
    found = label_slots(cells)
    filled = sum(1 for cell in cells if cell)
    return (
        len(found) >= 3
        and bool({"sasaran", "kegiatan", "target"} & found.keys())
        and len(found) * 2 >= filled
    )


def month_slots(cells: Sequence[str]) -> tuple[int, ...] | None:
    """Slots of the twelve month headings when ``cells`` is a month line."""
    filled = [(slot, cell) for slot, cell in enumerate(cells) if cell]
    short = [
        (slot, cell)
        for slot, cell in filled
        if (len(cell) <= 4 and " " not in cell) or month_of(cell) is not None
    ]
    if len(short) < 10 or len(filled) - len(short) > 3:
        return None
    # The longest run of short cells in consecutive slots holds the months.
    runs: list[list[tuple[int, str]]] = [[short[0]]]
    for item in short[1:]:
        if item[0] == runs[-1][-1][0] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    run = max(runs, key=len)
    if not is_month_heading_run([cell for _, cell in run]):
        return None
    slots = [slot for slot, _ in run][:12]
    while len(slots) < 12:
        slots.append(slots[-1] + 1)
    return tuple(slots)


def is_column_number_row(cells: Sequence[str]) -> bool:
    """The form's printed column numbers ``1 2 3 … 19`` under the header.

    >>> is_column_number_row([str(n) for n in range(1, 20)])
    True
    >>> is_column_number_row(["1", "2", "", "4"])
    False
    """
    filled = [cell for cell in cells if cell]
    if len(filled) < 6 or not all(_INT.match(cell) for cell in filled):
        return False
    numbers = [int(cell) for cell in filled]
    return numbers[0] <= 2 and all(b == a + 1 for a, b in itertools.pairwise(numbers))


# --- 2. column numbers glued into data lines -----------------------------------------


def blank_column_numbers(cells: list[str]) -> tuple[list[str], list[str]]:
    """Blank the cells that hold the form's column numbers rather than data.

    OCR sometimes reads the printed ``1 2 … 19`` row into the first data line. A
    bare integer within two of its own 1-based slot is a column number when at
    least three cells of the line look like that.

    >>> line = ["1", "2", "1 Dokumen", "5", "menyediakan"] + [""] * 12 + ["18", "19"]
    >>> blank_column_numbers(line)[1]
    ['1', '2', '5', '18', '19']
    >>> blank_column_numbers(["1", "Goal", "100%", "Activity"])[1]
    []
    """
    hits = [
        slot
        for slot, cell in enumerate(cells)
        if _INT.match(cell) and abs(int(cell) - (slot + 1)) <= 2 and int(cell) <= 40
    ]
    if len(hits) < 3:
        return cells, []
    blanked = [cells[slot] for slot in hits]
    out = list(cells)
    for slot in hits:
        out[slot] = ""
    return out, blanked


# --- 3. the regions of a data line ----------------------------------------------------


@dataclass
class Regions:
    pre: list[str]
    months: dict[int, str]
    post: list[str]
    notices: list[tuple[str, str]]


def split_regions(cells: list[str], header: Header) -> Regions:
    """Cut a data line into the cells before the schedule, the months, and after.

    The header says where the months are; OCR may have shifted the cells of a line
    by an extra or a missing cell, or given 13 schedule cells for 12 months. The
    schedule cells themselves (``minggu ke 1-4``) are the anchor.
    """
    notices: list[tuple[str, str]] = []
    if not header.months:
        return Regions(cells, {}, [], notices)
    start = header.months[0]
    # Before the header's months only a worded cell (``minggu ke 1``) counts as a
    # schedule: a bare ``1`` there is a row number or a target.
    sched = [
        slot
        for slot, cell in enumerate(cells)
        if cell and is_schedule_cell(cell) and (slot >= start or re.search(r"[A-Za-z]{3}", cell))
    ]
    if sched:
        first = sched[0]
        # Text between the header's first month and the first schedule cell is a
        # cell the line has too many before the schedule: the months start after it.
        shifted = [slot for slot in range(start, first) if cells[slot]]
        p = first if first < start else shifted[-1] + 1 if shifted else start
    else:
        p = start
        while p < len(cells) and p < start + 12 and cells[p] and not is_amount(cells[p]):
            p += 1
    end = p + 12
    extras = 0
    while end < len(cells) and cells[end] and is_schedule_cell(cells[end]):
        extras += 1
        end += 1
    if extras:
        which = "the last was" if extras == 1 else f"the last {extras} were"
        notices.append(
            ("schedule.extra-cells", f"{12 + extras} schedule cells for 12 months; {which} ignored")
        )
        month_cells = cells[p : p + 12]
    else:
        month_cells = cells[p:end]
        last_sched = max((s for s in sched if s < end), default=p - 1)
        tail = [slot for slot in range(last_sched + 1, min(end, len(cells))) if cells[slot]]
        if sched and tail and all(not is_schedule_cell(cells[slot]) for slot in tail):
            # A line shifted left: its unit or cost sits where the last months should be.
            stop = tail[0]
            if stop < end:
                count = stop - p
                notices.append(
                    (
                        "schedule.missing-cells",
                        f"{count} schedule cells for 12 months; read as months 1-{count}",
                    )
                )
                month_cells = cells[p:stop]
                end = stop
    months = {month: cell for month, cell in enumerate(month_cells, start=1) if cell}
    return Regions(cells[:p], months, cells[end:], notices)


# --- 4. cells before the schedule → columns -------------------------------------------


def _kind(cell: str) -> str:
    if not cell:
        return "empty"
    if _ROW_NO.match(cell):
        return "int"
    if re.fullmatch(r"\d+(?:[.,]\d+)?", cell):
        return "number"
    if is_target_like(cell):
        return "target"
    if re.search(r"[A-Za-z]{3}", cell):
        return "text"
    return "other"


_FIT = {
    "no": {"int": 3.0, "empty": 0.5, "number": -1.0, "target": -2.0, "text": -3.0, "other": -1.0},
    "target": {"target": 2.0, "int": 1.5, "number": 1.5, "empty": 0.5, "text": -0.5, "other": 0.0},
    "text": {"text": 1.5, "empty": 0.5, "int": -1.0, "number": -1.0, "target": -1.0, "other": -0.5},
}
_DROP = {"empty": 0.0, "int": -0.4, "number": -0.4, "target": -0.4, "other": -0.4, "text": -3.0}


def align_pre(cells: Sequence[str], columns: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """Map the cells before the schedule onto the pre-schedule columns.

    With as many cells as columns, cell ``i`` is column ``i``. Otherwise an order-
    keeping alignment chooses which cells are extra (dropped) or which columns are
    missing, by how well each cell's content fits each column.

    >>> align_pre(["6", "Goal text", "2 Lap", "2", "Menerima data"], ["no", "sasaran", "target", "kegiatan"])
    ({'no': '6', 'sasaran': 'Goal text', 'target': '2 Lap', 'kegiatan': 'Menerima data'}, ['2'])
    """
    if len(cells) == len(columns):
        return dict(zip(columns, cells, strict=True)), []
    kinds = [_kind(cell) for cell in cells]
    n, m = len(cells), len(columns)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    move: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == neg:
                continue
            if i < n and j < m:
                role = columns[j] if columns[j] in ("no", "target") else "text"
                score = here + _FIT[role][kinds[i]]
                if score > best[i + 1][j + 1]:
                    best[i + 1][j + 1], move[i + 1][j + 1] = score, "take"
            if i < n:
                score = here + _DROP[kinds[i]]
                if score > best[i + 1][j]:
                    best[i + 1][j], move[i + 1][j] = score, "drop"
            if j < m and here > best[i][j + 1]:
                best[i][j + 1], move[i][j + 1] = here, "skip"
    assigned: dict[str, str] = {}
    dropped: list[str] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "take":
            assigned[columns[j - 1]] = cells[i - 1]
            i, j = i - 1, j - 1
        elif step == "drop":
            if cells[i - 1]:
                dropped.append(cells[i - 1])
            i -= 1
        else:
            j -= 1
    ordered = {name: assigned[name] for name in columns if name in assigned}
    return ordered, dropped[::-1]


def strip_glued_number(text: str) -> tuple[str, str | None]:
    """Remove a column number or stray percent OCR glued to the start of a text cell.

    >>> strip_glued_number("3 Jumlah Laporan Reformasi Birokrasi")
    ('Jumlah Laporan Reformasi Birokrasi', '3')
    >>> strip_glued_number("94% menyajikan informasi")
    ('menyajikan informasi', '94%')
    >>> strip_glued_number("10 Desa Peduli Pemilu")
    ('10 Desa Peduli Pemilu', None)
    >>> strip_glued_number("1. Laporan")
    ('1. Laporan', None)
    """
    match = _GLUED_NUMBER.match(text)
    if not match:
        return text, None
    number = match.group("number")
    rest = text[match.end() :]
    first_word = re.split(r"[\s,.;:/]", rest, maxsplit=1)[0].lower()
    if "%" not in number and first_word in _COUNT_WORDS:
        return text, None
    return rest, number.strip()


def split_target(text: str) -> tuple[str, str | None]:
    """Split a target cell into its target and activity text that spilled into it.

    >>> split_target("5 1. Laporan Membentuk Tim Reformasi Birokrasi")
    ('5', '1. Laporan Membentuk Tim Reformasi Birokrasi')
    >>> split_target("1. Laporan")
    ('1. Laporan', None)
    >>> split_target("10 PPK dan 133 PPS")
    ('10 PPK dan 133 PPS', None)
    """
    match = _LEADING_TARGET.match(text)
    if not match or len(match.group("rest").split()) < 4:
        return text, None
    return match.group("target"), match.group("rest")


# --- 5. rows ---------------------------------------------------------------------------


def parse_row_no(text: str) -> int | None:
    """``"12"``, ``"12."``, ``"12)"`` → 12.

    >>> parse_row_no("12."), parse_row_no("x")
    (12, None)
    """
    match = _ROW_NO.match(text)
    return int(match.group(1)) if match else None


@dataclass
class _State:
    page: int = 1
    pending_page: bool = False
    rows_on_page: bool = False
    title_since_table: bool = True
    in_footer: bool = False


class TableBuilder:
    """Walks the lines once, keeping the current table, goal and row."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.infer_pages = source.pages is None
        self.tables: list[RawTable] = []
        self.notices: list[Notice] = []
        self.corrections: list[Correction] = []
        self.unit: Fragment | None = None
        self.year: Fragment | None = None
        self.header: Header | None = None
        self.table: RawTable | None = None
        self.row: RawRow | None = None
        self.goal = Goal()
        self.state = _State()

    # -- helpers

    def warn(self, line: int | None, code: str, message: str) -> None:
        self.notices.append(Notice(line, code, message))

    def cells_of(self, line: str) -> list[str]:
        if grid.is_tabbed(line):
            return grid.tab_cells(line)
        spans = grid.spans(line)
        if self.header is not None and self.header.starts is not None:
            return grid.slot_cells(spans, self.header.starts)
        return [span.text for span in spans]

    # -- the walk

    def build(self) -> RawLayout:
        lines = self.source.lines
        number = 0
        while number < len(lines):
            text = lines[number]
            number += 1
            if PAGE_BREAK in text:
                self.new_page()
                text = text.replace(PAGE_BREAK, "")
            if not text.strip():
                continue
            consumed = self.take_header(number, lines)
            if consumed:
                number += consumed - 1
                continue
            cells = self.cells_of(text)
            filled = [cell for cell in cells if cell]
            if len(filled) == 1 and _PAGE_NUMBER.match(filled[0]):
                if self.infer_pages:
                    self.state.pending_page = True
                continue
            if self.state.pending_page:
                self.new_page()
            if self.take_title(number, text, filled):
                continue
            if self.header is None or is_column_number_row(cells):
                continue
            if self.state.in_footer:
                continue
            if _SIGNATURE.match(" ".join(filled)):
                self.state.in_footer = True
                self.warn(number, "layout.footer", "the signature block from here on was left out")
                continue
            if len(cells) == 1 and self.header.starts is None:
                self.warn(
                    number, "layout.stray-line", f"a line outside the table grid was ignored: {filled[0]!r}"
                )
                continue
            self.take_data(number, cells)
        pages = self.source.pages if self.source.pages is not None else self.state.page
        return RawLayout(self.tables, self.unit, self.year, pages, self.corrections, self.notices)

    def new_page(self) -> None:
        if self.state.rows_on_page or not self.infer_pages or self.state.pending_page:
            self.state.page += 1
        self.state.pending_page = False
        self.state.rows_on_page = False

    # -- title block

    def take_title(self, number: int, text: str, filled: Sequence[str]) -> bool:
        if len(filled) != 1 and not (len(filled) <= 3 and any(":" in cell for cell in filled)):
            return False
        line = " ".join(filled)
        if _RAK_TITLE.search(line) and len(line) < 80 and ":" not in line:
            self.state.title_since_table = True
            year = _YEAR_ONLY.search(line)
            if year and self.year is None:
                self.year = Fragment(number, year.group("value"))
            return True
        match = _TITLE.match(line)
        if match:
            label = title_field_of(match.group("label"))
            if label is None:
                return False
            self.state.title_since_table = True
            self.record_label_fix(number, match.group("label"), label.variant)
            value = Fragment(number, match.group("value"))
            if label.name == "unit":
                if self.unit is None:
                    self.unit = value
                elif value.text.casefold() != self.unit.text.casefold():
                    self.warn(number, "header.unit-differs", f"a second unit {value.text!r} was ignored")
            elif self.year is None:
                self.year = value
            return True
        year = _YEAR_ONLY.search(line)
        if year and len(line) < 40:
            if self.year is None:
                self.year = Fragment(number, year.group("value"))
            return True
        return False

    def record_label_fix(self, number: int, label: str, canonical: str) -> None:
        """Record each word of a title label that OCR misread (``MAMA`` → ``NAMA``)."""
        from rapidfuzz import fuzz

        said = re.split(r"(\W+)", label.strip())
        right = re.split(r"(\W+)", canonical)
        if len(said) != len(right):
            return
        for word, canon in zip(said, right, strict=True):
            if word.upper() != canon and word.strip() and canon.strip() and word.isalnum():
                fixed = (
                    canon if word.isupper() else canon.capitalize() if word[:1].isupper() else canon.lower()
                )
                self.corrections.append(
                    Correction(number, word, fixed, round(fuzz.ratio(word.upper(), canon), 1), "vocabulary")
                )

    # -- header

    def take_header(self, number: int, lines: Sequence[str]) -> int:
        """If the header starts on 1-based line ``number``, take it; return lines used."""
        text = lines[number - 1]
        tabbed = grid.is_tabbed(text)
        spans = [] if tabbed else grid.spans(text)
        cells = grid.tab_cells(text) if tabbed else [span.text for span in spans]
        if not is_header(cells):
            return 0
        slots = label_slots(cells)
        used = 1
        months: tuple[int, ...] | None = None
        month_spans: list[grid.Span] = []
        label_starts = {name: spans[slot].start for name, slot in slots.items()} if not tabbed else {}
        # The month line (and label words wrapped onto a second line) follow the header.
        for offset in range(1, 4):
            if number - 1 + offset >= len(lines):
                break
            nxt = lines[number - 1 + offset]
            if not nxt.strip():
                used += 1
                continue
            nxt_spans = [] if tabbed else grid.spans(nxt)
            nxt_cells = grid.tab_cells(nxt) if tabbed else [span.text for span in nxt_spans]
            found = month_slots(nxt_cells)
            if found:
                months = found
                month_spans = [nxt_spans[slot] for slot in found] if not tabbed else []
                used = offset + 1
                extra = label_slots(nxt_cells)
                for name, slot in extra.items():
                    if name not in slots and name != "schedule":
                        slots[name] = slot
                        if not tabbed:
                            label_starts[name] = nxt_spans[slot].start
                break
            extra = label_slots(nxt_cells)
            data_like = any(is_schedule_cell(cell) or _ROW_NO.match(cell) for cell in nxt_cells if cell)
            if data_like or not extra:
                break
            for name, slot in extra.items():
                if name not in slots:
                    slots[name] = slot
                    if not tabbed:
                        label_starts[name] = nxt_spans[slot].start
            used = offset + 1
        if months is None and "schedule" in slots:
            months = tuple(range(slots["schedule"], slots["schedule"] + 12)) if tabbed else None
        header = self.make_header(number, slots, months, label_starts, month_spans, tabbed)
        self.start_table(number, header)
        return used

    def make_header(
        self,
        number: int,
        slots: dict[str, int],
        months: tuple[int, ...] | None,
        label_starts: dict[str, int],
        month_spans: list[grid.Span],
        tabbed: bool,
    ) -> Header:
        if tabbed:
            named = tuple((name, slot) for name, slot in slots.items() if name != "schedule")
            return Header(number, named, months or ())
        # Space-aligned: grid slots are the label positions plus the month positions.
        points = [
            (start, name) for name, start in label_starts.items() if name != "schedule" or not month_spans
        ]
        points += [(span.start, f"month{index}") for index, span in enumerate(month_spans, start=1)]
        points.sort()
        starts = tuple(max(0, start - 1) for start, _ in points)
        named_slots = tuple(
            (name, slot) for slot, (_, name) in enumerate(points) if not name.startswith("month")
        )
        month_slot = tuple(slot for slot, (_, name) in enumerate(points) if name.startswith("month"))
        return Header(number, named_slots, month_slot, starts)

    def start_table(self, number: int, header: Header) -> None:
        if self.state.pending_page:
            self.new_page()
        continuing = (
            self.table is not None
            and not self.state.title_since_table
            and self.table.header.columns == header.columns
        )
        if self.table is not None and self.state.rows_on_page and self.infer_pages:
            self.new_page()  # a header repeated after rows means the page turned
        self.header = header
        self.state.in_footer = False
        if continuing and self.table is not None:
            self.table.header = header
        else:
            self.table = RawTable(page=self.state.page, header=header)
            self.tables.append(self.table)
            self.row = None
            self.goal = Goal()
        self.state.title_since_table = False

    # -- data lines

    def take_data(self, number: int, cells: list[str]) -> None:
        assert self.header is not None and self.table is not None
        cells, blanked = blank_column_numbers(cells)
        if blanked:
            self.warn(
                number, "layout.column-numbers", f"the form's column numbers {' '.join(blanked)} were ignored"
            )
        if not any(cells):
            return
        regions = split_regions(cells, self.header)
        for code, message in regions.notices:
            self.warn(number, code, message)
        pre, dropped = align_pre(regions.pre, self.header.pre_columns())
        for cell in dropped:
            if re.search(r"[A-Za-z]{3}", cell):
                pre["kegiatan"] = f"{pre.get('kegiatan', '')}  {cell}".strip()
                self.warn(
                    number, "layout.merged-cell", f"an extra text cell was added to kegiatan: {cell[:40]!r}"
                )
            else:
                self.warn(
                    number, "layout.extra-cell", f"an extra cell {cell!r} before the schedule was ignored"
                )
        for name in TEXT_COLUMNS:
            if pre.get(name):
                pre[name], glued = strip_glued_number(pre[name])
                if glued:
                    self.warn(
                        number, "layout.glued-number", f"{glued!r} glued to the start of {name} was ignored"
                    )
        if pre.get("target"):
            pre["target"], spill = split_target(pre["target"])
            if spill:
                pre["kegiatan"] = f"{spill}  {pre.get('kegiatan', '')}".strip()
                self.warn(
                    number, "layout.target-spill", "activity text in the target cell was moved to kegiatan"
                )
        biaya, units = self.read_post(number, regions.post)
        self.place(number, pre, regions.months, biaya, units)

    def read_post(self, number: int, cells: Sequence[str]) -> tuple[list[str], list[str]]:
        biaya: list[str] = []
        units: list[str] = []
        for cell in cells:
            if not cell:
                continue
            if is_amount(cell):
                biaya.append(cell)
            elif _INT.match(cell) or re.fullmatch(r"[\W_]+", cell):
                self.warn(
                    number, "layout.extra-cell", f"a stray cell {cell!r} after the schedule was ignored"
                )
            else:
                text, glued = strip_glued_number(cell)
                if glued:
                    self.warn(
                        number,
                        "layout.glued-number",
                        f"{glued!r} glued to the start of pelaksana was ignored",
                    )
                units.append(text)
        return biaya, units

    def place(
        self,
        number: int,
        pre: dict[str, str],
        months: dict[int, str],
        biaya: list[str],
        units: list[str],
    ) -> None:
        """Apply the contract's rules: which lines start a row, which continue one."""
        assert self.table is not None
        no_text = pre.get("no", "")
        no = parse_row_no(no_text) if no_text else None
        if no_text and no is None:
            pre["sasaran"] = f"{no_text} {pre.get('sasaran', '')}".strip()
        has_schedule = any(is_schedule_cell(cell) for cell in months.values())
        wrapped_schedule = (
            no is None and has_schedule and self.row is not None and self.continues_schedule(months)
        )
        starts_row = (no is not None or bool(pre.get("target")) or has_schedule) and not wrapped_schedule
        if starts_row or self.row is None:
            if no is not None:
                self.goal = Goal()
            row = RawRow(no=Fragment(number, no_text) if no is not None else None, goal=self.goal)
            self.table.rows.append(row)
            self.row = row
        row = self.row
        row.touch(number)
        # In space-aligned text a line that starts no row is the rest of its cells'
        # wrapped text; in a tab grid each line's cell is an item of its own.
        wraps = not starts_row and self.header is not None and self.header.starts is not None
        self.state.rows_on_page = True
        if pre.get("sasaran"):
            self.goal.parts.append(Fragment(number, pre["sasaran"]))
        if pre.get("indikator"):
            row.indikator.append(Fragment(number, pre["indikator"]))
        if pre.get("target"):
            if row.target is None:
                row.target = Fragment(number, pre["target"])
            else:
                row.target = Fragment(row.target.line, f"{row.target.text} {pre['target']}")
        if pre.get("kegiatan"):
            row.kegiatan.append(Fragment(number, pre["kegiatan"], wraps))
        for month, cell in months.items():
            row.months.setdefault(month, []).append(Fragment(number, cell))
        for amount in biaya:
            if row.biaya and _CURRENCY_ONLY.match(row.biaya[-1].text):
                # "Rp." wrapped above its digits: one amount over two lines.
                row.biaya[-1] = Fragment(row.biaya[-1].line, f"{row.biaya[-1].text} {amount}")
                continue
            row.biaya.append(Fragment(number, amount))
            self.table.has_biaya = True
            if "biaya" not in self.table.header.columns and not self.table.warned_biaya:
                self.table.warned_biaya = True
                self.warn(
                    number,
                    "layout.biaya-without-header",
                    "amounts after the schedule were read as biaya; the header names no cost column",
                )
        for unit in units:
            row.pelaksana.append(Fragment(number, unit, wraps))

    def continues_schedule(self, months: dict[int, str]) -> bool:
        """Whether schedule cells finish cells of the row above that wrapped (``minggu`` / ``ke 1-4``)."""
        assert self.row is not None
        for month in months:
            above = self.row.months.get(month)
            if not above:
                return False
            text = " ".join(fragment.text for fragment in above)
            if not _OPEN_SCHEDULE.search(text) and parse_weeks(text).weeks is not None:
                return False
        return bool(months)


def build_layout(source: SourceText) -> RawLayout:
    """Find the tables of a ``SourceText`` and their raw rows."""
    return TableBuilder(source).build()
