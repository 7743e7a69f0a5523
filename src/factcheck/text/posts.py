"""Social posts as news sites embed them and datasets paste them: a post ends with its
signature, "— Donald J. Trump (@realDonaldTrump) March 24, 2019" (the author's display name,
their handle, the date)."""

from __future__ import annotations

import re

SIGNATURE = re.compile(
    r"[\u2014\u2015\u2013]\s*(?P<name>[^()\n\u2014\u2015\u2013]{1,60}?)\s*\(@(?P<handle>\w{1,15})\)"
    r"\s*[A-Z][a-z]+\.? \d{1,2}, \d{2,4}"
)


def signature_alone(text: str) -> bool:
    """Whether the text is a post's signature and nothing else."""
    found = SIGNATURE.search(text)
    return (
        found is not None
        and not text[: found.start()].strip()
        and not text[found.end() :].strip(" .")
    )
