"""What a text says of people: the names it gives, sentence by sentence, and the dates of
birth and death it gives with whose each may be. Part of compare/reading.py's Reading, kept
apart because it reads one thing (issue 29: the 469-line Reading split by what it reads)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.compare import dates

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.text.lexicon import Lexicon, Text, Token

Name = tuple[str, ...]  # a run of capitalised words, lowercased
# Dates of birth or death read from one text, and names held as whose each may be: beyond
# these a text is hostile or a list, and comparing every pair would not stay linear.
MAX_LIFE_DATES = 50
MAX_NAMES_PER_DATE = 3


@dataclass(frozen=True, slots=True)
class PlacedName:
    sentence: int
    first: int  # token indexes
    last: int
    name: Name


@dataclass(frozen=True, slots=True)
class LifeDate:
    dated: dates.Dated
    names: tuple[Name, ...]  # whose birth or death it may be
    index: int  # the token where the date begins


class ReadsNames:
    """The names of a Reading (which gives the rest: its tokens, words, values, sentences)."""

    tokens: tuple[Token, ...]
    claim: Claim
    lexicon: Lexicon
    text: Text
    limits: list[str]

    if TYPE_CHECKING:  # what Reading provides, named for the type checker

        @property
        def content_flags(self) -> tuple[bool, ...]: ...

        @property
        def value_indexes(self) -> frozenset[int]: ...

        @property
        def sentence_starts(self) -> dict[int, int]: ...

        @property
        def sentence_spans(self) -> dict[int, tuple[int, int]]: ...

        def token_at(self, offset: int) -> int | None: ...

        def asserted(self, i: int) -> bool: ...

        def negated(self, i: int) -> bool: ...

    @functools.cached_property
    def speaker_names(self) -> list[tuple[str, ...]]:
        """How a text may name this claim's speaker: in full, or by a person's surname (one
        of two letters or more that is no common word, so "Speaker A" is not named by "a")."""
        speaker = self.claim.speaker
        names = [tuple(w.strip(".,").lower() for w in speaker.split())]
        run = _last_capitalised_run(speaker)
        if len(run) >= 2 and not any(w.lower() in self.lexicon.organisations for w in run):
            surname = run[-1].lower()
            names.append(tuple(w.lower() for w in run))
            if len(surname) >= 2 and surname not in self.lexicon.stopwords:
                names.append((surname,))
        return list(dict.fromkeys(n for n in names if n and all(n)))

    @functools.cached_property
    def sentence_names(self) -> dict[int, frozenset[str]]:
        """Capitalised content words that are not values ("Indian", "May"): the people and
        places each sentence names."""
        found: dict[int, set[str]] = {}
        value_at = self.value_indexes
        for i, (token, content) in enumerate(zip(self.tokens, self.content_flags, strict=True)):
            if token.capitalised and content and i not in value_at:
                found.setdefault(token.sentence, set()).add(token.lower)
        return {k: frozenset(v) for k, v in found.items()}

    @functools.cached_property
    def name_runs(self) -> int:
        """How many names the text holds, a run of capitalised words counting once
        ("Ashley Graham" is one)."""
        runs, previous = 0, -2
        value_at = self.value_indexes
        for i, (token, content) in enumerate(zip(self.tokens, self.content_flags, strict=True)):
            if (
                token.capitalised
                and content
                and i not in value_at
                and i != self.sentence_starts.get(token.sentence)
            ):
                if i != previous + 1:
                    runs += 1
                previous = i
        return runs

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset().union(*self.sentence_names.values())

    def names_near(self, i: int) -> tuple[Name, ...]:
        return self.sentence_name_runs.get(self.tokens[i].sentence, ())

    @functools.cached_property
    def names_by_sentence(self) -> dict[int, list[PlacedName]]:
        """Each sentence's names with the tokens they span, a run of capitalised content
        words being one name ("Timothy Simon Roth")."""
        found: dict[int, list[PlacedName]] = {}
        run: list[int] = []
        value_at = self.value_indexes
        tokens = self.tokens
        for i, (token, content) in enumerate(zip(tokens, self.content_flags, strict=True)):
            if token.capitalised and content and i not in value_at:
                if run and tokens[run[-1]].sentence != token.sentence:
                    self._add_name(found, run)
                    run = []
                run.append(i)
            elif run:
                self._add_name(found, run)
                run = []
        if run:
            self._add_name(found, run)
        return found

    def _add_name(self, found: dict[int, list[PlacedName]], run: list[int]) -> None:
        first = self.tokens[run[0]]
        name = tuple(self.tokens[k].lower for k in run)
        found.setdefault(first.sentence, []).append(
            PlacedName(first.sentence, run[0], run[-1], name)
        )

    @functools.cached_property
    def sentence_name_runs(self) -> dict[int, tuple[Name, ...]]:
        return {k: tuple(p.name for p in v) for k, v in self.names_by_sentence.items()}

    @functools.cached_property
    def life_dates(self) -> tuple[LifeDate, ...]:
        """Dates of birth and death the text gives, each with the names it may be of: for
        a lifespan in brackets the nearest names before it (and one "known as" after it),
        for a date said in words the first names of its sentence. Only plain assertions
        count, and at most MAX_LIFE_DATES of them, so a hostile text stays linear."""
        if not dates.MAY_HOLD.search(self.text.source):
            return ()
        found: list[LifeDate] = []
        for sentence, (start, end) in self.sentence_spans.items():
            text = self.text.source[start:end]
            for dated in (*dates.lifespans(text, start), *dates.stated(text, start)):
                i = self.token_at(dated.start)
                if i is None or not self.asserted(i) or self.negated(i):
                    continue
                if len(found) == MAX_LIFE_DATES:
                    self.limits.append(
                        f"claim '{self.claim.id}' gives more than {MAX_LIFE_DATES} dates of "
                        f"birth or death; the first {MAX_LIFE_DATES} were compared"
                    )
                    return tuple(found)
                found.append(LifeDate(dated, self._whose(sentence, i, dated.lifespan), i))
        return tuple(found)

    def _whose(self, sentence: int, i: int, lifespan: bool) -> tuple[Name, ...]:
        names = self.names_by_sentence.get(sentence, ())
        if not lifespan:
            return tuple(p.name for p in names[:MAX_NAMES_PER_DATE])
        before = [p.name for p in names if p.last < i][-MAX_NAMES_PER_DATE:]
        after = [p.name for p in names if p.first > i and self._known_as(p.first)][:1]
        return (*before, *after)

    def _known_as(self, i: int) -> bool:
        return i >= 2 and [t.lower for t in self.tokens[i - 2 : i]] == ["known", "as"]


def _last_capitalised_run(speaker: str) -> list[str]:
    run: list[str] = []
    for word in speaker.split():
        if word[:1].isupper() and not word.endswith("."):
            run.append(word)
        else:
            run = []
    return run
