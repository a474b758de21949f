"""`/figures`: a metric's values over periods, every point linked to its source; points where
sources disagree are drawn apart and listed."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ...ledger import web_queries as wq
from ..charts import Point, point_chart
from ..routing import ReadRoute
from . import render, span_anchor

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/figures")
def figures(request: Request, metric: str | None = Query(None, max_length=200),
            subject: str | None = Query(None, max_length=200)):
    w = request.app.state.ledger
    metrics = wq.metrics(w)
    if metric is None and metrics:
        preferred = [m for m in metrics if "trade" in m["metric"]]
        metric = (preferred or metrics)[0]["metric"]
    points = wq.figure_series(w, metric, subject) if metric else []
    units = sorted({p["unit"] or "" for p in points})
    charts = []
    for unit in units:
        pts = [Point(x=p["period"], y=p["value"] or 0.0, conflict=p["conflict"],
                     label=f"— {p['title'] or p['document_id'] or ''}",
                     href=f"/documents/{p['document_id']}#{span_anchor(p['figure_id'], p['span'])}"
                     if p["document_id"] else None)
               for p in points if (p["unit"] or "") == unit and p["value"] is not None]
        charts.append(point_chart(pts, f"{metric} ({unit})", unit=unit))
    return render(request, "figures.html", {"title": "Figures", "metrics": metrics, "metric": metric,
                                            "points": points, "charts": charts})
