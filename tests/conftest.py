"""Shared fixtures: the repository root as working directory, the real sample."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the corrector's snapshot (`rakparse.correct.snapshot`) goes to a folder of the test
# run's own, not to the user's cache; the CLI run by tests inherits it
os.environ.setdefault("RAKPARSE_CACHE_DIR", tempfile.mkdtemp(prefix="rakparse-tests-"))
SAMPLE = ROOT / "samples" / "kpu-tabanan-2023.txt"


@pytest.fixture
def in_root() -> Iterator[Path]:
    """Run a test from the repository root, where sample paths are relative."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        yield ROOT
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
