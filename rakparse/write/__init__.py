"""Writers: a registry keyed by format name; ``--format`` choices come from it.

Every writer turns a ``Document`` into bytes; the CLI and batch write those bytes
atomically. JSON is checked against the schema before it is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rakparse.model import Document


@dataclass(frozen=True)
class Writer:
    name: str
    suffix: str
    render: Callable[..., bytes]
    binary: bool = False  # not for a terminal (xlsx)


def _json(document: Document, **options: Any) -> bytes:
    from rakparse.write.json import render_json

    return render_json(document)


def _csv(document: Document, *, excel: bool = False, **options: Any) -> bytes:
    from rakparse.write.csv import render_csv

    return render_csv(document, excel=excel)


def _xlsx(document: Document, **options: Any) -> bytes:
    from rakparse.write.xlsx import render_xlsx

    return render_xlsx(document)


WRITERS: dict[str, Writer] = {
    "json": Writer("json", ".json", _json),
    "csv": Writer("csv", ".csv", _csv),
    "xlsx": Writer("xlsx", ".xlsx", _xlsx, binary=True),
}


def render(document: Document, format: str, **options: Any) -> bytes:
    """Bytes of ``document`` in ``format`` (a key of ``WRITERS``)."""
    from rakparse.errors import UsageError

    writer = WRITERS.get(format)
    if writer is None:
        raise UsageError(f"unknown format {format!r}", f"choose one of {', '.join(WRITERS)}")
    return writer.render(document, **options)
