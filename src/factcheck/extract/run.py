"""An article to ranked candidate claims: each sentence with who asserts it, how (quotation or
paraphrase), its figures (counts a sentence says something includes marked parts of their
whole), the relations it states between them (extract/relations.py), and its
check-worthiness with the reason.

Figures are related only where the text says how: a ratio of figures the text does not relate
gave confident wrong verdicts (issue 28: 19 men killed over 57 new officers "consistent with
32 percent"), and comparing every share with every pair of counts grew with the cube of the
article's figures (issue 27; docs/performance.md)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from fractions import Fraction

from factcheck.extract import attribution, relations, worthiness
from factcheck.extract.dating import byline_line
from factcheck.extract.figures import Found, figures
from factcheck.figures.quantity import FigureError, Kind, parse_figure
from factcheck.text import sentences
from factcheck.text.language import DECIMAL_COMMA, ENGLISH, Language, guess
from factcheck.text.sentences import Sentence

# Curly and straight double quotes, guillemets, and the German low-high pair; the single low
# quote is too like a comma and an apostrophe to read.
_QUOTE = re.compile(r"\u201c([^\u201d]+)\u201d|\"([^\"]+)\"|\u00ab\s?([^\u00bb]+?)\s?\u00bb"
                    r"|\u201e([^\u201c\u201d]+)[\u201c\u201d]"
                    # the New York Times' ''...'' and a typewriter's ``...'', as attribution reads
                    r"|(?:''|``)((?:(?!'').)+)''")  # fmt: skip
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
    per: str | None = None  # what it is counted per, as written: "a day"


@dataclass(frozen=True)
class Stated:
    """A relation the text states: `figure` (a change or a share) relates the amounts `a` and
    `b` (a change from a to b, a share a of b), named as Figure.part_of names a whole."""

    kind: str  # "change", "share" or "multiple" (a is that many times b)
    figure: str
    a: str
    b: str
    words: str


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
    stated: list[Stated] = dataclasses.field(default_factory=list)
    cut: bool = False  # a piece of a run too long to be a sentence (sentences.MAX_SENTENCE)


@dataclass(frozen=True)
class Extraction:
    text: str
    candidates: list[Candidate]  # in the article's order
    threshold: float
    language: Language = ENGLISH


def extract(text: str, voice: str) -> Extraction:
    # Every line is a candidate: a headline ("Robert Hurt says spending is up over 80
    # percent"), a transcript's turn, a post without a closing mark (issue 27).
    found = sentences.split(text)
    language = guess(text)
    decimal_comma = language.code in DECIMAL_COMMA
    model = worthiness.shipped()
    docs = attribution.parsed(found) if found else []
    attributed = attribution.attribute_all(found, text, voice, docs) if found else []
    # A transcript's label ("Donald Trump: ...") gives the speaker and is no part of what was
    # said: the claim's text, its score and its figures are the words after it.
    labels = [
        attribution.label_length(text, sentence) if said.cue == attribution.TURN else 0
        for sentence, said in zip(found, attributed, strict=True)
    ]
    # So is a post's signature at its end ("— Donald J. Trump (@realDonaldTrump) March 24").
    tails = [
        attribution.signature_length(text, sentence) if said.cue == attribution.SIGNED else 0
        for sentence, said in zip(found, attributed, strict=True)
    ]
    tags = [[t.tag_ for t in doc if n <= t.idx < len(doc.text) - tail]
            for doc, n, tail in zip(docs, labels, tails, strict=True)]  # fmt: skip
    found = [_before(_after(sentence, n), tail)
             for sentence, n, tail in zip(found, labels, tails, strict=True)]  # fmt: skip
    scored = model.score([s.text for s in found], tags) if found else []
    scored = _byline_unscored(text, found, scored)
    scored = _repeats_unscored(found, attributed, scored)
    candidates: list[Candidate] = []
    before: list[Found] = []
    for number, (sentence, judged, said) in enumerate(zip(found, scored, attributed, strict=True)):
        doc, cut = docs[number], labels[number]
        named = attribution.numbers_in_names(sentence, doc, cut)
        nouns = attribution.noun_starts(sentence, doc, cut)
        verbs = attribution.verb_starts(sentence, doc, cut)
        read = figures(sentence.text, decimal_comma, named, nouns, verbs)
        related = relations.relations(sentence.text, read) or relations.following(
            found[number - 1].text if number else "", before, sentence.text, read
        )
        read, before = _named_ends(sentence.text, read, before, related)
        if candidates and candidates[-1].figures and before:
            candidates[-1] = _renamed(candidates[-1], before)
        stated = [_stated(r, read, before, number) for r in related]
        before = read
        quotes = [_quote(m, sentence.start) for m in _QUOTE.finditer(sentence.text)]
        candidates.append(Candidate(
            number, sentence.start, sentence.end, sentence.text, said.speaker, said.role,
            said.cue, _placed(sentence.start, said.start),
            _placed(sentence.start, said.end),
            "quotation" if quotes and said.cue != "the article" else "paraphrase", quotes,
            [Figure(f.name, f.value, sentence.start + f.start, sentence.start + f.end,
                    per=f.per) for f in read],
            judged.score, judged.signals, judged.words, stated, sentence.cut,
        ))  # fmt: skip
    candidates = _with_parts(candidates)
    return Extraction(text, candidates, model.threshold, language)


def _after(sentence: Sentence, label: int) -> Sentence:
    """The sentence without the first `label` characters."""
    if not label:
        return sentence
    return dataclasses.replace(sentence, start=sentence.start + label, text=sentence.text[label:])


def _before(sentence: Sentence, tail: int) -> Sentence:
    """The sentence without its last `tail` characters."""
    if not tail:
        return sentence
    return dataclasses.replace(sentence, end=sentence.end - tail, text=sentence.text[:-tail])


def _byline_unscored(
    text: str, found: list[Sentence], scored: list[worthiness.Scored]
) -> list[worthiness.Scored]:
    """The byline ("By Sean Gorman on Monday, June 13th, 2016") scored 0: it gives the
    source's author and date (drafts.py), and a draft of it would record no claim."""
    line = byline_line(text)
    if line is None:
        return scored
    return [
        worthiness.Scored(0.0, ["the byline"], []) if line[0] <= s.start < line[1] else judged
        for s, judged in zip(found, scored, strict=True)
    ]


