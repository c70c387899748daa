"""The package's data files (``rakparse/data/``), read as package resources.

``importlib.resources`` is imported only when a file is read: a process that reads
the corrector's snapshot (``snapshot``) reads no data file, and the import (with the
``tempfile`` and ``zipfile`` machinery it brings) would add about 6 ms to its cold
load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """The data file at ``parts`` under ``rakparse/data/``.

    >>> data_file("vocabulary", "terms.txt").name
    'terms.txt'
    """
    from importlib import resources

    found = resources.files("rakparse") / "data"
    for part in parts:
        found = found / part
    return found
