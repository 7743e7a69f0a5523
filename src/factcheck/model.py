"""Pydantic models of the records in a claims folder. No I/O here.

A claims folder holds TOML files; each may hold `[[sources]]`, `[[claims]]` and `[[checks]]`.
Every field is documented in docs/records.md; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationInfo,
    model_validator,
)

from factcheck.figures import quantity
from factcheck.references import part_reference as part_reference  # re-exported
from factcheck.references import split_reference as split_reference


def _toml_date(value: Any, info: ValidationInfo) -> Any:
    """A TOML date (`date = 2025-01-20`), nothing looser: not a number of seconds since 1970,
    not a string that looks like a date, not a date-time whose time would be dropped.

    Only the warm cache (cache.py), which keeps validated records as JSON, passes a date as
    its ISO text; pydantic then parses it as strictly as any date."""
    if isinstance(value, str) and info.context is not None and "factcheck-cache" in info.context:
        return value
    if isinstance(value, dt.datetime):
        raise ValueError("is a date and time; write the date alone, e.g. 2025-01-20")
    if not isinstance(value, dt.date):
        raise ValueError("must be a TOML date without quotes, e.g. 2025-01-20")
    return value


TomlDate = Annotated[dt.date, BeforeValidator(_toml_date)]

SLUG_PATTERN = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
QUANTITY_NAME_PATTERN = r"[a-z_][a-z0-9_]*"
REFERENCE_PATTERN = rf"^{SLUG_PATTERN}\.{QUANTITY_NAME_PATTERN}$"
PART_OF_PATTERN = rf"^(?:{SLUG_PATTERN}\.)?{QUANTITY_NAME_PATTERN}$"


# Patterns are checked by pydantic-core (no Python call per field, which a large folder would
# feel); store.py turns a pattern mismatch into the message that names the rule, PATTERN_HELP.
Slug = Annotated[str, StringConstraints(pattern=f"^{SLUG_PATTERN}$")]
QuantityName = Annotated[str, StringConstraints(pattern=f"^{QUANTITY_NAME_PATTERN}$")]
Reference = Annotated[str, StringConstraints(pattern=REFERENCE_PATTERN)]
PartOf = Annotated[str, StringConstraints(pattern=PART_OF_PATTERN)]
Text = Annotated[str, StringConstraints(pattern=r"\S")]

# A lexicon phrase must hold a letter or digit: one of only separators (even ones a regex does
# not call white space, such as U+001C) would match nothing.
PHRASE_PATTERN = r"[^\W_]"
URL_PATTERN = r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]

NUMBER_PATTERN = r"^-?\d+(?:\.\d+)?$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$"

PATTERN_HELP = {
    PHRASE_PATTERN: "is not a word or phrase: write letters or digits ('pants on fire')",
    LANGUAGE_PATTERN: "is not a language code: write 'en', 'ur', 'pt-BR'",
    NUMBER_PATTERN: "is not a number: write it as 1, 2.5 or -1",
    URL_PATTERN: "is not a web address: write it in full, 'https://example.org/page'",
    f"^{SLUG_PATTERN}$": (
        "is not a valid ID: use lowercase letters, digits and hyphens, "
        "starting with a letter (e.g. 'dhs-released-4561')"
    ),
    f"^{QUANTITY_NAME_PATTERN}$": (
        "is not a valid quantity name: use lowercase letters, digits and underscores, "
        "starting with a letter (e.g. 'released')"
    ),
    REFERENCE_PATTERN: (
        "is not a quantity reference: write 'claim-id.quantity' (e.g. 'dhs-released-4561.released')"
    ),
    PART_OF_PATTERN: (
        "is not a quantity: write a name of this claim ('released') or 'claim-id.quantity'"
    ),
    r"\S": "must not be empty",
}


def _readable_figure(text: str) -> str:
    # A whole number ("4,561") always reads; checking that costs a regex, not a Figure.
    if not quantity.is_plain_count(text):
        quantity.parse_figure(text)  # raises FigureError (a ValueError) that quotes the text
    return text


def _readable_expression(text: str) -> str:
    from factcheck.figures import expression  # here: `show` validates no check

    expression.parse(text)
    return text


FigureText = Annotated[str, AfterValidator(_readable_figure)]
ExpressionText = Annotated[str, AfterValidator(_readable_expression)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    """Where claims were published: an article, a post, a letter, a transcript."""

    id: Slug
    outlet: Text | None = None
    title: Text | None = None
    url: Url | None = None
    published: TomlDate | None = None
    archived: Url | None = Field(default=None, description="An archive URL of the source.")
    notes: str | None = None


class Quantity(Record):
    """One figure in a claim, kept as the text the speaker used."""

    value: FigureText = Field(description="The figure as written: '4,561', 'more than 12,000'.")
    measure: Slug | None = Field(
        default=None, description="What is counted; figures of one measure can be compared."
    )
    part_of: PartOf | None = Field(
        default=None, description="The quantity this one is a part of: 'name' or 'claim.name'."
    )
    unit: Text | None = Field(default=None, description="What one unit is: 'individuals'.")
    period: Text | None = Field(
        default=None, description="The period as the speaker gave it: 'since Jan. 20'."
    )
    since: TomlDate | None = None
    until: TomlDate | None = None
    note: str | None = None
    # The two ends of a change this figure states: `check` computes change(from, to) and
    # judges the figure ("rose 50%") without a declared check. Written `from` and `to`.
    change_from: PartOf | None = Field(
        default=None, alias="from", description="The old value of a change: 'name' or 'claim.name'."
    )
    change_to: PartOf | None = Field(
        default=None, alias="to", description="The new value of a change: 'name' or 'claim.name'."
    )

    model_config = ConfigDict(extra="forbid", frozen=True, serialize_by_alias=True)

    @property
    def period_text(self) -> str:
        """The period as words and dates together: 'since 2019', '' when none is given."""
        bounds = [
            f"since {self.since.isoformat()}" if self.since else "",
            f"until {self.until.isoformat()}" if self.until else "",
        ]
        return " ".join(p for p in [self.period or "", *bounds] if p)


def _quantity_short_form(value: Any) -> Any:
    # `released = "4,561"` is short for `released = { value = "4,561" }`.
    if isinstance(value, str):
        return {"value": value}
    return value


Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
RatingNumber = Annotated[int | Annotated[str, StringConstraints(pattern=NUMBER_PATTERN)], Field()]


class Rating(Record):
    """One step of a desk's rating scale: 'False', 1 on a scale from 1 (worst) to 5 (best)."""

    id: Slug = Field(description="The name a review gives: 'false', 'mostly-true'.")
    label: Text = Field(description="The rating as published: 'False', 'Mostly true'.")
    value: RatingNumber = Field(description="Its place on the scale: 1.")
    best: RatingNumber = Field(description="The best value of the scale: 5.")
    worst: RatingNumber = Field(description="The worst value of the scale: 1.")

    @model_validator(mode="after")
    def _on_the_scale(self) -> Rating:
        value, best, worst = (Fraction(str(x)) for x in (self.value, self.best, self.worst))
        if best == worst:
            raise ValueError("'best' and 'worst' are equal: a scale needs two ends")
        if not min(best, worst) <= value <= max(best, worst):
            raise ValueError(f"'value' {self.value} is not between worst and best")
        return self

    @property
    def normalised(self) -> Fraction:
        """(value - worst) / (best - worst): 0 the worst, 1 the best, on every desk's scale."""
        value, best, worst = (Fraction(str(x)) for x in (self.value, self.best, self.worst))
        return (value - worst) / (best - worst)


