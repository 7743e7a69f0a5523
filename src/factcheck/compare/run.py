"""One entry point per scope (a set of claims, a topic, a proposition, every topic) and the
confidence filter; the CLI calls these and does no dispatch of its own."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from factcheck.compare.contrasts import contrast
from factcheck.compare.models import Comparison, Confidence, Conflict, Finding, grouped
from factcheck.compare.pairing import Pair, Pairs
from factcheck.compare.reading import Reading
from factcheck.compare.rules import RULES
from factcheck.compare.rules.recorded import sides
from factcheck.errors import Unknown
from factcheck.folder.store import Corpus
from factcheck.model import Claim
from factcheck.text.lexicon import Lexicon


class UnknownTopic(Unknown):
    def __init__(self, topic: str, known: list[str]) -> None:
        super().__init__(f"no claim has the topic '{topic}'", _nearest(topic, known),
                         f" (known topics: {', '.join(known)})")  # fmt: skip


class UnknownProposition(Unknown):
    def __init__(self, about: str, known: list[str]) -> None:
        super().__init__(f"no claim is about '{about}'", _nearest(about, known),
                         f" (known propositions: {', '.join(known)})")  # fmt: skip


def _nearest(wanted: str, known: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)


class Readings:
    """Each claim read once, whichever topics it is compared in."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._read: dict[str, Reading] = {}

    def forget(self, claim_ids: Iterable[str]) -> None:
        """Drop what was read of claims no longer needed (each reading holds its tokens)."""
        for claim_id in claim_ids:
            self._read.pop(claim_id, None)

    def __call__(self, claims: Iterable[Claim]) -> list[Reading]:
        found = []
        for claim in claims:
            reading = self._read.get(claim.id)
            if reading is None or reading.claim is not claim:
                reading = self._read[claim.id] = Reading(claim, self.lexicon)
            found.append(reading)
        return found


def compare_readings(
    readings: Sequence[Reading], topic: str | None = None, about: str | None = None
) -> Comparison:
    pairs = Pairs(readings)
    conflicts, contrasts = [], []
    paired = pairs.all()
    for key, group in sorted(pairs.crowded.items()):
        summary = sides(key, group)
        if summary is not None:
            conflicts.append(summary)
    for pair in paired:
        findings = [f for rule in RULES if (f := rule.find(pair)) is not None]
        if findings:
            conflicts.append(conflict(pair, findings))
        found = contrast(pair)
        if found is not None:
            contrasts.append(found)
    return Comparison(
        topic=topic,
        about=about,
        claims=len(readings),
        conflicts=grouped(conflicts),
        contrasts=sorted(contrasts, key=lambda c: (c.proposition or "", c.claims)),
        limits=[*pairs.limits, *(limit for r in readings for limit in r.limits)],
    )


def conflict(pair: Pair, findings: list[Finding]) -> Conflict:
    primary, *rest = findings
    a, b = pair.a.claim, pair.b.claim
    return Conflict(
        claims=[a.id, b.id],
        proposition=a.about if a.about and a.about == b.about else None,
        paired_by="; ".join(pair.reasons),
        rule=primary.rule,
        confidence=primary.confidence,
        explanation=primary.explanation,
        evidence=primary.evidence,
        caveats=primary.caveats,
        resource=primary.resource,
        also=rest,
    )


def compare(
    claims: Sequence[Claim],
    lexicon: Lexicon | None = None,
    topic: str | None = None,
    about: str | None = None,
) -> Comparison:
    """Every conflict and contrast among `claims` (one topic, or one proposition)."""
    readings = Readings(lexicon or Lexicon.default())
    return compare_readings(readings(claims), topic, about)


def corpus_lexicon(corpus: Corpus, lexicon: Lexicon | None = None) -> Lexicon:
    return (lexicon or Lexicon.default()).extended(corpus.lexicon)


def topics_of(corpus: Corpus) -> dict[str, list[Claim]]:
    """Every topic with its claims, in one pass over the corpus."""
    by_topic: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims.values():
        for topic in claim.topics:
            by_topic[topic].append(claim)
    return by_topic


def compare_topic(corpus: Corpus, topic: str, lexicon: Lexicon | None = None) -> Comparison:
    claims = [c for c in corpus.claims.values() if topic in c.topics]
    if not claims:
        raise UnknownTopic(topic, sorted(topics_of(corpus)))
    return compare(claims, corpus_lexicon(corpus, lexicon), topic=topic)


def compare_all(corpus: Corpus, lexicon: Lexicon | None = None) -> list[Comparison]:
    """Every topic in turn; each claim is read once, however many topics it is in."""
    return list(each_topic(corpus, lexicon))


def each_topic(corpus: Corpus, lexicon: Lexicon | None = None) -> Iterator[Comparison]:
    """Every topic's comparison in turn, made as it is asked for, so that a caller can write
    one topic out before the next is made. A claim is read once, and its reading dropped
    after the last of its topics, so that memory follows the largest topic, not the folder."""
    readings = Readings(corpus_lexicon(corpus, lexicon))
    by_topic = topics_of(corpus)
    topics_left = Counter(claim.id for claims in by_topic.values() for claim in claims)
    for topic in sorted(by_topic):
        claims = by_topic.pop(topic)
        yield compare_readings(readings(claims), topic=topic)
        topics_left.subtract(claim.id for claim in claims)
        readings.forget(claim.id for claim in claims if not topics_left[claim.id])


def compare_about(corpus: Corpus, about: str, lexicon: Lexicon | None = None) -> Comparison:
    """One proposition across topics, with the claims linked to it by `disputes`."""
    core = {c.id for c in corpus.claims.values() if c.about == about}
    if not core:
        known = sorted({c.about for c in corpus.claims.values() if c.about})
        raise UnknownProposition(about, known)
    disputing = {c.id for c in corpus.claims.values() if core & set(c.disputes)}
    disputed = {d for i in core for d in corpus.claims[i].disputes}
    claims = [corpus.claims[i] for i in sorted(core | disputing | disputed)]
    return compare(claims, corpus_lexicon(corpus, lexicon), about=about)


def compare_scope(
    corpus: Corpus,
    topic: str | None = None,
    about: str | None = None,
    minimum: Confidence = Confidence.low,
) -> Iterator[Comparison]:
    """What `factcheck compare` shows: one topic, one proposition or (neither) every topic,
    with only the conflicts of at least `minimum` confidence. Every topic's comparison is made
    as it is asked for; an unknown topic or proposition raises at once."""
    if topic is not None:
        found: Iterable[Comparison] = [compare_topic(corpus, topic)]
    elif about is not None:
        found = [compare_about(corpus, about)]
    else:
        found = each_topic(corpus)
    return (at_least(c, minimum) for c in found)


def at_least(comparison: Comparison, minimum: Confidence) -> Comparison:
    """The comparison with only the conflicts of at least this confidence; how many were
    left out is one of its limits, so that a filter never hides findings without a word."""
    kept = [c for c in comparison.conflicts if c.confidence.rank >= minimum.rank]
    left_out = len(comparison.conflicts) - len(kept)
    if not left_out:
        return comparison.model_copy(update={"conflicts": kept})
    said = (f"{left_out} conflict{'s' if left_out != 1 else ''} of less than {minimum.value} "
            "confidence not shown (--min-confidence low shows every one)")  # fmt: skip
    return comparison.model_copy(update={"conflicts": kept,
                                         "limits": [*comparison.limits, said]})  # fmt: skip
