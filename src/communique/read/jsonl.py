"""JSON Lines feeds: one document per line, so communique fits into existing news pipelines.

Each line is an object with `text` or `html` and optionally `id`, `source` or `url`, `title` and
`published` (ISO date or date-time; only the date is kept). A bad line becomes an `InputError`
named `FILE:LINE`; the lines after it are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from ..errors import InputError
from . import Document, make_document

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


def iter_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[Document | InputError]:
    """Yield a Document per non-blank line of a feed, or the InputError of a bad line."""
    seen = False
    for lineno, line in enumerate(lines, start=1):
        where = f"{name}:{lineno}"
        try:
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    problem = f"line is not UTF-8 (invalid byte at column {exc.start + 1})"
                    raise InputError(where, problem) from None
            if not line.strip():
                continue
            seen = True
            yield document_from_record(_parse(line, where), where)
        except InputError as exc:
            seen = True
            yield exc
    if not seen:
        yield InputError(name, "feed is empty (no JSON lines)")


def _parse(line: str, where: str) -> dict:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        raise InputError(where, f"not valid JSON ({msg})") from None
    if not isinstance(obj, dict):
        raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    return obj


def document_from_record(obj: dict, where: str) -> Document:
    """One feed record → Document; `where` (FILE:LINE) is the source when the record names none."""
    text, html = obj.get("text"), obj.get("html")
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(where, f'"{key}" must be a string')
    if not (text or "").strip() and not (html or "").strip():
        raise InputError(where, 'has no "text" or "html" (or it is empty)')
    fields = {}
    for key in ("id", "source", "url", "title", "published"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(where, f'"{key}" must be a string')
        fields[key] = str(value).strip() if value is not None else None
    source = fields["source"] or fields["url"] or where
    published = _published(fields["published"], where)
    meta = {"feed_line": where}
    if fields["id"]:
        meta["id"] = fields["id"]
    if (text or "").strip():
        return make_document(text, source=source, title=fields["title"], published=published, meta=meta)
    from .html import read_html

    doc = read_html(html, source)
    doc.title = fields["title"] or doc.title
    doc.published = published or doc.published
    doc.meta.update(meta)
    return doc


def _published(value: str | None, where: str) -> str | None:
    if not value:
        return None
    m = _PUBLISHED.match(value)
    if not m or not _real_date(*m.groups()):
        raise InputError(where, f'"published" must be an ISO date (YYYY-MM-DD), not {value[:40]!r}')
    return "-".join(g for g in m.groups() if g)


def _real_date(year: str, month: str | None, day: str | None) -> bool:
    import datetime

    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True
