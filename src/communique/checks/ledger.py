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

Each check compares records within groups only (figures of one unit, period and metric class;
meetings of one body; people linked by surname or merged record), so a full run reads the ledger a
batch of whole groups at a time (memory holds a batch, not a kind), and the run after an ingest
checks again only the groups holding a record the merge rewrote, replacing their stored flags: the
same flags as a full run (tests/test_checks_ledger_incremental.py).
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
from itertools import groupby
from operator import itemgetter
from typing import Any

from ..data import DataError, load
from ..ledger.db import chunks, in_chunks, select_rows

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


def _load(conn, reads: dict[str, tuple[str, ...] | None], ids: list[str] | None = None,
          documents: list[str] | None = None) -> dict[str, list[Seen]]:
    """As-seen records of the kinds (and properties) in `reads`, leaving out rejected records; only
    the records `ids` (sorted) when given, or those read in `documents`."""
    from sqlalchemy import and_, or_, select

    from ..ledger import schema as t

    s, r = t.statements.c, t.records.c
    rejected = set(conn.execute(select(r.id).where(r.status == "rejected")).scalars())
    want = or_(*[s.kind == k if props is None else and_(s.kind == k, s.prop.in_(list(props)))
                 for k, props in reads.items()])
    # documents are looked up once each afterwards: joining them looked one up per statement
    q = select(s.kind, s.record_id, s.canonical_id, s.prop, s.value, s.document_id, s.span_start, s.span_end)
    # by ids: the record_id index alone (with the kind condition too, SQLite scanned the whole kind
    # for each chunk); the kinds and properties asked for are then kept in Python
    if documents is not None:
        parts = [q.where(s.document_id.in_(part)) for part in chunks(sorted(documents))]
        ids = []  # filter kinds and properties in Python, as for ids
    elif ids is None:
        parts = [q.where(want)]
    else:
        parts = [q.where(s.record_id.in_(part)) for part in chunks(ids)]
    # plain tuples from the driver: a full rebuild's checks read most statements of four kinds
    rows = (x for part in parts for x in select_rows(conn, part.order_by(s.record_id, s.span_start, s.id)))
    seen: dict[str, Seen] = {}
    # the same values and documents recur across records: decode and keep each once
    decoded: dict[str, Any] = {}
    for kind, record_id, canonical_id, prop, raw, document_id, span_start, span_end in rows:
        if canonical_id in rejected:
            continue
        if ids is not None and (kind not in reads or (reads[kind] is not None and prop not in reads[kind])):
            continue
        rec = seen.get(record_id)
        if rec is None:
            rec = seen[record_id] = Seen(record_id, kind, canonical_id, document_id, None, None)
        if rec.span is None and span_start is not None:
            rec.span = (span_start, span_end)
        vals = rec.props.setdefault(prop, [])
        try:
            v = decoded[raw]
        except KeyError:
            v = decoded[raw] = json.loads(raw)
        if v not in vals:
            vals.append(v)
    docs = {doc_id: (published, source) for doc_id, published, source in in_chunks(
        conn, "SELECT id, published, source FROM documents WHERE id IN ({ids})",
        sorted({rec.document_id for rec in seen.values()}))}
    for rec in seen.values():
        rec.published, rec.source = docs[rec.document_id]
    out: dict[str, list[Seen]] = defaultdict(list)
    for rec in sorted(seen.values(), key=lambda r: r.id) if documents is not None else seen.values():
        out[rec.kind].append(rec)  # in id order, however read
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
    slack = float(settings()["figures"]["slack"])
    parties = parties if parties is not None else document_parties(seen)
    groups: dict[tuple, list[Seen]] = defaultdict(list)
    for f in seen.get("figures", []):
        if f.get("period") and f.get("unit") and _admits(f) is not None:
            groups[(f.get("unit"), f.get("period"))].append(f)
    for (unit, period), figs in sorted(groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        cls = metric_classes({f.get("metric") or "" for f in figs}, unit)
        by_metric: dict[str, list[Seen]] = defaultdict(list)
        for f in figs:
            by_metric[cls[f.get("metric") or ""]].append(f)
        for metric, members in sorted(by_metric.items()):
            yield from _figure_conflicts(metric, unit, period, members, slack, parties)


def metric_classes(metrics: Iterable[str], unit: Any) -> dict[str, str]:
    """Metric strings of one unit and period → their class (its smallest string): strings that
    `same_metric` links, directly or through others. Adding strings only ever joins classes."""
    from .document import same_metric

    metrics = sorted(metrics)
    parent = {m: m for m in metrics}

    def find(m: str) -> str:
        while parent[m] != m:
            m = parent[m]
        return m

    for i, a in enumerate(metrics):  # distinct metric strings are few: compare each pair once
        for b in metrics[i + 1:]:
            if find(a) != find(b) and same_metric(a, b, unit):
                parent[max(find(a), find(b))] = min(find(a), find(b))
    return {m: find(m) for m in metrics}


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
        # every pair once, on plain tuples (a hot group holds hundreds of figures): keep the first
        # conflicting pair (the flag points at its later source) and every figure in one
        rows = []
        for f in grp:
            lo, hi = admits[f.id]
            mag = max((abs(v) for v in (lo, hi) if math.isfinite(v)), default=0.0)
            rows.append((lo, hi, mag, f.document_id, parties.get(f.document_id), bool(f.get("subject"))))
        first_pair: tuple[int, int] | None = None
        hit: set[int] = set()
        for i, (lo_a, hi_a, m_a, doc_a, pa, sa) in enumerate(rows):
            for k in range(i + 1, len(rows)):
                lo_b, hi_b, m_b, doc_b, pb, sb = rows[k]
                if doc_a == doc_b:
                    continue  # one document's own inconsistencies are the document checks' business
                if pa and pb and pa != pb and not (sa and sb):
                    continue  # two partnerships' figures
                gap = (lo_a if lo_a > lo_b else lo_b) - (hi_a if hi_a < hi_b else hi_b)
                if gap > 0 and gap > slack * (m_a if m_a > m_b else m_b):  # most pairs overlap
                    if first_pair is None:
                        first_pair = (i, k)
                    hit.add(i)
                    hit.add(k)
        if first_pair is None:
            continue
        involved = [grp[i] for i in sorted(hit)]  # `grp` is in (published, id) order
        said = "; ".join(f"{f.where} ({f.published or 'undated'}) says {_shown(f)}" for f in involved)
        subject = next((f.get("subject") for f in involved if f.get("subject")), None)
        msg = (f"{metric}" + (f" ({subject})" if subject else "") + f" in {period}: sources disagree "
               f"beyond their stated precision: {said}")
        at = grp[first_pair[1]]
        # the class and the subject of its first figure: two classes (exports, imports) or subjects
        # disagreeing between the same documents are two flags
        yield _flag("figures", msg, at, involved,
                    ("figures", unit, period, metric, first.get("subject") or "",
                     *sorted({f.document_id for f in involved})))


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
    days = int(settings()["meetings"]["same_days"])
    by_body: dict[tuple, list[tuple[Seen, date, date]]] = defaultdict(list)
    for m in seen.get("meetings", []):
        start = _day(m.get("date"))
        if start is None or not isinstance(m.get("number"), int):
            continue
        end = _day(m.get("date_end")) or start
        by_body[body_key(m.get("body"), m.all("parties"))].append((m, start, end))
    for body, items in sorted(by_body.items()):
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
                            ("meetings", *body[0], "|", *body[1], "|",
                             *sorted((a.document_id, b.document_id)),
                             *sorted((str(a.get("number")), str(b.get("number"))))))


