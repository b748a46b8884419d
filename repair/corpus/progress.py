"""A small progress bar on standard error: documents, documents/s, MB/s and ETA, on a terminal only."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR = 24


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """Tracks finished work (input bytes, by shard) and live document counts; draws at most 5 times a second.

    The ETA comes from the share of input bytes in finished shards; documents/s
    from the live count the workers report.  Quiet unless ``enabled`` (by
    default: when the stream is a terminal).
    """

    def __init__(
        self,
        total_weight: int,
        done_weight: int = 0,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) if enabled is None else enabled
        self.total = max(1, total_weight)
        self.done = self.initial = done_weight
        self.docs = 0
        self.bytes = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def add_docs(self, n: int) -> None:
        """Documents processed so far (live, from the workers)."""
        self.docs += n
        self.draw()

    def shard_done(self, weight: int, bytes_in: int) -> None:
        """A shard finished: its share of the input and the bytes it read."""
        self.done += weight
        self.bytes += bytes_in
        self.draw()

    def draw(self, force: bool = False) -> None:
        """Redraw the bar if enabled and due."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.2:
            return
        self._drawn = now
        elapsed = max(now - self.started, 1e-6)
        share = min(1.0, self.done / self.total)
        fresh = self.done - self.initial
        eta = "?"
        if fresh > 0:
            eta = _duration(elapsed * (self.total - self.done) / fresh)
        filled = int(share * BAR)
        line = (
            f"\r[{'#' * filled}{'.' * (BAR - filled)}] {share:6.1%}  {self.docs:,} docs  "
            f"{self.docs / elapsed:,.0f} docs/s  {self.bytes / 1e6 / elapsed:,.2f} MB/s  ETA {eta}  "
        )
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        """Finish the line."""
        if self.enabled:
            self.draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
