"""The speed rewrites of the low-level stages (dates, numbers, ordinals, language, document checks)
give exactly the answers of the plain forms they replace, on random texts built from tricky pieces."""

from __future__ import annotations

import random
import re

import pytest

from communique.annotate.alternation import trie_alternation
from communique.checks import document as checks
from communique.read import language

WORDS = ["one", "on", "once", "seven", "seventeen", "seventy", "ten", "tenth", "thousand", "a", "an",
         "broken down", "made up of", "of which", "of", "Über", "über", "day", "days", "today"]
PIECES = [*WORDS, "x", " ", "  ", "\n", ",", "-", "ONE", "Seven", "someone", "seventeenth", "days'",
          "ſtrands", "İncluding", "includıng", "K", "é", "’", "2024", "Including", "STRANDS"]


def _random_texts(n: int = 300, seed: int = 3):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("tail", ["", r"(?![A-Za-z])", r"\b"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_trie_alternation_matches_the_longest_first_alternation(tail, flags):
    flat = "|".join(re.escape(w) for w in sorted(set(WORDS), key=len, reverse=True))
    plain = re.compile(f"(?:{flat}){tail}", flags)
    trie = re.compile(f"(?:{trie_alternation(WORDS)}){tail}", flags)
    for text in _random_texts():
        assert _spans(trie, text) == _spans(plain, text), text


def test_case_blind_trie_with_caseless_non_ascii_characters_matches_the_plain_alternation():
    """Words holding a character without case ("so‘m", "a–b") still make a trie when used
    case-blind; non-ASCII letters ("Über", "ſ") keep the plain alternation. Same matches."""
    words = ["so‘m", "som", "soms", "so‘ms", "sol", "a–b", "a-b", "ab", "s·t", "st", "STRAND"]
    assert trie_alternation(words, ignore_case=True).startswith("(?:a")  # a trie, by first letter
    assert trie_alternation(["über", "uber"], ignore_case=True) in ("über|uber", "uber|über")  # plain
    pieces = [*words, *(w.upper() for w in words), *(w.title() for w in words), "ſo‘m", "SO‘M",
              "ſt", "ſtrand", "K", "x", " ", "‘", "’", "–", "-", "·", "so", "s"]
    rng = random.Random(5)
    for tail in ("", r"(?![A-Za-z])"):
        flat = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
        plain = re.compile(f"(?i:{flat}){tail}")
        trie = re.compile(f"(?i:{trie_alternation(words, ignore_case=True)}){tail}")
        for _ in range(400):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            assert _spans(trie, text) == _spans(plain, text), text


def test_trie_alternation_spaces_become_the_given_pattern():
    rx = re.compile(trie_alternation(["earlier this year", "earlier", "this year"], spaces=r"\s+"))
    assert rx.match("earlier  this\nyear").group() == "earlier  this\nyear"
    assert rx.match("earlier that").group() == "earlier"
    assert trie_alternation([]) == ""


def test_parts_cue_matches_equal_the_case_blind_scan():
    cues = checks._parts_cues_lower()
    pieces = [*cues, *(c.upper() for c in cues), *(c.title() for c in cues), *PIECES]
    rng = random.Random(11)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        want = [(m.span(), m.group()) for m in checks._parts_cue_re().finditer(text)]
        got = [(m.span(), m.group()) for m in checks._parts_cue_scan().finditer(text)]
        assert got == want, text


def _detect_plain(text: str, default: str = "en") -> str:
    """detect_language with the word finder forced onto the general (Unicode) pattern."""
    saved = language._ascii_runs
    language._ascii_runs = lambda _sample: None  # "has a non-ASCII word character": the general path
    try:
        return language.detect_language(text, default)
    finally:
        language._ascii_runs = saved


def test_language_ascii_path_equals_the_unicode_path():
    samples = [
        "The Council met in Astana and the sides agreed to expand trade with the European Union.",
        "Der Rat hat am Montag in Astana getagt und die Seiten haben sich auf mehr Handel geeinigt – "
        "„ein wichtiger Schritt“, sagte der Minister.",
        "Le Conseil s’est réuni à Astana et les deux parties ont convenu d’élargir le commerce.",
        "Совет провел заседание в Астане, и стороны договорились расширить торговлю.",
        "It’s the sides’ view that trade – €48.7 billion – “will grow” in 2025 and beyond, they said.",
    ]
    for text in samples + list(_random_texts(100)):
        assert language.detect_language(text) == _detect_plain(text), text


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_trie_alternation_case_blind_keeps_longest_first(flags):
    # mixed-case words that are prefixes of one another case-blind: "Per" must not beat "percent"
    words = ["Per", "percent", "PERCENTS", "pct", "Up to", "up", "über", "Über"]
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    plain = re.compile(f"(?i:{flat})")
    alt = trie_alternation(words, spaces=r"\s+", ignore_case=True)
    trie = re.compile(f"(?i:{alt})")
    pieces = [*words, "PerCent", "per", "UP  TO", "ÜBER", "x", " ", "s", "%"]
    rng = random.Random(5)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert _spans(trie, text) == _spans(plain, text), text


def test_qualifier_with_a_non_breaking_space():
    from communique.annotate.money import find_amounts

    (a,) = find_amounts("The fund will provide up\u00a0to €5 billion.")
    assert (a.qualifier, a.value, a.unit) == ("up to", 5e9, "EUR")


def test_rate_table_answers_are_kept_and_equal_fresh_ones():
    from communique.fx.tables import RateTable, Row, parse_when

    d = parse_when("2025-04").start
    rows = [Row("UZS", d, parse_when("2025-04").end, "month", "2025-04", 13000.0, "USD", "t"),
            Row("UZS", parse_when("2025").start, parse_when("2025").end, "year", "2025", 12500.0, "USD", "t")]
    kept = RateTable("t", rows)
    for on in ("2025-04-10", "2025-04", "2025", "2025-07-01", "2024"):
        when = parse_when(on)
        first = kept.quote("UZS", when)
        assert kept.quote("UZS", when) is first  # answered from the table's memo
        assert first == RateTable("t", rows).quote("UZS", when)
    assert kept.bounds("UZS") == RateTable("t", rows).bounds("UZS")
    assert parse_when("2025-04") is parse_when("2025-04")
    with pytest.raises(ValueError):
        parse_when(["2025"])  # unhashable: still "not a date"


def test_each_document_sees_user_tables_loaded_before_it(tmp_path, monkeypatch):
    from pathlib import Path

    from communique.fx.convert import enrich_pledges
    from communique.fx.tables import load_user_rates
    from communique.models import DocumentInfo, Extraction, Pledge

    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "home"))

    def doc() -> Extraction:
        return Extraction(document=DocumentInfo(id="x", published="2025-10-24"),
                          pledges=[Pledge(amount=12_000e6, currency="UZS")])

    before = doc()
    enrich_pledges(before)
    assert before.pledges[0].amount_usd is None  # no UZS rate anywhere yet
    csv = tmp_path / "uzs.csv"
    csv.write_text("date,currency,per_usd\n2025-10-24,UZS,12000\n", encoding="utf-8")
    load_user_rates(Path(csv))
    after = doc()
    enrich_pledges(after)
    assert after.pledges[0].amount_usd == 1e6


