"""interpret.scan: the candidate-position scans give exactly the plain regex's matches."""

from __future__ import annotations

import random
import re

import pytest

from communique.annotate import dates, ordinals, orgs
from communique.interpret import agreements, amounts, context, events, meetings
from communique.interpret.scan import (
    AnyOf,
    LiteralScan,
    Openings,
    char_positions,
    first_char_groups,
    lowered,
    matches_at,
    openings,
    regex_starts,
)

PIECES = [
    "the ",
    "The ",
    "THE ",
    "its ",
    "their ",
    "this ",
    " text",
    "Cooperation Council",
    "cooperation council",
    "Joint Committee",
    "High-Level",
    "High Level ",
    "HighLevel",
    "summit",
    "Summits",
    "EXPO-2017",
    "COP29",
    "COP 29",
    "investors’ forum",
    "state visit",
    "about half of",
    "a third of",
    "Two-thirds of",
    "against 190 a year earlier",
    "up from",
    "negotiations on market access for goods,",
    "bilateral negotiations on",
    "hybrid",
    "adopted last",
    "was launched in",
    ", set up in 2020",
    "signed",
    "entry into force",
    "discussed energy and transport",
    "İstanbul",
    "ı",
    "ſummit",
    "\u212aazakhstan",
    "x",
    " ",
    ",",
    ".",
    "\n",
    "-",
    "’s",
    "(",
    ")",
    "2024",
    "7",
]


def _texts(n: int, seed: int, words=()):
    """Random texts from the pieces above and `words` (a scan's own openings, in three cases)."""
    rng = random.Random(seed)
    pieces = PIECES + [f(w) for w in words for f in (str, str.upper, str.title)]
    for _ in range(n):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))


def _all(it) -> list:
    return [(m.span(), m.groups()) for m in it]


def _scans() -> dict[str, re.Pattern]:
    lx = amounts._lex()
    conf = events._conf()
    cues = agreements._cues()
    virtual, hybrid = meetings._format_cues()
    _conf, topic_cues, topic_terms = meetings._topic_rx()
    return {
        "bodies": context._body_regex(),
        "triggers": conf["trigger_rx"],
        "fractions": lx["frac_rx"],
        "year earlier": amounts._YEAR_EARLIER,
        "negotiations on": agreements._NEGOTIATIONS_ON,
        "stage cues": cues["rx"],
        "virtual": virtual,
        "hybrid": hybrid,
        "topic cues": topic_cues,
        "topic terms": topic_terms,
        "pledge words": lx["pledge"],
        "metrics": lx["metric_rx"],
        "hedges": lx["hedged"],
        "non-parties": lx["non_party"],
        "programmes": lx["programs"],
        "figure cues": amounts._FIGURE_CUE,
        "head cues": meetings._HEAD_CUES,
        "same occasion": events._conf()["same"],
        "rounds": events._ROUND,
        "held talks": events._HELD_TALKS,
        "received delegation": events._RECEIVED_DELEGATION,
        "met delegation": events._MET_DELEGATION,
        "organisation heads": orgs._tables()["head_needle"].rx,
        "month and weekday names": dates._NAMES_RE,
    }


@pytest.mark.parametrize("name", list(_scans()))
def test_scan_equals_plain_regex(name):
    rx = _scans()[name]
    scan = LiteralScan(rx)
    assert Openings("no cue here").of(scan) is not None, "the scan fell back to the plain regex"
    words = sorted(regex_starts(rx.pattern, rx.flags) or ())
    for text in _texts(400, len(name), words):
        plain = _all(rx.finditer(text))
        assert _all(scan.finditer(text)) == plain, text
        assert _all(scan.finditer(text, Openings(text))) == plain, text
        first = rx.search(text)
        got = scan.search(text)
        assert (got.span() if got else None) == (first.span() if first else None)


def test_parts_read_as_their_own_strings():
    rx = re.compile(r"(?<![\w])(?:summit|forum)(?![\w])", re.I)
    scan = LiteralScan(rx)
    text = "xsummit held. The Summit, then a forum"
    at = Openings(text)
    for a in range(len(text)):
        for b in range(a, len(text) + 1):
            part = text[a:b]
            assert _all(scan.finditer_part(part, at, a)) == _all(rx.finditer(part)), (a, b)
            assert _all(scan.finditer_part(part, None, a)) == _all(rx.finditer(part)), (a, b)
            got, first = scan.search_part(part, at, a), rx.search(part)
            assert (got and got.span()) == (first and first.span())


def test_one_pass_serves_scans_made_before_and_after_it():
    text = "The summit and the forum; a Council met."
    early = LiteralScan(re.compile(r"\b(?:summit|forum)\b", re.I))
    at = Openings(text)
    assert at.of(early) == [4, 19]
    late = LiteralScan(re.compile(r"\bCouncil\b"))  # made after the automaton was read
    assert at.of(late) == [28]
    assert _all(late.finditer(text, at)) == [((28, 35), ())]
    assert at.of(early) == [4, 19]


