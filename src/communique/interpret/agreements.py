"""Agreements and their stage as of the time of writing.

Mentions (annotate.agreements) are merged into records by acronym or name; "the agreement", "such
an agreement", "the text" refer to the agreement named last. Stage cue words (data/stages.yaml) in a
sentence are attached to the agreement mentions there:

* an achieved cue ("signed", "entered into force", "initialling") goes to the nearest mention in
  its clause, else the nearest one before it in the sentence, else every one after it ("12
  documents were signed, including X and Y");
* a cue in a desire, call, plan or condition context ("importance of signing", "ready to open
  negotiations", "before it can enter into force", "its signature is expected") says the step is
  still ahead: the agreements of that sentence sit at the stage before the earliest such step;
* the object of "replace" / "take the place of" is in force, and nothing else in that sentence
  changes it; negated cues ("never signed", "provisionally applied") count for nothing.

An agreement's status is the latest stage a cue says was reached; only when none is, the stage
before the earliest step still ahead; a named (capitalised) agreement the text cites without any
cue is taken to be in force.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .. import data
from ..annotate.agreements import _lex as _mention_lex
from ..annotate.agreements import _party_compound
from ..annotate.alternation import trie_alternation
from ..annotate.case import ignorecase_key
from ..annotate.ordinals import parse_ordinal
from ..annotate.places import country_name, demonym_country, first_letters_ahead
from ..models import STAGE_ORDER, Agreement
from .context import Context
from .scan import AnyOf, LiteralScan, Openings, matches_at

__all__ = ["find_agreements"]

_CLAUSE = re.compile(r"[,;:–—()]|\s(?:which|while|but|whereas)\s")
_NEGOTIATIONS_ON = re.compile(
    r"\b((?:bilateral|formal|official)\s+)?negotiations\s+on\s+(?!(?:which|it|this|that|them)\b)"
    r"([a-z][\w\-]*(?:\s[a-z][\w\-]*){1,11}?)"
    r"(?=[,.;:]|\s+(?:to|with|a|as|and the|in order)\b)"
)
_AHEAD = re.compile(
    r"\s+(?:is|are|was|were)\s+(?:still\s+)?(?:expected|planned|scheduled|due|foreseen|envisaged|pending|awaited)\b"
    r"|\s+(?:will|would|could|should|must|may)\b",
    re.I,
)
#: Nominal cues that speak only of the agreement named next to them.
_OF_NOUNS = ("implementation", "practical implementation", "ratification", "signing", "signature")
#: A step named as a noun after these words is still ahead: "discussed the entry into force of …".
_STEP_NOUNS = {"entry into force", "signing", "signature", "ratification", "ratifying"}
_STEP_AHEAD = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|prepar(?:e|ed|es|ing|ations?)\s+(?:for)?|prospects?\s+(?:of|for)|possibility\s+of|"
    r"speedy|early|swift|timely|ahead\s+to|"
    # ("looked ahead to the entry into force of X", "anticipated the ratification of X")
    r"anticipat(?:e|ed|es|ing)|await(?:ed|s|ing)?|(?:the\s+)?date\s+(?:of|for)|accelerat\w*|expedit\w*|speed(?:ing)?\s+up|(?:necessary|needed|required)\s+for|procedures?\s+for|ensur\w*|complet(?:e|es|ing|ion\s+of)|on|towards?|"
    # "prepared the documents for signing", "submitted for ratification" (not "a ceremony for the signing")
    r"(?<!ceremony\s)(?<!ceremonies\s)for)\s+(?:the\s+)?(?:its\s+)?$",
    re.I,
)
#: "the text was initialled in July": the agreement named last
# "the Conference of the Parties to the UN Convention …": the convention only names the conference
_PARTIES_TO = re.compile(r"\bParties\s+to\s+(?:the\s+)?$")
_NEW_VERB = re.compile(
    r"\s(?:and|but)\s+(?:also\s+)?((?:agreed|decided|called|asked|instructed|stressed|noted|welcomed|proposed|"
    r"discussed|expressed|underlined|reaffirmed)\b)"
)
# "…, and the sides agreed that …": a new verb, with or without a subject of its own
_NEW_SUBJECT_VERB = re.compile(
    r"\s(?:and|but)\s+(?:(?:the|both|all)\s+(?:[\w-]+\s+){0,2}|they\s+|it\s+)?(?:also\s+)?(?:agreed|decided|"
    r"called|asked|instructed|stressed|noted|welcomed|proposed|discussed|expressed|underlined|reaffirmed)\b"
)
_WISH = re.compile(r"\b(?:importance|ready|readiness|hope[sd]?|want[s]?|need[s]?)\s+(?:of|to|for)?\s*$", re.I)
# "suggested signing X", "proposed to sign X", "put forward a proposal for the ratification of X": a
# step offered, not taken; X is only proposed
_PROPOSE = re.compile(
    r"\b(?:propos(?:ed|es|ing|al)|suggest(?:ed|s|ing|ion)|offer(?:ed|s|ing)?|idea|initiative|interest(?:ed)?|"
    r"consider(?:ed|s|ing)?|explor(?:e|ed|es|ing)|study(?:ing)?|studied)\s+"
    r"(?:of|to|for|in)?\s*(?:the\s+)?$",
    re.I,
)
_CAP_WORDS = re.compile(r"[A-Z][\w]+(?:\s[A-Z][\w]+)?")
_PROVISIONALLY = re.compile(r"\s+(?:provisionally)")  # read at a position: opens with a space
_AS_WELL_AS = re.compile(
    r"\w+[ \t]*,?[ \t]+(?:as well as|along with|together with)[ \t]+(?:(?:an?|the)[ \t]+)?"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•▪–—][ \t]+|\d{1,3}[.)][ \t]+|[a-z][)][ \t]+|\|)")  # "|": a table row
_BARE_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[a-z][)]|[-*+•▪–—])\s*")
_AGREEMENT_WORD = re.compile(r"\b(?:agreements?|treaty|treaties|memorand\w+|protocol|convention|accord)\b")
_TALKS_ON_NAMED = re.compile(
    r"\b(?:negotiations|talks)\s+on\s+an?\s+([A-Z][\w-]*(?:\s+(?:(?:and|of|for|on)\s+)?[A-Z][\w-]*){1,8})"
)
_INCLUDING = re.compile(r"\b(?:including|includ(?:ed|es)|such as|among them|among which)\b|:")
# "following the talks", "during the negotiations": the meeting itself, unless they are "on" something
_AT_TALKS = re.compile(
    r"\b(?:following|after|during|in\s+the\s+course\s+of|at|ahead\s+of|before|results\s+of|outcomes?\s+of)"
    r"\s+(?:the|these|today's|their)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_TALKS_ON = re.compile(r"\s+(?:on|about|over|for|towards?)\b")
_ARTICLE_GAP = re.compile(r"\s+(?:(?:a|an|the|its|their)\s+)?")
_TEXT_OF = re.compile(r"\b(?:text\s+of\s+(?:the\s+)?|draft\s+)$", re.I)  # "the draft X has been agreed"
_TEXT_AGREED = re.compile(
    r",?\s+(?:has\s+been|had\s+been|have\s+been|was|were|is)\s+(?:now\s+|also\s+|fully\s+)?"
    r"(?:agreed|finalised|finalized|completed|settled|coordinated)\b"
)
# "… negotiations in the first quarter of next year", "… on a free trade agreement next year": the
# launch itself lies ahead
_LATER = re.compile(
    r"\b(?:next|coming|following)\s+(?:year|month|months|week|weeks|spring|summer|autumn|fall|winter|quarter)\b"
    r"|\b(?:in|by|before|from|during)\s+the\s+(?:first|second|third|fourth|next|coming)\s+(?:quarter|half|months?)\b"
    r"|\b(?:by|before)\s+the\s+end\b|\blater\s+this\b|\bin\s+(?:early|late|mid-)\s*20\d\d\b"
    # ("agreed to launch negotiations in the autumn": a season ahead, in a plan)
    r"|\b(?:in|by|during)\s+the\s+(?:autumn|fall|spring|summer|winter)\b",
    re.I,
)


def _clause_end(text: str, a: int, limit: int) -> int:
    m = _CLAUSE_STOP.search(text, a, limit)
    return m.start() if m else limit


_CLAUSE_STOP = re.compile(r"[,;:.]")
_UNDER_WAY = re.compile(
    r"\s+(?:procedures?|process(?:es)?)\s+(?:[\w-]+\s+){0,8}?(?:is\s+|are\s+)?(?:still\s+)?"
    r"(?:under\s*way|ongoing|in\s+progress|continu(?:e|es|ing)|being\s+\w+ed)\b",
    re.I,
)
_AND_OF = re.compile(r"\b(?:and|as\s+well\s+as)\s+of\s+(?:the\s+)?$")
_AND_TO = re.compile(r",?\s+and\s+to\s+[a-z]")
_INFINITIVE = re.compile(r"(?<![\w-])to\s+$")
_SERIES_GAP = re.compile(r"(?:\s|,|and|as well as|an?|the)*")
_DRAFT_AFTER = re.compile(
    r"\s+(?:in\s+(?:the\s+|its\s+)?(?:first|second)\s+reading\b,?\s*)?(?:(?:the|a|an|its)\s+)?(?:draft|bill|law)\b"
    r"|\s+in\s+(?:the\s+|its\s+)?(?:first|second)\s+reading\b"
)
_AND_TO_LAUNCH = re.compile(
    r"\band\s+to\s+(?:launch|start|begin|open|commence)\s+(?:(?:formal|official|the)\s+)?$"
)
_NEW_CLAUSE = re.compile(r"[;]|,\s+(?:and|but|while|whereas)\s")
# ("adopted Resolution No. 142 approving the draft law …": the decision's own title, capitalised)
_DECISION_AFTER = re.compile(
    r"\s+(?:(?:a|the|its|their)\s+)?(?:decision|decisions|resolution|decree|regulation|conclusions|mandate)\b",
    re.I,
)
_AMONG_THEM = re.compile(
    r"\s*(?:Among\s+(?:them|these|those|the\s+documents|which)|(?:They|These|Those)\s+(?:include|included|are|were)\b)"
)
_LIST_COMMA = re.compile(r"\s*,\s*(?:an?\s+|the\s+)?")
_JOINED = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:an?|the)?\s*")
_TEXT_ANAPHORA = re.compile(r"\b(?:the|its|this)\s+text\b(?!\s+of\b)", re.I)


def _text_anaphora(text: str, at: Openings | None, words: AnyOf) -> list[re.Match]:
    """`_TEXT_ANAPHORA.finditer(text)`, tried only where a match can open: the "the"/"its"/"this"
    ending right before the run of spaces before a "text" (`words`: where "text" stands). Case-blind
    matching keeps lengths, so the determiner opens 3 or 4 characters before that run."""
    found = words.positions(at) if at is not None else None
    if found is None:
        return list(_TEXT_ANAPHORA.finditer(text))
    starts = set()
    for p in found:
        w = p
        while w > 0 and text[w - 1].isspace():  # (`\s` is what str.isspace says)
            w -= 1
        if w < p:
            starts.update(k for k in (w - 3, w - 4) if k >= 0)
    return matches_at(_TEXT_ANAPHORA, text, sorted(starts))


@dataclass
class _Rec:
    name: str
    acronym: str | None
    capitalised: bool
    first: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    stages: list[tuple[int, str, int]] = field(default_factory=list)  # (rank, stage, position)
    pending: list[tuple[int, str, int]] = field(default_factory=list)  # stage before a step still ahead
    replaced: bool = False
    replaced_by: _Rec | None = None  # the successor the text says replaces this one
    synthetic: bool = False
    plural: bool = False
    decided_at: set[int] = field(default_factory=set)  # cues of talks decided at the occasion
    money: object | None = None  # the pledge a loan, grant or guarantee document carries
    own_occasion: bool = False  # "the roadmap adopted at the 21st meeting": not the reported occasion's
    needs_stage: bool = False  # "signed a protocol": a record only when a cue gives it a stage
    parties_told: str | None = None  # "between Turkmenistan and the European Union" after the title
    # "the corresponding roadmap": a plan named after the document it goes with ("roadmap of the
    # Memorandum on …", which `_soft` no longer reads as a plan)
    plan: bool = False


@lru_cache(maxsize=1)
def _cues() -> dict:
    conf = data.load("stages")
    cue_list = []
    for stage, words in conf["cues"].items():
        for w in words:
            cue_list.append((w, stage))
    cue_list.sort(key=lambda x: len(x[0]), reverse=True)
    ahead = first_letters_ahead([w for w, _ in cue_list])  # see there: same matches, faster scans
    cue_rx = re.compile(
        r"(?<![\w-])"
        + ahead
        + r"(?:"
        + trie_alternation((w for w, _ in cue_list), ignore_case=True)  # see there
        + r")(?![\w-])",
        re.I,
    )
    lookup = {w.lower(): s for w, s in cue_list}
    pend = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(map(re.escape, sorted(conf["pending"], key=len, reverse=True)))
        + r")(?![\w-])",
        re.I,
    )
    neg = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, conf["negation"])) + r")(?![\w-])", re.I)
    repl = {w.lower() for w in conf["replaced_cues"]}
    firm = {w.lower() for w in conf.get("firm") or ()}
    ongoing = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(map(re.escape, sorted(conf.get("ongoing") or ["continue"], key=len, reverse=True)))
        + r")\s+(?:the\s+)?(?:ongoing\s+|current\s+|bilateral\s+)?$",
        re.I,
    )
    launched = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(map(re.escape, sorted(conf.get("launched") or [], key=len, reverse=True)))
        + r")\s+(?:(?:formal|official|bilateral|the)\s+)?$",
        re.I,
    )
    leg = "|".join(map(re.escape, sorted(conf.get("legislatures") or ["Parliament"], key=len, reverse=True)))
    dec = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(conf.get("ratifying_decrees") or ["presidential decree"], key=len, reverse=True)
    )
    return {
        # "the Senate approved X", "X was endorsed by both chambers": a parliament's vote (case kept:
        # "the Chamber of Commerce approved" is no house of parliament)
        "legislature": re.compile(rf"(?<![\w-])(?:{leg})(?![\w-])"),
        "by_legislature": re.compile(
            rf"\s+by\s+(?:the\s+|both\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?(?:{leg})(?![\w-])"
        ),
        # "approved by Decree of the President No. 118", "endorsed by presidential decree": a head of
        # state's act of approval is the domestic ratification of an intergovernmental agreement
        "by_decree": re.compile(
            rf"\s+by\s+(?:a\s+|the\s+|his\s+|her\s+)?(?:{dec})(?![\w-])",
            re.I,
        ),
        "launched_verb": re.compile(r"\b(?:agreed|decided)\s+to\s"),
        "launched": launched,
        "rx": cue_rx,
        "lookup": lookup,
        "pending": pend,
        "neg": neg,
        # (the same, tried only where one of their words opens: see interpret.scan and _clause_has)
        "pending_scan": LiteralScan(pend),
        "neg_scan": LiteralScan(neg),
        "replaced": repl,
        "firm": firm,
        "ongoing": ongoing,
    }


def _clause_has(ctx: Context, scan: LiteralScan, clause_left: str, end: int) -> re.Match | None:
    """`scan`'s `rx.search(clause_left)` for the words of a clause that end at `end` in the text."""
    return scan.search_part(clause_left, ctx.at, end - len(clause_left))


