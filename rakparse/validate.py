"""Check rakparse's JSON and CSV outputs: the JSON Schema plus semantic rules.

Roles, as in check-jsonschema: *loader* (``_load_json``/``_csv_rows``) →
*checker* (``check_json``/``check_csv``) → *result* (``FileResult`` holding
``Problem`` values) → *reporters* (``report_text``, ``report_json``,
``report_github``). Nothing here prints or exits: every problem is a value with
its file, line and code, and ``exit_code`` decides the exit code once for all files.

The semantic rules, beyond the schema (codes are stable):

========================== ================================================
``schedule.month``         a schedule month that is not ``"1"`` .. ``"12"``
``schedule.week``          a week that is not an integer 1..5
``schedule.empty``         a month with no weeks (the contract forbids ``[]``)
``schedule.order``         weeks not sorted
``schedule.duplicate``     a week listed twice in one month
``biaya.type``             biaya that is not an integer (``2.5e9``, ``"Rp 5"``)
``biaya.negative``         biaya below zero
``target.percent-range``   a percent target outside 0..1000
``year.range``             a year before 1999 (SAKIP) or after next year + 5
``row.duplicate-no``       a row number used twice in one table
``row.lines``              ``lines`` whose first line is after its last
``columns.missing``        a row fills a column its table does not list
``csv.header``             a CSV header that is not exactly the contract's
``csv.row-length``         a CSV record with more or fewer cells than the header
``csv.value``              a CSV cell that is not a number where one is due
``json.syntax``            not JSON at all
``schema.violation``       anything else the JSON Schema rejects
========================== ================================================
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rakparse.errors import ExitCode
from rakparse.model import CSV_COLUMNS

#: The batch manifest lives among the outputs; folders are checked without it.
MANIFEST_PREFIX = "rakparse-manifest"

FIRST_YEAR = 1999  # SAKIP (and so the RAK) starts with Inpres 7/1999
PERCENT_RANGE = (0.0, 1000.0)  # a target may exceed 100 % (growth), but not absurdly


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file: where (line, JSON pointer) and what (code, message)."""

    file: str
    line: int | None
    pointer: str | None
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "pointer": self.pointer,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True)
class FileResult:
    """The verdict on one file; ``unreadable`` is set when it could not be checked at all."""

    file: str
    format: str | None
    problems: tuple[Problem, ...] = ()
    unreadable: str | None = None

    @property
    def valid(self) -> bool:
        return self.unreadable is None and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "valid": self.valid,
            "unreadable": self.unreadable,
            "problems": [problem.to_dict() for problem in self.problems],
        }


def exit_code(results: Sequence[FileResult]) -> ExitCode:
    """2 when a file could not be read (or none was given), else 1 when one is invalid, else 0."""
    if not results or any(result.unreadable for result in results):
        return ExitCode.USAGE
    if any(result.problems for result in results):
        return ExitCode.INVALID
    return ExitCode.OK


# --------------------------------------------------------------------------- loaders


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, str | None]]:
    """Each file to check as ``(path, reason it cannot be checked or None)``.

    A folder yields every ``.json`` and ``.csv`` below it, sorted, without the batch
    manifest and hidden files; a file is taken whatever its name.
    """
    for given in paths:
        shown = os.fspath(given)
        path = Path(given)
        if path.is_dir():
            found = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.suffix.lower() in (".json", ".csv")
                and candidate.is_file()
                and not candidate.name.startswith((".", MANIFEST_PREFIX))
            )
            if not found:
                yield shown, "a folder with no .json or .csv file in it"
            for candidate in found:
                yield os.fspath(candidate), None
        elif not path.exists():
            yield shown, "no such file"
        else:
            yield shown, None


def _kind(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".csv"):
        return suffix[1:]
    return "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "csv"


