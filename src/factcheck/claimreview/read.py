"""ClaimReview as it comes: every form found in the wild, read into plain `Found` reviews.

Forms: a bare ClaimReview object; a list of them; a JSON-LD document with `@graph`; a Data
Commons feed (`dataFeedElement[]`, whose `item` may be one object or a list); a Fact Check
Tools API `claims:search` response (`{"claims": [...]}`) or one element of it. Whatever cannot
be read is reported with its place in the document (`$.claims[3].claimReview[0]`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URN = re.compile(r"^urn:factcheck:(claim|source|rating):([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")


def own_id(urn: Any, kind: str) -> str | None:
    """The record ID in an @id that factcheck itself exported, if it is one."""
    match = _URN.match(urn) if isinstance(urn, str) else None
    return match.group(2) if match and match.group(1) == kind else None


NOTHING_FOUND = (
    "no ClaimReview found (a ClaimReview object, a list, @graph, dataFeedElement or a "
    "claims:search response)"
)


@dataclass
class Found:
    """One review of one claim, in plain fields."""

    where: str  # its place in the document: "$['@graph'][0]"
    claim_text: str
    claimant: str | None = None
    claimant_kind: str | None = None  # "person" or "organisation", when the @type says
    claimant_role: str | None = None  # the author's jobTitle
    quote: str | None = None  # the itemReviewed's own text, where it is not claimReviewed
    outlet: str | None = None  # the publisher of the claim's first appearance
    quantities: Any = None  # factcheck's own figures field, as exported
    claim_date: str | None = None  # YYYY-MM-DD
    appearances: list[str] = field(default_factory=list)  # URLs where the claim appeared
    review_url: str | None = None
    review_date: str | None = None
    review_title: str | None = None
    rationale: str | None = None
    reviewer: str | None = None
    rating_value: str | None = None
    best: str | None = None
    worst: str | None = None
    rating_text: str | None = None  # alternateName or textualRating
    language: str | None = None
    claim_language: str | None = None
    # The records' own IDs, when the review was exported by factcheck (urn:factcheck:...).
    claim_id: str | None = None
    source_id: str | None = None
    rating_id: str | None = None


@dataclass
class Reading:
    found: list[Found] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, what)


def read(document: Any) -> Reading:
    reading = Reading()
    for where, item in _items(document, "$"):
        _read_item(where, item, reading)
    if not reading.found and not reading.problems:
        reading.problems.append(("$", NOTHING_FOUND))
    return reading


def _items(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object that is a ClaimReview or an API claim, wherever the envelope put it."""
    if isinstance(node, list):
        for i, element in enumerate(node):
            yield from _items(element, f"{where}[{i}]")
        return
    if not isinstance(node, dict):
        return
    types = _types(node)
    if "ClaimReview" in types or "claimReview" in node:
        yield where, node
        return
    for key in ("@graph", "dataFeedElement", "claims", "item", "itemListElement", "mainEntity"):
        if key in node:
            yield from _items(node[key], f"{where}['{key}']")


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds}


def _read_item(where: str, item: dict[str, Any], reading: Reading) -> None:
    if "claimReview" in item:  # a Fact Check Tools API claim, with its reviews
        reviews = (
            item["claimReview"] if isinstance(item["claimReview"], list) else [item["claimReview"]]
        )
        for i, review in enumerate(reviews):
            found = _from_api(f"{where}['claimReview'][{i}]", item, review)
            _keep(found, f"{where}['claimReview'][{i}]", reading)
        return
    _keep(_from_schema(where, item), where, reading)


def _keep(found: Found | str, where: str, reading: Reading) -> None:
    if isinstance(found, str):
        reading.problems.append((where, found))
    else:
        reading.found.append(found)


