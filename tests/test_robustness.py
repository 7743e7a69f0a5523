"""Hostile input and hostile surroundings (issue 8): a clear line and a documented exit code,
never a traceback. Whole processes where the surroundings matter (a full disk, a closed
stdout, a locale that cannot encode the output)."""

from __future__ import annotations

import errno
import io
import json
import os
import shlex
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import FIXTURES, SEED_CLAIMS
from factcheck import jsonout
from factcheck.errors import EXIT_OUTPUT
from factcheck.output import terminal

COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["list", "--format", "csv"],
    ["show", "dhs-released-4561"],
    ["topics"],
    ["validate"],
    ["check"],
    ["check", "--json"],
    ["compare", "--topic", "detainers"],
    ["calc", "4,561 / 33,179"],
    ["schema"],
    ["--help"],
    ["list", "--help"],
    ["export", "--all"],
    ["import", "--dry-run", str(FIXTURES / "claimreview" / "review.json")],
    ["match", "released with a detainer"],
    ["match", "--json", "released with a detainer"],
    ["extract", str(FIXTURES / "extract" / "article.txt")],
]


def claims_for(args: list[str]) -> list[str]:
    if args[0] in ("schema", "calc", "--help", "extract") or "--help" in args:
        return []
    return ["--claims", str(SEED_CLAIMS)]


def factcheck(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=kwargs.pop("capture_output", True),
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        check=False,
        **kwargs,
    )


def no_traceback(stderr: bytes) -> bool:
    return b"Traceback" not in stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", COMMANDS)
def test_a_full_disk_is_one_line_and_exit_4(args):
    claims = claims_for(args)
    with open("/dev/full", "wb") as full:
        done = factcheck(*args, *claims, stdout=full, capture_output=False, stderr=subprocess.PIPE)
    assert done.returncode == EXIT_OUTPUT
    assert no_traceback(done.stderr)
    assert b"cannot write output: No space left on device" in done.stderr


@pytest.mark.parametrize("args", COMMANDS)
def test_a_closed_stdout_is_one_line_and_exit_4(args):
    """Python makes a closed stdout None, and Rich and click then drop every line without a
    word: a table, `topics` and `--help` exited 0 having printed nothing, others crashed."""
    claims = claims_for(args)
    command = shlex.join([sys.executable, "-m", "factcheck", *args, *claims])
    done = subprocess.run(
        f"{command} >&-", shell=True, capture_output=False, stderr=subprocess.PIPE, check=False
    )
    assert done.returncode == EXIT_OUTPUT
    assert no_traceback(done.stderr)
    assert b"standard output is closed" in done.stderr


class _Broken(io.StringIO):
    def __init__(self, failure: OSError) -> None:
        super().__init__()
        self.failure = failure
        self.buffer = self

    def write(self, data):  # type: ignore[override]
        raise self.failure


@pytest.mark.parametrize(
    ("failure", "message", "cut_short"),
    [
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), "reader closed the pipe", True),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device", False),
        (OSError(errno.EIO, "Input/output error"), "Input/output error", False),
    ],
)
def test_every_writer_turns_a_write_failure_into_one_output_error(
    monkeypatch, failure, message, cut_short
):
    monkeypatch.setattr(sys, "stdout", _Broken(failure))
    for write in (
        lambda: jsonout.write_json({"a": 1}),
        lambda: terminal.write_csv(["h"], [["v"]]),
        lambda: terminal.show("text"),
    ):
        with pytest.raises(jsonout.OutputError) as caught:
            write()
        assert message in str(caught.value)
        assert caught.value.cut_short is cut_short


def test_a_short_write_is_an_error_not_a_silent_truncation(monkeypatch):
    class Short(io.BytesIO):
        def write(self, data):  # type: ignore[override]
            return 0

    class Stdout(io.StringIO):
        buffer = Short()

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(jsonout.OutputError, match="short write"):
        jsonout.write_json(list(range(10)))


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
        {"PYTHONIOENCODING": "latin-1"},
    ],
)
@pytest.mark.parametrize("args", COMMANDS)
def test_a_locale_that_cannot_encode_the_output_degrades_to_escapes(args, env):
    claims = claims_for(args)
    done = factcheck(*args, *claims, env=env)
    assert no_traceback(done.stderr), done.stderr.decode(errors="replace")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout


