"""`check` after an edit of a few files (check_parts.py, issue 29): the results an edit reaches
are computed again from the files they read, the rest come from the parts kept, and the
report is byte-identical to the one computed from the whole folder. The folder is written
for these tests: checks and wholes across files, a ratio, a change, a draft."""

from __future__ import annotations

import json

import pytest

from conftest import run
from factcheck.folder import store

FILES = {
    "a.toml": """
[[claims]]
id = "jail-total"
speaker = "Sheriff Ana Ruiz"
topics = ["jails"]
text = "The jail released 4,561 people, 31 of them with convictions."
[claims.quantities]
released = "4,561"
convicted = { value = "31", part_of = "released" }
rate = "3 of 8"

[[checks]]
id = "released-sum"
claim = "jail-total.released"
compute = "jail-total.convicted + county-counts.others"
""",
    "b.toml": """
[[claims]]
id = "county-counts"
speaker = "Mayor Li Chen"
topics = ["budget"]
text = "The county counted 4,530 others and cut its spending by 10 percent."
[claims.quantities]
others = { value = "4,530", part_of = "jail-total.released" }
before = "$200 million"
after = "$180 million"
cut = { value = "fell 10%", from = "before", to = "after" }
""",
    "c.toml": """
[[claims]]
id = "unrelated"
speaker = "Kim Lee"
topics = ["courts"]
text = "The court heard 12 cases."
[claims.quantities]
cases = "12"
""",
}


