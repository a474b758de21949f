"""Query functions: filters, pagination totals, pledge totals, show, documents, flags."""

from __future__ import annotations

import pytest

from communique.ledger import open_ledger, query
from communique.models import Agreement, DocumentInfo, Extraction, Figure, Flag, Meeting, Person, Pledge
from communique.read import make_document


def store(ledger, words, source, published, **records):
    doc = make_document(words, source=source, published=published)
    n = len(doc.text)
    for recs in records.values():
        for r in recs:
            if "spans" in type(r).model_fields:
                r.spans = r.spans or [(0, n)]
            elif "span" in type(r).model_fields and r.span is None:
                r.span = (0, n)
    ledger.store_extraction(doc, Extraction(document=DocumentInfo(id=doc.id, source=source,
                                                                  published=published), **records))
    return doc


@pytest.fixture
def ledger(db_url):
    ledger = open_ledger(db_url)
    for i, year in enumerate(range(2016, 2024)):
        store(ledger, f"The {14 + i}th EU-Kazakhstan Cooperation Council met in Brussels in November {year}.",
              f"kz-{year}.txt", f"{year}-11-20",
              meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=14 + i,
                                date=f"{year}-11-19", place="Brussels")])
    store(ledger, "The 5th EU-Uzbekistan Cooperation Committee met in Tashkent on 2 June 2022.", "uz.txt",
          "2022-06-03", meetings=[Meeting(body="EU–Uzbekistan Cooperation Committee", number=5,
                                          date="2022-06-02", place="Tashkent")],
          people=[Person(name="Bakhtiyor Saidov", role="Foreign Minister", affiliation="Uzbekistan")])
    store(ledger, "The EU pledged EUR 12 billion under Global Gateway and the EIB lent USD 500 million.",
          "pledges.txt", "2025-04-04",
          pledges=[Pledge(by="European Union", amount=12e9, currency="EUR", amount_eur=12e9,
                          amount_usd=13.2e9, program="Global Gateway", date="2025-04-04"),
                   Pledge(by="European Investment Bank", amount=5e8, currency="USD", amount_eur=4.6e8,
                          amount_usd=5e8, hedged=True, date="2025-09")],
          figures=[Figure(metric="bilateral trade", value=48.7e9, unit="USD", period="2024"),
                   Figure(metric="foreign direct investment", value=2e11, unit="USD", period="2005/2025",
                          qualifier="more than")],
          agreements=[Agreement(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                                parties=["European Union", "Kazakhstan"], status="in force")],
          flags=[Flag(kind="unknown currency", message="EU$ is not a currency code", span=(0, 3))])
    ledger.rebuild()
    return ledger


def test_meetings_filters_and_pagination(ledger):
    everything = query.meetings(ledger, limit=None)
    assert everything["total"] == 9
    page = query.meetings(ledger, limit=3, offset=0)
    assert page["total"] == 9 and len(page["items"]) == 3
    assert page["items"][0]["date"] == "2023-11-19"  # newest first
    page2 = query.meetings(ledger, limit=3, offset=3)
    assert {m["id"] for m in page["items"]}.isdisjoint({m["id"] for m in page2["items"]})
    assert query.meetings(ledger, party="Uzbekistan")["total"] == 1
    assert query.meetings(ledger, party="KZ")["total"] == 0  # an unknown party code matches nothing
    assert query.meetings(ledger, party="Kazakhstan")["total"] == 8
    assert query.meetings(ledger, body="cooperation council")["total"] == 8
    assert query.meetings(ledger, body="Kazakhstan-EU Cooperation Council")["total"] == 8
    assert query.meetings(ledger, since="2020", until="2021-12")["total"] == 2  # Nov 2020, Nov 2021
    assert query.meetings(ledger, text="tashkent")["total"] == 1


def test_agreements_and_stage_counts(ledger):
    ag = query.agreements(ledger, stage="in force")
    assert ag["total"] == 1 and ag["by_stage"] == {"in force": 1}
    assert query.agreements(ledger, stage="signed")["total"] == 0
    assert query.agreements(ledger, party="Kazakhstan", text="EPCA")["total"] == 1


