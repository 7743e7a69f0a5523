"""The text rules one by one, on sentences written here (the real-data figures are measured by
benchmarks/contradiction_real.py, not asserted: ../shared is not in a plain clone)."""

import pytest

from factcheck.compare import Confidence, Rule, compare
from factcheck.compare.reading import Reading
from factcheck.model import Claim
from factcheck.text import wordnet
from factcheck.text.lexicon import Lexicon, stem


def claim(claim_id, text, speaker="Ann Example", **fields):
    return Claim.model_validate(
        {"id": claim_id, "text": text, "speaker": speaker, "topics": ["t"], **fields}
    )


def rules(text_a, text_b):
    found = compare([claim("a", text_a), claim("b", text_b, "Bo Sample")])
    return [f.rule for c in found.conflicts for f in (c, *c.also)]


def reading(text):
    return Reading(claim("a", text), Lexicon.default())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gin derives its flavour from juniper berries.",
         "Gin does not derive its flavour from juniper berries."),
        ("The factory complies with emissions rules.",
         "The factory doesn't comply with emissions rules."),
        ("Cruz modelled for the brand in Paris.", "Cruz declined to model for the brand."),
        ("A man in a black suit plays the cello.", "Nobody has a suit."),
        ("The sheriff confirmed the transfer.", "The sheriff was unable to confirm the transfer."),
        ("Humans affect the global climate.", "Humans are too few to affect global climate."),
    ],
)  # fmt: skip
def test_negation_of_the_same_predicate(a, b):
    assert rules(a, b) == [Rule.negation]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Negation of another predicate than the one asserted.
        ("The mayor approved the budget.", "The mayor did not attend the budget meeting."),
        # A question, a condition and a claim about a claim are not plain assertions.
        ("Is the sun causing global warming?", "The sun is not causing global warming."),
        ("If the council approves the plan, taxes rise.", "The council does not approve the plan."),
        ("The claim that sea level is rising is false.", "Sea level is not rising."),
        # "too much to" counts, it does not deny.
        ("The team has too much to lose.", "The team will lose the game."),
        # Both sides negate.
        ("The city did not meet its target.", "The city never met its target."),
    ],
)  # fmt: skip
def test_negation_does_not_fire(a, b):
    assert Rule.negation not in rules(a, b)


@pytest.mark.parametrize(
    ("a", "b", "resource"),
    [
        ("The two horses are beautiful.", "The horses are ugly.", "WordNet antonym"),
        ("Four girls look at a microscope.", "Four boys look at a microscope.", "WordNet"),
        ("The court upheld the ruling on Monday.", "The court violated the ruling on Monday.",
         None),
    ],
)  # fmt: skip
def test_antonyms_over_the_same_thing(a, b, resource):
    found = compare([claim("a", a), claim("b", b, "Bo Sample")]).conflicts
    if resource is None:
        assert found == []  # upheld/violated is in neither WordNet nor the desk's list
        return
    (conflict,) = found
    assert conflict.rule is Rule.antonym
    assert conflict.resource is not None and conflict.resource.startswith(resource)
    assert "Suggested" in conflict.explanation


def test_antonyms_about_different_things_do_not_fire():
    assert rules("Oakland revenue rose in 2024.", "Fresno revenue fell in 2024.") == []
    assert (
        rules("The county allows solar farms.", "The county forbids fracking near schools.") == []
    )


def test_a_no_that_answers_is_no_opposite_of_some():
    # a transcript's "No, I just said that." against any sentence with "some" and "just"
    said = "No, I just said that."
    assert rules(said, "We deported some of the worst people just last week.") == []
    assert Rule.antonym in rules("No cars were sold.", "Some cars were sold.")


