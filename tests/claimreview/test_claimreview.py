"""ClaimReview out (export, read back by a JSON-LD processor) and in (every form real feeds
use, written here in their shapes: a page's @graph, a Fact Check Tools API response and one
element of it, a Data Commons feed, bare lists; odd scales, sentence ratings, escaped URLs,
dates that are not ISO 8601). The two real files in ../shared/data/claimreview are imported
by benchmarks/claimreview_real.py, since a plain clone does not have them."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from pyld import jsonld

from conftest import FIXTURES, at_a_terminal, run, run_json

REVIEWED = FIXTURES / "reviewed"
SCHEMA = "http://schema.org/"


def offline_loader(url, options=None):
    # schema.org's context maps every term to the schema.org vocabulary; given inline, so the
    # test needs no network.
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}  # fmt: skip
    raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")


def expanded(document):
    return jsonld.expand(document, {"documentLoader": offline_loader})


DESK = ("--publisher", "The Example Desk")  # whose reviews are the desk's own


def test_export_reads_as_schema_org_claimreview_with_every_field():
    document = json.loads(run("export", "--claims", REVIEWED, *DESK).stdout)
    (first,) = expanded(document)
    assert first["@type"] == [SCHEMA + "ClaimReview"]
    assert first["@id"] == "urn:factcheck:claimreview:newsom-one-in-eight"
    value = lambda node, key: node[SCHEMA + key][0]["@value"]  # noqa: E731
    assert value(first, "claimReviewed").startswith("Federal officials failed")
    assert value(first, "datePublished") == "2025-07-12"
    assert value(first, "url") == "https://desk.example.org/reviews/one-in-eight"
    rating = first[SCHEMA + "reviewRating"][0]
    keys = ("ratingValue", "bestRating", "worstRating", "alternateName")
    assert [value(rating, k) for k in keys] == ["4", "5", "1", "Mostly true"]
    item = first[SCHEMA + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA + "Claim"]
    author = item[SCHEMA + "author"][0]
    assert author["@type"] == [SCHEMA + "Person"] and value(author, "name") == "Gavin Newsom"
    assert value(item, "datePublished") == "2025-07-10"
    appearance = item[SCHEMA + "appearance"][0]
    assert value(appearance, "url") == "https://www.benzinga.com/news/newsom-noem-detainers"
    assert value(first[SCHEMA + "author"][0], "name") == "The Example Desk"
    # The organisation speaker, with --all (its review has no URL: left out by default).
    everything = expanded(json.loads(run("export", "--claims", REVIEWED, "--all").stdout))
    assert len(everything) == 1 and everything[0]["@id"] == first["@id"]


def test_export_says_what_a_review_lacks_and_leaves_unreviewed_claims_out():
    result = run("export", "--claims", REVIEWED, *DESK)
    assert "with no review.url (which ClaimReview requires): 'noem-misinformation'" in (
        result.stderr)  # fmt: skip
    assert "unreviewed" not in result.stdout and "noem-misinformation" not in result.stdout
    lines = run("export", "--format", "claimreview-jsonl", "--claims", REVIEWED, *DESK).stdout
    assert len(lines.splitlines()) == 1
    strict = run("export", "--claims", REVIEWED, "--all", "--strict")
    assert strict.exit_code == 1 and strict.stdout == ""
    assert "no review.url, which ClaimReview requires: 'noem-misinformation'" in strict.stderr


def test_export_publishes_the_desks_own_reviews_unless_asked_for_others():
    mine = run("export", "--claims", REVIEWED)  # no --publisher: the desk's name is unknown
    assert json.loads(mine.stdout)["@graph"] == []
    assert "1 review by other fact-checkers left out (The Example Desk): --all exports" in (
        mine.stderr
    )
    theirs = json.loads(
        run("export", "--claims", REVIEWED, "--reviewer", "the example desk").stdout
    )
    assert [r["@id"] for r in theirs["@graph"]] == [
        "urn:factcheck:claimreview:newsom-one-in-eight"]  # fmt: skip
    assert run("export", "--claims", REVIEWED, "--all", "--reviewer", "x").exit_code == 2


def test_ids_are_stable_across_exports():
    first = run("export", "--claims", REVIEWED, *DESK).stdout
    assert first == run("export", "--claims", REVIEWED, *DESK).stdout


AFP_LIKE = {
    "@context": "http://schema.org",
    "@graph": [{
        "@type": "ClaimReview",
        "claimReviewed": "The agency lied about the count.",
        "itemReviewed": {"@type": "CreativeWork", "url": "https://social.example.com/p/1",
                         "datePublished": "2020-05-14",
                         "author": {"@type": "Organization", "name": "multiple sources"}},
        "author": {"@type": "Organization", "name": "Example Check"},
        "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5",
                         "worstRating": "1", "alternateName": "False"},
        "datePublished": "2020-06-24 00:03",
        "url": "https://check.example.org/count",
        "headline": "Did the agency lie about the count?",
        "name": "Count claim",
    }],
}  # fmt: skip
API_ELEMENT = {
    "text": "\u06a9\u0627\u0646\u067e\u0648\u0631 claim in Urdu",
    "claimant": "FB User",
    "claimDate": "2019-06-20T12:12:40Z",
    "claimReview": [{"publisher": {"site": "news.example.com"},
                     "url": "https://news.example.com/urdu/1", "title": "Fact check",
                     "reviewDate": "2019-06-20T12:12:40Z", "textualRating": "False",
                     "languageCode": "ur"}],
}  # fmt: skip
ODD = [
    {"@type": "ClaimReview", "claimReviewed": "Sentence rating.",
     "url": "https://a.example/1", "author": {"name": "A"},
     "reviewRating": {"@type": "Rating", "alternateName": "This claim is missing context."}},
    {"@type": "ClaimReview", "claimReviewed": "Minus one scale.",
     "url": "https://a.example/2", "author": {"name": "B"},
     "reviewRating": {"ratingValue": "-1", "bestRating": "-1", "worstRating": "-1",
                      "alternateName": "really_false"}},
    {"@type": "ClaimReview", "url": "https://a.example/3", "reviewRating": {"ratingValue": "1"}},
]  # fmt: skip
FEED = {
    "@context": "https://schema.org", "@type": "DataFeed",
    "dataFeedElement": [{"@type": "DataFeedItem",
                         "item": [{"@type": ["ClaimReview"], "claimReviewed": "Feed claim.",
                                   "url": "https://feed.example/1",
                                   "reviewRating": {"ratingValue": 2, "bestRating": 7,
                                                    "worstRating": 1,
                                                    "alternateName": "Mostly false"}}]}],
}  # fmt: skip


@pytest.fixture
def folder(tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "base.toml").write_text('[[sources]]\nid = "home"\n', encoding="utf-8")
    return claims


def import_json(folder, document, *args):
    path = folder.parent / "in.json"
    # Feeds escape slashes ("https:\/\/..."), as JSON allows: the reader must not mind.
    path.write_text(json.dumps(document).replace("/", "\\/"), encoding="utf-8")
    return run("import", path, "--claims", folder, *args)


@pytest.mark.parametrize(
    ("document", "count"),
    [(AFP_LIKE, 1), (API_ELEMENT, 1), ({"claims": [API_ELEMENT, API_ELEMENT]}, 1),
     (FEED, 1), (AFP_LIKE["@graph"], 1), (AFP_LIKE["@graph"][0], 1), (ODD, 2)],
)  # fmt: skip
def test_every_form_imports_validates_and_twice_adds_nothing(folder, document, count):
    first = import_json(folder, document, "--topic", "health")
    assert first.exit_code == 0, first.stderr
    assert run("validate", "--claims", folder).exit_code == 0
    claims = run_json("list", "--claims", folder)
    assert len(claims) == count
    before = sorted(p.read_bytes() for p in folder.iterdir())
    second = import_json(folder, document, "--topic", "health")
    assert second.exit_code == 0
    assert "nothing to add" in second.stderr
    assert sorted(p.read_bytes() for p in folder.iterdir()) == before


def test_what_an_import_keeps(folder):
    import_json(folder, AFP_LIKE, "--topic", "health")
    import_json(folder, API_ELEMENT)
    import_json(folder, ODD)
    claims = {c["text"]: c for c in run_json("list", "--claims", folder)}
    afp = claims["The agency lied about the count."]
    assert afp["speaker"] == "multiple sources" and afp["date"] == "2020-05-14"
    assert afp["review"]["url"] == "https://check.example.org/count"
    assert afp["review"]["date"] == "2020-06-24"  # from "2020-06-24 00:03"
    assert afp["review"]["headline"] == "Did the agency lie about the count?"  # before name
    api = next(c for c in claims.values() if c["speaker"] == "FB User")
    assert api["review"]["headline"] == "Fact check"  # the API's title
    shown = run_json("show", afp["id"], "--claims", folder)
    assert shown["rating"]["label"] == "False" and shown["rating"]["normalised"] == "0"
    assert shown["source"]["url"] == "https://social.example.com/p/1"
    urdu = next(c for c in claims.values() if c["language"] == "ur")
    assert urdu["text"].startswith("\u06a9\u0627\u0646")  # kept in its own language
    # Published as the word "False" alone: kept as words, never filed under a rating of a
    # scale (with a value) that its publisher did not give.
    assert urdu["review"].get("rating") is None
    assert urdu["review"]["textual_rating"] == "False"
    assert claims["Sentence rating."]["review"]["textual_rating"] == (
        "This claim is missing context.")  # fmt: skip
    assert claims["Minus one scale."]["review"]["textual_rating"] == "-1 / really_false"


def test_what_cannot_be_read_is_reported_with_its_place(folder):
    result = import_json(folder, ODD)
    assert "$[2]: no claim text" in result.stderr
    bad = import_json(folder, {"nothing": "here"})
    assert bad.exit_code == 2
    assert "no ClaimReview found" in bad.stderr
    (folder.parent / "broken.json").write_text("{", encoding="utf-8")
    assert run("import", folder.parent / "broken.json", "--claims", folder).exit_code == 2


def test_dry_run_writes_nothing(folder):
    before = sorted(p.name for p in folder.iterdir())
    result = import_json(folder, AFP_LIKE, "--dry-run")
    assert result.exit_code == 0
    assert "[[claims]]" in result.stdout and "imported.toml: 1 claim" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before


def test_round_trip_export_then_import_gives_the_same_claims_ratings_and_reviews(tmp_path):
    exported = tmp_path / "out.jsonld"
    exported.write_text(run("export", "--claims", REVIEWED, *DESK).stdout, encoding="utf-8")
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "base.toml").write_text("", encoding="utf-8")
    assert run("import", exported, "--claims", folder, "--topic", "detainers").exit_code == 0
    original = {c["id"]: c for c in run_json("list", "--claims", REVIEWED)
                if c["review"] and c["review"].get("url")}  # fmt: skip
    again = {c["id"]: c for c in run_json("list", "--claims", folder)}
    assert set(again) == set(original)
    for claim_id, claim in original.items():
        for key in ("text", "speaker", "date", "language", "review", "source"):
            assert again[claim_id][key] == claim[key], (claim_id, key)
    rating = run_json("show", "newsom-one-in-eight", "--claims", folder)["rating"]
    assert rating == run_json("show", "newsom-one-in-eight", "--claims", REVIEWED)["rating"]


def test_ratings_are_validated_normalised_and_filtered(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(REVIEWED, folder)
    shown = run_json("show", "newsom-one-in-eight", "--claims", folder)
    assert shown["rating"]["normalised"] == "3/4"  # (4 - 1) / (5 - 1)
    ids = [c["id"] for c in run_json("list", "--rating", "mostly-true", "--claims", folder)]
    assert ids == ["newsom-one-in-eight"]
    ids = [c["id"] for c in run_json("list", "--rating", "needs context", "--claims", folder)]
    assert ids == ["noem-misinformation"]
    assert run("list", "--rating", "mostly", "--claims", folder).exit_code == 2
    broken = folder / "reviews.toml"
    broken.write_text(broken.read_text().replace('rating = "mostly-true"', 'rating = "mosty"'))
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert ":34: claim 'newsom-one-in-eight': review.rating: refers to rating 'mosty'" in (
        result.stderr)  # fmt: skip


@pytest.mark.parametrize(
    ("rating", "message"),
    [('value = 6\nbest = 5\nworst = 1', "not between worst and best"),
     ('value = 1\nbest = 1\nworst = 1', "a scale needs two ends"),
     ('value = "one"\nbest = 5\nworst = 1', "is not a number")],
)  # fmt: skip
def test_a_rating_must_sit_on_its_scale(write_claims, rating, message):
    folder = write_claims(f'[[ratings]]\nid = "r"\nlabel = "R"\n{rating}\n')
    result = run("validate", "--claims", folder)
    assert result.exit_code == 3
    assert message in result.stderr


def test_a_headline_survives_import_export_and_import_again(folder, tmp_path):
    import_json(folder, AFP_LIKE, "--topic", "health")
    exported = run("export", "--claims", folder, "--all")
    assert exported.exit_code == 0, exported.stderr
    (review,) = [r for r in json.loads(exported.stdout)["@graph"] if r["@type"] == "ClaimReview"]
    assert review["headline"] == "Did the agency lie about the count?"
    again = tmp_path / "again"
    again.mkdir()
    (again / "base.toml").write_text("", encoding="utf-8")
    import_json(again, json.loads(exported.stdout), "--topic", "health")
    (claim,) = run_json("list", "--claims", again)
    assert claim["review"]["headline"] == "Did the agency lie about the count?"


def test_the_readme_import_works_on_a_folder_that_does_not_exist(tmp_path):
    path = tmp_path / "reviews.jsonld"
    path.write_text(json.dumps(AFP_LIKE), encoding="utf-8")
    dry = run("import", path, "--claims", tmp_path / "elsewhere", "--dry-run")
    assert dry.exit_code == 0 and not (tmp_path / "elsewhere").exists()  # a dry run makes none
    result = run("import", path, "--claims", tmp_path / "elsewhere", "--topic", "health")
    assert result.exit_code == 0, result.stderr
    assert len(run_json("list", "--claims", tmp_path / "elsewhere")) == 1


def test_export_cannot_close_the_script_element_it_is_pasted_into(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "c.toml").write_text(
        '[[claims]]\nid = "x"\nspeaker = "A & B"\ntopics = ["t"]\n'
        'text = "It said </script><script>alert(1)</script> & <!-- more"\n'
        'review = { textual_rating = "False", reviewer = "Desk", url = "https://d.example/x" }\n',
        encoding="utf-8",
    )
    for args in ([], ["--format", "claimreview-jsonl"]):
        result = run("export", "--claims", folder, "--all", *args)
        assert result.exit_code == 0, result.stderr
        assert not {"<", ">", "&"} & set(result.stdout)
        first = json.loads(result.stdout.splitlines()[0] if args else result.stdout)
        review = first if args else first["@graph"][0]
        assert review["claimReviewed"] == "It said </script><script>alert(1)</script> & <!-- more"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"claimReviewed": NaN}', "NaN is not JSON"),
        ('[{"reviewRating": {"ratingValue": Infinity}}]', "Infinity is not JSON"),
        ('{"a": ' + "9" * 5000 + "}", "a number of 5,000 digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ],
)
def test_json_that_is_no_claimreview_is_one_line_and_exit_2(tmp_path, text, message):
    folder = tmp_path / "claims"
    folder.mkdir()
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    result = run("import", path, "--claims", folder)
    assert result.exit_code == 2, result.stderr[-300:]
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "set_int_max_str_digits" not in result.stderr
    assert list(folder.iterdir()) == []


def test_a_rating_in_words_is_never_given_the_desk_scale(tmp_path):
    """Vishvas News published only "False"; the desk declares "False" as 0 of 10. The import
    must not file it there, nor may export then publish 0 / 10 in Vishvas News's name."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "desk.toml").write_text(
        '[[ratings]]\nid = "pants-false"\nlabel = "False"\nvalue = 0\nbest = 10\nworst = 0\n',
        encoding="utf-8",
    )
    import_json(folder, API_ELEMENT)
    (claim,) = run_json("list", "--claims", folder)
    assert claim["review"].get("rating") is None
    assert claim["review"]["textual_rating"] == "False"
    exported = run("export", "--claims", folder, "--all")
    (review,) = [r for r in json.loads(exported.stdout)["@graph"] if r["@type"] == "ClaimReview"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "False"}