class Review(Record):
    """The desk's review of a claim: a rating on its declared scale, who, when, where, why."""

    rating: Slug | None = Field(default=None, description="The ID of a [[ratings]] record.")
    textual_rating: Text | None = Field(
        default=None, description="A rating no scale holds, kept as published: 'Misleading'."
    )
    reviewer: Text | None = Field(default=None, description="The desk or fact-checker.")
    date: TomlDate | None = Field(default=None, description="When the review was published.")
    url: Url | None = Field(default=None, description="Where the review is published.")
    rationale: Text | None = Field(default=None, description="Why, in a sentence or two.")
    headline: Text | None = Field(
        default=None,
        description="The review's headline, which often phrases the claim better than its text.",
    )
    language: (
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$")] | None
    ) = Field(default=None, description="The review's language (BCP 47): 'en', 'ur'.")

    @model_validator(mode="after")
    def _has_a_rating(self) -> Review:
        if self.rating is None and self.textual_rating is None:
            raise ValueError("a review needs 'rating' (a [[ratings]] ID) or 'textual_rating'")
        return self


class Claim(Record):
    """One checkable assertion: who said what, where, on which topics, with which figures."""

    id: Slug
    text: Text = Field(description="The assertion, as reported.")
    speaker: Text
    topics: list[Slug] = Field(min_length=1)
    speaker_role: Text | None = None
    speaker_kind: Literal["person", "organisation"] | None = Field(
        default=None,
        description="Whether the speaker is a person or an organisation, where a review said so.",
    )
    source: Slug | None = None
    date: TomlDate | None = Field(default=None, description="When the claim was made.")
    quote: Text | None = Field(default=None, description="The speaker's own words, if quoted.")
    about: Slug | None = Field(default=None, description="The proposition this claim speaks to.")
    stance: Literal["affirms", "denies"] | None = None
    disputes: list[Slug] = Field(default_factory=list)
    quantities: dict[QuantityName, Annotated[Quantity, BeforeValidator(_quantity_short_form)]] = (
        Field(default_factory=dict)
    )
    verdict: Text | None = Field(default=None, description="The desk's own rating, if any.")
    language: (
        Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*$")] | None
    ) = Field(default=None, description="The language of the text (BCP 47): 'en', 'ur'.")
    review: Review | None = Field(default=None, description="The desk's review and rating.")
    draft: bool | None = Field(
        default=None, description="Drafted by `factcheck extract`, not yet reviewed by the desk."
    )
    notes: str | None = None

    @model_validator(mode="after")
    def _stance_needs_about(self) -> Claim:
        if self.stance is not None and self.about is None:
            raise ValueError("'stance' needs 'about': the proposition the stance is towards")
        if self.id in self.disputes:
            raise ValueError("a claim cannot dispute itself")
        return self

    @property
    def figures(self) -> int:
        """How many figures the claim records: what the table of `list` shows of them."""
        return len(self.quantities)


