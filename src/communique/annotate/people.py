"""People with their roles: "Deputy Foreign Minister Roman Vassilenko", "Luc Devigne, Acting Managing
Director …", "President of the European Commission Ursula von der Leyen", "Kazakhstan's Foreign
Minister Erlan Idrissov"; later mentions by surname resolved to the full name.

A name is a run of capitalised words that are not general vocabulary (roles, institutions, places,
calendar words: `data/names.yaml`, `data/roles.yaml`, the place and organisation gazetteers). It is
taken for a person when a role stands next to it, a speech verb follows it, or an honorific precedes
it. The role is read leftwards through role words, capitalised complements and connectors, or from
an appositive after the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from .. import data
from ..interpret.scan import cues
from .places import country_name
from .tokens import Stream, Tok, cap_indices, stream, tokens

__all__ = ["Tok", "tokens", "PersonEntity", "PersonMention", "find_people", "role_words", "not_name_words"]


_BASE = attrgetter("base")


@dataclass
class PersonMention:
    span: tuple[int, int]
    name: str
    role: str | None = None
    affiliation: str | None = None
    surname_only: bool = False
    # "L.Kudratov" with a role or a speech verb: a person as written when no full name is given
    initialed: bool = False
    # "X, then Deputy Prime Minister,": the role is one held before (a later one replaces it)
    past: bool = False
    # "Mr. Berg", "Ms Lind": an honorific stands before the name
    honorific: bool = False


@dataclass
class PersonEntity:
    name: str
    role: str | None = None
    affiliation: str | None = None
    mentions: list[PersonMention] = field(default_factory=list)
    # the role kept came with a past marker ("X, then Deputy Prime Minister,")
    past_role: bool = field(default=False, repr=False, compare=False)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [m.span for m in self.mentions]


@lru_cache(maxsize=1)
def _lex() -> dict:
    roles = data.load("roles")
    names = data.load("names")
    orgs = data.load("organizations")
    places = data.load("places")
    role_heads = set(roles["heads"])
    role_ws: set[str] = set()
    for h in roles["heads"]:
        role_ws.update(h.replace("-", " - ").split())
        role_ws.add(h)
    role_ws.update(roles["modifiers"])
    role_ws.discard("-")
    role_ws -= set(roles["connectors"]) | {"d'Affaires"}
    # portfolio words too: "Vice Minister of Commerce Ling Ji" is a title, then a name
    vocab = set(names["not_names"]) | role_ws | set(orgs.get("heads") or [])
    vocab |= set(roles.get("portfolio_words") or [])
    # plural titles ("the Ambassadors of Italy and Spain, A and B"): no name words either
    vocab |= {h + "s" for h in role_heads if " " not in h and h[:1].isupper() and not h.endswith("s")}
    vocab |= {h.rstrip(".") for h in names["honorifics"]} | set(names["honorifics"])
    for o in orgs["organizations"]:
        for form in [o["name"], *(o.get("aliases") or []), o.get("acronym") or ""]:
            vocab.update(w for w in form.split() if w[:1].isupper())
    for group in ("cities", "demonyms", "country_aliases"):
        for k in places.get(group) or {}:
            vocab.update(k.split())
    for r in places.get("regions") or []:
        vocab.update(r.split())
    head_words = {h.split()[-1] for h in role_heads} | {h.replace(" ", "-") for h in role_heads}
    head_words |= {h for h in role_heads if " " not in h}
    return {
        "vocab": vocab,
        "role_words": role_ws
        | {w.lower() for w in role_ws}
        | set(roles.get("lowercase_extra") or [])
        | set(roles.get("lowercase_heads") or []),
        "head_words": head_words | {w.lower() for w in head_words} | set(roles.get("lowercase_heads") or []),
        "particles": set(names["particles"]),
        "patronymics": frozenset(names.get("patronymic_suffixes") or []),
        "postnominals": frozenset(names.get("postnominals") or []),
        "company_suffixes": frozenset(names.get("company_suffixes") or []),
        "affiliation_kinds": frozenset(roles.get("affiliation_kinds") or []),
        "past_markers": frozenset(roles.get("past_markers") or []),
        "lower_units": frozenset(roles.get("lowercase_units") or []),
        "title_prefixes": frozenset(roles.get("title_prefixes") or []),
        "tense_markers": frozenset(roles.get("past_markers") or [])
        | frozenset(roles.get("present_markers") or []),
        # their first words: a cheap test before _tense_marker
        "tense_first": frozenset(
            m.split()[0] for m in (roles.get("past_markers") or []) + (roles.get("present_markers") or [])
        ),
        "plural_appos": re.compile(
            r",\s+(?:the\s+|both\s+|two\s+|the\s+two\s+)?(?:"
            + "|".join(map(re.escape, sorted(names.get("plural_appositions") or [], key=len, reverse=True)))
            + r")\b",
            re.I,
        ),
        "speech": set(names["speech_verbs"]),
        "action": frozenset(names.get("action_verbs") or []),
        "by_verbs": _LED_VERBS | frozenset(names.get("by_verbs") or []),
        "honorifics": set(names["honorifics"]),
        "connectors": set(roles["connectors"]),
        "eu_roles": roles.get("eu_roles") or [],
        "lower_heads": frozenset(roles.get("lowercase_heads") or []),
        "title_names": frozenset(names.get("title_given_names") or []),
        "lower_extra": frozenset(roles.get("lowercase_extra") or []),
        "inner": frozenset(roles.get("inner_words") or []),
        "nobility": frozenset(names.get("nobility") or []),
        "portfolios": frozenset(roles.get("portfolio_words") or []),
        "surname_first": frozenset(names.get("surname_first") or []),
        "surname_first_given": frozenset(names.get("surname_first_given") or []),
        "epithets": frozenset(roles.get("epithets") or []),
        "low_complements": frozenset(roles.get("lowercase_complements") or []),
        "gloss_heads": frozenset(roles.get("gloss_heads") or []),
        "low_files": frozenset(roles.get("lowercase_files") or [])
        | frozenset(w.lower() for w in roles.get("portfolio_words") or []),
        "employer_heads": frozenset(roles.get("employer_heads") or []) | set(orgs.get("heads") or []),
        "secondary": re.compile(
            r",\s+(?:" + "|".join(map(re.escape, roles.get("secondary_roles") or [])) + r")\b.*$", re.S
        )
        if roles.get("secondary_roles")
        else None,
    }


def role_words() -> set[str]:
    return _lex()["role_words"]


def not_name_words() -> set[str]:
    return _lex()["vocab"]


def _is_vocab_word(b: str) -> bool:
    lx = _lex()
    if b in lx["vocab"] or b.isupper() or country_name(b):
        return True
    return (
        any(part in lx["vocab"] for part in b.split("-")) and "-" in b and not b.split("-")[0][:1].isupper()
    )


def _name_like(t: Tok) -> bool:
    return _name_like_word(t.base)


@lru_cache(maxsize=1 << 16)
def _name_like_word(base: str) -> bool:
    """A capitalised word with a lower-case letter that is no general vocabulary. A function of the
    word alone (a token's `cap` and `word` flags read its first letter), so it is cached: a
    document asks about the same few hundred words again and again."""
    first = base[:1]
    if first.islower() and "-" in base:
        # "Saad al-Kaabi", "Abdullah el-Sisi": a particle joined to a capitalised surname
        part, _, rest = base.partition("-")
        return part in _lex()["particles"] and rest[:1].isupper() and any(c.islower() for c in rest)
    return first.isupper() and first.isalpha() and any(c.islower() for c in base) and not _is_vocab_word(base)


@lru_cache(maxsize=1 << 16)
def _particle_word(base: str) -> bool:
    return base.lower() in _lex()["particles"]


@lru_cache(maxsize=1 << 16)
def _word_kind(base: str) -> int:
    """1: name-like, 2: else a particle ("von", "bin"), 0: neither (cached, see _name_like_word)."""
    return 1 if _name_like_word(base) else 2 if _particle_word(base) else 0


def _particle(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    if not _particle_word(t.base) or i + 1 >= len(toks) or toks[i + 1].start - t.end > 1:
        return False
    nxt = toks[i + 1]
    return nxt.cap or (_particle_word(nxt.base) and i + 2 < len(toks) and toks[i + 2].cap)


def _spaced(text: str, end: int, start: int) -> bool:
    """Two tokens (the first's end, the next's start) stand next to each other on one line: only
    spaces between. The usual gaps (none, one space) are answered without slicing the text."""
    if start == end or (start == end + 1 and text[end] == " "):
        return True
    gap = text[end:start]
    return gap.strip() == "" and "\n" not in gap


def _initial(toks: list[Tok], j: int, text: str) -> bool:
    """A capital letter and a full stop between two parts of a name."""
    return (
        j + 2 < len(toks)
        and len(toks[j].text) == 1
        and toks[j].text.isupper()
        and toks[j + 1].text == "."
        and toks[j + 1].start == toks[j].end
        and text[toks[j - 1].end : toks[j].start] == " "
        and text[toks[j + 1].end : toks[j + 2].start] == " "
        and _name_like(toks[j + 2])
    )


@lru_cache(maxsize=1 << 12)
def _caps_word(base: str) -> bool:
    """A word in capitals that may be a surname: four letters or more, no acronym or country we know."""
    if len(base) < 4 or not base.isupper() or not base.replace("'", "").replace("-", "").isalpha():
        return False
    from .orgs import org_info

    return base not in _lex()["vocab"] and not country_name(base) and not org_info(base)


def _caps_surname(toks: list[Tok], j: int, text: str) -> bool:
    """Token j, in capitals, closes the name begun before it on the same line, and no capitalised
    word follows (a headline in capitals is no list of names)."""
    t = toks[j]
    if not _caps_word(t.base) or not _spaced(text, toks[j - 1].end, t.start):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    # ("Kallas VISITS Astana": a capitalised word after it makes it a headline's verb)
    return nxt is None or not (nxt.word and nxt.cap and _spaced(text, t.end, nxt.start))


def _caps_to_case(name: str) -> str:
    """ "Karin LINDQVIST" → "Karin Lindqvist", "Anne O'NEILL-BERG" → "Anne O'Neill-Berg"."""
    return " ".join(
        re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), w) if len(w) >= 4 and w.isupper() else w
        for w in name.split(" ")
    )


def _name_runs(toks: list[Tok], text: str, st: Stream | None = None) -> list[tuple[int, int]]:
    """[i, j) token ranges that look like personal names (≥ 2 name-like words, particles inside)."""
    runs = []
    n = len(toks)
    lx_given, lx_heads = _lex()["title_names"], _lex()["head_words"]
    lx_hon = _lex()["honorifics"]
    lx_patr = _lex()["patronymics"]
    lx_sf, lx_sfg = _lex()["surname_first"], _lex()["surname_first_given"]
    done = 0  # tokens before this one are read
    # a run opens with a capitalised name-like word or particle: pick those out in C-level passes
    caps = cap_indices(toks, st)
    for i in compress(caps, map(_word_kind, map(_BASE, map(toks.__getitem__, caps)))):
        if i < done:
            continue
        kind = _word_kind(toks[i].base)
        if kind == 1 or (kind == 2 and _particle(toks, i)):
            j = i + 1
            while j < n and not toks[j - 1].poss:
                if len(toks[j].text) == 1 and _initial(toks, j, text):
                    j += 2  # "Josep E. Borrell": a middle initial
                    continue
                t = toks[j]
                if not _spaced(text, toks[j - 1].end, t.start):
                    break
                kind = _word_kind(t.base)
                if not (kind == 1 or (kind == 2 and _particle(toks, j))):
                    if (
                        j == i + 1
                        and t.base in lx_sfg
                        and toks[i].base in lx_sf
                        and not (j + 1 < n and toks[j + 1].base[:1].isdigit())
                    ):
                        j += 1  # "Wang Jun": a given name that is also a month's abbreviation
                    break
                j += 1
            if j - i in (1, 2) and j < n and _caps_surname(toks, j, text):
                j += 1  # "Ms Karin LINDQVIST (EPP, SE)": a surname in capitals, as lists print them
            while j > i and _particle(toks, j - 1):
                j -= 1
            if j > i + 1 and j < n and toks[j].base in lx_patr and _spaced(
                text, toks[j - 1].end, toks[j].start
            ):
                j += 1  # "Nurlanbek Turgunbek uulu": the patronymic word closes the name …
                while j < n and _word_kind(toks[j].base) == 1 and _spaced(
                    text, toks[j - 1].end, toks[j].start
                ):
                    j += 1  # … or stands inside it ("Ilham Heydar oglu Aliyev")
            if j > i and i >= 2 and toks[i - 1].base in lx_given:
                h = i - 2
                while h > 0 and toks[h].text in ("*", "_"):
                    h -= 1  # "Officer **Sultan Al-Marshad**": emphasis between title and name
                if toks[h].base in lx_heads or (toks[h].cap and _role_left(toks, i - 1, text)[0] is not None):
                    # "its Chief Executive Officer Sultan Al-Marshad", "Minister of Industry Sultan Al
                    # Jaber": after a title, a given name
                    i -= 1
            if j > i and i >= 2 and _particle_word(toks[i - 1].base):
                # "President von der Leyen", "Mr van der Berg": particles opening a surname written
                # without the first name, right after a title or an honorific
                h = i
                while h > 1 and _particle_word(toks[h - 1].base) and _spaced(
                    text, toks[h - 1].end, toks[h].start
                ):
                    h -= 1
                if toks[h].base.islower() and (toks[h - 1].base in lx_heads or toks[h - 1].base in lx_hon):
                    i = h
            if j > i:
                runs.append((i, j))
            done = max(j, i + 1)
    return runs


def _role_left(
    toks: list[Tok], i: int, text: str, comma: bool = False
) -> tuple[str | None, str | None, int | None]:
    """Role words directly left of token i: (role, affiliation, start offset of the role). `comma`:
    token i stands for a comma before the name ("the Chairperson of the Mejlis, X")."""
    while i > 1 and toks[i - 1].text in ("*", "_") and toks[i - 1].end == toks[i].start:
        i -= 1  # "Officer **Sultan Al-Marshad**": markdown emphasis on the name
    if i == 0 or not (
        toks[i - 1].word
        or toks[i - 1].text in _CLOSE_QUOTES
        or toks[i - 1].text == ")"
        or text.endswith("a.i.", 0, toks[i - 1].end)
    ):
        return None, None, None  # every branch below stops at once on a token that is no word
    lx = _lex()
    k = i - 1
    first_role = None
    aff = None
    while k >= 0:
        t = toks[k]
        e, s = t.end, toks[k + 1].start
        if not (s == e or (s == e + 1 and text[e] == " ")):  # no gap or one space: go on at once
            gap = text[e:s]
            if gap.strip() or "\n" in gap:
                break  # a role does not run over a line break
        if t.base in ("The", "A", "An"):
            break  # … or past the article that opens it
        if t.text == "." and k >= 3 and text.endswith("a.i.", 0, t.end) and toks[k - 3].base == "a":
            k -= 4  # "Chargé d'Affaires a.i. Anna Berg": ad interim, part of the title
            continue
        if t.text in _CLOSE_QUOTES:
            q = _quote_open(toks, k)
            if q is None:
                break
            k = q - 1  # 'Chairman of the Board of JSC "Kazakh Invest" Meirzhan Yussupov': a quoted company
            continue
        acr = k >= 3 and toks[k - 2].text == "(" and toks[k - 1].base.isupper()  # "(ADY)" right before
        if t.text == ")" and (k + 1 < i or acr):
            # "the Toraga (Speaker) of the Jogorku Kenesh, X": a capitalised gloss of a title in
            # brackets stays part of the role
            o = next((q for q in range(k - 1, max(-1, k - 5), -1) if toks[q].text == "("), None)
            if o is None or o < 1 or o + 1 >= k or not all(x.cap for x in toks[o + 1 : k]):
                break
            if toks[o - 1].base not in lx["role_words"] and not (
                # "Chairman of Azerbaijan Railways (ADY) X": the acronym of the body the title names
                o + 2 == k and toks[o + 1].base.isupper() and toks[o - 1].cap and toks[o - 1].word
            ):
                break
            k = o - 1
            continue
        if (
            t.text in ("–", "-")
            and first_role is None
            and k > 0
            and toks[k - 1].cap
            and toks[k + 1].cap
            and toks[k - 1].end == t.start
            and t.end == toks[k + 1].start
        ):
            k -= 1  # "Secretary-General of the China–Central Asia Secretariat, X": sides joined by a dash
            continue
        if t.text in ("/", "–", "—") and first_role is not None:
            k -= 1  # "High Representative …/Vice-President …", "Deputy Prime Minister – Minister of …"
            continue
        glued = 0 < k < i - 1 and toks[k - 1].end == t.start and t.end == toks[k + 1].start
        if t.text in ("–", "—") and glued:
            k -= 1  # "the China–Central Asia Secretariat": a dash inside a name of the complement
            continue
        if t.text == ",":
            # A comma may sit inside a role ("Minister for Foreign Affairs, European Union and
            # Cooperation"), never right before the name.
            if k == i - 1 or first_role is None and not (k + 1 < i and toks[k + 1].cap):
                break
            k -= 1
            continue
        if t.poss and t.cap and not (
            # "Ambassador of the People's Republic of China": a possessive inside the complement's name
            k > 0 and k + 1 < i and toks[k + 1].cap and toks[k - 1].base in ("the", "of")
        ):
            aff = country_name(t.base) or aff
            break
        if t.word and (
            t.cap
            or t.base in lx["connectors"]
            or t.base in lx["role_words"]
            or t.base in lx["inner"]
            or (t.base in _left_connectors() and 0 < k < i - 1 and toks[k - 1].cap and toks[k + 1].cap)
        ):
            if t.base == "and" and k == i - 1:
                break
            if (
                t.base == "and"
                and k > 0
                and toks[k - 1].base in lx["head_words"]
                and toks[k + 1].base in lx["head_words"]
                and not any(x.base in lx["connectors"] or not x.cap for x in toks[k + 1 : i])
            ):
                break  # "the High Representative and Minister Saidov": two people, a bare title each
            if (
                _name_like(t)
                and t.base not in lx["role_words"]
                and not (
                    k > 0 and _complement_before(toks, k) and (k + 1 < i or comma or _CAMEL.search(t.base))
                )
                # ("Head of the Investment Promotion Agency X": a word inside a body's name, before
                # the capitalised word that ends it)
                and not (k + 1 < i and toks[k + 1].cap and toks[k + 1].word and not _name_like(toks[k + 1]))
            ):
                break  # a name; but "of Industry and Construction" is a role's complement
            if t.base in lx["role_words"] or t.base.rstrip("s") in lx["role_words"]:
                first_role = k
            elif first_role == k + 1 and t.base in lx["portfolios"]:
                first_role = k  # "Kazakh Transport Minister", "Digital Development Minister"
            k -= 1
            continue
        if t.word and "-" in t.base and (first_role == k + 1 or (first_role is None and k + 1 == i)):
            pre, _, rest = t.base.partition("-")
            if pre in lx["title_prefixes"] and (rest in lx["role_words"] or rest in lx["portfolios"]):
                first_role = k  # "then-Foreign Minister X", "ex-President X": the prefix opens the title
            break
        if (
            t.word
            and first_role == k + 1
            and t.base in lx["low_files"]
            and toks[first_role].base.islower()
            and (toks[first_role].base in lx["role_words"] or toks[first_role].base in lx["low_files"])
        ):
            first_role = k  # "EU foreign policy chief Kaja Kallas": the file before a lower-case title
            k -= 1
            continue
        if t.word and t.base.islower() and k + 1 <= i and (k + 1 == i or toks[k + 1].cap):
            # "Chair of the Delegation for relations with Central Asia X": a lower-case portfolio
            # after "for" that a capitalised word of the role opens; also right before the name
            # ("Deputy Secretary General of the EEAS for political affairs, Olof Skoog")
            f = next((x for x in range(k - 1, max(-1, k - 4), -1) if not toks[x].base.islower()), None)
            if f is not None and f < k and toks[f + 1].base == "for" and toks[f].cap and toks[f].word:
                k = f
                continue
            if k + 1 == i and t.base in lx["low_complements"] and k >= 2 and toks[k - 1].cap:
                # "Akim of Mangystau region X", "Head of Kazakhstan office, X": a noun closes the complement
                k -= 1
                continue
            if comma and k + 1 == i and (t.base in lx["lower_units"] or t.base in lx["low_complements"]):
                # "the deputy head of the presidential administration, X", "the spokesperson of the
                # ministry, X": a lower-case body (one adjective before it) after "of the"
                q = k - 1
                adj = toks[q] if q >= 0 else None
                if adj is not None and adj.word and adj.base.islower() and adj.base not in lx["connectors"]:
                    q -= 1
                if q >= 1 and toks[q].base == "the" and toks[q - 1].base in ("of", "for"):
                    k = q
                    continue
        break
    if first_role is None:
        return None, None, None
    if first_role > 0 and toks[first_role - 1].base.isupper() and _org_acronym(toks[first_role - 1].base):
        first_role -= 1  # "EEAS Deputy Secretary General"
    elif first_role > 0 and toks[first_role - 1].base.isupper() and country_name(toks[first_role - 1].base):
        first_role -= 1  # "EU Special Representative", "US Secretary of State": the party's acronym
        aff = aff or country_name(toks[first_role].base)
    elif first_role > 1 and toks[first_role - 1].cap and toks[first_role].base.islower():
        # "World Bank head Ajay Banga": an organisation's name before a lower-case title
        from .orgs import org_info

        for x in range(first_role - 1, max(-1, first_role - 6), -1):
            if not (toks[x].cap and toks[x].word):
                break
            info = org_info(text[toks[x].start : toks[first_role - 1].end])
            if info:
                first_role, aff = x, aff or info["name"]
                break
    # the role runs from the leftmost role word to the name; trailing connectors dropped
    j = i
    while j > first_role and (toks[j - 1].base in lx["connectors"] or toks[j - 1].text == ","):
        j -= 1
    if (
        j - first_role > 3
        and toks[j - 1].text == ")"
        and toks[j - 3].text == "("
        and toks[j - 2].base.isupper()
    ):
        j -= 3  # (the body's acronym in brackets is no part of the title)
    if not any(
        t.base in lx["head_words"]
        or t.base.rstrip("s") in lx["head_words"]
        or t.base.partition("-")[2] in lx["head_words"]  # "ex-President"
        for t in toks[first_role:j]
    ):
        return None, None, None
    role = text[toks[first_role].start : toks[j - 1].end]
    pre, dash, rest = role.partition("-")
    if dash and pre in lx["past_markers"] and " " not in pre:
        role = rest  # "then-Foreign Minister": the office as then held, without the time word
    if ", " in role and role.startswith(tuple(data.load("roles").get("membership_prefixes") or ())):
        # "Member of the Political Bureau …, Minister of Foreign Affairs … Wang Yi": the office
        tail = role.rpartition(", ")[2]
        at = toks[j - 1].end - len(tail)
        x = next((x for x in range(first_role, j) if toks[x].start == at), None)
        if x is not None and any(w in lx["head_words"] for w in tail.split()):
            role, first_role = tail, x
    if " " in role and ", " not in role:
        # "Head of the EU Delegation to Kyrgyzstan Ambassador Aleksandra Nowak": the fuller title (the
        # head word of a one-word title after a complemented one, as after a comma below)
        head, _, tail = role.rpartition(" ")
        last = head.split()[-1]
        if (
            tail in lx["head_words"]
            and _complemented(head)
            and last[:1].isupper()
            # "… and Foreign Minister", "… and Digital Development Minister": one title, not two
            and last not in lx["role_words"]
            and last not in lx["portfolios"]
        ):
            role = head
            j -= 1
    if ", " in role:
        # "Head of the EU Delegation to Uzbekistan, Ambassador Toivo Klaar": the fuller title
        head, _, tail = role.rpartition(", ")
        if _bare_title(tail) and _complemented(head) and tail.split()[-1] in lx["head_words"]:
            role = head
    if lx["secondary"] is not None and "," in role:
        # "Minister of Trade of the Republic of Uzbekistan, co-chairman of the Commission": the main role
        role = lx["secondary"].sub("", role)
    if aff is None:
        k2 = first_role - 1
        if k2 >= 0 and toks[k2].cap and country_name(toks[k2].base) and not toks[k2].poss:
            aff = country_name(toks[k2].base)
    return role, aff, toks[first_role].start


def _complement_before(toks: list[Tok], k: int) -> bool:
    """Token k continues a role's complement: after "of", "for", "and", "the", or after an acronym
    that does ("Chairman of the Board of KTZ Express", "Director General of ADY Container")."""
    b = toks[k - 1].base
    if b in ("and", "of", "for", "the"):
        return True
    if _CAMEL.search(toks[k].base):
        return True  # "Chairman of KazMunayGas Askhat Khassenov": a company's name, written in one word
    return k >= 2 and b.isupper() and len(b) >= 2 and toks[k - 2].base in ("of", "the", "for")


_CAMEL = re.compile(r"[a-z][A-Z]")


_CLOSE_QUOTES = frozenset(('"', "”", "»"))
_OPEN_QUOTES = frozenset(('"', "“", "«"))


def _quote_open(toks: list[Tok], k: int) -> int | None:
    """Index of the quote that opens the short quoted name closed at token k ("Kazakh Invest"):
    capitalised words only, at most six; None otherwise. The name must follow a word of the role."""
    for x in range(k - 1, max(-1, k - 8), -1):
        t = toks[x]
        if t.text in _OPEN_QUOTES:
            if x == k - 1 or not toks[x + 1].cap or x == 0 or not toks[x - 1].word:
                return None
            return x
        if not (t.word and (t.cap or t.base in ("of", "and", "for"))):
            return None
    return None


def _org_acronym(word: str) -> bool:
    from .orgs import org_info

    info = org_info(word)
    return bool(info and info.get("acronym") == word)


def _role_right(
    toks: list[Tok], j: int, text: str, lead: bool = False
) -> tuple[str | None, str | None, str | None]:
    """Appositive role after a name: "Luc Devigne, Acting Managing Director for …,", "Kamila
    Yusupova, an energy analyst at …", "Enrico Pinali, ADB country director for …". Returns (role,
    the country a possessive or demonym before it names, the organisation it names: an acronym or a
    known institution's name before the title, "the bank's", an employer after a comma). `lead`:
    token j is the word that leads to the role ("… who serves as Deputy Minister"), not a comma."""
    lx = _lex()
    if j >= len(toks) or (toks[j].text not in (",", "(", "–", "—", "|") and not lead):
        # "Luc Devigne, Director …", "Levan Kobiashvili (Chairman of …)", "Lasha Abashidze – Director …",
        # a table row "| Anna Berg | Minister of Energy |"
        return None, None, None
    k = j + 1
    if k < len(toks) and toks[k].base in lx["tense_first"]:
        k += _tense_marker(toks, k)  # "X, then Deputy Prime Minister,", "X, now Minister of …"
    if k < len(toks) and toks[k].base in ("the", "The", "an", "a"):
        k += 1
    org = None
    side = None
    start = None
    if k < len(toks) and toks[k].poss and country_name(toks[k].base):
        side = country_name(toks[k].base)  # "Hakan Fidan, Turkey's foreign minister,"
        k += 1
    elif k + 1 < len(toks) and toks[k].poss and toks[k].word and toks[k + 1].base in lx["role_words"]:
        # "Nicola Beer, the bank's Vice-President", "Sabine Weyand, the Commission's Director-General"
        from .orgs import org_info

        info = org_info(toks[k].base) if toks[k].cap else None
        org = info["name"] if info else None
        k += 1
    elif (
        k + 1 < len(toks)
        and toks[k].cap
        and not toks[k].poss
        and toks[k].base not in _lex()["role_words"]
        and toks[k + 1].base.islower()
        and country_name(toks[k].base)
    ):
        side = country_name(toks[k].base)  # "Ilham Aliyev, the Azerbaijani president,"
        k += 1
    elif (
        k + 1 < len(toks)
        and toks[k].base.isupper()
        and toks[k + 1].cap
        and toks[k + 1].base in lx["role_words"]
        and country_name(toks[k].base)
    ):
        side = country_name(toks[k].base)  # "Terhi Hakala, the EU Special Representative …": kept in the role
        start = k
        k += 1
    if k + 1 < len(toks) and toks[k].base.isupper() and _org_acronym(toks[k].base):
        from .orgs import org_info

        org = org_info(toks[k].base)["name"]  # "ADB country director for Uzbekistan"
        k += 1
    elif (
        org is None
        and side is None
        and k + 2 < len(toks)
        and toks[k].cap
        and toks[k + 1].cap
    ):
        n = _org_words_before_title(toks, k, text)
        if n:
            # "Marco Mantovanelli, World Bank Country Manager for Uzbekistan": the institution's
            # name, then its officer's title (as the acronym above)
            from .orgs import org_info

            org = org_info(text[toks[k].start : toks[k + n - 1].end])["name"]
            k += n
    if start is None:
        start = k
    q = k
    while q < len(toks) and q < k + 2 and toks[q].cap and toks[q].word:
        if toks[q].base in lx["role_words"] or _name_like(toks[q]):
            break
        q += 1
    if k < q < len(toks) and toks[q].cap and toks[q].base in lx["head_words"]:
        k = q  # "Olga Lind, Programme Manager, …", "Policy Officer": a general word before the head
    while k + 1 < len(toks) and toks[k].base in lx["lower_extra"] and toks[k + 1].word:
        k += 1  # "acting Deputy Director General of …", "former Prime Minister"
    if k > start and not (toks[k].cap and toks[k].base in lx["role_words"]):
        k = start
    if k < len(toks) and (toks[k].base not in lx["role_words"] or toks[k].base.islower()):
        # "energy analyst", "country director": up to two lower-case words before a lower-case head
        h = k
        while h < len(toks) and h < k + 3 and toks[h].word and toks[h].base.islower():
            if toks[h].base in lx["lower_heads"]:
                break
            h += 1
            nxt_low = h + 1 < len(toks) and toks[h].cap and toks[h + 1].base.islower()
            party = country_name(toks[h].base) if nxt_low else None
            if party:
                side = side or party  # "a senior EU official", "a senior Kazakh diplomat"
                h += 1
        if h >= len(toks) or toks[h].base not in lx["lower_heads"]:
            return None, None, None
        k = h
    if k >= len(toks) or toks[k].base not in lx["role_words"]:
        return None, None, None
    end = k
    while k < len(toks):
        t = toks[k]
        if _line_break(text, toks[k - 1], t):
            break  # "By Anna Berg, Minister of Foreign Affairs" on a line of its own: the role ends there
        if t.base in ("of", "for") and end == k - 1 and toks[end].base.islower():
            x = _lower_complement(toks, k + 1)
            if x > k + 1:
                end, k = x - 1, x  # "the Czech minister of industry and trade": a lower-case portfolio
                continue
        if t.base in ("of", "for") and end == k - 1 and k + 2 < len(toks) and toks[k + 1].base == "the":
            u = _lower_unit(toks, k + 2)
            if u:
                # "chairman of the board", "head of the presidential administration": the title ends on
                # the body (what it is "of" next is the employer, not the title)
                end = u - 1
                break
        if (
            t.text == ","
            and k + 1 < len(toks)
            and toks[k + 1].cap
            and any(x.base in ("for", "of") for x in toks[start:k])
            and not (k + 2 < len(toks) and _name_like(toks[k + 1]) and _name_like(toks[k + 2]))
            and _portfolio_list(toks, k)
        ):
            k += 1  # "Director for Russia, Eastern Partnership, Central Asia and OSCE at …"
            continue
        if (
            t.text in ("–", "—", "-")
            and k + 1 < len(toks)
            and toks[k + 1].base in lx["role_words"]
            and toks[k + 1].cap
        ):
            k += 1  # "Deputy Prime Minister – Minister of Investments and Foreign Trade"
            continue
        if (
            t.base == "with"
            and k + 2 < len(toks)
            and toks[k + 1].base == "the"
            and toks[k + 2].cap
            and end >= start
        ):
            k += 1  # "a senior economist with the World Bank": the employer
            continue
        if t.text in _OPEN_QUOTES and end == k - 1 and toks[end].cap:
            q = _quote_close(toks, k)
            if q is not None:
                end, k = q, q + 1  # 'Chairman of the Board of JSC NC "Kazakhstan Temir Zholy"'
                continue
        if t.text == "," and end == k - 1 and end >= start:
            unit = _unit_then_org(toks, k + 1, text)
            if unit is not None:
                # "Head of Unit for Central Asia, Directorate-General for International Partnerships,
                # European Commission": the unit belongs to the title, the institution is the employer
                end, org_name = unit
                org = org or org_name
                break
            x = _employer_end(toks, k + 1, text)
            if x is not None:
                # "Senior Fellow, Eurasian Transport Institute": the employer after a comma goes to
                # the affiliation, the role ends before it (speaker lists "Name, Role, Organisation")
                org = org or text[toks[k + 1].start : toks[x].end]
                break
            known = _known_org_closing(toks, k + 1, text) if k + 1 < len(toks) and toks[k + 1].cap else None
            if known is not None:
                org = org or known  # "Head of Kazakhstan, EBRD", "Managing Director, KfW"
                break
        if t.word and end == k - 1 and end > start:
            low = toks[end].base in lx["low_complements"]
            if t.base in lx["low_complements"] and (toks[end].cap or low):
                end, k = k, k + 1  # "head of the EBRD office …": the office of the institution just named
                continue
            if low and t.base == "in" and k + 1 < len(toks) and country_name(toks[k + 1].base):
                k += 1  # "… office in Uzbekistan": where the office is
                continue
        if t.word and (
            t.cap or t.base in lx["connectors"] or t.base in lx["role_words"] or t.base in lx["inner"]
        ):
            if (
                t.base == "and"
                and k + 1 < len(toks)
                and not toks[k + 1].cap
                and not (toks[k + 1].base == "the" and k + 2 < len(toks) and toks[k + 2].cap)
            ):
                break
            if (
                _name_like(t)
                and k + 1 < len(toks)
                and _name_like(toks[k + 1])
                and toks[k - 1].base not in ("for", "of")
                and not _closes_apposition(toks, k, text)
            ):
                break  # the next person; but "Director for Neighbouring Countries" is the role's own
            if t.cap or t.base in lx["head_words"]:
                end = k
            k += 1
            continue
        break
    if not any(t.base in lx["head_words"] for t in toks[start : end + 1]):
        return None, None, None
    return text[toks[start].start : toks[end].end], side, org


def _org_words_before_title(toks: list[Tok], k: int, text: str) -> int:
    """How many capitalised words from token k name a known institution (2–5 words, the name as the
    gazetteer writes it) that a role word follows ("World Bank Country Manager"); 0 otherwise."""
    role_words = _lex()["role_words"]
    r = k
    while r < len(toks) and r < k + 6 and toks[r].cap and toks[r].word:
        r += 1  # the capitalised words from k (one pass; the name is a prefix of them)
    for n in range(min(5, r - k), 1, -1):
        if k + n < len(toks) and toks[k + n].base in role_words:
            from .orgs import org_info

            if _spaced(text, toks[k + n - 1].end, toks[k + n].start) and org_info(
                text[toks[k].start : toks[k + n - 1].end]
            ):
                return n
    return 0


def _closes_apposition(toks: list[Tok], k: int, text: str) -> bool:
    """The name-like words from token k, inside a title's capitalised complement, end the apposition
    (a comma, a bracket, a full stop or the line's end follows): the end of a body's name ("…,
    Chairman of the Board of Kazakhstan Temir Zholy, said"), not a next person named after the title."""
    r = k
    while r < len(toks) and r < k + 4 and _name_like(toks[r]):
        r += 1
    return _apposition_ends(toks, r, text)


def _known_org_closing(toks: list[Tok], k: int, text: str) -> str | None:
    """A known institution (organizations.yaml, by name, alias or acronym) written from token k to
    the end of the apposition (a comma, a bracket, a full stop or the line's end follows): its
    name; None otherwise."""
    x = k
    links = ("for", "and", "of")
    while x < len(toks) and x < k + 8 and toks[x].word and (toks[x].cap or toks[x].base in links):
        if x > k and not _spaced(text, toks[x - 1].end, toks[x].start):
            break
        x += 1
    if x == k or not toks[k].cap:
        return None
    return _org_name(text[toks[k].start : toks[x - 1].end]) if _apposition_ends(toks, x, text) else None


def _lower_unit(toks: list[Tok], k: int) -> int:
    """End (exclusive) of one to four lower-case words from token k that close on the name of a body
    (roles.yaml `lowercase_units`: "board", "management board", "presidential administration"); 0 if
    they do not."""
    units = _lex()["lower_units"]
    for n in (1, 2, 3, 4):  # "of the logistics research department": up to three words before the body
        x = k + n - 1
        if x >= len(toks) or not (toks[x].word and toks[x].base.islower()):
            return 0
        if toks[x].base in units:
            return x + 1
    return 0


def _tense_marker(toks: list[Tok], k: int) -> int:
    """How many tokens from k say when the office after them was held ("then", "now", "at the
    time": roles.yaml `past_markers`, `present_markers`); 0 if none."""
    if k >= len(toks) or not toks[k].word:
        return 0
    marks = _lex()["tense_markers"]
    if toks[k].base in marks:
        return 1
    if toks[k].base == "at" and k + 2 < len(toks) and f"at {toks[k + 1].base} {toks[k + 2].base}" in marks:
        return 3
    return 0


def _past_marked(toks: list[Tok], k: int) -> bool:
    """Tokens from k open with a past marker ("then", "formerly", "at the time")."""
    n = _tense_marker(toks, k)
    if n == 0:
        return False
    words = " ".join(t.base for t in toks[k : k + n])
    return words in _lex()["past_markers"]


def _quote_close(toks: list[Tok], k: int) -> int | None:
    """Index of the quote closing the short quoted name opened at token k: capitalised words (and
    "of", "and", "for") only, at most six; None otherwise."""
    for x in range(k + 1, min(len(toks), k + 8)):
        t = toks[x]
        if t.text in _CLOSE_QUOTES:
            return x if x > k + 1 and toks[k + 1].cap else None
        if not (t.word and (t.cap or t.base in ("of", "and", "for"))):
            return None
    return None


def _line_break(text: str, a: Tok, b: Tok) -> bool:
    return "\n" in text[a.end : b.start]


def _apposition_ends(toks: list[Tok], r: int, text: str) -> bool:
    """An apposition ends before token r (r > 0): the text's end, a comma, a full stop, a
    semicolon, a closing bracket or a line break."""
    return r >= len(toks) or toks[r].text in (",", ".", ";", ")") or _line_break(text, toks[r - 1], toks[r])


def _unit_then_org(toks: list[Tok], k: int, text: str) -> tuple[int, str] | None:
    """(last token of the unit, the institution) for "<Capitalised unit>, <known institution>" from
    token k after a title and a comma, the institution ending the apposition; None otherwise."""
    links = ("of", "for", "and", "the")
    x = k
    while x < len(toks) and x < k + 10 and (toks[x].cap or (x > k and toks[x].base in links)):
        x += 1
    if x == k or x >= len(toks) or toks[x].text != "," or not toks[k].cap:
        return None
    y = x + 1
    while y < len(toks) and y < x + 9 and (toks[y].cap or toks[y].base in links):
        if _line_break(text, toks[y - 1], toks[y]):
            break
        y += 1
    if y == x + 1:
        return None
    if not _apposition_ends(toks, y, text):
        return None  # the name goes on
    name = _org_name(text[toks[x + 1].start : toks[y - 1].end])
    return (x - 1, name) if name else None


def _employer_end(toks: list[Tok], k: int, text: str) -> int | None:
    """Last token of an employer named from token k after a role and a comma: capitalised words
    (with "of", "for", "and", "the" inside) ending in an organisation's head word ("Eurasian
    Transport Institute", "Caspian Policy Lab", "Port of Baku"), then a comma, a bracket or the end
    of the sentence or line. None otherwise."""
    heads = _lex()["employer_heads"]
    last = None
    for x in range(k, min(len(toks), k + 8)):
        t = toks[x]
        if x > k and not _spaced(text, toks[x - 1].end, t.start):
            break
        if t.word and t.cap:
            if t.base in heads:
                last = x
            continue
        if t.base in ("of", "for", "and", "the") and x > k:
            continue
        break
    if last is None or not toks[k].cap:
        return None
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    gap = text[toks[last].end : nxt.start] if nxt is not None else ""
    if nxt is not None and nxt.text not in (",", ")", ".", ";") and "\n" not in gap:
        return None  # the name goes on
    return last


def _honorific_before(toks: list[Tok], i: int, lx: dict) -> int | None:
    """Index of an honorific right before token i ("Mr", "Ms.", "Dr" with its full stop), so that a
    role is read before it ("Ambassador of Latvia Mr. Andris Vilcans"); None if there is none."""
    if i >= 1 and toks[i - 1].base in lx["honorifics"] and toks[i - 1].text[:1].isupper():
        return i - 1
    dot = i >= 2 and toks[i - 1].text == "." and toks[i - 2].end == toks[i - 1].start
    if dot and toks[i - 2].base + "." in lx["honorifics"]:
        return i - 2
    return None


def _only_links(toks: list[Tok], a: int, b: int) -> bool:
    """Tokens a..b-1 are only commas and "and", with a short bracket after a name allowed
    ("Ministers A (Uzbekistan) and B (Kazakhstan)")."""
    depth = 0
    for t in toks[a:b]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.base not in (",", "and"):
            return False
    return depth == 0


def _honorifics_before(toks: list[Tok], i: int, text: str, lx: dict) -> int | None:
    """Index of the first of the honorifics right before token i, several allowed ("H.E. Mr. Murat
    Nurtleu", "Minister … H.E. Ms Anna Berg"); None if there is none."""
    first = _honorific_before(toks, i, lx)
    x = i if first is None else first
    while x > 0:
        y = _honorific_before(toks, x, lx)
        if y is None and x >= 4 and toks[x - 1].text == ".":
            y = x - 4 if text[toks[x - 4].start : toks[x - 1].end] in _HE else None  # "H.E.": four tokens
        if y is None:
            break
        first = x = y
    return first


def _bare_title(role: str) -> bool:
    """A title without complement ("Ambassador", "Deputy Minister"): an apposition may say more."""
    words = role.split()
    return len(words) <= 2 and not any(w in ("of", "for", "to", "at", "and") for w in words)


def _complemented(role: str) -> bool:
    """A capitalised title with a complement ("Head of the EU Delegation to Kazakhstan"), not a
    secondary one ("co-chair of the Commission")."""
    sec = _lex()["secondary"]
    return (
        role[:1].isupper()
        and any(w in ("of", "for", "to", "at") for w in role.split())
        and not (sec is not None and sec.search(", " + role))
    )


def _next_persons(toks: list[Tok], text: str, role: str, j: int, run_end: dict[int, int]) -> bool:
    """The apposition after one name runs into ", Name": "A, the Chairman of the Board of B, Daniyar
    Zhumabekov, and …" gives the title to the name it precedes, unless that name has an apposition
    of its own ("A, Chairman of B, C, Chairman of D")."""
    at = text.find(role, toks[j].end)
    if at < 0:
        return False
    end = at + len(role)
    e = j
    while e < len(toks) and toks[e].start < end:
        e += 1
    if e in run_end and "\n" not in text[end : toks[e].start]:
        return True  # "deputy A, Vice Minister of Transport B said": B's title, written before B
    if e + 1 >= len(toks) or toks[e].text != "," or e + 1 not in run_end:
        return False
    if toks[j + 1].base != "the":
        return False  # "Ilham Aliyev, President of Azerbaijan, Shavkat Mirziyoyev and …": the first one's
    j2 = run_end[e + 1]
    if j2 >= len(toks) or toks[j2].text not in (",", ".", "and"):
        return False
    return _role_right(toks, j2, text)[0] is None


def _lower_complement(toks: list[Tok], k: int) -> int:
    """End (exclusive) of up to three lower-case words from token k that name a portfolio ("industry",
    "foreign affairs", "industry and trade"): no article, verb or speech word among them."""
    speech = _lex()["speech"]
    x = k
    while x < len(toks) and x < k + 4:
        b = toks[x].base
        if not (toks[x].word and b.islower()) or b in speech or b.endswith("ed") or b in _NOT_PORTFOLIO:
            break
        if b == "and" and not (x + 1 < len(toks) and toks[x + 1].word and toks[x + 1].base.islower()):
            break
        x += 1
    while x > k and toks[x - 1].base == "and":
        x -= 1
    return x


_NOT_PORTFOLIO = frozenset(("the", "a", "an", "his", "her", "its", "their", "this", "that", "who", "which"))


def _portfolio_list(toks: list[Tok], k: int) -> bool:
    """After a comma inside "for …": a list of areas ending in "and X" before the role's end."""
    for x in range(k + 1, min(len(toks), k + 14)):
        b = toks[x].base
        if b == "and":
            return True
        if toks[x].text in (".", ";", "(", ")") or (not toks[x].cap and b not in ("of", "the", ",", "-")):
            return False
    return False


# "… at the Federal Ministry", "economist with the World Bank" (not "for relations with Central Asia")
_AT_TAIL = re.compile(r"\s+(?:at\s+(?:the\s+)?|with\s+the\s+)(.+)$")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_DASH = re.compile(r"\s+[–—]\s+")
_OF_SENDER = re.compile(
    r"^[^,]*?\bof\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}?)\s+(?:to|in)\s"
)
_LEADING_LINKS = re.compile(r"^(?:(?:the|The|of|for|and|on|to|at)\s+)+")


@lru_cache(maxsize=1024)
def _staff_org(name: str) -> str | None:
    """The canonical name of a known institution whose officers' titles are written without it
    (roles.yaml `affiliation_kinds`), else None."""
    from .orgs import org_info

    info = org_info(name)
    return info["name"] if info and info.get("kind") in _lex()["affiliation_kinds"] else None


@lru_cache(maxsize=4096)  # a function of the role's text alone; documents repeat their roles
def _clean_role(role: str) -> tuple[str, str | None]:
    """Split a country complement off a role: "First Deputy Prime Minister of the Republic of
    Kazakhstan" → ("First Deputy Prime Minister", "Kazakhstan"); "… at the Federal Ministry …" →
    role and the institution."""
    aff = None
    first = role.split(" ", 1)[0]
    if len(first) >= 2 and first.isupper() and " of " in role and not country_name(first):
        from .orgs import org_info

        info = org_info(first)
        if info:
            # "EBRD Head of Azerbaijan Marta Kovács": the bank's head of its Azerbaijan office; the
            # acronym names the institution, the country after "of" is the office's scope
            return role, info["name"]
    m = _AT_TAIL.search(role)
    if m:
        aff = m.group(1)
        role = role[: m.start()]
    for m in _OF.finditer(role):
        tail = role[m.end() :]
        if country_name(tail):
            aff = country_name(tail)
            role = role[: m.start()]
            break
        if aff is None and tail[:1].isupper() and m.start() > 0 and (staff := _staff_org(tail)):
            # "President of the EBRD", "Governor of the AIFC": a bank's or an agency's officer; the
            # institution goes to the affiliation (an EU institution's, an international
            # organisation's or a parliament's office stays whole: "President of the European Commission")
            aff = staff
            role = role[: m.start()]
            break
        dash = _DASH.search(tail)
        if dash and country_name(tail[: dash.start()]):
            # "Chairman of the Cabinet of Ministers of the Kyrgyz Republic – Head of the Presidential
            # Administration": the country of the first office, before the dash
            aff = country_name(tail[: dash.start()])
            role = role[: m.start()] + tail[dash.start() :]
            break
    if aff is None and " of " in role:
        # "Ambassador of Hungary to Uzbekistan": the country the envoy serves, the role kept whole
        sent = _OF_SENDER.search(role)
        if sent and country_name(sent.group(1)):
            aff = country_name(sent.group(1))
    role = _LEADING_LINKS.sub("", role).strip(" ,")
    words = role.split()
    if words and words[0].endswith("s") and words[0][:-1] in _lex()["role_words"] and len(words) == 1:
        role = words[0][:-1]
    return role, aff


@lru_cache(maxsize=4096)  # as _clean_role
def _plural_role(role: str) -> tuple[str, list[str]] | None:
    """ "Prime Ministers" → ("Prime Minister", []); "Foreign Ministers of Uzbekistan and Türkiye" →
    ("Foreign Minister", ["Uzbekistan", "Turkey"]); None when the role names one office."""
    heads = _lex()["head_words"]
    words = role.split()
    x = None
    for k, w in enumerate(words):
        if w in ("of", "for", "to", "at", "on"):
            return None  # "Deputy Chairman of the Cabinet of Ministers": a plural in the complement
        if len(w) > 3 and w.endswith("s") and w[:-1] in heads:
            x = k
            break
    if x is None:
        return None
    words[x] = words[x][:-1]
    affs: list[str] = []
    m = _OF_COUNTRIES.search(" ".join(words))
    if m:
        got = [country_name(c) for c in re.split(r",\s+|\s+and\s+", m.group(1))]
        if len(got) >= 2 and all(got):
            affs = got  # type: ignore[assignment]
            words = " ".join(words)[: m.start()].split()
    return " ".join(words), affs


_OF_COUNTRIES = re.compile(
    r"\s+of\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?(?:,\s+[A-Z][\w’'-]*)*\s+and\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?)$"
)


@lru_cache(maxsize=4096)  # as _clean_role
def _role_affiliation(role: str | None) -> str | None:
    if not role:
        return None
    from .orgs import org_info

    m = re.search(r"\b(?:of|at)\s+(?:the\s+)?([A-Z][\w\- ]+)$", role)
    if m:
        info = org_info(m.group(1).strip())
        if info:
            return info["name"]
    for w in role.split():
        info = org_info(w) if w.isupper() else None
        if info:
            return info["name"]
    from .orgs import known_orgs_in

    inside = known_orgs_in(role)
    if inside:
        return inside[0]["name"]  # "European Commission President"
    if "Commissioner" in role:
        return "European Commission"
    if role.startswith("High Representative"):
        return "European Union"
    words = role.split()
    for n, w in enumerate(words):
        # "Head of the EU Delegation to Kazakhstan": a party's acronym naming its own body (not "… to the EU")
        after_to = "to" in words[max(0, n - 2) : n]
        if w.isupper() and n + 1 < len(words) and words[n + 1][:1].isupper() and not after_to:
            c = country_name(w)
            if c:
                return c
    return None


def find_people(text: str) -> list[PersonEntity]:
    """Every person named in the text, with role, affiliation and all mention spans."""
    st = stream(text)
    toks = list(st.toks)
    lx = _lex()
    mentions: list[tuple[int, int, PersonMention]] = []
    last_plural_role: tuple[str, int] | None = None
    last_role: str | None = None  # the role of the last person named with one ("… and his counterpart")
    plural_affs: list[str] = []  # "Foreign Ministers of Uzbekistan and Türkiye": the sides, in order
    plural_n = 0
    runs = _name_runs(toks, text, st)
    run_end = dict(runs)
    suffixes = lx["company_suffixes"]
    covered = -1  # end of the last title read after a name: no name inside it is a person
    for i, j in runs:
        if toks[i].start < covered:
            continue  # "X, Chairman of the Board of Kazakhstan Temir Zholy, said": a body's name
        if toks[j - 1].base in suffixes or (
            j < len(toks) and toks[j].base in suffixes and _spaced(text, toks[j - 1].end, toks[j].start)
        ):
            continue  # "Hydrogen Steppe GmbH": a company's name
        if (
            i >= 2
            and toks[i - 1].base in ("for", "of", "on")
            and toks[i - 2].cap
            and toks[i - 2].base in lx["role_words"]
        ):
            if j - i >= 3 and _CAMEL.search(toks[i].base):
                i += 1  # "Chairman of KazMunayGas Askhat Khassenov": the company, then the name
            else:
                continue  # "Director for Neighbouring Countries": the role's complement, not a person
        if i >= 2 and toks[i - 1].base == "the" and toks[i - 2].base in ("of", "for"):
            continue  # "a member of the Political Bureau of the Communist Party": no name takes "the"
        # "L.Kudratov", "Kh. Geldimuradov": initials written before a surname (translated releases)
        ini = i >= 2 and j == i + 1 and toks[i - 1].text == "." and _initials_before(toks, i, text)
        first = i - 2 if ini else i
        if ini and first >= 2 and toks[first - 1].text == "." and _initials_before(toks, first, text):
            first -= 2  # "R. O. Meredov", "R.O.Meredov": a given name's and a patronymic's initials
        name = text[toks[first].start : toks[j - 1].end]
        # the possessive of the last word is not part of the name
        if toks[j - 1].poss:
            name = name[: len(name) - (len(toks[j - 1].text) - len(toks[j - 1].base))]
        if toks[j - 1].base.isupper():
            name = _caps_to_case(name)
        hon = _honorific_before(toks, first, lx)
        if hon is not None or (first >= 4 and toks[first - 1].text == "." and toks[first - 2].text == "E"):
            hon = _honorifics_before(toks, first, text, lx)  # "H.E. Mr. Murat Nurtleu"
        role, aff, _ = _role_left(toks, hon if hon is not None else first, text)
        if role is not None and " " in role and role.rsplit(" ", 1)[1] in lx["nobility"]:
            # "Minister of Energy Prince Abdulaziz bin Salman": a rank, no part of the office
            rest = role.rsplit(" ", 1)[0]
            if any(w in lx["head_words"] for w in rest.split()):
                role = rest
        scoped = False
        past = False
        side_aff = None
        ja = j
        while ja < len(toks) and toks[ja].text in ("*", "_") and toks[ja].start == toks[ja - 1].end:
            ja += 1  # "**Kubanychbek Omuraliev**, the Secretary General …": emphasis on the name
        if (
            ja < len(toks)
            and toks[ja].base in lx["postnominals"]
            and _spaced(text, toks[ja - 1].end, toks[ja].start)
        ):
            ja += 1  # "Lukas Reinhold MEP, Chair of DCAS": the letters after the name, then the role
        elif (
            ja + 2 < len(toks)
            and toks[ja].text == ","
            and toks[ja + 1].base in lx["postnominals"]
            and toks[ja + 2].text == ","
            and _role_right(toks, ja + 2, text)[0] is not None
        ):
            ja += 2  # "Lukas Reinhold, MEP, Chair of DCAS": the letters between commas, then the role
        if ja < len(toks) and toks[ja].text == "(" and toks[ja].start == toks[ja - 1].end + 1:
            # "Marta Ferreira (S&D, Portugal), Vice-Chair of the Delegation": a bracket after the name
            close = next((x for x in range(ja + 1, min(len(toks), ja + 10)) if toks[x].text == ")"), None)
            if (
                close is not None
                and close + 1 < len(toks)
                and toks[close + 1].text == ","
                # "Anna Berg (Head of Unit), Karl Weber (…)": a bracket that holds the role itself
                and _role_right(toks, ja, text)[0] is None
            ):
                # (the country in the bracket stays the person's: "(S&D, Portugal)")
                inside = (country_name(toks[x].base) for x in range(ja + 1, close))
                aff = aff or next((c for c in inside if c), None)
                ja = close + 1
        if role is None or _bare_title(role):
            r2, side, org = _role_right(toks, ja, text)
            if r2 and role is not None and not _complemented(r2):
                r2 = None  # "Ambassador X, Head of the EU Delegation to Y": only a fuller title replaces it
            if r2 and _next_persons(toks, text, r2, ja, run_end):
                r2 = None  # "…, the Chairman of the Board of KTZ, Daniyar Zhumabekov,": the next one's
            if r2:
                role = r2
                aff = aff or org
                side_aff = side  # after the institution the role itself names, if any
                scoped = org is not None  # "EBRD Head of Kazakhstan": the country is the role's scope
                nx = ja + 1
                past = nx < len(toks) and toks[nx].base in lx["tense_first"] and _past_marked(toks, nx)
                at = text.find(r2, toks[ja].end)
                covered = at + len(r2) if at >= 0 else covered
        ci = hon if hon is not None else i  # "the Ambassador of Hungary, Mr. Zoltan Varga,"
        if ja > j and ci >= 3 and toks[ci - 1].text in ("*", "_") and toks[ci - 1].end == toks[ci].start:
            # "the Secretary-General of the Secretariat, **Sun Weidong**, briefed": emphasis on the name
            while ci >= 3 and toks[ci - 1].text in ("*", "_") and toks[ci - 1].end == toks[ci].start:
                ci -= 1
        if (
            role is None
            and ci >= 2
            and toks[ci - 1].text == ","
            and (
                ja == len(toks)
                or toks[ja].text in (",", ".", "and", ";")
                # "greetings of the President of Tajikistan, Emomali Rahmon to the leadership of …"
                or toks[ja].base in _APPOS_CLOSERS
                # "Transcript of the briefing by the Official Representative of the MFA, Aibek
                # Smadiyarov" as a line of its own: the name closes the line
                or _line_break(text, toks[ja - 1], toks[ja])
            )
        ):
            # "the High Representative, Josep Borrell."; "the Foreign Ministers of A and B, X and Y,"
            role, aff = _comma_role(toks, ci, text)
            after = toks[ja].text if ja < len(toks) else ""
            if role is None and after == ",":
                # "The head of the EBRD office in Uzbekistan, Tatiana Vedeneeva, said": a title that
                # opens the sentence, written in lower case with its place
                role = _opening_title(toks, ci, text)
            if role is not None and after == "and" and _plural_role(role) is None:
                role, aff = None, None  # "the Minister, X and Y": one title, not both
        if role is None and text.startswith(", who ", toks[j - 1].end):
            # "Marat Bekenov, who heads Kazakhstan's Ministry of Transport"
            wm = _WHO_HEADS.match(text, toks[j - 1].end)
            if wm:
                role = f"head of the {wm.group(2)}"
                aff = country_name(wm.group(1) or "") or aff
            else:
                role, aff = _who_role(toks, j + 1, text, aff)
                # "X, who was then Deputy Prime Minister,"
                past = role is not None and any(
                    _past_marked(toks, x) for x in range(j + 2, min(len(toks), j + 5))
                )
        if role is None and "\n" in text[toks[j - 1].end : toks[j - 1].end + 40]:
            role = _card_role(text, toks[first].start, toks[j - 1].end)
        if (
            role is None
            and last_plural_role
            and 0 < i - last_plural_role[1] <= 10
            and _only_links(toks, last_plural_role[1], i)
        ):
            role = last_plural_role[0]  # "Presidents Ilham Aliyev and Kassym-Jomart Tokayev"
            if plural_n < len(plural_affs):
                aff = aff or plural_affs[plural_n]  # "Foreign Ministers of A and B X and Y": in order
            plural_n += 1
        nxt = toks[j] if j < len(toks) else None
        prev = toks[i - 1] if i > 0 else None
        honorific = prev is not None and (
            prev.base in lx["honorifics"]
            # "Mr. Berg": the honorific's full stop is a token of its own
            or (
                prev.text == "."
                and i >= 2
                and toks[i - 2].end == prev.start
                and toks[i - 2].base + "." in lx["honorifics"]
            )
        )
        speech = (
            honorific
            or (nxt is not None and nxt.base in lx["speech"])
            or (prev is not None and prev.base in lx["speech"])
        )
        n_words = len([t for t in toks[i:j] if not _particle_word(t.base)])
        if not speech and n_words >= 2 and _speaker_label(text, toks[i].start, toks[j - 1].end, name):
            speech = True  # "Aibek Smadiyarov: Good afternoon …": a transcript's speaker
        by_verbs = lx["by_verbs"]
        if not speech and n_words >= 2 and i >= 2 and prev.base == "by" and toks[i - 2].base in by_verbs:
            speech = True  # "the meeting was co-chaired by Kaja Kallas": who led it is a person
        if (
            not speech
            and n_words >= 2
            and nxt is not None
            and nxt.base in lx["action"]
            and not nxt.cap
            and (prev is None or not prev.cap or not _spaced(text, prev.end, toks[i].start))
        ):
            # "Bakhrom Aloev received the ambassador": what only a person does (not the tail of a
            # longer capitalised name, "Kazakhstan Temir Zholy met investors")
            speech = True
        if ini:
            mentions.append(
                (
                    first,
                    j,
                    PersonMention(
                        (toks[first].start, toks[first].start + len(name)),
                        name,
                        _clean_role(role)[0] if role else None,
                        aff or (_clean_role(role)[1] if role else None),
                        surname_only=True,
                        initialed=bool(role or speech),
                    ),
                )
            )
            continue
        if role:
            role_c, aff2 = _clean_role(role) if not scoped else (role, None)
            aff = aff or aff2
            plural = _plural_role(role)
            if plural is not None:
                role_c, plural_affs = plural
                plural_n = 1
                aff = (plural_affs[0] if plural_affs else None) or aff
                last_plural_role = (role_c, j)
            elif role.split()[0].endswith("s") and role.split()[0][:-1] in lx["role_words"]:
                last_plural_role = (role_c, j)
            role = role_c
            if role.split()[-1] in ("counterpart", "colleague"):
                # "Foreign Minister Jeyhun Bayramov and his Kazakh counterpart Murat Nurtleu": the same office
                if last_role is not None:
                    role = last_role
                if aff is None and len(role_c.split()) == 2:
                    aff = country_name(role_c.split()[0])
            else:
                last_role = role
        if last_plural_role and role == last_plural_role[0]:
            last_plural_role = (role, j)
        if not speech and prev is not None and prev.text == "." and text.endswith(_HE, 0, prev.end):
            speech = honorific = True  # "opened by H.E. Murat Nurtleu"
        if (
            ((not role and not speech) or (role and aff is None))
            and n_words >= 2
            and j + 2 < len(toks)
            and toks[j].text == "("
        ):
            # "Jeenbek Kulubaev (Kyrgyzstan)", "Luc Devigne (EEAS)": a name with its country or
            # institution; also after a title ("Deputy Foreign Minister Roman Vassilenko (Kazakhstan)")
            close = next((x for x in range(j + 2, min(len(toks), j + 8)) if toks[x].text == ")"), None)
            inner = text[toks[j + 1].start : toks[close - 1].end] if close is not None else ""
            got = (country_name(inner) or _org_name(inner)) if inner else None
            if not got and ", " in inner:
                # "Marta Ferreira (S&D, Portugal)": a member listed with a party group and a country
                got = country_name(inner.rsplit(", ", 1)[1])
            if got:
                aff = aff or got
                speech = True
                if close + 1 < len(toks) and toks[close + 1].text == ",":
                    # "Marta Ferreira (S&D, Portugal), Vice-Chair": the role after the bracket
                    r3, _side3, _org3 = _role_right(toks, close + 1, text)
                    role = r3 or role
        if not role and not speech and n_words >= 2 and j + 2 < len(toks) and toks[j].base == "of":
            org_name = _org_after(toks, j + 1) or _institution_after(toks, j + 1)
            if org_name is not None:
                # "and Luc Devigne of the European External Action Service": named with the institution
                aff = aff or org_name
                speech = True
        # "Name of Kazakhstan"
        if j + 1 < len(toks) and toks[j].base == "of" and country_name(toks[j + 1].base):
            aff = aff or country_name(toks[j + 1].base)
            if last_plural_role:
                last_plural_role = (last_plural_role[0], j + 2)
        aff = aff or _role_affiliation(role) or side_aff
        if (
            not role
            and not speech
            and n_words >= 2
            and i >= 1
            and toks[i - 1].poss
            and country_name(toks[i - 1].base)
            and _PERSON_CONTEXT.search(_sentence_around(text, toks[i].start))
        ):
            aff = country_name(toks[i - 1].base)  # "Uzbekistan's Shavkat Mirziyoyev": named with a country
            speech = True
        if not role and not speech:
            mentions.append(
                (i, j, PersonMention((toks[i].start, toks[i].start + len(name)), name, surname_only=True))
            )
            continue
        mentions.append(
            (
                i,
                j,
                PersonMention(
                    (toks[i].start, toks[i].start + len(name)),
                    name,
                    role,
                    aff,
                    surname_only=n_words < 2,
                    # "President von der Leyen": a surname with its particles, under a title, names one
                    # person as written even when the text never gives the first name
                    initialed=n_words < 2
                    and bool(role)
                    and toks[i].base[:1].islower()
                    and _particle_word(toks[i].base),
                    honorific=honorific,
                    past=past and bool(role),
                ),
            )
        )
    _coordinated_names(mentions, toks, text, lx)
    _honorific_surnames(mentions)
    people = _resolve(mentions)
    cue = cues(text)  # (the text's shared cue-word pass: see interpret.scan.Cues)
    if any(p.role is None for p in people) and cue["The "]:
        _role_from_next_sentence(text, people)
    if cue["ead of "]:
        _office_of_epithet(text, people)
    return people


@lru_cache(maxsize=1)
def _left_connectors() -> frozenset[str]:
    return frozenset(data.load("roles").get("left_connectors") or ())


@lru_cache(maxsize=1)
def _epithet_rx() -> tuple[dict[str, list[str]], re.Pattern]:
    table = data.load("roles").get("epithet_titles") or {}
    titles = sorted({t for ts in table.values() for t in ts}, key=len, reverse=True)
    rx = re.compile(
        r"\b[Tt]he\s+(" + "|".join(map(re.escape, titles)) + r")(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?"
        r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?![\w-])|(?=\s+[a-z]))(?!\s+[A-Z])"
    )
    return table, rx


def _office_of_epithet(text: str, people: list[PersonEntity]) -> None:
    """ "Head of State Kassym-Jomart Tokayev held talks … the President of Kazakhstan noted": the one
    person known only by an epithet holds the office the text names with its country (data/roles.yaml
    `epithet_titles`), unless someone else is named with that office."""
    table, rx = _epithet_rx()
    held = [p for p in people if p.role in table]
    if len(held) != 1:
        return
    p = held[0]
    offices = set()
    for m in rx.finditer(text):
        if m.group(1) not in table[p.role]:
            continue
        # "the President of Kazakhstan noted", or a bare "The President stressed" (no country)
        country = country_name(m.group(2)) if m.group(2) else ""
        if country is None:
            continue
        if any(
            q is not p
            and q.role
            and q.role.startswith(m.group(1))
            and (not country or q.affiliation in (None, country))
            for q in people
        ):
            continue
        offices.add((m.group(1), country))
    if len({t for t, _c in offices}) == 1:
        title = next(iter(offices))[0]
        countries = {c for _t, c in offices if c}
        p.role = title
        if len(countries) == 1:
            p.affiliation = p.affiliation or next(iter(countries))


@lru_cache(maxsize=1)
def _the_role() -> re.Pattern:
    heads = sorted((h for h in data.load("roles")["heads"] if h[:1].isupper()), key=len, reverse=True)
    return re.compile(
        r"The\s+("
        + "|".join(map(re.escape, heads))
        + r")\s+(?=[a-z])(?!(?:of|for|to|and|at|on|in|and|who|whose)\b)"
    )


def _role_from_next_sentence(text: str, people: list[PersonEntity]) -> None:
    """ "Kassym-Jomart Tokayev stressed that … The President noted that …": a person named without a
    role who opens a sentence is the one the next sentence calls by a bare title ("The President",
    a verb after it); the title is the person's role. Only when the person is the sentence's subject
    and nobody else is named before the title."""
    rx = _the_role()
    for p in people:
        if p.role is not None:
            continue
        for m in p.mentions:
            a = m.span[0]
            before = text[max(0, a - 3) : a]
            if a and not (before.endswith(("\n", ". ")) or text[:a].strip() == ""):
                continue  # not at a sentence's start
            end = text.find(". ", m.span[1])
            if end < 0 or "\n" in text[m.span[1] : end]:
                continue
            tm = rx.match(text, end + 2)
            if tm and not any(
                o is not p and any(m.span[1] <= om.span[0] < end for om in o.mentions) for o in people
            ):
                p.role = tm.group(1)
                break


_LED_VERBS = frozenset(("led", "headed", "chaired", "co-chaired", "hosted", "opened", "moderated"))

# a sentence about people (not "Kazakhstan's Samruk Kazyna will invest …")
_PERSON_CONTEXT = re.compile(
    r"\b(?:attended|met|meet|joined|hosted|welcomed|received|led|headed|said|says|told|spoke|leaders?|"
    r"presidents?|President|ministers?|Minister|counterparts?|talks\s+with)\b"
)


def _initials_before(toks: list[Tok], i: int, text: str) -> bool:
    """ "L." or "Kh." right before token i: one or two letters, the first a capital, then a full stop
    touching them, then the surname after no space or one."""
    t, dot = toks[i - 2], toks[i - 1]
    hon = _lex()["honorifics"]
    return (
        1 <= len(t.text) <= 2
        and t.text not in hon
        and t.text + "." not in hon  # "Mr. Borrell" is an honorific, not an initial
        and t.text[:1].isupper()
        and t.text.isalpha()
        and dot.start == t.end
        and toks[i].start - dot.end <= 1
        and (i < 3 or not toks[i - 3].word or toks[i - 3].end < t.start)
    )


def _sentence_around(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), 0)
    b = text.find(". ", pos)
    return text[a : b if b >= 0 else len(text)]


