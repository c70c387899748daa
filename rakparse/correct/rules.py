"""The thresholds and word classes of the correction rules, and small word functions
(``apply_case``, ``same_root``); each threshold says why it is what it is."""

from __future__ import annotations

import itertools
import re
from collections.abc import Container

from rapidfuzz.distance import Levenshtein

from rakparse.correct.lexicon import roots

#: a candidate scoring below this (see ``confusions.similarity``) is not applied
DEFAULT_MIN_SCORE = 75.0
#: the runner-up must rank this much worse (OCR cost units, prior included)
MARGIN = 0.6
#: how far rivals of a short word (< 7 letters) are searched (2 is safer, 1 faster)
NEAR_DISTANCE = 2
#: the OCR cost a word of four or five letters may have: short words are easy to
#: misread into other real words (`svata` → `sata`, not `satu`)
SHORT_ALLOWED = 0.7
#: the OCR cost a word of nine letters or more may have: a plain edit and a cheap one
#: (`Peseediaan`: r lost, e doubled), not two plain edits (`maturitas` is no `mayoritas`)
LONG_ALLOWED = 1.8
#: ... or this, to a common word when no other word comes near (no warning when one does)
SHORT_CLEAR = 1.0
#: a common word (Zipf): `untuk`, `kota`, `surat`
COMMON_PRIOR = 4.5
#: extra prior (Zipf units) for words of the domain vocabulary
DOMAIN_BOOST = 1.0
#: how much likelier (Zipf units: 3.5 ≈ 3000 times) a joined word must be than its two
#: pieces read as words for a split to be undone (`Bada n` → `Badan`, not `kantor an`)
JOIN_ODDS = 3.5
#: a word rarer than this (Zipf) is weak evidence of itself: more likely a piece
RARE_PRIOR = 3.0
#: from this length, the affixed forms of near words' roots are candidates too
FAMILY_MIN = 6
#: how many of the nearest listed words lend their roots
FAMILY_ROOTS_FROM = 3
#: a derived form is this much less likely (Zipf) than its root
FAMILY_DISCOUNT = 2.5
#: tokens shorter than this are never changed alone
MIN_LENGTH = 4

