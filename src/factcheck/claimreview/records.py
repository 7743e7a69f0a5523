"""Plain reviews turned into claim, source and rating records, with stable IDs.

An ID is derived from what identifies the review (its URL and the claim's text), so importing
the same file twice adds nothing. A review exported by factcheck carries its records' IDs in
its `@id`s (urn:factcheck:...), and they are kept. A publisher's rating is mapped to a rating
the folder declares when one has the same value on the same scale (and the same label, when
it gives one); it becomes a new rating of the publisher's scale when it has a usable scale; and
it is kept as text when it has none ("False", "-1 / really_false", or a sentence): words are
never given a value or a scale their publisher did not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from pydantic import ValidationError

from factcheck.claimreview.read import Found
from factcheck.folder.store import Corpus
from factcheck.model import URL_PATTERN, Claim, Rating, Source

_URL = re.compile(URL_PATTERN)


@dataclass
class Imported:
    ratings: list[Rating] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # claim IDs the folder holds already
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, what)


def slug(text: str, limit: int = 40) -> str:
    """'AFP Fact Check' -> 'afp-fact-check': lowercase ASCII, hyphens, starting with a letter."""
    words = re.findall(r"[a-z0-9]+", text.lower().encode("ascii", "ignore").decode())
    result = "-".join(words)[:limit].strip("-")
    return result if result[:1].isalpha() else f"r-{result}".strip("-")


def stable_id(prefix: str, *parts: str | None) -> str:
    digest = hashlib.sha256("\n".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:10]
    return f"{slug(prefix, 30) or 'review'}-{digest}"


def to_records(found: list[Found], corpus: Corpus, topic: str,
               progress: Callable[[int], None] | None = None) -> Imported:  # fmt: skip
    """Claims, sources and ratings of the reviews found, with why each one left out was;
    `progress` is told how many reviews are done, every thousand."""
    result = Imported()
    ratings = dict(corpus.ratings)
    sources_taken = set(corpus.sources)
    claims_taken = set(corpus.claims)
    this_import: dict[str, str] = {}  # claim ID -> where in the file its review was read
    for done, review in enumerate(found):
        if progress is not None and done % 1000 == 0:
            progress(done)
        if _has_lone_surrogate(vars(review)):
            result.problems.append((review.where, "holds a lone surrogate (half of a UTF-16 "
                                    "pair), which no text file can; skipped"))  # fmt: skip
            continue
        claim_id = review.claim_id or stable_id(review.reviewer or "review", review.review_url,
                                                review.claim_text)  # fmt: skip
        why_not = _why_not(claim_id, review, corpus, this_import)
        if why_not == "already":
            result.already.append(claim_id)
            continue
        if why_not is not None:
            result.problems.append((review.where, why_not))
            continue
        rating_id, textual, new_rating = _rating(review, ratings)
        if rating_id is None and textual is None:
            result.problems.append((review.where, "no rating (ratingValue or a textual "
                                    "rating); skipped"))  # fmt: skip
            continue
        source_id, new_source = _source(review, sources_taken)
        fields: dict[str, Any] = {
            "id": claim_id,
            "text": review.claim_text,
            "speaker": review.claimant or "unnamed claimant",
            "speaker_kind": review.claimant_kind,
            "speaker_role": review.claimant_role,
            "quote": review.quote,
            "quantities": review.quantities if isinstance(review.quantities, dict) else None,
            "topics": [topic],
            "source": source_id,
            "date": _day(review.claim_date),
            "language": review.claim_language,
            "review": {k: v for k, v in {
                "rating": rating_id, "textual_rating": textual, "reviewer": review.reviewer,
                "date": _day(review.review_date),
                "url": review.review_url if review.review_url and _URL.match(review.review_url)
                else None,
                "language": review.language, "rationale": review.rationale,
                "headline": review.review_title,
            }.items() if v is not None},
        }  # fmt: skip
        try:
            claim = Claim.model_validate({k: v for k, v in fields.items() if v is not None})
        except ValidationError as error:
            first = error.errors()[0]
            place = ".".join(map(str, first["loc"]))
            result.problems.append((review.where, f"cannot be kept ({place}: {first['msg']}); "
                                    "skipped"))  # fmt: skip
            continue
        # The rating and source are kept only with a claim that uses them.
        claims_taken.add(claim_id)
        this_import[claim_id] = review.where
        result.claims.append(claim)
        if new_rating is not None:
            ratings[new_rating.id] = new_rating
            result.ratings.append(new_rating)
        if new_source is not None:
            sources_taken.add(new_source.id)
            result.sources.append(new_source)
    return result


def _why_not(
    claim_id: str, review: Found, corpus: Corpus, this_import: dict[str, str]
) -> str | None:
    """Why this review is not imported under this claim ID: "already" when the folder holds
    its claim as it is (importing twice adds nothing), else the reason said to the user."""
    if claim_id in this_import:
        return (f"a second review of the claim read at {this_import[claim_id]} (ID "
                f"'{claim_id}'); the first is kept, this one skipped")  # fmt: skip
    existing = corpus.claims.get(claim_id)
    if existing is not None:
        if " ".join(existing.text.split()) == review.claim_text:
            return "already"
        return (f"its claim ID '{claim_id}' is taken by a claim of other text "
                f"({corpus.origin[claim_id]}); skipped: rename one of them")  # fmt: skip
    if claim_id in corpus.taken_ids():
        return (f"its claim ID '{claim_id}' is taken by a source or rating "
                f"({corpus.origin[claim_id]}); skipped")  # fmt: skip
    return None


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _rating(
    review: Found, ratings: dict[str, Rating]
) -> tuple[str | None, str | None, Rating | None]:
    """A declared rating's ID, or a new rating (with its ID), or the rating as text."""
    scale = _scale(review)
    if scale is None:
        # A rating published as words alone stays words: filing "False" under a declared
        # rating would give it a value and a scale its publisher never gave, and export
        # would then publish them in its name.
        if review.rating_value is not None and review.rating_text:
            return None, f"{review.rating_value} / {review.rating_text}", None
        return None, review.rating_text, None
    value, best, worst = scale
    own = review.rating_id
    if own and own in ratings and _scale_of(ratings[own]) == scale:
        return own, None, None
    for rating in ratings.values():
        same = _scale_of(rating) == (value, best, worst)
        label_fits = (
            not review.rating_text or rating.label.casefold() == review.rating_text.casefold()
        )
        if same and label_fits:
            return rating.id, None, None
    label = review.rating_text or f"{review.rating_value} of {review.best}"
    new_id = own or slug(f"{review.reviewer or 'publisher'} {label}")
    while new_id in ratings:
        new_id = stable_id(new_id, str(value), str(best), str(worst))
    rating = Rating(id=new_id, label=label, value=_plain(value), best=_plain(best),
                    worst=_plain(worst))  # fmt: skip
    return new_id, None, rating


def _scale_of(rating: Rating) -> tuple[Fraction, Fraction, Fraction]:
    return (Fraction(str(rating.value)), Fraction(str(rating.best)), Fraction(str(rating.worst)))


def _scale(review: Found) -> tuple[Fraction, Fraction, Fraction] | None:
    if review.rating_value is None or review.best is None or review.worst is None:
        return None
    value, best, worst = (Fraction(x) for x in (review.rating_value, review.best, review.worst))
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        return None  # "-1 / -1 / -1": no scale to place it on
    return value, best, worst


def _plain(number: Fraction) -> int | str:
    return int(number) if number.denominator == 1 else str(float(number))


def _source(review: Found, taken: set[str]) -> tuple[str | None, Source | None]:
    url = next((a for a in review.appearances if _URL.match(a)), None)
    if url is None:
        return None, None
    source_id = review.source_id or stable_id("appearance", url)
    if source_id in taken:
        return source_id, None
    return source_id, Source(id=source_id, url=url, outlet=review.outlet)
