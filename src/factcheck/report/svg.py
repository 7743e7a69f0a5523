"""Charts a reader would rather look at than read, written as SVG by the package itself (no
script, no font, no request): the rating on the desk's scale, and each check's claimed figure
against the computed value, the claimed range shaded. Every label is escaped; each chart has
a text alternative (role="img" and aria-label) that says what it shows in words."""

from __future__ import annotations

from fractions import Fraction
from html import escape

from factcheck.checks import CheckResult
from factcheck.figures.quantity import Figure, FigureError, Kind, decimal_text, parse_figure
from factcheck.model import Rating

INK, MUTED, CLAIMED, COMPUTED, RANGE = "#1a1a1a", "#595959", "#1f4e99", "#8a4b00", "#dbe6f6"
WIDTH, ROW, LABEL, VALUE = 360, 26, 86, 56


def rating_scale(rating: Rating) -> str:
    value, best, worst = (Fraction(str(x)) for x in (rating.value, rating.best, rating.worst))
    said = position(rating)
    steps = int(best - worst) + 1
    if steps > 12 or (best - worst).denominator != 1:  # a scale of 0-100: a bar, not cells
        return _bar_scale(said, (value - worst) / (best - worst))
    cell = min(28, (WIDTH - 8) // steps)
    cells = []
    for step in range(steps):
        filled = worst + step == value
        cells.append(f'<rect x="{4 + step * cell}" y="4" width="{cell - 4}" height="14" rx="2" '
                     f'fill="{CLAIMED if filled else "#ffffff"}" stroke="{INK}"/>')  # fmt: skip
    return _svg(steps * cell + 8, 24, said, "".join(cells))


def position(rating: Rating) -> str:
    """'Mostly true: 4 on a scale from 1 to 5'."""
    return f"{rating.label}: {rating.value} on a scale from {rating.worst} to {rating.best}"


def _bar_scale(said: str, share: Fraction) -> str:
    body = (f'<rect x="4" y="4" width="{WIDTH - 8}" height="14" fill="#ffffff" stroke="{INK}"/>'
            f'<rect x="4" y="4" width="{float(share) * (WIDTH - 8):.1f}" height="14" '
            f'fill="{CLAIMED}"/>')  # fmt: skip
    return _svg(WIDTH, 24, said, body)


def check_chart(result: CheckResult) -> str | None:
    """The claimed figure (its range shaded) beside the computed value, on one axis; None
    where there is no number to draw (an uncheckable check, a range with no end)."""
    figure = _figure(result.claimed)
    if figure is None or result.computed is None:
        return None
    computed = Fraction(result.computed.fraction)
    low, high = figure.claimed.lo, figure.claimed.hi
    if low is None or high is None:
        low = high = figure.value
    points = [Fraction(0), figure.value, computed, low, high]
    lo, hi = min(points), max(points)
    if hi == lo:
        return None
    span = WIDTH - LABEL - 12 - VALUE  # room after the longest bar for its value, off the bars

    def x(value: Fraction) -> float:
        return LABEL + 4 + float((value - lo) / (hi - lo)) * span

    zero = x(Fraction(0))
    shown = (f"claimed {figure.text} ({_value(figure.value, figure)}), computed "
             f"{_value(computed, figure)}: {result.verdict.value}")  # fmt: skip
    rows = [("claimed", figure.value, CLAIMED), ("computed", computed, COMPUTED)]
    body = [f'<rect x="{x(low):.1f}" y="2" width="{max(x(high) - x(low), 1.5):.1f}" '
            f'height="{ROW - 4}" fill="{RANGE}"/>']  # fmt: skip
    for n, (name, value, colour) in enumerate(rows):
        y = 4 + n * ROW
        start, end = sorted((zero, x(value)))
        body.append(f'<text x="0" y="{y + 14}" fill="{INK}" font-size="12">{name}</text>')
        body.append(f'<rect x="{start:.1f}" y="{y + 3}" width="{max(end - start, 1.5):.1f}" '
                    f'height="14" fill="{colour}"/>')  # fmt: skip
        body.append(f'<text x="{end + 4:.1f}" y="{y + 14}" fill="{MUTED}" '
                    f'font-size="11">{escape(_value(value, figure))}</text>')  # fmt: skip
    body.append(f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{2 * ROW + 4}" '
                f'stroke="{INK}"/>')  # fmt: skip
    return _svg(WIDTH, 2 * ROW + 8, shown, "".join(body))


def _figure(text: str | None) -> Figure | None:
    try:
        return parse_figure(text) if text else None
    except FigureError:
        return None


def _value(value: Fraction, figure: Figure) -> str:
    if figure.kind.in_percent:
        sign = "+" if figure.kind is Kind.change and value > 0 else ""
        return f"{sign}{decimal_text(value * 100, 2)}%"
    return decimal_text(value, 2)


def _svg(width: float, height: float, said: str, body: str) -> str:
    label = escape(said, quote=True)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'font-family="sans-serif"><title>{label}</title>{body}</svg>')  # fmt: skip