@lru_cache(maxsize=1)
def _talks_subjects() -> frozenset[str]:
    return frozenset(data.load("agreements").get("talks_not_documents") or ())


@lru_cache(maxsize=1)
def _implied() -> dict[str, str]:
    return {k.lower(): v for k, v in (data.load("agreements").get("implied_documents") or {}).items()}


# what may follow a subject that tells a kind of agreement (`_implied`): punctuation, the end, a verb
# or the talks on it ("visa facilitation talks", "… will be offered"); not a noun it qualifies
_IMPLIED_AFTER = (
    r"(?=\s*[^\w\s-]|\s*$|\s+(?:be|is|are|was|were|will|would|could|should|can|may|has|have|had|remains?|"
    r"talks|negotiations|in|at|with|since|from|between|during|last|this|next|until)\b)"
)


_BODY_ON = re.compile(
    r"\b(?:group|groups|dialogue|committee|sub-committee|subcommittee|commission|council|platform|forum|panel|"
    r"centre|center|conference|seminar|workshop|roundtable|round\s+table|task\s+force)\s+(?:on|for)\s+(?:the\s+)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _known_acronyms() -> dict[str, str]:
    return dict(data.load("agreements").get("acronyms") or {})


_IMPLEMENTS = re.compile(r"\bimplementation\s+of\s+(?:the\s+)?$", re.I)
_PARTY_PAIR = re.compile(r"(?<![\w-])([A-Z][\w]*[-–][A-Z][\w]*)\s+$")


@lru_cache(maxsize=1)
def _scans() -> dict:
    """The whole-text scans, tried only where they can match (see interpret.scan)."""
    known = "|".join(map(re.escape, sorted(_known_acronyms(), key=len, reverse=True) or ["EPCA"]))
    # ("visa facilitation", "visa-facilitation")
    keys = sorted(_implied(), key=len, reverse=True)
    implied = "|".join(re.escape(k).replace(r"\ ", r"[ -]") for k in keys)
    implied = rf"(?<![\w-])({implied or '(?!)'})(?![\w-]){_IMPLIED_AFTER}"
    return {
        "acronyms": LiteralScan(re.compile(rf"(?<![\w-])(?:{known})(?![\w-])")),
        "negotiations": LiteralScan(_NEGOTIATIONS_ON),
        "text": AnyOf(["text"]),  # every match of _TEXT_ANAPHORA names the text
        "implied": LiteralScan(re.compile(implied, re.I)),
        "cues": LiteralScan(_cues()["rx"]),
    }


def _rank(stage: str) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else 99


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """The name an agreement is matched by (cached: the same names come back, within a text and
    across texts)."""
    n = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I).lower()
    n = re.sub(r"agreements\b", "agreement", n)
    return " ".join(n.split())


_EXTENSION = re.compile(r" (?:between|with|on|for|among) \S")


def _extends(longer: str, shorter: str) -> bool:
    """ "power purchase agreement between X and Y" tells "power purchase agreement" with its parties
    or subject: a lower-case kind of two words or more, continued by a post word."""
    return (
        " " in shorter
        and longer.startswith(shorter)
        and _EXTENSION.match(longer, len(shorter)) is not None
        and _EXTENSION.search(shorter) is None
    )


