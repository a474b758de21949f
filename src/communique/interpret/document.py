"""Interpret one document: the entry point the pipeline calls."""

from __future__ import annotations

from ..models import Extraction
from ..read import Document


def interpret(doc: Document, published: str | None) -> Extraction:
    from ..pipeline import empty_extraction

    return empty_extraction(doc, published, inferred=False)
