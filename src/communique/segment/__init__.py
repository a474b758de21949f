"""Stage 2, segment: text → paragraphs and sentences with character offsets.

Paragraphs are separated by blank lines; a sentence never crosses one. Inside a paragraph a heading
(a short line without final punctuation), a Markdown heading, a list item and a table row are each
their own sentence; the rest is split after `.`, `!`, `?` or `…` (and any closing quotes) when the
next word starts with a capital or a digit, except after the abbreviations listed in
`data/abbreviations.yaml` (Mr., H.E., U.S., No. 5, Jan., Art., e.g. …).

Why not pysbd: it was the first choice (exact `char_span` offsets, good rules), but it measured
16 ms per 3 KB document here (this splitter: 0.3 ms), more than the whole per-document budget of
a 100 docs/s pipeline, and it still split after "Amb." and similar. Tests check that on our
example documents this splitter finds pysbd's sentences, except in lists and tables, which it
splits per item on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..annotate.types import fast_init

__all__ = ["Sentence", "Paragraph", "segment", "paragraphs"]

_PARA = re.compile(r"\n[ \t\u00a0]*\n+")
#: End of a sentence candidate: terminal punctuation, closing quotes/brackets, then whitespace.
# (`[.!?…][.!?…]*`, not `[.!?…]+`: sre skips ahead by a leading class, not by a leading repeat)
# (a footnote mark may follow: "… signed in November 2022.[4] An agreement …")
_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?:\[\d{1,3}\])?\s+")
_OPENERS = "\"'“‘«([¿¡"
_TOKEN_LEAD = "\"'“‘«(["
#: Lines that are their own unit inside a paragraph: list items, table rows, Markdown headings.
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•▪–—][ \t]+|\d{1,3}[.)][ \t]+|[a-z][)][ \t]+|\|)")
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+\S")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.-?)+[A-Za-z]$")
_WORD = re.compile(r"[\w'’-]+")
_FINAL = set(".!?…:;,\"'”’»)]")
_QUOTE = re.compile(r"[\"“”«»]")


@fast_init
@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@fast_init
@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with offsets (cached for the few texts in flight: they are frozen)."""
    return list(_paragraphs_cached(text))


@lru_cache(maxsize=8)
def _paragraphs_cached(text: str) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    pos = 0
    for m in _PARA.finditer(text):
        _add_para(out, text, pos, m.start())
        pos = m.end()
    _add_para(out, text, pos, len(text))
    return tuple(out)


