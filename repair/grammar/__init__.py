"""Helpers of the grammar family (LanguageTool): chunking, the HTTP client, match mapping.

The family's rules live in :mod:`repair.detectors.grammar`; these modules hold
the parts that have one job each:

- :mod:`repair.grammar.chunks` cuts a document's masked text into pieces within
  LanguageTool's limits, at paragraph boundaries, keeping true offsets;
- :mod:`repair.grammar.client` talks to the server (``POST /v2/check``) with a
  bounded timeout and remembers, for the rest of the process, a server that failed;
- :mod:`repair.grammar.matches` turns LanguageTool matches into findings.

Folding a LanguageTool finding into repair's own finding on the same span is a
resolver step: :func:`repair.resolve.fold_second_opinions`.
"""