def change_bars(old: Figure, new: Figure, result: CheckResult) -> str | None:
    """A change as two bars, the old and the new value, with the claimed and the computed
    change said beside them."""
    if result.computed is None:
        return None
    top = max(abs(old.value), abs(new.value))
    if top == 0:
        return None
    span = WIDTH - LABEL - 90
    claimed = result.claimed or ""
    change = Fraction(result.computed.fraction)
    points = result.expression.count("change(") == 0  # new - old: percentage points
    computed = (f"{'+' if change > 0 else ''}{decimal_text(change * 100, 2)}"
                + (" points" if points else "%"))  # fmt: skip
    said = (f"from {old.text} to {new.text}: claimed {claimed}, computed {computed}: "
            f"{result.verdict.value}")  # fmt: skip
    body = []
    for n, (name, figure, colour) in enumerate((("before", old, MUTED), ("after", new, COMPUTED))):
        y = 4 + n * ROW
        length = float(abs(figure.value) / top) * span
        body.append(f'<text x="0" y="{y + 14}" fill="{INK}" font-size="12">{name}</text>')
        body.append(f'<rect x="{LABEL}" y="{y + 3}" width="{max(length, 1.5):.1f}" height="14" '
                    f'fill="{colour}"/>')  # fmt: skip
        body.append(f'<text x="{LABEL + length + 4:.1f}" y="{y + 14}" fill="{MUTED}" '
                    f'font-size="11">{escape(figure.text)}</text>')  # fmt: skip
    body.append(f'<text x="0" y="{2 * ROW + 18}" fill="{INK}" font-size="12">claimed '
                f"{escape(claimed)} · computed {escape(computed)}</text>")  # fmt: skip
    return _svg(WIDTH, 2 * ROW + 26, said, "".join(body))


def parts_bar(parts: list[Figure], whole: Figure, result: CheckResult) -> str | None:
    """Parts of a whole as one stacked bar against the bar of the whole."""
    total = sum((p.value for p in parts), Fraction(0))
    top = max(total, whole.value)
    if top <= 0 or any(p.value < 0 for p in parts):
        return None
    span = WIDTH - LABEL - 8
    said = (f"parts {' + '.join(p.text for p in parts)} against the whole {whole.text}: "
            f"{result.verdict.value}")  # fmt: skip
    body = [f'<text x="0" y="18" fill="{INK}" font-size="12">whole</text>',
            f'<rect x="{LABEL}" y="7" width="{float(whole.value / top) * span:.1f}" height="14" '
            f'fill="#ffffff" stroke="{INK}"/>',
            f'<text x="0" y="{ROW + 18}" fill="{INK}" font-size="12">parts</text>']  # fmt: skip
    at = float(LABEL)
    for n, part in enumerate(parts):
        length = float(part.value / top) * span
        colour = (CLAIMED, COMPUTED)[n % 2]
        body.append(f'<rect x="{at:.1f}" y="{ROW + 7}" width="{max(length, 0.5):.1f}" '
                    f'height="14" fill="{colour}"/>')  # fmt: skip
        at += length
    return _svg(WIDTH, 2 * ROW + 8, said, "".join(body))
