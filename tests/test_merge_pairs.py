"""The strong pass of clustering walks every scored pair of its blocks strongest first. The pairs
are kept in sorted runs spilled to disk past `merge.PAIRS_IN_MEMORY` (`merge._Pairs`), and a pair
met in two blocks is scored in its first one only: the result must be exactly that of the dict of
every scored pair sorted in memory (what the merge did before), on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from itertools import combinations

from communique.ledger import merge
from communique.ledger.matchers import MATCHERS, Seen, keys_of
from test_incremental import CORPUS, snapshot
from test_merge_batched import _chained_ledger


def _dict_of_pairs(strong, blocks, matcher, uf, edges, big) -> None:
    """The strong pass as it was: a dict of every scored pair, sorted by (-score, ids)."""
    scored: dict[tuple[str, str], tuple] = {}
    for key, members in blocks.items():
        if len(members) > merge.BIG_BLOCK or key in big:
            continue
        for x, y in merge._block_pairs(members, matcher):
            pair = (x.id, y.id) if x.id < y.id else (y.id, x.id)
            if pair in scored:
                continue
            s = matcher.score(x, y)
            if s:
                scored[pair] = s
    for (a, b), (score, rule) in sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if uf.union(a, b):
            edges.append((a, b, score, rule, "auto", None))


def test_pairs_walk_in_score_then_id_order_across_spilled_runs():
    rng = random.Random(3)
    values = [(1.0, "a"), (1, "b"), (0.85, "c"), (0.7 + 0.3 * 0.91, "d"), (0.0, "e"), (-0.0, "f"),
              (-0.5, "g"), (0.85, "h"), (1e-300, "i"), (-1e300, "j")]
    seen: set[tuple[int, int]] = set()
    given = []
    while len(given) < 500:
        a, b = sorted(rng.sample(range(200), 2))
        if (a, b) not in seen:
            seen.add((a, b))
            given.append((rng.choice(values), a, b))
    expected = [(a, b, s[0], s[1]) for s, a, b in sorted(given, key=lambda g: (-g[0][0], g[1], g[2]))]
    for limit in (7, 499, 10**6):
        pairs = merge._Pairs(limit)
        for s, a, b in given:
            pairs.add(s, a, b)
        assert (len(pairs.runs) > 1) == (limit < 100)
        got = list(pairs.walk())
        pairs.close()
        assert [(a, b, float(s)) for a, b, s, _ in got] == [(a, b, float(s)) for a, b, s, _ in expected]
        # equal scores (1 and 1.0, 0.0 and -0.0) keep their pairs' order, each with its own rule
        assert [r for *_, r in got] == [r for *_, r in expected]
        assert pairs.file is None


def _pledges(n: int, seed: int) -> list[Seen]:
    """Pledges of one currency whose amounts fall in overlapping buckets (each record has two keys),
    dated, undated or of two years, by one of several givers, some with a purpose: many distinct
    signatures and scores, pairs met in two blocks."""
    rng = random.Random(seed)
    givers = ["European Union", "European Commission", "Japan", None]
    purposes = ["transport links", "transport corridors", "water management", "green hydrogen", None]
    out = []
    for i in range(n):
        props = {"amount": [round(1e9 * rng.choice([1, 1.004, 1.008, 1.012, 1.02, 2, 2.01]))],
                 "currency": ["EUR"]}
        if (by := rng.choice(givers)) is not None:
            props["by"] = [by]
        if rng.random() < .6:
            props["date"] = [rng.choice(["2023", "2024", "2024-03", "2024-03-02", "2025-01"])]
        if (purpose := rng.choice(purposes)) is not None:
            props["purpose"] = [purpose]
        out.append(Seen(id=f"ple-{rng.getrandbits(48):012x}", kind="pledges", document_id=f"d{i}",
                        published="2024-06-01", props=props))
    return out


def test_strong_pass_equals_the_dict_of_every_pair(monkeypatch):
    """`cluster_kind` with pairs spilled in runs of 5, with them all in memory, and with the old
    dict of every pair give the same clusters and the same edges in the same order."""
    recs = _pledges(160, seed=11)
    matcher = MATCHERS["pledges"]
    assert sum(len(keys_of(matcher, r)) > 1 for r in recs) == len(recs)  # pairs met in two blocks
    index = {r.id: r for r in recs}

    def run(**patch):
        for name, value in patch.items():
            monkeypatch.setattr(merge, name, value)
        fresh = [Seen(r.id, r.kind, r.document_id, r.published, r.props) for r in recs]
        clusters = merge.cluster_kind("pledges", fresh, [], index, {"pledges": fresh})
        return [(c.members, c.edges) for c in clusters]

    spills = []
    real_spill = merge._Pairs._spill

    def counting(self):
        spills.append(len(self.keys))
        real_spill(self)

    monkeypatch.setattr(merge._Pairs, "_spill", counting)
    spilled = run(PAIRS_IN_MEMORY=5)
    assert len(spills) > 10, "the pairs went to disk in runs"
    in_memory = run(PAIRS_IN_MEMORY=10**6)
    reference = run(_strong_pairs=_dict_of_pairs)
    assert spilled == in_memory == reference
    assert any(len(members) > 3 for members, _ in reference)
    scores = {s[0] for x, y in combinations(recs, 2) if (s := matcher.score(x, y))}
    assert len(scores) > 2, "several scores to order"
    assert len({e[3] for _, edges in reference for e in edges}) > 2, "edges of several rules"
    # a judgement keeping two records apart makes the union order matter: still the same
    split = [m for m, _ in reference if len(m) > 3][0]
    from communique.ledger.judgements import Judgement

    j = Judgement(id=1, kind="split", target_type="record", target_id=split[0], target_key=None,
                  prop=None, value=None, other_id=split[-1], author="t", reason=None, created_at=None)
    monkeypatch.setattr(merge, "PAIRS_IN_MEMORY", 3)
    kept = merge.cluster_kind("pledges", list(recs), [j], index, {"pledges": recs})
    monkeypatch.setattr(merge, "_strong_pairs", _dict_of_pairs)
    before = merge.cluster_kind("pledges", list(recs), [j], index, {"pledges": recs})
    assert [(c.members, c.edges) for c in kept] == [(c.members, c.edges) for c in before]


def test_rebuild_with_pairs_on_disk_equals_in_memory(db_url, monkeypatch):
    """A whole ledger (every kind; pledges chained through overlapping buckets) rebuilt with a
    spill threshold of two pairs, read whole and in batches: the same rows."""
    ledger = _chained_ledger(db_url)
    ledger.ingest_paths(CORPUS, rebuild=False)
    ledger.rebuild()
    whole = snapshot(ledger)
    spills: list[int] = []
    real_spill = merge._Pairs._spill

    def counting(self):
        spills.append(len(self.keys))
        real_spill(self)

    monkeypatch.setattr(merge._Pairs, "_spill", counting)
    monkeypatch.setattr(merge, "PAIRS_IN_MEMORY", 2)
    ledger.rebuild()
    assert len(spills) >= 3, spills
    assert snapshot(ledger) == whole
    monkeypatch.setattr(merge, "BATCH_STATEMENTS", 0)
    monkeypatch.setattr(merge, "BATCH_RECORDS", 5)
    ledger.rebuild()
    assert snapshot(ledger) == whole
    ledger.close()