PASS_THROUGH = {"biaya", "schedule"}
UNIT_COLUMNS = {"pelaksana", "unit"}
STOPWORDS = {"dan", "yang", "di", "ke", "dari", "untuk", "atas", "dengan", "atau", "pada", "of", "the"}
#: the letters a digit inside a word may stand for
DIGIT_READINGS = {"0": "o", "1": "li", "5": "s", "8": "b", "2": "z", "6": "g", "9": "g"}
#: short tokens that are whole words (others of one or two letters may be split-off pieces)
SHORT_WORDS = {"di", "ke", "ya", "ia", "se", "rt", "rw"}
#: words OCR most often glues to a neighbour (`demokrasidari`)
FUNCTION_WORDS = (
    "dan",
    "di",
    "ke",
    "yang",
    "dari",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "serta",
    "atau",
    "oleh",
    "bagi",
    "sebagai",
    "tentang",
    "setiap",
    "secara",
    "melalui",
    "terhadap",
    "sesuai",
    "atas",
    "tahun",
)
#: words after which a capitalized word names a grade or a category (`terakreditasi
#: Unggul`, `kategori Sehat`, `predikat Baik`): no case slip
GRADE_WORDS = frozenset({"terakreditasi", "akreditasi", "predikat", "kategori", "peringkat", "opini"})
#: words that name a place next (`Desa Gunungsari`): the name is left as written
PLACE_WORDS = frozenset(
    {
        "desa",
        "kelurahan",
        "kecamatan",
        "kabupaten",
        "kota",
        "provinsi",
        "kampung",
        "dusun",
        "nagari",
        "gampong",
        "banjar",
    }
)
#: the function words a garbled short token between two words may be (`dn`, `yng`)
#: prepositions beyond the function words: no phrase pair outweighs them (`pemilihan
#: keoada pemilih` is `kepada`, though `Pemilihan Kepala Daerah` is a phrase)
PREPOSITIONS = frozenset({"kepada", "antara", "hingga", "sampai", "menuju", "sejak", "selama", "tanpa"})
SLOT_WORDS = frozenset(
    {"dan", "yang", "di", "ke", "dari", "pada", "untuk", "dengan", "atau", "serta", "oleh", "bagi"}
)
#: capitals Tesseract reads for the lower-case letter they resemble on small type
LOOKALIKE_CAPITALS = frozenset("CIKOSUVWXYZ")
#: glyphs so thin that OCR may read one twice (`PPIID`)
THIN_GLYPHS = frozenset("Il1|!")
#: a word this frequent (rank) competes with them
COMMON_SLOT = 5000
#: words plan tables write before a number, by the numbers' lengths they come before:
#: `tahun` before a year, `nomor` before a regulation's or a letter's number
NUMBER_WORDS = {"tahun": range(4, 5), "nomor": range(1, 5)}
#: how far (OCR cost) a word before such a number may be from the word, and a rare or
#: unknown one (`tatum 2024`, `Norsor 8`)
NUMBER_WORD_NEAR = 1.0
NUMBER_WORD_NEAR_RARE = 1.8
#: the years a plan writes after `tahun`: a number there outside them is misread
YEARS = range(1945, 2051)
#: a lower-case word rarer than this (Zipf) between two capitalized words of a title may
#: be a misread `dan` (`Umum don Perencanaan`)
RARE_TITLE_WORD = 4.5
#: a three-letter word this frequent (rank) is a word of its own, not a split-off piece
COMMON_SHORT = 500
#: a four-letter word this frequent (rank) may be split off a glued function word
COMMON_FOUR = 5000
#: a listed word KBBI does not know (a name, a foreign word) is offered as a correction
#: only if it is this frequent (rank): `Jawa`, `internet`, `Desember`, not `credit`
NON_KBBI_RANK = 5000
#: a glued token this near (OCR cost) a listed word is not split: it is that word misread
ONE_WORD_NEAR = 2.0
#: a general word (not the vocabulary's) this far (OCR cost) from the token replaces it
#: only if the document writes it too
CONFIRM_FROM = 1.0
CONFIRM_SHORTER_THAN = 10
#: how far (OCR cost) a word with a clear nearest may be from it when the document
#: writes that word elsewhere
CONTEXT_ALLOWED = 1.0
#: a real word this frequent (rank) is never taken by the word pairs for a misread one
PAIRS_KEEP_RANK = 1000
#: ... and it is taken for a commoner word at most this far (OCR cost)
PAIRS_REAL_ALLOWED = 1.0
#: ... or, for a token this long, two plain edits (`kulinehz` → `kuliner`)
CONTEXT_LONG_FROM = 8
CONTEXT_ALLOWED_LONG = 2.0
#: ... and, when it leads its rivals by this much (less than a clear margin), the
#: document writes none of them
TIE_LEAD = 0.3
#: ... and in a nearer tie, the document writes the leader this often and none of them
TIE_TIMES = 2
#: a word neither list knows that the document writes this often, exactly so, is the
#: writer's (a name or a term, `kalurahan`), unless the change is a known confusion
#: (`ganun` for `qanun`: Tesseract repeats those) or the document writes the change
REPEATED_KEEP = 3
#: ... a change cheaper than this being a known confusion (`ganun` → `qanun` costs 0.5)
REPEATED_PLAIN = 0.8
#: verbs start so (`memperoleh`, `berbasis`, `dievaluasi`): lower case inside a cell
VERB_PREFIXES = ("me", "ber", "di")
#: a derivation from a KBBI root this long is surely a word (`penambalan`: tambal);
#: from a shorter root (`pengebangan`: bang) it may be a misread of a listed word
SURE_ROOT = 5
#: ... and from a KBBI root this long it is never swapped for a listed word, not even
#: one cheap slip away (`pemadanan`, from `padanan`, is no misread `pemadaman`)
KEPT_ROOT = 6
#: an affixed form of a word in use this long is in use too (`berkualifikasi`)
LONG_ROOT = 7
#: a glued short word (3-4 letters) must be this common, its long partner this long
COMMON_PIECE = 3000
LONG_PIECE = 5
NAME_PIECE = 8
#: a glued pair cut anywhere (not at a case change or function word) keeps one piece
#: of this length intact
ANY_CUT_PIECE = 5
#: ... in a token of this length at least, when no near word fits it
ANY_CUT_TOKEN = 10
#: words that stand apart even when their concatenation is a word (`ke luar`, `di bawah`)
JOIN_KEEP = frozenset(FUNCTION_WORDS) | SHORT_WORDS | STOPWORDS | {"per", "para", "sang", "si"}
#: words a phrase pair never replaces nor puts in place (see ``_pair_instead``)
NEVER_PAIRED = JOIN_KEEP | PREPOSITIONS
#: function words a garbled token may be, instead of a phrase's word
NEAR_FUNCTION = ("dan", "yang", "dari", "dengan", "untuk", "pada", "dalam", "serta", "atau", "oleh", "bagi")
#: pieces a word valid only by affix rules may be joined from (`ter laksana`, `kinerja nya`)
PREFIX_PIECES = frozenset(
    {
        "ter",
        "ber",
        "per",
        "di",
        "ke",
        "se",
        "pe",
        "me",
        "men",
        "mem",
        "meng",
        "meny",
        "pen",
        "pem",
        "peng",
        "peny",
    }
)
#: ... of them, those that are never a word of their own in a plan (`per`, `di`, `ke`,
#: `se` are)
BOUND_PREFIXES = PREFIX_PIECES - {"per", "di", "ke", "se"}
#: prefixes that are words too (`di sekolah`): joined only onto a word (`di laksanakan`)
PREPOSITION_PREFIXES = frozenset({"di", "ke", "se"})
SUFFIX_PIECES = frozenset({"nya", "kan", "lah", "an", "i"})
#: a particle or suffix OCR splits off (`Terkendali nya`): the join pass must look
JOIN_SUFFIXES = frozenset({"nya", "kan", "lah"})
#: suffixes that, split off a word, are no word of their own
SPLIT_SUFFIXES = frozenset({"an", "kan", "nya"})
#: multi-character confusions sure enough to undo on their own (observed, true)
STRONG_MULTI = (("rn", "m"), ("li", "h"), ("cl", "d"), ("vv", "w"))
TOKEN_RE = re.compile(r"[^\W_]+")
ACRONYM_GLUED = re.compile(r"([A-Z]{2,})([a-z]{2,})")
URL_RE = re.compile(r"\S*(?:://|www\.|@|\.go\.id|\.co\.id|\.com\b|\.org\b|\.net\b)\S*", re.IGNORECASE)
HAS_DIGIT = re.compile(r"\d")
LOWER_RUN = re.compile(r"[^\W\d_A-Z]+")
#: two words coordinated (`X dan Y`); overlapping, so `A dan B dan C` yields both pairs
COORDINATED = re.compile(r"(?=\b([^\W\d_]{4,})\s+(dan|atau|serta)\s+([^\W\d_]{4,})\b)", re.IGNORECASE)


