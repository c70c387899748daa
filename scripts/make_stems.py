"""Generate ``rakparse/data/stems-id.txt`` from Debian's hunspell-id dictionary.

Run ``.venv/bin/python scripts/make_stems.py`` (with ``hunspell-id`` installed) after
upgrading that package or regenerating the wordfreq list, and review the diff. The
stems (KBBI headwords: `wicara`, `tampal`, `hidang`) are the words the frequency list
lacks; the correction engine never changes them, and its affix rules derive their
forms. Only the stems are kept: hunspell's own affix flags are not used.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rakparse" / "data"
DIC = Path("/usr/share/hunspell/id_ID.dic")
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def package_version() -> str:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "hunspell-id"], capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "unknown"


def main() -> None:
    listed = {
        line
        for line in (DATA / "lexicon-id.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    }
    stems = set()
    for line in DIC.read_text(encoding="utf-8").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if WORD.fullmatch(stem) and stem not in listed:  # proper names are capitalized: left out
            stems.add(stem)
    header = [
        "# Indonesian stems for rakparse's OCR correction that lexicon-id.txt lacks: one a line.",
        f"# Source: Debian's hunspell-id {package_version()} (id_ID.dic, from LibreOffice's",
        "# dictionaries; Copyright (C) 2017 Ali Ahmadi), the stems without their affix flags.",
        "# Licence: LGPL-3.0 (as the dictionary); see https://www.gnu.org/licenses/lgpl-3.0.html",
        "# Regenerate with: .venv/bin/python scripts/make_stems.py",
    ]
    out = DATA / "stems-id.txt"
    out.write_text("\n".join([*header, *sorted(stems)]) + "\n", encoding="utf-8")
    print(f"{out}: {len(stems)} stems")


if __name__ == "__main__":
    main()
