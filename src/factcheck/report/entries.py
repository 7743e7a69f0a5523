"""What a report shows of each reviewed claim: the claim as said, who said it, when and
where, the rating on the desk's scale, the reasoning, the arithmetic `check` did on it, the
conflicts `compare` finds, and other fact-checkers' reviews of the same proposition. The
claims are the desk's own reviews, chosen as `export` chooses them (one source of truth)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.checks import CheckResult, run_checks
from factcheck.claimreview import export
from factcheck.compare.models import Conflict
from factcheck.compare.run import compare_topic
from factcheck.folder.store import Corpus
from factcheck.model import Claim, Rating, Source
from factcheck.report import charts


@dataclass
class Entry:
    claim: Claim
    source: Source | None
    rating: Rating | None  # on the desk's scale; None for a rating in words alone
    checks: list[CheckResult] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    others: list[Claim] = field(default_factory=list)  # reviewed by other fact-checkers
    charts: dict[str, str] = field(default_factory=dict)  # SVG by check ID


@dataclass
class Report:
    entries: list[Entry]
    jsonld: dict[str, Any]  # export's document of the same reviews, as `export` writes it
    notes: list[str]


def report(
    corpus: Corpus,
    topics: Sequence[str] = (),
    claim_ids: Sequence[str] = (),
    publisher: str | None = None,
) -> Report:
    # a desk that reviews under its own name ("--reviewer Desk") names itself with --publisher
    hint = "--publisher NAME takes a reviewer's reviews as the desk's"
    reviews, notes = export.export(corpus, publisher, others_hint=hint)
    chosen = {r["@id"].removeprefix("urn:factcheck:claimreview:") for r in reviews}
    wanted = [
        corpus.claims[i] for i in sorted(chosen)
        if (not topics or set(topics) & set(corpus.claims[i].topics))
        and (not claim_ids or i in claim_ids)
    ]  # fmt: skip
    shown = {c.id for c in wanted}
    checks = run_checks(corpus).checks
    conflicts = _conflicts(corpus, wanted)
    entries = [_entry(corpus, claim, checks, conflicts, publisher) for claim in wanted]
    kept = [r for r in reviews if r["@id"].removeprefix("urn:factcheck:claimreview:") in shown]
    return Report(entries, export.document(kept), notes)


def _entry(corpus: Corpus, claim: Claim, checks: list[CheckResult],
           conflicts: list[Conflict], publisher: str | None) -> Entry:  # fmt: skip
    review = claim.review
    rating = corpus.ratings.get(review.rating) if review and review.rating else None
    source = corpus.sources.get(claim.source) if claim.source else None
    mine = [c for c in checks if claim.id in c.claims]
    drawn = {c.id: svg for c in mine if (svg := charts.chart(corpus, c)) is not None}
    return Entry(
        claim, source, rating, mine,
        [c for c in conflicts if claim.id in c.claims],
        _other_reviews(corpus, claim, publisher), drawn,
    )  # fmt: skip


def _conflicts(corpus: Corpus, claims: list[Claim]) -> list[Conflict]:
    found: list[Conflict] = []
    for topic in sorted({t for c in claims for t in c.topics}):
        found += compare_topic(corpus, topic).conflicts
    return found


def _other_reviews(corpus: Corpus, claim: Claim, publisher: str | None) -> list[Claim]:
    """Reviews by other fact-checkers of the same proposition (`about`) or the same text."""
    mine = {None, publisher.casefold() if publisher else None}
    return [
        other for other in corpus.claims.values()
        if other.id != claim.id and other.review is not None
        and (other.review.reviewer or "").casefold() not in mine
        and ((claim.about and other.about == claim.about) or other.text == claim.text)
    ]  # fmt: skip
