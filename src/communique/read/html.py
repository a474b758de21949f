"""HTML → `Document`: the page's main text via trafilatura, with its title and publication date.

`favor_precision=True` is what drops menus, cookie banners, sidebars and footers on pages without an
`<article>` element. trafilatura's plain-text output joins paragraphs with a single newline, which
the segmenter would read as a soft line break, so the text is rebuilt from its XML tree instead:
one paragraph per block (heading, paragraph, list item, table row, quote), blank lines between.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from functools import lru_cache

from ..errors import InputError
from . import Document, make_document

#: trafilatura XML tags that only hold other blocks.
_CONTAINERS = {"body", "main", "doc", "div", "list", "table", "quote", "section", "article"}
#: Tags whose children are blocks when they have any (an item holding a nested list, say).
_BLOCKS = _CONTAINERS | {"p", "head", "item", "row", "code", "cell"}

# trafilatura and htmldate log their troubles with odd pages as warnings; with no handler
# configured Python prints them on stderr. A NullHandler keeps them quiet unless the application
# configures logging itself.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_HTML_OPEN = re.compile(r"<html[\s>]", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</html\s*>|</body\s*>", re.IGNORECASE)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def read_html(html: str, source: str) -> Document:
    """Main text, title and publication date of one page; `InputError` when it has no text."""
    if _HTML_OPEN.search(html[:4096]) and not _HTML_CLOSE.search(html[-65536:]):
        raise InputError(source, "HTML page is truncated (no closing </body> or </html> tag)")
    title, published, text = extract_main_text(html, source)
    if not text.strip():
        raise InputError(source, "HTML page has no readable text")
    return make_document(text, source=source, title=title, published=published)


def extract_main_text(html: str, source: str) -> tuple[str | None, str | None, str]:
    """(title, published YYYY-MM-DD or None, text with paragraphs separated by blank lines)."""
    if not _HTML_OPEN.search(html[:4096]):
        # A fragment ("<p>…</p>", a feed's html field) is already the article, with no menus to
        # drop; trafilatura would flatten a short one into a single paragraph, so walk it here.
        return None, None, "\n\n".join(_fragment_paragraphs(html, source))
    _metadata_steps()  # imported outside the page's try: a missing one is our bug, not a bad page
    result = None
    paras: list[str] = []
    try:
        with warnings.catch_warnings():
            # htmldate hands odd date strings to dateutil, which warns (UnknownTimezoneWarning…);
            # a reader of our output should not see a library's warning about a page's markup.
            warnings.simplefilter("ignore")
            tree, title, date = _title_and_date(html)
            if tree is None:
                return None, None, ""  # as bare_extraction: no tree, or its metadata step failed
            for precision in (True, False):
                # the retry parses the page afresh: a trafilatura that prunes the tree it is
                # handed (2.3.1 copies it) would otherwise start it from the first run's leftovers
                result = _bare_extraction(tree if precision else html, precision)
                paras = _paragraphs(result.body) if result is not None and result.body is not None else []
                if paras:
                    break
    except Exception as exc:  # a third-party parser on arbitrary bytes: any failure is bad input
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    if result is None or result.body is None:
        return None, None, ""
    text = "\n\n".join(paras)  # the walk of the tree kept (made once)
    return _clean(title), _iso_date(date), text


#: htmldate's settings for the publication date, as trafilatura would pass them.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@lru_cache(maxsize=1)
def _metadata_steps():
    """trafilatura's and htmldate's metadata functions `_title_and_date` runs."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
    from trafilatura.utils import load_html

    return load_html, examine_meta, extract_meta_json, extract_title, extract_url, find_date


