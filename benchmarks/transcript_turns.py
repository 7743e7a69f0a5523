"""Transcript turns: does each sentence of a labelled line get the line's speaker?

    python benchmarks/transcript_turns.py      # needs ../shared/data (not in a plain clone)

Writes each CheckThat! 2021 debate or speech of ../shared/data/check-worthiness-debates/dev.jsonl
as a transcript ("Donald Trump: ...", the speaker as the data gives it, one line a line of the
data), runs extract's attribution over it, and counts, over the sentences of people speaking
(SYSTEM lines, applause, left out), those whose speaker is the line's (a word of the label in
the speaker), the article's own voice, or someone else.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from factcheck.extract.attribution import attribute_all
from factcheck.text.sentences import split

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "check-worthiness-debates"


def main() -> int:
    if not DATA.is_dir():
        print(f"no data: {DATA} is missing", file=sys.stderr)
        return 2
    speeches: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in (DATA / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        speeches[row["debate"]].append(row)
    counts = {"the line's speaker": 0, "the article": 0, "someone else": 0}
    for lines in speeches.values():
        text = "".join(f"{r['speaker']}: {r['text']}\n" for r in lines)
        ends, at = [], 0
        for r in lines:
            at += len(r["speaker"]) + 2 + len(r["text"]) + 1
            ends.append((at, r["speaker"]))
        sentences = split(text)
        for sentence, said in zip(sentences, attribute_all(sentences, text, "the article"),
                                  strict=True):  # fmt: skip
            label = next(speaker for end, speaker in ends if sentence.start < end)
            if label != "SYSTEM":
                counts[_kind(said.speaker, label)] += 1
    total = sum(counts.values())
    print(f"{len(speeches)} speeches, {total:,} sentences of people speaking:")
    for name, n in counts.items():
        print(f"  {name:20} {n:6,} ({n / total:.3f})")
    return 0


def _kind(speaker: str, label: str) -> str:
    if speaker == "the article":
        return "the article"
    words = [w for w in label.replace(".", " ").split() if len(w) > 2]
    return "the line's speaker" if any(w.lower() in speaker.lower() for w in words) else (
        "someone else")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
