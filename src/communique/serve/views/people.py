"""`/people` and `/organizations`: who appears in the sources (each person's page is the record
page, with roles over time)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from ...ledger import web_queries as wq
from ..routing import ReadRoute
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/people")
def people(request: Request, q: str | None = Query(None, max_length=200),
           limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    page = wq.list_records(request.app.state.ledger, "people", q=q, limit=limit, offset=offset,
                           order="label")
    return render(request, "records.html", {"title": "People", "kind": "people", "page": page,
                                            "columns": ["name", "role", "affiliation"]})


@router.get("/organizations")
def organizations(request: Request, q: str | None = Query(None, max_length=200),
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    page = wq.list_records(request.app.state.ledger, "organizations", q=q, limit=limit, offset=offset,
                           order="label")
    return render(request, "records.html", {"title": "Organisations", "kind": "organizations",
                                            "page": page, "columns": ["name", "acronym", "kind"]})