# a name alone on its line (emphasis, a " · 1st" or " | …" tail allowed), as profile cards, contact
# blocks and signatures print it; the title fills the next line
_LINE_OPEN = re.compile(r"(?:^|\n)[ \t]*[*_#>]*[ \t]*$")
_LINE_TAIL = re.compile(r"[*_]*[ \t]*(?:[·•|][^\n]*)?\n")
_CARD_CUT = re.compile(r"\s+[|·•]\s+|\s*[*_]+\s*$")


def _card_role(text: str, start: int, end: int) -> str | None:
    """The title printed on the line under a name that stands alone on its line ("**Anna Berg** · 1st
    / Ambassador of the European Union to …"); None when the next line is no title."""
    if not _LINE_OPEN.search(text, max(0, start - 12), start):
        return None
    m = _LINE_TAIL.match(text, end)
    if m is None:
        return None
    nl = text.find("\n", m.end())
    line = text[m.end() : nl if nl >= 0 else len(text)].strip().strip("*_").strip()
    line = _CARD_CUT.split(line, 1)[0]
    words = line.split()
    if not words or len(words) > 14 or line.endswith((".", "!", "?", ":")):
        return None
    lx = _lex()
    first = words[1] if words[0].isupper() and len(words) > 1 else words[0]
    if first not in lx["role_words"] or not any(w in lx["head_words"] for w in words):
        return None
    return line


