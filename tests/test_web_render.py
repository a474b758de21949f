"""The server-side pieces of the pages: span highlighting and SVG charts, both escaping data."""

from __future__ import annotations

import re

from communique.serve.charts import BarGroup, Point, bar_chart, human, point_chart
from communique.serve.highlight import Mark, anchor_id, highlight


def test_overlapping_spans_are_cut_and_marked():
    text = "The EU pledged EUR 12 billion <b>now</b>."
    meeting = Mark(0, len(text), "meeting", "mee-1", "meeting: x")
    pledge = Mark(15, 29, "pledge", "ple-1", "pledge: 12 bn")
    html = str(highlight(text, [meeting, pledge, Mark(500, 510, "figure", "far"), Mark(5, 5, "x", "empty")]))
    # the text comes back whole once the markup is removed and unescaped
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text
    assert "<b>" not in html and "&lt;b&gt;now&lt;/b&gt;" in html
    assert html.count(f'id="{anchor_id("mee-1")}"') == 1 and html.count(f'id="{anchor_id("ple-1")}"') == 1
    inner = re.search(r'<span class="([^"]+)"[^>]*>EUR 12 billion</span>', html)
    assert inner and "top-k-pledge" in inner.group(1) and "k-meeting" in inner.group(1)
    assert 'data-spans="span-mee-1 span-ple-1"' in html
    assert "far" not in html and "empty" not in html  # outside the text / empty: dropped


def test_anchor_ids_are_safe():
    assert anchor_id('x" onmouseover="alert(1)') == "span-x__onmouseover__alert_1_"


def test_charts_escape_and_link():
    svg = str(point_chart([Point("2024", 48.7e9, href="/documents/a#span-1", label="<script>"),
                           Point("2024", 46.5e9, conflict=True), Point("2023", 40e9)], "trade <x>", "EUR"))
    assert svg.startswith("<svg") and "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count('class="pt conflict"') == 1 and '<a href="/documents/a#span-1">' in svg
    bars = str(bar_chart([BarGroup("2025", {"Global Gateway": 12e9, "<b>": 1e6})], "pledges", "EUR"))
    assert bars.count("<rect") >= 4 and "<b>" not in bars and "&lt;b&gt;" in bars
    assert human(48.7e9) == "48.7 bn" and human(5e6) == "5 m" and human(12) == "12"
