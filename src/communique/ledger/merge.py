"""Rebuild: statements + active judgements → merged records, merge decisions, stage histories and
ledger flags. Deterministic (sorted inputs, ties broken by id) and run in one transaction.

Clustering is union-find over scored candidate pairs, strongest first, never joining two clusters
that a `split` judgement separates; `merge` judgements join first. A canonical id is the smallest
as-seen id in its cluster, so it is stable while that record exists. Kinds are rebuilt one at a
time, so memory follows the largest kind rather than the whole ledger.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations, groupby
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection

from ..models import RECORD_TYPES
from . import schema as t
from .db import chunks, driver_rows, fast_insert, get_meta, in_chunks, placeholders, select_rows, set_meta
from .judgements import Judgement, active
from .keys import search_key, sort_date
from .matchers import MATCHERS, Seen, dates_compatible, keys_of, link_keys, match_keys_version, signature_of
from .names import fold, looks_like_acronym, name_parts, party_code, party_name, person_parts
from .review import certainty_of
from .statements import dumps, extra_fields, list_fields, prefix, rules, sha


@dataclass
class Cluster:
    kind: str
    members: list[str]
    edges: list[tuple[str, str, float, str, str, int | None]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.members[0]  # members are kept sorted


class _UnionFind:
    """Union-find whose unions respect cannot-link pairs (split judgements); member sets are kept
    only when there are constraints to check, so the common case stays cheap."""

    def __init__(self, ids, cannot: dict[str, set[str]]):
        self.parent = {i: i for i in ids}
        self.cannot = {i: set(v) for i, v in cannot.items() if v}
        self.members: dict[str, set[str]] = {i: {i} for i in self.cannot}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def _members(self, root: str) -> set[str]:
        return self.members.get(root) or {root}

    def union(self, a: str, b: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.cannot:
            ca, cb = self.cannot.get(ra, set()), self.cannot.get(rb, set())
            if not force and ((ca and self._members(rb) & ca) or (cb and self._members(ra) & cb)):
                return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.cannot:
            self.members[ra] = self._members(ra) | self._members(rb)
            self.members.pop(rb, None)
            merged = self.cannot.get(ra, set()) | self.cannot.pop(rb, set())
            if merged:
                self.cannot[ra] = merged
        return True


class DocumentRow(NamedTuple):
    """What merging reads of a document (a tuple, not a dict: a full rebuild holds one per
    document of the ledger)."""

    published: str | None
    source: str | None


#: A document the map does not hold (its record was stored without one).
NO_DOCUMENT = DocumentRow(None, None)


def load_documents(conn: Connection, ids: set[str] | None = None,
                   into: dict[str, DocumentRow] | None = None) -> dict[str, DocumentRow]:
    """Document id → published, source: of every document, or of `ids` missing from `into` (added
    to it), so an ingest's merge reads the documents it needs, not the whole ledger's. Publication
    dates are shared (many documents, few days)."""
    d = t.documents.c
    out = into if into is not None else {}
    if ids is None:
        rows = select_rows(conn, select(d.id, d.published, d.source))
    else:
        rows = in_chunks(conn, "SELECT id, published, source FROM documents WHERE id IN ({ids})",
                         sorted(i for i in ids if i not in out))
    days: dict[str, str] = {}
    for doc_id, published, source in rows:
        if published is not None:
            published = days.setdefault(published, published)
        out[doc_id] = DocumentRow(published, source)
    return out


class _DocMap:
    """Document id → one of a few shared values, for every document of a full rebuild: a dict held
    ~200 bytes a document (20-30 MB at 100,000); here an id is the first 16 hex digits of its
    sha256 as an integer in a sorted array beside the number of its value, 12 bytes. Ids that are
    not hex, or share those digits, are kept whole."""

    def __init__(self, pairs: Iterable[tuple[str, object]], rows: Callable[[], Iterable[tuple[str, object]]]):
        """`pairs`: (document id, value) once per document; `rows()` gives them again (read a
        second time only if two ids share their first 16 digits)."""
        self.keys = array("Q")
        self.value_of = array("I")
        self.values: list = []
        self.other: dict[str, object] = {}
        numbers: dict[object, int] = {}
        packed: list[int] = []
        for doc_id, value in pairs:
            key = _hex_key(doc_id)
            if key is None:
                self.other[doc_id] = value
                continue
            number = numbers.get(value)
            if number is None:
                number = numbers[value] = len(self.values)
                self.values.append(value)
            packed.append(key << 32 | number)
        packed.sort()
        shared: set[int] = set()
        n = len(packed)
        for i, v in enumerate(packed):
            key = v >> 32
            if (i and packed[i - 1] >> 32 == key) or (i + 1 < n and packed[i + 1] >> 32 == key):
                shared.add(key)
            else:
                self.keys.append(key)
                self.value_of.append(v & 0xFFFFFFFF)
        del packed
        if shared:  # (two ids with the same first 16 digits: never seen, but then whole)
            for doc_id, value in rows():
                if _hex_key(doc_id) in shared:
                    self.other[doc_id] = value

    def get(self, doc_id: str, default=None):
        if doc_id in self.other:
            return self.other[doc_id]
        key = _hex_key(doc_id)
        if key is not None:
            i = bisect_left(self.keys, key)
            if i < len(self.keys) and self.keys[i] == key:
                return self.values[self.value_of[i]]
        return default

    def __len__(self) -> int:
        return len(self.keys) + len(self.other)


class _Published(_DocMap):
    """Document id → `DocumentRow(published, None)` of every document (`_DocMap`), for a full
    rebuild, which reads each as-seen record's publication date. Sources are not kept: the
    agreements' stage history loads its own documents."""

    @classmethod
    def load(cls, conn: Connection) -> _Published:
        def rows():
            for doc_id, published in select_rows(conn, select(t.documents.c.id, t.documents.c.published)):
                yield doc_id, DocumentRow(published, None)

        return cls(rows(), rows)


def context_pairs(conn: Connection) -> _DocMap:
    """`document_parties` of every document, kept where it names exactly one pair (all that
    `apply_context_parties` reads; else the same empty set), as a `_DocMap`: a full rebuild holds
    it while it merges agreements."""
    def rows():
        c = t.statements.c
        rows = select_rows(conn, select(c.document_id, c.prop, c.value)
                           .where(c.kind == "meetings", c.prop.in_(["parties", "body"]))
                           .order_by(c.document_id))
        for doc_id, group in groupby(rows, key=itemgetter(0)):
            ctx = _parties_of((prop, value) for _, prop, value in group)
            if len(ctx) == 2:
                yield doc_id, frozenset(ctx)

    return _DocMap(rows(), rows)


def _parties_of(rows: Iterable[tuple[str, str]]) -> set[str]:
    """Party codes of a document's meeting statements (prop, JSON value): `document_parties`."""
    out: set[str] = set()
    for prop, raw in rows:
        value = json.loads(raw)
        if not isinstance(value, str):
            continue
        if prop == "parties":
            out.add(party_code(value) or fold(value))
        else:
            out |= name_parts(value)[0]
    return out


_HEX = frozenset("0123456789abcdef")


def _hex_key(doc_id: str) -> int | None:
    """The first 16 hex digits of a document id (a sha256 in hex) as an integer, else None."""
    if len(doc_id) < 16 or not _HEX.issuperset(doc_id):
        return None
    return int(doc_id[:16], 16)


#: JSON value → decoded, shared by the loads of one process (values are never mutated in place).
_DECODED: dict[str, object] = {}


def load_seen(conn: Connection, docs: dict[str, DocumentRow], kind: str,
              canon: dict[str, str] | None = None) -> list[Seen]:
    """Every as-seen record of one kind rebuilt from its statements (one kind at a time keeps the
    memory of a rebuild to the largest kind, not the whole ledger)."""
    return list(iter_seen(conn, docs, kind, canon=canon))


def iter_seen(conn: Connection, docs: dict[str, DocumentRow], kind: str, ids: list[str] | None = None,
              canon: dict[str, str] | None = None) -> Iterator[Seen]:
    """As-seen records of one kind (only `ids`, sorted, when given), each yielded once complete, in
    id order: a caller may keep a few features of each and drop the record. `canon`, if given,
    receives each record's current canonical id (what `_canonical_map` would read again)."""
    cols = "SELECT record_id, prop, value, document_id, span_start, span_end, canonical_id FROM statements"
    if ids is None and conn.dialect.name == "sqlite":
        # A kind's as-seen ids all start with its prefix: walking that range of the record_id index
        # leaves SQLite only each record's own rows to sort, not the whole kind (~30 % quicker than
        # the (kind, prop) index). Byte order makes the range exact; PostgreSQL's collation may not.
        first, after = prefix(kind) + "-", prefix(kind) + "."  # "." follows "-" in byte order
        rows = driver_rows(conn, f"{cols} WHERE record_id >= {{p}} AND record_id < {{p}} "
                           "AND kind || '' = {p} ORDER BY record_id, span_start, id", (first, after, kind))
    elif ids is None:
        rows = driver_rows(conn, f"{cols} WHERE kind = {{p}} ORDER BY record_id, span_start, id", (kind,))
    else:  # chunks of sorted ids, each in id order: the whole in id order
        rows = in_chunks(conn, f"{cols} WHERE record_id IN ({{ids}}) ORDER BY record_id, span_start, id", ids)
    decoded = _DECODED  # the same few values recur (currencies, bodies, parties)
    if len(decoded) > 100_000:
        decoded.clear()
    rec: Seen | None = None
    names: dict[str, str] = {}  # one string per property name, not one per record (a batch's ~10 %)
    for record_id, prop, raw, document_id, span_start, span_end, canonical_id in rows:
        if rec is None or rec.id != record_id:
            if rec is not None:
                yield rec
            rec = Seen(id=record_id, kind=kind, document_id=document_id,
                       published=docs.get(document_id, NO_DOCUMENT).published)
            if canon is not None:
                canon[record_id] = record_id if canonical_id == record_id else canonical_id
        if rec.span is None and span_start is not None:
            rec.span = (span_start, span_end)
        vals = rec.props.setdefault(names.setdefault(prop, prop), [])
        try:
            v = decoded[raw]
        except KeyError:
            v = decoded[raw] = json.loads(raw)
        if v not in vals:
            vals.append(v)
    if rec is not None:
        yield rec