def body_key(body: str | None, parties: Iterable) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A meeting's body as merging compares it: its parties (named, or in its name) and its name's
    words. The ordinals check compares meetings of one body key only."""
    from ..ledger.names import fold, name_parts, party_code

    named = {party_code(p) or fold(p) for p in parties if isinstance(p, str)}
    return tuple(sorted(named | set(name_parts(body)[0]))), tuple(name_parts(body)[1])


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


def surname_index(people: Iterable[tuple[str, Any]]) -> dict[str, dict[str, tuple]]:
    """Surname → {merged person id: given names of its first record}, from (merged id, name) of
    people records in record id order: what a head of delegation's name is matched against."""
    from ..ledger.names import person_parts

    by_surname: dict[str, dict[str, tuple]] = defaultdict(dict)
    for cid, name in people:
        given, surname = person_parts(name)
        if surname:
            by_surname[surname].setdefault(cid, given)
    return by_surname


def _people_index(people: list[Seen], by_surname: dict[str, dict[str, tuple]] | None = None):
    from ..ledger.names import given_compatible, person_parts

    if by_surname is None:
        by_surname = surname_index((p.canonical_id, p.get("name")) for p in people)

    def match(name: str | None) -> str | None:
        given, surname = person_parts(name)
        if not surname:
            return None
        hits = [cid for cid, g in by_surname.get(surname, {}).items() if given_compatible(given, g)]
        return hits[0] if len(hits) == 1 else None
    return match


#: What a roles flag's message says after the person's name (`_role_flag_surname` reads it back).
ROLES_SAID = ": two roles at once, "


def _held(seen: dict[str, list[Seen]], surnames: set[str] | None = None, persons: set[str] | None = None,
          index: dict[str, dict[str, tuple]] | None = None) -> list[_Held]:
    """Roles held, from people records and heads of delegation; of heads, only those whose surname
    is in `surnames` when given (a batch of people groups: a meeting's other heads belong to others);
    only those of `persons` when given, heads matched against `index` (`surname_index` of every
    person, when `seen` holds some people only)."""
    from ..ledger.names import person_parts

    people = seen.get("people", [])
    match = _people_index(people, index)
    out = []
    for p in people:
        when = _day(p.published)
        if persons is not None and p.canonical_id not in persons:
            continue
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
            if surnames is not None and surname not in surnames:
                continue
            who = match(h["name"]) or (f"head:{surname}:{given[0][:1] if given else ''}" if surname else None)
            if who and (persons is None or who in persons):
                out.append(_Held(who, h["name"], h.get("role"), h.get("side"), when, m))
    return out


def roles_at_once(seen: dict[str, list[Seen]], surnames: set[str] | None = None,
                  persons: set[str] | None = None, index: dict | None = None) -> Iterator[dict]:
    """One person, two sources within `ledger.roles.window_days`: incompatible roles, or the two
    sides of a partnership. `surnames`, `persons`, `index`: see `_held`."""
    from ..ledger.names import party_code

    window = int(settings()["roles"]["window_days"])
    by_person: dict[str, list[_Held]] = defaultdict(list)
    for h in _held(seen, surnames, persons, index):
        by_person[h.person].append(h)
    for person, held in sorted(by_person.items()):
        yield from _person_conflicts(person, held, window, party_code)