@pytest.mark.parametrize("from_listing", [False, True], ids=["loaded", "listed"])
def test_ctrl_c_exits_130_without_a_traceback(monkeypatch, from_listing):
    from conftest import run
    from factcheck import filters
    from factcheck.folder import query

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    env = {} if from_listing else {"FACTCHECK_NO_CACHE": "1"}
    if from_listing:
        assert run("list", "--claims", SEED_CLAIMS).exit_code == 0  # leaves the listing
        monkeypatch.setattr(filters, "listed_in_order", interrupted)
    else:
        monkeypatch.setattr(query, "list_claims", interrupted)
    result = run("list", "--claims", SEED_CLAIMS, env=env)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- files the TOML parser or the file system make hard (items 2, 3, 4, 13, 27) -----------


def problems_json(folder):
    from conftest import run

    result = run("validate", "--json", "--claims", folder)
    assert result.exit_code == 3, result.stdout
    return json.loads(result.stdout)["problems"]


CLAIM = '[[claims]]\nid = "a"\ntext = "t"\nspeaker = "s"\ntopics = ["x"]\n'


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("x = " + "[" * 450 + "]" * 450 + "\n", "nested over 100 deep", 1),
        (CLAIM + "n = " + "9" * 4301 + "\n", "over 4,300 digits", 6),
        (CLAIM + "k" + ".k" * 1001 + " = 1\n", "dotted parts", 6),
        (CLAIM + "[" + "t." * 1001 + "t]\n", "dotted parts", 6),
    ],
)
def test_input_beyond_the_parser_is_a_located_problem(write_claims, text, fragment, line):
    (problem,) = problems_json(write_claims(text))
    assert fragment in problem["message"]
    assert problem["line"] == line
    assert problem["path"].endswith("claims.toml")


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_file_name_that_is_not_utf8_keeps_json_valid(tmp_path):
    from conftest import run

    folder = tmp_path / "claims"
    folder.mkdir()
    name = os.fsdecode(b"x\xff.toml")
    (folder / name).write_text(CLAIM, encoding="utf-8")
    result = run("validate", "--json", "--claims", folder)
    assert result.exit_code == 0
    shown = run("show", "a", "--json", "--claims", folder)
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["path"].endswith("x\\xff.toml")
    (folder / os.fsdecode(b"y\xfe.toml")).write_text("id = ", encoding="utf-8")
    (problem,) = problems_json(folder)
    assert problem["path"].endswith("y\\xfe.toml")