def test_shared_word_trigger_scan_equals_the_separate_scans():
    from communique.annotate.numbers import _WORD_TRIGGERS
    from communique.annotate.ordinals import _ORD_WORDS
    from communique.annotate.triggers import DATE_KEYWORDS, word_triggers

    def separate(words, cases, text):
        flat = [re.compile("(?:" + "|".join(re.escape(c(w)) for w in sorted(words, key=len, reverse=True))
                           + ")(?![A-Za-z])") for c in cases]
        spans = sorted(m.span() for rx in flat for m in rx.finditer(text))
        return [s for s in spans if not (s[0] and text[s[0] - 1].isalpha())]

    every = (str.lower, str.title, str.upper)
    pieces = ["one", "someone", "Twenty", "twenty-first", "FIRST", "days", "Today", "Monday", "ago",
              "hundredth", "hundred", "Half", "ÉTen", "é", "x", " ", "-", "Seventy", "seventeenth", "ONE"]
    rng = random.Random(17)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        got = {k: [s for s in v if not (s[0] and text[s[0] - 1].isalpha())]
               for k, v in word_triggers(text).items()}
        assert got["number"] == separate(_WORD_TRIGGERS, every, text), text
        assert got["ordinal"] == separate(_ORD_WORDS, every, text), text
        assert got["date"] == separate(DATE_KEYWORDS, (str.lower, str.title), text), text