def _person_conflicts(person: str, held: list[_Held], window: int, party_code) -> Iterator[dict]:
    """One flag per pair of conflicting (role, side) a person is seen with, at the first pair of
    sources within the window (time order). Whether two sightings conflict depends only on their
    (role, side), so the pairs of distinct signatures are judged once; comparing every pair of
    sightings was quadratic and wrote a flag per pair of documents (a head of delegation seen in
    100,000 documents never finished)."""
    held.sort(key=lambda h: (h.when, h.rec.id))
    at: dict[tuple, list[int]] = defaultdict(list)  # signature → positions in `held`, in time order
    for i, h in enumerate(held):
        at[(h.role, h.side)].append(i)
    sigs = list(at)
    found: list[tuple[int, int, str]] = []
    for x, s in enumerate(sigs):
        for u in sigs[x + 1:]:
            why = _conflict(s, u, party_code)
            if why is None:
                continue
            first = _first_pair(held, at[s], at[u], window)
            if first is not None:
                found.append((*first, why))
    for i, j, why in sorted(found):
        a, b = held[i], held[j]
        if why == "roles":
            said = f"as {a.role} in {a.rec.where} ({a.when}) and as {b.role} in {b.rec.where} ({b.when})"
        else:
            said = (f"on the side of {a.side} in {a.rec.where} ({a.when}) and of {b.side} in "
                    f"{b.rec.where} ({b.when})")
        n_a = len({held[k].rec.document_id for k in at[(a.role, a.side)]})
        n_b = len({held[k].rec.document_id for k in at[(b.role, b.side)]})
        if n_a > 1 or n_b > 1:
            said += f" ({n_a} and {n_b} sources say so)"
        pair = sorted([f"{a.role}|{a.side}", f"{b.role}|{b.side}"])
        yield _flag("roles", f"{a.name}{ROLES_SAID}{said}", b.rec, [a.rec, b.rec], ("roles", person, *pair))


def _conflict(s: tuple, u: tuple, party_code) -> str | None:
    """'roles' when two (role, side) signatures name incompatible roles, 'sides' when they are on
    two sides of a partnership, else None."""
    if s[0] and u[0] and roles_conflict(s[0], u[0]):
        return "roles"
    cs, cu = party_code(s[1]), party_code(u[1])
    return "sides" if cs and cu and cs != cu else None


def _first_pair(held: list[_Held], xs: list[int], ys: list[int], window: int) -> tuple[int, int] | None:
    """The first (earlier, later) positions, one from each list, of two sightings in different
    documents at most `window` days apart: smallest earlier position, then smallest later."""
    best: tuple[int, int] | None = None
    for mine, other in ((xs, ys), (ys, xs)):
        for i in mine:  # in time order: the first with a partner is this direction's best
            if best is not None and i >= best[0]:
                break
            j = _partner(held, i, other, window)
            if j is not None:
                best = (i, j) if best is None else min(best, (i, j))
                break
    return best


def _partner(held: list[_Held], i: int, other: list[int], window: int) -> int | None:
    """The first position in `other` after `i`, within `window` days of it, in another document."""
    from bisect import bisect_right

    a = held[i]
    for j in other[bisect_right(other, i):]:
        b = held[j]
        if (b.when - a.when).days > window:
            return None
        if b.rec.document_id != a.rec.document_id:
            return j
    return None


#: The ledger checks in order; each takes the as-seen records by kind and yields flag rows.
CHECKS = (figures_disagree, meeting_ordinals_disagree, roles_at_once)
#: The kinds of `READS` each check reads; a check not listed here gets them all.
NEEDS = {figures_disagree: ("figures", "meetings", "agreements"),
         meeting_ordinals_disagree: ("meetings",),
         roles_at_once: ("people", "meetings")}
#: As-seen records read per batch when the checks go through the ledger: whole groups of records
#: a check compares (a larger group is a batch of its own), so memory holds a batch, not a kind.
#: Measured on the checks of a 10,000-document ledger: peak RSS 230 MB with 20,000 and whole kinds
#: up to 100,000 statements, 170 MB with these, for ~1 CPU-s more (each batch of figures reads
#: its documents' parties again).
BATCH = 5_000
#: A check's kinds are read in one scan up to this many statements, else a batch of groups at a
#: time (as `merge.BATCH_STATEMENTS`: a 2,000-document ledger's kinds are read whole).
WHOLE_STATEMENTS = 60_000
#: Bump when what a check flags, or how a flag's id is made, changes: the next rebuild then
#: recomputes every ledger flag rather than the groups an ingest touched (`fingerprint`).
VERSION = "3"
META_KEY = "ledger_checks"


def fingerprint() -> str:
    """The checks' version and settings: ledger flags computed under another are all recomputed."""
    from ..ledger.statements import sha

    return sha("ledger-checks", VERSION, json.dumps(settings(), sort_keys=True, default=str),
               *[c.__name__ for c in CHECKS])


@dataclass
class Checked:
    """What `run_checks` did: flags written, and (incremental) every record id a replaced or new
    flag names, whose certainty must be refreshed; None when every flag was recomputed."""

    flags: int
    named: set[str] | None = None


# --- groups: what each check compares, found from one or two properties -----------------------------
#
# A check compares records within groups only: figures of one unit, period and metric class,
# meetings of one body, people (and heads of delegation) linked by surname or merged record. A
# group's flags depend on its records alone, so the ledger is checked a batch of whole groups at a
# time, and after an ingest only the groups holding a record the rebuild rewrote are checked again.
# Groups are found by reading one or two properties of the kind (the (kind, prop) index), not the
# records: a few bytes per record id.

@dataclass
class _Part:
    """Whole groups of one check: the records, what the check needs besides, and the as-seen ids
    (and, for people, surnames) whose flags these groups own."""

    seen: dict[str, list[Seen]]
    ids: set[str]
    args: dict = field(default_factory=dict)
    surnames: set[str] = field(default_factory=set)
    #: (flag id, record ids, message) → is that stored flag these groups'? Default: `_owned`.
    owns: Any = None


