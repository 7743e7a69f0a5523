"""Which claims are compared: the pairs that something says speak to the same thing.

Every strategy works from an index (proposition, dispute, measure, content stem, speaker name),
so the work grows with the claims and their words, never with the square of a topic. Where a
cap leaves work out, the comparison says so in its `limits`.
"""

from __future__ import annotations

import functools
import heapq
import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.compare.reading import Reading, stems
from factcheck.figures.quantity import Figure, parse_figure

# A content stem held by more claims than this says little about any pair of them, and
# following it would make pairing quadratic; it is left out of pairing, and the result says so.
MAX_SHARED_WORD_CLAIMS = 200
# Each claim is compared by shared words with at most this many others: those whose shared
# stems are rarest (the sum of 1 / claims holding each shared stem).
MAX_WORD_PARTNERS = 25
# A proposition with more claims than this is not paired claim by claim (3,000 claims with
# alternating stances would be 2,250,000 conflicts): its stances become one finding, side
# against side, and the result says so.
MAX_PAIRWISE_PROPOSITION = 12
# Above this many figures of one measure, each figure is paired with its nearest neighbours
# by value instead of with every other figure.
MAX_ALL_PAIRS_PER_MEASURE = 50


@dataclass(eq=False)
class Pair:
    a: Reading
    b: Reading
    reasons: list[str] = field(default_factory=list)
    # how a text may name each speaker of the comparison, by the name's first word (one
    # mapping, shared by its pairs): a rebuttal aimed at one of them is not aimed at another
    speakers: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    @functools.cached_property
    def apart(self) -> str:
        """What the desk recorded that sets the two apart: figures of different measures on
        each ('released against transferred'), or ''. Asked by several rules; found once."""
        a, b = self.a.measures, self.b.measures
        if not a or not b or a & b:
            return ""
        return f"{', '.join(sorted(a))} against {', '.join(sorted(b))}"

    @property
    def linked(self) -> bool:
        """Whether the desk recorded that the two speak to the same thing."""
        return any(r == "disputes" or r.startswith("same proposition") for r in self.reasons)


