"""Amounts → pledges or figures.

A money amount is a pledge when a party (a state, a union, one of their institutions or banks,
"financial institutions", "lenders") promises or stands ready to provide it: a pledge word
(data/hedges.yaml: allocate, pledge, mobilise, grant, loan, credit line, package …) stands in its
clause and the giver is not a company or investor. It is hedged when a hedge cue ("ready to",
"could", "plans to", "intend to", "is prepared to") stands between the giver and the amount. An
amount listed after a pledge ("€3 billion for transport; €2.5 billion for …") continues it. The
giver may also stand after the amount ("the €70 million the EU has allocated", "a loan of $30
million from the AIIB", "… is funded by the Japanese government"); a party that receives the money
is never its giver, and money already received, or handed over in a span that has ended, is a figure.

Everything else is a figure: money, percentages and counts of things (`count_nouns`), with a metric
from its clause, a period from the nearest date ("in 2024", "last year", "January-November 2019",
"since 2005" → "2005/<year>", "over the past decade"), and the qualifier the grammar read. A
growth percentage takes the period of the value it reaches. A bracketed amount right after another
is its stated conversion, not a record of its own.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..annotate.alternation import trie_alternation
from ..annotate.case import ignorecase_key
from ..annotate.dates import _future as future_clause
from ..annotate.money import lookalike_codes
from ..annotate.orgs import org_info
from ..annotate.places import country_name, demonym_country, first_letters_ahead
from ..annotate.types import Amount
from ..models import Figure, Pledge
from .context import Context
from .scan import AnyOf, LiteralScan, openings
from .tables import table_figures

__all__ = ["interpret_amounts"]


def _shift_years(period: str, by: int) -> str:
    """The period `by` years later (earlier when negative): every year in it moved ("2025-01/2025-06")."""
    return re.sub(r"\d{4}", lambda y: str(int(y.group(0)) + by), period)


def _unthe(name: str) -> str:
    """A name as a giver: without its leading article ("the European Union" → "European Union")."""
    return name[4:] if name.startswith(("the ", "The ")) else name


_CONVERSION = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}\(\s*(?:about|around|approx\.?|approximately|some|roughly|nearly|~|or|i\.e\.)?\s*$",
    re.I,
)
# "€300 million, or about $325 million, …": a conversion told after a comma (in another currency)
_CONVERSION_OR = re.compile(
    r"^\s*,\s*(?:or|i\.e\.|that\s+is|equivalent\s+to)\s+(?:about|around|approx\.?|approximately|some|roughly|"
    r"nearly|almost)?\s*$",
    re.I,
)


@lru_cache(maxsize=1)
def _reductions() -> tuple[re.Pattern, dict[str, str]]:
    kinds = data.load("metrics").get("reductions") or {}
    word_kind = {w.lower(): k for k, words in kinds.items() for w in words}
    rx = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(word_kind, key=len, reverse=True))) + r")(?![\w-])",
        re.I,
    )
    return rx, word_kind


def _reduced_quantity(ctx: Context, a: Amount, s) -> str | None:
    """ "journey times … are expected to fall by up to 30%", "the economy contracted by 5.3%": the
    metric of a fall told as a reduction (contraction) of a quantity (data/metrics.yaml
    `reductions`), named in the amount's clause before it."""
    rx, word_kind = _reductions()
    left = _clause_left(ctx, a, s)
    # (the subject of the fall, in its own clause: not "As transport costs rose, exports fell by 5%")
    cut = max(left.rfind(","), left.rfind("—"), left.rfind(" – ")) + 1
    found = list(rx.finditer(left, cut))
    if not found:
        return None
    w = found[-1].group(0)
    return f"{word_kind[w.lower()]} of {w}"


# a bracketed "(about)", "(approx.)", "(est.)" closing the figure's line or sentence
_BRACKET_APPROX = re.compile(
    r"\((?:about|approx\.?|approximately|around|roughly|est\.?|estimated?)\)\s*[.;]?\s*$", re.I
)


# "$1 = 505 tenge", "1 euro equals 1.17 dollars": a rate of exchange between two money amounts
_RATE_EQUALS = re.compile(r"\s*(?:=|equals|is\s+worth)\s*")


# "UZS 3.5 trillion, around USD 270 million, from the budget": an approximate amount in another
# currency set off by commas (or a dash) restates the one before it
_CONVERSION_APPROX = re.compile(
    r"^\s*[,–—]\s*(?:about|around|approx\.?|approximately|some|roughly|nearly|almost|close\s+to)\s+$", re.I
)
# (the restatement may name its rate: "…, roughly $13 billion at current rates, for …")
_APPOSITION_END = re.compile(
    r"\s*(?:at\s+(?:the\s+)?(?:current|today['’]s|present|prevailing|official|market)\s+(?:exchange\s+)?"
    r"rates?\s*)?(?:[,;)–—]|\.(?:\s|$))"
)


def _converted(text: str, a: Amount, nxt: Amount) -> bool:
    """Whether the amount `nxt` right after `a` restates it in another currency (or the same)."""
    between = text[a.span[1] : nxt.span[0]]
    if _CONVERSION.match(between):
        return True
    if nxt.unit == a.unit:
        return False
    return bool(_CONVERSION_OR.match(between)) or bool(
        _CONVERSION_APPROX.match(between) and _APPOSITION_END.match(text, nxt.span[1])
    )


_REL_PERIOD = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(past|last|next|coming)\s+(?:(\w+)\s+)?"
    r"(decade|years?|months?)\b",
    re.I,
)
# "since 2005", "since the first summit in Xi'an in May 2023": a span from that date up to now
_SINCE = re.compile(r"\bsince\b(?![\w\s,'’-]*\band\b)[\w\s,'’-]{0,50}$", re.I)
_BASE = re.compile(
    r"(?:\b(?:from|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|than(?:\s+in)?|over|versus|vs\.?"
    r"|against|relative\s+to)"
    r"|(?:%|\bper\s*cent|\bpercent)[*_]{0,2}\s+on"  # "up 11% on the previous year", "up **24%** on 2024"
    r"|\b(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall)\s+on)"  # "a 25% rise on 2023"
    r"\s+(?:the\s+)?(?:(?:calendar\s+|fiscal\s+)?year\s+)?$",  # "in comparison with the year 2024"
    re.I,
)
# "… compared with the same period of last year", "in comparison with the corresponding period of
# 2024": the date after it is the base of a comparison, not the period of the figure
_PERIOD_BASE = re.compile(
    # ("analogous period of last year": translated releases)
    r"\b(?:same|corresponding|similar|comparable|like|equivalent|analogous|identical)\s+period\s+"
    r"(?:of\s+|in\s+)?(?:the\s+)?$",
    re.I,
)
_NUMWORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
}


def _number_word(word: str, default: int = 0) -> int:
    """The number a word or digits say ("nine", "12"), else `default`."""
    return _NUMWORDS.get(word.lower()) or (int(word) if word.isdigit() else default)


_FRACTION_Q = {
    "about": "about",
    "around": "about",
    "some": "about",
    "roughly": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "over": "more than",
    "more than": "more than",
    "less than": "less than",
    "under": "less than",
    "at least": "more than",  # the contract's qualifiers (DESIGN) have no "at least"
    "up to": "up to",
}


@dataclass
class _Pending:
    pledge: Pledge
    sentence: int


@lru_cache(maxsize=1)
def _lex() -> dict:
    h = data.load("hedges")
    m = data.load("metrics")
    progs = data.load("programs")["programs"]

    def rx(words):
        return re.compile(
            # (the words as a trie: see trie_alternation)
            r"(?<![\w-])(?:"
            + trie_alternation(words, ignore_case=True)
            + r")(?![\w-])",
            re.I,
        )

    metric_cues = [(x["cue"], x["metric"]) for x in m["metrics"]]
    head_words = [*h["giver_heads"], *(w[:1].upper() + w[1:] for w in h["giver_heads"])]
    heads = "|".join(map(re.escape, sorted(set(head_words), key=len, reverse=True)))
    giver = r"((?:(?:[A-Z][\w\-]*|and|international|financial|multilateral|development|other)\s+)"
    fr = m.get("fractions") or {}
    frac_rx = re.compile(
        r"(?<![\w-])"
        + first_letters_ahead([*_FRACTION_Q, *fr])  # a qualifier or a fraction opens it; see there
        + r"(?:("
        + "|".join(map(re.escape, sorted(_FRACTION_Q, key=len, reverse=True)))
        + r")\s+)?("
        + "|".join(map(re.escape, sorted(fr, key=len, reverse=True)))
        + r")\s+of\b",
        re.I,
    )
    out = {
        # the month "May" is no hedge ("in May 2023 China announced …"): the modal is lower case
        "hedged": re.compile(r"(?!(?-i:May)\b)" + rx(h["hedged"]).pattern, re.I),
        "firm": rx(h["firm"]),
        "pledge": rx(h["pledge_words"]),
        "non_party": rx(h["non_parties"]),
        "giver_heads": h["giver_heads"],
        "metric_rx": rx([c for c, _ in metric_cues]),
        "metric_of": {c.lower(): mm for c, mm in metric_cues},
        "growth": rx(m["growth_cues"]),
        "count_nouns": set(m["count_nouns"]),
        "fractions": fr,
        "frac_rx": frac_rx,
        "frac_scan": LiteralScan(frac_rx),  # tried only where a qualifier or a fraction stands
        "fraction_words": AnyOf(fr),
        # "trade has grown by a quarter over the past five years": a change told as a fraction
        "frac_by": LiteralScan(
            re.compile(
                # "… has risen to about a quarter": the level it reaches, told as a fraction too
                r"(?:\b(?:grown|grew|risen|rose|increased|decreased|fallen|fell|declined|expanded)\s+(?:by|to)\s+"
                # "the share … reached almost a quarter in January–August": a level, no "of" after it
                r"|\b(?:reached|reaches|stood\s+at|stands\s+at|amounted\s+to|amounts\s+to|makes\s+up|made\s+up)\s+"
                # "intend to increase freight traffic on the corridor by a quarter by 2030": a target
                r"|\b(?:to\s+(?:increase|raise|boost|grow|expand|cut|reduce|lift)|(?:had|has|have)\s+"
                r"(?:increased|raised|boosted|expanded|cut|reduced|lifted))\s+(?:[\w’'–-]+\s+){1,8}?by\s+)"
                r"(?:(about|nearly|almost|more\s+than|over|around|some)\s+)?("
                + "|".join(map(re.escape, sorted(fr, key=len, reverse=True)))
                # (not "half a billion dollars": a sum, no share)
                + r")\b(?!\s+of\b|\s+an?\s+(?:million|billion|trillion|thousand)\b)",
                re.I,
            ),
            starts=["grown", "grew", "risen", "rose", "increased", "decreased", "fallen", "fell", "declined",
                    "expanded", "to", "had", "has", "have", "reached", "reaches", "stood", "stands",
                    "amounted", "amounts", "makes", "made"],
        ),
        "giver_after": re.compile(giver + rf"{{0,6}}(?:{heads}))\b"),
        # ("…, the bank said it could provide …": a lower-case "the" opens it too)
        "giver_before": re.compile(giver.replace("|and|", "|the|and|", 1) + rf"{{1,6}}(?:{heads}))\b"),
        "programs": rx(progs),
        "pledge_noun": rx(h["pledge_nouns"]),
        "program_names": progs,
        # (a programme is the channel money goes through, never its giver: "under the Multiannual
        # Indicative Programme the EU allocates …" — the EU gives)
        "program_lower": tuple(
            sorted(
                {x.lower() for x in progs} - {x.lower() for x in data.load("programs").get("actors") or ()}
            )
        ),
    }
    # "… the EU has allocated", "… which the EBRD could provide": up to three words, then a pledge verb
    out["agent_verb"] = re.compile(
        r"(?:\s+[a-z]+){0,3}?\s+(?:"
        + out["pledge"].pattern
        + "|"
        + rx(h.get("agent_verbs") or []).pattern
        + ")",
        re.I,
    )
    # "Japanese ODA loan of", "Korean grant": a demonym right before a pledge noun (two words between)
    # "by the Saudi Fund for Development of loan agreements", "by Japan of a grant"
    out["of_pledge"] = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?" + out["pledge_noun"].pattern, re.I)
    out["demonym_pledge"] = re.compile(r"(?:\s+[\w-]+){0,2}?\s+" + out["pledge_noun"].pattern, re.I)
    # the same regexes tried only where one of their words opens (see interpret.scan)
    for k in ("pledge", "non_party", "metric_rx", "programs"):
        out[k + "_scan"] = LiteralScan(out[k])
    out["hedged_scan"] = LiteralScan(out["hedged"], starts=h["hedged"])  # each match opens with a word
    out["giver_heads_in"] = AnyOf(head_words)  # every giver_before / giver_after match ends in one
    out["same_in"] = AnyOf(["period"])  # every _SAME_PERIOD match says it
    out["rel_in"] = AnyOf(["past", "last", "next", "coming"])  # every _REL_PERIOD match says one
    out["since_in"] = AnyOf(["since"])  # every _SINCE match says it
    out["q_on_q"] = AnyOf(["quarter", "q/q", "qoq"])  # every _Q_ON_Q match says one
    out["present"] = rx(m.get("present_cues") or [])
    out["present_scan"] = LiteralScan(out["present"])
    return out


def _low_has(ctx: Context, word: str, lo: int, hi: int) -> bool:
    """Whether the lower-case `word` may stand in text[lo:hi] read case-blind: False only when the
    lower-cased text lines up with the text and lacks it there."""
    at = ctx.at
    if at is None or len(at.low) != len(ctx.text):
        return True
    return at.low.find(word, lo, hi) >= 0


def _tail(ctx: Context, scan: LiteralScan, part: str, end: int) -> re.Match | None:
    """`scan`'s `rx.search(part)` for a part of the text ending at `end`."""
    return scan.search_part(part, ctx.at, end - len(part))


_SEMI = re.compile(r"[;:]")
_WORDS = re.compile(r"[\w’'\-]+")
_OF = re.compile(r"\bof\b")
_RELATIVE = re.compile(r"\s*(?:[\w+-]+\s+){0,4}?(?:that|which)\b")
# a new clause, or what a reporting verb reports ("The Ministry said the ADB would lend …")
_SUBJECT_CUT = re.compile(
    r"\b(?:that|which|whereby|where|and|but|while|whereas|said|says|stated|noted|added|confirmed|reported)\s"
    r"|,\s+with\s(?=(?:the\s+)?(?:[A-Z][\w-]*\s+){1,4}\w+ing\b)"  # "…, with Germany adding €10 million"
    r"|\b[Aa]ccording\s+to\s+[^,;]{1,60},\s"  # "According to the Commission, the EU intends to …"
)
_REL_OPEN = re.compile(r",\s+(?:which|who)\s")
_REL_ASIDE = re.compile(r",\s+(?:which|who)\s[^,]*,")
_NEXT_CONJ = re.compile(r",?\s+(?:and|but|while|whereas)\s")
_CONTRAST = re.compile(r"\b(?:while|whereas|but)\s")
_AND_NEW_SUBJECT = re.compile(r",\s+and\s+((?:the\s+)?[A-Z])")
_AND_BUT_WHILE = re.compile(r"\b(?:and|but|while)\s")


def _first_clause(s: str) -> str:
    """`re.split(r"[;:]", s)[0]`."""
    m = _SEMI.search(s)
    return s[: m.start()] if m else s


# "grew by almost a quarter, by 23%", "about a third (34%)": the fraction restated as a percentage
_FRACTION_RESTATED = re.compile(
    r"\s*(?:,\s*(?:(?:by|or|i\.e\.|that\s+is|to)\s+)?|\(\s*|[–—-]\s*)"
    r"(?:(?:about|some|around|roughly|nearly|almost)\s+)?\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)",
    re.I,
)


def _fractions(ctx: Context) -> list[Amount]:
    """The text's fractions told as shares ("a third"), but not one restated right after as a
    percentage ("about a third (34%)": the percentage is the figure)."""
    return [a for a in _all_fractions(ctx) if not _FRACTION_RESTATED.match(ctx.text, a.span[1])]


def _all_fractions(ctx: Context) -> list[Amount]:
    lx = _lex()
    out = []
    for m in lx["frac_scan"].finditer(ctx.text, ctx.at):
        if re.search(
            r"\b(?:first|second|last|latter|former)\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I
        ):
            continue  # "the first half of 2023" is a period, not a share
        q = _FRACTION_Q.get(ignorecase_key(m.group(1) or ""), "exact")
        value = float(lx["fractions"][ignorecase_key(m.group(2))])
        out.append(Amount((m.start(), m.end(2)), m.group(0), value, None, "percent", q, None, True))
    # (every match names a fraction: most texts name none)
    for m in lx["frac_by"].finditer(ctx.text, ctx.at) if lx["fraction_words"].found(ctx.text, ctx.at) else ():
        q = _FRACTION_Q.get(re.sub(r"\s+", " ", ignorecase_key(m.group(1) or "")), "exact")
        value = float(lx["fractions"][ignorecase_key(m.group(2))])
        st = m.start(1) if m.group(1) else m.start(2)
        out.append(Amount((st, m.end(2)), ctx.text[st : m.end(2)], value, None, "percent", q, None, True))
    return out


_NUMBER_OF = re.compile(
    r"\b[Nn]umber\s+of\s+([\w’'\- ]{3,60}?)\s+(?:[\w’'\-]+\s+){0,6}?(?:exceeded|exceeds|reached|reaches|"
    r"passed|surpassed|topped|crossed|"
    r"rose\s+to|grew\s+to|grown\s+to|risen\s+to|increased\s+to|jumped\s+to|came\s+to|stood\s+at|stands\s+at|"
    r"totall?ed|"
    r"amounted\s+to|climbed\s+to|"
    # "… has grown from 38 to more than 90"
    r"(?:grown|grew|risen|rose|increased|jumped|climbed|fallen|fell|decreased|declined)\s+from\s+"
    r"\d[\d,.\u00a0\u202f ]*(?:\s+in\s+[^,;.]{4,30}?)?\s+to)"
    r"\s+(?:(?:more\s+than|over|about|some|nearly|almost)\s+)?$"
    # "… has brought the number of mutual trips to 1.2 million", "raise the number of flights to 40"
    r"|\b[Nn]umber\s+of\s+([\w’'\- ]{3,60}?)\s+to\s+$"
)


def _number_of(ctx: Context, a: Amount) -> str | None:
    """ "The number of Mongolian tourists … exceeded 23 400": the counted noun phrase."""
    s = ctx.sentence_at(a.span[0])
    lo = max(s.start, a.span[0] - 160)
    m = _NUMBER_OF.search(ctx.text[lo : a.span[0]]) if ctx.text.find("umber", lo, a.span[0]) >= 0 else None
    if not m and ctx.text.find("umber", lo, a.span[0]) >= 0:
        m = _NUMBER_OF.search(ctx.text[lo : _count_qualifier(ctx.text, a.span[0])[1]])
    if not m:
        return None
    phrase = m.group(0)[len(m.group(0)) - len(m.group(0).lstrip()) :]
    phrase = re.sub(r"^[Nn]umber\s+of\s+", "", phrase)
    # the counted noun phrase ends at its verb ("… tourists visiting Kazakhstan doubled last year and …")
    cut = re.search(
        r"\s+(?:\w+ed(?!\s+(?:in|at|by|from|with|to|for)\b)|grew|rose|fell|has|have|had|was|were|is|are|reached|"
        r"exceeded|exceeds|reaches|increased|jumped|climbed|came|stands|stood|amounted|totall?ed)\b",
        phrase,
    )
    return phrase[: cut.start()] if cut else (m.group(1) or m.group(2))


def _people_demonym(w: str) -> bool:
    """ "Turkmen", "Kazakhs": people named by their country."""
    return w[:1].isupper() and bool(demonym_country(w) or (w.endswith("s") and demonym_country(w[:-1])))


def _is_count_figure(ctx: Context, a: Amount) -> bool:
    after = ctx.text[a.span[1] : a.span[1] + 60]
    words = re.findall(r"[\w’'\-]+|\"|“|”", after)[:5]
    nouns = _lex()["count_nouns"]
    if any(w.lower() in nouns for w in words) or _pair_noun(words, nouns) is not None:
        return True
    # "more than 200 young Turkmen": people named by a demonym
    if any(_people_demonym(w) for w in words[:2]) and not re.match(r"\s*[A-Z]", after[:2]):
        return True
    if words and words[0].endswith("s") and _people_demonym(words[0]) and demonym_country(words[0][:-1]):
        return True  # "more than 50,000 Koreans live in the country": a people in the plural
    return _number_of(ctx, a) is not None


