"""When are two records, seen in different places, the same real thing? One matcher per kind.

A matcher gives blocking keys (only records sharing a key are compared, so merging stays near
linear), a score for a pair (None: not the same), and whether a record is *weak*: too little
information to merge on its own (a surname alone, an agreement with no parties), so it joins a
cluster only when exactly one cluster fits it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .names import (
    acronym_key,
    fold,
    given_compatible,
    initials,
    looks_like_acronym,
    name_parts,
    party_code,
    person_parts,
    spell,
    without_parties,
)
from .statements import rules


@dataclass
class Seen:
    """A record as seen in one document, rebuilt from its statements."""

    id: str
    kind: str
    document_id: str
    published: str | None
    props: dict[str, list] = field(default_factory=dict)
    context_parties: frozenset[str] = frozenset()
    span: tuple[int, int] | None = None
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def get(self, prop: str):
        vals = self.props.get(prop)
        return vals[0] if vals else None

    def all(self, prop: str) -> list:
        return self.props.get(prop, [])


def _cache(rec) -> dict:
    """Per-record memo of derived features; records of other shapes (duck-typed callers) get a
    throwaway one."""
    cache = getattr(rec, "cache", None)
    return cache if cache is not None else {}


def _thr(name: str) -> float:
    return rules()["thresholds"][name]


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """rapidfuzz's ratio, remembered: blocks compare the same few names over and over."""
    return fuzz.ratio(a, b)


@lru_cache(maxsize=65536)
def _token_set_ratio(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b)


