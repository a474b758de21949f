"""Speed rewrites inside the interpreters give the answers of the plain forms they replace."""

from __future__ import annotations

import random
import re
from bisect import bisect_right

from communique.interpret import agreements, events
from communique.interpret.amounts import _first_clause, _overlap_test
from communique.interpret.document import build_context
from communique.read import make_document

TEXT = (
    "EU and Kazakhstan hold Cooperation Council\n\n"
    "BRUSSELS, 3 April 2025 – The 21st EU-Kazakhstan Cooperation Council met in Brussels on 3 April. "
    "The sides discussed trade, energy and transport. Trade grew by 5% to EUR 12 billion in 2024.\n\n"
    "The next meeting, held in Astana, will follow; the EU pledged EUR 3 million for water projects. "
    '"We are ready," said Kaja Kallas. Exports: 2 million tonnes.\n'
)


def test_overlap_test_is_the_pairwise_scan():
    rng = random.Random(3)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        overlaps = _overlap_test(spans)
        for start in range(-2, 48):
            for end in range(start, start + 6):
                assert overlaps(start, end) == any(a <= start < b or start <= a < end for a, b in spans)


def test_clause_breaks_counted_by_bisection():
    pieces = [
        " which ",
        " while ",
        " but ",
        " whereas ",
        ",",
        ";",
        "(",
        ")",
        "–",
        " ",
        "x",
        "butter",
        "\n",
        " but",
    ]
    rng = random.Random(5)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        ends = [m.end() for m in agreements._CLAUSE.finditer(text, a, b)]
        for p in range(a, b + 1):
            assert bisect_right(ends, p) == len(agreements._CLAUSE.findall(text[a:p])), (text, a, p)


def test_first_clause_is_the_split():
    for s in ["", "abc", "a;b:c", ":x", "no break here", "x;"]:
        assert _first_clause(s) == re.split(r"[;:]", s)[0]


def test_context_lookups_equal_plain_scans():
    ctx = build_context(make_document(TEXT), "2025-04-03")[0]
    assert ctx.dates and ctx.places
    n = len(TEXT)
    for a in range(0, n + 1, 7):
        for b in range(a, n + 1, 11):
            assert ctx.dates_in(a, b) == ctx.in_span(ctx.dates, a, b)
            assert ctx.places_in(a, b) == ctx.in_span(ctx.places, a, b)
    mentions = sorted((m.span[0], m.span[1], p) for p in ctx.people for m in p.mentions)
    assert ctx.person_mentions() == mentions and ctx.person_mentions() is ctx.person_mentions()

    # headline flags, read once per sentence: as the plain reading of each position gives them
    def plain_heading(pos: int) -> bool:
        if pos < ctx._title_end:
            return True
        s = ctx.sentence_at(pos)
        return bool(getattr(s, "heading", False)) or (
            ctx.sentence_index(pos) == 0
            and "\n" in ctx.text[s.end : s.end + 2]
            and not s.text.rstrip().endswith((".", "!", "?"))
        )

    flags = [ctx.is_heading(p) for p in range(n)]
    assert flags == [plain_heading(p) for p in range(n)]
    assert flags[0] and not flags[TEXT.index("The sides")]


def _plain_np_start(text: str, pos: int) -> int:
    k = pos
    while True:
        window = text[max(0, k - 40) : k]
        if "\n" in window[len(window.rstrip()) :] and window.strip():
            break  # (no modifier on the line above)
        m = re.search(events._MODIFIER.pattern, text[max(0, k - 40) : k])
        if not m:
            # "the Organization of Turkic States summit": "of" inside a capitalised name
            om = None
            if k < pos and text[k : k + 1].isupper():
                om = events._OF_IN_NAME.search(text[max(0, k - 40) : k])
            if om is None:
                break
            k -= len(om.group(1))
            continue
        if m.group(1) in ("The", "A", "An", "This", "In", "On", "At", "During", "Since", "After", "With"):
            break
        k -= len(m.group(0))
    return k


def _plain_np_end(text: str, pos: int) -> int:
    m = re.match(events._POST_MODIFIER.pattern, text[pos:])
    if not m or re.match(r"\d", text[pos + m.end() : pos + m.end() + 1]):
        return pos
    rest = text[pos : pos + 160]
    stop = events._STOP_NP.search(rest, m.end() - 1)
    end = pos + (stop.start() if stop else len(rest))
    tail = re.search(r"\s+in\s+[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s*$", text[pos:end])
    if tail and re.search(r"\s(?:of|to)\s", text[pos : pos + tail.start()]) is not None:
        end = pos + tail.start()
    return end if end > pos + m.end() else pos


def test_noun_phrase_edges_equal_the_plain_reads():
    pieces = [
        "President ",
        "Tokayev's ",
        "first ",
        "official ",
        "state ",
        "visit",
        " of ",
        " to ",
        " on ",
        "Brussels",
        " in ",
        "Astana",
        "The ",
        "the ",
        "EU-commissioned ",
        "high-level ",
        "x",
        " ",
        "  ",
        "\n",
        "\t",
        ",",
        ".",
        "2024",
        " with ",
        "Kazakhstan",
        "’s ",
        "Forum ",
    ]
    rng = random.Random(9)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        for pos in range(len(text) + 1):
            assert events._np_start(text, pos) == _plain_np_start(text, pos), (text, pos)
            assert events._np_end(text, pos) == _plain_np_end(text, pos), (text, pos)
