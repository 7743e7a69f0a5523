"""Conflict detection over a set of claims: precise first, explainable always.

Only claims that speak to the same thing are paired (pairing.py): the same `about`, an explicit
`disputes` link, the same `measure`, shared content words, or a rebuttal naming a speaker. Each
claim's text is read once (reading.py). Then the rules (rules/), in order of confidence, each
finding carrying the words or values that made it fire, the resource that knew they conflict,
and what might make it no conflict at all:

1. recorded: opposite `stance` on the same `about`, or a `disputes` link;
2. rebuttal: a marker ("a lie", "misinformation") in a sentence naming the other's speaker;
3. numeric: figures of the same `measure` whose intervals cannot meet (hedges honoured);
4. negation: a predicate negated on one side and asserted on the other (suggested);
5. values: two values of one attribute in the same slot: years, numbers, colours (suggested);
6. antonym: opposite words over the same thing, from WordNet or the desk's lexicon (suggested);
7. category: one named subject said to be two kinds of thing that WordNet keeps apart
   ("a film" / "a truck") (suggested).

Figures of different measures on one proposition are contrasting evidence, not conflict.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from factcheck.compare.models import (
    TEXT_RULES,
    Comparison,
    Confidence,
    Conflict,
    Contrast,
    Evidence,
    FigureView,
    Finding,
    Rule,
)

if TYPE_CHECKING:
    from factcheck.compare.pairing import (
        MAX_ALL_PAIRS_PER_MEASURE,
        MAX_SHARED_WORD_CLAIMS,
        MAX_WORD_PARTNERS,
    )
    from factcheck.compare.run import (
        UnknownProposition,
        UnknownTopic,
        at_least,
        compare,
        compare_about,
        compare_all,
        compare_scope,
        compare_topic,
        corpus_lexicon,
        each_topic,
    )

# Imported when first asked for: reading a kept comparison (compare_kept.py) needs only the
# models, where the comparison itself brings the records' models and WordNet (70 ms).
_LATER = {
    **dict.fromkeys(
        ("MAX_ALL_PAIRS_PER_MEASURE", "MAX_SHARED_WORD_CLAIMS", "MAX_WORD_PARTNERS"), "pairing"
    ),
    **dict.fromkeys(
        ("UnknownProposition", "UnknownTopic", "at_least", "compare", "compare_about",
         "compare_all", "compare_scope", "compare_topic", "corpus_lexicon", "each_topic"),
        "run",
    ),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"factcheck.compare.{module}"), name)


__all__ = [
    "MAX_ALL_PAIRS_PER_MEASURE",
    "MAX_SHARED_WORD_CLAIMS",
    "MAX_WORD_PARTNERS",
    "TEXT_RULES",
    "Comparison",
    "Confidence",
    "Conflict",
    "Contrast",
    "Evidence",
    "FigureView",
    "Finding",
    "Rule",
    "UnknownProposition",
    "UnknownTopic",
    "at_least",
    "compare",
    "compare_about",
    "compare_all",
    "compare_scope",
    "compare_topic",
    "corpus_lexicon",
    "each_topic",
]