def _phrases_alt(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between their words."""
    return "|".join(re.escape(w.strip()).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# (every market_move_nouns entry holds one, in lower case; tested on the lowered window, as
# `_market_move_rx` is case-blind: "Shares rose 1.8%" opening a sentence)
_MARKET_WORDS = ("share", "stock", "bond", "securities", "yield")


# literals one of which every retraction cue or correction opener holds (data/figures.yaml): the
# whole-text guard of `_retracted`, read from the shared cue pass, which is case-sensitive: each
# also in capitals ("CLARIFICATION:", "ERRONEOUSLY"); a capital first letter is left out of each
_RETRACTION_GUARD = tuple(
    form
    for w in ("version", "edition", "reviously", "ncorrectly", "rroneously", "istakenly", "rongly",
              "isstated", "isreported", "isquoted", "in error", "orrect", "ditor's note", "larification")
    for form in (w, w.upper())
)


@lru_cache(maxsize=1)
def _retraction_lex() -> tuple[re.Pattern, re.Pattern]:
    fx = data.load("figures")
    return (
        re.compile(rf"(?<![\w-])(?:{_phrases_alt(fx['retraction_cues'])})(?![\w-])", re.I),
        # (an opener ending in a mark, "correction (", needs no word end after it)
        re.compile(
            rf"[\s(\[*_#>-]*(?:{_phrases_alt(fx['correction_openers'])})(?:(?<![\w-])|(?![\w-]))", re.I
        ),
    )


def _retraction_cues(ctx: Context) -> list[int]:
    """Where each retraction cue and each sentence a correction opener opens ends, sorted (one search
    per text, none without a guard word)."""
    ends = ctx.memo.get("retraction_cues")
    if ends is None:
        ends = []
        if any(ctx.cue[w] for w in _RETRACTION_GUARD):
            cue_rx, opener = _retraction_lex()
            ends = [m.end() for m in cue_rx.finditer(ctx.text)]
            ends += [m.end() for s in ctx.sentences if (m := opener.match(ctx.text, s.start, s.end))]
            ends.sort()
        ctx.memo["retraction_cues"] = ends
    return ends


def _retracted(ctx: Context, a: Amount, s) -> bool:
    """An amount of a news correction: after a retraction cue of its sentence ("An earlier version …
    said the loan was EUR 1.5 billion"), or in a correction line ("Corrects amount to EUR 150 million
    from EUR 1.5 billion"). The old value the text withdrew is no record and no flag; the right one,
    told again there, is the body's record already."""
    ends = _retraction_cues(ctx)
    if not ends:
        return False
    k = bisect_right(ends, a.span[0])
    return k > 0 and ends[k - 1] >= s.start


@lru_cache(maxsize=1)
def _market_move_rx() -> re.Pattern:
    fx = data.load("figures")
    nouns, verbs = _phrases_alt(fx["market_move_nouns"]), _phrases_alt(fx["market_move_verbs"])
    return re.compile(
        rf"(?<![\w-])(?:{nouns})\s+(?:\w+\s+){{0,2}}?(?:{verbs})"
        r"\s+(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|as\s+much\s+as\s+)?$",
        re.I,
    )


def _market_move(ctx: Context, a: Amount, s) -> bool:
    """ "KEGOC shares rose 1.8% after the announcement", "the bank's share price fell by about 3
    percent": the move of a listed company's stock (or of bonds), told as market news."""
    lo = max(s.start, a.span[0] - 60)
    left = ctx.text[lo : a.span[0]]
    low = left.lower()
    if not any(w in low for w in _MARKET_WORDS):
        return False
    return bool(_market_move_rx().search(left))


_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?(?=[ \t]+[A-Z])")
_LINE_LEAD = re.compile(r"[ \t#*>_-]*")


def _section_number(ctx: Context, a: Amount) -> bool:
    """ "3.3 The Minister informed Members …", "2.1. Members noted …": the number of a numbered
    paragraph or section at the start of its line (a dotted number there is no count)."""
    if "." not in ctx.text[a.span[0] : a.span[1]]:
        return False
    line_start = ctx.text.rfind("\n", 0, a.span[0]) + 1
    # (the number alone, a sentence opening after it: not "- 2.5 million tourists visited …")
    m = _SECTION_NUMBER.match(ctx.text, a.span[0])
    return bool(m and m.end() >= a.span[1] and _LINE_LEAD.fullmatch(ctx.text, line_start, a.span[0]))


def _pair_noun(words: list[str], nouns) -> int | None:
    """Where a two-word counted noun ("member states": not "states" alone, "the two states") ends."""
    return next(
        (k + 1 for k in range(len(words) - 1) if f"{words[k]} {words[k + 1]}".lower() in nouns), None
    )


@lru_cache(maxsize=1)
def _count_q() -> tuple[re.Pattern, dict[str, str]]:
    """The qualifier phrases of data/numbers_cues.yaml ("no fewer than", "in the region of") as they
    stand right before a bare count, and what each means."""
    quals = {k.lower(): v for k, v in data.load("numbers_cues")["qualifiers"].items() if k[:1].isalpha()}
    return re.compile(rf"(?<![\w-])({_phrases_alt(quals)})\s+$", re.I), quals


def _count_qualifier(text: str, start: int) -> tuple[str, int]:
    """The qualifier before the count at `start` (normalised) and where it opens."""
    if not start or not text[start - 1].isspace():
        return "exact", start  # (every match ends in white space: sre's \s is str.isspace)
    rx, quals = _count_q()
    q = rx.search(text, max(0, start - 24), start)
    if not q:
        return "exact", start
    return _q(quals.get(re.sub(r"\s+", " ", q.group(1).lower()), "about")), q.start()


_DURATIONS = frozenset(
    ("year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades")
)


def _counts_before_nouns(ctx: Context) -> list[Amount]:
    """Counts the money grammar leaves out because an adjective stands between the number and the
    counted noun ("25 joint projects", "33 hard infrastructure investment needs")."""
    from ..annotate.numbers import find_numbers, is_year_like, parse_number

    lx = _lex()
    taken = [a.span for a in ctx.amounts] + [d.span for d in ctx.dates] + [o.span for o in ctx.ordinals]
    overlaps = _overlap_test(taken)
    out = []
    for start, end, num in find_numbers(ctx.text):
        if overlaps(start, end):
            continue
        if not num[:1].isdigit() or is_year_like(num) or ctx.text[end : end + 1] in "%-/:":
            continue
        if start and ctx.text[start - 1].isalpha():
            continue  # "H2 hydrogen", "CO2", "A320": the digit belongs to a code
        line_start = ctx.text.rfind("\n", 0, start) + 1
        if ctx.text[end : end + 2] in (". ", ") ") and not ctx.text[line_start:start].strip():
            continue  # "5. The number of countries …": the number of a numbered paragraph
        window = ctx.text[end : end + 60]
        if "|" in window or "\n" in window:
            # (not across a table cell or a line: "| 2 910 | 118.8 |\n| Container trains |")
            window = re.split(r"[|\n]", window, maxsplit=1)[0]
        words = _WORDS.findall(window)[:4]
        sent = ctx.sentence_at(start)
        lo = max(sent.start, start - 160)
        # (the qualifier is read only where it is used: its case-blind search of the 24 characters
        # before is the dearest test here, and most numbers are dropped before it counts)
        qual = None
        if (
            (
                ctx.text.find("umber", lo, start) >= 0  # every _NUMBER_OF match says "[Nn]umber"
                # (with the qualifier read apart: "reached no fewer than 3,000")
                and (
                    _NUMBER_OF.search(ctx.text[lo:start])
                    or _NUMBER_OF.search(ctx.text[lo : (qual := _count_qualifier(ctx.text, start))[1]])
                )
            )
            and not re.match(
                r"\s*(?:[%$€£]|per\s*cent\b|percent\b|tonnes?\b|tons?\b|km\b|kilomet\w+|mln\b|million\b|"
                r"billion\b|bn\b|[A-Z]{3}\b)",
                ctx.text[end : end + 14],
            )
        ):
            try:
                value = float(parse_number(num))
            except (ValueError, ArithmeticError):
                continue
            if re.search(
                r"\b(?:exceeded|exceeds|surpassed|topped|passed|crossed)\s+$",
                ctx.text[max(0, start - 14) : start],
            ):
                q = "more than"
            else:
                q = (qual or _count_qualifier(ctx.text, start))[0]
            out.append(Amount((start, end), num, value, None, "count", q, None, True))
            continue  # "the number of tourists … exceeded 23 400."
        if len(words) < 2 or words[0].lower() in lx["count_nouns"]:
            continue  # a number right before its noun is the grammar's call
        if words[0].lower() in _DURATIONS:
            continue  # "30 years of projects": a duration, no count of projects
        if not any(w.lower() in lx["count_nouns"] for w in words[1:]):
            continue
        try:
            value = float(parse_number(num))
        except (ValueError, ArithmeticError):
            continue
        defined = re.search(r"\b(?:the|both|all|these|those)\s+$", ctx.text[max(0, start - 8) : start], re.I)
        if defined and not _the_n_that(ctx, start, end, value):
            continue
        q = (qual or _count_qualifier(ctx.text, start))[0]
        out.append(Amount((start, end), num, value, None, "count", q, None, True))
    return out


_THE_N_THAT = re.compile(r"\s+(?:[\w’'-]+\s+){0,5}?(?:that|which)\s+(?!(?:is|are|was|were)\b)\w")


def _the_n_that(ctx: Context, start: int, end: int, value: float) -> bool:
    """ "It brings the 34 bilateral air services agreements that Kazakhstan holds …": "the" before a
    count that a relative clause defines tells how many such things there are (not "the two sides",
    a reference to ones just named)."""
    if ctx.text[max(0, start - 4) : start].lower() != "the ":
        return False
    return value >= 3 and bool(_THE_N_THAT.match(ctx.text, end, min(len(ctx.text), end + 80)))


def _overlap_test(spans: list[tuple[int, int]]):
    """`f(start, end)`: whether some span (a, b) has `a <= start < b or start <= a < end` — by
    bisection over the spans sorted by start, with the running maximum of their ends."""
    spans = sorted(spans)
    opens = [a for a, _b in spans]
    reach: list[int] = []  # reach[i]: the largest end among spans[: i + 1]
    for _a, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(opens, start)
        if i < len(opens) and opens[i] < end:
            return True  # a span opens inside [start, end)
        j = bisect_right(opens, start)
        return j > 0 and reach[j - 1] > start  # a span opening at or before start reaches past it

    return overlaps


_ONE_IN = re.compile(
    r"\b(?:(about|around|roughly|some|nearly|almost|more\s+than|over|less\s+than)\s+)?"
    r"(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?(two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\b",
    re.I,
)
_ONE_IN_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10}


@lru_cache(maxsize=1)
def _one_in_scan() -> LiteralScan:
    return LiteralScan(_ONE_IN)


def _one_in(ctx: Context) -> list[Amount]:
    """ "roughly one in five companies", "one out of every ten": a share told as a ratio (percent)."""
    out = []
    for m in _one_in_scan().finditer(ctx.text, ctx.at):
        n = _ONE_IN_N.get(m.group(2).lower()) or int(m.group(2))
        q = _FRACTION_Q.get(re.sub(r"\s+", " ", ignorecase_key(m.group(1) or "")), "exact")
        out.append(Amount(m.span(), m.group(0), round(100 / n, 1), None, "percent", q, None, True))
    return out


def interpret_amounts(ctx: Context) -> tuple[list[Figure], list[Pledge]]:
    ratios = _one_in(ctx)
    told = list(ctx.amounts) + _counts_before_nouns(ctx)
    if ratios:  # "one in five companies": not a count of five
        told = [x for x in told if not any(r.span[0] <= x.span[0] < r.span[1] for r in ratios)]
    amounts = sorted(told + ratios + _fractions(ctx), key=lambda a: a.span)
    figures: list[Figure] = []
    pledges: list[Pledge] = []
    last_pledge: _Pending | None = None
    last_money: tuple[Figure, int, int] | None = None  # the last money figure, its paragraph and sentence
    prev_money_fig: Figure | None = None
    scope_end = -1  # end of the last count read as a project's scope ("construction of 2 hospitals")
    same_later: set = set()  # spans of figures "over the same period" whose period comes later
    title_totals: set = set()  # spans of a title's totals (see _headline_total)
    i = 0
    while i < len(amounts):
        a = amounts[i]
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        if (
            nxt
            and a.value in (1.0, 10.0, 100.0, 1000.0)  # (the unit side of a rate: "$1", "100 roubles")
            and _RATE_EQUALS.fullmatch(ctx.text, a.span[1], nxt.span[0])
            and a.unit not in ("percent", "count")
            and nxt.unit not in ("percent", "count")
        ):
            i += 2  # "($1 = 505 tenge)", "1 EUR = 1.17 USD": an exchange rate, neither amount a figure
            continue
        stated = None
        if (
            nxt
            and _converted(ctx.text, a, nxt)
            and nxt.unit not in ("percent", "count")
            and a.unit not in ("percent", "count")  # "in three regions (USD 45 million)": no conversion
        ):
            stated = nxt
            i += 1
        i += 1
        if ctx.is_heading(a.span[0]) or ctx.in_headline(a.span[0]):
            if not _headline_total(ctx, a, amounts):
                continue
            title_totals.add(a.span)
        s = ctx.sentence_at(a.span[0])
        si = ctx.sentence_index(a.span[0])
        if _retracted(ctx, a, s):
            continue  # "An earlier version of this story said the loan was EUR 160 million"
        money = a.unit not in ("percent", "count")
        if a.unit == "count" and _project_scope(ctx, a, scope_end):
            scope_end = a.span[1]
            continue
        if a.unit == "count" and (
            not _is_count_figure(ctx, a)
            or (a.value == 2.0 and _two_parties(ctx, a))
            # "[3] Global Gateway Investors Forum, Brussels": a footnote's mark, no count
            or (ctx.text[a.span[0] - 1 : a.span[0]] == "[" and ctx.text.startswith("]", a.span[1]))
            # "the Kambarata-1 hydropower project", "Rogun-2 units": the number of a name, no count
            or (
                ctx.text[a.span[0] - 1 : a.span[0]] in ("-", "\u2011")
                and ctx.text[a.span[0] - 2 : a.span[0] - 1].isalpha()
            )
            or _in_pledge_purpose(ctx, a, last_pledge, si)
            or _section_number(ctx, a)
            or (
                re.search(
                    r"\b(?:the|both|all|these|those)\s+$", ctx.text[max(0, a.span[0] - 8) : a.span[0]], re.I
                )
                and not _the_n_that(ctx, a.span[0], a.span[1], a.value)
            )
            or _spelled_out(ctx, a, s)
        ):
            continue
        if a.unit == "percent" and _share_of_pledge(ctx, a, last_pledge, si):
            continue
        if a.unit == "percent" and _market_move(ctx, a, s):
            continue  # "KEGOC shares rose 1.8% on the exchange": a stock's move, no figure
        if money and _EQUIVALENT.search(ctx.text, max(s.start, a.span[0] - 40), a.span[0]):
            continue  # "The loan, equivalent to about 5.9 billion som at today's rate, …": the same money
        if money and not _running_total(ctx, a, s):
            p = _as_pledge(ctx, a, s, stated, last_pledge, si)
            if p is None:
                p = _table_pledge(ctx, a)
                if p is not None and any(
                    (q.by, q.amount, q.currency) == (p.by, p.amount, p.currency) for q in pledges
                ):
                    continue  # a table row listing a loan the text has told already
            if p is not None:
                pledges.append(p)
                last_pledge = _Pending(p, si)
                continue
        if money and _restated(ctx, a, s, figures):
            continue
        if _hypothetical(ctx, a, s) or (money and _unit_price(ctx, a, s)):
            continue
        fig = _as_figure(ctx, a, s, prev_money_fig, last_money)
        if fig is None:
            continue
        goal = _goal_metric(ctx, a, s, fig.metric)
        if goal != fig.metric:
            fig = fig.model_copy(update={"metric": goal})
        if fig.qualifier == "exact" and fig.value_max is None and _TRAIL_MORE.match(ctx.text, a.span[1]):
            # "USD 5 billion-plus", "1,000 companies or more": a lower bound told after the number
            fig = fig.model_copy(update={"qualifier": "more than"})
        if fig.qualifier == "exact" and "(" in s.text and _BRACKET_APPROX.search(ctx.text, a.span[1], s.end):
            # "**34%** — the EU's share of Kazakhstan's exports in 2025 (about)": a fact sheet's mark
            fig = fig.model_copy(update={"qualifier": "about"})
        if fig.unit == "percent" and fig.value < 0 and fig.metric.endswith("growth"):
            reduced = _reduced_quantity(ctx, a, s)
            if reduced:
                # "journey times are expected to fall by up to 30%": a reduction of 30%, not a growth
                lo, hi = (-fig.value_max, -fig.value) if fig.value_max is not None else (-fig.value, None)
                fig = fig.model_copy(update={"value": lo, "value_max": hi, "metric": reduced})
        if fig.period is None and fig.unit == "percent" and fig.metric.endswith("growth"):
            after_base = _after_base(ctx, s)
            if after_base:
                # "Trade was up 9% compared with 2023": the change of the year after its base
                fig = fig.model_copy(update={"period": after_base})
        if fig.period and _YEAR_SPAN.fullmatch(fig.period):
            # "Between 2015 and 2024 trade grew by 45% to $4 billion": the level reached (and the
            # change that reaches it) is of the span's last year, the level it started from of its first
            end = _span_end_of_change(ctx, a, s)
            if end is not None:
                fig = fig.model_copy(update={"period": fig.period.split("/")[end]})
        if money and fig.period and len(fig.period) == 4 and _spent_by(ctx, a, s, fig.period):
            # "KTZ Express intends to invest up to 15 billion tenge … by 2028": a sum spent from now
            # until then, not a level reached in that year ("trade of $10 billion by 2030")
            fig = fig.model_copy(update={"period": f"{_pub_year(ctx)}/{fig.period}"})
        if fig.period and len(fig.period) == 4 and _until_year(ctx, s, fig.period):
            # "Demand is projected to grow by roughly 7 percent a year until 2030": from now to then
            fig = fig.model_copy(update={"period": f"{_pub_year(ctx)}/{fig.period}"})
        if fig.period is None and _from_now_to_target(ctx, a, s):
            # "cut losses from 17% to about 11% by 2031": the value it starts from is today's
            fig = fig.model_copy(update={"period": str(_pub_year(ctx))})
        if fig.period is None and (money or _money_in_clause(ctx, a, s)) and _present_state(ctx, a, s):
            # (a count told with a sum in its clause, "its portfolio has reached $15 billion across 14
            # projects", "which comprises 11 projects worth USD 280 million", stands as the sum does)
            # (a count "now operating" keeps no period: the dev convention, unlike a sum to date)
            fig = fig.model_copy(update={"period": str(_pub_year(ctx))})
        if (
            fig.period is None
            and not money
            and last_money is not None
            and last_money[0].period
            and last_money[1] == s.paragraph
            and last_money[2] == si - 1
            and _AMOUNT_BACK.match(ctx.text, s.start, s.end)
        ):
            # "… invested €1.1 billion in January–September 2025. The amount was spread over 24
            # projects, 80% of them …": a sentence about that sum counts within its period
            fig = fig.model_copy(update={"period": last_money[0].period})
        if fig.period is None and si > 0 and _IT_BACK.match(ctx.text, s.start):
            # "In 2025, EU investment in Uzbekistan doubled. It reached USD 2 billion": the sentence
            # goes on about what the one before told, and of its period
            fig = fig.model_copy(update={"period": _period_before(ctx, s, si)})
        year_back = _YEAR_BACK.match(ctx.text, a.span[1])
        if year_back and money:
            # "$3.4 billion in January–May, up from $2.9 billion in the same period last year"
            ref = next((f for f in reversed(figures) if f.span and f.span[0] >= s.start and f.period), None)
            if ref is not None:
                shifted = _shift_years(ref.period, -1)
                fig = fig.model_copy(update={"period": shifted})
            else:
                # "Exports rose to USD 27.9 billion, against USD 26.3 billion a year earlier", the first
                # sum of the release's period: a year back from it, once it has it
                undated = [f for f in figures if f.span and f.span[0] >= s.start and f.unit == fig.unit]
                if undated:
                    ctx.memo.setdefault("year_earlier", {})[a.span[0]] = undated[-1].span
        elif _same_period_of(ctx, a, s):
            # "… over the same period": the period of the figure told just before
            before = [f for f in figures if f.period and f.span and f.span[0] < s.start]
            # (in its paragraph, or the paragraph before: "… in the first ten months. ¶ … over the period")
            if before and 0 <= s.paragraph - ctx.sentence_at(before[-1].span[0]).paragraph <= 1:
                fig = fig.model_copy(update={"period": before[-1].period})
            elif fig.period is None:
                same_later.add(fig.span)  # once the figures before it have their periods
        figures.append(fig)
        if stated is not None and money and stated.known_currency:
            # "The investment is estimated at USD 1.35 billion (approximately KZT 650 billion)", "…
            # about USD 250 million, or KZT 120 billion at the current exchange rate": the same sum in
            # another currency, a figure of its own (a pledge keeps it in `amount_usd_stated`)
            q = stated.qualifier if stated.qualifier != "exact" else fig.qualifier
            figures.append(
                fig.model_copy(
                    update={"value": stated.value, "value_max": stated.value_max, "unit": stated.unit,
                            "qualifier": q, "span": stated.span}
                )
            )
        if money:
            prev_money_fig = fig
            last_money = (fig, s.paragraph, si)
    if title_totals:
        figures = _title_totals(figures, title_totals)
    figures += _year_earlier_counts(ctx, figures)
    # (cheap tests first: the regex, opened by "\b", is tried at every character; each match says
    # "twice" or "times")
    if (ctx.cue[" met "] or ctx.cue["convened"]) and (ctx.cue["twice"] or ctx.cue["times"]):
        figures += _times_met(ctx)
    figures += _compared_counts(ctx, figures)
    if ctx.cue["|"]:  # statistics tables: bare number cells under a header that states the unit
        figures, cells = table_figures(ctx, figures)
        figures += cells
    figures += _table_counts(ctx, figures)
    figures = _table_repeats(ctx, figures)
    release = _release_period(ctx)
    if release:
        # a release about one period ("Foreign trade … in January–September 2025", its first
        # paragraph opening "In January–September 2025, …"): a figure that states no period of its
        # own is of that period
        lead = ctx.sentence_at(max(0, ctx.lead_end - 1)).start
        figures = [
            f.model_copy(update={"period": release})
            if f.period is None
            and f.span
            and f.span[0] >= lead
            and not ctx.is_heading(f.span[0])
            and not _PRESENT_TENSE.search(ctx.sentence_at(f.span[0]).text)  # "3,000 EU firms operate"
            else f
            for f in figures
        ]
    figures = _carried_periods(ctx, figures)
    if ctx.memo.get("year_earlier"):
        # a count compared with "a year earlier" whose count took its period only now (from the
        # release or the flows before): a year back from it
        figures = _year_earlier_periods(ctx, figures)
    if ctx.cue["here w"] or ctx.cue["here had"]:
        figures += _elliptic_counts(ctx, figures)
    for k, f in enumerate(figures):
        if f.span not in same_later or f.period is not None:
            continue
        s = ctx.sentence_at(f.span[0])
        before = [x for x in figures if x.period and x.span and x.span[0] < s.start]
        last = max(before, key=lambda x: x.span[0]) if before else None
        if last is not None and 0 <= s.paragraph - ctx.sentence_at(last.span[0]).paragraph <= 1:
            figures[k] = f.model_copy(update={"period": last.period})
    if pledges and ctx.cue[":"]:
        pledges = _package_programs(ctx, pledges)
        figures, pledges = _box_repeats(ctx, figures, pledges)
    if len(pledges) > 1:
        pledges = _summary_repeats(ctx, pledges)
    # (the sections only drop figures: none, nothing to look for)
    boiler = _boilerplate(ctx.text, ctx.at.low if ctx.at is not None else "") if figures else []
    if boiler:
        figures = [
            f
            for f in figures
            if not f.span
            or not any(
                a <= f.span[0] < b and not (about and _about_a_partner(ctx, f.span[0], a))
                for a, b, about in boiler
            )
        ]
    return _told_once(ctx, figures, pledges), pledges


# a fact box's item: "- ADB loan: $250 million", "* Government of Uzbekistan: $48.6 million"
_BOX_ITEM = re.compile(r"[ \t]*(?:[-*•▪–]|\d{1,2}[.)])[ \t]+[^:\n]{2,80}:[^\n]*$")


# "realistic if non-oil exports keep growing at 15–20% a year", "unless trade falls by 10%": a number
# in a condition tells what might be, no figure ("even if", "if not" are no conditions)
_IF_CLAUSE = re.compile(r"\b(?:[Ii]f|[Uu]nless)\s+(?!not\b)[^,;:()\n]{0,90}$")


def _hypothetical(ctx: Context, a: Amount, s) -> bool:
    """Whether the amount stands in an "if" or "unless" clause of its sentence (`_IF_CLAUSE`), not
    one of a concession or a question (data/figures.yaml `if_not_condition`: "even if", "asked if")."""
    lo = max(s.start, a.span[0] - 90)
    t, end = ctx.text, a.span[0]
    if t.find("if ", lo, end) < 0 and t.find("If ", lo, end) < 0 and t.find("nless ", lo, end) < 0:
        return False
    m = _IF_CLAUSE.search(ctx.text, lo, a.span[0])
    if m is None:
        return False
    before = ctx.text[max(s.start, m.start() - 16) : m.start()].split()
    return not (before and before[-1].lower() in _figure_lex()["if_not"])


def _unit_price(ctx: Context, a: Amount, s) -> bool:
    """ "reduces the visa fee to EUR 35 instead of the standard EUR 90", "a fee of USD 20 per
    container": a small sum a fee or charge is set at is a term of a rule, no figure of the
    partnership (data/figures.yaml `price_nouns`)."""
    if a.value >= 1000:
        return False
    lo = max(s.start, a.span[0] - 80)
    m = _figure_lex()["price"].search(ctx.text, lo, a.span[0])
    return m is not None and not _SEMI.search(ctx.text, m.end(), a.span[0])


_TOTAL_LEAD = re.compile(
    r"\b(?:worth|totall?ing|valued\s+at|total(?:\s+of)?)\s+(?:about\s+|some\s+|over\s+)?$", re.I
)


def _title_totals(figures: list[Figure], spans: set) -> list[Figure]:
    """A title's total stays a figure only when it is the sum of figures the body tells (investments,
    not pledges: the sum of a grant and a loan is told by the pledges themselves)."""
    keep = []
    for f in figures:
        if f.span not in spans:
            keep.append(f)
            continue
        parts = [x.value for x in figures if x.unit == f.unit and x.span not in spans and x.value < f.value]
        parts = parts[:10]
        if any(
            abs(sum(parts[i] for i in range(len(parts)) if mask >> i & 1) - f.value) <= 0.02 * f.value
            for mask in range(3, 1 << len(parts))
            if mask & (mask - 1)  # (two parts or more)
        ):
            keep.append(f)
    return keep


# "USD 5 billion-plus", "EUR 2 billion or more", "1,000 firms and above": a lower bound after the number
_TRAIL_MORE = re.compile(
    r"(?:-plus\b|\+(?![\d\w])|(?:\s+[\w-]+)?\s+(?:or|and)\s+(?:more|above|over)\b"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:in|for|during|since|last|this|a\s+year|each|every|per|were|are|is|was)\b))"
)


# a sentence that opens on what the one before told, in the past: "It reached …", "The figure stood at …"
_IT_BACK = re.compile(
    r"\s*(?:It|They|This|That|The\s+figure|This\s+figure|That\s+figure)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:reached|stood|amounted|totall?ed|was|were|rose|grew|fell|came|climbed|increased|decreased|declined)\b"
)


def _period_before(ctx: Context, s, si: int) -> str | None:
    """The one statistical period (a year or months, no day) the sentence before `s` tells, in its
    paragraph."""
    prev = ctx.sentences[si - 1]
    if prev.paragraph != s.paragraph:
        return None
    rels, dated = _sentence_periods(ctx, prev)
    vals = {c[2] for d, base, c in dated if not base} | {r for _p, r in rels}
    if len(vals) != 1:
        return None
    (val,) = vals
    year = _pub_year(ctx)
    if not _STAT_PERIOD.fullmatch(val) and not _YEAR_SPAN.fullmatch(val) or (year and int(val[:4]) > year):
        return None
    return val


def _headline_total(ctx: Context, a: Amount, amounts: list) -> bool:
    """ "Kazakhstan signs agreements on wind farm and hydrogen pilot worth $1.6 billion" over a body
    that tells $1.35 billion and $250 million: a total the title alone states (the body tells only
    its parts) is a figure; one the body restates is told there."""
    if a.unit in ("percent", "count") or a.span[0] >= ctx._title_end:
        return False
    if not _TOTAL_LEAD.search(ctx.text, max(0, a.span[0] - 30), a.span[0]):
        return False
    body = [x for x in amounts if x.unit == a.unit and x.span[0] >= ctx.lead_end - 1 and x is not a]
    return bool(body) and not any(abs(x.value - a.value) <= 0.05 * a.value for x in body)


def _box_repeats(ctx: Context, figures: list[Figure], pledges: list[Pledge]) -> tuple[list, list]:
    """A summary box ("Financing at a glance" with "- ADB loan: $250 million", "- AIIB: up to $100
    million (under consideration)") lists the money the prose tells as pledges: the same amount in
    such an item is that pledge again, neither a figure nor a pledge of its own."""

    def in_item(pos: int) -> bool:
        line = ctx.text.rfind("\n", 0, pos) + 1
        return _BOX_ITEM.match(ctx.text[line:pos]) is not None

    told = {(round(p.amount, 2), p.currency) for p in pledges if p.span and not in_item(p.span[0])}
    if not told:
        return figures, pledges
    figures = [
        f
        for f in figures
        if not (f.span and (round(f.value, 2), f.unit) in told and in_item(f.span[0]))
    ]
    pledges = [
        p for p in pledges if not (p.span and (round(p.amount, 2), p.currency) in told and in_item(p.span[0]))
    ]
    return figures, pledges


def _summary_repeats(ctx: Context, pledges: list[Pledge]) -> list[Pledge]:
    """A release's summary bullets ("- EIB signs EUR 180 million loan to finance …", "- EIB ready to
    provide a further EUR 60 million …") tell the pledges its prose tells again: a bulleted pledge of
    the giver, amount and currency of one told in a paragraph is that pledge, told once (the prose
    one, with its date and purpose)."""

    def bulleted(p: Pledge) -> bool:
        line = ctx.text.rfind("\n", 0, p.span[0]) + 1
        return _ITEM.match(ctx.text, line) is not None

    marks = [bool(p.span) and bulleted(p) for p in pledges]
    if not any(marks):
        return pledges
    prose = {(p.by, round(p.amount, 2), p.currency) for p, m in zip(pledges, marks, strict=True) if not m}
    return [
        p
        for p, m in zip(pledges, marks, strict=True)
        if not (m and (p.by, round(p.amount, 2), p.currency) in prose)
    ]

@lru_cache(maxsize=1)
def _figure_lex() -> dict:
    fx = data.load("figures")
    heads = sorted(
        (h for h in fx["boilerplate_headings"] if not h.startswith("about")), key=len, reverse=True
    )
    cues = sorted({c.lower() for c in fx["link_cues"]}, key=len)
    link_keys = tuple(c for c in cues if not any(k != c and k in c for k in cues))
    return {
        # the link cues none of which holds another ("related", not also "related news"), to look for
        "link_keys": link_keys,
        # the same, found by the text's shared openings pass (interpret.scan) instead of a search each
        "link_any": AnyOf(link_keys),
        # a heading line: "About ADB", "## About the EBRD", "Notes to editors:" (no number, no full stop)
        "boiler": re.compile(
            r"^[ \t#*_]*(?:about(?:\s+[A-Za-z&’'.-]+){1,6}?|"
            + "|".join(re.escape(h) for h in heads)
            + r")[ \t*_:]*$",
            re.I | re.M,
        ),
        "note_inline": re.compile(
            r"^[ \t#*_]*(?:" + "|".join(re.escape(h) for h in fx["note_headings"])
            + r")[ \t*_]*:[ \t*_]*(?=\S)",
            re.I | re.M,
        ),
        "links": re.compile(
            r"^[ \t#*_>•-]*(?:"
            + "|".join(map(re.escape, sorted(fx["link_cues"], key=len, reverse=True)))
            + r")\b[ \t*_]*(?P<sep>[:|–—-]|$)",
            re.I | re.M,
        ),
        "if_not": frozenset(w.lower() for w in fx["if_not_condition"]),
        "price": re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(fx["price_nouns"], key=len, reverse=True))) + r")\b",
            re.I,
        ),
        "parties": re.compile(
            r"\s+(?:" + "|".join(map(re.escape, fx["party_nouns"])) + r")\b(?!\s+of\b)", re.I
        ),
    }


def _about_a_partner(ctx: Context, pos: int, head: int | None = None) -> bool:
    """A number in an "About …" section whose sentence names a country or city ("To date the EBRD has
    invested EUR 4 billion in Uzbekistan"), or under a heading that names one ("About the World Bank
    in Uzbekistan"), is still a figure of the partnership; the institution's general facts ("owned by
    69 members", "7,000 projects") are not."""
    s = ctx.sentence_at(pos)
    # (not the EU itself: "owned by 77 countries, the European Union and the EIB" tells the owners)
    places = ctx.places_in(s.start, s.end)
    if any(p.kind in ("country", "city") and p.name != "European Union" for p in places):
        return True
    if head is None:
        return False
    line_end = ctx.text.find("\n", head)
    line_end = len(ctx.text) if line_end < 0 else line_end
    return any(p.kind == "country" and p.name != "European Union" for p in ctx.places_in(head, line_end))


def _boilerplate(text: str, low: str = "") -> list[tuple[int, int, bool]]:
    """The spans of the standing "About …" sections of a release: from such a heading to the end of
    the paragraph under it; and of links to other articles ("Read also: …" to the end of its line,
    "Related news" alone on its line to the end of the list under it); and of a note told inline
    ("Note to editors: The EBRD is …", to the end of its paragraph). The flag is true for an "About …"
    section or a note (whose numbers about a named partner stay figures), false for links. `low`:
    the text with its ASCII letters lower-cased (`scan.lowered`), when the caller has it."""
    out = []
    if len(low) != len(text):
        low = text.lower()
    # (a cue in the lower-cased text first: "read" alone is in "already", "more " in most texts)
    at = openings(text)  # (the context's: the caller passes its lowered text as `low`)
    found = _figure_lex()["link_any"].positions(at) if low == at.low else None
    if found is None:
        found = any(cue in low for cue in _figure_lex()["link_keys"])
    if found:
        for m in _figure_lex()["links"].finditer(text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            if m.group("sep") == "" or not text[m.end() : line_end].strip():
                end = text.find("\n\n", m.end() + 1)
                out.append((m.start(), len(text) if end < 0 else end, False))
            else:
                out.append((m.start(), line_end, False))
    if "bout" not in low and "ditors" not in low and "ontact" not in low:  # ("ABOUT AIFC" too)
        return out
    for m in _figure_lex()["note_inline"].finditer(text):
        # "Note to editors: The EBRD is a multilateral bank owned by …": the note runs on its line
        end = text.find("\n\n", m.end())
        out.append((m.start(), len(text) if end < 0 else end, True))
    for m in _figure_lex()["boiler"].finditer(text):
        if m.group(0).rstrip().endswith("."):
            continue
        body = m.end()
        while body < len(text) and text[body] in " \t\n":
            body += 1
        end = text.find("\n\n", body)
        out.append((m.start(), len(text) if end < 0 else end, True))
    return out


def _two_parties(ctx: Context, a: Amount) -> bool:
    """"between two countries", "representatives of two states": the two parties of the relation,
    written as a number (as translations write "the two countries"), no count."""
    return bool(_figure_lex()["parties"].match(ctx.text, a.span[1]))


_SPEND_VERB = re.compile(
    r"\b(?:invest|invests|investing|spend|spends|spending|disburse|disburses|inject|injects|pour|pours)\b"
    r"[^.;:]{0,50}$",
    re.I,
)


_UNTIL = re.compile(r"\b(?:until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b", re.I)


def _until_year(ctx: Context, s, year: str) -> bool:
    """Whether sentence `s` runs a span "until <year>" (a later year than the one of writing)."""
    pub = _pub_year(ctx)
    if pub is None or int(year) <= pub or ("ntil" not in s.text and "till" not in s.text
                                           and "hrough" not in s.text and "up to" not in s.text):
        return False
    return any(m.group(1) == year for m in _UNTIL.finditer(s.text))


def _spent_by(ctx: Context, a: Amount, s, year: str) -> bool:
    """Whether the amount is a sum to be invested or spent "by <year>" (a later year than the one of
    writing): its clause's verb before it, "by <year>" after it."""
    pub = _pub_year(ctx)
    if pub is None or int(year) <= pub:
        return False
    if not _SPEND_VERB.search(ctx.text, max(s.start, a.span[0] - 70), a.span[0]):
        return False
    tail = ctx.text[a.span[1] : s.end]
    return bool(re.search(rf"^[^.;]{{0,80}}?\bby\s+(?:the\s+end\s+of\s+)?{year}\b", tail))


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d/(?:19|20)\d\d")
_CHANGE_TO = re.compile(
    r"\b(?:grew|grown|grow|rose|risen|increased|climbed|doubled|tripled|jumped|expanded|fell|fallen|"
    r"declined|decreased|dropped|contracted|went\s+up|gone\s+up)\b[^.;:]{0,60}?\bto\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+)?$"
    # ("… and imports by 5% to $0.8 billion": the verb told once for the list)
    r"|\bby\s+[\d.,]+\s*(?:%|per\s*cent|percent)\s+to\s+$",
    re.I,
)
_FROM_BEFORE_AMOUNT = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+)?$", re.I
)
_TO_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*to\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?\S")


def _span_end_of_change(ctx: Context, a: Amount, s) -> int | None:
    """For an amount dated by a span of years: 1 when it is the level a change reaches ("grew … to
    $4 billion", "by 45% to $4 billion"), 0 when it is the level the change starts from ("from $2
    billion to …"), else None (a sum over the span: "invested $5 billion between 2015 and 2024").
    Not for a span opened by "since": that runs to the time of writing."""
    text = ctx.text
    lo = max(s.start, a.span[0] - 80)
    if _low_has(ctx, "since", s.start, s.end):
        return None
    if _FROM_BEFORE_AMOUNT.search(text, max(s.start, a.span[0] - 20), a.span[0]) and _TO_AFTER.match(
        text, a.span[1]
    ):
        return 0
    if _CHANGE_TO.search(text, lo, a.span[0]):
        return 1
    if a.unit == "percent" and _TO_AFTER.match(text, a.span[1]) and _CHANGE_TO.search(
        text, lo, a.span[0]
    ) is None and re.search(r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$",
                            text[lo : a.span[0]]):
        return 1
    return None


