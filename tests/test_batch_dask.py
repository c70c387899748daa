"""--executor dask: the same per-file work on a Dask LocalCluster of two workers.

Skipped when the optional extra is not installed (``pip install 'rakparse[dask]'``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from batchdata import make_archive, manifest_without_seconds, tree

from rakparse.batch import BatchOptions, run_batch
from rakparse.errors import DependencyError
from rakparse.options import ConvertOptions


def _has_distributed() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


needs_dask = pytest.mark.skipif(not _has_distributed(), reason="dask[distributed] is not installed")


@needs_dask
def test_dask_local_cluster_gives_the_same_outputs_manifest_and_resume(tmp_path: Path) -> None:
    from rakparse.executors import DaskExecutor

    make_archive(tmp_path / "in")
    options = ConvertOptions(fix=False)
    run_batch([tmp_path / "in"], BatchOptions(str(tmp_path / "local"), convert=options))
    executor = DaskExecutor(jobs=2)  # a LocalCluster of two worker processes
    try:
        assert len(executor.client.scheduler_info()["workers"]) == 2
        dask_options = BatchOptions(str(tmp_path / "dask"), convert=options, executor="dask")
        report = run_batch([tmp_path / "in"], dask_options, executor=executor)
        assert (report.total, report.failed) == (5, 1)
        (tmp_path / "dask" / "2022" / "rak-badung.txt.json").unlink()
        resumed = run_batch(
            [tmp_path / "in"], BatchOptions(**{**dask_options.__dict__, "resume": True}), executor=executor
        )
        assert resumed.skipped == 3  # the deleted output and the failed file are redone
    finally:
        executor.close()
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert manifest_without_seconds(
        tmp_path / "dask" / "rakparse-manifest.jsonl"
    ) == manifest_without_seconds(tmp_path / "local" / "rakparse-manifest.jsonl")


def test_missing_dask_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from rakparse.executors import make_executor

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(DependencyError) as raised:
        make_executor("dask")
    assert "pip install 'rakparse[dask]'" in raised.value.one_line()


@needs_dask
def test_dask_scheduler_address(tmp_path: Path) -> None:
    import distributed

    from rakparse.executors import make_executor

    make_archive(tmp_path / "in", years=(2023,), bad=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        executor = make_executor("dask", scheduler=cluster.scheduler_address)
        try:
            options = BatchOptions(str(tmp_path / "out"), convert=ConvertOptions(fix=False), executor="dask")
            report = run_batch([tmp_path / "in"], options, executor=executor)
        finally:
            executor.close()
    assert (report.total, report.failed) == (2, 0)


def test_scheduler_without_dask_and_unknown_executors_are_usage_errors() -> None:
    from rakparse.errors import UsageError
    from rakparse.executors import make_executor

    with pytest.raises(UsageError):
        make_executor("process", scheduler="tcp://127.0.0.1:1")
    with pytest.raises(UsageError):
        make_executor("threads")
