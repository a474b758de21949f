"""Expanding what a user names (files, folders, globs, '-') into documents, past bad files."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from . import Document, make_document
from .encoding import decode
from .files import read_file

#: Extensions read from a folder; a file named explicitly is read whatever its extension.
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".text"}


def expand(paths: Iterable[str]) -> Iterator[Path | str]:
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        elif not path.exists() and any(ch in p for ch in "*?["):
            yield from (Path(m) for m in sorted(glob.glob(p, recursive=True)) if Path(m).is_file())
        else:
            yield path


def iter_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Yield a Document per input, or the InputError for one that cannot be read (never raises)."""
    for p in expand(paths):
        try:
            if p == "-":
                raw = sys.stdin.buffer.read()
                if not raw.strip():
                    raise InputError("<stdin>", "is empty")
                yield make_document(decode(raw, "<stdin>"), source="-")
            else:
                yield read_file(p)
        except InputError as exc:
            yield exc
