"""The benchmark corpus generator (bench/corpus.py): deterministic, streaming, varied, ~3 KB."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402


def test_same_seed_same_corpus_and_prefix_property():
    a = list(corpus.generate(60, seed=7))
    assert a == list(corpus.generate(60, seed=7))
    assert a[:25] == list(corpus.generate(25, seed=7))  # document i depends only on (seed, i)
    assert a != list(corpus.generate(60, seed=8))


def test_every_template_renders_without_leftover_syntax():
    docs = list(corpus.generate(600, seed=3))
    templates = Counter(name.rsplit("-", 1)[-1].split(".")[0] for name, _ in docs)
    # name is "NNNN/doc-000123-<template>.<ext>"; every template file is used
    assert len(templates) == len(list(corpus.TEMPLATES.glob("[0-9]*.yaml")))
    for name, text in docs:
        assert not re.search(r"\{[a-z_0-9]+\}|\[\[|\]\]", text), name
        assert "the France" not in text and "The China" not in text, name


def test_formats_sizes_and_value_styles():
    docs = list(corpus.generate(400, seed=1))
    exts = Counter(name.rsplit(".", 1)[1] for name, _ in docs)
    assert set(exts) == {"txt", "md", "html"} and exts["txt"] > exts["html"]
    sizes = [len(text.encode()) for _, text in docs]
    assert 2500 < sum(sizes) / len(sizes) < 4000
    text = "\n".join(t for _, t in docs)
    for pattern in (r"€\s?\d", r"US\$\d", r"\bKZT \d", r"\d+ tenge", r"\d(?:bn|bln|mln)\b",
                    r"\b[XVI]{2,}\b", r"twenty-\w+", r"\d{2}\.\d{2}\.\d{4}", r"\d+(?:\.\d)? per cent",
                    r"between \d+ and \d+ billion", "\u00a0|\u202f", r"<h1>", r"^# ", r"EU\$"):
        assert re.search(pattern, text, re.M), pattern


def test_write_corpus_shards_and_keeps_identical_files(tmp_path):
    paths = corpus.write_corpus(tmp_path, 30, seed=2)
    assert len(paths) == 30 and all(p.parent.name == "0000" for p in paths)
    before = {p: p.stat().st_mtime_ns for p in paths}
    corpus.write_corpus(tmp_path, 30, seed=2)
    assert {p: p.stat().st_mtime_ns for p in paths} == before
    assert corpus.render_document(1234, 2)[0].startswith("0001/doc-001234-")
