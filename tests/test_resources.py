"""Caches built from the shipped data: keyed on contents, unused copies removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from repair.resources import STALE_SECONDS, fingerprint, mark_used, prune_cache


def test_fingerprint_follows_contents_not_file_times(tmp_path: Path) -> None:
    src = tmp_path / "words.txt"
    src.write_text("alpha\nbeta\n", encoding="utf-8")
    key = fingerprint("1", [src])
    os.utime(src, (1_000_000, 1_000_000))  # a checkout or a copy changes the time only
    assert fingerprint("1", [src]) == key
    src.write_text("alpha\ngamma\n", encoding="utf-8")
    assert fingerprint("1", [src]) != key
    assert fingerprint("2", [src]) != fingerprint("1", [src])


def test_prune_removes_unused_copies_of_one_cache_only(tmp_path: Path) -> None:
    stale = time.time() - STALE_SECONDS - 60
    names = ("typo-index-old.sqlite", "typo-index-new.sqlite", "typo-index-other.sqlite", "spin-x.sqlite")
    for name in names:
        (tmp_path / name).write_bytes(b"")
    for name in ("typo-index-old.sqlite", "spin-x.sqlite"):
        os.utime(tmp_path / name, (stale, stale))
    # "other" is another installed version's cache, used recently: it stays
    prune_cache(tmp_path, "typo-index-*.sqlite", tmp_path / "typo-index-new.sqlite")
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == [
        "spin-x.sqlite",
        "typo-index-new.sqlite",
        "typo-index-other.sqlite",
    ]


def test_a_cache_in_use_is_marked_used(tmp_path: Path) -> None:
    cache = tmp_path / "spin-x.sqlite"
    cache.write_bytes(b"")
    stale = time.time() - STALE_SECONDS - 60
    os.utime(cache, (stale, stale))
    mark_used(cache)
    assert time.time() - cache.stat().st_mtime < 60
    prune_cache(tmp_path, "spin-*.sqlite", tmp_path / "spin-y.sqlite")
    assert cache.exists()
