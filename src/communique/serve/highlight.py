"""Document text with every extracted span marked, as escaped HTML.

Spans overlap (a meeting's sentence holds a pledge's amount), so the text is cut at every span
boundary into pieces; each piece is one `<span>` carrying the kinds and ids of all spans covering it,
coloured by the innermost. An empty anchor `<span id="span-…">` opens each span, so a plain link
`#span-…` scrolls to it with no script at all; `static/app.js` only adds the highlight of the whole
span on click. Every character of the document goes through `markupsafe.escape`: the text is
untrusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Mark:
    """One span to highlight: `[start, end)` in the text, its kind and an anchor key."""

    start: int
    end: int
    kind: str
    key: str
    label: str = ""


def anchor_id(key: str) -> str:
    """A DOM id for a span key (ids from the ledger may hold any characters)."""
    return "span-" + _SAFE_ID.sub("_", key)


def css_kind(kind: str) -> str:
    return "k-" + _SAFE_ID.sub("_", kind.lower())


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Escaped HTML of `text` with `marks` wrapped; spans outside the text are clipped or dropped."""
    n = len(text)
    good = [m for m in marks if 0 <= m.start < m.end and m.start < n]
    cuts = {0, n}
    for m in good:
        cuts.add(m.start)
        cuts.add(min(m.end, n))
    points = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in good:
        starts.setdefault(m.start, []).append(m)
    opened: set[str] = set()
    out: list[str] = []
    active: list[Mark] = []
    for a, b in zip(points, points[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        for m in starts.get(a, []):
            aid = anchor_id(m.key)
            if aid not in opened:
                opened.add(aid)
                out.append(f'<span class="anchor" id="{aid}"></span>')
        piece = escape(text[a:b])
        if not active:
            out.append(str(piece))
            continue
        inner = min(active, key=lambda m: (m.end - m.start, m.kind))
        classes = " ".join(sorted({css_kind(m.kind) for m in active} | {"hl"}))
        keys = " ".join(sorted({anchor_id(m.key) for m in active}))
        title = "; ".join(sorted({m.label or m.kind for m in active}))
        out.append(f'<span class="{escape(classes)} top-{escape(css_kind(inner.kind))}" '
                   f'data-spans="{escape(keys)}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(out))
