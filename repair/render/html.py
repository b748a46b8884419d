"""The HTML review report: one self-contained page, no network loads.

The page is ``templates/report.html`` with ``report.css`` and the script
parts (``util.js``, ``report.js``) inlined.  The report data goes in a ``<script type="application/json">``
element with ``<``, ``>`` and ``&`` escaped as ``\\u003c`` etc., so no document
text can close the element or open a tag; the script builds the page with
``textContent`` only.  A Content-Security-Policy meta tag forbids every network
load and allows only the page's own script, by its sha256 hash, so even markup
that slipped into the page could not run a script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

_TEMPLATES = "repair.render.templates"
SCRIPT_PARTS = ("util.js", "report.js")
_PLACEHOLDER = re.compile(r"\{\{([A-Z]+)\}\}")


def _asset(name: str) -> str:
    return resources.files(_TEMPLATES).joinpath(name).read_text(encoding="utf-8")


def script_text() -> str:
    """The page's script: the parts in :data:`SCRIPT_PARTS`, in one strict-mode function scope."""
    body = "\n".join(_asset(name) for name in SCRIPT_PARTS)
    return '(function () {\n  "use strict";\n\n' + body + "})();\n"


def embed_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survives literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def csp(script: str) -> str:
    """The page's Content-Security-Policy: nothing from the network, only this script."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def render(data: dict[str, Any]) -> str:
    """The whole page for a report built by :func:`repair.report.build`."""
    script = script_text()
    page = _asset("report.html")
    values = {
        "CSP": html.escape(csp(script), quote=False).replace('"', "&quot;"),
        "TITLE": html.escape(f"repair review: {data['root']}"),
        "CSS": _asset("report.css"),
        "DATA": embed_json(data),
        "SCRIPT": script,
    }
    if "</script" in script.lower() or "</style" in values["CSS"].lower():
        raise ValueError("report assets must not close their own element")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], page)
