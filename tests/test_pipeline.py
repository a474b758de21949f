"""End to end: our example documents under tests/fixtures/extract/ → the contract, checked field by
field against `<name>.expected.json` (every record listed there must be found with those values,
and no record of a scored kind may be extra)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique import extract

FIX = Path(__file__).parent / "fixtures" / "extract"
CASES = sorted(
    p for p in FIX.iterdir() if p.with_name(p.stem + ".expected.json").exists() and p.suffix != ".json"
)
KEYS = {
    "meetings": ("body",),
    "people": ("name",),
    "figures": ("value", "unit"),
    "pledges": ("amount", "currency"),
    "agreements": ("name",),
    "events": ("name",),
    "quotes": ("speaker",),
}


def _find(records: list[dict], want: dict, keys: tuple[str, ...]) -> dict | None:
    for r in records:
        if all(k not in want or r.get(k) == want[k] for k in keys):
            return r
    return None


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_example_document(path: Path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    got = extract(path, published=expected.get("published")).to_contract()
    for field, value in (expected.get("document") or {}).items():
        assert got["document"][field] == value, field
    assert got["document"]["source"] == str(path)
    for kind, keys in KEYS.items():
        want_list = expected.get(kind, [])
        assert len(got[kind]) == len(want_list), (kind, [r.get(keys[0]) for r in got[kind]])
        for want in want_list:
            rec = _find(got[kind], want, keys)
            assert rec is not None, (kind, want, got[kind])
            for field, value in want.items():
                if field == "mentions":
                    assert len(rec["spans"]) == value, (kind, rec["name"])
                elif field == "heads":
                    heads = {h["name"]: h for h in rec["heads"]}
                    for h in value:
                        assert h["name"] in heads
                        assert heads[h["name"]]["side"] == h["side"]
                else:
                    assert rec[field] == value, (kind, field, rec)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_every_span_points_into_the_text(path: Path):
    ex = extract(path, published="2024-12-31")
    text = Path(path).read_text(encoding="utf-8")
    for kind, _i, rec in ex.records():
        spans = getattr(rec, "spans", None) or ([rec.span] if getattr(rec, "span", None) else [])
        for a, b in spans:
            assert 0 <= a < b <= len(text), (kind, rec)
    for q in ex.quotes:
        assert text[q.span[0] : q.span[1]] == q.text
    for p in ex.people:
        for a, b in p.spans:
            assert text[a:b] in p.name or p.name.lower().endswith(text[a:b].lower())


def test_json_is_the_contract_shape():
    ex = extract(CASES[0], published="2024-03-13")
    data = ex.to_contract()
    assert list(data) == [
        "document",
        "meetings",
        "people",
        "organizations",
        "figures",
        "pledges",
        "agreements",
        "events",
        "quotes",
        "flags",
    ]
    assert "text" not in data["document"]


@pytest.mark.parametrize(
    "text",
    [
        "De La",  # a capitalised particle run
        "negotiations on " + "abcdefghij" * 300 + "!",  # a long run the post-modifier must not backtrack over
        "Ministry of Trade of " + "ABCDEFGHIJ" * 300,
        "Kazakhstan" + "–EU" * 400 + " Cooperation Council",
        "“" * 500 + "x",
    ],
)
def test_pathological_inputs_finish_quickly(text: str):
    import time

    t = time.perf_counter()
    extract(text, published="2024-01-01")
    assert time.perf_counter() - t < 2.0
