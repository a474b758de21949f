"""REST API under `/api`: lists with filters and pagination, details with every source, writes.

Every route calls a ledger query function (`ledger.web_queries`, the ledger's own `Ledger`
methods for writes) — the dashboard pages call the same ones. Reads are open; writes need the
bearer token (see `security.py`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import (
    APIRouter,
    BackgroundTasks,
    Depends,
    File,
    Form,
    HTTPException,
    Path,
    Query,
    Request,
    UploadFile,
)
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from ..ledger import web_queries as wq
from . import actions
from .routing import ReadRoute
from .schemas import (
    DETAIL_MODELS,
    RECORD_MODELS,
    Body,
    DismissIn,
    DocumentOut,
    DocumentSummary,
    FigurePoint,
    FlagOut,
    Ingested,
    JudgementIn,
    Metric,
    Page,
    PledgeTotal,
    RecordDetail,
    ReviewItem,
    SearchHit,
    Series,
    Source,
    StageEvent,
    Stats,
    Written,
)


class Problem(BaseModel):
    """Every error: a message saying what was wrong (FastAPI's 422 adds a list of problems)."""

    detail: str


router = APIRouter(prefix="/api", route_class=ReadRoute)
NOT_FOUND = {404: {"model": Problem, "description": "No such record"}}
WRITE = {400: {"model": Problem, "description": "Malformed request body"},
         401: {"model": Problem, "description": "No valid bearer token"},
         403: {"model": Problem, "description": "Read-only server, or refused"},
         404: {"model": Problem, "description": "No such target"},
         503: {"model": Problem, "description": "Ledger busy with another writer; retry"}}
_bearer = HTTPBearer(auto_error=False, description="COMMUNIQUE_TOKEN")

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1–500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
IsoDate = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                      description="YYYY, YYYY-MM or YYYY-MM-DD")]
RecordId = Annotated[str, Path(max_length=64)]


async def web(request: Request) -> wq.WebLedger:
    """The app's ledger. `async`: FastAPI runs a plain `def` dependency in the thread pool, a
    thread hop per request for an attribute read."""
    return request.app.state.ledger


def writer(request: Request, _cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str:
    """The author of a write; 403 on a read-only server, 401 without a valid token."""
    return request.app.state.guard.require_writer(request)


WebDep = Annotated[wq.WebLedger, Depends(web)]


def _page(p: wq.Page) -> dict:
    return {"items": p.items, "limit": p.limit, "offset": p.offset, "more": p.more, "total": p.total}


def _detail(w: wq.WebLedger, kind: str, record_id: str) -> dict:
    rec = wq.get_record(w, record_id)
    if rec is None or rec["record_kind"] != kind:
        raise HTTPException(404, f"No {kind[:-1] if kind != 'people' else 'person'} with id {record_id!r}.")
    if kind == "agreements":  # query.record read the history already: add the titles only
        rec["stage_history"] = wq.with_titles(w, rec.get("stage_history") or [])
    if kind == "people":
        rec["roles"] = wq.person_roles(w, record_id)
    return rec


# --- overview ---------------------------------------------------------------------------------
@router.get("/stats", response_model=Stats, summary="Counts of records, documents and open flags")
def stats(request: Request, w: WebDep):
    return {"counts": wq.counts(w), "read_only": request.app.state.settings.read_only}


# --- meetings, bodies, series -----------------------------------------------------------------
@router.get("/meetings", response_model=Page[RECORD_MODELS["meetings"]], summary="Meetings")
def meetings(w: WebDep, party: Text = None, body: Text = None, q: Text = None, since: IsoDate = None,
             until: IsoDate = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "meetings", party=party, body=body, q=q, since=since, until=until,
                                 limit=limit, offset=offset))


@router.get("/meetings/{record_id}", response_model=DETAIL_MODELS["meetings"],
            summary="One meeting", responses=NOT_FOUND)
def meeting(w: WebDep, record_id: RecordId):
    return _detail(w, "meetings", record_id)


@router.get("/bodies", response_model=list[Body], summary="Bodies with their number of meetings")
def list_bodies(w: WebDep):
    return wq.bodies(w)


@router.get("/bodies/{body}/series", response_model=Series,
            summary="A body's meetings by ordinal, with missing ordinals and cadence", responses=NOT_FOUND)
def body_series(w: WebDep, body: Annotated[str, Path(max_length=200)]):
    out = wq.series(w, body)
    if not out["meetings"]:
        raise HTTPException(404, f"No meetings of a body named {body!r}.")
    return out


# --- agreements -------------------------------------------------------------------------------
Stage = Literal["proposed", "negotiating", "initialled", "signed", "ratified", "in force", "suspended",
                "terminated"]


@router.get("/agreements", response_model=Page[RECORD_MODELS["agreements"]], summary="Agreements")
def agreements(w: WebDep, party: Text = None, stage: Stage | None = None, q: Text = None,
               since: IsoDate = None, until: IsoDate = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "agreements", party=party, stage=stage, q=q, since=since, until=until,
                                 limit=limit, offset=offset))


