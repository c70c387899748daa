"""The default corrector kept between processes (``snapshot``): read back, it corrects
as the one built; it is never read for other data or code; a bad one is rebuilt."""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rakparse.correct import snapshot
from rakparse.correct.engine import Corrector
from rakparse.correct.lexicon import load_lexicon
from rakparse.correct.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import correction_eval  # noqa: E402


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("RAKPARSE_CACHE_DIR", str(folder))
    monkeypatch.delenv("RAKPARSE_NO_CACHE", raising=False)
    return folder


def built() -> Corrector:
    corrector = Corrector(load_vocabulary(), load_lexicon())
    corrector.build_all()
    return corrector


def test_a_corrector_read_back_corrects_as_the_one_built(cache: Path) -> None:
    folder = snapshot.writable()
    assert folder == cache and folder.is_dir()
    snapshot.save(built(), folder)
    assert [path.name.startswith("corrector-") for path in cache.iterdir()] == [True]
    restored = snapshot.load(Corrector)
    assert restored is not None
    fresh = Corrector(load_vocabulary(), load_lexicon())
    documents = correction_eval.load_documents(correction_eval.TENTH_DIR)
    noisy = correction_eval.correct_documents(documents, 0.03, random.Random(1), fresh, True)
    again = correction_eval.correct_documents(documents, 0.03, random.Random(1), restored, True)
    assert len(noisy) > 300
    assert [(f.text, f.corrections, f.warnings) for *_, f in noisy] == [
        (f.text, f.corrections, f.warnings) for *_, f in again
    ]
    assert sum(len(f.corrections) for *_, f in again) > 100


def test_the_snapshot_is_named_by_the_data_and_code_it_was_built_from(tmp_path: Path) -> None:
    package = tmp_path / "rakparse"
    for folder in ("data", "correct"):
        shutil.copytree(
            ROOT / "rakparse" / folder, package / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    key = snapshot.fingerprint(package)
    assert key is not None and key == snapshot.fingerprint(ROOT / "rakparse")
    terms = package / "data" / "vocabulary" / "terms.txt"
    terms.write_text(terms.read_text(encoding="utf-8") + "SIPEDAS\n", encoding="utf-8")
    assert snapshot.fingerprint(package) != key
    shutil.rmtree(package / "correct")
    assert snapshot.fingerprint(package) is None  # nothing is kept for what cannot be read


def test_a_snapshot_that_cannot_be_read_is_ignored(cache: Path) -> None:
    folder = snapshot.writable()
    assert folder is not None
    path = folder / f"corrector-{snapshot.fingerprint()}.pickle"
    path.write_bytes(b"not a pickle")
    assert snapshot.load(Corrector) is None
    path.write_bytes(pickle.dumps({"a": 1}))
    path.chmod(0o600)
    assert snapshot.load(Corrector) is None  # not a corrector
    assert snapshot.load(dict) == {"a": 1}
    path.chmod(0o666)  # others may write it: it is not read
    assert snapshot.load(dict) is None


def test_only_the_newest_snapshots_are_kept(cache: Path) -> None:
    folder = snapshot.writable()
    assert folder is not None
    for number in range(5):
        old = folder / f"corrector-old{number}.pickle"
        old.write_bytes(b"old")
        old.chmod(0o600)
        os.utime(old, (1000 + number, 1000 + number))
    snapshot.save({"b": 2}, folder)
    kept = sorted(path.name for path in folder.iterdir())
    assert kept == sorted(
        [f"corrector-{snapshot.fingerprint()}.pickle", "corrector-old4.pickle", "corrector-old3.pickle"]
    )
    assert snapshot.load(dict) == {"b": 2}


def test_the_snapshot_can_be_turned_off_or_go_unwritten(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAKPARSE_NO_CACHE", "1")
    assert snapshot.cache_dir() is None and snapshot.writable() is None and snapshot.load(Corrector) is None
    monkeypatch.delenv("RAKPARSE_NO_CACHE")
    cache.parent.mkdir(exist_ok=True)
    cache.write_text("a file where the folder should be")
    assert snapshot.writable() is None
    snapshot.save({"c": 3}, cache)  # never raises


def test_convert_gives_the_same_document_with_and_without_a_snapshot(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "RAKPARSE_CACHE_DIR": str(folder)}
    env.pop("RAKPARSE_NO_CACHE", None)
    outputs = []
    for run in range(2):
        out = tmp_path / f"out{run}.json"
        subprocess.run(
            [sys.executable, "-m", "rakparse", "convert", str(correction_eval.SAMPLE), "-o", str(out)],
            check=True,
            capture_output=True,
            env=env,
            timeout=120,
        )
        if run == 0:
            assert len(list(folder.glob("corrector-*.pickle"))) == 1  # written by the first
        document = json.loads(out.read_text(encoding="utf-8"))
        document.pop("source", None)
        outputs.append(document)
    assert outputs[0] == outputs[1]
    assert len(outputs[1]["corrections"]) == 26
