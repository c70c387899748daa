"""Golden tests, discovered from samples/: a new sample plus its expected JSON is a new test.

Expected files are regenerated with `make golden` and reviewed as a diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from rakparse.pipeline import convert
from rakparse.schema import schema_errors
from rakparse.write import render

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "samples").glob("*.expected.json"))


def _sample_of(expected: Path) -> Path:
    return expected.with_name(expected.name.removesuffix(".expected.json"))


def test_every_sample_has_an_expected_output() -> None:
    suffixes = {".txt", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
    samples = [p for p in (ROOT / "samples").iterdir() if p.suffix.lower() in suffixes]
    assert samples, "samples/ holds no sample"
    missing = [p.name for p in samples if not p.with_name(p.name + ".expected.json").exists()]
    assert not missing, f"run `make golden` and review: no expected output for {missing}"


def _scanned(expected: Path) -> bool:
    return json.loads(expected.read_bytes())["source"]["format"] in ("pdf-ocr", "image")


EXACT = [p for p in EXPECTED if not _scanned(p)]
SCANNED = [p for p in EXPECTED if _scanned(p)]


@pytest.mark.parametrize("expected", EXACT, ids=[p.name for p in EXACT])
def test_sample_converts_to_its_expected_json(expected: Path, in_root: Path) -> None:
    relative = _sample_of(expected).relative_to(ROOT).as_posix()
    data = render(convert(relative), "json")
    assert json.loads(data) == json.loads(expected.read_bytes())
    assert data == expected.read_bytes()  # byte for byte, as the contract promises


def _numbers(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (row["no"], row["target"] and row["target"]["value"], row["biaya"], row["schedule"])
        for table in document["tables"]
        for row in table["rows"]
    ]


@pytest.mark.tesseract
@pytest.mark.parametrize("expected", SCANNED, ids=[p.name for p in SCANNED])
def test_scanned_sample_gives_its_expected_numbers(expected: Path, in_root: Path) -> None:
    """OCR'd words vary with the Tesseract version; numbers and schedules must not."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    relative = _sample_of(expected).relative_to(ROOT).as_posix()
    got = convert(relative).to_dict()
    want = json.loads(expected.read_bytes())
    assert (got["unit"], got["year"], got["source"]["pages"]) == (
        want["unit"],
        want["year"],
        want["source"]["pages"],
    )
    assert _numbers(got) == _numbers(want)


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.name for p in EXPECTED])
def test_expected_outputs_satisfy_the_schema(expected: Path) -> None:
    assert schema_errors(json.loads(expected.read_bytes())) == []
