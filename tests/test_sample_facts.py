"""Hand-checked facts about the sample corpus: what a correct parser must produce.

Every fact here was written by reading the sample text and the output contract
(``/work/shared/spec/output-contract.md``), never by running rakparse, so a failure
means the parser and a human reader disagree: look at the sample before "fixing"
the expectation. ``samples/README.md`` says what each sample exercises and which
facts were left out on purpose because the text is genuinely ambiguous.

Conventions of the tables below:

* rows are addressed by position (table index, row index) in the sample files that
  were written for rakparse; in the real KPU sample by their printed number, which is
  unique there from 3 upwards;
* ``ANY`` marks a part of a fact that is deliberately not asserted;
* text fields are compared after collapsing whitespace, and only where the sample's
  text has no OCR noise (the noisy samples get counts instead).
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import rakparse

try:  # rakparse resolves ``convert`` lazily: a missing pipeline module is an ImportError
    convert = getattr(rakparse, "convert", None)
except ImportError:
    convert = None

pytestmark = pytest.mark.skipif(convert is None, reason="rakparse.convert is not written yet")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KPU = "kpu-tabanan-2023.txt"
_KPU_ELSEWHERE = Path("/work/shared/samples") / KPU

BAPPEDA = "bappeda-kab-contoh-2024.txt"
DINKES = "dinkes-kota-contoh-2022.txt"
PN = "pengadilan-negeri-contoh-2023.txt"
POLRES = "polres-contoh-2021.txt"
DPRD = "dprd-sekretariat-contoh-2025.txt"
KEC = "kecamatan-contoh-2023.txt"


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()

ALL = [1, 2, 3, 4]
FULL = ["no", "sasaran", "indikator", "target", "kegiatan", "schedule", "biaya", "pelaksana"]
NO_INDIKATOR = ["no", "sasaran", "target", "kegiatan", "schedule", "biaya", "pelaksana"]


class T(NamedTuple):
    """An expected target: kind, value, unit (``ANY`` = not asserted), raw."""

    kind: str
    value: float | int | None
    unit: Any = None
    raw: Any = ANY


def months(weeks: list[int], *month_numbers: int) -> dict[str, list[int]]:
    return {str(m): list(weeks) for m in month_numbers}


def every(weeks: list[int]) -> dict[str, list[int]]:
    return months(weeks, *range(1, 13))


def _sample_path(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists() and name == KPU and _KPU_ELSEWHERE.exists():
        path = _KPU_ELSEWHERE
    if not path.exists():
        pytest.skip(f"sample {name} is not there")
    return path


@functools.cache
def _doc(name: str) -> dict[str, Any]:
    assert convert is not None
    return convert(_sample_path(name)).to_dict()


def _ws(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip()


# Samples the parser is known to get wrong today (found by this corpus). Not strict: a
# partial fix turns some facts green, which ``-ra`` reports as XPASS; drop the entry
# when the whole sample passes. (Full month names, three-line week cells and wrapped
# costs were fixed; a form feed glued to a line no longer shifts line numbers.)
KNOWN_BAD: dict[str, str] = {}

# Single facts the parser is known to get wrong today, by test id (strict: each must fail).
KNOWN_BAD_FACTS: dict[str, str] = {}


def _marks(sample: str, fact_id: str = "") -> list[pytest.MarkDecorator]:
    if fact_id in KNOWN_BAD_FACTS:
        return [pytest.mark.xfail(reason=KNOWN_BAD_FACTS[fact_id], strict=True)]
    reason = KNOWN_BAD.get(sample)
    return [pytest.mark.xfail(reason=reason, strict=False)] if reason else []


# --------------------------------------------------------------------------- headers

HEADERS = [
    (KPU, "Komisi Pemilihan Umum Kabupaten Tabanan", 2023),
    (BAPPEDA, "Badan Perencanaan Pembangunan Daerah Kabupaten Contoh", 2024),
    (DINKES, "Dinas Kesehatan Kota Contoh", 2022),
    (PN, "Pengadilan Negeri Contoh Kelas IB", 2023),
    (POLRES, "Kepolisian Resor Contoh", 2021),  # the label reads `NAMA/UNIT 0RGANISASI`
    (DPRD, "Sekretariat DPRD Kabupaten Contoh", 2025),  # two title blocks, same unit and year
    (KEC, "Kecamatan Contoh Utara", 2023),
]


@pytest.mark.parametrize(("sample", "unit", "year"), HEADERS)
def test_header(sample: str, unit: str, year: int) -> None:
    doc = _doc(sample)
    assert (doc["unit"], doc["year"]) == (unit, year)


# --------------------------------------------------------------------------- tables

# (sample, number of tables)
TABLE_COUNTS = [
    (BAPPEDA, 1),
    (DINKES, 1),
    (PN, 1),  # one table across three pages: the repeated headers continue it
    (POLRES, 1),  # a page-number line in the middle, no repeated header
    (DPRD, 2),
    (KEC, 1),
]

# (sample, table index, columns, page, number of rows)
TABLES = [
    (KPU, 0, FULL, 1, 5),  # the contract's own example: biaya sits under the PELAKSANA label
    (KPU, 1, NO_INDIKATOR, ANY, ANY),
    (BAPPEDA, 0, FULL, 1, 6),
    (DINKES, 0, NO_INDIKATOR, 1, 9),
    (PN, 0, FULL, 1, 9),
    (POLRES, 0, FULL, 1, 6),
    (DPRD, 0, FULL, 1, 3),
    (DPRD, 1, NO_INDIKATOR, 2, 4),  # after the form feed that starts page 2
    (KEC, 0, NO_INDIKATOR, 1, 5),  # schedule cells wrapped over 2-3 lines are not rows
]


@pytest.mark.parametrize(("sample", "count"), TABLE_COUNTS)
def test_table_count(sample: str, count: int) -> None:
    assert len(_doc(sample)["tables"]) == count


@pytest.mark.parametrize(
    ("sample", "index", "columns", "page", "rows"),
    [pytest.param(*fact, marks=_marks(fact[0])) for fact in TABLES],
)
def test_table_shape(sample: str, index: int, columns: list[str], page: Any, rows: Any) -> None:
    tables = _doc(sample)["tables"]
    assert len(tables) > index
    table = tables[index]
    assert table["columns"] == columns
    if page is not ANY:
        assert table["page"] == page
    if rows is not ANY:
        assert len(table["rows"]) == rows, [(r["no"], r["kegiatan"][:1]) for r in table["rows"]]


# --------------------------------------------------------------------------- rows

R = dict[str, Any]

# Goals that continuation rows repeat.
_BAPPEDA_2 = "Meningkatnya kualitas perencanaan ekonomi dan sumber daya alam"
_DINKES_1 = "Meningkatnya cakupan imunisasi dasar lengkap – bayi dan baduta"
_PN_3 = "Meningkatnya akses peradilan bagi masyarakat miskin dan terpinggirkan"
_DPRD_B3 = "Meningkatnya kapasitas sumber daya aparatur"
_KEC_3 = "Meningkatnya partisipasi masyarakat dalam pembangunan"

# sample -> table index -> rows in order. Keys are contract fields; ``kegiatan_count`` /
# ``pelaksana_count`` / ``pelaksana_prefix`` are the lenient forms used where the exact
# text is in doubt.
ROWS: dict[str, dict[int, list[R]]] = {
    # Space-aligned (pdftotext -layout): wrapped cells, positions decide the months.
    BAPPEDA: {
        0: [
            {
                "no": 1,
                "sasaran": "Meningkatnya kualitas dokumen perencanaan pembangunan daerah",
                "indikator": "Persentase dokumen perencanaan yang ditetapkan tepat waktu",
                "target": T("percent", 100, "%", "100%"),
                "kegiatan": [
                    "Menyusun rancangan awal rencana kerja pemerintah daerah tahun 2025",
                    "Melaksanakan musyawarah perencanaan pembangunan tingkat kabupaten",
                ],
                "schedule": {"1": ALL, "2": ALL, "3": [2], "4": [1, 3]},
                "biaya": 325_750_000,
                "pelaksana": ["Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"],
            },
            {
                "no": 2,
                "sasaran": _BAPPEDA_2,
                "indikator": "Indeks kepuasan mitra terhadap layanan perencanaan ekonomi",
                "target": T("number", 3.25, None, "3,25"),
                "kegiatan": ["Menyusun kajian ekonomi makro daerah"],
                "schedule": {"5": ALL, "6": ALL, "7": [1, 2]},
                "biaya": 87_500_000,
                "pelaksana": ["Bidang Perencanaan Ekonomi"],
            },
            {  # an activity with its own schedule: a continuation row of goal 2
                "no": None,
                "sasaran": _BAPPEDA_2,
                "indikator": None,
                "target": None,
                "kegiatan": ["Menyusun profil investasi daerah"],
                "schedule": {"8": [2], "9": [2]},
                "biaya": 42_000_000,
                "pelaksana": ["Bidang Perencanaan Ekonomi"],
            },
            {
                "no": 3,
                "sasaran": "Meningkatnya kualitas pelayanan administrasi perkantoran",
                "indikator": "Nilai SAKIP perangkat daerah",
                "target": T("grade", None, None, "BB"),
                "kegiatan": [
                    "Menyusun perjanjian kinerja",
                    "Menyusun laporan kinerja instansi pemerintah",
                    "Melaksanakan evaluasi internal SAKIP",
                ],
                "schedule": {"1": [2], "2": [4], "3": [4], "7": ALL, "10": [3]},
                "biaya": 56_125_000,
                "pelaksana": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "no": 4,
                "sasaran": "Tersedianya data dan informasi pembangunan daerah",
                "indikator": "Jumlah dokumen data pembangunan yang diterbitkan",
                "target": T("count", 2, "dokumen", "2 Dok"),
                "kegiatan": ["Menyusun buku data pembangunan daerah"],
                "schedule": {"3": ALL, "9": ALL, "12": [1, 2]},
                "biaya": 64_300_000,
                "pelaksana": ["Bidang Penelitian dan Pengembangan"],
            },
            {  # the signature block below the table (NIP under the cost column) is not part of it
                "no": 5,
                "sasaran": "Meningkatnya akuntabilitas keuangan perangkat daerah",
                "indikator": "Jumlah laporan keuangan yang disusun tepat waktu",
                "target": T("count", 12, "laporan", "12 Lap"),
                "kegiatan": ["Menyusun laporan keuangan bulanan dan semesteran"],
                "schedule": every([4]),
                "biaya": 18_000_000,
                "pelaksana": ["Subbagian Keuangan"],
            },
        ]
    },
    # Tab-separated, cp1252, CRLF; RENCANA AKSI / ANGGARAN (Rp) / PENANGGUNG JAWAB.
    DINKES: {
        0: [
            {
                "no": 1,
                "sasaran": _DINKES_1,
                "indikator": None,
                "target": T("percent", 95, "%", "95%"),
                "kegiatan": ["Melaksanakan bulan imunisasi anak nasional"],
                "schedule": {"2": [1, 2, 3], "3": [1, 2, 3], "8": [1, 3]},
                "biaya": 1_500_000_000,
                "pelaksana": ["Seksi Surveilans dan Imunisasi"],
            },
            {  # `v` marks: all weeks plus a schedule.mark warning
                "no": None,
                "sasaran": _DINKES_1,
                "indikator": None,
                "target": None,
                "kegiatan": ["Memantau suhu lemari es vaksin 2–8 °C di UPT Puskesmas"],
                "schedule": months(ALL, 1, 4, 7, 10),
                "biaya": 350_000_000,
                "pelaksana": ["UPT Puskesmas Kota Utara"],
            },
            {
                "no": 2,
                "sasaran": "Menurunnya angka kesakitan penyakit menular",
                "target": T("percent", 97.5, "%", "97,5%"),
                "kegiatan": [
                    "Melakukan penyelidikan epidemiologi kasus demam berdarah dengue",
                    "Melakukan pengasapan fokus di lokasi kasus",
                ],
                "schedule": months([2, 3, 4], 1, 2, 12),
                "biaya": 22_451_000,
                "pelaksana": [
                    "Bidang Pencegahan dan Pengendalian Penyakit",
                    "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                ],
            },
            {
                "no": 3,
                "sasaran": "Tersusunnya dokumen perencanaan dan pelaporan kinerja",
                "target": T("count", 12, "dokumen", "12 Dok"),
                "kegiatan": ["Menyusun laporan kinerja bulanan"],
                "schedule": every([4]),
                "biaya": 4_125_000,
                "pelaksana": ["Subbagian Perencanaan dan Pelaporan"],
            },
            {
                "no": 4,
                "sasaran": "Meningkatnya kapasitas kader kesehatan",
                "target": T("count", 250, "orang", "250 Org"),
                "kegiatan": ["Melatih kader posyandu balita dan lansia"],
                "schedule": months([2], 5, 6),
                "biaya": 125_000_000,
                "pelaksana": ["Seksi Promosi dan Pemberdayaan Masyarakat"],
            },
            {
                "no": 5,
                "sasaran": "Terselenggaranya pelayanan kesehatan dasar di puskesmas",
                "target": T("count", 4, "kegiatan", "4 Keg"),
                "kegiatan": ["Melaksanakan pelayanan kesehatan bergerak di daerah terpencil"],
                "schedule": months([1, 3], 3, 6, 9, 12),
                "biaya": 2_953_803_000,
                "pelaksana": ["UPT Puskesmas Kota Selatan", "UPT Puskesmas Kota Utara"],
            },
            {
                "no": 6,
                "sasaran": "Meningkatnya akuntabilitas kinerja Dinas Kesehatan",
                "target": T("grade", None, None, "BB"),
                "kegiatan": ["Menyusun laporan kinerja instansi pemerintah"],
                "schedule": {"1": ALL, "2": [1, 2]},
                "biaya": None,
                "pelaksana": ["Subbagian Perencanaan dan Pelaporan"],
            },
            {
                "no": 7,
                "sasaran": "Tersedianya obat dan perbekalan kesehatan",
                "target": T("number", 1, None, "1"),
                "kegiatan": ["Menyusun rencana kebutuhan obat tahunan"],
                "schedule": months([1, 2, 3], 9, 10),
                "biaya": 38_600_000,
                "pelaksana": ["Instalasi Farmasi"],
            },
            {
                "no": 8,
                "sasaran": "Meningkatnya mutu pelayanan kesehatan rujukan",
                "target": T("text", None, ANY, "Terakreditasi paripurna"),
                "kegiatan": ["Mendampingi persiapan akreditasi rumah sakit daerah"],
                "schedule": {"4": ALL, "5": ALL, "6": [1, 2]},
                "biaya": 215_000_000,
                "pelaksana": ["Seksi Pelayanan Kesehatan Rujukan"],
            },
        ]
    },
    # Tab-separated, UTF-8 with BOM, one table over three pages.
    PN: {
        0: [
            {
                "no": 1,
                "sasaran": "Terwujudnya proses peradilan yang pasti, transparan dan akuntabel",
                "indikator": "Persentase sisa perkara yang diselesaikan",
                "target": T("percent", 100, "%", "100%"),
                "kegiatan": ["Melaksanakan minutasi perkara sisa tahun lalu"],
                "schedule": months(ALL, 1, 2, 3),
                "biaya": None,  # `-`
                "pelaksana": ["Panitera Muda Perdata"],
            },
            {
                "no": 2,
                "sasaran": "Meningkatnya penyelesaian perkara tepat waktu",
                "indikator": "Persentase perkara yang diselesaikan tepat waktu",
                "target": T("percent", 85, "%", "85%"),
                "kegiatan": ["Melakukan monitoring penyelesaian perkara melalui SIPP"],
                "schedule": every([4]),
                "biaya": 12_500_000,
                "pelaksana": ["Kepaniteraan Hukum"],
            },
            {  # its second unit is the first line of page 2, under the repeated header
                "no": 3,
                "sasaran": _PN_3,
                "indikator": "Persentase perkara prodeo yang diselesaikan",
                "target": T("percent", 100, "%", "100%"),
                "kegiatan": ["Melaksanakan sidang di luar gedung pengadilan"],
                "schedule": months([2], 3, 6, 9),
                "biaya": 7_350_000,
                "pelaksana": ["Panitera Muda Perdata", "Kepaniteraan Hukum"],
            },
            {  # goal 3 goes on at the top of page 2 as continuation rows
                "no": None,
                "sasaran": _PN_3,
                "indikator": None,
                "target": None,
                "kegiatan": ["Memberikan layanan pos bantuan hukum"],
                "schedule": every(ALL),
                "biaya": 36_000_000,
                "pelaksana": ["Kepaniteraan Hukum"],
            },
            {
                "no": None,
                "sasaran": _PN_3,
                "indikator": None,
                "target": None,
                "kegiatan": ["Melaksanakan pembebasan biaya perkara"],
                "schedule": months(ALL, 2, 5, 8, 11),
                "biaya": 4_500_000,
                "pelaksana": ["Panitera Muda Perdata"],
            },
            {
                "no": 4,
                "sasaran": "Meningkatnya kepatuhan terhadap putusan pengadilan",
                "indikator": (
                    "Persentase permohonan eksekusi putusan perdata berkekuatan hukum tetap yang ditindaklanjuti"
                ),
                "target": T("percent", 80, "%", "80%"),
                "kegiatan": ["Melaksanakan aanmaning dan eksekusi putusan"],
                "schedule": months([1, 2], 4, 10),
                "biaya": 9_800_000,
                "pelaksana": ["Panitera Muda Perdata"],
            },
            {
                "no": 5,
                "sasaran": "Meningkatnya kualitas pelayanan publik",
                "indikator": "Indeks kepuasan masyarakat",
                "target": T("percent", 90, "%", "90%"),
                "kegiatan": ["Melaksanakan survei kepuasan masyarakat"],
                "schedule": months([3], 6, 12),
                "biaya": 2_400_000,
                # `Sub Bagian Perencanaan, TI dan Pelaporan`: TI may or may not be expanded
                "pelaksana_count": 1,
                "pelaksana_prefix": "Subbagian Perencanaan",
            },
            {  # page 3, after a page-number line and a form-feed line
                "no": 6,
                "sasaran": "Terwujudnya tata kelola keuangan dan barang milik negara yang akuntabel",
                "indikator": "Nilai indikator kinerja pelaksanaan anggaran",
                "target": T("number", 95, None, "95"),
                "kegiatan": ["Menyusun laporan keuangan dan laporan barang milik negara"],
                "schedule": every([1]),
                "biaya": 18_250_000,
                "pelaksana": ["Subbagian Umum dan Keuangan"],
            },
            {
                "no": 7,
                "sasaran": "Meningkatnya kualitas perencanaan dan pelaporan kinerja",
                "indikator": "Jumlah dokumen perencanaan dan pelaporan kinerja",
                "target": T("count", 4, "dokumen", "4 Dokumen"),
                "kegiatan": [
                    "Menyusun perjanjian kinerja dan laporan kinerja instansi pemerintah",
                    "Menyusun rencana kerja tahunan",
                ],
                "schedule": months([1, 2], 1, 2),
                "biaya": 6_750_000,
                "pelaksana_count": 1,
                "pelaksana_prefix": "Subbagian Perencanaan",
            },
        ]
    },
    # OCR-noisy tab-separated: misread labels and months, letters in amounts, 13 cells.
    POLRES: {
        0: [
            {
                "no": 1,
                "sasaran": "Meningkatnya penyelesaian perkara tindak pidana",
                # the form's column number `3` glued to the cell is dropped
                "indikator": "Persentase penyelesaian perkara tindak pidana",
                "target": T("percent", 65, "%", "65%"),
                "kegiatan_count": 1,
                "schedule": every(ALL),  # `minggu ke l-4`, `mingu ke 1-4` among them
                "biaya": 1_205_000_000,  # `Rp. 1.2O5.000.000`
                "pelaksana": ["Satuan Reserse Kriminal"],  # `Krimina1`
            },
            {  # 13 identical schedule cells, then a damaged amount
                "no": 2,
                "sasaran": "Terpeliharanya keamanan dan ketertiban masyarakat",
                "target": T("count", 360, "kegiatan", "360 Keg"),
                "kegiatan_count": 1,
                "schedule": every(ALL),
                "biaya": None,  # `Rp. 450.000.00`
                "pelaksana": ["Satuan Samapta"],
            },
            {
                "no": 3,
                "sasaran": "Terwujudnya perencanaan operasional kepolisian yang efektif",
                "target": T("count", 12, "dokumen", "12 Dok"),
                "kegiatan": [
                    "Menyusun rencana operasi kepolisian",
                    "Melaksanakan analisa dan evaluasi operasi",
                ],
                "schedule": every([1]),
                "biaya": 75_500_000,  # `Rp 75.5OO.000`
                "pelaksana": ["Bagian Operasi"],  # Bagops: not `Bagian Operasional`
            },
            {  # after a bare page-number line
                "no": 4,
                "sasaran": "Meningkatnya dukungan administrasi dan logistik",
                "target": T("percent", 100, "%", "100%"),
                "kegiatan_count": 1,
                "schedule": months([2], 1, 4, 7, 10),
                "biaya": 312_000_000,  # `Rp. 3l2.000.000`
                "pelaksana": ["Seksi Umum", "Bagian Logistik"],
            },
            {
                "no": 5,
                "sasaran": "Meningkatnya kepercayaan masyarakat terhadap Polri",
                "target": T("grade", None, None, "B"),
                "kegiatan_count": 1,
                "schedule": months([3], 6, 12),
                "biaya": 18_750_000,  # `Rp.18.750.000`
                "pelaksana": ["Seksi Humas"],
            },
            {
                "no": None,
                "sasaran": "Meningkatnya kepercayaan masyarakat terhadap Polri",
                "indikator": None,
                "target": None,
                "kegiatan_count": 1,
                "schedule": every(ALL),
                "biaya": None,
                "pelaksana": ["Seksi Propam"],
            },
        ]
    },
    # Two tables: with and without INDIKATOR; several activities and units per row.
    DPRD: {
        0: [
            {
                "no": 1,
                "sasaran": "Meningkatnya kualitas fasilitasi penyelenggaraan fungsi DPRD",
                "indikator": "Persentase rapat DPRD yang difasilitasi tepat waktu",
                "target": T("percent", 100, "%", "100%"),
                "kegiatan": [
                    "Menyusun jadwal rapat paripurna",
                    "Menyiapkan bahan rapat alat kelengkapan DPRD",
                    "Menyusun risalah rapat",
                ],
                "schedule": every(ALL),
                "biaya": 2_150_000_000,
                "pelaksana": ["Bagian Persidangan dan Perundang-undangan", "Subbagian Rapat dan Risalah"],
            },
            {  # three unnumbered activities in one cell, each starting with a verb
                "no": 2,
                "sasaran": "Meningkatnya kualitas pembentukan peraturan daerah",
                "indikator": "Jumlah peraturan daerah yang ditetapkan",
                "target": T("count", 8, "dokumen", "8 Dokumen"),
                "kegiatan": [
                    "Menyusun program pembentukan peraturan daerah",
                    "Melaksanakan harmonisasi rancangan peraturan daerah",
                    "Memfasilitasi pembahasan rancangan peraturan daerah",
                ],
                "schedule": {"3": [1, 2], "6": [1, 2], "9": [1, 2], "11": [3, 4]},
                "biaya": 875_400_000,
                "pelaksana": ["Bagian Persidangan dan Perundang-undangan"],
            },
            {
                "no": 3,
                "sasaran": "Meningkatnya kualitas pengawasan DPRD",
                "indikator": "Jumlah rekomendasi DPRD atas LKPJ bupati",
                "target": T("count", 1, "dokumen", "1 Dok"),
                "kegiatan": ["Menyiapkan rapat pembahasan LKPJ bupati"],
                "schedule": {"4": ALL},
                "biaya": 312_500_000,
                "pelaksana": [
                    "Bagian Fasilitasi Penganggaran dan Pengawasan",
                    "Subbagian Fasilitasi Pengawasan",
                    "Bagian Persidangan dan Perundang-undangan",
                ],
            },
        ],
        1: [
            {  # a unit repeated in one row is listed once
                "no": 1,
                "sasaran": "Meningkatnya kualitas pelayanan administrasi perkantoran",
                "indikator": None,
                "target": T("percent", 100, "%", "100%"),
                "kegiatan": [
                    "Menyediakan kebutuhan alat tulis kantor",
                    "Melaksanakan pemeliharaan kendaraan dinas",
                ],
                "schedule": every([1]),
                "biaya": 1_045_000_000,
                "pelaksana": ["Bagian Umum dan Keuangan", "Subbagian Umum dan Perlengkapan"],
            },
            {
                "no": 2,
                "sasaran": "Meningkatnya akuntabilitas kinerja dan keuangan sekretariat",
                "indikator": None,
                "target": T("text", None, ANY, "WTP"),
                "kegiatan": ["Menyusun laporan keuangan semesteran", "Menyusun laporan kinerja sekretariat"],
                "schedule": months([2], 1, 7),
                "biaya": 96_800_000,
                "pelaksana": ["Subbagian Keuangan", "Subbagian Perencanaan dan Pelaporan"],
            },
            {
                "no": 3,
                "sasaran": _DPRD_B3,
                "indikator": None,
                "target": T("count", 40, "orang", "40 Org"),
                "kegiatan": ["Mengirimkan pegawai mengikuti bimbingan teknis"],
                "schedule": months([3], 5, 8),
                "biaya": 250_000_000,  # `Rp 250 Juta`
                "pelaksana": ["Subbagian Kepegawaian"],
            },
            {
                "no": None,
                "sasaran": _DPRD_B3,
                "indikator": None,
                "target": None,
                "kegiatan": ["Melaksanakan orientasi pegawai baru"],
                "schedule": {"2": [1]},
                "biaya": 15_000_000,
                "pelaksana": ["Subbagian Kepegawaian"],
            },
        ],
    },
    # Space-aligned with narrow month columns: `minggu` / `ke-1 s/d` / `4` is one cell.
    KEC: {
        0: [
            {
                "no": 1,
                "sasaran": "Meningkatnya kualitas pelayanan administrasi kependudukan",
                "indikator": None,
                "target": T("percent", 95, "%", "95%"),
                "kegiatan": ["Melaksanakan pelayanan rekomendasi administrasi kependudukan"],
                "schedule": every(ALL),
                "biaya": 45_000_000,  # `Rp.` / `45.000.000` wrapped in its column
                "pelaksana": ["Seksi Pemerintahan"],
            },
            {
                "no": 2,
                "sasaran": "Terwujudnya ketenteraman dan ketertiban umum",
                "target": T("count", 24, "kali", "24 kali"),
                "kegiatan": ["Melaksanakan patroli ketertiban umum bersama satuan polisi pamong praja"],
                "schedule": months([2], 2, 4, 6, 8, 10, 12),
                "biaya": 18_600_000,
                "pelaksana": ["Seksi Ketenteraman dan Ketertiban Umum"],
            },
            {
                "no": 3,
                "sasaran": _KEC_3,
                "target": T("count", 18, "desa", "18 desa"),
                "kegiatan": ["Memfasilitasi musyawarah perencanaan pembangunan desa"],
                "schedule": months([1, 3], 1, 2),
                "biaya": 27_250_000,
                "pelaksana": ["Seksi Pemberdayaan Masyarakat"],
            },
            {
                "no": None,
                "sasaran": _KEC_3,
                "indikator": None,
                "target": None,
                "kegiatan": ["Melaksanakan musrenbang tingkat kecamatan"],
                "schedule": {"3": [2]},
                "biaya": 35_000_000,
                "pelaksana": ["Seksi Pemberdayaan Masyarakat", "Subbagian Perencanaan dan Keuangan"],
            },
            {
                "no": 4,
                "sasaran": "Meningkatnya akuntabilitas kinerja kecamatan",
                "target": T("grade", None, None, "A"),
                "kegiatan": ["Menyusun laporan kinerja kecamatan"],
                "schedule": months([1, 2], 1, 7),
                "biaya": 9_500_000,
                "pelaksana": ["Subbagian Umum dan Kepegawaian"],
            },
        ]
    },
}


# Row.lines: first and last line of the input the row came from, counted as editors,
# `grep -n` and `sed -n` count them (only LF ends a line: CRLF is one end, and a form
# feed is a character on its line, not a line end as ``str.splitlines`` would have it).
LINES: dict[str, dict[int, list[list[int]]]] = {
    BAPPEDA: {0: [[10, 15], [16, 18], [19, 20], [21, 26], [27, 29], [30, 32]]},
    DINKES: {0: [[8, 8], [9, 9], [10, 11], [12, 12], [13, 13], [14, 15], [16, 16], [17, 17], [18, 18]]},
    # row 3 ends on page 2 (its second unit, line 16); rows 6-7 come after the form-feed line 23
    PN: {0: [[8, 8], [9, 9], [10, 16], [17, 17], [18, 18], [19, 19], [20, 20], [26, 26], [27, 28]]},
    POLRES: {0: [[10, 10], [11, 11], [12, 12], [16, 17], [18, 18], [19, 19]]},
    # line 15 starts with the form feed
    DPRD: {0: [[8, 9], [10, 10], [11, 13]], 1: [[21, 23], [24, 25], [26, 26], [27, 27]]},
    KEC: {0: [[8, 10], [11, 14], [15, 17], [18, 21], [22, 23]]},
}

for _sample, _tables in LINES.items():
    for _table, _lines in _tables.items():
        assert len(_lines) == len(ROWS[_sample][_table])
        for _facts, _span in zip(ROWS[_sample][_table], _lines, strict=True):
            _facts["lines"] = _span


def _check_field(row: dict[str, Any], field: str, expected: Any) -> None:
    if field == "target":
        target = row["target"]
        if expected is None:
            assert target is None
            return
        assert target is not None
        assert target["kind"] == expected.kind, target
        if expected.value is None:
            assert target["value"] is None, target
        else:
            assert target["value"] is not None and math.isclose(target["value"], expected.value), target
        if expected.unit is not ANY:
            assert target["unit"] == expected.unit, target
        if expected.raw is not ANY:
            assert _ws(target["raw"]) == expected.raw, target
    elif field == "biaya":
        assert row["biaya"] == expected
        if expected is not None:
            assert type(row["biaya"]) is int  # rupiah are integers, never floats
    elif field == "schedule":
        assert row["schedule"] == expected
    elif field in ("kegiatan", "pelaksana"):
        assert [_ws(item) for item in row[field]] == expected
    elif field in ("kegiatan_count", "pelaksana_count"):
        items = row[field.removesuffix("_count")]
        assert len(items) == expected, items
    elif field == "pelaksana_prefix":
        assert all(_ws(item).startswith(expected) for item in row["pelaksana"]), row["pelaksana"]
    elif field in ("sasaran", "indikator"):
        assert _ws(row[field]) == expected
    else:
        assert row[field] == expected


ROW_FACTS = [
    pytest.param(
        sample,
        table,
        index,
        field,
        expected,
        id=f"{sample.split('-')[0]}-t{table}-r{index}-{field}",
        marks=_marks(sample, f"{sample.split('-')[0]}-t{table}-r{index}-{field}"),
    )
    for sample, tables in ROWS.items()
    for table, rows in tables.items()
    for index, facts in enumerate(rows)
    for field, expected in facts.items()
]


@pytest.mark.parametrize(("sample", "table", "index", "field", "expected"), ROW_FACTS)
def test_row_fact(sample: str, table: int, index: int, field: str, expected: Any) -> None:
    tables = _doc(sample)["tables"]
    assert len(tables) > table
    rows = tables[table]["rows"]
    assert len(rows) > index, [(r["no"], r["kegiatan"][:1]) for r in rows]
    _check_field(rows[index], field, expected)


# --------------------------------------------------------------------------- warnings, corrections

# Codes that must at least appear (others may too).
WARNINGS = [
    (KPU, "schedule.extra-cells"),  # rows 1-4 of the second table have 13 cells
    (DINKES, "schedule.mark"),  # `v`
    (POLRES, "biaya.malformed"),  # `Rp. 450.000.00`
    (POLRES, "schedule.extra-cells"),  # row 2
]


@pytest.mark.parametrize(("sample", "code"), WARNINGS)
def test_warning_appears(sample: str, code: str) -> None:
    codes = [w["code"] for w in _doc(sample)["warnings"]]
    assert code in codes, codes


def _has_correction(corrections: list[dict[str, Any]], **want: str) -> bool:
    for c in corrections:
        if all(
            (value in c[key]) if key in ("from", "to") else c[key] == value for key, value in want.items()
        ):
            return True
    return False


# (sample, what a correction must match: substring of from/to, exact by)
CORRECTIONS = [
    (KPU, {"from": "MAMA", "to": "NAMA"}),  # the contract's example
    (POLRES, {"by": "pattern"}),  # letters for digits inside amounts are repaired and recorded
    (POLRES, {"from": "1.2O5.000.000", "by": "pattern"}),
]


@pytest.mark.parametrize(("sample", "want"), CORRECTIONS)
def test_correction_recorded(sample: str, want: dict[str, str]) -> None:
    corrections = _doc(sample)["corrections"]
    assert _has_correction(corrections, **want), corrections


# --------------------------------------------------------------------------- the real KPU sample

_KPU_GOAL_1 = "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas"
_KEU = "Subbagian Keuangan, Umum dan Logistik"

# (table index, row index) -> facts. Only the first table's rows, whose positions are not in doubt.
KPU_POSITIONAL = [
    (0, 0, "no", 1),
    (0, 0, "sasaran", _KPU_GOAL_1),
    (0, 0, "target", T("number", 5, None)),
    (0, 0, "schedule", {"1": [1], **months(ALL, *range(2, 13))}),
    (0, 0, "biaya", 2_953_803_000),
    (0, 0, "pelaksana", ["Semua Divisi"]),
    (0, 0, "lines", [10, 10]),
    # `Nilai Akuntabilitas Kinerja` / `B`: a row of its own (it has a target), goal repeated
    (0, 1, "no", None),
    (0, 1, "sasaran", _KPU_GOAL_1),
    (0, 1, "target", T("grade", None, None, "B")),
    (0, 2, "no", None),
    (0, 2, "schedule", every(ALL)),
    (0, 3, "no", None),
    (0, 3, "target", T("percent", 100, "%", "100%")),
    (0, 3, "schedule", every(ALL)),  # first cell holds `minggu ke 1-4` twice
    (0, 4, "no", 2),
    (0, 4, "target", T("percent", 100, "%", "100%")),
    (0, 4, "biaya", 13_718_210_000),
    (0, 4, "pelaksana_count", 3),  # four unit lines, one of them repeated
    (0, 4, "lines", [14, 17]),
]

# (table index or ANY, printed row number) -> facts; with ANY the number is unique in the file.
KPU_NUMBERED = [
    (1, 1, "target", T("count", 10, "kali", "10 kali")),
    (1, 1, "schedule", every([1])),  # 13 cells
    (1, 1, "biaya", None),
    (1, 1, "pelaksana", ["Subbagian Perencanaan, Data dan Informasi"]),
    (1, 2, "target", T("percent", 75, "%", "75%")),
    (1, 2, "schedule", every([4])),
    (1, 2, "biaya", None),
    (1, 3, "target", T("percent", 97.5, "%", "97,5%")),
    (1, 3, "schedule", every([4])),  # 13 cells
    (1, 3, "biaya", 2_619_569_000),
    (1, 3, "pelaksana", [_KEU]),  # `Sub Bagian Keuangan, Umum dan Logistik`
    (1, 3, "lines", [32, 32]),
    (ANY, 4, "target", T("percent", 90, "%", "90%")),
    (ANY, 4, "schedule", every(ALL)),
    (ANY, 4, "biaya", None),
    (ANY, 4, "pelaksana", [_KEU]),
    (ANY, 5, "biaya", 12_613_260_000),
    (ANY, 6, "target", T("count", 2, "laporan", "2 Lap")),
    (ANY, 6, "schedule", every([1])),
    (ANY, 6, "biaya", 22_451_000),
    (ANY, 6, "pelaksana", [_KEU]),
    (ANY, 6, "lines", [41, 41]),
    (ANY, 7, "target", T("count", 12, "laporan", "12 Lap")),
    (ANY, 7, "schedule", every([4])),
    (ANY, 7, "biaya", None),
    (ANY, 8, "target", T("percent", 98, "%", "98%")),
    (ANY, 8, "biaya", None),
    (ANY, 10, "target", T("percent", 87.5, "%", "87,5%")),
    (ANY, 10, "biaya", 303_853_000),
    (ANY, 11, "target", T("percent", 70, "%", "70%")),
    (ANY, 11, "biaya", None),
    (ANY, 12, "target", T("percent", 100, "%", "100,0%")),
    (ANY, 12, "schedule", every(ALL)),
    (ANY, 12, "biaya", None),  # `18` is the form's column number
    (ANY, 12, "pelaksana", [_KEU]),  # `19 Sub Bagian …`
    (ANY, 13, "target", T("count", 17, "laporan", "17 Laporan")),
    (ANY, 13, "biaya", None),
    (ANY, 13, "pelaksana_casefold", ["subbagian hukum dan sumber daya manusia"]),
    (ANY, 14, "target", T("grade", None, None, "B")),
    (ANY, 15, "biaya", 15_800_000),
    (ANY, 16, "biaya", 350_342_000),
    (ANY, 17, "biaya", 272_783_000),
    (ANY, 17, "pelaksana_count", 1),  # the same unit twice in one cell
    (ANY, 18, "biaya", 63_904_000),
    (ANY, 19, "target", T("count", 24, "kegiatan", "24 kegiatan")),
    (ANY, 19, "schedule", {}),  # `6 … 18` are the form's column numbers
    (ANY, 19, "biaya", 84_204_000),
    (ANY, 19, "lines", [62, 62]),
    (ANY, 20, "target", T("percent", 98, "%", "98%")),
    (ANY, 20, "schedule", {}),
    (ANY, 20, "biaya", None),
    (ANY, 23, "schedule", every(ALL)),  # 13 cells
    (ANY, 23, "lines", [66, 67]),  # with the unscheduled `Menyusun Laporan PPIID` line
]

# Rows without a number of their own, addressed by how far after a numbered row they come.
KPU_FOLLOWING = [
    (11, 1, "no", None),
    (11, 1, "target", T("percent", 72, "%", "72%")),
    (11, 1, "kegiatan", ["Pemeliharaan gedung dan bangunan"]),
    (11, 1, "biaya", None),
    (11, 1, "lines", [46, 46]),
    (23, 1, "no", None),  # `Menyusun Laporan PPIID` has no schedule: it is an activity of row 23
    (23, 1, "kegiatan", ["Melaksanakan kegiatan pelayanan pers"]),
    (23, 1, "schedule", {"1": [2]}),
    (23, 2, "no", None),
    (23, 2, "schedule", every(ALL)),
    (23, 3, "no", None),
    (23, 3, "schedule", every(ALL)),
]


def _kpu_numbered(table: Any, no: int) -> tuple[list[dict[str, Any]], int]:
    tables = _doc(KPU)["tables"]
    found = [
        (t["rows"], i)
        for ti, t in enumerate(tables)
        if table is ANY or ti == table
        for i, row in enumerate(t["rows"])
        if row["no"] == no
    ]
    if table is ANY:
        assert len(found) == 1, f"row {no} should be unique, found {len(found)}"
    assert found, f"no row numbered {no}"
    return found[0]


def _check_kpu(row: dict[str, Any], field: str, expected: Any) -> None:
    if field == "pelaksana_casefold":
        assert [_ws(p).casefold() for p in row["pelaksana"]] == expected
    else:
        _check_field(row, field, expected)


@pytest.mark.parametrize(("table", "index", "field", "expected"), KPU_POSITIONAL)
def test_kpu_first_table(table: int, index: int, field: str, expected: Any) -> None:
    rows = _doc(KPU)["tables"][table]["rows"]
    assert len(rows) > index
    _check_kpu(rows[index], field, expected)


@pytest.mark.parametrize(("table", "no", "field", "expected"), KPU_NUMBERED)
def test_kpu_numbered_row(table: Any, no: int, field: str, expected: Any) -> None:
    rows, index = _kpu_numbered(table, no)
    _check_kpu(rows[index], field, expected)


@pytest.mark.parametrize(("no", "offset", "field", "expected"), KPU_FOLLOWING)
def test_kpu_following_row(no: int, offset: int, field: str, expected: Any) -> None:
    rows, index = _kpu_numbered(ANY, no)
    assert len(rows) > index + offset
    _check_kpu(rows[index + offset], field, expected)


def test_kpu_continuation_rows_repeat_their_goal() -> None:
    rows, index = _kpu_numbered(ANY, 11)
    assert rows[index + 1]["sasaran"] == rows[index]["sasaran"]
    rows, index = _kpu_numbered(ANY, 23)
    for offset in (1, 2, 3):
        assert rows[index + offset]["sasaran"] == rows[index]["sasaran"]


def test_kpu_row_23_keeps_its_unnumbered_activity() -> None:
    rows, index = _kpu_numbered(ANY, 23)
    assert len(rows[index]["kegiatan"]) == 2, rows[index]["kegiatan"]
    # `Menyusun Laporan PPIID`: `PPIID` may be corrected, so only the start is checked
    assert _ws(rows[index]["kegiatan"][-1]).casefold().startswith("menyusun laporan")


# --------------------------------------------------------------------------- the corpus itself


@pytest.mark.parametrize("sample", [BAPPEDA, DINKES, PN, POLRES, DPRD, KEC])
def test_every_row_is_well_formed(sample: str) -> None:
    """Contract invariants on every row: items clean, weeks sorted in 1..5, rupiah integers."""
    for table in _doc(sample)["tables"]:
        for row in table["rows"]:
            for item in row["kegiatan"]:
                assert item == item.strip() and item[-1:] not in (".", ";", ","), item
                assert not re.match(r"^(\d+[.)]|[a-z][.)]|[-•])\s", item), item
            assert len(set(row["pelaksana"])) == len(row["pelaksana"]), row["pelaksana"]
            for month, weeks in row["schedule"].items():
                assert 1 <= int(month) <= 12
                assert weeks and weeks == sorted(set(weeks)) and all(1 <= w <= 5 for w in weeks)
            assert row["biaya"] is None or type(row["biaya"]) is int
