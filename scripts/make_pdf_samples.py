"""Make the PDF samples: ``samples/rak-tabanan-text.pdf`` (a text PDF, two pages,
the table going on with its header repeated) and ``samples/rak-tabanan-scan.pdf``
(its first page scanned: 300 dpi, slightly rotated, JPEG-compressed).

The content follows the real OCR sample (KPU Kabupaten Tabanan 2023). The output is
the same bytes every run, so a changed sample is a real change.

    python scripts/make_pdf_samples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdfgen import Goal, Indicator, Layout, rak_pdf, scan_pdf  # noqa: E402

ALL_YEAR = dict.fromkeys(range(1, 13), "minggu ke 1-4")
MONTHLY_END = dict.fromkeys(range(1, 13), "minggu ke 4")

GOALS = [
    Goal(
        "1",
        "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas",
        [
            Indicator(
                "Jumlah Laporan Reformasi Birokrasi yang disusun tepat waktu",
                "5",
                ["Laporan Reformasi Birokrasi yang disusun tepat waktu"],
                {1: "minggu ke 1", **{m: "minggu ke 1-4" for m in range(2, 13)}},
                "Rp. 2.953.803.000",
                "Semua Divisi",
            ),
            Indicator(
                "Nilai Akuntabilitas Kinerja",
                "B",
                [
                    "1. Menyusun PK Tahun 2023",
                    "2. Menyusun LKJ Tahun 2022",
                    "3. Melaksanakan Evaluasi SAKIP di Lingkungan KPU Kabupaten Tabanan",
                ],
                {1: "minggu ke 1", 2: "minggu ke 1", 3: "minggu ke 4", 7: "minggu ke 1"},
                "",
                "Divisi Perencanaan Data dan Informasi",
            ),
            Indicator(
                "Laporan Keuangan KPU Kabupaten Tabanan yang akuntabel dan sesuai dengan Standar "
                "Akuntansi Pemerintah",
                "1 Laporan",
                ["Menyusun laporan keuangan semesteran dan tahunan"],
                ALL_YEAR,
                "",
                "Divisi Keuangan, Umum, Rumah Tangga, dan Logistik",
            ),
        ],
    ),
    Goal(
        "2",
        "Terwujudnya koordinasi penyelenggaraan pemilihan yang sesuai dengan Standar Pelayanan Publik",
        [
            Indicator(
                "Persentase keterbukaan informasi publik",
                "100%",
                [
                    "Penerbitan bahan informasi kepemiluan dan Pilkada.",
                    "Layanan informasi kepemiluan dan Pilkada",
                ],
                ALL_YEAR,
                "Rp. 13.718.210.000",
                "Divisi Teknis Penyelenggaraan",
            ),
        ],
    ),
    Goal(
        "3",
        "Meningkatnya tertib administrasi dan pengelolaan sumber daya manusia",
        [
            Indicator(
                "Persentase pegawai yang datanya mutakhir",
                "97,5%",
                [
                    "Melakukan monitoring dan evaluasi terhadap pelaksanaan kegiatan dan anggaran.",
                    "Menyusun matriks rencana aksi pelaksanaan kegiatan setiap bulan.",
                ],
                MONTHLY_END,
                "Rp. 2.619.569.000",
                "Subbagian Keuangan, Umum dan Logistik",
            ),
        ],
    ),
    Goal(
        "4",
        "Tersedianya data dan informasi kepegawaian",
        [
            Indicator(
                "Persentase data pegawai yang dilaporkan",
                "90%",
                ["Melaporkan data pegawai secara online melalui Aplikasi kepegawaian"],
                ALL_YEAR,
                "",
                "Subbagian Hukum dan Sumber Daya Manusia",
            ),
        ],
    ),
    Goal(
        "5",
        "Pembentukan Badan Penyelenggara Adhoc",
        [
            Indicator(
                "Jumlah PPK dan PPS yang dibentuk",
                "10 kali",
                ["Pembentukan/Seleksi Badan Penyelenggara Adhoc"],
                {m: "minggu ke 1-4" for m in range(1, 7)},
                "Rp. 12.613.260.000",
                "Subbagian Hukum dan Sumber Daya Manusia",
            ),
        ],
    ),
    Goal(
        "6",
        "Meningkatnya pembinaan perbendaharaan",
        [
            Indicator(
                "Laporan rekonsiliasi BMN",
                "2 Lap",
                [
                    "Menerima data BMN dan melakukan rekonsiliasi internal.",
                    "Melakukan rekonsiliasi ke KPKNL.",
                ],
                {6: "minggu ke 1", 12: "minggu ke 1"},
                "Rp. 22.451.000",
                "Subbagian Keuangan, Umum dan Logistik",
            ),
            Indicator(
                "Laporan realisasi anggaran",
                "12 Lap",
                ["Menyusun dan menyampaikan laporan realisasi anggaran melalui portal SIMONIKA"],
                MONTHLY_END,
                "",
                "Subbagian Keuangan, Umum dan Logistik",
            ),
        ],
    ),
    Goal(
        "7",
        "Meningkatnya Kualitas Tata Kelola Administrasi Persuratan dan Pengelolaan Arsip",
        [
            Indicator(
                "Persentase arsip yang tertata",
                "87,5%",
                ["a. Penataan Arsip statis dan dinamis", "b. Pemeliharaan sarana transportasi"],
                ALL_YEAR,
                "Rp. 303.853.000",
                "Subbagian Keuangan, Umum dan Logistik",
            ),
        ],
    ),
    Goal(
        "8",
        "Meningkatnya Penyelenggaraan SPIP",
        [
            Indicator(
                "Jumlah laporan SPIP",
                "1 Dokumen",
                ["Melaksanakan pengawasan dan pengendalian internal melalui SPIP"],
                {3: "minggu ke 2", 6: "minggu ke 2", 9: "minggu ke 2", 12: "minggu ke 2"},
                "Rp. 15.800.000",
                "Subbagian Hukum dan Sumber Daya Manusia",
            ),
        ],
    ),
]


def main() -> None:
    samples = ROOT / "samples"
    samples.mkdir(exist_ok=True)
    text = rak_pdf(samples / "rak-tabanan-text.pdf", [GOALS], Layout(font_size=7.5))
    scan = scan_pdf(
        text, dpi=300, angle=0.5, noise=0.0, seed=2023, pages=[0], keep_text_pages=False, jpeg_quality=75
    )
    (samples / "rak-tabanan-scan.pdf").write_bytes(scan)
    for name in ("rak-tabanan-text.pdf", "rak-tabanan-scan.pdf"):
        size = (samples / name).stat().st_size
        print(f"samples/{name}: {size / 1024:.0f} KB")
        assert size < 1_000_000, name


if __name__ == "__main__":
    main()