@router.get("/agreements/{record_id}", response_model=DETAIL_MODELS["agreements"],
            summary="One agreement with the first 20 events of its stage history", responses=NOT_FOUND)
def agreement(w: WebDep, record_id: RecordId):
    return _detail(w, "agreements", record_id)


@router.get("/agreements/{record_id}/history", response_model=Page[StageEvent], responses=NOT_FOUND,
            summary="An agreement's whole stage history, oldest first, a page at a time")
def agreement_history(w: WebDep, record_id: RecordId, limit: Limit = 50, offset: Offset = 0):
    if wq.record_kind(w, record_id) != "agreements":
        raise HTTPException(404, f"No agreement with id {record_id!r}.")
    return _page(wq.stage_history(w, record_id, limit=limit, offset=offset))


# --- pledges ----------------------------------------------------------------------------------
@router.get("/pledges", response_model=Page[RECORD_MODELS["pledges"]], summary="Pledges")
def pledges(w: WebDep, party: Text = None, program: Text = None, q: Text = None, since: IsoDate = None,
            until: IsoDate = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "pledges", party=party, program=program, q=q, since=since,
                                 until=until, limit=limit, offset=offset))


@router.get("/pledges/totals", response_model=list[PledgeTotal],
            summary="Pledge totals in EUR and USD by party, program, purpose or year")
def pledge_totals(w: WebDep, by: Literal["by", "program", "purpose", "year"] = "by"):
    return wq.pledge_totals(w, by)


@router.get("/pledges/{record_id}", response_model=DETAIL_MODELS["pledges"],
            summary="One pledge", responses=NOT_FOUND)
def pledge(w: WebDep, record_id: RecordId):
    return _detail(w, "pledges", record_id)


# --- figures ----------------------------------------------------------------------------------
@router.get("/figures", response_model=Page[RECORD_MODELS["figures"]], summary="Figures")
def figures(w: WebDep, metric: Text = None, party: Text = None, q: Text = None, since: IsoDate = None,
            until: IsoDate = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "figures", metric=metric, party=party, q=q, since=since, until=until,
                                 limit=limit, offset=offset))


@router.get("/figures/metrics", response_model=list[Metric], summary="Metrics with their number of figures")
def figure_metrics(w: WebDep):
    return wq.metrics(w)


@router.get("/figures/series", response_model=list[FigurePoint],
            summary="A metric over periods, one point per source (disagreements marked)")
def figure_series(w: WebDep, metric: Annotated[str, Query(min_length=1, max_length=200)],
                  subject: Text = None):
    return wq.figure_series(w, metric, subject)


@router.get("/figures/{record_id}", response_model=DETAIL_MODELS["figures"],
            summary="One figure", responses=NOT_FOUND)
def figure(w: WebDep, record_id: RecordId):
    return _detail(w, "figures", record_id)


# --- people, organisations, events, quotes -----------------------------------------------------
@router.get("/people", response_model=Page[RECORD_MODELS["people"]], summary="People")
def people(w: WebDep, q: Text = None, party: Text = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "people", q=q, party=party, limit=limit, offset=offset, order="label"))


@router.get("/people/{record_id}", response_model=DETAIL_MODELS["people"],
            summary="One person with the roles seen over time", responses=NOT_FOUND)
def person(w: WebDep, record_id: RecordId):
    return _detail(w, "people", record_id)


@router.get("/organizations", response_model=Page[RECORD_MODELS["organizations"]], summary="Organisations")
def organizations(w: WebDep, q: Text = None, limit: Limit = 50, offset: Offset = 0):
    return _page(wq.list_records(w, "organizations", q=q, limit=limit, offset=offset, order="label"))


@router.get("/organizations/{record_id}", response_model=DETAIL_MODELS["organizations"],
            summary="One organisation", responses=NOT_FOUND)
def organization(w: WebDep, record_id: RecordId):
    return _detail(w, "organizations", record_id)


@router.get("/events", response_model=Page[RECORD_MODELS["events"]], summary="Events")
def events(w: WebDep, q: Text = None, since: IsoDate = None, until: IsoDate = None, limit: Limit = 50,
           offset: Offset = 0):
    return _page(wq.list_records(w, "events", q=q, since=since, until=until, limit=limit, offset=offset))


@router.get("/events/{record_id}", response_model=DETAIL_MODELS["events"],
            summary="One event", responses=NOT_FOUND)
def event(w: WebDep, record_id: RecordId):
    return _detail(w, "events", record_id)


@router.get("/quotes", response_model=Page[RECORD_MODELS["quotes"]], summary="Quotes")
def quotes(w: WebDep, q: Text = None, since: IsoDate = None, until: IsoDate = None, limit: Limit = 50,
           offset: Offset = 0):
    return _page(wq.list_records(w, "quotes", q=q, since=since, until=until, limit=limit, offset=offset))


@router.get("/quotes/{record_id}", response_model=DETAIL_MODELS["quotes"],
            summary="One quote", responses=NOT_FOUND)
def quote(w: WebDep, record_id: RecordId):
    return _detail(w, "quotes", record_id)


