"""Excel writer (openpyxl through pandas): one sheet per table, then corrections and warnings.

Planning staff open these in Excel, so each sheet has a bold, filled, frozen header
with filters, columns wide enough to read, and ``biaya`` as numbers formatted
``#,##0`` (rupiah are integers: never text, never floats). The bytes are the same
for the same document: the timestamps openpyxl writes (document properties and
zip entries) are fixed, so batch outputs do not depend on when or with how many
workers they were written.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from rakparse.model import CSV_COLUMNS, Document

if TYPE_CHECKING:
    import pandas as pd

CORRECTION_COLUMNS = ("line", "from", "to", "score", "by")
WARNING_COLUMNS = ("line", "code", "message")

RUPIAH_FORMAT = "#,##0"
_FIXED_TIME = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
_WIDTHS = {"sasaran": 50, "indikator": 40, "kegiatan": 60, "pelaksana": 35, "unit": 35, "message": 70}


def sheet_name(number: int, page: int) -> str:
    """The sheet of table ``number`` (Excel allows 31 characters, no ``/``).

    >>> sheet_name(2, 4)
    'table 2 (page 4)'
    """
    return f"table {number} (page {page})"


def _frames(document: Document) -> list[tuple[str, pd.DataFrame]]:
    import pandas as pd

    records = document.csv_records()
    frames = []
    start = 0
    for number, table in enumerate(document.tables, start=1):
        rows = records[start : start + len(table.rows)]
        start += len(table.rows)
        frame = pd.DataFrame.from_records(rows, columns=list(CSV_COLUMNS)).drop(columns="table")
        for column in ("no", "biaya", "year"):
            frame[column] = frame[column].astype("Int64")
        frames.append((sheet_name(number, table.page), frame))
    corrections = pd.DataFrame.from_records(
        [c.to_dict() for c in document.corrections], columns=list(CORRECTION_COLUMNS)
    )
    warnings = pd.DataFrame.from_records(
        [w.to_dict() for w in document.warnings], columns=list(WARNING_COLUMNS)
    )
    warnings["line"] = warnings["line"].astype("Int64")
    frames.append(("corrections", corrections))
    frames.append(("warnings", warnings))
    return frames


def style_sheet(sheet: Any, columns: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="305496")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(column, 16 if column == "biaya" else 10)
        if column == "biaya":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = RUPIAH_FORMAT


def reproducible_zip(data: bytes) -> bytes:
    """The same workbook with fixed zip timestamps, entries in the order openpyxl wrote them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = _STAMP.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()


def render_xlsx(document: Document) -> bytes:
    """An .xlsx workbook of ``document``: a sheet per table, then ``corrections`` and ``warnings``."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in _frames(document):
            frame.to_excel(writer, sheet_name=name, index=False)
            style_sheet(writer.sheets[name], list(frame.columns))
        properties = writer.book.properties
        properties.creator = "rakparse"
        properties.title = document.unit or document.source.path or "RAK"
        properties.created = properties.modified = _FIXED_TIME
        properties.lastModifiedBy = None
    return reproducible_zip(buffer.getvalue())
