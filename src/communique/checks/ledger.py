"""Checks across the ledger: what only shows when several sources are read together.

- **figures disagree**: two documents give values for one metric, subject, unit and period that
  cannot both be true: the values each admits (its rounding; "nearly", "about"… by the qualifier's
  range in `data/checks.yaml`) do not overlap. Metrics are matched with the document checks'
  `same_metric`, so "bilateral trade" and "trade turnover" compare while "oil exports" does not.
- **meeting ordinals disagree**: one body meeting on the same date under two ordinals (a misprint
  in one source; merging keeps them apart because their ordinals differ).
- **roles at once**: one person given two incompatible roles (a deputy and the minister, two
  portfolios of one office, two sides) by sources dated within a few weeks of each other.

Two other cross-source contradictions are the ledger's own rebuild flags and are reused, not
recomputed: a meeting's sources disagreeing on date or place ("sources disagree") and an agreement
put back a stage ("stage regression"). `run_checks` runs inside `Ledger.rebuild`'s transaction
(after merging), so the flags are always those of the current statements and judgements.
`list_flags` lists document and ledger flags with the sentences they come from.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from ..data import DataError, load

__all__ = ["run_checks", "list_flags", "CHECKS", "settings"]


@lru_cache(maxsize=1)
def settings() -> dict:
    """The `ledger` section of checks.yaml, validated on first use."""
    cfg = (load("checks") or {}).get("ledger")
    need = {"kinds": ("figures", "meeting_numbers", "roles"), "figures": ("slack",),
            "meetings": ("same_days",),
            "roles": ("window_days", "skip", "ranks", "heads", "synonyms", "stopwords")}
    if not isinstance(cfg, dict):
        raise DataError("checks.yaml: no 'ledger' section")
    for section, keys in need.items():
        missing = [k for k in keys if k not in (cfg.get(section) or {})]
        if missing:
            raise DataError(f"checks.yaml: ledger.{section} lacks {', '.join(missing)}")
    return cfg


def _kind(key: str) -> str:
    return settings()["kinds"][key]


# --- what the checks read: as-seen records with their document ------------------------------------

@dataclass(slots=True)
class Seen:
    """One record as one document states it (from its statements), with its merged record's id."""

    id: str
    kind: str
    canonical_id: str
    document_id: str
    published: str | None
    source: str | None
    span: tuple[int, int] | None = None
    props: dict[str, list] = field(default_factory=dict)

    def get(self, prop: str) -> Any:
        v = self.props.get(prop)
        return v[0] if v else None

    def all(self, prop: str) -> list:
        return self.props.get(prop, [])

    @property
    def where(self) -> str:
        return self.source or self.document_id[:12]


#: What the checks read of each kind (None: every property); reading less keeps rebuilds quick.
READS: dict[str, tuple[str, ...] | None] = {
    "figures": None,
    "meetings": ("body", "number", "date", "date_end", "parties", "heads"),
    "people": ("name", "role", "affiliation"),
    "agreements": ("name", "parties"),
}


