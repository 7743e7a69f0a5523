"""Near-duplicates of an archive in linear time: `match --duplicates` by blocking (issue 29).

Each claim is matched against the claims that share one of its distinctive words (a stem that
at most `BLOCK` claims hold), not against the whole archive: a query's work is bounded by
`BLOCK` times its words, so the whole run grows with the archive, not its square. Within that
block a claim is scored as `match --claim` scores it (BM25 over the block, its best score and
ranks taken there, the embeddings, the same ranker), and a pair is listed when either direction
scores at least the threshold. On the 10,375 Snopes claims every pair the all-pairs search
listed shares a stem held by at most 145 claims (docs/match.md has the measure).

Most candidates cannot reach the threshold: the features numpy computes for a whole block at
once, with the others held to their widest values, bound the ranker's score from above, and
only candidates whose bound reaches the threshold are scored in full.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.match import features
from factcheck.match.index import Bm25, Document, Index
from factcheck.match.ranker import Model, shipped
from factcheck.match.run import DUPLICATE_THRESHOLD, SAME_TEXT, Reason, reason_for
from factcheck.text.embeddings import numpy

# A stem held by more claims than this proposes no pair (it still counts in the scores). On
# the Snopes claims the rarest stem two listed duplicates share is held by at most 145.
BLOCK = 250


@dataclass(frozen=True)
class Duplicate:
    first: Document
    second: Document
    score: float
    reason: Reason


def duplicates(
    index: Index, threshold: float = DUPLICATE_THRESHOLD, model: Model | None = None
) -> Iterator[Duplicate]:
    """Pairs of documents that very likely say the same thing, each once, in the order of
    their first document."""
    blocks = _Blocks(index, model or shipped(), threshold)
    seen: set[tuple[int, int]] = set()
    for number in range(len(index.documents)):
        for score, found, reason in blocks.matches(number):
            pair = (number, found) if number < found else (found, number)
            if pair not in seen:
                seen.add(pair)
                first, second = (index.documents[n] for n in pair)
                yield Duplicate(first, second, score, reason)


@dataclass
class _Asked:
    """One claim asked against its block: the block (document numbers, sorted) and what the
    ranker reads of each, by place in the block."""

    number: int
    query: features.Query
    stems: list[str]  # sorted: one order of additions, as Bm25.scores
    same: list[int]  # documents of the same text, scored SAME_TEXT
    block: Any
    bm25: Any
    shared: Any  # how many of the query's stems each holds
    rank: dict[int, int]  # by document number, the first 200 by BM25
    by_words: list[int]  # places of the first 50 by BM25 that share a stem, best first
    similarity: Any  # the first 50 by BM25; -2 for the rest, as features.candidates
    best_bm25: float
    best_similarity: float


class _Blocks:
    """One archive's blocks, and what every query against them shares."""

    def __init__(self, index: Index, model: Model, threshold: float) -> None:
        self.np = numpy()
        self.index = index
        self.model = model
        self.threshold = threshold
        self.logit = math.log(threshold / (1 - threshold))
        self.sizes = self.np.asarray([len(r.stem_set) for r in index.readings], dtype=float)
        self.both, self.text, self.headline = (
            _Postings(bm25, self.np) for bm25 in (index.both, index.text, index.headline)
        )

    def matches(self, number: int) -> list[tuple[float, int, Reason]]:
        """The (at most 5) best documents of this one's block scoring at least the threshold,
        best first, with their reasons."""
        asked = self._asked(number)
        if asked is None:
            return []
        places = list(dict.fromkeys([
            *asked.by_words,
            *(int(self.np.searchsorted(asked.block, n)) for n in asked.same),
        ]))  # fmt: skip
        highest = self._bounded(asked, places)
        hopeful = [p for p, z in zip(places, highest, strict=True) if z >= self.logit]
        hopeful += [p for p in places if int(asked.block[p]) in asked.same and p not in hopeful]
        return self._scored(asked, hopeful)

    def _asked(self, number: int) -> _Asked | None:
        np, index = self.np, self.index
        document, reading = index.documents[number], index.readings[number]
        stems = sorted(reading.stem_set)
        same = [n for n in index.same_text(document.both) if n != number]
        postings = index.both.postings
        parts = [postings[s][0] for s in stems if s in postings and len(postings[s][0]) <= BLOCK]
        block = np.unique(np.concatenate([*parts, np.asarray(same, dtype=np.int32)]))
        block = block[block != number]
        if not len(block):
            return None
        bm25, shared = self.both.scores(stems, block)
        top = _top_of(bm25, block, max(200, features.BY_WORDS), np)
        by_words = [int(i) for i in top[: features.BY_WORDS] if bm25[i] > 0]
        query = features.query(index, document.both)
        similarity = np.full(len(block), -2.0, dtype=np.float32)
        if by_words:
            similarity[by_words] = index.vectors[block[by_words]] @ query.vector
        # A candidate's rank by BM25: the first 50 and the same texts are all that is asked.
        ranked = block[top].tolist()
        wanted = {*ranked[: features.BY_WORDS], *same}
        return _Asked(
            number, query, stems, same, block, bm25, shared,
            rank={n: r for r, n in enumerate(ranked) if n in wanted},
            by_words=by_words,
            similarity=similarity,
            best_bm25=float(bm25[by_words[0]]) if by_words else 0.0,
            # the first highest in document order, as features._best
            best_similarity=float(similarity[int(np.argmax(similarity))]) if by_words else 1.0,
        )  # fmt: skip

    def _bounded(self, asked: _Asked, places: list[int]) -> list[float]:
        """For each candidate, the highest log-odds the ranker could give it: the features
        read here exactly, the rest at whichever end of their range scores more."""
        np, model = self.np, self.model
        numbers = asked.block[places]
        bm25 = asked.bm25[places]
        similarity = asked.similarity[places].astype(np.float64)
        exact = {
            "bm25": bm25,
            "bm25_share": bm25 / asked.best_bm25 if asked.best_bm25 > 0 else 0 * bm25,
            "bm25_rank": np.log1p([asked.rank.get(int(n), 200) for n in numbers]),
            "similarity": similarity,
            "similarity_gap": similarity - asked.best_similarity,
            "covered": asked.shared[places] / np.maximum(self.sizes[numbers], 1),
            "covering": asked.shared[places] / max(len(asked.stems), 1),
        }
        exact["bm25_text"], _ = self.text.scores(asked.stems, numbers)
        exact["bm25_headline"], _ = self.headline.scores(asked.stems, numbers)
        vector = asked.query.vector
        exact["similarity_text"] = (self.index.text_rows(numbers) @ vector).astype(np.float64)
        exact["similarity_headline"] = (self.index.headline_rows(numbers) @ vector).astype(
            np.float64
        )
        reading = asked.query.reading
        ranges = {
            "figures_shared": (0.0, float(len(reading.figures))),
            "figures_unmatched": (0.0, 1.0),
            "names_covered": (0.0, 1.0),
            "names_shared": (0.0, float(len(reading.names))),
        }
        z = np.full(len(places), model.intercept, dtype=np.float64)
        for name, w, m, s in zip(model.names, model.weights, model.mean, model.scale, strict=True):
            if name in exact:
                z += w * (exact[name] - m) / s
            else:
                low, high = ranges[name]
                z += max(w * (low - m) / s, w * (high - m) / s)
        return [float(v) + 1e-6 for v in z]  # rounding never puts the bound below the score

    def _scored(self, asked: _Asked, hopeful: list[int]) -> list[tuple[float, int, Reason]]:
        """The hopeful candidates scored in full, as features.candidates and run.match score
        them; the best five at or above the threshold, best first."""
        index, model = self.index, self.model
        if not hopeful:
            return []
        numbers = asked.block[hopeful]
        text_bm25, _ = self.text.scores(asked.stems, numbers)
        headline_bm25, _ = self.headline.scores(asked.stems, numbers)
        vector = asked.query.vector
        text_rows, headline_rows = index.text_rows(numbers), index.headline_rows(numbers)
        scored = []
        for at, (place, number) in enumerate(zip(hopeful, numbers.tolist(), strict=True)):
            values = features.values(index, number, asked.query, features.Scores(
                float(asked.bm25[place]), asked.best_bm25, float(text_bm25[at]),
                float(headline_bm25[at]), asked.rank.get(number, 200),
                float(asked.similarity[place]), asked.best_similarity,
                float(text_rows[at] @ vector), float(headline_rows[at] @ vector)))  # fmt: skip
            same = number in asked.same
            score = SAME_TEXT if same else model.score(values)
            if score >= self.threshold:
                scored.append((score, number, features.Candidate(number, values), same))
        scored.sort(key=lambda found: (-found[0], found[1]))
        return [(score, number, reason_for(index, asked.query, candidate, model, same))
                for score, number, candidate, same in scored[:5]]  # fmt: skip