_WHO_HEADS = re.compile(
    r",\s+who\s+(?:heads|leads|chairs)\s+(?:the\s+)?(?:([A-Z][\w\-]+)['’]s\s+)?"
    # "… heads the trade section of the EU Delegation": up to three lower-case words before "of the"
    r"((?:[a-z][\w\-]*\s+){0,3}?(?:of\s+(?:the\s+)?)?[A-Z][\w\-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w\-]*)*)"
)
# "…, who serves as Deputy Minister", "…, who is the Ambassador of …": the role follows right away
_WHO_IS = frozenset(("is", "serves", "works", "acts", "was"))
_APPOINTED = frozenset(("appointed", "named", "elected", "nominated"))
_ALSO = frozenset(("also", "now", "currently", "concurrently", "then", "formerly", "previously", "still"))


def _who_role(toks: list[Tok], w: int, text: str, aff: str | None) -> tuple[str | None, str | None]:
    """The role a relative clause gives after the name ("who is the Ambassador of X", "who serves as
    Deputy Minister", "who oversees relations with Asia as Deputy Foreign Minister"); token w is
    "who". (role, affiliation)."""
    lead = None
    for x in range(w + 1, min(len(toks) - 1, w + 16)):
        b = toks[x].base
        if b in (",", ".", ";", ":", "(", ")") or b in ("and", "but", "said", "told"):
            break
        if x == w + 2 and toks[x - 1].base in _WHO_IS and (b in _APPOINTED or b in _ALSO):
            lead = x  # "who was appointed EU Special Representative …", "who is also Deputy Prime Minister"
            break
        if b == "as" or (x == w + 1 and b in _WHO_IS and toks[x + 1].base not in ("as", *_ALSO, *_APPOINTED)):
            lead = x
            break
        if x == w + 1 and b not in ("also", "now", "currently") and b not in _WHO_IS and not b.endswith("s"):
            return None, aff  # "who met …", "who arrived …": no role in the clause
    if lead is None:
        return None, aff
    role, side, org = _role_right(toks, lead, text, lead=True)
    if role is None:
        return None, aff
    role_c, aff2 = _clean_role(role)
    return role_c, aff or aff2 or org or side


