"""Item cells: several activities (``kegiatan``) or units (``pelaksana``) in one cell.

OCR flattens a cell's stacked lines into one string, so the items have to be found
again from what is left: enumerators and bullets, runs of two or more spaces (which
OCR tools put between stacked lines), sentence ends, and, for activities, the
Indonesian morphology of an activity's first word:

* a capitalised ``me-`` verb (``Menyusun``, ``Melakukan``, ``Mengelola``: ``Me``
  then ``m n l r w y`` and lower-case letters) starts a new activity once the current
  one has two words, except after a function word (``dan``, ``untuk``, ``melalui`` …,
  ``FUNCTION_WORDS``) or a word ending in ``,``; words that look like
  ``me-`` verbs but are not (``Menteri``, ``Menengah``, ``Merdeka`` …) are listed in
  ``NOT_VERBS``; ``Mei``, ``Media``, ``Meja``, ``Metode`` do not fit the pattern;
* a capitalised ``pe-…-an`` noun (``Penyusunan``, ``Pengawasan``,
  ``Pembentukan/Seleksi``) starts one when the word before it is lower-case (not a
  function word), a number, or an acronym after a lower-case word, and the current
  activity already has three words (``Menyusun laporan Pertanggungjawaban …`` and
  ``Badan Penyelenggaraan Adhoc`` stay whole).

Sentence ends are ``.`` then a space and a letter, except after ``ABBREVIATIONS``
(``cq.``, ``No.``, ``Kab.``, ``a.n.``), single-letter initials and enumerators; dots
inside a token (``simonika.vz.kpu.go.id``) are never sentence ends. Enumerators inside
the text (``2.``, ``b)``, ``(3)``) split, except after ``REFERENCE_WORDS`` (``ayat
(2)``); ``-``/``*`` bullets split only in a cell that starts with one. No split
happens inside brackets. Items lose their leading enumerator and trailing
``.``/``;``/``,`` (``strip_item``); wrapped lines (single newlines) are joined.

Units (``split_units``) split at the same gaps, enumerators and bullets, at ``;``,
``/`` and ``,`` before a unit head word, and where a head word (``UNIT_HEADS``:
``Subbagian``, ``Bagian``, ``Divisi``, ``Bidang``, ``Seksi``, ``Kepala``, ``Tim`` …)
starts mid-text, except right after another head (``Kepala Bagian``) or a function
word (``Sekretariat dan Bagian Umum``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

#: Words before a dot that do not end a sentence (compared lower-case, inner dots kept).
ABBREVIATIONS = frozenset(
    {
        "cq", "no", "nomor", "dll", "dsb", "dst", "dkk", "kab", "kota", "prov", "jl", "jln", "a.n", "an",
        "s.d", "sd", "u.p", "up", "d.a", "tbk", "h", "hj", "dr", "drs", "dra", "ir", "prof", "st", "sh",
        "se", "mm", "m.si", "m.pd", "s.sos", "s.e", "s.h", "s.pd", "s.kom", "s.ip", "hlm", "tgl", "kec",
        "kel", "ds", "pt", "cv", "bpk", "yth", "ttd", "lamp", "sdr", "rp", "vol", "jo", "kpts", "ps",
        "ayat", "psl", "pasal", "tsb", "utk", "dgn", "thn", "bln", "ket", "mis", "dlm", "spt",
    }
)  # fmt: skip

#: Capitalised words shaped like ``me-`` verbs that are not verbs.
NOT_VERBS = frozenset(
    {
        "menteri", "menengah", "merah", "merdeka", "mental", "menu", "memori", "memorandum", "melati",
        "melayu", "menara", "merek", "meranti", "merauke", "mentawai", "menado", "merapi", "merak",
        "menit", "meriam", "merpati", "mewah", "meliputi", "melalui", "menurut", "mengenai", "menuju",
        "menjelang", "mendatang", "memadai", "menyeluruh", "menyangkut", "merupakan", "meski",
        "meskipun", "melainkan", "memang", "menjadi",
    }
)  # fmt: skip

#: Words after which a capitalised word continues the phrase (``Pengelolaan dan Pengadaan``).
FUNCTION_WORDS = frozenset(
    {
        "dan", "atau", "serta", "dengan", "untuk", "bagi", "pada", "di", "ke", "dari", "oleh", "dalam",
        "atas", "tentang", "terhadap", "melalui", "kepada", "sebagai", "yang", "dan/atau", "antara",
        "secara", "sesuai", "berdasarkan", "tingkat", "para", "se", "and", "of", "the", "for", "in",
        "maupun", "hingga", "sampai", "per", "tiap", "setiap", "guna", "agar", "demi", "bersama",
    }
)  # fmt: skip

#: Words that start a unit's name in a ``pelaksana`` cell.
UNIT_HEADS = (
    r"Sub\s*-?\s*[Bb]agian|Subbag\.?|Subbagian|Sub\s*-?\s*[Bb]idang|Subbid\.?|Subbidang|Bagian|Divisi|"
    r"Bidang|Seksi|Sekretariat|Sekretaris|Kepala|Kasubbag\.?|Kasubbid\.?|Kabag\.?|Kabid\.?|Kasi\.?|"
    r"Bendahara|Tim|Kelompok\s+Kerja|Pokja|Semua|Seluruh|Ketua|Komisioner|Satuan\s+Kerja|Satker|Pejabat"
)

_ENUMERATOR = (
    r"(?:\d{1,2}[.)](?!\d)|\(\d{1,2}\)|[a-zA-Z][.)](?![A-Za-z])|\([a-zA-Z]\)|[IVX]{1,4}[.)]"
    r"|[-–—•*·▪●○◦►➢✓>]+)"
)
_LEADING = re.compile(rf"^(?:{_ENUMERATOR}\s*)+(?=\S|$)")
_BULLET = re.compile(r"(?:^|(?<=\s))[•·▪●○◦►➢]\s*")
_MID_ENUMERATOR = re.compile(r"(?<=\s)(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-z][.)]|\([a-z]\))\s+(?=[A-Za-z])")
#: Words after which ``(2)`` or ``a.`` is a reference (``Pasal 5 ayat (2)``), not an enumerator.
REFERENCE_WORDS = frozenset(
    {
        "ayat",
        "pasal",
        "huruf",
        "angka",
        "nomor",
        "no",
        "no.",
        "butir",
        "poin",
        "bab",
        "lampiran",
        "ke",
        "tahap",
    }
)
_DASH_BULLET = re.compile(r"(?<=\s)[-–—*]\s+(?=\S)")
_SENTENCE_END = re.compile(r"(?<=\S)\.\s+(?=[^\W\d_])")
_GAP = re.compile(r"[ \t\u00a0]{2,}|\s*[\n\r]\s*[\n\r]\s*|;")
_ME_VERB = re.compile(r"Me[mnlrwy][a-z]{2,}")
_PE_AN = re.compile(r"Pe[a-z]{3,}an")
_NUMBER = re.compile(r"\d[\d.,/]*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9/&-]+")


def strip_item(text: str) -> str:
    """Remove a leading enumerator and trailing ``.``/``;``/``,``; collapse whitespace.

    >>> [strip_item(t) for t in ("1. Menyusun PK.", "2) Menyusun LKJ;", "a. Rapat,", "- Rapat", "• Rapat")]
    ['Menyusun PK', 'Menyusun LKJ', 'Rapat', 'Rapat', 'Rapat']
    >>> [strip_item(t) for t in ("  Menyusun   laporan  ", "(3) Rapat", "II. Rapat", "1.000 eksemplar")]
    ['Menyusun laporan', 'Rapat', 'Rapat', '1.000 eksemplar']
    >>> strip_item("ditampalkan melalui simonika.vz.kpu.go.id.")
    'ditampalkan melalui simonika.vz.kpu.go.id'
    """
    text = " ".join(text.split())
    text = _LEADING.sub("", text, count=1)
    return text.rstrip(".;, ").strip()


def _sentences(chunk: str) -> list[str]:
    """Split at sentence ends that are not abbreviations, and at inner enumerators."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(chunk):
        word = chunk[start : match.start()].split()[-1] if chunk[start : match.start()].split() else ""
        word = word.strip("()[]\"'").lower()
        if word in ABBREVIATIONS or re.fullmatch(r"[a-z]|\d{1,2}|(?:[a-z]\.)+[a-z]", word):
            # an abbreviation, an initial, or an enumerator (``2.``, ``b.``: split below)
            continue
        pieces.append(chunk[start : match.start()])
        start = match.end()
    pieces.append(chunk[start:])
    result: list[str] = []
    for piece in pieces:
        result += _split_enumerated(piece)
    return result


