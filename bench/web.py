"""Web latency at scale: a ledger of 100,000 synthetic documents, then p95 of the main API and
dashboard requests one at a time, and p99 under 50 concurrent clients on loopback.

The ledger is written in bulk straight into the ledger's tables (documents, statements, mentions,
records, merges, stage history, flags) — running extraction 100,000 times would measure the
extractor, not the web. Records are shaped like the ledger's merged records: a few hundred meetings
of six bodies each reported by hundreds of documents, agreements with stage histories, thousands of
pledges, figures per metric/subject/period with disagreeing sources, people with changing roles;
each document's sighting of a record has its own as-seen id, merged into the canonical record.

The server is `communique serve --workers N` in a subprocess, started afresh (empty response cache)
for each phase and, before a concurrent run, warmed by one request per kind (see `warm`); each
client is a lean asyncio HTTP/1.1 connection with its own cookies (see `Client`), and the client's
own CPU time is printed beside the server's. By default every phase runs twice: with the server's
response cache and without it. Targets: p95 < 50 ms one at a time; p99 < 200 ms and no error with
50 clients.

    python bench/web.py                       # 100,000 documents (built once into bench/out/)
    python bench/web.py --docs 20000 --rebuild
    python bench/web.py --cache on --workers 1
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

BODIES = [
    "Cooperation Council",
    "Cooperation Committee",
    "Trade Sub-Committee",
    "Energy Sub-Committee",
    "Human Rights Dialogue",
    "Intergovernmental Commission",
]
PARTIES = ["European Union", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"]
PLACES = ["Brussels", "Astana", "Almaty", "Luxembourg", "Tashkent", "Bishkek", "Samarkand"]
METRICS = ["bilateral trade", "exports", "imports", "investment", "growth"]
SUBJECTS = [f"{a}-{b}" for a in PARTIES[:1] for b in PARTIES[1:]] + ["EU-Central Asia"]
PROGRAMS = ["Global Gateway", "TEI Water", "Team Europe", None]
STAGES = ["proposed", "negotiating", "initialled", "signed", "ratified", "in force"]
ROLES = [
    "Minister of Foreign Affairs",
    "Deputy Prime Minister",
    "Ambassador",
    "Commissioner",
    "High Representative",
    "Head of Delegation",
]
TOPICS = ["trade", "energy", "transport", "critical raw materials", "human rights", "water", "digital"]
WORDS = [
    "partnership",
    "cooperation",
    "transport",
    "corridor",
    "investment",
    "hydrogen",
    "water",
    "energy",
    "trade",
    "customs",
    "connectivity",
    "education",
    "climate",
    "digital",
    "reform",
    "rule",
    "of",
    "law",
    "visa",
    "border",
    "logistics",
]


#: Bumped when the synthetic ledger's shape changes; part of the default file name, so an old
#: file is never measured as if it were the new shape (2: as-seen ids per document, merge edges; 3: a
#: statement for every field a document states, merges stored by record as `rebuild` writes them).
LEDGER_SHAPE = 3


def sha(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def rid(kind: str, *parts) -> str:
    return f"{kind[:3]}-{sha(kind, *parts)[:24]}"


def seen_id(doc_id: str, kind: str, canonical: str) -> str:
    """The record as seen in one document: like the ledger's `statements.record_id`, one id per
    document (its hash first), merged into `canonical` — so a record reported by 400 documents has
    400 members, as a real ledger's does."""
    return f"{kind[:3]}-{doc_id[:8]}{sha(doc_id, kind, canonical)[:16]}"


