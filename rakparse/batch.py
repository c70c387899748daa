"""Convert whole archives: inputs → output tree, a manifest, resume, shards, workers.

The stages, top to bottom:

- ``collect_inputs``: files, folders (walked) and globs → ``BatchInput`` with the
  output's path relative to OUTDIR (always inside it, whatever the file names);
- ``select_shard``: a deterministic share of them (``--shard I/N``), by a hash of
  that relative path, so machines split an archive with no coordination;
- ``plan_batch``: with ``--resume``, drop the files the manifest already has with
  the same sha256 and options (and whose output is still there);
- ``run_batch``: the per-file work (``process_file``: convert, render, write
  atomically) on an executor (``rakparse.executors``: in-process, a process pool,
  or Dask), and one manifest line per file, appended, flushed and fsynced as each
  finishes, so a batch killed at any moment loses nothing.

Nothing here prints or exits: progress goes to a callback and per-file failures
are values (``FileOutcome.status == "failed"``); the CLI decides the exit code once.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from rakparse.errors import RakparseError, UsageError
from rakparse.options import ConvertOptions

if TYPE_CHECKING:
    from rakparse.executors import Executor
    from rakparse.model import Document

MANIFEST = "rakparse-manifest.jsonl"
MANIFEST_KEYS = (
    "input",
    "sha256",
    "options",
    "status",
    "output",
    "rows",
    "corrections",
    "warnings",
    "pages",
    "seconds",
    "error",
)
#: What folders are searched for (files named on the command line are taken as they are).
INPUT_SUFFIXES = frozenset({".txt", ".tsv", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
_GLOB_MAGIC = frozenset("*?[")

Status = Literal["ok", "warnings", "failed"]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class BatchInput:
    """One file of the batch: ``path`` as the user will read it, ``relative`` its place in OUTDIR."""

    path: str
    relative: str  # POSIX, no ``..``, no leading ``/``; the output appends the format's suffix


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES:
                yield here / name


def _glob_base(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = [part for part in iter_until_magic(parts)]
    return Path(*fixed) if fixed else Path(".")


def iter_until_magic(parts: Sequence[str]) -> Iterator[str]:
    """The leading parts of a glob with no wildcard in them.

    >>> list(iter_until_magic(("scans", "bali", "*", "*.pdf")))
    ['scans', 'bali']
    """
    for part in parts:
        if _GLOB_MAGIC & set(part):
            return
        yield part


def collect_inputs(
    arguments: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str] | None = None
) -> list[BatchInput]:
    """Expand files, folders and globs into the batch's inputs, sorted by output path.

    Each output mirrors its input's path relative to the common folder of the
    arguments (a folder argument counts as its own base, so ``batch archive/``
    mirrors ``archive``'s tree). A missing path or a glob matching nothing is a
    usage error: a typo must not silently shrink an archive.
    """
    skip = Path(outdir).resolve() if outdir is not None else None
    found: list[tuple[Path, Path, str]] = []  # (absolute file, base, shown)
    for argument in arguments:
        shown = os.fspath(argument)
        path = Path(shown)
        if _GLOB_MAGIC & set(shown) and not path.exists():
            matches = sorted(glob.glob(shown, recursive=True))
            files = [Path(match) for match in matches if Path(match).is_file()]
            if not files:
                raise UsageError("no file matches this pattern", "check the pattern (quote it for **)", shown)
            base = _glob_base(shown)
            found.extend((Path(os.path.abspath(f)), Path(os.path.abspath(base)), os.fspath(f)) for f in files)
        elif path.is_dir():
            base = Path(os.path.abspath(path))
            found.extend((Path(os.path.abspath(f)), base, os.fspath(f)) for f in _walk(path, skip))
        elif path.exists():
            found.append((Path(os.path.abspath(path)), Path(os.path.abspath(path.parent)), shown))
        else:
            raise UsageError("no such file or folder", "check the path", shown)
    if not found:
        raise UsageError(
            "no input files found", f"folders are searched for {', '.join(sorted(INPUT_SUFFIXES))}"
        )
    common = Path(os.path.commonpath([os.fspath(base) for _, base, _ in found]))
    inputs: dict[str, BatchInput] = {}
    for absolute, _, shown in found:
        relative = PurePosixPath(*absolute.relative_to(common).parts).as_posix()
        inputs.setdefault(relative, BatchInput(os.path.normpath(shown), relative))
    return [inputs[key] for key in sorted(inputs)]


def output_relative(item: BatchInput, suffix: str) -> str:
    """The output's path in OUTDIR: the input's relative path plus the format's suffix.

    The suffix is appended (``rak-2023.pdf.json``) so that ``rak-2023.pdf`` and its
    OCR text ``rak-2023.txt`` never write the same output.

    >>> output_relative(BatchInput("scans/2023/rak.pdf", "2023/rak.pdf"), ".json")
    '2023/rak.pdf.json'
    """
    return item.relative + suffix


def safe_output_path(outdir: Path, relative: str) -> Path:
    """``outdir / relative``, refusing anything that would land outside ``outdir``.

    >>> safe_output_path(Path("/out"), "a/b.json").as_posix()
    '/out/a/b.json'
    >>> safe_output_path(Path("/out"), "../etc/passwd")
    Traceback (most recent call last):
    ...
    rakparse.errors.UsageError: the output path would be outside the output folder
    """
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(p in ("..", ".", "") for p in parts):
        raise UsageError("the output path would be outside the output folder", "rename the input", relative)
    target = outdir.joinpath(*parts)
    root = outdir.resolve()
    if not target.resolve().is_relative_to(root):  # a symlink inside OUTDIR pointing out
        raise UsageError("the output path would be outside the output folder", "remove the symlink", relative)
    return target


# --------------------------------------------------------------------------- shards


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/8"`` → ``(2, 8)``: the second of eight shares (1-based, as job arrays count).

    >>> parse_shard("2/8")
    (2, 8)
    """
    try:
        index_text, count_text = text.split("/")
        index, count = int(index_text), int(count_text)
    except ValueError:
        raise UsageError(f"bad --shard {text!r}", "write it as I/N, e.g. 2/8 for the second of 8") from None
    if not 1 <= index <= count:
        raise UsageError(f"bad --shard {text!r}", f"I must be 1..N (here 1..{count})")
    return index, count


def shard_of(relative: str, count: int) -> int:
    """The 1-based shard of an input: a stable hash of its relative path, the same on every machine.

    >>> shard_of("2023/rak.pdf", 4)
    3
    """
    digest = hashlib.sha256(relative.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select_shard(inputs: Sequence[BatchInput], shard: tuple[int, int] | None) -> list[BatchInput]:
    if shard is None:
        return list(inputs)
    index, count = shard
    return [item for item in inputs if shard_of(item.relative, count) == index]


# --------------------------------------------------------------------------- per-file work


@dataclass(frozen=True)
class FileOutcome:
    """One manifest line: what happened to one input."""

    input: str
    sha256: str | None
    options: dict[str, Any]
    status: Status
    output: str | None
    rows: int = 0
    corrections: int = 0
    warnings: int = 0
    pages: int = 0
    seconds: float = 0.0
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in MANIFEST_KEYS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FileOutcome:
        values: dict[str, Any] = {key: data.get(key) for key in MANIFEST_KEYS}
        return cls(**values)


@dataclass(frozen=True)
class Task:
    """Everything a worker needs for one file (picklable, for process pools and Dask)."""

    input: str
    output: str  # absolute path of the output file
    relative_output: str  # as the manifest records it
    format: str
    excel: bool
    options: ConvertOptions
    manifest_options: tuple[tuple[str, Any], ...]


def _corrector(options: ConvertOptions) -> Any:
    """One corrector per worker process and options (``--vocab`` files are read once)."""
    cache: dict[ConvertOptions, Any] = _CORRECTORS
    if options not in cache:
        from rakparse.pipeline import corrector_for

        cache[options] = corrector_for(options)
    return cache[options]


_CORRECTORS: dict[ConvertOptions, Any] = {}


def convert_file(path: str, options: ConvertOptions) -> Document:
    """``rakparse.convert`` with the corrector cached for the process."""
    from rakparse.pipeline import convert_source, read_source

    return convert_source(read_source(path, options), options, _corrector(options))


def _sha256_of(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def process_file(task: Task) -> FileOutcome:
    """Convert one file and write its output atomically; never raises (errors are values)."""
    from rakparse.write import render
    from rakparse.write.atomic import write_bytes_atomic

    start = time.perf_counter()
    options = dict(task.manifest_options)
    try:
        document = convert_file(task.input, task.options)
        data = render(document, task.format, excel=task.excel)
        Path(task.output).parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(task.output, data)
    except Exception as error:  # a per-file failure is a value; the batch goes on
        with contextlib.suppress(OSError):  # no stale output from an earlier run beside a failure
            os.unlink(task.output)
        message = error.one_line() if isinstance(error, RakparseError) else _internal(error, task.input)
        return FileOutcome(
            task.input,
            _sha256_of(task.input),
            options,
            "failed",
            None,
            seconds=round(time.perf_counter() - start, 3),
            error=message,
        )
    return FileOutcome(
        task.input,
        document.source.sha256,
        options,
        "warnings" if document.warnings else "ok",
        task.relative_output,
        rows=sum(len(table.rows) for table in document.tables),
        corrections=len(document.corrections),
        warnings=len(document.warnings),
        pages=document.source.pages,
        seconds=round(time.perf_counter() - start, 3),
    )


def _internal(error: BaseException, path: str) -> str:
    return f"{path}: internal error ({type(error).__name__}: {error}); please report it with this file"


# --------------------------------------------------------------------------- manifest


def manifest_name(shard: tuple[int, int] | None) -> str:
    """One manifest per shard, so shards on a shared folder never write the same file.

    >>> manifest_name(None), manifest_name((2, 8))
    ('rakparse-manifest.jsonl', 'rakparse-manifest.shard-2-of-8.jsonl')
    """
    return MANIFEST if shard is None else f"rakparse-manifest.shard-{shard[0]}-of-{shard[1]}.jsonl"


def read_manifest(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The entries of one manifest; a line cut short by a kill is skipped."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below, lines streamed
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if not line.endswith("\n"):
                continue  # the last line of a killed batch, half written
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("input"), str):
                yield entry


def manifest_entries(outdir: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The latest entry per input across every manifest in ``outdir`` (all shards)."""
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(outdir).glob("rakparse-manifest*.jsonl")):
        for entry in read_manifest(path):
            entries[entry["input"]] = entry
    return entries


class ManifestWriter:
    """Appends one line per file, flushed at once, so a killed batch loses at most the line being written.

    Each line reaches the operating system as soon as it is written (``flush``):
    that is all a SIGKILL needs. ``fsync`` (against a power cut) runs at most every
    ``sync_interval`` seconds and on close: a line lost to a power cut only means its
    file is converted again on ``--resume``, whose output is written atomically.
    """

    def __init__(self, path: Path, resume: bool, sync_interval: float = 0.5) -> None:
        self.path = path
        self.sync_interval = sync_interval
        if resume and path.exists():
            with open(path, "rb") as existing:
                existing.seek(0, os.SEEK_END)
                if existing.tell():
                    existing.seek(-1, os.SEEK_END)
                    broken = existing.read(1) != b"\n"
                else:
                    broken = False
            self.handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed by close()
            if broken:  # end the half line of a killed run; readers skip it
                self.handle.write("\n")
        else:
            self.handle = open(path, "w", encoding="utf-8")  # noqa: SIM115
        self._sync()

    def _sync(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.synced = time.monotonic()

    def append(self, outcome: FileOutcome) -> None:
        self.handle.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
        self.handle.flush()
        if time.monotonic() - self.synced >= self.sync_interval:
            os.fsync(self.handle.fileno())
            self.synced = time.monotonic()

    def close(self) -> None:
        if not self.handle.closed:
            self._sync()
            self.handle.close()

    def compact(self) -> None:
        """Rewrite the manifest with the latest entry per input, sorted: the same after a resume."""
        from rakparse.write.atomic import atomic_output

        entries: dict[str, dict[str, Any]] = {}
        for entry in read_manifest(self.path):
            entries[entry["input"]] = entry
        with atomic_output(self.path) as handle:
            for key in sorted(entries):
                handle.write((json.dumps(entries[key], ensure_ascii=False) + "\n").encode("utf-8"))


def remove_partial_outputs(outdir: Path) -> int:
    """Delete temporary files a killed batch left (``.NAME.XXXX.part``, see ``atomic_output``)."""
    removed = 0
    for path in outdir.rglob(".*.part"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


# --------------------------------------------------------------------------- the batch


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch (the CLI's options, as a value)."""

    outdir: str
    format: str = "json"
    excel: bool = False
    convert: ConvertOptions = field(default_factory=ConvertOptions)
    jobs: int = 1
    resume: bool = False
    fail_fast: bool = False
    shard: tuple[int, int] | None = None
    executor: str = "process"  # or "dask"
    scheduler: str | None = None

    def manifest_options(self) -> dict[str, Any]:
        """What resume compares: the options that change the output bytes."""
        return {**self.convert.fingerprint(), "format": self.format, "excel": self.excel}


@dataclass(frozen=True)
class BatchEvent:
    """What the progress callback gets: ``start`` once, then ``file`` (or ``skipped``) per input."""

    kind: Literal["start", "file", "skipped"]
    done: int
    total: int
    outcome: FileOutcome | None = None


ProgressCallback = Callable[[BatchEvent], None]


@dataclass
class BatchReport:
    """Counts of a finished (or stopped) batch; only the failures are kept, so memory stays flat."""

    outdir: str
    manifest: str
    total: int = 0
    skipped: int = 0
    ok: int = 0
    warnings: int = 0
    failed: int = 0
    rows: int = 0
    pages: int = 0
    corrections: int = 0
    seconds: float = 0.0
    stopped: bool = False  # --fail-fast stopped it
    failures: list[FileOutcome] = field(default_factory=list)

    def add(self, outcome: FileOutcome) -> None:
        if outcome.status == "failed":
            self.failed += 1
            self.failures.append(outcome)
            return
        if outcome.status == "warnings":
            self.warnings += 1
        else:
            self.ok += 1
        self.rows += outcome.rows or 0
        self.pages += outcome.pages or 0
        self.corrections += outcome.corrections or 0


@dataclass(frozen=True)
class BatchPlan:
    tasks: list[Task]
    skipped: list[FileOutcome]
    total: int
    manifest: Path


def plan_batch(inputs: Sequence[BatchInput], options: BatchOptions) -> BatchPlan:
    """The tasks to run: this shard's inputs, minus those a resume finds done."""
    from rakparse.write import WRITERS

    writer = WRITERS.get(options.format)
    if writer is None:
        raise UsageError(f"unknown format {options.format!r}", f"choose one of {', '.join(WRITERS)}")
    outdir = Path(options.outdir)
    mine = select_shard(inputs, options.shard)
    wanted = options.manifest_options()
    frozen = tuple(wanted.items())
    done = manifest_entries(outdir) if options.resume else {}
    tasks: list[Task] = []
    skipped: list[FileOutcome] = []
    for item in mine:
        relative = output_relative(item, writer.suffix)
        target = safe_output_path(outdir, relative)
        entry = done.get(item.path)
        if (
            entry is not None
            and entry.get("status") in ("ok", "warnings")
            and entry.get("options") == wanted
            and entry.get("output") == relative
            and target.is_file()
            and entry.get("sha256") == _sha256_of(item.path)
        ):
            skipped.append(FileOutcome.from_dict(entry))
            continue
        tasks.append(
            Task(
                item.path,
                os.path.abspath(target),
                relative,
                options.format,
                options.excel,
                options.convert,
                frozen,
            )
        )
    return BatchPlan(tasks, skipped, len(mine), outdir / manifest_name(options.shard))


def _executor(options: BatchOptions) -> Executor:
    from rakparse.executors import make_executor

    return make_executor(options.executor, jobs=options.jobs, scheduler=options.scheduler)


def run_batch(
    arguments: Iterable[str | os.PathLike[str]],
    options: BatchOptions,
    progress: ProgressCallback | None = None,
    *,
    executor: Executor | None = None,
) -> BatchReport:
    """Convert every input into ``options.outdir``; per-file failures are counted, not raised.

    Raises ``UsageError``/``OutputError`` only for what stops the whole batch
    (no inputs, an OUTDIR that cannot be created, a bad ``--vocab``).
    """
    started = time.perf_counter()
    outdir = Path(options.outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from rakparse.errors import OutputError

        raise OutputError(
            f"cannot create the output folder ({error.strerror})", "check the path", options.outdir
        ) from None
    inputs = collect_inputs(arguments, outdir)
    if options.convert.vocab:  # a bad vocabulary file is a usage error, before any work
        _corrector(options.convert)
    plan = plan_batch(inputs, options)
    remove_partial_outputs(outdir)
    report = BatchReport(os.fspath(outdir), os.fspath(plan.manifest), total=plan.total)
    notify = progress or (lambda event: None)
    notify(BatchEvent("start", 0, plan.total))
    done = 0
    for outcome in plan.skipped:
        done += 1
        report.skipped += 1
        report.add(outcome)
        notify(BatchEvent("skipped", done, plan.total, outcome))
    manifest = ManifestWriter(plan.manifest, options.resume)
    try:
        if plan.tasks:
            pool = executor or _executor(options)
            try:
                for outcome in pool.map_unordered(process_file, plan.tasks):
                    manifest.append(outcome)
                    done += 1
                    report.add(outcome)
                    notify(BatchEvent("file", done, plan.total, outcome))
                    if options.fail_fast and outcome.status == "failed":
                        report.stopped = True
                        break
            finally:
                if executor is None:
                    pool.close()
    finally:
        manifest.close()
    if not report.stopped:
        manifest.compact()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


# --------------------------------------------------------------------------- Python API


@dataclass(frozen=True)
class ConvertResult:
    """One result of ``convert_many``: the document, or the error that stopped it."""

    path: str
    document: Document | None
    error: RakparseError | None
    seconds: float

    @property
    def ok(self) -> bool:
        return self.error is None


def convert_one(path: str, options: ConvertOptions) -> ConvertResult:
    """Convert one file for ``convert_many``; never raises."""
    start = time.perf_counter()
    try:
        document = convert_file(path, options)
    except RakparseError as error:
        return ConvertResult(path, None, error, round(time.perf_counter() - start, 3))
    except Exception as error:  # a bug, still a value: the other files go on
        failure = RakparseError(
            f"internal error ({type(error).__name__}: {error})", "please report it with this file", path
        )
        return ConvertResult(path, None, failure, round(time.perf_counter() - start, 3))
    return ConvertResult(path, document, None, round(time.perf_counter() - start, 3))


def convert_many(
    paths: Iterable[str | os.PathLike[str]],
    options: ConvertOptions | None = None,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    **overrides: Any,
) -> Iterator[ConvertResult]:
    """Convert many files, yielding one ``ConvertResult`` per path, in the order given.

    ``jobs`` > 1 converts in worker processes; keyword options override
    ``options`` as in ``rakparse.convert``. A file that fails gives a result with
    ``error`` set; the others go on.

    >>> import rakparse
    >>> for result in rakparse.convert_many(["samples/kpu-tabanan-2023.txt"], fix=False):  # doctest: +SKIP
    ...     print(result.path, result.ok, result.document.year)
    samples/kpu-tabanan-2023.txt True 2023
    """
    from rakparse.pipeline import resolve_options

    base = resolve_options(options, overrides)
    tasks = [(os.fspath(path), base) for path in paths]
    if executor is not None:
        yield from executor.map_ordered(_convert_task, tasks)
        return
    from rakparse.executors import make_executor

    pool = make_executor("process", jobs=jobs)
    try:
        yield from pool.map_ordered(_convert_task, tasks)
    finally:
        pool.close()


def _convert_task(task: tuple[str, ConvertOptions]) -> ConvertResult:
    return convert_one(*task)