def by_first_word(names: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in sorted(names):
        found[name[0]].append(name)
    return {first: tuple(group) for first, group in found.items()}


class Pairs:
    def __init__(self, readings: Sequence[Reading]) -> None:
        self.readings = sorted(readings, key=lambda r: r.claim.id)
        self.by_id = {r.claim.id: r for r in self.readings}
        self.found: dict[tuple[str, str], Pair] = {}
        self.limits: list[str] = []
        self.crowded: dict[str, list[Reading]] = {}  # proposition -> its claims, not paired
        self.speakers = by_first_word({n for r in self.readings for n in r.speaker_names})

    def add(self, a: Reading, b: Reading, reason: str) -> None:
        if a.claim.id == b.claim.id:
            return
        key = (a.claim.id, b.claim.id) if a.claim.id < b.claim.id else (b.claim.id, a.claim.id)
        pair = self.found.get(key)
        if pair is None:
            pair = self.found[key] = Pair(
                self.by_id[key[0]], self.by_id[key[1]], speakers=self.speakers
            )
        if reason not in pair.reasons:
            pair.reasons.append(reason)

    def all(self) -> list[Pair]:
        self.by_proposition_and_dispute()
        self.by_measure()
        self.by_shared_words()
        self.by_rebuttal()
        return list(self.found.values())

    def by_proposition_and_dispute(self) -> None:
        propositions: dict[str, list[Reading]] = defaultdict(list)
        for reading in self.readings:
            claim = reading.claim
            if claim.about:
                propositions[claim.about].append(reading)
            for other in claim.disputes:
                if other in self.by_id:
                    self.add(reading, self.by_id[other], "disputes")
        for key, group in propositions.items():
            if len(group) > MAX_PAIRWISE_PROPOSITION:
                self.crowded[key] = group
                self.limits.append(
                    f"proposition '{key}' has {len(group)} claims: their stances are one "
                    "finding, side against side, and its claims are not compared pair by pair"
                )
                continue
            for a, b in itertools.combinations(group, 2):
                self.add(a, b, f"same proposition '{key}'")

    def by_measure(self) -> None:
        by_measure: dict[str, list[tuple[Reading, Figure]]] = defaultdict(list)
        for reading in self.readings:
            for quantity in reading.claim.quantities.values():
                if quantity.measure:
                    by_measure[quantity.measure].append((reading, parse_figure(quantity.value)))
        for measure, figures in by_measure.items():
            if len(figures) > MAX_ALL_PAIRS_PER_MEASURE:
                # Sorted by value, a figure's neighbours are the ones it is likeliest to be
                # confused with, and disagreement with them is what a reader needs to see.
                figures.sort(key=lambda item: item[1].value)
                for (a, _), (b, _) in itertools.pairwise(figures):
                    self.add(a, b, f"same measure '{measure}'")
                self.limits.append(
                    f"measure '{measure}' has {len(figures)} figures: each was compared with "
                    f"its neighbours by value, not with all {len(figures) - 1} others"
                )
                continue
            for (a, _), (b, _) in itertools.combinations(figures, 2):
                self.add(a, b, f"same measure '{measure}'")

    def by_shared_words(self) -> None:
        """Claims with no proposition, sharing any content stem, each with its closest few."""
        readings = [r for r in self.readings if not r.claim.about]
        index: dict[str, list[Reading]] = defaultdict(list)
        for reading in readings:
            for word in reading.content:
                index[word].append(reading)
        crowded = sorted(w for w, held in index.items() if len(held) > MAX_SHARED_WORD_CLAIMS)
        if crowded:
            shown = ", ".join(crowded[:5]) + (", ..." if len(crowded) > 5 else "")
            self.limits.append(
                f"{len(crowded)} words held by more than {MAX_SHARED_WORD_CLAIMS} claims "
                f"({shown}) were not used to pair claims"
            )
        cut = 0
        for reading in readings:
            scores: dict[str, float] = defaultdict(float)
            shared: dict[str, list[str]] = defaultdict(list)
            for word in sorted(reading.content):
                held = index[word]
                if len(held) > MAX_SHARED_WORD_CLAIMS:
                    continue
                for other in held:
                    if other is not reading:
                        scores[other.claim.id] += 1 / len(held)
                        shared[other.claim.id].append(word)
            if len(scores) > MAX_WORD_PARTNERS:
                cut += 1
            best = heapq.nlargest(MAX_WORD_PARTNERS, scores, key=lambda k: (scores[k], k))
            for other_id in best:
                self.add(
                    reading, self.by_id[other_id], f"shared words: {', '.join(shared[other_id])}"
                )
        if cut:
            self.limits.append(
                f"{cut} claims shared words with more than {MAX_WORD_PARTNERS} others: each was "
                f"compared with the {MAX_WORD_PARTNERS} sharing the rarest words"
            )

    def by_rebuttal(self) -> None:
        """A claim that calls something false next to a speaker's name speaks to that
        speaker's claims, if it shares a content word with them (not only the name).

        Only for a claim whose target is not recorded: one with a `disputes` or an `about`
        has told us what it answers, and pairing it with every claim of that speaker that
        shares a word would be guessing."""
        by_name: dict[tuple[str, ...], list[Reading]] = defaultdict(list)
        for reading in self.readings:
            for name in reading.speaker_names:
                by_name[name].append(reading)
        for reading in self.readings:
            claim = reading.claim
            if claim.disputes or claim.about or not reading.has_marker:
                continue
            for name, speakers_claims in by_name.items():
                if name[0] not in reading.lower_positions or not reading.find_lower(name):
                    continue
                name_stems = stems(name)
                for other in speakers_claims:
                    shared = (reading.content & other.content) - name_stems
                    if other is not reading and shared:
                        self.add(reading, other, f"a rebuttal naming {other.claim.speaker}, "
                                 f"sharing: {', '.join(sorted(shared))}")  # fmt: skip
