"""One word/punctuation token stream per text, shared by the name annotators (people, agreements).

A document has hundreds of tokens and the annotators read most of them, so the stream is built
column-wise with C-level calls (one `findall`, `accumulate` for the offsets, `map` for the flags)
instead of one Python object initialiser per token; a token is a named tuple. The few texts in
flight are cached, so people and agreements share one tokenisation.
"""

from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, itemgetter

__all__ = ["Tok", "tokens", "TOKEN_RE", "cap_indices", "indices_of"]

# A word (with inner apostrophes and a plural possessive "States'"), a number, or one symbol.
TOKEN_RE = re.compile(
    r"[^\W\d_][\w\-+]*(?:['’][^\W\d_]+)*(?:(?<=s)['’](?![^\W\d_]))?|\d+(?:[.,]\d+)*\w*|[^\w\s]"
)
# The three branches above start at every character but whitespace and "_", so the text between
# two tokens is always `[\s_]*`: capturing it gives every offset by summing lengths.
_GAP_TOKEN = re.compile(r"([\s_]*)(" + TOKEN_RE.pattern + ")")
_APOSTROPHE = re.compile("['’]")
_POSS_ENDINGS = frozenset(("'s", "’s", "s'", "s’"))


class Tok(namedtuple("_Tok", "text start end base poss cap word")):
    """One token with its `[start, end)` offsets; `base` drops a possessive ending ("EU's" → "EU",
    poss True); `cap` / `word`: the first letter is upper case / a letter."""

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, base: str, poss: bool) -> Tok:
        first = base[:1]  # "" for an empty base: neither capitalised nor a word
        return tuple.__new__(cls, (text, start, end, base, poss, first.isupper(), first.isalpha()))

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start})"


_new = tuple.__new__
_FIRST = itemgetter(0)
_CAP = attrgetter("cap")
_TEXT = attrgetter("text")


def _tokenize(text: str) -> list[Tok]:
    pairs = _GAP_TOKEN.findall(text)
    texts = list(map(itemgetter(1), pairs))
    # offsets: the running sum over gap, token, gap, token … lengths
    bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
    ends = bounds[1::2]
    firsts = list(map(_FIRST, texts))  # a token has one character at least; a base keeps the first
    bases = texts
    poss = repeat(False)
    if "'" in text or "’" in text:
        # possessives end in "'s" or "s'" ("Kazakhstan's", "States'"): look only at the apostrophes
        at_end = None
        for m in _APOSTROPHE.finditer(text):
            p = m.start()
            for end, cut in ((p + 2, 2), (p + 1, 1)):
                if text[end - 2 : end] not in _POSS_ENDINGS:
                    continue
                if at_end is None:
                    at_end = dict(zip(ends, range(len(ends)), strict=True))
                i = at_end.get(end)
                if i is not None and len(texts[i]) > 2:
                    if bases is texts:
                        bases, poss = texts.copy(), [False] * len(texts)
                    bases[i] = texts[i][:-cut]
                    poss[i] = True
    return list(
        map(
            _new,
            repeat(Tok),
            zip(
                texts,
                bounds[0::2],
                ends,
                bases,
                poss,
                map(str.isupper, firsts),
                map(str.isalpha, firsts),
                strict=False,  # `poss` may be an endless repeat(False)
            ),
        )
    )


@lru_cache(maxsize=8)
def _tokens_cached(text: str) -> tuple[Tok, ...]:
    return tuple(_tokenize(text))


def tokens(text: str) -> list[Tok]:
    """Word and punctuation tokens of `text` (cached for the few texts in flight)."""
    return list(_tokens_cached(text))


def cap_indices(toks: list[Tok]) -> list[int]:
    """Indices of the tokens that start with a capital letter (C-level filter, no Python loop)."""
    return list(compress(range(len(toks)), map(_CAP, toks)))


def indices_of(toks: list[Tok], words) -> list[int]:
    """Indices of the tokens whose text is in `words` (a set)."""
    return list(compress(range(len(toks)), map(words.__contains__, map(_TEXT, toks))))