@pytest.mark.parametrize(
    ("a", "b", "fired"),
    [
        ("Louis was born in 1715.", "Louis was born in 1729.", True),
        ("Two women are drinking at the bar.", "Three women are drinking at the bar.", True),
        ("Mandhana is an Indian cricketer.", "Mandhana is a Pakistani cricketer.", True),
        ("A girl in a blue dress is dancing.", "A girl in a red dress is dancing.", True),
        # Hedges are read as the quantity language reads them.
        ("California moved more than 12,000 people.", "California moved 13,500 people.", False),
        # A full date's slot is the words before the whole date.
        ("Shot in 2013, the film was released on March 23, 2017.",
         "The film was released in 2007.", True),
        # Different years on different predicates can both be true.
        ("City revenue rose in 2023.", "City revenue fell in 2024.", False),
        # Measurements with units are not slots of one value.
        ("It warmed 0.8 degrees over 100 years.", "It warmed 0.8 degrees over 30 years.", False),
        # The value is held somewhere by both.
        ("The show ran from 1968 to 1973.", "The show ended in 1973.", False),
        # Countries where they are places; not first names that are countries too.
        ("The Dalai Lama lives in Japan.", "The Dalai Lama lives in India.", True),
        ("Jordan scored 30 points in the final.", "Chad scored 30 points in the final.", False),
        # A multiplier is not what a number counts: "km" is, and it is a unit.
        ("The orbit is about 150 million km wide.", "The orbit is 93 million km wide.", False),
        ("The city has 2 million residents.", "The city has 3 million residents.", True),
        # "Degrees" is the unit "degree" (their stems once differed).
        ("Summers are now 6 degrees warmer.", "Summers are now 3 degrees warmer.", False),
        # A part of a group counts nothing of its own.
        ("Four of the 7 warmest years came after 2000.",
         "Seventeen of the 18 warmest years came after 2000.", False),
        # Drafts of real news: a colour capitalised inside a sentence is a name's ("White
        # House", "Navy"); a word is no colour for sharing the colour's stem ("win", "wine");
        # "1st" and "St." are no slot of a number.
        ("A look at where the senator fits into a Lopez White House.",
         "Ann Lee, who as a Navy captain was the White House physician in the Lopez "
         "administration, said he hid his pain.", False),
        ("He said the results were a win for ordinary voters.",
         "Wines believes the campaign took black voters for granted.", False),
        ("The debate is on Oct. 9 in St. Louis.", "There were shootings since January 1st.",
         False),
        ("The car was painted white in the shop.", "The car was painted navy in the shop.",
         True),
    ],
)  # fmt: skip
def test_values_in_one_slot(a, b, fired):
    assert (Rule.values in rules(a, b)) is fired


def test_text_findings_are_suggestions_that_min_confidence_can_hide():
    found = compare([claim("a", "A man is sitting."), claim("b", "A man is standing.", "B C")])
    (conflict,) = found.conflicts
    assert conflict.confidence in (Confidence.low, Confidence.medium)
    text = {"a": "A man is sitting.", "b": "A man is standing."}
    for evidence in conflict.evidence:
        assert text[evidence.claim][evidence.start : evidence.end] == evidence.text


def test_figures_of_different_measures_are_not_a_text_conflict():
    a = claim(
        "a",
        "California released 4,561 people.",
        quantities={"n": {"value": "4,561", "measure": "released"}},
    )
    b = claim("b", "California transferred 12,000 people.", "Bo Sample",
              quantities={"n": {"value": "12,000", "measure": "transferred"}})  # fmt: skip
    assert compare([a, b]).conflicts == []


def test_reading_marks_the_scope_of_a_negation():
    r = reading("The dog is not running, but the cat runs.")
    words = [t.text for t in r.tokens]
    assert r.negated(words.index("running"))
    assert not r.negated(words.index("dog"))
    assert not r.negated(words.index("runs"))  # another clause


def test_reading_knows_which_sentences_are_not_assertions():
    r = reading("Is it warm? It may rain. It rained on May 14.")
    assert r.unasserted == {0, 1}


def test_a_one_letter_surname_is_not_a_name_in_the_text():
    # "Speaker A" is not named by the article "a" next to "a lie".
    names = Reading(claim("x", "t", "Speaker A"), Lexicon.default()).speaker_names
    assert ("a",) not in names
    a = claim("a", "It is a lie that the bridge is safe.", "Speaker A")
    b = claim("b", "The bridge is safe for traffic.", "Speaker B")
    assert compare([a, b]).conflicts == []


def test_a_short_claim_sharing_one_word_is_compared():
    found = compare([claim("a", "Inflation rose."), claim("b", "Inflation fell.", "Bo Sample")])
    assert [c.rule for c in found.conflicts] == [Rule.antonym]