def digit_readings(folded: str) -> set[str]:
    """Every way to read the digits of ``folded`` as letters (``pantarl1h`` → ``pantarllh``,
    ``pantarlih``)."""
    choices = (DIGIT_READINGS.get(ch, ch) for ch in folded)
    return {"".join(letters) for letters in itertools.product(*choices)}


def apply_case(original: str, word: str, *, camel: bool = False) -> str:
    """Spell ``word`` in the case pattern of ``original``; with ``camel`` (a word that
    may be written so: a brand, a foreign name), its inner capitals too.

    >>> apply_case("MAMA", "nama"), apply_case("Damal", "damai"), apply_case("liping", "Kliping")
    ('NAMA', 'Damai', 'kliping')
    >>> apply_case("lkjlp", "LKjIP"), apply_case("UNESCOt", "unesco")
    ('LKjIP', 'UNESCO')
    """
    if len(original) > 1 and (original.isupper() or (original[0] == "l" and original[1:].isupper())):
        return word.upper()  # `lNSPEKTORAT`: an I read as l starts a word in capitals
    if any(ch.isupper() for ch in word[1:]):  # an acronym's own spelling: LKjIP, e-Rekon
        return word
    if (
        len(original) >= 4
        and sum(ch.islower() for ch in original) == 1
        and sum(ch.isupper() for ch in original) == len(original) - 1
    ):
        return word.upper()  # capitals with one stray small letter (`UNESCOt`)
    if original[:1] and not original[:1].isalpha():  # `8arang`: the first letter's case is unknown
        return word
    inner = original[1:]
    capitals = sum(ch.isupper() and ch != "I" for ch in inner)  # an inner I is an l misread (`meloIui`)
    if camel and word.islower() and 0 < capitals < sum(ch.islower() for ch in inner):
        return _inner_capitals(original, word)  # a brand's camel case (`WhatsApp`)
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def _inner_capitals(original: str, word: str) -> str:
    """``word`` with the capitals of ``original`` where their letters align: a brand
    written in camel case keeps it (``WhaatsApp`` → ``WhatsApp``).

    >>> _inner_capitals("WhaatsApp", "whatsapp"), _inner_capitals("YouTubbe", "youtube")
    ('WhatsApp', 'YouTube')
    """
    letters = list(word)
    for op in Levenshtein.opcodes(original.lower(), word):
        if op.tag in ("equal", "replace") and op.src_end - op.src_start == op.dest_end - op.dest_start:
            for offset in range(op.src_end - op.src_start):
                if original[op.src_start + offset].isupper() and original[op.src_start + offset] != "I":
                    letters[op.dest_start + offset] = letters[op.dest_start + offset].upper()
    return "".join(letters)


def same_root(a: str, b: str, words: Container[str] | None = None) -> bool:
    """Are ``a`` and ``b`` two affixed forms of one word (only the affixes differ)?
    With ``words``, the shared root must be one of them: ``perrsentase`` and
    ``persentase`` share only the non-word ``rsentase``, a doubled letter's artefact.

    >>> same_root("penggarap", "menggarap"), same_root("penyebarluasan", "menyebarluaskan")
    (True, True)
    >>> same_root("keangan", "keuangan"), same_root("penyusuan", "penyusunan")
    (False, False)
    >>> same_root("perrsentase", "persentase"), same_root("perrsentase", "persentase", {"garap"})
    (True, False)
    """
    shared = (roots(a) | {a}) & (roots(b) | {b})
    return any(len(root) >= 4 and (words is None or root in words) for root in shared)
