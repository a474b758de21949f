"""Deterministic synthetic corpus of diplomatic press releases and news items, for benchmarks.

Why: speed and scale have to be measured on thousands of documents that look like the real input
(meetings with ordinals, co-chairs with titles, dates, pledges and figures in many formats,
agreements at various stages, quotes; .txt, .md and .html), and nobody may ship third-party text.
So the texts are rendered from our own templates and value pools in `bench/templates/`.

Library API (stable; other benchmarks import it):

    from bench.corpus import generate, write_corpus
    for name, text in generate(1000, seed=1):   # name like "0000/doc-000042-council_meeting.txt"
        ...
    write_corpus("/tmp/corpus", n=1000, seed=1)  # -> list of written paths

Document `i` depends only on `(seed, i)`, so a prefix of a larger corpus is the smaller corpus, and
generation streams (nothing is kept in memory). Names are sharded 1,000 per folder so 100 k files do
not land in one directory.

Template syntax (`bench/templates/NN_*.yaml`): `[[a|b|c]]` picks one alternative; `{slot}` is a
generated value; `{slot_2}` is a second, independent value of the same kind. A paragraph is a
string, `{heading: ...}` or `{list: [...]}`.

CLI: `python bench/corpus.py --n 1000 --out DIR --seed 1`
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import yaml

TEMPLATES = Path(__file__).parent / "templates"

__all__ = ["generate", "write_corpus", "render_document", "TEMPLATES"]

_CHOICE = re.compile(r"\[\[((?:(?!\]\]).)*)\]\]", re.S)
_SLOT = re.compile(r"\{([a-z_]+?)(?:_(\d+))?\}")


@cache
def _load() -> tuple[dict, list[dict]]:
    pools = yaml.safe_load((TEMPLATES / "pools.yaml").read_text(encoding="utf-8"))
    templates = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(TEMPLATES.glob("[0-9]*.yaml"))]
    return pools, templates


# --- value formatting -------------------------------------------------------------------------

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_WORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}
_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal_digits(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_words(n: int) -> str:
    """1..99 as an English ordinal word ("twenty-second")."""
    tens, ones = divmod(n, 10)
    if n < 20:
        word = _ONES[n]
        return _ORD_WORD.get(word, word + "th")
    if ones == 0:
        return _TENS[tens][:-1] + "ieth"
    word = _ONES[ones]
    return f"{_TENS[tens]}-{_ORD_WORD.get(word, word + 'th')}"


def roman(n: int) -> str:
    out = ""
    for value, sym in [(50, "L"), (40, "XL"), *_ROMAN]:
        while n >= value:
            out += sym
            n -= value
    return out


def fmt_ordinal(rng: random.Random, n: int) -> str:
    style = rng.random()
    if style < 0.55:
        return ordinal_digits(n)
    if style < 0.85:
        return ordinal_words(n)
    return roman(n)


def fmt_date(rng: random.Random, d: dt.date, year: bool = True) -> str:
    m = _MONTHS[d.month - 1]
    styles = [f"{d.day} {m} {d.year}", f"{m} {d.day}, {d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
              f"{d.isoformat()}", f"{d.day} {m[:3]}. {d.year}" if len(m) > 4 else f"{d.day} {m} {d.year}"]
    if not year:
        styles = [f"{d.day} {m}", f"{m} {d.day}"]
    return rng.choice(styles)


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def _num(rng: random.Random, x: float) -> str:
    """A number in one of the ways texts write it (1.5 / 1,5 rarely / 12)."""
    s = f"{x:.1f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))
    if "." in s and rng.random() < 0.05:
        s = s.replace(".", ",")
    return s


_SCALES = {"billion": ["billion", "bn", "bln", "billion"], "million": ["million", "mln", "m", "million"],
           "trillion": ["trillion", "tn", "trillion"]}
_QUALIFIERS = ["nearly", "almost", "about", "around", "some", "over", "more than", "up to", "at least",
               "less than"]


def fmt_money(rng: random.Random, currency: str, lo: float, hi: float, scale: str = "billion",
              qualifier: float = 0.25) -> str:
    """An amount of `currency` between lo and hi (in `scale` units) written in a random style."""
    x = round(rng.uniform(lo, hi), rng.choice([0, 1, 1, 2]))
    word = rng.choice(_SCALES[scale])
    short = word in ("bn", "bln", "m", "mln", "tn")
    num = _num(rng, x)
    if rng.random() < 0.12 and scale != "trillion":  # written out in full with digit groups
        full = int(round(x * (1e9 if scale == "billion" else 1e6)))
        sep = rng.choice([",", ",", " ", "\u00a0", "\u202f"])
        num, word, short = _group(full, sep), "", False
    amount = f"{num} {word}".strip() if not short else f"{num}{rng.choice(['', ' '])}{word}"
    if currency == "EUR":
        text = rng.choice([f"€{amount}", f"€ {amount}", f"{amount} euros", f"EUR {amount}", f"{amount} EUR",
                           f"{amount} euro"])
    elif currency == "USD":
        text = rng.choice([f"${amount}", f"US${amount}", f"USD {amount}", f"{amount} US dollars",
                           f"{amount} dollars", f"{amount} USD"])
    else:
        text = rng.choice([f"KZT {amount}", f"{amount} tenge", f"₸{amount}", f"{amount} KZT"])
    if rng.random() < qualifier:
        text = f"{rng.choice(_QUALIFIERS)} {text}"
    return text


def fmt_range(rng: random.Random, currency: str) -> str:
    lo = rng.randint(1, 8)
    hi = lo + rng.randint(1, 4)
    sym = {"EUR": "€", "USD": "$"}.get(currency, "₸")
    word = {"EUR": "euros", "USD": "US dollars"}.get(currency, "tenge")
    return rng.choice([f"between {lo} and {hi} billion {word}", f"{sym}{lo}–{hi} billion",
                       f"{sym}{lo}-{hi} bn", f"from {lo} to {hi} billion {word}"])


def fmt_pct(rng: random.Random) -> str:
    x = round(rng.uniform(1.5, 35.0), rng.choice([0, 1]))
    s = str(int(x)) if x == int(x) else str(x)
    return rng.choice([f"{s}%", f"{s} percent", f"{s} per cent", f"{s} %"])


# --- one document's slot values -----------------------------------------------------------------

class Slots:
    """Lazily generated, cached values for the `{slot}` names of one document."""

    def __init__(self, rng: random.Random, pools: dict):
        self.rng, self.p = rng, pools
        self.cache: dict[str, str] = {}
        self.used: dict[str, set] = {}
        self.pair = rng.choice(pools["partnerships"])
        self.body = rng.choice(pools["bodies"])
        self.number = rng.randint(2, 34)
        start = dt.date(2016, 1, 1).toordinal()
        self.day = dt.date.fromordinal(rng.randint(start, dt.date(2026, 6, 30).toordinal()))
        self.published = self.day + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
        self.agreements = rng.sample(pools["agreements"], 3)
        self.summit = rng.choice(pools["summits"])
        self.metric = rng.choice(pools["metrics"])

    def pick(self, base: str, items: list):
        """A pool item not yet used under `base` in this document (distinct agreement_2 etc.)."""
        seen = self.used.setdefault(base, set())
        free = [i for i, _ in enumerate(items) if i not in seen] or list(range(len(items)))
        i = self.rng.choice(free)
        seen.add(i)
        return items[i]

    def person(self, side: str) -> tuple[str, str]:
        kind = self.pair["names_" + side]
        name = f"{self.rng.choice(self.p['first_names'][kind])} {self.rng.choice(self.p['last_names'][kind])}"
        title = self.rng.choice(self.p["titles_" + side]).format(**self.pair)
        return name, title

    def value(self, base: str, index: int) -> str:
        r, pair, d = self.rng, self.pair, self.day
        if base in pair:
            return str(pair[base])
        if base in ("head_a", "head_b", "head_a_last", "head_b_last"):
            side = base[5]
            key = f"_head_{side}"
            if key not in self.cache:
                name, title = self.person(side)
                self.cache[key] = name
                self.cache[key + "_full"] = r.choice([
                    f"{title} {name}", f"{name}, {title},", f"{title} {name}", f"{name} ({title})"])
            return self.cache[key].split()[-1] if base.endswith("_last") else self.cache[key + "_full"]
        gen: dict[str, Callable[[], str]] = {
            "dateline": lambda: r.choice([
                f"{pair['a_cap'].upper()}, {fmt_date(r, self.published)} –",
                f"{pair['a_cap'].upper()} –", f"{pair['b_cap'].upper()} ({fmt_date(r, self.published)}) –",
                f"{fmt_date(r, self.published)}, {pair['a_cap']}.", ""]),
            "caps_place": lambda: pair["a_cap"].upper(),
            "date_wire": lambda: fmt_date(r, self.published, year=False),
            "body": lambda: self.body["name"],
            "body_acr": lambda: f" ({self.body['acronym']})"
            if self.body["acronym"] and r.random() < 0.7 else "",
            "ordinal": lambda: fmt_ordinal(r, self.number),
            "ordinal_prev": lambda: fmt_ordinal(r, self.number - 1),
            "roman_meeting": lambda: roman(self.number),
            "nth_meeting": lambda: r.choice([f"the {fmt_ordinal(r, self.number)} meeting of the",
                                             f"the {fmt_ordinal(r, self.number)} session of the",
                                             f"the {roman(self.number)} meeting of the"]),
            "nth_session": lambda: f"{fmt_ordinal(r, self.number)} "
            f"{r.choice(['meeting', 'session', 'sitting'])}",
            "place": lambda: self.pick("place", self.p["places"]),
            "prev_place": lambda: self.pick("place", self.p["places"]),
            "format_phrase": lambda: r.choice(self.p["formats"][r.choice(list(self.p["formats"]))]),
            "format_word": lambda: r.choice(["in person", "hybrid", "virtual", "videoconference"]),
            "date": lambda: fmt_date(r, d, year=r.random() < 0.7),
            "date_short": lambda: fmt_date(r, d, year=False),
            "date_range": lambda: r.choice([f"{d.day}–{d.day + 1} {_MONTHS[d.month - 1]} {d.year}",
                                            f"{_MONTHS[d.month - 1]} {d.day}-{d.day + 1}, {d.year}"])
            if d.day < 28 else fmt_date(r, d),
            "weekday": lambda: _WEEKDAYS[d.weekday()],
            "month_name": lambda: _MONTHS[r.randrange(12)],
            "month_year": lambda: f"{_MONTHS[r.randrange(12)]} {d.year - r.randint(0, 2)}",
            "year": lambda: str(d.year - 1),
            "prev_year": lambda: str(d.year - r.randint(1, 3)),
            "next_year": lambda: str(d.year + 1),
            "target_year": lambda: str(d.year + r.choice([3, 5, 7])),
            "summit_date": lambda: fmt_date(r, d - dt.timedelta(days=r.randint(30, 300))),
            "period": lambda: r.choice([f"in {d.year - 1}", f"in {d.year - 1}", "last year",
                                        f"in January–{_MONTHS[r.randint(5, 10)]} {d.year}",
                                        f"in the first half of {d.year}",
                                        f"over the first nine months of {d.year - 1}",
                                        f"between {d.year - 5} and {d.year - 1}"]),
            "period_plain": lambda: r.choice([str(d.year - 1), f"the first half of {d.year}",
                                              f"January–September {d.year - 1}"]),
            "topics": lambda: " and ".join(", ".join(r.sample(self.p["topics"], r.randint(3, 5)))
                                           .rsplit(", ", 1)),
            "topic": lambda: r.choice(self.p["topics"]),
            "agreement": lambda: self.agreements[min(index, 3) - 1]["name"],
            "agreement_acr": lambda: f" ({self.agreements[0]['acronym']})" if self.agreements[0]["acronym"]
            else "",
            "agreement_short": lambda: self.agreements[0]["acronym"] or self.agreements[0]["name"],
            "summit": lambda: self.summit["name"],
            "summit_place": lambda: self.summit["place"],
            "program": lambda: r.choice(self.p["programs"]),
            "purpose": lambda: self.pick("purpose", self.p["purposes"]),
            "metric": lambda: self.metric["name"],
            "metric_cap": lambda: self.metric["name"][0].upper() + self.metric["name"][1:],
            "metric_verb": lambda: self.metric["verb"] if index == 1 else r.choice(
                ["reached", "amounted to", "totalled", "came to", "stood at"]),
            "trade_money": lambda: fmt_money(r, r.choice(["USD", "USD", "EUR"]), 0.8, 60.0),
            "small_money": lambda: fmt_money(r, "USD", 50, 900, "million", 0.0),
            "invest_money": lambda: fmt_money(r, "USD", 20, 200, qualifier=0.0),
            "target_money": lambda: fmt_money(r, "USD", 5, 100, qualifier=0.0),
            "usd_money": lambda: fmt_money(r, "USD", 0.5, 9.0, qualifier=0.0),
            "kzt_money": lambda: fmt_money(r, "KZT", 20, 900) if r.random() < 0.8
            else fmt_money(r, "KZT", 1, 5, "trillion"),
            "pledge": lambda: fmt_money(r, r.choice(["EUR", "EUR", pair["b_cur"]]), 0.05, 15.0,
                                        r.choice(["billion", "billion", "million"])),
            "pledge_conv": lambda: self._pledge_conv(),
            "range_money": lambda: fmt_range(r, r.choice(["EUR", "USD"])),
            "pct": lambda: fmt_pct(r),
            "count": lambda: _group(r.randrange(100, 4000, 50), r.choice([",", " ", ""])),
            "small_count": lambda: r.choice(["three", "four", "five", "seven", "12", "15", "twenty"]),
        }
        if base not in gen:
            raise KeyError(f"unknown template slot {{{base}}}")
        return gen[base]()

    def _pledge_conv(self) -> str:
        """A euro pledge with the text's own dollar conversion (sometimes a bad currency token)."""
        r = self.rng
        eur = round(r.uniform(1, 20), r.choice([0, 1]))
        usd = round(eur * r.uniform(1.05, 1.2), 1)
        tok = r.choice(["US$", "US$", "$", "USD ", "EU$"])
        return f"{_num(r, eur)} billion euros ({tok}{_num(r, usd)} billion)"

    def __call__(self, m: re.Match) -> str:
        key = m.group(0)
        if key not in self.cache:
            self.cache[key] = self.value(m.group(1), int(m.group(2) or 1))
        return self.cache[key]


