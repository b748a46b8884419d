"""The learned combiner: a logistic regression over a proposal's evidence.

Its weights (``dictionaries/spin_combiner.json``) come from
``tools/train_spin_combiner.py``, trained on public-domain books spun by a
simulated sense-blind spinner, never on a benchmark set.  When the file is
absent the proposal's Bayesian posterior is used as it is.
"""

from __future__ import annotations

import functools
import json
import math

from repair.resources import DataError, open_text
from repair.spin.scan import Proposal

WEIGHTS = "spin_combiner.json"


@functools.cache
def _model() -> tuple[list[float], list[float], list[float]] | None:
    try:
        with open_text(WEIGHTS) as fh:
            data = json.load(fh)
    except DataError:
        return None
    return data["weights"], data["mean"], data["scale"]


def probability(prop: Proposal) -> float:
    """The combiner's probability that the proposal restores the original wording."""
    model = _model()
    if model is None:
        return prop.posterior
    weights, mean, scale = model
    x = prop.features()
    z = weights[-1] + sum(w * (v - m) / s for w, v, m, s in zip(weights, x, mean, scale, strict=False))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