@router.get("/records/{record_id}", response_model=RecordDetail, responses=NOT_FOUND,
            summary="Any record by id, whatever its kind, with its sources and judgements")
def record(w: WebDep, record_id: RecordId):
    rec = wq.get_record(w, record_id)
    if rec is None:
        raise HTTPException(404, f"No record with id {record_id!r}.")
    return rec


@router.get("/records/{record_id}/sources", response_model=Page[Source], responses=NOT_FOUND,
            summary="A record's sources, oldest first, each with the values read there, a page at a time")
def record_sources(w: WebDep, record_id: RecordId, limit: Limit = 50, offset: Offset = 0):
    page = wq.record_sources(w, record_id, limit=limit, offset=offset)
    if page is None:
        raise HTTPException(404, f"No record with id {record_id!r}.")
    return _page(page)


# --- documents --------------------------------------------------------------------------------
@router.get("/documents", response_model=Page[DocumentSummary], summary="Documents, newest first")
def documents(w: WebDep, since: IsoDate = None, until: IsoDate = None, limit: Limit = 50,
              offset: Offset = 0):
    return _page(wq.list_documents(w, since=since, until=until, limit=limit, offset=offset))


@router.get("/documents/search", response_model=list[SearchHit],
            summary="Full-text search (all words must match)")
def search(w: WebDep, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20,
           offset: Offset = 0):
    return wq.search_documents(w, q, limit=limit, offset=offset)


@router.get("/documents/{document_id}", response_model=DocumentOut,
            summary="One document: its text, every extracted span, its flags", responses=NOT_FOUND)
def document(w: WebDep, document_id: RecordId):
    doc = wq.get_document(w, document_id)
    if doc is None:
        raise HTTPException(404, f"No document with id {document_id!r}.")
    return doc


@router.post("/documents", response_model=Ingested, status_code=201,
             summary="Upload one document (txt, md, html, pdf) to extract and store",
             responses={**WRITE, 413: {"model": Problem, "description": "File too large"},
                        415: {"model": Problem, "description": "Unsupported type"}})
async def upload(request: Request, tasks: BackgroundTasks, file: UploadFile = File(...),
                 published: Annotated[str | None, Form(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                 author: str = Depends(writer)):
    limit = request.app.state.settings.max_upload_bytes
    raw = await file.read(limit + 1)
    from starlette.concurrency import run_in_threadpool

    out = await run_in_threadpool(actions.ingest_upload, request.app, raw, file.filename or "",
                                  file.content_type or "", published)
    tasks.add_task(actions.rebuild_soon, request.app)
    return out


# --- flags ------------------------------------------------------------------------------------
@router.get("/flags", response_model=Page[FlagOut], summary="Flags: things a careful reader would question")
def flags(w: WebDep, kind: Annotated[str | None, Query(max_length=64)] = None, open: bool = False,
          document_id: Annotated[str | None, Query(max_length=64)] = None, limit: Limit = 50,
          offset: Offset = 0):
    return _page(wq.list_flags(w, kind=kind, open_only=open, document_id=document_id, limit=limit,
                               offset=offset))


@router.get("/flags/{flag_id}", response_model=FlagOut,
            summary="One flag", responses=NOT_FOUND)
def flag(w: WebDep, flag_id: RecordId):
    f = wq.get_flag(w, flag_id)
    if f is None:
        raise HTTPException(404, f"No flag with id {flag_id!r}.")
    return f


@router.post("/flags/{flag_id}/dismiss", response_model=Written, status_code=201, summary="Dismiss a flag",
             responses=WRITE)
def dismiss(request: Request, tasks: BackgroundTasks, flag_id: RecordId, body: DismissIn | None = None,
            author: str = Depends(writer)):
    out = actions.dismiss_flag(request.app, flag_id, author, body.reason if body else None)
    tasks.add_task(actions.rebuild_soon, request.app)
    return out


# --- review -----------------------------------------------------------------------------------
ReviewKind = Literal["meetings", "people", "organizations", "figures", "pledges", "agreements", "events",
                     "quotes"]

ReviewStatus = Literal["unreviewed", "confirmed", "corrected", "rejected"]


@router.get("/review", response_model=Page[ReviewItem],
            summary="Records to review, least certain first (or, with judged=true, those decided)")
def review(w: WebDep, kind: ReviewKind | None = None, judged: bool = False,
           status: ReviewStatus | None = None, limit: Limit = 50, offset: Offset = 0):
    """The queue `communique review list` prints: least certain first; `status` as its `--status`
    (without it: unreviewed records, or with judged=true confirmed, corrected or rejected ones)."""
    return _page(wq.review_queue(w, kind, judged=judged, status=status, limit=limit, offset=offset))


@router.post("/judgements", response_model=Written, status_code=201,
             summary="Confirm, correct or reject a record", responses=WRITE)
def judge(request: Request, tasks: BackgroundTasks, body: JudgementIn, author: str = Depends(writer)):
    out = actions.judge(request.app, body, author)
    tasks.add_task(actions.rebuild_soon, request.app)
    return out