def _add_para(out: list[Paragraph], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail > lead:
        out.append(Paragraph(start + lead, start + trail, chunk[lead:trail]))


@dataclass(frozen=True)
class _Rules:
    titles: frozenset[str]
    never_final: frozenset[str]
    before_number: frozenset[str]
    may_end: frozenset[str]
    starters: frozenset[str]
    not_heading_last: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    from ..data import DataError, load

    d = load("abbreviations")

    def words(key: str) -> list[str]:
        values = d.get(key) or []
        if not all(isinstance(x, str) for x in values):  # YAML reads bare No/On as booleans
            raise DataError(f"abbreviations.yaml: {key} must hold only strings (quote 'No', 'On')")
        return values

    def low(key: str) -> frozenset[str]:
        return frozenset(x.lower() for x in words(key))

    return _Rules(low("titles"), low("never_final"), low("before_number"), low("may_end"),
                  frozenset(words("sentence_starters")), low("not_heading_last_words"))


def segment(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`; paragraphs never share a sentence. Cached for the few
    texts in flight (extraction and the document checks segment the same text; sentences are frozen)."""
    return list(_segment_cached(text))


@lru_cache(maxsize=8)
def _segment_cached(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    rules = _rules()
    for pi, para in enumerate(paragraphs(text)):
        a, b, line = para.start, para.end, para.text
        if "\n" in line:
            spans = _split_paragraph(text, a, b)
        # Nearly every paragraph is one line: _split_paragraph's steps for a single line, inline.
        elif _MD_HEADING.match(line):
            spans = [(a, b, True)]
        elif _LIST_ITEM.match(line) or not _is_heading(text, [(a, b)], 0, rules):
            spans = _split_run(text, a, b, rules, line)
        else:
            spans = [(a, b, True)]
        for s, e, heading in spans:
            out.append(Sentence(s, e, text[s:e], pi, heading))
    return tuple(out)


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) of each sentence of the paragraph `text[start:end]`."""
    # a paragraph is trimmed: one without a line break is its own single line
    lines = _lines(text, start, end) if text.find("\n", start, end) >= 0 else [(start, end)]
    rules = _rules()
    out: list[tuple[int, int, bool]] = []
    run_start: int | None = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        md = _MD_HEADING.match(line)
        own = bool(md or _LIST_ITEM.match(line))  # _is_own_unit, reusing the heading match
        heading = _is_heading(text, lines, i, rules) if not own else bool(md)
        if heading or own:
            if run_start is not None:
                out.extend(_split_run(text, run_start, lines[i - 1][1], rules))
                run_start = None
            if heading:
                out.append((a, b, True))
            else:
                run_start = a
            continue
        if run_start is None:
            run_start = a
    if run_start is not None:
        out.extend(_split_run(text, run_start, lines[-1][1], rules))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of `text[start:end]` as trimmed (start, end) offsets."""
    out, pos = [], start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        seg = text[pos:stop]
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _is_own_unit(line: str) -> bool:
    return bool(_LIST_ITEM.match(line) or _MD_HEADING.match(line))


def _is_heading(text: str, lines: list[tuple[int, int]], i: int, rules: _Rules) -> bool:
    """A short line, capitalised, without final punctuation, standing between sentence ends."""
    a, b = lines[i]
    line = text[a:b]
    if line[-1] in _FINAL or not (line[0].isupper() or line[0].isdigit()):
        return False
    if len(line) > 100 and (i > 0 or len(line) > 300 or text[:a].strip()):
        return False
    words = _WORD.findall(line)
    if i == 0 and not text[:a].strip() and len(lines) > 1 and 3 <= len(words) <= 30:
        # the document's first line, a long title over a single line break: the body line under it
        # starts a sentence and is unwrapped prose, far longer than the title
        nxt = text[lines[1][0] : lines[1][1]].lstrip(_OPENERS)
        if nxt[:1].isupper() and (lines[1][1] - lines[1][0] > max(200, 1.5 * len(line))):
            return True
    if len(line) > 100:
        return False
    if not words or len(words) > 14 or words[-1].lower() in rules.not_heading_last:
        return False
    if len(lines) == 1:
        return True
    # In hard-wrapped text (Markdown, PDF) every line is near the wrap width: a heading must be
    # clearly shorter than the longest other line of its paragraph.
    longest = max(e - s for j, (s, e) in enumerate(lines) if j != i)
    if len(line) > 70 or len(line) > 0.75 * longest:
        return False
    if i > 0:
        prev = text[lines[i - 1][0]:lines[i - 1][1]]
        if prev[-1] not in ".!?…:\"'”’»)" and not _is_own_unit(prev):
            return False
    if i + 1 < len(lines):
        nxt = text[lines[i + 1][0]:lines[i + 1][1]].lstrip(_OPENERS)
        if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or _is_own_unit(nxt)):
            return False
    return True


def _quoted(run: str) -> list[tuple[int, int]]:
    """Regions between an opening and its closing double quote (“…” or "…"), closed in the run."""
    out, opened = [], None
    for m in _QUOTE.finditer(run):
        q = m.group()
        if opened is None:
            if q in "“\"«":
                opened = m.start()
        elif q in "”\"»":
            out.append((opened, m.start()))
            opened = None
        elif q == "“":  # an unclosed quote: start again from the new one
            opened = m.start()
    return out


def _split_run(text: str, start: int, end: int, rules: _Rules,
               run: str | None = None) -> list[tuple[int, int, bool]]:
    """Split one run of lines; like pysbd, a quotation closed in the run stays one sentence.
    `run`: text[start:end], when the caller holds it already."""
    out: list[tuple[int, int, bool]] = []
    if run is None:
        run = text[start:end]
    quoted = _quoted(run) if ('"' in run or "“" in run or "«" in run) else []
    sent_start = 0
    n = len(run)
    for m in _END.finditer(run):
        if quoted and any(qa < m.start() and m.end() <= qb for qa, qb in quoted):
            continue
        # where the next sentence would start: after any opening quotes or brackets (found
        # without copying the rest of the run for each candidate end)
        p = m.end()
        while p < n and run[p] in _OPENERS:
            p += 1
        if p >= n or not (run[p].isupper() or run[p].isdigit()):
            continue
        if not _ends_sentence(run, m, p, rules):
            continue
        stop = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if stop > sent_start:
            out.append((start + sent_start, start + stop, False))
        sent_start = m.end()
    tail = run[sent_start:].rstrip()  # non-empty exactly when it holds more than whitespace
    if tail:
        out.append((start + sent_start, start + sent_start + len(tail), False))
    return out


def _ends_sentence(run: str, m: re.Match, p: int, rules: _Rules) -> bool:
    """Does the candidate end `m` end a sentence? `p`: where the next one would start in `run`."""
    punct = m.group().rstrip()
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # "!", "?", "…" and "..." end a sentence before a capital
    before = run[max(0, m.start() - 40):m.start()]
    token = before.rsplit(None, 1)[-1].lstrip(_TOKEN_LEAD) if before.strip() else ""
    low = token.lower()
    if low in rules.titles or low in rules.never_final:
        return False
    if low in rules.before_number and run[p].isdigit():
        return False
    nxt_word = _WORD.match(run, p)
    starter = bool(nxt_word) and nxt_word.group() in rules.starters
    if len(token) == 1 and token.isupper():
        return starter  # an initial ("Kassym-Jomart K. Tokayev") unless a sentence plainly follows
    if low in rules.may_end or _DOTTED.match(token):
        return starter
    return True
