"""bench/speed.py's stage sampler: each sampled stack is charged to the stage it is in."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.speed import stage_of  # noqa: E402

SRC = "/x/src/communique/"


def _chain(*frames: tuple[str, str]) -> list[tuple[str, str]]:
    """(function, file) frames given outermost first, returned innermost first as sampled."""
    return list(reversed(frames))


def test_annotators_are_told_apart_under_context_build():
    chain = _chain(("extract_document", SRC + "pipeline.py"), ("interpret", SRC + "interpret/document.py"),
                   ("build_context", SRC + "interpret/document.py"), ("build", SRC + "interpret/context.py"),
                   ("find_dates", SRC + "annotate/dates.py"), ("match", "/usr/lib/python3.11/re/__init__.py"))
    assert stage_of(chain) == "annotate: dates.find_dates"
    seg = _chain(("interpret", SRC + "interpret/document.py"), ("build", SRC + "interpret/context.py"),
                 ("segment", SRC + "segment/__init__.py"))
    assert stage_of(seg) == "annotate: segment.segment"


def test_interpreters_checks_and_reading():
    amounts = _chain(("extract_document", SRC + "pipeline.py"), ("interpret", SRC + "interpret/document.py"),
                     ("interpret_amounts", SRC + "interpret/amounts.py"),
                     ("_as_pledge", SRC + "interpret/amounts.py"),
                     ("__init__", "/site-packages/pydantic/main.py"))
    assert stage_of(amounts) == "interpret: amounts"
    checks = _chain(("extract_document", SRC + "pipeline.py"), ("check_document", SRC + "checks/document.py"))
    assert stage_of(checks) == "checks (document)"
    html = _chain(("read_path", SRC + "read/__init__.py"), ("read_file", SRC + "read/files.py"),
                  ("read_html", SRC + "read/html.py"),
                  ("bare_extraction", "/site-packages/trafilatura/core.py"))
    assert stage_of(html) == "read: HTML main text (trafilatura)"
    models = _chain(("interpret", SRC + "interpret/document.py"),
                    ("__init__", "/site-packages/pydantic/main.py"))
    assert stage_of(models) == "interpret: records as models"
    assert stage_of([("main", "/x/bench/speed.py")]) == "other"
