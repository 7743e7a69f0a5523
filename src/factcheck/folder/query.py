"""Questions asked of a loaded corpus (or, for `show`, of a folder's listing in the cache):
filtered lists, topics, one claim in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from factcheck.errors import Unknown
from factcheck.filters import (  # re-exported: the commands ask query for them
    ClaimFilter as ClaimFilter,
)
from factcheck.filters import (
    Listable as Listable,
)
from factcheck.filters import (
    UnknownValue as UnknownValue,
)
from factcheck.filters import (
    listed_in_order,
    require_known_among,
)
from factcheck.filters import (
    nearest_ids as nearest_ids,
)
from factcheck.filters import (
    sort_key as sort_key,
)
from factcheck.folder.discovery import folder_files, shown
from factcheck.model import Claim, Rating, Source

if TYPE_CHECKING:
    from factcheck.folder.cache import Cache
    from factcheck.folder.listing import Listing
    from factcheck.folder.store import Corpus


def list_claims(corpus: Corpus, claim_filter: ClaimFilter | None = None) -> list[Claim]:
    return listed_in_order(corpus.claims.values(), claim_filter)


class TopicCount(BaseModel):
    topic: str
    claims: int


def topic_counts(claims: Iterable[Listable]) -> list[TopicCount]:
    """Each topic of the claims (loaded, or listed in the cache) with how many have it."""
    counts = Counter(topic for claim in claims for topic in claim.topics)
    return [TopicCount(topic=t, claims=n) for t, n in sorted(counts.items())]


class RatingView(BaseModel):
    """A review's rating with its scale, and its place on the common 0-1 scale."""

    id: str
    label: str
    value: str
    best: str
    worst: str
    normalised: str  # (value - worst) / (best - worst), exact: "0", "1/4", "1"


def rating_view(ratings: Mapping[str, Rating], claim: Claim) -> RatingView | None:
    if claim.review is None or claim.review.rating is None:
        return None
    rating = ratings[claim.review.rating]
    return RatingView(id=rating.id, label=rating.label, value=str(rating.value),
                      best=str(rating.best), worst=str(rating.worst),
                      normalised=str(rating.normalised))  # fmt: skip


class ClaimView(BaseModel):
    """One claim in full, with the records around it."""

    claim: Claim
    source: Source | None
    rating: RatingView | None = None
    disputes: list[str]
    disputed_by: list[str]
    checks: list[str]
    path: str


def require_claim(corpus: Corpus, claim_id: str) -> Claim:
    """The claim with this ID; UnknownClaim if there is none, with the nearest IDs, or saying
    which other kind of record has the ID: the one message of `show`, `check --claim` and
    `match --claim`."""
    claim = corpus.claims.get(claim_id)
    if claim is None:
        kinds: dict[str, Collection[str]] = {
            "source": corpus.sources.keys(), "check": corpus.checks.keys(),
            "rating": corpus.ratings.keys(),
        }  # fmt: skip
        other = next((kind for kind, ids in kinds.items() if claim_id in ids), None)
        raise UnknownClaim(claim_id, nearest_ids(claim_id, corpus.claims), other)
    return claim


def claim_view(corpus: Corpus, claim_id: str) -> ClaimView:
    """The claim with this ID and the records around it; UnknownClaim if there is none."""
    claim = require_claim(corpus, claim_id)
    return ClaimView(
        claim=claim,
        source=corpus.sources.get(claim.source) if claim.source else None,
        rating=rating_view(corpus.ratings, claim),
        disputes=list(claim.disputes),
        disputed_by=sorted(corpus.disputed_by(claim.id)),
        checks=sorted(c.id for c in corpus.checks.values() if claim.id in c.claims_read()),
        path=corpus.origin[claim.id],
    )


def listed_claim_view(
    root: Path, cache: Cache | None, listed: Listing, claim_id: str
) -> ClaimView | None:
    """claim_view from the folder's listing (listing.py) and the cache entries of the files
    that define the claim, its source and its rating; None when one of them is not there
    (the folder is then loaded)."""
    row = next((c for c in listed.claims if c.id == claim_id), None)
    if row is None:
        other = "source" if claim_id in listed.sources else (
            "rating" if claim_id in listed.ratings else None)  # fmt: skip
        if other is None and any(claim_id in ids for ids in listed.checked_by.values()):
            other = "check"
        raise UnknownClaim(claim_id, nearest_ids(claim_id, (c.id for c in listed.claims)), other)
    files = folder_files(root).files
    if cache is None or len(files) != len(listed.files):
        return None
    entries = _Entries(cache, files, listed)
    claim = entries.record("claims", claim_id, row.file)
    if not isinstance(claim, Claim):
        return None
    source = entries.record("sources", claim.source, listed.sources.get(claim.source or ""))
    rated = claim.review.rating if claim.review else None
    rating = entries.record("ratings", rated, listed.ratings.get(rated or ""))
    if (claim.source and source is None) or (rated and not isinstance(rating, Rating)):
        return None
    return ClaimView(
        claim=claim,
        source=source,
        rating=rating_view({rating.id: rating} if isinstance(rating, Rating) else {}, claim),
        disputes=list(claim.disputes),
        disputed_by=listed.disputed_by.get(claim_id, []),
        checks=listed.checked_by.get(claim_id, []),
        path=shown(files[row.file]),
    )


@dataclass
class _Entries:
    """Records read from the cache entries of a listed folder's files."""

    cache: Cache
    files: list[Path]
    listed: Listing

    def record(self, kind: str, record_id: str | None, file: int | None) -> Any:
        """The record of this kind and ID in the file's entry; None when it is not there."""
        if record_id is None or file is None:
            return None
        return self.cache.get_record(bytes.fromhex(self.listed.files[file].digest), kind,
                                     record_id)  # fmt: skip


class UnknownClaim(Unknown):
    def __init__(
        self, claim_id: str, nearest: list[str] | None = None, other_kind: str | None = None
    ) -> None:
        self.claim_id, self.nearest = claim_id, list(nearest or [])
        if other_kind is not None:  # an ID of the folder, of another kind of record
            super().__init__(f"'{claim_id}' is a {other_kind}, not a claim ('factcheck list' "
                             "shows the claims' IDs)")  # fmt: skip
            return
        super().__init__(f"no claim with ID '{claim_id}'", self.nearest,
                         " ('factcheck list' shows the IDs)")  # fmt: skip


def require_known(
    corpus: Corpus,
    topics: Iterable[str] = (),
    speaker: str | None = None,
    source: str | None = None,
    rating: str | None = None,
) -> None:
    """Raise UnknownValue for the first filter value that no record has."""
    require_known_among(corpus.claims.values(), corpus.sources.keys(), corpus.ratings.keys(),
                        topics, speaker, source, rating)  # fmt: skip
