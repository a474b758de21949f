"""Agreement names: "Enhanced Partnership and Cooperation Agreement (EPCA)", "Paris Agreement",
"memorandum of understanding on sustainable raw materials, …", "the 2012 intergovernmental agreement
on …", "visa facilitation and readmission agreements" (two agreements), and anaphoric mentions
("the agreement", "such an agreement", "the new treaty") that carry stage cues to the named one.

Each agreement noun (data/agreements.yaml) is expanded leftwards over capitalised words, years and
the listed pre-modifiers, and rightwards over a post-modifier phrase ("on …", "between … and …",
"amending …") up to a clause boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from .money import currency_code
from .tokens import Tok, indices_of, stream, stream_of
from .types import fast_init

__all__ = ["AgreementMention", "find_agreement_mentions"]

_ANAPHORIC = {
    "the",
    "this",
    "that",
    "such",
    "same",
    "new",
    "a",
    "an",
    "its",
    "their",
    "our",
    "earlier",
    "latest",
    "first",
    "which",
    "these",
    "those",
    "both",
    "each",
}
_DATE_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d+)$"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")  # "Protocol of the 5th meeting …"
_PAST = re.compile(r"[a-z]+ed")  # "… and discussed"
_GENERIC_TAIL = {"kind", "type", "sort", "this", "that", "these", "generation"}
_OPEN_QUOTES = ('"', "“", "«")
_CLOSE_QUOTES = ('"', "”", "»")
_IN_QUOTE_STOP = {",", ".", "!", "?", ":", ";"}
# words that stand between a name and an amount cut from it ("a roadmap for expanding trade to USD
# 10 billion", "a finance contract for EUR 150 million")
_BEFORE_AMOUNT = frozenset(
    ["the", "a", "an", "for", "of", "worth", "to", "at", "by", "about", "around", "some", "nearly", "almost",
     "over", "up", "than", "more", "least"]
)
# first words of a formal title in quotes after a document's kind ('the Agreement "On …"')
_QUOTED_TITLE_OPENS = frozenset(["on", "about", "concerning", "regarding"])
# "… last week", "… next month": a relative date after a name ends it
_TIME_UNITS = frozenset(
    ["week", "month", "year", "autumn", "spring", "summer", "winter", "fall", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday"]
)
# "Programme of cultural and humanitarian cooperation", "Plan of Consultations": a plan or programme
# "of" a few lower-case words that ends in one of these nouns is a document between parties
_PLAN_HEADS = {"Programme", "programme", "Program", "program", "Plan", "plan"}
_PLAN_ENDS = {"cooperation", "consultations", "interaction", "partnership", "action", "actions", "measures"}
# "… on a wind turbine plant in the Zhambyl region": where, not what
_ON_THE_TEXT = re.compile(r"on (?:the )?(?:final |draft )?text\b.*")
_ONE_PART = re.compile(r"the (?:one|first|other|second) part")
_PART_CLAUSE = re.compile(r",\s+of\s+the\s+(?:one|first|other|second)\s+part\b,?")
# words before a bare "agreement" that make it consent, not a document ("the sides reached agreement on
# the need to …", "in agreement with the Kyrgyz side", "by mutual agreement", "expressed full agreement")
_CONSENT_BEFORE = frozenset(
    ["reached", "reach", "reaching", "in", "by", "full", "mutual", "broad", "general", "common", "complete",
     "total", "unanimous", "upon", "without", "expressed", "express", "find", "found", "finding", "basic",
     "political", "principled", "wide", "overall", "substantial"]
)
# documents attached "to" another ("the Protocol to the Agreement on …", "Annex to the Treaty …")
_ATTACHED_NOUNS = frozenset(
    ["protocol", "protocols", "annex", "annexes", "amendment", "amendments", "addendum"]
)
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"]
)
_AREA_NOUNS = {"region", "oblast", "province", "district", "county", "governorate", "area"}


@fast_init
@dataclass(frozen=True)
class AgreementMention:
    span: tuple[int, int]
    text: str
    name: str  # the name as written, leading article dropped
    acronym: str | None
    anaphoric: bool  # "the agreement", "such an agreement": refers to one named elsewhere
    plural: bool
    capitalised: bool
    # named by a purpose ("a memorandum to support green hydrogen"): a record only when a cue gives it a stage
    needs_stage: bool = False


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = data.load("agreements")
    single = {n for n in d["nouns"] if " " not in n}
    multi = [n for n in d["nouns"] if " " in n]
    by_first: dict[str, list[list[str]]] = {}
    for words in sorted((n.split() for n in multi), key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)  # longest first, as the list is
    return {
        "multi_by_first": by_first,
        "single": single,
        "multi": sorted((n.split() for n in multi), key=len, reverse=True),  # longest first
        "first": {n.split()[0] for n in multi},
        "pre": set(d["premodifiers"]),
        "post": set(d["postmodifiers"]),
        "stop": set(d["stoppers"]),
        "not_title": set(d.get("not_title") or ()),
        "not_title_openers": frozenset(d.get("not_title_openers") or ()),
        "money": set(d.get("money_contracts") or ()),
        "listed_after": set(d.get("listed_after") or ()),
        "vague": set(d.get("vague") or ()),
        "generic": frozenset(d.get("generic_heads") or ()),
        "irregular_past": frozenset(d.get("irregular_past") or ()),
        "units": frozenset(w.lower() for w in d.get("name_units") or ()),
        "reporting": frozenset(d.get("reporting_verbs") or ()),
        "modified_only": frozenset(d.get("modified_only_nouns") or ()),
        "between_only": frozenset(d.get("between_only_nouns") or ()),
        # every token an agreement noun can start with: the scan skips all others before `_noun_at`
        "starts": single | {n.split()[0] for n in multi},
    }


def _noun_at(toks: list[Tok], i: int) -> int:
    """Number of tokens of an agreement noun starting at i (0 when none)."""
    lx = _lex()
    if toks[i].text in _PLAN_HEADS:
        n = _plan_of(toks, i)
        if n:
            return n
    if toks[i].text not in lx["first"]:
        return 1 if toks[i].text in lx["single"] else 0
    for words in lx["multi_by_first"][toks[i].text]:
        if [t.text for t in toks[i : i + len(words)]] == words:
            return len(words)
    return 1 if toks[i].text in lx["single"] else 0


def _plan_of(toks: list[Tok], i: int) -> int:
    """ "Programme of cultural and humanitarian cooperation", "Plan of Consultations": tokens of a
    plan noun "of" up to five lower-case words (and "and", commas) ending in a cooperation noun."""
    if i + 2 >= len(toks) or toks[i + 1].text != "of":
        return 0
    for x in range(i + 2, min(i + 8, len(toks))):
        t = toks[x]
        if t.base.lower() in _PLAN_ENDS:
            return x - i + 1
        # "Programme of Cultural Cooperation": a capitalised plan, capitalised words
        if not (t.text == "," or (t.word and (t.base.islower() or (t.cap and toks[i].text[0].isupper())))):
            return 0
    return 0


def find_agreement_mentions(text: str, toks: list[Tok] | None = None) -> list[AgreementMention]:
    st = stream_of(text, toks) if toks is not None else stream(text)
    toks = toks if toks is not None else list(st.toks)
    lx = _lex()
    out: list[AgreementMention] = []
    i = 0  # tokens before i are read
    consumed_until = -1
    # only a token an agreement noun can start with is worth a look: pick them out in one C-level pass
    for c in indices_of(toks, lx["starts"], st):
        if c < i:
            continue
        i = c
        n = _noun_at(toks, i)
        if not n or toks[i].start < consumed_until:
            continue
        head_start, head_end = i, i + n
        noun = " ".join(t.text for t in toks[i : i + n])
        if noun == "agreement" and _ON_THE_TEXT.fullmatch(" ".join(t.base for t in toks[head_end : i + 5])):
            continue  # "reached agreement on the text of the treaty": the sides agreed; the treaty comes next
        if noun == "agreement" and i > 0 and toks[i - 1].base.lower() in _CONSENT_BEFORE:
            continue  # "reached agreement on the need to …", "by agreement of the parties": consent
        # ("an MoU with Siemens on …": an acronym's capitals make no title)
        capital = noun[0].isupper() and noun not in ("MoU", "MoUs")
        # leftwards: capitalised words (for a capitalised noun), years, pre-modifiers, "and"
        k = head_start
        pre_words: list[str] = []
        while k > 0:
            t = toks[k - 1]
            if (
                t.text in ("–", "-")
                and pre_words
                and k >= 2
                and _YEAR.fullmatch(toks[k].base)
                and _YEAR.fullmatch(toks[k - 2].base)
                and toks[k - 2].end >= t.start - 1
                and t.end >= toks[k].start - 1
            ):
                k -= 2  # "the 2026–2027 roadmap": a period names the plan
                pre_words.append(toks[k].base)
                continue
            if (
                capital
                and t.text in ("–", "-")
                and pre_words
                and k >= 2
                and t.end == toks[k].start
                and toks[k - 2].end == t.start
                and toks[k - 2].cap
                and toks[k - 2].word
            ):
                k -= 2  # "EU–Armenia Partnership Agenda": two parties joined by a dash
                pre_words.append(toks[k].base)
                continue
            if t.end != toks[k].start - 1 and text[t.end : toks[k].start] not in (" ", "\u00a0"):
                break
            if capital and t.cap and t.word and not t.poss and t.base not in lx["not_title_openers"]:
                k -= 1
                pre_words.append(t.base)
                continue
            if (
                capital
                and t.base in ("and", "of", "on", "for")
                and k - 2 >= 0
                and toks[k - 2].cap
                and pre_words
            ):
                k -= 1
                continue
            if (
                k >= 3
                and t.cap
                and toks[k - 2].text in ("–", "-")
                and toks[k - 3].end == toks[k - 2].start
                and toks[k - 2].end == t.start
                and pre_words[-1:] != ["and"]
                and _party_compound(f"{toks[k - 3].base}-{t.base}")
            ):
                k -= 3  # "the Kazakhstan–China agreement on …": the dash a token of its own
                pre_words.append(f"{toks[k].base}-{toks[k + 2].base}")
                continue
            if _party_compound(t.base) and pre_words[-1:] != ["and"]:
                k -= 1
                pre_words.append(t.base)  # "EU-Kazakhstan agreement on …"
                continue
            if not t.cap and (t.base.lower() in lx["pre"] or _YEAR.fullmatch(t.base)):
                k -= 1
                pre_words.append(t.base)
                continue
            if not capital and t.cap and t.base.lower() in lx["pre"] and _opens_line(text, toks, k - 1):
                k -= 1  # "Free trade agreement – talks …" at the head of a line or list item
                pre_words.append(t.base.lower())
                continue
            if t.base == "and" and pre_words and k - 2 >= 0 and toks[k - 2].base.lower() in lx["pre"]:
                k -= 1
                pre_words.append("and")
                continue
            break
        if not capital and k > 0:
            # "a uranium supply agreement", "an offtake agreement", "a historic green hydrogen agreement":
            # the lower-case words between an article and the noun name it, whatever they are
            x = _free_modifiers(text, toks, k)
            if x < k:
                pre_words.extend(t.base for t in toks[x:k])
                k = x
        # "the Roadmap 2026–2027 under the Memorandum …", "Action Plan 2025-2027": the period after the
        # noun names the plan
        period = _year_range(toks, head_end) and toks[head_end].start - toks[head_end - 1].end == 1
        if period:
            head_end += 3
        if noun in lx["modified_only"] and (
            (head_end < len(toks) and toks[head_end].base == "of")
            or (
                not any(
                    w.lower() not in _ANAPHORIC and w != "and" and w.lower() not in _AMOUNT_WORDS
                    for w in pre_words
                    if w[:1].isalpha()
                )
                # ("The deal entered into force": the document named last, as "the agreement")
                and not (k == head_start and k > 0 and toks[k - 1].base.lower() in ("the", "this"))
            )
        ):
            continue  # "a great deal of", "a $2 billion deal", "a deal": no document of its own
        if noun in lx["between_only"] and not (head_end < len(toks) and toks[head_end].base == "between"):
            continue  # "the contract", "a supply contract worth …": no document between named sides
        # rightwards: acronym in brackets, then a post-modifier phrase
        j = head_end
        acronym = None
        if (
            j + 2 < len(toks)
            and toks[j].text == "("
            and toks[j + 2].text == ")"
            # "(EPCA)", and the noun's own "(MoU)"
            and (toks[j + 1].base.isupper() or _initials_of(toks[j + 1].base, noun))
        ):
            acronym = toks[j + 1].base
            j_after_acr = j + 3
        else:
            j_after_acr = j
        post_end = head_end
        post_start = head_end
        if (
            j_after_acr == head_end
            and j + 1 < len(toks)
            and toks[j].text in _OPEN_QUOTES
            and toks[j + 1].base.lower() in _QUOTED_TITLE_OPENS
            and (q_end := _quote_end(toks, j)) is not None
            and "\n" not in text[toks[j].start : toks[q_end].start]
        ):
            # 'the agreement "On mutual protection of investments"': the title in quotes names it
            post_start = j
            j = post_end = q_end + 1
        elif j_after_acr == head_end and j < len(toks) and toks[j].base == "worth":
            # "memoranda of understanding worth EUR 1.47bn with …": the valuation is not the name
            w = next(
                (
                    x
                    for x in range(j + 1, min(j + 8, len(toks)))
                    if toks[x].base in ("with", "between")
                    # "an agreement worth $1 billion on the development of …" (not "… on Monday")
                    or (toks[x].base == "on" and x + 1 < len(toks) and _lower_title(toks, x))
                ),
                None,
            )
            if w is not None:
                j = post_start = w
        if (
            acronym
            and j_after_acr < len(toks)
            and toks[j_after_acr].base in lx["post"]
            and _initials_of(acronym, noun)
            and (
                not capital
                or _capital_post(toks, j_after_acr, bare=_bare_head(pre_words))
            )
        ):
            # "the Memorandum of Understanding (MoU) on Critical Raw Materials": the noun's own
            # acronym, then the name goes on
            acronym = None
            j = post_start = j_after_acr
            j = _post_phrase(toks, j, text)
            post_end = j
            j_after_acr = head_end
        elif (
            j_after_acr == head_end
            and j < len(toks)
            and capital
            and toks[j].base == "in"
            and j + 3 < len(toks)
            and toks[j + 1].base == "the"
            and toks[j + 2].base in ("field", "fields", "sphere", "area")
            and toks[j + 3].base == "of"
        ):
            j = _post_phrase(toks, j, text)  # "Memorandum in the field of critical raw materials"
            post_end = j
        elif (
            j_after_acr == head_end
            and j + 2 < len(toks)
            and toks[j].base == "to"
            and noun.lower() in _ATTACHED_NOUNS
            and toks[j + 1].base in ("the", "this", "that")
            and _noun_at(toks, j + 2)
        ):
            j = _post_phrase(toks, j, text)  # "the Protocol to the Agreement on Air Services": one document
            post_end = j
        elif (
            j_after_acr == head_end
            and j + 2 < len(toks)
            and toks[j].base == "under"
            and toks[j + 1].base in ("the", "this", "that", "its")
            and _noun_at(toks, j + 2)
        ):
            j = _post_phrase(toks, j, text)  # "a roadmap under the Memorandum for 2026–2027": one document
            post_end = j
        elif (
            j_after_acr == head_end
            and j < len(toks)
            and toks[j].base in lx["post"]
            # ("signed a memorandum on Monday": a date, not the name)
            and not (toks[j].base == "on" and j + 1 < len(toks) and _DATE_WORD.match(toks[j + 1].base))
            and (
                not capital
                or _capital_post(
                    toks,
                    j,
                    bare=_bare_head(pre_words),
                    # "a Programme of cooperation between the ministries …", and a list item that
                    # opens with its noun ("5. Memorandum of understanding between the ministries …")
                    indefinite=(k > 0 and toks[k - 1].base.lower() in ("a", "an"))
                    or (k == head_start and _opens_line(text, toks, k)),
                )
            )
        ):
            j = _post_phrase(toks, j, text)
            post_end = j
        if (
            post_end == head_end
            and j_after_acr == head_end
            and j + 1 < len(toks)
            and toks[j].base == "to"
            and k > 0
            and toks[k - 1].base.lower() in ("a", "an")
            and toks[j + 1].word
            and toks[j + 1].base.islower()
            and toks[j + 1].base not in _NOT_PURPOSE
            and toks[j + 1].base not in lx["stop"]
        ):
            # "signed a Memorandum of Understanding to support green hydrogen", "an agreement to build a
            # wind farm": a new document named by what it is for
            purpose = True
            post_start = j
            j = post_end = _post_phrase(toks, j, text)
        else:
            purpose = False
        listed = None
        if (
            (noun.endswith("s") and not noun.endswith("ss") or noun.lower().startswith("memoranda"))
            and j_after_acr == head_end
            and post_end == head_end
        ):
            listed = _listed_subjects(toks, head_end)
            if listed is not None:
                # "Three memoranda were signed: on X, on Y and on Z": the subjects follow the cue
                post_start = listed
                j = post_end = _post_phrase(toks, listed, text)
                if capital and _opens_line(text, toks, k):
                    capital = False  # "Agreements were signed on X and on Y": upper case opens a sentence
        name_start = k
        name = text[toks[name_start].start : toks[head_end - 1].end]
        if post_end > head_end:
            name += " " + text[toks[post_start].start : toks[post_end - 1].end]
            if "part" in name:
                name = _PART_CLAUSE.sub("", name)  # the title without its "of the one part" clauses
        span_end = toks[max(post_end, j_after_acr) - 1].end
        head_noun = noun.split(" and ")[0]  # ("Final Statement and Recommendations": one document)
        plural = (
            head_noun.endswith("s")
            and not head_noun.endswith("ss")
            or noun in ("memoranda of understanding", "Memoranda of Understanding")
        )
        content_pre = [w for w in pre_words if w.lower() not in _ANAPHORIC and w != "and"]
        tail = text[toks[head_end - 1].end : toks[post_end - 1].end].split() if post_end > head_end else []
        generic_tail = bool(tail) and bool({w.lower().strip(",") for w in tail[:4]} & _GENERIC_TAIL)
        anaphoric = (
            not content_pre
            and not period
            and not acronym
            and (post_end == head_end or generic_tail)
            # "a finance contract": a document of its own kind, named after the money it carries
            and not (n > 1 and noun.split()[0].lower() in lx["money"])
            # "the Plan of Consultations": a plan named by what it is of
            and not (n > 2 and toks[i].text in _PLAN_HEADS and toks[i + 1].text == "of")
        )
        if k >= 2 and toks[k - 2].base.lower() == "such" and not content_pre:
            anaphoric = True  # "such an agreement with the EU"
        if noun.lower() in ("document", "documents"):
            if post_end == head_end or toks[post_start].base != "on":
                anaphoric = True  # named by its subject ("documents on …"), else the last one named
            if k == head_start and _opens_line(text, toks, k):
                capital = False  # "Documents on cooperation in …" opening a sentence: no title
        ons = (
            [
                x
                for x in range(post_start + 2, post_end)
                if toks[x].base == "on" and toks[x - 1].text in ("and", ",")
            ]
            if (plural or listed is not None) and post_end > post_start and toks[post_start].base == "on"
            else []
        )
        if listed is not None and not ons:
            post_start = post_end = head_end  # one subject only: the plural noun stays as it was
        # "visa facilitation and readmission agreements" → two agreements
        if ons:
            # "agreements on cooperation in science and on mutual protection of investments" → two
            head = text[toks[name_start].start : toks[head_start].start] + _singular(noun)
            bounds = [post_start, *ons, post_end]
            for a, b in zip(bounds, bounds[1:], strict=False):
                e = b
                while e > a + 1 and toks[e - 1].text in ("and", ","):
                    e -= 1
                nm = head + " " + text[toks[a].start : toks[e - 1].end]
                out.append(
                    AgreementMention(
                        # one end for all, as coordinated names share their cue (interpret.agreements)
                        (
                            # (a listed subject starts at its "on": the cue before it stays outside)
                            toks[name_start].start if a == post_start and listed is None else toks[a].start,
                            toks[post_end - 1].end,
                        ),
                        nm,
                        nm,
                        None,
                        False,
                        False,
                        capital,
                    )
                )
        elif "and" in pre_words and not capital and plural:
            # "visa facilitation and readmission agreements": two documents; "a visa facilitation and
            # readmission agreement" (one noun, singular) is one
            parts = _split_coordination(toks, k, head_start)
            single_noun = noun[:-1] if plural and noun.endswith("s") else noun
            for a, b in parts:
                nm = text[toks[a].start : toks[b - 1].end] + " " + single_noun
                out.append(
                    AgreementMention(
                        (toks[a].start, toks[head_end - 1].end), nm, nm, None, False, False, False
                    )
                )
        else:
            out.append(
                AgreementMention(
                    (toks[name_start].start, span_end),
                    text[toks[name_start].start : span_end],
                    name,
                    acronym,
                    anaphoric,
                    plural,
                    capital,
                    purpose,
                )
            )
        consumed_until = span_end
        i = max(post_end, j_after_acr, head_end)
    return out


# words after "to" that open no purpose ("an agreement to the effect that …", "a memorandum to be signed")
_NOT_PURPOSE = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "their", "be", "date", "it", "them"]
)
_AMOUNT_WORDS = frozenset(
    ["million", "billion", "trillion", "thousand", "mln", "bln", "bn", "mn", "dollar", "euro"]
)
_MODIFIER = re.compile(r"[a-z][a-z-]*[a-z]")
_COMPOUND_MOD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")  # "Trans-Caspian", "e-CMR"
_ARTICLES = {"a", "an", "the", "this", "that", "its", "their", "two", "three", "several"}


def _bare_head(pre_words: list[str]) -> bool:
    """A name whose capitalised words before the noun only say its kind ("Framework Agreement",
    "Financing Agreement", "Loan Agreement"; data/agreements.yaml `generic_heads`) is no title yet: its
    parties and subject after it ("… between X and Y", "… for the … programme") belong to it."""
    generic = _lex()["generic"]
    return all(not w[:1].isupper() or w.lower() in generic for w in pre_words)


def _free_modifiers(text: str, toks: list[Tok], k: int) -> int:
    """Index of the first of up to three lower-case words right before token k that an article (and
    perhaps a word of praise, data/agreements.yaml `vague`) opens; k when there are none."""
    lx = _lex()
    x = k
    while x > 0 and k - x < 3:
        t = toks[x - 1]
        if (
            not t.word
            # ("the digital Trans-Caspian e-CMR protocol": a hyphenated name of a route or system)
            or not (_MODIFIER.fullmatch(t.base) or _COMPOUND_MOD.fullmatch(t.base))
            or t.base in lx["vague"]
            or t.base in _ARTICLES
            or t.base in lx["stop"]
            or (t.base.endswith("ed") and t.base not in lx["pre"])
            or text[t.end : toks[x].start] not in (" ", "\u00a0")
        ):
            break
        x -= 1
    if x == k:
        return k
    # "the Kazakhstan–EU renewable hydrogen MoU", "an EU-Kazakhstan raw materials memorandum": the
    # parties named before the words open the name, with or without an article
    if x > 0 and _party_compound(toks[x - 1].base) and "-" in toks[x - 1].base:
        return x - 1
    if (
        x >= 3
        and toks[x - 2].text in ("–", "-")
        and toks[x - 3].end == toks[x - 2].start
        and toks[x - 2].end == toks[x - 1].start
        and _party_compound(f"{toks[x - 3].base}-{toks[x - 1].base}")
    ):
        return x - 3
    y = x
    while y > 0 and toks[y - 1].base in lx["vague"] and x - y < 2:
        y -= 1
    return x if y > 0 and toks[y - 1].base.lower() in _ARTICLES else k


def _listed_subjects(toks: list[Tok], j: int) -> int | None:
    """ "memoranda were signed: on X, on Y …", "Agreements have been concluded on X and on Y": the index of
    the "on" that opens a list of subjects after a passive stage verb (data/agreements.yaml
    `listed_after`) following a plural noun at j; None otherwise. The caller keeps it only when a
    second "on" item follows, so "were signed on Monday" names nothing."""
    x = j
    if x < len(toks) and toks[x].base in ("were", "have", "had"):
        x += 1
        if x < len(toks) and toks[x].base == "been":
            x += 1
    else:
        return None
    if x >= len(toks) or toks[x].base not in _lex()["listed_after"]:
        return None
    x += 1
    if x < len(toks) and toks[x].text in (":", ",", "—", "–"):
        x += 1
    if x + 1 < len(toks) and toks[x].base == "on" and _lower_title(toks, x) and toks[x + 1].base.islower():
        return x
    return None


def _singular(noun: str) -> str:
    """ "agreements" → "agreement", "memoranda of understanding" → "memorandum of understanding"."""
    first, _, rest = noun.partition(" ")
    if first.lower() == "memoranda":
        first = first[:-1] + "um"
    elif first.endswith("ies"):
        first = first[:-3] + "y"
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}" if rest else first


def _initials_of(acronym: str, noun: str) -> bool:
    """ "MoU" for "Memorandum of Understanding", "LoI" for "Letter of Intent": the noun's own acronym."""
    letters = "".join(w[0] for w in noun.split()).lower()
    return acronym.lower().rstrip("s") == letters


