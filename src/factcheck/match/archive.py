"""The claims of a folder as a matching archive, and matches as the commands report them."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck import jsonout
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


@dataclass(frozen=True)
class Archive:
    """The index of the claims a filter keeps, and what a match shows of each claim."""

    index: Index
    # by the claim's ID and its number in the index; None: ask the folder
    shown: Callable[[str, int], dict[str, Any] | None]


def index_for(folder: Folder, wanted: ClaimFilter) -> Archive:
    """The index of the folder's claims that `wanted` keeps. When not a byte of the folder
    changed since a clean load that made the index for the same filter, that index, and the
    folder is not loaded (the documents are in the index, and what a match shows of each
    claim is kept beside it); else the claims are loaded and filtered, and the index is the
    one the cache keeps for them or is built (stored.py). Raises UnknownValue for a filter
    value no record has, UsageError when no claim is kept."""
    from factcheck.match import stored, tokens

    question = _question(wanted)
    pointer = folder.kept_for_state("archive", question)
    if pointer is not None:
        # the index's key (a digest: any byte), a newline, then the rows
        size = stored.KEY_SIZE
        kept_key, kept_rows = bytes(pointer[:size]), bytes(pointer[size + 1 :])
        index = stored.kept_index(folder, kept_key)
        if index is not None:
            index.embedder.table = tokens.query_table(folder)
            return Archive(index, _kept_rows(index, kept_rows))
    from factcheck.folder import query  # the records' models: not needed warm

    corpus = folder.corpus()
    query.require_known(corpus, wanted.topics, wanted.speaker, wanted.source, wanted.rating)
    chosen = query.list_claims(corpus, wanted)
    if not chosen:
        raise UsageError("no claims to match against; record some, or widen the filters")
    index, key = stored.index_of(folder, documents(chosen), question)
    index.embedder.table = tokens.query_table(folder)
    ratings = {r.id: r.label for r in corpus.ratings.values()}
    if key is not None:
        rows = b"\n".join(jsonout.json_bytes(_row(c, ratings), indent=None) for c in chosen)
        folder.keep_for_state("archive", question, corpus, [key, b"\n", rows])
    return Archive(index, lambda claim_id, _: _fields(_row(corpus.claims[claim_id], ratings)))


def _row(claim: Claim, ratings: dict[str, str]) -> list[str | None]:
    """What a match shows of a claim, as kept: its ID, speaker, date, text, and its review's
    headline, rating (the declared rating's label, else the review's own words), reviewer
    and address."""
    review = claim.review
    rating = None
    if review is not None:
        rating = ratings.get(review.rating) if review.rating else review.textual_rating
    return [claim.id, claim.speaker, claim.date.isoformat() if claim.date else None, claim.text,
            review.headline if review else None, rating, review.reviewer if review else None,
            review.url if review else None]  # fmt: skip


_FIELDS = ("id", "speaker", "date", "text", "headline", "rating", "reviewer", "review_url")


def _fields(row: list[str | None]) -> dict[str, Any]:
    return dict(zip(_FIELDS, row, strict=True))


def _kept_rows(index: Index, rows: bytes) -> Callable[[str, int], dict[str, Any] | None]:
    """What a match shows of each claim, as kept beside the index, one JSON row a document
    in its order: read only for the claims shown, and checked then (None: not as written)."""
    lines = rows.split(b"\n")
    if len(lines) != len(index.documents):
        lines = []

    def shown(claim_id: str, n: int) -> dict[str, Any] | None:
        if not 0 <= n < len(lines) or not jsonout.made_by_json_bytes(lines[n]):
            return None
        try:
            row = json.loads(lines[n])
        except ValueError:
            return None
        if type(row) is not list or len(row) != len(_FIELDS) or row[0] != claim_id:
            return None
        if not all(v is None or type(v) is str for v in row):
            return None
        return _fields(row)

    return shown


def document_ids(index: Index) -> Sequence[str]:
    """The IDs of the index's documents, in order (a kept index makes no document for it)."""
    from factcheck.match import stored

    return stored.document_ids(index.documents)


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


def match_json(found: Match, shown: dict[str, Any]) -> dict[str, Any]:
    """A match with what the desk wants to see of its claim (Archive.shown, or fields_of a
    claim view): who, when, and how it was rated."""
    return {"rank": found.rank, "id": shown["id"], "score": round(found.score, 3),
            **{k: shown[k] for k in _FIELDS[1:]}, "reason": reason_json(found.reason)}  # fmt: skip


def fields_of(view: ClaimView) -> dict[str, Any]:
    """What a match shows of a claim, from its view (the folder's answer)."""
    labels = {view.rating.id: view.rating.label} if view.rating is not None else {}
    return _fields(_row(view.claim, labels))


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
