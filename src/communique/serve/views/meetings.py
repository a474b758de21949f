"""`/meetings` and `/meetings/{id}`: a meeting's heads per side, topics, what it agreed and pledged,
and every source sentence."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request

from ...ledger import web_queries as wq
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/meetings")
def meetings(request: Request, party: str | None = Query(None, max_length=200),
             body: str | None = Query(None, max_length=200), q: str | None = Query(None, max_length=200),
             limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    page = wq.list_records(request.app.state.ledger, "meetings", party=party, body=body, q=q, limit=limit,
                           offset=offset)
    return render(request, "records.html", {"title": "Meetings", "kind": "meetings", "page": page,
                                            "columns": ["date", "body", "number", "place", "format"]})


@router.get("/meetings/{record_id}")
def meeting(request: Request, record_id: str):
    w = request.app.state.ledger
    # what the page shows: sources without their statements, no values, members…
    rec = wq.get_record(w, record_id, max_sources=wq.PAGE_SOURCES, parts={"sources"})
    if rec is None or rec["record_kind"] != "meetings":
        raise HTTPException(404, f"No meeting with id {record_id!r}.")
    sides: dict[str, list] = {}
    for h in rec.get("heads") or []:
        sides.setdefault(h.get("side") or "side not stated", []).append(h)
    docs = sorted({s["document_id"] for s in rec["sources"]})
    related = wq.related_records(w, docs, ("agreements", "pledges", "figures"))
    return render(request, "meeting.html", {
        "title": rec.get("body") or rec["label"], "m": rec, "sides": sides,
        "agreements": [r for r in related if r["record_kind"] == "agreements"],
        "pledges": [r for r in related if r["record_kind"] == "pledges"],
        "figures": [r for r in related if r["record_kind"] == "figures"]})
