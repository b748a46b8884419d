"""OCR family, structure: hyphen breaks, split and merged words, stray punctuation.

Words broken by line-end hyphens (OCR002), words split by a stray space
(OCR003), words run together (OCR004), stray punctuation inside or between
words (OCR005).  Each fires only on strong evidence: the repaired word is a
known, frequent word and the damaged form is not.  Also the shared measures the
other OCR rules use (:func:`ocr_noise`, :func:`in_hyphen_break`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

import regex

from repair.document import Document
from repair.model import Applicability, Category, Edit, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.spelling import context
from repair.spelling import lexicon as lexicon_mod
from repair.spelling.correct import rank, split_score
from repair.spelling.protect import (
    KNOWN_ZIPF,
    DocWords,
    after_initial,
    doc_words,
    foreign_context,
    left_context,
    right_context,
)
from repair.tokenize import LINE_HEAD, QUOTE_MARKS, Token

#: A part of a broken word at least this frequent counts as a word in its own right.
COMMON_ZIPF = 3.5
#: A long text counts as OCR-damaged at one mark of damage per this many words.
NOISE_WORDS_PER_MARK = 150
#: A syllable break may rejoin into a rarer word, attested at least this often.
RARE_JOINED_ZIPF = 1.5
#: A rejoined word must beat the two halves read apart by this much (log10 units).
JOIN_MARGIN = 2.0
#: A merged reading must beat the best one-word correction by this much (log10 units).
MERGED_MARGIN = 1.0
#: A repaired word must be at least this frequent.
JOINED_ZIPF = 3.0
#: A listed word glued by a mark to a function word needs only this Zipf frequency ("gongs.and").
FUNCTION_PARTNER_ZIPF = 1.5
#: How common a word split into a fragment and a part must be to be rejoined (OCR-damaged text only).
FRAGMENT_JOINED_ZIPF = 4.0
FRAGMENT_LETTERS = 4  # the longest such fragment

# "infor-\nmation", "infor- mation": a word part, a hyphen, white space (at most one line end),
# a lower-case part; on one line up to two specks may stand between ("com- . position", "peo- - : ple")
# and one may cling to the second part ("as- ‘sociation").
HYPHEN_BREAK = lazy(
    r"(?<![\p{L}\p{N}])(\p{L}+)-([ \t]*(?:\r\n|\n|\r)[ \t]*"
    r"|[ \t]+(?:[-_~\x22“”‘’.:•][ \t]+){0,2}(?:[-_~\x22“”‘’][ \t]*)?)(\p{Ll}+)"
    r"(?![\p{L}\p{N}-]|['’](?![sS]\b))"
)
SUSPENDED = frozenset({"and", "or", "nor", "to", "as", "but", "than", "versus"})
# a period or colon glued between two words: "over.the", "a:short"
# a comma with a speck after it ("uncles,.and"); an article after a period ("of.a house")
GLUED = lazy(
    r"(?<![\p{L}\p{N}._/-])(\p{L}+)(,[.:;]|[.:;,])(\p{Ll}{2,}|a(?=[ \t]+\p{L}))(?![\p{L}\p{N}.@/_-])"
)
# a quotation mark between two lower-case words, where a space belongs: "is‘a", "was’so"
QUOTE_GLUED = lazy(r"(?<![\p{L}\p{N}'’‘-])(\p{Ll}{2,})([‘’])(\p{Ll}+)(?![\p{L}\p{N}'’‘-])")
# a period after a word and before a lower-case word: "went to. the house"
# (two spaces after the period end a sentence on purpose, typewriter style: "statements.  bc is")
STRAY_PERIOD = lazy(r"(?<![\p{L}.])(\p{Ll}\p{L}+)\.(?=[ \t](\p{Ll}{2,})\b)")
# the same after a capitalised word of four letters or more: "by Pougin. who asks"
NAME_PERIOD = lazy(r"(?<![\p{L}.])(\p{Lu}\p{Ll}{3,})\.(?=[ \t](\p{Ll}{2,})\b)")
PER_BEFORE = lazy(r"(?<![\p{L}])[Pp]er[ \t]+$")  # "per " right before a span's end
# a lone mark between two words on one line: "the _ house", "and : then", "| had"
# a comma or colon after a word that cannot end a phrase: "the, house", "by: the", "might: be"
AFTER_FUNCTION_WORD = lazy(
    r"(?<![\p{L}'’])(the|an|into|its|their|my|your|our|(?:by|a|of|from|with|to|at|and|or|might|may|can"
    r"|could|would|should|will|must|been|had|not|very|whose)(?=:))([,:])(?=[ \t]+\p{Ll})"
)
# the same colon before a capitalised word, a name the phrase goes on to ("at: Wittenberg", "the: Duke")
BEFORE_NAME = lazy(
    r"(?<![\p{L}'’])(the|its|their|my|your|our|of|from|with|at|in|into)(:)(?=[ \t]+\p{Lu}\p{Ll})"
)
# a colon between a lower-case word and a word that carries its phrase on ("take: advantage" aside):
# "I am very anxious: also", "drawn: from the well"; what a colon introduces opens a clause or a list
COLON_BEFORE_CONTINUATION = lazy(
    r"(?<![\p{L}'’])(\p{Ll}+)(:)(?=[ \t]+(?:in|to|from|over|with|for|of|at|by|on|into|upon|than|also|only"
    r"|is|are|must)\b(?![ \t]*[:;,.!?]))"
)
# a title's period read as a colon before a name ("St: Patrick", "Dr: Burney"; a colon before a
# number is a typed label's, "Op: 111" among them)
TITLE_COLON = lazy(
    r"(?<![\p{L}.])(?:St|Mr|Mrs|Dr|Rev|Capt|Col|Gen|Prof|Mt|Ft|Messrs)(:)(?=[ \t]+\p{Lu}\p{Ll})"
)
# a colon between a lower-case word and a conjunction that joins two clauses ("to write to him: but
# he", "in C major: and the"): in print that is a semicolon whose tail the scan lost (over the bench
# books and 300 addresses a colon stands before "and" or "but" 8 times, a semicolon 2,135 times and
# a comma 25,951; on pages made here the colon was a semicolon 23 times, a comma 5 and a colon once)
COLON_BEFORE_CONJUNCTION = lazy(
    r"(?<![\p{L}'’])(\p{Ll}{2,})(:)"
    r"(?=[ \t]+(?:and|but|so|yet|nor|although|though|whereas|while)\b(?![’'])(?!(?<=so)-))"
)
#: Words after which a colon may introduce what follows, whatever it is ("as follows: in the first").
COLON_INTRODUCERS = frozenset(("follows", "thus", "namely", "viz", "is", "are", "was", "were", "be", "this"))
# a colon between two lower-case words ("the difference: between them", "spent much: time on it")
COLON_INSIDE = lazy(r"(?<![\p{L}\p{N}'’.])(\p{Ll}{2,})(:)(?=[ \t]+(\p{Ll}{2,})\b(?![’'-]))")
#: Words that open what a colon introduces, a clause or a list ("two kinds: the first", "it is this:
#: both"), so a colon before them stays whatever the words around it.
CLAUSE_OPENERS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "we", "they", "you", "i",
    "his", "her", "its", "their", "our", "my", "your", "there", "here", "and", "but", "or", "nor", "for",
    "so", "yet", "if", "when", "where", "while", "whether", "how", "what", "which", "who", "why",
    "because", "as", "first", "one", "two", "three", "some", "all", "each", "both", "no", "not",
    "either", "neither", "many", "most", "few", "such", "namely", "then", "thus", "hence", "now",
))  # fmt: skip
#: log10 of how much likelier the word after a colon is after the word before it than alone for the
#: two to read as one phrase that the colon cuts ("difference between" 3.0, "much time" 1.3; before
#: what a colon introduces: "kinds the" -1.5, "important it" -0.5, "mood agitation" -0.6)
PHRASE_PMI = 0.5
#: The association (as PHRASE_PMI) that makes a period before a lower-case word a speck in text
#: that shows no other damage: "quickly. rising" (0.7), not "photos. submissions" (-0.6).
CLEAN_PERIOD_PMI = 0.3
#: Personal pronouns that open a sentence after a period however well the pair reads as a phrase
#: ("feel unsafe we" is likely English; "unsafe. we recommend" is a new sentence). Not "it", unlike
#: the spin family's subject pronouns: a speck before "it" inside a sentence is common in OCR output.
OPENING_PRONOUNS = frozenset(("i", "we", "you", "they", "he", "she"))
# a period after a word, before a word (or a quotation opening on one): "played the. minuet",
# "the programme of. “Queen Mab”"
PERIOD_BEFORE_WORD = lazy(r"(?<![\p{L}\p{N}'’.])(\p{L}+)\.(?=[ \t]+[“‘\x22']?(\p{L}+))")
#: Words no sentence ends on: determiners, whose noun is still to come.
NEVER_FINAL = frozenset(("the", "an", "every", "their", "its", "our", "your"))
#: Prepositions and conjunctions, which end a sentence only now and then ("what it is made of.");
#: the word after such a period must then open a sentence.
RARELY_FINAL = frozenset((
    "of", "into", "from", "by", "with", "as", "or", "and", "than", "nor", "at", "for", "in", "on", "to",
    "upon",
))  # fmt: skip
#: Of those, the ones that also end phrasal verbs ("he seized upon.", "they came in."): before a
#: capitalised word the period may end a sentence, and only a lower-case word shows it stray.
FINAL_PARTICLES = frozenset(("by", "for", "in", "on", "to", "upon"))
#: A capitalised word whose lower-case form is at least this frequent may open a sentence ("It",
#: "There", "After"); a rarer one after a preposition is a name the period cut off ("of. Haydn").
OPENER_ZIPF = 5.0
# "the gold, We went", "the breadth: The rest": a period misread as a comma or a colon before a word
# that opens sentences; a colon only before the surest openers ("as follows: In the first place"), and
# not before "We", which opens what a colon introduces as often
SURE_OPENERS = (
    "The", "He", "She", "It", "But", "This", "They", "We", "There", "His", "Her", "When", "After", "Then",
    "Thus",
)  # fmt: skip
MORE_OPENERS = (
    "In", "With", "To", "On", "From", "At", "As", "So", "My", "Now", "If", "Its", "Our", "Their", "These",
    "Those", "While", "Although", "Though", "Such", "Some", "Many", "Every", "Even", "Here", "Still", "Only",
    "Both", "Besides", "Before", "Like", "Without", "Whether", "Along", "Nor",
)  # fmt: skip
COLON_OPENERS = frozenset(SURE_OPENERS) - {"We"}
MARK_BEFORE_SENTENCE = lazy(r"(?<=\p{Ll}{2})([,:])[ \t]+(" + "|".join(SURE_OPENERS + MORE_OPENERS) + r")\b")
COMMA_BEFORE = frozenset(
    ("and", "but", "who", "whom", "which", "whose", "though", "although", "that", "yet", "or", "nor",
     "as", "when", "where", "whereas", "because", "since", "he", "she", "they")
)  # fmt: skip
#: Of those, the ones that join a clause to the one before and open no sentence of a writer who
#: types sentence starts in lower case ("fell. and the river rose"; not "user. when I type").
JOINERS = frozenset(("and", "but", "or", "nor", "which", "who", "whom", "whose"))
# a lone mark after a word, before a line end or a non-letter: "the end :", "said ; “Go"
# (a copyright sign before a year is a notice, "Copyright © 2019", not a speck)
LONE_ANY = lazy(
    r"(?<=[^\s][ \t]+)((?:[:;»«~_°¢§¶•■]|©(?![ \t]*\d))+)(?=[ \t]*(?:\r\n|\n|\r|\Z)|[ \t]+[^\s\p{L}])"
)
LONE = lazy(r"(?<=\p{L}[,;]?[ \t]+)((?:[.:»«~_|\\*•■°©®¢§¶][ \t]+)+)(?=\p{L})")
# "| was", "1 had", "T am": a lone bar, digit or capital read for the pronoun I before a verb
PRONOUN_I = lazy(
    r"(?<=^|[\s“\"‘'(])([|1lT\[\]7!])(?=[ \t]+(?:am|was|have|had|will|would|could|should|shall|know|knew|"
    r"think|thought|did|do|saw|said|went|felt|must|may|might|can|cannot|hope|fear|wish|believe|feel|"
    r"see|say|told|came|come|found|find|loved|love|want|wanted|like|remember|heard|hear|met|made|took|"
    r"gave|mean|meant|used|just|tell|never|also|beg|trust|expect|intend|regret|suppose|assure|send|enclose|"
    r"received|remain|thank|owe|understand|confess|dreamt|dreamed|need|learned|learnt|rejoice|desire|"
    r"wrote|write|request|entreat|consider|fancy|actually|really|certainly|cordially|sincerely|only|still|"
    r"always|often|hardly|scarcely|'m|’m|'ll|’ll|'d|’d|'ve|’ve)\b)",
    regex.M,
)
# a bar set off by single spaces between a word (or a clause's punctuation) and a plain lower-case
# word: not a shell pipe ("cmd1 | cmd2", "- | tar"), a quoting prefix at a line's start, or a column
BAR_BEFORE_WORD = lazy(r"(?<=[\p{L},.;:!?”\"’'] )(\|)(?= \p{Ll}{2,}(?![\p{L}\p{N}_(=/-]))")
_NEXT_WORD = lazy(r"[ \t]*(\S*?)(?=[^\w'’]|$)")  # the word after a position, without the marks after it
#: Verbs after which only a bar or bracket (not a digit or letter) is taken for the pronoun I.
BAR_ONLY_VERBS = frozenset((
    "mean", "meant", "used", "just", "tell", "never", "also", "send", "remain", "need", "write", "consider",
    "fancy", "actually", "really", "certainly", "cordially", "sincerely", "only", "still", "always",
    "often", "hardly", "scarcely",
))  # fmt: skip
STRAIGHT_APOSTROPHE = lazy(r"(?<=\p{L})'(?=\p{L})")
CURLY_APOSTROPHE = lazy(r"(?<=\p{L})’(?=\p{L})")
WORD_PAIR = lazy(r"(?<![\p{L}\p{N}'’-])(\p{Ll}+)[ \t]+(\p{Ll}+)(?![\p{L}\p{N}'’-])")
# fmt: off
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "st", "vs", "etc", "eg", "ie", "al", "fig", "figs", "no", "nos", "vol",
    "vols", "ch", "pp", "ed", "eds", "cf", "approx", "ca", "inc", "ltd", "co", "jr", "sr", "gen", "col",
    "lt", "capt", "rev", "gov", "sen", "rep", "mt", "ft", "oz", "lb", "lbs", "viz", "ibid", "op", "cit",
    "esp", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "pt", "pts", "sq", "min", "max", "cp",
    "resp", "incl", "chap", "sect", "art", "ser", "bk", "ms", "mss",
    # a dictionary's and a glossary's short forms ("[prob. fr. techspeak", "perh. originally")
    "prob", "perh", "poss", "orig", "fr", "abbr", "abbrev", "usu", "occas", "obs", "syn", "adj", "adv",
    "pl", "colloq", "prep", "conj", "interj", "pron", "equiv", "pref", "suff", "pr", "lit",
    # units and short forms of commerce and mail ("500 mg. of", "$5,000/mo. or more")
    "mg", "kg", "km", "cm", "mm", "ml", "hr", "hrs", "yr", "yrs", "mo", "mos", "wk", "wks", "secs", "mins",
    "sec", "msec", "usec", "nsec",
    "avg", "tel", "ext", "qty", "govt", "misc", "ave", "blvd", "apt", "tbsp", "tsp", "doz", "pkg",
))
#: Short forms of units that are words too ("in", inches), abbreviations only after a number.
NUMBER_UNITS = frozenset(("in", "ins", "yd", "yds", "gal", "gals", "qt", "qts", "doz", "cu", "bu"))
_NUMBER_BEFORE = re.compile(r"\d[ \t\r\n]*$")
#: Abbreviations written capitalised, of titles, firms and states ("the Corp. for", "Calif. and"):
#: some are words in lower case ("mass", "wash"), so only a capitalised one is read so.
CAPITAL_ABBREVIATIONS = frozenset((
    "Corp", "Bros", "Assn", "Assoc", "Inst", "Acad", "Prof", "Hon", "Messrs", "Esq", "Supt", "Secy",
    "Treas", "Adm", "Maj", "Sgt", "Cpl", "Calif", "Mass", "Conn", "Penn", "Mich", "Minn", "Wash",
    "Ariz", "Colo", "Tenn", "Okla", "Nebr", "Wisc",
))
# fmt: on
# fmt: off
ROMAN = lazy(r"^[ivxlcdm]+$")
#: The first parts of Usenet groups' names ("alt.atheism", "comp.lang.c", "rec.arts.sf"), no words
#: a misread mark could glue.
USENET_HIERARCHIES = frozenset(("alt", "comp", "sci", "soc", "rec"))
FILE_SUFFIXES = frozenset((
    "com", "org", "net", "edu", "gov", "html", "htm", "txt", "py", "js", "md", "pdf", "png", "jpg",
    "csv", "json", "xml", "zip", "gz", "tar", "doc", "docx", "epub",
    # more domains and file types ("pre-commit.ci", "config.yaml"); words such as "to" and "in" stay out
    "io", "ai", "ci", "dev", "app", "co", "uk", "de", "info", "ly", "gg", "rs", "sh", "tv", "cc",
    "ru", "jp", "eu", "xyz", "yml", "yaml", "toml", "cfg", "ini", "sql", "svg", "tsv", "ts", "rb",
    "cpp", "rst", "jsonl", "java", "css", "lock", "log",
))
# fmt: on


#: Where a match of each word-led pattern can be: its mark right after a letter.  The standard
#: library's scanner finds these marks fast; the pattern is then tried only at the start of the
#: run of letters before each one (a pattern-led scan tries every position of the text).
# a hyphen between two words where a space belongs: "castle-of", "He-gave" (OCR-damaged text only);
# not in a host name ("the-journals.com")
HYPHEN_GLUED = lazy(r"(?<![\p{L}\p{N}'’-])(\p{L}+)-(\p{L}+)(?![\p{L}\p{N}'’-]|\.\p{L}{2})")
#: Words that hardly ever stand inside a hyphenated compound of two words.
# fmt: off
GLUE_WORDS = frozenset((
    "a", "an", "the", "of", "in", "at", "by", "and", "or", "but", "for", "with", "from", "into",
    "upon", "against", "than", "is", "was", "were", "be", "been", "had", "have", "has", "i", "he",
    "she", "it", "we", "they", "him", "her", "his", "its", "their", "them", "me", "my", "us", "our",
    "you", "your", "himself", "herself", "itself", "themselves", "that", "this", "which", "who",
    "what", "when", "where", "such", "not", "all", "if", "so", "then", "as",
))
#: Second parts that make real compounds with a verb or noun ("look-out", "passer-by").
PARTICLES = frozenset((
    "out", "in", "up", "off", "by", "on", "down", "over", "away", "back", "about", "to", "between",
    "together", "all", "so",
))
#: Words of GLUE_WORDS that open compounds with any noun or adjective ("all-purpose", "all-time",
#: "the then-president").
COMPOUND_FIRSTS = frozenset(("all", "then"))
#: log10 of how much likelier the trigram model finds a word right after "he" or "she" than alone
#: below which "he-" or "she-" makes a compound with it ("he-goat" -1.4, "she-wolf" 0.1) rather than
#: a pronoun glued to its verb ("he-gave" 1.2, "she-had" 1.2; "he-thought" 0.8 is the least)
SEXED_NOUN_PMI = 0.5
#: Words that stand first (or second) in no hyphenated compound of plain English text ("and" is
#: left out: a single hyphen often stands for a dash, "he can-and will").
NEVER_GLUED_FIRST = frozenset(("the", "of", "was", "were", "had", "been", "which", "their", "them"))
NEVER_GLUED_SECOND = frozenset((
    "a", "an", "the", "of", "was", "were", "is", "had", "have", "been", "be", "when", "which", "i",
    "himself", "herself", "themselves", "their", "them",
))
#: log10 of how much likelier the second part of "a- b" is after the first than alone for the two to
#: read as a compound outside OCR damage ("grey haired" 3.6, "long term" 2.8; a dash typed as a
#: hyphen, "cost- more" and "fall- every" below 1)
COMPOUND_PMI = 1.3
#: Words of NEVER_GLUED_SECOND that also open the aside after a dash, which plain text may type as a
#: hyphen ("the plan-a bold one"): outside OCR damage a fix there is only unsafe.
DASH_OPENERS = frozenset(("a", "an", "the", "when", "which", "i", "their"))
#: Finite verbs after a closing dash: an aside between a subject and its verb ("the plan-a bold
#: one-is sound").
DASH_CLOSERS = frozenset(("is", "was", "are", "were", "has", "have", "had"))
#: Words a misread period or colon glues to their neighbour: the words above and a few that join
#: hyphenated compounds ("lean-to", "add-on") and so stay out of them.
PERIOD_GLUE_WORDS = GLUE_WORDS | frozenset(("on", "to", "are", "not"))
#: Words no elision ends in: after an apostrophe they start a new word ("and’a", "make’a", "and’to").
NEVER_ELIDED = frozenset(("a", "the", "and", "to", "of"))
#: Hyphenated compounds of the words above.
GLUE_COMPOUNDS = frozenset((
    "so-called", "would-be", "has-been", "has-beens", "by-the", "as-is", "unheard-of", "sort-of", "kind-of",
    "in-house", "in-depth", "in-law", "in-laws", "in-person", "in-store", "in-flight", "in-line", "in-built",
    "in-game", "in-home", "in-car", "in-kind", "in-service", "in-patient", "in-between",
))
# fmt: on

_TRIGGERS = {
    # the mark first, the letter before it as a lookbehind: the scanner then jumps from mark to mark
    "HYPHEN_BREAK": re.compile(r"-(?<=[^\W\d_]-)\s"),
    # (then two lower-case letters: any letters but the ASCII capitals will do for the scan)
    "GLUED": re.compile(r"[.:;,](?<=[^\W\d_][.:;,])(?=[.:;]?[^\W\d_A-Z]{2}|a[ \t])"),
    "QUOTE_GLUED": re.compile(r"[‘’](?<=[^\W\d_][‘’])(?=[^\W\d_A-Z])"),
    "STRAY_PERIOD": re.compile(r"\.(?<=[^\W\d_]\.)[ \t]+(?=[^\W\d_A-Z]{2})"),
    "HYPHEN_GLUED": re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])"),
}
_TRIGGERS["NAME_PERIOD"] = _TRIGGERS["STRAY_PERIOD"]  # the same mark, after a capitalised word
_TRIGGERS["PERIOD_BEFORE_WORD"] = re.compile(r"\.(?<=[^\W\d_]\.)[ \t]+(?=[“‘\x22']?[^\W\d_])")


def scan(pattern: regex.Pattern[str], name: str, text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that starts with a run of letters ending at a mark
    found by ``_TRIGGERS[name]``: the same matches, found by trying the pattern only there."""
    trigger = _TRIGGERS[name]
    done = 0
    for t in trigger.finditer(text):
        k = t.start()
        if k < done:
            continue
        start = k
        while start > done and text[start - 1].isalpha():
            start -= 1
        m = pattern.match(text, start)
        if m is not None:
            done = m.end()
            yield m


