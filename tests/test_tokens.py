"""The shared token stream (annotate.tokens): offsets, possessives, flags, and agreement with a
plain one-match-at-a-time reading of the same pattern."""

from __future__ import annotations

import pytest

from communique.annotate.tokens import TOKEN_RE, Tok, cap_indices, indices_of, stream, stream_of, tokens


def _reference(text: str) -> list[tuple]:
    """The obvious tokenizer: one regex match at a time, the possessive cut by hand."""
    out = []
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        base, poss = t, False
        if len(t) > 2 and t[-1] == "s" and t[-2] in "'’":
            base, poss = t[:-2], True
        elif len(t) > 2 and t[-1] in "'’" and t[-2] == "s":
            base, poss = t[:-1], True
        out.append((t, m.start(), m.end(), base, poss, base[:1].isupper(), base[:1].isalpha()))
    return out


TEXTS = [
    "Kazakhstan's Foreign Minister Erlan Idrissov met the United States' envoy.",
    "Kazakhstan’s exports rose 4.5% in 2023 (to US$ 1,200.5 million) — a record.",
    "  leading spaces, __under_scores__ and\ttabs\nnew lines  ",
    "it's, don't, x's, bus's, James' and the boss’ car; O'Neill d'Affaires",
    "² squared, 1990s, 3rd, Ünal Çelik, «quoted», „so“, ‘single’ 's s' ’s",
    "",
    "'",
    "s'",
    "a's",
    # other scripts and digit kinds: the split pattern tells letters, digits and symbols apart by a
    # look-behind after ASCII-first classes; the tokens must stay those of TOKEN_RE
    "٣٤ Ελλάδα Москва_1 x_y 10_000 ½ ١٢٫٥ 東京 ﬁne ǅemal ₸5 €1,5 _a a_ __ 9² 2²x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_match_reference(text):
    assert [tuple(t) for t in tokens(text)] == _reference(text)


def test_tokens_match_reference_on_random_texts():
    """Random strings over the characters the pattern treats specially (apostrophes, s, digits,
    separators, hyphens, plus, underscores, letters of other scripts, a Roman numeral)."""
    import random

    rnd = random.Random(7)
    alphabet = list("sS's’aZ9 ,._-+\n\t()«»") + ["’s", "s'", "ß", "Ж", "Ⅷ", "²", "1.5", "ab"]
    for _ in range(400):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert [tuple(t) for t in tokens(text)] == _reference(text), text


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_slice_the_text(text):
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
        assert t.text.startswith(t.base)


def test_possessive_base_and_flags():
    toks = {t.text: t for t in tokens("Kazakhstan's States' EU’s its 1990s")}
    assert (toks["Kazakhstan's"].base, toks["Kazakhstan's"].poss) == ("Kazakhstan", True)
    assert (toks["States'"].base, toks["States'"].poss) == ("States", True)
    assert (toks["EU’s"].base, toks["EU’s"].poss) == ("EU", True)
    assert (toks["its"].base, toks["its"].poss) == ("its", False)
    assert toks["Kazakhstan's"].cap and toks["Kazakhstan's"].word
    assert not toks["its"].cap and toks["its"].word
    assert not toks["1990s"].cap and not toks["1990s"].word


def test_tok_constructor_derives_flags():
    t = Tok("X", 3, 4, "X", False)
    assert (t.text, t.start, t.end, t.base, t.poss, t.cap, t.word) == ("X", 3, 4, "X", False, True, True)
    assert not Tok(",", 0, 1, ",", False).word
    assert not Tok("", 0, 0, "", False).cap  # an empty base is neither capitalised nor a word


def test_index_helpers():
    toks = tokens("The treaty and the Agreement on Trade, signed in Astana.")
    assert [toks[i].text for i in cap_indices(toks)] == ["The", "Agreement", "Trade", "Astana"]
    assert [toks[i].text for i in indices_of(toks, {"treaty", "Agreement"})] == ["treaty", "Agreement"]


def test_tokens_returns_a_fresh_list():
    a = tokens("One two three")
    a.append(None)
    assert len(tokens("One two three")) == 3


def test_stream_columns_agree_with_the_tokens():
    text = "Kazakhstan's Foreign Minister signed the Treaty and an agreement, Astana, 2024."
    st = stream(text)
    toks = tokens(text)
    assert list(st.toks) == toks
    assert st.texts == [t.text for t in toks] and st.caps == [t.cap for t in toks]
    assert cap_indices(toks, st) == cap_indices(toks)
    words = {"Treaty", "agreement"}
    assert indices_of(toks, words, st) == indices_of(toks, words) == [5, 8]


def test_stream_of_only_for_the_same_tokens():
    text = "The Agreement on Trade was signed."
    toks = tokens(text)
    assert stream_of(text, toks) is stream(text)
    assert stream_of(text, toks[:-1]) is None  # another token list: the caller's own columns
    assert stream_of(text, tokens("The Agreement on Trade was initialled.")) is None
    assert stream_of("not tokenized yet " * 3, toks) is None


def test_the_cache_keeps_only_the_last_texts():
    from communique.annotate import tokens as module

    for k in range(3 * module._streams.keep):
        stream(f"Text number {k}.")
    assert len(module._streams.made) <= module._streams.keep
