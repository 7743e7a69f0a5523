"""One subject said to be two different kinds of thing: "Mohra is a 1994 Indian action film"
against "Mohra is a truck"; "The Bahamas is an archipelago" against "The Bahamas is a city".

The subject must be named (a capitalised word) and the same on both sides: the shorter
subject's words all stand in the longer one. The two head nouns must be different kinds in
WordNet's noun hierarchy: neither a sense of the other ("film" / "movie") nor a kind of it
("town" / "municipality"), and not both words for people ("model" / "senator"), since one
person can be both. A text that names the other side's kind too ("a film based on the book")
does not fire.
"""

from __future__ import annotations

from factcheck.compare.kinds import KindSaid, as_noun, head_noun
from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading
from factcheck.compare.rules.alignment import either_way
from factcheck.compare.rules.evidence import word_evidence
from factcheck.text import wordnet

RESOURCE = "WordNet noun hierarchy"


class Category:
    rule = Rule.category

    def find(self, pair: Pair) -> Finding | None:
        return either_way(pair, different_kinds)


def same_subject(a: KindSaid, b: KindSaid) -> bool:
    shorter, longer = (a, b) if len(a.subject) <= len(b.subject) else (b, a)
    return bool(shorter.names) and shorter.subject <= longer.subject


def different_kinds(x: Reading, y: Reading) -> Finding | None:
    # Two subjects can be the same only if they share a name (the shorter one's names stand
    # in both), so each of x's is held against y's that share one: linear, not all pairs.
    by_name: dict[str, list[int]] = {}
    for n, b in enumerate(y.kinds_said):
        for name in b.names:
            by_name.setdefault(name, []).append(n)
    for a in x.kinds_said:
        for n in sorted({n for name in a.names for n in by_name.get(name, ())}):
            b = y.kinds_said[n]
            if not same_subject(a, b):
                continue
            found_a, found_b = head_noun(x, a), head_noun(y, b)
            if found_a is None or found_b is None:
                continue
            (i, kind_a), (j, kind_b) = found_a, found_b
            if not different(kind_a, kind_b) or names(y, kind_a) or names(x, kind_b):
                continue
            return Finding(
                rule=Rule.category,
                confidence=Confidence.low,
                explanation=(
                    f"Suggested: {x.claim.speaker} says it is a '{x.tokens[i].text}' where "
                    f"{y.claim.speaker} says a '{y.tokens[j].text}' ({RESOURCE}: neither "
                    "is a kind of the other)."
                ),
                evidence=[word_evidence(x, x.span(i)), word_evidence(y, y.span(j))],
                caveats=[
                    "Found from wording alone; one thing can be called by two kinds that "
                    "WordNet keeps apart (a 'channel' and a 'network')."
                ],
                resource=RESOURCE,
            )
    return None


def different(a: str, b: str) -> bool:
    nouns = wordnet.nouns()
    if a == b or nouns.related(a, b):
        return False
    return not (nouns.can_be_a_person(a) and nouns.can_be_a_person(b))


def names(reading: Reading, noun: str) -> bool:
    """Whether the text says the noun anywhere ("a film based on the book" names 'book')."""
    return any(as_noun(token.lower) == noun for token in reading.tokens)
