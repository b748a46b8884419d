"""Helpers of the grammar family (LanguageTool): chunking, the HTTP client, match mapping, merging.

The family's rules live in :mod:`repair.detectors.grammar`; these modules hold
the parts that have one job each:

- :mod:`repair.grammar.chunks` cuts a document's masked text into pieces within
  LanguageTool's limits, at paragraph boundaries, keeping true offsets;
- :mod:`repair.grammar.client` talks to the server (``POST /v2/check``) with a
  bounded timeout and remembers, for the rest of the process, a server that failed;
- :mod:`repair.grammar.matches` turns LanguageTool matches into findings;
- :mod:`repair.grammar.merge` folds a LanguageTool finding into a finding of
  repair's own rules on the same span (a resolver step, see its docstring).
"""
