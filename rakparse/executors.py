"""Where batch's per-file work runs: in this process, a process pool, or a Dask cluster.

One small protocol (``map_unordered``, ``map_ordered``, ``close``) so ``rakparse.batch``
does not care which. The pool keeps a bounded number of files in flight, so memory
does not grow with the size of the archive. Dask is an optional extra, imported
only when asked for.
"""

from __future__ import annotations

import collections
import importlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol, TypeVar

from rakparse.errors import DependencyError, UsageError

T = TypeVar("T")
R = TypeVar("R")

#: Files in flight per worker: enough to keep workers busy, few enough to keep memory flat.
WINDOW_PER_WORKER = 4


class Executor(Protocol):
    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Runs each task here, one after the other (``--jobs 1``: no start-up cost)."""

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        for task in tasks:
            yield fn(task)

    map_ordered = map_unordered

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A ``ProcessPoolExecutor`` with spawned workers (safe on every platform, no fork-with-threads)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
        self.window = jobs * WINDOW_PER_WORKER

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        pending: set[Future[R]] = set()
        source = iter(tasks)
        for task in source:
            pending.add(self.pool.submit(fn, task))
            if len(pending) >= self.window:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        queue: collections.deque[Future[R]] = collections.deque()
        for task in tasks:
            queue.append(self.pool.submit(fn, task))
            if len(queue) >= self.window:
                yield queue.popleft().result()
        while queue:
            yield queue.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """The same per-file work on a Dask distributed cluster; a LocalCluster when no address is given.

    Workers read the inputs and write the outputs themselves, so they need the
    same paths (a shared file system, as on a cluster with a shared home or NFS).
    """

    def __init__(self, scheduler: str | None = None, jobs: int = 1) -> None:
        try:
            self.distributed: Any = importlib.import_module("distributed")  # the optional extra
        except ImportError:
            raise DependencyError(
                "--executor dask needs Dask distributed, which is not installed",
                "pip install 'rakparse[dask]'",
            ) from None
        self.cluster: Any = None
        if scheduler is None:
            self.cluster = self.distributed.LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client: Any = self.distributed.Client(self.cluster)
        else:
            try:
                self.client = self.distributed.Client(scheduler, timeout=30)
            except OSError as error:
                raise UsageError(
                    f"cannot reach the Dask scheduler ({error})",
                    "check --scheduler tcp://HOST:PORT",
                    scheduler,
                ) from None
        workers = len(self.client.scheduler_info().get("workers", {})) or jobs
        self.window = max(1, workers) * WINDOW_PER_WORKER

    def map_unordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        source = iter(tasks)
        first = [
            self.client.submit(fn, task, pure=False)
            for task, _ in zip(source, range(self.window), strict=False)
        ]
        running = self.distributed.as_completed(first)
        for future in running:
            result: R = future.result()
            future.release()
            for task in source:
                running.add(self.client.submit(fn, task, pure=False))
                break
            yield result

    def map_ordered(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        queue: collections.deque[Any] = collections.deque()
        for task in tasks:
            queue.append(self.client.submit(fn, task, pure=False))
            if len(queue) >= self.window:
                future = queue.popleft()
                yield future.result()
                future.release()
        while queue:
            future = queue.popleft()
            yield future.result()
            future.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


EXECUTORS = ("process", "dask")


def make_executor(name: str, *, jobs: int = 1, scheduler: str | None = None) -> Executor:
    """``process`` (in this process when ``jobs`` is 1) or ``dask``."""
    if name == "dask":
        return DaskExecutor(scheduler, jobs)
    if name != "process":
        raise UsageError(f"unknown executor {name!r}", f"choose one of {', '.join(EXECUTORS)}")
    if scheduler is not None:
        raise UsageError("--scheduler needs --executor dask", "add --executor dask")
    return InlineExecutor() if jobs <= 1 else ProcessExecutor(jobs)