def _repeats_unscored(found: list[Sentence], attributed: list[attribution.Attribution],
                      scored: list[worthiness.Scored]) -> list[worthiness.Scored]:  # fmt: skip
    """A sentence that repeats an earlier one of the same speaker scored 0, with the sentence
    it repeats as the reason: a saved page gives its headline twice (its title, then its
    heading), and two drafts of one claim are one too many. Another speaker's same words are
    another claim ("That's not true." in a debate)."""
    first: dict[tuple[str, str], int] = {}
    unscored = list(scored)
    for number, (sentence, said) in enumerate(zip(found, attributed, strict=True)):
        words = " ".join(sentence.text.rstrip(_CLOSING).split()).casefold()
        earlier = first.setdefault((said.speaker, words), number)
        if earlier != number and words:
            unscored[number] = worthiness.Scored(0.0, [f"repeats sentence {earlier + 1}"], [])
    return unscored


_CLOSING = ".!?:;\u2026 \t\n"


def _quote(match: re.Match[str], base: int) -> Quote:
    group = next(n for n, g in enumerate(match.groups(), start=1) if g)
    return Quote(match.group(group), base + match.start(group), base + match.end(group))


_GENERIC = re.compile(r"(?:figure|amount|share|change|points)(?:_\d+)?")
_YEAR_AFTER = re.compile(r"\s+in\s+(?:fiscal\s+)?((?:1[89]|20)\d\d)\b")


def _named_ends(
    text: str, read: list[Found], before: list[Found], related: list[relations.Relation]
) -> tuple[list[Found], list[Found]]:
    """The ends of a stated change named after what is counted: in "344 slayings, a 13
    percent drop from the 396 in 2007" the 396 is `slayings_2007` (else `slayings_before`)."""
    for relation in (r for r in related if r.kind == "change"):
        ends = before if relation.sentence < 0 else read
        old, new = ends[relation.a], ends[relation.b]
        nouns = [f.name for f in (new, old) if not _GENERIC.fullmatch(f.name)]
        base = nouns[0] if nouns else "amount" if old.figure.currency else "count"
        taken = {f.name for f in ends}
        renamed = {}
        for figure, side in ((old, "before"), (new, "after")):
            if _GENERIC.fullmatch(figure.name):
                year = _YEAR_AFTER.match(text[figure.end :]) if ends is read else None
                renamed[figure.name] = _unique(f"{base}_{year[1] if year else side}", taken)
        if renamed:
            ends = [dataclasses.replace(f, name=renamed.get(f.name, f.name)) for f in ends]
            if relation.sentence < 0:
                before = ends
            else:
                read = ends
    return read, before


def _unique(name: str, taken: set[str]) -> str:
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _renamed(candidate: Candidate, before: list[Found]) -> Candidate:
    """The sentence before, with the names its ends took from the sentence after."""
    names = {f.name: n.name for f, n in zip(candidate.figures, before, strict=True)}
    if all(old == new for old, new in names.items()):
        return candidate
    figures_now = [dataclasses.replace(f, name=names[f.name]) for f in candidate.figures]
    stated = [
        dataclasses.replace(s, figure=names.get(s.figure, s.figure), a=names.get(s.a, s.a),
                            b=names.get(s.b, s.b))
        for s in candidate.stated
    ]  # fmt: skip
    return dataclasses.replace(candidate, figures=figures_now, stated=stated)


def _stated(relation: relations.Relation, read: list[Found], before: list[Found],
            number: int) -> Stated:  # fmt: skip
    ends = before if relation.sentence < 0 else read
    prefix = f"{number - 1}." if relation.sentence < 0 else ""
    return Stated(relation.kind, read[relation.stated].name, prefix + ends[relation.a].name,
                  prefix + ends[relation.b].name, relation.words)  # fmt: skip


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
            dataclasses.replace(f, part_of=whole) if f in after else f for f in candidate.figures
        ]
        marked[n] = dataclasses.replace(candidate, figures=figures_now)
    return marked