def _load(conn, reads: dict[str, tuple[str, ...] | None],
          ids: list[str] | None = None) -> dict[str, list[Seen]]:
    """As-seen records of the kinds (and properties) in `reads`, leaving out rejected records; only
    the records `ids` (sorted) when given."""
    from sqlalchemy import and_, or_, select

    from ..ledger import schema as t

    s, d, r = t.statements.c, t.documents.c, t.records.c
    rejected = set(conn.execute(select(r.id).where(r.status == "rejected")).scalars())
    want = or_(*[s.kind == k if props is None else and_(s.kind == k, s.prop.in_(list(props)))
                 for k, props in reads.items()])
    q = (select(s.kind, s.record_id, s.canonical_id, s.prop, s.value, s.document_id, s.span_start, s.span_end,
                d.published, d.source).join(t.documents, d.id == s.document_id))
    # by ids: the record_id index alone (with the kind condition too, SQLite scanned the whole kind
    # for each chunk); the kinds and properties asked for are then kept in Python
    parts = [q.where(want)] if ids is None else \
        [q.where(s.record_id.in_(ids[i:i + 500])) for i in range(0, len(ids), 500)]
    rows = (x for part in parts for x in conn.execute(part.order_by(s.record_id, s.span_start, s.id)))
    seen: dict[str, Seen] = {}
    # the same values and documents recur across records: decode and keep each once
    decoded: dict[str, Any] = {}
    doc_of: dict[str, tuple] = {}
    for x in rows:
        if x.canonical_id in rejected:
            continue
        if ids is not None and (x.kind not in reads or
                                (reads[x.kind] is not None and x.prop not in reads[x.kind])):
            continue
        rec = seen.get(x.record_id)
        if rec is None:
            doc = doc_of.get(x.document_id)
            if doc is None:
                doc = doc_of[x.document_id] = (x.document_id, x.published, x.source)
            rec = seen[x.record_id] = Seen(x.record_id, x.kind, x.canonical_id, *doc)
        if rec.span is None and x.span_start is not None:
            rec.span = (x.span_start, x.span_end)
        vals = rec.props.setdefault(x.prop, [])
        try:
            v = decoded[x.value]
        except KeyError:
            v = decoded[x.value] = json.loads(x.value)
        if v not in vals:
            vals.append(v)
    out: dict[str, list[Seen]] = defaultdict(list)
    for rec in seen.values():
        out[rec.kind].append(rec)
    return out


def _flag(key: str, message: str, at: Seen, involved: Iterable[Seen], ident: Iterable[str]) -> dict:
    """A ledger flag pointing at the source `at` (its document and span) and listing every record
    involved: as-seen ids first, then their merged records. The id hashes the check's own key
    (the records' documents and what is compared), not the message, so it survives rewording."""
    from ..ledger.statements import sha

    ids: list[str] = []
    for r in involved:
        if r.id not in ids:
            ids.append(r.id)
    for r in involved:
        if r.canonical_id not in ids:
            ids.append(r.canonical_id)
    kind = _kind(key)
    return {"id": sha("ledger-check", kind, *ident), "kind": kind, "message": message, "source": "ledger",
            "document_id": at.document_id, "span_start": at.span[0] if at.span else None,
            "span_end": at.span[1] if at.span else None, "record_ids": ids}


# --- figures ----------------------------------------------------------------------------------------

def _subjects_compatible(a: str | None, b: str | None) -> bool:
    from ..ledger.names import fold, name_parts

    if not a or not b:
        return True
    pa, ka = name_parts(a)
    pb, kb = name_parts(b)
    return fold(a) == fold(b) or (bool(pa) and pa == pb) or (bool(ka) and ka == kb)


def _admits(f: Seen) -> tuple[float, float] | None:
    from .document import interval

    v = f.get("value")
    if not isinstance(v, (int, float)):
        return None
    vmax = f.get("value_max")
    return interval(float(v), f.get("qualifier") or "exact", float(vmax) if vmax is not None else None)


def _shown(f: Seen) -> str:
    from .document import fmt

    q = f.get("qualifier") or "exact"
    if f.get("value_max") is not None:
        return f"{fmt(f.get('value'), f.get('unit'))}–{fmt(f.get('value_max'), f.get('unit'))}"
    return ("" if q == "exact" else q + " ") + fmt(f.get("value"), f.get("unit"))


def document_parties(seen: dict[str, list[Seen]]) -> dict[str, frozenset[str]]:
    """The partnership each document is about: the parties of its meetings (named, or in the body's
    name) and agreements. A figure without a subject is about its document's partnership, so
    "mutual trade" in a Kazakhstan–China text is not the EU–Kazakhstan trade of another."""
    from ..ledger.names import fold, name_parts, party_code

    out: dict[str, set[str]] = defaultdict(set)
    for kind, name_prop in (("meetings", "body"), ("agreements", "name")):
        for r in seen.get(kind, []):
            out[r.document_id] |= {party_code(p) or fold(p) for p in r.props.get("parties", [])}
            out[r.document_id] |= set(name_parts(r.get(name_prop))[0])
    return {d: frozenset(v) for d, v in out.items() if v}


