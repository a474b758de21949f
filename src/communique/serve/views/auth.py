"""Sign in (enter the token once → a signed session cookie) and sign out; both CSRF-protected."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..routing import ReadRoute
from ..security import CSRF_FIELD, SESSION_COOKIE
from . import render

router = APIRouter(include_in_schema=False, route_class=ReadRoute)


def _safe_next(target: str | None) -> str:
    """Only a local path: an open redirect would let a link to /login send people elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/review"
    return target


@router.get("/login")
def login_page(request: Request, next: str = "/review"):
    return render(request, "login.html", {"title": "Sign in", "next": _safe_next(next), "error": None})


@router.post("/login")
def login(request: Request, token: str = Form(""), next: str = Form("/review"),
          csrf_token: str = Form("", alias=CSRF_FIELD)):
    guard = request.app.state.guard
    guard.check_csrf(request, csrf_token)
    if guard.settings.read_only:
        raise HTTPException(403, "This server is read-only: start it with COMMUNIQUE_TOKEN set.")
    if not guard.token_ok(token):
        return render(request, "login.html", {"title": "Sign in", "next": _safe_next(next),
                                              "error": "That token is not the server's token."},
                      status=401)
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(SESSION_COOKIE, guard.make_session("reviewer"), httponly=True, samesite="strict",
                    path="/", max_age=guard.settings.session_seconds,
                    secure=request.url.scheme == "https")
    return resp


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("", alias=CSRF_FIELD)):
    request.app.state.guard.check_csrf(request, csrf_token)
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp
