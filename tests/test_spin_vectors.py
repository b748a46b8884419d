"""Topical fit of a candidate original, from word vectors (repair.spin.vectors)."""

from __future__ import annotations

import dataclasses

import pytest

from repair.spin import scan, vectors
from repair.spin.context import sentences

RIOT = (
    "Riot police fired tear gas at the crowd on Saturday night. Dozens of shops were looted, "
    "cars were burned and the destruction of character angered residents, who demanded "
    "compensation from the city council for the damage to their homes and businesses."
)


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_common_words_have_vectors_and_non_words_none() -> None:
    v = vectors.vector("property")
    assert v is not None and len(v) == vectors.DIMS
    assert vectors.vector("qzxvbk") is None


def test_the_candidate_that_suits_the_passage_gains() -> None:
    start, end = _span(RIOT, "character")
    fits = vectors.fit_gain(RIOT, start, end, ["character"], ["property"])
    odd = vectors.fit_gain(RIOT, start, end, ["character"], ["personality"])
    assert fits > 0.1
    assert odd < fits - 0.1


def test_the_span_itself_is_not_part_of_its_passage() -> None:
    start, end = _span(RIOT, "character")
    with_word = vectors.passage(RIOT, start, end)
    without = vectors.passage(RIOT[:start] + " " * (end - start) + RIOT[end:], start, end)
    assert with_word == without


def test_the_written_word_against_itself_gains_nothing() -> None:
    start, end = _span(RIOT, "character")
    assert vectors.fit_gain(RIOT, start, end, ["character"], ["character"]) == pytest.approx(0.0)


def test_a_word_without_a_vector_gives_no_evidence() -> None:
    start, end = _span(RIOT, "character")
    assert vectors.fit_gain(RIOT, start, end, ["character"], ["qzxvbk"]) == 0.0


def test_without_the_tables_the_fit_is_neutral(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors, "_table", lambda: None)
    vectors.vector.cache_clear()
    try:
        start, end = _span(RIOT, "character")
        assert vectors.fit_gain(RIOT, start, end, ["character"], ["property"]) == 0.0
    finally:
        vectors.vector.cache_clear()


def test_the_scan_tells_the_combiner_the_fit() -> None:
    sentence = next(s for s in sentences(RIOT) if "character" in s.lm)
    props = [p for p in scan.propose(sentence, RIOT, set()) if p.written == "character"]
    assert props
    prop = props[0]
    start, end = prop.start, prop.end
    expected = vectors.fit_gain(RIOT, start, end, ["character"], prop.replacement.lower().split())
    assert prop.fit == pytest.approx(expected)
    assert prop.features()[-3] == pytest.approx(prop.fit)
    assert dataclasses.replace(prop, fit=0.0).features()[-3] == 0.0


def test_a_narrower_word_built_on_the_candidate_is_never_fixed_safely() -> None:
    from repair.spin.explain import built_on

    assert built_on("railcars", "cars")
    assert built_on("newsroom", "news")
    assert not built_on("cars", "car")  # an inflection, not a narrower word
    assert not built_on("vicinity", "region")
    assert not built_on("serial publication", "series")


def test_a_phrase_that_spells_out_its_candidate_is_never_fixed_safely() -> None:
    from repair.spin.explain import spells_out

    assert spells_out("metallic element", "metal")  # a longer word on the candidate's stem
    assert spells_out("revolutions per minute", "rev")
    assert spells_out("web log", "blog")  # the candidate's end
    # a spinner's phrase of a shorter word the candidate is built on is weighed as any other
    assert not spells_out("of import", "important")
    assert not spells_out("object lens", "objective")
    assert not spells_out("metal", "metallic")  # one word


def test_the_explanation_names_the_topical_fit() -> None:
    from repair.spin.explain import TOPIC_NOTE, topic

    sentence = next(s for s in sentences(RIOT) if "character" in s.lm)
    prop = next(p for p in scan.propose(sentence, RIOT, set()) if p.written == "character")
    suits = dataclasses.replace(prop, fit=TOPIC_NOTE + 0.05)
    assert f"suits '{prop.replacement}' better" in topic(suits)
    assert f"suits '{prop.written}' better" in topic(dataclasses.replace(prop, fit=-TOPIC_NOTE - 0.05))
    assert topic(dataclasses.replace(prop, fit=0.0)) == ""


