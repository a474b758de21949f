"""Money, percentages and counts with exact spans: "$48.7 billion", "EUR 2-3 bn", "16.9%".

One pass finds every number (numbers.NUMBER_RE); short anchored patterns then look at what stands
right before it (a currency symbol or code, a qualifier, "between"/"from") and right after it (a
currency name or code, a percent sign, a range dash and a second number). That is faster than one
big alternation over the whole text and keeps each rule small.

The span of an Amount covers the amount itself with its currency token and scale word
("$48.7 billion", "10 billion euros", "EUR 2 and 3 billion"); the qualifier ("nearly", "between")
is kept in the `qualifier` field only. A currency-looking token that is no known currency ("EU$",
"UDS" for USD) gives `known_currency=False` with the token as unit: it is reported, never guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from communique.annotate.alternation import trie_alternation
from communique.annotate.case import ignorecase_key
from communique.annotate.numbers import (
    GAP,
    SPACE_CHARS,
    find_numbers,
    is_year_like,
    split_number,
)
from communique.annotate.places import first_letters_ahead
from communique.annotate.types import Amount
from communique.data import load

__all__ = ["find_amounts", "currency_code", "is_unknown_currency_token", "lookalike_codes"]

_CUR = load("currencies")
_CUES = load("numbers_cues")


def _alt(words, ignore_case: bool = False) -> str:
    """Longest-first alternation of the words (spaces match any run of gaps), as a trie: the same
    matches, fewer branches tried per position (see annotate/alternation.py)."""
    return trie_alternation(words, spaces=f"{GAP}+", ignore_case=ignore_case)


# token as written → ISO code. Codes and symbols are case-sensitive; names are not.
_SYMBOLS: dict[str, str] = {}
_NAMES: dict[str, str] = {}
for _code, _spec in _CUR["currencies"].items():
    _SYMBOLS[_code] = _code
    for _sym in _spec.get("symbols") or []:
        _SYMBOLS[_sym] = _code
    for _name in _spec.get("names") or []:
        _NAMES[_name.lower()] = _code
_CODES = frozenset(_CUR["currencies"])
_LOOKALIKE_TARGETS = tuple(_CUR["lookalike_targets"])
_NOT_CURRENCIES = frozenset(_CUR["not_currencies"])
# a name several currencies share → (regex of the country words, word → code, default code or None)
_SHARED: dict[str, tuple[re.Pattern, dict[str, str], str | None]] = {}
for _name, _spec in (_CUR.get("shared_names") or {}).items():
    _word_code = {w.lower(): code for code, words in _spec["cues"].items() for w in words}
    _SHARED[_name.lower()] = (
        re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, sorted(_word_code, key=len, reverse=True)))
                   + r")(?![a-z])", re.I),
        _word_code,
        _spec.get("default"),
    )
    _NAMES.setdefault(_name.lower(), "")  # read as a currency name; its code is resolved per amount

_SYM_ALT = _alt(_SYMBOLS)
_NAME_ALT = _alt(_NAMES, ignore_case=True)  # used inside (?i:…)
# a symbol or code right before the number: searched in a short window ending at the number
_PRE_RE = re.compile(rf"(?<![A-Za-z])(?:(?P<known>{_SYM_ALT})|(?P<unk>[A-Z]{{1,3}}\$|[A-Z]{{3}})){GAP}?$")
# a name, code or symbol right after the number (the look-ahead on the names' first letters
# rejects most words after a number before the case-blind names are tried: same matches)
_POST_RE = re.compile(
    rf"(?:{GAP}?(?:(?P<known>{_SYM_ALT})|(?P<unk>[A-Z]{{3}}))"
    rf"|(?:{GAP}|-)?(?i:{first_letters_ahead(_NAMES)}(?P<name>{_NAME_ALT})))(?![A-Za-z])"
)
_PCT_WORDS = _alt((w for w in _CUES["percent_words"] if w != "%"), True)
_PCT_RE = re.compile(rf"{GAP}?(?:%|(?i:{_PCT_WORDS})(?![A-Za-z]))")

_QUALS: dict[str, str] = {k.lower(): v for k, v in _CUES["qualifiers"].items()}
_QUAL_RE = re.compile(rf"(?<![A-Za-z])(?i:(?P<q>{_alt(_QUALS, True)})){GAP}*$")
_QUAL_WORDS = frozenset(w.split()[0] for w in _QUALS)
_QUAL_LAST_WORDS = frozenset(w.split()[-1] for w in _QUALS)
# a qualifier's last word → (whether it is a qualifier alone, the words before it in the longer
# ones): "of" is only ever the end of "in excess of", "upwards of" …, so "a total of USD 5 billion"
# needs no search for one
_QUAL_ENDS: dict[str, tuple[bool, frozenset[str]]] = {
    last: (
        any(len(w.split()) == 1 for w in _QUALS if w.split()[-1] == last),
        frozenset(w.split()[-2] for w in _QUALS if w.split()[-1] == last and len(w.split()) > 1),
    )
    for last in _QUAL_LAST_WORDS
}
_GAP_CHARS = frozenset(SPACE_CHARS)  # what GAP matches
# where `_QUAL_RE` may open in ASCII text: its look-behind holds and a qualifier's first character
# stands (every qualifier opens with a letter or "~")
_WORD_OPEN = re.compile(r"(?<![A-Za-z])[A-Za-z~]")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LAST_TOKEN_RE = re.compile(rf"(?P<w>[A-Za-z.~]+){GAP}*$")
# The same word as `_LAST_TOKEN_RE.search(text, lo, hi)`, searched in the slice text[lo:hi] with
# a look-behind: a match can then only start where a run of word characters starts, so sre does
# not re-read the run from each of its characters (that search was quadratic in the run's length).
_LAST_TOKEN_AT_END = re.compile(rf"(?<![A-Za-z.~])(?P<w>[A-Za-z.~]+){GAP}*$")
_PRE_LAST_CHARS = frozenset(sym[-1] for sym in _SYMBOLS) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ$")
_OVER_VERBS = frozenset(w.lower() for w in _CUES["over_particle_verbs"])
_DEFINITE = frozenset(w.lower() for w in _CUES["count_definite_words"])
_BETWEEN_RE = re.compile(rf"(?<![A-Za-z])(?i:(?P<w>between|from)){GAP}+$")
_DASHES = "".join(_CUES["range_dashes"])
_RANGE_GAP_RE = re.compile(
    rf"{GAP}*(?:(?P<dash>[{re.escape(_DASHES)}])|(?P<word>to|and)(?={GAP})){GAP}*"
    rf"(?:(?P<sym>{_SYM_ALT}|[A-Z]{{1,3}}\$){GAP}?)?"
)
_CHANGE_RE = re.compile(
    rf"(?<![A-Za-z])(?i:{_alt(_CUES['change_verbs'], True)}){GAP}+(?:(?:by|from|to){GAP}+)?[^.;:!?]{{0,24}}$"
)
_GAPS_RE = re.compile(f"{GAP}+")
_HALF_RE = re.compile(rf"(?<![A-Za-z])(?i:half){GAP}+$")
# between the parts of "1 bln. 12 mln." / "2 billion 300 million": an optional abbreviation dot
_COMPOUND_GAP_RE = re.compile(rf"\.?{GAP}+")
_DIGIT_NEXT_RE = re.compile(f"{GAP}?[0-9]")
# one dot and three digits, no scale: a decimal in a percentage ("1.125%"), thousands otherwise
_DOT_THOUSANDS_RE = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_STOP = frozenset(w.lower() for w in _CUES["count_stop_words"])
_LABELS = frozenset(w.lower() for w in _CUES["count_label_words"])
_NEXT_WORD_RE = re.compile(rf"{GAP}+[\"“‘'«]?(?P<w>[A-Za-z][A-Za-z'’.\-]*)")
_PREV_WORD_RE = re.compile(r"(?P<w>[A-Za-z][A-Za-z.]*)\s+$")
# Same word as `_PREV_WORD_RE.search(text, lo, hi)` (see _LAST_TOKEN_AT_END); leading dots of the
# run are skipped, as the plain search starts at the run's first letter.
_PREV_WORD_AT_END = re.compile(r"(?<![A-Za-z.])\.*(?P<w>[A-Za-z][A-Za-z.]*)\s+$")


def _prev_word(text: str, lo: int, hi: int) -> str | None:
    """The word right before `hi` (after at least one space), looked for in text[lo:hi]."""
    m = _PREV_WORD_AT_END.search(text[lo:hi])
    return m.group("w") if m else None


def _symbol_code(token: str) -> str | None:
    """A symbol or code as written → ISO code; an ISO code with a dollar sign ("USD$", "CAD$") too."""
    code = _SYMBOLS.get(token)
    if code is None and token.endswith("$") and token[:-1] in _CODES:
        code = token[:-1]
    return code


def currency_code(token: str) -> str | None:
    """The ISO code for a currency token as written ("US$" → "USD", "tenge" → "KZT"), else None."""
    token = token.strip(SPACE_CHARS)
    return _symbol_code(token) or _NAMES.get(_GAPS_RE.sub(" ", token).lower()) or None


def _one_edit(a: str, b: str) -> bool:
    """One substitution or one swap of neighbours turns `a` into `b` (same length)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=1024)
