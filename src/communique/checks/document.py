"""Checks within one document: what a careful reader would question before repeating a number.

Each check is a small function of a `Context` (the extraction, the text, the settings of
`data/checks.yaml`) that yields flags; `CHECKS` lists them in order. The checks work on the contract
records (figures, pledges, meetings, …) and, where the records cannot carry what is needed (a
currency token that is no currency, a stated conversion, parts listed after "strands:"), on the
amounts the money grammar finds in the text. Metrics are free text, so a figure's role (total
trade, exports, imports, growth) comes from keywords in the data file, never from exact strings.

Every stated exact number is treated as rounded at its last digit, so "38.1 + 10.6 = 48.7" and
"+16.9% from about 41.7" pass while "4.1 + 2.3 = 5.9" does not.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..annotate.alternation import trie_alternation
from ..annotate.types import Amount
from ..data import load
from ..fx.rates import convert
from ..fx.tables import parse_when
from ..interpret.scan import LiteralScan, openings
from ..models import Extraction, Figure, Flag, Pledge, Span

__all__ = ["check_document", "CHECKS", "Context"]

_ISO = re.compile(r"^[A-Z]{3}$")


_REQUIRED = {
    "kinds": ("unknown_currency", "parts_sum", "growth", "conversion", "approximate", "implausible"),
    "parts_sum": ("slack",), "growth": ("slack_points", "approximate", "rise_after", "fall_after"),
    "conversion": ("tolerance",),
    "approximate": ("qualifiers",), "implausible": ("max_percent", "past_cues", "future_cues", "past_stages"),
    "roles": ("exclude", "growth", "decline", "exports", "imports", "total"),
    "parts_cues": ("exhaustive", "partial"),
    "generic_metrics": (), "stopwords": (),
}


@lru_cache(maxsize=1)
def _cfg() -> dict:
    """checks.yaml, validated once so a broken edit fails loudly at the first check."""
    from ..data import DataError

    cfg = load("checks")
    for section, keys in _REQUIRED.items():
        if section not in cfg:
            raise DataError(f"checks.yaml: no {section} section")
        missing = [k for k in keys if k not in (cfg.get(section) or {})]
        if missing:
            raise DataError(f"checks.yaml: {section} lacks {', '.join(missing)}")
    for q, tol in cfg["approximate"]["qualifiers"].items():
        if not isinstance(tol, dict) or set(tol) != {"below", "above"}:
            raise DataError(f"checks.yaml: qualifier {q!r} needs exactly 'below' and 'above'")
    return cfg


def _kind(key: str) -> str:
    return _cfg()["kinds"][key]


# --- numbers: rounding, intervals, formatting ----------------------------------------------------

def half_unit(value: float) -> float:
    """Half the unit of the last stated digit of `value` (48.7e9 → 0.05e9, 23 → 0.5)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    min_sig = int(_cfg().get("min_significant_digits", 2))
    p = math.floor(math.log10(abs(value))) - (min_sig - 1)
    while p > -9:
        q = value / 10.0 ** p
        if abs(q - round(q)) < 1e-6:
            break
        p -= 1
    return 0.5 * 10.0 ** p


def interval(value: float, qualifier: str | None, value_max: float | None = None,
             approx: float | None = None) -> tuple[float, float]:
    """The true values a stated number admits: rounding for exact ones, the data's tolerance for
    approximate ones ("nearly 50" → 45–50), both bounds for a range. `approx` replaces the
    tolerance of the two-sided approximate qualifiers where a check needs it tighter."""
    if value_max is not None:
        return value - half_unit(value), value_max + half_unit(value_max)
    q = (qualifier or "exact").lower()
    h = half_unit(value)
    if q == "exact":
        return value - h, value + h
    tol = _cfg()["approximate"]["qualifiers"].get(q)
    if tol is None:
        return value - h, value + h
    if approx is not None and tol["below"] is not None and tol["above"] is not None:
        below = approx if tol["below"] else 0.0
        above = approx if tol["above"] else 0.0
        return value * (1 - below) - h, value * (1 + above) + h
    lo = -math.inf if tol["below"] is None else value * (1 - tol["below"])
    hi = math.inf if tol["above"] is None else value * (1 + tol["above"])
    return lo, hi


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def fmt(value: float, unit: str | None = None) -> str:
    """48.7e9, "USD" → "48.7 billion USD"; 16.8, "percent" → "16.8%"."""
    if unit == "percent":
        return f"{value:g}%"
    for scale, word in _SCALES:
        if abs(value) >= scale:
            s = f"{value / scale:.3f}".rstrip("0").rstrip(".")
            return f"{s} {word}" + (f" {unit}" if unit and unit != "count" else "")
    s = f"{value:,.2f}".rstrip("0").rstrip(".")
    return s + (f" {unit}" if unit and unit != "count" else "")


@lru_cache(maxsize=512)
def _is_money(unit: str | None) -> bool:
    return bool(unit) and bool(_ISO.match(unit))


@lru_cache(maxsize=1)
def _generic_metrics() -> frozenset[str]:
    return frozenset(_cfg()["generic_metrics"])


