"""The spin family: restore wording that an article spinner or a paraphrasing tool replaced.

Three kinds of evidence, each its own rule:

* SPN001: the phrase table of known spinner swaps and tortured phrases
  (``dictionaries/spin_phrases.tsv``), with context conditions;
* SPN002: reverse-thesaurus candidates (Moby Thesaurus II and WordNet 3.0)
  scored in context by CMU's trigram model, with a spinner prior;
* SPN003 / SPN004: part-of-speech slot rules ("he additional.", "appealed for
  sustain", "more complicate") and a lower-case word inside a title ("chief
  Minister");
* SPN005: phrases on the published tortured-phrase list, with the list's
  correction or one generated from the thesaurus and established terms
  (``repair.spin.restore``), and unlisted pairs of the tools' telltale words;
* SPN006: a hyphenated compound no one uses whose swapped part a thesaurus
  synonym turns into an established one ("oil-high" for "oil-rich").

Evidence of spinning anywhere in a document raises the prior for the rest of it
(:func:`document_rate`).  A long document is read through a sample of chunks
spread over it first, and in full only when the sample shows spinning
(:mod:`repair.spin.gate`).  :func:`spin_score` gives a document's spin score
(share of content words flagged, and the count) for corpus filtering.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

import regex

from repair import markup
from repair.detectors.ocr.structure import ocr_noise
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding
from repair.patterns import lazy
from repair.registry import document_metric, rule
from repair.spelling.tokens import word_texts
from repair.spelling.variety import ARCHAIC_WORDS, verse_blocks
from repair.spin import adverbs, beyond, compounds, gate, terms, tortured
from repair.spin import phrases as phrase_table
from repair.spin.combiner import probability
from repair.spin.context import Sentence, framed, known, sentences
from repair.spin.explain import (
    LISTED_SAFE_DELTA,
    SLOT_UNSAFE_DELTA,
    SWAP_SAFE,
    SWAP_SHOW,
    SWAP_SHOW_SPUN,
    SWAP_SHOW_WEAK,
    SWAP_UNSAFE,
    SWAP_UNSAFE_SPUN,
    finding_for_listed,
    finding_for_phrase,
    finding_for_proposal,
    finding_for_slot,
)
from repair.spin.lexicon import FUNCTION_WORDS
from repair.spin.scan import SPIN_RATE, Proposal, local_score, propose, propose_fitting
from repair.spin.slots import SlotHit
from repair.spin.slots import find as find_slots
from repair.spin.tortured_fix import derives, generated_finding, original_listed, related, suspect
from repair.tokenize import QUOTE_PAIRS, words

SPUN_DOCUMENT_RATE = 0.2  # highest share of spun content words a document's evidence can set
PSEUDO_WORDS = 40  # weight of the prior rate, in content words, when estimating a document's rate
# Most swaps leave no evidence the scan can see, so the raw estimate of a spun document's rate falls
# short of its true rate; on paragraphs of public-domain books spun here (tools/train_spin_combiner.py's
# spinner, rates 0-40%) the least-squares line from the raw estimate to the true rate has this slope
# (raw 0.10 -> about 0.16, raw 0.13 -> about 0.23; clean paragraphs stay near the prior).
RATE_GAIN = 2.3
SIGN_DENSITY = 2e-3  # signs (strong findings, reportable swaps) per word that keep the scan going
SPUN_SIGNS = 3  # strong findings (at SIGN_DENSITY or more) that mark a document as spun
SPUN_SWAPS = 1.0  # expected swaps (summed swap probabilities) that, with SPUN_SWAP_DENSITY, mark it too
REFINE_FLOOR = 0.2  # a first-look proposal at least this likely gets its sentence weighed in full
DOUBT = 0.4  # share of the spun bars (SPUN_SWAPS, SPUN_SWAP_DENSITY) at which a first look is redone in full
# A spun text shows confident signs (strong findings, confident swaps) in proportion to its length:
# about one per 110 content words on spin_dev, one per 500 on old books spun here
# (``tools/eval_spin_selfspun.py``).  A reading of this many content words or more per sign it shows
# is formal or old prose whose rare words the model dislikes one by one, not a spun text: summed weak
# swaps neither mark it spun nor raise its rate (a 1790s address showed 161 display swaps).
QUIET_WORDS = 500
# A reading of this many content words or more raises its rate only on evidence that holds at the
# prior rate (strong findings at SIGN_DENSITY, or weak swaps at SPUN_SWAP_DENSITY weighed at the prior):
# over passages of 60 sentences of the bench books, clean ones showed 39.6 spin findings per 10,000
# words without it and 1.5 with it (``tools/eval_spin_selfspun.py --sentences 60 --run 60``), and
# Moby-Dick's chapters 1,112 (a chapter of 1,600 words read as spun from three signs) and 57.  The
# price: the same passages spun at 12% of their content words had 13.8% of the swaps flagged, 3.3% now
# (their signs at the prior rate are hardly above a clean passage's); spin_dev's paragraphs and the
# seed are shorter or show strong signs, and are unchanged.
LONG_READING = 300
SPUN_SWAP_DENSITY = 0.025  # expected swaps per content word scanned (clean prose: about 0.005)

PHRASE_DOC = """Known spinner swap or tortured phrase.

