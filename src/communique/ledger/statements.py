"""One extraction → the rows the ledger stores (pure, picklable, runs in a worker process).

A record becomes statements: one per (property, value), list fields one per item, each carrying
the record's span; a record with several spans (people, organisations) repeats its label statement
for each span. A record's as-seen id is a hash of its document, kind and identifying fields
(`rules.yaml: identity`), so re-extracting the same text gives the same ids and judgements keep
pointing at them. Statement ids hash (record, prop, value, document, span, extractor version),
after the document's hash prefix (`statement_id`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from ..models import RECORD_TYPES, Extraction, Record

RULES_PATH = Path(__file__).parent / "rules.yaml"
#: Kinds kept as statements; extraction flags go to the `flags` table instead.
STATEMENT_KINDS = tuple(k for k in RECORD_TYPES if k != "flags")


@lru_cache(maxsize=1)
def rules() -> dict:
    import yaml

    with open(RULES_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def sha(*parts) -> str:
    """sha256 hex of the parts, each preceded by a unit separator (None counts as empty)."""
    text = "\x1f" + "\x1f".join(["" if p is None else str(p) for p in parts]) if parts else ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_ENCODE_STR = json.encoder.encode_basestring  # what the encoder above does with a str


def dumps(value) -> str:
    """Canonical JSON (sorted keys, no spaces). Strings and ints, most statement values, skip the
    encoder's set-up (the same text; ~4x faster, and ingest dumps every value it stores)."""
    if type(value) is str:
        return _ENCODE_STR(value)
    if type(value) is int:
        return str(value)
    return _ENCODE(value)


def statement_id(record: str, prop: str, value: str, document_id: str, start, end, version: str) -> str:
    """64 hex characters: the document's first 8, then the statement's hash. A bare hash scatters a
    document's statements over the whole primary-key index, so each commit rewrote one index page per
    statement; with the document first they sit together (measured: store 1.8 -> 1.4 ms/document
    on 2,000 documents, and the gap grows once the index outgrows SQLite's page cache)."""
    # `sha`'s text, written out: ingest makes one per stored value (~80 a document)
    text = (f"\x1f{record}\x1f{prop}\x1f{value}\x1f{document_id}\x1f{'' if start is None else start}"
            f"\x1f{'' if end is None else end}\x1f{version}")
    return document_id[:8] + hashlib.sha256(text.encode("utf-8")).hexdigest()[:56]


def prefix(kind: str) -> str:
    """A short readable prefix of a kind's ids: meetings → mee, agreements → agr."""
    return kind[:3]


def record_id(document_id: str, kind: str, record: Record, data: dict | None = None) -> str:
    """`data`: the record's `model_dump(mode="json", exclude={"span", "spans"})`, if already made."""
    if data is None:
        data = record.model_dump(mode="json", exclude={"span", "spans"})
    ident = rules()["identity"].get(kind)
    key = {k: data.get(k) for k in ident} if ident else data
    # The document's hash first: a document's records sit together in the id indexes, so storing
    # one document dirties a few index pages instead of one page per record (measured: 2x faster).
    return f"{prefix(kind)}-{document_id[:8]}{sha(document_id, kind, dumps(key))[:16]}"


def spans_of(record: Record) -> list[tuple[int, int] | None]:
    spans = getattr(record, "spans", None)
    if spans:
        return [tuple(s) for s in spans]
    span = getattr(record, "span", None)
    return [tuple(span)] if span else [None]


