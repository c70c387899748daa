"""SIGKILL a running batch at several points; ``--resume`` must finish it byte-identically.

Each run is a real ``rakparse batch`` subprocess in its own process group, killed
(with its workers) when its manifest reaches a given number of lines, or right
after start. The resumed outputs must be the same bytes as an uninterrupted run,
and the manifest the same entries (but for ``seconds``), with no temporary file left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchdata import ROOT, make_archive, manifest_without_seconds, tree

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")

MANIFEST = "rakparse-manifest.jsonl"


def batch(archive: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "rakparse", "batch", str(archive), "-o", str(out), "--quiet", *extra],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_when(process: subprocess.Popen[bytes], manifest: Path, lines: int, delay: float) -> bool:
    """SIGKILL the batch once its manifest has ``lines`` lines (and ``delay`` passed); True if it was still running."""
    start = time.monotonic()
    while process.poll() is None:
        if lines_in(manifest) >= lines and time.monotonic() - start >= delay:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.002)
    return False


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    make_archive(folder, years=(2020, 2021, 2022, 2023), units=3)  # 12 documents and a bad file
    return folder


@pytest.fixture(scope="module")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reference")
    process = batch(archive, out)
    assert process.wait(timeout=120) == 1  # the bad file fails
    return out


# (manifest lines to wait for, extra delay, options of the killed run)
KILL_POINTS = [
    (0, 0.15, ("--jobs", "1")),  # while starting: before any output
    (1, 0.0, ("--jobs", "1")),  # right after the first file
    (5, 0.0, ("--jobs", "2")),  # in the middle, two workers writing
    (9, 0.01, ("--jobs", "1")),  # near the end
    (13, 0.0, ("--jobs", "2")),  # every file done: while compacting the manifest, or after
]


@pytest.mark.parametrize(("lines", "delay", "options"), KILL_POINTS, ids=lambda v: str(v))
def test_killed_batch_resumes_to_identical_outputs(
    archive: Path, reference: Path, tmp_path: Path, lines: int, delay: float, options: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    killed = batch(archive, out, *options)
    was_running = kill_when(killed, out / MANIFEST, lines, delay)
    if lines < 13:
        assert was_running, "the batch finished before the kill point; make the archive bigger"
        assert lines_in(out / MANIFEST) < 13
    resumed = batch(archive, out, "--resume", "--jobs", "2")
    assert resumed.wait(timeout=120) == 1
    assert tree(out) == tree(reference)
    assert not list(out.rglob("*.part"))
    assert manifest_without_seconds(out / MANIFEST) == manifest_without_seconds(reference / MANIFEST)


def test_killing_twice_still_resumes(archive: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    kill_when(batch(archive, out), out / MANIFEST, 2, 0.0)
    kill_when(batch(archive, out, "--resume"), out / MANIFEST, 6, 0.0)
    assert batch(archive, out, "--resume").wait(timeout=120) == 1
    assert tree(out) == tree(reference)
    assert manifest_without_seconds(out / MANIFEST) == manifest_without_seconds(reference / MANIFEST)