## What it does
Flags phrases listed in the spinner phrase table (``dictionaries/spin_phrases.tsv``):
swaps that article spinners make ("has however to" for "has yet to") and the
"tortured phrases" that paraphrasing tools leave in papers ("counterfeit
consciousness" for "artificial intelligence"). Rows carry context conditions
where the phrase is legitimate elsewhere ("a profound learning experience").

## Why is this bad?
A reader meets a phrase no writer would choose; in published science it is a
marker of disguised plagiarism.

## Example
```
Research on counterfeit consciousness grew fast.
```

## Use instead
```
Research on artificial intelligence grew fast.
```

## Fix safety
Each row states its safety. A row is ``safe`` only when the spun phrase has no
ordinary reading of its own in running prose (nobody writes "counterfeit
consciousness" or "has however to show" meaning anything else); rows whose
words also form a normal phrase ("huge information", "store network") are
``unsafe`` and apply only with ``--unsafe-fixes``.
"""

SWAP_DOC = """Thesaurus swap that the context model rejects.

## What it does
For a content word that sits badly in its context (an unseen pairing with a
neighbour), lists the candidate originals whose thesaurus entries contain it
(Moby Thesaurus II and WordNet 3.0, inflected like the written word) and scores
each reading with CMU's trigram model over both sides of the word (the last
part of a hyphenated compound too: "oil-high" is read as "oil high" against
"oil rich"). A dictionary word the model has never seen ("soldiery",
"twelvemonth"; British spellings of words it knows are left alone) is examined
too, its reading weighed by its own frequency in place of the model; in a
document with clear signs of spinning (below), words that fit their neighbours
only moderately are examined as well. A Bayesian
posterior weighs the model's likelihood ratio by the
chance that a blind spinner writes this word for that candidate, against a
prior that the word is as written; a small neural combiner (trained on
public-domain books spun by a simulated spinner,
``tools/train_spin_combiner.py``) turns the posterior, the model gain and
margin, the word's fit with its neighbours, frequencies, the thesaurus link,
the topical fit (how much better the candidate suits the passage than the
written word, by word vectors: ``repair/spin/vectors.py``) and the document's
estimated spin rate into the confidence.

## Why is this bad?
Spinners replace words by thesaurus synonyms blind to sense, so "the entire
country" becomes "the complete country". Every word is real, so a spell checker
cannot see it.

## Example
```
The firm employs over two thousand multitude in its factories.
```

## Use instead
```
The firm employs over two thousand people in its factories.
```

## Fix safety
``safe`` only when the combiner's confidence is at least 0.6: on paragraphs of
public-domain books spun here (``tools/eval_spin_selfspun.py``) that band restores
the original in nearly nine cases out of ten and changes about one word in 10,000
of the clean paragraphs, and it is reached only when the original reading is
hundreds of times more probable in context and the thesaurus link is specific;
``unsafe`` from 0.4 (applied with ``--unsafe-fixes``); nothing is reported below
that. A word built on its candidate ("railcars" for "cars") is never safe: it is a
narrower term the writer may have chosen. Nor is a candidate that only leaves words of the
written phrase out ("be" for "be found"): the model prefers fewer words in any text; nor the
American word for a British one ("windshield" for "windscreen"): the model is American.
No phrase is restored to a closed-class word at all ("information technology" to "it",
"United States" to "us", "in that respect" to "there"): the thesaurus lists the acronyms IT
and US, which its lower-case tables and the model read as the pronouns.
Context models are wrong about rare but correct wording, so most
candidates are never shown.
In a document
with clear signs of spinning (three or more strong findings at two or more per
1,000 words, or at least one expected swap at 2.5 or more per 100 content
words scanned: on paragraphs of public-domain books spun here, about one spun
paragraph in four and one clean paragraph in twenty pass) swaps from 0.05 are
shown (``display``), and with ``--unsafe-fixes`` the unsafe band starts at 0.2. In a
text without clear signs the unsafe band stays at 0.4 with ``--unsafe-fixes`` too: a band from 0.3
there changed formal words of clean old prose ("expend" to "spend", "specially" to "especially")
about six times in 10,000 words of book paragraphs.
A document whose signs are weak swaps alone (no strong finding) shows swaps
from 0.1 only, and gets no safe fix from its raised rate: a swap is safe there
only at the usual rate's confidence (short passages of nineteenth-century prose
sum to as many weak swaps as spun text does). Summed weak swaps alone never mark
a long text spun that shows fewer confident signs than one per 500 content words,
nor raise its estimated rate: old and formal prose, whose rare words the model
dislikes one by one, reads so. A text of 300 content words or more raises its rate
only on evidence that holds at the usual rate: a novel's chapter read as spun once
a sign or two had raised it (Moby-Dick's chapters showed up to 115 swaps each).
A long text (over about 2,000 words) is read in full only when a sample of it shows clear
signs of spinning; a swap, compound or slot finding in a text of 300 content
words or more that shows no clear signs is only shown (``display``): in 233
State of the Union addresses the six safe swaps of such texts were all wrong, established
terms ("whooping cough" -> "pertussis", "organic law" -> "constitution") and period wording
("services tendered" -> "offered"), and so were a novel's ("sheet-iron" -> "sheet-metal"), and
with ``--unsafe-fixes`` 42 less confident ones of the novel and addresses ("toil" -> "labour",
"malady" -> "illness").
A swap written with a word of older English ("hither and thither", "ere long") is only
shown.
In a text that shows OCR damage (a scan of print) the fix is only shown.
"""

SLOT_DOC = """Word of the wrong class where the grammar needs another.

## What it does
Flags an adjective or noun where a verb must stand ("he additional."; not after a
verb set before its subject, "now are they holy."), a verb where
a noun must stand (after a preposition: "appealed for sustain"; right after an
article or possessive, before a preposition, a stop or a past verb: "an enlarge
of", unless English pairs the two so that the verb serves as a noun: "the reboot",
"the install"; at the end of a singular noun phrase, where no subject agrees with it: "a
heated argue followed"),
and a bare verb after "more"/"most" ("more complicate"), and proposes the
thesaurus synonym or other form of the word of the needed class that the trigram
model prefers. In a document with clear signs of spinning (see SPN002) it also
shows an adverb that the model rarely sees after "have", standing between "have"
and a participle, when a thesaurus adverb makes the sentence at least e^4 (about
55) times likelier ("have before complained" for "have previously complained").

## Why is this bad?
Spinners swap words blind to part of speech; the sentence no longer parses.

## Example
```
The mayor appealed for sustain from residents.
```

## Use instead
```
The mayor appealed for support from residents.
```

## Fix safety
The slot itself is certain; the replacement is a choice among candidates. The
fix is ``safe`` when the chosen word is thesaurus-linked (or another form of the
same word), the model prefers it over the written word by a factor of at least
e^5 (about 150) and, with the spinner prior, over the next candidate by at
least e (about 2.7): the slot is broken and one repair wins. Where any noun
synonym fits (after an article or possessive, at the end of a noun phrase, after
a preposition other than "for", "of", "with", "from", "without", "about") the lead
must be e^2 (about 7.4).
``unsafe`` above e^4 (there, with a lead of e); ``display`` otherwise. The adverb
slot is always ``display``: older prose puts such adverbs there ("as I have
before observed"). A verb ending a noun phrase is
reported only when the model prefers a noun by e^3 (about 20): a collective noun
may take a plural verb ("the committee appear to agree").
In a text that shows OCR damage (a scan of print) the fix is only shown.
"""

TITLE_DOC = """Lower-case common word inside a capitalised title.

## What it does
Flags a lower-case word between a capitalised word and a capitalised title head
("Armenian chief Minister Nikol Pashinyan") and proposes the thesaurus synonym
that forms the usual title ("Prime Minister").

## Why is this bad?
Spinners replace one word of a fixed title and leave the case of the rest,
producing a title no one uses.

## Example
```
Canadian chief Minister Jean Tremblay spoke first.
```

## Use instead
```
Canadian Prime Minister Jean Tremblay spoke first.
```

## Fix safety
``unsafe`` when the model prefers the candidate by a factor of at least e^4;
``display`` otherwise. Never ``safe``: some titles are legitimately lower-case
in some styles, and regional titles ("chief minister" in India) exist.
In a text that shows OCR damage (a scan of print) the fix is only shown.
"""

LISTED_DOC = """Phrase on the published list of tortured phrases.

## What it does
Flags phrases on the Problematic Paper Screener's list of tortured phrases
(Cabanac, Labbé & Magazinov; shipped as ``dictionaries/spin_tortured_list.tsv.gz``),
the fingerprints that paraphrasing tools leave when they rewrite technical terms
("directing convention" for "routing protocol"). Phrases that occur in ordinary
prose were removed from the list when it was built: those of public-domain books,
of symspellpy's bigram list, of the established-term lists and of CMU's trigram
model ("getting ready", "shared data"). Most rows name no original;
for those the original is generated: each written word maps back to its
candidate originals (the reverse thesaurus, swaps the list's own corrections
show, and swaps learned from the whole list: ``dictionaries/spin_tortured_links.tsv``),
and a combination counts when it is an established term (WordNet 3.0
multi-word lemmas, symspellpy's bigram counts, CMU's trigram model, originals the
list names); candidates rank by how often the tools make their swaps across the
list ("organization" stands for "network" in many listed phrases). Beyond the
list, a pair of lower-case words that both occur in listed phrases, one of
them typical of paraphrasing tools rather than of real terms ("corrosive",
"misfortune"), that no source knows as a collocation and that maps to a term
two sources know is shown as a suspect.

## Why is this bad?
The phrase is a machine paraphrase of an established term; in a paper it marks
disguised plagiarism, and readers cannot search for or recognise the term.

## Example
```
Our group has worked on directing convention design for years.
```

## Use instead
```
Our group has worked on routing protocol design for years.
```

## Fix safety
Where the list gives the original, the fix is ``safe`` when the reverse thesaurus links
each word of the original to the tortured word in its place ("bogus positive" →
"false positive": the swap is confirmed word by word), or when the trigram model
finds the original reading at least e^10 (about 22,000) times more likely in
context, every word on both sides being known to it; otherwise ``unsafe`` (the
list's pairs are search fingerprints, and some pair a phrase with a
co-occurring term rather than its original), unless the generator below reaches
the listed original on its own with a safe choice (then ``safe``). A generated original is ``safe``
when the written phrase is known to no source, the original leads the next
candidate by a factor of about 12 in swap chance, each swap is thesaurus-linked,
listed or learned from at least three listed phrases, and either the list
names it and a second source, a listed swap or a kept word backs it, or a word
is kept and two other sources call it a term ("amino corrosive" → "amino acid");
a term the list names elsewhere needs no such backing of its swaps when a word
is kept. It is also ``safe`` when it leads by a factor of about 7 and every swap it makes
is one the tools make for that word at least 40% of the time, seen in the list's
corrections or in at least five listed phrases; or when it is the only term
reachable at all, a word is kept, each swap is one the tools make for that word
at least a quarter of the time, and (for three words or more) a source besides
the trigram model knows the term. A phrase of three words or more from which
no term is reachable is shown with a chain of two-word terms ("strong waste
disposal" → "solid waste disposal"), never applied; a two-word phrase from which
no term is reachable is shown restored in its one word that the tools usually
write for another ("corrosive" for "acid"), ``unsafe`` when the other word is
known to no source and to no other listed phrase;
``unsafe`` when clear and two sources know the term; else ``display``. A ``safe``
fix becomes ``unsafe`` when a word right next to the phrase is typical of
paraphrasing tools: the tortured term may be longer than the part restored. Suspects
beyond the list are ``display``, and so is a listed phrase in technical writing
that shows no second one (software has terms of its own that the list holds:
"channel methods", listed for "filter methods"); the suspects such a lone
phrase leads to are not reported there ("route module"), nor is a lone phrase whose
row names no original, for which only a guess could be shown ("speculation execution"
-> "investment performance"), nor any lone phrase in a project's documentation (Markdown,
reStructuredText or AsciiDoc, or a README or change log by name), whose terms those are.
In technical writing a listed phrase whose first or last word makes a term with the word
beside it ("side channel methods": "side channel") is part of that longer term: shown only,
and no sign of spinning. In any text, a
listed phrase that ordinary English also uses with a meaning of its own ("a warm exchange of
letters", listed for "heat exchange"; "the border situation"; hand-picked in
``dictionaries/spin_tortured_ordinary.txt``) is only shown when the document holds no other
listed phrase. The correction
takes the case of the written phrase (shared words as written, title case for a title-case
phrase), and a preceding "a"/"an" follows it.
"""

COMPOUND_DOC = """Hyphenated compound that no one uses, where a synonym makes an established one.

## What it does
Flags the last part of a hyphenated noun-adjective compound ("oil-high") when the
trigram model sees the pair no more often than chance, and a thesaurus synonym of
that part, of the same class, forms a pair the model knows well ("oil rich": at
least about 20 times chance, and about 20 times likelier than the written pair);
proposes that synonym if the words around the compound agree ("tax-loose" for
"tax-free").

## Why is this bad?
Compounds are fixed pairings; a spinner that swaps one part for a synonym blind to
that leaves a compound no writer would form ("oil-high" for "oil-rich").

## Example
```
The tax-loose bonds sold well.
```

## Use instead
```
The tax-free bonds sold well.
```

## Fix safety
``safe`` when the thesaurus links the parts, the context prefers the synonym by a
factor of at least e^8 (about 3,000) and it leads the next established candidate
by at least e; ``unsafe`` from e^4; ``display`` otherwise. A compound the model
knows written closed ("sky-light", "re-establish"), a prefix ("semi-tropical") and
another form of the same word are left alone.
In a text that shows OCR damage (a scan of print) the fix is only shown.
"""


@rule(
    "SPN001",
    "spin.known-phrase",
    Category.SPIN,
    examples=[
        Example(
            "Research on counterfeit consciousness grew fast.",
            "Research on artificial intelligence grew fast.",
        ),
        Example("The report has however to appear.", "The report has yet to appear."),
        Example(
            "Firms now mine huge information for trends.", "Firms now mine big data for trends.", unsafe=True
        ),
    ],
    clean=["It was a profound learning experience for all of us.", "The neural network has three layers."],
    doc=PHRASE_DOC,
)
@rule(
    "SPN002",
    "spin.thesaurus-swap",
    Category.SPIN,
    examples=[
        Example(
            "The firm employs over two thousand multitude in its factories.",
            "The firm employs over two thousand people in its factories.",
            unsafe=True,
        )
    ],
    clean=["The company employs over two thousand people.", "He declared a state of emergency."],
    doc=SWAP_DOC,
)
@rule(
    "SPN003",
    "spin.word-class",
    Category.SPIN,
    examples=[
        Example(
            "The mayor appealed for sustain from residents.", "The mayor appealed for support from residents."
        ),
        Example("“We will win,” he additional.", "“We will win,” he added."),
        Example(
            "After the vote, a heated argue followed in the hall.",
            "After the vote, a heated debate followed in the hall.",
        ),
    ],
    clean=[
        "The mayor appealed for support from residents.",
        "“We will win,” he added.",
        "After the vote, a heated debate followed in the hall.",
    ],
    doc=SLOT_DOC,
)
@rule(
    "SPN004",
    "spin.title-word",
    Category.SPIN,
    examples=[
        Example(
            "Canadian chief Minister Jean Tremblay spoke first.",
            "Canadian Prime Minister Jean Tremblay spoke first.",
            unsafe=True,
        )
    ],
    clean=["Canadian Prime Minister Jean Tremblay spoke first."],
    doc=TITLE_DOC,
)
@rule(
    "SPN005",
    "spin.tortured-listed",
    Category.SPIN,
    examples=[
        Example("Our group has worked on directing convention design for years."),
        Example("Payment by brilliant card is common.", "Payment by smart card is common."),
    ],
    clean=["Our group has worked on routing protocol design for years.", "Payment by smart card is common."],
    doc=LISTED_DOC,
)
@rule(
    "SPN006",
    "spin.compound",
    Category.SPIN,
    examples=[
        Example("The tax-loose bonds sold well.", "The tax-free bonds sold well."),
        Example("Our team prefers a user-amicable design.", "Our team prefers a user-friendly design."),
    ],
    clean=["The oil-rich coastal district grew fast.", "The sun-loving lizards basked on the rocks."],
    doc=COMPOUND_DOC,
)
def spin(doc: Document) -> Iterator[Finding]:
    """Spinner swaps: phrase table, part-of-speech slots, reverse thesaurus scored in context.

    In technical writing (:attr:`repair.document.Document.technical`) a word out of place is far
    more often jargon ("increment the version", "Debian main") than a spinner's swap: there, the
    thesaurus, slot and title rules report only in a document that listed phrases show spun, and a
    lone phrase of the published tortured-phrase list is only shown ("flag handling").  A
    text that shows OCR damage is a scan of print, whose wording no spinner wrote: there the
    findings of those rules are only shown, never applied (old books read by OCR are full of the
    rarer words and turns that look like swaps, "in all probability", "instrumentalists").
    Nor does a spinner write older English ("thou", "hath", "unto" in a text's words) or rewrite
    verse (a block of short lines opening with capitals, a sentence running on across a line's
    end): there only the confident findings of those rules are shown, and none is applied (the
    sonnets and scripture held one or two weak findings per poem or chapter).
    An HTML page's navigation (its ``<nav>`` elements: menus, a book's table of contents) is a
    site's own, which no spinner rewrites: the family reads the page without it, so nothing there
    is reported or weighs as a sign of spinning.  Nor is a phrase reported that braces enclose
    whole, a glossary's cross-reference or a template's field ("{postfix}").
    """
    navigation = _navigation(doc)
    if navigation:
        doc = replace(doc, protected=tuple(markup.merge([*doc.protected, *navigation])))
    text = doc.text
    for f in _spin_findings(doc):
        if text[f.start - 1 : f.start] != "{" or text[f.end : f.end + 1] != "}":
            yield f


#: An HTML element of navigation: a site's menu, a book's table of contents (closed: a page cut off
#: inside one keeps its text).
_NAV = lazy(r"<nav\b[^>]*>.*?</nav\s*>", regex.DOTALL | regex.IGNORECASE)


def _navigation(doc: Document) -> list[markup.Span]:
    """The spans of an HTML page's ``<nav>`` elements, in order."""
    if doc.kind != "html" or "<nav" not in doc.text:
        return []
    return [markup.Span(m.start(), m.end(), "navigation") for m in _NAV.finditer(doc.text)]


def _spin_findings(doc: Document) -> Iterator[Finding]:
    """:func:`spin`'s findings, navigation not yet set aside."""
    found = [_mentioned(doc.text, f) for f in _spin(doc)]
    if not doc.technical:
        if ocr_noise(doc) >= SCANNED_MARKS:
            yield from (f if f.rule in LISTED_RULES else _shown_only(f, SCANNED) for f in found)
            return
        # scripture, a sonnet, a sermon: the period's words look like swaps to a model of today's
        # English, and no spinner writes "thou" and "hath"; nor does one rewrite verse, whose turns a
        # model of prose dislikes line by line
        older = bool(found) and _older_english(doc)
        verse = [] if older or not found else verse_blocks(doc.text)
        if older or verse:
            held = []
            for f in found:
                inside = older or any(a <= f.start and f.end <= b for a, b in verse)
                if not inside or f.rule in LISTED_RULES:
                    held.append(f)
                elif f.confidence >= SWAP_SHOW:
                    held.append(_shown_only(f, OLDER_TEXT if older else VERSE))
            found = held
        found = [_shown_only(f, CUT_SHORT) if _cut_short(doc.text, f) else f for f in found]
        yield from _ordinary_alone(found, doc.text)
        return
    inside = [f.rule == "SPN005" and _inside_term(doc.text, f) for f in found]
    found = [_shown_only(f, INSIDE_TERM) if part else f for f, part in zip(found, inside, strict=True)]
    # distinct phrases: a manual that uses one of its terms twice ("call tree") is no more spun; a
    # listed phrase that begins or ends inside a term of the text ("side channel methods") is no sign
    listed = {
        doc.text[f.start : f.end].lower()
        for f, part in zip(found, inside, strict=True)
        if _sign(doc.text, f) and not part
    }
    if len(listed) >= max(TECHNICAL_SIGNS, TECHNICAL_SIGN_DENSITY * _words(doc.text)):
        yield from found
        return
    # one listed phrase alone: software has terms of its own that the list of paraphrased papers
    # holds ("channel methods", listed for "filter methods"), so it is shown, never applied; the
    # suspects it led to beyond the list are terms too ("route module", "dynamic segment"), and so
    # is a phrase whose row names no original, for which only a guess could be shown, and it is not
    # reported ("speculation execution" -> "investment performance", "flag handling"); nor is any
    # in a project's documentation, whose terms those are (a paper, the list's own target, is
    # written in LaTeX or plain text, and keeps the phrase shown)
    manual = _documentation(doc)
    yield from (
        f if f.rule == "SPN001" else _shown_only(f, TERM_OF_ITS_OWN)
        for f in found
        if f.rule == "SPN001" or (f.rule == "SPN005" and original_listed(f) and not manual)
    )


def _words(text: str) -> int:
    """About how many words ``text`` holds (one per six characters, as the OCR noise count reckons)."""
    return len(text) // 6


#: The markups a project writes its documentation in (and no paper is written in).
DOC_MARKUPS = frozenset(("markdown", "rst", "asciidoc"))


def _documentation(doc: Document) -> bool:
    """Whether ``doc`` is a software project's documentation: written in Markdown, reStructuredText
    or AsciiDoc, or a file named as a project names its docs ("CHANGELOG", "README")."""
    return doc.kind in DOC_MARKUPS or markup.project_doc(doc.path)


def _ordinary_alone(found: list[Finding], text: str) -> Iterator[Finding]:
    """``found``, with a listed tortured phrase that ordinary English also uses with a meaning of its
    own ("a warm exchange of letters", :func:`repair.spin.tortured.ordinary`) only shown when it is
    the document's one listed phrase: a paraphrased paper holds many, a letter may hold that one."""
    ordinary = tortured.ordinary()
    phrase = [" ".join(text[f.start : f.end].lower().split()) if f.rule == "SPN005" else "" for f in found]
    if not any(p in ordinary for p in phrase):
        yield from found
        return
    listed = {p for f, p in zip(found, phrase, strict=True) if _sign(text, f)}
    for f, p in zip(found, phrase, strict=True):
        yield _shown_only(f, ORDINARY_ALONE) if p in ordinary and len(listed) < TECHNICAL_SIGNS else f


def _mentioned(text: str, found: Finding) -> Finding:
    """``found``, only shown when the text mentions its words rather than uses them: quoted
    (:func:`_quoted`) or named as a dictionary names a word (:func:`_named`)."""
    if _quoted(text, found):
        return _shown_only(found, QUOTED)
    return _shown_only(found, NAMED) if _named(text, found) else found


def _quoted(text: str, found: Finding) -> bool:
    """Whether quotation marks enclose the words ``found`` reads, and nothing else: a phrase mentioned,
    not used ('phrases such as "counterfeit consciousness" for "artificial intelligence"')."""
    return (text[found.start - 1 : found.start], text[found.end : found.end + 1]) in QUOTE_PAIRS


#: What names a word rather than uses it, right before it (on its line or ending the line before):
#: "the meaning of", "an older sense of", "a var of", "the verb".
_NAMING = lazy(
    r"(?i)(?:\b(?:meanings?|senses?|spellings?|variants?|var\.?|synonyms?|antonyms?)\s+of"
    r"|\bthe\s+(?:verb|noun|adjective|adverb|term))(?:[ \t]+|[ \t]*\r?\n[ \t]*)$"
)
#: How far before a word :data:`_NAMING` is sought (the cue may end the line before).
NAMING_REACH = 40
#: A dictionary's part of speech after a headword it cites: "[Freq. of knap, v.]", "bonk, n.".
_PART_OF_SPEECH = lazy(r",[ \t]*(?:v|n|a|adj|adv|prep|conj|pron|interj|v\.[ \t]*[it])\.(?![\p{L}])")


def _named(text: str, found: Finding) -> bool:
    """Whether ``found`` reads one word that the text names rather than uses, as a dictionary or a
    glossary does: "the meaning of defenestrate", "a var of bonk", "[Freq. of knap, v.]".  A
    spinner swaps words in use; a word named is the writer's subject, whatever its class."""
    if " " in text[found.start : found.end].strip():
        return False
    return (
        _NAMING.search(text, max(0, found.start - NAMING_REACH), found.start) is not None
        or _PART_OF_SPEECH.match(text, found.end) is not None
    )


def _sign(text: str, found: Finding) -> bool:
    """Whether ``found`` is a listed phrase used in the text (not a suspect beyond the list, nor
    quoted), a sign that the text was paraphrased."""
    return found.rule in LISTED_RULES and not suspect(found) and not _quoted(text, found)


#: The rules of published or known phrases, which hold in any kind of text.
LISTED_RULES = frozenset(("SPN001", "SPN005"))
#: Marks of OCR damage (:func:`repair.detectors.ocr.structure.ocr_noise`) that make a text a scan.
SCANNED_MARKS = 2


SCANNED = " Shown only: this text shows OCR damage, so it is a scan of print, which no spinner wrote."
TERM_OF_ITS_OWN = (
    " Shown only: in technical writing that shows no other listed phrase, the phrase may be a term"
    " of its own."
)


ORDINARY_ALONE = (
    " Shown only: ordinary English uses this phrase with a meaning of its own, and the document"
    " shows no other listed phrase."
)
QUOTED = " Shown only: quotation marks enclose it, so the text mentions the words rather than uses them."
NAMED = (
    ' Shown only: the text names the word ("the meaning of …", "…, v.") rather than uses it, as a'
    " dictionary or a glossary does."
)
CUT_SHORT = ' Shown only: the word runs into an ellipsis, so it may be cut short ("the woo...").'
UNPROVEN = (
    "in a long text that shows no clear signs of spinning, a thesaurus finding is more often an"
    " established term or the writer's older or rarer wording than a spinner's."
)

#: Words of older English (the function words of :data:`repair.spelling.variety.ARCHAIC_WORDS`,
#: "ere", and the old adverbs of place and cause): a swap written with one is the writer's own wording
#: far more often than a spinner's, who takes its words from a thesaurus of today's English (no swap
#: of spin_dev writes one; a novel's "hither and thither" was made "from pillar to post", its "ere
#: long" "soon", scripture's "Wherefore, though I might be much bold" "Why").
OLDER_WORDS = ARCHAIC_WORDS | {"ere", "wherefore", "whence", "thence", "whereof", "whereunto", "wherewith"}
#: A text uses the function words of Early Modern English (:data:`ARCHAIC_WORDS`: "thou", "hath",
#: "unto") at least this many times, and at least this share of its words, when it is written in older
#: English (scripture, a sonnet): its thesaurus findings are only shown, and only the confident ones.
OLDER_TEXT_USES = 3
OLDER_TEXT_SHARE = 0.01
OLDER_TEXT = (
    " Shown only: the text is written in older English (it uses words such as 'thou', 'hath' and 'unto'),"
    " whose words a model of today's English reads as swaps and no spinner writes."
)


def _older_english(doc: Document) -> bool:
    """Whether ``doc`` is written in older English (see :data:`OLDER_TEXT_USES`)."""
    from repair.spelling.protect import doc_words  # deferred, as in _content_words

    dw = doc_words(doc)
    uses = dw.archaic_uses
    return uses >= OLDER_TEXT_USES and uses >= OLDER_TEXT_SHARE * len(dw.tokens)


VERSE = (
    " Shown only: it stands in verse (short lines opening with capitals, a sentence running on from"
    " line to line), which no spinner rewrites."
)
OLDER = (
    " Shown only: '{}' is a word of older English, which writers use on purpose and a thesaurus of"
    " today's English seldom offers."
)

LONE = (
    "nothing else in the document points to a spinner (no other confident sign, and the possible swaps"
    " of its other words, summed, too few to raise a doubt), and a lone swap this confident is often"
    " the writer's own word."
)
#: The confidence a swap needs to be safe when it is the document's only sign of spinning.  At 0.75
#: (session 32) ten lone swaps of clean mail, speeches and reference works were still safe, all wrong
#: ("I am assuring you" -> "telling", "irreconcilable deviations" -> "differences"); at 0.85 none,
#: and spin_dev's fixes fall from 68 to 65, the three offered instead.
SWAP_LONE_SAFE = 0.85


def _weighed(p: Proposal, rate: float) -> Proposal:
    """``p`` at the document's spin rate ``rate``: at the prior rate, which ``p`` already assumes,
    ``p`` itself (its posterior as first computed, not computed again)."""
    return p.at_rate(rate) if rate != SPIN_RATE else p


def _alone(prop: Proposal, pending: Sequence[Sequence[Proposal]], rate: float, n_content: int) -> bool:
    """Whether ``prop``, a swap confident enough to be safe but short of ``SWAP_LONE_SAFE``, has no
    support in the document's other words: their swaps summed fall short of a doubt (``DOUBT`` of
    the bars that mark a document spun).  Its own odds are left out of that sum."""
    if not SWAP_SAFE <= probability(_weighed(prop, rate)) < SWAP_LONE_SAFE:
        return False
    rest = [[p for p in props if p.start != prop.start] for props in pending]
    return not swap_evidence(rest, rate, n_content, DOUBT)


def _cut_short(text: str, found: Finding) -> bool:
    """Whether the one word ``found`` reads (not a listed phrase) runs into an ellipsis: the end of a
    word cut short ("what's with the woo..."), as a truncated line or title has it."""
    return found.rule not in LISTED_RULES and text.startswith(("...", "…"), found.end)


INSIDE_TERM = (
    " Shown only: in technical writing, the phrase begins or ends inside a term the text writes with"
    " the word beside it, so it is part of a longer term."
)


def _inside_term(text: str, found: Finding) -> bool:
    """Whether the listed phrase ``found`` shares its first word with a term the word before it makes,
    or its last with one the word after it makes ("speculative execution side channel methods": "side
    channel" is a term, so "channel methods" is no tortured phrase of its own)."""
    words = text[found.start : found.end].lower().split()
    if len(words) < 2:
        return False
    before, after = beyond.neighbour_words(text, found.start, found.end)
    pairs = [(before.lower(), words[0])] if before else []
    pairs += [(words[-1], after.lower())] if after else []
    return any(
        a not in FUNCTION_WORDS and b not in FUNCTION_WORDS and set(terms.evidence((a, b))) - {"p"}
        for a, b in pairs
    )


def _shown_only(found: Finding, why: str) -> Finding:
    """``found`` made display-only, saying ``why``."""
    if found.applicability is Applicability.DISPLAY:
        return found
    return replace(found, applicability=Applicability.DISPLAY, explanation=found.explanation + why)


#: Distinct listed phrases that show a technical text spun, so that its other spin findings are
#: reported ...
TECHNICAL_SIGNS = 2
#: ... and at least this many per word: a paraphrased paper of 5,000 words holds a dozen, while a
#: manual of half a million words may use three of its own terms that the list holds ("call tree",
#: "selection tree" and "test technique" in Octave's, taken from its PDF).
TECHNICAL_SIGN_DENSITY = 1e-4


def _spin(doc: Document) -> Iterator[Finding]:
    text = doc.masked
    layout = gate.plan(text)
    # Every document gets a first look (its proposals weigh the likeliest candidates only),
    # its whole text when short, a sample when long.
    state = Reading(quick=True)
    # the rules read along the way are held until the end, when the document's evidence is known
    early: list[Finding] = []
    for start, end in layout.sample:
        early.extend(read_region(doc, state, start, end, full=True))
    if not layout.rest:
        # A short document is weighed again with every candidate when the first look shows
        # spinner damage, or even a share of the swaps that would (``DOUBT``); in clean prose
        # only the sentences holding a possible swap are, a fifth of the work on most pages.
        settled = not state.spun() and not state.doubtful()
        if settled:
            state.refine(text)
            settled = not state.spun()
        if not settled:
            state.reweigh(text)
    else:
        # A long document is read in full only when its sample shows spinner damage (its sample
        # is then weighed again with every candidate); otherwise only the chunks that may hold a
        # listed phrase are read, and only for listed phrases.
        going = state.spun()
        state.sampled = not going
        if going:
            state.reweigh(text)
        present = [] if going else gate.listed_in(text, _listed_index())
        for start, end in layout.rest:
            if going:
                early.extend(read_region(doc, state, start, end, full=True))
            elif gate.may_hold(text[start:end], present):
                early.extend(read_region(doc, state, start, end, full=False))
    state.widen(text)
    if state.unproven():
        # a long text without clear signs of spinning: a broken compound or slot is more often its
        # writer's older or rarer wording ("sheet-iron", "awe-stricken") than a spinner's
        early = [f if f.rule in LISTED_RULES else _shown_only(f, f" Shown only: {UNPROVEN}") for f in early]
    yield from early
    yield from swap_findings(doc, state)


def _held(found: Finding, why: str) -> Finding:
    """``found`` offered as an unsafe fix, not a safe one, saying ``why``."""
    if found.applicability is not Applicability.SAFE:
        return found
    explanation = f"{found.explanation} Not applied by default: {why}"
    return replace(found, applicability=Applicability.UNSAFE, explanation=explanation)


@dataclass
class Reading:
    """What the family has read of a document so far: claimed spans and the evidence of spinning."""

    taken: list[tuple[int, int]] = field(default_factory=list)
    strong: int = 0  # strong findings: phrase-table and listed hits, broken slots, confident swaps
    total: int = 0  # words read in full
    content: int = 0  # content words read in full
    pending: list[list[Proposal]] = field(default_factory=list)
    quick: bool = False  # weigh only the likeliest candidates (a first look at a sample)
    looked: list[tuple[Sentence, set[int]]] = field(default_factory=list)  # sentences read quickly
    read: list[tuple[Sentence, set[int]]] = field(default_factory=list)  # sentences read in full
    memo: tuple[tuple[int, int, int, int], float] | None = None  # the last rate computed, and for what
    uses: dict[str, int] = field(default_factory=dict)  # whole-word uses of written words, by lower case
    low: str | None = None  # the document in lower case, made when a use is first counted
    sampled: bool = False  # a long document of which only a sample was read for swaps
    # proposals for words that a broken slot claimed: evidence of spinning, never findings
    claimed: list[list[Proposal]] = field(default_factory=list)
    weak: list[SlotHit] = field(default_factory=list)  # weak slot hits, shown only if the document is spun

    def not_terms(self, props: Iterable[Proposal], text: str) -> list[Proposal]:
        """The proposals that are no mere terms of the document: a weak swap (shown at most in a
        spun document, below the unsafe band) of a word the document uses ``TERM_USES`` times or
        more ("locales" in a text about them) is neither shown nor counted as a sign of spinning."""
        kept = []
        for p in props:
            weak = SWAP_SHOW_SPUN <= probability(p) < SWAP_UNSAFE
            if weak and self.low is None:
                self.low = text.lower()
            if not weak or _uses(self.low or "", p.written, self.uses) < TERM_USES:
                kept.append(p)
        return kept

    def doubtful(self) -> bool:
        """Whether a first look shows ``DOUBT`` of the expected swaps that mark a document spun."""
        return swap_evidence([*self.pending, *self.claimed], self.rate(), self.content, DOUBT)

    def refine(self, text: str) -> None:
        """Weigh again, with every candidate, the sentences read at a first look that hold a
        proposal of at least ``REFINE_FLOOR`` at the document's rate: a first look settles the
        rest (a word whose likeliest originals fit no better is rarely saved by the others)."""
        rate = self.rate()
        for k, (sentence, skip) in enumerate(self.looked):
            if any(probability(_weighed(p, rate)) >= REFINE_FLOOR for p in self.pending[k]):
                self.pending[k] = self.not_terms(propose(sentence, text, skip), text)
        self.memo = None

    def reweigh(self, text: str) -> None:
        """Weigh the sentences read at a first look again, with every candidate; read in full from now."""
        self.quick = False
        self.pending = [self.not_terms(propose(sentence, text, skip), text) for sentence, skip in self.looked]
        self.read.extend(self.looked)
        self.looked = []

    def widen(self, text: str) -> None:
        """In a document that shows clear signs of spinning, weigh also the words that fit their
        neighbours only moderately (:func:`repair.spin.scan.propose_fitting`): a spinner swaps
        many words, and some still fit one neighbour."""
        if not self.spun():
            return
        covered = {i for props in self.pending for p in props for i in range(p.start, p.end)}
        for sentence, skip in self.read:
            near = skip | {k for k, t in enumerate(sentence.tokens) if t.start in covered}
            more = self.not_terms(propose_fitting(sentence, text, near), text)
            if more:
                self.pending.append(more)
        self.read = []

    def unproven(self) -> bool:
        """Whether this is a long text (read in part, or of ``LONG_READING`` content words or more)
        that shows no clear signs of spinning: a finding of the thesaurus rules is then only
        shown."""
        return (self.sampled or self.content >= LONG_READING) and not self.spun()

    def all_strong(self) -> int:
        """Strong findings, confident swaps included."""
        return self.strong + sum(1 for props in self.pending for p in props if probability(p) >= SWAP_SAFE)

    def rate(self) -> float:
        """The document's estimated spin rate (see :func:`document_rate`), kept until more is read."""
        key = (id(self.pending), len(self.pending), self.strong, self.content)
        if self.memo is None or self.memo[0] != key:
            strong = self.all_strong()
            # a long reading raises its rate only on evidence that holds at the prior rate: weighed at
            # a raised rate, the rare words of older and literary prose (a chapter of a novel) pass for
            # the swaps that raised it, and the chapter reads as spun (a short paragraph must be
            # weighed so, as it cannot show enough at the prior rate)
            evident = self.content < LONG_READING or spun_document(strong, self.total)
            if not evident:
                evident = swap_evidence([*self.pending, *self.claimed], SPIN_RATE, self.content)
            quiet = self.quiet(strong) or not evident
            rate = SPIN_RATE if quiet else document_rate(self.pending, self.content, strong)
            self.memo = (key, rate)
        return self.memo[1]

    def quiet(self, strong: int | None = None) -> bool:
        """Whether what was read shows fewer confident signs (``strong``, else :meth:`all_strong`)
        than one per ``QUIET_WORDS`` content words (so no long reading without any): its weak swaps
        are then no evidence of spinning."""
        return (self.all_strong() if strong is None else strong) < self.content // QUIET_WORDS

    def spun(self, rate: float | None = None) -> bool:
        """Whether what was read shows clear signs of spinning."""
        rate = self.rate() if rate is None else rate
        strong = self.all_strong()
        return spun_document(strong, self.total) or (
            not self.quiet(strong) and swap_evidence([*self.pending, *self.claimed], rate, self.content)
        )


@functools.cache
def _listed_index() -> gate.Index:
    return gate.index([*phrase_table.keys(), *tortured.phrases()])


def read_region(doc: Document, state: Reading, start: int, end: int, full: bool) -> Iterator[Finding]:
    """Findings of the phrase table, the tortured-phrase list and (when ``full``) the slot rules in
    ``text[start:end]``; when ``full`` its swap proposals are kept in ``state`` for later."""
    text = doc.masked
    taken = state.taken
    mark = len(taken)
    check_allowed = bool(doc.options.allow_words)

    def free(s: int, e: int) -> bool:
        return not doc.is_protected(s, e) and all(e <= a or s >= b for a, b in taken)

    sents = sentences(text, start, end)
    listed_hits = beyond.hits(sents, text)
    longer = [(h.start, h.end) for hits in listed_hits for h in hits]

    def inside_listed(s: int, e: int) -> bool:
        return any(a <= s and e <= b and b - a > e - s for a, b in longer)

    # a table phrase whose context condition says "legitimate here" is left alone by every spin rule,
    # unless it is part of a longer listed tortured phrase (which then wins, as a match would)
    vetoed = [(s, e) for s, e, _ in phrase_table.spans(text, start, end) if not inside_listed(s, e)]
    for hit in phrase_table.matches(text, start, end):
        if (
            inside_listed(hit.start, hit.end)
            or not free(hit.start, hit.end)
            or doc.options.allowed(text[hit.start : hit.end])
        ):
            continue
        taken.append((hit.start, hit.end))
        state.strong += 1
        yield not_past(finding_for_phrase(hit, doc.text), text, loose=False)
    taken.extend(vetoed)
    region_taken = taken[mark:]
    for sentence, listed_here in zip(sents, listed_hits, strict=True):
        toks = sentence.tokens
        s0, s1 = toks[0].start, toks[-1].end
        near = [(a, b) for a, b in region_taken if a < s1 and b > s0]
        skip = {
            k
            for k, t in enumerate(toks)
            if (near and not all(t.end <= a or t.start >= b for a, b in near))
            or (doc.protected and doc.is_protected(t.start, t.end))
            or (check_allowed and doc.options.allowed(t.text))
        }
        for listed in listed_here:
            if any(k in skip for k in range(listed.first, listed.last)):
                continue
            skip.update(range(listed.first, listed.last))
            taken.append((listed.start, listed.end))
            state.strong += listed.listed
            written = text[listed.start : listed.end]
            if not listed.correct:  # no original listed: generate it (repair.spin.restore)
                lm_words = sentence.lm[listed.first : listed.last]
                found = generated_finding(text, listed.start, listed.end, lm_words, listed.listed)
                yield not_past(found, text)
                continue
            delta = None
            derived = False
            if listed.correct and not listed.confirmed:
                lm_words = sentence.lm[listed.first : listed.last]
                # the model's preference is evidence only for a correction the written words lead to
                if related(lm_words, listed.correct):
                    delta = listed_preference(sentence, listed.first, listed.last, listed.correct)
                if delta is None or delta < LISTED_SAFE_DELTA:
                    derived = derives(lm_words, listed.correct)
            yield not_past(
                finding_for_listed(
                    listed.start, listed.end, written, listed.correct, listed.confirmed, delta, derived
                ),
                text,
            )
        if not full:
            continue
        claimed = set()
        for slot in (*find_slots(sentence, text), *compounds.find(sentence, text)):
            if slot.first in skip:
                continue
            skip.add(slot.first)
            claimed.add(slot.first)
            taken.append((slot.start, slot.end))
            state.strong += slot.delta >= SLOT_UNSAFE_DELTA
            yield finding_for_slot(slot)
        if claimed:
            # the scan still weighs a claimed word, as evidence that the document is spun
            others = set(range(len(toks))) - claimed
            state.claimed.append(list(propose(sentence, text, others, state.quick)))
        state.weak.extend(hit for hit in adverbs.find(sentence, text) if hit.first not in skip)
        props = state.not_terms(propose(sentence, text, skip, state.quick), text)
        if state.quick:
            state.looked.append((sentence, skip))
        else:
            state.read.append((sentence, skip))
        state.pending.append(props)
        state.total += len(toks)
        state.content += sum(1 for w in sentence.lm if w.isalpha() and w not in FUNCTION_WORDS)


def not_past(found: Finding, text: str, loose: bool = True) -> Finding:
    """``found``, its safe fix made unsafe when the tortured phrase may go on past its span
    (:func:`repair.spin.beyond.continues`): restoring part of a longer term is no safe fix."""
    if found.applicability is not Applicability.SAFE or not found.replacements:
        return found
    if not beyond.continues(text, found.start, found.end, found.replacements[0], loose):
        return found
    return _held(
        found,
        "a word next to it is typical of paraphrasing tools, so the tortured phrase may be longer than the"
        " part restored.",
    )


def swap_findings(doc: Document, state: Reading) -> Iterator[Finding]:
    """SPN002 findings of the proposals kept in ``state``, with the document's evidence weighed in."""
    # A document that already shows spinner damage is likely to hold more: raise the prior.
    rate = state.rate()
    # Clear signs of spinning (several strong findings, at a density clean prose does not reach)
    # make the document's weaker swaps worth showing; the fixes keep their own bands.
    spun = state.spun(rate)
    show = SWAP_SHOW_SPUN if spun else SWAP_SHOW
    # unsafe fixes widen the unsafe band only where spinning shows: without clear signs the band from
    # 0.3 changed formal words of clean old prose ("expend" -> "spend") about 6 times in 10,000 words
    unsafe = SWAP_UNSAFE_SPUN if doc.options.unsafe_fixes and spun else SWAP_UNSAFE
    shown: list[tuple[int, int]] = []
    # weak swaps summed raise the rate of old and formal prose as they do a spun text's: without a
    # strong sign, the raised rate may show a swap or make it unsafe, but only its own odds make it safe
    grounded = rate == SPIN_RATE or state.all_strong() > 0
    if spun and not grounded:
        show = SWAP_SHOW_WEAK  # such weak evidence shows the likelier swaps only
    # a long text that shows no clear signs of spinning (in its sample, if it was not read in full):
    # a swap is an established term or the writer's own wording more often than a spinner's
    # ("whooping cough", a novel's "ere long"): shown only
    unproven = state.unproven()
    # a confident swap may be the only sign: none other strong, and the weak swaps summed short of
    # a doubt (clean news' "sternly challenged"; see _alone)
    others = [*state.pending, *state.claimed]
    alone_strong = state.all_strong() <= 1
    for props in state.pending:
        best: dict[int, Finding] = {}
        for prop in props:
            if prop.compound:
                continue  # "web browser" for "browser": a compound, not a swap (repair.spin.scan._part_of)
            held = UNPROVEN if unproven else ""
            if not held and alone_strong and _alone(prop, others, rate, state.content):
                held = LONE
            if not grounded and (alone := probability(prop)) < SWAP_SAFE:
                held = (
                    f"the document's raised spin rate rests on weak swaps alone, which old and formal "
                    f"prose shows too; at the usual rate the confidence is {alone:.2f}."
                )
            f = finding_for_proposal(_weighed(prop, rate), show, unsafe, held, shown_only=unproven)
            if f is None:
                continue
            older = OLDER_WORDS.intersection(prop.written.lower().replace(",", " ").split())
            if older:
                f = _shown_only(f, OLDER.format(min(older)))
            key = prop.first
            if key not in best or f.confidence > best[key].confidence:
                best[key] = f
        chosen: list[Finding] = []
        for f in sorted(best.values(), key=lambda x: -x.confidence):
            if all(f.end <= c.start or f.start >= c.end for c in chosen):
                chosen.append(f)
        shown.extend((f.start, f.end) for f in chosen)
        yield from sorted(chosen, key=lambda x: x.start)
    if spun:  # weak slot evidence counts only where spinning is already clear
        for hit in state.weak:
            if all(hit.end <= a or hit.start >= b for a, b in shown):
                yield finding_for_slot(hit)


#: Uses of a written word that make it a term of the document ("locales" in a text about them).
TERM_USES = 4


def _uses(low: str, written: str, counts: dict[str, int]) -> int:
    """Whole-word uses of ``written`` in the lower-cased text ``low``, counted up to ``TERM_USES``
    (memoised in ``counts``)."""
    key = written.lower()
    if key in counts:
        return counts[key]
    n = 0
    i = low.find(key)
    while i >= 0 and n < TERM_USES:
        j = i + len(key)
        before = low[i - 1] if i else " "
        after = low[j] if j < len(low) else " "
        if not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "'’-"):
            n += 1
        i = low.find(key, i + 1)
    counts[key] = n
    return n


def listed_preference(sentence: Sentence, first: int, last: int, correct: str) -> float | None:
    """The trigram model's log preference for ``correct`` over the written words ``first:last`` in
    context, or None when a word on either side is unknown to the model (no measure)."""
    parts = correct.lower().split()
    seq = framed(sentence.lm)
    written = seq[first + 1 : last + 1]
    if not all(known(w) for w in (*parts, *written)):
        return None
    return local_score(seq, first, last, parts) - local_score(seq, first, last, written)


def swap_evidence(
    pending: Sequence[Sequence[Proposal]], rate: float, n_content: int, share: float = 1.0
) -> bool:
    """Whether the scanned words, taken together, show spinning: the expected number of swaps
    (the sum over examined words of the combiner's best probability) is at least ``SPUN_SWAPS``
    and at least ``SPUN_SWAP_DENSITY`` per content word scanned, about five times what clean
    prose shows on average; no single swap need be confident.  ``share`` scales both bars."""
    best: dict[int, float] = {}
    for props in pending:
        for p in props:
            conf = probability(_weighed(p, rate))
            best[p.start] = max(best.get(p.start, 0.0), conf)
    expected = sum(best.values())
    return expected >= share * SPUN_SWAPS and expected >= share * SPUN_SWAP_DENSITY * n_content


def spun_document(strong: int, total: int) -> bool:
    """Whether a document shows clear signs of spinning: at least ``SPUN_SIGNS`` strong findings
    (phrase-table and listed hits, broken slots, confident swaps), at least ``SIGN_DENSITY`` per word."""
    return strong >= SPUN_SIGNS and strong >= SIGN_DENSITY * total


def document_rate(pending: Sequence[Sequence[Proposal]], n_content: int, strong: int) -> float:
    """Empirical-Bayes estimate of the share of spun content words in this document.

    Starts from the prior rate, counts each strong finding as one swap and each
    examined word by its chance of having been swapped, with ``PSEUDO_WORDS``
    words of prior weight; two rounds, since the chances depend on the rate.
    The excess over the prior is then scaled by ``RATE_GAIN``: the scan sees
    only some of a spinner's swaps, so the raw count falls short of the true
    rate by about that factor (fitted on self-spun book paragraphs).  Clean
    prose stays at the prior; heavily spun text rises towards
    ``SPUN_DOCUMENT_RATE``.
    """
    best: dict[int, Proposal] = {}
    for props in pending:
        for p in props:
            if p.start not in best or p.spun > best[p.start].spun:
                best[p.start] = p
    rate = SPIN_RATE
    for _ in range(2):
        expected = strong + sum(p.at_rate(rate).spun for p in best.values())
        rate = (expected + SPIN_RATE * PSEUDO_WORDS) / (n_content + PSEUDO_WORDS)
        rate = min(max(rate, SPIN_RATE), SPUN_DOCUMENT_RATE)
    return min(SPIN_RATE + RATE_GAIN * (rate - SPIN_RATE), SPUN_DOCUMENT_RATE)


def spin_score(doc: Document | str, findings: Sequence[Finding]) -> tuple[float, int]:
    """A document's spin score: (share of content words inside spin findings, number of spin findings).

    Content words are alphabetic words outside the closed-class word list.  A
    clean page scores near 0; machine-spun text often scores above 0.05.
    """
    spin_findings = [f for f in findings if f.category is Category.SPIN]
    if not spin_findings:
        return 0.0, 0
    text = doc.text if isinstance(doc, Document) else doc
    # a book has a hundred thousand words and a few findings: the content words are counted
    # by their distinct texts, and only the words around each finding are tokenised
    n_content = _content_words(doc)
    if not n_content:
        return 0.0, len(spin_findings)
    flagged: set[int] = set()  # the start offsets of the content words a finding overlaps
    for f in spin_findings:
        ((lo, hi),) = _around(text, [(f.start, f.end)])
        flagged.update(
            t.start
            for t in words(text, lo, hi)
            if t.end > f.start and t.start < f.end and _is_content(t.text)
        )
    return round(len(flagged) / n_content, 4), len(spin_findings)


def _content_words(doc: Document | str) -> int:
    """How many content words (:func:`_is_content`) the text holds.

    A document's word texts are counted already by the spelling rules, over its masked text
    (:func:`repair.spelling.protect.doc_words`), which differs from the text only inside
    protected spans: only the words around those are counted again, in both.
    """
    if isinstance(doc, str):
        return sum(n for w, n in Counter(word_texts(doc)).items() if _is_content(w))
    from repair.spelling.protect import doc_words

    n = sum(n for w, n in doc_words(doc).texts.items() if _is_content(w))
    for lo, hi in _around(doc.text, [(s.start, s.end) for s in doc.protected]):
        n += sum(_is_content(t.text) for t in words(doc.text, lo, hi))
        n -= sum(_is_content(t.text) for t in words(doc.masked, lo, hi))
    return n


def _around(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted ``spans``, each widened to white space (or the text's ends) on both sides, and
    merged where they then meet: no word of ``text`` crosses their edges, nor of any text that
    differs from it only inside the spans and keeps its white space (``Document.masked``).  So a
    scan of such a region meets the same words as a scan of the whole text."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _is_content(word: str) -> bool:
    """Whether a word token counts for :func:`spin_score`: alphabetic and not a function word."""
    return word.isalpha() and word.lower() not in FUNCTION_WORDS


@document_metric
def spin_metrics(doc: Document, findings: Sequence[Finding]) -> dict[str, float]:
    """``spin_score`` and ``spin_count`` for check output and corpus filtering (see :func:`spin_score`)."""
    score, count = spin_score(doc, findings)
    return {"spin_score": score, "spin_count": count}
