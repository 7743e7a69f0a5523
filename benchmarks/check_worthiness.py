"""Check-worthiness of `factcheck extract` on the ClaimBuster development sentences
(../shared/data/check-worthiness/dev.jsonl), which the model was not fitted to.

    python benchmarks/check_worthiness.py

Prints precision, recall and F1 at the threshold `extract` uses, on the natural mix (25%
check-worthy) and on balanced samples (every check-worthy sentence and as many others drawn at
random, ten draws with fixed seeds, mean and range), beside the TF-IDF baseline of the data's
README, and the time to score the sentences.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from factcheck.extract import worthiness

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "check-worthiness"
BASELINE = (0.671, 0.724, 0.696)  # TF-IDF + class-balanced logistic regression, natural mix


def prf(pairs: list[tuple[bool, int]]) -> tuple[float, float, float]:
    tp = sum(1 for said, label in pairs if said and label)
    fp = sum(1 for said, label in pairs if said and not label)
    fn = sum(1 for said, label in pairs if not said and label)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    if not DATA.is_dir():
        print(f"no data: {DATA} is missing", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in (DATA / "dev.jsonl").open(encoding="utf-8")]
    model = worthiness.shipped()
    start = time.perf_counter()
    scored = model.score([r["text"] for r in rows])
    took = time.perf_counter() - start
    pairs = [(s.score >= model.threshold, r["label"]) for s, r in zip(scored, rows, strict=True)]
    p, r, f = prf(pairs)
    print(f"threshold {model.threshold}; {len(rows)} sentences scored in {took:.2f} s")
    print("sample                 precision  recall  F1")
    print(f"natural mix (25%)      {p:.3f}      {r:.3f}   {f:.3f}")
    print(f"  baseline (README)    {BASELINE[0]:.3f}      {BASELINE[1]:.3f}   {BASELINE[2]:.3f}")
    positives = [x for x in pairs if x[1]]
    negatives = [x for x in pairs if not x[1]]
    draws = []
    for seed in range(10):
        sample = positives + random.Random(seed).sample(negatives, len(positives))
        draws.append(prf(sample))
    means = [sum(d[i] for d in draws) / len(draws) for i in range(3)]
    low, high = min(d[2] for d in draws), max(d[2] for d in draws)
    print(f"balanced (10 draws)    {means[0]:.3f}      {means[1]:.3f}   {means[2]:.3f} "
          f"(F1 {low:.3f} to {high:.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
