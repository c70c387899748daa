"""Atomic output: write a temporary file in the destination folder, then rename.

A crash, a kill or an error while writing leaves either the old file or none,
never half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rakparse.errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``path``; on success it replaces ``path``."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            "the output folder does not exist", "create it first, or choose another -o path", os.fspath(path)
        )
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(
            f"cannot write here ({error.strerror})", "check the folder's permissions", os.fspath(path)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_output(path) as handle:
        handle.write(data)
