"""Conflict detection: the seed corpus, the rules one by one, and quality on a labelled set."""

import pytest

from compare_quality import evaluate, load_pairs
from conftest import SEED_CLAIMS
from factcheck.compare import (
    MAX_SHARED_WORD_CLAIMS,
    Confidence,
    Rule,
    UnknownTopic,
    at_least,
    compare,
    compare_about,
    compare_topic,
    each_topic,
)
from factcheck.folder.store import load
from factcheck.model import Claim, LexiconExtension
from factcheck.text.lexicon import Lexicon


def claim(claim_id, text, speaker="S", **fields):
    return Claim.model_validate(
        {"id": claim_id, "text": text, "speaker": speaker, "topics": ["t"], **fields}
    )


def by_pair(comparison):
    return {tuple(c.claims): c for c in comparison.conflicts}


@pytest.fixture(scope="module")
def seed():
    return compare_topic(load(SEED_CLAIMS), "detainers")


def test_seed_follows_the_law_against_prohibits_handover(seed):
    conflict = by_pair(seed)[("essayli-prohibits-handover", "newsom-follows-law")]
    assert conflict.rule is Rule.recorded
    assert conflict.confidence is Confidence.high
    assert conflict.proposition == "ca-follows-the-law-on-detainers"
    rebuttal = next(f for f in conflict.also if f.rule is Rule.rebuttal)
    assert [e.text for e in rebuttal.evidence] == ["a lie", "Newsom's"]
    assert "a lie" in rebuttal.explanation
    # "works with ICE to remove ..." and "prohibits county jails from handing over ...": the
    # desk's contrast pair, said of two different objects, is not held as a third reason.
    assert all(f.rule is not Rule.antonym for f in conflict.also)


def test_a_rebuttal_with_a_recorded_target_is_not_paired_with_the_speakers_other_claims(seed):
    # Essayli's "a lie" names Newsom, but the record says it disputes newsom-follows-law:
    # it is not a conflict with Newsom's one-in-eight figure or his office's transfers.
    paired = {tuple(c.claims) for c in seed.conflicts}
    assert ("essayli-prohibits-handover", "newsom-one-in-eight") not in paired
    assert ("essayli-prohibits-handover", "newsom-office-transfers-12000") not in paired
    assert len(seed.conflicts) == 4


def test_seed_misinformation_aimed_at_noem(seed):
    conflict = by_pair(seed)[("newsom-noem-misinformation", "noem-urges-no-release")]
    rules = {conflict.rule, *(f.rule for f in conflict.also)}
    assert rules == {Rule.recorded, Rule.rebuttal}
    rebuttal = next(f for f in conflict.also if f.rule is Rule.rebuttal)
    assert "misinformation" in rebuttal.explanation
    assert "Kristi Noem" in rebuttal.explanation


def test_seed_releases_and_transfers_are_contrasting_evidence_not_a_numeric_conflict(seed):
    pair = ["dhs-released-4561", "newsom-office-transfers-12000"]
    (contrast,) = [c for c in seed.contrasts if c.claims == pair]
    assert {f.measure for f in contrast.figures} == {
        "ca-releases-with-active-detainer", "ca-transfers-to-ice-custody"}  # fmt: skip
    assert "not a contradiction" in contrast.explanation
    conflicts = [c for c in seed.conflicts if c.claims == pair]
    assert all(c.rule is not Rule.numeric for c in conflicts)
    assert all(f.rule is not Rule.numeric for c in conflicts for f in c.also)
    # Their opposite stances are a recorded conflict, which says the figures can both hold.
    assert any("both can be true" in caveat for c in conflicts for caveat in c.caveats)


def test_recorded_conflicts_come_first_and_are_grouped_by_proposition(seed):
    rules = [c.rule for c in seed.conflicts]
    assert rules[0] is Rule.recorded
    propositions = [c.proposition for c in seed.conflicts]
    # Each proposition's conflicts stand together.
    seen = []
    for p in propositions:
        if not seen or seen[-1] != p:
            assert p not in seen
            seen.append(p)


def test_numeric_conflict_honours_hedges():
    def numeric(value_a, value_b):
        a = claim("a", "A count.", quantities={"n": {"value": value_a, "measure": "m"}})
        b = claim("b", "A count.", "T", quantities={"n": {"value": value_b, "measure": "m"}})
        return [c.rule for c in compare([a, b]).conflicts]

    assert numeric("more than 12,000", "11,000") == [Rule.numeric]
    assert numeric("more than 12,000", "13,500") == []
    assert numeric("12,000", "12,400") == []
    assert numeric("about one in eight", "one in four") == [Rule.numeric]


