"""Expanding what a user names (files, folders, globs, '-') into documents, past bad inputs.

`iter_documents` never raises for bad input: it yields the `InputError` in place of the document,
so a caller can report it and go on with the others.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import InputError
from . import Document
from .files import KINDS, read_file, read_raw
from .jsonl import iter_jsonl

#: Extensions read from a folder; a file named explicitly is read whatever its extension.
TEXT_SUFFIXES = set(KINDS)
#: Extensions of JSON Lines feeds, read as feeds even without `--input jsonl`.
FEED_SUFFIXES = {".jsonl", ".ndjson"}

InputFormat = Literal["auto", "jsonl"]


def expand(paths: Iterable[str], suffixes: set[str] | None = None) -> Iterator[Path | str | InputError]:
    """Files named, found in folders (recursively, sorted) or matched by globs; '-' stays '-'.

    A folder or glob that yields no file is an `InputError`, so a typo never passes silently.
    """
    suffixes = suffixes or TEXT_SUFFIXES | FEED_SUFFIXES
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if _wanted(f, path, suffixes))
            if not found:
                kinds = ", ".join(sorted(suffixes))
                yield InputError(p, f"folder holds no readable files ({kinds})")
            yield from found
        elif not path.exists() and any(ch in p for ch in "*?["):
            found = [Path(m) for m in sorted(glob.glob(p, recursive=True)) if Path(m).is_file()]
            if not found:
                yield InputError(p, "no file matches this pattern")
            yield from found
        else:
            yield path


def _wanted(f: Path, root: Path, suffixes: set[str]) -> bool:
    """A file of a readable kind, not hidden, and not the folder's README (it describes the
    folder's documents; it is not one of them)."""
    return (f.suffix.lower() in suffixes and f.stem.upper() != "README" and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(root).parts))


def iter_documents(paths: Iterable[str], input_format: InputFormat = "auto",
                   stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Yield a Document per input, or the InputError for one that cannot be read (never raises).

    With `input_format="jsonl"` every path (or '-') is a JSON Lines feed; otherwise files named
    `*.jsonl` / `*.ndjson` are feeds and everything else is one document per file.
    """
    feeds_only = input_format == "jsonl"
    for p in expand(paths, FEED_SUFFIXES if feeds_only else None):
        if isinstance(p, InputError):
            yield p
            continue
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            if p == "-" and feeds_only:
                yield from iter_jsonl(stream, "<stdin>")
            elif p == "-":
                doc = read_raw(stream.read(), "<stdin>")
                doc.source = "-"  # the contract's source is the path as given
                yield doc
            elif feeds_only or p.suffix.lower() in FEED_SUFFIXES:
                yield from _iter_feed_file(p)
            else:
                yield read_file(p)
        except InputError as exc:
            yield exc


def _iter_feed_file(path: Path) -> Iterator[Document | InputError]:
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    with fh:
        yield from iter_jsonl(fh, str(path))