def test_pledges_and_totals(ledger):
    pl = query.pledges(ledger)
    assert pl["total"] == 2
    assert pl["totals"]["EUR"] == pytest.approx(12.46e9)
    assert pl["totals"]["USD"] == pytest.approx(13.7e9)
    assert pl["totals"]["by_currency"] == {"EUR": 12e9, "USD": 5e8}
    assert query.pledges(ledger, program="global gateway")["total"] == 1
    assert query.pledges(ledger, currency="usd")["items"][0]["by"] == "European Investment Bank"
    assert query.pledges(ledger, by="EIB")["total"] == 1  # an acronym matches the initials of a name
    assert query.pledges(ledger, hedged=True)["total"] == 1
    assert query.pledges(ledger, since="2025-05")["total"] == 1


def test_figures_people_documents(ledger):
    assert query.figures(ledger, metric="trade")["total"] == 1
    assert query.figures(ledger, period="2005")["items"][0]["qualifier"] == "more than"
    ppl = query.people(ledger, name="Saidov")
    assert ppl["total"] == 1 and ppl["items"][0]["roles"][0]["role"] == "Foreign Minister"
    docs = query.documents(ledger, limit=5)
    assert docs["total"] == 10 and len(docs["items"]) == 5
    assert docs["items"][0]["source"] == "pledges.txt" and docs["items"][0]["n_statements"] > 0
    assert query.documents(ledger, text="TASHKENT")["total"] == 1
    assert query.documents(ledger, since="2022", until="2022")["total"] == 2


def test_flags_and_show(ledger):
    fl = query.flags(ledger, source="doc")
    assert fl["total"] == 1 and fl["items"][0]["document_source"] == "pledges.txt"
    m = query.meetings(ledger, party="Uzbekistan")["items"][0]
    shown = query.show(ledger, m["id"])
    assert shown["record_kind"] == "meetings" and shown["place"] == "Tashkent"
    src = shown["sources"][0]
    assert src["source"] == "uz.txt" and src["span"] == [0, len(src["sentence"])]
    assert {s["prop"] for s in src["statements"]} >= {"body", "number", "date", "place"}
    assert query.show(ledger, m["id"][:10])["id"] == m["id"]  # a unique prefix is enough
    stmt_id = src["statements"][0]["id"]
    assert query.show(ledger, stmt_id)["id"] == m["id"]
    doc = query.show(ledger, src["document_id"])
    assert doc["kind"] == "document" and any(r["canonical_id"] == m["id"] for r in doc["records"])
    assert query.show(ledger, "nothing-like-this") is None


def test_rejected_records_are_hidden(ledger):
    m = query.meetings(ledger, party="Uzbekistan")["items"][0]
    ledger.judge("reject", m["id"], author="ana", reason="not a meeting of the partnership")
    assert query.meetings(ledger, party="Uzbekistan")["total"] == 0
    assert query.meetings(ledger, party="Uzbekistan", include_rejected=True)["total"] == 1
    ledger.judge("confirm", m["id"], author="ana", reason="changed my mind")  # retires the reject
    again = query.meetings(ledger, party="Uzbekistan")["items"]
    assert len(again) == 1 and again[0]["confirmed"]


def test_correct_judgement_overrides_a_field(ledger):
    m = query.meetings(ledger, party="Uzbekistan")["items"][0]
    ledger.judge("correct", m["id"], prop="place", value="Samarkand", author="ana", reason="misread")
    assert query.show(ledger, m["id"])["place"] == "Samarkand"


def test_series_and_overview(ledger):
    rep = query.series(ledger, "EU-Kazakhstan Cooperation Council")
    s = rep["series"][0]
    assert [m["number"] for m in s["meetings"]] == list(range(14, 22)) and s["missing_numbers"] == []
    assert 360 <= s["cadence_days"] <= 370
    ov = query.overview(ledger)
    assert ov["documents"] == 10 and ov["records"]["meetings"] == 9
    assert ov["agreements_by_stage"] == {"in force": 1}


