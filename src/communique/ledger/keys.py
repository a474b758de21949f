"""Search keys and sort dates of merged records: what lets the list queries filter and order in SQL.

Name matching (case, accents, word order, party spellings, acronyms, transliterated surnames) is
Python (`names`), which SQL cannot call. So `rebuild` stores, per record, a `search` string of
tokens computed here once, and a query turns each filter into a few `LIKE '% token%'` terms on it
(`where_name`, `where_party`, `where_text`). Tokens are space-separated and the string starts and
ends with a space, so `'% f:kaz%'` means "a word of field f starting with kaz" and `'% party:kaz %'`
an exact party code. Token forms (all folded to lower case, accents dropped):

    f:word     every word of field f (word-prefix matches)
    f#abc      initials of f's significant words, or f itself when it is an acronym (EPCA)
    f@code     a party named inside f (KAZ for "Kazakhstan" or "Republic of Kazakhstan")
    f~kernel   f's kernel tokens after party names and stop words are taken out (merge's view)
    f$surname  a person's surname key, transliteration folded (Vassilenko → vasilenko)
    party:code a party of the record: its `parties` and the parties named in its name fields
    word       every word of every string value of the record (the free-text filter)

`sort_date` is the date a list is ordered by (newest first) and `since`/`until` compare: a
meeting's or pledge's own date, a figure's period, else the date of the record's latest source.
"""

from __future__ import annotations

import re
from typing import Any

from .names import acronym_key, fold, initials, looks_like_acronym, name_parts, party_code, person_parts

_WORD = re.compile(r"\w+")

#: Per kind, the data fields that filters match by name, and the fields naming the record's parties.
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("body", "acronym"),
    "agreements": ("name", "short_name", "acronym"),
    "pledges": ("by", "program", "purpose"),
    "figures": ("metric", "subject"),
    "people": ("name", "role", "affiliation"),
    "organizations": ("name", "acronym"),
    "events": ("name",),
    "quotes": ("speaker",),
}
PARTY_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("body",), "agreements": ("name",), "pledges": ("by",), "people": ("affiliation",),
    "organizations": ("name",),
}
#: The record's own date, by kind (first present wins); else its latest source's publication date.
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    "meetings": ("date",), "pledges": ("date",), "figures": ("period",), "events": ("date",),
    "quotes": ("date",),
}


def words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text)) if text else []


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _field_tokens(field: str, value: str, person: bool) -> set[str]:
    out = {f"{field}:{w}" for w in words(value)}
    ini = acronym_key(value) if looks_like_acronym(value) else initials(value)
    if ini:
        out.add(f"{field}#{ini.lower()}")
    parties, kernel = name_parts(value)
    out |= {f"{field}@{p.lower()}" for p in parties}
    out |= {f"{field}~{k}" for k in kernel if " " not in k}
    if person:
        _, surname = person_parts(value)
        if surname and " " not in surname:
            out.add(f"{field}${surname}")
    return out


def search_key(kind: str, data: dict) -> str:
    """The `search` column of a record of `kind` (see the module docstring)."""
    tokens: set[str] = set()
    for f in NAME_FIELDS.get(kind, ()):
        v = data.get(f)
        if isinstance(v, str) and v:
            tokens |= _field_tokens(f, v, person=(kind == "people" and f == "name"))
    for p in data.get("parties") or []:
        if isinstance(p, str):
            tokens.add(f"party:{(party_code(p) or fold(p)).lower().replace(' ', '_')}")
    for f in PARTY_FIELDS.get(kind, ()):
        v = data.get(f)
        if isinstance(v, str):
            tokens |= {f"party:{c.lower()}" for c in name_parts(v)[0]}
            if code := party_code(v):
                tokens.add(f"party:{code.lower()}")
    for s in _strings(data):
        tokens.update(words(s))
    return " " + " ".join(sorted(tokens)) + " "


def sort_date(kind: str, data: dict, last_published: str | None) -> str | None:
    """The `sort_date` column: the record's own date (meeting, pledge, period), else its last source."""
    for f in DATE_FIELDS.get(kind, ()):
        v = data.get(f)
        if isinstance(v, str) and v:
            return v[:32]
    return last_published or ""  # never NULL: NULLs sort first or last by dialect


# --- filters as SQL terms on the `search` column -------------------------------------------------

def _like(token: str) -> str:
    return token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _has(col, token: str, exact: bool = False):
    return col.like(f"% {_like(token)}{' ' if exact else ''}%", escape="\\")


def where_name(col, fields: tuple[str, ...], query: str, person: bool = False):
    """`query` names the record by one of `fields`: every word of it starts a word of the field; or it
    is an acronym equal to the field's initials; or the same parties and kernel words (word order,
    party spellings and stop words do not matter); for a person, the same surname (transliteration
    folded) with a matching first initial."""
    from sqlalchemy import and_, false, or_

    alts = []
    qwords = words(query)
    parties, kernel = name_parts(query)
    for f in fields:
        if qwords:
            alts.append(and_(*[_has(col, f"{f}:{w}") for w in qwords]))
        if looks_like_acronym(query) and (key := acronym_key(query)):
            alts.append(_has(col, f"{f}#{key.lower()}", exact=True))
        if parties and kernel:  # a name with its parties spelled another way
            alts.append(and_(*[_has(col, f"{f}@{p.lower()}", exact=True) for p in parties],
                             *[_has(col, f"{f}~{k}", exact=True) for k in kernel]))
        if person:
            given, surname = person_parts(query)
            if surname and " " not in surname:
                terms = [_has(col, f"{f}${surname}", exact=True)]
                if given:
                    terms.append(_has(col, f"{f}:{given[0][:1]}"))
                alts.append(and_(*terms))
    return or_(*alts) if alts else false()


def where_party(col, query: str):
    """`query` is one of the record's parties: its code ('Kazakhstan', 'Republic of Kazakhstan' and
    'KAZ' are one party) or, for a party we do not know, its folded name."""
    code = (party_code(query) or fold(query).strip()).lower().replace(" ", "_")
    return _has(col, f"party:{code}", exact=True)


def where_text(col, query: str):
    """Every word of `query` starts a word somewhere in the record (any field, any value)."""
    from sqlalchemy import and_, true

    qwords = words(query)
    return and_(*[_has(col, w) for w in qwords]) if qwords else true()
