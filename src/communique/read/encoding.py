"""Encoding detection: BOMs, then strict UTF-8, then BOM-less UTF-16, then cp1251 / latin-1.

UTF-8 is tried strictly first because a text that decodes as UTF-8 almost never is anything else.
For the 8-bit code pages, charset-normalizer (a dependency of the HTTP stack, already installed)
chooses between cp1251 (Cyrillic, common in Central Asian sources) and latin-1 / cp1252.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

#: Code pages charset-normalizer may choose from once UTF-8 has failed.
_CODEPAGES = ["cp1251", "latin_1", "cp1252"]


#: Every byte but the control characters other than tab, newline, form feed and carriage return.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first KB: not a text file."""
    head = raw[:1024]
    if b"\x00" in head:
        return True
    ctrl = len(head.translate(None, _NOT_CONTROL))  # the control bytes left, counted in C
    return ctrl > max(4, len(head) // 20)


def _utf16_without_bom(raw: bytes) -> str | None:
    """ASCII-heavy UTF-16 without a BOM has a NUL in every other byte; decode it if so."""
    head = raw[:2048]
    if len(head) < 4 or len(raw) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    enc = "utf-16-le" if odd > 0.6 * half and even < 0.05 * half else (
        "utf-16-be" if even > 0.6 * half and odd < 0.05 * half else None)
    if enc is None:
        return None
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        return None
    return None if looks_binary(text.encode("utf-8", "surrogatepass")) else text


def _mostly_utf8(raw: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a cut or a copy error) is still UTF-8: decode it with U+FFFD
    in their place, rather than reading the whole text as cp1251 mojibake."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return text if good >= 3 and bad <= max(4, good // 10) else None


def decode(raw: bytes, source: str) -> str:
    """Bytes → str, or `InputError` naming `source` when the bytes are not text."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {enc.upper()} byte-order mark but is not valid "
                                         f"{enc.upper()} ({exc.reason} at byte {exc.start})") from None
    if looks_binary(raw):
        text = _utf16_without_bom(raw)
        if text is not None:
            return text
        raise InputError(source, "looks like a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=_CODEPAGES).best()
    if best is not None:
        return str(best)
    raise InputError(source, "cannot be decoded: not UTF-8 (invalid byte at offset "
                             f"{utf8_error.start}), and not readable as UTF-16, cp1251 or latin-1")


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (`<meta charset=…>`), if Python knows it."""
    import re

    m = re.search(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", raw[:2048], re.IGNORECASE)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