# --- metrics: roles, names, sameness --------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=64)
def _keyword_re(keywords: tuple[str, ...]) -> re.Pattern:
    # A keyword matches at the start of a word: "export" matches "exports", not "re-export" parts.
    # Short keywords ("up", "fell") must be whole words, or "up" would match "upgrade".
    alt = "|".join(re.escape(k) + (r"\b" if len(k) <= 4 else "")
                   for k in sorted(keywords, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})")


@lru_cache(maxsize=16)
def _role_re(role: str) -> re.Pattern:
    """`_keyword_re` of one role's keywords in checks.yaml, looked up by name: the hot checks
    would otherwise rebuild and hash a tuple of the keywords on every call."""
    return _keyword_re(tuple(_cfg()["roles"][role]))


@lru_cache(maxsize=4)
def _growth_cue_re(key: str) -> re.Pattern:
    return _keyword_re(tuple(_cfg()["growth"][key]))


@lru_cache(maxsize=4096)
def metric_role(metric: str, unit: str | None) -> str:
    """total | exports | imports | growth | decline | other, from the keywords in checks.yaml."""
    m = metric.lower()
    if _role_re("exclude").search(m):
        return "other"
    if unit == "percent":
        if _role_re("decline").search(m):
            return "decline"
        return "growth" if _role_re("growth").search(m) else "other"
    return _flow_of(metric) or "other"


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    roles = _cfg()["roles"]
    return frozenset(w for k in ("growth", "decline", "exports", "imports", "total") for w in roles[k])


@lru_cache(maxsize=1)
def _role_words_re() -> re.Pattern:
    return _keyword_re(tuple(_role_words()))


@lru_cache(maxsize=4096)
def _names(metric: str) -> frozenset[str]:
    """Proper names in a metric ("Kazakh exports to Germany" → {kazakh, germany})."""
    stop = set(_cfg()["stopwords"])
    return frozenset(w.lower() for w in _WORD.findall(metric) if w[0].isupper() and w.lower() not in stop
                     and not _role_words_re().search(w.lower()))


@lru_cache(maxsize=4096)
def _content(metric: str) -> frozenset[str]:
    """Lower-case words of a metric that are neither names nor stopwords."""
    stop = set(_cfg()["stopwords"])
    return frozenset(w.lower() for w in _WORD.findall(metric) if not w[0].isupper() and w.lower() not in stop)


def _same_name(a: str, b: str) -> bool:
    # "Kazakh" / "Kazakhstan", "German" / "Germany": one is the stem of the other.
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _names_within(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(_same_name(x, y) for y in b) for x in a)


def _names_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    return _names_within(a, b) or _names_within(b, a)


_COUNTERPART_RE = re.compile(r"\b(?:to|from|with|into)\b(.*)$")


def _counterpart(metric: str) -> frozenset[str]:
    """Names after "to"/"from"/"with" in a flow metric ("exports to the EU" → {eu})."""
    m = _COUNTERPART_RE.search(metric)
    return _names(m.group(1)) if m else frozenset()


_LINK_WORDS = frozenset({"to", "from", "with", "into", "by"})


@lru_cache(maxsize=4096)
def _qualifying(metric: str) -> frozenset[str]:
    """Content words beyond the role: "oil" in "oil exports to the EU", "services" in "trade in
    services". Two metrics with different qualifying words measure different things."""
    return frozenset(w for w in _content(metric) if w not in _LINK_WORDS and not _role_words_re().search(w))


@lru_cache(maxsize=8192)
def same_metric(a: str, b: str, unit: str | None) -> bool:
    """Do two free-text metrics name the same quantity? Same role, compatible names, the same
    qualifying words, and for flows a compatible partner. (Cached: a function of its words alone,
    asked of every pair of figures the checks compare.)"""
    ra, rb = metric_role(a, unit), metric_role(b, unit)
    if ra != rb or not _names_compatible(_names(a), _names(b)) or _qualifying(a) != _qualifying(b):
        return False
    if _flow_of(a) != _flow_of(b):
        return False  # "exports growth" vs "trade turnover growth", "share of exports" vs "share of turnover"
    if ra in ("exports", "imports"):
        ca, cb = _counterpart(a), _counterpart(b)
        return not ca or not cb or _names_compatible(ca, cb)
    return ra == "total" or bool(_content(a))


@lru_cache(maxsize=4096)
def _flow_of(metric: str) -> str | None:
    """exports | imports | total | None: the flow a metric is about, whatever it says of it (its
    growth, its share)."""
    m = metric.lower()
    exp, imp = bool(_role_re("exports").search(m)), bool(_role_re("imports").search(m))
    if exp != imp:
        return "exports" if exp else "imports"
    return "total" if (exp or _role_re("total").search(m)) else None

def _complementary(ra: str, ca: frozenset[str], rb: str, cb: frozenset[str]) -> bool:
    """Two flows (role, partner names) that together make up the trade between two sides: exports
    and imports with one partner, or exports each way."""
    if ra != rb:
        return not ca or not cb or _names_compatible(ca, cb)
    return bool(ca) and bool(cb) and not _names_compatible(ca, cb)


# --- the context a check sees ---------------------------------------------------------------------

