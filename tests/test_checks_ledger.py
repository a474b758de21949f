"""Checks across the ledger: each check positive and negative (tolerance edges), on SQLite and
PostgreSQL, on documents of our own words stored with the records we say they contain."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique.checks.ledger import list_flags, role_parts, roles_conflict, settings
from communique.cli import app
from communique.ledger import open_ledger, query, review
from communique.models import Agreement, DocumentInfo, Extraction, Figure, Head, Meeting, Person
from communique.read import make_document

FIG = settings()["kinds"]["figures"]
ORD = settings()["kinds"]["meeting_numbers"]
ROLES = settings()["kinds"]["roles"]


def store(ledger, words: str, source: str, published: str, **records):
    """Store a document of our own words with the records we say it holds (span: the whole text)."""
    doc = make_document(words, source=source, published=published)
    span = (0, len(doc.text))
    for recs in records.values():
        for r in recs:
            if "spans" in type(r).model_fields and not r.spans:
                r.spans = [span]
            elif "span" in type(r).model_fields and r.span is None:
                r.span = span
    info = DocumentInfo(id=doc.id, source=source, published=published)
    ledger.store_extraction(doc, Extraction(document=info, **records))
    return doc


def kinds(ledger, kind, **kw):
    return [f for f in list_flags(ledger, kind=kind, **kw)["items"]]


def trade(value, qualifier="exact", metric="bilateral trade", period="2024", unit="USD", subject=None):
    return Figure(metric=metric, value=value, unit=unit, period=period, qualifier=qualifier, subject=subject)


# --- figures ----------------------------------------------------------------------------------------

def test_figures_from_two_sources_disagree(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "Bilateral trade reached USD 48.7 billion in 2024, the ministry said.", "a.txt",
          "2025-02-01", figures=[trade(48.7e9)])
    store(ledger, "Trade turnover stood at USD 45.2 billion last year.", "b.txt", "2025-02-10",
          figures=[trade(45.2e9, metric="trade turnover")])
    ledger.rebuild()
    flags = kinds(ledger, FIG)
    assert len(flags) == 1
    f = flags[0]
    assert f["source"] == "ledger" and "48.7 billion" in f["message"] and "45.2 billion" in f["message"]
    assert {s["source"] for s in f["sources"]} == {"a.txt", "b.txt"}
    assert any("48.7 billion" in (s["sentence"] or "") for s in f["sources"])
    assert len(f["record_ids"]) >= 2


@pytest.mark.parametrize("other, flagged", [
    (trade(49e9, "nearly"), False),            # nearly 49 admits 44.1–49: 48.7 fits
    (trade(48.74e9), False),                   # a more precise statement of the same number
    (trade(50e9, "nearly"), False),            # 45–50 still holds 48.65–48.75
    (trade(48.9e9), True),                     # two exact values: 48.85 > 48.75
    (trade(48.7e9, period="2023"), False),     # another period
    (trade(48.7e8, unit="EUR"), False),        # another unit
    (trade(30e9, metric="oil exports"), False),  # another metric
    (trade(41e9, "more than"), False),         # "more than 41" is open above
    (trade(49e9, "more than"), True),          # "more than 49" cannot be 48.7
])
def test_figures_tolerance(db_url, other, flagged):
    ledger = open_ledger(db_url)
    store(ledger, "Trade between the sides reached USD 48.7 billion in 2024.", "a.txt", "2025-01-10",
          figures=[trade(48.7e9)])
    store(ledger, "Another outlet gave its own number for the same trade.", "b.txt", "2025-01-12",
          figures=[other])
    ledger.rebuild()
    assert bool(kinds(ledger, FIG)) is flagged


@pytest.mark.parametrize("value, flagged", [(45e9, False), (44.4e9, True)])
def test_nearly_edge(db_url, value, flagged):
    """'Nearly 50 billion' admits 45–50 billion (checks.yaml); an exact 45 fits, an exact 44.4 does not."""
    ledger = open_ledger(db_url)
    store(ledger, "Trade was nearly USD 50 billion in 2024.", "a.txt", "2025-01-10",
          figures=[trade(50e9, "nearly")])
    store(ledger, "Trade was exactly this much in 2024.", "b.txt", "2025-01-12", figures=[trade(value)])
    ledger.rebuild()
    assert bool(kinds(ledger, FIG)) is flagged


def test_figures_subjects_and_single_document(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "Kazakhstan's exports to the EU were USD 38.1 billion in 2024.", "a.txt", "2025-01-10",
          figures=[trade(38.1e9, metric="exports to the EU", subject="Kazakhstan")])
    store(ledger, "Uzbekistan's exports to the EU were USD 3.1 billion in 2024.", "b.txt", "2025-01-12",
          figures=[trade(3.1e9, metric="exports to the EU", subject="Uzbekistan")])
    # one document contradicting itself is the document checks' business, not a cross-source flag
    store(ledger, "Trade was USD 10 billion in 2024. Trade was USD 12 billion in 2024.", "c.txt",
          "2025-01-13", figures=[trade(v, metric="trade with Japan") for v in (10e9, 12e9)])
    ledger.rebuild()
    assert kinds(ledger, FIG) == []


def test_rejected_figure_is_not_compared(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "Bilateral trade reached USD 48.7 billion in 2024.", "a.txt", "2025-02-01",
          figures=[trade(48.7e9)])
    store(ledger, "Bilateral trade was USD 4.87 billion in 2024.", "b.txt", "2025-02-02",
          figures=[trade(4.87e9)])
    ledger.rebuild()
    (f,) = kinds(ledger, FIG)
    # both figures are one merged record (same metric and period): take b.txt's out, then reject it
    shown = query.show(ledger, f["record_ids"][0])
    wrong = next(s["record_id"] for s in shown["sources"] if s["source"] == "b.txt")
    review.split(ledger, wrong, author="ana", reason="b.txt is not the same number")
    assert kinds(ledger, FIG)  # still two sources disagreeing
    review.reject(ledger, wrong, author="ana", reason="a misplaced decimal point")
    assert kinds(ledger, FIG) == []
    assert query.figures(ledger)["total"] == 1


# --- meetings ---------------------------------------------------------------------------------------

def council(number=None, date=None, place=None, date_end=None, body="EU-Kazakhstan Cooperation Council"):
    return Meeting(body=body, number=number, date=date, date_end=date_end, place=place)


@pytest.mark.parametrize("a, b, flagged", [
    (council(21, "2024-10-14"), council(22, "2024-10-14"), True),
    (council(21, "2024-10-14", date_end="2024-10-15"), council(22, "2024-10-15"), True),
    (council(21, "2024-10-14"), council(22, "2024-10-15"), False),   # same_days = 0: another day
    (council(21, "2024-10-14"), council(22, "2025-10-20"), False),
    (council(21, "2024-10-14"), council(22, "2024-10-14", body="EU-Uzbekistan Cooperation Council"), False),
])
def test_meeting_ordinals_disagree(db_url, a, b, flagged):
    ledger = open_ledger(db_url)
    store(ledger, "The Cooperation Council met in Luxembourg.", "a.txt", "2024-10-16", meetings=[a])
    store(ledger, "The Cooperation Council held its meeting.", "b.txt", "2024-10-17", meetings=[b])
    ledger.rebuild()
    flags = kinds(ledger, ORD)
    assert bool(flags) is flagged
    if flagged:
        assert "21st" in flags[0]["message"] and "22nd" in flags[0]["message"]
        assert {s["source"] for s in flags[0]["sources"]} == {"a.txt", "b.txt"}


@pytest.mark.parametrize("a, b, prop", [
    (council(21, "2024-10-14", "Luxembourg"), council(21, "2024-10-14", "Astana"), "place"),
    (council(21, "2024-10-14", "Luxembourg"), council(21, "2024-10-20", "Luxembourg"), "date"),
    (council(21, "2024-10-14", "Luxembourg"), council(21, "2024-10", "Luxembourg"), None),
    (council(21, "2024-10-14", "Luxembourg"), council(21, None, "Luxembourg"), None),
])
def test_same_meeting_different_dates_or_places(db_url, a, b, prop):
    """The ledger's own 'sources disagree' flag, reused and listed with both sources."""
    ledger = open_ledger(db_url)
    store(ledger, "The 21st Cooperation Council met.", "a.txt", "2024-10-21", meetings=[a])
    store(ledger, "The 21st Cooperation Council also met, said another outlet.", "b.txt", "2024-10-22",
          meetings=[b])
    ledger.rebuild()
    flags = [f for f in kinds(ledger, "sources disagree") if f"on {prop}" in f["message"]] if prop else \
        kinds(ledger, "sources disagree")
    assert bool(flags) is bool(prop)
    if prop:
        assert {s["source"] for s in flags[0]["sources"]} == {"a.txt", "b.txt"}


