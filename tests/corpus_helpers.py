"""Fixtures for the corpus tests: small generated corpora in every format, and output readers.

Only the scrape family runs in these tests (``select="SCR"``), so they stay
fast and do not depend on which other families have landed.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

DIRTY = "Troops landed at the airfield outside the city.Credit:Example Press Agency\n\nLeave a Reply\n"
DIRTY_FIXED = "Troops landed at the airfield outside the city.\n\n"
SIDE = ("repair.findings.jsonl", "repair.rejected.jsonl", "repair.errors.jsonl")


def records(n: int, start: int = 0) -> list[dict[str, Any]]:
    """``n`` JSON records, every third one with scraping residue, with extra fields to keep."""
    out = []
    for i in range(start, start + n):
        text = DIRTY if i % 3 == 0 else f"Document {i} is clean prose about the weather in spring."
        out.append({"id": f"doc-{i}", "text": text, "meta": {"n": i, "tags": ["a", "é"]}})
    return out


def jsonl_bytes(recs: list[dict[str, Any]]) -> bytes:
    """Records as JSONL bytes (one object a line)."""
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in recs)


def write_jsonl(path: Path, recs: list[dict[str, Any]], compression: str = "") -> Path:
    """Write records as JSONL, plain, gzip or zstd."""
    data = jsonl_bytes(recs)
    path.parent.mkdir(parents=True, exist_ok=True)
    if compression == "gz":
        path.write_bytes(gzip.compress(data, mtime=0))
    elif compression == "zst":
        import zstandard

        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    else:
        path.write_bytes(data)
    return path


def write_parquet(
    path: Path, recs: list[dict[str, Any]], row_group_size: int = 10, compression: str = "snappy"
) -> Path:
    """Write records (id, text, n) as Parquet with small row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": [r["id"] for r in recs],
            "text": [r["text"] for r in recs],
            "n": [r["meta"]["n"] for r in recs],
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, row_group_size=row_group_size, compression=compression)
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a (possibly compressed) JSONL file."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    elif path.name.endswith(".zst"):
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
        data = reader.read()
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def tree(root: Path, skip_summary: bool = True) -> dict[str, bytes]:
    """Every file under ``root`` (relative path -> bytes), the summary left out by default."""
    out = {}
    for here, _, files in os.walk(root):
        for name in files:
            p = Path(here) / name
            rel = p.relative_to(root).as_posix()
            if skip_summary and rel == "repair.summary.json":
                continue
            out[rel] = p.read_bytes()
    return out


def mixed_corpus(root: Path) -> Path:
    """A folder with JSONL (plain, gz, zst), Parquet, text and Markdown, and a little damage."""
    write_jsonl(root / "a.jsonl", records(40))
    write_jsonl(root / "shards" / "b.jsonl.gz", records(30, 100), "gz")
    write_jsonl(root / "shards" / "c.jsonl.zst", records(30, 200), "zst")
    write_parquet(root / "tables" / "d.parquet", records(25, 300))
    (root / "notes").mkdir()
    (root / "notes" / "e.md").write_text("# Notes\n\n" + DIRTY, encoding="utf-8")
    legacy = "Caf\xe9 prices rose.Credit:Example Press Agency\n".encode("cp1252")
    (root / "notes" / "f.txt").write_bytes(legacy)
    with open(root / "a.jsonl", "ab") as fh:
        fh.write(b"{broken json\n\n")
        fh.write(json.dumps({"id": "no-text", "body": "x"}).encode() + b"\n")
    return root
