"""Stage 2, segment: text → paragraphs and sentences with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Sentence", "Paragraph", "segment", "paragraphs"]

_PARA = re.compile(r"\n[ \t]*\n+")
_LONE_NL = re.compile(r"(?<!\n)\n(?!\n)")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        _add_para(out, text, pos, m.start())
        pos = m.end()
    _add_para(out, text, pos, len(text))
    return out


def _add_para(out: list[Paragraph], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    if trail > lead:
        out.append(Paragraph(start + lead, start + trail, chunk[lead:trail]))


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def segment(text: str) -> list[Sentence]:
    """Sentences with offsets into `text`; paragraphs never share a sentence."""
    out: list[Sentence] = []
    for pi, para in enumerate(paragraphs(text)):
        # pysbd splits at every single newline; a lone newline inside a paragraph becomes a space,
        # one character for one, so offsets hold.
        flat = _LONE_NL.sub(" ", para.text)
        for s in _segmenter().segment(flat):
            seg = s.sent
            start = s.start
            lead = len(seg) - len(seg.lstrip())
            body = seg.strip()
            if body:
                a = para.start + start + lead
                out.append(Sentence(a, a + len(body), text[a:a + len(body)], pi))
    return out
