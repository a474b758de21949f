"""Who may write, and how the browser proves it: bearer tokens, session cookies, CSRF, headers.

- The API takes `Authorization: Bearer <COMMUNIQUE_TOKEN>`. No token configured → every write is
  403 (the server is read-only); a wrong or missing token → 401.
- The browser enters the token once on /login and gets a signed, HttpOnly, SameSite=Strict session
  cookie. Its signing key is derived from the token and a per-process secret, so changing the token
  or restarting the server ends every session.
- Every form carries a CSRF token: an HMAC of a random per-browser cookie, checked on POST together
  with the Origin header when the browser sends one (double-submit, signed so a cookie planted by a
  sibling host cannot be paired with a forged field).
- Every response carries a strict Content-Security-Policy (no inline script, nothing from other
  origins), `X-Content-Type-Options: nosniff`, `frame-ancestors 'none'` and no referrer to other sites.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from fastapi import HTTPException, Request

from .settings import Settings

SESSION_COOKIE = "communique_session"
CSRF_COOKIE = "communique_csrf"
CSRF_FIELD = "csrf_token"

#: What pages render in place of the CSRF token: `cache.CacheMiddleware` puts each browser's own
#: token there, so one rendered page serves every browser. Random per process, so no document text
#: can contain it.
CSRF_SLOT = f"csrf-slot-{secrets.token_hex(16)}"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer makes Chromium send "Origin: null"
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response (pure ASGI: no per-request task overhead)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuses a request body over `max_bytes` with 413 before the app reads it: by its declared
    Content-Length at once, or (chunked) as soon as the bytes received pass the limit. Without it a
    multipart upload is spooled whole before the route can look at its size."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0
        started = refused = False

        async def counting_receive():
            # Past the limit: answer 413 now (frameworks turn errors raised while parsing a form
            # into their own 400), then stop the app; whatever it sends afterwards is dropped.
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    if not started and not refused:
                        refused = True
                        await self._refuse(send)
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            pass
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send) -> None:
        body = json.dumps({"detail": f"The request is larger than the limit of "
                                     f"{self.max_bytes // 1024 // 1024} MB."}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Guard:
    """Checks writes for one app: built from its `Settings`, stored on `app.state.guard`."""

    def __init__(self, settings: Settings):
        self.settings = settings
        token = (settings.token or "").encode()
        self._session_key = hmac.new(settings.secret, b"session\0" + token, hashlib.sha256).digest()
        self._csrf_key = hmac.new(settings.secret, b"csrf\0", hashlib.sha256).digest()

    # --- bearer token (API) -------------------------------------------------------------------
    def token_ok(self, presented: str | None) -> bool:
        if not self.settings.token or not presented:
            return False
        return hmac.compare_digest(presented.encode(), self.settings.token.encode())

    def bearer(self, request: Request) -> str | None:
        auth = request.headers.get("authorization", "")
        scheme, _, value = auth.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None

    # --- session cookie (browser) -------------------------------------------------------------
    def make_session(self, who: str = "reviewer") -> str:
        payload = json.dumps({"exp": int(time.time()) + self.settings.session_seconds, "who": who,
                              "n": secrets.token_hex(8)}, separators=(",", ":")).encode()
        sig = hmac.new(self._session_key, payload, hashlib.sha256).digest()
        return f"{_b64(payload)}.{_b64(sig)}"

    def read_session(self, cookie: str | None) -> dict[str, Any] | None:
        """The session's payload, or None when absent, forged, expired or the server is read-only."""
        if not cookie or not self.settings.token or "." not in cookie:
            return None
        body, _, sig = cookie.partition(".")
        try:
            payload, given = _unb64(body), _unb64(sig)
        except (ValueError, TypeError):
            return None
        want = hmac.new(self._session_key, payload, hashlib.sha256).digest()
        if not hmac.compare_digest(given, want):
            return None
        try:
            data = json.loads(payload)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("exp", 0) < time.time():
            return None
        return data

    def who(self, request: Request) -> str | None:
        """The author of a write from this request (API token or browser session), else None."""
        if self.token_ok(self.bearer(request)):
            return "api"
        session = self.read_session(request.cookies.get(SESSION_COOKIE))
        return session.get("who", "reviewer") if session else None

    def require_writer(self, request: Request) -> str:
        """Raise 403 on a read-only server, 401 without valid credentials; return the author."""
        if self.settings.read_only:
            raise HTTPException(403, "This server is read-only: start it with COMMUNIQUE_TOKEN set "
                                     "to allow writes.")
        who = self.who(request)
        if who is None:
            raise HTTPException(401, "A valid bearer token is required for writes.",
                                headers={"WWW-Authenticate": "Bearer"})
        return who

    # --- CSRF (forms) -------------------------------------------------------------------------
    def new_csrf_cookie(self) -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, cookie_value: str) -> str:
        return _b64(hmac.new(self._csrf_key, cookie_value.encode(), hashlib.sha256).digest())

    def check_csrf(self, request: Request, field_value: str | None) -> None:
        """Raise 403 unless the form's token matches this browser's CSRF cookie and origin."""
        origin = request.headers.get("origin")
        if origin and origin != "null":
            expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
            if origin.rstrip("/") != expected:
                raise HTTPException(403, "Cross-origin form submission refused.")
        elif origin == "null":
            raise HTTPException(403, "Cross-origin form submission refused.")
        cookie = request.cookies.get(CSRF_COOKIE)
        if not cookie or not field_value or not hmac.compare_digest(
                field_value.encode(), self.csrf_token(cookie).encode()):
            raise HTTPException(403, "The form's CSRF token is missing or stale; reload the page "
                                     "and try again.")


def guard(request: Request) -> Guard:
    return request.app.state.guard