def _split_enumerated(piece: str) -> list[str]:
    """``Menyusun PK 2. Menyusun LKJ`` → two, but ``Pasal 5 ayat (2) UU`` stays whole."""
    parts: list[str] = []
    start = 0
    for match in _MID_ENUMERATOR.finditer(piece):
        before = piece[: match.start()].split()
        if before and before[-1].lower() in REFERENCE_WORDS:
            continue
        parts.append(piece[start : match.start()])
        start = match.end()
    parts.append(piece[start:])
    return parts


def _starts_activity(words: list[str], index: int, segment_length: int) -> bool:
    """Whether ``words[index]`` begins a new activity (see the module docstring)."""
    word = words[index].split("/")[0].strip("\"'")
    before = words[index - 1]
    before_bare = before.strip("\"'")
    if before_bare.lower() in FUNCTION_WORDS or before.endswith((",", "/", "-", "(")):
        return False
    if _ME_VERB.fullmatch(word) and word.lower() not in NOT_VERBS:
        return segment_length >= 2
    if not _PE_AN.fullmatch(word) or segment_length < 3:
        return False
    if _NUMBER.fullmatch(before_bare) or before_bare[:1].islower():
        return True
    # ``sebagai UAKPB Penataan``: an acronym ending a lower-case phrase
    return _ACRONYM.fullmatch(before_bare) is not None and index >= 2 and words[index - 2][:1].islower()


