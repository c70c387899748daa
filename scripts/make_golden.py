"""Regenerate samples/*.expected.json from the samples; review with `git diff samples/`.

Each sample (``samples/NAME.txt``, ``.pdf``, ``.png`` …) is converted with default
options and its path as written relative to the repository root, so the expected
files do not depend on where the checkout lives.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rakparse.pipeline import convert  # noqa: E402
from rakparse.write import render  # noqa: E402

SUFFIXES = {".txt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def samples() -> list[Path]:
    return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix.lower() in SUFFIXES)


def main() -> None:
    import os

    os.chdir(ROOT)
    for sample in samples():
        relative = sample.relative_to(ROOT).as_posix()
        expected = sample.with_name(sample.name + ".expected.json")
        data = render(convert(relative), "json")
        changed = not expected.exists() or expected.read_bytes() != data
        expected.write_bytes(data)
        print(f"{'updated' if changed else 'same   '} {expected.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