def _told_once(ctx: Context, figures: list[Figure], pledges: list[Pledge]) -> list[Figure]:
    """A sum is one record however often the text tells it: a money figure with the amount and
    currency of a pledge is that pledge told again ("Financing at a glance – ADB loan: $250 million"
    under the prose that tells the loan), and a second figure of the same sum and unit whose period
    agrees with the first's (or is not said) is the first told again (a "Key points" bullet and the
    paragraph it sums up): the one in running text stands (a list item's wording is a summary's, "is
    estimated at"), with the period either tells."""
    text = ctx.text

    def listed(f: Figure) -> bool:
        return bool(f.span) and bool(_ITEM.match(text, text.rfind("\n", 0, f.span[0]) + 1))

    pledged = {(p.amount, p.currency) for p in pledges}
    out: list[Figure] = []
    seen: dict[tuple[float, str], int] = {}
    for f in figures:
        if f.unit in ("percent", "count"):
            out.append(f)
            continue
        if (f.value, f.unit) in pledged:
            continue
        k = seen.get((f.value, f.unit))
        if k is not None and (out[k].period is None or f.period is None or out[k].period == f.period):
            period = out[k].period or f.period
            if listed(out[k]) and not listed(f):
                out[k] = f
            if out[k].period != period:
                out[k] = out[k].model_copy(update={"period": period})
            continue
        seen[(f.value, f.unit)] = len(out)
        out.append(f)
    return out


# trade flows a statistical period is told once for: a later flow in the next paragraphs inherits it
_FLOW = re.compile(r"\b(?:trade|exports|imports|turnover|surplus|deficit)\b")
_STAT_PERIOD = re.compile(r"\d{4}(?:-\d\d/\d{4}-\d\d)?")
# a sentence about the future, a plan or a goal, or about a state of things now, says no past period
_NOT_CARRIED = re.compile(
    r"\b(?:will|would|shall|could|should|may|might|plans?|intends?|expects?|expected|aims?|target|goal|"
    r"forecast|projected|potential|by\s+(?:the\s+end\s+of\s+)?20\d\d|now|currently|remains?|is|are|"
    r"accounts?\s+for|makes\s+up|make\s+up|stands?|holds?|represents?|operates?|"
    # ("Exports have grown to $13.9 billion": a change over the period told before, as "grew")
    r"(?:has|have)(?!\s+(?:increased|grown|risen|decreased|declined|fallen|dropped|expanded|contracted|"
    r"gone\s+(?:up|down)|climbed|doubled|tripled)\b))\b",
    re.I,
)
# a share or a count told in the past ("The EU's share in turnover was 4.1 percent", "The number of
# partner countries reached 142"): of the period of the flows told before it, in a statistical text
_PAST_STATE = re.compile(
    r"\b(?:was|were|amounted|totalled|totaled|came|stood|reached|accounted|made\s+up|numbered|rose|grew|fell|"
    # ("Crude oil remained the bulk, accounting for about 78% of exports")
    r"remained|represented|constituted|comprised|accounting|took)\b"
)


def _carried_periods(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """ "In January–October 2025, trade … reached $40.1 billion. ¶ Exports to the EU totalled $31.2
    billion, down 4.1%.": a trade flow (or its change) told with no date, in a sentence that dates
    nothing, is of the period the flow told last before it (in its paragraph or the two before) is of,
    when that is a year or part of a year."""
    dated = [f for f in figures if f.span and f.period and f.unit != "count" and _FLOW.search(f.metric)]
    if not dated:
        return figures
    out = list(figures)
    # (in the order of the text, a flow that took a period passes it on: "¶ Exports … ¶ The number …")
    for k in sorted(range(len(figures)), key=lambda i: figures[i].span or (0, 0)):
        f = figures[k]
        s = ctx.sentence_at(f.span[0]) if f.span else None
        kind_ok = s is not None and (
            (f.unit != "count" and not f.metric.startswith("share") and _FLOW.search(f.metric))
            or (
                (f.unit == "count" or f.metric.startswith("share"))
                and _PAST_STATE.search(ctx.text, s.start, s.end) is not None
            )
        )
        if f.period is None and kind_ok:
            prev = sorted((d for d in dated if d.span[0] < s.start), key=lambda d: d.span[0])
            gap = s.paragraph - ctx.sentence_at(prev[-1].span[0]).paragraph if prev else 99
            if (
                prev
                and _STAT_PERIOD.fullmatch(prev[-1].period)
                # (a count or a share: only of a part of a year, a statistical period, told in the
                # paragraph of that flow or the next)
                and (
                    f.unit != "count" and not f.metric.startswith("share")
                    or ("/" in prev[-1].period and gap <= 1)
                    # ("… reached USD 6.9 billion in 2025. ¶ … The share of the EU in the country's
                    # foreign trade was 10.2%.": a share told in the past, next to the year's flows)
                    or (f.metric.startswith("share") and gap <= 1)
                )
                and gap <= 2
                # (a base the change is told against, "a year before", dates nothing)
                and not [d for d in ctx.dates_in(s.start, s.end) if not _EARLIER_BASE.fullmatch(d.text)]
                and not _NOT_CARRIED.search(ctx.text, s.start, s.end)
                and not ctx.is_heading(f.span[0])
            ):
                year = _pub_year(ctx)
                if not (year and int(prev[-1].period[:4]) > year):
                    out[k] = f.model_copy(update={"period": prev[-1].period})
                    if f.unit != "count" and _FLOW.search(f.metric):
                        dated.append(out[k])
    return out


def _table_repeats(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """A table row that repeats a figure the prose tells ("| Revenue of Aktau seaport | H1 2025 | KZT
    18.6 billion |" and "revenue of 18.6 billion tenge for the first half") is that figure once: the
    prose one, with the row's period when the prose states none."""
    if not ctx.cue["|"]:
        return figures
    rows = [m.span() for m in _TABLE_ROW.finditer(ctx.text)]
    if not rows:
        return figures

    def in_row(f: Figure) -> bool:
        return bool(f.span) and any(a <= f.span[0] < b for a, b in rows)

    prose = [i for i, f in enumerate(figures) if f.span and not in_row(f)]
    drop: set[int] = set()
    out = list(figures)
    for j, t in enumerate(figures):
        if not in_row(t):
            continue
        for i in prose:
            p = out[i]
            if p.unit != t.unit or abs(p.value - t.value) > 1e-9 * max(abs(t.value), 1.0):
                continue
            if p.period and t.period and p.period != t.period:
                continue
            if p.period is None and t.period:
                out[i] = p.model_copy(update={"period": t.period})
            drop.add(j)
            break
    return [f for k, f in enumerate(out) if k not in drop]


_PRESENT_TENSE = re.compile(
    r"\b(?:is|are|remains?|operates?|exceeds?|counts?|stands|now|currently|still)\b"
)


def _release_period(ctx: Context) -> str | None:
    """The period a statistics release is about: a range of months its headline states and its
    first paragraph opens with."""
    lead_end = ctx.lead_end
    if not ctx.sentences or lead_end <= 0:
        return None
    para = ctx.sentence_at(lead_end - 1).paragraph
    # (not a bare number "1." that opens a numbered paragraph)
    first = next((x for x in ctx.sentences if x.paragraph == para and re.search(r"[A-Za-z]", x.text)), None)
    if first is None:
        return None
    heads = {
        (d.value, d.end) for d in ctx.dates if d.span[1] <= first.start and d.end and d.granularity == "month"
    }
    if heads:
        for d in ctx.dates_in(first.start, min(first.end, first.start + 40)):
            if (d.value, d.end) in heads:
                return f"{d.value}/{d.end}"
    # "Trade with the EU up 7.8% in nine months" over "… totalled USD 36.4 billion in January–September
    # 2026": a headline that tells the span by its length, a lead that names its months
    head = ctx.text[: first.start]
    if "month" not in head and "alf" not in head and "uarter" not in head and "Q" not in head:
        return None
    m = _HEAD_SPAN.search(head)
    if m is None:
        return None
    n = 6 if m.group(2) else 3 if m.group(3) else _number_word(m.group(1) or "")
    for d in ctx.dates_in(first.start, first.end):
        if d.end and d.granularity == "month" and d.value[:4] == d.end[:4]:
            if int(d.end[5:7]) - int(d.value[5:7]) + 1 == n:
                return f"{d.value}/{d.end}"
            break
    return None


# a headline's span of a statistics release told by its length: "in nine months", "over 10 months",
# "in the first half"
_HEAD_SPAN = re.compile(
    r"\b(?:in|over|for|during)\s+(?:the\s+)?(?:first\s+)?(?:(\w+)\s+months?|(half)(?:[\s-]year)?"
    r"|((?:first|second|third|fourth)\s+quarter|Q[1-4]))\b",
    re.I,
)


# an amount in apposition that restates money in another currency ("The sovereign loan, equivalent to
# about 5.9 billion som at today's rate, …", "…, or roughly"): a stated conversion, no record
_EQUIVALENT = re.compile(
    r"[,(]\s*(?:which\s+is\s+|that\s+is\s+)?(?:equivalent|equal)\s+to\s+"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+|nearly\s+|almost\s+)?$"
)
_ITEM = re.compile(r"[ \t]*(?:[-*•▪–][ \t]+|\d{1,2}[.)][ \t]+)")
_PACKAGE_LEAD = re.compile(r"\b(?:package|envelope|financing|support|funding|agreements|documents)\b", re.I)


def _package_programs(ctx: Context, pledges: list[Pledge]) -> list[Pledge]:
    """ "… a package … worth €415 million under Global Gateway. The package consists of: - a grant of
    €35 million …; - a loan of €300 million …": the parts listed under a package belong to its
    programme when they name none of their own."""
    out = []
    for p in pledges:
        if p.program is None and p.span and _ITEM.match(ctx.sentence_at(p.span[0]).text):
            i = ctx.sentence_index(p.span[0])
            j = i - 1
            while j >= 0 and not ctx.sentences[j].text.rstrip().endswith(":") and i - j < 12:
                j -= 1
            lead = ctx.sentences[j] if j >= 0 else None
            if lead is not None and lead.text.rstrip().endswith(":") and _PACKAGE_LEAD.search(lead.text):
                # "… presented new support under the Team Europe Initiative on …:" names it itself
                scan = _lex()["programs_scan"]
                found = [m.group(0) for m in scan.finditer_part(lead.text, ctx.at, lead.start)]
                before = [q for q in pledges if q.span and q.span[0] < lead.end and q.program]
                if found:
                    p = p.model_copy(update={"program": _program_name(max(found, key=len))})
                elif before and lead.paragraph - ctx.sentence_at(before[-1].span[0]).paragraph <= 1:
                    p = p.model_copy(update={"program": before[-1].program})
        out.append(p)
    return out


_TABLE_ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.M)
_COUNT_CELL = re.compile(
    r"\s*(?P<q>~|≈|>|about|around|some|over|more\s+than|nearly|almost|approx\.?|approximately)?\s*"
    r"(?P<n>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)\s*",
    re.I,
)
_CELL_Q = {"~": "about", "≈": "about", ">": "more than", "approx": "about", "approx.": "about",
           "approximately": "about"}


