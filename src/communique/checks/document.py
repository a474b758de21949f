"""Checks within one document (filled in by the checks work, issue 4)."""

from __future__ import annotations

from ..models import Extraction, Flag


def check_document(ex: Extraction, text: str) -> list[Flag]:
    """Flags for what does not add up inside one document."""
    return []
