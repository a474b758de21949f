"""`/documents` (list and full-text search) and `/documents/{id}`: the text with every extracted
span highlighted by kind; a click on a record in the side list scrolls to its span."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import RedirectResponse
from markupsafe import Markup, escape

from ...ledger import web_queries as wq
from .. import actions
from ..highlight import Mark, highlight
from ..routing import ReadRoute
from ..security import CSRF_FIELD
from . import render, span_anchor

router = APIRouter(include_in_schema=False, route_class=ReadRoute)

KIND_ORDER = ("meetings", "agreements", "pledges", "figures", "people", "organizations", "events",
              "quotes", "flags")


def snippet_html(snippet: str | None) -> Markup:
    """Escape a search snippet, then turn only our hit markers into <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(wq.HIT_OPEN, "<mark>").replace(wq.HIT_CLOSE, "</mark>"))


@router.get("/documents")
def documents(request: Request, q: str | None = Query(None, max_length=200),
              limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
    w = request.app.state.ledger
    if q and q.strip():
        hits = wq.search_documents(w, q, limit=limit + 1, offset=offset)
        page = wq.Page(items=hits[:limit], limit=limit, offset=offset, more=len(hits) > limit)
        for h in page.items:
            h["snippet_html"] = snippet_html(h.get("snippet"))
    else:
        page = wq.list_documents(w, limit=limit, offset=offset)
    return render(request, "documents.html", {"title": "Documents", "page": page, "q": q or ""})


@router.post("/documents/upload")
async def upload(request: Request, tasks: BackgroundTasks, file: UploadFile = File(...),
                 published: str = Form("", max_length=10), csrf_token: str = Form("", alias=CSRF_FIELD)):
    """The dashboard's upload form: the same checks and ingest as `POST /api/documents`."""
    from starlette.concurrency import run_in_threadpool

    guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    guard.require_writer(request)
    if published and not wq._ISO.match(published):
        raise HTTPException(422, "The publication date must be YYYY, YYYY-MM or YYYY-MM-DD.")
    raw = await file.read(request.app.state.settings.max_upload_bytes + 1)
    out = await run_in_threadpool(actions.ingest_upload, request.app, raw, file.filename or "",
                                  file.content_type or "", published or None)
    tasks.add_task(actions.rebuild_soon, request.app)
    return RedirectResponse(f"/documents/{out['id']}", status_code=303)


def _singular(kind: str) -> str:
    return {"people": "person", "quotes": "quote"}.get(kind, kind[:-1] if kind.endswith("s") else kind)


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str):
    doc = wq.get_document(request.app.state.ledger, document_id)
    if doc is None:
        raise HTTPException(404, f"No document with id {document_id!r}.")
    marks, groups = [], {}
    for sp in doc["spans"]:
        if not sp["span"]:
            continue
        key = f"{sp['record_id']}-{sp['span'][0]}"
        marks.append(Mark(sp["span"][0], sp["span"][1], _singular(sp["kind"]), key,
                          f"{_singular(sp['kind'])}: {sp['label']}"))
        groups.setdefault(sp["kind"], []).append({**sp, "anchor": span_anchor(sp["record_id"], sp["span"])})
    for f in doc["flags"]:
        f["anchor"] = None
        if f["span"]:
            key = f"{f['id']}-{f['span'][0]}"
            marks.append(Mark(f["span"][0], f["span"][1], "flag", key, f"flag: {f['message']}"))
            f["anchor"] = span_anchor(f["id"], f["span"])
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    grouped = sorted(groups.items(), key=lambda kv: order.get(kv[0], 99))
    return render(request, "document.html", {
        "title": doc["title"] or doc["source"] or document_id[:12], "doc": doc,
        "body": highlight(doc["text"], marks), "groups": grouped,
        "kinds": sorted({m.kind for m in marks})})