def _table_counts(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """A table row whose label counts things ("| Companies with Turkish capital | as of June 2025 |
    ~2,000 |"): its bare number cell is a count of them (a count's noun is in the row, not after it)."""
    if not ctx.cue["|"]:
        return []
    from ..annotate.numbers import is_year_like

    nouns = _lex()["count_nouns"]
    taken = {f.span for f in figures if f.span}
    out = []
    for row in _TABLE_ROW.finditer(ctx.text):
        cells = row.group(1).split("|")
        label = cells[0].strip().strip("*_ ")
        head = _WORDS.findall(label)[:2]
        if not head or not any(w.lower() in nouns for w in head) or ctx.is_heading(row.start(1)):
            continue
        at = row.start(1) + len(cells[0]) + 1
        for cell in cells[1:]:
            m = _COUNT_CELL.fullmatch(cell)
            if m and not is_year_like(m.group("n")):
                span = (at + m.start("n"), at + m.end("n"))
                if span in taken:
                    break
                q = (m.group("q") or "").lower()
                q = re.sub(r"\s+", " ", q)
                qual = _CELL_Q.get(q) or _FRACTION_Q.get(q) or ("about" if q else "exact")
                value = float(re.sub(r"[,\u00a0\u202f ]", "", m.group("n")))
                amt = Amount(span, m.group("n"), value, None, "count", qual, None, True)
                period = _period(ctx, amt, ctx.sentence_at(span[0]), count=True)
                out.append(
                    Figure(metric=label, value=value, unit="count", period=period, qualifier=qual, span=span)
                )
                break
            at += len(cell) + 1
    return out


_PLEDGE_ROW = re.compile(r"[ \t]*\|\s*(?:\*\*)?(?:loan|grant|credit|guarantee|concessional|soft)s?\b", re.I)


def _table_pledge(ctx: Context, a: Amount) -> Pledge | None:
    """ "| Loan for Rogun HPP | USD 100 million | under consideration |": a table row whose first
    cell names a loan or a grant is a pledge of the lender last named before the table (hedged when
    its row says so, dated by a date in the row)."""
    text = ctx.text
    ls = text.rfind("\n", 0, a.span[0]) + 1
    le = text.find("\n", a.span[1])
    le = len(text) if le < 0 else le
    if not _PLEDGE_ROW.match(text, ls, le):
        return None
    lx = _lex()
    table = ls
    while table > 0:  # the first row of the table
        prev = text.rfind("\n", 0, table - 1) + 1
        if not text[prev:table].lstrip().startswith("|"):
            break
        table = prev
    heads = {h.lower() for h in lx["giver_heads"]}
    givers = [
        o for o in ctx.orgs if o.span[1] <= table and heads.intersection(o.name.lower().split())
    ]
    if not givers:
        return None
    by = givers[-1].name
    by = _unthe(by)
    row = text[ls:le]
    cells = [c.strip(" *") for c in row.strip().strip("|").split("|")]
    dates = ctx.dates_in(ls, le)
    return Pledge(
        by=by,
        amount=a.value,
        currency=a.unit,
        amount_usd_stated=None,
        purpose=cells[0][:1].lower() + cells[0][1:] if cells and cells[0] else None,
        program=None,
        hedged=bool(lx["hedged"].search(row)),
        date=dates[0].value if dates else None,
        span=a.span,
    )


_SUM_OF_PARTS = re.compile(
    r"\b(?:add|adds|added|adding)\s+up\s+to\s+$|\bsum\s+(?:up\s+)?to\s+$"
    r"|\bparts\s+(?:come|came|comes|total|totals|amount)\s+(?:to\s+)?$",  # "the parts come to $255 million"
    re.I,
)
_THE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+$")
_THE_MONEY_OF = re.compile(
    r"\b(?:[Tt]he|[Tt]hat|[Tt]his|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?:loan|grant|credit|credit\s+line|package|"
    r"contribution|envelope|financing|funding|allocation|amount|sum|facility)\s+(?:of|worth)\s+$"
)


def _restated(ctx: Context, a: Amount, s, figures: list[Figure]) -> bool:
    """An amount that is no new figure: a sum the text works out from parts ("the two lines add up
    to $3.2 billion") or a figure already given, named again with "the" ("not the $3.4 billion
    shown for 2024")."""
    left = ctx.text[max(s.start, a.span[0] - 24) : a.span[0]]
    if ("up" in left or "sum" in left or "parts" in left) and _SUM_OF_PARTS.search(left):
        return True
    if _THE_BEFORE.search(left) or (" of " in left or " worth " in left) and _THE_MONEY_OF.search(
        ctx.text, max(s.start, a.span[0] - 48), a.span[0]
    ):
        # (a pledge's amount told before, too: "not the $245 million printed in the fund's release";
        # "The loan of $250 million will rehabilitate …" after "ADB approved a $250 million loan")
        return any(
            f.unit == a.unit and f.value == a.value and f.span and f.span[0] < s.start for f in figures
        ) or any(x.unit == a.unit and x.value == a.value and x.span[0] < s.start for x in ctx.amounts)
    return False


_SCOPE_OF = re.compile(
    r"\b(?:construction|building|equipment|equipping|repair|reconstruction|modernisation|modernization|"
    r"renovation|rehabilitation|upgrading|upgrade|purchase|supply|delivery)\s+of\s+(?:the\s+)?$",
    re.I,
)
_LIST_NEXT = re.compile(r"\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


_LIST_LEAD = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*(?::|—|–|,\s+(?:namely|on|in|for|with)\s)\s*"
    # "signed three loan agreements with Uzbekistan worth a combined $245 million: $120 million for …"
    r"|\s+[\w-]+[^:;\n]{0,80}?:\s*"
)
_LIST_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _spelled_out(ctx: Context, a: Amount, s) -> bool:
    """ "The sides signed 5 documents: an agreement on transit, a memorandum …": a count the text
    then spells out item by item is the length of a list, no figure."""
    if not a.value.is_integer() or not 2 <= a.value <= 12:
        return False
    m = _LIST_LEAD.match(ctx.text, a.span[1], s.end)
    if not m:
        return _bulleted_after(ctx, a)
    items = [x for x in _LIST_SEP.split(ctx.text[m.end() : s.end].rstrip(" .;")) if x.strip()]
    return len(items) == int(a.value)


_COLON_LINE_END = re.compile(r":[ \t]*\n")
_BULLET = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+\S[^\n]*\n?")
_BLANK = re.compile(r"\s*")


def _bulleted_after(ctx: Context, a: Amount) -> bool:
    """ "… signed a package of three agreements worth €415 million. The package consists of:" and
    three bullets: the count is the length of the list that follows, in the next paragraphs."""
    text = ctx.text
    c = _COLON_LINE_END.search(text, a.span[1], min(len(text), a.span[1] + 500))
    if c is None or text.count("\n\n", a.span[1], c.start()) > 2:
        return False
    pos, n = c.end(), 0
    while True:
        pos = _BLANK.match(text, pos).end()
        b = _BULLET.match(text, pos)
        if b is None:
            break
        n += 1
        pos = b.end()
    return n == int(a.value)


def _project_scope(ctx: Context, a: Amount, scope_end: int) -> bool:
    """ "the construction of 2 hospitals, 5 schools and a bridge": counts of what a project builds or
    buys say its scope, they are no figures of the partnership (the first after "construction of",
    the others listed right after it)."""
    left = ctx.text[max(0, a.span[0] - 40) : a.span[0]]
    if " of " in left and _SCOPE_OF.search(left):
        return True
    return 0 <= scope_end < a.span[0] and bool(_LIST_NEXT.fullmatch(ctx.text, scope_end, a.span[0]))


_PURPOSE_LEAD = re.compile(r"[*_]{0,2}\s*(?:[\w-]+\s+){0,4}?(?:for|to|towards|aimed\s+at)\s")
_CLAUSE_BREAK = re.compile(r"[;.]|,\s+(?:and|while|but|whereas)\s")


def _in_pledge_purpose(ctx: Context, a: Amount, last: _Pending | None, si: int) -> bool:
    """ "… has allocated $12 million for the equipment of two hospitals": a count in what a pledge
    pays for describes the pledge, it is no figure of its own."""
    if last is None or last.sentence != si or not last.pledge.span or last.pledge.span[1] > a.span[0]:
        return False
    between = ctx.text[last.pledge.span[1] : a.span[0]]
    return bool(_PURPOSE_LEAD.match(between)) and not _CLAUSE_BREAK.search(between)


_SHARE_OF_MONEY = re.compile(
    r"\s+of\s+(?:the|this|that|its|their|each)\s+(?:[\w-]+\s+)?"
    r"(?:proceeds|loans?|grants?|funds|funding|financing|credit\s+lines?|facility|package|envelope|tranche)\b"
)


def _share_of_pledge(ctx: Context, a: Amount, last: _Pending | None, si: int) -> bool:
    """ "At least a third of the proceeds will go to women-led firms", "60% of the loan will finance
    …": a share of money just pledged (in its sentence or the one before) is a term of that pledge,
    no figure of the partnership."""
    if last is None or si - last.sentence > 1 or " of " not in ctx.text[a.span[1] : a.span[1] + 5]:
        return False
    return bool(_SHARE_OF_MONEY.match(ctx.text, a.span[1]))


# "the joint working group has met twice in 2025", "the commission convened three times last year": a
# count of sittings told (not a frequency: "will meet twice a year")
_TIMES_MET = re.compile(
    r"\b(?:has|have|had)?\s*(?:met|convened|sat|gathered)\s+(?:only\s+|already\s+)?"
    r"(twice|three\s+times|four\s+times|five\s+times|six\s+times|(\d{1,2})\s+times)\b"
    r"(?!\s+(?:a|per|each|every)\s+(?:year|month|week|quarter)\b|\s+(?:annually|yearly|monthly))"
)
_TIMES_WORDS = {"twice": 2, "three times": 3, "four times": 4, "five times": 5, "six times": 6}


def _times_met(ctx: Context) -> list[Figure]:
    out = []
    for m in _TIMES_MET.finditer(ctx.text):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        n = int(m.group(2)) if m.group(2) else _TIMES_WORDS.get(word)
        if not n or ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        s = ctx.sentence_at(m.start(1))
        a = Amount(
            span=(m.start(1), m.end(1)), text=m.group(1), value=float(n), value_max=None, unit="count",
            qualifier="exact", currency_token=None, known_currency=True,
        )
        out.append(
            Figure(metric="meetings", value=float(n), unit="count", period=_period(ctx, a, s, count=True),
                   qualifier="exact", span=a.span)
        )
    return out


_YEAR_EARLIER = re.compile(
    r"\b(?:against|compared\s+(?:with|to)|versus|(?:up\s+|down\s+)?from)\s+"
    r"(\d{1,3}(?:[,\u00a0\u202f ]\d{3})*|\d+)"
    r"\s+(?:a\s+year\s+(?:earlier|before|ago)|in\s+the\s+same\s+period\s+(?:of\s+)?(?:last|the\s+previous)\s+year)\b"
)


@lru_cache(maxsize=1)
def _year_earlier_scan() -> LiteralScan:
    return LiteralScan(_YEAR_EARLIER)


def _year_earlier_counts(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """ "More than 350 trains used the corridor in January–September, against 190 a year earlier": the
    bare number is the same count one year before."""
    out = []
    for m in _year_earlier_scan().finditer(ctx.text, ctx.at):
        s = ctx.sentence_at(m.start())
        prev = [f for f in figures if f.unit == "count" and f.span and s.start <= f.span[0] < m.start()]
        if not prev or any(f.span and f.span[0] == m.start(1) for f in figures):
            continue
        ref = prev[-1]
        period = None
        if ref.period:
            period = _shift_years(ref.period, -1)
        else:
            ctx.memo.setdefault("year_earlier", {})[m.start(1)] = ref.span
        value = float(re.sub(r"[,\u00a0\u202f ]", "", m.group(1)))
        out.append(
            Figure(
                metric=ref.metric, value=value, unit="count", period=period, qualifier="exact", span=m.span(1)
            )
        )
    return out


def _year_earlier_periods(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """A figure told "a year earlier" against one that had no period when it was read
    (`ctx.memo["year_earlier"]`: its start → that one's span) takes that one's period, now known, a
    year back."""
    refs = ctx.memo["year_earlier"]
    by_span = {f.span: f for f in figures if f.span}
    out = []
    for f in figures:
        ref = by_span.get(refs.get(f.span[0])) if f.span else None
        if ref is not None and ref.period:
            back = _shift_years(ref.period, -1)
            f = f.model_copy(update={"period": back})
        out.append(f)
    return out


_NUM = r"(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)"
# "Today about 1,100 Kazakh companies export to the EU. Five years ago there were fewer than 600.": a
# bare number told with "there were" and no noun is the count told just before, at another time
_THERE_WERE = re.compile(
    r"\b[Tt]here\s+(?:were|was|had\s+been)\s+(?:(fewer\s+than|less\s+than|more\s+than|over|about|around|"
    r"some|nearly|almost|roughly|under|only|just)\s+)?" + _NUM + r"(?=\s*[.;,)]|\s*$)"
)


_COUNT_QS = ("exact", "nearly", "about", "more than", "up to", "less than")


def _elliptic_counts(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """The counts told by "there were N" with no noun (`_THERE_WERE`): of the metric of the count told
    before it in its sentence or the one before, dated by the sentence's year."""
    out = []
    q_of = data.load("numbers_cues")["qualifiers"]
    for m in _THERE_WERE.finditer(ctx.text):
        i = ctx.sentence_index(m.start())
        s = ctx.sentences[i]
        before = ctx.sentences[i - 1] if i > 0 else s
        lo = before.start if before.paragraph == s.paragraph else s.start
        prev = [f for f in figures if f.unit == "count" and f.span and lo <= f.span[0] < m.start()]
        if not prev or any(f.span and f.span[0] == m.start(2) for f in figures):
            continue
        dates = [d for d in ctx.dates_in(s.start, s.end) if d.granularity == "year" and not d.end]
        q = q_of.get(re.sub(r"\s+", " ", (m.group(1) or "").lower()), "exact")
        value = float(re.sub(r"[,\u00a0\u202f ]", "", m.group(2)))
        out.append(
            Figure(
                metric=prev[-1].metric,
                value=value,
                unit="count",
                period=dates[0].value[:4] if dates else None,
                qualifier=q if q in _COUNT_QS else "exact",
                span=m.span(2),
            )
        )
    return out

# "reached 184, against 178 in January–September 2024", "… compared with 150 in 2023"
_AGAINST_COUNT = re.compile(
    r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|up\s+from|down\s+from)\s+" + _NUM + r"\s+in\s+"
)
# "the number of flights has grown from 38 to more than 90", "rose from 80 in 2020 to 120 in 2024"
_FROM_COUNT = re.compile(
    r"\bfrom\s+" + _NUM + r"(?:\s+in\s+(?P<in>[^,;.]{4,30}?))?\s+to\s+"
    r"(?:(?:more\s+than|over|about|some|nearly|almost|around|at\s+least)\s+)?$"
)
_SINCE_YEAR = re.compile(r"\b[Ss]ince\s+((?:19|20)\d\d)\b")


@lru_cache(maxsize=1)
def _against_count_scan() -> LiteralScan:
    return LiteralScan(_AGAINST_COUNT)


def _compared_counts(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """The bare number a count is compared with is the same count at another time: "184, against 178
    in January–September 2024" (the date after it), "has grown from 38 to more than 90" (since the
    year the sentence starts from, else undated), "from 80 in 2020 to 120"."""
    taken = {f.span[0] for f in figures if f.span}
    counts = [f for f in figures if f.unit == "count" and f.span]
    out = []

    def add(ref: Figure, m: re.Match, period: str | None) -> None:
        if m.start(1) in taken:
            return
        taken.add(m.start(1))
        value = float(re.sub(r"[,\u00a0\u202f ]", "", m.group(1)))
        out.append(
            Figure(metric=ref.metric, value=value, unit="count", period=period, qualifier="exact",
                   span=m.span(1))
        )

    for m in _against_count_scan().finditer(ctx.text, ctx.at):
        s = ctx.sentence_at(m.start())
        prev = [f for f in counts if s.start <= f.span[0] < m.start()]
        dates = [d for d in ctx.dates_in(m.end(), min(s.end, m.end() + 40)) if d.span[0] == m.end()]
        if prev and dates:
            d = dates[0]
            add(prev[-1], m, f"{d.value}/{d.end}" if d.end else d.value[:7])
    for f in counts:
        s = ctx.sentence_at(f.span[0])
        if ctx.text.find("from", max(s.start, f.span[0] - 80), f.span[0]) < 0:
            continue
        m = _FROM_COUNT.search(ctx.text, max(s.start, f.span[0] - 80), f.span[0])
        if m is None:
            continue
        period = None
        if m.group("in"):
            d = ctx.dates_in(m.start("in"), m.end("in"))
            period = (f"{d[0].value}/{d[0].end}" if d[0].end else d[0].value) if d else None
        else:
            since = _SINCE_YEAR.search(ctx.text, s.start, s.end)
            period = since.group(1) if since else None
        add(f, m, period)
    return out


# --- pledges ----------------------------------------------------------------------------------


# --- money already given: running totals and past sums are figures, not pledges ---------------


@lru_cache(maxsize=1)
def _given_lex() -> dict:
    """The tense patterns of money handed over (verbs in data/hedges.yaml): built once."""
    h = data.load("hedges")

    def verbs(key: str) -> str:
        return "|".join(map(re.escape, sorted(h[key], key=len, reverse=True)))

    out = {
        "span_to_now": AnyOf(h["span_to_now"]),
        # "… has so far committed (more than) …"; reported, "… said that since 2021 the EU had
        # provided Tajikistan with more than …" (the recipient and "with" between; the caller wants a
        # span up to now: "since", "over the past")
        "so_far": re.compile(
            r"\b(?:has|have|had)\s+(?:so\s+far\s+|already\s+|now\s+)?(?:" + verbs("given_so_far") + r")\s+"
            r"(?:[\w-]+\s+){0,2}?(?:[\w-]+\s+with\s+(?:[\w-]+\s+){0,2}?)?"
            r"(?:(?:more\s+than|over|about|some|around|nearly|almost)\s+)?$"
        ),
        # "JICA committed (the equivalent of) …", not "has committed", "to commit", "be committed"
        "over_span": re.compile(
            r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bto\s)(?<!\bbe\s)\b(?:" + verbs("given_over_span") + r")\s+"
            r"(?:[\w-]+\s+){0,3}?$"
        ),
        # "the EU provided some …": simple past of a delivery verb (not "has provided", "will provide")
        "past": re.compile(
            r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?<!\bto\s)(?<!\bbe\s)(?<!\bbeen\s)"
            r"\b(?:" + verbs("given_past") + r")\s+(?:[\w-]+\s+){0,2}?$"
        ),
    }
    # (tried only where one of their verbs opens: see interpret.scan)
    out["over_span_scan"] = LiteralScan(out["over_span"])
    out["past_scan"] = LiteralScan(out["past"])
    return out


_FISCAL = re.compile(
    r"\b(?:in|during|for)\s+(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?(?:19|20)\d\d\b", re.I
)


# the programming period an envelope is set for: "for 2021–2024", "for the period of 2021-2027",
# "for the years 2014 to 2020"
_ENVELOPE_FOR = re.compile(
    r"\bfor\s+(?:the\s+)?(?:(?:programming\s+)?period\s+(?:of\s+)?|years\s+)?(?:19|20)\d\d\s*(?:[–—-]|to)\s*"
    r"(?:19|20)?\d\d\b"
)


def _running_total(ctx: Context, a: Amount, s) -> bool:
    """Money the sentence says was already handed over is a figure (a running total, or the sum of a
    period now past), not a promise. One place for every form, each tried in turn:

    1. up to now, in the present perfect: "Since 2015, the EIB has signed over €2 billion of loans",
       "Over the past decade, the EU has provided more than €500 million" (period "<from>/<year>");
    2. over a closed run of months, told in the past: "JICA committed the equivalent of $90 million …
       in fiscal 2024 (April 2024 to March 2025)" — not one deal signed in it ("signed a loan of
       €300 million in January–September", "a €300 million loan");
    3. over a past span or fiscal year, a giver's simple past: "JICA committed $90 million … in
       fiscal 2024";
    4. a delivery in a past year or span: "Between 2014 and 2020 the EU provided some EUR 174 million".
    """
    year = _pub_year(ctx)
    if not year:
        return False
    gx = _given_lex()
    clause = _clause_left(ctx, a, s)
    if _opens_span(ctx, s, gx):
        per = _period(ctx, a, s, count=False)
        if per and len(per) == 15 and per[7] == "/" and per[8:] < f"{ctx.anchor:%Y-%m}":  # 2.
            near = clause[-120:]
            if not (_ONE_DEAL.search(near) or _lex()["hedged"].search(near) or _FUTURE_AUX.search(near)):
                return True
        elif per and len(per) == 9 and per[4] == "/" and per[:4].isdigit() and per[5:] == str(year):  # 1.
            near = clause[-120:]
            # the amount's own verb, the last before it: "Japan, which has provided $3 billion since
            # 1993, will add a further $100 million" — "will add" governs the second sum
            aux = max(_AUX.finditer(near), key=lambda x: x.start(), default=None)
            if (
                int(per[:4]) < year
                and aux is not None
                and aux.group(0).lower() in ("has", "have")
                and _PRESENT_PERFECT.match(near, aux.start())
                and not _lex()["hedged"].search(near)
            ):
                return True
    low = clause.lower()
    if ("since" in low or "past" in low or "last" in low) and gx["so_far"].search(clause[-50:]):  # 1.
        period = _period(ctx, a, s, count=False)
        return bool(period and re.fullmatch(rf"\d{{4}}/{year}", period))
    over_span = _tail(ctx, gx["over_span_scan"], clause[-60:], a.span[0])
    if (
        over_span
        and not _ONE_DEAL.search(clause[-120:])
        # "the EU had allocated EUR 70 million to Tajikistan under its programme for 2021–2024": the
        # envelope of a programming period is the promise, not money handed over in that span
        and not _ENVELOPE_FOR.search(ctx.text, a.span[1], min(s.end, a.span[1] + 120))
    ):  # 2., 3.
        period = _period(ctx, a, s, count=False)
        end = period.split("/")[-1] if period and "/" in period else None
        if end and ctx.published and end < ctx.published[: len(end)]:
            return True
        if period and period.isdigit() and int(period) < year and _FISCAL.search(ctx.text, a.span[1], s.end):
            return True  # "in fiscal 2024": a year of accounts, a span
    if not _tail(ctx, gx["past_scan"], clause[-50:], a.span[0]):  # 4.
        return False
    period = _period(ctx, a, s, count=False)
    # ("Since independence, Japan provided USD 3 billion": a span up to now, told in the simple past)
    return bool(
        period
        and re.fullmatch(r"\d{4}(?:/\d{4})?", period)
        and (int(period[-4:]) < year or (len(period) == 9 and int(period[:4]) < year))
    )


def _opens_span(ctx: Context, s, gx: dict) -> bool:
    """Whether the sentence opens a span up to now ("since", "past", "last") or names a range of months."""
    return bool(
        gx["span_to_now"].found_part(ctx.text[s.start : s.end], ctx.at, s.start)
        or any(d.end and d.granularity == "month" for d in ctx.dates_in(s.start, s.end))
    )


# an institution placing or issuing its own bonds borrows that money: no pledge
_BONDS = re.compile(
    r"\b(?:plac|issu|sold|sell)\w*\s+(?:[\w-]+\s+){0,3}?bonds?\b(?:\s+[\w-]+){0,6}?\s+(?:for\s+|of\s+|worth\s+)?"
    r"(?:a\s+total\s+of\s+|some\s+|about\s+)?$",
    re.I,
)
_ONE_DEAL = re.compile(
    r"\ban?\s+(?:(?:[\w-]+\s+){0,3}?(?:loan|grant|credit|credit\s+line|guarantee|facility|package|tranche)"
    r"\s+(?:agreement\s+)?(?:of\s+|worth\s+)?(?:up\s+to\s+|about\s+|some\s+)?)?$",
    re.I,
)
_FUTURE_AUX = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|plans?|intends?|expects?)\b", re.I)
_AUX = re.compile(
    r"\b(?:has|have|had|will|would|shall|could|can|may|might|is|are|was|were|plans|intends|expects)\b", re.I
)


# the money a deal between a lender and a borrower is for ("loan agreement", "finance contract"),
# for `_DEAL_HEAD` and `_DEAL_BETWEEN`
_DEAL_NOUNS = r"(?:loan|grant|credit|guarantee|finance|financing)"
# a clause (a list item, a part after ";") that opens with a lender's deal: "a loan agreement between
# …", "The grant contract with …", "- Credit line agreement with …"
_DEAL_HEAD = re.compile(
    r"[\s*•▪–-]*(?:\d{1,2}[.)]\s+)?(?:(?:an?|the|one|another)\s+)?(?:[\w-]+\s+){0,3}?"
    rf"{_DEAL_NOUNS}(?:(?<=credit)\s+line)?\s+(?:agreements?|contracts?)\s+"
    r"(?:between|with)\s",
    re.I,
)
# the value trailing the item: "…, USD 60 million", "… (USD 45 million)", "… – EUR 12 million"
_TRAILING_VALUE = re.compile(r"(?:,|\(|:|\s[–—-])\s*(?:worth\s+|totall?ing\s+|valued\s+at\s+|of\s+)?$")


def _trailing_deal_value(ctx: Context, a: Amount, left: str) -> bool:
    """ "a loan agreement between the EBRD and Barqi Tojik for the rehabilitation of the plant, USD 60
    million": the amount that closes a clause opened by a loan (grant, credit) agreement is its value,
    when no other money stands between (a bank's signed loan is its firm pledge)."""
    if "greement" not in left and "ontract" not in left:
        return False
    if not _TRAILING_VALUE.search(left[-16:]) or not _DEAL_HEAD.match(left):
        return False
    lo = a.span[0] - len(left)
    return not any(lo <= x.span[0] < a.span[0] and x.unit not in ("percent", "count") for x in ctx.amounts)


def _clause_left(ctx: Context, a: Amount, s) -> str:
    left = ctx.text[s.start : a.span[0]]
    cut = max(left.rfind(":"), left.rfind(";"))
    return left[cut + 1 :] if cut >= 0 else left


# the relative clause on the pledge's noun phrase, right after it: "… loan from the EIB, which is
# expected to be signed in July" (its words up to the next comma)
_OWN_RELATIVE = re.compile(r"[^,;.]{0,70}?,\s+which\s+((?:is|are|was|were|remains?)\s[^,;.]{0,60})")


def _as_pledge(
    ctx: Context, a: Amount, s, stated: Amount | None, last: _Pending | None, si: int
) -> Pledge | None:
    lx = _lex()
    a0, a1 = a.span
    left = _clause_left(ctx, a, s)  # ends at a0; `right…` open at a1
    right_full = ctx.text[a1 : s.end]
    first_clause = _first_clause(right_full)
    right = first_clause[:90]
    # (whether a pledge is named is read before whether the giver is a company or the amount a
    # measured value: each says None alone, and most amounts name no pledge)
    l200 = left[-200:]
    is_pledge = bool(
        _pledge_named(ctx, left[-90:], a0 - len(left[-90:]))
        or _pledge_named(ctx, _CLAUSE_CUT.split(right[:60], 1)[0], a1)  # not the next clause's word
        # "committed to raising the capital of the joint company to USD 500 million"
        or (("committed" in l200 or "pledged" in l200 or "agreed" in l200) and _COMMITTED_TO.search(l200))
        # "Germany announced an additional €10 million …", "… offered $2 billion" (not "announced
        # $5 billion in trade deals")
        or bool(_tail(ctx, _OFFERED_SCAN, left[-60:], a0) and not _DEALS.search(right[:40]))
        # "the €12 billion that the EU announced for …": a party right after it gives it
        or bool(_agent_after(ctx, a, s))
        or bool(" by " in right_full[:160] and _PROMISED_BY.match(right_full[:160]))
        # "the EU intends to support the corridor with €10 billion": backing something with money
        or bool(" with " in left[-60:] and _SUPPORT_WITH.search(left[-60:]) and not _DEALS.search(right[:40]))
        # "Kyrgyzstan will receive $30 million from the World Bank": money still to come from a lender
        or bool("receive" in left[-60:] and _TO_RECEIVE.search(left[-60:]) and _from_giver(ctx, a, s))
        # "… a plan to borrow €200 million from the EIB": the lender's money
        or bool("borrow" in left[-40:] and _BORROW.search(left[-40:]) and _from_giver(ctx, a, s))
        # "EUR 20 million from the EU will go to border management": money a party puts to a use
        or bool(" from " in right_full[:24] and _FROM_WILL_GO.match(right_full) and _from_giver(ctx, a, s))
        # "a new EUR 15 million EU project on border management": the party's own project
        or bool(_project_of(ctx, a))
        # "EUR 12 million will come from the EU budget": money a party is to put in
        or bool(
            " come from " in right_full[:30] and _WILL_COME_FROM.match(right_full) and _from_giver(ctx, a, s)
        )
        # "With EU support of EUR 5 million": a party's support (funding, grant) of the amount
        or bool(_OF_RIGHT_BEFORE.search(left[-24:]) and _party_money_of(ctx, a, left))
        # "- a loan agreement between the EBRD and Barqi Tojik for the Kairakkum plant, USD 60 million;":
        # a listed deal headed by its pledge noun, its value trailing
        or _trailing_deal_value(ctx, a, left)
    )
    if (
        not is_pledge
        and last is not None
        and si == last.sentence
        and left.endswith("and ")
        and _DIRECT_FROM.match(ctx.text, a1)
        and _from_giver(ctx, a, s) is not None
    ):
        is_pledge = True  # "…, EUR 12 million will come from the EU budget and EUR 3 million from Germany"
    total_of = _total_of_pledge(ctx, left, a0)
    is_pledge = is_pledge or total_of
    continued = False
    if (
        not is_pledge
        and last is not None
        and si - last.sentence <= 1
        and re.match(r"\s+(?:for|to)\s", right_full)
        # a next sentence naming a giver of its own ("The Uzbek side … 50 billion sums for …") is no
        # continuation of the pledge before, nor a clause after a semicolon that names one ("…; the
        # EBRD will add EUR 50 million for …")
        and (si == last.sentence or not _names_a_party(ctx, s.start, a0))
        and not (
            si == last.sentence
            and last.pledge.span
            and (semi := ctx.text.rfind(";", last.pledge.span[1], a0)) >= 0
            and _names_a_party(ctx, semi + 1, a0)
        )
    ):
        is_pledge = continued = True
    if (
        last is not None
        and si - last.sentence <= 1
        and "to" in left[-60:]
        and (raised := _RAISED_TO.search(left[-60:])) is not None
        and not _names_a_party(
            ctx,
            max(s.start, a0 - len(left[-60:]) + raised.start() - 25),
            a0 - len(left[-60:]) + raised.start(),
        )
    ):
        # "… opened a credit line of USD 100 million and stands ready to increase it to USD 200
        # million", "It could raise the envelope to EUR 35 million": the pledge told before, raised
        # by its giver (the new total, hedged as its own clause says)
        is_pledge = continued = raised_on = True
    else:
        raised_on = False
    gapped = None if last is None or si != last.sentence else _gapped_giver(ctx, last, a0)
    if gapped:
        is_pledge = continued = True
    if not is_pledge:
        return None
    if not raised_on and (
        _non_party(ctx, left[-120:], a0) or (not total_of and _figure_cue(ctx, left[-60:], a0))
    ):
        return None
    if "bond" in left[-100:] and _BONDS.search(left[-100:]):
        # "has placed bonds … for a total of 2.4 trillion sum": money it borrows, a figure. The noun
        # "bonds" just before is a figure cue already (_FIGURE_CUE, above); this reaches the issuer's
        # bonds further back and after "a total of", which that check leaves to _total_of_pledge
        return None
    if _tail(ctx, _RECEIVED_SCAN, left[-60:], a0):
        return None
    if (
        "with" in left[-50:]
        and _FINANCED_WITH.search(left[-50:])
        and not _FUTURE_AUX.search(ctx.text, s.start, s.end)  # "The centre, funded with …, will open in May"
    ):
        return None  # "the pumping station, financed with a EUR 4.5 million EU grant": money it received
    if " of " in right_full[:6] and _PAID_OUT.search(left[-50:]) and _OF_THE_PLEDGE.match(right_full):
        return None  # "has disbursed EUR 12 million of the EUR 30 million grant": money given out, a figure
    window = left[-140:] + " " + right
    if continued:
        base = last.pledge
        by, hedged, program, date = gapped or base.by, base.hedged, base.program, base.date
        if not hedged and base.span and base.span[1] < a0:
            # "… EUR 30 million for hydropower, and is ready to consider a further EUR 20 million for …"
            hedged = bool(lx["hedged_scan"].search_part(ctx.text[base.span[1] : a0], ctx.at, base.span[1]))
    else:
        part_of = None  # the package this amount is a part of, told just before
        by = _giver(ctx, a, s, left, right)
        by = _own_agency(ctx, a, s, by) or by
        if (
            by is None
            and a.unit in _currency_countries()
            and _ALLOCATED.search(left[-60:] + " " + right[:40])
        ):
            # "30 billion tenge were allocated for …": a state's own currency, set aside by no one named
            by = f"Government of {_currency_countries()[a.unit]}"
        if by is None:
            by = _program_owner(ctx, a, s)  # "the launch of the EUR 20 million Team Europe Initiative"
        if (
            by is None
            and last is not None
            and 0 <= si - last.sentence <= 3
            and _BACK_PLEDGE.search(ctx.text, s.start, a0)
            # (two sentences between, "… worth EUR 75 million. The documents were signed by … The
            # package includes EUR 35 million …", when no other amount stands between)
            and (si - last.sentence <= 1 or _no_money_between(ctx, last.pledge.span, s.start))
        ):
            # "… financing worth $1.2 billion. The package includes a $500 million loan …"
            by = last.pledge.by
            part_of = last.pledge
        if by is None:
            return None
        by = _lends_as().get(by, by)  # "a loan from the IBRD" → World Bank
        by = _joint_giver(ctx, a, s, by) or by
        if by in ("Federal Government", "the Federal Government"):
            by = (f"Government of {fed}" if (fed := _federal_state(ctx)) else None) or by
        nc = _NEXT_CONJ.search(right)  # (the first piece of `_NEXT_CONJ.split(right)`)
        own = right[: nc.start()] if nc else right  # not the next clause's hedge
        # the hedge of this clause only: not "X is expected to provide $30m, while Y will contribute …"
        own_left = left[-100:]
        cut = max((m.end() for m in _CONTRAST.finditer(own_left)), default=0)
        if ", and" in own_left:
            # "The AIIB is expected to co-finance $100 million, and the Government of Uzbekistan will
            # contribute $20 million": a new subject after ", and" opens a clause of its own
            cut = max([cut] + [m.start(1) for m in _AND_NEW_SUBJECT.finditer(own_left)])
        own_left = own_left[cut:]
        if "would like" in own_left and (court := _courtesy().search(own_left)):
            own_left = own_left[court.end() :]  # "I would like to highlight the decision … to allocate"
        rel = _REL_OPEN.search(own_left)
        if rel and "," not in own_left[rel.end() :]:
            # the amount stands in ", which approved a $50 million loan last year, …": the main clause
            # after the closing comma is not its own
            own_left, own = own_left[rel.start() :], own.split(",", 1)[0]
        elif "which" in own_left or "who" in own_left:
            # "The EU, which could become the largest donor, will provide …": not the aside's hedge
            own_left = _REL_ASIDE.sub(",", own_left)
        hedged = bool(
            _tail(ctx, lx["hedged_scan"], own_left, a0) or lx["hedged_scan"].search_part(own[:60], ctx.at, a1)
        )
        if not hedged and "which" in own and (rel_own := _OWN_RELATIVE.match(own)) is not None:
            # "a EUR 50 million loan from the EIB, which is expected to be signed in July": the hedge of
            # a relative clause on the pledge's own noun
            hedged = bool(lx["hedged_scan"].search_part(rel_own.group(1), ctx.at, a1 + rel_own.start(1)))
        if hedged and "would" in own_left and _REPORTED_WOULD.search(own_left):
            # "The Commission said it would allocate …": reported speech puts "will" back into "would"
            # (a giver speaking of its own money; "… said the ADB would lend …" stays hedged)
            words = {w.lower() for w in lx["hedged"].findall(own_left[-80:] + " " + own[:60])}
            hedged = words != {"would"} or bool(_CONDITION.search(right_full[:120]))  # "… if approved"
        nxt_amt = min((x.span[0] for x in ctx.amounts if x.span[0] > a.span[1]), default=s.end)
        clause_from = s.start + max((m.end() for m in _AND_BUT_WHILE.finditer(left)), default=0)
        pm = lx["programs_scan"].search_part(ctx.text[clause_from : min(s.end, nxt_amt)], ctx.at, clause_from)
        program = _program_name(pm.group(0)) if pm else None
        date = _pledge_date(ctx, a, s, window)
        if date is None and part_of is not None:
            date = part_of.date  # a part of the package is promised when the package is
        if date is None and "the " in window and _AT_OCCASION.search(window):
            # "A further EU grant … was announced at the ceremony": the day of the occasion the lead
            # reports, as its first dated pledge gives it
            date = ctx.memo.get("lead_pledge_date")
        if date and "lead_pledge_date" not in ctx.memo and a0 < ctx.lead_end:
            ctx.memo["lead_pledge_date"] = date
    usd_stated = None
    if stated is not None and (stated.unit == "USD" or not stated.known_currency):
        usd_stated = stated.value
    return Pledge(
        by=by,
        amount=a.value,
        currency=a.unit if a.known_currency else _meant_currency(ctx, a),
        amount_usd_stated=usd_stated,
        purpose=_purpose(first_clause[:220]),
        program=program,
        hedged=hedged,
        date=date,
        span=a.span,
    )


@lru_cache(maxsize=1)
def _lends_as() -> dict[str, str]:
    """An institution's lending arm → the giver a pledge names (data/organizations.yaml `lends_as`)."""
    out = {}
    for o in data.load("organizations")["organizations"]:
        if o.get("lends_as"):
            out[o["name"]] = o["lends_as"]
    return out

@lru_cache(maxsize=1)
def _courtesy() -> re.Pattern:
    """ "I would like to thank", "we would like to highlight": a speaker's courtesy, no hedge."""
    verbs = data.load("hedges").get("courtesy_verbs") or []
    return re.compile(r"\b(?:I|[Ww]e)\s+would\s+like\s+to\s+(?:also\s+)?(?:" + _phrases_alt(verbs) + r")\b")


def _federal_state(ctx: Context) -> str | None:
    """The state a bare "the Federal Government" is: the first federal state the text names."""
    fed = set(data.load("hedges").get("federal_states") or [])
    return next((p.name for p in ctx.places if p.kind == "country" and p.name in fed), None)

@lru_cache(maxsize=1)
def _title_givers() -> dict[str, str]:
    return data.load("hedges").get("title_givers") or {}


@lru_cache(maxsize=1)
def _title_giver() -> re.Pattern:
    """ "the Commissioner announced", "The High Representative has pledged": a title alone as the subject
    of a verb (data/hedges.yaml `title_givers`), the last before the amount."""
    alt = _phrases_alt(list(_title_givers()))
    return re.compile(
        # ("Commissioner Síkela announced …": the title before a surname the text names no further)
        r"(?:\b[Tt]he\s+|(?<![\w-]))(" + alt + r")\s+(?:[A-Z][\w’'.-]*\s+){0,3}?(?:also\s+)?"
        r"(?:has\s+|had\s+|will\s+)?[a-z]+(?:ed|s)?\b"
        r"(?!.*\b(?:[Tt]he\s+)?(?:" + alt + r")\b)"  # the last one before the amount
    )

def _meant_currency(ctx: Context, a: Amount) -> str:
    """The currency a misprinted token stands for ("A further EU grant of ERU 8 million" in a text that
    counts in EUR): of the known codes a swap or a substitution away, the one the text states money in
    elsewhere; else the token as written (the check flags it either way)."""
    near = lookalike_codes(a.unit)
    used = {x.unit for x in ctx.amounts if x.known_currency and x.unit in near} if near else ()
    return next(iter(used)) if len(used) == 1 else a.unit

# "loan agreements with Tajikistan and Uzbekistan totalling approximately USD 300 million": the
# total of a loan, a grant, a credit line named before it
_TOTALLING = re.compile(
    r"\b(?:totall?ing|amounting\s+to|worth|valued\s+at|with\s+a\s+(?:total\s+)?value\s+of)\s+"
    r"(?:(?:about|approximately|some|around|nearly|almost|more\s+than|over|up\s+to)\s+)?$"
)
_TOTAL_WORDS = ("total", "worth", "amounting", "valued", "value")  # one is in every _TOTALLING match


_CAP_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+(?:(?:for|of|and)\s+)?$")
_CAP_AFTER = re.compile(r"\s+(?:(?:for|of|and)\s+)?[A-Z]")


def _pledge_named(ctx: Context, part: str, offset: int) -> bool:
    """Whether a pledge word stands in `part` (at `offset`), not as a word of a name ("the Saudi Fund
    for Development has financed …", "Investment Package" in a title)."""
    for m in _lex()["pledge_scan"].finditer_part(part, ctx.at, offset):
        if m.group(0)[:1].isupper() and (
            _CAP_BEFORE.search(part, max(0, m.start() - 30), m.start()) or _CAP_AFTER.match(part, m.end())
        ):
            continue
        return True
    return False


def _total_of_pledge(ctx: Context, left: str, end: int) -> bool:
    """Whether the amount is the total ("totalling", "worth", "amounting to") of a pledge noun (loan
    agreements, grants, a credit line) named before it in its clause, with no measured value (trade,
    exports) between them. `left` ends at `end`."""
    tail = left[-40:]
    tm = _TOTALLING.search(tail) if any(w in tail for w in _TOTAL_WORDS) else None
    if not tm:
        return False
    head = left[: len(left) - len(tail) + tm.start()][-160:]
    nouns = list(_lex()["pledge_noun"].finditer(head))
    if not nouns:
        return False
    between = head[nouns[-1].end() :]
    return not _figure_cue(ctx, between, end - len(tail) + tm.start())


# "Tajikistan has received more than $2.5 billion in ADB assistance": money already received
_RECEIVED = re.compile(
    r"(?<!\bwill\s)(?<!\bto\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bmay\s)(?<!\bcan\s)"
    r"\b(?:received|obtained|attracted)\s+(?:[\w-]+\s+){0,2}?$"
)
_RECEIVED_SCAN = LiteralScan(_RECEIVED)
# a thing built, renewed or run with the money, told as done: "the school, renovated with a EUR 2
# million EU grant, …", "opened the station, financed with a …" (not "will be financed with", "to be
# funded with": still to come)
_FINANCED_WITH = re.compile(
    r"(?<!\bbe\s)(?<!\bbeing\s)(?<!\bto\s)"
    r"\b(?:financed|funded|co-financed|co-funded|built|renovated|rehabilitated|refurbished|reconstructed|"
    r"constructed|equipped|upgraded|modernised|modernized)\s+(?:(?:in\s+part|partly|largely|mainly|fully|"
    r"entirely|jointly)\s+)?(?:with|through)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,1}?$"
)


# money paid out of a pledge: "has (already) disbursed EUR 12 million of the grant"
_PAID_OUT = re.compile(
    r"\b(?:disbursed|spent|paid\s+out|transferred|used|delivered|channell?ed|drawn\s+down|released)\s+"
    r"(?:(?:about|some|around|nearly|almost|over|more\s+than|only|already)\s+)?$"
)
_OF_THE_PLEDGE = re.compile(
    r"\s+of\s+(?:the|its|this|that|their)\s+(?:[^\s,;.]+\s+){0,4}?"
    r"(?:grant|loan|credit|package|envelope|allocation|commitment|pledge|funds?|financing|budget)s?\b"
)
_GAP_LEAD = re.compile(r"\s*(?:[;,]\s*|\s+)(?:and\s+)?(?:the\s+)?")
_GAP_TAIL = re.compile(r"\s*,?\s*(?:(?:up\s+to|about|some|around|nearly|over|more\s+than)\s+)?")


def _gapped_giver(ctx: Context, last: _Pending, a0: int) -> str | None:
    """ "The Netherlands has allocated €3 million; Sweden, €2 million; and Finland, €1 million": a
    party and an amount with the verb left out after a pledge in the same sentence pledge alike."""
    if not last.pledge.span:
        return None
    lead = _GAP_LEAD.match(ctx.text, last.pledge.span[1], a0)
    got = _party_at(ctx, lead.end()) if lead else None
    if got is None and lead and ctx.text.startswith(("government ", "Government "), lead.end()):
        # "… the AIIB $100 million and the government $20 million": the home government
        unit = next((x.unit for x in ctx.amounts if x.span[0] == a0), None)
        home = _home_government(ctx, unit)
        got = (home, lead.end() + len("government")) if home and "Union" not in home else None
    if got is None:
        return None
    tail = _GAP_TAIL.match(ctx.text, got[1], a0)
    return got[0] if tail and tail.end() == a0 else None


# a sentence that breaks down the money just pledged
def _own_agency(ctx: Context, a: Amount, s, by: str | None) -> str | None:
    """ "thanked the Turkish side for 2 million US dollars through the Turkish Cooperation and
    Coordination Agency (TİKA)": a state's own development agency it gives through gives."""
    if not by or "through" not in ctx.text[a.span[1] : s.end]:
        return None
    for o in ctx.orgs:
        if not a.span[1] < o.span[0] < s.end:
            continue
        if _CHANNEL.search(ctx.text, max(s.start, o.span[0] - 14), o.span[0]):
            if _IMPLEMENTER_AFTER.match(ctx.text, o.span[1]):
                # "Germany will add EUR 3 million through GIZ, which will co-implement the programme":
                # the agency carries the programme out, the state gives
                continue
            info = org_info(o.name) or {}
            if info.get("kind") in ("agency", "fund") and info.get("party") == by:
                return info["name"]
            # … and its own bank for a loan or credit line ("the Chinese side is ready to allocate a
            # credit line of 5 billion yuan through the Export-Import Bank of China": the policy bank
            # lends in its own name; "Germany will provide EUR 30 million through KfW": Germany's money)
            if (
                info.get("kind") == "bank"
                and info.get("party") == by
                and _LENDING.search(ctx.text, s.start, o.span[0])
            ):
                return info["name"]
    return None


_RAISED_TO = re.compile(
    r"\b(?:increase|increases|increased|increasing|raise|raises|raised|raising|expand|expands|expanded|"
    r"expanding|top\s+up|bring|brings|brought|bringing|lift|lifts|lifted|double|doubles|doubled)\s+"
    r"(?:it|them|this|that|the\s+(?:[\w-]+\s+){0,2}?(?:line|loan|grant|facility|package|envelope|amount|"
    r"allocation|contribution|support|funding|financing))\s+to\s+(?:up\s+to\s+|about\s+|some\s+)?$"
)
_BARE_GOV_SUBJECT = re.compile(r"\s*(?:the\s+)?[Gg]overnment\s+(?!of\b)")
_GOV_TAIL = re.compile(r"\b(?:the\s+)?[Gg]overnment\s+((?:[\w-]+\s+){0,6})$")
_IMPLEMENTER_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\))?\s*,?\s+(?:which|that|who)\s+(?:will\s+|would\s+|is\s+to\s+|shall\s+)?"
    r"(?:also\s+|jointly\s+)?(?:co-?)?(?:implement|implements|carry\s+out|carries\s+out|manage|manages|run|runs)\b"
)
_LENDING = re.compile(r"\b(?:credit\s+lines?|loans?|credits?|lend|lends|lending)\b")


_BACK_PLEDGE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]he\s+new)\s+(?:[\w-]+\s+)?(?:package|financing|funding|amount|sum|"
    r"envelope|support|assistance|allocation|contribution)\s+(?:includes?|comprises?|consists\s+of|covers?|"
    r"will\s+(?:include|cover|comprise))\b|\bof\s+which\b|\b[Tt]his\s+includes?\b"
)


def _no_money_between(ctx: Context, span, hi: int) -> bool:
    """No amount of money stands between the end of `span` and `hi`."""
    if not span:
        return False
    return not any(
        span[1] <= x.span[0] < hi and x.unit not in ("percent", "count") for x in ctx.amounts
    )