@dataclass
class Context:
    ex: Extraction
    text: str

    @cached_property
    def amounts(self) -> list[Amount]:
        from ..annotate.money import find_amounts

        return find_amounts(self.text) if self.text else []

    @cached_property
    def sentences(self):
        from ..segment import segment

        return segment(self.text) if self.text else []

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, pos: int) -> int | None:
        # Sentences come in order and never overlap: only the last one starting at or before `pos`
        # can hold it (a bisection, not a scan per figure).
        i = bisect_right(self._sentence_starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i].end else None

    def sentence_text(self, span: Span | None) -> str:
        if span is None:
            return ""
        i = self.sentence_index(span[0])
        return self.sentences[i].text if i is not None else self.text[max(0, span[0] - 200):span[1] + 200]

    @cached_property
    def growth_pool(self) -> list[tuple[Figure, int | None]]:
        """The figures a growth rate can link (amounts and counts with a period, no rates), each
        with its sentence's index: the same for every growth rate of the document."""
        values = [f for f in self.ex.figures
                  if f.unit != "percent" and (_is_money(f.unit) or f.unit == "count")
                  and f.period and metric_role(f.metric, f.unit) not in ("growth", "decline")]
        return [(f, self.sentence_index(f.span[0]) if f.span and self.text else None) for f in values]

    @cached_property
    def published(self):
        try:
            return parse_when(self.ex.document.published) if self.ex.document.published else None
        except ValueError:
            return None


def _flag(key: str, message: str, span: Span | None) -> Flag:
    return Flag(kind=_kind(key), message=message, span=tuple(span) if span else None)


# --- the checks -----------------------------------------------------------------------------------

def unknown_currency(ctx: Context) -> Iterator[Flag]:
    """A currency-like token that is no currency ("EU$13.8 billion", "UDS 232 million"). A pledge in
    a misprinted code the text uses elsewhere ("ERU 8 million" among EUR amounts) is read in that
    code (interpret/amounts.py): the message says so."""
    for a in ctx.amounts:
        if not a.known_currency:
            meant = next((p.currency for p in ctx.ex.pledges if p.span == a.span and p.currency != a.unit),
                         None)
            how = (f"(a misprint of {meant}?); the pledge is read in {meant}, the currency the text uses "
                   "elsewhere" if meant else "(a misprint?); the amount is kept but not converted")
            yield _flag("unknown_currency",
                        f"\"{a.currency_token}\" in \"{a.text}\" is not a known currency {how}", a.span)


def _money_groups(figures: list[Figure]) -> dict[tuple, list[Figure]]:
    groups: dict[tuple, list[Figure]] = {}
    for f in figures:
        if _is_money(f.unit) and f.period:
            groups.setdefault((f.period, f.unit), []).append(f)
    return groups


def _pick_total(totals: list[Figure]) -> Figure | None:
    exact = [f for f in totals if f.qualifier == "exact" and f.value_max is None]
    pool = exact or totals
    if len({f.value for f in pool}) != 1:
        return None  # several different totals for one period: nothing to sum against
    return pool[0]


def _sum_interval(parts: Sequence[Figure | Amount]) -> tuple[float, float]:
    """The lowest and highest sum the parts' qualifiers allow."""
    ivs = [interval(p.value, p.qualifier, p.value_max) for p in parts]
    return sum(i[0] for i in ivs), sum(i[1] for i in ivs)


def _sum_problem(total: Amount, parts: Sequence[Amount], slack: float, whole: bool = True) -> str | None:
    """How listed parts miss their stated total ("add up to more than" / "… less than", the latter
    only for a `whole` list), beyond `slack` of it; None when they fit."""
    t_lo, t_hi = interval(total.value, total.qualifier, total.value_max)
    s_lo, s_hi = _sum_interval(parts)
    tol = slack * total.value
    if s_lo - t_hi > tol:
        return "add up to more than"
    if whole and t_lo - s_hi > tol:
        return "add up to less than"
    return None


def _clause_before(ctx: Context, f: Figure) -> str:
    """The words between the previous amount of the sentence (or its start) and this figure:
    "… while German deliveries of machinery to Kazakhstan came to" for an amount the extraction
    left without a telling metric."""
    if not f.span or not ctx.text:
        return ""
    i = ctx.sentence_index(f.span[0])
    start = ctx.sentences[i].start if i is not None else max(0, f.span[0] - 200)
    for a in ctx.amounts:
        if start <= a.span[1] <= f.span[0]:
            start = a.span[1]
    return ctx.text[start:f.span[0]]


def _flow(ctx: Context, f: Figure, unit: str) -> tuple[str, frozenset[str]] | None:
    """(exports|imports, partner names) of a trade-flow figure, from its metric, else (for a bare
    metric such as "value", or a flow without a partner) from the words just before its amount."""
    role = metric_role(f.metric, unit)
    partner = _counterpart(f.metric)
    generic = role == "other" and _content(f.metric) <= _generic_metrics()
    if role in ("exports", "imports") and partner:
        return role, partner
    if role not in ("exports", "imports") and not generic:
        return None
    clause = _clause_before(ctx, f)
    if generic:
        role = metric_role(clause, unit)
        if role not in ("exports", "imports"):
            return None
    return role, partner or _counterpart(clause)


