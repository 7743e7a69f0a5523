"""Whether two words of two claims fill the same slot: the test the word-pair rules share."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.compare.models import Finding
from factcheck.compare.pairing import Pair
from factcheck.compare.reading import Reading, different_names, different_times

# Share of the shorter sentence's other content words that the longer one must hold, for two
# opposite words or values in them to be taken as saying different things about one thing.
MIN_SENTENCE_OVERLAP = 0.5


def aligned(x: Reading, i: int, y: Reading, j: int, ignore: set[str]) -> float:
    """How well the sentences of token i in x and token j in y match (0 when they cannot be
    about the same thing: different years or months, or names on both sides that never
    meet)."""
    if different_times(x, i, y, j, frozenset(ignore)):
        return 0.0
    sx = x.sentence_content[x.tokens[i].sentence] - ignore
    sy = y.sentence_content[y.tokens[j].sentence] - ignore
    if not sx or not sy:
        return 0.0
    if different_names(x, i, x.names_near(i), y, j, y.names_near(j)):
        return 0.0
    return len(sx & sy) / min(len(sx), len(sy))


def substituted(
    x: Reading, i: int, y: Reading, j: int, compared: set[str], after_only: bool = False
) -> bool:
    """Each of the two words is said with a word the other sentence lacks, besides the words
    compared: they say two different things ("served 4,000 families" / "turned away 900
    families"; "permits inspections" / "prohibits tests"; "won in 2010" / "lost in 2015"),
    and two values or two opposite words in them may both be true. A sentence that only adds
    words to the other ("born in 1961 in London" / "born in 1971") still says the same thing
    of its subject. Names are left to the name tests ("Tim" and "Timothy" meet there)."""
    sx = x.sentence_content[x.tokens[i].sentence]
    sy = y.sentence_content[y.tokens[j].sentence]
    near_x, near_y = x.around(i, after_only=after_only), y.around(j, after_only=after_only)
    return bool(near_x - compared - sy) and bool(near_y - compared - sx)


def recorded_apart(pair: Pair) -> bool:
    """The desk recorded figures of different measures on the two claims: they count
    different things, and words that differ between them ("released" / "transferred") are
    the difference, not a contradiction (they are listed as contrasting evidence)."""
    return bool(pair.apart)


def either_way(pair: Pair, look: Callable[[Reading, Reading], Finding | None]) -> Finding | None:
    """A text rule's finding for the pair, looked for from each side in turn."""
    if recorded_apart(pair):
        return None
    for x, y in ((pair.a, pair.b), (pair.b, pair.a)):
        found = look(x, y)
        if found is not None:
            return found
    return None
