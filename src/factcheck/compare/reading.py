"""One claim's text, read once: tokens, content stems, negation scopes, which sentences are
plain assertions, typed values (years, numbers, colours, ...) and how the speaker is named.

Every rule reads from here, so a claim in many pairs is analysed once, and the work of a
comparison grows with the number of pairs, not with pairs times text length.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.compare.kinds import KindSaid, kinds_said
from factcheck.compare.models import FigureView
from factcheck.compare.reading_names import (  # re-exported: the rules name them from here
    LifeDate as LifeDate,
)
from factcheck.compare.reading_names import (
    Name as Name,
)
from factcheck.compare.reading_names import (
    PlacedName as PlacedName,
)
from factcheck.compare.reading_names import (
    ReadsNames,
)
from factcheck.compare.reading_values import ReadsValues
from factcheck.compare.reading_values import Value as Value  # re-exported for the rules
from factcheck.figures.quantity import Figure, parse_figure
from factcheck.model import Claim
from factcheck.text.lexicon import Lexicon, Phrase, Text, Token, stem

PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we", "you", "this", "these", "there"})
HAVE = frozenset({stem("have")})  # "has", "had" and "having" share its stem


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


class Reading(ReadsNames, ReadsValues):
    """What the rules need to know about one claim (its names: reading_names.py; its values:
    reading_values.py)."""

    def __init__(self, claim: Claim, lexicon: Lexicon) -> None:
        self.claim = claim
        self.lexicon = lexicon
        self.limits: list[str] = []  # where reading this text was cut short, for the output
        self._figures: dict[int, Figure | None] = {}  # figure(i), once per token
        self.text = Text.of(claim.text)
        self.tokens = self.text.tokens
        self.figure_views: tuple[FigureView, ...] | None = None  # contrasts.figures

    # --- words -------------------------------------------------------------------------

    @functools.cached_property
    def measures(self) -> frozenset[str]:
        """The measures the desk recorded on the claim's figures."""
        return frozenset(q.measure for q in self.claim.quantities.values() if q.measure)

    @functools.cached_property
    def content_flags(self) -> tuple[bool, ...]:
        return tuple(self.lexicon.is_content(t) and t.lower not in PRONOUNS for t in self.tokens)

    @functools.cached_property
    def content(self) -> frozenset[str]:
        """The stems of the content words: what pairing and overlap are measured on."""
        return frozenset(t.stem for t, c in zip(self.tokens, self.content_flags, strict=True) if c)

    @functools.cached_property
    def sentence_content(self) -> dict[int, frozenset[str]]:
        """Each sentence's content stems, by the sentence's number; every sentence has an
        entry, an empty one when it holds no content word ("In 2019, more."), since a rule may
        look up the sentence of any word it found."""
        found: dict[int, set[str]] = {}
        for token, content in zip(self.tokens, self.content_flags, strict=True):
            words = found.setdefault(token.sentence, set())
            if content:
                words.add(token.stem)
        return {k: frozenset(v) for k, v in found.items()}

    @property
    def lower_positions(self) -> dict[str, list[int]]:
        return self.text.lower_positions

    def find_lower(self, words: Phrase) -> list[int]:
        """Where the lower-case words stand in order (for names), by index, not by scan."""
        return self.text.find_lower(words)

    @functools.cached_property
    def hits(self) -> dict[Phrase, list[int]]:
        """Where each lexicon phrase (marker, contrast side) stands in the text."""
        return dict(self.text.find_each(self.lexicon.phrases_by_first))

    @functools.cached_property
    def has_marker(self) -> bool:
        return not self.lexicon.marker_set.isdisjoint(self.hits)

    @functools.cached_property
    def contrast_sides(self) -> list[tuple[Phrase, Phrase, str, str]]:
        """The desk's contrast pairs whose first side this text holds, in the lexicon's order."""
        return [c for c in self.lexicon.contrast_phrases if c[0] in self.hits]

    @functools.cached_property
    def antonym_positions(self) -> list[int]:
        """Where the text asserts a content word that WordNet gives an opposite for."""
        index = self.lexicon.antonyms
        return [
            i
            for i, token in enumerate(self.tokens)
            if self.content_flags[i] and token.stem in index and self.asserted(i)
        ]

    # --- negation and assertion --------------------------------------------------------

    @functools.cached_property
    def cues(self) -> dict[int, tuple[int, int]]:
        """Clause -> (index, length) of its first negation: a word, "n't", or a phrase."""
        found: dict[int, tuple[int, int]] = {}
        # The first in each clause; at one place, the longest phrase ("no longer", not "no").
        phrases = self.text.find_each(self.lexicon.negation_phrases_by_first)
        for i, length in sorted((i, -len(p)) for p, at in phrases for i in at):
            clause = self.tokens[i].clause
            if clause not in found and self._denying_phrase(i, -length):
                found[clause] = (i, -length)
        for i, token in enumerate(self.tokens):
            length = 1 if self.lexicon.is_negation(token) else self._too_to(i)
            if length:
                clause = token.clause
                if clause not in found or i < found[clause][0]:
                    found[clause] = (i, length)
        return found

    def _too_to(self, i: int) -> int:
        """ "too insignificant to affect": what follows is denied (3 tokens); not when it
        is what someone has ("has too much to lose")."""
        tokens = self.tokens
        if tokens[i].lower != "too" or i + 2 >= len(tokens) or tokens[i + 2].lower != "to":
            return 0
        if i and tokens[i - 1].stem in HAVE:
            return 0
        middle = i + 1
        if tokens[middle].clause != tokens[i].clause or not self.content_flags[middle]:
            return 0
        return 3

    def _denying_phrase(self, i: int, length: int) -> bool:
        # "declined to model" denies; "declined to 5%" is a fall, not a refusal.
        after = i + length
        return after >= len(self.tokens) or not self.tokens[after].text[0].isdigit()

    def negated(self, i: int) -> bool:
        """Whether token i stands in the scope of a negation: after it, in its clause."""
        cue = self.cues.get(self.tokens[i].clause)
        return cue is not None and cue[0] + cue[1] <= i

    @functools.cached_property
    def unasserted(self) -> frozenset[int]:
        """Sentences that are not plain assertions: questions, conditions, possibilities,
        claims about claims ("the claim that ...")."""
        found = set(self.text.questions)
        for token in self.tokens:
            word = token.text if token.lower == "may" else token.lower  # "May 14" is a date
            if word in self.lexicon.hypothetical_words:
                found.add(token.sentence)
        for _, at in self.text.find_each(self.lexicon.hypothetical_phrases_by_first):
            found.update(self.tokens[i].sentence for i in at)
        return frozenset(found)

    def asserted(self, i: int) -> bool:
        return self.tokens[i].sentence not in self.unasserted

    def anchors(self, i: int, window: int = 3) -> set[str]:
        """Content stems near token i in its sentence: the slot a value fills."""
        sentence = self.tokens[i].sentence
        lo, hi = max(0, i - window), min(len(self.tokens), i + window + 1)
        value_at = self.value_indexes
        return {
            self.tokens[k].stem
            for k in range(lo, hi)
            if k != i
            and self.tokens[k].sentence == sentence
            and self.content_flags[k]
            and k not in value_at
        }

    def following(self, i: int, count: int) -> set[str]:
        """The next `count` content stems after token i in its clause: what a number,
        colour or nationality qualifies ("three women", "a blue dress", "Indian actor")."""
        clause, found = self.tokens[i].clause, list[str]()
        value_at = self.value_indexes
        for k in range(i + 1, len(self.tokens)):
            if self.tokens[k].clause != clause or len(found) == count:
                break
            if self.content_flags[k] and k not in value_at:
                found.append(self.tokens[k].stem)
        return set(found)

    def preceding(self, i: int, count: int) -> set[str]:
        """The content stems among the `count` tokens before token i, in its sentence."""
        sentence = self.tokens[i].sentence
        value_at = self.value_indexes
        return {
            self.tokens[k].stem
            for k in range(max(0, i - count), i)
            if self.tokens[k].sentence == sentence and self.content_flags[k] and k not in value_at
        }

    def around(self, i: int, reach: int = 3, after_only: bool = False) -> set[str]:
        """What token i is said with: the content stems nearest it in its clause, up to
        `reach` on each side, and the values among them ("released 300 inmates"); names
        are left out (the name tests compare them, and "Tim" is "Timothy")."""
        tokens, values = self.tokens, self.kinds_at
        found: set[str] = set()
        for step in (1,) if after_only else (-1, 1):
            taken, k = 0, i + step
            while 0 <= k < len(tokens) and taken < reach and tokens[k].clause == tokens[i].clause:
                name = tokens[k].capitalised and k != self.sentence_starts.get(tokens[k].sentence)
                if self.content_flags[k] and (k in values or not name):
                    found.add(tokens[k].stem)
                    taken += 1
                k += step
        return found

    def figure(self, i: int) -> Figure | None:
        """The number at token i read as the quantity language reads it, with the hedge
        written just before it ("more than 12,000", "about 30"). Kept per token: a claim is
        set against up to 25 others, and a span that is no figure raises, which
        parse_figure's own cache does not keep (a grid of claims sharing words spent most of
        compare's time here)."""
        if i not in self._figures:
            self._figures[i] = self._read_figure(i)
        return self._figures[i]

    def _read_figure(self, i: int) -> Figure | None:
        for back in (3, 2, 1, 0):
            first = i - back
            if first < 0 or self.tokens[first].sentence != self.tokens[i].sentence:
                continue
            text = self.text.source[self.tokens[first].start : self.tokens[i].end]
            try:
                return parse_figure(text)
            except ValueError:
                continue
        return None

    # --- subjects and names ------------------------------------------------------------

    @functools.cached_property
    def kinds_said(self) -> tuple[KindSaid, ...]:
        """Each plain "<subject> is a <kind of thing>" of the text (see kinds.py)."""
        return kinds_said(self)

    @functools.cached_property
    def sentence_starts(self) -> dict[int, int]:
        starts: dict[int, int] = {}
        for i, token in enumerate(self.tokens):
            starts.setdefault(token.sentence, i)
        return starts

    def subject(self, i: int) -> list[Token]:
        """The content words before token i in its sentence: what the predicate is about."""
        start = self.sentence_starts[self.tokens[i].sentence]
        return [self.tokens[k] for k in range(start, i) if self.content_flags[k]]

    def pronoun_subject(self, i: int) -> str | None:
        """The pronoun that opens token i's sentence, when it has no other subject."""
        first = self.tokens[self.sentence_starts[self.tokens[i].sentence]]
        if first.lower in PRONOUNS and not self.subject(i):
            return first.lower
        return None

    @functools.cached_property
    def sentence_words(self) -> dict[int, frozenset[str]]:
        found: dict[int, set[str]] = {}
        for token in self.tokens:
            found.setdefault(token.sentence, set()).add(token.lower)
        return {k: frozenset(v) for k, v in found.items()}

    @functools.cached_property
    def sentence_spans(self) -> dict[int, tuple[int, int]]:
        spans: dict[int, tuple[int, int]] = {}
        for token in self.tokens:
            start, _ = spans.get(token.sentence, (token.start, token.end))
            spans[token.sentence] = (start, token.end)
        return spans

    def token_at(self, offset: int) -> int | None:
        """The token that begins at a character offset, if one does."""
        i = bisect.bisect_left(self.tokens, offset, key=lambda t: t.start)
        return i if i < len(self.tokens) and self.tokens[i].start == offset else None

    @functools.cached_property
    def sentence_times(self) -> dict[tuple[int, str], frozenset[str]]:
        """The years and the months each sentence names, by kind."""
        found: dict[tuple[int, str], set[str]] = {}
        for v in self.values:
            if v.kind in TIME_KINDS:
                found.setdefault((self.tokens[v.index].sentence, v.kind), set()).add(v.key)
        return {k: frozenset(v) for k, v in found.items()}

    def times_near(self, i: int, kind: str) -> frozenset[str]:
        return self.sentence_times.get((self.tokens[i].sentence, kind), frozenset())

    def wording_at(self, i: int) -> tuple[tuple[str, ...], int]:
        """Token i as a place in its sentence's wording: the same for a sentence said twice."""
        start = self.sentence_starts[self.tokens[i].sentence]
        return self.sentence_wordings[self.tokens[i].sentence], i - start

    @functools.cached_property
    def sentence_wordings(self) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for token in self.tokens:
            found.setdefault(token.sentence, []).append(token.text)
        return {k: tuple(v) for k, v in found.items()}

    def note_limit(self, limit: str) -> None:
        if limit not in self.limits:
            self.limits.append(limit)

    def span(self, index: int, length: int = 1) -> Span:
        first, last = self.tokens[index], self.tokens[index + length - 1]
        return Span(first.start, last.end, self.text.source[first.start : last.end])


