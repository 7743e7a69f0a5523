"""Conflict detection over a set of claims: precise first, explainable always.

Only claims that speak to the same thing are paired: the same `about`, an explicit `disputes`
link, the same `measure`, or, for claims with no `about`, shared content words. Then four rules,
in order of confidence, each finding carrying the words or values that made it fire and what
might make it no conflict at all:

1. recorded: opposite `stance` on the same `about`, or a `disputes` link;
2. rebuttal: a marker ("a lie", "misinformation") in one claim, in a sentence that names the
   other claim's speaker;
3. numeric: figures of the same `measure` whose intervals cannot meet (hedges honoured);
   figures of different measures on one proposition are contrasting evidence, not conflict;
4. textual (suggested): a negation on one side only over the same predicate and subject, or a
   contrast pair of predicates ("follows"/"violates") over the same subject.
"""

from __future__ import annotations

import enum
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from factcheck.lexicon import Lexicon, Phrase, Text, Token, stem
from factcheck.model import Claim, Quantity
from factcheck.quantity import Figure, parse_figure
from factcheck.store import Corpus

# A content word shared by more claims than this says nothing about a pair of them; skipping
# such words keeps pairing by shared content from becoming quadratic in a large topic.
MAX_SHARED_WORD_CLAIMS = 200
# Above this many figures of one measure, each figure is paired with its nearest disagreeing
# neighbours (sorted by value) instead of with every other figure.
MAX_ALL_PAIRS_PER_MEASURE = 50


class Rule(str, enum.Enum):
    recorded = "recorded"
    rebuttal = "rebuttal"
    numeric = "numeric"
    textual = "textual"


class Confidence(str, enum.Enum):
    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        return list(Confidence).index(self)


class Evidence(BaseModel):
    """What made a rule fire: words of a claim's text (with offsets) or a field's value."""

    claim: str
    field: str
    text: str
    start: int | None = None
    end: int | None = None


class Finding(BaseModel):
    rule: Rule
    confidence: Confidence
    explanation: str
    evidence: list[Evidence]
    caveats: list[str]


class Conflict(BaseModel):
    claims: list[str]
    proposition: str | None
    paired_by: str
    rule: Rule
    confidence: Confidence
    explanation: str
    evidence: list[Evidence]
    caveats: list[str]
    also: list[Finding]


class FigureView(BaseModel):
    claim: str
    quantity: str
    value: str
    measure: str
    period: str | None


class Contrast(BaseModel):
    claims: list[str]
    proposition: str | None
    figures: list[FigureView]
    explanation: str


class Comparison(BaseModel):
    topic: str | None
    about: str | None
    claims: int
    conflicts: list[Conflict]
    contrasts: list[Contrast]


def compare(
    claims: Sequence[Claim],
    lexicon: Lexicon | None = None,
    topic: str | None = None,
    about: str | None = None,
) -> Comparison:
    """Every conflict and contrast among `claims` (one topic, or one proposition)."""
    return _Comparer(claims, lexicon or Lexicon.default()).run(topic, about)


@dataclass
class _Pair:
    a: Claim
    b: Claim
    reasons: list[str]