def figures_disagree(seen: dict[str, list[Seen]],
                     parties: dict[str, frozenset[str]] | None = None) -> Iterator[dict]:
    """Figures of one metric, subject, unit and period from different documents (about the same
    partnership) whose admitted values do not overlap (beyond `ledger.figures.slack`). One flag
    per group of such figures. `parties`: `document_parties` when the caller has them (a batch
    of figures, `run_checks`)."""
    from .document import same_metric

    slack = float(settings()["figures"]["slack"])
    parties = parties if parties is not None else document_parties(seen)
    groups: dict[tuple, list[Seen]] = defaultdict(list)
    for f in seen.get("figures", []):
        if f.get("period") and f.get("unit") and _admits(f) is not None:
            groups[(f.get("unit"), f.get("period"))].append(f)
    for (unit, period), figs in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        metrics = sorted({f.get("metric") or "" for f in figs})
        parent = {m: m for m in metrics}

        def find(m: str, parent: dict = parent) -> str:
            while parent[m] != m:
                m = parent[m]
            return m

        for i, a in enumerate(metrics):  # distinct metric strings are few: compare each pair once
            for b in metrics[i + 1:]:
                if find(a) != find(b) and same_metric(a, b, unit):
                    parent[max(find(a), find(b))] = min(find(a), find(b))
        by_metric: dict[str, list[Seen]] = defaultdict(list)
        for f in figs:
            by_metric[find(f.get("metric") or "")].append(f)
        for metric, members in sorted(by_metric.items()):
            yield from _figure_conflicts(metric, unit, period, members, slack, parties)


def _figure_conflicts(metric: str, unit: str, period: str, members: list[Seen], slack: float,
                      parties: dict[str, frozenset[str]]) -> Iterator[dict]:
    members = sorted(members, key=lambda f: (f.published or "", f.id))
    admits = {f.id: _admits(f) for f in members}  # once per figure, not once per pair
    # subjects split a group: "exports (Kazakhstan)" and "exports (Uzbekistan)" are different numbers
    done: set[str] = set()
    for first in members:
        if first.id in done:
            continue
        grp = [f for f in members if f.id not in done and _subjects_compatible(first.get("subject"),
                                                                                 f.get("subject"))]
        done |= {f.id for f in grp}
        pairs = []
        for i, a in enumerate(grp):
            lo_a, hi_a = admits[a.id]
            pa, sa = parties.get(a.document_id), a.get("subject")
            for b in grp[i + 1:]:
                if a.document_id == b.document_id:
                    continue  # one document's own inconsistencies are the document checks' business
                pb = parties.get(b.document_id)
                if pa and pb and pa != pb and not (sa and b.get("subject")):
                    continue  # two partnerships' figures
                lo_b, hi_b = admits[b.id]
                gap = (lo_a if lo_a > lo_b else lo_b) - (hi_a if hi_a < hi_b else hi_b)
                if gap <= 0:  # they overlap (most pairs): no need for the scale
                    continue
                scale = max((abs(v) for v in (lo_a, hi_a, lo_b, hi_b) if math.isfinite(v)), default=0.0)
                if gap > slack * scale:
                    pairs.append((a, b))
        if not pairs:
            continue
        involved = sorted({x.id: x for p in pairs for x in p}.values(),
                          key=lambda f: (f.published or "", f.id))
        said = "; ".join(f"{f.where} ({f.published or 'undated'}) says {_shown(f)}" for f in involved)
        subject = next((f.get("subject") for f in involved if f.get("subject")), None)
        msg = (f"{metric}" + (f" ({subject})" if subject else "") + f" in {period}: sources disagree "
               f"beyond their stated precision: {said}")
        at = pairs[0][1]
        yield _flag("figures", msg, at, involved,
                    ("figures", unit, period, *sorted({f.document_id for f in involved})))


# --- meetings ---------------------------------------------------------------------------------------

