"""What `extract` keeps of an article (factcheck/extract/kept.py): read again, the same text
is answered from the cache without loading spaCy, byte for byte as when it was read, and a
kept summary that is not of the shape written is read again from the article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from factcheck.extract import kept
from factcheck.extract.article import read_article
from factcheck.folder.cache import KEPT_OF_KIND, Cache

ARTICLE = FIXTURES / "extract" / "article.txt"

# One run of the command as a user runs it, saying on stderr whether it loaded spaCy.
PROBE = (
    "import sys; from factcheck.cli import main\n"
    "sys.argv = ['factcheck', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print('spacy' in sys.modules, file=sys.stderr)"
)


def extract(cache: Path, *args: str) -> tuple[str, list[str]]:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, env=env, check=True)  # fmt: skip
    return done.stdout, done.stderr.splitlines()


def test_an_article_read_again_is_answered_from_the_cache_without_spacy(tmp_path):
    _, said = extract(tmp_path, "extract", str(ARTICLE))
    assert said[-1] == "True"  # read: the pipeline parsed it
    for options in ([], ["--min-score", "0", "--json"], ["--top", "2"], ["--format", "jsonl"]):
        read, read_err = extract(tmp_path, "--no-cache", "extract", str(ARTICLE), *options)
        again, again_err = extract(tmp_path, "extract", str(ARTICLE), *options)
        assert again_err[-1] == "False"  # kept: nothing parsed
        assert again == read and again_err[:-1] == read_err[:-1]
    assert "Omar Reyes" in read


def test_no_cache_keeps_nothing_and_write_drafts_the_same_from_what_was_kept(tmp_path):
    cache = tmp_path / "cache"
    extract(cache, "--no-cache", "extract", str(ARTICLE))
    assert not any(cache.rglob("*.extract"))
    written = {}
    for how in ("--no-cache", "kept"):
        claims = tmp_path / how / "claims"
        flags = ["--no-cache"] if how == "--no-cache" else []
        if how == "kept":
            extract(cache, "extract", str(ARTICLE))  # read first, as a desk reads the drafts
        _, said = extract(cache, *flags, "extract", str(ARTICLE), "--write",
                          str(claims / "d.toml"), "--topic", "budget", "--claims", str(claims),
                          "--url", "https://www.rivertoncourier.com/story")  # fmt: skip
        assert "added to" in "\n".join(said)
        assert said[-1] == ("True" if how == "--no-cache" else "False")  # spaCy loaded?
        written[how] = (claims / "d.toml").read_text(encoding="utf-8")
    assert written["kept"] == written["--no-cache"] and "rivertoncourier" in written["kept"]


def test_what_is_kept_makes_the_extraction_again_field_for_field():
    from factcheck.extract.run import extract as read

    for name in ("article.txt", "figures.txt"):
        text = (FIXTURES / "extract" / name).read_text(encoding="utf-8")
        found = read(text, "the article")
        made = kept._read(kept._written(kept.summarise(found)))
        assert made is not None and kept.remade(made, text) == found


def test_the_voice_of_the_articles_own_sentences_is_part_of_the_key(tmp_path):
    plain, _ = extract(tmp_path, "extract", str(ARTICLE), "--min-score", "0", "--json")
    named, _ = extract(tmp_path, "extract", str(ARTICLE), "--min-score", "0", "--json",
                       "--outlet", "Riverton Courier")  # fmt: skip
    speakers = {c["speaker"] for c in json.loads(named)["candidates"]}
    assert "Riverton Courier" in speakers
    assert "Riverton Courier" not in {c["speaker"] for c in json.loads(plain)["candidates"]}


def summary_bytes() -> bytes:
    made = kept.Summary(3, 0.5, "en", "English", True, 0, [
        kept.Ranked(0.75, 0, False, _candidate()), kept.Ranked(0.25, 1, False, _candidate()),
        kept.Ranked(0.75, 2, False, _candidate()),
    ])  # fmt: skip
    return kept._written(made)


def _candidate(**changed):
    shown = {
        "rank": 0, "sentence": 1, "start": 0, "end": 5, "text": "Hello", "score": 0.75,
        "reason": {"signals": ["states a figure"], "words": ["said"]},
        "speaker": "Omar Reyes", "speaker_role": None,
        "attribution": {"cue": "said", "start": 0, "end": 4}, "kind": "paraphrase",
        "quotes": [{"text": "Hi", "start": 1, "end": 3}],
        "figures": [{"name": "jobs", "value": "9", "start": 2, "end": 3,
                     "part_of": {"sentence": 1, "figure": "all"}, "per": "a day"}],
        "relations": [{"kind": "change", "figure": "d", "from": None,
                       "to": {"sentence": 1, "figure": "b"}, "words": "from a to b"}],
    }  # fmt: skip
    return {**shown, **changed}


def test_a_kept_summary_reads_back_as_written_and_ranks_as_the_command_does():
    found = kept._read(summary_bytes())
    assert found is not None and found.sentences == 3
    ranked = found.chosen(None, None)
    # at or above 0.5, best first, ties in the article's order, ranked from 1
    assert [r["rank"] for r in ranked] == [1, 2] and next(iter(ranked[0])) == "rank"
    assert found.chosen(0.0, 2) == [_candidate(rank=1), _candidate(rank=2)]
    assert found.chosen(0.8, None) == []


@pytest.mark.parametrize(
    "forged",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: raw.replace(b'"Omar Reyes"', b'"Omar \x1b[2J"'),  # a terminal's control
        lambda raw: raw.replace(b'"Omar Reyes"', b"7"),  # a speaker that is not text
        lambda raw: raw.replace(b'"kind":"paraphrase",', b""),  # a field missing
        lambda raw: raw.replace(b'"from":null', b'"part":null'),  # a change with a share's ends
        lambda raw: raw.replace(b"[3,0.5,", b"[4,0.5,"),  # more sentences than candidates
        lambda raw: raw.replace(b"0.25,1,", b"true,1,"),  # a score that is not a number
        lambda raw: raw.replace(b"0.25,1,false", b"0.25,1,0"),  # a cut flag that is no bool
        lambda raw: raw.replace(b'"per":"a day"', b'"per":["a day"]'),  # a rate not text
    ],
)
def test_a_kept_summary_not_of_the_shape_written_is_not_used(forged):
    raw = summary_bytes()
    assert kept._read(raw) is not None
    assert forged(raw) != raw
    assert kept._read(forged(raw)) is None


def test_a_forged_summary_in_the_cache_is_read_again_from_the_article(tmp_path):
    first, _ = extract(tmp_path, "extract", str(ARTICLE), "--json")
    [stored] = tmp_path.rglob("*.extract")
    cache = Cache(tmp_path)
    text = read_article(ARTICLE.read_bytes(), str(ARTICLE))
    forged = summary_bytes().replace(b'"Omar Reyes"', b"7")
    cache.put_derived(Path(), kept.KIND, kept._key(text, "the article"), [forged])
    assert stored.exists()  # the same place, now holding the forgery under a valid checksum
    again, said = extract(tmp_path, "extract", str(ARTICLE), "--json")
    assert said[-1] == "True" and again == first
    # a summary of the right shape whose sentences are not the article's drafts nothing
    cache.put_derived(Path(), kept.KIND, kept._key(text, "the article"), [summary_bytes()])
    claims = tmp_path / "claims"
    _, said = extract(tmp_path, "extract", str(ARTICLE), "--write", str(claims / "d.toml"),
                      "--topic", "budget", "--claims", str(claims))  # fmt: skip
    assert said[-1] == "True"  # read again
    assert "Hello" not in (claims / "d.toml").read_text(encoding="utf-8")


def test_extract_keeps_the_newest_few_articles(tmp_path):
    cache = Cache(tmp_path)
    for n in range(KEPT_OF_KIND["extract"] + 3):
        cache.put_derived(Path(), kept.KIND, bytes([n]) * 32, [summary_bytes()])
        os.utime(cache.folder / cache._by_state(bytes([n]) * 32, kept.KIND).name, (n, n))
    cache.sweep_kind(kept.KIND)
    left = sorted(p.stat().st_mtime for p in cache.folder.glob("*.extract"))
    assert left == list(range(3, KEPT_OF_KIND["extract"] + 3))
