"""``repair apply``: exactly the accepted decisions, or nothing at all with a one-line reason."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from report_helpers import SCRAPED, decide, report_data, write_json

from tests.conftest import one_line


@pytest.fixture
def reported(run, clean_config: Path) -> tuple[Path, dict[str, Any]]:
    """Two files with scraping residue and the report's data."""
    root = clean_config / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(SCRAPED, encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Intro line.\n" + SCRAPED, encoding="utf-8")
    out = clean_config / "report.html"
    assert run("report", str(root), "-o", str(out))[0] == 0
    return root, report_data(out.read_text(encoding="utf-8"))


def _ids(data: dict[str, Any], path: str) -> dict[str, str]:
    doc = next(d for d in data["documents"] if d["path"] == path)
    return {f["rule"]: f["id"] for f in doc["findings"]}


def test_applies_accepted_and_leaves_rejected(run, reported, tmp_path: Path) -> None:
    root, data = reported
    a, b = _ids(data, "a.txt"), _ids(data, "sub/b.txt")
    decisions = decide(data, {a["SCR001"]: "fix", a["SCR002"]: "reject", b["SCR002"]: "fix"})
    code, out, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 0, err
    assert out == "Applied 2 accepted decisions to 2 files; 1 rejected left as they were.\n"
    assert (root / "a.txt").read_text(encoding="utf-8") == (
        "Troops landed at the airfield outside the city.\n\nLeave a Reply\n"
    )
    assert (root / "sub" / "b.txt").read_text(encoding="utf-8") == (
        "Intro line.\nTroops landed at the airfield outside the city.Credit:Example Press Agency\n\n"
    )


def test_alternative_and_hand_edit(run, reported, tmp_path: Path) -> None:
    root, data = reported
    a = _ids(data, "a.txt")
    decisions = decide(data, {a["SCR001"]: ("edit", " (Photo: Example Press Agency)"), a["SCR002"]: "fix"})
    assert run("apply", str(write_json(tmp_path / "d.json", decisions)))[0] == 0
    assert (root / "a.txt").read_text(encoding="utf-8") == (
        "Troops landed at the airfield outside the city. (Photo: Example Press Agency)\n\n"
    )


def test_apply_diff_writes_nothing(run, reported, tmp_path: Path) -> None:
    root, data = reported
    a = _ids(data, "a.txt")
    path = write_json(tmp_path / "d.json", decide(data, {a["SCR001"]: "fix"}))
    code, out, _ = run("apply", "--diff", str(path))
    assert code == 0
    assert out.startswith("--- a/a.txt\n+++ b/a.txt\n@@ ")
    assert "+Troops landed at the airfield outside the city.\n" in out
    assert (root / "a.txt").read_text(encoding="utf-8") == SCRAPED


def test_changed_file_refuses_everything(run, reported, tmp_path: Path) -> None:
    root, data = reported
    a, b = _ids(data, "a.txt"), _ids(data, "sub/b.txt")
    decisions = decide(data, {a["SCR001"]: "fix", b["SCR001"]: "fix"})
    (root / "sub" / "b.txt").write_text("Intro line, edited.\n" + SCRAPED, encoding="utf-8")
    before = (root / "a.txt").read_bytes()
    code, out, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and out == "" and one_line(err)
    assert "sub/b.txt: changed since the report was made" in err and "nothing written" in err
    assert (root / "a.txt").read_bytes() == before


OUTSIDE = ["../outside.txt", "sub/../../outside.txt", "/etc/hostname", "sub\\b.txt", "./a.txt"]


@pytest.mark.parametrize("bad", OUTSIDE)
def test_paths_outside_the_root_are_refused(run, reported, tmp_path: Path, bad: str) -> None:
    root, data = reported
    a = _ids(data, "a.txt")
    decisions = decide(data, {a["SCR001"]: "fix"})
    decisions["files"][0]["path"] = bad
    before = (root / "a.txt").read_bytes()
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "outside the report's root" in err
    assert (root / "a.txt").read_bytes() == before


def test_symlink_escaping_the_root_is_refused(run, reported, tmp_path: Path) -> None:
    root, data = reported
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "a.txt").write_text(SCRAPED, encoding="utf-8")
    os.symlink(outside, root / "link")
    a = _ids(data, "a.txt")
    decisions = decide(data, {a["SCR001"]: "fix"})
    decisions["files"][0]["path"] = "link/a.txt"
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "symbolic link" in err
    assert (outside / "a.txt").read_text(encoding="utf-8") == SCRAPED


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a repair-decisions file"),
        ('{"schema": "repair-decisions", "version": 7, "root": "/", "files": []}', "unsupported version 7"),
        ('{"schema": "repair-decisions", "version": 1, "root": "/", "files": [{"path": "a"}]}', "sha256"),
    ],
)
def test_bad_decisions_files_are_one_line(run, tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run("apply", str(path))
    assert code == 2 and out == "" and one_line(err) and reason in err


def test_missing_decisions_file(run, tmp_path: Path) -> None:
    code, _, err = run("apply", str(tmp_path / "none.json"))
    assert code == 2 and one_line(err) and "cannot read" in err


def test_overlapping_accepted_decisions_are_refused(run, reported, tmp_path: Path) -> None:
    root, data = reported
    a = _ids(data, "a.txt")
    decisions = decide(data, {a["SCR001"]: "fix"})
    twin = dict(decisions["files"][0]["decisions"][0], finding="again")
    decisions["files"][0]["decisions"].append(twin)
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "overlaps decision" in err
    assert (root / "a.txt").read_text(encoding="utf-8") == SCRAPED


def test_original_text_must_match(run, reported, tmp_path: Path) -> None:
    _, data = reported
    a = _ids(data, "a.txt")
    decisions = decide(data, {a["SCR001"]: "fix"})
    decisions["files"][0]["decisions"][0]["original"] = "something else"
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "is not 'something else'" in err


def test_edits_touching_protected_text_are_refused(run, clean_config: Path, tmp_path: Path) -> None:
    doc = clean_config / "p.md"
    doc.write_text("Read `the the code` here.\n", encoding="utf-8")
    text = doc.read_text(encoding="utf-8")
    at = text.index("the the")
    decisions = {
        "schema": "repair-decisions",
        "version": 1,
        "root": str(clean_config),
        "files": [
            {
                "path": "p.md",
                "sha256": hashlib.sha256(doc.read_bytes()).hexdigest(),
                "decisions": [
                    {
                        "finding": "x",
                        "start": at,
                        "end": at + 7,
                        "original": "the the",
                        "status": "accepted",
                        "choice": "edit",
                        "edits": [{"start": at, "end": at + 7, "replacement": "the"}],
                    }
                ],
            }
        ],
    }
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "protected" in err
    assert doc.read_text(encoding="utf-8") == text


def test_file_is_written_back_in_its_own_encoding(run, clean_config: Path, tmp_path: Path) -> None:
    root = clean_config / "legacy"
    root.mkdir()
    original = "Caf\u00e9 \u201cnews\u201d.\r\n" + SCRAPED.replace("\n", "\r\n")
    (root / "old.txt").write_bytes(original.encode("cp1252"))
    out = clean_config / "r.html"
    assert run("report", str(root), "-o", str(out))[0] == 0
    data = report_data(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["encoding"] == "cp1252"
    ids = _ids(data, "old.txt")
    decisions = decide(data, {ids["SCR001"]: ("edit", " \u2014 caf\u00e9")})
    assert run("apply", str(write_json(tmp_path / "d.json", decisions)))[0] == 0
    expected = original.replace("Credit:Example Press Agency", " \u2014 caf\u00e9")
    assert (root / "old.txt").read_bytes() == expected.encode("cp1252")


def test_unencodable_hand_edit_is_refused(run, clean_config: Path, tmp_path: Path) -> None:
    root = clean_config / "legacy"
    root.mkdir()
    (root / "old.txt").write_bytes(("Caf\u00e9.\n" + SCRAPED).encode("cp1252"))
    out = clean_config / "r.html"
    assert run("report", str(root), "-o", str(out))[0] == 0
    data = report_data(out.read_text(encoding="utf-8"))
    decisions = decide(data, {_ids(data, "old.txt")["SCR001"]: ("edit", "\u4e2d")})
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", decisions)))
    assert code == 2 and one_line(err) and "cp1252" in err


def test_schema_is_documented_in_the_module() -> None:
    from repair import decisions

    doc = decisions.__doc__ or ""
    for key in ("schema", "version", "root", "files", "sha256", "decisions", "status", "choice", "edits"):
        assert f'"{key}"' in doc
    assert json.loads(json.dumps({"version": decisions.VERSION}))["version"] == 1
