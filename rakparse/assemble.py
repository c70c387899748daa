"""Raw rows → the contract's rows: correct each cell, then parse its value.

Each cell fragment is corrected on its own line (so every ``Correction`` names the
line it changed), then the field parsers turn the text into values; their issues
become ``Notice`` s and their letter-for-digit repairs ``pattern`` corrections.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import Protocol

from rakparse.fields.items import dedupe, split_activities, split_units
from rakparse.fields.result import Issue, Repair
from rakparse.fields.rupiah import parse_rupiah
from rakparse.fields.target import parse_target
from rakparse.fields.weeks import parse_weeks
from rakparse.layout.tables import Fragment, RawLayout, RawRow, RawTable, parse_row_no
from rakparse.model import Correction, Notice, Row, Table, Target

_YEAR = re.compile(r"[12][0-9OoIlS]{3}")
_DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "S": "5"})


class FixedText(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def corrections(self) -> tuple[Correction, ...]: ...
    @property
    def warnings(self) -> tuple[Notice, ...]: ...


class Corrector(Protocol):
    """What the correction engine offers the assembler (see ``rakparse.correct``)."""

    def fix(self, text: str, *, column: str, line: int, context: Set[str] = frozenset()) -> FixedText: ...

    def document_words(self, text: str) -> frozenset[str]: ...

    @property
    def load_warnings(self) -> tuple[Notice, ...]: ...


@dataclass(frozen=True)
class _Unchanged:
    text: str
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[Notice, ...] = ()


class NoCorrection:
    """The corrector of ``--no-fix``: returns every text as it is."""

    def fix(self, text: str, *, column: str, line: int, context: Set[str] = frozenset()) -> FixedText:
        return _Unchanged(text)

    def document_words(self, text: str) -> frozenset[str]:
        return frozenset()

    @property
    def load_warnings(self) -> tuple[Notice, ...]:
        return ()


@dataclass
class Assembler:
    corrector: Corrector
    #: the document's words (``Corrector.document_words``): they settle near words in doubt
    context: frozenset[str] = frozenset()
    corrections: list[Correction] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def fix(self, fragment: Fragment, column: str) -> str:
        fixed = self.corrector.fix(fragment.text, column=column, line=fragment.line, context=self.context)
        self.corrections.extend(fixed.corrections)
        self.notices.extend(fixed.warnings)
        return fixed.text

    def report(self, line: int, repairs: Sequence[Repair], issues: Sequence[Issue]) -> None:
        for repair in repairs:
            self.corrections.append(Correction(line, repair.from_, repair.to, 100.0, "pattern"))
        for issue in issues:
            self.notices.append(Notice(line, issue.code, issue.message))

    def joined(self, fragments: Sequence[Fragment], column: str) -> str:
        """Wrapped text goes on with a space; a fragment starting a new item gets two."""
        text = ""
        for fragment in fragments:
            part = self.fix(fragment, column).strip()
            if not part:
                continue
            if not text:
                text = part
            elif fragment.wraps or part[0].islower() or column in ("sasaran", "indikator"):
                text = f"{text} {part}"
            else:
                text = f"{text}  {part}"
        return text

    def goal(self, row: RawRow, cache: dict[int, str | None]) -> str | None:
        key = id(row.goal)
        if key not in cache:
            text = " ".join(self.joined(row.goal.parts, "sasaran").split())
            cache[key] = text or None
        return cache[key]

    def row(self, raw: RawRow, table: RawTable, goals: dict[int, str | None]) -> Row:
        indikator = " ".join(self.joined(raw.indikator, "indikator").split()) or None
        target: Target | None = None
        if raw.target is not None:
            text = self.fix(raw.target, "target")
            result = parse_target(text)
            self.report(raw.target.line, result.repairs, result.issues)
            target = result.target
        schedule: list[tuple[int, tuple[int, ...]]] = []
        for month in sorted(raw.months):
            fragments = raw.months[month]
            cell = " ".join(fragment.text for fragment in fragments)
            weeks = parse_weeks(cell)
            self.report(fragments[0].line, weeks.repairs, weeks.issues)
            if weeks.weeks:
                schedule.append((month, weeks.weeks))
        biaya: int | None = None
        if raw.biaya:
            first = raw.biaya[0]
            amount = parse_rupiah(first.text)
            self.report(first.line, amount.repairs, amount.issues)
            biaya = amount.value
            for extra in raw.biaya[1:]:
                self.notices.append(
                    Notice(
                        extra.line, "biaya.multiple", f"a second amount {extra.text!r} in one row was ignored"
                    )
                )
        kegiatan = split_activities(self.joined(raw.kegiatan, "kegiatan"))
        pelaksana = dedupe(split_units(self.joined(raw.pelaksana, "pelaksana")))
        return Row(
            no=parse_row_no(raw.no.text) if raw.no else None,
            sasaran=self.goal(raw, goals),
            indikator=indikator if "indikator" in table.columns else None,
            target=target,
            kegiatan=tuple(kegiatan),
            schedule=tuple(schedule),
            biaya=biaya,
            pelaksana=tuple(pelaksana),
            lines=(raw.first_line, raw.last_line),
        )

    def tables(self, layout: RawLayout) -> tuple[Table, ...]:
        tables = []
        for raw in layout.tables:
            goals: dict[int, str | None] = {}
            rows = tuple(self.row(row, raw, goals) for row in raw.rows)
            tables.append(Table(page=raw.page, columns=raw.columns, rows=rows))
        return tuple(tables)

    def unit(self, fragment: Fragment | None) -> str | None:
        if fragment is None:
            return None
        return " ".join(self.fix(fragment, "unit").split()) or None

    def year(self, fragment: Fragment | None) -> int | None:
        """The plan year from the title block; OCR letters in it are repaired."""
        if fragment is None:
            return None
        match = _YEAR.search(fragment.text)
        if not match:
            self.notices.append(
                Notice(fragment.line, "header.year-unreadable", f"no year in {fragment.text!r}")
            )
            return None
        raw = match.group()
        fixed = raw.translate(_DIGIT_FOR)
        if fixed != raw:
            self.corrections.append(Correction(fragment.line, raw, fixed, 100.0, "pattern"))
        year = int(fixed)
        if not 1990 <= year <= 2100:
            self.notices.append(
                Notice(fragment.line, "header.year-implausible", f"the year {year} is implausible")
            )
            return None
        return year