def _scan(conn, kind: str, props: tuple[str, ...], ids: Iterable[str] | None = None) -> Iterator[tuple]:
    """(record_id, canonical_id, prop, value) of `kind`'s statements of `props`, in `_load`'s
    order (a record's first value is `Seen.get`'s); of the records `ids` only when given."""
    from sqlalchemy import select

    from ..ledger import schema as t

    s = t.statements.c
    q = select(s.record_id, s.canonical_id, s.prop, s.value)
    if ids is None:
        parts = [q.where(s.kind == kind, s.prop.in_(props))]
    else:  # by the record_id index alone (`prop || ''` is no index column: see `_load`)
        parts = [q.where(s.record_id.in_(part), s.prop.op("||")("").in_(props))
                 for part in chunks(sorted(ids))]
    decoded: dict[str, Any] = {}
    for part in parts:
        for rid, cid, prop, raw in select_rows(conn, part.order_by(s.record_id, s.span_start, s.id)):
            if prop not in props:
                continue
            try:
                v = decoded[raw]
            except KeyError:
                v = decoded[raw] = json.loads(raw)
            yield rid, cid, prop, v


def _by_record(rows: Iterable[tuple]) -> Iterator[tuple[str, str, dict[str, list]]]:
    """`_scan` rows → (record_id, canonical_id, {prop: values in order, each once})."""
    rid = cid = None
    props: dict[str, list] = {}
    for r, c, prop, v in rows:
        if r != rid:
            if rid is not None:
                yield rid, cid, props
            rid, cid, props = r, c, {}
        vals = props.setdefault(prop, [])
        if v not in vals:
            vals.append(v)
    if rid is not None:
        yield rid, cid, props


def _batches(groups: Iterable[list[str]], size: int | None = None) -> Iterator[list[str]]:
    """Whole groups of ids, joined until a batch holds `size` (BATCH) ids."""
    size = size or BATCH
    batch: list[str] = []
    for g in groups:
        batch.extend(g)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _document_parties_of(conn, documents: set[str]) -> dict[str, frozenset[str]]:
    """`document_parties` of these documents only (their meetings' and agreements' parties and
    names, read by the document_id index: `kind || ''` keeps SQL from scanning the kind's index)."""
    from sqlalchemy import select

    from ..ledger import schema as t

    if not documents:
        return {}
    s, r = t.statements.c, t.records.c
    rejected = set(conn.execute(select(r.id).where(r.status == "rejected")).scalars())
    docs = sorted(documents)
    seen: dict[str, Seen] = {}
    decoded: dict[str, Any] = {}
    for part in chunks(docs):
        q = (select(s.kind, s.record_id, s.canonical_id, s.prop, s.value, s.document_id)
             .where(s.document_id.in_(part), s.kind.op("||")("").in_(["meetings", "agreements"]),
                    s.prop.op("||")("").in_(["body", "name", "parties"]))
             .order_by(s.record_id, s.span_start, s.id))
        for kind, rid, cid, prop, raw, doc in select_rows(conn, q):
            if cid in rejected or (kind == "meetings") == (prop == "name"):
                continue
            rec = seen.get(rid) or seen.setdefault(rid, Seen(rid, kind, cid, doc, None, None))
            vals = rec.props.setdefault(prop, [])
            v = decoded[raw] if raw in decoded else decoded.setdefault(raw, json.loads(raw))
            if v not in vals:
                vals.append(v)
    by_kind: dict[str, list[Seen]] = defaultdict(list)
    for rec in seen.values():
        by_kind[rec.kind].append(rec)
    return document_parties(by_kind)


# figures: one unit and period (SQL orders them), then one metric class

def _figure_groups(conn, ids: list[str] | None = None,
                   only: set[tuple[str, str]] | None = None) -> Iterator[tuple[str, str, str]]:
    """(unit, period, record_id) of figures (raw JSON values), ordered by unit and period; of the
    records `ids` (unordered), or of the (unit, period) pairs `only`, when given."""
    from sqlalchemy import select

    from ..ledger import schema as t

    u, p = t.statements.alias("u"), t.statements.alias("p")
    q = (select(u.c.value, p.c.value, u.c.record_id)
         .join(p, (p.c.record_id == u.c.record_id) & (p.c.prop == "period"))
         .where(u.c.kind == "figures", u.c.prop == "unit"))
    if ids is not None:  # by the record_id index (`prop || ''`: see `_scan`); distinct pairs only
        q = (select(u.c.value, p.c.value).distinct()
             .join(p, (p.c.record_id == u.c.record_id) & (p.c.prop == "period"))
             .where(u.c.prop.op("||")("") == "unit"))
        for part in chunks(ids):
            yield from ((x, y, None) for x, y in conn.execute(q.where(u.c.record_id.in_(part))))
        return
    if only is not None:  # SQL drops the other units and periods; Python the other pairs
        q = q.where(u.c.value.in_(sorted({x for x, _ in only})), p.c.value.in_(sorted({y for _, y in only})))
    q = q.order_by(u.c.value, p.c.value, u.c.record_id)
    rows = conn.execute(q).all() if conn.dialect.name != "sqlite" else conn.execute(q)
    yield from (r for r in rows if only is None or (r[0], r[1]) in only)


def _figure_part(conn, ids: list[str]) -> _Part:
    seen = _load(conn, {"figures": READS["figures"]}, sorted(ids))
    parties = _document_parties_of(conn, {f.document_id for f in seen.get("figures", [])})
    return _Part(seen, set(ids), {"parties": parties})


def _small(conn, *kinds: str) -> bool:
    """Do these kinds hold few enough statements to be read whole (`WHOLE_STATEMENTS`)? A count
    on the (kind, prop) index."""
    from sqlalchemy import func, select

    from ..ledger import schema as t

    s = t.statements.c
    n = conn.execute(select(func.count()).where(s.kind.in_(kinds))).scalar_one()
    return n <= WHOLE_STATEMENTS


