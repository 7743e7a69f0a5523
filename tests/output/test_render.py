"""What claim files say must reach the terminal as text, never as markup or control codes."""

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run
from factcheck import jsonout
from factcheck.choices import OutputFormat
from factcheck.jsonout import to_json
from factcheck.output import claim_views, render, terminal
from factcheck.output.terminal import visible

HOSTILE = (
    '[[claims]]\nid = "hostile"\nspeaker = "[red]Mallory[/red]"\ntopics = ["x"]\n'
    'text = "[bold]x[/bold] [link=https://evil.example]click[/link] '
    '\\u001b[31mred\\u001b[0m bell\\u0007 csi\\u009b2J rtl\\u202etxt"\n'
)


def test_visible_escapes_controls_but_keeps_newlines_and_tabs():
    assert visible("a\x1b[31mb") == "a\\x1b[31mb"
    assert visible("a\x9bb\x7f") == "a\\x9bb\\x7f"
    assert visible("rtl\u202eend") == "rtl\\u202eend"
    assert visible("line\nnext\tcol") == "line\nnext\tcol"


def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_value():
    text = "a\x1b[0m b\x9b c\u202e d é"
    dumped = to_json({"t": text})
    assert "\x1b" not in dumped
    assert "\x9b" not in dumped
    assert "\u202e" not in dumped
    assert "é" in dumped
    assert json.loads(dumped) == {"t": text}


# Characters whose UTF-8 starts with a byte the fast path looks for, safe ones among them.
_NEAR_UNSAFE = "\x7f\x80\x9f\xa0é\u061c\u0627\u2019\u202a\u202e\u2060\u2066\ufeff\uff01"


_PROSE = st.text(alphabet="abc ,.", min_size=70, max_size=200)
_ODD_CHARACTER = st.sampled_from(_NEAR_UNSAFE) | st.characters()


@given(st.lists(st.tuples(_PROSE, _ODD_CHARACTER), max_size=8))
def test_json_escape_fast_path_is_the_full_pattern(pieces):
    # Prose with an odd character now and then, as claims are: the path that looks only at
    # the lead bytes runs, and must give what the pattern over everything gives.
    text = "".join(prose + odd for prose, odd in pieces)
    raw = json.dumps(text, ensure_ascii=False).encode("utf-8", "surrogatepass")
    expected = jsonout._UNSAFE_IN_JSON.sub(jsonout._json_escape, raw)
    assert jsonout._escape_unsafe_json(raw) == expected


def test_json_escape_of_text_crowded_with_lead_bytes():
    # Arabic letters all start with 0xd8-0xd9: past the threshold the full pattern runs.
    text = "\u0627\u061c" * 500 + "\u202e"
    assert jsonout._escape_unsafe_json(text.encode()) == jsonout._UNSAFE_IN_JSON.sub(
        jsonout._json_escape, text.encode()
    )


def test_markup_in_claims_prints_literally_in_tables(write_claims):
    folder = write_claims(HOSTILE)
    result = run("list", "--claims", folder)
    assert result.exit_code == 0
    assert "[bold]x[/bold]" in result.stdout
    assert "[red]Mallory[/red]" in result.stdout
    assert "[link=https://evil.example]click[/link]" in result.stdout


def test_control_characters_never_reach_the_terminal_raw(write_claims):
    folder = write_claims(HOSTILE)
    for args in (["list"], ["show", "hostile"], ["list", "--format", "csv"]):
        result = run(*args, "--claims", folder)
        assert result.exit_code == 0
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw not in result.stdout, (args, raw)
    shown = run("show", "hostile", "--claims", folder).stdout
    assert "\\x1b[31mred" in shown


def test_json_output_keeps_the_text_exactly(write_claims):
    folder = write_claims(HOSTILE)
    result = run("list", "--claims", folder, "--json")
    assert "\x1b" not in result.stdout
    (claim,) = json.loads(result.stdout)
    assert claim["text"].startswith("[bold]x[/bold]")
    assert "\x1b[31mred" in claim["text"]


def test_error_messages_quoting_claim_files_are_escaped(write_claims):
    folder = write_claims(
        '[[claims]]\nid = "x"\nspeaker = "s"\ntopics = ["x"]\ntext = "t"\n'
        'source = "no\\u001b[2Jpe"\n'
    )
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_table_on_a_terminal_goes_through_the_pager(monkeypatch, tmp_path):
    import sys

    from factcheck.model import Claim

    paged_to = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open(r'{paged_to}', 'w').write(sys.stdin.read())\""
    monkeypatch.setenv("PAGER", pager)
    monkeypatch.delenv("NO_COLOR", raising=False)
    screen = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    claim = Claim(id="a-claim", text="t", speaker="s", topics=["x"])
    with terminal.paged():
        claim_views.claims([claim], OutputFormat.table)
    assert "a-claim" in paged_to.read_text(encoding="utf-8")
    assert "\x1b[" in paged_to.read_text(encoding="utf-8")  # colour kept
    assert screen.getvalue() == ""
    with terminal.paged(enabled=False):
        claim_views.claims([claim], OutputFormat.table)
    assert "a-claim" in screen.getvalue()


