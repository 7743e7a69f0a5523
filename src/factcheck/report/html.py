"""The report as one HTML page: offline (its style inline, no script but the JSON-LD, no
font or image fetched), readable on a phone and in print, WCAG AA contrast, and every string
from the records escaped, so a claim holding <script> shows as text."""

from __future__ import annotations

from html import escape

from factcheck.checks import CheckResult
from factcheck.jsonout import html_safe, json_bytes
from factcheck.report import svg
from factcheck.report.entries import Entry, Report

# Text #1a1a1a and muted #595959 on white: contrast 17.4:1 and 7.0:1 (AA asks 4.5:1).
STYLE = """
body { margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1a1a1a; background: #ffffff;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
article { border-top: 2px solid #1a1a1a; padding: 1rem 0; break-inside: avoid; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 4px solid #1f4e99; }
.muted, .meta { color: #595959; } .rating { font-weight: bold; }
.verdict { font-weight: bold; } svg { max-width: 100%; height: auto; display: block; }
a { color: #1f4e99; overflow-wrap: anywhere; }
@media print { a { color: #1a1a1a; } article { page-break-inside: avoid; } }
"""


def page(report: Report, title: str) -> str:
    jsonld = html_safe(json_bytes(report.jsonld)).decode("utf-8")
    body = "\n".join(_entry(e) for e in report.entries) or "<p>No reviewed claims.</p>"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n"
        f'<script type="application/ld+json">\n{jsonld}\n</script>\n</head>\n<body>\n'
        f"<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def _entry(entry: Entry) -> str:
    claim, review = entry.claim, entry.claim.review
    said = (f"<blockquote><p>\u201c{escape(claim.quote)}\u201d</p></blockquote>" if claim.quote
            else "")  # fmt: skip
    who = escape(claim.speaker) + (f", {escape(claim.speaker_role)}" if claim.speaker_role else "")
    parts = [f'<article id="{escape(claim.id, quote=True)}">',
             f"<h2>{escape(claim.text)}</h2>", said,
             f'<p class="meta">{who}{_when_where(entry)}</p>', _rating(entry)]  # fmt: skip
    if review and review.rationale:
        parts.append(f"<p>{escape(review.rationale)}</p>")
    parts += [_check(c, entry.charts.get(c.id)) for c in entry.checks]
    if entry.conflicts:
        items = "".join(f"<li>{escape(c.explanation)} ({escape(', '.join(c.claims))})</li>"
                        for c in entry.conflicts)  # fmt: skip
        parts.append(f"<h3>Conflicts with other claims</h3><ul>{items}</ul>")
    if entry.others:
        parts.append("<h3>Other fact-checkers</h3><ul>" + "".join(_other(o) for o in entry.others)
                     + "</ul>")  # fmt: skip
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def _when_where(entry: Entry) -> str:
    claim, source = entry.claim, entry.source
    pieces = []
    if claim.date:
        pieces.append(f" · {claim.date.isoformat()}")
    if source is not None:
        name = escape(source.outlet or source.title or source.id)
        pieces.append(f' · <a href="{escape(source.url, quote=True)}">{name}</a>' if source.url
                      else f" · {name}")  # fmt: skip
    return "".join(pieces)


def _rating(entry: Entry) -> str:
    review = entry.claim.review
    if review is None:
        return ""
    if entry.rating is None:
        return f'<p class="rating">Rating: {escape(review.textual_rating or "")}</p>'
    rating = entry.rating
    scale = svg.rating_scale(rating)
    return f'<p class="rating">Rating: {escape(svg.position(rating))}</p>{scale}'


def _check(result: CheckResult, chart: str | None) -> str:
    draft = " (suggested, not yet reviewed)" if result.draft else ""
    return (f'<section><h3>Check: <span class="verdict">{escape(result.verdict.value)}</span>'
            f"{draft}</h3><p>{escape(result.explanation)}</p>{chart or ''}</section>")  # fmt: skip


def _other(claim: object) -> str:
    from factcheck.model import Claim

    assert isinstance(claim, Claim) and claim.review is not None
    review = claim.review
    rating = review.textual_rating or review.rating or ""
    by = escape(review.reviewer or "")
    link = f' · <a href="{escape(review.url, quote=True)}">review</a>' if review.url else ""
    return f"<li>{by}: {escape(rating)}{link}</li>"
