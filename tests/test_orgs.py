"""Organisations (annotate.orgs) and places (annotate.places)."""

from __future__ import annotations

from communique.annotate.orgs import find_orgs
from communique.annotate.places import country_name, find_places


def orgs(text: str) -> dict[str, str | None]:
    return {o.name: o.acronym for o in find_orgs(text)}


def test_acronym_defined_in_brackets_and_reused():
    text = (
        "Officials of the European External Action Service (EEAS) attended. "
        "The EEAS said the Agency for Regional Cooperation (ARC) would follow up."
    )
    found = find_orgs(text)
    eeas = [o for o in found if o.name == "European External Action Service"]
    assert len(eeas) == 2 and all(o.acronym == "EEAS" for o in eeas)
    assert any(o.name == "Agency for Regional Cooperation" and o.acronym == "ARC" for o in found)


def test_gazetteer_institutions_and_aliases():
    found = orgs("The European Investment Bank and the World Trade Organization met the Commission.")
    assert "European Investment Bank" in found
    assert "World Trade Organization" in found
    assert "European Commission" in found


def test_ministries_parliaments_delegations_from_patterns():
    text = (
        "The Kazakh Foreign Ministry's press service reported that Kazakhstan's Parliament had voted. "
        "Staff of the EU Delegation in Astana and the Ministry of Commerce of the PRC were present."
    )
    found = orgs(text)
    assert "Ministry of Foreign Affairs of Kazakhstan" in found
    assert "Parliament of Kazakhstan" in found
    assert "EU Delegation in Astana" in found
    assert any(n.startswith("Ministry of Commerce") for n in found)


def test_headed_phrases_are_institutions_but_roles_are_not():
    found = orgs(
        "China Development Bank and UK Export Finance joined; President of the European Council spoke."
    )
    assert "China Development Bank" in found
    assert "UK Export Finance" in found
    assert not any(n.startswith("President") for n in found)


def test_places_countries_cities_demonyms_regions():
    text = "Kazakh and German officials met in Berlin, then flew to Astana in Central Asia via the US."
    kinds = {(p.text, p.kind, p.country) for p in find_places(text)}
    assert ("Kazakh", "demonym", "Kazakhstan") in kinds
    assert ("German", "demonym", "Germany") in kinds
    assert ("Berlin", "city", "Germany") in kinds
    assert ("Astana", "city", "Kazakhstan") in kinds
    assert ("Central Asia", "region", None) in kinds
    assert ("US", "country", "United States") in kinds


def test_places_respect_word_boundaries():
    assert find_places("EURO and USD$ and Kazakhstani") == [] or all(
        p.text == "Kazakhstani" for p in find_places("EURO and USD$ and Kazakhstani")
    )
    assert not any(p.text == "US" for p in find_places("a loan of US$ 300 million"))


def test_country_names_normalise_aliases():
    assert country_name("PRC") == "China"
    assert country_name("Republic of Kazakhstan") == "Kazakhstan"
    assert country_name("EU") == "European Union"
    assert country_name("Kyrgyz") == "Kyrgyzstan"
    assert country_name("Atlantis") is None


# Texts for the windowed scans: every pattern's shapes, next to punctuation, line breaks, text ends.
_SCAN_TEXTS = [
    "Officials of the European External Action Service (EEAS) met the Agency for Regional Cooperation "
    "(ARC), the Kazakh Foreign Ministry and Germany's Parliament.",
    "The Ministry of Foreign Affairs of the Republic of Kazakhstan; the Government of Uzbekistan.\n"
    "EU Delegation to Kazakhstan – the European Union Delegation in Astana, and the Senate",
    "Kazakhstan's Government (KG) and the National Bank of Kazakhstan.The Ministry of Energy and Trade",
    "(EU) Ministry",
    "Foreign Ministry",
    "Kazakhstan’s Senate, Japan's Trade Ministry, the Council of the European Union (Council) and "
    "the Development Bank of Kazakhstan (DBK)",
    "no institutions here at all, only (brackets) and Commissions",
]


def test_windowed_scans_match_the_whole_text_scans():
    """Each organisation pattern, run only around its needle words, finds what a scan of the
    whole text finds (same spans and groups, same order)."""
    from communique.annotate.orgs import _head_hits, _tables

    tables = _tables()
    assert tables["shared"]  # the head words cannot overlap: one scan finds them all
    for key in ("defined", "head_re", "poss_inst", "poss_parl", "of_country", "delegation"):
        scan = tables[key]
        for text in _SCAN_TEXTS:
            whole = [(m.span(), m.groups()) for m in scan.pattern.finditer(text)]
            windowed = [(m.span(), m.groups()) for m in scan.finditer(text, [])]
            assert windowed == whole, (key, text)
            if scan.words:  # … and from the shared head-word scan
                shared = [(m.span(), m.groups()) for m in scan.finditer(text, [], _head_hits(text))]
                assert shared == whole, (key, text)
    assert any(tables["head_re"].pattern.finditer(t) for t in _SCAN_TEXTS)  # the texts do hold matches


def test_acronym_reuse_needs_word_bounds():
    found = find_orgs("The Development Bank of Kazakhstan (DBK) and DBK2, DBK.")
    assert [(o.text, o.span) for o in found if o.text == "DBK"] == [("DBK", (51, 54))]  # not inside "DBK2"


def test_overlap_check_of_needle_words():
    from communique.annotate.orgs import _overlap_free

    assert _overlap_free(["Ministry", "Bank", "Council"])
    assert not _overlap_free(["Bank", "Banking"])  # one inside the other
    assert not _overlap_free(["Fund", "dam"])  # "Fundam": the end of one opens the other


def test_fast_place_constructor_makes_the_same_place():
    from dataclasses import fields

    from communique.annotate.places import Place, _new_place

    args = ((3, 9), "Astana", "Astana", "city", "Kazakhstan")
    fast, slow = _new_place(*args), Place(*args)
    assert fast == slow and repr(fast) == repr(slow) and hash(fast) == hash(slow)
    assert vars(fast) == vars(slow)
    assert list(vars(fast)) == [f.name for f in fields(Place)]  # a new field must be added there too
