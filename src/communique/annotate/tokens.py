"""One word/punctuation token stream per text, shared by the name annotators (people, agreements).

A document has hundreds of tokens and the annotators read most of them, so the stream is built
column-wise with C-level calls (one `findall`, `accumulate` for the offsets, `map` for the flags)
instead of one Python object initialiser per token; a token is a named tuple. The few texts in
flight are cached, so people and agreements share one tokenisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import namedtuple
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from typing import NamedTuple

from communique.interpret.scan import InFlight, char_positions

__all__ = ["Tok", "Stream", "tokens", "stream", "stream_of", "TOKEN_RE", "cap_indices", "indices_of"]

# A word (with inner apostrophes and a plural possessive "States'"), a number, or one symbol.
TOKEN_RE = re.compile(
    r"[^\W\d_][\w\-+]*(?:['’][^\W\d_]+)*(?:(?<=s)['’](?![^\W\d_]))?|\d+(?:[.,]\d+)*\w*|[^\w\s]"
)
# Split on the tokens, keeping them: text between, token, text between, token, …, text after;
# the running sum of those lengths gives every offset. The pattern is TOKEN_RE rewritten to match
# the same tokens faster (`test_tokens` checks both agree on mixed-script text):
# - possessive quantifiers: what follows each repeat is optional and cannot start with what it
#   repeats, so no match ever gives characters back; sre just keeps no backtracking points;
# - it opens with one class, `\S`, and tells the three kinds of token apart by a look-behind at
#   that character: sre skips whitespace by a leading class instead of trying every alternative at
#   every space (a token never starts with whitespace);
# - ASCII ranges before `\w`/`\d` in a class: the same set, but an ASCII character is found in the
#   class's bitmap before sre asks the Unicode database (~25% faster over all, measured).
_SPLIT = re.compile(
    r"(\S(?:(?<=[^\W\d_])[A-Za-z0-9_\w\-+]*+(?:['’][^\W\d_]++)*+(?:(?<=s)['’](?![^\W\d_]))?"
    r"|(?<=\d)[0-9\d]*+(?:[.,][0-9\d]++)*+[A-Za-z0-9_\w]*+|(?<=\W)))"
)
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


class Stream(NamedTuple):
    """A text's tokens with two of their columns kept as lists, for C-level filters over them."""

    toks: tuple[Tok, ...]
    texts: list[str]  # Tok.text of each token
    caps: list[bool]  # Tok.cap of each token


def _tokenize(text: str) -> Stream:
    parts = _SPLIT.split(text)
    texts = parts[1::2]
    bounds = list(accumulate(map(len, parts)))  # bounds[2k] starts token k, bounds[2k + 1] ends it
    ends = bounds[1::2]
    firsts = list(map(_FIRST, texts))  # a token has one character at least; a base keeps the first
    caps = list(map(str.isupper, firsts))
    bases = texts
    poss = repeat(False)
    if "'" in text or "’" in text:
        # possessives end in "'s" or "s'" ("Kazakhstan's", "States'"): look only at the apostrophes
        # (the token ending there found by bisection: `ends` rises, a dict of all of it cost more)
        n_toks = len(ends)
        for p in char_positions(text, "'’"):
            for end, cut in ((p + 2, 2), (p + 1, 1)):
                if text[end - 2 : end] not in _POSS_ENDINGS:
                    continue
                i = bisect_left(ends, end)
                if i < n_toks and ends[i] == end and len(texts[i]) > 2:
                    if bases is texts:
                        bases, poss = texts.copy(), [False] * len(texts)
                    bases[i] = texts[i][:-cut]
                    poss[i] = True
    toks = tuple(
        map(
            _new,
            repeat(Tok),
            zip(
                texts,
                bounds[0:-1:2],
                ends,
                bases,
                poss,
                caps,
                map(str.isalpha, firsts),
                strict=False,  # `poss` may be an endless repeat(False)
            ),
        )
    )
    return Stream(toks, texts, caps)


# The pipeline tokenizes one document at a time (context, people and agreements share it); a
# second slot spares a caller that reads one other text in between. Few slots also mean the
# tokens freed on eviction are recent memory the next text's tokens are built in (the scan ran
# ~20% faster inside the pipeline than with eight slots).
_streams: InFlight[Stream] = InFlight(_tokenize, keep=2)


def stream(text: str) -> Stream:
    """The token stream of `text`, made once while the text is among the last few asked for."""
    return _streams(text)


def stream_of(text: str, toks: list[Tok]) -> Stream | None:
    """The cached stream of `text` when its tokens equal `toks`, else None: lets a caller that was
    handed `tokens(text)` use the stream's columns. (Tuple equality tries identity first, so for
    the very same tokens it is one pointer test each.)"""
    st = _streams.get(text)
    if st is not None and len(st.toks) == len(toks) and st.toks == tuple(toks):
        return st
    return None


def tokens(text: str) -> list[Tok]:
    """Word and punctuation tokens of `text` (cached for the few texts in flight)."""
    return list(stream(text).toks)


def cap_indices(toks: list[Tok], st: Stream | None = None) -> list[int]:
    """Indices of the tokens that start with a capital letter (C-level filter, no Python loop);
    `st`: their stream, when known."""
    if st is not None:
        return list(compress(range(len(st.caps)), st.caps))
    return list(compress(range(len(toks)), map(_CAP, toks)))


def indices_of(toks: list[Tok], words, st: Stream | None = None) -> list[int]:
    """Indices of the tokens whose text is in `words` (a set); `st`: their stream, when known."""
    texts = st.texts if st is not None else map(_TEXT, toks)
    return list(compress(range(len(toks)), map(words.__contains__, texts)))