_HE = ("H.E.", "H. E.")  # "His/Her Excellency", written before a name


def _org_name(name: str) -> str | None:
    """The gazetteer name of a known institution written as `name` (or its acronym), else None."""
    from .orgs import org_info

    info = org_info(name)
    return (info.get("name") or name) if info else None


def _org_after(toks: list[Tok], k: int) -> str | None:
    """The known institution (data/organizations.yaml) named from token k on ("the European External
    Action Service", "the EBRD"), as the gazetteer names it; else None."""
    if k < len(toks) and toks[k].base == "the":
        k += 1
    words: list[str] = []
    for t in toks[k : k + 7]:
        if not t.word or not (t.cap or t.base in ("for", "and", "of", "on")):
            break
        words.append(t.base)
    while words:
        name = _org_name(" ".join(words))
        if name:
            return name
        words.pop()
    return None


# lower-case words that may follow a name in apposition to the title before it (find_people: "the
# President of Tajikistan, Emomali Rahmon to …")
_APPOS_CLOSERS = frozenset(("to", "at", "in", "on", "with", "for", "from", "during", "who"))


def _institution_after(toks: list[Tok], k: int) -> str | None:
    """ "Roman Vassilenko of the Kazakh Foreign Ministry", "X of the Uzbek Ministry of Energy": an
    institution the gazetteer does not know, named by "the", capitalised words and an organisation
    head noun (organizations.yaml heads); its country when a country or demonym opens it, else the
    words as written; None when no such name follows."""
    if k >= len(toks) or toks[k].base != "the":
        return None
    heads = _lex()["employer_heads"]
    words: list[Tok] = []
    for t in toks[k + 1 : k + 7]:
        if not t.word or not (t.cap or (words and t.base in ("of", "for", "and"))):
            break
        words.append(t)
    while words and not words[-1].cap:
        words.pop()
    if len(words) < 2 or not any(t.base in heads for t in words):
        return None
    return country_name(words[0].base) or " ".join(t.text for t in words)