def test_a_crowded_proposition_is_one_finding_side_against_side():
    from factcheck.compare.pairing import MAX_PAIRWISE_PROPOSITION

    n = MAX_PAIRWISE_PROPOSITION * 10
    claims = [
        claim(f"c{i}", f"Claim {i}.", f"Speaker {i}", about="p",
              stance="affirms" if i % 2 else "denies")
        for i in range(n)
    ]  # fmt: skip
    found = compare(claims)
    (conflict,) = found.conflicts
    assert conflict.sides is not None
    assert sorted(conflict.sides["affirms"] + conflict.sides["denies"]) == sorted(
        c.id for c in claims
    )
    assert len(conflict.sides["affirms"]) == n // 2
    assert any(f"has {n} claims" in limit for limit in found.limits)


def test_a_small_proposition_is_still_compared_pair_by_pair():
    claims = [
        claim("a", "A.", "Ann X", about="p", stance="affirms"),
        claim("b", "B.", "Bo Y", about="p", stance="denies"),
        claim("c", "C.", "Cy Z", about="p", stance="denies"),
    ]
    found = compare(claims)
    assert sorted(tuple(c.claims) for c in found.conflicts) == [("a", "b"), ("a", "c")]
    assert all(c.sides is None for c in found.conflicts)


def test_the_subject_is_the_first_name_not_every_name_in_the_clause():
    a = "Cruz has modelled for Mango and Ralph Lauren, but declined to model for Loewe."
    assert Rule.negation in rules(a, "Penelope Cruz modelled for Loewe.")
    assert rules("Senator Smith voted for the bill.", "Senator Jones voted against it.") == []


@pytest.mark.parametrize(
    ("a", "b", "fired"),
    [
        # One name written shorter: its last word, and a first word that starts the other's.
        ("Timothy Simon Roth (born 14 May 1961) is an American actor.",
         "Tim Roth is an English actor.", True),
        ("Margaret Thatcher was the second woman to lead the party.",
         "Thatcher was the first woman to lead the party.", True),
        # Names that end alike but begin apart are different names.
        ("The Budget Control Act of 2011 passed the Senate.",
         "The Oil Pollution Act of 1990 passed the Senate.", False),
        ("Emma Stone was born in 1988.", "Sharon Stone was born in 1958.", False),
    ],
)  # fmt: skip
def test_a_name_is_met_by_the_same_name_written_shorter(a, b, fired):
    assert (Rule.values in rules(a, b)) is fired


@pytest.mark.parametrize(
    ("a", "b", "fired"),
    [
        ("Christopher Scott Kyle (April 8, 1974 - February 2, 2013) was a sniper.",
         "On February 2, 2014, Chris Kyle died.", True),
        ("Maurice Harold Macmillan (10 February 1894 -- 29 December 1986) was a statesman.",
         "Harold Macmillan was born on February 20, 1894.", True),
        ("Anne Sullivan (June 14, 1866 -- October 20, 1936) was a teacher.",
         "Anne Sullivan was born in April of 1866.", True),
        ("Louis died in 1715.", "Louis passed away in 1729.", True),
        ("Louis was born on 3 May 1638.", "Louis was born on 5 May 1638.", True),
        # The same date, less precisely; and another person's date.
        ("Anne Sullivan (June 14, 1866 -- October 20, 1936) was a teacher.",
         "Anne Sullivan was born in 1866.", False),
        ("Anne Sullivan (June 14, 1866 -- October 20, 1936) taught Helen Keller.",
         "Helen Keller was born in 1880.", False),
        # A date denied or asked about is not a date said.
        ("Anne Sullivan (June 14, 1866 -- October 20, 1936) was a teacher.",
         "Anne Sullivan was not born in April of 1866.", False),
    ],
)  # fmt: skip
def test_a_lifespan_against_a_date_said_in_words(a, b, fired):
    found = compare([claim("a", a), claim("b", b, "Bo Sample")]).conflicts
    assert bool(found) is fired
    if fired:
        (conflict,) = found
        assert conflict.rule is Rule.values
        assert conflict.resource is not None and conflict.resource.startswith("different dates")
        texts = {"a": a, "b": b}
        for evidence in conflict.evidence:
            assert texts[evidence.claim][evidence.start : evidence.end] == evidence.text


def test_what_a_sentence_sets_aside_is_not_asserted():
    # "rather than losing it" denies losing: no antonym of "gaining".
    a = "Study concludes Antarctica is gaining ice, rather than losing it."
    assert rules(a, "NASA finds Antarctica is gaining ice.") == []
    assert Rule.negation in rules(a, "Antarctica is losing ice, NASA finds.")