@pytest.mark.slow
def test_folders_nested_a_thousand_deep_are_walked(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    deep = folder
    for _ in range(1000):  # one level at a time: pathlib's own mkdir(parents=True) recurses
        deep = deep / "d"
        os.mkdir(deep)
    (deep / "a.toml").write_text(CLAIM, encoding="utf-8")
    from factcheck.folder.store import load

    try:
        assert list(load(folder).claims) == ["a"]
    finally:
        # Removed here, bottom up: shutil.rmtree (pytest's clean-up) recurses on Python < 3.12.
        (deep / "a.toml").unlink()
        while deep != folder:
            os.rmdir(deep)
            deep = deep.parent


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_a_problem(write_claims):
    folder = write_claims(CLAIM)
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        (problem,) = problems_json(folder)
        assert "folder cannot be read" in problem["message"]
    finally:
        locked.chmod(0o755)


def test_an_unlistable_folder_is_a_problem(write_claims, monkeypatch):
    # The same as an unreadable folder, for a test suite that may run as root.
    from factcheck.folder import discovery

    folder = write_claims(CLAIM)
    (folder / "sub").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    found = discovery.claim_files(folder)
    assert found.problems == [(str(folder / "sub"), "folder cannot be read: Permission denied")]


def test_dangling_looping_and_outside_links_are_reported(write_claims, tmp_path):
    folder = write_claims(CLAIM)
    (folder / "gone.toml").symlink_to(tmp_path / "nowhere.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    outside = tmp_path / "outside.toml"
    outside.write_text(CLAIM.replace('"a"', '"b"'), encoding="utf-8")
    (folder / "out.toml").symlink_to(outside)
    (folder / "back").symlink_to(folder)  # a link back up the tree is walked once
    problems = {Path(p["path"]).name: p["message"] for p in problems_json(folder)}
    assert set(problems) == {"gone.toml", "loop.toml", "out.toml"}
    assert "leads nowhere" in problems["gone.toml"]
    assert "leads nowhere" in problems["loop.toml"]
    assert "outside the claims folder" in problems["out.toml"]


def test_hidden_files_are_skipped_and_said(write_claims):
    from conftest import run

    folder = write_claims(CLAIM, name=".b.toml")
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert "no .toml files found (skipped as hidden: .b.toml)" in result.stderr
    (folder / "a.toml").write_text(CLAIM, encoding="utf-8")
    result = run("validate", "--claims", folder)
    assert result.exit_code == 0
    assert "skipped as hidden (not read): .b.toml" in result.stderr


# --- figures and word lists (items 1, 7) ---------------------------------------------------


def test_a_result_too_large_is_uncheckable_not_a_crash(write_claims):
    from conftest import run

    big = "9" * 40 + " trillion"
    folder = write_claims(
        CLAIM + f'quantities = {{ q = "{big}" }}\n'
        '[[checks]]\nid = "k"\nexpect = "5"\ncompute = "' + "*".join(["a.q"] * 83) + '"\n'
    )
    assert run("validate", "--claims", folder).exit_code == 0
    result = run("check", "--json", "--claims", folder)
    assert result.exit_code == 0
    (check,) = json.loads(result.stdout)["checks"]
    assert check["verdict"] == "uncheckable"
    assert "result too large" in check["explanation"]
    calc = run("calc", "*".join(["a.q"] * 83), "--claim", "5", "--claims", folder)
    assert calc.exit_code == 0
    assert "result too large" in calc.stdout


@pytest.mark.parametrize("phrase", ["\\u001c", "_", "   ", "\\u2028"])
def test_a_lexicon_phrase_without_a_word_is_a_problem(write_claims, phrase):
    from conftest import run

    folder = write_claims(
        f'[lexicon]\nnegations = ["{phrase}"]\n' + CLAIM + CLAIM.replace('"a"', '"b"')
    )
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert "lexicon: negations[0]:" in result.stderr
    assert "is not a word or phrase" in result.stderr
    assert "lexicon: lexicon" not in result.stderr


# --- wrong answers made right (items 12, 14) ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "must be a TOML date without quotes"),
        ('"2025-01-20"', "must be a TOML date without quotes"),
        ("2025-01-20T10:00:00+05:00", "is a date and time"),
        ("2025-01-20T10:00:00", "is a date and time"),
    ],
)
def test_dates_are_strict_toml_dates(write_claims, value, message):
    (problem,) = problems_json(write_claims(CLAIM + f"date = {value}\n"))
    assert problem["field"] == "date"
    assert message in problem["message"]


def test_a_toml_date_is_accepted(write_claims):
    from conftest import run_json

    folder = write_claims(CLAIM + "date = 2025-01-20\n")
    assert run_json("list", "--claims", folder)[0]["date"] == "2025-01-20"


def test_part_of_cycles_are_invalid(write_claims):
    folder = write_claims(
        CLAIM + 'quantities = { p = { value = "3", part_of = "b.q" } }\n'
        + CLAIM.replace('"a"', '"b"') + 'quantities = { q = { value = "4", part_of = "a.p" } }\n'
    )  # fmt: skip
    (problem,) = problems_json(folder)
    assert problem["field"] == "quantities.p.part_of"
    assert "a.p -> b.q -> a.p" in problem["message"]


def test_a_part_of_chain_is_valid_and_a_three_link_cycle_is_not(write_claims):
    from conftest import run

    chain = (
        CLAIM + 'quantities = { p = { value = "3", part_of = "q" }, q = { value = "4", '
        'part_of = "r" }, r = "9" }\n'
    )
    assert run("validate", "--claims", write_claims(chain)).exit_code == 0
    cycle = chain.replace('r = "9"', 'r = { value = "9", part_of = "p" }')
    (problem,) = problems_json(write_claims(cycle))
    assert "a.p -> a.q -> a.r -> a.p" in problem["message"]