def _day(d: str | None) -> date | None:
    if not d or len(d) < 10:
        return None
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def meeting_ordinals_disagree(seen: dict[str, list[Seen]]) -> Iterator[dict]:
    """One body (same parties and name words, as merging compares bodies) meeting on the same day
    (within `ledger.meetings.same_days`, date ranges included) under different ordinals."""
    from ..ledger.names import fold, name_parts, party_code

    days = int(settings()["meetings"]["same_days"])
    by_body: dict[tuple, list[tuple[Seen, date, date]]] = defaultdict(list)
    for m in seen.get("meetings", []):
        start = _day(m.get("date"))
        if start is None or not isinstance(m.get("number"), int):
            continue
        end = _day(m.get("date_end")) or start
        # the body as merging compares it: its parties (named, or in its name) and its name's words
        parties = {party_code(p) or fold(p) for p in m.all("parties")} | set(name_parts(m.get("body"))[0])
        kernel = name_parts(m.get("body"))[1]
        by_body[(tuple(sorted(parties)), kernel)].append((m, start, end))
    for (_parties, _kernel), items in sorted(by_body.items()):
        items.sort(key=lambda x: (x[1], x[0].id))
        reported: set[frozenset] = set()
        for i, (a, sa, ea) in enumerate(items):
            for b, sb, eb in items[i + 1:]:
                if (sb - ea).days > days:
                    break
                if a.get("number") == b.get("number") or a.canonical_id == b.canonical_id:
                    continue
                if (sa - eb).days > days:
                    continue
                key = frozenset((a.canonical_id, b.canonical_id))
                if key in reported:
                    continue
                reported.add(key)
                msg = (f"{a.get('body')}: {a.where} calls the meeting of {a.get('date')} the "
                       f"{_ordinal(a.get('number'))}, {b.where} calls the meeting of {b.get('date')} the "
                       f"{_ordinal(b.get('number'))}")
                yield _flag("meeting_numbers", msg, b, [a, b],
                            ("meetings", *sorted((a.document_id, b.document_id)),
                             *sorted((str(a.get("number")), str(b.get("number"))))))


# --- people: two roles at once ----------------------------------------------------------------------

@dataclass(frozen=True)
class Role:
    text: str
    ranks: frozenset[str]
    head: str | None
    core: frozenset[str]


@lru_cache(maxsize=8192)
def role_parts(role: str) -> tuple[Role, ...] | None:
    """A stated role → the offices it names ("Deputy Prime Minister and Foreign Minister" → two);
    None when it is stated as past or future ("former Minister", "Ambassador-designate")."""
    from ..ledger.names import fold

    cfg = settings()["roles"]
    s = " " + re.sub(r"\s+", " ", fold(role).replace("–", "-")) + " "
    if any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", s) for w in cfg["skip"]):
        return None
    for a, b in cfg["synonyms"]:
        s = s.replace(a, b)
    out = []
    for part in re.split(r",|;|&| and |\s[-/]\s", s):  # "Deputy Prime Minister – Foreign Minister"
        p = " " + re.sub(r"[^\w\- ]", " ", part).strip() + " "
        if not p.strip():
            continue
        ranks = set()
        for r in sorted(cfg["ranks"], key=len, reverse=True):
            if re.search(rf"(?<![\w]){re.escape(r)}(?![\w])", p):
                ranks.add(r)
                p = re.sub(rf"(?<![\w]){re.escape(r)}(?![\w])", " ", p)
        head = None
        for h in sorted(cfg["heads"], key=len, reverse=True):
            if re.search(rf"(?<![\w]){re.escape(h)}(?![\w])", p):
                head = h
                p = re.sub(rf"(?<![\w]){re.escape(h)}(?![\w])", " ", p)
                break
        stop = set(cfg["stopwords"])
        core = frozenset(w for w in re.split(r"[\s\-]+", p) if w and w not in stop)
        out.append(Role(part.strip(), frozenset(ranks), head, core))
    return tuple(out)