class _Comparer:
    def __init__(self, claims: Sequence[Claim], lexicon: Lexicon) -> None:
        self.claims = sorted(claims, key=lambda c: c.id)
        self.by_id = {c.id: c for c in self.claims}
        self.lexicon = lexicon
        self._texts: dict[str, Text] = {}
        self._names: dict[str, list[tuple[str, ...]]] = {}
        self._hits: dict[str, dict[Phrase, list[int]]] = {}
        self._negated: dict[str, dict[int, int]] = {}

    def text(self, claim: Claim) -> Text:
        if claim.id not in self._texts:
            self._texts[claim.id] = Text.of(claim.text)
        return self._texts[claim.id]

    def run(self, topic: str | None, about: str | None) -> Comparison:
        conflicts, contrasts = [], []
        for pair in self.pairs().values():
            findings = [f for f in self.findings(pair) if f is not None]
            if findings:
                conflicts.append(self.conflict(pair, findings))
            contrast = self.contrast(pair)
            if contrast is not None:
                contrasts.append(contrast)
        return Comparison(
            topic=topic,
            about=about,
            claims=len(self.claims),
            conflicts=_grouped(conflicts),
            contrasts=sorted(contrasts, key=lambda c: (c.proposition or "", c.claims)),
        )

    # --- pairing -------------------------------------------------------------------------

    def pairs(self) -> dict[tuple[str, str], _Pair]:
        pairs: dict[tuple[str, str], _Pair] = {}

        def add(a: Claim, b: Claim, reason: str) -> None:
            if a.id == b.id:
                return
            key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if key not in pairs:
                pairs[key] = _Pair(self.by_id[key[0]], self.by_id[key[1]], [])
            if reason not in pairs[key].reasons:
                pairs[key].reasons.append(reason)

        propositions: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if claim.about:
                propositions[claim.about].append(claim)
            for other in claim.disputes:
                if other in self.by_id:
                    add(claim, self.by_id[other], "disputes")
        for key, group in propositions.items():
            for a, b in itertools.combinations(group, 2):
                add(a, b, f"same proposition '{key}'")
        for measure, (a, b) in self.measure_pairs():
            add(a, b, f"same measure '{measure}'")
        for a, b, shared in self.content_pairs():
            add(a, b, f"shared words: {', '.join(shared)}")
        for a, b, shared in self.rebuttal_pairs():
            add(a, b, f"a rebuttal naming {b.speaker}, sharing: {', '.join(shared)}")
        return pairs

    def rebuttal_pairs(self) -> Iterable[tuple[Claim, Claim, list[str]]]:
        """A claim that calls something false next to a speaker's name speaks to that
        speaker's claims, if it shares one content word with them (not only the name).

        Only for a claim whose target is not recorded: one with a `disputes` or an `about`
        has told us what it answers, and pairing it with every claim of that speaker that
        shares a word ("California", "inmates") would be guessing."""
        by_name: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            for name in self.names(claim):
                by_name[name].append(claim)
        for claim in self.claims:
            if claim.disputes or claim.about:
                continue
            text = self.text(claim)
            hits = self.lexicon_hits(claim)
            if not any(marker in hits for marker, _ in self.lexicon.marker_phrases):
                continue
            mine = self.content_words(claim)
            for name, speakers_claims in by_name.items():
                if not _find_lower(text, name):
                    continue
                for other in speakers_claims:
                    name_stems = {stem(w) for w in name}
                    shared = (mine & self.content_words(other)) - name_stems
                    if other.id != claim.id and shared:
                        yield claim, other, sorted(shared)

    def measure_pairs(self) -> Iterable[tuple[str, tuple[Claim, Claim]]]:
        by_measure: dict[str, list[tuple[Claim, Figure]]] = defaultdict(list)
        for claim in self.claims:
            for quantity in claim.quantities.values():
                if quantity.measure:
                    by_measure[quantity.measure].append((claim, parse_figure(quantity.value)))
        for measure, figures in by_measure.items():
            if len(figures) <= MAX_ALL_PAIRS_PER_MEASURE:
                for (a, _), (b, _) in itertools.combinations(figures, 2):
                    yield measure, (a, b)
                continue
            # Sorted by value, a figure's nearest neighbours are the ones it is likeliest to
            # be confused with, and disagreement with them is what a reader needs to see.
            figures.sort(key=lambda item: item[1].value)
            for (a, _), (b, _) in itertools.pairwise(figures):
                yield measure, (a, b)

    def content_pairs(self) -> Iterable[tuple[Claim, Claim, list[str]]]:
        index: dict[str, list[Claim]] = defaultdict(list)
        words: dict[str, set[str]] = {}
        for claim in self.claims:
            if claim.about:
                continue  # a claim with a proposition is paired by it
            words[claim.id] = self.content_words(claim)
            for word in words[claim.id]:
                index[word].append(claim)
        candidates: dict[tuple[str, str], set[str]] = defaultdict(set)
        for word, holders in index.items():
            if len(holders) > MAX_SHARED_WORD_CLAIMS:
                continue
            for a, b in itertools.combinations(holders, 2):
                candidates[(a.id, b.id)].add(word)
        for (a_id, b_id), shared in candidates.items():
            # A subject and a predicate: two content words in common at least.
            if len(shared) >= 2:
                yield self.by_id[a_id], self.by_id[b_id], sorted(shared)

    def content_words(self, claim: Claim) -> set[str]:
        return {t.stem for t in self.text(claim).tokens if self.lexicon.is_content(t)}

    # --- rules ---------------------------------------------------------------------------

    def findings(self, pair: _Pair) -> list[Finding | None]:
        return [
            self.recorded(pair),
            self.rebuttal(pair),
            self.numeric(pair),
            self.textual(pair),
        ]

    def recorded(self, pair: _Pair) -> Finding | None:
        a, b = pair.a, pair.b
        reasons, evidence = [], []
        if a.about and a.about == b.about and a.stance and b.stance and a.stance != b.stance:
            reasons.append(f"{_who(a)} {a.stance} and {_who(b)} {b.stance} '{a.about}'")
            evidence += [
                Evidence(claim=a.id, field="stance", text=a.stance),
                Evidence(claim=b.id, field="stance", text=b.stance),
            ]
        for x, y in ((a, b), (b, a)):
            if y.id in x.disputes:
                reasons.append(f"{_who(x)}'s claim is recorded as disputing {y.id}")
                evidence.append(Evidence(claim=x.id, field="disputes", text=y.id))
        if not reasons:
            return None
        caveats = ["Stances and disputes are the desk's reading: check they are towards the "
                   "same reading of the proposition."]  # fmt: skip
        measures = self.different_measures(a, b)
        if measures:
            caveats.append(
                f"Their figures measure different things ({measures}): both can be true."
            )
        return Finding(
            rule=Rule.recorded,
            confidence=Confidence.high,
            explanation="; ".join(reasons) + ".",
            evidence=evidence,
            caveats=caveats,
        )

    def rebuttal(self, pair: _Pair) -> Finding | None:
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            if _same_speaker(x, y):
                continue
            hit = self.marker_aimed_at(x, y)
            if hit is None:
                continue
            marker, name = hit
            linked = any(r == "disputes" or r.startswith("same proposition") for r in pair.reasons)
            return Finding(
                rule=Rule.rebuttal,
                confidence=Confidence.high if linked else Confidence.medium,
                explanation=(
                    f"{_who(x)} calls it '{marker.text}' in a sentence naming "
                    f"{y.speaker}, the speaker of {y.id}."
                ),
                evidence=[_word_evidence(x, marker), _word_evidence(x, name)],
                caveats=["The marker may be aimed at another statement by the same speaker."],
            )
        return None

    def marker_aimed_at(self, x: Claim, y: Claim) -> tuple[_Span, _Span] | None:
        text = self.text(x)
        names = self.names(y)
        hits = self.lexicon_hits(x)
        for wanted, _ in self.lexicon.marker_phrases:
            for start in hits.get(wanted, ()):
                sentence = text.tokens[start].sentence
                marker = _span(text, start, len(wanted))
                for name in names:
                    for at in _find_lower(text, name):
                        if text.tokens[at].sentence == sentence:
                            return marker, _span(text, at, len(name))
        return None

    def names(self, claim: Claim) -> list[tuple[str, ...]]:
        """How a text may name this claim's speaker: in full, or by a person's surname."""
        if claim.speaker not in self._names:
            self._names[claim.speaker] = self._speaker_names(claim)
        return self._names[claim.speaker]

    def _speaker_names(self, claim: Claim) -> list[tuple[str, ...]]:
        words = [w.strip(".,").lower() for w in claim.speaker.split()]
        names = [tuple(words)]
        run = _last_capitalised_run(claim.speaker)
        if len(run) >= 2 and not any(w.lower() in self.lexicon.organisations for w in run):
            names += [tuple(w.lower() for w in run), (run[-1].lower(),)]
        return list(dict.fromkeys(names))

    def numeric(self, pair: _Pair) -> Finding | None:
        for quantity_a, quantity_b in _same_measure(pair.a, pair.b):
            (name_a, qa), (name_b, qb) = quantity_a, quantity_b
            fa, fb = parse_figure(qa.value), parse_figure(qb.value)
            if fa.claimed.overlaps(fb.claimed):
                continue
            same_period = (qa.period, qa.since, qa.until) == (qb.period, qb.since, qb.until)
            caveats = ["The two may count by different definitions or sources."]
            if not same_period:
                caveats.insert(
                    0, f"The periods differ: {_period_or_none(qa)} and {_period_or_none(qb)}."
                )
            return Finding(
                rule=Rule.numeric,
                confidence=Confidence.high if same_period else Confidence.medium,
                explanation=(
                    f"Both count '{qa.measure}', but '{fa.text}' ({fa.claimed_text}) and "
                    f"'{fb.text}' ({fb.claimed_text}) cannot both hold."
                ),
                evidence=[
                    Evidence(claim=pair.a.id, field=f"quantities.{name_a}", text=fa.text),
                    Evidence(claim=pair.b.id, field=f"quantities.{name_b}", text=fb.text),
                ],
                caveats=caveats,
            )
        return None

    def textual(self, pair: _Pair) -> Finding | None:
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            finding = self.one_sided_negation(x, y) or self.contrast_pair(x, y)
            if finding is not None:
                return finding
        return None

    def negated_clauses(self, claim: Claim) -> dict[int, int]:
        """Clause number -> index of its first negation, for the claim's text."""
        if claim.id not in self._negated:
            negated: dict[int, int] = {}
            for i, token in enumerate(self.text(claim).tokens):
                if self.lexicon.is_negation(token):
                    negated.setdefault(token.clause, i)
            self._negated[claim.id] = negated
        return self._negated[claim.id]

    def one_sided_negation(self, x: Claim, y: Claim) -> Finding | None:
        tx, ty = self.text(x), self.text(y)
        negated_y = self.negated_clauses(y)
        for i in sorted(self.negated_clauses(x).values()):
            token = tx.tokens[i]
            predicate = self.next_content(tx, i)
            if predicate is None:
                continue
            for j in ty.find((tx.tokens[predicate].stem,)):
                if ty.tokens[j].clause in negated_y:
                    continue
                if not self.same_subject(tx, i, ty, j):
                    continue
                verb = tx.tokens[predicate].text
                return Finding(
                    rule=Rule.textual,
                    confidence=Confidence.low,
                    explanation=(
                        f"Suggested: {_who(x)} negates '{verb}' ('{token.text} ... {verb}') "
                        f"where {_who(y)} asserts it, about the same subject."
                    ),
                    evidence=[
                        _word_evidence(x, _span(tx, i, 1)),
                        _word_evidence(x, _span(tx, predicate, 1)),
                        _word_evidence(y, _span(ty, j, 1)),
                    ],
                    caveats=[
                        "Found from wording alone; the negation may concern a "
                        "different aspect of the subject."
                    ],
                )
        return None

    def lexicon_hits(self, claim: Claim) -> dict[Phrase, list[int]]:
        """Where each lexicon phrase (marker, contrast side) stands in the claim's text."""
        if claim.id not in self._hits:
            text = self.text(claim)
            found = {p: text.find(p) for p in self.lexicon.phrases if p[0] in text.positions}
            self._hits[claim.id] = {p: at for p, at in found.items() if at}
        return self._hits[claim.id]

    def contrast_pair(self, x: Claim, y: Claim) -> Finding | None:
        tx, ty = self.text(x), self.text(y)
        hits_x, hits_y = self.lexicon_hits(x), self.lexicon_hits(y)
        for left, right, left_text, right_text in self.lexicon.contrast_phrases:
            if left not in hits_x or right not in hits_y:
                continue
            for i in hits_x[left]:
                for j in hits_y[right]:
                    if not self.same_subject(tx, i, ty, j):
                        continue
                    return Finding(
                        rule=Rule.textual,
                        confidence=Confidence.low,
                        explanation=(
                            f"Suggested: '{left_text}' against '{right_text}' over the same "
                            f"subject ({_who(x)}, {_who(y)})."
                        ),
                        evidence=[
                            _word_evidence(x, _span(tx, i, len(left))),
                            _word_evidence(y, _span(ty, j, len(right))),
                        ],
                        caveats=[
                            "Found from wording alone; the two may describe different "
                            "things the subject does."
                        ],
                    )
        return None

    def next_content(self, text: Text, i: int) -> int | None:
        clause = text.tokens[i].clause
        for k in range(i + 1, len(text.tokens)):
            token = text.tokens[k]
            if token.clause != clause:
                return None
            if self.lexicon.is_content(token):
                return k
        return None

    def same_subject(self, tx: Text, i: int, ty: Text, j: int) -> bool:
        """The clause before position i in tx and before j in ty speak of one subject: they
        share a content word, neither names someone the other does not, and the sentences
        do not name different years ("rose in 2023" and "fell in 2024" can both be true)."""
        years_x, years_y = _years(tx, i), _years(ty, j)
        if years_x and years_y and not years_x & years_y:
            return False
        sx, sy = self.subject(tx, i), self.subject(ty, j)
        if not sx or not sy:
            return False
        if not {t.stem for t in sx} & {t.stem for t in sy}:
            return False
        names_x = {t.lower for t in sx if t.capitalised}
        names_y = {t.lower for t in sy if t.capitalised}
        return not (names_x - names_y and names_y - names_x)

    def subject(self, text: Text, i: int) -> list[Token]:
        sentence = text.tokens[i].sentence
        return [t for t in text.tokens[:i] if t.sentence == sentence and self.lexicon.is_content(t)]

    # --- contrasts -----------------------------------------------------------------------

    def different_measures(self, a: Claim, b: Claim) -> str:
        measures_a = {q.measure for q in a.quantities.values() if q.measure}
        measures_b = {q.measure for q in b.quantities.values() if q.measure}
        if not measures_a or not measures_b or measures_a & measures_b:
            return ""
        return f"{', '.join(sorted(measures_a))} against {', '.join(sorted(measures_b))}"

    def contrast(self, pair: _Pair) -> Contrast | None:
        a, b = pair.a, pair.b
        if not (a.about and a.about == b.about) or not self.different_measures(a, b):
            return None
        figures = [
            FigureView(claim=c.id, quantity=name, value=q.value, measure=q.measure or "",
                       period=q.period_text or None)
            for c in (a, b)
            for name, q in c.quantities.items()
            if q.measure
        ]  # fmt: skip
        sides = [
            f"{_who(c)} counts "
            + ", ".join(f"{f.measure} ({f.value}{', ' + f.period if f.period else ''})"
                        for f in figures if f.claim == c.id)
            for c in (a, b)
        ]  # fmt: skip
        return Contrast(
            claims=[a.id, b.id],
            proposition=a.about,
            figures=figures,
            explanation=(
                f"{sides[0]}; {sides[1]}. Different measures of one proposition: evidence to "
                "read side by side, not a contradiction."
            ),
        )

    def conflict(self, pair: _Pair, findings: list[Finding]) -> Conflict:
        primary, *rest = findings
        same = pair.a.about if pair.a.about and pair.a.about == pair.b.about else None
        return Conflict(
            claims=[pair.a.id, pair.b.id],
            proposition=same,
            paired_by="; ".join(pair.reasons),
            rule=primary.rule,
            confidence=primary.confidence,
            explanation=primary.explanation,
            evidence=primary.evidence,
            caveats=primary.caveats,
            also=rest,
        )


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