_SIG_STOP = frozenset(
    {"the", "of", "on", "and", "for", "between", "a", "an", "in", "with", "to", "its", "their", "this"}
    | {"that", "certain", "aspects", "new", "field", "area", "sphere"}
)
_SIG_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)
def _signature(name: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The kind of document, the words that say what it is about and the parties it names; None
    when nothing but the kind is left ("the agreement")."""
    words = [w for w in _SIG_WORD.findall(name.lower()) if w not in _SIG_STOP]
    kinds = [w for w in words if w in _SIG_KINDS]
    if not kinds:
        return None
    kind = kinds[-1].rstrip("s") if kinds[-1] != "memoranda" else "memorandum"
    parties = frozenset(
        c for w in words if (c := country_name(w.capitalize()) or country_name(w.upper())) is not None
    )
    about = frozenset(
        w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w
        for w in words
        if w not in _SIG_KINDS and not country_name(w.capitalize()) and not country_name(w.upper())
    )
    return (kind, about, parties) if about else None


# "visa facilitation agreement (with the European Union)": words before the kind, at most a party after it
_COMPOUND_LABEL = re.compile(
    r"(?:[a-z][\w-]*\s+){2,5}(?:agreements?|treaty|memorandum|protocol|convention)(?:\s+with\s+.+)?"
)
_PARTY_WORDS_SIG = frozenset(["union", "republic", "government", "kingdom", "federation", "state", "member"])


def _told_within(a: frozenset[str], b: frozenset[str]) -> bool:
    """The subject words of one name (two or more, party words aside) are all words of the other's."""
    a, b = a - _PARTY_WORDS_SIG, b - _PARTY_WORDS_SIG
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small < big


_SIG_KINDS = frozenset(
    {"agreement", "agreements", "treaty", "treaties", "memorandum", "memoranda", "protocol", "convention"}
    | {"accord", "charter"}
)


_LAW_TITLE = re.compile(
    r"[\"“«]On\s+(?:the\s+)?(?:ratification|approval|accession|denunciation|conclusion)\s+(?:of|to)\s+(?:the\s+)?$"
)


def find_agreements(ctx: Context, pledges: list | tuple = ()) -> list[Agreement]:
    """The agreements of the text with their stage; `pledges` (interpret.amounts) name the loan, grant
    and guarantee documents that carry them."""
    text = ctx.text
    recs: list[_Rec] = []
    by_acr: dict[str, _Rec] = {}
    mentions: list[tuple[int, int, _Rec]] = []  # (start, end, record) in text order

    def lookup(name: str, acr: str | None) -> _Rec | None:
        if acr and acr in by_acr:
            return by_acr[acr]
        k = _key(name)
        for r in recs:
            rk = _key(r.name)
            if rk == k or (r.capitalised and (k.startswith(rk + " ") or rk.startswith(k + " "))):
                return r
            if not r.capitalised and not r.plural and (_extends(k, rk) or _extends(rk, k)):
                # "revenues under the power purchase agreement … The power purchase agreement between
                # X and Y was signed": one document, told the second time with its parties
                if len(k) > len(rk):
                    r.name = name
                return r
        # "the air services agreement" … "the Agreement on Air Services", "the EU–Kazakhstan EPCA" …
        # "the Enhanced Partnership and Cooperation Agreement": the same words, the same document
        sig = _signature(name)
        if sig is not None:
            for r in recs:
                other = None if r.synthetic or r.replaced else _signature(r.name)
                # (parties both name must be the same: "the agreement on investment with Uzbekistan")
                same_parties = not other or not other[2] or not sig[2] or other[2] == sig[2]
                if other is not None and other[:2] == sig[:2] and same_parties:
                    return r
            capital = bool(name[:1].isupper())
            for r in recs:
                other = None if r.synthetic or r.replaced or r.capitalised == capital else _signature(r.name)
                label = r.name if capital else name  # the lower-case one: a compound label, no "on …" phrase
                if (
                    other is not None
                    and other[0] == sig[0]
                    and _COMPOUND_LABEL.fullmatch(label)
                    and _told_within(sig[1], other[1])
                ):
                    # "a visa facilitation agreement with the EU" … "the Agreement between Kazakhstan and
                    # the EU on the facilitation of the issuance of visas": a kind told by the words of the
                    # title, one document
                    if capital and not r.acronym:
                        # "the raw materials memorandum?" … "The Memorandum of Understanding on raw
                        # materials, …": the record is named by its title, whichever comes first
                        r.name, r.capitalised = name, True
                    return r
        return None

    resolved: set[tuple[int, int]] = set()  # anaphoric mentions named by what they are on
    other_occasion: set[tuple[int, int]] = set()  # documents adopted at an occasion the text names
    sitting_docs: set[tuple[int, int]] = set()  # a bare "a protocol" named after the reported sitting
    belongs: set[tuple[int, int]] = set()  # "the corresponding roadmap": a plan named after its document
    explicit = sorted(
        (
            m
            for m in ctx.agreements
            if (
                not m.anaphoric
                or (" th" in m.name and _THIS_PROJECT.search(m.name))
                or (not m.plural and _company_pair(ctx, m.span[0]) is not None)
                or (not m.plural and _ADOPTED_AT.match(text, m.span[1]) is not None)
                or (not m.plural and _whose(text, m.span[0]) is not None)
                or (not m.plural and _dash_title(text, m.span[0]) is not None)
                or (not m.plural and _established_by(text, m.span[0]) is not None)
                or _sitting_document(ctx, m)
                or (not m.plural and _belongs(text, m))
                or (not m.plural and _soft(m.name) and _fronted_occasion(ctx, m.span[0]) is not None)
            )
            and not _PARTIES_TO.search(text[max(0, m.span[0] - 30) : m.span[0]])
        ),
        key=lambda m: m.span,
    )
    title_parties: dict[tuple[int, int], str] = {}  # "… Agreement between Turkmenistan and the EU"
    own_parties = _parties_told_apart(ctx, explicit, title_parties)
    for m in explicit:
        if recs and _SIMILAR.search(text, max(0, m.span[0] - 20), m.span[0]):
            m = _similar_to(m, recs[-1])  # "a similar treaty with Kuwait": on the subject of the last one
        elif recs and not m.plural and _belongs(text, m) and not recs[-1].synthetic:
            # "signed a Memorandum on X in 2022, and the corresponding roadmap for 2023-2024 was agreed":
            # the plan that goes with the document named last
            if m.anaphoric:
                resolved.add(m.span)
            m = dataclasses.replace(m, name=f"{m.name} of the {recs[-1].name}", anaphoric=False)
            belongs.add(m.span)
        elif m.anaphoric and _belongs(text, m):
            continue  # "the corresponding roadmap" with no document named before it
        name, money = m.name, None
        if m.span in own_parties:
            name = f"{name} {own_parties[m.span]}"  # "… Agreement between the EU and Turkmenistan"
        if " th" in name and (ref := _THIS_PROJECT.search(name)):
            name = _project_named(text, name, ref, m.span[0])
            if m.anaphoric:
                if name == m.name:
                    continue  # "a memorandum on this project" with no project named before: an anaphor
                m = dataclasses.replace(m, anaphoric=False)
                resolved.add(m.span)
        pair = None if m.plural or m.capitalised or " between " in name else _company_pair(ctx, m.span[0])
        if pair is not None:
            # "Samruk-Kazyna and CNPC inked a memorandum on a gas-processing plant": a business document
            # is named by its parties (a state's has its own name and needs none)
            # (past the "of" of the noun itself: "a memorandum of understanding on …", "heads of agreement")
            noun_of = _NOUN_OF.search(name)
            post = _POST_WORD.search(name, noun_of.end() if noun_of else 0)
            head, rest = (name[: post.start()], name[post.start() :]) if post else (name, "")
            name = f"{head} between {pair[0]} and {pair[1]}{rest}"
            if m.anaphoric:
                m = dataclasses.replace(m, anaphoric=False, name=name)
                resolved.add(m.span)
        elif m.anaphoric and (at := _ADOPTED_AT.match(text, m.span[1])) is not None:
            # "the roadmap adopted at the 21st meeting of the Cooperation Council": named by its occasion
            # (another than the one reported, so undated unless the text dates it)
            name = f"{name} {at.group(1)}"
            m = dataclasses.replace(m, anaphoric=False, name=name)
            resolved.add(m.span)
            other_occasion.add(m.span)
        elif (
            not m.plural
            and not m.capitalised
            and not _POST_WORD.search(name)
            and _soft(name)
            and (at := _fronted_occasion(ctx, m.span[0])) is not None
        ):
            # "At our third ministerial meeting, we agreed on a concrete action plan": a plan named by the
            # earlier occasion that adopted it (not the reported one: dated as the text dates it)
            name = f"{name} {at}"
            if m.anaphoric:
                resolved.add(m.span)
            m = dataclasses.replace(m, anaphoric=False, name=name)
            other_occasion.add(m.span)
        elif (
            (m.anaphoric or not (m.capitalised or _POST_WORD.search(name)))
            and (of := _whose(text, m.span[0])) is not None
        ):
            # "the Strategic Partnership on raw materials, whose memorandum was signed in 2022"
            name = f"{name} on the {of}"
            if m.anaphoric:
                m = dataclasses.replace(m, anaphoric=False, name=name)
                resolved.add(m.span)
        elif m.anaphoric and (title := _dash_title(text, m.span[0])) is not None:
            # "- EU–Kazakhstan strategic partnership on raw materials — Memorandum of Understanding
            # signed in November 2022": a fact sheet's item names the document by the title before it
            name = title
            m = dataclasses.replace(m, anaphoric=False, name=name)
            resolved.add(m.span)
        elif m.anaphoric and (body := _established_by(text, m.span[0])) is not None:
            # "The Council was established by a memorandum signed in 2019": the document named by the
            # body it set up
            name = f"{name} establishing {body}"
            m = dataclasses.replace(m, anaphoric=False, name=name)
            resolved.add(m.span)
        elif m.anaphoric and _sitting_document(ctx, m):
            # "the ministers signed a protocol and a joint statement", "the Committee adopted a final
            # statement and recommendations": the documents of the sitting the text reports
            name = _meeting_protocol(ctx, f"{m.name} of the meeting")
            m = dataclasses.replace(m, anaphoric=False, name=name)
            resolved.add(m.span)
            sitting_docs.add(m.span)
        elif m.anaphoric:
            continue
        if not m.capitalised and not m.plural and _PERIOD_PLAN.fullmatch(name):
            owner = _plan_owner(ctx, m.span[0])
            if owner is not None:
                # "… the raw materials and hydrogen partnership. The 2023–2024 roadmap is completed": a plan
                # told only by its period is the plan of the partnership named just before
                name = f"{name} of the {owner}"
        if pledges and not m.plural and not m.acronym and _money_contract(m.name):
            name, money = _money_document(ctx, m, pledges)
        if _labelled(recs, name) is not None:
            # "the preferential deal" after "the Preferential Trade Agreement": a short label of a document
            # named before (whose own cues speak of it), no document of its own
            continue
        rec = lookup(name, m.acronym)
        weak = ctx.is_heading(m.span[0]) or (
            # the law "On ratification of the Treaty on …": a law's title in quotes, not a quotation
            ctx.in_quote(m.span[0]) and not _LAW_TITLE.search(text, max(0, m.span[0] - 50), m.span[0])
        )
        if rec is None:
            if weak:
                continue
            name = _meeting_protocol(ctx, name)
            rec = _Rec(name, m.acronym, m.capitalised, m.span[0], plural=m.plural, money=money)
            rec.own_occasion = m.span in other_occasion
            rec.needs_stage = m.span in sitting_docs or m.needs_stage
            rec.plan = m.span in belongs
            recs.append(rec)
        if m.span in title_parties and m.span not in own_parties and rec.parties_told is None:
            rec.parties_told = title_parties[m.span]
        if m.acronym and not rec.acronym:
            rec.acronym = m.acronym
        if m.acronym:
            by_acr[m.acronym] = rec
        rec.spans.append(m.span)
        mentions.append((m.span[0], m.span[1], rec))
    # a known acronym the text never spells out ("the EU-Uzbekistan EPCA was signed")
    known = _known_acronyms()
    for mm in _scans()["acronyms"].finditer(text, ctx.at) if known else ():
        acr = mm.group(0)
        if acr in by_acr or ctx.is_heading(mm.start()):
            continue
        if any(s <= mm.start() < e for s, e, _ in mentions):
            implements = _IMPLEMENTS.search(text, max(0, mm.start() - 30), mm.start()) is not None
            if implements and lookup(known[acr], None) is None:
                # "the updated roadmap for the implementation of the EPCA": the agreement it implements is a
                # record of its own, in force (being implemented), though named inside the roadmap's name
                rec = _Rec(known[acr], acr, known[acr][0].isupper(), mm.start())
                rec.stages.append((_rank("in force"), "in force", mm.start()))
                recs.append(rec)
                by_acr[acr] = rec
            continue
        a = mm.start()
        pre = _PARTY_PAIR.search(text, max(0, a - 40), a)
        if pre is not None and _party_compound(pre.group(1)):
            a = pre.start(1)
        rec = lookup(known[acr], None)  # the agreement the text names in full elsewhere
        if rec is None:
            rec = _Rec(f"{text[a : mm.start()]}{known[acr]}", acr, known[acr][0].isupper(), a)
            rec.plural = acr.endswith("s")
            recs.append(rec)
        rec.acronym = rec.acronym or acr
        by_acr[acr] = rec
        rec.spans.append((a, mm.end()))
        mentions.append((a, mm.end(), rec))
    # bare acronyms ("the EPCA")
    for acr, rec in by_acr.items():
        for mm in re.finditer(rf"(?<![\w]){re.escape(acr)}(?![\w])", text):
            if not any(s <= mm.start() < e for s, e, _ in mentions):
                mentions.append((mm.start(), mm.end(), rec))
                rec.spans.append((mm.start(), mm.end()))
    # "negotiations on market access for goods and services": an agreement under negotiation
    scans = _scans()
    for mm in scans["negotiations"].finditer(text, ctx.at):
        if any(mm.start() <= s < mm.end() + 3 for s, _e, _r in mentions):
            continue
        subject = mm.group(2).strip()
        if ctx.in_quote(mm.start()) or _AGREEMENT_WORD.search(subject):
            continue  # "negotiations on a new agreement": that agreement, named elsewhere if at all
        if _talks_subjects() & set(subject.lower().split()):
            continue  # "the round of negotiations on the accession": talks on joining a body, no document
        name = f"{(mm.group(1) or '').strip()} agreement on {subject}".strip()
        rec = _Rec(name, None, False, mm.start(), synthetic=True)
        rec.spans.append((mm.start(), mm.end()))
        recs.append(rec)
        mentions.append((mm.start(), mm.end(), rec))
    # "asked to start talks on visa facilitation", "will visa facilitation be offered?", "visa
    # facilitation (talks continue)": a kind of agreement told by its subject alone (agreements.yaml
    # `implied_documents`), a record only when a cue gives it a stage
    implied = _implied()
    for mm in scans["implied"].finditer(text, ctx.at) if implied else ():
        a, b = mm.span(1)
        if any(s <= a < e for s, e, _r in mentions) or ctx.in_quote(a) or ctx.is_heading(a):
            continue
        subject = ignorecase_key(mm.group(1)).replace("-", " ")
        if any(subject in r.name.lower() for r in recs) or _BODY_ON.search(text, max(0, a - 30), a):
            # the agreement is named in full (its own cues speak of it), or "a working group on visa
            # facilitation" names a body, not a document
            continue
        name = implied[subject]
        rec = lookup(name, None)
        if rec is None:
            rec = _Rec(name, None, False, a)
            rec.needs_stage = True
            recs.append(rec)
        rec.spans.append((a, b))
        mentions.append((a, b, rec))
    # "opening talks on a Trade and Investment Promotion Framework": a named instrument under way
    if ctx.cue["s on a"]:
        for mm in _TALKS_ON_NAMED.finditer(text):
            a, b = mm.span(1)
            if any(s <= a < e or a <= s < b for s, e, _r in mentions) or ctx.in_quote(a):
                continue
            name = mm.group(1)
            if ctx.is_heading(a) or ctx.is_body_name(name) or country_name(name):
                continue
            rec = lookup(name, None)
            if rec is None:
                rec = _Rec(name, None, True, a)
                recs.append(rec)
            rec.spans.append((a, b))
            mentions.append((a, b, rec))
    mentions.sort(key=lambda x: x[0])
    # anaphora: "the agreement", "such an agreement", "the new treaty" → the latest named one
    spans = [m.span for m in ctx.agreements if m.anaphoric and not m.plural and m.span not in resolved]
    if scans["text"].found(text, ctx.at):
        spans += [
            mm.span()
            for mm in _text_anaphora(text, ctx.at, scans["text"])
            if not any(a <= mm.start() < b for a, b, _ in mentions)
        ]
    if ctx.cue["It "]:
        # "… signed in 1998. It entered into force in 1999.": a sentence that opens with "It" and a
        # stage cue speaks of the agreement named last
        # (a passive step, "It was ratified in 2019", or one the agreement itself takes, "It took
        # effect"; not "It also proposed …", where "It" is a party)
        rx, lookup = _cues()["rx"], _cues()["lookup"]
        for mm in _IT_STEP.finditer(text):
            cm = rx.match(text, mm.end())
            if cm is None or not _opens_sentence(text, mm.start()):
                continue
            passive = _PASSIVE_AUX.search(mm.group(0))
            if passive or lookup.get(cm.group(0).lower()) in ("in force", "suspended", "terminated"):
                spans.append((mm.start(), mm.start() + 2))
    if ctx.cue[" it"]:
        # "… was initialled in July. The parties signed it on 24 October.": the object of a step
        spans += [
            mm.span(1)
            for mm in _IT_WORD.finditer(text)
            if _STEP_BEFORE_IT.search(text, max(0, mm.start() - 14), mm.start() + 1)
            and not _NOT_OBJECT_IT.match(text, mm.end())
        ]
    for a, b in sorted(set(spans)):
        # the latest in the text (an anaphor resolved before is appended at the end of the list)
        before = [
            (s, r) for s, _e, r in mentions if s < a and not r.replaced and not r.synthetic and not r.plural
        ]
        if before:
            mentions.append((a, b, max(before, key=lambda x: x[0])[1]))
    mentions.sort(key=lambda x: x[0])
    _stage_cues(ctx, mentions)
    for r in recs:
        if r.money is not None and not r.stages and not r.pending and not r.money.hedged:
            # "a grant agreement through which the EU adds €80 million": a document under which money
            # is firmly given has been signed
            r.stages.append((_rank("signed"), "signed", r.first))
    out = []
    named = sorted(s for x in recs if not x.synthetic for s in x.spans)  # a date inside a name is the name's
    for r in recs:
        if (
            not r.stages
            and not r.capitalised
            and any(x for x in ctx.agreements if x.name == r.name and x.plural)
        ):
            continue  # a plural common noun ("bilateral agreements with …") with nothing said of it
        if not r.stages and not r.pending and (r.needs_stage or not r.capitalised and _soft(r.name)):
            continue  # "the concept of a green corridor": an idea, not a document, until it has a stage
        status = _status(r)
        date_of = None
        if (
            r.replaced_by is not None
            and _status(r.replaced_by) == "in force"
            and any(st == "in force" for _rk, st, _p in r.replaced_by.stages)
        ):
            # "the EPCA, in force since 1 April, replaces the PCA": the old one ended that day
            status, date_of = "terminated", r.replaced_by
        name = r.name
        if (
            r.plural
            and status == "signed"
            and _GRANT_DOCUMENTS.match(r.name)
            and (pair := _signatory_pair(ctx, r.first)) is not None
        ):
            # "The European Union and the Government of Tajikistan signed three financing agreements worth
            # …": the EU's grant agreements with a government are agreements (and their money pledges),
            # one record named by the two that signed them (tune14/tune16 gold)
            name = f"{r.name} between {pair[0]} and {pair[1]}"
        elif (
            not r.capitalised
            and (r.plural or r.money is None or _LENDING.match(r.name))
            and _money_contract(r.name)
            and status not in ("ratified", "in force")
        ):
            # (a bank's loan or credit line, signed or approved, is the pledge it carries and no agreement
            # record, tune12/14/16 gold; one a parliament ratified is an international agreement)
            # "loan agreements … totalling USD 300 million": money lent, read as a pledge; one a
            # parliament ratified is an international agreement too, and so is a single document
            # the text says was signed ("signed a grant agreement of €15 million for …")
            continue
        out.append(
            Agreement(
                # a title told with the states it binds keeps them, as the gold names them ("Interim Trade
                # Agreement between Turkmenistan and the European Union"); matched by the title alone
                name=f"{name} {r.parties_told}" if r.parties_told and " between " not in name else name,
                acronym=r.acronym,
                parties=_parties(ctx, r),
                status=status,
                date=_past(
                    ctx, _date(ctx, date_of, "in force", named) if date_of else _date(ctx, r, status, named)
                ),
                span=r.spans[0] if r.spans else None,
            )
        )
    return out


# "the Enhanced Partnership and Cooperation Agreement between the European Union and Turkmenistan":
# the parties a title is told with, up to the end of the phrase
_TITLE_PARTIES = re.compile(r"\s+((?:between|with)\s+[^,;:.()\n]{3,120})")


_PARTY_WORDS = re.compile(r"(?:\s*(?:[A-Z][\w'’-]*|the|of|and|,))*\s*")


def _parties_told_apart(
    ctx: Context, mentions, between: dict[tuple[int, int], str] | None = None
) -> dict[tuple[int, int], str]:
    """One title told of different pairs of parties in one text ("the ratification of the EPCA between
    the EU and Uzbekistan … the negotiations on an EPCA between the EU and Turkmenistan") names two
    agreements: each mention's span → the party phrase that tells it apart ("between … and …").
    `between` gets every title's "between X and Y" phrase of two states or more (span → phrase)."""
    told: dict[str, list[tuple[tuple[int, int], str, frozenset[str]]]] = {}
    for m in mentions:
        if m.anaphoric or m.plural or " between " in m.name or " with " in m.name:
            continue
        pm = _TITLE_PARTIES.match(ctx.text, m.span[1])
        if not pm:
            continue
        states, end = set(), None
        lead = pm.start(1) + len(pm.group(1).split()[0])
        for p in ctx.places_in(pm.start(1), pm.end(1)):
            # (the parties only: "… with the EU in 2004" ends with "EU")
            if p.kind != "country" or not _PARTY_WORDS.fullmatch(ctx.text, lead, p.span[0]):
                break
            states.add(p.country or p.name)
            end = p.span[1]
        if states and end is not None:
            told.setdefault(_key(m.name), []).append((m.span, ctx.text[pm.start(1) : end], frozenset(states)))
            if between is not None and len(states) >= 2 and pm.group(1).startswith("between"):
                between[m.span] = ctx.text[pm.start(1) : end]
    out: dict[tuple[int, int], str] = {}
    for same in told.values():
        if len({x[2] for x in same}) > 1:
            out.update({span: phrase for span, phrase, _states in same})
    return out


# a line (a list item) that opens with a title, then a dash and the document's kind
# "The Council was established by a memorandum …", "the Centre, set up under an agreement …": a body
# a document created (read up to the document's article)
_ESTABLISHED = re.compile(
    r"(?<![\w-])((?:[Tt]he\s+)?[A-Z][\w'’–-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?[A-Z][\w'’–-]*){0,6})"
    r"(?:\s+(?:was|were|has\s+been|had\s+been|have\s+been)|,)\s+(?:formally\s+|originally\s+|first\s+|jointly\s+)?"
    r"(?:established|created|set\s+up|founded|instituted)\s+(?:by|under|through|in\s+line\s+with)\s+"
    r"(?:a|an|the)\s+$"
)


def _established_by(text: str, at: int) -> str | None:
    """The body a document at `at` set up ("The Council was established by a memorandum"), else None."""
    near = text[max(0, at - 30) : at]
    if not any(w in near for w in ("establish", "created", "set up", "founded", "institut")):
        return None  # (a literal test first: the pattern only where one of its verbs stands)
    m = _ESTABLISHED.search(text, max(0, at - 140), at)
    if m is None:
        return None
    body = m.group(1)
    return f"the {body[4:]}" if body.startswith("The ") else body


_DASH_TITLE = re.compile(
    r"[ \t]*(?:[-*+•▪][ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)?"
    r"([A-Z](?:[^—–\n.;:!?\"“”()]|(?<=\S)–(?=\S)){8,160}?)(?:\*\*|__)?"
    r"[ \t]+[—–][ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|its[ \t]+)?(?:\*\*|__)?"
)


_TITLE_VERB = re.compile(r"\b(?:[a-z]{3,}ed|is|are|was|were|has|have|will|said)\b")


def _dash_title(text: str, pos: int) -> str | None:
    """The title a line opens with before " — " when a bare document kind follows the dash at `pos`."""
    line = text.rfind("\n", 0, pos) + 1
    m = _DASH_TITLE.fullmatch(text, line, pos)
    if m is None or len(m.group(1).split()) < 3:
        return None
    title = m.group(1).strip()
    words = {w.lower() for w in re.findall(r"[\w-]+", title)}
    heads = data.load("agreements").get("dash_title_heads") or []
    if not any(h in words or (" " in h and h in title.lower()) for h in heads) or _TITLE_VERB.search(title):
        return None
    return title


# (the word "it" found by its literal, the verb before it checked there: a scan for the verbs
# would try every position of the text)
_IT_WORD = re.compile(r" (it)\b")  # (a literal first: sre skips ahead to it)
_STEP_BEFORE_IT = re.compile(
    r"\b(?:signed|initialled|initialed|ratified|inked|sealed|denounced|suspended|terminated)\s+$"
)
_NOT_OBJECT_IT = re.compile(r"\s+(?:is|was|will|would|has|had|to)\b")
_IT_STEP = re.compile(
    r"It\s+(?:(?:has|had|was|is|will|would|then|also|already|been|be|subsequently|formally|officially|"
    r"finally|later|now)\s+){0,3}"
)


_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|be|is)\s")


