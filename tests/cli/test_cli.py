import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SEED_CLAIMS, run, run_json
from factcheck import __version__
from factcheck.cli.base import app

VALID = FIXTURES / "valid"


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factcheck {__version__}"


def test_list_json_is_every_claim_with_every_field_by_date_then_id():
    claims = run_json("list", "--claims", VALID)
    assert [c["id"] for c in claims] == ["smith-budget-up", "jones-budget-down", "undated-parks"]
    first = claims[0]
    assert first["date"] == "2024-03-01"
    assert first["quantities"]["total"] == {
        "value": "1.2 million",
        "measure": None,
        "part_of": None,
        "unit": None,
        "period": None,
        "since": None,
        "until": None,
        "note": None,
        "from": None,
        "to": None,
    }
    assert set(first) == set(claims[2])  # unset fields are present as null: a stable shape


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--topic", "council"], ["jones-budget-down"]),
        (["--topic", "council", "--topic", "parks"], ["jones-budget-down", "undated-parks"]),
        (["--speaker", "SMITH"], ["smith-budget-up"]),
        (["--search", "fell"], ["jones-budget-down"]),
        (["--source", "daily-bugle"], ["smith-budget-up", "jones-budget-down"]),
        (["--since", "2024-03-02"], ["jones-budget-down"]),
        (["--until", "2024-03-01"], ["smith-budget-up"]),
        (["--search", "nothing-here"], []),
    ],
)
def test_list_filters(args, ids):
    assert [c["id"] for c in run_json("list", "--claims", VALID, *args)] == ids


def test_list_on_the_seed_corpus_by_topic():
    claims = run_json("list", "--claims", SEED_CLAIMS, "--topic", "detainers")
    speakers = {c["speaker"] for c in claims}
    assert {"Gavin Newsom", "Kristi Noem", "Bill Essayli", "Todd Lyons"} <= speakers


def test_list_table_and_its_count_on_stderr():
    result = run("list", "--claims", VALID)
    assert result.exit_code == 0
    assert "smith-budget-up" in result.stdout
    assert "3 claims" in result.stderr


def test_jsonl_is_one_claim_a_line():
    result = run("list", "--claims", VALID, "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [
        "smith-budget-up",
        "jones-budget-down",
        "undated-parks",
    ]


