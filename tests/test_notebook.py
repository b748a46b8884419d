"""Jupyter notebooks: Markdown cells checked as Markdown, findings and fixes in the file's offsets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from report_helpers import decide, report_data, write_json

import repair
from repair import notebook, report
from repair.corpus.run import run_corpus
from tests.conftest import one_line

FAMILIES = ["TYP", "OCR", "SCR"]


def notebook_text(*cells: tuple[str, Any], ascii_only: bool = False, **top: Any) -> str:
    """A format-4 notebook as Jupyter writes it (one-space indent), cells as (type, source)."""
    body = []
    for kind, source in cells:
        cell: dict[str, Any] = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell["execution_count"] = 1
            output = {"name": "stdout", "output_type": "stream", "text": ["teh reslt was recieved\n"]}
            cell["outputs"] = [output]
        body.append(cell)
    meta = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    doc = {"cells": body, "metadata": meta, "nbformat": 4, "nbformat_minor": 5, **top}
    return json.dumps(doc, indent=1, ensure_ascii=ascii_only) + "\n"


def found(text: str) -> list[tuple[str, str]]:
    """(the file's text at each finding, its first replacement)."""
    return [
        (text[f.start : f.end], (f.replacements or ("",))[0])
        for f in repair.check(text, path="n.ipynb", select=FAMILIES)
    ]


def test_the_view_decodes_each_string_and_knows_where_each_character_came_from() -> None:
    text = notebook_text(
        ("markdown", ['# A "quoted" caf\u00e9 \U0001f600\n', "\n", "Tab\there."]),
        ("code", ["x = 1  # ```"]),
        ascii_only=True,
    )
    view = notebook.view(text)
    assert view.text == ('# A "quoted" café \U0001f600\n\nTab\there.\n\n````python\nx = 1  # ```\n````\n\n')
    for i, char in enumerate(view.text):
        if view.starts[i] >= 0:  # the file's characters (an escape, a surrogate pair) decode to it
            assert json.loads('"' + text[view.starts[i] : view.ends[i]] + '"') == char
    assert "teh" not in view.text  # outputs are not read


def test_findings_point_into_the_file_and_only_markdown_prose_is_read() -> None:
    text = notebook_text(
        ("markdown", ["We recieved the data yesterday.\n"]),
        ("code", ["teh_value = 1  # reslt\n"]),  # code, and an output with slips: not prose
        ("markdown", "The loss is $L = \\sum_i (y_i - \\hat{y}_i)^2$, they did not beleive it."),
    )
    assert found(text) == [("recieved", "received"), ("beleive", "believe")]


def test_fixing_rewrites_the_strings_only_and_keeps_the_layout(tmp_path: Path, run) -> None:
    source = ['He said "no" and left.\n', "They did not beleive the report.Credit:Example Press Agency\n"]
    text = notebook_text(("markdown", source), ("code", ["print(1)"]))
    assert '\\"no\\"' in text
    path = tmp_path / "n.ipynb"
    path.write_text(text, encoding="utf-8")
    assert run("fix", str(path))[0] == 0
    expected = text.replace("beleive", "believe").replace("report.Credit:Example Press Agency", "report.")
    assert path.read_text(encoding="utf-8") == expected
    assert json.loads(expected)["cells"][0]["source"][1] == "They did not believe the report.\n"


def test_a_fix_keeps_the_files_escapes() -> None:
    # a notebook written with every non-ASCII character escaped stays so; a quote is escaped
    text = notebook_text(("markdown", ["He said the caf\u00c3\u00a9 was shut."]), ascii_only=True)
    fixed = repair.fix(text, path="n.ipynb", select=FAMILIES)
    assert fixed == text.replace("caf\\u00c3\\u00a9", "caf\\u00e9") and fixed.isascii()
    assert notebook.view(text).escape('say "hi"\n') == 'say \\"hi\\"\\n'


def test_a_fix_over_two_lines_leaves_each_line_its_string() -> None:
    text = notebook_text(("markdown", ["The troops moved the infor-\n", "mation to the base at dawn.\n"]))
    fixed = repair.fix(text, path="n.ipynb", select=FAMILIES)
    lines = ["The troops moved the information\n", "to the base at dawn.\n"]
    assert json.loads(fixed)["cells"][0]["source"] == lines
    assert fixed.count("\n") == text.count("\n")


def test_an_inline_suppression_in_a_cell_holds() -> None:
    text = notebook_text(("markdown", ["They did not beleive it. <!-- repair: ignore TYP001 -->\n"]))
    assert found(text) == []


def test_format_3_notebooks_are_read() -> None:
    cells = [
        {"cell_type": "heading", "level": 2, "metadata": {}, "source": ["Resluts"]},
        {"cell_type": "code", "input": ["teh = 1"], "language": "python", "outputs": []},
        {"cell_type": "markdown", "metadata": {}, "source": ["They did not beleive the report."]},
        # lines written without their line ends, as formats 2 and 3 allowed: the reader joins them
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": ["It reads the old format.", "", "Then it stops."],
        },
    ]
    text = json.dumps({"metadata": {}, "nbformat": 3, "worksheets": [{"cells": cells}]}, indent=1)
    view = notebook.view(text).text
    assert view.startswith("## Resluts\n\n```\nteh = 1\n```\n\n")
    assert "It reads the old format.\n\nThen it stops.\n" in view
    assert found(text) == [("beleive", "believe")]  # no "format.Then" glued


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ('{"cells": [', "unexpected end of the file"),
        ('{"cells": [{"source": "no type"}]}', "without a cell_type"),
        ('{"metadata": {}}\n', "no cells"),
        ('{"cells": []} trailing', "text after the JSON value at line 1"),
    ],
)
def test_a_file_that_is_no_notebook_is_skipped_untouched(tmp_path: Path, run, data: str, reason: str) -> None:
    path = tmp_path / "bad.ipynb"
    path.write_text(data, encoding="utf-8")
    for command in ("check", "fix"):
        code, _, err = run(command, str(path))
        assert code == 2 and one_line(err) and "not a Jupyter notebook" in err and reason in err
    assert path.read_text(encoding="utf-8") == data


