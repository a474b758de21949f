"""Agreement stage histories across documents, regression flags, meeting series, people's roles."""

from __future__ import annotations

import sys
from pathlib import Path

from communique.ledger import open_ledger, query
from communique.ledger.lifecycle import series_report
from communique.models import Agreement, DocumentInfo, Extraction, Head, Meeting, Person
from communique.read import make_document

FIX = Path(__file__).parent / "fixtures" / "ledger"
sys.path.insert(0, str(FIX))
from simple_extractor import extract  # noqa: E402


def store(ledger, words, source, published, **records):
    doc = make_document(words, source=source, published=published)
    ex = Extraction(document=DocumentInfo(id=doc.id, source=source, published=published), **records)
    ledger.store_extraction(doc, ex)


def epca(status, date=None):
    return Agreement(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                     parties=["European Union", "Kazakhstan"], status=status, date=date, span=(0, 20))


def test_stage_history_from_documents_written_at_different_stages(db_url):
    ledger = open_ledger(db_url)
    files = [FIX / n for n in ("epca-1-initialled.txt", "epca-2-signed.txt", "epca-3-in-force.txt")]
    s = ledger.ingest_paths(files, extractor=extract)
    assert s.new == 3
    ags = query.agreements(ledger)["items"]
    assert len(ags) == 1
    ag = ags[0]
    assert ag["status"] == "in force" and ag["n_documents"] == 3
    hist = query.stage_history(ledger, ag["id"])
    assert [h["stage"] for h in hist] == ["initialled", "signed", "in force"]
    assert [h["date"] for h in hist] == ["2015-01-20", "2015-12-21", None]
    assert hist[2]["published"] == "2020-03-02"
    assert all(h["sentence"] and "Agreement" in h["sentence"] for h in hist)
    assert not any(h["regression"] for h in hist)
    assert query.agreements(ledger, stage="in force")["total"] == 1
    assert query.agreements(ledger, stage="signed")["total"] == 0


def test_later_document_at_earlier_stage_is_flagged_not_applied(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "The EPCA was signed.", "signed.txt", "2015-12-22",
          agreements=[epca("signed", "2015-12-21")])
    store(ledger, "The EPCA is in force.", "force.txt", "2020-03-02", agreements=[epca("in force")])
    store(ledger, "Talks on the EPCA continue.", "late.txt", "2021-06-01", agreements=[epca("negotiating")])
    # a later text recalling an earlier stage with its own date is history, not a regression
    store(ledger, "The EPCA, initialled in January 2015, ...", "recall.txt", "2022-01-01",
          agreements=[epca("initialled", "2015-01-20")])
    ledger.rebuild()
    ag = query.agreements(ledger)["items"][0]
    assert ag["status"] == "in force"
    hist = query.stage_history(ledger, ag["id"])
    assert [(h["stage"], h["regression"]) for h in hist] == [
        ("initialled", False), ("signed", False), ("in force", False), ("negotiating", True)]
    flags = query.flags(ledger, kind="stage regression")["items"]
    assert len(flags) == 1
    assert "late.txt" in flags[0]["message"] and "negotiating" in flags[0]["message"]
    assert flags[0]["record_ids"] == [ag["id"]]
    # a reviewer dismisses the flag: it leaves the default list, and survives a rebuild
    ledger.judge("dismiss", flags[0]["id"], target_type="flag", author="ana", reason="old news item")
    assert query.flags(ledger, kind="stage regression")["total"] == 0
    assert query.flags(ledger, kind="stage regression", include_dismissed=True)["total"] == 1


def test_series_with_missing_ordinal_and_cadence(db_url):
    ledger = open_ledger(db_url)
    files = [FIX / n for n in ("epca-3-in-force.txt", "council-18.txt", "council-20.txt")]
    ledger.ingest_paths(files, extractor=extract)
    rep = query.series(ledger, "Cooperation Council")
    assert len(rep["series"]) == 1
    s = rep["series"][0]
    assert [m["number"] for m in s["meetings"]] == [17, 18, 20]
    assert s["missing_numbers"] == [19]
    assert s["parties"] == ["EU", "KAZ"]
    assert 600 < s["cadence_days"] < 720  # median of 612 and 700 days


def test_series_report_unit():
    rep = series_report([{"number": 3, "date": "2020-01-01"}, {"number": 1, "date": "2018-01-01"},
                         {"number": None, "date": "2021-01-01"}, {"number": 5, "date": None}])
    assert [m["number"] for m in rep["meetings"]] == [1, 3, 5, None]
    assert rep["missing_numbers"] == [2, 4]
    assert rep["cadence_days"] == (730 + 366) / 2  # median of the two intervals
    assert series_report([])["missing_numbers"] == []


def test_people_roles_over_time(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "Ambassador Roman Vassilenko spoke.", "1.txt", "2016-05-01",
          people=[Person(name="Roman Vassilenko", role="Ambassador", affiliation="Kazakhstan")])
    store(ledger, "Deputy Foreign Minister Roman Vasilenko spoke.", "2.txt", "2019-04-01",
          people=[Person(name="Roman Vasilenko", role="Deputy Foreign Minister")])
    store(ledger, "Deputy Foreign Minister Roman Vassilenko co-chaired.", "3.txt", "2025-06-18",
          people=[Person(name="Roman Vassilenko", role="Deputy Foreign Minister")],
          meetings=[Meeting(body="EU-Kazakhstan Cooperation Committee", number=22, date="2025-06-17",
                            heads=[Head(name="Roman Vassilenko", role="Deputy Foreign Minister",
                                        side="Kazakhstan")])])
    ledger.rebuild()
    ppl = query.people(ledger, name="Vasilenko")["items"]
    assert len(ppl) == 1
    roles = ppl[0]["roles"]
    assert [(r["role"], r["from"], r["to"]) for r in roles] == [
        ("Ambassador", "2016-05-01", "2016-05-01"),
        ("Deputy Foreign Minister", "2019-04-01", "2025-06-18")]
    assert roles[1]["meetings"]


def test_series_takes_in_a_body_named_without_parties(db_url):
    ledger = open_ledger(db_url)
    store(ledger, "The 5th EU-Kazakhstan Cooperation Council met.", "5.txt", "2010-05-02",
          meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=5, date="2010-05-01")])
    store(ledger, "The Cooperation Council met for the 6th time.", "6.txt", "2011-05-02",
          meetings=[Meeting(body="Cooperation Council", number=6, date="2011-05-01")])
    store(ledger, "The 4th EU-Uzbekistan Cooperation Committee met.", "u.txt", "2011-06-02",
          meetings=[Meeting(body="EU-Uzbekistan Cooperation Committee", number=4, date="2011-06-01")])
    ledger.rebuild()
    series = query.series(ledger, "Cooperation Council")["series"]
    assert len(series) == 1 and [m["number"] for m in series[0]["meetings"]] == [5, 6]
