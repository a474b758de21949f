"""The ordinal grammar: digits, words and Roman numerals, with clear-position rules for Roman."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.annotate.ordinals import find_ordinals, parse_ordinal, parse_roman, to_roman


@pytest.mark.parametrize(
    "text, value",
    [
        ("22nd", 22), ("1st", 1), ("3rd", 3), ("11th", 11), ("112th", 112), ("22-nd", 22), ("22d", 22),
        ("first", 1), ("Twelfth", 12), ("twenty-second", 22), ("twenty second", 22), ("ninety-ninth", 99),
        ("hundredth", 100), ("one hundredth", 100), ("one hundred and first", 101),
        ("a hundred and twenty-first", 121), ("XXII", 22), ("XII", 12), ("IV", 4), ("XCIX", 99),
    ],
)
def test_parse_ordinal(text, value) -> None:
    assert parse_ordinal(text) == value


@pytest.mark.parametrize("bad", ["", "22", "twenty", "IIII", "VX", "Kazakhstan", "0th", "21x"])
def test_parse_ordinal_rejects(bad) -> None:
    assert parse_ordinal(bad) is None


@pytest.mark.parametrize(
    "text, found",
    [
        ("XXI Kazakhstan-EU Cooperation Council opens", [("XXI", 21)]),
        ("The sides will hold the XII meeting of the committee", [("XII", 12)]),
        ("Kazakhstan and China hold XII meeting in Beijing", [("XII", 12)]),
        ("the twenty-first meeting of the Council", [("twenty-first", 21)]),
        ("The 21st Council and the 11th session", [("21st", 21), ("11th", 11)]),
        ("held its fourteenth session; the first-ever summit", [("fourteenth", 14), ("first", 1)]),
        ("the XXII Congress of the party", [("XXII", 22)]),
    ],
)
def test_find_ordinals(text, found) -> None:
    got = find_ordinals(text)
    assert [(o.text, o.value) for o in got] == found
    for o in got:
        assert text[o.span[0]:o.span[1]] == o.text


@pytest.mark.parametrize(
    "text",
    [
        "I think I can. V for victory. Chapter X is long.",
        "After World War II ended, trade grew.",
        "The talks met on 17th June and on June 17th and on the 3rd of March.",
        "Louis XIV was a king.",
        "The CD was sold. MIX it up.",
        "The MDC party and the CD player; DVD sales; the XXL size.",
    ],
)
def test_not_ordinals(text) -> None:
    assert [(o.text, o.value) for o in find_ordinals(text)] == []


def test_offset() -> None:
    assert find_ordinals("the 22nd meeting", offset=10)[0].span == (14, 18)


def _suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


_ORD_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
              "tenth",
              "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
              "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENS_ORD = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
             "ninetieth"]


def _ord_words(n: int, sep: str) -> str:
    if n >= 100:
        rest = n % 100
        return "hundredth" if not rest else "one hundred and " + _ord_words(rest, sep)
    if n < 20:
        return _ORD_UNITS[n]
    if n % 10 == 0:
        return _TENS_ORD[n // 10]
    return _TENS[n // 10] + sep + _ORD_UNITS[n % 10]


@given(st.integers(min_value=1, max_value=199), st.sampled_from(["-", " "]))
def test_round_trip_all_forms(n, sep) -> None:
    for form in (f"{n}{_suffix(n)}", _ord_words(n, sep), to_roman(n)):
        assert parse_ordinal(form) == n, form
    assert parse_roman(to_roman(n)) == n
    # in running text, in a clear position
    for form in (f"{n}{_suffix(n)}", _ord_words(n, sep), to_roman(n)):
        if len(form) == 1:
            continue  # single Roman letters are never taken from text
        text = f"the {form} meeting of the Council"
        got = find_ordinals(text)
        assert [(o.text, o.value) for o in got] == [(form, n)], text


@given(st.text())
def test_random_unicode_never_raises(text) -> None:
    for o in find_ordinals(text):
        assert text[o.span[0]:o.span[1]] == o.text
        assert o.value > 0


def test_a_single_roman_letter_only_between_the_and_a_sitting_noun():
    assert [o.value for o in find_ordinals("The V meeting of the Joint Commission opened.")] == [5]
    assert [o.value for o in find_ordinals("the I session of the Council")] == [1]
    assert find_ordinals("Annex V of the treaty; Phase V meeting of the group; I meeting of the") == []