def test_regex_starts_reads_openings():
    assert regex_starts(r"(?<![\w])(?=[sf])(?:summit|forum)s?\b", re.I) >= {"summit", "forum"}
    assert regex_starts(r"COP ?\d{1,2}") == {"COP", "COP "}
    assert regex_starts(r"abc?d") == {"abd", "abcd"}
    assert regex_starts(r"(?:(about|over)\s+)?(half|a third)\s+of") == {"about", "over", "half", "a third"}
    assert regex_starts(r"investors’ forum") == {"investors"}  # the ASCII head of a literal
    # a match may open with anything: no candidates, the plain regex runs
    assert regex_starts(r"[A-Z]\w+ Council") is None
    assert regex_starts(r"\s+(?:was|were)") is None
    assert regex_starts(r"’s") is None
    assert regex_starts(r"(?i:summit)") is None  # a case-blind opening in a case-sensitive pattern


def test_case_folding_traps_fall_back_to_the_plain_regex():
    rx = re.compile(r"(?<![\w])(?:summit|kazakhstan|istanbul)(?![\w])", re.I)
    scan = LiteralScan(rx)
    for text in ["ſummit in İstanbul", "the ıstanbul summit", "\u212aazakhstan summit", "SUMMIT"]:
        assert _all(scan.finditer(text)) == _all(rx.finditer(text)), text
        assert _all(rx.finditer(text)), text  # each one does match under IGNORECASE
    assert lowered("İstanbul") is None and lowered("ıx") is None and lowered("plain text") == "plain text"


def test_lowered_lines_up_and_lowers_ascii_letters_only():
    for text in ["Plain ASCII TEXT", "Ünïcödé ÉA – “QUOTE” ZZ", "a\U0001f600B emoji", "lone \ud800 Surrogate",
                 "Ǆ ǅ Ω ẞ", "x\ud800\udc00Y"]:
        low = lowered(text)
        assert low is not None and len(low) == len(text), text
        for a, b in zip(text, low, strict=True):
            # an ASCII character is lower-cased; any other stays outside ASCII
            assert b == a.lower() if a.isascii() else not b.isascii(), (text, a, b)
    assert lowered("\u212aelvin") is None  # the Kelvin sign lower-cases to an ASCII "k": plain regex


def test_scan_without_literal_openings_is_the_plain_regex():
    rx = re.compile(r"\d+ talks")
    scan = LiteralScan(rx)
    assert Openings("12 talks").of(scan) is None
    assert _all(scan.finditer("12 talks and 3 talks")) == _all(rx.finditer("12 talks and 3 talks"))


def test_any_of():
    words = AnyOf(["set up", "adopted"])
    assert words.found("It was Adopted in May")
    assert words.found("they SET UP a fund")
    assert not words.found("nothing of the kind")
    assert words.found("ſet up")  # a text that does not line up is never ruled out
    assert words.found("nothing", Openings("nothing", ""))  # "": told the text does not line up


WALK_PIECES = [
    "the ",
    "The ",
    "THE ",
    "its ",
    "their ",
    "xthe ",
    "(the ",
    "next ",
    "fourth ",
    "ministerial ",
    "high-level ",
    "round",
    "meeting",
    "Session",
    "sitting",
    " of the dialogue",
    " of the Joint Committee",
    "was ",
    "were ",
    "has been ",
    "had  been ",
    "HAVE\tbeen ",
    "adopted",
    "launched",
    "set up",
    "Established",
    "in 2020",
    "on 3 May",
    "last year",
    " adopted in 2020",
    ", launched last",
    " was set up on",
    "has been established this",
    "were  opened early",
    "Adopted\t1999",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    ",",
    ", ",
    ".",
    "-",
    "x",
    "EU",
    "strategy",
]


def test_walked_openings_give_the_plain_matches():
    rng = random.Random(11)
    conf = events._conf()
    part_rx = conf["part_rx"]
    for _ in range(3000):
        text = "".join(rng.choice(WALK_PIECES) for _ in range(rng.randint(0, 25)))
        at = Openings(text)
        qs = conf["participles_in"].positions(at)
        nouns = events._sitting_nouns().positions(at)
        if qs is None or nouns is None:
            continue  # (a text that does not line up is scanned plainly)
        got = matches_at(part_rx, text, events._participle_openings(text, at.low, qs))
        assert _all(got) == _all(part_rx.finditer(text)), text
        got = matches_at(events._GENERIC_SITTING, text, events._sitting_openings(text, nouns))
        assert _all(got) == _all(events._GENERIC_SITTING.finditer(text)), text
        assert _all(events._GENERIC_SITTING_SCAN.finditer(text)) == _all(
            events._GENERIC_SITTING.finditer(text)
        )


def test_unnumbered_sitting_scan_equals_plain_regex():
    """The all-look-around "regular/extraordinary/inaugural meeting of" pattern, tried only where
    one of its words opens (starts given by hand): the plain regex's (empty) matches."""
    rx, scan = context._UNNUMBERED, context._UNNUMBERED_SCAN
    words = ["regular", " extraordinary", " inaugural meeting of", " meeting of", " session  of",
             " sitting\nof", " of"]
    for text in _texts(1500, 7, words):
        plain = _all(rx.finditer(text))
        assert _all(scan.finditer(text)) == plain, text
        assert _all(scan.finditer(text, Openings(text))) == plain, text
    text = ("At the Regular  meeting of the Council and the inaugural session of\tthe Forum "
            "(İNAUGURAL sitting of)")
    assert _all(scan.finditer(text, Openings(text))) == _all(rx.finditer(text)) != []


