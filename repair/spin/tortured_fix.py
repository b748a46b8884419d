"""SPN005 findings whose correction is generated: the term a tortured phrase was paraphrased from.

Used for listed tortured phrases whose list row names no original; the
original comes from :func:`repair.spin.restore.choose`, and the explanation
gives its evidence: which thesaurus or listed swap links each changed word,
which sources call the original a term, and how far it leads the runner-up.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from repair.model import Applicability, Finding, finding
from repair.spin.explain import LISTED, cased_like
from repair.spin.phrases import with_article

if TYPE_CHECKING:  # the restorer is imported when a listed phrase needs it, not with the family
    from repair.spin.restore import Choice, Option, Restoration

#: How far before a phrase a preceding "a"/"an" is looked for.
ARTICLE_WINDOW = 6
CONFIDENCE = {"safe": 0.93, "unsafe": 0.85, "display": 0.7}
TERM_SOURCES = {
    "p": "the published tortured-phrase list names it as an original",
    "w": "WordNet 3.0 lists it",
    "s": "symspellpy's bigram list counts it",
    "f": "the Free On-line Dictionary of Computing lists it",
    "v": "V.E.R.A. expands an acronym to it",
    "c": "CMU's trigram model holds it",
}


def _link(written: str, option: Option) -> str:
    if "p" in option.sources:
        return f"'{written}' stands for '{option.text}' in another term of the published list"
    if option.sources == "l":
        from repair.spin.restore import learned_links

        seen = learned_links().get(written, {}).get(option.text, 0.0)
        return (
            f"the paraphrasing tools write '{written}' for '{option.text}' in about {max(1, round(seen))} "
            "listed phrases (learned from the published list)"
        )
    where = "Moby Thesaurus II" if set(option.sources) & {"m", "r"} else "WordNet 3.0"
    return f"{where} links '{written}' to '{option.text}'"


def explain(written: tuple[str, ...], choice: Choice) -> str:
    """The evidence for a generated restoration, in words a reviewer can check."""
    best = choice.best
    links = [_link(w, o) for w, o in zip(written, best.options, strict=True) if o.sources != "="]
    sources = [TERM_SOURCES[m] for m in "pwsfvc" if m in best.term]
    if best.term == "k":
        said = (
            f"no source knows '{written[1] if best.options[0].sources != '=' else written[0]}', so no "
            f"term can be checked; " + "; ".join(links)
        )
    elif best.term == "b":
        said = f"each pair of neighbouring words of '{best.text}' is an established term; " + "; ".join(links)
    else:
        said = f"'{best.text}' is an established term ({'; '.join(sources)}); " + "; ".join(links)
    said += f"; '{' '.join(written)}' is known to none of these sources"
    if choice.rival is None:
        said += "; no other term is reachable by such swaps"
    else:
        said += f"; the next candidate, '{choice.rival.text}', needs swaps {_times(choice.lead)} less likely"
    return said


def _times(lead: float | None) -> str:
    if lead is None or lead > 20:
        return "far"
    return f"about {round(math.exp(lead)):,} times"


def related(written: tuple[str, ...], correct: str) -> bool:
    """Whether the listed ``correct`` is a word-by-word rewrite of ``written`` that rests on more
    than the row itself: as many words, and a word kept or a swap with evidence beyond the row
    (:func:`repair.spin.restore.supported` with ``listed=False``).

    Some rows pair a phrase with an unrelated fingerprint ("cancer actualities" listed for
    "figure think"); for those the trigram model's preference for the correction in context
    measures only how common the correction is, not that the writer meant it.
    """
    from repair.spin import restore

    parts = tuple(correct.lower().split())
    if len(parts) != len(written):
        return False
    if any(t == o for t, o in zip(written, parts, strict=True)):
        return True
    for t, o in zip(written, parts, strict=True):
        option = {x.text: x for x in restore.options(t)}.get(o)
        if option is not None and restore.supported(t, option, listed=False):
            return True
    return False


def derives(written: tuple[str, ...], correct: str) -> bool:
    """Whether the generator reaches the listed ``correct`` from ``written`` with a safe choice
    that does not rest on the row alone: a written word is kept, or every swap has evidence
    beyond the row (:func:`repair.spin.restore.supported` with ``listed=False``: a thesaurus
    link, another row's correction, or ``LINK_SUPPORT`` learned phrases), or one swap has and a
    source besides the list calls the original a term.

    The generator counts the row's own correction among its swaps, so its choice alone could
    merely repeat the list; the second condition rules out the rows that pair a phrase with an
    unrelated fingerprint ("cancer actualities" listed for "figure think").  A term that other
    sources know is no evidence on its own: such rows name well-known terms ("distant worker"
    listed for "cloud computing"), which no swap of the written words leads to.
    """
    from repair.spin import restore

    choice = restore.choose(written)
    if choice is None or choice.strength != "safe" or choice.best.text != correct.lower():
        return False
    if choice.best.changed < len(written):
        return True
    backed = [
        restore.supported(t, o, listed=False)
        for t, o in zip(written, choice.best.options, strict=True)
        if o.sources != "="
    ]
    return all(backed) or (any(backed) and bool(set(choice.best.term) - {"p"}))


#: What an SPN005 finding for a suspect beyond the published list says of its phrase.
SUSPECT = "looks like a tortured phrase"


def suspect(found: Finding) -> bool:
    """Whether an SPN005 finding is a suspect found beyond the published list (:func:`generated_finding`)."""
    return found.rule == "SPN005" and found.message.split("; ", 1)[0].endswith(SUSPECT)


def original_listed(found: Finding) -> bool:
    """Whether ``found`` is an SPN005 finding for a listed phrase whose list row names its original
    (:func:`repair.spin.explain.finding_for_listed`), not one the generator of originals guessed."""
    return found.rule == "SPN005" and f"' {LISTED} for '" in found.message


def generated_finding(
    text: str, start: int, end: int, written: tuple[str, ...], listed: bool = True
) -> Finding:
    """SPN005 finding for a tortured phrase ``text[start:end]`` (model words ``written``).

    ``listed``: on the published list; otherwise a suspect found beyond it
    (:mod:`repair.spin.beyond`), shown with its likely original and never applied.
    """
    shown = text[start:end]
    from repair.spin.restore import choose

    choice = choose(written)
    if listed:
        message = f"'{shown}' {LISTED}"
        base = (
            f"'{shown.lower()}' is on the Problematic Paper Screener's list of tortured phrases "
            "(machine-paraphrased technical terms found in published papers); the list names no original"
        )
    else:
        message = f"'{shown}' {SUSPECT}"
        base = (
            f"both words of '{shown.lower()}' are frequent in the published list of tortured phrases "
            "and the pair is no known collocation"
        )
    if choice is None:
        return finding(
            "SPN005",
            start,
            end,
            message,
            confidence=0.7,
            explanation=f"{base}; no established term is reachable by thesaurus swaps; confidence 0.70.",
        )
    best: Restoration = choice.best
    strength = choice.strength if listed else "display"
    conf = CONFIDENCE[strength]
    replacement = cased_like(best.text, shown)
    edit_start, edit_text = with_article(text, start, replacement, ARTICLE_WINDOW)
    alternatives = (choice.rival.text,) if choice.rival is not None else ()
    return finding(
        "SPN005",
        edit_start,
        end,
        f"{message}; the original is probably '{best.text}'",
        replacement=edit_text,
        applicability=Applicability(strength),
        confidence=conf,
        explanation=f"{base}. {explain(written, choice)}; confidence {conf:.2f}.",
        alternatives=alternatives,
    )
