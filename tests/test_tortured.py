"""Tortured phrases: term evidence, generated originals, suspects beyond the published list.

The example phrases are this project's own (swaps of textbook terms through the
shipped thesaurus), not benchmark lines.
"""

from __future__ import annotations

import gzip

import pytest

import repair
from repair.document import Document
from repair.model import Applicability, Category, Finding
from repair.resources import data_path
from repair.spin import beyond, restore, terms, tortured
from repair.spin.context import sentences


def _spn005(text: str) -> list[Finding]:
    """The SPN005 findings of a default check of ``text``."""
    return [f for f in repair.check(text) if f.rule == "SPN005"]


def _fixed_safely(text: str, said: str, fixed: str) -> None:
    """The first SPN005 finding of ``text`` is safe, its explanation says ``said``, and a default
    ``repair fix`` writes ``fixed``."""
    found = _spn005(text)
    assert found[0].applicability is Applicability.SAFE
    assert said in found[0].explanation
    assert repair.fix(text) == fixed


def test_model_attests_common_bigrams_only() -> None:
    assert terms.attested("heart", "attack")
    assert terms.attested("neural", "network")
    assert not terms.attested("corrosive", "amino")
    assert not terms.attested("zebra", "accountant")


def test_term_evidence_names_its_sources() -> None:
    assert "w" in terms.evidence(("amino", "acid"))
    assert "c" in terms.evidence(("amino", "acid"))
    assert terms.evidence(("amino", "corrosive")) == ""


def test_restoration_keeps_a_word_and_swaps_the_other_through_the_thesaurus() -> None:
    choice = restore.choose(("amino", "corrosive"))
    assert choice is not None
    assert choice.best.text == "amino acid"
    assert choice.best.options[0].sources == "="  # 'amino' kept as written
    assert choice.strength == "safe"


def test_restoration_is_none_when_no_term_is_reachable() -> None:
    assert restore.choose(("zebra", "accountant")) is None


def test_listed_phrase_without_original_gets_a_generated_safe_fix() -> None:
    phrase = "brilliant card"
    assert tortured.phrases()[phrase][0] == ""  # the published list names no original
    text = "Payment by brilliant card is common."
    found = _spn005(text)
    assert len(found) == 1
    f = found[0]
    assert f.applicability is Applicability.SAFE
    assert f.replacements[0] == "smart card"
    assert "'smart card' is an established term" in f.explanation
    assert "'brilliant' stands for 'smart'" in f.explanation
    assert repair.fix(text) == "Payment by smart card is common."


def test_generated_fix_corrects_the_article() -> None:
    text = "It binds an amino corrosive."
    assert repair.fix(text) == "It binds an amino acid."
    text = "It forms a acetic corrosive."
    assert "acetic acid" in repair.fix(text)


def test_generated_fix_keeps_title_case() -> None:
    assert repair.fix("Notes on Amino Corrosive Chains.") == "Notes on Amino Acid Chains."


def test_suspect_beyond_the_list_is_shown_not_applied() -> None:
    sentence = "The study proposed an education hypothesis for adults."
    assert "education hypothesis" not in tortured.phrases()
    hits = list(beyond.suspects(sentences(sentence)[0], sentence, set()))
    assert [sentence[h.start : h.end] for h in hits] == ["education hypothesis"]
    # alone, an unseen pair is no evidence: technical prose is full of them
    assert not _spn005(sentence)
    text = "Work on counterfeit consciousness grew. " + sentence
    found = [f for f in repair.check(text) if f.rule == "SPN005" and "hypothesis" in text[f.start : f.end]]
    assert found and all(f.applicability is Applicability.DISPLAY for f in found)
    assert found[0].replacements[0] == "a learning theory"  # the article follows the term
    assert sentence in repair.fix(text)


def test_technical_pairs_are_not_called_tortured() -> None:
    text = "Each worker process loads the error model once; the cache keeps it warm."
    assert not _spn005(text)


def test_ordinary_prose_and_names_have_no_suspects() -> None:
    clean = [
        "Amino acids are the building blocks of proteins.",
        "The heart attack rate fell after the smoking ban in Scotland.",
        "Margaret Brilliant and Card Holdings signed the deal in Leeds.",
        "He had a profound influence on the young composer.",
        "The middle class grew quickly after the war.",
    ]
    for text in clean:
        assert not _spn005(text), text


