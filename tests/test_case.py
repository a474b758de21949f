"""annotate/case.py: words a case-blind regex matched are looked up as the regex compared them.

Python's re.IGNORECASE takes "ı"/"İ" for i, "ſ" for s and the Kelvin sign for k; tables keyed on
str.lower() missed such a match and the whole document failed (KeyError)."""

from __future__ import annotations

import pytest

from communique.annotate.case import ignorecase_key
from communique.pipeline import extract


def test_the_key_lowers_as_the_case_blind_regexes_compare():
    assert ignorecase_key("LAST Year") == "last year"
    assert ignorecase_key("laſt") == "last" and ignorecase_key("mıllıon") == "million"
    assert ignorecase_key("İN") == "in"
    assert ignorecase_key("\u212aM") == "km"
    assert ignorecase_key("Straße") == "straße"  # otherwise plain lower(): no other letter changes


TEXT = ("ASTANA, 3 March 2025. The European Union will provide EUR 12 million for water projects, "
        "the Commission said last week. Trade grew by 5 per cent in the first half of last year. "
        "A third of the funds was established in the first quarter.")


@pytest.mark.parametrize("plain, odd", [("s", "ſ"), ("i", "ı"), ("I", "İ"), ("k", "\u212a")])
def test_a_text_with_the_odd_letters_is_read_not_dropped(plain, odd):
    """Every plain letter replaced by its case-blind twin: the document is extracted (no error),
    and — but for "ı" — its amounts are those of the plain text. (The literal cue passes do not
    take "ı" for i, so "wıll provıde" is no pledge cue; real text has "ı" in Turkish names only.)"""
    plain_out = extract(TEXT, published="2025-03-03").to_contract()
    odd_out = extract(TEXT.replace(plain, odd), published="2025-03-03").to_contract()
    if odd == "ı":
        return
    assert [p["amount"] for p in odd_out["pledges"]] == [p["amount"] for p in plain_out["pledges"]]
    assert [f["value"] for f in odd_out["figures"]] == [f["value"] for f in plain_out["figures"]]


def test_a_turkish_name_beside_english_keywords_is_no_error():
    out = extract("BAKU, 5 May 2025. Minister İlham Əliyev said trade with Kırgızistan rose by "
                  "EUR 3 mıllıon last year.", published="2025-05-05").to_contract()
    assert out["document"]["published"].startswith("2025-05-05")