_OPENING_LINKS = frozenset(("of", "for", "and", "the", "to", "at", "on", "in"))


def _opening_title(toks: list[Tok], i: int, text: str) -> str | None:
    """The words from the opening of the sentence ("The", "Its") to the comma before the name at
    token i, when they are a title: a head word (data/roles.yaml, any case) right after the article,
    then only capitalised words, links and lower-case complements ("office", "department")."""
    lx = _lex()
    k = i - 2
    h = k
    while h > 0 and toks[h - 1].word and k - h < 12:
        h -= 1
    if h > 0 and toks[h - 1].text not in (".", "\n") and "\n" not in text[toks[h - 1].end : toks[h].start]:
        return None  # not the opening of a sentence or a line
    if toks[h].base not in ("The", "the", "Its", "Our", "An", "A") or h + 1 > k:  # "An analyst at …, X,"
        return None
    head = toks[h + 1]
    if head.base not in lx["head_words"] and head.base.lower() not in lx["lower_heads"]:
        return None
    fits = _OPENING_LINKS | lx["low_complements"] | lx["role_words"]
    if not all(t.cap or t.base in fits for t in toks[h + 2 : k + 1]):
        return None
    return text[head.start : toks[k].end]


def _comma_role(toks: list[Tok], i: int, text: str) -> tuple[str | None, str | None]:
    """Role written before a comma and the name: "Kazakhstan's Minister of Foreign Affairs, Erlan
    Idrissov, signed"."""
    lx = _lex()
    k = i - 2
    paren = ""
    if k >= 3 and toks[k].text == ")":
        # "The Authorized Person of the Oliy Majlis for Human Rights (Ombudsman), X": a short
        # capitalised gloss in brackets closes the title and stays part of it
        o = next((q for q in range(k - 1, k - 5, -1) if toks[q].text == "("), None)
        if o is not None and o > 0 and o + 1 < k and all(t.cap for t in toks[o + 1 : k]):
            # (an acronym in brackets names the office's body, not the title: dropped)
            inner = text[toks[o + 1].start : toks[k - 1].end]
            paren = "" if inner.isupper() else " " + text[toks[o].start : toks[k].end]
            k = o - 1
        elif (
            o is not None
            and o > 0
            and toks[o - 1].cap
            and all(t.word and t.base.islower() for t in toks[o + 1 : k])
            and toks[k - 1].base in lx["gloss_heads"]
        ):
            # "the Chairman of the Majlisi Milli (upper house), X": a lower-case gloss of the body's
            # name explains it to the reader and is no part of the title
            k = o - 1
    if k < 0 or not (
        toks[k].cap or (toks[k].word and toks[k].base.islower()) or toks[k].text in _CLOSE_QUOTES
    ):
        # (a closing quote ends a quoted company: 'the Chairman of the Board of JSC "KTZ", X')
        return None, None  # a lower-case last word: "… for political affairs, X", "secretary general, X"
    sub = toks[: k + 1] + [Tok("X", toks[k].end + 1, toks[k].end + 2, "X", False)]
    fake = text[: toks[k].end] + " X" + text[toks[k].end + 2 :]
    role, aff, _ = _role_left(sub, len(sub) - 1, fake, comma=True)
    if role is None or not any(w in lx["head_words"] or w[:-1] in lx["head_words"] for w in role.split()):
        return None, None  # (a plural title: "the Ambassadors of Italy and Spain, A and B")
    return role + paren, aff


