"""The spin family: phrase table, slot rules, thesaurus swaps, explanations, spin score, negatives."""

from __future__ import annotations

import bisect
import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import repair
from repair.detectors.spin import spin_score
from repair.document import Document
from repair.model import Applicability, Category, finding
from repair.resources import table
from repair.spin import gate, phrases
from repair.spin.lexicon import FUNCTION_WORDS
from repair.spin.scan import Proposal
from repair.tokenize import words

HERE = Path(__file__).parent
ROWS = table("spin_phrases.tsv").rows


def spin_findings(text: str) -> list[repair.model.Finding]:
    return [f for f in repair.check(text, select=["SPN"]) if f.category is Category.SPIN]


def test_phrase_table_is_sorted_unique_and_not_self_looping() -> None:
    keys = [r["spun"].lower() for r in ROWS]
    assert keys == sorted(keys), "spin_phrases.tsv rows must be sorted by spun phrase"
    assert len(keys) == len(set(keys)), "duplicate spun phrase"
    spun = set(keys)
    for r in ROWS:
        assert r["original"].lower() not in spun, f"correction {r['original']!r} is itself a listed swap"
        assert r["kind"] in {"swap", "tortured"}
        assert r["safety"] in {"safe", "unsafe"}
        for cell in r.values():
            assert cell == cell.strip()


@pytest.mark.parametrize("row", ROWS, ids=[r["spun"] for r in ROWS])
def test_phrase_row_example_is_fixed(row: dict[str, str]) -> None:
    unsafe = row["safety"] != "safe"
    hits = list(phrases.matches(row["example"]))
    assert hits, f"{row['spun']!r} not matched in its example"
    fixed = repair.fix(row["example"], unsafe=unsafe, select=["SPN001"])
    assert fixed == row["fixed"]
    assert not list(phrases.matches(fixed))
    if unsafe:
        assert repair.fix(row["example"], select=["SPN001"]) == row["example"]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("“The harvest was poor,” she additional.", "“The harvest was poor,” she added."),
        (
            "The union appealed for sustain from other workers.",
            "The union appealed for support from other workers.",
        ),
        (
            "The rules became more complicate after the merger.",
            "The rules became more complicated after the merger.",
        ),
        ("The museum has however to open its new wing.", "The museum has yet to open its new wing."),
    ],
)
def test_slot_and_swap_rules_fix_own_sentences(text: str, fixed: str) -> None:
    assert repair.fix(text, select=["SPN"]) == fixed


def test_a_scanned_text_gets_spin_findings_shown_not_applied() -> None:
    # OCR damage marks a scan of print, whose wording no spinner wrote
    text = "The union appealed for sustain from other workers."
    scanned = "The infor- mation came late; the gov- ernment knew it. " + text
    assert repair.fix(scanned, select=["SPN"]) == scanned
    found = [f for f in repair.check(scanned, select=["SPN"]) if scanned[f.start : f.end] == "sustain"]
    assert found and found[0].applicability is Applicability.DISPLAY
    assert "scan of print" in found[0].explanation


def test_a_word_running_into_an_ellipsis_is_shown_not_applied() -> None:
    # "the sustain..." may be a word cut short ("sustainability"), not a swap
    text = "The union appealed for sustain..."
    assert repair.fix(text, select=["SPN"]) == text
    (f,) = [f for f in spin_findings(text) if text[f.start : f.end] == "sustain"]
    assert f.applicability is Applicability.DISPLAY and "cut short" in f.explanation
    assert repair.fix("The union appealed for sustain.", select=["SPN"]) == "The union appealed for support."


