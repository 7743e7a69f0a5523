"""`factcheck report` (issue 30): a page of the desk's verdicts, on fixtures written for these
tests: the reviewed corpus (tests/fixtures/reviewed, checked against a golden page) and a
hostile one whose every string tries to run (tests/fixtures/report)."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES, GOLDEN, reviewed_seed, run

HOSTILE = FIXTURES / "report"


class Elements(HTMLParser):
    """Every element of a page, with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def page(tmp_path, claims, *args):
    target = tmp_path / "report.html"
    result = run("report", "--claims", claims, "-o", target, *args)
    assert result.exit_code == 0, result.stderr
    parsed = Elements()
    parsed.feed(target.read_text(encoding="utf-8"))
    return target.read_text(encoding="utf-8"), parsed


def test_the_page_carries_exports_json_ld_exactly(tmp_path):
    reviewed = FIXTURES / "reviewed"
    _, parsed = page(tmp_path, reviewed, "--publisher", "The Example Desk")
    (script,) = parsed.scripts
    exported = run("export", "--claims", reviewed, "--publisher", "The Example Desk")
    assert json.loads(script) == json.loads(exported.stdout)


def test_the_reviewed_corpus_page_matches_its_golden_copy(tmp_path):
    """A layout change shows in review (FACTCHECK_UPDATE_GOLDEN=1 writes the copy anew)."""
    html, _ = page(tmp_path, FIXTURES / "reviewed", "--publisher", "The Example Desk")
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        (GOLDEN / "report.html").write_text(html, encoding="utf-8")
    assert html == (GOLDEN / "report.html").read_text(encoding="utf-8")


def test_the_reviewed_seed_page_matches_its_golden_copy(tmp_path):
    """The seed corpus's page, its check drawn: a layout change shows in review."""
    html, _ = page(tmp_path, reviewed_seed(tmp_path), "--publisher", "The Example Desk")
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1":
        (GOLDEN / "report-seed.html").write_text(html, encoding="utf-8")
    assert html == (GOLDEN / "report-seed.html").read_text(encoding="utf-8")


def test_nothing_from_a_record_runs_or_loads(tmp_path):
    html, parsed = page(tmp_path, HOSTILE)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]  # the JSON-LD alone
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "b", "iframe", "object")]
    assert all(not name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "&lt;script&gt;alert(&#x27;text&#x27;)&lt;/script&gt;" in html
    assert "Mallory &lt;/script&gt;" in html
    # offline: nothing is fetched but the links a reader follows
    fetched = [a.get("src") for _, a in parsed.tags if a.get("src")]
    assert fetched == [] and "@import" not in html and "url(" not in html


def test_a_check_is_drawn_with_what_it_says_in_words(tmp_path):
    _, parsed = page(tmp_path, HOSTILE)
    charts = [a for tag, a in parsed.tags if tag == "svg"]
    labels = [a["aria-label"] for a in charts]
    assert "False <b>bold</b>: 1 on a scale from 1 to 3" in labels
    # a change as two bars, before and after, with the claimed and computed change
    assert "from 100 to 180: claimed rose 50%, computed +80%: inconsistent" in labels
    assert all(a.get("role") == "img" for a in charts)


def test_markdown_has_no_raw_html_and_its_charts_beside_it(tmp_path):
    target = tmp_path / "report.md"
    result = run("report", "--claims", HOSTILE, "--format", "markdown", "-o", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    # every < is escaped (a backslash before it), but that of a link's <destination>
    assert not re.search(r"(?<![\\(])<", text) and "\\<script\\>" in text
    charts = sorted(p.name for p in tmp_path.glob("report-*.svg"))
    assert charts == ["report-1.svg", "report-2.svg"]
    assert all(f"]({name})" in text for name in charts)


def test_an_unknown_claim_is_a_usage_error(tmp_path):
    result = run("report", "--claims", HOSTILE, "--claim", "nope", "-o", tmp_path / "r.html")
    assert result.exit_code == 2 and "no such claim" in result.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_only_the_claims_asked_for(tmp_path, fmt):
    target = tmp_path / "r.out"
    result = run("report", "--claims", FIXTURES / "reviewed", "--publisher", "The Example Desk",
                 "--claim", "noem-misinformation", "--format", fmt, "-o", target)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Federal officials" not in target.read_text(encoding="utf-8")


def test_each_kind_of_check_gets_its_chart(write_claims, tmp_path):
    folder = write_claims(
        '[[claims]]\nid = "p"\nspeaker = "S"\ntopics = ["t"]\ntext = "Of 100 released, 70 '
        'were adults and 45 minors."\nquantities = { total = "100", adults = { value = "70", '
        'part_of = "total" }, minors = { value = "45", part_of = "total" }, share = "13.7%" }\n'
        'review = { textual_rating = "False", url = "https://desk.example/p" }\n\n'
        '[[checks]]\nid = "s"\ncompute = "p.minors / 330"\nclaim = "p.share"\n'
    )
    _, parsed = page(tmp_path, folder)
    labels = [a["aria-label"] for tag, a in parsed.tags if tag == "svg"]
    assert "parts 70 + 45 against the whole 100: gross" in labels  # a stacked bar
    assert any(label.startswith("claimed 13.7% (13.7%), computed 13.64%") for label in labels)


def test_reviews_left_out_are_named_with_the_option_report_has(tmp_path):
    # the fixture's reviews name their reviewer: without --publisher they are another
    # fact-checker's, and the note must name an option `report` takes (it named export's --all)
    target = tmp_path / "page.html"
    result = run("report", "--claims", FIXTURES / "reviewed", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert "by other fact-checkers left out (The Example Desk): --publisher NAME" in (result.stderr)
    assert "--all" not in result.stderr
    exported = run("export", "--claims", FIXTURES / "reviewed")
    assert "left out (The Example Desk): --all exports them" in exported.stderr
