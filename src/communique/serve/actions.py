"""The web app's writes: upload → extract → store, judgements, flag dismissal, and rebuilds.

Each write goes through the ledger's own write path (`Ledger.store_extraction`, `Ledger.judge`), so
the web cannot store anything the CLI would not. Writes from this process are serialised by one
lock (SQLite has one writer anyway). Records are rebuilt after a write in a background task: the
reviewer's click returns at once, and several clicks in a row share one rebuild.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import Counter
from pathlib import PurePosixPath, PureWindowsPath

from fastapi import HTTPException

from ..ledger import web_queries as wq
from .settings import UPLOAD_TYPES

_SAFE_NAME = re.compile(r"[^\w.\- ]+")
_locks: dict[int, tuple[threading.Lock, threading.Lock, list[bool]]] = {}
_locks_guard = threading.Lock()


def _state(app):
    """(write lock, rebuild lock, [rebuild pending]) of one app."""
    with _locks_guard:
        return _locks.setdefault(id(app), (threading.Lock(), threading.Lock(), [False]))


def safe_filename(name: str) -> str:
    """The last path component of a client-given name, reduced to harmless characters."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = _SAFE_NAME.sub("_", base).strip(" .")[:120]
    return base or "upload"


def ingest_upload(app, raw: bytes, filename: str, content_type: str, published: str | None) -> dict:
    """Check size and type, read, extract and store one uploaded document; 4xx on bad input."""
    from ..errors import InputError
    from ..pipeline import extract_document
    from ..read.files import KINDS, read_raw

    settings = app.state.settings
    if len(raw) > settings.max_upload_bytes:
        raise HTTPException(413, f"The file is larger than the limit of "
                                 f"{settings.max_upload_bytes // 1024 // 1024} MB.")
    name = safe_filename(filename)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_TYPES:
        raise HTTPException(415, f"{name}: unsupported file type {suffix or '(none)'}; upload one of "
                                 f"{', '.join(sorted(UPLOAD_TYPES))}.")
    media = content_type.split(";")[0].strip().lower()
    if media and media != "application/octet-stream" and media not in UPLOAD_TYPES[suffix]:
        raise HTTPException(415, f"{name}: content type {media} does not match a {suffix} file.")
    if suffix == ".pdf" and not raw.lstrip()[:5] == b"%PDF-":
        raise HTTPException(415, f"{name}: not a PDF (no %PDF- header).")
    if suffix != ".pdf" and b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise HTTPException(415, f"{name}: binary content in a {suffix} file.")
    try:
        doc = read_raw(raw, name, KINDS[suffix])
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    web: wq.WebLedger = app.state.ledger
    known = web.ledger.known_documents() if web.ledger is not None else {}
    from .. import EXTRACTOR_VERSION

    if known.get(doc.id) == EXTRACTOR_VERSION:
        return {"id": doc.id, "status": "unchanged", "source": name, "counts": {}}
    extractor = settings.extractor or extract_document
    try:
        ex = extractor(doc, published=published)
    except Exception as exc:  # one document the pipeline cannot handle: say so, store nothing
        raise HTTPException(422, f"{name}: extraction failed ({type(exc).__name__}: {exc})") from None
    lock, _, _ = _state(app)
    with lock, _busy_as_503():
        status = web.ledger.store_extraction(doc, ex)
    web.invalidate()
    counts = Counter(kind for kind, _i, _r in ex.records())
    return {"id": doc.id, "status": status, "source": name, "counts": dict(counts)}


def _record_kind(web: wq.WebLedger, target_id: str, target_type: str) -> str | None:
    from sqlalchemy import select

    from ..ledger import schema as s

    with web.engine.connect() as conn:
        if target_type == "statement":
            return conn.execute(select(s.statements.c.kind).where(s.statements.c.id == target_id)).scalar()
        kind = conn.execute(select(s.records.c.kind).where(s.records.c.id == target_id)).scalar()
        if kind is None:  # an as-seen id merged into another record is a valid target too
            kind = conn.execute(select(s.statements.c.kind).where(s.statements.c.record_id == target_id)
                                .limit(1)).scalar()
        return kind


