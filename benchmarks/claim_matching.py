"""`factcheck match` on the CLEF-2020 CheckThat! Task 2 data (../shared/data/claim-matching):
has this tweet's claim been fact-checked already?

    python benchmarks/claim_matching.py

The 10,375 Snopes verified claims are written as ClaimReview JSON-LD (claim and headline; the
data gives no rating, so each review says only "see the fact-check"), imported with
`factcheck import` into a scratch folder, and each split's tweets are matched with one
`factcheck match --queries` run, twice: cold (an empty cache: the folder is loaded and the index
built) and warm (both from the cache). Prints MAP@5, MAP@1, recall@5
and the time of each step, on train (which the ranker was fitted to) and dev (which it was
not), beside the plain BM25 baseline of the data's README. Whole processes, as a desk runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from claim_matching_data import DATA, measures, qrels, queries, verified_claims

BASELINE = {"train": 0.811, "dev": 0.756}  # plain BM25 over claim and headline, the README's


def claimreview(claims: list[tuple[str, str, str]]) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@graph": [{
            "@type": "ClaimReview",
            "claimReviewed": text,
            "headline": headline,
            "itemReviewed": {"@type": "Claim", "@id": f"urn:factcheck:claim:vclaim-{vclaim}"},
            "author": {"@type": "Organization", "name": "Snopes"},
            "reviewRating": {"@type": "Rating", "alternateName": "see the fact-check"},
        } for vclaim, text, headline in claims],
    }  # fmt: skip


def factcheck(*args: str, stdin: bytes | None = None) -> tuple[bytes, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin,
                          capture_output=True, check=False)  # fmt: skip
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"factcheck {' '.join(args)} exited {done.returncode}: {done.stderr[-800:]!r}")
    return done.stdout, took


def main() -> int:
    if not DATA.is_dir():
        print(f"no data: {DATA} is missing", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["FACTCHECK_CACHE_DIR"] = str(Path(scratch) / "cache")
        claims = Path(scratch) / "claims"
        claims.mkdir()
        (claims / "desk.toml").write_text("# the archive\n", encoding="utf-8")
        reviews = Path(scratch) / "snopes.jsonld"
        reviews.write_text(json.dumps(claimreview(verified_claims())), encoding="utf-8")
        _, took = factcheck("import", str(reviews), "--claims", str(claims), "--topic", "snopes")
        print(f"import of 10,375 ClaimReviews: {took:.1f} s")
        print("split  MAP@5  MAP@1  recall@5  BM25 MAP@5  queries  cold s  warm s")
        for split in ("train", "dev"):
            asked = "".join(json.dumps({"id": q, "text": t}) + "\n"
                            for q, t in queries(split).items()).encode()  # fmt: skip
            args = ("match", "--queries", "-", "--claims", str(claims))
            shutil.rmtree(os.environ["FACTCHECK_CACHE_DIR"], ignore_errors=True)  # a cold run
            output, cold = factcheck(*args, stdin=asked)
            again, warm = factcheck(*args, stdin=asked)
            if again != output:
                sys.exit("a warm run gave other matches than the cold run")
            ranked = {}
            for line in output.splitlines():
                answer = json.loads(line)
                ranked[answer["id"]] = [m["id"].removeprefix("vclaim-")
                                        for m in answer["matches"]]  # fmt: skip
            found = measures(ranked, qrels(split))
            print(f"{split:<5}  {found['MAP@5']:.3f}  {found['MAP@1']:.3f}  "
                  f"{found['recall@5']:.3f}     {BASELINE[split]:.3f}       {len(ranked):>5}  "
                  f"{cold:6.1f}  {warm:6.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
