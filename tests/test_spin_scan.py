"""The spin family's building blocks: look-ups, candidate scoring, posterior, combiner, tortured list."""

from __future__ import annotations

import pytest

import repair
from repair.spin import store, tortured
from repair.spin.combiner import probability
from repair.spin.context import known, sentences
from repair.spin.scan import _variant, propose
from repair.spin.slots import find


def test_reverse_thesaurus_lists_originals_with_sources() -> None:
    cands = {c.text: c for c in store.candidates("sustain")}
    assert "support" in cands
    assert "m" in cands["support"].sources or "w" in cands["support"].sources
    assert cands["support"].prior < 0


def test_candidates_are_inflected_like_the_written_word() -> None:
    forms = {text for _, text, _, _, _ in store.inflected_candidates("display", "NNS")}
    assert "shows" in forms


@pytest.mark.parametrize(
    ("lemma", "tag"), [("display", "NNS"), ("sustain", "VB"), ("set", "VBN"), ("launch", "NN")]
)
@pytest.mark.parametrize("limit", [12, store.SCAN_LIMIT])
def test_the_scans_packed_candidates_are_the_inflected_ones_the_model_knows(
    lemma: str, tag: str, limit: int
) -> None:
    expected = [
        (*c, tuple(c[1].split()))
        for c in store.inflected_candidates(lemma, tag, limit)
        if all(known(w) for w in c[1].split())
    ]
    assert expected  # every one of these words has candidates for that tag
    assert store.scan_candidates(lemma, tag, limit) == expected
    assert store.scan_candidates(lemma, tag, store.SCAN_LIMIT + 1) is None  # beyond the packed rows


def test_a_scan_row_parsed_in_steps_reads_like_one_parsed_whole() -> None:
    row = store.scan_row.__wrapped__("display", "NNS")  # a fresh row, not the cached one
    first = list(row.upto(12))
    whole = list(row.upto(store.SCAN_LIMIT))
    again = list(row.upto(12))
    fresh = list(store.scan_row.__wrapped__("display", "NNS").upto(store.SCAN_LIMIT))
    assert whole == fresh and len(whole) > len(first)
    assert first == again == [c for c in whole if c[4] < 12]
    assert list(store.ScanRow("").upto(store.SCAN_LIMIT)) == []


def test_a_forms_frequency_is_its_likeliest_readings() -> None:
    readings = store.analyses("sets")
    assert len(readings) > 1  # a noun and a verb
    assert store.zipf("sets") == max(z for _, _, z in readings)
    assert store.zipf("qzxv") == 0.0 and store.analyses("qzxv") == ()


def test_lexicon_knows_word_classes() -> None:
    tags = {tag for _, tag, _ in store.analyses("additional")}
    assert tags == {"JJ"}
    assert store.inflect("complicate", "VBD") == "complicated"


def test_spelling_variants_are_not_swaps() -> None:
    assert _variant("armour", "armor")
    assert not _variant("storm", "tempest")


def test_swap_proposal_carries_evidence_and_rate_changes_posterior() -> None:
    text = "The company employs over two thousand multitude."
    props = [p for s in sentences(text) for p in propose(s, text, set())]
    best = max(props, key=lambda p: p.posterior)
    assert best.replacement == "people"
    assert best.delta > 0
    assert best.at_rate(0.3).posterior > best.posterior > best.at_rate(0.01).posterior
    assert 0.0 <= probability(best) <= 1.0


def test_slot_rules_find_the_broken_slot_and_its_repair() -> None:
    text = "“Prices will rise,” she additional."
    hits = [h for s in sentences(text) for h in find(s, text)]
    assert [(h.kind, h.replacement) for h in hits] == [("verb-slot", "added")]


@pytest.mark.parametrize(
    "text",
    [
        "Steinberg v. Columbia Pictures was settled.",
        "Changed by his “attractive, calm confidence”, he stayed.",
        "The case went to the Supreme Court in 1990.",
    ],
)
def test_slot_rules_leave_ordinary_sentences_alone(text: str) -> None:
    assert not [h for s in sentences(text) for h in find(s, text)]


