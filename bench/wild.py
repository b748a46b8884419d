#!/usr/bin/env python3
"""Findings per 10,000 words on technical writing found on this machine: a pre-commit user's view.

The dev sets hold encyclopedic prose, books and papers; a documentation repository is
full of program, file and option names instead.  This collects the READMEs under
``/usr/share/doc`` (Debian packages) and the Markdown and reStructuredText files of the
installed Python packages, runs ``repair check --format json`` over them and counts the
findings by rule and applicability.  Nothing here is a bench set: the files are whatever
the machine holds, so compare runs on one machine only.  Every finding is a candidate
false alarm to read (``--show``); some are real typos in those files.

``--files`` checks other clean text instead, for example modern prose (see bench/README,
"Modern prose").

Usage:
    python bench/wild.py [--limit 200] [--show] [--json] [--files FILE...]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from speed import CHILD_ENV, command  # noqa: E402  (bench scripts are run from a checkout)


def collect(limit: int) -> list[Path]:
    """Up to ``limit`` READMEs and docs, in a stable order: Debian's first, then Python packages'."""
    found: list[Path] = []
    doc = Path("/usr/share/doc")
    if doc.is_dir():
        for pkg in sorted(doc.iterdir()):
            for name in ("README", "README.md", "README.Debian", "README.txt", "README.rst"):
                path = pkg / name
                if path.is_file() and 2_000 <= path.stat().st_size <= 60_000:
                    found.append(path)
    site = Path(sysconfig.get_paths()["purelib"])
    for path in sorted(site.rglob("*")):
        if path.suffix in (".md", ".rst") and path.is_file() and 2_000 <= path.stat().st_size <= 60_000:
            found.append(path)
    # every other file, so that one package's many examples do not fill the sample
    return found[:: max(1, len(found) // limit)][:limit]


def main() -> None:
    """Collect the files, check them, print the counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="how many files (default 200)")
    ap.add_argument("--repair", default="repair", help="the repair command")
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--files", type=Path, nargs="+", help="check these clean text files instead")
    args = ap.parse_args()
    files = args.files or collect(args.limit)
    if not files:
        raise SystemExit("no README or documentation files found on this machine")
    words = 0
    for path in files:
        try:
            words += len(path.read_text(encoding="utf-8", errors="replace").split())
        except OSError:
            continue
    proc = subprocess.run(
        [command(args.repair), "check", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
        check=False,
    )
    if proc.returncode not in (0, 1, 2):  # 2: a binary or undecodable file was skipped
        raise SystemExit(f"repair check failed ({proc.returncode}): {proc.stderr[-1000:]}")
    findings: list[dict[str, Any]] = json.loads(proc.stdout or "[]")
    by_rule = collections.Counter(f"{f['rule']} {f.get('applicability', '')}" for f in findings)
    fixable = sum(1 for f in findings if f.get("applicability") == "safe")
    result = {
        "files": len(files),
        "words": words,
        "findings_per_10k_words": round(len(findings) * 1e4 / max(1, words), 2),
        "safe_fixes_per_10k_words": round(fixable * 1e4 / max(1, words), 2),
        "by_rule": dict(by_rule.most_common()),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{len(files)} files, {words:,} words: {len(findings)} findings, {fixable} safe fixes")
    per = (result["findings_per_10k_words"], result["safe_fixes_per_10k_words"])
    print(f"per 10,000 words: {per[0]} findings, {per[1]} safe fixes")
    for key, n in by_rule.most_common():
        print(f"  {n:4d}  {key}")
    if args.show:
        for item in findings:
            where = os.path.relpath(item["path"], "/")
            print(f"{where}: {item['rule']} [{item.get('applicability', '')}] {item['message']}")


if __name__ == "__main__":
    main()
