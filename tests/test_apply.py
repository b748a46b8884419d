"""The apply module: choice of fixes, splicing, verification, fixed point."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from repair import apply, engine, registry
from repair.document import Document
from repair.model import Applicability, Category, Edit, Finding


def finding(
    start: int,
    end: int,
    repl: str,
    conf: float = 0.9,
    app: Applicability = Applicability.SAFE,
    rule: str = "SCR001",
) -> Finding:
    return Finding(rule, Category.SCRAPE, start, end, "m", (Edit(start, end, repl),), (), app, conf)


def test_choose_prefers_confident_and_skips_overlaps() -> None:
    a = finding(0, 5, "x", conf=0.5)
    b = finding(3, 8, "y", conf=0.9)
    c = finding(10, 12, "z", conf=0.1)
    assert apply.choose([a, b, c], unsafe=False) == [b, c]


def test_choose_respects_applicability() -> None:
    safe = finding(0, 1, "a")
    unsafe = finding(2, 3, "b", app=Applicability.UNSAFE)
    shown = finding(4, 5, "c", app=Applicability.DISPLAY)
    assert apply.choose([safe, unsafe, shown], unsafe=False) == [safe]
    assert apply.choose([safe, unsafe, shown], unsafe=True) == [safe, unsafe]


def test_insertions_clash_at_the_same_point_and_inside_replacements() -> None:
    ins = finding(5, 5, " ")
    assert apply.choose([ins, finding(5, 5, "-", conf=0.1)], unsafe=False) == [ins]
    assert apply.choose([finding(3, 7, "", conf=0.95), ins], unsafe=False) == [finding(3, 7, "", conf=0.95)]
    assert apply.choose([ins, finding(6, 7, "q")], unsafe=False) == [ins, finding(6, 7, "q")]


def test_choose_skips_fixes_the_encoding_cannot_hold() -> None:
    f = finding(0, 1, "\u201c")
    assert apply.choose([f], unsafe=False, can_write=lambda s: s.isascii()) == []


def test_splice_and_verify() -> None:
    doc = Document.from_text("abcdef")
    edits = [Edit(1, 2, "XX"), Edit(4, 4, "-")]
    new = apply.splice(doc.text, edits)
    assert new == "aXXcd-ef"
    apply.verify(doc, new, edits)
    with pytest.raises(apply.UnsafeFixError):
        apply.verify(doc, "aXXcd-eF", edits)
    with pytest.raises(apply.UnsafeFixError):
        apply.splice("abc", [Edit(0, 2, ""), Edit(1, 3, "")])


def test_verify_refuses_a_fix_inside_a_protected_span() -> None:
    doc = Document.from_text("see `code` here", kind="markdown")
    edits = [Edit(5, 9, "CODE")]
    with pytest.raises(apply.UnsafeFixError, match="protected"):
        apply.verify(doc, apply.splice(doc.text, edits), edits)


def _doubler(doc: Document) -> list[Finding]:
    """Flags every 'aa' as 'a': reaches a fixed point after several passes."""
    i = doc.text.find("aa")
    return [finding(i, i + 2, "a")] if i >= 0 else []


def test_fix_document_reaches_a_fixed_point() -> None:
    result = apply.fix_document(Document.from_text("aaaa b"), _doubler)
    assert result.text == "a b"
    assert result.converged
    assert len(result.applied) == 3
    assert result.remaining == ()


def test_fix_document_stops_on_a_cycle() -> None:
    def flip(doc: Document) -> list[Finding]:
        return [finding(0, 1, "b" if doc.text[0] == "a" else "a")]

    result = apply.fix_document(Document.from_text("a"), flip)
    assert not result.converged
    assert result.text in ("a", "b")
    assert result.passes <= apply.MAX_PASSES


def test_fix_document_refuses_a_fix_that_breaks_markup_and_keeps_the_others() -> None:
    def break_code(doc: Document) -> list[Finding]:
        out = []
        i = doc.text.find("x")
        if i >= 0:
            out.append(finding(i, i + 1, "`"))  # would open a code span and shift the markup
        j = doc.text.find("z")
        if j >= 0:
            out.append(finding(j, j + 1, "Z"))
        return out

    result = apply.fix_document(Document.from_text("x `code` y z", kind="markdown"), break_code)
    assert result.text == "x `code` y Z" and not result.converged
    assert [f.start for f in result.remaining] == [0]  # reported, not applied


def test_a_fix_that_makes_markup_of_its_neighbour_is_left_out() -> None:
    # removing the bell before "```" would make it a fence and change what the code block covers;
    # the repeated word is still fixed
    doc = Document.from_text("\x07```\nfenced the the\n```\n", kind="markdown")
    result = engine.fix(doc, registry.selected_codes(None, None))
    assert result.text == "\x07```\nfenced the\n```\n"


def _rules(table: dict[str, tuple[str, str, Category]]) -> Callable[[Document], list[Finding]]:
    """An analyzer that, for each listed phrase in the text, proposes its replacement."""

    def analyze(doc: Document) -> list[Finding]:
        out = []
        for phrase, (repl, rule, category) in table.items():
            at = doc.text.find(phrase)
            if at >= 0:
                end = at + len(phrase)
                edit = (Edit(at, end, repl),)
                out.append(Finding(rule, category, at, end, "m", edit, (), Applicability.SAFE, 0.9))
        return out

    return analyze


def test_a_spin_fix_does_not_rewrite_what_a_spin_fix_wrote() -> None:
    analyze = _rules(
        {
            "crimson fruit": ("red apple", "SPN005", Category.SPIN),  # a restoration ...
            "red apple": ("red pome", "SPN002", Category.SPIN),  # ... and a swap read into it
        }
    )
    result = apply.fix_document(Document.from_text("A crimson fruit fell."), analyze)
    assert result.text == "A red apple fell."
    assert result.converged


def test_a_restoration_is_followed_through_other_fixes_and_fixes_beside_it_apply() -> None:
    analyze = _rules(
        {
            "Oh well, so, ": ("", "SCR001", Category.SCRAPE),  # moves the restoration's offsets
            "crimson fruit": ("red apple", "SPN005", Category.SPIN),
            "red apple": ("red pome", "SPN002", Category.SPIN),
            "fell": ("dropped", "SPN002", Category.SPIN),  # beside the restoration: applied
        }
    )
    result = apply.fix_document(Document.from_text("Oh well, so, A crimson fruit fell."), analyze)
    assert result.text == "A red apple dropped."
