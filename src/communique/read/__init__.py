"""Stage 1, read: bytes from a file, a folder, stdin or a feed → `Document` (normalised text).

Text is NFC-normalised and every span in the pipeline refers to that normalised text. A document is
known by the sha256 of its normalised text, so the same text read twice is the same document.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["Document", "make_document", "read_path", "read_text", "InputError"]


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


def normalise(text: str) -> str:
    """NFC, with Windows/Mac line ends made `\\n` (one character for one, so no offset moves)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def make_document(text: str, source: str | None = None, title: str | None = None,
                  published: str | None = None) -> Document:
    text = normalise(text)
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(id=doc_id, text=text, source=source, title=title, published=published)


def read_text(text: str, source: str | None = None, published: str | None = None) -> Document:
    """A document from a string already in memory."""
    return make_document(text, source=source, published=published)


def read_path(path: str | Path) -> Document:
    """Read one file by its extension; raises `InputError` naming the file and the problem."""
    from .files import read_file

    return read_file(Path(path))