def test_csv_has_a_header_and_a_row_per_claim():
    result = run("list", "--claims", VALID, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["smith-budget-up", "jones-budget-down", "undated-parks"]
    assert rows[1]["topics"] == "budget;council"


def test_json_and_a_different_format_disagree():
    result = run("list", "--claims", VALID, "--json", "--format", "csv")
    assert result.exit_code == 2
    assert "disagree" in result.stderr
    assert result.stdout == ""


def test_claims_folder_from_the_environment():
    result = run("list", "--json", env={"FACTCHECK_CLAIMS": str(VALID)})
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 3


def test_show_gives_the_claim_its_source_and_its_disputes():
    view = run_json("show", "smith-budget-up", "--claims", VALID)
    assert view["claim"]["id"] == "smith-budget-up"
    assert view["source"]["outlet"] == "Daily Bugle"
    assert view["disputed_by"] == ["jones-budget-down"]
    assert view["checks"] == ["parks-share"]
    other = run_json("show", "jones-budget-down", "--claims", VALID)
    assert other["disputes"] == ["smith-budget-up"]


def test_show_table_lists_the_figures():
    result = run("show", "smith-budget-up", "--claims", VALID)
    assert result.exit_code == 0
    assert "1.2 million" in result.stdout
    assert "1,150,000 to 1,250,000" in result.stdout  # how the figure reads
    assert "Daily Bugle" in result.stdout


def test_show_an_unknown_id_suggests_the_nearest():
    result = run("show", "smith-budget", "--claims", VALID)
    assert result.exit_code == 2
    assert "no claim with ID 'smith-budget'" in result.stderr
    assert "smith-budget-up" in result.stderr
    assert result.stdout == ""


def test_show_has_no_csv():
    result = run("show", "smith-budget-up", "--claims", VALID, "--format", "csv")
    assert result.exit_code == 2
    assert "does not fit" in result.stderr


def test_topics_counts_claims():
    assert run_json("topics", "--claims", VALID) == [
        {"topic": "budget", "claims": 2},
        {"topic": "council", "claims": 1},
        {"topic": "parks", "claims": 1},
    ]


def test_validate_summarises_a_valid_folder():
    result = run("validate", "--claims", VALID)
    assert result.exit_code == 0
    assert result.stdout.strip() == "3 claims, 1 source, 1 check in 2 files"
    summary = run_json("validate", "--claims", VALID)
    # Scripts read the keys in this order; it holds whether the answer came from the cache.
    assert list(summary) == ["valid", "claims", "sources", "checks", "files", "problems", "skipped"]
    assert summary == run_json("validate", "--claims", VALID)
    assert (summary["valid"], summary["claims"], summary["files"]) == (True, 3, 2)


def test_validate_reports_every_problem_and_exits_3():
    folder = FIXTURES / "invalid" / "unknown-refs"
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert result.stderr.count("does not exist") == 6
    assert "6 problems" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_json_puts_the_problems_on_stdout():
    result = run("validate", "--claims", FIXTURES / "invalid" / "syntax", "--json")
    assert result.exit_code == 3
    report = json.loads(result.stdout)
    assert report["valid"] is False
    (problem,) = report["problems"]
    assert problem["line"] == 3
    assert problem["message"].startswith("TOML syntax")


@pytest.mark.parametrize(
    "case",
    [
        "syntax",
        "schema",
        "duplicate",
        "unknown-refs",
        "not-utf8",
        "bom",
        "nul",
        "empty",
        "bad-layout",
    ],
)
@pytest.mark.parametrize("command", ["list", "topics", "validate"])
def test_every_bad_input_exits_3_with_a_message_and_no_traceback(case, command):
    result = run(command, "--claims", FIXTURES / "invalid" / case, "--json")
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    if command == "validate":
        assert str(FIXTURES / "invalid" / case) in result.stdout
        assert json.loads(result.stdout)["valid"] is False
        return
    assert str(FIXTURES / "invalid" / case) in result.stderr
    if result.stdout:  # what the rest of the folder holds, whole
        assert isinstance(json.loads(result.stdout), list)


def _folder_with_one_bad_record(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(VALID, folder)
    (folder / "typo.toml").write_text(
        '[[claims]]\nid = "typo"\nspeker = "Ann Example"\ntext = "A typo."\ntopics = ["t"]\n'
        '\n[[checks]]\nid = "needs-typo"\nclaim = "typo.n"\ncompute = "1 + 1"\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["topics"],
        ["check"],
        ["compare", "--all"],
        ["export", "--all"],
    ],
)
def test_one_bad_record_leaves_it_out_and_the_rest_is_read(tmp_path, args):
    """A typo in one record blocked every command for the whole desk: now the rest is read,
    the output written, then the problems listed, exit 3."""
    folder = _folder_with_one_bad_record(tmp_path)
    result = run(*args, "--claims", folder)
    assert result.exit_code == 3
    assert "typo.toml:3: claim 'typo': speker: unknown field; did you mean 'speaker'?" in (
        result.stderr
    )
    assert "left out for these problems: claim 'typo', check 'needs-typo'" in result.stderr
    assert "Traceback" not in result.stderr
    if args == ["list", "--json"]:
        assert sorted(c["id"] for c in json.loads(result.stdout)) == sorted(
            c["id"] for c in run_json("list", "--claims", VALID)
        )


def test_show_of_a_record_left_out_says_why(tmp_path):
    result = run("show", "typo", "--claims", _folder_with_one_bad_record(tmp_path))
    assert result.exit_code == 2
    assert "no claim with ID 'typo'" in result.stderr
    assert "speker: unknown field" in result.stderr


def test_new_adds_beside_a_bad_record_but_not_into_its_file_nor_under_its_id(tmp_path):
    folder = _folder_with_one_bad_record(tmp_path)
    typo = (folder / "typo.toml").read_bytes()
    add = ["new", "claim", "--no-input", "--speaker", "Bo Sample", "--text", "Said it.",
           "--topic", "t", "--claims", str(folder)]  # fmt: skip
    into_bad = run(*add, "--id", "fine", "--file", folder / "typo.toml")
    assert into_bad.exit_code == 3
    assert "has the problems above" in into_bad.stderr
    assert (folder / "typo.toml").read_bytes() == typo
    taken = run(*add, "--id", "typo", "--file", folder / "more.toml")
    assert taken.exit_code == 2 and "the ID 'typo' is taken" in taken.stderr
    assert not (folder / "more.toml").exists()
    added = run(*add, "--id", "fine", "--file", folder / "more.toml")
    assert added.exit_code == 3  # added, and the folder still has its problem
    assert "added claim 'fine'" in added.stderr
    assert "fine" in {c["id"] for c in json.loads(run("list", "--json", "--claims", folder).stdout)}


def test_a_missing_folder_exits_3(tmp_path):
    result = run("list", "--claims", tmp_path / "absent", "--json")
    assert result.exit_code == 3
    assert "no such folder" in result.stderr
    assert result.stdout == ""


def test_schema_is_json_schema_for_a_claims_file():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "Claim" in schema["$defs"]


def test_help_shows_examples():
    result = run("list", "--help")
    assert result.exit_code == 0
    assert "factcheck list --topic detainers" in result.stdout


def test_the_committed_schema_file_is_current():
    committed = (SEED_CLAIMS.parent / "factcheck.schema.json").read_text(encoding="utf-8")
    assert json.loads(committed) == json.loads(run("schema").stdout)


def test_check_on_the_seed_corpus():
    report = run_json("check", "--claims", SEED_CLAIMS)
    verdicts = {c["id"]: c["verdict"] for c in report["checks"]}
    assert verdicts["untaken-share-vs-dhs-count"] == "approximate"
    assert verdicts["parts:lyons-letter-33179.detainers"] == "consistent"
    assert verdicts["parts:dhs-released-4561.released"] == "consistent"
    assert report["failed"] is False
    assert report["fail_on"] == ["inconsistent", "gross"]
    assert report["counts"]["approximate"] == 1


def test_check_exit_code_follows_fail_on():
    assert run("check", "--claims", SEED_CLAIMS).exit_code == 0
    result = run("check", "--claims", SEED_CLAIMS, "--fail-on", "approximate,gross")
    assert result.exit_code == 1
    assert json.loads(run("check", "--claims", SEED_CLAIMS, "--fail-on", "approximate",
                          "--json").stdout)["failed"] is True  # fmt: skip


def test_check_fail_on_rejects_unknown_verdicts():
    result = run("check", "--claims", SEED_CLAIMS, "--fail-on", "wrong")
    assert result.exit_code == 2
    assert "consistent, approximate" in result.stderr


def test_check_fails_a_gross_figure(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "w"\nspeaker = "S"\ntext = "T"\ntopics = ["x"]\n'
        'quantities = { total = "100", a = { value = "80", part_of = "total" },'
        ' b = { value = "70", part_of = "total" } }\n'
    )
    result = run("check", "--claims", folder)
    assert result.exit_code == 1
    assert "gross" in result.stdout
    assert "1 gross" in result.stderr


def test_check_filters_and_unknown_claim():
    report = run_json("check", "--claims", SEED_CLAIMS, "--claim", "newsom-one-in-eight")
    assert [c["id"] for c in report["checks"]] == ["untaken-share-vs-dhs-count"]
    result = run("check", "--claims", SEED_CLAIMS, "--claim", "newsom-one-in-eigth")
    assert result.exit_code == 2
    assert "newsom-one-in-eight" in result.stderr


def test_check_table_shows_verdicts_and_explanations():
    result = run("check", "--claims", SEED_CLAIMS)
    assert "approximate" in result.stdout
    assert "'about one in seven' is closer" in result.stdout.replace("\n", " ")
    narrow = CliRunner().invoke(app, ["check", "--claims", str(SEED_CLAIMS)],
                                env={"COLUMNS": "80"})  # fmt: skip
    # Narrow: each check stacked, its ID and verdict on one line (see test_layout.py).
    assert "untaken-share-vs-dhs-count  approximate" in narrow.stdout


def test_check_csv_and_jsonl():
    rows = list(csv.DictReader(io.StringIO(run("check", "--claims", SEED_CLAIMS, "-f", "csv")
                                           .stdout)))  # fmt: skip
    assert {r["verdict"] for r in rows} == {"approximate", "consistent"}
    lines = run("check", "--claims", SEED_CLAIMS, "-f", "jsonl").stdout.splitlines()
    assert len(lines) == len(rows) == 3


def test_calc_with_a_claim_in_json():
    result = run("calc", "4,561 / 33,179", "--claim", "about one in eight", "--json")
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert answer["verdict"] == "approximate"
    assert answer["claimed"] == "about one in eight"
    assert answer["percent"] == "13.75%"
    assert answer["one_in"] == "one in 7.27"
    assert answer["value"].startswith("0.13746646975")
    assert "one in seven" in answer["explanation"]


def test_calc_without_a_claim_prints_every_form():
    result = run("calc", "1 / 8")
    assert result.exit_code == 0
    for form in ("0.125", "1/8", "12.5%"):
        assert form in result.stdout
    assert json.loads(run("calc", "1/8", "--json").stdout)["value_exact"] is True


def test_calc_reads_references_from_the_claims_folder():
    answer = run_json("calc", "dhs-released-4561.released / lyons-letter-33179.detainers",
                      "--claims", SEED_CLAIMS, "--claim", "13.7%")  # fmt: skip
    assert answer["verdict"] == "consistent"


def test_calc_does_not_need_a_claims_folder_for_plain_numbers(tmp_path):
    result = run("calc", "2 + 2", "--claims", tmp_path / "absent")
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["calc", "4,561 / (33,179"], "missing ')'"),
        (["calc", "__import__('os').system('x')"], "unexpected '_'"),
        (["calc", "1 / 8", "--claim", "lots"], "cannot read 'lots'"),
        (["calc", "1 / 0"], "division by zero"),
        (["calc", "nobody.here / 2", "--claims", str(SEED_CLAIMS)], "no figure 'nobody.here'"),
    ],
)
def test_calc_errors_exit_2_with_a_message(args, fragment):
    result = run(*args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_calc_with_a_claim_on_an_undefined_value_is_uncheckable():
    answer = run_json("calc", "1 / 0", "--claim", "5%")
    assert answer["verdict"] == "uncheckable"
    assert answer["value"] is None


def test_compare_topic_json_on_the_seed_corpus():
    found = run_json("compare", "--topic", "detainers", "--claims", SEED_CLAIMS)
    assert found["topic"] == "detainers"
    pairs = {tuple(c["claims"]): c for c in found["conflicts"]}
    essayli = pairs[("essayli-prohibits-handover", "newsom-follows-law")]
    assert essayli["rule"] == "recorded"
    assert essayli["confidence"] == "high"
    assert {"rule", "confidence", "explanation", "evidence", "claims"} <= set(essayli)
    assert "rebuttal" in [f["rule"] for f in essayli["also"]]
    assert [c["claims"] for c in found["contrasts"]] == [
        ["dhs-released-4561", "newsom-office-transfers-12000"]]  # fmt: skip


def test_compare_table_shows_both_claims_and_the_reason():
    result = run("compare", "--topic", "detainers", "--claims", SEED_CLAIMS)
    assert result.exit_code == 0
    out = result.stdout
    assert "essayli-prohibits-handover" in out and "newsom-follows-law" in out
    assert "recorded (high confidence)" in out
    assert "contrasting evidence" in out
    assert "conflicts" in result.stderr


def test_compare_fail_on_conflict_and_min_confidence():
    args = ("compare", "--topic", "detainers", "--claims", SEED_CLAIMS)
    assert run(*args).exit_code == 0
    assert run(*args, "--fail-on-conflict").exit_code == 1
    found = run_json(*args, "--min-confidence", "high")
    assert all(c["confidence"] == "high" for c in found["conflicts"])


def test_compare_leaves_low_confidence_suggestions_out_by_default_and_says_so(write_claims):
    # A WordNet antonym in loosely matching sentences: a low-confidence suggestion, which on
    # drafts of real news were almost all wrong (docs/compare.md).
    folder = write_claims(
        '[[claims]]\nid = "lee-bridge"\ntext = "The bridge is ugly and old."\n'
        'speaker = "Kim Lee"\ntopics = ["roads"]\n\n'
        '[[claims]]\nid = "diaz-bridge"\ntext = "The bridge over the river is beautiful."\n'
        'speaker = "Ana Diaz"\ntopics = ["roads"]\n'
    )
    args = ("compare", "--topic", "roads", "--claims", folder)
    shown = run(*args, "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["conflicts"] == []
    left_out = "1 conflict of less than medium confidence not shown (--min-confidence low"
    assert left_out in shown.stderr and left_out in json.loads(shown.stdout)["limits"][-1]
    assert run(*args, "--fail-on-conflict").exit_code == 0
    every = run_json(*args, "--min-confidence", "low")
    assert [(c["rule"], c["confidence"]) for c in every["conflicts"]] == [("antonym", "low")]
    assert not any("not shown" in limit for limit in every["limits"])
    assert run(*args, "--min-confidence", "low", "--fail-on-conflict").exit_code == 1


def test_compare_all_is_one_document_per_topic():
    found = run_json("compare", "--all", "--claims", SEED_CLAIMS)
    assert [c["topic"] for c in found] == sorted(c["topic"] for c in found)
    assert "detainers" in [c["topic"] for c in found]


def test_compare_about():
    found = run_json("compare", "--about", "ca-cooperates-with-ice", "--claims", SEED_CLAIMS)
    assert found["about"] == "ca-cooperates-with-ice"
    # The two opposite stances, and the claim that disputes one of them.
    assert [c["claims"] for c in found["conflicts"]] == [
        ["dhs-released-4561", "newsom-office-transfers-12000"],
        ["newsom-office-transfers-12000", "noem-urges-no-release"],
        ["newsom-noem-misinformation", "noem-urges-no-release"],
    ]


def test_an_unknown_topic_gets_one_message_in_list_compare_and_match():
    commands = (["list"], ["compare"], ["match", "released"])
    said = {run(*c, "--topic", "detainer", "--claims", SEED_CLAIMS).stderr for c in commands}
    assert said == {
        "error: --topic 'detainer' matches nothing in the claims folder; "
        "did you mean detainers, transfers?\n"
    }


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--about", "nothing"], "known propositions:"),
        ([], "give one of --topic TOPIC, --all or --about KEY"),
        (["--topic", "detainers", "--all"], "give one of"),
    ],
)
def test_compare_usage_errors(args, fragment):
    result = run("compare", *args, "--claims", SEED_CLAIMS)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert result.stdout == ""