def document_parties(conn: Connection, documents: set[str] | None = None) -> dict[str, set[str]]:
    """Party codes of each document's meetings (their parties and the parties in their body), of
    every document or of `documents` only."""
    c = t.statements.c
    out: dict[str, set[str]] = defaultdict(set)
    if documents is None:
        rows = conn.execute(select(c.document_id, c.prop, c.value)
                            .where(c.kind == "meetings", c.prop.in_(["parties", "body"])))
    else:
        rows = in_chunks(conn, "SELECT document_id, prop, value FROM statements WHERE document_id IN ({ids}) "
                         "AND kind = 'meetings' AND prop IN ('parties', 'body')", sorted(documents))
    for document_id, prop, raw in rows:
        value = json.loads(raw)
        if not isinstance(value, str):
            continue
        if prop == "parties":
            out[document_id].add(party_code(value) or fold(value))
        else:
            out[document_id] |= name_parts(value)[0]
    return out


def apply_context_parties(agreements: list[Seen], per_doc: dict[str, set[str]]) -> None:
    """The parties of a document's meetings, when they name exactly one pair, are the default
    parties of the agreements it mentions without naming parties."""
    for a in agreements:
        ctx = per_doc.get(a.document_id, set())
        if len(ctx) == 2:
            a.context_parties = frozenset(ctx)


def _resolve(target: str, key: dict | None, index: dict[str, Seen],
             by_kind: dict[str, list[Seen]]) -> str | None:
    """An id a judgement names → an as-seen id present now (by the snapshot if the id is gone)."""
    if target in index:
        return target
    if not key or not key.get("kind") or key.get("label") is None:
        return None
    label_prop = rules()["label"].get(key["kind"])
    docs = set(key.get("documents") or [])
    want = fold(str(key["label"]))
    for rec in sorted(by_kind.get(key["kind"], []), key=lambda r: r.id):
        if (not docs or rec.document_id in docs) and fold(str(rec.get(label_prop) or "")) == want:
            return rec.id
    return None


#: A record id a judgement names (and its snapshot) → the as-seen id present now, or None.
Resolver = Callable[[str, dict | None], str | None]


def cluster_kind(kind: str, recs: list[Seen], judgements: list[Judgement], index: dict[str, Seen],
                 by_kind: dict[str, list[Seen]], resolve: Resolver | None = None,
                 ghosts: dict[str, list[str]] | None = None,
                 incremental: tuple[dict[str, str], set[str]] | None = None,
                 big: frozenset[str] | set[str] = frozenset()) -> list[Cluster]:
    """Cluster the records of one kind. `recs` may be any union of whole components (records linked
    by a shared blocking key, signature or merge judgement): no comparison crosses components, so
    each is clustered as in the whole kind. `resolve` answers for judgements naming records outside
    `recs` (a batch); by default they are looked up among `by_kind`. `ghosts`: ids of records not
    loaded that have the signature of a loaded one (loaded id → theirs), as if they were there.
    `incremental`: (canonical id of each old record, ids of the new ones), when `recs` are whole
    components of a rebuilt ledger plus new records and no judgement merges or splits them
    (`_strong_incremental`). `big`: blocking keys that hold more than `BIG_BLOCK` strong records in
    the whole kind (`_refine_components`), skipped as there though `recs` hold fewer of them."""
    matcher = MATCHERS.get(kind)
    ghosts = ghosts or {}
    if resolve is None:
        def resolve(target: str, key: dict | None) -> str | None:
            return _resolve(target, key, index, by_kind)
    ids = sorted([r.id for r in recs] + [g for gs in ghosts.values() for g in gs])
    ids_set = set(ids)
    cannot: dict[str, set[str]] = defaultdict(set)
    must: list[tuple[str, str, int]] = []
    for j in judgements:
        if j.kind not in ("merge", "split") or j.target_type != "record":
            continue
        a = resolve(j.target_id, j.target_key)
        if a is None or a not in ids_set:
            continue
        if j.kind == "merge":
            b = resolve(j.other_id, None) if j.other_id else None
            if b and b in ids_set:
                must.append((a, b, j.id))
        elif j.other_id:
            b = resolve(j.other_id, None)
            if b and b in ids_set:
                cannot[a].add(b)
                cannot[b].add(a)
        else:
            members = [m for m in ((j.value or {}).get("members") or []) if m in ids_set] or [a]
            detach = (j.value or {}).get("detach")
            pairs = [(detach, m) for m in members if m != detach] if detach in ids_set else \
                combinations(members, 2)
            for x, y in pairs:
                cannot[x].add(y)
                cannot[y].add(x)
    uf = _UnionFind(ids, cannot)
    edges: list[tuple[str, str, float, str, str, int | None]] = []
    for a, b, jid in sorted(must):
        if uf.union(a, b, force=True):
            edges.append((a, b, 1.0, "judgement", "judgement", jid))
    if matcher is not None:
        strong = _collapse([r for r in recs if not matcher.weak(r)], matcher, uf, edges, ghosts)
        weak = _collapse([r for r in recs if matcher.weak(r)], matcher, uf, edges, ghosts)
        blocks: dict[str, list[Seen]] = defaultdict(list)
        for r in strong:
            for k in keys_of(matcher, r):
                blocks[k].append(r)
        if incremental is not None:
            _strong_incremental(recs, strong, blocks, matcher, uf, edges, *incremental)
        else:
            _strong_pairs(strong, blocks, matcher, uf, edges, big)
        # weak records join the one cluster that fits them, else each other
        left: list[Seen] = []
        for w in weak:
            fits: dict[str, tuple[float, str, str]] = {}
            for k in keys_of(matcher, w):
                for s in blocks.get(k, ()):
                    sc = matcher.score(w, s)
                    if sc:
                        root = uf.find(s.id)
                        if root not in fits or sc[0] > fits[root][0] or \
                                (sc[0] == fits[root][0] and s.id < fits[root][2]):
                            fits[root] = (sc[0], sc[1], s.id)
            if len(fits) == 1:
                (score, rule, other), = fits.values()
                if uf.union(w.id, other):
                    edges.append((min(w.id, other), max(w.id, other), score * 0.9, rule + " (only fit)",
                                  "auto", None))
                    continue
            if not fits:
                left.append(w)
        wblocks: dict[str, list[Seen]] = defaultdict(list)
        for w in left:
            for k in sorted(keys_of(matcher, w)):  # block order decides edges: not string hashing's
                wblocks[k].append(w)
        for members in wblocks.values():
            for x, y in combinations(members, 2):
                s = matcher.score(x, y)
                if s and uf.union(x.id, y.id):
                    edges.append((min(x.id, y.id), max(x.id, y.id), s[0] * 0.9, s[1] + " (weak)", "auto",
                                  None))
    groups: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        groups[uf.find(i)].append(i)
    clusters = {root: Cluster(kind, sorted(m)) for root, m in groups.items()}
    for e in edges:
        clusters[uf.find(e[0])].edges.append(e)
    return sorted(clusters.values(), key=lambda c: c.id)


#: A blocking key shared by more strong records than this separates nothing (an empty name): skipped.
BIG_BLOCK = 2000


def _strong_pairs(strong: list[Seen], blocks: dict[str, list[Seen]], matcher, uf: _UnionFind, edges: list,
                  big: frozenset[str] | set[str]) -> None:
    """The strong pass of `cluster_kind`: every pair of every block scored once, the matches
    joined strongest first (ties: the smaller pair of ids first), each union an edge.

    The pairs go to `_Pairs` (sorted runs spilled to disk past `PAIRS_IN_MEMORY`), not to a dict
    of every scored pair: one merged record of thousands of distinct signatures (a pledge that
    documents give with different dates and purposes) has a quadratic number of them (at 30,000
    documents ~+160 MB for one record). A pair met again in a later block (records sharing two
    keys: a pledge's two amount buckets) is recognised from the blocks the two share, not looked
    up: it is the pair's first block that scores it, as the dict did (with the same orientation)."""
    at: dict[str, tuple[int, frozenset[int] | None]] = {}
    order = {key: i for i, (key, members) in enumerate(blocks.items())
             if len(members) <= BIG_BLOCK and key not in big}  # a key too common: skipped
    for i, r in enumerate(strong):  # `strong` is in id order: positions compare as ids
        mine = frozenset(order[k] for k in keys_of(matcher, r) if k in order)
        at[r.id] = (i, mine if len(mine) > 1 else None)
    pairs = _Pairs()
    try:
        for key, o in order.items():
            for x, y in _block_pairs(blocks[key], matcher):
                px, kx = at[x.id]
                py, ky = at[y.id]
                if kx is not None and ky is not None and min(kx & ky) < o:
                    continue  # scored in an earlier block the two share
                s = matcher.score(x, y)
                if s:
                    if px < py:
                        pairs.add(s, px, py)
                    else:
                        pairs.add(s, py, px)
        at = order = None
        for a, b, score, rule in pairs.walk():
            ida, idb = strong[a].id, strong[b].id
            if uf.union(ida, idb):
                edges.append((ida, idb, score, rule, "auto", None))
    finally:
        pairs.close()


#: Scored pairs `_Pairs` holds before it sorts them into a run on disk (~60 bytes a pair: ~12 MB).
PAIRS_IN_MEMORY = 200_000