class Check(Record):
    """An arithmetic check: recompute `compute` and compare it with a figure."""

    id: Slug
    compute: ExpressionText = Field(description="An expression: '4,561 / claim-id.quantity'.")
    claim: Reference | None = Field(
        default=None, description="The claimed figure to test: 'claim-id.quantity'."
    )
    expect: FigureText | None = Field(
        default=None, description="A figure as written to test, when no claim holds it."
    )
    note: str | None = None
    draft: bool | None = Field(
        default=None, description="Suggested by `factcheck extract`, not yet reviewed by the desk."
    )

    def claims_read(self) -> set[str]:
        """The claims whose figures the check reads or judges."""
        from factcheck.figures import expression

        references = [self.claim or "", *expression.references(self.compute)]
        return {split_reference(r)[0] for r in references if r}

    @model_validator(mode="after")
    def _one_target(self) -> Check:
        if (self.claim is None) == (self.expect is None):
            raise ValueError("give exactly one of 'claim' (a reference) or 'expect' (a figure)")
        return self


Phrase = Annotated[
    str, StringConstraints(pattern=PHRASE_PATTERN, strip_whitespace=True, to_lower=True)
]


class LexiconExtension(Record):
    """Words a claims folder adds to `factcheck compare`'s lexicons (see wordlists/README.md)."""

    rebuttal_markers: list[Phrase] = Field(default_factory=list)
    negations: list[Phrase] = Field(default_factory=list)
    contrasts: list[tuple[Phrase, Phrase]] = Field(default_factory=list)


