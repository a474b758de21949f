"""Who gives: a city or region that pledges as itself (its administration), and a state or union that
signs a grant agreement together with an organisation carrying the project out (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


def _by(text: str, published: str = "2026-04-23") -> dict[float, str | None]:
    return {p.amount: p.by for p in extract(text, published=published).pledges}


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "The Deputy Akim of Almaty, Aset Baimukhanov, thanked the EU for its support and said the city "
            "will co-finance the project with 1 billion tenge.",
            1e9,
            "Almaty Akimat",
        ),
        (
            "Speaking in Shymkent, the mayor said the city has allocated 500 million tenge to the new "
            "water network.",
            500e6,
            "Shymkent Akimat",
        ),
        (
            "The khokim of Samarkand welcomed the investors; the city would provide 20 billion soums for "
            "the road to the industrial zone.",
            20e9,
            "Samarkand Khokimiyat",
        ),
        (
            "Officials in Tbilisi said the municipality will contribute 2 million lari to the tram line.",
            2e6,
            "Tbilisi",
        ),
        (
            "Officials in Astana said the Almaty city akimat will allocate 3 billion tenge to bike lanes.",
            3e9,
            "Almaty Akimat",
        ),
    ],
)
def test_a_city_that_pledges_as_itself_gives_through_its_administration(text, amount, giver):
    assert _by(text)[amount] == giver


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "Today the EU and UNDP signed a €4.5 million grant agreement for the clean-air project, the "
            "first Global Gateway action in the city.",
            4.5e6,
            "European Union",
        ),
        (
            "On Monday UNICEF and Japan signed a USD 3 million grant agreement for school meals in the "
            "Ferghana valley.",
            3e6,
            "Japan",
        ),
        (
            "Germany and the FAO have signed a EUR 2 million grant agreement on irrigation in Khatlon.",
            2e6,
            "Germany",
        ),
    ],
)
def test_a_donor_signing_with_an_implementing_organisation_gives(text, amount, giver):
    assert _by(text)[amount] == giver


def test_a_bank_signing_a_loan_with_a_state_still_lends():
    text = "Kazakhstan and the Asian Development Bank signed a USD 200 million loan agreement on roads."
    assert _by(text)[200e6] == "Asian Development Bank"


def test_the_thanked_party_still_gives_the_money_it_is_thanked_for():
    text = "The minister thanked the EU for its EUR 10 million grant to the water sector."
    assert _by(text)[10e6] == "European Union"
