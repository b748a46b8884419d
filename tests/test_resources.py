"""Caches built from the shipped data: keyed on contents, unused copies removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from repair import resources
from repair.resources import (
    STALE_SECONDS,
    DataError,
    fingerprint,
    mark_used,
    parse_tsv,
    prune_cache,
    records,
    table,
)


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


def test_a_tsv_table_parses_its_description_header_and_rows() -> None:
    lines = ["# description: swaps\n", "# a note\n", "a\tb\n", "\n", "x\ty\n", "  \n", "u\tv\r\n"]
    table = parse_tsv("t.tsv", iter(lines))
    assert table.description == "swaps"
    assert table.columns == ("a", "b")
    assert table.rows == ({"a": "x", "b": "y"}, {"a": "u", "b": "v"})


def test_a_tsv_row_of_the_wrong_width_names_its_line() -> None:
    with pytest.raises(DataError, match=r"t\.tsv:4: 3 fields, header has 2"):
        parse_tsv("t.tsv", iter(["a\tb", "x\ty", "", "x\ty\tz"]))
    with pytest.raises(DataError, match="no header row"):
        parse_tsv("t.tsv", iter(["# only a comment", " "]))


def test_records_give_the_chosen_columns_of_a_shipped_table() -> None:
    rows = table("spin_tortured_list.tsv.gz").rows
    assert records("spin_tortured_list.tsv.gz", "correct", "tortured") == [
        (r["correct"], r["tortured"]) for r in rows
    ]
    assert records("spin_tortured_list.tsv.gz", "tortured")[0] == (rows[0]["tortured"],)


def _fresh_read(name: str) -> tuple[str, tuple[str, ...], list[list[str]]]:
    resources._read_records.cache_clear()
    return resources._read_records(name)


def test_a_large_table_is_parsed_once_and_read_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "spin_tortured_list.tsv.gz"
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    parsed = _fresh_read(name)
    kept = list(tmp_path.glob("table-spin_tortured_list-*.marshal"))
    assert len(kept) == 1 and not list(tmp_path.glob("*.tmp"))
    # the second run reads the cache, not the table: the same rows
    monkeypatch.setattr(resources, "_parse_raw", lambda *a: pytest.fail("parsed again"))
    assert _fresh_read(name) == parsed
    resources._read_records.cache_clear()


def test_a_damaged_parsed_table_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "spin_tortured_list.tsv.gz"
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(tmp_path))
    parsed = _fresh_read(name)
    (kept,) = tmp_path.glob("table-spin_tortured_list-*.marshal")
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    assert _fresh_read(name) == parsed
    assert kept.stat().st_size > 1000  # rewritten whole
    resources._read_records.cache_clear()


def test_an_unwritable_cache_folder_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REPAIR_CACHE_DIR", str(blocker / "cache"))
    rows = _fresh_read("spin_tortured_list.tsv.gz")[2]
    assert len(rows) > 5000
    resources._read_records.cache_clear()


def test_publish_replaces_the_cache_in_one_step_and_prunes_unused_copies(tmp_path: Path) -> None:
    old = tmp_path / "thing-old.bin"
    old.write_bytes(b"old")
    os.utime(old, (time.time() - STALE_SECONDS - 60,) * 2)
    path = tmp_path / "thing-new.bin"
    resources.publish(path, lambda name: Path(name).write_bytes(b"new"), "thing-*.bin")
    assert path.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing-new.bin"]  # no temporary file left


def test_a_failed_publish_leaves_neither_the_cache_nor_a_temporary_file(tmp_path: Path) -> None:
    def broken(name: str) -> None:
        Path(name).write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        resources.publish(tmp_path / "thing-new.bin", broken, "thing-*.bin")
    assert list(tmp_path.iterdir()) == []


def test_a_slow_build_says_so_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(resources, "build_notice", said.append)
    resources.publish(
        tmp_path / "thing-a.bin", lambda name: Path(name).write_bytes(b"a"), "thing-*.bin", "the thing"
    )
    resources.publish(tmp_path / "quick-a.bin", lambda name: Path(name).write_bytes(b"a"), "quick-*.bin")
    assert said == [f"building the thing in {tmp_path}, once; later runs reuse it"]


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.lines: list[str] = []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.lines.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_the_command_line_announces_builds_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair import cli

    monkeypatch.setattr(resources, "build_notice", None)
    cli.announce_builds(_Stream(tty=False))  # type: ignore[arg-type]
    assert resources.build_notice is None  # a hook's or a script's standard error stays quiet
    terminal = _Stream(tty=True)
    cli.announce_builds(terminal)  # type: ignore[arg-type]
    assert resources.build_notice is not None
    resources.build_notice("building the spin tables")
    assert "".join(terminal.lines) == "repair: building the spin tables\n"
