"""Check-worthiness: how likely a sentence is a factual claim worth checking, from 0 to 1.

A logistic model over features a person can name: TF-IDF of the sentence's words and word
pairs, of its character n-grams within words (as scikit-learn's TfidfVectorizer makes them,
reimplemented here so that only `train_worthiness.py` needs scikit-learn) and of its
part-of-speech tags, one to three in a row (spaCy's fine-grained tags, "CD NNS VBD": the
sentence's shape, which `extract` has from the parse it reads speakers from), the plain mean of
its WordLlama word vectors, and ten signals (a figure, a percentage, a year, money, a
comparison, a statement of opinion or intent, a question, a number in words, a name, the
length). The weights are learned from the ClaimBuster sentences by
scripts/train_worthiness.py and shipped as worthiness.json.

The reason given with a score lists the signals that hold, and the words that pushed the score
up most.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from factcheck.text.embeddings import DIMENSIONS, Embedder, numpy
from factcheck.text.posts import signature_alone

_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")

SIGNALS: dict[str, re.Pattern[str]] = {
    "states a figure": re.compile(r"\d"),
    "a percentage": re.compile(r"%|\bper ?cent\b", re.I),
    "names a year": re.compile(r"\b(?:1[89]|20)\d\d\b"),
    "money": re.compile(r"\$|\b(?:million|billion|trillion|dollars?)\b", re.I),
    "a comparison or change": re.compile(
        r"\b(?:more|less|fewer|higher|lower|most|least|largest|biggest|best|worst|increased?|"
        r"decreased?|doubled?|tripled?|rose|fell|cut|since|than)\b", re.I),
    "opinion or intent": re.compile(
        r"\b(?:I think|I believe|I want|I will|we will|we're going to|I'm going to|we need|"
        r"we must|should|let me)\b", re.I),
    "a question": re.compile(r"\?\s*$"),
    "a number in words": re.compile(
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
        r"hundred|thousand|million|billion|half|third|quarter|twice|dozen)\b", re.I),
    "names someone or somewhere": re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+"),
}  # fmt: skip
HAND = (*SIGNALS, "length")


def words_and_pairs(text: str) -> list[str]:
    found = _WORD.findall(text.lower())
    return [*found, *(f"{a} {b}" for a, b in itertools.pairwise(found))]


def char_grams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams within words, padded with a space each side (char_wb)."""
    grams = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return grams


def tag_grams(tags: Sequence[str]) -> list[str]:
    """A sentence's part-of-speech tags, one, two and three in a row."""
    return [" ".join(tags[i : i + n]) for n in (1, 2, 3) for i in range(len(tags) - n + 1)]


def signals(text: str) -> list[float]:
    return [*(1.0 if p.search(text) else 0.0 for p in SIGNALS.values()),
            min(len(text.split()), 60) / 30]  # fmt: skip