def test_listed_tortured_phrase_is_flagged_for_review() -> None:
    text = "Our group has worked on directing convention design for years."
    hits = [h for s in sentences(text) for h in tortured.find(s, text)]
    assert [text[h.start : h.end] for h in hits] == ["directing convention"]
    found = repair.check(text, select=["SPN005"])
    assert found and "Problematic Paper Screener" in found[0].explanation
    assert repair.fix(text, select=["SPN"]) == text


def test_listed_phrase_needs_adjacent_words() -> None:
    text = "They kept directing, convention or not."
    assert not [h for s in sentences(text) for h in tortured.find(s, text)]


def test_listed_phrase_with_thesaurus_confirmed_original_is_fixed() -> None:
    text = "Their carbon impression grew every year."
    assert repair.fix(text, select=["SPN"]) == "Their carbon footprint grew every year."


def test_cache_key_follows_table_content_not_file_times() -> None:
    import os

    from repair.resources import data_path

    path = data_path(store.REVERSE)
    before = store._fingerprint()
    st = path.stat()
    try:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
        assert store._fingerprint() == before
    finally:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_combiner_network_matches_a_hand_computation(monkeypatch: pytest.MonkeyPatch) -> None:
    import math

    from repair.spin import combiner
    from repair.spin.scan import Proposal

    prop = Proposal(
        0, 4, "ship", "ship", "send", "send", "m", 3.0, -2.0, 0.5, 0.5, 1.0, 1.0, -1e10, 5, 0, 0, 1
    )
    n = len(prop.features())
    net = {
        "hidden": [[1.0] + [0.0] * (n - 1), [0.0, 2.0] + [0.0] * (n - 2)],
        "hidden_bias": [0.5, -0.5],
        "weights": [1.5, -1.0, 0.25],
        "mean": [0.0] * n,
        "scale": [1.0] * n,
    }
    monkeypatch.setattr(combiner, "_model", lambda: net)
    h = [math.tanh(0.5 + 3.0), math.tanh(-0.5 + 2.0 * -2.0)]
    assert combiner.probability(prop) == pytest.approx(1 / (1 + math.exp(-(0.25 + 1.5 * h[0] - h[1]))))


def test_the_document_rate_is_a_combiner_input() -> None:
    import math

    from repair.spin.scan import Proposal

    prop = Proposal(
        0, 4, "ship", "ship", "send", "send", "m", 3.0, -2.0, 0.5, 0.5, 1.0, 1.0, -1e10, 5, 0, 0, 1
    )
    assert prop.features()[-1] == pytest.approx(math.log(0.05))
    assert prop.at_rate(0.2).features()[-1] == pytest.approx(math.log(0.2))
    assert prop.at_rate(0.2).posterior > prop.at_rate(0.05).posterior


def test_hyphenated_compound_swap_is_weighed_on_its_last_part() -> None:
    text = "The protests spread to the oil-high western region over the weekend."
    sentence = sentences(text)[0]
    props = [p for p in propose(sentence, text, set()) if p.written == "high"]
    assert props, "the compound's last part is examined"
    best = props[0]
    assert best.replacement == "rich" and best.delta > 5  # "oil rich western" far likelier
    assert text[best.start : best.end] == "high" and text[best.start - 4 : best.start] == "oil-"


def test_compound_with_a_name_part_or_a_number_is_left_alone() -> None:
    for text in ("It cost twenty-five dollars in all.", "The Austro-Hungarian army marched on."):
        sentence = sentences(text)[0]
        props = list(propose(sentence, text, set()))
        assert not [p for p in props if text[p.start - 1] == "-"], [p.written for p in props]


def test_a_thesaurus_phrase_is_examined_when_it_sits_badly_at_an_edge() -> None:
    from repair.spin.context import framed
    from repair.spin.scan import PHRASE_SUSPICION, _odd_phrase

    fits = ["the", "police", "will", "look", "into", "the", "robbery"]
    assert _odd_phrase(framed(fits), 4, 5, fits[3:5]) is None
    odd = ["the", "banana", "look", "into", "purple", "ideas"]
    edges = _odd_phrase(framed(odd), 3, 4, odd[2:4])
    assert edges is not None and min(edges) <= PHRASE_SUSPICION
    closed = ["we", "waited", "at", "last", "for", "rain"]
    assert _odd_phrase(framed(closed), 3, 4, closed[2:4]) is None  # no content word in it


