"""Word lists for conflict detection, and the small amount of text analysis they need.

The lists are data files in factcheck/wordlists/ (documented there); a claims folder extends
them with a `[lexicon]` table. Matching is on crude stems, so that "follows", "followed" and
"following" all meet "follow": enough for short claim texts, and explainable.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from factcheck.model import LexiconExtension
from factcheck.text import wordnet
from factcheck.unicode import without_accents

Phrase = tuple[str, ...]  # a sequence of stems


# Irregular forms that are words of their own too ("rose", "fell", "left"), so WordNet's
# exception lists (which give the rest: "children", "ran", "geese") leave them out; claims use
# them as verbs often enough to map them on purpose.
_IRREGULAR = {
    "met": "meet", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
    "grew": "grow", "grown": "grow", "won": "win", "lost": "lose", "broke": "break",
    "broken": "break", "left": "leave", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "paid": "pay", "built": "build", "held": "hold",
    "kept": "keep", "brought": "bring", "sold": "sell", "told": "tell", "ran": "run",
    "saw": "see", "seen": "see", "went": "go", "gone": "go", "came": "come", "got": "get",
    "spent": "spend", "sent": "send", "shrank": "shrink", "shrunk": "shrink", "led": "lead",
}  # fmt: skip


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """'follows', 'followed', 'following' -> 'follow'; 'releases', 'released' -> 'releas'."""
    word = without_accents(word.lower().replace("\u2019", "'"))
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    word = _IRREGULAR.get(word) or wordnet.irregular_forms().get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # complies -> comply
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"  # complied -> comply
    # "-ees" loses its "s" alone, so that "degrees", "agrees" and "employees" meet "degree",
    # "agree" and "employee" when the final "e" goes below.
    suffixes = ("ing", "ed", "s") if word.endswith("ees") else ("ing", "ed", "es", "s")
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("men") and len(word) >= 3:
        word = word[:-3] + "man"  # women -> woman, as WordNet's morphology does
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def is_irregular_form(word: str) -> bool:
    """A form that stem() maps to another word ("won" to "win", "left" to "leave")."""
    lower = word.lower()
    return lower in _IRREGULAR or lower in wordnet.irregular_forms()


def phrase(text: str) -> Phrase:
    """The stems of a word list entry, cut into words as claim texts are."""
    return tuple(stem(m.group()) for m in _PIECES.finditer(text) if m.lastgroup == "word")


def _read(name: str) -> list[str]:
    text = (
        resources.files("factcheck")
        .joinpath("wordlists")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class Lexicon:
    """The word lists, as written; stemmed forms are derived once, on first use."""

    negations: frozenset[str]
    markers: tuple[str, ...]
    contrasts: tuple[tuple[str, str], ...]
    stopwords: frozenset[str]
    organisations: frozenset[str]
    hypotheticals: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()

    @staticmethod
    @functools.cache
    def default() -> Lexicon:
        contrasts = []
        for line in _read("contrasts.txt"):
            left, _, right = line.partition("|")
            contrasts.append((left.strip(), right.strip()))
        return Lexicon(
            negations=frozenset(_read("negations.txt")),
            markers=tuple(_read("rebuttal_markers.txt")),
            contrasts=tuple(contrasts),
            stopwords=frozenset(_read("stopwords.txt")),
            organisations=frozenset(_read("organisations.txt")),
            hypotheticals=frozenset(_read("hypotheticals.txt")),
            units=frozenset(stem(u) for u in _read("units.txt")),
        )

    def extended(self, extensions: Iterable[LexiconExtension]) -> Lexicon:
        """This lexicon with a claims folder's additions."""
        result = self
        for extension in extensions:
            result = dataclasses.replace(
                result,
                negations=result.negations | frozenset(extension.negations),
                markers=result.markers + tuple(extension.rebuttal_markers),
                contrasts=result.contrasts + tuple(extension.contrasts),
            )
        return result

    @functools.cached_property
    def marker_phrases(self) -> tuple[tuple[Phrase, str], ...]:
        # Longest first, so that "a lie" is reported rather than "lie".
        pairs = {phrase(m): m for m in self.markers if phrase(m)}
        return tuple(sorted(pairs.items(), key=lambda item: len(item[0]), reverse=True))

    @functools.cached_property
    def marker_set(self) -> frozenset[Phrase]:
        return frozenset(m for m, _ in self.marker_phrases)

    @functools.cached_property
    def contrast_phrases(self) -> tuple[tuple[Phrase, Phrase, str, str], ...]:
        return tuple(
            (phrase(a), phrase(b), a, b) for a, b in self.contrasts if phrase(a) and phrase(b)
        )

    @functools.cached_property
    def phrases(self) -> frozenset[Phrase]:
        """Every phrase looked for in a text: the markers and both sides of each contrast."""
        return frozenset(p for p, _ in self.marker_phrases) | frozenset(
            side for c in self.contrast_phrases for side in c[:2]
        )

    @functools.cached_property
    def phrases_by_first(self) -> dict[str, tuple[Phrase, ...]]:
        """The phrases by their first stem: a text looks up its own words, rather than every
        phrase of the lexicon being looked for in every text."""
        return by_first_stem(self.phrases)

    @functools.cached_property
    def negation_phrases_by_first(self) -> dict[str, tuple[Phrase, ...]]:
        return by_first_stem(self.negation_phrases)

    @functools.cached_property
    def hypothetical_phrases_by_first(self) -> dict[str, tuple[Phrase, ...]]:
        return by_first_stem(self.hypothetical_phrases)

    @functools.cached_property
    def stop_stems(self) -> frozenset[str]:
        return frozenset(stem(w) for w in self.stopwords) | self.stopwords

    @functools.cached_property
    def negation_words(self) -> frozenset[str]:
        return frozenset(n for n in self.negations if " " not in n)

    @functools.cached_property
    def negation_phrases(self) -> tuple[Phrase, ...]:
        """Multi-word negations ("fail to", "no longer"), as stems, longest first."""
        found = {phrase(n) for n in self.negations if " " in n} - {()}
        return tuple(sorted(found, key=len, reverse=True))

    @functools.cached_property
    def hypothetical_words(self) -> frozenset[str]:
        return frozenset(h for h in self.hypotheticals if " " not in h)

    @functools.cached_property
    def hypothetical_phrases(self) -> tuple[Phrase, ...]:
        return tuple(phrase(h) for h in self.hypotheticals if " " in h and phrase(h))

    @functools.cached_property
    def contrasting_stems(self) -> frozenset[frozenset[str]]:
        """The desk's one-word contrast pairs as stems ("increase"/"decrease"): actions,
        said of an object, whatever part of speech WordNet files them under."""
        pairs = (frozenset((stem(a), stem(b))) for a, b in self.contrasts)
        return frozenset(p for p in pairs if len(p) == 2)

    @functools.cached_property
    def antonyms(self) -> dict[str, dict[str, wordnet.Antonym]]:
        """stem -> {stem of an opposite: the WordNet entry}, both ways round."""
        index: dict[str, dict[str, wordnet.Antonym]] = {}
        for entry, a, b in wordnet.stemmed_antonyms():
            if a == b or a in self.stop_stems or b in self.stop_stems:
                continue
            kept = index.setdefault(a, {}).setdefault(b, entry)
            if entry.verbs and not kept.verbs:  # "increase"/"decrease": nouns and verbs
                kept = kept._replace(verbs=True)
                index[a][b] = kept
            index.setdefault(b, {})[a] = kept
        return index

    @functools.cached_property
    def value_words(self) -> frozenset[str]:
        """The words of value_classes as WordNet spells them ("wine", not its stem "win")."""
        return frozenset(wordnet.value_classes())

    @functools.cached_property
    def value_classes(self) -> dict[str, str]:
        """stem -> colour, month, day or nationality: one value of an attribute."""
        return {stem(word): cls for word, cls in wordnet.value_classes().items()}

    def is_negation(self, token: Token) -> bool:
        return token.lower in self.negation_words or token.lower.endswith("n't")

    def is_content(self, token: Token) -> bool:
        return token.stem not in self.stop_stems and token.lower not in self.negation_words


