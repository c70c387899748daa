"""The table builder: headers, shifted cells, rows and continuation rows.

Cases grouped by origin: lines taken from the real sample, layouts of other forms,
and bugs caught.
"""

from __future__ import annotations

import pytest

from rakparse.layout.labels import column_of, is_month_heading_run, month_of, title_field_of
from rakparse.layout.tables import (
    Header,
    align_pre,
    blank_column_numbers,
    build_layout,
    is_header,
    month_slots,
    split_regions,
    split_target,
    strip_glued_number,
)
from rakparse.readers.text import read_text_bytes

WEEK = "minggu ke 1-4"


def source(text: str):  # type: ignore[no-untyped-def]
    return read_text_bytes(text.encode("utf-8"), "test.txt")


# --- labels --------------------------------------------------------------------------

HEADER_LABELS = [
    # from the sample
    ("NO.", "no"),
    ("SASARAN PROGRAM/KEGIATAN", "sasaran"),
    ("INDIKATOR KINERJA", "indikator"),
    ("TARGET", "target"),
    ("KEGIATAN YANG AMAN DILAKSANAKAN", "kegiatan"),
    ("KEGIATAN YANG AKAN DILAKUKAN", "kegiatan"),
    ("RENCANA PELAKSANAAN", "schedule"),
    ("PERKIRAAN BIAY", "biaya"),
    ("PELAKSANA", "pelaksana"),
    # other agencies' forms
    ("SASARAN STRATEGIS", "sasaran"),
    ("RENCANA AKSI", "kegiatan"),
    ("ANGGARAN (Rp)", "biaya"),
    ("PAGU ANGGARAN", "biaya"),
    ("PENANGGUNG JAWAB", "pelaksana"),
    ("JADWAL PELAKSANAAN", "schedule"),
    ("KEGlATAN", "kegiatan"),
    ("lNDIKATOR KINERJA", "indikator"),
]


@pytest.mark.parametrize(("label", "column"), HEADER_LABELS)
def test_header_labels_are_recognised(label: str, column: str) -> None:
    match = column_of(label)
    assert match is not None and match.name == column


@pytest.mark.parametrize(
    "text",
    [
        "Terwujudnya Sumber Daya Manusia",
        "minggu ke 1-4",
        "Rp. 2.953.803.000",
        "Subbagian Hukum",
        "100%",
        "NOMINAL",
    ],
)
def test_data_cells_are_not_labels(text: str) -> None:
    assert column_of(text) is None


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("NAMA/UNIT ORGANISASI", "unit"),
        ("MAMA/UNIT ORGANISASI", "unit"),
        ("UNIT KERJA", "unit"),
        ("NAMA/UNIT 0RGANISASI", "unit"),
        ("TAHUN", "year"),
        ("TAHUN ANGGARAN", "year"),
        ("Satuan Kerja", "unit"),
    ],
)
def test_title_labels(label: str, field: str) -> None:
    match = title_field_of(label)
    assert match is not None and match.name == field


@pytest.mark.parametrize(
    "tokens",
    [
        "B1 B2 B3 B4 B5 B6 B7 B8 B9 B10 B11 B12",
        "81 82 83 84 85 86 87 88 89 90 91 92",  # B read as 8 (sample, last table)
        "6 7 8 9 10 11 12 13 14 15 16 17",  # the form's column numbers (sample)
        "JAN FEB MAR APR MEI JUN JUL AGT SEP OKT NOV DES",
        "Bt B2 B3 B4 B5 B6 B7 B8 B9 B10 B11 B12",  # field notes: B1 read as Bt
    ],
)
def test_month_heading_runs(tokens: str) -> None:
    assert is_month_heading_run(tokens.split())


def test_month_names() -> None:
    assert [month_of(t) for t in ("Januari", "PEB", "Nop", "B7")] == [1, 2, 11, 7]


# --- header lines --------------------------------------------------------------------


def test_header_and_month_line_of_the_sample(sample_text: str) -> None:
    lines = sample_text.split("\n")
    header = lines[7].split("\t")
    months = lines[8].split("\t")
    assert is_header([c.strip() for c in header])
    assert month_slots([c.strip() for c in months]) == tuple(range(5, 17))


def test_a_data_line_is_not_a_header(sample_text: str) -> None:
    line = sample_text.split("\n")[9]
    assert not is_header([c.strip() for c in line.split("\t")])


# --- column numbers and glued numbers -------------------------------------------------


def test_column_numbers_read_into_a_data_line_are_blanked() -> None:
    # line 40 of the sample: "1 2 | 1 Dokumen | 5 | menyediakan … | 12 months | 18 19"
    cells = ["1", "2", "1 Dokumen", "5", "menyediakan pertanggungjawaban", *[WEEK] * 12, "18", "19"]
    blanked, numbers = blank_column_numbers(cells)
    assert numbers == ["1", "2", "5", "18", "19"]
    assert blanked[2] == "1 Dokumen" and blanked[4].startswith("menyediakan")