def _fill(text: str, slots: Slots) -> str:
    text = _CHOICE.sub(lambda m: slots.rng.choice(m.group(1).split("|")), text)
    text = _SLOT.sub(slots, text)
    if slots.pair["b_short"] == slots.pair["b"]:  # a state, not a union: "the Germany" → "Germany"
        text = text.replace(f"the {slots.pair['b']}", slots.pair["b"])
        text = text.replace(f"The {slots.pair['b']}", slots.pair["b"])
    return text


# --- rendering ----------------------------------------------------------------------------------

def _blocks(template: dict, slots: Slots, target: int) -> tuple[str, list[tuple[str, object]]]:
    title = _fill(template["title"], slots)
    blocks: list[tuple[str, object]] = []
    for para in template["paragraphs"]:
        if isinstance(para, str):
            text = _fill(para, slots).strip()
            if text:
                blocks.append(("p", text))
        elif "heading" in para:
            blocks.append(("h", _fill(para["heading"], slots)))
        elif "list" in para:
            blocks.append(("li", [_fill(item, slots) for item in para["list"]]))
    size = len(title) + sum(len(b) if isinstance(b, str) else sum(map(len, b)) for _, b in blocks)
    extras = slots.rng.sample(slots.p["extras"], len(slots.p["extras"]))
    while size < target - 900 and extras:
        para = _fill(extras.pop(), slots)
        blocks.append(("p", para))
        size += len(para)
    background = slots.rng.sample(slots.p["background"], len(slots.p["background"]))
    insert_at = max(1, len(blocks) - 1)
    while size < target and background:
        para = background.pop()
        blocks.insert(insert_at, ("p", para))
        size += len(para)
    return title, blocks


