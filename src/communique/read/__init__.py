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


def normalise(text: str) -> str:
    """NFC; `\\r\\n`, `\\r`, form feeds and Unicode line/paragraph separators become `\\n`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROLS.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def make_document(text: str, source: str | None = None, title: str | None = None,
                  published: str | None = None, meta: dict | None = None) -> Document:
    from .language import detect_language

    text = normalise(text)
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
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
