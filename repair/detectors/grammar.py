"""The grammar family: findings from a LanguageTool server the user names (GRM codes).

Optional and off by default.  With no server configured (``--languagetool URL``
or ``languagetool = "http://localhost:8081"`` in the configuration) the rules
send nothing anywhere and find nothing; when they are selected anyway, one notice
says why.  With a server configured, the document's masked text (protected spans
blanked to spaces, so code, URLs, e-mail addresses and the like are never sent) is
cut into pieces at paragraph boundaries (:mod:`repair.grammar.chunks`), each
piece is checked by the server (:mod:`repair.grammar.client`), and each match
becomes a finding with LanguageTool's rule id and message in its explanation
(:mod:`repair.grammar.matches`).  A server that is down or slow costs one
warning line and at most one timeout per run; the other families are unaffected.

One detector emits all four codes; LanguageTool's category decides the code.
"""

from __future__ import annotations

from collections.abc import Iterator

from repair.document import Document, Options
from repair.model import Category, Example, Finding
from repair.registry import rule

_NO_SERVER = (
    "note: grammar rules (GRM) selected but no LanguageTool server configured "
    '(use --languagetool URL or languagetool = "http://localhost:8081" in the configuration); '
    "grammar not checked"
)
_MIN_TIMEOUT = 0.1
#: Largest piece of text sent in one request (code points); None: the default of
#: :mod:`repair.grammar.chunks`.  (The client, the chunker and the match reader are imported
#: when the family runs: a check without a server never needs them.)
CHUNK_LIMIT: int | None = None

_SAFETY = """\
## Fix safety
Never safe.  LanguageTool's rules are patterns and a spell checker; a match can
span a name or a deliberate usage, and its suggestions carry no evidence of
their own.  {safety}

## Needs a server
Off by default.  Runs only against a LanguageTool server given with
``--languagetool URL`` or ``languagetool = "..."`` in the configuration; without
one nothing is sent anywhere.  Protected spans (code, URLs, e-mail addresses,
front matter, suppressed regions) are blanked before the text is sent.
"""

GRM001_DOC = """\
Grammar problems reported by a LanguageTool server.

## What it does
Sends the prose to the configured LanguageTool server and reports its matches
in the categories GRAMMAR, CONFUSED_WORDS, COLLOCATIONS, SEMANTICS,
NONSTANDARD_PHRASES, MISC and COMPOUNDING (and any category repair does not
know), with LanguageTool's rule id and message as the explanation.

## Why is this bad?
Agreement errors, confused words and broken constructions survive spinning,
OCR and careless editing, and repair's own families do not look for them.

## Example
He go to school every day.

## Use instead
He goes to school every day.

""" + _SAFETY.format(
    safety="A match with exactly one suggestion is ``unsafe`` (applied only with "
    "``--unsafe-fixes``); with several or none it is ``display``."
)

GRM002_DOC = """\
Punctuation, typography and casing problems reported by a LanguageTool server.

## What it does
Reports LanguageTool matches in the categories PUNCTUATION, TYPOGRAPHY and
CASING (a space before a comma, a missing capital at a sentence start).

## Why is this bad?
Stray spaces and broken punctuation are typical residue of scraping and of
rewriting tools, and they make text look machine-made.

## Example
Wait , what happened?

## Use instead
Wait, what happened?

""" + _SAFETY.format(
    safety="A match with exactly one suggestion is ``unsafe``; with several or none it is "
    "``display``.  (Quote and dash style rules are off by default in LanguageTool.)"
)

GRM003_DOC = """\
Style and redundancy remarks from a LanguageTool server.

## What it does
Reports LanguageTool matches in the style categories (STYLE, REDUNDANCY,
PLAIN_ENGLISH, WIKIPEDIA, REPETITIONS_STYLE, GENDER_NEUTRALITY, REGIONALISMS
and the American/British style categories).

## Why is this bad?
Redundant or wordy phrasing is not wrong, but it is often a sign of padded or
machine-rewritten text worth a look.

## Example
He returned back to the house.

## Use instead
He returned to the house.

""" + _SAFETY.format(safety="Always ``display``: style is the writer's call.")

GRM004_DOC = """\
Spelling problems reported by a LanguageTool server.

## What it does
Reports LanguageTool matches in the TYPOS category (its spell checker).

## Why is this bad?
A misspelling is damage; LanguageTool's opinion is a second witness next to
repair's own typo family.

## Example
The letter was recieved yesterday.

## Use instead
The letter was received yesterday.

""" + _SAFETY.format(
    safety="Always ``display``: LanguageTool's spell checker flags names and rare words, "
    "and repair's typo family is the one that fixes spelling."
)


def unavailable(options: Options) -> str | None:
    """Why this family cannot run under ``options`` (no server configured), or None when it can.

    The shared examples test consults this hook and leaves the examples of an
    unavailable family to the family's own contract test, which runs them
    against a stand-in server.
    """
    if not options.languagetool:
        return "the grammar family needs a LanguageTool server (--languagetool URL)"
    return None


@rule(
    "GRM001",
    "grammar.languagetool-grammar",
    Category.GRAMMAR,
    examples=[Example("He go to school every day.", "He goes to school every day.", unsafe=True)],
    clean=["He goes to school every day."],
    doc=GRM001_DOC,
    default_enabled=False,
)
@rule(
    "GRM002",
    "grammar.languagetool-punctuation",
    Category.GRAMMAR,
    examples=[Example("Wait , what happened?", "Wait, what happened?", unsafe=True)],
    clean=["Wait, what happened?"],
    doc=GRM002_DOC,
    default_enabled=False,
)
@rule(
    "GRM003",
    "grammar.languagetool-style",
    Category.GRAMMAR,
    examples=[Example("He returned back to the house.")],
    clean=["He returned to the house."],
    doc=GRM003_DOC,
    default_enabled=False,
)
@rule(
    "GRM004",
    "grammar.languagetool-spelling",
    Category.GRAMMAR,
    examples=[Example("The letter was recieved yesterday.")],
    clean=["The letter was received yesterday."],
    doc=GRM004_DOC,
    default_enabled=False,
)
def languagetool(doc: Document) -> Iterator[Finding]:
    """LanguageTool's matches on the document's prose, as GRM findings (see the module docstring)."""
    from repair.grammar import client
    from repair.grammar.chunks import DEFAULT_LIMIT, chunks
    from repair.grammar.matches import findings

    url = doc.options.languagetool
    if not url:
        client.notice_once("no-server", _NO_SERVER)
        return
    timeout = max(doc.options.languagetool_timeout, _MIN_TIMEOUT)
    for piece in chunks(doc.masked, CHUNK_LIMIT or DEFAULT_LIMIT):
        matches = client.check_text(url, piece.text, timeout)
        if matches is None:
            return
        for f in findings(matches, piece.text, piece.start):
            if not doc.is_protected(f.start, f.end):
                yield f