def test_a_lone_swap_in_a_long_unspun_text_is_not_applied() -> None:
    # a long text whose sample shows no spinning is not read in full: its lone confident swap is
    # more often an established term, so it is shown, not applied (not even with unsafe fixes)
    towns = ["Alder", "Brook", "Cedar", "Dale", "Elm", "Fern", "Glen", "Heath"]
    filler = "\n\n".join(
        f"On day {n} the council of {towns[n % 8]}ford met in the town hall and talked about the budget "
        f"for the park, the roads and the schools. The members agreed to meet again on day {n + 1}."
        for n in range(1, 90)
    )
    para = "The trip began in the capital on a wet morning. Thousands of multitude gathered there.\n\n"
    (short,) = spin_findings(para)
    assert short.applicability is Applicability.SAFE and short.replacements[0] == "people"
    text = para + filler + "\n"
    (long,) = spin_findings(text)
    assert (long.start, long.end) == (short.start, short.end) and long.applicability is Applicability.DISPLAY
    assert "Shown only: in a long text that shows no clear signs of spinning" in long.explanation
    assert repair.fix(text, select=["SPN"], unsafe=True) == text


INQUIRY = (
    "The inquiry into the collapse of the Harbour Street footbridge entered its third week on Monday. "
    "Engineers from the city council told the panel that the steel beams had been inspected twice in "
    "the last five years, and that no cracks had been found on either visit. Lawyers for the families "
    "of the injured asked why the bridge had stayed open during the storm, when the river was already "
    "close to the top of its banks. One of the lawyers said the council should in some way be held to "
    "account for the delay. The chairman said the inquiry would hear from the contractors next week, "
    "and that a report is expected before the end of the year. The families have asked for the "
    "hearings to be held in the evening, so that more people can attend after work.\n"
)


def test_a_lone_swap_short_of_certain_is_not_applied_in_a_text_that_shows_no_other_sign() -> None:
    # "in some way" fits "somehow" well enough to be safe (0.62), but nothing else in the text points
    # to a spinner: no other strong sign, and its other words' swaps together short of a doubt
    (found,) = spin_findings(INQUIRY)
    assert INQUIRY[found.start : found.end] == "in some way" and found.replacements[0] == "somehow"
    assert found.applicability is Applicability.UNSAFE
    assert "nothing else in the document points to a spinner" in found.explanation
    assert repair.fix(INQUIRY, select=["SPN"]) == INQUIRY
    assert "somehow be held" in repair.fix(INQUIRY, select=["SPN"], unsafe=True)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tolerating small irreconcilable deviations is how most families cope with it.", "deviations"),
        ("The report found that the drug was sold illicitly in several towns along the coast.", "illicitly"),
    ],
)
def test_a_lone_swap_short_of_near_certain_is_offered(text: str, word: str) -> None:
    # confident (above 0.8), but the only sign of spinning in the text: the writer's word as often
    (found,) = spin_findings(text)
    assert text[found.start : found.end] == word and 0.75 < found.confidence < 0.85
    assert found.applicability is Applicability.UNSAFE and "nothing else in the document" in found.explanation
    assert repair.fix(text, select=["SPN"]) == text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("after work.", "after work, he additional."),
        ("asked why the bridge", "appealed for sustain and asked why the bridge"),
    ],
)
def test_a_swap_beside_another_sign_of_spinning_is_applied(old: str, new: str) -> None:
    # a strong sign elsewhere (a noun where a verb must stand, a verb where a noun must) supports it
    text = INQUIRY.replace(old, new)
    assert text != INQUIRY
    (found,) = [f for f in spin_findings(text) if text[f.start : f.end] == "in some way"]
    assert found.applicability is Applicability.SAFE and found.replacements[0] == "somehow"


def test_title_word_is_offered_not_applied_by_default() -> None:
    text = "Dutch chief Minister Pieter Smit arrived late."
    found = [f for f in spin_findings(text) if f.rule == "SPN004"]
    assert found and found[0].replacements[0] == "Prime"
    assert found[0].applicability is not Applicability.SAFE


def test_explanation_names_candidate_thesaurus_model_and_confidence() -> None:
    found = spin_findings("The union appealed for sustain from other workers.")
    assert found
    ex = found[0].explanation
    assert "'support'" in ex
    assert "Moby Thesaurus II" in ex or "WordNet" in ex
    assert "times more likely" in ex
    assert "confidence" in ex