def _span(text: Text, index: int, length: int) -> _Span:
    first, last = text.tokens[index], text.tokens[index + length - 1]
    return _Span(first.start, last.end, text.source[first.start : last.end])


def _word_evidence(claim: Claim, span: _Span) -> Evidence:
    return Evidence(claim=claim.id, field="text", text=span.text, start=span.start, end=span.end)


def _years(text: Text, index: int) -> set[str]:
    sentence = text.tokens[index].sentence
    return {
        t.text
        for t in text.tokens
        if t.sentence == sentence
        and len(t.text) == 4
        and t.text.isdigit()
        and t.text[:2] in ("19", "20")
    }


def _find_lower(text: Text, words: Phrase) -> list[int]:
    n = len(words)
    return [
        i
        for i in range(len(text.tokens) - n + 1)
        if tuple(t.lower for t in text.tokens[i : i + n]) == words
    ]


def _last_capitalised_run(speaker: str) -> list[str]:
    run: list[str] = []
    for word in speaker.split():
        if word[:1].isupper() and not word.endswith("."):
            run.append(word)
        else:
            run = []
    return run


def _same_speaker(a: Claim, b: Claim) -> bool:
    return a.speaker.casefold() == b.speaker.casefold()


def _same_measure(
    a: Claim, b: Claim
) -> Iterable[tuple[tuple[str, Quantity], tuple[str, Quantity]]]:
    for qa in a.quantities.items():
        for qb in b.quantities.items():
            if qa[1].measure and qa[1].measure == qb[1].measure:
                yield qa, qb


