"""Real bytes for non-HTML resources: decodable JPEG/PNG of a given size, favicon, PDF, CSS/JS stubs."""

from __future__ import annotations

import functools
import struct
import zlib

from camthuy_audit.simulator.vn import fold


@functools.lru_cache(maxsize=64)
def jpeg(width: int, height: int) -> bytes:
    """A baseline greyscale JPEG (flat grey) whose SOF0 carries width and height.

    Both Huffman tables hold a single one-bit code (DC difference 0, AC end-of-block), so every
    8x8 block costs two zero bits and the scan is plain zero bytes (no 0xFF stuffing needed).
    """
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes([1] * 64)
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    one_code = bytes([1] + [0] * 15) + b"\x00"
    dht = b"\xff\xc4" + struct.pack(">H", 20) + b"\x00" + one_code
    dht += b"\xff\xc4" + struct.pack(">H", 20) + b"\x10" + one_code
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    blocks = -(-width // 8) * -(-height // 8)
    bits = 2 * blocks
    full, rest = divmod(bits, 8)
    scan = bytes(full) + (bytes([(1 << (8 - rest)) - 1]) if rest else b"")
    return b"\xff\xd8" + app0 + dqt + sof0 + dht + sos + scan + b"\xff\xd9"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


@functools.lru_cache(maxsize=64)
def png(width: int, height: int, *, rgba: bool = False) -> bytes:
    """A PNG of the given size (flat colour)."""
    if rgba:
        header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
        row = b"\x00" + bytes((0xC8, 0x10, 0x2E, 0xFF)) * width
    else:
        header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
        row = b"\x00" + bytes([0xB4]) * width
    data = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", data)
            + _png_chunk(b"IEND", b""))


@functools.lru_cache(maxsize=1)
def favicon() -> bytes:
    """A 16x16 ICO holding a PNG image."""
    image = png(16, 16, rgba=True)
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 16, 16, 0, 0, 1, 32, len(image), 6 + 16)
    return header + entry + image


def image(path: str, width: int, height: int) -> tuple[bytes, str]:
    if path.endswith(".png"):
        return png(width, height), "image/png"
    return jpeg(width, height), "image/jpeg"


def pdf(title: str) -> bytes:
    """A one-page PDF showing the document's (ASCII-folded) title."""
    text = fold(title).encode("ascii", "replace").decode("ascii")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")[:90]
    stream = f"BT /F1 12 Tf 60 780 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


STATIC_PREFIXES = ("/Content/", "/Scripts/", "/themes/", "/assets/css/", "/assets/js/")


def static_asset(path: str) -> tuple[bytes, str] | None:
    """Tiny stand-ins for the stylesheets and scripts the pages reference."""
    if not path.startswith(STATIC_PREFIXES):
        return None
    if path.endswith(".css"):
        return b"/* portal stylesheet */\nbody{font-family:Arial,Helvetica,sans-serif;font-size:14px}\n", \
            "text/css; charset=utf-8"
    if path.endswith(".js"):
        return b"/* portal script */\n(function(){})();\n", "application/javascript; charset=utf-8"
    return None
