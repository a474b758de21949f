"""Reading one file of any supported type into a `Document`."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import Document, make_document
from .encoding import decode


def read_file(path: Path) -> Document:
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise InputError(source, "is empty")
    text = decode(raw, source)
    if not text.strip():
        raise InputError(source, "contains no text")
    return make_document(text, source=source)
