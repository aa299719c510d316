"""One home for every language's sentences: the same files and keys in every language."""

from __future__ import annotations

import re
import string

import pytest

from okrsim.errors import OkrsimError
from okrsim.grading import CRITERIA
from okrsim.i18n import (
    check_language,
    domains,
    format_number,
    format_percent,
    languages,
    localize,
    table,
    term,
)


def _fields(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def test_languages_are_discovered_from_folders_english_first():
    assert languages()[0] == "en"
    assert "it" in languages()


@pytest.mark.parametrize("domain", domains())
@pytest.mark.parametrize("lang", [code for code in languages() if code != "en"])
def test_every_language_has_every_sentence_with_the_same_placeholders(lang, domain):
    english, other = table("en", domain), table(lang, domain)
    assert set(other) == set(english)
    for key, sentence in english.items():
        assert _fields(other[key]) == _fields(sentence), key


def test_one_name_per_smart_letter_in_every_language():
    for lang in languages():
        names = [term(lang, f"criterion.{c}") for c in CRITERIA]
        assert len(set(names)) == len(CRITERIA)
    assert term("it", "criterion.time_bound") == "Definito nel tempo"


def test_no_other_italian_name_for_time_bound_anywhere_in_the_package():
    from importlib import resources

    root = resources.files("okrsim")
    stale = re.compile(r"Vincolato nel tempo|Con una scadenza")
    found = [str(p) for p in _files(root) if stale.search(p.read_text(encoding="utf-8"))]
    assert found == []


def _files(folder):
    for item in folder.iterdir():
        if item.is_dir():
            yield from _files(item)
        elif item.name.endswith((".py", ".toml", ".yaml")):
            yield item


def test_numbers_follow_the_language():
    assert format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(1234.5, "it", 1) == "1.234,5"
    assert format_percent(0.425, "it") == "42,5%"
    assert localize("11,000.5", "it") == "11.000,5"
    assert localize("82.2%", "en") == "82.2%"


def test_an_unknown_language_is_one_sentence():
    with pytest.raises(OkrsimError, match=r"^The kit speaks 'en' or 'it'; got 'fr'\.$"):
        check_language("fr")