def test_listed_phrases_that_english_uses_anyway_are_not_flagged() -> None:
    # the published fingerprints include phrases of ordinary English ("getting ready", and "shared
    # data" listed for "mutual information"): the list is built without them
    clean = [
        "We were getting ready to leave for the airport.",
        "Two threads may read the same shared data at once.",
        "The army guarded the supply route through the pass.",
        "Her business knowledge grew over the years.",
    ]
    for text in clean:
        assert not _spn005(text), text
    listed = tortured.phrases()
    assert listed and not {"getting ready", "shared data", "supply route"} & listed.keys()
    for phrase in listed:
        words = phrase.split()
        assert phrase not in terms.term_sources(), phrase
        assert len(words) != 2 or not terms.attested(*words), phrase
        assert len(words) != 3 or not terms.attested3(*words), phrase


def test_a_lone_listed_phrase_in_technical_writing_is_only_shown() -> None:
    # technical plain text, which a paper may be: "channel methods" is listed for "filter methods",
    # but software has terms of its own; outside technical writing the listed correction is applied
    notes = "We call `fit()` on each batch in `train.py`; the loss uses channel methods from `torch.nn`.\n"
    assert Document.from_text(notes, path="paper.txt").technical
    (found,) = [f for f in repair.check(notes, path="paper.txt") if f.rule == "SPN005"]
    assert found.applicability is Applicability.DISPLAY and "term of its own" in found.explanation
    assert repair.fix(notes, path="paper.txt") == notes
    (prose,) = _spn005("Our model uses channel methods in every layer.")
    assert prose.applicability is Applicability.SAFE


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Changes\n\n- audio: use channel methods for each stream in `mix.c`\n", "CHANGELOG.md"),
        # one term used twice is still one sign ("call tree": a listed spin of "decision tree")
        ("The tool draws the call tree of a function.\n\nEach node of the call tree is code.\n", "README.md"),
        ("Mixing\n======\n\nThe mixer uses channel methods for each stream.\n", "docs/mixing.rst"),
    ],
)
def test_a_lone_listed_phrase_in_a_projects_documentation_is_not_reported(text: str, path: str) -> None:
    # a project's docs use the terms of its software: a lone listed phrase there is one of them, and a
    # shown finding would fail a pre-commit hook on every commit
    assert not [f for f in repair.check(text, path=path) if f.category is Category.SPIN]


def test_a_lone_listed_phrase_without_an_original_in_technical_writing_is_not_reported() -> None:
    # the list names no original for "speculation execution": only a guess could be shown, and in a
    # manual that uses no other listed phrase the guess is absurd ("investment performance")
    manual = "# Mitigations\n\nPoisoned entries could steer speculation execution paths in the guest.\n"
    assert Document.from_text(manual, path="README.md").technical
    assert not [f for f in repair.check(manual, path="README.md") if f.category is Category.SPIN]
    # outside technical writing the phrase is reported with its likeliest original
    (prose,) = _spn005("Poisoned entries could steer speculation execution paths in the guest.")
    assert "original is probably" in prose.message
    # beside a second listed phrase the manual reads as paraphrased, and both are reported
    spun = manual + "The kernel has flag handling for it.\n"
    found = {spun[f.start : f.end] for f in repair.check(spun, path="README.md") if f.rule == "SPN005"}
    assert found == {"speculation execution", "flag handling"}


def test_a_few_listed_phrases_in_a_long_manual_are_its_terms() -> None:
    # three listed phrases in half a million words of a manual are its own terms ("call tree" in a
    # profiler's chapter), not a paraphrased paper's dozen in five thousand: shown, not applied
    body = "The profiler reports `t = tic()` for every function in `prof.m`, and the sum of its calls.\n"
    manual = (
        body * 1300
        + "The call tree of a function lists its callees.\n"
        + body * 1300
        + "Ratio test technique: standard or Harris.\n"
    )
    assert Document.from_text(manual, path="manual.txt").technical
    found = [f for f in repair.check(manual, path="manual.txt", select=["SPN"]) if f.rule == "SPN005"]
    assert {manual[f.start : f.end] for f in found} == {"call tree", "test technique"}
    assert {f.applicability for f in found} == {Applicability.DISPLAY}
    # the same two phrases in a short technical text make it read as paraphrased: both applied
    paper = body + "The call tree of a function lists its callees.\nRatio test technique: standard.\n"
    assert {f.applicability for f in repair.check(paper, path="paper.txt") if f.rule == "SPN005"} == {
        Applicability.SAFE
    }