def roles_conflict(a: str, b: str) -> bool:
    """Can one person hold roles `a` and `b` at once? Not when they name one office at different
    ranks (deputy minister / minister) or different portfolios of one office (minister of trade /
    foreign minister). Roles of different offices (a minister who chairs a council) combine."""
    pa, pb = role_parts(a), role_parts(b)
    if not pa or not pb:
        return False
    for x in pa:
        if x.head is None or any(_compatible(x, y) for y in pb):
            continue
        for y in pb:  # an office of `a` that `b` names differently, and `b` has no match for it
            if y.head == x.head and not any(_compatible(y, z) for z in pa):
                return True
    return False


def _compatible(x: Role, y: Role) -> bool:
    return x.head == y.head and x.ranks == y.ranks and (not x.core or not y.core or x.core <= y.core
                                                        or y.core <= x.core)


@dataclass
class _Held:
    person: str  # canonical people id, or a key for a head of delegation no people record matches
    name: str
    role: str | None
    side: str | None
    when: date
    rec: Seen


def _people_index(people: list[Seen]):
    from ..ledger.names import given_compatible, person_parts

    by_surname: dict[str, dict[str, tuple]] = defaultdict(dict)
    for p in people:
        given, surname = person_parts(p.get("name"))
        if surname:
            by_surname[surname].setdefault(p.canonical_id, given)

    def match(name: str | None) -> str | None:
        given, surname = person_parts(name)
        if not surname:
            return None
        hits = [cid for cid, g in by_surname.get(surname, {}).items() if given_compatible(given, g)]
        return hits[0] if len(hits) == 1 else None
    return match


def _held(seen: dict[str, list[Seen]]) -> list[_Held]:
    from ..ledger.names import person_parts

    people = seen.get("people", [])
    match = _people_index(people)
    out = []
    for p in people:
        when = _day(p.published)
        if when and (p.get("role") or p.get("affiliation")):
            out.append(_Held(p.canonical_id, p.get("name"), p.get("role"), p.get("affiliation"), when, p))
    for m in seen.get("meetings", []):
        when = _day(m.get("date")) or _day(m.published)
        if when is None:
            continue
        for h in m.props.get("heads", []):
            if not isinstance(h, dict) or not h.get("name"):
                continue
            given, surname = person_parts(h["name"])
            who = match(h["name"]) or (f"head:{surname}:{given[0][:1] if given else ''}" if surname else None)
            if who:
                out.append(_Held(who, h["name"], h.get("role"), h.get("side"), when, m))
    return out


def roles_at_once(seen: dict[str, list[Seen]]) -> Iterator[dict]:
    """One person, two sources within `ledger.roles.window_days`: incompatible roles, or the two
    sides of a partnership."""
    from ..ledger.names import party_code

    window = int(settings()["roles"]["window_days"])
    by_person: dict[str, list[_Held]] = defaultdict(list)
    for h in _held(seen):
        by_person[h.person].append(h)
    for person, held in sorted(by_person.items()):
        held.sort(key=lambda h: (h.when, h.rec.id))
        reported: set[tuple] = set()
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if (b.when - a.when).days > window:
                    break
                if a.rec.document_id == b.rec.document_id:
                    continue
                why = None
                if a.role and b.role and roles_conflict(a.role, b.role):
                    why = (f"as {a.role} in {a.rec.where} ({a.when}) and as {b.role} in {b.rec.where} "
                           f"({b.when})")
                else:
                    ca, cb = party_code(a.side), party_code(b.side)
                    if ca and cb and ca != cb:
                        why = (f"on the side of {a.side} in {a.rec.where} ({a.when}) and of {b.side} in "
                               f"{b.rec.where} ({b.when})")
                if why is None:
                    continue
                key = tuple(sorted((a.rec.document_id, b.rec.document_id)))
                if key in reported:
                    continue
                reported.add(key)
                yield _flag("roles", f"{a.name}: two roles at once, {why}", b.rec, [a.rec, b.rec],
                            ("roles", person, *key))


#: The ledger checks in order; each takes the as-seen records by kind and yields flag rows.
CHECKS = (figures_disagree, meeting_ordinals_disagree, roles_at_once)
#: The kinds of `READS` each check reads; a check not listed here gets them all.
NEEDS = {figures_disagree: ("figures", "meetings", "agreements"),
         meeting_ordinals_disagree: ("meetings",),
         roles_at_once: ("people", "meetings")}