def is_unknown_currency_token(token: str) -> bool:
    """Does this token look like a currency without being one? ("EU$", "XX$", "UDS" next to a number)."""
    if _symbol_code(token):
        return False
    if token.endswith("$"):
        return True
    if len(token) == 3 and token.isupper() and token not in _NOT_CURRENCIES:
        return any(_one_edit(token, t) for t in _LOOKALIKE_TARGETS)
    return False


@lru_cache(maxsize=256)
def lookalike_codes(token: str) -> tuple[str, ...]:
    """The known codes an unknown three-letter token may be a misprint of ("ERU" → EUR; "UDS" → USD
    by a swap, UZS by a substitution): the codes one swap or one substitution away."""
    if len(token) != 3 or not is_unknown_currency_token(token):
        return ()
    return tuple(t for t in _LOOKALIKE_TARGETS if _one_edit(token, t))


@lru_cache(maxsize=4096)
def _parse(num: str) -> tuple[Decimal, Decimal | None]:
    """(value before scale, scale or None) of a number match; cached: the same strings recur."""
    return split_number(num)


def _pre_token(text: str, start: int) -> tuple[int, str, str | None] | None:
    """The currency token right before `start`: (its start, token, ISO code or None if unknown)."""
    j = start - 1
    if j >= 0 and text[j] in SPACE_CHARS:
        j -= 1
    if j < 0 or text[j] not in _PRE_LAST_CHARS:
        return None  # cheap test first: most numbers have no currency before them
    m = _PRE_RE.search(text, max(0, start - 8), start)
    if not m:
        return None
    if m.group("known"):
        return m.start(), m.group("known"), _SYMBOLS[m.group("known")]
    tok = m.group("unk")
    if _symbol_code(tok):
        return m.start(), tok, _symbol_code(tok)
    if is_unknown_currency_token(tok):
        return m.start(), tok, None
    return None


