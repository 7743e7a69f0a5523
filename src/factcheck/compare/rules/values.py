"""Two different values of one attribute in the same slot: years, numbers, ordinals, months,
days, colours, nationalities ("born in 1941" / "born ... 1997"; "an Indian actor" / "a British
actor"; "Two women" / "Three women").

A slot is the same when a content word next to one value stands next to the other too (the
anchor: "born", "actor", "women"), or, for dates, when each sentence holds one value of the
kind and the sentences share most of their words. A value that the other claim also holds
anywhere is no conflict ("from 1968 to 1973" and "in 1973").
"""

from __future__ import annotations

from factcheck.compare.dates import Dated
from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading, Span, Value, same_name
from factcheck.compare.rules.alignment import (
    MIN_SENTENCE_OVERLAP,
    aligned,
    either_way,
    substituted,
)
from factcheck.compare.rules.evidence import word_evidence
from factcheck.figures.quantity import Figure, Hedge

# Values whose slot is the words before them ("born in 1941", "lives in Japan"), and that a
# sentence holding one of each, matching the other sentence, puts in one slot.
DATES = frozenset({"year", "month", "day", "country"})
# Values a verb says something of ("served 4,000", "won in 2010"), where another verb beside
# the other value makes it another event or measure; colours, nationalities and ordinals
# qualify a noun ("a blue shirt"), whatever the rest of the sentence does.
SAID_OF_EVENTS = frozenset({"number", "year", "month", "day", "country"})
# Values that say when.
TIMES = frozenset({"year", "month", "day"})
# Words that join the parts of a date ("March 23, 2017", "the 4th of July").
DATE_GLUE = frozenset({",", "of"})
# Words that scale a number rather than say what it counts.
MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
# Whole numbers below this, written without a hedge, are counts read exactly; larger ones may
# be rounded, and are read with the precision the quantity language gives them.
SMALL_COUNT = 100
RESOURCES = {
    "year": "different years",
    "number": "different numbers",
    "ordinal": "different ordinals",
    "month": "different months (WordNet)",
    "day": "different days (WordNet)",
    "colour": "different colours (WordNet)",
    "nationality": "different nationalities (WordNet)",
    "country": "different countries (WordNet)",
}


class Values:
    rule = Rule.values

    def find(self, pair: Pair) -> Finding | None:
        return either_way(pair, mismatch) or either_way(pair, different_life_dates)


def slot(reading: Reading, value: Value) -> set[str]:
    """The words that say what a value is a value of: for a date or a country, the content
    words just before it ("born in", "released on", "lives in"); for a number, the noun it
    counts, unless that is a unit of measure; for a colour, nationality or ordinal, the noun
    it qualifies."""
    if value.kind in DATES:
        return reading.preceding(date_start(reading, value.index), 2)
    if value.kind == "number":
        return counted(reading, value.index) - reading.lexicon.units
    return reading.following(value.index, 2)


_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


def counted(reading: Reading, i: int) -> set[str]:
    """What the number at token i counts: the next content word in its clause, past a
    multiplier ("150 million km" counts km). Nothing for either number of a part of a group
    ("Seventeen of the 18 warmest years"): which group it is differs from claim to claim."""
    tokens = reading.tokens
    if i + 1 < len(tokens) and tokens[i + 1].lower == "of":
        return set()
    if i + 1 < len(tokens) and tokens[i + 1].lower in _ORDINAL_ENDINGS:
        return set()  # "January 1st" is a day, "the 21st" a rank: neither counts anything
    group = [t.lower for t in tokens[max(i - 2, 0) : i]] == ["of", "the"]
    if group and i - 3 in reading.value_indexes:
        return set()
    for k in range(i + 1, len(tokens)):
        if tokens[k].clause != tokens[i].clause:
            break
        if tokens[k].lower in MULTIPLIERS or k in reading.value_indexes:
            continue
        if reading.content_flags[k] and tokens[k].lower not in _ORDINAL_ENDINGS:
            return {tokens[k].stem}  # not "St." of "Oct. 9 in St. Louis"
    return set()


def alone_in_sentence(reading: Reading, value: Value) -> bool:
    sentence = reading.tokens[value.index].sentence
    return reading.values_per_sentence[(sentence, value.kind)] == 1


def same_date_slot(x: Reading, u: Value, y: Reading, v: Value, match: float) -> bool:
    """One date each, in sentences that match, and no word just before either date that the
    other sentence lacks ("rose in 2023" / "fell in 2024" can both be true)."""
    if not (alone_in_sentence(x, u) and alone_in_sentence(y, v)) or match < MIN_SENTENCE_OVERLAP:
        return False
    words_x = x.sentence_content[x.tokens[u.index].sentence]
    words_y = y.sentence_content[y.tokens[v.index].sentence]
    before_u = x.preceding(date_start(x, u.index), 2)
    before_v = y.preceding(date_start(y, v.index), 2)
    return before_u <= words_y and before_v <= words_x


def date_start(reading: Reading, i: int) -> int:
    """Where the date that ends at token i begins: "released on March 23, 2017" is released
    on a date, and its slot is the words before "March", not "March 23"."""
    tokens = reading.tokens
    while i > 0 and tokens[i - 1].sentence == tokens[i].sentence:
        before = tokens[i - 1]
        day = before.text.isdigit() and 1 <= int(before.text) <= 31
        month = reading.value_kind(i - 1) in ("month", "day")
        if not (day or month or before.text in DATE_GLUE):
            break
        i -= 1
    return i


def two_occasions(x: Reading, u: Value, y: Reading, v: Value) -> bool:
    return names_its_event(x, u) or names_its_event(y, v) or other_values_differ(x, u, y, v)