def _title_and_date(html: str):
    """(parsed tree, title, date) of a page, read as `trafilatura.metadata.extract_metadata` reads
    them, with the same steps in the same order, before `bare_extraction` prunes its copy of the
    tree; (None, None, None) where `bare_extraction` would discard the page (no tree; a TypeError
    or ValueError).

    Why not `with_metadata=True`: it also extracts author (a deep copy of the tree), site name,
    categories, tags and licence, which we never read: ~30% of trafilatura's time on a page.
    Those steps only read the tree (the author's on a copy, htmldate on one too), so leaving them
    out changes nothing else. `test_read_html` checks the title and date against trafilatura's own.
    """
    load_html, examine_meta, extract_meta_json, extract_title, extract_url, find_date = _metadata_steps()
    try:
        tree = load_html(html, _extractor(True).max_file_size)
        if tree is None:
            return None, None, None
        if "<figcaption" in html:
            _captions_as_paragraphs(tree)
        if _BYLINE_CLASS.search(html):
            _bylines_as_paragraphs(tree)
        if _TABLE.search(html):
            _mark_empty_cells(tree)
        meta = examine_meta(tree)
        with contextlib.suppress(Exception):  # trafilatura skips a broken JSON-LD block the same way
            meta = extract_meta_json(tree, meta)
        title = meta.title or extract_title(tree)
        url = meta.url or extract_url(tree, None)
        date = find_date(tree, url=url, **_DATE_PARAMS)
    except (TypeError, ValueError):
        return None, None, None
    return tree, title, date


#: words a caption needs to be text of the page, not a credit ("Photo: Reuters", "© EEAS")
_CAPTION_WORDS = 5


def _captions_as_paragraphs(tree) -> None:
    """ "<figure><img><figcaption>6. Reception hosted by Head of the EU Delegation … , 21 May.</figcaption>":
    trafilatura drops every `<figure>` with its caption, but a photo gallery or a report with photos
    tells who was there and when in its captions. Each figure with a caption of a sentence's length
    (no table inside) becomes a paragraph of that caption, where the figure stood."""
    from lxml.html import Element

    for fig in list(tree.iter("figure")):
        cap = fig.find(".//figcaption")
        if cap is None or fig.find(".//table") is not None:
            continue
        words = " ".join(cap.text_content().split())
        if len(words.split()) < _CAPTION_WORDS:
            continue
        p = Element("p")
        p.text = words
        p.tail = fig.tail
        parent = fig.getparent()
        if parent is not None:
            parent.replace(fig, p)


#: what a statistics table writes in a cell with no value ("no data"); our table reader reads no number in it
NO_VALUE = "\u2013"
_TABLE = re.compile(r"<table", re.I)


def _mark_empty_cells(tree) -> None:
    """trafilatura writes a table row as its non-empty cells ("Exports | 24 000 | 5.1"), so a row with
    an empty cell, or a header with an empty corner cell, no longer lines up with its columns and a
    value would be read under the wrong year. An empty cell in a row that has values gets a dash, as
    printed statistics tables show a missing value, so every row keeps its columns."""
    for tr in tree.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        empty = [c for c in cells if not c.text_content().strip()]
        if empty and len(empty) < len(cells):
            for c in empty:
                c.text = NO_VALUE


_BYLINE_CLASS = re.compile(r"byline|author", re.I)
#: "By Margulan Baimukhan, Ambassador of … | Published 2 March 2026": an author named with a title
#: also "Report by Anna Berg, Research Assistant." (a summary's author line)
_BYLINE_TITLED = re.compile(
    r"^\s*(?:(?:Report|Summary|Text|Written|Article|Analysis)\s+by|By)\s+[A-Z][^,|]{2,60},\s+\S"
)


def _bylines_as_paragraphs(tree) -> None:
    """trafilatura drops a byline block with its class ("byline", "author"); an op-ed's byline or a
    report's author line that names its author with a title ("By Margulan Baimukhan, Ambassador of
    Kazakhstan to …", "Report by Anna Berg, Research Assistant.") tells who wrote it and in what
    office, so such a block is kept as a paragraph (its class removed). A bare
    "By Anna Berg" or an agency credit stays out, as before."""
    for el in tree.xpath("//p[@class or @id] | //div[@class or @id] | //span[@class or @id]"):
        if not _BYLINE_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")):
            continue
        if not _BYLINE_TITLED.match(el.text_content()):
            continue
        el.attrib.pop("class", None)
        el.attrib.pop("id", None)
        if el.tag == "span":
            el.tag = "p"


