"""`/`: the partnership at a glance — parties, counts, latest meetings, bodies, open flags."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...ledger import web_queries as wq
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/")
def overview(request: Request):
    w = request.app.state.ledger
    return render(request, "overview.html", {
        "title": "Overview", "counts": wq.counts(w), "parties": wq.parties(w),
        "meetings": wq.list_records(w, "meetings", limit=10, order="date").items, "bodies": wq.bodies(w),
        "flags": wq.list_flags(w, open_only=True, limit=10).items,
        "totals": wq.pledge_totals(w, "by")})
