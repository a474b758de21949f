"""communique: a sourced, checked, queryable ledger of a partnership between states.

`import communique` stays cheap: the pipeline is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
#: Bumped whenever extraction rules change, so the ledger knows which statements to re-derive.
EXTRACTOR_VERSION = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .models import Extraction

__all__ = ["extract", "__version__", "EXTRACTOR_VERSION"]


def extract(path_or_text: Any, published: str | None = None) -> Extraction:
    """Read one document (a path, raw text, or a `read.Document`) and return its `Extraction`."""
    from .pipeline import extract as _extract

    return _extract(path_or_text, published=published)