# A sentence ends at . ! ? … (with closing quotes/brackets) before whitespace, or at a blank line;
# not after a short abbreviation (Mr., No., Jan., U.S.).
_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*\n|\n(?=[-*•#])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct"
                     r"|Nov|Dec"
                     r"|vs|etc|e\.g|i\.e|approx|Gen|Sen|Rep|Gov|Amb|H\.E)|\b[A-Z](?:\.[A-Z])*)\.$")


def sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences start (a cheap rule: pysbd is too slow for the ingest hot path)."""
    starts = [0]
    for m in _END.finditer(text):
        before = text[max(0, m.start() - 8):m.start() + 1]
        if text[m.start()] == "." and _ABBREV.search(before):
            continue
        starts.append(m.end())
    return starts


def sentence_at(text: str, starts: list[int], span: tuple[int, int] | None, limit: int = 1200) -> str | None:
    if span is None or not text:
        return None
    import bisect

    s, e = max(0, span[0]), min(len(text), span[1])
    i = bisect.bisect_right(starts, s) - 1
    j = bisect.bisect_left(starts, max(e, s + 1))
    a = starts[i] if i >= 0 else 0
    b = starts[j] if j < len(starts) else len(text)
    if b - a > limit:  # a run-on "sentence": keep a window around the span
        a, b = max(a, s - limit // 3), min(b, e + limit // 3)
    return text[a:b].strip()


@dataclass
class Rows:
    """Everything one document contributes to the ledger, ready to insert."""

    document: dict
    statements: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)


def to_rows(extraction: Extraction, text: str, extractor_version: str) -> Rows:
    """The document, statement, mention and flag rows of one extraction (no timestamps)."""
    d = extraction.document
    doc_id = d.id
    document = {"id": doc_id, "source": d.source, "title": d.title, "published": d.published,
                "published_inferred": bool(d.published_inferred), "language": d.language, "text": text,
                "extractor_version": extractor_version}
    rows = Rows(document=document)
    starts = sentence_bounds(text)
    seen: set[str] = set()
    labels = rules()["label"]
    fx_sources = None
    for kind, _i, rec in extraction.records():
        if kind == "flags":
            span = tuple(rec.span) if rec.span else (None, None)
            fid = sha("doc", doc_id, rec.kind, rec.message, *span)
            if fid not in seen:
                seen.add(fid)
                rows.flags.append({"id": fid, "kind": rec.kind, "message": rec.message, "source": "doc",
                                   "document_id": doc_id, "span_start": span[0], "span_end": span[1],
                                   "record_ids": None})
            continue
        data = rec.model_dump(mode="json", exclude={"span", "spans"})
        rid = record_id(doc_id, kind, rec, data)
        spans = spans_of(rec)
        if kind == "pledges":
            if fx_sources is None:
                fx_sources = rate_sources()
            data.update(conversion_facts(rec, d.published, fx_sources))
        label = labels.get(kind)
        for n, span in enumerate(spans):
            s0, s1 = span if span else (None, None)
            mid = f"{rid}:{s0}-{s1}"
            if mid not in seen:
                seen.add(mid)
                rows.mentions.append({"id": mid, "kind": kind, "record_id": rid, "canonical_id": rid,
                                      "document_id": doc_id, "span_start": s0, "span_end": s1,
                                      "sentence": sentence_at(text, starts, span)})
            for prop, value in data.items():
                if n > 0 and prop != label:
                    continue
                if value is None or value == [] or value == "":
                    continue
                for v in (value if isinstance(value, list) else [value]):
                    js = dumps(v)
                    sid = statement_id(rid, prop, js, doc_id, s0, s1, extractor_version)
                    if sid in seen:
                        continue
                    seen.add(sid)
                    rows.statements.append({"id": sid, "kind": kind, "record_id": rid, "canonical_id": rid,
                                            "prop": prop, "value": js, "document_id": doc_id,
                                            "span_start": s0, "span_end": s1,
                                            "extractor_version": extractor_version})
    return rows


def extra_fields(kind: str) -> list[str]:
    """Properties the ledger stores beside a record type's own fields (`rules.yaml: extra_fields`)."""
    return list(rules().get("extra_fields", {}).get(kind, []))


def conversion_facts(pledge, published: str | None, sources: tuple | None = None) -> dict:
    """How the pledge's EUR/USD amounts were made (rate date, source, note), when the FX module
    can say; stored as statements so a reader sees which day's rate stands behind a total.
    `sources`: the rate sources (`rate_sources()`), looked up once for a document's pledges."""
    try:
        from ..fx.convert import pledge_conversion
    except ImportError:  # an FX module without it: amounts stay as extracted, without provenance
        return {}
    try:
        conv = pledge_conversion(pledge, published, sources)
    except Exception:  # a rate problem must not lose the pledge
        return {}
    facts = {"fx_rate_date": conv.rate_date, "fx_source": conv.source, "fx_note": conv.note}
    return {k: v for k, v in facts.items() if v}


def rate_sources() -> tuple | None:
    """The FX rate sources (the user's tables among them: a directory listing), or None to let
    each conversion look them up."""
    try:
        from ..fx.rates import _sources
        return _sources()
    except Exception:  # no FX module, or a bad rate table: each conversion says so on its own
        return None


@cache  # asked per merged record; the answer depends on the model only
def list_fields(kind: str) -> frozenset[str]:
    """Fields of a record type that hold lists (their statements are one per item)."""
    import typing

    model = RECORD_TYPES[kind]
    out = set()
    for name, f in model.model_fields.items():
        if name in ("span", "spans"):
            continue
        if typing.get_origin(f.annotation) is list or f.annotation is list:
            out.add(name)
    return frozenset(out)
