"""The language an article is in (text/language.py), and what extract does with it (issue
27: a Spanish article gave four speakers "the article" and a Chinese one "0 candidates"
without a word). Texts written for these tests."""

from __future__ import annotations

import json

import pytest

from conftest import run
from factcheck.extract.figures import figures
from factcheck.text.language import guess


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The mayor said the city spent more on roads than it had in any year before.", "en"),
        ("El desempleo bajó un punto en 2023, dijo el presidente del gobierno.", "es"),
        ("Le chômage a baissé en 2023, a dit le ministre dans un entretien.", "fr"),
        ("Die Arbeitslosigkeit sank um einen Punkt, sagte der Minister auf der Konferenz.", "de"),
        ("失业率下降了。总统说经济很好。", "zh"),
        ("Безработица снизилась, сказал министр.", "ru"),
        ("Too short", "und"),
    ],
)
def test_the_language_is_named(text, code):
    assert guess(text).code == code


def test_decimal_commas_are_read_by_the_texts_language():
    sentence = "Die Arbeitslosigkeit sank um 5,5 % auf 1.234.567 Menschen."
    found = figures(sentence, decimal_comma=True)
    assert [f.value for f in found] == ["5.5 %", "1,234,567"]
    assert [sentence[f.start : f.end] for f in found] == ["5,5 %", "1.234.567"]
    assert [f.value for f in figures("It rose 5,5 or 1.5 times.")] != ["5.5"]


def test_extract_says_the_language_and_reads_its_quotation_marks(tmp_path):
    page = tmp_path / "es.txt"
    page.write_text("El desempleo bajó un 5,5 % en 2023, dijo el presidente Pedro Sánchez.\n"
                    "«La economía crece», afirmó la ministra Nadia Calviño.\n",
                    encoding="utf-8")  # fmt: skip
    result = run("extract", page, "--min-score", "0", "--json")
    assert result.exit_code == 0, result.stderr
    assert "looks like Spanish (es), not English" in result.stderr
    found = json.loads(result.stdout)
    assert found["language"] == {"code": "es", "name": "Spanish"}
    by_sentence = {c["sentence"]: c for c in found["candidates"]}
    assert [f["value"] for f in by_sentence[1]["figures"]] == ["5.5 %"]
    (quote,) = by_sentence[2]["quotes"]
    assert quote["text"] == "La economía crece"
    assert page.read_text(encoding="utf-8")[quote["start"] : quote["end"]] == quote["text"]


def test_an_english_article_gets_no_note(tmp_path):
    page = tmp_path / "en.txt"
    page.write_text("The mayor said the city spent $4 million on roads.\n", encoding="utf-8")
    result = run("extract", page, "--min-score", "0")
    assert result.exit_code == 0 and "looks like" not in result.stderr