def test_a_word_list_gives_no_context_to_weigh_swaps() -> None:
    # a list of keywords, one per line: every line is a "sentence" of one word
    keywords = [
        "BULK",
        "BREADTH",
        "CONDITION",
        "CUBE",
        "ATTRIBUTE",
        "COMPRESS",
        "CURSOR",
        "ALTER",
        "COMMIT",
        "CONSTRAINT",
        "DELETE",
        "COMPILE",
        "HARBOUR",
        "MEADOW",
        "LANTERN",
        "SHELTER",
        "VESSEL",
        "GARMENT",
    ]
    assert [f for f in repair.check("\n".join(keywords) + "\n", select=["SPN"]) if f.rule == "SPN002"] == []


def test_a_word_beside_a_likely_swap_is_weighed_with_the_swap_restored() -> None:
    from repair.spin.scan import NEIGHBOUR_SPUN, _propose

    # "fresh" for "new" is likely a swap; "satellite" after it is an ordinary word, which the
    # spinner's "brand fresh" made look odd
    text = "The government plans to set afloat a brand fresh satellite next year."
    (sentence,) = sentences(text)
    as_written = {p.written: p for p in _propose(sentence, text, set())}
    weighed = {p.written: p for p in propose(sentence, text, set())}
    assert as_written["fresh"].spun >= NEIGHBOUR_SPUN and as_written["fresh"].replacement == "new"
    assert weighed["satellite"].spun < as_written["satellite"].spun / 10
    # the spans it was read beside keep their own weighing, and so do words beside no likely swap
    assert weighed["fresh"] == as_written["fresh"]
    text = "The committee will publish its findings on the harbour repairs next week."
    (sentence,) = sentences(text)
    unchanged = list(_propose(sentence, text, set()))
    assert len(unchanged) >= 2 and all(p.spun < NEIGHBOUR_SPUN for p in unchanged)
    assert list(propose(sentence, text, set())) == unchanged


def test_a_word_is_not_restored_to_the_word_it_is_paired_with() -> None:
    # writers pair near-synonyms ("apprehensive and worried"); "worried and worried" is no original
    text = "The long delay will make anyone apprehensive and worried about the money."
    (sentence,) = sentences(text)
    props = {p.written: p for p in propose(sentence, text, set())}
    assert props["apprehensive"].replacement not in ("worried", "Worried")
    assert "worried" in [c.text for c in store.candidates("apprehensive", 40)]  # it would be a candidate


def test_a_word_is_not_restored_to_its_neighbour() -> None:
    # a writer sets a synonym beside a word ("robin redbreast"): "the robin robin" is no original,
    # though the model likes a word after itself; such a proposal is a compound, never shown
    text = "In the old tale the robin redbreast carried the fire across the water to the people."
    (sentence,) = sentences(text)
    robin = [p for p in propose(sentence, text, set()) if p.replacement.lower() == "robin"]
    assert {p.written for p in robin} == {"redbreast", "robin redbreast"}
    assert all(p.compound for p in robin)
    assert "robin" in [c.text for c in store.candidates("redbreast", 40)]  # it would be a candidate
    assert all("robin" not in f.replacements for f in repair.check(text))
    assert repair.fix(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Leading retailers read a retail information technology newsletter every week and like it.",
        "He sent sixteen million united states dollars to the bank.",
    ],
)
def test_no_phrase_is_restored_to_a_closed_class_word(text: str) -> None:
    # the thesaurus pairs the phrases with the acronyms "IT" and "US", which read in lower case as
    # the pronouns: "a retail it newsletter" is no restoration
    assert [f for f in repair.check(text) if f.category.value == "spin"] == []
    assert repair.fix(text, unsafe=True) == text
