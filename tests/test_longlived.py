"""The corrector's tables are built with the cyclic GC paused, then frozen."""

from __future__ import annotations

import gc

import pytest

from rakparse.correct.longlived import long_lived


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with long_lived():
        assert not gc.isenabled()
        table = {str(number): [number] for number in range(1000)}
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(table)  # built inside: out of later collections' sight


def test_a_caller_that_paused_the_collector_finds_it_paused() -> None:
    gc.disable()
    try:
        with long_lived():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_restored_when_the_build_fails() -> None:
    with pytest.raises(ValueError), long_lived():
        raise ValueError("bad table")
    assert gc.isenabled()