def test_compare_escapes_claim_text(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "a"\nspeaker = "[red]S[/red]"\ntopics = ["t"]\n'
        'text = "The city met its housing target \\u001b[2J."\n'
        '[[claims]]\nid = "b"\nspeaker = "T"\ntopics = ["t"]\n'
        'text = "The city did not meet its housing target."\n'
    )
    result = run("compare", "--topic", "t", "--claims", folder)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "[red]S[/red]" in result.stdout
    assert "negation" in result.stdout


def test_show_lists_only_the_checks_that_name_the_claim(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "a"\nspeaker = "S"\ntext = "T"\ntopics = ["x"]\n'
        'quantities = { n = "1" }\n'
        '[[claims]]\nid = "ba"\nspeaker = "S"\ntext = "T"\ntopics = ["x"]\n'
        'quantities = { n = "2" }\n'
        '[[checks]]\nid = "k"\nexpect = "2"\ncompute = "ba.n * 1"\n'
    )
    assert run_json("show", "a", "--claims", folder)["checks"] == []
    assert run_json("show", "ba", "--claims", folder)["checks"] == ["k"]


def test_validate_files_reports_only_their_problems(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    good = folder / "good.toml"
    good.write_text(
        '[[claims]]\nid = "a"\ntext = "t"\nspeaker = "s"\ntopics = ["x"]\nsource = "src"\n',
        encoding="utf-8",
    )
    (folder / "sources.toml").write_text('[[sources]]\nid = "src"\n', encoding="utf-8")
    bad = folder / "bad.toml"
    bad.write_text('[[claims]]\nid = "b"\n', encoding="utf-8")
    # The good file's reference to a source in another file resolves; the bad file's problems
    # are not reported when only the good file is asked about.
    result = run("validate", good, "--claims", folder)
    assert result.exit_code == 0
    assert "other files in the folder have problems" in result.stderr
    result = run("validate", good, bad, "--claims", folder)
    assert result.exit_code == 3
    assert "bad.toml" in result.stderr and "good.toml" not in result.stderr
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    elsewhere = run("validate", tmp_path / "pyproject.toml", good, "--claims", folder)
    assert elsewhere.exit_code == 0
    assert "skipped" in elsewhere.stderr and "not in the claims folder" in elsewhere.stderr


def test_the_pre_commit_hook_validates_the_whole_folder_at_every_commit(tmp_path):
    """Emptying or deleting a file others refer to passed the hook, which reported only the
    problems of the changed files (and a deletion passes none)."""
    from conftest import ROOT

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: factcheck validate" in hook
    assert "pass_filenames: false" in hook and "always_run: true" in hook
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "benzinga.toml").write_text(
        '[[claims]]\nid = "a"\ntext = "t"\nspeaker = "s"\ntopics = ["x"]\nsource = "src"\n',
        encoding="utf-8",
    )
    sources = folder / "sources.toml"
    sources.write_text('[[sources]]\nid = "src"\n', encoding="utf-8")
    # What pre-commit runs: the entry and the hook's args, no file names.
    assert run("validate", "--claims", folder).exit_code == 0
    sources.write_text("", encoding="utf-8")  # emptied
    emptied = run("validate", "--claims", folder)
    assert emptied.exit_code == 3 and "refers to source 'src'" in emptied.stderr
    sources.unlink()  # deleted
    assert run("validate", "--claims", folder).exit_code == 3
    assert run("validate", sources, "--claims", folder).exit_code == 2  # no such file


