"""Questions asked of a loaded corpus: filtered lists, topics, one claim in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from factcheck import expression
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
    did_you_mean,
    listed_in_order,
    require_known_among,
)
from factcheck.filters import (
    nearest_ids as nearest_ids,
)
from factcheck.filters import (
    sort_key as sort_key,
)
from factcheck.model import Check, Claim, Source, split_reference
from factcheck.store import Corpus


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


def rating_view(corpus: Corpus, claim: Claim) -> RatingView | None:
    if claim.review is None or claim.review.rating is None:
        return None
    rating = corpus.ratings[claim.review.rating]
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


def claim_view(corpus: Corpus, claim_id: str) -> ClaimView:
    """The claim with this ID; UnknownClaim (with the nearest IDs) if there is none."""
    claim = corpus.claims.get(claim_id)
    if claim is None:
        raise UnknownClaim(claim_id, nearest_ids(claim_id, corpus.claims))
    return ClaimView(
        claim=claim,
        source=corpus.sources.get(claim.source) if claim.source else None,
        rating=rating_view(corpus, claim),
        disputes=list(claim.disputes),
        disputed_by=corpus.disputed_by(claim.id),
        checks=[c.id for c in corpus.checks.values() if _check_uses(c, claim.id)],
        path=corpus.origin[claim.id],
    )


def _check_uses(check: Check, claim_id: str) -> bool:
    references = [check.claim or "", *expression.references(check.compute)]
    return any(split_reference(r)[0] == claim_id for r in references if r)


@dataclass
class UnknownClaim(LookupError):
    claim_id: str
    nearest: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        hint = did_you_mean(self.nearest)
        return f"no claim with ID '{self.claim_id}'{hint} ('factcheck list' shows the IDs)"


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
