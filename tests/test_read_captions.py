"""Photo captions and titled bylines of an HTML page are text of the page: a gallery without
<article>, an article with photos, an op-ed's byline with its author's office; a caption that is only
a credit and a bare byline stay out (our own pages)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.read import read_bytes

_HEAD = (
    "<html><head><title>Gallery</title></head><body><nav><a href='/'>Main</a> | <a href='/x'>Press</a></nav>"
)
_FOOT = "<footer>© 2026 Ministry. All rights reserved.</footer></body></html>"


def _page(body: str) -> str:
    return _HEAD + body + _FOOT


def _text(html: str) -> str:
    return read_bytes(html.encode(), "page.html", kind="html").text


def test_gallery_captions_without_article_become_paragraphs():
    html = _page(
        "<div class='content'><h1>Photo gallery: the visit of the delegation</h1>"
        "<p>On 21 May 2026 Astana hosted the 23rd meeting of the EU–Kazakhstan Cooperation Committee, "
        "which reviewed trade, energy and transport.</p>"
        "<figure><img src='a.jpg' alt=''><figcaption>1. Reception hosted by Head of the EU Delegation "
        "Anna Berg in honour of the participants, 21 May.</figcaption></figure>"
        "<figure><img src='b.jpg' alt=''><figcaption>2. The delegations visit the Astana Hub technology "
        "park on 20 May.</figcaption></figure></div>"
    )
    paras = _text(html).split("\n\n")
    assert (
        "1. Reception hosted by Head of the EU Delegation Anna Berg in honour of the participants, 21 May."
        in paras
    )
    assert any(p.startswith("2. The delegations visit the Astana Hub") for p in paras)


def test_captions_inside_an_article_keep_their_place_and_name_people():
    html = _page(
        "<article><h1>Ministers meet in Riga</h1>"
        "<p>The ministers met in Riga on 3 March 2026 to review the transit corridor and the new "
        "customs rules agreed last year.</p>"
        "<figure><img src='c.jpg'><figcaption>Minister of Economics Viktors Valainis greets the guests "
        "at the entrance of the ministry.</figcaption></figure>"
        "<p>The next meeting will take place in Astana in the autumn, the ministers said.</p></article>"
    )
    text = _text(html)
    first = text.index("The ministers met in Riga")
    cap = text.index("Minister of Economics Viktors Valainis greets")
    assert first < cap < text.index("The next meeting")
    people = {p.name: p.role for p in extract(text, published="2026-03-04").people}
    assert people["Viktors Valainis"] == "Minister of Economics"


def test_a_caption_that_is_only_a_credit_stays_out():
    html = _page(
        "<article><h1>Ministers meet in Riga</h1>"
        "<p>The ministers met in Riga on 3 March 2026 to review the transit corridor and the new "
        "customs rules agreed last year.</p>"
        "<figure><img src='c.jpg'><figcaption>Photo: Reuters</figcaption></figure>"
        "<p>The next meeting will take place in Astana in the autumn, the ministers said.</p></article>"
    )
    assert "Reuters" not in _text(html)


_ARTICLE = (
    "<article><h1>Why the corridor matters</h1>{byline}"
    "<p>When I arrived in Brussels, a senior official told me that Kazakhstan was far from everywhere. "
    "Geography has not changed since, but the map of trade has.</p>"
    "<p>The next test comes at the Astana International Forum at the end of May.</p></article>"
)


@pytest.mark.parametrize(
    ("byline", "name", "role"),
    [
        (
            "<p class='byline'>By Margulan Baimukhan, Ambassador of Kazakhstan to Belgium | "
            "Published 2 March 2026</p>",
            "Margulan Baimukhan",
            "Ambassador of Kazakhstan to Belgium",
        ),
        (
            "<div class='author-box'>By Anna Berg, Minister of Foreign Affairs of Latvia</div>",
            "Anna Berg",
            "Minister of Foreign Affairs",
        ),
        (
            "<p><span class='Byline'>By Jonas Lind, Head of the EU Delegation to Uzbekistan</span></p>",
            "Jonas Lind",
            "Head of the EU Delegation to Uzbekistan",
        ),
    ],
)
def test_an_op_eds_byline_with_the_authors_office_is_kept(byline, name, role):
    text = _text(_page(_ARTICLE.format(byline=byline)))
    assert text.split("\n\n")[1].startswith("By " + name)
    people = {p.name: p.role for p in extract(text, published="2026-03-02").people}
    assert people[name] == role


def test_a_bare_byline_stays_out():
    text = _text(_page(_ARTICLE.format(byline="<p class='byline'>By Reuters staff</p>")))
    assert "Reuters" not in text
