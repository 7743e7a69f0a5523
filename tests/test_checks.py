"""Checks over a claims folder: declared ones and those the records imply."""

from conftest import SEED_CLAIMS
from factcheck.checks import CheckFilter, Origin, run_checks
from factcheck.figures.arithmetic import Verdict, calculate
from factcheck.figures.quantity import parse_figure
from factcheck.folder.store import load

CLAIM = '[[claims]]\nid = "{id}"\nspeaker = "S"\ntext = "T"\ntopics = ["{topic}"]\n'


def claim(claim_id, quantities, topic="x"):
    lines = "\n".join(f"{k} = {v}" for k, v in quantities.items())
    return CLAIM.format(id=claim_id, topic=topic) + "\n[claims.quantities]\n" + lines + "\n"


def by_id(report):
    return {r.id: r for r in report.checks}


def test_the_seed_corpus_checks():
    results = by_id(run_checks(load(SEED_CLAIMS)))
    share = results["untaken-share-vs-dhs-count"]
    assert share.verdict is Verdict.approximate
    assert share.closer == "about one in seven"
    assert share.computed is not None and share.computed.fraction == "4561/33179"
    offences = results["parts:lyons-letter-33179.detainers"]
    assert offences.verdict is Verdict.consistent
    assert offences.computed is not None and offences.computed.value == "13385"
    assert "40.34% of 33,179" in offences.explanation
    released = results["parts:dhs-released-4561.released"]
    assert released.verdict is Verdict.consistent
    assert "31 + 234 = 265" in released.explanation


def test_the_seed_corpus_passes_the_default_fail_on():
    assert run_checks(load(SEED_CLAIMS)).failed is False
    assert run_checks(load(SEED_CLAIMS), fail_on=[Verdict.approximate]).failed is True


def test_parts_that_exceed_their_whole_are_gross(write_claims):
    folder = write_claims(
        claim("w", {"total": '"100"', "a": '{ value = "60", part_of = "total" }',
                    "b": '{ value = "more than 50", part_of = "total" }'})
    )  # fmt: skip
    (result,) = run_checks(load(folder)).checks
    assert result.origin is Origin.parts
    assert result.verdict is Verdict.gross
    assert "exceed" in result.explanation


def test_parts_within_rounding_of_their_whole_fit(write_claims):
    # 60 + 45 = 105 > 100, but "100" reads as 95 to 105 and the parts may be as low as 104.
    folder = write_claims(
        claim("w", {"total": '"100"', "a": '{ value = "60", part_of = "total" }',
                    "b": '{ value = "45", part_of = "total" }'})
    )  # fmt: skip
    assert run_checks(load(folder)).checks[0].verdict is Verdict.consistent


def test_shares_of_a_whole_above_100_percent_are_gross(write_claims):
    folder = write_claims(
        claim("w", {"total": '"4,561"', "a": '{ value = "70%", part_of = "total" }',
                    "b": '{ value = "40%", part_of = "total" }'})
    )  # fmt: skip
    (result,) = run_checks(load(folder)).checks
    assert result.verdict is Verdict.gross
    assert "100%" in result.explanation


def test_parts_mixing_shares_and_counts_are_uncheckable(write_claims):
    folder = write_claims(
        claim("w", {"total": '"100"', "a": '{ value = "7%", part_of = "total" }',
                    "b": '{ value = "40", part_of = "total" }'})
    )  # fmt: skip
    assert run_checks(load(folder)).checks[0].verdict is Verdict.uncheckable


def test_n_of_m_with_n_above_m_is_gross(write_claims):
    folder = write_claims(claim("w", {"r": '"5,000 of 4,561"'}))
    (result,) = run_checks(load(folder)).checks
    assert (result.origin, result.verdict) == (Origin.ratio, Verdict.gross)


def test_a_declared_sum_that_does_not_hold(write_claims):
    folder = write_claims(
        claim("w", {"total": '"13,385"', "a": '"399"', "b": '"3,313"', "c": '"8,380"'})
        + '[[checks]]\nid = "sum"\nclaim = "w.total"\ncompute = "w.a + w.b + w.c"\n'
    )
    (result,) = run_checks(load(folder)).checks
    assert result.verdict is Verdict.inconsistent  # the parts sum to 12,092
    assert result.computed is not None and result.computed.value == "12092"


def test_a_round_total_near_the_sum_is_approximate(write_claims):
    folder = write_claims(
        claim("w", {"total": '"13,000"', "a": '"399"', "b": '"3,313"', "c": '"8,380"'})
        + '[[checks]]\nid = "sum"\nclaim = "w.total"\ncompute = "w.a + w.b + w.c"\n'
    )
    (result,) = run_checks(load(folder)).checks
    assert result.verdict is Verdict.approximate  # 13,000 is 7.5% above 12,092, a round number