def test_claims_from_stdin_or_a_single_file():
    seed_file = next(SEED_CLAIMS.glob("*.toml"))
    text = seed_file.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["list", "--claims", "-", "--json"], input=text)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10
    broken = CliRunner().invoke(app, ["validate", "--claims", "-"], input="id = ")
    assert broken.exit_code == 3
    assert "<stdin>:1:6: TOML syntax" in broken.stderr
    assert len(run_json("list", "--claims", seed_file)) == 10


@pytest.mark.parametrize(
    ("command", "formats"),
    [("list", "table|json|jsonl|csv"), ("show", "table|json|jsonl"), ("validate", "table|json"),
     ("calc", "table|json|jsonl")],
)  # fmt: skip
def test_help_lists_the_formats_each_command_takes(command, formats):
    result = run(command, "-h")
    assert result.exit_code == 0
    assert f"--format {formats}" in result.stdout
    assert f"--format {formats}|" not in result.stdout


def test_help_shows_brackets_and_keeps_examples_whole():
    text = run("check", "--help").stdout
    assert "Runs every [[checks]] record" in text
    assert "factcheck check --claim newsom-one-in-eight --json | jq '.checks[].verdict'" in text
    assert "<list[str]>" not in text and "%Y" not in text


@pytest.mark.parametrize("cached", [True, False])
def test_show_of_another_kind_of_record_or_another_case_says_so(tmp_path, cached):
    env = (
        {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")} if cached else {"FACTCHECK_NO_CACHE": "1"}
    )
    run("list", "--claims", SEED_CLAIMS, env=env)  # leaves a listing when cached
    said = {
        name: run("show", name, "--claims", SEED_CLAIMS, env=env)
        for name in ("benzinga-newsom-noem", "untaken-share-vs-dhs-count", "DHS-released-4561",
                     "newsom-o")
    }  # fmt: skip
    assert all(r.exit_code == 2 for r in said.values())
    assert "'benzinga-newsom-noem' is a source, not a claim" in said["benzinga-newsom-noem"].stderr
    assert "is a check, not a claim" in said["untaken-share-vs-dhs-count"].stderr
    assert "did you mean dhs-released-4561?" in said["DHS-released-4561"].stderr
    assert "did you mean newsom-office-transfers-12000, newsom-one-in-eight" in (
        said["newsom-o"].stderr)  # fmt: skip


def test_a_rating_filter_takes_any_case(tmp_path):
    folder = FIXTURES / "reviewed"
    lower = run("list", "--rating", "mostly-true", "--json", "--claims", folder)
    upper = run("list", "--rating", "Mostly-True", "--json", "--claims", folder)
    assert lower.exit_code == upper.exit_code == 0, upper.stderr
    assert json.loads(upper.stdout) == json.loads(lower.stdout) != []


def test_the_claims_folder_is_found_from_inside_it_or_below_the_repository(tmp_path, monkeypatch):
    repository = tmp_path / "desk"
    shutil.copytree(SEED_CLAIMS, repository / "claims")
    (repository / ".git").mkdir()
    (repository / "notes" / "drafts").mkdir(parents=True)
    for where in (repository / "claims", repository / "notes" / "drafts"):
        monkeypatch.chdir(where)
        result = run("list", "--json")
        assert result.exit_code == 0, result.stderr
        assert len(json.loads(result.stdout)) == 10
    # Never above the repository: a claims folder there belongs to something else.
    (tmp_path / "claims").mkdir()
    shutil.rmtree(repository / "claims")
    assert run("list").exit_code == 3


def test_global_flags_work_after_the_command(tmp_path):
    env = {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    after = run("list", "--json", "--no-cache", "--no-pager", "--claims", SEED_CLAIMS, env=env)
    assert after.exit_code == 0, after.stderr
    assert len(json.loads(after.stdout)) == 10
    assert not (tmp_path / "cache").exists()  # --no-cache was honoured


@pytest.mark.parametrize(
    "command", ["show", "calc", "validate", "import", "extract", "match", "export", "list"]
)
def test_help_names_arguments_as_a_person_types_them(command):
    """Usage lines read `[[FILE]...]...` and `{FILE}`, arguments `FILE <list[Path]>`."""
    result = run(command, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    usage = result.stdout.splitlines()[0]
    arguments = result.stdout.partition("Arguments:")[2].partition("Options:")[0]
    for odd in ("[[", "]]", "{", "<list", "<str>", "<path>", "<Path>"):
        assert odd not in usage + arguments, odd


@pytest.mark.parametrize(
    "command",
    [["check", "--claim"], ["match", "--claim"], ["show"]],
    ids=["check", "match", "show"],
)
def test_a_source_id_given_for_a_claim_gets_one_message_everywhere(command):
    # check and match once said only "no claim with ID" where show named the source.
    result = run(*command, "benzinga-newsom-noem", "--claims", SEED_CLAIMS,
                 env={"FACTCHECK_NO_CACHE": "1"})  # fmt: skip
    assert result.exit_code == 2
    assert "'benzinga-newsom-noem' is a source, not a claim" in result.stderr


def test_a_run_takes_the_environment_it_is_handed(tmp_path):
    """httpie's model (issue 29): a run's state is one object, and a test can hand in its own;
    here one with the cache off, which must then write nothing where the cache would go."""
    from typer.testing import CliRunner

    from factcheck.cli.base import app
    from factcheck.cli.environment import Environment, environment

    cache = tmp_path / "cache"
    handed = Environment(cache=False)
    result = CliRunner().invoke(app, ["list", "--json", "--claims", str(SEED_CLAIMS)],
                                env={"FACTCHECK_CACHE_DIR": str(cache)}, obj=handed)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10
    assert [f.where for f in handed.opened] == [str(SEED_CLAIMS)]  # the run used this one
    assert not cache.exists()
    assert environment() is not handed  # and the next caller does not inherit it
    warm = CliRunner().invoke(app, ["list", "--json", "--claims", str(SEED_CLAIMS)],
                              env={"FACTCHECK_CACHE_DIR": str(cache)})  # fmt: skip
    assert warm.exit_code == 0 and cache.exists()  # a run of its own has the cache on


def test_a_folder_loaded_again_is_judged_by_its_last_load(tmp_path):
    """extract --write retried after another writer's records were read, put back a moment
    later, exited 3 for problems the folder no longer had (seen once in CI, 4 writers)."""
    from factcheck.cli.environment import Environment, finished, started
    from factcheck.cli.folder import claims_folder, left_out

    folder = tmp_path / "claims"
    folder.mkdir()
    good = '[[claims]]\nid = "a"\ntext = "T"\nspeaker = "S"\ntopics = ["t"]\n'
    (folder / "c.toml").write_text(good + good, encoding="utf-8")  # a duplicate ID
    started(Environment(cache=False), pager=True, cache=False)
    try:
        assert claims_folder(str(folder)).corpus().left_out
        assert left_out() is not None
        (folder / "c.toml").write_text(good, encoding="utf-8")
        assert not claims_folder(str(folder)).corpus().left_out
        assert left_out() is None
    finally:
        finished()


def test_numpy_runs_one_blas_thread_unless_the_user_asks_for_more():
    from factcheck.cli.main import one_blas_thread

    unset: dict[str, str] = {}
    one_blas_thread(unset)
    assert unset == {"OPENBLAS_NUM_THREADS": "1"}
    asked = {"OPENBLAS_NUM_THREADS": "4"}
    one_blas_thread(asked)
    assert asked == {"OPENBLAS_NUM_THREADS": "4"}