#: Figures read per batch by `_figures_in_batches` (whole unit-and-period groups), once the ledger
#: holds more than `FIGURE_STATEMENTS` figure statements (fewer are read in one scan).
FIGURE_BATCH = 20_000
FIGURE_STATEMENTS = 100_000


def _figures_in_batches(conn, parties: dict[str, frozenset[str]], batch: int | None = None) -> Iterator[dict]:
    """`figures_disagree` over the ledger with bounded memory: it compares figures of one unit and
    period only, so SQL lists the figures by (unit, period) and whole groups are read and checked
    a batch at a time (a small ledger's in one scan)."""
    from sqlalchemy import func, select

    from ..ledger import schema as t

    batch = batch or FIGURE_BATCH
    n = conn.execute(select(func.count()).select_from(t.statements)
                     .where(t.statements.c.kind == "figures")).scalar_one()
    if n <= FIGURE_STATEMENTS:
        yield from figures_disagree(_load(conn, {"figures": READS["figures"]}), parties)
        return
    u, p = t.statements.alias("u"), t.statements.alias("p")
    q = (select(u.c.value, p.c.value, u.c.record_id)
         .join(p, (p.c.record_id == u.c.record_id) & (p.c.prop == "period"))
         .where(u.c.kind == "figures", u.c.prop == "unit")
         .order_by(u.c.value, p.c.value, u.c.record_id))
    pending: list[str] = []
    last = None
    for unit, period, rid in conn.execute(q).all() if conn.dialect.name != "sqlite" else conn.execute(q):
        if (unit, period) != last and len(pending) >= batch:
            yield from figures_disagree(_load(conn, {"figures": READS["figures"]}, sorted(pending)), parties)
            pending = []
        last = (unit, period)
        pending.append(rid)
    if pending:
        yield from figures_disagree(_load(conn, {"figures": READS["figures"]}, sorted(pending)), parties)


def run_checks(conn) -> int:
    """Compute every ledger check and store its flags (replacing the previous ones of these kinds);
    called inside the rebuild transaction. Returns the number of flags stored."""
    from sqlalchemy import delete, insert

    from ..ledger import schema as t
    from ..ledger.statements import dumps

    rows: dict[str, dict] = {}
    seen: dict[str, list[Seen]] = defaultdict(list)
    for i, check in enumerate(CHECKS):
        # one check's kinds at a time, each kind read once and dropped when no later check needs it:
        # memory holds the largest check's records, not every kind's
        streamed = check is figures_disagree  # by (unit, period) groups: the largest kind
        needs = ("meetings", "agreements") if streamed else NEEDS.get(check, tuple(READS))
        later = {k for c in CHECKS[i + 1:] for k in NEEDS.get(c, tuple(READS))}
        missing = {k: READS[k] for k in needs if k not in seen}
        if missing:
            seen.update(_load(conn, missing))
            seen.update({k: [] for k in missing if k not in seen})
        try:
            found = list(_figures_in_batches(conn, document_parties(seen)) if streamed else check(seen))
        except Exception as exc:  # a check's bug on odd data must not fail the rebuild (and the ingest)
            from ..ledger.statements import sha

            found = [{"id": sha("ledger-check", "check failed", check.__name__), "kind": "check failed",
                      "message": f"{check.__name__}: {type(exc).__name__}: {exc}", "source": "ledger",
                      "document_id": None, "span_start": None, "span_end": None, "record_ids": []}]
        for f in found:
            rows.setdefault(f["id"], f)
        for k in [k for k in seen if k not in later]:
            del seen[k]
    kinds = [*settings()["kinds"].values(), "check failed"]
    conn.execute(delete(t.flags).where(t.flags.c.source == "ledger", t.flags.c.kind.in_(kinds)))
    ts = datetime.now(UTC)
    if rows:
        conn.execute(insert(t.flags), [{**f, "record_ids": dumps(f["record_ids"]), "created_at": ts}
                                       for f in rows.values()])
    return len(rows)


