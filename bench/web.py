"""Web latency at scale: a ledger of 100,000 synthetic documents, then p95 of the main API and
dashboard requests one at a time, and p99 under 50 concurrent clients on loopback.

The ledger is written in bulk straight into the ledger's tables (documents, statements, mentions,
records, stage history, flags) — running extraction 100,000 times would measure the extractor, not
the web. Records are shaped like the ledger's merged records: a few hundred meetings of six bodies
each reported by hundreds of documents, agreements with stage histories, thousands of pledges,
figures per metric/subject/period with disagreeing sources, people with changing roles.

The server is `communique serve` in a subprocess (so the clients do not share its interpreter);
clients are httpx. Targets: p95 < 50 ms one at a time; p99 < 200 ms and no error with 50 clients.

    python bench/web.py                       # 100,000 documents (built once into bench/out/)
    python bench/web.py --docs 20000 --rebuild
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


def sha(*parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def rid(kind: str, *parts) -> str:
    return f"{kind[:3]}-{sha(kind, *parts)[:24]}"


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
            ments.append(
                {
                    "id": sha("m", doc_id, rec["id"], a),
                    "kind": kind,
                    "record_id": rec["id"],
                    "canonical_id": rec["id"],
                    "document_id": doc_id,
                    "span_start": a,
                    "span_end": b,
                    "sentence": sentence,
                }
            )
            props = {
                "meetings": lambda r: [("body", r["body"])],
                "people": lambda r: [("name", r["name"]), ("role", r["roles"][i % 2])],
                "figures": lambda r: [("metric", r["metric"]), ("value", value)],
                "organizations": lambda r: [("name", r["name"])],
                "pledges": lambda r: [("by", r["by"])],
                "agreements": lambda r: [("name", r["name"])],
            }[kind](rec)
            for prop, v in props:
                stmts.append(
                    {
                        "id": sha("s", rec["id"], prop, v, doc_id, a),
                        "kind": kind,
                        "record_id": rec["id"],
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
                        "record_id": rec["id"],
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
        }

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
                    "n_members": 1,
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
            rec(
                "meetings",
                m["id"],
                f"{m['number']}th {m['body']}",
                {
                    "body": m["body"],
                    "number": m["number"],
                    "date": m["date"],
                    "place": m["place"],
                    "parties": m["parties"],
                    "topics": m["topics"],
                    "format": "in-person",
                    "acronym": None,
                    "date_end": None,
                    "heads": [
                        {"name": "A. Nurlanova", "role": "Minister", "side": m["parties"][1]},
                        {"name": "K. Kallas", "role": "High Representative", "side": "European Union"},
                    ],
                },
            )
        for a in self.agreements:
            rec(
                "agreements",
                a["id"],
                a["name"],
                {
                    "name": a["name"],
                    "acronym": None,
                    "parties": a["parties"],
                    "status": STAGES[a["stages"][-1]],
                    "date": None,
                },
            )
        for p in self.people:
            rec(
                "people",
                p["id"],
                p["name"],
                {"name": p["name"], "role": p["roles"][0], "affiliation": p["aff"]},
            )
        for o in self.orgs:
            rec(
                "organizations",
                o["id"],
                o["name"],
                {"name": o["name"], "acronym": o["acronym"], "kind": None},
            )
        for f in self.figures:
            rec(
                "figures",
                f["id"],
                f"{f['metric']} {f['period']}",
                {
                    "metric": f["metric"],
                    "value": f["value"],
                    "value_max": None,
                    "unit": f["unit"],
                    "period": f["period"],
                    "qualifier": "exact",
                    "subject": f["subject"],
                },
            )
        for k in range(self.n_pledges):
            p = self.pledge(k)
            rec(
                "pledges",
                p["id"],
                f"{p['by']}: EUR {p['amount']:,.0f}",
                {
                    "by": p["by"],
                    "amount": p["amount"],
                    "currency": "EUR",
                    "amount_eur": p["amount"],
                    "amount_usd": p["amount"] * 1.1,
                    "amount_usd_stated": None,
                    "purpose": p["purpose"],
                    "program": p["program"],
                    "hedged": k % 3 == 0,
                    "date": p["date"],
                },
            )
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
                    m["canonical_id"], {"n": 0, "first": doc["published"], "last": doc["published"]}
                )
                s["n"] += 1
                s["first"] = min(s["first"], doc["published"])
                s["last"] = max(s["last"], doc["published"])
            if len(batch["documents"]) >= 2000:
                flush(conn)
                print(f"\r  {i + 1:,} documents", end="", file=sys.stderr, flush=True)
        flush(conn)
        conn.execute(insert(t.records), b.records(seen))
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


def targets(base: str) -> dict[str, list[str]]:
    """Per request kind, a list of concrete URLs (detail requests rotate over many records)."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as c:
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
        "GET /api/bodies/{b}/series": [f"/api/bodies/{b}/series" for b in bodies],
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
    """User + system CPU time of a process (Linux /proc), 0 elsewhere: a latency measured on a busy
    machine includes waiting for a core; the server's CPU per request does not."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def sequential(base: str, urls: dict[str, list[str]], n: int, pid: int) -> dict[str, tuple]:
    """Per request kind: p50, p95 (ms) and the server's CPU ms per request."""
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=30) as c:
        for name, pool in urls.items():
            for u in pool[:3]:
                c.get(u)  # warm
            cpu0 = cpu_seconds(pid)
            times = []
            for k in range(n):
                u = pool[k % len(pool)]
                t0 = time.perf_counter()
                r = c.get(u)
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{u}: HTTP {r.status_code} {r.text[:200]}")
            out[name] = (pct(times, 50), pct(times, 95), (cpu_seconds(pid) - cpu0) * 1000 / n)
    return out