# --- text ----------------------------------------------------------------------------------

# Combining marks belong to the letter before them ("Noe\u0308l" is one word, as "Noël" is),
# though the regex engine does not count them as word characters: the diacritics of Latin,
# Greek and Cyrillic, and the vowel signs and points of Hebrew, Arabic and Devanagari.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_PIECES = re.compile(
    rf"(?P<word>[^\W\d_](?:[^\W\d_]|['\u2019{_MARKS}])*(?:-(?:[^\W\d_]|[{_MARKS}])+)*"
    r"|\d[\d,.]*\d|\d)"
    r"|(?P<stop>[.!?])|(?P<pause>[,;:]|\s[-\u2013\u2014]\s)"
)
_CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however"})


@functools.lru_cache(maxsize=65_536)
def _forms(word: str) -> tuple[str, str, str, bool, bool]:
    """A word's text, lower-case form, stem, whether it is capitalised and whether it opens
    a clause: found once a word, since words recur across thousands of claims (interned, so
    that their text is held once in memory too)."""
    lower = without_accents(word.lower().replace("\u2019", "'"))
    return (sys.intern(word), sys.intern(lower.removesuffix("'s")), stem(word),
            word[0].isupper(), lower in _CLAUSE_WORDS)  # fmt: skip


class Token(NamedTuple):
    # A named tuple, not a frozen dataclass: made 13 times a claim, its __init__ was half of
    # reading a text (1.2 us a token against 0.3 us).
    text: str
    lower: str
    stem: str
    start: int
    end: int
    capitalised: bool
    sentence: int
    clause: int