def test_a_verb_naming_an_identifier_is_no_noun_slot_swap() -> None:
    # technical writing uses "commit", "build", "release" as nouns before an identifier
    text = "The speed was measured for commit 5df2e90 and again for build 42."
    assert not [f for f in repair.check(text, select=["SPN003"])]


TERM_TEXT = (
    "locales\n-------\n\n    * From version 3.1 on, you may add your own locales next to the\n"
    "    shipped ones. They are treated like other locales by the build\n"
    "    scripts. The list of extra locales goes in the local file; see the locales\n"
    "    that the locales package ships for examples.\n\n"
    "    To turn on the new locales, run 'setup locales' and pick the new locales.\n"
)


def test_a_term_the_document_keeps_using_is_no_swap(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.detectors import spin as family
    from repair.spin import combiner

    assert not [f for f in repair.check(TERM_TEXT, select=["SPN"])]

    # a combiner that finds 'locales' a weak swap at every use (below the unsafe band, above
    # the display threshold of a spun document) and nothing else
    def weak(prop: Proposal) -> float:
        return 0.3 if prop.written.lower() == "locales" else 0.0

    monkeypatch.setattr(family, "probability", weak)
    monkeypatch.setattr(combiner, "probability", weak)
    assert not [f for f in repair.check(TERM_TEXT, select=["SPN"])]
    # without the rule the word would be flagged at every use, and made the document look spun
    monkeypatch.setattr(family, "TERM_USES", 10_000)
    assert len([f for f in repair.check(TERM_TEXT, select=["SPN002"])]) >= 4


def test_a_quoted_word_is_mentioned_not_used() -> None:
    text = 'It can be undone by the user with "unmask" instead of "mask".'
    assert not [f for f in repair.check(text, select=["SPN003"])]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The original meaning of defenestrate is to throw a person out of a window.", "defenestrate"),
        ("The older sense of impute is not treated in this entry.", "impute"),
        ("Note that the older sense of\n   impute is not treated in this entry.", "impute"),
        ("In the slang of some campuses it is a var of bonk; see the next entry.", "bonk"),
        ("Knapper, n. [From knap, v.] One who breaks flints.", "knap"),
    ],
)
def test_a_word_a_dictionary_names_is_mentioned_not_used(text: str, word: str) -> None:
    # a glossary's subject is the word itself, whatever its class: shown at most, never applied
    found = [f for f in repair.check(text, select=["SPN"]) if text[f.start : f.end] == word]
    assert found, "the swap scan no longer reads this word; the test needs another"
    assert all(f.applicability is Applicability.DISPLAY and "names the word" in f.explanation for f in found)
    assert repair.fix(text, select=["SPN"]) == text


def test_a_word_in_use_after_of_is_still_a_swap() -> None:
    text = "The mayor appealed for sustain from residents of the town."
    assert repair.fix(text, select=["SPN"]) == "The mayor appealed for support from residents of the town."


def test_phrase_context_condition_keeps_legitimate_use() -> None:
    assert not spin_findings("It was a profound learning experience for the whole class.")


def test_protected_spans_are_left_alone() -> None:
    text = "See `has however to` in the code.\n"
    assert not [f for f in repair.check(text, kind="markdown", select=["SPN"])]


def test_spin_score_counts_flagged_content_words() -> None:
    text = "The union appealed for sustain from other workers."
    score, count = spin_score(text, spin_findings(text))
    assert count == 1
    assert 0 < score < 1
    assert spin_score("Nothing to see here.", []) == (0.0, 0)


def _spin_score_reference(text: str, findings: list[repair.model.Finding]) -> tuple[float, int]:
    """The spin score as computed before the speed work: every word of the text tokenised."""
    spin = [f for f in findings if f.category is Category.SPIN]
    if not spin:
        return 0.0, 0
    content = [t for t in words(text) if t.text.isalpha() and t.text.lower() not in FUNCTION_WORDS]
    if not content:
        return 0.0, len(spin)
    starts, ends = [t.start for t in content], [t.end for t in content]
    flagged: set[int] = set()
    for f in spin:
        flagged.update(range(bisect.bisect_right(ends, f.start), bisect.bisect_left(starts, f.end)))
    return round(len(flagged) / len(content), 4), len(spin)