# "A: It was signed in October", "KUDRATOV: It …": the speaker's label of an interview's answer
_ANSWER_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.’'-]*[ \t]?){1,3}:[ \t]*$")


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\u00a0")
    if before.endswith(":"):
        return bool(_ANSWER_LABEL.search(text, max(0, pos - 40), pos))
    return not before or before[-1] in ".!?\n"


_FUTURE = re.compile(r"\b(?:will|would|shall|to|could|may|should)\s+(?:(?:also|then|eventually|fully)\s+)?$")
_PASSIVE = re.compile(r"\b(?:was|were|is|has\s+been|have\s+been|had\s+been|being)\s+$")
# "Uzbekneftegaz and LUKOIL signed an agreement …": two names, then a signing verb, then the document
_COMPANY_PAIR = re.compile(
    r"(?<![\w&.'’-])((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)\s+and\s+"
    r"((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)\s+(?:(?:also|then|have|has|had|jointly)\s+)?"
    r"(?:signed|inked|sealed|concluded|penned|clinched|put\s+their\s+signatures\s+to)\s+(?:an?|the|one)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
_ITEM_PAIR = re.compile(
    r"[ \t]*(?:[-*•▪]|\d{1,2}[.)])[ \t]+((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)"
    r"\s*(?:\s(?:and|&)\s|\s[–—-]\s|/)\s*"
    r"((?:[A-Z][\w&.'’-]*\s){0,3}[A-Z][\w&.'’-]*)\s*[:,–—]\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}$"
)


_NOT_A_COMPANY = re.compile(
    r"^(?:The|Both|Presidents?|Prime|Ministers?|Heads?|Leaders?|Governments?|Sides?|Parties)\b"
)


def _company_pair(ctx: Context, at: int) -> tuple[str, str] | None:
    """The two signatories named right before the document at `at` when both are companies or other
    bodies that are neither states nor people ("KazMunayGas and Eni signed a …")."""
    text = ctx.text
    s = ctx.sentence_at(at)
    start = max(s.start, at - 160)
    line = text.rfind("\n", 0, at) + 1
    # a list item that opens with its signatories ("- Kazakh Invest and Eramet: agreement on …",
    # "3. Samruk-Kazyna – Stellantis, agreement on …"): its lead-in tells the signing
    m = _ITEM_PAIR.match(text, line, at) if at - line <= 140 else None
    if m is None:
        if not _SIGN_VERB_NEAR.search(text, max(start, at - 60), at):
            return None
        m = _COMPANY_PAIR.search(text, start, at)
    if m is None:
        return None
    # "On Tuesday Kazakhstan Temir Zholy and …": the words that open the sentence are no part of it
    first = m.group(1).split()
    while first and first[0] in _not_names():
        first.pop(0)
    if not first:
        return None
    pair = (" ".join(first), m.group(2))
    people = {w for p in ctx.people for w in p.name.split()}
    for name, (a, b) in zip(pair, (m.span(1), m.span(2)), strict=True):
        words = name.split()
        if _NOT_A_COMPANY.match(name) or country_name(name) or (len(words) == 1 and demonym_country(name)):
            return None
        if any(p < b and a < q for p, q, _x in ctx.person_mentions()) or people.intersection(words):
            return None
        if ctx.is_body_name(name) or not _org_like(words):
            return None
        if len(words) == 1 and _surname_like(ctx.text, name):
            return None
    return pair


_SURNAME_END = re.compile(r"(?:ov|ev|yev|ova|eva|yeva|enko|uly|kyzy|ovich|evich|ski|sky)$")


_LENDING = re.compile(r"(?:(?:the|a|an|new)\s+)?(?:loan|credit)\b", re.I)
_GRANT_DOCUMENTS = re.compile(r"(?:financing|grant)\s+agreements\b", re.I)
# "The European Union and the Government of Tajikistan (on Monday) signed three …": the two signatories
_SIGNATORY_PAIR = re.compile(
    r"\s*((?:the\s+|The\s+)?[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,4})\s+and\s+"
    r"((?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,4})\s+"
    r"(?:(?:on\s+[A-Z]\w+|today|yesterday|also|have|has)\s+)*(?:signed|concluded)\s+(?:[\w-]+\s+){0,3}$"
)


def _signatory_pair(ctx: Context, at: int) -> tuple[str, str] | None:
    """The two parties that open the sentence of the document at `at` as the subject of its signing."""
    s = ctx.sentence_at(at)
    m = _SIGNATORY_PAIR.match(ctx.text, s.start, at)
    if m is None:
        return None
    first = m.group(1)
    if first.startswith("The "):
        first = "the " + first[4:]
    return first, m.group(2)


def _surname_like(text: str, word: str) -> bool:
    """ "Tokayev", "Mirziyoyev": a surname by its ending, or a word the text puts after a title."""
    if word.isupper():
        return False
    return bool(_SURNAME_END.search(word)) or re.search(
        rf"\b(?:President|Minister|Premier|Chairman|Chairwoman|Chair|Mr|Mrs|Ms|Dr|Ambassador|Secretary|"
        rf"Commissioner|Governor|Mayor|Akim|Hokim|Khokim|Director|CEO|Envoy)\.?\s+{re.escape(word)}\b",
        text,
    ) is not None


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return frozenset([*(data.load("names").get("not_names") or ()), *days])


def _org_like(words: list[str]) -> bool:
    """ "LUKOIL", "KazMunayGas", "Navoi Mining", "Kazakhstan Temir Zholy JSC": a company's name, not a
    person's ("Shavkat Mirziyoyev"): one word, or a word in capitals, or a company word in it."""
    org = _company_words()
    return (
        len(words) == 1
        or any(len(w) > 1 and w.isupper() for w in words)
        or any(w.strip(".,").lower() in org for w in words)
        or len(words) >= 3
    )


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    return frozenset(w.lower() for w in data.load("agreements").get("company_words") or ())


_SIGN_VERB_NEAR = re.compile(r"\b(?:signed|inked|sealed|concluded|penned|clinched|signatures\s+to)\b")
_WHOSE = re.compile(r"\bthe\s+([A-Z][^;:.()\n]{3,120}?),\s+whose\s+(?:[a-z-]+\s+){0,2}$")


def _whose(text: str, at: int) -> str | None:
    """ "the Strategic Partnership on X, whose memorandum …": what the document at `at` belongs to."""
    if ", whose " not in text[max(0, at - 40) : at]:
        return None
    found = [mm.group(1) for mm in _WHOSE.finditer(text, max(0, at - 160), at)]
    return found[-1] if found else None


_ADOPTED_AT = re.compile(
    r"\s+((?:adopted|signed|approved|endorsed|agreed|initialled|initialed)\s+(?:at|during)\s+the\s+"
    r"(?:\d{1,3}(?:st|nd|rd|th)\b|[A-Z]|first|second|third|fourth|fifth|last|latest|previous)"
    r"[^,;:.()\n]*?)(?=\s+(?:in|on|last|this|and|which|that|was|were|is|are|has|have|remains?)\b|[,;:.()\n]|$)"
)
# "At our third ministerial meeting, we agreed on a …", "At the 21st Cooperation Council in 2024 the sides
# adopted a …": a numbered earlier sitting opens the clause of the verb that adopts the document
_FRONTED_AT = re.compile(
    r"\b(?:[Aa]t|[Dd]uring)\s+(?:the|our|its|their)\s+((?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|previous|last)\s+[^,;:.()\n]{0,60}?(?:meeting|summit|session|sitting|council|"
    r"Council|forum|Forum|conference|Conference)(?:\s+of\s+the(?:\s+[A-Z][\w–-]*)+)?)\b[^;:.()\n]{0,40}?\s(?:we|they|the\s+(?:sides|parties|ministers|"
    r"leaders|presidents))\s+(?:also\s+)?(adopted|agreed\s+on|agreed\s+upon|approved|endorsed|signed)\s+"
    r"(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$"
)


def _fronted_occasion(ctx: Context, at: int) -> str | None:
    """ "agreed at the third ministerial meeting": the earlier sitting a clause opens with, when its
    verb adopts the document at `at` and the sitting is not the one the text reports."""
    s = ctx.sentence_at(at)
    head = ctx.text[s.start : at]
    if at - s.start > 200 or ("at " not in head and "At " not in head and "uring " not in head):
        return None
    m = _FRONTED_AT.search(ctx.text, s.start, at)
    if m is None:
        return None
    number = getattr(ctx.meeting, "number", None)  # (None when the text reports no sitting)
    if number and parse_ordinal(m.group(1).split()[0]) == number:
        return None  # the reported sitting's own document needs no such name
    verb = "agreed" if m.group(2).startswith("agreed") else m.group(2)
    return f"{verb} at the {m.group(1)}"


_THIS_PROJECT = re.compile(
    r"\s(on|for|of)\s+(?:this|that|the\s+said|the\s+same)\s+(?:project|plant|facility|undertaking)$"
)
# "… the construction of the small nuclear power plant in the Jizzakh region. The agreement on this
# project …": what the project is, named in the sentences before
_PROJECT_WORK = re.compile(
    r"\b((?:construction|building|development|creation|modernisation|modernization|reconstruction|expansion)"
    r"\s+of\s+(?:the|a|an)\s+[^,.;:()\n]{3,80}?)(?=\s*[,.;:()\n]|\s+(?:and|which|that|is|was|were|will|has|had)\b)"
)
_PROJECT_NAMED = re.compile(r"\bthe\s+([^,.;:()\n]{3,60}?\s+project)\b")


def _project_named(text: str, name: str, ref: re.Match, at: int) -> str:
    """ "the intergovernmental agreement on this project": on the work the text named last before it
    in its paragraph or the one before ("the construction of the plant in …", "the Khorgos port project")."""
    start = max(0, at - 600)
    window = text[start:at]
    last = None
    for rx in (_PROJECT_WORK, _PROJECT_NAMED):
        for mm in rx.finditer(window):
            if last is None or mm.start(1) > last.start(1):
                last = mm
    if last is None:
        return name
    return f"{name[: ref.start()]} {ref.group(1)} the {last.group(1)}"


def _labelled(recs: list[_Rec], name: str) -> _Rec | None:
    """ "the Preferential Trade Agreement … talks on turning the preferential deal into an FTA": a news
    word for a document (agreements.yaml `modified_only_nouns`) whose words all stand in the name of
    one told before labels it (the latest such)."""
    words = name.lower().split()
    if len(words) < 2 or words[-1] not in _mention_lex()["modified_only"]:
        return None
    return next(
        (r for r in reversed(recs) if not r.synthetic and all(w in r.name.lower() for w in words[:-1])), None
    )


_PERIOD_PLAN = re.compile(
    r"(?:(?:19|20)\d\d[–-])?(?:19|20)\d\d\s+(?:roadmap|road\s+map|action\s+plan|work\s*plan)"
)
_OWNER_WORDS = (
    "partnership", "programme", "initiative", "platform", "strategy", "dialogue", "alliance", "compact"
)
# (words of a name, no article, preposition, auxiliary or past verb: "the sides agreed to strengthen the
# partnership" names none)
_PLAN_OWNER = re.compile(
    r"\bthe\s+((?:(?!(?:the|a|an|to|of|with|is|are|was|were|has|have|[a-z]+ed)\s)[\w–-]+\s+){1,7}?(?:"
    + "|".join(_OWNER_WORDS)
    + r"))\b"
)


def _plan_owner(ctx: Context, pos: int) -> str | None:
    """The partnership, programme or dialogue named last in the sentence of `pos` or the one before it."""
    if not ctx.sentences:
        return None
    i = ctx.sentence_index(pos)
    start = ctx.sentences[max(0, i - 1)].start
    if not any(w in ctx.text[start:pos] for w in _OWNER_WORDS):
        return None  # (a literal test first)
    found = None
    for mm in _PLAN_OWNER.finditer(ctx.text, start, pos):
        found = mm
    if found is None or _AGREEMENT_WORD.search(found.group(1).lower()):
        return None
    return found.group(1)


_BELONGING = re.compile(r"\bthe\s+(?:corresponding|accompanying|associated|respective)\s+$", re.I)


def _belongs(text: str, m) -> bool:
    """ "the corresponding roadmap", "the accompanying action plan": a plan that goes with a document."""
    return (
        not m.capitalised
        and _soft(m.name)
        and _BELONGING.search(text, max(0, m.span[0] - 20), m.span[0]) is not None
    )


_SIMILAR = re.compile(r"\b(?:a|an|the)\s+(?:similar|analogous|identical|same)\s+$", re.I)
_SUBJECT = re.compile(r"\s(?:on|for)\s.+?(?=\s(?:between|with)\s|$)")


def _similar_to(m, last: _Rec):
    """ "An agreement on the avoidance of double taxation with the UAE was signed; a similar treaty with
    Kuwait …": the similar one has the subject of the agreement named before it."""
    sub = _SUBJECT.search(last.name)
    if sub is None or " on " in m.name or " for " in m.name:
        return m
    head, sep, rest = m.name.partition(" ")
    return dataclasses.replace(m, name=f"{head}{sub.group(0)}{sep}{rest}".strip())


_SITTING_NOUNS = frozenset(
    ["protocol", "joint statement", "joint communiqué", "joint communique", "final statement",
     "final statement and recommendations", "final communiqué", "final communique", "joint declaration"]
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:\*\*|__)?$", re.I)


def _sitting_document(ctx: Context, m) -> bool:
    """ "signed a protocol", "adopted a Final Statement and Recommendations": a bare document of the
    kinds a sitting produces, told without a name of its own in a text that reports a numbered sitting."""
    meeting = ctx.meeting
    return (
        m.anaphoric
        and not m.plural
        and meeting is not None
        and bool(getattr(meeting, "body", None))
        and m.name.lower() in _SITTING_NOUNS
        and _INDEFINITE_BEFORE.search(ctx.text, max(0, m.span[0] - 8), m.span[0]) is not None
    )


_OF_SITTING = re.compile(
    r"((?:protocol|minutes|joint\s+statement|joint\s+communiqu[ée]|final\s+statement(?:\s+and\s+recommendations)?|"
    r"final\s+communiqu[ée]|joint\s+declaration)\s+of\s+the\s+)(?:(\S+)\s+)?(meeting|session|sitting)",
    re.I,
)


def _meeting_protocol(ctx: Context, name: str) -> str:
    """ "signed the protocol of the meeting", "the Protocol of the 11th meeting": the protocol of the
    sitting the text reports, named with that sitting's number and body."""
    m = _OF_SITTING.fullmatch(name)
    meeting = ctx.meeting
    if m is None or meeting is None or not getattr(meeting, "body", None):
        return name
    number = meeting.number
    if m.group(2) is not None:
        if parse_ordinal(m.group(2)) != number:
            return name  # another sitting's protocol ("of the 10th meeting"), or "of the last meeting"
        ordinal = m.group(2) + " "
    else:
        ordinal = f"{number}{_suffix(number)} " if number else ""
    return f"{m.group(1)}{ordinal}{m.group(3)} of the {meeting.body}"


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@lru_cache(maxsize=4096)
def _money_contract(name: str) -> bool:
    words = data.load("agreements").get("money_contracts") or []
    first = re.sub(r"^(?:the|a|an|new|two|three|several)\s+", "", name.strip().lower()).split()
    return bool(first) and first[0] in words


_NOUN_OF = re.compile(
    r"\b(?:memorand(?:um|a)\s+of\s+(?:understanding|cooperation)|heads\s+of\s+agreement"
    r"|(?:programme|program|plan)\s+of\s+(?:[\w-]+\s+){0,4}?(?:cooperation|consultations|interaction|partnership|actions?|measures))\b",
    re.I,
)
_POST_WORD = re.compile(r"\s(?:on|between|for|of|amending|concerning|regarding|with|in)\s")
_DETERMINER = re.compile(r"(?:the|a|an|its|their|this|these|that|those)\s", re.I)
_PURPOSE_PREP = re.compile(r"\b(for|to|towards|aimed\s+at|on)\s+$")


def _money_document(ctx: Context, m, pledges) -> tuple[str, object | None]:
    """A loan, grant or guarantee document and the pledge it carries: the pledge in its sentence (the
    first after it, else the last before it), else the last one told before it in its paragraph ("…
    signed a €60 million loan to … The finance contract was signed by …"). A document the text
    names by its kind only ("a finance contract under which …", "a guarantee agreement with a
    bank") is named by what the pledge is for: "finance contract for drinking-water supply in …"."""
    s = ctx.sentence_at(m.span[0])
    here = [p for p in pledges if p.span and s.start <= p.span[0] < s.end]
    pledge = next((p for p in here if p.span[0] >= m.span[1]), None) or (here[-1] if here else None)
    if pledge is None:
        before = [p for p in pledges if p.span and p.span[1] <= s.start]
        if before and ctx.sentence_at(before[-1].span[0]).paragraph == s.paragraph:
            pledge = before[-1]
    if pledge is None:
        return m.name, None
    post = _POST_WORD.search(m.name)
    if post and post.group(0).strip() not in ("with", "of"):
        # "grant agreement for schools in Naryn", "Finance Contract between the Bank and the Ministry
        # of …": named already (a counterparty alone, "with a commercial bank", names no document)
        return m.name, pledge
    base = m.name[: post.start()] if post else m.name
    purpose = pledge.purpose
    if not purpose:
        return m.name, pledge
    at = ctx.text.find(purpose, pledge.span[1], s.end + 300)
    prep = _PURPOSE_PREP.search(ctx.text, max(0, at - 12), at) if at >= 0 else None
    word = prep.group(1) if prep else "for"
    if word == "to" and _DETERMINER.match(purpose):
        word = "for"  # "adds €10 million to the same project": no infinitive, what the money is for
    return f"{base} {word} {purpose}", pledge


@lru_cache(maxsize=4096)
@lru_cache(maxsize=1)
def _soft_rx() -> re.Pattern:
    """Any of agreements.yaml `soft_nouns` as a word (one pattern: the same answer as a search per noun)."""
    soft = data.load("agreements").get("soft_nouns") or []
    if not soft:
        return re.compile("(?!)")
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, soft)) + r")(?![\w-])")


