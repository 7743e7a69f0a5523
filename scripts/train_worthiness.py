"""Learn the check-worthiness model of `factcheck extract` from the ClaimBuster sentences.

    pip install scikit-learn          # for this script only; the package does not need it
    python scripts/train_worthiness.py            # writes src/factcheck/extract/worthiness.json
    python scripts/train_worthiness.py --dry-run  # measures, writes nothing

Data: ../shared/data/check-worthiness/train.jsonl (6,381 debate sentences labelled by the
ClaimBuster project). The dataset's own release is CC BY 4.0 (Arslan, Hassan, Li, Tremayne,
ICWSM 2020), which is what the shipped weights rely on, with that attribution; the copy in
utaresearch/claimbuster-spotter that the data was taken from is GPL-3.0, and no code of it is
used. The features are factcheck.extract.worthiness's own (the part-of-speech tags from the spaCy
pipeline `extract` uses, text/pipeline.py); the model is scikit-learn's
class-balanced logistic regression (C 1), and the threshold that `extract` lists sentences
above is the one that gave the best F1 in 5-fold cross-validation on the training sentences.
The development sentences are only measured here, never fitted to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import cross_val_predict

from factcheck.extract import worthiness as w

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "check-worthiness"
MODEL = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "extract" / "worthiness.json"


def sentences(split: str) -> tuple[list[str], Any]:
    rows = [json.loads(line) for line in (DATA / f"{split}.jsonl").open(encoding="utf-8")]
    return [r["text"] for r in rows], np.array([r["label"] for r in rows])


def vocabulary(documents: list[list[str]], min_df: int) -> dict[str, float]:
    """Each term in at least min_df documents, with scikit-learn's smooth IDF."""
    df = Counter(t for terms in documents for t in set(terms))
    n = len(documents)
    return {t: math.log((1 + n) / (1 + d)) + 1 for t, d in sorted(df.items()) if d >= min_df}


def block(documents: list[list[str]], idf: dict[str, float]) -> Any:
    column = {t: i for i, t in enumerate(idf)}
    rows, cols, values = [], [], []
    for r, terms in enumerate(documents):
        for t, v in w.tfidf(terms, idf).items():
            rows.append(r)
            cols.append(column[t])
            values.append(v)
    return csr_matrix((values, (rows, cols)), shape=(len(documents), len(idf)))


def tagged(texts: list[str]) -> list[list[str]]:
    """Each sentence's part-of-speech tags, by the pipeline `extract` parses sentences with."""
    from factcheck.text.pipeline import english

    return [[t.tag_ for t in doc] for doc in english().pipe(texts, batch_size=256)]


def features(texts: list[str], tags: list[list[str]], word_idf: dict[str, float],
             char_idf: dict[str, float], tag_idf: dict[str, float]) -> Any:  # fmt: skip
    vectors = w.plain_embedder().embed(texts)
    hand = np.array([w.signals(t) for t in texts])
    words = block([w.words_and_pairs(t) for t in texts], word_idf)
    chars = block([w.char_grams(t) for t in texts], char_idf)
    shapes = block([w.tag_grams(t) for t in tags], tag_idf)
    return hstack([words, chars, shapes, csr_matrix(vectors), csr_matrix(hand)]).tocsr()


def prf(labels: Any, predicted: Any) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(labels, predicted, average="binary")
    return float(p), float(r), float(f)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    texts, labels = sentences("train")
    tags = tagged(texts)
    word_idf = vocabulary([w.words_and_pairs(t) for t in texts], 2)
    char_idf = vocabulary([w.char_grams(t) for t in texts], 3)
    tag_idf = vocabulary([w.tag_grams(t) for t in tags], 3)
    x = features(texts, tags, word_idf, char_idf, tag_idf)
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    folds = cross_val_predict(model, x, labels, cv=5, method="predict_proba")[:, 1]
    thresholds = [round(0.3 + 0.025 * i, 3) for i in range(21)]
    threshold = max(thresholds, key=lambda t: prf(labels, folds > t)[2])
    model.fit(x, labels)
    dev_texts, dev_labels = sentences("dev")
    dev_x = features(dev_texts, tagged(dev_texts), word_idf, char_idf, tag_idf)
    scores = model.predict_proba(dev_x)[:, 1]
    measured = {f"dev at {t}": [round(v, 3) for v in prf(dev_labels, scores > t)]
                for t in (0.5, threshold)}  # fmt: skip
    print(f"threshold from 5-fold CV on train: {threshold}; CV F1 "
          f"{prf(labels, folds > threshold)[2]:.3f}")  # fmt: skip
    for name, values in measured.items():
        print(f"{name}: precision, recall, F1 = {values}")
    if args.dry_run:
        return
    coef = model.coef_[0]
    n_words, n_chars, n_tags = len(word_idf), len(char_idf), len(tag_idf)
    tagged_from = n_words + n_chars
    body = {
        "provenance": {
            "data": "ClaimBuster (Arslan, Hassan, Li, Tremayne, ICWSM 2020), CC BY 4.0; "
            "6,381 training sentences of ../shared/data/check-worthiness/train.jsonl",
            "made by": "scripts/train_worthiness.py",
            "made on": dt.date.today().isoformat(),
            "measured (not fitted)": measured,
        },
        "hand": list(w.HAND),
        "threshold": threshold,
        "intercept": float(model.intercept_[0]),
        "words": {t: [round(v, 6), round(float(c), 6)]
                  for (t, v), c in zip(word_idf.items(), coef[:n_words], strict=True)},
        "chars": {t: [round(v, 6), round(float(c), 6)]
                  for (t, v), c in zip(char_idf.items(), coef[n_words:n_words + n_chars],
                                       strict=True)},
        "tags": {t: [round(v, 6), round(float(c), 6)]
                 for (t, v), c in zip(tag_idf.items(), coef[tagged_from:tagged_from + n_tags],
                                      strict=True)},
        "vector_weights": [round(float(c), 6)
                           for c in coef[tagged_from + n_tags:-len(w.HAND)]],
        "hand_weights": [round(float(c), 6) for c in coef[-len(w.HAND):]],
    }  # fmt: skip
    MODEL.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n",
                     encoding="utf-8")  # fmt: skip
    print(f"wrote {MODEL} ({MODEL.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
