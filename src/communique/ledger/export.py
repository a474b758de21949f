"""Exports of the ledger: one file per record kind as JSON lines, CSV or Parquet, and a
FollowTheMoney-style pair of files (entities and statements) for Aleph-like tools.

Columns come from `models.RECORD_TYPES` (so a field added there is exported without a change here),
plus the merged record's id, its counts and dates, its sources (document, date, span, sentence),
and amounts in EUR and USD: a pledge's conversion (filled in at its date, else its first source's,
when the extractor left it empty), and a money figure's value at its period. Rejected records are
left out; dismissed flags too.

The `ftm` format follows FollowTheMoney's schemata without depending on the package: meetings and
events are `Event`, people `Person`, organisations `Organization`, the parties of a partnership
`PublicBody`, agreements `Contract` (with the agreement's stage as `status`), pledges `Payment`
(payer, amount, currency, amountEur, amountUsd, purpose, programme), each source document a
`Document` and each record–document link a `Documentation`. Figures and quotes have no FtM schema
and are only in the other formats. Statements are the ledger's own (one value of one property of
one record as one document states it) with FtM property names, `entity_id` as seen in the document
and `canonical_id` after merging, as in nomenklatura's statement files.
"""

from __future__ import annotations

import csv
import json
import types
import typing
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..errors import CommuniqueError
from ..models import RECORD_TYPES
from . import schema as t
from .statements import dumps, sha

FORMATS = ("jsonl", "csv", "parquet", "ftm")
RECORD_KINDS = tuple(k for k in RECORD_TYPES if k != "flags")
RECORD_EXTRAS = ("label", "n_sources", "n_documents", "first_published", "last_published", "confirmed")
MONEY_EXTRAS = {"pledges": ("fx_rate_date", "fx_source"), "figures": ("value_eur", "value_usd")}
FLAG_COLUMNS = ("id", "kind", "message", "source", "document_id", "document_source", "span_start", "span_end",
                "record_ids")
DATASET = "communique"


class ExportError(CommuniqueError):
    """An export cannot be written (unknown format, output path is a file…)."""


# --- columns and their types ------------------------------------------------------------------

def _field_type(annotation) -> str:
    """int | float | bool | str | list[str] | json: how a field is stored in a flat file."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return _field_type(args[0]) if len(args) == 1 else "json"
    if origin is typing.Literal:
        return "str"
    if origin is list:
        return "list[str]" if args == [str] else "json"
    if origin is tuple:
        return "json"
    return {int: "int", float: "float", bool: "bool", str: "str"}.get(annotation, "json")


def columns(kind: str) -> list[tuple[str, str]]:
    """(name, type) of every column of a kind's file, in order."""
    if kind == "flags":
        return [(c, "int" if c.startswith("span_") else "list[str]" if c == "record_ids" else "str")
                for c in FLAG_COLUMNS] + [("sources", "json")]
    model = RECORD_TYPES[kind]
    cols = [("id", "str")]
    cols += [(f, _field_type(i.annotation)) for f, i in model.model_fields.items()
             if f not in ("span", "spans")]
    cols += [("label", "str"), ("n_sources", "int"), ("n_documents", "int"), ("first_published", "str"),
             ("last_published", "str"), ("confirmed", "bool")]
    cols += [(c, "float" if c.startswith("value_") else "str") for c in MONEY_EXTRAS.get(kind, ())]
    return cols + [("sources", "json")]


# --- rows ---------------------------------------------------------------------------------------

def _sources(ledger) -> dict[str, list[dict]]:
    """Merged record id → its sources (document, source, published, span, sentence), oldest first."""
    m, d = t.mentions.c, t.documents.c
    out: dict[str, list[dict]] = defaultdict(list)
    with ledger.connect() as conn:
        for r in conn.execute(select(m.canonical_id, m.document_id, d.source, d.published, m.span_start,
                                     m.span_end, m.sentence).join(t.documents, d.id == m.document_id)
                              .order_by(m.canonical_id, d.published, m.document_id, m.span_start)):
            out[r.canonical_id].append({"document_id": r.document_id, "source": r.source,
                                        "published": r.published,
                                        "span": None if r.span_start is None else [r.span_start, r.span_end],
                                        "sentence": r.sentence})
    return out


