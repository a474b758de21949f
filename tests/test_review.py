"""Review: the queue, each decision, and the property that re-ingest and re-extraction with changed
rules never lose or silently override a judgement (SQLite and PostgreSQL)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select
from typer.testing import CliRunner

from communique.cli import app
from communique.ledger import open_ledger, query, review
from communique.ledger import schema as t

HERE = Path(__file__).parent / "fixtures" / "review"
_spec = importlib.util.spec_from_file_location("review_extractor", HERE / "extractor.py")
rx = importlib.util.module_from_spec(_spec)
sys.modules["review_extractor"] = rx
_spec.loader.exec_module(rx)
DOCS = sorted(str(p) for p in HERE.glob("*.txt"))


def wipe(ledger) -> None:
    """Empty every table (one ledger serves all examples of a property test)."""
    with ledger.engine.begin() as conn:
        for table in (t.merges, t.judgements, t.flags, t.stage_history, t.mentions, t.statements, t.records,
                      t.failures, t.documents):
            conn.execute(delete(table))


def fresh(ledger, rules=None):
    wipe(ledger)
    ledger.ingest_paths(DOCS, extractor=rx.make_extractor(rules or rx.Rules()))
    return ledger


@pytest.fixture
def ledger(db_url):
    led = open_ledger(db_url)
    yield led
    led.close()


def place_of(ledger, record_id: str) -> list[tuple]:
    """Where a merged record was read: (kind, document, span start) of each mention."""
    m = t.mentions.c
    with ledger.connect() as conn:
        return sorted(conn.execute(select(m.kind, m.document_id, m.span_start)
                                   .where(m.canonical_id == record_id)).all())


def record_at(ledger, place: tuple) -> str | None:
    """The merged record now read at a place (spans do not move when the rules change)."""
    m = t.mentions.c
    with ledger.connect() as conn:
        return conn.execute(select(m.canonical_id).where(m.kind == place[0], m.document_id == place[1],
                                                         m.span_start == place[2])).scalar()


def active_judgements(ledger) -> list:
    with ledger.connect() as conn:
        return conn.execute(select(t.judgements.c.id).where(t.judgements.c.retired_at.is_(None))).all()


def record(ledger, cid: str) -> dict:
    return query.show(ledger, cid)


def flag_place(ledger, f: dict) -> tuple:
    """Where a flag is: its document and span, the places of the records it names, and what it is
    about ("sources disagree on place"); not its wording, which new rules may change."""
    places = frozenset(p for rid in f["record_ids"] for p in place_of(ledger, rid))
    about = re.search(r"disagree on (\w+)", f["message"])
    return (f["kind"], f["document_id"], f["span_start"], places, about.group(1) if about else None)


def flag_places(ledger, include_dismissed=False) -> dict[tuple, str]:
    return {flag_place(ledger, f): f["id"]
            for f in query.flags(ledger, include_dismissed=include_dismissed, limit=None)["items"]}


CORRECTIONS = {"meetings": ("place", "Luxembourg-Ville"), "people": ("role", "Deputy Foreign Minister"),
               "pledges": ("purpose", "roads and railways"), "figures": ("value", 47000000000.0),
               "agreements": ("status", "in force")}

actions = st.lists(st.tuples(st.sampled_from(["confirm", "correct", "reject", "merge", "split", "dismiss"]),
                             st.integers(0, 10_000), st.integers(0, 10_000)), min_size=1, max_size=6)
changed_rules = st.builds(
    rx.Rules,
    amount_factor=st.sampled_from([1.0, 1.004, 0.997]),
    place_suffix=st.sampled_from(["", " City"]),
    date_shift_days=st.sampled_from([0, 1]),
    drop=st.sampled_from([frozenset(), frozenset({"people"}), frozenset({"agreements"})]),
    add_events=st.booleans(),
    flag_wording=st.sampled_from(["unknown currency token", "not a currency"]),
)


def apply(ledger, plan) -> list[tuple]:
    """Apply random decisions to distinct records; returns what each must still mean afterwards,
    in terms of places in the text (which re-extraction does not move)."""
    expect: list[tuple] = []
    used: set[str] = set()
    for action, i, j in plan:
        recs = [r for r in review.queue(ledger, limit=None)["items"] if r["id"] not in used]
        if action == "dismiss":
            flags = sorted(query.flags(ledger, limit=None)["items"], key=lambda f: f["id"])
            if not flags:
                continue
            f = flags[i % len(flags)]
            review.dismiss(ledger, f["id"], author="tester", reason="seen")
            expect.append(("dismiss", flag_place(ledger, f)))
            continue
        if not recs:
            continue
        recs.sort(key=lambda r: r["id"])
        r = recs[i % len(recs)]
        if action == "confirm":
            review.confirm(ledger, r["id"], author="tester", reason="checked")
            expect.append(("confirm", place_of(ledger, r["id"])))
        elif action == "reject":
            review.reject(ledger, r["id"], author="tester", reason="not a record")
            expect.append(("reject", place_of(ledger, r["id"])))
        elif action == "correct":
            if r["kind"] not in CORRECTIONS:
                continue
            prop, value = CORRECTIONS[r["kind"]]
            review.correct(ledger, r["id"], prop, json.dumps(value) if not isinstance(value, str) else value,
                           author="tester", reason="the source says so")
            expect.append(("correct", place_of(ledger, r["id"]), prop, value))
        elif action == "merge":
            others = [o for o in recs if o["kind"] == r["kind"] and o["id"] != r["id"]]
            if not others:
                continue
            o = others[j % len(others)]
            review.merge(ledger, r["id"], o["id"], author="tester", reason="same thing")
            expect.append(("merge", place_of(ledger, r["id"]) + place_of(ledger, o["id"])))
            used.add(o["id"])
        elif action == "split":
            multi = [x for x in recs if x["n_documents"] > 1 or len(place_of(ledger, x["id"])) > 1]
            if not multi:
                continue
            r = multi[i % len(multi)]
            places = place_of(ledger, r["id"])
            review.split(ledger, r["id"], author="tester", reason="different things")
            expect.append(("split", places))
        used.add(r["id"])
    return expect


def holds(ledger, expect: list[tuple]) -> None:
    """Every decision still applies wherever its records are still read."""
    for e in expect:
        kind = e[0]
        if kind == "dismiss":
            now = flag_places(ledger)
            assert e[1] not in now, f"a dismissed flag is back: {e[1]}"
            continue
        cids = {record_at(ledger, p) for p in e[1]} - {None}
        if not cids:
            continue  # the new rules no longer find this record: nothing to apply the decision to
        if kind == "merge":
            assert len(cids) == 1, "a merge decision was lost"
        elif kind == "split":
            found = [p for p in e[1] if record_at(ledger, p)]
            assert len(cids) == len(found), "a split decision was lost"
        else:
            for cid in cids:
                rec = record(ledger, cid)
                if kind == "confirm":
                    assert rec["confirmed"], "a confirmation was lost"
                elif kind == "reject":
                    assert rec["record_status"] == "rejected", "a rejected record is back"
                    assert cid not in {x["id"] for x in query.iter_records(ledger, [rec["record_kind"]])}
                elif kind == "correct":
                    assert rec[e[2]] == e[3], "a correction was overridden"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(plan=actions, rules=changed_rules)
def test_judgements_survive_reextraction_with_changed_rules(ledger, plan, rules):
    fresh(ledger)
    expect = apply(ledger, plan)
    n_active = len(active_judgements(ledger))
    holds(ledger, expect)
    ledger.reextract(all_documents=True, extractor=rx.make_extractor(rules))
    holds(ledger, expect)
    # re-ingesting the same files changes nothing and keeps every decision
    summary = ledger.ingest_paths(DOCS, extractor=rx.make_extractor(rules))
    assert summary.new == 0 and summary.updated == 0
    ledger.rebuild()
    holds(ledger, expect)
    # back to the first rules: still every decision, and none lost (re-pointing replaces one for one)
    ledger.reextract(all_documents=True, extractor=rx.make_extractor(rx.Rules()))
    holds(ledger, expect)
    assert len(active_judgements(ledger)) == n_active


def test_reextraction_that_changes_identities_repoints_judgements(ledger):
    """Amounts read 0.4 % higher give pledges and figures new ids; the decisions follow them."""
    fresh(ledger)
    pledge = next(p for p in query.pledges(ledger)["items"] if p["amount"] == 12e9)
    fig = query.figures(ledger, period="2024")["items"][0]
    review.correct(ledger, pledge["id"], "amount", "12000000000", author="ana", reason="the official figure")
    flag = next(f for f in query.flags(ledger)["items"] if f["kind"] == "unknown currency")
    review.dismiss(ledger, flag["id"], author="ana", reason="a typo for EUR")
    review.split(ledger, fig["id"], author="ana", reason="two different counts")
    ledger.reextract(all_documents=True, extractor=rx.make_extractor(rx.Rules(amount_factor=1.004,
                                                                              flag_wording="odd token")))
    pl = [p for p in query.pledges(ledger)["items"] if p["purpose"] == "transport links"]
    assert len(pl) == 1 and pl[0]["amount"] == 12e9 and pl[0]["n_documents"] == 2
    assert len(query.figures(ledger, period="2024")["items"]) == 2
    assert not [f for f in query.flags(ledger)["items"] if f["kind"] == "unknown currency"]
    hist = review.history(ledger)
    retired = [h for h in hist if h["retired_at"]]
    assert len(retired) == 3 and all(h["retired_by"] for h in retired)
    assert all(h["author"] == "ana" for h in hist)


def test_queue_least_certain_first_and_statuses(ledger):
    fresh(ledger)
    items = review.queue(ledger, limit=None)["items"]
    assert items == sorted(items, key=lambda i: (i["certainty"], i["n_documents"], i["kind"], i["id"]))
    assert all(i["sentence"] and i["source"] for i in items)
    flagged = [i for i in items if any(r.startswith("flag:") for r in i["reasons"])]
    assert flagged and max(i["certainty"] for i in flagged) < min(
        i["certainty"] for i in items if not i["reasons"] or i["reasons"] == [])
    meeting = next(i for i in items if i["kind"] == "meetings")
    review.confirm(ledger, meeting["id"][:12], author="ana")
    person = review.queue(ledger, kind="people")["items"][0]
    review.correct(ledger, person["id"], "role", "Foreign Minister", author="ana")
    pledge = review.queue(ledger, kind="pledges")["items"][0]
    review.reject(ledger, pledge["id"], author="ana")
    assert [i["id"] for i in review.queue(ledger, status="confirmed")["items"]] == [meeting["id"]]
    assert [i["id"] for i in review.queue(ledger, status="corrected")["items"]] == [person["id"]]
    assert [i["id"] for i in review.queue(ledger, status="rejected")["items"]] == [pledge["id"]]
    assert pledge["id"] not in {p["id"] for p in query.pledges(ledger)["items"]}
    assert all(i["status"] == "unreviewed" for i in review.queue(ledger, status="unreviewed")["items"])
    judged = {i["id"] for i in review.queue(ledger, status=review.JUDGED, limit=None)["items"]}
    assert judged == {meeting["id"], person["id"], pledge["id"]}
    with pytest.raises(review.ReviewError):
        review.queue(ledger, status=("confirmed", "maybe"))


def test_changed_decision_retires_the_old_one(ledger):
    fresh(ledger)
    rid = review.queue(ledger, kind="meetings")["items"][0]["id"]
    first = review.confirm(ledger, rid, author="ana", reason="looks right")
    second = review.reject(ledger, rid, author="bob", reason="a rehearsal, not a meeting")
    hist = {h["id"]: h for h in review.history(ledger, rid)}
    assert hist[first]["retired_at"] and hist[first]["retired_by"] == second
    assert hist[second]["retired_at"] is None and hist[second]["author"] == "bob"
    assert query.show(ledger, rid)["record_status"] == "rejected"
    c1 = review.correct(ledger, rid, "place", "Astana", author="ana")
    c2 = review.correct(ledger, rid, "place", "Almaty", author="ana")
    hist = {h["id"]: h for h in review.history(ledger, rid)}
    assert hist[c1]["retired_by"] == c2 and query.show(ledger, rid)["place"] == "Almaty"


def test_bad_review_input(ledger):
    fresh(ledger)
    rid = review.queue(ledger, kind="pledges")["items"][0]["id"]
    with pytest.raises(review.ReviewError, match="no record"):
        review.confirm(ledger, "nothing-like-this")
    with pytest.raises(review.ReviewError, match="no field"):
        review.correct(ledger, rid, "colour", "blue")
    with pytest.raises(review.ReviewError, match="not a valid amount"):
        review.correct(ledger, rid, "amount", "a lot")
    mid = review.queue(ledger, kind="meetings")["items"][0]["id"]
    with pytest.raises(review.ReviewError, match="cannot merge"):
        review.merge(ledger, rid, mid)
    with pytest.raises(review.ReviewError, match="no flag"):
        review.dismiss(ledger, "0000000000")
    assert review.parse_value("pledges", "amount", "12e9") == 12e9
    assert review.parse_value("meetings", "parties", '["EU", "Kazakhstan"]') == ["EU", "Kazakhstan"]
    assert review.parse_value("meetings", "place", "123") == "123"
    assert review.parse_value("pledges", "hedged", "true") is True


def test_review_commands(ledger, db_url, monkeypatch):
    fresh(ledger)
    runner = CliRunner()
    res = runner.invoke(app, ["review", "list", "--db", db_url, "--format", "json", "--kind", "meetings"])
    assert res.exit_code == 0, res.output
    items = json.loads(res.stdout)["items"]
    assert items and all(i["kind"] == "meetings" for i in items)
    rid = items[0]["id"]
    monkeypatch.setenv("COMMUNIQUE_AUTHOR", "carol")
    res = runner.invoke(app, ["review", "correct", rid, "place", "Astana", "--db", db_url,
                              "--reason", "press"])
    assert res.exit_code == 0, res.output
    assert query.show(ledger, rid)["place"] == "Astana"
    res = runner.invoke(app, ["review", "confirm", rid, "--db", db_url, "--author", "dave"])
    assert res.exit_code == 0
    res = runner.invoke(app, ["review", "history", rid, "--db", db_url, "--format", "json"])
    hist = json.loads(res.stdout)
    assert [(h["kind"], h["author"]) for h in hist] == [("correct", "carol"), ("confirm", "dave")]
    assert hist[0]["reason"] == "press"
    res = runner.invoke(app, ["review", "list", "--db", db_url, "--status", "corrected", "--format", "csv"])
    assert res.exit_code == 0 and rid in res.stdout
    res = runner.invoke(app, ["review", "list", "--db", db_url, "--status", "wrong"])
    assert res.exit_code == 1 and "unknown status" in res.stderr
    res = runner.invoke(app, ["review", "reject", "zzzzzzzz", "--db", db_url])
    assert res.exit_code == 1 and "no record" in res.stderr
    two = [i["id"] for i in items[:2]]
    if len(two) == 2:
        assert runner.invoke(app, ["review", "merge", *two, "--db", db_url]).exit_code == 0
        res = runner.invoke(app, ["review", "split", two[0], "--from", two[1], "--db", db_url])
        assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["review", "list", "--db", db_url])
    assert res.exit_code == 0


def test_judgement_written_without_anchors_is_found_by_label(ledger):
    """A decision made through `Ledger.judge` (as the web app does) keeps only the ledger's snapshot;
    re-extraction that changes the record's id still finds it by label in its documents."""
    fresh(ledger)
    pid = next(p["id"] for p in query.pledges(ledger)["items"] if p["purpose"] == "rural schools")
    jid = ledger.judge("correct", pid, prop="purpose", value="primary schools", author="web")
    ledger.reextract(all_documents=True, extractor=rx.make_extractor(rx.Rules(amount_factor=1.004)))
    pl = next(p for p in query.pledges(ledger)["items"] if p["currency"] == "USD")
    assert pl["purpose"] == "primary schools" and pl["id"] != pid
    hist = {h["id"]: h for h in review.history(ledger)}
    assert hist[jid]["retired_by"] and hist[hist[jid]["retired_by"]]["target_id"] == pl["id"]


