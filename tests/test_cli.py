"""The command-line contract (DESIGN.md section 3): formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, ARTIFACTS_FIXED, SEED, one_line


def test_check_text_groups_by_file_and_exits_1(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    code, out, err = run("check", str(doc))
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == str(doc)
    assert lines[1].startswith("  1:48 SCR001 ")
    assert "[fixable]" in lines[1]
    assert lines[-1].startswith("Found 2 findings in 1 file")


def test_check_clean_file_exits_0(run, clean_config: Path) -> None:
    doc = clean_config / "clean.md"
    doc.write_text("# Notes\n\nNothing to see here.\n", encoding="utf-8")
    assert run("check", str(doc)) == (0, "No findings.\n", "")


def test_check_json_contract(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text("é\r\n" + ARTIFACTS, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(doc))
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    first = data[0]
    for key in (
        "path",
        "line",
        "column",
        "start",
        "end",
        "text",
        "rule",
        "category",
        "message",
        "replacements",
        "confidence",
        "applicability",
    ):
        assert key in first
    text = doc.read_bytes().decode("utf-8")
    assert first["path"] == str(doc)
    assert first["text"] == text[first["start"] : first["end"]] == "Credit:Example Press Agency"
    assert (first["line"], first["column"]) == (2, 48)
    assert first["replacements"] == [""]
    assert first["category"] == "scrape" and first["applicability"] == "safe"


def test_check_sarif_and_github(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    code, out, _ = run("check", "--format", "sarif", str(doc))
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "SCR001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charOffset"]) == (1, 48, 47)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == ""
    assert any(r["id"] == "SCR001" for r in log["runs"][0]["tool"]["driver"]["rules"])
    code, out, _ = run("check", "--format", "github", str(doc))
    assert out.startswith(f"::warning file={doc},line=1,col=48,endLine=1,endColumn=75,title=SCR001 scrape::")


def test_select_ignore_and_min_confidence(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    rules = lambda out: [f["rule"] for f in json.loads(out)]  # noqa: E731
    assert rules(run("check", "--format", "json", "--select", "SCR002", str(doc))[1]) == ["SCR002"]
    assert rules(run("check", "--format", "json", "--ignore", "SCR001", str(doc))[1]) == ["SCR002"]
    assert run("check", "--format", "json", "--min-confidence", "1", str(doc))[:2] == (0, "[]\n")


@pytest.mark.parametrize("codes", ["XYZ", "SCR999", "SPX001"])
def test_unknown_code_on_the_command_line_is_an_error(run, clean_config: Path, codes: str) -> None:
    doc = clean_config / "a.txt"
    doc.write_text("x", encoding="utf-8")
    code, out, err = run("check", "--select", codes, str(doc))
    assert code == 2 and out == "" and one_line(err) and "unknown rule code" in err


def test_unknown_code_in_an_inline_suppression_is_an_error(run, clean_config: Path) -> None:
    doc = clean_config / "a.md"
    doc.write_text("Text <!-- repair: ignore SCR999 -->\n", encoding="utf-8")
    code, _, err = run("check", str(doc))
    assert code == 2 and one_line(err) and "SCR999" in err


def test_inline_suppression_silences_a_finding(run, clean_config: Path) -> None:
    doc = clean_config / "a.md"
    doc.write_text("<!-- repair: ignore-next-line -->\nLeave a Reply\n", encoding="utf-8")
    assert run("check", str(doc))[0] == 0


def test_fix_in_place_keeps_encoding_bom_and_line_ends(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    data = "\ufeffCafé.\r\n".encode() + ARTIFACTS.replace("\n", "\r\n").encode("utf-8")
    doc.write_bytes(data)
    code, out, _ = run("fix", str(doc))
    assert code == 0 and "Fixed 2 findings in 1 file; 0 remaining." in out
    expected = "\ufeffCafé.\r\n" + ARTIFACTS_FIXED.replace("\n", "\r\n")
    assert doc.read_bytes() == expected.encode("utf-8")


def test_fix_cp1252_file_is_written_back_in_cp1252(run, clean_config: Path) -> None:
    doc = clean_config / "old.txt"
    doc.write_bytes(("Caf\u00e9 \u201cnews\u201d.\n" + ARTIFACTS).encode("cp1252"))
    assert run("fix", str(doc))[0] == 0
    assert doc.read_bytes() == ("Caf\u00e9 \u201cnews\u201d.\n" + ARTIFACTS_FIXED).encode("cp1252")


def test_fix_diff_writes_nothing(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    code, out, err = run("fix", "--diff", str(doc))
    assert code == 0
    assert out.startswith(f"--- a/{doc}\n+++ b/{doc}\n")
    assert "-Troops landed at the airfield outside the city.Credit:Example Press Agency\n" in out
    assert "+Troops landed at the airfield outside the city.\n" in out
    assert "Would fix 2 findings" in err
    assert doc.read_text(encoding="utf-8") == ARTIFACTS


def test_fix_word_diff_is_plain_without_a_terminal(run, clean_config: Path) -> None:
    doc = clean_config / "a.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    code, out, _ = run("fix", "--diff=word", str(doc))
    assert code == 0 and "\x1b[" not in out
    assert "1: Troops landed at the airfield outside the city.[-Credit:Example Press Agency-]" in out
    assert doc.read_text(encoding="utf-8") == ARTIFACTS


def test_fix_stdin_to_stdout(clean_config: Path) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "repair", "fix", "-"],
        input=ARTIFACTS.encode(),
        capture_output=True,
        cwd=clean_config,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode() == ARTIFACTS_FIXED


def test_check_stdin_json(clean_config: Path) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "repair", "check", "--format", "json", "-"],
        input=ARTIFACTS.encode(),
        capture_output=True,
        cwd=clean_config,
        check=False,
    )
    assert p.returncode == 1
    assert [f["path"] for f in json.loads(p.stdout)] == ["-", "-"]


def test_directory_walk_skips_hidden_and_other_extensions(run, clean_config: Path) -> None:
    (clean_config / "docs").mkdir()
    (clean_config / "docs" / "a.md").write_text(ARTIFACTS, encoding="utf-8")
    (clean_config / "docs" / "b.py").write_text(ARTIFACTS, encoding="utf-8")
    (clean_config / ".git").mkdir()
    (clean_config / ".git" / "c.txt").write_text(ARTIFACTS, encoding="utf-8")
    (clean_config / "docs" / ".hidden").mkdir()
    (clean_config / "docs" / ".hidden" / "d.txt").write_text(ARTIFACTS, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(clean_config))
    assert code == 1
    assert {Path(f["path"]).name for f in json.loads(out)} == {"a.md"}


def test_config_include_exclude(run, tmp_path: Path) -> None:
    (tmp_path / ".repair.toml").write_text('include = ["*.txt"]\nexclude = ["drafts/*"]\n', encoding="utf-8")
    for name in ("keep.txt", "skip.md", "drafts/skip.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(ARTIFACTS, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", str(tmp_path))
    assert code == 1
    assert {Path(f["path"]).name for f in json.loads(out)} == {"keep.txt"}


# ---------------------------------------------------------------- bad input


def test_missing_path(run, clean_config: Path) -> None:
    code, out, err = run("check", str(clean_config / "nope.txt"))
    assert code == 2 and out == "" and one_line(err) and "no such file" in err


def test_directory_without_text_files(run, clean_config: Path) -> None:
    (clean_config / "img").mkdir()
    (clean_config / "img" / "a.png").write_bytes(b"\x89PNG")
    code, _, err = run("check", str(clean_config / "img"))
    assert code == 2 and one_line(err) and "no text files" in err


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        ("žluťoučký kůň úpěl ".encode() + b"\xff\xfe\xfa", "undecodable"),
    ],
)
def test_binary_or_undecodable_explicit_file(run, clean_config: Path, data: bytes, reason: str) -> None:
    doc = clean_config / "x.txt"
    doc.write_bytes(data)
    for command in ("check", "fix"):
        code, _, err = run(command, str(doc))
        assert code == 2 and one_line(err) and reason in err
    assert doc.read_bytes() == data


def test_binary_file_found_by_walking_is_skipped_with_a_message(run, clean_config: Path) -> None:
    (clean_config / "good.txt").write_text("Fine text.\n", encoding="utf-8")
    (clean_config / "bad.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run("check", str(clean_config))
    assert code == 0 and out == "No findings.\n"
    assert one_line(err) and "skipped" in err and "bad.txt" in err


def test_read_only_file_is_reported_and_untouched(run, clean_config: Path) -> None:
    doc = clean_config / "ro.txt"
    doc.write_text(ARTIFACTS, encoding="utf-8")
    os.chmod(doc, 0o444)
    code, _, err = run("fix", str(doc))
    assert code == 2 and "read-only" in err and len(err.strip().splitlines()) >= 1
    assert err.strip().splitlines()[0].startswith("repair: ") and "read-only" in err.splitlines()[0]
    assert doc.read_text(encoding="utf-8") == ARTIFACTS


def test_empty_file(run, clean_config: Path) -> None:
    doc = clean_config / "empty.txt"
    doc.write_bytes(b"")
    assert run("check", str(doc)) == (0, "No findings.\n", "")
    assert run("fix", str(doc))[0] == 0
    assert doc.read_bytes() == b""


def test_50_mb_file_is_refused_with_the_limit_named(run, clean_config: Path) -> None:
    doc = clean_config / "big.txt"
    with open(doc, "wb") as fh:
        line = b"All work and no play makes a dull text file. " * 20 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    size = doc.stat().st_size
    code, _, err = run("fix", str(doc))
    assert code == 2 and one_line(err) and "too large" in err and "max-file-size" in err
    assert doc.stat().st_size == size


def test_symlink_loop(run, clean_config: Path) -> None:
    loop = clean_config / "loop.txt"
    os.symlink(loop, loop)
    code, _, err = run("check", str(loop))
    assert code == 2 and one_line(err) and "symbolic link" in err


def test_symlinked_folder_loop_is_not_followed(run, clean_config: Path) -> None:
    (clean_config / "d").mkdir()
    (clean_config / "d" / "a.txt").write_text("Fine.\n", encoding="utf-8")
    os.symlink(clean_config / "d", clean_config / "d" / "again")
    assert run("check", str(clean_config / "d"))[0] == 0


def test_bad_configuration_is_one_line(run, tmp_path: Path) -> None:
    (tmp_path / ".repair.toml").write_text("colour = 'red'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2 and one_line(err) and "unknown configuration key 'colour'" in err


def test_usage_error_exit_2(run) -> None:
    with pytest.raises(SystemExit) as exc:
        run("check")
    assert exc.value.code == 2
    assert run("fix", "--diff=side", "x")[0] == 2


def test_rules_lists_every_rule_with_an_example(run) -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "SCR001" in out and "e.g." in out
    code, out, _ = run("rules", "SCR001")
    assert "## What it does" in out
    code, out, _ = run("rules", "--format", "json")
    assert all({"code", "name", "category", "summary", "examples"} <= set(r) for r in json.loads(out))


def test_main_job_on_the_seed(run) -> None:
    code, out, _ = run("check", str(SEED))
    assert code == 1 and "SCR001" in out


def test_spin_score_in_text_and_json(run) -> None:
    code, out, _ = run("check", "--select", "SPN", str(SEED))
    assert code == 1 and "spin count " in out and "spin score " in out
    code, out, _ = run("check", "--format", "json", "--select", "SPN", str(SEED))
    data = json.loads(out)
    assert data and all(f["spin_count"] == len(data) and 0 < f["spin_score"] < 1 for f in data)
