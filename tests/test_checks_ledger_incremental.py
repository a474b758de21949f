"""The ledger checks after an ingest run on the groups the new documents touch only; the flags,
certainties and open-flag counts must be those of a full rebuild of the same ledger, batch after
batch, with dismissed flags staying dismissed. Documents of our own words, stored with the records
we say they hold, raise every check (figures, meeting ordinals, roles, heads on two sides) across
batches, and a batch joins groups checked before."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from communique.checks import ledger as checks
from communique.checks.ledger import list_flags, settings
from communique.ledger import open_ledger, review
from communique.ledger import schema as t
from communique.models import DocumentInfo, Extraction, Figure, Flag, Head, Meeting, Person
from communique.read import make_document

FIG = settings()["kinds"]["figures"]
ORD = settings()["kinds"]["meeting_numbers"]
ROLES = settings()["kinds"]["roles"]


def trade(value, metric="bilateral trade", period="2024", unit="USD", subject=None, qualifier="exact"):
    return Figure(metric=metric, value=value, unit=unit, period=period, qualifier=qualifier, subject=subject)


def council(number, date, body="EU-Kazakhstan Cooperation Council", heads=()):
    return Meeting(body=body, number=number, date=date, parties=["European Union", "Kazakhstan"],
                   heads=list(heads))


KALLAS_EU = Head(name="Kaja Kallas", role="High Representative", side="European Union")

#: Batches of documents: (words, source, published, records). Later batches join groups (trade in
#: 2024, the Cooperation Council, Vassilenko, Kallas) that earlier ones flagged or left clean.
BATCHES = [
    [("Bilateral trade reached USD 48.7 billion in 2024; exports were USD 20 billion. The 22nd "
      "Cooperation Council met on 28 February, Kaja Kallas co-chairing. Deputy Foreign Minister "
      "Roman Vassilenko opened it.", "a.txt", "2025-03-01",
      {"figures": [trade(48.7e9), trade(20e9, metric="exports")],
       "meetings": [council(22, "2025-02-28", heads=[KALLAS_EU])],
       "people": [Person(name="Roman Vassilenko", role="Deputy Foreign Minister")]}),
     ("Trade turnover stood at USD 45.2 billion in 2024 and exports at USD 25 billion, a note with "
      "EU$ 3 billion of aid said.", "b.txt", "2025-03-05",
      {"figures": [trade(45.2e9, metric="trade turnover"), trade(25e9, metric="exports")],
       "flags": [Flag(kind="unknown currency", message="EU$ is no currency", span=(80, 95))]}),
     ("The 8th Kazakhstan-China Cooperation Committee heard that mutual trade reached USD 43.8 "
      "billion in 2024.", "c.txt", "2025-03-19",
      {"figures": [trade(43.8e9, metric="mutual trade")],
       "meetings": [council(8, "2025-03-18", body="Kazakhstan-China Cooperation Committee")]})],
    [("The 23rd Cooperation Council met on 28 February. Roman Vasilenko, Foreign Minister, spoke; "
      "bilateral trade was USD 48.7 billion in 2024.", "d.txt", "2025-03-10",
      {"figures": [trade(48.7e9)], "meetings": [council(23, "2025-02-28")],
       "people": [Person(name="Roman Vasilenko", role="Foreign Minister")]}),
     ("Kaja Kallas spoke for Kazakhstan, a confused wire said.", "e.txt", "2025-03-02",
      {"people": [Person(name="Kaja Kallas", affiliation="Kazakhstan")]})],
    [("Bilateral trade came to EUR 10 billion in 2023.", "f.txt", "2024-02-01",
      {"figures": [trade(10e9, unit="EUR", period="2023")]}),
     ("Bilateral trade came to EUR 12.5 billion in 2023; Kazakh exports were nearly EUR 7 billion.",
      "g.txt", "2024-02-03",
      {"figures": [trade(12.5e9, unit="EUR", period="2023"),
                   trade(7e9, metric="exports", unit="EUR", period="2023", subject="Kazakhstan",
                         qualifier="nearly")]}),
     ("Kaja Kallas, High Representative, spoke for the European Union.", "h.txt", "2025-03-03",
      {"people": [Person(name="Kaja Kallas", role="High Representative", affiliation="European Union")]})],
    [("Exports were USD 31 billion in 2024, the statistics office said; the 22nd Cooperation Council "
      "had met on 28 February.", "i.txt", "2025-04-02",
      {"figures": [trade(31e9, metric="exports")], "meetings": [council(22, "2025-02-28")]}),
     ("R. Vassilenko, Deputy Prime Minister, visited Brussels.", "j.txt", "2025-03-20",
      {"people": [Person(name="R. Vassilenko", role="Deputy Prime Minister")]})],
]


def store(ledger, words: str, source: str, published: str, records: dict) -> str:
    doc = make_document(words, source=source, published=published)
    span = (0, len(doc.text))
    recs = {k: [r.model_copy(deep=True) for r in v] for k, v in records.items()}
    for kind, items in recs.items():
        for r in items:
            if kind != "flags" and "spans" in type(r).model_fields and not r.spans:
                r.spans = [span]
            elif kind != "flags" and "span" in type(r).model_fields and r.span is None:
                r.span = span
    ledger.store_extraction(doc, Extraction(document=DocumentInfo(id=doc.id, source=source,
                                                                  published=published), **recs))
    return doc.id


def snapshot(ledger) -> dict:
    """Flags (ledger and document), certainties and open-flag counts, and live dismissals."""
    r, j = t.records.c, t.judgements.c
    with ledger.connect() as conn:
        flags = sorted((x.id, x.kind, x.message, x.source, x.document_id, x.span_start, x.span_end,
                        tuple(sorted(json.loads(x.record_ids or "[]"))))
                       for x in conn.execute(select(t.flags)))
        records = sorted(tuple(x) for x in conn.execute(select(r.id, r.certainty, r.reasons, r.open_flags)))
        dismissed = sorted(conn.execute(select(j.target_id).where(j.kind == "dismiss",
                                                                  j.retired_at.is_(None))).scalars())
    return {"flags": flags, "records": records, "dismissed": dismissed}


def test_incremental_checks_equal_a_full_rebuild(db_url, tmp_path, monkeypatch):
    if db_url.startswith("sqlite"):
        inc, full = open_ledger(db_url), open_ledger(f"sqlite:///{tmp_path / 'full.db'}")
    else:  # a second PostgreSQL database on the same server
        import psycopg

        plain = db_url.replace("postgresql+psycopg://", "postgresql://")
        name = plain.rsplit("/", 1)[1] + "_full"
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        inc, full = open_ledger(db_url), open_ledger(db_url.rsplit("/", 1)[0] + f"/{name}")
    calls: list[bool] = []
    run = checks.run_checks

    def spy(conn, seeds=None):
        out = run(conn, seeds)
        calls.append(out.named is not None)
        return out

    monkeypatch.setattr(checks, "run_checks", spy)
    seen_kinds: set[str] = set()
    for n, batch in enumerate(BATCHES):
        ids = {store(inc, *doc) for doc in batch}
        for doc in batch:
            store(full, *doc)
        calls.clear()
        inc.rebuild(touched=ids)
        assert calls == [n > 0], "the first batch is a full run; later ones check the touched groups"
        full.rebuild()
        a, b = snapshot(inc), snapshot(full)
        assert a == b, f"batch {n}"
        seen_kinds |= {x[1] for x in a["flags"]}
        if n == 0:  # a reviewer answers two flags; both ledgers take the same decision (a full rebuild)
            for ledger in (inc, full):
                items = list_flags(ledger, kind=FIG)["items"]
                assert len(items) == 2
                for item in items:
                    review.dismiss(ledger, item["id"], author="ana", reason="goods only")
            assert snapshot(inc) == snapshot(full)
    assert {FIG, ORD, ROLES, "unknown currency"} <= seen_kinds
    # the exports flag (a against b, later i) and the trade flag (a against b, later d too) stay answered
    for ledger in (inc, full):
        assert not [f for f in list_flags(ledger, kind=FIG)["items"] if " in 2024:" in f["message"]]
        assert len(list_flags(ledger, kind=FIG, include_dismissed=True)["items"]) >= 3
    inc.close()
    full.close()


def test_a_merge_that_rewrote_more_falls_back_to_every_flag(db_url):
    """When the merge rewrote records no new document explains (it fell back to a full rebuild,
    or a record left its cluster), every flag is recomputed."""
    ledger = open_ledger(db_url)
    ids = {store(ledger, *doc) for doc in BATCHES[0]}
    ledger.rebuild(touched=ids)
    with ledger.engine.begin() as conn:
        assert review.rewritten_records(conn, ids, None) is None
        exact = review.rewritten_records(conn, ids, {"rewritten": 0})
        assert exact is None  # the documents' records are more than 0
        n = len(review._existing(conn, set(conn.execute(select(t.statements.c.canonical_id).where(
            t.statements.c.document_id.in_(sorted(ids)))).scalars())))
        canonical, members = review.rewritten_records(conn, ids, {"rewritten": n})
        assert len(canonical) == n and members["figures"] and members["meetings"] and members["people"]
        assert set().union(*members.values()) <= set(conn.execute(select(t.statements.c.record_id)).scalars())


@pytest.mark.parametrize("change", ["settings", "failed"])
def test_changed_checks_recompute_every_flag(db_url, monkeypatch, change):
    """Flags computed under other settings (or by a check that failed) are all recomputed."""
    ledger = open_ledger(db_url)
    ids = {store(ledger, *doc) for doc in BATCHES[0]}
    ledger.rebuild(touched=ids)
    if change == "settings":
        with ledger.engine.begin() as conn:
            checks._meta(conn, "another version")
    else:
        with ledger.engine.begin() as conn:
            f = checks._failed(checks.figures_disagree, ValueError("odd"))
            conn.execute(t.flags.insert().values(**{**f, "record_ids": "[]"}, created_at=datetime.now(UTC)))
    with ledger.engine.begin() as conn:
        out = checks.run_checks(conn, {"figures": {"any seed"}})
        assert out.named is None  # every flag recomputed
        assert checks._meta(conn) == checks.fingerprint()
        assert not conn.execute(select(t.flags.c.id).where(t.flags.c.kind == "check failed")).first()
        assert conn.execute(select(t.flags.c.id).where(t.flags.c.kind == FIG)).first()


def test_full_run_in_batches_of_groups_equals_one_pass(db_url, monkeypatch):
    """A full rebuild reads a large ledger a batch of whole groups at a time (figures by unit,
    period; meetings by body; people by linked surnames): the flags are those of one pass."""
    ledger = open_ledger(db_url)
    for batch in BATCHES:
        for doc in batch:
            store(ledger, *doc)
    ledger.rebuild()
    whole = snapshot(ledger)
    assert {FIG, ORD, ROLES} <= {x[1] for x in whole["flags"]}
    monkeypatch.setattr(checks, "WHOLE_STATEMENTS", 0)
    monkeypatch.setattr(checks, "BATCH", 1)
    ledger.rebuild()
    assert snapshot(ledger) == whole


def test_a_merge_judgement_across_periods_stays_exact(db_url, tmp_path):
    """A person merged two figures of different periods: a batch that joins that record checks
    both periods again (its members do not share one unit and period), as a full rebuild does."""
    docs = [("Bilateral trade reached USD 48.7 billion in 2024.", "a.txt", "2025-02-01",
             {"figures": [trade(48.7e9)]}),
            ("Bilateral trade was USD 40 billion in 2023.", "b.txt", "2024-02-01",
             {"figures": [trade(40e9, period="2023")]}),
            ("Bilateral trade was USD 30 billion in 2023.", "c.txt", "2024-02-02",
             {"figures": [trade(30e9, period="2023")]})]
    later = [("Bilateral trade reached USD 48.7 billion in 2024, again.", f"d{i}.txt", "2025-02-03",
              {"figures": [trade(48.7e9)]}) for i in range(6)]
    if db_url.startswith("sqlite"):
        inc, full = open_ledger(db_url), open_ledger(f"sqlite:///{tmp_path / 'full.db'}")
    else:
        import psycopg

        plain = db_url.replace("postgresql+psycopg://", "postgresql://")
        name = plain.rsplit("/", 1)[1] + "_full"
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        inc, full = open_ledger(db_url), open_ledger(db_url.rsplit("/", 1)[0] + f"/{name}")
    for ledger in (inc, full):
        for doc in docs:
            store(ledger, *doc)
        ledger.rebuild()
        with ledger.connect() as conn:
            st = t.statements.c
            ids = {json.loads(v): rid for rid, v in conn.execute(
                select(st.record_id, st.value).where(st.prop == "period"))}
        ledger.merge(ids["2024"], ids["2023"], author="ana")  # wrongly: a full rebuild follows
    for doc in later:  # one at a time: some new figure will likely become the merged record's id
        inc.rebuild(touched={store(inc, *doc)})
        store(full, *doc)
        full.rebuild()
        assert snapshot(inc) == snapshot(full)
    assert any(f[1] == FIG for f in snapshot(inc)["flags"])
    inc.close()
    full.close()


def test_a_full_run_holds_one_batch_of_records_at_a_time(db_url, monkeypatch):
    """A full run in batches lets go of each batch's records before reading the next: memory holds
    one batch, not every record the check has read (it used to keep them all to the end)."""
    import gc
    import weakref

    ledger = open_ledger(db_url)
    for batch in BATCHES:
        for doc in batch:
            store(ledger, *doc)
    monkeypatch.setattr(checks, "WHOLE_STATEMENTS", 0)
    monkeypatch.setattr(checks, "BATCH", 1)
    alive: list[int] = []
    parts: list = []
    for check, groups in list(checks.GROUPS.items()):
        def counted(conn, seeds, cache=None, groups=groups):
            for part in groups(conn, seeds, cache):
                gc.collect()
                alive.append(sum(ref() is not None for ref in parts))
                parts.append(weakref.ref(part))
                yield part
        monkeypatch.setitem(checks.GROUPS, check, counted)
    ledger.rebuild()
    assert len(parts) >= 6  # several batches of each check
    assert max(alive) == 0, alive
