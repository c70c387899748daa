"""Golden tests, discovered from samples/: a new sample plus its expected JSON is a new test.

Expected files are regenerated with `make golden` and reviewed as a diff.
"""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.name for p in EXPECTED])
def test_sample_converts_to_its_expected_json(expected: Path, in_root: Path) -> None:
    if _sample_of(expected).suffix.lower() != ".txt":
        pytest.importorskip("pypdfium2")
    relative = _sample_of(expected).relative_to(ROOT).as_posix()
    data = render(convert(relative), "json")
    assert json.loads(data) == json.loads(expected.read_bytes())
    assert data == expected.read_bytes()  # byte for byte, as the contract promises


@pytest.mark.parametrize("expected", EXPECTED, ids=[p.name for p in EXPECTED])
def test_expected_outputs_satisfy_the_schema(expected: Path) -> None:
    assert schema_errors(json.loads(expected.read_bytes())) == []
