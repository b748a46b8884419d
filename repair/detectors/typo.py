"""Typo family: words that are not words, corrected with evidence from context.

One detector ranks dictionary candidates for each unknown word (see
:mod:`repair.spelling.correct`) and emits ``TYP001`` for typing slips and
``OCR001`` when the best correction undoes a glyph confusion of OCR engines.
``TYP002`` flags a damaged name, such as a name missing a letter whose intact
form the same document uses.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator

from repair.detectors.ocr.glyphs import l_reading, opens_sentence, sentence_i
from repair.detectors.ocr.structure import (
    ABBREVIATIONS,
    in_hyphen_break,
    in_speck_word,
    merged_in_context,
    ocr_noise,
    split_partner,
)
from repair.detectors.scrape.ligatures import GLYPHS
from repair.detectors.scrape.printable import cuts
from repair.document import Document
from repair.language import ENGLISH_FUNCTION_WORDS
from repair.markup import EMAIL_ADDRESS
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.spelling import context, variety
from repair.spelling import lexicon as lexicon_mod
from repair.spelling.correct import (
    GENDER,
    LISTED_COST,
    MAX_COST,
    Candidate,
    Ranking,
    best_gain,
    has_ocr_reading,
    near_common,
    pool,
    rank,
    rank_real,
    split_score,
    with_agreement,
    with_listed,
)
from repair.spelling.cost import describe, neighbours
from repair.spelling.protect import (
    KNOWN_ZIPF,
    PREFIXES,
    VOWELS,
    DocWords,
    after_initial,
    doc_words,
    foreign_context,
    left_context,
    morphologically_known,
    right_context,
    syllable,
)
from repair.spelling.tokens import word_texts
from repair.tokenize import LINE_HEAD, Token, common_prefix, is_sentence_start

#: Thresholds in log10 units of context-and-cost score.
SAFE_GAIN = 4.0
SAFE_MARGIN = 1.0
SAFE_MARGIN_RECURRING = 1.5
SAFE_COST = 1.5
SOLE_GAIN = 3.0
#: A correction at most one slip away and far ahead of every other reading needs less lead over the
#: word as written ("similiar", "seperate": a rival reading is what makes a small lead doubtful).
CLEAR_GAIN = 3.0
CLEAR_MARGIN = 2.0
CLEAR_COST = 1.0
#: A capitalised word at a sentence start may be a name: only a very common correction far ahead.
INITIAL_GAIN = 5.0
INITIAL_MARGIN = 1.5
INITIAL_ZIPF = 5.0
#: In a document with this many marks of OCR damage, corrections need less margin.
NOISY_MARKS = 2
NOISY_MARGIN = 0.5
NOISY_GAIN = 3.0
NOISY_FAR_GAIN = 6.0  # the gain and margin that make a correction costlier than SAFE_COST safe there
NOISY_FAR_MARGIN = 2.5
#: Two-letter words and capitalised words inside a sentence need overwhelming evidence.
STRICT_COST = 0.7
STRICT_GAIN = 5.0
STRICT_MARGIN = 2.0
NOISY_STRICT_GAIN = 3.0
NOISY_STRICT_MARGIN = 1.0
#: A correction reached only by its sound ("enuf" for "enough") is far from the letters as written:
#: it needs this much gain to be safe (foreign words in English text otherwise sound like English
#: ones), at any cost up to MAX_COST.
SOUND_GAIN = 6.0
#: A word that reads as a known word plus a prefix or suffix ("mistimed", "recarved") is corrected
#: only on this much evidence.
MORPH_GAIN = 5.0
MORPH_MARGIN = 2.0
#: Unlisted words up to this frequency are checked; from KNOWN_ZIPF up, a correction must be
#: FREQUENCY_LEAD more frequent (wordfreq counts common misspellings such as "untill").
SUSPECT_ZIPF = 4.0
FREQUENCY_LEAD = 1.5
#: In technical writing (see repair.markup.technical) an unknown word is reported only when it is
#: one slip from the correction, the text uses it once and the evidence makes the correction safe:
#: a word further off, used again or with a close rival reading is more often the name of a
#: program, file or option ("dgit", "libc", "soname", "mmap") than a misspelling.
TECHNICAL_COST = 1.0
#: Programs are named after what they do with a letter put before or after a short word ("etcd",
#: "lessc", "dcraw"): in technical writing a word this short that reads so is a name, and so is one
#: before "package", "library", "protocol" and the like (:func:`_named_program`).  Left to slips are
#: a letter dropped, changed or doubled inside and two swapped ("uggly", "occor", "lates", "liek"):
#: treating every short word so as a name would cost 27 safe fixes in mail about Linux, most of them
#: true, for 8 false ones in package descriptions.
TECHNICAL_SHORT = 6
UNSAFE_GAIN = 3.5
UNSAFE_MARGIN = 0.8
#: A runner-up reached by a slip writers often make (edit cost at most RIVAL_SLIP, a learned common
#: misspelling), RIVAL_COST cheaper than the best candidate's edit, is the likelier reading unless
#: the best leads it by RIVAL_MARGIN: "directoy" is "directory" (a letter left out) at least as
#: often as "directly" (a neighbouring key), whatever the frequencies say; so are "consummed"
#: ("consumed", not "consumer") and "parametic" ("parametric", not "paramedic").  Such a correction
#: is shown with its alternatives, never applied.  (A dearer rival, such as "big" for "biy" beside
#: "by", is no likelier than the best.)
RIVAL_SLIP = 0.6
RIVAL_COST = 0.2
RIVAL_MARGIN = 2.0
#: A word the context rejects this strongly (gain over the word as written), with a correction one
#: slip away, is a misspelling even when two corrections fit alike ("versoin": "version" or
#: "person"): it is shown with its alternatives, never changed.  A longer word needs less: the
#: short ones that far from every reading are more often slang, abbreviations and dialect ("xine",
#: "goot", "wisht").  Display findings carry at most DISPLAY_CONFIDENCE.
DISPLAY_GAIN = 6.0
DISPLAY_LENGTH = 7
DISPLAY_LONG_GAIN = 5.0
DISPLAY_COST = 1.0
DISPLAY_CONFIDENCE = 0.5

#: A stretch of text (the words of its paragraph within VARIANT_WINDOW of a word) with this many
#: marks of older or dialect spelling (:mod:`repair.spelling.variety`: "thou", "hath", "walkin'",
#: "saide", "wyfe") spells English another way on purpose: its unknown words are left alone,
#: except a misread glyph or two swapped letters. One other mark is enough when the word itself
#: is an old spelling ("repaire" for "repair" beside "hath").
VARIANT_WINDOW = 80
VARIANT_MARKS = 2

#: A word this long that is common in another language and rare in English (the lexicon's foreign
#: table) is that language's word more often than a slip: it is never corrected safely.
FOREIGN_LENGTH = 6
#: Zipf a correction of a capitalised word at a sentence start before a surname needs: a common
#: word ("Befor Monday" -> "Before"), not a rarer name ("Roderik Cole" -> "Roderick")
FIRST_NAME_ZIPF = 5.0
#: Lower-case particles inside names ("Ludwig van Beethoven", "Leonardo da Vinci")
NAME_PARTICLES = frozenset(
    ("bin", "ibn", "al", "de", "del", "della", "da", "di", "du", "van", "von", "der", "le", "la")
)

_CONTRACTIONS = ("s", "t", "ll", "re", "ve", "d", "m")
#: The first parts of the negative contractions ("shouldn't" less its "'t"), which no other word ends.
_NEGATIVE_HEADS = frozenset(
    (
        *("isn", "aren", "wasn", "weren", "hasn", "hadn", "doesn", "didn"),
        *("wouldn", "shouldn", "couldn", "mustn", "mightn", "needn"),
    )
)

TYP001_DOC = """Misspelled word: a word that is in no dictionary, with a close correction that fits.

