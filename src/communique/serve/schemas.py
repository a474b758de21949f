"""Response models of the REST API, derived from the contract types in `communique.models`.

A record in the ledger is a contract record (its fields come from `models.RECORD_TYPES`) plus the
ledger's bookkeeping (`LedgerInfo`); each API model is made by combining the two, so a field added
to `models.py` appears in the API with no edit here.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..models import RECORD_TYPES, DocumentInfo

T = TypeVar("T")


class Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LedgerInfo(Out):
    """What the ledger knows about a merged record beyond its contract fields."""

    id: str
    record_kind: str = Field(description="meetings, people, organizations, figures, pledges, …")
    label: str
    n_sources: int = Field(description="Mentions of this record across documents.")
    n_documents: int = Field(description="Documents that mention it.")
    first_published: str | None = None
    last_published: str | None = None
    record_status: str = Field("active", description="The ledger's state of the record (active, "
                                                     "rejected…); an agreement's stage is `status`.")
    confirmed: bool = False


class StatementOut(Out):
    """One value read at a source (`query.record`'s `sources[].statements`)."""

    id: str
    prop: str
    value: Any = None
    extractor_version: str | None = None


class Source(Out):
    """One place a record is stated: the document, the span and the sentence around it."""

    record_id: str = Field(description="The merged record this mention belongs to.")
    member_id: str | None = Field(None, description="The record as read in that document, before merging.")
    document_id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    span: list[int] | None = None
    sentence: str | None = None
    statements: list[StatementOut] = Field(default_factory=list,
                                           description="The values read there (details only).")


class SourcedValue(Out):
    """One distinct value of a property, how many sources state it, and one of them."""

    value: Any
    n_sources: int
    document_id: str
    span: list[int] | None = None


class Judgement(Out):
    id: int
    kind: str
    target_type: str
    target_id: str
    other_id: str | None = None
    prop: str | None = None
    value: Any = None
    author: str
    reason: str | None = None
    created_at: str | None = None
    retired_at: str | None = None


class MergeOut(Out):
    """One merge decision behind the record: two as-seen records, the rule and its score."""

    kind: str
    canonical_id: str
    record_a: str
    record_b: str
    score: float
    rule: str
    decided_by: str = Field(description="auto | judgement")
    judgement_id: int | None = None


class Detail(Out):
    sources: list[Source] = Field(default_factory=list,
                                  description="The first 20 sources by date; n_sources counts them all and "
                                              "/api/records/{id}/sources pages through every one.")
    values: dict[str, list[SourcedValue]] = Field(
        default_factory=dict, description="Every distinct value of every property, with how many sources "
                                          "state it: two values for one property are sources disagreeing.")
    judgements: list[Judgement] = Field(default_factory=list,
                                        description="Retired ones too (with retired_at): the history.")
    members: list[str] = Field(default_factory=list, description="Ids of the records merged into this one.")
    merges: list[MergeOut] = Field(default_factory=list,
                                   description="The first 20 merge decisions; n_merges counts them all.")
    n_merges: int = 0


class StageEvent(Out):
    stage: str
    date: str | None = None
    published: str | None = None
    document_id: str
    title: str | None = None
    source: str | None = None
    span: list[int] | None = None
    sentence: str | None = None
    regression: bool = Field(False, description="An earlier stage than one already seen: flagged.")


class RoleSeen(Out):
    prop: Literal["role", "affiliation"]
    value: Any
    since: str | None = None
    until: str | None = None
    documents: list[str]


def _combine(kind: str, *extra: type[BaseModel], suffix: str) -> type[BaseModel]:
    model = RECORD_TYPES[kind]
    bases = (*extra, LedgerInfo, model)
    return type(f"{model.__name__}{suffix}", bases,
                {"model_config": ConfigDict(extra="ignore"), "__module__": __name__})


#: kind → list item model, e.g. "meetings" → MeetingRecord (Meeting fields + LedgerInfo).
RECORD_MODELS: dict[str, type[BaseModel]] = {
    k: _combine(k, suffix="Record") for k in RECORD_TYPES if k != "flags"}


MeetingRecord = RECORD_MODELS["meetings"]


class AgreementExtra(Out):
    stage_history: list[StageEvent] = Field(
        default_factory=list,
        description="The first 20 stage events by date (one per document reporting a stage); "
                    "n_stage_events counts them all and /api/agreements/{id}/history pages through "
                    "every one.")
    n_stage_events: int = Field(0, description="Stage events of the agreement, all of them.")


class PersonExtra(Out):
    roles: list[RoleSeen] = Field(default_factory=list)


_DETAIL_EXTRA: dict[str, tuple[type[BaseModel], ...]] = {
    "agreements": (AgreementExtra,), "people": (PersonExtra,)}

#: kind → detail model: the record, its sources and per-source values, judgements, and extras.
DETAIL_MODELS: dict[str, type[BaseModel]] = {
    k: _combine(k, *_DETAIL_EXTRA.get(k, ()), Detail, suffix="Detail") for k in RECORD_MODELS}


class Page(Out, Generic[T]):
    """One page of a list: `more` says whether another page follows; `total` when cheap to count."""

    items: list[T]
    limit: int
    offset: int
    more: bool
    total: int | None = None


class FlagOut(Out):
    id: str
    kind: str
    message: str
    source: str = Field(description="doc: found in one document; ledger: found across documents.")
    document_id: str | None = None
    span: list[int] | None = None
    record_ids: list[str] = Field(default_factory=list)
    created_at: str | None = None
    dismissed: bool = False
    dismissed_by: str | None = None


class DocumentSummary(Out):
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    length: int | None = None


class SpanOut(Out):
    id: str
    kind: str
    record_id: str
    label: str
    span: list[int] | None = None
    status: str | None = None


class DocumentOut(DocumentInfo):
    model_config = ConfigDict(extra="ignore")
    extractor_version: str | None = None
    spans: list[SpanOut] = Field(default_factory=list)
    flags: list[FlagOut] = Field(default_factory=list)


class SearchHit(Out):
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    snippet: str = Field(description="Text around the match; matched words between \\u0002 and \\u0003.")


class Body(Out):
    body: str
    meetings: int
    first: str | None = None
    last: str | None = None


class Series(Out):
    body: str
    meetings: list[MeetingRecord]  # type: ignore[valid-type]
    missing: list[int] = Field(description="Ordinals absent between the first and the last seen.")
    median_days_between: int | None = None


class RecordDetail(LedgerInfo, Detail):
    """Any record by id (`query.record`, what `communique show` prints): its own fields vary by
    kind, so they pass through, as do stage_history (agreements) and roles (people)."""

    model_config = ConfigDict(extra="allow")


class ReviewItem(LedgerInfo):
    """A record awaiting (or past) review: its own fields vary by kind, so they pass through."""

    model_config = ConfigDict(extra="allow")
    sources: list[Source] = Field(default_factory=list)
    judgements: list[Judgement] = Field(default_factory=list)
    review_status: str | None = Field(None, description="In the review queue: unreviewed, confirmed, "
                                                         "corrected or rejected.")
    certainty: float | None = Field(None, description="In the review queue: 0–1, lowest first.")
    reasons: list[str] = Field(default_factory=list, description="In the review queue: why it is uncertain.")


class PledgeTotal(Out):
    key: str | None = Field(description="The party, program, purpose or year (null: not stated).")
    pledges: int
    eur: float | None = None
    usd: float | None = None


class FigurePoint(Out):
    figure_id: str
    period: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None
    document_id: str | None = None
    title: str | None = None
    published: str | None = None
    span: list[int] | None = None
    n_sources: int = Field(0, description="Sources stating this value for this figure.")
    conflict: bool = Field(False, description="Another source gives a different value for this period.")


class Metric(Out):
    metric: str
    figures: int


class Stats(Out):
    counts: dict[str, int]
    read_only: bool


class JudgementIn(BaseModel):
    """A reviewer's decision on one record (or one statement) of the ledger."""

    model_config = ConfigDict(extra="forbid")
    target_id: str = Field(min_length=1, max_length=64)
    kind: Literal["confirm", "correct", "reject"]
    target_type: Literal["record", "statement"] = "record"
    prop: str | None = Field(None, max_length=64, description="The property corrected (correct only).")
    value: Any = Field(None, description="The corrected value (correct only).")
    reason: str | None = Field(None, max_length=2000)


class DismissIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(None, max_length=2000)


class Written(Out):
    judgement_id: int
    target_id: str
    kind: str


class Ingested(Out):
    id: str
    status: str = Field(description="new, updated or unchanged")
    source: str
    counts: dict[str, int] = Field(description="Records extracted from the document, per kind.")
