"""Questions asked of a loaded corpus: filtered lists, topics, one claim in full."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from factcheck import expression
from factcheck.model import Check, Claim, Source, split_reference
from factcheck.store import Corpus
from factcheck.unicode import comparable


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to keep. Text filters are case-insensitive substrings; empty means all."""

    topics: tuple[str, ...] = ()
    speaker: str | None = None
    search: str | None = None
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    rating: str | None = None

    def keeps(self, claim: Claim) -> bool:
        if self.rating is not None and not _rated(claim, self.rating):
            return False
        if self.topics and not set(self.topics) & set(claim.topics):
            return False
        if self.speaker and comparable(self.speaker) not in comparable(claim.speaker):
            return False
        if self.search and comparable(self.search) not in _searchable(claim):
            return False
        if self.source and claim.source != self.source:
            return False
        return self._in_period(claim.date)

    def _in_period(self, date: dt.date | None) -> bool:
        if self.since is None and self.until is None:
            return True
        # An undated claim cannot be placed in a period, so a date filter leaves it out.
        if date is None:
            return False
        return (self.since is None or date >= self.since) and (
            self.until is None or date <= self.until
        )


def _rated(claim: Claim, rating: str) -> bool:
    """The claim's review gives this rating ID, or this textual rating (any case)."""
    review = claim.review
    if review is None:
        return False
    return review.rating == rating or comparable(review.textual_rating or "") == comparable(rating)


def _searchable(claim: Claim) -> str:
    return comparable(" ".join(filter(None, [claim.id, claim.text, claim.quote])))


def sort_key(claim: Claim) -> tuple[bool, dt.date, str]:
    """Dated claims first, by date, then by ID; undated claims last, by ID."""
    return (claim.date is None, claim.date or dt.date.min, claim.id)


def list_claims(corpus: Corpus, claim_filter: ClaimFilter | None = None) -> list[Claim]:
    keep = claim_filter or ClaimFilter()
    return sorted((c for c in corpus.claims.values() if keep.keeps(c)), key=sort_key)


class TopicCount(BaseModel):
    topic: str
    claims: int


def topic_counts(corpus: Corpus) -> list[TopicCount]:
    counts = Counter(topic for claim in corpus.claims.values() for topic in claim.topics)
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


def nearest_ids(wanted: str, known: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.5)


@dataclass
class UnknownClaim(LookupError):
    claim_id: str
    nearest: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.nearest)}?" if self.nearest else ""
        return f"no claim with ID '{self.claim_id}'{hint} ('factcheck list' shows the IDs)"


@dataclass
class UnknownValue(LookupError):
    """A filter value that matches nothing in the corpus: a typo, most likely, which must not
    pass a CI gate as an empty result."""

    option: str
    value: str
    nearest: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(self.nearest)}?" if self.nearest else ""
        return f"{self.option} '{self.value}' matches nothing in the claims folder{hint}"


def require_known(
    corpus: Corpus,
    topics: Iterable[str] = (),
    speaker: str | None = None,
    source: str | None = None,
    rating: str | None = None,
) -> None:
    """Raise UnknownValue for the first filter value that no record has."""
    known_topics = {t for c in corpus.claims.values() for t in c.topics}
    for topic in topics:
        if topic not in known_topics:
            raise UnknownValue("--topic", topic, nearest_ids(topic, known_topics))
    if speaker is not None:
        speakers = {c.speaker for c in corpus.claims.values()}
        if not any(comparable(speaker) in comparable(s) for s in speakers):
            raise UnknownValue("--speaker", speaker, _nearest_text(speaker, speakers))
    if rating is not None and not any(_rated(c, rating) for c in corpus.claims.values()):
        known = set(corpus.ratings) | {
            c.review.textual_rating for c in corpus.claims.values()
            if c.review and c.review.textual_rating
        }  # fmt: skip
        raise UnknownValue("--rating", rating, _nearest_text(rating, known))
    if source is not None and source not in corpus.sources:
        used = {c.source for c in corpus.claims.values() if c.source} | set(corpus.sources)
        raise UnknownValue("--source", source, nearest_ids(source, used))


def _nearest_text(wanted: str, known: Iterable[str]) -> list[str]:
    by_folded = {k.casefold(): k for k in known}
    found = difflib.get_close_matches(wanted.casefold(), list(by_folded), n=3, cutoff=0.5)
    return [by_folded[f] for f in found]