@lru_cache(maxsize=4)
def _extractor(precision: bool, fast: bool = False):
    """trafilatura's options object, built once per setting: building it per page (config reads)
    cost ~5% of an extraction. bare_extraction copies it before changing anything (its recall
    retry), so sharing one is safe. The format is "txt", not "python": only the body tree is read
    here, and for "python" bare_extraction also renders it as text (~8% of its time); the two
    formats set the same extraction options (no formatting, no TEI)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", precision=precision, comments=False, tables=True, fast=fast)


def _bare_extraction(tree, precision: bool):
    """`bare_extraction` of the page parsed once by `_title_and_date` (or of its HTML), skipping
    the comparison with readability and justext where that comparison provably keeps
    trafilatura's own text.

    Why: on a plain article page that comparison is ~30% of trafilatura's time (readability
    re-scores a second copy of the whole page) and changes nothing. trafilatura's fast mode skips
    it; `_comparison_keeps` checks, from the fast result and the page, that the full run would
    have returned the same body. Where it cannot tell, the full run is made (the same result as
    before, at the cost of the fast run too)."""
    from trafilatura import bare_extraction

    if precision and _fast_path_valid() and not isinstance(tree, str) and not _TEASERS(tree):
        result = bare_extraction(tree, options=_extractor(True, fast=True))
        if result is not None and result.body is not None and _comparison_keeps(tree, result.body):
            return result
    return bare_extraction(tree, options=_extractor(precision))


#: The trafilatura versions whose `external.compare_extraction` (and the `fast` flag's other use,
#: `keep_teasers` in the wild-text recovery) `_comparison_keeps` was proved against; on any other
#: version every page takes the full path.
_FAST_PATH_VERSIONS = {"2.3.1"}


@lru_cache(maxsize=1)
def _fast_path_valid() -> bool:
    import trafilatura

    return trafilatura.__version__ in _FAST_PATH_VERSIONS


def _teasers():
    from lxml.etree import XPath

    # trafilatura's TEASER_DISCARD_XPATH on any tag: the only part of the extraction (not the
    # comparison) that fast mode changes is that it keeps these blocks in its wild-text recovery.
    return XPath("boolean(//*[contains(translate(@id, 'T', 't'), 'teaser')"
                 " or contains(translate(@class, 'T', 't'), 'teaser')])")


_TEASERS = _teasers()
_DROPPED = ("script", "style", "fencedframe")


def _comparison_keeps(tree, body) -> bool:
    """True when trafilatura 2.3.1's `compare_extraction` (precision focus) would return `body`
    unchanged for this page: readability's text cannot win and justext is not tried.

    - Its `len_text` is the text of the body before the last dedup and strip steps of
      `extract_content`, which only shorten it: `n` below is a lower bound of it.
    - readability drops scripts, styles and fenced frames, then keeps a subset of the other text
      nodes in page order (whitespace collapsed), plus "VIDEO" in an iframe it keeps: the length of
      the rest of the page's text plus 5 per iframe bounds `len_algo`.
    - `_prefer_readability` is then False: `len_text` > 0, `len_algo` ≤ 2 × `len_text`, and the body
      has paragraph text and no more tables than paragraphs (or readability's text is too short for
      that test). justext runs only on a short or "unclean" body (`SANITIZED_XPATH`).
    """
    from lxml.etree import tostring
    from trafilatura.external import SANITIZED_XPATH

    min_size = _extractor(True).min_extracted_size
    n = len(" ".join(body.itertext()).strip())
    if n < min_size or body.xpath(SANITIZED_XPATH):
        return False
    # readability first drops scripts, styles and fenced frames (their own text, not their tails)
    dropped = sum(len(tostring(e, method="text", encoding=str, with_tail=False))
                  for e in tree.iter(*_DROPPED) if not any(a.tag in _DROPPED for a in e.iterancestors()))
    iframes = sum(1 for _ in tree.iter("iframe"))
    bound = len(tostring(tree, method="text", encoding=str)) - dropped + 5 * iframes
    if bound > 2 * n:
        return False
    # readability's text could pass `min_extracted_size * 2` only where the bound does
    return bound <= 2 * min_size or (
        bool(body.xpath(".//p//text()")) and len(body.findall(".//table")) <= len(body.findall(".//p"))
    )


_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
         "button", "select", "iframe", "svg"}
_HTML_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "dl", "li",
                "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
                "tr", "figure", "figcaption", "caption", "hr", "address", "body", "html"}


def _fragment_paragraphs(html: str, source: str) -> list[str]:
    """Paragraphs of an HTML fragment: one per block element, `<br>` kept as a line break."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"HTML could not be parsed ({_short(exc)})") from None
    out: list[str] = []
    _walk_html(root, out)
    return out