def _morphology(piece: str) -> list[str]:
    words = piece.split()
    items: list[list[str]] = [[]]
    depth = 0
    for index, word in enumerate(words):
        if depth == 0 and index > 0 and items[-1] and _starts_activity(words, index, len(items[-1])):
            items.append([])
        items[-1].append(word)
        depth = max(0, depth + word.count("(") + word.count("[") - word.count(")") - word.count("]"))
    return [" ".join(item) for item in items]


def split_activities(text: str) -> list[str]:
    """Split a ``kegiatan`` cell into its activities, in order.

    >>> split_activities("1. Menyusun PK;  2. Menyusun LKJ.")
    ['Menyusun PK', 'Menyusun LKJ']
    >>> split_activities("Penyusunan Perencanaan Anggaran Tahapan Pemilu Menyusun rencana kebutuhan logistik "
    ...     "pemilu Pengawasan Pengelolaan dan Pengadaan Logistik Tahapan Pemilu 2024 "
    ...     "Pembentukan/Seleksi Badan Penyelenggaraan Adhoc")  # doctest: +NORMALIZE_WHITESPACE
    ['Penyusunan Perencanaan Anggaran Tahapan Pemilu', 'Menyusun rencana kebutuhan logistik pemilu',
     'Pengawasan Pengelolaan dan Pengadaan Logistik Tahapan Pemilu 2024',
     'Pembentukan/Seleksi Badan Penyelenggaraan Adhoc']

    Sentence ends split, abbreviations and dotted names do not:

    >>> split_activities("Mengirim LKJ ke Sekretaris Jenderal KPU cq. Biro Perencanaan. melakukan evaluasi")
    ['Mengirim LKJ ke Sekretaris Jenderal KPU cq. Biro Perencanaan', 'melakukan evaluasi']
    >>> split_activities("Mengunggah laporan melalui simonika.vz.kpu.go.id. Menyusun LKJ")
    ['Mengunggah laporan melalui simonika.vz.kpu.go.id', 'Menyusun LKJ']

    Runs of spaces, bullets and ``;`` separate stacked items:

    >>> split_activities("Deklarasi Kampanye Damai  Fasilitasi Alat Peraga Kampanye")
    ['Deklarasi Kampanye Damai', 'Fasilitasi Alat Peraga Kampanye']
    >>> split_activities("• Rapat koordinasi • Bimbingan teknis; Monitoring")
    ['Rapat koordinasi', 'Bimbingan teknis', 'Monitoring']
    >>> split_activities("Melaksanakan pengawasan melalui Sistem Pengendalian Intern Pemerintah (SPIP)")
    ['Melaksanakan pengawasan melalui Sistem Pengendalian Intern Pemerintah (SPIP)']
    >>> split_activities("  ")
    []
    """
    if not text.strip():
        return []
    text = text.replace("\r", "")
    chunks = _GAP.split(text)
    items: list[str] = []
    for chunk in chunks:
        chunk = " ".join(chunk.split())
        if not chunk:
            continue
        chunk = _BULLET.sub("\n", chunk)
        if _LEADING.match(chunk) and re.match(r"[-–—*]\s", chunk):
            chunk = _DASH_BULLET.sub("\n", chunk)  # a dash-bulleted list: every `` - `` is a bullet
        for line in chunk.split("\n"):
            for sentence in _sentences(line):
                for piece in _morphology(strip_item(sentence)):  # an enumerator is no word
                    item = strip_item(piece)
                    if item and re.search(r"\w", item):
                        items.append(item)
    return items


