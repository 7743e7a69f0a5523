"""Candidates made into draft records: claims (with their speaker, quote, figures and the
parts they list), the source they came from, and the checks the text states, every one marked
`draft = true` for the desk to review. A stated change becomes its figure's `from` and `to`
(`check` judges it); a stated share becomes a `[[checks]]` record. Each says, in its note, the
words that state it. Validated by the models before anything is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from factcheck.extract.attribution import SIGNED, VOICE_CUE
from factcheck.extract.dating import byline, sentence_date
from factcheck.extract.run import Candidate, Extraction, Stated
from factcheck.folder.records import ascii_text, suggest_id
from factcheck.model import Check, Claim, Source


@dataclass
class Drafts:
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # IDs of claims recorded before


@dataclass(frozen=True)
class Recorded:
    """What the folder already holds that a draft could repeat: the source of each URL, and
    the sources each claim's text is recorded from (a second --write adds nothing)."""

    source_of_url: dict[str, str] = field(default_factory=dict)
    claims_by_text: dict[str, dict[str | None, str]] = field(default_factory=dict)

    @staticmethod
    def of(sources: Sequence[Source], claims: Sequence[Claim]) -> Recorded:
        recorded = Recorded()
        for source in sources:
            if source.url:
                recorded.source_of_url.setdefault(source.url, source.id)
        for claim in claims:
            by_source = recorded.claims_by_text.setdefault(_same_text(claim.text), {})
            by_source.setdefault(claim.source, claim.id)
        return recorded

    def claim_of(self, text: str, source_id: str | None) -> str | None:
        """The recorded claim with this text from this source (or from any, without one)."""
        by_source = self.claims_by_text.get(_same_text(text), {})
        if source_id is None:
            return next(iter(by_source.values()), None)
        return by_source.get(source_id)


def _same_text(text: str) -> str:
    return " ".join(text.split()).casefold()


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
    recorded: Recorded | None = None,
) -> Drafts:
    """Draft records for the chosen candidates (pydantic's ValidationError if one cannot be
    a record: the caller says which). A sentence the folder already records from the same
    source is not drafted again but listed in `already`, and its claim keeps its ID for the
    links of the others; a source with the same URL is the one reused."""
    result = Drafts()
    taken = set(taken)
    recorded = recorded or Recorded()
    by = byline(extraction.text)
    origin = dataclasses.replace(origin, date=origin.date or by.date)
    source_id = origin.source_id or recorded.source_of_url.get(origin.url or "")
    if source_id is None and (origin.url or origin.outlet):
        source_id = _unique(source_slug(origin.outlet, origin.url), taken)
        taken.add(source_id)
        author = f"By {by.author} (the byline)." if by.author else None
        result.sources.append(Source(id=source_id, outlet=origin.outlet, url=origin.url,
                                     published=origin.date, notes=author))  # fmt: skip
    ids: dict[int, str] = {}
    new: list[Candidate] = []
    for candidate in sorted(chosen, key=lambda c: c.number):
        there = recorded.claim_of(candidate.text, source_id)
        if there is not None:
            ids[candidate.number] = there
            result.already.append(there)
            continue
        claim_id = suggest_id(candidate.speaker, candidate.text, taken)
        taken.add(claim_id)
        ids[candidate.number] = claim_id
        new.append(candidate)
    if not new:
        result.sources.clear()
    for candidate in new:
        result.claims.append(_claim(candidate, ids, topics, source_id, origin.date))
        for stated in candidate.stated:
            check = _share_check(stated, ids, candidate.number, taken)
            if check is not None:
                taken.add(check.id)
                result.checks.append(check)
    return result


def source_slug(outlet: str | None, url: str | None) -> str:
    """A source's ID from its outlet ("PolitiFact" is `politifact`) or, without one, from its
    site's name ("https://www.capecodtimes.com/story/..." is `capecodtimes`)."""
    if outlet:
        words = re.findall(r"[a-z0-9]+", ascii_text(outlet).lower())
        if words:
            return "-".join(words)[:40].strip("-")
    host = urlsplit(url or "").hostname or ""
    labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "edition", "news")]
    name = labels[-2] if len(labels) >= 2 else labels[0] if labels else "source"
    return re.sub(r"[^a-z0-9]+", "-", ascii_text(name).lower()).strip("-") or "source"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _suggested(stated: Stated) -> str:
    return f"Suggested by extract from the words '{stated.words}'."


