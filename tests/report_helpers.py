"""Helpers shared by the report tests: reading a report's data, making decisions as the page does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from repair.files import FileResult
from repair.model import Category, Edit, Finding

DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)

# Scraping residue the scrape family flags today: a caption credit and a boilerplate line.
SCRAPED = "Troops landed at the airfield outside the city.Credit:Example Press Agency\n\nLeave a Reply\n"

XSS_SCRIPT = "<script>window.__pwned = 1;</script>"
XSS_IMG = '"><img src=x onerror="window.__pwned = 2">'
XSS_TEXT = f"Intro {XSS_SCRIPT} middle {XSS_IMG} end </script><!-- \u2028 & &amp; tail.\n"


PREFIX = {
    Category.SPIN: "SPN",
    Category.TYPO: "TYP",
    Category.OCR: "OCR",
    Category.SCRAPE: "SCR",
    Category.GRAMMAR: "GRM",
}


def report_data(html: str) -> dict[str, Any]:
    """The JSON data embedded in a report page."""
    m = DATA.search(html)
    assert m, "no report data in the page"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def decide(data: dict[str, Any], choices: dict[str, Any]) -> dict[str, Any]:
    """A decisions document, as the page exports it, for ``{finding id: choice}``.

    A choice is ``"reject"``, ``"fix"``, ``("alternative", option index)`` or ``("edit", text)``.
    """
    files = []
    for doc in data["documents"]:
        decisions = []
        for f in doc["findings"]:
            if f["id"] not in choices:
                continue
            choice = choices[f["id"]]
            rec: dict[str, Any] = {
                "finding": f["id"],
                "rule": f["rule"],
                "category": f["category"],
                "start": f["start"],
                "end": f["end"],
                "original": doc["text"][f["start"] : f["end"]],
                "status": "rejected" if choice == "reject" else "accepted",
            }
            if choice == "fix":
                opt = f["options"][0]
                rec.update(choice="fix", replacement=opt["text"], edits=_edits(opt["edits"]))
            elif isinstance(choice, tuple) and choice[0] == "alternative":
                opt = f["options"][choice[1]]
                rec.update(choice="alternative", alternative=choice[1], replacement=opt["text"])
                rec["edits"] = _edits(opt["edits"])
            elif isinstance(choice, tuple) and choice[0] == "edit":
                rec.update(choice="edit", replacement=choice[1])
                rec["edits"] = _edits([[f["start"], f["end"], choice[1]]])
            decisions.append(rec)
        if decisions:
            files.append({"path": doc["path"], "sha256": doc["sha256"], "decisions": decisions})
    return {
        "schema": "repair-decisions",
        "version": 1,
        "report_id": data["id"],
        "root": data["root"],
        "files": files,
    }


def _edits(edits: list[list[Any]]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "replacement": r} for s, e, r in edits]


def write_json(path: Path, data: Any) -> Path:
    """Write ``data`` as JSON and return the path."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def synthetic_results(root: Path, documents: int, per_document: int) -> list[FileResult]:
    """``documents`` files under ``root``, ``per_document`` findings each (all categories), as results."""
    from repair import textio
    from repair.document import Document

    categories = list(Category)
    results = []
    for d in range(documents):
        sentences = [
            f"Sentence {k} of document {d} says the the quick brown fox jumped over teh lazy dog."
            for k in range(per_document)
        ]
        text = " ".join(sentences) + "\n"
        path = root / f"part{d // 100:02d}" / f"doc{d:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        findings = []
        pos = 0
        for k, s in enumerate(sentences):
            at = text.index("teh", pos)
            pos = at + len(s) - s.index("teh")
            cat = categories[(d + k) % len(categories)]
            findings.append(
                Finding(
                    rule=f"{PREFIX[cat]}00{1 + k % 3}",
                    category=cat,
                    start=at,
                    end=at + 3,
                    message="'teh' looks misspelled",
                    fix=(Edit(at, at + 3, "the"),),
                    alternatives=("ten", "tech"),
                    confidence=round(0.3 + 0.07 * (k % 10), 2),
                    explanation="'the' is the closest common word",
                )
            )
        doc = Document.from_text(text, path=str(path))
        results.append(
            FileResult(
                str(path),
                document=doc,
                decoded=textio.Decoded(text, "utf-8"),
                findings=findings,
                metrics={"spin_score": round((d % 17) / 17, 3)},
            )
        )
    return results
