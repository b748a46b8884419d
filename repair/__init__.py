"""repair: find and fix text-quality damage in English prose.

Spinner artifacts, typing and OCR noise, and scraping residue, each reported as
a finding with its evidence and a reviewable fix.

    >>> import repair
    >>> [f.rule for f in repair.check("the the cat")]
    ['SCR009']
    >>> repair.fix("the the cat")
    'the cat'
"""

from repair.api import check, fix
from repair.model import Applicability, Category, Edit, Example, Finding, Rule

__all__ = ["Applicability", "Category", "Edit", "Example", "Finding", "Rule", "check", "fix"]
__version__ = "0.1.0"