def same_subject(x: Reading, i: int, y: Reading, j: int) -> bool:
    """The words before position i in x and before j in y speak of one subject: they share a
    content word (or one side's subject is a pronoun and the other's the only name), the
    names they hold meet where both hold names, and the sentences do not name different
    years ("rose in 2023" and "fell in 2024" can both be true)."""
    if different_times(x, i, y, j, frozenset()):
        return False
    sx, sy = x.subject(i), y.subject(j)
    if different_names(x, i, first_name(sx), y, j, first_name(sy)):
        return False
    for subject, other in ((sx, y.sentence_content[y.tokens[j].sentence]),
                           (sy, x.sentence_content[x.tokens[i].sentence])):  # fmt: skip
        owned = possessed(subject)
        if owned is not None and owned.stem not in other:
            return False  # "Senator Hill's opponent" is not Senator Hill
    if sx and sy:
        return bool({t.stem for t in sx} & {t.stem for t in sy})
    px, py = x.pronoun_subject(i), y.pronoun_subject(j)
    if px and py:
        return px == py
    return bool((px and y.name_runs == 1) or (py and x.name_runs == 1))


# Values that say when: two sentences naming different ones of a kind ("rose in March" /
# "fell in June", "in 2023" / "in 2024") may speak of two occasions, and both be true.
TIME_KINDS = ("year", "month")


