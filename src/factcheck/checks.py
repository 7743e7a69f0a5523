"""Checks over a claims folder: the declared `[[checks]]` and those the records imply.

Implied checks need no declaration: the parts of a whole (`part_of`) must fit in it, with the
rounding and hedges of each honoured; a ratio "N of M" needs N <= M.
"""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from factcheck.figures import expression
from factcheck.figures.arithmetic import (
    FAILING_BY_DEFAULT,
    Computed,
    Judgement,
    Verdict,
    as_judged,
    change_values,
    judge,
    uncheckable,
)
from factcheck.figures.quantity import (
    Figure,
    Interval,
    Kind,
    decimal_text,
    parse_figure,
    percent_text,
)
from factcheck.references import part_reference, split_reference

if TYPE_CHECKING:  # a kept report is rendered without the loader and the models (cli/checking.py)
    from factcheck.folder.store import Corpus
    from factcheck.model import Check, Claim


class Origin(str, enum.Enum):
    declared = "declared"  # a [[checks]] record
    parts = "parts"  # parts of a whole must fit in it
    ratio = "ratio"  # "N of M" needs N <= M
    change = "change"  # a stated change against its recorded `from` and `to`


class CheckResult(Judgement):
    id: str
    origin: Origin
    claims: list[str]
    target: str | None
    expression: str
    note: str | None
    # Suggested by `extract` and not yet reviewed: the check record, or a claim it reads, is
    # still a draft. A draft's verdict sets the exit code only when asked (--drafts).
    draft: bool = False


class CheckReport(BaseModel):
    checks: list[CheckResult]
    counts: dict[Verdict, int]  # the reviewed checks' verdicts
    draft_counts: dict[Verdict, int]  # the drafts', counted apart
    fail_on: list[Verdict]
    drafts_fail: bool  # whether a draft's verdict in fail_on fails the run
    failed: bool


@dataclass(frozen=True)
class CheckFilter:
    topics: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()


def run_checks(
    corpus: Corpus,
    check_filter: CheckFilter | None = None,
    fail_on: Iterable[Verdict] = FAILING_BY_DEFAULT,
    drafts_fail: bool = False,
) -> CheckReport:
    """Every check, declared then implied, filtered; `failed` if a reviewed check's verdict
    is in `fail_on` (or a draft's, with drafts_fail)."""
    keep = check_filter or CheckFilter()
    failing = sorted(set(fail_on), key=list(Verdict).index)
    results = [
        _marked(corpus, r)
        for r in [*_declared(corpus), *_parts(corpus), *_ratios(corpus), *_changes(corpus)]
        if _kept(corpus, r, keep)
    ]
    reviewed = [r for r in results if not r.draft]
    drafts = [r for r in results if r.draft]
    return CheckReport(
        checks=results,
        counts={v: sum(r.verdict is v for r in reviewed) for v in Verdict},
        draft_counts={v: sum(r.verdict is v for r in drafts) for v in Verdict},
        fail_on=failing,
        drafts_fail=drafts_fail,
        failed=any(r.verdict in failing for r in (results if drafts_fail else reviewed)),
    )


def _marked(corpus: Corpus, result: CheckResult) -> CheckResult:
    """The result marked a draft when its check record or any claim it reads is one."""
    check = corpus.checks.get(result.id) if result.origin is Origin.declared else None
    drafted = bool(check is not None and check.draft) or any(
        bool(corpus.claims[c].draft) for c in result.claims if c in corpus.claims
    )
    return result.model_copy(update={"draft": True}) if drafted else result


def _kept(corpus: Corpus, result: CheckResult, keep: CheckFilter) -> bool:
    if keep.claim_ids and not set(keep.claim_ids) & set(result.claims):
        return False
    if keep.topics:
        topics = {t for c in result.claims for t in corpus.claims[c].topics}
        return bool(topics & set(keep.topics))
    return True


def figure_of(corpus: Corpus, reference: str) -> Figure:
    quantity = corpus.quantity(reference)
    if quantity is None:
        raise KeyError(reference)
    return parse_figure(quantity.value)


def _declared(corpus: Corpus) -> Iterable[CheckResult]:
    for check in corpus.checks.values():
        yield _run_declared(corpus, check)