def _whole(conn, kinds: tuple[str, ...], cache: dict[str, list[Seen]]) -> dict[str, list[Seen]]:
    """Whole kinds (a small ledger's), each read once per `run_checks` and shared by the checks."""
    missing = {k: READS[k] for k in kinds if k not in cache}
    if missing:
        got = _load(conn, missing)
        cache.update({k: got.get(k, []) for k in missing})
    return {k: cache[k] for k in kinds}


def _judged_members(conn, merged: set[str]) -> set[str]:
    """As-seen members of those of `merged` that a live merge judgement names (judgements are few)."""
    from sqlalchemy import select

    from ..ledger import schema as t

    j, s = t.judgements.c, t.statements.c
    named = {i for row in conn.execute(select(j.target_id, j.other_id).where(
        j.kind == "merge", j.target_type == "record", j.retired_at.is_(None))) for i in row if i}
    if not named:
        return set()
    canon = {c for part in chunks(sorted(named)) for c in conn.execute(
        select(s.canonical_id).where(s.record_id.in_(part)).distinct()).scalars()} | named
    judged = sorted(canon & set(merged))
    return {r for part in chunks(judged) for r in conn.execute(
        select(s.record_id).where(s.canonical_id.in_(part)).distinct()).scalars()}


def _figure_parts(conn, seeds: dict[str, set[str]] | None, cache: dict | None = None) -> Iterator[_Part]:
    if seeds is None and _small(conn, "figures"):
        seen = _whole(conn, ("figures", "meetings", "agreements"), {} if cache is None else cache)
        yield _Part({"figures": seen["figures"]}, set(), {"parties": document_parties(seen)})
        return
    if seeds is None:
        def groups() -> Iterator[list[str]]:
            last, group = None, []
            for unit, period, rid in _figure_groups(conn):
                if (unit, period) != last and group:
                    yield group
                    group = []
                last = (unit, period)
                group.append(rid)
            if group:
                yield group

        for batch in _batches(groups()):
            yield _figure_part(conn, batch)
        return
    merged = seeds.get("merged:figures")
    seeds = seeds.get("figures", set())
    # the members of a merged figure share its unit and period (merging compares figures of one
    # metric, unit and period), unless a merge judgement joined them: one stands for the rest
    look = seeds if merged is None else set(merged) | _judged_members(conn, merged)
    wanted = {(u, p) for u, p, _ in _figure_groups(conn, sorted(look))}
    if not wanted:
        return
    members: dict[tuple, list[str]] = defaultdict(list)
    for u, p, rid in _figure_groups(conn, only=wanted):
        members[(u, p)].append(rid)
    metric = {rid: (props.get("metric") or [""])[0] or ""
              for rid, _cid, props in _by_record(_scan(conn, "figures", ("metric",),
                                                       [r for g in members.values() for r in g]))}
    chosen: list[list[str]] = []
    for (u, _p), rids in sorted(members.items()):
        cls = metric_classes({metric.get(r, "") for r in rids}, json.loads(u))
        hit = {cls[metric.get(r, "")] for r in rids if r in seeds}
        by_class: dict[str, list[str]] = defaultdict(list)
        for r in rids:
            if cls[metric.get(r, "")] in hit:
                by_class[cls[metric.get(r, "")]].append(r)
        chosen.extend(by_class[c] for c in sorted(by_class))
    for batch in _batches(chosen):
        yield _figure_part(conn, batch)


# meetings: one body

def _meeting_parts(conn, seeds: dict[str, set[str]] | None, cache: dict | None = None) -> Iterator[_Part]:
    if seeds is None and _small(conn, "meetings"):
        yield _Part(_whole(conn, ("meetings",), {} if cache is None else cache), set())
        return
    keys: dict[tuple, tuple] = {}
    groups: dict[tuple, list[str]] = defaultdict(list)
    for rid, _cid, props in _by_record(_scan(conn, "meetings", ("body", "parties"))):
        body, parties = (props.get("body") or [None])[0], props.get("parties") or []
        try:
            memo = (body, tuple(parties))
            key = keys.get(memo) or keys.setdefault(memo, body_key(body, parties))
        except TypeError:  # an unhashable value: no memo
            key = body_key(body, parties)
        groups[key].append(rid)
    wanted = sorted(groups)
    if seeds is not None:
        mine = seeds.get("meetings", set())
        if not mine:
            return
        wanted = [k for k in wanted if any(r in mine for r in groups[k])]
    for batch in _batches(groups[k] for k in wanted):
        yield _Part(_load(conn, {"meetings": READS["meetings"]}, sorted(batch)), set(batch))


# people: surnames and merged people records, linked; heads of delegation by surname

def _surname(name: Any) -> str | None:
    from ..ledger.names import person_parts

    return person_parts(name)[1] or None if isinstance(name, str) else None


