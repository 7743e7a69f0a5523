"""Claims kept as a table, TSV or CSV (issue 31: the CheckThat! archives and many desks' sheets
come so, and `import` refused them as "not JSON"): each row read as one review, through the
same records as ClaimReview (claimreview/records.py), so that IDs, ratings and "already in
the folder" work alike.

Which column holds what is said with `--columns text=vclaim,headline=title`, or found by the
headers' names (`text`, `claim`, `vclaim`; `speaker`, `claimant`; `rating`, `label`; ...). A row
is read as the reader reaches it, so a long table costs its length, not its square.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from factcheck.claimreview.read import Found, Reading, date_part, plain_text
from factcheck.errors import UsageError

FIELDS = ("text", "speaker", "date", "url", "rating", "reviewer", "review_url", "review_date",
          "headline", "rationale")  # fmt: skip
# Header names that mean a field without a --columns mapping (compared in lower case).
KNOWN = {
    "text": ("text", "claim", "vclaim", "claim_text", "claimreviewed"),
    "speaker": ("speaker", "claimant", "author"),
    "date": ("date", "claim_date"),
    "url": ("url", "source_url", "appearance"),
    "rating": ("rating", "label", "textual_rating", "verdict"),
    "reviewer": ("reviewer", "publisher", "fact_checker"),
    "review_url": ("review_url", "fact_check_url"),
    "review_date": ("review_date",),
    "headline": ("headline", "title"),
    "rationale": ("rationale", "explanation"),
}  # fmt: skip


class BadTable(UsageError, ValueError):
    """The table cannot be read as claims; the message names the file and the fix."""


def is_table(name: str) -> bool:
    return name.lower().endswith((".tsv", ".csv", ".tab"))


def parse_columns(given: str | None) -> dict[str, str]:
    """`text=vclaim,headline=title` as {field: column}."""
    mapping: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in (given or "").split(","))):
        field, equals, column = pair.partition("=")
        if not equals or field.strip() not in FIELDS or not column.strip():
            raise BadTable(f"--columns {pair!r}: write FIELD=COLUMN, FIELD one of "
                           f"{', '.join(FIELDS)}")  # fmt: skip
        mapping[field.strip()] = column.strip()
    return mapping


def read_table(data: bytes, name: str, columns: dict[str, str],
               rating_words: str | None = None) -> Reading:  # fmt: skip
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadTable(f"{name}: not UTF-8 (byte {error.start}); save it as UTF-8") from None
    delimiter = "\t" if name.lower().endswith((".tsv", ".tab")) or "\t" in text[:2000] else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(rows, None)
    if header is None:
        raise BadTable(f"{name}: is empty; give a header row and a claim a row")
    places = _places(name, header, columns)
    reading = Reading()
    for number, row in _numbered(rows):
        found = _found(f"line {number}", row, places, rating_words)
        if isinstance(found, str):
            reading.problems.append((f"line {number}", found))
        else:
            reading.found.append(found)
    if reading.found and all(f.rating_text is None for f in reading.found):
        raise BadTable(f"{name}: no row has a rating, and an imported review needs one; give "
                       "--rating-words TEXT for rows that have none ('see the fact-check'), or "
                       "name the rating's column with --columns rating=COLUMN")  # fmt: skip
    return reading


def _numbered(rows: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(rows, start=2):
        if any(cell.strip() for cell in row):
            yield number, row


def _places(name: str, header: list[str], columns: dict[str, str]) -> dict[str, int]:
    """Each field's column number."""
    lower = [h.strip().lower() for h in header]
    listed = ", ".join(h for h in header if h) or "none"
    places: dict[str, int] = {}
    for field, column in columns.items():
        if column.lower() not in lower:
            raise BadTable(f"{name}: no column {column!r} for {field} (columns: {listed})")
        places[field] = lower.index(column.lower())
    for field, names in KNOWN.items():
        if field not in places:
            found = next((lower.index(n) for n in names if n in lower), None)
            if found is not None:
                places[field] = found
    if "text" not in places:
        raise BadTable(f"{name}: no column for the claim's text; name it with --columns "
                       f"text=COLUMN (columns: {listed})")  # fmt: skip
    return places


def _found(where: str, row: list[str], places: dict[str, int],
           rating_words: str | None) -> Found | str:  # fmt: skip
    def cell(field: str) -> str | None:
        place = places.get(field)
        return plain_text(row[place]) if place is not None and place < len(row) else None

    text = cell("text")
    if not text:
        return "no claim text in its column; skipped"
    url = cell("url")
    return Found(
        where=where,
        claim_text=text,
        claimant=cell("speaker"),
        claim_date=date_part(cell("date")),
        appearances=[url] if url else [],
        review_url=cell("review_url"),
        review_date=date_part(cell("review_date")),
        review_title=cell("headline"),
        rationale=cell("rationale"),
        reviewer=cell("reviewer"),
        rating_text=cell("rating") or rating_words,
    )
