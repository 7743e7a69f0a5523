"""Candidates as the commands report them: JSON with every field and its place in the text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # read back from the cache (kept.py) without the reading's modules
    from factcheck.extract.run import Candidate, Stated


def candidate_json(candidate: Candidate, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "sentence": candidate.number + 1,
        "start": candidate.start,
        "end": candidate.end,
        "text": candidate.text,
        "score": round(candidate.score, 3),
        "reason": {"signals": candidate.signals, "words": candidate.words},
        "speaker": candidate.speaker,
        "speaker_role": candidate.role,
        "attribution": {
            "cue": candidate.cue,
            "start": candidate.speaker_start,
            "end": candidate.speaker_end,
        },
        "kind": candidate.kind,
        "quotes": [{"text": q.text, "start": q.start, "end": q.end} for q in candidate.quotes],
        "figures": [
            {
                "name": f.name,
                "value": f.value,
                "start": f.start,
                "end": f.end,
                "part_of": _whole(f.part_of, candidate),
                "per": f.per,
            }
            for f in candidate.figures
        ],
        "relations": [_relation(r, candidate) for r in candidate.stated],
    }


def _relation(stated: Stated, candidate: Candidate) -> dict[str, Any]:
    """A change from a to b, a share a of b, or a multiple (a that many times b), with the
    words that state it."""
    ends = relation_ends(stated.kind)
    return {
        "kind": stated.kind,
        "figure": stated.figure,
        ends[0]: _whole(stated.a, candidate),
        ends[1]: _whole(stated.b, candidate),
        "words": stated.words,
    }


def relation_ends(kind: str) -> tuple[str, str]:
    """The names of a relation's two ends in JSON: a change's "from" and "to", a multiple's
    "amount" and "base", a share's "part" and "whole"."""
    return {"change": ("from", "to"), "multiple": ("amount", "base")}.get(kind, ("part", "whole"))


def part_of(whole: dict[str, Any] | None, number: int) -> str | None:
    """Figure.part_of as _whole wrote it for candidate `number`: its inverse."""
    if whole is None:
        return None
    if whole["sentence"] == number + 1:
        return str(whole["figure"])
    return f"{whole['sentence'] - 1}.{whole['figure']}"


def _whole(part_of: str | None, candidate: Candidate) -> dict[str, Any] | None:
    """The whole a figure is part of: a figure of this sentence or of another one."""
    if part_of is None:
        return None
    if "." not in part_of:
        return {"sentence": candidate.number + 1, "figure": part_of}
    number, name = part_of.split(".", 1)
    return {"sentence": int(number) + 1, "figure": name}