def test_no_pager_for_a_pipe(monkeypatch, tmp_path):
    import sys

    monkeypatch.setenv("PAGER", "false-pager-that-does-not-exist")
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stdout", pipe)
    with terminal.paged():
        terminal.show("text")
    assert pipe.getvalue() == "text\n"


def test_a_json_array_written_item_by_item_is_the_whole_list_dumped(capsysbinary):
    items = [{"a": [1, {"b": "é\u202e"}], "c": None}, {"d": "x\ny"}, [], "text"]
    for count in range(len(items) + 1):
        jsonout.write_json_array(iter(items[:count]))
        written = capsysbinary.readouterr().out
        assert written == jsonout.json_bytes(items[:count]) + b"\n"
        assert json.loads(written) == items[:count]


@pytest.mark.parametrize(("mine", "seen"), [(None, "FRX"), ("-S", "-S")])
def test_the_pager_gets_less_options_for_colour_unless_the_user_set_their_own(
    monkeypatch, tmp_path, mine, seen
):
    """PAGER=less with LESS unset showed raw ESC[1m codes: less needs -R for colour."""
    import sys

    told = tmp_path / "less.txt"
    pager = f"{sys.executable} -c \"import os; open(r'{told}', 'w').write(os.environ['LESS'])\""
    monkeypatch.setenv("PAGER", pager)
    if mine is None:
        monkeypatch.delenv("LESS", raising=False)
    else:
        monkeypatch.setenv("LESS", mine)
    monkeypatch.setattr(sys, "stdout", _Terminal())
    with terminal.paged():
        terminal.show("text")
    assert told.read_text(encoding="utf-8") == seen


def test_notes_wait_for_the_pager(monkeypatch):
    """A count line printed while the table was paged stood above it, or behind the pager."""
    import sys

    order = []
    monkeypatch.setattr(terminal, "_page", lambda text: order.append(("page", text)))
    monkeypatch.setattr(terminal, "_to_stderr", lambda text: order.append(("note", text.plain)))
    monkeypatch.setattr(sys, "stdout", _Terminal())
    monkeypatch.delenv("TERM", raising=False)
    with terminal.paged():
        terminal.show("the table")
        terminal.note("3 claims")
    assert [kind for kind, _ in order] == ["page", "note"]
    assert order[1][1] == "3 claims"
    terminal.note("after")  # not paging: at once
    assert order[-1] == ("note", "after")


def test_emit_is_the_one_place_a_format_is_chosen(capsys):
    said: list[str] = []
    output = render.Emitted(
        table=lambda: said.append("table"),
        json=lambda: {"a": 1},
        jsonl=lambda: [{"a": 1}, {"b": 2}],
        csv=(("h",), lambda: [["v"]]),
    )
    render.emit(output, OutputFormat.table)
    assert said == ["table"]
    render.emit(output, OutputFormat.json)
    assert json.loads(capsys.readouterr().out) == {"a": 1}
    render.emit(output, OutputFormat.jsonl)
    assert capsys.readouterr().out.splitlines() == ['{"a":1}', '{"b":2}']
    render.emit(output, OutputFormat.csv)
    assert capsys.readouterr().out.splitlines() == ["h", "v"]
    with pytest.raises(ValueError, match="no csv output here"):
        render.emit(render.Emitted(table=None, json=lambda: {}), OutputFormat.csv)


def test_show_prints_a_url_whole_at_any_width(write_claims):
    url = ("https://www.politifact.com/factchecks/2010/jun/20/robert-hurt/"
           "robert-hurt-says-some-federal-spending-up-over-80-percent/")  # fmt: skip
    folder = write_claims(
        f'[[sources]]\nid = "pf"\noutlet = "PolitiFact"\nurl = "{url}"\n\n'
        '[[claims]]\nid = "hurt"\ntext = "Spending is up."\nspeaker = "Robert Hurt"\n'
        'topics = ["budget"]\nsource = "pf"\n'
    )
    for columns in ("80", "100"):
        result = run("show", "hurt", "--claims", folder, env={"COLUMNS": columns})
        assert result.exit_code == 0, result.stderr
        assert f"url  {url}" in result.stdout.splitlines()