# words, function words, digits, joiners, accents and every kind of white space
SCORE_PIECES = st.sampled_from(
    ["clerk", "Ledger", "of", "the", "é", "\u0301", "7", "-", "'", "’", "_", ".", " ", "\n", "\r\n", "\t"]
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(SCORE_PIECES, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30), st.booleans()), max_size=5),
)
def test_spin_score_matches_the_whole_text_reference(text: str, spans: list[tuple[int, int, bool]]) -> None:
    """Findings anywhere (inside words, across them, empty, at the ends): the score counts the same
    content words as a tokenisation of the whole text did."""
    found = []
    for at, width, spin in spans:
        start = min(at, len(text))
        end = min(start + width, len(text))
        found.append(finding("SPN002" if spin else "SCR009", start, end, "test"))
    assert spin_score(text, found) == _spin_score_reference(text, found)


# protected spans too: code spans, links and addresses, glued to words or not
PROTECTED_PIECES = st.sampled_from(
    ["clerk", "of", "Ledger", "7", "-", "’", " ", "\n", "`x7 clerk`", "`of`", "https://ex.org/a-b", "a@b.org"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PROTECTED_PIECES, max_size=30).map("".join),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 20)), min_size=1, max_size=4),
)
def test_spin_score_of_a_document_with_protected_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """A document's content words are counted from the spelling rules' counts of its masked text,
    corrected around its protected spans: the same count as the whole text's."""
    doc = Document.from_text(text, kind="markdown")
    found = [finding("SPN002", min(a, len(text)), min(a + w, len(text)), "test") for a, w in spans]
    assert spin_score(doc, found) == _spin_score_reference(text, found)


def test_spin_score_counts_words_inside_protected_spans() -> None:
    text = "The `clerk ledger` of the city clerk.\n"
    doc = Document.from_text(text, kind="markdown")
    assert doc.protected  # the code span is protected, its words blanked out in the masked text
    found = [finding("SPN002", 31, 36, "test")]
    assert spin_score(doc, found) == _spin_score_reference(text, found) == (round(1 / 4, 4), 1)


def test_spin_score_counts_whole_words_a_finding_cuts() -> None:
    # a finding from inside "of" (a function word) or "7clerk" (not alphabetic) flags no content word
    # there, however its cut part reads; one from inside "Ledger" flags it once
    text = "the of clerk 7clerk Ledger"
    cuts = [
        finding("SPN002", 5, 8, "test"),
        finding("SPN002", 14, 18, "test"),
        finding("SPN002", 21, 23, "test"),
    ]
    assert spin_score(text, cuts) == _spin_score_reference(text, cuts) == (round(2 / 2, 4), 3)


def test_negative_corpus_comes_back_unchanged() -> None:
    text = (HERE / "negatives" / "spin_clean.txt").read_text(encoding="utf-8")
    body = text.split("\n", 2)[2]
    assert repair.fix(body, select=["SPN"]) == body
    loud = [f for f in spin_findings(body) if f.confidence >= 0.9]
    assert not loud, [(body[f.start : f.end], f.replacements) for f in loud]


@pytest.mark.xfail(
    reason="'displays' for 'protests' is a two-step thesaurus hop (protest-demonstration-display)"
)
def test_known_failure_two_step_swap() -> None:
    assert repair.fix("The displays began over the weekend in the capital.", select=["SPN"], unsafe=True) == (
        "The protests began over the weekend in the capital."
    )


@pytest.mark.xfail(reason="'great strength ambitions': the model does not yet weigh 'power' over 'health'")
def test_known_failure_noun_compound_swap() -> None:
    text = "If you have great strength ambitions, show them."
    assert repair.fix(text, select=["SPN"], unsafe=True) == "If you have great power ambitions, show them."


