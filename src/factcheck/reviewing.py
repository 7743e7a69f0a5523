"""`factcheck review`'s work: which records are drafts, what accepting or rejecting one
takes with it, a draft's field corrected, and the edits that do it, file by file
(folder/edits.py keeps every other byte). A drafted check follows its claim: accepted with it,
removed with it."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.folder.access import Folder
from factcheck.folder.edits import edited, with_field
from factcheck.folder.store import Corpus
from factcheck.model import SLUG_PATTERN, Check, Claim

# The fields a desk corrects in a draft at review, besides each figure by its name.
EDITABLE = ("speaker", "text", "topics", "date")


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
    return [c for c in corpus.checks.values() if c.draft and claim_id in c.claims_read()]


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
    records the folder would then refuse is not written (ClaimsError)."""
    by_file: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for record_id in decisions.accepted:
        by_file[corpus.origin[record_id]][0].add(record_id)
    for record_id in decisions.rejected:
        by_file[corpus.origin[record_id]][1].add(record_id)
    for path, (accept, reject) in by_file.items():
        folder.edit(Path(path), _change(accept, reject, decisions.reviews), corpus.left_out)


def editable(claim: Claim) -> list[str]:
    """What `correct` can change in this claim: its fields, then its figures by name."""
    return [*EDITABLE, *claim.quantities]


def correct(folder: Folder, corpus: Corpus, claim_id: str, field: str, answer: str) -> None:
    """Give draft claim `claim_id` the desk's `answer` for `field` (speaker, text, topics as
    'a, b', date as YYYY-MM-DD, or a figure's name and its new text), writing that one line
    (folder/edits.py); raises ReviewError for an answer the field cannot take."""
    claim = corpus.claims.get(claim_id)
    if claim is None or not claim.draft:
        raise ReviewError(f"no draft claim '{claim_id}' in the folder")
    if field not in editable(claim):
        raise ReviewError(f"'{field}' cannot be edited here; one of: {', '.join(editable(claim))}")
    value = _answer(field, answer.strip())
    path = (field,) if field in EDITABLE else ("quantities", field)

    def update(old: object) -> object:
        # a figure with more than a value keeps its other keys: `from`, `part_of`, ...
        return {**old, "value": value} if isinstance(old, dict) else value

    def change(text: str) -> str:
        return with_field(text, claim_id, path, update)

    folder.edit(Path(corpus.origin[claim_id]), change, corpus.left_out)


def _answer(field: str, answer: str) -> object:
    """The answer as the field's value, or ReviewError saying how to write it."""
    if not answer:
        raise ReviewError(f"{field}: the answer is empty; the field keeps its value")
    if field == "topics":
        topics = [t.strip() for t in answer.split(",")]
        wrong = [t for t in topics if not re.fullmatch(SLUG_PATTERN, t)]
        if wrong:
            raise ReviewError(f"topics: '{wrong[0]}' is not a topic ID (lowercase letters, "
                              "digits and hyphens; several separated by commas)")  # fmt: skip
        return list(dict.fromkeys(topics))
    if field == "date":
        try:
            return dt.date.fromisoformat(answer)
        except ValueError:
            raise ReviewError(f"date: {answer!r} is not a date; write YYYY-MM-DD") from None
    if field not in EDITABLE:
        from factcheck.figures.quantity import FigureError, parse_figure

        try:
            parse_figure(answer)
        except FigureError as error:
            raise ReviewError(f"{field}: {answer!r} is no figure ({error})") from None
    return answer


def _change(accept: set[str], reject: set[str], reviews: dict[str, str]) -> Callable[[str], str]:
    return lambda text: edited(text, accept, reject, reviews)
