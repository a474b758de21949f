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

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .. import data
from ..annotate.places import country_name, first_letters_ahead
from ..models import STAGE_ORDER, Agreement
from .context import Context
from .scan import AnyOf, LiteralScan

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
    r"speedy|early|swift|timely|accelerat\w*|expedit\w*|speed(?:ing)?\s+up|(?:necessary|needed|required)\s+for|procedures?\s+for|ensur\w*|complet\w*|on|towards?)\s+(?:the\s+)?(?:its\s+)?$",
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
_CAP_WORDS = re.compile(r"[A-Z][\w]+(?:\s[A-Z][\w]+)?")
_PROVISIONALLY = re.compile(r"\s+(?:provisionally)")  # read at a position: opens with a space
_AS_WELL_AS = re.compile(
    r"\w+[ \t]*,?[ \t]+(?:as well as|along with|together with)[ \t]+(?:(?:an?|the)[ \t]+)?"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•▪–—][ \t]+|\d{1,3}[.)][ \t]+|[a-z][)][ \t]+)")
_BARE_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[a-z][)]|[-*+•▪–—])\s*")
_AGREEMENT_WORD = re.compile(r"\b(?:agreements?|treaty|treaties|memorand\w+|protocol|convention|accord)\b")
_TALKS_ON_NAMED = re.compile(
    r"\b(?:negotiations|talks)\s+on\s+an?\s+([A-Z][\w-]*(?:\s+(?:(?:and|of|for|on)\s+)?[A-Z][\w-]*){1,8})"
)
_AND_TO_LAUNCH = re.compile(
    r"\band\s+to\s+(?:launch|start|begin|open|commence)\s+(?:(?:formal|official|the)\s+)?$"
)
_AND_OF = re.compile(r"\band\s+of\s+(?:the\s+)?$")
#: Cues that adopt only the plans, roadmaps and declarations a meeting takes (data: soft_nouns).
_ADOPT_ONLY = frozenset({"approved", "endorsed"})
_JOINED = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:an?|the)?\s*")
_TEXT_ANAPHORA = re.compile(r"\b(?:the|its|this)\s+text\b(?!\s+of\b)", re.I)


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
    synthetic: bool = False
    plural: bool = False
    money: object | None = None  # the pledge a loan, grant or guarantee document carries


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
        r"(?<![\w-])" + ahead + r"(?:" + "|".join(re.escape(w) for w, _ in cue_list) + r")(?![\w-])", re.I
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
    return {
        "launched_verb": re.compile(r"\b(?:agreed|decided)\s+to\s"),
        "launched": launched,
        "rx": cue_rx,
        "lookup": lookup,
        "pending": pend,
        "neg": neg,
        "replaced": repl,
        "firm": firm,
        "ongoing": ongoing,
    }


