"""Options of a conversion, shared by the library API, batch and the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

OcrMode = Literal["auto", "always", "never"]


@dataclass(frozen=True)
class ConvertOptions:
    """How to convert one input.

    ``fix`` turns OCR correction on (``--no-fix`` turns it off); ``vocab`` adds
    vocabulary files; ``min_score`` overrides the correction threshold. The PDF
    options (``ocr``, ``jobs``, ``password``, ``max_pages``, ``timeout``) are
    ignored for text input.
    """

    fix: bool = True
    vocab: tuple[str, ...] = ()
    min_score: float | None = None
    ocr: OcrMode = "auto"
    jobs: int = 1
    password: str | None = None
    max_pages: int = 2000
    timeout: float | None = None

    def fingerprint(self) -> dict[str, Any]:
        """The options that change the output (what batch's resume compares)."""
        data = asdict(self)
        for key in ("jobs", "timeout", "password"):
            data.pop(key)
        data["vocab"] = list(self.vocab)
        return data