class _Pairs:
    """Scored pairs of record positions, given in any order and walked strongest first, ties by
    positions: `sorted(pairs, key=(-score, a, b))` in bounded memory.

    A pair is one int whose order is that walk's: the score's bits made to sort descending, the
    two positions, then the index of its (score, rule) in a table of the distinct ones (few). Up
    to `PAIRS_IN_MEMORY` of them are held; beyond, each full buffer is sorted and written to a
    temporary file as a run of fixed-width big-endian records (whose byte order is their numeric
    order), and the walk merges the runs (`heapq.merge`) reading a few thousand of each at a time.
    Held: the buffer, one chunk per run and the table, whatever the number of pairs."""

    WIDTH = 20  # bytes of a pair: 64 bits of score, 32 of each position, 32 of its (score, rule)
    CHUNK = 4096  # pairs read from a run at a time

    def __init__(self, limit: int | None = None):
        self.limit = limit or PAIRS_IN_MEMORY
        self.keys: list[int] = []
        self.base: dict[tuple, int] = {}  # (score, rule) → its key's score bits and table index
        self.table: list[tuple] = []
        self.file = None
        self.runs: list[tuple[int, int]] = []  # (offset, pairs) of each run in the file
        self.size = 0

    def add(self, s: tuple, a: int, b: int) -> None:
        base = self.base.get(s)
        if base is None:
            base = self.base[s] = (_descending(s[0]) << 96) | len(self.table)
            self.table.append(s)
        self.keys.append(base | (a << 64) | (b << 32))
        if len(self.keys) >= self.limit:
            self._spill()

    def _spill(self) -> None:
        import tempfile

        if self.file is None:
            # closed by `close` (the walk outlives this call): no `with`
            self.file = tempfile.TemporaryFile(prefix="communique-pairs-")  # noqa: SIM115
        self.keys.sort()
        w = self.WIDTH
        data = b"".join(k.to_bytes(w, "big") for k in self.keys)
        self.file.seek(self.size)
        self.file.write(data)
        self.runs.append((self.size, len(self.keys)))
        self.size += len(data)
        self.keys = []

    def _run(self, offset: int, count: int) -> Iterator[int]:
        import os

        w, fd = self.WIDTH, self.file.fileno()
        end = offset + count * w
        while offset < end:
            data = os.pread(fd, min(self.CHUNK * w, end - offset), offset)
            offset += len(data)
            yield from (int.from_bytes(data[i:i + w], "big") for i in range(0, len(data), w))

    def walk(self) -> Iterator[tuple[int, int, float, str]]:
        """(a, b, score, rule) of every pair, strongest first, then by (a, b)."""
        import heapq

        self.keys.sort()
        if self.runs:
            self.file.flush()
            keys = heapq.merge(*(self._run(o, n) for o, n in self.runs), self.keys)
        else:
            keys = self.keys
        m, table = 0xFFFFFFFF, self.table
        for k in keys:
            score, rule = table[k & m]
            yield (k >> 64) & m, (k >> 32) & m, score, rule

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.keys = []


def _descending(score) -> int:
    """64 bits whose unsigned order is the descending order of the float `score` (IEEE 754 bits,
    negatives flipped; -0.0 as 0.0, which compare equal)."""
    import struct

    bits = struct.unpack("<Q", struct.pack("<d", float(score) + 0.0))[0]
    bits = (~bits & 0xFFFFFFFFFFFFFFFF) if bits >> 63 else bits | (1 << 63)
    return 0xFFFFFFFFFFFFFFFF - bits


def _strong_incremental(recs: list[Seen], strong: list[Seen], blocks: dict[str, list[Seen]], matcher,
                        uf: _UnionFind, edges: list, old_canon: dict[str, str], fresh: set[str]) -> None:
    """The strong pass of `cluster_kind` when records (`fresh`) join clusters that a full rebuild
    made (`old_canon`: each old record's canonical id), with no merge or split judgement on the
    kind; the same unions and edges as scoring every pair of every block, without the old pairs.

    Without judgements, the strong clusters are the connected components of the graph of scored
    pairs, whatever the order (the union-find's root is a component's smallest id), and the edges
    of a cluster are those the strongest-first walk takes among the cluster's own pairs (a pair
    across two clusters would have joined them). So: old clusters as stored, joined through the
    pairs that a representative with a new signature scores with its blocks (one scan per new
    signature, not every pair again); then, cluster by cluster, its own pairs walked
    strongest-first (a cluster's distinct signatures are few)."""
    parent: dict[object, object] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a, b) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    group_canon = {uf.find(r.id): old_canon[r.id] for r in recs
                   if r.id not in fresh and r.id in old_canon and not matcher.weak(r)}
    scored: dict[tuple[str, str], tuple[float, str] | None] = {}

    def score(x: Seen, y: Seen):
        pair = (x.id, y.id) if x.id < y.id else (y.id, x.id)
        if pair not in scored:
            scored[pair] = matcher.score(x, y)
        return pair, scored[pair]

    for x in strong:
        find(x.id)
        canon = group_canon.get(uf.find(x.id))
        if canon is not None:
            join(x.id, ("canonical", canon))
            continue
        part = matcher.partition(x) if matcher.partitioned else None
        for k in keys_of(matcher, x):
            members = blocks.get(k, ())
            if len(members) > BIG_BLOCK:
                continue
            for y in members:
                if y is x:
                    continue
                if part is not None:
                    py = matcher.partition(y)
                    if py is not None and py != part:
                        continue
                if score(x, y)[1]:
                    join(x.id, y.id)
    clusters: dict[object, list[Seen]] = defaultdict(list)
    for x in strong:
        clusters[find(x.id)].append(x)
    for members in clusters.values():
        if len(members) < 2:
            continue
        own: dict[str, list[Seen]] = defaultdict(list)
        for x in members:
            for k in keys_of(matcher, x):
                if len(blocks.get(k, ())) <= BIG_BLOCK:
                    own[k].append(x)
        found: dict[tuple[str, str], tuple[float, str]] = {}
        for block in own.values():
            for x, y in _block_pairs(block, matcher):
                pair, s = score(x, y)
                if s:
                    found[pair] = s
        for (a, b), (s, rule) in sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0])):
            if uf.union(a, b):
                edges.append((a, b, s, rule, "auto", None))


def _block_pairs(members: list[Seen], matcher) -> Iterator[tuple[Seen, Seen]]:
    """The pairs of a block of strong records that `matcher.score` may match: all of them, less
    those its `partition` rules out (both values known and different: meetings of other ordinals,
    pledges of other years), which a block of a body's hundreds of sittings is mostly made of."""
    if not matcher.partitioned:
        yield from combinations(members, 2)
        return
    groups: dict[object, list[Seen]] = defaultdict(list)
    loose: list[Seen] = []
    for m in members:
        v = matcher.partition(m)
        (loose if v is None else groups[v]).append(m)
    for g in groups.values():
        yield from combinations(g, 2)
    yield from combinations(loose, 2)
    for x in loose:
        for g in groups.values():
            for y in g:
                yield x, y


def _collapse(recs: list[Seen], matcher, uf: _UnionFind, edges: list,
              ghosts: dict[str, list[str]] | None = None) -> list[Seen]:
    """Join records with the same signature (same thing by construction) without comparing pairs,
    and return one representative per group: a name seen in a thousand documents then costs one
    comparison, not half a million. A loaded record's `ghosts` join its group by id (they are
    never representatives: the caller loads each group's smallest member, and passes ghosts only
    where no judgement can keep a group apart)."""
    groups: dict[object, list[Seen]] = defaultdict(list)
    reps: list[Seen] = []
    for r in sorted(recs, key=lambda r: r.id):
        sig = signature_of(matcher, r)
        if sig is None:
            reps.append(r)
        else:
            groups[sig].append(r)
    for members in groups.values():
        rep = members[0]
        reps.append(rep)
        others: list = members[1:]
        if ghosts:
            others = sorted([m.id for m in others] + [g for m in members for g in ghosts.get(m.id, ())])
        for m in others:
            mid = m if isinstance(m, str) else m.id
            if uf.union(rep.id, mid):
                edges.append((rep.id, mid, 1.0, "same " + matcher.signature_rule, "auto", None))
            elif uf.find(rep.id) != uf.find(mid):  # kept apart by a judgement: compare on its own
                reps.append(m)
    return sorted(reps, key=lambda r: r.id)


# --- assembly ---------------------------------------------------------------------------------

def _date_key(d: str | None) -> str:
    return d or ""


def _head_key(h) -> str:
    if isinstance(h, dict):
        return person_parts(h.get("name"))[1] + "|" + (party_code(h.get("side")) or fold(h.get("side") or ""))
    return dumps(h)


def _vkey(v):
    """A hashable key of a JSON value (cheaper than dumping scalars)."""
    return (type(v).__name__, v) if isinstance(v, (str, int, float, bool)) or v is None else dumps(v)