def _run_declared(corpus: Corpus, check: Check) -> CheckResult:
    target = check.claim
    figure = figure_of(corpus, target) if target else parse_figure(check.expect or "")
    node, compute = as_judged(expression.parse(check.compute), check.compute, figure)
    refs = expression.references_of(node)
    claims = list(dict.fromkeys(split_reference(r)[0] for r in ([target] if target else []) + refs))
    try:
        resolve = functools.partial(figure_of, corpus)
        value = expression.evaluate(node, resolve)
        shown = expression.substitute(compute, lambda r: figure_of(corpus, r).text)
        judgement = judge(figure, value, shown, change_values(node, resolve))
    except expression.Undefined as error:
        judgement = uncheckable(figure, check.compute, str(error))
    return CheckResult(
        id=check.id,
        origin=Origin.declared,
        claims=claims,
        target=target,
        expression=check.compute,
        note=check.note,
        **judgement.__dict__,  # its fields as they are (dict(model) costs 4 us)
    )


PARTS_NOTE = "Parts of one whole must together fit in it."


def wholes(corpus: Corpus) -> dict[str, list[str]]:
    """Each whole a quantity is part of, with its parts, in the order of the claims."""
    found: dict[str, list[str]] = defaultdict(list)
    for claim in corpus.claims.values():
        for name, quantity in claim.quantities.items():
            if quantity.part_of:
                found[part_reference(claim.id, quantity.part_of)].append(f"{claim.id}.{name}")
    return found


def _parts(corpus: Corpus) -> Iterable[CheckResult]:
    for whole, parts in wholes(corpus).items():
        yield _parts_fit(corpus, whole, parts)


def recomputed(corpus: Corpus, origin: Origin, result_id: str, target: str | None,
               parts: list[str] | None) -> CheckResult:  # fmt: skip
    """A declared check, a whole's `parts` or a change computed again from the records as
    they are now, marked a draft as run_checks marks it (check_parts.py: after an edit). A
    KeyError when a record it reads is not in the corpus."""
    if origin is Origin.declared:
        found = _run_declared(corpus, corpus.checks[result_id])
    elif origin is Origin.parts and target is not None and parts is not None:
        found = _parts_fit(corpus, target, parts)
    elif origin is Origin.change and target is not None:
        claim_id, name = split_reference(target)
        quantity = corpus.claims[claim_id].quantities[name]
        if quantity.change_from is None or quantity.change_to is None:
            raise KeyError(target)
        old = part_reference(claim_id, quantity.change_from)
        new = part_reference(claim_id, quantity.change_to)
        found = _run_change(corpus, target, old, new, quantity.note)
    else:
        raise KeyError(result_id)
    return _marked(corpus, found)


def ratios_of(corpus: Corpus, claim_ids: Iterable[str]) -> list[CheckResult]:
    """The checks of "N of M" among these claims, marked as run_checks marks them."""
    return [_marked(corpus, r) for r in _ratios(corpus, [corpus.claims[c] for c in claim_ids])]


def _parts_fit(corpus: Corpus, whole_ref: str, part_refs: list[str]) -> CheckResult:
    whole = figure_of(corpus, whole_ref)
    parts = [figure_of(corpus, p) for p in part_refs]
    shares = [p.kind.is_share for p in parts]
    all_shares, any_share = all(shares), any(shares)
    written = " + ".join(p.text for p in parts)
    claims = list(dict.fromkeys(split_reference(r)[0] for r in [whole_ref, *part_refs]))

    def result(**judged: Any) -> CheckResult:
        # The judgement's fields given at once, not as a Judgement copied into a CheckResult:
        # a model less for each parts check, of which a large folder has one a claim.
        return CheckResult(id=f"parts:{whole_ref}", origin=Origin.parts, claims=claims,
                           target=whole_ref, expression=" + ".join(part_refs), note=PARTS_NOTE,
                           **judged)  # fmt: skip

    if any_share and not all_shares:
        return result(**uncheckable(whole, written, "the parts mix shares and counts").__dict__)
    if not any_share and whole.kind.is_share:
        why = f"the parts are counts and their whole '{whole.text}' is a share"
        return result(**uncheckable(whole, written, why).__dict__)
    if all_shares:
        limit, limit_text = Interval(None, Fraction(1)), "100%"
    else:
        limit, limit_text = whole.claimed, f"'{whole.text}'"
    total = expression.Value(
        _exact_sum([p.value for p in parts]), Interval(_sum_of_lower_bounds(parts), None)
    )
    smallest = total.interval.lo
    fits = smallest is None or limit.hi is None or smallest <= limit.hi
    of_whole = ""
    if not all_shares and whole.value:
        of_whole = f", {percent_text(total.point / whole.value)} of {whole.text}"
    described = percent_text(total.point) if all_shares else decimal_text(total.point)
    summed = f"{written} = {described}{of_whole}"
    return result(
        verdict=Verdict.consistent if fits else Verdict.gross,
        claimed="100%" if all_shares else whole.text,
        claimed_interval="at most 100%" if all_shares else whole.describe_interval(),
        computed=Computed.of(total, count=not all_shares),
        relative_error=None,
        closer=None,
        explanation=f"{summed}: the parts fit in {limit_text}." if fits
        else f"{summed}: the parts exceed {limit_text}, their whole.",
    )  # fmt: skip


