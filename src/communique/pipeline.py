"""The document → records function: read → segment → annotate → interpret → checks.

`extract_document` is pure and picklable (module-level, no open handles), so the same function runs
in-process, in a process pool, or as a Ray Data stage.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from .models import DocumentInfo, Extraction
from .read import Document, make_document, read_path

__all__ = ["extract", "extract_document"]


def _as_document(path_or_text: Any) -> Document:
    if isinstance(path_or_text, Document):
        return path_or_text
    if isinstance(path_or_text, Path):
        return read_path(path_or_text)
    if isinstance(path_or_text, str):
        if "\n" not in path_or_text and len(path_or_text) < 4096 and _is_file(path_or_text):
            return read_path(path_or_text)
        return make_document(path_or_text)
    raise TypeError(f"extract() takes a path, a text or a Document, not {type(path_or_text).__name__}")


def _is_file(s: str) -> bool:
    try:
        return Path(s).is_file()
    except (OSError, ValueError):  # a sentence longer than a file name, or with a NUL byte
        return False


def extract(path_or_text: Any, published: str | None = None) -> Extraction:
    doc = _as_document(path_or_text)
    return extract_document(doc, published=published)


@lru_cache(maxsize=1)
def _stages():
    """The stage functions, imported on first use (they load their data files) and kept: an
    import statement per document costs more than some stages."""
    from .checks.document import check_document
    from .fx.convert import enrich_pledges
    from .interpret.document import interpret

    return interpret, enrich_pledges, check_document


def extract_document(doc: Document, published: str | None = None) -> Extraction:
    """Run every stage on one document. `published` (YYYY-MM-DD or YYYY-MM) overrides the page's."""
    interpret, enrich_pledges, check_document = _stages()
    ex = interpret(doc, published=published or doc.published)
    enrich_pledges(ex)
    ex.flags.extend(check_document(ex, doc.text))
    return ex


def empty_extraction(doc: Document, published: str | None, inferred: bool) -> Extraction:
    return Extraction(document=DocumentInfo(id=doc.id, source=doc.source, title=doc.title,
                                            published=published, published_inferred=inferred,
                                            language=doc.language))
