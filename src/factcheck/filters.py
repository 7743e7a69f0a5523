"""Which claims a list keeps, and in which order: filters that read a claim's fields, for a
loaded Claim or a claim listed in the cache (listing.py) alike.

Kept apart from query.py, which loads pydantic and the models: `list --json` on an unchanged
folder filters listed claims without them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from factcheck.errors import Unknown
from factcheck.unicode import comparable


class ReviewLike(Protocol):
    @property
    def rating(self) -> str | None: ...
    @property
    def textual_rating(self) -> str | None: ...


class Listable(Protocol):
    """What listing a claim reads of it: a Claim, or a claim listed in the cache (listing.py)."""

    @property
    def id(self) -> str: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def speaker(self) -> str: ...
    @property
    def topics(self) -> Sequence[str]: ...
    @property
    def source(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def quote(self) -> str | None: ...
    @property
    def review(self) -> ReviewLike | None: ...
    @property
    def figures(self) -> int: ...


L = TypeVar("L", bound=Listable)


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
    drafts: bool = False  # only claims drafted by `extract` (loaded claims only: see list)

    def is_everything(self) -> bool:
        """No filter given at all (an empty --speaker "" is a filter given)."""
        options = (self.speaker, self.search, self.source, self.since, self.until, self.rating)
        return not self.topics and not self.drafts and all(o is None for o in options)

    def keeps(self, claim: Listable) -> bool:
        if self.drafts and not getattr(claim, "draft", None):
            return False
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


def _rated(claim: Listable, rating: str) -> bool:
    """The claim's review gives this rating ID, or this textual rating (any case)."""
    review = claim.review
    if review is None:
        return False
    wanted = comparable(rating)  # any case, as the docs promise: --rating False finds false
    return comparable(review.rating or "") == wanted or comparable(review.textual_rating or "") == (
        wanted
    )


def _searchable(claim: Listable) -> str:
    return comparable(" ".join(filter(None, [claim.id, claim.text, claim.quote])))


def sort_key(claim: Listable) -> tuple[bool, dt.date, str]:
    """Dated claims first, by date, then by ID; undated claims last, by ID."""
    return (claim.date is None, claim.date or dt.date.min, claim.id)


def listed_in_order(claims: Iterable[L], claim_filter: ClaimFilter | None = None) -> list[L]:
    keep = claim_filter or ClaimFilter()
    return sorted((c for c in claims if keep.keeps(c)), key=sort_key)


def nearest_ids(wanted: str, known: Iterable[str]) -> list[str]:
    """The IDs a person most likely meant: the same ID in another case, then IDs that start
    with what was typed, then the closest spellings; three at most."""
    ids = list(known)
    folded = wanted.casefold()
    same = [i for i in ids if i.casefold() == folded]
    started = sorted(i for i in ids if i.casefold().startswith(folded) and i not in same)
    close = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)
    return list(dict.fromkeys([*same, *started, *close]))[:3]


class UnknownValue(Unknown):
    """A filter value that matches nothing in the corpus: a typo, most likely, which must not
    pass a CI gate as an empty result."""

    def __init__(self, option: str, value: str, nearest: list[str] | None = None) -> None:
        self.option, self.value, self.nearest = option, value, list(nearest or [])
        super().__init__(f"{option} '{value}' matches nothing in the claims folder",
                         self.nearest)  # fmt: skip


def require_known_among(
    claims: Collection[Listable],
    source_ids: Collection[str],
    rating_ids: Collection[str],
    topics: Iterable[str] = (),
    speaker: str | None = None,
    source: str | None = None,
    rating: str | None = None,
) -> None:
    """require_known, for claims and the IDs of the sources and ratings beside them."""
    known_topics = {t for c in claims for t in c.topics}
    for topic in topics:
        if topic not in known_topics:
            raise UnknownValue("--topic", topic, nearest_ids(topic, known_topics))
    if speaker is not None:
        speakers = {c.speaker for c in claims}
        if not any(comparable(speaker) in comparable(s) for s in speakers):
            raise UnknownValue("--speaker", speaker, _nearest_text(speaker, speakers))
    if rating is not None and not any(_rated(c, rating) for c in claims):
        known = set(rating_ids) | {
            c.review.textual_rating for c in claims if c.review and c.review.textual_rating
        }
        raise UnknownValue("--rating", rating, _nearest_text(rating, known))
    if source is not None and source not in source_ids:
        used = {c.source for c in claims if c.source} | set(source_ids)
        raise UnknownValue("--source", source, nearest_ids(source, used))


def _nearest_text(wanted: str, known: Iterable[str]) -> list[str]:
    by_folded = {k.casefold(): k for k in known}
    found = difflib.get_close_matches(wanted.casefold(), list(by_folded), n=3, cutoff=0.5)
    return [by_folded[f] for f in found]