def dumps(v) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Builder:
    """Generates the rows of `n` documents deterministically and inserts them in batches."""

    def __init__(self, n: int, seed: int = 7):
        self.n, self.rng = n, random.Random(seed)
        r = self.rng
        self.meetings = [
            {
                "id": rid("meetings", b, k),
                "body": b,
                "number": k,
                "date": f"{2004 + k // 2 + BODIES.index(b) % 3}-{r.randint(1, 12):02d}-"
                f"{r.randint(1, 28):02d}",
                "place": r.choice(PLACES),
                "parties": ["European Union", r.choice(PARTIES[1:])],
                "topics": r.sample(TOPICS, 3),
            }
            for b in BODIES
            for k in range(1, 41)
        ]
        self.agreements = [
            {
                "id": rid("agreements", i),
                "name": f"{r.choice(WORDS).title()} "
                f"{r.choice(['Agreement', 'Memorandum of Understanding', 'Roadmap'])} {i}",
                "parties": ["European Union", r.choice(PARTIES[1:])],
                "stages": sorted(r.sample(range(6), r.randint(1, 4))),
            }
            for i in range(300)
        ]
        self.people = [
            {
                "id": rid("people", i),
                "name": f"{r.choice('ABCDEFGHKLMNRST')}. "
                f"{r.choice(['Nurlan', 'Aida', 'Erik', 'Marta', 'Timur', 'Dana'])}ova{i}",
                "roles": r.sample(ROLES, 2),
                "aff": r.choice(PARTIES),
            }
            for i in range(2000)
        ]
        self.orgs = [
            {
                "id": rid("organizations", i),
                "name": f"{r.choice(WORDS).title()} Agency {i}",
                "acronym": f"A{i}",
            }
            for i in range(500)
        ]
        self.figures = [
            {
                "id": rid("figures", m, s, y),
                "metric": m,
                "subject": s,
                "period": str(y),
                "unit": "percent" if m == "growth" else "EUR",
                "value": round(r.uniform(1, 9), 1) if m == "growth" else r.randint(5, 60) * 1e9,
            }
            for m in METRICS
            for s in SUBJECTS
            for y in range(2005, 2026)
        ]
        self.n_pledges = max(n // 5, 1)
        self.stats = {}

    def document(self, i: int) -> tuple[dict, list, list, list, list]:
        """One document's row, its statements, mentions, stage events and flags."""
        r = random.Random(i * 7919 + 13)
        year = 2005 + i * 21 // max(self.n, 1)
        published = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        m = self.meetings[r.randrange(len(self.meetings))]
        ppl = [self.people[r.randrange(len(self.people))] for _ in range(2)]
        fig = self.figures[r.randrange(len(self.figures))]
        agr = self.agreements[r.randrange(len(self.agreements))] if r.random() < 0.5 else None
        org = self.orgs[r.randrange(len(self.orgs))]
        value = fig["value"] if r.random() < 0.9 else fig["value"] * 1.1  # some sources disagree
        sentences, marks = [], []

        def add(sentence: str, kind: str | None = None, rec: dict | None = None, words: str | None = None):
            start = sum(len(s) + 1 for s in sentences)
            if kind and words:
                a = start + sentence.index(words)
                marks.append((kind, rec, a, a + len(words), sentence))
            sentences.append(sentence)

        title = f"{m['body']}: {m['number']}th meeting in {m['place']}"
        add(title)
        add(
            f"{m['place']}, {published}. The {m['number']}th meeting of the {m['body']} took place today.",
            "meetings",
            m,
            f"{m['number']}th meeting of the {m['body']}",
        )
        add(
            f"It was chaired by {ppl[0]['name']}, {ppl[0]['roles'][i % 2]}, and {ppl[1]['name']}.",
            "people",
            ppl[0],
            ppl[0]["name"],
        )
        add(f"{ppl[1]['name']} spoke for {ppl[1]['aff']}.", "people", ppl[1], ppl[1]["name"])
        shown = f"{value / 1e9:.1f} billion" if fig["unit"] == "EUR" else f"{value}%"
        add(
            f"The sides noted that {fig['metric']} reached {shown} in {fig['period']}.", "figures", fig, shown
        )
        add(
            f"Representatives of the {org['name']} ({org['acronym']}) attended.",
            "organizations",
            org,
            org["name"],
        )
        if agr:
            stage = STAGES[agr["stages"][i % len(agr["stages"])]]
            add(f"The {agr['name']} was reported as {stage}.", "agreements", agr, agr["name"])
        if i % 5 == 0:
            p = self.pledge(i // 5)
            add(
                f"The {p['by']} pledged EUR {p['amount'] / 1e6:.0f} million for {p['purpose']}.",
                "pledges",
                p,
                f"EUR {p['amount'] / 1e6:.0f} million",
            )
        add(" ".join(r.choice(WORDS) for _ in range(40)).capitalize() + ".")
        text = "\n".join(sentences)
        doc_id = sha("doc", i)
        doc = {
            "id": doc_id,
            "source": f"synthetic/{i:06d}.txt",
            "title": title,
            "published": published,
            "published_inferred": False,
            "language": "en",
            "text": text,
            "extractor_version": "bench",
        }
        stmts, ments, stages, flags = [], [], [], []
        for kind, rec, a, b, sentence in marks:
            seen = seen_id(doc_id, kind, rec["id"])
            ments.append(
                {
                    "id": sha("m", doc_id, seen, a),
                    "kind": kind,
                    "record_id": seen,
                    "canonical_id": rec["id"],
                    "document_id": doc_id,
                    "span_start": a,
                    "span_end": b,
                    "sentence": sentence,
                }
            )
            # every field the record has as this document states it, a statement per list item,
            # as the ledger's ingest (`statements.to_rows`) writes them
            data = self.data(kind, rec)
            if kind == "people":
                data["role"] = rec["roles"][i % 2]
            elif kind == "figures":
                data["value"] = value
            elif kind == "agreements":
                data["status"] = STAGES[rec["stages"][i % len(rec["stages"])]]
            props = [
                (prop, v)
                for prop, val in data.items()
                if val not in (None, [], "")
                for v in (val if isinstance(val, list) else [val])
            ]
            for prop, v in props:
                stmts.append(
                    {
                        "id": sha("s", seen, prop, dumps(v), doc_id, a),
                        "kind": kind,
                        "record_id": seen,
                        "canonical_id": rec["id"],
                        "prop": prop,
                        "value": dumps(v),
                        "document_id": doc_id,
                        "span_start": a,
                        "span_end": b,
                        "extractor_version": "bench",
                    }
                )
            if kind == "agreements":
                st = STAGES[rec["stages"][i % len(rec["stages"])]]
                stages.append(
                    {
                        "id": sha("h", rec["id"], doc_id),
                        "agreement_id": rec["id"],
                        "record_id": seen,
                        "stage": st,
                        "date": published,
                        "published": published,
                        "document_id": doc_id,
                        "span_start": a,
                        "span_end": b,
                        "statement_id": None,
                        "regression": False,
                    }
                )
        if value != fig["value"]:
            flags.append(
                {
                    "id": sha("f", doc_id),
                    "kind": "sources disagree",
                    "source": "doc",
                    "message": f"{fig['metric']} {fig['period']}: {value} here, {fig['value']} elsewhere",
                    "document_id": doc_id,
                    "span_start": None,
                    "span_end": None,
                    "record_ids": dumps([fig["id"]]),
                }
            )
        return doc, stmts, ments, stages, flags

    def pledge(self, k: int) -> dict:
        r = random.Random(k * 31 + 5)
        return {
            "id": rid("pledges", k),
            "by": r.choice(["European Union", "European Investment Bank", "EBRD", "Kazakhstan"]),
            "amount": r.randint(1, 500) * 1e6,
            "program": r.choice(PROGRAMS),
            "purpose": r.choice(TOPICS),
            "date": f"{2010 + k % 16}-{1 + k % 12:02d}-15",
            "hedged": k % 3 == 0,
        }

    def data(self, kind: str, r: dict) -> dict:
        """The merged record's fields (those of `models.RECORD_TYPES`)."""
        if kind == "meetings":
            return {
                "body": r["body"],
                "number": r["number"],
                "date": r["date"],
                "place": r["place"],
                "parties": r["parties"],
                "topics": r["topics"],
                "format": "in-person",
                "acronym": None,
                "date_end": None,
                "heads": [
                    {"name": "A. Nurlanova", "role": "Minister", "side": r["parties"][1]},
                    {"name": "K. Kallas", "role": "High Representative", "side": "European Union"},
                ],
            }
        if kind == "agreements":
            return {"name": r["name"], "acronym": None, "parties": r["parties"],
                    "status": STAGES[r["stages"][-1]], "date": None}
        if kind == "people":
            return {"name": r["name"], "role": r["roles"][0], "affiliation": r["aff"]}
        if kind == "organizations":
            return {"name": r["name"], "acronym": r["acronym"], "kind": None}
        if kind == "figures":
            return {"metric": r["metric"], "value": r["value"], "value_max": None, "unit": r["unit"],
                    "period": r["period"], "qualifier": "exact", "subject": r["subject"]}
        return {"by": r["by"], "amount": r["amount"], "currency": "EUR", "amount_eur": r["amount"],
                "amount_usd": r["amount"] * 1.1, "amount_usd_stated": None, "purpose": r["purpose"],
                "program": r["program"], "hedged": r["hedged"], "date": r["date"]}

    def records(self, seen: dict[str, dict]) -> list[dict]:
        """The merged records with their counts (from what the documents mentioned)."""
        from communique.ledger.keys import search_key, sort_date

        out = []
        now = datetime.now(UTC)

        def rec(kind, id_, label, data):
            s = seen.get(id_)
            if not s:
                return
            out.append(
                {
                    "id": id_,
                    "kind": kind,
                    "label": label,
                    "data": dumps(data),
                    "search": search_key(kind, data),  # what the ledger's rebuild writes
                    "sort_date": sort_date(kind, data, s["last"]),
                    "n_members": s["n"],
                    "n_sources": s["n"],
                    "n_documents": s["n"],
                    "first_published": s["first"],
                    "last_published": s["last"],
                    "status": "active",
                    "confirmed": False,
                    "updated_at": now,
                }
            )

        for m in self.meetings:
            rec("meetings", m["id"], f"{m['number']}th {m['body']}", self.data("meetings", m))
        for a in self.agreements:
            rec("agreements", a["id"], a["name"], self.data("agreements", a))
        for p in self.people:
            rec("people", p["id"], p["name"], self.data("people", p))
        for o in self.orgs:
            rec("organizations", o["id"], o["name"], self.data("organizations", o))
        for f in self.figures:
            rec("figures", f["id"], f"{f['metric']} {f['period']}", self.data("figures", f))
        for k in range(self.n_pledges):
            p = self.pledge(k)
            rec("pledges", p["id"], f"{p['by']}: EUR {p['amount']:,.0f}", self.data("pledges", p))
        return out


def build(url: str, n: int) -> None:
    from sqlalchemy import insert, text

    from communique.ledger import schema as t
    from communique.ledger.store import open_ledger

    started = time.perf_counter()
    ledger = open_ledger(url)
    b = Builder(n)
    seen: dict[str, dict] = {}
    now = datetime.now(UTC)
    batch = {"documents": [], "statements": [], "mentions": [], "stage_history": [], "flags": []}
    edges: list[tuple[str, str, str, str]] = []  # (canonical, kind, a, b): stored by record at the end

    def flush(conn):
        for name, rows in batch.items():
            if rows:
                conn.execute(insert(getattr(t, name)), rows)
                rows.clear()

    with ledger.engine.begin() as conn:
        if ledger.dialect == "sqlite":
            conn.execute(text("PRAGMA synchronous=OFF"))
        for i in range(n):
            doc, stmts, ments, stages, flags = b.document(i)
            batch["documents"].append({**doc, "ingested_at": now, "updated_at": now})
            batch["statements"] += stmts
            batch["mentions"] += ments
            batch["stage_history"] += stages
            batch["flags"] += [{**f, "created_at": now} for f in flags]
            for m in ments:
                s = seen.setdefault(
                    m["canonical_id"],
                    {"n": 0, "first": doc["published"], "last": doc["published"], "member": None},
                )
                if s["member"] and s["member"] != m["record_id"]:  # members chained by merge edges
                    edges.append((m["canonical_id"], m["kind"], s["member"], m["record_id"]))
                s["member"] = m["record_id"]
                s["n"] += 1
                s["first"] = min(s["first"], doc["published"])
                s["last"] = max(s["last"], doc["published"])
            if len(batch["documents"]) >= 2000:
                flush(conn)
                print(f"\r  {i + 1:,} documents", end="", file=sys.stderr, flush=True)
        flush(conn)
        conn.execute(insert(t.records), b.records(seen))
        edges.sort()  # `rebuild` writes a record's merges together
        for k in range(0, len(edges), 20000):
            conn.execute(
                insert(t.merges),
                [
                    {"id": sha("merge", kind, a, b_), "kind": kind, "canonical_id": cid, "record_a": a,
                     "record_b": b_, "score": 1.0, "rule": "same identity", "decided_by": "auto",
                     "judgement_id": None}
                    for cid, kind, a, b_ in edges[k : k + 20000]
                ],
            )
    print(f"\r  {n:,} documents written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    ledger.close()
    from communique.ledger.web_queries import open_web_ledger

    t0 = time.perf_counter()
    open_web_ledger(url).close()  # search index and web indexes
    with ledger.engine.begin() as conn:
        if ledger.dialect == "sqlite":
            conn.execute(text("ANALYZE"))
    print(f"  search index and indexes in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def doc_count(url: str) -> int:
    from sqlalchemy import create_engine, text

    try:
        with create_engine(url).connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:
        return -1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], p: float) -> float:
    xs = sorted(values)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


class Client:
    """One browser on one keep-alive connection: HTTP/1.1 GETs over asyncio streams, its own
    cookies (so each simulated person has its own CSRF cookie, as real browsers do).

    Hand-written rather than httpx because the client shares the machine's two cores with the
    server: httpx spends ~1 ms of CPU per request, this a few tens of microseconds, so the
    latencies measured are the server's, not the client's."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None
        self.cookies: dict[str, str] = {}

    async def get(self, path: str) -> tuple[int, bytes]:
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            head = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: */*\r\n"
            self.writer.write((head + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n").encode())
            try:
                return await self._read()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()  # the server closed an idle keep-alive connection: retry once, anew
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def _read(self) -> tuple[int, bytes]:
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length, chunked, close = 0, False, False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "connection" and value.lower() == "close":
                close = True
            elif name == "set-cookie":
                k, _, v = value.split(";", 1)[0].partition("=")
                self.cookies[k.strip()] = v.strip()
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            body = await self.reader.readexactly(length) if length else b""
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def targets(base: str) -> dict[str, list[str]]:
    """Per request kind, a list of concrete URLs (detail requests rotate over many records)."""
    from urllib.parse import quote

    import httpx

    with httpx.Client(base_url=base, timeout=60) as c:
        ids = {
            k: [x["id"] for x in c.get(f"/api/{k}", params={"limit": 200}).json()["items"]]
            for k in ("meetings", "agreements", "pledges", "figures", "people")
        }
        docs = [x["id"] for x in c.get("/api/documents", params={"limit": 200}).json()["items"]]
        bodies = [x["body"] for x in c.get("/api/bodies").json()]
    return {
        "GET /api/meetings": ["/api/meetings?limit=50"],
        "GET /api/meetings?party": ["/api/meetings?party=Kazakhstan&limit=50"],
        "GET /api/agreements?stage": ["/api/agreements?stage=signed&limit=50"],
        "GET /api/pledges": ["/api/pledges?limit=50&offset=100"],
        "GET /api/figures?metric": ["/api/figures?metric=exports&limit=50"],
        "GET /api/documents": ["/api/documents?limit=50"],
        "GET /api/documents/search": ["/api/documents/search?q=hydrogen%20corridor&limit=20"],
        "GET /api/flags?open": ["/api/flags?open=true&limit=50"],
        "GET /api/pledges/totals": ["/api/pledges/totals?by=program"],
        "GET /api/meetings/{id}": [f"/api/meetings/{i}" for i in ids["meetings"]],
        "GET /api/agreements/{id}": [f"/api/agreements/{i}" for i in ids["agreements"]],
        "GET /api/people/{id}": [f"/api/people/{i}" for i in ids["people"]],
        "GET /api/documents/{id}": [f"/api/documents/{i}" for i in docs],
        "GET /api/bodies/{b}/series": [f"/api/bodies/{quote(b)}/series" for b in bodies],
        "page /": ["/"],
        "page /timeline": ["/timeline"],
        "page /meetings/{id}": [f"/meetings/{i}" for i in ids["meetings"]],
        "page /agreements": ["/agreements"],
        "page /pledges": ["/pledges"],
        "page /figures": ["/figures?metric=bilateral%20trade"],
        "page /documents/{id}": [f"/documents/{i}" for i in docs],
        "page /documents?q": ["/documents?q=transport"],
        "page /review": ["/review"],
        "page /flags": ["/flags?open=true"],
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children's processes (Linux /proc: uvicorn's
    workers are children of the `serve` process), 0 elsewhere. A latency measured on a busy
    machine includes waiting for a core; the server's CPU per request does not."""
    total = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def loadavg() -> str:
    return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else "?"


async def sequential(host: str, port: int, urls: dict[str, list[str]], n: int, pid: int) -> dict[str, tuple]:
    """Per request kind: p50, p95 (ms) and the server's CPU ms per request, one request at a time."""
    out = {}
    c = Client(host, port)
    try:
        for name, pool in urls.items():
            for u in pool[:3]:
                await c.get(u)  # warm
            cpu0 = cpu_seconds(pid)
            times = []
            for k in range(n):
                u = pool[k % len(pool)]
                t0 = time.perf_counter()
                status, body = await c.get(u)
                times.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    raise SystemExit(f"{u}: HTTP {status} {body[:200]!r}")
            out[name] = (pct(times, 50), pct(times, 95), (cpu_seconds(pid) - cpu0) * 1000 / n)
    finally:
        c.close()
    return out


async def warm(host: str, port: int, urls: dict[str, list[str]], workers: int) -> None:
    """A started server, as it is a minute later: each process has compiled its templates and
    queries, and answered each kind once (its first URL: the lists and the overview are then in
    the cache, as anyone's first visit leaves them; the other detail ids are not)."""
    clients = [Client(host, port) for _ in range(4 * workers)]  # connections spread over workers
    try:
        for c in clients:
            for pool in urls.values():
                await c.get(pool[0])
    finally:
        for c in clients:
            c.close()


async def concurrent(
    host: str, port: int, urls: dict[str, list[str]], clients: int, per_client: int, limit_s: float,
    pid: int, think: float = 0.0,
) -> dict:
    """`clients` browsers on loopback, each on its own connection with its own cookies, sending
    `per_client` requests (bounded by `limit_s`) drawn from every URL of every kind (all the
    detail ids, not a few): back to back (`think` = 0: the server never rests) or pausing about
    `think` s between requests as a person reading a page would."""
    flat = [u for pool in urls.values() for u in pool]
    kinds = list(urls)
    # The kinds' mix of earlier runs (a URL drawn from each kind's first 20, so a detail kind was
    # up to 20 times as frequent as one list), but the detail drawn from all of the kind's ids:
    # more distinct URLs, so fewer answers a cache can reuse.
    weights = [min(len(urls[k]), 20) for k in kinds]
    times: list[float] = []
    per_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    deadline = time.perf_counter() + limit_s

    async def client(k: int) -> None:
        rng = random.Random(k)
        c = Client(host, port)
        try:
            if think:  # people do not all click in the same millisecond: arrivals spread over a pause
                await asyncio.sleep(rng.uniform(0, think))
            for _ in range(per_client):
                if time.perf_counter() > deadline:
                    return
                kind = rng.choices(kinds, weights)[0]
                u = rng.choice(urls[kind])
                t0 = time.perf_counter()
                try:
                    status, _ = await asyncio.wait_for(c.get(u), 30)
                    if status != 200:
                        errors.append(f"{u}: {status}")
                except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                    errors.append(f"{u}: {type(exc).__name__}")
                    c.close()
                times.append((time.perf_counter() - t0) * 1000)
                per_kind.setdefault(kind, []).append(times[-1])
                if think:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
        finally:
            c.close()

    cpu0, mine0, load0 = cpu_seconds(pid), time.process_time(), loadavg()
    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    return {
        "requests": len(times),
        "urls": len(flat),
        "errors": errors,
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "p99": pct(times, 99),
        "seconds": wall,
        "rps": len(times) / wall if wall else 0,
        "server_cpu": cpu_seconds(pid) - cpu0,
        "client_cpu": time.process_time() - mine0,
        "load": f"{load0} -> {loadavg()}",
        "kinds": {k: (len(v), pct(v, 50), pct(v, 99)) for k, v in per_kind.items()},
    }


class Server:
    """`communique serve` in a subprocess, started afresh (empty cache) for each phase."""

    def __init__(self, url: str, workers: int, cache_mb: float):
        self.url, self.workers, self.cache_mb = url, workers, cache_mb
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        import httpx

        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COMMUNIQUE_CACHE_MB": str(self.cache_mb)}
        env.pop("COMMUNIQUE_TOKEN", None)
        cmd = [sys.executable, "-m", "communique", "serve", "--db", self.url, "--port", str(self.port),
               "--workers", str(self.workers)]
        self.log = tempfile.TemporaryFile("w+")  # not a pipe: a full pipe would stall the server
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=self.log, text=True)
        for _ in range(1200):
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/api/stats", timeout=5)
                break
            except httpx.HTTPError:
                if self.proc.poll() is not None:
                    self.log.seek(0)
                    raise SystemExit(f"server exited: {self.log.read()}") from None
                time.sleep(0.1)
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.seek(0)
        errors = [line for line in self.log.read().splitlines() if "Traceback" in line or "ERROR" in line]
        if errors:
            print(f"server log: {len(errors)} error lines, first: {errors[0]}")
        self.log.close()


def measure(url: str, args, cache_mb: float) -> bool:
    """Every phase against a freshly started server; prints the tables; True when targets are met."""
    label = f"response cache {cache_mb:g} MB" if cache_mb else "response cache off"
    with Server(url, args.workers, cache_mb) as srv:
        urls = targets(f"http://127.0.0.1:{srv.port}")
    with Server(url, args.workers, cache_mb) as srv:
        load0 = loadavg()
        seq = asyncio.run(sequential("127.0.0.1", srv.port, urls, args.requests, srv.proc.pid))
    print(
        f"\n== {label}, {args.workers} worker(s): one client, {args.requests} requests per kind "
        f"(fresh server); load average {load0} -> {loadavg()} on {os.cpu_count()} CPUs"
    )
    print(f"{'request':32} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms':>14}")
    worst = 0.0
    for name, (p50, p95, cpu) in seq.items():
        worst = max(worst, p95)
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {cpu:14.1f}{'' if p95 < 50 else '  > 50 ms'}")
    runs = []
    for think in (0.0, args.think):
        with Server(url, args.workers, cache_mb) as srv:
            asyncio.run(warm("127.0.0.1", srv.port, urls, args.workers))
            conc = asyncio.run(
                concurrent("127.0.0.1", srv.port, urls, args.clients, args.per_client, args.time_limit,
                           srv.proc.pid, think)
            )
        runs.append(conc)
        how = "back to back" if not think else f"pausing ~{think:g} s between requests"
        print(
            f"\n{args.clients} concurrent clients, {how} (fresh server warmed by one request per kind, "
            f"{conc['urls']} URLs): "
            f"{conc['requests']} requests in {conc['seconds']:.1f} s ({conc['rps']:.0f}/s), "
            f"p50 {conc['p50']:.0f} ms, p95 {conc['p95']:.0f} ms, p99 {conc['p99']:.0f} ms, "
            f"errors {len(conc['errors'])}; CPU s: server {conc['server_cpu']:.1f}, "
            f"client {conc['client_cpu']:.1f}; load average {conc['load']}"
        )
        if conc["errors"]:
            print("errors:", conc["errors"][:5])
        print("  per kind (requests, p50, p99 ms): " + "; ".join(
            f"{k} {n} {p50:.0f}/{p99:.0f}" for k, (n, p50, p99) in sorted(conc["kinds"].items())))
    print(f"\n[{label}] target p95 < 50 ms one at a time: {'yes' if worst < 50 else 'NO'} "
          f"(worst {worst:.1f} ms)")
    for conc, how in zip(runs, ("back to back", "with pauses"), strict=True):
        met = conc["p99"] < 200 and not conc["errors"]
        print(f"[{label}] target p99 < 200 ms, no error, {args.clients} clients {how}: "
              f"{'yes' if met else 'NO'}")
    return worst < 50 and all(c["p99"] < 200 and not c["errors"] for c in runs)


def main() -> int:
    import signal

    # a terminated run still stops its server (Server.__exit__ runs on SystemExit)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="SQLAlchemy URL (default: bench/out/web-<docs>-v<shape>.db)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--requests", type=int, default=60, help="sequential requests per endpoint")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--per-client", type=int, default=20)
    ap.add_argument("--time-limit", type=float, default=90.0)
    ap.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="seconds a client pauses between requests in the second concurrent run",
    )
    ap.add_argument("--workers", type=int, default=2, help="server worker processes")
    ap.add_argument("--cache", choices=("on", "off", "both"), default="both",
                    help="the server's response cache: measure with it, without it, or both")
    ap.add_argument("--cache-mb", type=float, default=64)
    args = ap.parse_args()

    url = args.db or f"sqlite:///{ROOT / 'bench' / 'out' / f'web-{args.docs}-v{LEDGER_SHAPE}.db'}"
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        if args.rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(url[len("sqlite:///") :] + suffix).unlink(missing_ok=True)
    if doc_count(url) != args.docs:
        print(f"building a ledger of {args.docs:,} synthetic documents at {url}", file=sys.stderr)
        build(url, args.docs)
    print(f"ledger: {args.docs:,} documents ({url.split('/')[-1]})")
    sizes = {"on": [args.cache_mb], "off": [0], "both": [args.cache_mb, 0]}[args.cache]
    met = [measure(url, args, mb) for mb in sizes]
    return 0 if met[0] else 1


if __name__ == "__main__":
    sys.exit(main())
