from pathlib import Path

import pytest

from conftest import FIXTURES, SEED_CLAIMS
from factcheck.folder.discovery import claim_files
from factcheck.folder.problems import ClaimsError
from factcheck.folder.store import load

INVALID = FIXTURES / "invalid"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ClaimsError) as error:
        load(folder)
    return [str(p) for p in error.value.problems]


def test_the_valid_fixture_loads_every_record_in_file_order():
    corpus = load(FIXTURES / "valid")
    assert list(corpus.claims) == ["smith-budget-up", "jones-budget-down", "undated-parks"]
    assert list(corpus.sources) == ["daily-bugle"]
    assert list(corpus.checks) == ["parks-share"]
    assert [p.name for p in corpus.files] == ["budget.toml", "sources.toml"]


def test_the_seed_corpus_is_valid():
    corpus = load(SEED_CLAIMS)
    assert len(corpus.claims) >= 10
    assert corpus.claims["dhs-released-4561"].quantities["released"].value == "4,561"


def test_files_are_found_recursively_in_a_stable_order_skipping_hidden(tmp_path):
    for name in ["b.toml", "a/z.toml", "a/b.toml", ".git/x.toml", "notes.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert [p.relative_to(tmp_path).as_posix() for p in claim_files(tmp_path).files] == [
        "a/b.toml",
        "a/z.toml",
        "b.toml",
    ]


def test_toml_syntax_errors_carry_line_and_column():
    (message,) = problems_of(INVALID / "syntax")
    assert message.startswith(f"{INVALID / 'syntax' / 'a.toml'}:3:")
    assert "TOML syntax" in message


def test_every_schema_error_in_a_file_is_reported_in_one_run():
    messages = problems_of(INVALID / "schema")
    path = INVALID / "schema" / "a.toml"
    # Each schema problem carries the line of its field, or of its record's header.
    assert f"{path}:1: claim 'no-speaker': speaker: required field is missing" in messages
    assert f"{path}:10: claim 'bad-fields': topics: must not be empty" in messages
    assert any("claim 'bad-fields': colour: unknown field" in m for m in messages)
    assert any("claim 'bad-fields': stance:" in m for m in messages)
    assert any("claim #3: id: 'Bad ID' is not a valid ID" in m for m in messages)
    assert any("quantities.n.units: unknown field; did you mean 'unit'?" in m for m in messages)
    assert any("colour: unknown field; the fields are: id, text," in m for m in messages)
    assert len(messages) == 6


def test_pattern_errors_say_the_rule_not_the_regex(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "ok"\nspeaker = "S"\ntext = " "\ntopics = ["Detainers"]\n'
        'quantities = { n = { value = "1", part_of = "a.b.c" } }\n'
    )
    messages = problems_of(folder)
    assert f"{folder / 'claims.toml'}:4: claim 'ok': text: must not be empty" in messages
    assert any("topics[0]: 'Detainers' is not a valid ID" in m for m in messages)
    assert any("quantities.n.part_of: 'a.b.c' is not a quantity" in m for m in messages)
    assert not any("should match pattern" in m for m in messages)


def test_duplicate_ids_name_both_places():
    (message,) = problems_of(INVALID / "duplicate")
    assert str(INVALID / "duplicate" / "b.toml") in message
    assert str(INVALID / "duplicate" / "a.toml") in message
    assert "duplicate ID" in message


def test_unknown_references_name_the_record_and_the_missing_id():
    messages = problems_of(INVALID / "unknown-refs")
    expected = [
        ("claim 'orphan': source", "source 'nowhere'"),
        ("claim 'orphan': disputes", "claim 'ghost-claim'"),
        ("claim 'orphan': quantities.part.part_of", "quantity 'orphan.whole'"),
        ("claim 'orphan': quantities.other.part_of", "quantity 'ghost-claim.total'"),
        ("check 'broken': claim", "quantity 'orphan.missing'"),
        ("check 'broken': compute", "quantity 'ghost-claim.total'"),
    ]
    for where, what in expected:
        assert any(where in m and what in m for m in messages), (where, messages)


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("not-utf8", "a.toml:4:12: is not valid UTF-8"),
        ("bom", "a.toml: starts with a byte-order mark"),
        ("nul", "a.toml:3:13: contains a NUL byte"),
        ("empty", "no .toml files found"),
        ("bad-layout", "'claims' must be an array of tables: write [[claims]]"),
    ],
)
def test_unusable_files_get_a_clear_message(case, fragment):
    messages = problems_of(INVALID / case)
    assert any(fragment in m for m in messages), messages


def test_a_missing_folder_and_a_file_given_as_folder(tmp_path):
    assert "no such folder" in problems_of(tmp_path / "nope")[0]
    (tmp_path / "f.txt").write_text("")
    assert "is not a claims folder or a .toml file" in problems_of(tmp_path / "f.txt")[0]
    (tmp_path / "f.toml").write_text("[[claims]]\nid = 'x'\n")  # one file is a claims document
    problems = problems_of(tmp_path / "f.toml")
    assert any("speaker: required field is missing" in p for p in problems)


def test_problems_in_several_files_are_all_reported(write_claims):
    write_claims("[[claims]]\nid = 'a'\n", "one.toml")
    folder = write_claims("x = = 1\n", "two.toml")
    messages = problems_of(folder)
    assert any("one.toml" in m for m in messages)
    assert any("two.toml" in m for m in messages)


def test_figures_and_expressions_are_read_when_loading(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "c"\nspeaker = "S"\ntext = "T"\ntopics = ["x"]\n'
        'quantities = { n = "lots", m = "about one in eight" }\n'
        '[[checks]]\nid = "k"\nclaim = "c.m"\ncompute = "c.m / (2"\n'
        '[[checks]]\nid = "e"\nexpect = "a bunch"\ncompute = "1"\n'
    )
    messages = problems_of(folder)
    path = folder / "claims.toml"
    assert any(m.startswith(f"{path}:6: claim 'c': quantities.n.value: cannot read 'lots'")
               for m in messages)  # fmt: skip
    assert any(f"{path}:10: check 'k': compute: missing ')'" in m for m in messages)
    assert any(f"{path}:13: check 'e': expect: cannot read 'a bunch'" in m for m in messages)


def test_a_typo_in_a_field_is_one_problem_with_a_suggestion(write_claims):
    """speker_role was reported with the field list, and the figure the check refers to,
    which is there in the claim with the typo, as missing too."""
    folder = write_claims(
        '[[claims]]\nid = "a"\ntext = "It rose to 5."\nspeaker = "s"\nspeker_role = "x"\n'
        'topics = ["t"]\nquantities = { n = "5" }\n\n'
        '[[checks]]\nid = "k"\nclaim = "a.n"\ncompute = "5"\n'
    )
    (message,) = problems_of(folder)
    assert message.endswith("claim 'a': speker_role: unknown field; did you mean 'speaker_role'?")