@lru_cache(maxsize=1)
def _scans() -> dict:
    """The whole-text scans, tried only where they can match (see interpret.scan)."""
    return {
        "negotiations": LiteralScan(_NEGOTIATIONS_ON),
        "text": AnyOf(["text"]),  # every match of _TEXT_ANAPHORA names the text
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
        return None

    explicit = sorted(
        (
            m
            for m in ctx.agreements
            if not m.anaphoric and not _PARTIES_TO.search(text[max(0, m.span[0] - 30) : m.span[0]])
        ),
        key=lambda m: m.span,
    )
    for m in explicit:
        name, money = m.name, None
        if pledges and not m.plural and not m.acronym and _money_contract(m.name):
            name, money = _money_document(ctx, m, pledges)
        rec = lookup(name, m.acronym)
        weak = ctx.is_heading(m.span[0]) or (
            # the law "On ratification of the Treaty on …": a law's title in quotes, not a quotation
            ctx.in_quote(m.span[0]) and not _LAW_TITLE.search(text, max(0, m.span[0] - 50), m.span[0])
        )
        if rec is None:
            if weak:
                continue
            rec = _Rec(name, m.acronym, m.capitalised, m.span[0], plural=m.plural, money=money)
            recs.append(rec)
        if m.acronym and not rec.acronym:
            rec.acronym = m.acronym
        if m.acronym:
            by_acr[m.acronym] = rec
        rec.spans.append(m.span)
        mentions.append((m.span[0], m.span[1], rec))
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
        name = f"{(mm.group(1) or '').strip()} agreement on {subject}".strip()
        rec = _Rec(name, None, False, mm.start(), synthetic=True)
        rec.spans.append((mm.start(), mm.end()))
        recs.append(rec)
        mentions.append((mm.start(), mm.end(), rec))
    # "opening talks on a Trade and Investment Promotion Framework": a named instrument under way
    if "s on a" in text:
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
    spans = [m.span for m in ctx.agreements if m.anaphoric and not m.plural]
    if scans["text"].found(text, ctx.at):
        spans += [
            mm.span()
            for mm in _TEXT_ANAPHORA.finditer(text)
            if not any(a <= mm.start() < b for a, b, _ in mentions)
        ]
    for a, b in sorted(set(spans)):
        before = [r for s, _e, r in mentions if s < a and not r.replaced and not r.synthetic and not r.plural]
        if before:
            mentions.append((a, b, before[-1]))
    mentions.sort(key=lambda x: x[0])
    _stage_cues(ctx, mentions)
    for r in recs:
        if r.money is not None and not r.stages and not r.pending and not r.money.hedged:
            # "a grant agreement through which the EU adds €80 million": a document under which money
            # is firmly given has been signed
            r.stages.append((_rank("signed"), "signed", r.first))
    out = []
    for r in recs:
        if (
            not r.stages
            and not r.capitalised
            and any(x for x in ctx.agreements if x.name == r.name and x.plural)
        ):
            continue  # a plural common noun ("bilateral agreements with …") with nothing said of it
        if not r.stages and not r.pending and not r.capitalised and _soft(r.name):
            continue  # "the concept of a green corridor": an idea, not a document, until it has a stage
        status = _status(r)
        if (
            not r.capitalised
            and (r.plural or r.money is None)
            and _money_contract(r.name)
            and status not in ("ratified", "in force")
        ):
            # "loan agreements … totalling USD 300 million": money lent, read as a pledge; one a
            # parliament ratified is an international agreement too, and so is a single document
            # the text says was signed ("signed a grant agreement of €15 million for …")
            continue
        out.append(
            Agreement(
                name=_protocol_name(ctx, r),
                acronym=r.acronym,
                parties=_parties(ctx, r),
                status=status,
                date=_date(ctx, r, status),
                span=r.spans[0] if r.spans else None,
            )
        )
    return out


_BARE_PROTOCOL = re.compile(
    r"(?P<head>[Pp]rotocol\s+of\s+the\s+)(?:(?P<ord>[\w-]+)\s+)?(?P<tail>meeting|session|sitting)", re.I
)


def _protocol_name(ctx: Context, r: _Rec) -> str:
    """ "signed the protocol of the meeting", "the Protocol of the 11th meeting": the protocol of the
    sitting the text reports, named with its body ("Protocol of the 11th meeting of the Azerbaijan–
    Türkiye Joint Intergovernmental Commission")."""
    m = _BARE_PROTOCOL.fullmatch(r.name)
    meeting = ctx.meeting
    if m is None or meeting is None or not meeting.body or not meeting.number:
        return r.name
    if m.group("ord"):
        a, b = r.spans[0] if r.spans else (0, 0)
        said = next((o.value for o in ctx.ordinals if a <= o.span[0] < b), None)
        if said != meeting.number:
            return r.name  # the protocol of another sitting
        ordinal = m.group("ord")
    else:
        n = meeting.number
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        ordinal = f"{n}{suffix}"
    return f"{m.group('head')}{ordinal} {m.group('tail')} of the {meeting.body}"


@lru_cache(maxsize=4096)
def _money_contract(name: str) -> bool:
    words = data.load("agreements").get("money_contracts") or []
    first = re.sub(r"^(?:the|a|an|new|two|three|several)\s+", "", name.strip().lower()).split()
    return bool(first) and first[0] in words


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
def _soft(name: str) -> bool:
    soft = data.load("agreements").get("soft_nouns") or []
    low = name.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", low) for n in soft) and not re.search(
        r"(?<![\w-])(?:agreement|treaty|memorandum|protocol|convention)(?![\w-])", low
    )


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
        if _is_item(ctx.sentences, ctx.sentence_index(s.start)) and not any(
            # (a cue word inside an item's name, "Action Plan on the implementation of …", is none)
            not any(a < s.start + cm.start() < b for a, b, r in here if not r.synthetic)
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
        clause_ends: list[int] | None = None  # ends of the clause breaks of the sentence
        replaced: set[int] = set()
        pendings: list[tuple[int, int]] = []  # (rank, position) of the steps still ahead
        pending_seen: int | None = None  # end of the last cue read in a pending context
        for cm in cue_scan.finditer_part(sent, ctx.at, s.start):
            word = cm.group(0).lower()
            stage = cues["lookup"].get(word)
            pos = s.start + cm.start()
            if stage is None:
                continue
            if any(a < pos and pos + len(word) <= b and not r.synthetic for a, b, r in here):
                continue  # "an agreement on cooperation in the implementation of …": a word of a name
            if word in _ADOPT_ONLY and not any(_soft(r.name) for _a, _b, r in here):
                continue
            if word in cues["replaced"]:
                # "to replace the 2011 text, and signed a plan …": the object right after the verb only
                after = [x for x in here if x[0] >= pos and not re.search(r"[,;:]", text[pos : x[0]])]
                if after:
                    old = after[0][2]
                    old.stages.append((_rank("in force"), "in force", pos))
                    old.replaced = True
                    replaced.add(id(old))
                    _inherit_subject(text, old, [x for x in here if x[0] < pos])
                continue
            left = text[max(s.start, pos - 40) : pos]
            clause_left = _CLAUSE.split(left)[-1]
            if cues["neg"].search(clause_left) or _PROVISIONALLY.match(text, pos + len(word)):
                continue
            ahead = _AHEAD.match(text, pos + len(word))  # "its signature is expected soon"
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
                or bool(cues["pending"].search(clause_left))
                or (
                    word in _STEP_NOUNS
                    and bool(_STEP_AHEAD.search(clause_left))
                    # "approved the bill on ratification": the law that ratifies, not a step ahead
                    # … or the law "On ratification of …", its title quoted; a draft law has not
                    and not re.search(
                        r"(?<!draft )\b(?:law|bill|decree|resolution)\s+[\"“«]?[Oo]n\s+(?:the\s+)?$",
                        clause_left,
                    )
                )
                or bool(_WISH.search(clause_left))
            )
            if word == "sign" and not pending:
                continue  # a bare "sign" says a step only in a plan ("are expected to sign X")
            if pending and stage == "negotiating" and cues["ongoing"].search(clause_left):
                pending = False  # "asked the government to speed up negotiations on X": under way
            elif (
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
            ):
                pending = False  # "agreed to launch negotiations on X": talks opened at the occasion
            if pending and stage not in ("proposed", "suspended", "terminated") and word not in cues["firm"]:
                pending_seen = pos + len(word)
                pendings.append((_rank(stage), pos))
                continue
            if word.startswith(_OF_NOUNS):
                # "implementation of the Global Gateway strategy" says nothing of an agreement
                # unless one is named right after (or right before: "the EPCA's implementation")
                end = pos + len(word)
                of_it = [x for x in here if 0 <= x[0] - end <= 45 or 0 <= pos - x[1] <= 15]
                if not of_it:
                    continue
                # "the implementation of the MoU on X, signed in 2022, and of the roadmap for 2023": both
                also = [
                    x
                    for x in here
                    if x[0] > of_it[0][0] and _AND_OF.search(text, max(s.start, x[0] - 14), x[0])
                ]
                for _a, _b, t in of_it[:1] + also:
                    if id(t) not in replaced:
                        t.stages.append((_rank(stage), stage, pos))
                continue
            if clause_ends is None:
                clause_ends = [m.end() for m in _CLAUSE.finditer(text, s.start, s.end)]
            target = _nearest(text, here, pos, s.start, clause_ends)
            for t in target if isinstance(target, list) else [target]:
                if t is not None and id(t) not in replaced:
                    if word in _ADOPT_ONLY and not _soft(t.name):
                        # "approved an Action Plan" adopts it; "approved the draft agreement" signs nothing
                        continue
                    t.stages.append((_rank(stage), stage, pos))
        for a, b, r in here if pendings else ():
            if id(r) in replaced:
                continue
            # "X remains the basis, and agreed that a protocol should be negotiated": a step ahead in
            # a clause of a new verb speaks of the agreements there only
            ranks = [rk for rk, p in pendings if not _NEW_SUBJECT_VERB.search(text, min(b, p), max(a, p))]
            if ranks and min(ranks) > 0:
                low = min(ranks)
                r.pending.append((low - 1, STAGE_ORDER[low - 1], s.start))


