"""Run the matcher over a stream of rows: in this process, on every core, or on a Dask
cluster. Each engine takes an iterator of ``InputRow`` chunks and yields one
``RowResult`` per row, in input order; only a bounded number of chunks is in flight, so
memory stays flat however long the input is.

Workers load the screener themselves from the same data folder (a ``ScreenerSpec``) and
check that they hold the very list versions the parent used; a worker with other
versions is an error, never a silently different result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..errors import ListDataError, UsageError
from ..match import MatchConfig
from ..screening import InputRow, MatchCache, RowResult, Screener, load_screener, screen_row
from ..settings import Settings

CHUNK_ROWS = 256  # rows sent to a worker at a time
IN_PROCESS_BELOW = 2 * CHUNK_ROWS  # smaller inputs are screened here: starting workers costs more
ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class ScreenerSpec:
    """How a worker builds the same screener as the parent, and which versions it must find."""

    settings: Settings
    sources: tuple[str, ...] | None
    config: MatchConfig
    use_register: bool
    threshold: int | None
    versions: tuple[tuple[str, str], ...]  # (source, sha256) the parent used

    def load(self) -> Screener:
        screener = load_screener(self.settings, self.sources, self.config, self.use_register)
        got = tuple((u.source, u.sha256) for u in screener.lists)
        if got != self.versions:
            import socket

            raise ListDataError(
                f"worker on {socket.gethostname()} (pid {os.getpid()}) reads other list versions from "
                f"{self.settings.home} than this run; import the same snapshots on every worker"
            )
        return screener


def spec_for(screener: Screener, settings: Settings, sources: Sequence[str] | None, use_register: bool,
             threshold: int | None) -> ScreenerSpec:
    return ScreenerSpec(settings, tuple(sources) if sources else None, screener.matcher.config, use_register,
                        threshold, tuple((u.source, u.sha256) for u in screener.lists))


def chunks(rows: Iterable[InputRow], size: int = CHUNK_ROWS) -> Iterator[list[InputRow]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


# --- worker side -------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _screener_for(spec: ScreenerSpec) -> tuple[Screener, MatchCache]:
    """The screener of this worker process, loaded once per spec."""
    if _worker.get("spec") != spec:
        _worker.clear()
        _worker["screener"] = spec.load()
        _worker["cache"] = {}
        _worker["spec"] = spec
    return _worker["screener"], _worker["cache"]


def screen_chunk(spec: ScreenerSpec, rows: list[InputRow]) -> list[RowResult]:
    """Screen one chunk of rows in a worker (a process of the pool or a Dask worker)."""
    screener, cache = _screener_for(spec)
    return [screen_row(screener.matcher, r, spec.threshold, cache) for r in rows]


def _init_worker(spec: ScreenerSpec) -> None:
    _screener_for(spec)


# --- engines -----------------------------------------------------------------------------

def in_process(screener: Screener, threshold: int | None, batches: Iterable[list[InputRow]]) -> Iterator[RowResult]:
    cache: MatchCache = {}
    for chunk in batches:
        for r in chunk:
            yield screen_row(screener.matcher, r, threshold, cache)


def _ordered(submit: Callable[[list[InputRow]], Future[list[RowResult]] | Any],
             result: Callable[[Any], list[RowResult]], batches: Iterable[list[InputRow]],
             window: int) -> Iterator[RowResult]:
    """Submit chunks with at most ``window`` in flight; yield their rows in input order."""
    pending: deque[Any] = deque()
    it = iter(batches)
    for chunk in islice(it, window):
        pending.append(submit(chunk))
    while pending:
        done = result(pending.popleft())
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield from done


def on_cores(spec: ScreenerSpec, batches: Iterable[list[InputRow]], jobs: int) -> Iterator[RowResult]:
    """Screen on ``jobs`` worker processes of this machine."""
    methods = multiprocessing.get_all_start_methods()
    # forkserver/spawn: workers start clean rather than copying a parent that may run threads
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(spec,)) as pool:
        yield from _ordered(lambda c: pool.submit(screen_chunk, spec, c), lambda f: f.result(), batches, jobs * 3)


def on_dask(spec: ScreenerSpec, batches: Iterable[list[InputRow]], scheduler: str | None,
            jobs: int) -> Iterator[RowResult]:
    """Screen on a Dask cluster: the one at ``scheduler``, or a local cluster of ``jobs``
    worker processes. Every worker needs hrdd installed and the same snapshots in its data
    folder (checked)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'hrdd[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    try:
        window = max(2, len(client.scheduler_info().get("workers", {})) or jobs) * 3
        yield from _ordered(lambda c: client.submit(screen_chunk, spec, c, pure=False),
                            lambda f: f.result(), batches, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_engine(engine: str, screener: Screener, spec: ScreenerSpec, rows: Iterable[InputRow], jobs: int,
               scheduler: str | None = None, total: int | None = None) -> Iterator[RowResult]:
    """Every row's result, in order, from the chosen engine."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; engines: {', '.join(ENGINES)}")
    batches = chunks(rows)
    if engine == "dask":
        return on_dask(spec, batches, scheduler, jobs)
    if jobs <= 1 or (total is not None and total < IN_PROCESS_BELOW):
        return in_process(screener, spec.threshold, batches)
    return _local_auto(screener, spec, batches, jobs)


def _local_auto(screener: Screener, spec: ScreenerSpec, batches: Iterator[list[InputRow]],
                jobs: int) -> Iterator[RowResult]:
    """The first chunks are screened here while there are few; workers start only when the
    input proves long (so a short stdin or unknown-length input does not pay for them)."""
    first = list(islice(batches, 2))
    yield from in_process(screener, spec.threshold, first)
    if len(first) == 2:
        yield from on_cores(spec, batches, jobs)


def default_jobs(configured: int) -> int:
    """Worker processes: the configured number, or one per core this process may use."""
    if configured > 0:
        return configured
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
