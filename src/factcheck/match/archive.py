"""The claims of a folder as a matching archive, and matches as the commands report them."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factcheck.errors import UsageError
from factcheck.match.duplicates import Duplicate
from factcheck.match.index import Document, Index
from factcheck.match.run import Match, Reason

if TYPE_CHECKING:
    from factcheck.filters import ClaimFilter
    from factcheck.folder.access import Folder
    from factcheck.folder.query import ClaimView
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


def index_for(folder: Folder, wanted: ClaimFilter) -> Index:
    """The index of the folder's claims that `wanted` keeps. When not a byte of the folder
    changed since a clean load that made the index for the same filter, that index, and the
    folder is not loaded (the documents are in the index); else the claims are loaded and
    filtered, and the index is the one the cache keeps for them or is built (stored.py).
    Raises UnknownValue for a filter value no record has, UsageError when no claim is kept."""
    from factcheck.folder import query
    from factcheck.match import stored

    question = _question(wanted)
    pointer = folder.kept_for_state("match-documents", question)
    if pointer is not None:
        index = stored.kept_index(folder, bytes(pointer))
        if index is not None:
            return index
    corpus = folder.corpus()
    query.require_known(corpus, wanted.topics, wanted.speaker, wanted.source, wanted.rating)
    chosen = query.list_claims(corpus, wanted)
    if not chosen:
        raise UsageError("no claims to match against; record some, or widen the filters")
    index, key = stored.index_of(folder, documents(chosen))
    if key is not None:
        folder.keep_for_state("match-documents", question, corpus, [key])
    return index


def _question(wanted: ClaimFilter) -> bytes:
    """The filter as the key of the index it keeps."""
    fields = dataclasses.asdict(wanted)
    return json.dumps(fields, default=str, sort_keys=True).encode()


def reason_json(reason: Reason) -> dict[str, Any]:
    return {
        "words": reason.words,
        "names": reason.names,
        "figures": reason.figures,
        "similarity": round(reason.similarity, 3),
        "strongest": reason.strongest,
    }


def match_json(found: Match, view: ClaimView) -> dict[str, Any]:
    """A match with what the desk wants to see of its claim: who, when, and how it was rated."""
    claim = view.claim
    review = claim.review
    rating = None
    if review is not None:
        rating = view.rating.label if view.rating is not None else review.textual_rating
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