def test_figures_counted_per_a_period_are_compared_in_one_period():
    def numeric(value_a, value_b):
        a = claim("a", "A count.", quantities={"n": {"value": value_a, "measure": "m"}})
        b = claim("b", "A count.", "T", quantities={"n": {"value": value_b, "measure": "m"}})
        return compare([a, b]).conflicts

    # 1,700 a month is 20,400 a year: no conflict with "about 20,000 a year" ...
    assert numeric("1,700 a month", "about 20,000 a year") == []
    assert numeric("about 20,000 annually", "1,700 a month") == []
    # ... and one with 5,000 a year, said in the month's terms, as sure as any
    (conflict,) = numeric("1,700 a month", "5,000 a year")
    assert conflict.confidence is Confidence.high
    assert "(1,650 to 1,750 a month) and '5,000 a year' (395.83 to 437.5 a month)" in (
        conflict.explanation
    )
    # no exact conversion (a month has 28 to 31 days, a year 365 or 366): no finding, not
    # even agreement of the same number
    assert numeric("50 a day", "9,000 a month") == []
    assert numeric("1,700 a day", "1,700 a year") == []
    # a rate against a figure of no period: the periods differ, said, and less sure
    (rate_and_total,) = numeric("600,000 a day", "18 million")
    assert rate_and_total.confidence is Confidence.medium
    assert any("periods differ" in c for c in rate_and_total.caveats)


def test_a_rate_given_as_the_period_is_compared_as_one_in_the_value():
    # extract drafts "800 jobs a month" as 800 with the period "a month"
    def numeric(period_a, value_b):
        a = claim("a", "A count.", quantities={"n": {"value": "800", "measure": "m",
                                                     "period": period_a}})  # fmt: skip
        b = claim("b", "A count.", "T", quantities={"n": {"value": value_b, "measure": "m"}})
        return compare([a, b]).conflicts

    assert numeric("a month", "about 9,600 a year") == []
    (conflict,) = numeric("per month", "20,000 a year")
    assert conflict.confidence is Confidence.high
    assert "'800' (760 to 840 a month) and '20,000 a year' (1,583.33 to 1,750 a month)" in (
        conflict.explanation
    )
    # a period that is no rate stays a period: "800" in 2023 against 20,000 a year differs
    (other,) = numeric("2023", "20,000 a year")
    assert other.confidence is Confidence.medium


def test_different_periods_lower_the_confidence():
    a = claim("a", "x", quantities={"n": {"value": "5", "measure": "m", "period": "2023"}})
    b = claim("b", "x", "T", quantities={"n": {"value": "9", "measure": "m", "period": "2024"}})
    (conflict,) = compare([a, b]).conflicts
    assert conflict.confidence is Confidence.medium
    assert any("periods differ" in c for c in conflict.caveats)


def test_different_subjects_are_not_a_conflict():
    a = claim("a", "Senator Smith voted for the bill.")
    b = claim("b", "Senator Jones voted against the bill.", "T")
    assert compare([a, b]).conflicts == []
    c = claim("c", "Senator Smith voted against the bill.", "T")
    assert [x.rule for x in compare([a, c]).conflicts] == [Rule.antonym]


def test_a_negation_of_another_predicate_is_not_a_conflict():
    a = claim("a", "The mayor did not attend the budget meeting.")
    b = claim("b", "The mayor approved the budget at the meeting.", "T")
    assert compare([a, b]).conflicts == []


def test_evidence_offsets_point_at_the_words(seed):
    conflict = by_pair(seed)[("essayli-prohibits-handover", "newsom-follows-law")]
    corpus = load(SEED_CLAIMS)
    for finding in [conflict, *conflict.also]:
        for evidence in finding.evidence:
            if evidence.start is not None:
                text = corpus.claims[evidence.claim].text
                assert text[evidence.start : evidence.end] == evidence.text


def test_min_confidence_filters():
    a = claim("a", "City revenue rose in 2024.")
    b = claim("b", "City revenue fell in 2024.", "T")
    found = compare([a, b])
    assert [c.confidence for c in found.conflicts] == [Confidence.low]
    assert at_least(found, Confidence.medium).conflicts == []