def _exact_sum(values: list[Fraction]) -> Fraction:
    """The sum of one or more values: from the first, not from Fraction(0), since a sum of
    Fractions is a Python call each and a whole has mostly one part."""
    total = values[0]
    for value in values[1:]:
        total += value
    return total


def _sum_of_lower_bounds(parts: list[Figure]) -> Fraction | None:
    lows = [part.claimed.lo for part in parts]
    if any(low is None for low in lows):
        return None  # "less than 10" can be as small as you like
    return _exact_sum([low for low in lows if low is not None])


def _ratios(corpus: Corpus, claims: Iterable[Claim] | None = None) -> Iterable[CheckResult]:
    for claim in corpus.claims.values() if claims is None else claims:
        for name, quantity in claim.quantities.items():
            figure = parse_figure(quantity.value)
            if figure.kind is Kind.ratio and figure.value > 1:
                reference = f"{claim.id}.{name}"
                why = f"'{figure.text}' counts more than the whole it is a part of."
                yield CheckResult(
                    id=f"ratio:{reference}",
                    origin=Origin.ratio,
                    claims=[claim.id],
                    target=reference,
                    expression=figure.text,
                    note="In 'N of M', N cannot exceed M.",
                    verdict=Verdict.gross,
                    claimed=figure.text,
                    claimed_interval=figure.describe_interval(),
                    computed=None,
                    relative_error=None,
                    closer=None,
                    explanation=why,
                )


def _changes(corpus: Corpus) -> Iterable[CheckResult]:
    """A figure that states a change ("rose 50%", "doubled", "up 5 points") between two
    recorded quantities (`from`, `to`) is judged against the change they imply."""
    for claim in corpus.claims.values():
        for name, quantity in claim.quantities.items():
            if quantity.change_from is None or quantity.change_to is None:
                continue
            reference = f"{claim.id}.{name}"
            old = part_reference(claim.id, quantity.change_from)
            new = part_reference(claim.id, quantity.change_to)
            yield _run_change(corpus, reference, old, new, quantity.note)


CHANGE_NOTE = "A stated change must match the change between its 'from' and 'to'."


def _run_change(
    corpus: Corpus, reference: str, old: str, new: str, said: str | None = None
) -> CheckResult:
    figure = figure_of(corpus, reference)
    resolve = functools.partial(figure_of, corpus)
    points = figure.kind is Kind.points
    # Percentage points compare with the difference; a relative change with change(old, new).
    written = f"{new} - {old}" if points else f"change({old}, {new})"
    node = expression.parse(written)
    shown = expression.substitute(written, lambda r: figure_of(corpus, r).text)
    if figure.kind not in (Kind.change, Kind.points):
        reason = f"'{figure.text}' states no change; write 'rose 50%', 'doubled', 'up 5 points'"
        judgement = uncheckable(figure, shown, reason)
    else:
        try:
            value = expression.evaluate(node, resolve)
            judgement = judge(figure, value, shown, change_values(node, resolve))
        except expression.Undefined as error:
            judgement = uncheckable(figure, shown, str(error))
    claims = list(dict.fromkeys(split_reference(r)[0] for r in (reference, old, new)))
    return CheckResult(
        id=f"change:{reference}",
        origin=Origin.change,
        claims=claims,
        target=reference,
        expression=written,
        note=" ".join(filter(None, [CHANGE_NOTE, said])),
        **judgement.__dict__,  # its fields as they are (dict(model) costs 4 us)
    )