def _as_text(title: str, blocks: list, md: bool) -> str:
    out = [f"# {title}" if md else title, ""]
    for kind, body in blocks:
        if kind == "h":
            out += [f"## {body}" if md else str(body), ""]
        elif kind == "li":
            out += [f"- {item}" for item in body] + [""]
        else:
            out += [str(body), ""]
    return "\n".join(out)


def _as_html(title: str, blocks: list, published: dt.date) -> str:
    e = html.escape
    body = []
    for kind, b in blocks:
        if kind == "h":
            body.append(f"      <h2>{e(str(b))}</h2>")
        elif kind == "li":
            body.append("      <ul>" + "".join(f"<li>{e(i)}</li>" for i in b) + "</ul>")
        else:
            body.append(f"      <p>{e(str(b))}</p>")
    paras = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(title)} | Steppe Diplomatic Review</title>
  <meta property="article:published_time" content="{published.isoformat()}T09:00:00Z">
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <header><a href="/">Steppe Diplomatic Review</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/economy">Economy</a></li>
    <li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
  <main>
    <article>
      <h1>{e(title)}</h1>
      <p class="byline">Published <time datetime="{published.isoformat()}">{published.isoformat()}</time></p>
{paras}
    </article>
    <aside><h2>Most read</h2><ol><li><a href="/a">Ferry queues at Aktau</a></li>
    <li><a href="/b">Wind farms seek buyers</a></li></ol></aside>
  </main>
  <footer><p>© Steppe Diplomatic Review. All rights reserved.</p></footer>