# --- listing ----------------------------------------------------------------------------------------

def list_flags(ledger, kind: str | Iterable[str] | None = None, source: str | None = None,
               include_dismissed: bool = False, limit: int | None = None, offset: int = 0) -> dict:
    """Document and ledger flags (the ledger's `query.flags`), each with its sources: the document,
    its publication date, the span and the sentence there. A flag a `dismiss` judgement answered is
    left out unless `include_dismissed`; it then carries who dismissed it and why."""
    from sqlalchemy import select

    from ..ledger import query
    from ..ledger import schema as t
    from ..ledger.statements import sentence_at, sentence_bounds

    kinds = [kind] if isinstance(kind, str) else list(kind or [])
    page = query.flags(ledger, source=source, include_dismissed=include_dismissed, limit=None)
    items = [f for f in page["items"] if not kinds or f["kind"] in kinds]
    total = len(items)
    items = items[offset:offset + limit] if limit is not None else items[offset:]
    if not items:
        return {"total": total, "limit": limit, "offset": offset, "items": []}
    m, d, j = t.mentions.c, t.documents.c, t.judgements.c
    ids = {i for f in items for i in f["record_ids"]}
    doc_ids = {f["document_id"] for f in items if f["document_id"]}
    with ledger.connect() as conn:
        ments = conn.execute(select(m.record_id, m.canonical_id, m.document_id, m.span_start, m.span_end,
                                    m.sentence, d.source, d.published)
                             .join(t.documents, d.id == m.document_id)
                             .where(m.record_id.in_(ids) | m.canonical_id.in_(ids))
                             .order_by(d.published, m.span_start)).all() if ids else []
        docs = {r.id: r for r in conn.execute(select(d.id, d.source, d.published, d.text)
                                              .where(d.id.in_(doc_ids)))} if doc_ids else {}
        dismissals = {r.target_id: r for r in conn.execute(
            select(j.target_id, j.author, j.reason, j.created_at)
            .where(j.kind == "dismiss", j.target_type == "flag", j.retired_at.is_(None)))}
    bounds: dict[str, list[int]] = {}
    ours = set(settings()["kinds"].values())
    out = []
    for f in items:
        sources: list[dict] = []
        keys: set[tuple] = set()
        add = _adder(sources, keys)

        if f["document_id"] in docs:
            doc = docs[f["document_id"]]
            span = (f["span_start"], f["span_end"]) if f["span_start"] is not None else None
            starts = bounds.setdefault(doc.id, sentence_bounds(doc.text or ""))
            add(doc.id, doc.source, doc.published, f["span_start"], f["span_end"],
                sentence_at(doc.text or "", starts, span))
        rids = f["record_ids"]
        # our flags name the very records compared; others (the rebuild's) name merged records
        exact = [x for x in ments if x.record_id in rids] if f["kind"] in ours else []
        for x in exact or [x for x in ments if x.canonical_id in rids][:10]:
            if (x.document_id, x.span_start, x.span_end) in keys:
                continue
            if f["document_id"] == x.document_id and f["span_start"] is not None \
                    and x.span_start is not None and x.span_start < f["span_end"] \
                    and f["span_start"] < x.span_end:
                continue  # the flag's own span, already listed
            add(x.document_id, x.source, x.published, x.span_start, x.span_end, x.sentence)
        item = {**f, "sources": sources}
        dz = dismissals.get(f["id"])
        if dz is not None:
            item["dismissed_by"] = dz.author
            item["dismiss_reason"] = dz.reason
        out.append(item)
    return {"total": total, "limit": limit, "offset": offset, "items": out}


def _adder(sources: list[dict], keys: set[tuple]):
    """A function adding one source (document, span, sentence) to a flag's list, once."""
    def add(doc_id, src, published, s0, s1, sentence) -> None:
        key = (doc_id, s0, s1)
        if key not in keys:
            keys.add(key)
            sources.append({"document_id": doc_id, "source": src, "published": published,
                            "span": [s0, s1] if s0 is not None else None, "sentence": sentence})
    return add