_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s?)+")


# a transcript's speaker label: the name opens its line ("**Kaja Kallas:**", "Answer (Aibek
# Smadiyarov):") and a colon then the words spoken follow
# ("MODERATOR (Anitta Hipper, Lead Spokesperson):": a label in capitals before the bracket too)
_LABEL_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[*_]{0,2}(?:(?:Answer|Reply|A|[A-Z][A-Z.]+(?: [A-Z][A-Z.]+)?)\s*\(\s*)?$"
)
_LABEL_AFTER = re.compile(r"[*_]{0,2}\)?[*_]{0,2}:[*_]{0,2}[ \t]+[*_]{0,2}[\"“A-Z]")


def _speaker_label(text: str, start: int, end: int, name: str) -> bool:
    if not _LABEL_AFTER.match(text, end) or not _LABEL_BEFORE.search(text, max(0, start - 30), start):
        return False
    from .orgs import org_info

    return org_info(name) is None


def _coordinated_names(
    mentions: list[tuple[int, int, PersonMention]], toks: list[Tok], text: str, lx: dict
) -> None:
    """ "Serik Zhumangarin and Péter Szijjártó co-chaired the meeting", "A and B, the co-chairs of the
    commission, signed …": a full name joined by "and" to a name that is a person's (or the pair
    followed by a plural apposition of people) is a person's too."""
    by_start = {i: (i, j, m) for i, j, m in mentions}
    for _i, j, m in mentions:
        if not m.surname_only or m.role or m.initialed or " " not in m.name.strip():
            continue
        if j + 1 >= len(toks) or toks[j].base != "and" or j + 1 not in by_start:
            continue
        _i2, j2, m2 = by_start[j + 1]
        if " " not in m2.name.strip():
            continue
        plural = j2 < len(toks) and lx["plural_appos"].match(text, toks[j2 - 1].end) is not None
        if plural:
            m2.surname_only = False
        if not m2.surname_only:
            m.surname_only = False
    # "co-chaired by Murat Nurtleu and Viktors Valainis": the full name after "and" that follows a
    # person's name is a person's too (no company: "… and Kazakhstan Temir Zholy")
    from .orgs import org_info

    for i, j, m in mentions:
        if m.surname_only or j + 1 >= len(toks) or toks[j].base != "and" or j + 1 not in by_start:
            continue
        _i2, j2, m2 = by_start[j + 1]
        if (
            m2.surname_only
            and not m2.role
            and " " in m2.name.strip()
            and i > 0
            and toks[i - 1].base == "by"
            and not org_info(m2.name)
        ):
            m2.surname_only = False


