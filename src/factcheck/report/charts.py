"""Which chart a check gets: parts of a whole as a stacked bar against the whole, a change as
two bars (before, after) with the claimed and computed change, anything else as the claimed
figure against the computed value (report/svg.py draws them)."""

from __future__ import annotations

from factcheck.checks import CheckResult, Origin, figure_of
from factcheck.figures import expression
from factcheck.folder.store import Corpus
from factcheck.report import svg


def chart(corpus: Corpus, result: CheckResult) -> str | None:
    try:
        if result.origin is Origin.parts and result.target:
            parts = [figure_of(corpus, r) for r in expression.references(result.expression)]
            return svg.parts_bar(parts, figure_of(corpus, result.target), result)
        ends = expression.change_parts(expression.parse(result.expression))
        if result.origin is Origin.change and ends is not None:
            old, new = (_reference(node) for node in ends)
            if old is not None and new is not None:
                return svg.change_bars(figure_of(corpus, old), figure_of(corpus, new), result)
    except (KeyError, expression.ExpressionError):
        pass
    return svg.check_chart(result)


def _reference(node: expression.Node) -> str | None:
    return node.reference if isinstance(node, expression.Ref) else None