def test_a_listed_phrase_of_ordinary_english_alone_is_only_shown() -> None:
    # "warm exchange" is listed for "heat exchange", but a letter writer means a friendly one
    letter = "After a warm exchange over dinner, the two mayors agreed to meet again in spring."
    (found,) = _spn005(letter)
    assert found.applicability is Applicability.DISPLAY and "ordinary English" in found.explanation
    assert repair.fix(letter) == letter
    # beside another listed phrase the text reads as paraphrased, and both are restored
    paper = "The warm exchange rate of the coil was measured with a bolster vector machine."
    fixed = repair.fix(paper)
    assert "heat exchange" in fixed and "support vector machine" in fixed


def test_a_quoted_listed_phrase_is_mentioned_not_used() -> None:
    # a report about paraphrasing tools names their phrases: nothing there is to restore
    text = 'Screeners look for "bolster vector machine" and “counterfeit consciousness” in papers.'
    found = [f for f in repair.check(text) if f.rule in ("SPN001", "SPN005")]
    assert len(found) == 2 and all(f.applicability is Applicability.DISPLAY for f in found)
    assert all("quotation marks" in f.explanation for f in found)
    assert repair.fix(text) == text
    # unquoted, the same phrases are restored
    assert repair.fix(text.replace('"', "").replace("“", "").replace("”", "")) != text


def test_ordinary_phrases_are_listed_lower_case_sorted_and_unique() -> None:
    with open(data_path(tortured.ORDINARY), encoding="utf-8") as fh:
        rows = [line.rstrip("\n") for line in fh if not line.startswith("#")]
    assert rows == sorted(set(rows)) and all(r == " ".join(r.lower().split()) for r in rows)
    assert set(rows) <= set(tortured.phrases())


def test_a_listed_phrase_inside_a_longer_term_is_no_sign_in_technical_writing() -> None:
    # "side channel" is a term: "channel methods" is no tortured phrase there, and with it gone
    # "flag handling" is a lone listed phrase with no original listed, not reported; in a paper's
    # plain text the lone phrase is shown
    text = "Speculative execution side channel methods affect most chips. The kernel has flag handling.\n"
    assert not [f for f in repair.check(text, path="README.md") if f.rule == "SPN005"]
    paper = text + "We trace `clflush()` and `rdtsc()` in `probe.c`.\n"
    assert Document.from_text(paper, path="paper.txt").technical
    found = {paper[f.start : f.end]: f for f in repair.check(paper, path="paper.txt") if f.rule == "SPN005"}
    assert set(found) == {"channel methods"}
    assert found["channel methods"].applicability is Applicability.DISPLAY
    assert "part of a longer term" in found["channel methods"].explanation
    assert repair.fix(text, path="README.md") == text
    # without the term before it, the two listed phrases make the text read as spun
    bare = text.replace("side channel", "channel")
    assert repair.fix(bare, path="README.md") != bare


def test_a_listed_phrase_shown_only_is_still_a_sign_in_technical_writing() -> None:
    # "accuracy esteem" is listed with no original, so it is only shown, but it is a tortured
    # phrase all the same: beside it "flag handling" is a second sign, and the text reads as spun
    text = "We report the accuracy esteem of each run. The kernel has flag handling.\n"
    found = {text[f.start : f.end]: f for f in repair.check(text, path="README.md") if f.rule == "SPN005"}
    assert set(found) == {"accuracy esteem", "flag handling"}
    assert found["accuracy esteem"].applicability is Applicability.DISPLAY
    assert found["flag handling"].applicability is not Applicability.DISPLAY


@pytest.mark.parametrize(
    ("name", "marks"), [("spin_terms.tsv.gz", "sw"), ("spin_terms_computing.tsv.gz", "fv")]
)
def test_term_list_is_sorted_unique_and_well_formed(name: str, marks: str) -> None:
    assert name in terms.TERMS
    with gzip.open(data_path(name), "rt", encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if not line.startswith("#")]
    assert lines[0] == "term\tsources"
    rows = [line.split("\t") for line in lines[1:]]
    keys = [r[0] for r in rows]
    assert keys == sorted(set(keys))
    assert all(len(r) == 2 and r[1] and set(r[1]) <= set(marks) for r in rows)
    assert all(2 <= len(k.split(" ")) <= 4 and k == k.strip() for k in keys)


