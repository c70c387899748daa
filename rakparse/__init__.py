"""rakparse: scanned Indonesian Rencana Aksi Kinerja tables → clean, validated data.

>>> import rakparse
>>> doc = rakparse.convert("samples/kpu-tabanan-2023.txt")   # doctest: +SKIP
>>> doc.unit, doc.year                                        # doctest: +SKIP
('Komisi Pemilihan Umum Kabupaten Tabanan', 2023)

The names below are imported lazily, so ``import rakparse`` (and the CLI) stay
fast and never load pandas or pdfplumber for text input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ConvertOptions",
    "Document",
    "RakparseError",
    "Row",
    "Table",
    "Target",
    "__version__",
    "convert",
    "convert_many",
    "convert_text",
    "extract_text",
    "read",
]

if TYPE_CHECKING:
    from rakparse.batch import convert_many
    from rakparse.errors import RakparseError
    from rakparse.load import read_document as read
    from rakparse.model import Document, Row, Table, Target
    from rakparse.options import ConvertOptions
    from rakparse.pipeline import convert, convert_text, extract_text

_LAZY = {
    "convert": ("rakparse.pipeline", "convert"),
    "convert_many": ("rakparse.batch", "convert_many"),
    "convert_text": ("rakparse.pipeline", "convert_text"),
    "extract_text": ("rakparse.pipeline", "extract_text"),
    "read": ("rakparse.load", "read_document"),
    "ConvertOptions": ("rakparse.options", "ConvertOptions"),
    "Document": ("rakparse.model", "Document"),
    "Row": ("rakparse.model", "Row"),
    "Table": ("rakparse.model", "Table"),
    "Target": ("rakparse.model", "Target"),
    "RakparseError": ("rakparse.errors", "RakparseError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rakparse' has no attribute {name!r}")
