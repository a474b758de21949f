"""`/records/{id}`: any record — its fields, every value with the document stating it, its sources,
its stage history (agreements), roles over time (people) and the judgements on it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from ...ledger import web_queries as wq
from ...models import RECORD_TYPES
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/records/{record_id}")
def record(request: Request, record_id: str):
    w = request.app.state.ledger
    # what the page shows: the sources' sentences (not their statements), values, live judgements
    rec = wq.get_record(w, record_id, max_sources=wq.PAGE_SOURCES, parts={"sources", "values", "judgements"})
    if rec is None:
        raise HTTPException(404, f"No record with id {record_id!r}.")
    kind = rec["record_kind"]
    fields = [f for f in RECORD_TYPES[kind].model_fields if f not in ("span", "spans")] \
        if kind in RECORD_TYPES else []
    # one line per run of a stage (the full list, one event per source, is in the API)
    history = wq.stage_runs(w, record_id) if kind == "agreements" else []
    roles = wq.person_roles(w, record_id) if kind == "people" else []
    conflicts = {p for p, vals in rec["values"].items() if len({repr(v["value"]) for v in vals}) > 1
                 and p not in ("parties", "topics", "heads")}
    return render(request, "record.html", {"title": rec["label"], "r": rec, "fields": fields,
                                           "history": history, "roles": roles, "conflicts": conflicts})
