"""The command line: a thin view of the library.

Each command parses its options, calls the library once and renders the result.
One handler turns ``RakparseError`` into ``rakparse: error: FILE: what; what to
do`` on stderr and the contract's exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from rakparse import __version__
from rakparse.errors import ExitCode, RakparseError, UsageError
from rakparse.write import WRITERS

if TYPE_CHECKING:
    from rakparse.options import ConvertOptions

app = typer.Typer(
    name="rakparse",
    help=(
        "Turn scanned Indonesian Rencana Aksi Kinerja (RAK) tables into clean, validated data.\n\n"
        "Example: rakparse convert scans/rak-2023.txt -o rak-2023.json"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])

DebugOption = Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")]
FORMATS = tuple(WRITERS)


def fail(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    typer.echo(f"rakparse: error: {message}", err=True)
    raise typer.Exit(int(code))


def handle_errors(command: F) -> F:
    """The one error handler: library errors become one line and an exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return command(*args, **kwargs)
        except RakparseError as error:
            if debug:
                raise
            fail(error.one_line(), error.exit_code)
        except KeyboardInterrupt:
            if debug:
                raise
            fail("interrupted; no output was written", ExitCode.USAGE)
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:  # `rakparse … | head`: the reader left, which is fine
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as error:  # a bug: still one line unless --debug
            if debug:
                raise
            fail(f"internal error ({type(error).__name__}: {error}); rerun with --debug and report it")

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rakparse {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn scanned Indonesian Rencana Aksi Kinerja (RAK) tables into clean, validated data."""


def _format_for(output: str | None, format: str | None) -> str:
    if format is not None:
        if format not in WRITERS:
            raise UsageError(f"unknown format {format!r}", f"choose one of {', '.join(FORMATS)}")
        return format
    if output and output != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        if suffix in WRITERS:
            return suffix
    return "json"


def _write(data: bytes, output: str | None, binary: bool) -> None:
    from rakparse.write.atomic import write_bytes_atomic

    if output is None or output == "-":
        if binary and sys.stdout.isatty():
            raise UsageError("xlsx is binary and cannot go to a terminal", "pass -o FILE.xlsx")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_bytes_atomic(output, data)


def _convert_options(
    *,
    ocr: str,
    no_fix: bool = False,
    vocab: list[Path] | None = None,
    min_score: float | None = None,
    **pdf: Any,
) -> ConvertOptions:
    """The library's options from the CLI's, shared by convert, text and batch."""
    from rakparse.options import ConvertOptions

    if ocr not in ("auto", "always", "never"):
        raise UsageError(f"unknown --ocr mode {ocr!r}", "choose auto, always or never")
    return ConvertOptions(
        fix=not no_fix,
        vocab=tuple(os.fspath(path) for path in vocab or ()),
        min_score=min_score,
        ocr=ocr,  # type: ignore[arg-type]
        **pdf,
    )


def _read_input(input: str) -> tuple[Any, str | None]:
    """The library's source for a CLI argument: ``-`` is standard input."""
    if input == "-":
        return sys.stdin.buffer.read(), None
    return input, None


@app.command()
@handle_errors
def convert(
    input: Annotated[
        str, typer.Argument(help="A RAK: OCR'd text, a PDF or an image; - reads standard input.")
    ],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Write here (atomically); - or none: standard output."),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Output format: {', '.join(FORMATS)} (default: from -o's suffix, else json).",
        ),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for spreadsheets: BOM and ; separators.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when the result has warnings.")] = False,
    no_fix: Annotated[bool, typer.Option("--no-fix", help="Parse only: make no OCR corrections.")] = False,
    vocab: Annotated[
        list[Path] | None,
        typer.Option(
            "--vocab", help="Extra vocabulary file (repeatable): a term a line, or 'wrong => right'."
        ),
    ] = None,
    min_score: Annotated[
        float | None, typer.Option("--min-score", help="Least similarity (0-100) for a correction to apply.")
    ] = None,
    ocr: Annotated[
        str, typer.Option("--ocr", help="PDF pages to OCR: auto (image-only pages), always, never.")
    ] = "auto",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Pages to OCR in parallel.")] = 1,
    password: Annotated[str | None, typer.Option("--password", help="Password of an encrypted PDF.")] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", min=1, help="Refuse PDFs with more pages.")] = 2000,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=1, help="Give up on a file after this many seconds.")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Convert one RAK into JSON (default), CSV or Excel.

    Examples:

      rakparse convert rak-2023.txt                      # JSON to standard output

      rakparse convert rak-2023.pdf -o rak-2023.csv      # format from the suffix

      ocr-tool scan.png | rakparse convert - --format csv --excel > rak.csv

    Exit codes: 0 done; 1 result invalid (or warnings, with --strict); 2 usage
    error or unreadable input.
    """
    from rakparse.pipeline import convert as convert_document
    from rakparse.write import render

    chosen = _format_for(output, format)
    options = _convert_options(
        ocr=ocr,
        no_fix=no_fix,
        vocab=vocab,
        min_score=min_score,
        jobs=jobs,
        password=password,
        max_pages=max_pages,
        timeout=timeout,
    )
    source, name = _read_input(input)
    document = convert_document(source, options, name=name)
    data = render(document, chosen, excel=excel)
    _write(data, output, WRITERS[chosen].binary)
    if strict and document.warnings:
        shown = "standard input" if input == "-" else input
        fail(
            f"{shown}: {len(document.warnings)} warnings (--strict); see 'warnings' in the output",
            ExitCode.INVALID,
        )


@app.command()
@handle_errors
def text(
    input: Annotated[
        str, typer.Argument(help="A RAK: OCR'd text, a PDF or an image; - reads standard input.")
    ],
    ocr: Annotated[str, typer.Option("--ocr", help="PDF pages to OCR: auto, always, never.")] = "auto",
    password: Annotated[str | None, typer.Option("--password", help="Password of an encrypted PDF.")] = None,
    debug: DebugOption = False,
) -> None:
    """Print the text rakparse parses, with the line numbers that 'lines' refers to.

    Example: rakparse text rak-2023.pdf | less
    """
    from rakparse.pipeline import extract_text

    options = _convert_options(ocr=ocr, password=password)
    source, name = _read_input(input)
    extracted = extract_text(source, options, name=name)
    typer.echo(extracted.numbered())


@app.command()
@handle_errors
def validate(
    files: Annotated[
        list[str],
        typer.Argument(help="JSON or CSV outputs of rakparse, or folders of them (checked recursively)."),
    ],
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Report as text, json (for tools) or github (Actions annotations)."
        ),
    ] = "text",
    debug: DebugOption = False,
) -> None:
    """Check rakparse outputs against the JSON Schema and the semantic rules.

    Folders are checked file by file (every .json and .csv; the batch manifest is
    skipped). With --format github, each problem is an annotation and the full
    list goes to $GITHUB_STEP_SUMMARY.

    Examples:

      rakparse validate out/rak-2023.json

      rakparse validate out/ --format github

    Exit codes: 0 all valid; 1 some file invalid; 2 usage error or unreadable file.
    """
    from rakparse import validate as checker

    if format not in checker.REPORTERS:
        raise UsageError(f"unknown report format {format!r}", f"choose one of {', '.join(checker.REPORTERS)}")
    results = checker.validate_paths(files)
    typer.echo(checker.REPORTERS[format](results))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(checker.step_summary(results))
        except OSError as error:
            typer.echo(f"rakparse: warning: cannot write $GITHUB_STEP_SUMMARY ({error.strerror})", err=True)
    code = checker.exit_code(results)
    unreadable = [result for result in results if result.unreadable]
    if unreadable:
        first = unreadable[0]
        fail(
            f"{first.file}: cannot check: {first.unreadable} ({len(unreadable)} unreadable); check the paths"
        )
    if code:
        raise typer.Exit(int(code))


@app.command()
@handle_errors
def vocab(
    extra: Annotated[
        list[Path] | None,
        typer.Option("--vocab", help="Also load this vocabulary file (repeatable), as convert does."),
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Print the active vocabulary: each term, its kind, and where it comes from.

    Example: rakparse vocab --vocab our-units.txt | grep -i subbagian
    """
    from rakparse.correct.vocabulary import vocabulary_entries

    for entry in vocabulary_entries([os.fspath(path) for path in extra or ()]):
        term = f"{entry.wrong} => {entry.term}" if entry.wrong else entry.term
        typer.echo(f"{term}\t{entry.kind}\t{entry.origin}")


@app.command()
@handle_errors
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) and globs.")],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Output folder (created); outputs mirror the inputs.")
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
    ] = "json",
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for spreadsheets: BOM and ; separators.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Files converted in parallel.")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip files the manifest has done (same sha256 and options).")
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress: only failures and the summary.")
    ] = False,
    shard: Annotated[
        str | None,
        typer.Option("--shard", help="Do share I of N (1-based), e.g. 2/8, chosen by a hash of each path."),
    ] = None,
    executor: Annotated[
        str, typer.Option("--executor", help="Where files are converted: process (local workers) or dask.")
    ] = "process",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler tcp://HOST:PORT (default: a LocalCluster)."),
    ] = None,
    no_fix: Annotated[bool, typer.Option("--no-fix", help="Parse only: make no OCR corrections.")] = False,
    vocab: Annotated[
        list[Path] | None, typer.Option("--vocab", help="Extra vocabulary file (repeatable).")
    ] = None,
    min_score: Annotated[
        float | None, typer.Option("--min-score", help="Least similarity (0-100) for a correction to apply.")
    ] = None,
    ocr: Annotated[str, typer.Option("--ocr", help="PDF pages to OCR: auto, always, never.")] = "auto",
    debug: DebugOption = False,
) -> None:
    """Convert many RAKs into an output folder, with a manifest, resume and a summary.

    Every output is written atomically and every finished file is recorded in
    OUTDIR/rakparse-manifest.jsonl at once, so a batch that is killed loses
    nothing: run it again with --resume. One bad file never stops the batch
    (unless --fail-fast).

    Examples:

      rakparse batch scans/ -o out/ --jobs 4

      rakparse batch 'archive/**/*.pdf' -o out/ --format csv --resume

      rakparse batch archive/ -o out/ --shard 3/10     # the third of ten machines

    Exit codes: 0 every file converted; 1 some file failed; 2 usage error.
    """
    from rakparse.batch import BatchOptions, parse_shard, run_batch

    if format not in WRITERS:
        raise UsageError(f"unknown format {format!r}", f"choose one of {', '.join(FORMATS)}")
    options = BatchOptions(
        outdir=output,
        format=format,
        excel=excel,
        convert=_convert_options(ocr=ocr, no_fix=no_fix, vocab=vocab, min_score=min_score),
        jobs=jobs,
        resume=resume,
        fail_fast=fail_fast,
        shard=parse_shard(shard) if shard else None,
        executor=executor,
        scheduler=scheduler,
    )
    view = _BatchView(quiet=quiet)
    try:
        report = run_batch(inputs, options, view.update)
    except KeyboardInterrupt:
        if debug:
            raise
        view.stop()
        fail(f"interrupted; the finished files are in {output}: run the same command with --resume")
    finally:
        view.stop()
    view.summary(report)
    if report.stopped:
        first = report.failures[0]
        fail(f"stopped at the first failure (--fail-fast): {first.error}", ExitCode.INVALID)
    if report.failed:
        fail(f"{report.failed} of {report.total} files failed; see {report.manifest}", ExitCode.INVALID)


