"""The local engine: worker processes on this machine.

Each worker process loads the selected families' resources once (in its
initializer) and then runs :func:`repair.corpus.shard.process_shard` on one
shard after another.  The driver keeps at most two shards per worker in flight,
so memory stays flat whatever the corpus size, and records each finished shard
as it arrives.  With one worker the shards run in this process.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from repair.corpus.plan import Shard
from repair.corpus.shard import Job, process_shard, warm_up

OnResult = Callable[[Shard, dict[str, Any]], None]

_counter: Any = None


def _init(job: Job, counter: Any) -> None:
    """Worker initializer: keep the shared document counter, load resources once.

    Workers ignore Ctrl-C: the driver catches it and stops them.
    """
    global _counter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _counter = counter
    warm_up(job)


def _report(n: int) -> None:
    with _counter.get_lock():
        _counter.value += n


def _work(shard: Shard, job: Job) -> dict[str, Any]:
    return process_shard(shard, job, _report)


def run(
    shards: Iterable[Shard],
    job: Job,
    workers: int,
    on_result: OnResult,
    on_docs: Callable[[int], None] | None = None,
) -> None:
    """Process ``shards`` with ``workers`` processes, calling ``on_result`` in the driver for each."""
    shards = list(shards)
    if not shards:
        return
    workers = min(workers, len(shards))
    if workers <= 1:
        warm_up(job)
        for shard in shards:
            on_result(shard, process_shard(shard, job, on_docs))
        return
    ctx = multiprocessing.get_context("spawn")
    counter = ctx.Value("q", 0)
    seen = 0
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(job, counter))
    todo = iter(shards)
    pending: dict[Future[dict[str, Any]], Shard] = {}

    def top_up() -> None:
        while len(pending) < 2 * workers:
            shard = next(todo, None)
            if shard is None:
                return
            pending[pool.submit(_work, shard, job)] = shard

    try:
        top_up()
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if on_docs is not None:
                now = counter.value
                if now > seen:
                    on_docs(now - seen)
                    seen = now
            for fut in sorted(done, key=lambda f: pending[f].key):
                shard = pending.pop(fut)
                on_result(shard, fut.result())
            top_up()
    except BaseException:
        _kill(pool)
        raise
    pool.shutdown(wait=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now (an interruption or a failed shard): finished shards stay recorded."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.terminate()
    for p in processes:
        p.join(timeout=5)