def tfidf(terms: list[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear term frequency times IDF, L2-normalised; terms not in the vocabulary dropped."""
    weights = {t: (1 + math.log(n)) * idf[t] for t, n in Counter(terms).items() if t in idf}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


# What states nothing, however its words score: a live blog's time stamp ("1:30 p.m.", "By 9
# a.m."), a line of numbers, markup, handles and links alone ("9%.", a pasted tweet's tag), a
# heading, label or signature of a few words with no verb and no number ("ABSTRACT.",
# "Division Over Iran.", "- Bernie Sanders."), a speech cue alone ("Trump said.", "He said:").
# None of them is check-worthy in the ClaimBuster or CheckThat! data (docs/extract.md); the
# model, fitted to sentences, gave them 0.5 to 0.85 for their digits and capitals.
_TIME_ALONE = re.compile(
    r"\s*(?:(?:by|at|until|as of)\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?(?:\s+(?-i:[A-Z]{2,4}))?"
    r"\s*[.;:]?\s*", re.I)  # fmt: skip
_MARKUP = re.compile(r"<[^<>]*>|@\w+|https?://\S+|www\.\S+")
_LETTER = re.compile(r"[^\W\d_]")
_CUE_ALONE = re.compile(
    r"\W*(?:[A-Z][\w.'\u2019-]*\s+){1,3}(?:said|says|told|tells|wrote|writes|added|adds|asked|"
    r"asks|explained|tweeted|continued)\s*[.:,;]?\W*")  # fmt: skip
_NOT_WORDS = frozenset({".", ",", ":", ";", "''", "``", "-LRB-", "-RRB-", "HYPH", "NFP", "XX",
                        "SYM", "$", "POS"})  # fmt: skip
LABEL_WORDS = 4


def states_nothing(text: str, tags: Sequence[str]) -> str | None:
    """What a sentence is when it states nothing to check; None for a statement."""
    if _TIME_ALONE.fullmatch(text):
        return "a time of day alone"
    if not _LETTER.search(_MARKUP.sub(" ", text)):
        return "no words: a number, markup, handles or links alone"
    words = [t for t in tags if t not in _NOT_WORDS]
    if len(words) <= LABEL_WORDS and not any(t.startswith("VB") or t in ("MD", "CD") for t in tags):
        return "a heading or label: no verb, no figure"
    if _CUE_ALONE.fullmatch(text):
        return "a speech cue alone"
    if signature_alone(text):
        return "a post's signature alone"
    return None


@dataclass(frozen=True)
class Scored:
    score: float
    signals: list[str]  # the signals that hold
    words: list[str]  # the words and pairs that raised the score most


@dataclass(frozen=True)
class Model:
    word_idf: dict[str, float]
    char_idf: dict[str, float]
    word_weights: dict[str, float]
    char_weights: dict[str, float]
    vector_weights: list[float]
    hand_weights: list[float]
    intercept: float
    threshold: float
    tag_idf: dict[str, float]
    tag_weights: dict[str, float]

    def score(self, texts: Sequence[str], tags: Sequence[Sequence[str]]) -> list[Scored]:
        """Each sentence's score; `tags`: each one's part-of-speech tags (spaCy's tag_). A
        sentence that states nothing scores 0, with what it is as the reason."""
        np = numpy()
        vectors = plain_embedder().embed(texts)
        found = vectors @ np.asarray(self.vector_weights, dtype=np.float32)
        return [Scored(0.0, [nothing], []) if (nothing := states_nothing(text, tagged))
                else self._one(text, tagged, float(v))
                for text, tagged, v in zip(texts, tags, found, strict=True)]  # fmt: skip

    def _one(self, text: str, tags: Sequence[str], from_vector: float) -> Scored:
        words = tfidf(words_and_pairs(text), self.word_idf)
        grams = tfidf(char_grams(text), self.char_idf)
        shape = tfidf(tag_grams(tags), self.tag_idf)
        hand = signals(text)
        by_word = {t: w * self.word_weights.get(t, 0.0) for t, w in words.items()}
        z = (self.intercept + from_vector + sum(by_word.values())
             + sum(w * self.char_weights.get(t, 0.0) for t, w in grams.items())
             + sum(w * self.tag_weights.get(t, 0.0) for t, w in shape.items())
             + sum(h * w for h, w in zip(hand, self.hand_weights, strict=True)))  # fmt: skip
        score = 1 / (1 + math.exp(-z)) if z > -500 else 0.0
        held = [name for name, value in zip(SIGNALS, hand, strict=False) if value]
        raised = sorted((t for t, c in by_word.items() if c > 0.05), key=lambda t: -by_word[t])
        return Scored(score, held, raised[:4])


@functools.cache
def plain_embedder() -> Embedder:
    """The word vectors with every token weighted alike (the plain mean)."""
    np = numpy()
    vectors_size = Embedder.vocabulary_size()
    return Embedder(np.ones(vectors_size, dtype=np.float32))


@functools.cache
def shipped() -> Model:
    raw = resources.files("factcheck.extract").joinpath("worthiness.json").read_text("utf-8")
    return parse(json.loads(raw))


def parse(data: dict[str, Any]) -> Model:
    if list(data["hand"]) != list(HAND) or len(data["vector_weights"]) != DIMENSIONS:
        raise ValueError("worthiness.json was made for other features; run train_worthiness.py")
    words, chars, tags = data["words"], data["chars"], data["tags"]
    return Model(
        word_idf={t: float(v[0]) for t, v in words.items()},
        char_idf={t: float(v[0]) for t, v in chars.items()},
        word_weights={t: float(v[1]) for t, v in words.items()},
        char_weights={t: float(v[1]) for t, v in chars.items()},
        vector_weights=[float(x) for x in data["vector_weights"]],
        hand_weights=[float(x) for x in data["hand_weights"]],
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        tag_idf={t: float(v[0]) for t, v in tags.items()},
        tag_weights={t: float(v[1]) for t, v in tags.items()},
    )