def test_judgement_on_a_record_not_in_the_ledger_keeps_the_rebuild_working(ledger):
    """`Ledger.judge` takes any id (a record may appear with a later document); one no record has
    stays pending and the rebuild, ingest and queue go on (its empty anchor once crashed them)."""
    fresh(ledger)
    jid = ledger.judge("confirm", "mee-0000000000000000", author="test")
    stats = ledger.rebuild()
    assert stats["records"] >= 0
    assert any(h["id"] == jid and not h["retired_by"] for h in review.history(ledger))
    assert query.pledges(ledger)["items"]


def test_queue_counts_document_flags_at_a_record(ledger):
    """The wire's "EU$ 3 billion" sentence holds no record here, but a flag inside a record's span
    lowers that record's certainty."""
    fresh(ledger)
    with ledger.engine.begin() as conn:
        from sqlalchemy import update

        flag = conn.execute(select(t.flags.c.id, t.flags.c.document_id)
                            .where(t.flags.c.kind == "unknown currency")).first()
        m = conn.execute(select(t.mentions.c.span_start, t.mentions.c.span_end, t.mentions.c.canonical_id)
                         .where(t.mentions.c.document_id == flag.document_id, t.mentions.c.kind == "pledges")
                         ).first()
        conn.execute(update(t.flags).where(t.flags.c.id == flag.id)
                     .values(span_start=m.span_start, span_end=m.span_end))
    ledger.rebuild()  # certainty is stored at rebuild time; the edit above went behind the ledger's back
    item = next(i for i in review.queue(ledger, limit=None)["items"] if i["id"] == m.canonical_id)
    assert "flag: unknown currency" in item["reasons"] and item["certainty"] <= 0.5