</body>
</html>
"""


def render_document(i: int, seed: int = 1, target: int | None = None) -> tuple[str, str]:
    """Document number `i` of corpus `seed`: `(relative name, text)`. Pure function of its args."""
    pools, templates = _load()
    rng = random.Random(f"{seed}:{i}")
    template = rng.choices(templates, weights=[t.get("weight", 1) for t in templates])[0]
    slots = Slots(rng, pools)
    title, blocks = _blocks(template, slots, target or rng.randint(2500, 3100))
    fmt = template.get("prefer_format") if rng.random() < 0.7 else None
    fmt = fmt or rng.choices(["txt", "md", "html"], weights=[70, 15, 15])[0]
    if fmt == "html":
        text = _as_html(title, blocks, slots.published)
    else:
        text = _as_text(title, blocks, md=fmt == "md")
    return f"{i // 1000:04d}/doc-{i:06d}-{template['name']}.{fmt}", text


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """Yield `(relative name, text)` for documents 0..n-1 of corpus `seed` (streaming)."""
    for i in range(n):
        yield render_document(i, seed)


def write_corpus(out: str | Path, n: int, seed: int = 1) -> list[Path]:
    """Write `generate(n, seed)` under `out`; returns the paths. Existing identical files are kept."""
    out = Path(out)
    paths = []
    for name, text in generate(n, seed):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not (path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of documents")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    paths = write_corpus(args.out, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.1f} MB ({size / max(1, len(paths)):.0f} B/doc) in "
          f"{args.out}, {time.perf_counter() - t:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