def test_corpus_mode_fixes_notebooks_and_reports_broken_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / ".repair.toml").write_text('include = ["*.ipynb"]\n', encoding="utf-8")
    good = notebook_text(("markdown", ["They did not beleive the report.\n"]))
    (src / "good.ipynb").write_text(good, encoding="utf-8")
    (src / "bad.ipynb").write_text("{", encoding="utf-8")
    summary = run_corpus(str(src), str(tmp_path / "out"), select="TYP", workers=1)
    assert (tmp_path / "out" / "good.ipynb").read_text(encoding="utf-8") == good.replace("beleive", "believe")
    errors = [json.loads(x) for x in (tmp_path / "out" / "repair.errors.jsonl").read_text().splitlines()]
    assert [(e["source"], e["kind"]) for e in errors] == [("bad.ipynb", "undecodable")]
    assert "not a Jupyter notebook" in errors[0]["error"] and summary["documents"]["failed"] == 1


def test_review_decisions_apply_to_a_notebook_and_a_hand_edit_must_keep_it_json(
    run, clean_config: Path, tmp_path: Path
) -> None:
    text = notebook_text(("markdown", ["They did not beleive the report.\n"]))
    path = clean_config / "n.ipynb"
    path.write_text(text, encoding="utf-8")
    out = clean_config / "report.html"
    assert run("report", str(path), "-o", str(out))[0] == 0
    data = report_data(out.read_text(encoding="utf-8"))
    (finding,) = data["documents"][0]["findings"]
    broken = decide(data, {finding["id"]: ("edit", 'believe "it"')})
    code, _, err = run("apply", str(write_json(tmp_path / "d.json", broken)))
    assert code == 2 and one_line(err) and "no longer be JSON" in err
    assert path.read_text(encoding="utf-8") == text
    accepted = decide(data, {finding["id"]: "fix"})
    assert run("apply", str(write_json(tmp_path / "d.json", accepted)))[0] == 0
    assert path.read_text(encoding="utf-8") == text.replace("beleive", "believe")


def test_the_report_shows_a_change_inside_its_cell_line_not_the_json(run, clean_config: Path) -> None:
    text = notebook_text(("markdown", ["# Notes\n", "They did not beleive it.\n", "Nor did we.\n"]))
    path = clean_config / "n.ipynb"
    path.write_text(text, encoding="utf-8")
    out = clean_config / "report.html"
    assert run("report", str(path), "-o", str(out))[0] == 0
    (doc,) = report_data(out.read_text(encoding="utf-8"))["documents"]
    ((option, *_),) = (f["options"] for f in doc["findings"])
    shown = report.expand(doc["text"], option["at"], option["diff"])
    before = "".join(chunk for op, chunk in shown if op <= 0)
    after = "".join(chunk for op, chunk in shown if op >= 0)
    # the cell's line, without the JSON string's quotes, indentation or escaped line end
    assert before == "They did not beleive it." and after == "They did not believe it."
    assert not option["more_before"] and not option["more_after"]
