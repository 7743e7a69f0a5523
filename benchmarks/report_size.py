"""Time and peak memory of `factcheck report` over a folder of reviewed claims (issue 30: 1,000
reviewed claims written in under 2 s, and opened in Chromium in under 2 s), as whole processes, at
two sizes. The page is opened in headless Chromium through Playwright where both are installed
(`pip install -e '.[browser]'`, Debian's chromium-headless-shell): wall time from navigation to
the page laid out in full, nothing fetched.

    python benchmarks/report_size.py [N ...]      # default 500 1000
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BROWSERS = ("chromium-headless-shell", "chromium", "google-chrome")
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

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


def opened(page: Path) -> str:
    """Seconds from navigation to the whole page laid out, in headless Chromium."""
    executable = next((p for name in BROWSERS if (p := shutil.which(name))), None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "not opened (no Playwright)"
    if executable is None:
        return "not opened (no Chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=QUIET)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        own = page.resolve().as_uri()
        tab.route("**/*", lambda r: r.continue_() if r.request.url == own else r.abort())
        start = time.perf_counter()
        tab.goto(own, wait_until="load")
        tab.evaluate("document.documentElement.scrollHeight")  # forces the full layout
        seconds = time.perf_counter() - start
        browser.close()
    return f"opened in Chromium in {seconds:.2f} s"


def main(argv: list[str]) -> int:
    for size in [int(a) for a in argv] or [500, 1000]:
        with tempfile.TemporaryDirectory() as scratch:
            claims = folder(Path(scratch), size)
            page = Path(scratch) / "report.html"
            cpu, peak = timed(["report", "--claims", str(claims), "-o", str(page)])
            kb = page.stat().st_size // 1024
            print(f"{size:>6} reviewed claims  {cpu:5.2f} s CPU  peak {peak // 1024:>4} MB  "
                  f"page {kb:,} KB  {opened(page)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
