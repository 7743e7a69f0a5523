"""Learn the weights of `factcheck match`'s ranker from the CLEF-2020 training queries.

    python scripts/train_matcher.py            # writes src/factcheck/match/model.json
    python scripts/train_matcher.py --ablate   # also: what each group of features adds

Each training tweet is run through the matcher's own candidate stage and features
(factcheck.match.features) over the 10,375 verified claims; a candidate that verifies the
tweet is a positive. Each tweet is also run a second time with its answers taken out of the
archive, every candidate then a negative: in CLEF's data every tweet has an answer, but a desk
asks of claims nobody has checked, and without these the model learned that the best candidate
is nearly always right (it scored 0.5 or more for 54% of the development tweets whose answer
was not there; with them, 16%, at the same MAP@5). The model is an L2-regularised logistic
regression fitted by Newton's method (IRLS) on standardised features: a dozen lines of numpy,
deterministic, no other package. The development split is only measured, never fitted to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claim_matching_data import measures, qrels, queries, verified_claims

from factcheck.match import features
from factcheck.match.index import Document, Index
from factcheck.match.ranker import Model

MODEL = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "match" / "model.json"
PENALTY = 1.0  # L2 on the standardised weights; 0.1 to 10 gave the same MAP on train


def table(
    index: Index, split: str, without_answers: bool = False
) -> tuple[Any, Any, list[str], list[str]]:
    """Every candidate of every query of the split, with its features and whether it is an
    answer; `without_answers`: with each query's answers taken out of the archive."""
    answers = qrels(split)
    number = {d.id: n for n, d in enumerate(index.documents)}
    rows, labels, groups, ids = [], [], [], []
    for query_id, text in queries(split).items():
        asked = features.query(index, text)
        left_out = [number[a] for a in answers.get(query_id, ())] if without_answers else []
        for found in features.candidates(index, asked, left_out):
            document = index.documents[found.number]
            rows.append(found.values)
            labels.append(document.id in answers.get(query_id, set()))
            groups.append(query_id)
            ids.append(document.id)
    return np.array(rows), np.array(labels, dtype=float), groups, ids


def fit(x: Any, y: Any) -> tuple[Any, Any, Any, float]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    weights = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * PENALTY
    penalty[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ weights))
        gradient = z.T @ (p - y) + penalty @ weights
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-9:
            break
    return mean, scale, weights[1:], float(weights[0])


def ranked_by(scores: Any, groups: list[str], ids: list[str], split: str) -> dict[str, list[str]]:
    by_query: dict[str, list[tuple[float, str]]] = {q: [] for q in queries(split)}
    for score, group, found in zip(scores, groups, ids, strict=True):
        by_query[group].append((-score, found))
    return {q: [i for _, i in sorted(found)[:5]] for q, found in by_query.items()}


def evaluate(columns: list[int], train: Any, dev: Any, extra: Any) -> tuple[dict[str, float], ...]:
    x = np.vstack([train[0], extra[0]])[:, columns]
    mean, scale, weights, intercept = fit(x, np.concatenate([train[1], extra[1]]))
    results = []
    for split, data in (("train", train), ("dev", dev)):
        scores = ((data[0][:, columns] - mean) / scale) @ weights + intercept
        results.append(measures(ranked_by(scores, data[2], data[3], split), qrels(split)))
    return tuple(results)


GROUPS = {
    "BM25": ["bm25", "bm25_share", "bm25_text", "bm25_headline", "bm25_rank"],
    "embeddings": ["similarity", "similarity_gap", "similarity_text", "similarity_headline"],
    "word overlap": ["covered", "covering"],
    "figures and names": ["figures_shared", "figures_unmatched", "names_covered", "names_shared"],
}


def best_scores(fitted: Any, dev: Any, dev_without: Any) -> list[str]:
    """How often the best candidate of a development query scores at least 0.5 and 0.8, with
    its answers in the archive and with them taken out: what a score means to a desk."""
    mean, scale, weights, intercept = fitted
    lines = []
    for label, data in (("with the answer", dev), ("answer taken out", dev_without)):
        scores = 1 / (1 + np.exp(-(((data[0] - mean) / scale) @ weights + intercept)))
        best: dict[str, float] = {}
        for group, score in zip(data[2], scores, strict=True):
            best[group] = max(best.get(group, 0.0), float(score))
        shares = [sum(s >= t for s in best.values()) for t in (0.5, 0.8)]
        lines.append(f"dev, {label}: best score >= 0.5 for {shares[0]} of {len(best)} "
                     f"queries, >= 0.8 for {shares[1]}")  # fmt: skip
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablate", action="store_true", help="measure each group left out")
    parser.add_argument("--dry-run", action="store_true", help="measure, write nothing")
    args = parser.parse_args()
    claims = verified_claims()
    index = Index.built([Document(i, text, headline or text) for i, text, headline in claims])
    train, dev = table(index, "train"), table(index, "dev")
    extra = table(index, "train", without_answers=True)
    everything = list(range(len(features.NAMES)))
    if args.ablate:
        print("features             train MAP@5  dev MAP@5")
        bm25_only = [features.NAMES.index("bm25")]
        rows = [("BM25 alone", bm25_only), ("all", everything)]
        for group, names in GROUPS.items():
            rows.append((f"all but {group}", [c for c in everything
                                              if features.NAMES[c] not in names]))  # fmt: skip
        for label, columns in rows:
            on_train, on_dev = evaluate(columns, train, dev, extra)
            print(f"{label:<22} {on_train['MAP@5']:.3f}        {on_dev['MAP@5']:.3f}")
    on_train, on_dev = evaluate(everything, train, dev, extra)
    print("train", {k: round(v, 3) for k, v in on_train.items()})
    print("dev  ", {k: round(v, 3) for k, v in on_dev.items()})
    fitted = fit(np.vstack([train[0], extra[0]]), np.concatenate([train[1], extra[1]]))
    mean, scale, weights, intercept = fitted
    calibration = best_scores(fitted, dev, table(index, "dev", without_answers=True))
    for line in calibration:
        print(line)
    if args.dry_run:
        return
    model = Model(features.NAMES, tuple(mean.tolist()), tuple(scale.tolist()),
                  tuple(weights.tolist()), intercept)  # fmt: skip
    provenance = {
        "data": "CLEF-2020 CheckThat! Task 2 v3.0 (sshaar/clef2020-factchecking-task2 "
        "@ e993f1fe), 800 training tweets against 10,375 Snopes verified claims; "
        "free for general research use",
        "made by": "scripts/train_matcher.py",
        "made on": dt.date.today().isoformat(),
        "candidates": len(train[1]) + len(extra[1]),
        "positives": int(train[1].sum()),
        "dev calibration": calibration,
        "train MAP@5": round(on_train["MAP@5"], 4),
        "dev MAP@5 (measured, not fitted)": round(on_dev["MAP@5"], 4),
    }
    MODEL.write_text(model.to_json(provenance), encoding="utf-8")
    print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
