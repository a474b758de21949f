"""Statistics tables: each bare number cell is a figure with its row's metric, its column's period
and the unit the header or the caption states (interpret/tables.py). Tables of our own, in
Markdown and as the rows the HTML reader makes of a <table>."""

from __future__ import annotations

import pytest

from communique import extract
from communique.interpret.tables import unit_of


def ex(text: str, published: str | None = "2026-10-15"):
    return extract(text, published=published)


def _cells(out):
    return {(f.value, f.unit, f.period) for f in out.figures}


@pytest.mark.parametrize(
    "phrase, unit",
    [
        ("Indicator, USD billion", ("USD", 1e9)),
        ("in millions of tenge", ("KZT", 1e6)),
        ("(EUR m)", ("EUR", 1e6)),
        ("Value, US$ million", ("USD", 1e6)),
        ("thousand US dollars", ("USD", 1e3)),
        ("Change, %", ("percent", 1.0)),
        ("Share, per cent", ("percent", 1.0)),
        ("Exports to the EU", None),
        ("Jan–Sep 2026", None),
    ],
)
def test_the_unit_a_header_states(phrase, unit):
    assert unit_of(phrase) == unit


def test_rows_of_metrics_by_columns_of_periods_in_markdown():
    text = (
        "# Foreign trade of Uzbekistan with Germany\n\n"
        "The statistics agency published preliminary data on trade with Germany.\n\n"
        "| Indicator, USD million | Jan–Jun 2025 | Jan–Jun 2026 | Change, % |\n"
        "|---|---:|---:|---:|\n"
        "| Exports to Germany | 210.5 | 236.1 | +12.2 |\n"
        "| Imports from Germany | **640.0** | 612.4 | −4.3 |\n"
    )
    got = _cells(ex(text))
    assert {
        (210500000.0, "USD", "2025-01/2025-06"),
        (236100000.0, "USD", "2026-01/2026-06"),
        (12.2, "percent", "2026-01/2026-06"),
        (640000000.0, "USD", "2025-01/2025-06"),
        (612400000.0, "USD", "2026-01/2026-06"),
        (-4.3, "percent", "2026-01/2026-06"),
    } <= got


def test_a_caption_above_the_table_gives_the_unit_and_years_head_the_columns():
    text = (
        "The ministry summed up the year's results for foreign investment.\n\n"
        "Table 2. Gross inflow of direct investment, in billions of tenge\n\n"
        "| Source | 2024 | 2025 |\n"
        "|---|---|---|\n"
        "| Netherlands | 1 250,4 | 1 310,2 |\n"
        "| Switzerland | 610,0 | 702,5 |\n"
    )
    got = _cells(ex(text))
    assert {
        (1250400000000.0, "KZT", "2024"),
        (1310200000000.0, "KZT", "2025"),
        (610000000000.0, "KZT", "2024"),
        (702500000000.0, "KZT", "2025"),
    } <= got


