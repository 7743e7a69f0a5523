"""The report as Markdown a CMS accepts: no raw HTML (every character Markdown or HTML would
act on is escaped with a backslash), the charts as SVG files written beside it and linked as
images. It carries no JSON-LD: publish `factcheck export`'s beside it."""

from __future__ import annotations

import re

from factcheck.report import svg
from factcheck.report.entries import Entry, Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def escaped(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def page(report: Report, title: str, stem: str) -> tuple[str, dict[str, str]]:
    """The page and its charts by file name (`stem`-N.svg)."""
    charts: dict[str, str] = {}
    lines = [f"# {escaped(title)}", ""]
    for entry in report.entries:
        lines += _entry(entry, stem, charts)
    if not report.entries:
        lines.append("No reviewed claims.")
    return "\n".join(lines).rstrip("\n") + "\n", charts


def _entry(entry: Entry, stem: str, charts: dict[str, str]) -> list[str]:
    claim, review = entry.claim, entry.claim.review
    lines = [f"## {escaped(claim.text)}", ""]
    if claim.quote:
        lines += [f"> \u201c{escaped(claim.quote)}\u201d", ""]
    who = escaped(claim.speaker) + (
        f", {escaped(claim.speaker_role)}" if claim.speaker_role else ""
    )
    when = f" · {claim.date.isoformat()}" if claim.date else ""
    source = entry.source
    where = ""
    if source is not None:
        name = escaped(source.outlet or source.title or source.id)
        where = (
            f" · [{name}](<{source.url}>)" if source.url and ">" not in source.url else f" · {name}"
        )
    lines += [f"{who}{when}{where}", ""]
    if entry.rating is not None:
        rating = entry.rating
        lines.append(f"**Rating: {escaped(svg.position(rating))}**")
        lines.append(_image(svg.rating_scale(rating), f"the rating: {rating.label}", stem, charts))
    elif review is not None and review.textual_rating:
        lines.append(f"**Rating: {escaped(review.textual_rating)}**")
    lines.append("")
    if review and review.rationale:
        lines += [escaped(review.rationale), ""]
    for result in entry.checks:
        draft = " (suggested, not yet reviewed)" if result.draft else ""
        lines += [f"**Check: {result.verdict.value}**{draft}. {escaped(result.explanation)}", ""]
        chart = entry.charts.get(result.id)
        if chart:
            lines += [_image(chart, f"claimed against computed: {result.verdict.value}", stem,
                             charts), ""]  # fmt: skip
    for conflict in entry.conflicts:
        lines += [f"- Conflict: {escaped(conflict.explanation)}"]
    for other in entry.others:
        assert other.review is not None
        rating_words = other.review.textual_rating or other.review.rating or ""
        lines += [f"- {escaped(other.review.reviewer or '')}: {escaped(rating_words)}"]
    return [*lines, ""]


def _image(chart: str, alt: str, stem: str, charts: dict[str, str]) -> str:
    name = f"{stem}-{len(charts) + 1}.svg"
    charts[name] = chart
    return f"![{escaped(alt)}]({name})"