def _later_start(ctx: Context, pos: int, end: int) -> bool:
    """A date after publication right after the cue at `pos` ("… negotiations in the first quarter
    of next year"): the talks start later."""
    pub = ctx.published
    if not pub:
        return False
    return any(
        d.value[: len(pub)] > pub[: len(d.value)] for d in ctx.dates_in(pos, min(end, pos + 60))
    )


def _is_item(sents, j: int) -> bool:
    """Sentence j is a list item, or its marker alone ("1." is a sentence of its own)."""
    t = sents[j].text
    return bool(
        _LIST_ITEM.match(t)
        or _BARE_MARKER.fullmatch(t)
        or (j > 0 and _BARE_MARKER.fullmatch(sents[j - 1].text))
        # an HTML list read without its markers: "…were signed:" then "a Financing Agreement …;"
        or (
            j > 0
            and t[:1].islower()
            and sents[j - 1].paragraph != sents[j].paragraph
            and sents[j - 1].text.rstrip().endswith((":", ";"))
        )
    )


def _lead_in_stage(ctx: Context, idx: int) -> tuple[str, int, bool] | None:
    """The stage the lead-in of a list (the sentence ending in ":" before the list item at sentence
    `idx` and the items before it) says its items reached: (stage, cue position, still ahead?)."""
    sents = ctx.sentences
    j = idx - 1
    while j >= 0 and not sents[j].text.rstrip().endswith(":") and _is_item(sents, j) and idx - j < 40:
        j -= 1
    if j < 0 or not sents[j].text.rstrip().endswith(":"):
        return None
    s = sents[j]
    cues = _cues()
    text = ctx.text
    reached: tuple[int, str, int] | None = None
    ahead: tuple[int, str, int] | None = None
    for cm in _scans()["cues"].finditer_part(text[s.start : s.end], ctx.at, s.start):
        word = cm.group(0).lower()
        stage = cues["lookup"].get(word)
        if stage is None or word in cues["replaced"]:
            continue
        pos = s.start + cm.start()
        clause_left = _CLAUSE.split(text[max(s.start, pos - 40) : pos])[-1]
        if cues["neg"].search(clause_left):
            continue
        r = _rank(stage)
        if (
            _AHEAD.match(text, pos + len(word))
            or cues["pending"].search(clause_left)
            or _WISH.search(clause_left)
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
        # "signed an agreement on X and an intergovernmental agreement on Y": one cue, both objects
        shared += [
            r
            for a2, _b, r in here
            if a2 >= end and r is not best and re.fullmatch(r"(?:\s|,|and|as well as|an?|the)*", text[end:a2])
        ]
        # "an agreement on X and a memorandum on Y were signed": the cue after both names both
        best_start = next(a2 for a2, b2, r in here if b2 == end and r is best)
        if best_start <= pos:
            shared += [
                r
                for _a2, b2, r in here
                if b2 <= best_start
                and r is not best
                and r not in shared
                and clause_id(b2) == cid
                and _JOINED.fullmatch(text, b2, best_start)
            ]
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
    return max(r.stages, key=lambda x: (x[0], x[2]))[1]


def _date(ctx: Context, r: _Rec, status: str | None) -> str | None:
    pos = next((p for _rank_, st, p in r.stages + r.pending if st == status), None)
    if pos is None:
        return None
    s = ctx.sentence_at(pos)
    near = [
        d
        for d in ctx.dates_in(s.start, s.end)
        if abs(d.span[0] - pos) < 140
        and not any(a <= d.span[0] < b for a, b in r.spans)
        # "the "Uzbekistan – 2030" strategy": a year in another document's name
        and not any(m.span[0] <= d.span[0] < m.span[1] for m in ctx.agreements)
        # "text agreed by the working group; to be signed in the autumn": the date of another step
        and ";" not in ctx.text[min(pos, d.span[1]) : max(pos, d.span[0])]
        and not _other_step_date(ctx, d, status)
    ]
    if status == "in force":
        since = [
            d for d in near if re.search(r"\bsince\s+$", ctx.text[max(s.start, d.span[0] - 7) : d.span[0]])
        ]
        if since:
            return since[0].value  # "in force since 1999"
    after = [d for d in near if d.span[0] >= pos]
    if after:
        return after[0].value
    if near:
        return min(near, key=lambda d: abs(d.span[0] - pos)).value
    if status in ("initialled", "signed", "ratified") and not any(p == s.start for _r, _st, p in r.pending):
        # a step reported without a date was taken at the occasion the text reports
        return ctx.occasion_date()
    if status == "negotiating" and _cues()["launched"].search(ctx.text, max(s.start, pos - 40), pos):
        return ctx.occasion_date()  # "agreed to launch negotiations on X": talks opened that day
    return None


_STEP_TO_DATE = re.compile(r"\s+(?:[\w-]+\s+){0,6}$")  # "ratified by the Jogorku Kenesh in September"


def _other_step_date(ctx: Context, d, status: str | None) -> bool:
    """ "the Agreement on X, signed in 2019, is being implemented": a date right after the cue of
    another stage ("signed in", "initialled on") dates that step, not this one."""
    left = ctx.text[max(0, d.span[0] - 50) : d.span[0]]
    last = None
    for m in _cues()["rx"].finditer(left):
        last = m
    if last is None or not _STEP_TO_DATE.fullmatch(left, last.end()):
        return False
    stage = _cues()["lookup"].get(last.group(0).lower())
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
