"""The date grammar: absolute, partial and relative dates, ranges, granularity, datelines."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.annotate.dates import dateline_mention, find_dateline, find_dates

D = dt.date


def dates(text: str, anchor: dt.date | None):
    return [(m.text, m.value, m.end, m.granularity, m.relative) for m in find_dates(text, anchor)]


def only(text: str, anchor: dt.date | None):
    got = find_dates(text, anchor)
    assert len(got) == 1, got
    m = got[0]
    assert text[m.span[0] : m.span[1]] == m.text
    return m


@pytest.mark.parametrize(
    "text, span_text, value, gran",
    [
        ("The treaty was signed on 17 June 2025 in Astana.", "17 June 2025", "2025-06-17", "day"),
        ("The treaty was signed on June 17, 2025 in Astana.", "June 17, 2025", "2025-06-17", "day"),
        ("The treaty was signed on 17th of June 2025.", "17th of June 2025", "2025-06-17", "day"),
        ("Dated 20.06.2022, the note says little.", "20.06.2022", "2022-06-20", "day"),
        ("Dated 2025-06-17, the note says little.", "2025-06-17", "2025-06-17", "day"),
        ("Dated 3/14/2024, a US-style note.", "3/14/2024", "2024-03-14", "day"),
        ("Dated 2024.06.17, an East Asian style note.", "2024.06.17", "2024-06-17", "day"),
        ("Dated 2024/6/7, an East Asian style note.", "2024/6/7", "2024-06-07", "day"),
        ("On Sept. 5, 2019 the line opened.", "Sept. 5, 2019", "2019-09-05", "day"),
        ("Talks opened in June 2011 in Astana.", "June 2011", "2011-06", "month"),
        ("Talks opened in Jan 2011 in Astana.", "Jan 2011", "2011-01", "month"),
        ("The old treaty has framed ties since 1999.", "1999", "1999", "year"),
        ("They have been independent since 1991.", "1991", "1991", "year"),
        ("In 2024, trade grew.", "2024", "2024", "year"),
        ("The line opens by mid-2026.", "2026", "2026", "year"),
    ],
)
def test_absolute(text, span_text, value, gran) -> None:
    for anchor in (None, D(2025, 6, 20)):
        m = only(text, anchor)
        assert (m.text, m.value, m.granularity, m.relative) == (span_text, value, gran, False)


@pytest.mark.parametrize(
    "text, span_text, value, end, gran",
    [
        ("The summit took place on 3–4 April 2025.", "3–4 April 2025", "2025-04-03", "2025-04-04", "day"),
        ("The summit took place on 3-4 April 2025.", "3-4 April 2025", "2025-04-03", "2025-04-04", "day"),
        ("The summit took place on April 3-4, 2025.", "April 3-4, 2025", "2025-04-03", "2025-04-04", "day"),
        ("It ran from 30 June to 2 July 2025.", "30 June to 2 July 2025", "2025-06-30", "2025-07-02", "day"),
        ("Trade in January-September 2024 grew.", "January-September 2024", "2024-01", "2024-09", "month"),
        ("Trade in January–November 2019 grew.", "January–November 2019", "2019-01", "2019-11", "month"),
        ("The plan covers 2021-2027 and more.", "2021-2027", "2021", "2027", "year"),
        ("Growth in the 1990s was slow.", "1990s", "1990", "1999", "year"),
        (
            "Trade from June 2022 to March 2023 grew.",
            "June 2022 to March 2023",
            "2022-06",
            "2023-03",
            "month",
        ),
        ("Sales in Q3 2024 rose.", "Q3 2024", "2024-07", "2024-09", "month"),
        ("Sales in H2 2024 rose.", "H2 2024", "2024-07", "2024-12", "month"),
        ("Sales in the third quarter of 2023 rose.", "third quarter of 2023", "2023-07", "2023-09", "month"),
        ("Sales in the first half of 2022 rose.", "first half of 2022", "2022-01", "2022-06", "month"),
        ("The budget for 2024/25 was set.", "2024/25", "2024", "2025", "year"),
    ],
)
def test_absolute_ranges(text, span_text, value, end, gran) -> None:
    m = only(text, None)
    assert (m.text, m.value, m.end, m.granularity) == (span_text, value, end, gran)


@pytest.mark.parametrize(
    "text, anchor, span_text, value, gran",
    [
        # day and month without a year
        ("The meeting was held on June 17.", D(2025, 6, 20), "June 17", "2025-06-17", "day"),
        ("The summit met on April 4.", D(2025, 6, 20), "April 4", "2025-04-04", "day"),
        ("The summit met on 18 March.", D(2025, 3, 19), "18 March", "2025-03-18", "day"),
        ("The council met on 12 December.", D(2025, 1, 10), "12 December", "2024-12-12", "day"),
        ("The visit ends on 25 January.", D(2025, 1, 10), "25 January", "2025-01-25", "day"),
        ("The pact will enter into force on 1 March.", D(2020, 1, 20), "1 March", "2020-03-01", "day"),
        ("The talks will resume on 5 January.", D(2024, 11, 20), "5 January", "2025-01-05", "day"),
        # weekday with a day and month: the calendar picks the year
        ("It met on Tuesday, 3 March.", D(2015, 3, 4), "Tuesday, 3 March", "2015-03-03", "day"),
        ("It met on Monday, 20 January.", D(2020, 1, 21), "Monday, 20 January", "2020-01-20", "day"),
        # bare months need a cue
        ("In July the EU launched a programme.", D(2020, 9, 28), "July", "2020-07", "month"),
        ("The text was initialled in January.", D(2015, 3, 4), "January", "2015-01", "month"),
        ("It was signed in November.", D(2025, 1, 10), "November", "2024-11", "month"),
        ("The summit is to be held in June.", D(2025, 3, 19), "June", "2025-06", "month"),
        ("The summit will be held in February.", D(2025, 3, 19), "February", "2026-02", "month"),
        ("In June, the leaders will meet again.", D(2024, 9, 1), "June", "2025-06", "month"),
        # a past cue nearer than the future cue keeps the date in the past
        ("Japan will lend more, the ministry said on 2 May.", D(2024, 3, 1), "2 May", "2023-05-02", "day"),
        ("On 2 May, the ministry said it will lend more.", D(2024, 3, 1), "2 May", "2023-05-02", "day"),
        (
            "Officials told a briefing on Thursday that the state plans to spend more.",
            D(2025, 9, 12),
            "Thursday",
            "2025-09-11",
            "day",
        ),
        # last / next month names
        ("It was announced last April.", D(2025, 6, 20), "last April", "2025-04", "month"),
        ("The strategy was adopted last June.", D(2020, 1, 20), "last June", "2019-06", "month"),
        ("The MoU was signed last November.", D(2023, 10, 23), "last November", "2022-11", "month"),
        ("The MoU was signed last October.", D(2023, 10, 23), "last October", "2022-10", "month"),
        ("A forum follows next March.", D(2023, 10, 23), "next March", "2024-03", "month"),
        ("A forum follows next December.", D(2023, 10, 23), "next December", "2023-12", "month"),
        ("A forum met in April last year.", D(2025, 6, 20), "April last year", "2024-04", "month"),
        ("A forum met in January last year.", D(2025, 4, 4), "January last year", "2024-01", "month"),
        ("It meets in May next year.", D(2025, 4, 4), "May next year", "2026-05", "month"),
        # relative phrases
        (
            "A platform was launched earlier this month.",
            D(2024, 10, 14),
            "earlier this month",
            "2024-10",
            "month",
        ),
        ("A visit is planned for later this year.", D(2020, 1, 20), "later this year", "2020", "year"),
        ("A forum will be convened early next year.", D(2023, 10, 23), "early next year", "2024", "year"),
        ("Turnover fell last year.", D(2023, 10, 23), "last year", "2022", "year"),
        ("Turnover rises this year.", D(2023, 10, 23), "this year", "2023", "year"),
        ("The council meets next year.", D(2023, 10, 23), "next year", "2024", "year"),
        ("Prices rose last month.", D(2024, 1, 15), "last month", "2023-12", "month"),
        ("Astana hosts EXPO in two years' time.", D(2015, 3, 4), "in two years' time", "2017", "year"),
        ("It joined the WTO three weeks ago.", D(2015, 12, 21), "three weeks ago", "2015-11-30", "day"),
        ("It joined the WTO 10 days ago.", D(2015, 12, 21), "10 days ago", "2015-12-11", "day"),
        ("It opened two months ago.", D(2015, 1, 21), "two months ago", "2014-11", "month"),
        ("The deal was signed today.", D(2015, 12, 21), "today", "2015-12-21", "day"),
        ("The deal was signed yesterday.", D(2015, 12, 21), "yesterday", "2015-12-20", "day"),
        # weekdays alone
        ("The council met on Monday.", D(2022, 6, 20), "Monday", "2022-06-20", "day"),
        ("The forum closed on Tuesday.", D(2024, 1, 31), "Tuesday", "2024-01-30", "day"),
        ("The forum closed last Wednesday.", D(2024, 1, 31), "last Wednesday", "2024-01-24", "day"),
        ("The forum opens next Wednesday.", D(2024, 1, 31), "next Wednesday", "2024-02-07", "day"),
        ("The ministers will meet on Friday.", D(2024, 1, 31), "Friday", "2024-02-02", "day"),
    ],
)
def test_relative(text, anchor, span_text, value, gran) -> None:
    m = only(text, anchor)
    assert (m.text, m.value, m.granularity, m.relative) == (span_text, value, gran, True)


@pytest.mark.parametrize(
    "text, anchor, span_text, value, end",
    [
        (
            "The forum was held in Brussels on 29–30 January.",
            D(2024, 1, 31),
            "29–30 January",
            "2024-01-29",
            "2024-01-30",
        ),
        (
            "A forum met on 25-26 October last year.",
            D(2024, 1, 31),
            "25-26 October last year",
            "2023-10-25",
            "2023-10-26",
        ),
        ("The summit met on 3-4 April.", D(2025, 6, 20), "3-4 April", "2025-04-03", "2025-04-04"),
        (
            "It met on 30 December – 2 January.",
            D(2025, 1, 10),
            "30 December – 2 January",
            "2024-12-30",
            "2025-01-02",
        ),
    ],
)
def test_relative_ranges(text, anchor, span_text, value, end) -> None:
    m = only(text, anchor)
    assert (m.text, m.value, m.end, m.granularity, m.relative) == (span_text, value, end, "day", True)


def test_day_month_takes_year_of_same_month_earlier_in_sentence() -> None:
    text = "Talks ended in July 2022, when the text was initialled in Brussels on 6 July."
    got = dates(text, D(2025, 10, 24))
    assert got[-1] == ("6 July", "2022-07-06", None, "day", False)
    # also without an anchor: the sentence itself places it
    assert dates(text, None)[-1][1] == "2022-07-06"
    # not across sentences, and not for another month
    later = dates("Talks ended in July 2022. It was initialled on 6 July.", D(2025, 10, 24))
    assert later[-1][1] == "2025-07-06"
    text = "Applied since 1 May 2016, the pact will enter into force on 1 March."
    assert dates(text, D(2020, 1, 20))[-1][1] == "2020-03-01"


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held on June 17.",
        "It was announced last April.",
        "Trade fell last year and rose this year.",
        "The council met on Monday.",
        "In July the EU launched a programme.",
        "It met three weeks ago.",
    ],
)
def test_no_anchor_no_guess(text) -> None:
    assert find_dates(text, None) == []


@pytest.mark.parametrize(
    "text",
    [
        "We may agree. The march was long. The EU will sue. Sun and wind power.",
        "Trade reached $2024 million and 2,024 tonnes.",
        "About 2000 companies operate there.",
        "The 22nd meeting approved 33 projects.",
        "Growth was 20.5% and 12.2024 nothing.",
        "Call 1999-0000 now.",
        "Security Council Resolution 1973 and Article 2000 of the code apply.",
    ],
)
def test_not_dates(text) -> None:
    assert dates(text, D(2025, 6, 20)) == []


def test_previous_year_counts_from_the_sentence() -> None:
    text = "Trade reached $48.7 billion in 2024, up 16.9% on the year before."
    assert dates(text, D(2025, 6, 20))[-1] == ("the year before", "2023", None, "year", False)
    text = "Exports rose in March 2024 and fell the following month."
    assert dates(text, D(2025, 6, 20))[-1] == ("the following month", "2024-04", None, "month", False)
    # with no date earlier in the sentence it cannot be placed: left out
    assert dates("Exports rose by a third on the previous year.", D(2025, 6, 20)) == []


def test_datetime_anchor_is_accepted() -> None:
    m = only("The council met on June 17.", dt.datetime(2025, 6, 20, 12, 30))
    assert m.value == "2025-06-17"


def test_offset_and_spans() -> None:
    text = "Signed on 17 June 2025."
    m = find_dates(text, None, offset=50)[0]
    assert m.span == (50 + 10, 50 + 22)


@pytest.mark.parametrize(
    "text, value",
    [
        ("ASTANA, 20 June 2022 – The ministers met.", "2022-06-20"),
        ("Some headline\n\nNUR-SULTAN, 28 September 2020 - The EU and Kazakhstan met.", "2020-09-28"),
        ("A headline\n\nASTANA, 19.03.2025. The twelfth meeting.", "2025-03-19"),
        ("# Title\n\n*Astana, 21 December 2015*\n\nThe EU signed.", "2015-12-21"),
        ("A headline\nLuxembourg | 20.06.2022\nThe council met.", "2022-06-20"),
        ("A headline\nPublished: 29 January 2024\nBody text.", "2024-01-29"),
        ("A headline\n19.03.2025\nBody text.", "2025-03-19"),
        ("A headline\nPosted on June 3, 2024 by staff\nBody.", "2024-06-03"),
        ("Monthly bulletin\nJune 2025\nBody text.", "2025-06"),
        ("Headline\n17 June 2025 10:30 GMT\nBody text.", "2025-06-17"),
        ("Astana (Kazinform), 20 June 2022. The talks began.", "2022-06-20"),
        ("ASTANA. June 20, 2022. The talks began.", "2022-06-20"),
        ("Headline\nBy Jane Doe | 17 June 2025\nBody text.", "2025-06-17"),
        ("Rio de Janeiro, 5 May 2024 - Leaders met.", "2024-05-05"),
        # a page's metadata field after the date and time
        ("Ministry page\nHome > News\nA headline\n2026-03-11 21:40 Source: Ministry of Foreign Affairs\n",
         "2026-03-11"),
        ("A headline\n12.05.2025 Author: Press Office\nBody text.", "2025-05-12"),
        # outlet, section and place fields before the date
        ("Delegation of the EU\nNews | Dushanbe, 4 December 2025\n\nA headline", "2025-12-04"),
        ("# Headline\n\n*Freight Review · Logistics · 21 October 2025*\n\nBody.", "2025-10-21"),
        ("Astana, Kazakhstan, 2 May 2024 - Leaders met.", "2024-05-02"),
    ],
)
def test_dateline(text, value) -> None:
    assert find_dateline(text) == value
    m = dateline_mention(text)
    assert text[m.span[0] : m.span[1]] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS, 24 October - The EU and Uzbekistan signed.",  # no year: cannot place the text
        "EU and Kazakhstan review ties\n\nThe council met on Tuesday, 3 March 2015 in Brussels.",
        "The two sides met on Tuesday, 3 March 2015.",  # a sentence, not a dateline
        "A headline\n2026-03-11 the sources said the talks had ended.\nBody.",  # no field label after it
        "",
        "No date at all here.",
    ],
)
def test_no_dateline(text) -> None:
    assert find_dateline(text) is None


# --- property tests: a random date in several surface forms parses back ----------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordsuf(n: int) -> str:
    return "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@settings(max_examples=300)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)), st.integers(min_value=0, max_value=9))
def test_full_dates_round_trip(d, form) -> None:
    mo, ab = MONTHS[d.month - 1], ABBR[d.month - 1]
    surface = [
        f"{d.day} {mo} {d.year}",
        f"{mo} {d.day}, {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        d.isoformat(),
        f"{d.day}{_ordsuf(d.day)} {mo} {d.year}",
        f"{ab} {d.day}, {d.year}",
        f"{WEEKDAYS[d.weekday()]}, {d.day} {mo} {d.year}",
        f"{d.day} {mo.upper()} {d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"the {d.day}{_ordsuf(d.day)} of {mo} {d.year}",
    ][form]
    text = f"The agreement was signed on {surface} in the capital."
    got = find_dates(text, None)
    assert len(got) == 1, (text, got)
    m = got[0]
    if form == 8 and d.day <= 12 and d.day != d.month:
        return  # d/m/Y vs m/d/Y: day first is the documented reading; covered by the table tests
    assert (m.value, m.granularity) == (d.isoformat(), "day"), text
    assert surface.endswith(m.text) and str(d.year) in m.text


@settings(max_examples=200)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)))
def test_month_year_round_trip(d) -> None:
    for surface in (f"{MONTHS[d.month - 1]} {d.year}", f"{ABBR[d.month - 1]} {d.year}"):
        m = only(f"Talks opened in {surface} in Brussels.", None)
        assert (m.value, m.granularity) == (f"{d.year:04d}-{d.month:02d}", "month")


@settings(max_examples=300)
@given(
    st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)), st.integers(min_value=-300, max_value=25)
)
def test_day_month_resolves_to_recent_past(anchor, back) -> None:
    """A day-month without a year, a few months back or up to ~3 weeks ahead, resolves to that day."""
    d = anchor + dt.timedelta(days=back)
    if d.month == 2 and d.day == 29:
        return
    for surface in (f"{d.day} {MONTHS[d.month - 1]}", f"{MONTHS[d.month - 1]} {d.day}"):
        m = only(f"The council met on {surface} in the capital.", anchor)
        assert (m.value, m.granularity, m.relative) == (d.isoformat(), "day", True), (surface, anchor)


@settings(max_examples=200)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)), st.integers(min_value=0, max_value=6))
def test_weekday_resolves_to_last_week(anchor, back) -> None:
    d = anchor - dt.timedelta(days=back)
    m = only(f"The council met on {WEEKDAYS[d.weekday()]} in the capital.", anchor)
    assert m.value == d.isoformat()
    m = only(f"The council met on {WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]}.", anchor)
    assert m.value == d.isoformat()


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_random_unicode_never_raises(text, anchor) -> None:
    for m in find_dates(text, anchor):
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.granularity in ("day", "month", "year")
    find_dateline(text)


@given(
    st.text(alphabet="0123456789 .-/–,JanuryMchApilOctobesthlxwkgo'", max_size=60),
    st.one_of(st.none(), st.dates()),
)
def test_date_soup_never_raises(text, anchor) -> None:
    for m in find_dates(text, anchor):
        assert text[m.span[0] : m.span[1]] == m.text


# --- generalisation: periods and seasons beyond the dev corpus ------------------------------------


@pytest.mark.parametrize(
    "text, value, end",
    [
        ("Exports in the first eight months of 2023 rose.", "2023-01", "2023-08"),
        ("Trips in the first five months of the year grew.", "2025-01", "2025-05"),
        ("in the last three months of last year", "2024-10", "2024-12"),
        ("some 4,000 jobs were created between May and October last year", "2024-05", "2024-10"),
    ],
)
def test_parts_of_a_year(text, value, end):
    m = only(text, D(2025, 6, 10))
    assert (m.value, m.end, m.granularity) == (value, end, "month")


@pytest.mark.parametrize(
    "text, anchor, year",
    [
        ("The forum will take place in Almaty in the autumn.", D(2025, 12, 1), "2026"),
        ("The forum will take place in Almaty in the autumn.", D(2025, 2, 1), "2025"),
        ("The working group met in the summer.", D(2025, 3, 1), "2024"),
        ("Talks resume next spring.", D(2025, 3, 1), "2026"),
    ],
)
def test_seasons_give_their_year(text, anchor, year):
    m = only(text, anchor)
    assert (m.value, m.granularity) == (year, "year")


def test_a_fall_in_prices_is_no_season():
    assert find_dates("the fall in exports and the fall of prices", D(2025, 3, 1)) == []


def test_dateline_with_agency_and_without_year():
    from communique.annotate.dates import dateline_end

    t = "A title\n\nBaku, 3 June 2025 (APA) – The ministers met."
    assert dateline_mention(t).value == "2025-06-03"
    t2 = "A title\n\nBAKU, Jun 3 (Reuters) - The ministers met."
    assert dateline_mention(t2) is None
    assert t2[: dateline_end(t2)].endswith("Jun 3")


def test_months_before_or_after_an_occasion():
    a = D(2024, 8, 9)
    assert dates("The meeting comes three months before the COP29 summit.", a)[0][:2] == (
        "three months before",
        "2024-11",
    )
    assert (
        dates("Five months after the summit in Samarkand, Kazakhstan is pressing ahead.", a)[0][1]
        == "2024-03"
    )
    assert find_dates("Three years before the pandemic, the sides signed a treaty.", a) == []
    assert dates("It happened two years before.", a)[0][1] == "2022"


@pytest.mark.parametrize(
    "text, anchor, span_text, value, end",
    [
        ("Trade grew in the first nine months, officials said.", dt.date(2025, 11, 5), "first nine months",
         "2025-01", "2025-09"),
        ("Trade grew in the first ten months, officials said.", dt.date(2026, 2, 1), "first ten months",
         "2025-01", "2025-10"),
        ("For 9 months of 2024 turnover rose.", None, "9 months of 2024", "2024-01", "2024-09"),
        ("In 10 months of the current year turnover rose.", dt.date(2025, 11, 5),
         "10 months of the current year", "2025-01", "2025-10"),
        ("Turnover rose in the first quarter of this year.", dt.date(2025, 6, 5),
         "first quarter of this year", "2025-01", "2025-03"),
        ("Turnover fell in the second half of last year.", dt.date(2025, 6, 5), "second half of last year",
         "2024-07", "2024-12"),
        ("Turnover rose in January-September of this year.", dt.date(2025, 11, 5),
         "January-September of this year", "2025-01", "2025-09"),
        ("Turnover rose in January–October of the current year.", dt.date(2025, 11, 5),
         "January–October of the current year", "2025-01", "2025-10"),
        ("Turnover rose in January–April of 2024.", None, "January–April of 2024", "2024-01", "2024-04"),
    ],
)
def test_parts_of_a_year_written_without_a_month(text, anchor, span_text, value, end) -> None:
    (m,) = find_dates(text, anchor)
    assert (m.text, m.value, m.end) == (span_text, value, end)


def test_first_months_of_something_else_or_counted_are_no_period() -> None:
    anchor = dt.date(2025, 11, 5)
    found = find_dates("In the first six months of the project, 9 firms joined.", anchor)
    assert all(m.end is None for m in found)
    assert [m.text for m in find_dates("Nine months ago the line opened.", anchor)] == ["Nine months ago"]


def test_a_future_cue_after_a_comma_and_a_coordinator_belongs_to_the_next_item() -> None:
    anchor = D(2025, 10, 2)
    got = only("They met in Rome on September 22, as well as preparations for upcoming visits.", anchor)
    assert got.value == "2025-09-22"
    # with no coordinator the clause goes on: "…, to be held …" still speaks of the future
    assert only("The forum on 12 May, to be held in Baku.", anchor).value == "2026-05-12"


def test_an_occasion_the_text_plans_to_hold_lies_ahead() -> None:
    anchor = D(2025, 6, 5)
    assert only("They agreed to hold the forum in October.", anchor).value == "2025-10"
    assert only("They decided to convene a business council in the autumn.", anchor).value == "2025"
    # a past verb nearer the date wins
    assert only("The forum they agreed to hold was held in March.", anchor).value == "2025-03"


def test_a_quarter_without_its_year_is_the_year_of_writing_but_keeps_a_written_year():
    anchor = dt.date(2026, 1, 30)
    assert [(m.text, m.value) for m in find_dates("It meets in Riyadh in the second quarter.", anchor)] == [
        ("the second quarter", "2026")
    ]
    assert [(m.text, m.value) for m in find_dates("in the second quarter of 2027", anchor)] == [
        ("second quarter of 2027", "2027-04")
    ]


def test_a_future_cue_before_a_long_name_still_puts_a_season_ahead():
    text = (
        "The EU will organise a Global Gateway Investors Forum on Sustainable Transport in Tashkent "
        "in the autumn."
    )
    assert [(m.text, m.value) for m in find_dates(text, dt.date(2026, 2, 5))] == [("the autumn", "2026")]


def test_a_month_of_the_current_year_is_one_date():
    found = find_dates("to meet in Riga in April of the current year", dt.date(2025, 2, 14))
    assert [(d.text, d.value) for d in found] == [("April of the current year", "2025-04")]


def test_a_season_scheduled_for_is_this_years():
    found = find_dates("the plenary session, scheduled for the autumn, and", dt.date(2025, 6, 5))
    assert [(d.text, d.value) for d in found] == [("the autumn", "2025")]


def test_a_second_complement_of_an_invitation_lies_ahead():
    text = (
        "The participants were invited to the plenary session, scheduled for the autumn, and to the "
        "Economic Forum in Almaty on 2–3 October."
    )
    found = [d for d in find_dates(text, dt.date(2025, 6, 5)) if "October" in d.text]
    assert [(d.value, d.end) for d in found] == [("2025-10-02", "2025-10-03")]


def test_the_follow_up_to_a_visit_in_a_month_looks_back():
    text = "The sides reviewed the follow-up to the state visit of the President to Riga in June."
    found = find_dates(text, dt.date(2024, 11, 8))
    assert [(d.text, d.value) for d in found] == [("June", "2024-06")]


# --- periods written the way statistics and business news write them -----------------------------

@pytest.mark.parametrize(
    "text, want",
    [
        ("Output rose in 9M 2025.", [("9M 2025", "2025-01", "2025-09")]),
        ("Revenue for the first half was up 14%.", [("first half", "2025-01", "2025-06")]),
        ("The plant will open in the second half.", [("second half", "2025-07", "2025-12")]),
        ("Trains ran in January–September 2025, against 312 a year earlier.",
         [("January–September 2025", "2025-01", "2025-09"), ("a year earlier", "2024-01", "2024-09")]),
        ("It was 5 in 2023 against 4 a year earlier.",
         [("2023", "2023", None), ("a year earlier", "2022", None)]),
        ("It was 5 a year earlier.", [("a year earlier", "2024", None)]),  # no date before: from the anchor
    ],
)
def test_statistical_periods(text, want) -> None:
    got = [(d.text, d.value, d.end) for d in find_dates(text, dt.date(2025, 10, 21))]
    assert got == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("In 1H 2025, trade grew.", ("1H 2025", "2025-01", "2025-06")),
        ("In 3Q 2024 trade grew.", ("3Q 2024", "2024-07", "2024-09")),
        ("In Q1–Q3 2025 trade grew.", ("Q1–Q3 2025", "2025-01", "2025-09")),
        ("In the first three quarters of 2025 trade grew.",
         ("first three quarters of 2025", "2025-01", "2025-09")),
    ],
)
def test_quarter_and_half_forms(text, want) -> None:
    (d,) = find_dates(text, dt.date(2025, 11, 20))
    assert (d.text, d.value, d.end) == want


def test_a_bare_month_a_step_is_set_for_is_the_next_one_ahead() -> None:
    anchor = dt.date(2025, 9, 24)
    assert [d.value for d in find_dates("the state visit planned for November", anchor)] == ["2025-11"]
    assert [d.value for d in find_dates("a summit scheduled for March", anchor)] == ["2026-03"]
    assert find_dates("exports for March rose", anchor) == []  # "for" alone is no cue


@pytest.mark.parametrize(
    ("head", "value"),
    [
        ("ASTANA, 4 June 2025 – The talks", "2025-06-04"),
        ("ASTANA, 3–4 June 2025 – The talks", None),  # a range of days wins there: no dateline
        ("Brussels, June–July 2025 – The talks", None),  # a range of months, likewise
        ("Published: June 2025\nThe talks", "2025-06"),
        ("2025-06-04\nThe talks", "2025-06-04"),
        ("The talks went on in May 2025.\nMore talks", None),  # no date where a line opens
    ],
)
def test_dateline_forms_tried_first_keep_the_form_that_wins(head, value):
    """The dateline finder tries its five forms before the whole alternation: where an earlier
    form (a range) matches, the line still has no dateline."""
    m = dateline_mention(head)
    assert (m.value if m else None) == value


def test_digit_forms_by_run_length_match_as_all_digit_forms():
    """The digit forms tried by the length of the digit run they open at give the same match as
    the alternation of every digit form (and none at a run of five digits or more)."""
    import random

    from communique.annotate.dates import _DIGIT_FORMS, _DIGIT_FORMS_BY_RUN, _DIGIT_RUN_RE, _compile_forms

    pieces = ["1", "12", "123", "2024", "1990", "0", "3", "Q3", "M", "H", " ", "-", "–", ".", ",", "/",
              "st", "th", " March", "May", "of ", "to", " and ", " years ago", " months of", "'s", "s",
              "%", "€", " million", "x", " weeks", " 2025", "\u00a0"]
    rng = random.Random(13)
    for _ in range(20000):
        lead = rng.choice(["", " ", "x", ".", "$", "9 "])
        digits = str(rng.randint(*rng.choice([(0, 9), (10, 99), (100, 999), (1000, 2100), (10000, 99999)])))
        text = lead + digits + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        start = len(lead)
        run = _DIGIT_RUN_RE.match(text, start).end() - start
        want = _compile_forms(_DIGIT_FORMS).match(text, start)
        names = _DIGIT_FORMS_BY_RUN.get(run)
        got = _compile_forms(names).match(text, start) if names else None
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), text


def test_word_forms_by_first_character_match_as_all_word_forms():
    """At a word start, the word forms a match can open with there give the same match as the
    alternation of every word form."""
    import random

    from communique.annotate.dates import _WORD_FORMS, _WORD_FORMS_BY_FIRST, _compile_forms

    pieces = ["the ", "The ", "first ", "First ", "second ", "half ", "quarter ", "of ", "this ", "last ",
              "next ", "year", "years", "month", "months", "ago", "earlier ", "in ", "In ", "two ", "three ",
              "a ", "an ", "time", "'", "’", "Q3 ", "H1", "3Q ", "9M ", "2025", "spring", "Summer ", "fall ",
              "Tuesday", "MONDAY", "coming ", "past ", "beginning ", "start ", "current ", "today", "Today",
              "yesterday", "by ", "end ", "during ", "weeks ", "days ", "1st ", "x", " ", "–"]
    rng = random.Random(19)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        want = _compile_forms(_WORD_FORMS).match(text)
        rx = _WORD_FORMS_BY_FIRST.get(text[0])
        got = rx.match(text) if rx is not None else None
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup)), text


def test_first_form_match_is_what_every_form_matches():
    """Where the dateline forms match, `_first_form_match` (the earlier forms tried one by one)
    gives what the alternation of every form matches there: the same form, span and groups."""
    import random

    from communique.annotate.dates import _DATELINE_FORMS, _DATELINE_KINDS, _compile_forms, _first_form_match

    pieces = ["3", "12", "2025", "1999", "June", "JUNE", "Jun.", "Sept", "Tuesday", "Tue.", "Q3", "H1", " ",
              "–", "-", " to ", " and ", ", ", ".", "/", "th", "of ", "the ", "first ", "half ", "quarter ",
              "this year", "last year", " 2026", " March", "May", " 4", "’s", "s", "%", " million", "×",
              "\u00a0"]
    openers = ["3 June", "12 March", "4", "June 3", "JUNE", "May", "Sept. ", "2025-06-04", "04.06.2025",
               "Tuesday, 3 June", "Tue. ", "Monday", "March 2025", "2024",
               "3–4 June", "June 3-4", "March–April", "June 2025 – July", "3 June – 4 July", "2024–25"]
    rng = random.Random(29)
    every, dateline = _compile_forms(), _compile_forms(_DATELINE_FORMS)
    tried, other = 0, 0
    for _ in range(20000):
        lead = rng.choice(["", "Astana, ", "x ", "(", "9 "])
        text = lead + rng.choice(openers) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        i = len(lead)
        m = dateline.match(text, i)
        if m is None:
            continue
        tried += 1
        want, got = every.match(text, i), _first_form_match(text, i, m, _DATELINE_KINDS)
        # (the groups that matched: the whole alternation also holds every other form's, unset)
        groups = [{k: v for k, v in x.groupdict().items() if v is not None} for x in (got, want)]
        assert (got.span(), got.lastgroup, groups[0]) == (want.span(), want.lastgroup, groups[1]), text
        other += got.lastgroup not in _DATELINE_KINDS
    assert tried > 5000 and other > 500  # (an earlier form wins at some: "3–4 June", "June 3–4")


@pytest.mark.parametrize(
    "text, span_text, value, end",
    [
        ("The forum will run from June 9 to June 11.", "June 9 to June 11", "2026-06-09", "2026-06-11"),
        ("The fair was open from March 3 until March 5, 2025.", "March 3 until March 5, 2025",
         "2025-03-03", "2025-03-05"),
        ("Leaders will gather in Tianjin on August 31 – September 1, as planned.", "August 31 – September 1",
         "2026-08-31", "2026-09-01"),
        ("The visit lasted from May 28 through June 2.", "May 28 through June 2", "2026-05-28", "2026-06-02"),
    ],
)
def test_month_first_range_with_the_month_repeated(text, span_text, value, end) -> None:
    m = only(text, D(2026, 6, 1) if "will" in text else D(2026, 6, 10))
    assert (m.text, m.value, m.end) == (span_text, value, end)


def test_two_month_first_days_joined_by_and_stay_two_dates() -> None:
    got = find_dates("The delegation met on June 9 and June 11.", D(2026, 6, 20))
    assert [(m.text, m.value) for m in got] == [("June 9", "2026-06-09"), ("June 11", "2026-06-11")]


@pytest.mark.parametrize(
    "text",
    [
        "The games, which take place from 26 to 29 October, gather 3,000 athletes.",
        "The fair takes place on 26–29 October in Almaty.",
        "The exhibition is taking place from 26 to 29 October at the Expo centre.",
        "The congress, which is being held on 26-29 October, opens with a plenary.",
        "The festival runs from 26 to 29 October.",
    ],
)
def test_present_tense_of_a_planned_occasion_resolves_forward(text) -> None:
    m = only(text, D(2026, 6, 1))
    assert (m.value, m.end) == ("2026-10-26", "2026-10-29")


def test_past_tense_of_an_occasion_still_resolves_back() -> None:
    m = only("The games, which took place from 26 to 29 October, gathered athletes.", D(2026, 6, 1))
    assert m.value == "2025-10-26"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Presidency agenda:\n- October: a business forum will open in Almaty.\n", "2026-10"),
        ("Plans for the year:\n2. November – the summit is scheduled in Samarkand.\n", "2026-11"),
        ("Timeline\n* March: the agreement was initialled.\n", "2026-03"),
        ("**May:** the commission will meet again.\n", "2027-05"),
    ],
)
def test_month_heading_an_agenda_item(text, value) -> None:
    got = [m for m in find_dates(text, D(2026, 6, 1)) if m.granularity == "month"]
    assert [m.value for m in got] == [value]


@pytest.mark.parametrize("text", ["Prime Minister May: we agree.", "The May Day parade went ahead.",
                                  "October was a busy month for trade."])
def test_month_not_heading_an_item_needs_a_cue(text) -> None:
    assert find_dates(text, D(2026, 6, 1)) == []


# --- the short-digit-run pretest gives the dates the alternation gives -----------------------------
_RUN_TAILS = [".", "/", "-", "–", "&", " ", "\u00a0", "\n", ",", "%", ")", "b", "B", "m", "M", "Q", "H",
              "st", "ND", "th", "ſt", ".5", ".6.2025", "/6/2025", ".12.2025", "-7 May", " May", " of June",
              " – 7 June", " & 8 July", " months of 2025", " years ago", "Q 2025", "H 2024", "M 2025",
              "1", "٣", "é", "x", "", " to 9 May 2025", ".5 billion", "/7", "/12/2024", " billion",
              " per cent", " 000", " countries", "  May", "\nMay", " weeks ago", " Weeks ago", " of May",
              " and 8 May", " & 9 June", "\u2009–\u2009", " MAY", " may", " ſ"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["1", "5", "12", "31", "9", "03"]),
    st.lists(st.sampled_from(_RUN_TAILS), min_size=1, max_size=3),
    st.sampled_from(["", "On ", "in ", "the first ", "Q", "$"]),
)
def test_short_run_pretest_same_dates(digits, tails, lead):
    from communique.annotate import dates as D

    text = f"{lead}{digits}{''.join(tails)} and more."
    anchor = dt.date(2025, 6, 15)
    fast = D.find_dates(text, anchor)
    test = D._short_run_goes_on
    D._short_run_goes_on = lambda text, p: True  # every short run tried, as before the pretest
    try:
        plain = D.find_dates(text, anchor)
    finally:
        D._short_run_goes_on = test
    assert fast == plain


# --- the word-start pretest (letter runs a word form can open with) gives the same dates -----------
_WORDS = ["the", "The", "of", "over", "in", "In", "for", "last", "Last", "next", "this", "past", "coming",
          "first", "second", "third", "three", "twenty-one", "a", "an", "few", "several", "year", "years",
          "month", "months", "week", "weeks", "day", "days", "ago", "earlier", "later", "time", "decade",
          "quarter", "half", "spring", "summer", "autumn", "fall", "today", "yesterday", "tomorrow",
          "Tuesday", "Friday", "morning", "evening", "beginning", "start", "end", "current", "mid", "early",
          "Q3", "H1", "2025", "5", "’s", "'s", ",", ".", "ſome", "İstanbul", "ınto", "\u212aelvin", "of the",
          "Steadily", "lasted", "thesis", "nextyear", "2024–2025", "9M", "1st"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9),
    st.sampled_from([" ", "  ", "\u00a0", "\n"]),
)
def test_word_start_pretest_same_dates(words, gap):
    from communique.annotate import dates as D

    text = gap.join(words) + "."
    anchor = dt.date(2025, 6, 15)
    fast = D.find_dates(text, anchor)
    test = D._word_form_can_open
    D._word_form_can_open = lambda text, start: True  # every word start tried, as before the pretest
    try:
        plain = D.find_dates(text, anchor)
    finally:
        D._word_form_can_open = test
    assert fast == plain


def test_letter_runs_read_from_the_pattern():
    from communique.annotate.dates import _letter_runs, _word_form_runs

    assert _letter_runs(r"(?i:last|next)\s+(?:year|month)") == ({"last", "next"}, set())
    assert _letter_runs(r"\b(?:in|for)(?=\s)") == (set(), {"in", "for"})  # a look-ahead leaves it open
    assert _letter_runs(r"[QH][1-4]") == ({"q", "h"}, set())
    assert _letter_runs(r"(?:the\s+)?spring") == ({"the"}, {"spring"})
    assert _letter_runs(r"\w+ago") is None and _letter_runs(r"[a-z]+teenth") is None
    whole, heads = _word_form_runs()
    assert {"last", "next", "first", "three", "in"} <= whole and "of" not in whole
