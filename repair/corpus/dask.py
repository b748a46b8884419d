"""The Dask engine: the same per-shard function on a ``dask.distributed`` cluster.

With ``scheduler`` (``tcp://HOST:PORT``) the run uses an existing cluster;
otherwise it starts a :class:`distributed.LocalCluster` of ``workers``
single-threaded worker processes on the loopback interface, and stops it
afterwards.  Workers must see IN and OUT at the same paths (a shared
filesystem) and have ``repair[corpus]`` installed.  Each worker loads the
selected families' resources once, up front.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from repair.corpus.plan import Shard
from repair.corpus.shard import Job, process_shard, warm_up

OnResult = Callable[[Shard, dict[str, Any]], None]


def run(
    shards: Iterable[Shard],
    job: Job,
    workers: int,
    on_result: OnResult,
    scheduler: str | None = None,
) -> None:
    """Process ``shards`` on a Dask cluster, calling ``on_result`` in the driver as each finishes."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ImportError("the dask engine needs dask.distributed", name="distributed") from None
    todo = list(shards)
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler, timeout="30s"))  # type: ignore[no-untyped-call]
        else:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        client.run(warm_up, job)
        if not todo:
            return
        run_id = uuid.uuid4().hex[:8]
        futures = client.map(
            process_shard, todo, job=job, key=[f"repair-shard-{run_id}-{s.key}" for s in todo], pure=False
        )
        by_key = {f.key: s for f, s in zip(futures, todo, strict=True)}
        try:
            for fut in as_completed(futures):  # type: ignore[no-untyped-call]
                on_result(by_key[fut.key], fut.result())
        except BaseException:
            client.cancel(futures)
            raise