def _period_or_none(quantity: Quantity) -> str:
    return quantity.period_text or "no period given"


def _who(claim: Claim) -> str:
    return claim.speaker


_RULE_ORDER = list(Rule)


def _grouped(conflicts: list[Conflict]) -> list[Conflict]:
    """Grouped by proposition, groups with recorded conflicts first; within a group, by rule."""
    best: dict[str | None, int] = {}
    for c in conflicts:
        rank = _RULE_ORDER.index(c.rule)
        best[c.proposition] = min(rank, best.get(c.proposition, rank))
    return sorted(
        conflicts,
        key=lambda c: (
            best[c.proposition],
            c.proposition is None,
            c.proposition or "",
            _RULE_ORDER.index(c.rule),
            c.claims,
        ),
    )


def at_least(comparison: Comparison, minimum: Confidence) -> Comparison:
    """The comparison with only the conflicts of at least this confidence."""
    kept = [c for c in comparison.conflicts if c.confidence.rank >= minimum.rank]
    return comparison.model_copy(update={"conflicts": kept})


class UnknownTopic(LookupError):
    def __init__(self, topic: str, known: list[str]) -> None:
        super().__init__(f"no claim has the topic '{topic}'; known topics: {', '.join(known)}")


def compare_topic(corpus: Corpus, topic: str, lexicon: Lexicon | None = None) -> Comparison:
    claims = [c for c in corpus.claims.values() if topic in c.topics]
    if not claims:
        known = sorted({t for c in corpus.claims.values() for t in c.topics})
        raise UnknownTopic(topic, known)
    return compare(claims, corpus_lexicon(corpus, lexicon), topic=topic)


def compare_all(corpus: Corpus, lexicon: Lexicon | None = None) -> list[Comparison]:
    topics = sorted({t for c in corpus.claims.values() for t in c.topics})
    return [compare_topic(corpus, t, lexicon) for t in topics]


def compare_about(corpus: Corpus, about: str, lexicon: Lexicon | None = None) -> Comparison:
    """One proposition across topics, with the claims linked to it by `disputes`."""
    core = {c.id for c in corpus.claims.values() if c.about == about}
    if not core:
        known = sorted({c.about for c in corpus.claims.values() if c.about})
        raise LookupError(f"no claim is about '{about}'; known propositions: {', '.join(known)}")
    disputing = {c.id for c in corpus.claims.values() if core & set(c.disputes)}
    disputed = {d for i in core for d in corpus.claims[i].disputes}
    linked = core | disputing | disputed
    claims = [corpus.claims[i] for i in sorted(linked)]
    return compare(claims, corpus_lexicon(corpus, lexicon), about=about)


def corpus_lexicon(corpus: Corpus, lexicon: Lexicon | None = None) -> Lexicon:
    return (lexicon or Lexicon.default()).extended(corpus.lexicon)