class _BatchView:
    """Renders batch progress: a rich bar on a terminal, plain lines otherwise (or only failures, --quiet)."""

    def __init__(self, quiet: bool) -> None:
        from rich.console import Console

        self.console = Console(highlight=False)
        self.quiet = quiet
        self.bar = None if quiet or not sys.stdout.isatty() else self._bar()
        self.task: Any = None
        self.pages = 0
        self.started = 0.0

    def _bar(self) -> Any:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        return Progress(
            TextColumn("[bold]converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files  {task.fields[pages]} pages  {task.fields[rate]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
        )

    def update(self, event: Any) -> None:
        import time

        if event.kind == "start":
            self.started = time.perf_counter()
            if self.bar is not None:
                self.bar.start()
                self.task = self.bar.add_task("batch", total=event.total, pages=0, rate="")
            return
        outcome = event.outcome
        self.pages += outcome.pages or 0
        if self.bar is not None:
            elapsed = max(time.perf_counter() - self.started, 1e-6)
            rate = f"{event.done / elapsed:.1f} files/s"
            self.bar.update(self.task, completed=event.done, pages=self.pages, rate=rate)
            if outcome.status == "failed":
                from rich.markup import escape

                self.bar.console.print(f"[red]failed[/red] {escape(outcome.error or '')}", markup=True)
            return
        if self.quiet and outcome.status != "failed":
            return
        width = len(str(event.total))
        status = "skipped" if event.kind == "skipped" else outcome.status
        detail = (
            outcome.error if outcome.status == "failed" else f"{outcome.rows} rows, {outcome.pages} pages"
        )
        typer.echo(f"[{event.done:>{width}}/{event.total}] {status:<8} {outcome.input}: {detail}")

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()

    def summary(self, report: Any) -> None:
        from rich.table import Table

        table = Table(title="rakparse batch", show_header=True)
        for column in ("files", "ok", "warnings", "failed", "skipped", "rows", "pages", "seconds", "files/s"):
            table.add_column(column, justify="right")
        rate = (report.total - report.skipped) / report.seconds if report.seconds else 0.0
        table.add_row(
            *map(str, (report.total, report.ok, report.warnings, report.failed, report.skipped)),
            *map(str, (report.rows, report.pages, f"{report.seconds:.1f}", f"{rate:.1f}")),
        )
        self.console.print(table)
        self.console.print(f"manifest: {report.manifest}")


@app.command()
@handle_errors
def merge(
    outdir: Annotated[str, typer.Argument(help="The output folder of rakparse batch.")],
    output: Annotated[str, typer.Option("-o", "--output", help="The merged table: a .csv or .xlsx file.")],
    debug: DebugOption = False,
) -> None:
    """Merge every converted document of a batch folder into one table for analysis.

    Every row keeps its unit, year and source. Documents come from the batch
    manifest (converted files only), or every .json/.csv when there is none.

    Examples:

      rakparse merge out/ -o all.csv

      rakparse merge out/ -o all.xlsx
    """
    from rakparse.merge import write_merged

    rows = write_merged(outdir, output)
    typer.echo(f"{output}: {rows} rows")


def main() -> None:
    """Entry point of the ``rakparse`` command."""
    app()