# the qualifier an amount may carry right after "of" ("support of up to", "a grant of about")
_OF_Q = r"(?:up\s+to\s+|about\s+|some\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
_OF_RIGHT_BEFORE = re.compile(r"\sof\s+" + _OF_Q)
_WILL_COME_FROM = re.compile(r"\s+(?:will|would|is\s+to|are\s+to|shall)\s+(?:also\s+)?come\s+from\s")
_DIRECT_FROM = re.compile(r"\s+from\s+(?:the\s+)?(?=[A-Z])")
# "EU support of", "Japanese funding of", "German grants of": a party's money noun, then "of" and the amount
_MONEY_OF = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:support|funding|financing|assistance|aid|grants?|loans?|contribution)\s+of\s+"
    + _OF_Q
)


def _party_money_of(ctx: Context, a: Amount, left: str) -> str | None:
    """ "With EU support of EUR 5 million", "Japanese grants of $30 million": the party named right before
    the money noun gives the amount."""
    lo = a.span[0] - len(left[-60:])
    for p in reversed(ctx.places):
        if p.span[0] < lo:
            break
        if p.span[1] <= a.span[0] and p.kind in ("country", "demonym") and _MONEY_OF.fullmatch(
            ctx.text, p.span[1], a.span[0]
        ):
            return p.country or p.name if p.kind == "demonym" else _state_name(p)
    for o in ctx.orgs:
        if lo <= o.span[0] and o.span[1] <= a.span[0] and _MONEY_OF.fullmatch(ctx.text, o.span[1], a.span[0]):
            return _unthe(o.name)
    return None

def _it_giver(ctx: Context, s) -> str | None:
    """ "The European Bank for Reconstruction and Development met the mayor of Osh. It will lend …": a
    sentence opened by "It" gives as the institution or state that opens the sentence before (its
    subject), in the same paragraph."""
    si = ctx.sentence_index(s.start)
    if not si:
        return None
    prev = ctx.sentences[si - 1]
    if prev.paragraph != s.paragraph:
        return None
    head = prev.start + min(len(prev.text), 12)  # the subject opens the sentence ("The", "On Monday the")
    org = next(
        (o for o in ctx.orgs if prev.start <= o.span[0] <= head and not ctx.is_body_name(o.name)), None
    )
    if org is not None:
        return _unthe(org.name)
    place = next((p for p in ctx.places if prev.start <= p.span[0] <= head and p.kind == "country"), None)
    return _state_name(place) if place is not None else None

# the occasion the text reports, referred back to: "at the ceremony", "on the sidelines of the signing"
_AT_OCCASION = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|[Oo]n\s+the\s+sidelines\s+of|[Oo]n\s+the\s+occasion\s+of)\s+the\s+(?:same\s+)?"
    r"(?:ceremony|signing(?:\s+ceremony)?|event|occasion|meeting|talks|forum)\b"
)

_SUBJECT_VERB = re.compile(
    r"\s+(?:also\s+)?(?:will|would|could|can|may|might|is|was|has|had|plans|intends|expects|stands|said|says|"
    r"announced|added|agreed|approved|signed|pledged|committed|offered|promised|decided|provides|lends|"
    r"allocates|confirmed|noted|stated)\b"
)

def _program_owner(ctx: Context, a: Amount, s) -> str | None:
    """The party that runs a programme named in the amount's sentence (Global Gateway, Team Europe →
    European Union), for money no one else is named to give."""
    owners = data.load("programs").get("owners") or {}
    pm = _lex()["programs_scan"].search_part(ctx.text[s.start : s.end], ctx.at, s.start)
    return owners.get(_program_name(pm.group(0))) if pm else None


def _names_a_party(ctx: Context, lo: int, hi: int) -> bool:
    """Whether a country, a people ("the Uzbek side") or an organisation is named in text[lo:hi]."""
    return any(lo <= p.span[0] < hi for p in ctx.places if p.kind in ("country", "demonym")) or any(
        lo <= o.span[0] < hi for o in ctx.orgs
    )


_FIGURE_CUE = re.compile(
    r"(?<![\w-])(?:trade|turnover|exports?|imports?|surplus|deficit|reached|amounted|totall?ing|bonds|"
    r"came to|stood at|accounted)(?![\w-])",
    re.I,
)


_ALLOCATED = re.compile(
    r"\b(?:allocated|allocate|earmarked|set\s+aside|assigned|directed|appropriated)\b", re.I
)
_CAPITAL_OF = re.compile(
    r"\s+with\s+(?:an?\s+|the\s+)?(?:initial\s+)?(?:authori[sz]ed|charter|registered|statutory|share)\s+"
    r"capital\s+of\s+(?:up\s+to\s+|about\s+|some\s+)?$"
)
# ("is considering a further EUR 2 billion for …", "is weighing an additional $100 million": money a
# party thinks of giving, a hedged pledge; data/hedges.yaml holds those words as hedges)
_OFFERED = re.compile(
    r"\b(?:announced|announces|announcing|offered|offers|offering|promised|promises|promising|approved|"
    r"approves|approving|approve|announce|offer|promise|considering|weighing|mulling|eyeing|contemplating)\s+"
    r"(?:(?:an?|the|its|their|his|her|further|additional|new|extra|fresh|up\s+to|some|about|around|nearly|"
    r"more\s+than|over)\s+){0,3}$"
)
_OFFERED_SCAN = LiteralScan(_OFFERED)
# a subject that administers, manages or channels money another body gives (see _giver)
_ADMINISTERS = re.compile(
    r"\b(?:administer|administers|administered|administering|manage|manages|managed|managing|channel|channels|"
    r"channell?ed|channell?ing|implement|implements|implemented|implementing|oversee|oversees|overseeing)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
_CONDITION = re.compile(r"\b(?:if|unless|provided\s+that|subject\s+to|once|as\s+soon\s+as)\s")
_REPORTED_WOULD = re.compile(
    r"\b(?:(?:said|announced|confirmed|stated|added|noted|declared)\s+|told\s+(?:[\w-]+\s+){1,4}?)(?:that\s+)?"
    r"(?:it|they|we|(?:his|her|our|their)\s+(?:country|government))\s+would\s+(?:[\w-]+\s+){1,3}$"
    # (of its own money: "said the ADB would" reports another's; "said his country would" the speaker's)
    # "announced that the EU would provide …": an announcement of a party's money is its promise
    r"|\b(?:announced|confirmed|declared)\s+(?:that\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}would\s+"
    r"(?:[\w-]+\s+){1,3}$"
)
_SUPPORT_WITH = re.compile(
    r"\b(?:support|supports|supported|supporting|back|backs|backed|backing|finance|finances|fund|funds|"
    r"assist|assists|help|helps)\s+(?:[\w'’-]+\s+){1,5}?with\s+(?:an?\s+|the\s+)?"
    r"(?:(?:additional|further|new|extra|up\s+to|some|about|nearly|over|more\s+than)\s+){0,2}$"
)
_TO_RECEIVE = re.compile(
    r"\b(?:will|would|could|may|might|can|is\s+to|are\s+to|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|"
    r"are\s+expected\s+to|stands\s+to|expects\s+to|plans\s+to)\s+(?:also\s+)?receive\s+(?:[\w-]+\s+){0,3}?$"
)
# "EUR 15 million EU project", "USD 5 million Japanese-funded programme": the party a project right
# after an amount is of


def _project_of(ctx: Context, a: Amount) -> str | None:
    """The party (a state, the EU, a bank) whose project, grant or loan is named right after the
    amount ("a new EUR 15 million EU project", "co-financed by a **EUR 8 million** EU grant")."""
    at = a.span[1]
    while ctx.text[at : at + 1] in ("*", "_") and at < a.span[1] + 2:
        at += 1  # Markdown emphasis closing on the amount
    if ctx.text.startswith(" in ", at) and ctx.text[at + 4 : at + 5].isupper():
        at += 3  # "EUR 30 million in EU funding", "$100 million in Japanese loans"
    pos = at + 1
    if not ctx.text.startswith(" ", at) or not ctx.text[pos : pos + 1].isupper():
        return None
    got = _party_at(ctx, pos)
    needs_funded = False
    if got is None:
        # (a people only with "-funded": "a Chinese project" may be its companies')
        p = next((x for x in ctx.places if x.span[0] == pos and x.kind == "demonym" and x.country), None)
        got = (p.country, p.span[1]) if p is not None else None
        needs_funded = True
    if got is None:
        return None
    end = got[1]
    for tail in ("-funded", "-financed"):
        if ctx.text.startswith(tail, end):
            end += len(tail)
            needs_funded = False
    if _PARTY_MONEY_AFTER.match(ctx.text, end):
        return got[0]  # "a EUR 8 million EU grant", "a $40 million Japanese loan": the party's money
    return got[0] if not needs_funded and _PARTY_PROJECT_AFTER.match(ctx.text, end) else None


_PARTY_PROJECT_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:project|programme|program|initiative|facility)\b"
)
_PARTY_MONEY_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:grants?|loans?|credit\s+lines?|credits?|contribution|funding|financing|"
    r"assistance|aid)\b"
)
_FROM_WILL_GO = re.compile(
    r"\s+(?:in\s+[\w-]+\s+)?from\s+(?:the\s+)?[A-Z][^,;.]{0,60}?\s+(?:will|is\s+to|are\s+to|shall|would)\s+"
    r"(?:go|flow|be\s+(?:used|spent|directed|channell?ed|allocated|invested|made\s+available))\b"
)
_BORROW = re.compile(r"\bborrow(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}?$")
_DEALS = re.compile(
    r"\b(?:trade|deals?|agreements?|contracts?|orders?|exports?|imports?|sales|purchases|budget|spending)\b"
)
_ARM = re.compile(r"\s+(?:arm|unit|branch|window|wing|subsidiary|affiliate|division)\b")
_COMMITTED_TO = re.compile(
    r"\b(?:committed|pledged|agreed)\s+to\s+(?:raising|increasing|bringing|raise|increase|bring)\b"
)


def _non_party(ctx: Context, left: str, end: int) -> bool:
    """Companies, investors … as givers (their money is a figure); not a word inside a name ("the
    Joint Investment Company"). `left` ends at `end`."""
    for m in _lex()["non_party_scan"].finditer_part(left, ctx.at, end - len(left)):
        if m.group(0)[0].isupper() and re.search(r"[A-Z][\w–-]*\s+$", left[: m.start()]):
            continue
        if _CAPITAL_OF.match(left, m.end()):
            continue  # "a joint company with an authorised capital of …": the company receives it
        if _ARM.match(left, m.end()):
            continue  # "The IFC, the bank's private sector arm, …": it describes the giver
        return True
    return False


@lru_cache(maxsize=1)
def _figure_cue_scan() -> LiteralScan:
    return LiteralScan(_FIGURE_CUE)


def _figure_cue(ctx: Context, left: str, end: int) -> bool:
    """A word that makes the amount a measured value; a capitalised one inside a name ("UK Export
    Finance", "Export-Import Bank") does not count. `left` ends at `end`."""
    for m in _figure_cue_scan().finditer_part(left, ctx.at, end - len(left)):
        w = m.group(0)
        if w[0].isupper() and (
            re.match(r"\s+[A-Z]", left[m.end() :]) or re.search(r"[A-Z][\w.]*\s+$", left[: m.start()])
        ):
            continue
        return True
    return False


def _program_name(found: str) -> str:
    for p in _lex()["program_names"]:
        if p.lower() == found.lower():
            return p
    return found


def _giver(ctx: Context, a: Amount, s, left: str, right: str) -> str | None:
    """Who gives: an institution or party named before the amount in its sentence (or, in "the
    €10 billion that European lenders pledged", after it)."""
    lx = _lex()
    own = _project_of(ctx, a)
    if own:
        return own
    semi = ctx.text.rfind(";", s.start, a.span[0])
    if semi >= 0:
        # "The Kyrgyz side presented its plans; the EU stands ready to contribute …": the clause after
        # a semicolon has its own subject
        s = dataclasses.replace(s, start=semi + 1, text=ctx.text[semi + 1 : s.end])
    agent = _local_giver(ctx, a, s) or _cosigned_donor(ctx, a, s)
    if not agent and _OF_RIGHT_BEFORE.search(left[-24:]):
        agent = _party_money_of(ctx, a, left)  # "With EU support of EUR 5 million"
    agent = agent or _agent_after(ctx, a, s) or _thanked(ctx, a, s) or _bank_cosigned_loan(ctx, a, s)
    if agent:
        return agent
    rel = _RELATIVE.match(right)
    if rel:
        # "the EUR 12 bn envelope that Ursula von der Leyen, President of the Commission, announced"
        after_start = a.span[1] + rel.end()
        people = [p for st, _e, p in ctx.person_mentions() if after_start <= st < after_start + 40]
        if people and people[0].affiliation:
            return people[0].affiliation
        part = right[rel.end() - 4 : rel.end() + 70]
        m = lx["giver_after"].search(part) if _heads_in(ctx, part, a.span[1] + rel.end() - 4) else None
        if m:
            return _clean_giver(m.group(1))
    if " by " in right and (active := _active_giver(ctx, a, s)):
        # "AFD will provide a grant of EUR 1.5 million, financed by the European Union, to …": the
        # subject that provides it gives; the source behind it stands aside
        return active
    by_agents = _passive_agents(ctx, a, s, right) or _act_by(ctx, a, s) or _lender_signed_with(ctx, a, s)
    if by_agents:
        return by_agents
    lender = _from_giver(ctx, a, s)
    if lender and (lender[1] or _ADMINISTERS.search(left[-60:])):
        # (the subject that only administers or manages the money gives none of it: "ADB will also
        # administer a $5 million grant from the Japan Fund for …": the fund gives)
        return lender[0]
    poss = list(_POSS_OFFER.finditer(left)) if ("'s" in left or "’s" in left) else []
    if poss:
        # "Kazakhstan welcomed the EU's decision to allocate …": the owner of the offer gives
        owner = poss[-1].group(1)
        name = country_name(owner) or (org_info(owner) or {}).get("name")
        if name:
            return name
    both = _BOTH_SIDES.search(left) if any(w in left for w in _BOTH_SIDES_WORDS) else None
    if both and ctx.meeting is not None and len(ctx.meeting.parties) >= 2:
        first_name = min(
            [o.span[0] for o in ctx.orgs if s.start <= o.span[0] < a.span[0]]
            + [p.span[0] for p in ctx.places if s.start <= p.span[0] < a.span[0]],
            default=a.span[0],
        )
        if a.span[0] - len(left) + both.start() < first_name:  # the sides are the subject, before any name
            return " and ".join(ctx.meeting.parties)  # "The Sides … committed to …": both parties
    sent = ctx.text[s.start : a.span[0]]
    beside = (
        [(s.start + m.start(), s.start + m.end()) for m in _ALONGSIDE.finditer(sent)]
        if any(w in sent for w in _ALONGSIDE_WORDS)
        else []
    )
    orgs = [
        o
        for o in ctx.orgs
        if s.start <= o.span[0] < a.span[0]
        and not ctx.is_body_name(o.name)
        and o.kind != "parliament"  # "The Oliy Majlis ratified the agreement under which …"
        and o.name.lower() not in lx["program_lower"]  # "within the Global Gateway, the EU will …"
        and not _receives(ctx, o.span[1])
        and not _CHANNEL.search(ctx.text, max(s.start, o.span[0] - 14), o.span[0])
        # "The EU, together with the EIB and the EBRD, stands ready to …": partners beside the subject
        and not any(x <= o.span[0] < y for x, y in beside)
    ]
    # the subject of the clause with the amount ("… and announced that the EU plans to allocate …")
    cuts = [
        m.end()
        for m in _SUBJECT_CUT.finditer(ctx.text[s.start : a.span[0]])
        if not _joins_parties(ctx, s.start + m.start(), s.start + m.end())
    ]
    if cuts:
        cut = s.start + cuts[-1]
        # the last cut a party is named after ("…, while the EXIM Bank said it could provide …")
        cut = next((s.start + c for c in reversed(cuts) if _names_a_party(ctx, s.start + c, a.span[0])), cut)
        subj_orgs = [o for o in orgs if o.span[0] >= cut]
        subj_places = [
            p
            for p in ctx.places
            if cut <= p.span[0] < a.span[0]
            and (p.kind == "country" or (p.kind == "demonym" and _SIDE_NOUN.match(ctx.text, p.span[1])))
            and not _receives(ctx, p.span[1])
            and not _title_owner(ctx, p.span[1])
        ]
        if subj_places and (not subj_orgs or subj_places[0].span[0] < subj_orgs[0].span[0]):
            pl = subj_places[0]
            owned = _owned_institution(ctx, pl)
            if owned:
                return owned
            if pl.kind == "demonym":
                return pl.country  # "… and the Uzbek side 90 bln. sums"
            if _GOV_OF.search(ctx.text[max(s.start, pl.span[0] - 60) : pl.span[0]]):
                return f"Government of {pl.name}"  # "the Government of the People's Republic of China"
            return _state_name(pl)
        last_cut = s.start + cuts[-1]
        if (
            _BARE_GOV_SUBJECT.match(ctx.text, last_cut)
            and not _names_a_party(ctx, last_cut, a.span[0])
            and (home := _home_government(ctx, a.unit)) is not None
        ):
            # "the IsDB would lend USD 210 million, while the Government will co-finance the road with
            # KZT 25 billion": the clause's own subject, the home government, not a bank named before
            return home
        if subj_orgs:
            orgs = subj_orgs
    if orgs:
        o = orgs[0]
        name = _unthe(o.name)
        return _demonym_government(name) or name  # "The Uzbek Government has allocated …"
    if lender:
        return lender[0]
    gm = list(lx["giver_before"].finditer(left)) if _heads_in(ctx, left, a.span[0] - len(left)) else []
    if gm and _clean_giver(gm[-1].group(1)).lower() not in ("government", "cabinet", "member states"):
        g = _clean_giver(gm[-1].group(1))
        # "The bank is also ready to provide …": the bank (fund, agency) named last before it
        named = _named_before(ctx, g, a.span[0] - len(left) + gm[-1].start(1)) if " " not in g else None
        if not gm[-1].group(1).startswith("the ") or (g[:1].isupper() and " " in g):
            return named or g  # ("the Federal Government", "the European Commission": a name)
        if named and _SUBJECT_VERB.match(left, gm[-1].end()):
            # (a lower-case "the bank" inside the sentence gives only as the subject of a verb, "…, the
            # bank said it could provide …", and as a bank the text has named; not "the Fund's portfolio")
            return named
    # ("The government will co-finance the project with …": a hyphenated verb is one word; a longer
    # reach only when the home government is known, else "his government would extend a loan of …"
    # is read below, by the state the sentence names)
    gov_tail = _GOV_TAIL.search(left) if "overnment" in left else None
    if gov_tail is not None:
        home = _home_government(ctx, a.unit)
        if home is not None or len(gov_tail.group(1).split()) <= 4:
            return home
    if "budget" in left or "budget" in right[:80]:
        bud = _STATE_BUDGET.search(left) or _FROM_BUDGET.match(right[:120])
        if bud:  # "from the State budget of the Republic of Uzbekistan …", "from the republican budget"
            of = country_name(re.sub(r"^(?:Republic|Kingdom|State)\s+of\s+", "", bud.group(1) or ""))
            return f"Government of {of}" if of else _home_government(ctx, a.unit)
    if "inisters" in left:
        cab = _CABINET.search(left)
        if cab:  # "the Cabinet of Ministers has allocated …": the home country's cabinet
            home = _home_government(ctx, a.unit)
            if home:
                return re.sub(r"^Government", re.sub(r"\s+", " ", cab.group(1)), home)
    if "bank" in left:
        bank = next(reversed(list(_GLUED_BANK.finditer(left))), None)  # the last one named
        if bank:  # "Türk Eximbank is ready to extend …"
            return bank.group(1)
    the_country = _THE_COUNTRY.search(left) if ("country" in left or "overnment" in left) else None
    if the_country:
        # "Turkmenistan's President said the country is ready to invest …", "the Japanese ambassador
        # said his government would extend …": the state the sentence names (an owner of a title, a
        # people), else the speaker's
        gov = (the_country.group(2) or "").lower() == "government"
        state = next(
            (
                p.country or p.name
                for p in ctx.places_in(s.start, a.span[0])
                if p.kind == "country" or (p.kind == "demonym" and p.country)
            ),
            None,
        )
        if state is None:
            speaker = next((p for st, _e, p in ctx.person_mentions() if s.start <= st < a.span[0]), None)
            state = country_name(speaker.affiliation) if speaker is not None and speaker.affiliation else None
        if state is not None:
            return f"Government of {state}" if gov else state
    people = [p for st, _e, p in ctx.person_mentions() if s.start <= st < a.span[0]]
    if people and people[0].affiliation:
        return people[0].affiliation
    if ("we" in left or "We" in left) and (
        re.search(r"(?:^|[\s,–—-])[Ww]e\s+(?:\w+\s+){0,2}$", left[:80].split(",")[-1] + " ")
        or re.search(r"\b[Ww]e\s+(?:have\s+|had\s+|will\s+)?(?:\w+ed|allocate|provide)\s+$", left)
        # "…, and we are now preparing a new package of …": "we" opens the amount's clause
        or _WE_OPENS.match(left, max((m.end() for m in _SUBJECT_CUT.finditer(left)), default=0))
        or (ctx.in_quote(a.span[0]) and _WE_QUOTED.match(left))
    ):
        # "we have allocated …" in an interview or statement: the speaker's side (of the quotation
        # the amount stands in, else the first person of the lead)
        side = _quote_speaker_side(ctx, a.span[0])
        if side:
            return side
        for st, _e, p in ctx.person_mentions():
            if st >= ctx.lead_end:
                break
            side = p.affiliation or _party_in(p.role or "")
            if side:
                return side
    for p in ctx.places:
        if not s.start <= p.span[0] < a.span[0] or _receives(ctx, p.span[1]) or _title_owner(ctx, p.span[1]):
            continue
        if _PREP_BEFORE.search(ctx.text, max(s.start, p.span[0] - 12), p.span[0]):
            continue  # "… invested in Kazakhstan, and ACWA Power plans to invest …": a place, no giver
        if p.kind == "city" and _seat_subject(ctx, p):
            return _seats()[p.name]  # "Seoul intends to make up to $500 million … available"
        if p.kind == "country":
            return _owned_institution(ctx, p) or _state_name(p)
        if p.kind == "demonym" and _SIDE_NOUN.match(ctx.text, p.span[1]):
            return p.country  # "The European side announced …"
    if left.lstrip()[:3] in ("It ", "It,") and (it := _it_giver(ctx, s)):
        return it  # "The EBRD met the mayor. It will lend EUR 15 million …": the subject before
    if "Commission" in left and re.search(r"\b(?:the\s+)?Commission\b", left):
        return "European Commission"
    titled = _title_giver().search(left) if any(t in left for t in _title_givers()) else None
    if titled:
        return _title_givers()[re.sub(r"\s+", " ", titled.group(1))]  # "the Commissioner announced …"
    for p in ctx.places:
        # "a Japanese ODA loan of 25 billion yen", "a Korean grant of $7 million": the demonym of the loan
        if (
            s.start <= p.span[0] < a.span[0]
            and p.kind == "demonym"
            and p.country
            and lx["demonym_pledge"].match(ctx.text, p.span[1], a.span[0])
        ):
            return p.country
    return None


_PREP_BEFORE = re.compile(r"\b(?:in|into|to|for|from|across|throughout|at)\s+(?:the\s+)?$")
# "… said the country is ready to invest", "his country will provide": the state as the subject
_THE_COUNTRY = re.compile(
    r"\b(?:[Tt]he\s+(country)|(?:[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)\s+(country|government))\s+(?:[\w'’-]+\s+){0,5}$"
)
_FORMAL_STATE = re.compile(
    r"\b(?:Republic|Federation|Kingdom|Principality|Duchy|Sultanate|Emirates|Confederation)\b"
)


def _state_name(p) -> str:
    """A giving state as the text names it when that is its formal name ("the Kyrgyz Republic will
    contribute …" → "Kyrgyz Republic"); else its short name (the ledger knows both as one party)."""
    written = _unthe(p.text)
    if written != p.name and _FORMAL_STATE.search(written):
        return written
    return p.name


_OWNED_INST = re.compile(
    r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}?(?:fund|agency|bank|lender|institution|corporation)\b(?![\w-])"
)


def _owned_institution(ctx: Context, p) -> str | None:
    """ "Qatar's sovereign fund … could invest up to $1 billion": an institution of the state, named
    by no name of its own, gives as the text calls it."""
    m = _OWNED_INST.match(ctx.text, p.span[1])
    if not m:
        end = p.span[1]
        if ctx.text[end : end + 2] in ("'s", "’s"):
            # "Germany's KfW will provide …", "Japan's development agency JICA …": the state's named
            # institution gives
            for o in ctx.orgs:
                if end + 2 < o.span[0] <= end + 40 and _OWNED_NAMED.fullmatch(ctx.text, end + 2, o.span[0]):
                    return _unthe(o.name)
        return None
    phrase = ctx.text[p.span[0] : m.end()]
    return _unthe(phrase)


_OWNED_NAMED = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}(?:the\s+)?")


_POSSESSIVE_WORD = re.compile(r"['’]s\s+([A-Z][\w-]*)")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    roles = data.load("roles")
    return frozenset([h.split()[0] for h in roles["heads"]] + list(roles.get("modifiers") or []))


def _title_owner(ctx: Context, end: int) -> bool:
    """ "Uzbekistan's Minister of Investment Laziz Kudratov and …": a country whose title-holder is
    named is that person's side, not the subject that gives."""
    m = _POSSESSIVE_WORD.match(ctx.text, end)
    return bool(m) and m.group(1) in _title_words()


_RECEIVES = re.compile(
    r"\s+(?:(?:could|would|will|may|might|can|should|is\s+to|are\s+to|stands\s+to|is\s+set\s+to|"
    r"are\s+set\s+to|has|have|had|is|are|was|were)\s+)?(?:also\s+)?"
    r"(?:receive[sd]?|receiving|get|gets|got|obtain(?:s|ed)?|benefit(?:s|ed)?\s+from|draw(?:s)?\s+on)\b"
)


_AND_PARTY = re.compile(r"\s+and\s+")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|by|with|from)\s+(?:the\s+)?$")
# what may stand between the second of two joined subjects and the amount they give: a short verb
# phrase, no clause break, no co-signing ("… and the ministry signed …")
_JOINT_VERB = re.compile(r"(?:\s+(?:[\w-]+|up\s+to)){1,6}?\s*$")
_NOT_JOINT = re.compile(r"[,;:(]|\b(?:signed|agreed|concluded|with|between|each|respectively)\b")


def _joint_giver(ctx: Context, a: Amount, s, by: str) -> str | None:
    """ "The EBRD and the EIB will jointly provide EUR 300 million", "Germany and France pledged EUR 6
    million": two parties joined as the subject right before the amount give it together."""
    text = ctx.text
    a0 = a.span[0]
    k = text.rfind(" and ", max(s.start, a0 - 160), a0)  # (the pair stands right before the verb)
    if k < 0 or _NOT_JOINT.search(text, a.span[1], a.span[1] + 12):
        return None
    for m in _AND_PARTY.finditer(text, k, a0):
        if not _joins_parties(ctx, m.start() + 1, m.end()):
            continue
        at = m.end() + (4 if text.startswith("the ", m.end()) else 0)
        second = _party_at(ctx, at)
        if second is None or second[1] >= a0:
            continue
        between = text[second[1] : a0]
        if _NOT_JOINT.search(between) or not _JOINT_VERB.fullmatch(between):
            continue
        first = next(
            (x for x in [*ctx.orgs, *ctx.places] if x.span[1] == m.start() and x.span[0] >= s.start), None
        )
        got = _party_at(ctx, first.span[0]) if first is not None else None
        if got is None or second[0] == got[0] or by not in (got[0], second[0]):
            continue
        if _BETWEEN_BEFORE.search(text, max(s.start, first.span[0] - 14), first.span[0]):
            continue  # "a Finance Contract between the EIB and the Ministry … on a €100 million loan"
        return f"{got[0]} and {second[0]}"
    return None


def _joins_parties(ctx: Context, lo: int, hi: int) -> bool:
    """Whether the "and" at text[lo:hi] joins two named parties ("Germany and France", "the Republic
    of Tajikistan and the Republic of Uzbekistan"): one noun phrase, no new clause."""
    text = ctx.text
    if not text.startswith("and", lo):
        return False
    j = lo
    while j > 0 and text[j - 1].isspace():
        j -= 1
    ends = ctx.memo.get("party_ends")
    if ends is None:
        ends = ctx.memo["party_ends"] = {p.span[1] for p in ctx.places if p.kind == "country"} | {
            o.span[1] for o in ctx.orgs
        }
    if j not in ends:
        return False
    at = hi + (4 if text.startswith("the ", hi) else 0)
    return _party_at(ctx, at) is not None


# "The European Union, through the EIB, plans to provide …": the channel is not the giver
# (also "In addition to the EIB loan, the Development Bank … will contribute": the money beside it)
_ALONGSIDE = re.compile(
    r"\b(?:[Tt]ogether\s+with|[Aa]long\s+with|[Aa]longside|[Jj]ointly\s+with|[Ii]n\s+addition\s+to|[Bb]esides|"
    r"[Aa]part\s+from|[Oo]n\s+top\s+of)\s[^,;]*"
)
_ALONGSIDE_WORDS = ("with", "longside", "ddition to", "esides", "part from", "top of")
_CHANNEL = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$")


def _receives(ctx: Context, end: int) -> bool:
    """ "… from which Kyrgyzstan could receive about EUR 15 million": a party that receives the money
    (the subject of receive, get, obtain, benefit from) is not its giver."""
    return bool(_RECEIVES.match(ctx.text, end))


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    return data.load("places").get("government_seats") or {}