def validate_file(path: str | os.PathLike[str]) -> FileResult:
    """Check one output file (JSON or CSV, by suffix, else by content)."""
    shown = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return FileResult(shown, None, unreadable="no such file")
    except IsADirectoryError:
        return FileResult(shown, None, unreadable="is a folder")
    except OSError as error:
        return FileResult(shown, None, unreadable=f"cannot be read ({error.strerror})")
    if b"\x00" in data[:4096]:
        return FileResult(shown, None, unreadable="is a binary file, not a rakparse JSON or CSV output")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        kind = _kind(shown, "")
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(shown, line, None, "file.encoding", "not UTF-8 (rakparse writes UTF-8)")
        return FileResult(shown, kind, (problem,))
    kind = _kind(shown, text)
    problems = check_json(text, shown) if kind == "json" else check_csv(text, shown)
    return FileResult(shown, kind, tuple(problems))


def validate_paths(paths: Iterable[str | os.PathLike[str]]) -> list[FileResult]:
    """Check files and folders; one ``FileResult`` per file, in the order given."""
    results = []
    for path, reason in expand(paths):
        results.append(FileResult(path, None, unreadable=reason) if reason else validate_file(path))
    return results


# --------------------------------------------------------------------------- JSON


def json_lines(text: str) -> dict[str, int]:
    """The line where each value of a JSON text starts, by JSON pointer.

    Pointers are written as ``rakparse.schema.schema_errors`` writes them (``/`` for
    the root, parts joined with ``/``). The text must be valid JSON.

    >>> json_lines('{\\n  "a": [\\n    1,\\n    {"b": 2}\\n  ]\\n}')
    {'/': 1, '/a': 2, '/a/0': 3, '/a/1': 4, '/a/1/b': 4}
    """
    lines: dict[str, int] = {}
    decoder = json.JSONDecoder()
    ws = re.compile(r"[ \t\n\r]*")
    position = 0
    line = 1

    def skip(at: int) -> int:
        nonlocal line
        end = ws.match(text, at).end()  # type: ignore[union-attr]
        line += text.count("\n", at, end)
        return end

    def value(at: int, pointer: str) -> int:
        nonlocal line
        at = skip(at)
        lines[pointer or "/"] = line
        char = text[at]
        if char == "{":
            at = skip(at + 1)
            if text[at] == "}":
                return at + 1
            while True:
                at = skip(at)
                key, at = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
                at = skip(at)
                at = value(at + 1, f"{pointer}/{key}")  # past ':'
                at = skip(at)
                if text[at] == "}":
                    return at + 1
                at += 1  # ','
        if char == "[":
            at = skip(at + 1)
            if text[at] == "]":
                return at + 1
            index = 0
            while True:
                at = value(at, f"{pointer}/{index}")
                at = skip(at)
                index += 1
                if text[at] == "]":
                    return at + 1
                at += 1
        _, end = decoder.raw_decode(text, at)
        line += text.count("\n", at, end)
        return int(end)

    value(position, "")
    return lines


def line_of(lines: Mapping[str, int], pointer: str) -> int | None:
    """The line of ``pointer``, or of its nearest ancestor that exists."""
    current = pointer
    while current:
        if current in lines:
            return lines[current]
        current = current.rsplit("/", 1)[0]
    return lines.get("/")


@dataclass
class _Found:
    """Problems of one file as the rules find them; ``supersedes`` drops overlapping schema errors."""

    file: str
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # pointer, code, message
    supersedes: list[str] = field(default_factory=list)

    def add(self, pointer: str, code: str, message: str, supersedes: str | None = None) -> None:
        self.problems.append((pointer, code, message))
        self.supersedes.append(pointer if supersedes is None else supersedes)


def check_json(text: str, file: str) -> list[Problem]:
    """Every problem of a JSON output: schema first, then the semantic rules."""
    from rakparse.schema import schema_errors

    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        return [Problem(file, error.lineno, None, "json.syntax", f"not valid JSON: {error.msg}")]
    found = _Found(file)
    check_document(data, found)
    covered = found.supersedes
    problems = [
        (pointer, "schema.violation", message)
        for pointer, message in schema_errors(data)
        if not any(pointer == cover or pointer.startswith(cover + "/") for cover in covered)
    ]
    problems.extend(found.problems)
    lines = json_lines(text.lstrip("\ufeff"))
    located = [
        Problem(file, line_of(lines, pointer), pointer, code, message) for pointer, code, message in problems
    ]
    return sorted(located, key=lambda p: (p.line or 0, p.pointer or ""))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_year(year: Any, pointer: str, found: _Found) -> None:
    last = datetime.date.today().year + 6
    if _is_int(year) and not FIRST_YEAR <= year <= last:
        found.add(pointer, "year.range", f"year {year} is not plausible for a RAK ({FIRST_YEAR}..{last})")


