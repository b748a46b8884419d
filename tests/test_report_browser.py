"""The review report in a real browser: Playwright for Python driving Debian's Chromium.

Skipped, with the reason shown, only where Chromium (or Playwright) is absent
and ``REPAIR_REQUIRE_BROWSER`` is unset; CI sets it, so there they fail instead.
``REPAIR_CHROMIUM`` names another Chromium binary (default /usr/bin/chromium).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_helpers import XSS_IMG, XSS_SCRIPT, XSS_TEXT, report_data, synthetic_results

from repair import report
from repair.document import Document
from repair.files import FileResult
from repair.model import Category, Edit, Finding
from repair.render import html
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("REPAIR_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = ROOT / "reports" / "seed-report.png"
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("REPAIR_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, and REPAIR_REQUIRE_BROWSER is set")
    pytest.skip(f"{reason} (apt-get install -y chromium; pip install playwright)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium, shared by the tests of this module."""
    if not os.path.exists(CHROMIUM):
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (own storage) that records page errors and CSP violations."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    context.add_init_script(WATCH)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def _open(pg: Any, path: Path) -> None:
    pg.goto(path.resolve().as_uri())
    pg.wait_for_function("window.repairReport && window.repairReport.ready")


def _to_next_fixable(pg: Any) -> dict[str, Any]:
    """Press j until the current finding is pending and has a proposed replacement."""
    for _ in range(200):
        cur = pg.evaluate("window.repairReport.current()")
        if cur and cur["options"] and cur["status"] == "pending":
            return dict(cur)
        pg.keyboard.press("j")
    raise AssertionError("no pending finding with a replacement")


def _download(pg: Any, button: str, to: Path) -> Path:
    with pg.expect_download() as info:
        pg.click(button)
    info.value.save_as(to)
    return to


