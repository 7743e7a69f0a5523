import pytest
from pydantic import ValidationError

from factcheck.model import Check, Claim, claims_file_json_schema

BASE = {"id": "a-claim", "speaker": "S", "text": "T", "topics": ["x"]}


def test_a_claim_needs_only_id_text_speaker_topics():
    claim = Claim.model_validate(BASE)
    assert claim.quantities == {}
    assert claim.disputes == []


@pytest.mark.parametrize("missing", ["id", "speaker", "text", "topics"])
def test_each_required_field_is_required(missing):
    data = {k: v for k, v in BASE.items() if k != missing}
    with pytest.raises(ValidationError) as error:
        Claim.model_validate(data)
    assert error.value.errors()[0]["loc"] == (missing,)


def test_short_and_table_quantities_are_the_same_record():
    short = Claim.model_validate({**BASE, "quantities": {"n": "4,561"}})
    table = Claim.model_validate({**BASE, "quantities": {"n": {"value": "4,561"}}})
    assert short == table
    assert short.quantities["n"].value == "4,561"


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError, match="extra"):
        Claim.model_validate({**BASE, "colour": "blue"})


@pytest.mark.parametrize("bad", ["Has Space", "UPPER", "1-starts-with-digit", "trailing-", "a--b"])
def test_ids_must_be_slugs(bad):
    with pytest.raises(ValidationError) as error:
        Claim.model_validate({**BASE, "id": bad})
    assert error.value.errors()[0]["type"] == "string_pattern_mismatch"


def test_stance_needs_about():
    with pytest.raises(ValidationError, match="needs 'about'"):
        Claim.model_validate({**BASE, "stance": "affirms"})


def test_a_claim_cannot_dispute_itself():
    with pytest.raises(ValidationError, match="itself"):
        Claim.model_validate({**BASE, "disputes": ["a-claim"]})


def test_part_of_takes_a_local_name_or_a_reference():
    claim = Claim.model_validate(
        {
            **BASE,
            "quantities": {
                "a": {"value": "1", "part_of": "b"},
                "b": {"value": "2", "part_of": "other.total"},
            },
        }
    )
    assert claim.quantities["b"].part_of == "other.total"
    with pytest.raises(ValidationError, match="part_of"):
        Claim.model_validate({**BASE, "quantities": {"a": {"value": "1", "part_of": "x.y.z"}}})


def test_a_check_names_exactly_one_target():
    Check.model_validate({"id": "c", "compute": "1 / 8", "expect": "12.5%"})
    for data in (
        {"id": "c", "compute": "1"},
        {"id": "c", "compute": "1", "expect": "1", "claim": "a.b"},
    ):
        with pytest.raises(ValidationError, match="exactly one"):
            Check.model_validate(data)


def test_schema_accepts_the_short_form_of_a_quantity():
    schema = claims_file_json_schema()
    quantities = schema["$defs"]["Claim"]["properties"]["quantities"]
    assert {"type": "string"} in quantities["additionalProperties"]["anyOf"]
    assert set(schema["properties"]) == {"sources", "claims", "checks", "ratings", "lexicon"}
    assert schema["additionalProperties"] is False


def test_the_schema_explains_every_field_and_has_no_null_branches():
    from factcheck.model import claims_file_json_schema

    schema = claims_file_json_schema()
    for name, definition in schema["$defs"].items():
        for field, prop in definition.get("properties", {}).items():
            assert prop.get("description"), (name, field)
            assert "anyOf" not in prop or {"type": "null"} not in prop["anyOf"], (name, field)
    stance = schema["$defs"]["Claim"]["properties"]["stance"]
    assert stance["enum"] == ["affirms", "denies"]


def _as_json(value):
    """A TOML document as an editor's schema check sees it: dates as ISO strings."""
    import datetime as dt

    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_the_schema_accepts_every_file_validate_accepts_and_rejects_bad_records():
    """The short form (`said = "13.7%"`) once failed the schema on every quantity."""
    from pathlib import Path

    import jsonschema
    import tomli

    from conftest import FIXTURES, SEED_CLAIMS

    validator = jsonschema.Draft202012Validator(claims_file_json_schema())
    folders = (SEED_CLAIMS, FIXTURES / "valid", FIXTURES / "reviewed", FIXTURES / "match")
    accepted = [path for folder in folders for path in folder.rglob("*.toml")]
    for path in accepted:
        document = _as_json(tomli.loads(Path(path).read_text(encoding="utf-8")))
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], (path.name, errors[:3])
    short = {"claims": [{"id": "a", "text": "t", "speaker": "s", "topics": ["x"],
                         "quantities": {"said": "13.7%", "n": {"value": "4,561"}}}]}  # fmt: skip
    assert list(validator.iter_errors(short)) == []
    for bad in (
        {"claims": [{"id": "Bad ID", "text": "t", "speaker": "s", "topics": ["x"]}]},
        {"claims": [{"id": "a", "text": "t", "speaker": "s", "topics": ["x"], "speker": "s"}]},
        {"claims": [{"id": "a", "text": "t", "speaker": "s"}]},
        {
            "claims": [
                {
                    "id": "a",
                    "text": "t",
                    "speaker": "s",
                    "topics": ["x"],
                    "quantities": {"Bad Name": "1"},
                }
            ]
        },
        {
            "claims": [
                {"id": "a", "text": "t", "speaker": "s", "topics": ["x"], "quantities": {"n": 12}}
            ]
        },
        {"clams": []},
    ):
        assert list(validator.iter_errors(bad)), bad
