"""Sound-alike candidates: words that are spelled far apart but sound alike, as Aspell's "soundslike".

A child or a hurried writer often spells a word the way it sounds ("nessisary",
"thay", "enuf"), which is more than two letter edits from the word meant.  Each
word gets a compact English sound key, a simplified Metaphone of our own:
consonant sounds written once each, vowels kept only at the start (as ``A``).
Common dictionary words (Zipf at least :data:`MIN_ZIPF`) are indexed by key in
the spelling index (:mod:`repair.spelling.lexicon`); a misspelling then reaches
the words whose key equals its own or lies one key edit away, however many
letters apart they are (within limits: the same first letter, at most three
plain edits).  Only common words are
reached this way: a rare word that merely sounds like a misspelling is more
likely a coincidence than the word meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from repair.spelling.cost import levenshtein

if TYPE_CHECKING:
    from repair.spelling.lexicon import Lexicon

#: Words shorter than this get no sound-alike candidates.
MIN_LENGTH = 4
#: Only words at least this common are reached by sound.
MIN_ZIPF = 4.0
#: Edit cost of a candidate reached only by its sound (about two cheap letter edits), and what
#: each edit between the two sound keys adds; keys one edit apart are looked up too.
SOUND_COST = 1.0
KEY_EDIT_COST = 1.0
#: Keys shorter than this reach nothing by sound (a one-letter key matches too many words).
MIN_KEY = 2
#: A sound-alike must start with the same letter (or both with a vowel) and differ in length by
#: at most this much ...
MAX_LENGTH_GAP = 2
#: ... and lie at most this many plain letter edits away.
MAX_LETTER_EDITS = 3

_VOWELS = frozenset("aeiouy")
_FRONT = frozenset("eiy")
#: Words may start with different letters of these and still sound alike ("afen", "often").
_INITIAL_VOWELS = frozenset("aeiou")
_INITIAL = (("kn", "n"), ("gn", "n"), ("pn", "n"), ("wr", "r"), ("ps", "s"), ("wh", "w"), ("x", "s"))
_PLAIN = {
    "b": "B", "d": "T", "f": "F", "j": "J", "k": "K", "l": "L", "m": "M", "n": "N",
    "p": "P", "q": "K", "r": "R", "s": "S", "t": "T", "v": "F", "z": "S",
}  # fmt: skip


def sound_key(word: str) -> str:
    """The sound key of a lower-case word: ``thay`` and ``they`` both give ``0``, ``nessisary``
    and ``necessary`` both ``NSSR``, ``enuf`` and ``enough`` both ``ANF``."""
    w = "".join(c for c in word.lower() if "a" <= c <= "z")
    for old, new in _INITIAL:
        if w.startswith(old):
            w = new + w[len(old) :]
            break
    out: list[str] = []
    last = ""
    n = len(w)
    i = 0
    while i < n:
        c = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        prev = w[i - 1] if i else ""
        code = ""
        step = 1
        if c == "y" and nxt in _VOWELS and nxt:
            code = "Y"  # a consonant "y" ("yes", "beyond")
        elif c in _VOWELS:
            if i == 0:
                code = "A"
            elif c == "y" and nxt and nxt not in _VOWELS and prev not in _VOWELS:
                code = ""  # a vowel "y" inside a word, as in "myth"
        elif c == prev and c != "c":
            code = ""  # a doubled letter sounds once
        elif c == "c":
            if nxt == "h":
                code, step = "X", 2
            elif nxt in _FRONT:
                code = "S"
            elif nxt == "k" or nxt == "q":
                code = ""  # the k or q sounds it
            else:
                code = "K"
        elif c == "g":
            if nxt == "h":
                # "gh" is silent after a vowel ("though", "night") and f at a word's end ("enough")
                code = "G" if i == 0 else ("F" if i + 2 == n and prev in "ou" else "")
                step = 2
            elif nxt == "n" and i + 2 == n:
                code = ""  # "sign"
            elif nxt in _FRONT and prev != "g":
                code = "J"
            else:
                code = "K"
        elif c == "d" and nxt == "g" and w[i + 2 : i + 3] in _FRONT and i + 2 < n:
            code, step = "J", 2
        elif c == "p" and nxt == "h":
            code, step = "F", 2
        elif c == "s" and nxt == "h":
            code, step = "X", 2
        elif c == "s" and nxt == "i" and w[i + 2 : i + 4] in ("on", "an"):
            code = "X"  # "-sion"
        elif c == "t" and nxt == "h":
            code, step = "0", 2
        elif c == "t" and nxt == "i" and w[i + 2 : i + 4] in ("on", "al", "an"):
            code = "X"  # "-tion", "-tial"
        elif c == "t" and nxt == "c" and w[i + 2 : i + 3] == "h":
            code = ""  # "watch": the ch sounds it
        elif c == "h":
            code = "H" if (nxt in _VOWELS and nxt and (not prev or prev in _VOWELS)) else ""
        elif c == "w" or c == "y":
            code = c.upper() if nxt in _VOWELS and nxt else ""
        elif c == "x":
            code = "KS"
        else:
            code = _PLAIN.get(c, "")
        if code and code != last:
            out.append(code)  # a consonant sound written twice in a row ("ck", "ss") counts once
        if code or c in _VOWELS:
            last = code  # a vowel between two equal sounds keeps both ("dedicate")
        i += step
    return "".join(out)


def key_deletes(key: str) -> set[str]:
    """``key`` and the keys one deletion from it: two keys one edit apart share one of these."""
    return {key} | {key[:k] + key[k + 1 :] for k in range(len(key))}


def sound_costs(word: str, lex: Lexicon) -> dict[str, float]:
    """Common words that sound like ``word`` and look like it enough, with a phonetic edit cost
    (:data:`SOUND_COST` plus :data:`KEY_EDIT_COST` per key edit): the same first letter (or both
    a vowel), a length at most :data:`MAX_LENGTH_GAP` apart, at most :data:`MAX_LETTER_EDITS`
    letter edits."""
    key = sound_key(word)
    if len(key) < MIN_KEY:
        return {}
    first = word[:1]
    vowel = first in _INITIAL_VOWELS
    out: dict[str, float] = {}
    for w, k in lex.sound_alikes(key).items():
        if w == word or abs(len(w) - len(word)) > MAX_LENGTH_GAP:
            continue
        if w[:1] != first and not (vowel and w[:1] in _INITIAL_VOWELS):
            continue
        d = 0 if k == key else (1 if one_apart(key, k) else 2)
        if d <= 1 and levenshtein(word, w) <= MAX_LETTER_EDITS:
            out[w] = SOUND_COST + KEY_EDIT_COST * d
    return out


def one_apart(a: str, b: str) -> bool:
    """Whether two different keys are one substitution, insertion or deletion apart."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) < len(b):
        a, b = b, a
    return len(a) == len(b) + 1 and b in {a[:k] + a[k + 1 :] for k in range(len(a))}