@pytest.mark.parametrize("whole", ["12%", "more than half", "a third"])
def test_counts_as_parts_of_a_share_are_uncheckable(write_claims, whole):
    from conftest import run_json

    folder = write_claims(
        CLAIM + f'quantities = {{ w = "{whole}", p = {{ value = "500,000", part_of = "w" }} }}\n'
    )
    (check,) = run_json("check", "--claims", folder)["checks"]
    assert check["verdict"] == "uncheckable"
    assert "the parts are counts and their whole" in check["explanation"]


# --- filters and options that match nothing (items 15, 19) --------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--topic", "detainrs"], "--topic 'detainrs' matches nothing"),
        (["check", "--topic", "detainrs"], "did you mean detainers"),
        (["list", "--speaker", "nwsom"], "did you mean Gavin Newsom"),
        (["list", "--source", "benzinga"], "did you mean benzinga-newsom-noem"),
        (["list", "--claims", ""], "--claims is empty"),
        (["check", "--fail-on", ""], "--fail-on is empty"),
        (["check", "--fail-on", " , "], "--fail-on is empty"),
    ],
)
def test_a_filter_or_option_that_matches_nothing_is_a_usage_error(args, message):
    from conftest import run

    claims = [] if "--claims" in args else ["--claims", SEED_CLAIMS]
    result = run(*args, *claims)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_known_filter_that_selects_nothing_is_still_an_empty_answer():
    from conftest import run_json

    assert run_json("list", "--claims", SEED_CLAIMS, "--search", "no such words") == []


# --- figures: digits and number words (items 16, 17) --------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("\uff11\uff12", "FULLWIDTH DIGIT ONE"),
        ("\u0661\u0662", "ARABIC-INDIC DIGIT ONE"),
        ("\u09ea%", "BENGALI DIGIT FOUR"),
    ],
)
def test_figures_take_ascii_digits_and_the_error_names_the_character(text, named):
    from factcheck.figures.quantity import FigureError, parse_figure

    with pytest.raises(FigureError, match=named):
        parse_figure(text)
    from conftest import run

    for args in (["calc", text], ["calc", "5", "--claim", text]):
        result = run(*args)
        assert result.exit_code == 2
        assert named in result.stderr


@pytest.mark.parametrize(
    "text",
    ["twelve trillion trillion", "a hundred thousand million", "one hundred hundred", "00012",
     "one twenty", "a", "thousand thousand", "a a hundred", "twenty thirty", "0012%"],
)  # fmt: skip
def test_what_is_not_a_number_is_not_read_as_one(text):
    from factcheck.figures.quantity import FigureError, parse_figure

    with pytest.raises(FigureError):
        parse_figure(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("zero", 0), ("thirty-one", 31), ("a dozen", 12), ("two dozen", 24), ("a hundred", 100),
     ("one hundred and five", 105), ("twelve thousand", 12_000), ("a million", 1_000_000),
     ("two million three hundred thousand", 2_300_000), ("nine hundred ninety-nine", 999),
     ("12 thousand", 12_000), ("0.5", 0.5), ("0", 0)],
)  # fmt: skip
def test_numbers_in_words_still_read(text, value):
    from fractions import Fraction

    from factcheck.figures.quantity import parse_figure

    assert parse_figure(text).value == Fraction(value)


# --- one line per problem; injection; invisible characters (items 20, 21, 22, 24) --------


def test_an_expression_problem_is_one_line_in_validate(write_claims):
    from conftest import run

    folder = write_claims(
        CLAIM + 'quantities = { q = "3" }\n[[checks]]\nid = "k"\ncompute = "a.q +* 2"\n'
        'expect = "5"\n'
    )
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert lines[0].endswith("check 'k': compute: unexpected '*' at column 6 of 'a.q +* 2'")
    assert lines[1] == "1 problem in the claims data"


def test_a_newline_in_an_id_or_key_cannot_forge_a_problem_line(write_claims):
    from conftest import run

    folder = write_claims(
        '[[claims]]\nid = "a\\nclaims.toml:1:1: forged"\ntext = "t"\nspeaker = "s"\n'
        'topics = ["x"]\n"k\\ney" = 1\n'
    )
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    for line in result.stderr.strip().splitlines()[:-1]:
        assert line.startswith(str(folder / "claims.toml"))
    assert "\\x0aclaims.toml:1:1: forged" in result.stderr


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@x", "'@x"),
        ("\\tx", "'\tx"),
        ("-5", "-5"),
        ("+3.2%", "+3.2%"),
        ("-1,200", "-1,200"),
        ("plain", "plain"),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(write_claims, cell, shown):
    import csv as csv_module

    from conftest import run

    text = cell.replace("\\t", "\t")
    folder = write_claims(
        '[[claims]]\nid = "a"\ntopics = ["x"]\ntext = "t"\nspeaker = ' + json.dumps(text) + "\n"
    )
    result = run("list", "--format", "csv", "--claims", folder)
    assert result.exit_code == 0
    (row,) = list(csv_module.DictReader(io.StringIO(result.stdout)))
    assert row["speaker"] == shown


