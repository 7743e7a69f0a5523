"""Time and peak memory of `factcheck report` over a folder of reviewed claims (issue 30: 1,000
reviewed claims written in under 2 s), as whole processes, at two sizes.

    python benchmarks/report_size.py [N ...]      # default 500 1000
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
from pathlib import Path

RATINGS = "".join(
    f'[[ratings]]\nid = "r{n}"\nlabel = "Rating {n}"\nvalue = {n}\nbest = 5\nworst = 1\n\n'
    for n in range(1, 6)
)


def folder(root: Path, size: int) -> Path:
    claims = root / "claims"
    claims.mkdir()
    records = [RATINGS]
    for n in range(size):
        records.append(
            f'[[claims]]\nid = "c{n}"\nspeaker = "Speaker {n % 37}"\ntopics = ["t{n % 5}"]\n'
            f'text = "Spending on program {n} rose 50%, from {100 + n} to {150 + n}."\n'
            f'quantities = {{ before = "{100 + n}", after = "{150 + n}", rise = {{ value = '
            f'"rose 50%", from = "before", to = "after" }} }}\n'
            f'review = {{ rating = "r{1 + n % 5}", date = 2025-01-02, url = '
            f'"https://desk.example/r/{n}", rationale = "Checked against the budget." }}\n\n'
        )
    (claims / "reviews.toml").write_text("".join(records), encoding="utf-8")
    return claims


def timed(args: list[str]) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "factcheck", "--no-cache", *args], check=True,
                   stderr=subprocess.DEVNULL)  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), after.ru_maxrss


def main(argv: list[str]) -> int:
    for size in [int(a) for a in argv] or [500, 1000]:
        with tempfile.TemporaryDirectory() as scratch:
            claims = folder(Path(scratch), size)
            page = Path(scratch) / "report.html"
            cpu, peak = timed(["report", "--claims", str(claims), "-o", str(page)])
            kb = page.stat().st_size // 1024
            print(f"{size:>6} reviewed claims  {cpu:5.2f} s CPU  peak {peak // 1024:>4} MB  "
                  f"page {kb:,} KB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
