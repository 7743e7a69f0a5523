"""Words, stems, figures and names of a free text, as a search engine reads them.

Social-media text is cleaned first: links are dropped, and a hashtag or a handle is split
into its words (#AustralianFires -> Australian Fires), since fact-checks write them out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.text import MissingExtra

_LINK = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\bwww\.\S+")
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])")
_WORD = re.compile(r"[^\W_]+")
# A figure: digits, with thousands separators or a decimal part ("4,561", "13.7").
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# A name: a capitalised word that does not open a sentence (sentence openers are common words).
_NAME = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b[A-Z][a-zA-Z]+(?:[-'][A-Z][a-zA-Z]+)?")

# The short stop list of the CLEF baseline: the ranker's features read every other word.
STOPWORDS = frozenset(
    "a an the of to in and or is are was were be for on at by with that this it".split()
)


def cleaned(text: str) -> str:
    """The text without links, with hashtags and handles split into their words."""
    text = _LINK.sub(" ", text)
    return _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)


def words(text: str) -> list[str]:
    """The lower-cased words of a text, stop words left out, in order."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


@dataclass(frozen=True)
class Reading:
    """What a ranker reads of a text: its stems (in order), figures and names."""

    stems: list[str]
    figures: frozenset[str]
    names: frozenset[str]

    @property
    def stem_set(self) -> frozenset[str]:
        return frozenset(self.stems)


def read(text: str) -> Reading:
    clean = cleaned(text)
    figures = frozenset(f.replace(",", "") for f in _FIGURE.findall(clean))
    names = frozenset(n.lower() for n in _NAME.findall(clean))
    return Reading(stemmer()(words(clean)), figures, names)


def surface_words(text: str, stems: frozenset[str]) -> list[str]:
    """The words of a text whose stems are among these, once each, in order: what a person
    sees as "the words that matched"."""
    found = words(cleaned(text))
    return list(
        dict.fromkeys(w for w, s in zip(found, stemmer()(found), strict=True) if s in stems)
    )


@functools.cache
def stemmer() -> Callable[[list[str]], list[str]]:
    """Snowball's English stemmer (PyStemmer, C): 'released', 'releases' -> 'releas'."""
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise MissingExtra("PyStemmer") from None
    engine = Stemmer.Stemmer("english")
    engine.maxCacheSize = 100_000  # words repeat: a cache saves most of the work
    return engine.stemWords  # type: ignore[no-any-return]
