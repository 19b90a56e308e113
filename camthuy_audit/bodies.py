"""Response bodies: bounded decompression and charset decoding.

Decompression is done here, not by httpx, so that a small gzip "bomb" can never inflate past the
byte cap: every decoder is asked for at most the room left under the cap.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Protocol

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w:.-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 are decoded as windows-1252; legacy Vietnamese pages are windows-1258.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "utf8": "utf-8", "unicode": "utf-8", "x-user-defined": "cp1252"}
# A UTF-8 page with a few broken bytes is still UTF-8 (replacement characters), not a legacy page.
_GOOD_PER_BROKEN_UTF8 = 3


class Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data


class _Inflate:
    """gzip, zlib or raw deflate; returns at most ``room`` bytes per call (the rest is dropped)."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 32 if self._gzip else zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        if not data or room <= 0:
            return b""
        try:
            out = self._inflater.decompress(data, room)
        except zlib.error:
            if self._gzip or self._started:
                raise
            # "deflate" sent without its zlib header (common on old IIS): raw deflate.
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflater.decompress(data, room)
        self._started = True
        return out


class UnsupportedEncoding(ValueError):
    pass


def decoders_for(content_encoding: str) -> list[Decoder]:
    """The decoders to apply, in order, for a Content-Encoding header (``gzip``, ``deflate``, both)."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    chain: list[Decoder] = []
    for coding in reversed(codings):  # the last encoding applied is undone first
        if coding in ("identity", "none"):
            chain.append(_Identity())
        elif coding in ("gzip", "x-gzip", "deflate"):
            chain.append(_Inflate(coding))
        else:
            raise UnsupportedEncoding(coding)
    return chain


def decode_chunk(chain: list[Decoder], data: bytes, room: int) -> tuple[bytes, bool]:
    """Run one raw chunk through the chain: (at most ``room`` bytes, whether the room was filled).

    Every stage gets the same room, so a nested bomb is stopped at its first stage too; once the
    room is filled the response is over the cap and the rest of the chunk is dropped.
    """
    for decoder in chain:
        data = decoder.feed(data, room)
        if len(data) >= room:
            return data[:room], True
    if len(data) >= room:
        return data[:room], True
    return data, False


def _charset(label: str) -> str | None:
    name = label.strip().strip("\"'").lower()
    if not name:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _declared(body: bytes, content_type: str) -> list[str]:
    found: list[str] = []
    header = _HEADER_CHARSET.search(content_type)
    if header and (name := _charset(header.group(1))):
        found.append(name)
    meta = _META_CHARSET.search(body[:4096])
    if meta and (name := _charset(meta.group(1).decode("ascii", "ignore"))):
        found.append(name)
    return found


def _mostly_utf8(body: bytes) -> bool:
    """Many well-formed UTF-8 characters for each broken byte: a UTF-8 page with a few bad bytes."""
    text = body.decode("utf-8", errors="replace")
    genuine = body.decode("utf-8", errors="ignore").count("\ufffd")
    broken = text.count("\ufffd") - genuine
    good = sum(1 for char in text if char > "\x7f") - broken - genuine
    return good > _GOOD_PER_BROKEN_UTF8 * broken


def decode_text(body: bytes, content_type: str = "") -> str:
    """Text of a page, NFC: UTF-8 when the bytes are UTF-8, else the declared charset, else windows-1258.

    Bytes that are valid UTF-8 are UTF-8 whatever the label says (legacy pages never form valid
    UTF-8 by chance). A UTF-8 page with a few broken bytes stays UTF-8 with replacement characters;
    otherwise the charset of the header, then of the meta tag, then windows-1258 (the legacy
    Vietnamese code page) is used.
    """
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    try:
        return unicodedata.normalize("NFC", body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = [c for c in dict.fromkeys(_declared(body, content_type)) if c not in ("utf-8", "utf_8")]
    for charset in declared:
        try:
            return unicodedata.normalize("NFC", body.decode(charset))
        except (LookupError, UnicodeDecodeError):
            continue
    if _mostly_utf8(body):
        return unicodedata.normalize("NFC", body.decode("utf-8", errors="replace"))
    for charset in [*declared, "cp1258"]:
        try:
            return unicodedata.normalize("NFC", body.decode(charset, errors="replace"))
        except LookupError:
            continue
    return unicodedata.normalize("NFC", body.decode("cp1258", errors="replace"))  # pragma: no cover