@lru_cache(maxsize=4096)
def _party_compound(word: str) -> bool:
    """ "EU-Kazakhstan", "Kazakh-German": two parties joined by a hyphen or dash."""
    from .places import country_name

    parts = re.split(r"[-–]", word)
    return len(parts) == 2 and all(country_name(p) for p in parts)


@lru_cache(maxsize=4096)
def _is_city(word: str) -> bool:
    from .places import city_country

    return city_country(word) is not None


def _capital_post(toks: list[Tok], j: int, bare: bool = True, indefinite: bool = False) -> bool:
    """After a capitalised name only "of 1996", "of the XI meeting …", "with Uzbekistan", "between the
    Government of …", "on Certain Aspects …", "on the avoidance of …" belong to it; after a bare one
    that "a"/"an" introduces ("a Programme of cooperation between the foreign ministries") also its
    lower-case parties."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    after = toks[j + 2] if j + 2 < len(toks) else None
    if toks[j].base == "of":
        # "Protocol of the XI meeting of the Commission", "Treaty of the Eurasian Economic Union",
        # "Treaty of Eternal Friendship" (a capitalised subject that names no country)
        from .places import country_name

        return (
            bool(_YEAR.fullmatch(nxt.base))
            or _day_month(toks, j + 1)  # "the Agreement of 12 May 2019 between …"
            or (
                nxt.base == "the"
                and after is not None
                # "Protocol of the fourth meeting of …"
                and (after.cap or after.base[:1].isdigit() or _ordinal_word(after.base))
            )
            or (nxt.cap and nxt.word and not country_name(nxt.base))
        )
    if toks[j].base == "establishing":
        # the formal title "Partnership and Cooperation Agreement establishing a partnership between …"
        # … and "the Treaty establishing the Eurasian Economic Union"
        return after is not None and (
            (nxt.base in ("a", "an") and after.word and after.base.islower())
            or (nxt.base == "the" and after.cap)
        )
    if toks[j].base == "amending":
        # "a Protocol amending the Agreement on …"
        return nxt.base == "the" and after is not None and after.cap or (nxt.cap and nxt.word)
    if toks[j].base == "for":
        # "Joint Action Plan for Dialogue and Cooperation", "Agreement for the Promotion of …"; after a
        # bare noun also a lower-case subject or period ("a Roadmap for the removal of …", "for 2026–2028")
        return (
            nxt.cap
            or (nxt.base == "the" and after is not None and after.cap)
            or _year_range(toks, j + 1)  # "Comprehensive Programme of … for 2025–2030": its period
            or (bare and (_lower_title(toks, j) or bool(_YEAR.fullmatch(nxt.base))))
            or _quoted_title_after(toks, j)  # "Financing Agreement for the "Green Mongolia" programme"
        )
    if toks[j].base == "with":
        from .places import country_name

        return bool(country_name(nxt.base))
    if toks[j].base == "between":
        from .places import country_name

        if not bare:
            # "the Enhanced Partnership and Cooperation Agreement between X and Y": a title already (the
            # states it binds go to the record's name in interpret.agreements)
            return False
        # "Agreement between the Government of X and …", "between Kazakhstan and …", "between JSC …"
        return (
            bool(country_name(nxt.base))
            or (nxt.base == "the" and after is not None and (after.cap or (indefinite and after.word)))
            or (nxt.cap and nxt.word and nxt.base not in ("The", "A", "An", "This", "These", "Those"))
        )
    if toks[j].base == "on" and nxt.base == "the" and after is not None:
        return after.cap or _lower_title(toks, j)  # "on the Promotion …", "on the avoidance of …"
    return toks[j].base == "on" and (nxt.cap or _lower_title(toks, j))


@lru_cache(maxsize=1)
def _ordinal_words() -> frozenset[str]:
    o = data.load("numbers")["ordinals"]
    return frozenset([*o["units"], *o["tens"], "hundredth"])


def _ordinal_word(word: str) -> bool:
    """ "fourth", "twenty-second": an ordinal written as a word."""
    return word.lower().rsplit("-", 1)[-1] in _ordinal_words()


def _quoted_title_after(toks: list[Tok], j: int) -> bool:
    """ "for the "Green Mongolia" programme", "for the programme "Green Mongolia"": after the word at
    j comes "the" and a quoted title, right away or after one lower-case noun."""
    if j + 3 >= len(toks) or toks[j + 1].base != "the":
        return False
    q = j + 2
    if toks[q].word and toks[q].base.islower():
        q += 1
    return toks[q].text in _OPEN_QUOTES and _quote_end(toks, q) is not None


def _quote_end(toks: list[Tok], q: int) -> int | None:
    """Index of the token that closes a short quoted name opened at token q ("Central Asia",
    "NC Kazakhstan Temir Zholy"): a capitalised first word, at most ten tokens, no punctuation of
    a sentence inside; None when it is no such name (a quotation, a stray mark)."""
    if q + 1 >= len(toks) or not toks[q + 1].cap:
        return None
    for x in range(q + 1, min(q + 12, len(toks))):
        t = toks[x]
        if t.text in _CLOSE_QUOTES:
            return x if x > q + 1 else None
        if t.text in _IN_QUOTE_STOP or t.text in _OPEN_QUOTES:
            return None
    return None


_RECIPIENTS = frozenset(
    ["side", "government", "president", "parliament", "cabinet", "ministry", "head", "senate", "mazhilis",
     "majilis", "house", "chamber", "council", "commission", "delegation", "partners", "embassy"]
)


_PROCEDURES = frozenset(
    ["revision", "review", "signature", "signing", "ratification", "approval", "consideration",
     "finalisation", "finalization", "endorsement", "initialling", "initialing", "adoption", "rework",
     "amendment"]
)


def _to_recipient(toks: list[Tok], i: int) -> bool:
    """ "to the Chinese side", "to the Mazhilis", "to the Government": a recipient (of a draft handed
    over, a bill submitted) starts at token i, not the rest of a title ("on the supply of gas to
    Kyrgyzstan" keeps its country)."""
    if i < len(toks) and toks[i].base == "the":
        i += 1
    if i >= len(toks):
        return False
    for x in range(i, min(i + 3, len(toks))):
        if toks[x].base.lower() in _RECIPIENTS:
            return all(toks[y].cap for y in range(i, x)) and (x == i or toks[i].cap)
    return False


def _day_month(toks: list[Tok], i: int) -> bool:
    """ "12 May 2019": a day and a month name, then a year, start at token i."""
    return (
        i + 2 < len(toks)
        and toks[i].base.isdigit()
        and 1 <= int(toks[i].base) <= 31
        and toks[i + 1].base.lower() in _MONTHS
        and bool(_YEAR.fullmatch(toks[i + 2].base))
    )


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _year_range(toks: list[Tok], i: int) -> bool:
    """ "2026–2028" starts at token i: a period that names a plan."""
    return (
        i + 2 < len(toks)
        and bool(_YEAR.fullmatch(toks[i].base))
        and toks[i + 1].text in ("–", "-")
        and bool(_YEAR.fullmatch(toks[i + 2].base))
    )


def _lower_title(toks: list[Tok], j: int) -> bool:
    """ "the Agreement on mutual recognition of …", "Memorandum of Understanding on a strategic
    partnership on …": a capitalised document noun continued by a lower-case subject that is no
    date and no phrase of circumstance ("on behalf of", "on the sidelines of")."""
    words = [t.base.lower() for t in toks[j + 1 : j + 3]]
    if not words or _DATE_WORD.match(toks[j + 1].base):
        return False
    lx = _lex()
    if words[0] in lx["not_title"]:
        return False
    return not (words[0] in ("the", "a", "an") and (len(words) < 2 or words[1] in lx["not_title"]))


def _opens_line(text: str, toks: list[Tok], i: int) -> bool:
    """Token i is the first word of a line, a list item or a sentence (what stands before it, if
    anything, is no word: a list marker, emphasis, a full stop, a line break)."""
    if i == 0:
        return True
    prev = toks[i - 1]
    return not prev.word and not prev.text.isdigit() or "\n" in text[prev.end : toks[i].start]


def _split_coordination(toks: list[Tok], k: int, head: int) -> list[tuple[int, int]]:
    parts, start = [], k
    for x in range(k, head):
        if toks[x].base == "and":
            parts.append((start, x))
            start = x + 1
    parts.append((start, head))
    return [p for p in parts if p[1] > p[0]]


def _reporting_clause(toks: list[Tok], i: int) -> bool:
    """ "officials from both sides said", "the ministry told reporters": up to six words from token i
    end in a verb of saying (data/agreements.yaml `reporting_verbs`) before any punctuation."""
    verbs = _lex()["reporting"]
    for x in range(i, min(i + 7, len(toks))):
        t = toks[x]
        if not t.word:
            return False
        if t.base in verbs:
            return x > i
    return False


def _post_phrase(toks: list[Tok], j: int, text: str) -> int:
    """End (exclusive token index) of a post-modifier phrase starting at token j."""
    lx = _lex()
    k = j + 1
    # "between the Government of the Republic of X and the Government of the Republic of Y on …"
    limit = min(len(toks), j + (30 if toks[j].base == "between" else 18))
    while k < limit:
        t = toks[k]
        if t.base == "between" and k + 26 > limit:
            limit = min(len(toks), k + 26)  # "… to the Agreement between the Government of X and …"
        if "\n" in text[toks[k - 1].end : t.start]:
            break  # a headline's name ends with its line
        if (
            t.text in ("–", "-")
            and _YEAR.fullmatch(toks[k - 1].base)
            and k + 1 < len(toks)
            and _YEAR.fullmatch(toks[k + 1].base)
        ):
            k += 2  # "… for 2023–2027": a period inside the name
            continue
        if (
            t.text in _OPEN_QUOTES
            and toks[k - 1].word
            and toks[k - 1].end < t.start
            and (q_end := _quote_end(toks, k)) is not None
            and "\n" not in text[t.start : toks[q_end].start]
        ):
            k = q_end + 1  # "… for Industrial Cooperation "Central Asia"", "between JSC "NC KTZ" and …"
            continue
        if (
            t.text in ("–", "-")
            and k + 1 < len(toks)
            and toks[k - 1].word
            and toks[k + 1].word
            and (
                (toks[k - 1].end == t.start and t.end == toks[k + 1].start)
                or (
                    toks[k - 1].cap
                    and toks[k + 1].cap
                    and not _DATE_WORD.match(toks[k + 1].base)
                    # "… Transport – Kazakhstan welcomed it": a new clause after the dash
                    and not (
                        k + 2 < len(toks)
                        and (_PAST.fullmatch(toks[k + 2].base) or toks[k + 2].base.lower() in lx["stop"])
                    )
                )
            )
        ):
            k += 2  # "on the Kazakh–Turkmen border", "on the Caspian Sea – Black Sea – Europe corridor"
            continue
        if t.text in (".", ";", ":", "(", ")", "—", "–", '"', "“", "”", "«", "»", "!", "?", "*", "|"):
            break
        if (
            t.text in ("'", "’")
            and t.start == toks[k - 1].end
            and not any(toks[x].text in ("'", "‘") for x in range(j, k))
        ):
            break  # the Law 'On ratification of the Agreement between X and Y': the title's quote closes
        if toks[k - 1].base == "of" and _day_month(toks, k):
            k += 2  # "the Agreement of 12 May 2019 on …": the date the title carries
            continue
        if (
            t.base == "under"
            and k + 2 < len(toks)
            and toks[k + 1].base == "the"
            and toks[k + 2].cap
            and any(toks[x].base == "between" for x in range(j, k))
        ):
            k += 2  # "between the Academy of Public Administration under the President of …": one party
            continue
        if (
            t.base == "in"
            and k + 3 < len(toks)
            and toks[k + 1].base == "the"
            and toks[k + 2].cap
            and toks[k + 3].base in _AREA_NOUNS
        ):
            break  # "… components plant in the Zhambyl region": where, not what
        if t.base in ("on", "in", "since") and k + 1 < len(toks) and _DATE_WORD.match(toks[k + 1].base):
            break  # "… air services on Monday": a date, not the name
        if t.base in ("today", "yesterday", "tomorrow"):
            break
        if (
            t.base in ("a", "one", "two", "three", "four", "five", "six", "several")
            and k + 2 < len(toks)
            and toks[k + 2].base in ("later", "earlier", "ago")
        ):
            break  # "… and the memorandum on tourism a month later": a date, not the name
        if t.base == "for" and k + 1 < len(toks) and toks[k + 1].base.lower() in _PROCEDURES:
            break  # "… returned the Memorandum on X for revision": what is to be done with it
        if t.base == "to" and _to_recipient(toks, k + 1):
            break  # "submitted the Agreement on X to the Mazhilis", "… to the Chinese side": who gets it
        if t.base == "in" and k + 1 < len(toks) and toks[k + 1].cap and _is_city(toks[k + 1].base):
            break  # "… signed an agreement on X in Baku": where, not what
        if t.text == "," and _ONE_PART.fullmatch(" ".join(x.base for x in toks[max(j, k - 3) : k])):
            k += 1  # "between the Union and its Member States, of the one part, and X, of the other part"
            continue
        if t.text == ",":
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if (
                nxt is None
                or _reporting_clause(toks, k + 1)  # "…, officials from both sides said": who tells it
                or nxt.base.lower() in lx["stop"]
                or nxt.base.endswith("ed")
                or (nxt.base.endswith("ing") and nxt.base.islower())  # ", concluding talks …": a new clause
                or nxt.base.lower()
                in ("the", "a", "an", "with", "to", "and", "in", "as", "its", "it", "he", "she", "they", "we")
            ):
                break
            k += 1
            continue
        if t.base.lower() in lx["stop"] and t.base not in ("and", "in", "of") and not _acronym(t.base):
            break  # (an acronym "WHO", "CAN" is a name, not the pronoun or verb)
        if (
            t.base == "and"
            and k + 2 < len(toks)
            and toks[k + 1].base.lower() in ("the", "a", "an")
            and not any(toks[x].base == "between" for x in range(j, k))
            and not toks[k + 2].cap
        ):
            break
        if (
            t.base == "and"
            and k + 2 < len(toks)
            and toks[k + 1].base in ("a", "an", "the")
            and _noun_at(toks, k + 2)
        ):
            break  # "… for 2026–2028 and a Memorandum on …", "… of 1998 and the Agreement on …": the next one
        if _DIGIT.match(t.base) and not _YEAR.fullmatch(t.base) and not _ORDINAL.fullmatch(t.base):
            u = k + 2 if k + 2 < len(toks) and toks[k + 1].text in ("-", "–") else k + 1
            if (
                u < len(toks)
                and toks[k - 1].base.lower() in ("a", "an", "of", "its", "with")
                and toks[u].base.lower() in lx["units"]
                and u + 1 < len(toks)
                and toks[u + 1].word
            ):  # (an article or "of" before the number: no currency code, which the test below reads)
                k = u + 1  # "… for the construction of a 1 GW wind power plant": the project's size names it
                continue
            if k > j + 1 and currency_code(toks[k - 1].text):
                # "finance contract for EUR 150 million": the amount is no part of the name
                k -= 1
                while k > j + 1 and toks[k - 1].base.lower() in _BEFORE_AMOUNT:
                    k -= 1
                if k == j + 1:
                    return j  # nothing but the amount after the post word: no phrase
            break
        if t.base == "and" and k + 1 < len(toks) and (
            _PAST.fullmatch(toks[k + 1].base) or toks[k + 1].base in lx["irregular_past"]
        ):
            break  # "… on visa facilitation and discussed …", "… and sent it to the Senate": a new verb
        if (
            t.base in ("last", "next", "this", "earlier", "later")
            and k + 1 < len(toks)
            and toks[k + 1].base.lower() in _TIME_UNITS
        ):
            break  # "the Protocol on Customs Cooperation last week": a date, not the name
        if t.base.endswith("ing") and t.base.islower() and _YEAR.fullmatch(toks[k - 1].base):
            break  # "… Agreement of 2020 extending its scope": a new clause after the year
        if t.base == "and" and k + 1 < len(toks) and toks[k + 1].base == "to":
            break  # "agreed to finalise a Memorandum on energy and to launch talks …": a new verb
        k += 1
    while k > j + 1 and toks[k - 1].base.lower() in (
        "the", "a", "an", "and", "of", "on", ",", "some", "about", "around", "nearly", "almost",
        "approximately",
    ):
        k -= 1  # ("… near Shelek, some 120 km east": the words before a cut number go with it)
    return k
