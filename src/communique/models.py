"""Record types of the extraction contract, declared once.

Every other layer (JSON output, the ledger's statements, REST, exports) reads its field list from
these pydantic models, so a field added here reaches all of them. The JSON shape is the contract in
DESIGN.md; `Extraction.to_contract()` produces exactly it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: `[start, end)` character offsets into the document's normalised text.
Span = tuple[int, int]

Stage = Literal["proposed", "negotiating", "initialled", "signed", "ratified", "in force",
                "suspended", "terminated"]
#: The lifecycle order; a later document putting an agreement earlier in it is a flag.
STAGE_ORDER: tuple[str, ...] = ("proposed", "negotiating", "initialled", "signed", "ratified", "in force")

Qualifier = Literal["exact", "nearly", "about", "more than", "up to", "at least", "less than", "between"]
MeetingFormat = Literal["in-person", "virtual", "hybrid"]


class Record(BaseModel):
    """Base of every record: forbids unknown fields so a typo fails loudly."""

    model_config = ConfigDict(extra="forbid")


class DocumentInfo(Record):
    id: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = "en"
    text: str | None = Field(default=None, description="Normalised text; only with --with-text.")


class Head(Record):
    name: str
    role: str | None = None
    side: str | None = None


class Meeting(Record):
    body: str
    acronym: str | None = None
    number: int | None = None
    date: str | None = None
    date_end: str | None = None
    place: str | None = None
    format: MeetingFormat | None = None
    parties: list[str] = Field(default_factory=list)
    heads: list[Head] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    span: Span | None = None


class Person(Record):
    name: str
    role: str | None = None
    affiliation: str | None = None
    spans: list[Span] = Field(default_factory=list)


class Organization(Record):
    name: str
    acronym: str | None = None
    kind: str | None = None
    spans: list[Span] = Field(default_factory=list)


class Figure(Record):
    metric: str
    value: float
    value_max: float | None = None
    unit: str
    period: str | None = None
    qualifier: Qualifier = "exact"
    subject: str | None = None
    span: Span | None = None


class Pledge(Record):
    by: str | None = None
    amount: float
    currency: str
    amount_eur: float | None = None
    amount_usd: float | None = None
    amount_usd_stated: float | None = None
    purpose: str | None = None
    program: str | None = None
    hedged: bool = False
    date: str | None = None
    span: Span | None = None


class Agreement(Record):
    name: str
    acronym: str | None = None
    parties: list[str] = Field(default_factory=list)
    status: Stage | None = None
    date: str | None = None
    span: Span | None = None


class Event(Record):
    name: str
    date: str | None = None
    date_end: str | None = None
    place: str | None = None
    span: Span | None = None


class Quote(Record):
    speaker: str | None = None
    text: str
    span: Span | None = None


class Flag(Record):
    kind: str
    message: str
    span: Span | None = None


#: Contract name of each list of an Extraction → its record type. The ledger, REST and exports
#: iterate this mapping instead of naming the kinds again.
RECORD_TYPES: dict[str, type[Record]] = {
    "meetings": Meeting,
    "people": Person,
    "organizations": Organization,
    "figures": Figure,
    "pledges": Pledge,
    "agreements": Agreement,
    "events": Event,
    "quotes": Quote,
    "flags": Flag,
}


class Extraction(BaseModel):
    """Everything read from one document, in the shape of the extraction contract."""

    model_config = ConfigDict(extra="forbid")

    document: DocumentInfo
    meetings: list[Meeting] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    pledges: list[Pledge] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)

    def to_contract(self, with_text: bool = False) -> dict:
        """The JSON-ready dict of the contract (document.text only when asked for)."""
        data = self.model_dump(mode="json")
        if not with_text:
            data["document"].pop("text", None)
        return data

    def records(self):
        """Yield `(kind, index, record)` for every record, in contract order."""
        for kind in RECORD_TYPES:
            for i, rec in enumerate(getattr(self, kind)):
                yield kind, i, rec
