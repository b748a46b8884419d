"""``repair report``: one self-contained page, escaped document text, a strict CSP, recorded hashes."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import pytest
from report_helpers import SCRAPED, XSS_TEXT, report_data

from repair import report
from repair.files import FileResult
from repair.model import Category, Edit, Finding
from repair.render import html
from tests.conftest import one_line


@pytest.fixture
def page(run, clean_config: Path) -> tuple[str, Path]:
    """A report on a folder with scraping residue in a nested file."""
    (clean_config / "sub").mkdir()
    (clean_config / "sub" / "a.txt").write_text(SCRAPED, encoding="utf-8")
    (clean_config / "clean.txt").write_text("Nothing wrong here at all.\n", encoding="utf-8")
    out = clean_config / "out" / "report.html"
    code, stdout, err = run("report", str(clean_config), "-o", str(out))
    assert code == 0, err
    assert stdout.startswith(f"Wrote {out}: ")
    return out.read_text(encoding="utf-8"), clean_config


def test_report_is_one_self_contained_file(page: tuple[str, Path]) -> None:
    text, _ = page
    assert text.startswith("<!DOCTYPE html>")
    assert "<link" not in text and "@import" not in text
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:)?//", text)
    assert not re.search(r"https?://", text.split('id="report-data"')[0])
    assert text.count("<script") == 2 and text.count("<style>") == 1


def test_csp_forbids_the_network_and_pins_the_script(page: tuple[str, Path]) -> None:
    text, _ = page
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert m
    policy = m.group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy and "base-uri 'none'" in policy
    assert "connect-src" not in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_report_records_root_relative_paths_and_hashes(page: tuple[str, Path]) -> None:
    text, folder = page
    data = report_data(text)
    assert data["schema"] == "repair-report" and data["version"] == 1 and len(data["id"]) == 16
    assert data["root"] == os.path.realpath(folder)
    docs = {d["path"]: d for d in data["documents"]}
    assert set(docs) == {"clean.txt", "sub/a.txt"}
    a = docs["sub/a.txt"]
    assert a["sha256"] == hashlib.sha256((folder / "sub" / "a.txt").read_bytes()).hexdigest()
    assert a["text"] == SCRAPED and docs["clean.txt"]["text"] is None
    rules = {f["rule"] for f in a["findings"]}
    assert {"SCR001", "SCR002"} <= rules
    credit = next(f for f in a["findings"] if f["rule"] == "SCR001")
    assert credit["category"] == "scrape" and 0 < credit["confidence"] <= 1 and credit["message"]
    fix = credit["options"][0]
    assert fix["kind"] == "fix" and fix["text"] == ""
    diff = report.expand(a["text"], fix["at"], fix["diff"])
    assert [-1, "Credit:Example Press Agency"] in diff
    assert diff[0][0] == 0 and "city." in diff[0][1]


def test_report_id_is_stable_for_the_same_files(run, page: tuple[str, Path]) -> None:
    text, folder = page
    again = folder / "again.html"
    assert run("report", str(folder), "-o", str(again))[0] == 0
    assert report_data(again.read_text(encoding="utf-8"))["id"] == report_data(text)["id"]


def test_report_does_not_review_itself(run, clean_config: Path) -> None:
    (clean_config / "a.txt").write_text(SCRAPED, encoding="utf-8")
    out = clean_config / "report.html"
    assert run("report", str(clean_config), "-o", str(out))[0] == 0
    assert run("report", str(clean_config), "-o", str(out))[0] == 0
    paths = [d["path"] for d in report_data(out.read_text(encoding="utf-8"))["documents"]]
    assert paths == ["a.txt"]


def _hostile(tmp_path: Path) -> str:
    doc = tmp_path / "x.txt"
    doc.write_text(XSS_TEXT, encoding="utf-8")
    start = XSS_TEXT.index("<script>")
    finding = Finding(
        rule="SCR099",
        category=Category.SCRAPE,
        start=start,
        end=start + 8,
        message="<b>bold</b> message </script>",
        fix=(Edit(start, start + 8, "<script>alert(1)</script>"),),
        alternatives=('"><img src=x onerror=alert(2)>',),
        explanation="</script><script>window.__pwned=3</script>",
    )
    result = FileResult(str(doc), findings=[finding])
    loaded = report.Source(result, str(doc), hashlib.sha256(doc.read_bytes()).hexdigest())
    from repair.document import Document

    result.document = Document.from_text(XSS_TEXT, path=str(doc))
    return html.render(report.build([loaded], str(tmp_path)))


def test_document_text_cannot_escape_the_data_element(tmp_path: Path) -> None:
    text = _hostile(tmp_path)
    assert text.count("<script") == 2 and text.count("</script>") == 2
    assert "onerror" not in text.split('id="report-data"')[0]
    payload = text.split('id="report-data">')[1].split("</script>")[0]
    assert "<" not in payload and ">" not in payload and "&" not in payload and "\u2028" not in payload
    data = report_data(text)
    assert data["documents"][0]["text"] == XSS_TEXT
    assert data["documents"][0]["findings"][0]["explanation"].startswith("</script>")


def test_embed_json_escapes_markup_characters() -> None:
    out = html.embed_json({"t": "</script><!--&\u2028"})
    assert out == '{"t":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}'


def test_context_window_is_cut_at_spaces_and_lines() -> None:
    text = "first line\n" + "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\nnext"
    lo = text.index("iota")
    start, end = report._context(text, lo, lo + 4)
    window = text[start:end]
    assert "iota" in window and "\n" not in window
    assert window.split(" ")[0] in text.split() and window.split(" ")[-1] in text.split()


def test_alternatives_become_options_with_their_own_diffs(tmp_path: Path) -> None:
    text = "He appealed for sustain from allies.\n"
    at = text.index("sustain")
    f = Finding(
        "SPN001",
        Category.SPIN,
        at,
        at + 7,
        "unattested wording",
        fix=(Edit(at, at + 7, "support"),),
        alternatives=("support", "help"),
        confidence=0.8,
    )
    rec = report.finding_record(text, f, "d0f0")
    assert [(o["kind"], o["text"]) for o in rec["options"]] == [("fix", "support"), ("alternative", "help")]
    diff = report.expand(text, rec["options"][0]["at"], rec["options"][0]["diff"])
    assert diff == [[0, "He appealed for "], [-1, "sustain"], [1, "support"], [0, " from allies."]]
    assert rec["options"][1]["edits"] == [[at, at + 7, "help"]]


def test_report_refuses_standard_input(run, clean_config: Path) -> None:
    code, _, err = run("report", "-", "-o", str(clean_config / "r.html"))
    assert code == 2 and one_line(err) and "standard input" in err


def test_report_on_a_missing_path_is_a_usage_error(run, clean_config: Path) -> None:
    code, _, err = run("report", str(clean_config / "nope"), "-o", str(clean_config / "r.html"))
    assert code == 2 and one_line(err)
    assert not (clean_config / "r.html").exists()


def test_report_to_an_unwritable_place_is_one_line(run, clean_config: Path) -> None:
    (clean_config / "a.txt").write_text(SCRAPED, encoding="utf-8")
    (clean_config / "blocker").write_text("a file, not a folder", encoding="utf-8")
    code, _, err = run("report", str(clean_config / "a.txt"), "-o", str(clean_config / "blocker" / "r.html"))
    assert code == 2 and one_line(err)