# a city in subject position: after the start of a clause, before a verb ("Seoul intends to …")
_SEAT_BEFORE = re.compile(r"(?:^|[.;:,\n(“\"]|\b(?:said|says|and|that|but|while|as|whereas|when))\s*$")
_SEAT_VERB = re.compile(
    r"\s+(?:\w+ly\s+)?(?:is|was|has|have|had|will|would|could|can|may|might|[a-z]\w*s|[a-z]\w*ed)\b"
    r"(?!\s+(?:region|province|oblast|city|office|airport|station))"
)


def _seat_subject(ctx: Context, p) -> bool:
    """A capital standing for its government as the subject of a clause ("Seoul intends to …",
    "Brussels has pledged …"), not a place things happen in ("talks in Seoul")."""
    if p.name not in _seats():
        return False
    return bool(
        _SEAT_BEFORE.search(ctx.text, max(0, p.span[0] - 12), p.span[0])
        and _SEAT_VERB.match(ctx.text, p.span[1])
    )


def _party_at(ctx: Context, pos: int) -> tuple[str, int] | None:
    """The party whose name opens at `pos`: an organisation (not a body), a country, a demonym before
    "side", a capital in subject position; with where its name ends."""
    for o in ctx.orgs:
        if o.span[0] == pos and not ctx.is_body_name(o.name):
            return _unthe(o.name), o.span[1]
    for p in ctx.places:
        if p.span[0] != pos:
            continue
        if p.kind == "country":
            return _state_name(p), p.span[1]
        if p.kind == "demonym":
            side = _SIDE_NOUN.match(ctx.text, p.span[1])
            if side and p.country:
                return p.country, side.end()
        if p.kind == "city" and p.name in _seats():
            return _seats()[p.name], p.span[1]
    return None


_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_THE = re.compile(r"(?:the\s+)?")
_REL_AGENT = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:that|which)\s")  # "… in investments that the EU …"
_AGENT_LEAD = re.compile(r"(?:\s*,?\s*(?:which|that))?\s+(?:the\s+)?")


def _agent_after(ctx: Context, a: Amount, s) -> str | None:
    """ "the EUR 70 million the EU has allocated to …", "…, which the EBRD could provide next year": a
    party named right after the amount as the subject of a pledge verb gives it."""
    text = ctx.text
    start = a.span[1]
    br = _BRACKET_AFTER.match(text, start, s.end)  # "… 25 billion tenge (about €41 million) that …"
    if br:
        start = br.end()
    rel = _REL_AGENT.match(text, start, s.end)  # "… in Global Gateway investments that the EU …"
    lead = _THE.match(text, rel.end(), s.end) if rel else _AGENT_LEAD.match(text, start, s.end)
    if not lead:
        return None
    got = _party_at(ctx, lead.end())
    if got is None:
        return None
    name, end = got
    return name if _lex()["agent_verb"].match(text, end, s.end) else None


# "the signing by the Saudi Fund for Development of loan agreements …": the agent of a pledge noun
_BY_WORD = re.compile(r"\bby\s+(?:the\s+)?")


def _act_by(ctx: Context, a: Amount, s) -> str | None:
    """A party named after "by" and before "of <loan, grant …>" in the amount's clause gives it."""
    text = ctx.text
    if "by " not in text[s.start : a.span[0]]:
        return None
    of_pledge = _lex()["of_pledge"]
    for m in _BY_WORD.finditer(text, s.start, a.span[0]):
        got = _party_at(ctx, m.end())
        if got is not None and of_pledge.match(text, got[1], a.span[0]):
            return got[0]
    return None


# "The Uzbek side thanked Korea for its grant of …", "… expressed gratitude to the EU for the €10 million"
_THANKS = re.compile(
    r"\b(?:thanked|thanks|thanking|grateful\s+to|gratitude\s+to|appreciation\s+to)\s+(?:the\s+)?"
)
_FOR = re.compile(r"\s+for\b")


@lru_cache(maxsize=1)
def _local_lex() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    h = data.load("hedges")
    rx = re.compile(
        r"\b[Tt]he\s+(?:([A-Z][\w-]+)\s+)?("
        + _phrases_alt(h.get("local_subjects") or [])
        + r")\s+"
        r"(?:will|would|shall|is|has|had|plans|intends|pledged|committed|allocated|agreed|undertook|"
        r"co-finances|contributes|offered|promised)\b"
    )
    return rx, h.get("local_administrations") or {}, frozenset(h.get("implementer_kinds") or [])


def _local_giver(ctx: Context, a: Amount, s) -> str | None:
    """ "The Deputy Akim of Almaty thanked the EU and said the city will co-finance the project with 1
    billion tenge": a city (region) that is the subject of the amount's clause gives, as its
    administration; the city is the one named last before."""
    rx, names, _ = _local_lex()
    m = next(reversed(list(rx.finditer(ctx.text, s.start, a.span[0]))), None)  # the last one before
    if m is None:
        return None
    want = ("region",) if m.group(2) in ("region", "oblast", "province") else ("city",)
    # "the Almaty city akimat will …": the city named in the subject; else the one named last before
    upto = m.end(1) if m.group(1) else m.start()
    place = next((p for p in reversed(ctx.places) if p.span[0] < upto and p.kind in want), None)
    if place is None:
        return None
    tmpl = names.get(place.country or "") or names.get("default") or "{place}"
    return tmpl.format(place=place.name)


_AND_SIGNED = re.compile(r"\s+and\s+(?:the\s+)?")
_SIGNED_AFTER = re.compile(r"\s+(?:have\s+|has\s+|jointly\s+)?signed\b")


def _cosigned_donor(ctx: Context, a: Amount, s) -> str | None:
    """ "The EU and UNDP signed a €4.5 million grant agreement": a state or union signing together
    with an organisation that carries the project out gives (a bank that signs lends: not here); else,
    of a donor and a recipient signing together, the one whose own currency the money is in
    (`_cosigner_in_its_currency`)."""
    _, _, kinds = _local_lex()
    if "signed" not in ctx.text[s.start : a.span[0]]:
        return None
    for o in ctx.orgs:
        if not (s.start <= o.span[0] < a.span[0]) or o.kind not in kinds:
            continue
        # "the EU and UNDP signed", "UNDP and the EU signed"
        for p in ctx.places:
            if p.kind != "country" or not (s.start <= p.span[0] < a.span[0]):
                continue
            first, second = (p, o) if p.span[0] < o.span[0] else (o, p)
            j = _AND_SIGNED.match(ctx.text, first.span[1])
            if j and j.end() == second.span[0] and _SIGNED_AFTER.match(ctx.text, second.span[1]):
                return _state_name(p)
    return _cosigner_in_its_currency(ctx, a, s)


# "… and the Government of Tajikistan on Monday signed": the pair's verb, a short time phrase between
_PAIR_SIGNED = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:have\s+|has\s+|jointly\s+)?signed\b")


@lru_cache(maxsize=1)
def _issuers() -> dict[str, str]:
    """Party name → the currency its own money is in (data/currencies.yaml `country`, `issuers`)."""
    out: dict[str, str] = {}
    for code, spec in data.load("currencies")["currencies"].items():
        for name in ([spec["country"]] if spec.get("country") else []) + list(spec.get("issuers") or []):
            out[name] = code
    return out


def _party_name(ctx: Context, pos: int) -> tuple[str, str, int] | None:
    """(the name as a giver, its state's short name, end) of a state, union or government at pos."""
    for p in ctx.places:
        if p.span[0] == pos and p.kind == "country":
            return _state_name(p), p.name, p.span[1]
    for o in ctx.orgs:
        if o.span[0] == pos and o.kind == "government":
            inner = next(
                (p for p in ctx.places if o.span[0] <= p.span[0] < o.span[1] and p.kind == "country"), None
            )
            if inner is not None:
                name = _unthe(o.name)
                return name, inner.name, o.span[1]
    return None


def _cosigner_in_its_currency(ctx: Context, a: Amount, s) -> str | None:
    """ "The European Union and the Government of Tajikistan signed financing agreements worth EUR 75
    million", "Kyrgyzstan and Japan signed a grant of 1.2 billion yen": of two parties signing one deal,
    the donor is the one whose own currency the money is in (the recipient's state has its own)."""
    issuers = _issuers()
    if a.unit not in issuers.values() or " and " not in ctx.text[s.start : a.span[0]]:
        return None
    ends = ctx.memo.get("party_name_ends")
    if ends is None:
        # the end of every state, union or government name → its start (made once per document)
        ends = ctx.memo["party_name_ends"] = {
            x.span[1]: x.span[0] for x in [*ctx.places, *ctx.orgs] if x.kind in ("country", "government")
        }
    for m in _AND_SIGNED.finditer(ctx.text, s.start, a.span[0]):
        if not ctx.text.startswith(" and", m.start()) or m.start() not in ends:
            continue
        end_first = m.start()
        got = _party_name(ctx, ends[end_first]) if ends[end_first] >= s.start else None
        first = got if got is not None and got[2] == end_first else None
        second = _party_name(ctx, m.end()) if first is not None else None
        if second is None or not _PAIR_SIGNED.match(ctx.text, second[2]):
            continue
        own = [g for g in (first, second) if issuers.get(g[1]) == a.unit]
        if len(own) == 1:
            return own[0][0]
    return None


def _thanked(ctx: Context, a: Amount, s) -> str | None:
    """The party thanked for the money, in the amount's sentence before it, gives it."""
    text = ctx.text
    part = text[s.start : a.span[0]]
    if "thank" not in part and "grat" not in part and "appreciation" not in part:
        return None
    for m in _THANKS.finditer(text, s.start, a.span[0]):
        got = _party_at(ctx, m.end())
        if got is None:
            # "thanked the Fund for its loan …": the bank, fund or agency named before
            head = _BARE_HEAD.match(text, m.end())
            name = _named_before(ctx, head.group(1), m.start()) if head else None
            got = (name, head.end()) if name else None
        if got is not None and _FOR.match(text, got[1]):
            return got[0]
    return None


_BARE_HEAD = re.compile(r"(Bank|Fund|Agency)\b")


_BETWEEN_BANK = re.compile(r"\bbetween\s+(?:the\s+)?$")
_AGREEMENT_WITH = re.compile(r"\b(?:loan|credit|financing|grant)\s+agreements?\s+with\s+(?:the\s+)?$")


_SIGNED_LOAN = re.compile(
    r"\s(?:signed|have\s+signed|has\s+signed|concluded|inked)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$"
)
_LOAN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:loan|loans|credit|credit\s+line|finance\s+contract)\b")


def _bank_cosigned_loan(ctx: Context, a: Amount, s) -> str | None:
    """ "The EBRD and the Kyrgyz government signed a EUR 50 million loan for …": of the signers, the
    one bank lends (whatever the order in which the text names them)."""
    text = ctx.text
    if not _LOAN_AFTER.match(text, a.span[1]):
        return None
    signed = _SIGNED_LOAN.search(text, s.start, a.span[0])
    if signed is None:
        return None
    banks = {o.name for o in ctx.orgs if s.start <= o.span[0] < signed.start() and o.kind == "bank"}
    if len(banks) != 1:
        return None
    name = banks.pop()
    return _unthe(name)


_DEAL_BETWEEN = re.compile(rf"\b{_DEAL_NOUNS}\s+(?:agreements?|contracts?)\s+between\s+(?:the\s+)?", re.I)


def _donor_between(ctx: Context, a: Amount, s) -> str | None:
    """ "a grant agreement between the EU and the Ministry of Energy …, EUR 12 million", "a loan
    agreement between Japan and Uzbekistan worth 30 billion yen": of the two states (unions,
    governments) a deal is between, the one whose own currency the money is in gives."""
    if ctx.text.find(" between ", s.start, a.span[0]) < 0:
        return None
    m = _DEAL_BETWEEN.search(ctx.text, s.start, a.span[0])
    if m is None:
        return None
    first = _party_name(ctx, m.end())
    if first is None:
        return None
    cands = [first]
    j = _AND_SIGNED.match(ctx.text, first[2])
    second = _party_name(ctx, j.end()) if j else None
    if second is not None:
        cands.append(second)
    own = [c for c in cands if _issuers().get(c[1]) == a.unit]
    return own[0][0] if len(own) == 1 else None


def _lender_signed_with(ctx: Context, a: Amount, s) -> str | None:
    """ "The Ministry of Finance signed a $200 million loan agreement with the ADB": a development
    bank a borrower signs a loan agreement with lends, unless a bank is itself the subject."""
    text = ctx.text
    around = text[s.start : min(s.end, a.span[1] + 60)]
    if "agreement" not in around and "ontract" not in around:
        return None
    banks = [o for o in ctx.orgs if s.start <= o.span[0] < min(s.end, a.span[1] + 60) and o.kind == "bank"]
    if not banks:
        return _donor_between(ctx, a, s)
    b = banks[0]
    if _AGREEMENT_WITH.search(text, max(s.start, b.span[0] - 40), b.span[0]):
        return b.name
    # "a financing agreement of EUR 12 million between KfW and the Ministry of Finance": the bank first
    if b.span[0] > a.span[1] and _BETWEEN_BANK.search(text, max(a.span[1], b.span[0] - 12), b.span[0]):
        return b.name
    # "a Finance Contract between the European Investment Bank and the Ministry … on a €100 million loan"
    if b.span[0] < a.span[0] and _BETWEEN_BANK.search(text, max(s.start, b.span[0] - 12), b.span[0]):
        return b.name
    return None


# "a loan of US$ 30 million from the Asian Infrastructure Investment Bank", "a €1.5 million grant
# from the Government of Japan", "a loan of USD 45 million and a grant of USD 12.5 million from …"
_FROM_LEAD = re.compile(r"\s+(?:in\s+)?(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?=[A-Z])")
_AND_NEXT = re.compile(r"\s+and\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?")
_LENDER_KINDS = frozenset(
    ("bank", "government", "agency", "ministry", "eu institution", "international organization")
)


def _from_giver(ctx: Context, a: Amount, s) -> tuple[str, bool] | None:
    """The party an amount comes "from", read right after it (across one more amount joined by "and");
    with whether it is a lender in its own right (a bank, a government, a state, an agency), which
    outranks the clause's subject, or another body (a fund), which gives only when no one else does."""
    text = ctx.text
    end = a.span[1]
    nxt = next((x for x in ctx.amounts if x.span[0] >= end), None)
    if nxt is not None and nxt.span[0] < s.end and _AND_NEXT.fullmatch(text, end, nxt.span[0]):
        end = nxt.span[1]
    m = _FROM_LEAD.match(text, end, s.end)
    if not m:
        return None
    pos = m.end()
    for o in ctx.orgs:
        if o.span[0] == pos and not ctx.is_body_name(o.name):
            name = _unthe(o.name)
            return name, o.kind in _LENDER_KINDS or name.endswith("Bank")
    got = _party_at(ctx, pos)  # a country, or "the Korean government"
    return (got[0], True) if got else None


_WE_OPENS = re.compile(r"\s*[Ww]e\s")
_WE_QUOTED = re.compile(r"\s*[\"“]\s*[Ww]e\s")  # '"We are also providing €8 million …'


def _quote_speaker_side(ctx: Context, pos: int) -> str | None:
    """The side of the person quoted in the quotation that holds `pos`."""
    q = next((q for q in ctx.quotes if q.span[0] <= pos < q.span[1]), None)
    if q is None:
        return None
    if not q.speaker or not any(q.speaker in p.name or p.name in q.speaker for p in ctx.people):
        # '"We are ready to provide …," said the EIB Vice-President': the institution of the unnamed
        # speaker right after the quotation
        said = _SAID_AFTER.match(ctx.text, q.span[1])
        org = next((o for o in ctx.orgs if said and said.end() <= o.span[0] < said.end() + 4), None)
        if org is not None:
            return _unthe(org.name)
        state = next(
            (
                p for p in ctx.places
                if said and said.end() <= p.span[0] < said.end() + 4 and p.kind in ("country", "demonym")
            ),
            None,
        )
        if state is not None and (state.country or state.kind == "country"):
            return state.country or state.name  # '…," the Uzbek minister said'
        if not q.speaker:
            return None
    for p in ctx.people:
        if p.name == q.speaker or p.name.endswith(" " + q.speaker) or q.speaker.endswith(" " + p.name):
            return p.affiliation or _party_in(p.role or "")
    return None
_SAID_AFTER = re.compile(
    r"[,\"”’'\s]*(?:(?:said|says|added|stressed|noted|told\s+\w+)\s+)?(?:the\s+)?(?=[A-Z])"
)
_POSS_OFFER = re.compile(
    r"\b([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*)['’]s\s+(?:[\w-]+\s+){0,2}(?:decision|plan|plans|offer|pledge|"
    r"commitment|readiness|intention|initiative|proposal|grant|loan|package|support|announcement|allocation|"
    r"provision|contribution)\b"
)
_NEXT_CLAUSE = re.compile(r"\s+and\s+(?:said|announced|added|noted|stressed|\w+ed)\b|[;,]\s|\s+while\s")
_YEAR_BACK = re.compile(
    r"\s+(?:in\s+|for\s+)?(?:the\s+(?:same|corresponding|analogous|similar|comparable)\s+period\s+(?:of\s+)?"
    r"(?:last|the\s+previous)\s+year|a\s+year\s+(?:earlier|ago|before))\b"
)
_SAME_PERIOD = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+same\s+period\b(?!\s+(?:of\s+)?(?:last|the\s+previous|a\s+year))"
    # "… reached about 9 percent over the period", "in that period": the period told just before
    r"|\b(?:over|in|during|for)\s+(?:the|this|that)\s+(?:reporting\s+|review\s+|reviewed\s+)?period\b"
    r"(?!\s+(?:of|from|between|to|under|in|since|covered|when)\b|\s*[\d(])",
    re.I,
)


def _same_period_of(ctx: Context, a: Amount, s) -> bool:
    """ "More than 350 trains used the corridor over the same period": the phrase in the amount's clause."""
    if not _lex()["same_in"].found(ctx.text, ctx.at):
        return False
    nxt = min((x.span[0] for x in ctx.amounts if x.span[0] > a.span[1]), default=s.end)
    prev = max((x.span[1] for x in ctx.amounts if x.span[1] <= a.span[0]), default=s.start)
    return bool(_SAME_PERIOD.search(ctx.text, max(prev, s.start), min(nxt, s.end)))


_BOTH_SIDES = re.compile(
    r"\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:[Ss]ides|[Pp]arties|Heads\s+of\s+State|[Ll]eaders|Presidents)\b"
)
_BOTH_SIDES_WORDS = ("ides", "arties", "Heads", "eaders", "Presidents")  # one is in every match


_PASSIVE_BY = re.compile(
    r"\b(?:contributed|provided|allocated|financed|co-financed|funded|paid|covered|granted|extended|"
    r"made\s+available|earmarked|pledged|committed|mobili[sz]ed|approved|set\s+aside|backed|guaranteed|"
    r"announced|promised|offered)\b"
    r"[^.;:]{0,40}?\bby\s+(?:the\s+)?$"
)
# "EUR 10 billion for transport, announced by European and international financial institutions at
# …": a promise told in the passive after the amount makes it a pledge (not "financed by", "paid by",
# which tell of money spent)
_PROMISED_BY = re.compile(
    r"^[^.;:]{0,120}?,?\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:announced|pledged|promised|"
    r"committed|earmarked|offered|mobili[sz]ed)\s+(?:[\w-]+\s+){0,3}?by\s"
)
_PASSIVE_BY_OPEN = re.compile(_PASSIVE_BY.pattern[:-1])  # the same, anywhere in the clause
_AND_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# a loan (finance contract, grant) "signed … by" its parties: the lender among them gives
_SIGNED_BY = re.compile(r"\bsigned\b[^.;:]{0,40}?\bby\s+(?:the\s+)?")
# what may stand between "by" and the lender: the other signatories, named ("the Republic of
# Uzbekistan and"), not a clause
_AGENT_LIST = re.compile(r"(?:(?:[A-Z][\w'’-]*|of|the)\s+){0,6}?(?:,\s*|\s*and\s+)?(?:the\s+)?|")


def _passive_agents(ctx: Context, a: Amount, s, right: str) -> str | None:
    """ "USD 100 million, to be contributed in equal shares by Azerbaijan and Kazakhstan": the
    countries (or the institution) after a passive "… by" in the amount's own clause give it."""
    if " by " not in right:
        return None
    hi = a.span[1] + len(right)
    cs = [p for p in ctx.places if a.span[1] <= p.span[0] < hi and p.kind == "country"]
    org = next((o for o in ctx.orgs if a.span[1] <= o.span[0] < hi and not ctx.is_body_name(o.name)), None)
    signed = _SIGNED_BY.search(ctx.text, a.span[1], hi) if " signed " in right else None
    if signed:
        # "the finance contract for EUR 150 million signed by the EIB and the Republic of Uzbekistan":
        # of the signatories, the bank (fund) lends, whichever is named first
        lender = next(
            (o for o in ctx.orgs if signed.end() <= o.span[0] < hi and o.kind in ("bank", "fund")), None
        )
        if lender is not None and _AGENT_LIST.fullmatch(ctx.text, signed.end(), lender.span[0]):
            return _unthe(lender.name)
    if org is not None and (not cs or org.span[0] <= cs[0].span[0]):  # ("the Japan Fund for …": the fund)
        # "… has been earmarked by the European Investment Bank", "…, financed by the EIB, …"
        if _PASSIVE_BY.search(ctx.text[a.span[1] : org.span[0]]):
            return _unthe(org.name)
        return None
    if not cs:
        # "… is funded by the Japanese government": a demonym before "government" or "side"
        m = _PASSIVE_BY_OPEN.search(ctx.text, a.span[1], hi)
        got = _party_at(ctx, m.end()) if m else None
        if got is None and m:
            # "the EUR 10 billion pledged by European and international financial institutions"
            g = _lex()["giver_after"].match(ctx.text, m.end(), max(hi, min(s.end, m.end() + 80)))
            return _clean_giver(g.group(1)) if g else None
        return got[0] if got else None
    if not _PASSIVE_BY.search(ctx.text[a.span[1] : cs[0].span[0]]):
        return None
    names = [cs[0].name]
    for prev, p in zip(cs, cs[1:], strict=False):
        if not _AND_SEP.fullmatch(ctx.text[prev.span[1] : p.span[0]]):
            break
        if p.name not in names:
            names.append(p.name)
    return " and ".join(names)


# "X will provide", "X has extended": an active verb of giving right after the subject
_GIVES_AFTER = re.compile(
    r"\s+(?:\([^()]{1,30}\)\s+)?(?:will|shall|has|have|is\s+to|would)\s+(?:also\s+)?"
    r"(?:(?:provide|extend|grant|allocate|give|contribute|offer|award)(?:s|d|ed|n)?|lend|lent)\b"
)


def _active_giver(ctx: Context, a: Amount, s) -> str | None:
    """The institution or party that is the subject of an active verb of giving in the amount's clause,
    before it ("AFD will provide a technical assistance grant of …")."""
    subj = [
        o
        for o in ctx.orgs
        if s.start <= o.span[0] < a.span[0]
        and _GIVES_AFTER.match(ctx.text, o.span[1])
        and not ctx.is_body_name(o.name)
    ]
    if not subj or _names_a_party(ctx, subj[-1].span[1], a.span[0]):
        return None
    name = subj[-1].name
    return _unthe(name)

def _named_before(ctx: Context, head: str, pos: int) -> str | None:
    """The last organisation before `pos` whose name ends in the bare `head` ("bank" → "European Bank
    for Reconstruction and Development" when its name or kind says bank), or None."""
    h = head.lower()
    if head == "Union" and "European Union" in ctx.text[:pos]:
        return "European Union"  # "The Union will allocate …" in a text that has named the EU
    if h not in ("bank", "fund", "agency", "lender"):
        return None
    for o in reversed(ctx.orgs):
        if o.span[0] >= pos or ctx.is_body_name(o.name):
            continue
        words = o.name.lower().split()
        if h in words or o.kind == h or (h == "lender" and o.kind == "bank"):
            return _unthe(o.name)
    return None


def _heads_in(ctx: Context, part: str, offset: int) -> bool:
    """Whether a giver head word ("Bank", "institutions" …) may stand in `part` (at `offset`)."""
    return _lex()["giver_heads_in"].found_part(part, ctx.at, offset)


# read at a position; "the Kazakh side", "the Kazakh Side" (joint statements capitalise it)
_SIDE_NOUN = re.compile(r"\s+(?:[Ss]ide|[Dd]elegation|[Gg]overnment|[Aa]uthorities)\b")
_GOV_OF = re.compile(r"\bGovernment\s+of\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}$")


def _party_in(role: str) -> str | None:
    """ "Head of the Delegation of the European Union to Turkmenistan" → "European Union"."""
    for m in re.finditer(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)", role):
        c = country_name(m.group(1))
        if c:
            return c
    return None


_DEMONYM_GOVERNMENT = re.compile(r"(\w[\w\s-]*?)\s+[Gg]overnment")


def _demonym_government(g: str) -> str | None:
    """ "Kazakh government", "Uzbek Government" → "Government of <country>" (as the gold names it)."""
    m = _DEMONYM_GOVERNMENT.fullmatch(g)
    country = demonym_country(m.group(1)) if m else None
    return f"Government of {country}" if country else None


def _clean_giver(g: str) -> str:
    g = re.sub(r"^(?:The|the|and)\s+", "", g.strip())
    low = g.lower()
    progs = _lex()["program_lower"]
    for prog in progs if low.startswith(progs) else ():
        if low.startswith(prog) and low[len(prog) : len(prog) + 1] in (" ", ","):
            # "… of the Multiannual Indicative Programme the European Union allocates": the party after
            # the programme's name gives
            return _clean_giver(g[len(prog) :].lstrip(" ,")) if g[len(prog) :].strip(" ,") else g
    gov = _demonym_government(g)
    if gov:
        return gov  # "the Kazakh government"
    info = org_info(g) or org_info(f"the {g}")  # "The Commission announced …": the alias "the Commission"
    return info["name"] if info else g


_STATE_BUDGET = re.compile(
    r"\b(?:[Ss]tate|[Rr]epublican|[Nn]ational|[Ff]ederal|[Gg]overnment|[Cc]entral)\s+budget\b"
    r"(?:\s+of\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)*))?"
)
# "… will be allocated from the State budget of Uzbekistan for …": the budget after the amount
_FROM_BUDGET = re.compile(r"[^.;]{0,40}?\bfrom\s+(?:the\s+)?" + _STATE_BUDGET.pattern[2:])
_CABINET = re.compile(r"\b((?:Cabinet|Council)\s+of\s+Ministers)\s+(?:\w+\s+){0,4}$")
# a name whose last word ends in "bank": "Türk Eximbank", "Vnesheconombank", "Halkbank"
_GLUED_BANK = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z]\w*bank)\b")


@lru_cache(maxsize=1)
def _currency_countries() -> dict[str, str]:
    specs = data.load("currencies")["currencies"]
    return {c: spec["country"] for c, spec in specs.items() if spec.get("country")}


def _home_government(ctx: Context, currency: str | None = None) -> str | None:
    """Whose government a bare "the Government" is: the state whose national currency it spends
    ("the Cabinet of Ministers has allocated 4.5 billion soms"), else the first government the text
    names ("the Government of the Republic of Kazakhstan …"), else the first country it names."""
    own = _currency_countries().get(currency or "")
    if own:
        return f"Government of {own}"
    m = re.search(r"\bGovernment\s+of\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+)*)", ctx.text)
    if m:
        name = re.sub(
            r"^(?:Republic|Kingdom|State|People's Republic|Federal Republic)\s+of\s+", "", m.group(1)
        )
        country = country_name(name) or country_name(m.group(1))
        if country:
            return f"Government of {country}"
    # (a union of states has no government: "the Government" is a state's)
    first = next(
        (
            p.name if p.kind == "country" else p.country
            for p in ctx.places
            if (p.kind == "country" or (p.kind == "demonym" and p.country))
            and "European Union" not in (p.name, p.country)
        ),
        None,
    )
    return f"Government of {first}" if first else None


# (the first look-ahead holds wherever the second may: a quick test of the one character every
# ending opens with, so the lazy purpose above is not tried against every ending at each letter)
_PURPOSE_END = (
    r"(?=[.;:(”,\s]|$)"
    r"(?=[.;:(”]|,[\"”]"
    r"|,\s+and\s+(?:is|are|was|were|will|would|could|has|have|had|plans|intends|also)\b"
    r"|,?\s+and\s+(?:we|they|it|he|she|that)\s|,\s+subject\s+to\b"
    r"|,?\s+and\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:[$€£¥]|[A-Z]{3}\s?\d)"  # "… and a $7 million loan"
    r"|,\s+(?:[$€£¥]|[A-Z]{3}\s?\d)"  # "… for water, €5 million for health"
    r"|\s+under\s+(?:the\s+|its\s+|their\s+)?[A-Z]"
    r"|,\s+(?:which|while|whereas|and\s+the|and\s+[A-Z]\w*|and\s+\d+|with|backed|as|but|in\s+(?:19|20)\d\d|it|they)\b"
    r"|,\s+[\w\s]{0,40}?\b(?:said|says|told|added|noted)\b|\s+since\s|\s+and\s+(?:said|announced|added|noted)\b"
    # "… to Central Asia, first announced in Samarkand": a participle clause about the pledge
    r"|,\s+(?:first\s+|originally\s+|already\s+|initially\s+)?(?:announced|pledged|unveiled|made|promised|"
    r"committed|agreed|approved|signed)\b"
    # "… for transport in Central Asia was announced by …": the verb of a passive sentence
    r"|\s+(?:was|were|has\s+been|had\s+been|will\s+be)\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|en)\b"
    # "… to the project through the Investment Platform …, bringing total EU support to …", "… to the
    # cable from the Connecting Europe Facility": a channel, a source or a running total is no purpose
    r"|\s+(?:through|via|from)\s+(?:the\s+|its\s+)?[A-Z]|,\s+(?:bringing|raising|taking|lifting)\s"
    r"|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s+at\s+(?:the|an?)\s|$)"
)
_PURPOSE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:[\w\s-]{0,60}?)\b(?:for|to|aimed at|towards|on)\s+(.{4,140}?)" + _PURPOSE_END
)
_PURPOSE_TAIL = re.compile(r"(.{4,140}?)" + _PURPOSE_END)
_DATE_START = re.compile(
    r"(?:be|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|the\s+sidelines|the\s+margins)\b"
)
_RECIPIENT_FOR = re.compile(r"(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+for\s+(.{4,})")
_PURPOSE_STOP = re.compile(r"\s+and\s+that\s|,\s+(?:while|but|whereas)\s")
_FOR_WORD = re.compile(r"\bfor\s+")
_BRACKET_OPEN = re.compile(r"\(\s*(?:about|approximately|approx\.|around|some|roughly|nearly|~|or)?\s*$")
_AMOUNT_TOKEN = re.compile(r"(?:(?<![A-Za-z])[A-Z]{0,3}[$€£¥]\s?|\b[A-Z]{3}\s?)\d")
_AND_NEXT_OF = re.compile(r"\s+and\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$")
# the clause ends there; or an apposition opens ("… under Global Gateway, the EU's strategy for …")
_PURPOSE_BREAK = re.compile(r"[;.]\s|,\s+(?:and|while|but|whereas|which)\s|,\s+(?:the|a|an)\s")
_NAME_END = re.compile(r"[A-Z][\w’'-]*\s+$")


