"""An article as text: plain text as it is, Markdown without its markup, and an HTML page
saved from a browser read for its article text alone (the <article>, else <main>, else every
paragraph; never scripts, styles, navigation, headers, footers or asides)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from factcheck.errors import UsageError

# A page saved by a browser may open with an XML declaration or a comment ("<!-- saved from
# url=... -->") before its <html>.
_HTML = re.compile(
    r"^\s*(?:(?:<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->)\s*){0,5}"
    r"(?:<!doctype html|<html|<head|<body|<article|<p[\s>])",
    re.I | re.S,
)
_SKIPPED = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                      "svg", "button", "figure", "template"})  # fmt: skip
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "br",
                     "section", "article", "main", "tr"})  # fmt: skip


_PARAGRAPHS = ("p", "h1", "h2", "h3", "blockquote", "li")


class ArticleError(UsageError, ValueError):
    """The input holds no article text; the message says why."""


MAX_BYTES = 8 * 1024 * 1024  # an article is a few tens of kilobytes; a saved page, more
# Of article text, once read from its page: reading costs about 33 s of CPU and 150 MB a
# megabyte (docs/performance.md), so that 8 MB of text would have run for minutes and taken
# gigabytes. A transcript of a long hearing fits; a book is split.
MAX_TEXT = 1024 * 1024


def read_article(data: bytes, name: str, limit: int = MAX_BYTES) -> str:
    """The text of an article as a file holds it (plain text, Markdown by its name's
    ending, or an HTML page), or ArticleError naming `name` and what is wrong: too long, not
    text (with the byte), empty, or a page with no article text."""
    if len(data) > limit:
        raise ArticleError(f"{name}: more than {limit // 2**20} MB; is this one article?")
    text = _decoded(data, name)
    if not text.strip():
        raise ArticleError(f"{name}: is empty; give the article's text")
    if looks_like_html(text):
        try:
            text = from_html(text)
        except ArticleError as error:
            raise ArticleError(f"{name}: {error}") from None
    elif name.endswith((".md", ".markdown")):
        text = from_markdown(text)
    return _within_limit(text, name)


def _within_limit(text: str, name: str) -> str:
    if len(text) > MAX_TEXT:
        raise ArticleError(f"{name}: more than {MAX_TEXT:,} characters of text ({len(text):,}); "
                           "is this one article? split it into articles or parts")  # fmt: skip
    return text


def _decoded(data: bytes, name: str) -> str:
    """UTF-8 (with or without a byte-order mark), or UTF-16 where its mark says so; anything
    else is refused with the place of the first byte that is not text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ArticleError(f"{name}: is marked UTF-16 but byte {error.start} is not; save "
                               "it as UTF-8") from None  # fmt: skip
    nul = data.find(b"\x00")
    if nul != -1:
        raise ArticleError(f"{name}: holds a NUL byte at byte {nul}; is this a binary file? "
                           "give text, Markdown or HTML")  # fmt: skip
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{name}: is not UTF-8 (byte {error.start}, "
                           f"0x{data[error.start]:02x}); save it as UTF-8") from None  # fmt: skip


def looks_like_html(text: str) -> bool:
    return bool(_HTML.match(text[:2000]))


def from_html(page: str) -> str:
    reader = _Reader()
    reader.feed(page)
    reader.close()
    for part in ("article", "main", "paragraphs"):
        text = _tidy(reader.parts[part])
        if text:
            return text
    raise ArticleError("no article text in this HTML page (no <article>, <main> or <p> text)")


def from_markdown(text: str) -> str:
    """Markdown's markup taken out, each line kept where it was (links keep their words)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+\.\s+)", "", text)
    # Emphasis within a line and at most a few hundred characters: an unclosed '*' looks no
    # further, so 25,000 of them take linear time, not quadratic.
    return re.sub(r"(\*\*|__|\*|`)(\S(?:[^\n]{0,400}?\S)?)\1", r"\2", text)


def _tidy(chunks: list[str]) -> str:
    lines = [" ".join(line.split()) for line in "".join(chunks).split("\n")]
    return "\n".join(line for line in lines if line) + ("\n" if any(lines) else "")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "paragraphs": []}
        self._open: list[str] = []
        # How many of each tag are open: a page of 30,000 unclosed <div> is read in linear
        # time, where asking the stack "is <article> open?" for each piece of text was not.
        self._counts: Counter[str] = Counter()
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._open.append(tag)
            self._counts[tag] += 1
        if tag in _BLOCKS:
            self._write("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        if self._counts[tag]:
            while self._open:
                closed = self._open.pop()
                self._counts[closed] -= 1
                if closed == tag:
                    break
        if tag in _BLOCKS:
            self._write("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._write(data)

    def _write(self, text: str) -> None:
        if self._skipping:
            return
        if self._counts["article"]:
            self.parts["article"].append(text)
        if self._counts["main"]:
            self.parts["main"].append(text)
        if any(self._counts[t] for t in _PARAGRAPHS) or text == "\n":
            self.parts["paragraphs"].append(text)
