"""Princeton WordNet 3.0, as the three data files that scripts/build_wordnet.py makes from it.

Read lazily and once: only `compare`'s text rules need them, and `--help` must stay fast.
The words are kept as WordNet writes them, so a finding can say which entry fired.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Antonym:
    """Two words WordNet records as opposites, and how: `direct` (an antonym pointer between
    the two words), `derived` (derivational forms of a direct pair) or `indirect` (an adjective
    of one head's similar-to cluster against the other head)."""

    left: str
    right: str
    kind: str

    @property
    def resource(self) -> str:
        return "WordNet antonym" if self.kind == "direct" else f"WordNet antonym ({self.kind})"


def _rows(name: str) -> list[list[str]]:
    text = (
        resources.files("factcheck")
        .joinpath("wordlists")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def irregular_forms() -> dict[str, str]:
    """Inflected form -> lemma, from WordNet's exception lists ("children" -> "child")."""
    return {form: lemma for form, lemma in _rows("wordnet-irregular.tsv")}


@functools.cache
def antonyms() -> tuple[Antonym, ...]:
    return tuple(Antonym(a, b, kind) for a, b, kind, _pos in _rows("wordnet-antonyms.tsv"))


@functools.cache
def value_classes() -> dict[str, str]:
    """Word -> the attribute it is one value of: colour, month, day, nationality."""
    return {word: cls for word, cls in _rows("wordnet-values.tsv")}
