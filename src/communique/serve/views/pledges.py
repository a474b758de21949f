"""`/pledges`: the pledges table, totals in EUR and USD by party and program, a chart by program
and year."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ...ledger import web_queries as wq
from ..charts import BarGroup, bar_chart
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/pledges")
def pledges(request: Request, party: str | None = Query(None, max_length=200),
            program: str | None = Query(None, max_length=200), q: str | None = Query(None, max_length=200),
            limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    w = request.app.state.ledger
    page = wq.list_records(w, "pledges", party=party, program=program, q=q, limit=limit, offset=offset)
    groups: dict[str, BarGroup] = {}
    for row in wq.pledges_by_program_year(w):
        g = groups.setdefault(row["year"] or "?", BarGroup(x=row["year"] or "?"))
        g.values[row["program"] or "no program"] = g.values.get(row["program"] or "no program", 0) + \
            (row["eur"] or 0)
    chart = bar_chart(sorted(groups.values(), key=lambda g: g.x), "Pledged by program and year (EUR)",
                      unit="EUR") if groups else None
    return render(request, "pledges.html", {
        "title": "Pledges", "page": page, "by_party": wq.pledge_totals(w, "by"),
        "by_program": wq.pledge_totals(w, "program"), "chart": chart})
