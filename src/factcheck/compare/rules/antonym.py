"""Opposite words over the same thing: WordNet antonyms ("shiny"/"dull", "sit"/"stand"), and
the desk's own contrast pairs ("follow"/"violate", "work with"/"prohibit").

A WordNet pair fires when each word stands on one side only, with the same polarity (both
negated or neither), in sentences that share most of their other words. The desk's pairs
fire when the words before them share a subject and the two sentences share two content words
besides the pair (a subject and an object: "The county allows solar farms" does not meet "The
county forbids fracking").
"""

from __future__ import annotations

from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading, same_subject
from factcheck.compare.rules.alignment import (
    MIN_SENTENCE_OVERLAP,
    aligned,
    either_way,
    substituted,
)
from factcheck.compare.rules.evidence import word_evidence


class Antonyms:
    rule = Rule.antonym

    def find(self, pair: Pair) -> Finding | None:
        return either_way(pair, lambda x, y: desk_contrast(x, y) or wordnet_antonym(x, y))


def wordnet_antonym(x: Reading, y: Reading) -> Finding | None:
    index = x.lexicon.antonyms
    for i in x.antonym_positions:
        token = x.tokens[i]
        if token.stem in y.content:
            continue
        for other, entry in index[token.stem].items():
            if other in x.content:
                continue
            for j in y.text.positions.get(other, ()):
                if not y.asserted(j) or x.negated(i) != y.negated(j) or _answer(y, j):
                    continue
                actions = entry.verbs or {token.stem, other} in x.lexicon.contrasting_stems
                if actions and substituted(x, i, y, j, {token.stem, other}, after_only=True):
                    continue  # "permits inspections" / "prohibits tests": other objects
                match = aligned(x, i, y, j, {token.stem, other})
                if match < MIN_SENTENCE_OVERLAP:
                    continue
                strong = entry.kind == "direct" and match >= 0.8
                return Finding(
                    rule=Rule.antonym,
                    confidence=Confidence.medium if strong else Confidence.low,
                    explanation=(
                        f"Suggested: '{token.text}' against '{y.tokens[j].text}' "
                        f"({entry.resource}: {entry.left}/{entry.right}) in sentences that "
                        f"share {round(match * 100)}% of their other words."
                    ),
                    evidence=[word_evidence(x, x.span(i)), word_evidence(y, y.span(j))],
                    caveats=[
                        "Found from wording alone; the two words may describe different "
                        "things, or opposite senses may not apply here."
                    ],
                    resource=entry.resource,
                )
    return None


def _answer(y: Reading, j: int) -> bool:
    """ "No, I just said that.": a "no" that answers, not the determiner "no" that is
    the opposite of "some" or "all"."""
    after = j + 1
    return y.tokens[j].lower == "no" and (
        after == len(y.tokens)
        or y.tokens[after].clause != y.tokens[j].clause
        or y.tokens[after].sentence != y.tokens[j].sentence
    )


def shared_words(x: Reading, i: int, y: Reading, j: int) -> set[str]:
    return set(x.sentence_content[x.tokens[i].sentence] & y.sentence_content[y.tokens[j].sentence])


def desk_contrast(x: Reading, y: Reading) -> Finding | None:
    for left, right, left_text, right_text in x.contrast_sides:
        if right not in y.hits:
            continue
        for i in x.hits[left]:
            for j in y.hits[right]:
                if not (x.asserted(i) and y.asserted(j)) or not same_subject(x, i, y, j):
                    continue
                if len(shared_words(x, i, y, j) - set(left) - set(right)) < 2:
                    continue  # "allows solar farms" / "forbids fracking": other objects
                if substituted(x, i, y, j, {*left, *right}):
                    continue  # "permits inspections of wells" / "prohibits tests of wells"
                return Finding(
                    rule=Rule.antonym,
                    confidence=Confidence.low,
                    explanation=(
                        f"Suggested: '{left_text}' against '{right_text}' over the same "
                        f"subject ({x.claim.speaker}, {y.claim.speaker})."
                    ),
                    evidence=[
                        word_evidence(x, x.span(i, len(left))),
                        word_evidence(y, y.span(j, len(right))),
                    ],
                    caveats=[
                        "Found from wording alone; the two may describe different things "
                        "the subject does."
                    ],
                    resource="desk contrasts (wordlists/contrasts.txt)",
                )
    return None