@pytest.fixture
def folder(tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    for name, text in FILES.items():
        (claims / name).write_text(text, encoding="utf-8")
    return claims


@pytest.fixture
def env(tmp_path):
    return {"FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}


def edit(folder, name, old, new):
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


ASKS = [
    ("check", "--json"),
    ("check",),
    ("check", "--json", "--fail-on", "approximate,inconsistent,gross"),
    ("check", "--json", "--drafts"),
    ("check", "--format", "csv"),
    ("check", "--json", "--topic", "jails"),
    ("check", "--json", "--claim", "county-counts", "--claim", "jail-total"),
    ("check", "--json", "--topic", "budget", "--claim", "jail-total"),
]
# Filters the parts cannot answer: a topic and a claim no check reads, and neither known at
# all (the folder is loaded, and says so)
LOADING_ASKS = [
    ("check", "--json", "--topic", "courts"),
    ("check", "--json", "--claim", "unrelated"),
    ("check", "--json", "--topic", "no-such-topic"),
    ("check", "--json", "--claim", "no-such-claim"),
]


def answers(folder, env, asks=ASKS):
    return [
        (r.exit_code, r.stdout, r.stderr)
        for r in (run(*ask, "--claims", folder, env=env) for ask in asks)
    ]


def whole(folder, env, asks=ASKS):
    """The answers computed from the whole folder, nothing kept used."""
    return [
        (r.exit_code, r.stdout, r.stderr)
        for r in (run("--no-cache", *ask, "--claims", folder, env=env) for ask in asks)
    ]


def loads_refused(monkeypatch):
    def no_load(*args, **kwargs):
        raise AssertionError("the folder was loaded")

    monkeypatch.setattr(store, "load", no_load)


EDITS = [
    ("a.toml", '"4,561"', '"4,600"'),  # a whole's value: its parts and the declared check
    ("b.toml", 'value = "4,530"', 'value = "4,900"'),  # a part in another file
    ("b.toml", 'after = "$180 million"', 'after = "$150 million"'),  # the change
    ("a.toml", 'rate = "3 of 8"', 'rate = "9 of 8"'),  # a ratio made
    ("c.toml", "heard 12 cases", "heard 13 cases"),  # text no check reads
    ("a.toml", 'compute = "jail-total.convicted + county-counts.others"',
     'compute = "county-counts.others + jail-total.convicted"'),  # the same references
    ("b.toml", 'topics = ["budget"]', 'topics = ["budget", "jails"]'),
    ("b.toml", 'speaker = "Mayor Li Chen"', 'speaker = "Mayor Li Chen"\ndraft = true'),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new"), EDITS)
def test_after_an_edit_the_report_is_the_whole_folders_without_loading_it(
    folder, env, monkeypatch, name, old, new
):
    answers(folder, env)  # the first run keeps the parts
    edit(folder, name, old, new)
    expected = whole(folder, env)
    loads_refused(monkeypatch)
    assert answers(folder, env) == expected
    assert answers(folder, env) == expected  # and again, from the parts brought up to date


def test_filters_the_parts_cannot_answer_load_the_folder(folder, env):
    answers(folder, env)
    edit(folder, "a.toml", '"4,561"', '"4,600"')
    found = answers(folder, env, LOADING_ASKS)
    assert found == whole(folder, env, LOADING_ASKS)
    assert [code for code, _, _ in found] == [0, 0, 2, 2]


def test_edits_one_after_another_stay_the_whole_folders(folder, env, monkeypatch):
    answers(folder, env)
    with monkeypatch.context() as patched:
        loads_refused(patched)
        for name, old, new in EDITS[:4]:
            edit(folder, name, old, new)
            found = answers(folder, env)
            patched.undo()
            assert found == whole(folder, env), (name, old)
            loads_refused(patched)


def test_records_moved_within_a_file_move_in_the_report(folder, env, monkeypatch):
    # the same IDs and links in another order: the report follows the records' order
    second = ('\n[[checks]]\nid = "cut-again"\nclaim = "county-counts.cut"\n'
              'compute = "change(county-counts.before, county-counts.after)"\n')  # fmt: skip
    path = folder / "a.toml"
    path.write_text(path.read_text(encoding="utf-8") + second, encoding="utf-8")
    answers(folder, env)
    first, _, rest = path.read_text(encoding="utf-8").partition('\n[[checks]]\nid = "released-sum"')
    check, _, other = rest.partition('\n[[checks]]\nid = "cut-again"')
    moved = (
        first
        + '\n[[checks]]\nid = "cut-again"'
        + other
        + '\n[[checks]]\nid = "released-sum"'
        + check
    )
    path.write_text(moved, encoding="utf-8")
    expected = whole(folder, env)
    ids = [c["id"] for c in json.loads(expected[0][1])["checks"]]
    assert ids.index("cut-again") < ids.index("released-sum")
    assert answers(folder, env) == expected


def test_a_ratio_unmade_by_an_edit_leaves_the_report(folder, env, monkeypatch):
    edit(folder, "a.toml", 'rate = "3 of 8"', 'rate = "9 of 8"')
    before = json.loads(run("check", "--json", "--claims", folder, env=env).stdout)
    assert "ratio:jail-total.rate" in [c["id"] for c in before["checks"]]
    edit(folder, "a.toml", 'rate = "9 of 8"', 'rate = "3 of 8"')
    expected = whole(folder, env)
    loads_refused(monkeypatch)
    assert answers(folder, env) == expected
    after = json.loads(expected[0][1])
    assert "ratio:jail-total.rate" not in [c["id"] for c in after["checks"]]


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("c.toml", 'cases = "12"', 'cases = "12"\nmore = { value = "3", part_of = "cases" }'),
        ("a.toml", "county-counts.others", "unrelated.cases"),  # another claim read
        ("c.toml", 'id = "unrelated"', 'id = "renamed"'),
    ],
)
def test_an_edit_of_ids_or_references_loads_the_folder(folder, env, name, old, new):
    answers(folder, env)
    edit(folder, name, old, new)
    loaded = []
    real = store.load

    def counted(*args, **kwargs):
        loaded.append(args)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(store, "load", counted)
        found = answers(folder, env, ASKS[:1])
    assert loaded, "the folder must be loaded"
    assert found == whole(folder, env, ASKS[:1])


def test_a_new_file_or_a_problem_loads_the_folder(folder, env):
    answers(folder, env)
    (folder / "d.toml").write_text('[[claims]]\nid = "new"\nspeaker = "X Y"\ntopics = ["t"]\n'
                                   'text = "It rose."\n', encoding="utf-8")  # fmt: skip
    assert answers(folder, env) == whole(folder, env)
    edit(folder, "c.toml", 'cases = "12"', 'cases = "twelve and a bit"')
    assert answers(folder, env, ASKS[:1]) == whole(folder, env, ASKS[:1])


def escape_in_json(header, numbers, body):
    # in the last check (the change, which the edit does not reach): kept, not made again
    before, found, after = body.rpartition(b'"verdict": "cons')
    assert found, "the change's verdict, consistent"
    return header, numbers, before + b'"verdict": "\x1b[2J' + after  # as long as before


def verdict_out_of_range(header, numbers, body):
    numbers[2 * len(header["rows"])] = 99  # the first part's verdict
    return header, numbers, body


def file_out_of_range(header, numbers, body):
    numbers[6 * len(header["rows"])] = 999  # the first file the first part reads
    return header, numbers, body


def claims_not_text(header, numbers, body):
    for row in header["rows"]:
        row[1] = [{"not": "an ID"}]
    return header, numbers, body


@pytest.mark.parametrize(
    "forge", [escape_in_json, verdict_out_of_range, file_out_of_range, claims_not_text]
)
def test_forged_parts_are_not_trusted(folder, env, monkeypatch, forge):
    # What the cache's checksum cannot catch: a forger who writes a valid entry.
    from factcheck import check_parts
    from factcheck.folder import pieces
    from factcheck.folder.cache import Cache

    answers(folder, env)
    edit(folder, "a.toml", '"4,561"', '"4,600"')
    real = Cache.get_derived

    def forged(self, root, kind, key):
        found = real(self, root, kind, key)
        if kind != "parts" or found is None:
            return found
        head, rest = pieces.unframed(found, check_parts.LAYOUT)
        header = json.loads(bytes(head))
        width = 4 * (6 * len(header["rows"]) + header["read"])
        numbers = list(pieces.read_numbers(rest[:width]))
        header, numbers, body = forge(header, numbers, bytes(rest[width:]))
        framed = pieces.framed(check_parts.LAYOUT, header, [pieces.numbers(numbers), body])
        return memoryview(b"".join(framed))

    monkeypatch.setattr(Cache, "get_derived", forged)
    assert answers(folder, env) == whole(folder, env)


def random_folder(rng, folder):
    """Four files of claims whose figures are parts of wholes in other files, with checks
    across files, changes, and ratios that an edit can make or unmake."""
    for f in range(4):
        records = []
        for c in range(5):
            n = f * 5 + c
            whole = f"c{(n + 7) % 20}.total"
            records.append(
                f'[[claims]]\nid = "c{n}"\nspeaker = "Kim Lee"\ntopics = ["t{n % 3}"]\n'
                f'text = "Claim {n}."\n'
                + ("draft = true\n" if n % 6 == 0 else "")
                + "[claims.quantities]\n"
                f'total = "{rng.randint(50, 500)}"\n'
                f'share = {{ value = "{rng.randint(1, 90)}", part_of = "{whole}" }}\n'
                f'rate = "{rng.randint(1, 9)} of {rng.randint(1, 9)}"\n'
                f'old = "{rng.randint(10, 99)}"\nnew = "{rng.randint(10, 99)}"\n'
                f'moved = {{ value = "rose {rng.randint(1, 60)}%", from = "old", to = "new" }}\n'
            )
        records.append(
            f'[[checks]]\nid = "k{f}"\nclaim = "c{f * 5}.total"\n'
            f'compute = "c{f * 5 + 1}.total + c{(f * 5 + 9) % 20}.share"\n'
        )
        (folder / f"f{f}.toml").write_text("\n".join(records), encoding="utf-8")


def test_random_edits_of_figures_give_the_whole_folders_report(tmp_path, env, monkeypatch):
    import random
    import re

    from factcheck import check_parts

    answered = []  # each answer the parts gave, not a load of the folder
    after_edit = check_parts.after_edit

    def counted(*args, **kwargs):
        found = after_edit(*args, **kwargs)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(check_parts, "after_edit", counted)
    rng = random.Random(20261205)
    folder = tmp_path / "claims"
    folder.mkdir()
    random_folder(rng, folder)
    asks = [("check", "--json"), ("check", "--json", "--drafts")]
    assert answers(folder, env, asks) == whole(folder, env, asks)
    figure = re.compile(r'(?<=")\d+(?=")|(?<=rose )\d+|(?<=")\d+(?= of)|(?<=of )\d+(?=")')
    for _ in range(12):
        path = folder / f"f{rng.randrange(4)}.toml"
        text = path.read_text(encoding="utf-8")
        spots = list(figure.finditer(text))
        spot = spots[rng.randrange(len(spots))]
        text = text[: spot.start()] + str(rng.randint(1, 600)) + text[spot.end() :]
        if rng.random() < 0.2:
            text = text.replace("draft = true\n", "", 1)
        path.write_text(text, encoding="utf-8")
        assert answers(folder, env, asks) == whole(folder, env, asks)
    # every run after the first came from the parts, 12 edits among them
    assert len(answered) == 13 * len(asks) and all(answered[1:]) and not answered[0]
