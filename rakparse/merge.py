"""All converted documents of an output folder in one table, for analysis (pandas).

``merged_frame(outdir)`` reads the outputs a batch recorded in its manifest(s)
(or, with no manifest, every ``.json``/``.csv`` below the folder), in the order of
their paths, and stacks their rows: the contract's CSV columns, so ``unit``,
``year`` and ``source`` are on every row. ``write_merged`` writes it as CSV or
Excel, atomically.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rakparse.errors import InputError, UsageError
from rakparse.model import CSV_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

EXCEL_MAX_ROWS = 1_048_575  # one row of the sheet is the header
MERGE_FORMATS = (".csv", ".xlsx")


def output_files(outdir: str | os.PathLike[str]) -> Iterator[Path]:
    """The documents to merge, sorted: those the manifest(s) list as converted, else every output file."""
    from rakparse.batch import manifest_entries

    folder = Path(outdir)
    if not folder.is_dir():
        raise InputError("no such folder", "give the -o folder of `rakparse batch`", os.fspath(outdir))
    entries = manifest_entries(folder)
    if entries:
        outputs = sorted(
            {
                e["output"]
                for e in entries.values()
                if e.get("status") in ("ok", "warnings") and e.get("output")
            }
        )
        for relative in outputs:
            path = folder / relative
            if path.suffix in (".json", ".csv") and path.is_file():
                yield path
        return
    yield from sorted(
        path
        for path in folder.rglob("*")
        if path.suffix in (".json", ".csv") and path.is_file() and not path.name.startswith(".")
    )


def merged_frame(outdir: str | os.PathLike[str]) -> pd.DataFrame:
    """One DataFrame with every row of every document in ``outdir`` (the CSV's columns)."""
    import pandas as pd

    from rakparse.load import read_document

    frames = [read_document(path).to_frame() for path in output_files(outdir)]
    if not frames:
        raise InputError(
            "no converted documents (.json or .csv) found",
            "run `rakparse batch INPUT -o FOLDER` first (xlsx outputs cannot be merged)",
            os.fspath(outdir),
        )
    frames = [frame for frame in frames if not frame.empty] or frames[:1]
    merged = pd.concat(frames, ignore_index=True)
    return merged[list(CSV_COLUMNS)]


def render_merged(frame: pd.DataFrame, suffix: str) -> bytes:
    """The merged table as CSV (UTF-8, RFC 4180) or an Excel sheet named ``rak``."""
    if suffix == ".csv":
        return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8")
    if suffix == ".xlsx":
        import pandas as pd

        from rakparse.write.xlsx import reproducible_zip, style_sheet

        if len(frame) > EXCEL_MAX_ROWS:
            raise UsageError(f"{len(frame)} rows are more than an Excel sheet holds", "write a .csv instead")
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="rak", index=False)
            style_sheet(writer.sheets["rak"], list(frame.columns))
        return reproducible_zip(buffer.getvalue())
    raise UsageError(
        f"cannot merge into {suffix or 'a file without suffix'}", "name the output all.csv or all.xlsx"
    )


def write_merged(outdir: str | os.PathLike[str], output: str | os.PathLike[str]) -> int:
    """Merge ``outdir`` into ``output`` (``.csv`` or ``.xlsx``) atomically; returns the number of rows."""
    from rakparse.write.atomic import write_bytes_atomic

    suffix = Path(output).suffix.lower()
    if suffix not in MERGE_FORMATS:
        raise UsageError(
            f"cannot merge into {suffix or 'a file without suffix'}", "name the output all.csv or all.xlsx"
        )
    frame = merged_frame(outdir)
    write_bytes_atomic(output, render_merged(frame, suffix))
    return len(frame)