def _from_schema(where: str, review: dict[str, Any]) -> Found | str:
    item = _first(review.get("itemReviewed")) or {}
    text = _text(review.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name"))
    if not text:
        return "no claim text (claimReviewed, or the itemReviewed's text); skipped"
    rating = _first(review.get("reviewRating")) or {}
    appearances = [
        _text(a.get("url")) if isinstance(a, dict) else _text(a)
        for key in ("appearance", "firstAppearance") for a in _list(item.get(key))
    ]  # fmt: skip
    if item.get("url"):
        appearances.append(_text(item.get("url")))
    return Found(
        where=where,
        claim_text=text,
        claimant=_name(item.get("author")),
        claimant_kind=_kind(item.get("author")),
        claimant_role=_text((_first(item.get("author")) or {}).get("jobTitle")),
        quote=_quote(item, text),
        outlet=_name((_first(item.get("appearance")) or {}).get("publisher")),
        quantities=_json_literal(item.get(QUANTITIES)),
        claim_date=_date(item.get("datePublished")),
        appearances=[a for a in dict.fromkeys(appearances) if a],
        review_url=_text(review.get("url")),
        review_date=_date(review.get("datePublished")),
        review_title=_text(review.get("headline")) or _text(review.get("name")),
        rationale=_text(review.get("reviewBody")),
        reviewer=_name(review.get("author")) or _name(review.get("publisher")),
        rating_value=_number(rating.get("ratingValue")),
        best=_number(rating.get("bestRating")),
        worst=_number(rating.get("worstRating")),
        rating_text=_text(rating.get("alternateName")) or _text(rating.get("name")),
        language=_language(review.get("inLanguage")),
        claim_language=_language(item.get("inLanguage")),
        claim_id=own_id(item.get("@id"), "claim"),
        source_id=own_id((_first(item.get("appearance")) or {}).get("@id"), "source"),
        rating_id=own_id(rating.get("@id"), "rating"),
    )


def _from_api(where: str, claim: dict[str, Any], review: Any) -> Found | str:
    if not isinstance(review, dict):
        return "a claimReview that is not an object; skipped"
    text = _text(claim.get("text"))
    if not text:
        return "no claim text ('text'); skipped"
    publisher = review.get("publisher") or {}
    reviewer = (_text(publisher.get("name")) or _text(publisher.get("site"))
                if isinstance(publisher, dict) else None)  # fmt: skip
    return Found(
        where=where,
        claim_text=text,
        claimant=_text(claim.get("claimant")),
        claim_date=_date(claim.get("claimDate")),
        review_url=_text(review.get("url")),
        review_date=_date(review.get("reviewDate")),
        review_title=_text(review.get("title")),
        reviewer=reviewer,
        rating_text=_text(review.get("textualRating")),
        language=_language(review.get("languageCode")),
        claim_language=_language(review.get("languageCode")),
    )


QUANTITIES = "urn:factcheck:quantities"  # export.QUANTITIES, without importing the exporter


def _quote(item: dict[str, Any], claimed: str) -> str | None:
    words = _text(item.get("text"))
    return words if words and words != claimed else None


def _json_literal(value: Any) -> Any:
    if isinstance(value, dict) and value.get("@type") == "@json":
        return value.get("@value")
    return None


def _first(value: Any) -> dict[str, Any] | None:
    for element in _list(value):
        if isinstance(element, dict):
            return element
    return None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, (int, float)):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _name(value: Any) -> str | None:
    for element in _list(value):
        if isinstance(element, dict):
            name = _text(element.get("name")) or _text(element.get("url"))
        else:
            name = _text(element)
        if name:
            return name
    return None


def _kind(value: Any) -> str | None:
    """ "person" or "organisation" from the first author's schema.org @type, if it says."""
    author = _first(value)
    types = _types(author) if author is not None else set()
    if "Person" in types:
        return "person"
    if types & {"Organization", "NewsMediaOrganization", "GovernmentOrganization"}:
        return "organisation"
    return None


def _date(value: Any) -> str | None:
    """The date part of what publishers write: '2020-06-24 00:03', '2019-06-20T12:12:40Z'."""
    text = _text(value)
    match = _DATE.search(text or "")
    return "-".join(match.groups()) if match else None


def _number(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    return text if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None


def _language(value: Any) -> str | None:
    text = _text(value)
    if text is None and isinstance(value, dict):
        text = _text(value.get("alternateName"))
    return text if text and re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*", text) else None


def plain_text(value: Any) -> str | None:
    """A value's text, spaces made single; None for none (claimreview/table.py reads cells so)."""
    return _text(value)


def date_part(value: Any) -> str | None:
    """The YYYY-MM-DD of a date as publishers write it."""
    return _date(value)