_HARD_KIND = re.compile(r"(?<![\w-])(?:agreement|treaty|memorandum|protocol|convention)(?![\w-])")


def _soft(name: str) -> bool:
    """A plan or an idea's noun (a roadmap, a concept, a joint statement …), no agreement's kind."""
    low = name.lower()
    return _soft_rx().search(low) is not None and not _HARD_KIND.search(low)


def _stage_cues(ctx: Context, mentions: list[tuple[int, int, _Rec]]) -> None:
    cues = _cues()
    cue_scan = _scans()["cues"]
    text = ctx.text
    opens = [a for a, _b, _r in mentions]  # sorted: the mentions of a sentence are one slice
    # only the sentences a mention opens in can have one (in order, as the loop over all takes them)
    sentences = (
        [ctx.sentences[i] for i in sorted({ctx.sentence_index(a) for a in opens})] if ctx.sentences else []
    )
    for s in sentences:
        here = mentions[bisect_left(opens, s.start) : bisect_left(opens, s.end)]
        if not here:
            continue
        sent = text[s.start : s.end]
        spans_here = [(a, b) for a, b, r in here if not r.synthetic]  # names (a synthetic one holds its cue)
        if _is_item(ctx.sentences, ctx.sentence_index(s.start), text) and not any(
            not _in_name(s.start + cm.start(), s.start + cm.end(), spans_here)
            for cm in cue_scan.finditer_part(sent, ctx.at, s.start)
        ):
            # "The following documents were signed: - the Declaration on …; - the Agreement …":
            # an item without a cue of its own takes its list's lead-in cue
            lead = _lead_in_stage(ctx, ctx.sentence_index(s.start))
            if lead is not None:
                stage, pos, is_pending = lead
                for _a, _b, r in here:
                    (r.pending if is_pending else r.stages).append((_rank(stage), stage, pos))
                continue
        if (
            _AMONG_THEM.match(sent)
            and ctx.sentence_index(s.start) > 0
            and not any(
                not _in_name(s.start + cm.start(), s.start + cm.end(), spans_here)
                for cm in cue_scan.finditer_part(sent, ctx.at, s.start)
            )
        ):
            # "15 documents were signed. Among them are X and Y.": the list speaks through the sentence before
            lead = _cue_stage(ctx, ctx.sentences[ctx.sentence_index(s.start) - 1])
            if lead is not None:
                stage, pos, is_pending = lead
                for _a, _b, r in here:
                    (r.pending if is_pending else r.stages).append((_rank(stage), stage, pos))
                continue
        for a, b, r in here:
            listed = "includ" in sent or "among" in sent
            out_of = _OUTCOMES_INCLUDING.search(text, s.start, a) if listed else None
            if out_of is not None and not r.synthetic:
                # "the outcomes of the second Summit held in Astana in June 2025, including the Treaty
                # on …": a document the occasion produced was signed there
                r.stages.append((_rank("signed"), "signed", s.start + out_of.start()))
            # "the text of the Memorandum on X was agreed at expert level": its text agreed, X initialled
            if _TEXT_OF.search(text, max(s.start, a - 16), a) and _TEXT_AGREED.match(text, b):
                r.stages.append((_rank("initialled"), "initialled", b))
        clause_ends: list[int] | None = None  # ends of the clause breaks of the sentence
        replaced: set[int] = set()
        pendings: list[tuple[int, int]] = []  # (rank, position) of the steps still ahead
        pending_seen: int | None = None  # end of the last cue read in a pending context
        for cm in cue_scan.finditer_part(sent, ctx.at, s.start):
            word = cm.group(0).lower()
            stage = cues["lookup"].get(word)
            pos = s.start + cm.start()
            if stage is None or _in_name(pos, s.start + cm.end(), spans_here):
                continue  # "Action Plan on the implementation of …": a word of a name says no stage
            if word in cues["replaced"]:
                # "to replace the 2011 text, and signed a plan …": the object right after the verb only
                after = [x for x in here if x[0] >= pos and not re.search(r"[,;:]", text[pos : x[0]])]
                new_one = [x for x in here if x[1] <= pos]
                if _PASSIVE.search(text, max(s.start, pos - 20), pos):
                    # "the PCA was replaced by the EPCA": the subject is the old one, the agent the new
                    after, new_one = new_one[-1:], [x for x in here if x[0] > pos][:1]
                if after:
                    old = after[0][2]
                    old.stages.append((_rank("in force"), "in force", pos))
                    old.replaced = True
                    future = _FUTURE.search(text, max(s.start, pos - 25), pos)  # "will replace"
                    if new_one and new_one[-1][2] is not old and not future:
                        old.replaced_by = new_one[-1][2]
                    replaced.add(id(old))
                    _inherit_subject(text, old, [x for x in here if x[0] < pos])
                continue
            left = text[max(s.start, pos - 40) : pos]
            clause_left = _CLAUSE.split(left)[-1]
            if (
                stage == "negotiating"
                and _AT_TALKS.search(clause_left)
                and not _TALKS_ON.match(text, pos + len(word))
            ):
                continue  # "Following the talks, the presidents signed …": the occasion, not a stage
            if stage == "signed" and _LAW_SIGNATURE.search(text, max(s.start, pos - 30), pos):
                continue  # "… sent it to the Head of State for signature": the law's, not the agreement's
            if stage == "ratified" and (
                _TO_UPPER_HOUSE.search(text, pos, s.end)
                or _SENT_BACK.search(text, s.start, pos)
                # "the bill on ratification of X was submitted to the Mazhilis": before parliament only
                or (word.startswith("ratif") and _BILL_SUBMITTED.search(text, s.start, s.end))
                # "X is now being ratified by the member states": under way, not done
                or (word == "ratified" and clause_left.endswith("being "))
            ):
                # "the Mazhilis adopted the law on ratification of X and sent it to the Senate": one
                # chamber's vote, the ratification is still ahead
                pending_seen = pos + len(word)
                pendings.append((_rank(stage), pos))
                continue
            if stage == "negotiating" and (ow := _ON_WHICH.match(text, pos + len(word), s.end)) is not None:
                # "the visa agreements, negotiations on which the sides agreed to launch in the autumn": talks
                # decided now start with the occasion unless the text puts them later; planned ones are ahead
                rest = _clause_end(text, ow.end(), s.end)
                if ow.group(1) not in ("agreed", "decided") or (
                    _later_start(ctx, ow.end(), rest) or _LATER.search(text, ow.end(), rest)
                ):
                    pending_seen = pos + len(word)
                    pendings.append((_rank(stage), pos))
                    continue
            ns = None
            if stage == "negotiating":
                ns = _NOT_STARTED.match(text, pos + len(word), min(s.end, pos + 160))
            if ns is not None and ns.group("future") and (
                word.startswith("round") or cues["ongoing"].search(clause_left)
            ):
                ns = None  # "the next round of talks will begin on 5 May": the talks are under way
            if ns is not None:
                # "Talks on a bilateral investment agreement have not started yet": still ahead
                pending_seen = pos + len(word)
                pendings.append((_rank(stage), pos))
                continue
            neg = cues["neg"].search(clause_left)
            if neg and stage != "in force" and neg.group(0).lower().startswith("provisional"):
                neg = None  # "provisionally applied pending ratification": only an entry into force is denied
            if neg or _PROVISIONALLY.match(text, pos + len(word)):
                if neg and neg.group(0).lower() in ("not", "never") and _rank(stage) in range(1, 6):
                    # "has not yet entered into force": the step is still ahead, as in a plan
                    pending_seen = pos + len(word)
                    pendings.append((_rank(stage), pos))
                continue
            # "its signature is expected soon", "the ratification procedures are under way"
            ahead = _AHEAD.match(text, pos + len(word)) or _UNDER_WAY.match(text, pos + len(word))
            if not ahead and word in _STEP_NOUNS:
                # "the signing of X was postponed", "signature of X is scheduled for June": the step named
                # before its document is still ahead
                of = next(
                    (b for a, b, _r in here if a > pos and _OF_GAP.fullmatch(text, pos + len(word), a)), None
                )
                ahead = of is not None and (
                    _AHEAD.match(text, of) or _DEFERRED.match(text, of) or _STEP_ONGOING.match(text, of)
                )
            if not ahead and word in _STEP_NOUNS:
                ahead = _STEP_ONGOING.match(text, pos + len(word))  # "its ratification is under way"
            if not ahead and word in ("approved", "endorsed"):
                # "X was approved by the Cabinet for signing": the government's leave to sign, a step ahead
                # … "approved X for signature": after the document it approves
                ahead = _FOR_SIGNING.match(text, pos + len(word)) or any(
                    _FOR_SIGNING.match(text, b)
                    for a, b, _r in here
                    if a > pos and _ARTICLE_GAP.fullmatch(text, pos + len(word), a)
                )
            # "ratification of the Agreement signed in 1998": a participle right after its agreement
            # says what was done, whatever the step still ahead before it
            postnominal = word.endswith("ed") and any(
                b <= pos and not text[b:pos].strip() for _a, b, _r in here
            )
            carried = not postnominal and (
                bool(ahead) or pending_seen is not None and not re.search(r"[,;:]", text[pending_seen:pos])
            )
            pending = (
                carried
                or bool(_clause_has(ctx, cues["pending_scan"], clause_left, pos))
                or (
                    word in _STEP_NOUNS
                    and bool(_STEP_AHEAD.search(clause_left))
                    # "approved the bill on ratification": the law that ratifies, not a step ahead
                    # … or the law "On ratification of …", its title quoted; a draft law has not
                    and not re.search(
                        r"(?<![Dd]raft )\b(?:[Ll]aw|[Bb]ill|[Dd]ecree|[Rr]esolution)\s+[\"“«'‘]?[Oo]n\s+"
                        r"(?:the\s+)?$",
                        clause_left,
                    )
                )
                or bool(_WISH.search(clause_left))
                # "agreed to finalise the text of X", "decided to ratify X": an infinitive is a step ahead
                or (_rank(stage) >= _rank("initialled") and _INFINITIVE.search(clause_left) is not None)
            )
            if pending and _VOTED_FOR.search(clause_left):
                pending = False  # "Lawmakers voted to ratify X", "… voted in favour of ratifying X": done
            if (
                not pending
                and stage in _DATED_STEPS
                # (a present: "enters into force on", "is signed in Tashkent on"; a past tense's date is
                # the resolver's to place before the text)
                and (_PRESENT_IS.search(clause_left) or not _PAST_CUE.match(word))
                and _dated_later(ctx, pos + len(word), s.end)
            ):
                pending = True  # "X enters into force on 1 July" (after the text's date): still ahead
            honoured = pending and _HONOURED.search(clause_left) is not None
            if honoured:
                pending = False  # "I had the honour to sign X", "we were pleased to sign X": done
            if pending and not ahead and _BEFORE_DONE.search(clause_left):
                pending = False  # "… four rounds of talks before it was initialled in 2024": a past step
            if pending and stage in ("suspended", "terminated"):
                stage, pending = "in force", False  # "will expire in 2027", "could be suspended": in force
            if word == "draft" and _LAW_NOUN.match(text, pos + len(word)):
                continue  # "the draft Law "On ratification of X"": the law is drafted, not X
            if word in ("signed", "signs") and _SIGNED_LAW.match(text, pos + len(word)):
                # "the President signed the Law "On ratification of X"": the last step of X's ratification
                stage = "ratified"
            if word.endswith(" preparing") and _PREPARING_FOR.match(text, pos + len(word)):
                continue  # "are preparing for negotiations on X": the talks are ahead (their own cue)
            if word.endswith(" concluded") and _TALKS_SUBJECT.search(text, s.start, pos):
                continue  # "negotiations on X were concluded": the talks ended, X is no signed document
            obj = None
            if word in _object_cues() or (word == "sign" and not pending and not honoured):
                # "concluded a memorandum on X", "agreed on an action plan", "the roadmap was agreed in
                # 2023", and a bare "sign" told as done ("saw the AIFC and the LuxSE sign a memorandum", a
                # caption "X and Y sign the roadmap"): the step is the document's right next to the cue
                # only ("concluded its work", "agreed on the need to …" say nothing of one)
                obj = _cue_object(text, here, pos, pos + len(word), word)
                if obj is None or (word == "sign" and not _SIGN_DONE.search(clause_left)):
                    continue  # a bare "sign" says a step only in a plan ("are expected to sign X")
                if word.endswith(" completed"):
                    # "construction of the plant under the Memorandum was completed": the document is no
                    # subject of the verb; "work on the roadmap has been completed": its text is done
                    a_obj = next(a for a, b, r in here if r is obj and b <= pos)
                    left_obj = text[max(s.start, a_obj - 30) : a_obj]
                    if _WORK_ON.search(left_obj):
                        obj.stages.append((_rank("initialled"), "initialled", pos))
                        continue
                    if _OBJECT_OF.search(left_obj):
                        continue
            if word in ("approved", "endorsed", "adopted") and _DECISION_AFTER.match(text, pos + len(word)):
                continue  # "the Council adopted a decision authorising the signing of X": the decision's step
            if word in ("approved", "endorsed") and (pending or _DRAFT_AFTER.match(text, pos + len(word))):
                # "to be approved by parliament", "approved the draft agreement": not the sides' signature
                continue
            if _by_parliament(text, word, pos, clause_left):
                stage = "ratified"  # "the Senate approved X", "X was endorsed by parliament": ratified
                if _TO_UPPER_HOUSE.search(text, pos, s.end):
                    # "… approved X and submitted it to the Senate": one chamber's vote, signed still
                    pending_seen = pos + len(word)
                    pendings.append((_rank(stage), pos))
                    continue
            if (
                stage == "ratified"
                and not pending
                and _partial_consent(text, pos, pos + len(word), s.start, s.end)
            ):
                # "the consent given by the Legislative Chamber", "the European Parliament gave its consent":
                # one chamber's or the EP's vote alone leaves the agreement signed (tune12/15/16 gold)
                pending_seen = pos + len(word)
                pendings.append((_rank(stage), pos))
                continue
            if _rank(stage) > _rank("proposed") and word not in cues["firm"] and _PROPOSE.search(clause_left):
                stage, pending = "proposed", False  # "suggested signing X": the step is only offered
            if pending and stage == "negotiating" and cues["ongoing"].search(clause_left):
                pending = False  # "asked the government to speed up negotiations on X": under way
            decided = False
            if (
                pending
                and stage == "negotiating"
                and "to " in clause_left
                and (
                    cues["launched"].search(clause_left)
                    # "agreed to draft a new agreement"
                    or cues["launched"].search(f"{clause_left}{word} ")
                    # "agreed to finalise the text of X and to launch negotiations on Y"
                    or (
                        _AND_TO_LAUNCH.search(clause_left)
                        and cues["launched_verb"].search(text, s.start, pos)
                    )
                )
                and not _later_start(ctx, pos, s.end)
                and not _LATER.search(text, pos + len(word), _clause_end(text, pos + len(word), s.end))
            ):
                # "agreed to launch negotiations on X": talks opened at the occasion (see stages.yaml)
                pending = False
                decided = True
            if pending and stage not in ("proposed", "suspended", "terminated") and word not in cues["firm"]:
                pending_seen = pos + len(word)
                pendings.append((_rank(stage), pos))
                continue
            thr = _THROUGH.match(text, pos + len(word)) if word == "implemented" else None
            if thr is not None and not pending:
                # "X is now being implemented through a roadmap for 2023-2024": X is in force, the plan
                # that carries it out was adopted
                subj = [r for a, b, r in here if b <= pos and not _NEW_CLAUSE.search(text, b, pos)]
                tool = next((r for a, _b, r in here if _ARTICLE_GAP.fullmatch(text, thr.end(), a)), None)
                if subj and tool is not None and subj[-1] is not tool:
                    if id(subj[-1]) not in replaced:
                        subj[-1].stages.append((_rank("in force"), "in force", pos))
                    tool.stages.append((_rank("signed"), "signed", pos))
                    continue
            if word.startswith(_OF_NOUNS):
                # "implementation of the Global Gateway strategy" says nothing of an agreement
                # unless one is named right after (or right before: "the EPCA's implementation")
                end = pos + len(word)
                of_it = [x for x in here if 0 <= x[0] - end <= 45 or 0 <= pos - x[1] <= 15]
                if not of_it:
                    continue
                first = of_it[0]
                if first[0] > end and _INCLUDING.search(text, end, first[0]):
                    # "the signing of a package of 18 documents, including X, Y and Z": every one listed
                    of_it = [x for x in here if x[0] >= first[0] and not _NEW_VERB.search(text, end, x[0])]
                else:
                    # "the implementation of X, signed in 2022, and of the roadmap …": each "of" it reaches
                    of_it = of_it[:1] + [
                        x
                        for x in here
                        if x[0] > first[0] and _AND_OF.search(text, max(s.start, x[0] - 20), x[0])
                    ]
                for _a, _b, t in of_it:
                    if id(t) not in replaced:
                        t.stages.append((_rank(stage), stage, pos))
                continue
            if clause_ends is None:
                clause_ends = [m.end() for m in _CLAUSE.finditer(text, s.start, s.end)]
            at = pos
            on = _TALKS_ON.match(text, pos + len(word)) if stage == "negotiating" else None
            if on is not None:
                # "… and to launch negotiations on a Memorandum on X": the talks are on the document
                # named right after them, not on one named before
                at = next((a for a, _b, _r in here if _ARTICLE_GAP.fullmatch(text, on.end(), a)), pos)
            elif word in _ACTIVE_VERBS and not _PASSIVE.search(text, max(s.start, pos - 20), pos):
                # "signed an agreement on X and adopted an action plan": an active verb's object is the
                # document right after it, whatever stands closer before it
                at = next(
                    (
                        a
                        for a, _b, r in here
                        if a > pos and not r.synthetic and _ARTICLE_GAP.fullmatch(text, pos + len(word), a)
                    ),
                    pos,
                )
                if at == pos and word == "exchanged":
                    continue  # "exchanged views on the EPCA": no document handed over
            target = obj if obj is not None else _nearest(text, here, at, s.start, clause_ends)
            if obj is None and _PASSIVE.search(text, max(s.start, pos - 20), pos):
                gap = _gapped(text, here, pos + len(word), target)
                if gap is not None and id(gap[0]) not in replaced:
                    gap[0].stages.append((_rank(stage), stage, gap[1]))  # dated by what follows it
            for t in target if isinstance(target, list) else [target]:
                if t is not None and id(t) not in replaced:
                    if obj is not None and stage == "initialled" and (t.plan or _soft(t.name)):
                        # a roadmap or plan agreed is adopted; one completed is carried out (in force)
                        done = "in force" if word.endswith(" completed") else "signed"
                        t.stages.append((_rank(done), done, pos))
                        continue
                    t.stages.append((_rank(stage), stage, pos))
                    if decided:
                        t.decided_at.add(pos)
        for a, b, r in here if pendings else ():
            if id(r) in replaced:
                continue
            # "X remains the basis, and agreed that a protocol should be negotiated": a step ahead in
            # a clause of a new verb speaks of the agreements there only
            # … or of a new infinitive ("agreed to finalise the text of X and to launch talks on Y")
            ranks = [
                rk
                for rk, p in pendings
                if not _NEW_SUBJECT_VERB.search(text, min(b, p), max(a, p))
                and not _AND_TO.search(text, min(b, p), max(a, p))
            ]
            if ranks and min(ranks) > 0:
                low = min(ranks)
                r.pending.append((low - 1, STAGE_ORDER[low - 1], s.start))


