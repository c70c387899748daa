"""Model round trips, the packaged schema, reading outputs back, the text reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rakparse
from rakparse.errors import InputError
from rakparse.readers.text import read_text_bytes
from rakparse.schema import schema
from rakparse.write import WRITERS, render

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"


@pytest.fixture(scope="module")
def document() -> rakparse.Document:
    return rakparse.convert(SAMPLE)


def test_packaged_schema_is_the_one_in_schemas() -> None:
    assert schema() == json.loads((ROOT / "schemas" / "rak.schema.json").read_text(encoding="utf-8"))


def test_json_round_trip(document: rakparse.Document) -> None:
    assert rakparse.Document.from_dict(document.to_dict()) == document


def test_json_output_reads_back(document: rakparse.Document, tmp_path: Path) -> None:
    path = tmp_path / "rak.json"
    path.write_bytes(render(document, "json"))
    assert rakparse.read(path) == document


@pytest.mark.parametrize("excel", [False, True], ids=["csv", "excel-csv"])
def test_csv_output_reads_back_into_the_same_rows(
    document: rakparse.Document, tmp_path: Path, excel: bool
) -> None:
    path = tmp_path / "rak.csv"
    path.write_bytes(render(document, "csv", excel=excel))
    loaded = rakparse.read(path)
    assert (loaded.unit, loaded.year) == (document.unit, document.year)
    assert len(loaded.tables) == len(document.tables)
    for got, want in zip(loaded.tables, document.tables, strict=True):
        assert got.page == want.page and got.columns == want.columns
        # lossless for everything but lines (and the document's corrections and warnings)
        assert [r.to_dict() | {"lines": None} for r in got.rows] == [
            r.to_dict() | {"lines": None} for r in want.rows
        ]


def test_frame_has_the_csv_columns(document: rakparse.Document) -> None:
    from rakparse.model import CSV_COLUMNS

    frame = document.to_frame()
    assert tuple(frame.columns) == CSV_COLUMNS
    assert len(frame) == sum(len(t.rows) for t in document.tables)
    assert frame["biaya"].dtype.name == "Int64"


def test_writers_registry_names_the_formats() -> None:
    assert {"json", "csv"} <= set(WRITERS)


ENCODINGS = [
    ("utf-8", "Perencanaan – Pelaksanaan".encode()),
    ("utf-8-bom", b"\xef\xbb\xbf" + "Perencanaan – Pelaksanaan".encode()),
    ("cp1252", "Perencanaan – Pelaksanaan".encode("cp1252")),
    ("latin-1", "Perencanaan \xa0Pelaksanaan é".encode("latin-1")),
    ("utf-16", "Perencanaan – Pelaksanaan".encode("utf-16")),
]


@pytest.mark.parametrize(("name", "data"), ENCODINGS, ids=[n for n, _ in ENCODINGS])
def test_encodings_users_have(name: str, data: bytes) -> None:
    text = read_text_bytes(data, "x.txt")
    assert text.lines[0].startswith("Perencanaan")
    assert "\ufeff" not in text.lines[0]


def test_crlf_and_form_feeds() -> None:
    text = read_text_bytes(b"a\r\nb\r\n\x0cc\r\n", "x.txt")
    assert text.lines == ("a", "b", "\fc")


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x00\x00\x00"])
def test_unreadable_text_is_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        read_text_bytes(data, "x.txt")


def test_crlf_cp1252_sample_gives_the_same_rows_as_utf8(document: rakparse.Document) -> None:
    data = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("cp1252", errors="replace")
    other = rakparse.convert(data, name="samples/kpu-tabanan-2023.txt")
    assert [r.to_dict() for r in other.rows] == [r.to_dict() for r in document.rows]