@dataclass(frozen=True, eq=False)
class Text:
    """A claim's text cut into tokens, with sentence and clause numbers."""

    source: str
    tokens: tuple[Token, ...]
    questions: frozenset[int] = frozenset()  # the sentences that end in "?"

    @staticmethod
    def of(source: str) -> Text:
        tokens: list[Token] = []
        questions: set[int] = set()
        sentence = clause = 0
        for match in _PIECES.finditer(source):
            if match.lastgroup == "stop":
                if match.group() == "?":
                    questions.add(sentence)
                sentence += 1
                clause += 1
                continue
            if match.lastgroup == "pause":
                clause += 1
                continue
            text, lower, stemmed, capitalised, clause_word = _forms(match.group())
            if clause_word:
                clause += 1
            tokens.append(
                Token(text, lower, stemmed, match.start(), match.end(), capitalised, sentence,
                      clause)
            )  # fmt: skip
        return Text(source, tuple(tokens), frozenset(questions))

    @functools.cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each stem stands: phrases are looked up, not scanned for."""
        return _index(t.stem for t in self.tokens)

    @functools.cached_property
    def lower_positions(self) -> dict[str, list[int]]:
        """Where each lower-case word stands (for names, which are not stemmed)."""
        return _index(t.lower for t in self.tokens)

    def find(self, wanted: Phrase) -> list[int]:
        """Indexes where the stems of `wanted` start, in order."""
        return self._find(wanted, self.positions, lambda t: t.stem)

    def find_each(
        self, by_first: dict[str, tuple[Phrase, ...]]
    ) -> Iterator[tuple[Phrase, list[int]]]:
        """Each phrase of `by_first` (phrases by their first stem) that the text holds, with
        where it starts: looked up from the text's own stems."""
        for first in by_first.keys() & self.positions.keys():
            for wanted in by_first[first]:
                found = self.find(wanted)
                if found:
                    yield wanted, found

    def find_lower(self, words: Phrase) -> list[int]:
        """Indexes where the lower-case words start, in order."""
        return self._find(words, self.lower_positions, lambda t: t.lower)

    def _find(
        self, wanted: Phrase, index: dict[str, list[int]], key: Callable[[Token], str]
    ) -> list[int]:
        n = len(wanted)
        return [
            i
            for i in index.get(wanted[0], ())
            if i + n <= len(self.tokens)
            and all(key(self.tokens[i + k]) == wanted[k] for k in range(1, n))
        ]


def by_first_stem(phrases: Iterable[Phrase]) -> dict[str, tuple[Phrase, ...]]:
    found: dict[str, list[Phrase]] = {}
    for wanted in phrases:
        found.setdefault(wanted[0], []).append(wanted)
    return {first: tuple(group) for first, group in found.items()}


def _index(keys: Iterable[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        index.setdefault(key, []).append(i)
    return index
