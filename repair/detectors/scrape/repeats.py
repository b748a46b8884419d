"""SCR011, SCR012: repeated words ("the the") and repeated lines or paragraphs."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import regex

from repair import markup
from repair.detectors.scrape.common import line_span, shown
from repair.document import Document
from repair.model import Applicability, Category, Edit, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.spelling import variety

REPEAT = lazy(
    r"(?<![\p{L}\p{N}'’-])(?P<first>\p{L}+)(?P<gap> |[ \t]*(?:\r\n|\r|\n)[ \t]*)"
    r"(?P<second>(?P=first))(?![\p{L}\p{N}'’-])",
    regex.IGNORECASE | regex.VERSION1,
)
# Function words that English never doubles: the second one is always a slip.
NEVER_DOUBLED = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "into",
        "its",
        "of",
        "onto",
        "or",
        "our",
        "than",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "upon",
        "was",
        "were",
        "with",
        "your",
        "my",
    ]
)
# Doubles that English uses ("had had", "that that", "very very", "bye bye", "is is" in speech).
LEGIT = frozenset(
    [
        "ah",
        "aha",
        "aye",
        "baa",
        "bam",
        "bang",
        "beri",
        "bla",
        "blah",
        "bling",
        "boo",
        "bora",
        "bye",
        "can",
        "cancan",
        "cha",
        "chin",
        "choo",
        "chop",
        "come",
        "da",
        "dee",
        "did",
        "ding",
        "do",
        "does",
        "dong",
        "down",
        "dum",
        "far",
        "go",
        "goody",
        "ha",
        "had",
        "hah",
        "he",
        "hear",
        "hee",
        "her",
        "hey",
        "hip",
        "hmm",
        "ho",
        "hush",
        "is",
        "kai",
        "knock",
        "la",
        "long",
        "mahi",
        "many",
        "mm",
        "more",
        "much",
        "nah",
        "nay",
        "night",
        "no",
        "now",
        "oh",
        "on",
        "out",
        "over",
        "ping",
        "pom",
        "pooh",
        "pretty",
        "quick",
        "rah",
        "really",
        "round",
        "run",
        "so",
        "ta",
        "that",
        "tick",
        "tock",
        "tom",
        "too",
        "tra",
        "tsk",
        "tut",
        "uh",
        "um",
        "very",
        "wah",
        "wait",
        "walla",
        "well",
        "what",
        "will",
        "win",
        "yada",
        "yadda",
        "yea",
        "yeah",
        "yes",
        "ylang",
        "yum",
    ]
)
BLOCK_SPLIT = lazy(r"(?>\r\n|\n|\r)(?:[ \t]*(?>\r\n|\n|\r))+")
_WORD_CHAR = re.compile(r"[\w'’-]")
_EDGE = "\"'“”‘’()[]{}.,;:!?…*_-"
LINE = lazy(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
MIN_WORDS = 6  # shorter repeated lines (refrains, "* * *", headings) are left alone
SAFE_WORDS = 12  # a consecutive duplicate paragraph this long is never meant
VERSE_LINE = 50  # a block of lines shorter than this on average is verse, where refrains repeat


@rule(
    "SCR011",
    "scrape.repeated-word",
    Category.SCRAPE,
    examples=[
        Example("She opened the the door.", "She opened the door."),
        Example("The the results were clear.", "The results were clear."),
        Example("It was one of\nof the best.", "It was one of\nthe best."),
        Example("A report report was published.", "A report was published.", unsafe=True),
    ],
    clean=[
        "What he had had was not enough.",
        "He said that that was fine.",
        "It was very very cold. Bye bye!",
        "They flew to Bora Bora and Walla Walla.",
        "Give her her book.",
        "The theme: the thesis.",
        "To install it, type:\n\n   make\n   make test\n   make install\n",
    ],
)
def repeated_word(doc: Document) -> Iterator[Finding]:
    """A word written twice in a row ("the the").

    ## What it does
    Flags a word immediately repeated, on the same line or across a line break.
    Doubles that English uses ("had had", "that that", "very very", "bye bye",
    "her her"), repeated capitalised names ("Bora Bora") and a Lisp lambda list's
    keyword and parameter ("&body body") are left alone.

    ## Why is this bad?
    A doubled word is a slip of typing, editing or of joining two fragments.

    ## Example
    ```text
    She opened the the door.
    ```

    ## Use instead
    ```text
    She opened the door.
    ```

    ## Fix safety
    The fix deletes the second word.  It is safe for function words that
    English never doubles (articles, most prepositions and conjunctions: "the
    the", "of of"), and unsafe for other words, where a double is rare but can
    be meant, and in a passage of Early Modern English (an archaic function
    word such as "ye", "hath" or "unto" near it), which doubles "for" ("For for
    this cause pay ye tribute": because for).
    """
    masked = doc.masked
    for first_at, second_at, end in _repeats(masked):
        first, second = masked[first_at : first_at + end - second_at], masked[second_at:end]
        word = first.lower()
        if word in LEGIT:
            continue
        if first[0].isupper() and second[0].isupper():
            continue  # a name ("Bora Bora") or a heading
        if second[0].isupper() or (first != second and first[1:] != second[1:]):
            continue  # "the The" or mixed case: not a plain slip
        if len(word) == 1 and _single_letter_neighbour(masked, first_at, end):
            continue  # notation or a list of letters: "(f g a a b)"
        if _alone_on_line(masked, first_at, second_at):
            continue  # one line of a list or of commands: "make\n   make install"
        if _indented_below(masked, first_at, second_at):
            continue  # a term and its definition, indented below it: '"store" actions\n   actions that…'
        if _label(masked, second_at, end):
            continue  # the second opens its line as a label: "Update docs\n    docs: enclose…"
        if _run_of_three(masked, first_at, end, word):
            continue  # "tap tap tap", "ham ham ham ham": a run repeated on purpose (a sound, a filler)
        if _table_row(masked, first_at):
            continue  # two cells of a simple table: "head head" between "==== ====" borders
        if doc.text.endswith(("&", "&amp;"), max(0, first_at - 5), first_at):
            continue  # a Lisp lambda list names a parameter after its keyword: "&body body", "&key key"
        if _LISTING.match(masked, masked.rfind("\n", 0, first_at) + 1):
            continue  # a file's owner and group in a listing: "crw-r--r-- 1 root root 10, 123 …"
        if _named_pair(masked, end, word):
            continue  # the words named, not used: "and and or lists" (Bash's AND and OR lists)
        if _DOTTED_TAIL.match(masked, end):
            continue  # the second begins a dotted name: "(as as.numeric() does)", "index index.html"
        if word == "to" and _STRANDED_TO.search(masked, max(0, first_at - _STRANDED_REACH), first_at):
            continue  # a passive's stranded "to", then another: "be resorted to to suppress them"
        never = word in NEVER_DOUBLED
        if not never and _ends_relative_clause(masked, first_at, word):
            continue  # a relative clause's verb, then its sentence's: "they that sleep sleep"
        if not never and len(word) < 3:
            continue
        # Early Modern English doubles some of them ("For for this cause pay ye tribute": because for)
        safe = never and not _archaic_near(masked, first_at)
        yield _delete_second(doc.text, first_at, second_at, end, safe)  # its spaces as written: no code


#: Conjunctions named as a pair ("and and or lists": the first "and" names the word).
_NAMED_PAIR = {"and": "or", "or": "and"}
_NEXT = re.compile(r"[ \t]*\n?[ \t]*([A-Za-z]+)")


def _named_pair(text: str, end: int, word: str) -> bool:
    """Whether a doubled "and" or "or" ending at ``end`` goes on with its partner ("and and or
    lists", "or or and"): the first names the word, a manual's small capitals lower-cased."""
    partner = _NAMED_PAIR.get(word)
    after = _NEXT.match(text, end) if partner else None
    return after is not None and after.group(1).lower() == partner


#: A period and a letter right after a word: the word begins a dotted name ("as.numeric", "index.html").
_DOTTED_TAIL = re.compile(r"\.[A-Za-z_]")
#: A passive of a verb whose "to" is a preposition, ending right before a doubled "to": its "to" is
#: stranded, and the second opens what follows ("measures were resorted to to suppress them", "the
#: matter was at first referred to to a committee"), which English writes so.  A verb that takes an
#: infinitive ("was expected to to go") is a slip, and stays.
_STRANDED_TO = re.compile(
    r"\b(?:be|been|being|is|are|was|were)\b(?:[ \t\r\n]+[A-Za-z]+){0,2}?[ \t\r\n]+"
    r"(?:resorted|referred|alluded|adverted|attended|objected|acceded|adhered|assented|consented|"
    r"listened|agreed|added|appealed|looked[ \t\r\n]+forward|seen|responded|replied|subscribed|"
    r"yielded|submitted|conformed|deferred|testified|pointed|spoken|talked|lied|written)[ \t\r\n]+$",
    re.IGNORECASE,
)
_STRANDED_REACH = 80
#: A line of ``ls -l``'s output: the file's type and permissions, its link count, then its owner and
#: group, often the same name.
_LISTING = re.compile(r"[ \t]*[-dlcbps][rwxsStT-]{9}[.+@]?[ \t]+\d+[ \t]")
#: How far either side of a doubled word an archaic function word makes the passage Early Modern
#: English.
ARCHAIC_REACH = 300
_WORDS = re.compile(r"[A-Za-z]+")


def _archaic_near(text: str, at: int) -> bool:
    """Whether a function word of Early Modern English (:data:`repair.spelling.variety.ARCHAIC_WORDS`:
    "ye", "hath", "unto") stands within ``ARCHAIC_REACH`` characters of ``at``."""
    archaic = variety.ARCHAIC_WORDS
    piece = text[max(0, at - ARCHAIC_REACH) : at + ARCHAIC_REACH]
    return any(m.group(0).lower() in archaic for m in _WORDS.finditer(piece))


_WORD_BEFORE = re.compile(r"(\w+)[ \t\r\n]+$")
_WORD_AFTER = re.compile(r"[ \t\r\n]+(\w+)")
#: Pronouns that open a relative clause right before its verb ("he that laboureth", "whoever wins").
_RELATIVE = frozenset(("that", "who", "which", "what", "whoever", "whatever", "whoso", "whosoever"))


def _ends_relative_clause(text: str, first_at: int, word: str) -> bool:
    """Whether the first of a doubled ``word`` (lower case, starting at ``first_at``) is a verb right
    after a relative pronoun: it ends the clause, and the second is the verb of the sentence ("they
    that sleep sleep in the night", "whoever wins wins the cup").  A noun there ("that cats cats")
    can be a verb too, and is let go with it."""
    before = _WORD_BEFORE.search(text, max(0, first_at - 12), first_at)
    if before is None or before.group(1).lower() not in _RELATIVE:
        return False
    if word.endswith(("eth", "est")) and len(word) >= 6:
        return True  # the old verb forms: "he that laboureth laboureth for himself"
    from repair.spin.slots import word_tags  # deferred: the lexicon loads only for such a double

    return any(tag.startswith("VB") for tag in word_tags(word))


def _run_of_three(text: str, first_at: int, end: int, word: str) -> bool:
    """Whether the doubled ``word`` at ``[first_at, end)`` is part of a run of three or more."""
    before = _WORD_BEFORE.search(text, max(0, first_at - len(word) - 4), first_at)
    after = _WORD_AFTER.match(text, end)
    return any(m is not None and m.group(1).lower() == word for m in (before, after))


#: A border of a simple table (reStructuredText's), whose columns only spaces divide: runs of "="
#: ("==== ====="), four at least.  (A grid or Markdown table divides its cells with bars: a word
#: doubled inside a cell is a slip there.)
_BORDER = re.compile(r"[ \t]*={2,}(?:[ \t]+={2,})*[ \t]*$")


def _table_row(text: str, at: int) -> bool:
    """Whether ``at`` lies in a simple table: its block (the lines between blank ones, within 2,000
    characters) holds a border line of "=" runs."""
    lo, hi = max(0, at - 2000), min(len(text), at + 2000)
    starts = [m.end() for m in BLOCK_SPLIT.finditer(text, lo, at)]
    block_start = starts[-1] if starts else lo
    after = BLOCK_SPLIT.search(text, at, hi)
    block = text[block_start : after.start() if after else hi]
    return any(line.count("=") >= 4 and _BORDER.match(line.rstrip("\r")) for line in block.split("\n"))


def _label(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` opens its line as a label: a colon and a space follow."""
    if text[end : end + 1] != ":" or text[end + 1 : end + 2] not in (" ", "\t"):
        return False
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return not text[line_start:start].strip()


_LINE_OPENING = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?")


def _indented_below(text: str, first_at: int, second_at: int) -> bool:
    """Whether the second word opens a line indented deeper than the text of the first word's line
    (past its list marker): the body of a definition list or of a nested item, not the same
    sentence wrapped ("- The next step is to\n  to run it" is a slip)."""
    gap = text[first_at:second_at]
    if "\n" not in gap:
        return False
    line_start = text.rfind("\n", 0, first_at) + 1
    opening = _LINE_OPENING.match(text, line_start, first_at)  # indentation and any list marker
    second_line = text.rfind("\n", 0, second_at) + 1
    if text[second_line:second_at].strip():
        return False
    return second_at - second_line > (opening.end() - line_start if opening else 0)


def _alone_on_line(text: str, first_at: int, second_at: int) -> bool:
    """Whether the first word stands alone on its line and the second opens the next one."""
    gap = text[first_at:second_at]
    if "\n" not in gap and "\r" not in gap:
        return False
    line_start = max(text.rfind("\n", 0, first_at), text.rfind("\r", 0, first_at)) + 1
    return not text[line_start:first_at].strip()


def _repeats(text: str) -> Iterator[tuple[int, int, int]]:
    """``(first word start, second word start, second word end)`` of each doubled word.

    A fast first pass compares neighbouring white-space tokens of the lower-cased
    text; only the words found doubled there are then searched for.
    """
    low = text.lower()
    if len(low) != len(text):  # a few letters change length when lower-cased
        for m in REPEAT.finditer(text):
            yield m.start(), m.start("second"), m.end()
        return
    tokens = low.split()
    # "the the", "the the," and "(the the": equal, or equal but for one edge character.
    doubled = {
        a
        for a, b in itertools.pairwise(tokens)
        if a == b or (len(b) - len(a) == 1 and b.startswith(a)) or (len(a) - len(b) == 1 and a.endswith(b))
    }
    words = {t.strip(_EDGE) for t in doubled}
    words = {w for w in words if w.isalpha() and w not in LEGIT and (len(w) >= 3 or w in NEVER_DOUBLED)}
    if not words:
        return
    # One pattern per word, led by the word itself, so that the scan jumps between
    # its occurrences (an alternation behind a look-behind tries every position).
    found = []
    for word in words:
        pattern = re.compile(rf"{re.escape(word)}( |[ \t]*(?:\r\n|\r|\n)[ \t]*){re.escape(word)}(?![\w'’-])")
        m = pattern.search(low)
        while m is not None:
            if m.start() and _WORD_CHAR.match(low, m.start() - 1):
                m = pattern.search(low, m.start() + 1)
                continue
            found.append((m.start(), m.end(1), m.end()))
            m = pattern.search(low, m.end())
    yield from sorted(found)


def _delete_second(text: str, first_at: int, second_at: int, end: int, safe: bool) -> Finding:
    """Delete the second word with the spaces after it (or, before punctuation, with the gap)."""
    first, second = text[first_at : first_at + end - second_at], text[second_at:end]
    stop = end
    while stop < len(text) and text[stop] in " \t":
        stop += 1
    start = second_at if stop > end else first_at + len(first)
    word = first.lower()
    return Finding(
        rule="SCR011",
        category=Category.SCRAPE,
        start=first_at,
        end=stop,
        message=f"repeated word {shown(first + ' ' + second)}",
        fix=(Edit(start, stop, ""),),
        applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
        confidence=0.9 if safe else 0.6,
        explanation=f"{word!r} appears twice in a row"
        + ("; English never doubles this word" if safe else ""),
    )


_NEIGHBOUR_BEFORE = lazy(r"(?<![\p{L}\p{N}])\p{L}[^\p{L}\p{N}]{1,3}$")
_NEIGHBOUR_AFTER = lazy(r"^[^\p{L}\p{N}]{1,3}\p{L}(?![\p{L}\p{N}])")


def _single_letter_neighbour(text: str, start: int, end: int) -> bool:
    """Whether a one-letter word stands just before ``start`` or just after ``end``."""
    return bool(
        _NEIGHBOUR_BEFORE.search(text[max(0, start - 5) : start])
        or _NEIGHBOUR_AFTER.match(text[end : end + 5])
    )


def _words(key: str) -> int:
    return sum(1 for w in key.split() if any(c.isalpha() for c in w))


def _key(text: str) -> str:
    return " ".join(text.split())


@rule(
    "SCR012",
    "scrape.repeated-line",
    Category.SCRAPE,
    examples=[
        Example(
            "Police said the crowd had gathered near the square by noon on Thursday.\n\n"
            "Police said the crowd had gathered near the square by noon on Thursday.\n\n"
            "Then it rained.",
            "Police said the crowd had gathered near the square by noon on Thursday.\n\nThen it rained.",
        ),
        Example(
            "The vote was set for Monday.\nThe vote was set for Monday.\nIt passed.",
            "The vote was set for Monday.\nIt passed.",
            unsafe=True,
        ),
        Example(
            "Officials said the road would stay closed for several more days after the storm.\n\n"
            "Other news.\n\n"
            "Officials said the road would stay closed for several more days after the storm.\n"
        ),
    ],
    clean=[
        "Row, row, row your boat.\nRow, row, row your boat.\n",
        "* * *\n\nText.\n\n* * *\n\nMore text.",
        "The vote was set for Monday.\n\nThe vote was set for Tuesday.",
    ],
)
def repeated_line(doc: Document) -> Iterator[Finding]:
    """A line or paragraph repeated word for word.

    ## What it does
    Flags a paragraph (or a line inside one) of at least six words that repeats
    the one before it, and a paragraph of at least twelve words that repeats an
    earlier one further up.

    ## Why is this bad?
    Scrapers pick up the same block twice (a caption and its alt text, a pull
    quote, a teaser and the article's first paragraph).

    ## Example
    ```text
    The vote was set for Monday.
    The vote was set for Monday.
    ```

    ## Use instead
    ```text
    The vote was set for Monday.
    ```

    ## Fix safety
    The fix deletes the second copy of a directly repeated paragraph or line.
    It is safe when the copy is a paragraph of at least twelve words that is
    not verse (no prose repeats a long passage back to back on purpose), and
    unsafe for shorter ones, single lines and verse (refrains, litanies).  A
    repeat further away is only shown: it may be a quotation recalled on
    purpose; in technical writing it is not reported at all, since release
    notes and references repeat their set paragraphs ("These changes do not
    affect any public interfaces") by design.  A change log is not checked: its
    entries repeat their messages by design (a change applied to two branches, a
    series of commits with one subject).
    """
    if markup.change_log(doc.path):
        return
    masked = doc.masked
    seen: dict[str, int] = {}
    previous: str | None = None
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in BLOCK_SPLIT.finditer(masked):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(masked)))
    text = doc.text
    previous_at = (0, 0)
    for start, end in blocks:
        body = masked[start:end]
        key = body.strip()  # exact copies only: cheap on large books
        if not key:
            continue
        if key == previous and _apart(text, previous_at, (start, end)):
            previous = None
        words = _words(key) if key == previous or key in seen else 0
        shown_key = _key(key) if words else key
        if words >= MIN_WORDS and key == previous:
            lead = len(body) - len(body.lstrip())
            span = line_span(masked, start + lead, end, doc.is_protected)
            verse = body.count("\n") >= 1 and len(body) / (body.count("\n") + 1) < VERSE_LINE
            yield _repeat(span, shown_key, words, adjacent=True, safe=words >= SAFE_WORDS and not verse)
        elif words >= SAFE_WORDS and key in seen and not doc.technical:
            # technical writing repeats its set paragraphs on purpose (release notes, option lists)
            lead = len(body) - len(body.lstrip())
            yield _repeat((start + lead, end), shown_key, words, adjacent=False)
        elif _has_adjacent_duplicate(body):
            yield from _repeated_lines(masked, start, end, text)
        seen.setdefault(key, start)
        previous, previous_at = key, (start, end)


def _apart(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two blocks the same once masked are no repeat in ``text``: they differ where code or
    links were masked (two table rows, two calls), or code or a link stands between them."""
    differ = text[slice(*first)].strip() != text[slice(*second)].strip()
    return differ or bool(text[first[1] : second[0]].strip())


def _has_adjacent_duplicate(body: str) -> bool:
    """Cheap test: do two neighbouring lines of ``body`` read the same?"""
    if "\n" not in body and "\r" not in body:
        return False
    lines = body.splitlines()
    if len(set(lines)) == len(lines):
        return False
    return any(a.strip() and a == b for a, b in itertools.pairwise(lines))


def _repeated_lines(masked: str, start: int, end: int, text: str) -> Iterator[Finding]:
    """Directly repeated lines inside one block (``text``: the unmasked text, which must repeat too:
    two rows of a table that differ only in the code they name are no repeat)."""
    prev_key = None
    prev_line = ""
    for m in LINE.finditer(masked, start, end):
        key = _key(m.group())
        if not key:
            continue
        line = text[m.start() : m.end()].strip()
        if key == prev_key and _words(key) >= MIN_WORDS and line == prev_line:
            body_end = m.start() + len(m.group().rstrip("\r\n"))
            lead = len(m.group()) - len(m.group().lstrip())
            span = line_span(masked, m.start() + lead, body_end)
            yield _repeat(span, key, _words(key), adjacent=True, safe=False)
        prev_key, prev_line = key, line
        if m.end() >= end:
            break


def _repeat(span: tuple[int, int], key: str, words: int, adjacent: bool, safe: bool = False) -> Finding:
    if not adjacent:
        return finding(
            "SCR012",
            span[0],
            span[1],
            f"paragraph {shown(key)} repeats an earlier one",
            confidence=0.5,
            explanation=f"the same {words} words appear earlier in the document",
        )
    return finding(
        "SCR012",
        span[0],
        span[1],
        f"{shown(key)} repeats the line or paragraph before it",
        replacement="",
        applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
        confidence=0.9 if safe else 0.6,
        explanation=f"the same {words} words appear directly before",
    )
