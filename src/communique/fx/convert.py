"""Pledge amounts to EUR and USD at the rate of their day (the pipeline's FX stage).

The contract has no field for the rate used, so `pledge_conversion` returns the whole `Conversion`
(rate, its date, source, note) for the ledger to store; `enrich_pledges` only fills the amounts.
"""

from __future__ import annotations

from ..models import Extraction, Pledge
from .rates import Conversion, _sources, convert

__all__ = ["enrich_pledges", "pledge_conversion", "pledge_date"]


def pledge_date(pledge: Pledge, published: str | None) -> str | None:
    """The date a pledge converts at: its own, else the document's publication date.

    Partial dates keep their granularity on purpose: "2025-04" converts at April 2025's average
    rate and "2025" at the year's average, not at an invented mid-month or mid-year day.
    """
    return pledge.date or published or None


def pledge_conversion(pledge: Pledge, published: str | None, sources: tuple | None = None) -> Conversion:
    """The conversion of one pledge, with the rate, date and source used (or why there is none).
    `sources`: the rate sources, when the caller converts several pledges with one look at them."""
    when = pledge_date(pledge, published)
    if when is None:
        return Conversion(amount=pledge.amount, currency=pledge.currency.upper(), on="",
                          note="no rate: no date (neither the pledge nor the document is dated)")
    try:
        return convert(pledge.amount, pledge.currency, when, sources)
    except ValueError as exc:
        return Conversion(amount=pledge.amount, currency=pledge.currency.upper(), on=str(when),
                          note=f"no rate: {exc}")


def enrich_pledges(ex: Extraction) -> None:
    """Set `amount_eur` / `amount_usd` on every pledge of `ex` in place (None when no rate).
    The rate sources (the user's tables among them) are looked up once per document."""
    if not ex.pledges:
        return
    sources = _sources()
    for pledge in ex.pledges:
        conv = pledge_conversion(pledge, ex.document.published, sources)
        pledge.amount_eur = conv.amount_eur
        pledge.amount_usd = conv.amount_usd
