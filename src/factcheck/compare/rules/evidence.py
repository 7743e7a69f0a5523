"""Evidence helpers shared by the rules that read words."""

from __future__ import annotations

from factcheck.compare.models import Evidence
from factcheck.compare.reading import Reading, Span


def word_evidence(reading: Reading, span: Span) -> Evidence:
    return Evidence(
        claim=reading.claim.id, field="text", text=span.text, start=span.start, end=span.end
    )
