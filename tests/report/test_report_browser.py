"""`factcheck report` in a real browser (issue 30): headless Chromium, driven by Playwright, opens
the page of the seed corpus and of a hostile fixture. Nothing may fetch, nothing from a record may
run, the console stays clean, the JSON-LD a search engine reads from the rendered page is
`export`'s, the text meets WCAG AA contrast, and a phone-wide window needs no sideways scrolling.
Screenshots at 1280 and 390 pixels are kept in $FACTCHECK_ARTEFACTS (default build/artefacts).

Marked `browser`: the README's quick command leaves them out; `.ci/run` installs Debian's
chromium-headless-shell and Playwright and runs them with FACTCHECK_REQUIRE_BROWSER=1, so that
there a missing browser fails instead of skipping."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT, reviewed_seed, run

pytestmark = pytest.mark.browser

BROWSERS = ("chromium-headless-shell", "chromium", "google-chrome")
# Chromium's own calls home would show as requests and fail on a closed network.
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ARTEFACTS = Path(os.environ.get("FACTCHECK_ARTEFACTS", ROOT / "build" / "artefacts"))

# Each element's own text against the background it is drawn on (for SVG text the last shape
# drawn under it, else the nearest ancestor with an opaque background), as WCAG 2 computes it;
# large text (24px, or 18.66px bold) needs 3:1.
CONTRAST = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  // SVG text sits on the shapes drawn before it that it overlaps, not on its parents.
  const overlaps = (a, b) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const under = el => { if (!(el instanceof SVGTextElement)) return null;
    const box = el.getBoundingClientRect(); let hit = null;
    for (const shape of el.ownerSVGElement.querySelectorAll('rect')) {
      const before = shape.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
      const fill = rgb(getComputedStyle(shape).fill);
      const drawn = before && fill.length && overlaps(box, shape.getBoundingClientRect());
      if (drawn) hit = fill.slice(0, 3);
    }
    return hit; };
  const background = el => { const drawn = under(el); if (drawn) return drawn;
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] === 1) return c.slice(0, 3); } return [255, 255, 255]; };
  const low = [];
  for (const el of document.querySelectorAll('body, body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const fg = rgb(el instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) low.push([el.tagName, el.textContent.trim().slice(0, 40), ratio]);
  }
  return low;
}"""


def chromium() -> str | None:
    chosen = os.environ.get("FACTCHECK_CHROMIUM")
    return chosen or next((p for name in BROWSERS if (p := shutil.which(name))), None)


def missing(reason: str) -> None:
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (FACTCHECK_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright is not installed: pip install -e '.[browser]'")
    executable = chromium()
    if executable is None:
        missing("no Chromium found: apt-get install chromium-headless-shell")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=QUIET)
        yield launched
        launched.close()


class Opened:
    """A report opened at one width, with everything it asked for and said on the way."""

    def __init__(self, browser: Any, path: Path, width: int) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        own = path.resolve().as_uri()
        self.page.route("**/*", self._route(own))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(own, wait_until="load")

    def _route(self, own: str) -> Any:
        def route(handled: Any) -> None:
            if handled.request.url == own:
                handled.continue_()
            else:
                self.requests.append(handled.request.url)
                handled.abort()

        return route

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def screenshot(self, name: str) -> Path:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTEFACTS / name
        self.page.screenshot(path=str(shot), full_page=True)
        return shot

    def json_ld(self) -> list[Any]:
        texts = self.page.eval_on_selector_all(
            'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
        )
        return [json.loads(t) for t in texts]


def report(tmp_path: Path, claims: Path) -> Path:
    page = tmp_path / "report.html"
    result = run("report", "--claims", claims, "-o", page, "--publisher", "The Example Desk")
    assert result.exit_code == 0, result.stderr
    return page


@pytest.mark.parametrize("width", [1280, 390])
def test_the_seed_report_renders_clean_offline_and_readable(browser, tmp_path, width):
    claims = reviewed_seed(tmp_path)
    opened = Opened(browser, report(tmp_path, claims), width)
    assert opened.page.locator("article").count() == 1
    assert "about one in eight" in opened.page.inner_text("article")
    assert opened.page.locator("article svg").count() >= 1  # the share drawn
    assert opened.errors == [] and opened.requests == [] and opened.dialogs == []
    assert opened.page.evaluate(CONTRAST) == []
    # a phone reads it top to bottom: nothing wider than the window
    assert opened.page.evaluate("document.documentElement.scrollWidth") <= width
    assert opened.screenshot(f"report-seed-{width}.png").stat().st_size > 0


def test_search_engines_read_exports_json_ld_from_the_rendered_page(browser, tmp_path):
    claims = reviewed_seed(tmp_path)
    opened = Opened(browser, report(tmp_path, claims), 1280)
    exported = run("export", "--claims", claims, "--publisher", "The Example Desk")
    assert exported.exit_code == 0, exported.stderr
    assert opened.json_ld() == [json.loads(exported.stdout)]


@pytest.mark.parametrize("width", [1280, 390])
def test_nothing_from_a_hostile_record_runs_or_fetches(browser, tmp_path, width):
    opened = Opened(browser, report(tmp_path, FIXTURES / "report"), width)
    assert opened.dialogs == [] and opened.requests == [] and opened.errors == []
    shown = opened.page.inner_text("body")
    assert "<script>alert('text')</script>" in shown  # shown as text
    assert "Mallory </script><script>alert(1)</script>" in shown
    assert opened.page.evaluate(CONTRAST) == []
    assert opened.page.locator("body script, body img, body iframe").count() == 0
    assert opened.page.evaluate("document.documentElement.scrollWidth") <= width
    opened.screenshot(f"report-hostile-{width}.png")