def test_a_real_row_number_is_kept() -> None:
    cells = [
        "1",
        "Terwujudnya tata kelola",
        "100%",
        "Menyusun laporan",
        *[WEEK] * 12,
        "Rp. 5.000.000",
        "Subbagian Umum",
    ]
    assert blank_column_numbers(cells) == (cells, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 Jumlah Laporan Reformasi", ("Jumlah Laporan Reformasi", "3")),
        ("5 melakukan perencanaan", ("melakukan perencanaan", "5")),
        ("19 Sub Bagian Keuangan", ("Sub Bagian Keuangan", "19")),
        ("98% Melaksanakan Kegiatan Desa", ("Melaksanakan Kegiatan Desa", "98%")),
        ("10 Desa Peduli Pemilu", ("10 Desa Peduli Pemilu", None)),
        ("2 kali rapat koordinasi", ("2 kali rapat koordinasi", None)),
        ("1. Menyusun laporan", ("1. Menyusun laporan", None)),
        ("2024 Pemilu serentak", ("2024 Pemilu serentak", None)),
    ],
)
def test_glued_numbers(text: str, expected: tuple[str, str | None]) -> None:
    assert strip_glued_number(text) == expected


def test_activity_spilled_into_the_target_cell() -> None:
    assert split_target("5 1. Laporan Membentuk Tim Reformasi Birokrasi") == (
        "5",
        "1. Laporan Membentuk Tim Reformasi Birokrasi",
    )
    assert split_target("97,5%") == ("97,5%", None)


# --- shifted cells ---------------------------------------------------------------------

HEADER = Header(
    line=1,
    slots=(("no", 0), ("sasaran", 1), ("target", 2), ("kegiatan", 3), ("biaya", 16), ("pelaksana", 17)),
    months=tuple(range(4, 16)),
)


def test_thirteen_schedule_cells_for_twelve_months() -> None:
    cells = ["1", "Goal", "10 kali", "Activity", *["minggu ke 1"] * 13, "Subbagian Umum", ""]
    regions = split_regions(cells, HEADER)
    assert sorted(regions.months) == list(range(1, 13))
    assert regions.post == ["Subbagian Umum", ""]
    assert regions.notices == [
        ("schedule.extra-cells", "13 schedule cells for 12 months; the last was ignored")
    ]


def test_an_extra_cell_before_the_schedule_shifts_the_months() -> None:
    cells = [
        "6",
        "Goal",
        "2 Lap",
        "2",
        "Menerima data",
        *["minggu ke 1"] * 12,
        "22.451.000",
        "Subbagian Keuangan",
    ]
    regions = split_regions(cells, HEADER)
    assert regions.pre == ["6", "Goal", "2 Lap", "2", "Menerima data"]
    assert len(regions.months) == 12 and regions.post == ["22.451.000", "Subbagian Keuangan"]


def test_eleven_schedule_cells_then_the_unit() -> None:
    cells = ["11", "Goal", "70%", "Activity", *[WEEK] * 11, "Subbagian Umum", "", ""]
    regions = split_regions(cells, HEADER)
    assert sorted(regions.months) == list(range(1, 12))
    assert regions.post[0] == "Subbagian Umum"
    assert regions.notices[0][0] == "schedule.missing-cells"


def test_a_row_without_schedule_keeps_its_cells() -> None:
    cells = ["20", "Goal", "98%", "Activity", *[""] * 12, "", "Subbagian Teknis"]
    regions = split_regions(cells, HEADER)
    assert regions.pre == ["20", "Goal", "98%", "Activity"] and regions.months == {}
    assert regions.post == ["", "Subbagian Teknis"]


def test_extra_numeric_cell_repeating_the_target_is_dropped() -> None:
    assigned, dropped = align_pre(
        ["10", "Goal", "87,5%", "87,5", "Penatausahaan BMN"], ["no", "sasaran", "target", "kegiatan"]
    )
    assert assigned == {"no": "10", "sasaran": "Goal", "target": "87,5%", "kegiatan": "Penatausahaan BMN"}
    assert dropped == ["87,5"]


def test_missing_cell_leaves_the_column_empty() -> None:
    assigned, dropped = align_pre(["", "Pemeliharaan gedung"], ["no", "sasaran", "target", "kegiatan"])
    assert assigned.get("kegiatan") == "Pemeliharaan gedung" and dropped == []


# --- rows ------------------------------------------------------------------------------

TABLE = """RENCANA AKSI KINERJA
NAMA/UNIT ORGANISASI : Dinas Contoh
TAHUN : 2024
NO.\tSASARAN\tTARGET\tKEGIATAN\tRENCANA PELAKSANAAN\t\t\t\t\t\t\t\t\t\t\t\tPERKIRAAN BIAYA\tPELAKSANA
\t\t\t\tB1\tB2\tB3\tB4\tB5\tB6\tB7\tB8\tB9\tB10\tB11\tB12\t\t
1\tMeningkatnya mutu\t90%\tMenyusun rencana\tminggu ke 1\t\t\t\t\t\t\t\t\t\t\t\tRp. 1.000.000\tSubbagian Umum
\tpelayanan publik\t\tdan anggaran\t\t\t\t\t\t\t\t\t\t\t\t\t\tBidang Anggaran
\t\t80%\tMelaksanakan monitoring\t\tminggu ke 2\t\t\t\t\t\t\t\t\t\t\t\t
2\tTersedianya data\t12 Lap\tMengumpulkan data\tv\t\t\t\t\t\t\t\t\t\t\t\t500 juta\tSeksi Data
"""