## What it does
Flags a lower-case word that is neither in the dictionaries nor frequent in
English text, ranks the dictionary words within two edits of it, or within
two misspelling rules learned from codespell's list of Wikipedia misspellings
("ie" for "ei", "-ance" for "-ence"), or, when no spelling is close, the
common words that sound the same ("enuf" for "enough"), by edit cost (transpositions, doubled
letters, neighbouring keys, vowel slips and common learned confusions are
cheap) and by how well they fit the two words on either side (CMU's trigram
model and symspellpy's bigram counts), and proposes the best.  Between pronouns
of both genders ("hir": "her" or "his") the one that agrees with the nearest
third-person pronoun before it in the paragraph is preferred, as far as such
agreement is likely (85% in the bench books).  A common
misspelling that codespell's list corrects to one word ("goverment", "prefered",
"teh") is read as a misspelling even though wordfreq counts it or it looks like a
word plus a suffix, and is weighed as a word never seen (wordfreq and the trigram
model know "occuring" as a slip, not as a word).  Its listed correction costs
almost nothing, and is applied when the context prefers it by half a log10 unit
over any other reading (a whole unit in technical writing, whose software names the
list holds: pylint's "astroid"), or when the runner-up is the same word with another ending
while the misspelling ends as the listed correction does ("the minister recieved":
the trigram model weighs "receive" nearly as high, but the written "-ed" tells the
form); otherwise it is shown with the other readings.
When the runner-up is a common slip away and a cheaper edit than the best
("directoy": "directory" beside "directly"), the correction is only shown.

## Why is this bad?
A misspelling distracts the reader and defeats search.  Words next to
another unknown word (a foreign phrase, a formula; unless the correction leaves
no doubt, as with two slips in a row: "the kind ov thng"), and common words of another
language beside another of the same or beside another sign of that language
("comme il faut", "che la notte"), a word right after an article of another
language ("la massue"), the rest of a word completed in brackets ("[Mar]quet"),
are left alone, and so are words in a passage
spelt in an older or dialect way (a misread glyph or two swapped letters
excepted): a paragraph whose words near the word, on its side of any quotation
marks, show two marks of it ("thou", "hath", "walkin'", "'tis", "singeth", "saide", "wyfe"), or
one when the word is itself an old spelling ("repaire"); a verb in -eth, an old
past in -'d and an archaic function word are never slips.  Words that
look like a known word plus a prefix or suffix ("recarved"; by the spelling rules
of English, so "gatherd" is no "gather" plus "-d") are corrected only
when one correction is far ahead of every other reading and the document uses
the word once; two common words written as one ("manpage", "automake") are a
term, not a slip, outside OCR-damaged text.  A capitalised word at a sentence
start followed by a surname ("Roderik Cole", "Usaba bin Tarek") is a first
name: only a correction to a common word ("Befor Monday") is reported, unless
the evidence makes it safe.  A word drawn out for effect ("waaay", "holidayyyy":
a vowel three times running, or any letter at the end, that shortens to a common
word) is no slip outside OCR-damaged text, nor is an escape ("\\ufffd") or a piece of a word that an
e-mail encoder broke (see SCR013), a library's name ("libgcc", "libpng": "lib" and a program,
format or word), a coinage on "-ify" ("rustified"; in technical writing even one letter from a
far commoner word, "podified"), or a word of software writing
(`dictionaries/typo_technical.txt`: "struct", "mutex", "middleware").  Nor are a word cut short
by an ellipsis that begins a known word ("when the toolti...": a truncated title, SCR003's), or
by a hyphen and a dash (a speaker's false start in a transcript: "the early twe-—2000s"), a
contributor's handle in a change log (in parentheses before the change's link, "(gardnr) [#3374]",
heading a git shortlog, "- windowz (1):", after a name and a slash ending a list item, "* Elise Wood
/ glytch", among the names of a list, "Paul Evans, raiph, Renee Baecker", or first on a quotation's
attribution line, "-- greenrd in", or the name given with an e-mail address, "jds@… (Jes
Sorensen)"), a misspelling quoted as one ("remaning -> remaining", or in quotation marks in a
passage about spelling, or a quoted piece of a word quoted beside it: "enc" and "oding" of
"encoding"; a quoted term glossed in parentheses, '"vports" (analogous to ports)', and a word given
as a spelling, "sometimes spelled nummification", are mentioned too), a term an HTML page defines
("dfn", DocBook's "firstterm") or its plural, an exclamation of its own corrected to a function word
("(ouph!)"), a word after a C pointer's "*" ("the *pprivate pointer"), a word glued to a bracket
glued to letters ("m(asculine)") or to a brace ("--coverage-{ex,in}clude"), a folder of a path
("<sys/wait.h>"), a cell of a table (between bars, or on a row of values inside a reStructuredText
simple table's "=== ===" borders; a row of prose there is read), and a word
slashed to a word no dictionary holds in its core ("the src/dest path", "rx/tx"). In
technical writing without OCR specks a word of three letters or fewer one l-for-i glyph from a
word is a short form ("the maintained lts", "lf"): typists seldom strike l for i, and the
scans technical writing comes from show specks. A word that the document's links, paths or
code hold as a word, alone ("[rply](…/rply/)") or run together with the word beside it ("Capn
Design" over "www.capndesign.com"), is a name. The forms of dictionaries and glossaries are
no slips either: a syllable of a pronunciation or of a headword parted into syllables
("/man`yoo·la'ri·tee/", "\\Pro`to*plas*mat"ic\\"), a headword before its parted form or above its
indented entry ("cxref"), a cross-reference in braces ("See {terminak}"), a word after the
language an etymology names ("AS. dreng") or given with its meaning ("the Greek oura meaning
'tail'"), a short form with its period ("suff."), a word named as a term ("the term perfory"),
introduced ("sheets called cels, which") or glossed in parentheses ("redworm (earthworm)"), or
quoted after "not", an author cited with a year ("[Sammet 1969"), a surname after initials
("J.C.M. Baeten") and a name set far to the right under a verse. Nor is a species' Latin epithet
after its genus ("Ascaphus truei", "Rana dalmatina": a capitalised word that is no common English
word, then a lower-case word of five letters or more with a Latin ending, or any lower-case word
in the parentheses that give a common name's species: "(Orycteropus afer)"), nor a word among four
or more unknown words within five either side (a Latin sentence quoted, verse in a reformed
spelling), where no list tells the language.

## Example
```
The troops recieved their orders yesterday.
```

## Use instead
```
The troops received their orders yesterday.
```

## Fix safety
Safe only when the best candidate beats both the runner-up and the word as written by a wide
margin of context-and-frequency score and costs at most one and a half edits (or is the only
dictionary word within two edits, fits the context far better and is attested beside a neighbour
in the bigram counts); otherwise shown with the alternatives listed and never applied, even with
`--unsafe-fixes` (over typo_dev and the samples such corrections picked the wrong word more often
than the right one). A candidate one slip away
that leaves every other reading far behind needs a smaller lead over the word as written
("similiar"), unless it only adds a last letter: "metronom" and "technica" are words of other
languages and names. A word the context rejects overwhelmingly, one slip from a correction, but
with two corrections that fit alike ("the versoin": "version" or "person") is shown with its
alternatives and never changed, at confidence 0.5 or less; a word under seven letters needs more
evidence for that than a longer one (slang, abbreviations and dialect are short: "xine",
"goot").  A correction held back from safe by a reason below is unsafe, and shown only with
the lead a finding short of safe needs; where the reason makes the written word a word of its
own (a plural, a regular derivation, the writer's coinage, a word drawn out for effect) the
correction is another word, and it is only shown, never applied.  The plural of a dictionary word
("spoliations") is never corrected safely to another word, nor, outside OCR-damaged text, a
rare or variant spelling that SCOWL lists ("intrusted", "unfrequently": period spellings of old
prose; `dictionaries/typo_rare.txt.gz`), nor a regular derivation of a dictionary word the
lists leave out ("unsinged" of "singed", "atheistical" of "atheistic"), nor a word of the
text with a regular ending ("spermy" where the text writes "sperm": the writer's coinage), nor a word in "-ly"
to a correction that is no adverb ("minusculy" to "minuscule"), nor a word of five letters or
more drawn out for effect that no common word underlies ("tadaaa"), nor an older or
simplified spelling of a past form ("discust", "dropt": the past form is proposed), nor a
word one letter longer than a file type or technical abbreviation (those themselves, "wav",
"rpms", "dns", are never flagged), nor a word
corrected to a swear word (writers disguise those on
purpose), nor, but for a misread glyph, a word in a stanza of verse (two or more indented short
lines opening with capitals, or four or more set flush left, a sentence going on across a comma at
a line's end: a poem keeps its spelling, "grene", "alway", "vade"), nor a word in the quoted
speech of a text of 500 words or more whose quoted speech holds three or more words no dictionary
lists (a character's dialect: "take sich dangerous weepons").
A pronoun or verb run on to the next word in full ("Youare", "Iam", "isnot") is given back as
the two words; the contraction a spelling list offers ("You're") comes second, since it would
change the writer's words.
A word of six letters or more
that is common in another language and rare in English ("liquore") is never
fixed safely: it is more often that language's word than a slip.  A capitalised word at a
sentence start is fixed safely only to a very common word far ahead of every
other reading; inside a sentence only to undo an OCR glyph confusion.  A word
the document uses again needs a wider margin.  Capitalised words inside a
sentence, words the document uses five times or more (twice in technical
writing; OCR damage excepted, where a misreading recurs), allow-listed words and
frequent words are never flagged.
"""

OCR001_DOC = """OCR misreading: a non-word whose best correction undoes a glyph confusion.

## What it does
Like TYP001, but the winning correction reverses a confusion typical of OCR
engines: rn/m, cl/d, li/h, vv/w, l/1/I, O/0, e/c, u/n, b/h, long s/f and
ligatures ("tirne" for "time", "tbe" for "the"); also, in text with one other
mark of OCR damage or more, a common word with a stray accent ("madé" for
"made").  In a document that shows other OCR damage (two marks or more: broken
words, stray marks) the margin a correction needs is smaller, and more
misreadings of degraded pages count as glyph confusions (t/l, t/r, c/t, f/l, l/f,
j/l, ti/u, b/ti, n/ri, a lost "fi" ligature: "clearty", "occtipies", "frst"); a
capitalised word inside a sentence is corrected only to undo a glyph
confusion, on overwhelming evidence.  In damaged text a word of another language
whose "ü" was read as "ii" ("fiir", "Friichte") gets its "ü" back when the word
is in no list and common in that language.

## Why is this bad?
Scanned text full of misread glyphs is hard to read and to search.

## Example
```
He saw tbe house by the river.
```

## Use instead
```
He saw the house by the river.
```

## Fix safety
As TYP001: safe only when context and frequency put one candidate far ahead.
"""

#: A dictionary word rarer than this (Zipf) may be a slip for a common word (TYP003) ...
RARE_ZIPF = 3.0
#: ... when a correction at most REAL_COST away, at least REAL_LEAD Zipf units more common, beats
#: the word as written (at its full frequency) by REAL_GAIN and every other correction by REAL_MARGIN.
REAL_COST = 1.0
REAL_LEAD = 2.0
REAL_GAIN = 5.0
REAL_MARGIN = 1.5

TYP003_DOC = """Rare word for a common one: a rare dictionary word where a common word one slip away fits.

## What it does
Flags a lower-case word that is in the dictionary but rare (an "oaf", a
"wen", a "bast") when a word at least a hundred times as common lies one
cheap edit away and fits the two words on either side overwhelmingly better
(CMU's trigram model, with the word as written scored at its full frequency).
A word the document uses twice, allow-listed words, words in a foreign
phrase and words in a passage of older or dialect spelling (see TYP001) are
left alone, and so is technical writing, whose rare words are terms more
often than slips ("provably safe" is no "probably safe").  Nor is a common word's regular
plural or singular taken for a slip ("make their presences felt"): number is grammar.

## Why is this bad?
A slip that happens to spell another, rarer word passes every spelling
checker, yet reads as nonsense ("She talked abut her new job").

## Example
```
She talked abut her new job at the bank.
```

## Use instead
```
She talked about her new job at the bank.
```

## Fix safety
Safe: a finding is made only when the common word costs at most one edit,
beats the word as written by five log10 units of context-and-frequency
score and every other correction by one and a half; weaker evidence is not
reported at all (a rare word is usually meant).
"""

TYP002_DOC = """Damaged name: a lower-case fragment of a name the document spells in full.

## What it does
Flags a word that is a capitalised name of the same document without its
first letter ("assym-Jomart" beside "Kassym-Jomart"), or a hyphenated
name whose first part lost its capital and is in no dictionary.

## Why is this bad?
A broken name misleads readers and breaks search and entity linking.

## Example
```
President Kassym-Jomart Tokayev spoke. Later assym-Jomart Tokayev left.
```

## Use instead
```
President Kassym-Jomart Tokayev spoke. Later Kassym-Jomart Tokayev left.
```

## Fix safety
Unsafe when the intact name occurs in the document (the fix restores it);
display-only when there is no intact form to copy.
"""


def _cased(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


#: Swear words and slurs: a correction to one is never applied by default, since writers disguise
#: them on purpose ("fscking", "sh1t"), and none is listed among a finding's alternatives (a slip of
#: "beginner" must not offer a slur); written from general knowledge.
PROFANE = frozenset(
    (  # noqa: SIM905
        "fuck fucking fucked fucker fucks shit shitty shits cunt bitch bastard asshole dick piss pissed crap"
        " damn goddamn bollocks wanker twat nigger niggers nigga faggot faggots fag fags kike kikes spic"
        " spics chink chinks wetback wetbacks tranny trannies dyke dykes"
    ).split()
)
#: File types and technical abbreviations that informal and technical writing types in lower case
#: ("wav", "ogg", "rpms", "dns", "sdk", "addr", "msg"): never flagged, nor their plurals, and a
#: correction of one with a letter more ("ttya") is never applied by default; written from general
#: knowledge (words English has, "doc", "jar", "log", are not listed: they are known).
TECH_TERMS = frozenset(
    (  # noqa: SIM905 (a list of words reads best as words)
        "wav ogg mp3 mp4 m4a flac aac wma midi mkv avi wmv webm mov flv m4v ogv"
        " jpg jpeg png gif tif tiff bmp svg webp psd"
        " pdf docx xls xlsx ppt pptx csv tsv rtf odt ods zip tgz bz2 rar iso rpm deb exe dll msi dmg apk"
        " html htm css json xml yaml yml toml ini cfg conf php cpp hpp sql ttf otf woff eps ics vcf srt"
        " dns ssh ftp http https tcp udp ssl tls sdk api gpu usb vpn url uri gui cli irc smtp imap pop3 mms"
        " sms gps dvd ascii utf unicode tty ttl cron gcc glibc"
        " addr addrs msg msgs pls plz thx pkg pkgs src dirs repo repos args params func tmp cpu"
        # Unix programs, files and calls, which mail about Linux names in passing
        " untar gunzip gzip bzip2 tarball initrd initramfs vmlinuz fstab crontab chmod chown chgrp mkdir"
        " rmdir symlink symlinks printf fprintf sprintf malloc calloc realloc stdin stdout stderr cdrecord"
        " mkisofs egcs ifconfig iptables ipchains netstat nslookup procmail fetchmail sendmail qmail postfix"
        " xterm xinetd inetd sshd httpd dhcpd pppd isdn lilo grub"
        # C library calls and process ids, which release notes and mail name in passing
        " strlen strcmp strncmp strcpy strncpy strcat memcpy memmove memset memcmp bcmp bzero mmap munmap"
        " fopen fclose fread fwrite fseek ftell getenv setenv ioctl fcntl execve dlopen dlsym pid pids uid"
        " uids gid gids"
        # JavaScript's words for values that read as false or true
        " falsy truthy"
    ).split()
)
#: Words a writer runs on to the word before ("nota", "havea", "ofa"): a correction that only drops
#: one is read as the two words when that reads better in context.
RUN_ON_TAILS = frozenset(("a",))
#: A contraction's ending and the word it stands for: a pronoun or verb run on to the next word in
#: full ("Youare", "Iam", "donot") is those two words, and the contraction a spelling list offers
#: ("You're") would change the writer's words.
SPELLED_OUT = {"'re": "are", "'m": "am", "'s": "is", "'ll": "will", "'ve": "have", "n't": "not"}
#: Endings a writer offers after a slash as another form of the word before it ("directory/ies").
SLASHED_ENDINGS = frozenset(("es", "ies", "ren", "ed", "ing", "er", "ers"))
#: The longest token the misspelling rules look at: English words stop short of it
#: ("pneumonoultramicroscopicsilicovolcanoconiosis" has 45 letters).
MAX_LETTERS = 45
#: A vowel written three times running, or any letter at the word's end: no slip of the keys but a
#: word drawn out for effect ("sooo", "waaay", "holidayyyy", "errr"); a tripled consonant inside a
#: word is a slip ("runnning").
_ELONGATED = re.compile(r"([aeiouy])\1\1|([a-z])\2\2+$", re.IGNORECASE)
COMMON_SHORT_ZIPF = 5.0  # a drawn-out two-letter word must be a very common one ("sooo", "nooo"; not "eee")


#: Derivational endings SCOWL's lists do not add to a variant spelling ("reenforce" is listed,
#: "reenforcement" is not), and the shortest stem they are taken from.
_DERIVED_ENDINGS = ("ments", "ment", "ness", "ly", "ers", "er")
_DERIVED_STEM = 5


def _rare_spelling(low: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``low`` is a rare or variant spelling SCOWL lists (``dictionaries/typo_rare.txt.gz``:
    "intrusted"), or a word derived from one, or from a variant the lists know but do not propose
    ("reenforcement" of "reenforce", "intrustment" of "intrust")."""
    if lex.is_rare(low):
        return True
    for ending in _DERIVED_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= _DERIVED_STEM:
            flags = lex.info(stem)[1]
            if lex.is_rare(stem) or (flags & lexicon_mod.KNOWN and not flags & lexicon_mod.VOCAB):
                return True
    return False


#: How common (Zipf) the dictionary word under a regular derivation must be for the derivation to
#: read as a word: "unsinged" of "singed" (2.6), "atheistical" of "atheistic" (2.5).
_DERIVATION_ZIPF = 2.0
#: A verb made with "-ify" and its forms, from a stem of three letters or more ("podified", "jsonify").
_IFY = re.compile(r"([a-z]{3,}?)(?:ify|ifies|ified|ifying|ification|ifications)")


def _regular_derivation(low: str, lex: lexicon_mod.Lexicon, technical: bool) -> str | None:
    """The dictionary word ``low`` is regularly derived from, where English forms such words freely
    and the lists hold few of them: "un" and a participle ("unsinged": not singed, no slip for
    "unsigned"), "-al" after an adjective in "-ic" ("atheistical", "rhapsodical"), or, in technical
    writing, which coins such verbs of its terms, a verb made with "-ify" ("podified": made into
    POD, no slip for "modified"; elsewhere "clearifications" is a slip)."""
    ify = _IFY.fullmatch(low) if technical else None
    if low.startswith("un") and low.endswith(("ed", "en")) and len(low) >= 7:
        stem = low[2:]
    elif low.endswith("ical") and len(low) >= 8:
        stem = low[:-2]
    elif ify is not None:
        stem = ify.group(1)
    else:
        return None
    return stem if lex.is_core(stem) and lex.zipf(stem) >= _DERIVATION_ZIPF else None


#: Endings a writer adds to a word to make another ("waifed", "spermy", "whaleish"), with what the
#: word may have lost to them.
_COINING = (
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("y", ""),
    ("y", "e"),
    ("ish", ""),
    ("ish", "e"),
    ("like", ""),
    ("less", ""),
    ("ful", ""),
    ("ness", ""),
)
#: The shortest word a coinage may be made from (shorter ones are function words: "thed", "ony").
_COINED_STEM = 4


def _coined_from_own_word(dw: DocWords, lex: lexicon_mod.Lexicon, low: str) -> str | None:
    """The dictionary word of this text that ``low`` is made from with a regular ending ("had
    killed and waifed. The waif is a pennoned pole"; "its spermy heaps" in a chapter on the sperm
    whale): a writer who uses the word coins the other on purpose, where a slip seldom lands on a
    word of the text plus a whole ending.  A listed misspelling is no such word."""
    if lex.misspelling(low) is not None:
        return None
    for suffix, tail in _COINING:
        if not low.endswith(suffix):
            continue
        stem = low[: -len(suffix)] + tail
        for base in (stem, stem[:-1]) if len(stem) > _COINED_STEM and stem[-1] == stem[-2] else (stem,):
            if (
                len(base) >= _COINED_STEM
                and dw.counts[base] > 0
                and base not in ENGLISH_FUNCTION_WORDS
                and lex.info(base)[1] & (lexicon_mod.CORE | lexicon_mod.EXTRA | lexicon_mod.KNOWN)
            ):
                return base
    return None


#: The endings after which a past form's "ed" sounds "t", and simplified spelling writes it so.
_VOICELESS = ("p", "k", "s", "x", "f", "sh", "ch")
#: How common (Zipf) the past form a simplified spelling stands for must be.
_PAST_ZIPF = 3.0


def _reformed_past(low: str, best: str, lex: lexicon_mod.Lexicon) -> str | None:
    """The past form ``low`` spells as the simplified spelling of 1906 and older prose wrote it, a
    final "t" for "ed" ("discust": "discussed", "dropt": "dropped", "wisht": "wished"), when the
    correction ``best`` is not that form: undoing it to "discuss" changes the tense."""
    if len(low) < 4 or not low.endswith("t") or best.endswith("ed"):
        return None
    base = low[:-1]
    if not base.endswith(_VOICELESS):
        return None  # the ending sounds "t" only after these: "fired" is never spelt "firt"
    for past in (base + base[-1] + "ed", base + "ed"):
        if lex.zipf(past) >= _PAST_ZIPF and lex.is_core(past):
            return past
    return None


#: A border line of a reStructuredText simple table: runs of "=" for two columns or more.
_TABLE_BORDER = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*\r?$", re.MULTILINE)
#: The most lines of header between a simple table's top border and the border under its header.
_TABLE_HEADER = 3


def _spelled_out(low: str, best: str) -> tuple[str, str] | None:
    """The two words ``low`` runs together when ``best`` is their contraction ("youare" and "you're":
    "you", "are"; "donot" and "don't": "do", "not")."""
    for ending, word in SPELLED_OUT.items():
        head = best.removesuffix(ending)
        if head != best and head and low == head + word:
            return head, word
    return None


def _simple_tables(text: str) -> list[tuple[int, int]]:
    """The spans of reStructuredText simple tables in ``text``, borders included: a top border, a
    header of up to three lines and its border if one follows that soon (and rows follow it, not a
    blank line), the rows, a bottom border."""
    if "==" not in text:
        return []
    borders = [(m.start(), m.end()) for m in _TABLE_BORDER.finditer(text)]
    out: list[tuple[int, int]] = []
    k = 0
    while k + 1 < len(borders):
        top, nxt = borders[k], borders[k + 1]
        # a header's border is followed by the rows; a bottom border by a blank line or the end
        after = text[nxt[1] : nxt[1] + 3].lstrip("\r")
        header = text.count("\n", top[1], nxt[0]) <= _TABLE_HEADER and not (after[:2] == "\n\n" or not after)
        end = k + 2 if header and k + 2 < len(borders) else k + 1
        out.append((top[0], borders[end][1]))
        k = end + 1
    return out


#: Words, and the share of them the lists know, that make a table's row prose rather than values.
_PROSE_WORDS = 4
_PROSE_SHARE = 0.6
_ROW_WORD = re.compile(r"[A-Za-z]+")


def _prose_row(text: str, start: int, lex: lexicon_mod.Lexicon) -> bool:
    """Whether the line holding ``start`` reads as prose: a table's description column ("Dumps
    tasks that are in uninterruptable (blocked) state.") rather than values ("mtdar rX std rX")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _ROW_WORD.findall(text, line_start, len(text) if line_end < 0 else line_end)
    known = sum(1 for w in words if lex.info(w.lower())[1] & lexicon_mod.LISTED)
    return len(words) >= _PROSE_WORDS and known >= _PROSE_SHARE * len(words)


def _suspect(dw: DocWords, lex: lexicon_mod.Lexicon, low: str) -> bool:
    """Whether a lower-case word is unknown enough to look for a correction."""
    z, flags = lex.info(low)
    if flags & lexicon_mod.LISTED or z >= SUSPECT_ZIPF:
        return False
    return not (dw.allowed(low) or low in dw.capitalised)


#: A headword's form parted in syllables after it, between backslashes ("Uproll \Up*roll"\").
_PARTED_FORM = re.compile(r"[ \t]+\\([^\\\n]{1,60})\\")


def _parted_form_after(text: str, end: int, word: str) -> bool:
    r"""Whether ``word``, ending at ``end``, is followed by its own letters parted in syllables between
    backslashes, as Webster's dictionary sets a headword ("Uproll \Up*roll"\, v. t.")."""
    m = _PARTED_FORM.match(text, end)
    return m is not None and "".join(c for c in m.group(1) if c.isalpha()).lower() == word.lower()


#: Uses that make an unknown word a term of its document (outside OCR-damaged text, where a
#: misreading recurs: "tbe"); a writer's slip seldom recurs that often.
TERM_USES = 5
#: Zipf frequency each half of a closed compound must reach ("manpage": "man", "page"); in
#: technical writing, which coins such terms freely ("hashtable", "builddir"), a lower one.
COMPOUND_ZIPF = 4.0
TECHNICAL_COMPOUND_ZIPF = 3.5
COMPOUND_LENGTH = 7  # shorter words split too easily into two short words ("histry": "his", "try")


def _closed_compound(low: str, lex: lexicon_mod.Lexicon, technical: bool) -> bool:
    """Whether a word is two common dictionary words of three letters or more written as one
    (a term, not a slip: a slip rarely spells two whole common words)."""
    if len(low) < COMPOUND_LENGTH:
        return False
    floor = TECHNICAL_COMPOUND_ZIPF if technical else COMPOUND_ZIPF
    return any(
        lex.is_core(low[:k]) and lex.is_core(low[k:]) and min(lex.zipf(low[:k]), lex.zipf(low[k:])) >= floor
        for k in range(3, len(low) - 2)
    )


def _mode(doc: Document, dw: DocWords, base: str, start: int) -> str | None:
    """How a word is checked: ``word``, ``initial`` (capitalised at a sentence start), ``capital``
    (capitalised inside a sentence: only glyph confusions), ``short`` (two letters), or None."""
    if len(base) == 2:
        return "short" if base.islower() else None
    if base.islower():
        return "word"
    if base[0].isupper() and base[1:].islower():
        if after_initial(doc.masked, start):
            return "capital"  # a surname after an initial ("R. A. Hettinga wrote"), not a sentence start
        if _wrapped_on(doc.masked, start) and not ocr_noise(doc):
            # a name a line break put first on its line ("built on top of the\nXen and KVM"); in OCR
            # damage a capital there is as often a misread ("many\nVears before")
            return "capital"
        if _in_name_column(doc.masked, start):
            return "capital"  # a name in a column of names, one to a line ("Timo Lindfors" in credits)
        if _product_label(doc.masked, start):
            return "capital"  # a product's name opening a line of a list ("Litte OnAir TV")
        return "initial" if is_sentence_start(doc.masked, start) else "capital"
    return None


#: What may stand before a word that opens its line: indentation and a list's bullet.
LINE_LEAD = " \t-*•+"
#: A word of a line that is no sentence: a lower-case word (the line holds none), and a product's
#: marks (it holds one): a word in CamelCase or capitals, or a code of letters and digits.
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{2,}(?![\w-])")
#: The longest line (from the word on) read as a product's label.
LABEL_LENGTH = 80
_PRODUCT_MARK = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\d*|[A-Za-z]+\d+\w*)(?![\w-])")


def _product_label(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a line that holds no lower-case word but a product's mark
    ("Litte OnAir TV", "Buz (zr36067, zr36060)"): a list's label, a name, not a sentence.  A heading
    of plain words ("Instalation Guide") is no label: its slip is fixed."""
    line_start = text.rfind("\n", max(0, start - LABEL_LENGTH), start) + 1
    if (line_start == 0 and start > LABEL_LENGTH) or text[line_start:start].strip(LINE_LEAD):
        return False  # a label is short, and opens its line
    line_end = text.find("\n", start, start + LABEL_LENGTH + 1)
    if line_end < 0 and len(text) > start + LABEL_LENGTH:
        return False  # a label is short
    line = text[start : len(text) if line_end < 0 else line_end]
    return _LOWER_WORD.search(line) is None and _PRODUCT_MARK.search(line) is not None


#: A line that holds one person's name: two to four capitalised words or initials, with a name's
#: particles, after a list's bullet and before an address in angle brackets ("Timo Lindfors",
#: "- Ludwig van Beethoven <lvb@example.org>").
_NAME_LINE = lazy(
    r"[ \t]*(?:[-*•+][ \t]+)?\p{Lu}[\p{L}'’-]*\.?"
    r"(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*\.?|van|von|de|der|den|da|di|del|della|la|le|du|bin|ibn|al)){1,3}"
    r"(?:[ \t]+<[^>\n]*>)?[ \t]*\r?"
)


def _in_name_column(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a line that holds a name alone, and the line above or
    below holds a name alone too: a column of names (credits, an AUTHORS file), not sentences."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(LINE_LEAD):
        return False
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if not _NAME_LINE.fullmatch(text, line_start, line_end):
        return False
    above_end = line_start - 1
    above = text.rfind("\n", 0, max(0, above_end)) + 1
    below_end = text.find("\n", line_end + 1)
    below_end = len(text) if below_end < 0 else below_end
    return (above_end > 0 and bool(_NAME_LINE.fullmatch(text, above, above_end))) or (
        line_end < len(text) and bool(_NAME_LINE.fullmatch(text, line_end + 1, below_end))
    )


#: A line at least this long that ends in a lower-case letter or a comma is prose wrapped in the middle
#: of a sentence (a heading or a list item is shorter, or ends otherwise).
WRAPPED_LINE = 40


def _wrapped_on(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a line that carries on the sentence of the line before."""
    line = text.rfind("\n", 0, start)
    if line < 0 or text[line + 1 : start].strip(" \t"):
        return False
    prev = text[text.rfind("\n", 0, line) + 1 : line].rstrip(" \t\r")
    return len(prev) >= WRAPPED_LINE and (prev[-1:].islower() or prev[-1:] == ",")


def _unknown_name_beside(dw: DocWords, i: int) -> bool:
    """Whether a capitalised neighbour is in no dictionary ("Bojna Zrinski", "Teritorijalna obrana")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(dw.tokens):
            w = dw.tokens[j].text
            if w[:1].isupper() and w.isalpha() and w in dw.unknown_texts:
                return True
    return False


def _plural_of_listed(word: str, candidate: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``word`` is the plural (-s, -es, -ies) of a word in the dictionary lists that
    ``candidate`` is not a form of: the lists hold few plurals of rare nouns ("spoliations")."""
    for suffix, tail in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)] + tail
            if lex.info(stem)[1] and not candidate.startswith(stem[: max(4, len(stem) - 2)]):
                return True
    return False


def _elided(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` goes on after an apostrophe ("doens't", "accurs'd"),
    a possessive's "'s" aside ("goverment's")."""
    tail = text[end : end + 3]
    if tail[:1] not in ("'", "’") or not tail[1:2].isalpha():
        return False
    return not (tail[1:2] == "s" and not tail[2:3].isalpha())


def _after_opening_apostrophe(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows an apostrophe that opens it ("'gainst", "’neath"): after
    a space, a line's start or an opening bracket or quote, not after a letter ("o'clock")."""
    if text[start - 1 : start] not in ("'", "’", "‘"):  # (typesetting often turns it the wrong way)
        return False
    before = text[start - 2 : start - 1]
    return not before or before.isspace() or before in '([{"“‘—–-'


def _first_name(dw: DocWords, i: int, low: str) -> bool:
    """Whether token ``i`` (``low``), capitalised at a sentence start, may be a first name: a word
    English text uses (:data:`LISTED_NAME_ZIPF`) with a surname after it on its line."""
    if dw.lex.zipf(low) < LISTED_NAME_ZIPF:
        return False
    end = dw.tokens[i].end
    nxt = dw.tokens[i + 1].start if i + 1 < len(dw.tokens) else end
    return "\n" not in dw.doc.masked[end:nxt] and _surname_follows(dw, i)


#: A capitalised word rarer than this (Zipf, in lower case) after an unknown one at a sentence start
#: reads as a surname ("Bergmann"); a common one is a sentence's next word ("Teh United States").
SURNAME_ZIPF = 3.0


def _rare(lex: lexicon_mod.Lexicon, tok: Token) -> bool:
    """Whether the word of ``tok`` is rarer in lower case than :data:`SURNAME_ZIPF`."""
    return lex.zipf(tok.text.lower()) < SURNAME_ZIPF


def _surname_follows(dw: DocWords, i: int) -> bool:
    """Whether a capitalised word follows token ``i`` after a space (and any name particles:
    "van", "da"), as a surname follows a first name."""
    text = dw.doc.masked
    for j in range(i + 1, min(len(dw.tokens), i + 3)):
        if not text[dw.tokens[j - 1].end : dw.tokens[j].start].isspace():
            return False  # punctuation between: "Adsum," Frank answered
        w = dw.tokens[j].text
        if w in NAME_PARTICLES:
            continue
        return w[:1].isupper() and w[1:].islower() and w.isalpha()
    return False


#: What makes a word beside an unknown one (a foreign phrase, or two slips in a row: "ov thng")
#: a slip beyond doubt: the correction's lead over the word as written and over the runner-up.
BESIDE_GAIN = 7.0
BESIDE_MARGIN = 3.0


def _overwhelming(r: Ranking) -> bool:
    """Whether a ranking leaves no doubt: far ahead of the word as written and of every other
    candidate, at the cost of a plain slip."""
    best = r.best
    return best is not None and r.gain >= BESIDE_GAIN and r.margin >= BESIDE_MARGIN and best.cost <= SAFE_COST


#: One letter read for another (not a digit, not a letter of one stroke, not a run of letters read
#: as one): names differ so ("Rehob", "Rehab"; "Helbah", "Hellah").
_LETTER_FOR_LETTER = re.compile(r"OCR confusion '([a-z])'->'([a-z])'")


def _letter_for_letter(kind: str, among: frozenset[str] | None = None) -> bool:
    """Whether ``kind`` (:func:`describe`'s name for an edit) is one letter misread for another,
    neither a letter of one vertical stroke ("l", "i"), both in ``among`` if given."""
    m = _LETTER_FOR_LETTER.fullmatch(kind)
    if m is None:
        return False
    pair = {m.group(1), m.group(2)}
    return not pair & set("li") and (among is None or pair <= among)


def _decide_strict(r: Ranking, ocr_only: bool, noisy: bool = False) -> Applicability | None:
    """Two-letter words and capitalised words: safe only on overwhelming evidence, else nothing.

    In OCR-damaged text (``noisy``) strong evidence is enough.
    """
    best = r.best
    gain, margin = (NOISY_STRICT_GAIN, NOISY_STRICT_MARGIN) if noisy else (STRICT_GAIN, STRICT_MARGIN)
    if best is None or best.cost > STRICT_COST or r.gain < gain or r.margin < margin:
        return None
    if ocr_only and not describe(r.word, best.word, r.scanned).startswith("OCR"):
        return None
    return Applicability.SAFE


#: How common (Zipf) a word must be for an accented form of it to be read as a speck whatever its
#: length or case ("thé", "Oné"), when the accented form is rarer than ``ACCENT_LOAN_ZIPF``.
ACCENT_VERY_COMMON = 6.0
ACCENT_LOAN_ZIPF = 2.5


def _stray_accent(
    dw: DocWords, lex: lexicon_mod.Lexicon, i: int, base: str, start: int, end: int
) -> Finding | None:
    """A common English word with an accent a speck of dirt put there ("madé" for "made", "thé" and
    "Oné" too: a very common word may be short, capitalised, recur, or match a rare loan word)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", base) if not unicodedata.combining(c))
    low = base.lower()
    fold_low = folded.lower()
    very = lex.zipf(fold_low) >= ACCENT_VERY_COMMON and lex.zipf(low) < ACCENT_LOAN_ZIPF
    if (
        len(base) < (3 if very else 4)
        or not (base.islower() or (very and base[0].isupper() and base[1:].islower()))
        or not folded.isascii()
        or not lex.is_core(fold_low)
        or lex.zipf(fold_low) < KNOWN_ZIPF
        or (lex.info(low) != (0.0, 0) and not very)
        or (dw.counts[low] > 1 and not very)
        or foreign_context(dw, lex, i)
    ):
        return None
    return finding(
        "OCR001",
        start,
        end,
        f"{base!r} looks like {folded!r} with a stray accent",
        replacement=folded,
        applicability=Applicability.SAFE,
        confidence=0.85,
        explanation=(
            f"{base!r} is in no dictionary; without its accent it is the common word {folded!r} "
            f"(Zipf {lex.zipf(folded):.1f}); OCR reads specks above letters as accents."
        ),
    )


#: A word with "ii" rarer than this (Zipf) and unlisted may be a misread "ü" (see _umlaut_misread).
UMLAUT_ZIPF = 2.0


def _umlaut_misread(lex: lexicon_mod.Lexicon, base: str, start: int, end: int) -> Finding | None:
    """A "ü" that OCR read as "ii", in a word of another language quoted in OCR-damaged text
    ("fiir" for "für", "Friichte" for "Früchte"): the word as written is in no list, and with "ü"
    for one "ii" it is a common word of another language."""
    low = base.lower()
    z, flags = lex.info(low)
    if flags or z >= UMLAUT_ZIPF or not (base.islower() or (base[0].isupper() and base[1:].islower())):
        return None
    k = low.find("ii")
    while k >= 0:
        cand = low[:k] + "ü" + low[k + 2 :]
        if lex.foreign(cand):
            replacement = _cased(base, cand)
            return finding(
                "OCR001",
                start,
                end,
                f"{base!r} looks like {replacement!r} with its 'ü' read as 'ii'",
                replacement=replacement,
                applicability=Applicability.SAFE,
                confidence=0.85,
                explanation=(
                    f"{base!r} is in no dictionary; with 'ü' for 'ii' it is {replacement!r}, a common word "
                    "of another language, and OCR engines read the two dots of 'ü' as a second 'i'."
                ),
            )
        k = low.find("ii", k + 1)
    return None


#: A common misspelling whose listed correction the context prefers to the word as written by this
#: much, and to any other reading by LISTED_MARGIN, is corrected; a smaller lead leaves it shown.
LISTED_GAIN = 1.0
LISTED_MARGIN = 0.5  # half a unit: the runner-up is an unlisted word an edit dearer ("wierd": "word")
LISTED_MARGIN_TECHNICAL = 1.0  # software names codespell lists: pylint's "astroid", "fast flate"
#: Letters two forms of one word share at least before their endings differ (see _other_ending).
OTHER_ENDING_STEM = 4
#: A listed misspelling this common (Zipf) may be a first name at a sentence start: "Abou Karim"
#: (Zipf 2.75); "Sincerly Yours" (1.44) is the slip.
LISTED_NAME_ZIPF = 2.0


def _decide_listed(
    r: Ranking, listed: str, other: Applicability | None, technical: bool = False, own_term: bool = False
) -> Applicability | None:
    """Applicability for a common misspelling, given its one listed correction and what the evidence
    alone supports (``other``): safe when the listed correction ranks first by a clear lead (a
    wider one in ``technical`` writing, whose software names codespell's list holds: "astroid"),
    or is a term of the text's own (``own_term``, :func:`_own_term`), put first whatever the
    model's lead; when another reading ranks first, what the evidence supports for it ("wich
    him": "with"), and at least shown ("similary" is listed for "similarly", but "the weight
    similar in both" reads better)."""
    if r.best is None or r.gain < 0:
        return None
    if r.best.word == listed:
        margin = LISTED_MARGIN_TECHNICAL if technical else LISTED_MARGIN
        strong = r.gain >= LISTED_GAIN and (own_term or r.margin >= margin or _other_ending(r, listed))
        return Applicability.SAFE if strong else other or Applicability.DISPLAY
    return other or Applicability.DISPLAY


def _other_ending(r: Ranking, listed: str) -> bool:
    """Whether the runner-up is the listed correction's word with another ending ("receive" beside
    "received") while the misspelling ends as the listed correction does ("recieved"): the written
    ending tells the form, where the trigram model weighs "the minister receive" nearly as high."""
    return len(r.candidates) >= 2 and _ending_tells(r.word, listed, r.candidates[1].word)


def _ending_tells(written: str, listed: str, rival: str) -> bool:
    """Whether ``rival`` is the listed correction's word with another ending ("receive", "received"
    beside the listed "receives") and ``written`` ends as the listed correction does ("recieves")."""
    stem = common_prefix(listed, rival)
    ending, other = listed[stem:], rival[stem:]
    if stem < max(OTHER_ENDING_STEM, len(listed) - 3) or not ending:
        return False  # another word, or the listed word is the bare stem ("receive" beside "received")
    return written.endswith(ending) and not (other and written.endswith(other))


def _listed_form_first(r: Ranking, listed: str) -> Ranking:
    """``r`` with the listed correction first when the model ranks another form of its word first
    ("Dubnov recieves": "receive", where an unknown name leaves the model no subject): the written
    ending tells the form, as it does for the runner-up (:func:`_other_ending`)."""
    best = r.best
    if best is None or best.word == listed or not _ending_tells(r.word, listed, best.word):
        return r
    return _first(r, listed)


#: A listed correction rarer than this (Zipf) that the text uses nearby is a term of its own.
LISTED_TERM_ZIPF = 3.0
#: The confidence of such a correction, which the model may rank below a common word.
OWN_TERM_CONFIDENCE = 0.9


def _own_term(dw: DocWords, listed: str, start: int, end: int, lex: lexicon_mod.Lexicon) -> bool:
    """Whether a common misspelling's one listed correction is a rare word that the text itself uses
    nearby ("an author/commiter line" beside "author/committer"): the writer's term, which the
    trigram model may not know, so that it ranks a common word first ("commuter")."""
    return lex.zipf(listed) < LISTED_TERM_ZIPF and dw.uses_nearby(listed, start, end, NEARBY)


def _first(r: Ranking, word: str) -> Ranking:
    """``r`` with the candidate ``word`` ranked first, the others in their order."""
    first = [c for c in r.candidates if c.word == word]
    return dataclasses.replace(r, candidates=(*first, *(c for c in r.candidates if c.word != word)))


def _either(words: tuple[str, ...]) -> str:
    """``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'``."""
    quoted = [repr(w) for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _cheaper_rival(r: Ranking) -> Candidate | None:
    """The runner-up, when a common slip reaches it more cheaply than the best candidate and the best
    leads it by less than :data:`RIVAL_MARGIN` (see :data:`RIVAL_SLIP`)."""
    if len(r.candidates) < 2 or r.margin >= RIVAL_MARGIN:
        return None
    rival = r.candidates[1]
    return rival if rival.cost <= min(RIVAL_SLIP, r.candidates[0].cost - RIVAL_COST) else None


def _decide(
    r: Ranking, morph: bool, initial: bool, recurring: bool, noisy: bool = False
) -> Applicability | None:
    """Applicability the evidence supports, or None when it is too weak to report.

    In a document that shows OCR damage (``noisy``), a misread is likelier than a
    rare word, so the margin a correction needs is smaller.
    """
    best = r.best
    if best is None:
        return None
    if morph:
        # it reads as a known word plus a prefix or suffix: only a slip far ahead of every other
        # reading, in a word the document uses once, is corrected; never into the word without its
        # prefix ("reexecuted" -> "executed"), which no slip adds
        if any(r.word == prefix + best.word for prefix in PREFIXES):
            return None
        strong = r.gain >= MORPH_GAIN and r.margin >= MORPH_MARGIN and best.cost <= SAFE_COST
        return Applicability.SAFE if strong and not (initial or recurring) else None
    margin = SAFE_MARGIN_RECURRING if recurring else SAFE_MARGIN
    gain = SOUND_GAIN if best.by_sound else SAFE_GAIN
    if noisy:
        margin, gain = NOISY_MARGIN, NOISY_GAIN
    rival = _cheaper_rival(r) is not None  # never safe then: shown below if the evidence is strong enough
    if not initial and not rival:
        # a sound-alike is costed by its sound, not its letters: any cost it was admitted at will do
        if r.gain >= gain and r.margin >= margin and best.cost <= (MAX_COST if best.by_sound else SAFE_COST):
            return Applicability.SAFE
        # no rival near it; but a dictionary word less its last letter is often a name or a
        # word of another language ("ars technica", "metronom"), which needs the full lead
        clear = r.margin >= CLEAR_MARGIN and best.cost <= CLEAR_COST and best.word[:-1] != r.word
        if clear and r.gain >= CLEAR_GAIN and not best.by_sound:
            return Applicability.SAFE
        # in OCR-damaged text a costlier misread ("cemainly") is safe when the context leaves no doubt
        if noisy and r.gain >= NOISY_FAR_GAIN and r.margin >= NOISY_FAR_MARGIN and best.cost <= MAX_COST:
            return Applicability.SAFE
        # the only dictionary word within two edits, attested next to a neighbour
        sole = len(r.candidates) == 1 and (best.bigram_left > 0 or best.bigram_right > 0) and not recurring
        if sole and r.gain >= SOLE_GAIN and best.cost <= MAX_COST:
            return Applicability.SAFE
    elif (
        initial
        and not rival
        and r.gain >= INITIAL_GAIN
        and r.margin >= INITIAL_MARGIN
        and best.cost <= 1.0
        and best.zipf >= INITIAL_ZIPF
    ):
        return Applicability.SAFE  # a sentence start: only a very common word, far ahead
    if r.gain >= UNSAFE_GAIN and r.margin >= UNSAFE_MARGIN:
        # misspelled, but the evidence short of safe picks the wrong word about as often as the
        # right one: shown with its alternatives for a reviewer, never applied
        return Applicability.DISPLAY
    if not initial and best.cost <= DISPLAY_COST:
        needed = DISPLAY_LONG_GAIN if len(r.word) >= DISPLAY_LENGTH else DISPLAY_GAIN
        if r.gain >= needed:
            return Applicability.DISPLAY  # surely misspelled, but which word was meant is open
    return None


#: How far (in characters, either side) a word counts as used nearby: about a page.
NEARBY = 2000


def _used(
    dw: DocWords, i: int, low: str, lex: lexicon_mod.Lexicon, sound: bool, scanned: bool
) -> frozenset[str]:
    """The corrections of token ``i`` (``low``) that the text around it uses: in a long text
    every common word occurs somewhere, so only a page or so on either side counts."""
    tok = dw.tokens[i]
    cands = pool(low, lex, sound, scanned)
    return frozenset(c for c, _, _ in cands if dw.uses_nearby(c, tok.start, tok.end, NEARBY))


def _may_flag(dw: DocWords, lex: lexicon_mod.Lexicon, text: str, noisy: bool, specked: bool) -> bool:
    """Whether a token text can be flagged anywhere in the document (the position-free checks).
    ``specked``: the document shows a mark of OCR damage, where an accent may be a speck."""
    if len(text) > MAX_LETTERS:
        return False  # no word: a run of letters, a key, a base64 blob (and its candidates cost its square)
    if text.isascii() and text.isalpha():
        # most texts are plain dictionary words: settle those with one lookup
        z, flags = lex.info(text.lower())
        if flags & lexicon_mod.LISTED or (z >= SUSPECT_ZIPF and len(text) != 2):
            return False
    elif "-" in text:
        return False
    span = _word_span(text, 0)
    if span is None:
        return False
    base = span[0]
    if not base.isalpha() or len(base) < 2:
        return False
    if not base.isascii():
        if not GLYPHS.keys().isdisjoint(base):
            return False  # a ligature glyph or long s: SCR014 writes its letters ("ﬁnal", "ſmall")
        return specked and not base.endswith("èd")  # accents are specks only in damaged text
    low = base.lower()
    if len(base) == 2:
        if not base.islower():
            return False
        return not (lex.is_core(low) or dw.allowed(low)) if noisy else _suspect(dw, lex, low)
    if _library(low, lex) or low in TECH_TERMS or (low[-1:] == "s" and low[:-1] in TECH_TERMS):
        return False
    if base.islower():
        return _suspect(dw, lex, low)
    if not (base[0].isupper() and base[1:].islower()):
        return False
    # capitalised: at a sentence start checked as a word, inside a sentence as a name
    z, flags = lex.info(low)
    capital_ok = not (flags or z >= 1.0 or dw.counts[low] > 1 or dw.allowed(low))
    return capital_ok or _suspect(dw, lex, low)


def _library(low: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``low`` names a software library: "lib" and a program, format or word ("libgcc",
    "libpng", "libcurl"; not "libary"), or a word and "js", as JavaScript packages are named
    ("shelljs", "commonjs", "nodejs"; no English word ends so)."""
    if low.endswith("js"):
        rest = low[:-2]
    elif low.startswith("lib"):
        rest = low[3:]
    else:
        return False
    return len(rest) >= 3 and (rest in TECH_TERMS or lex.is_vocab(rest))


def _lost_negation(tok_text: str, start: int) -> Finding | None:
    """TYP001 for a negative contraction that lost its "'t" before another contraction ("This
    shouldn've have been included"): the correction keeps the negation ("shouldn't"), where the
    dictionary's nearest word drops it ("should" turns the sentence round)."""
    for apo in ("'", "’"):
        base, sep, suffix = tok_text.partition(apo)
        other = suffix.lower() in _CONTRACTIONS and suffix.lower() != "t"
        if sep and other and base.lower() in _NEGATIVE_HEADS:
            replacement = f"{base}{apo}t"
            return finding(
                "TYP001",
                start,
                start + len(base),
                f"{base!r} looks like {replacement!r} that lost its {apo}t",
                replacement=replacement,
                applicability=Applicability.UNSAFE,
                confidence=0.7,
                explanation=(
                    f"{base!r} is the first part of the negative contraction {replacement!r}; before"
                    f" {apo}{suffix} it lost its {apo}t. The dictionary's nearest word, {base[:-1]!r},"
                    f" would drop the negation. Not applied by default: the writer may have meant"
                    f" {base[:-1] + apo + suffix!r}, or {replacement + ' have'!r} written out."
                ),
                alternatives=(base[:-1],),
            )
    return None


def _word_span(tok_text: str, start: int) -> tuple[str, int, int] | None:
    """The checkable part of a token: the word before a contraction suffix."""
    for apo in ("'", "’"):
        if apo in tok_text:
            base, _, suffix = tok_text.partition(apo)
            if suffix.lower() not in _CONTRACTIONS or (suffix.lower() == "t" and base.endswith("n")):
                return None
            return base, start, start + len(base)
    return tok_text, start, start + len(tok_text)


@rule(
    "TYP001",
    "typo.misspelling",
    Category.TYPO,
    doc=TYP001_DOC,
    examples=[
        Example("The troops recieved their orders yesterday.", "The troops received their orders yesterday."),
        Example(
            "The troops were moved to locaiongs near the border.",
            "The troops were moved to locations near the border.",
        ),
        Example("They did not beleive the report.", "They did not believe the report."),
    ],
    clean=[
        "Nazarbayev met Tokayev in Taldykorgan, and Kassenova wrote about the bloc.",
        "The floatplanes sortied twice and the rainbands weakened.",
    ],
)
@rule(
    "OCR001",
    "ocr.misread",
    Category.OCR,
    doc=OCR001_DOC,
    examples=[Example("He saw tbe house by the river.", "He saw the house by the river.")],
    clean=["The modern church stood at the end of the road."],
)
def misspellings(doc: Document) -> Iterator[Finding]:
    """Non-word misspellings and OCR misreadings (TYP001, OCR001)."""
    dw = doc_words(doc)
    if not dw.tokens:
        return
    lex = dw.lex
    noisy = ocr_noise(doc) >= NOISY_MARKS
    specked = ocr_noise(doc) >= 1
    # most tokens are dictionary words: decide once per distinct token text whether it can
    # be flagged at all, before any per-occurrence work
    verdicts: dict[str, bool] = {}
    cut = cuts(doc)
    tables = _simple_tables(doc.masked)
    defined = _html_definitions(doc.text) if doc.kind == "html" else frozenset()
    old_english: bool | None = None  # whether the text is written in older English (_old_english)
    stanzas: list[tuple[int, int]] | None = None  # the text's blocks of verse set flush left
    for i, tok in enumerate(dw.tokens):
        text = tok.text
        maybe = verdicts.get(text)
        if maybe is None:
            maybe = verdicts[text] = _may_flag(dw, lex, text, noisy, specked)
        if not maybe:
            continue
        lost = _lost_negation(text, tok.start)
        if lost is not None:
            yield lost
            continue
        span = _word_span(text, tok.start)
        if span is None:
            continue
        base, start, end = span
        if doc.masked[end : end + 1] in ("'", "’") and base == text:
            continue  # an elision: "nothin'", "o'", "goin’"
        if _technical(doc.masked, start, end, noisy):
            continue  # an identifier, a flag or a call: "sys.path", "-fexceptions", "qsort(", "jq(1)"
        if doc.technical and len(base) >= 5 and base.endswith("fs") and base.islower():
            continue  # a file system's name: "devfs", "rootfs", "debugfs"
        if _parted_form_after(doc.masked, end, base):
            continue  # a dictionary's headword before its form parted in syllables: "Uproll \Up*roll"\"
        if syllable(doc.masked, start, end):
            continue  # a syllable of a word spelt out in parts: "/man`yoo·la'ri·tee/", "\Pro`to*plas*mat"ic\"
        if doc.masked[start - 1 : start] == "{" and doc.masked[end : end + 1] == "}":
            continue  # a glossary's cross-reference or a template's field: "See {terminak}", "{name}"
        if text[0] == "l" and sentence_i(doc.masked, tok.start, text, lex) is not None:
            continue  # a capital I read as a small l opening a sentence ("lt was"): OCR011 owns these
        if _bracketed_part(doc.masked, start, end):
            continue  # part of a word an editor completed in brackets: "[Ri]chard", "Wil[liam]"
        if _truncated(doc.masked, end, base, lex):
            continue  # a word cut short by an ellipsis ("toolti…"): a truncated title (SCR003)
        if _credited(doc.masked, start, end):
            continue  # a contributor's handle in a change log: "(micnic) [#3374]", "- darkxst (1):"
        if _MAIL_NAME.search(doc.text, max(0, start - _MAIL_REACH), start):
            continue  # the name given with an address: "jds@kom.auc.dk (Jes Sorensen)"
        if (
            base[:1].isupper()
            and doc.masked[start - 1 : start] in ("(", "[")
            and _CITED_YEAR.match(doc.masked, end)
        ):
            continue  # an author cited with a year: "[Sammet 1969, p. 699]", "(Kafura et al. 1989)"
        if _mentioned(doc.masked, start, end):
            continue  # a misspelling quoted as one: "fixed typo, remaning -> remaining"
        if _introduced(doc.masked, start, end) and lex.misspelling(base.lower()) is None:
            continue  # a term introduced or glossed: "sheets called cels, which", "redworm (earthworm)"
        if _SIC.match(doc.text, end):
            continue  # the writer marks the spelling as the source's own: "turkies [sic]"
        if _epithet(doc.masked, dw, i, base, start, lex):
            continue  # a species named after its genus: "Ascaphus truei", "(Rana muscosa)"
        if _defined_term(doc.masked, start, end):
            continue  # a command or option alone on its line, its description indented below ("deluid")
        if defined and _singular(base.lower()) & defined:
            continue  # a term the page defines, or its plural: "<em class="firstterm">xid</em> … xids"
        if _abbreviation(doc.masked, start, end):
            continue  # a short form defined in parentheses: "conditional comments (condcoms)"
        if cut and (start in cut or end in cut):
            continue  # part of a word an e-mail encoder broke: "a=" / "ncient", "caf=C3=A9"
        if tables and any(a <= start < b for a, b in tables) and not _prose_row(doc.masked, start, lex):
            continue  # a cell of a simple table, as a cell between bars is ("mtdar  rX  std rX, …")
        if _lost_character(doc.masked, start, end):
            continue  # "wasn�t", "couldn?t", "Fahrl�nder": a character was lost, not a letter slipped
        if not ocr_noise(doc) and _drawn_out(base, lex):
            continue  # a word drawn out on purpose: "waaay", "holidayyyy", "errr" (OCR garbles so too)
        if not base.isascii():
            accent = _stray_accent(dw, lex, i, base, start, end)
            if accent is not None:
                yield accent
            continue
        if noisy and "ii" in base:
            umlaut = _umlaut_misread(lex, base, start, end)
            if umlaut is not None:
                yield umlaut
                continue
        mode = _mode(doc, dw, base, start)
        if mode is None:
            continue
        low = base.lower()
        if low in ABBREVIATIONS and doc.masked[end : end + 1] == ".":
            continue  # a short form with its period: a dictionary's "suff.", "perh.", "prob."
        # a common misspelling's listed correction ("goverment"): the word reads as a misspelling
        # even where wordfreq counts it, or it looks like a word plus a suffix or two words
        listed = lex.misspelling(low) if mode in ("word", "initial") else None
        if listed is not None and _elided(doc.masked, end):
            # a contraction or an elision: "doens't" is "doesn't", not the listed "does" and "'t";
            # a poet's "accurs'd" is no "occurs"
            listed = None
        if listed is not None and mode == "initial" and _first_name(dw, i, low):
            listed = None  # a first name before a surname: "Abou Karim", not "About Karim"
        # one listed correction is applied on the list's word; of several ("happend": "happened",
        # "happens", "happen") the rule's own evidence decides, and the list only makes the word
        # shown where that evidence would leave it (``shown``)
        single = listed[0] if listed is not None and len(listed) == 1 else None
        several = listed if listed is not None and len(listed) > 1 else None
        shown = False
        if mode == "initial" and dw.counts[low] > 1 and not dw.texts[low]:
            # a capitalised word the text uses again, at a sentence start, and never in lower case:
            # a name ("Cscope"); a word it also writes in lower case is none ("Thw storm … thw coast")
            continue
        if mode == "initial" and listed is None and _surname_follows(dw, i) and _rare(lex, dw.tokens[i + 1]):
            continue  # a first name before a surname no dictionary holds: "Arnd Bergmann made"
        if dw.counts[low] > (1 if doc.technical else TERM_USES - 1) and (doc.technical or not noisy):
            # in technical writing a word used again names a program, file or option ("dgit"); in
            # any text a word used TERM_USES times is one of its terms, unless OCR damage repeats it
            continue
        if mode == "capital":
            z, flags = lex.info(low)
            if flags or z >= 1.0 or dw.counts[low] > 1 or dw.allowed(low):
                continue
        elif mode == "short" and noisy:
            if lex.is_core(low) or dw.allowed(low):
                continue
        elif not _suspect(dw, lex, low):
            continue
        if in_hyphen_break(doc.masked, start, end):
            continue  # the line-end hyphenation rule owns these
        if in_speck_word(doc, start, end):
            continue  # half of a word a speck split ("deci,sion"): OCR005 deletes the speck
        if low in SLASHED_ENDINGS and _after_slash(doc.text, start):
            continue  # another ending offered after a slash: "the directory/ies", "the child/ren"
        if _slashed_to_short_form(doc.masked, start, end, lex):
            continue  # a pair of short forms or a path: "the src/dest path", "rx/tx"
        if doc.protected and _named_in_code(dw.hidden, low):
            continue  # the name of something the text links to or quotes as code: "[rply](…/rply/)"
        if doc.protected and _joined_in_code(dw, i, low):
            continue  # a name whose words its link runs together: "Capn Design" over "capndesign.com"
        if mode == "word" and not noisy and single is None and _closed_compound(low, lex, doc.technical):
            if several is None:
                continue  # two common words written as one: a term ("manpage", "automake", "hashtable")
            shown = True
        if mode == "short" and (i == 0 or dw.tokens[i - 1].text.isdigit() or dw.tokens[i - 1].text.isupper()):
            continue  # units and initials: "5 km", "J. R. R."
        morph = mode in ("word", "initial") and single is None and morphologically_known(low, lex)
        if morph and (mode != "word" or dw.counts[low] > 1):
            if several is None:
                continue  # a known word plus a prefix or suffix: nothing to rank
            shown = True
        if merged_in_context(dw, i, lex) is not None or split_partner(dw, i, lex) is not None:
            continue  # OCR004 / OCR003 own these
        if low in lexicon_mod.run_together():
            continue  # a phrase run together ("tennisplayer"): TYP004 owns these
        if not noisy and _among_unknown(dw, i):
            continue  # a passage of Latin or invented words: "cetera his esse similia, ad istarum"
        beside_unknown = False  # only an unknown word beside it makes the context foreign
        # emphasis sets off foreign words, but not a common misspelling of English ("*seperate*")
        emphasis = listed is None or bool(lex.foreign(low))
        if foreign_context(dw, lex, i, neighbours=not noisy, emphasis=emphasis):
            if noisy or mode == "capital" or foreign_context(dw, lex, i, neighbours=False, emphasis=emphasis):
                continue  # in OCR-damaged text an unknown neighbour is usually damage too
            beside_unknown = True
        if mode == "capital" and not noisy and _in_list_of_names(dw, i):
            continue  # a name among names ("Berat, Korca and Tirana"), not a misread glyph in clean text
        if doc.technical and mode == "word" and _in_list_of_programs(dw, i):
            continue  # a program among programs ("emerge, kompare, meld, and vimdiff")
        if mode == "capital" and not has_ocr_reading(low, lex, noisy):
            continue  # inside a sentence only a glyph confusion is corrected: none is in reach
        left, right = left_context(dw, i), right_context(dw, i)
        sound = mode == "word" and not noisy  # sound-alikes: not for names, nor in OCR-damaged text
        used = _used(dw, i, low, lex, sound, noisy)
        ranking = rank(low, left, right, lex, used=used, sound=sound, scanned=noisy)
        ranking = with_agreement(ranking, _antecedent(dw, i))
        recurring = dw.counts[low] > 1
        own_term = False  # the one listed correction is a rare word the text uses nearby (_own_term)
        if mode in ("capital", "short"):
            applicability = _decide_strict(ranking, ocr_only=mode == "capital", noisy=noisy)
        elif single is not None:
            ranking = _listed_form_first(with_listed(ranking, (single,), left, right, lex, used), single)
            own_term = _own_term(dw, single, start, end, lex)
            if own_term:
                ranking = _first(ranking, single)
            other = _decide(ranking, morph, mode == "initial", recurring, noisy)
            applicability = _decide_listed(ranking, single, other, doc.technical, own_term)
        else:
            applicability = None if shown else _decide(ranking, morph, mode == "initial", recurring, noisy)
            if several is not None and applicability is None:
                # the rule's own evidence, or a guard above, leaves a word with several listed
                # corrections: it is shown, ranked with those corrections
                ranking = with_listed(ranking, several, left, right, lex, used)
                applicability, shown = (Applicability.DISPLAY if ranking.gain >= 0 else None), True
        best = ranking.best
        if applicability is None or best is None:
            continue
        if base[0] == "I" and (read := l_reading(base, lex)) is not None and read[0].lower() == best.word:
            continue  # a small l read as a capital I ("Iittle"): OCR011 reads it so, with its small l
        if best.word.endswith(low) and _after_opening_apostrophe(doc.masked, start):
            continue  # its first letters elided on purpose: "'gainst" is "against" already
        if _beside_its_correction(dw, i, best.word):
            continue  # a word named beside the one it would become: "wobble, wubble, and flob"
        if _form_of_own_term(dw, lex, low, best.word, doc.technical):
            continue  # a form of a rare word the text uses: "six mobies" where it defines the moby
        if beside_unknown and not _overwhelming(ranking):
            continue  # a foreign phrase ("sans doute"), unless this is a slip beyond doubt beside another
        if (
            applicability is Applicability.SAFE
            and (len(low) >= FOREIGN_LENGTH or (listed is not None and mode == "initial"))
            and lex.foreign(low)
        ):
            # a word of another language: "liquore", "werkend"; a short one only when capitalised at
            # a sentence start, where a listed misspelling may be a German noun ("Juni"): in lower
            # case a short one is a slip far more often ("stil", "adres", "vor": 13 of 14 in samples)
            applicability = Applicability.UNSAFE
        held = ""  # why a safe correction is held back, as the explanation says it
        if (
            mode == "capital"
            and not specked
            and applicability is Applicability.SAFE
            and _letter_for_letter(describe(low, best.word, noisy))
        ):
            # a name among names ("nor of Aphik, nor of Rehob"): names differ by a letter, and a clean
            # text gives no other sign of a misread glyph
            applicability = Applicability.UNSAFE
            held = (
                "in a text that shows no OCR damage, a capitalised word one letter away from another"
                " is more often a name of its own than a misread glyph."
            )
        reformed = _reformed_past(low, best.word, lex)  # the past form "discust" or "dropt" spells
        # a reason that makes the word as written a word of its own (a plural, a derivation, the
        # writer's coinage, a word drawn out for effect) makes its correction shown only:
        # another word, not a modern spelling of it ("spoliations" -> "solutions", "unsinged" ->
        # "singed"); applied with unsafe fixes, all 16 such in the books, the old addresses and a novel
        # were wrong
        shown_only = False
        if applicability is Applicability.SAFE and _plural_of_listed(low, best.word, lex):
            held = "it reads as the plural of a dictionary word."  # a rare plural: "instigations"
            shown_only = True
        elif applicability is Applicability.SAFE and low == best.word + "s" and not best.word.endswith("s"):
            # "my wifes", "someone elses": the s is a plural or a possessive whose apostrophe was left
            # out, and dropping it loses what the writer meant (a third s, "placess", is a slip)
            held = "the correction drops a final s, which may be a plural or a possessive."
        elif applicability is Applicability.SAFE and not noisy and _rare_spelling(low, lex):
            # a period spelling: "intrusted", and "reenforcement" of the listed "reenforce"
            held = "SCOWL lists it, or the word it is derived from, as a rare or variant spelling."
        elif (
            applicability is Applicability.SAFE
            and (stem := _regular_derivation(low, lex, doc.technical)) is not None
        ):
            held = f"it reads as a regular derivation of the dictionary word '{stem}'."
            shown_only = True
        elif applicability is Applicability.SAFE and (stem := _coined_from_own_word(dw, lex, low)):
            held = f"it reads as '{stem}', a word this text uses, and a regular ending: the writer's coinage."
            shown_only = True
        elif applicability is Applicability.SAFE and low.endswith("ly") and not best.word.endswith("y"):
            # "minusculy faster": the writer made an adverb, which "minuscule" is not
            held = f"it reads as an adverb in '-ly', and '{best.word}' is none."
        elif applicability is Applicability.SAFE and not noisy and len(low) >= 5 and _ELONGATED.search(low):
            # "tadaaa": a word drawn out for effect that no common word underlies (those are left
            # alone above) is an interjection or a name more often than a slip; a short one ("eee"
            # for "see" in a scan) is as often a misread
            held = "a vowel three times running, or a letter at its end, draws the word out for effect."
            shown_only = True
        elif applicability is Applicability.SAFE and reformed is not None:
            held = (
                f"it reads as an older or simplified spelling of the past form '{reformed}' (as \"dropt\""
                f" of \"dropped\"), which is proposed instead of '{best.word}'."
            )
        elif applicability is Applicability.SAFE and low[:-1] in TECH_TERMS:  # listed ones are never flagged
            held = "it is the name of a file type or a technical abbreviation."  # "wav", "rpms"
        elif (
            applicability is Applicability.SAFE
            and not noisy
            and best.cost > FIRST_LETTER_COST
            and _first_letter_changed(low, best.word)
        ):
            # "gvim" -> "him", "(mwave dsp chip)" -> "have", "ipso facto" -> "also": typists seldom
            # strike a wrong first key and slip again; such a word is a name or a word of its own
            held = (
                "the correction changes the first letter as well as another, which a typing slip seldom does."
            )
        elif applicability is Applicability.SAFE and best.word in PROFANE:
            held = "the correction is a swear word, which writers disguise on purpose."  # "fscking"
        if held:
            if ranking.gain < UNSAFE_GAIN:
                continue  # too weak a lead to show once it is not safe ("selfish importunities")
            applicability = Applicability.DISPLAY if shown_only else Applicability.UNSAFE
        if doc.technical and (
            best.cost > TECHNICAL_COST
            or applicability is not Applicability.SAFE
            or (len(low) <= TECHNICAL_SHORT and _named_program(doc.masked, end, low, best.word))
        ):
            # in technical writing a word that far off, a correction short of safe or a short word
            # shaped or placed as a program's name is a name more often than a slip ("libc", "etcd")
            continue
        if applicability is not Applicability.SAFE and _unknown_name_beside(dw, i):
            continue  # beside an unknown name: a foreign phrase unless the evidence is overwhelming
        if (
            mode == "initial"
            and applicability is not Applicability.SAFE
            and best.zipf < FIRST_NAME_ZIPF
            and _surname_follows(dw, i)
        ):
            continue  # a first name before a surname ("Roderik Cole"), unless a common word fits
        if mode == "initial" and applicability is not Applicability.SAFE and text[len(base) + 1 :] == "s":
            continue  # a possessive opening a sentence is a name's more often than a slip ("Grelb's Law")
        if (
            (mode == "word" or (mode == "initial" and applicability is not Applicability.SAFE))
            and best.word not in ENGLISH_FUNCTION_WORDS
            and _named_subject(doc.masked, start, end)
        ):
            # a name opening a sentence as its subject: a program in lower case ("restruct is a
            # library for …"), or any name, unless the evidence makes the correction safe ("Eximon is")
            continue
        common = single is None and lex.zipf(low) >= KNOWN_ZIPF
        if common and best.zipf < lex.zipf(low) + FREQUENCY_LEAD:
            if several is None:
                continue
            applicability, shown = Applicability.DISPLAY, True  # a listed misspelling: shown only
        kind = describe(low, best.word, noisy)
        ocr = kind.startswith("OCR")
        if ocr and doc.technical and not specked and len(low) <= 3 and kind.endswith("'l'->'i'"):
            # typists seldom strike l for i: in clean technical writing such a word is a short form
            # ("the maintained lts", "lf line ends"), and the scans technical writing comes from show specks
            continue
        if _variant(dw, lex, i, low, kind, noisy):
            continue  # old or dialect spelling ("wyfe", "bould"), not a slip
        short_form = TECHNICAL_ABBREVIATION if doc.technical else ABBREVIATION_LENGTH
        if not noisy and _abbreviated(low, best.word, short_form):
            continue  # a name or abbreviation written without vowels ("httr", "nfsd", "sqrt")
        if not ocr and _stray_lead(low, best.word):
            continue  # a prefix, not a slip ("kdestroy", "qsort")
        if not ocr and common and ocr_noise(doc) == 0:
            if several is None:
                continue  # a word English uses ("pdf"; in OCR-damaged text "te" is damage)
            applicability, shown = Applicability.DISPLAY, True
        if applicability is Applicability.SAFE and not ocr:
            if stanzas is None:
                stanzas = variety.verse_blocks(doc.masked)
            in_verse = _in_verse(doc.masked, start) or any(a <= start < b for a, b in stanzas)
        else:
            in_verse = False
        if in_verse:
            # a poem quoted in prose keeps its poet's spelling ("in many a grene mede", "welled
            # forth alway"), which a list of today's misspellings reads as slips; so does a poem
            # set flush left ("When that shall vade": fade)
            applicability = Applicability.UNSAFE
            held = "it stands in a line of verse, and verse keeps old spellings."
        # a vowel read for another in a text that shows no OCR damage is a way of spelling as often
        # as a misread glyph ("trode", "broided" of scripture)
        period = not ocr or (not specked and _letter_for_letter(kind, VOWELS))
        if applicability is Applicability.SAFE and period:
            if old_english is None:
                old_english = _old_english(dw)
            if old_english:
                # scripture, Shakespeare, an old sermon: "they builded", "recompence" are the period's
                # spellings, and the text's own (a misread glyph is still corrected)
                applicability = Applicability.UNSAFE
                held = (
                    "the text is written in older English (it uses words such as 'thou', 'hath' and"
                    " 'unto' throughout), whose spellings are its own."
                )
        if applicability is Applicability.SAFE and not noisy and _in_dialect_speech(doc, dw, start):
            # a character's speech spelled as spoken: "take sich dangerous weepons", "Up dere"
            applicability = Applicability.UNSAFE
            held = (
                "it stands in quoted speech, and the text's quoted speech holds other words no"
                " dictionary lists: a speaker's dialect more often than a slip."
            )
        if shown and (doc.technical or lex.foreign(low)):
            # in technical writing only safe corrections are reported (see above); a word another
            # language uses is no slip the list can vouch for ("our raison d'être")
            continue
        if applicability is Applicability.DISPLAY and best.word in PROFANE:
            continue  # a weak guess that is a swear word ("fsck" -> "fuck") is no help to a reviewer
        if best.word in ENGLISH_FUNCTION_WORDS and _exclamation(doc.masked, start, end):
            continue  # "(ouph!)": an interjection, which no function word makes ("of!")
        code = "OCR001" if ocr else "TYP001"
        others = [c.word for c in ranking.candidates[1:5] if c.word not in PROFANE]
        alternatives = tuple(_cased(base, w) for w in others[:3])
        confidence = min(0.99, max(0.3, 0.4 + 0.08 * ranking.gain + 0.1 * min(ranking.margin, 3.0)))
        if own_term and best.word == single:
            confidence = max(confidence, OWN_TERM_CONFIDENCE)  # the list and the text agree
        if applicability is Applicability.DISPLAY:
            confidence = min(confidence, DISPLAY_CONFIDENCE)
            rival = _cheaper_rival(ranking)
            held = held or (
                "the context does not single out one of the corrections."
                if rival is None
                else f"{rival.word!r} is a smaller edit and trails by only {ranking.margin:.1f}."
            )
        replacement = _cased(base, best.word)
        if base[0] == "l" and best.word[0] == "i" and _capital_i(dw, i, best.word):
            replacement = "I" + replacement[1:]  # "lndia", "lmportant" opening a sentence
        explanation = ranking.explain(left, right)
        if listed is not None:
            explanation += (
                f" {low!r} is a common misspelling of {_either(listed)} (codespell's list, from"
                " Wikipedia's lists of common misspellings)"
                + (f", so the edit costs {LISTED_COST:g}." if best.word == single else ".")
            )
            if best.word == single and own_term:
                explanation += f" The text uses {single!r} nearby: it is the writer's own term."
            elif best.word == single and _other_ending(ranking, single):
                rival = ranking.candidates[1].word
                ending = single[common_prefix(single, rival) :]
                explanation += f" The written ending '-{ending}' tells the form: {single!r}, not {rival!r}."
        tail = low[len(best.word) :] if low.startswith(best.word) else ""
        if tail in RUN_ON_TAILS and split_score(left, (best.word, tail), right) >= best.total:
            # the correction only drops an article run on to the word: "nota" is "not a", not "not"
            alternatives = (replacement, *alternatives[:2])
            replacement = f"{replacement} {tail}"
            explanation += f" Read as two words run together, {replacement!r} fits its context better still."
        if (full := _spelled_out(low, best.word)) is not None:
            alternatives = (replacement, *alternatives[:2])
            head = "I" if full[0] == "i" else _cased(base, full[0])  # "iam gone": "I am"
            replacement = f"{head} {full[1]}"
            explanation += (
                f" Read as two words run together, {replacement!r} keeps the writer's words, which the"
                " contraction shortens."
            )
        if reformed is not None:
            alternatives = (replacement, *alternatives[:2])
            replacement = _cased(base, reformed)
            if reformed not in held:
                explanation += f" It may be an older or simplified spelling of {reformed!r}, proposed first."
        yield finding(
            code,
            start,
            end,
            f"{base!r} looks misspelled; did you mean {replacement!r}?",
            replacement=replacement,
            applicability=applicability,
            confidence=round(confidence, 2),
            explanation=explanation
            + (
                f" Shown only: {held}"
                if applicability is Applicability.DISPLAY
                else (f" Not applied by default: {held}" if held else "")
            ),
            alternatives=alternatives,
        )


def _capital_i(dw: DocWords, i: int, word: str) -> bool:
    """Whether the small l opening token ``i``, corrected to ``word`` (in "i"), stood for a capital I:
    the two are one stroke in print, so a word opening a sentence, one English always writes
    capitalised ("lndia", "lrish": ``typo_capitalised.txt``), one the document writes capitalised
    inside sentences and never in lower case, and a content word beside a capitalised word inside
    a sentence, in a name ("the lnternal Revenue Service", "the Channel lslands"), has it."""
    text, start = dw.doc.masked, dw.tokens[i].start
    if opens_sentence(text, start) or word in lexicon_mod.capitalised():
        return True
    if word in dw.capitalised and word not in dw.texts:
        return True
    return word not in ENGLISH_FUNCTION_WORDS and any(
        _capitalised_neighbour(dw, i, k) for k in (i - 1, i + 1)
    )


def _capitalised_neighbour(dw: DocWords, i: int, k: int) -> bool:
    """Whether token ``k``, next to token ``i`` with one space between, is a capitalised word of two
    letters or more that opens no sentence."""
    if not 0 <= k < len(dw.tokens):
        return False
    a, b = sorted((dw.tokens[i], dw.tokens[k]), key=lambda t: t.start)
    word = dw.tokens[k].text
    return (
        dw.doc.masked[a.end : b.start] == " "
        and len(word) >= 2
        and word[0].isupper()
        and word[1:2].isalpha()
        and not opens_sentence(dw.doc.masked, dw.tokens[k].start)
    )


#: Verse: lines of at most this many characters, indented, two or more together.
VERSE_LINE = 60
#: How many lines of a stanza around a word are looked at.
STANZA_LINES = 40


def _indented_short(text: str, ls: int, le: int) -> bool:
    """Whether the line ``text[ls:le]`` is a line of verse: indented (two spaces or a tab), short,
    and opening with a capital letter, as verse lines do (after an opening quote); the indented lines
    of wrapped prose go on in lower case, and a nested list's items open with their marks."""
    line = text[ls:le].rstrip("\r")
    body = line.lstrip(" \t").lstrip("\"'“‘")
    return line.startswith(("  ", "\t")) and 0 < len(body) <= VERSE_LINE and body[0].isupper()


def _in_verse(text: str, start: int) -> bool:
    """Whether ``start`` is in a stanza as books print verse: two indented lines or more together
    (up to a blank or unindented line), every one short and opening with a capital, and a sentence
    going on from one line to the next after a comma or semicolon.  A paragraph of wrapped prose,
    indented, has a line going on in lower case among any few; a list of short lines (a change
    log's entries, a commit message, slogans) ends each line with its sentence or with none."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    if not _indented_short(text, ls, le):
        return False
    stanza = [(ls, le)]  # (start, end) of each line, the earlier lines first
    for forward in (False, True):
        while len(stanza) < STANZA_LINES:
            line = _beside(text, stanza[-1] if forward else stanza[0], forward)
            if line is None:
                break  # the text's start or end
            body = text[line[0] : line[1]]
            if not body.startswith((" ", "\t")) or not body.strip():
                break  # an unindented or a blank line ends the stanza
            if not _indented_short(text, *line):
                return False
            stanza.insert(len(stanza) if forward else 0, line)
    # the stanza's last line's end does not count
    return len(stanza) >= 2 and any(text[a:b].rstrip(" \t\r").endswith((",", ";")) for a, b in stanza[:-1])


def _beside(text: str, line: tuple[int, int], forward: bool) -> tuple[int, int] | None:
    """The line after (``forward``) or before ``line`` of ``text``, as (start, end), or None at the
    text's end or start."""
    start, end = line
    if forward:
        if end >= len(text):
            return None
        nxt = text.find("\n", end + 1)
        return end + 1, len(text) if nxt < 0 else nxt
    if start == 0:
        return None
    return text.rfind("\n", 0, start - 1) + 1, start - 1


def _drawn_out(word: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``word`` is a dictionary word drawn out for effect: a letter run of :data:`_ELONGATED`
    that, cut to one or two letters, leaves a common word ("waaay", "holidayyyy"; not "eee")."""
    m = _ELONGATED.search(word)
    if m is None:
        return False
    low = word.lower()
    for keep in (1, 2):
        short = low[: m.start()] + low[m.start()] * keep + low[m.end() :].lstrip(low[m.start()])
        if len(short) > 2 and (lex.is_core(short) or lex.zipf(short) >= SUSPECT_ZIPF):
            return True
        if len(short) == 2 and lex.zipf(short) >= COMMON_SHORT_ZIPF:
            return True
    return False


#: A text uses the function words of Early Modern English (variety.ARCHAIC_WORDS: "thou", "hath",
#: "unto") at least this many times, and at least this share of its words, when it is written in
#: older English throughout (scripture, a play, a sermon): today's English uses none of them, and
#: a modern text quoting a verse or two stays well below.
OLD_ENGLISH_USES = 12
OLD_ENGLISH_SHARE = 0.005


def _old_english(dw: DocWords) -> bool:
    """Whether the document is written in older English throughout (see :data:`OLD_ENGLISH_USES`)."""
    uses = dw.archaic_uses
    return uses >= OLD_ENGLISH_USES and uses >= OLD_ENGLISH_SHARE * len(dw.tokens)


#: The edit cost above which a correction that changes a word's first letter is not safe.
FIRST_LETTER_COST = 1.0


#: Letters of one vertical stroke, which OCR and subtitle rips read for each other in any text
#: ("lnportant" for "Important").
_STROKES = frozenset("lI1i")


#: Quoted speech: between double quotation marks, within one paragraph.
_SPEECH = lazy(r"“[^”\n]*(?:\n(?![ \t]*\r?\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?![ \t]*\r?\n)[^\"\n]*)*\"")
#: Distinct words no dictionary lists (:attr:`DocWords.unknown_texts`) in a text's quoted speech
#: that make it a speaker's dialect: a novel's "sich", "weepons", "airley" and "dere" ...
DIALECT_SPEECH_WORDS = 3
#: ... in a text of at least this many words: characters who speak in dialect do so again and again,
#: while a paragraph's quotations can hold three slips (six of typo_dev's were held back at any length).
DIALECT_TEXT_WORDS = 500


def _in_dialect_speech(doc: Document, dw: DocWords, start: int) -> bool:
    """Whether ``start`` lies in quoted speech of a text whose quoted speech holds at least
    ``DIALECT_SPEECH_WORDS`` distinct unknown words (:func:`_dialect_speech`)."""
    spans = _dialect_speech(doc, dw)
    k = bisect.bisect_right(spans, (start, math.inf)) - 1
    return k >= 0 and spans[k][0] <= start < spans[k][1]


def _dialect_speech(doc: Document, dw: DocWords) -> list[tuple[int, int]]:
    """The spans of quoted speech of a text written partly in dialect (see :func:`_in_dialect_speech`),
    or none; computed once per document."""
    cached = _SPEECH_CACHE.get(doc)
    if cached is None:
        text = doc.masked
        quoted = len(dw.tokens) >= DIALECT_TEXT_WORDS and ('"' in text or "“" in text)
        spans = [m.span() for m in _SPEECH.finditer(text)] if quoted else []
        unknown = dw.unknown_texts
        spoken = {w for a, b in spans for w in word_texts(text[a:b]) if w in unknown}
        dialect = len({w.lower() for w in spoken}) >= DIALECT_SPEECH_WORDS
        cached = _SPEECH_CACHE[doc] = spans if dialect else []
    return cached


_SPEECH_CACHE: weakref.WeakKeyDictionary[Document, list[tuple[int, int]]] = weakref.WeakKeyDictionary()


def _first_letter_changed(written: str, word: str) -> bool:
    """Whether ``word`` has another first letter than ``written`` that no letter added or lost at
    the start explains, nor a stroke misread ("gvim": "him"; not "arealy": "really", "ecause":
    "because", "lnportant": "important")."""
    a, b = written[:1], word[:1]
    if a == b or written[1:2] == b or word[1:2] == a:
        return False
    return not (a in _STROKES and b in _STROKES)


def _variant(dw: DocWords, lex: lexicon_mod.Lexicon, i: int, low: str, kind: str, noisy: bool) -> bool:
    """Whether token ``i`` (``low``, whose correction is an edit of ``kind``, :func:`describe`'s
    name for it) is written in an older or dialect spelling: itself a mark of one that no slip
    makes ("singeth", "seal'd", "accurs'd", "hath"), or in a stretch with VARIANT_MARKS other
    marks, or an old spelling of a common word ("repaire") beside another mark.  A misread glyph or two
    swapped letters ("thier") are corrected even there, unless the word is itself an old
    spelling.  In OCR-damaged text (``noisy``) only marks that damage does not make count (old
    words, elisions, ``-eth``): a misread word often looks like an old spelling."""
    tok = dw.tokens[i]
    masked = dw.doc.masked
    if variety.own_mark(tok.text, masked[tok.start - 1 : tok.start], masked[tok.end : tok.end + 1], lex):
        return True  # whatever the edit: no slip or misread makes "accurs'd" of "occurs"
    own = variety.old_spelling(low, lex) is not None
    if (kind.startswith("OCR") or kind == "transposed letters") and not own:
        return False  # a misread glyph or two swapped letters: slips, not a way of spelling
    marks = dw.variant_marks(i, VARIANT_WINDOW, spellings=not noisy)
    return marks >= VARIANT_MARKS or (own and marks >= 1)


#: How far from a word its table row's bars are looked for.
TABLE_REACH = 300
#: The rest of a path after a folder's name: a file with an extension ("/wait.h") or more folders.
_PATH_TAIL = re.compile(r"/[\w+-]+(?:\.[A-Za-z][\w]{0,4}\b|/)")
#: Characters that mark code rather than prose when several stand within 25 characters of a word.
_CODE_MARKS = frozenset("{}[];=*<>&|")
#: How far on each side of a word code marks are counted, and how much further an emphasis that
#: reaches into that stretch is looked for.
CODE_MARK_REACH = 25
EMPHASIS_REACH = 40
#: Words set in emphasis by asterisks ("*fait accompli*"), not a pointer's star ("char *argv[]").
_EMPHASIS_PAIR = re.compile(r"(?<![\w*])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])")


def _named_in_code(hidden: str, low: str) -> bool:
    """Whether ``low`` occurs as a whole word in ``hidden``, the document's protected text (its
    URLs, paths and code): the name of a project, program or file, not a slip."""
    i = hidden.find(low)
    while i >= 0:
        j = i + len(low)
        if not (i and hidden[i - 1].isalpha()) and not (j < len(hidden) and hidden[j].isalpha()):
            return True
        i = hidden.find(low, i + 1)
    return False


def _joined_in_code(dw: DocWords, i: int, low: str) -> bool:
    """Whether token ``i`` (``low``) run together with the word before or after it is a whole word
    of the document's protected text: a name its link or address writes as one ("Capn Design" and
    "www.capndesign.com")."""
    toks = dw.tokens
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks) and toks[j].text.isalpha():
            other = toks[j].text.lower()
            if _named_in_code(dw.hidden, other + low if j < i else low + other):
                return True
    return False


#: What may stand before the dot of a dot file's name (".rhosts", "~/.bashrc", '".asc"').
_BEFORE_DOT_FILE = frozenset(("", " ", "\t", "\n", "(", "~", "/", '"', "'"))


def _technical(text: str, start: int, end: int, scanned: bool = False) -> bool:
    """Whether the word at ``[start, end)`` is written as code, not prose: part of a dotted or
    snake_case name ("sys.path", "nsswitch.conf", "my_var"), a command-line flag ("-fexceptions"),
    a call or manual reference ("qsort(", "jq(1)"), an escape ("\\ufffd"), a placeholder ("<args>"),
    a colon-joined name ("arn:aws:iam::1111"), a pointer ("*pprivate" with no "*" after it on its
    line to close an emphasis), a table cell, or a word amid code marks ("char *argv[]").
    In OCR-damaged text (``scanned``) bars and brackets are misread letters and specks ("for | will",
    "ducats, | will"): neither a table cell nor code marks are looked for there."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    if after[:1] in ("(", "_") or before[-1:] in ("_", "\\"):
        return True  # a call, a snake_case part or an escape: "\ufffd", "\alpha"
    if before[-1:] == "<" and after[:1] == ">":
        return True  # a placeholder or a tag: "command <args>"
    if before[-1:] == "*" and (len(before) < 2 or before[0] in " \t\n(") and not _emphasis_closes(text, end):
        return True  # a pointer dereferenced in C: "the *pprivate pointer", "(*ptr)"
    if before[-1:] == "`" and after[:1] in ("`", "'"):
        return True  # quoted as code in plain text, or in TeX's quotes: "`progen`", "`libfoo'"
    if before in ("==", "!=", ":=", "+=", "->"):
        return True  # the right side of a comparison or an assignment: "A.related==someb"
    if before[-1:] == "&" and after[:1] == ";":
        return True  # a character reference: "&thetav;", "&rightarrow;"
    if after[:1] == "=" and after[1:2] != " ":
        return True  # a key or a pinned package: "docutils==0.20", "mode=fast"
    if before[-1:] == "=" and before[:1].isalnum():
        return True  # the value given to a key: "pci=nomsi", "mode=fast"
    if before[-1:] == "}" or after[:1] == "{":
        return True  # a brace expansion or a template: "--coverage-{ex,in}clude", "name{suffix}"
    if after[:1] == "/" and (_PATH_TAIL.match(text, end) or not after[1:2].isalnum()):
        return True  # a folder of a path: "<sys/wait.h>", "src/gdk/", "the compat/ area"
    # (a table's row is short: the search stays near the word, so a text on one line costs no more)
    lo, hi = max(0, start - TABLE_REACH), min(len(text), end + TABLE_REACH)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    if not scanned and "|" in text[line_start:start] and "|" in text[end : line_end if line_end >= 0 else hi]:
        return True  # a table cell
    if not scanned and after[:1] == "\t" and not text[line_start:start].strip(LINE_LEAD):
        return True  # the name a line of a tab-set table or list defines: "\tlanpower\t\tpower on/off ..."
    if after[:1] == "." and after[1:2].isalnum():
        return True
    if before[-1:] == "." and (before[:1].isalnum() or before[:1] in _BEFORE_DOT_FILE):
        return True  # a dotted name, or a dot file: "sys.path", ".rhosts", "~/.bashrc"
    if (before[-1:] == ":" and before[:1].isalnum()) or (
        after[:1] == ":" and after[1:2] not in ("", " ", "\t", "\n", "\r")
    ):
        return True  # a colon-joined name: "arn:aws:iam::1111", "std::vector", "xmlns:svg"
    if before[-1:] == "-" and (len(before) < 2 or before[0] in " \t\n(-"):
        return True
    if scanned:
        return False
    lo = max(0, start - CODE_MARK_REACH - EMPHASIS_REACH)
    wide = text[lo : end + CODE_MARK_REACH + EMPHASIS_REACH]
    if "*" in wide:  # emphasis is no code: "a *fait accompli* and we *definately* went"
        wide = _EMPHASIS_PAIR.sub(lambda m: " " + m.group(1) + " ", wide)
    near = wide[max(0, start - CODE_MARK_REACH) - lo : end + CODE_MARK_REACH - lo]
    return sum(c in _CODE_MARKS for c in near) >= 3


def _emphasis_closes(text: str, end: int) -> bool:
    """Whether a "*" follows ``end`` on its line, closing an emphasis the "*" before the word opened."""
    line_end = text.find("\n", end)
    return "*" in text[end : line_end if line_end >= 0 else len(text)]


#: A contraction whose apostrophe a wrong encoding or a keyboard replaced ("wasn?t", "couldn´t"):
#: a mark that is no letter, digit, space or closing punctuation, then a contraction's ending.
_STAND_IN_APOSTROPHE = re.compile(rf"[^\w\s.,;:!)\]}}\"”'’-](?:{'|'.join(_CONTRACTIONS)})(?![^\W\d_])")


def _lost_character(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` touches a lost character: the replacement character
    U+FFFD ("Fahrl�nder", "caf�") or a stand-in for an apostrophe ("wasn?t", "couldn´t")."""
    if text[start - 1 : start] == "\ufffd" or text[end : end + 1] == "\ufffd":
        return True
    return _STAND_IN_APOSTROPHE.match(text, end) is not None


def _bracketed_part(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is glued to a bracket glued to letters: the rest of a word
    whose other part an editor restored or marked in brackets or quotes ("[Ri]chard", "Wil[liam]",
    "m(asculine)", '"-q"uietly')."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return (before in ("]", ")", "[", "(", '"', "'") and text[start - 2 : start - 1].isalpha()) or (
        after in ("[", "(") and text[end + 1 : end + 2].isalpha()
    )


#: A word that runs into an ellipsis and begins a word at least this common was cut short.
TRUNCATED_ZIPF = 2.0


def _truncated(text: str, end: int, word: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether ``word``, ending at ``end``, was cut short: it runs into an ellipsis and begins a
    known word ("…when the toolti...", "is grea…": a title or a line cut, whose end it lost; not
    "would be appreaciated...", a slip before a trailing ellipsis), or into a hyphen and a dash
    (a speaker's false start in a transcript: "in the early twe-—2000s")."""
    if not (text.startswith(("...", "…"), end) or _FALSE_START.match(text, end)):
        return False
    return lex.begins(word.lower(), TRUNCATED_ZIPF)


#: A word broken off by its speaker, as transcripts write it: a hyphen, then a dash ("in the early
#: twe-—2000s", "twe- — the"); not two hyphens, which plain-text books write for a dash after a
#: whole word ("in futur--These").
_FALSE_START = re.compile(r"-[ \t]?[—–]")


#: A change log's credit after an entry: a parenthesised handle or name of up to three words,
#: then the end of the line or a link to the change ("(micnic) [#3374](…)", "(reggi) #3291").
_CREDIT = re.compile(r"\(([\w.' -]{1,40})\)[ \t]*(?:$|\[|\(?#\d|<?https?:)", re.MULTILINE)
#: git shortlog's heading of one contributor's changes: "- darkxst (1):", "Jane Doe (12):".
_SHORTLOG = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?[^\s(][^\n()]{0,60} \(\d+\):[ \t]*$", re.MULTILINE)
#: A list item's opening.
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")
#: A list item naming a person and their handle after a slash: "* Chris Wanstrath / defunkt".
_NAME_HANDLE = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:[A-ZÀ-Þ][\w'.-]*[ \t]+){1,4}/[ \t]+$")
#: A person's name as an item of a list of names: up to four capitalised words ("Petr Písař", "Nicolas R.").
_LISTED_NAME = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}"
#: The items of a list of names around a lower-case handle among them ("Petr Písař, raiph, Renee Baecker").
_NAMES_BEFORE = re.compile(rf"(?:^|,)\s*{_LISTED_NAME},\s*$")
_NAMES_AFTER = re.compile(rf",\s*{_LISTED_NAME}\s*(?:,|\.|\band\b|$)")
#: What follows an author's name cited in brackets: a year ("[Sammet 1969", "(Baeten et al., 1991").
_CITED_YEAR = re.compile(r"(?:[ \t]+et[ \t]+al\.?)?,?[ \t]+(?:1[5-9]|20)\d\d[a-z]?\b")
#: An e-mail address and the opening bracket of the name given with it ("jds@kom.auc.dk (Jes").
_MAIL_NAME = re.compile(rf"{EMAIL_ADDRESS}[ \t]*\([ \t]*$")
_MAIL_REACH = 80
#: A quotation's attribution line up to its first word: a dash opening the line ("-- greenrd in …").
_ATTRIBUTION = re.compile(r"[ \t]*(?:--|—|―)[ \t]*")
#: A line set far to the right, as a verse's or a letter's signature is, holding only a name of at
#: most four capitalised words ("                    Arbely C. Strunk").
SIGNED_INDENT = 20
_SIGNED_LINE = re.compile(r"[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*[ \t]*")
#: How far back a list of names is looked for.
_NAMES_REACH = 60


#: A chat log's speaker at a line start, as IRC clients write it ("<kestrel> "), right before a word.
_CHAT_SPEAKER = re.compile(r"(?:^|\n)[ \t]*<[^<>\s]{1,30}>[ \t]+$")
#: A user named by the site that hosts them: "[dsego on GitHub]", "by jdoe on GitLab".
_ON_SITE = re.compile(r"[ \t]+on[ \t]+(?:GitHub|GitLab|Bitbucket|Codeberg|SourceForge|Twitter|Mastodon)\b")


def _exclamation(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is an exclamation of its own: "!" after it, and a bracket
    or a sentence's end before it ("(ouph!)", "Argh! The build")."""
    return text[end : end + 1] == "!" and (text[start - 1 : start] == "(" or opens_sentence(text, start))


def _signed(line: str) -> bool:
    """Whether ``line`` is a signature set far to the right: only a name (:data:`_SIGNED_LINE`),
    indented :data:`SIGNED_INDENT` columns or more."""
    indent = line[: len(line) - len(line.lstrip())]
    return _SIGNED_LINE.fullmatch(line) is not None and len(indent.expandtabs()) >= SIGNED_INDENT


def _credited(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` credits a contributor in a change log: a handle or name
    in parentheses after an entry and before its link or the line end ("fix the lexer (adamk)
    [#23948]"; at the line end only in a list item), a git shortlog heading ("- darkxst (1):"),
    the handle after a name and a slash ending a list item ("* Elise Wood / glytch"), a handle
    among the names of a list ("Petr Písař, raiph, Renee Baecker"), the first word of a
    quotation's attribution ("-- greenrd in http://…"), or a name set far to the right on its own
    line, as a verse or a letter is signed."""
    if _ON_SITE.match(text, end):
        return True  # "thanks to [dsego on GitHub](…)"
    if text[end : end + 1] in (":", ",") and _CHAT_SPEAKER.search(text, max(0, start - 40), start):
        return True  # a chat line addressing someone by nick: "<kestrel> jonh: did you try it?"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_end - 1 : line_end] == "\r":
        line_end -= 1
    if text[end:line_end].endswith("):") and _SHORTLOG.match(text, line_start, line_end):
        return True
    if not text[end:line_end].strip() and _NAME_HANDLE.fullmatch(text, line_start, start):
        return True  # a contributor list's "Elise Wood / glytch"
    if _NAMES_AFTER.match(text, end) and _NAMES_BEFORE.search(text[max(0, start - _NAMES_REACH) : start]):
        return True  # a handle among names: "Petr Písař, raiph, Renee Baecker"
    if _ATTRIBUTION.fullmatch(text, line_start, start):
        return True  # a quotation's source: "-- greenrd in http://…"
    if text[start:end][:1].isupper() and _signed(text[line_start:line_end]):
        return True  # a name set to the right under a verse or a letter: "          Anonymus Bink"
    opening = text.rfind("(", line_start, start)
    if opening < 0 or ")" in text[opening:start]:
        return False
    m = _CREDIT.match(text, opening, line_end)
    if m is None or len(m.group(1).split()) > 3 or m.end(1) < end:
        return False
    at_line_end = not text[m.end(1) + 1 : line_end].strip()
    return not at_line_end or _ITEM.match(text, line_start) is not None


#: Words that make a quoted misspelling a quotation of one: the text is about spelling.
_SPELLING_TALK = re.compile(r"(?i)\b(?:typo|misspel|spelling|spelt|spell[- ]?check|codespell)")
#: The endings of a species' Latin epithet ("truei", "obstetricans", "muscosa", "lupus", "thompsoni");
#: not "-es", a verb's ending after a surname ("Dubnov wrtes").
_EPITHET = re.compile(r"(?:i|ae|a|us|um|is|ans|ens|oides|orum|arum)$")
#: Below this frequency a capitalised word's lower-case form is no common English word (a genus may
#: be a word English also uses: "Rana", "Canis").
GENUS_ZIPF = 3.5
#: Letters of an epithet at least: a name before a slip of a short word is no genus ("Rifenburg wus").
EPITHET_LETTERS = 5
#: What opens the parentheses that name a species after its common name: "(Orycteropus afer)",
#: "(/ˈɑːrd/; Orycteropus afer)".
_SPECIES_OPEN = re.compile(r"(?:\(|;[ \t])$")


def _epithet(text: str, dw: DocWords, i: int, base: str, start: int, lex: lexicon_mod.Lexicon) -> bool:
    """Whether the lower-case word at ``start`` is a species' epithet after its genus, which biology
    writes in Latin: a capitalised word English does not use as a common word stands one space before
    it ("Ascaphus truei", "Rana muscosa"), and the word, of five letters or more, ends as Latin
    epithets do; any epithet will do in the parentheses that give a common name's species ("The
    aardvark (Orycteropus afer)")."""
    if not i or not base.islower():
        return False
    genus = dw.tokens[i - 1]
    name = genus.text
    if not (len(name) >= 3 and name.isalpha() and name[0].isupper() and name[1:].islower()):
        return False
    if text[genus.end : start] != " ":
        return False
    z, flags = lex.info(name.lower())
    if flags & lexicon_mod.LISTED and z >= GENUS_ZIPF:
        return False
    end = start + len(base)
    if _SPECIES_OPEN.search(text, max(0, genus.start - 3), genus.start) and text[end : end + 1] == ")":
        return True
    return len(base) >= EPITHET_LETTERS and _EPITHET.search(base) is not None


#: Unknown lower-case words within ``UNKNOWN_REACH`` tokens either side that make a passage one of
#: another language or of invented words, which no English writer's slips make so dense.
UNKNOWN_AROUND = 4
UNKNOWN_REACH = 5


#: Other capitalised items a list must hold for a capitalised word in it to be read as a name.
LIST_NAMES = 2


def _in_list_of_names(dw: DocWords, i: int) -> bool:
    """Whether the capitalised word at token ``i`` is an item of a list of capitalised words: at
    least ``LIST_NAMES`` others joined to it by commas, "and" or "or" ("the museums of Berat, Korca
    and Tirana", "spellings such as Alibamu, Alabamo, Albama"), so a name among names.  Words
    side by side with no comma or conjunction between them are one name ("New York"), no list."""
    return len(_list_items(dw, i, lambda w: w[:1].isupper() and w.isalpha())) >= LIST_NAMES


def _in_list_of_programs(dw: DocWords, i: int) -> bool:
    """Whether the lower-case word at token ``i`` is an item of a list of lower-case words, one of
    which no dictionary of English lists ("emerge, kompare, meld, and vimdiff"; "hda, hdb, sga"): in
    technical writing such a list names programs, devices, options or formats, and an item one edit
    from a common word is one of them."""
    items = _list_items(dw, i, lambda w: w.islower() and w.isalnum())  # "cxgb3" too
    return len(items) >= LIST_NAMES and any(w in dw.unknown_texts or not dw.lex.is_core(w) for w in items)


def _list_items(dw: DocWords, i: int, item: Callable[[str], bool]) -> list[str]:
    """The other items, up to ``LIST_NAMES`` either way, of the list the word at token ``i`` is an
    item of: words that pass ``item``, joined to it by commas, "and" or "or" (at the end of the
    list after a comma or not); a gap of anything else, or a line break, ends the list."""
    toks, text = dw.tokens, dw.doc.masked
    found: list[str] = []
    for step in (-1, 1):
        j, items, joined = i, 0, False
        while items < LIST_NAMES:
            k = j + step
            if not 0 <= k < len(toks):
                break
            a, b = (toks[k].end, toks[j].start) if step < 0 else (toks[j].end, toks[k].start)
            gap = text[a:b].strip(" ")
            word = toks[k].text
            if gap not in ("", ",") or "\n" in text[a:b]:
                break
            if word in ("and", "or"):
                joined, j = True, k
                continue
            if not (gap == "," or joined) or not item(word):
                break
            found.append(word)
            items, joined, j = items + 1, False, k
    return found


_BLANKS = str.maketrans("", "", " \t\r")
#: How far back (in words, within the paragraph) the pronoun a gendered candidate agrees with is sought.
ANTECEDENT_REACH = 40


def _antecedent(dw: DocWords, i: int) -> str:
    """The nearest third-person singular pronoun before token ``i`` in its paragraph, within
    :data:`ANTECEDENT_REACH` words, in lower case ('' if none): "She ... hir health"."""
    toks, text = dw.tokens, dw.doc.masked
    for k in range(i - 1, max(-1, i - 1 - ANTECEDENT_REACH), -1):
        gap = text[toks[k].end : toks[k + 1].start]
        if "\n\n" in gap.translate(_BLANKS):
            return ""  # a blank line: another paragraph
        low = toks[k].text.lower()
        if low in GENDER:
            return low
    return ""


_COORDINATORS = frozenset(("and", "or", "nor"))


def _beside_its_correction(dw: DocWords, i: int, word: str) -> bool:
    """Whether the word at token ``i`` is joined to ``word``, its correction, by a comma, a slash,
    "and", "or" or "nor" ("a series with wobble, wubble, and flob"): the writer names the two side
    by side because they differ, as a coinage beside the word it plays on, and a slip is never
    corrected into the word it stands next to."""
    toks, text = dw.tokens, dw.doc.masked
    for step in (-1, 1):
        j, joined = i, False
        for _ in range(2):  # the neighbour, or the word after a conjunction
            k = j + step
            if not 0 <= k < len(toks):
                break
            a, b = (toks[k].end, toks[j].start) if step < 0 else (toks[j].end, toks[k].start)
            gap = text[a:b].strip(" ")
            if gap not in ("", ",", "/") or "\n" in text[a:b]:
                break
            low = toks[k].text.lower()
            if low in _COORDINATORS and not joined:
                joined, j = True, k
                continue
            if low == word and (gap in (",", "/") or joined):
                return True
            break
    return False


#: A word rarer than this (Zipf) that a document uses ``OWN_TERM_USES`` times is one of its terms.
OWN_TERM_ZIPF = 4.0
OWN_TERM_USES = 2
#: Regular endings of English inflection, with what a stem may have lost to them.
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def _form_of_own_term(
    dw: DocWords, lex: lexicon_mod.Lexicon, word: str, correction: str, technical: bool = False
) -> bool:
    """Whether ``word`` is a regular inflection (-s, -es, -ies, -ed, -ing) of a rare word that the
    document uses ``OWN_TERM_USES`` times or more, and ``correction`` is no form of that word: the
    Jargon File's "six mobies" where it defines the moby, FOLDOC's "lubs" (least upper bounds).
    The word must be one a list knows, and no listed misspelling: a writer who spells "skrew" or
    "recieve" throughout is corrected in its forms too; in ``technical`` writing, where a word used
    twice names a thing, any word ("fwnodes" where the text writes "fwnode").  A misspelt form of the
    term itself ("checksumed" for "checksummed") is still corrected."""
    for suffix, tail in _INFLECTIONS:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)] + tail
        # a doubled last consonant before -ed and -ing ("zizzing" from "zizz"; "derfing" from "derf")
        doubled = suffix in ("ed", "ing") and len(stem) >= 4 and stem[-1] == stem[-2]
        for base in (stem, stem[:-1]) if doubled else (stem,):
            if (
                dw.counts[base] >= OWN_TERM_USES
                and (lex.zipf(base) > 0 or technical)
                and lex.zipf(base) < OWN_TERM_ZIPF
                and lex.misspelling(base) is None
                and not correction.startswith(base[: max(3, len(base) - 1)])
            ):
                return True
    return False


def _among_unknown(dw: DocWords, i: int) -> bool:
    """Whether the word at token ``i`` stands among ``UNKNOWN_AROUND`` or more other lower-case words
    that no list knows (:attr:`DocWords.unknown_texts`): a Latin sentence quoted in English ("ad istarum
    similitudinem"), verse in another language or in a reformed spelling (wordfreq's languages
    catch the commoner ones, :func:`repair.spelling.protect.foreign_context`)."""
    toks, unknown_texts = dw.tokens, dw.unknown_texts
    unknown = 0
    for j in range(max(0, i - UNKNOWN_REACH), min(len(toks), i + UNKNOWN_REACH + 1)):
        word = toks[j].text
        if j != i and word.isalpha() and word.islower() and word in unknown_texts:
            unknown += 1
            if unknown >= UNKNOWN_AROUND:
                return True
    return False


_SIC = re.compile(r"[\"'’”]?[ \t]*[\[(]sic\b", re.IGNORECASE)
_ARROW = re.compile(r"[\"'`’”]?[ \t]*(?:->|=>|→)")
_QUOTES = ('"', "'", "`", "“", "‘")
# a quoted word named as a word: 'the word "sekunda"', "the term 'eventing'", "spelled 'colour'"
# or a name given: 'whom the Celts call "dusi."', 'a spirit known as "dusi"'
_NAMED_AS = re.compile(
    r"(?i)\b(?:words?|terms?|spelt|spelled|spelling|written|writes?|call(?:s|ed)?|named|known as|not)[ \t]*$"
)
_UNQUOTES = ('"', "'", "`", "”", "’")
#: The marks that set off a word mentioned: quotation marks, and emphasis, as Markdown mentions a
#: word ("the word *colour*").
_MENTION_OPEN = (*_QUOTES, "*")
_MENTION_CLOSE = (*_UNQUOTES, "*")
#: A verb of spelling right before a word, which gives the word as a spelling ("also spelled
#: nummification"; in markup the italics that set it off are masked).
_SPELLED = re.compile(
    r"(?i)\b(?:(?:mis)?(?:spelled|spelt)(?:[ \t]+as)?|(?:the|this)[ \t]+(?:term|word|spelling))[ \t]+$"
)
#: What introduces a term, unquoted ("sheets called cels", "named a coulba"), and what ends a term
#: of one word after it: a mark, or a word that no name of two words goes on with ("called
#: congnitive dissonance theory" is a slip in a longer name).
_INTRODUCED = re.compile(r"(?i)\b(?:called|named|termed|dubbed|known[ \t]+as)(?:[ \t]+(?:a|an|the))?[ \t]+$")
_TERM_END = re.compile(r"[ \t]*(?:[,.;:()]|\r?\n|$|(?:by|for|in|which|that|or|and)\b)")
#: A gloss in parentheses right after a word: one or two lower-case words ("redworm (earthworm)"), or
#: a definition that says what the word means ("wordsy (meaning full of words but empty)").
_PAREN_GLOSS = re.compile(r"[ \t]+\((?:[a-z]+(?:[ \t][a-z]+)?\)|(?:having|meaning|literally|lit\.)[ \t,])")
#: A gloss after a comma that explains the word or says whose word it is: "his bowsman, that is, the
#: person who pulls the bow oar", "a beggar (or kedger, as the sailors say)".
_GLOSS_AFTER = re.compile(
    r",[ \t\r\n]+(?:that[ \t\r\n]+is,"
    r"|as[ \t\r\n]+(?:the[ \t\r\n]+)?[a-z]+[ \t\r\n]+(?:say|call[ \t]+it|calls?[ \t]+them)\b)"
)
#: A gloss in parentheses right after a quoted word, which introduces it as a term.
_GLOSSED = re.compile(r"[ \t]+\((?:analogous|similar|short|i\.e\.|that is|aka|also called|or )")
#: A word alone in quotation marks.
_QUOTED_WORD = re.compile(r"[\"'`“‘]([A-Za-z]+)[\"'`”’]")


def _mentioned(text: str, start: int, end: int) -> bool:
    """Whether the misspelled word at ``[start, end)`` is quoted as one (in quotation marks or, as
    Markdown mentions a word, in emphasis), not used: the wrong form of a correction written out
    ("remaning -> remaining"), a word given as a spelling ("sometimes spelled nummification") or
    named as a term ("the term perfory is also heard"), or a quoted word in a passage about spelling
    ("it will catch errors like \"adn\"")."""
    if _ARROW.match(text, end):
        return True
    if _SPELLED.search(text, max(0, start - 30), start):
        return True  # 'sometimes spelled nummification', 'misspelt as recieve', 'the term perfory'
    close = end + 1 if text[end : end + 1] in (".", ",") else end  # 'call "dusi."', American style
    if text[start - 1 : start] not in _MENTION_OPEN or text[close : close + 1] not in _MENTION_CLOSE:
        return False
    if _NAMED_AS.search(text, max(0, start - 30), start - 1):
        return True  # 'use the word "sekunda" for second', 'the term "eventing"'
    if _GLOSSED.match(text, close + 1):
        return True  # a term introduced with its gloss: 'multiple "vports" (analogous to ports)'
    lo, hi = max(0, start - 200), min(len(text), end + 200)
    piece = text[start:end].lower()
    if any(piece in w.lower() and len(w) > len(piece) for w in _QUOTED_WORD.findall(text, lo, hi)):
        return True  # a piece of a word quoted beside it: split "encoding" into "enc" and "oding"
    return _SPELLING_TALK.search(text, lo, hi) is not None


def _introduced(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is a term the text introduces ("sheets called cels,
    which", "named a coulba by the Turks") or glosses in parentheses ("words of the dialect include
    redworm (earthworm)") or after a comma ("the bowsman, that is, the person who", "a beggar (or
    kedger, as the sailors say)").  A common misspelling is still one there ("in uninterruptable (blocked)
    state"): the caller checks."""
    if _INTRODUCED.search(text, max(0, start - 30), start) and _TERM_END.match(text, end):
        return True
    return _PAREN_GLOSS.match(text, end) is not None or _GLOSS_AFTER.match(text, end) is not None


#: A verb in the singular: after a lower-case word opening a sentence, that word is a name (a writer
#: who slips in a singular common noun there writes its article too: "the libary is").
_SUBJECT_VERB = re.compile(
    r"[ \t]+(?:is|was|has|stands|provides|supports|allows|lets|reads|writes|uses|works|runs|offers"
    r"|makes|helps|aims|handles|contains|includes|implements|generates|creates|does)\b"
)


#: What a program's name stands before in technical writing: "the hmmer package", "the ownet
#: library", "the tus protocol", "gir bindings".
_SOFTWARE_HEAD = re.compile(
    r"[ \t]+(?:package|library|module|plugin|plug-in|bindings|framework|protocol|daemon|command"
    r"|utility|tool|program|script|crate|gem|backend|frontend|driver|extension|format)s?\b"
)


def _named_program(text: str, end: int, written: str, word: str) -> bool:
    """Whether a short unknown word in technical writing names a program: shaped as a name
    (:func:`_name_shaped`), or standing before what a program is ("the hmmer package"), unless a
    function word was meant or two letters are swapped ("teh package", "the nwe package")."""
    if _name_shaped(written, word):
        return True
    if word in ENGLISH_FUNCTION_WORDS or _SOFTWARE_HEAD.match(text, end) is None:
        return False
    return describe(written, word) != "transposed letters"


def _name_shaped(written: str, word: str) -> bool:
    """Whether ``written`` is ``word`` with a letter put before it or a new consonant after it, as
    programs and calls are named ("dcraw", "fflush"; "etcd", "lessc", "writev", "pushl").  A key
    struck once too often at a word's end more often adds a vowel or repeats the last letter
    ("withi", "usee", "neede", "upp", "logicc")."""
    if written[1:] == word:
        return True
    last = written[-1:]
    return written[:-1] == word and last not in "aeiouy" and last != word[-1:]


def _named_subject(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` opens a sentence or a paragraph as the whole subject of
    a singular verb: a name, such as a program's written as its authors write it ("restruct is a
    library", "kcat reads messages", "Lingot is a tuner").  A line start alone is no sentence start
    here: wrapped text carries sentences over ("the old\n\taproach was")."""
    if _SUBJECT_VERB.match(text, end) is None:
        return False
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:" or text.count("\n", len(before), start) >= 2


#: Blank lines a dictionary sets between a headword and its indented entry.
HEADWORD_BLANKS = 2


def _defined_term(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is the term of a definition list, as manuals and package
    descriptions list commands and options: alone on its line (or before a colon) with the next line
    (after blank ones, for a word in lower case) indented deeper, or first on its line (after any
    bullet) before a spaced dash or colon ("fhist - a file history tool", "acmart -- Class for …",
    "drhook : tracing") or its word class, as a dictionary writes it ("cashtration, n.: the act of
    buying a house")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _TERM_HEAD.fullmatch(text, line_start, start) and (
        _TERM_DASH.match(text, end) or _WORD_CLASS.match(text, end)
    ):
        return True
    line_end = text.find("\n", end)
    if line_end < 0 or text[line_start:start].strip() or text[end:line_end].strip() not in ("", ":"):
        return False
    indent = len(text[line_start:start].expandtabs())  # a tab reaches the next of every 8 columns
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    for _ in range(HEADWORD_BLANKS):
        if following.strip() or next_end < 0 or not text[start:end].islower():
            break
        # a dictionary's headword in lower case, blank lines, then its entry indented ("cxref⏎⏎
        # <tool> A cross-reference generator"); a heading is capitalised
        line_end, next_end = next_end, text.find("\n", next_end + 1)
        following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    body = following.lstrip(" \t")
    return bool(body) and len(following[: len(following) - len(body)].expandtabs()) > indent


#: A term an HTML page defines: a "dfn" element, or an element of DocBook's classes for a term
#: introduced ("firstterm", "glossterm"), as PostgreSQL's and many GNU manuals are published.
_HTML_DEFINITION = re.compile(
    r"<dfn\b[^<>]*>([^<>]{1,80})</dfn>"
    r"|<(em|i|span|b|strong)\b[^<>]*\bclass=\"(?:[^\"]*\s)?(?:firstterm|glossterm)(?:\s[^\"]*)?\"[^<>]*>"
    r"([^<>]{1,80})</\2>",
    re.IGNORECASE,
)


def _html_definitions(text: str) -> frozenset[str]:
    """The words of the terms an HTML page defines (:data:`_HTML_DEFINITION`), in lower case."""
    if "firstterm" not in text and "glossterm" not in text and "<dfn" not in text:
        return frozenset()
    terms = (m.group(1) or m.group(3) for m in _HTML_DEFINITION.finditer(text))
    return frozenset(w.lower() for term in terms for w in re.findall(r"[A-Za-z]+", term))


def _singular(low: str) -> set[str]:
    """``low`` and the singulars it may be the plural of ("xids": "xid"; "indexes": "index")."""
    out = {low}
    if low.endswith("s") and len(low) > 3:
        out.add(low[:-1])
        if low.endswith("es"):
            out.add(low[:-2])
    return out


_TERM_HEAD = re.compile(LINE_HEAD)
_TERM_DASH = re.compile(r"[ \t]+(?:--?|–|—|:)[ \t]+\S")
#: A dictionary's head word before its word class: "cashtration, n.:", "frobnicate, v.", "tamato, n:"
_WORD_CLASS = re.compile(r",[ \t]*(?:n|v|vt|vi|adj|adv|pl|interj|prep|conj|pron|abbr)\.?[ \t]*(?::|$)", re.M)
_WORDS_BEFORE = re.compile(r"([A-Za-z]+)[ \t-]+([A-Za-z]+)?[ \t-]*([A-Za-z]+)?[ \t-]*([A-Za-z]+)?[ \t]*\($")


def _abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is a short form defined in parentheses after what it
    stands for: alone in them, and made of beginnings of the words just before, in order
    ("conditional comments (condcoms)", "regular expressions (regexps)")."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    m = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    words = [w.lower() for w in m.groups() if w]
    short = text[start:end].lower()
    return any(_prefixes_make(short, words[k:]) for k in range(len(words) - 1))


def _prefixes_make(short: str, words: list[str]) -> bool:
    """Whether ``short`` (less a plural s) is the beginnings of all of ``words``, in order, each at
    least one letter long."""
    for target in {short, short[:-1] if short.endswith("s") else short}:
        if _prefix_split(target, words):
            return True
    return False


def _prefix_split(rest: str, words: list[str]) -> bool:
    if not words:
        return not rest
    word, later = words[0], words[1:]
    reach = min(len(word), len(rest))
    return any(rest[:n] == word[:n] and _prefix_split(rest[n:], later) for n in range(1, reach + 1))


def _stray_lead(word: str, correction: str) -> bool:
    """Whether ``word`` is ``correction`` with one letter put before it that is not a stutter
    ("kdestroy", "qsort"; but "tthe" doubles its first letter, a real slip)."""
    return len(word) == len(correction) + 1 and word[1:] == correction and word[0] != word[1]


#: From this length a word without vowels is an abbreviation or a name ("httr", "nfsd", "sqrt")
#: unless its correction only puts vowels back: left out ("whch") or struck as a neighbouring key
#: ("thrn" for "then").
ABBREVIATION_LENGTH = 4
#: The same in technical writing, whose three-letter short forms are many ("shm", "pkt", "ctx").
TECHNICAL_ABBREVIATION = 3


def _abbreviated(written: str, word: str, length: int = ABBREVIATION_LENGTH) -> bool:
    """Whether ``written`` has no vowel, is ``length`` letters or more, and ``word`` is more than its
    vowels put back."""
    if len(written) < length or not VOWELS.isdisjoint(written):
        return False
    if len(word) > len(written):
        rest = iter(word)
        # written is word without some of its letters, and every letter left out is a vowel
        if all(c in rest for c in written) and sum(c in VOWELS for c in word) == len(word) - len(written):
            return False
    elif len(word) == len(written):
        diff = [(a, b) for a, b in zip(written, word, strict=True) if a != b]
        if len(diff) == 1 and diff[0][1] in VOWELS and neighbours(diff[0][0], diff[0][1]):
            return False
    return True


def _after_slash(text: str, start: int) -> bool:
    """Whether a slash right after a letter stands just before ``start`` ("directory/ies")."""
    return start >= 2 and text[start - 1] == "/" and text[start - 2].isalpha()


_WORD_BEFORE = re.compile(r"([A-Za-z0-9]+)/$")
_WORD_AFTER = re.compile(r"/([A-Za-z0-9]+)")


def _slashed_to_short_form(text: str, start: int, end: int, lex: lexicon_mod.Lexicon) -> bool:
    """Whether the word at ``[start, end)`` is joined by a slash to a word no dictionary holds in its
    core ("src/dest", "rx/tx"): a pair of short forms or a path, where "recieve/send" is a slip."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    after = _WORD_AFTER.match(text, end)
    return any(m is not None and not lex.is_core(m.group(1).lower()) for m in (before, after))


def _one_deleted(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one letter left out."""
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


#: A BCP 47 language tag: a language and a region or script ("zh-HK", "pt-BR", "uz-Cyrl").
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}-(?:[A-Z]{2}|[A-Z][a-z]{3})")


@rule(
    "TYP002",
    "typo.damaged-name",
    Category.TYPO,
    doc=TYP002_DOC,
    examples=[
        Example(
            "President Kassym-Jomart Tokayev spoke. Later assym-Jomart Tokayev left.",
            "President Kassym-Jomart Tokayev spoke. Later Kassym-Jomart Tokayev left.",
            unsafe=True,
        ),
        Example("The Kazakh President assym-Jomart Tokayev spoke."),
    ],
    clean=["The ex-Soviet states and the Russia-led bloc met in Nur-Sultan."],
)
def damaged_names(doc: Document) -> Iterator[Finding]:
    """Names that lost or changed a letter (TYP002)."""
    dw = doc_words(doc)
    text_all = doc.masked
    # intact names written inside sentences, keyed by their form without the first letter
    beheaded: dict[str, str] = {}
    names = {w for w in dw.texts if w[:1].isupper() and len(w) >= 5}
    for tok in dw.tokens:
        if tok.text in names and not is_sentence_start(text_all, tok.start):
            beheaded.setdefault(tok.text[1:].lower(), tok.text)
    # lower-case texts that are a name without its first letter, or a hyphenated name
    maybe = {
        w
        for w in dw.texts
        if w[:1].islower()
        and len(w) >= 4
        and (w.lower() in beheaded or ("-" in w and w.split("-", 1)[1][:1].isupper()))
    }
    lex: lexicon_mod.Lexicon | None = None
    for i, tok in enumerate(dw.tokens):
        text = tok.text
        if text not in maybe:
            continue
        if _technical(doc.masked, tok.start, tok.end):
            continue  # code, not a name: "\rightarrow" beside "\Rrightarrow", "&leftarrow;"
        if LANGUAGE_TAG.fullmatch(text):
            continue  # a language tag: "zh-HK", "uz-Cyrl", "en-GB"
        glued = doc.text[max(0, tok.start - 2) : tok.start]
        if len(glued) == 2 and glued[1] in "([" and not glued[0].isspace():
            continue  # the rest of a word spelled out after its letter: "<b>P</b>(rocess) <b>M</b>(anager)"
        low = text.lower()
        name = beheaded.get(low)
        if name is not None and text != name[1:]:
            # the rest of a name keeps its letters' case when the first is lost ("assym" of
            # "Kassym"); "libc" beside "GLibC", "hashtable" beside "GHashTable" are words of their own
            name = None
        hyphen_name = "-" in text and text.split("-", 1)[1][:1].isupper() and not doc.technical
        # (technical writing names things so: "tbq-WebServer", "zh-Hans-DE", "keyserver-URL")
        if (name is None and not hyphen_name) or dw.allowed(text):
            continue
        if name is not None and dw.counts[low] > dw.counts[name.lower()]:
            continue  # written more often than the "name": a word of its own ("debuginfo", "-Cdebuginfo")
        if lex is None:
            lex = lexicon_mod.lexicon()
        if name is not None and doc.technical and not lex.is_vocab(name.lower()):
            # software names a binding or a variant with a letter put first ("Rgraphviz" wraps
            # "graphviz", "XeTeX" extends "eTeX", "Glibc", "Xcalloc"): there only a word that lost
            # its capital first letter is damage ("emove" of "Remove", "ariables" of "Variables")
            continue
        first = low.split("-")[0].replace("’", "'")  # the lists write a contraction's apostrophe straight
        if (
            lex.is_vocab(first)
            or lex.zipf(first) >= KNOWN_ZIPF
            or lex.info(first)[1] & lexicon_mod.LISTED  # a word of its own: "args" beside "nargs"
            or foreign_context(dw, lex, i, neighbours=False)
        ):
            continue
        if name is not None:
            yield finding(
                "TYP002",
                tok.start,
                tok.end,
                f"{text!r} looks like a damaged form of the name {name!r}",
                replacement=name,
                applicability=Applicability.UNSAFE,
                confidence=0.7,
                explanation=(
                    f"{text!r} is in no dictionary and differs by one letter from {name!r}, "
                    f"which this document writes {dw.counts[name.lower()]} time(s)."
                ),
            )
        else:
            yield finding(
                "TYP002",
                tok.start,
                tok.end,
                f"{text!r} looks like a damaged name (lower-case start, capitalised part)",
                confidence=0.4,
                explanation=(
                    f"{first!r} is in no dictionary and the hyphenated word continues with a capital, "
                    "as names do; the intact form does not occur in this document."
                ),
            )


def _rare_word(dw: DocWords, lex: lexicon_mod.Lexicon, text: str) -> bool:
    """Whether a token text is a rare dictionary word that TYP003 may check (position-free)."""
    if not (len(text) >= 3 and text.isascii() and text.isalpha() and text.islower()):
        return False
    z, flags = lex.info(text)
    return bool(flags & (lexicon_mod.CORE | lexicon_mod.EXTRA)) and 0 < z < RARE_ZIPF and not dw.allowed(text)


def _decide_real(r: Ranking, zipf: float) -> bool:
    """Whether the evidence for reading a rare word as a common one is overwhelming."""
    best = r.best
    return (
        best is not None
        and best.cost <= REAL_COST
        and best.zipf >= zipf + REAL_LEAD
        and r.gain >= REAL_GAIN
        and r.margin >= REAL_MARGIN
    )


@rule(
    "TYP003",
    "typo.rare-word",
    Category.TYPO,
    doc=TYP003_DOC,
    examples=[
        Example("She talked abut her new job at the bank.", "She talked about her new job at the bank."),
    ],
    clean=["The wen on his neck was removed.", "An oaf of a man stood at the door."],
)
def rare_words(doc: Document) -> Iterator[Finding]:
    """Rare dictionary words written for common ones (TYP003)."""
    if doc.technical:
        return  # a rare word of technical writing is a term more often than a slip ("provably safe")
    dw = doc_words(doc)
    if not dw.tokens:
        return
    lex = dw.lex
    # a word the document uses once, rare, with a common word one slip away: few in a book
    suspects = {
        text: near
        for text, n in dw.texts.items()
        if n == 1
        and dw.counts[text] == 1
        and _rare_word(dw, lex, text)
        and (near := near_common(text, lex, lex.zipf(text) + REAL_LEAD, REAL_COST))
    }
    if not suspects:
        return
    cut = cuts(doc)
    for i, tok in enumerate(dw.tokens):
        text = tok.text
        if text not in suspects:
            continue
        start, end = tok.start, tok.end
        if start in cut or end in cut:
            continue
        if doc.masked[end : end + 1] in ("'", "’") or doc.masked[start - 1 : start] in ("'", "’"):
            continue  # an elision or a quoted form
        if _technical(doc.masked, start, end) or in_hyphen_break(doc.masked, start, end):
            continue
        if foreign_context(dw, lex, i):
            continue
        z = lex.zipf(text)
        left, right = left_context(dw, i), right_context(dw, i)
        if best_gain(text, left, right, suspects[text], z) < REAL_GAIN:
            continue  # the winner must be one of these, far ahead of the word as written
        ranking = rank_real(text, left, right, lex)
        best = ranking.best
        if best is None or not _decide_real(ranking, z):
            continue
        if _number_of(text.lower(), best.word):
            continue  # the plural of the common word, or its singular: "make their presences felt"
        kind = describe(text, best.word)
        if _variant(dw, lex, i, text, kind, ocr_noise(doc) >= NOISY_MARKS):
            continue  # a rare word of older or dialect English among others ("wight", "wot")
        code = "OCR001" if kind.startswith("OCR") else "TYP003"
        yield finding(
            code,
            start,
            end,
            f"{text!r} is a rare word here; did you mean {best.word!r}?",
            replacement=best.word,
            applicability=Applicability.SAFE,
            confidence=round(min(0.95, 0.5 + 0.05 * ranking.gain), 2),
            explanation=(
                f"{text!r} is a dictionary word but rare (Zipf {z:.1f}); {best.word!r} ({kind}, edit cost "
                f"{best.cost:g}) is {best.zipf - z:.1f} Zipf units more common, and the trigram context "
                f"favours it over the word as written by {ranking.gain:.1f} log10 units"
                + (
                    f" and over the runner-up {ranking.candidates[1].word!r} by {ranking.margin:.1f}"
                    if len(ranking.candidates) > 1
                    else ""
                )
                + "."
            ),
            alternatives=tuple(c.word for c in ranking.candidates[1:4]),
        )


def _number_of(word: str, other: str) -> bool:
    """Whether ``word`` is ``other``'s regular plural or its singular ("presences", "presence"): a word
    of the other number is a choice of grammar, which the trigram model weighs, not a slip."""
    return word in (other + "s", other + "es") or other in (word + "s", word + "es")


TYP004_DOC = """Run-together phrase: two words written as one ("alot", "eachother", "atleast", "infact").

## What it does
Flags a word of codespell's list of common misspellings whose correction is
its own letters split into two words (`dictionaries/typo_run_together.tsv`:
"alot" -> "a lot", "eachother" -> "each other", "incase" -> "in case"), in
lower case or capitalised at a sentence start.  The two words are scored in
their sentence by CMU's trigram model against the word as written and against
the list's other corrections ("allot" for "alot").  A word a word list holds
("lightyear"), an allow-listed word, a quoted word, an item of a comma-separated
list of words and a name the document quotes as code are left alone; in
technical writing, so is a phrase of less common words ("compiletime",
"filetest"), which names a thing there.

## Why is this bad?
Writers run these phrases together so often that word lists count them as
words (wordfreq gives "alot" the frequency of "rarely"), so a spelling checker
that corrects one word to one word never flags them.

## Example
```
We need atleast three chairs.
```

## Use instead
```
We need at least three chairs.
```

## Fix safety
Safe when the two words read at least as well in the sentence as the word as
written; when the list gives another correction ("allot" for "alot"), when
they read better than it and than the word as written by a factor of ten,
else shown with the alternatives.
"""

#: How much likelier (log10) the two words must read than the word as written and than any other
#: listed correction for the fix to be safe, when the list gives another ("alot": "allot").
RUN_TOGETHER_LEAD = 1.0
#: In technical writing both words must be this common (Zipf): "at least", "each other", "a lot",
#: but no "compile time", "file test" or "hash reference", which name things there.
TECHNICAL_PHRASE_ZIPF = 5.0


@rule(
    "TYP004",
    "typo.run-together",
    Category.TYPO,
    doc=TYP004_DOC,
    examples=[
        Example("We need atleast three chairs.", "We need at least three chairs."),
        Example("Infact, the plan worked.", "In fact, the plan worked."),
    ],
    clean=["We need at least three chairs.", "The lightyear is no unit of time."],
)
def run_together(doc: Document) -> Iterator[Finding]:
    """Common phrases of two words written as one (TYP004)."""
    table = lexicon_mod.run_together()
    dw = doc_words(doc)
    hits = [i for i, tok in enumerate(dw.tokens) if tok.text.lower() in table]
    if not hits:
        return
    lex = dw.lex
    for i in hits:
        tok = dw.tokens[i]
        low = tok.text.lower()
        if _mode(doc, dw, tok.text, tok.start) not in ("word", "initial") or dw.allowed(low):
            continue
        if lex.info(low)[1] & lexicon_mod.LISTED or in_hyphen_break(doc.masked, tok.start, tok.end):
            continue
        if _technical(doc.masked, tok.start, tok.end) or _mentioned(doc.masked, tok.start, tok.end):
            continue  # written as code ("`canbe`", "canbe_flag") or quoted as a misspelling
        before, after = doc.masked[tok.start - 1 : tok.start], doc.masked[tok.end : tok.end + 1]
        if before in _QUOTES or (before == "," and after == ","):
            continue  # a quoted string ('"atleast"') or an item of a list of words ("ba,eachother,fo")
        if doc.protected and _named_in_code(dw.hidden, low):
            continue  # the name of something the text links to or quotes as code
        words, others = table[low]
        if doc.technical and min(lex.zipf(w) for w in words.split(" ")) < TECHNICAL_PHRASE_ZIPF:
            continue  # a term of technical writing run together on purpose ("compiletime", "filetest")
        left, right = left_context(dw, i), right_context(dw, i)
        split = context.phrase_score(left, tuple(words.split(" ")), right)
        if split <= context.OOV:
            continue
        rivals = {low: context.phrase_score(left, (low,), right)}
        rivals.update((o, context.phrase_score(left, (o,), right)) for o in others if " " not in o)
        known = {w: s for w, s in rivals.items() if s > context.OOV}
        lead = split - max(known.values()) if known else float("inf")
        if lead < 0:
            continue  # the sentence reads better with the word as written, or another correction
        # with no other correction listed, the split is safe unless the context prefers the word
        safe = lead >= (RUN_TOGETHER_LEAD if others else 0.0)
        replacement = _cased(tok.text, words)
        versus = (
            f"{lead:.1f} log10 units likelier than with {max(known, key=known.__getitem__)!r}"
            if known
            else "likely, and the word unknown to it"
        )
        yield finding(
            "TYP004",
            tok.start,
            tok.end,
            f"{tok.text!r} looks like two words run together: {replacement!r}",
            replacement=replacement,
            applicability=Applicability.SAFE if safe else Applicability.DISPLAY,
            confidence=0.9 if safe else DISPLAY_CONFIDENCE,
            explanation=(
                f"{low!r} is a common misspelling of {_either((words, *others))} (codespell's list, from"
                f" Wikipedia's lists of common misspellings); the trigram model finds the sentence with"
                f" {words!r} {versus}."
            ),
            alternatives=tuple(_cased(tok.text, o) for o in others),
        )
