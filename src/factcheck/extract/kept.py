"""What `extract` read of an article, kept in the user's cache by the digest of the text, so
that reading the same article again (another `--top`, `--min-score`, `--json`) answers at
once instead of loading spaCy's pipeline again (about 0.7 s of CPU before the first word:
issue 29, docs/performance.md).

What is kept is the article's summary: every sentence's candidate as `--json` prints it,
with its exact score and place, and what the command says beside them (the sentences, the
threshold, the language, the pieces cut). It is keyed by the text, the voice given to the
article's own sentences, the pipeline's package and version and the state of the package's
data files (the cache's version already holds factcheck's code and pydantic's). Read back,
it must be JSON `json_bytes` could have written, of exactly the shape written here
(`_summary_of`); anything else is read again from the article (docs/cache.md).

`--write` drafts from the candidates themselves (drafts.py): they are made again from the
summary, field for field (`remade`; tests/extract/test_kept.py holds the two equal), when
every candidate's text is the article's at its place, else the article is read again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.extract.run import Extraction
    from factcheck.folder.cache import Cache

KIND = "extract"


@dataclass(frozen=True)
class Ranked:
    """One sentence's candidate: its exact score and place decide whether and where it is
    shown; `shown` is its JSON as `--json` prints it, rank aside."""

    score: float
    number: int
    cut: bool  # a piece of a run too long for a sentence
    shown: dict[str, Any]


@dataclass(frozen=True)
class Summary:
    sentences: int
    threshold: float
    language_code: str
    language_name: str
    english: bool
    cut: int  # pieces of a run too long for a sentence, cut at spaces to be read
    candidates: list[Ranked]  # in the article's order

    def chosen(self, min_score: float | None, top: int | None) -> list[dict[str, Any]]:
        """The candidates at or above the threshold (`min_score`, else the model's), best
        first, at most `top`, each with its rank."""
        threshold = self.threshold if min_score is None else min_score
        kept = [c for c in self.candidates if c.score >= threshold]
        kept.sort(key=lambda c: (-c.score, c.number))
        return [{**c.shown, "rank": n} for n, c in enumerate(kept[:top], start=1)]


def summarise(found: Extraction) -> Summary:
    from factcheck.extract.output import candidate_json

    return Summary(
        sentences=len(found.candidates),
        threshold=found.threshold,
        language_code=found.language.code,
        language_name=found.language.name,
        english=found.language.english,
        cut=sum(1 for c in found.candidates if c.cut),
        candidates=[
            Ranked(c.score, c.number, c.cut, candidate_json(c, 0)) for c in found.candidates
        ],
    )


def summary(text: str, voice: str, cached: bool = True) -> Summary:
    """The article's summary: as kept in the user's cache for this text (unless `cached` is
    off), else read now and kept."""
    from factcheck.folder.cache import users_cache

    cache, key = users_cache(cached), _key(text, voice)
    found = _kept(cache, key)
    return found if found is not None else _read_now(text, voice, cache, key)[1]


def extraction(text: str, voice: str, cached: bool = True) -> tuple[Extraction, Summary]:
    """The article's sentences as `--write` drafts from them: made again from the summary
    kept for this text (every field of every candidate is in it), else read now, and the
    summary kept for the next run."""
    from factcheck.folder.cache import users_cache

    cache, key = users_cache(cached), _key(text, voice)
    found = _kept(cache, key)
    if found is not None and _of_the_text(found, text):
        return remade(found, text), found
    return _read_now(text, voice, cache, key)


def _kept(cache: Cache | None, key: bytes) -> Summary | None:
    kept = None if cache is None else cache.get_derived(Path(), KIND, key)
    return None if kept is None else _read(bytes(kept))


def _read_now(text: str, voice: str, cache: Cache | None, key: bytes) -> tuple[Extraction, Summary]:
    """The article read, its summary kept for the next run."""
    from factcheck.extract.run import extract

    found = extract(text, voice)
    made = summarise(found)
    if cache is not None:
        cache.put_derived(Path(), KIND, key, [_written(made)])
        cache.sweep_kind(KIND)
    return found, made


def remade(made: Summary, text: str) -> Extraction:
    """The extraction a summary was made of (tests/extract/test_kept.py holds the two equal,
    field for field, for the articles it reads)."""
    from factcheck.extract.output import part_of, relation_ends
    from factcheck.extract.run import Candidate, Extraction, Figure, Quote, Stated
    from factcheck.text.language import Language

    candidates = []
    for ranked in made.candidates:
        c, number = ranked.shown, ranked.number
        stated = []
        for r in c["relations"]:
            a_end, b_end = relation_ends(r["kind"])
            stated.append(Stated(r["kind"], r["figure"], part_of(r[a_end], number) or "",
                                 part_of(r[b_end], number) or "", r["words"]))  # fmt: skip
        candidates.append(Candidate(
            number, c["start"], c["end"], c["text"], c["speaker"], c["speaker_role"],
            c["attribution"]["cue"], c["attribution"]["start"], c["attribution"]["end"],
            c["kind"], [Quote(q["text"], q["start"], q["end"]) for q in c["quotes"]],
            [Figure(f["name"], f["value"], f["start"], f["end"], part_of(f["part_of"], number),
                    f["per"]) for f in c["figures"]],
            ranked.score, list(c["reason"]["signals"]), list(c["reason"]["words"]), stated,
            ranked.cut,
        ))  # fmt: skip
    language = Language(made.language_code, made.language_name)
    return Extraction(text, candidates, made.threshold, language)


def _of_the_text(made: Summary, text: str) -> bool:
    """Every candidate's text is the article's at its place: what drafts are written from
    is the article, whatever the cache holds."""
    return all(text[c.shown["start"] : c.shown["end"]] == c.shown["text"] for c in made.candidates)


def _key(text: str, voice: str) -> bytes:
    from factcheck.folder.cache import file_digest

    parts = [text, voice, *_pipeline(), *_data_files()]
    return file_digest(json.dumps(parts).encode("utf-8", "surrogatepass"))


def _pipeline() -> list[str]:
    """Which spaCy and which English pipeline would read the article, as installed."""
    from importlib import metadata

    from factcheck.text.pipeline import OFFICIAL, REUPLOAD

    found = []
    for package in ("spacy", OFFICIAL, REUPLOAD):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} none")
    return found


def _data_files() -> Iterator[str]:
    """The package's data files (the check-worthiness model, word lists) by size and time of
    change: the cache's version digests the code, not these."""
    import factcheck

    package = Path(factcheck.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix not in (".py", ".pyc", ".typed") and path.is_file():
            stat = path.stat()
            yield f"{path.relative_to(package)} {stat.st_size} {stat.st_mtime_ns}"


def _written(made: Summary) -> bytes:
    from factcheck import jsonout

    head = [made.sentences, made.threshold, made.language_code, made.language_name,
            made.english, made.cut]  # fmt: skip
    rows = [[c.score, c.number, c.cut, c.shown] for c in made.candidates]
    return jsonout.json_bytes([head, rows], indent=None)


def _read(raw: bytes) -> Summary | None:
    """A kept summary, or None when it is not JSON json_bytes could have written of the
    shape _written writes."""
    from factcheck import jsonout

    if not jsonout.made_by_json_bytes(raw):
        return None
    try:
        head, rows = json.loads(raw)
        sentences, threshold, code, name, english, cut = head
    except (ValueError, TypeError):
        return None
    if not (_is(sentences, int) and _is(threshold, float) and _is(code, str)
            and _is(name, str) and isinstance(english, bool) and _is(cut, int)
            and isinstance(rows, list) and len(rows) == sentences):  # fmt: skip
        return None
    candidates = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 4 and _is(row[0], float)
                and _is(row[1], int) and isinstance(row[2], bool)
                and _shaped(row[3], _CANDIDATE)):  # fmt: skip
            return None
        candidates.append(Ranked(row[0], row[1], row[2], row[3]))
    return Summary(sentences, threshold, code, name, english, cut, candidates)


def _is(value: Any, kind: type) -> bool:
    """JSON's number of this kind (a score may be written 1 or 0.5; never a bool)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float) if kind is float else kind)


_WHOLE: Any = ("optional", {"sentence": int, "figure": str})
_CANDIDATE: Any = {
    "rank": int, "sentence": int, "start": int, "end": int, "text": str, "score": float,
    "reason": {"signals": [str], "words": [str]},
    "speaker": str, "speaker_role": ("optional", str),
    "attribution": {"cue": str, "start": int, "end": int},
    "kind": str,
    "quotes": [{"text": str, "start": int, "end": int}],
    "figures": [{"name": str, "value": str, "start": int, "end": int, "part_of": _WHOLE,
                 "per": ("optional", str)}],
    "relations": [("relation",)],
}  # fmt: skip


def _shaped(value: Any, shape: Any) -> bool:
    """Whether a JSON value has this shape: a type, [shape] (a list of it), {key: shape}
    (exactly those keys, in that order), ("optional", shape), or ("relation",)."""
    if isinstance(shape, type):
        return _is(value, shape)
    if isinstance(shape, list):
        return isinstance(value, list) and all(_shaped(v, shape[0]) for v in value)
    if isinstance(shape, dict):
        return (isinstance(value, dict) and list(value) == list(shape)
                and all(_shaped(value[k], s) for k, s in shape.items()))  # fmt: skip
    if shape[0] == "optional":
        return value is None or _shaped(value, shape[1])
    return _a_relation(value)


def _a_relation(value: Any) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        return False
    from factcheck.extract.output import relation_ends

    ends = relation_ends(value["kind"])
    shape = {"kind": str, "figure": str, ends[0]: _WHOLE, ends[1]: _WHOLE, "words": str}
    return _shaped(value, shape)