def test_seed_review_by_keyboard_then_apply(page: Any, run, tmp_path: Path) -> None:
    root = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", root)
    for f in root.rglob("*"):
        f.chmod(0o644)
    (tmp_path / ".repair.toml").write_text("", encoding="utf-8")
    out = tmp_path / "report.html"
    code, _, err = run("report", str(root), "-o", str(out))
    assert code == 0, err
    data = report_data(out.read_text(encoding="utf-8"))
    findings = {f["id"]: (d, f) for d in data["documents"] for f in d["findings"]}
    _open(page, out)

    decided = {}
    for key in ("a", "a", "r"):
        cur = _to_next_fixable(page)
        page.keyboard.press(key)
        decided[cur["id"]] = key
    assert page.inner_text("#progress").startswith("2 accepted \u00b7 1 rejected")
    page.keyboard.press("u")  # undo goes back to the rejected finding and forgets it
    assert page.inner_text("#progress").startswith("2 accepted \u00b7 0 rejected")
    assert page.evaluate("window.repairReport.current().id") == list(decided)[-1]
    page.keyboard.press("r")

    page.reload()  # decisions persist in localStorage, keyed by the report
    page.wait_for_function("window.repairReport && window.repairReport.ready")
    assert page.inner_text("#progress").startswith("2 accepted \u00b7 1 rejected")
    _to_next_fixable(page)  # show a proposed change with its word diff in the picture
    # The README shows reports/seed-report.png; refresh it with REPAIR_UPDATE_SCREENSHOT=1 (a plain test
    # run shoots into its temporary folder, so it leaves the work tree clean).
    shot = SCREENSHOT if os.environ.get("REPAIR_UPDATE_SCREENSHOT") else tmp_path / "seed-report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    decisions = _download(page, "#btn-export-json", tmp_path / "decisions.json")
    patch = _download(page, "#btn-export-diff", tmp_path / "accepted.diff")
    exported = json.loads(decisions.read_text(encoding="utf-8"))
    assert exported["schema"] == "repair-decisions" and exported["report_id"] == data["id"]
    statuses = {d["finding"]: d["status"] for f in exported["files"] for d in f["decisions"]}
    assert statuses == {i: ("accepted" if k == "a" else "rejected") for i, k in decided.items()}

    pristine = tmp_path / "pristine"
    shutil.copytree(root, pristine)
    code, stdout, err = run("apply", str(decisions))
    assert code == 0, err
    assert "Applied 2 accepted decisions" in stdout
    for fid, key in decided.items():
        doc, f = findings[fid]
        text = (root / doc["path"]).read_text(encoding="utf-8")
        original = doc["text"][f["start"] : f["end"]]
        replacement = f["options"][0]["text"]
        if key == "a":
            assert text.count(original) == doc["text"].count(original) - 1
            assert text.count(replacement) >= doc["text"].count(replacement) if replacement else True
        else:
            assert text.count(original) == doc["text"].count(original)
    # The exported unified diff makes the same change as repair apply.
    done = subprocess.run(["git", "apply", "-p1", str(patch)], cwd=pristine, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    for doc in data["documents"]:
        assert (pristine / doc["path"]).read_bytes() == (root / doc["path"]).read_bytes()
    assert page.evaluate("window.__violations") == [] and page.errors == []


def _hostile_report(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / 'x"><img src=x onerror=alert(1)>.txt'
    doc.write_text(XSS_TEXT, encoding="utf-8")
    at = XSS_TEXT.index(XSS_SCRIPT)
    img = XSS_TEXT.index(XSS_IMG)
    findings = [
        Finding(
            "SCR099",
            Category.SCRAPE,
            at,
            at + len(XSS_SCRIPT),
            "<b>markup</b> in the message </script>",
            fix=(Edit(at, at + len(XSS_SCRIPT), "<script>window.__pwned = 4;</script>"),),
            alternatives=('"><img src=x onerror="window.__pwned = 5">',),
            explanation='<img src=x onerror="window.__pwned = 6"> explained',
        ),
        Finding("TYP099", Category.TYPO, img, img + len(XSS_IMG), "an <img> tag", confidence=0.9),
    ]
    result = FileResult(str(doc), document=Document.from_text(XSS_TEXT, path=str(doc)), findings=findings)
    source = report.Source(result, str(doc), hashlib.sha256(doc.read_bytes()).hexdigest())
    out = tmp_path / "hostile.html"
    out.write_text(html.render(report.build([source], str(folder))), encoding="utf-8")
    return out


TYPED = '<img src=x onerror="window.__pwned = 7">'


def test_hostile_document_renders_as_text(page: Any, tmp_path: Path) -> None:
    _open(page, _hostile_report(tmp_path))
    shown = page.inner_text("#doc-text")
    assert XSS_SCRIPT in shown and XSS_IMG in shown
    assert 'x"><img src=x onerror=alert(1)>.txt' in page.inner_text("#doc-title")
    page.keyboard.press("2")  # the alternative: its diff is rendered too
    page.keyboard.press("e")
    page.keyboard.type(TYPED)
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.keyboard.press("j")
    assert "<b>markup</b>" in page.inner_text("#card") or "an <img> tag" in page.inner_text("#card")
    page.keyboard.press("k")
    first = page.evaluate("window.repairReport.decisions()")["files"][0]["decisions"][0]
    assert first["choice"] == "edit" and first["replacement"].endswith(TYPED)
    card = page.inner_text("#card")
    assert "<b>markup</b> in the message </script>" in card and "onerror" in card
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('b').length") == 0
    assert page.errors == []


def test_large_report_opens_and_navigates(
    page: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """500 documents, 5,000 findings: file size and time to first paint are printed, never asserted."""
    root = tmp_path / "big"
    results = synthetic_results(root, 500, 10)
    started = time.perf_counter()
    data = report.build([report.source(r) for r in results], str(root))
    out = tmp_path / "big.html"
    out.write_text(html.render(data), encoding="utf-8")
    built = time.perf_counter() - started
    assert sum(len(d["findings"]) for d in data["documents"]) == 5000
    _open(page, out)
    timing = page.evaluate(
        """() => {
        const paint = performance.getEntriesByName("first-contentful-paint")[0];
        const ready = performance.getEntriesByName("repair-ready")[0];
        return {paint: paint ? paint.startTime : null, ready: ready ? ready.startTime : null};
    }"""
    )
    started = time.perf_counter()
    for _ in range(100):
        page.keyboard.press("j")
    page.wait_for_function("window.repairReport.current().id === 'd10f0'")
    hundred = time.perf_counter() - started
    page.keyboard.press("a")
    page.select_option("#filter-rule", "TYP001")
    page.fill("#filter-confidence", "0.8")
    page.dispatch_event("#filter-confidence", "input")
    assert page.evaluate("window.repairReport.current().rule") == "TYP001"
    assert page.evaluate("document.querySelectorAll('#doc-list li').length") == 100
    assert "spin score" in page.inner_text("#doc-list") and "spin score" in page.inner_text("#summary")
    with capsys.disabled():
        print(
            f"\n[report scale] 500 documents, 5,000 findings: {out.stat().st_size / 1e6:.2f} MB, "
            f"built in {built:.2f} s; first contentful paint {timing['paint']:.0f} ms, "
            f"script ready {timing['ready']:.0f} ms after navigation start; "
            f"100 x 'j' (crossing 10 documents) {hundred * 1000:.0f} ms"
        )
    assert page.errors == []


LINES = "".join(f"line {i}\n" for i in range(1, 31))


def _at(needle: str, length: int, replacement: str) -> list[Any]:
    start = LINES.index(needle)
    return [start, start + length, replacement]


DIFF_CASES = [
    ("a\nb\nc\n", [[2, 4, ""]]),  # a whole line deleted
    ("a\nb\n", [[1, 2, ""]]),  # a line end deleted: two lines become one
    ("a\nb", [[2, 3, "c"]]),  # no line end at the end of the file
    ("a\nb\n", [[0, 0, "new\n"]]),  # inserted at the start
    (LINES, [_at("line 3\n", 4, "LINE"), _at("line 25\n", 7, "x")]),  # two hunks
    (LINES, [_at("line 3\n", 4, "LINE"), _at("line 8\n", 7, "")]),  # close enough for one hunk
    ("one\r\ntwo\r\nthree\r\n", [[5, 8, "2"]]),  # CRLF kept
    ("split here\n", [[5, 6, "\n"]]),  # a line end inserted
    ("gone\nall\n", [[0, 9, ""]]),  # everything deleted
]


def test_exported_diff_matches_difflib(page: Any, tmp_path: Path) -> None:
    """The page's unified diff is the one difflib writes for the same change (repair apply --diff)."""
    from repair.apply import splice
    from repair.model import Edit as E
    from repair.render.diff import unified

    _open(page, _hostile_report(tmp_path))
    for text, edits in DIFF_CASES:
        new = splice(text, [E(*e) for e in edits])
        expected = unified(FileResult("f.txt", document=Document.from_text(text), fixed_text=new))
        got = page.evaluate("([t, e]) => window.repairReport.unifiedDiff('f.txt', t, e)", [text, edits])
        assert got == expected, (text, edits)
