"""Placing a record's problem at the line of its field or its record header."""

from factcheck.folder.locate import with_lines
from factcheck.folder.problems import Problem

TEXT = (
    '[[claims]]\nid = "a"\ntext = "t"\n'  # lines 1-3
    '[[claims]]\nid = "b"\nspeaker = "s"\n'  # lines 4-6
    '[claims.quantities]\nn = { value = "x", part_of = "q" }\n'  # lines 7-8
    '[[checks]]\nid = "k"\ncompute = "1 +"\n'  # lines 9-11
)


def place(tmp_path, record, field):
    path = tmp_path / "c.toml"
    path.write_text(TEXT, encoding="utf-8")
    (problem,) = with_lines([Problem(str(path), "m", record=record, field=field)])
    return problem.line


def test_by_id_and_field(tmp_path):
    assert place(tmp_path, "claim 'b'", "speaker") == 6
    assert place(tmp_path, "claim 'b'", "quantities.n.part_of") == 8
    assert place(tmp_path, "check 'k'", "compute") == 11


def test_by_number_and_missing_field(tmp_path):
    assert place(tmp_path, "claim #1", "id") == 2
    assert place(tmp_path, "claim #2", "topics") == 4  # not written: the record's header


def test_unplaceable_problems_keep_no_line(tmp_path):
    assert place(tmp_path, "claim 'zz'", "text") is None
    assert place(tmp_path, "lexicon", "negations") is None
    (problem,) = with_lines([Problem(str(tmp_path / "gone.toml"), "m", record="claim 'a'")])
    assert problem.line is None