def _post_token(text: str, end: int) -> tuple[int, str, str | None] | None:
    if end < len(text) and text[end] == "." and end and text[end - 1].isalpha():
        end += 1  # "6.3 trln. sums", "35 mln. manat": the scale's abbreviation dot
    m = _POST_RE.match(text, end)
    if not m:
        return None
    if not m.group("name") and _DIGIT_NEXT_RE.match(text, m.end()):
        return None  # "the 2024 €5 billion budget": the symbol belongs to the number after it
    if m.group("known"):
        return m.end(), m.group("known"), _SYMBOLS[m.group("known")]
    if m.group("name"):
        code = currency_code(m.group("name"))
        if not code:
            code = _resolve_shared_name(text, m.start(), m.group("name"))
            if code is None:
                return None
        return m.end(), m.group("name"), code
    tok = m.group("unk")
    if is_unknown_currency_token(tok):
        return m.end(), tok, None
    return None


def _resolve_shared_name(text: str, start: int, token: str) -> str | None:
    """The ISO code of a name several currencies share ("manat": TMT or AZN), read from the country
    word (data/currencies.yaml `shared_names`) nearest before the amount, else the nearest after
    it, else the name's default (None: the name is then not read as a currency)."""
    cues = _SHARED.get(_GAPS_RE.sub(" ", token).lower())
    if not cues:
        return None
    best: tuple[int, str] | None = None
    for m in cues[0].finditer(text):  # only where a shared name stands: rare, so the whole text
        dist = start - m.end() if m.end() <= start else (m.start() - start) + len(text)
        if best is None or dist < best[0]:
            best = (dist, cues[1][ignorecase_key(m.group(0))])
    return best[1] if best else cues[2]


