"""CSV writer: one line per row of every table, the contract's columns, RFC 4180.

``excel=True`` adds a BOM and uses ``;`` so spreadsheets set to the Indonesian
locale (where ``,`` is the decimal comma) open it in columns.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rakparse.model import CSV_COLUMNS, Document


def cell(value: Any) -> str:
    """Numbers plain (``2953803000``, ``97.5``); ``None`` empty.

    >>> cell(None), cell(97.5), cell(100.0), cell(2953803000), cell("x")
    ('', '97.5', '100', '2953803000', 'x')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def render_csv(document: Document, *, excel: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in document.csv_records():
        writer.writerow([cell(record[column]) for column in CSV_COLUMNS])
    text = buffer.getvalue()
    return ("\ufeff" + text).encode("utf-8") if excel else text.encode("utf-8")
