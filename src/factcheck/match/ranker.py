"""The learned scorer: a logistic model over the named features of features.py.

Its weights are data (`model.json`, written by scripts/train_matcher.py with the figures of
the run that made it), read and checked here: a model whose feature names are not the ones
this code computes is refused rather than applied to the wrong columns.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from factcheck.match.features import NAMES


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float

    def score(self, values: list[float]) -> float:
        """The probability that the candidate verifies the query."""
        z = self.intercept + sum(
            w * (v - m) / s
            for w, v, m, s in zip(self.weights, values, self.mean, self.scale, strict=True)
        )
        return 1 / (1 + math.exp(-z)) if z > -500 else 0.0

    def contributions(self, values: list[float]) -> dict[str, float]:
        """How much each feature moved the score's log-odds from the average candidate."""
        return {
            name: w * (v - m) / s
            for name, w, v, m, s in zip(
                self.names, self.weights, values, self.mean, self.scale, strict=True
            )
        }

    def to_json(self, provenance: dict[str, Any]) -> str:
        body = {
            "provenance": provenance,
            "names": self.names,
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "intercept": self.intercept,
        }
        return json.dumps(body, indent=1) + "\n"


@functools.cache
def shipped() -> Model:
    raw = resources.files("factcheck.match").joinpath("model.json").read_text(encoding="utf-8")
    return parse(json.loads(raw))


def parse(data: dict[str, Any]) -> Model:
    names = tuple(data["names"])
    if names != NAMES:
        raise ValueError("model.json was trained on other features; run scripts/train_matcher.py")
    mean, scale, weights = (tuple(float(x) for x in data[k]) for k in ("mean", "scale", "weights"))
    model = Model(names, mean, scale, weights, float(data["intercept"]))
    if not len(model.mean) == len(model.scale) == len(model.weights) == len(names):
        raise ValueError("model.json: a list of the wrong length")
    return model
