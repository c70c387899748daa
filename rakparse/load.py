"""Load rakparse's own outputs (JSON or CSV) back into a ``Document``.

JSON gives back everything. CSV carries neither ``corrections``, ``warnings``
nor ``lines`` (they come back empty and ``[0, 0]``), nor the source's hash and
format: a Document read from CSV records the CSV file's own sha256, format
``text``, and as many pages as its highest ``page``; each table's ``columns`` are
those its rows fill (``indikator`` and ``biaya`` when any row has one).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

from rakparse.errors import InputError
from rakparse.fields.weeks import parse_weeks
from rakparse.model import COLUMN_ORDER, CSV_COLUMNS, ITEM_SEPARATOR, Document, Row, Source, Table, Target
from rakparse.readers.text import decode


def _number(text: str) -> int | float | None:
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _int(text: str) -> int | None:
    return int(text) if text != "" else None


def _items(text: str) -> tuple[str, ...]:
    return tuple(item for item in text.split(ITEM_SEPARATOR) if item) if text else ()


def document_from_csv(text: str, path: str | None, sha256: str) -> Document:
    """Parse the contract's CSV (``,`` or the ``--excel`` form with ``;``)."""
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect)
    header = next(reader, None)
    if header is None or tuple(header) != CSV_COLUMNS:
        raise InputError(
            "not a rakparse CSV (its header is not the contract's columns)",
            "give a CSV written by `rakparse convert --format csv`",
            path,
        )
    tables: dict[int, tuple[int, list[Row]]] = {}
    unit = year = None
    for values in reader:
        if not values:
            continue
        record = dict(zip(CSV_COLUMNS, values, strict=False))
        schedule = []
        for month in range(1, 13):
            cell = record[f"b{month}"]
            if cell:
                weeks = parse_weeks(cell).weeks
                if weeks:
                    schedule.append((month, weeks))
        target = None
        if record["target_kind"]:
            target = Target(
                record["target_raw"],
                _number(record["target_value"]),
                record["target_unit"] or None,
                record["target_kind"],  # type: ignore[arg-type]
            )
        row = Row(
            no=_int(record["no"]),
            sasaran=record["sasaran"] or None,
            indikator=record["indikator"] or None,
            target=target,
            kegiatan=_items(record["kegiatan"]),
            schedule=tuple(schedule),
            biaya=_int(record["biaya"]),
            pelaksana=_items(record["pelaksana"]),
            lines=(0, 0),
        )
        number = int(record["table"])
        tables.setdefault(number, (int(record["page"]), []))[1].append(row)
        unit = record["unit"] or None
        year = _int(record["year"])
        source_path = record["source"] or None
    built = []
    for _, (page, rows) in sorted(tables.items()):
        present = {"no", "sasaran", "target", "kegiatan", "schedule", "pelaksana"}
        if any(row.indikator for row in rows):
            present.add("indikator")
        if any(row.biaya is not None for row in rows):
            present.add("biaya")
        columns = tuple(name for name in COLUMN_ORDER if name in present)
        built.append(Table(page, columns, tuple(rows)))
    pages = max((table.page for table in built), default=1)
    shown = source_path if tables else path
    return Document(Source(shown, sha256, "text", pages), unit, year, tuple(built))


def read_document(path: str | os.PathLike[str]) -> Document:
    """Load a JSON or CSV output of rakparse (``rakparse.read``)."""
    shown = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", "check the path", shown) from None
    text, _ = decode(data, shown)
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("{"):
        try:
            loaded: Any = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise InputError(
                f"not valid JSON (line {error.lineno}: {error.msg})", "give a JSON written by rakparse", shown
            ) from None
        try:
            return Document.from_dict(loaded)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(
                f"not a rakparse document ({error})", "give a JSON written by rakparse", shown
            ) from None
    return document_from_csv(stripped, shown, hashlib.sha256(data).hexdigest())
