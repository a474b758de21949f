"""PDF → `Document` via pdfminer.six: text boxes in reading order, a blank line between boxes.

pdfminer's layout analysis groups characters into lines and lines into boxes and orders the boxes
(two-column pages come out column by column, footers last), which is why it is used rather than a
faster extractor that returns drawing order. Lines inside a box stay separated by one newline; the
segmenter reads a lone newline as a space. The title comes from the document information
dictionary when it has one. The creation date is not used as the publication date: it is the date
the file was made, often long after the text was issued.
"""

from __future__ import annotations

import io
import logging
import re

from ..errors import InputError
from . import Document, make_document

_EOF = re.compile(rb"%%EOF\s*$")

# pdfminer logs its repairs of odd files as warnings; with no handler configured, Python would
# print them on stderr between our output lines. A NullHandler keeps them quiet unless the
# application configures logging itself.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_DIGITS = re.compile(r"\d+")


def read_pdf(raw: bytes, source: str) -> Document:
    """Text and title of a PDF; `InputError` for a cut, encrypted, broken or image-only file."""
    if not raw.lstrip()[:5] == b"%PDF-":
        raise InputError(source, "is not a PDF (no %PDF- header)")
    if not _EOF.search(raw[-2048:]):
        raise InputError(source, "PDF is truncated (no %%EOF marker at the end)")
    try:
        title, pages = _extract(raw)
    except InputError as exc:
        raise InputError(source, exc.problem) from None
    except Exception as exc:  # a third-party parser on arbitrary bytes: any failure is bad input
        raise InputError(source, f"PDF could not be parsed ({type(exc).__name__}: {_short(exc)})") from None
    pages = drop_running_lines(pages)
    text = "\n\n".join("\n\n".join(boxes) for boxes in pages if boxes)
    if not text.strip():
        raise InputError(source, "PDF has no text layer (scanned pages need OCR first)")
    return make_document(text, source=source, title=title)


def _extract(raw: bytes) -> tuple[str | None, list[list[str]]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    parser = PDFParser(io.BytesIO(raw))
    try:
        doc = PDFDocument(parser)
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError("", "PDF is encrypted") from None
    if not doc.is_extractable:
        raise InputError("", "PDF forbids text extraction")
    rsrc = PDFResourceManager()
    device = PDFPageAggregator(rsrc, laparams=LAParams())
    interpreter = PDFPageInterpreter(rsrc, device)
    pages: list[str] = []
    for page in PDFPage.create_pages(doc):
        interpreter.process_page(page)
        layout = device.get_result()
        boxes = [_box_text(el.get_text()) for el in layout if isinstance(el, LTTextBox)]
        pages.append([b for b in boxes if b])
    return _title(doc), pages


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers and footers: a one-line box among the first or last two of at least
    half of the pages (two at least), compared with digits masked ("Page 2 of 3" ~ "Page 3 of 3")."""
    if len(pages) < 2:
        return pages
    counts: dict[str, int] = {}
    for boxes in pages:
        ends = {_mask(b) for b in boxes[:2] + boxes[-2:] if _one_line(b)}
        for key in ends:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    running = {k for k, c in counts.items() if c >= need}
    if not running:
        return pages
    out = []
    for boxes in pages:
        n = len(boxes)
        out.append([b for i, b in enumerate(boxes)
                    if not ((i < 2 or i >= n - 2) and _one_line(b) and _mask(b) in running)])
    return out


def _one_line(box: str) -> bool:
    """One line of at most 120 characters: what a running header or footer looks like."""
    return len(box) <= 120 and "\n" not in box


def _mask(box: str) -> str:
    return _DIGITS.sub("#", " ".join(box.lower().split()))


def _box_text(s: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def _title(doc) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in doc.info or []:
        value = resolve1(info.get("Title")) if isinstance(info, dict) else None
        if isinstance(value, bytes):
            value = decode_text(value)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _short(exc: Exception) -> str:
    msg = " ".join(str(exc).split())
    return msg[:80] + ("…" if len(msg) > 80 else "")