class _Assembly:
    """The merged record of a cluster: each field from the value most documents give; on a tie, an
    exact figure over an approximate one, then the earliest document's (the report closest to the
    event; later ones restate and round). Coupled fields (`rules.yaml: coupled`, e.g. a pledge's
    amount and its conversions) come together from the one source that gave the chosen lead value.

    Fed one member at a time in any order, it holds per field only its distinct values (each with
    the set of documents giving it), not the members: a merged record reported by thousands of
    documents is assembled from chunks of them. The order spoken of above (members by publication
    date, then id) is kept as each value's first position in it: a list field's items in order of
    first appearance, a tie's earliest source, the first member that says the most about a coupled
    value."""

    def __init__(self, kind: str, rejected_values: set[tuple[str, str, str]]):
        model = RECORD_TYPES[kind]
        self.kind = kind
        self.fields = [f for f in model.model_fields if f not in ("span", "spans")]
        lists = list_fields(kind)
        self.label_prop = rules()["label"].get(kind)
        self.coupled = rules().get("coupled", {}).get(kind, [])
        self.extra = extra_fields(kind)
        self.rejected = rejected_values
        self.listed: dict[str, dict] = {f: {} for f in self.fields if f in lists}
        self.votes: dict[str, dict] = {f: {} for f in self.fields if f not in lists}
        self.firsts: dict[str, tuple] = {}
        self.approximate = False
        self.documents: dict[str, int] = {}  # document id → a small number (sets of them per value)
        self.first_published: str | None = None
        self.last_published: str | None = None
        self.context: set[frozenset[str]] = set()

    def add(self, r: Seen) -> None:
        order = (_date_key(r.published), r.id)
        doc = self.documents.setdefault(r.document_id, len(self.documents))
        pub = r.published
        if pub:
            if self.first_published is None or pub < self.first_published:
                self.first_published = pub
            if self.last_published is None or pub > self.last_published:
                self.last_published = pub
        self.context.add(r.context_parties)
        qualifier = r.get("qualifier")
        exact = qualifier in (None, "exact")
        if not exact:
            self.approximate = True
        rejected = self.rejected
        for f, seen in self.listed.items():
            for i, v in enumerate(r.all(f)):
                if rejected and (r.id, f, dumps(v)) in rejected:
                    continue
                k = _head_key(v) if f == "heads" else (fold(v) if isinstance(v, str) else _vkey(v))
                at = (order, i)
                cur = seen.get(k)
                if cur is None or at < cur[0]:
                    seen[k] = (at, v)
        lead = self.coupled[0] if self.coupled else None
        for f, votes in self.votes.items():
            vals = r.all(f)
            if not vals:
                continue
            v = vals[0]
            if rejected and (r.id, f, dumps(v)) in rejected:
                continue
            key = _vkey(v)
            e = votes.get(key)
            if e is None:
                e = votes[key] = {"value": v, "at": order, "docs": set(), "first": None, "exact": False,
                                  "chosen": None}
            elif order < e["at"]:
                e["value"], e["at"] = v, order
            e["docs"].add(doc)
            e["exact"] = e["exact"] or exact
            if pub and (e["first"] is None or pub < e["first"]):
                e["first"] = pub
            if f == lead:  # the member of this value saying the most about it, the first on a tie
                says = sum(r.get(c) is not None for c in self.coupled)
                best = e["chosen"]
                if best is None or says > best[0] or (says == best[0] and order < best[1]):
                    e["chosen"] = (says, order, r)
        for f in self.extra:
            v = r.get(f)
            if v is not None:
                cur = self.firsts.get(f)
                if cur is None or order < cur[0]:
                    self.firsts[f] = (order, v)

    def result(self, corrections: dict) -> dict:
        coupled, label_prop = self.coupled, self.label_prop
        data: dict = {}
        disagreements: dict[str, list] = {}
        chosen: Seen | None = None
        for f in self.fields:
            if f in self.listed:
                data[f] = [v for _, v in sorted(self.listed[f].values(), key=lambda x: x[0])]
                continue
            if f in coupled[1:] and chosen is not None:
                data[f] = chosen.get(f)
                continue
            votes = sorted(self.votes[f].values(), key=lambda e: e["at"])  # first seen first
            if not votes:
                data[f] = None
                continue
            if f == label_prop:  # a full name names a thing better than its acronym or a short form
                best = sorted(votes, key=lambda e: (looks_like_acronym(str(e["value"])), -len(e["docs"]),
                                                    -len(str(e["value"])), dumps(e["value"])))
            else:
                best = sorted(votes, key=lambda e: (-len(e["docs"]), not e["exact"], e["first"] or "~",
                                                    dumps(e["value"])))
            data[f] = _refine(f, [e["value"] for e in best])
            if coupled and f == coupled[0]:  # the source of that value that says the most about it
                chosen = best[0]["chosen"][2]
            if len(votes) > 1:
                disagreements[f] = [(e["value"], sorted(e["docs"])) for e in best]
        for f in self.extra:
            data[f] = chosen.get(f) if chosen is not None and f in coupled else \
                (self.firsts[f][1] if f in self.firsts else None)
        for prop, value in corrections.items():
            data[prop] = value
        data["_disagreements"] = disagreements
        data["_approximate"] = self.approximate
        return data


def _refine(prop: str, values: list):
    """Between dates where one refines another ('2025-06' vs '2025-06-17'), keep the precise one."""
    best = values[0]
    if prop in ("date", "date_end", "published") and isinstance(best, str):
        for v in values[1:]:
            if isinstance(v, str) and len(v) > len(best) and v.startswith(best):
                best = v
    return best


def label_of(kind: str, data: dict) -> str:
    label = data.get(rules()["label"].get(kind, "")) or ""
    if kind == "meetings" and data.get("number"):
        n = int(data["number"])
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        label = f"{n}{suffix} {label}"
    elif kind == "pledges":
        amount = data.get("amount")
        label = f"{label or '?'}: {data.get('currency') or ''} {amount:,.0f}" if amount else label
    elif kind == "figures":
        label = f"{label} {data.get('period') or ''}".strip()
    return str(label)[:300]


def _disagreement_flags(cluster_id: str, kind: str, label: str, dis: dict[str, list],
                        approximate: bool) -> list[dict]:
    """Two documents giving different values for a watched field (`rules.yaml: disagreement`).
    Values from one document only are that document's business (its own checks)."""
    watch = rules()["disagreement"].get(kind, [])
    th = rules()["thresholds"]
    tol = th["approximate_tolerance"] if approximate else th["pledge_amount_tolerance"]
    out = []
    for prop, entries in dis.items():
        if prop not in watch:
            continue
        entries = [(v, d) for v, d in entries if v is not None]
        if len({doc for _, d in entries for doc in d}) < 2:
            continue
        vals = [v for v, _ in entries]
        if all(isinstance(v, (int, float)) for v in vals) and vals and \
                max(vals) - min(vals) <= tol * max(abs(v) for v in vals):
            continue
        if all(isinstance(v, str) for v in vals) and prop in ("date", "date_end") and \
                all(dates_compatible(vals[0], v) for v in vals):
            continue
        if all(isinstance(v, str) for v in vals) and len({fold(v) for v in vals}) == 1:
            continue
        msg = f"{label}: sources disagree on {prop}: " + " / ".join(
            f"{v} ({len(d)} doc{'s' if len(d) > 1 else ''})" for v, d in entries)
        out.append({"kind": "sources disagree", "message": msg, "record_ids": [cluster_id]})
    return out


def rebuild(conn: Connection, touched: set[str] | None = None, workers: int = 1) -> dict:
    """Recompute every derived table, one record kind at a time (see the module docstring).

    With `touched` (ids of documents just added, none changed or removed, no judgement since the
    last rebuild), the result is the same but less is done, and what is done does not grow with
    the ledger: kinds none of those documents mention are left alone, and within a kind only the
    records linked to the new ones through shared blocking keys or signatures (`match_keys`,
    written by the full rebuild and kept current here) or merge judgements are loaded and
    clustered: whole connected components, so their merge decisions are exactly a full rebuild's
    (`cluster_kind`). Of those, only clusters that gained a record or changed members are
    assembled and rewritten, with their stage history and flags. `communique rebuild`
    (touched=None) recomputes everything and rewrites `match_keys`; with `workers` > 1 it merges
    some of the small kinds in another process meanwhile (`_other_process_kinds`)."""
    ts = datetime.now(UTC)
    judgements = active(conn)
    rejected_values: set[tuple[str, str, str]] = set()
    for j in judgements:
        if j.target_type == "statement" and j.kind == "reject":
            k = j.target_key or {}
            if k.get("record_id") and k.get("prop"):
                rejected_values.add((k["record_id"], k["prop"], k["value"]))
    kinds = [k for k in RECORD_TYPES if k != "flags"]
    if touched is not None and not _judgements_anchored(conn, judgements):
        touched = None  # a judgement found by its snapshot may move to a new record: do it all
    if touched is not None and conn.execute(select(t.records.c.id).limit(1)).first() is None:
        touched = None  # nothing derived yet (a first ingest): the full rebuild is the same, cheaper
    if touched is not None and get_meta(conn, MATCH_KEYS_META) != match_keys_version():
        touched = None  # keys from another matcher version (or none yet): rebuild them with the rest
    if touched is None:
        for table in (t.records, t.merges, t.stage_history, t.match_keys):
            conn.execute(delete(table))
        conn.execute(delete(t.flags).where(t.flags.c.source == "ledger"))
        docs = _Published.load(conn)
    else:
        present = _kinds_of(conn, touched)
        kinds = [k for k in kinds if k in present]
        docs = {}  # filled with the documents of the records each kind re-merges
    totals = {"records": 0, "merges": 0, "flags": 0, "stage_history": 0, "remapped": 0, "kinds": len(kinds),
              "rewritten": 0}
    flags_of: dict[str, list[dict]] = {kind: [] for kind in kinds}  # joined in kind order
    # a full rebuild writes its flags as each kind (each batch of a large kind) makes them, so it
    # never holds the whole ledger's; an incremental one joins its few to compare with those stored
    writer = _FlagWriter(conn, ts) if touched is None else None
    per_doc_parties = None
    counts = {kind: _statement_count(conn, kind) for kind in kinds} if touched is None else {}
    elsewhere = _other_process_kinds(conn, counts, workers)
    if elsewhere:
        if "agreements" in counts:
            per_doc_parties = context_pairs(conn)
        pending = _merge_elsewhere(conn, elsewhere, docs, judgements, rejected_values, ts, per_doc_parties)
    for kind in kinds:  # one kind at a time (its records dropped before the next): peak = the largest
        flag_rows = flags_of[kind]
        if kind in elsewhere:
            continue
        if touched is not None:
            stats = _rebuild_kind_touched(conn, kind, touched, docs, judgements, rejected_values, flag_rows,
                                          ts)
        elif counts[kind] > BATCH_STATEMENTS:
            if kind == "agreements" and per_doc_parties is None:
                per_doc_parties = context_pairs(conn)
            stats = _rebuild_kind_batched(conn, kind, docs, judgements, rejected_values, flag_rows, ts,
                                          per_doc_parties, flush=writer.write)
        else:
            if kind == "agreements" and per_doc_parties is None:
                per_doc_parties = context_pairs(conn)
            stats = _merge_whole_kind(conn, kind, docs, judgements, rejected_values, flag_rows, ts,
                                      per_doc_parties)
        if writer is not None:
            writer.write(flag_rows)
        for k, v in stats.items():
            totals[k] += v
    if elsewhere:
        for kind, links, flags, rows, stats in pending.get():
            _write_links(conn, kind, links, replace=False)
            _write_kind(conn, rows)
            flags_of[kind].extend(flags)
            if writer is not None:  # after kinds that follow it: theirs win as if written after
                writer.write(flags_of[kind], late=kind)
            for k, v in stats.items():
                totals[k] += v
    if touched is None:
        set_meta(conn, MATCH_KEYS_META, match_keys_version())
        totals["flags"] = writer.count()
        return totals
    flag_rows = [f for kind in kinds for f in flags_of[kind]]
    flags_by_id = {}
    for f in flag_rows:
        fid, row = _flag_row(f, ts)
        flags_by_id[fid] = row
    if flags_by_id:  # a flag a kept cluster also raises is there already
        present = set()
        ids = list(flags_by_id)
        for part in chunks(ids):
            present |= set(conn.execute(select(t.flags.c.id).where(t.flags.c.id.in_(part))).scalars())
        flags_by_id = {k: v for k, v in flags_by_id.items() if k not in present}
    _insert(conn, t.flags, list(flags_by_id.values()))
    totals["flags"] = len(flags_by_id)
    return totals