def test_a_foreign_rating_id_on_another_scale_is_not_the_desks(tmp_path):
    """A review exported by another factcheck desk names its rating "false" (5 of 5, their
    "True"); this desk's "false" is 1 of 5: the IDs agree, the verdicts do not."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "desk.toml").write_text(
        '[[ratings]]\nid = "false"\nlabel = "False"\nvalue = 1\nbest = 5\nworst = 1\n',
        encoding="utf-8",
    )
    review = json.loads(json.dumps(AFP_LIKE))
    rating = review["@graph"][0]["reviewRating"]
    rating.update({"@id": "urn:factcheck:rating:false", "ratingValue": "5",
                   "alternateName": "True"})  # fmt: skip
    import_json(folder, review)
    (claim,) = run_json("list", "--claims", folder)
    assert claim["review"]["rating"] != "false"
    shown = run_json("show", claim["id"], "--claims", folder)["rating"]
    assert shown["label"] == "True" and str(shown["value"]) == "5"


def test_a_topic_that_is_no_topic_id_is_a_usage_error(folder):
    result = import_json(folder, AFP_LIKE, "--topic", "Bad Topic")
    assert result.exit_code == 2
    assert "--topic 'Bad Topic' is not a topic ID" in result.stderr
    assert "regular expression" not in result.stderr


def test_import_with_no_stdin_is_one_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "factcheck", "import", "-", "--claims", "x"],
                          stdin=subprocess.DEVNULL, capture_output=True, check=False)  # fmt: skip
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    closed = subprocess.run(f"{sys.executable} -m factcheck import - --claims x <&-", shell=True,
                            capture_output=True, check=False)  # fmt: skip
    assert closed.returncode == 2 and b"Traceback" not in closed.stderr
    assert b"no standard input" in closed.stderr


def test_a_lone_surrogate_skips_its_review_and_c1_controls_are_written_escaped(folder):
    bad = {"@type": "ClaimReview", "claimReviewed": "half \ud800 pair", "url": "https://x.example/a",
           "reviewRating": {"alternateName": "False"}}  # fmt: skip
    c1 = {"@type": "ClaimReview", "claimReviewed": "csi \u009b31m and \u202eevil",
          "url": "https://x.example/b", "reviewRating": {"alternateName": "False"}}  # fmt: skip
    path = folder.parent / "in.json"
    path.write_text(json.dumps([bad, c1]), encoding="utf-8")  # ASCII: \ud800 as an escape
    dry = run("import", path, "--claims", folder, "--dry-run")
    assert "\u009b" not in dry.stdout and "\\u009b" in dry.stdout
    result = run("import", path, "--claims", folder)
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert "$[0]: holds a lone surrogate" in result.stderr
    written = (folder / "imported.toml").read_text(encoding="utf-8")
    assert "\u009b" not in written and "\\u009b31m" in written and "\\u202eevil" in written
    (claim,) = run_json("list", "--claims", folder)
    assert claim["text"] == "csi \u009b31m and \u202eevil"  # the value itself is kept


def _review(text: str, url: str, claim_id: str | None = None) -> dict:
    item = {"@type": "Claim"}
    if claim_id:
        item["@id"] = f"urn:factcheck:claim:{claim_id}"
    return {"@type": "ClaimReview", "claimReviewed": text, "url": url, "itemReviewed": item,
            "reviewRating": {"alternateName": "False"}}  # fmt: skip


def test_no_review_is_dropped_without_a_word(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "desk.toml").write_text(
        '[[ratings]]\nid = "taken"\nlabel = "X"\nvalue = 1\nbest = 5\nworst = 1\n\n'
        '[[claims]]\nid = "ours"\ntext = "Our own words."\nspeaker = "s"\ntopics = ["t"]\n',
        encoding="utf-8",
    )
    reviews = [
        _review("Twice reviewed.", "https://x.example/1", "twice"),
        _review("Twice reviewed.", "https://x.example/2", "twice"),
        _review("Other words entirely.", "https://x.example/3", "ours"),
        _review("A rating's ID.", "https://x.example/4", "taken"),
        _review("A fine one.", "https://x.example/5"),
    ]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(reviews), encoding="utf-8")
    result = run("import", path, "--claims", folder, "--topic", "t")
    assert result.exit_code == 0, result.stderr
    assert "$[1]: a second review of the claim read at $[0]" in result.stderr
    assert "$[2]: its claim ID 'ours' is taken by a claim of other text" in result.stderr
    assert "$[3]: its claim ID 'taken' is taken by a source or rating" in result.stderr
    assert "2 claims" in result.stderr
    texts = sorted(c["text"] for c in run_json("list", "--claims", folder))
    assert texts == ["A fine one.", "Our own words.", "Twice reviewed."]


def test_a_dry_run_names_its_file_and_stops_quietly_at_head(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "claims"
    folder.mkdir()
    reviews = [_review(f"Claim number {n} " + "x" * 80, f"https://x.example/{n}")
               for n in range(3000)]  # fmt: skip
    path = tmp_path / "many.json"
    path.write_text(json.dumps(reviews), encoding="utf-8")
    dry = run("import", path, "--claims", folder, "--dry-run")
    assert f"would add to {folder / 'imported.toml'}: 3,000 claims" in dry.stderr
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {sys.executable} -m factcheck import {path} "
         f"--claims {folder} --dry-run | head -1 > /dev/null"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-400:]
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr


def test_an_author_type_survives_import_and_export(folder):
    """'multiple sources', an Organization in the review, came back as a Person."""
    import_json(folder, AFP_LIKE, "--topic", "health")
    (claim,) = run_json("list", "--claims", folder)
    assert claim["speaker_kind"] == "organisation"
    exported = json.loads(run("export", "--claims", folder, "--all").stdout)
    (review,) = [r for r in exported["@graph"] if r["@type"] == "ClaimReview"]
    assert review["itemReviewed"]["author"] == {"@type": "Organization",
                                                "name": "multiple sources"}  # fmt: skip


def test_outlet_role_quote_and_figures_survive_export_then_import(write_claims, tmp_path):
    # issue 30: the round trip lost the outlet, the speaker's role, the quote and the figures
    source = write_claims(
        '[[sources]]\nid = "ap"\noutlet = "Associated Press"\nurl = "https://ap.example/a"\n\n'
        '[[claims]]\nid = "c"\nspeaker = "Jane Roe"\nspeaker_role = "Mayor of Riverton"\n'
        'topics = ["t"]\nsource = "ap"\ntext = "The mayor said crime dropped 32 percent."\n'
        'quote = "Crime dropped 32 percent, from 105 to 71"\n'
        'quantities = { before = "105", after = "71", change = { value = "dropped 32 percent",'
        ' from = "before", to = "after", note = "as said" } }\n'
        'review = { textual_rating = "True", url = "https://desk.example/c" }\n'
    )
    document = json.loads(run("export", "--claims", source).stdout)
    (item,) = expanded(document)
    claim = item[SCHEMA + "itemReviewed"][0]
    assert claim[SCHEMA + "author"][0][SCHEMA + "jobTitle"][0]["@value"] == "Mayor of Riverton"
    assert claim["urn:factcheck:quantities"][0]["@type"] == "@json"  # kept by a processor
    exported = tmp_path / "out.jsonld"
    exported.write_text(json.dumps(document), encoding="utf-8")
    folder = tmp_path / "again"
    assert run("import", exported, "--claims", folder, "--topic", "t").exit_code == 0
    (again,) = run_json("list", "--claims", folder)
    (original,) = run_json("list", "--claims", source)
    for key in ("speaker", "speaker_role", "quote", "quantities", "text"):
        assert again[key] == original[key], key
    written = next(folder.glob("*.toml")).read_text(encoding="utf-8")
    assert 'outlet = "Associated Press"' in written


# Tables of claims (issue 31: TSV and CSV were refused as "not JSON").
TSV = ("\tvclaim\ttitle\n"
       "0\t122 detainees released from Guantanamo re-engaged in terrorism.\tDid 122 return?\n"
       "1\t70 per cent of those arrested had out-of-state IDs.\tOut-of-state protesters\n"
       "2\t\tA row with no claim\n")  # fmt: skip


def test_a_tsv_of_claims_imports_with_a_column_mapping_and_twice_adds_nothing(tmp_path):
    table = tmp_path / "verified.tsv"
    table.write_text(TSV, encoding="utf-8")
    folder = tmp_path / "claims"
    args = ("import", table, "--columns", "text=vclaim,headline=title", "--rating-words",
            "see the fact-check", "--topic", "archive", "--claims", folder)  # fmt: skip
    first = run(*args)
    assert first.exit_code == 0, first.stderr
    assert "line 4: no claim text in its column; skipped" in first.stderr
    listed = run_json("list", "--claims", folder)
    assert sorted(c["text"][:12] for c in listed) == ["122 detainee", "70 per cent "]
    assert {c["review"]["textual_rating"] for c in listed} == {"see the fact-check"}
    assert {c["review"]["headline"] for c in listed} == {"Did 122 return?",
                                                         "Out-of-state protesters"}  # fmt: skip
    again = run(*args)
    assert again.exit_code == 0 and "nothing to add" in again.stderr


def test_a_csv_is_read_by_its_headers_names(tmp_path):
    table = tmp_path / "sheet.csv"
    table.write_text('claim,speaker,date,rating,review_url\n"Crime fell 30%, he said",Jane Roe,'
                     "2024-05-01,False,https://desk.example/r/1\n", encoding="utf-8")  # fmt: skip
    folder = tmp_path / "claims"
    assert run("import", table, "--topic", "crime", "--claims", folder).exit_code == 0
    (claim,) = run_json("list", "--claims", folder)
    assert (claim["text"], claim["speaker"], claim["date"]) == (
        "Crime fell 30%, he said", "Jane Roe", "2024-05-01")  # fmt: skip
    assert claim["review"]["textual_rating"] == "False"


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [("a\tb\nx\ty\n", [], "no column for the claim's text; name it with --columns"),
     (TSV, ["--columns", "text=nope"], "no column 'nope' for text"),
     (TSV, ["--columns", "colour=vclaim"], "write FIELD=COLUMN"),
     (TSV, [], "no row has a rating"),
     ("", [], "is empty")],
)  # fmt: skip
def test_a_table_that_cannot_be_read_says_what_to_do(tmp_path, text, args, message):
    table = tmp_path / "t.tsv"
    table.write_text(text, encoding="utf-8")
    result = run("import", table, *args, "--topic", "t", "--claims", tmp_path / "claims")
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "claims").exists()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_long_import_shows_its_progress_at_a_terminal_and_nowhere_else(tmp_path):
    rows = "".join(f"{n}\tClaim number {n} about the budget.\tReview {n}\n" for n in range(6000))
    table = tmp_path / "long.tsv"
    table.write_text("\tvclaim\ttitle\n" + rows, encoding="utf-8")
    args = ["import", str(table), "--columns", "text=vclaim,headline=title", "--rating-words",
            "see the fact-check", "--topic", "archive"]  # fmt: skip
    code, said = at_a_terminal([*args, "--claims", str(tmp_path / "a")], b"", tmp_path)
    assert code == 0, said
    assert "importing reviews" in said and "/6000" in said
    piped = run(*args, "--claims", tmp_path / "b")
    assert piped.exit_code == 0 and "importing reviews" not in piped.stderr
    assert "added to" in piped.stderr and "6,000 claims" in piped.stderr
