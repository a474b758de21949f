"""No input, however malformed, may crash communique: only an `Extraction` or an `InputError`.

Hypothesis feeds random bytes through `read` (as files of every kind), random text through
`communique.extract`, and mangled versions of our example documents (truncated, bytes flipped,
NULs inserted, lines shuffled) through both. Sized to run in well under 20 s.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique
from communique.errors import InputError
from communique.models import Extraction
from communique.read import Document, read_path

EXAMPLES = Path(__file__).parents[1] / "src" / "communique" / "examples"
READ = Path(__file__).parent / "fixtures" / "read"
SOURCES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"}) + sorted(
    p for p in READ.iterdir() if p.suffix in {".txt", ".html", ".pdf"})
SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf", ".jsonl", ".bin", ""]

#: Words and marks from the texts we read, so random text also reaches the grammars' deeper paths.
VOCABULARY = ["€", "$", "US$", "EU$", "₸", "EUR", "USD", "KZT", "tenge", "euros", "12", "1,5", "48.7",
              "48 700 000", "3–4", "billion", "bn", "mln", "million", "trillion", "22nd", "XXII",
              "twenty-second", "June", "17", "April", "last", "next", "year", "Monday", "2025",
              "Mr.", "H.E.", "U.S.", "No.", "Cooperation", "Council", "Committee", "EPCA", "signed",
              "initialled", "ratified", "in force", "ready to", "pledged", "Kazakhstan", "EU", "Astana",
              "Samarkand", "Global Gateway", "%", "per cent", "“", "”", "\"", "(", ")", ",", ".", "–",
              "\n", "\n\n", " ", "\u00a0", "\u2009", "said", "President", "Minister", "of", "the"]


def _settings(n: int) -> settings:
    return settings(deadline=None, max_examples=n, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check(result, text: str | None = None) -> None:
    """Only our own outcomes: an Extraction whose spans lie inside the text, or an InputError."""
    if isinstance(result, InputError):
        return
    assert isinstance(result, Extraction), type(result)
    if text is None:
        return
    n = len(text)
    for _kind, _i, rec in result.records():
        spans = [rec.span] if getattr(rec, "span", None) else list(getattr(rec, "spans", []) or [])
        for a, b in spans:
            assert 0 <= a <= b <= n, (rec, n)


def _read_and_extract(path: Path) -> None:
    try:
        doc = read_path(path)
    except InputError:
        return
    assert isinstance(doc, Document)
    try:
        ex = communique.extract(doc)
    except InputError:
        return
    _check(ex, doc.text)


_raw = st.one_of(
    st.binary(max_size=3000),
    st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF\n"),
    st.binary(max_size=2000).map(lambda b: b"<html><body><p>" + b + b"</p></body></html>"),
    st.binary(max_size=2000).map(lambda b: b"\xff\xfe" + b),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@_settings(200)
@given(raw=_raw, suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_as_files(workdir, raw, suffix):
    path = workdir / f"random{suffix}"
    path.write_bytes(raw)
    _read_and_extract(path)


_text = st.one_of(
    st.text(max_size=2000),
    st.lists(st.sampled_from(VOCABULARY), max_size=300).map(" ".join),
    st.lists(st.sampled_from(VOCABULARY), max_size=300).map("".join),
)


@_settings(200)
@given(text=_text)
def test_random_text_through_extract(text):
    try:
        ex = communique.extract(text)
    except InputError:
        return
    _check(ex)  # a short text may name a file, so spans are not checked against `text` here


def _mangle(raw: bytes, how: str, rnd: random.Random) -> bytes:
    if not raw:
        return raw
    if how == "truncate":
        return raw[: rnd.randrange(len(raw))]
    if how == "flip":
        data = bytearray(raw)
        for _ in range(rnd.randint(1, 20)):
            data[rnd.randrange(len(data))] ^= rnd.randint(1, 255)
        return bytes(data)
    if how == "nuls":
        data = bytearray(raw)
        for _ in range(rnd.randint(1, 10)):
            data[rnd.randrange(len(data) + 1):0] = b"\x00" * rnd.randint(1, 4)
        return bytes(data)
    lines = raw.split(b"\n")
    rnd.shuffle(lines)
    return b"\n".join(lines)


@_settings(200)
@given(source=st.sampled_from(SOURCES), how=st.sampled_from(["truncate", "flip", "nuls", "shuffle"]),
       seed=st.integers(0, 2**32 - 1))
def test_mangled_examples(workdir, source, how, seed):
    raw = _mangle(source.read_bytes(), how, random.Random(seed))
    path = workdir / f"mangled{source.suffix}"
    path.write_bytes(raw)
    _read_and_extract(path)


def test_the_unmangled_sources_all_extract():
    """The baseline of the fuzzing: every source document reads and extracts cleanly."""
    for source in SOURCES:
        doc = read_path(source)
        _check(communique.extract(doc), doc.text)