def test_word_triggers_from_openings_equal_the_case_scans():
    """Triggers read at the shared openings pass equal the three case scans, also next to
    characters whose lower case is an ASCII letter or two characters (the Kelvin sign, "İ")."""
    from communique.annotate.triggers import _word_triggers, _word_triggers_by_regex

    pieces = ["one", "someone", "Twenty", "twenty-first", "FIRST", "days", "Today", "TODAY", "tWo", "ago",
              "hundredth", "Half", "ÉTen", "é", "x", " ", "-", "Seventy", "ONE", "\u212a", "İ", "money",
              "years'", "Q1", "1st", "\n", "Ten", "ten", "teN", "often", "Year", "YEAR", "agos"]
    rng = random.Random(23)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _word_triggers.__wrapped__(text) == _word_triggers_by_regex(text), text


def test_ascii_first_chars_lists_every_ascii_opening():
    """Every match of a pattern that opens with an ASCII character opens with one it lists; a
    pattern whose openings cannot be told gives None."""
    from communique.annotate import dates
    from communique.annotate.alternation import ascii_first_chars

    patterns = [*dates._BY_NAME.values(), r"(?i:ab|c)d", r"x?[0-9]", r"\b(?:th|Th)e", r"(?<=a)[b-dQ]",
                r"(?:a|)b", r"[KS](?i:k)", r"(?i:s)x"]
    alphabet = list("abcdKkSsQxX01239 -'") + ["the ", "The ", "first ", "Q3 ", "2025", "May ", "\u212a", "ſ"]
    rng = random.Random(31)
    for p in patterns:
        first = ascii_first_chars(p)
        if first is None:
            continue
        rx = re.compile(p)
        for _ in range(800):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
            if text[0].isascii() and rx.match(text):
                assert text[0] in first, (p, text)
    assert ascii_first_chars(r"x?") is None and ascii_first_chars(r"\w+") is None
    assert ascii_first_chars(r"(?i:ab)|c") == {"a", "A", "c"}


def test_money_word_before_equals_the_plain_window_search():
    from communique.annotate import money

    alphabet = ["a", "B", "c", ".", "~", " ", "  ", "\u00a0", "\u2009", "\n", "\t", "1", ",", "ab", "U.S.",
                "..x"]
    rng = random.Random(29)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        hi = rng.randint(0, len(text))
        lo = max(0, hi - rng.randint(0, 20))
        plain = money._LAST_TOKEN_RE.search(text, lo, hi)
        fast = money._LAST_TOKEN_AT_END.search(text[lo:hi])
        assert (plain and plain.group("w")) == (fast and fast.group("w")), (text, lo, hi)
        plain = money._PREV_WORD_RE.search(text, lo, hi)
        assert (plain.group("w") if plain else None) == money._prev_word(text, lo, hi), (text, lo, hi)