def _check_schedule(schedule: Any, pointer: str, found: _Found) -> None:
    if not isinstance(schedule, dict):
        return
    for month, weeks in schedule.items():
        at = f"{pointer}/{month}"
        if not (
            isinstance(month, str) and month.isdigit() and 1 <= int(month) <= 12 and month == str(int(month))
        ):
            found.add(at, "schedule.month", f"month {month!r} is not 1..12", supersedes=pointer)
            continue
        if not isinstance(weeks, list):
            continue
        if not weeks:
            found.add(at, "schedule.empty", f"month {month} has no weeks; a marked cell is [1, 2, 3, 4]")
            continue
        if not all(_is_int(week) and 1 <= week <= 5 for week in weeks):
            bad = next(week for week in weeks if not (_is_int(week) and 1 <= week <= 5))
            found.add(at, "schedule.week", f"month {month}: week {bad!r} is not 1..5")
        elif len(set(weeks)) != len(weeks):
            found.add(at, "schedule.duplicate", f"month {month}: a week is listed twice in {weeks}")
        elif weeks != sorted(weeks):
            found.add(at, "schedule.order", f"month {month}: weeks {weeks} are not sorted")


def _check_biaya(biaya: Any, pointer: str, found: _Found) -> None:
    if biaya is None:
        return
    if not _is_int(biaya):
        found.add(pointer, "biaya.type", f"biaya {biaya!r} is not an integer number of rupiah")
    elif biaya < 0:
        found.add(pointer, "biaya.negative", f"biaya {biaya} is negative")


def _check_target(target: Any, pointer: str, found: _Found) -> None:
    if not isinstance(target, dict) or target.get("kind") != "percent":
        return
    value = target.get("value")
    low, high = PERCENT_RANGE
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not low <= value <= high:
        found.add(
            f"{pointer}/value", "target.percent-range", f"percent target {value} is outside {low:g}..{high:g}"
        )


#: Row keys that need their column listed in the table's ``columns`` when filled.
_COLUMN_OF = {"indikator": "indikator", "target": "target", "biaya": "biaya"}


def check_document(data: Any, found: _Found) -> None:
    """The semantic rules on a loaded JSON document (any shape: the schema reports shapes)."""
    if not isinstance(data, dict):
        return
    _check_year(data.get("year"), "/year", found)
    tables = data.get("tables")
    if not isinstance(tables, list):
        return
    for t, table in enumerate(tables):
        if not isinstance(table, dict) or not isinstance(table.get("rows"), list):
            continue
        columns = table.get("columns") if isinstance(table.get("columns"), list) else None
        seen: dict[int, int] = {}
        for r, row in enumerate(table["rows"]):
            at = f"/tables/{t}/rows/{r}"
            if not isinstance(row, dict):
                continue
            _check_schedule(row.get("schedule"), f"{at}/schedule", found)
            _check_biaya(row.get("biaya"), f"{at}/biaya", found)
            _check_target(row.get("target"), f"{at}/target", found)
            number = row.get("no")
            if isinstance(number, int) and not isinstance(number, bool):
                if number in seen:
                    found.add(
                        f"{at}/no",
                        "row.duplicate-no",
                        f"row number {number} repeats row {seen[number] + 1} of table {t + 1}",
                    )
                seen.setdefault(number, r)
            lines = row.get("lines")
            if (
                isinstance(lines, list)
                and len(lines) == 2
                and all(map(_is_int, lines))
                and lines[0] > lines[1]
            ):
                found.add(f"{at}/lines", "row.lines", f"lines {lines}: the first is after the last")
            if columns is not None:
                for key, column in _COLUMN_OF.items():
                    if row.get(key) is not None and column not in columns:
                        found.add(
                            f"{at}/{key}",
                            "columns.missing",
                            f"the row has {key} but table {t + 1}'s columns {columns} do not list it",
                        )


