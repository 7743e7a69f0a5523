"""Property-based fuzzing: mutated claim files and random expressions through every command.

Whatever the input, no exception escapes, the exit code is a documented one, and `--json`
output parses. Fast in CI (a few seconds); run longer with, for example:

    FACTCHECK_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED_CLAIMS, run
from factcheck.folder.problems import ClaimsError
from factcheck.folder.store import load

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "25"))
DOCUMENTED = {0, 1, 2, 3, 4}
SEED = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED_CLAIMS.glob("*.toml")))
# Characters that have broken parsers and terminals before: quotes, brackets, escapes,
# controls, invisible and bidi characters, non-ASCII digits, surrogate-free astral text.
HOSTILE = [*'"\'[]{}=.,#\\\n\t\r',
    "\x00", "\x1b", "\x9b", "\u202e", "\u200b", "\u2028", "\ufeff", "\U000e0041", "\uff11",
    "\u09ea", "é", "9" * 50, "[[claims]]", "[lexicon]", "part_of", "compute", "\"\"\"",
]  # fmt: skip

settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("fuzz")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The seed file with a few random edits: inserted hostile pieces, cut spans, repeats."""
    text = SEED
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "repeat", "text"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "repeat":
            text = text[:at] + text[at : at + draw(st.integers(1, 200))] * 2 + text[at:]
        else:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
    return text


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "claims.toml").write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return folder


COMMANDS = [
    ["validate", "--json"],
    ["list", "--json"],
    ["list"],
    ["list", "--format", "csv"],
    ["topics", "--json"],
    ["check", "--json"],
    ["check"],
    ["compare", "--all", "--json"],
    ["compare", "--all"],
    ["show", "newsom-follows-law", "--json"],
]


def assert_well_behaved(result, args) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)  # fmt: skip
    assert result.exit_code in DOCUMENTED, (args, result.exit_code, result.stderr[-500:])
    assert "Traceback" not in result.stderr
    if "--json" in args and result.stdout:
        json.loads(result.stdout)


@pytest.mark.slow
@given(text=mutated())
def test_mutated_claim_files_never_escape_as_exceptions(tmp_path_factory, text):
    folder = write(tmp_path_factory.mktemp("claims"), text)
    try:
        load(folder)
    except ClaimsError as error:
        assert error.problems  # the only way loading may fail
    for args in COMMANDS:
        assert_well_behaved(run(*args, "--claims", folder), args)


EXPRESSION_PIECES = st.sampled_from(
    ["1", "4,561", "33,179", "0", "0.5", "13.7%", "1.2 million", "(", ")", "+", "-", "*", "/",
     "\u00d7", "\u00f7", "\u2212", " ", "a.q", "dhs-released-4561.released", "9" * 45, "1e5",
     "%", "$", "change(", ", ", ","]
)  # fmt: skip
CLAIMED = st.one_of(
    st.none(),
    st.sampled_from(["about one in eight", "more than 12,000", "13.7%", "a third", "most",
                     "lots", "", "\uff11\uff12", "twelve trillion trillion", "-5%",
                     "rose nearly 50%", "more than doubled", "up 5 points", "3 times more",
                     "680 per 100,000", "about 1,700 a year", "between 20% and 10%",
                     "10-20%", "a 5% drop", "fell by half"]),
    st.text(max_size=30),
)  # fmt: skip


@given(pieces=st.lists(EXPRESSION_PIECES, min_size=1, max_size=30), claimed=CLAIMED)
def test_random_expressions_never_escape_as_exceptions(pieces, claimed):
    expression = "".join(pieces)
    args = ["calc", expression, "--json", "--claims", str(SEED_CLAIMS)]
    if claimed is not None:
        args += ["--claim", claimed]
    result = run(*args)
    assert_well_behaved(result, args)
    assert result.exit_code in (0, 2)


# JSON values that broke importers before: every shape a ClaimReview field might be given,
# numbers of every size, hostile strings, and keys the readers look for.
KNOWN = ["https://x.example/a", "2020-06-24", "False", "5", "-1", "urn:factcheck:claim:x",
         "urn:factcheck:rating:false"]  # fmt: skip
JSON_STRINGS = st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE), st.sampled_from(KNOWN))
JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False), JSON_STRINGS,
)  # fmt: skip
KEYS = st.sampled_from([
    "@type", "@graph", "@id", "claimReviewed", "itemReviewed", "reviewRating", "ratingValue",
    "bestRating", "worstRating", "alternateName", "url", "author", "name", "headline",
    "datePublished", "claims", "claimReview", "text", "claimant", "textualRating",
    "publisher", "dataFeedElement", "item", "appearance", "inLanguage", "reviewBody",
])  # fmt: skip
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(KEYS, st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=30,
)


@st.composite
def claimreview_like(draw: st.DrawFn) -> object:
    """A document shaped like ClaimReview often enough to reach the record-making code."""
    rating = draw(st.one_of(JSON_VALUES, st.fixed_dictionaries({
        "alternateName": JSON_STRINGS, "ratingValue": JSON_LEAVES, "bestRating": JSON_LEAVES,
        "worstRating": JSON_LEAVES, "@id": JSON_STRINGS,
    })))  # fmt: skip
    review = {"@type": draw(st.sampled_from(["ClaimReview", ["ClaimReview"], "Thing"])),
              "claimReviewed": draw(st.one_of(JSON_STRINGS, JSON_VALUES)),
              "url": draw(JSON_VALUES), "reviewRating": rating,
              "itemReviewed": draw(JSON_VALUES), "author": draw(JSON_VALUES),
              "headline": draw(JSON_VALUES)}  # fmt: skip
    shapes = [review, [review, draw(JSON_VALUES)], {"@graph": [review]}, {"claims": [review]},
              draw(JSON_VALUES)]  # fmt: skip
    return draw(st.sampled_from(shapes))


@given(document=claimreview_like(), depth=st.integers(0, 3))
def test_imported_json_of_any_shape_never_escapes_as_an_exception(tmp_path_factory, document,
                                                                    depth):  # fmt: skip
    folder = tmp_path_factory.mktemp("claims")
    path = folder.parent / f"{folder.name}.json"
    for _ in range(depth):  # nested deeper still
        document = [document]
    path.write_text(json.dumps(document), encoding="utf-8")
    for args in (["import", str(path), "--dry-run"], ["import", str(path), "--topic", "t"]):
        result = run(*args, "--claims", folder)
        assert_well_behaved(result, args)
    if any(folder.iterdir()):  # whatever was imported loads as a valid folder
        assert run("validate", "--claims", folder).exit_code == 0


@given(text=mutated())
def test_completion_of_any_folder_never_raises(tmp_path_factory, text):
    import types

    from factcheck import completion

    folder = write(tmp_path_factory.mktemp("claims"), text)
    context = types.SimpleNamespace(params={"claims": str(folder)})
    for complete in (completion.claim_ids, completion.source_ids, completion.topics,
                     completion.propositions):  # fmt: skip
        offered = complete(context, "")
        assert all(completion.SLUG.fullmatch(value) for value in offered)
