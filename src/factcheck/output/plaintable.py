"""A table drawn line by line, for outputs too long for Rich to lay out cell by cell.

Rich measures, wraps and renders every cell through its whole pipeline, so a table of tens of
thousands of claims took many times as long as their JSON (docs/performance.md). This
renderer draws the same box (Rich's default, heavy header) in time linear in the text,
streaming rows as it goes.
Column widths come from the header and the longest cell of each column, shrunk to fit the
width; cells wrap at spaces and fold long words. Text arrives already escaped (terminal.visible).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rich.cells import cell_len

MIN_COLUMN = 4


def widths(headers: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Column widths that fit `total` columns with the borders: natural where they fit; else
    the widest column gives way first, never below its header's longest word or MIN_COLUMN."""
    natural = [max([_width(h), *(_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    floor = [max([MIN_COLUMN, *(_width(w) for w in h.split())]) for h in headers]
    available = total - (3 * len(headers) + 1)  # "│ " + " │ " between + " │"
    result = list(natural)
    while sum(result) > available:
        shrinkable = [i for i in range(len(result)) if result[i] > floor[i]]
        if not shrinkable:
            break  # it cannot fit: the terminal wraps the lines, and nothing is lost
        widest = max(shrinkable, key=lambda i: result[i])
        others = [result[j] for j in shrinkable if j != widest]
        over = sum(result) - available
        target = max([result[widest] - over, *others[:0], max(others) if others else 0])
        result[widest] = max(floor[widest], min(result[widest] - 1, target))
    return result


def draw(headers: Sequence[str], rows: Iterable[Sequence[str]], column_widths: list[int]
         ) -> Iterator[str]:  # fmt: skip
    """The table's lines, one at a time."""
    yield "┏" + "┳".join("━" * (w + 2) for w in column_widths) + "┓"
    for line in _row_lines(headers, column_widths):
        yield "┃ " + " ┃ ".join(line) + " ┃"
    yield "┡" + "╇".join("━" * (w + 2) for w in column_widths) + "┩"
    for row in rows:
        for line in _row_lines(row, column_widths):
            yield "│ " + " │ ".join(line) + " │"
    yield "└" + "┴".join("─" * (w + 2) for w in column_widths) + "┘"


def _row_lines(row: Sequence[str], column_widths: list[int]) -> list[list[str]]:
    # Each cell's lines padded once, the short ones filled out with blank lines: 100k rows
    # make 3 million cells, and this is the whole of drawing them.
    columns = [[_pad(line, width) for line in wrap(cell, width)]
               for cell, width in zip(row, column_widths, strict=True)]  # fmt: skip
    height = max(len(lines) for lines in columns)
    for lines, width in zip(columns, column_widths, strict=True):
        lines += [" " * width] * (height - len(lines))
    return [list(line) for line in zip(*columns, strict=True)]


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells: broken at spaces, words longer than a line folded."""
    if len(text) <= width and text.isascii() and "\n" not in text:
        return [text]  # most cells: one line as it is
    lines: list[str] = []
    for paragraph in text.split("\n"):
        measure = len if paragraph.isascii() else cell_len  # one test a paragraph, not a word
        if measure(paragraph) <= width:
            lines.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while _width(word) > width:
                piece = _fit(word, width)
                lines.append(piece)
                word = word[len(piece) :]
            current = word
        lines.append(current)
    return lines


def _fit(word: str, width: int) -> str:
    """The longest start of `word` that fits `width` cells (at least one character)."""
    end = min(len(word), width)
    while end > 1 and _width(word[:end]) > width:
        end -= 1
    return word[: max(end, 1)]


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _pad(text: str, width: int) -> str:
    return text.ljust(width) if text.isascii() else text + " " * max(0, width - cell_len(text))