def test_a_pronoun_subject_resolves_to_the_only_name_even_of_two_words():
    assert Rule.negation in rules(
        "She has never appeared on the cover of a fashion magazine.",
        "Ashley Graham appeared on the cover of a fashion magazine.",
    )
    two = "Ashley Graham met Tyra Banks on the cover of a fashion magazine."
    assert Rule.negation not in rules("She has never appeared on the cover of a magazine.", two)


def test_a_name_with_and_without_its_accents_is_one_name():
    # The decomposed form (e + U+0308) is one word too: the regex engine does not count a
    # combining mark as a word character.
    for written in ("Noël", "Noe\u0308l"):
        assert [t.lower for t in reading(f"{written} Coward wrote it.").tokens][:2] == [
            "noel",
            "coward",
        ]
    assert rules(
        "Private Lives is a 1940 comedy by Noe\u0308l Coward.",
        "Private Lives is a 1930 comedy by Noel Coward.",
    ) == [Rule.values]
    assert rules("It is a comedy by Noël Coward.", "It is a comedy by Noel Coward.") == []
    assert stem("Café") == stem("cafe")  # content words are compared by stem


@pytest.mark.parametrize(
    ("a", "b", "fired"),
    [
        ("Mohra is a 1994 Indian action film directed by Rajiv Rai.", "Mohra is a truck.", True),
        ("The Bahamas is an archipelago in the Atlantic.", "The Bahamas is a city.", True),
        # A synonym, or a kind of the other: both can be said of one thing.
        ("Mohra is a 1994 film.", "Mohra is an Indian movie.", False),
        ("Rex is a dog.", "Rex is an animal.", False),
        # Two words for people: one person can be a model and a senator.
        ("Ashley Graham is an American model.", "Ashley Graham is a US senator.", False),
        # Negated, hedged, about another subject, or about an unnamed one.
        ("Mohra is a film.", "Mohra is not a truck.", False),
        ("Mohra is a film.", "If Mohra is a truck, it runs.", False),
        ("Mohra is a film.", "Lagaan is a truck.", False),
        ("The thing is a film.", "The thing is a truck.", False),
        # The text names the other side's kind too.
        ("Mohra is a film based on a book.", "Mohra is a book.", False),
    ],
)  # fmt: skip
def test_one_subject_said_to_be_two_kinds_of_thing(a, b, fired):
    assert (Rule.category in rules(a, b)) is fired


def test_what_a_sentence_says_its_subject_is():
    read = reading("Mohra (Pawn) is a 1994 Indian action thriller film directed by Rajiv Rai.")
    (said,) = read.kinds_said
    assert said.names == {"mohra", "pawn"} <= said.subject
    assert [read.tokens[k].text for k in said.phrase] == ["action", "thriller", "film"]


def test_the_noun_hierarchy_is_read_only_when_two_claims_say_what_one_thing_is():
    wordnet.nouns.cache_clear()
    rules("The county released 4,561 people.", "The county did not release 4,561 people.")
    rules("Mohra is a film.", "Lagaan is a truck.")  # kinds said, of different subjects
    assert wordnet.nouns.cache_info().currsize == 0
    rules("Mohra is a film.", "Mohra is a truck.")
    assert wordnet.nouns.cache_info().currsize == 1


def test_a_text_that_says_what_things_are_many_times_is_cut_short_and_says_so():
    text = " ".join(f"Mohra {k} is a film." for k in range(60))
    comparison = compare([claim("a", text), claim("b", "Mohra is a truck.", "Bo Sample")])
    assert any("only the first 50 were compared" in limit for limit in comparison.limits)
    assert Rule.category in [c.rule for c in comparison.conflicts]  # within the 50: found


def test_a_text_with_many_dates_of_birth_is_cut_short_and_says_so():
    lives = " ".join(f"Ann Lee {k} (1 May 1900 -- 2 May 1950) was a poet." for k in range(60))
    comparison = compare([claim("a", lives), claim("b", "Ann Lee was born in 1901.", "Bo Sample")])
    assert any("the first 50 were compared" in limit for limit in comparison.limits)
    assert Rule.values in [c.rule for c in comparison.conflicts]  # within the 50: found


def test_a_word_said_many_times_is_held_against_a_negation_at_most_50_times():
    many = " ".join(f"Beta {k} follows rules." for k in range(60))
    comparison = compare([claim("a", "Alpha does not follow rules."), claim("b", many, "Bo S")])
    assert any("the negation rule held the first 50" in limit for limit in comparison.limits)