_UNIT_START = re.compile(rf"(?<![^\s/,;])(?:{UNIT_HEADS})(?![a-z])")
_CANONICAL = [
    (re.compile(r"^Kasubb?ag\b\.?", re.IGNORECASE), "Kepala Subbagian "),
    (re.compile(r"^Kasubb?id\b\.?", re.IGNORECASE), "Kepala Subbidang "),
    (re.compile(r"^Kabag\b\.?", re.IGNORECASE), "Kepala Bagian "),
    (re.compile(r"^Kabid\b\.?", re.IGNORECASE), "Kepala Bidang "),
    (re.compile(r"^Kasi\b\.?", re.IGNORECASE), "Kepala Seksi "),
    # ``Sub Bagian``, ``Sub-bagian``, ``Subbag.``, ``Subbag``, ``Subag``, ``SUB BAGIAN``
    (re.compile(r"(?<![^\s(])Sub(?:\s*-?\s*bag|ag)(?:ian)?\.?(?-i:(?![a-z]))", re.IGNORECASE), "Subbagian "),
    (re.compile(r"(?<![^\s(])Sub(?:\s*-?\s*bid|id)(?:ang)?\.?(?-i:(?![a-z]))", re.IGNORECASE), "Subbidang "),
    (re.compile(r"(?<![^\s(])Pokja\b"), "Kelompok Kerja "),
]


