"""The claims of a folder as a matching archive, and matches as the commands report them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factcheck.match.duplicates import Duplicate
from factcheck.match.index import Document, Index
from factcheck.match.run import Match, Reason

if TYPE_CHECKING:
    from factcheck.folder.access import Folder
    from factcheck.folder.store import Corpus
    from factcheck.model import Claim


def documents(claims: Sequence[Claim]) -> list[Document]:
    """A claim's document: its text with the speaker's own words when they differ, and its
    review's headline (the text again when it has none)."""
    found = []
    for claim in claims:
        text = claim.text
        if claim.quote and claim.quote not in text:
            text = f"{text} {claim.quote}"
        headline = claim.review.headline if claim.review and claim.review.headline else None
        found.append(Document(claim.id, text, headline or text))
    return found


def index_of(folder: Folder, archived: Sequence[Document]) -> Index:
    """The index of these documents: the one the folder's cache keeps for them, else built
    and kept (match/stored.py decides; a command never reads the cache itself)."""
    from factcheck.match import stored

    return stored.index_of(folder, archived)


def reason_json(reason: Reason) -> dict[str, Any]:
    return {
        "words": reason.words,
        "names": reason.names,
        "figures": reason.figures,
        "similarity": round(reason.similarity, 3),
        "strongest": reason.strongest,
    }


def match_json(found: Match, corpus: Corpus) -> dict[str, Any]:
    """A match with what the desk wants to see of its claim: who, when, and how it was rated."""
    claim = corpus.claims[found.document.id]
    review = claim.review
    rating = None
    if review is not None:
        declared = corpus.ratings.get(review.rating) if review.rating else None
        rating = declared.label if declared is not None else review.textual_rating
    return {
        "rank": found.rank,
        "id": claim.id,
        "score": round(found.score, 3),
        "speaker": claim.speaker,
        "date": claim.date.isoformat() if claim.date else None,
        "text": claim.text,
        "headline": review.headline if review else None,
        "rating": rating,
        "reviewer": review.reviewer if review else None,
        "review_url": review.url if review else None,
        "reason": reason_json(found.reason),
    }


def duplicate_json(pair: Duplicate) -> dict[str, Any]:
    return {
        "first": pair.first.id,
        "second": pair.second.id,
        "score": round(pair.score, 3),
        "reason": reason_json(pair.reason),
    }


def brief_json(found: Match) -> dict[str, Any]:
    """A match as `match --queries` writes it: ID, score, rank, and why."""
    return {"id": found.document.id, "score": round(found.score, 3), "rank": found.rank,
            "reason": reason_json(found.reason)}  # fmt: skip