# a bill brought before a parliament (not a law one chamber passed on): the ratification is ahead
_BILL_SUBMITTED = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|is\s+being|been)\s+(?:submitted|introduced|tabled|brought)\s+"
    r"(?:\w+\s+){0,2}?(?:to|in|before)\s+(?:the\s+)?(?:Mazhilis|Majilis|Parliament|parliament|Legislative\s+Chamber|"
    r"Jogorku\s+Kenesh|Oliy\s+Majlis|Majlisi|Milli\s+Majlis|Mejlis|lower\s+house|State\s+Duma)\b"
)
# a vote that is only a part of a ratification: a lower chamber's, the European Parliament's consent
_PARTIAL_VOTER = re.compile(
    r"\b(?:Legislative\s+Chamber|[Ll]ower\s+(?:[Hh]ouse|[Cc]hamber)|European\s+Parliament)\b(?!\s+and\b)"
)
# … unless the last step is told with it
_WHOLE_VOTER = re.compile(
    r"\b(?:Senate|[Uu]pper\s+(?:[Hh]ouse|[Cc]hamber)|both\s+(?:chambers|houses)|Council\s+of\s+the\s+E|"
    r"decision\s+on\s+(?:the\s+)?conclusion|Member\s+States)\b"
)


def _partial_consent(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """The ratification cue at [start, end) is the vote of a lower chamber or of the European
    Parliament alone (its clause names that voter and no last step)."""
    left = _CLAUSE.split(text[max(s_start, start - 70) : start])[-1]
    right = text[end : _clause_end(text, end, min(s_end, end + 70))]
    both = left + text[start:end] + right
    return _PARTIAL_VOTER.search(both) is not None and _WHOLE_VOTER.search(both) is None


# a law passed on to the upper chamber: not yet ratified (one sent on to the head of state for
# signature has passed the last chamber: ratified, tune10 and tune14 gold; see _LAW_SIGNATURE)
_TO_UPPER_HOUSE = re.compile(
    r"\b(?:sent|forwarded|submitted|passed|transmitted|referred)\s+(?:it\s+|them\s+)?(?:on\s+)?to\s+the\s+"
    r"(?:Senate|upper\s+(?:house|chamber)|Federation\s+Council)\b"
)
# "… and sent it to the President for signature": the law's signature, no step of the agreement
_LAW_SIGNATURE = re.compile(
    r"\b(?:President|Head\s+of\s+State|head\s+of\s+state|Emir|King)\s+for\s+(?:his\s+|her\s+)?$"
)
# a chamber that sends a ratification law back ("the Senate returned to the Mazhilis with amendments
# the draft law on ratification of X", "sent the bill ratifying X back to the lower house", "vetoed
# the law"): the ratification is still ahead
_SENT_BACK = re.compile(
    r"\b(?:returned|sent\s+back|referred\s+back|vetoed|rejected|turned\s+down|voted\s+down)\b"
    r"(?:(?!\b(?:and|but|while)\b)[^;.])*$"
)
# after a talks cue, in its clause: the talks have not begun ("Negotiations on X have not started
# yet", "talks on X are yet to begin", "… has not been launched")
_NOT_STARTED = re.compile(
    r"[^,;.]{0,110}?\b(?:(?:have|has|had)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:started|begun|began|launched|opened|commenced|got\s+under\s+way)"
    r"|(?:are|is|were|was|remain|remains)\s+(?:still\s+)?yet\s+to\s+(?:start|begin|open|commence|be\s+(?:launched|opened))"
    r"|(?:have|has)\s+yet\s+to\s+(?:start|begin|open|commence|be\s+(?:launched|opened))"
    # "talks on X will begin in June", "negotiations are to start next year": still ahead
    r"|(?P<future>(?:will|(?:is|are)\s+(?:to|expected\s+to|due\s+to|scheduled\s+to|set\s+to|planned\s+to))\s+"
    r"(?:start|begin|open|commence|be\s+(?:launched|opened)|get\s+under\s+way)))\b"
)


_ON_WHICH = re.compile(
    r"\s+(?:on|for)\s+which\s+(?:[\w-]+\s+){0,4}?(agreed|decided|plan|plans|planned|intend|intends|hope|hopes|"
    r"are|is|were|was|want|wants)\s+to\s+(?:be\s+)?(?:launch(?:ed)?|start(?:ed)?|begin|begun|open(?:ed)?|commence[d]?)\b"
)


_WORK_ON = re.compile(
    r"\b(?:work|working|drafting|preparation|elaboration)\s+(?:on|of)\s+(?:the\s+|an?\s+)?$", re.I
)
_OBJECT_OF = re.compile(
    r"\b(?:under|of|within|for|by|through|in|on|with)\s+(?:the\s+|an?\s+|its\s+|their\s+)?$"
)
_PREPARING_FOR = re.compile(r"\s+(?:for|to)\b")
_DATED_STEPS = frozenset(["initialled", "signed", "ratified", "in force"])
_PAST_CUE = re.compile(r"\w+ed\b|(?:came|took|went|became|gave|put|struck|had)\b")
_PRESENT_IS = re.compile(r"\b(?:is|are)\s+(?:(?:now|officially|formally|to\s+be)\s+)?$")
# between a step and the date it is told for ("enters into force on 1 July", "takes effect from
# January"; not "in force until 2030", which says it is in force now)
_STEP_DATE_GAP = re.compile(
    r"\s*,?(?:\s+in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"  # ("is signed in Tashkent on 20 June")
    r"\s+(?:on|in|from|as\s+of|starting(?:\s+(?:on|from))?|with\s+effect\s+from|effective)\s+(?:the\s+)?"
)


def _dated_later(ctx: Context, end: int, s_end: int) -> bool:
    """The date told right after the step cue ending at `end` lies after the text's date."""
    pub = ctx.published
    if not pub:
        return False
    for d in ctx.dates_in(end, min(s_end, end + 40)):
        if not _STEP_DATE_GAP.fullmatch(ctx.text, end, d.span[0]):
            return False
        return d.value[: len(pub)] > pub[: len(d.value)]
    return False


def _later_start(ctx: Context, pos: int, end: int) -> bool:
    """A date after publication right after the cue at `pos` ("… negotiations in the first quarter
    of next year"): the talks start later."""
    pub = ctx.published
    if not pub:
        return False
    return any(
        d.value[: len(pub)] > pub[: len(d.value)] for d in ctx.dates_in(pos, min(end, pos + 60))
    )


@lru_cache(maxsize=1)
def _object_cues() -> frozenset[str]:
    """Cues that speak of a document right next to them only (data/stages.yaml `object_cues`)."""
    return frozenset(w.lower() for w in data.load("stages").get("object_cues") or ())


# (not "concluded": an object cue, whose document is the one right after it already)
_ACTIVE_VERBS = frozenset(
    ["signed", "adopted", "approved", "endorsed", "initialled", "initialed", "ratified", "inked", "sealed",
     "exchanged", "penned", "clinched"]
)
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:a|an|the|its|their|this|two|three|four|five|several|new)\s+)?(?:(?!draft\b)[a-z][a-z-]+\s+)?"
)  # (one word of praise the name leaves out: "agreed on a concrete action plan"; a draft agreed is a draft)
# a present "sign" told as done: "saw X and Y sign …", "witnessed the ministers sign …", a caption's
# "Luc Devigne and Roman Vassilenko sign the roadmap" (a capitalised subject right before the verb)
_SIGN_DONE = re.compile(
    r"(?:\b(?:saw|see|sees|seeing|watched|witnessed|witness|witnesses)\s+(?:[\w.'’&-]+\s+){1,8}"
    r"|[A-Z][\w.'’-]*[a-z][\w.'’-]*\s+)$"
)


