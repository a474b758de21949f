"""Mention types the annotate stage produces and the interpret stage consumes.

A mention is a typed piece of text with its `[start, end)` span in the document's normalised
text. The grammars (numbers, money, dates, ordinals) return these; interpret turns them into
contract records.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Amount:
    """A number with its unit: money, a percentage or a plain count."""

    span: Span
    text: str
    value: float                  # full units ("48.7 billion" → 48_700_000_000.0); range: its lower bound
    value_max: float | None       # upper bound of a range, else None
    unit: str                     # ISO currency ("USD", "EUR", "KZT"), "percent" or "count"
    qualifier: str                # exact, nearly, about, more than, up to, at least, less than, between
    currency_token: str | None    # the token as written ("US$", "€", "tenge", "EU$")
    known_currency: bool = True   # False when the token looks like a currency but is not one (EU$)


@dataclass(frozen=True)
class DateMention:
    """A point or range in time, resolved against the anchor (publication) date."""

    span: Span
    text: str
    value: str                    # ISO at its granularity: "2025-06-17", "2025-04", "2025"
    end: str | None               # closes a range ("3–4 April" → end "2025-04-04")
    granularity: str              # day | month | year
    relative: bool                # resolved from the anchor ("last April", "next year")


@dataclass(frozen=True)
class OrdinalMention:
    span: Span
    text: str
    value: int                    # "22nd", "twenty-second", "XXII" → 22
