"""The scrape family: residue that web scraping and careless conversion leave in prose.

Caption credits, boilerplate lines, truncation marks, mojibake, HTML entities and
tags in plain text, quoted-printable residue, invisible and control characters, ligature
glyphs, glued sentences, wrongly oriented quotes, repeated words and lines.  Each submodule
registers its rules when imported; importing does nothing else.
"""

from repair.detectors.scrape import (  # noqa: F401  (imported to register rules)
    boilerplate,
    credit,
    encoding,
    invisible,
    ligatures,
    markup,
    printable,
    quotes,
    repeats,
    spacing,
    truncation,
)