def _detect_reference(text: str, default: str = "en") -> str:
    """detect_language in its plain form: every word lowered one by one, each language's score
    summed over its own list."""
    words = [w.lower().replace("’", "'") for w in language._WORD.findall(text[:5000])]
    cyr = [w for w in words if language._CYRILLIC.match(w)]
    if len(words) < language._MIN_WORDS:
        return default
    lists = language._lists()
    cyrillic = len(cyr) > len(words) / 2
    if cyrillic:
        candidates, words = ["ru", "kk"], cyr
    else:
        candidates = [lang for lang in lists if lang not in ("ru", "kk")]
        words = [w for w in words if not language._CYRILLIC.match(w)]
    scores = {lang: sum(1 for w in words if w in lists[lang]) for lang in candidates}
    if "kk" in scores:
        scores["kk"] += sum(1 for w in words if language._KAZAKH_LETTERS.intersection(w))
    if cyrillic:
        return "kk" if scores["kk"] > scores["ru"] else "ru"
    best = max(scores, key=lambda k: scores[k])
    return default if scores[best] < max(2, len(words) // 20) else best


def test_language_counts_equal_the_list_by_list_sums():
    """The stop-word count (only stop words counted, each adding to its languages) picks the
    language the plain list-by-list sums pick, on texts mixing every list's words."""
    stop = sorted({w for ws in language._lists().values() for w in ws})
    pieces = [*stop, *(w.title() for w in stop[::3]), "x", "Astana", "trade", "қазақ", "әлем", "’s",
              "l’", "—", " ", " ", " ", ", ", ".\n", "2025", "Σ", "İ"]
    rng = random.Random(9)
    seen = set()
    for _ in range(1500):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ", " ")) for _ in range(rng.randint(0, 60)))
        got = language.detect_language(text)
        assert got == _detect_reference(text), text
        seen.add(got)
    assert len(seen) >= 4  # the texts reach several languages, not only the default


def _fast_init_classes():
    from communique.annotate.agreements import AgreementMention
    from communique.annotate.orgs import Org
    from communique.annotate.quotes import QuoteMention
    from communique.annotate.types import Amount, DateMention, OrdinalMention
    from communique.interpret.context import BodyMention, _Anchor
    from communique.segment import Paragraph, Sentence

    return [Amount, DateMention, OrdinalMention, AgreementMention, Org, QuoteMention, BodyMention, _Anchor,
            Paragraph, Sentence]


@pytest.mark.parametrize("cls", _fast_init_classes(), ids=lambda c: c.__name__)
def test_fast_init_makes_the_dataclass_objects(cls):
    """The dict-storing __init__ builds objects equal in every way to the frozen dataclass's own."""
    import dataclasses
    import pickle

    assert cls.__init__ is not cls._plain_init
    fields = dataclasses.fields(cls)
    rng = random.Random(len(fields))
    values = [(0, 5), "text", None, 3, 2.5, True, ("EU", "Kazakhstan"), "", (7, 7)]
    for _ in range(50):
        args = [rng.choice(values) for _ in fields]
        required = sum(f.default is dataclasses.MISSING for f in fields)
        n = rng.randint(required, len(fields))  # positional, some defaults left out
        plain = object.__new__(cls)
        cls._plain_init(plain, *args[:n])
        fast = cls(*args[:n])
        by_name = cls(**{f.name: a for f, a in zip(fields[:n], args[:n], strict=True)})
        for got in (fast, by_name):
            assert got == plain and hash(got) == hash(plain) and repr(got) == repr(plain)
            assert list(vars(got).items()) == list(vars(plain).items())
            assert pickle.loads(pickle.dumps(got)) == plain
        assert dataclasses.replace(fast, **{fields[0].name: args[-1]}) == dataclasses.replace(
            plain, **{fields[0].name: args[-1]})
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(fast, fields[0].name, 1)
    with pytest.raises(TypeError):
        cls(*range(len(fields) + 1))  # too many, as the dataclass's own says


def test_fast_init_keeps_the_dataclass_init_where_it_would_differ():
    import dataclasses

    from communique.annotate.types import fast_init

    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class WithPost:
        a: int

        def __post_init__(self):
            object.__setattr__(self, "a", self.a + 1)

    for cls in (WithFactory, WithPost):
        init = cls.__init__
        assert fast_init(cls).__init__ is init
    assert WithPost(1).a == 2