def _purpose(right: str) -> str | None:
    # (every stop says one of these words: most clauses need no search)
    stop = (
        _PURPOSE_STOP.search(right)
        if "that" in right or "while" in right or "but" in right or "whereas" in right
        else None
    )
    if stop:
        right = right[: stop.start()].rstrip(" ,")  # "… a solar park and that trade amounted to …"
    m = _PURPOSE.match(right)
    if m and _DATE_START.match(m.group(1)):
        m = None  # "… on Tuesday for education": a day, not what the money is for
    rec = _RECIPIENT_FOR.match(m.group(1)) if m else None
    if rec and country_name(rec.group(1)) and not rec.group(2)[:1].isdigit():
        return rec.group(2).strip()  # "… a grant of 2 billion yen to Tajikistan for medical equipment"
    if m and not _name_inside(right, m.start(1)) and not m.group(1)[:1].isdigit():
        return m.group(1).strip()
    # further on in the clause, past a lender's name, a bracket or a second amount: "… from the Asian
    # Development Bank (ADB) for the rehabilitation of …" (not "Fund for Sustainable Development")
    hi = brk.start() if (brk := _PURPOSE_BREAK.search(right, 0, 160)) else 160
    for nxt in _AMOUNT_TOKEN.finditer(right, 0, hi):
        if _BRACKET_OPEN.search(right, 0, nxt.start()):
            continue  # "(about US$ 50 million)": the same amount converted
        if not _AND_NEXT_OF.search(right, 0, nxt.start()):
            hi = nxt.start()  # "…, will add a further $100 million for hospitals": the next amount's purpose
        break
    for f in _FOR_WORD.finditer(right, 0, hi):
        if _name_inside(right, f.end()) or not right[f.end() : f.end() + 1].isalpha():
            continue
        t = _PURPOSE_TAIL.match(right, f.end())
        if t:
            return t.group(1).strip()
    if m and not _name_inside(right, m.start(1)) and not m.group(1)[:1].isdigit():
        return m.group(1).strip()
    return None  # "an allocation of €70 million for 2021–2024": a period, not what the money is for


def _name_inside(text: str, at: int) -> bool:
    """Whether the preposition before `at` stands inside a name ("Fund for Sustainable Development")."""
    return text[at : at + 1].isupper() and bool(_NAME_END.search(text, max(0, at - 40), at - 4))


_CLAUSE_AFTER = re.compile(r"\s+and\s+that\s|;|,\s+(?:and|while|but|whereas)\s|[.!?]\s")


def _dateline_end(ctx: Context) -> int:
    got = ctx.memo.get("dateline_end")
    if got is None:
        from ..annotate.dates import dateline_end

        got = ctx.memo["dateline_end"] = dateline_end(ctx.text)
    return got


def _after_publication(ctx: Context, value: str) -> bool:
    """Whether an ISO date (at any granularity) lies wholly after the publication date."""
    pub = ctx.published
    return bool(pub) and value[: len(pub)] > pub[: len(value)]


_FOR_SPAN = re.compile(r"\b[Ff]or\s+(?:the\s+)?(?:period\s+)?$")  # "For 2021–2027 the EU has earmarked"
_BUDGET_AFTER = re.compile(r"\s+(?:state\s+|national\s+|federal\s+)?budget\b", re.I)


def _pledge_date(ctx: Context, a: Amount, s, window: str) -> str | None:
    near = [
        d
        for d in ctx.dates_in(s.start, s.end)
        if not (
            _lex()["since_in"].found_part(ctx.text[s.start : d.span[0]], ctx.at, s.start)
            and _SINCE.search(ctx.text[s.start : d.span[0]])
        )
        # "under the programme for 2021–2024": the programme's period, not when the pledge was made
        and not (d.end and _FOR_SPAN.search(ctx.text[s.start : d.span[0]]))
        # "… EUR 35 million for energy efficiency in 2025–2027": a span after the amount is when it is spent
        and not (d.end and d.granularity != "day" and d.span[0] > a.span[1])
        # "has allocated 850 million manat in its 2025 budget": the budget's year, no occasion
        and not _BUDGET_AFTER.match(ctx.text, d.span[1])
        # "… which the EBRD could provide next year": a time after publication is when money flows
        and not (d.span[0] > a.span[1] and _after_publication(ctx, d.value))
        # "… will invest $500 million in a solar park and that trade … in 2024": another clause's date
        and not (d.span[0] > a.span[1] and _CLAUSE_AFTER.search(ctx.text, a.span[1], d.span[0]))
        # "ALMATY, 12 September 2023 – The EBRD has signed …": the dateline dates the text, not the pledge
        and (d.span[0] > 400 or d.span[1] > _dateline_end(ctx))
    ]
    before = ctx.text[s.start : a.span[0]]
    cut = max((m.end() for m in _NEXT_CLAUSE.finditer(before)), default=0)
    own = before[cut:] + ctx.text[a.span[1] : a.span[1] + 60]
    perfect = ("has" in own or "have" in own) and re.search(
        r"\b(?:has|have)\s+(?:\w+\s+){0,2}(?:allocated|mobili[sz]ed|provided|committed|spent|disbursed|earmarked|"
        r"pledged|approved|decided)\b",
        own,
    )
    if perfect and near:
        # "it has mobilised EUR 70 million since 2021 and said it intends to provide … in 2025–2027":
        # only a date in the amount's own clause dates money already given
        nxt = _NEXT_CLAUSE.search(ctx.text, a.span[1], s.end)
        own_end = nxt.start() if nxt else s.end
        near = [d for d in near if a.span[0] - 80 <= d.span[0] < own_end]
    if near:
        d = min(near, key=lambda d: abs(d.span[0] - a.span[0]))
        return d.value
    if perfect:
        return None
    return ctx.occasion_date()


# --- figures ----------------------------------------------------------------------------------


def _as_figure(
    ctx: Context, a: Amount, s, prev_money: Figure | None, last_money: tuple[Figure, int, int] | None
) -> Figure | None:
    lx = _lex()
    text = ctx.text
    left = text[max(s.start, a.span[0] - 60) : a.span[0]]
    right = text[a.span[1] : min(s.end, a.span[1] + 40)]
    if a.unit == "percent":
        if (
            (lx["growth"].search(left[-25:]) or _CHANGE_AFTER.match(right) or _SIGNED.search(left[-3:]))
            and prev_money is not None
            and prev_money.span
            and s.start <= prev_money.span[0]
            and not _OF.search(right[:4])
        ):
            # "… reached $22.7 billion last year and grew by 10% in January–September": a period
            # of the growth's own, between that value and it or after it in its clause, wins
            own = _period(ctx, a, s, count=False, lo=prev_money.span[1])
            value, value_max = _signed(a, _direction(left, right))
            return Figure(
                metric=f"{prev_money.metric} growth",
                value=value,
                value_max=value_max,
                unit="percent",
                period=own or prev_money.period,
                qualifier=_q(a.qualifier),
                span=a.span,
            )
        # "grew by about 40%": the change verb before the qualifier
        tq = _TRAIL_Q.search(left, max(0, len(left) - 20))
        bare = left[: tq.start()] if tq else left
        if _chg()["by"].search(bare[-45:]):
            # "trade grew by 3.2% last year to $41.6 billion": growth of the value it reaches
            reach = next(
                (
                    x
                    for x in ctx.amounts
                    if a.span[1] < x.span[0] < s.end and x.unit not in ("percent", "count")
                ),
                None,
            )
            if reach is not None and not _CLAUSE_BREAK.search(text, a.span[1], reach.span[0]):
                value, value_max = _signed(a, _direction(bare, right))
                return Figure(
                    metric=f"{_metric(ctx, a, _clause_left(ctx, a, s)[-150:], right) or 'value'} growth",
                    value=value,
                    value_max=value_max,
                    unit="percent",
                    period=_period(ctx, reach, s, count=False),
                    qualifier=_q(a.qualifier),
                    span=a.span,
                )
        m = re.match(
            r"\s+of\s+(?:all\s+)?(?:the\s+)?([\w’'\s-]{3,60}?)(?:[,.;]|\s+(?:in|last|and|that|which|comes|from)\b)",
            right + ".",
        )
        if not m and "hare" in left:
            # "The share of Uzbekistan in Turkmenistan's trade reached 7.2%"
            m = _SHARE_OF.search(text, max(s.start, a.span[0] - 150), a.span[0])
        if not m and "share" in right[:8]:
            m = _SHARE_AFTER.match(right + ".")  # "with a 30% share of its trade"
        # "grew by 7.5%", "was 12.5% less than": a change, no share
        change = not m and (
            _chg()["by"].search(bare[-45:])
            or _CHANGE_AFTER.match(right)
            or _CHANGE_NOUN_BEFORE.search(bare[-30:])
        )
        gapped = None
        g = _GAPPED_BY.search(bare[-40:]) if not m and not change and "by" in bare[-40:] else None
        if g:
            # "Exports rose by 15%, imports by 8%": the change verb told once, before
            g_at = a.span[0] - len(left) + len(bare) - len(bare[-40:]) + g.start()
            verbs = list(_chg()["verb"].finditer(text, s.start, g_at))
            gapped = verbs[-1].group(0) if verbs else None
            change = bool(gapped)
        metric = (
            f"share of {m.group(1).strip()}"
            if m
            else _metric(ctx, a, left, right)
            or (change and _metric(ctx, a, _clause_left(ctx, a, s)[-150:], right))
            or "share"
        )
        value, value_max = a.value, a.value_max
        if change:
            metric = f"{metric} growth" if metric != "share" else "growth"  # "trade grew by 7.5%"
            value, value_max = _signed(a, _direction(f"{gapped} by " if gapped else bare, right))
        period = _period(ctx, a, s, count=False)
        if period is None and m and last_money is not None and "accounted for" in left:
            # "Trade … in the first half of 2025 amounted to $2.9 billion. China accounted for about
            # a third of its foreign trade": a share told right after a sum has its period
            fig, para, si = last_money
            if para == s.paragraph and ctx.sentence_index(a.span[0]) - si == 1:
                year = _pub_year(ctx)
                if fig.period and not (year and int(fig.period[:4]) > year):
                    period = fig.period
        return Figure(
            metric=metric,
            value=value,
            value_max=value_max,
            unit="percent",
            period=period,
            qualifier=_q(a.qualifier),
            span=a.span,
        )
    if a.unit == "count":
        words = re.findall(r"[\w’'\-]+", right)[:5]
        nouns = lx["count_nouns"]
        upto = next((k for k, w in enumerate(words) if w.lower() in nouns), _pair_noun(words, nouns))
        if upto is None:  # "200 young Turkmen": people named by their country
            upto = next((k for k, w in enumerate(words) if _people_demonym(w)), None)
        metric = " ".join(words[: upto + 1]) if upto is not None else (_number_of(ctx, a) or "count")
        return Figure(
            metric=metric,
            value=a.value,
            value_max=a.value_max,
            unit="count",
            period=_period(ctx, a, s, count=True),
            qualifier=_q(a.qualifier),
            span=a.span,
        )
    period = _period(ctx, a, s, count=False)
    if (
        period is None
        and last_money is not None
        and not _TARGET_BEFORE_SCAN.search_range(ctx.text, ctx.at, max(s.start, a.span[0] - 60), a.span[0])
    ):
        # "… accounted for EUR 4.1 billion of that amount": the period of the figure just before
        fig, para, si = last_money
        same = ctx.sentence_index(a.span[0]) == si
        if para == s.paragraph and (
            (same and not (fig.span and _present_clause_after(ctx.text, fig.span[1], a)))
            or (
                ctx.sentence_index(a.span[0]) - si == 1
                and _BACK_REF.search(ctx.text, s.start, s.end)
                # "Exports are expected to reach $35 billion": a plan or a state now, no past period
                and not _NOT_CARRIED.search(ctx.text, s.start, s.end)
            )
        ):
            period = fig.period
            year = _pub_year(ctx)
            if not same and period and year and int(period[:4]) > year:
                # "… raising trade to $15 billion by 2030. Investments reached $20 billion": a target
                # year of the sentence before dates no figure told as reached
                period = None
    return Figure(
        metric=_metric(ctx, a, _clause_left(ctx, a, s)[-150:], right) or _column_metric(ctx, a, s) or "value",
        value=a.value,
        value_max=a.value_max,
        unit=a.unit,
        period=period,
        qualifier=_q(a.qualifier),
        span=a.span,
    )


_SHARE_OF = re.compile(
    r"\b[Ss]hare\s+(?:of|in)\s+([\w’'\s-]{3,90}?)\s+(?:reached|was|is|amounted\s+to|stood\s+at|stands\s+at|made\s+up|made|"
    r"accounted\s+for|rose\s+to|grew\s+to|fell\s+to|came\s+to|totall?ed)\s+"
    r"(?:(?:about|nearly|over|some|almost|around|more\s+than|less\s+than)\s+)?$"
)
_TRAIL_Q = re.compile(
    r"\b(?:about|some|around|nearly|almost|approximately|roughly|over|more\s+than|less\s+than|under|"
    r"just\s+over|just\s+under|at\s+least|up\s+to)\s+$"
)
_SHARE_AFTER = re.compile(
    r"\s+share\s+(?:of|in)\s+(?:its\s+|their\s+|the\s+)?([\w’'\s-]{3,60}?)(?:[,.;]|\s+(?:in|last|and|that|which)\b)"
)
# words between a change verb and its amount: "rose year-on-year by 9%", "rose by a further 5%"
_CHANGE_FILL = (
    r"(?:(?:year[\s-]on[\s-]year|y/y|yoy|annually|sharply|slightly|further|again|significantly|markedly|"
    r"strongly|steadily)\s+)?(?:by\s+(?:a\s+further\s+|another\s+)?)?$"
)
_CHANGE_NOUNS_DOWN = r"decrease|decline|drop|fall|reduction|contraction"


@lru_cache(maxsize=1)
def _chg() -> dict[str, re.Pattern]:
    """The change verbs of data/metrics.yaml as regexes: "by" (a verb of change right before the
    amount: "grew by", "slid", "was up"), "down" (the same for a fall, or "a decrease of"), "verb" (any
    change verb: the one a list of changes leaves out after the first item)."""
    cv = data.load("metrics")["change_verbs"]
    up, down = _phrases_alt(cv["up"]), _phrases_alt(cv["down"])
    return {
        "by": re.compile(rf"(?<![\w-])(?:{up}|{down})\s+" + _CHANGE_FILL),
        "down": re.compile(
            rf"(?<![\w-])(?:{down})\s+" + _CHANGE_FILL
            # "(a decrease of 1.9%)"
            + rf"|\b(?:an?\s+)?(?:{_CHANGE_NOUNS_DOWN})\s+(?:of\s+|by\s+)$"
        ),
        "verb": re.compile(rf"(?<![\w-])(?:{up}|{down})(?![\w-])"),
    }


# "showed growth of 7%", "recorded a decline of 7%", "an increase of 20.3%": a change named before it
_CHANGE_NOUN_BEFORE = re.compile(
    r"\b(?:growth|increase|rise|gain|jump|" + _CHANGE_NOUNS_DOWN + r")\s+(?:of|by)\s+(?:about\s+|some\s+)?$"
)
# "Exports rose by 15%, imports by 8%": the verb left out of the next item of a list of changes
_GAPPED_BY = re.compile(r"(?:,|\band)\s+(?:and\s+)?(?:[\w'’-]+\s+){1,3}?by\s+$")
_GENERIC_HEADERS = frozenset(
    ("value", "values", "amount", "amounts", "total", "figure", "figures", "sum", "volume", "level", "usd",
     "eur", "change", "period", "year", "indicator", "item", "")
)


def _column_metric(ctx: Context, a: Amount, s) -> str | None:
    """A money cell of a Markdown table with no metric word in its row: the header of its column
    ("| Period | EU exports to Uzbekistan | EU imports … |"), unless that header is generic
    ("Value", "Amount"), then the row's label."""
    text = ctx.text
    line_start = text.rfind("\n", 0, a.span[0]) + 1
    if not text.startswith("|", line_start) and not text[line_start : a.span[0]].lstrip().startswith("|"):
        return None
    col = text.count("|", line_start, a.span[0]) - 1
    # the header: the first line of this run of table lines
    head = line_start
    while head > 0:
        prev = text.rfind("\n", 0, head - 1) + 1
        if not text[prev:head].lstrip().startswith("|"):
            break
        head = prev
    header_end = text.find("\n", head)
    header = text[head : header_end if header_end >= 0 else len(text)].strip().strip("|").split("|")
    if head == line_start or not 0 <= col < len(header):
        return None
    name = header[col].strip().strip("*_ ")
    if name.lower() not in _GENERIC_HEADERS and not re.fullmatch(r"[\d\s–-]+", name):
        return name
    row = text[line_start : a.span[0]].strip().strip("|").split("|")
    label = row[0].strip().strip("*_ ") if row else ""
    return label if col > 0 and label and not re.fullmatch(r"[\d\s–-]+", label) else None


# a sentence that speaks of the amount just given ("… EUR 4.1 billion of that amount", "of which")
_BACK_REF = re.compile(
    r"\b(?:of\s+(?:that|this|the)\s+(?:amount|total|sum|figure|volume|turnover)|of\s+which|accounted\s+for|"
    r"(?:this|that)\s+(?:amount|figure|sum|total|volume)|the\s+(?:rest|remainder|balance)|"
    r"(?:in|during|over|for)\s+(?:this|that|the\s+same)\s+period|[Ee]xports?|[Ii]mports?|[Ss]hare)\b"
)
# a sentence that opens on the sum told just before ("The amount was spread over 24 projects")
_AMOUNT_BACK = re.compile(
    r"\s*(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:amount|sum|total|money|funding|financing|investment|volume)\b"
)
_BRACKET_CHANGE = re.compile(r"\s*\(\s*[+−–-]?\s*")
_SIGNED = re.compile(r"(?:^|[\s(])[+−–-]$")  # "$1.2 billion (+10.2%)": a signed change
# "… 12% year-on-year": words between a percentage and the change it names
_ANNUAL = r"(?:(?:year[\s-]on[\s-]year|y/y|yoy|annual|yearly|annualised|annualized)\s+)?"
_LESS = re.compile(
    r"\s+" + _ANNUAL + r"(?:less|lower|down|decrease|decline|drop|fall|reduction|contraction)\b"
)
# "…, up 12%", "…, a 25% increase on the previous year", "a 12% year-on-year increase": the
# percentage is a change of the value before
_CHANGE_AFTER = re.compile(
    r"\s+" + _ANNUAL
    + r"(?:more|higher|less|lower|up|down|increase|rise|growth|gain|jump|decrease|decline|drop|fall|"
    r"reduction|contraction)\b"
)


def _signed(a: Amount, direction: str) -> tuple[float, float | None]:
    """A change's value with its sign: a fall ("fell by 6.5%", "a decrease of 1.9%", "2.4% less") is a
    growth figure with a negative value (tune8/tune10 gold), a range of falls ("down 3-5%") runs from
    the larger fall to the smaller."""
    if direction != "decline":
        return a.value, a.value_max
    lo = -abs(a.value)
    if a.value_max is None:
        return lo, None
    hi = -abs(a.value_max)
    return min(lo, hi), max(lo, hi)


def _direction(left: str, right: str) -> str:
    """ "fell by 7%", "contracted by 5.3%", "5% less": a fall ("decline"), else "growth"."""
    if _chg()["down"].search(left[-45:]) or _LESS.match(right) or left.endswith(("(-", "(−", "(–", " −")):
        return "decline"
    return "growth"


def _q(q: str) -> str:
    """The figure's qualifier among the contract's (DESIGN): exact, nearly, about, more than, up to,
    less than, between; a floor ("at least", "no less than") is "more than" (tune10 gold)."""
    if q == "at least":
        return "more than"
    return q if q in ("exact", "nearly", "about", "more than", "up to", "less than", "between") else "exact"


def _metric(ctx: Context, a: Amount, left: str, right: str) -> str | None:
    """The metric a cue names, last before the amount (`left` ends at it), else first after it
    (`right` opens at its end)."""
    lx = _lex()
    scan = lx["metric_rx_scan"]
    found = list(scan.finditer_part(left, ctx.at, a.span[0] - len(left)))
    if found:
        return lx["metric_of"].get(found[-1].group(0).lower())
    m = scan.search_part(right, ctx.at, a.span[1])
    return lx["metric_of"].get(m.group(0).lower()) if m else None


_CLAUSE_EDGE = re.compile(r"[,;:()]|\s[–—-]\s")


def _present_state(ctx: Context, a: Amount, s) -> bool:
    """ "more than 2,700 firms now operate", "had so far contracted EUR 4.2 billion", "its portfolio,
    which comprises 11 projects": a cue in the amount's clause that the figure tells how things stand
    at publication (the caller gives it no date of its own)."""
    if _pub_year(ctx) is None:
        return False
    text = ctx.text
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, s.start, a.span[0])), default=s.start)
    hi = _CLAUSE_EDGE.search(text, a.span[1], s.end)
    hi = hi.start() if hi else s.end
    return _lex()["present_scan"].search_part(text[lo:hi], ctx.at, lo) is not None


def _money_in_clause(ctx: Context, a: Amount, s) -> bool:
    """Whether a sum of money stands in the clause of the count `a`."""
    text = ctx.text
    lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, s.start, a.span[0])), default=s.start)
    hi = _CLAUSE_EDGE.search(text, a.span[1], s.end)
    hi = hi.start() if hi else s.end
    return any(lo <= x.span[0] < hi and x.unit not in ("count", "percent") for x in ctx.amounts)


_FROM_BEFORE_AMOUNT = re.compile(r"\bfrom\s+(?:the\s+current\s+|today's\s+|about\s+|some\s+)?$", re.I)
_TO_BY_YEAR = re.compile(
    r"\s*(?:%|per\s*cent|percent)?\s+to\s+[^,;.]{1,40}?\s+by\s+(?:the\s+end\s+of\s+)?(\d{4})\b"
)


def _from_now_to_target(ctx: Context, a: Amount, s) -> bool:
    """ "expected to cut losses from 17% to about 11% by 2031": a value a change starts from, with a
    target year after the year of publication, stands for now."""
    year = _pub_year(ctx)
    if year is None or not _FROM_BEFORE_AMOUNT.search(ctx.text, max(s.start, a.span[0] - 30), a.span[0]):
        return False
    m = _TO_BY_YEAR.match(ctx.text, a.span[1], s.end)
    return bool(m and int(m.group(1)) > year)


def _pub_year(ctx: Context) -> int | None:
    return ctx.anchor.year if ctx.anchor else None


_CLAUSE_CUT = re.compile(r",\s+(?:and|while|but)\s")
# "Since 2022, volumes have tripled, according to the association, which counts 25 members": a
# relative clause after a comma is a clause of its own too
_CLAUSE_OR_RELATIVE_CUT = re.compile(r",\s+(?:and|while|but|which|who)\s")
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en)\b")
_PAST_EVENT = re.compile(r"\b(?:was|were|had|has|have)\b|\b\w{3,}ed\b")
_CLAUSE_PUNCT = re.compile(r"[,;.]")


def _clause_past_cut(text: str, c: tuple, a: Amount, tail: int) -> tuple[str, str] | None:
    """For a period candidate `c` before the count `a` with ", and/while/but" between them: the
    count's clause from the last such cut up to the count, and `tail` characters after the count.
    None when nothing cuts them apart (the candidate is after the count, or in its clause)."""
    if c[0] > a.span[0]:
        return None
    between = text[c[1] : a.span[0]]
    cut = max((m.end() for m in _CLAUSE_OR_RELATIVE_CUT.finditer(between)), default=-1)
    if cut < 0:
        return None
    return between[cut:], text[a.span[1] : a.span[1] + tail]


def _since_reaches(text: str, sent_start: int, c: tuple, a: Amount) -> bool:
    """ "since 2015, more than 4 000 students" — a "since" span reaches a count in its own clause, or
    across ", and" only a count in the present perfect ("…, and it has supported over 40 companies"),
    not a state ("…, and 3,000 companies operate")."""
    if not _SINCE.search(text[sent_start : c[0]][-56:]):
        return False
    clause = _clause_past_cut(text, c, a, 60)
    return clause is None or bool(_PRESENT_PERFECT.search(clause[0] + clause[1]))


def _date_reaches(text: str, c: tuple, a: Amount) -> bool:
    """A date before a count, across ", and (that)": only when the count's clause tells of a past
    event ("…, and 300 firms were registered"), not a present state ("…, and 250 firms operate")."""
    clause = _clause_past_cut(text, c, a, 80)
    if clause is None:
        return True
    rest = clause[0] + clause[1]
    if _CLAUSE_PUNCT.search(clause[1]):  # the count's clause ends after it
        rest = _CLAUSE_PUNCT.split(rest, 1)[0]
    return bool(_PAST_EVENT.search(rest))


# "up 24% year on year, while the ministers put the potential at … by 2027": the date after a
# contrasting clause is that clause's
_CONTRAST_NEXT = re.compile(r",\s+(?:while|whereas)\s")
_OTHER_NOUN_STARTING = re.compile(
    r"\s(?:[\w’'-]+\s+){2,}(?:starting|beginning|commencing|launched|launching|opening|due|scheduled)\s+"
    r"(?:in\s+|on\s+|from\s+|for\s+)?(?:early\s+|late\s+|mid-?\s*)?$"
)
_OWN_CLAUSE = re.compile(
    r",\s+(?:and|but)\s+(?:the|this|that|its|it|they|their|these|those)\b[^,;:]{0,60}?"
    r"\b(?:is|are|was|were|will|would|shall|has|have|had|should|must|can|could)\b"
)
# "the goal of raising it to", "aims to bring trade to": the amount is a target; a date before it
# is the period of the figure it starts from, not the target's
_TARGET_BEFORE = re.compile(
    r"\b(?:goal|target|aim|objective|task)s?\s+(?:of|to|is\s+to)\s+(?:[\w'’-]+\s+){0,6}?to\s+(?:[$€£]\s*)?$"
    r"|\b(?:aims?|agreed|plans?|seeks?|intends?|proposed|proposes?|decided|pledged|resolved|instructed|"
    r"tasked|urged|called\s+on|want|wants|hope|hopes|expect|expects|committed)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:to\s+)?(?:raise|raising|bring|bringing|increase|increasing|boost|boosting|double|lift|take|expand|grow)\s+"
    r"(?:[\w-]+\s+){0,4}?to\s+(?:[$€£]\s*)?$",
    re.I,
)
_TARGET_BEFORE_SCAN = LiteralScan(_TARGET_BEFORE)  # tried where one of its words opens
# "set a target of $40 billion", "the goal is $3 billion", "… expected to reach between $48 and $50 bn":
# a goal or a forecast, named so in the metric ("target trade", "expected trade"), as the gold does
_TARGET_OF = re.compile(
    r"\b(?:target|goal|objective)s?\s+(?:of|is|was|at|for\s+[\w\s'’-]{1,40}?\s+(?:of|is|at))\s+"
    r"(?:(?:about|some|around|over|more\s+than|at\s+least|up\s+to)\s+)?(?:[$€£]\s*)?$",
    re.I,
)
_EXPECTED = re.compile(
    r"\b(?:(?:expected|forecast|projected|predicted|estimated|likely)\s+to"
    # "Officials expect trade to exceed …", "the ministry forecasts exports to reach …"
    r"|(?:expect|expects|forecast|forecasts|predict|predicts)\s+(?:[\w'’-]+\s+){1,4}?to)"
    r"\s+(?:reach|exceed|total|top|hit|be|"
    r"amount\s+to|(?:grow|rise|increase|fall|decline|decrease|drop|contract|shrink)\s+(?:by|to)|climb\s+to)\s+"
    r"(?:(?:between|about|some|around|over|more\s+than|nearly|almost|at\s+least|up\s+to)\s+)?(?:[$€£]\s*)?$",
    re.I,
)


_GOAL_WORDS = ("target", "goal", "objective", "aim", "task", "expect", "forecast", "projected", "predict",
               "estimat", "likely", "plan", "propos", "agreed", "decided", "pledged", "resolved", "instruct",
               "urged", "called on", "want", "hope", "committed", "seek", "intend")
# whether a window may hold one of them, from the text's shared openings pass (a bisect, in place of
# a lower-cased copy of the window and a substring search per word)
_GOAL_ANY = AnyOf(_GOAL_WORDS)