def different_times(x: Reading, i: int, y: Reading, j: int, compared: frozenset[str]) -> bool:
    """The sentences of token i in x and j in y name different years, or different months,
    and those are not the values being compared."""
    for kind in TIME_KINDS:
        times_x, times_y = x.times_near(i, kind), y.times_near(j, kind)
        if times_x and times_y and not times_x & times_y and not compared & (times_x | times_y):
            return True
    return False


def first_name(subject: list[Token]) -> tuple[Name, ...]:
    """The first run of capitalised words in a subject: the one it is about ("Cruz" in "Cruz
    has modelled for Mango and Ralph Lauren"), not every name the clause mentions."""
    run: list[str] = []
    for token in subject:
        if token.capitalised:
            run.append(token.lower)
        elif run:
            break
    return (tuple(run),) if run else ()


def possessed(subject: list[Token]) -> Token | None:
    """The word a possessive subject is about: "opponent" in "Senator Hill's opponent"."""
    for before, after in itertools.pairwise(subject):
        if before.text.lower().endswith(("'s", "\u2019s")) and after is subject[-1]:
            return after
    return None


def different_names(
    x: Reading, i: int, names_x: tuple[Name, ...], y: Reading, j: int, names_y: tuple[Name, ...]
) -> bool:
    """Each side names someone the other's sentence never mentions: "Senator Smith" against
    "Senator Jones", "Oakland revenue" against "Fresno revenue"."""
    words_x = x.sentence_words[x.tokens[i].sentence]
    words_y = y.sentence_words[y.tokens[j].sentence]
    return any(unmentioned(n, words_y, by_last_word(names_y)) for n in set(names_x)) and any(
        unmentioned(n, words_x, by_last_word(names_x)) for n in set(names_y)
    )