# --- agreements -------------------------------------------------------------------------------------

@pytest.mark.parametrize("later, flagged", [("initialled", True), ("in force", False)])
def test_agreement_back_a_stage(db_url, later, flagged):
    ledger = open_ledger(db_url)
    epca = dict(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                parties=["European Union", "Kazakhstan"])
    store(ledger, "The EPCA was signed in Astana.", "a.txt", "2015-12-22",
          agreements=[Agreement(**epca, status="signed", date="2015-12-21")])
    store(ledger, "The EPCA is, the paper says, at this stage now.", "b.txt", "2020-03-02",
          agreements=[Agreement(**epca, status=later)])
    ledger.rebuild()
    flags = kinds(ledger, "stage regression")
    assert bool(flags) is flagged
    assert len(list_flags(ledger, kind=["stage regression"])["items"]) == len(flags)  # once, not twice


# --- people -----------------------------------------------------------------------------------------

def test_role_parts_and_conflicts():
    assert roles_conflict("Deputy Foreign Minister", "Foreign Minister")
    assert roles_conflict("Minister of Trade and Integration", "Minister of Foreign Affairs")
    assert roles_conflict("Vice-President", "President")
    assert not roles_conflict("Deputy Prime Minister and Foreign Minister", "Minister of Foreign Affairs")
    assert not roles_conflict("Minister", "Foreign Minister")
    assert not roles_conflict("Deputy Prime Minister – Minister of Foreign Affairs", "Foreign Minister")
    assert roles_conflict("Deputy Prime Minister – Minister of Foreign Affairs", "Minister of Trade")
    assert not roles_conflict("Minister for Foreign Affairs, European Union and Cooperation",
                              "Minister of Foreign Affairs and Trade")
    assert roles_conflict("First Deputy Prime Minister", "Deputy Prime Minister")
    assert not roles_conflict("Executive Vice-President of the European Commission", "Vice-President")
    assert not roles_conflict("former Foreign Minister", "Trade Minister")
    assert not roles_conflict("Prime Minister", "Chair of the Council")
    assert role_parts("Ambassador-designate") is None


