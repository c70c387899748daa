"""The one place that knows the order of the stages.

read → layout (tables, rows) → correct + fields (assemble) → ``Document``.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any

from rakparse.assemble import Assembler, Corrector, NoCorrection
from rakparse.errors import NoTableError
from rakparse.layout.tables import build_layout
from rakparse.model import Document, Notice, Source
from rakparse.options import ConvertOptions
from rakparse.readers import read_bytes, read_path
from rakparse.readers.source import SourceText

Input = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]


def resolve_options(options: ConvertOptions | None, overrides: dict[str, Any]) -> ConvertOptions:
    """``options`` (or the defaults) with keyword overrides applied (``fix=False``)."""
    base = options or ConvertOptions()
    if overrides:
        from dataclasses import replace

        if "vocab" in overrides:
            overrides["vocab"] = tuple(os.fspath(v) for v in overrides["vocab"])
        base = replace(base, **overrides)
    return base


def read_source(source: Input, options: ConvertOptions, name: str | None = None) -> SourceText:
    """Read any accepted input into the text the table builder works on."""
    if isinstance(source, (str, os.PathLike)):
        return read_path(source, options)
    if isinstance(source, bytes):
        return read_bytes(source, name, options)
    data = source.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    return read_bytes(data, name, options)


def corrector_for(options: ConvertOptions) -> Corrector:
    if not options.fix:
        return NoCorrection()
    from rakparse.correct.engine import load_corrector

    return load_corrector(options.vocab, min_score=options.min_score)


def convert_source(text: SourceText, options: ConvertOptions, corrector: Corrector | None = None) -> Document:
    """Build the ``Document`` of an already read ``SourceText``."""
    layout = build_layout(text)
    if not layout.tables or not any(table.rows for table in layout.tables):
        raise NoTableError(
            "no RAK table found (no header with columns such as SASARAN, TARGET, KEGIATAN)",
            "check that this is a Rencana Aksi Kinerja; `rakparse text FILE` shows what was read",
            text.path,
        )
    corrector = corrector or corrector_for(options)
    assembler = Assembler(corrector, corrector.document_words("\n".join(text.lines)))
    unit = assembler.unit(layout.unit)
    year = assembler.year(layout.year)
    tables = assembler.tables(layout)
    corrections = sorted([*layout.corrections, *assembler.corrections], key=lambda c: c.line)
    notices: list[Notice] = [*corrector.load_warnings, *text.notices, *layout.notices, *assembler.notices]
    notices.sort(key=lambda n: -1 if n.line is None else n.line)
    return Document(
        source=Source(text.path, text.sha256, text.format, layout.pages),
        unit=unit,
        year=year,
        tables=tables,
        corrections=tuple(corrections),
        warnings=tuple(notices),
    )


def convert(
    source: Input,
    options: ConvertOptions | None = None,
    *,
    name: str | None = None,
    **overrides: Any,
) -> Document:
    """Convert one RAK (text, PDF or image) into a ``Document``.

    ``source`` is a path, the bytes of a file, or an open file; ``name`` is the
    path to record for bytes and open files. Keyword options override
    ``options`` (``convert(path, fix=False)``).
    """
    opts = resolve_options(options, overrides)
    return convert_source(read_source(source, opts, name), opts)


def convert_text(
    text: str, options: ConvertOptions | None = None, *, name: str | None = None, **overrides: Any
) -> Document:
    """Convert OCR'd text given as a string."""
    return convert(io.BytesIO(text.encode("utf-8")), options, name=name, **overrides)


def extract_text(
    source: Input, options: ConvertOptions | None = None, *, name: str | None = None, **overrides: Any
) -> SourceText:
    """The text rakparse parses, as ``rakparse text`` prints it."""
    return read_source(source, resolve_options(options, overrides), name)