# "X was signed in May and Y at the same time": a second subject whose verb is left out shares the step
_GAPPED_HEAD = re.compile(r"[^,;:.()]{0,40}?,?\s(?:and|while|whereas)\s+(?:(?:the|an?|its|their)\s+)?")
_GAPPED_TAIL = re.compile(
    r"(?:\s+(?:at\s+the\s+same\s+time|simultaneously|too|as\s+well|(?:in|on)\s+(?:[A-Z]\w+|\d\w*)(?:\s+\d{4})?"
    r"|(?:a|one|two|three)\s+(?:day|week|month|year)s?\s+later))?\s*(?:[;.,]|$)"
)


def _gapped(text: str, here, end: int, target):
    """(record, end of its mention) of the mention after the cue ending at `end` whose verb the text
    leaves out, unless the cue's `target` has it already; None when there is none."""
    got = target if isinstance(target, list) else [target]
    for a, b, r in here:
        if a >= end:
            if r not in got and _GAPPED_HEAD.fullmatch(text, end, a) and _GAPPED_TAIL.match(text, b):
                return r, b
            break
    return None


def _cue_object(text: str, here, start: int, end: int, word: str):
    """The record of the mention a cue at [start, end) speaks of: a passive "was agreed" the one ending
    right before it, other cues the one opening right after it (an article between); None when none."""
    if word.startswith(("was ", "were ", "has ", "have ", "had ", "is ", "be ")):
        return next((r for a, b, r in here if b <= start and not text[b:start].strip()), None)
    # (not talks told as a synthetic record: "concluded their negotiations on market access")
    return next(
        (r for a, b, r in here if a >= end and not r.synthetic and _OBJECT_GAP.fullmatch(text, end, a)), None
    )


