"""TYP001's decision: how much evidence each kind of unknown word needs."""

from __future__ import annotations

import repair
from repair.detectors import typo
from repair.model import Applicability
from repair.spelling import correct
from repair.spelling.correct import Candidate, Ranking, rank
from repair.spelling.lexicon import lexicon


def test_a_slip_that_reads_as_a_word_plus_suffix_is_fixed_on_strong_evidence() -> None:
    # "writting" reads as "writ" + doubled t + "ing"; context and cost put "writing" far ahead
    text = "She spent the whole morning writting letters to her aunt."
    assert repair.fix(text) == "She spent the whole morning writing letters to her aunt."
    # used twice in one document such a word is taken as meant, as any recurring word, unless the
    # list of common misspellings names it ("writting" is one)
    twice = "He kept writting. She kept writting letters to her aunt."
    assert repair.fix(twice, select=["TYP"]) == twice.replace("writting", "writing")
    # a real derived word stays, and so does a coinage on "-ify" ("rustified" is no "justified")
    assert repair.fix("The old panels were recarved twice.") == "The old panels were recarved twice."
    assert repair.check("The crate offers rustified bindings for the library.", select=["TYP"]) == []
    assert repair.check("It has no helpers or rustification at all.", select=["TYP"]) == []


def _ranking(by_sound: bool, gain: float, cost: float = 1.0) -> Ranking:
    best = Candidate(
        "enough", cost=cost, zipf=5.5, context=-3.0, bigram_left=0, bigram_right=0, by_sound=by_sound
    )
    runner = Candidate("enjoy", cost=2.0, zipf=5.0, context=-4.0, bigram_left=0, bigram_right=0)
    return Ranking(word="enuf", candidates=(best, runner), original=best.total - gain)


def test_a_correction_reached_only_by_sound_needs_more_gain() -> None:
    assert typo._decide(_ranking(False, 5.0), False, False, False) is Applicability.SAFE
    assert typo._decide(_ranking(True, 5.0), False, False, False) is not Applicability.SAFE
    assert typo._decide(_ranking(True, typo.SOUND_GAIN), False, False, False) is Applicability.SAFE


def test_reached_by_sound_is_recorded_on_the_candidate() -> None:
    lex = lexicon()
    by_word = {c.word: c for c in rank("enuf", ("had", "we"), ("food", "for"), lex).candidates}
    assert by_word["enough"].by_sound
    plain = {c.word: c for c in rank("enuf", ("had", "we"), ("food", "for"), lex, sound=False).candidates}
    assert not any(c.by_sound for c in plain.values())


def test_a_sound_alike_may_cost_more_letters_than_a_spelling_correction() -> None:
    # costed by its sound, a sound-alike is not held to the spelling cost limit
    assert typo._decide(_ranking(True, 7.0, cost=2.0), False, False, False) is Applicability.SAFE
    assert typo._decide(_ranking(False, 7.0, cost=2.0), False, False, False) is not Applicability.SAFE


def test_a_gendered_pronoun_agrees_with_the_pronoun_before_it() -> None:
    # "hir" is as near "her" as "his"; after "She" the model's slight lead is made clear
    she = "She sold the farm and moved to the city with hir two daughters."
    assert repair.fix(she) == she.replace("hir", "her")
    (found,) = repair.check(she, select=["TYP001"])
    assert "agrees with 'she', the pronoun before it" in found.explanation
    # after "he" the pronoun of the other gender is not proposed first
    he = "After the war he returned to hir old job at the museum."
    assert all("did you mean 'her'" not in f.message for f in repair.check(he, select=["TYP001"]))
    # a pronoun in the paragraph before does not count
    apart = "She left early.\n\nAfter the war the director returned to hir old job at the museum."
    assert repair.fix(apart) == apart


def test_agreement_weighs_only_pronouns_of_both_genders_against_each_other() -> None:
    def cand(word: str, context: float) -> Candidate:
        return Candidate(word, cost=1.0, zipf=5.0, context=context, bigram_left=0, bigram_right=0)

    both = Ranking(
        word="hed", candidates=(cand("her", -3.0), cand("his", -3.1), cand("had", -3.2)), original=-9.0
    )
    weighed = correct.with_agreement(both, "he")
    assert [c.word for c in weighed.candidates] == ["his", "had", "her"]
    assert weighed.antecedent == "he" and weighed.candidates[0].agreement == 0.0
    assert weighed.candidates[2].agreement < 0  # only the other gender loses; none gains
    assert [c.word for c in correct.with_agreement(both, "she").candidates] == ["her", "had", "his"]
    assert correct.with_agreement(both, "") is both  # no pronoun before it
    one = Ranking(word="hiz", candidates=(cand("his", -3.0), cand("had", -3.1)), original=-9.0)
    assert correct.with_agreement(one, "she") is one  # one gender only: nothing to choose between


def test_a_derivation_keeps_the_spelling_rules_of_english() -> None:
    from repair.spelling.protect import morphologically_known

    lex = lexicon()
    assert morphologically_known("recarved", lex) and morphologically_known("hopping", lex)
    # "-d" follows only an "e": "gatherd" is a slip, not "gather" plus "-d"
    assert not morphologically_known("gatherd", lex)
    # a doubled consonant before "-ing" is the doubled one of a common word, not of a fragment
    assert not morphologically_known("folling", lex)
    # so a slip the text repeats is no longer taken for a derived word the writer means
    text = "The soldiers gatherd at the gate at dawn. By noon they had gatherd in the square."
    assert [f.message for f in repair.check(text, select=["TYP001"])] == [
        "'gatherd' looks misspelled; did you mean 'gathered'?"
    ] * 2


def test_a_word_made_from_a_word_of_the_text_is_the_writers_coinage() -> None:
    # "spermy" beside "sperm": the writer made an adjective of a word the text uses; shown only
    text = "The cook wiped the spermy grease from his hands. The sperm oil of that whale filled forty casks."
    (found,) = repair.check(text, select=["TYP", "OCR"])
    assert found.applicability is Applicability.DISPLAY
    assert "it reads as 'sperm', a word this text uses, and a regular ending" in found.explanation
    assert repair.fix(text, unsafe=True) == text
    # alone, nothing tells the coinage from a slip that added a letter: the fix is applied
    alone = "The cook wiped the spermy grease from his hands."
    assert repair.fix(alone) == "The cook wiped the sperm grease from his hands."