def test_a_check_against_an_expected_figure(write_claims):
    folder = write_claims(
        claim("w", {"a": '"1"', "b": '"3"'})
        + '[[checks]]\nid = "third"\nexpect = "a third"\ncompute = "w.a / w.b"\n'
    )
    assert run_checks(load(folder)).checks[0].verdict is Verdict.consistent


def test_division_by_zero_in_a_check_is_uncheckable(write_claims):
    folder = write_claims(
        claim("w", {"a": '"1"', "b": '"0"'})
        + '[[checks]]\nid = "div"\nexpect = "5%"\ncompute = "w.a / w.b"\n'
    )
    result = run_checks(load(folder)).checks[0]
    assert result.verdict is Verdict.uncheckable
    assert "division by zero" in result.explanation


def test_filters_by_topic_and_claim():
    corpus = load(SEED_CLAIMS)
    only = run_checks(corpus, CheckFilter(claim_ids=("newsom-one-in-eight",)))
    assert [r.id for r in only.checks] == ["untaken-share-vs-dhs-count"]
    crime = run_checks(corpus, CheckFilter(topics=("crime",)))
    assert [r.id for r in crime.checks] == ["parts:lyons-letter-33179.detainers"]
    assert run_checks(corpus, CheckFilter(topics=("no-such-topic",))).checks == []


def test_a_count_has_no_percent():
    from conftest import SEED_CLAIMS
    from factcheck.checks import run_checks
    from factcheck.folder.store import load

    report = run_checks(load(SEED_CLAIMS))
    parts = next(c for c in report.checks if c.id == "parts:lyons-letter-33179.detainers")
    assert parts.computed is not None
    assert parts.computed.value == "13385"
    assert parts.computed.percent is None and parts.computed.one_in is None


DRAFTED_SUM = (
    '[[checks]]\nid = "sum"\nclaim = "w.total"\ncompute = "w.a + w.b + w.c"\ndraft = true\n'
)


def test_a_drafted_check_is_marked_counted_apart_and_does_not_fail(write_claims):
    folder = write_claims(
        claim("w", {"total": '"13,385"', "a": '"399"', "b": '"3,313"', "c": '"8,380"'})
        + DRAFTED_SUM
    )
    report = run_checks(load(folder))
    (result,) = report.checks
    assert result.verdict is Verdict.inconsistent and result.draft
    assert report.counts[Verdict.inconsistent] == 0
    assert report.draft_counts[Verdict.inconsistent] == 1
    assert not report.failed
    assert run_checks(load(folder), drafts_fail=True).failed


def test_a_check_reading_a_drafted_claim_is_a_draft(write_claims):
    drafted = claim("w", {"total": '"13,385"', "a": '"399"', "b": '"3,313"', "c": '"8,380"'})
    drafted = drafted.replace('topics = ["x"]\n', 'topics = ["x"]\ndraft = true\n')
    folder = write_claims(
        drafted + '[[checks]]\nid = "sum"\nclaim = "w.total"\ncompute = "w.a + w.b + w.c"\n'
    )
    (result,) = run_checks(load(folder)).checks
    assert result.draft


def test_check_on_drafts_exits_0_says_draft_and_fails_with_drafts(write_claims):
    import json

    from conftest import run

    folder = write_claims(
        claim("w", {"total": '"13,385"', "a": '"399"', "b": '"3,313"', "c": '"8,380"'})
        + DRAFTED_SUM
    )
    result = run("check", "--claims", folder, "--json")
    assert result.exit_code == 0, result.stderr
    (check,) = json.loads(result.stdout)["checks"]
    assert check["draft"] is True and check["verdict"] == "inconsistent"
    table = run("check", "--claims", folder)
    assert "inconsistent (draft)" in table.stdout
    assert "1 drafted check" in table.stderr + table.stdout
    assert run("check", "--claims", folder, "--drafts").exit_code == 1


def test_check_and_calc_agree_on_recorded_counts(write_claims):
    # 19 men killed over 57 new officers is 33.3%: "32 percent" misses for both (issue 28;
    # recorded counts used to carry +-0.5 and came out consistent)
    folder = write_claims(
        claim("ap", {"killed": '"19"', "officers": '"57"', "share": '"32 percent"'})
        + '\n[[checks]]\nid = "s"\ncompute = "ap.killed / ap.officers"\nclaim = "ap.share"\n'
    )
    (result,) = run_checks(load(folder)).checks
    calculated = calculate("19 / 57", "32 percent", lambda r: parse_figure("0"))
    assert result.verdict is calculated.verdict is Verdict.inconsistent


def test_a_declared_change_in_points_is_judged_as_the_difference(write_claims):
    folder = write_claims(
        claim("poll", {"before": '"40%"', "after": '"45%"', "up": '"up 5 percentage points"'})
        + '\n[[checks]]\nid = "p"\ncompute = "change(poll.before, poll.after)"\n'
        'claim = "poll.up"\n'
    )
    (result,) = run_checks(load(folder)).checks
    assert result.verdict is Verdict.consistent
    assert result.explanation.startswith("45% - 40% = 0.05")
