"""Pledge amounts to EUR and USD at the rate of their day (filled in by the FX work, issue 4)."""

from __future__ import annotations

from ..models import Extraction


def enrich_pledges(ex: Extraction) -> None:
    """Set `amount_eur` / `amount_usd` on every pledge of `ex` in place."""
