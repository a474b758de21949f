"""Normalising names so that differently written mentions of one thing compare equal.

Bodies, organisations and agreements become (parties, kernel tokens): "Kazakhstan–EU Cooperation
Council" and "Cooperation Council between the European Union and Kazakhstan" both give
({EU, KAZ}, (cooperation, council)). People become a spelling-independent key after titles are
dropped and transliteration pairs folded (Vassilenko / Vasilenko → vasilenko).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .statements import rules

_NON_WORD = re.compile(r"[^\w@&']+")


@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Lower case without accents (NFKD, combining marks dropped)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def spell(text: str) -> str:
    for a, b in rules()["spelling"]:
        text = text.replace(a, b)
    return text


@lru_cache(maxsize=1)
def _party_pattern() -> tuple[re.Pattern, dict[str, str]]:
    import pycountry

    phrases: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                phrases[fold(v)] = c.alpha_3
    for k, v in rules()["parties"].items():
        phrases[fold(str(k))] = v
    alts = sorted(phrases, key=len, reverse=True)
    pat = re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pat, phrases


@lru_cache(maxsize=65536)
def party_code(name: str | None) -> str | None:
    """'Kazakhstan', 'the European Union', 'EU' → KAZ, EU, EU; None when not a known party."""
    if not name:
        return None
    pat, phrases = _party_pattern()
    s = fold(name).strip().removeprefix("the ").strip()
    return phrases.get(s) or (phrases.get(m.group(1)) if (m := pat.fullmatch(s)) else None)


def party_name(code: str) -> str:
    """KAZ → Kazakhstan, EU → European Union (a code we do not know is returned as is)."""
    if code == "EU":
        return "European Union"
    import pycountry

    c = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    return (getattr(c, "common_name", None) or c.name) if c else code


@lru_cache(maxsize=65536)
def name_parts(name: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """(party codes named in it, sorted kernel tokens without stop words)."""
    if not name:
        return frozenset(), ()
    pat, phrases = _party_pattern()
    s = spell(fold(name)).replace("–", " ").replace("—", " ").replace("-", " ").replace("/", " ")
    parties = {phrases[m.group(1)] for m in pat.finditer(s)}
    s = pat.sub(" ", s)
    stop = set(rules()["name_stopwords"])
    tokens = [t.strip("'") for t in _NON_WORD.split(s)]
    kernel = sorted({t for t in tokens if t and t not in stop})
    return frozenset(parties), tuple(kernel)


@lru_cache(maxsize=65536)  # a rebuild asks again for every record of a recurring name
def initials(name: str | None) -> str | None:
    """Initials of the significant words: 'Enhanced Partnership and Cooperation Agreement' → EPCA."""
    if not name:
        return None
    stop = set(rules()["name_stopwords"])
    words = [w for w in re.split(r"[\s\-–—/]+", fold(name)) if w and w not in stop and w[0].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else None


@lru_cache(maxsize=65536)  # a rebuild asks again for every record of a recurring name
def without_parties(name: str | None) -> str:
    """The name with party names taken out, word order kept ('EU–Kazakhstan EPCA' → 'EPCA')."""
    if not name:
        return ""
    pat, _ = _party_pattern()
    folded = fold(name)
    if len(folded) != len(name):  # folding changed lengths: fall back to the folded text
        return " ".join(pat.sub(" ", folded.replace("–", " ").replace("-", " ")).split())
    out, last = [], 0
    for m in pat.finditer(folded.replace("–", " ").replace("—", " ").replace("-", " ")):
        out.append(name[last:m.start()])
        last = m.end()
    out.append(name[last:])
    return " ".join(" ".join(out).replace("–", " ").replace("—", " ").split()).strip(" -")


@lru_cache(maxsize=65536)
def acronym_key(value: str | None) -> str | None:
    if not value:
        return None
    key = re.sub(r"[^A-Za-z0-9]", "", value).upper()
    return key or None


@lru_cache(maxsize=65536)
def looks_like_acronym(value: str | None) -> bool:
    return bool(value) and bool(re.fullmatch(r"[A-Z][A-Za-z0-9&\-.]{1,9}", value.strip())) and \
        sum(c.isupper() for c in value) >= 2


@lru_cache(maxsize=1)
def _titles() -> re.Pattern:
    titles = sorted((fold(t) for t in rules()["person_titles"]), key=len, reverse=True)
    return re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in titles) + r")\.?\s+)+")


def translit(token: str) -> str:
    for a, b in rules()["transliteration"]:
        token = token.replace(a, b)
    return token


@lru_cache(maxsize=65536)
def person_parts(name: str | None) -> tuple[tuple[str, ...], str]:
    """(given-name keys, surname key) of a person's name, titles dropped, transliteration folded.

    A given name that is an initial stays one letter, so 'R. Vassilenko' matches 'Roman Vasilenko'.
    """
    if not name:
        return (), ""
    s = fold(name).replace("’", "'")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = _titles().sub("", s.strip())
    tokens = [t for t in re.split(r"[\s.,]+", s) if t]
    tokens = [translit(t.replace("-", "").replace("'", "")) for t in tokens]
    if not tokens:
        return (), ""
    return tuple(tokens[:-1]), tokens[-1]


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree when one is missing, equal, or an initial of the other."""
    if not a or not b:
        return True
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        return False
    return True