def test_invisible_characters_are_shown_and_do_not_make_two_speakers(write_claims):
    from conftest import run
    from factcheck.compare import compare
    from factcheck.model import Claim

    hidden = "Kristi\u200b Noem\U000e0041"
    folder = write_claims(CLAIM.replace('text = "t"', f'text = "{hidden} a\u2028b\ufeff"'))
    result = run("list", "--claims", folder)
    for char in ("\u200b", "\U000e0041", "\u2028", "\ufeff"):
        assert char not in result.stdout
    assert "\\u200b" in result.stdout and "\\U000e0041" in result.stdout
    listed = run("list", "--json", "--claims", folder)
    assert "\u200b" not in listed.stdout
    assert json.loads(listed.stdout)[0]["text"] == f"{hidden} a\u2028b\ufeff"
    # The same speaker, one with a zero-width space: no rebuttal between a speaker and itself.
    a = Claim(id="a", text="Noem's claim is a lie about detainers.", speaker=hidden, topics=["t"])
    b = Claim(id="b", text="Detainers are honoured.", speaker="Kristi Noem", topics=["t"])
    assert compare([a, b]).conflicts == []


def test_a_typed_backslash_escape_and_a_real_control_look_different(write_claims):
    from conftest import run

    folder = write_claims(CLAIM.replace('text = "t"', 'text = "typed \\\\x1b real \\u001b"'))
    result = run("list", "--claims", folder)
    assert "typed \\\\x1b real \\x1b" in result.stdout


def test_problem_labels_say_what_was_written(write_claims):
    from conftest import run

    folder = write_claims(
        'x = 1\n[lexicon]\nnegations = 5\n[[claims]]\nid = "a/b"\ntext = "t"\nspeaker = "s"\n'
        'topics = ["x"]\n' + CLAIM.replace('"a"', '"c"') + 'quantities = { Q4 = "3" }\n'
        "[y]\nz = 1\n"
    )
    messages = run("validate", "--claims", folder).stderr
    assert "unknown key 'x' at the top level; a claims file holds" in messages
    assert "unknown table [y]" in messages
    assert "lexicon: negations: must be a list in square brackets" in messages
    assert "lexicon: lexicon" not in messages
    assert "claim #1: id: 'a/b' is not a valid ID" in messages
    assert "claim 'c': quantities.Q4: 'Q4' is not a valid quantity name" in messages
    assert "[key]" not in messages and "Input should" not in messages


# --- show every field; a negative figure for calc (items 25, 26) -------------------------


def test_show_shows_every_field_it_has(write_claims):
    from conftest import run

    folder = write_claims(
        '[[sources]]\nid = "src"\nurl = "https://example.org/a"\narchived = "https://archive.org/x"\n'
        'published = 2025-01-02\nnotes = "Paywalled."\n'
        '[[claims]]\nid = "a"\ntext = "t"\nspeaker = "s"\ntopics = ["x"]\nsource = "src"\n'
        'quantities = { n = { value = "31", unit = "inmates", note = "Homicide convictions." } }\n'
        '[[checks]]\nid = "k"\ncompute = "a.n * 1"\nexpect = "31"\nnote = "From the letter."\n'
    )
    shown = run("show", "a", "--claims", folder).stdout
    for value in ("https://archive.org/x", "2025-01-02", "Paywalled.", "inmates",
                  "Homicide convictions."):  # fmt: skip
        assert value in shown, value
    assert "Note: From the letter." in run("check", "--claims", folder).stdout


