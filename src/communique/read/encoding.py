"""Encoding detection: BOMs first, then strict UTF-8, then charset-normalizer, then cp1251/latin-1."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first KB: not a text file."""
    head = raw[:1024]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl > max(4, len(head) // 20)


def decode(raw: bytes, source: str) -> str:
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason}") from None
    if looks_binary(raw):
        raise InputError(source, "looks like a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1251 vs latin-1: Cyrillic texts are common in this field; let the detector decide.
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1251", "latin_1", "cp1252", "utf_16"]).best()
    if best is not None:
        return str(best)
    raise InputError(source, "cannot be decoded as UTF-8, UTF-16, cp1251 or latin-1")