def test_openings_are_shared_while_the_text_is_in_flight():
    """The interpreters and the document checks read one text in turn: they get one `Openings`
    (one automaton pass); older texts drop out, so the cache stays a few texts long."""
    a, b, c = "The Council met in Astana.", "The Forum met in Bishkek.", "The Board met in Tashkent."
    first = openings(a)
    assert openings(a) is first
    assert openings(b) is not first and openings(b).text == b
    openings(c)
    assert openings(a) is not first  # evicted after two other texts: made anew
    assert openings(a).text == a


def test_scans_from_char_positions_equal_the_plain_regex():
    """Quotes, quarter names and Roman numerals are tried only where their opening mark or letter
    stands: the same matches as scanning every position."""
    from communique.annotate import quotes

    assert char_positions("a‘b‘c’", "‘’") == [1, 3, 5]
    assert char_positions("", "QH") == []
    pieces = ["“", "”", '"', "«", "»", "„", "‘", "’", "Q1", "H2", "Q5", "QQ3", "H1 2025", "2Q", "\n",
              "said", " ", "it’s", "x", "Hello", "Q", "4", "«a b c»", "“one two three”", "XIV", "CIVIL",
              "II", "I", "XX-", "LXV1", "MCM", "vi"]
    rng = random.Random(13)
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for rx, marks in ((quotes._QUOTE, quotes._QUOTE_MARKS), (dates._QH_RE, "QH"),
                          (ordinals._ROMAN_RUN_RE, "CLXVI")):
            assert _all(matches_at(rx, text, char_positions(text, marks))) == _all(rx.finditer(text)), text


def test_search_range_is_search_with_pos_and_endpos():
    rx = re.compile(r"(?<!\bnot\s)\b(?:aims?|target)\s+(?:to\s+)?(?:[\w-]+\s+){0,2}?to\s+$", re.I)
    scan = LiteralScan(rx)
    text = ("The plan AIMS to bring trade to $5 billion; it does not aim to raise it to 7, "
            "the target to reach to 9.")
    at = Openings(text)
    windows = [(lo, hi) for lo in range(0, len(text), 3) for hi in range(lo, len(text) + 2, 5)]
    found = 0
    for lo, hi in windows:
        want = rx.search(text, lo, hi)
        got = scan.search_range(text, at, lo, hi)
        assert (want and want.span()) == (got and got.span()), (lo, hi)
        found += want is not None
    assert found  # some windows do hold a match
    # a text the openings are not of is searched plainly
    other = "aims to go to "
    assert scan.search_range(other, at, 0, len(other)).span() == rx.search(other).span()


@pytest.mark.parametrize("flags", [0, re.I])
def test_first_char_groups_matches_the_plain_alternation(flags):
    words = ["Council", "council of ministers", "Commission", "co-operation council", "summit", "Summit of",
             "S", "joint commission", "Joint", "a", "ab", "abc", "investors' forum", "2+2 dialogue", "k"]
    branches = [re.escape(w).replace(r"\-", "[- ]?").replace(r"\ ", r"[\s-]") for w in
                sorted(words, key=len, reverse=True)]
    plain = re.compile(rf"(?<![\w])(?P<w>{'|'.join(branches)})(?:\s+of)?(?![\w])", flags)
    grouped_alt = first_char_groups(branches, ignore_case=bool(flags))
    assert grouped_alt != "|".join(branches)
    grouped = re.compile(rf"(?<![\w])(?P<w>{grouped_alt})(?:\s+of)?(?![\w])", flags)
    rnd = random.Random(7)
    pieces = [*words, "COUNCIL", "Co operation Council", "SUMMIT OF", "the", "of", "\u212a", "ab-c", ",",
              "\n"]
    for _ in range(300):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 12)))
        want = [(m.span(), m.group("w")) for m in plain.finditer(text)]
        assert [(m.span(), m.group("w")) for m in grouped.finditer(text)] == want, text


def test_first_char_groups_keeps_what_it_cannot_group():
    for branches in (["(?-i:Week)", "summit"], ["a?b", "ac"], ["x|y", "xz"], ["\\d+", "day"]):
        assert first_char_groups(branches) == "|".join(branches)


def test_text_anaphora_candidates_give_the_plain_matches():
    rx, words = agreements._TEXT_ANAPHORA, agreements._scans()["text"]
    rnd = random.Random(3)
    pieces = ["the", "THE", "Its", "this", "text", "TEXT", "Text", "of", "context", "texts", ",", "thiſ", "t"]
    for _ in range(500):
        text = "".join(rnd.choice(pieces) + rnd.choice([" ", "", "\n", "\u2009", "  "])
                       for _ in range(rnd.randrange(1, 30)))
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in agreements._text_anaphora(text, Openings(text), words)] == want, text
