"""The CLEF-2020 CheckThat! Task 2 data in ../shared/data/claim-matching/, read as the
training script and the benchmark both need it, and the measures of the lab (MAP@k)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "claim-matching"


def _rows(name: str) -> list[list[str]]:
    csv.field_size_limit(sys.maxsize)
    with (DATA / name).open(newline="", encoding="utf-8") as file:
        reader = csv.reader(file, delimiter="\t")
        next(reader)  # the header line
        return list(reader)


def verified_claims() -> list[tuple[str, str, str]]:
    """(vclaim_id, claim, headline) of every Snopes fact-check."""
    return [(row[0], row[1], row[2]) for row in _rows("verified_claims.tsv")]


def queries(split: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(f"{split}.queries.tsv")}


def qrels(split: str) -> dict[str, set[str]]:
    answers: dict[str, set[str]] = {}
    with (DATA / f"{split}.qrels").open(encoding="utf-8") as file:
        next(file)
        for line in file:
            query, _, vclaim, relevant = line.split()
            if relevant == "1":
                answers.setdefault(query, set()).add(vclaim)
    return answers


def average_precision(ranked: list[str], relevant: set[str], k: int) -> float:
    hits, total = 0, 0.0
    for place, found in enumerate(ranked[:k], start=1):
        if found in relevant:
            hits += 1
            total += hits / place
    return total / min(len(relevant), k) if relevant else 0.0


def measures(ranked: dict[str, list[str]], answers: dict[str, set[str]]) -> dict[str, float]:
    """MAP@5, MAP@1 and recall@5 over every query (a query with no answer counts as 0, as the
    lab's scorer counts it)."""
    count = len(ranked)
    return {
        "MAP@5": sum(average_precision(r, answers.get(q, set()), 5) for q, r in ranked.items())
        / count,
        "MAP@1": sum(average_precision(r, answers.get(q, set()), 1) for q, r in ranked.items())
        / count,
        "recall@5": sum(bool(set(r[:5]) & answers.get(q, set())) for q, r in ranked.items())
        / count,
    }