@pytest.mark.parametrize("second, role, flagged", [
    ("2024-03-20", "Foreign Minister", True),
    ("2024-04-01", "Foreign Minister", True),     # 31 days: the window's edge
    ("2024-04-02", "Foreign Minister", False),    # 32 days: a promotion, not a contradiction
    ("2024-03-20", "Deputy Minister of Foreign Affairs", False),
    ("2024-03-20", "Deputy Prime Minister", False),
    ("2024-03-20", "former Minister of Energy", False),
])
def test_person_in_two_roles(db_url, second, role, flagged):
    ledger = open_ledger(db_url)
    store(ledger, "Deputy Foreign Minister Roman Vassilenko opened the round.", "a.txt", "2024-03-01",
          people=[Person(name="Roman Vassilenko", role="Deputy Foreign Minister")])
    store(ledger, f"Roman Vasilenko, {role}, spoke to the press.", "b.txt", second,
          people=[Person(name="Roman Vasilenko", role=role)])
    ledger.rebuild()
    flags = kinds(ledger, ROLES)
    assert bool(flags) is flagged
    if flagged:
        assert "Vassilenko" in flags[0]["message"] or "Vasilenko" in flags[0]["message"]


def test_head_of_delegation_on_two_sides(db_url):
    ledger = open_ledger(db_url)
    kallas = Head(name="Kaja Kallas", role="High Representative", side="European Union")
    store(ledger, "The 21st Cooperation Council was co-chaired by Kaja Kallas for the EU.", "a.txt",
          "2025-06-18", meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=21,
                                          date="2025-06-17", heads=[kallas])])
    store(ledger, "Kaja Kallas spoke for Kazakhstan, a confused wire said.", "b.txt", "2025-06-19",
          people=[Person(name="Kaja Kallas", affiliation="Kazakhstan")])
    store(ledger, "Kaja Kallas spoke for the European Union.", "c.txt", "2025-06-20",
          people=[Person(name="Kaja Kallas", role="High Representative", affiliation="European Union")])
    ledger.rebuild()
    flags = kinds(ledger, ROLES)
    # one flag per pair of conflicting (role, side): b.txt against the first of a.txt and c.txt,
    # which agree, with how many sources say each
    assert len(flags) == 1
    assert "b.txt" in flags[0]["message"] and "a.txt" in flags[0]["message"]
    assert "(2 and 1 sources say so)" in flags[0]["message"]


