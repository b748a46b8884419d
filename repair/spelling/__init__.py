"""Spelling machinery shared by the typo and OCR families.

``lexicon`` (word frequencies, a cached SymSpell-style deletion index, bigram
counts), ``cost`` (edit costs that know keyboard slips and OCR confusions),
``context`` (trigram language-model scores) and ``correct`` (ranking the
candidates of one unknown word and deciding how far the evidence goes).
"""
