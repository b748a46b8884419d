"""Detector families, one module each.  Importing a module only registers its rules.

The registry imports every module listed here, in this order.
"""

FAMILIES: tuple[str, ...] = (
    "scrape",
    "typo",
    "ocr",
    "grammar",
    "spin",
)
