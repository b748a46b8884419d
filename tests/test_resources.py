"""Caches built from the shipped data: keyed on contents, old copies removed."""

from __future__ import annotations

import os
from pathlib import Path

from repair.resources import fingerprint, prune_cache


def test_fingerprint_follows_contents_not_file_times(tmp_path: Path) -> None:
    src = tmp_path / "words.txt"
    src.write_text("alpha\nbeta\n", encoding="utf-8")
    key = fingerprint("1", [src])
    os.utime(src, (1_000_000, 1_000_000))  # a checkout or a copy changes the time only
    assert fingerprint("1", [src]) == key
    src.write_text("alpha\ngamma\n", encoding="utf-8")
    assert fingerprint("1", [src]) != key
    assert fingerprint("2", [src]) != fingerprint("1", [src])


def test_prune_removes_other_versions_of_one_cache_only(tmp_path: Path) -> None:
    for name in ("typo-index-old.sqlite", "typo-index-new.sqlite", "spin-x.sqlite"):
        (tmp_path / name).write_bytes(b"")
    prune_cache(tmp_path, "typo-index-*.sqlite", tmp_path / "typo-index-new.sqlite")
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["spin-x.sqlite", "typo-index-new.sqlite"]
