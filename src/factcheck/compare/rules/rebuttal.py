"""A marker that calls something false ("a lie", "misinformation") in a sentence that names
the other claim's speaker."""

from __future__ import annotations

from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading, Span
from factcheck.compare.rules.evidence import word_evidence
from factcheck.unicode import comparable


class Rebuttal:
    rule = Rule.rebuttal

    def find(self, pair: Pair) -> Finding | None:
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            if not x.has_marker or comparable(x.claim.speaker) == comparable(y.claim.speaker):
                continue
            hit = aimed_at(x, y)
            if hit is None:
                continue
            marker, name = hit
            return Finding(
                rule=self.rule,
                confidence=Confidence.high if pair.linked else Confidence.medium,
                explanation=(
                    f"{x.claim.speaker} calls it '{marker.text}' in a sentence naming "
                    f"{y.claim.speaker}, the speaker of {y.claim.id}."
                ),
                evidence=[word_evidence(x, marker), word_evidence(x, name)],
                caveats=["The marker may be aimed at another statement by the same speaker."],
                resource="rebuttal markers (wordlists/rebuttal_markers.txt)",
            )
        return None


def aimed_at(x: Reading, y: Reading) -> tuple[Span, Span] | None:
    names = y.speaker_names
    for wanted, _ in x.lexicon.marker_phrases:
        for start in x.hits.get(wanted, ()):
            sentence = x.tokens[start].sentence
            for name in names:
                for at in x.find_lower(name):
                    if x.tokens[at].sentence == sentence:
                        return x.span(start, len(wanted)), x.span(at, len(name))
    return None