def test_computing_terms_count_as_established_terms() -> None:
    # in neither WordNet nor the bigram list; FOLDOC lists it, V.E.R.A. expands "ACL" to it
    assert set(terms.evidence(("access", "control", "list"))) >= {"f", "v"}
    assert "f" in terms.evidence(("refresh", "rate"))
    assert terms.term_sources()["refresh rate"] == "sf"  # the two lists' marks combine


def test_a_term_only_a_computing_dictionary_knows_is_restored() -> None:
    assert tortured.phrases()["hamming separation"] == ("", False)  # the list names no original
    assert terms.evidence(("hamming", "distance")) == "f"  # FOLDOC alone knows the term
    _fixed_safely(
        "The Hamming separation between the two code words is three.",
        "the Free On-line Dictionary of Computing lists it",
        "The Hamming distance between the two code words is three.",
    )


def test_telltale_words_are_the_tools_not_the_terms() -> None:
    assert beyond.telltale("corrosive")
    assert not beyond.telltale("information")  # many real terms hold it
    with open(data_path(beyond.TELLTALE), encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    assert rows[0] == ["word", "listed", "terms"]
    words = [r[0] for r in rows[1:]]
    assert words == sorted(set(words))
    assert all(int(listed) >= 0.2 * (1 + int(held)) for _, listed, held in rows[1:])


def test_learned_swaps_table_is_sorted_and_learns_the_tools_swaps() -> None:
    with open(data_path(restore.LINKS), encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    assert rows[0] == ["written", "original", "count"]
    keys = [(r[0], r[1]) for r in rows[1:]]
    assert keys == sorted(set(keys))
    assert all(float(r[2]) > 0 for r in rows[1:])
    links = restore.learned_links()
    # a swap the tools make across many listed terms outweighs the thesaurus' other offers
    assert max(links["vitality"], key=links["vitality"].__getitem__) == "energy"
    assert max(links["assault"], key=links["assault"].__getitem__) == "attack"
    assert restore.learned_prior("vitality", "energy") > restore.learned_prior("vitality", "power") + 2


def test_learned_swaps_restore_unlisted_phrases() -> None:
    for written, original in [
        (("squander", "management"), "waste management"),
        (("organization", "protocol"), "network protocol"),
    ]:
        assert " ".join(written) not in tortured.phrases()
        choice = restore.choose(written)
        assert choice is not None
        assert choice.best.text == original


def test_a_term_leading_its_rival_about_twelve_times_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    written = ("foundation", "truth")  # "foundation" for "ground", as the tools write it
    assert " ".join(written) not in tortured.phrases()
    restore.choose.cache_clear()
    choice = restore.choose(written)
    assert choice is not None
    assert choice.best.text == "ground truth"
    assert choice.lead is not None
    assert restore.MARGIN <= choice.lead < 3.0
    assert choice.strength == "safe"
    # the margin is what makes it safe: at about 20 times it would be shown only
    monkeypatch.setattr(restore, "MARGIN", 3.0)
    restore.choose.cache_clear()
    try:
        held = restore.choose(written)
        assert held is not None
        assert held.strength == "display"
    finally:
        restore.choose.cache_clear()


def test_a_table_phrase_inside_a_longer_listed_phrase_does_not_hide_it() -> None:
    text = "A dim neural organization was trained."
    assert "dim neural organization" in tortured.phrases()
    found = _spn005(text)
    assert [(f.start, f.end) for f in found] == [(2, 25)]


def test_a_safe_fix_next_to_a_tool_word_is_not_applied() -> None:
    text = "Payment by brilliant card calculation is common."  # 'calculation' is typical of the tools
    found = _spn005(text)
    assert len(found) == 1
    assert found[0].applicability is Applicability.UNSAFE
    assert found[0].replacements[0] == "smart card"
    assert "may be longer" in found[0].explanation
    assert repair.fix(text) == text


def test_listed_correction_is_safe_when_the_generator_derives_it() -> None:
    phrase, original = "image upgrade", "image enhancement"
    assert tortured.phrases()[phrase] == (original, False)
    _fixed_safely(
        "Several image upgrade methods were compared.",
        "lead back to it",
        "Several image enhancement methods were compared.",
    )


def test_a_listed_correction_no_swap_explains_is_not_derived() -> None:
    from repair.spin.tortured_fix import derives

    assert not derives(("cancer", "actualities"), "figure think")


def test_a_well_known_term_no_swap_leads_to_is_not_derived() -> None:
    from repair.spin.tortured_fix import derives

    # the row pairs the phrase with an unrelated term: each word's swap rests on this row alone
    assert tortured.phrases()["distant worker"] == ("cloud computing", False)
    assert "c" in terms.evidence(("cloud", "computing"))  # a term other sources know ...
    assert not derives(("distant", "worker"), "cloud computing")  # ... is no evidence on its own
    text = "Many firms moved their data to distant worker services."
    found = _spn005(text)
    assert found[0].applicability is Applicability.UNSAFE
    assert repair.fix(text) == text


def test_a_swap_the_list_shows_in_one_row_only_is_not_backed_beyond_it() -> None:
    option = {o.text: o for o in restore.options("breakdown")}["computing"]
    assert option.sources == "p"  # only the list links them: one row ("worker breakdown")
    assert restore.supported("breakdown", option)
    assert not restore.supported("breakdown", option, listed=False)


def test_a_listed_swap_keeps_its_thesaurus_link() -> None:
    option = {o.text: o for o in restore.options("detecting")}["sensing"]
    assert option.sources.startswith("p")
    assert set(option.sources) & {"m", "r", "w"}  # the thesaurus links them too
    assert restore.supported("detecting", option, listed=False)


def test_a_listed_correction_is_related_when_a_word_is_kept_or_a_swap_is_backed() -> None:
    from repair.spin.tortured_fix import related

    assert related(("image", "upgrade"), "image enhancement")  # 'image' kept
    assert related(("remote", "detecting"), "remote sensing")
    assert not related(("dispersion", "system"), "supply chain")
    assert not related(("remote", "detecting"), "sensing")  # not word for word


def test_the_models_preference_makes_only_a_related_correction_safe() -> None:
    # the trigram model prefers "a global supply chain" by far, but no swap leads there
    text = "The firm runs a global dispersion system for its products."
    found = _spn005(text)
    assert found[0].replacements[0] == "supply chain"
    assert found[0].applicability is Applicability.UNSAFE
    assert "trigram model" not in found[0].explanation
    assert repair.fix(text) == text


def test_the_only_reachable_term_with_a_kept_word_is_safe() -> None:
    written = ("blunder", "correction", "code")  # 'blunder' for 'error', as the tools write it
    assert " ".join(written) not in tortured.phrases()
    choice = restore.choose(written)
    assert choice is not None
    assert choice.best.text == "error correction code"
    assert choice.rival is None
    assert choice.strength == "safe"


def test_a_chain_of_two_word_terms_is_shown_never_applied() -> None:
    written = ("strong", "waste", "disposal")  # no source knows the three words as one term
    choice = restore.choose(written)
    assert choice is not None
    assert choice.best.text == "solid waste disposal"
    assert choice.best.term == "b"
    assert choice.strength == "display"


def test_a_phrase_no_term_explains_is_restored_in_its_one_tool_word() -> None:
    choice = restore.choose(("glucuronic", "corrosive"))  # no source knows 'glucuronic'
    assert choice is not None
    assert choice.best.text == "glucuronic acid"
    assert choice.best.term == "k"
    assert choice.strength == "unsafe"  # measured: too often wrong to apply by default
    # a kept word that the tools wrote elsewhere may be tortured too: shown only
    choice = restore.choose(("sunlight-based", "sickness"))
    assert choice is not None
    assert choice.strength == "display"


def test_a_word_of_a_listed_phrase_is_no_misspelling() -> None:
    # the list writes the phrase as the tool wrote it: a spelling rule has nothing to fix inside it
    from repair.document import Document
    from repair.model import Applicability, finding
    from repair.resolve import resolve

    text = "We used the florid quadrilix filter here."
    doc = Document.from_text(text)
    start = text.index("florid")
    end = text.index(" filter")
    listed = finding("SPN005", start, end, "tortured phrase", replacement="smooth quadrilix")
    inside = text.index("quadrilix")
    slip = finding(
        "TYP001", inside, inside + 9, "misspelled", replacement="quadrille", applicability=Applicability.SAFE
    )
    after = text.index("here")
    other = finding(
        "TYP001", after, after + 4, "misspelled", replacement="her", applicability=Applicability.SAFE
    )
    codes = frozenset({"SPN005", "TYP001"})
    assert [f.rule for f in resolve(doc, [listed, slip, other], codes)] == ["SPN005", "TYP001"]
    assert [f.start for f in resolve(doc, [listed, slip, other], codes)][1] == after
    assert [f.rule for f in resolve(doc, [slip], codes)] == ["TYP001"]  # no listed phrase: kept
