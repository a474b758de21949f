"""`/review`: the queue of records no one has decided on yet, least certain first (`review.queue`,
as `communique review list`), with inline confirm / correct / reject.

Forms are plain POSTs (they work without script) carrying a CSRF token; the reviewer must be
signed in (`/login`) — the token is never put in a page. A decision goes through the same
`actions.judge` as `POST /api/judgements`.
"""

from __future__ import annotations

import json
from typing import Literal

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import RedirectResponse

from ...ledger import web_queries as wq
from ...models import RECORD_TYPES
from .. import actions
from ..routing import ReadRoute
from ..schemas import JudgementIn
from ..security import CSRF_FIELD
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)

KINDS = [k for k in wq.KINDS]
Status = Literal["unreviewed", "confirmed", "corrected", "rejected"]
Kind = Literal["meetings", "people", "organizations", "figures", "pledges", "agreements", "events", "quotes"]


@router.get("/review")
def review(request: Request, kind: Kind | None = None, judged: bool = False, status: Status | None = None,
           limit: int = Query(25, ge=1, le=200), offset: int = Query(0, ge=0, le=1_000_000)):
    """`review.queue`, as `communique review list` and `/api/review`: least certain first."""
    page = wq.review_queue(request.app.state.ledger, kind, judged=judged, status=status, limit=limit,
                           offset=offset)
    fields = {k: [f for f in m.model_fields if f not in ("span", "spans")] for k, m in RECORD_TYPES.items()}
    return render(request, "review.html", {"title": "Review", "page": page, "kind": kind, "kinds": KINDS,
                                           "judged": judged, "fields": fields})


def _parse_value(raw: str):
    """A corrected value as typed: JSON when it parses (numbers, true, lists), else the text."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


@router.post("/review/{record_id}")
def decide(request: Request, tasks: BackgroundTasks, record_id: str,
           action: Literal["confirm", "correct", "reject"] = Form(...),
           prop: str = Form("", max_length=64), value: str = Form("", max_length=2000),
           reason: str = Form("", max_length=2000), back: str = Form("/review", max_length=500),
           csrf_token: str = Form("", alias=CSRF_FIELD)):
    guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    author = guard.require_writer(request)
    body = JudgementIn(target_id=record_id, kind=action, prop=prop or None,
                       value=_parse_value(value) if action == "correct" else None, reason=reason or None)
    actions.judge(request.app, body, author)
    tasks.add_task(actions.rebuild_soon, request.app)
    target = back if back.startswith("/review") and not back.startswith("//") else "/review"
    return RedirectResponse(target, status_code=303)