def dates_compatible(a: str | None, b: str | None, days: int = 0) -> bool:
    """Partial ISO dates agree when one refines the other; full dates may differ by `days`."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    if days and len(a) >= 10 and len(b) >= 10:
        from datetime import date

        try:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
        except ValueError:
            return False
    return False


def parties_of(rec: Seen, name_prop: str) -> frozenset[str]:
    key, memo = ("parties", name_prop), _cache(rec)
    if key not in memo:
        codes = {party_code(p) or fold(p) for p in rec.all("parties")}
        codes |= name_parts(rec.get(name_prop))[0]
        memo[key] = frozenset(codes)
    return memo[key]


def kernel_text(name: str | None) -> str:
    return " ".join(name_parts(name)[1])


class Matcher:
    kind = ""
    #: How records with equal `signature` are the same (for the merges table).
    signature_rule = "name"

    def signature(self, r: Seen):
        """Everything `score` looks at, normalised: records with equal signatures are
        interchangeable (the same, and matching the same others). None: compare pair by pair."""
        return None

    def keys(self, r: Seen) -> Iterable[str]:
        raise NotImplementedError

    def score(self, a: Seen, b: Seen) -> tuple[float, str] | None:
        raise NotImplementedError

    def weak(self, r: Seen) -> bool:
        return False

    #: Whether `partition` says anything (else every pair of a block is scored).
    partitioned = False

    def partition(self, r: Seen):
        """A value such that two strong records whose values are both known (not None) and differ
        never match: `merge.cluster_kind` then skips those pairs without scoring them."""
        return None


class MeetingMatcher(Matcher):
    """Same body (parties and kernel words, or acronym) and same ordinal, or same body and date."""

    kind = "meetings"

    def _body(self, r: Seen) -> tuple[frozenset, str]:
        memo = _cache(r)
        body = memo.get("body")
        if body is None:
            body = memo["body"] = (parties_of(r, "body"), kernel_text(r.get("body")))
        return body

    def _acronym(self, r: Seen) -> str:
        memo = _cache(r)
        if "acronym" not in memo:
            memo["acronym"] = acronym_key(r.get("acronym"))
        return memo["acronym"]

    signature_rule = "body and ordinal/date"

    def signature(self, r):
        if self.weak(r):
            return None
        parties, kernel = self._body(r)
        return (parties, kernel, acronym_key(r.get("acronym")), r.get("number"), r.get("date"))

    def keys(self, r):
        _, kernel = self._body(r)
        yield "k:" + kernel
        if r.get("acronym"):
            yield "a:" + acronym_key(r.get("acronym"))

    def score(self, a, b):
        pa, ka = self._body(a)
        pb, kb = self._body(b)
        if pa and pb and pa != pb:
            return None
        acr_a, acr_b = self._acronym(a), self._acronym(b)
        same_body = ka == kb or (acr_a and acr_a == acr_b) or _ratio(ka, kb) >= _thr("name_fuzzy")
        if not same_body:
            return None
        na, nb = a.get("number"), b.get("number")
        da, db = a.get("date"), b.get("date")
        if self.weak(a) != self.weak(b):
            return self._weak_score(a, b) if self.weak(a) else self._weak_score(b, a)
        if na is not None and nb is not None:
            if na != nb:
                return None
            return (1.0, "body+number") if dates_compatible(da, db, int(_thr("meeting_date_days"))) \
                else (0.8, "body+number, dates differ")
        if da and db and len(da) >= 10 and len(db) >= 10 and \
                dates_compatible(da, db, int(_thr("meeting_date_days"))):
            return 0.9, "body+date"
        return None


    partitioned = True

    def partition(self, r):
        """Strong sittings with two different ordinals are two sittings (`score`)."""
        n = r.get("number")
        return n if isinstance(n, (int, float, str)) else None

    def weak(self, r):
        """A meeting named without ordinal or day ("the EU–Central Asia Summit")."""
        return r.get("number") is None and len(r.get("date") or "") < 10

    def _weak_score(self, w: Seen, s: Seen) -> tuple[float, str] | None:
        """A reference joins a dated sitting of its body that its own partial date fits, or that took
        place in the year before the referring document (texts look back, rarely further)."""
        if w.get("date"):
            return (0.7, "body+month") if dates_compatible(w.get("date"), s.get("date")) else None
        sd, wp = s.get("date"), w.published
        if not sd or not wp or len(sd) < 10 or len(wp) < 10:
            return None
        from datetime import date

        try:
            lag = (date.fromisoformat(wp[:10]) - date.fromisoformat(sd[:10])).days
        except ValueError:
            return None
        return (0.6, "body, recent sitting") if 0 <= lag <= 366 else None


class PersonMatcher(Matcher):
    """Same surname key (titles dropped, transliteration folded) and compatible given names."""

    kind = "people"

    def signature(self, r):
        given, surname = person_parts(r.get("name"))
        return (given, surname) if surname else None

    def keys(self, r):
        _, surname = person_parts(r.get("name"))
        yield surname[:4]

    def weak(self, r):
        given, _ = person_parts(r.get("name"))
        return not given or all(len(g) == 1 for g in given)

    def score(self, a, b):
        ga, sa = person_parts(a.get("name"))
        gb, sb = person_parts(b.get("name"))
        if not sa or not sb:
            return None
        if sa == sb and ga == gb:
            exact = fold(a.get("name") or "") == fold(b.get("name") or "")
            return (1.0, "same name") if exact else (0.95, "same name, spelling folded")
        if sa == sb and given_compatible(ga, gb):
            return 0.85, "surname, compatible given names"
        full_a, full_b = " ".join((*ga, sa)), " ".join((*gb, sb))
        r = fuzz.ratio(full_a, full_b)
        if r >= _thr("person_fuzzy") and given_compatible(ga, gb) and fuzz.ratio(sa, sb) >= 85:
            return r / 100, "similar name"
        return None


class NamedMatcher(Matcher):
    """Organisations and agreements: same name words, same acronym, or a name that is the other's
    acronym; parties (from the field, the name, or the document's context) must not clash."""

    name_prop = "name"
    use_context = False

    def _parties(self, r: Seen) -> frozenset:
        memo = _cache(r)
        if "named_parties" in memo:
            return memo["named_parties"]
        if self.kind == "agreements":
            p = parties_of(r, self.name_prop)
        else:
            p = name_parts(r.get(self.name_prop))[0]
        if not p and self.use_context:
            p = r.context_parties
        memo["named_parties"] = p
        return p

    def _acronyms(self, r: Seen) -> set[str]:
        memo = _cache(r)
        if "acronyms" not in memo:
            memo["acronyms"] = self._find_acronyms(r)
        return memo["acronyms"]

    def _find_acronyms(self, r: Seen) -> set[str]:
        """The given acronym, a name that is one ('EPCA', 'EU–Kazakhstan EPCA'), or the initials
        of a name of three or more words, with and without its party names."""
        name = r.get(self.name_prop) or ""
        out = {acronym_key(r.get("acronym"))} if r.get("acronym") else set()
        for variant in {name, without_parties(name)}:
            if looks_like_acronym(variant):
                out.add(acronym_key(variant))
            else:
                ini = initials(variant)
                if ini and len(ini) >= 3:
                    out.add(ini)
        return {a for a in out if a}

    def _kernel(self, r: Seen) -> str:
        """Name words without party names; a name that is only a party ("the EU") keeps its code."""
        memo = _cache(r)
        if "kernel" not in memo:
            parties, kernel = name_parts(r.get(self.name_prop))
            memo["kernel"] = " ".join(kernel) or " ".join(sorted(f"@{p}" for p in parties))
        return memo["kernel"]

    def signature(self, r):
        kernel = self._kernel(r)
        return (self._parties(r), kernel, frozenset(self._acronyms(r))) if kernel else None

    def keys(self, r):
        yield "k:" + self._kernel(r)
        for a in self._acronyms(r):
            yield "a:" + a

    def weak(self, r):
        return self.use_context and not self._parties(r)

    def score(self, a, b):
        pa, pb = self._parties(a), self._parties(b)
        if pa and pb and pa != pb:
            return None
        ka, kb = self._kernel(a), self._kernel(b)
        if ka and ka == kb:
            return 1.0, "same name"
        if self._acronyms(a) & self._acronyms(b):
            return 0.9, "acronym"
        if ka and kb and fuzz.ratio(ka, kb) >= _thr("name_fuzzy"):
            return fuzz.ratio(ka, kb) / 100, "similar name"
        return None


class OrganizationMatcher(NamedMatcher):
    kind = "organizations"


class AgreementMatcher(NamedMatcher):
    kind = "agreements"
    use_context = True


class PledgeMatcher(Matcher):
    """Same giver, currency, amount within 1 %, compatible date, programme and purpose."""

    kind = "pledges"
    signature_rule = "giver, amount, date, purpose"

    def signature(self, r):
        if not r.get("amount"):
            return None
        return (self._by(r), r.get("currency"), r.get("amount"), r.get("date"),
                kernel_text(r.get("program")), spell(fold(r.get("purpose") or "")))

    partitioned = True

    def partition(self, r):
        """Pledges dated in two different years have incompatible dates (`dates_compatible`)."""
        d = r.get("date")
        return d[:4] if isinstance(d, str) and len(d) >= 4 else None

    def _bucket(self, r: Seen) -> int | None:
        amt = r.get("amount")
        if not amt or amt <= 0:
            return None
        return int(math.floor(math.log(amt) / math.log1p(_thr("pledge_amount_tolerance"))))

    def keys(self, r):
        b = self._bucket(r)
        if b is not None:
            cur = r.get("currency")
            yield f"{cur}|{b}"
            yield f"{cur}|{b + 1}"

    def _by(self, r: Seen):
        by = r.get("by")
        return name_parts(by) if by else None

    def _features(self, r: Seen) -> tuple:
        """What `score` compares, computed once per record (a block compares each record with
        every other): currency, amount, giver, date, programme kernel, spelled purpose."""
        memo = _cache(r)
        f = memo.get("pledge")
        if f is None:
            prog, purpose = r.get("program"), r.get("purpose")
            f = memo["pledge"] = (r.get("currency"), r.get("amount"), self._by(r), r.get("date"),
                                  kernel_text(prog) if prog else None,
                                  spell(fold(purpose)) if purpose else None)
        return f

    def score(self, a, b):
        cur_a, x, ba, da, pa, ua = self._features(a)
        cur_b, y, bb, db, pb, ub = self._features(b)
        if cur_a != cur_b:
            return None
        if not x or not y or abs(x - y) > _thr("pledge_amount_tolerance") * max(x, y):
            return None
        score, rule = 1.0, "giver, amount"
        if ba and bb and ba != bb:
            if not (ba[0] and ba[0] == bb[0]):  # "the EU" and "the European Commission" may be one giver
                return None
            score, rule = 0.85, "giver's side, amount"
        if not dates_compatible(da, db):
            return None
        if pa is not None and pb is not None and pa != pb:
            return None
        if ua is not None and ub is not None:
            r = _token_set_ratio(ua, ub)
            if r < _thr("purpose_fuzzy") and not (pa is not None and pb is not None):
                return None
            score = min(score, 0.7 + 0.3 * r / 100)
        return score, rule + (", purpose" if ua is not None and ub is not None else "")


class FigureMatcher(Matcher):
    """Same metric, subject, unit and period (values may differ: they are sources to compare)."""

    kind = "figures"
    signature_rule = "metric, unit, period, subject"

    def signature(self, r):
        return (self._key(r), fold(r.get("subject") or ""))

    def _key(self, r: Seen) -> tuple:
        period = r.get("period") or f"~{(r.published or '')[:4]}"
        return (" ".join(sorted(spell(fold(r.get("metric") or "")).split())), r.get("unit"), period)

    def keys(self, r):
        yield json.dumps(self._key(r))

    def score(self, a, b):
        if self._key(a) != self._key(b):
            return None
        sa, sb = a.get("subject"), b.get("subject")
        if sa and sb and kernel_text(sa) != kernel_text(sb) and name_parts(sa)[0] != name_parts(sb)[0]:
            return None
        return 1.0, "metric+unit+period"


class EventMatcher(Matcher):
    kind = "events"
    signature_rule = "name and date"

    def signature(self, r):
        return (kernel_text(r.get("name")), r.get("date")) if r.get("date") else None

    def keys(self, r):
        yield kernel_text(r.get("name"))

    def score(self, a, b):
        if kernel_text(a.get("name")) != kernel_text(b.get("name")):
            return None
        if not (a.get("date") and b.get("date")) or not dates_compatible(a.get("date"), b.get("date"), 1):
            return None
        return 1.0, "name+date"


class QuoteMatcher(Matcher):
    kind = "quotes"
    signature_rule = "speaker and words"

    def signature(self, r):
        return (person_parts(r.get("speaker"))[1], fold(r.get("text") or ""))

    def keys(self, r):
        yield person_parts(r.get("speaker"))[1] + "|" + fold(r.get("text") or "")[:12]

    def score(self, a, b):
        if person_parts(a.get("speaker"))[1] != person_parts(b.get("speaker"))[1]:
            return None
        r = fuzz.ratio(fold(a.get("text") or ""), fold(b.get("text") or ""))
        return (r / 100, "same words") if r >= 95 else None


MATCHERS: dict[str, Matcher] = {m.kind: m for m in (
    MeetingMatcher(), PersonMatcher(), OrganizationMatcher(), AgreementMatcher(), PledgeMatcher(),
    FigureMatcher(), EventMatcher(), QuoteMatcher())}


def signature_of(matcher: Matcher, r: Seen):
    """`matcher.signature(r)`, computed once per record (the merge and its link keys both ask)."""
    memo = _cache(r)
    if "signature" not in memo:
        memo["signature"] = matcher.signature(r)
    return memo["signature"]


def keys_of(matcher: Matcher, r: Seen) -> set[str]:
    """`set(matcher.keys(r))`, computed once per record."""
    memo = _cache(r)
    if "keys" not in memo:
        memo["keys"] = set(matcher.keys(r))
    return memo["keys"]


def _canonical(value):
    """A form of a signature whose `repr` is the same in every process: sets sorted (their order
    follows string hashing, which varies between runs), integral floats as ints (1.0 == 1)."""
    if isinstance(value, (set, frozenset)):
        items = [_canonical(v) for v in value]
        try:
            return ("{", *sorted(items))
        except TypeError:  # mixed types: order by their text
            return ("{", *sorted(items, key=repr))
    if isinstance(value, (tuple, list)):
        return tuple(_canonical(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@lru_cache(maxsize=131072)  # the same keys recur across records (a body's every sitting)
def _h(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@lru_cache(maxsize=65536)  # signatures recur (the same name in many documents); they are hashable
def _signature_key(kind: str, sig) -> str:
    return _h(f"{kind}\x1fs\x1f{_canonical(sig)!r}")


def link_keys(kind: str, r: Seen) -> dict[str, str]:
    """What links a record to the others it may merge with, as short hashes (stored in `match_keys`)
    → their role: its blocking keys ("k") and its signature ("s"). Records that share none are never
    compared by `merge.cluster_kind`, so a connected component of this graph is clustered alone
    exactly as within its whole kind. A record with neither gets a key of its own ("r"), so the
    table lists every record. A hash collision (64 bits) would only join two components."""
    matcher = MATCHERS.get(kind)
    out: dict[str, str] = {}
    if matcher is not None:
        for k in keys_of(matcher, r):
            out[_h(f"{kind}\x1fk\x1f{k}")] = "k"
        sig = signature_of(matcher, r)
        if sig is not None:
            out[_signature_key(kind, sig)] = "s"
    if not out:
        out[_h(f"{kind}\x1fr\x1f{r.id}")] = "r"
    return out


@lru_cache(maxsize=1)
def match_keys_version() -> str:
    """Changes when the code or data that `link_keys` depends on changes: stored keys made by
    another version cannot be trusted to link what the current matchers compare."""
    import hashlib
    from contextlib import suppress
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    from .statements import RULES_PATH

    here = Path(__file__).parent
    h = hashlib.sha256()
    for p in (here / "matchers.py", here / "names.py", RULES_PATH):
        h.update(p.read_bytes())
    with suppress(PackageNotFoundError):
        h.update(version("pycountry").encode())  # party names come from pycountry
    return h.hexdigest()[:16]