def _compound_tail(text: str, nums, i: int, scale: Decimal | None, has_pre: bool) -> int:
    """ "1 bln. 12 mln. US dollars", "USD 1 bln 12 mln": how many numbers after nums[i] continue it
    with a smaller scale (each below the next larger unit), the whole opened or closed by a
    currency token."""
    if scale is None:
        return 0
    k = i
    last = scale
    dotted = False
    while k + 1 < len(nums) and _COMPOUND_GAP_RE.fullmatch(text, nums[k][1], nums[k + 1][0]):
        dotted = dotted or text[nums[k][1]] == "."
        nxt = nums[k + 1][2]
        if not nxt[:1].isdigit():
            break
        try:
            b2, s2 = _parse(nxt)
        except ValueError:
            break
        if s2 is None or s2 >= last or b2 * s2 >= last:
            break
        last = s2
        k += 1
    if k == i or ((dotted or not has_pre) and _post_token(text, nums[k][1]) is None):
        return 0  # "EUR 5 billion. 12 million people": a dot may end the sentence, unless a currency follows
    return k - i


def _qualifier(text: str, start: int) -> str:
    while start > 0 and text[start - 1] in "*_":
        start -= 1  # "about **USD 280 million**": Markdown emphasis opens between qualifier and amount
    lo = max(0, start - 16)
    last = _LAST_TOKEN_AT_END.search(text[lo:start])
    if not last or (word := last.group("w").lower()) not in _QUAL_LAST_WORDS:
        return "exact"  # cheap test first: the word before is no qualifier's last word
    alone, befores = _QUAL_ENDS[word]
    k = lo + last.start()
    q_lo = max(0, start - 24)
    if text[q_lo:start].isascii():
        # (only in ASCII: there the match reads letters as `.lower()` does; "ſ", the Kelvin sign and
        # dotless "ı" fold onto ASCII letters under IGNORECASE, so any other text takes the plain search)
        if not alone and (k > lo or not lo):
            # the word is the last of longer qualifiers only: the word before it (after a gap) must
            # be one of theirs (its start is that of the text's word, k > lo)
            y = k
            while y > 0 and text[y - 1] in _GAP_CHARS:
                y -= 1
            x = y
            while x > 0 and text[x - 1] in _ASCII_LETTERS:
                x -= 1
            if y == k or text[x:y].lower() not in befores:
                return "exact"
        # the search's match, tried only where a word opens (the look-behind's positions that can
        # open a qualifier): the case-blind trie is entered at ~4 places, not at each of 24
        match = _QUAL_RE.match
        m = None
        for w in _WORD_OPEN.finditer(text, q_lo, start):
            m = match(text, w.start(), start)
            if m is not None:
                break
    else:
        m = _QUAL_RE.search(text, q_lo, start)
    if not m:
        return "exact"
    q = ignorecase_key(_GAPS_RE.sub(" ", m.group("q")))  # "up\u00a0to": the gap may be any space
    if q == "over":
        prev = _prev_word(text, max(0, m.start() - 16), m.start())
        if prev and prev.lower() in _OVER_VERBS:
            return "exact"  # "handed over €5 million": a particle
    return _QUALS[q]