def test_a_confident_swap_of_a_narrower_word_is_only_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.model import Applicability
    from repair.spin import combiner, explain
    from repair.spin.scan import Proposal

    def prop(written: str, replacement: str) -> Proposal:
        n = len(written)
        return Proposal(
            0,
            n,
            written,
            written,
            replacement,
            replacement,
            "w",
            9.0,
            -2.0,
            0.9,
            0.9,
            5.0,
            1.0,
            -1e10,
            3,
            0,
            0,
            1,
        )

    monkeypatch.setattr(combiner, "probability", lambda _p: explain.SWAP_SAFE + 0.05)
    narrow = explain.finding_for_proposal(prop("railcars", "cars"))
    assert narrow is not None and narrow.applicability is Applicability.UNSAFE
    assert "narrower word built on 'cars'" in narrow.explanation
    plain = explain.finding_for_proposal(prop("vicinity", "region"))
    assert plain is not None and plain.applicability is Applicability.SAFE
    assert "narrower" not in plain.explanation
    # a candidate that only leaves words of the written phrase out is never safe
    for written, replacement in (("be found", "be"), ("defensive stance", "defensive")):
        dropped = explain.finding_for_proposal(prop(written, replacement))
        assert dropped is not None and dropped.applicability is Applicability.UNSAFE
        assert "only leaves words of" in dropped.explanation
    # nor is the American word for a British one the model (American English) prefers
    british = explain.finding_for_proposal(prop("windscreen", "windshield"))
    assert british is not None and british.applicability is Applicability.UNSAFE
    assert "American word for the British 'windscreen'" in british.explanation
    assert not explain.regional("windshield", "windscreen")  # the other way is no regional choice
    assert not explain.only_drops("set afloat", "launch")
    assert not explain.only_drops("in other places", "elsewhere")
    assert not explain.only_drops("vicinity", "region")


def _reference_passage(text: str, start: int, end: int) -> list[int] | None:
    """The passage summed word by word: content words starting in the covered blocks, outside the span."""
    import regex

    from repair.spin.lexicon import FUNCTION_WORDS

    first = max(0, start - vectors.WINDOW) // vectors.STEP
    last = min(len(text), end + vectors.WINDOW) // vectors.STEP
    total = [0] * vectors.DIMS
    seen = False
    for m in regex.finditer(r"[^\W\d_]+", text):
        w = m.group().lower()
        inside = first * vectors.STEP <= m.start() < (last + 1) * vectors.STEP
        if not inside or start <= m.start() < end or len(w) < 3 or w in FUNCTION_WORDS:
            continue
        v = vectors.vector(w)
        if v is not None:
            total = [a + b for a, b in zip(total, v, strict=True)]
            seen = True
    return total if seen and any(total) else None


def test_a_passage_is_the_sum_of_its_blocks_words_each_counted_once() -> None:
    text = " ".join([RIOT] * 6)  # long enough for many blocks, words straddling their edges
    for word_start in range(0, len(text) - 20, 97):
        start = text.find(" ", word_start) + 1
        end = text.find(" ", start)
        got = vectors.passage(text, start, end)
        want = _reference_passage(text, start, end)
        assert (list(got) if got is not None else None) == want, (start, end)


def test_only_the_text_being_read_is_kept_in_the_sums() -> None:
    other = "Farmers carried their grain to the market in the town every week of the harvest."
    start, end = _span(RIOT, "character")
    first = vectors.passage(RIOT, start, end)
    assert vectors._MEMO.text is RIOT and vectors._MEMO.passages
    vectors.passage(other, 0, 7)
    assert vectors._MEMO.text is other and (start, end) not in vectors._MEMO.passages
    assert vectors.passage(RIOT, start, end) == first  # summed afresh, the same