def parts_do_not_sum(ctx: Context) -> Iterator[Flag]:
    """Exports + imports (or exports each way) vs the stated total trade of the same period/unit;
    any single flow larger than the total."""
    slack = float(_cfg()["parts_sum"]["slack"])
    for (period, unit), group in _money_groups(ctx.ex.figures).items():
        total = _pick_total([f for f in group if metric_role(f.metric, unit) == "total"])
        if total is None:
            continue
        tnames = _names(total.metric)
        flows = [(f, fl) for f in group if f is not total and (fl := _flow(ctx, f, unit)) is not None
                 and (not tnames or _names_within(_names(f.metric), tnames))
                 and _qualifying(f.metric) - _generic_metrics() <= _qualifying(total.metric)]
        t_lo, t_hi = interval(total.value, total.qualifier, total.value_max)
        tol = slack * total.value
        if len(flows) == 2 and _complementary(*flows[0][1], *flows[1][1]):
            parts = [f for f, _ in flows]
            s_lo, s_hi = _sum_interval(parts)
            if s_lo - t_hi > tol or t_lo - s_hi > tol:
                listed = " + ".join(f"{_label(p, fl)} ({fmt(p.value, unit)})" for p, fl in flows)
                s = sum(p.value for p in parts)
                yield _flag("parts_sum",
                            f"{listed} = {fmt(s, unit)}, but {total.metric} for {period} is stated as "
                            f"{fmt(total.value, unit)} ({fmt(s - total.value, unit)} apart)", total.span)
            continue
        for p, fl in flows:
            p_lo = interval(p.value, p.qualifier, p.value_max)[0]
            if p_lo - t_hi > tol:
                yield _flag("parts_sum",
                            f"{_label(p, fl)} ({fmt(p.value, unit)}) is larger than the stated total, "
                            f"{total.metric} ({fmt(total.value, unit)}), for {period}", total.span)


def _label(f: Figure, flow: tuple[str, frozenset[str]]) -> str:
    """The figure's metric, or its role when the metric says nothing ("value")."""
    if metric_role(f.metric, "X") in ("exports", "imports"):
        return f.metric
    return flow[0]


@lru_cache(maxsize=1)
def _parts_cue_re() -> re.Pattern:
    cues = _cfg()["parts_cues"]
    words = sorted(cues["exhaustive"] + cues["partial"], key=len, reverse=True)
    alt = trie_alternation(words, ignore_case=True)  # see there
    # The look-ahead on the cues' first letters lets sre reject most word starts before trying
    # every alternative (same matches, ~1.6x faster on our corpus).
    look = "(?=[" + re.escape("".join(sorted({c[:1] for c in words}))) + "])" if all(words) else ""
    return re.compile(rf"\b{look}(?:{alt})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _parts_cues_lower() -> tuple[str, ...]:
    cues = _cfg()["parts_cues"]
    return tuple(c.lower() for c in cues["exhaustive"] + cues["partial"])


@lru_cache(maxsize=1)
def _parts_cue_scan() -> LiteralScan:
    """`_parts_cue_re().finditer` tried only where a cue opens (same matches), the openings read
    by the automaton pass the interpreters already made over the text: lowering the text again
    and searching it once per cue cost ~1.5% of an extraction."""
    return LiteralScan(_parts_cue_re(), _parts_cues_lower())


def listed_parts_do_not_sum(ctx: Context) -> Iterator[Flag]:
    """A money total followed by its parts ("EUR 12 billion … four strands: €3 billion …; …"):
    parts of an exhaustive list must add up to the total, parts after "of which"/"including" must
    not exceed it."""
    # One scan of the whole text: a cue is letters and single spaces, so it never crosses a
    # sentence boundary, and sentences start and end next to whitespace (same word boundaries).
    # The cues' openings come from the interpreters' pass over the text (`openings`).
    cue_matches = _parts_cue_scan().finditer(ctx.text, openings(ctx.text))
    if not cue_matches:
        return  # most texts list no parts: skip segmenting them
    cues = _cfg()["parts_cues"]
    exhaustive = {c.lower() for c in cues["exhaustive"]}
    slack = float(_cfg()["parts_sum"]["slack"])
    money = [a for a in ctx.amounts if a.known_currency and _is_money(a.unit)]
    starts = [a.span[0] for a in money]
    for m in cue_matches:
        k = bisect_right(starts, m.end() - 1)
        if k == len(starts) or starts[k] - m.end() > 400 or k == 0:
            continue  # no money after the cue, or none before it: no list of parts (no segmenting)
        sents = ctx.sentences
        si = ctx.sentence_index(m.start())
        if si is None or m.end() > sents[si].end:
            continue
        s = sents[si]
        cue_pos = m.end()
        full = m.group(0).lower() in exhaustive
        stop = s.end if full else _clause_end(ctx.text, cue_pos, s.end)
        before = [a for a in money if s.start <= a.span[0] < m.start()]
        if not before and si > 0 and sents[si - 1].paragraph == s.paragraph:
            before = [a for a in money if sents[si - 1].start <= a.span[0] < sents[si - 1].end]
        if not before:
            before = _package_told_before(ctx, money, si, m.start())
        if not before:
            continue
        after = [a for a in money if cue_pos <= a.span[0] < stop]
        # The total: the last amount before the cue in a currency the parts use.
        total = next((a for a in reversed(before) if any(p.unit == a.unit for p in after)), None)
        if total is None:
            continue
        parts = [a for a in after if a.unit == total.unit]
        if len(parts) < (2 if full else 1):
            continue
        if not full and len(parts) == _items_counted(ctx, total):
            full = True  # "three financing agreements worth EUR 75 million … includes" three amounts
        total_sum = sum(p.value for p in parts)
        problem = _sum_problem(total, parts, slack, whole=full)
        if problem is None:
            continue
        yield _flag("parts_sum",
                    f"the {len(parts)} parts listed after \"{m.group(0)}\" "
                    f"({' + '.join(fmt(p.value, p.unit) for p in parts)} = {fmt(total_sum, total.unit)}) "
                    f"{problem} the stated total of {fmt(total.value, total.unit)}", total.span)


# "the package includes", "The financing comprises": the cue's subject refers back to money told before
_BACK_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:[\w-]+\s+)?(?:package|financing|funding|envelope|programme|program|"
    r"support|allocation|agreements|documents|amount|sum|assistance)\s+$"
)
# "three financing agreements worth a total of": a count of the things the total is made of
_COUNTED_TOTAL = re.compile(
    r"\s+(?:[\w-]+\s+){1,6}?(?:worth|totall?ing|amounting\s+to|valued\s+at|with\s+a\s+(?:total\s+)?value\s+of|"
    r"for)\s+(?:a\s+total\s+of\s+|a\s+combined\s+|a\s+total\s+)?(?:about\s+|some\s+|around\s+)?$"
)
# the list a counted total opens: "… worth a combined $245 million: $120 million for …"
_LIST_OPENS = re.compile(r"\s*(?:[:—–]|,\s+namely)\s*")


