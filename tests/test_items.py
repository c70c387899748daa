"""Activity and unit cells → items: case tables by origin, then properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rakparse.fields.items import canonical_unit, dedupe, split_activities, split_units, strip_item

# kegiatan cells of samples/kpu-tabanan-2023.txt and the activities they hold.
FROM_SAMPLE = [
    (
        "Penyusunan Perencanaan Anggaran Tahapan Pemilu Menyusun rencana kebutuhan logistik pemilu "
        "Pengawasan Pengelolaan dan Pengadaan Logistik Tahapan Pemilu 2024 "
        "Pembentukan/Seleksi Badan Penyelenggaraan Adhoc",
        [
            "Penyusunan Perencanaan Anggaran Tahapan Pemilu",
            "Menyusun rencana kebutuhan logistik pemilu",
            "Pengawasan Pengelolaan dan Pengadaan Logistik Tahapan Pemilu 2024",
            "Pembentukan/Seleksi Badan Penyelenggaraan Adhoc",
        ],
    ),
    (
        "Menyusun PK Tahun 2023 Menyusun LMJ tahun 2022 Menempatkan LQ dan PK kepada Ketua KPU dan "
        "Sekretaris Jenderal KPU cq. Biro Perencanaan dan Data melalui KPU Provinsi. Melaksanakan "
        "Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) di Lingkungan KPU Kabupaten "
        "Tabanan. Menyusun laporan Pertanggungjawaban Penggunaan Anggaran Tahun 2023",
        [
            "Menyusun PK Tahun 2023",
            "Menyusun LMJ tahun 2022",
            "Menempatkan LQ dan PK kepada Ketua KPU dan Sekretaris Jenderal KPU cq. Biro Perencanaan "
            "dan Data melalui KPU Provinsi",
            "Melaksanakan Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) di "
            "Lingkungan KPU Kabupaten Tabanan",
            "Menyusun laporan Pertanggungjawaban Penggunaan Anggaran Tahun 2023",
        ],
    ),
    (
        "melakukan monitoring dan evaluasi terhadap pelaksanaan kegiatan dan anggaran. menyusun matriks "
        "rencana aksi pelaksanaan kegiatan setiap bulan berdasarkan DIPA dan TOR. menentukan output dari "
        "triwulan I sampai dengan triwulan IV Menyusun PK Tahun 2023 Melakukan evaluasi PK Tahun 2023 "
        "Menyusun LKJ Tahun 2022",
        [
            "melakukan monitoring dan evaluasi terhadap pelaksanaan kegiatan dan anggaran",
            "menyusun matriks rencana aksi pelaksanaan kegiatan setiap bulan berdasarkan DIPA dan TOR",
            "menentukan output dari triwulan I sampai dengan triwulan IV",
            "Menyusun PK Tahun 2023",
            "Melakukan evaluasi PK Tahun 2023",
            "Menyusun LKJ Tahun 2022",
        ],
    ),
    (
        "Menerima data BMN dan melakukan rekonsiliasi internal antara laporan keuangan dengan laporan "
        "barang. Meneliti transaksi dan melakukan analisa neraca. Melakukan rekonsiliasi dengan "
        "mengupload data ke portal e-REKON. Menyusun laporan keuangan per periode laporan dan "
        "menyampaikan data cadangan Asap Data Komputer (ADK) ke tingkat wilayah dan Kabupaten/Lembaga.",
        [
            "Menerima data BMN dan melakukan rekonsiliasi internal antara laporan keuangan dengan laporan "
            "barang",
            "Meneliti transaksi dan melakukan analisa neraca",
            "Melakukan rekonsiliasi dengan mengupload data ke portal e-REKON",
            "Menyusun laporan keuangan per periode laporan dan menyampaikan data cadangan Asap Data "
            "Komputer (ADK) ke tingkat wilayah dan Kabupaten/Lembaga",
        ],
    ),
    (
        "Menyusun dan menyampaikan laporan realisasi anggaran melalui portal SIMONIKA sesuai dengan "
        "Keputusan Komisi Pemilihan Umum Nomor 124/Kpts/KPU/Tahun 2016 tentang Pedoman Teknis "
        "Pelaksanaan Anggaran dan ditampalkan melalui simonika.vz.kpu.go.id.",
        [
            "Menyusun dan menyampaikan laporan realisasi anggaran melalui portal SIMONIKA sesuai dengan "
            "Keputusan Komisi Pemilihan Umum Nomor 124/Kpts/KPU/Tahun 2016 tentang Pedoman Teknis "
            "Pelaksanaan Anggaran dan ditampalkan melalui simonika.vz.kpu.go.id"
        ],
    ),
    (
        "Melakukan koordinasi dan konsultasi dengan KPU atau KPU Provinsi. Penyusunan Perencanaan (RKBMN)",
        [
            "Melakukan koordinasi dan konsultasi dengan KPU atau KPU Provinsi",
            "Penyusunan Perencanaan (RKBMN)",
        ],
    ),
    (
        "Penetapan Status Pengurusan BMN (PSP BMN). Melakukan rekonsiliasi ke Kantor Pelayanan Kekayaan "
        "Negara dan Lelang (KPKNL) dan tingkat provinsi. Menyusun Laporan BMN Sekretariat KPU Kabupaten "
        "sebagai UAKPB Penataan Arsip statis dan dinamis Menjalan kerjasama dengan Badan Arsip dan "
        "Perpustakaan Daerah. Pemeliharaan sarana transportasi",
        [
            "Penetapan Status Pengurusan BMN (PSP BMN)",
            "Melakukan rekonsiliasi ke Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL) dan tingkat provinsi",
            "Menyusun Laporan BMN Sekretariat KPU Kabupaten sebagai UAKPB",
            "Penataan Arsip statis dan dinamis",
            "Menjalan kerjasama dengan Badan Arsip dan Perpustakaan Daerah",
            "Pemeliharaan sarana transportasi",
        ],
    ),
    (
        "menyajikan informasi produk hukum secara cepat, tepat, dan akurat sesuai dengan SOP  Pengecekan JDH  "
        "Penyusunan Perencanaan Anggaran Tahapan Pemilu",
        [
            "menyajikan informasi produk hukum secara cepat, tepat, dan akurat sesuai dengan SOP",
            "Pengecekan JDH",
            "Penyusunan Perencanaan Anggaran Tahapan Pemilu",
        ],
    ),
    (
        "Deklarasi Kampanye Damal  Fasilitasi Aaii Peraga Kampanye",
        ["Deklarasi Kampanye Damal", "Fasilitasi Aaii Peraga Kampanye"],
    ),
    (
        "1. Laporan Reformasi Birokrasi yang disusun tepat waktu",
        ["Laporan Reformasi Birokrasi yang disusun tepat waktu"],
    ),
    (
        "Melaksanakan pengawasan dan pengendalian internal melalui Sistem Pengendalian Inter Pemerintah (SPIP)",
        [
            "Melaksanakan pengawasan dan pengendalian internal melalui Sistem Pengendalian Inter Pemerintah (SPIP)"
        ],
    ),
    (
        "Sosialisasi Kebijakan KPU Kepada Stakeholder (Partai Politik, LSM, Ormas, Pemerintah Daerah, "
        "Perguruan Tinggi dan Masyarakat)",
        [
            "Sosialisasi Kebijakan KPU Kepada Stakeholder (Partai Politik, LSM, Ormas, Pemerintah Daerah, "
            "Perguruan Tinggi dan Masyarakat)"
        ],
    ),
    ("Pemeliharaan gedung dan bangunan", ["Pemeliharaan gedung dan bangunan"]),
]

# Notations from the contract and other agencies' forms.
ENUMERATED = [
    ("1. Menyusun PK 2. Menyusun LKJ", ["Menyusun PK", "Menyusun LKJ"]),
    ("1) Rapat koordinasi 2) Bimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("(1) Rapat koordinasi (2) Bimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("a. Rapat koordinasi; b. Bimbingan teknis;", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("- Rapat koordinasi - Bimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("• Rapat koordinasi • Bimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("* Rapat koordinasi * Bimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("Rapat koordinasi\n\nBimbingan teknis", ["Rapat koordinasi", "Bimbingan teknis"]),
    ("Rapat koordinasi\nlanjutan", ["Rapat koordinasi lanjutan"]),  # a wrapped line is not an item
    ("Rapat koordinasi,", ["Rapat koordinasi"]),
    ("Rapat koordinasi.", ["Rapat koordinasi"]),
    ("Rapat   koordinasi", ["Rapat", "koordinasi"]),  # a run of spaces is an item boundary
    ("Menyusun PK 2. Menyusun LKJ", ["Menyusun PK", "Menyusun LKJ"]),
    # the enumerator does not count as the activity's first word
    ("1. Laporan Membentuk Tim", ["Laporan Membentuk Tim"]),
    ("output triwulan IV. menyusun laporan", ["output triwulan IV", "menyusun laporan"]),
]

KEEP_WHOLE = [
    "Rapat koordinasi dengan Kab. Tabanan dan Prov. Bali",
    "Surat No. 12 tentang pedoman",
    "Pengadaan ATK, kertas, tinta dll. untuk kantor",
    "Rapat s.d. akhir tahun",
    "Surat a.n. Sekretaris KPU",
    "Audiensi dengan H. Ahmad dan Dr. Budi",
    "Pengadaan oleh PT. Telkom Tbk. Jakarta",
    "Sistem Pengendalian Intern Pemerintah",
    "Badan Penyelenggaraan Adhoc",
    "Pengawasan Pengelolaan dan Pengadaan Logistik",
    "Rapat dengan Menteri Dalam Negeri",
    "Sosialisasi di Sekolah Menengah Atas",
    "Pelaporan pada bulan Mei",
    "Publikasi melalui Media sosial",
    "Penyusunan Metode kerja",
    "Pengadaan Meja kantor",
    "Rapat di Medan",
    "Laporan melalui laman kpu.go.id",
    "Menyusun laporan Pertanggungjawaban Bendahara",
    "Rapat koordinasi dan Melakukan evaluasi",
    "Rencana Aksi tahun 2023 sesuai kebutuhan",
    "Pelaksanaan Pasal 5 ayat (2) Undang-Undang Pemilu",
    "Menyusun Rencana Kerja Melalui Aplikasi KRISNA",
]


@pytest.mark.parametrize(("text", "items"), FROM_SAMPLE + ENUMERATED)
def test_split_activities(text: str, items: list[str]) -> None:
    assert split_activities(text) == items


@pytest.mark.parametrize("text", KEEP_WHOLE)
def test_abbreviations_non_verbs_and_compounds_stay_whole(text: str) -> None:
    assert split_activities(text) == [text]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Menyusun laporan keuangan Menyampaikan laporan",
            ["Menyusun laporan keuangan", "Menyampaikan laporan"],
        ),
        ("Menyusun LKJ Mengirim LKJ", ["Menyusun LKJ", "Mengirim LKJ"]),
        ("Rapat koordinasi bulanan Melaksanakan bimtek", ["Rapat koordinasi bulanan", "Melaksanakan bimtek"]),
        (
            "Rapat internal setiap bulan Pelaporan hasil rapat",
            ["Rapat internal setiap bulan", "Pelaporan hasil rapat"],
        ),
        ("Rapat koordinasi ke-3 Penyusunan laporan", ["Rapat koordinasi ke-3", "Penyusunan laporan"]),
    ],
)
def test_morphology_starts_new_activities(text: str, items: list[str]) -> None:
    assert split_activities(text) == items


@pytest.mark.parametrize("text", ["", " ", "\n", "-", "1.", "•"])
def test_empty_activity_cell(text: str) -> None:
    assert split_activities(text) == []


# pelaksana cells.
UNITS = [
    ("Semua Divisi", ["Semua Divisi"]),
    ("Divisi Perencanaan Data dan Informasi", ["Divisi Perencanaan Data dan Informasi"]),
    (
        "Divisi Keuangan, Umum, Rumah Tangga, dan Logistik",
        ["Divisi Keuangan, Umum, Rumah Tangga, dan Logistik"],
    ),
    ("Sub Bagian Keuangan, Umum dan Logistik", ["Subbagian Keuangan, Umum dan Logistik"]),
    (
        "Subbagian Tahap Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat  "
        "Subbagian Tahap Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat",
        ["Subbagian Tahap Penyelenggaraan Pemilu, Partisipasi Dan Hubungan Masyarakat"],
    ),
    (
        "Divisi Perencanaan Data dan Informasi Divisi Keuangan, Umum, Rumah Tangga, dan Logistik",
        ["Divisi Perencanaan Data dan Informasi", "Divisi Keuangan, Umum, Rumah Tangga, dan Logistik"],
    ),
    (
        "Sub Bagian Keuangan, Umum dan Logistik Subbagian Hukum Dan Sumber Daya Manusia",
        ["Subbagian Keuangan, Umum dan Logistik", "Subbagian Hukum Dan Sumber Daya Manusia"],
    ),
    ("Sub Bagian Umum  Subbagian Umum", ["Subbagian Umum"]),
    ("1. Kasubbag Umum 2. Bendahara Pengeluaran", ["Kepala Subbagian Umum", "Bendahara Pengeluaran"]),
    ("• Subbag. Program • Subbag. Hukum", ["Subbagian Program", "Subbagian Hukum"]),
    ("Kepala Bagian Umum", ["Kepala Bagian Umum"]),
    ("Ketua Tim Kerja", ["Ketua Tim Kerja"]),
    ("Sekretariat dan Bagian Umum", ["Sekretariat dan Bagian Umum"]),
    ("Bidang Perencanaan; Bidang Keuangan", ["Bidang Perencanaan", "Bidang Keuangan"]),
    ("Subbagian Umum Kelompok Kerja Pengadaan", ["Subbagian Umum", "Kelompok Kerja Pengadaan"]),
    ("Subbag Umum/Subbag Keuangan", ["Subbagian Umum", "Subbagian Keuangan"]),
    ("Bagian Umum, Bagian Keuangan", ["Bagian Umum", "Bagian Keuangan"]),
    ("Subbagian Umum, Kepala Seksi Data", ["Subbagian Umum", "Kepala Seksi Data"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "units"), UNITS)
def test_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Sub Bagian Keuangan", "Subbagian Keuangan"),
        ("Sub-bagian Keuangan", "Subbagian Keuangan"),
        ("Sub-Bagian Keuangan", "Subbagian Keuangan"),
        ("Sub bagian Keuangan", "Subbagian Keuangan"),
        ("Subbag. Keuangan", "Subbagian Keuangan"),
        ("Subbag Keuangan", "Subbagian Keuangan"),
        ("Subbagian Keuangan", "Subbagian Keuangan"),
        ("Kasubbag Keuangan", "Kepala Subbagian Keuangan"),
        ("Kasubbag. Keuangan", "Kepala Subbagian Keuangan"),
        ("Sub Bidang Data", "Subbidang Data"),
        ("Subbid Data", "Subbidang Data"),
        ("Kasubbid Data", "Kepala Subbidang Data"),
        ("Kasi Pemerintahan", "Kepala Seksi Pemerintahan"),
        ("Kabag Umum", "Kepala Bagian Umum"),
        ("Kabid Data", "Kepala Bidang Data"),
        ("Pokja Pengadaan", "Kelompok Kerja Pengadaan"),
        ("SUB BAGIAN UMUM", "Subbagian UMUM"),
        ("Subbag.Keuangan", "Subbagian Keuangan"),
        ("Subag Keuangan", "Subbagian Keuangan"),
        ("Kasubag. TU", "Kepala Subbagian TU"),
        ("Bagian Subsidi", "Bagian Subsidi"),
        ("Kasih Ibu", "Kasih Ibu"),
        ("  Divisi   Teknis ", "Divisi Teknis"),
        ("Subbagian Hukum Dan Sumber Daya Manusia", "Subbagian Hukum Dan Sumber Daya Manusia"),
    ],
)
def test_canonical_unit(name: str, canonical: str) -> None:
    assert canonical_unit(name) == canonical
    assert canonical_unit(canonical) == canonical  # idempotent


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("1. Rapat", "Rapat"),
        ("12) Rapat", "Rapat"),
        ("(3) Rapat", "Rapat"),
        ("a. Rapat", "Rapat"),
        ("b) Rapat", "Rapat"),
        ("II. Rapat", "Rapat"),
        ("- Rapat", "Rapat"),
        ("– Rapat", "Rapat"),
        ("• Rapat", "Rapat"),
        ("* Rapat", "Rapat"),
        ("Rapat.", "Rapat"),
        ("Rapat;", "Rapat"),
        ("Rapat,", "Rapat"),
        ("Rapat .;,", "Rapat"),
        ("  Rapat \n koordinasi  ", "Rapat koordinasi"),
        ("2024 Pemilu", "2024 Pemilu"),
        ("1.000 eksemplar", "1.000 eksemplar"),
        ("Rapat (SPIP)", "Rapat (SPIP)"),
        ("", ""),
    ],
)
def test_strip_item(text: str, stripped: str) -> None:
    assert strip_item(text) == stripped


def test_dedupe_first_wins_ignoring_case_and_spaces() -> None:
    assert dedupe(["Subbagian Umum", "subbagian  umum", "Divisi Teknis", " SUBBAGIAN UMUM"]) == [
        "Subbagian Umum",
        "Divisi Teknis",
    ]
    assert dedupe([]) == []


KNOWN_BAD = [
    # Two activities whose second starts with a noun that is neither a me- verb nor pe-…-an.
    pytest.param(
        "Penerbitan bahan informasi dan liping kepemiluan dan Pilkada Layanan informasi kepemiluan dan Pilkada",
        [
            "Penerbitan bahan informasi dan liping kepemiluan dan Pilkada",
            "Layanan informasi kepemiluan dan Pilkada",
        ],
        id="noun-start",
    ),
    # Lower-case verbs after lower-case text, no punctuation: no signal left.
    pytest.param(
        "melakukan pemantauan setiap Triwulan melaporkan progres penyelesaian",
        ["melakukan pemantauan setiap Triwulan", "melaporkan progres penyelesaian"],
        id="lower-case-verb",
    ),
]


@pytest.mark.xfail(strict=True, reason="known limitation")
@pytest.mark.parametrize(("text", "items"), KNOWN_BAD)
def test_known_bad(text: str, items: list[str]) -> None:
    assert split_activities(text) == items


words = st.sampled_from(
    ["Menyusun", "laporan", "Penyusunan", "Anggaran", "dan", "2023", "cq.", "KPU", "1.", "a.", "-", "•", ";"]
)


@settings(max_examples=200)
@given(st.lists(words, max_size=15).map(" ".join))
def test_items_are_clean(text: str) -> None:
    for item in split_activities(text):
        assert item == " ".join(item.split())
        assert item and not item.endswith((".", ";", ","))
        assert strip_item(item) == item


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    for item in split_activities(text):
        assert item.strip() == item and item
    units = split_units(text)
    assert len(units) == len(dedupe(units))
    canonical_unit(text)
    strip_item(text)
