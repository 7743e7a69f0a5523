"""Import the real ClaimReview files in ../shared/data/claimreview into a scratch claims folder,
validate it, list what was kept, import again (nothing must be added), and export the result.

    python benchmarks/claimreview_real.py            # the files in ../shared/data/claimreview
    python benchmarks/claimreview_real.py FILE...    # other real files

Whole processes, as a desk would run them; prints each command's exit code and output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "claimreview"


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, check=False)  # fmt: skip
    print(f"$ factcheck {' '.join(args)}  -> exit {done.returncode}")
    for line in (done.stderr.strip().splitlines())[-6:]:
        print(f"  {line}")
    return done


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(p for p in DATA.glob("*.json*"))
    if not files:
        print(f"no files: put real ClaimReview files in {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        claims = Path(scratch) / "claims"
        claims.mkdir()
        (claims / "desk.toml").write_text("# a new desk's folder\n", encoding="utf-8")
        for path in files:
            factcheck("import", str(path), "--claims", str(claims), "--topic", "imported")
        factcheck("validate", "--claims", str(claims))
        listed = json.loads(factcheck("list", "--json", "--claims", str(claims)).stdout)
        for claim in listed:
            review = claim["review"] or {}
            print(f"  {claim['id']}: {claim['text'][:60]!r} by {claim['speaker']!r}; rating "
                  f"{review.get('rating') or review.get('textual_rating')!r}; "
                  f"{review.get('url')}; language {claim['language']}")  # fmt: skip
        before = {p.name: p.read_bytes() for p in claims.iterdir()}
        for path in files:
            factcheck("import", str(path), "--claims", str(claims), "--topic", "imported")
        after = {p.name: p.read_bytes() for p in claims.iterdir()}
        print(f"second import changed the folder: {before != after}")
        exported = json.loads(factcheck("export", "--all", "--claims", str(claims)).stdout)
        print(f"exported {len(exported['@graph'])} ClaimReview objects")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