def _honorific_surnames(mentions: list[tuple[int, int, PersonMention]]) -> None:
    """ "… met Kwame Mensah in Accra. Mr Mensah said …": a full name written with nothing that marks a
    person is one when an honorific later stands before its last word."""
    later = {}  # surname key → where its first honorific mention starts
    for _i, _j, m in mentions:
        if m.honorific and " " not in m.name.strip():
            later.setdefault(_key(m.name), m.span[0])
    if not later:
        return
    for _i, _j, m in mentions:
        words = m.name.split()
        if (
            m.surname_only
            and not m.initialed
            and len(words) >= 2
            and later.get(_key(words[-1]), -1) > m.span[0]
        ):
            m.surname_only = False


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return " ".join(name.lower().replace(".", ". ").split())  # "L.Kudratov" as "l. kudratov"


def _core_title(role: str) -> str:
    """A title without the party's acronym before it ("EU High Representative" → "High Representative")."""
    first, _, rest = role.partition(" ")
    return rest if rest and first.isupper() and len(first) >= 2 else role


def _present_role(ent: PersonEntity, m: PersonMention) -> None:
    """ "X, then Deputy Prime Minister, signed … X, now Minister of Foreign Affairs, said": a role given
    without a past marker replaces one given with it (the office held at the time of writing)."""
    if ent.past_role and m.role and not m.past:
        ent.role, ent.past_role = m.role, False


