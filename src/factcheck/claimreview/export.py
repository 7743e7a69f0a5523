"""The desk's reviewed claims as schema.org ClaimReview, JSON-LD.

Only claims with a review are exported. A field that ClaimReview expects but the record lacks
is reported (see `missing`), never invented. `@id`s are derived from the claim's ID, so that a
re-export describes the same things, not new ones.
"""

from __future__ import annotations

from typing import Any

from factcheck.errors import CheckFailed
from factcheck.folder.store import Corpus
from factcheck.model import Claim
from factcheck.text.lexicon import Lexicon

CONTEXT = "https://schema.org"
# The desk's own field for a claim's figures, which schema.org has no property for: an
# absolute IRI, so that a JSON-LD processor keeps it, holding a JSON literal (JSON-LD 1.1).
QUANTITIES = "urn:factcheck:quantities"


def claim_id_uri(claim_id: str) -> str:
    return f"urn:factcheck:claim:{claim_id}"


def review_id_uri(claim_id: str) -> str:
    return f"urn:factcheck:claimreview:{claim_id}"


def person_or_organisation(name: str, kind_said: str | None = None) -> dict[str, str]:
    """A speaker as schema.org knows them: as the record says (an imported review's author
    type is kept), else an organisation when the name holds a word of the organisations list
    `compare` uses too ("Department", "Office", ...), else a person."""
    if kind_said is not None:
        return {"@type": "Organization" if kind_said == "organisation" else "Person", "name": name}
    words = {w.strip(".,").lower() for w in name.split()}
    kind = "Organization" if words & Lexicon.default().organisations else "Person"
    return {"@type": kind, "name": name}


def claim_review(corpus: Corpus, claim: Claim, publisher: str | None) -> dict[str, Any]:
    """One ClaimReview for a reviewed claim."""
    review = claim.review
    assert review is not None
    speaker = person_or_organisation(claim.speaker, claim.speaker_kind)
    if claim.speaker_role and speaker["@type"] == "Person":
        speaker["jobTitle"] = claim.speaker_role
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": claim_id_uri(claim.id),
        "author": speaker,
    }
    if claim.quote:
        item["text"] = claim.quote  # the speaker's own words (a Claim is a CreativeWork)
    if claim.quantities:
        figures = {name: q.model_dump(by_alias=True, exclude_none=True, mode="json")
                   for name, q in claim.quantities.items()}  # fmt: skip
        item[QUANTITIES] = {"@type": "@json", "@value": figures}
    if claim.date:
        item["datePublished"] = claim.date.isoformat()
    source = corpus.sources.get(claim.source) if claim.source else None
    if source is not None and source.url:
        appearance: dict[str, Any] = {
            "@type": "CreativeWork",
            "@id": f"urn:factcheck:source:{source.id}",
            "url": source.url,
        }
        if source.title:
            appearance["headline"] = source.title
        if source.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": source.outlet}
        if source.archived:
            appearance["archivedAt"] = source.archived
        item["appearance"] = [appearance]
    if claim.language:
        item["inLanguage"] = claim.language
    result: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": review_id_uri(claim.id),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating_of(corpus, claim),
    }
    reviewer = review.reviewer or publisher
    if reviewer:
        result["author"] = {"@type": "Organization", "name": reviewer}
    if review.date:
        result["datePublished"] = review.date.isoformat()
    if review.url:
        result["url"] = review.url
    if review.rationale:
        result["reviewBody"] = review.rationale
    if review.headline:
        result["headline"] = review.headline
    if review.language:
        result["inLanguage"] = review.language
    return result


def rating_of(corpus: Corpus, claim: Claim) -> dict[str, Any]:
    review = claim.review
    assert review is not None
    if review.rating is None:
        return {"@type": "Rating", "alternateName": review.textual_rating}
    rating = corpus.ratings[review.rating]
    return {
        "@type": "Rating",
        "@id": f"urn:factcheck:rating:{rating.id}",
        "ratingValue": str(rating.value),
        "bestRating": str(rating.best),
        "worstRating": str(rating.worst),
        "alternateName": rating.label,
    }


def missing(claim: Claim, publisher: str | None) -> list[str]:
    """What ClaimReview recommends (Google's recommended fields) that the record does not
    give: said to the user, not made up."""
    review = claim.review
    assert review is not None
    lacks = []
    if not review.date:
        lacks.append("review.date")
    if not (review.reviewer or publisher):
        lacks.append("review.reviewer (or --publisher)")
    return lacks


class IncompleteReviews(CheckFailed, ValueError):
    """With --strict: a review that cannot be valid ClaimReview; the message names them."""


def export(
    corpus: Corpus,
    publisher: str | None = None,
    reviewer: str | None = None,
    everything: bool = False,
    strict: bool = False,
    others_hint: str = "--all exports them, --reviewer NAME those of one",
) -> tuple[list[dict[str, Any]], list[str]]:
    """The desk's reviewed claims as ClaimReview, in ID order, and a note for each review
    left out and each field lacking.

    The desk's own reviews are those that name no reviewer or name the publisher; reviews
    imported from other fact-checkers are theirs to publish, so they are left out unless
    `everything` or their `reviewer` is asked for. A review with no URL cannot be valid
    ClaimReview (Google requires `url`): it is left out with the reason, or with `strict`
    the export fails naming every such review. The note on reviews left out names their
    reviewers and ends with `others_hint`: how the command at hand takes them in."""
    reviews, notes, unpublishable, others = [], [], [], 0
    others_by: set[str] = set()
    for claim in sorted(corpus.claims.values(), key=lambda c: c.id):
        if claim.review is None:
            continue
        if not _chosen(claim, publisher, reviewer, everything):
            others += 1
            others_by.add(claim.review.reviewer or "")
            continue
        if not claim.review.url:
            unpublishable.append(claim.id)
            continue
        reviews.append(claim_review(corpus, claim, publisher))
        lacks = missing(claim, publisher)
        if lacks:
            notes.append(f"claim '{claim.id}': no {', '.join(lacks)} (left out, not invented)")
    if unpublishable:
        listed = ", ".join(f"'{c}'" for c in unpublishable)
        if strict:
            raise IncompleteReviews(f"no review.url, which ClaimReview requires: {listed}")
        notes.append(f"left out, with no review.url (which ClaimReview requires): {listed}")
    if others:
        notes.append(f"{others} review{'' if others == 1 else 's'} by other fact-checkers left "
                     f"out ({', '.join(sorted(others_by))}): {others_hint}")  # fmt: skip
    return reviews, notes


def _chosen(claim: Claim, publisher: str | None, reviewer: str | None, everything: bool) -> bool:
    by = claim.review.reviewer if claim.review else None
    if everything:
        return True
    if reviewer is not None:
        return by is not None and by.casefold() == reviewer.casefold()
    return by is None or (publisher is not None and by.casefold() == publisher.casefold())


def document(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@graph": reviews}