def _share_check(stated: Stated, ids: dict[int, str], number: int,
                 taken: set[str]) -> Check | None:  # fmt: skip
    """A stated share or multiple as a draft check: part / whole (amount / base) against the
    figure as written."""
    if stated.kind not in ("share", "multiple"):
        return None
    claim_id = ids[number]
    base = f"{claim_id}-{stated.kind}"
    check_id, n = base, 2
    while check_id in taken:
        check_id, n = f"{base}-{n}", n + 1
    compute = f"{claim_id}.{stated.a} / {claim_id}.{stated.b}"
    target = f"{claim_id}.{stated.figure}"
    return Check(id=check_id, compute=compute, claim=target, note=_suggested(stated), draft=True)


def _claim(
    candidate: Candidate,
    ids: dict[int, str],
    topics: list[str],
    source_id: str | None,
    date: dt.date | None,
) -> Claim:
    quantities: dict[str, Any] = {}
    changes = {s.figure: s for s in candidate.stated if s.kind == "change"}
    for figure in candidate.figures:
        entry: dict[str, str] = {"value": figure.value}
        part_of = _part_of(figure.part_of, ids)
        if part_of is not None:
            entry["part_of"] = part_of
        if figure.per is not None and not figure.value.endswith(figure.per):
            entry["period"] = figure.per  # "800 jobs a month": compare says periods differ
        change = changes.get(figure.name)
        ends = (_part_of(change.a, ids), _part_of(change.b, ids)) if change else (None, None)
        if change is not None and ends[0] is not None and ends[1] is not None:
            entry.update({"from": ends[0], "to": ends[1], "note": _suggested(change)})
        quantities[figure.name] = entry
    quote = " … ".join(q.text for q in candidate.quotes) if candidate.kind == "quotation" else None
    said_on, dated = _date_of(candidate.text, date, candidate.cue == VOICE_CUE)
    notes = " ".join(n for n in (_speaker_note(candidate), dated) if n) or None
    return Claim.model_validate({k: v for k, v in {
        "id": ids[candidate.number], "text": candidate.text, "speaker": candidate.speaker,
        "speaker_role": candidate.role, "topics": topics, "source": source_id, "date": said_on,
        "quote": quote, "quantities": quantities or None, "draft": True, "notes": notes,
    }.items() if v is not None})  # fmt: skip


def _speaker_note(candidate: Candidate) -> str | None:
    """How the speaker was found where the sentence does not name them in full, so that a
    reviewer sees what to confirm: a pronoun or a surname read as a person named earlier, a
    quotation whose cue is in the sentence before or after."""
    if candidate.cue == VOICE_CUE or candidate.speaker.casefold() in candidate.text.casefold():
        return None  # named in full ("A reporter for USA Today" is the speaker as written)
    if candidate.cue == SIGNED:
        return f"Speaker: {candidate.speaker}, who signed the post (its signature names them)."
    if candidate.cue.endswith("(quotation)"):
        return (f"Speaker: {candidate.speaker}, named in a neighbouring sentence of the same "
                "quotation.")  # fmt: skip
    if candidate.speaker_start < 0:
        return None
    start = candidate.speaker_start - candidate.start
    named = candidate.text[start : candidate.speaker_end - candidate.start]
    how = "a pronoun" if candidate.cue.endswith("(pronoun)") else (
        "a title" if candidate.cue.endswith("(title)") else "a name")  # fmt: skip
    return (f"Speaker: '{named}' ({how}) read as {candidate.speaker}, named earlier in the "
            "article.")  # fmt: skip


def _date_of(
    text: str, article: dt.date | None, own_voice: bool
) -> tuple[dt.date | None, str | None]:
    """The claim's date: the sentence's own ("a June 3 newsletter"), else the article's, and
    a note saying which. In the article's own voice a sentence's date is what it reports
    happening ("On July 6, 2011, the two countries signed an agreement"): the claim is the
    article's, made when it was published."""
    own = sentence_date(text, article)
    if own is not None and own_voice:
        if article is None:
            return None, f"The sentence's date ('{own.words}') is of what it reports."
        return article, (f"Date: the article's; the sentence's own ('{own.words}') is of what "
                         "it reports.")  # fmt: skip
    if own is not None:
        against = f", read against the article's date {article.isoformat()}" if article else ""
        return own.date, f"Date from the sentence ('{own.words}'){against}."
    if article is not None:
        return article, "Date: the article's; the sentence gives none of its own."
    return None, None


def _part_of(part_of: str | None, ids: dict[int, str]) -> str | None:
    """A part's whole as a record can name it: a name of the same claim, or claim-id.name
    when the whole's sentence is drafted too (else the link is left out)."""
    if part_of is None or "." not in part_of:
        return part_of
    number, name = part_of.split(".", 1)
    return f"{ids[int(number)]}.{name}" if int(number) in ids else None