def _better_role(old: str | None, new: str | None) -> str | None:
    """The role a person keeps: the first one given, unless it is an epithet ("Head of State
    Kassym-Jomart Tokayev" in a headline, "the President of Kazakhstan Kassym-Jomart Tokayev" after)."""
    if old is None or (new is not None and old in _lex()["epithets"] and new not in _lex()["epithets"]):
        return new
    return old


def _variant(a: str, b: str) -> bool:
    """Two two-word names, one word the same and the other one transliteration apart ("kassym-jomart
    tokayev" / "kassym-zhomart tokayev", "shavkat mirziyoyev" / "shavkat mirziyoev")."""
    wa, wb = a.split(), b.split()
    if len(wa) != 2 or len(wb) != 2 or (wa[1] != wb[1] and wa[0] != wb[0]):
        return False
    x = 0 if wa[1] == wb[1] else 1  # the word that differs ("Mirziyoyev" / "Mirziyoev" too)
    if wa[x][:1] != wb[x][:1] or min(len(wa[x]), len(wb[x])) < 4 + 2 * x:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(wa[x], wb[x]) >= 85


def _resolve(mentions: list[tuple[int, int, PersonMention]]) -> list[PersonEntity]:
    """Group mentions: a full name (≥ 2 words, with role or speech) makes a person; a later surname
    or partial name that ends a known full name is the same person."""
    people: list[PersonEntity] = []
    keys: list[tuple[str, str]] = []  # each person's name key, and it with a space before (see _match)
    pending: list[PersonMention] = []

    def match(name: str, longer: bool = True) -> int | None:
        k = _key(name)
        sk = " " + k
        for x, (pk, spk) in enumerate(keys):
            if pk == k or pk.endswith(sk) or k.endswith(spk):
                return x
        if " " in k:
            # "Josep Borrell" after "Josep Borrell Fontelles"; "Kassym-Zhomart Tokayev" after
            # "Kassym-Jomart Tokayev": the same person written in another form
            for x, (pk, _spk) in enumerate(keys):
                # a longer form only with a role or speech ("Wang Yi Holds Phone Talks": a headline)
                if " " not in pk:
                    continue
                if pk.startswith(k + " ") or (longer and k.startswith(pk + " ")) or _variant(pk, k):
                    return x
        return None

    for _i, _j, m in mentions:
        if m.surname_only:
            pending.append(m)
            continue
        x = match(m.name)
        if x is None and _INITIALS.match(m.name):
            # "R. Vassilenko" after "Roman Vassilenko": the same person when the initial agrees
            x = match(_INITIALS.sub("", m.name))
            if x is not None and not _key(people[x].name).startswith(_key(m.name)[:1]):
                x = None
        if x is None:
            ent = PersonEntity(m.name, m.role, m.affiliation, past_role=m.past)
            people.append(ent)
            k = _key(m.name)
            keys.append((k, " " + k))
        else:
            ent = people[x]
            if len(m.name) > len(ent.name) and _key(m.name).endswith(_key(ent.name)):
                ent.name = m.name
                k = _key(m.name)
                keys[x] = (k, " " + k)
            if ent.role and m.role and m.role.startswith(_core_title(ent.role) + " of "):
                ent.role = m.role  # "Minister X" in a headline, "Minister of Foreign Affairs … X" after
            if ent.past_role:
                _present_role(ent, m)
            ent.role = _better_role(ent.role, m.role)
            ent.affiliation = ent.affiliation or m.affiliation
        ent.mentions.append(m)
    for m in pending:
        bare = _INITIALS.sub("", m.name)
        x = match(bare, longer=False)
        if x is not None and bare != m.name and not _key(people[x].name).startswith(_key(m.name)[:1]):
            x = None  # "L.Kudratov" is not "Aziz Kudratov"
        if x is None and m.name in _lex()["surname_first"] and not m.initialed:
            # "Ahn Duk-geun … Ahn said": a family name written first, named alone
            lead = _key(m.name) + " "
            hits = [n for n, (pk, _s) in enumerate(keys) if pk.startswith(lead)]
            x = hits[0] if len(hits) == 1 else None
        if x is not None:
            ent = people[x]
            ent.mentions.append(m)
            if ent.past_role:
                _present_role(ent, m)
            ent.role = _better_role(ent.role, m.role)
            ent.affiliation = ent.affiliation or m.affiliation
        elif m.initialed:
            # named only by initials and surname, with a role or a speech verb: a person as written
            x = match(m.name)
            if x is None:
                # "Ursula von der Leyen arrived … President von der Leyen said": the fuller form
                tail = " " + _key(m.name)
                name = next((p.name for p in pending if _key(p.name).endswith(tail)), m.name)
                people.append(PersonEntity(name, m.role, m.affiliation, [m]))
                k = _key(name)
                keys.append((k, " " + k))
            else:
                people[x].mentions.append(m)
    for p in people:
        p.mentions.sort(key=lambda m: m.span)
    return people
