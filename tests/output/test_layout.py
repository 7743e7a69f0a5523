"""The seed's tables at fixed widths, checked against golden files, so that a layout change
is seen in review. Regenerate after a deliberate change with:

    FACTCHECK_UPDATE_GOLDEN=1 pytest tests/output/test_layout.py
"""

import os
import re

import pytest

from conftest import GOLDEN, SEED_CLAIMS, run

UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"


COMMANDS = [["list"], ["check"], ["compare", "--topic", "detainers"],
            ["show", "dhs-released-4561"]]  # fmt: skip


@pytest.mark.parametrize("width", [80, 120, 140, 200])
@pytest.mark.parametrize("command", COMMANDS)
def test_table_matches_its_golden_file(command, width, monkeypatch):
    monkeypatch.chdir(SEED_CLAIMS.parent)  # `show` names the file as the folder was given
    result = run(*command, "--claims", "claims", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{command[0]}-{width}.txt"
    if UPDATE:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: if the change is meant, regenerate (see this module)"
    )


@pytest.mark.parametrize("width", [80, 120])
def test_list_shows_every_id_whole_in_under_60_lines(width):
    from factcheck.folder.store import load

    result = run("list", "--claims", SEED_CLAIMS, env={"COLUMNS": str(width)})
    assert len(result.stdout.splitlines()) < 60
    for claim_id in load(SEED_CLAIMS).claims:
        assert re.search(rf"(?<![\w-]){re.escape(claim_id)}(?![\w-])", result.stdout), claim_id


@pytest.mark.parametrize("width", [80, 120, 200])
def test_check_shows_every_reference_whole(width):
    import json

    report = json.loads(run("check", "--json", "--claims", SEED_CLAIMS).stdout)
    result = run("check", "--claims", SEED_CLAIMS, env={"COLUMNS": str(width)})
    for check in report["checks"]:
        assert check["id"] in result.stdout
        assert check["target"] in result.stdout


@pytest.mark.parametrize("width", [80, 120, 140])
@pytest.mark.parametrize("command", COMMANDS)
def test_no_id_is_cut_in_two(command, width):
    """No ID of the seed (claims, sources, checks, measures, propositions) is folded across
    two lines: no cell's line ends in the start of an ID ("ca-releas") that is not the whole
    of one."""
    result = run(*command, "--claims", SEED_CLAIMS, env={"COLUMNS": str(width)})
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEED_CLAIMS.glob("*.toml"))
    ids = set(re.findall(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"', text))
    assert len(ids) > 10
    # What ends a cell's line: the end of a line, or the box's bar after it.
    pieces = set(re.findall(r"([a-z][a-z0-9-]{3,})[ \t]*(?=[│┃]|$)", result.stdout,
                            flags=re.MULTILINE))  # fmt: skip
    cut = {p for p in pieces for i in ids if "-" in p and i.startswith(p) and p not in ids}
    assert not cut, (cut, width)


@pytest.mark.parametrize("command", [*COMMANDS, ["topics"], ["validate"]])
def test_no_line_ends_in_padding(command):
    """Rich pads each line of a table or paragraph to the full width: noise in a file, a diff
    or a copied snippet."""
    result = run(*command, "--claims", SEED_CLAIMS, env={"COLUMNS": "120"})
    padded = [line for line in result.stdout.splitlines() if line.endswith(" ")]
    assert padded == []


@pytest.mark.parametrize("width", [60, 80])
def test_headings_break_between_facts_not_inside_one(width):
    listed = run("list", "--claims", SEED_CLAIMS, env={"COLUMNS": str(width)}).stdout
    checked = run("check", "--claims", SEED_CLAIMS, env={"COLUMNS": str(width)}).stdout
    for fact in ("3 figures", "4 figures", "detainers, crime", "computed 13.75%"):
        assert fact in listed + checked, fact
    assert "immigration-enforcement, civil-rights" in listed
