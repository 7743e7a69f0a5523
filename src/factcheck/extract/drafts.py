"""Candidates made into draft records: claims (with their speaker, quote, figures and the
parts they list), the source they came from, and the checks the figures suggest, every one
marked `draft = true` for the desk to review. Validated by the models before anything is
written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.extract.run import Candidate, Extraction
from factcheck.folder.records import suggest_id
from factcheck.model import Check, Claim, Source


@dataclass
class Drafts:
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


@dataclass(frozen=True)
class Origin:
    """Where the article came from: a source ID of the folder, or a new source's fields."""

    source_id: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: dt.date | None = None


def drafts(
    extraction: Extraction,
    chosen: Sequence[Candidate],
    topics: list[str],
    origin: Origin,
    taken: set[str],
) -> Drafts:
    """Draft records for the chosen candidates (pydantic's ValidationError if one cannot be
    a record: the caller says which)."""
    result = Drafts()
    taken = set(taken)
    source_id = origin.source_id
    if source_id is None and (origin.url or origin.outlet):
        source_id = suggest_id(origin.outlet or "source", origin.url or "article", taken)
        taken.add(source_id)
        result.sources.append(Source(id=source_id, outlet=origin.outlet, url=origin.url,
                                     published=origin.date))  # fmt: skip
    ids: dict[int, str] = {}
    for candidate in sorted(chosen, key=lambda c: c.number):
        claim_id = suggest_id(candidate.speaker, candidate.text, taken)
        taken.add(claim_id)
        ids[candidate.number] = claim_id
    for candidate in sorted(chosen, key=lambda c: c.number):
        result.claims.append(_claim(candidate, ids, topics, source_id, origin.date))
    return result


def _claim(
    candidate: Candidate,
    ids: dict[int, str],
    topics: list[str],
    source_id: str | None,
    date: dt.date | None,
) -> Claim:
    quantities: dict[str, Any] = {}
    for figure in candidate.figures:
        entry: dict[str, str] = {"value": figure.value}
        part_of = _part_of(figure.part_of, ids)
        if part_of is not None:
            entry["part_of"] = part_of
        quantities[figure.name] = entry
    quote = " … ".join(q.text for q in candidate.quotes) if candidate.kind == "quotation" else None
    return Claim.model_validate({k: v for k, v in {
        "id": ids[candidate.number], "text": candidate.text, "speaker": candidate.speaker,
        "speaker_role": candidate.role, "topics": topics, "source": source_id, "date": date,
        "quote": quote, "quantities": quantities or None, "draft": True,
    }.items() if v is not None})  # fmt: skip


def _part_of(part_of: str | None, ids: dict[int, str]) -> str | None:
    """A part's whole as a record can name it: a name of the same claim, or claim-id.name
    when the whole's sentence is drafted too (else the link is left out)."""
    if part_of is None or "." not in part_of:
        return part_of
    number, name = part_of.split(".", 1)
    return f"{ids[int(number)]}.{name}" if int(number) in ids else None
