"""The pipeline never crashes: any text gives a Document or a RakparseError.

OCR output is arbitrary; whatever it holds, users must get a result or a one-line
error, never a traceback.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rakparse.errors import RakparseError
from rakparse.options import ConvertOptions
from rakparse.pipeline import convert_text
from rakparse.write import render

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LINES = (ROOT / "samples" / "kpu-tabanan-2023.txt").read_text(encoding="utf-8").split("\n")
HEADER = SAMPLE_LINES[7:9]

PIECES = [
    "NO.",
    "SASARAN",
    "TARGET",
    "KEGIATAN",
    "RENCANA PELAKSANAAN",
    "PERKIRAAN BIAYA",
    "PELAKSANA",
    "INDIKATOR KINERJA",
    "B1",
    "B12",
    "81",
    "JAN",
    "minggu ke 1-4",
    "minggu ke",
    "s/d",
    "v",
    "1",
    "12",
    "Rp. 2.953.803.000",
    "Rp.",
    "2.9S3.8O3.000",
    "97,5%",
    "10 kali",
    "B",
    "Subbagian Umum",
    "Sub Bagian",
    "Menyusun laporan",
    "1.",
    "TAHUN : 2023",
    "NAMA/UNIT ORGANISASI : X",
    "\f",
    "",
    " ",
    "  ",
    "-",
    "Handwritten mark",
    "ß",
    "ﬁ",
    "\u00a0",
    "🙂",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19",
]

cells = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=22).map("\t".join)
spaced = st.lists(st.sampled_from(PIECES), max_size=12).map("   ".join)
documents = st.lists(cells | spaced, max_size=25).map(lambda lines: "\n".join([*HEADER, *lines]))

FAST = ConvertOptions(fix=False)


def converts_or_refuses(text: str, options: ConvertOptions = FAST) -> None:
    try:
        document = convert_text(text, options)
    except RakparseError:
        return
    render(document, "json")  # and the result satisfies the schema
    render(document, "csv")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_table_text_never_crashes(text: str) -> None:
    converts_or_refuses(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_table_text_never_crashes_with_correction(text: str) -> None:
    converts_or_refuses(text, ConvertOptions())


@pytest.mark.parametrize("cut", range(0, len(SAMPLE_LINES), 3))
def test_every_truncation_of_the_sample(cut: int) -> None:
    converts_or_refuses("\n".join(SAMPLE_LINES[:cut]))


@pytest.mark.parametrize("seed", range(10))
def test_shuffled_and_damaged_samples(seed: int) -> None:
    rng = random.Random(seed)
    lines = list(SAMPLE_LINES)
    rng.shuffle(lines)
    damaged = []
    for line in lines:
        cells = line.split("\t")
        if cells and rng.random() < 0.3:
            del cells[rng.randrange(len(cells))]
        if rng.random() < 0.2:
            cells.insert(rng.randrange(len(cells) + 1), rng.choice(PIECES))
        damaged.append("\t".join(cells))
    converts_or_refuses("\n".join(damaged))