class _Groups:
    """Union-find over record and surname nodes; the smaller node is the root, so a group's root,
    and with it the order of the parts, does not depend on the order of the unions."""

    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}

    def find(self, x: tuple) -> tuple:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: tuple, b: tuple) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _role_parts(conn, seeds: dict[str, set[str]] | None, cache: dict | None = None) -> Iterator[_Part]:
    if seeds is not None and not (seeds.get("people") or seeds.get("meetings")):
        return
    if seeds is None and _small(conn, "people", "meetings"):
        yield _Part(_whole(conn, ("people", "meetings"), {} if cache is None else cache), set())
        return
    if seeds is None:
        yield from _role_parts_streamed(conn)
        return
    groups = _Groups()
    parent, find, union = groups.parent, groups.find, groups.union

    people: dict[str, tuple] = {}  # people record → its merged record's node
    first: dict[str, tuple[str, Any]] = {}  # people record → (merged id, first name)
    for rid, cid, props in _by_record(_scan(conn, "people", ("name",))):
        node = ("c", cid)
        find(node)
        for name in props.get("name") or []:
            if sn := _surname(name):
                union(node, ("s", sn))
        people[rid] = node
        first[rid] = (cid, (props.get("name") or [None])[0])
    heads: dict[str, set[str]] = defaultdict(set)  # meeting record → surnames of its heads
    head_names: dict[str, list[str]] = {}
    for rid, _cid, props in _by_record(_scan(conn, "meetings", ("heads",))):
        for h in props.get("heads") or []:
            if isinstance(h, dict) and (sn := _surname(h.get("name"))):
                heads[rid].add(sn)
                head_names.setdefault(rid, []).append(h["name"])
                find(("s", sn))
    if seeds is not None and "stable" in seeds:
        yield _person_part(conn, seeds, first, head_names)
        return
    comps: dict[tuple, dict] = defaultdict(lambda: {"people": [], "meetings": [], "surnames": set()})
    for node in parent:
        if node[0] == "s":
            comps[find(node)]["surnames"].add(node[1])
    for rid, node in people.items():
        comps[find(node)]["people"].append(rid)
    for rid, sns in heads.items():
        for root in {find(("s", sn)) for sn in sns}:
            comps[root]["meetings"].append(rid)
    roots = sorted(comps)
    if seeds is not None:
        hit = {find(people[r]) for r in seeds.get("people", ()) if r in people}
        hit |= {find(("s", sn)) for r in seeds.get("meetings", ()) for sn in heads.get(r, ())}
        roots = [r for r in roots if r in hit]
    parent.clear()
    batch: list[dict] = []
    n = 0
    for i, root in enumerate(roots):
        batch.append(comps.pop(root))
        n += len(batch[-1]["people"]) + len(batch[-1]["meetings"])
        if n < BATCH and i + 1 < len(roots):
            continue
        ppl = sorted({r for c in batch for r in c["people"]})
        mtg = sorted({r for c in batch for r in c["meetings"]})
        surnames = {sn for c in batch for sn in c["surnames"]}
        seen = _load(conn, {"people": READS["people"]}, ppl) if ppl else {}
        if mtg:
            seen["meetings"] = _load(conn, {"meetings": READS["meetings"]}, mtg).get("meetings", [])
        yield _Part(seen, set(ppl) | set(mtg), {"surnames": surnames}, surnames)
        batch, n, seen = [], 0, {}  # not held while the next batch is read


def _role_parts_streamed(conn) -> Iterator[_Part]:
    """`_role_parts` of a full run, the same parts in the same order, holding one node per merged
    person and surname rather than entries per record: the union-find of merged people and
    surnames is made from one scan of the people's names and the heads; a second scan writes each
    record with its group's rank (and each group's surnames) to a temporary table read back in
    rank order, a batch of groups at a time (at 10,000 documents the per-record maps were half of
    what the roles check held)."""
    from ..ledger.db import driver_rows, placeholders

    groups = _Groups()
    parent, find, union = groups.parent, groups.find, groups.union

    def people() -> Iterator[tuple[str, tuple]]:
        for rid, cid, props in _by_record(_scan(conn, "people", ("name",))):
            yield rid, ("c", cid), [sn for name in props.get("name") or [] if (sn := _surname(name))]

    def heads() -> Iterator[tuple[str, set[str]]]:
        for rid, _cid, props in _by_record(_scan(conn, "meetings", ("heads",))):
            sns = {sn for h in props.get("heads") or []
                   if isinstance(h, dict) and (sn := _surname(h.get("name")))}
            if sns:
                yield rid, sns

    for _rid, node, sns in people():
        find(node)
        for sn in sns:
            union(node, ("s", sn))
    for _rid, sns in heads():
        for sn in sns:
            find(("s", sn))
    roots = {find(node) for node in list(parent)}
    rank = {root: i for i, root in enumerate(sorted(roots))}
    roots = None
    at = {node: rank[find(node)] for node in list(parent)}  # a node → its group's rank
    parent.clear()
    rank = None
    # (a connection whose transaction was rolled back after pysqlite created the table outside it
    # still holds one: not ours to trust)
    own = "temp" if conn.dialect.name == "sqlite" else "pg_temp"  # never a table of the ledger's
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {own}.role_groups")
    conn.exec_driver_sql("CREATE TEMPORARY TABLE role_groups (at INTEGER NOT NULL, role VARCHAR(1) NOT NULL, "
                         "id TEXT NOT NULL)")
    try:
        sql = placeholders(conn, "INSERT INTO role_groups (at, role, id) VALUES ({p}, {p}, {p})")
        rows: list[tuple[int, str, str]] = [(i, "s", node[1]) for node, i in at.items() if node[0] == "s"]

        def flush(force: bool = False) -> None:
            if rows and (force or len(rows) >= 5000):
                conn.exec_driver_sql(sql, rows)
                rows.clear()

        flush()
        for rid, node, _sns in people():
            rows.append((at[node], "p", rid))
            flush()
        for rid, sns in heads():
            for i in {at[("s", sn)] for sn in sns}:
                rows.append((i, "m", rid))
            flush()
        flush(True)
        at = None
        batch: dict[str, set[str]] = {"p": set(), "m": set(), "s": set()}
        n = 0
        for _i, group in groupby(driver_rows(conn, "SELECT at, role, id FROM role_groups ORDER BY at"),
                                 key=itemgetter(0)):
            for _, role, rid in group:
                batch[role].add(rid)
                n += role != "s"
            if n < BATCH:
                continue
            yield _role_part(conn, batch)
            batch, n = {"p": set(), "m": set(), "s": set()}, 0
        if batch["p"] or batch["m"]:
            yield _role_part(conn, batch)
    finally:
        conn.exec_driver_sql("DROP TABLE role_groups")


