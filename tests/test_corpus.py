"""Corpus mode: formats round trip, nothing lost, chunking, resume, rejection, the command line."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import (
    DIRTY,
    DIRTY_FIXED,
    SIDE,
    jsonl_bytes,
    mixed_corpus,
    read_lines,
    records,
    tree,
    write_jsonl,
    write_parquet,
)

from repair import engine, registry
from repair.config import ConfigError
from repair.corpus.plan import classify, make_plan
from repair.corpus.progress import Progress
from repair.corpus.run import CorpusError, run_corpus
from repair.corpus.state import StateError

pytest.importorskip("pyarrow")
pytest.importorskip("zstandard")


def corpus(src: Path, out: Path, **kw: Any) -> dict[str, Any]:
    """Run with the scrape family only, in this process unless told otherwise."""
    kw.setdefault("select", "SCR")
    kw.setdefault("workers", 1)
    return run_corpus(str(src), str(out), **kw)


def expected_text(rec: dict[str, Any]) -> str:
    return DIRTY_FIXED if rec["text"] == DIRTY else rec["text"]


@pytest.mark.parametrize("compression", ["", "gz", "zst"])
def test_jsonl_round_trip(tmp_path: Path, compression: str) -> None:
    recs = records(20)
    name = "in.jsonl" + (f".{compression}" if compression else "")
    src = write_jsonl(tmp_path / name, recs, compression)
    summary = corpus(src, tmp_path / "out")
    got = read_lines(tmp_path / "out" / name)
    assert [g["id"] for g in got] == [r["id"] for r in recs]
    assert [g["text"] for g in got] == [expected_text(r) for r in recs]
    assert all(g["meta"] == r["meta"] for g, r in zip(got, recs, strict=True))
    d = summary["documents"]
    assert (d["in"], d["written"], d["changed"], d["failed"]) == (20, 20, 7, 0)
    assert summary["findings"]["by_rule"]["SCR001"] == {"found": 7, "fixed": 7}


def test_unchanged_lines_keep_their_bytes(tmp_path: Path) -> None:
    raw = b'{"text":  "Clean prose here.", "id": 1}\r\n{"id": 2, "text": "Also clean."}'
    (tmp_path / "in.jsonl").write_bytes(raw)
    corpus(tmp_path / "in.jsonl", tmp_path / "out")
    assert (tmp_path / "out" / "in.jsonl").read_bytes() == raw


def test_fix_none_writes_input_unchanged(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(12))
    summary = corpus(src, tmp_path / "out", fix="none")
    assert (tmp_path / "out" / "in.jsonl").read_bytes() == src.read_bytes()
    assert summary["findings"]["total"] == 8 and summary["findings"]["fixed"] == 0


@pytest.mark.parametrize("codec", ["snappy", "zstd", "none"])
def test_parquet_round_trip(tmp_path: Path, codec: str) -> None:
    import pyarrow.parquet as pq

    recs = records(35)
    src = write_parquet(tmp_path / "in.parquet", recs, compression=codec)
    summary = corpus(src, tmp_path / "out", chunk_bytes=1)
    assert summary["throughput"]["shards"] == 4
    meta = pq.ParquetFile(tmp_path / "out" / "in.parquet").metadata
    assert meta.row_group(0).column(1).compression == ("UNCOMPRESSED" if codec == "none" else codec.upper())
    table = pq.read_table(tmp_path / "out" / "in.parquet")
    assert table.schema == pq.read_table(src).schema
    assert table.column("id").to_pylist() == [r["id"] for r in recs]
    assert table.column("text").to_pylist() == [expected_text(r) for r in recs]
    assert table.column("n").to_pylist() == list(range(35))


def test_text_folder_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.md").write_text("# Title\n\n```\nLeave a Reply\n```\n", encoding="utf-8")
    (src / "sub" / "b.txt").write_bytes(b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode())
    (src / "sub" / "c.txt").write_bytes("Caf\xe9 prices rose.Credit:Example Press Agency\n".encode("cp1252"))
    (src / "skip.bin").write_bytes(b"\x00\x01")
    summary = corpus(src, tmp_path / "out")
    out = tmp_path / "out"
    assert (out / "a.md").read_bytes() == (src / "a.md").read_bytes()  # code block protected
    crlf = DIRTY_FIXED.replace("\n", "\r\n").encode()
    assert (out / "sub" / "b.txt").read_bytes() == b"\xef\xbb\xbf" + crlf
    assert (out / "sub" / "c.txt").read_bytes() == "Caf\xe9 prices rose.\n".encode("cp1252")
    assert summary["skipped_files"] == ["skip.bin"]
    findings = read_lines(out / "repair.findings.jsonl")
    assert {f["id"] for f in findings} == {"sub/b.txt", "sub/c.txt"}


def test_config_exclude_globs_pass_files_over(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "vendor").mkdir(parents=True)
    (src / ".repair.toml").write_text('exclude = ["vendor/**", "draft-*.txt"]\n', encoding="utf-8")
    (src / "vendor" / "lib.txt").write_text(DIRTY, encoding="utf-8")
    (src / "draft-1.txt").write_text(DIRTY, encoding="utf-8")
    (src / "kept.txt").write_text(DIRTY, encoding="utf-8")
    summary = corpus(src, tmp_path / "out")
    out = tmp_path / "out"
    assert sorted(summary["skipped_files"]) == ["draft-1.txt", "vendor/lib.txt"]
    assert (out / "kept.txt").read_text(encoding="utf-8") == DIRTY_FIXED
    assert not (out / "vendor").exists() and not (out / "draft-1.txt").exists()
    assert summary["documents"]["in"] == 1


def test_mixed_folder_nothing_lost(tmp_path: Path) -> None:
    src = mixed_corpus(tmp_path / "in")
    summary = corpus(src, tmp_path / "out", chunk_bytes=700)
    out = tmp_path / "out"
    d = summary["documents"]
    assert d["reconciled"] and d["in"] == d["written"] + d["rejected"] + d["failed"]
    assert d["in"] == 40 + 30 + 30 + 25 + 2 + 2
    assert d["failed"] == 2
    errors = read_lines(out / "repair.errors.jsonl")
    assert [(e["source"], e["line"], e["kind"]) for e in errors] == [
        ("a.jsonl", 41, "malformed-json"),
        ("a.jsonl", 43, "missing-text"),
    ]
    assert errors[0]["raw"] == "{broken json"
    assert summary["blank_lines"] == 1
    written = (
        len(read_lines(out / "a.jsonl"))
        + len(read_lines(out / "shards" / "b.jsonl.gz"))
        + len(read_lines(out / "shards" / "c.jsonl.zst"))
        + 25
        + 2
    )
    assert written == d["written"]
    assert summary["throughput"]["shards"] > 5


def test_chunking_gives_the_same_documents(tmp_path: Path) -> None:
    recs = records(200)
    for comp in ("", "gz", "zst"):
        write_jsonl(tmp_path / "in" / f"big.jsonl{'.' + comp if comp else ''}", recs, comp)
    whole = corpus(tmp_path / "in", tmp_path / "whole")
    split = corpus(tmp_path / "in", tmp_path / "split", chunk_bytes=2000)
    assert split["throughput"]["shards"] > whole["throughput"]["shards"] == 3
    assert (tmp_path / "split" / "big.jsonl").read_bytes() == (tmp_path / "whole" / "big.jsonl").read_bytes()
    for name in ("big.jsonl.gz", "big.jsonl.zst"):
        assert read_lines(tmp_path / "split" / name) == read_lines(tmp_path / "whole" / name)
    for name in SIDE:
        assert (tmp_path / "split" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()


def test_chunks_keep_true_line_numbers(tmp_path: Path) -> None:
    recs = [{"text": f"Line {i} is clean."} for i in range(60)]
    data = jsonl_bytes(recs).replace(b'{"text": "Line 45 is clean."}', b"{oops")
    (tmp_path / "in.jsonl").write_bytes(data)
    plan = make_plan(str(tmp_path / "in.jsonl"), chunk_bytes=200)
    assert len(plan.shards) > 5
    assert plan.shards[1].first_line > 1
    corpus(tmp_path / "in.jsonl", tmp_path / "out", chunk_bytes=200)
    errors = read_lines(tmp_path / "out" / "repair.errors.jsonl")
    assert [(e["line"], e["raw"]) for e in errors] == [(46, "{oops")]
    assert all(not f["id"].endswith(":46") for f in read_lines(tmp_path / "out" / "repair.findings.jsonl"))


def test_ids_default_to_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_bytes(jsonl_bytes([{"body": "Fine."}, {"body": DIRTY, "key": "k2"}]))
    corpus(tmp_path / "in.jsonl", tmp_path / "out", text_field="body")
    findings = read_lines(tmp_path / "out" / "repair.findings.jsonl")
    assert {f["id"] for f in findings} == {"in.jsonl:2"}
    corpus(tmp_path / "in.jsonl", tmp_path / "out2", text_field="body", id_field="key")
    assert {f["id"] for f in read_lines(tmp_path / "out2" / "repair.findings.jsonl")} == {"k2"}


def test_undecodable_stream_is_reported_not_fatal(tmp_path: Path) -> None:
    good = gzip.compress(jsonl_bytes(records(10)), mtime=0)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.jsonl.gz").write_bytes(good[: len(good) // 2])
    write_jsonl(tmp_path / "in" / "ok.jsonl", records(5))
    (tmp_path / "in" / "bad.txt").write_bytes(b"not text\x00\x00\x01")
    summary = corpus(tmp_path / "in", tmp_path / "out")
    errors = read_lines(tmp_path / "out" / "repair.errors.jsonl")
    kinds = {(e["source"], e["kind"]) for e in errors}
    assert kinds == {("cut.jsonl.gz", "undecodable"), ("bad.txt", "undecodable")}
    assert summary["documents"]["reconciled"]
    assert len(read_lines(tmp_path / "out" / "ok.jsonl")) == 5


def test_a_failing_detector_fails_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine.analyze

    def analyze(doc: Any, codes: Any, min_confidence: float = 0.0) -> Any:
        if "BOOM" in doc.text:
            raise RuntimeError("detector bug")
        return real(doc, codes, min_confidence)

    monkeypatch.setattr(engine, "analyze", analyze)
    recs = [*records(4), {"id": "bad", "text": "BOOM"}]
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    summary = corpus(src, tmp_path / "out")
    errors = read_lines(tmp_path / "out" / "repair.errors.jsonl")
    assert errors == [
        {
            "source": "in.jsonl",
            "line": 5,
            "kind": "processing-error",
            "error": "RuntimeError: detector bug",
            "raw": {"id": "bad", "text": "BOOM"},
        }
    ]
    assert summary["documents"]["written"] == 4


def test_max_spin_score_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_spin(doc: Any, findings: Sequence[Any]) -> dict[str, float]:
        return {"spin_score": 0.9 if "spun" in doc.text else 0.1}

    monkeypatch.setattr(registry, "_METRICS", [fake_spin])
    recs = [*records(6), {"id": "s", "text": "A spun text."}]
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    summary = corpus(src, tmp_path / "out", max_spin_score=0.5)
    rejected = read_lines(tmp_path / "out" / "repair.rejected.jsonl")
    assert len(rejected) == 1 and rejected[0]["id"] == "s"
    assert rejected[0]["record"] == {"id": "s", "text": "A spun text."}
    assert "above --max-spin-score 0.5" in rejected[0]["reason"]
    assert [r["id"] for r in read_lines(tmp_path / "out" / "in.jsonl")] == [f"doc-{i}" for i in range(6)]
    spin = summary["spin_score"]
    assert spin["available"] and spin["documents"] == 7 and spin["max"] == 0.9
    assert summary["documents"]["rejected"] == 1 and summary["documents"]["reconciled"]


def test_spin_score_absent_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_METRICS", [])
    src = write_jsonl(tmp_path / "in.jsonl", records(3))
    summary = corpus(src, tmp_path / "out", max_spin_score=0.5)
    assert summary["spin_score"]["available"] is False
    assert summary["documents"]["rejected"] == 0


class Interrupt(Exception):
    pass


def test_resume_after_interruption(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(120))
    corpus(src, tmp_path / "clean", chunk_bytes=1500)
    done: list[str] = []

    def stop_after_two(shard: Any) -> None:
        done.append(shard.key)
        if len(done) == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        corpus(src, tmp_path / "out", chunk_bytes=1500, on_shard_done=stop_after_two)
    manifest = tmp_path / "out" / ".repair-corpus" / "manifest.jsonl"
    assert len(manifest.read_text().splitlines()) == 2
    assert not (tmp_path / "out" / "repair.summary.json").exists()
    seen: list[str] = []
    summary = corpus(src, tmp_path / "out", chunk_bytes=1500, on_shard_done=lambda s: seen.append(s.key))
    assert summary["throughput"]["shards_resumed"] == 2
    assert not set(seen) & set(done)
    assert len(seen) == summary["throughput"]["shards"] - 2
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")
    assert not (tmp_path / "out" / ".repair-corpus").exists()
    clean = json.loads((tmp_path / "clean" / "repair.summary.json").read_text())
    assert summary["documents"] == clean["documents"] and summary["findings"] == clean["findings"]


def test_resume_refuses_other_options_unless_fresh(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(60))

    def stop(shard: Any) -> None:
        raise Interrupt

    with pytest.raises(Interrupt):
        corpus(src, tmp_path / "out", chunk_bytes=1500, on_shard_done=stop)
    with pytest.raises(StateError, match="--fresh"):
        corpus(src, tmp_path / "out", chunk_bytes=1500, fix="none")
    summary = corpus(src, tmp_path / "out", chunk_bytes=1500, fix="none", fresh=True)
    assert summary["throughput"]["shards_resumed"] == 0


def test_two_worker_processes_match_one(tmp_path: Path) -> None:
    src = mixed_corpus(tmp_path / "in")
    corpus(src, tmp_path / "one", chunk_bytes=700)
    summary = corpus(src, tmp_path / "two", chunk_bytes=700, workers=2)
    assert summary["workers"] == 2
    assert tree(tmp_path / "two") == tree(tmp_path / "one")


def test_usage_errors(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(2))
    with pytest.raises(CorpusError):
        corpus(src, tmp_path / "out", engine="spark")
    with pytest.raises(CorpusError):
        corpus(src, tmp_path / "out", scheduler="tcp://127.0.0.1:1")
    with pytest.raises(CorpusError):
        corpus(tmp_path, tmp_path)
    with pytest.raises(ConfigError, match="ZZZ"):
        corpus(src, tmp_path / "out", select="ZZZ")


def test_cli(run: Any, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", records(6))
    with open(src, "ab") as fh:
        fh.write(b"not json\n")
    code, out, err = run("corpus", str(src), str(tmp_path / "out"), "--select", "SCR", "--workers", "1")
    assert code == 1, err
    assert "7 documents: 6 written (2 changed), 0 rejected, 1 failed" in out
    code, out, err = run("corpus", str(tmp_path / "nope"), str(tmp_path / "out2"))
    assert code == 2 and err.startswith("repair: ") and len(err.strip().splitlines()) == 1
    code, out, err = run(
        "corpus", str(src), str(tmp_path / "out3"), "--select", "SCR", "--fix", "none", "--workers", "1"
    )
    assert code == 1 and (tmp_path / "out3" / "in.jsonl").read_bytes().count(b"\n") == 6


def test_progress_bar_only_when_asked() -> None:
    stream = io.StringIO()
    bar = Progress(1000, stream=stream)
    bar.add_docs(10)
    bar.shard_done(500, 500)
    bar.close()
    assert stream.getvalue() == ""
    bar = Progress(1000, stream=stream, enabled=True)
    bar.add_docs(10)
    bar.shard_done(500, 500)
    bar.close()
    text = stream.getvalue()
    assert "docs/s" in text and "ETA" in text and "50.0%" in text


def test_resume_after_the_process_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    src = write_jsonl(tmp_path / "in.jsonl", records(1200))
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "repair",
        "corpus",
        str(src),
        str(out),
        "--select",
        "SCR",
        "--workers",
        "1",
        "--chunk-mb",
        "0.02",
        "--progress",
        "never",
    ]
    manifest = out / ".repair-corpus" / "manifest.jsonl"
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None and not (manifest.exists() and manifest.read_text().count("\n") >= 1):
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    if not manifest.exists():
        pytest.skip("the run finished before it could be killed")
    done = manifest.read_text().count("\n")
    summary = corpus(src, out, chunk_bytes=int(0.02 * 1048576))
    assert summary["throughput"]["shards_resumed"] >= done >= 1
    corpus(src, tmp_path / "clean", chunk_bytes=int(0.02 * 1048576))
    assert tree(out) == tree(tmp_path / "clean")


def test_include_globs_match_names_in_any_case() -> None:
    assert classify("talks/Intro.Rmd", ("*.Rmd",)) == ("text", "")
    assert classify("talks/NOTES.MD") == ("text", "")
    assert classify("talks/data.csv", ("*.Rmd",)) is None