def test_a_claims_folder_extends_the_lexicon():
    a = claim("a", "The court upheld the ruling.")
    b = claim("b", "The court overturned the ruling.", "T")
    assert compare([a, b]).conflicts == []
    extended = Lexicon.default().extended(
        [LexiconExtension(contrasts=[("upheld", "overturned")], rebuttal_markers=["pants on fire"])]
    )
    assert [c.rule for c in compare([a, b], extended).conflicts] == [Rule.antonym]
    assert "pants on fire" in [text for _, text in extended.marker_phrases]


def test_lexicon_from_a_claims_file(write_claims):
    folder = write_claims(
        '[lexicon]\ncontrasts = [["upheld", "overturned"]]\n'
        '[[claims]]\nid = "a"\nspeaker = "S"\ntext = "The court upheld the ruling."\n'
        'topics = ["t"]\n'
        '[[claims]]\nid = "b"\nspeaker = "T"\ntext = "The court overturned the ruling."\n'
        'topics = ["t"]\n'
    )
    assert [c.rule for c in compare_topic(load(folder), "t").conflicts] == [Rule.antonym]


def test_unknown_topic_lists_the_known_ones():
    with pytest.raises(UnknownTopic, match="known topics: civil-rights, crime, detainers"):
        compare_topic(load(SEED_CLAIMS), "detainer")


def test_compare_about_one_proposition_brings_its_disputes():
    found = compare_about(load(SEED_CLAIMS), "ca-follows-the-law-on-detainers")
    assert [c.claims for c in found.conflicts] == [
        ["essayli-prohibits-handover", "newsom-follows-law"]]  # fmt: skip


def test_common_words_do_not_make_every_claim_a_pair():
    """A word in more claims than the limit pairs nobody: pairing stays near linear."""
    many = [
        claim(f"c{i}", f"Officials discussed report number {i} today.", f"Speaker {i}")
        for i in range(MAX_SHARED_WORD_CLAIMS + 5)
    ]
    found = compare(many)
    assert found.conflicts == []
    # The cut is said, not silent.
    assert any("were not used to pair claims" in limit for limit in found.limits)


def test_precision_on_the_labelled_set_stays_above_0_9():
    assert len(load_pairs()) >= 60
    scores = evaluate()
    assert scores["any rule"].precision is not None
    assert scores["any rule"].precision >= 0.9, scores["any rule"].false_alarms
    for rule in Rule:
        score = scores[rule.value]
        assert score.precision is None or score.precision >= 0.9, (rule, score.false_alarms)


def test_recall_on_the_pairs_tuned_on_does_not_fall():
    # The rules were tuned on these pairs (docs/compare.md says so), so this guards against
    # a change losing what they found; the held-out pairs are reported, not asserted.
    recall = evaluate(held_out=False)["any rule"].recall
    assert recall is not None and recall >= 0.9


def test_every_topic_in_turn_is_each_topic_compared_alone():
    corpus = load(SEED_CLAIMS)
    topics = sorted({t for c in corpus.claims.values() for t in c.topics})
    made = each_topic(corpus)
    first = next(made)  # made when asked for: one topic at a time
    assert first == compare_topic(corpus, topics[0])
    rest = list(made)
    assert [c.topic for c in [first, *rest]] == topics
    assert rest == [compare_topic(corpus, t) for t in topics[1:]]


def test_a_limit_is_said_on_stderr_in_every_format(tmp_path):
    """A script reading "0 conflicts" as JSON must be told that not every pair was compared."""
    from conftest import run

    folder = tmp_path / "claims"
    folder.mkdir()
    records = "".join(
        f'[[claims]]\nid = "c{i}"\nspeaker = "Speaker {i}"\ntopics = ["t"]\n'
        f'text = "Officials discussed report number {i} today."\n\n'
        for i in range(MAX_SHARED_WORD_CLAIMS + 5)
    )
    (folder / "c.toml").write_text(records, encoding="utf-8")
    for args in (["--json"], ["--format", "jsonl"], ["--format", "csv"], []):
        result = run("compare", "--topic", "t", "--claims", folder, *args)
        assert result.exit_code == 0, result.stderr
        assert "limit (topic 't'): " in result.stderr and "were not used to pair" in result.stderr
