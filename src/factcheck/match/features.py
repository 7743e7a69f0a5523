"""The features the ranker weighs, each with a name a person can read."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck.match.index import Index
from factcheck.text import words
from factcheck.text.embeddings import numpy

NAMES = (
    "bm25",  # BM25 of the stemmed text and headline
    "bm25_share",  # that score over the best score any document has for this query
    "bm25_text",  # BM25 of the claim's text alone
    "bm25_headline",  # BM25 of the headline alone
    "bm25_rank",  # log(1 + the document's rank by BM25)
    "similarity",  # cosine of the two texts' embeddings
    "similarity_gap",  # that cosine less the best any document has for this query
    "similarity_text",
    "similarity_headline",
    "covered",  # share of the document's words found in the query
    "covering",  # share of the query's words found in the document
    "figures_shared",  # figures stated in both
    "figures_unmatched",  # 1 when the document states a figure the query does not
    "names_covered",  # share of the document's names found in the query
    "names_shared",  # names found in both
)

# Candidates: the best documents by BM25, and the nearest by meaning (which catch paraphrase
# that shares few words). 50 and 20 reach 91% of the development queries' answers.
BY_WORDS = 50
BY_MEANING = 20


@dataclass(frozen=True)
class Candidate:
    number: int  # the document's place in the index
    values: list[float]  # one per NAMES


@dataclass(frozen=True)
class Query:
    text: str
    reading: words.Reading
    vector: Any


def query(index: Index, text: str) -> Query:
    clean = words.cleaned(text)
    return Query(text, words.read(text), index.embedder.embed([clean])[0])


def candidates(
    index: Index,
    asked: Query,
    leave_out: Iterable[int] = (),
    by_meaning: bool = True,
    also: Iterable[int] = (),
) -> list[Candidate]:
    """The documents worth scoring for a query, with their features; those left out (a
    claim matched against the rest of its folder) are never candidates. Without
    `by_meaning`, only BM25 proposes candidates and the embeddings are compared for those
    alone: `match --duplicates` asks once per claim, and comparing each claim's vector with
    every other's would make its work grow with the square of the archive. `also` are
    documents to score whatever their rank (the same text as the query)."""
    np = numpy()
    leave_out = set(leave_out)
    stems = asked.reading.stem_set
    bm25 = index.both.scores(stems)
    for number in leave_out:
        bm25[number] = -1.0
    by_words = [n for n in _best(bm25, BY_WORDS, np) if bm25[n] > 0]
    if by_meaning:
        similarity = index.vectors @ asked.vector
        for number in leave_out:
            similarity[number] = -2.0
        nearest = [n for n in _best(similarity, BY_MEANING, np) if n not in leave_out]
    else:
        similarity = np.full(len(bm25), -2.0, dtype=np.float32)
        similarity[by_words] = index.vectors[by_words] @ asked.vector
        nearest = _best(similarity, 1, np) if by_words else []
    chosen = list(dict.fromkeys([*by_words, *(nearest if by_meaning else []), *also]))
    if not chosen:
        return []
    best_bm25 = float(bm25[by_words[0]]) if by_words else 0.0
    best_similarity = float(similarity[nearest[0]]) if nearest else 1.0
    rank = {n: r for r, n in enumerate(_best(bm25, max(200, BY_WORDS), np))}
    text_bm25 = index.text.scores(stems)
    headline_bm25 = index.headline.scores(stems)
    text_rows, headline_rows = index.text_rows(chosen), index.headline_rows(chosen)
    return [
        Candidate(n, values(index, n, asked, Scores(
            float(bm25[n]), best_bm25, float(text_bm25[n]), float(headline_bm25[n]),
            rank.get(n, 200), float(similarity[n]), best_similarity,
            float(text_rows[at] @ asked.vector), float(headline_rows[at] @ asked.vector))))
        for at, n in enumerate(chosen)
    ]  # fmt: skip


@dataclass(frozen=True)
class Scores:
    """What a search computed of one candidate for one query: the rest of its features are
    read from the two texts (values)."""

    bm25: float
    best_bm25: float  # the best any candidate has
    bm25_text: float
    bm25_headline: float
    rank: int  # by BM25, 200 past the first 200
    similarity: float
    best_similarity: float
    similarity_text: float
    similarity_headline: float


def values(index: Index, number: int, asked: Query, scores: Scores) -> list[float]:
    """A candidate's features, in the order of NAMES (features.candidates and the search of
    near-duplicates, match/duplicates.py, alike)."""
    return [
        scores.bm25,
        scores.bm25 / scores.best_bm25 if scores.best_bm25 > 0 else 0.0,
        scores.bm25_text,
        scores.bm25_headline,
        math.log(1 + scores.rank),
        scores.similarity,
        scores.similarity - scores.best_similarity,
        scores.similarity_text,
        scores.similarity_headline,
        *overlaps(index.readings[number], asked.reading),
    ]


def overlaps(document: words.Reading, asked: words.Reading) -> list[float]:
    """covered, covering, figures_shared, figures_unmatched, names_covered, names_shared."""
    theirs, ours = document.stem_set, asked.stem_set
    shared = theirs & ours
    return [
        len(shared) / max(len(theirs), 1),
        len(shared) / max(len(ours), 1),
        float(len(document.figures & asked.figures)),
        1.0 if document.figures - asked.figures else 0.0,
        len(document.names & asked.names) / max(len(document.names), 1),
        float(len(document.names & asked.names)),
    ]


def _best(scores: Any, count: int, np: Any) -> list[int]:
    """The numbers of the `count` best scores, best first (ties by document order)."""
    count = min(count, len(scores))
    if count == 0:
        return []
    top = np.argpartition(-scores, count - 1)[:count]
    return [int(n) for n in top[np.lexsort((top, -scores[top]))]]
