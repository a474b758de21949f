"""Case-blind keys for the words a case-blind regex matched.

Python's `re.IGNORECASE` matches four non-ASCII letters to ASCII ones — dotless "ı" and dotted
"İ" (Turkish, Azerbaijani) to i, the long "ſ" to s, the Kelvin sign to k — which `str.lower()`
keeps apart, so a table keyed on `.lower()` of such a match missed: "laſt year" or "mıllıon"
ended the document's extraction with a KeyError. `ignorecase_key` lowers the way the regexes
compare. (Not `ledger.names.fold`, which also drops accents, for matching names across sources.)
"""

from __future__ import annotations

#: The letters `re.IGNORECASE` matches to an ASCII one, and that one.
FOLD_TRAPS = ("İ", "ı", "ſ", "\u212a")
_FOLD = str.maketrans(dict(zip(FOLD_TRAPS, "iisk", strict=True)))


def ignorecase_key(word: str) -> str:
    """`word` lowered as `re.IGNORECASE` compares it ("İ" first: its own lower case is two letters)."""
    return word.translate(_FOLD).lower()