_IN_PLACE_RE = re.compile(r"(?<![A-Za-z])(?i:in|across|throughout|at\s+present\s+in)\s+(?:the\s+)?$")


def _place_after_in(text: str, start: int, word: str) -> bool:
    """ "At present in Uzbekistan 178 enterprises operate": the capitalised word before the number
    is a country or city after "in", not a name the number belongs to."""
    from communique.annotate.places import city_country, country_name, demonym_country

    if not (city_country(word) or (country_name(word) and not demonym_country(word))):
        return False
    at = text.rfind(word, max(0, start - 40), start)
    return at > 0 and bool(_IN_PLACE_RE.search(text, max(0, at - 24), at))


def _is_count(text: str, start: int, end: int, num: str, qualifier: str) -> bool:
    """A bare number is a count only when a noun-like word follows and nothing says otherwise."""
    if not num[0].isdigit():
        if num.lower() in ("one", "a", "zero"):
            return False
        if start and text[start - 1] == "-":
            return False
        prev = _prev_word(text, max(0, start - 12), start)
        if prev and prev.lower() in _DEFINITE:
            return False  # "the two sides": a reference, not a reported count
    else:
        if is_year_like(num) and qualifier == "exact":
            return False
        if num[-1:].isalpha() and not num[-2:-1].isspace() and num[-2:-1].isdigit():
            return False  # glued "5m" without a currency: metres? minutes? not a count
    if start:
        before = text[start - 1]
        if before.isalnum() or before in "-/:.#§&+–":
            return False
    if end < len(text) and text[end] in "-/:–—+":
        return False
    w = _NEXT_WORD_RE.match(text, end)
    if not w:
        return False
    word = w.group("w").rstrip(".'’").lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in _STOP or word.split("-")[0] in _STOP:
        return False
    pw = _prev_word(text, max(0, start - 20), start)
    if pw:
        low = pw.lower()
        if (
            pw[0].isupper()
            # ("… with Minister Kanat Iskakov. 16 films will be screened": a sentence's last word, not
            # an abbreviation such as "No." or "Art." before a number)
            and not (pw.endswith(".") and len(pw) > 5 and pw[:-1].isalpha())
            and low not in _STOP
            and low not in _QUAL_WORDS
            and low not in _DEFINITE
            and not _place_after_in(text, start, pw)
        ):
            return False  # "Boeing 737 jets", "Horizon 2020 projects": a name with a number
    if pw and pw.lower() == "which" and _OCCASION_WHICH_RE.search(text, max(0, start - 24), start):
        return True  # "the visit, during which 15 documents were signed": the occasion's count
    return not (pw and (pw.lower() in _LABELS or pw.lower() in _STOP
                        and pw.lower() not in ("and", "of", "to", "by", "at", "for",
                                               "with", "from", "in", "on", "than",
                                               "the", "a", "an", "some", "is", "was",
                                               "were", "are", "has", "have", "had",
                                               # "said that 1,140 companies were registered"
                                               "that")))


# "during which", "at which", "in the course of which" right before a number: not "of which" (a part)
_OCCASION_WHICH_RE = re.compile(r"\b(?:during|at|in|after|course\s+of)\s+which\s+$", re.I)


def find_amounts(text: str, offset: int = 0) -> list[Amount]:
    """Every money amount, percentage and count in `text`, spans shifted by `offset` (cached for the
    few texts in flight: extraction and the document checks read the same text; amounts are frozen)."""
    return list(_amounts_cached(text, offset))


@lru_cache(maxsize=8)
def _amounts_cached(text: str, offset: int) -> tuple[Amount, ...]:
    return tuple(_find_amounts(text, offset))