def _role_part(conn, batch: dict[str, set[str]]) -> _Part:
    """The part of a batch of role groups: its people records, the meetings whose heads have its
    surnames, and those surnames."""
    ppl, mtg, surnames = sorted(batch["p"]), sorted(batch["m"]), batch["s"]
    seen = _load(conn, {"people": READS["people"]}, ppl) if ppl else {}
    if mtg:
        seen["meetings"] = _load(conn, {"meetings": READS["meetings"]}, mtg).get("meetings", [])
    return _Part(seen, set(ppl) | set(mtg), {"surnames": surnames}, surnames)


def _person_part(conn, seeds: dict[str, set[str]], first: dict[str, tuple[str, Any]],
                 head_names: dict[str, list[str]]) -> _Part:
    """The people an incremental rebuild can have changed the roles of, when no record but the new
    ones changed merged record ("stable"): those of the rewritten merged people, those the heads of
    rewritten meetings are matched to, and, for a surname whose person index (`surname_index`)
    the new records changed, every person and head of delegation of that surname (a head may now
    match someone else). Their flags are the ones to replace: a stored roles flag names its person
    in its id, found again by hashing the candidates its records give."""
    from sqlalchemy import select

    from ..ledger import schema as t
    from ..ledger.names import person_parts
    from ..ledger.statements import sha

    r = t.records.c
    rejected = set(conn.execute(select(r.id).where(r.status == "rejected")).scalars())
    new = seeds.get("touched:people", set())
    order = sorted(first)
    index = surname_index(first[x] for x in order if first[x][0] not in rejected)
    before = surname_index(first[x] for x in order if first[x][0] not in rejected and x not in new)
    changed = {sn for sn in set(index) | set(before) if index.get(sn) != before.get(sn)}
    match = _people_index([], index)

    def who(name: Any) -> str | None:
        given, surname = person_parts(name)
        return match(name) or (f"head:{surname}:{given[0][:1] if given else ''}" if surname else None)

    persons = {first[x][0] for x in seeds.get("people", ()) if x in first}
    persons |= {w for x in seeds.get("meetings", ()) for n in head_names.get(x, ()) if (w := who(n))}
    persons |= {cid for cid, name in first.values() if _surname(name) in changed}
    persons |= {w for names in head_names.values() for n in names if _surname(n) in changed and (w := who(n))}
    ppl = sorted(x for x, (cid, _) in first.items() if cid in persons)
    mtg = sorted(x for x, names in head_names.items() if any(who(n) in persons for n in names))
    seen = _load(conn, {"people": READS["people"]}, ppl) if ppl else {}
    if mtg:
        seen["meetings"] = _load(conn, {"meetings": READS["meetings"]}, mtg).get("meetings", [])
    ids = set(ppl) | set(mtg)
    kind = _kind("roles")

    def owns(fid: str, rids: list[str], message: str) -> bool:
        if not ids.intersection(rids):
            return False
        pair = rids[:2]  # the two records compared come first (`_flag`)
        s = t.statements.c
        docs = dict(conn.execute(select(s.record_id, s.document_id).where(s.record_id.in_(pair))).all())
        key = sorted(docs.get(x) or "" for x in pair)
        cands = {first[x][0] for x in pair if x in first}
        cands |= {w for x in pair for n in head_names.get(x, ()) if (w := who(n))}
        for c in cands:
            if sha("ledger-check", kind, "roles", c, *key) == fid:
                return c in persons
        return True  # its person is no longer one (a merged record renamed): replaced

    return _Part(seen, ids, {"persons": persons, "index": index}, owns=owns)


def _role_flag_surname(message: str) -> str | None:
    """The surname of the person a roles flag is about (its message starts with the name)."""
    return _surname(message.split(ROLES_SAID, 1)[0]) if ROLES_SAID in message else None


#: Each check's groups (`seeds`: kind → as-seen ids a rebuild rewrote; None: all groups).
GROUPS = {figures_disagree: _figure_parts, meeting_ordinals_disagree: _meeting_parts,
          roles_at_once: _role_parts}
#: The settings key of the flag kind each grouped check writes.
WRITES = {figures_disagree: "figures", meeting_ordinals_disagree: "meeting_numbers", roles_at_once: "roles"}


def _owned(check, flag_ids: list[str], message: str, part_ids: set[str], surnames: set[str]) -> bool:
    """Is a stored flag of `check` one of the recomputed groups' (to be replaced)? A group's flags
    name its records; a roles flag also names a meeting whose other heads are other people, so it
    is the group's when its person's surname is (or, without a surname, its people record is)."""
    if not part_ids.intersection(flag_ids):
        return False
    if check is not roles_at_once:
        return True
    sn = _role_flag_surname(message)
    return sn in surnames if sn else True


def _failed(check, exc: Exception) -> dict:
    from ..ledger.statements import sha

    return {"id": sha("ledger-check", "check failed", check.__name__), "kind": "check failed",
            "message": f"{check.__name__}: {type(exc).__name__}: {exc}", "source": "ledger",
            "document_id": None, "span_start": None, "span_end": None, "record_ids": []}


def _meta(conn, value: str | None = None) -> str | None:
    """The checks' stored fingerprint, or (with `value`) store it."""
    from ..ledger.db import get_meta, set_meta

    if value is None:
        return get_meta(conn, META_KEY)
    set_meta(conn, META_KEY, value)
    return value