@functools.lru_cache(maxsize=1024)
def by_last_word(names: tuple[Name, ...]) -> dict[str, frozenset[Name]]:
    found: dict[str, set[Name]] = {}
    for name in names:
        found.setdefault(name[-1], set()).add(name)
    return {last: frozenset(same) for last, same in found.items()}


def unmentioned(name: Name, words: frozenset[str], names: dict[str, frozenset[Name]]) -> bool:
    """Neither every word of the name stands in the other sentence, nor a name there is the
    same one written shorter or longer ("Tim Roth" for "Timothy Simon Roth", "Thatcher" for
    "Margaret Thatcher"; not "the Oil Pollution Act" for "the Budget Control Act")."""
    if words.issuperset(name):
        return False
    return not any(same_name(name, other) for other in names.get(name[-1], ()))


def same_name(a: Name, b: Name) -> bool:
    """One name, the shorter perhaps without a middle name or with a short first name: the
    last words are equal, and each other word of the shorter begins a word of the longer
    ("Harold Macmillan", "Maurice Harold Macmillan"; "Chris Kyle", "Christopher Scott Kyle")."""
    shorter, longer = sorted((a, b), key=len)
    if shorter[-1] != longer[-1]:
        return False
    given = longer[:-1]
    return all(any(word.startswith(part) for word in given) for part in shorter[:-1])


def overlap(wanted: Iterable[str], have: frozenset[str]) -> float:
    wanted = set(wanted)
    return len(wanted & have) / len(wanted) if wanted else 0.0


def stems(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words}