def _package_told_before(ctx: Context, money: list[Amount], si: int, cue_at: int) -> list[Amount]:
    """ "… signed three financing agreements worth a total of EUR 75 million. The documents were
    signed by … ¶ According to the ministry, the package includes …": a subject that refers back
    ("the package") takes the last pledged amount of the three sentences before, when no other money
    stands between."""
    s = ctx.sentences[si]
    if not _BACK_SUBJECT.search(ctx.text, max(s.start, cue_at - 40), cue_at):
        return []
    lo = ctx.sentences[max(0, si - 3)].start
    told = [a for a in money if lo <= a.span[0] < s.start]
    if not told or not any(p.span == told[-1].span for p in ctx.ex.pledges):
        return []
    return told[-1:]


def _items_counted(ctx: Context, total: Amount) -> int | None:
    """N of "N financing agreements worth (a total of) <total>": how many things the total is made
    of, when the text says so right before it."""
    for c in ctx.amounts:
        if (
            c.unit == "count"
            and c.span[1] <= total.span[0]
            and total.span[0] - c.span[1] <= 60
            and c.value.is_integer()
            and _COUNTED_TOTAL.fullmatch(ctx.text, c.span[1], total.span[0])
        ):
            return int(c.value)
    return None

def counted_parts_do_not_sum(ctx: Context) -> Iterator[Flag]:
    """ "The fund signed three loan agreements worth a combined $245 million: $120 million for …, $75
    million for … and $60 million for …": a total of N things, a colon, and N amounts in its
    currency after it — the whole list, which must add up to the total."""
    if ":" not in ctx.text and "—" not in ctx.text and "namely" not in ctx.text:
        return
    slack = float(_cfg()["parts_sum"]["slack"])
    money = [a for a in ctx.amounts if a.known_currency and _is_money(a.unit)]
    for k, total in enumerate(money):
        opens = _LIST_OPENS.match(ctx.text, total.span[1])
        if not opens:
            continue
        n = _items_counted(ctx, total)
        si = ctx.sentence_index(total.span[0])
        if not n or n < 2 or si is None:
            continue
        end = ctx.sentences[si].end
        parts = [a for a in money[k + 1 :] if a.span[0] < end and a.unit == total.unit]
        if len(parts) != n or parts[0].span[0] != opens.end():
            continue
        problem = _sum_problem(total, parts, slack)
        if problem is None:
            continue
        yield _flag("parts_sum",
                    f"the {n} parts listed after the total "
                    f"({' + '.join(fmt(p.value, p.unit) for p in parts)} = "
                    f"{fmt(sum(p.value for p in parts), total.unit)}) {problem} the stated total of "
                    f"{fmt(total.value, total.unit)}", total.span)

def _clause_end(text: str, pos: int, end: int) -> int:
    semi = text.find(";", pos, end)
    return semi if semi != -1 else end


_PERIOD_RE = re.compile(r"(\d{4})((?:-\d{2}){0,2})")


def _prior_period(period: str) -> str | None:
    """The same period a year earlier: "2024" → "2023", "2024-01/2024-09" → "2023-01/2023-09"."""
    def back(p: str) -> str | None:
        m = _PERIOD_RE.fullmatch(p)
        return f"{int(m[1]) - 1:04d}{m[2]}" if m else None
    parts = [back(p) for p in period.split("/")]
    return "/".join(parts) if all(parts) else None  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _growth_words_re() -> re.Pattern:
    roles = _cfg()["roles"]
    words = roles["growth"] + roles["decline"] + ["rate", "of"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})\b", flags=re.IGNORECASE)


def _growth_base(metric: str) -> str:
    return _growth_words_re().sub(" ", metric).strip(" ,-–")


def _best(figs: list[Figure]) -> Figure | None:
    if not figs:
        return None
    return sorted(figs, key=lambda f: f.qualifier != "exact")[0]


