"""`compare` of one topic or one proposition, kept per state of the folder (Folder.remembered):
the comparison's JSON as `--json` prints it, the limits that cut it short, whether it holds
conflicts, and what a table shows of each claim in a conflict. A run on a folder unchanged
since one that answered the same question loads no record and reads no text again, in any
format: the table is drawn from the kept comparison (issue 29).

The answer kept, one piece a line but the last: b"1" or b"0" (conflicts or none) then the
limits as JSON; the claims shown, as JSON rows (ID, speaker, role, date, source, text); the
comparison's JSON. It is read back only when every piece has that shape (docs/cache.md);
the rows are read only for a table, since the JSON needs none of them (16,678 rows at 50k
claims), and a table whose rows are not as written asks the folder for its claims.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck import jsonout

if TYPE_CHECKING:
    from factcheck.choices import Confidence
    from factcheck.compare import Comparison
    from factcheck.folder.access import Folder
    from factcheck.folder.store import Corpus


class ClaimShown(NamedTuple):
    """What a table shows of a claim beside its rival."""

    id: str
    speaker: str
    speaker_role: str | None
    date: dt.date | None
    source: str | None
    text: str


@dataclass(frozen=True)
class Answer:
    conflicts: bool
    limits: list[str]
    rows_json: bytes  # what a table shows of each claim in a conflict, read when drawn
    comparison_json: memoryview  # as `compare --json` prints it

    def comparison(self) -> Comparison:
        from factcheck.compare.models import Comparison

        return Comparison.model_validate_json(bytes(self.comparison_json))

    def claims_shown(self, comparison: Comparison) -> Mapping[str, ClaimShown] | None:
        """The claims the comparison's conflicts name; None when the rows kept are not as
        written or one of the claims is not among them (the caller asks the folder)."""
        try:
            rows = json.loads(self.rows_json)
            if type(rows) is not list:
                return None
            shown = {row[0]: _claim_shown(row) for row in rows}
        except (ValueError, TypeError, IndexError, KeyError):
            return None
        return shown if _named(comparison) <= shown.keys() else None


def answer(folder: Folder, topic: str | None, about: str | None, minimum: Confidence) -> Answer:
    """The comparison of `topic` or `about`, kept for the folder's state, else computed (and
    kept). Raises what `compare_scope` and `require_known` raise for an unknown topic."""
    question = json.dumps([topic, about, minimum.value]).encode()
    read: list[Answer] = []  # the kept answer, read once when it is checked

    def sound(kept: bytes) -> bool:
        found = _read(kept)
        if found is not None:
            read.append(found)
        return found is not None

    kept = folder.remembered(
        "compare", question, lambda corpus: _computed(corpus, topic, about, minimum), sound
    )
    found = read[-1] if read else _read(kept)
    if found is None:  # what was just computed always reads back; this is for mypy
        raise ValueError("a comparison kept in an unknown shape")
    return found


def _computed(corpus: Corpus, topic: str | None, about: str | None, minimum: Confidence) -> bytes:
    from factcheck.compare import compare_scope
    from factcheck.folder import query

    if topic is not None:  # the message and suggestions of `list --topic`, from one place
        query.require_known(corpus, (topic,))
    (comparison,) = compare_scope(corpus, topic=topic, about=about, minimum=minimum)
    rows = [_row(corpus, claim_id) for claim_id in sorted(_named(comparison))]
    return b"\n".join([
        (b"1" if comparison.conflicts else b"0")
        + jsonout.json_bytes(comparison.limits, indent=None),
        jsonout.json_bytes(rows, indent=None),
        jsonout.json_bytes(comparison),
    ])  # fmt: skip


def _named(comparison: Comparison) -> set[str]:
    """The claims its conflicts name, pair by pair or side by side."""
    named = {i for c in comparison.conflicts for i in c.claims}
    return named | {
        i for c in comparison.conflicts for ids in (c.sides or {}).values() for i in ids
    }


def _row(corpus: Corpus, claim_id: str) -> list[str | None]:
    claim = corpus.claims[claim_id]
    date = claim.date.isoformat() if claim.date else None
    return [claim.id, claim.speaker, claim.speaker_role, date, claim.source, claim.text]


def _read(kept: bytes) -> Answer | None:
    """The answer _computed wrote; None for anything else, or anything json_bytes would not
    have written (it reaches a terminal). The claims' rows are read when a table is drawn."""
    first = kept.find(b"\n")
    second = kept.find(b"\n", first + 1) if first > 0 else -1
    if second < 0 or kept[:1] not in (b"0", b"1") or kept[second + 1 : second + 2] != b"{":
        return None
    if not jsonout.made_by_json_bytes(kept):  # the flag is a digit, which JSON may hold
        return None
    try:
        limits = json.loads(kept[1:first])
    except ValueError:
        return None
    if type(limits) is not list or not all(type(x) is str for x in limits):
        return None
    return Answer(
        kept[:1] == b"1", limits, kept[first + 1 : second], memoryview(kept)[second + 1 :]
    )


def _claim_shown(row: Any) -> ClaimShown:
    """A kept row, checked: six fields, strings where a claim has them, a date."""
    if type(row) is not list or len(row) != 6:
        raise TypeError("a row of six fields")
    claim_id, speaker, role, date, source, text = row
    if not all(type(v) is str for v in (claim_id, speaker, text)):
        raise TypeError("an ID, a speaker and a text")
    if not all(v is None or type(v) is str for v in (role, date, source)):
        raise TypeError("a role, a date and a source, or none")
    return ClaimShown(claim_id, speaker, role, dt.date.fromisoformat(date) if date else None,
                      source, text)  # fmt: skip