class ClaimsFile(Record):
    """The shape of one TOML file in a claims folder."""

    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    ratings: list[Rating] = Field(default_factory=list)
    lexicon: LexiconExtension | None = None


RECORD_KINDS: dict[str, type[Source] | type[Claim] | type[Check] | type[Rating]] = {
    "sources": Source,
    "claims": Claim,
    "checks": Check,
    "ratings": Rating,
}


@functools.cache
def records_adapter(kind: str) -> TypeAdapter[list[Any]]:
    """Validates and dumps a list of one kind of record ('claims', ..., or 'lexicon') in one
    call to pydantic-core; made once per kind, for the loader and the cache alike."""
    model = LexiconExtension if kind == "lexicon" else RECORD_KINDS[kind]
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def claims_file_json_schema() -> dict[str, Any]:
    """The JSON Schema of a claims file, for editors (taplo, Even Better TOML)."""
    schema = ClaimsFile.model_json_schema()
    # The model normalises the short form; the file may use it, so the schema must allow it.
    # (pydantic writes patternProperties for the names, which would take precedence over
    # additionalProperties and allow the table form alone: it is replaced by propertyNames.)
    quantities = schema["$defs"]["Claim"]["properties"]["quantities"]
    quantities.pop("patternProperties", None)
    quantities["additionalProperties"] = {
        "anyOf": [{"type": "string"}, {"$ref": "#/$defs/Quantity"}]
    }
    quantities["propertyNames"] = {"pattern": f"^{QUANTITY_NAME_PATTERN}$"}
    for name, definition in schema["$defs"].items():
        for field, prop in definition.get("properties", {}).items():
            _without_null(prop)
            prop.setdefault("description", FIELD_HELP.get(f"{name}.{field}", ""))
            if not prop["description"]:
                del prop["description"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "factcheck claims file"
    return schema


def _without_null(prop: dict[str, Any]) -> None:
    """TOML has no null (a field is left out instead), and a union with null makes an editor
    report one bad value once per branch: `anyOf: [X, null]` becomes X."""
    branches = prop.get("anyOf")
    if isinstance(branches, list):
        kept = [b for b in branches if b != {"type": "null"}]
        if len(kept) == 1 and len(kept) < len(branches):
            del prop["anyOf"]
            prop.update(kept[0])
    if prop.get("default", 0) is None:
        del prop["default"]


# One line per field, for editors (the whole story is in docs/records.md).
FIELD_HELP = {
    "Claim.id": "A unique ID: lowercase letters, digits and hyphens ('dhs-released-4561').",
    "Claim.speaker": "Who made the claim, as the source names them.",
    "Claim.topics": "Topic IDs the claim belongs to; at least one.",
    "Claim.speaker_role": "The speaker's title or role ('Governor of California').",
    "Claim.source": "The ID of the [[sources]] record it was published in.",
    "Claim.stance": "'affirms' or 'denies', towards `about`.",
    "Claim.disputes": "IDs of claims this one explicitly rebuts.",
    "Claim.quantities": "The figures in the claim, by name: 'released = \"4,561\"'.",
    "Claim.notes": "Free text.",
    "Quantity.since": "The start of the period, as a TOML date.",
    "Quantity.until": "The end of the period, as a TOML date.",
    "Quantity.note": "Free text about this figure.",
    "Source.id": "A unique ID: lowercase letters, digits and hyphens.",
    "Source.outlet": "The publication: 'Benzinga'.",
    "Source.title": "The headline or title.",
    "Source.url": "Where it was published.",
    "Source.published": "When it was published, as a TOML date.",
    "Source.notes": "Free text.",
    "Check.id": "A unique ID: lowercase letters, digits and hyphens.",
    "Check.note": "What the check asks, for the reader.",
    "LexiconExtension.rebuttal_markers": "Words that call a statement false: 'pants on fire'.",
    "LexiconExtension.negations": "Words or phrases that negate a clause: 'nae'.",
    "LexiconExtension.contrasts": 'Pairs of opposite predicates: ["upheld", "overturned"].',
}