def _flag_row(f: dict, ts: datetime) -> tuple[str, dict]:
    """(id, row) of a ledger flag: its id hashes its kind and message, so one raised twice is one."""
    fid = sha("ledger", f["kind"], f["message"])
    return fid, {"id": fid, "kind": f["kind"], "message": f["message"], "source": "ledger",
                 "document_id": f.get("document_id"), "span_start": f.get("span_start"),
                 "span_end": f.get("span_end"), "record_ids": dumps(f.get("record_ids") or []),
                 "created_at": ts}


_KIND_AT = {prefix(k): i for i, k in enumerate(RECORD_TYPES)}


class _FlagWriter:
    """Ledger flags of a full rebuild, written as they come (the caller's list emptied) rather than
    gathered for the whole ledger (at 100,000 documents: ~140,000 flags, two dicts each at the end).
    The table ends as the gathered write made it: of flags with one id, the last in kind order
    gives the row. Kinds merged here come in that order, so a later row replaces a stored one;
    a kind merged in the other process comes last (`late`, its kind), and replaces only rows of
    kinds before it (a row's kind: the prefix of its record id)."""

    def __init__(self, conn: Connection, ts: datetime):
        self.conn, self.ts = conn, ts

    def write(self, flags: list[dict], late: str | None = None) -> None:
        for part in chunks(flags, 5000):
            rows: dict[str, dict] = {}
            for f in part:
                fid, row = _flag_row(f, self.ts)
                rows.pop(fid, None)
                rows[fid] = row
            stored = dict(in_chunks(self.conn, "SELECT id, record_ids FROM flags WHERE id IN ({ids})",
                                    list(rows)))
            if late is not None:
                at = list(RECORD_TYPES).index(late)
                for fid, rids in stored.items():
                    if self._kind_at(rids) > at:
                        rows.pop(fid)
            for _ in in_chunks(self.conn, "DELETE FROM flags WHERE id IN ({ids})",
                               [fid for fid in rows if fid in stored]):
                pass
            _insert(self.conn, t.flags, list(rows.values()))
        flags.clear()

    @staticmethod
    def _kind_at(record_ids: str | None) -> int:
        ids = json.loads(record_ids) if record_ids else []
        return _KIND_AT.get(str(ids[0])[:3], -1) if ids else -1

    def count(self) -> int:
        return self.conn.execute(select(func.count()).select_from(t.flags)
                                 .where(t.flags.c.source == "ledger")).scalar_one()


def _merge_whole_kind(conn: Connection, kind: str, docs: dict[str, DocumentRow], judgements: list[Judgement],
                      rejected_values: set, flag_rows: list[dict], ts: datetime,
                      per_doc_parties: dict[str, set[str]] | None, sink: dict | None = None) -> dict:
    """A full rebuild of one kind read whole (below `BATCH_STATEMENTS`): its link keys and records
    written, or with `sink`, put there (`links` besides `_rebuild_kind`'s rows)."""
    canon: dict[str, str] = {}
    recs = load_seen(conn, docs, kind, canon)
    if not recs:
        return {}
    if kind == "agreements":
        apply_context_parties(recs, per_doc_parties or {})
    links = {r.id: link_keys(kind, r) for r in recs}
    if sink is None:
        _write_links(conn, kind, links, replace=False)
    else:
        sink["links"] = links
    return _rebuild_kind(conn, kind, recs, docs, judgements, rejected_values, flag_rows, ts, canon=canon,
                         sink=sink)


#: Statements below which a second process is not worth its start and the rows' trip back.
PARALLEL_MIN_STATEMENTS = 20_000


def _other_process_kinds(conn: Connection, counts: dict[str, int], workers: int) -> set[str]:
    """Kinds a full rebuild may merge in a second process while this one merges the rest: only
    kinds read whole (a batched kind's memory bound would double), only with `workers` > 1, a
    database another process can open (not SQLite in memory) and `fork`. Up to 55 % of the
    statements go there, largest kinds first: this process also writes what comes back (about a
    quarter of a kind's merge time) before the checks (at 2,000 documents: merging 3.6 CPU-s of
    which the 8 kinds take 0.24-0.97 s each, the checks after it 1.2 s)."""
    import multiprocessing as mp

    if workers <= 1 or not counts or "fork" not in mp.get_all_start_methods():
        return set()
    if conn.dialect.name == "sqlite" and conn.engine.url.database in (None, "", ":memory:"):
        return set()
    whole = {k: n for k, n in counts.items() if 0 < n <= BATCH_STATEMENTS}
    total = sum(counts.values())
    if sum(whole.values()) < PARALLEL_MIN_STATEMENTS:
        return set()
    out: set[str] = set()
    share = 0
    for kind, n in sorted(whole.items(), key=lambda kv: (-kv[1], kv[0])):
        if share + n <= 0.55 * total:
            out.add(kind)
            share += n
    return out


_ELSEWHERE: dict = {}


def _merge_elsewhere(conn: Connection, kinds: set[str], docs: dict[str, DocumentRow],
                     judgements: list[Judgement], rejected_values: set, ts: datetime,
                     per_doc_parties: dict[str, set[str]] | None) -> _Elsewhere:
    """Start merging `kinds` in a forked process on its own connection. The child reads what is
    committed: a full rebuild changes nothing of what merging a kind reads (statements and
    mentions of other kinds, documents, judgements) before it writes that kind itself."""
    import multiprocessing as mp

    _ELSEWHERE.update(url=conn.engine.url.render_as_string(hide_password=False), docs=docs,
                      judgements=judgements, rejected=rejected_values, ts=ts, parties=per_doc_parties)
    try:
        pool = mp.get_context("fork").Pool(1)
        result = pool.map_async(_merge_in_child, sorted(kinds, key=list(RECORD_TYPES).index))
        pool.close()
    finally:
        _ELSEWHERE.clear()  # the child has its copy
    return _Elsewhere(pool, result)


class _Elsewhere:
    """The other process's merge: `get()` waits for (kind, links, flags, rows, stats) per kind."""

    def __init__(self, pool, result):
        self.pool, self.result = pool, result

    def get(self) -> list[tuple]:
        try:
            return self.result.get()
        finally:
            self.pool.join()

    def __del__(self):  # a rebuild that failed before asking: do not leave the child running
        self.pool.terminate()


def _merge_in_child(kind: str) -> tuple:
    from .db import make_engine

    p = _ELSEWHERE
    engine = make_engine(p["url"])
    try:
        with engine.connect() as conn:
            flags: list[dict] = []
            sink: dict = {}
            stats = _merge_whole_kind(conn, kind, p["docs"], p["judgements"], p["rejected"], flags, p["ts"],
                                      p["parties"], sink=sink)
            conn.rollback()
    finally:
        engine.dispose()
    links = sink.pop("links", {})
    if not stats:
        sink = {"records": [], "merges": [], "stage_history": [], "changed": []}
    return kind, links, flags, sink, stats


#: A kind with more statements than this is merged in batches of whole components (see
#: `_rebuild_kind_batched`), so a full rebuild holds one batch of records, not the whole kind.
#: Measured at 10,000 documents (most kinds 65,000-270,000 statements): batched from here with
#: batches of 5,000 records, the merge peaked at 234 MB RSS against 312 MB with 100,000 and
#: 20,000. A small ledger (2,000 documents: 13,000-54,000 statements a kind) merges whole: the
#: second read of pass 2 cost it ~6-10 % more CPU for ~20 MB.
BATCH_STATEMENTS = 60_000
#: As-seen records per batch (a component larger than this is one batch on its own).
BATCH_RECORDS = 5_000
#: Members of a large merged record read and assembled at a time (`_rebuild_kind`'s `stream`).
STREAM_RECORDS = 2_000


def _statement_count(conn: Connection, kind: str) -> int:
    from sqlalchemy import func

    return conn.execute(select(func.count()).select_from(t.statements)
                        .where(t.statements.c.kind == kind)).scalar_one()


