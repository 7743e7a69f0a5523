"""Check-worthiness of `factcheck extract` on the ClaimBuster development sentences
(../shared/data/check-worthiness/dev.jsonl), which the model was not fitted to.

    python benchmarks/check_worthiness.py            # at the threshold `extract` uses
    python benchmarks/check_worthiness.py --curve    # and F1 at every threshold

Prints precision, recall and F1 at the threshold `extract` uses, on the natural mix (25%
check-worthy) and on balanced samples (every check-worthy sentence and as many others drawn at
random, ten draws with fixed seeds, mean and range), beside the TF-IDF baseline of the data's
README, and the time to score the sentences. `--curve` adds F1 at thresholds from 0.2 to 0.7,
on the natural mix and balanced (expected over draws: precision from the rates of true and
false positives, the classes equal): what any one threshold could give. Reading a threshold
off this curve would be fitting to the development sentences; `extract`'s comes from
cross-validation on the training sentences (scripts/train_worthiness.py).
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
    scored = score(model, [r["text"] for r in rows])
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
    if "--curve" in sys.argv[1:]:
        curve([s.score for s in scored], [r["label"] for r in rows])
    debates(model)
    return 0


def score(model: worthiness.Model, texts: list[str]) -> list[worthiness.Scored]:
    """Each sentence scored as `extract` scores it: tagged by the same pipeline, then scored
    (the time printed includes the tagging)."""
    from factcheck.text.pipeline import english

    tags = [[t.tag_ for t in doc] for doc in english().pipe(texts, batch_size=64)]
    return model.score(texts, tags)


DEBATES = DATA.parent / "check-worthiness-debates"
# The README of ../shared/data/check-worthiness-debates, dev MAP per speech.
DEBATE_BASELINES = (("random ranking", 0.038), ("TF-IDF + LR on debates train", 0.076),
                    ("TF-IDF + LR on ClaimBuster", 0.101))  # fmt: skip


def debates(model: worthiness.Model) -> None:
    """CheckThat! 2021 Task 1B dev (9 speeches): mean average precision per speech, the lab's
    measure, with and without the SYSTEM lines (applause, notes) that the labels mark."""
    if not DEBATES.is_dir():
        return
    rows = [json.loads(line) for line in (DEBATES / "dev.jsonl").open(encoding="utf-8")]
    scored = score(model, [r["text"] for r in rows])
    print(f"\nCheckThat! 2021 debates and speeches, dev ({len(rows)} lines, "
          f"{sum(r['label'] for r in rows)} check-worthy)")  # fmt: skip
    for name, keep in (("every line", lambda r: True),
                       ("without SYSTEM lines", lambda r: r["speaker"] != "SYSTEM")):  # fmt: skip
        print(f"  MAP per speech, {name}: {mean_ap(rows, scored, keep):.3f}")
    for name, value in DEBATE_BASELINES:
        print(f"  baseline (README) {name}: {value:.3f}")


def mean_ap(rows: list[dict[str, object]], scored: list[worthiness.Scored], keep: object) -> float:
    speeches: dict[object, list[tuple[float, object]]] = {}
    for row, score in zip(rows, scored, strict=True):
        if keep(row):  # type: ignore[operator]
            speeches.setdefault(row["debate"], []).append((score.score, row["label"]))
    precisions = []
    for lines in speeches.values():
        lines.sort(key=lambda line: -line[0])
        hits, total = 0, 0.0
        for rank, (_, label) in enumerate(lines, start=1):
            if label:
                hits += 1
                total += hits / rank
        if hits:
            precisions.append(total / hits)
    return sum(precisions) / len(precisions)


def curve(scores: list[float], labels: list[int]) -> None:
    positives = sum(labels)
    negatives = len(labels) - positives
    print("threshold  natural F1  balanced F1")
    for step in range(21):
        threshold = 0.2 + 0.025 * step
        said = [score >= threshold for score in scores]
        tp = sum(1 for s, y in zip(said, labels, strict=True) if s and y)
        fp = sum(1 for s, y in zip(said, labels, strict=True) if s and not y)
        recall = tp / positives
        natural = 2 * tp / (2 * tp + fp + (positives - tp))
        rate = fp / negatives  # on a balanced sample, as many false positives in proportion
        precision = recall / (recall + rate) if recall + rate else 0.0
        balanced = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{threshold:9.3f}  {natural:10.3f}  {balanced:11.3f}")


if __name__ == "__main__":
    sys.exit(main())
