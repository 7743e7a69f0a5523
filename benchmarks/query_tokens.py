"""The merges kept for queries (text/bpe.py) against the tokenizer library, on real text:
every query, verified claim, tweet and sentence of ../shared/data tokenized both ways.

    python benchmarks/query_tokens.py      # about 3 minutes: the table is slow in bulk

Prints, per source, how many texts the table tokenizes (the rest, longer than
bpe.MAX_CHARACTERS or holding an added token, go to the library), how many of those differ
from the library's tokens (0 is the only acceptable count), and the time of each way; then
what building the library's tokenizer and loading the kept table cost.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from factcheck.text import bpe, embeddings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def sources() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for folder in ("claim-matching", "claim-matching-debates"):
        for name in ("train.queries.tsv", "dev.queries.tsv", "verified_claims.tsv"):
            path = DATA / folder / name
            if path.exists():
                lines = path.read_text(encoding="utf-8").splitlines()
                found[f"{folder}/{name}"] = [c for line in lines for c in line.split("\t")[1:]]
    for name in ("check-worthiness/train.jsonl", "check-worthiness/dev.jsonl",
                 "check-worthiness-debates/train.jsonl", "check-worthiness-debates/dev.jsonl",
                 "check-worthiness-debates/tweets/dev.jsonl"):  # fmt: skip
        path = DATA / name
        if path.exists():
            rows = path.read_text(encoding="utf-8").splitlines()
            found[name] = [json.loads(row)["text"] for row in rows if row.strip()]
    return found


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"no data: {DATA} is missing")
    config = embeddings.tokenizer_file().read_bytes()
    started = time.perf_counter()
    made = bpe.from_tokenizer(config)
    build_table = time.perf_counter() - started
    if made is None:
        sys.exit("the installed tokenizer is not one bpe.py reads")
    kept = b"".join(made.to_bytes())
    started = time.perf_counter()
    table = bpe.Table.from_bytes(kept)
    load_table = time.perf_counter() - started
    assert table is not None
    started = time.perf_counter()
    library = embeddings._tokenizer()
    build_library = time.perf_counter() - started
    print("| source | texts | by the table | differ | table s | library s |")
    print("|---|---|---|---|---|---|")
    for name, texts in sources().items():
        read = differ = 0
        ours = theirs = 0.0
        for text in texts:
            started = time.perf_counter()
            mine = table.encode(text)
            middle = time.perf_counter()
            ids = library.encode(text, add_special_tokens=False).ids
            ours, theirs = ours + middle - started, theirs + time.perf_counter() - middle
            if mine is not None:
                read += 1
                differ += mine != ids
        print(f"| {name} | {len(texts):,} | {read:,} | {differ} | {ours:.2f} | {theirs:.2f} |")
    print(f"\nbuilding the library's tokenizer {build_library * 1000:.1f} ms; making the table "
          f"{build_table * 1000:.1f} ms (once); loading it kept ({len(kept):,} bytes) "
          f"{load_table * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
