"""Dashboard pages, one module per page (like datasette's `views/`), and what they share.

Each page calls the same ledger query functions as the REST API (`serve/api.py`), so a number on a
page and in `/api/…` cannot disagree. `render` adds what every template needs: the CSRF token (and
its cookie on first visit), who is signed in, and the navigation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..charts import human
from ..security import CSRF_FIELD, CSRF_SLOT

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

NAV = [("/", "Overview"), ("/timeline", "Timeline"), ("/meetings", "Meetings"), ("/agreements", "Agreements"),
       ("/pledges", "Pledges"), ("/figures", "Figures"), ("/people", "People"),
       ("/documents", "Documents"), ("/flags", "Flags"), ("/review", "Review"), ("/docs", "API")]

#: Page modules, each exposing `router`; app.py includes them in this order.
PAGES = ["auth", "overview", "timeline", "meetings", "records", "agreements", "pledges", "figures",
         "people", "documents", "flags", "review", "apidocs"]


def money(value: float | None, currency: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.0f} {currency}".strip()


def page_url(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters replaced (pagination links keep the filters)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


def span_anchor(record_id: str, span) -> str:
    """The anchor id of one record's span in its document page (shared by links and the viewer)."""
    from ..highlight import anchor_id

    return anchor_id(f"{record_id}-{span[0] if span else 'x'}")


def record_href(rec: dict) -> str:
    """The page of a record: meetings and people have their own, every other kind the generic one."""
    kind, rid = rec.get("record_kind"), rec.get("id")
    if kind == "meetings":
        return f"/meetings/{quote(str(rid))}"
    return f"/records/{quote(str(rid))}"


def _environment() -> Environment:
    # Autoescape on for every template (document text is untrusted); StrictUndefined turns a
    # template typo into an error in tests instead of a silently empty cell. No auto_reload: the
    # templates ship inside the package, and checking each one's mtime (a page, its base and its
    # includes: 2-3 stat calls) cost ~0.7 ms a page on a busy machine.
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["human"] = human
    env.filters["money"] = money
    env.globals["page_url"] = page_url
    env.globals["span_anchor"] = span_anchor
    env.globals["record_href"] = record_href
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.globals["nav"] = NAV
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200):
    """A template response with the signed-in author and the nav filled in. The CSRF token is
    left as `CSRF_SLOT`: the cache middleware (serve/cache.py) fills in each browser's own token
    and sets its cookie, so the rendered page itself is the same for every browser."""
    guard = request.app.state.guard
    ctx = {"title": None, "csrf_field": CSRF_FIELD, "csrf_token": CSRF_SLOT,
           "writer": guard.who(request), "read_only": guard.settings.read_only}
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status)
