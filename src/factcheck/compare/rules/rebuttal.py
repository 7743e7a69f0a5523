"""A marker that calls something false ("a lie", "misinformation") in a sentence that names
the other claim's speaker."""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.compare.models import Confidence, Finding, Rule
from factcheck.compare.pairing import Pair, by_first_word
from factcheck.compare.reading import Name, Reading, Span
from factcheck.compare.rules.evidence import word_evidence
from factcheck.text.lexicon import stem
from factcheck.unicode import comparable

# An unlinked rebuttal whose words share fewer than this with a claim is only a suggestion: a
# marker aimed at a person ("Trump tells so many lies") is not aimed at every claim of theirs
# that shares one word with its sentence.
MIN_SHARED_FOR_MEDIUM = 2
# How far from its marker a rebuttal's target and words are looked for: a rebuttal names what
# it rebuts near the word that calls it false, and a sentence of thousands of markers must
# not make each one read the whole sentence.
REACH = 40


class Rebuttal:
    rule = Rule.rebuttal

    def find(self, pair: Pair) -> Finding | None:
        for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
            if not x.has_marker or comparable(x.claim.speaker) == comparable(y.claim.speaker):
                continue
            hit = aimed_at(x, y, pair.speakers)
            if hit is None:
                continue
            marker, name, shared = hit
            sure = _confidence(pair.linked, shared)
            if sure is None:
                continue
            confidence, caveats = sure
            return Finding(
                rule=self.rule,
                confidence=confidence,
                explanation=(
                    f"{x.claim.speaker} calls it '{marker.text}' in a sentence naming "
                    f"{y.claim.speaker}, the speaker of {y.claim.id}."
                ),
                evidence=[word_evidence(x, marker), word_evidence(x, name)],
                caveats=caveats,
                resource="rebuttal markers (wordlists/rebuttal_markers.txt)",
            )
        return None


def _confidence(linked: bool, shared: list[str]) -> tuple[Confidence, list[str]] | None:
    """How sure a rebuttal is, with its caveats: high where the desk linked the two claims;
    else by the words of what it rebuts that the other claim holds (none: no rebuttal)."""
    caveats = ["The marker may be aimed at another statement by the same speaker."]
    if linked:
        return Confidence.high, caveats
    if len(shared) >= MIN_SHARED_FOR_MEDIUM:
        return Confidence.medium, caveats
    if shared:
        return Confidence.low, [*caveats, f"Only '{shared[0]}' ties the rebuttal's words to "
                                          "this claim."]  # fmt: skip
    return None


# A name followed by one of these rebuts, it is not rebutted ("The Trump campaign called the
# charges fabricated", "Noem dismissed it as misinformation"); followed by a word of saying, it
# rebuts too ("Hale said the charges were false"), unless the marker is what it says ("Hale
# tells so many lies", "Hale told a lie"). Words, not stems: "Newsom's claims" and "his calls
# for" are rebutted, not rebutting.
_JUDGES = frozenset((
    "called accused dismissed denied countered responded replied rejected campaign spokesman "
    "spokeswoman spokesperson aide aides team camp allies lawyer lawyers attorney "
    "attorneys").split())  # fmt: skip
_SAYS = frozenset(
    "said says told tells wrote writes tweeted added argued insisted asserted".split()
)
MARKER_SAID_WITHIN = 3
# Words that say nothing of what was rebutted: shared with the other claim, they do not make
# the rebuttal about it ("tells so many lies" is not about "told an invited crowd", "on
# Saturday" not about what was said on a Saturday).
_SAYS_NOTHING = frozenset(stem(w) for w in (
    "say tell call claim accuse assert argue add state speak talk comment statement remark "
    "word for all through some any more most other only just very how when where why if "
    "because each every both own same now here even still back well get make go take come "
    "know think want like way thing lot one new many much time today yesterday tonight day "
    "week month year monday tuesday wednesday thursday friday saturday sunday morning "
    "afternoon evening night").split())  # fmt: skip


def aimed_at(
    x: Reading, y: Reading, speakers: Mapping[str, tuple[Name, ...]] | None = None
) -> tuple[Span, Span, list[str]] | None:
    """The first marker of x aimed at y's speaker, the name it is aimed at, and the words of
    what it rebuts that y holds (which may be none: the desk may have linked the two). A
    marker is aimed at the speaker of the comparison (`speakers`, by a name's first word)
    named nearest before it in its sentence ("Newsom accused Noem of spreading
    misinformation"), else nearest after it ("lies told by Noem"); not at one whose name
    speaks ("The Trump campaign called the charges fabricated"); and not at every claim of
    that speaker: what it rebuts is the words from the name to the end of the marker's clause
    ("calling out Trump for his supposed lies throughout the event" rebuts no claim of
    Trump's that shares only "debate" with the rest of the sentence). Taking, of several
    markers, the one that shares most was measured and not kept: on the drafts of real news
    it added 2 medium findings, both wrong (docs/compare.md)."""
    known = speakers or by_first_word({*x.speaker_names, *y.speaker_names})
    own = set(y.speaker_names)
    for wanted, _ in x.lexicon.marker_phrases:
        for marker in x.hits.get(wanted, ()):
            target = _target(x, marker, known)
            if target is None or target[1] not in own:
                continue
            at, name = target
            if not _rebuts(x, at + len(name), marker):
                shared = _shared(x, at, marker, len(wanted), y)
                return x.span(marker, len(wanted)), x.span(at, len(name)), shared
    return None


def _target(
    x: Reading, marker: int, known: Mapping[str, tuple[Name, ...]]
) -> tuple[int, Name] | None:
    """The speaker's name nearest before the marker in its sentence, else nearest after
    (within REACH words)."""
    tokens, sentence = x.tokens, x.tokens[marker].sentence
    before = range(marker - 1, max(-1, marker - 1 - REACH), -1)
    after = range(marker + 1, min(len(tokens), marker + 1 + REACH))
    for places in (before, after):
        for i in places:
            if tokens[i].sentence != sentence:
                break
            for name in known.get(tokens[i].lower, ()):
                if tuple(t.lower for t in tokens[i : i + len(name)]) == name:
                    return i, name
    return None


def _rebuts(x: Reading, after: int, marker: int) -> bool:
    """Whether the name before token `after` is the one rebutting (see _JUDGES)."""
    if after >= len(x.tokens):
        return False
    word = x.tokens[after].lower
    return word in _JUDGES or (word in _SAYS and not 0 < marker - after <= MARKER_SAID_WITHIN)


# "Newsom's claims", "Noem's statement": what the speaker said, taken as a whole
_WHAT_WAS_SAID = frozenset(
    "claim claims statement statements remark remarks comment comments words assertion "
    "assertions allegation allegations argument arguments story account".split()
)
# "the school ranking claim from Marsh", "the report by Nair": what was said, named before its
# speaker, within a few words
_OF_SPEAKER = frozenset({"from", "by", "of"})
_PHRASE_START = frozenset({"the", "a", "an", "this", "that", "these", "those"})
MAX_PHRASE_BEFORE = 6


def _shared(x: Reading, at: int, marker: int, size: int, y: Reading) -> list[str]:
    """The stems that the words from the name (or the phrase it is the speaker of) to the end
    of the marker's clause share with y, names, words of saying and the marker's own words
    (`size` of them: "lies" is no subject shared with "is lying about") aside."""
    tokens, start, end = x.tokens, min(at, marker), max(at, marker)
    last = min(len(tokens), marker + REACH) - 1
    while end < last and tokens[end + 1].clause == tokens[marker].clause:
        end += 1
    if start == at and at >= 2 and tokens[at - 1].lower in _OF_SPEAKER:
        for i in range(at - 2, max(-1, at - 2 - MAX_PHRASE_BEFORE), -1):
            if tokens[i].clause != tokens[at].clause:
                break
            start = i
            if tokens[i].lower in _PHRASE_START:
                break
    if at + 1 < len(tokens) and tokens[at + 1].lower in _WHAT_WAS_SAID:
        # "calling Newsom's claims a lie": what they said, not named here; the sentence says it
        start, end = _sentence_span(x, marker)
    words = {t.stem for t, content in zip(tokens[start : end + 1],
                                          x.content_flags[start : end + 1],
                                          strict=True) if content}  # fmt: skip
    named = {stem(w) for name in (*y.speaker_names, *x.speaker_names) for w in name}
    said = {t.stem for t in tokens[marker : marker + size]}
    return sorted((words & y.content) - named - said - _SAYS_NOTHING)


def _sentence_span(x: Reading, marker: int) -> tuple[int, int]:
    """The marker's sentence, within REACH words of it."""
    sentence, start, end = x.tokens[marker].sentence, marker, marker
    first, last = max(0, marker - REACH), min(len(x.tokens), marker + REACH) - 1
    while start > first and x.tokens[start - 1].sentence == sentence:
        start -= 1
    while end < last and x.tokens[end + 1].sentence == sentence:
        end += 1
    return start, end
