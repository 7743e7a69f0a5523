"""One side negates a predicate that the other side asserts, about the same subject.

The negation governs the words after it in its clause ("not", "n't", "never", "no X",
"nobody", "fails to", "declined to", "denies that"), so "Gin does not derive its flavour from
juniper" is compared with a plain "Gin ... derives its flavour from juniper berries" on the
predicate the negation governs, not on any word of the sentence. Sentences that are not plain
assertions (questions, conditions, "the claim that ...") are left out on both sides.
"""

from __future__ import annotations

from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading, overlap, same_subject
from factcheck.compare.rules.alignment import either_way
from factcheck.compare.rules.evidence import word_evidence

# The governed predicate is its first few content words: enough to tell "is not a model"
# from "is not a model of restraint", short enough that a long clause cannot dilute it.
SCOPE_WORDS = 5
# Share of the predicate's content words that the other sentence must hold.
MIN_PREDICATE_OVERLAP = 0.6
# Negations that stand in the subject: what they negate is the subject itself.
SUBJECT_NEGATIONS = frozenset({"nobody", "nothing", "none", "neither", "no"})
# Places of one word in the other claim held against each negation: beyond this a claim
# repeats itself, and every pair would not stay linear.
MAX_PLACES = 50


class Negation:
    rule = Rule.negation

    def find(self, pair: Pair) -> Finding | None:
        return either_way(pair, one_sided)


def scope(x: Reading, cue: int, length: int) -> list[int]:
    clause = x.tokens[cue].clause
    found: list[int] = []
    for k in range(cue + length, len(x.tokens)):
        if x.tokens[k].clause != clause or len(found) == SCOPE_WORDS:
            break
        if x.content_flags[k]:
            found.append(k)
    return found


def subject_is_negated(x: Reading, cue: int) -> bool:
    """ "Nobody has a suit", "There are no crowds": the negated words are the subject."""
    word = x.tokens[cue].lower
    return (word in SUBJECT_NEGATIONS and not x.subject(cue)) or x.pronoun_subject(cue) == "there"


def one_sided(x: Reading, y: Reading) -> Finding | None:
    # A sentence said again reads as it did the first time: each wording of a cue, and of
    # the other side's sentence around the word it governs, is tried once.
    tried: set[tuple[object, ...]] = set()
    for cue, length in sorted(x.cues.values()):
        if not x.asserted(cue):
            continue
        governed = scope(x, cue, length)
        if not governed:
            continue
        head = x.tokens[governed[0]]
        predicate = {x.tokens[k].stem for k in governed}
        said = x.wording_at(cue)
        if said in tried:
            continue
        tried.add(said)
        places = y.text.positions.get(head.stem, ())
        if len(places) > MAX_PLACES:
            y.note_limit(
                f"claim '{y.claim.id}' says '{head.stem}' {len(places)} times: the negation "
                f"rule held the first {MAX_PLACES} against each negation"
            )
        for j in places[:MAX_PLACES]:
            if not y.asserted(j) or y.negated(j) or not y.content_flags[j]:
                continue
            against = (said, y.wording_at(j))
            if against in tried:
                continue
            tried.add(against)
            sentence = y.sentence_content[y.tokens[j].sentence]
            covered = overlap(predicate, sentence)
            if covered < MIN_PREDICATE_OVERLAP:
                continue
            shared_subject = same_subject(x, cue, y, j)
            if not (shared_subject or subject_is_negated(x, cue)):
                continue
            strong = covered == 1 and len(predicate) >= 2 and bool(x.subject(cue))
            cue_text = x.span(cue, length).text
            return Finding(
                rule=Rule.negation,
                confidence=Confidence.medium if strong else Confidence.low,
                explanation=(
                    f"Suggested: {x.claim.speaker} negates '{head.text}' ('{cue_text} ... "
                    f"{head.text}') where {y.claim.speaker} asserts it; "
                    f"{round(covered * 100)}% of the negated predicate's words are in the "
                    "other sentence."
                ),
                evidence=[
                    word_evidence(x, x.span(cue, length)),
                    word_evidence(x, x.span(governed[0])),
                    word_evidence(y, y.span(j)),
                ],
                caveats=[
                    "Found from wording alone; the negation may concern a different aspect "
                    "of the subject, or another time."
                ],
                resource="negations (wordlists/negations.txt)",
            )
    return None