# --------------------------------------------------------------------------- CSV


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (records may span lines)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for values in reader:
        yield start, values
        start = reader.line_num + 1


_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def check_csv(text: str, file: str) -> list[Problem]:
    """Every problem of a CSV output: the exact header, then each record as the JSON rules see it."""
    problems: list[Problem] = []
    rows = _csv_rows(text.lstrip("\ufeff"))
    try:
        _, header = next(rows)
    except StopIteration:
        return [Problem(file, 1, None, "csv.header", "empty file: no header")]
    except csv.Error as error:
        return [Problem(file, 1, None, "csv.header", f"not CSV: {error}")]
    if tuple(header) != CSV_COLUMNS:
        differs = next(
            (
                f"column {i + 1} is {got!r}, expected {want!r}"
                for i, (got, want) in enumerate(zip(header, CSV_COLUMNS, strict=False))
                if got != want
            ),
            f"{len(header)} columns, expected {len(CSV_COLUMNS)}",
        )
        return [Problem(file, 1, None, "csv.header", f"the header is not the contract's: {differs}")]
    seen: dict[tuple[str, int], int] = {}
    try:
        for line, values in rows:
            if not values:
                continue
            if len(values) != len(CSV_COLUMNS):
                problems.append(
                    Problem(
                        file,
                        line,
                        None,
                        "csv.row-length",
                        f"{len(values)} cells, the header has {len(CSV_COLUMNS)}",
                    )
                )
                continue
            problems.extend(_check_record(dict(zip(CSV_COLUMNS, values, strict=True)), line, file, seen))
    except csv.Error as error:
        problems.append(Problem(file, None, None, "csv.value", f"broken CSV quoting: {error}"))
    return problems


def _check_record(
    record: dict[str, str], line: int, file: str, seen: dict[tuple[str, int], int]
) -> list[Problem]:
    found = _Found(file)
    for column in ("table", "page", "no", "year", "target_value"):
        cell = record[column]
        if cell and not _NUMBER.fullmatch(cell):
            found.add(column, "csv.value", f"{column} {cell!r} is not a number")
        elif cell and column != "target_value" and not cell.lstrip("-").isdigit():
            found.add(column, "csv.value", f"{column} {cell!r} is not an integer")
    biaya = record["biaya"]
    if biaya:
        if not _NUMBER.fullmatch(biaya) or not biaya.lstrip("-").isdigit():
            found.add("biaya", "biaya.type", f"biaya {biaya!r} is not an integer number of rupiah")
        elif int(biaya) < 0:
            found.add("biaya", "biaya.negative", f"biaya {biaya} is negative")
    if record["year"].isdigit():
        _check_year(int(record["year"]), "year", found)
    if record["target_kind"] == "percent" and _NUMBER.fullmatch(record["target_value"] or "x"):
        _check_target({"kind": "percent", "value": float(record["target_value"])}, "target", found)
    for month in range(1, 13):
        cell = record[f"b{month}"]
        if not cell:
            continue
        if not re.fullmatch(r"\d+(-\d+)?(,\d+(-\d+)?)*", cell):
            found.add(f"b{month}", "schedule.week", f"b{month} {cell!r} is not weeks written as 1-4 or 1,3")
            continue
        expanded: list[int] = []
        for first, last in re.findall(r"(\d+)(?:-(\d+))?", cell):
            low, high = int(first), int(last or first)
            expanded.extend(range(low, high + 1) if low <= high else (low, high))
        if any(not 1 <= week <= 5 for week in expanded):
            found.add(f"b{month}", "schedule.week", f"b{month} {cell!r}: weeks are 1..5")
        elif len(set(expanded)) != len(expanded) and expanded == sorted(expanded):
            found.add(f"b{month}", "schedule.duplicate", f"b{month} {cell!r}: a week is listed twice")
        elif expanded != sorted(expanded):
            found.add(f"b{month}", "schedule.order", f"b{month} {cell!r}: weeks are not sorted")
    if record["no"].isdigit():
        key = (record["table"], int(record["no"]))
        if key in seen:
            found.add(
                "no",
                "row.duplicate-no",
                f"row number {record['no']} repeats line {seen[key]} of table {record['table']}",
            )
        seen.setdefault(key, line)
    return [Problem(file, line, None, code, message) for _, code, message in found.problems]


