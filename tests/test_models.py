"""The record types serialise to exactly the extraction contract."""

import pytest
from pydantic import ValidationError

from communique.models import RECORD_TYPES, DocumentInfo, Extraction, Pledge

CONTRACT = {
    "document": {"id", "source", "title", "published", "published_inferred", "language"},
    "meetings": {"body", "acronym", "number", "date", "date_end", "place", "format", "parties", "heads",
                 "topics", "span"},
    "people": {"name", "role", "affiliation", "spans"},
    "organizations": {"name", "acronym", "kind", "spans"},
    "figures": {"metric", "value", "value_max", "unit", "period", "qualifier", "subject", "span"},
    "pledges": {"by", "amount", "currency", "amount_eur", "amount_usd", "amount_usd_stated", "purpose",
                "program", "hedged", "date", "span"},
    "agreements": {"name", "acronym", "parties", "status", "date", "span"},
    "events": {"name", "date", "date_end", "place", "span"},
    "quotes": {"speaker", "text", "span"},
    "flags": {"kind", "message", "span"},
}


def test_field_lists_match_the_contract():
    assert set(RECORD_TYPES) | {"document"} == set(CONTRACT)
    for kind, model in RECORD_TYPES.items():
        assert set(model.model_fields) == CONTRACT[kind], kind


def test_to_contract_has_exactly_the_contract_keys():
    ex = Extraction(document=DocumentInfo(id="x", text="hello"),
                    pledges=[Pledge(amount=1e9, currency="EUR", span=(0, 5))])
    data = ex.to_contract()
    assert set(data) == set(CONTRACT)
    assert set(data["document"]) == CONTRACT["document"]
    assert data["pledges"][0]["span"] == [0, 5]
    assert ex.to_contract(with_text=True)["document"]["text"] == "hello"


def test_unknown_field_is_refused():
    with pytest.raises(ValidationError):
        Pledge(amount=1, currency="EUR", bogus=1)