def canonical_unit(name: str) -> str:
    """One spelling per unit head word; the rest of the name is kept as written.

    >>> [canonical_unit(n) for n in ("Sub Bagian Keuangan", "Sub-bagian Umum", "Subbag. Hukum", "Subbag TU")]
    ['Subbagian Keuangan', 'Subbagian Umum', 'Subbagian Hukum', 'Subbagian TU']
    >>> [canonical_unit(n) for n in ("Kasubbag Umum", "Sub Bidang Data", "Subbid. Data", "Kasi Pemerintahan")]
    ['Kepala Subbagian Umum', 'Subbidang Data', 'Subbidang Data', 'Kepala Seksi Pemerintahan']
    >>> canonical_unit("  Divisi  Keuangan, Umum, Rumah Tangga, dan Logistik ")
    'Divisi Keuangan, Umum, Rumah Tangga, dan Logistik'
    >>> [canonical_unit(n) for n in ("SUB BAGIAN UMUM", "Subbag.Keuangan", "Kasubag. TU")]
    ['Subbagian UMUM', 'Subbagian Keuangan', 'Kepala Subbagian TU']
    """
    name = " ".join(name.split())
    for pattern, replacement in _CANONICAL:
        name = pattern.sub(replacement, name)
    return " ".join(name.split())


def split_units(text: str) -> list[str]:
    """Split a ``pelaksana`` cell into implementing units, canonical and listed once.

    >>> split_units("Subbagian Teknis Penyelenggaraan Pemilu  Subbagian Teknis Penyelenggaraan Pemilu")
    ['Subbagian Teknis Penyelenggaraan Pemilu']
    >>> split_units("Sub Bagian Keuangan, Umum dan Logistik Subbagian Hukum Dan Sumber Daya Manusia")
    ['Subbagian Keuangan, Umum dan Logistik', 'Subbagian Hukum Dan Sumber Daya Manusia']
    >>> split_units("Divisi Keuangan, Umum, Rumah Tangga, dan Logistik")
    ['Divisi Keuangan, Umum, Rumah Tangga, dan Logistik']
    >>> split_units("1. Kasubbag Umum 2. Bendahara Pengeluaran")
    ['Kepala Subbagian Umum', 'Bendahara Pengeluaran']
    >>> split_units("Kepala Bagian Umum")
    ['Kepala Bagian Umum']
    """
    if not text.strip():
        return []
    units: list[str] = []
    for chunk in _GAP.split(text.replace("\r", "")):
        chunk = _BULLET.sub("\n", " ".join(chunk.split()))
        for line in chunk.split("\n"):
            for piece in _split_enumerated(line):
                units += _split_at_heads(piece)
    return dedupe(u for u in (canonical_unit(strip_item(u)) for u in units) if u and re.search(r"\w", u))


def _split_at_heads(piece: str) -> list[str]:
    """``… Logistik Subbagian Hukum``, ``Subbag Umum/Subbag Keuangan`` → two units; a head
    right after another head or after ``dan`` (``Kepala Bagian``, ``Sekretariat dan Bagian
    Umum``) stays inside the name."""
    starts = [0]
    for match in _UNIT_START.finditer(piece):
        if match.start() == 0:
            continue
        before = piece[: match.start()].split()
        previous = before[-1] if before else ""
        if piece[match.start() - 1] not in "/,;":  # ``Umum/Subbag``: always a new unit
            if previous.lower() in FUNCTION_WORDS or previous.endswith(("-", "(")):
                continue
            if _UNIT_START.fullmatch(previous) or previous.lower() in ("kepala", "sub", "semua", "seluruh"):
                continue  # ``Kepala Bagian``, ``Semua Divisi``
        starts.append(match.start())
    starts.append(len(piece))
    units = (piece[a:b].strip().rstrip("/,; ") for a, b in itertools.pairwise(starts))
    return [unit for unit in units if unit]


def dedupe(items: Iterable[str]) -> list[str]:
    """Keep the first of items equal up to case and spaces, in order.

    >>> dedupe(["Subbagian Umum", "subbagian  umum", "Divisi Teknis", "SUBBAGIAN UMUM "])
    ['Subbagian Umum', 'Divisi Teknis']
    """
    seen: set[str] = set()
    result: list[str] = []
    for item in items:
        key = " ".join(item.split()).casefold()
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result
