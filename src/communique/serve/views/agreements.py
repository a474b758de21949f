"""`/agreements`: the pipeline — one column per stage, each agreement a card with its history."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ...ledger import web_queries as wq
from ...models import STAGE_ORDER
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)

#: Columns left to right: the lifecycle, then the off-track stages, then "stage not stated".
COLUMNS = (*STAGE_ORDER, "suspended", "terminated", None)


@router.get("/agreements")
def agreements(request: Request, party: str | None = Query(None, max_length=200),
               q: str | None = Query(None, max_length=200)):
    w = request.app.state.ledger
    items = wq.pipeline(w, party=party, q=q)
    columns = {c: [] for c in COLUMNS}
    for a in items:
        columns[a.get("status") if a.get("status") in columns else None].append(a)
    cols = [{"stage": c or "stage not stated", "cards": cards} for c, cards in columns.items()
            if cards or c in STAGE_ORDER]
    return render(request, "agreements.html", {"title": "Agreements", "columns": cols,
                                               "n": len(items)})
