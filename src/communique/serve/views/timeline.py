"""`/timeline`: every body's meetings in order of their ordinals, gaps in the series shown."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ...ledger import web_queries as wq
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


def ordinal(n: int | None) -> str:
    if n is None:
        return "–"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@router.get("/timeline")
def timeline(request: Request):
    w = request.app.state.ledger
    series = []
    for s in wq.all_series(w)[:50]:
        rows, missing = [], set(s["missing"])
        numbers = [m.get("number") for m in s["meetings"]]
        for m in s["meetings"]:
            n = m.get("number")
            rows.append({"meeting": m, "ordinal": ordinal(n), "gap": False})
            # show each run of missing ordinals right after the meeting before it
            k = (n or 0) + 1
            while n is not None and k in missing and k not in numbers:
                rows.append({"meeting": None, "ordinal": ordinal(k), "gap": True})
                k += 1
        series.append({**s, "rows": rows})
    return render(request, "timeline.html", {"title": "Timeline", "series": series})