def run_checks(conn, seeds: dict[str, set[str]] | None = None) -> Checked:
    """Compute the ledger checks and store their flags; called inside the rebuild transaction.

    Without `seeds` every flag of these kinds is replaced, the ledger read a batch of whole groups
    at a time. With `seeds` (kind → as-seen ids of the records an incremental rebuild rewrote:
    `review.after_rebuild`) only the groups holding one are checked again and their stored flags
    replaced; the rest cannot have changed (their records, documents and merged records are what
    they were). The result is the full run's, unless the checks or their settings changed since
    the flags were computed (`fingerprint`) or a check failed then: every flag is recomputed."""
    from sqlalchemy import delete, func, insert, select

    from ..ledger import schema as t
    from ..ledger.statements import dumps

    f = t.flags.c
    kinds = [*settings()["kinds"].values(), "check failed"]
    if seeds is not None and (_meta(conn) != fingerprint() or any(c not in GROUPS for c in CHECKS)
                              or conn.execute(select(func.count()).select_from(t.flags)
                                              .where(f.kind == "check failed")).scalar_one()):
        seeds = None
    rows: dict[str, dict] = {}
    cache: dict[str, list[Seen]] = {}  # whole kinds of a small ledger, read once (full run)
    replace: list[str] = []  # stored flag ids the recomputed groups own (incremental)
    named: set[str] = set()
    ts = datetime.now(UTC)
    # a full run writes each part's flags as it finds them (a flag's message lists every source
    # involved: a large ledger's are tens of MB together); the table ends as one write at the end
    # made it: of flags with one id the first found stays, and a failed check's are taken back
    writer = None if seeds is not None else _Writer(conn, ts)
    if writer is not None:
        conn.execute(delete(t.flags).where(f.source == "ledger", f.kind.in_(kinds)))
    for check in CHECKS:
        if seeds is not None and not any(seeds.values()):
            break
        try:
            found: list[dict] = []
            owners: list = []
            if check in GROUPS:
                for part in GROUPS[check](conn, seeds, cache):
                    found.extend(check(part.seen, **part.args))
                    if seeds is not None:  # what the part owns, not its records: memory holds one part
                        owners.append(part.owns or (lambda fid, rids, msg, ids=part.ids, sn=part.surnames,
                                                    check=check: _owned(check, rids, msg, ids, sn)))
                    else:
                        writer.write(found)
                    del part  # the next part is read without this one's records
            else:  # a check we do not know the groups of: over the whole ledger
                found = list(check(_load(conn, {k: READS[k] for k in NEEDS.get(check, tuple(READS))})))
        except Exception as exc:  # a check's bug on odd data must not fail the rebuild (and the ingest)
            if writer is not None:
                writer.take_back()
                writer.write([_failed(check, exc)])
                writer.done()
            else:
                rows.setdefault(_failed(check, exc)["id"], _failed(check, exc))
            continue  # incremental: its stored flags stay; the next rebuild recomputes them all
        if writer is not None:
            writer.write(found)
            writer.done()
            found = []
        for x in found:
            rows.setdefault(x["id"], x)
        later = {k for c in CHECKS[CHECKS.index(check) + 1:] for k in NEEDS.get(c, tuple(READS))}
        for k in [k for k in cache if k not in later]:
            del cache[k]  # memory holds the kinds later checks need, not every kind
        if seeds is not None and owners:
            mine = select(f.id, f.record_ids, f.message).where(f.kind == _kind(WRITES[check]),
                                                               f.source == "ledger")
            for fid, raw, message in conn.execute(mine):
                rids = json.loads(raw) if raw else []
                if any(own(fid, rids, message) for own in owners):
                    replace.append(fid)
                    named.update(rids)
    if writer is not None:
        _meta(conn, fingerprint())
        return Checked(writer.written)
    for part in chunks(replace):
        conn.execute(delete(t.flags).where(f.id.in_(part)))
    for part in chunks(list(rows)):  # another group's flag with the same id stays (ids name groups)
        for fid in conn.execute(select(f.id).where(f.id.in_(part))).scalars():
            rows.pop(fid, None)
    for x in rows.values():
        named.update(x["record_ids"])
    if rows:
        conn.execute(insert(t.flags), [{**x, "record_ids": dumps(x["record_ids"]), "created_at": ts}
                                       for x in rows.values()])
    return Checked(len(rows), named)


class _Writer:
    """The flags of a full `run_checks`, inserted as each part finds them: of flags with one id the
    first stays; a check that fails has its own taken back (`take_back`), as if never found. Holds
    the ids written, not the flags."""

    def __init__(self, conn, ts: datetime):
        self.conn, self.ts = conn, ts
        self.ids: set[str] = set()
        self.mine: list[str] = []  # ids the running check wrote

    @property
    def written(self) -> int:
        return len(self.ids)

    def write(self, flags: list[dict]) -> None:
        """Insert those of `flags` whose id is new, and empty the list."""
        from sqlalchemy import insert

        from ..ledger import schema as t
        from ..ledger.statements import dumps

        new = []
        for x in flags:
            if x["id"] not in self.ids:
                self.ids.add(x["id"])
                self.mine.append(x["id"])
                new.append({**x, "record_ids": dumps(x["record_ids"]), "created_at": self.ts})
        for part in chunks(new, 5000):
            self.conn.execute(insert(t.flags), list(part))
        flags.clear()

    def take_back(self) -> None:
        """Delete what the running check wrote."""
        from sqlalchemy import delete

        from ..ledger import schema as t

        for part in chunks(self.mine):
            self.conn.execute(delete(t.flags).where(t.flags.c.id.in_(part)))
        self.ids.difference_update(self.mine)
        self.mine = []

    def done(self) -> None:
        """The running check ended: what it wrote stays."""
        self.mine = []


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
