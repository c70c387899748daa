"""The data model of the output contract: frozen dataclasses, one per JSON object.

``Document.to_dict()`` is the single source of the JSON, the CSV and the schema
check; ``Document.from_dict()`` is its inverse (``rakparse.read`` uses it).
Every parsed value keeps the raw text it came from where the contract has room
for it (``Target.raw``, ``Correction.from_``, ``Row.lines``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pandas is imported lazily: text conversion must not pay for it
    import pandas as pd

SCHEMA_ID = "rakparse/rak/1"

SourceFormat = Literal["text", "pdf-text", "pdf-ocr", "image"]
TargetKind = Literal["percent", "count", "grade", "number", "text"]
CorrectionBy = Literal["vocabulary", "lexicon", "pattern"]

#: Logical columns a table can have, in the order a RAK form prints them.
COLUMN_ORDER = ("no", "sasaran", "indikator", "target", "kegiatan", "schedule", "biaya", "pelaksana")

#: The CSV columns of the contract, in order.
CSV_COLUMNS = (
    "table",
    "page",
    "no",
    "sasaran",
    "indikator",
    "target_raw",
    "target_value",
    "target_unit",
    "target_kind",
    "kegiatan",
    *(f"b{month}" for month in range(1, 13)),
    "biaya",
    "pelaksana",
    "unit",
    "year",
    "source",
)

#: Joins the items of ``kegiatan`` and ``pelaksana`` in one CSV cell.
ITEM_SEPARATOR = " | "

Schedule = tuple[tuple[int, tuple[int, ...]], ...]
"""Month (1..12) → sorted weeks (1..5), as sorted pairs; absent months are left out."""


@dataclass(frozen=True)
class Target:
    """A target cell: ``97,5%`` → ``Target("97,5%", 97.5, "%", "percent")``."""

    raw: str
    value: float | int | None
    unit: str | None
    kind: TargetKind

    def to_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "value": self.value, "unit": self.unit, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Target:
        return cls(data["raw"], data["value"], data["unit"], data["kind"])


@dataclass(frozen=True)
class Correction:
    """One change made to the text, on 1-based ``line`` of the parsed text."""

    line: int
    from_: str
    to: str
    score: float
    by: CorrectionBy

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "from": self.from_, "to": self.to, "score": self.score, "by": self.by}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Correction:
        return cls(data["line"], data["from"], data["to"], float(data["score"]), data["by"])


@dataclass(frozen=True)
class Notice:
    """Something the parser was unsure about or dropped (a contract ``warning``).

    ``code`` is stable and dotted (``schedule.extra-cells``); ``line`` is ``None``
    for a warning about the whole document.
    """

    line: int | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Notice:
        return cls(data.get("line"), data["code"], data["message"])


@dataclass(frozen=True)
class Row:
    """One output row of a table (see the contract's "Which lines make a row")."""

    no: int | None
    sasaran: str | None
    indikator: str | None
    target: Target | None
    kegiatan: tuple[str, ...]
    schedule: Schedule
    biaya: int | None
    pelaksana: tuple[str, ...]
    lines: tuple[int, int]

    def schedule_dict(self) -> dict[str, list[int]]:
        return {str(month): list(weeks) for month, weeks in self.schedule}

    def to_dict(self) -> dict[str, Any]:
        return {
            "no": self.no,
            "sasaran": self.sasaran,
            "indikator": self.indikator,
            "target": self.target.to_dict() if self.target else None,
            "kegiatan": list(self.kegiatan),
            "schedule": self.schedule_dict(),
            "biaya": self.biaya,
            "pelaksana": list(self.pelaksana),
            "lines": list(self.lines),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Row:
        target = data.get("target")
        schedule = tuple(
            sorted((int(month), tuple(weeks)) for month, weeks in (data.get("schedule") or {}).items())
        )
        first, last = data.get("lines") or (0, 0)
        return cls(
            no=data.get("no"),
            sasaran=data.get("sasaran"),
            indikator=data.get("indikator"),
            target=Target.from_dict(target) if target else None,
            kegiatan=tuple(data.get("kegiatan") or ()),
            schedule=schedule,
            biaya=data.get("biaya"),
            pelaksana=tuple(data.get("pelaksana") or ()),
            lines=(int(first), int(last)),
        )


@dataclass(frozen=True)
class Table:
    """A table: where it starts, which logical columns it has, and its rows."""

    page: int
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "columns": list(self.columns),
            "rows": [row.to_dict() for row in self.rows],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Table:
        return cls(
            page=int(data["page"]),
            columns=tuple(data["columns"]),
            rows=tuple(Row.from_dict(row) for row in data["rows"]),
        )


@dataclass(frozen=True)
class Source:
    """Where the document came from; ``path`` is as the user gave it."""

    path: str | None
    sha256: str
    format: SourceFormat
    pages: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "format": self.format, "pages": self.pages}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        return cls(data.get("path"), data["sha256"], data["format"], int(data["pages"]))


@dataclass(frozen=True)
class Document:
    """Everything rakparse got out of one input file."""

    source: Source
    unit: str | None
    year: int | None
    tables: tuple[Table, ...]
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[Notice, ...] = ()
    schema: str = field(default=SCHEMA_ID)

    @property
    def rows(self) -> Iterator[Row]:
        """Every row of every table, in order."""
        for table in self.tables:
            yield from table.rows

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, keys in the contract's order."""
        return {
            "schema": self.schema,
            "source": self.source.to_dict(),
            "unit": self.unit,
            "year": self.year,
            "tables": [table.to_dict() for table in self.tables],
            "corrections": [c.to_dict() for c in self.corrections],
            "warnings": [w.to_dict() for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        return cls(
            source=Source.from_dict(data["source"]),
            unit=data.get("unit"),
            year=data.get("year"),
            tables=tuple(Table.from_dict(t) for t in data.get("tables") or ()),
            corrections=tuple(Correction.from_dict(c) for c in data.get("corrections") or ()),
            warnings=tuple(Notice.from_dict(w) for w in data.get("warnings") or ()),
            schema=data.get("schema", SCHEMA_ID),
        )

    def csv_records(self) -> list[dict[str, Any]]:
        """One dict per row with the contract's CSV columns (values not yet text)."""
        from rakparse.fields.weeks import format_weeks

        records: list[dict[str, Any]] = []
        for number, table in enumerate(self.tables, start=1):
            for row in table.rows:
                schedule = dict(row.schedule)
                target = row.target
                record: dict[str, Any] = {
                    "table": number,
                    "page": table.page,
                    "no": row.no,
                    "sasaran": row.sasaran,
                    "indikator": row.indikator,
                    "target_raw": target.raw if target else None,
                    "target_value": target.value if target else None,
                    "target_unit": target.unit if target else None,
                    "target_kind": target.kind if target else None,
                    "kegiatan": ITEM_SEPARATOR.join(row.kegiatan),
                }
                for month in range(1, 13):
                    weeks = schedule.get(month)
                    record[f"b{month}"] = format_weeks(weeks) if weeks is not None else None
                record["biaya"] = row.biaya
                record["pelaksana"] = ITEM_SEPARATOR.join(row.pelaksana)
                record["unit"] = self.unit
                record["year"] = self.year
                record["source"] = self.source.path
                records.append(record)
        return records

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame, one row per table row, the CSV's columns."""
        import pandas as pd

        frame = pd.DataFrame.from_records(self.csv_records(), columns=list(CSV_COLUMNS))
        for column in ("no", "biaya", "year"):
            frame[column] = frame[column].astype("Int64")
        return frame
