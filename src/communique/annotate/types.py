"""Mention types the annotate stage produces and the interpret stage consumes.

A mention is a typed piece of text with its `[start, end)` span in the document's normalised
text. The grammars (numbers, money, dates, ordinals) return these; interpret turns them into
contract records.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

Span = tuple[int, int]


def fast_init(cls):
    """Class decorator, placed above `@dataclass(frozen=True)`: the same `__init__` (parameters,
    defaults, field order in `__dict__`) storing straight into the instance `__dict__`.

    Why: a frozen dataclass's own `__init__` sets each field through `object.__setattr__` (it must
    get past the frozen `__setattr__`), ~2x slower; sentences, paragraphs and mentions are made by
    the dozen per document. Equality, hashing, repr and `replace` are the dataclass's. A class with
    something the plain store would not do (a default factory, `__post_init__`, `init=False` or
    keyword-only fields, slots) keeps its own. The plain one stays as `_plain_init` (tests compare).
    """
    fields = dataclasses.fields(cls)
    if (
        any(f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only for f in fields)
        or hasattr(cls, "__post_init__")
        or "__slots__" in cls.__dict__
    ):
        return cls
    missing = dataclasses.MISSING
    defaults = {f"_d_{f.name}": f.default for f in fields if f.default is not missing}
    params = ", ".join(f.name if f.default is missing else f"{f.name}=_d_{f.name}" for f in fields)
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fields)
    ns: dict = {}
    exec(f"def __init__(self, {params}):\n    d = self.__dict__\n{body}", defaults, ns)  # noqa: S102
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls._plain_init = cls.__init__
    cls.__init__ = init
    return cls


@fast_init
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


@fast_init
@dataclass(frozen=True)
class DateMention:
    """A point or range in time, resolved against the anchor (publication) date."""

    span: Span
    text: str
    value: str                    # ISO at its granularity: "2025-06-17", "2025-04", "2025"
    end: str | None               # closes a range ("3–4 April" → end "2025-04-04")
    granularity: str              # day | month | year
    relative: bool                # resolved from the anchor ("last April", "next year")


@fast_init
@dataclass(frozen=True)
class OrdinalMention:
    span: Span
    text: str
    value: int                    # "22nd", "twenty-second", "XXII" → 22