def test_a_sentence_said_again_is_read_once_and_still_found():
    negated = "The county does not follow the law. " * 30
    comparison = compare([claim("a", negated), claim("b", "The county follows the law.", "Bo S")])
    assert [c.rule for c in comparison.conflicts] == [Rule.negation]
    assert comparison.limits == []


def test_a_claim_with_many_values_of_one_kind_is_cut_short_and_says_so():
    years = " ".join(f"It rained in {1900 + k}." for k in range(60))
    comparison = compare([claim("a", years), claim("b", "It rained in 1990.", "Bo Sample")])
    assert any("the first 50 were compared by the values rule" in x for x in comparison.limits)


def test_an_irregular_verb_form_is_never_read_as_a_value():
    # "won" stems to "win", as the colour "wine" does: it was read as a colour.
    assert [v.kind for v in reading("The team won the championship in 2010.").values] == ["year"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bus ridership rose to 40,000 in March.", "Bus ridership rose to 52,000 in June."),
        ("The county permits inspections of private wells.",
         "The county prohibits tests of private wells."),
        ("The program served 4,000 families.", "The program turned away 900 families."),
        ("The team won the championship in 2010.", "The team lost the championship in 2015."),
        ("The strike ended in 1934 with a settlement.",
         "The strike of 1946 ended without a settlement."),
    ],
)  # fmt: skip
def test_two_occasions_objects_or_measures_are_no_conflict(a, b):
    assert rules(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("The museum opened in 1954.", "The museum opened in 1961.", Rule.values),
        ("The state permits fracking on public land.",
         "The state prohibits fracking on public land.", Rule.antonym),
        ("The jail released 300 inmates in May.", "The jail released 450 inmates in May.",
         Rule.values),
    ],
)  # fmt: skip
def test_the_same_occasion_object_and_measure_still_conflict(a, b, rule):
    assert rule in rules(a, b)


def test_a_word_found_in_a_sentence_of_no_content_words_is_compared_without_error():
    # drafts of real news: the antonym rule paired "some" with "No" alone in its sentence
    # (no content word there) and looked that sentence's words up: a KeyError stopped
    # `compare` on the whole topic
    text_a = "In some cases the council will pass the budget."
    text_b = "Will the council pass the budget? No."
    assert rules(text_a, text_b) == rules(text_b, text_a) == []
    assert reading(text_b).sentence_content[1] == frozenset()


def rebuttals(rebutting, rebutted):
    found = compare([claim("a", rebutting, "Ana Ruiz"), *rebutted])
    return {c.claims[1] if c.claims[0] == "a" else c.claims[0]: f
            for c in found.conflicts for f in (c, *c.also) if f.rule is Rule.rebuttal}  # fmt: skip


def test_a_rebuttal_is_aimed_at_the_speaker_named_nearest_before_its_marker():
    # "lies" is Tom Hale's, not Joy Park's, who is named after it in another clause
    found = rebuttals(
        "Ruiz said Hale tells so many lies about the stadium that Park could lose her seat.",
        [claim("hale", "The stadium deal will pay for itself.", "Tom Hale"),
         claim("park", "The stadium vote will cost me my seat.", "Joy Park")],
    )  # fmt: skip
    assert set(found) == {"hale"}


def test_a_name_that_speaks_is_not_the_one_rebutted():
    found = rebuttals(
        "The Hale campaign called the stadium charges fabricated.",
        [claim("hale", "The stadium deal will pay for itself.", "Tom Hale")],
    )
    assert found == {}


def test_a_rebuttal_of_a_person_is_not_one_of_each_of_their_claims():
    # the marker's words share nothing with the budget claim; "stadium" stands in another
    # sentence
    found = rebuttals(
        "The stadium opened in May. Ruiz called Hale a liar.",
        [claim("budget", "The stadium budget fell by a third.", "Tom Hale")],
    )
    assert found == {}


def test_an_unlinked_rebuttal_is_as_sure_as_the_words_it_shares():
    text = "Ruiz said Hale's figures on stadium jobs were false."
    two = rebuttals(text, [claim("jobs", "The stadium will bring 3,000 jobs.", "Tom Hale")])
    one = rebuttals(text, [claim("open", "The stadium opens in May.", "Tom Hale")])
    assert two["jobs"].confidence is Confidence.medium
    assert one["open"].confidence is Confidence.low
    assert "Only 'stadium' ties the rebuttal's words to this claim." in one["open"].caveats