def _growth_values(ctx: Context, g: Figure, base: str) -> tuple[Figure, Figure] | None:
    """The value a growth rate reaches and the one a year before: figures of the same metric, else
    the figures stated in the growth's own sentence ("up 16.8% compared with 2023, when turnover
    stood at 41 bln"), where the extraction may not have named the earlier one's metric."""
    generic = _generic_metrics()
    pool = ctx.growth_pool
    values = [f for f, _ in pool]
    by_metric = [f for f in values if base and same_metric(base, f.metric, f.unit)]
    i = ctx.sentence_index(g.span[0]) if g.span and ctx.text else None
    # In the sentence: figures of the same metric or of none ("value"); never another metric's.
    # (Membership by identity: a figure equal to one of by_metric has its metric, so is in it too;
    # pydantic's field-by-field == was a hot spot.)
    in_metric = {id(f) for f in by_metric}
    nearby = [f for f, si in pool if i is not None and si == i
              and (not base or id(f) in in_metric or _content(f.metric) <= generic)]
    periods = {f.period for f in nearby}
    later = [p for p in periods if _prior_period(p) in periods]
    tries = [g.period] if g.period else []
    if len(later) == 1 and later[0] not in tries:
        tries.append(later[0])  # the extraction may have dated the rate wrongly (e.g. by publication)
    for period in tries:
        prior = _prior_period(period)
        if not prior:
            continue
        # (a figure named exactly as the rate's base first: "Exports to Italy" in a table row,
        # not the "exports" of the prose)
        named = [f for f in by_metric if f.metric.lower() == base.lower()]
        cur = _best([f for f in named if f.period == period]) \
            or _best([f for f in by_metric if f.period == period]) \
            or _only([f for f in nearby if f.period == period])
        if cur is None:
            continue
        same_unit = [f for f in named if f.period == prior and f.unit == cur.unit] \
            or [f for f in by_metric if f.period == prior and f.unit == cur.unit]
        prev = _best(same_unit) or _only([f for f in nearby if f.period == prior and f.unit == cur.unit])
        if prev is not None and prev.value > 0:
            return cur, prev
    return None


def _only(figs: list[Figure]) -> Figure | None:
    return figs[0] if len(figs) == 1 else None


def _growth_sign(ctx: Context, g: Figure) -> int | None:
    """+1 for a rise, -1 for a fall, None for a percentage that is no change rate (a share).

    The metric decides when it says "growth" or "decline"; otherwise, or when the words around the
    number say the opposite ("trade fell 5%" read as "trade growth 5"), the text decides."""
    if g.unit != "percent" or _role_re("exclude").search(g.metric.lower()):
        return None
    role = metric_role(g.metric, g.unit)
    before = _clause_before(ctx, g).lower()[-80:]
    after = ctx.text[g.span[1]:g.span[1] + 40].lower() if g.span and ctx.text else ""
    lead = after.lstrip()
    up = _role_re("growth").search(before) or _growth_cue_re("rise_after").match(lead)
    down = _role_re("decline").search(before) or _growth_cue_re("fall_after").match(lead)
    if down and not up:
        return -1
    if role == "decline":
        return -1
    if role == "growth" or (up and not down):
        return 1
    return None


def growth_inconsistent(ctx: Context) -> Iterator[Flag]:
    """A growth rate that the two values it links (this period and a year before) contradict."""
    slack = float(_cfg()["growth"]["slack_points"])
    approx = float(_cfg()["growth"]["approximate"])
    for g in ctx.ex.figures:
        sign = _growth_sign(ctx, g)
        if sign is None:
            continue
        if g.value < 0:
            sign = 1  # a fall told as a negative growth ("exports growth -6.5"): the value has its sign
        base = _growth_base(g.metric)
        pair = _growth_values(ctx, g, base)
        if pair is None:
            continue
        cur, prev = pair
        c_lo, c_hi = interval(cur.value, cur.qualifier, cur.value_max, approx)
        p_lo, p_hi = interval(prev.value, prev.qualifier, prev.value_max, approx)
        if p_lo <= 0:
            continue
        imp_lo, imp_hi = (c_lo / p_hi - 1) * 100, (c_hi / p_lo - 1) * 100
        g_lo, g_hi = sorted(sign * x for x in interval(g.value, g.qualifier, g.value_max))
        if g_lo - imp_hi > slack or imp_lo - g_hi > slack:
            implied = (cur.value / prev.value - 1) * 100
            word = "a fall" if sign * g.value < 0 else "growth"
            yield _flag("growth",
                        f"{word} of {fmt(abs(g.value), 'percent')} is stated for {base or cur.metric} in "
                        f"{cur.period}, but {fmt(prev.value, prev.unit)} ({prev.period}) to "
                        f"{fmt(cur.value, cur.unit)} ({cur.period}) is a change of {implied:+.1f}%", g.span)


def _conversion_dates(ctx: Context, pledge: Pledge | None, span: Span | None = None) -> list[str]:
    """The days a stated conversion may have been made at: the pledge's date, the period of the
    figure the amount belongs to, the publication's."""
    dates = []
    if pledge is not None and pledge.date:
        dates.append(pledge.date)
    for f in ctx.ex.figures:
        if span and f.period and _in_span(span, f.span):
            first = f.period.split("/")[0]
            if first not in dates:
                dates.append(first)
    if ctx.ex.document.published and ctx.ex.document.published not in dates:
        dates.append(ctx.ex.document.published)
    return dates