def _convert(amount: float | None, currency: str | None, when: str | None):
    if amount is None or not currency or not when:
        return None
    from ..fx.rates import convert

    try:
        return convert(amount, currency, when)
    except (ValueError, LookupError):
        return None


def _period_end(period: str | None) -> str | None:
    """'2005/2025' → '2025', '2024-01/2024-09' → '2024-09' (a figure converts at its period's end)."""
    if not period:
        return None
    end = period.split("/")[-1].strip()
    return end if end[:4].isdigit() else None


def _money(kind: str, rec: dict) -> None:
    """Fill a pledge's EUR/USD amounts (and say which rate) and a money figure's EUR/USD values."""
    if kind == "pledges":
        conv = _convert(rec.get("amount"), rec.get("currency"), rec.get("date") or rec.get("first_published"))
        if conv is not None:
            if rec.get("amount_eur") is None:
                rec["amount_eur"] = conv.amount_eur
            if rec.get("amount_usd") is None:
                rec["amount_usd"] = conv.amount_usd
            rec["fx_rate_date"], rec["fx_source"] = conv.rate_date, conv.source
    elif kind == "figures":
        unit = rec.get("unit") or ""
        conv = _convert(rec.get("value"), unit, _period_end(rec.get("period"))) \
            if len(unit) == 3 and unit.isupper() else None
        rec["value_eur"] = conv.amount_eur if conv else None
        rec["value_usd"] = conv.amount_usd if conv else None


def iter_rows(ledger, kind: str, sources: dict[str, list[dict]] | None = None) -> Iterator[dict]:
    """Rows of one kind's file: merged, judged records (rejected ones left out), or open flags."""
    from . import query

    if kind == "flags":
        from ..checks.ledger import list_flags

        for f in list_flags(ledger)["items"]:
            yield {**{c: f.get(c) for c in FLAG_COLUMNS}, "sources": f["sources"]}
        return
    sources = _sources(ledger) if sources is None else sources
    names = [c for c, _ in columns(kind)]
    for rec in query.iter_records(ledger, [kind]):
        _money(kind, rec)
        rec["sources"] = sources.get(rec["id"], [])
        yield {c: rec.get(c) for c in names}


def _flat(value: Any, typ: str) -> Any:
    if value is None:
        return None
    if typ == "json":
        return dumps(value)
    return value


# --- writers ------------------------------------------------------------------------------------

def _write_jsonl(path: Path, rows: Iterator[dict]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _write_csv(path: Path, cols: list[tuple[str, str]], rows: Iterator[dict]) -> int:
    """CSV with a header; lists and objects as JSON in their cell, None as an empty cell."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c for c, _ in cols])
        for row in rows:
            w.writerow(["" if row.get(c) is None else
                        dumps(row[c]) if typ in ("json", "list[str]") else row[c] for c, typ in cols])
            n += 1
    return n


def _arrow_type(typ: str):
    import pyarrow as pa

    return {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(),
            "list[str]": pa.list_(pa.string()), "json": pa.string()}[typ]


def _write_parquet(path: Path, cols: list[tuple[str, str]], rows: Iterator[dict]) -> int:
    """Parquet with a schema from the record type (lists of names stay lists; nested values JSON)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(typ)) for c, typ in cols])
    data: dict[str, list] = {c: [] for c, _ in cols}
    n = 0
    for row in rows:
        for c, typ in cols:
            v = _flat(row.get(c), typ)
            if typ == "float" and v is not None:
                v = float(v)
            elif typ == "int" and v is not None:
                v = int(v)
            data[c].append(v)
        n += 1
    pq.write_table(pa.table(data, schema=schema), path)
    return n


