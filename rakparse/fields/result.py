"""What a field parser reports besides its value.

Parsers know nothing of lines: the assembler turns each ``Issue`` into a
``Notice`` and each ``Repair`` into a ``pattern`` ``Correction`` on the cell's line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """Something a parser was unsure about or dropped; ``code`` is stable and dotted."""

    code: str
    message: str


@dataclass(frozen=True)
class Repair:
    """A letter-for-digit fix inside a number (``2.9S3.8O3.000`` → ``2.953.803.000``)."""

    from_: str
    to: str
