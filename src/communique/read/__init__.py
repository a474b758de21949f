"""Stage 1, read: bytes from a file, a folder, stdin or a feed → `Document` (normalised text).

Text is NFC-normalised and every span in the pipeline refers to that normalised text. A document is
known by the sha256 of its normalised text, so the same text read twice is the same document.
Parsers for HTML (trafilatura) and PDF (pdfminer.six) live in their own modules and are imported on
first use, so `import communique.read` stays cheap.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["Document", "make_document", "normalise", "read_bytes", "read_path", "read_text", "InputError"]


@dataclass
class Document:
    """One input text, normalised, with what is known of its origin."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    meta: dict = field(default_factory=dict)


# C0/C1 control characters other than tab and newline carry no text; each becomes one space so that
# the normalised text keeps a character for every character of the decoded input.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


#: The bytes of `_CONTROLS`' characters below 0x80 in UTF-8 (each is one byte there, and no byte
#: of a longer sequence is below 0x80); those from 0x80 to 0x9f are 0xc2 then 0x80-0x9f.
_CONTROL_BYTES = bytes([*range(0x09), 0x0b, *range(0x0e, 0x20), 0x7f])


def normalise(text: str) -> str:
    """NFC; `\\r\\n`, `\\r`, form feeds and Unicode line/paragraph separators become `\\n`."""
    return _normalised(text)[0]


def _normalised(text: str) -> tuple[str, bytes]:
    """`normalise(text)` and its UTF-8 bytes (what the document id is the hash of).

    Whether the text holds a control character is read from its UTF-8 bytes (deleting the
    one-byte ones, then the few 0xc2 lead bytes), not by `_CONTROLS` testing every character
    (~50 instructions each, the bytes ~3); the bytes are then reused for the id when NFC leaves
    the text as it is, the usual case."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    raw: bytes | None = text.encode("utf-8")  # (a lone surrogate fails here, as in the id's hash)
    if len(raw.translate(None, _CONTROL_BYTES)) != len(raw) or _c1_control(raw):
        text, raw = _CONTROLS.sub(" ", text), None
    nfc = unicodedata.normalize("NFC", text)
    if raw is None or nfc is not text:
        raw = nfc.encode("utf-8")
    return nfc, raw


def _c1_control(raw: bytes) -> bool:
    """Whether UTF-8 bytes hold a character from U+0080 to U+009F."""
    at = raw.find(b"\xc2")
    while at >= 0:
        if 0x80 <= raw[at + 1] <= 0x9f:
            return True
        at = raw.find(b"\xc2", at + 2)
    return False


def make_document(text: str, source: str | None = None, title: str | None = None,
                  published: str | None = None, meta: dict | None = None) -> Document:
    from .language import detect_language

    text, raw = _normalised(text)
    doc_id = hashlib.sha256(raw).hexdigest()
    return Document(id=doc_id, text=text, source=source, title=title, published=published,
                    language=detect_language(text), meta=dict(meta or {}))


def read_text(text: str, source: str | None = None, published: str | None = None) -> Document:
    """A document from a string already in memory."""
    return make_document(text, source=source, published=published)


def read_bytes(raw: bytes, source: str, kind: str | None = None) -> Document:
    """A document from bytes: `kind` is "text", "html" or "pdf"; None sniffs it from the bytes.

    Raises `InputError` naming `source` and the problem.
    """
    from .files import read_raw

    return read_raw(raw, source, kind)


def read_path(path: str | Path) -> Document:
    """Read one file by its extension; raises `InputError` naming the file and the problem."""
    from .files import read_file

    return read_file(Path(path))