# --------------------------------------------------------------------------- reporters


def summary_line(results: Sequence[FileResult]) -> str:
    invalid = sum(1 for result in results if result.problems)
    unreadable = sum(1 for result in results if result.unreadable)
    problems = sum(len(result.problems) for result in results)
    text = f"{len(results)} files checked: {len(results) - invalid - unreadable} valid, {invalid} invalid"
    if unreadable:
        text += f", {unreadable} unreadable"
    return text + f" ({problems} problems)"


def report_text(results: Sequence[FileResult]) -> str:
    """``file:line: code: message`` for each problem, then a summary line.

    >>> problem = Problem("a.json", 7, "/year", "year.range", "year 1800")
    >>> print(report_text([FileResult("a.json", "json", (problem,))]))
    a.json:7: year.range: year 1800 (at /year)
    1 files checked: 0 valid, 1 invalid (1 problems)
    """
    out = []
    for result in results:
        if result.unreadable:
            out.append(f"{result.file}: cannot check: {result.unreadable}")
        for problem in result.problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            at = f" (at {problem.pointer})" if problem.pointer else ""
            out.append(f"{where}: {problem.code}: {problem.message}{at}")
    out.append(summary_line(results))
    return "\n".join(out)


def report_json(results: Sequence[FileResult]) -> str:
    """A JSON report for tools: ``{"valid", "exit_code", "summary", "files": [...]}``."""
    report = {
        "valid": all(result.valid for result in results) and bool(results),
        "exit_code": int(exit_code(results)),
        "summary": summary_line(results),
        "files": [result.to_dict() for result in results],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def escape_data(text: str) -> str:
    """Escape an annotation's message as GitHub Actions requires.

    >>> escape_data("100% sure\\nreally")
    '100%25 sure%0Areally'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape an annotation property (file, title): also ``:`` and ``,``.

    >>> escape_property("out/a,b:c.json")
    'out/a%2Cb%3Ac.json'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(results: Sequence[FileResult]) -> str:
    """GitHub Actions annotations, one ``::error`` per problem, then a plain summary line.

    >>> problem = Problem("a.json", 7, "/year", "year.range", "year 1800")
    >>> print(report_github([FileResult("a.json", "json", (problem,))]))
    ::error file=a.json,line=7,title=rakparse year.range::year 1800 (at /year)
    1 files checked: 0 valid, 1 invalid (1 problems)
    """
    out = []
    for result in results:
        if result.unreadable:
            message = escape_data(f"cannot check: {result.unreadable}")
            out.append(f"::error file={escape_property(result.file)},title=rakparse::{message}")
        for problem in result.problems:
            props = f"file={escape_property(problem.file)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={escape_property('rakparse ' + problem.code)}"
            at = f" (at {problem.pointer})" if problem.pointer else ""
            out.append(f"::error {props}::{escape_data(problem.message + at)}")
    out.append(summary_line(results))
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(results: Sequence[FileResult]) -> str:
    """The full list as Markdown for ``$GITHUB_STEP_SUMMARY`` (annotations show only ~10)."""
    out = ["## rakparse validate", "", summary_line(results), ""]
    rows = [
        (result.file, "", "file.unreadable", result.unreadable) for result in results if result.unreadable
    ] + [
        (p.file, str(p.line or ""), p.code, p.message + (f" (at {p.pointer})" if p.pointer else ""))
        for result in results
        for p in result.problems
    ]
    if rows:
        out += ["| file | line | code | message |", "|---|---|---|---|"]
        out += [f"| {_cell(f)} | {line} | `{code}` | {_cell(message)} |" for f, line, code, message in rows]
    return "\n".join(out) + "\n"


REPORTERS = {"text": report_text, "json": report_json, "github": report_github}