def test_long_clean_document_is_sampled_not_scanned_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    import repair.detectors.spin as family

    calls = []
    real = family.propose

    def counting(sentence, text, skip, quick=False):  # type: ignore[no-untyped-def]
        assert quick  # a first look at the sample only
        calls.append(len(sentence.tokens))
        return real(sentence, text, skip, quick)

    monkeypatch.setattr(family, "propose", counting)
    sentence = "The farmers carried their grain to the market in the town every week. "
    text = sentence * 600  # about 8,000 words, no sign of spinning
    assert not [f for f in repair.check(text, select=["SPN002"])]
    sample_words = gate.SAMPLE_CHUNKS * gate.CHUNK_CHARS * 1.5 / len(sentence) * len(sentence.split())
    assert 0 < sum(calls) < sample_words


def test_long_document_chunks_and_sample() -> None:
    text = ("A line of plain prose here.\n\n" * 2000).strip()
    parts = gate.chunks(text)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert all(text[end - 2 : end] == "\n\n" for _, end in parts[:-1])  # cut at paragraph breaks
    layout = gate.plan(text)
    assert len(layout.sample) == gate.SAMPLE_CHUNKS and layout.sample[0] == parts[0]
    assert len(layout.sample) + len(layout.rest) == len(parts)
    assert gate.plan("Short text.").sample == ((0, 11),)


def test_a_spun_sample_is_weighed_again_and_the_whole_document_read() -> None:
    # the swap is written once, in the last paragraph (a word used four times or more would be a
    # term of the document); the sample shows spinning through the listed phrase
    spun = "The company employs over two thousand multitude. "
    text = ("Research on counterfeit consciousness grew fast.\n\n" * 300) + spun
    found = repair.check(text, select=["SPN"])
    last = text.rindex("multitude")
    assert any(f.rule == "SPN001" and f.start > len(text) - 200 for f in found)  # read to the end
    assert any(f.rule == "SPN002" and f.start == last for f in found)


def test_listed_phrases_are_found_past_the_sample_of_a_long_clean_document() -> None:
    filler = "The farmers carried their grain to the market in the town every week.\n\n" * 600
    text = filler + "Research on counterfeit consciousness grew fast.\n\n" + filler
    found = [f for f in repair.check(text, select=["SPN"]) if f.rule == "SPN001"]
    assert [text[f.start : f.end] for f in found] == ["counterfeit consciousness"]


def test_listed_prefilter_needs_the_words_in_a_row() -> None:
    index = gate.index(["counterfeit consciousness", "has however to"])
    assert gate.listed_in("On counterfeit\nconsciousness, see.", index) == ["counterfeit consciousness"]
    assert gate.listed_in("Consciousness is not counterfeit.", index) == []
    assert gate.may_hold("It has, however, to wait.", ["has however to"])
    assert not gate.may_hold("It has to wait.", ["has however to"])


def _listed_in_reference(text: str, listed: gate.Index) -> list[str]:
    """:func:`gate.listed_in` as it was before the speed work: every word pair of the text in a set."""
    parts = gate.flat_words(text)
    present = set(parts)
    found = [p for key in present.intersection(listed) for p in listed[key] if all(w in present for w in p)]
    pairs = set(itertools.pairwise(parts))
    return [" ".join(p) for p in found if all((a, b) in pairs for a, b in itertools.pairwise(p))]


