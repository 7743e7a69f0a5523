"""What a sentence says its subject is: "Mohra is a 1994 Indian action thriller film directed
by Rajiv Rai" says that Mohra is a film.

Read from the words after "is a", "was an", "are the": the noun phrase runs to a preposition,
a relative word, a participle that opens a description ("directed", "based"), or the end of
the clause; its head is its last noun. Which words are nouns is WordNet's to say, and is asked
only when two claims say what one subject is (see rules/category.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from factcheck.text import wordnet

if TYPE_CHECKING:
    from factcheck.model import Claim
    from factcheck.text.lexicon import Lexicon, Token


class Reading(Protocol):
    """What this module reads of a text (compare/reading.py's Reading is one): named here, so
    that the two modules do not import each other."""

    @property
    def tokens(self) -> Sequence[Token]: ...

    @property
    def lexicon(self) -> Lexicon: ...

    @property
    def claim(self) -> Claim: ...

    @property
    def limits(self) -> list[str]: ...

    @property
    def sentence_starts(self) -> Mapping[int, int]: ...

    @property
    def value_indexes(self) -> frozenset[int]: ...

    def asserted(self, i: int) -> bool: ...

    def negated(self, i: int) -> bool: ...


# A claim says what a thing is once or twice; a text with more such sentences than this is
# an article, and comparing all of them with another's would grow with their product.
MAX_KINDS = 50
COPULAS = frozenset({"is", "was", "are", "were"})
DETERMINERS = frozenset({"a", "an", "the"})
# Words that end a noun phrase: what follows describes the head, it is not the head.
PHRASE_ENDS = frozenset({
    "from", "in", "by", "of", "for", "with", "that", "who", "which", "whose", "where", "on",
    "at", "to", "about", "than", "as", "since", "until", "after", "before", "during",
})  # fmt: skip
DESCRIBING = frozenset({
    "directed", "written", "based", "set", "produced", "created", "released", "located",
    "known", "starring", "born", "originally", "first", "founded", "published", "owned",
    "made", "named", "called", "developed", "designed", "built", "run", "led", "used",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class KindSaid:
    """One "<subject> is a <kind>" of a text."""

    subject: frozenset[str]  # every word of the subject, lower case
    names: frozenset[str]  # its names ("bahamas" in "The Bahamas"), lower case; none in "The man"
    phrase: tuple[int, ...]  # the tokens of the noun phrase after the determiner, values left out


def kinds_said(reading: Reading) -> tuple[KindSaid, ...]:
    """Every plain, unnegated "<subject> is a ..." in the text, each wording once (a text
    that says one thing a thousand times is compared once, not a million times)."""
    tokens, found, seen = reading.tokens, [], set()
    stopwords = reading.lexicon.stopwords  # "The" opens a sentence; it names nothing
    for i, token in enumerate(tokens[:-1]):
        follower = tokens[i + 1]
        if token.lower not in COPULAS or follower.lower not in DETERMINERS:
            continue
        if follower.sentence != token.sentence or not reading.asserted(i):
            continue
        start = reading.sentence_starts[token.sentence]
        phrase = _noun_phrase(reading, i + 2)
        if start == i or not phrase or reading.negated(phrase[-1]):
            continue
        subject = tokens[start:i]
        wording = (tuple(t.lower for t in subject), tuple(tokens[k].lower for k in phrase))
        if wording in seen:
            continue
        seen.add(wording)
        names = {t.lower for t in subject if t.capitalised and t.lower not in stopwords}
        found.append(KindSaid(frozenset(wording[0]), frozenset(names), phrase))
    if len(found) > MAX_KINDS:
        reading.limits.append(
            f"claim '{reading.claim.id}' says what something is {len(found)} times: only the "
            f"first {MAX_KINDS} were compared by the category rule"
        )
    return tuple(found[:MAX_KINDS])


def _noun_phrase(reading: Reading, start: int) -> tuple[int, ...]:
    tokens, phrase = reading.tokens, list[int]()
    if start >= len(tokens):
        return ()
    clause = tokens[start].clause
    for k in range(start, len(tokens)):
        word = tokens[k].lower
        if tokens[k].clause != clause or word in PHRASE_ENDS or (phrase and word in DESCRIBING):
            break
        if k not in reading.value_indexes:  # "1994", "Indian", "blue": values, not kinds
            phrase.append(k)
    return tuple(phrase)


def head_noun(reading: Reading, said: KindSaid) -> tuple[int, str] | None:
    """The last word of the phrase that WordNet knows as a noun, as WordNet writes it."""
    for k in reversed(said.phrase):
        noun = as_noun(reading.tokens[k].lower)
        if noun is not None:
            return k, noun
    return None


def as_noun(word: str) -> str | None:
    """The WordNet noun a word is a form of: 'films' -> 'film', 'children' -> 'child'."""
    return wordnet.noun_form(word)
