"""An article to ranked candidate claims: each sentence with who asserts it, how (quotation or
paraphrase), its figures (counts a sentence says something includes marked parts of their
whole), and its check-worthiness with the reason.

No share is set against counts of other sentences: a ratio of figures the text does not relate
gave confident wrong verdicts (issue 28: 19 men killed over 57 new officers "consistent with
32 percent"), and comparing every share with every pair of counts grew with the cube of the
article's figures (issue 27; docs/performance.md)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from fractions import Fraction

from factcheck.extract import attribution, worthiness
from factcheck.extract.figures import figures
from factcheck.figures.quantity import FigureError, Kind, parse_figure
from factcheck.text import sentences

_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_INCLUDES = re.compile(r"\b(?:includ(?:e|es|ed|ing)|among them|of whom|of which|of them)\b", re.I)


@dataclass(frozen=True)
class Quote:
    text: str
    start: int  # offsets into the article text
    end: int


@dataclass(frozen=True)
class Figure:
    name: str
    value: str
    start: int
    end: int
    part_of: str | None = None  # a name in the same candidate, or "n.name" for candidate n


@dataclass(frozen=True)
class Candidate:
    number: int  # the sentence's place among the article's sentences
    start: int
    end: int
    text: str
    speaker: str
    role: str | None
    cue: str
    speaker_start: int  # -1 when the speaker is not named in the sentence
    speaker_end: int
    kind: str  # "quotation" or "paraphrase"
    quotes: list[Quote]
    figures: list[Figure]
    score: float
    signals: list[str]
    words: list[str]


@dataclass(frozen=True)
class Extraction:
    text: str
    candidates: list[Candidate]  # in the article's order
    threshold: float


def extract(text: str, voice: str) -> Extraction:
    found = [s for s in sentences.split(text) if not s.heading]
    model = worthiness.shipped()
    scored = model.score([s.text for s in found]) if found else []
    candidates = []
    attributed = attribution.attribute_all(found, text, voice) if found else []
    for number, (sentence, judged, said) in enumerate(zip(found, scored, attributed, strict=True)):
        quotes = [
            Quote(m.group(1) or m.group(2), sentence.start + m.start() + 1,
                  sentence.start + m.end() - 1)
            for m in _QUOTE.finditer(sentence.text)
        ]  # fmt: skip
        candidates.append(Candidate(
            number, sentence.start, sentence.end, sentence.text, said.speaker, said.role,
            said.cue, _placed(sentence.start, said.start),
            _placed(sentence.start, said.end),
            "quotation" if quotes and said.cue != "the article" else "paraphrase", quotes,
            [Figure(f.name, f.value, sentence.start + f.start, sentence.start + f.end)
             for f in figures(sentence.text)],
            judged.score, judged.signals, judged.words,
        ))  # fmt: skip
    candidates = _with_parts(candidates)
    return Extraction(text, candidates, model.threshold)


def _placed(base: int, offset: int) -> int:
    return -1 if offset < 0 else base + offset


def _count(value: str) -> Fraction | None:
    """The value of a plain count ("4,561", "more than 12,000"); None for anything else."""
    try:
        figure = parse_figure(value)
    except FigureError:
        return None
    return figure.value if figure.kind is Kind.count else None


def _with_parts(candidates: list[Candidate]) -> list[Candidate]:
    """Where a sentence lists counts that something includes, mark them parts of a whole: the
    first, larger count of the same sentence ("released 4,561 ..., including 31 ... and
    234 ..."), or else the largest count of the sentence before ("... 33,179 individuals."
    "... the cases include 399 ..., 3,313 ...")."""
    marked = list(candidates)
    for n, candidate in enumerate(candidates):
        found = _INCLUDES.search(candidate.text)
        if found is None or not candidate.figures:
            continue
        at = candidate.start + found.start()
        before = [f for f in candidate.figures if f.end <= at and _count(f.value)]
        after = [f for f in candidate.figures if f.start >= at and _count(f.value)]
        if not after:
            continue
        whole: str | None = None
        total = sum((_count(f.value) or 0) for f in after)
        if before:
            if (_count(before[-1].value) or 0) >= total:
                whole = before[-1].name
        elif n > 0:
            counts = [f for f in candidates[n - 1].figures if _count(f.value)]
            largest = max(counts, key=lambda f: _count(f.value) or 0, default=None)
            if largest is not None and (_count(largest.value) or 0) >= total:
                whole = f"{n - 1}.{largest.name}"
        if whole is None:
            continue
        figures_now = [
            Figure(f.name, f.value, f.start, f.end, whole) if f in after else f
            for f in candidate.figures
        ]
        marked[n] = dataclasses.replace(candidate, figures=figures_now)
    return marked