def _walk_html(el, out: list[str]) -> None:
    buf: list[str] = [_ws(el.text)]

    def flush() -> None:
        para = _tidy("".join(buf))
        if para:
            out.append(para)
        buf.clear()

    for c in el:
        tag = c.tag.lower() if isinstance(c.tag, str) else ""
        if tag in _SKIP or not tag:
            buf.append(_ws(c.tail))
            continue
        if tag == "tr":
            flush()
            cells = [_tidy(_html_inline(td)).replace("\n", " ") for td in c if isinstance(td.tag, str)]
            if any(cells):  # an empty cell keeps its column (see `_mark_empty_cells`)
                out.append(" | ".join(x or NO_VALUE for x in cells))
        elif tag in _HTML_BLOCKS:
            flush()
            _walk_html(c, out)
        elif tag == "br":
            buf.append("\n")
        else:
            buf.append(_html_inline(c))
        buf.append(_ws(c.tail))
    flush()


def _html_inline(el) -> str:
    parts = [_ws(el.text)]
    for c in el:
        tag = c.tag.lower() if isinstance(c.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag and tag not in _SKIP:
            parts.append(_html_inline(c))
        parts.append(_ws(c.tail))
    return "".join(parts)


def _short(exc: Exception) -> str:
    msg = " ".join(str(exc).split())
    return msg[:80]


def _paragraphs(root) -> list[str]:
    out: list[str] = []
    _walk(root, out)
    return out


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP:  # trafilatura passes a page that is nothing but a menu through as <nav>
        return
    children = [c for c in el if isinstance(c.tag, str)]
    if tag == "row":
        cells = [_inline(c).strip() for c in children]
        line = " | ".join(c for c in cells if c)
        if line:
            out.append(line)
        return
    if tag in _CONTAINERS or any(c.tag in _BLOCKS for c in children):
        lead = (el.text or "").strip()
        if lead:
            out.append(_tidy(lead))
        for c in children:
            _walk(c, out)
            tail = (c.tail or "").strip()
            if tail:
                out.append(_tidy(tail))
        return
    para = _tidy(_inline(el))
    if para:
        out.append(para)


def _inline(el) -> str:
    parts = [_ws(el.text)]
    for c in el:
        if c.tag == "lb":
            parts.append("\n")
        elif isinstance(c.tag, str):
            parts.append(_inline(c))
        parts.append(_ws(c.tail))
    return "".join(parts)


def _ws(s: str | None) -> str:
    """Whitespace in HTML text is one space (source line breaks are not breaks); only <br>/<lb>
    make a "\n"."""
    return _WHITESPACE.sub(" ", s) if s else ""


def _tidy(s: str) -> str:
    """Trim each line; two line breaks in a row (`<br><br>`) separate paragraphs."""
    paras = []
    for chunk in _BLANK_LINE.split(s):
        lines = (line.strip() for line in chunk.split("\n"))
        para = "\n".join(line for line in lines if line)
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def _clean(s: str | None) -> str | None:
    s = " ".join(s.split()) if s else None
    return s or None


def _iso_date(s: str | None) -> str | None:
    m = _DATE.match(s or "")
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)