def _find_amounts(text: str, offset: int = 0) -> list[Amount]:
    nums = find_numbers(text)
    out: list[Amount] = []
    i = 0
    n = len(nums)
    while i < n:
        s, e, first = nums[i]
        try:
            b1, s1 = _parse(first)
        except ValueError:
            i += 1
            continue
        v1 = b1 * s1 if s1 is not None else b1
        pre = _pre_token(text, s)
        extra = _compound_tail(text, nums, i, s1, pre is not None) if first[:1].isdigit() else 0
        if extra:
            for _s, _e, part in nums[i + 1 : i + 1 + extra]:
                b, sc = _parse(part)
                v1 += b * sc
            e = nums[i + extra][1]
            i += extra  # the amount ends with its last part
        v2 = None
        start = pre[0] if pre else s
        if pre is None and first[:2].lower() == "a " and (half := _HALF_RE.search(text, max(0, s - 8), s)):
            v1 = v1 / 2  # "half a billion dollars"
            start = half.start()
        second = None
        # a range: a dash, "to" or "and" and a second number right after the first
        if i + 1 < n and not extra:
            r = _RANGE_GAP_RE.fullmatch(text, e, nums[i + 1][0])
            if r:
                b_at = start
                while b_at > 0 and text[b_at - 1] in "*_":
                    b_at -= 1  # "Between **USD 40 and 50 billion**": Markdown emphasis opens after "between"
                between = _BETWEEN_RE.search(text, max(0, b_at - 10), b_at)
                ok = bool(r.group("dash"))
                if r.group("word") == "and":
                    ok = bool(between and between.group("w").lower() == "between")
                elif r.group("word") == "to":
                    ok = not _CHANGE_RE.search(text, max(0, start - 40), start)
                if ok and r.group("dash") and nums[i + 1][2][0].isdigit() != first[0].isdigit():
                    ok = False
                if ok:
                    try:
                        b2, s2 = _parse(nums[i + 1][2])
                    except ValueError:
                        b2, s2 = None, None
                    if b2 is not None:
                        v2 = b2 * s2 if s2 is not None else b2
                        lo = b1 * s2 if (s1 is None and s2 is not None) else v1
                        if lo < v2:
                            v1 = lo
                            second = nums[i + 1]
                            if pre is None and r.group("sym"):
                                sym = r.group("sym")
                                code = _symbol_code(sym)
                                if code or is_unknown_currency_token(sym):
                                    pre = (s, sym, code)
                        else:
                            v2 = None
        last_end = second[1] if second else e
        dotted = s1 is None and _DOT_THOUSANDS_RE.fullmatch(first) is not None
        post = _post_token(text, last_end) if pre is None else None
        pct = _PCT_RE.match(text, last_end) if (pre is None and post is None) else None
        if dotted and not pct and second is None:
            v1 = b1 * 1000  # "€1.500", "1.500 firms": a dot before three digits groups thousands here
        if pre or post:
            tok = (pre or post)[1]
            code = (pre or post)[2]
            end = post[0] if post else last_end
            unit, known = (code, True) if code else (tok, False)
            qualifier = "between" if second else _qualifier(text, start)
        elif pct:
            tok, end, unit, known = None, pct.end(), "percent", True
            qualifier = "between" if second else _qualifier(text, start)
        else:
            # (a bare number: `_is_count` reads the qualifier only for a year-like number, so it is
            # looked for there and for the counts kept, not for every number dropped)
            num = (second or nums[i])[2]
            qualifier = (
                "between" if second
                else _qualifier(text, start) if num[:1].isdigit() and is_year_like(num)
                else None
            )
            if not (
                _is_count(text, s, last_end, num, qualifier or "exact")
                and (second is None or not is_year_like(first))
            ):
                i += 1
                continue
            tok, end, unit, known = None, last_end, "count", True
            if qualifier is None:
                qualifier = _qualifier(text, start)
        out.append(
            Amount(
                span=(start + offset, end + offset),
                text=text[start:end],
                value=float(v1),
                value_max=float(v2) if second else None,
                unit=unit,
                qualifier=qualifier,
                currency_token=tok,
                known_currency=known,
            )
        )
        i += 2 if second else 1
    return out
