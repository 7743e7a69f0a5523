"""`factcheck extract` on the seed article (../shared/seeds/), against the claims the desk
recorded from it by hand (claims/): is each found among the candidates, with the same speaker
and every figure it records? Then the drafts are written into a scratch folder and validated,
and the time is taken of a 5,000-word article and of articles one after another on stdin.

    python benchmarks/extract_seed.py            # prints a Markdown table and the figures
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "seeds" / "newsom-noem-detainers-article.txt"


def factcheck(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin,
                          capture_output=True, check=False)  # fmt: skip


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def same_claim(claim: dict[str, object], candidate: dict[str, object]) -> bool:
    """The candidate's sentence holds the claim: at least half the claim's longer words (the
    desk often cut or paraphrased a little), and every figure it records."""
    values = {q["value"] for q in claim["quantities"].values()}  # type: ignore[attr-defined]
    wanted = words(str(claim["text"]))
    have = words(str(candidate["text"]))
    figures = {f["value"] for f in candidate["figures"]}  # type: ignore[attr-defined]
    return values <= figures and len(wanted & have) >= len(wanted) / 2


def main() -> int:
    if not ARTICLE.is_file():
        print(f"no article: {ARTICLE} is missing", file=sys.stderr)
        return 2
    found = json.loads(factcheck("extract", str(ARTICLE), "--json").stdout)
    every = json.loads(factcheck("extract", str(ARTICLE), "--json", "--min-score", "0").stdout)
    recorded = json.loads(factcheck("list", "--json", "--claims", str(ROOT / "claims")).stdout)
    print(f"{len(found['candidates'])} candidates of {found['sentences']} sentences "
          f"(threshold {found['threshold']})\n")  # fmt: skip
    print("| recorded claim | speaker | figures | its sentence | score | speaker found | found |")
    print("|---|---|---|---|---|---|---|")
    hits = {"default": 0, "every": 0}
    for claim in recorded:
        values = sorted(q["value"] for q in claim["quantities"].values())
        sentence = next((c for c in every["candidates"] if same_claim(claim, c)), None)
        if sentence is None:
            print(f"| {claim['id']} | {claim['speaker']} | {', '.join(values) or '-'} | "
                  "not found | | | no |")  # fmt: skip
            continue
        right = sentence["speaker"] == claim["speaker"]
        listed = any(c["sentence"] == sentence["sentence"] for c in found["candidates"])
        hits["every"] += right
        hits["default"] += right and listed
        verdict = ("yes" if right and listed else "below the threshold" if right
                   else "other speaker")  # fmt: skip
        print(f"| {claim['id']} | {claim['speaker']} | {', '.join(values) or '-'} | "
              f"{sentence['sentence']} | {sentence['score']:.2f} | {sentence['speaker']} | "
              f"{verdict} |")  # fmt: skip
    print(f"\nfound with the same speaker and every figure: {hits['default']} of {len(recorded)} "
          f"among the candidates listed by default; {hits['every']} of {len(recorded)} among "
          "every sentence (--min-score 0)")  # fmt: skip
    parts = [(c["sentence"], f["name"], f["part_of"]) for c in found["candidates"]
             for f in c["figures"] if f["part_of"]]  # fmt: skip
    print(f"parts of a whole: {parts}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "claims"
        folder.mkdir()
        (folder / "desk.toml").write_text("# a new desk\n", encoding="utf-8")
        wrote = factcheck("extract", str(ARTICLE), "--write", str(folder / "drafts.toml"),
                          "--topic", "detainers", "--outlet", "Benzinga",
                          "--claims", str(folder))  # fmt: skip
        print(f"--write: exit {wrote.returncode}: {wrote.stderr.decode().strip()}")
        valid = factcheck("validate", "--claims", str(folder))
        print(f"validate: exit {valid.returncode}: {valid.stdout.decode().strip()}")
        checked = factcheck("check", "--claims", str(folder))
        print(f"check: exit {checked.returncode}")
        print(checked.stdout.decode())
    text = ARTICLE.read_text(encoding="utf-8")
    big = "\n".join([text] * 17).encode()
    # --no-cache: each run reads its text, as a new article is read (the same text again is
    # answered from the cache: extract/kept.py)
    start = time.perf_counter()
    factcheck("--no-cache", "extract", "-", "--json", stdin=big)
    print(f"a {len(big.split()):,}-word article: {time.perf_counter() - start:.2f} s")
    for count in (10, 20):
        start = time.perf_counter()
        for _ in range(count):
            factcheck("--no-cache", "extract", "-", "--json", stdin=text.encode())
        print(f"{count} articles, one after another on stdin: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
