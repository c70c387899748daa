"""The default corrector's built tables, kept between processes.

Building the corrector (reading the vocabulary and the lexicon, indexing phrases and
near words) is most of what correction adds to converting one file: about 60 ms of a
process that converts the sample in 300. A process that finds this snapshot reads the
built corrector back instead (pickle, about 35 ms), and one that does not builds it
and writes the snapshot for the next.

The snapshot cannot go stale: its name is a digest of everything the tables are built
from, the package's data files and the correction code, with the versions of
rakparse and Python, so any change makes another name and the old file is never
read again (only the three newest are kept). A snapshot that cannot be
read is ignored and rebuilt; one that cannot be written is skipped. It is written to
a temporary file first and moved into place, so processes of a batch may race.

Where: ``$RAKPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/rakparse``, else
``~/.cache/rakparse``; ``RAKPARSE_NO_CACHE=1`` turns it off. Each snapshot is a file
of about 4 MB. Only the default corrector is kept (not one with ``--vocab`` files or
``--min-score``). A pickle runs code when loaded, so a snapshot is read only if it is
the user's own file and no one else may write it (as rakparse writes it); point
``RAKPARSE_CACHE_DIR`` at no folder others can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: the folders of the package whose files the corrector is built from
_INPUTS = (("data", (".txt", ".bin")), ("data/vocabulary", (".txt",)), ("correct", (".py",)))
_PREFIX = "corrector-"
#: snapshots of other versions kept besides the newest
KEEP = 3
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    """Where the snapshot lives, or ``None`` when it is turned off."""
    if os.environ.get("RAKPARSE_NO_CACHE"):
        return None
    chosen = os.environ.get("RAKPARSE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "rakparse"


def fingerprint(package: Path = _PACKAGE) -> str | None:
    """A digest of the package's data files and correction code, and of the versions;
    ``None`` if they cannot all be read as files (then nothing is kept)."""
    from rakparse import __version__

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}\0{sys.version}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    try:
        for folder, suffixes in _INPUTS:
            for entry in sorted(os.scandir(package / folder), key=lambda entry: entry.name):
                if entry.is_file() and entry.name.endswith(suffixes):
                    data = Path(entry.path).read_bytes()
                    digest.update(f"{folder}/{entry.name}\0{len(data)}\0".encode())
                    digest.update(data)
    except OSError:
        return None
    return digest.hexdigest()


def _path(folder: Path) -> Path | None:
    key = fingerprint()
    return None if key is None else folder / f"{_PREFIX}{key}.pickle"


def _private(status: os.stat_result) -> bool:
    """Is this file the user's own, and writable by no one else?"""
    owner = getattr(os, "getuid", None)
    return (owner is None or status.st_uid == owner()) and not status.st_mode & 0o022


def load(kind: type[T]) -> T | None:
    """The snapshot, if there is one for this package and it reads as a ``kind``."""
    folder = cache_dir()
    path = None if folder is None else _path(folder)
    if path is None:
        return None
    try:
        if not _private(path.stat()):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    try:
        found = pickle.loads(data)
    except Exception:
        return None
    return found if isinstance(found, kind) else None


def writable() -> Path | None:
    """The snapshot folder, made if need be, if this process may write there."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def save(built: object, folder: Path) -> None:
    """Write the snapshot for this package into ``folder`` (never raises: it is only a
    saving), and remove all but the newest ``KEEP`` snapshots there."""
    path = _path(folder)
    if path is None:
        return
    import tempfile  # only a process that builds the corrector writes: no import cost to the others

    temporary: str | None = None
    try:
        data = pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
        os.replace(temporary, path)
        temporary = None
        # a few versions may share the folder (two checkouts, an upgrade): the newest stay
        kept = sorted(folder.glob(f"{_PREFIX}*.pickle"), key=lambda old: old.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
