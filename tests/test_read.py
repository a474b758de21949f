"""The read stage: encodings, HTML, PDF, feeds, folders, stdin, and clear errors for bad input."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.read import make_document, read_bytes, read_path
from communique.read.files import sniff, text_title
from communique.read.inputs import iter_documents
from communique.read.jsonl import iter_jsonl

READ = Path(__file__).parent / "fixtures" / "read"
EXAMPLES = Path(__file__).parents[1] / "src" / "communique" / "examples"
sys.path.insert(0, str(READ))
from make_fixtures import (  # noqa: E402
    ENGLISH,
    GERMAN,
    PDF_COLUMN_A,
    PDF_COLUMN_B,
    PDF_FOOTER,
    PDF_TITLE_LINE,
    RUSSIAN,
    minimal_pdf,
    page_ops,
    pdf_pages,
)


def _problem(excinfo) -> str:
    return excinfo.value.problem


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("utf16-bom.txt", ENGLISH),
    ("utf8-bom.txt", ENGLISH),
    ("cp1251.txt", RUSSIAN),
    ("latin1.txt", GERMAN),
])
def test_encodings_of_committed_fixtures(name, expected):
    doc = read_path(READ / name)
    assert doc.text == expected
    assert not doc.text.startswith("\ufeff")


def test_utf16_big_endian_with_bom(tmp_path):
    p = tmp_path / "be.txt"
    p.write_bytes(b"\xfe\xff" + ENGLISH.encode("utf-16-be"))
    assert read_path(p).text == ENGLISH


def test_utf16_without_bom_is_recognised(tmp_path):
    p = tmp_path / "le.txt"
    p.write_bytes(ENGLISH.encode("utf-16-le"))
    assert read_path(p).text == ENGLISH


def test_cp1252_curly_quotes(tmp_path):
    text = "The minister called it a \u201cturning point\u201d \u2013 and a caf\u00e9 opened.\n"
    p = tmp_path / "w.txt"
    p.write_bytes(text.encode("cp1252"))
    assert read_path(p).text == text


def test_utf8_with_a_damaged_byte_stays_utf8(tmp_path):
    text = "ASTANA – Казахстан и ЕС провели встречу. The “Middle Corridor” was discussed.\n"
    raw = text.encode("utf-8")
    p = tmp_path / "damaged.txt"
    p.write_bytes(raw[:20] + b"\xff" + raw[20:])
    got = read_path(p).text
    # the damaged character becomes U+FFFD; the rest is read as UTF-8, not as cp1251 mojibake
    assert 1 <= got.count("\ufffd") <= 3
    assert got.startswith("ASTANA – ")
    assert got.endswith("провели встречу. The “Middle Corridor” was discussed.\n")


def test_nfc_and_line_ends_normalised():
    decomposed = "Caf\u0065\u0301 in Almaty\r\nsecond line\rthird"
    doc = make_document(decomposed)
    assert doc.text == "Caf\u00e9 in Almaty\nsecond line\nthird"
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.id == make_document(unicodedata.normalize("NFC", decomposed)).id


def test_control_characters_become_spaces_one_for_one():
    doc = make_document("EU\x07and\x1bKazakhstan")
    assert doc.text == "EU and Kazakhstan"


def test_normalised_text_and_id_agree_with_the_plain_steps():
    """`make_document` finds control characters from the UTF-8 bytes and reuses those bytes for
    the id: the same text and id as the plain regex, NFC and hash, controls anywhere."""
    import hashlib
    import random
    import re

    from communique.read import _normalised

    rng = random.Random(5)
    pieces = ["a", "Talks", " ", "\n", "\r\n", "\t", "\x00", "\x07", "\x0b", "\x1f", "\x7f", "\x80",
              "\x85", "\x9f", "\xa0", "\u00c2", "é", "e\u0301", "€", "—", "\u2028", "\f", "\ufeff", "Ω"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        want = text[1:] if text.startswith("\ufeff") else text
        want = want.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
        want = want.replace("\u2028", "\n").replace("\u2029", "\n\n")
        want = unicodedata.normalize("NFC", re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", " ", want))
        got, raw = _normalised(text)
        assert (got, raw) == (want, want.encode("utf-8")), repr(text)
        assert make_document(text).id == hashlib.sha256(want.encode("utf-8")).hexdigest()


def test_document_id_is_sha256_of_normalised_text():
    import hashlib

    doc = make_document("Astana, 1 March 2020.")
    assert doc.id == hashlib.sha256(b"Astana, 1 March 2020.").hexdigest()


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, name, words", [
    (b"", "empty.txt", "is empty"),
    (b"  \n\t\n", "blank.txt", "is empty"),
    (bytes(range(256)) * 4, "bin.txt", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "picture.md", "binary"),
    (b"\xff\xfe\x00\xd8A", "broken16.txt", "byte-order mark"),
])
def test_bad_files_raise_input_error_naming_the_file(tmp_path, raw, name, words):
    p = tmp_path / name
    p.write_bytes(raw)
    with pytest.raises(InputError) as ei:
        read_path(p)
    assert ei.value.source == str(p)
    assert words in _problem(ei)
    assert str(p) in str(ei.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    from communique.read.files import MAX_BYTES

    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_path(p)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path)


# --- HTML --------------------------------------------------------------------------------------

def test_html_without_article_drops_boilerplate_and_keeps_paragraphs():
    doc = read_path(READ / "page-no-article.html")
    assert doc.title == "Cooperation Committee meets in Astana"
    assert doc.published == "2025-06-18"
    for junk in ("cookies", "Football", "Copyright", "Sport"):
        assert junk not in doc.text
    paras = doc.text.split("\n\n")
    assert paras[0] == "Cooperation Committee meets in Astana"
    assert paras[1].startswith("ASTANA – The Kazakhstan–EU Cooperation Committee held its 22nd meeting")
    assert len(paras) == 4


def test_html_with_article_and_published_time_meta():
    doc = read_path(EXAMPLES / "2023-10-24-20th-cooperation-council.html")
    assert doc.published == "2023-10-24"
    assert doc.title == "Kazakhstan and the EU hold 20th Cooperation Council in Luxembourg"
    assert "Most read" not in doc.text and "All rights reserved" not in doc.text and "Accept" not in doc.text
    assert "\n\nLUXEMBOURG – The European Union and Kazakhstan held the 20th meeting" in doc.text


def test_html_declared_charset_is_used():
    doc = read_path(READ / "cp1251-declared.html")
    assert doc.text.startswith("Заседание в Астане")


def test_html_fragment_lists_line_breaks_and_tables(tmp_path):
    html = ("<p>First paragraph here.</p><ul><li>one item</li><li>two<br>lines</li></ul>"
            "<table><tr><td>Trade</td><td>$48.7 billion</td></tr></table>")
    doc = read_bytes(html.encode(), "frag", kind="html")
    assert doc.text == "First paragraph here.\n\none item\n\ntwo\nlines\n\nTrade | $48.7 billion"


def test_html_fragment_table_keeps_empty_cells_in_their_column():
    html = ("<table><tr><th></th><th>2025</th><th>2026</th></tr>"
            "<tr><td>Exports</td><td></td><td>24.0</td></tr><tr><td></td><td></td></tr></table>")
    doc = read_bytes(html.encode(), "frag", kind="html")
    assert doc.text == "\u2013 | 2025 | 2026\n\nExports | \u2013 | 24.0"


@pytest.mark.parametrize("wrap", [True, False])
def test_html_double_br_separates_paragraphs_and_source_newlines_are_spaces(wrap):
    body = ("<div class='story'>ASTANA, 17 June 2025. The first paragraph of the statement is long "
            "enough to count as the text of the page.<br><br>The second paragraph follows after two "
            "line breaks and is also a long sentence.<br>It has a second\n   line in the source.</div>")
    html = f"<html><head><title>T</title></head><body>{body}</body></html>" if wrap else body
    paras = read_bytes(html.encode(), "x", kind="html").text.split("\n\n")
    assert paras[0].startswith("ASTANA, 17 June 2025.") and paras[0].endswith("text of the page.")
    assert paras[1] == ("The second paragraph follows after two line breaks and is also a long sentence."
                        "\nIt has a second line in the source.")


def test_truncated_html_is_an_error(tmp_path):
    page = (READ / "page-no-article.html").read_bytes()
    p = tmp_path / "cut.html"
    p.write_bytes(page[: len(page) // 2])
    with pytest.raises(InputError, match="truncated"):
        read_path(p)


_JSON_LD_PAGE = """<html><head><title>Site | Menu</title>
<link rel="canonical" href="https://example.org/news/2025/03/forum-opens">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Forum opens in Tashkent",
"datePublished": "2025-03-04T09:00:00+05:00"}</script></head>
<body><article><h1>A heading that is not the headline</h1><p>TASHKENT – The forum opened on Tuesday with
delegations from twelve countries and a programme of three days.</p></article></body></html>"""
_BARE_PAGE = """<html><body><div><h1>Only heading</h1><p><time datetime="2024-05-12">12 May 2024</time>.
The commission met in Baku for its ninth session and agreed a plan for the next two years.</p></div>
</body></html>"""


@pytest.mark.parametrize("page", [
    READ / "page-no-article.html",
    READ / "cp1251-declared.html",
    Path(__file__).parent / "fixtures" / "web" / "crafted-xss.html.txt",
    *sorted(EXAMPLES.glob("*.html")),
    _JSON_LD_PAGE,
    _BARE_PAGE,
], ids=lambda p: p.name if isinstance(p, Path) else p.split("<h1>")[1].split("<")[0])
def test_html_title_and_date_are_trafilaturas(page):
    """The reader takes a page's title and date through trafilatura's own metadata steps, without
    the ones it never reads (author, site name, tags…): the same values as `extract_metadata`."""
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from communique.read.html import _DATE_PARAMS, _title_and_date

    html = page if isinstance(page, str) else page.read_bytes().decode("utf-8", "replace")
    full = extract_metadata(load_html(html), None, dict(_DATE_PARAMS))
    tree, title, date = _title_and_date(html)
    assert tree is not None
    assert (title, date) == (full.title, full.date)
    if isinstance(page, str):
        assert title and date  # the pages above have both, found by different steps


_ARTICLE = "".join(f"<p>The joint commission met in Almaty on day {d} of its eleventh session, with "
                   "ministers from both sides and a long list of projects to review before the summer.</p>"
                   for d in ("one", "two", "three", "four"))
_NAV = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>"
                             for i in range(60)) + "</ul></nav>"


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Commission meets</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(("page", "fast"), [
    (_page(f"<article>{_ARTICLE}</article>"), True),
    (_page(f"<header>{_NAV}</header><article>{_ARTICLE}</article><footer>{_NAV}</footer>"), False),
    (_page(f"<article>{_ARTICLE}</article>", "<script>" + "var menu = 'item';" * 400 + "</script>"), True),
    (_page(f"<div class='Teaser-box'>{_ARTICLE}</div><article>{_ARTICLE}</article>"), None),
    (_page("<article><p>Too short a page for the main extractor alone.</p></article>"), False),
    (_page(f"<article>{_ARTICLE}<aside><p>See also the archive.</p></aside></article>"), None),
    (_page("<article><table>" + "<tr><td>Row with figures</td><td>12</td></tr>" * 30
           + "</table><p>A short note under the table of this page.</p></article>"), None),
    *[(p.read_text("utf-8", "replace"), None) for p in sorted(EXAMPLES.glob("*.html"))],
    (READ / "page-no-article.html", None),
], ids=lambda x: None if isinstance(x, bool | None) else "page")
def test_html_fast_path_gives_trafilaturas_full_result(page, fast):
    """Skipping trafilatura's readability/justext comparison where `_comparison_keeps` proves it
    changes nothing gives the body the full run gives, on pages where it is skipped and where not."""
    from copy import deepcopy

    import trafilatura
    from lxml.etree import tostring

    from communique.read import html as h

    html = page.read_text("utf-8", "replace") if isinstance(page, Path) else page
    tree = h._title_and_date(html)[0]
    full = trafilatura.bare_extraction(deepcopy(tree), options=h._extractor(True))
    ours = h._bare_extraction(tree, True)
    assert tostring(ours.body) == tostring(full.body)
    if fast is not None and trafilatura.__version__ in h._FAST_PATH_VERSIONS:
        quick = trafilatura.bare_extraction(deepcopy(tree), options=h._extractor(True, fast=True))
        assert not h._TEASERS(tree) and h._comparison_keeps(tree, quick.body) is fast


def test_html_page_with_teasers_takes_the_full_path():
    from communique.read import html as h

    tree = h._title_and_date(_page(f"<div class='teaser'>{_ARTICLE}</div><article>{_ARTICLE}</article>"))[0]
    assert h._TEASERS(tree)


def test_html_without_text_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError, match="no readable text"):
        read_path(p)


# --- PDF ---------------------------------------------------------------------------------------

def test_pdf_reading_order_title_and_paragraphs():
    doc = read_path(READ / "two-columns.pdf")
    assert doc.title == "Transport talks (test PDF)"
    paras = doc.text.split("\n\n")
    assert paras[0] == PDF_TITLE_LINE
    assert paras[1] == "\n".join(PDF_COLUMN_A)
    assert paras[2] == "\n".join(PDF_COLUMN_B)
    assert paras[-1] == PDF_FOOTER  # drawn first, read last


def test_committed_pdf_matches_the_writer():
    made = minimal_pdf(PDF_FOOTER, PDF_TITLE_LINE, PDF_COLUMN_A, PDF_COLUMN_B, "Transport talks (test PDF)")
    assert (READ / "two-columns.pdf").read_bytes() == made


def test_pdf_running_headers_and_footers_dropped(tmp_path):
    bodies = [["ASTANA, 5 May 2025 - The EU and Kazakhstan met.", "They discussed transport."],
              ["The EU said it could provide up to", "EUR 300 million for rail links."],
              ["Both sides will meet again in autumn."]]
    pages = [page_ops("Ministry of Foreign Affairs - Press release", body, f"Page {i} of 3")
             for i, body in enumerate(bodies, start=1)]
    p = tmp_path / "three.pdf"
    p.write_bytes(pdf_pages(pages, "Three pages"))
    doc = read_path(p)
    assert doc.text.split("\n\n") == ["\n".join(b) for b in bodies]
    assert "Ministry" not in doc.text and "Page" not in doc.text


def test_pdf_single_line_boxes_that_differ_are_kept(tmp_path):
    pages = [page_ops(f"Heading number {w}", ["Body text of this page."], "Footer")
             for w in ("one", "two")]
    p = tmp_path / "two.pdf"
    p.write_bytes(pdf_pages(pages, None))
    doc = read_path(p)
    assert "Heading number one" in doc.text and "Heading number two" in doc.text
    assert "Footer" not in doc.text


def test_pdf_without_title_metadata(tmp_path):
    p = tmp_path / "untitled.pdf"
    p.write_bytes(minimal_pdf("f", "Heading", ["A line of text."], ["Another line."], None))
    doc = read_path(p)
    assert doc.title is None
    assert "A line of text." in doc.text


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_an_error(tmp_path, cut):
    raw = (READ / "two-columns.pdf").read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(raw[: int(len(raw) * cut)])
    with pytest.raises(InputError, match="truncated"):
        read_path(p)


def test_broken_pdf_and_not_a_pdf(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage (((\n%%EOF\n")
    with pytest.raises(InputError) as ei:
        read_path(p)
    assert "PDF" in _problem(ei)
    q = tmp_path / "text.pdf"
    q.write_text("This is plain text with a .pdf name.")
    with pytest.raises(InputError, match="not a PDF"):
        read_path(q)


def test_pdf_without_text_layer(tmp_path):
    p = tmp_path / "blank.pdf"
    p.write_bytes(minimal_pdf("", "", [], [], "Scan"))
    with pytest.raises(InputError, match="no text layer"):
        read_path(p)


# --- sniffing, titles --------------------------------------------------------------------------

def test_sniff_kinds():
    assert sniff((READ / "two-columns.pdf").read_bytes()) == "pdf"
    assert sniff(b"  <!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff(b"\xef\xbb\xbf<html lang='en'>") == "html"
    assert sniff(b"The <b> tag is mentioned in text.") == "text"


def test_unknown_extension_is_sniffed(tmp_path):
    p = tmp_path / "page.download"
    p.write_bytes((READ / "page-no-article.html").read_bytes())
    doc = read_path(p)
    assert doc.title == "Cooperation Committee meets in Astana" and doc.meta["format"] == "html"
    assert read_path(READ / "two-columns.pdf").meta["format"] == "pdf"
    assert read_path(READ / "latin1.txt").meta["format"] == "text"


@pytest.mark.parametrize("text, title", [
    ("EU and Kazakhstan sign a deal\n\nASTANA – The two sides signed.", "EU and Kazakhstan sign a deal"),
    ("# Markdown title\n\nBody.", "Markdown title"),
    ("The EU met Kazakhstan. It went well.\n\nMore.", None),
    ("A line that wraps\nonto the next line without a blank.", None),
])
def test_text_title(text, title):
    assert text_title(text) == title


def test_examples_all_read_with_titles_and_a_date_or_dateline():
    docs = list(iter_documents([str(EXAMPLES)]))
    assert len(docs) == 8
    for doc in docs:
        assert not isinstance(doc, InputError), doc
        assert 1400 <= len(doc.text) <= 3000, doc.source
        assert doc.title
        assert doc.published or any(ch.isdigit() for ch in doc.text[:200]), doc.source


# --- feeds -------------------------------------------------------------------------------------

def test_jsonl_feed_good_and_bad_lines():
    lines = [
        json.dumps({"text": "The EU met Kazakhstan.", "id": "a1", "url": "https://example.org/a1",
                    "title": "Meeting", "published": "2025-06-17T10:00:00Z"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"html": "<p>Para one.</p><p>Para two.</p>", "source": "wire-7", "published": "2025-06"}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "x", "published": "17/06/2025"}),
        json.dumps({"text": 5}),
        json.dumps({"text": "x", "published": "2025-02-30"}),
    ]
    out = list(iter_jsonl([(line + "\n").encode() for line in lines], "feed.jsonl"))
    docs = [d for d in out if not isinstance(d, InputError)]
    errors = [str(e) for e in out if isinstance(e, InputError)]
    assert [d.source for d in docs] == ["https://example.org/a1", "wire-7"]
    assert docs[0].published == "2025-06-17" and docs[0].title == "Meeting" and docs[0].meta["id"] == "a1"
    assert docs[1].text == "Para one.\n\nPara two." and docs[1].published == "2025-06"
    assert [e.split(":")[1] for e in errors] == ["2", "4", "6", "7", "8", "9"]
    assert all(e.startswith("feed.jsonl:") for e in errors)
    assert "not valid JSON" in errors[0] and "JSON object" in errors[1] and '"text" or "html"' in errors[2]
    assert '"published"' in errors[3] and '"text" must be a string' in errors[4]
    assert '"published"' in errors[5]


def test_jsonl_source_defaults_to_file_and_line():
    out = list(iter_jsonl(['{"text": "One."}', '{"text": "Two."}'], "f.jsonl"))
    assert [d.source for d in out] == ["f.jsonl:1", "f.jsonl:2"]


def test_empty_feed_is_an_error():
    out = list(iter_jsonl([b"\n", b"  \n"], "empty.jsonl"))
    assert len(out) == 1 and isinstance(out[0], InputError) and "empty" in out[0].problem


def test_jsonl_non_utf8_line():
    out = list(iter_jsonl([b'{"text": "ok"}\n', b'{"text": "\xff"}\n'], "f.jsonl"))
    assert out[0].text == "ok"
    assert isinstance(out[1], InputError) and out[1].source == "f.jsonl:2"


# --- inputs: folders, globs, stdin -------------------------------------------------------------

def _tree(root: Path) -> None:
    (root / "a").mkdir()
    (root / "a" / "b").mkdir()
    (root / ".hidden").mkdir()
    (root / "one.txt").write_text("First document text.")
    (root / "a" / "two.md").write_text("# Second\n\nSecond document.")
    (root / "a" / "b" / "three.html").write_text("<html><body><p>Third document body.</p></body></html>")
    (root / "a" / "b" / "ignored.csv").write_text("x,y")
    (root / ".hidden" / "secret.txt").write_text("hidden")
    (root / "README.md").write_text("About this folder.")
    (root / "feed.jsonl").write_text('{"text": "From a feed."}\n')


def test_folder_is_read_recursively_in_order(tmp_path):
    _tree(tmp_path)
    docs = list(iter_documents([str(tmp_path)]))
    names = [Path(d.source).name if not d.source.endswith(":1") else "feed" for d in docs]
    assert names == ["three.html", "two.md", "feed", "one.txt"]


def test_several_paths_globs_and_errors_in_place(tmp_path):
    _tree(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"")
    out = list(iter_documents([str(tmp_path / "one.txt"), str(tmp_path / "bad.txt"),
                               str(tmp_path / "**" / "*.md"), str(tmp_path / "*.nothing")]))
    kinds = [type(x).__name__ for x in out]
    assert kinds == ["Document", "InputError", "Document", "Document", "InputError"]
    assert "no file matches" in out[-1].problem


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "notes.csv").write_text("x")
    out = list(iter_documents([str(tmp_path)]))
    assert len(out) == 1 and isinstance(out[0], InputError) and "no readable files" in out[0].problem


def test_stdin_text_html_and_feed():
    (doc,) = iter_documents(["-"], stdin=io.BytesIO(b"Text from stdin."))
    assert doc.text == "Text from stdin." and doc.source == "-"
    (doc,) = iter_documents(["-"], stdin=io.BytesIO((READ / "page-no-article.html").read_bytes()))
    assert doc.title == "Cooperation Committee meets in Astana"
    out = list(iter_documents(["-"], input_format="jsonl", stdin=io.BytesIO(b'{"text": "a"}\nbad\n')))
    assert out[0].text == "a" and isinstance(out[1], InputError) and out[1].source == "<stdin>:2"
    (err,) = iter_documents(["-"], stdin=io.BytesIO(b""))
    assert isinstance(err, InputError) and err.source == "<stdin>"


def test_jsonl_mode_reads_feeds_from_a_folder(tmp_path):
    _tree(tmp_path)
    out = list(iter_documents([str(tmp_path)], input_format="jsonl"))
    assert [d.text for d in out] == ["From a feed."]


# --- language ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    (ENGLISH, "en"),
    (GERMAN, "de"),
    (RUSSIAN, "ru"),
    ("Қазақстан мен Еуропалық Одақ арасындағы ынтымақтастық кеңесінің отырысы Астанада өтті және "
     "тараптар көлік дәлізі бойынша келісімге қол қойды.", "kk"),
    ("Le Conseil de coopération entre l'Union européenne et le Kazakhstan s'est réuni à Bruxelles "
     "pour la première fois depuis la signature de l'accord.", "fr"),
    ("O'zbekiston va Yevropa Ittifoqi o'rtasida hamkorlik bo'yicha yangi kelishuv imzolandi, bu ham "
     "iqtisodiy aloqalar uchun muhim qadam bo'ladi.", "uz"),
    ("Yes.", "en"),
    ("€ 12 bn, 2025, 3–4, 48.7", "en"),
])
def test_language_detection(text, lang):
    from communique.read.language import detect_language

    assert detect_language(text) == lang
    assert make_document(text).language == lang


def test_language_of_read_files():
    assert read_path(READ / "cp1251.txt").language == "ru"
    assert read_path(READ / "latin1.txt").language == "de"
    assert read_path(EXAMPLES / "2025-04-04-samarkand-summit.md").language == "en"
