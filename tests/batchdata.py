"""Small generated archives for the batch tests: copies of the sample with other years and units."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"

UNITS = ("Tabanan", "Badung", "Gianyar", "Bangli")


def make_archive(
    folder: Path, years: tuple[int, ...] = (2022, 2023), units: int = 2, bad: bool = True
) -> list[Path]:
    """``folder/<year>/rak-<unit>.txt`` for each year and unit, plus ``folder/2023/rusak.txt`` (no table)."""
    text = SAMPLE.read_text(encoding="utf-8")
    made = []
    for year in years:
        (folder / str(year)).mkdir(parents=True, exist_ok=True)
        for unit in UNITS[:units]:
            path = folder / str(year) / f"rak-{unit.lower()}.txt"
            path.write_text(text.replace("2023", str(year)).replace("Tabanan", unit), encoding="utf-8")
            made.append(path)
    if bad:
        path = folder / str(years[-1]) / "rusak.txt"
        path.write_text("Ini bukan tabel RAK.\n", encoding="utf-8")
        made.append(path)
    return made


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` except manifests, by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith("rakparse-manifest")
    }


def manifest_without_seconds(path: Path) -> list[dict[str, object]]:
    import json

    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for entry in entries:
        entry.pop("seconds")
    return entries