class _Postings:
    """A Bm25's postings as one sorted array of keys (stem number x archive size + document
    number), so that a query finds every (stem, document) it asks for in one search."""

    def __init__(self, bm25: Bm25, np: Any) -> None:
        self.np = np
        self.size = max(bm25.size, 1)
        self.stem_numbers = {stem: n for n, stem in enumerate(sorted(bm25.postings))}
        parts = [bm25.postings[stem] for stem in sorted(bm25.postings)]
        if parts:
            self.keys = np.concatenate([
                numbers.astype(np.int64) + n * self.size for n, (numbers, _) in enumerate(parts)
            ])  # fmt: skip
            self.weights = np.concatenate([weights for _, weights in parts])
        else:
            self.keys, self.weights = np.zeros(0, dtype=np.int64), np.zeros(0)

    def scores(self, stems: list[str], block: Any) -> tuple[Any, Any]:
        """BM25 of the block's documents and how many of the stems each holds. The additions
        are Bm25.scores', in the same order (stem by stem, as given; bincount adds in order)."""
        np = self.np
        asked = [self.stem_numbers[s] for s in stems if s in self.stem_numbers]
        if not asked or not len(self.keys):
            return np.zeros(len(block)), np.zeros(len(block))
        wanted = (np.asarray(asked, dtype=np.int64)[:, None] * self.size + block[None, :]).ravel()
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        held = np.flatnonzero(self.keys[at] == wanted)
        places = held % len(block)
        total = np.bincount(places, self.weights[at[held]], minlength=len(block))
        return total, np.bincount(places, minlength=len(block)).astype(np.float64)


def _top_of(scores: Any, block: Any, count: int, np: Any) -> Any:
    """Places of the `count` best scores, best first, ties by document order."""
    count = min(count, len(scores))
    top = np.argpartition(-scores, count - 1)[:count]
    return top[np.lexsort((block[top], -scores[top]))]