def _in_span(inner: Span, outer: Span | None) -> bool:
    return outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _off(amount: float, currency: str, stated: float, stated_cur: str, on: str):
    """(relative difference of the stated conversion, the conversion used) or None without rates."""
    if not (amount > 0 and stated > 0):
        return None  # a zero or negative amount is no conversion (implausible values flag it)
    try:
        src = convert(amount, currency, on)
        tgt = convert(stated, stated_cur, on)
    except ValueError:
        return None
    if not (src.amount_eur and tgt.amount_eur and src.amount_eur > 0 and tgt.amount_eur > 0):
        return None  # no rate, or an amount too small to survive rounding to cents
    return tgt.amount_eur / src.amount_eur - 1, src


def _approx_slack(qualifiers: Iterable[str | None]) -> float:
    """How far (relative) an approximate amount may lie from what it restates: "about KZT 650
    billion" admits the range `approximate` gives "about" (±10%); an exact one nothing."""
    table = _cfg()["approximate"]["qualifiers"]
    out = 0.0
    for q in qualifiers:
        if not q or q in ("exact", "between"):
            continue
        spec = table.get(q) or {}
        sides = [v for v in (spec.get("below"), spec.get("above")) if v is not None]
        out = max(out, max(sides) if sides else 0.10)
    return out


def _conversion_flag(ctx: Context, amount: float, cur: str, stated: float, stated_cur: str,
                     dates: list[str], span: Span | None,
                     qualifiers: Iterable[str | None] = ()) -> Flag | None:
    # (a conversion told of an approximate amount, or told approximately, is as rough as its qualifier)
    tol = float(_cfg()["conversion"]["tolerance"]) + _approx_slack(qualifiers)
    results = [r for d in dates if (r := _off(amount, cur, stated, stated_cur, d)) is not None]
    if not results or any(abs(off) <= tol + 1e-9 for off, _ in results):
        return None
    off, conv = results[0]
    at_rate = stated / (1 + off)  # the amount in the stated currency at the day's rate
    return _flag("conversion",
                 f"{fmt(amount, cur)} is given as {fmt(stated, stated_cur)}, but at the {conv.source} of "
                 f"{conv.rate_date} it is {fmt(at_rate, stated_cur)} ({off * 100:+.1f}%)", span)


_CONVERSION_GAP = re.compile(r"^\s*(?:\(|\[|,\s*or\b|—|–)\s*(?:[A-Za-z.~≈]+\s+){0,2}$")


def conversion_off(ctx: Context) -> Iterator[Flag]:
    """A conversion the text states ("€12 billion (US$13.8 billion)", a pledge's
    `amount_usd_stated`) more than the tolerance away from the rate of the day."""
    done: list[Span] = []
    money = [a for a in ctx.amounts if _is_money(a.unit)]
    for a, b in zip(money, money[1:], strict=False):
        if not (a.known_currency and b.known_currency) or a.unit == b.unit:
            continue
        if not _CONVERSION_GAP.match(ctx.text[a.span[1]:b.span[0]]):
            continue
        pledge = next((p for p in ctx.ex.pledges if _in_span(a.span, p.span)), None)
        done.append((a.span[0], b.span[1]))
        flag = _conversion_flag(ctx, a.value, a.unit, b.value, b.unit, _conversion_dates(ctx, pledge, a.span),
                                (a.span[0], b.span[1]), (a.qualifier, b.qualifier))
        if flag:
            yield flag
    for p in ctx.ex.pledges:
        if p.amount_usd_stated is None or p.currency.upper() == "USD":
            continue
        if p.span and any(d[0] < p.span[1] and p.span[0] < d[1] for d in done):
            continue  # already checked from the text
        if p.span and any(not a.known_currency and _in_span(a.span, p.span) for a in ctx.amounts):
            continue  # the stated amount's currency is unknown (EU$): flagged as such, not converted
        quals = [a.qualifier for a in ctx.amounts if p.span and _in_span(a.span, p.span)]
        flag = _conversion_flag(ctx, p.amount, p.currency.upper(), p.amount_usd_stated, "USD",
                                _conversion_dates(ctx, p), p.span, quals)
        if flag:
            yield flag


def approximate_inconsistent(ctx: Context) -> Iterator[Flag]:
    """An approximate figure ("nearly $50 billion") that an exact one for the same metric and
    period falls outside of (by the qualifier's tolerance in checks.yaml)."""
    figs = ctx.ex.figures
    for a in figs:
        if a.qualifier == "exact" and a.value_max is None:
            continue
        if a.unit == "count" and a.period is None:
            # "more than 120 companies with Hungarian capital operate …", "… representatives of 25
            # companies": undated counts of a bare noun are counts of different groups
            continue
        a_lo, a_hi = interval(a.value, a.qualifier, a.value_max)
        # "14 documents worth over USD 2.3 billion … a contract … worth USD 180 million": undated sums
        # the extraction could name only "value" are sums of different things
        bare = a.period is None and _content(a.metric) <= _generic_metrics()
        for b in figs:
            if b is a or b.qualifier != "exact" or b.value_max is not None or b.unit != a.unit \
                    or b.period != a.period or not same_metric(a.metric, b.metric, a.unit):
                continue
            if bare and _content(b.metric) <= _generic_metrics():
                continue
            b_lo, b_hi = interval(b.value, "exact")
            if (b_hi < a_lo or b_lo > a_hi) and not _same_sentence(ctx, a.span, b.span):
                # ("trade … rose 15%, and cargo … grew by more than 60% over the same period": one
                # sentence does not restate its own figure; two values in it are of two things)
                shown = f"{a.qualifier} {fmt(a.value, a.unit)}" if a.value_max is None else \
                    f"{fmt(a.value, a.unit)}–{fmt(a.value_max, a.unit)}"
                yield _flag("approximate",
                            f"\"{shown}\" for {a.metric}"
                            + (f" in {a.period}" if a.period else "")
                            + f" does not fit the exact {fmt(b.value, b.unit)} given for {b.metric}",
                            a.span)
                break