def test_rejecting_a_statement_drops_that_value(db_url):
    ledger = open_ledger(db_url)
    for source, place, published in (("a.txt", "Astana", "2024-01-02"), ("b.txt", "Almaty", "2024-01-03")):
        store(ledger, f"The 9th EU-Kazakhstan Cooperation Committee met in {place} on 1 January 2024.",
              source, published, meetings=[Meeting(body="EU-Kazakhstan Cooperation Committee", number=9,
                                           date="2024-01-01", place=place)])
    ledger.rebuild()
    m = query.meetings(ledger)["items"][0]
    assert m["place"] == "Astana" and m["n_documents"] == 2  # a tie goes to the earliest source
    shown = query.show(ledger, m["id"])
    astana = next(st for src in shown["sources"] for st in src["statements"] if st["value"] == "Astana")
    ledger.judge("reject", astana["id"], target_type="statement", author="ana", reason="misread")
    assert query.meetings(ledger)["items"][0]["place"] == "Almaty"


def test_capped_record_shows_the_same_sources_statements_and_members(db_url):
    """`record(max_sources=n)` reads statements only of the sightings it shows (by their as-seen
    ids): its first n sources, their statements, the members, values and judgements are those of the
    full record."""
    ledger = open_ledger(db_url)
    for k, day in enumerate(("03", "04", "05")):
        store(ledger, f"The 5th EU-Uzbekistan Cooperation Committee met in Tashkent (report {k}).",
              f"uz-{k}.txt", f"2022-06-{day}",
              meetings=[Meeting(body="EU-Uzbekistan Cooperation Committee", number=5, date="2022-06-02",
                                place="Tashkent")],
              people=[Person(name="Bakhtiyor Saidov", role="Foreign Minister", affiliation="Uzbekistan")])
    ledger.rebuild()
    mid = query.meetings(ledger, party="Uzbekistan")["items"][0]["id"]
    full, capped = query.record(ledger, mid), query.record(ledger, mid, max_sources=2)
    assert full["n_sources"] == 3 and len(full["sources"]) == 3 and len(capped["sources"]) == 2
    assert capped["sources"] == full["sources"][:2]
    assert all(s["statements"] for s in capped["sources"])
    for key in ("members", "values", "judgements", "n_merges"):
        assert capped[key] == full[key], key
    pid = query.people(ledger, name="Saidov")["items"][0]["id"]
    assert query.record(ledger, pid)["roles"][0]["role"] == "Foreign Minister"
    assert "roles" not in query.record(ledger, pid, max_sources=2, with_roles=False)


def test_record_judgements_are_those_on_it_or_its_members(db_url):
    """A detail's `judgements` are those whose target or other record is the record or one of its
    as-seen ids (read by subquery), and no other record's."""
    ledger = open_ledger(db_url)
    for k, body in enumerate(("EU-Uzbekistan Cooperation Committee", "EU-Kyrgyzstan Cooperation Council")):
        store(ledger, f"The {body} met (report {k}).", f"j-{k}.txt", f"2022-06-0{k + 1}",
              meetings=[Meeting(body=body, number=5, date=f"2022-06-0{k + 1}")])
    ledger.rebuild()
    uz = query.meetings(ledger, party="Uzbekistan")["items"][0]["id"]
    kg = query.meetings(ledger, party="Kyrgyzstan")["items"][0]["id"]
    uz_member = query.record(ledger, uz)["members"][0]
    kg_member = query.record(ledger, kg)["members"][0]
    on_cid = ledger.judge("confirm", uz, author="a", rebuild=False)
    on_member = ledger.judge("confirm", uz_member, author="b", rebuild=False)
    as_other = ledger.judge("merge", kg_member, other_id=uz_member, author="c", rebuild=False)
    on_kg = ledger.judge("confirm", kg, author="d", rebuild=False)
    got = [j["id"] for j in query.record(ledger, uz)["judgements"]]
    assert got == sorted([on_cid, on_member, as_other])
    assert [j["id"] for j in query.record(ledger, kg, max_sources=1)["judgements"]] == [as_other, on_kg]
    # read from either side (`_judgements_of` picks the smaller): the same judgements
    with ledger.connect() as conn:
        for cid, want in ((uz, sorted([on_cid, on_member, as_other])), (kg, [as_other, on_kg])):
            for n_members in (0, 10**9):  # from the members' side, from the judgements' side
                assert [j["id"] for j in query._judgements_of(conn, cid, n_members)] == want
