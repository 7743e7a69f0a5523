"""Adding records: `factcheck new claim` and `new source` (validated, appended, atomic)."""

import json
import os
import shutil

import pytest
import tomli

from conftest import FIXTURES, SEED_CLAIMS, at_a_terminal, run
from factcheck.folder.records import record_text, suggest_id, toml_value
from factcheck.model import Claim


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, copy)
    return copy


def test_new_claim_from_options_then_validate(folder):
    result = run("new", "claim", "--no-input", "--speaker", "Gavin Newsom", "--topic",
                 "detainers", "--text", "California follows the law.", "--date", "2025-06-01",
                 "--figure", "n=4,561", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    added = json.loads(result.stdout)
    assert added["id"] == "newsom-california-follows-law"
    assert run("validate", "--claims", folder).exit_code == 0
    shown = json.loads(run("show", added["id"], "--json", "--claims", folder).stdout)
    assert shown["claim"]["date"] == "2025-06-01"
    assert shown["claim"]["quantities"]["n"]["value"] == "4,561"


def test_a_duplicate_id_is_refused_and_the_file_is_unchanged(folder):
    target = folder / "mine.toml"
    target.write_text("# my notes, kept as written\n", encoding="utf-8")
    before = target.read_bytes()
    result = run("new", "claim", "--no-input", "--id", "newsom-follows-law", "--speaker", "X",
                 "--text", "Y.", "--topic", "z", "--file", target, "--claims", folder)  # fmt: skip
    assert result.exit_code == 2
    assert "is taken" in result.stderr
    assert target.read_bytes() == before


def test_comments_and_layout_are_kept(folder):
    target = folder / "mine.toml"
    text = '# A desk\'s notes.\n\n[[sources]]\nid = "s"   # aligned on purpose\n'
    target.write_text(text, encoding="utf-8")
    result = run("new", "claim", "--no-input", "--speaker", "X Y", "--text", "Rates rose.",
                 "--topic", "z", "--source", "s", "--file", target, "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith(text)
    assert "[[claims]]" in written[len(text) :]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--speaker", "X", "--text", "t"], "--topic is required"),
        (["--speaker", "X", "--text", "t", "--topic", "Bad Topic"], "is not a valid ID"),
        (["--speaker", "X", "--text", "t", "--topic", "z", "--source", "nope"], "no source"),
        (["--speaker", "X", "--text", "t", "--topic", "z", "--date", "June"], "is not a date"),
        (["--speaker", "X", "--text", "t", "--topic", "z", "--figure", "lots"], "NAME=VALUE"),
        (["--speaker", "X", "--text", "t", "--topic", "z", "--figure", "n=lots"],
         "cannot read 'lots'"),
        (["--speaker", "X", "--text", "t", "--topic", "z", "--file", "/tmp/else.toml"],
         "inside the claims folder"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_before_anything_is_written(folder, args, message):
    before = sorted(p.name for p in folder.iterdir())
    result = run("new", "claim", "--no-input", *args, "--claims", folder)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


def test_new_source_then_a_claim_naming_it(folder):
    assert run("new", "source", "--no-input", "--id", "my-src", "--url",
               "https://example.org/a", "--claims", folder).exit_code == 0  # fmt: skip
    result = run("new", "claim", "--no-input", "--speaker", "A B", "--text", "T.", "--topic",
                 "z", "--source", "my-src", "--claims", folder)  # fmt: skip
    assert result.exit_code == 0, result.stderr


def test_suggested_ids_are_unique_and_valid():
    taken = {"newsom-california-follows-law"}
    suggested = suggest_id("Gavin Newsom", "California follows the law.", taken)
    assert suggested == "newsom-california-follows-law-2"
    assert suggest_id("", "42 is the answer", set()) == "claim-42-answer"
    # accents are dropped, not the letters (issue 27: "cuerpo-el-desempleo-baj-un")
    assert suggest_id("José Núñez", "El desempleo bajó un punto", set()) == (
        "nunez-el-desempleo-bajo-un"
    )
    # key words: no pronoun, modal or piece of a contraction (real drafts read
    # "trump-he-proposed-dropping", "foundation-top-1-percent-would", "clinton-s-become")
    assert suggest_id("Lena Park", "She said it's what they would call a 10% rise.", set()) == (
        "park-call-10-rise"
    )
    # nor a word that ties the clause to another or places it in time (PolNeAR drafts read
    # "if-trump-moderates-rhetoric", "month-wells-fargo-fined", "last-week-republicans-house")
    fined = "Earlier this month, Wells Fargo was fined $185 million for scamming its customers."
    assert suggest_id("Jane Roe", fined, set()) == "roe-wells-fargo-fined-185"
    moderates = "If Trump moderates his rhetoric, last week's poll may turn."
    assert suggest_id("", moderates, set()) == "claim-trump-moderates-rhetoric-poll"
    assert suggest_id("Jane Roe", "It has been a long time.", set()) == "roe-long-time"
    # a cue that ends the sentence: what it reports came before it (an IMF article's drafts
    # were "imf" and "obstfeld", the surname alone)
    said = '"The world economy has moved sideways," IMF chief economist Maury Obstfeld said.'
    assert suggest_id("Maury Obstfeld", said, set()) == "obstfeld-world-economy-moved-sideways"
    # what is reported, not the title, party tag, district or month before it (issue 27: the
    # PolitiFact article's draft was "hurt-rep-r-5th-june")
    hurt = (
        "Rep. Robert Hurt, R-5th, wrote in a June 3 newsletter that non-defense discretionary"
        " spending has increased by 81 percent."
    )
    assert suggest_id("Robert Hurt", hurt, set()) == "hurt-newsletter-non-defense-discretionary"
    moore = "Rep. Gwen Moore said Tuesday that the budget would cut food aid."
    assert suggest_id("Gwen Moore", moore, set()) == "moore-budget-cut-food-aid"


def test_record_text_reads_back_as_the_same_record():
    claim = Claim.model_validate({
        "id": "a", "text": 'He said "no" \\ then\ttab and \x7f', "speaker": "S", "topics": ["x"],
        "quantities": {"n": "4,561", "m": {"value": "rose 5%", "from": "n", "to": "n"}},
    })  # fmt: skip
    document = tomli.loads(record_text("claims", claim))
    assert Claim.model_validate(document["claims"][0]) == claim
    assert toml_value("\x7f") == '"\\u007f"'


def test_an_id_taken_by_a_rating_is_refused_before_anything_is_written(tmp_path):
    """Ratings share the one ID space of the folder: `new claim --id false` once appended the
    claim, failed the reload and exited 3."""
    folder = tmp_path / "claims"
    shutil.copytree(FIXTURES / "match", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("new", "claim", "--no-input", "--id", "false", "--speaker", "X",
                 "--text", "Y.", "--topic", "z", "--claims", folder)  # fmt: skip
    assert result.exit_code == 2, result.stderr
    assert "the ID 'false' is taken by a rating" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_desk_starts_from_a_folder_that_does_not_exist_yet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = run("new", "source", "--no-input", "--id", "benzinga", "--outlet", "Benzinga")
    assert made.exit_code == 0, made.stderr
    assert "created the claims folder claims" in made.stderr
    assert run("validate").exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    added = run("new", "claim", "--no-input", "--speaker", "Kim Lee", "--text", "It rose.",
                "--topic", "t", "--file", empty / "benzinga.toml", "--claims", empty)  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert [p.name for p in empty.iterdir()] == ["benzinga.toml"]


@pytest.mark.skipif(not hasattr(os, "umask"), reason="POSIX file modes")
def test_a_new_file_gets_the_mode_any_new_file_gets(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    old = os.umask(0o022)
    try:
        run("new", "source", "--no-input", "--id", "s", "--claims", folder)
    finally:
        os.umask(old)
    assert (folder / "new-claims.toml").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("name", [".drafts.toml", ".hidden/x.toml", "folder.toml"])
def test_a_target_that_would_never_be_read_is_refused(tmp_path, name):
    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    (folder / "folder.toml").mkdir()
    before = sorted(str(p) for p in folder.rglob("*"))
    result = run("new", "source", "--no-input", "--id", "s", "--file", folder / name,
                 "--claims", folder)  # fmt: skip
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert sorted(str(p) for p in folder.rglob("*")) == before


@pytest.mark.slow
def test_concurrent_writers_into_one_file_lose_nothing(tmp_path):
    """20 `new claim` at once into one file lost 4 of the 20 (read, append, write, no lock)."""
    import subprocess
    import sys

    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "desk.toml").write_text("# the desk\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "factcheck",
                "new",
                "claim",
                "--no-input",
                "--id",
                f"c{n}",
                "--speaker",
                "Kim Lee",
                "--text",
                f"Claim {n}.",
                "--topic",
                "t",
                "--file",
                str(folder / "shared.toml"),
                "--claims",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for n in range(20)
    ]
    codes = [w.wait(timeout=120) for w in writers]
    assert codes == [0] * 20, [w.stderr.read() for w in writers if w.returncode]
    listed = json.loads(run("list", "--json", "--claims", folder).stdout)
    assert sorted(c["id"] for c in listed) == sorted(f"c{n}" for n in range(20))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes into read-only folders")  # fmt: skip
def test_a_read_only_folder_is_one_line_and_exit_4(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    folder.chmod(0o555)
    try:
        result = run("new", "source", "--no-input", "--id", "s", "--claims", folder)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 4 and "cannot write" in result.stderr


def test_a_name_too_long_is_one_line_and_exit_4(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    target = folder / ("x" * 300 + ".toml")
    result = run("new", "source", "--no-input", "--id", "s", "--file", target, "--claims", folder)
    assert result.exit_code in (2, 4), result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_full_disk_while_adding_is_one_line_exit_4_and_nothing_changed(tmp_path, monkeypatch):
    import errno

    from factcheck.folder import records

    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(records, "write_atomically", full)
    result = run("new", "source", "--no-input", "--id", "s", "--claims", folder)
    assert result.exit_code == 4
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_an_empty_answer_is_asked_again_and_ctrl_c_is_an_interruption(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    code, said = at_a_terminal(["new", "source", "--claims", str(folder)],
                                b"My Source\nmy-source\n\n\n\n\n", tmp_path)  # fmt: skip
    assert code == 0, said
    assert "'My Source' is not an ID" in said and "try again" in said
    assert 'id = "my-source"' in (folder / "new-claims.toml").read_text(encoding="utf-8")
    for typed, interrupt in ((b"", True), (b"\x04", False)):  # Ctrl-C, then Ctrl-D
        code, said = at_a_terminal(["new", "source", "--claims", str(folder)], typed, tmp_path,
                                    interrupt)  # fmt: skip
        assert code == 130, said
        assert "interrupted" in said and "Aborted" not in said


def test_new_claim_at_a_terminal_asks_for_source_date_and_figures(tmp_path):
    """It asked only for speaker, text and topics: the source, date and figures a desk
    records for nearly every claim needed options or a text editor."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "sources.toml").write_text('[[sources]]\nid = "paper"\n', encoding="utf-8")
    typed = (b"Ann Example\nThe county released 4,561 people.\nt\n\n"  # speaker, text, topic, ID
             b"\n"  # the only source, offered as the default
             b"March 3\n2025-03-03\n"  # a date it cannot read, asked again
             b"released=4,561\n")  # fmt: skip
    code, said = at_a_terminal(["new", "claim", "--claims", str(folder)], typed, tmp_path)
    assert code == 0, said
    assert "'March 3' is not a date" in said
    written = (folder / "new-claims.toml").read_text(encoding="utf-8")
    assert 'source = "paper"' in written
    assert "date = 2025-03-03" in written
    assert 'released = "4,561"' in written


def test_new_check_and_new_rating_add_what_only_an_editor_could(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "c.toml").write_text(
        '[[claims]]\nid = "c"\nspeaker = "Ann Example"\ntext = "About one in eight."\n'
        'topics = ["t"]\nquantities = { share = "about one in eight" }\n',
        encoding="utf-8",
    )
    base = ["--no-input", "--claims", str(folder)]
    check = run("new", "check", "--compute", "4,561 / 33,179", "--claim", "c.share", *base)
    assert check.exit_code == 0, check.stderr
    assert json.loads(check.stdout) == {"id": "c-check", "file": str(folder / "new-claims.toml")}
    wrong = run("new", "check", "--compute", "1 / c.nothing", "--expect", "1", *base)
    assert wrong.exit_code == 2 and "no figure 'c.nothing'" in wrong.stderr
    rating = run("new", "rating", "--id", "false", "--label", "False", "--value", "1",
                 "--best", "5", "--worst", "1", *base)  # fmt: skip
    assert rating.exit_code == 0, rating.stderr
    checked = run("check", "--json", "--claims", folder)
    assert [r["id"] for r in json.loads(checked.stdout)["checks"]] == ["c-check"]
    written = tomli.loads((folder / "new-claims.toml").read_text(encoding="utf-8"))
    assert written["ratings"] == [{"id": "false", "label": "False", "value": 1, "best": 5,
                                   "worst": 1}]  # fmt: skip
    shown = json.loads(run("validate", "--json", "--claims", folder).stdout)
    assert shown["valid"] is True and shown["checks"] == 1


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_every_prompt_asks_again_until_the_answer_is_usable(tmp_path):
    """Issue 31: a bad topic, a bad or taken ID were accepted, then refused by the command;
    Ctrl-D at the ID prompt was 'Aborted!' and exit 1."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "c.toml").write_text('[[claims]]\nid = "taken"\nspeaker = "S"\ntext = "T."\n'
                                   'topics = ["t"]\n', encoding="utf-8")  # fmt: skip
    typed = (
        b"Ann Example\nCrime fell.\nBad Topic\ncrime\n"  # a topic asked again
        b"Bad ID!\ntaken\nexample-crime-fell\n\n\n"
    )  # ID: not an ID, taken, then good
    code, said = at_a_terminal(["new", "claim", "--claims", str(folder)], typed, tmp_path)
    assert code == 0, said
    assert "'Bad Topic' is not a topic ID" in said and "'Bad ID!' is not an ID" in said
    assert "'taken' is taken by another record" in said
    written = (folder / "new-claims.toml").read_text(encoding="utf-8")
    assert 'id = "example-crime-fell"' in written and 'topics = ["crime"]' in written
    code, said = at_a_terminal(["new", "claim", "--claims", str(folder)],
                                b"Ann\nText.\nt\n\x04", tmp_path)  # fmt: skip
    assert code == 130 and "interrupted" in said and "Aborted" not in said


@pytest.mark.parametrize("value", ["\u2075", "NaN", "Infinity", "1e3"])
def test_a_rating_value_that_is_no_plain_number_is_a_usage_error(tmp_path, value):
    result = run("new", "rating", "--no-input", "--id", "x", "--label", "X", "--value", value,
                 "--best", "5", "--worst", "1", "--claims", tmp_path / "claims")  # fmt: skip
    assert result.exit_code == 2 and "--value" in result.stderr
    assert "is not a number" in result.stderr
    assert "Traceback" not in result.stderr