def _rebuild_kind_batched(conn: Connection, kind: str, docs: dict[str, DocumentRow],
                          judgements: list[Judgement], rejected_values: set, flag_rows: list[dict],
                          ts: datetime, per_doc_parties: dict[str, set[str]] | None,
                          batch_records: int | None = None,
                          flush: Callable[[list[dict]], None] | None = None) -> dict:
    """A full rebuild of one large kind with bounded memory, the same as `_rebuild_kind` over all
    its records. Pass 1 streams the records once, keeping of each only its id and the union-find
    link of its blocking keys and signature (records that share none are never compared, so they
    can be clustered apart); merge judgements link their two records; judgements whose record is
    gone are resolved by snapshot against the whole kind. The links are `match_keys`' (written here
    too). Pass 2 loads whole components, a batch of about `batch_records` at a time, and clusters,
    assembles and writes each batch.

    Pass 1 holds a few bytes per record: records are positions (in the order read: id order), the
    union-find an `array` of positions, a link key maps to its first record's position; only the
    ids themselves are packed strings (`_Ids`; a dict of id → id was ~3 times the size). Records
    sharing a link key are joined after the pass, from `match_keys` read back in key order (a dict
    of every link key held ~100 bytes per key: the largest pass-1 structure of a large kind).
    `flush`, if given, takes the flags of each batch (`_FlagWriter.write`)."""
    matcher = MATCHERS.get(kind)
    batch_records = batch_records or BATCH_RECORDS
    ids = _Ids()
    parent = array("i")

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:  # the root is the smallest id, as `_UnionFind`'s (in id order: the smallest position)
            if (ra > rb) if ordered else (ids[ra] > ids[rb]):
                ra, rb = rb, ra
            parent[rb] = ra

    # judgements naming records by snapshot: the smallest present id that fits (as `_resolve`)
    wanted = {}
    label_prop = rules()["label"].get(kind)
    for j in judgements:
        key = j.target_key or {}
        if j.target_type == "record" and key.get("kind") == kind and key.get("label") is not None:
            wanted[(j.target_id, dumps(key))] = (set(key.get("documents") or []), fold(str(key["label"])))
    found: dict[tuple, str] = {}
    pending: dict[str, dict[str, str]] = {}
    # each link of a record with its position, in a temporary table: read back in key order, the
    # records sharing a key come together, and no id is looked up
    positions: list[tuple[str, str, int]] = []
    if matcher is not None:
        conn.exec_driver_sql("CREATE TEMPORARY TABLE link_pos (key VARCHAR(16) NOT NULL, "
                             "role VARCHAR(1) NOT NULL, pos INTEGER NOT NULL)")
    ordered, last = True, None
    for r in iter_seen(conn, docs, kind):
        if kind == "agreements" and per_doc_parties is not None:
            apply_context_parties([r], per_doc_parties)
        if last is not None and not last < r.id:
            ordered = False
        last = r.id
        at = len(ids)
        parent.append(at)
        ids.append(r.id)
        links = pending[r.id] = link_keys(kind, r)
        if matcher is not None:
            positions.extend((k, role, at) for k, role in links.items())
        if len(pending) >= 5000:
            _write_links(conn, kind, pending, replace=False)
            _write_positions(conn, positions)
            pending, positions = {}, []
        for w, (wdocs, want) in wanted.items():
            if w not in found and (not wdocs or r.document_id in wdocs) and \
                    fold(str(r.get(label_prop) or "")) == want:
                found[w] = r.id
    _write_links(conn, kind, pending, replace=False)
    _write_positions(conn, positions)
    pending, positions = {}, []
    n = len(ids)
    at: dict[str, int] | None = None if ordered else {ids[i]: i for i in range(n)}

    def position(target: str) -> int | None:
        if at is not None:
            return at.get(target)
        if ordered:
            i = bisect_left(ids, target)
            return i if i < n and ids[i] == target else None
        return next((i for i in range(n) if ids[i] == target), None)  # judgements are few

    if matcher is not None:  # records sharing a link key
        head_key, head = None, 0
        for key, i in driver_rows(conn, "SELECT key, pos FROM link_pos ORDER BY key"):
            if key != head_key:
                head_key, head = key, i
            else:
                union(head, i)
    at = None  # (a map of every id, in a database whose order is not Python's: dropped)

    def resolve(target: str, key: dict | None) -> str | None:
        if position(target) is not None:
            return target
        if not key or not key.get("kind") or key.get("label") is None:
            return None
        return found.get((target, dumps(key)))

    for j in judgements:
        if j.kind == "merge" and j.target_type == "record" and j.other_id:
            a, b = resolve(j.target_id, j.target_key), resolve(j.other_id, None)
            if a and b:
                union(position(a), position(b))
    # components in order of their smallest id, each a run of `members` (a counting sort)
    size = array("i", bytes(4 * n))
    for i in range(n):
        parent[i] = find(i)
        size[parent[i]] += 1
    big: set[str] = set()
    if matcher is not None and ordered and not _judged(kind, judgements) and \
            any(size[i] > batch_records for i in range(n)):
        parent, big = _refine_components(conn, kind, matcher, ids, parent, size, batch_records, docs,
                                         per_doc_parties)
        size = array("i", bytes(4 * n))
        for i in range(n):
            size[parent[i]] += 1
    if matcher is not None:
        conn.exec_driver_sql("DROP TABLE link_pos")
    roots = sorted((i for i in range(n) if parent[i] == i), key=ids.__getitem__)
    end = array("i", bytes(4 * n))
    filled = 0
    for root in roots:
        end[root] = filled
        filled += size[root]
    members = array("i", bytes(4 * n))
    for i in range(n):
        members[end[parent[i]]] = i
        end[parent[i]] += 1
    parent = array("i")  # freed: `members` holds the components now
    totals: dict[str, int] = defaultdict(int)

    def batches() -> Iterator[list[str]]:
        """Whole components, joined while they fit in `batch_records` (a larger one alone)."""
        batch: list[str] = []
        for root in roots:
            if batch and len(batch) + size[root] > batch_records:
                yield batch
                batch = []
            batch.extend(ids[i] for i in members[end[root] - size[root]:end[root]])
        if batch:
            yield batch

    # a component larger than a batch is mostly records with one signature (a pledge reported by
    # thousands of documents): load one of each signature to cluster, as an incremental merge does
    # (`_rebuild_kind_touched`: no merge or split judgement may keep them apart), and stream the
    # others through the assembly. Agreements are not: their stage history reads every member.
    streamable = matcher is not None and kind != "agreements" and not _judged(kind, judgements)
    for batch in batches():
        canon: dict[str, str] = {}
        load = sorted(batch)
        ghosts: dict[str, list[str]] = {}
        if streamable and len(batch) > batch_records:
            ghosts = _signature_ghosts(conn, load)
            skip = {g for gs in ghosts.values() for g in gs}
            load = [i for i in load if i not in skip]
        recs = list(iter_seen(conn, docs, kind, load, canon))
        if kind == "agreements" and per_doc_parties is not None:
            apply_context_parties(recs, per_doc_parties)

        def stream(part: list[str], canon=canon) -> Iterator[Seen]:
            return iter_seen(conn, docs, kind, part, canon)

        stats = _rebuild_kind(conn, kind, recs, docs, judgements, rejected_values, flag_rows, ts,
                              resolve=resolve, canon=canon, big=big, ghosts=ghosts or None,
                              stream=stream if ghosts else None)
        for key, v in stats.items():
            totals[key] += v
        recs = None
        if flush is not None:
            flush(flag_rows)
    return dict(totals)


class _Ids:
    """A kind's as-seen ids in read order, packed: they have one length (`statements.record_id`:
    prefix, dash, 24 hex digits), so n of them are one buffer of n × that length, 28 bytes an id
    against ~85 for a str in a list. An id of another length (or not ASCII) makes it a plain list."""

    __slots__ = ("buf", "width", "items")

    def __init__(self):
        self.buf = bytearray()
        self.width = 0
        self.items: list[str] | None = None

    def append(self, rid: str) -> None:
        if self.items is None:
            if not self.buf and rid and rid.isascii():
                self.width = len(rid)
            if len(rid) == self.width and rid.isascii():
                self.buf += rid.encode("ascii")
                return
            self.items = [self[i] for i in range(len(self))]
        self.items.append(rid)

    def __len__(self) -> int:
        if self.items is not None:
            return len(self.items)
        return len(self.buf) // self.width if self.width else 0

    def __getitem__(self, i: int) -> str:
        if self.items is not None:
            return self.items[i]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        w = self.width
        return self.buf[i * w:(i + 1) * w].decode("ascii")


def _judged(kind: str, judgements: list[Judgement]) -> bool:
    """Whether a merge or split judgement may name a record of `kind` (by id or snapshot)."""
    own = prefix(kind) + "-"
    for j in judgements:
        if j.kind in ("merge", "split") and j.target_type == "record":
            ids = [j.target_id, j.other_id, *((j.value or {}).get("members") or [])] \
                if isinstance(j.value, dict) else [j.target_id, j.other_id]
            if any(isinstance(i, str) and i.startswith(own) for i in ids) or \
                    (j.target_key or {}).get("kind") == kind:
                return True
    return False