def test_html_table_rows_with_the_unit_in_the_column_headers_and_dates_in_the_rows(tmp_path):
    page = tmp_path / "trade.html"
    page.write_text(
        "<html><head><title>Trade with Azerbaijan</title></head><body><article>"
        "<h1>Trade between Georgia and Azerbaijan</h1>"
        "<p>Tbilisi, 15 October 2026. The statistics office released the annual trade series for the "
        "two neighbours, which shows a steady rise.</p>"
        "<table><tr><th>Year</th><th>Exports, USD million</th><th>Imports, USD million</th></tr>"
        "<tr><td>2024</td><td>410.2</td><td>730.9</td></tr>"
        "<tr><td>2025</td><td>455.0</td><td>801.3</td></tr></table>"
        "<p>The data are preliminary and will be revised in the next release of the office.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    out = extract(page)
    got = {(f.value, f.unit, f.period) for f in out.figures}
    assert {
        (410200000.0, "USD", "2024"),
        (730900000.0, "USD", "2024"),
        (455000000.0, "USD", "2025"),
        (801300000.0, "USD", "2025"),
    } <= got
    metrics = {f.value: f.metric for f in out.figures}
    assert metrics[455000000.0] == "Exports"


def test_a_row_the_prose_tells_is_one_figure_and_a_consistent_growth_raises_no_flag():
    text = (
        "Trade turnover with the EU in January–September 2026 amounted to USD 36.4 billion, 5.2% more "
        "than a year earlier.\n\n"
        "| Indicator, USD billion | Jan–Sep 2025 | Jan–Sep 2026 | Change, % |\n"
        "|---|---:|---:|---:|\n"
        "| Trade turnover with the EU | 34.6 | 36.4 | +5.2 |\n"
        "| of which: trade with Italy | 10.6 | 11.2 | +5.7 |\n"
    )
    out = ex(text)
    assert [f.value for f in out.figures].count(36400000000.0) == 1
    assert [f.value for f in out.figures].count(5.2) == 1
    italy = [f for f in out.figures if f.value == 11200000000.0]
    assert italy and italy[0].metric == "trade with Italy"
    assert not [x for x in out.flags if x.kind == "growth inconsistent"]


def test_a_table_with_no_unit_and_lists_of_words_give_no_figures():
    text = (
        "The two sides reviewed the work of the groups.\n\n"
        "| Working group | Meetings held | Next meeting |\n"
        "|---|---|---|\n"
        "| Energy | 3 | March 2027 |\n"
        "| Transport | 2 | May 2027 |\n\n"
        "| Step | When |\n|---|---|\n| Talks opened | June 2021 |\n| Text initialled | May 2024 |\n"
    )
    out = ex(text)
    assert not [f for f in out.figures if f.unit not in ("count",)]


def test_count_rows_take_each_period_column_and_an_index_column_gives_nothing():
    text = (
        "Main indicators of the corridor\n\n"
        "| | 2025 | 2026 | 2026 vs 2025, % |\n"
        "|---|---|---|---|\n"
        "| Container trains | 410 | 520 | 126.8 |\n"
        "| Number of new routes | 12 | 15 | 125.0 |\n"
    )
    got = {(f.value, f.unit, f.period) for f in ex(text).figures}
    assert {(410.0, "count", "2025"), (520.0, "count", "2026"), (12.0, "count", "2025"),
            (15.0, "count", "2026")} <= got
    assert not [f for f in ex(text).figures if f.unit == "percent"]
    assert 118.8 not in {v for v, _, _ in got}


@pytest.mark.parametrize(
    "header, period",
    [
        ("Change 2026/2025, %", "2026"),
        ("Growth, % (2026 to 2025)", "2026"),
        ("Change, % (Jan–Jun 2026 to Jan–Jun 2025)", "2026-01/2026-06"),
    ],
)
def test_a_change_column_comparing_two_periods_is_of_the_later(header, period):
    text = (
        "Foreign trade of the region, USD million\n\n"
        f"| Indicator | 2025 | 2026 | {header} |\n"
        "|---|---|---|---|\n"
        "| Exports | 2 450 | 2 910 | +18.8 |\n"
    )
    (g,) = [f for f in ex(text).figures if f.unit == "percent"]
    assert (g.value, g.period) == (18.8, period)


def test_a_number_before_a_table_row_is_no_count_of_the_next_rows_noun():
    text = (
        "Figures of the year\n\n"
        "| Indicator | Value |\n|---|---|\n| Cargo, thousand tonnes | 2 910 |\n| Container trains | 520 |\n"
    )
    assert 2910.0 not in {f.value for f in ex(text).figures}


def test_an_html_header_with_an_empty_corner_cell(tmp_path):
    page = tmp_path / "t.html"
    page.write_text(
        "<html><head><title>Trade</title></head><body><article><h1>Foreign trade of Uzbekistan</h1>"
        "<p>Tashkent, 15 July 2026. The Statistics Agency published the main indicators of foreign trade "
        "with the European Union for the first half of the year.</p><p>Foreign trade, USD million</p>"
        "<table><tr><th></th><th>H1 2025</th><th>H1 2026</th></tr>"
        "<tr><td>Exports</td><td>1 250.4</td><td>1 310.2</td></tr></table>"
        "<p>The data are preliminary and will be revised in the next release of the Agency.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    got = {(f.value, f.period) for f in extract(page).figures}
    assert {(1250400000.0, "2025-01/2025-06"), (1310200000.0, "2026-01/2026-06")} <= got


@pytest.mark.parametrize(
    "head0, label",
    [("No.", "Wind farm in Zhambyl"), ("#", "Wind farm in Zhambyl"), ("Rank", "Wind farm in Zhambyl")],
)
def test_a_numbered_table_takes_its_label_from_the_first_cell_of_words(head0, label):
    text = (
        "Investment projects signed at the forum (USD million):\n\n"
        f"| {head0} | Project | Investor | Value |\n|---|---|---|---|\n"
        "| 1 | Wind farm in Zhambyl | TotalEnergies | 1,100 |\n"
        "| 2 | Copper smelter | KAZ Minerals | 850.5 |\n"
    )
    got = {f.value: f.metric for f in ex(text).figures}
    assert got[1100000000.0] == label
    assert got[850500000.0] == "Copper smelter"
    assert 1.0 not in got and 2.0 not in got


def test_a_value_column_under_a_caption_unit_with_a_period_column():
    text = (
        "Key indicators (USD billion)\n\n| Indicator | Period | Value |\n|---|---|---|\n"
        "| Trade turnover | 2025 | 4.2 |\n| Exports | Jan–Jun 2026 | 2.3 |\n"
    )
    got = {(f.metric, f.value, f.period) for f in ex(text).figures}
    assert got == {("Trade turnover", 4.2e9, "2025"), ("Exports", 2.3e9, "2026-01/2026-06")}


def test_a_bracketed_cell_is_negative_and_a_dash_cell_is_nothing():
    text = (
        "| Indicator | 2025 | 2026 |\n|---|---|---|\n"
        "| Trade balance, USD million | (320.5) | 150.0 |\n| Share of the EU, % | 38.5 | — |\n"
    )
    got = {(f.value, f.unit, f.period) for f in ex(text).figures}
    assert got == {(-320500000.0, "USD", "2025"), (150000000.0, "USD", "2026"), (38.5, "percent", "2025")}


@pytest.mark.parametrize("cell, lo, hi", [("5.5–6.0", 5.5, 6.0), ("8-10", 8.0, 10.0), ("6 — 6.5", 6.0, 6.5)])
def test_a_range_cell_is_a_between_figure(cell, lo, hi):
    text = f"Forecast of the Ministry, %\n\n| Indicator | 2027 |\n|---|---|\n| GDP growth | {cell} |\n"
    (f,) = ex(text).figures
    assert (f.value, f.value_max, f.qualifier, f.unit, f.period) == (lo, hi, "between", "percent", "2027")


@pytest.mark.parametrize("phrase", ["Sum", "sums", "Won"])
def test_a_header_word_that_is_also_a_currency_name_is_no_unit(phrase):
    assert unit_of(phrase) is None


_STATS_PAGE = (
    "<html><head><title>Trade</title></head><body><article><h1>Foreign trade with the EU</h1>"
    "<p>Astana, 20 October 2026. The Bureau of National Statistics released its express data on "
    "foreign trade with the European Union for the first nine months of the year.</p>"
    "<table><caption>Foreign trade, USD million</caption>"
    "<tr><th>{corner}</th><th>Jan–Sep 2025</th><th>Jan–Sep 2026</th></tr>{rows}</table>"
    "<p>The data are preliminary and will be revised in the next release of the Bureau.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    "corner, rows, want",
    [
        # a value missing in the first year: the second year's value stays in its column
        ("Indicator", "<tr><td>Exports</td><td></td><td>24 000</td></tr>"
         "<tr><td>Imports</td><td>7 250</td><td>8 100</td></tr>",
         {(24e9, "2026-01/2026-09"), (7.25e9, "2025-01/2025-09"), (8.1e9, "2026-01/2026-09")}),
        # a value missing in the last year: the first year's value is not moved to the last
        ("", "<tr><td>Imports</td><td>7 250</td><td> </td></tr>"
         "<tr><td>Exports</td><td>22 000</td><td>24 000</td></tr>",
         {(7.25e9, "2025-01/2025-09"), (22e9, "2025-01/2025-09"), (24e9, "2026-01/2026-09")}),
        # an empty corner cell and a header cell in <td>
        ("", "<tr><td>Turnover</td><td>30 100</td><td></td></tr>",
         {(30.1e9, "2025-01/2025-09")}),
    ],
)
def test_html_table_rows_with_empty_cells_keep_their_columns(tmp_path, corner, rows, want):
    """trafilatura writes only a row's non-empty cells: an empty cell (or corner) would shift a value
    under the wrong year. The reader marks empty cells, so every value keeps its period, and no
    figure is made where the table has none."""
    page = tmp_path / "t.html"
    page.write_text(_STATS_PAGE.format(corner=corner, rows=rows), encoding="utf-8")
    got = {(f.value, f.period) for f in extract(page).figures if f.unit == "USD"}
    assert got == want