def names_its_event(reading: Reading, value: Value) -> bool:
    """A year that says which one of a kind of thing ("the strike of 1946", "the heat wave
    of 2003"): another year is another strike, not another date for this one."""
    i, tokens = value.index, reading.tokens
    return i >= 2 and tokens[i - 1].lower == "of" and reading.content_flags[i - 2]


def other_values_differ(x: Reading, u: Value, y: Reading, v: Value) -> bool:
    """Besides the two dates, the sentences hold two different values of another kind
    ("rose to 40,000 in March" / "rose to 52,000 in June"): the dates tell two occasions
    apart, on which the figure was different, and both may be true."""
    mine = [w for w in x.values if x.tokens[w.index].sentence == x.tokens[u.index].sentence]
    theirs = [z for z in y.values if y.tokens[z.index].sentence == y.tokens[v.index].sentence]
    held_x, held_y = {(w.kind, w.key) for w in mine}, {(z.kind, z.key) for z in theirs}
    for w in mine:
        if w.kind == u.kind or (w.kind, w.key) in held_y:
            continue
        for z in theirs:
            if z.kind != w.kind or (z.kind, z.key) in held_x:
                continue
            if w.kind != "number" or figures_differ(x, w, y, z):
                return True
    return False


def figures_differ(x: Reading, u: Value, y: Reading, v: Value) -> bool:
    """Numbers as the quantity language reads them, hedges included: "more than 12,000"
    and "13,500" can both hold; "two" and "three" cannot."""
    a, b = x.figure(u.index), y.figure(v.index)
    if a is None or b is None:
        return False
    if a.hedge is Hedge.none and b.hedge is Hedge.none and small_count(a) and small_count(b):
        return a.value != b.value  # nobody rounds "two women" to "three"
    return not a.claimed.overlaps(b.claimed)


def small_count(figure: Figure) -> bool:
    return figure.value.denominator == 1 and 0 <= figure.value < SMALL_COUNT and not figure.round


def mismatch(x: Reading, y: Reading) -> Finding | None:
    mine, theirs = x.plain_values, y.plain_values
    for kind, values in theirs.items():
        if kind == "number" and (x.claim.quantities or y.claim.quantities):
            continue  # recorded figures are the numeric rule's, measured and hedged
        if kind not in mine:
            continue
        anywhere = {u.key for u in x.values if u.kind == kind}  # negated or asked, too
        for v in values:
            if v.key in anywhere:
                continue
            for u in mine[kind]:
                if kind == "number" and not figures_differ(x, u, y, v):
                    continue
                anchors = slot(x, u) & slot(y, v)
                ignore = {x.tokens[u.index].stem, y.tokens[v.index].stem}
                compared = ignore | {u.key, v.key}
                if kind in SAID_OF_EVENTS and substituted(x, u.index, y, v.index, compared):
                    continue
                if kind in TIMES and two_occasions(x, u, y, v):
                    continue
                match = aligned(x, u.index, y, v.index, compared)
                if (anchors and match > 0) or (kind in DATES and same_date_slot(x, u, y, v, match)):
                    return finding(x, u, y, v, sorted(anchors), match)
    return None


def finding(
    x: Reading, u: Value, y: Reading, v: Value, anchors: list[str], match: float
) -> Finding:
    a, b = x.tokens[u.index].text, y.tokens[v.index].text
    slot = f"next to '{', '.join(anchors)}'" if anchors else "in sentences that match"
    return Finding(
        rule=Rule.values,
        confidence=Confidence.medium if anchors and match >= 0.8 else Confidence.low,
        explanation=(
            f"Suggested: {x.claim.speaker} has '{a}' where {y.claim.speaker} has '{b}', "
            f"{slot}: {RESOURCES[u.kind]} for one slot."
        ),
        evidence=[word_evidence(x, x.span(u.index)), word_evidence(y, y.span(v.index))],
        caveats=[
            "Found from wording alone; the two values may describe different things or "
            "different times."
        ],
        resource=RESOURCES[u.kind],
    )


def different_life_dates(x: Reading, y: Reading) -> Finding | None:
    """A date of birth or death, in a lifespan ("(April 8, 1974 - February 2, 2013)") or in
    words ("Louis died in 1715"), that the other text, about the same person, gives
    otherwise in words ("Chris Kyle died on February 2, 2014", "Louis passed away in 1729").
    Two lifespans are not held against each other: they are two sets of years, which the
    years above already compare."""
    for a in x.life_dates:
        for b in y.life_dates:
            if b.dated.lifespan or b.dated.event is not a.dated.event:
                continue
            if not a.dated.date.differs(b.dated.date):
                continue
            if any(same_name(m, n) for m in a.names for n in b.names):
                return life_finding(x, a.dated, y, b.dated)
    return None


WHERE = {True: "'s lifespan in brackets", False: ""}


def life_finding(x: Reading, a: Dated, y: Reading, b: Dated) -> Finding:
    resource = f"different dates of {a.event.value}"
    said_a, said_b = x.text.source[a.start : a.end], y.text.source[b.start : b.end]
    return Finding(
        rule=Rule.values,
        confidence=Confidence.medium,
        explanation=(
            f"Suggested: {x.claim.speaker}{WHERE[a.lifespan]} gives the date of "
            f"{a.event.value} as '{said_a}' where {y.claim.speaker} gives '{said_b}', for "
            "one name."
        ),
        evidence=[
            word_evidence(x, Span(a.start, a.end, said_a)),
            word_evidence(y, Span(b.start, b.end, said_b)),
        ],
        caveats=["Found from wording alone; two people may share the name."],
        resource=resource,
    )