def _same_sentence(ctx: Context, a: Span | None, b: Span | None) -> bool:
    if not (a and b and ctx.text):
        return False
    i = ctx.sentence_index(a[0])
    return i is not None and i == ctx.sentence_index(b[0])

@lru_cache(maxsize=8)
def _cue_re(words: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b", re.IGNORECASE)


def implausible_value(ctx: Context) -> Iterator[Flag]:
    """A negative amount or count, a percentage over the limit, a date after publication stated
    as past."""
    cfg = _cfg()["implausible"]
    max_pct = float(cfg["max_percent"])
    seen: list[Span] = []
    for f in ctx.ex.figures:
        if (_is_money(f.unit) or f.unit == "count") and f.value < 0:
            yield _flag("implausible", f"{f.metric} is negative ({fmt(f.value, f.unit)})", f.span)
        if f.unit == "percent" and abs(f.value) > max_pct:
            seen.append(f.span or (-1, -1))
            yield _flag("implausible", f"{f.metric} of {fmt(f.value, 'percent')} is over "
                                       f"{max_pct:g}%", f.span)
    for p in ctx.ex.pledges:
        if p.amount < 0:
            yield _flag("implausible", f"a pledge of a negative amount ({fmt(p.amount, p.currency)})", p.span)
    for a in ctx.amounts:
        if a.unit == "percent" and abs(a.value) > max_pct and not any(_in_span(a.span, s) for s in seen):
            yield _flag("implausible", f"\"{a.text}\": a percentage over {max_pct:g}%", a.span)
    yield from _dated_after_publication(ctx, cfg)


def _dated_after_publication(ctx: Context, cfg: dict) -> Iterator[Flag]:
    pub = ctx.published
    if pub is None:
        return
    past, future = _cue_re(tuple(cfg["past_cues"])), _cue_re(tuple(cfg["future_cues"]))
    past_stages = set(cfg["past_stages"])
    # (the record itself, not its description: most records are dated before publication, and the
    # words of a flag are made only for the few flagged)
    records: list[tuple[str, object, str | None, Span | None, bool]] = []
    for m in ctx.ex.meetings:
        records.append(("meeting", m, m.date, m.span, False))
    for e in ctx.ex.events:
        records.append(("event", e, e.date, e.span, False))
    for ag in ctx.ex.agreements:
        records.append(("agreement", ag, ag.date, ag.span, ag.status in past_stages))
    for p in ctx.ex.pledges:
        if not p.hedged:
            records.append(("pledge", p, p.date, p.span, False))
    for f in ctx.ex.figures:
        if f.period and "/" not in f.period:
            records.append(("figure", f, f.period, f.span, False))
    for kind, rec, when, span, done in records:
        if not when:
            continue
        try:
            w = parse_when(when.split("/")[0])
        except ValueError:
            continue
        if w.start <= pub.end:
            continue
        sentence = ctx.sentence_text(span)
        if future.search(sentence) or not (done or past.search(sentence)):
            continue
        what = _record_words(kind, rec)
        yield _flag("implausible", f"{what} is dated {when}, after the publication date "
                                   f"{ctx.ex.document.published}, but the text states it as past", span)


def _record_words(kind: str, rec) -> str:
    """How a flag of `_dated_after_publication` names a record of that kind."""
    if kind == "meeting":
        return f"the meeting of the {rec.body}"
    if kind == "event":
        return rec.name
    if kind == "agreement":
        return f"{rec.name} ({rec.status})" if rec.status else rec.name
    if kind == "pledge":
        return f"the pledge of {fmt(rec.amount, rec.currency)}"
    return f"{rec.metric} ({fmt(rec.value, rec.unit)})"


#: Every within-document check, in the order its flags are listed.
CHECKS: list[Callable[[Context], Iterable[Flag]]] = [
    unknown_currency,
    parts_do_not_sum,
    listed_parts_do_not_sum,
    counted_parts_do_not_sum,
    growth_inconsistent,
    conversion_off,
    approximate_inconsistent,
    implausible_value,
]


def check_document(ex: Extraction, text: str) -> list[Flag]:
    """Flags for what does not add up inside one document (one flag per kind and span)."""
    ctx = Context(ex, text or "")
    out: list[Flag] = []
    for check in CHECKS:
        for flag in check(ctx):
            if any(f.kind == flag.kind and (f.message == flag.message or _overlap(f.span, flag.span))
                   for f in out):
                continue
            out.append(flag)
    return out


def _overlap(a: Span | None, b: Span | None) -> bool:
    if a is None or b is None:
        return False
    return a[0] < b[1] and b[0] < a[1]
