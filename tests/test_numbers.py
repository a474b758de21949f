"""The number grammar: digit groups, decimal marks by group shape, words, scale words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.annotate.numbers import NUMBER_RE, find_numbers, is_year_like, parse_number, split_number
from communique.data import load, names

NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,5 bln", Decimal("1.5e9")),
        ("1,500", Decimal(1500)),
        ("1,500,000", Decimal(1500000)),
        ("1.500.000", Decimal(1500000)),
        ("1.500.000,25", Decimal("1500000.25")),
        ("1,500.25", Decimal("1500.25")),
        ("2,75", Decimal("2.75")),
        ("1.47bn", Decimal("1.47e9")),
        ("48 700 000", Decimal(48700000)),
        (f"48{NBSP}700{THIN}000", Decimal(48700000)),
        (f"655{NNBSP}000", Decimal(655000)),
        ("200m", Decimal(200000000)),
        ("3B", Decimal(3000000000)),
        ("45 bn", Decimal(45000000000)),
        ("1.5 trillion", Decimal("1.5e12")),
        ("2 tn", Decimal("2e12")),
        ("7 mln", Decimal(7000000)),
        ("2,5 mlrd", Decimal("2.5e9")),
        ("12 Billion", Decimal(12000000000)),
        ("twenty-two", Decimal(22)),
        ("Twenty two", Decimal(22)),
        ("seven", Decimal(7)),
        ("a dozen", Decimal(12)),
        ("one hundred and five", Decimal(105)),
        ("a hundred", Decimal(100)),
        ("twelve billion", Decimal(12000000000)),
        ("a billion", Decimal(1000000000)),
        ("ninety-nine", Decimal(99)),
    ],
)
def test_parse_number(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("bad", ["", "abc", "1,2,3x", "twenty-two-three", "bn", "1.5 furlongs"])
def test_parse_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_number(bad)


def test_split_number_keeps_scale_apart() -> None:
    assert split_number("3 billion") == (Decimal(3), Decimal(10**9))
    assert split_number("3") == (Decimal(3), None)


def test_scan_finds_numbers_but_not_ordinals_or_dates() -> None:
    text = "The 22nd meeting on 20.06.2022 noted 1,5 bln and 48 700 000 and seven heads."
    found = [m.group() for m in NUMBER_RE.finditer(text)]
    assert found == ["1,5 bln", "48 700 000", "seven"]


def test_year_like() -> None:
    assert is_year_like("2024") and is_year_like("1991")
    assert not is_year_like("3000") and not is_year_like("2,024") and not is_year_like("24")


_SEPARATORS = [",", " ", NBSP, THIN, NNBSP]


def _group(n: int, sep: str) -> str:
    s = f"{n:,}"
    return s.replace(",", sep)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(_SEPARATORS))
def test_grouped_integers_round_trip(n: int, sep: str) -> None:
    assert parse_number(_group(n, sep)) == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=99),
    st.sampled_from([".", ","]),
    st.sampled_from([("million", 10**6), ("bn", 10**9), ("bln", 10**9), (" billion", 10**9), ("m", 10**6),
                     (" trillion", 10**12), (" mln", 10**6), ("tn", 10**12)]),
)
def test_decimals_with_scale_round_trip(whole: int, frac: int, mark: str, scale) -> None:
    word, mult = scale
    frac_s = f"{frac:02d}".rstrip("0") or "0"
    text = f"{whole}{mark}{frac_s}{word}"
    assert parse_number(text) == Decimal(f"{whole}.{frac_s}") * mult


_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _WORDS[n % 10] if n % 10 else "")
    rest = n % 100
    return _WORDS[n // 100] + " hundred" + (" and " + _words(rest) if rest else "")


@given(st.integers(min_value=0, max_value=999))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(_words(n)) == n


@given(st.text())
def test_random_text_never_raises_in_scan(text: str) -> None:
    for m in NUMBER_RE.finditer(text):
        parse_number(m.group())


@given(st.text(alphabet="0123456789 ,.\u00a0\u2009abmnoetwhilrdsyzuvfAMBTOFS-", max_size=80))
def test_find_numbers_matches_the_single_pattern(text: str) -> None:
    """The trigger-based scan finds exactly what one scan with NUMBER_RE finds."""
    assert find_numbers(text) == [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(text)]


def test_find_numbers_words_and_digits() -> None:
    text = "Twelve billion euros, a dozen firms, 1,5 bln and SEVEN heads; often tenfold."
    assert [t for _, _, t in find_numbers(text)] == ["Twelve billion", "a dozen", "1,5 bln", "SEVEN"]


def _leaves(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _leaves(v)
    elif isinstance(node, list):
        for v in node:
            yield from _leaves(v)
    else:
        yield node


def test_every_data_file_loads() -> None:
    for name in names():
        assert load(name) is not None, name
    for name in ("numbers", "numbers_cues", "currencies", "dates"):
        data = load(name)
        assert isinstance(data, dict)
        # YAML 1.1 reads bare no/on/yes as booleans: every word in the grammar files must be a string
        assert not any(isinstance(x, bool) or x is None for x in _leaves(data)), name
