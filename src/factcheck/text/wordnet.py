"""Princeton WordNet 3.0, as the four data files that scripts/build_wordnet.py makes from it.

Read lazily and once: only `compare`'s text rules need them, and `--help` must stay fast.
The words are kept as WordNet writes them, so a finding can say which entry fired.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple


class Antonym(NamedTuple):
    """Two words WordNet records as opposites, and how: `direct` (an antonym pointer between
    the two words), `derived` (derivational forms of a direct pair) or `indirect` (an adjective
    of one head's similar-to cluster against the other head). A named tuple: `compare` makes
    22,000 of them at start, in a third of the time frozen dataclasses took."""

    left: str
    right: str
    kind: str
    verbs: bool = False  # a pair of verbs ("permit"/"prohibit"), which take objects

    @property
    def resource(self) -> str:
        return "WordNet antonym" if self.kind == "direct" else f"WordNet antonym ({self.kind})"


def _text(name: str) -> str:
    return resources.files("factcheck").joinpath("wordlists").joinpath(name).read_text("utf-8")


def _rows(name: str) -> list[list[str]]:
    lines = _text(name).splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.cache
def irregular_forms() -> dict[str, str]:
    """Inflected form -> lemma, from WordNet's exception lists ("children" -> "child")."""
    return {form: lemma for form, lemma in _rows("wordnet-irregular.tsv")}


@functools.cache
def antonyms() -> tuple[Antonym, ...]:
    return tuple(entry for entry, _, _ in stemmed_antonyms())


@functools.cache
def stemmed_antonyms() -> tuple[tuple[Antonym, str, str], ...]:
    """Each pair with the stems `compare` reads its two words as (text/lexicon.py's stem),
    which scripts/build_wordnet.py writes beside them so that no run stems 44,000 words
    (30 ms of every `compare`); tests/text/test_wordnet.py holds them to stem()."""
    rows = _rows("wordnet-antonyms.tsv")
    return tuple((Antonym(a, b, kind, pos == "v"), stem_a, stem_b)
                 for a, b, kind, pos, stem_a, stem_b in rows)  # fmt: skip


@functools.cache
def value_classes() -> dict[str, str]:
    """Word -> the attribute it is one value of: colour, month, day, nationality, country."""
    return {word: cls for word, cls in _rows("wordnet-values.tsv")}


class NounHierarchy:
    """WordNet's nouns as kinds of thing: which synsets a word names, and what each synset is
    a kind (or an instance) of."""

    def __init__(self, text: str) -> None:
        # The lists stay comma-joined text until asked for: held as Python lists, the rows took
        # most of the file's load time and memory, and most no comparison ever reads.
        self._parents: dict[str, str] = {}
        self._senses: dict[str, str] = {}
        self.person = ""
        tables = {"s": self._parents, "w": self._senses}
        for line in text.splitlines():
            kind, _, rest = line.partition("\t")
            name, _, value = rest.partition("\t")
            if kind in tables:
                tables[kind][name] = value
            elif kind == "@person":
                self.person = name
        self._above: dict[str, frozenset[str]] = {}

    def senses(self, word: str) -> list[str]:
        """The synsets a noun names, its commonest sense first."""
        return self._senses[word].split(",")

    def parents(self, synset: str) -> list[str]:
        found = self._parents.get(synset)
        return found.split(",") if found else []

    def is_noun(self, word: str) -> bool:
        return word in self._senses

    def above(self, synset: str) -> frozenset[str]:
        """Every synset this one is a kind or an instance of, however far up."""
        found = self._above.get(synset)
        if found is None:
            seen: set[str] = set()
            todo = self.parents(synset)
            while todo:
                parent = todo.pop()
                if parent not in seen:
                    seen.add(parent)
                    todo += self.parents(parent)
            found = self._above[synset] = frozenset(seen)
        return found

    def related(self, a: str, b: str) -> bool:
        """Whether some sense of one word is some sense of the other, or a kind of it: "film"
        and "movie", "town" and "municipality", "dog" and "animal"."""
        senses_a, senses_b = set(self.senses(a)), set(self.senses(b))
        if senses_a & senses_b:
            return True
        return any(senses_b & self.above(s) for s in senses_a) or any(
            senses_a & self.above(s) for s in senses_b
        )

    def kind_of(self, word: str, kind: str) -> bool:
        """Whether some sense of `word` is a kind of the commonest sense of `kind` ("agency"
        and "committee" of "group"; "proposal" and "speech" not)."""
        if not (self.is_noun(word) and self.is_noun(kind)):
            return False
        wanted = self.senses(kind)[0]
        return any(s == wanted or wanted in self.above(s) for s in self.senses(word))

    def can_be_a_person(self, word: str) -> bool:
        """Whether some sense of the word is a kind of person ("model", "senator", and "dog"
        too, in one rare sense)."""
        return any(self.person in self.above(s) for s in self.senses(word))


@functools.cache
def nouns() -> NounHierarchy:
    return NounHierarchy(_text("wordnet-nouns.tsv"))


def noun_form(word: str) -> str | None:
    """The WordNet noun a word is a form of: 'films' -> 'film', 'children' -> 'child'; None
    for a word that is no noun ('false', 'mailed')."""
    known = nouns()
    if known.is_noun(word):
        return word
    irregular = irregular_forms().get(word)
    if irregular is not None and known.is_noun(irregular):
        return irregular
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        base = word[: -len(suffix)] + replacement
        if word.endswith(suffix) and known.is_noun(base):
            return base
    return None