def judge(app, body, author: str) -> dict:
    """Confirm / correct / reject one record or statement (404 if absent, 422 if incomplete)."""
    from ..models import RECORD_TYPES

    web: wq.WebLedger = app.state.ledger
    kind = _record_kind(web, body.target_id, body.target_type)
    if kind is None:
        raise HTTPException(404, f"No {body.target_type} with id {body.target_id!r}.")
    if body.kind == "correct":
        fields = set(RECORD_TYPES[kind].model_fields) - {"span", "spans"} if kind in RECORD_TYPES else set()
        if body.target_type == "record" and body.prop not in fields:
            raise HTTPException(422, f"A correction needs `prop`, one of: {', '.join(sorted(fields))}.")
        if body.value is None or body.value == "":
            raise HTTPException(422, "A correction needs the corrected `value`.")
    jid = _write_judgement(app, body.kind, body.target_id, body.target_type, author,
                           prop=body.prop if body.kind == "correct" else None,
                           value=body.value if body.kind == "correct" else None, reason=body.reason)
    return {"judgement_id": jid, "target_id": body.target_id, "kind": body.kind}


def dismiss_flag(app, flag_id: str, author: str, reason: str | None) -> dict:
    web: wq.WebLedger = app.state.ledger
    if wq.get_flag(web, flag_id) is None:
        raise HTTPException(404, f"No flag with id {flag_id!r}.")
    jid = _write_judgement(app, "dismiss", flag_id, "flag", author, reason=reason)
    return {"judgement_id": jid, "target_id": flag_id, "kind": "dismiss"}


def _write_judgement(app, kind: str, target_id: str, target_type: str, author: str,
                     prop: str | None = None, value=None, reason: str | None = None) -> int:
    """Write through the ledger's review module (it keeps the anchors that re-point a judgement
    after re-extraction), without its synchronous rebuild: `rebuild_soon` runs after the response."""
    web: wq.WebLedger = app.state.ledger
    lock, _, _ = _state(app)
    web.invalidate()
    try:
        from ..ledger import review as rv
    except ImportError:  # pragma: no cover - a ledger without the review module
        rv = None
    with lock, _busy_as_503():
        if rv is not None and web.ledger is not None and target_type in ("record", "flag"):
            try:
                with web.ledger.connect() as conn:
                    if target_type == "flag":
                        tid = rv.resolve_flag(conn, target_id)
                    else:
                        tid, _cid, record_kind = rv.resolve_record(conn, target_id)
                if kind == "correct":
                    value = rv.parse_value(record_kind, prop, value)
                return rv._write(web.ledger, kind, tid, target_type=target_type, prop=prop, value=value,
                                 author=author, reason=reason, rebuild=False)
            except rv.ReviewError as exc:
                raise HTTPException(422, str(exc)) from None
        if web.ledger is not None and hasattr(web.ledger, "judge"):
            try:
                return web.ledger.judge(kind, target_id, target_type=target_type, prop=prop, value=value,
                                        author=author, reason=reason, rebuild=False)
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from None
        return wq.record_judgement(web, kind, target_type, target_id, author, prop=prop, value=value,
                                   reason=reason)


@contextlib.contextmanager
def _busy_as_503():
    """A write that times out behind another writer (a rebuild, an ingest) is a 503 to retry,
    not a server error."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
            raise
        raise HTTPException(503, "The ledger is busy (a rebuild or an ingest is writing); try again "
                                 "in a moment.", headers={"Retry-After": "5"}) from None


def rebuild_soon(app) -> None:
    """Rebuild the ledger's derived records after writes; concurrent calls collapse into one."""
    web: wq.WebLedger = app.state.ledger
    if web.ledger is None or not hasattr(web.ledger, "rebuild"):
        return
    _lock, rebuild_lock, pending = _state(app)
    pending[0] = True
    if not rebuild_lock.acquire(blocking=False):
        return  # the running rebuild will see `pending` and go again
    try:
        while pending[0]:
            pending[0] = False
            # not under the write lock: a click during a long rebuild waits on the database only
            # (and gets a 503 after busy_timeout), never on this process
            web.ledger.rebuild()
            web.invalidate()
    finally:
        rebuild_lock.release()
