"""Matching texts against an index: ranked matches with their reasons (near-duplicates of an
archive: match/duplicates.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.match import features
from factcheck.match.index import Document, Index
from factcheck.match.ranker import Model, shipped
from factcheck.text import words

# A pair of archive claims scoring at least this is listed by `match --duplicates`: on the
# development tweets, the best candidate scores this much for 45% of those whose answer is in
# the archive and 16% of those whose answer is not (docs/match.md).
DUPLICATE_THRESHOLD = 0.5
SAME_TEXT = 1.0  # the score of a claim whose text is the query's, letter for letter


@dataclass(frozen=True)
class Reason:
    """Why a document matched: what it shares with the query, and how close in meaning."""

    words: list[str]
    names: list[str]
    figures: list[str]
    similarity: float
    strongest: list[str]  # the features that raised the score most, strongest first


@dataclass(frozen=True)
class Match:
    document: Document
    number: int  # its place in the index
    score: float
    rank: int
    reason: Reason


def match(
    index: Index,
    text: str,
    top: int,
    leave_out: Iterable[int] = (),
    model: Model | None = None,
    by_meaning: bool = True,
) -> list[Match]:
    """The `top` documents most likely to verify the text, best first."""
    model = model or shipped()
    leave_out = set(leave_out)
    asked = features.query(index, text)
    same = {n for n in index.same_text(text) if n not in leave_out}
    found = features.candidates(index, asked, leave_out, by_meaning, also=sorted(same))
    # The same text is the surest match there is, however common its words are in the
    # archive (BM25 gives a word held by every claim no weight: 300 copies scored 0.004).
    scored = [(SAME_TEXT if c.number in same else model.score(c.values), c) for c in found]
    scored.sort(key=lambda pair: (-pair[0], pair[1].number))
    return [
        Match(index.documents[c.number], c.number, score, rank,
              reason_for(index, asked, c, model, c.number in same))
        for rank, (score, c) in enumerate(scored[:top], start=1)
    ]  # fmt: skip


def reason_for(index: Index, asked: features.Query, found: features.Candidate, model: Model,
               same_text: bool) -> Reason:  # fmt: skip
    """What the query and the document share, and the features that raised its score most."""
    document, reading = index.documents[found.number], index.readings[found.number]
    shared = reading.stem_set & asked.reading.stem_set
    contributions = model.contributions(found.values)
    strongest = sorted((n for n, v in contributions.items() if v > 0),
                       key=lambda n: -contributions[n])[:3]  # fmt: skip
    if same_text:
        strongest = ["same_text", *strongest[:2]]
    return Reason(
        words=words.surface_words(document.both, shared),
        names=sorted(reading.names & asked.reading.names),
        figures=sorted(reading.figures & asked.reading.figures),
        similarity=found.values[features.NAMES.index("similarity")],
        strongest=strongest,
    )