def _refine_components(conn: Connection, kind: str, matcher, ids: list[str], root: array, size: array,
                       batch_records: int, docs: dict[str, DocumentRow],
                       per_doc_parties: dict[str, set[str]] | None) -> tuple[array, set[str]]:
    """Split the link components larger than `batch_records` into the parts clustering can join.

    Records sharing a blocking key are compared, not necessarily matched: pledges' amount buckets
    overlap (each record holds its bucket and the next), so one currency's pledges chain into one
    component of a third of the kind however few of them match (7,258 of 20,381 at 10,000
    documents), and merging it whole held it all at once. Clustering (`cluster_kind`) joins two
    records only through a pair it scores as a match (strong pairs of a block not ruled out by
    `partition`, a weak record with a strong one of its blocks, two weak ones), or an equal
    signature; so each connected component of those pairs is clustered alone exactly as within
    the whole kind, its pairs taken strongest first in the same order. Here, block by block
    (`match_keys` in key order, one block's records loaded at a time), the pairs clustering would
    score are scored and matches joined; a block with more than `BIG_BLOCK` strong
    representatives is one clustering skips for strong pairs: returned in `big`, so that a batch
    holding part of it skips it too. Kinds with merge or split judgements are not refined
    (`_judged`: a kept-apart record changes a block's representatives).

    `root`: each position's component root (flattened); returns the refined roots (the smallest
    position of each part, ids being in order) and the big keys."""
    from .matchers import _h

    n = len(ids)
    giant = {i for i in range(n) if root[i] == i and size[i] > batch_records}
    parent = array("i", range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            if ra > rb:
                ra, rb = rb, ra
            parent[rb] = ra

    for i in range(n):
        if root[i] not in giant:
            union(root[i], i)  # the other components stay as they are
    big: set[str] = set()
    # the links of pass 1 with their positions (`link_pos`; positions in id order, as `ids`)
    rows = driver_rows(conn, "SELECT key, role, pos FROM link_pos WHERE role IN ('k', 's') "
                       "ORDER BY key, role, pos")
    for (key, role), group in groupby(rows, key=itemgetter(0, 1)):
        members = [i for _, _, i in group if root[i] in giant]
        if len(members) < 2:
            continue
        if role == "s":  # equal signatures: one cluster (`_collapse`)
            for i in members[1:]:
                union(members[0], i)
            continue
        # the block streamed, in id order: of records with one signature only the first is kept
        # (`_JoinBlock`), so a key shared by a fifth of the kind holds its distinct records only
        blocks: dict[str, _JoinBlock] = {}
        for r in iter_seen(conn, docs, kind, [ids[i] for i in members]):
            if kind == "agreements" and per_doc_parties is not None:
                apply_context_parties([r], per_doc_parties)
            for k in keys_of(matcher, r):  # the raw keys behind this hash (one, but for a collision)
                if _h(f"{kind}\x1fk\x1f{k}") == key:
                    if k not in blocks:
                        blocks[k] = _JoinBlock(matcher, union, lambda rid: bisect_left(ids, rid))
                    blocks[k].add(r)
        for k, block in blocks.items():
            block.join(k, big)
    return array("i", (find(i) for i in range(n))), big


class _JoinBlock:
    """Joins the records of one block (fed in id order) that `cluster_kind` may cluster together:
    equal signatures at once (each record after the first of its signature is joined and
    dropped), then the pairs of the rest."""

    def __init__(self, matcher, union, position):
        self.matcher, self.union, self.position = matcher, union, position
        self.reps: list[Seen] = []
        self.weak: list[Seen] = []
        self.first: dict[tuple, Seen] = {}

    def add(self, r: Seen) -> None:
        is_weak = self.matcher.weak(r)
        sig = signature_of(self.matcher, r)
        if sig is not None:
            other = self.first.setdefault((is_weak, sig), r)
            if other is not r:
                self.union(self.position(other.id), self.position(r.id))
                return
        (self.weak if is_weak else self.reps).append(r)

    def join(self, key: str, big: set[str]) -> None:
        matcher, union, at = self.matcher, self.union, self.position
        reps, weak = self.reps, self.weak
        if len(reps) > BIG_BLOCK:
            big.add(key)
        else:
            for x, y in _block_pairs(reps, matcher):
                if matcher.score(x, y):
                    union(at(x.id), at(y.id))
        for w in weak:
            for r in reps:
                if matcher.score(w, r):
                    union(at(w.id), at(r.id))
        for x, y in combinations(weak, 2):
            if matcher.score(x, y):
                union(at(x.id), at(y.id))


def _judgements_anchored(conn: Connection, judgements: list[Judgement]) -> bool:
    """Every record judgement names records that are present (none is resolved by snapshot)."""
    ids = sorted({i for j in judgements if j.target_type == "record" for i in (j.target_id, j.other_id) if i})
    c = t.statements.c
    found: set[str] = set()
    for part in chunks(ids):
        found |= set(conn.execute(select(c.record_id).where(c.record_id.in_(part)).distinct()).scalars())
    return found == set(ids)


MATCH_KEYS_META = "match_keys_version"


def _write_positions(conn: Connection, rows: list[tuple[str, str, int]]) -> None:
    """Rows (key, role, position) into `_rebuild_kind_batched`'s temporary `link_pos`."""
    if rows:
        sql = placeholders(conn, "INSERT INTO link_pos (key, role, pos) VALUES ({p}, {p}, {p})")
        conn.exec_driver_sql(sql, rows)


def _write_links(conn: Connection, kind: str, links: dict[str, dict[str, str]], replace: bool = True) -> None:
    """Store records' link keys (`matchers.link_keys`), replacing any they had (`replace`)."""
    ids = sorted(links)
    if replace:
        for _ in in_chunks(conn, "DELETE FROM match_keys WHERE record_id IN ({ids})", ids):
            pass
    _insert(conn, t.match_keys, [{"record_id": rid, "key": k, "kind": kind, "role": role}
                                 for rid in ids for k, role in links[rid].items()])


def _component_ids(conn: Connection, kind: str, seeds: dict[str, dict[str, str]],
                   judgements: list[Judgement]) -> set[str]:
    """Ids of every record of `kind` connected to the `seeds` (record id → link keys) through
    shared link keys (`match_keys`) or merge judgements: whole connected components, so clustering
    them alone decides exactly what clustering the whole kind would (see `cluster_kind`)."""
    own = prefix(kind) + "-"  # as-seen ids start with their kind's prefix
    pairs: dict[str, set[str]] = defaultdict(set)
    for j in judgements:
        if j.kind == "merge" and j.target_type == "record" and j.other_id and \
                j.target_id.startswith(own) and j.other_id.startswith(own):
            pairs[j.target_id].add(j.other_id)
            pairs[j.other_id].add(j.target_id)
    ids = set(seeds)
    seen_links: set[str] = set()
    links = set().union(*seeds.values()) if seeds else set()
    new_ids: set[str] = set(seeds)
    while links or new_ids:
        found: set[str] = set()
        want = sorted(links - seen_links)
        seen_links.update(want)
        found.update(r for r, in in_chunks(conn, "SELECT record_id FROM match_keys WHERE key IN ({ids})",
                                            want)
                     if r.startswith(own))  # a key's hash includes its kind; the prefix says it too
        for rid in new_ids | found:
            found |= pairs.get(rid, set())
        new_ids = found - ids
        ids |= new_ids
        links = set()
        links.update(k for k, in in_chunks(conn, "SELECT key FROM match_keys WHERE record_id IN ({ids})",
                                            sorted(new_ids)))
        links -= seen_links
    return ids


def _rebuild_kind_touched(conn: Connection, kind: str, touched: set[str], docs: dict[str, DocumentRow],
                          judgements: list[Judgement], rejected_values: set, flag_rows: list[dict],
                          ts: datetime) -> dict:
    """Merge the records of `kind` from the `touched` (new) documents into the ledger: store their
    link keys and re-merge only the components they reach (`_component_ids`). Every active
    judgement names present records here (`rebuild` checked), so a judgement applies to a record of
    these components exactly when it names one of them.

    Records with equal signatures always end in one cluster (`_collapse`) unless a merge or split
    judgement of this kind intervenes, so, without those, clustering needs of each old signature
    group only its smallest member (the others, "ghosts", follow it and keep its canonical id), and
    only the clusters that changed load all their members to be assembled: the work follows the
    new records and the clusters they join, not the ledger."""
    docs_in = sorted(touched)
    new_ids: set[str] = set()
    new_ids.update(r for r, in in_chunks(conn, "SELECT record_id FROM mentions WHERE kind = {p} "
                                         "AND document_id IN ({ids})", docs_in, (kind,)))
    if not new_ids:
        return {}
    canon: dict[str, str] = {}
    fresh = _load_records(conn, kind, sorted(new_ids), docs, canon)
    links = {r.id: link_keys(kind, r) for r in fresh}
    _write_links(conn, kind, links)
    component = _component_ids(conn, kind, links, judgements)
    old = sorted(component - new_ids)
    own = prefix(kind) + "-"
    judged = any(j.kind in ("merge", "split") and j.target_type == "record" and
                 any((i or "").startswith(own) for i in (j.target_id, j.other_id)) for j in judgements)
    ghosts: dict[str, list[str]] = {}
    if not judged:  # one loaded member per old signature group; the rest are ghosts
        ghosts = _signature_ghosts(conn, old)
        skip = {g for gs in ghosts.values() for g in gs}
        old = [i for i in old if i not in skip]
    recs = sorted(fresh + _load_records(conn, kind, old, docs, canon), key=lambda r: r.id)
    for head, gs in ghosts.items():
        for g in gs:
            canon[g] = canon[head]

    def resolve(target: str, key: dict | None) -> str | None:
        return target

    def load(ids: list[str]) -> list[Seen]:
        return _load_records(conn, kind, ids, docs, {})

    incremental = None if judged else (dict(canon), new_ids)
    return _rebuild_kind(conn, kind, recs, docs, judgements, rejected_values, flag_rows, ts, touched,
                         resolve=resolve, canon=canon, ghosts=ghosts, load=load, incremental=incremental)


def _signature_ghosts(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    """Of `ids`, those sharing a signature (`match_keys` role s) with a smaller one: the smallest of
    each group → the others (sorted), which `cluster_kind` takes as its `ghosts`."""
    group: dict[str, list[str]] = defaultdict(list)
    for rid, key in in_chunks(conn, "SELECT record_id, key FROM match_keys WHERE role = 's' "
                              "AND record_id IN ({ids})", ids):
        group[key].append(rid)
    ghosts: dict[str, list[str]] = {}
    for members in group.values():
        if len(members) > 1:
            members.sort()
            ghosts[members[0]] = members[1:]
    return ghosts


def _load_records(conn: Connection, kind: str, ids: list[str], docs: dict[str, DocumentRow],
                  canon: dict[str, str]) -> list[Seen]:
    """As-seen records `ids` with their documents (added to `docs`) and, for agreements, the
    parties their documents' meetings give (`apply_context_parties`)."""
    recs = list(iter_seen(conn, {}, kind, ids, canon))
    doc_ids = {r.document_id for r in recs}
    load_documents(conn, doc_ids, into=docs)
    for r in recs:
        r.published = docs.get(r.document_id, NO_DOCUMENT).published
    if kind == "agreements":
        apply_context_parties(recs, document_parties(conn, doc_ids))
    return recs


def _kinds_of(conn: Connection, documents: set[str]) -> set[str]:
    c = t.statements.c
    ids = sorted(documents)
    out: set[str] = set()
    for part in chunks(ids):
        out |= set(conn.execute(select(c.kind).where(c.document_id.in_(part)).distinct()).scalars())
    return out


def _kept_clusters(conn: Connection, kind: str, clusters: list[Cluster], index: dict[str, Seen],
                   judgements: list[Judgement], touched: set[str],
                   now_map: dict[str, str]) -> tuple[set[str], set[str]]:
    """(clusters whose stored rows are still exact, stored canonical ids to rewrite): a cluster is
    kept when it is stored with exactly the same members and none of them comes from a touched
    document (its inputs, hence its record, history and flags, are what they were). A member not
    in `index` (a ghost) is an old record."""
    # the stored records of these members: every member of a stored cluster is here (whole kind or
    # whole components), so no other stored record can be one of these clusters
    want = sorted(set(now_map.values()))
    stored: set[str] = set()
    stored.update(r for r, in in_chunks(conn, "SELECT id FROM records WHERE kind = {p} AND id IN ({ids})",
                                        want, (kind,)))
    size: dict[str, int] = defaultdict(int)
    for cid in now_map.values():
        size[cid] += 1
    kept = {c.id for c in clusters
            if c.id in stored and size.get(c.id) == len(c.members)
            and all(now_map.get(m) == c.id and (m not in index or index[m].document_id not in touched)
                    for m in c.members)}
    return kept, stored - kept


def _drop_derived(conn: Connection, ids: set[str]) -> None:
    """Delete the records, merges, stage history and ledger flags of these canonical ids."""
    if not ids:
        return
    for part in chunks(sorted(ids)):
        conn.execute(delete(t.records).where(t.records.c.id.in_(part)))
        conn.execute(delete(t.merges).where(t.merges.c.canonical_id.in_(part)))
        conn.execute(delete(t.stage_history).where(t.stage_history.c.agreement_id.in_(part)))
    f = t.flags.c
    stale = [fid for fid, rids in conn.execute(select(f.id, f.record_ids).where(f.source == "ledger"))
             if rids and ids & set(json.loads(rids))]
    for part in chunks(stale):
        conn.execute(delete(t.flags).where(f.id.in_(part)))


def _rebuild_kind(conn: Connection, kind: str, recs: list[Seen], docs: dict[str, DocumentRow],
                  judgements: list[Judgement], rejected_values: set, flag_rows: list[dict],
                  ts: datetime, touched: set[str] | None = None, resolve: Resolver | None = None,
                  canon: dict[str, str] | None = None, ghosts: dict[str, list[str]] | None = None,
                  load: Callable[[list[str]], list[Seen]] | None = None,
                  incremental: tuple[dict[str, str], set[str]] | None = None,
                  big: frozenset[str] | set[str] = frozenset(), sink: dict | None = None,
                  stream: Callable[[list[str]], Iterator[Seen]] | None = None) -> dict:
    """Cluster, assemble and write one kind's records: all of them, or (with `resolve`, from
    `_rebuild_kind_batched` or `_rebuild_kind_touched`) whole components, reading and remapping
    only their own. `ghosts` (see `cluster_kind`) are loaded with `load` when their cluster is
    rewritten. `sink` (a whole kind, `canon` given): the rows to write are put there instead
    (`_write_kind`), for a rebuild that merges kinds in another process. `stream` (with `ghosts`,
    from `_rebuild_kind_batched`): reads members not loaded, to be assembled a chunk at a time
    (`_Assembly`) rather than all loaded at once."""
    from .lifecycle import stage_rows

    index = {r.id: r for r in recs}
    by_kind = {kind: recs}
    now_map = None
    batch = resolve is not None
    if resolve is None:
        def resolve(target: str, key: dict | None) -> str | None:
            return _resolve(target, key, index, by_kind)
    clusters = cluster_kind(kind, recs, judgements, index, by_kind, resolve, ghosts, incremental, big)
    member_of = {m: c.id for c in clusters for m in c.members}
    if touched is not None:
        now_map = canon if canon is not None else _canonical_map(conn, kind)
        kept, stale = _kept_clusters(conn, kind, clusters, index, judgements, touched, now_map)
        _drop_derived(conn, stale)
        clusters = [c for c in clusters if c.id not in kept]
    if ghosts and load is not None:  # the clusters rewritten need every member
        missing = sorted(m for c in clusters for m in c.members if m not in index)
        for r in load(missing):
            index[r.id] = r

    # judgements on records → per-cluster corrections, rejections, confirmations
    corrections: dict[str, dict] = defaultdict(dict)
    rejected: set[str] = set()
    confirmed: set[str] = set()
    for j in judgements:
        if j.target_type != "record" or j.kind not in ("correct", "reject", "confirm"):
            continue
        rid = resolve(j.target_id, j.target_key)
        cid = member_of.get(rid) if rid else None
        if cid is None:
            continue
        if j.kind == "correct":
            corrections[cid][j.prop] = j.value
        elif j.kind == "reject":
            rejected.add(cid)
        else:
            confirmed.add(cid)

    # mentions per cluster (sources)
    mc = t.mentions.c
    sources: dict[str, set[tuple]] = defaultdict(set)
    if touched is None and not batch:
        rows = select_rows(conn, select(mc.record_id, mc.document_id, mc.span_start, mc.span_end)
                           .where(mc.kind == kind))
    else:  # only the clusters rewritten (or the batch's)
        rows = in_chunks(conn, "SELECT record_id, document_id, span_start, span_end FROM mentions "
                         "WHERE record_id IN ({ids})", sorted(m for c in clusters for m in c.members))
    for record_id, document_id, span_start, span_end in rows:
        cid = member_of.get(record_id)
        if cid:
            sources[cid].add((document_id, span_start, span_end))

    record_rows, merge_rows, history_rows = [], [], []
    streamed_merges = 0
    for c in clusters:
        acc = _Assembly(c.kind, rejected_values)
        if stream is None:
            for m in c.members:
                acc.add(index[m])
        else:  # members not loaded (ghosts) read a chunk at a time
            for m in c.members:
                if m in index:
                    acc.add(index[m])
            for part in chunks([m for m in c.members if m not in index], STREAM_RECORDS):
                for r in stream(list(part)):
                    acc.add(r)
        data = acc.result(corrections.get(c.id, {}))
        dis = data.pop("_disagreements")
        approximate = data.pop("_approximate")
        if c.kind == "agreements":
            if not data.get("parties"):
                data["parties"] = _context_party_names(acc.context)
            if isinstance(docs, _Published):  # the stage history names its documents' sources
                docs = load_documents(conn, {r.document_id for r in index.values()})
            rows, current_stage, flags = stage_rows(c, index, docs, rejected_values)
            history_rows.extend(rows)
            flag_rows.extend(flags)
            if current_stage and "status" not in corrections.get(c.id, {}):
                data["status"] = current_stage
            dis.pop("status", None)
        label = label_of(c.kind, data)
        flag_rows.extend(_disagreement_flags(c.id, c.kind, label, dis, approximate))
        src = sources.get(c.id, set())
        last = acc.last_published
        n_documents = len(acc.documents)
        # without flags: `review.store_certainty` applies open flags once the checks have run
        certainty, reasons = certainty_of(weakest_merge(c.edges), (), n_documents)
        record_rows.append({"id": c.id, "kind": c.kind, "label": label, "data": dumps(data),
                            "search": search_key(c.kind, data), "sort_date": sort_date(c.kind, data, last),
                            "n_members": len(c.members), "n_sources": len(src) or len(c.members),
                            "n_documents": n_documents, "certainty": certainty, "reasons": dumps(reasons),
                            "open_flags": 0,
                            "first_published": acc.first_published,
                            "last_published": last,
                            "status": "rejected" if c.id in rejected else "active",
                            "confirmed": c.id in confirmed, "updated_at": ts})
        if stream is not None and sink is None and len(c.edges) > STREAM_RECORDS:
            # a large record's merges written a chunk at a time: its edges are distinct pairs (each
            # a union that joined two parts), so the de-duplication below has nothing to drop
            for part in chunks(c.edges, 5000):
                _insert(conn, t.merges, [_merge_row(c, *e) for e in part])
            streamed_merges += len(c.edges)
            continue
        for e in c.edges:
            merge_rows.append(_merge_row(c, *e))
    merge_rows = list({r["id"]: r for r in merge_rows}.values())
    if now_map is None:
        now_map = canon
    if now_map is None:
        now_map = _canonical_map(conn, kind, sorted(member_of) if batch else None)
    rows = {"records": record_rows, "merges": merge_rows, "stage_history": history_rows,
            "changed": _changed(member_of, now_map)}
    if sink is not None:
        sink.update(rows)
    else:
        _write_kind(conn, rows)
    return {"records": len(record_rows), "merges": len(merge_rows) + streamed_merges,
            "stage_history": len(history_rows), "remapped": len(rows["changed"]),
            "rewritten": len(record_rows)}


def _merge_row(c: Cluster, a: str, b: str, score: float, rule: str, by: str, jid: int | None) -> dict:
    return {"id": sha("merge", c.kind, a, b), "kind": c.kind, "canonical_id": c.id, "record_a": a,
            "record_b": b, "score": round(float(score), 4), "rule": rule, "decided_by": by,
            "judgement_id": jid}


def _write_kind(conn: Connection, rows: dict) -> None:
    """Write what `_rebuild_kind` made of a kind: records, merges, stage history, and the new
    canonical ids of its statements and mentions."""
    _insert(conn, t.records, rows["records"])
    _insert(conn, t.merges, rows["merges"])
    _insert(conn, t.stage_history, rows["stage_history"])
    _apply_remap(conn, rows["changed"])


def weakest_merge(edges) -> tuple[float, str] | None:
    """(score, rule) of a cluster's weakest automatic merge, as stored in `merges` (rounded)."""
    auto = [(round(float(e[2]), 4), e[3]) for e in edges if e[4] == "auto"]
    return min(auto) if auto else None


def _canonical_map(conn: Connection, kind: str, ids: list[str] | None = None) -> dict[str, str]:
    """As-seen record id → the canonical id its statements point at now (of `ids` only, when
    given). Read from the mentions (every record has one per span; `_apply_remap` moves both tables
    together): a quarter of the rows."""
    mc = t.mentions.c
    if ids is None:
        return dict(conn.execute(select(mc.record_id, mc.canonical_id).where(mc.kind == kind).distinct())
                    .all())
    return dict(in_chunks(conn, "SELECT DISTINCT record_id, canonical_id FROM mentions "
                          "WHERE record_id IN ({ids})", ids))


def _changed(member_of: dict[str, str], now_map: dict[str, str]) -> list[dict[str, str]]:
    """Records whose statements point at another canonical id than their cluster's now."""
    return [{"r": rid, "c": cid} for rid, cid in member_of.items() if now_map.get(rid) != cid]


def _apply_remap(conn: Connection, changed: list[dict[str, str]]) -> None:
    if len(changed) > 500:  # many: one set-based UPDATE per table through a temporary mapping table
        from sqlalchemy import text

        conn.execute(text("CREATE TEMPORARY TABLE canon_map (record_id VARCHAR(40) PRIMARY KEY, "
                          "canonical_id VARCHAR(40) NOT NULL)"))
        conn.execute(text("INSERT INTO canon_map (record_id, canonical_id) VALUES (:r, :c)"), changed)
        for table in ("statements", "mentions"):
            conn.execute(text(f"UPDATE {table} SET canonical_id = (SELECT m.canonical_id FROM canon_map m "
                              f"WHERE m.record_id = {table}.record_id) "
                              f"WHERE record_id IN (SELECT record_id FROM canon_map)"))
        conn.execute(text("DROP TABLE canon_map"))
    elif changed:
        for table in (t.statements, t.mentions):
            stmt = (update(table).where(table.c.record_id == bindparam("r"))
                    .values(canonical_id=bindparam("c")))
            conn.execute(stmt, changed)


def _context_party_names(ctx: set[frozenset[str]]) -> list[str]:
    """Parties of an agreement no source names, when every source's context (the set of its
    members' `context_parties`) gives the same pair."""
    if len(ctx) != 1 or not next(iter(ctx)):
        return []
    return sorted(party_name(c) for c in next(iter(ctx)))


def _insert(conn: Connection, table, rows: list[dict], chunk: int = 5000) -> None:
    fast_insert(conn, table, rows, chunk)