def test_calc_takes_a_leading_negative_figure():
    from conftest import run

    result = run("calc", "-5%", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["value"] == "-0.05"


@pytest.mark.parametrize("columns", ["0", "20", "-3", "abc"])
def test_a_narrow_or_odd_terminal_still_gets_output_and_errors(columns):
    from conftest import run

    result = run("list", "--topic", "releases", "--claims", SEED_CLAIMS, env={"COLUMNS": columns})
    assert result.exit_code == 0
    flat = "".join(ch for ch in result.stdout if ch.isalnum())
    # Folded into narrow columns, each value is still there, top to bottom in its column.
    assert "Sinc" in result.stdout and "dhs" in flat
    assert "2 claims" in result.stderr
    error = run("show", "nope", "--claims", SEED_CLAIMS, env={"COLUMNS": columns})
    assert error.exit_code == 2
    assert "no claim with ID 'nope'" in error.stderr


def test_a_very_long_text_is_cut_in_tables_and_whole_in_show_and_json(write_claims):
    from conftest import run
    from factcheck.output.terminal import MAX_CELL

    text = "word " * 50_000 + "END"
    folder = write_claims(CLAIM.replace('text = "t"', f'text = "{text}"'))
    listed = run("list", "--claims", folder)
    assert listed.exit_code == 0
    assert "\u2026" in listed.stdout  # the marker (its words may be wrapped across lines)
    assert "END" not in listed.stdout
    assert len(listed.stdout) < 4 * MAX_CELL + 4_000
    shown = run("show", "a", "--claims", folder)
    assert shown.stdout.count("word") == 50_000 and "END" in shown.stdout
    assert json.loads(run("list", "--json", "--claims", folder).stdout)[0]["text"] == text


@pytest.mark.parametrize(
    ("args", "value"),
    [(["calc", "-5%", "--json"], "-0.05"), (["calc", "--json", "-5%"], "-0.05"),
     (["calc", "-dhs-released-4561.released", "--json", "--claims", str(SEED_CLAIMS)], "-4561")],
)  # fmt: skip
def test_a_negative_expression_on_the_real_command_line(args, value):
    # "-dhs-..." holds "-h": without care it would print the help and exit 0.
    done = factcheck(*args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["value"] == value


@pytest.mark.parametrize("text", ["12.000", "about 4.000", "more than 100.000"])
def test_a_dot_before_three_zeros_is_read_precisely_and_said_to_be_ambiguous(text):
    from conftest import run_json
    from factcheck.figures.quantity import parse_figure

    figure = parse_figure(text)
    assert figure.note is not None and "ambiguous" in figure.note
    assert figure.unit == Fraction(1, 1000)  # the reading stays the precise one
    result = run_json("calc", "12", "--claim", text)
    assert "ambiguous" in result["explanation"]


def test_url_fields_are_web_addresses(write_claims):
    folder = write_claims('[[sources]]\nid = "s"\nurl = "not a url"\narchived = "ftp//x"\n' + CLAIM)
    fields = {p["field"] for p in problems_json(folder)}
    assert fields == {"url", "archived"}


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    """`list | head -1` exited 4, so a `set -o pipefail` script failed on `| head`."""
    folder = tmp_path / "claims"
    folder.mkdir()
    claims = "".join(
        f'[[claims]]\nid = "c{n}"\nspeaker = "Kim Lee"\ntopics = ["t"]\n'
        f'text = "{"A long sentence that fills the pipe. " * 5}"\n\n'
        for n in range(3000)
    )  # more than a pipe's buffer of JSON, so the writer meets the closed pipe
    (folder / "c.toml").write_text(claims, encoding="utf-8")
    for command in ("list --json", "list"):
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {sys.executable} -m factcheck {command} "
             f"--claims {folder} | head -1 > /dev/null"],
            capture_output=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, (command, done.stderr[-500:])
        assert no_traceback(done.stderr) and b"Exception ignored" not in done.stderr


def test_interlinear_annotation_characters_are_shown_not_sent_raw(write_claims):
    """U+FFF9-FFFB make some terminals hide the text between them."""
    from conftest import run

    folder = write_claims(CLAIM.replace('text = "t"', 'text = "a\ufff9hidden\ufffagloss\ufffb b"'))
    for args in (["list"], ["list", "--json"], ["show", "x"]):
        result = run(*args, "--claims", folder)
        assert not {"\ufff9", "\ufffa", "\ufffb"} & set(result.stdout), args
    assert "\\ufff9hidden\\ufffagloss\\ufffb" in run("list", "--claims", folder).stdout
