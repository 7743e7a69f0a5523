"""`factcheck review`'s work: which records are drafts, what accepting or rejecting one
takes with it, and the edits that do it, file by file (folder/edits.py keeps every other
byte). A drafted check follows its claim: accepted with it, removed with it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.figures import expression
from factcheck.folder.access import Folder
from factcheck.folder.edits import edited
from factcheck.folder.store import Corpus
from factcheck.model import Check, Claim, split_reference


class ReviewError(UsageError, ValueError):
    """An ID that is no draft of the folder; the message names it and what there is."""


@dataclass
class Decisions:
    """What the desk decided: draft claims and checks accepted and rejected, and the review
    (a `review = { ... }` line) an accepted claim is given."""

    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    reviews: dict[str, str] = field(default_factory=dict)


def review_line(corpus: Corpus, fields: dict[str, object]) -> str:
    """The TOML line of a claim's review, validated (a rating the folder's scale holds, a URL,
    a date); raises ReviewError saying what is wrong."""
    from pydantic import ValidationError

    from factcheck.folder.records import toml_value
    from factcheck.model import Review

    rating = fields.get("rating")
    if rating is not None and rating not in corpus.ratings:
        known = ", ".join(sorted(corpus.ratings)) or "none yet: 'factcheck new rating'"
        raise ReviewError(f"--rating {rating}: no such rating in the folder (known: {known})")
    try:
        review = Review.model_validate({k: v for k, v in fields.items() if v is not None})
    except ValidationError as error:
        from factcheck.folder.store import friendly_message

        first = error.errors()[0]
        place = ".".join(map(str, first["loc"])) or "review"
        why = friendly_message("claims", ["review", *first["loc"]], first)
        raise ReviewError(f"the review cannot be kept ({place}: {why})") from None
    return f"review = {toml_value(review.model_dump(exclude_none=True))}"


def drafts(corpus: Corpus, topics: Sequence[str] = (), file: Path | None = None) -> list[Claim]:
    """The draft claims, in the folder's order, of these topics and this file if given."""
    wanted = None if file is None else str(file)
    return [
        c for c in corpus.claims.values()
        if c.draft and (not topics or set(topics) & set(c.topics))
        and (wanted is None or corpus.origin.get(c.id) == wanted)
    ]  # fmt: skip


def checks_of(corpus: Corpus, claim_id: str) -> list[Check]:
    """The drafted checks that read this claim."""
    return [c for c in corpus.checks.values() if c.draft and claim_id in _claims_read(c)]


def decided(corpus: Corpus, accept: Iterable[str], reject: Iterable[str]) -> Decisions:
    """The records to accept and reject: the IDs given (draft claims or checks) and the
    drafted checks of those claims. Raises ReviewError for an ID that is no draft."""
    accept, reject = list(dict.fromkeys(accept)), list(dict.fromkeys(reject))
    both = set(accept) & set(reject)
    if both:
        raise ReviewError(f"both accepted and rejected: {', '.join(sorted(both))}")
    for record_id in [*accept, *reject]:
        record = corpus.claims.get(record_id) or corpus.checks.get(record_id)
        if record is None:
            raise ReviewError(f"no claim or check '{record_id}' in the folder")
        if not record.draft:
            raise ReviewError(f"'{record_id}' is no draft: it was accepted already")
    decisions = Decisions()
    for ids, into in ((accept, decisions.accepted), (reject, decisions.rejected)):
        for record_id in ids:
            into.append(record_id)
            if record_id in corpus.claims:
                into += [c.id for c in checks_of(corpus, record_id) if c.id not in into]
    return decisions


def apply(folder: Folder, corpus: Corpus, decisions: Decisions) -> None:
    """Edit each file that holds a decided record, under the folder's lock; a file whose
    records the folder then refuses is put back (ClaimsError)."""
    by_file: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for record_id in decisions.accepted:
        by_file[corpus.origin[record_id]][0].add(record_id)
    for record_id in decisions.rejected:
        by_file[corpus.origin[record_id]][1].add(record_id)
    for path, (accept, reject) in by_file.items():
        folder.edit(Path(path), _change(accept, reject, decisions.reviews), corpus.left_out)


def _change(accept: set[str], reject: set[str], reviews: dict[str, str]) -> Callable[[str], str]:
    return lambda text: edited(text, accept, reject, reviews)


def _claims_read(check: Check) -> set[str]:
    references = [check.claim] if check.claim else []
    references += expression.references(check.compute)
    return {split_reference(r)[0] for r in references}
