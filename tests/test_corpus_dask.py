"""Corpus mode on Dask: the same bytes as the local engine, and a real scheduler with two workers.

Everything listens on the loopback interface only.  The cluster test starts
``dask scheduler`` and two ``dask worker`` processes as separate processes and
always stops them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import mixed_corpus, read_lines, records, tree, write_jsonl

from repair.corpus.run import run_corpus

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("zstandard")


def test_local_and_dask_write_the_same_bytes(tmp_path: Path) -> None:
    src = mixed_corpus(tmp_path / "in")
    local = run_corpus(str(src), str(tmp_path / "local"), select="SCR", workers=1, chunk_bytes=700)
    dask = run_corpus(
        str(src), str(tmp_path / "dask"), select="SCR", workers=2, chunk_bytes=700, engine="dask"
    )
    assert dask["engine"] == "dask" and local["engine"] == "local"
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert dask["documents"] == local["documents"] and dask["findings"] == local["findings"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
    for p in reversed(procs):
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """A scheduler and two single-threaded workers, separate processes on 127.0.0.1."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_DISTRIBUTED__LOGGING__DISTRIBUTED="error")
    common = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": tmp_path}
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "distributed.cli.dask_scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--no-dashboard",
                ],
                **common,  # type: ignore[call-overload]
            )
        )
        for i in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--no-dashboard",
                        "--name",
                        f"w{i}",
                        "--local-directory",
                        str(tmp_path / f"w{i}"),
                    ],
                    **common,  # type: ignore[call-overload]
                )
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=60)
                    break
            except OSError:
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    raise
                time.sleep(0.3)
        yield address
    finally:
        _stop(procs)


@pytest.mark.slow
def test_real_cluster_on_loopback(cluster: str, tmp_path: Path) -> None:
    from distributed import Client

    src = mixed_corpus(tmp_path / "in")
    write_jsonl(tmp_path / "in" / "more.jsonl", records(80))
    summary = run_corpus(
        str(src), str(tmp_path / "out"), select="SCR", engine="dask", scheduler=cluster, chunk_bytes=900
    )
    assert summary["scheduler"] == cluster
    d = summary["documents"]
    assert d["reconciled"] and d["failed"] == 2 and d["written"] == d["in"] - 2
    local = run_corpus(str(src), str(tmp_path / "local"), select="SCR", workers=1, chunk_bytes=900)
    assert tree(tmp_path / "out") == tree(tmp_path / "local")
    assert len(read_lines(tmp_path / "out" / "more.jsonl")) == 80
    with Client(cluster, timeout="5s") as client:
        workers: dict[str, Any] = client.scheduler_info()["workers"]
        assert len(workers) == 2
    assert local["documents"] == d
