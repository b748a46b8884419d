"""Dictionary words the trigram model has never seen are weighed as possible swaps."""

from __future__ import annotations

import dataclasses

from repair.spin.context import sentences
from repair.spin.scan import Proposal, propose, unseen_word


def test_a_rare_dictionary_word_unknown_to_the_model_is_unseen() -> None:
    assert unseen_word("soldiery")
    assert unseen_word("twelvemonth")


def test_british_spellings_and_known_words_are_not_unseen() -> None:
    for word in ("colour", "defence", "organised", "centre", "travelled", "the", "army"):
        assert not unseen_word(word), word


def test_names_and_non_words_are_not_unseen() -> None:
    assert not unseen_word("zrblx")
    assert not unseen_word("of")


def _props(text: str) -> list[Proposal]:
    return list(propose(sentences(text)[0], text, set()))


def test_an_unseen_word_gets_a_proposal_weighed_against_its_own_frequency() -> None:
    props = [p for p in _props("The soldiery marched into the town at dawn.") if p.written == "soldiery"]
    assert props, "an unseen dictionary word is examined"
    best = props[0]
    assert best.unseen
    assert best.replacement in {"troops", "soldiers", "army"}
    assert best.delta > 0  # the candidate reads better than the written word at its own frequency
    assert best.features()[-2] == 1.0  # the combiner is told


def test_a_british_spelling_draws_no_proposal() -> None:
    assert not [p for p in _props("The colour of the old wall had faded.") if p.written == "colour"]


def test_the_explanation_of_an_unseen_word_says_what_it_was_weighed_against() -> None:
    from repair.spin.explain import finding_for_proposal

    best = next(p for p in _props("The soldiery marched into the town at dawn.") if p.written == "soldiery")
    finding = finding_for_proposal(best, show=0.0)
    assert finding is not None
    assert "never seen 'soldiery'" in finding.explanation
    assert "own frequency" in finding.explanation
    seen = finding_for_proposal(dataclasses.replace(best, unseen=False), show=0.0)
    assert seen is not None and "never seen" not in seen.explanation