def _in_name(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """The cue at [a, b) lies inside one of the agreement names `spans`."""
    return any(s <= a and b <= e for s, e in spans)


def _is_item(sents, j: int, text: str = "") -> bool:
    """Sentence j is a list item, or its marker alone ("1." is a sentence of its own), or a line
    that opens in lower case ("a Financing Agreement …;" where a page's list lost its markers)."""
    t = sents[j].text
    return bool(
        _LIST_ITEM.match(t)
        or _BARE_MARKER.fullmatch(t)
        or (j > 0 and _BARE_MARKER.fullmatch(sents[j - 1].text))
        or (text and t[:1].islower() and _opens_line(text, sents[j].start))
    )


def _opens_line(text: str, pos: int) -> bool:
    return pos == 0 or text[max(0, pos - 40) : pos].rstrip(" \t\u00a0").endswith("\n")


def _lead_in_stage(ctx: Context, idx: int) -> tuple[str, int, bool] | None:
    """The stage the lead-in of a list (the sentence ending in ":" before the list item at sentence
    `idx` and the items before it) says its items reached: (stage, cue position, still ahead?)."""
    sents = ctx.sentences
    text = ctx.text
    j = idx - 1
    while j >= 0 and not _ends_colon(sents[j].text) and _is_item(sents, j, text) and idx - j < 40:
        j -= 1
    if j < 0 or not _ends_colon(sents[j].text):
        return None
    found = _cue_stage(ctx, sents[j])
    if found is None and j > 0 and len(sents[j].text.split()) <= 6:
        # "12 agreements were signed. Among them: 1) …": a short lead-in speaks through the sentence before
        found = _cue_stage(ctx, sents[j - 1])
    return found


def _ends_colon(sentence: str) -> bool:
    """A lead-in: the sentence ends in a colon, emphasis marks aside ("**Documents signed:**")."""
    return sentence.rstrip().rstrip("*_").rstrip().endswith(":")


def _cue_stage(ctx: Context, s) -> tuple[str, int, bool] | None:
    """The stage the cues of sentence `s` say was reached, else the one before the earliest step
    still ahead: (stage, cue position, still ahead?); None without a cue."""
    cues = _cues()
    text = ctx.text
    reached: tuple[int, str, int] | None = None
    ahead: tuple[int, str, int] | None = None
    for cm in _scans()["cues"].finditer_part(text[s.start : s.end], ctx.at, s.start):
        word = cm.group(0).lower()
        stage = cues["lookup"].get(word)
        if stage is None or word in cues["replaced"] or word in _object_cues():
            continue
        pos = s.start + cm.start()
        clause_left = _CLAUSE.split(text[max(s.start, pos - 40) : pos])[-1]
        if _clause_has(ctx, cues["neg_scan"], clause_left, pos):
            continue
        r = _rank(stage)
        if r > _rank("proposed") and word not in cues["firm"] and _PROPOSE.search(clause_left):
            stage, r = "proposed", _rank("proposed")  # "proposed for signing:": offered, not taken
        if (
            _AHEAD.match(text, pos + len(word))
            or _clause_has(ctx, cues["pending_scan"], clause_left, pos)
            or _WISH.search(clause_left)
            or (word in _STEP_NOUNS and _STEP_AHEAD.search(clause_left))
        ) and word not in cues["firm"]:
            if r > 0 and (ahead is None or r < ahead[0]):
                ahead = (r - 1, STAGE_ORDER[r - 1], pos)
        elif reached is None or r > reached[0]:
            reached = (r, stage, pos)
    if reached is not None:
        return reached[1], reached[2], False
    if ahead is not None:
        return ahead[1], ahead[2], True
    return None


def _inherit_subject(text: str, old: _Rec, before) -> None:
    """ "a new agreement on X, meant to replace the 1992 treaty": the old treaty is on X too."""
    m = re.fullmatch(r"((?:1[89]|20)\d\d)\s+(treaty|agreement|convention|accord)", old.name.strip(), re.I)
    if not m or not before:
        return
    subj = before[-1][2].name
    on = re.search(r"\s(on|between)\s.+$", subj)
    if on:
        old.name = f"{old.name}{on.group(0)}"


# "the outcomes of the Summit held in June 2025, including the Treaty on …", "the documents adopted at
# the meeting, among them the Roadmap …" (read up to the mention)
_OUTCOMES_INCLUDING = re.compile(
    r"\b(?:outcomes?|results?|deliverables|documents\s+(?:adopted|signed|agreed)\s+at)\s+(?:of\s+)?(?:the\s+)?"
    r"[^.;:]{0,140}?,?\s+(?:including|among\s+them|among\s+which|notably)\s+(?:the\s+|an?\s+)?$"
)
_BEFORE_DONE = re.compile(
    r"\b(?:before|until)\s+(?:it|they|this|these)\s+(?:was|were|had\s+been)\s+(?:[\w-]+\s+){0,6}$"
)
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+|an?\s+)?")
# "ratification of X is under way", "its signing is in progress": the step is not taken yet
_STEP_ONGOING = re.compile(
    r"\s+(?:is|are)\s+(?:still\s+|now\s+|currently\s+)?(?:under\s*way|ongoing|in\s+progress|pending)\b"
)
_FOR_SIGNING = re.compile(
    r"\s+(?:by\s+(?:the\s+)?[\w' -]{3,50}?\s+)?for\s+(?:(?:its|the)\s+)?(?:signing|signature)\b"
)
_DEFERRED = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:postponed|delayed|deferred|put\s+off|rescheduled)\b"
)
# cues of approval that a parliament's vote turns into a ratification (see _by_parliament)
_APPROVALS = frozenset(
    ["approved", "endorsed", "adopted", "rubber-stamped", "gave the green light to", "gave its approval to",
     "gave their approval to"]
)
_THROUGH = re.compile(r"\s+(?:mainly\s+|largely\s+|chiefly\s+)?(?:through|via|by\s+means\s+of|by\s+way\s+of)")
# a step told as an honour or a pleasure taken ("had the honour to sign", "was pleased to initial", "are
# proud to sign today"): the infinitive is done, no plan
_HONOURED = re.compile(
    r"\b(?:(?:had|has\s+had|have\s+had)\s+the\s+(?:great\s+)?(?:honou?r|pleasure|privilege|opportunity|chance)"
    r"|(?:was|were|am|is|are)\s+(?:(?:very|so|most|particularly)\s+)?(?:pleased|glad|delighted|proud|honou?red|happy))"
    r"\s+(?:to|of)\s+(?:(?:also|today|jointly|formally)\s+)?$",
    re.I,
)
_VOTED_FOR = re.compile(
    r"\bvoted\s+(?:unanimously\s+|overwhelmingly\s+)?(?:to|for|in\s+favou?r\s+of)\s+(?:the\s+)?$"
)
_LAW_NOUN = re.compile(r"\s+(?:[Ll]aws?|[Bb]ills?|[Dd]ecrees?|[Rr]esolutions?)\b")
_SIGNED_LAW = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:[Ll]aw|[Dd]ecree)\s+(?:[\"“«'‘]\s*)?(?:[Oo]n\s+(?:the\s+)?ratification|ratifying)\b"
)
_TALKS_SUBJECT = re.compile(r"\b(?:[Nn]egotiations|[Tt]alks|[Cc]onsultations|[Ww]ork|[Pp]rocess)\b[^.;,]*$")
_OWN_PREDICATE = re.compile(r"\s+(?:was|were|is|are|has|have|had|will|would)\b")


def _nearest(text: str, here, pos: int, sent_start: int, clause_ends: list[int]):
    """The agreement mention a cue at `pos` speaks of: same clause first, else the nearest before.
    `clause_ends`: where the `_CLAUSE` breaks of the sentence end, in order."""

    stop = max([b for _a, b, _r in here] + [pos]) + 40
    verbs = [m.start(1) for m in _NEW_VERB.finditer(text, sent_start, stop)]  # a new verb opens a clause

    def clause_id(p: int) -> int:
        # = len(_CLAUSE.findall(text[sent_start:p])) + the verbs at or before p: the breaks found
        # in the sentence that end by p are those found in its part before p (a break cut by p
        # leaves no shorter one in its place)
        return bisect_right(clause_ends, p) + bisect_right(verbs, p)

    cid = clause_id(pos)
    # distance to the mention's nearer edge: "X for 2022-2024 was being implemented and signed Y"
    same = [(pos - b if b <= pos else abs(a - pos), b, r) for a, b, r in here if clause_id(a) == cid]
    if same:
        _d, end, best = min(same, key=lambda x: x[0])
        # "visa facilitation and readmission agreements": coordinated names share the cue
        shared = [r for _a, b, r in here if b == end and r is not best]
        # "signed an agreement on X and an intergovernmental agreement on Y", "signed X, Y, as well as Z":
        # one cue, every object of the chain
        chain_end = end
        for a2, b2, r in sorted(here, key=lambda x: x[0]):
            if a2 >= chain_end and r is not best and _SERIES_GAP.fullmatch(text, chain_end, a2):
                if a2 > pos and _OWN_PREDICATE.match(text, b2):
                    # "signed a memorandum on X, and an agreement on Y was initialled": Y is the
                    # subject of a verb of its own, no object of the cue before it
                    break
                shared.append(r)
                chain_end = b2
        # "an agreement on X and a memorandum on Y were signed": the cue after both names both
        best_start = next(a2 for a2, b2, r in here if b2 == end and r is best)
        if best_start <= pos:
            joined = [
                (a2, r)
                for a2, b2, r in here
                if b2 <= best_start
                and r is not best
                and r not in shared
                and clause_id(b2) == cid
                and _JOINED.fullmatch(text, b2, best_start)
            ]
            shared += [r for _a2, r in joined]
            # "an agreement on X, a memorandum on Y and a protocol on Z were signed": up the list
            cur = min((a2 for a2, _r in joined), default=None)
            for a2, b2, r in sorted(here, key=lambda x: x[0], reverse=True) if cur is not None else ():
                if b2 > cur or r is best or r in shared:
                    continue
                if not _LIST_COMMA.fullmatch(text, b2, cur):
                    break
                shared.append(r)
                cur = a2
        # "the Protocol was signed, as well as a Protocol amending …": the cue reaches over the comma
        shared += [
            r
            for a2, _b, r in here
            if a2 > pos
            and r is not best
            and r not in shared
            and _AS_WELL_AS.fullmatch(text, pos, a2)
        ]
        return [best, *shared] if shared else best
    before = [(pos - b, r) for a, b, r in here if b <= pos]
    if before:
        return min(before, key=lambda x: x[0])[1]
    # "12 documents were signed, including X and Y"; but not over a new verb ("adopted a statement
    # and agreed to launch negotiations on X")
    after = [r for a, b, r in here if a >= pos and not _NEW_VERB.search(text[pos:a])]
    return after or None


def _status(r: _Rec) -> str | None:
    """The latest stage a cue says was reached; only when none does, the stage before the earliest
    step the text still calls for."""
    if not r.stages:
        if r.pending:
            return min(r.pending, key=lambda x: x[0])[1]
        return "in force" if r.capitalised else None
    for special in ("terminated", "suspended"):
        if any(st == special for _, st, _ in r.stages):
            return special
    if r.pending and all(st == "proposed" for _, st, _ in r.stages):
        ahead = min(r.pending, key=lambda x: x[0])
        if ahead[0] > _rank("proposed"):
            # "called for the early signing of X": the call is for a later step, X sits before it
            return ahead[1]
    return max(r.stages, key=lambda x: (x[0], x[2]))[1]


def _near_date(ctx: Context, r: _Rec, status: str | None, named, pos: int) -> str | None:
    """The date the sentence of the cue at `pos` gives its step: the first after the cue, else the nearest."""
    s = ctx.sentence_at(pos)
    near = [
        d
        for d in ctx.dates_in(s.start, s.end)
        if abs(d.span[0] - pos) < 140
        and not any(a <= d.span[0] < b for a, b in r.spans)
        # "the Protocol … of 1998 and the Agreement on …": the year names the other document
        and not any(a <= d.span[0] < b for a, b in named)
        # "the "Uzbekistan – 2030" strategy": a year in another document's name
        and not any(m.span[0] <= d.span[0] < m.span[1] for m in ctx.agreements)
        # "text agreed by the working group; to be signed in the autumn": the date of another step
        and ";" not in ctx.text[min(pos, d.span[1]) : max(pos, d.span[0])]
        and not _other_step_date(ctx, d, status)
    ]
    # "… was signed in Baku, and in November the presidents signed …": a date past a new clause is
    # another step's
    near = [d for d in near if d.span[0] < pos or not _NEW_CLAUSE.search(ctx.text, pos, d.span[0])]
    if status == "in force":
        since = [
            d
            for d in near
            if re.search(r"\bsince\s+$", ctx.text[max(s.start, d.span[0] - 7) : d.span[0]])
            # (not "became effective on 1 March 2020 after provisional application since May 2016")
            and not any(pos <= e.span[0] < d.span[0] for e in near)
        ]
        if since:
            return since[0].value  # "in force since 1999"
    after = [d for d in near if d.span[0] >= pos]
    if after:
        return after[0].value
    if near:
        return min(near, key=lambda d: abs(d.span[0] - pos)).value
    return None


def _date(ctx: Context, r: _Rec, status: str | None, named: list[tuple[int, int]] = ()) -> str | None:
    cands = [p for _rank_, st, p in r.stages + r.pending if st == status]
    if not cands:
        return None
    # a heading's cue gives way to the body's ("Information concerning the entry into force of X"
    # heads the notice; "X … entered into force on 1 April" dates it)
    # … and for a step with no other occasion to fall back on (entry into force, ratification), the
    # first cue that has a date of its own
    if len(cands) > 1 and ctx.is_heading(cands[0]):
        cands = [p for p in cands if not ctx.is_heading(p)] or cands
    pos = cands[0]
    if status == "ratified" and len(cands) > 1:
        # "the Parliament gave its consent in February, and the Jogorku Kenesh ratified it in April":
        # ratified the day of the last step
        reached = {p for _rk, _st, p in r.stages}
        dates = [
            d
            for p in dict.fromkeys(cands)
            if (p == pos or p in reached) and (d := _near_date(ctx, r, status, named, p)) is not None
        ]
        if dates:
            return max(dates)
    found = _near_date(ctx, r, status, named, pos)
    if found is not None:
        return found
    if len(cands) > 1 and status == "in force":
        reached = {p for _rk, _st, p in r.stages}
        for p in dict.fromkeys(cands[1:]):
            found = _near_date(ctx, r, status, named, p) if p != pos and p in reached else None
            if found is not None:
                return found
    s = ctx.sentence_at(pos)
    if status in ("initialled", "signed", "ratified") and r.spans and not s.start <= r.spans[0][0] < s.end:
        # a list item under its lead-in ("On 10 December the Roundtable was held … The following
        # documents were signed:"): the day its paragraph gives before the lead-in
        para = ctx.text.rfind("\n\n", 0, s.start)
        before = [
            d
            for d in ctx.dates_in(max(0, para), s.start)
            if len(d.value) == 10 and not any(a <= d.span[0] < b for a, b in named)
        ]
        if before:
            return before[-1].value
    if (
        (status in ("initialled", "signed", "ratified") or pos in r.decided_at)
        and not any(p == s.start for _r, _st, p in r.pending)
        and not r.own_occasion
    ):
        # a step reported without a date was taken at the occasion the text reports; a readout
        # without one ("Akorda, 23 October 2025. … the presidents signed …") on the day it is dated
        return ctx.occasion_date() or (
            _dated_release(ctx) if status in ("initialled", "signed", "ratified") else None
        )
    return None


def _past(ctx: Context, date: str | None) -> str | None:
    """A stage reached is dated no later than the text: a date after publication ("is to be concluded by
    the end of the year", "talks will begin in June") is the step still ahead, not the stage's."""
    pub = ctx.published
    if date and pub and date[: len(pub)] > pub[: len(date)]:
        return None
    return date


def _dated_release(ctx: Context) -> str | None:
    """The publication day when the text's lead states it (a dateline)."""
    pub = ctx.published
    if not pub or len(pub) != 10:
        return None
    return pub if any(d.value == pub for d in ctx.dates_in(0, ctx.lead_end)) else None


_STEP_TO_DATE = re.compile(r"\s+(?:[\w-]+\s+){0,8}$")  # "ratified by the Jogorku Kenesh in September"


def _by_parliament(text: str, word: str, pos: int, clause_left: str) -> bool:
    """The approval cue `word` at `pos` is a parliament's vote ("the Senate approved X", "X was
    endorsed by both chambers"): a ratification, not the sides' adoption (nor a first reading)."""
    if word not in _APPROVALS or _DRAFT_AFTER.match(text, pos + len(word)):
        return False
    cues = _cues()
    by = cues["by_legislature"].match(text, pos + len(word)) or cues["by_decree"].match(text, pos + len(word))
    return bool(cues["legislature"].search(clause_left) or by)


def _other_step_date(ctx: Context, d, status: str | None) -> bool:
    """ "the Agreement on X, signed in 2019, is being implemented": a date right after the cue of
    another stage ("signed in", "initialled on") dates that step, not this one."""
    start = max(0, d.span[0] - 70)
    left = ctx.text[start : d.span[0]]
    last = None
    for m in _scans()["cues"].finditer_part(left, ctx.at, start):
        last = m
    if last is None or not _STEP_TO_DATE.fullmatch(left, last.end()):
        return False
    word = last.group(0).lower()
    if word in _object_cues():
        return False  # ("the roadmap was agreed in 2023": adopted then, whatever stage the cue reads)
    stage = _cues()["lookup"].get(word)
    at = d.span[0] - len(left) + last.start()
    if stage == "signed" and _by_parliament(ctx.text, word, at, _CLAUSE.split(left[: last.start()])[-1]):
        stage = "ratified"
    return stage is not None and stage != status and stage in STAGE_ORDER


def _parties(ctx: Context, r: _Rec) -> list[str]:
    found = []
    for w in _CAP_WORDS.findall(r.name):
        c = country_name(w)
        if c and c not in found:
            found.append(c)
    if len(found) < 2 and ctx.meeting is not None:
        for p in ctx.meeting.parties:
            if p not in found:
                found.append(p)
    return found[:2]