async def concurrent(
    base: str, urls: dict[str, list[str]], clients: int, per_client: int, limit_s: float, think: float = 0.0
) -> dict:
    """`clients` clients on loopback, each sending `per_client` requests (bounded by `limit_s`),
    back to back (`think` = 0: the server never rests) or pausing about `think` s between requests
    as a person reading a page would."""
    import httpx

    flat = [u for pool in urls.values() for u in pool[:20]]
    times: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + limit_s

    async def client(k: int, c) -> None:
        rng = random.Random(k)
        if think:  # people do not all click in the same millisecond: arrivals spread over a pause
            await asyncio.sleep(rng.uniform(0, think))
        for _ in range(per_client):
            if time.perf_counter() > deadline:
                return
            u = rng.choice(flat)
            t0 = time.perf_counter()
            try:
                r = await c.get(u)
                if r.status_code != 200:
                    errors.append(f"{u}: {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{u}: {type(exc).__name__}")
            times.append((time.perf_counter() - t0) * 1000)
            if think:
                await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))

    # one client object with a connection per simulated client: building 50 httpx clients (each
    # with its TLS context) would cost the measuring process more CPU than the requests.
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as c:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(k, c) for k in range(clients)))
        wall = time.perf_counter() - t0
    return {
        "requests": len(times),
        "errors": errors,
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "p99": pct(times, 99),
        "seconds": wall,
        "rps": len(times) / wall if wall else 0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="SQLAlchemy URL (default: bench/out/web-<docs>.db)")
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
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    args = ap.parse_args()

    url = args.db or f"sqlite:///{ROOT / 'bench' / 'out' / f'web-{args.docs}.db'}"
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        if args.rebuild:
            for suffix in ("", "-wal", "-shm"):
                Path(url[len("sqlite:///") :] + suffix).unlink(missing_ok=True)
    if doc_count(url) != args.docs:
        print(f"building a ledger of {args.docs:,} synthetic documents at {url}", file=sys.stderr)
        build(url, args.docs)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("COMMUNIQUE_TOKEN", None)
    cmd = [sys.executable, "-m", "communique", "serve", "--db", url, "--port", str(port)]
    if args.workers > 1:
        cmd += ["--workers", str(args.workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                httpx.get(base + "/api/stats", timeout=5)
                break
            except httpx.HTTPError:
                if server.poll() is not None:
                    raise SystemExit(f"server exited: {server.stderr.read()}") from None
                time.sleep(0.1)
        urls = targets(base)
        seq = sequential(base, urls, args.requests, server.pid)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"\nledger: {args.docs:,} documents ({url.split('/')[-1]}); one client, "
            f"{args.requests} requests each; load average {load:.1f} on {os.cpu_count()} CPUs"
        )
        print(f"{'request':32} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms':>14}")
        worst = 0.0
        for name, (p50, p95, cpu) in seq.items():
            worst = max(worst, p95)
            print(f"{name:32} {p50:8.1f} {p95:8.1f} {cpu:14.1f}{'' if p95 < 50 else '  > 50 ms'}")
        runs = []
        for think in (0.0, args.think):
            conc = asyncio.run(concurrent(base, urls, args.clients, args.per_client, args.time_limit, think))
            runs.append(conc)
            how = "back to back" if not think else f"pausing ~{think:g} s between requests"
            print(
                f"\n{args.clients} concurrent clients, {how}: {conc['requests']} requests in "
                f"{conc['seconds']:.1f} s ({conc['rps']:.0f}/s), p50 {conc['p50']:.0f} ms, "
                f"p95 {conc['p95']:.0f} ms, p99 {conc['p99']:.0f} ms, errors {len(conc['errors'])}"
            )
            if conc["errors"]:
                print("errors:", conc["errors"][:5])
        print(f"\ntarget p95 < 50 ms one at a time: {'yes' if worst < 50 else 'NO'} (worst {worst:.1f} ms)")
        for conc, label in zip(runs, ("back to back", "with pauses"), strict=True):
            met = conc["p99"] < 200 and not conc["errors"]
            print(f"target p99 < 200 ms, no error, {args.clients} clients {label}: {'yes' if met else 'NO'}")
        ok = worst < 50 and all(c["p99"] < 200 and not c["errors"] for c in runs)
        return 0 if ok else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