#: Where a match of LONE or LONE_ANY can begin: at a mark of its class right after a space or tab
#: (their look-behinds need one).  The mark first, the space as a look-behind: the scanner then
#: jumps from mark to mark.
_MARK_TRIGGERS = {
    "LONE": re.compile(r"[.:»«~_|\\*•■°©®¢§¶](?<=[ \t].)"),
    "LONE_ANY": re.compile(r"[:;»«~_©°¢§¶•■](?<=[ \t].)"),
    "LEADING_SPECK": re.compile(r"[>•·:~_.-](?<=[ \t].)(?=[^\W\d_A-Z])"),
}


def scan_marks(pattern: regex.Pattern[str], name: str, text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for LONE, LONE_ANY or LEADING_SPECK (``name``): the same matches,
    found by trying the pattern only where ``_MARK_TRIGGERS[name]`` finds a mark it can begin with
    (a scan with look-behinds at every position of a book costs a tenth of a second)."""
    done = 0
    for t in _MARK_TRIGGERS[name].finditer(text):
        k = t.start()
        if k < done:
            continue
        m = pattern.match(text, k)
        if m is not None:
            done = m.end()
            yield m


_ENDS_LINE = lazy(r"[ \t]*(?:\r\n|\n|\r|\Z)")  # the rejoined word already ends its line
_GLUED_TAIL = re.compile(r"[^\s]*")  # what is glued to a rejoined word's second half: "tium." -> "."
_BREAK_BEFORE = lazy(r"\p{L}-[ \t]*(?:\r\n|\n|\r)?[ \t]*$")
_BREAK_AFTER = lazy(r"-[ \t]*(?:\r\n|\n|\r)?[ \t]*\p{Ll}")


def in_hyphen_break(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is half of a word broken by a line-end hyphen (OCR002 owns it)."""
    if _BREAK_AFTER.match(text, end) and (end + 1 < len(text) and text[end + 1].isspace()):
        return True
    return bool(_BREAK_BEFORE.search(text[max(0, start - 40) : start]))


_OPENERS = lazy(r"(?<=^|[\s(\[—])([‘“\"])(?=\p{L})", regex.M)
# a closing single quote, after a word, a number or the mark that ends it ("hills,’ they said",
# "labeled ‘DECsystem-10’ as", "the command ‘FOD <player>’")
_QUOTE_END = lazy(r"(?<=[\p{L}\p{N}.,;:!?>)\]])’(?=[\s.,;:!?)\]—”]|\Z)")
_PARTNER = {"“": "”", '"': '"'}
#: Words an opening quote may elide a first syllable of ("‘tis", "‘neath").
_ELIDED = lazy(r"(?:tis|twas|twere|twill|em|neath|gainst|cause|til|round|bout)\b", regex.I)
#: How far (characters) a quotation opened by "‘" may run before its closing mark.
QUOTE_REACH = 300


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each paragraph of ``text`` (paragraphs are parted by blank lines)."""
    pos = 0
    for m in regex.finditer(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def unpartnered_openers(para: str) -> Iterator[regex.Match[str]]:
    """Opening quote marks of one paragraph that no closing mark answers (group 1 is the mark).

    A single quote must close within a quotation's reach ("‘songs of the hills,’ they said"), and
    an elision opens none ("‘tis"); a double quote is unpartnered when it is the paragraph's first
    and no closing mark follows it.  Each is judged by where the paragraph's first and last marks
    stand, not by searching its rest again: a paragraph may be a whole book on one line.
    """
    ends = [m.start() for m in _QUOTE_END.finditer(para)]
    for m in _OPENERS.finditer(para):
        q = m.group(1)
        if q == "‘":
            k = bisect.bisect_left(ends, m.end())
            if (k < len(ends) and ends[k] < m.end() + QUOTE_REACH) or _ELIDED.match(para, m.end()):
                continue
        elif para.rfind(_PARTNER[q]) >= m.end() or para.find(q) < m.start():
            continue
        yield m


_NOISE: weakref.WeakKeyDictionary[Document, tuple[int, int, int]] = weakref.WeakKeyDictionary()


def ocr_noise(doc: Document, names: bool = True, periods: bool = True) -> int:
    """How many marks of OCR damage the document shows (broken words, stray and lone marks, curly
    opening quotes that never close), up to 3.

    ``names=False`` leaves out periods and colons between two content words ("sources.list"),
    which may be names: the evidence a rule about such a pair needs from elsewhere; ``periods=False``
    leaves out periods before a lower-case word, which a writer who does not capitalise types
    ("that stuff. seems like"): the evidence the stray-period rule needs from elsewhere.  Technical
    writing (:attr:`repair.document.Document.technical`) shows none: its code reads as damage.
    """
    if doc.technical:
        return 0  # code reads as damage ("x = a[i] ; y", "{net.Server}"); READMEs are not scans
    levels = _NOISE.get(doc)
    if levels is None:
        levels = _NOISE[doc] = _count_noise(doc.opaque, doc.text)
    return levels[2] if not periods else levels[0] if names else levels[1]


def _count_noise(text: str, original: str) -> tuple[int, int, int]:
    """Marks of OCR damage, as three levels 0, 1, 2 or 3 (3: about one mark per 50 words or more):
    with the periods and colons between two content words counted, without them (``names`` in
    :func:`ocr_noise`), and without periods before a lower-case word (``periods``).  One scan of the text
    serves all three.

    The marks are counted against the length of the text, so a long book with a few odd
    spots does not count as damaged.  ``original`` is the text before code spans and web
    addresses were made opaque (the same offsets): a colon typed before an address is no mark.
    """
    words = max(1, len(text) // 6)
    needed = max(1, words // NOISE_WORDS_PER_MARK)
    cap = 3 * needed
    n = plain = other = 0  # marks counted with names, without, and other than stray periods
    for name, pattern in (
        ("HYPHEN_BREAK", HYPHEN_BREAK),
        ("LONE", LONE),
        ("LONE_ANY", LONE_ANY),
        ("GLUED", GLUED),
        ("STRAY_PERIOD", STRAY_PERIOD),
    ):
        found: Iterable[regex.Match[str]] = (
            scan(pattern, name, text) if name in _TRIGGERS else scan_marks(pattern, name, text)
        )
        if pattern is GLUED:
            found = list(found)
            # content words glued by a period to several others are a namespace ("core.bare",
            # "core.worktree": configuration keys), not misread spaces
            heads = Counter(m.group(1).lower() for m in found if m.group(1).lower() not in PERIOD_GLUE_WORDS)
            namespaces = {h for h, k in heads.items() if k >= 2}
        for m in found:
            if pattern is GLUED and m.group(1).lower() in namespaces:
                continue
            if pattern is LONE and "|" in m.group(1) and _table_row(text, m.start()):
                continue
            if pattern is HYPHEN_BREAK and (_dash_pair(text, m.start(1)) or _suspended(text, m)):
                continue  # " -that- lucky": two dashes typed as hyphens around a word; "Pascal- and C-like"
            if pattern is STRAY_PERIOD and m.group(1).lower() in ABBREVIATIONS:
                continue  # "esp. high-noise", "prob. fr. mainstream": an abbreviation's period
            if (pattern is LONE or pattern is LONE_ANY) and (
                _aligned(text, m.start(1)) or _typed_mark(original, m.start(1), m.end(1))
            ):
                continue  # a column of a table or a definition list; "wrote :", a typed colon
            if pattern is not STRAY_PERIOD and _code_line(text, m.start()):
                continue  # "(x:xs) = if p x then x : rest": code set among the prose
            counts_plain = True
            if pattern is GLUED:
                if _name_or_abbreviation(m.group(1), m.group(3)):
                    continue
                counts_plain = m.group(1).lower() in PERIOD_GLUE_WORDS or m.group(3) in PERIOD_GLUE_WORDS
            # a hyphen before a line end is typesetting; before a space, damage
            if pattern is not HYPHEN_BREAK or not regex.search(r"[\r\n]", m.group(2)):
                n += 1
                plain += counts_plain
                other += pattern is not STRAY_PERIOD
            if n >= cap and plain >= cap and other >= cap:
                return 3, 3, 3
    # a curly opening quote that nothing closes, unless it opens its paragraph (a quotation running
    # on over paragraphs reopens each and closes only the last); a straight one is e-mail's
    for start, end in paragraph_spans(text) if "‘" in text or "“" in text else ():
        para = text[start:end]
        for m in unpartnered_openers(para):
            if m.group(1) != '"' and para[: m.start(1)].strip():
                n, plain, other = n + 1, plain + 1, other + 1
    return min(3, n // needed), min(3, plain // needed), min(3, other // needed)


#: A mark named as a thing, not read by a speck: what stands before it ("used \\ as", "type * to",
#: "the ~ key") and after it.
NAMED_MARK_BEFORE = re.compile(
    r"(?i)\b(?:use[sd]?|using|type[sd]?|typing|press(?:e[sd])?|the|an?|with)[ \t]+$"
)
NAMED_MARK_AFTER = re.compile(r"[ \t]*(?:as|for|to|key|character|sign|symbol|instead)\b")
#: What follows a colon that a writer set off by a space ("wrote :" before a blank line, "Phone :
#: +34", "packages : http://"): a paragraph's end, or a web address or a number on its line or the
#: next.  (Before a capital OCR specks occur too: ocr_dev loses fixes if those count as typed.)
TYPED_COLON_AFTER = re.compile(r"[ \t]*(?:\r?\n[ \t]*\r?\n|(?:\r?\n[ \t]*)?(?:https?://|www\.|[+\d]))")


#: A form's label before a colon set off by a space at its line's end ("Full Name :", "Zip Code :"):
#: at most five words, the first capitalised at the line's start.
FORM_LABEL = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w'’/&.-]*(?:[ \t]+[\w'’/&.-]+){0,4}[ \t]+$")
#: A line's first word (after any bullet), or up to three letters or pairs of letters (a letter in
#: its capital and small forms, "Æ æ"), as a definition list puts a term before its colon, and what
#: follows the colon: a word on the same line.
LIST_TERM = re.compile(LINE_HEAD + r"(?:[A-Za-z][\w.+-]*|[^\W\d_]{1,2}(?:[ \t]+[^\W\d_]{1,2}){0,2})[ \t]+")
LIST_TERM_AFTER = re.compile(r"[ \t]*[A-Za-z]")
#: Underscores a writer typed as a blank to fill in ("Name ________"); a speck reads as one or two.
FORM_BLANK = 4
LINE_END = re.compile(r"[ \t]*(?:\r?\n|\r|\Z)")


#: Marks a writer types between the items of a list on one line ("Visa ~ MasterCard ~ Amex",
#: "Home • News • Contact"); a speck seldom leaves the same one twice on a line, set off by spaces.
SEPARATOR_MARKS = frozenset(("~", "•", "·", "■", "*"))


#: Quotation marks of French and other languages, opening and closing, that OCR specks also make.
GUILLEMETS = ("«", "»")


def _typed_mark(text: str, start: int, end: int) -> bool:
    """Whether the lone mark ``text[start:end]`` was typed, not left by a speck: a mark named as a
    thing ("used \\ as a path separator"); a colon set off by a space, as French and much e-mail
    typing sets it, before what a colon introduces, after a definition list's term or after a
    form's label at a line's end; a blank of underscores; a separator set off twice on its line
    ("Visa ~ MasterCard ~ Amex"); guillemets that quote words on their line ("« à la claire
    fontaine »"); or a mark that frames its line as it opened it ("~ No Credit Checks ~").  An OCR
    speck sits between words, and mid-line."""
    mark = text[start:end].strip()
    if NAMED_MARK_BEFORE.search(text, max(0, start - 12), start) and NAMED_MARK_AFTER.match(text, end):
        return True  # a mark named as a thing: "DOS used \\ as a path separator", "type * to mark it"
    if mark == ":":
        if TYPED_COLON_AFTER.match(text, end) is not None:
            return True
        colon = text.find(":", start, end)
        if (
            text[colon - 1 : colon] in (" ", "\t")
            and LIST_TERM.fullmatch(text, text.rfind("\n", 0, start) + 1, colon)
            and LIST_TERM_AFTER.match(text, end)
        ):
            return True  # the term of a definition list, its colon set off to align: "  drhook : tracing"
    if len(mark) >= FORM_BLANK and set(mark) == {"_"}:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    if mark in GUILLEMETS:
        # guillemets quoting words: « the opening one » and its partner on the same line
        if mark == GUILLEMETS[0]:
            return GUILLEMETS[1] in text[end:line_end]
        return GUILLEMETS[0] in text[line_start:start]
    if mark in SEPARATOR_MARKS and text[line_start:line_end].count(f" {mark} ") >= 2:
        return True  # the same mark set off twice on its line separates a list ("Visa ~ Amex ~ …")
    if LINE_END.match(text, end) is None:
        return False
    if mark == ":":
        return FORM_LABEL.match(text, max(0, line_start - 1), start) is not None
    return text[line_start:start].lstrip().startswith(mark + " ")


def _aligned(text: str, mark: int) -> bool:
    """Whether the white space before ``text[mark]`` aligns columns (a tab, or two spaces or more:
    "cpp<tab><tab>: cpp-12"); OCR output separates words by single spaces."""
    i = mark
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    gap = text[i:mark]
    return "\t" in gap or len(gap) > 1


#: What marks a line as code or a formula set among prose: an assignment or a comparison set off by
#: spaces, an arrow, a C comment ("filter p (x:xs) = if p x then x : rest", "f : D -> E").
CODE_LINE = lazy(r"[ \t]=[ \t]|[=!<>]=|->|=>|/\*|\*/")
CODE_REACH = 40  # how far along its line from a mark such code is looked for
CODE_LINE_LENGTH = 80  # the longest line whose neighbours' code counts (a line of code is short)


def _code_line(text: str, pos: int) -> bool:
    """Whether code (:data:`CODE_LINE`) stands near ``pos`` on its line, or, on a short line, on the
    short line before or after it in its block ("select * from A, B" over "where A.x = B.y"): the
    marks there are the code's, no specks.  A paragraph that OCR put on one line is no code for a
    mark far along it ("in. - = Cowse" is garbage, and a speck a hundred letters on is a speck).
    Only the characters within a short line's reach of ``pos`` are looked at."""
    reach = CODE_LINE_LENGTH + 1
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, hi)
    end = hi if end < 0 else end
    if CODE_LINE.search(text, max(start, pos - CODE_REACH), min(end, pos + CODE_REACH)):
        return True
    if end - start > CODE_LINE_LENGTH or (start == lo and lo > 0) or (end == hi and hi < len(text)):
        return False  # a long line
    lines = []
    if start > 1 and text[start - 2] != "\n":  # the line before, unless blank
        lines.append((text.rfind("\n", max(0, start - 1 - reach), start - 1) + 1, start - 1))
    if end < len(text) and text[end + 1 : end + 2] not in ("\n", "\r", ""):  # the line after
        after = text.find("\n", end + 1, end + 1 + reach)
        lines.append((end + 1, end + 1 + reach if after < 0 else after))
    return any(b - a <= CODE_LINE_LENGTH and CODE_LINE.search(text, a, b) for a, b in lines)


def _name_or_abbreviation(a: str, b: str) -> bool:
    """Whether ``a`` + mark + ``b`` is a domain or file name ("pre-commit.ci"), a Usenet group's
    ("alt.atheism") or follows an abbreviation ("e.g."), not two words glued by a misread mark."""
    return b in FILE_SUFFIXES or a.lower() in ABBREVIATIONS or a in USENET_HIERARCHIES


def _table_row(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a table row (it starts with a bar: Markdown, rST grid)."""
    start = text.rfind("\n", 0, pos) + 1
    return text[start:pos].lstrip(" \t").startswith("|")


#: Prefixes that are no words of their own: a break after one is a break inside a word ("un- savoury").
BOUND_PREFIXES = frozenset(("un", "dis", "mis", "non", "pre", "anti", "re"))


def _joinable(joined: str, a: str, b: str, lex: lexicon_mod.Lexicon, damaged: bool = False) -> bool:
    """Whether two halves around a line-end hyphen make one word.

    When neither half is a common word on its own (a syllable break) or the first is a bound
    prefix, any listed word will do; otherwise the joined word must be frequent, and a frequent
    first half may not swallow a rare joined form.  In damaged text (OCR noise, or a break at a
    line end) two halves that are no words at all make a word even when no list has it
    ("precipi- tancy"): neither can stand alone.
    """
    low = joined.lower()
    if damaged and len(a) >= 3 and len(b) >= 3 and _no_word(a, lex) and _no_word(b, lex):
        return True
    if damaged and len(b) >= 3 and _no_word(b, lex) and lex.zipf(low) > 0:
        return True  # "com- modious": the second half stands for nothing, the whole is a word
    if a.lower() in BOUND_PREFIXES and lex.is_core(low):
        return True
    if not _known(a, lex, COMMON_ZIPF) and not _known(b, lex, COMMON_ZIPF):
        return lex.is_core(low) or lex.zipf(low) >= RARE_JOINED_ZIPF
    listed = (lex.is_core(low) and lex.zipf(low) >= 2.0) or _known(joined, lex)
    return listed and not (lex.zipf(a.lower()) >= KNOWN_ZIPF and lex.zipf(low) < 2.5)


#: How common a word broken before a conjunction's letters must be to be rejoined ("mi- nor", "hon- or",
#: "in- to", "where- as").
SUSPENDED_JOINED_ZIPF = 3.0
_NEXT_TOKEN = lazy(r"[ \t\r\n]*(\S*)")


#: The word that names a prefix before it ("pref. se- aside", "the prefix un- not").
_PREFIX_NAMED = lazy(r"(?i)\b(?:pref\.|prefix)\s+$")


def _suspended(text: str, m: regex.Match[str]) -> bool:
    """Whether the hyphen of a :data:`HYPHEN_BREAK` match on one line waits for the compound after a
    conjunction ("Pascal- and C-like", "low- or high-income", "milli- or microseconds"): no line end
    between, a word of :data:`SUSPENDED` after it, and a hyphenated word next, or no word that the
    two run together make ("mi- nor" is "minor" broken)."""
    if m.group(3) not in SUSPENDED or regex.search(r"[\r\n]", m.group(2)):
        return False
    after = _NEXT_TOKEN.match(text, m.end(3))
    if after is not None and "-" in after.group(1).strip("-"):
        return True
    return not lexicon_mod.lexicon().is_core((m.group(1) + m.group(3)).lower())


def _broken_before_conjunction(text: str, m: regex.Match[str], joined: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether "a- b" with ``b`` a word of :data:`SUSPENDED` is one word broken at a line's end ("mi-
    nor"), not a hyphen suspended until a compound after the conjunction ("low- and middle-income",
    "first- or second-hand"): the joined word is a common one and no hyphenated word follows."""
    low = joined.lower()
    if not (lex.is_core(low) and lex.zipf(low) >= SUSPENDED_JOINED_ZIPF):
        return False
    after = _NEXT_TOKEN.match(text, m.end(3))
    return after is not None and "-" not in after.group(1)


def _bound(a: str, b: str) -> bool:
    """Whether the trigram model finds ``b`` after ``a`` far likelier than alone, as the parts of a
    compound are ("grey haired"), not a phrase's end and the words after a dash ("damage notably")."""
    return _association(a, b) >= COMPOUND_PMI


def _association(a: str, b: str) -> float:
    """log10 of how much likelier the trigram model finds ``b`` right after ``a`` than alone (its
    pointwise mutual information); minus infinity when the model lacks either word."""
    la, lb = a.lower(), b.lower()
    if not (context.in_model(la) and context.in_model(lb)):
        return float("-inf")
    return context.logp(lb, (la,)) - context.logp(lb, ())


def _joined_reads_better(doc: Document, m: regex.Match[str], joined: str) -> bool:
    """Whether the trigram model prefers the rejoined word to the two halves by a wide margin."""
    dw = doc_words(doc)
    starts = [t.start for t in dw.tokens]
    i = bisect.bisect_left(starts, m.start(1))
    j = bisect.bisect_left(starts, m.start(3))
    if i >= len(starts) or j >= len(starts) or starts[i] != m.start(1) or starts[j] != m.start(3):
        return False
    left, right = left_context(dw, i), right_context(dw, j)
    one = context.phrase_score(left, (joined.lower(),), right)
    two = context.phrase_score(left, (m.group(1).lower(), m.group(3).lower()), right)
    return one - two >= JOIN_MARGIN


def _no_word(word: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``word`` is in no list and has no frequency at all."""
    z, flags = lex.info(word.lower())
    return not flags and z == 0


def _known(word: str, lex: lexicon_mod.Lexicon, zipf: float = JOINED_ZIPF) -> bool:
    low = word.lower()
    return lex.is_vocab(low) and lex.zipf(low) >= zipf


def _unknown(word: str, lex: lexicon_mod.Lexicon) -> bool:
    low = word.lower()
    z, flags = lex.info(low)
    return not flags and z < 2.0


OCR002_DOC = """Word broken by a line-end hyphen: "infor-\\nmation", or "infor- mation" once lines are joined.

## What it does
Rejoins the two halves of a word that typesetting hyphenated at a line end,
when the joined word is a frequent dictionary word, when the first half is a
prefix that is no word of its own ("un- savoury"), or, in text broken at line
ends or damaged by OCR, when neither half is a word at all ("precipi- tancy"), or
when the second is none and the whole is a listed word ("com- modious"). Specks
read between the halves go with the break ("as- ‘sociation", "An- -ton", "com- .
position", "peo- - : ple"; not a comma, which may follow a suspended hyphen).
When the joined form is not a word but both halves are (a real compound,
"multi- pronged"), the stray space is removed and the hyphen kept.  Suspended
hyphens ("pre- and post-war", "first- or second-hand": a hyphenated word follows
the conjunction), notation ("the M- prefix", a prefix named before its sense:
"pref. se- aside") and a hyphen before a function word that ends no compound
("the roof- we can rest", a dash typed as a hyphen) are left alone; a common
word broken before the letters of a conjunction is rejoined ("mi- nor", "in- to").

## Why is this bad?
A broken word is misread by people, search engines and spelling checkers.

## Example
```
The infor- mation was published.
```

## Use instead
```
The information was published.
```

## Fix safety
Safe when one half is not a common word on its own (so the break cannot be a
real two-word phrase); unsafe when both halves are common words ("bar- gain"),
unless the trigram model reads the joined word far better or the text is badly
damaged by OCR, where a hyphen before a space ends a line ("up- on"; not between
single letters, "GCS d- s+").
A compound kept with its hyphen is proposed, safely, only when the two words go
together ("grey- haired") or the text shows other OCR damage; otherwise "the
storm did damage- notably" is a dash typed as a hyphen and is left alone. So,
outside such damage, is a word between two hyphens typed as dashes ("very few
are -that- lucky"), which counts as no damage either.
"""


@rule(
    "OCR002",
    "ocr.line-end-hyphen",
    Category.OCR,
    doc=OCR002_DOC,
    examples=[
        Example("The infor- mation was published.", "The information was published."),
        Example("The infor-\nmation was published.", "The information\nwas published."),
        Example("a multi- pronged invasion", "a multi-pronged invasion"),
    ],
    clean=[
        "Both pre- and post-war budgets grew.",
        "It was well-known and self-made.",
        "The harvest was fair- its price was not.",
    ],
)
def hyphen_breaks(doc: Document) -> Iterator[Finding]:
    """Words broken by a line-end hyphen (OCR002)."""
    text = doc.masked
    if "-" not in text:
        return
    lex = None
    for m in scan(HYPHEN_BREAK, "HYPHEN_BREAK", text):
        a, sep, b = m.group(1), m.group(2), m.group(3)
        if lex is None:
            lex = lexicon_mod.lexicon()
        joined = a + b
        if b in SUSPENDED and not _broken_before_conjunction(text, m, joined, lex):
            continue  # "pre- and post-war": a hyphen suspended until the compound after the conjunction
        newline = "\n" in sep or "\r" in sep
        if not newline and _dash_pair(text, m.start(1)) and ocr_noise(doc) < 2:
            continue  # "very few are -that- lucky": two hyphens typed as dashes around a word
        if _PREFIX_NAMED.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue  # a prefix named before its sense, as an etymology gives it: "pref. se- aside +"
        if _joinable(joined, a, b, lex, damaged=newline or ocr_noise(doc) >= 1):
            # two common words may make a phrase: safe only when the trigram model reads the
            # joined word far better in its sentence
            both_common = _known(a, lex, COMMON_ZIPF) and _known(b, lex, COMMON_ZIPF)
            # in badly damaged text a hyphen between two words is a line's end, unless a part is a
            # single letter ("GCS d- s+:", a geek code's grades)
            damaged_break = ocr_noise(doc) >= 2 and len(a) > 1 and len(b) > 1
            if both_common and (damaged_break or _joined_reads_better(doc, m, joined)):
                both_common = False
            end = m.end(3)
            replacement = joined
            if newline:
                # the marks glued to the second half go with the word ("dis-\ntribute, sublicense"
                # becomes "distribute,\nsublicense", not "distribute\n, sublicense")
                glued = _GLUED_TAIL.match(text, end)
                if glued is not None and glued.end() > end:
                    replacement += glued.group()
                    end = glued.end()
            if newline and not _ENDS_LINE.match(text, end):
                # keep the line end, after the rejoined word; drop the indentation of the next line
                tail = regex.match(r"[ \t]*", text[end:])
                end += tail.end() if tail else 0
                replacement += sep.strip(" \t")
            edit = Edit(m.start(1), end, replacement)
            applicability = Applicability.UNSAFE if both_common else Applicability.SAFE
            yield Finding(
                rule="OCR002",
                category=Category.OCR,
                start=m.start(1),
                end=end,
                message=f"{m.group(0)!r} is one word broken at a line end: {joined!r}",
                fix=(edit,),
                alternatives=(f"{a}-{b}",) if both_common else (),
                applicability=applicability,
                confidence=0.7 if both_common else 0.95,
                explanation=(
                    (
                        f"{joined.lower()!r} is a dictionary word (Zipf {lex.zipf(joined.lower()):.1f})"
                        if lex.zipf(joined.lower()) > 0 or lex.is_core(joined.lower())
                        else f"neither {a!r} nor {b!r} is a word, in text broken at line ends"
                    )
                    + (
                        f"; {a!r} and {b!r} are also common words, so the break may be a phrase"
                        if both_common
                        else f"; {(a if not _known(a, lex, COMMON_ZIPF) else b)!r} is not a common word alone"
                    )
                    + "."
                ),
            )
        elif (
            not newline
            and len(a) > 1  # "the M- prefix" is notation
            and _known(a, lex, 2.5)
            and _known(b, lex, 2.5)
            and lex.zipf(joined.lower()) < 2.0
            and not _function_second(a, b)
        ):
            # outside OCR damage "the storm did damage- notably" is a dash typed as a hyphen, not
            # a broken compound, unless the two words go together ("grey- haired"): left alone
            if not (ocr_noise(doc) >= 2 or _bound(a, b)):  # (the break itself is one mark of damage)
                continue
            yield finding(
                "OCR002",
                m.start(1),
                m.end(3),
                f"{m.group(0)!r} is a hyphenated compound with a stray space: {a}-{b}",
                replacement=f"{a}-{b}",
                applicability=Applicability.SAFE,
                confidence=0.85,
                explanation=(
                    f"{joined.lower()!r} is not a word but {a!r} and {b!r} are; a space after a hyphen "
                    "inside a sentence is left by joining hyphenated lines."
                ),
            )


#: The pronoun "I" typed in lower case ("but i think"), and the first letter of a paragraph after
#: one that ended a sentence (a page of OCR output breaks paragraphs mid-sentence too).
LOWER_I = lazy(r"(?<![\p{L}\p{N}'’.])i(?=[ '’]\p{Ll})")
# (the pattern starts at the line end: a leading look-behind would be tried at every character)
PARAGRAPH_START = lazy(r"(?<=[.!?:)\"”’][ \t]*)\r?\n[ \t]*\r?\n[ \t>]*(\p{L})")
LOWER_CASE_MARKS = 2  # lower-case "i"s, or paragraphs opening in lower case, that make a habit


def _lower_case_writer(text: str) -> bool:
    """Whether the writer does not capitalise: "i" for "I", or paragraphs opening in lower case,
    LOWER_CASE_MARKS times or more (e-mail and chat); such a writer's sentences start in lower
    case too ("that stuff. seems like"), while OCR output keeps the capitals of its page."""
    if sum(1 for _ in LOWER_I.finditer(text)) >= LOWER_CASE_MARKS:
        return True
    return sum(1 for m in PARAGRAPH_START.finditer(text) if m.group(1).islower()) >= LOWER_CASE_MARKS


def _dash_pair(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens with a hyphen after a space or a line start (" -that- "):
    the first of two hyphens typed as dashes around it, not a word broken at a line end."""
    return text[start - 1 : start] == "-" and (start < 2 or text[start - 2] in " \t\r\n(")


OCR003_DOC = """Word split by a stray space: "gov ernment".

## What it does
Joins two adjacent lower-case fragments when at least one is unknown to every
dictionary and together they make a frequent dictionary word.  In text with
other OCR damage it also joins a short fragment that web word lists know but
no dictionary does ("environ ment", "w ent") into a common word.

## Why is this bad?
OCR engines insert spaces inside words where letters are widely spaced; the
fragments read as nonsense.

## Example
```
The gov ernment fell.
```

## Use instead
```
The government fell.
```

## Fix safety
Safe: a fragment that is in no dictionary joined with its neighbour into a
frequent word leaves no other reading.
"""


def _split_shape(a: Token, b: Token, text: str) -> bool:
    """Whether two tokens of ``text`` have the form of a word split by a space: letters only, one
    space or tab between, the second in lower case, the first in lower or title case, not after an
    apostrophe or a closing bracket nor beside a slash."""
    return (
        text[a.end : b.start] in (" ", "\t")
        # "%'s and ='s", "{variable}s in": a suffix, then a word
        and text[a.start - 1 : a.start] not in ("'", "’", "/", ")", "]", "}")
        and text[b.end : b.end + 1] != "/"  # "that s/he": a word, then a word written two ways
        and not (text[b.end : b.end + 1] == "." and text[b.end + 1 : b.end + 2].isalpha())  # "be e.g."
        and a.text.isalpha()
        and b.text.isalpha()
        and b.text.islower()
        and (a.text.islower() or a.text.istitle())
    )


def split_partner(dw: DocWords, i: int, lex: lexicon_mod.Lexicon) -> int | None:
    """Index of the token that token ``i`` should be joined with (OCR003), if any."""
    toks, text = dw.tokens, dw.doc.masked
    for j, k in ((i - 1, i), (i, i + 1)):
        if j < 0 or k >= len(toks):
            continue
        a, b = toks[j], toks[k]
        if not _split_shape(a, b, text):
            continue
        if a.text.islower() and a.text + b.text in lexicon_mod.capitalised():
            continue  # "x and y" is no "andy": a name would be written with its capital
        if _unknown(a.text, lex) or _unknown(b.text, lex):
            if _known(a.text + b.text, lex, COMMON_ZIPF):
                return k if j == i else j
        elif _fragment_pair(a.text, b.text, lex) and ocr_noise(dw.doc) >= 1:
            return k if j == i else j
    return None


def _fragment_pair(a: str, b: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``a b`` is a frequent word split in two where one half is a short fragment that web
    text knows but no dictionary lists ("environ ment", "w ent"); two dictionary words ("some
    one", "be set") are left alone."""
    la, lb = a.lower(), b.lower()
    if not any(len(x) <= FRAGMENT_LETTERS and not lex.is_core(x) for x in (la, lb)):
        return False
    return _known(la + lb, lex, FRAGMENT_JOINED_ZIPF)


#: Words that link letters named in a list ("F or G", "A to Z").
LETTER_LINKS = frozenset(("or", "and", "nor", "to"))


@rule(
    "OCR003",
    "ocr.split-word",
    Category.OCR,
    doc=OCR003_DOC,
    examples=[Example("The gov ernment fell.", "The government fell.")],
    clean=["The de facto ruler spoke.", "He ate a banana split."],
)
def split_words(doc: Document) -> Iterator[Finding]:
    """Words split by a stray space (OCR003)."""
    dw = doc_words(doc)
    if len(dw.tokens) < 2:
        return
    lex = dw.lex
    unknown = dw.unknown_texts
    toks = dw.tokens
    masked = doc.masked
    noisy = ocr_noise(doc) >= 1
    # in OCR-damaged text a fragment that no dictionary lists may be half of a word too
    fragment: dict[str, bool] = {}

    def suspect(text: str) -> bool:
        if text in unknown:
            return True
        if not noisy:
            return False
        f = fragment.get(text)
        if f is None:  # the fragments that split words leave are short: "ment", "w", "ent"
            f = fragment[text] = len(text) <= FRAGMENT_LETTERS and not lex.is_core(text.lower())
        return f

    if noisy:
        pairs: Iterable[int] = range(len(toks) - 1)
    else:
        # in clean text only a pair holding an unknown word is suspect: visit those pairs alone
        # (a loop over every pair of a book's tokens was the rule's main cost)
        at = [j for j, text in enumerate(map(itemgetter(0), toks)) if text in unknown]
        pairs = sorted({k for j in at for k in (j - 1, j) if 0 <= k < len(toks) - 1})
    for i in pairs:
        tok = toks[i]
        if not (suspect(tok.text) or suspect(toks[i + 1].text)):
            continue
        nxt = toks[i + 1]
        if not _split_shape(tok, nxt, masked):
            continue  # (the pair split_partner would have to join: checked first, cheaply)
        if split_partner(dw, i, lex) != i + 1:
            continue
        if foreign_context(dw, lex, i, neighbours=False):
            continue  # two words of another language: "ni ne volez" is no "nine"
        if len(tok.text) == 1 and tok.text.isupper() and nxt.text in LETTER_LINKS:
            continue  # letters named in a list: "F or G", "A and B" ("For", "Aand" they are not)
        if len(tok.text) == 1 and i and toks[i - 1].text.lower() in ("letter", "letters"):
            continue  # a letter named: "the letter T on it" ("Ton" it is not)
        joined = tok.text + nxt.text
        yield finding(
            "OCR003",
            tok.start,
            nxt.end,
            f"{tok.text} {nxt.text!s} looks like one word split by a space: {joined!r}",
            replacement=joined,
            applicability=Applicability.SAFE,
            confidence=0.9,
            explanation=(
                f"{joined.lower()!r} is a dictionary word (Zipf {lex.zipf(joined.lower()):.1f}); "
                + (
                    f"{(tok.text if _unknown(tok.text, lex) else nxt.text)!r} is in no dictionary."
                    if _unknown(tok.text, lex) or _unknown(nxt.text, lex)
                    else f"in this OCR-damaged text, {tok.text!r} and {nxt.text!r} are fragments of it."
                )
            ),
        )


OCR004_DOC = """Words run together: "ofthe", "tothe".

## What it does
Splits an unknown word that is two frequent words run together, one of them a
very common short word ("of", "the", "and", "to", "in"), when the two words fit
the context clearly better (trigram model) than any one-word correction.
Outside text with other OCR damage only two function words run together
("ofthe", "tothe") are split: rare words such as "bespeaking" look alike.
In badly damaged text the pronoun I misread and run on to its verb ("Thave",
"1am", "I’am") is split too, unless the token is a listed word or name ("Tam",
"lam", "Twas"; "Tam" and "lam" are split before a word only "I am" takes, "Tam
compelled", "lam sure") or a time ("at 1am").
Technical writing is left alone ("insteadof", "instanceof" come from code).

## Why is this bad?
OCR engines drop narrow spaces; the merged token is unreadable and unsearchable.

## Example
```
The end ofthe war.
```

## Use instead
```
The end of the war.
```

## Fix safety
Safe: the merged form is in no dictionary and both halves are frequent words.
"""


# fmt: off
FUNCTION_WORDS = frozenset((
    "a", "of", "the", "to", "in", "on", "at", "by", "and", "or", "for", "is", "it", "as", "be", "he",
    "we", "his", "her", "was", "had", "not", "but", "with", "that", "this", "from", "an", "are", "has",
    "have", "were", "she", "they", "them", "their", "which", "all", "its", "our", "you",
))
# fmt: on


#: Words an OCR misread runs the article "a" on to, making a rare word of the pair ("ina", "ata").
ARTICLE_HOSTS = frozenset(
    ("in", "at", "is", "as", "on", "to", "of", "by", "for", "was", "with", "from", "had")
)
#: How much likelier (log10) the trigram model must read the word and "a" than the token, and the
#: highest frequency (Zipf) the token may have as a word of its own.
ARTICLE_MERGE_LEAD = 2.0
ARTICLE_MERGE_ZIPF = 3.7


# the pronoun I, read as a letter or digit, run on to the verb after it: "Thave", "1am", "I’am"
PRONOUN_RUN_ON = lazy(
    r"[TIl1][’']?(am|have|had|will|would|shall|should|hope|think|know|beg|trust|fear|feel|wish|must|cannot|did)"
)


#: Words that follow "I am" and no name or verb: after one, a listed "Tam" or "lam" is the pronoun I
#: run on to "am" ("Tam compelled", "lam sure"); "Twas" stays, the old "’Twas" ("it was").
AM_COMPLEMENTS = frozenset((
    "sure", "glad", "sorry", "afraid", "ill", "not", "no", "very", "so", "quite", "still", "now",
    "compelled", "obliged", "reluctant", "informed", "convinced", "told", "happy", "anxious", "unable",
    "able", "delighted", "pleased", "aware", "certain", "truly", "ever", "always", "never", "just",
))  # fmt: skip
#: Words before a time ("at 1am").
TIME_WORDS = frozenset(
    ("at", "by", "until", "till", "from", "to", "before", "after", "around", "about", "since")
)


def _pronoun_merge(doc: Document, dw: DocWords, i: int) -> Finding | None:
    """OCR004 for the pronoun I run on to its verb in OCR-damaged text ("Thave", "1am", "I’am"):
    the token is in no list ("Tam", "lam", "Thad" and "Twas" are; "Tam" and "lam" count before a
    word only "I am" takes: "Tam compelled") and a lower-case word or a mark follows it."""
    tok = dw.tokens[i]
    m = PRONOUN_RUN_ON.fullmatch(tok.text)
    if m is None or ocr_noise(doc) < 2:
        return None
    if dw.lex.info(tok.text.lower().replace("’", "").replace("'", ""))[1]:
        nxt = dw.tokens[i + 1].text if i + 1 < len(dw.tokens) else ""
        if not (m.group(1) == "am" and nxt in AM_COMPLEMENTS):
            return None  # a listed word ("Tam", "lam") unless a word follows that only "I am" takes
    after = doc.masked[tok.end : tok.end + 2]
    if not (after[:1] in ",;:.!?" or (after[:1] == " " and after[1:2].islower())):
        return None
    if tok.text[0] == "1" and i and dw.tokens[i - 1].text.lower() in TIME_WORDS:
        return None  # "at 1am the train left": a time
    return _merged_finding(
        tok,
        "I",
        m.group(1),
        0.8,
        f"In this OCR-damaged text {tok.text!r} is no word: it reads as the pronoun 'I', misread as "
        f"{tok.text[0]!r}, run on to the verb {m.group(1)!r}.",
    )


def _article_merge(dw: DocWords, i: int) -> Finding | None:
    """OCR004 for a word run on to the article "a" that makes a rare word ("ina moment", "ata
    loss"), in OCR-damaged text, when the model reads the two words far better; a word the typo
    family weighs as a misspelling (no listed word) is left to it."""
    tok = dw.tokens[i]
    low = tok.text
    lex = dw.lex
    if not lex.is_vocab(low) or lex.zipf(low) >= ARTICLE_MERGE_ZIPF or dw.allowed(low):
        return None
    left, right = left_context(dw, i), right_context(dw, i)
    two = context.phrase_score(left, (low[:-1], "a"), right)
    one = context.phrase_score(left, (low,), right)
    if two <= context.OOV or (one > context.OOV and two - one < ARTICLE_MERGE_LEAD):
        return None
    return _merged_finding(
        tok,
        low[:-1],
        "a",
        0.8,
        (
            f"In this OCR-damaged text the rare word {low!r} (Zipf {lex.zipf(low):.1f}) reads as "
            f"'{low[:-1]} a' in its sentence: the trigram model finds that reading "
            + (
                f"{two - one:.1f} log10 units likelier."
                if one > context.OOV
                else "likely, and the word unknown to it."
            )
        ),
    )


def merged_in_context(dw: DocWords, i: int, lex: lexicon_mod.Lexicon) -> tuple[str, str] | None:
    """The split of token ``i`` into two words when it reads better than any one-word correction."""
    low = dw.tokens[i].text.lower()
    parts = merged_split(low, lex)
    if parts is None:
        return None
    left, right = left_context(dw, i), right_context(dw, i)
    split = split_score(left, parts, right)
    ranking = rank(low, left, right, lex)
    if ranking.best is not None and ranking.best.total >= split - MERGED_MARGIN:
        return None
    return parts


MERGED_LETTERS = 40  # longer runs of letters are no two words run together (and each split costs a lookup)


def merged_split(word: str, lex: lexicon_mod.Lexicon) -> tuple[str, str] | None:
    """The two words a merged token (lower case) may be made of: a function word and a frequent word."""
    if (
        not 4 <= len(word) <= MERGED_LETTERS
        or not word.isalpha()
        or lex.is_core(word)
        or lex.zipf(word) >= COMMON_ZIPF
    ):
        return None
    best: tuple[float, tuple[str, str]] | None = None
    for k in range(1, len(word)):
        a, b = word[:k], word[k:]
        if a == b:
            continue  # a word said twice is laughter or baby talk ("hehe", "haha"), not two run together
        if a in FUNCTION_WORDS:
            other = b
        elif b in FUNCTION_WORDS:
            other = a
        else:
            continue
        if len(other) < 2 or not lex.is_core(other) or lex.zipf(other) < COMMON_ZIPF:
            continue
        if len(other) == 2 and other not in FUNCTION_WORDS:
            continue
        score = lex.zipf(other)
        if best is None or score > best[0]:
            best = (score, (a, b))
    return best[1] if best else None


@rule(
    "OCR004",
    "ocr.merged-words",
    Category.OCR,
    doc=OCR004_DOC,
    examples=[Example("The end ofthe war.", "The end of the war.")],
    clean=["The other theme was therapy.", "Nazarbayev and Tokayev met."],
)
def merged_words(doc: Document) -> Iterator[Finding]:
    """Two words run together (OCR004)."""
    if doc.technical:
        return  # in technical writing "insteadof", "instanceof" are names from code
    dw = doc_words(doc)
    lex = None
    noisy: bool | None = None
    verdicts: dict[str, bool] = {}  # per distinct token text: may it be two words run together?
    for i in _merge_suspects(doc, dw):
        tok = dw.tokens[i]
        word = tok.text
        if word[:1] in "TIl1":
            merged = _pronoun_merge(doc, dw, i)
            if merged is not None:
                yield merged
                continue
        if word[-1:] == "a" and word[:-1] in ARTICLE_HOSTS:
            if noisy is None:
                noisy = ocr_noise(doc) >= 1
            merged = _article_merge(dw, i) if noisy else None
            if merged is not None:
                yield merged
                continue
        maybe = verdicts.get(word)
        if maybe is None:
            maybe = len(word) >= 4 and word.isalpha() and (word.islower() or word.istitle())
            if maybe:
                if lex is None:
                    lex = dw.lex
                low = word.lower()
                maybe = not (lex.is_core(low) or lex.zipf(low) >= COMMON_ZIPF)
            verdicts[word] = maybe
        if not maybe:
            continue
        assert lex is not None
        low = word.lower()
        if noisy is None:
            noisy = ocr_noise(doc) >= 1
        split = merged_split(low, lex)
        two_function_words = split is not None and split[0] in FUNCTION_WORDS and split[1] in FUNCTION_WORDS
        if not noisy and not two_function_words:
            continue  # outside damaged text only "ofthe"-like pairs: "bespeaking" is a word
        if word.istitle() and (low in dw.capitalised or after_initial(doc.masked, tok.start)):
            continue  # a name: written so elsewhere, or a surname after an initial ("Ray P. Bellis")
        if dw.allowed(word) or in_hyphen_break(doc.masked, tok.start, tok.end):
            continue
        parts = merged_in_context(dw, i, lex)
        if parts is None:
            continue
        yield _merged_finding(
            tok,
            word[: len(parts[0])],
            word[len(parts[0]) :],
            0.85,
            f"{word.lower()!r} is in no dictionary; {parts[0]!r} (Zipf {lex.zipf(parts[0]):.1f}) and "
            f"{parts[1]!r} (Zipf {lex.zipf(parts[1]):.1f}) are frequent words.",
        )


def _merge_suspects(doc: Document, dw: DocWords) -> list[int]:
    """Indexes of the tokens :func:`merged_words` must look at, in order: those whose text may be the
    pronoun I run on to its verb, a word run on to the article "a" (both only in OCR-damaged text),
    or two words run together (a rare word of four letters or more, in lower case or capitalised).
    Each distinct text is judged once: a loop over every token of a book was the rule's main cost."""
    texts = dw.texts
    lex = dw.lex
    wanted = {
        word
        for word in texts
        if len(word) >= 4
        and word.isalpha()
        and (word.islower() or word.istitle())
        and not (lex.is_core(low := word.lower()) or lex.zipf(low) >= COMMON_ZIPF)
    }
    run_on = {word for word in texts if word[:1] in "TIl1" and PRONOUN_RUN_ON.fullmatch(word)}
    hosted = {word for word in texts if word[-1:] == "a" and word[:-1] in ARTICLE_HOSTS}
    if (run_on or hosted) and ocr_noise(doc) >= 1:
        wanted |= hosted | (run_on if ocr_noise(doc) >= 2 else set())
    if not wanted:
        return []
    return [i for i, word in enumerate(map(itemgetter(0), dw.tokens)) if word in wanted]


def _merged_finding(tok: Token, a: str, b: str, confidence: float, explanation: str) -> Finding:
    """OCR004: the token read as the words ``a`` and ``b``, as its case has them."""
    return finding(
        "OCR004",
        tok.start,
        tok.end,
        f"{tok.text!r} looks like two words run together: '{a} {b}'",
        replacement=f"{a} {b}",
        applicability=Applicability.SAFE,
        confidence=confidence,
        explanation=explanation,
    )


OCR005_DOC = """Stray punctuation from OCR: a mark glued between words, a stray period, a lone mark.

## What it does
Flags:
- a period, colon, semicolon or comma glued between two dictionary words
  ("over.the", "of.a"; a comma stays and gets the space it lost: "farm,.and"
  and "farm,and" become "farm, and"); two content words
  ("sources.list") only in text with other OCR damage, since they may be a
  file name; beside a function word the other word need only be listed,
  however rare ("gongs.and", "a.conspicuous");
- a speck read as such a mark inside one word, whose halves are no two words
  and which is a common word without it ("informa.tion", "deci,sion"); the
  rules for misspellings leave its halves alone.  Outside OCR-damaged text
  it is offered, not applied ("com.munity" may be a pun), and technical
  writing ("obj.attr") is left alone;
- a quotation mark glued between a function word and another word in damaged
  text ("was‘a", "and’a": no elision ends in "a", "the", "and", "to" or "of");
- a period after a word when the next word starts in lower case and the word
  is no abbreviation ("went to. the house", but not "per cent. of", nor a
  unit after its number, "1 in. in length"; before
  "and", "but", "which", "when" and other conjunctions, and before "he", "she"
  and "they", which open clauses, it becomes a comma), unless the
  text shows no other damage and its writer does not capitalise ("i" for "I"
  twice, or two paragraphs opening in lower case: e-mail and chat start their
  sentences so); in text with no other damage only after a word no sentence
  ends on ("was to. be"), before "and", "but", "or", "nor" or a relative
  pronoun, or inside a phrase the trigram model reads as one ("recently. saw"):
  elsewhere such a period ends a sentence whose writer left the next one in
  lower case ("photos. submissions welcome") or follows an abbreviation ("ref.
  our script"); a period before a name from code, which goes on with a hyphen,
  underscore or digit, ends a sentence too ("groveled for. sb-grovel accepts");
- in text with other OCR damage, a comma or colon after an article,
  preposition or possessive ("by: the", "an, old"), a colon after a modal or
  auxiliary ("might: be") or before a word that carries the phrase on
  ("anxious: to hear"), and a colon inside a phrase the trigram model reads as
  one, before a word that opens no clause or list ("the difference: between",
  "much: time"; not "two kinds: the first"), and a period after a determiner,
  on which no sentence ends ("the. minuet"), or after a preposition or
  conjunction before a name or a quoted word ("of. Haydn"; not before a word
  that opens sentences, "of. It", nor after a particle before a capital,
  "seized upon. Ivor"), where a mark of damage other than such periods shows;
  in badly damaged text also a colon after an article, possessive or
  preposition before a name ("at: Wittenberg"), a comma or colon before a
  sentence opener ("gold, We", "known, With", "breadth: The"; a colon only
  before the surest openers, and never before "We", which opens what a colon
  introduces as often), a stray period beside one rarer word ("melodious.
  charm") or after a capitalised one ("by Pougin. who"), periods stacked on
  another mark ("unaltered.. These", "Adagio,. followed", "I. think"; not for
  a writer who types in lower case: "anyway.. i"), and a hyphen glued to the
  front of a common word or to the end of a word before a function word it
  makes no word with ("statement -how", "shed- the"; not "well -known", "with
  -verbose", "low- and");
- in OCR-damaged text a colon before a conjunction that joins clauses, which
  print sets as a semicolon ("him: but he" becomes "him; but he"), and a
  title's period read as a colon before a name ("St: Patrick");
- in OCR-damaged text a hyphen, period, colon or other mark glued to the front
  of a function word ("receive -your", "of which .the", "music :to be"), or an
  underscore no underscore closes to any word ("the _experiments"), and in badly damaged text
  a hyphen standing alone where no dash can ("the - human", "song, - like") or
  between two words the trigram model reads as one phrase ("fell - upon"); with
  one mark of damage only after an article or preposition, or inside a phrase of
  lower-case words (a writer types "it is - however" and "Mon. - Sat.");
- a lone mark between two words or after a word ("the _ house", "the end :"),
  but not a mark a writer typed: a colon set off by a space before what it
  introduces, after a definition list's term ("  drhook : tracing") or after a
  form's label at a line's end ("Full Name :"), a blank
  of underscores, a mark named as a thing ("used \\ as a separator", "type * to
  mark it"), or a mark that frames its line ("~ No Credit Checks ~"); short
  tokens after the last sentence of damaged text are residue, but an emoji, an
  emoticon (":-)"), an arrow or another symbol is typed, never read off a speck;
- a bar, digit or capital read for the pronoun I before a verb at a clause
  start ("| had", "and 1 was"), and in OCR-damaged text a bar at a clause
  start before any lower-case word ("; | doubt not"); never a bar of a table's
  row, with or without bars at its ends (a Markdown delimiter row, "--- | ---",
  heads the rows that have none);
- a hyphen where a space belongs between two words, one of them a function
  word that joins no compounds ("castle-of", "still-be"; in OCR-damaged text
  also "He-gave", "in-all"); outside OCR damage two function words so joined
  make a term ("a for-of loop"); a participle's "for" or "of" ("a wished-for
  chance"), "he" or "she" before a noun ("a he-goat"), and "all" or "then"
  before any word but a function word ("all-purpose", "the then-president")
  make compounds, and so do a capital A ("A-list", as "T-shirt") and two
  capitalised words (a title's "Were-Rabbit").

## Why is this bad?
Specks and smudges on a page are read as punctuation; the stray marks break
sentences and words apart.

## Example
```
She looked over.the wall, then walked to. the house.
```

## Use instead
```
She looked over the wall, then walked to the house.
```

## Fix safety
Safe for marks glued between two dictionary words, for lone marks between
words and for a speck inside a word in OCR-damaged text; a period before a
lower-case word is safe when the word before it is a frequent dictionary word
and no abbreviation.  Outside OCR-damaged text a hyphen
before a word that can open an aside ("a", "the", "when", "which", "I",
"their") or a verb that can follow one ("is", "was", "have") is most likely a
dash typed as a hyphen ("the plan-a bold one", "the plan-is sound"): its fix,
unsafe, writes the dash the text uses (an em dash, or the spaced en dash or
double hyphen the text writes more often), with the space as the alternative;
a text with three glued hyphens or more, one of them such, types its dashes so,
and none of its glued hyphens is reported.
"""


#: Function words that are also the suffixes of build files ("configure.in", "Makefile.am").
FILE_SUFFIX_WORDS = frozenset(("in", "am", "ac"))


@rule(
    "OCR005",
    "ocr.stray-punctuation",
    Category.OCR,
    doc=OCR005_DOC,
    examples=[
        Example("She looked over.the wall.", "She looked over the wall."),
        Example("They went to. the house.", "They went to the house."),
        Example("Then | went home.", "Then I went home."),
        Example("the old _ house", "the old house"),
        Example("He walked up to the castle-of the old king.", "He walked up to the castle of the old king."),
    ],
    clean=[
        "See e.g. the list, i.e. the first one, at 5 p.m. today.",
        "Visit example.com or read notes.txt now.",
        "He met Dr. Smith et al. in the lab, approx. ten of them.",
        "The score: ten to two.",
        "The so-called expert and the would-be king went a-hunting.",
    ],
)
def stray_punctuation(doc: Document) -> Iterator[Finding]:
    """Stray punctuation inside or between words (OCR005)."""
    text = doc.opaque  # a code span or URL reads as a word, not as blank space around a mark
    lex = None
    found = specks(doc)
    for speck in found:
        yield _punct_finding(
            speck.mark,
            speck.mark + 1,
            "",
            f"{text[speck.mark]!r} inside {speck.word!r}",
            speck.why,
            safe=_speck_damaged(doc),
        )
    inside = {speck.start for speck in found}
    dotted: dict[str, bool] = {}  # _dotted_name's answers for this text, by the word before the period
    for m in _glued(doc):
        if m.start() in inside:
            continue
        a, mark, b = m.group(1), m.group(2), m.group(3)
        if lex is None:
            lex = lexicon_mod.lexicon()
        # beside a function word the other word need only be listed ("gongs.and", "a.conspicuous")
        function = a.lower() in PERIOD_GLUE_WORDS or b in PERIOD_GLUE_WORDS
        if not (_known(a, lex, FUNCTION_PARTNER_ZIPF if function else JOINED_ZIPF)):
            continue
        if not _known(b, lex, FUNCTION_PARTNER_ZIPF if function else COMMON_ZIPF):
            continue
        article = b == "a" and a.lower() in GLUE_WORDS  # "as.a": "asa" is no reading
        if not article and _known(m.group(0).replace(mark, ""), lex, 1.0):
            continue  # a speck inside one word
        # two content words ("sources.list") may be a name; a function word ("from.the") may not.
        # Only other marks of OCR damage count as evidence (two file names are no damage); without
        # any, such a pair is a name: no finding.
        other_damage = ocr_noise(doc, names=False)
        damaged = a.lower() in PERIOD_GLUE_WORDS or b in PERIOD_GLUE_WORDS or other_damage >= 2
        if (not damaged and other_damage == 0) or doc.technical:
            continue  # in technical writing (never OCR output) "your.server" is a host name
        if mark == "." and b not in PERIOD_GLUE_WORDS and _dotted_name(text, a, dotted):
            # a name of a dotted scheme, R's "as.list", "as.call" (whose periods ocr_noise counts as
            # damage: the scheme is the evidence here); a scan's "of.the" is never one
            continue
        # keep a comma (and drop a speck after it): a comma glued to the next word lost the space
        # after it ("funds,and"), as typists and OCR both lose it
        comma = mark[0] == ","
        lost = " the space after the comma was lost" if mark == "," else ""
        yield _punct_finding(
            m.start(2),
            m.end(2),
            ", " if comma else " ",
            f"{mark!r} glued between {a!r} and {b!r}",
            f"{a!r} and {b!r} are dictionary words and nothing separates them but {mark!r}"
            + (f":{lost}" if lost else "")
            + ("." if damaged else "; outside OCR-damaged text it may be a name ('sources.list'): check it."),
            safe=damaged,
        )
    if ocr_noise(doc) >= 1 and ("‘" in text or "’" in text):
        yield from _quotes_glued(text, ocr_noise(doc) >= 2)
    if ocr_noise(doc) >= 1:
        yield from _leading_specks(text)
    if "-" in text and not doc.technical:
        # (technical writing, which ocr_noise never reads as damaged, names options, types and
        # instructions so: "was-enabled", "list-of", "xsl:copy-of")
        damaged = ocr_noise(doc) >= 1
        glued = list(scan(HYPHEN_GLUED, "HYPHEN_GLUED", text))
        if glued:
            if lex is None:
                lex = lexicon_mod.lexicon()
            glued = [m for m in glued if _glued_by_hyphen(m[1], m[2], lex, damaged)]
        # Outside OCR damage a hyphen before a word that opens an aside may be a dash typed as a
        # hyphen ("the plan-a bold one"); a writer who types several so types the closing ones so
        # too ("the plan-is sound"), while a page of OCR seldom misreads three spaces so: such a
        # text's glued hyphens are its dashes, not damage, and none is reported.
        habit = not damaged and len(glued) >= 3 and any(_dash_like(m[1], m[2]) for m in glued)
        for m in [] if habit else glued:
            dash = not damaged and _dash_like(m.group(1), m.group(2))
            if not (damaged or dash) and {m.group(1).lower(), m.group(2).lower()} <= GLUE_WORDS:
                continue  # two function words, no dash: a term ("a for-of loop", "the as-is state")
            if "/" in (text[m.start(1) - 1 : m.start(1)], text[m.end(2) : m.end(2) + 1]):
                continue  # part of a path or a branch's name: "nd/the-index"
            if text[m.end(2) : m.end(2) + 1] == ":":
                continue  # a label: "Part-of: <https://…>", a commit's trailer
            if not damaged and text.count(m.group(0)) > 1:
                continue  # a name or term the text writes so again: "kind-of" in the package's README
            if m.group(2) == "A" and not damaged:
                continue  # a letter that names a key, a class or a model: "Ctrl-A", "class-A", "Cortex-A"
            yield _punct_finding(
                m.start(1) + len(m.group(1)),
                m.start(2),
                _dash_of(text) if dash else " ",
                f"hyphen glued between {m.group(1)!r} and {m.group(2)!r}",
                f"{m.group(0)!r} is no compound: "
                f"{(m.group(1) if m.group(1).lower() in GLUE_WORDS else m.group(2))!r} "
                "does not join words with a hyphen"
                + (
                    "; in text without other OCR damage it is most likely a dash typed as a hyphen "
                    "('the plan-a bold one'), written here as the text's dash; if a space was lost "
                    "instead, use the alternative."
                    if dash
                    else ", and the hyphen stands where a space belongs."
                ),
                safe=not dash,
                alternatives=(" ",) if dash else (),
            )
    if ocr_noise(doc) >= 2:
        for m in BEFORE_NAME.finditer(text):
            if _typed_mark(doc.text, m.start(2), m.end(2)):
                continue
            yield _punct_finding(
                m.start(2),
                m.end(2),
                "",
                f"':' after {m.group(1)!r}",
                f"in this OCR-damaged text, ':' stands where {m.group(1)!r} cannot end a phrase.",
            )
        for m in MARK_BEFORE_SENTENCE.finditer(text):
            colon = m.group(1) == ":"
            if colon and (m.group(2) not in COLON_OPENERS or _typed_mark(doc.text, m.start(1), m.end(1))):
                continue  # "on his return: We went", "as follows: In": what a colon introduces
            name = "colon" if colon else "comma"
            yield _punct_finding(
                m.start(1),
                m.end(1),
                ".",
                f"{name} before the sentence opener {m.group(2)!r}",
                f"in this OCR-damaged text, {m.group(2)!r} starts a new sentence: the {name} was a period.",
            )
    if ocr_noise(doc) >= 1:  # marks no writer types ("to: have"): one other mark of damage will do
        for m in COLON_BEFORE_CONTINUATION.finditer(text):
            if (
                m.group(1) in COLON_INTRODUCERS
                or AFTER_FUNCTION_WORD.match(text, m.start(1))  # reported below
                or _typed_mark(doc.text, m.start(2), m.end(2))
            ):
                continue
            yield _punct_finding(
                m.start(2),
                m.end(2),
                "",
                f"':' before {text[m.end(2) :].split(None, 1)[0]!r}",
                "in this OCR-damaged text a colon stands before a word that carries the phrase on, "
                "where what a colon introduces would open a clause or a list.",
            )
        for m in TITLE_COLON.finditer(text):
            if _typed_mark(doc.text, m.start(1), m.end(1)):
                continue
            yield _punct_finding(
                m.start(1),
                m.end(1),
                ".",
                f"':' after {text[m.start() : m.start(1)]!r}",
                "in this OCR-damaged text a colon stands where the abbreviation's period belongs.",
            )
        for m in COLON_BEFORE_CONJUNCTION.finditer(text):
            if m.group(1) in COLON_INTRODUCERS or _typed_mark(doc.text, m.start(2), m.end(2)):
                continue
            yield _punct_finding(
                m.start(2),
                m.end(2),
                ";",
                f"':' before {text[m.end(2) :].split(None, 1)[0]!r}",
                "in this OCR-damaged text a colon stands before a conjunction that joins two clauses, "
                "where print sets a semicolon (the scan lost its lower half).",
            )
        for m in AFTER_FUNCTION_WORD.finditer(text):
            yield _punct_finding(
                m.start(2),
                m.end(2),
                "",
                f"{m.group(2)!r} after {m.group(1)!r}",
                f"in this OCR-damaged text, {m.group(2)!r} stands where {m.group(1)!r} cannot end a phrase.",
            )
        for m in COLON_INSIDE.finditer(text):
            a, b = m.group(1), m.group(3)
            if (
                a in COLON_INTRODUCERS
                or b in CLAUSE_OPENERS
                or COLON_BEFORE_CONTINUATION.match(text, m.start(1))  # reported above
                or AFTER_FUNCTION_WORD.match(text, m.start(1))
                or _typed_mark(doc.text, m.start(2), m.end(2))
            ):
                continue
            pmi = _association(a, b)
            if pmi < PHRASE_PMI:
                continue
            yield _punct_finding(
                m.start(2),
                m.end(2),
                "",
                f"':' inside the phrase {a + ' ' + b!r}",
                f"in this OCR-damaged text a colon cuts {a!r} from {b!r}, which the trigram model reads as "
                f"one phrase ({b!r} is {10**pmi:,.0f} times likelier right after {a!r} than alone), and "
                f"{b!r} opens no clause or list for a colon to introduce.",
            )
    # a writer who does not capitalise starts sentences in lower case ("that stuff. seems like"); a
    # page of OCR keeps its capitals, and reads a comma as a period amid other damage
    periods = list(scan(STRAY_PERIOD, "STRAY_PERIOD", text))
    lower_case = bool(periods) and not ocr_noise(doc, periods=False) and _lower_case_writer(text)
    if lower_case:
        periods = []
    damaged = ocr_noise(doc) >= 2
    # in a text that is not badly damaged (stray periods count: a page with several is) a period
    # before a lower-case word mostly ends a sentence whose writer left the next in lower case
    # ("photos. submissions", "code. the crate"), or follows an abbreviation ("ref. our"): it is a
    # speck only after a word no sentence ends on ("have our. gigantic", "was to. be"), before a
    # word that joins a clause on ("fell. and the"), or inside a phrase the trigram model reads as
    # one ("recently. saw")
    stray: set[int] = set()  # the periods reported as stray
    for m in periods:
        word, nxt = m.group(1), m.group(2)
        low = word.lower()
        if low in ABBREVIATIONS or text[m.end() : m.end() + 1] == "." or ROMAN.match(word):
            continue
        if _unit_after_number(text, low, m.start(1)):
            continue  # "just over 1 in. in girth": a unit after its number
        if _identifier_goes_on(text, m.end(2)):
            continue  # "will be groveled for. sb-grovel accepts": a sentence opening on a name from code
        joined = low in NEVER_FINAL or low in RARELY_FINAL or nxt in JOINERS
        opens = nxt in OPENING_PRONOUNS  # a sentence begun in lower case: "the design is unsafe. we use"
        if not damaged and not joined and (opens or _association(word, nxt) < CLEAN_PERIOD_PMI):
            continue
        if nxt[0] == "l" and _reads_as_capital_i(nxt, lex or lexicon_mod.lexicon()):
            continue  # "long. lt was": the capital I of the next sentence read as a small l (OCR011)
        if word == "cent" and PER_BEFORE.search(text, 0, m.start(1)):
            continue  # "per cent.": the older abbreviation of "per centum"
        if lex is None:
            lex = lexicon_mod.lexicon()
        common = _known(word, lex, COMMON_ZIPF), _known(nxt, lex, COMMON_ZIPF)
        # in badly damaged text a rarer word on one side will do ("melodious. charm")
        if not (all(common) or (any(common) and damaged and _known(word, lex, 0) and _known(nxt, lex, 0))):
            continue
        stray.add(m.end(1))
        yield _period_finding(m, "")
    if damaged or ocr_noise(doc, periods=False) >= 1:  # one mark besides stray periods will do
        yield from _periods_after_function_words(text, stray, lex or lexicon_mod.lexicon())
    if damaged and not lower_case:
        # in badly damaged text a name may have lost its comma too ("by Pougin. who asks")
        for m in scan(NAME_PERIOD, "NAME_PERIOD", text):
            word, nxt = m.group(1), m.group(2)
            if (
                word.lower() in ABBREVIATIONS
                or word in CAPITAL_ABBREVIATIONS
                or text[m.end() : m.end() + 1] == "."
            ):
                continue
            if lex is None:
                lex = lexicon_mod.lexicon()
            if not _known(nxt, lex, COMMON_ZIPF):
                continue
            yield _period_finding(m, "in this OCR-damaged text ")
    if damaged and not lower_case:
        yield from _stacked_marks(text)
        yield from _glued_hyphens(text, lex or lexicon_mod.lexicon())
    yield from _trailing_residue(doc, text)
    noisy = ocr_noise(doc) >= 1
    seen: set[int] = set()
    others: dict[int, int] = {}  # _other_bars of each line start met: a paragraph may hold many bars
    for m in PRONOUN_I.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end()) % (len(text) + 1)
        # a table row or a bracketed aside ("[ Stevens ] was"); one stray bar elsewhere in an OCR
        # paragraph is noise, but any other bracket may be a bracket's partner
        if m.group(1) in "|[]":
            if line_start not in others:
                others[line_start] = _other_bars(text, line_start, line_end, ocr_noise(doc) >= 2)
            if others[line_start] > (1 if m.group(1) == "|" else 0):
                continue
        if m.group(1) == "|" and _framed_by_bars(text, line_start, line_end):
            continue  # "| hope | trust | beg |": a table's row, whatever its cells say
        if m.group(1) == "|" and _in_pipe_table(text, line_start):
            continue  # "`loud` | had all the logs" under "---- | ----": a row without outer bars
        if m.group(1) in "[]" and _paired(text, m.start(1), line_start, line_end):
            continue  # "[ Stevens ] was": a bracket that closes, around a name
        if m.group(1) == "|" and _quoting_prefix(text, line_start, m.start(1)):
            continue  # "> | see what I can do": the bar that marks a quoted line in mail
        if m.group(1) not in "|[]" and not _pronoun_slot(text, m.start()):
            continue  # "Items 1 was priced": a digit or letter needs a clause start before it
        if m.group(1) not in "|[]" and _NEXT_WORD.match(text, m.end()).group(1) in BAR_ONLY_VERBS:
            continue  # "a 5 or 7 meant": only a bar or bracket is read for I before these
        if _not_a_subject(text, line_start, m.start(1), m.end(1)):
            continue  # "Indexing with [ will", "Note that [ always requires": R's operator, no "I"
        if m.group(1) in "T7" and not noisy:
            # "as if T was contained": outside OCR damage a capital T names a type or a set, and a 7
            # a number ("(7 would be drawn less often than 2)"); "1" is typed for "I" in plain text too
            continue
        if m.group(1) == "1" and not noisy and _numbers_near(text, m.start(1), m.end(1)):
            continue  # "a return code (1 would be any other error, or 0 if …)": numbers side by side
        seen.add(m.start())
        yield _punct_finding(
            m.start(1),
            m.end(1),
            "I",
            f"{m.group(1)!r} read for the pronoun 'I'",
            f"a lone {m.group(1)!r} before the verb that follows it is a misread 'I'.",
        )
    if noisy:
        # in OCR-damaged prose a lone bar at a clause's start before any lower-case word is the pronoun
        # as well ("; | doubt not", "and | again submit"); a table's row starts or ends with a bar
        for m in BAR_BEFORE_WORD.finditer(text):
            if m.start() in seen:
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end()) % (len(text) + 1)
            line = text[line_start:line_end].strip()
            if line.startswith("|") or line.endswith("|") or not _pronoun_slot(text, m.start()):
                continue  # a table's row; "The rain | fell": no clause starts there, so the bar is a speck
            seen.add(m.start())
            yield _punct_finding(
                m.start(1),
                m.end(1),
                "I",
                "'|' read for the pronoun 'I'",
                "in this OCR-damaged text a lone '|' before a lower-case word is a misread 'I'.",
            )
    if ocr_noise(doc) >= 1:
        yield from _lone_hyphens(text, ocr_noise(doc) >= 2)
    for m in scan_marks(LONE, "LONE", text):
        if m.start() in seen:
            continue
        seen.add(m.start())
        marks = m.group(1).split()
        mark = " ".join(marks)
        if "|" in marks or not noisy:
            continue  # a bar before a verb is PRONOUN_I's; lone marks only in OCR-damaged text
        if _aligned(text, m.start(1)) or _typed_mark(doc.text, m.start(1), m.end(1)):
            continue  # "cpp<tab><tab>: cpp-12", a column; "packages : http://", a typed colon
        if _code_line(text, m.start(1)):
            continue  # "x : rest", "select * from A": code set among the prose
        if len(marks) > 1 and (set(mark) <= set("*•■ ") or set(mark) <= set(". ")):
            continue  # a section break, a spaced ellipsis
        if mark == "." and text[m.end() : m.end() + 1].isupper():
            # a sentence's period set off by a space ("gcc . For"): it belongs to the word before
            yield _punct_finding(
                m.start(1) - 1,
                m.start(1),
                "",
                "period set off from its sentence",
                "a period stands alone before a capitalised word: it ends the sentence before it.",
            )
        else:
            yield _punct_finding(
                m.start(1),
                m.end(),
                "",
                f"lone {mark!r} between words",
                f"{mark!r} stands alone between two words, where no punctuation of this kind belongs.",
            )

    for m in scan_marks(LONE_ANY, "LONE_ANY", text):
        if (
            m.start() in seen
            or not noisy
            or _aligned(text, m.start(1))
            or _typed_mark(doc.text, m.start(1), m.end(1))
            or _code_line(text, m.start(1))
        ):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not regex.search(r"\p{L}", text[line_start : m.start()]):
            continue  # a line of marks: a separator
        ws = regex.search(r"[ \t]+$", text[line_start : m.start()])
        start = line_start + ws.start() if ws else m.start()
        if start > 0 and text[start - 1].isdigit():
            continue  # "10 : 30", a score or a time
        yield _punct_finding(
            start,
            m.end(),
            "",
            f"lone {m.group(1)!r} after a word",
            f"{m.group(1)!r} stands alone after a word, where no punctuation of this kind belongs.",
        )


#: What follows an apostrophe in a contraction or a possessive ("it’s", "don’t", "we’ll").
CONTRACTIONS = frozenset(("s", "t", "d", "ll", "re", "ve", "m"))


def _quotes_glued(text: str, damaged: bool) -> Iterator[Finding]:
    """A quotation mark read where a space belongs between two words ("is‘a", "was’so"), in text
    that shows OCR damage.  An opening quote is never an apostrophe in typeset text; a closing one
    is only replaced where the text is badly damaged and the word with it is no word at all."""
    lex = lexicon_mod.lexicon()
    for m in scan(QUOTE_GLUED, "QUOTE_GLUED", text):
        a, mark, b = m.group(1), m.group(2), m.group(3)
        if b in CONTRACTIONS or (mark == "’" and not damaged):
            continue  # a misread apostrophe ("don‘t"), or an apostrophe
        if not (a.lower() in PERIOD_GLUE_WORDS or b in PERIOD_GLUE_WORDS) or (len(b) < 2 and b != "a"):
            continue  # only beside a function word: "ne’er", "o’er" are elisions
        if not (_known(a, lex, COMMON_ZIPF) and _known(b, lex, COMMON_ZIPF)):
            continue
        if mark == "’" and b not in NEVER_ELIDED and lex.zipf((a + b).lower()) > 0:
            continue  # a word with an apostrophe ("ma’am", listed as "maam")
        yield _punct_finding(
            m.start(2),
            m.end(2),
            " ",
            f"{mark!r} glued between {a!r} and {b!r}",
            f"{a!r} and {b!r} are common words and {m.group(0)!r} is none: in this OCR-damaged text "
            f"the {mark!r} stands where a space belongs.",
        )


# a mark glued to the front of a function word after a space: "receive -your", "among >the",
# "of which .the"; never a dash ("--"), an ellipsis or a word's own hyphen (an opening quote with no
# partner is OCR008's)
LEADING_SPECK = lazy(
    r"(?<=[\p{L}\p{N},;:.!?”’)][ \t]+)([>•·:~_]|-(?!-)|\.(?!\.))(\p{Ll}+)(?![\p{L}\p{N}'’‘._-])"
)


#: How far (characters, within its paragraph) an underscore opening a word looks for the one that
#: closes its emphasis: Project Gutenberg's plain text marks italics so, over several words.
EMPHASIS_REACH = 300
_EMPHASIS_CLOSE = lazy(r"[\p{L}\p{N}.,;:!?'’\x22”)]_(?![\p{L}\p{N}])")


def _emphasis_closed(text: str, end: int) -> bool:
    """Whether the next underscore after ``end``, within its paragraph and :data:`EMPHASIS_REACH`,
    closes an emphasis ("_no better_"), not opens another ("the _experiments … the _old_")."""
    window = text[end : end + EMPHASIS_REACH].split("\n\n")[0]
    k = window.find("_")
    return k > 0 and _EMPHASIS_CLOSE.match(window, k - 1) is not None


def _leading_specks(text: str) -> Iterator[Finding]:
    """A speck read as a mark glued to the front of a function word, in OCR-damaged text: a hyphen,
    a period, a colon or another mark ("receive -your", ".the", ">the", "music :to be"); before any
    other word the mark may belong there (".net", "-verbose", "well -known", ":param"), except an
    underscore that no underscore closes ("the _experiments": "_word_" and "_no better_" are
    emphasis)."""
    for m in scan_marks(LEADING_SPECK, "LEADING_SPECK", text):
        mark, word = m.group(1), m.group(2)
        if word not in GLUE_WORDS and word != "to" and mark != "_":
            continue
        if mark == "_" and _emphasis_closed(text, m.end()):
            continue  # "_no better_": emphasis of several words, closed further on
        yield _punct_finding(
            m.start(1),
            m.end(1),
            "",
            f"{mark!r} glued before {word!r}",
            f"in this OCR-damaged text {mark!r} stands at the front of the function word {word!r}, "
            "where no mark of that kind belongs: a speck read as a mark.",
        )


# a hyphen standing alone between words, with any specks read beside it: "the - human", "are - _ often"
LONE_HYPHEN = lazy(r"(?<=[ \t])-(?:[ \t]+[-~_.•])*(?=[ \t]+\p{L})")
#: Articles, possessives and prepositions, after which not even a writer types a dash.
NO_DASH_AFTER = frozenset(
    ("the", "a", "an", "of", "its", "their", "my", "your", "our", "by", "with", "from", "into")
)
_BLANKS = re.compile(r"[ \t]*")
_WORD_AFTER = lazy(r"[ \t]+(\p{L}+)")
#: Words that cannot end a phrase, so no dash follows them ("the - human", "is - destined").
NO_PHRASE_END = frozenset((
    "the", "a", "an", "of", "to", "by", "for", "with", "from", "into", "in", "on", "at", "its", "their",
    "my", "your", "our", "is", "are", "was", "were", "be", "been", "very", "we", "they", "he", "she",
))  # fmt: skip


def _lone_hyphens(text: str, badly: bool) -> Iterator[Finding]:
    """A hyphen standing alone between words in OCR-damaged text, where no dash can stand: after a
    word that cannot end a phrase, after a comma or a sentence's end, in a run of specks ("| - ."),
    or inside a phrase ("fell - upon"; :data:`PHRASE_PMI`); a printed dash is read as a dash ("—")
    or a double hyphen, and a hyphen set off by spaces there is a speck.  It goes with the space
    after it.  Unless the text is ``badly`` damaged, only after an article or preposition, or inside
    a phrase of lower-case words: a writer types "it is - however", "Mon. - Sat." and "Monday -
    Saturday"."""
    for m in LONE_HYPHEN.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" \t")
        if not before or before[-1] in "\r\n":
            continue  # a list's bullet
        word = regex.search(r"(\p{L}+)$", before)
        run = len(m.group(0).split()) > 1
        after = _WORD_AFTER.match(text, m.end())
        phrase = word and after and _association(word.group(1), after.group(1)) >= PHRASE_PMI
        if not badly:
            phrase = phrase and word.group(1).islower() and after.group(1).islower()
            if not (phrase or (word and word.group(1) in NO_DASH_AFTER)):
                continue
        elif not (run or before[-1] in ",.;:" or (word and word.group(1).lower() in NO_PHRASE_END) or phrase):
            continue  # "photography - developed", "watch - more": it may be a dash
        blanks = _BLANKS.match(text, m.end())
        end = blanks.end() if blanks else m.end()
        yield _punct_finding(
            m.start(),
            end,
            "",
            f"lone {m.group(0)!r} between words",
            f"{m.group(0)!r} stands alone where no dash can (after {before.split()[-1]!r}); this OCR-damaged "
            "text reads printed dashes as dashes, so it is a speck.",
        )


def _function_second(a: str, b: str) -> bool:
    """Whether ``b`` is a function word that is no compound's second part ("the plan- its cost"):
    the hyphen before it is a dash typed as one, not a line-end break."""
    lb = b.lower()
    return lb in GLUE_WORDS and lb not in PARTICLES and f"{a.lower()}-{lb}" not in GLUE_COMPOUNDS


#: The dashes a text may write between words, as they stand between them.
_DASHES = ("\u2014", " \u2013 ", " -- ")


def _dash_of(text: str) -> str:
    """The dash ``text`` writes between words most often: an em dash ("the plan\u2014a bold one"), a
    spaced en dash ("the plan \u2013 a bold one") or a spaced double hyphen; an em dash if none."""
    best = max(_DASHES, key=text.count)
    return best if text.count(best) else _DASHES[0]


def _dash_like(a: str, b: str) -> bool:
    """Whether the hyphen of ``a-b`` may be a dash typed as a hyphen: ``b`` can open an aside ("the
    plan-a bold one") or be the verb after one ("the plan-is sound"), and ``a`` can end a phrase (a
    dash never follows "the")."""
    return (b.lower() in DASH_OPENERS or b.lower() in DASH_CLOSERS) and a.lower() not in NEVER_GLUED_FIRST


def _glued_by_hyphen(a: str, b: str, lex: lexicon_mod.Lexicon, damaged: bool) -> bool:
    """Whether ``a-b`` is two words a misread space joined: both are words, one a function word that
    forms no compounds, and neither the pair nor the two run together is a word.

    Outside OCR-damaged text (``damaged`` false) only the words of :data:`NEVER_GLUED` count, and
    only on the side where no compound takes them ("castle-of", "still-be", but not "a-hunting").
    """
    if a.isupper() and b.isupper() and len(a) + len(b) > 2:
        return False  # an acronym compound ("CC BY-SA", "WORLD-WIDE"), not two words glued
    if a[:1].isupper() and b[:1].isupper() and "I" not in (a, b):
        # a compound of a name or a title, capitalised whole: "The Curse of the Were-Rabbit" (but
        # "the Naval Academy-I" is a dash typed as a hyphen before the pronoun)
        return False
    if a == "A" and b.islower():
        return False  # a letter's compound, as "T-shirt" and "X-ray" are: "A-list", "A-frame", "A-bomb"
    la, lb = a.lower(), b.lower()
    if f"{la}-{lb}" in GLUE_COMPOUNDS or lex.zipf(la + lb) >= KNOWN_ZIPF or lex.is_core(la + lb):
        return False
    if not damaged:
        if not (la in NEVER_GLUED_FIRST or lb in NEVER_GLUED_SECOND):
            return False
    elif la not in GLUE_WORDS and lb not in GLUE_WORDS:
        return False
    if lb in PARTICLES and la not in GLUE_WORDS:
        return False  # "look-out", "passer-by"
    if la in COMPOUND_FIRSTS and lb not in GLUE_WORDS:
        return False  # "all-purpose", "the then-president"
    if lb in ("for", "of") and la.endswith(("ed", "ght")):
        return False  # a participle's compound: "a wished-for chance", "an unthought-of plan"
    if la in ("he", "she") and lb not in GLUE_WORDS and _association(la, lb) < SEXED_NOUN_PMI:
        return False  # a male or female animal: "he-goat", "she-wolf"; not a verb ("He-gave")
    return all(w in GLUE_WORDS or (len(w) >= 2 and _known(w, lex)) for w in (la, lb))


def _quoting_prefix(text: str, line_start: int, bar: int) -> bool:
    """Whether the bar at ``bar`` opens its line (after white space) and the line before or after
    opens with a bar too (:func:`_table_row` of each): mail marks quoted lines so ("| see what I
    can do")."""
    if not _table_row(text, bar + 1):
        return False
    if line_start > 0 and _table_row(text, line_start - 1):
        return True
    after = text.find("\n", bar)
    if after < 0:
        return False
    next_end = text.find("\n", after + 1)
    return _table_row(text, next_end if next_end >= 0 else len(text))


def _other_bars(text: str, start: int, end: int, damaged: bool) -> int:
    """Bars and brackets in ``text[start:end]`` other than those read for the pronoun I: before a
    verb, or set off at a clause's start before a lower-case word (a paragraph of OCR text may hold
    several "| was", "| have", "; | hope"; a table row has other bars).  A bracket that closes is
    a bracket ("[see No. 276]", "[88]"), neither a bar nor a cell's edge.  In OCR-damaged text a
    line whose bars are mostly read for I (PROSE_BARS to one) is prose: its other bars are specks
    too ("were | prevented"), and none counts."""
    pairs = sum(1 for _ in _BRACKETED.finditer(text, start, end))
    marks = sum(text.count(c, start, end) for c in "|[]") - 2 * pairs
    pronouns = {x.start(1) for x in PRONOUN_I.finditer(text, start, end) if x.group(1) in "|[]"}
    pronouns.update(
        x.start(1) for x in BAR_BEFORE_WORD.finditer(text, start, end) if _pronoun_slot(text, x.start(1))
    )
    others = max(0, marks - len(pronouns))
    if damaged and len(pronouns) >= PROSE_BARS * max(1, others):
        return 0
    return others


def _framed_by_bars(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` opens and closes with a bar, as a table's row does."""
    line = text[start:end].strip()
    return len(line) > 1 and line[0] == "|" and line[-1] == "|"


def _unit_after_number(text: str, low: str, start: int) -> bool:
    """Whether ``low``, the lower-cased word at ``start``, is a unit written after its number: a short
    form of :data:`NUMBER_UNITS` with a number before it ("1 in.", "2 gal.")."""
    return low in NUMBER_UNITS and _NUMBER_BEFORE.search(text, max(0, start - 20), start) is not None


#: A Markdown table's delimiter row, outer bars optional: "------ | -----------", ":--|--:".
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\r?")
#: How many lines above a row its table's delimiter row may stand.
DELIMITER_REACH = 200


def _in_pipe_table(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` is a row of a Markdown table whose rows need no outer
    bars ("`minimal` | only the summary"): a delimiter row heads its block of lines, or follows the
    line (the header row)."""
    below = text.find("\n", start) + 1
    if below:
        below_end = text.find("\n", below)
        if _DELIMITER_ROW.fullmatch(text, below, len(text) if below_end < 0 else below_end):
            return True
    for _ in range(DELIMITER_REACH):
        end = text.find("\n", start)
        if _DELIMITER_ROW.fullmatch(text, start, len(text) if end < 0 else end):
            return True
        if start == 0:
            return False
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev : start - 1].strip():
            return False  # a blank line ends the block
        start = prev
    return False


def _paired(text: str, at: int, start: int, end: int) -> bool:
    """Whether the bracket at ``at`` closes, or is closed, within its line ``text[start:end]``."""
    if text[at] == "[":
        m = _BRACKETED.match(text, at, end)
        return m is not None
    k = text.rfind("[", start, at)
    m = _BRACKETED.match(text, k, end) if k >= 0 else None
    return m is not None and m.end() == at + 1


#: How many bars read for I to one other bar make an OCR-damaged line prose, not a table row.
PROSE_BARS = 3


# a bracketed aside or note on one line: "[see No. 276]", "[Footnote 1:", "[88]" (no bar inside)
_BRACKETED = lazy(r"\[[^\[\]|\r\n]{1,120}\]")


_CLAUSE_WORDS = frozenset(
    (
        "and",
        "but",
        "then",
        "that",
        "when",
        "as",
        "if",
        "so",
        "because",
        "though",
        "while",
        "where",
        "until",
        "or",
    )
)


#: How far from a lone "1" another number makes it a number too.
NUMBER_REACH = 60


def _numbers_near(text: str, start: int, end: int) -> bool:
    """Whether a digit stands within NUMBER_REACH characters of ``text[start:end]``."""
    around = text[max(0, start - NUMBER_REACH) : start] + text[end : end + NUMBER_REACH]
    return any(c.isdigit() for c in around)


def _reads_as_capital_i(word: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether a word opening with a small l reads as a capital I's word (:func:`glyphs.i_reading`)."""
    from repair.detectors.ocr.glyphs import i_reading  # glyphs builds on this module

    return i_reading(word, lex) is not None


def _pronoun_slot(text: str, offset: int) -> bool:
    """Whether a clause starts at ``offset``: text start, sentence punctuation, a quote or a conjunction."""
    before = text[max(0, offset - 40) : offset].rstrip()
    prev = regex.search(r"(\p{L}+)\.$", before)
    if prev and prev.group(1).lower() in ABBREVIATIONS:
        return False  # "No. 7 might", "Vol. 1 was"
    if not before or before[-1] in ".!?;:“\"‘'(—":
        return True
    if regex.search(r"\d[\s,]+(?:and|or|to|nor)$", before):
        return False  # "Explorer 6 and 7 have": a number in a series, not the pronoun
    last = regex.search(r"(\p{L}+)$", before)
    return bool(last) and last.group(1).lower() in _CLAUSE_WORDS


_RESIDUE = lazy(r"(?<=[.!?”’:;,])((?:[ \t]+[^\s]{1,4}){1,8})\s*\Z")


def _trailing_residue(doc: Document, text: str) -> Iterator[Finding]:
    """Specks read as short tokens after the last sentence of an OCR-damaged text ("pioneer. : 2 i")."""
    noisy = ocr_noise(doc) >= 2
    lex = None
    # the residue lies on the last line with text (its marks and words cannot span a line end)
    body = text.rstrip()
    last_line = max(body.rfind("\n"), body.rfind("\r")) + 1
    for m in _RESIDUE.finditer(text, last_line):
        tokens = m.group(1).split()
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.end()]
        if line.count("|") > 1:
            continue  # a table row
        if _numbered(text, m.start(1), tokens):
            continue  # a reference's number: "No. 11.", "Sonata, Op. 2."
        if not noisy and any(regex.search(r"[\p{L}\p{N}]", t) for t in tokens):
            continue
        if lex is None:
            lex = lexicon_mod.lexicon()
        if not all(_residue_token(t, lex) for t in tokens):
            continue
        yield _punct_finding(
            m.start(1),
            m.end(1),
            "",
            f"residue {m.group(1).strip()!r} after the last sentence",
            "short tokens that are no words follow the paragraph's last sentence: specks read as text.",
        )


#: Abbreviations a number follows: "No. 11", "Op. 2", "Vol. 3", "p. 310".
NUMBERED = frozenset(("no", "nos", "op", "vol", "vols", "p", "pp", "ch", "fig", "figs", "art", "sec"))


def _numbered(text: str, start: int, tokens: list[str]) -> bool:
    """Whether the short tokens after ``start`` hold a number that an abbreviation before it or among
    them introduces ("No. 11.", "Op. 2."): a reference, not specks."""
    before = text[max(0, start - 8) : start].split()
    words = [*before[-1:], *tokens]
    pairs = itertools.pairwise(words)
    return any(a.endswith(".") and a[:-1].lower() in NUMBERED and b[:1].isdigit() for a, b in pairs)


#: Characters from here on (arrows, symbols, dingbats, emoji; CJK too) are no OCR speck.
SYMBOLS_FROM = 0x2190


#: Emoticons typed with punctuation: ":-)", ";)", ":-(", ":D", "^_^", "<3".
_EMOTICON = regex.compile(r"[:;=8][-o^']?[()\[\]DPpO*|/\\]+|\^_*\^|<3|[()][-^']?[:;]")


def _residue_token(token: str, lex: lexicon_mod.Lexicon) -> bool:
    if any(ord(c) >= SYMBOLS_FROM for c in token) or _EMOTICON.fullmatch(token):
        return False  # an emoji or emoticon, an arrow, a dingbat: typed on purpose, never a speck
    if not regex.search(r"[\p{L}\p{N}]", token):
        return True
    core = token.strip(".,;:!?'’”“‘\"()[]-_~").lower()
    if core.isdigit():
        return len(core) <= 3
    if core in ("a", "o") or (len(core) >= 2 and lex.is_core(core) and lex.zipf(core) >= 3.0):
        return False
    return len(core) <= 4


def _periods_after_function_words(text: str, stray: set[int], lex: lexicon_mod.Lexicon) -> Iterator[Finding]:
    """OCR005 in OCR-damaged text for a period after a determiner (no sentence ends on "the"), or
    after a preposition or conjunction before a word that opens no sentence: a name ("of. Haydn"), a
    lower-case word after a quotation mark ("to. “organize”").  ``stray``: periods reported already."""
    for m in scan(PERIOD_BEFORE_WORD, "PERIOD_BEFORE_WORD", text):
        word, nxt = m.group(1), m.group(2)
        low = word.lower()
        if m.end(1) in stray or not (word.islower() or word.istitle()):
            continue
        if _unit_after_number(text, low, m.start(1)):
            continue  # "1 in. in girth": a unit after its number
        if low not in NEVER_FINAL:
            if low not in RARELY_FINAL or not word.islower():
                continue
            opener = nxt == "I" or low in FINAL_PARTICLES or lex.zipf(nxt.lower()) >= OPENER_ZIPF
            if nxt[0].isupper() and opener:
                continue  # a sentence may end on "of" and the next open on "It", or on "upon" and "Ivor"
        yield _punct_finding(
            m.end(1),
            m.end(1) + 1,
            "",
            f"period after {word!r}",
            f"in this OCR-damaged text a period stands after {word!r}, "
            + (
                "a determiner that no sentence ends on."
                if low in NEVER_FINAL
                else f"and {nxt!r} after it opens no sentence: the period is a speck."
            ),
        )


def _identifier_goes_on(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` goes on as a name from code does: a hyphen or underscore
    and a letter or digit, or a digit ("sb-grovel", "my_var", "utf8")."""
    nxt = text[end : end + 2]
    return nxt[:1].isdigit() or (nxt[:1] in ("-", "_") and nxt[1:2].isalnum())


def _period_finding(m: regex.Match[str], where: str) -> Finding:
    """OCR005 for the period after ``m.group(1)`` before the lower-case ``m.group(2)``: removed, or
    read as a comma before a conjunction or a relative pronoun (the mark was most likely one)."""
    word, nxt = m.group(1), m.group(2)
    comma = nxt in COMMA_BEFORE
    return _punct_finding(
        m.end(1),
        m.end(1) + 1,
        "," if comma else "",
        f"period inside a sentence after {word!r}",
        f"{where}the next word {nxt!r} starts in lower case and {word!r} is no abbreviation"
        + ("; before a conjunction the mark is read as a comma." if comma else "."),
    )


# two periods after a word where print has one, before a sentence ("unaltered.. These"; not an
# ellipsis, nor the trailing ".." of a writer who types in lower case: "anyway.. i dont");
# a period after a comma before a lower-case word ("Bach,. which"); a period after the pronoun I
# before a lower-case word ("I. mean to"; not a king's numeral, "Robert I. and William II.")
DOUBLE_PERIOD = lazy(r"(?<=\p{L}[)\]”’\x22']?\.)(\.)(?=[ \t]+[“‘]?\p{Lu}\p{Ll})")
COMMA_PERIOD = lazy(r"(?<=\p{L}[)\]”’\x22']?,)(\.)(?=[ \t]+\p{Ll})")
PRONOUN_PERIOD = lazy(r"(?<![\p{L}\p{N}.])(?<!\p{Lu}\.[ \t])(?<!\p{Lu}\p{Ll}+[ \t])I(\.)(?=[ \t]+\p{Ll}{2,})")


# a hyphen glued to the front of a lower-case word after a word ("this statement -how and when"), or
# to the end of a word before a function word its letters make no word with ("Christianity shed- the")
LEADING_HYPHEN_ZIPF = 4.5  # how common the word after such a hyphen must be: "-how", "-modern"
LEADING_HYPHEN = lazy(r"(?<=\p{L}[,;]?[ \t]+)(-)(?=\p{Ll}{2,}(?![\p{L}\p{N}-]))")
TRAILING_HYPHEN = lazy(
    r"(?<=\p{Ll}{2})(-)(?=[ \t]+(the|is|a|an|of|in|was|with|that|his|her|it|at|by|for|on)\b(?![-’']))"
)


def _glued_hyphens(text: str, lex: lexicon_mod.Lexicon) -> Iterator[Finding]:
    """Hyphens glued to one side of a word that join it to nothing, in badly damaged text (OCR005)."""
    for m in LEADING_HYPHEN.finditer(text):
        if _dash_pair(text, m.start(1)):
            continue  # "very few are -that- lucky": a dash pair typed as hyphens
        prev = regex.search(r"(\p{L}+)[,;]?[ \t]+$", text[max(0, m.start(1) - 40) : m.start(1)])
        nxt = regex.match(r"\p{L}+", text[m.end(1) :])
        if nxt is None or lex.zipf(nxt.group().lower()) < LEADING_HYPHEN_ZIPF:
            continue  # "with -verbose": a program's option, not a speck
        if prev is not None and _bound(prev.group(1), nxt.group()):
            continue  # "well -known": a compound's hyphen, its space misread
        yield _punct_finding(
            m.start(1),
            m.end(1),
            "",
            "'-' glued to the front of a word",
            "in this OCR-damaged text a hyphen stands before a word it joins to nothing: a speck.",
        )
    for m in TRAILING_HYPHEN.finditer(text):
        word = regex.search(r"\p{L}+$", text[max(0, m.start(1) - 40) : m.start(1)])
        if word is None or lex.zipf((word.group() + m.group(2)).lower()) > 0:
            continue  # "in- to", "mi- nor": a word broken at a line's end (OCR002)
        yield _punct_finding(
            m.start(1),
            m.end(1),
            "",
            "'-' glued to the end of a word",
            "in this OCR-damaged text a hyphen follows a word and joins it to nothing: a speck.",
        )


#: Periods stacked on another mark, with what each finding says.
_STACKED = (
    (DOUBLE_PERIOD, "'..' after a word", "a second period follows the first where print has one."),
    (COMMA_PERIOD, "',.' after a word", "a period follows a comma before a lower-case word: a speck."),
    (
        PRONOUN_PERIOD,
        "'I.' before a lower-case word",
        "a period parts the pronoun I from the word it leads: a speck.",
    ),
)


def _stacked_marks(text: str) -> Iterator[Finding]:
    """Periods an OCR engine stacked on another mark, in badly damaged text (OCR005).  (An ellipsis is
    none: the double period needs a letter before its first period.)"""
    for pattern, message, why in _STACKED:
        for m in pattern.finditer(text):
            yield _punct_finding(m.start(1), m.end(1), "", message, "in this OCR-damaged text " + why)


def _glued(doc: Document) -> list[regex.Match[str]]:
    """The marks glued between two runs of letters (``GLUED``) that are no name, abbreviation,
    quoted file name or build file ("e.g.", "'setup.py'", "configure.in"), found once per document:
    :func:`specks` reads them for marks inside a word, OCR005 for marks between two words."""
    got = _GLUED.get(doc)
    if got is None:
        got = _GLUED[doc] = []
        text = doc.opaque
        for m in scan(GLUED, "GLUED", text):
            a, b = m.group(1), m.group(3)
            if _name_or_abbreviation(a, b) or (len(a) == 1 and a != "a"):
                continue
            if text[m.start() - 1 : m.start()] in QUOTE_MARKS and text[m.end() : m.end() + 1] in QUOTE_MARKS:
                continue  # a quoted file or option name: "'configure.in'", "`setup.py`"
            if b in FILE_SUFFIX_WORDS and ocr_noise(doc, names=False) < 2:
                continue  # a build file, not a lost space: "configure.in", "Makefile.am", "configure.ac"
            got.append(m)
    return got


_GLUED: weakref.WeakKeyDictionary[Document, list[regex.Match[str]]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Speck:
    """A mark inside a word, read off a speck on the page: the word's span, the mark's offset, why."""

    start: int
    end: int
    mark: int
    word: str
    why: str


_SPECKS: weakref.WeakKeyDictionary[Document, list[Speck]] = weakref.WeakKeyDictionary()


def specks(doc: Document) -> list[Speck]:
    """The document's words with a speck read as a mark inside them ("informa.tion"; OCR005 owns
    them, and the other rules leave their halves alone), found once per document."""
    got = _SPECKS.get(doc)
    if got is None:
        got = _SPECKS[doc] = []
        if not doc.technical:
            lex = lexicon_mod.lexicon()
            for m in _glued(doc):
                why = _speck_inside(doc, m.group(1), m.group(2), m.group(3), lex)
                if why is not None:
                    got.append(Speck(m.start(), m.end(), m.start(2), m.group(1) + m.group(3), why))
            got.extend(_short_tails(doc, lex))
            got.sort(key=lambda speck: speck.start)
    return got


#: A speck before a word's last letter ("th.e", "an,d", "wa.s"): the pattern of GLUED keeps two
#: letters after the mark, so that an abbreviation's "a.m" or "e.g" never reads as a word.  The
#: match starts at the mark, the word before it read by a look-behind: a pattern that starts with the
#: word is tried at every letter of the text (0.4 s of CPU over the 3.5 MB of bench books, 0.08 s so).
SHORT_TAIL = lazy(r"(?<=(?<![\p{L}\p{N}._/@'’-])(\p{L}{2,}))([.,])(\p{Ll})(?![\p{L}\p{N}@/_'’-]|\.\p{L})")
#: A word a speck cut before its last letter must be this common (Zipf) to be read whole again.
SHORT_TAIL_ZIPF = 4.5
#: Last letters a comma typed for an apostrophe stands before ("it,s", "let,s", "won,t").
_CONTRACTED = frozenset("st")


def _short_tails(doc: Document, lex: lexicon_mod.Lexicon) -> Iterator[Speck]:
    """Specks before a word's last letter: a very common word ("the", "and", "was") with its last
    letter cut off by a period or comma, the letter alone being no word ("a", "I")."""
    for m in SHORT_TAIL.finditer(doc.opaque):
        a, mark, b = m.group(1), m.group(2), m.group(3)
        if b in "ai" or (mark == "," and b in _CONTRACTED) or _name_or_abbreviation(a, b):
            continue
        joined = a + b
        if not _known(joined, lex, SHORT_TAIL_ZIPF):
            continue  # (the letter alone is no word, so the two sides are never two words)
        why = _speck_why(doc, f"{joined!r} is a common word and {a!r}{mark}{b!r} is none", mark)
        yield Speck(m.start(1), m.end(), m.start(2), joined, why)


def in_speck_word(doc: Document, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a word with a speck read as a mark (:func:`specks`)."""
    return any(s.start <= start and end <= s.end for s in specks(doc))


#: A word that a speck splits must be at least this common (Zipf) to be read whole again.
SPECK_WORD_ZIPF = 3.0


def _speck_inside(doc: Document, a: str, mark: str, b: str, lex: lexicon_mod.Lexicon) -> str | None:
    """Why ``a`` + ``mark`` + ``b`` is one word with a speck read as punctuation inside it
    ("informa.tion", "deci,sion"), or None: without the mark it is a common word, and the two
    halves are not both words (that is a mark glued between two words, "over.the").  Technical
    writing is left alone (:func:`specks`: "obj.attr"); outside OCR damage the finding is offered,
    not applied.  ("co,mmittee" stays to TYP001: "co" is an abbreviation, :func:`_name_or_abbreviation`.)"""
    if len(mark) != 1:
        return None
    joined = a + b
    if not _known(joined, lex, SPECK_WORD_ZIPF) or (_known(a, lex) and _known(b, lex)):
        return None
    return _speck_why(doc, f"{joined!r} is a dictionary word and {a!r}{mark}{b!r} is none", mark)


def _speck_why(doc: Document, reading: str, mark: str) -> str:
    """A speck's explanation: ``reading``, then what the mark is and whether the text is a scan's."""
    return f"{reading}: a speck on the page read as {mark!r}" + (
        "." if _speck_damaged(doc) else "; the text shows no other OCR damage, so check it."
    )


#: Words after which the pronoun is "me", never "I" ("with [ will", "of | was").
OBJECT_AFTER = frozenset((
    "with", "of", "to", "for", "by", "from", "in", "on", "at", "about", "into", "upon", "without",
    "between", "among", "through", "under", "over", "against", "toward", "towards",
))  # fmt: skip
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*$")


def _not_a_subject(text: str, line_start: int, start: int, end: int) -> bool:
    """Whether a mark that PRONOUN_I would read as "I" cannot be the subject "I": it follows a
    preposition ("Indexing with [ will"), or an adverb after it leads to a verb of the third person
    ("that [ always requires", "| often takes")."""
    before = _WORD_BEFORE.search(text, line_start, start)
    if before is not None and before.group(1).lower() in OBJECT_AFTER:
        return True
    word = _NEXT_WORD.match(text, end)
    if word.group(1) not in BAR_ONLY_VERBS:
        return False
    verb = _NEXT_WORD.match(text, word.end()).group(1)
    return len(verb) > 3 and verb.endswith("s") and not verb.endswith("ss") and verb not in ("was", "does")


#: How many times a text writes a word before a period glued to other words ("as.list", "as.call",
#: "as.name") before those are the names of a scheme rather than a scanner's misreadings.
DOTTED_SCHEME = 3


def _dotted_name(text: str, first: str, memo: dict[str, bool]) -> bool:
    """Whether ``first``, glued by a period to the next word, begins the dotted names of a scheme
    that the text writes ``DOTTED_SCHEME`` times or more (R's "as.list", "is.na", "on.exit" in a
    manual extracted from its PDF, where nothing marks them as code): a scan that misreads a space
    as a period does so at random, not before one word again and again.  ``memo`` keeps the answer
    for each word of this text (a damaged book glues hundreds of marks)."""
    if first not in memo:
        memo[first] = len(_dotted_pattern(first).findall(text)) >= DOTTED_SCHEME
    return memo[first]


@functools.lru_cache(maxsize=512)
def _dotted_pattern(first: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(first)}\.[a-z]")


def _speck_damaged(doc: Document) -> bool:
    """Whether the text shows OCR damage besides marks between letters, which a speck inside a
    word is one of (``ocr_noise`` without them)."""
    return ocr_noise(doc, names=False) >= 1


def _punct_finding(
    start: int,
    end: int,
    replacement: str,
    message: str,
    explanation: str,
    safe: bool = True,
    alternatives: tuple[str, ...] = (),
) -> Finding:
    return finding(
        "OCR005",
        start,
        end,
        f"stray punctuation: {message}",
        replacement=replacement,
        applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
        confidence=0.8 if safe else 0.6,
        explanation=explanation[:1].upper() + explanation[1:],
        alternatives=alternatives,
    )
