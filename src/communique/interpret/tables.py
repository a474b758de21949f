"""Statistics tables → figures: each bare number cell with its row's metric, its column's period and
the unit the header or caption states.

A statistics release puts its numbers in a table whose cells carry no unit ("| Exports to the EU |
26.6 | 27.9 | +4.9 |" under "| Indicator, USD billion | Jan–Sep 2025 | Jan–Sep 2026 | Change, % |"),
so the money grammar finds nothing there. This reader takes a Markdown pipe table, or the "cell |
cell" lines the HTML reader makes of a `<table>`, finds its header row, and reads each cell:

- unit: the row label's own ("Exports, USD bn"), else the column header's ("2025, USD million", "Change,
  %"), else the table's (its first header cell "Indicator, USD billion" or the caption line above it,
  "Foreign trade, in millions of tenge"); a cell with no unit gives nothing (a count row is left to
  the count reader in interpret/amounts.py unless the table has period columns);
- period: the date of its column header ("Jan–Sep 2026", "H1 2025", "2024"), else a date in its row
  ("| Bilateral trade | 2024 | …" or a row label "Exports, 2025"); a change column with no date of
  its own takes the latest period of the table's columns (a growth takes the period of the value it
  reaches); else the caption's date;
- metric: the row label and the column header without their dates and units ("of which:" dropped).

Cells the money grammar already read (they carry their unit: "$3.1 billion") stay with the amounts
interpreter; when their column header dates them and they have no period, they take it here.
Spans point at the cell's number. Vocabulary: data/tables.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..annotate.case import ignorecase_key
from ..annotate.numbers import is_year_like
from ..models import Figure
from .context import Context

__all__ = ["table_figures"]


@dataclass(frozen=True)
class _Cell:
    text: str  # stripped of spaces and Markdown emphasis
    start: int  # span of `text` in the document
    end: int


_ROW_LINE = re.compile(r"^[ \t]*(?P<row>[^\n]*\|[^\n]*?)[ \t]*$", re.M)
_SEPARATOR = re.compile(r"\s*:?-{3,}:?\s*")
_EMPHASIS = "*_` \t\u00a0"
_NUMBER_CELL = re.compile(
    r"(?P<q>~|≈|>|<|about\s+|approx\.?\s*|over\s+|almost\s+|nearly\s+)?(?P<sign>[+\-−–]|\()?\s*"
    r"(?P<n>\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(?P<pct>%)?(?P<close>\))?",
    re.I,
)
_CELL_Q = {"~": "about", "≈": "about", "about": "about", "approx": "about", "approx.": "about",
           ">": "more than", "over": "more than", "<": "less than", "almost": "nearly", "nearly": "nearly"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_UNIT_SPLIT = re.compile(r"\s*(?:,|\(|\)|;|:|\bin\b|\bof\b)\s*", re.I)


@lru_cache(maxsize=1)
def _lex() -> dict:
    t = data.load("tables")

    def rx(words):
        alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)

    scales = {str(k).lower(): float(v) for k, v in t["scales"].items()}
    return {
        "scales": scales,
        # a scale word, as a word of its own (the "m" of "EUR m", not of "more")
        "scale_rx": re.compile(
            r"(?<![\w'])(" + "|".join(map(re.escape, sorted(scales, key=len, reverse=True))) + r")(?![\w])",
            re.I,
        ),
        "change": re.compile(
            r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(t["change_words"], key=len, reverse=True)))
            + r")(?![\w])",
            re.I,
        ),
        "percent": re.compile(
            "|".join(
                re.escape(w) if not w[0].isalnum() else rf"\b{re.escape(w)}\b"
                for w in sorted(t["percent_words"], key=len, reverse=True)
            ),
            re.I,
        ),
        "part": tuple(p.lower() for p in sorted(t["part_prefixes"], key=len, reverse=True)),
        "period_head": rx(t["period_headers"]),
        "generic": frozenset(w.lower() for w in t["generic_headers"]),
        "numbering": frozenset(w.lower() for w in t["number_headers"]),
        "not_units": frozenset(w.lower() for w in t["not_units"]),
    }


@lru_cache(maxsize=256)
def unit_of(text: str) -> tuple[str, float] | None:
    """The money unit a header or caption states: ("USD", 1e9) for "Indicator, USD billion", ("KZT",
    1e6) for "in millions of tenge", ("percent", 1) for "Change, %"; None when it states none."""
    from ..annotate.money import find_amounts

    lx = _lex()
    scale = 1.0
    rest = text
    # the last scale word: "Exports (million), USD million" reads the same
    m = next(reversed(list(lx["scale_rx"].finditer(text))), None)
    if m is not None:
        scale = lx["scales"][ignorecase_key(m.group(1))]
        rest = text[: m.start()] + " " + text[m.end() :]
    for part in _UNIT_SPLIT.split(rest):
        words = part.split()
        if not words or len(words) > 4:
            continue
        part = " ".join(words)
        if part.lower() in lx["not_units"]:
            continue
        for probe in (f"{part} 1", f"1 {part}"):
            for a in find_amounts(probe, 0):
                if a.value == 1.0 and a.unit not in ("percent", "count") and a.known_currency:
                    return a.unit, scale
    if lx["percent"].search(text):
        return "percent", 1.0
    return None


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    """The cells of one row line, each with its span (a Markdown row's outer pipes dropped)."""
    line = text[start:end]
    lo = 0
    hi = len(line)
    if line.startswith("|"):
        lo = 1
    if line.endswith("|") and hi > lo:
        hi -= 1
    out = []
    pos = lo
    for raw in line[lo:hi].split("|"):
        s = raw.strip(_EMPHASIS)
        off = raw.find(s) if s else 0
        out.append(_Cell(s, start + pos + off, start + pos + off + len(s)))
        pos += len(raw) + 1
    return out


def _tables(text: str) -> list[list[list[_Cell]]]:
    """Runs of row lines (a blank line between two rows does not end a table: the HTML reader puts one
    between its rows), each as its rows of cells, the Markdown separator row left out."""
    tables: list[list[list[_Cell]]] = []
    cur: list[list[_Cell]] = []
    last_end = -1
    for m in _ROW_LINE.finditer(text):
        cells = _cells(text, m.start("row"), m.end("row"))
        if len(cells) < 2 or sum(1 for c in cells if c.text) < 2:
            continue
        if cur and text[last_end : m.start()].strip():
            tables.append(cur)
            cur = []
        last_end = m.end()
        if all(_SEPARATOR.fullmatch(c.text or "---") for c in cells):
            continue
        cur.append(cells)
    if cur:
        tables.append(cur)
    return [t for t in tables if len(t) >= 2]


_RANGE_CELL = re.compile(r"(?P<a>\d+(?:[.,]\d+)?)\s*[–—-]\s*(?P<b>\d+(?:[.,]\d+)?)\s*(?P<pct>%)?")


def _plain(n: str) -> float:
    return float(n.replace(",", "."))


def _number(cell: _Cell) -> tuple[float, str, int, int, bool, float | None] | None:
    """(value, qualifier, start, end, percent sign, upper bound of a range) of a cell that is one
    number or one range ("8–10": between 8 and 10), else None."""
    r = _RANGE_CELL.fullmatch(cell.text)
    if r and not is_year_like(r.group("a")) and _plain(r.group("a")) < _plain(r.group("b")):
        return (_plain(r.group("a")), "between", cell.start + r.start("a"), cell.start + r.end("b"),
                bool(r.group("pct")), _plain(r.group("b")))
    m = _NUMBER_CELL.fullmatch(cell.text)
    if not m:
        return None
    n = m.group("n")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", n):
        v = n.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", n):
        v = n.replace(",", ".")  # "34,6": a decimal comma (European and post-Soviet tables)
    else:
        v = re.sub(r"[ \u00a0\u202f]", "", n).replace(",", ".")
    try:
        value = float(v)
    except ValueError:
        return None
    if (m.group("sign") == "(") != bool(m.group("close")):
        return None  # "(3" or "3)": no number of its own
    if m.group("sign") and m.group("sign") != "+":
        value = -value  # "−4.3", and an accountant's "(320.5)"
    q = re.sub(r"\s+", "", (m.group("q") or "").lower())
    qual = _CELL_Q.get(q, "exact")
    return value, qual, cell.start + m.start("n"), cell.start + m.end("n"), bool(m.group("pct")), None


def _period_of(ctx: Context, cell: _Cell) -> str | None:
    for d in ctx.dates_in(cell.start, cell.end):
        if d.granularity == "day":
            continue
        return f"{d.value}/{d.end}" if d.end else d.value[:4]
    return None


def _head_period(ctx: Context, cell: _Cell) -> str | None:
    """A column header's period; of two ("Change 2026/2025, %", "Jan–Sep 2026 to Jan–Sep 2025"),
    the later: a change is of the period it reaches."""
    years = set(_YEAR.findall(cell.text))
    if len(years) < 2:
        return _period_of(ctx, cell)
    ds = [d for d in ctx.dates_in(cell.start, cell.end) if d.granularity == "month" and d.end]
    if ds:
        d = max(ds, key=lambda x: x.end)
        return f"{d.value}/{d.end}"
    return max(years)


def _name(ctx: Context, cell: _Cell) -> str:
    """A label without its dates, its unit phrase and a leading "of which:"."""
    s = cell.text
    for d in reversed(ctx.dates_in(cell.start, cell.end)):
        a, b = d.span[0] - cell.start, d.span[1] - cell.start
        s = s[:a] + s[b:]
    low = s.lower()
    for p in _lex()["part"]:
        if low.startswith(p):
            s = s[len(p) :]
            break
    parts = [p for p in re.split(r"\s*[,(]\s*", s) if p.strip(" )")]
    keep = [p.strip(" )") for p in parts if unit_of(p.strip(" )")) is None]
    return re.sub(r"\s+", " ", ", ".join(keep)).strip(" ,.:;–-")


def _caption(ctx: Context, first_row: list[_Cell]) -> tuple[int, int] | None:
    """The short line right above a table (its title or caption), if any."""
    text = ctx.text
    top = text.rfind("\n", 0, first_row[0].start) + 1
    j = top - 1
    while j > 0 and text[j - 1] in " \t\n":
        j -= 1
    if j <= 0 or top - j > 3:  # (one blank line at most)
        return None
    k = text.rfind("\n", 0, j) + 1
    line = text[k:j].strip(" #*_\t")
    if not line or len(line) > 160 or "|" in line:
        return None
    return k, j


def table_figures(ctx: Context, figures: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """(the figures with periods from their column headers, the new figures of bare table cells)."""
    text = ctx.text
    if not ctx.cue["|"]:
        return figures, []
    lx = _lex()
    nouns = set(data.load("metrics")["count_nouns"])
    amounts = ctx.amounts
    taken = [f.span for f in figures if f.span]
    out = list(figures)
    new: list[Figure] = []
    for rows in _tables(text):
        head = rows[0]
        if any(_number(c) and not is_year_like(c.text) for c in head[1:]):
            continue  # no header row
        if all(len(r) == len(head) + 1 for r in rows[1:]):
            # an HTML header whose empty corner cell the reader dropped ("<th></th><th>2025</th>…")
            head = [_Cell("", head[0].start, head[0].start), *head]
        ncol = len(head)
        cap = _caption(ctx, head)
        cap_cell = _Cell(text[cap[0] : cap[1]], cap[0], cap[1]) if cap else None
        table_unit = unit_of(head[0].text) or (unit_of(cap_cell.text) if cap_cell else None)
        cap_period = _period_of(ctx, cap_cell) if cap_cell else None
        col_period = [None] + [_head_period(ctx, c) for c in head[1:]]
        col_unit = [None] + [unit_of(c.text) for c in head[1:]]
        col_change = [False] + [bool(lx["change"].search(c.text)) for c in head[1:]]
        # "2026 vs 2025, %", "2026 in % to 2025": a column comparing two periods without saying it
        # is a change is an index (126.8 = +26.8%), read as nothing rather than guessed
        col_index = [False] + [
            len(set(_YEAR.findall(c.text))) > 1 and not lx["change"].search(c.text) for c in head[1:]
        ]
        col_dates = [None] + [
            bool(lx["period_head"].fullmatch(c.text.strip(" :"))) for c in head[1:]
        ]
        col_names = [""] + [_name(ctx, c) for c in head[1:]]
        # ("| Indicator | Period | Value |": a generic header names nothing)
        col_names = ["" if n.lower() in lx["generic"] else n for n in col_names]
        periods = sorted(p for p in col_period if p)
        latest = periods[-1] if periods else None
        numbered = head[0].text.lower().strip(" .:") in {w.strip(" .") for w in lx["numbering"]} or all(
            re.fullmatch(r"\d{1,3}\.?", r[0].text) for r in rows[1:] if r
        )
        for row in rows[1:]:
            if len(row) != ncol:
                continue  # (an HTML row whose empty cells the reader dropped: columns unknown)
            nums = [_number(c) for c in row]
            label = row[0]
            if numbered:
                # "| 2 | Copper smelter | KAZ Minerals | 850.5 |": the row's first cell of words names it
                label = next((c for c, n in zip(row[1:], nums[1:], strict=True) if c.text and not n), label)
            row_period = None
            for c, n in zip(row, nums, strict=True):
                if not n or is_year_like(c.text):
                    row_period = row_period or _period_of(ctx, c)
            row_unit = unit_of(label.text)
            row_name = _name(ctx, label)
            words = re.findall(r"[\w’'-]+", row_name.lower())
            counts = bool(words) and (any(w in nouns for w in words[:2]) or words[:2] == ["number", "of"])
            for j in range(1, ncol):
                cell = row[j]
                if col_dates[j] or col_index[j] or not cell.text or cell is label:
                    continue
                period = col_period[j] or row_period
                if period is None and col_change[j]:
                    period = latest
                period = period or cap_period
                hit = [x for x in amounts if x.span[0] < cell.end and cell.start < x.span[1]]
                if hit:
                    # a cell the money grammar read: dated by its column when the prose did not date it
                    if col_period[j]:
                        for k, f in enumerate(out):
                            if f.span and cell.start <= f.span[0] < cell.end and f.period is None:
                                out[k] = f.model_copy(update={"period": col_period[j]})
                    continue
                num = nums[j]
                if num is None:
                    continue
                value, qual, a, b, pct, value_max = num
                if any(s[0] < b and a < s[1] for s in taken):
                    continue
                if pct or (col_change[j] and col_unit[j] and col_unit[j][0] == "percent"):
                    unit, scale = "percent", 1.0
                else:
                    got = row_unit or col_unit[j]
                    if got is None and counts:
                        if not periods:
                            continue  # a one-value count row: the count reader's (interpret/amounts.py)
                        got = ("count", 1.0)
                    got = got or table_unit
                    if got is None or col_change[j]:
                        continue  # no unit said, or a change in units of its own
                    unit, scale = got
                if is_year_like(cell.text) and unit not in ("percent",):
                    continue
                col_name = col_names[j]
                if col_change[j]:
                    metric = f"{row_name} growth" if row_name else "growth"
                elif row_name and col_name and not col_period[j]:
                    metric = f"{row_name} {col_name[:1].lower() + col_name[1:]}"
                else:
                    metric = row_name or col_name or "value"
                new.append(
                    Figure(
                        metric=metric,
                        value=round(value * scale, 6),
                        value_max=round(value_max * scale, 6) if value_max is not None else None,
                        unit=unit,
                        period=period,
                        qualifier=qual,
                        span=(a, b),
                    )
                )
    return out, new
