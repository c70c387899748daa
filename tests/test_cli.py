"""The CLI: exit codes, one-line errors, atomic output, stdin/stdout, help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "rakparse", *args], input=stdin, capture_output=True, cwd=cwd, timeout=120
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr.decode()
    assert lines[0].startswith("rakparse: error: ")
    assert "Traceback" not in result.stderr.decode()
    return lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode().startswith("rakparse 0.")


def test_convert_to_stdout_is_valid_json() -> None:
    result = run("convert", "samples/kpu-tabanan-2023.txt", "--no-fix")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "rakparse/rak/1" and data["source"]["path"] == "samples/kpu-tabanan-2023.txt"


def test_convert_from_stdin_has_no_path() -> None:
    result = run("convert", "-", "--no-fix", stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"]["path"] is None


def test_csv_format_from_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "rak.csv"
    result = run("convert", str(SAMPLE), "-o", str(out), "--no-fix")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("table,page,no,sasaran,")


def test_excel_csv_has_bom_and_semicolons(tmp_path: Path) -> None:
    result = run("convert", str(SAMPLE), "--format", "csv", "--excel", "--no-fix")
    assert result.stdout.startswith("\ufefftable;page;no;".encode())


def test_the_same_input_gives_the_same_bytes() -> None:
    first = run("convert", "samples/kpu-tabanan-2023.txt")
    second = run("convert", "samples/kpu-tabanan-2023.txt")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_strict_exits_1_on_warnings_but_writes_the_output(tmp_path: Path) -> None:
    out = tmp_path / "rak.json"
    result = run("convert", str(SAMPLE), "-o", str(out), "--strict", "--no-fix")
    assert result.returncode == 1
    assert "warnings (--strict)" in one_error_line(result)
    assert json.loads(out.read_bytes())["warnings"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary file"),
        (b"Laporan rapat\nTidak ada tabel di sini.\n", "no RAK table found"),
    ],
    ids=["empty", "binary", "no-table"],
)
def test_bad_input_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("convert", str(bad), "-o", str(out))
    assert result.returncode == 2
    line = one_error_line(result)
    assert str(bad) in line and message in line
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]  # no temporary file left behind


def test_missing_file() -> None:
    result = run("convert", "no/such/file.txt")
    assert result.returncode == 2
    assert "no/such/file.txt: no such file" in one_error_line(result)


def test_unknown_format() -> None:
    result = run("convert", str(SAMPLE), "--format", "yaml")
    assert result.returncode == 2
    assert "unknown format 'yaml'" in one_error_line(result)


def test_output_in_a_missing_folder(tmp_path: Path) -> None:
    result = run("convert", str(SAMPLE), "-o", str(tmp_path / "missing" / "out.json"), "--no-fix")
    assert result.returncode == 2
    assert "the output folder does not exist" in one_error_line(result)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("convert", str(bad), "--debug")
    assert result.returncode != 0 and b"Traceback" in result.stderr


def test_text_prints_numbered_lines() -> None:
    result = run("text", str(SAMPLE))
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[4].split(None, 1)[0] == "5"
    assert (
        lines[4].split(None, 1)[1].rstrip()
        == "NAMA/UNIT ORGANISASI : Komisi Pemilihan Umum Kabupaten Tabanan"
    )


@pytest.mark.parametrize("command", ["convert", "text"])
def test_help_teaches_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout.decode() and "rakparse " in result.stdout.decode()


def test_a_failed_write_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rakparse.write.atomic import atomic_output

    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write(b"half a docu")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_cli_import_stays_light() -> None:
    code = (
        "import sys, rakparse.cli\n"
        "heavy = [m for m in ('pandas', 'pdfplumber', 'pypdfium2', 'jsonschema', 'rapidfuzz', 'openpyxl') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={**os.environ}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_vocab_lists_entries_with_their_origin(tmp_path: Path) -> None:
    extra = tmp_path / "units.txt"
    extra.write_text("# our units\nSeksi Data Statistik\nPantarh => Pantarlih\n", encoding="utf-8")
    result = run("vocab", "--vocab", str(extra))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert any(line.startswith("Barang Milik Negara\t") for line in lines)
    assert any(line.startswith("Pantarh => Pantarlih\t") and str(extra) in line for line in lines)


def test_a_users_forced_entry_applies_and_is_recorded(tmp_path: Path) -> None:
    extra = tmp_path / "units.txt"
    extra.write_text("Pantarh => Pantarlih\n", encoding="utf-8")
    result = run("convert", str(SAMPLE), "--vocab", str(extra))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"from": "Pantarh", "to": "Pantarlih"}.items() <= next(
        c for c in data["corrections"] if c["from"] == "Pantarh"
    ).items()


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "not found"), (b"\xff\xfe\x00bad", "UTF-8"), (b"ok\nwrong =>\n", "line 2")],
    ids=["missing", "not-utf8", "malformed"],
)
def test_bad_vocab_file_exits_2_naming_it(tmp_path: Path, content: bytes | None, message: str) -> None:
    vocab = tmp_path / "vocab.txt"
    if content is not None:
        vocab.write_bytes(content)
    result = run("convert", str(SAMPLE), "--vocab", str(vocab))
    assert result.returncode == 2
    line = one_error_line(result)
    assert str(vocab) in line and message in line