def export(ledger, out: str | Path, fmt: str = "jsonl", kinds: list[str] | None = None) -> dict[str, dict]:
    """Write the ledger to `out` (a folder, created if needed) in `fmt`; returns, per file written,
    its path and number of rows. Kinds with no records still get a file (an empty table)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "ftm":
        return export_ftm(ledger, out)
    kinds = list(kinds or [*RECORD_KINDS, "flags"])
    unknown = [k for k in kinds if k not in RECORD_TYPES]
    if unknown:
        raise ExportError(f"unknown record kind {unknown[0]!r}; kinds: {', '.join(RECORD_TYPES)}")
    sources = _sources(ledger)
    written = {}
    for kind in kinds:
        cols = columns(kind)
        rows = iter_rows(ledger, kind, sources)
        path = out / f"{kind}.{fmt}"
        if fmt == "jsonl":
            n = _write_jsonl(path, rows)
        elif fmt == "csv":
            n = _write_csv(path, cols, rows)
        else:
            n = _write_parquet(path, cols, rows)
        written[kind] = {"path": str(path), "rows": n}
    return written


# --- FollowTheMoney-style entities and statements -------------------------------------------------

#: Record kind → (FtM schema, {our field: FtM property}). Kinds not listed have no FtM schema.
FTM_SCHEMATA: dict[str, tuple[str, dict[str, str]]] = {
    "meetings": ("Event", {"body": "name", "date": "startDate", "date_end": "endDate", "place": "location",
                           "topics": "keywords", "format": "notes", "acronym": "alias"}),
    "events": ("Event", {"name": "name", "date": "startDate", "date_end": "endDate", "place": "location"}),
    "people": ("Person", {"name": "name", "role": "position", "affiliation": "notes"}),
    "organizations": ("Organization", {"name": "name", "acronym": "alias", "kind": "classification"}),
    "agreements": ("Contract", {"name": "title", "acronym": "alias", "status": "status",
                                "date": "contractDate"}),
    "pledges": ("Payment", {"amount": "amount", "currency": "currency", "amount_eur": "amountEur",
                            "amount_usd": "amountUsd", "purpose": "purpose", "program": "programme",
                            "date": "date"}),
}


def _ftm_value(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, (dict, list)):
        return dumps(v)
    return str(v)


def _language(code: str | None) -> str | None:
    """'en' → 'eng' (FtM languages are ISO 639-3)."""
    if not code:
        return None
    import pycountry

    lang = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    return getattr(lang, "alpha_3", None)


def _country(code: str | None) -> str | None:
    """A party code (KAZ, EU) → an FtM country code (kz, eu)."""
    if not code:
        return None
    if code == "EU":
        return "eu"
    import pycountry

    c = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return c.alpha_2.lower() if c else None


class _Entities:
    """Entities collected by id; properties are lists of distinct strings, as in FtM."""

    def __init__(self) -> None:
        self.items: dict[str, dict] = {}

    def add(self, eid: str, schema: str, **props) -> str:
        ent = self.items.setdefault(eid, {"id": eid, "schema": schema, "properties": {}})
        for prop, values in props.items():
            for v in values if isinstance(values, list) else [values]:
                s = _ftm_value(v)
                if s is not None and s not in ent["properties"].setdefault(prop, []):
                    ent["properties"][prop].append(s)
        return eid

    def party(self, name: str | None) -> str | None:
        """A side of a partnership (a state or union) as a PublicBody, one entity per party."""
        from .names import party_code, party_name

        if not name:
            return None
        code = party_code(name)
        eid = f"party-{code or sha(name.lower())[:16]}"
        return self.add(eid, "PublicBody", name=party_name(code) if code else name, country=_country(code))


def ftm_entities(ledger) -> Iterator[dict]:
    """FtM-style entities: records of the mapped kinds, parties, people leading delegations, source
    documents and the record–document links (`Documentation`)."""
    from . import query
    from .names import given_compatible, person_parts

    ents = _Entities()
    recs = {kind: query._records(ledger, kind) for kind in FTM_SCHEMATA}
    people = {}
    for p in recs["people"]:
        given, surname = person_parts(p.get("name"))
        people.setdefault(surname, []).append((given, p["id"]))

    def person_id(name: str) -> str:
        given, surname = person_parts(name)
        hits = [pid for g, pid in people.get(surname, []) if given_compatible(given, g)]
        if len(hits) == 1:
            return hits[0]
        return ents.add(f"head-{sha(surname, given[:1])[:24]}", "Person", name=name)

    for kind, (schema, mapping) in FTM_SCHEMATA.items():
        for r in recs[kind]:
            props = {ftm: r.get(ours) for ours, ftm in mapping.items() if r.get(ours) not in (None, [], "")}
            if kind == "meetings":
                props["name"] = r["label"]
                props["involved"] = [ents.party(p) for p in r.get("parties") or []]
                props["involved"] += [person_id(h["name"]) for h in r.get("heads") or [] if h.get("name")]
                props["country"] = [e for e in (_country(_code(p)) for p in r.get("parties") or []) if e]
            elif kind == "agreements":
                props["name"] = r.get("name")
                props["authority"] = [ents.party(p) for p in r.get("parties") or []]
            elif kind == "pledges":
                payer = ents.party(r.get("by")) if _code(r.get("by")) else \
                    (ents.add(f"org-{sha((r.get('by') or '').lower())[:24]}", "Organization", name=r["by"])
                     if r.get("by") else None)
                props["payer"] = payer
                props["summary"] = ("stands ready to provide (hedged)" if r.get("hedged") else "pledged")
                props["date"] = props.get("date") or r.get("first_published")
            elif kind == "people" and r.get("affiliation") and _code(r.get("affiliation")):
                props["country"] = _country(_code(r["affiliation"]))
            ents.add(r["id"], schema, **{k: v for k, v in props.items() if v not in (None, [], "")})
    yield from ents.items.values()

    d, m = t.documents.c, t.mentions.c
    kept = {r["id"] for rs in recs.values() for r in rs}
    with ledger.connect() as conn:
        docs = conn.execute(select(d.id, d.source, d.title, d.published, d.language)).all()
        links = conn.execute(select(m.canonical_id, m.document_id, m.sentence, m.span_start)
                             .order_by(m.canonical_id, m.document_id, m.span_start)).all()
    for doc in docs:
        yield {"id": f"doc-{doc.id}", "schema": "Document",
               "properties": {k: [v] for k, v in (("title", doc.title or doc.source),
                                                  ("fileName", doc.source), ("publishedAt", doc.published),
                                                  ("language", _language(doc.language)),
                                                  ("contentHash", doc.id)) if v}}
    done = set()
    for ln in links:
        key = (ln.canonical_id, ln.document_id)
        if ln.canonical_id not in kept or key in done:
            continue
        done.add(key)
        props = {"document": [f"doc-{ln.document_id}"], "entity": [ln.canonical_id], "role": ["source"]}
        if ln.sentence:
            props["summary"] = [ln.sentence]
        yield {"id": f"src-{sha(*key)[:32]}", "schema": "Documentation", "properties": props}


def _code(name: str | None) -> str | None:
    from .names import party_code

    return party_code(name) if name else None


def ftm_statements(ledger) -> Iterator[dict]:
    """The ledger's statements of the mapped kinds with FtM property names; values as strings,
    `original_value` the JSON the extractor gave; first/last seen from the document's ingest."""
    s, d, r = t.statements.c, t.documents.c, t.records.c
    with ledger.connect() as conn:
        rejected = set(conn.execute(select(r.id).where(r.status == "rejected")).scalars())
        rows = conn.execute(select(s.id, s.kind, s.record_id, s.canonical_id, s.prop, s.value, s.document_id,
                                   s.span_start, s.span_end, s.extractor_version, d.language, d.ingested_at,
                                   d.updated_at)
                            .join(t.documents, d.id == s.document_id)
                            .where(s.kind.in_(list(FTM_SCHEMATA))).order_by(s.canonical_id, s.id))
        for x in rows:
            if x.canonical_id in rejected:
                continue
            schema, mapping = FTM_SCHEMATA[x.kind]
            prop = mapping.get(x.prop)
            if prop is None:
                continue
            value = json.loads(x.value)
            if x.kind == "meetings" and x.prop == "body":
                prop = "name"
            yield {"id": x.id, "entity_id": x.record_id, "canonical_id": x.canonical_id, "prop": prop,
                   "schema": schema, "value": _ftm_value(value), "dataset": DATASET,
                   "lang": _language(x.language), "original_value": x.value,
                   "first_seen": x.ingested_at.isoformat() if x.ingested_at else None,
                   "last_seen": x.updated_at.isoformat() if x.updated_at else None,
                   "document_id": x.document_id,
                   "span": [x.span_start, x.span_end] if x.span_start is not None else None,
                   "extractor_version": x.extractor_version}


def export_ftm(ledger, out: Path) -> dict[str, dict]:
    ents = out / "entities.ftm.jsonl"
    stmts = out / "statements.ftm.jsonl"
    return {"entities": {"path": str(ents), "rows": _write_jsonl(ents, ftm_entities(ledger))},
            "statements": {"path": str(stmts), "rows": _write_jsonl(stmts, ftm_statements(ledger))}}