LISTED = gate.index(["counterfeit consciousness", "has however to", "bosom peril", "peril", "to to"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "counterfeit",
                "consciousness",
                "has",
                "however",
                "to",
                "peril",
                "bosom",
                "the",
                ", ",
                " ",
                "\n",
                "-",
            ]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_listed_in_matches_the_every_pair_reference(text: str) -> None:
    assert gate.listed_in(text, LISTED) == _listed_in_reference(text, LISTED)


def test_spun_document_needs_several_signs_at_a_density_clean_prose_does_not_reach() -> None:
    from repair.detectors.spin import spun_document

    assert spun_document(3, 1000)
    assert not spun_document(2, 100)  # too few signs
    assert not spun_document(5, 100_000)  # a few slips in a long clean book


def test_wider_unsafe_band_only_when_the_run_applies_unsafe_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.spin import combiner, explain
    from repair.spin.scan import Proposal

    prop = Proposal(
        0, 4, "ship", "ship", "send", "send", "m", 3.0, -2.0, 0.5, 0.5, 1.0, 1.0, -1e10, 5, 0, 0, 1
    )
    monkeypatch.setattr(
        combiner, "probability", lambda _p: (explain.SWAP_UNSAFE_SPUN + explain.SWAP_UNSAFE) / 2
    )
    assert explain.finding_for_proposal(prop) is None
    wide = explain.finding_for_proposal(prop, unsafe=explain.SWAP_UNSAFE_SPUN)
    assert wide is not None and wide.applicability is Applicability.UNSAFE
    shown = explain.finding_for_proposal(prop, show=explain.SWAP_SHOW_SPUN)
    assert shown is not None and shown.applicability is Applicability.DISPLAY


def test_listed_correction_takes_the_case_of_the_written_phrase() -> None:
    from repair.spin.explain import cased_like

    assert cased_like("co2 emission", "CO2 effusion") == "CO2 emission"
    assert (
        cased_like("world health organization", "World Well-being Association") == "World Health Organization"
    )
    assert cased_like("artificial intelligence", "Counterfeit consciousness") == "Artificial intelligence"
    assert cased_like("big data", "huge information") == "big data"


def test_listed_correction_is_safe_only_when_the_model_strongly_prefers_it() -> None:
    from repair.spin.explain import LISTED_SAFE_DELTA, finding_for_listed

    strong = finding_for_listed(0, 10, "heart assault", "heart attack", False, LISTED_SAFE_DELTA + 1)
    weak = finding_for_listed(0, 10, "heart assault", "heart attack", False, LISTED_SAFE_DELTA - 1)
    unmeasured = finding_for_listed(0, 10, "heart assault", "heart attack", False, None)
    assert strong.applicability is Applicability.SAFE and "more likely" in strong.explanation
    assert weak.applicability is Applicability.UNSAFE
    assert unmeasured.applicability is Applicability.UNSAFE


def test_swap_evidence_needs_many_likely_swaps_at_a_density_clean_prose_does_not_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses

    import repair.detectors.spin as family
    from repair.spin.scan import SPIN_RATE, Proposal

    base = Proposal(
        0, 4, "ship", "ship", "send", "send", "m", 3.0, -2.0, 0.5, 0.5, 1.0, 1.0, -1e10, 5, 0, 0, 1
    )
    props = [[dataclasses.replace(base, start=10 * k, end=10 * k + 4)] for k in range(10)]
    monkeypatch.setattr(family, "probability", lambda _p: 0.3)
    assert family.swap_evidence(props, SPIN_RATE, 100)  # 3 expected swaps in 100 content words
    assert not family.swap_evidence(props, SPIN_RATE, 1000)  # the same in 1,000: a clean-like density
    assert not family.swap_evidence(props[:3], SPIN_RATE, 20)  # too few in all (0.9 expected)


@pytest.mark.parametrize(
    "text",
    [
        "The game ships with an intuitive user interface, and each level can be played again from the menu.",
        "Set the default web browser before you open the link that the letter gave you.",
        "Each distinct point sits in a unique leaf node, and the tree grows as points are added.",
    ],
)
def test_a_compound_is_no_swap_for_its_own_head(text: str) -> None:
    # WordNet lists "user interface" beside "interface": a spinner that wrote the compound for its
    # head would have left the head standing, and no swap of spin_dev has that shape
    assert repair.check(text, select=["SPN"]) == []


def test_glucose_level_is_a_medical_term_not_a_tortured_phrase() -> None:
    # "glucose level" is what clinicians write; it was never on the published list
    text = "In the second model the risk of diabetes rises with the glucose level of each patient."
    assert [f for f in repair.check(text) if f.rule.startswith("SPN")] == []


def test_an_html_pages_navigation_is_no_spinners_text() -> None:
    # a site's menu or a book's table of contents is its own, repeated on every page: the Rust
    # books' chapter list had "Validating References with Lifetimes" -> "Verifying" on each stub
    page = (
        '<html><body><nav id="sidebar"><ol><li><a href="a.html">Why he appealed for sustain from allies'
        "</a></li></ol></nav>\n<main><p>The minister appealed for sustain from his allies, the officials"
        " said.</p></main></body></html>\n"
    )
    found = [f for f in repair.check(page, path="book.html") if f.rule.startswith("SPN")]
    assert [f.start for f in found] == [page.index("sustain", page.index("<main>"))]
    # the same words outside the navigation are read
    bare = page.replace('<nav id="sidebar">', "<div>").replace("</nav>", "</div>")
    assert len([f for f in repair.check(bare, path="book.html") if f.rule.startswith("SPN")]) == 2
    # a page cut off inside its navigation keeps the text after it read
    cut = page.replace("</nav>", "")
    assert len([f for f in repair.check(cut, path="book.html") if f.rule.startswith("SPN")]) == 2


def test_a_spun_navigation_does_not_make_the_page_read_as_spun() -> None:
    # the menu's swaps are no evidence about the page's own text: the body is read as it is alone
    titles = [
        "Why he appealed for sustain from allies",
        "The rocket set afloat complicate at the steppe",
        "He additional that the talks went well",
        "Officials appealed for sustain again",
        "The set afloat complicate reopens",
        "He additional a warning to the press",
    ]
    menu = "".join(f'<li><a href="{i}.html">{t}</a></li>' for i, t in enumerate(titles))
    body = (
        "<main><p>The minister spoke to the press on Tuesday and said that the talks with his neighbours"
        " had gone well. He added that the next round would start in the spring, after the harvest, and"
        " that the army would stay in its barracks. Reporters asked about the price of grain, and he"
        " answered that it would fall.</p></main>"
    )
    page = f"<html><body><nav><ol>{menu}</ol></nav>\n{body}</body></html>\n"
    alone = f"<html><body>{body}</body></html>\n"

    def spin_in_body(html: str) -> list[tuple[str, str]]:
        at = html.index("<main>")
        return [
            (html[f.start : f.end], f.applicability.value)
            for f in repair.check(html, path="page.html")
            if f.rule.startswith("SPN") and f.start > at
        ]

    assert spin_in_body(page) == spin_in_body(alone)
    # the same titles in the page's own text do make it read as spun
    told = page.replace("<nav>", "<div>").replace("</nav>", "</div>")
    assert len([f for f in repair.check(told, path="page.html") if f.rule.startswith("SPN")]) >= len(titles)


@pytest.mark.parametrize(
    ("text", "word", "why"),
    [
        (
            "The infor- mation came late; the gov- ernment knew it. The union appealed for sustain from "
            "other workers.",
            "sustain",
            "scan of print",
        ),
        ("The union appealed for sustain...", "sustain", "cut short"),
        ("The gulls wheeled hither and thither over the harbour while the boats came in.", "hither", "older"),
        ("Knapper, n. [From knap, v.] One who breaks flints.", "knap", "names the word"),
    ],
)
def test_a_finding_held_to_display_says_shown_only(text: str, word: str, why: str) -> None:
    # the explanation's last sentence tells a reviewer what the fix mode does with the finding:
    # "Shown only: ..." for a display finding, "Not applied by default: ..." for an unsafe one
    (f,) = [f for f in repair.check(text, select=["SPN"]) if word in text[f.start : f.end]]
    assert f.applicability is Applicability.DISPLAY
    assert " Shown only: " in f.explanation and why in f.explanation.split(" Shown only: ")[1]
    assert "Not applied:" not in f.explanation