def test_store_certainty_writes_each_chunk_before_reading_the_next(ledger, monkeypatch):
    """Certainties are written a chunk of records at a time (memory holds one chunk's rows, not the
    ledger's), and give what one write of every record gives."""
    from sqlalchemy import update

    from communique.ledger.db import chunks

    fresh(ledger)
    cols = (t.records.c.id, t.records.c.certainty, t.records.c.reasons, t.records.c.open_flags)

    def stored():
        with ledger.engine.connect() as conn:
            return conn.execute(select(*cols).order_by(t.records.c.id)).all()

    def recompute(size):
        with ledger.engine.begin() as conn:
            conn.execute(update(t.records).values(certainty=None))
            monkeypatch.setattr(review, "chunks", lambda ids, n=None: chunks(ids, size))
            return review.store_certainty(conn)

    whole = recompute(10**6)
    expect = stored()
    assert whole == len(expect) > 3 and all(r.certainty is not None for r in expect)
    from sqlalchemy.engine import Connection

    writes = []
    real_execute = Connection.execute

    def spy(self, stmt, *a, **k):
        if getattr(stmt, "table", None) is t.records and stmt.is_update and a:
            writes.append(len(a[0]))
        return real_execute(self, stmt, *a, **k)

    monkeypatch.setattr(Connection, "execute", spy)
    assert recompute(2) == whole
    assert writes and max(writes) <= 2 and sum(writes) == whole
    assert stored() == expect
