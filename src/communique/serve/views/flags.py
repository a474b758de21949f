"""`/flags`: what a careful reader would question, with a CSRF-protected form to dismiss one."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import RedirectResponse

from ...ledger import web_queries as wq
from .. import actions
from ..routing import ReadRoute
from ..security import CSRF_FIELD
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


@router.get("/flags")
def flags(request: Request, kind: str | None = Query(None, max_length=64), open: bool = False,
          limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    page = wq.list_flags(request.app.state.ledger, kind=kind, open_only=open, limit=limit, offset=offset)
    return render(request, "flags.html", {"title": "Flags", "page": page, "open": open})


@router.post("/flags/{flag_id}/dismiss")
def dismiss(request: Request, tasks: BackgroundTasks, flag_id: str, reason: str = Form("", max_length=2000),
            csrf_token: str = Form("", alias=CSRF_FIELD)):
    guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    author = guard.require_writer(request)
    actions.dismiss_flag(request.app, flag_id, author, reason or None)
    tasks.add_task(actions.rebuild_soon, request.app)
    return RedirectResponse("/flags", status_code=303)