def test_rows_continuations_and_wrapped_text() -> None:
    layout = build_layout(source(TABLE))
    (table,) = layout.tables
    assert table.columns == ("no", "sasaran", "target", "kegiatan", "schedule", "biaya", "pelaksana")
    first, continuation, second = table.rows
    assert [f.text for f in first.goal.parts] == ["Meningkatnya mutu", "pelayanan publik"]
    assert [f.text for f in first.kegiatan] == ["Menyusun rencana", "dan anggaran"]
    assert [f.text for f in first.pelaksana] == ["Subbagian Umum", "Bidang Anggaran"]
    assert (first.first_line, first.last_line) == (6, 7)
    # a line with a target and a schedule of its own, but no number, is a continuation row
    assert continuation.no is None and continuation.goal is first.goal
    assert continuation.target is not None and continuation.target.text == "80%"
    assert second.no is not None and second.no.text == "2"
    assert layout.unit is not None and layout.unit.text == "Dinas Contoh"
    assert layout.year is not None and layout.year.text == "2024"


def test_repeated_header_continues_the_table_on_a_new_page() -> None:
    lines = TABLE.split("\n")
    repeated = "\n".join([*lines, "2", *lines[3:5], "3\tLanjutan\t100%\tKegiatan\tminggu ke 1", ""])
    layout = build_layout(source(repeated))
    assert len(layout.tables) == 1
    assert [row.no.text for row in layout.tables[0].rows if row.no] == ["1", "2", "3"]
    assert layout.pages == 2


def test_a_new_title_block_starts_a_new_table() -> None:
    layout = build_layout(source(TABLE + "\f\n" + TABLE))
    assert [table.page for table in layout.tables] == [1, 2]
    assert layout.pages == 2


def test_stray_line_is_dropped_with_a_warning() -> None:
    layout = build_layout(source(TABLE + "Tanda tangan pejabat\n"))
    assert [n.code for n in layout.notices if n.code == "layout.stray-line"] == ["layout.stray-line"]


def test_title_label_misread_is_recorded() -> None:
    layout = build_layout(source(TABLE.replace("NAMA/UNIT", "MAMA/UNIT")))
    (fix,) = layout.corrections
    assert (fix.line, fix.from_, fix.to, fix.score, fix.by) == (2, "MAMA", "NAMA", 75.0, "vocabulary")


SPACED = """RENCANA AKSI KINERJA
NAMA/UNIT ORGANISASI : Badan Contoh
TAHUN : 2022

NO   SASARAN              TARGET   KEGIATAN              RENCANA PELAKSANAAN                                           PELAKSANA
                                                         JAN  FEB  MAR  APR  MEI  JUN  JUL  AGT  SEP  OKT  NOV  DES
1    Meningkatnya mutu    90%      Menyusun rencana      1-4  1-4  1-4                                                 Subbagian Umum
     pelayanan                     anggaran
2    Tersedianya data     12 Lap   Mengumpulkan data                    2    2                                         Seksi Data
"""


def test_space_aligned_columns_follow_the_header_positions() -> None:
    layout = build_layout(source(SPACED))
    (table,) = layout.tables
    first, second = table.rows
    assert [f.text for f in first.goal.parts] == ["Meningkatnya mutu", "pelayanan"]
    assert sorted(first.months) == [1, 2, 3]
    assert [f.text for f in first.pelaksana] == ["Subbagian Umum"]
    assert sorted(second.months) == [4, 5]
    assert second.target is not None and second.target.text == "12 Lap"


def test_signature_block_after_the_table_is_left_out() -> None:
    footer = "\n".join(
        [
            "",
            " " * 60 + "Contoh, 2 Januari 2024",
            " " * 60 + "KEPALA DINAS CONTOH,",
            " " * 60 + "NIP. 19710512 199803 1 004",
            "",
        ]
    )
    layout = build_layout(source(SPACED + footer))
    rows = layout.tables[0].rows
    assert [f.text for f in rows[-1].pelaksana] == ["Seksi Data"]
    assert [n.code for n in layout.notices] == ["layout.footer"]


def test_title_with_aligned_colon() -> None:
    layout = build_layout(source(TABLE.replace("TAHUN : 2024", "TAHUN          : 2024")))
    assert layout.year is not None and layout.year.text == "2024"


def test_wrapped_lines_in_space_aligned_text_continue_their_item() -> None:
    rows = build_layout(source(SPACED)).tables[0].rows
    assert [(f.text, f.wraps) for f in rows[0].kegiatan] == [("Menyusun rencana", False), ("anggaran", True)]