def test_roles_flags_are_one_per_conflicting_pair_not_per_document_pair():
    """A head of delegation seen in many documents in two roles gives one flag, found without
    comparing every pair of sightings (that was quadratic and never finished at 100,000)."""
    from datetime import date, timedelta
    from types import SimpleNamespace

    from communique.checks.ledger import _Held, _person_conflicts
    from communique.ledger.names import party_code

    day = date(2025, 1, 1)
    held = []
    for i in range(3000):
        role = "Foreign Minister" if i % 3 else "Deputy Foreign Minister"
        rec = SimpleNamespace(id=f"r{i:05d}", canonical_id=f"c{i:05d}", document_id=f"d{i // 2}",
                              where=f"doc{i // 2}", span=(0, 5))
        held.append(_Held(person="p1", name="A. Person", role=role, side="Kazakhstan",
                          when=day + timedelta(days=i // 100), rec=rec))
    flags = list(_person_conflicts("p1", held, 31, party_code))
    assert len(flags) == 1
    # the first pair in time order from two different documents: r00000 (deputy, d0) and r00002 (d1);
    # r00001 shares d0 with r00000
    assert flags[0]["record_ids"][:2] == ["r00000", "r00002"]
    assert "(1000 and 1500 sources say so)" in flags[0]["message"]


# --- dismissing, listing, the command ---------------------------------------------------------------

def test_dismissed_flag_hidden_unless_asked(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "Bilateral trade reached USD 48.7 billion in 2024.", "a.txt", "2025-02-01",
          figures=[trade(48.7e9)])
    store(ledger, "Bilateral trade was USD 40 billion in 2024.", "b.txt", "2025-02-02", figures=[trade(40e9)])
    ledger.rebuild()
    (f,) = kinds(ledger, FIG)
    review.dismiss(ledger, f["id"][:10], author="ana", reason="b.txt counts goods only")
    assert kinds(ledger, FIG) == []
    ledger.rebuild()
    assert kinds(ledger, FIG) == []
    (shown,) = kinds(ledger, FIG, include_dismissed=True)
    assert shown["dismissed"] and shown["dismissed_by"] == "ana"
    assert shown["dismiss_reason"].startswith("b.txt")


def test_check_command(db_url, monkeypatch):
    ledger = open_ledger(db_url)
    store(ledger, "Bilateral trade reached USD 48.7 billion in 2024.", "a.txt", "2025-02-01",
          figures=[trade(48.7e9)])
    store(ledger, "Bilateral trade was USD 40 billion in 2024.", "b.txt", "2025-02-02", figures=[trade(40e9)])
    ledger.rebuild()
    runner = CliRunner()
    res = runner.invoke(app, ["check", "--db", db_url, "--format", "json", "--kind", FIG])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["total"] == 1 and data["items"][0]["sources"]
    fid = data["items"][0]["id"]
    res = runner.invoke(app, ["check", "--db", db_url, "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines()[0].startswith("id,kind,source,message")
    monkeypatch.setenv("COMMUNIQUE_AUTHOR", "bob")
    res = runner.invoke(app, ["review", "dismiss", fid, "--db", db_url, "--reason", "goods only"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["check", "--db", db_url, "--format", "json", "--kind", FIG])
    assert json.loads(res.stdout)["total"] == 0
    res = runner.invoke(app, ["check", "--db", db_url, "--format", "json", "--include-dismissed"])
    item = next(i for i in json.loads(res.stdout)["items"] if i["id"] == fid)
    assert item["dismissed_by"] == "bob"
    res = runner.invoke(app, ["check", "--db", db_url])
    assert res.exit_code == 0
    res = runner.invoke(app, ["review", "dismiss", "nonexistent", "--db", db_url])
    assert res.exit_code == 1 and "no flag" in res.stderr


def test_figures_of_two_partnerships_are_not_compared(db_url):
    """'Mutual trade' in a Kazakhstan–China text is not the EU–Kazakhstan trade of another text."""
    ledger = open_ledger(db_url)
    store(ledger, "At the EU-Kazakhstan Cooperation Council, bilateral trade was put at USD 48.7 billion "
          "for 2024.", "a.txt", "2025-03-01", figures=[trade(48.7e9)],
          meetings=[council(22, "2025-02-28")])
    store(ledger, "The Kazakhstan-China Cooperation Committee heard that mutual trade reached USD 43.8 "
          "billion in 2024.", "b.txt", "2025-03-19", figures=[trade(43.8e9, metric="mutual trade")],
          meetings=[council(8, "2025-03-18", body="Kazakhstan-China Cooperation Committee")])
    store(ledger, "Bilateral trade between the EU and Kazakhstan was USD 43.8 billion in 2024, an "
          "undated note claims.", "c.txt", "2025-04-01", figures=[trade(43.8e9)])
    ledger.rebuild()
    (f,) = kinds(ledger, FIG)  # a.txt against c.txt (no partnership stated), never against b.txt
    assert {s["source"] for s in f["sources"]} == {"a.txt", "c.txt"}


def test_a_failing_check_is_a_flag_not_a_failed_rebuild(db_url, monkeypatch):
    from communique.checks import ledger as checks

    def broken(seen):
        raise ValueError("odd data")
        yield  # pragma: no cover

    monkeypatch.setattr(checks, "CHECKS", (broken, *checks.CHECKS[1:]))
    ledger = open_ledger(db_url)
    store(ledger, "Trade was USD 1 billion in 2024.", "a.txt", "2025-01-01", figures=[trade(1e9)])
    ledger.rebuild()
    (f,) = kinds(ledger, "check failed")
    assert "broken" in f["message"] and "odd data" in f["message"]


def test_document_flags_listed_with_their_sentence(db_url):
    from communique.models import Flag

    ledger = open_ledger(db_url)
    words = "The ministers met in Astana. A note put the aid at EU$ 3 billion. Talks go on."
    start = words.index("EU$")
    store(ledger, words, "a.txt", "2025-01-01",
          flags=[Flag(kind="unknown currency", message="EU$ is no currency", span=(start, start + 14))])
    ledger.rebuild()
    (f,) = list_flags(ledger, source="doc")["items"]
    assert f["sources"][0]["source"] == "a.txt"
    assert f["sources"][0]["sentence"] == "A note put the aid at EU$ 3 billion."


def test_figures_checked_in_batches_as_a_whole(db_url, monkeypatch):
    """`run_checks` reads figures a few (unit, period) groups at a time: the flags are those of the
    check over every figure at once."""
    from communique.checks import ledger as checks
    from communique.ledger import schema as t

    ledger = open_ledger(db_url)
    n = 0
    for period in ("2022", "2023", "2024"):
        for unit, scale in (("USD", 1e9), ("EUR", 1e8)):
            for value, qualifier in ((48.7, "exact"), (45.2, "exact"), (49, "nearly"), (30, "more than")):
                n += 1
                store(ledger, f"Bilateral trade was {value} in {period} (note {n}).", f"{n}.txt",
                      f"{int(period) + 1}-02-{n % 27 + 1:02d}",
                      figures=[trade(value * scale, qualifier, period=period, unit=unit)],
                      meetings=[council(n, f"{period}-05-01")] if n % 3 == 0 else [])
    ledger.rebuild()

    def flag_rows():
        with ledger.connect() as conn:
            return sorted(tuple(r) for r in conn.execute(
                t.flags.select().with_only_columns(t.flags.c.id, t.flags.c.message, t.flags.c.record_ids,
                                                   t.flags.c.document_id).where(t.flags.c.kind == FIG)))

    batched = flag_rows()
    assert len(batched) >= 6  # each (unit, period) has sources that cannot both be right
    with ledger.connect() as conn:  # the whole check at once, as before batching
        seen = checks._load(conn, checks.READS)
        whole = sorted(f["id"] for f in checks.figures_disagree(seen))
    assert [r[0] for r in batched] == whole
    monkeypatch.setattr(checks, "WHOLE_STATEMENTS", 0)  # batches however few the records...
    monkeypatch.setattr(checks, "BATCH", 1)  # ...of one group each
    ledger.rebuild()
    assert flag_rows() == batched


def test_a_check_failing_after_some_parts_leaves_none_of_its_flags(db_url, monkeypatch):
    """A full run writes each part's flags as found; a check that fails on a later part has those
    it wrote taken back (as when its flags were gathered and dropped), the other checks' stay."""
    from communique.checks import ledger as checks

    ledger = open_ledger(db_url)
    n = 0
    for period in ("2022", "2023", "2024"):
        for value in (48.7, 45.2):
            n += 1
            store(ledger, f"Bilateral trade was {value} in {period} (note {n}).", f"{n}.txt",
                  f"{int(period) + 1}-02-{n:02d}", figures=[trade(value * 1e9, period=period)],
                  meetings=[council(18 + n % 2, "2024-05-02")])
    monkeypatch.setattr(checks, "WHOLE_STATEMENTS", 0)
    monkeypatch.setattr(checks, "BATCH", 1)  # a part a (unit, period): three parts
    ledger.rebuild()
    assert len(kinds(ledger, FIG)) == 3 and kinds(ledger, ORD)
    others = kinds(ledger, ORD)
    real, calls = checks.figures_disagree, []

    def fails_third(seen, **kw):
        calls.append(1)
        if len(calls) == 3:
            raise ValueError("odd data")
        yield from real(seen, **kw)

    fails_third.__name__ = "figures_disagree"
    monkeypatch.setattr(checks, "CHECKS", (fails_third, *checks.CHECKS[1:]))
    monkeypatch.setattr(checks, "GROUPS", {fails_third: checks._figure_parts,
                                           **{c: g for c, g in checks.GROUPS.items() if c is not real}})
    ledger.rebuild()
    assert len(calls) == 3
    assert kinds(ledger, FIG) == []
    (failed,) = kinds(ledger, "check failed")
    assert "odd data" in failed["message"]
    assert [f["id"] for f in kinds(ledger, ORD)] == [f["id"] for f in others]


def test_flags_writer_keeps_the_first_of_an_id_and_takes_back_a_check(tmp_path):
    from datetime import UTC, datetime

    from sqlalchemy import select

    from communique.checks import ledger as checks
    from communique.ledger import schema as t

    ledger = open_ledger(f"sqlite:///{tmp_path / 'w.db'}")

    def flag(fid, message):
        return {"id": fid, "kind": FIG, "message": message, "source": "ledger", "document_id": None,
                "span_start": None, "span_end": None, "record_ids": ["fig-1"]}

    with ledger.engine.begin() as conn:
        w = checks._Writer(conn, datetime.now(UTC))
        found = [flag("a", "first"), flag("a", "second"), flag("b", "b")]
        w.write(found)
        assert found == [] and w.written == 2
        w.done()
        w.write([flag("a", "third"), flag("c", "c")])
        w.take_back()  # the check that wrote "c" failed: "a" was another's
        stored = dict(conn.execute(select(t.flags.c.id, t.flags.c.message)).all())
        assert stored == {"a": "first", "b": "b"} and w.written == 2
        w.write([flag("c", "again")])
        assert conn.execute(select(t.flags.c.message).where(t.flags.c.id == "c")).scalar() == "again"
    ledger.close()


def test_role_groups_of_a_full_run_read_back_from_a_temporary_table(db_url, monkeypatch):
    """A full run groups people and heads of delegation through a temporary table (one node per
    merged person and surname held): the same parts, in the same order, as grouping every record
    in memory (what the run after an ingest still does, here given every record as changed), and
    the same flags as the whole kinds read at once."""
    from sqlalchemy import select

    from communique.checks import ledger as checks
    from communique.ledger import schema as t

    ledger = open_ledger(db_url)
    names = ["Roman Vassilenko", "Roman Vasilenko", "Kaja Kallas", "Anna Petrova", "Ivan Petrov",
             "Oleg Petrenko", "Mukhtar Tileuberdi", "Murat Nurtleu"]
    roles = ["Deputy Foreign Minister", "Foreign Minister", "High Representative", "Trade Minister"]
    for i in range(16):
        name = names[i % len(names)]
        heads = [Head(name=names[(i + 2) % len(names)], role=roles[i % 4], side="Kazakhstan"),
                 Head(name="Kaja Kallas", role="High Representative", side="European Union")]
        store(ledger, f"Note {i}: {name} spoke; the council met.", f"{i}.txt", f"2024-03-{1 + i:02d}",
              people=[Person(name=name, role=roles[(i // 2) % 4], affiliation="Kazakhstan")],
              meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=20 + i % 2,
                                date=f"2024-03-{1 + i:02d}", heads=heads if i % 3 else heads[:1])])
    ledger.rebuild()
    whole = sorted((f["id"], f["message"]) for f in kinds(ledger, ROLES))
    assert whole
    monkeypatch.setattr(checks, "WHOLE_STATEMENTS", 0)
    monkeypatch.setattr(checks, "BATCH", 3)
    def parts(conn, seeds):
        return [(sorted(p.ids), sorted(p.surnames), sorted(r.id for rs in p.seen.values() for r in rs))
                for p in checks._role_parts(conn, seeds)]

    with ledger.connect() as conn:
        streamed = parts(conn, None)
        every = {kind: set(conn.execute(select(t.statements.c.record_id)
                                        .where(t.statements.c.kind == kind)).scalars())
                 for kind in ("people", "meetings")}
        in_memory = parts(conn, every)
        assert parts(conn, None) == streamed  # the temporary table was dropped: made again
    assert len(streamed) > 2 and streamed == in_memory
    ledger.rebuild()
    assert [f["message"] for f in kinds(ledger, "check failed")] == []
    assert sorted((f["id"], f["message"]) for f in kinds(ledger, ROLES)) == whole
