"""Reading one file (or one buffer of bytes) of any supported type into a `Document`."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from . import Document, make_document
from .encoding import declared_charset, decode

#: File extension → kind of content. A file with another extension is sniffed from its bytes.
KINDS = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
         ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL)


def sniff(raw: bytes) -> str:
    """"pdf", "html" or "text" from the first bytes (for stdin and unknown extensions)."""
    head = raw[:1024].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if _HTML_START.match(head):
        return "html"
    return "text"


#: Larger files are refused before reading: no press release or report comes near it, and a
#: video or disk image named by mistake should not be loaded into memory.
MAX_BYTES = 100 * 1024 * 1024


def read_file(path: Path) -> Document:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(source, f"is too large ({size / 2**20:.0f} MB; the limit is "
                                     f"{MAX_BYTES // 2**20} MB)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    return read_raw(raw, source, KINDS.get(path.suffix.lower()))


def read_raw(raw: bytes, source: str, kind: str | None = None) -> Document:
    """Bytes of a known (or, with None, sniffed) kind → `Document`; `InputError` when unreadable."""
    if not raw.strip():
        raise InputError(source, "is empty")
    kind = kind or sniff(raw)
    if kind == "pdf":
        from .pdf import read_pdf

        doc = read_pdf(raw, source)
    elif kind == "html":
        from .html import read_html

        doc = read_html(_decode_html(raw, source), source)
    else:
        text = decode(raw, source)
        if not text.strip():
            raise InputError(source, "contains no text")
        doc = make_document(text, source=source, title=text_title(text))
    doc.meta["format"] = kind
    return doc


_MD_TITLE = re.compile(r"#{1,2}[ \t]+(.+?)[ \t#]*$")


def text_title(text: str) -> str | None:
    """A plain text's title: its first line when that line is a heading standing alone (a Markdown
    `#` heading, or a short line without final punctuation followed by a blank line)."""
    head = text.lstrip("\ufeff \t\r\n")
    first, _, rest = head.partition("\n")
    first = first.strip()
    m = _MD_TITLE.match(first)
    if m:
        return m.group(1).strip() or None
    standalone = not rest or not rest.split("\n", 1)[0].strip()
    if standalone and 0 < len(first) <= 150 and first[-1] not in ".!?:;," and len(first.split()) <= 20:
        return first
    return None


def _decode_html(raw: bytes, source: str) -> str:
    """A page's declared charset wins when the bytes are valid in it; else the usual detection."""
    charset = declared_charset(raw)
    if charset and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(raw, source)
