"""The learned combiner: a small network (or a logistic regression) over a proposal's evidence.

Its weights (``dictionaries/spin_combiner.json``: one hidden layer of tanh
units when the file has ``hidden`` weights, else a logistic regression) come from
``tools/train_spin_combiner.py``, trained on public-domain books spun by a
simulated sense-blind spinner, never on a benchmark set.  When the file is
absent the proposal's Bayesian posterior is used as it is.
"""

from __future__ import annotations

import functools
import json
import math
from operator import mul
from typing import Any

from repair.resources import DataError, open_text
from repair.spin.scan import Proposal

WEIGHTS = "spin_combiner.json"


@functools.cache
def _model() -> dict[str, list[Any]] | None:
    try:
        with open_text(WEIGHTS) as fh:
            data: dict[str, list[Any]] = json.load(fh)
    except DataError:
        return None
    return data


def _scaled(v: float, m: float, s: float) -> float:
    return (v - m) / s


@functools.lru_cache(maxsize=1 << 16)
def probability(prop: Proposal) -> float:
    """The combiner's probability that the proposal restores the original wording (cached: the
    family asks for it several times per proposal)."""
    model = _model()
    if model is None:
        return prop.posterior
    weights, mean, scale = model["weights"], model["mean"], model["scale"]
    features = prop.features()
    if len(features) != len(mean):  # weights trained for other inputs: no learned confidence
        return prop.posterior
    x = list(map(_scaled, features, mean, scale))
    # sum(map(mul, ...)) adds the same products in the same order as a generator, in C
    if "hidden" in model:
        x = [
            math.tanh(b + sum(map(mul, row, x)))
            for row, b in zip(model["hidden"], model["hidden_bias"], strict=True)
        ]
    z = weights[-1] + sum(map(mul, weights, x))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