def _goal_metric(ctx: Context, a: Amount, s, metric: str) -> str:
    """ "target trade", "expected exports": the metric of a goal or a forecast says so."""
    lo = max(s.start, a.span[0] - 80)
    if metric.startswith(("target", "expected")):
        return metric
    if not _GOAL_ANY.found_part(ctx.text[lo : a.span[0]], ctx.at, lo):
        return metric  # (every match of the three says one of these)
    if (
        _TARGET_BEFORE_SCAN.search_range(ctx.text, ctx.at, lo, a.span[0])
        or _TARGET_OF.search(ctx.text, lo, a.span[0])
    ):
        return f"target {metric}"
    if _EXPECTED.search(ctx.text, lo, a.span[0]):
        return f"expected {metric}"
    return metric
# "Since then …", "The Bank has since signed 14 projects": from the date told just before
_SINCE_THEN = re.compile(
    r"\b[Ss]ince\s+(then|that\s+(?:time|year|date))\b|\b(?:has|have)\s+since\s+(\w+(?:ed|en|t))\b"
)
_OVER_SPAN = re.compile(r"\b(?:over|across)\s+(?:the\s+)?$", re.I)
# "an increase of 20.3% over January–September 2024", "up 7% over the first half of 2024": a change
# "over" a span compares with it (its base), unlike "totalled $8.5 billion over 2005-2023"
_CHANGE_OVER = re.compile(
    r"(?:%|\bper\s*cent|\bpercent|\b(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall|up|down|"
    r"more|less|higher|lower))\s+over\s+(?:the\s+)?$",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_IN = re.compile(r"\s(?:to|until|till|through)\s")


_POSS_AMOUNT = re.compile(r"\s+(?:(?:about|some|around|nearly|almost)\s+)?(?:[$€£]|[A-Z]{3}\s?\d|\d)")
# "the nine months to September", "the 12 months ending June", "the year to March": a span that ends
# with the month after it
_MONTHS_TO = re.compile(
    r"\b(?:(\w+)\s+months?|(year))\s+(?:to|through|ending|ended|up\s+to)\s+(?:the\s+end\s+of\s+)?$", re.I
)
_BRACKET_GAP = re.compile(r"\s*\(\s*(?:i\.e\.\s*|from\s+)?")
_AS_OF = re.compile(r"\b(?:as\s+(?:of|at)|at\s+the\s+end\s+of)\s+$", re.I)
_EARLIER_BASE = re.compile(
    r"(?i:an?\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|preceding)\s+year|the\s+year\s+before)"
)
_INDEPENDENCE = re.compile(
    r"(?:\b[Ss]ince\s+(?:(?:gaining|its|their|the\s+country's|the\s+country’s|[A-Z][a-z]+(?:'s|’s))\s+)?"
    # "During the years of independence, the EU invested …"
    r"|\b(?:[Dd]uring|[Oo]ver|[Ii]n)\s+the\s+(?:\w+\s+)?years\s+of\s+(?:its\s+|the\s+country's\s+|the\s+country’s\s+)?)"
    r"(independence)\b(?!\s+in\s)"
)


def _independence_year(ctx: Context, s) -> int | None:
    """The year of independence of the country the sentence names, else of the first country the
    text names with one known (data/places.yaml `independence`)."""
    years = data.load("places").get("independence") or {}
    for lo, hi in ((s.start, s.end), (0, len(ctx.text))):
        for p in ctx.places_in(lo, hi):
            if p.country and p.country in years:
                return int(years[p.country])
    return None


_DOC_OF = re.compile(
    r"\b(?:Agreement|Treaty|Protocol|Convention|Memorandum|Declaration|Charter|Accord|Law|Act"
    # "the EBRD study of 2023, which put the investment needed at …": the year a study came out
    r"|[Ss]tudy|[Rr]eport|[Aa]ssessment|[Ss]urvey|[Aa]nalysis|[Rr]eview|[Pp]aper)\s+of\s+$"
)


def _after_base(ctx: Context, s) -> str | None:
    """The period a year after the one base date of sentence `s` ("compared with 2023" → "2024",
    "against January–May 2024" → "2025-01/2025-05"), when the sentence dates nothing else and that
    period has begun by the time of writing."""
    _rels, dated = _sentence_periods(ctx, s)
    year = _pub_year(ctx)
    if len(dated) != 1 or not dated[0][1] or dated[0][0] is None or year is None:
        return None
    d = dated[0][0]
    if d.granularity == "day" or (d.granularity == "month" and not d.end):
        return None
    if _EARLIER_BASE.fullmatch(d.text) or "period" in ctx.text[max(s.start, d.span[0] - 30) : d.span[0]]:
        # ("a year earlier": a year before the figure's own period, whatever that is)
        return None  # "compared with the same period of 2024": which months, the text does not say
    per = f"{d.value}/{d.end}" if d.end else d.value
    if not _STAT_PERIOD.fullmatch(per):
        return None
    if d.end and _lex()["q_on_q"].found_part(s.text, ctx.at, s.start) and _Q_ON_Q.search(s.text):
        # "Quarter-on-quarter, trade was up 4.1% compared with the second quarter": the quarter after
        y0, m0, y1, m1 = int(d.value[:4]), int(d.value[5:7]), int(d.end[:4]), int(d.end[5:7])
        n = (y1 - y0) * 12 + m1 - m0 + 1
        if n != 3:
            return None
        a, b = y0 * 12 + m0 - 1 + 3, y1 * 12 + m1 - 1 + 3
        if a // 12 > year:
            return None
        return f"{a // 12:04d}-{a % 12 + 1:02d}/{b // 12:04d}-{b % 12 + 1:02d}"
    if int(per[:4]) + 1 > year:
        return None
    return _shift_years(per, 1)


# a change told against the quarter before ("quarter-on-quarter", "q/q", "on the previous quarter")
_Q_ON_Q = re.compile(
    r"\b(?:quarter[\s-]on[\s-]quarter|q/q|qoq|(?:on|over|from|with)\s+the\s+(?:previous|preceding)\s+quarter)\b",
    re.I,
)


def _later_date(ctx: Context, s, d) -> bool:
    """Whether sentence `s` holds a date of a later year than `d`."""
    return any(x.value[:4] > d.value[:4] for x in ctx.dates_in(s.start, s.end) if x is not d)


_OCCASION_WHERE = re.compile(
    r"\s*,\s*(?:where|at\s+which|during\s+which|on\s+the\s+sidelines\s+of\s+which)\s"
)


@lru_cache(maxsize=1)
def _occasion_rx() -> re.Pattern:
    return re.compile(rf"\b(?:{_phrases_alt(data.load('figures')['occasion_nouns'])})s?\b", re.I)


def _occasion_before(text: str, lo: int, hi: int) -> bool:
    """Whether an occasion ("forum", "state visit") is named in text[lo:hi]."""
    return _occasion_rx().search(text, lo, hi) is not None


def _sentence_periods(ctx: Context, s) -> tuple[list, list]:
    """What `_period` reads in a sentence whatever the amount, once per sentence: the relative
    periods ("over the past decade") as (position, range), and each date with whether a base
    ("from", "compared with") stands before it and its candidate (start, end, value, spans)."""
    memo = ctx.memo.setdefault("periods", {})
    got = memo.get(s.start)
    if got is not None:
        return got
    text = ctx.text
    year = _pub_year(ctx)
    sent = text[s.start : s.end]
    rels = []
    found = _REL_PERIOD.finditer(sent) if _lex()["rel_in"].found_part(sent, ctx.at, s.start) else ()
    for m in found:
        n = m.group(2)
        k = (
            10
            if m.group(3).lower() == "decade"
            else _number_word(n or "", 1)
        )
        if m.group(3).lower().startswith("month") or year is None:
            continue
        if n is None and m.group(3).lower() == "years":
            continue  # "in the coming years": no length said
        rng = f"{year - k}/{year}" if m.group(1).lower() in ("past", "last") else f"{year}/{year + k}"
        rels.append((s.start + m.start(), rng))
    dated = []
    for d in ctx.dates_in(s.start, s.end):
        d0 = d.span[0]  # the two windows end there, as text[s.start : d0][-30:] and [-20:] do
        lo = max(s.start, d0 - 30)
        since_lo = max(s.start, d0 - 56)
        since = _low_has(ctx, "since", since_lo, d0) and bool(_SINCE.search(text[since_lo:d0]))
        # ("in comparison with the year 2024": a longer reach over "the year")
        base_lo = d0 - (34 if text.startswith("year ", d0 - 5) else 20)
        base = bool(_BASE.search(text[max(s.start, base_lo) : d0])) or (
            _low_has(ctx, "period", max(s.start, d0 - 40), d0)
            and bool(_PERIOD_BASE.search(text[max(s.start, d0 - 40) : d0]))
        )
        poss = text[d.span[1] : d.span[1] + 2] in ("'s", "’s")
        if base and poss and _POSS_AMOUNT.match(text, d.span[1] + 2):
            base = False  # "compared with 2024's USD 4.1 billion": the year of the sum compared with
        # "As of 1 October 2025": the day a stock is counted at dates it to its year (a month, "as of
        # June 2025", leaves a count without a period, as the annotated texts so far do)
        as_of = d.granularity == "day" and _AS_OF.search(text, max(s.start, d0 - 20), d0)
        if d.granularity == "day" and not since and not as_of:
            continue  # "… worth $5.2 billion at the forum on Tuesday": the day of an occasion, no period
        if (
            not since
            and _OCCASION_WHERE.match(text, d.span[1])
            and _occasion_before(text, max(s.start, d0 - 50), d0)
        ):
            # "the Investment Forum in June, where European companies signed agreements worth more than
            # $4 billion": the date of the occasion the deals were made at, no period of their sum
            continue
        if text.startswith(" of ", d0 - 4) and _DOC_OF.search(text, max(s.start, d0 - 30), d0):
            continue  # "the Preferential Trade Agreement of 2020": the year names a document
        if base and d.end and (
            (
                _OVER_SPAN.search(text, lo, d0)
                # (a change "over" a span is told against it when the sentence dates a later period:
                # "In January–September 2025 … an increase of 20.3% over January–September 2024")
                and not (_CHANGE_OVER.search(text, lo, d0) and _later_date(ctx, s, d))
            )
            or (_FROM_BEFORE.search(text, lo, d0) and _TO_IN.search(text, d0, d.span[1]))
        ):
            # "totalled $8.5 billion over 2005-2023", "in the period from January to October 2025":
            # the span the figure covers, not a base
            base = False
        # "committed after 2017": from that year up to the year of writing, as "since 2017"
        after = (
            not since and not d.end and d.granularity == "year" and year and int(d.value[:4]) < year
            and text.startswith("after ", d0 - 6)
        )
        upto = None
        if d.granularity == "month" and not d.end and len(d.value) == 7 and not since:
            near = text[max(s.start, d0 - 12) : d0]
            if " to " in near or "end" in near or "hrough" in near:
                upto = _MONTHS_TO.search(text, max(s.start, d0 - 40), d0)
        if upto:
            # "in the nine months to September", "over the 12 months ending June 2026": the months that end
            # with that one
            n = 12 if upto.group(2) else _number_word(upto.group(1))
            if 1 < n <= 24:
                y, m = int(d.value[:4]), int(d.value[5:7])
                k = y * 12 + m - 1 - (n - 1)
                val = f"{k // 12:04d}-{k % 12 + 1:02d}/{d.value}"
                dated.append((d, False, (d.span[0], d.span[1], val, True)))
                continue
        if as_of:
            val = d.value[:4]  # "As of 1 October 2025, 4,460 firms were registered": a stock of that year
        elif (since or after) and year and not d.end and d.value[:4] == str(year) and ctx.anchor is not None:
            # "since the beginning of 2026", "since March" told in 2026: months of this year up to now
            first = d.value[:7] if d.granularity != "year" else f"{year}-01"
            val = f"{first}/{year}-{ctx.anchor.month:02d}"
        elif (since or after) and year and not d.end:
            val = f"{d.value[:4]}/{year}"
        elif d.end:
            val = f"{d.value}/{d.end}"
        else:
            val = d.value
        part = _bare_part_of_year(ctx, d) if d.granularity == "year" and not d.end else None
        if part:
            val = part  # "USD 11.7 billion in the first quarter": that quarter's months
        dated.append((d, base, (d.span[0], d.span[1], val, since or after or bool(d.end) or bool(part))))
        if _EARLIER_BASE.fullmatch(d.text):
            # "410 trains in 9M 2025, against 312 a year earlier, a rise of 31%": the base of a change
            ctx.memo.setdefault("period_bases", set()).add(d.span[0])
    if len(dated) > 1:
        # "in fiscal 2024 (April 2024 to March 2025)": the bracketed range says which months the
        # year means
        dated = [
            x
            for k, x in enumerate(dated)
            if not (
                k + 1 < len(dated)
                and x[0] is not None
                and dated[k + 1][0] is not None
                and dated[k + 1][0].end
                and _BRACKET_GAP.fullmatch(text, x[0].span[1], dated[k + 1][0].span[0])
            )
        ]
    ind = _INDEPENDENCE.search(sent) if year and _low_has(ctx, "independence", s.start, s.end) else None
    if ind:
        # "Since independence, the Bank has financed 190 projects": from the independence of the
        # country the sentence (else the text) names, up to the year of writing
        got_year = _independence_year(ctx, s)
        if got_year:
            at = s.start + ind.start(1)
            dated.append((None, False, (at, s.start + ind.end(), f"{got_year}/{year}", True)))
    then = _SINCE_THEN.search(sent) if year and _low_has(ctx, "since", s.start, s.end) else None
    if then:
        # "… in 2006. Since then the Bank has invested more than €2.3 billion": from the last date
        # before it, in its sentence or the one before in its paragraph, up to the publication year
        at = s.start + then.start()
        prev = [d for d, _b, _c in dated if d.span[1] <= at]
        i = ctx.sentence_index(s.start)
        if not prev and i > 0 and ctx.sentences[i - 1].paragraph == s.paragraph:
            ps = ctx.sentences[i - 1]
            prev = ctx.dates_in(ps.start, ps.end)
        if prev and re.match(r"\d{4}", prev[-1].value):
            d = prev[-1]
            g = then.lastindex or 1
            cand = (s.start + then.start(g), s.start + then.end(), f"{d.value[:4]}/{year}", True)
            dated.append((d, False, cand))
    if year and ("quarter" in sent or "alf" in sent or "ull" in sent or _CODE_PART.search(sent)):
        dated.extend(_part_of_year_words(ctx, s, dated))
    got = memo[s.start] = (rels, dated)
    return got


# a quarter or half told without its year ("in the first quarter"): the date annotator gives it the
# year of writing (an occasion "in the second quarter" is dated by its year); a figure's period is the
# quarter's (half's) months: of the last one ended by the time of writing, or the next one ahead in a
# clause about the future
_BARE_PART = re.compile(r"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarter|half)", re.I)
_PART_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _part_months(n: int, half: bool, y: int) -> str | None:
    span = 6 if half else 3
    if half and n > 2:
        return None
    m1 = (n - 1) * span + 1
    return f"{y:04d}-{m1:02d}/{y:04d}-{m1 + span - 1:02d}"


def _part_year(ctx: Context, n: int, half: bool, lo: int, hi: int, year: int | None = None) -> int | None:
    """The year of the quarter (half) `n` told at [lo, hi) without one: `year` when a date nearby
    gives it, else the last one ended by the time of writing (the next one in a future clause)."""
    if year is not None:
        return year
    if ctx.anchor is None:
        return None
    last_month = n * (6 if half else 3)
    y = ctx.anchor.year
    if future_clause(ctx.text, lo, hi):
        return y if ctx.anchor.month <= last_month else y + 1
    return y if ctx.anchor.month > last_month else y - 1


def _bare_part_of_year(ctx: Context, d) -> str | None:
    m = _BARE_PART.fullmatch(d.text)
    if not m:
        return None
    n, half = _PART_N[ignorecase_key(m.group(1))], m.group(2).lower() == "half"
    y = _part_year(ctx, n, half, d.span[0], d.span[1])
    return _part_months(n, half, y) if y else None


# "… USD 11.7 billion in the first quarter and USD 12.9 billion in the second, when …": a quarter
# (half) left out after one told in the sentence
_ELIDED_PART = re.compile(
    r"\b(?:in|for|during)\s+the\s+(second|third|fourth|first)\b(?=\s*(?:[,.;)]|\s+when\b|$))"
)
# "half-year turnover", "full-year trade": the last half ended (the year of writing, or the year
# before) and the year (this year in a clause about the future, else the last one)
_HALF_FULL_YEAR = re.compile(
    r"(?<![Aa] )(?<![Ee]ach )(?<![Ee]very )\b([Hh]alf|[Ff]ull)[- ]year(?!\s+(?:of|to|on)\b)(?![\w-])"
)


# "H1", "Q3" alone (with a year, "Q3 2025", the date annotator reads it)
_CODE_PART = re.compile(r"(?<![\w-])([QH])([1-4])(?![\w-])(?!\s*['’]?(?:19|20)?\d\d\b)")
_CODE_LEAD = re.compile(r"(?:\b(?:in|for|during|over|of|by)\s+(?:the\s+)?|^\s*|[,;(]\s*)$", re.I)
_CODE_FLOW = re.compile(
    r"\s+(?:trade|exports?|imports?|turnover|growth|results?|revenues?|sales|output|GDP|shipments|volumes?)\b"
)
_FORECAST = re.compile(
    r"\b(?:will|would|shall|expect\w*|forecast\w*|project(?:s|ed|ing)|predict\w*|estimat\w*|outlook|sees?)\b",
    re.I,
)


def _part_of_year_words(ctx: Context, s, dated: list) -> list:
    """Period candidates for a quarter or half named without the word ("in the second") after one
    told in the sentence, and for "half-year" and "full-year" figures."""
    text, out = ctx.text, []
    told = [
        (d, _BARE_PART.search(d.text)) for d, _b, c in dated
        if d is not None and ("quarter" in d.text.lower() or "half" in d.text.lower())
    ]
    told = [(d, m) for d, m in told if m]
    if told:
        d0, m0 = told[-1]
        half = m0.group(2).lower() == "half"
        y0 = int(d0.value[:4]) if not _BARE_PART.fullmatch(d0.text) else None
        for m in _ELIDED_PART.finditer(text, d0.span[1], min(s.end, d0.span[1] + 160)):
            n = _PART_N[ignorecase_key(m.group(1))]
            y = _part_year(ctx, n, half, m.start(1), m.end(), y0)
            months = _part_months(n, half, y) if y else None
            if months:
                out.append((None, False, (m.start(1) - 4, m.end(), months, True)))
    for m in _CODE_PART.finditer(text, s.start, s.end):
        # "In H1, exports grew 12%", "Q3 trade": a quarter or half by its code, without its year
        if any(c[0] <= m.start() < c[1] for _d, _b, c in dated):
            continue  # "Q3 2025": told with its year already
        if not (
            _CODE_LEAD.search(text, max(s.start, m.start() - 12), m.start())
            or _CODE_FLOW.match(text, m.end())
        ):
            continue  # "the H2 hydrogen project": no period
        n, half = int(m.group(2)), m.group(1) == "H"
        y = _part_year(ctx, n, half, m.start(), m.end())
        months = _part_months(n, half, y) if y else None
        if months:
            out.append((None, False, (m.start(), m.end(), months, True)))
    for m in _HALF_FULL_YEAR.finditer(text, s.start, s.end):
        if any(c[0] <= m.start() < c[1] for _d, _b, c in dated):
            continue  # inside a date told already ("the first half-year of 2025")
        if m.group(1).lower() == "half":
            if ctx.anchor.month > 6:
                months = _part_months(1, True, ctx.anchor.year)
            else:
                months = _part_months(2, True, ctx.anchor.year - 1)
        else:
            future = future_clause(text, m.start(), m.end()) or bool(
                _FORECAST.search(text, max(s.start, m.start() - 60), m.start())
            )
            months = str(ctx.anchor.year if future else ctx.anchor.year - 1)
        out.append((None, False, (m.start(), m.end(), months, True)))
    return out


def _conj_before_date(text: str, lo: int, at: int) -> bool:
    """A conjunction that opens the date's own clause between an amount and the date: ", and" (or
    "but", "while") anywhere, a bare "and" only just before the date ("… and for 9 months of 2025 –"),
    not one inside a noun phrase ("trains ran via Kazakhstan and the Caspian in 9M 2025")."""
    between = text[lo:at]
    return bool(_NEXT_CONJ_COMMA.search(between) or _CONJ_DATE_CLAUSE.search(between))


_NEXT_CONJ_COMMA = re.compile(r",\s+(?:and|but|while|whereas)\s")
# "… by 5% and imports by 2% …", "… $3 billion, and imports $1 billion …": the next item of a list
# whose verb is told once
_GAPPED_ITEM = re.compile(r"\s*,?\s*and\s+(?:[\w'’-]+\s+){1,3}?(?:by\s+)?(?:[$€£]\s?)?")
_VERBISH = re.compile(
    r"\b(?:\w{3,}ed|is|are|was|were|has|have|had|will|would|could|can|may|might|should|shall|"
    r"said|says|rose|grew|fell|made|paid|lent|spent|sold|reached|totalled|amounted|stood|the|a|an)\b",
    re.I,
)


def _gapped_item(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] joins two amounts as items of one list with the verb left out."""
    return hi - lo < 40 and bool(_GAPPED_ITEM.fullmatch(text, lo, hi)) and not _VERBISH.search(text, lo, hi)

_CONJ_DATE_CLAUSE = re.compile(
    r"\s(?:and|but|while|whereas)\s+(?:for|in|during|over|at|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
)
# "410 trains in 9M 2025, against 312 a year earlier": the base told after a comparison word is
# the compared value's, not the first amount's
_COMPARED = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|from)\s")
_COMPARED_NUMBER = re.compile(
    r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|from)\s+"
    r"(?:(?:about|some|nearly|almost|over|more\s+than|less\s+than)\s+)?(?:[$€£]\s?)?\d"
)


# ", around 85% of which are oil and gas condensate,": a share told in an aside about the subject
_OF_WHICH_ASIDE = re.compile(r" of which[^,;()]{1,80}[,)]")
_ASIDE_OPEN = re.compile(
    r"[,(]\s*(?:(?:about|around|some|nearly|almost|roughly|approximately|over|more\s+than|less\s+than)\s+)?$"
)


def _period(ctx: Context, a: Amount, s, count: bool, lo: int | None = None) -> str | None:
    """The period of the amount `a` in sentence `s`; with `lo`, only from dates at or after it.
    Once per question and document: the pledge and figure tries (and `_running_total` before them)
    ask the same one of an amount (it reads only the amount's span and unit, and the sentence)."""
    memo = ctx.memo.get("period_of")
    if memo is None:
        memo = ctx.memo["period_of"] = {}
    key = (a.span, a.unit, s.start, s.end, count, lo)
    got = memo.get(key, memo)
    if got is memo:
        got = memo[key] = _period_uncached(ctx, a, s, count, lo)
    return got


def _period_uncached(ctx: Context, a: Amount, s, count: bool, lo: int | None) -> str | None:
    text = ctx.text
    rels, dated = _sentence_periods(ctx, s)
    # "over the past decade", "over the next three years"
    best_rel = None
    for pos, rng in rels:
        dist = abs(pos - a.span[0])
        if best_rel is None or dist < best_rel[0]:
            best_rel = (dist, rng, pos)
    cands = []
    for d, base, cand in dated:
        if base and not (d.span[0] < a.span[0] and re.search(r"\bwhen\b", text[d.span[1] : a.span[0]])):
            continue
        cands.append(cand)
    if lo is not None:
        cands = [c for c in cands if c[0] >= lo]
        best_rel = best_rel if best_rel and best_rel[2] >= lo else None
    rel_at = None
    if best_rel:
        cands.append((best_rel[2], best_rel[2] + 1, best_rel[1], True))
        rel_at = best_rel[2]
    if count and rel_at is not None:
        # "more than 200 students have studied in Europe over the past five years": a cumulative count
        lo = s.start + max(
            (m.end() for m in re.finditer(r",\s+(?:and|while|but)\s", text[s.start : a.span[0]])), default=0
        )
        hi = re.search(r",\s+(?:and|while|but)\s|[;.]\s", text[a.span[1] : s.end])
        hi = a.span[1] + hi.start() if hi else s.end
        # (reported speech: "noted that over the past five years the number … had reached 1,150")
        if lo <= rel_at < hi and re.search(r"\b(?:has|have|had)\s+\w+(?:ed|en)\b", text[lo:hi]):
            return best_rel[1]
    if not count:
        # "… have invested $200 billion since 2005, and that the EU accounts for about 30%": a "since"
        # span of the clause before reaches a sum or share across ", and" only in the present perfect
        cands = [
            c
            for c in cands
            if not (c[3] and c[1] <= a.span[0] and _SINCE.search(text[s.start : c[0]][-56:]))
            or _since_reaches(text, s.start, c, a)
        ]
    if count:
        # a count takes a year, a part of a year or a "since" span, not a multi-year range
        cands = [c for c in cands if re.fullmatch(r"\d{4}(?:-\d\d/\d{4}-\d\d|/\d{4})?", c[2])]
        cands = [c for c in cands if not c[3] or "-" in c[2] or _since_reaches(text, s.start, c, a)]
        cands = [c for c in cands if c[3] or _date_reaches(text, c, a)]
    if not cands:
        return None
    # a date after the amount in its clause (before the next amount), else the nearest before
    nxt_amount = s.end
    for x in ctx.amounts:
        if a.span[1] < x.span[0] < nxt_amount and (x.unit != "count" or count):
            if x.span[0] - a.span[1] < 30 and (
                (x.unit not in ("percent", "count") and _converted(text, a, x))
                or (x.unit == "percent" and _BRACKET_CHANGE.fullmatch(text, a.span[1], x.span[0]))
            ):
                # "1.5 trillion tenge ($3 billion) in 2024", "$300 million (-5%) in 2023": a stated
                # conversion or change in brackets, not the next amount
                continue
            if x.unit == a.unit and _gapped_item(text, a.span[1], x.span[0]):
                continue  # "Exports fell by 5% and imports by 2% in 2024": one date for the list
            nxt_amount = x.span[0]
    if a.unit == "percent" and text.startswith(" of which", a.span[1]):
        aside = _OF_WHICH_ASIDE.match(text, a.span[1], s.end)
        if aside and _ASIDE_OPEN.search(text, max(s.start, a.span[0] - 40), a.span[0]):
            # "Exports, around 85% of which are oil, climbed to USD 19.1 billion in January–June": a
            # share of the subject is of the period its clause tells
            main = [c for c in cands if aside.end() <= c[0] and not _SEMI.search(text, aside.end(), c[0])]
            if main:
                return min(main, key=lambda c: c[0])[2]
    # (not across "…, and for 9 months of 2025 – USD 950 million": the next clause's period)
    bases = ctx.memo.get("period_bases") or ()
    after = [
        c
        for c in cands
        if a.span[1] <= c[0] < min(nxt_amount, s.end)
        and not _SEMI.search(text[a.span[1] : c[0]])
        and not (nxt_amount < s.end and _conj_before_date(text, a.span[1], c[0]))
        and not _CONTRAST_NEXT.search(text, a.span[1], c[0])
        # "… estimated at $403.6 million, and the project is expected to be completed in 2032": the
        # date of a clause with a subject and a verb of its own
        and not _OWN_CLAUSE.search(text, a.span[1], c[0])
        # "grants of up to EUR 40,000 each through calls for proposals starting in early 2027": the
        # date of another noun's participle
        and not _OTHER_NOUN_STARTING.search(text, a.span[1], c[0])
        and not (c[0] in bases and _COMPARED.search(text, a.span[1], c[0]))
        # "reached 184, against 178 in January–September 2024": the date of the number compared with
        and not _COMPARED_NUMBER.search(text, a.span[1], c[0])
    ]
    if after:
        return min(after, key=lambda c: c[0])[2]
    if _TARGET_BEFORE_SCAN.search_range(text, ctx.at, max(s.start, a.span[0] - 60), a.span[0]):
        return None  # "… in 2025 and reaffirmed the goal of raising it to $3 billion": a goal, no date
    before = [c for c in cands if c[1] <= a.span[0]]
    if bases and a.unit == "percent":
        # "… 312 a year earlier, a rise of about 31%": the change is of the value it compares, not
        # of the base
        before = [c for c in before if c[0] not in bases] or before
    if rel_at is not None and rel_at < a.span[0] and _CLAUSE_CUT.search(text, rel_at, a.span[0]):
        # "Trade has grown by a quarter over the past five years, and Türkiye remains its largest
        # partner, accounting for 14%": a span told of the clause before is that clause's
        before = [c for c in before if c[0] != rel_at]
    if before and not count:
        # "… reached EUR 55 billion in 2025, and that the stock of EU investment exceeds EUR 100
        # billion", "… in 2025, while EU countries account for nearly 50 percent of FDI": a date of the
        # clause before does not reach a state told in the present in a clause of its own
        before = [c for c in before if not _present_clause_after(text, c[1], a)]
    if before:
        return max(before, key=lambda c: c[1])[2]
    return None


_CLAUSE_JOIN = re.compile(r",\s+(?:and\s+(?:that\s+)?|while\s+|whereas\s+|but\s+)|;\s+")
_PRESENT_SIMPLE = re.compile(
    r"\b(?:is|are|remains?|exceeds?|accounts?\s+for|makes?\s+up|represents?|stands?\s+at|holds?|totals|"
    r"amounts\s+to|comes?\s+to)\b"
)


def _present_clause_after(text: str, lo: int, a: Amount) -> bool:
    """Whether a clause of its own opens between `lo` and the amount `a` and tells a state in the
    present (its verb before the amount, or right after it)."""
    cut = None
    for m in _CLAUSE_JOIN.finditer(text, lo, a.span[0]):
        cut = m.end()
    if cut is None:
        return False
    tail = _CLAUSE_PUNCT.search(text, a.span[1], a.span[1] + 60)
    return bool(_PRESENT_SIMPLE.search(text, cut, tail.start() if tail else a.span[1] + 60))
