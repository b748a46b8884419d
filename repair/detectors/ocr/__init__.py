"""OCR family: damage left by optical character recognition.

Words broken by line-end hyphens (OCR002), words split by a stray space
(OCR003), words run together (OCR004) and stray punctuation (OCR005) are in
:mod:`structure`; straight apostrophes among curly ones (OCR006), real-word
misreads (OCR007), stray quote marks (OCR008) and capitals misread inside
sentences (OCR010) in :mod:`marks`; running
headers and page numbers inside paragraphs (OCR009) in :mod:`pages`; look-alike
glyphs read for each other, a capital I for a small l and the digits 1 and 0 for
letters (OCR011), in :mod:`glyphs`.  Misread
glyphs inside a word ("tirne") are OCR001, emitted by the typo family's
ranking.  Each submodule registers its rules when imported; importing does
nothing else.
"""

from repair.detectors.ocr import glyphs, marks, pages, structure  # noqa: F401  (imported to register rules)
